//! `crosscheck config`: the configuration in force, as TOML.

use std::process::ExitCode;

use anyhow::Result;

use crate::common;

/// Print where the configuration comes from (a TOML comment) and every
/// setting with its value in force.
pub fn run(explicit: Option<&std::path::Path>) -> Result<ExitCode> {
    let config = common::config(explicit)?;
    let head = match &config.path {
        Some(p) => format!("# configuration from {}\n", p.display()),
        None => "# no crosscheck.toml found: the defaults\n".to_string(),
    };
    common::print(&format!("{head}{}", config.to_toml()))?;
    Ok(ExitCode::SUCCESS)
}
