//! Small hand-written batches (tests/batches/NN-name/), one relation each:
//! every batch is audited, its `expect.toml` asserted, and its text audit
//! snapshotted in snapshots/batches/.
//!
//! `expect.toml` keys (all optional):
//!
//! - `kinds`, `codes`: finding kinds / rule codes that must be reported;
//! - `no_kinds`, `no_codes`: finding kinds / rule codes that must not be;
//! - `docs`: documents every conflict finding (kind `conflict`) must name,
//!   and at least one conflict must exist;
//! - `[[claim]]` `text` (the figure as written) with `source`, `kind` (of
//!   its attribution, `"none"` for unattributed), `modality`, `interested`
//!   (its credibility names an interested party);
//! - `known_gap`: a one-line reason the tool does not yet say what the
//!   batch expects; the test reports the batch but does not fail on it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crosscheck::{Auditor, Report, load_paths, render};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    no_kinds: Vec<String>,
    #[serde(default)]
    no_codes: Vec<String>,
    #[serde(default)]
    docs: Vec<String>,
    #[serde(default)]
    claim: Vec<ExpectClaim>,
    known_gap: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectClaim {
    text: String,
    source: Option<String>,
    kind: Option<String>,
    modality: Option<String>,
    interested: Option<bool>,
}

const BATCHES: &str = "../../tests/batches";

fn batches() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(BATCHES)
        .expect("tests/batches exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// What is wrong with `report` against `expect`, one line per problem.
fn check(report: &Report, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let has = |f: &dyn Fn(&crosscheck::report::FindingEntry) -> bool| report.findings.iter().any(f);
    for kind in &expect.kinds {
        if !has(&|f| &f.kind == kind) {
            problems.push(format!("no {kind} finding"));
        }
    }
    for code in &expect.codes {
        if !has(&|f| &f.code == code) {
            problems.push(format!("no {code} finding"));
        }
    }
    for kind in &expect.no_kinds {
        if has(&|f| &f.kind == kind) {
            problems.push(format!("an unexpected {kind} finding"));
        }
    }
    for code in &expect.no_codes {
        if has(&|f| &f.code == code) {
            problems.push(format!("an unexpected {code} finding"));
        }
    }
    if !expect.docs.is_empty() {
        let conflicts: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.kind == "conflict")
            .collect();
        if conflicts.is_empty() {
            problems.push(format!("no conflict naming {:?}", expect.docs));
        }
        for f in conflicts {
            let named: Vec<&str> = f
                .claims
                .iter()
                .map(|id| id.split('#').next().unwrap_or(id))
                .collect();
            for doc in &expect.docs {
                if !named.contains(&doc.as_str()) {
                    problems.push(format!("{} {} does not name doc {doc}", f.code, f.kind));
                }
            }
        }
    }
    for want in &expect.claim {
        let Some(c) = report.claims.iter().find(|c| c.text == want.text) else {
            problems.push(format!("no claim {:?}", want.text));
            continue;
        };
        let v = serde_json::to_value(c).expect("a claim serializes");
        let attr = &v["attribution"];
        let field = |value: &serde_json::Value| value.as_str().unwrap_or("none").to_string();
        if let Some(source) = &want.source {
            let got = field(&attr["source"]);
            if &got != source {
                problems.push(format!("{:?}: source {got:?}, not {source:?}", want.text));
            }
        }
        if let Some(kind) = &want.kind {
            let got = field(&attr["kind"]);
            if &got != kind {
                problems.push(format!(
                    "{:?}: source kind {got:?}, not {kind:?}",
                    want.text
                ));
            }
        }
        if let Some(modality) = &want.modality {
            let got = field(&v["modality"]);
            if &got != modality {
                problems.push(format!(
                    "{:?}: modality {got:?}, not {modality:?}",
                    want.text
                ));
            }
        }
        if let Some(interested) = want.interested {
            let got = !v["credibility"]["interested_party"].is_null();
            if got != interested {
                problems.push(format!(
                    "{:?}: interested party {got}, not {interested}",
                    want.text
                ));
            }
        }
    }
    problems
}

fn name(dir: &Path) -> String {
    dir.file_name()
        .expect("a batch directory has a name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn batches_say_what_expect_toml_says() {
    let dirs = batches();
    assert!(
        dirs.len() >= 20,
        "at least 20 batches, found {}",
        dirs.len()
    );
    let mut failures = String::new();
    let mut gaps = String::new();
    for dir in &dirs {
        let name = name(dir);
        let expect: Expect = toml::from_str(
            &fs::read_to_string(dir.join("expect.toml"))
                .unwrap_or_else(|e| panic!("{name}/expect.toml: {e}")),
        )
        .unwrap_or_else(|e| panic!("{name}/expect.toml: {e}"));
        let load = load_paths(std::slice::from_ref(dir));
        assert!(load.errors.is_empty(), "{name}: {:?}", load.errors);
        assert!(
            (2..=5).contains(&load.documents.len()),
            "{name}: 2-5 articles, found {}",
            load.documents.len()
        );
        let report = Auditor::new().audit(&load.documents);
        // What `crosscheck audit` runs (the text dropped as it goes) says
        // the same.
        assert_eq!(
            report,
            Auditor::new().audit_owned(load.documents.clone()),
            "{name}: audit_owned"
        );
        let problems = check(&report, &expect);
        match (&expect.known_gap, problems.is_empty()) {
            (Some(reason), false) => {
                let _ = writeln!(gaps, "  {name}: {reason} ({})", problems.join("; "));
            }
            (Some(reason), true) => {
                let _ = writeln!(gaps, "  {name}: {reason} (now passes: remove known_gap)");
            }
            (None, false) => {
                let _ = writeln!(failures, "  {name}: {}", problems.join("; "));
            }
            (None, true) => {}
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../../../snapshots/batches");
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        if let Some(reason) = &expect.known_gap {
            settings.set_description(format!("known gap: {reason}"));
        }
        settings.bind(|| insta::assert_snapshot!(name.clone(), render::audit_text(&report)));
    }
    if !gaps.is_empty() {
        println!("known gaps (reported, not failed):\n{gaps}");
    }
    assert!(
        failures.is_empty(),
        "batches that fail expect.toml:\n{failures}"
    );
}
