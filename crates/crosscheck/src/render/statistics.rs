//! `--statistics`: how many findings each rule produced, most first (ties
//! in code order), as `ruff --statistics` prints them.
//!
//! ```text
//!     7  CC004  corroborated-figure      info
//!     3  CC007  single-origin-echo       info
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::report::Report;

/// One rule's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule code.
    pub code: String,
    /// Rule name (`conflicting-figure`), empty for an unknown code.
    pub name: String,
    /// The most severe severity among its findings.
    pub severity: String,
    /// How many findings.
    pub count: usize,
}

/// Counts per rule code, most findings first, then by code.
pub fn counts(report: &Report) -> Vec<RuleCount> {
    let mut by_code: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for f in &report.findings {
        let e = by_code.entry(&f.code).or_insert_with(|| RuleCount {
            code: f.code.clone(),
            name: crosscheck_score::rule(&f.code).map_or_else(String::new, |r| r.name.to_string()),
            severity: f.severity.clone(),
            count: 0,
        });
        e.count += 1;
        if crate::auditing::severity_rank(&f.severity) < crate::auditing::severity_rank(&e.severity)
        {
            e.severity = f.severity.clone();
        }
    }
    let mut out: Vec<RuleCount> = by_code.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    out
}

/// The counts as an aligned table, one rule per line.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for c in counts(report) {
        let _ = writeln!(
            out,
            "{:>5}  {}  {:<24} {}",
            c.count, c.code, c.name, c.severity
        );
    }
    out
}

/// The counts as a JSON array (`code`, `name`, `severity`, `count`).
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&counts(report)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_rule() {
        let docs = crate::audit::fixtures::conflict();
        let mut report = crate::Auditor::new().audit(&docs);
        let mut extra = report.findings[0].clone();
        extra.code = "CC006".into();
        extra.severity = "warning".into();
        report.findings.push(extra.clone());
        report.findings.push(extra);
        let c = counts(&report);
        assert_eq!(c[0].code, "CC006");
        assert_eq!(c[0].count, 2);
        assert_eq!(c[0].name, "unattributed-figure");
        let table = render(&report);
        assert!(
            table.starts_with("    2  CC006  unattributed-figure      warning\n"),
            "{table}"
        );
        let v: serde_json::Value = serde_json::from_str(&json(&report)).unwrap();
        assert_eq!(v[0]["count"], 2);
    }
}
