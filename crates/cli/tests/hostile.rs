//! Hostile and broken input through the binary: every problem is a message
//! on stderr naming the file (and the line where it has one), the exit code
//! says the batch was incomplete (2), and the rest of the batch is audited
//! and printed. Terminal output never carries control characters or ANSI
//! escapes from articles or file names.
//!
//! The library-level tests of the same inputs (and the slow ones: a 50 MB
//! line, a million commas) are in `crates/crosscheck/tests/hostile.rs`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "The Health Ministry said 120 people were killed in the flood on Monday.\n";

/// A batch folder with `news/good.txt`, removed when dropped.
struct Batch {
    dir: PathBuf,
}

impl Batch {
    fn new(name: &str) -> Batch {
        let dir = std::env::temp_dir().join(format!(
            "crosscheck-cli-hostile-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("news")).unwrap();
        let b = Batch { dir };
        b.write("news/good.txt", GOOD);
        b
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs the binary in the batch folder (with no crosscheck.toml above it
    /// that matters: `--config` points at an empty one).
    fn run(&self, args: &[&str]) -> Output {
        let config = self.path("crosscheck.toml");
        if !config.exists() {
            fs::write(&config, "").unwrap();
        }
        Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .arg("--config")
            .arg(&config)
            .args(args)
            .current_dir(&self.dir)
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs")
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON report of `audit PATH --format json`.
fn json(b: &Batch) -> (Output, serde_json::Value) {
    let out = b.run(&["audit", "news", "--format", "json"]);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)));
    (out, v)
}

/// The good article's claim is in the report.
fn good_audited(v: &serde_json::Value) {
    assert!(
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["doc"] == "good" && c["text"] == "120"),
        "{v:#}"
    );
}

/// The `errors[]` of document `id`.
fn doc_errors(v: &serde_json::Value, id: &str) -> Vec<String> {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id}"))["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn binary_file_is_named_on_stderr_and_the_rest_is_audited() {
    let b = Batch::new("binary");
    b.write("news/scan.txt", b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary");
    let (out, v) = json(&b);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "news/scan.txt: not read: a binary file (NUL byte at byte 9), not article text"
        ),
        "{}",
        stderr(&out)
    );
    assert!(doc_errors(&v, "scan")[0].contains("binary file"));
    good_audited(&v);
}

#[test]
fn invalid_utf8_and_empty_files_are_warnings_in_the_report() {
    let b = Batch::new("warnings");
    b.write(
        "news/latin1.txt",
        b"Officials said 5,000 troops were sent, the ministry said. Caf\xe9.\n",
    );
    b.write("news/empty.txt", "");
    let (out, v) = json(&b);
    // Warnings: the batch is complete, the exit code is not 2.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        doc_errors(&v, "latin1"),
        ["invalid UTF-8 at byte 61; invalid bytes were replaced with U+FFFD"]
    );
    assert_eq!(
        doc_errors(&v, "empty"),
        ["no article text: this file has no text"]
    );
    good_audited(&v);
    // `claims` prints them under the document, for an editor.
    let claims = stdout(&b.run(&["claims", "news"]));
    assert!(
        claims.contains("empty\n  ! no article text: this file has no text"),
        "{claims}"
    );
    assert!(claims.contains("  ! invalid UTF-8 at byte 61"), "{claims}");
}

#[test]
fn unreadable_file_is_named_on_stderr() {
    use std::os::unix::fs::PermissionsExt;
    let b = Batch::new("unreadable");
    let path = b.write(
        "news/secret.txt",
        "Officials said 5,000 troops were sent.\n",
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        eprintln!("skipped: this user can read a file with mode 000 (running as root?)");
        return;
    }
    let (out, v) = json(&b);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("news/secret.txt: cannot read file: permission denied"),
        "{}",
        stderr(&out)
    );
    good_audited(&v);
}

#[test]
fn symlink_loop_is_named_on_stderr() {
    use std::os::unix::fs::symlink;
    let b = Batch::new("symlinks");
    symlink("b.txt", b.path("news/a.txt")).unwrap();
    symlink("a.txt", b.path("news/b.txt")).unwrap();
    symlink("..", b.path("news/parent")).unwrap();
    let (out, v) = json(&b);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for name in ["news/a.txt", "news/b.txt"] {
        assert!(
            err.lines().any(|l| l.contains(name)
                && l.contains("cannot read file")
                && l.contains("symbolic links")),
            "{err}"
        );
    }
    good_audited(&v);
}

#[test]
fn malformed_jsonl_line_is_named_with_its_line_number() {
    let b = Batch::new("jsonl");
    b.write(
        "news/wire.jsonl",
        "{\"id\": \"a\", \"text\": \"Red Cross officials said 900 people were killed in the flood on Monday.\"}\n\
         {\"id\": \"b\", \"text\": \"cut off\n\
         {\"id\": \"c\", \"text\": \"Police said 40 people were arrested.\"}\n",
    );
    let (out, v) = json(&b);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("news/wire.jsonl:2: invalid JSON: "),
        "{}",
        stderr(&out)
    );
    good_audited(&v);
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "wire/a", "wire/c"]);
    // The conflict between the good article and line 1 is found.
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "CC001"),
        "{v:#}"
    );
}

