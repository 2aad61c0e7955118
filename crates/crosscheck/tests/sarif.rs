//! `--format sarif` output validates against the SARIF 2.1.0 JSON schema
//! (vendored in tests/data, checked offline with the `jsonschema` crate).

use std::path::PathBuf;

use crosscheck::{Auditor, Format, ingest, load_paths, render};

fn validator() -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(log: &serde_json::Value) {
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn seed_audit_is_valid_sarif() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let docs = load_paths(&[root]).documents;
    let report = Auditor::new().audit(&docs);
    assert!(!report.findings.is_empty());
    let text = render::sarif::render(&report);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_valid(&log);
    assert_eq!(
        log["runs"][0]["results"].as_array().unwrap().len(),
        report.findings.len()
    );
}

#[test]
fn conflict_with_odd_paths_is_valid_sarif() {
    let mut docs = ingest::parse(
        "The Health Ministry said 120 people were killed in the flood on Monday.",
        Format::Text,
        "a",
        "news desk/ä [draft] #1.txt",
    )
    .documents;
    docs.extend(
        ingest::parse(
            "Red Cross officials said 900 people were killed in the flood on Monday.",
            Format::Text,
            "b",
            "",
        )
        .documents,
    );
    let report = Auditor::new().audit(&docs);
    let log = render::sarif::log(&report);
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let conflict = results
        .iter()
        .find(|r| r["ruleId"] == "CC001")
        .expect("a conflict");
    assert_eq!(conflict["level"], "error");
    let uris: Vec<String> = results
        .iter()
        .flat_map(|r| r["locations"].as_array().into_iter().flatten())
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        uris.iter()
            .any(|u| u == "news%20desk/%C3%A4%20%5Bdraft%5D%20%231.txt" || u == "b"),
        "{uris:?}"
    );
}

#[test]
fn empty_report_is_valid_sarif() {
    let report = Auditor::new().audit(&[]);
    assert_valid(&render::sarif::log(&report));
}

#[test]
fn the_schema_check_would_catch_a_bad_log() {
    let report = Auditor::new().audit(
        &load_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")])
            .documents,
    );
    let mut log = render::sarif::log(&report);
    log["runs"][0]["results"][0]["level"] = serde_json::json!("info");
    assert!(!validator().is_valid(&log), "level \"info\" is not SARIF");
    let mut log = render::sarif::log(&report);
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    assert!(!validator().is_valid(&log), "lines start at 1");
}
