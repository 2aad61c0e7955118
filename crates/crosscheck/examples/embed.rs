//! Embedding crosscheck in an editorial tool: check a draft against the
//! archive before it is published.
//!
//! ```sh
//! cargo run -p crosscheck --example embed                    # a built-in draft against examples/seeds
//! cargo run -p crosscheck --example embed -- DRAFT [ARCHIVE_DIR]
//! cargo run -p crosscheck --example embed -- my-draft.md examples/seeds
//! ```
//!
//! The draft is what an editor has open: text held in memory, made a
//! [`Document`] with [`Document::parse`] and given the metadata the CMS
//! knows (outlet, publication date) — no temporary file. (Given a DRAFT
//! path, the example reads the file into a string first, standing in for
//! the CMS; its extension picks the markup.) The archive is a folder read
//! with [`load_paths`], filtered by the `crosscheck.toml` in force as the
//! CLI would. Draft and archive are audited as one batch, and only the
//! findings that involve one of the draft's claims are printed: a figure in
//! the draft that conflicts with, revises or is corroborated by the archive.
//! Exit status, for a DRAFT given: 0 when none of them is an error, 1 when
//! one is, 2 on a usage, configuration or input error. The built-in draft
//! (which conflicts with the archive on purpose) exits 0.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::report::ClaimEntry;
use crosscheck::{Auditor, Config, Document, Format, Report, Severity, load_paths};

/// The draft used when none is given: it puts the troops North Korea sent
/// to Russia at 50,000, citing Ukraine's military intelligence.
const DRAFT: &str = "\
Title: North Korean troops in Kursk

Ukraine's military intelligence said about 50,000 North Korean troops have been sent to Russia since last fall.
The NIS told lawmakers that about 1,000 North Korean engineers were sent to clear mines.
";

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let (draft, archive) = match args.as_slice() {
        [] => (None, seeds),
        [draft] => (Some(draft.clone()), seeds),
        [draft, archive] => (Some(draft.clone()), archive.clone()),
        _ => {
            eprintln!("usage: embed [DRAFT [ARCHIVE_DIR]]");
            return ExitCode::from(2);
        }
    };
    match run(draft.as_deref(), &archive) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("embed: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(draft_path: Option<&Path>, archive: &Path) -> Result<ExitCode, String> {
    if !archive.is_dir() {
        return Err(format!("{}: not a folder", archive.display()));
    }
    let config = Config::resolve(None, Path::new("")).map_err(|e| e.to_string())?;
    let auditor = Auditor::with_config(&config);

    // The draft, from memory. A CMS would have the text and metadata at hand.
    let (text, format) = match draft_path {
        None => (DRAFT.to_string(), Format::Text),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let format = path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
                .unwrap_or(Format::Text);
            (text, format)
        }
    };
    let published = crosscheck::date::parse_published("2025-06-26").ok_or("bad date")?;
    let draft = Document::parse("draft", format, &text)
        .with_outlet("Our newsroom")
        .with_published(published);

    // The archive, filtered by the configuration's [files] globs.
    let mut archive_load = load_paths(&[archive]);
    config.file_filter().apply(&mut archive_load, &[archive]);
    for e in &archive_load.errors {
        eprintln!("embed: warning: {e}");
    }
    let mut docs = archive_load.documents;
    let archived = docs.len();
    docs.push(draft);

    // One batch. Should an archive article also be called "draft", the
    // auditor reports the later one as "draft~2": the draft's id is that of
    // the last document of the report.
    let report = auditor.audit(&docs);
    let draft_id = report
        .documents
        .last()
        .map(|d| d.id.clone())
        .unwrap_or_default();
    let is_draft = |claim: &str| doc_of(&report, claim) == Some(draft_id.as_str());
    let involving: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.claims.iter().any(|id| is_draft(id)))
        .collect();

    let draft_claims = report.claims.iter().filter(|c| c.doc == draft_id).count();
    println!(
        "{}: {draft_claims} figure(s) checked against {archived} archive article(s); {} finding(s) involve the draft",
        draft_path.map_or("built-in draft".into(), |p| p.display().to_string()),
        involving.len()
    );
    for f in &involving {
        println!("\n{}[{}] {}: {}", f.severity, f.code, f.kind, f.message);
        // The draft's claims, then the first few archive claims.
        let (mine, theirs): (Vec<&String>, Vec<&String>) =
            f.claims.iter().partition(|id| is_draft(id));
        let shown = mine.iter().chain(theirs.iter().take(3));
        for id in shown {
            if let Some(c) = claim(&report, id) {
                let whose = if c.doc == draft_id {
                    "draft  "
                } else {
                    "archive"
                };
                let source = c.attribution.as_ref().map_or("unattributed", |a| &a.source);
                let score = c
                    .credibility
                    .as_ref()
                    .map_or(String::new(), |s| format!(", credibility {:.2}", s.score));
                println!(
                    "  {whose} {} \"{}\" ← {source}{score}\n          {}",
                    c.id,
                    c.text,
                    c.sentence.trim()
                );
            }
        }
        if theirs.len() > 3 {
            println!("  … and {} more archive figure(s)", theirs.len() - 3);
        }
        if let Some(help) = &f.help {
            println!("  help: {help}");
        }
    }
    let errors = involving
        .iter()
        .filter(|f| f.severity_enum() == Some(Severity::Error))
        .count();
    println!(
        "\n{}",
        match errors {
            0 => "publish check: passed".to_string(),
            n => format!("publish check: blocked by {n} error(s)"),
        }
    );
    // The built-in demonstration always exits 0; a real draft fails the run.
    Ok(if errors > 0 && draft_path.is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn claim<'a>(report: &'a Report, id: &str) -> Option<&'a ClaimEntry> {
    report.claims.iter().find(|c| c.id == id)
}

fn doc_of<'a>(report: &'a Report, id: &str) -> Option<&'a str> {
    claim(report, id).map(|c| c.doc.as_str())
}
