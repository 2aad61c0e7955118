//! The request shapes of the server's JSON API (`crosscheck_server::api`)
//! and how they become [`Document`]s, for a build without the server's
//! dependencies (axum and tokio do not target `wasm32-unknown-unknown`).
//!
//! Kept in step with `crosscheck_server::api::documents`: the same fields,
//! defaults and checks, so the same body gives the same report from the
//! server, the CLI and this package (`crates/wasm/tests/node.test.mjs`
//! checks the last two against each other).

use std::collections::HashSet;

use crosscheck::date::parse_published;
use crosscheck::{Document, Format, ingest};
use crosscheck_claims::quantity::{self, Kind, Qualifier, Unit};
use serde::{Deserialize, Serialize};

/// The body of `POST /v1/audit`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The articles, in order.
    pub documents: Vec<DocumentRequest>,
}

/// The markup of an article's `text`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, optionally with a `Key: value` header block.
    #[default]
    Text,
    /// An HTML page.
    Html,
    /// Markdown, optionally with YAML or TOML front matter.
    Markdown,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Markdown => Format::Markdown,
        }
    }
}

/// One article of a [`BatchRequest`]. Only `text` is required; metadata
/// given here wins over metadata found in the text (a header block, front
/// matter, HTML `<meta>`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The document id (claim ids are `<id>#<n>`); default `doc-<n>`, n
    /// counting from 1. Ids must be unique within a request.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication date (`2025-06-26`, `June 26, 2025`, an RFC 3339 time, …).
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// The article.
    pub text: String,
    /// How `text` is marked up; default `text`.
    #[serde(default)]
    pub format: InputFormat,
}

/// One numeric expression, as `crosscheck quantities` prints it; byte
/// offsets are into the scanned text.
#[derive(Debug, Clone, Serialize)]
pub struct QuantityItem {
    /// The expression as written.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The number as written, for single figures.
    pub value: Option<f64>,
    /// Lower bound, null when unbounded.
    pub low: Option<f64>,
    /// Upper bound, null when unbounded.
    pub high: Option<f64>,
    /// number, range, percent, ordinal, year, …
    pub kind: Kind,
    /// about, more-than, …
    pub qualifier: Option<Qualifier>,
    /// Currency code, percent, …
    pub unit: Option<Unit>,
    /// An increment ("another 1,000"); omitted when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub additional: bool,
}

/// A [`BatchRequest`] from JSON text: the body object, or a bare array of
/// documents. Errors name the document and the field
/// (`documents[2]: missing field `text``).
pub fn parse_batch(json: &str) -> Result<BatchRequest, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut body) => {
            if let Some(key) = body.keys().find(|k| *k != "documents") {
                return Err(format!(
                    "unknown field `{key}`, expected `documents` (an array of documents)"
                ));
            }
            match body.remove("documents") {
                Some(serde_json::Value::Array(items)) => items,
                Some(_) => return Err("documents: expected an array of documents".into()),
                None => return Err("missing field `documents`".into()),
            }
        }
        _ => {
            return Err(
                "expected an object {\"documents\": [...]} or an array of documents".into(),
            );
        }
    };
    let documents = items
        .into_iter()
        .enumerate()
        .map(|(n, item)| {
            if !item.is_object() {
                return Err(format!(
                    "documents[{n}]: expected an object with at least `text`"
                ));
            }
            serde_json::from_value(item).map_err(|e| format!("documents[{n}]: {e}"))
        })
        .collect::<Result<_, _>>()?;
    Ok(BatchRequest { documents })
}

