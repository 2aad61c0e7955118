//! `crosscheck serve`: the HTTP API and the page for editors
//! (`crosscheck-server`), configured by crosscheck.toml as the other
//! commands are.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use crosscheck::Auditor;
use crosscheck_server::Limits;

use crate::common;

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on. The default is reachable from this machine
    /// only; the server has no authentication, so put it behind a proxy
    /// before exposing it.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    addr: SocketAddr,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = Limits::default().body_bytes, value_name = "BYTES")]
    max_body: usize,
    /// Longest time a request may take, in seconds.
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    timeout: u64,
    /// Requests handled at once (more wait their turn).
    #[arg(long, default_value_t = Limits::default().concurrency, value_name = "N")]
    concurrency: usize,
    /// Threads for claim extraction (0: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
}

/// Loads the configuration, then serves until Ctrl-C.
pub fn run(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    let config = common::config(config)?;
    common::threads(args.jobs);
    let auditor = Auditor::with_config(&config);
    let limits = Limits {
        body_bytes: args.max_body,
        timeout: Duration::from_secs(args.timeout.max(1)),
        concurrency: args.concurrency.max(1),
        ..Limits::default()
    };
    crosscheck_server::serve(args.addr, auditor, limits, |addr| {
        eprintln!(
            "crosscheck: serving on http://{addr}/ (API: /v1/audit, /openapi.json); Ctrl-C stops"
        );
    })
    .with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