#[test]
fn a_file_over_the_default_size_limit_is_not_read() {
    let b = Batch::new("too-large");
    // Sparse: 64 MiB + 1 byte without writing them.
    let f = fs::File::create(b.path("news/huge.txt")).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(f);
    let (out, v) = json(&b);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "news/huge.txt: not read: the file is 64.0 MiB (67108865 bytes), over the limit of 64 MiB (67108864 bytes) (limits.max-file-bytes)"
        ),
        "{}",
        stderr(&out)
    );
    good_audited(&v);
}

/// An article, its metadata and its file name full of terminal escapes:
/// no text format lets one through.
#[test]
fn terminal_output_has_no_escapes_or_control_characters_from_articles() {
    let b = Batch::new("escapes");
    b.write(
        "news/good.txt",
        "Title: Flood \u{1b}]0;pwned\u{7} toll\r\nOutlet: Daily \u{1b}[31mCourier\u{1b}[0m\r\n\r\n\
         The \u{1b}[31mHealth Ministry\u{1b}[0m said 120 people were killed in the flood on Monday.\r\n\
         Officials\r said 75 homes\u{8}\u{8} were destroyed in the flood.\u{1b}[2J\r\n",
    );
    b.write(
        "news/rival\u{1b}[2J.txt",
        "Red Cross officials said 900 people were killed in the flood on Monday.\u{1b}[1A\r\n",
    );
    b.write(
        "news/wire.jsonl",
        "{\"id\": \"\\u001b[31mw1\\r\", \"title\": \"\\u001b]8;;http://x\\u0007link\", \"text\": \"Police said 40 people were arrested.\\u001b[0m\"}\n",
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["audit", "news"],
        vec!["audit", "news", "--format", "text", "--color", "always"],
        vec!["audit", "news", "--format", "concise"],
        vec!["audit", "news", "--format", "github"],
        vec!["audit", "news", "--format", "markdown"],
        vec!["audit", "news", "--statistics"],
        vec!["claims", "news"],
        vec!["claims", "news", "--format", "text"],
    ];
    let mut found_conflict = false;
    for args in runs {
        let out = b.run(&args);
        let text = stdout(&out);
        found_conflict |= text.contains("CC001") || text.contains("conflict");
        let colour = args.contains(&"always");
        for (stream, s) in [("stdout", &text), ("stderr", &stderr(&out))] {
            let bad: Vec<(usize, char)> = s
                .char_indices()
                .filter(|&(at, c)| {
                    c.is_control()
                        && c != '\n'
                        // Our own colour codes: ESC followed by `[` and SGR digits.
                        && !(colour && c == '\u{1b}' && is_own_sgr(&s[at..]))
                })
                .collect();
            assert!(
                bad.is_empty(),
                "{args:?} {stream} carries control characters {bad:?}:\n{s}"
            );
        }
        if colour {
            // The article's own escape is neutralised even in colour output.
            assert!(!text.contains("\u{1b}[31mHealth"), "{text}");
        }
    }
    assert!(found_conflict, "the batch should have a conflict");
}

/// `ESC [ digits;… m` as our colouring writes it, and not an article's
/// `ESC [31mHealth` (which clean() has already turned into ` [31mHealth`).
fn is_own_sgr(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("\u{1b}[") else {
        return false;
    };
    let n = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ';'))
        .unwrap_or(rest.len());
    rest[n..].starts_with('m')
}

/// The HTML report renders hostile text as text (the renderer's own tests
/// parse the page as a browser would; this checks the binary's output).
#[test]
fn html_output_escapes_article_text_and_metadata() {
    let b = Batch::new("html");
    b.write(
        "news/evil.md",
        "---\ntitle: \"<script>alert('t')</script>\"\nurl: \"javascript:alert(1)\"\n---\n\n\
         The Red Cross said 900 people <script>alert(2)</script> were killed in the flood on Monday. \"><img src=x onerror=alert(3)>\n\n\
         See [the report](javascript:alert(4)).\n",
    );
    let out = b.run(&["audit", "news", "--format", "html"]);
    let page = stdout(&out);
    assert!(page.contains("<!DOCTYPE html>") || page.contains("<!doctype html>"));
    for needle in [
        "<script",
        "<img",
        "onerror=alert(3)>",
        "href=\"javascript",
        "href='javascript",
    ] {
        assert!(!page.contains(needle), "{needle} in the page");
    }
    assert!(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(3)&gt;"));
}

/// `crosscheck audit /dev/zero` ends: reading stops one byte past the limit.
#[test]
fn a_path_that_is_a_device_is_cut_at_the_size_limit() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let b = Batch::new("device");
    let start = std::time::Instant::now();
    let out = b.run(&["audit", "news/good.txt", "/dev/zero", "--format", "json"]);
    assert!(start.elapsed().as_secs() < 30);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: not read: the file is larger than that"),
        "{}",
        stderr(&out)
    );
}