/// The documents of a request, ingested as `crosscheck audit` reads files
/// (and as the server does). Errors: duplicate or malformed ids,
/// unparsable dates.
pub fn documents(req: BatchRequest) -> Result<Vec<Document>, String> {
    let mut seen = HashSet::new();
    let mut docs = Vec::with_capacity(req.documents.len());
    for (n, d) in req.documents.into_iter().enumerate() {
        let at = format!("documents[{n}]");
        let id = match d.id {
            Some(id) if !id.trim().is_empty() => id,
            _ => format!("doc-{}", n + 1),
        };
        if id.chars().any(char::is_control) || id.len() > 200 {
            return Err(format!(
                "{at}.id: at most 200 characters, no control characters"
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(format!("{at}.id: duplicate document id \"{id}\""));
        }
        let published = match d.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => Some(
                parse_published(p)
                    .ok_or_else(|| format!("{at}.published: unrecognised date \"{p}\""))?,
            ),
        };
        let Some(mut doc) = ingest::parse(&d.text, d.format.into(), &id, "")
            .documents
            .into_iter()
            .next()
        else {
            return Err(format!("{at}: could not be read"));
        };
        let one_line = |s: String| Some(s.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(title) = d.title.filter(|s| !s.trim().is_empty()) {
            doc.title = one_line(title);
        }
        if let Some(outlet) = d.outlet.filter(|s| !s.trim().is_empty()) {
            doc.outlet = one_line(outlet);
        }
        if let Some(url) = d.url.filter(|s| !s.trim().is_empty()) {
            doc.url = one_line(url);
        }
        if let Some(author) = d.author.filter(|s| !s.trim().is_empty()) {
            doc.author = one_line(author);
        }
        if published.is_some() {
            doc.published = published;
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The quantities of a text, as `crosscheck quantities` prints them.
pub fn quantities_of(text: &str) -> Vec<QuantityItem> {
    quantity::find(text)
        .into_iter()
        .map(|q| QuantityItem {
            text: text.get(q.start..q.end).unwrap_or("").to_string(),
            start: q.start,
            end: q.end,
            value: q.value,
            low: q.low,
            high: q.high,
            kind: q.kind,
            qualifier: q.qualifier,
            unit: q.unit,
            additional: q.additional,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AuditOptions, audit_json, quantities_json};
    use serde_json::{Value, json};

    fn audit(body: Value) -> Result<Value, String> {
        audit_json(&body.to_string(), &AuditOptions::default())
            .map(|s| serde_json::from_str(&s).unwrap())
    }

    #[test]
    fn the_same_report_as_the_library() {
        let text = "The Health Ministry said 120 people were killed in the flood on Monday.";
        let other = "Red Cross officials said 900 people were killed in the flood on Monday.";
        let got =
            audit(json!({"documents": [{"id": "a", "text": text}, {"id": "b", "text": other}]}))
                .unwrap();
        let mut docs = ingest::parse(text, Format::Text, "a", "").documents;
        docs.extend(ingest::parse(other, Format::Text, "b", "").documents);
        let want = serde_json::to_value(crosscheck::Auditor::new().check(&docs)).unwrap();
        assert_eq!(got, want);
        assert!(
            got["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["kind"] == "conflict"),
            "{got}"
        );
    }

    #[test]
    fn a_bare_array_metadata_and_default_ids() {
        let got = audit(json!([
            {"text": "The NIS said 11,000 troops were sent.", "title": " Troops \n sent ",
             "outlet": "Daily A", "published": "June 26, 2025"},
            {"text": "<p>Yonhap said 12,000 troops were sent.</p>", "format": "html"}
        ]))
        .unwrap();
        assert_eq!(got["documents"][0]["id"], "doc-1");
        assert_eq!(got["documents"][0]["title"], "Troops sent");
        assert_eq!(got["documents"][0]["outlet"], "Daily A");
        assert_eq!(got["documents"][0]["published"], "2025-06-26");
        assert_eq!(got["documents"][1]["id"], "doc-2");
        assert_eq!(got["claims"][1]["id"], "doc-2#1");
    }

    #[test]
    fn include_text_and_config() {
        let body =
            json!({"documents": [{"id": "a", "text": "The NIS said 11,000 troops were sent."}]});
        let options = AuditOptions {
            include: Some("text".into()),
            config: Some("[findings]\nignore = [\"CC005\"]\n".into()),
        };
        let got: Value =
            serde_json::from_str(&audit_json(&body.to_string(), &options).unwrap()).unwrap();
        assert_eq!(
            got["documents"][0]["text"],
            "The NIS said 11,000 troops were sent."
        );
        assert!(
            got["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["code"] != "CC005")
        );
        let bad = AuditOptions {
            include: Some("html".into()),
            config: None,
        };
        assert!(
            audit_json(&body.to_string(), &bad)
                .unwrap_err()
                .contains("unknown include")
        );
        let bad = AuditOptions {
            include: None,
            config: Some("[tolerence]\n".into()),
        };
        let err = audit_json(&body.to_string(), &bad).unwrap_err();
        assert!(
            err.starts_with("config: unknown key \"tolerence\""),
            "{err}"
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let cases = [
            ("{", "not valid JSON"),
            ("42", "expected an object"),
            (r#"{"docs": []}"#, "unknown field `docs`"),
            ("{}", "missing field `documents`"),
            (r#"{"documents": {}}"#, "documents: expected an array"),
            (r#"{"documents": [1]}"#, "documents[0]: expected an object"),
            (
                r#"{"documents": [{}]}"#,
                "documents[0]: missing field `text`",
            ),
            (
                r#"{"documents": [{"text": "x", "format": "pdf"}]}"#,
                "documents[0]: unknown variant `pdf`",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}"#,
                "documents[1].id: duplicate document id \"a\"",
            ),
            (
                r#"{"documents": [{"text": "x", "published": "someday"}]}"#,
                "documents[0].published: unrecognised date \"someday\"",
            ),
            (
                r#"{"documents": [{"id": "a\u001b", "text": "x"}]}"#,
                "documents[0].id: at most 200 characters",
            ),
        ];
        for (body, want) in cases {
            let err = audit_json(body, &AuditOptions::default()).unwrap_err();
            assert!(err.starts_with(want), "{body}: {err}");
        }
    }

    #[test]
    fn an_empty_batch_is_an_empty_report() {
        let got = audit(json!({"documents": []})).unwrap();
        assert_eq!(got["documents"], json!([]));
        assert_eq!(got["claims"], json!([]));
    }

    #[test]
    fn quantities_as_the_cli_prints_them() {
        let got: Value = serde_json::from_str(&quantities_json(
            "about 5,000 troops and more than 10 million shells",
        ))
        .unwrap();
        assert_eq!(
            got,
            json!([
                {"text": "about 5,000", "start": 0, "end": 11, "value": 5000.0, "low": 5000.0,
                 "high": 5000.0, "kind": "number", "qualifier": "about", "unit": null},
                {"text": "more than 10 million", "start": 23, "end": 43, "value": 10000000.0,
                 "low": 10000000.0, "high": null, "kind": "number", "qualifier": "more-than",
                 "unit": null}
            ])
        );
        assert_eq!(quantities_json(""), "[]");
    }
}
