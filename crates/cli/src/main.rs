//! The `crosscheck` binary: argument parsing, file walking, exit codes.

mod audit;
mod claims;
mod quantities;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Audit batches of news articles for conflicting figures.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
struct Cli {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Quantities => quantities::run(std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Claims(args) => claims::run(&args),
        Command::Audit(args) => audit::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("crosscheck: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
