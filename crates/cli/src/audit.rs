//! `crosscheck audit PATH...`: the main job.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use crosscheck::{Auditor, InputErrorKind, load_paths, render};

/// Output formats of `audit`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Findings for a terminal.
    Text,
    /// Report v1 (`crosscheck.report.v1`).
    Json,
    /// A Markdown summary.
    Markdown,
}

/// The least severe finding that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Never fail on findings.
    Never,
}

/// Arguments of `audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories of articles (.txt, .md, .html, .jsonl).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
}

/// Audits the paths and prints the report. Exit 0 clean, 1 findings at or
/// above `--fail-on`, 2 when a path given cannot be read.
pub fn run(args: &Args) -> Result<ExitCode> {
    let load = load_paths(&args.paths);
    let mut usage_error = false;
    for e in &load.errors {
        eprintln!("crosscheck: {}", render::clean(&e.to_string()));
        if matches!(e.kind, InputErrorKind::NotFound) {
            usage_error = true;
        }
    }
    let report = Auditor::new().audit(&load.documents);
    let out = match args.format {
        Format::Text => render::audit_text(&report),
        Format::Json => render::json(&report),
        Format::Markdown => render::markdown(&report),
    };
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .context("writing stdout")?;
    if usage_error {
        return Ok(ExitCode::from(2));
    }
    let (errors, warnings, _) = render::severity_counts(&report);
    let failing = match args.fail_on {
        FailOn::Error => errors > 0,
        FailOn::Warning => errors + warnings > 0,
        FailOn::Never => false,
    };
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
