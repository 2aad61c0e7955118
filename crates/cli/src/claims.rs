//! `crosscheck claims PATH...`: the claims alone, for inspection.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;
use crosscheck::{Auditor, render};

use crate::common;

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// One line per claim, for an editor.
    Text,
    /// The `documents[]` and `claims[]` parts of report v1.
    Json,
    /// The claim stream, one JSON object per line: each document's record
    /// (`"record": "document"`, with its sentences) then its claims
    /// (`"record": "claim"`, with position and clustering `block` key).
    /// `crosscheck audit --claims FILE` audits it.
    Jsonl,
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
    /// Threads for claim extraction (0: one per core). The output is the
    /// same for any number.
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
}

/// Loads the paths, extracts claims and prints them; exit 2 when some input
/// could not be read (the rest is still printed).
pub fn run(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    let config = common::config(config)?;
    common::threads(args.jobs);
    let auditor = Auditor::with_config(&config);
    let incomplete = match args.format {
        Format::Text | Format::Json => {
            let (docs, incomplete) = common::load(&args.paths, &config, &auditor);
            let claims = auditor.claims(&docs);
            common::print(&match args.format {
                Format::Text => render::claims_text(&claims),
                _ => render::json(&claims),
            })?;
            incomplete
        }
        // Read, extracted and written a run of files at a time: the batch's
        // text is never held whole (see `Auditor::write_claim_stream`).
        Format::Jsonl => {
            let mut incomplete = false;
            common::print_with(|out| {
                incomplete = common::load_in_runs(&args.paths, &config, &auditor, |docs| {
                    auditor.write_claim_stream(&docs, &mut *out).map(drop)
                })?;
                Ok(())
            })?;
            incomplete
        }
    };
    Ok(if incomplete {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
