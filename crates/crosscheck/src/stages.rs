//! How long each stage of an audit takes, for performance work: with the
//! environment variable `CROSSCHECK_TIMINGS` set (to anything), each stage's
//! wall time, the process's peak memory so far and its resident memory at
//! the stage's end (where `/proc` tells them) go to standard error, one line
//! per stage:
//!
//! ```text
//! crosscheck: extraction         3912 ms   peak 471 MB   now 402 MB
//! ```
//!
//! Off by default: the report is the same either way.

use std::sync::LazyLock;
use std::time::Instant;

static ON: LazyLock<bool> = LazyLock::new(|| std::env::var_os("CROSSCHECK_TIMINGS").is_some());

/// Times consecutive stages: each [`Stopwatch::lap`] reports the time since
/// the previous one (or since [`Stopwatch::start`]).
#[derive(Debug)]
pub struct Stopwatch {
    last: Option<Instant>,
}

impl Stopwatch {
    /// A stopwatch running from now; a silent one unless `CROSSCHECK_TIMINGS`
    /// is set.
    pub fn start() -> Self {
        Stopwatch {
            last: ON.then(Instant::now),
        }
    }

    /// Reports `stage` as ending now and starts the next.
    pub fn lap(&mut self, stage: &str) {
        let Some(last) = self.last else { return };
        let now = Instant::now();
        let ms = now.duration_since(last).as_millis();
        match memory_mb() {
            Some((peak, now)) => {
                eprintln!("crosscheck: {stage:<18} {ms:>6} ms   peak {peak} MB   now {now} MB");
            }
            None => eprintln!("crosscheck: {stage:<18} {ms:>6} ms"),
        }
        self.last = Some(now);
    }
}

/// The process's peak and current resident memory in MB (`VmHWM`,
/// `VmRSS`), where the system reports them.
fn memory_mb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let mb = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024)
    };
    Some((mb("VmHWM:")?, mb("VmRSS:")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_where_proc_exists() {
        if std::path::Path::new("/proc/self/status").exists() {
            assert!(memory_mb().is_some_and(|(peak, now)| peak > 0 && now > 0 && now <= peak));
        }
    }

    #[test]
    fn a_silent_stopwatch_keeps_no_time() {
        if !*ON {
            let mut w = Stopwatch::start();
            assert!(w.last.is_none());
            w.lap("nothing");
        }
    }
}
