//! A whole audit of a small batch: the input is split on NUL bytes into up
//! to four documents, each read as text, markdown, HTML or JSONL by its
//! first byte; the audit must not panic, its claims must point at their
//! documents' text, and the report must survive a JSON round trip.
#![no_main]

use crosscheck::{Auditor, Format, Report};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static AUDITOR: OnceLock<Auditor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let mut docs = Vec::new();
    for (n, part) in data.split(|&b| b == 0).take(4).enumerate() {
        let (format, body) = match part.split_first() {
            Some((b'h', rest)) => (Format::Html, rest),
            Some((b'j', rest)) => (Format::Jsonl, rest),
            Some((b'm', rest)) => (Format::Markdown, rest),
            Some((b't', rest)) => (Format::Text, rest),
            _ => (Format::Text, part),
        };
        let text = crosscheck_fuzz::text(body);
        let load = crosscheck::ingest::parse(&text, format, &format!("d{n}"), "");
        crosscheck_fuzz::check_load(&load);
        docs.extend(load.documents);
    }
    let auditor = AUDITOR.get_or_init(Auditor::new);
    let report = auditor.audit(&docs);
    for c in &report.claims {
        let doc = docs
            .iter()
            .find(|d| d.id == c.doc)
            .expect("claim of a known document");
        let span = c.span[0]..c.span[1];
        crosscheck_fuzz::check_span(&doc.text, &span, "claim");
        assert_eq!(c.text, &doc.text[span], "claim text");
    }
    let json = serde_json::to_string(&report).expect("report serializes");
    let back: Report = serde_json::from_str(&json).expect("report deserializes");
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON round trip"
    );
    // Renderers must not panic either.
    let _ = crosscheck::render::audit_text(&report);
    let _ = crosscheck::render::markdown(&report);
    let _ = crosscheck::render::html::render(&report, &docs);
});
