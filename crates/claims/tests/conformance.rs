//! Conformance gate for the quantity grammar.
//!
//! Runs every case in `<workspace>/tests/conformance` (other extractors'
//! test suites, converted to JSONL) through `quantity::find` and scores it
//! with the same code as `cargo run --release -p crosscheck-claims --example
//! conformance` (module `conformance_support`). Asserts that no input panics
//! or yields an invalid span, and that the in-scope pass rate reaches
//! [`MIN_IN_SCOPE_PASS_RATE`]. On failure the message carries the summary
//! table and the first failing cases; run the example with `--failures` for
//! all of them.

mod conformance_support;

use std::sync::OnceLock;

use conformance_support::{Category, Filter, MIN_IN_SCOPE_PASS_RATE, Report};

/// How many failing cases an assertion message lists.
const SHOWN_FAILURES: usize = 40;

/// The run, shared by the tests of this file (it is computed once).
fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let dir = conformance_support::default_dir();
        conformance_support::run(&dir).unwrap_or_else(|e| {
            panic!("cannot load the conformance data in {}: {e}", dir.display())
        })
    })
}

#[test]
fn no_input_panics_or_yields_an_invalid_span() {
    let report = report();
    let total = report.total();
    assert!(total.cases > 0, "no conformance cases were loaded");
    if total.panics > 0 || total.invalid_spans > 0 {
        let filter = Filter {
            include_out_of_scope: true,
            only_errors: true,
            ..Filter::default()
        };
        panic!(
            "{} inputs panicked and {} returned invalid spans:\n{}",
            total.panics,
            total.invalid_spans,
            report.render_cases(&filter, Some(SHOWN_FAILURES))
        );
    }
}

#[test]
fn in_scope_pass_rate_meets_the_target() {
    let report = report();
    let total = report.total();
    assert!(
        total.in_scope > 0,
        "no in-scope cases: the categorisation is broken"
    );
    let rate = report.in_scope_pass_rate();
    assert!(
        rate >= MIN_IN_SCOPE_PASS_RATE,
        "in-scope pass rate {:.2}% is below the target {:.2}%\n\n{}\nFirst failing in-scope cases:\n{}",
        rate * 100.0,
        MIN_IN_SCOPE_PASS_RATE * 100.0,
        report.render_table(),
        report.render_cases(&Filter::default(), Some(SHOWN_FAILURES)),
    );
}

#[test]
fn summary_json_is_well_formed() {
    let report = report();
    let json: serde_json::Value =
        serde_json::from_str(&report.render_json()).expect("render_json must produce valid JSON");
    assert_eq!(json["total"]["cases"], report.total().cases);
    let categories = json["categories"]
        .as_array()
        .expect("categories must be a list");
    assert_eq!(categories.len(), Category::ALL.len());
    for (row, category) in categories.iter().zip(Category::ALL) {
        assert_eq!(
            row["category"].as_str().and_then(Category::from_name),
            Some(category)
        );
    }
}
