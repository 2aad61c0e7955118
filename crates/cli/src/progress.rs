//! A progress bar on stderr for big batches, only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Batches smaller than this finish before a bar would be worth drawing.
pub const MIN_DOCUMENTS: usize = 50;

/// Whether to show a bar: not quiet, a big batch, stderr a terminal.
pub fn wanted(documents: usize, quiet: bool, stderr_is_terminal: bool) -> bool {
    !quiet && documents >= MIN_DOCUMENTS && stderr_is_terminal
}

/// A bar counting documents as their claims are extracted, or `None` when
/// it is not [`wanted`].
pub fn bar(documents: usize, quiet: bool) -> Option<ProgressBar> {
    if !wanted(documents, quiet, std::io::stderr().is_terminal()) {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(documents as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} reading claims [{bar:30}] {pos}/{len} documents {msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_big_batches_on_a_terminal_without_quiet() {
        assert!(wanted(MIN_DOCUMENTS, false, true));
        assert!(!wanted(MIN_DOCUMENTS - 1, false, true));
        assert!(!wanted(1000, true, true));
        assert!(!wanted(1000, false, false));
    }
}
