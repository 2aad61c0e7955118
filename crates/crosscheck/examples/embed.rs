//! Embedding crosscheck in an editorial tool: check a draft against the
//! archive before it is published.
//!
//! ```sh
//! cargo run -p crosscheck --example embed -- DRAFT ARCHIVE_DIR
//! cargo run -p crosscheck --example embed -- examples/seeds/003_*.txt examples/seeds
//! ```
//!
//! The draft and every article under the archive folder are audited as one
//! batch (with the `crosscheck.toml` in force, as the CLI would), and only
//! the findings that involve one of the draft's claims are printed: a
//! figure in the draft that conflicts with, revises or is corroborated by
//! the archive. Exit status: 0 when none of them is an error, 1 when one
//! is, 2 on a usage, configuration or input error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck::config::Config;
use crosscheck::report::{ClaimEntry, FindingEntry};
use crosscheck::{Auditor, Report, load_paths};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [draft, archive] = args.as_slice() else {
        eprintln!("usage: embed DRAFT ARCHIVE_DIR");
        return ExitCode::from(2);
    };
    match run(draft, archive) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("embed: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(draft: &Path, archive: &Path) -> Result<ExitCode, String> {
    if !archive.is_dir() {
        return Err(format!("{}: not a folder", archive.display()));
    }
    let config = Config::resolve(None, Path::new("")).map_err(|e| e.to_string())?;
    let auditor = Auditor::with_config(&config);

    // The draft: exactly one document (a JSONL file would be a batch).
    let mut loaded = load_paths(&[draft]);
    if let Some(e) = loaded.errors.first() {
        return Err(e.to_string());
    }
    if loaded.documents.len() != 1 {
        return Err(format!("{}: expected one article", draft.display()));
    }
    let mut draft_doc = loaded.documents.remove(0);

    // The archive, filtered by the configuration's [files] globs, without
    // the draft itself when it lives in the archive.
    let mut archive_load = load_paths(&[archive]);
    config.file_filter().apply(&mut archive_load, &[archive]);
    for e in &archive_load.errors {
        eprintln!("embed: warning: {e}");
    }
    let same_file = |path: &str| {
        let (a, b) = (Path::new(path).canonicalize(), draft.canonicalize());
        matches!((a, b), (Ok(a), Ok(b)) if a == b)
    };
    let mut docs: Vec<_> = archive_load
        .documents
        .into_iter()
        .filter(|d| !same_file(&d.path))
        .collect();
    // Ids must be unique in a batch: the draft gets a prefix if its file
    // stem is also an archive id.
    if docs.iter().any(|d| d.id == draft_doc.id) {
        draft_doc.id = format!("draft:{}", draft_doc.id);
    }
    let draft_id = draft_doc.id.clone();
    docs.push(draft_doc);

    let report = auditor.check(&docs);
    let involving: Vec<&FindingEntry> = report
        .findings
        .iter()
        .filter(|f| {
            f.claims
                .iter()
                .any(|id| doc_of(&report, id) == Some(&draft_id))
        })
        .collect();

    let draft_claims = report.claims.iter().filter(|c| c.doc == draft_id).count();
    println!(
        "{}: {} figure(s) checked against {} archive article(s); {} finding(s) involve the draft",
        draft.display(),
        draft_claims,
        docs.len() - 1,
        involving.len()
    );
    for f in &involving {
        println!("\n{}[{}] {}: {}", f.severity, f.code, f.kind, f.message);
        for id in &f.claims {
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
        if let Some(help) = &f.help {
            println!("  help: {help}");
        }
    }
    let fails = involving.iter().any(|f| f.severity == "error");
    Ok(if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn claim<'a>(report: &'a Report, id: &str) -> Option<&'a ClaimEntry> {
    report.claims.iter().find(|c| c.id == id)
}

fn doc_of<'a>(report: &'a Report, id: &str) -> Option<&'a String> {
    claim(report, id).map(|c| &c.doc)
}
