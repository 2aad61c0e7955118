//! Tallies and printed forms of a conformance run: the summary table, its
//! JSON form, and the per-case listing of failures.
//!
//! Everything here is deterministic: files in name order, categories in
//! [`Category::ALL`] order, reasons by count then text, cases by file and line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Value, json};

use super::classify::{Category, Scope};
use super::{CaseResult, Outcome};

/// The result of a conformance run.
#[derive(Debug, Clone)]
pub struct Report {
    /// The directory the files were read from.
    pub dir: PathBuf,
    /// File names, in order.
    pub files: Vec<String>,
    /// One result per case, in file and line order.
    pub results: Vec<CaseResult>,
}

/// Counts for one row of a table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Every case.
    pub cases: usize,
    /// `expected: null` cases (robustness only).
    pub run_only: usize,
    /// Quirk cases (expected failures).
    pub quirk: usize,
    /// Out-of-scope cases.
    pub out_of_scope: usize,
    /// Out-of-scope cases that pass anyway.
    pub out_of_scope_passed: usize,
    /// In-scope cases.
    pub in_scope: usize,
    /// In-scope cases that pass.
    pub passed: usize,
    /// Cases where `find` panicked.
    pub panics: usize,
    /// Cases where `find` returned an invalid span.
    pub invalid_spans: usize,
}

impl Tally {
    fn add(&mut self, r: &CaseResult) {
        self.cases += 1;
        match r.scope {
            Scope::RunOnly => self.run_only += 1,
            Scope::Quirk(_) => self.quirk += 1,
            Scope::Excluded(_) => {
                self.out_of_scope += 1;
                self.out_of_scope_passed += usize::from(r.passed());
            }
            Scope::Counted => {
                self.in_scope += 1;
                self.passed += usize::from(r.passed());
            }
        }
        match r.outcome {
            Outcome::Panic(_) => self.panics += 1,
            Outcome::InvalidSpan(_) => self.invalid_spans += 1,
            _ => {}
        }
    }

    /// Passed / in scope, or `None` when nothing is in scope.
    pub fn pass_rate(&self) -> Option<f64> {
        (self.in_scope > 0).then(|| self.passed as f64 / self.in_scope as f64)
    }

    fn json(&self) -> Value {
        json!({
            "cases": self.cases,
            "run_only": self.run_only,
            "quirk": self.quirk,
            "out_of_scope": self.out_of_scope,
            "out_of_scope_passed": self.out_of_scope_passed,
            "in_scope": self.in_scope,
            "passed": self.passed,
            "pass_rate": self.pass_rate(),
            "panics": self.panics,
            "invalid_spans": self.invalid_spans,
        })
    }
}

/// Which cases [`Report::render_cases`] prints.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only files whose name contains this.
    pub file: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
    /// Also print failing out-of-scope and quirk cases.
    pub include_out_of_scope: bool,
    /// Print passing cases too.
    pub include_passing: bool,
    /// Only cases where `find` panicked or returned an invalid span.
    pub only_errors: bool,
}

impl Filter {
    fn accepts(&self, r: &CaseResult) -> bool {
        let file_ok = self.file.as_deref().is_none_or(|f| r.file.contains(f));
        let category_ok = self.category.is_none_or(|c| r.category == Some(c));
        let scope_ok = match r.scope {
            Scope::Counted => true,
            Scope::RunOnly => !r.passed(),
            Scope::Excluded(_) | Scope::Quirk(_) => self.include_out_of_scope,
        };
        let outcome_ok = if self.only_errors {
            matches!(r.outcome, Outcome::Panic(_) | Outcome::InvalidSpan(_))
        } else {
            self.include_passing || !r.passed()
        };
        file_ok && category_ok && scope_ok && outcome_ok
    }
}

