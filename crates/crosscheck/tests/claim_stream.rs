//! The claim stream (`crosscheck claims --format jsonl`) audits to the same
//! report as the articles it was made from.

use std::path::PathBuf;

use crosscheck::audit::StreamRecord;
use crosscheck::{Auditor, load_paths, render};

fn seeds() -> Vec<crosscheck::Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let load = load_paths(&[root]);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    assert!(!load.documents.is_empty());
    load.documents
}

#[test]
fn audit_from_jsonl_equals_audit_from_text_on_the_seeds() {
    let docs = seeds();
    let auditor = Auditor::new();
    let from_text = auditor.audit(&docs);
    // Through JSON lines, as a distributed map step would write them.
    let lines: Vec<String> = auditor
        .claim_records(&docs)
        .iter()
        .map(|r| serde_json::to_string(r).expect("serializable"))
        .collect();
    let records: Vec<StreamRecord> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("a record"))
        .collect();
    let from_stream = auditor.audit_claims(&records).expect("auditable");
    assert_eq!(from_stream, from_text);
    assert_eq!(render::json(&from_stream), render::json(&from_text));
    assert!(!from_text.findings.is_empty());
}

#[test]
fn every_claim_carries_its_blocking_key_and_position() {
    let docs = seeds();
    let records = Auditor::new().claim_records(&docs);
    let claims: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            StreamRecord::Claim(c) => Some(c),
            StreamRecord::Document(_) => None,
        })
        .collect();
    assert!(!claims.is_empty());
    for c in claims {
        assert!(c.block.contains('/'), "{}", c.block);
        assert!(c.line >= 1 && c.column >= 1);
    }
}

#[test]
fn a_claim_without_its_document_is_an_error() {
    let docs = seeds();
    let records: Vec<StreamRecord> = Auditor::new()
        .claim_records(&docs)
        .into_iter()
        .filter(|r| matches!(r, StreamRecord::Claim(_)))
        .collect();
    assert!(Auditor::new().audit_claims(&records).is_err());
}

#[test]
fn the_written_stream_is_the_records_as_json_lines_across_runs() {
    // More documents than one run, repeated ids among them (renamed as the
    // audit renames them), so several runs are written and joined.
    let seeds = seeds();
    let docs: Vec<crosscheck::Document> = seeds
        .iter()
        .cycle()
        .take(crosscheck::audit::STREAM_RUN + 7)
        .cloned()
        .collect();
    let auditor = Auditor::new();
    let mut written = Vec::new();
    let n = auditor
        .write_claim_stream(&docs, &mut written)
        .expect("written");
    let records = auditor.claim_records(&docs);
    let mut want = String::new();
    for r in &records {
        want.push_str(&serde_json::to_string(r).expect("serializable"));
        want.push('\n');
    }
    assert_eq!(n, records.len());
    assert!(n > docs.len(), "{n} records of {} documents", docs.len());
    assert_eq!(String::from_utf8(written).expect("UTF-8"), want);
}
