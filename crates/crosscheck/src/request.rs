//! The JSON request shapes of `crosscheck serve` (`POST /v1/audit`,
//! `/v1/claims`, `/v1/quantities`) and of the `crosscheck-wasm` package, and
//! how they become [`Document`]s.
//!
//! One module for both: the server (axum, which does not build for
//! `wasm32-unknown-unknown`) and the wasm package deserialize the same
//! types and turn them into documents with the same [`documents`], so the
//! same body gives the same report from either, and from the CLI.
//!
//! ```
//! use crosscheck::Auditor;
//! use crosscheck::request::{self, BatchRequest};
//!
//! let body = r#"{"documents": [
//!     {"id": "a", "text": "The Health Ministry said 120 people were killed in the flood on Monday."},
//!     {"id": "b", "text": "<p>Red Cross officials said 900 people were killed in the flood on Monday.</p>",
//!      "format": "html", "outlet": "Daily B"}
//! ]}"#;
//! let req: BatchRequest = request::parse_batch(body).unwrap();
//! let docs = request::documents(req).unwrap();
//! assert_eq!(docs[1].outlet.as_deref(), Some("Daily B"));
//! let report = Auditor::new().audit(&docs);
//! assert!(report.findings.iter().any(|f| f.code == "CC001"));
//!
//! let err = request::parse_batch(r#"{"documents": [{"txt": "x"}]}"#).unwrap_err();
//! assert!(err.to_string().starts_with("documents[0]: unknown field `txt`"));
//! ```

use std::collections::HashSet;
use std::fmt;

use crosscheck_claims::quantity::{self, Quantity};
use serde::{Deserialize, Serialize};

use crate::date::parse_published;
use crate::document::{Document, Format};
use crate::report::Report;

/// The body of `POST /v1/audit` and `POST /v1/claims`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The articles, in order.
    pub documents: Vec<DocumentRequest>,
}

/// The markup of an article's `text` in a request.
///
/// [`Format`] without JSON Lines: a request's documents are already
/// separate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The document id (claim ids are `<id>#<n>`); default `doc-<n>`, n
    /// counting from 1. Ids must be unique within a request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publishing outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date (`2025-06-26`, `June 26, 2025`, an RFC 3339 time, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The article.
    pub text: String,
    /// How `text` is marked up; default `text`.
    #[serde(default)]
    pub format: InputFormat,
}

/// The body of `POST /v1/quantities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantitiesRequest {
    /// The text to scan.
    pub text: String,
}

/// One numeric expression, as `crosscheck quantities` prints it; byte
/// offsets are into the scanned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityItem {
    /// The expression as written.
    pub text: String,
    /// Where it is and what it says: span, interval, kind, qualifier, unit,
    /// increment (the fields of the item, after `text`).
    #[serde(flatten)]
    pub quantity: Quantity,
}

/// A request that cannot be turned into documents: what is wrong, naming
/// the document and field (`documents[1].id: duplicate document id "a"`).
/// The server answers it with status 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError {
    /// What is wrong, for people.
    pub message: String,
}

impl RequestError {
    fn new(message: impl Into<String>) -> RequestError {
        RequestError {
            message: message.into(),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RequestError {}

impl From<RequestError> for String {
    fn from(e: RequestError) -> String {
        e.message
    }
}

/// A [`BatchRequest`] from JSON text: the body object, or a bare array of
/// documents. Errors name the document and the field
/// (``documents[2]: missing field `text` ``).
pub fn parse_batch(json: &str) -> Result<BatchRequest, RequestError> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| RequestError::new(format!("not valid JSON: {e}")))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut body) => {
            if let Some(key) = body.keys().find(|k| *k != "documents") {
                return Err(RequestError::new(format!(
                    "unknown field `{key}`, expected `documents` (an array of documents)"
                )));
            }
            match body.remove("documents") {
                Some(serde_json::Value::Array(items)) => items,
                Some(_) => {
                    return Err(RequestError::new(
                        "documents: expected an array of documents",
                    ));
                }
                None => return Err(RequestError::new("missing field `documents`")),
            }
        }
        _ => {
            return Err(RequestError::new(
                "expected an object {\"documents\": [...]} or an array of documents",
            ));
        }
    };
    let documents = items
        .into_iter()
        .enumerate()
        .map(|(n, item)| {
            if !item.is_object() {
                return Err(RequestError::new(format!(
                    "documents[{n}]: expected an object with at least `text`"
                )));
            }
            serde_json::from_value(item)
                .map_err(|e| RequestError::new(format!("documents[{n}]: {e}")))
        })
        .collect::<Result<_, _>>()?;
    Ok(BatchRequest { documents })
}

