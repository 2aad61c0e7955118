//! `crosscheck audit PATH...`: the main job.
//!
//! Exit codes: 0 when no reported finding is at or above `--fail-on`; 1 when
//! one is; 2 for usage, configuration or baseline errors and when some input
//! could not be read (the rest of the batch is still audited and printed).
//! `--exit-zero` and `--write-baseline` turn 1 into 0, never 2 into 0.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use crosscheck::audit::StreamRecord;
use crosscheck::baseline::Baseline;
use crosscheck::config::{self, OutputFormat};
use crosscheck::{Auditor, Document, Report, render};
use rayon::prelude::*;

use crate::color::{self, ColorChoice};
use crate::{common, progress};

/// Output formats of `audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings for a terminal.
    Text,
    /// Report v1 (`crosscheck.report.v1`).
    Json,
    /// One finding per line, as JSON.
    JsonLines,
    /// One line per finding: `path:line:col: CC001 message`.
    Concise,
    /// A Markdown summary.
    Markdown,
    /// SARIF 2.1.0, for code-scanning UIs.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One self-contained HTML page.
    Html,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Text => Format::Text,
            OutputFormat::Json => Format::Json,
            OutputFormat::JsonLines => Format::JsonLines,
            OutputFormat::Concise => Format::Concise,
            OutputFormat::Markdown => Format::Markdown,
            OutputFormat::Sarif => Format::Sarif,
            OutputFormat::Github => Format::Github,
            OutputFormat::Html => Format::Html,
        }
    }
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

impl From<FailOn> for config::FailOn {
    fn from(f: FailOn) -> config::FailOn {
        match f {
            FailOn::Error => config::FailOn::Error,
            FailOn::Warning => config::FailOn::Warning,
            FailOn::Never => config::FailOn::Never,
        }
    }
}

/// Arguments of `audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories of articles (.txt, .md, .html, .jsonl).
    #[arg(required_unless_present = "claims")]
    paths: Vec<PathBuf>,
    /// Audit precomputed claim streams (`crosscheck claims --format jsonl`)
    /// instead of articles; the same audit as from the articles.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    claims: Vec<PathBuf>,
    /// Output format [default: `format` of crosscheck.toml, else text].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit 1 when a finding at or above this severity is reported
    /// [default: `findings.fail-on` of crosscheck.toml, else error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit 0 even when findings are at or above --fail-on (input and
    /// configuration errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print the findings and nothing else: no clusters or summary in text
    /// output, no progress bar, no notes on stderr (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
    /// Print how many findings each rule produced instead of the report
    /// (a JSON array with --format json).
    #[arg(long)]
    statistics: bool,
    /// Threads for claim extraction (0: one per core). The output is the
    /// same for any number.
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// Colour the text output. `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorChoice,
    /// Report only findings whose fingerprint is not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file (and exit 0
    /// unless some input could not be read).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

