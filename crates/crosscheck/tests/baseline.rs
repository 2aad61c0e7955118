//! Fingerprints and baselines: a fingerprint survives edits elsewhere in an
//! article and reordering of files, and changes when a figure changes.

use crosscheck::baseline::Baseline;
use crosscheck::{Auditor, Document, Format, Report, ingest};

fn doc(id: &str, text: &str) -> Document {
    ingest::parse(text, Format::Text, id, &format!("{id}.txt"))
        .documents
        .remove(0)
}

const A: &str = "The Health Ministry said 120 people were killed in the flood on Monday.";
const B: &str = "Red Cross officials said 900 people were killed in the flood on Monday.";

fn conflict(report: &Report) -> &crosscheck::report::FindingEntry {
    report
        .findings
        .iter()
        .find(|f| f.code == "CC001")
        .expect("a CC001 conflict")
}

#[test]
fn fingerprint_survives_unrelated_edits_and_reordering() {
    let before = Auditor::new().audit(&[doc("a", A), doc("b", B)]);
    let fp = conflict(&before).fingerprint.clone();

    // A new paragraph with its own figure before the conflicting one: claim
    // ids, spans and line numbers all move.
    let edited = format!("Rescue teams searched 14 villages overnight.\n{A}\nRoads remain closed.");
    let after = Auditor::new().audit(&[doc("a", &edited), doc("b", B)]);
    let moved = conflict(&after);
    assert_ne!(
        moved.annotations,
        conflict(&before).annotations,
        "the places moved"
    );
    assert_eq!(moved.fingerprint, fp);

    // Files in the other order.
    let reordered = Auditor::new().audit(&[doc("b", B), doc("a", A)]);
    assert_eq!(conflict(&reordered).fingerprint, fp);
}

#[test]
fn fingerprint_changes_when_a_figure_changes() {
    let before = Auditor::new().audit(&[doc("a", A), doc("b", B)]);
    let changed = Auditor::new().audit(&[doc("a", A), doc("b", &B.replace("900", "950"))]);
    assert_ne!(
        conflict(&changed).fingerprint,
        conflict(&before).fingerprint
    );
}

#[test]
fn fingerprint_changes_when_the_source_changes() {
    let before = Auditor::new().audit(&[doc("a", A), doc("b", B)]);
    let changed = Auditor::new().audit(&[
        doc("a", &A.replace("The Health Ministry", "Police")),
        doc("b", B),
    ]);
    assert_ne!(
        conflict(&changed).fingerprint,
        conflict(&before).fingerprint
    );
}

#[test]
fn baseline_round_trip_hides_known_findings_only() {
    let report = Auditor::new().audit(&[doc("a", A), doc("b", B)]);
    let baseline = Baseline::from_json(&Baseline::of(&report).to_json()).unwrap();
    assert_eq!(baseline.findings.len(), report.findings.len());

    // The same batch, edited elsewhere: everything is known.
    let edited = format!("Rescue teams searched 14 villages overnight.\n{A}");
    let mut again = Auditor::new().audit(&[doc("a", &edited), doc("b", B)]);
    let known_before = again.findings.len();
    let hidden = baseline.filter(&mut again);
    assert!(hidden >= 1);
    assert!(
        again.findings.iter().all(|f| f.code != "CC001"),
        "{:#?}",
        again.findings
    );
    assert!(hidden <= known_before);

    // A changed figure is a new finding.
    let mut changed = Auditor::new().audit(&[doc("a", A), doc("b", &B.replace("900", "950"))]);
    baseline.filter(&mut changed);
    assert!(changed.findings.iter().any(|f| f.code == "CC001"));
}
