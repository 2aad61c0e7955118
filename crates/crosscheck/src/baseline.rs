//! Baselines of accepted findings: `crosscheck audit … --write-baseline FILE`
//! records the findings of a run; `--baseline FILE` reports only findings
//! that are not in it, so a known finding never fails a build twice.
//!
//! A baseline is a JSON file (schema `crosscheck.baseline.v1`) listing each
//! finding's `fingerprint`, `code`, `message` and `claims`. Only the
//! fingerprint is used for matching; the rest is there for the person
//! reviewing the file. A finding is known when its fingerprint is in the
//! baseline (set semantics: one entry covers every finding with that
//! fingerprint).
//!
//! **The fingerprint** (`findings[].fingerprint`) is a 64-bit FNV-1a hash,
//! as 16 hex digits, over the finding's rule code, its kind, and, for each
//! of its claims, sorted, the tuple (document id, the figure as written,
//! the head of what is counted, the normalized source). It does not include
//! claim ids, spans, line numbers, messages, severities or the order of
//! documents, so it survives edits elsewhere in an article, re-numbered
//! claims, reordered files and severity overrides; it changes when a figure,
//! what it counts, its source, the document it is in or the set of claims
//! involved change.
//!
//! ```
//! use crosscheck::{Auditor, Format, baseline::Baseline, ingest};
//!
//! let mut docs = ingest::parse("The Health Ministry said 120 people were killed in the flood on Monday.", Format::Text, "a", "").documents;
//! docs.extend(ingest::parse("Red Cross officials said 900 people were killed in the flood on Monday.", Format::Text, "b", "").documents);
//! let mut report = Auditor::new().audit(&docs);
//! let baseline = Baseline::of(&report);
//! let known = baseline.filter(&mut report);
//! assert!(known > 0);
//! assert!(report.findings.is_empty());
//! ```

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::report::Report;

/// The schema name every baseline carries.
pub const SCHEMA: &str = "crosscheck.baseline.v1";

/// A set of accepted findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The accepted findings, sorted by code then fingerprint.
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// The finding's fingerprint: what is matched.
    pub fingerprint: String,
    /// Rule code, for people reading the file.
    pub code: String,
    /// The finding's message when it was accepted.
    pub message: String,
    /// Claim ids when it was accepted.
    pub claims: Vec<String>,
}

/// A baseline file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// The baseline of every finding in a report.
    pub fn of(report: &Report) -> Baseline {
        let mut findings: Vec<BaselineEntry> = report
            .findings
            .iter()
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                code: f.code.clone(),
                message: f.message.clone(),
                claims: f.claims.clone(),
            })
            .collect();
        findings.sort_by(|a, b| {
            a.code
                .cmp(&b.code)
                .then_with(|| a.fingerprint.cmp(&b.fingerprint))
        });
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            schema: SCHEMA.to_string(),
            findings,
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Read a baseline written by [`Baseline::to_json`].
    pub fn from_json(text: &str) -> Result<Baseline, BaselineError> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| BaselineError {
            message: format!("not a crosscheck baseline: {e}"),
        })?;
        if b.schema != SCHEMA {
            return Err(BaselineError {
                message: format!(
                    "unsupported baseline schema \"{}\" (expected \"{SCHEMA}\")",
                    b.schema
                ),
            });
        }
        Ok(b)
    }

    /// Whether a fingerprint is in the baseline.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.findings.iter().any(|f| f.fingerprint == fingerprint)
    }

    /// Remove the report's findings that are in the baseline; returns how
    /// many were removed.
    pub fn filter(&self, report: &mut Report) -> usize {
        let known: HashSet<&str> = self
            .findings
            .iter()
            .map(|f| f.fingerprint.as_str())
            .collect();
        let before = report.findings.len();
        report
            .findings
            .retain(|f| !known.contains(f.fingerprint.as_str()));
        before - report.findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_schema_check() {
        let b = Baseline {
            schema: SCHEMA.into(),
            findings: vec![BaselineEntry {
                fingerprint: "00ff".into(),
                code: "CC001".into(),
                message: "m".into(),
                claims: vec!["a#1".into()],
            }],
        };
        assert_eq!(Baseline::from_json(&b.to_json()).unwrap(), b);
        assert!(b.contains("00ff"));
        let wrong = b.to_json().replace(SCHEMA, "other");
        assert!(
            Baseline::from_json(&wrong)
                .unwrap_err()
                .to_string()
                .contains("schema")
        );
        assert!(Baseline::from_json("[]").is_err());
    }
}
