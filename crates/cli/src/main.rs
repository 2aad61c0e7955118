//! The `crosscheck` binary: argument parsing, configuration, file walking,
//! progress, colour and exit codes.

mod audit;
mod claims;
mod color;
mod common;
mod progress;
mod quantities;
mod serve;
mod show_config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc (its v2 line) instead of the system allocator: the audit makes
/// and frees many small strings on every thread, where glibc's malloc spent
/// about a seventh of the CPU time (`perf` on 10k generated documents). The
/// v2 line holds less memory than v3 on small batches (1k generated
/// documents: 47 MB against 69 MB) and as little on large ones.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for this process (Linux). An audit
/// touches its memory once, in pieces that mimalloc returns to the system
/// soon after: with huge pages the kernel zeroes 2 MB for each fresh piece,
/// and did so for a fifth of the CPU time of `crosscheck claims` on 10k
/// generated documents. At 60k documents this takes the audit from 15.3-16.2
/// to 13.8-14.6 s (system time from about 3.2 to 1.5 s) at the same peak
/// memory; at 1k, the peak goes from 45 to 32 MB. Where the call fails (an
/// old kernel, a sandbox), nothing changes.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

/// Audit batches of news articles for conflicting figures.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
struct Cli {
    /// Use this configuration file instead of the crosscheck.toml found in
    /// the working directory or its parents.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read text on stdin, one item per line (plain text or JSON objects with
    /// an `input` field), and write one JSON array per line with every
    /// numeric expression found.
    Quantities,
    /// Audit articles: which figures conflict, corroborate or were revised,
    /// and how much weight each deserves.
    Audit(audit::Args),
    /// List the claims found in articles: figure, what it counts, when, how
    /// firmly and who says so.
    Claims(claims::Args),
    /// Print the configuration in force (crosscheck.toml with every default
    /// filled in).
    Config,
    /// Explain a rule: what it finds, why it matters, examples, config keys.
    Rule {
        /// The rule code or name (CC001, conflicting-figure).
        #[arg(required_unless_present = "all")]
        code: Option<String>,
        /// Explain every rule.
        #[arg(long, conflicts_with = "code")]
        all: bool,
    },
    /// Serve the HTTP API (`/v1/audit`, `/v1/claims`, `/v1/quantities`,
    /// `/openapi.json`) and the page for editors at `/`.
    Serve(serve::Args),
}

/// `crosscheck rule CODE` / `--all`: exit 2 for an unknown rule.
fn rule(code: Option<&str>, all: bool) -> anyhow::Result<ExitCode> {
    if all {
        print!("{}", crosscheck::rules::explain_all());
        return Ok(ExitCode::SUCCESS);
    }
    let code = code.unwrap_or_default();
    match crosscheck::rules::explain(code) {
        Some(text) => {
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        None => anyhow::bail!("unknown rule {code:?}; `crosscheck rule --all` lists them"),
    }
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    let config = cli.config.as_deref();
    let result = match cli.command {
        Command::Quantities => quantities::run(std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Claims(args) => claims::run(&args, config),
        Command::Audit(args) => audit::run(&args, config),
        Command::Config => show_config::run(config),
        Command::Serve(args) => serve::run(&args, config),
        Command::Rule { code, all } => rule(code.as_deref(), all),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("crosscheck: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn huge_pages_are_turned_off() {
        super::without_huge_pages();
        // A sandbox may refuse prctl; then the flag stays as it was.
        if let Ok(off) = nix::sys::prctl::get_thp_disable() {
            assert!(off, "the THP-disable flag is set");
        }
    }
}
