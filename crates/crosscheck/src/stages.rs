//! How long each stage of an audit takes, for performance work: with the
//! environment variable `CROSSCHECK_TIMINGS` set (to anything), each stage's
//! wall time, the processor time all threads spent in it, the process's peak
//! memory so far and its resident memory at the stage's end (where `/proc`
//! tells them) go to standard error, one line per stage:
//!
//! ```text
//! crosscheck: extraction         3912 ms   cpu 7420 ms   peak 471 MB   now 402 MB
//! ```
//!
//! A stage whose processor time is near its wall time ran on one core.
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
    /// Processor time used by the process at the last lap, in ms.
    cpu: Option<u64>,
}

impl Stopwatch {
    /// A stopwatch running from now; a silent one unless `CROSSCHECK_TIMINGS`
    /// is set.
    pub fn start() -> Self {
        Stopwatch {
            last: ON.then(Instant::now),
            cpu: ON.then(cpu_ms).flatten(),
        }
    }

    /// Reports `stage` as ending now and starts the next.
    pub fn lap(&mut self, stage: &str) {
        let Some(last) = self.last else { return };
        let now = Instant::now();
        let ms = now.duration_since(last).as_millis();
        let cpu_now = cpu_ms();
        let mut line = format!("crosscheck: {stage:<18} {ms:>6} ms");
        if let (Some(then), Some(spent)) = (self.cpu, cpu_now) {
            line += &format!("   cpu {:>6} ms", spent.saturating_sub(then));
        }
        if let Some((peak, now)) = memory_mb() {
            line += &format!("   peak {peak} MB   now {now} MB");
        }
        eprintln!("{line}");
        self.last = Some(now);
        self.cpu = cpu_now;
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

/// The processor time (user and system) all the process's threads have
/// used, in ms, where the system reports it (`/proc/self/stat`, in clock
/// ticks of 10 ms: the tick Linux reports these fields in on every
/// architecture crosscheck builds for).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces: count from its end.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
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
    fn processor_time_is_read_where_proc_exists() {
        if std::path::Path::new("/proc/self/stat").exists() {
            let before = cpu_ms().expect("cpu time");
            // Busy until the count moves on (it counts 10 ms ticks), for
            // at most ten seconds.
            let start = std::time::Instant::now();
            let mut x = 0u64;
            while cpu_ms() == Some(before) && start.elapsed().as_secs() < 10 {
                for i in 0..1_000_000u64 {
                    x = std::hint::black_box(x.wrapping_add(i));
                }
            }
            assert!(cpu_ms().expect("cpu time") > before, "{x}");
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