impl Report {
    /// Totals over every case.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        self.results.iter().for_each(|r| t.add(r));
        t
    }

    /// One tally per file, in file order.
    pub fn by_file(&self) -> Vec<(String, Tally)> {
        self.files
            .iter()
            .map(|f| {
                let mut t = Tally::default();
                self.results
                    .iter()
                    .filter(|r| &r.file == f)
                    .for_each(|r| t.add(r));
                (f.clone(), t)
            })
            .collect()
    }

    /// One tally per category (cases with an expectation only), in table order.
    pub fn by_category(&self) -> Vec<(Category, Tally)> {
        Category::ALL
            .into_iter()
            .map(|c| {
                let mut t = Tally::default();
                self.results
                    .iter()
                    .filter(|r| r.category == Some(c))
                    .for_each(|r| t.add(r));
                (c, t)
            })
            .collect()
    }

    /// Out-of-scope reasons with their case counts, most frequent first.
    pub fn out_of_scope_reasons(&self) -> Vec<(&'static str, usize)> {
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for r in &self.results {
            if let Scope::Excluded(reason) = r.scope {
                *counts.entry(reason).or_default() += 1;
            }
        }
        let mut list: Vec<_> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list
    }

    /// Quirk cases, in file and line order.
    pub fn quirks(&self) -> Vec<&CaseResult> {
        self.results
            .iter()
            .filter(|r| matches!(r.scope, Scope::Quirk(_)))
            .collect()
    }

    /// The in-scope pass rate (0 when nothing is in scope).
    pub fn in_scope_pass_rate(&self) -> f64 {
        self.total().pass_rate().unwrap_or(0.0)
    }

    /// The summary tables, as printed by the example.
    pub fn render_table(&self) -> String {
        let total = self.total();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Quantity grammar conformance: {} cases in {} files ({})\n",
            total.cases,
            self.files.len(),
            super::display_dir(&self.dir)
        );
        let header = |out: &mut String, first: &str| {
            let _ = writeln!(
                out,
                "{first:<38} {:>6} {:>8} {:>5} {:>7} {:>8} {:>8} {:>6} {:>7}",
                "cases", "run-only", "quirk", "out-of-", "oos", "in scope", "passed", "pass %"
            );
            let _ = writeln!(
                out,
                "{:<38} {:>6} {:>8} {:>5} {:>7} {:>8} {:>8} {:>6} {:>7}",
                "", "", "", "", "scope", "passed", "", "", ""
            );
        };
        let row = |out: &mut String, name: &str, t: &Tally| {
            let _ = writeln!(
                out,
                "{name:<38} {:>6} {:>8} {:>5} {:>7} {:>8} {:>8} {:>6} {:>7}",
                t.cases,
                t.run_only,
                t.quirk,
                t.out_of_scope,
                t.out_of_scope_passed,
                t.in_scope,
                t.passed,
                percent(t.pass_rate())
            );
        };
        header(&mut out, "file");
        for (file, t) in self.by_file() {
            row(&mut out, &file, &t);
        }
        row(&mut out, "TOTAL", &total);
        out.push('\n');
        header(&mut out, "category");
        for (category, t) in self.by_category() {
            let scope = if category.out_of_scope_reason().is_none() {
                "in scope"
            } else {
                "out of scope"
            };
            row(&mut out, &format!("{} ({scope})", category.name()), &t);
        }
        out.push('\n');
        let in_scope: Vec<&str> = Category::ALL
            .iter()
            .filter(|c| c.out_of_scope_reason().is_none())
            .map(|c| c.name())
            .collect();
        let _ = writeln!(
            out,
            "In scope ({}): {} of {} passed = {} (target {})",
            in_scope.join(", "),
            total.passed,
            total.in_scope,
            percent(total.pass_rate()),
            percent(Some(super::MIN_IN_SCOPE_PASS_RATE)),
        );
        let _ = writeln!(
            out,
            "Robustness: {} inputs run through find ({} with no expectation); panics: {}; invalid spans: {}",
            total.cases, total.run_only, total.panics, total.invalid_spans
        );
        out.push_str("\nOut of scope (scored and reported, not counted):\n");
        for (reason, n) in self.out_of_scope_reasons() {
            let _ = writeln!(out, "  {n:>5}  {reason}");
        }
        let quirks = self.quirks();
        let _ = writeln!(
            out,
            "\nDocumented upstream quirks (expected failures, excluded; README \"Quirks\"): {}",
            quirks.len()
        );
        for r in quirks {
            if let Scope::Quirk(reason) = r.scope {
                let status = if r.passed() {
                    "matches anyway"
                } else {
                    "differs, as expected"
                };
                let _ = writeln!(
                    out,
                    "  {}:{} {:?}: {reason} ({status})",
                    r.file, r.line, r.input
                );
            }
        }
        out
    }

    /// The summary as one JSON object.
    pub fn render_json(&self) -> String {
        let files: Vec<Value> = self
            .by_file()
            .into_iter()
            .map(|(f, t)| {
                let mut v = t.json();
                v["file"] = json!(f);
                v
            })
            .collect();
        let categories: Vec<Value> = self
            .by_category()
            .into_iter()
            .map(|(c, t)| {
                let mut v = t.json();
                v["category"] = json!(c.name());
                v["in_scope_category"] = json!(c.out_of_scope_reason().is_none());
                v
            })
            .collect();
        let reasons: Vec<Value> = self
            .out_of_scope_reasons()
            .into_iter()
            .map(|(r, n)| json!({"reason": r, "cases": n}))
            .collect();
        let quirks: Vec<Value> = self
            .quirks()
            .into_iter()
            .map(|r| {
                let reason = match r.scope {
                    Scope::Quirk(reason) => reason,
                    _ => "",
                };
                json!({"file": r.file, "line": r.line, "input": r.input, "reason": reason, "passed": r.passed()})
            })
            .collect();
        let summary = json!({
            "dir": super::display_dir(&self.dir),
            "total": self.total().json(),
            "in_scope_pass_rate": self.in_scope_pass_rate(),
            "target": super::MIN_IN_SCOPE_PASS_RATE,
            "files": files,
            "categories": categories,
            "out_of_scope_reasons": reasons,
            "quirks": quirks,
        });
        serde_json::to_string_pretty(&summary).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Every case the filter accepts, with input, expectation, what we found
    /// and why it failed; at most `limit` cases when given.
    pub fn render_cases(&self, filter: &Filter, limit: Option<usize>) -> String {
        let mut out = String::new();
        let mut shown = 0;
        let mut matching = 0;
        let mut current_file = "";
        for r in self.results.iter().filter(|r| filter.accepts(r)) {
            matching += 1;
            if limit.is_some_and(|l| shown >= l) {
                continue;
            }
            shown += 1;
            if r.file != current_file {
                current_file = &r.file;
                let _ = writeln!(out, "== {current_file}");
            }
            let status = match &r.outcome {
                Outcome::Pass => "PASS",
                Outcome::Fail(_) => "FAIL",
                Outcome::Panic(_) => "PANIC",
                Outcome::InvalidSpan(_) => "BAD SPAN",
            };
            let category = r.category.map_or("-", Category::name);
            let scope = match r.scope {
                Scope::Counted => String::new(),
                Scope::RunOnly => " (robustness)".to_owned(),
                Scope::Excluded(reason) => format!(" (out of scope: {reason})"),
                Scope::Quirk(reason) => format!(" (quirk: {reason})"),
            };
            let _ = writeln!(out, "{status} {}:{} [{category}]{scope}", r.file, r.line);
            let _ = writeln!(out, "  input:    {:?}", r.input);
            let _ = writeln!(out, "  expected: {}", r.expected);
            let _ = writeln!(out, "  found:    {}", r.found);
            match &r.outcome {
                Outcome::Fail(why) | Outcome::Panic(why) | Outcome::InvalidSpan(why) => {
                    let _ = writeln!(out, "  why:      {why}");
                }
                Outcome::Pass => {}
            }
        }
        let _ = writeln!(out, "\n{shown} of {matching} matching cases shown");
        out
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_owned(), |r| format!("{:.1}%", r * 100.0))
}