/// The documents of a request, read as `crosscheck audit` reads files
/// ([`Document::parse`]), with the request's metadata (whitespace
/// collapsed; blank values ignored) winning over the text's.
///
/// Errors: an id longer than 200 bytes or with a control character, a
/// duplicate id (a request names its documents, so unlike
/// [`Auditor`](crate::Auditor), which renames a duplicate, this is the
/// client's mistake to hear about), an unparsable `published` date.
pub fn documents(req: BatchRequest) -> Result<Vec<Document>, RequestError> {
    let mut seen = HashSet::new();
    let mut docs = Vec::with_capacity(req.documents.len());
    for (n, d) in req.documents.into_iter().enumerate() {
        let at = format!("documents[{n}]");
        let id = match d.id {
            Some(id) if !id.trim().is_empty() => id,
            _ => format!("doc-{}", n + 1),
        };
        if id.chars().any(char::is_control) || id.len() > 200 {
            return Err(RequestError::new(format!(
                "{at}.id: at most 200 characters, no control characters"
            )));
        }
        if !seen.insert(id.clone()) {
            return Err(RequestError::new(format!(
                "{at}.id: duplicate document id \"{id}\""
            )));
        }
        let published = match d.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => Some(parse_published(p).ok_or_else(|| {
                RequestError::new(format!("{at}.published: unrecognised date \"{p}\""))
            })?),
        };
        let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let mut doc = Document::parse(id, d.format.into(), &d.text);
        if let Some(title) = given(d.title) {
            doc = doc.with_title(title);
        }
        if let Some(outlet) = given(d.outlet) {
            doc = doc.with_outlet(outlet);
        }
        if let Some(url) = given(d.url) {
            doc = doc.with_url(url);
        }
        if let Some(author) = given(d.author) {
            doc = doc.with_author(author);
        }
        if let Some(published) = published {
            doc = doc.with_published(published);
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The quantities of a text, as `crosscheck quantities` prints them.
///
/// ```
/// let q = crosscheck::request::quantities_of("about 5,000 troops");
/// assert_eq!((q[0].text.as_str(), q[0].quantity.start, q[0].quantity.end), ("about 5,000", 0, 11));
/// ```
pub fn quantities_of(text: &str) -> Vec<QuantityItem> {
    quantity::find(text)
        .into_iter()
        .map(|q| QuantityItem {
            text: text.get(q.start..q.end).unwrap_or("").to_string(),
            quantity: q,
        })
        .collect()
}

/// Whether an `include` option (the server's `?include=`, the wasm
/// package's `options.include`) asks for each document's text: absent or
/// empty is no, `"text"` is yes, anything else is an error.
pub fn include_text(include: Option<&str>) -> Result<bool, RequestError> {
    match include {
        None | Some("") => Ok(false),
        Some("text") => Ok(true),
        Some(other) => Err(RequestError::new(format!(
            "unknown include \"{other}\"; the only one is \"text\""
        ))),
    }
}

/// A report as a JSON value with each document's text as read added to
/// its `documents[]` entry (`documents[].text`, what claim and skipped-block
/// spans index into): the answer to `include=text`. This is not part of
/// report v1's stable fields, only of these API answers.
pub fn report_with_text(report: &Report, docs: &[Document]) -> serde_json::Value {
    let mut value = serde_json::to_value(report).unwrap_or(serde_json::Value::Null);
    if let Some(entries) = value
        .get_mut("documents")
        .and_then(serde_json::Value::as_array_mut)
    {
        for entry in entries {
            let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or("");
            let text = docs
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.text.clone())
                .unwrap_or_default();
            if let Some(obj) = entry.as_object_mut() {
                obj.insert("text".into(), serde_json::Value::String(text));
            }
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;
    use serde_json::json;

    #[test]
    fn documents_match_ingest_and_take_request_metadata() {
        let req = parse_batch(
            &json!([
                {"text": "The NIS said 11,000 troops were sent.", "title": " Troops \n sent ",
                 "outlet": "Daily A", "published": "June 26, 2025", "author": "  "},
                {"text": "<p>Yonhap said 12,000 troops were sent.</p>", "format": "html"}
            ])
            .to_string(),
        )
        .unwrap();
        let docs = documents(req).unwrap();
        assert_eq!(docs[0].id, "doc-1");
        assert_eq!(docs[0].title.as_deref(), Some("Troops sent"));
        assert_eq!(docs[0].outlet.as_deref(), Some("Daily A"));
        assert_eq!(docs[0].author, None);
        assert_eq!(docs[0].published.unwrap().to_string(), "2025-06-26");
        assert_eq!(docs[1].id, "doc-2");
        let html = ingest::parse(
            "<p>Yonhap said 12,000 troops were sent.</p>",
            Format::Html,
            "doc-2",
            "",
        );
        assert_eq!(docs[1], html.documents[0]);
    }

    #[test]
    fn the_server_shape_deserializes_with_serde() {
        // The server deserializes the body with serde (axum); the wasm
        // package with parse_batch. Both give the same request.
        let body = r#"{"documents": [{"id": "a", "text": "x", "format": "markdown"}]}"#;
        let by_serde: BatchRequest = serde_json::from_str(body).unwrap();
        assert_eq!(by_serde, parse_batch(body).unwrap());
        assert_eq!(by_serde.documents[0].format, InputFormat::Markdown);
        // And it serializes back to what a client sends.
        assert_eq!(
            serde_json::to_value(&by_serde).unwrap(),
            json!({"documents": [{"id": "a", "text": "x", "format": "markdown"}]})
        );
        assert!(serde_json::from_str::<BatchRequest>(r#"{"documents": [{"txt": "x"}]}"#).is_err());
    }

    #[test]
    fn errors_name_the_document_and_field() {
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
            let err = parse_batch(body).and_then(documents).unwrap_err();
            assert!(err.message.starts_with(want), "{body}: {err}");
        }
    }

    #[test]
    fn include_and_text() {
        assert_eq!(include_text(None), Ok(false));
        assert_eq!(include_text(Some("")), Ok(false));
        assert_eq!(include_text(Some("text")), Ok(true));
        assert!(
            include_text(Some("html"))
                .unwrap_err()
                .message
                .contains("unknown include")
        );
        let docs = vec![Document::from_text(
            "a",
            "The NIS said 11,000 troops were sent.",
        )];
        let report = crate::Auditor::new().claims(&docs);
        let value = report_with_text(&report, &docs);
        assert_eq!(
            value["documents"][0]["text"],
            "The NIS said 11,000 troops were sent."
        );
    }
}
