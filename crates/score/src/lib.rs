//! crosscheck-score: not yet implemented beyond this crate root (see DESIGN.md).
