//! The newsroom and CI workflow, end to end against the built binary:
//! configuration, every output format, baselines, exit codes, `--quiet`,
//! `--statistics`, `--jobs`, `--color` and `NO_COLOR`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Run the binary in `dir` with a clean colour environment.
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    run_in(&root(), args, &[])
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary folder with two articles whose death tolls conflict.
struct Batch {
    dir: PathBuf,
}

impl Batch {
    fn new(name: &str) -> Batch {
        let dir = std::env::temp_dir().join(format!("crosscheck-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("news")).unwrap();
        let b = Batch { dir };
        b.write(
            "news/a.txt",
            "The Health Ministry said 120 people were killed in the flood on Monday.\n",
        );
        b.write(
            "news/b.txt",
            "Red Cross officials said 900 people were killed in the flood on Monday.\n",
        );
        b
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        run_in(&self.dir, args, &[])
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

// --- formats --------------------------------------------------------------

#[test]
fn every_format_renders_the_conflict_and_exits_one() {
    let b = Batch::new("formats");
    for format in [
        "text",
        "json",
        "json-lines",
        "concise",
        "markdown",
        "sarif",
        "github",
        "html",
    ] {
        let out = b.run(&["audit", "news", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(
            out.stderr.is_empty(),
            "{format}: nothing on stderr: {}",
            stderr(&out)
        );
        let text = stdout(&out);
        assert!(text.contains("CC001"), "{format}: {text}");
    }
}

#[test]
fn concise_is_path_line_col_code_message() {
    let b = Batch::new("concise");
    let text = stdout(&b.run(&["audit", "news", "--format", "concise"]));
    let line = text
        .lines()
        .find(|l| l.contains(" CC001 "))
        .expect("a CC001 line");
    assert!(
        line.starts_with("news/a.txt:1:26: CC001 ") || line.starts_with("news/b.txt:1:26: CC001 "),
        "{line}"
    );
}

#[test]
fn json_lines_is_one_finding_per_line() {
    let b = Batch::new("jsonl");
    let text = stdout(&b.run(&["audit", "news", "--format", "json-lines"]));
    let json = stdout(&b.run(&["audit", "news", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), report["findings"].as_array().unwrap().len());
    for (line, finding) in lines.iter().zip(report["findings"].as_array().unwrap()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(&v, finding);
    }
}

#[test]
fn github_annotations_are_workflow_commands() {
    let b = Batch::new("github");
    let text = stdout(&b.run(&["audit", "news", "--format", "github"]));
    let line = text.lines().find(|l| l.contains("title=CC001")).unwrap();
    assert!(line.starts_with("::error file=news/"), "{line}");
    assert!(line.contains(",line=1,col=26,"), "{line}");
    assert!(text.lines().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
}

#[test]
fn sarif_points_at_the_article_files() {
    let b = Batch::new("sarif");
    let v: serde_json::Value =
        serde_json::from_slice(&b.run(&["audit", "news", "--format", "sarif"]).stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let result = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "CC001")
        .unwrap();
    let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri == "news/a.txt" || uri == "news/b.txt", "{uri}");
}

#[test]
fn html_is_one_page_with_the_articles() {
    let b = Batch::new("html");
    b.write("news/c.txt", "Title: <script>alert(1)</script>\n\nOfficials said 4,000 people <img src=x onerror=alert(1)> fled.\n");
    let out = b.run(&["audit", "news", "--format", "html"]);
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(
        !page.contains("<script") && !page.contains("<img"),
        "{page}"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("<mark class=\"claim sev-error\""));
}

// --- exit codes -----------------------------------------------------------

#[test]
fn exit_zero_and_fail_on_never_do_not_fail_on_findings() {
    let b = Batch::new("exitzero");
    assert_eq!(
        b.run(&["audit", "news", "--exit-zero"]).status.code(),
        Some(0)
    );
    assert_eq!(
        b.run(&["audit", "news", "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        b.run(&["audit", "news", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn exit_zero_does_not_hide_input_errors() {
    let b = Batch::new("incomplete");
    b.write(
        "news/feed.jsonl",
        "{\"id\": \"x\", \"text\": \"Police said 50 people marched.\"}\nnot json\n",
    );
    let out = b.run(&["audit", "news", "--exit-zero", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "an incomplete batch exits 2");
    assert!(
        stderr(&out).contains("news/feed.jsonl:2"),
        "{}",
        stderr(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["documents"].as_array().unwrap().len(),
        3,
        "the rest is audited"
    );
}

#[test]
fn missing_path_exits_two_and_the_rest_is_audited() {
    let out = run(&["audit", "examples/seeds", "no/such/dir", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
}

// --- terminal behaviour ---------------------------------------------------

#[test]
fn quiet_prints_the_findings_only() {
    let b = Batch::new("quiet");
    let out = b.run(&["audit", "news", "--quiet"]);
    let text = stdout(&out);
    assert!(text.starts_with("error[CC001]"), "{text}");
    assert!(
        !text.contains("clusters:") && !text.contains("document(s)"),
        "{text}"
    );
    assert!(out.stderr.is_empty());
    let seeds = run(&["audit", "examples/seeds", "-q", "--fail-on", "never"]);
    assert!(!stdout(&seeds).contains("document(s)"));
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = run(&["audit", "examples/seeds", "--statistics"]);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("3  CC005  single-source-figure")),
        "{text}"
    );
    let json = stdout(&run(&[
        "audit",
        "examples/seeds",
        "--statistics",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let total: u64 = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    let report: serde_json::Value =
        serde_json::from_slice(&run(&["audit", "examples/seeds", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(total as usize, report["findings"].as_array().unwrap().len());
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let b = Batch::new("jobs");
    for n in 0..30 {
        b.write(
            &format!("more/d{n:02}.txt"),
            &format!(
                "Officials said {} people were evacuated from district {n}, the NIS said.\n",
                100 + n * 7
            ),
        );
    }
    let seeds = root().join("examples/seeds");
    let seeds = seeds.to_str().unwrap();
    for format in ["json", "text", "sarif"] {
        let one = b.run(&[
            "audit", "news", "more", seeds, "--format", format, "--jobs", "1",
        ]);
        let two = b.run(&[
            "audit", "news", "more", seeds, "--format", format, "--jobs", "2",
        ]);
        let all = b.run(&["audit", "news", "more", seeds, "--format", format]);
        assert_eq!(one.stdout, two.stdout, "{format}");
        assert_eq!(one.stdout, all.stdout, "{format}");
        assert_eq!(one.status.code(), two.status.code());
    }
    let c1 = b.run(&["claims", "more", "--format", "json", "-j", "1"]);
    let c2 = b.run(&["claims", "more", "--format", "json", "-j", "2"]);
    assert_eq!(c1.stdout, c2.stdout);
}

#[test]
fn color_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let b = Batch::new("color");
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(esc(&b.run(&["audit", "news", "--color", "always"])));
    assert!(!esc(&b.run(&["audit", "news", "--color", "never"])));
    // auto: stdout is a pipe here, so no colour.
    assert!(!esc(&b.run(&["audit", "news"])));
    assert!(!esc(&run_in(
        &b.dir,
        &["audit", "news", "--color", "auto"],
        &[("NO_COLOR", "1")]
    )));
    // Colour is for the text format only.
    assert!(!esc(&b.run(&[
        "audit", "news", "--color", "always", "--format", "json"
    ])));
    assert!(!esc(&b.run(&[
        "audit", "news", "--color", "always", "--format", "concise"
    ])));
    // Stripped of colour, the text is the plain text.
    let plain = stdout(&b.run(&["audit", "news", "--color", "never"]));
    let painted = stdout(&b.run(&["audit", "news", "--color", "always"]));
    let mut stripped = String::new();
    let mut in_escape = false;
    for c in painted.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => stripped.push(c),
        }
    }
    assert_eq!(stripped, plain);
}

// --- baseline -------------------------------------------------------------

#[test]
fn baseline_round_trip() {
    let b = Batch::new("baseline");
    let out = b.run(&["audit", "news", "--write-baseline", "baseline.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "writing a baseline accepts the findings"
    );
    assert!(stderr(&out).contains("baseline.json"));
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(b.dir.join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(file["schema"], "crosscheck.baseline.v1");
    let entry = &file["findings"][0];
    for key in ["fingerprint", "code", "message", "claims"] {
        assert!(!entry[key].is_null(), "{key}");
    }

    // Known findings are not reported, and do not fail the build.
    let again = b.run(&[
        "audit",
        "news",
        "--baseline",
        "baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(stderr(&again).contains("in the baseline"));

    // An edit elsewhere in the article keeps the finding known.
    b.write(
        "news/a.txt",
        "Rescue teams searched 14 villages overnight.\nThe Health Ministry said 120 people were killed in the flood on Monday.\n",
    );
    let edited = b.run(&[
        "audit",
        "news",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
    ]);
    assert!(!stdout(&edited).contains("CC001"), "{}", stdout(&edited));
    assert_eq!(edited.status.code(), Some(0));

    // A changed figure is a new finding.
    b.write(
        "news/b.txt",
        "Red Cross officials said 950 people were killed in the flood on Monday.\n",
    );
    let changed = b.run(&[
        "audit",
        "news",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
    ]);
    assert!(stdout(&changed).contains("CC001"));
    assert_eq!(changed.status.code(), Some(1));
}

#[test]
fn a_bad_baseline_is_an_error() {
    let b = Batch::new("badbaseline");
    b.write(
        "baseline.json",
        "{\"schema\": \"something else\", \"findings\": []}",
    );
    let out = b.run(&["audit", "news", "--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("schema"), "{}", stderr(&out));
    assert_eq!(
        b.run(&["audit", "news", "--baseline", "missing.json"])
            .status
            .code(),
        Some(2)
    );
}

// --- configuration --------------------------------------------------------

#[test]
fn config_is_found_upward_and_overridden_by_the_flag() {
    let b = Batch::new("config");
    b.write(
        "crosscheck.toml",
        "format = \"concise\"\n[findings]\nignore = [\"CC001\"]\n",
    );
    b.write("other.toml", "format = \"json-lines\"\n");
    // From the folder itself and from a subfolder.
    let here = b.run(&["audit", "news"]);
    assert_eq!(
        here.status.code(),
        Some(0),
        "CC001 is ignored: {}",
        stdout(&here)
    );
    assert!(!stdout(&here).contains("CC001"));
    let sub = run_in(&b.dir.join("news"), &["audit", "."], &[]);
    assert_eq!(sub.status.code(), Some(0));
    // --config wins over the file found.
    let flag = b.run(&["--config", "other.toml", "audit", "news"]);
    assert_eq!(flag.status.code(), Some(1));
    assert!(
        stdout(&flag).lines().all(|l| l.starts_with('{')),
        "json-lines"
    );
    // --format wins over the configured format.
    let text = b.run(&["audit", "news", "--format", "text", "--exit-zero"]);
    assert!(stdout(&text).contains("document(s)"));
}

#[test]
fn config_errors_name_file_line_and_key() {
    let b = Batch::new("badconfig");
    b.write(
        "crosscheck.toml",
        "format = \"text\"\n\n[tolerances]\nabuot = 0.2\n",
    );
    let out = b.run(&["audit", "news"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "crosscheck: error: unknown key \"abuot\" in crosscheck.toml:4 — did you mean \"about\"?"
    );
    assert!(out.stdout.is_empty());
    b.write("crosscheck.toml", "tolerence = 1\n");
    let out = b.run(&["config"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "unknown key \"tolerence\" in crosscheck.toml:1 — did you mean \"tolerances\"?"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_command_prints_the_effective_configuration() {
    let b = Batch::new("showconfig");
    let defaults = b.run(&["config"]);
    assert_eq!(defaults.status.code(), Some(0));
    let text = stdout(&defaults);
    assert!(text.starts_with("# no crosscheck.toml found"), "{text}");
    assert!(
        text.contains("revision-days = 7") && text.contains("[findings]"),
        "{text}"
    );
    b.write("crosscheck.toml", "[tolerances]\nabout = 0.2\n");
    let text = stdout(&b.run(&["config"]));
    assert!(
        text.contains("about = 0.2") && text.contains("nearly = 0.1"),
        "{text}"
    );
    let example = root().join("crosscheck.example.toml");
    let out = b.run(&["--config", example.to_str().unwrap(), "config"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("KIDA"));
}

#[test]
fn file_globs_choose_what_is_read() {
    let b = Batch::new("globs");
    b.write("crosscheck.toml", "[files]\nexclude = [\"news/b.*\"]\n");
    let out = b.run(&["audit", "news", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(out.status.code(), Some(0));
    // A file named on the command line is read anyway.
    let direct = b.run(&["audit", "news/a.txt", "news/b.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&direct.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn configured_severity_and_fail_on_set_the_exit_code() {
    let b = Batch::new("severity");
    b.write("crosscheck.toml", "[findings]\nfail-on = \"never\"\n");
    assert_eq!(b.run(&["audit", "news"]).status.code(), Some(0));
    assert_eq!(
        b.run(&["audit", "news", "--fail-on", "error"])
            .status
            .code(),
        Some(1)
    );
    b.write("crosscheck.toml", "[findings.severity]\nCC001 = \"info\"\n");
    let out = b.run(&["audit", "news", "--format", "concise"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("CC001"));
}
