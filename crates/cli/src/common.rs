//! What `audit` and `claims` share: configuration, threads, loading, output.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use crosscheck::config::Config;
use crosscheck::{Document, render};

/// The configuration in force: `--config PATH`, else the `crosscheck.toml`
/// of the working directory or its parents, else the defaults.
pub fn config(explicit: Option<&Path>) -> Result<Config> {
    Ok(Config::resolve(explicit, Path::new(""))?)
}

/// Size rayon's global pool: `Some(0)` or `None` keep rayon's default (one
/// thread per core). Its threads get the main thread's usual stack
/// ([`POOL_STACK`]): the whole audit runs on one of them ([`on_pool`]).
pub fn threads(jobs: Option<usize>) {
    let mut pool = rayon::ThreadPoolBuilder::new().stack_size(POOL_STACK);
    if let Some(n) = jobs.filter(|&n| n > 0) {
        pool = pool.num_threads(n);
    }
    // Fails only when the pool already exists, which it cannot here.
    let _ = pool.build_global();
}

/// The stack of each thread of rayon's pool: 8 MiB, as Linux gives the
/// main thread (rayon's default is 2 MiB).
pub const POOL_STACK: usize = 8 << 20;

/// Runs `work` on a thread of rayon's pool while the calling thread waits.
///
/// The audit's serial steps (the ledger's tallies, the report entries) then
/// allocate on a thread whose heap holds what its parallel steps freed:
/// mimalloc keeps a heap per thread, and on the main thread they took fresh
/// memory instead (60k generated documents: peak 706–758 → 665–712 MB).
pub fn on_pool<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    let mut out = None;
    rayon::scope(|s| s.spawn(|_| out = Some(work())));
    // The scope returns once its job has run; a panic in the job resumes
    // here.
    out.unwrap_or_else(|| unreachable!("rayon::scope returns after its job has run"))
}

/// The documents under `paths`, filtered by the configuration's `[files]`
/// globs, with its boilerplate patterns applied. Input errors are printed
/// on stderr (always, even with `--quiet`); the flag says whether there
/// were any, i.e. whether the batch is incomplete.
pub fn load(
    paths: &[PathBuf],
    config: &Config,
    auditor: &crosscheck::Auditor,
) -> (Vec<Document>, bool) {
    let mut docs = Vec::new();
    let read: Result<bool, std::convert::Infallible> =
        load_in_runs(paths, config, auditor, |mut run| {
            docs.append(&mut run);
            Ok(())
        });
    match read {
        Ok(incomplete) => (docs, incomplete),
        Err(never) => match never {},
    }
}

/// [`load`] a run of files at a time (`crosscheck::ingest::load_paths_in_runs`):
/// `each` gets each run's documents, filtered and with the boilerplate
/// patterns applied, their ids unique across the batch; input errors are
/// printed as their run is read. Returns whether there were any.
pub fn load_in_runs<E>(
    paths: &[PathBuf],
    config: &Config,
    auditor: &crosscheck::Auditor,
    mut each: impl FnMut(Vec<Document>) -> Result<(), E>,
) -> Result<bool, E> {
    let filter = config.file_filter();
    let mut incomplete = false;
    crosscheck::ingest::load_paths_in_runs(paths, &Default::default(), |mut run| {
        filter.apply(&mut run, paths);
        for e in &run.errors {
            eprintln!("crosscheck: {}", render::clean(&e.to_string()));
        }
        incomplete |= !run.errors.is_empty();
        auditor.apply_boilerplate(&mut run.documents);
        each(run.documents)
    })?;
    Ok(incomplete)
}

/// Write the report to stdout. A closed pipe (`crosscheck … | head`) is not
/// an error.
pub fn print(out: &str) -> Result<()> {
    print_with(|stdout| stdout.write_all(out.as_bytes()))
}

/// Writes to stdout with `write`, then flushes; a closed pipe (`| head`)
/// is not an error.
pub fn print_with(
    write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>,
) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing stdout"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_on_the_pool_runs_on_a_pool_thread_and_returns_its_value() {
        let words = ["a", "b"];
        let (on_a_pool_thread, n) =
            on_pool(|| (rayon::current_thread_index().is_some(), words.len()));
        assert!(on_a_pool_thread);
        assert_eq!(n, 2);
        assert!(rayon::current_thread_index().is_none());
    }
}
