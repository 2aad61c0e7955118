//! The binary end to end: commands, formats and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .expect("the binary runs")
}

#[test]
fn audit_of_the_seeds_is_clean_and_exits_zero() {
    let out = crosscheck(&["audit", "examples/seeds"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("corroborated"));
    assert!(text.contains("0 error(s)"));
}

#[test]
fn audit_json_is_report_v1() {
    let out = crosscheck(&["audit", "examples/seeds", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "crosscheck.report.v1");
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["fingerprint"].is_string())
    );
}

#[test]
fn fail_on_info_findings_is_not_possible_but_warning_threshold_works() {
    let out = crosscheck(&["audit", "examples/seeds", "--fail-on", "warning"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the seeds have only info findings"
    );
}

#[test]
fn a_conflict_fails_the_build() {
    let dir = std::env::temp_dir().join(format!("crosscheck-conflict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "The Health Ministry said 120 people were killed in the flood on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Red Cross officials said 900 people were killed in the flood on Monday.\n",
    )
    .unwrap();
    let out = crosscheck(&["audit", dir.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("conflict"), "{text}");
    let never = crosscheck(&["audit", dir.to_str().unwrap(), "--fail-on", "never"]);
    assert_eq!(never.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_path_is_a_usage_error_and_the_rest_is_still_audited() {
    let out = crosscheck(&[
        "claims",
        "examples/seeds",
        "no/such/dir",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn a_bad_flag_exits_two() {
    assert_eq!(
        crosscheck(&["audit", "--format", "pdf", "examples/seeds"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn quantities_reads_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("quantities")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"about 5,000 troops and more than 10 million shells\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn rule_explains_itself_and_unknown_rules_exit_two() {
    let out = crosscheck(&["rule", "CC001"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("conflicting-figure") && text.contains("Why it matters"),
        "{text}"
    );
    assert!(
        String::from_utf8(crosscheck(&["rule", "--all"]).stdout)
            .unwrap()
            .contains("CC010")
    );
    assert_eq!(crosscheck(&["rule", "CC999"]).status.code(), Some(2));
}

/// A claim-stream file in the system's temporary directory, removed when
/// dropped.
struct StreamFile(PathBuf);

impl StreamFile {
    fn new(name: &str, bytes: &[u8]) -> StreamFile {
        let path = std::env::temp_dir().join(format!(
            "crosscheck-cli-{}-{name}.jsonl",
            std::process::id()
        ));
        std::fs::write(&path, bytes).expect("written");
        StreamFile(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("UTF-8 path")
    }
}

impl Drop for StreamFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn the_claim_stream_audits_to_the_report_of_the_articles() {
    let stream = crosscheck(&["claims", "examples/seeds", "--format", "jsonl"]);
    assert_eq!(stream.status.code(), Some(0));
    let lines = String::from_utf8(stream.stdout.clone()).unwrap();
    assert!(lines.lines().count() > 5, "{lines}");
    let file = StreamFile::new("seeds", &stream.stdout);
    let from_stream = crosscheck(&["audit", "--claims", file.arg(), "--format", "json"]);
    let from_text = crosscheck(&["audit", "examples/seeds", "--format", "json"]);
    assert_eq!(from_stream.status.code(), from_text.status.code());
    assert_eq!(
        String::from_utf8(from_stream.stdout).unwrap(),
        String::from_utf8(from_text.stdout).unwrap()
    );
}

#[test]
fn the_first_line_of_a_claim_stream_that_is_not_a_record_is_named() {
    let stream = crosscheck(&["claims", "examples/seeds", "--format", "jsonl"]);
    let mut bytes = stream.stdout;
    let good = String::from_utf8(bytes.clone()).unwrap().lines().count();
    // Two bad lines after the good ones, a blank line between: the first
    // bad line is reported, by its number in the file.
    bytes.extend_from_slice(b"\nnot a record\n{\"also\": \"not\"}\n");
    let file = StreamFile::new("bad", &bytes);
    let out = crosscheck(&["audit", "--claims", file.arg()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let want = format!("{}:{}: not a claim-stream record", file.arg(), good + 2);
    assert!(err.contains(&want), "{err}");
}
