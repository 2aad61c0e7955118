//! `crosscheck.toml`: the example file loads, and each section reaches the audit.

use std::path::{Path, PathBuf};

use crosscheck::config::Config;
use crosscheck::{Auditor, Format, ingest};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../crosscheck.example.toml")
}

#[test]
fn the_example_file_loads_and_says_something_in_every_section() {
    let cfg = Config::load(&example()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!cfg.findings.ignore.is_empty() || !cfg.findings.severity.is_empty());
    assert!(!cfg.sources.is_empty());
    assert!(!cfg.thesaurus.is_empty());
    assert!(!cfg.boilerplate.is_empty());
    assert!(!cfg.files.exclude.is_empty());
    // What `crosscheck config` prints loads back to the same configuration.
    let printed = cfg.to_toml();
    let mut back = Config::from_toml(&printed, Path::new("printed.toml")).unwrap();
    back.path = cfg.path.clone();
    assert_eq!(back, cfg);
}

#[test]
fn sources_thesaurus_and_boilerplate_reach_the_auditor() {
    let cfg = Config::from_toml(
        r#"
thesaurus = [["widgets", "gizmos"]]

[[sources]]
id = "KIDA"
name = "Korea Institute for Defense Analyses"
kind = "expert"
aliases = ["KIDA"]

[[boilerplate]]
pattern = "^Desk note:"
role = "furniture"
"#,
        Path::new("crosscheck.toml"),
    )
    .unwrap();
    let auditor = Auditor::with_config(&cfg);
    assert!(auditor.registry().get("KIDA").is_some());
    assert!(Auditor::new().registry().get("KIDA").is_none());

    let text = "KIDA said 3,000 troops were sent.\nDesk note: 75 reporters covered this story.";
    let docs = ingest::parse(text, Format::Text, "a", "a.txt").documents;
    let report = auditor.audit(&docs);
    assert_eq!(report.claims.len(), 1, "{:#?}", report.claims);
    assert_eq!(
        report.claims[0].attribution.as_ref().unwrap().source,
        "KIDA"
    );
    assert!(
        report.documents[0]
            .skipped
            .iter()
            .any(|s| s.rule == "config-boilerplate")
    );
    assert_eq!(Auditor::new().audit(&docs).claims.len(), 2);
}

#[test]
fn discover_walks_up_from_a_subfolder() {
    let dir = std::env::temp_dir().join(format!("crosscheck-discover-{}", std::process::id()));
    let sub = dir.join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("crosscheck.toml"), "format = \"concise\"\n").unwrap();
    let found = Config::discover(&sub).expect("found in a parent");
    assert!(found.ends_with("crosscheck.toml"));
    let cfg = Config::resolve(None, &sub).unwrap();
    assert_eq!(cfg.format, crosscheck::config::OutputFormat::Concise);
    let explicit = Config::resolve(Some(&example()), &sub).unwrap();
    assert_eq!(explicit.path.as_deref(), Some(example().as_path()));
    std::fs::remove_dir_all(&dir).ok();
}