/// Audits the paths and prints the report.
pub fn run(args: &Args, config_path: Option<&Path>) -> Result<ExitCode> {
    let config = common::config(config_path)?;
    common::threads(args.jobs);
    let baseline = match &args.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read baseline {}", path.display()))?;
            Some(
                Baseline::from_json(&text)
                    .with_context(|| format!("baseline {}", path.display()))?,
            )
        }
        None => None,
    };
    let auditor = Auditor::with_config(&config);
    let format = args.format.unwrap_or_else(|| config.format.into());
    if !args.claims.is_empty() && format == Format::Html {
        anyhow::bail!("--format html needs the articles' text; it cannot be used with --claims");
    }
    let mut watch = crosscheck::stages::Stopwatch::start();
    let (mut docs, incomplete) = if args.claims.is_empty() {
        common::load(&args.paths, &config, &auditor)
    } else {
        (Vec::new(), false)
    };
    watch.lap("reading");
    let bar = progress::bar(docs.len(), args.quiet);
    let auditor = match &bar {
        Some(bar) => {
            let bar = bar.clone();
            auditor.with_progress(move || {
                bar.inc(1);
                if Some(bar.position()) == bar.length() {
                    bar.set_message("— clustering and scoring");
                }
            })
        }
        None => auditor,
    };
    // Each audit runs on a thread of rayon's pool (see `common::on_pool`).
    let mut report = if args.claims.is_empty() && format == Format::Html {
        // The HTML report shows the articles: keep them.
        common::on_pool(|| auditor.audit(&docs))
    } else if args.claims.is_empty() {
        // Each article's text goes once its claims are taken: a big batch's
        // text is not kept through the audit.
        let docs = std::mem::take(&mut docs);
        common::on_pool(|| auditor.audit_owned(docs))
    } else {
        let records = read_claims(&args.claims)?;
        common::on_pool(|| auditor.audit_claims_owned(records))?
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    watch.lap("audit, all stages");

    if let Some(path) = &args.write_baseline {
        let b = Baseline::of(&report);
        std::fs::write(path, b.to_json())
            .with_context(|| format!("cannot write baseline {}", path.display()))?;
        if !args.quiet {
            eprintln!(
                "crosscheck: wrote {} finding(s) to baseline {}",
                b.findings.len(),
                path.display()
            );
        }
    }
    if let Some(b) = &baseline {
        let known = b.filter(&mut report);
        if known > 0 && !args.quiet {
            eprintln!("crosscheck: {known} finding(s) in the baseline not shown");
        }
    }

    if format == Format::Json && !args.statistics {
        // Streamed: the report is many times the size of the articles.
        common::print_with(|out| render::write_json(&report, out))?;
    } else {
        common::print(&render_report(&report, &docs, format, args))?;
    }
    watch.lap("writing");

    let fail_on: config::FailOn = args.fail_on.map_or(config.findings.fail_on, Into::into);
    let code = if incomplete {
        ExitCode::from(2)
    } else if args.exit_zero || args.write_baseline.is_some() {
        ExitCode::SUCCESS
    } else if report.findings.iter().any(|f| fail_on.fails(&f.severity)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends with this command: the system takes the report's
    // memory back at once, where freeing its allocations one by one takes
    // a fifth of a second on 60,000 articles.
    std::mem::forget(report);
    std::mem::forget(docs);
    Ok(code)
}

/// The records of claim-stream files, in order. A line that is not a record
/// is an input error (exit 2) naming the file and line.
fn read_claims(paths: &[PathBuf]) -> Result<Vec<StreamRecord>> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read claim stream {}", path.display()))?;
        // Parsed on rayon's pool, kept in order; the first line (in file
        // order) that is not a record is the one reported.
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .collect();
        let parsed: Vec<(usize, serde_json::Result<StreamRecord>)> = lines
            .into_par_iter()
            .with_max_len(256)
            .map(|(n, line)| (n, serde_json::from_str(line)))
            .collect();
        out.reserve(parsed.len());
        for (n, record) in parsed {
            out.push(record.with_context(|| {
                format!("{}:{}: not a claim-stream record", path.display(), n + 1)
            })?);
        }
    }
    Ok(out)
}

/// The report in a format that is built whole in memory.
fn render_report(report: &Report, docs: &[Document], format: Format, args: &Args) -> String {
    if args.statistics {
        match format {
            Format::Json | Format::JsonLines => render::statistics::json(report),
            _ => render::statistics::render(report),
        }
    } else {
        match format {
            Format::Text => {
                let text = render::audit_text(report);
                let text = if args.quiet {
                    color::findings_only(&text)
                } else {
                    text
                };
                if color::enabled(args.color) {
                    color::paint(&text)
                } else {
                    text
                }
            }
            Format::Json => render::json(report),
            Format::JsonLines => render::json_lines::render(report),
            Format::Concise => render::concise::render(report),
            Format::Markdown => render::markdown(report),
            Format::Sarif => render::sarif::render(report),
            Format::Github => render::github::render(report),
            Format::Html => render::html::render(report, docs),
        }
    }
}
