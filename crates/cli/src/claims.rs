//! `crosscheck claims PATH...`: the claims alone, for inspection.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use crosscheck::{Auditor, InputErrorKind, load_paths, render};

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// One line per claim, for an editor.
    Text,
    /// The `documents[]` and `claims[]` parts of report v1.
    Json,
}

/// Arguments of `claims`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories of articles (.txt, .md, .html, .jsonl).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Loads the paths, extracts claims and prints them; exit 2 when a path
/// given on the command line cannot be read (the rest is still printed).
pub fn run(args: &Args) -> Result<ExitCode> {
    let load = load_paths(&args.paths);
    let mut usage_error = false;
    for e in &load.errors {
        eprintln!("crosscheck: {}", render::clean(&e.to_string()));
        if matches!(e.kind, InputErrorKind::NotFound) {
            usage_error = true;
        }
    }
    let report = Auditor::new().claims(&load.documents);
    let out = match args.format {
        Format::Text => render::claims_text(&report),
        Format::Json => render::json(&report),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes()).context("writing stdout")?;
    Ok(if usage_error {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
