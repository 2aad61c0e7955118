//! The request shapes of the server's JSON API and how they become
//! [`Document`](crosscheck::Document)s: the library's
//! [`crosscheck::request`], which the server uses too (this package used to
//! keep a copy, because axum and tokio do not target
//! `wasm32-unknown-unknown`; the shapes now live in the library, which
//! does). Re-exported here so the package's API is unchanged.
//!
//! The same body gives the same report from the server, the CLI and this
//! package (`crates/wasm/tests/node.test.mjs` checks the last two against
//! each other).

pub use crosscheck::request::{
    BatchRequest, DocumentRequest, InputFormat, QuantityItem, RequestError, documents,
    include_text, parse_batch, quantities_of, report_with_text,
};

#[cfg(test)]
mod tests {
    use crate::{AuditOptions, audit_json, quantities_json};
    use crosscheck::{Format, ingest};
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
        let want = serde_json::to_value(crosscheck::Auditor::new().audit(&docs)).unwrap();
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
        // Every message is tested in `crosscheck::request`; these show that
        // they reach the caller unchanged.
        let cases = [
            ("{", "not valid JSON"),
            (
                r#"{"documents": [{"text": "x", "format": "pdf"}]}"#,
                "documents[0]: unknown variant `pdf`",
            ),
            (
                r#"{"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}"#,
                "documents[1].id: duplicate document id \"a\"",
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
