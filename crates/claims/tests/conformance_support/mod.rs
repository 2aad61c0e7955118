//! Conformance scoring of `crosscheck_claims::quantity::find` against other
//! extractors' test suites (`tests/conformance`, see its README.md).
//!
//! Shared by the `conformance` example (the report) and the `conformance`
//! integration test (the gate), which both include this directory with
//! `#[path = ...] mod conformance_support;`.
//!
//! Every case is run through `find` under `catch_unwind`; a panic or an
//! invalid span fails the case. Cases with an expectation get a
//! [`Category`] and a [`Scope`] (module [`classify`]) and are matched by
//! value (module [`score`]); [`report::Report`] tallies and prints them.

pub mod classify;
pub mod data;
pub mod report;
pub mod score;

use std::cell::RefCell;
use std::panic::{self, PanicHookInfo};
use std::path::{Path, PathBuf};

use crosscheck_claims::quantity::{Quantity, find};

pub use classify::{Category, Scope};
pub use report::{Filter, Report};

/// The in-scope pass rate the quantity grammar must reach (the target).
pub const MIN_IN_SCOPE_PASS_RATE: f64 = 0.97;

/// What happened to one case.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Matched the expectation (or, for run-only inputs, ran cleanly).
    Pass,
    /// Did not match; the string says why.
    Fail(String),
    /// `find` panicked; the string is the panic message.
    Panic(String),
    /// `find` returned a span outside the input, off a character boundary,
    /// or overlapping/out of order.
    InvalidSpan(String),
}

/// One scored case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// File name.
    pub file: String,
    /// 1-based line in the file.
    pub line: usize,
    /// The input given to `find`.
    pub input: String,
    /// The figure class, for cases with an expectation.
    pub category: Option<Category>,
    /// Whether the case counts.
    pub scope: Scope,
    /// Pass, fail, panic or invalid span.
    pub outcome: Outcome,
    /// The expectation, printed.
    pub expected: String,
    /// What `find` returned, printed.
    pub found: String,
}

impl CaseResult {
    /// True when the case passed.
    pub fn passed(&self) -> bool {
        self.outcome == Outcome::Pass
    }
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// `<workspace>/tests/conformance`.
pub fn default_dir() -> PathBuf {
    workspace_root().join("tests/conformance")
}

/// `dir` relative to the workspace root when it lies inside it, so printed
/// reports do not depend on where the workspace is checked out.
pub fn display_dir(dir: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    dir.strip_prefix(workspace_root())
        .unwrap_or(&dir)
        .display()
        .to_string()
}

/// Loads every file in `dir`, runs every case and scores it.
pub fn run(dir: &Path) -> Result<Report, String> {
    let corpus = data::load(dir)?;
    let conflicts = classify::conflicts(&corpus);
    let mut results = Vec::new();
    with_quiet_panics(|| {
        for (_, cases) in &corpus.files {
            for case in cases {
                results.push(run_case(case, &conflicts));
            }
        }
    });
    Ok(Report {
        dir: dir.to_path_buf(),
        files: corpus.files.iter().map(|(name, _)| name.clone()).collect(),
        results,
    })
}

fn run_case(
    case: &data::Case,
    conflicts: &std::collections::BTreeSet<(String, String, String)>,
) -> CaseResult {
    let category = case.expected.as_ref().map(|_| classify::categorize(case));
    let scope = classify::scope(case, category.unwrap_or(Category::Other), conflicts);
    let expected = match &case.expected {
        None => "(no expectation: robustness input)".to_owned(),
        Some(items) if items.is_empty() => "nothing".to_owned(),
        Some(items) => items
            .iter()
            .map(score::describe_item)
            .collect::<Vec<_>>()
            .join(", "),
    };
    let expected = match (case.full_input, case.expected_count) {
        (true, _) => format!("{expected} (whole input)"),
        (_, Some(n)) => format!("{expected} (count {n})"),
        _ => expected,
    };
    let (outcome, found) = match find_guarded(&case.input) {
        Err(message) => (Outcome::Panic(message), "(panicked)".to_owned()),
        Ok(found) => {
            let described = if found.is_empty() {
                "nothing".to_owned()
            } else {
                found
                    .iter()
                    .map(|q| score::describe_found(&case.input, q))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let outcome = match span_error(&case.input, &found) {
                Some(error) => Outcome::InvalidSpan(error),
                None => match score::check(case, &found) {
                    Ok(()) => Outcome::Pass,
                    Err(why) => Outcome::Fail(why),
                },
            };
            (outcome, described)
        }
    };
    CaseResult {
        file: case.file.clone(),
        line: case.line,
        input: case.input.clone(),
        category,
        scope,
        outcome,
        expected,
        found,
    }
}

/// Spans must lie inside the input, on character boundaries, in order and
/// without overlapping (the contract `find` documents).
fn span_error(input: &str, found: &[Quantity]) -> Option<String> {
    let mut previous_end = 0;
    for q in found {
        if q.start > q.end || q.end > input.len() {
            return Some(format!(
                "span {}..{} outside the input (length {})",
                q.start,
                q.end,
                input.len()
            ));
        }
        if !input.is_char_boundary(q.start) || !input.is_char_boundary(q.end) {
            return Some(format!(
                "span {}..{} is not on character boundaries",
                q.start, q.end
            ));
        }
        if q.start < previous_end {
            return Some(format!(
                "span {}..{} overlaps or precedes the previous item",
                q.start, q.end
            ));
        }
        previous_end = q.end;
    }
    None
}

thread_local! {
    /// The message of the last panic on this thread, recorded by the quiet hook.
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `find`, turning a panic into `Err(message)`.
fn find_guarded(input: &str) -> Result<Vec<Quantity>, String> {
    PANIC_MESSAGE.with(|m| m.borrow_mut().take());
    panic::catch_unwind(|| find(input)).map_err(|payload| {
        PANIC_MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic with a non-string payload".to_owned())
            })
    })
}

/// Runs `f` with a panic hook that records messages instead of printing
/// them, so thousands of inputs do not flood stderr; restores the previous
/// hook afterwards, even if `f` panics.
fn with_quiet_panics<T>(f: impl FnOnce() -> T) -> T {
    type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;
    struct Restore(Option<Hook>);
    impl Drop for Restore {
        fn drop(&mut self) {
            // `set_hook` may not be called while unwinding; the quiet hook then stays.
            if let Some(hook) = self.0.take().filter(|_| !std::thread::panicking()) {
                panic::set_hook(hook);
            }
        }
    }
    let _restore = Restore(Some(panic::take_hook()));
    panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(message));
    }));
    f()
}
