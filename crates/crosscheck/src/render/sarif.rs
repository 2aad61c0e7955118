//! `--format sarif`: a SARIF 2.1.0 log, so code-scanning UIs (GitHub code
//! scanning, VS Code's SARIF viewer) show findings against the article files.
//!
//! One run; `tool.driver.rules` lists every rule of `crosscheck_score::RULES`
//! (id, name, summary, default level). Each finding is one result:
//!
//! - `ruleId`/`ruleIndex`, `level` (error → `error`, warning → `warning`,
//!   info → `note`), `message.text` (the finding's message, then its help);
//! - `locations[0]`: the primary claim — `artifactLocation.uri` is the
//!   document's path (`/`-separated, percent-encoded; the document id for
//!   documents read from memory), `region` has `startLine`, `startColumn`,
//!   `endLine`, `endColumn` and the figure as `snippet.text`;
//! - `relatedLocations[]`: the claims it was judged against, each with its
//!   label as message;
//! - `partialFingerprints["crosscheck/v1"]`: the finding's fingerprint, so
//!   code scanning tracks a finding across runs as the baseline does;
//! - `properties`: the finding's `kind`, `claims[]` and `fingerprint`.
//!
//! The run's `properties` carry the source ledger, which has no place in
//! SARIF's results: `crosscheck/sources` (the report's `sources[]`),
//! `crosscheck/independence` (its `summary`, when there is one) and
//! `crosscheck/outlets` (its `outlets[]`, when the articles name theirs),
//! each exactly as in the JSON report.
//!
//! Columns count Unicode code points (`run.columnKind` is
//! `unicodeCodePoints`), as the report's `annotations[].column` does. For
//! HTML and JSONL articles the line and column are in the article text as
//! read (blocks joined by blank lines), not in the markup.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::report::{Annotation, ClaimEntry, Report};

/// The SARIF version written.
pub const VERSION: &str = "2.1.0";

/// The schema URI written in `$schema`.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log as a JSON value.
pub fn log(report: &Report) -> Value {
    let claims: HashMap<&str, &ClaimEntry> =
        report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let rules: Vec<Value> = crosscheck_score::RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "defaultConfiguration": { "level": level(r.severity.as_str()) },
                "properties": { "kind": serde_json::to_value(r.kind).unwrap_or(Value::Null) },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut text = f.message.clone();
            if let Some(h) = &f.help {
                text.push_str("\nhelp: ");
                text.push_str(h);
            }
            let mut result = json!({
                "ruleId": f.code,
                "level": level(&f.severity),
                "message": { "text": text },
                "partialFingerprints": { "crosscheck/v1": f.fingerprint },
                "properties": {
                    "kind": f.kind,
                    "claims": f.claims,
                    "fingerprint": f.fingerprint,
                },
            });
            if let Some(i) = crosscheck_score::RULES
                .iter()
                .position(|r| r.code == f.code)
            {
                result["ruleIndex"] = json!(i);
            }
            if let Some(primary) = f.annotations.first() {
                result["locations"] = json!([location(primary, &claims, None)]);
            }
            let related: Vec<Value> = f
                .annotations
                .iter()
                .skip(1)
                .enumerate()
                .map(|(n, a)| location(a, &claims, Some(n + 1)))
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            result
        })
        .collect();
    let mut run = json!({
        "tool": { "driver": {
            "name": "crosscheck",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": env!("CARGO_PKG_REPOSITORY"),
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    run["properties"] = ledger(report);
    json!({
        "$schema": SCHEMA_URI,
        "version": VERSION,
        "runs": [run],
    })
}

/// The run's property bag: the source ledger as the JSON report has it.
fn ledger(report: &Report) -> Value {
    let mut bag = json!({
        "crosscheck/sources": serde_json::to_value(&report.sources).unwrap_or(Value::Null),
    });
    if let Some(summary) = &report.summary {
        bag["crosscheck/independence"] = serde_json::to_value(summary).unwrap_or(Value::Null);
    }
    if !report.outlets.is_empty() {
        bag["crosscheck/outlets"] = serde_json::to_value(&report.outlets).unwrap_or(Value::Null);
    }
    bag
}

/// The SARIF log, pretty-printed, with a final newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&log(report)).unwrap_or_default();
    s.push('\n');
    s
}

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

fn location(a: &Annotation, claims: &HashMap<&str, &ClaimEntry>, id: Option<usize>) -> Value {
    let mut region = json!({ "startLine": a.line.max(1), "startColumn": a.column.max(1) });
    if let Some(c) = claims.get(a.claim.as_str()) {
        region["endLine"] = json!(a.line.max(1));
        region["endColumn"] = json!(a.column.max(1) + c.text.chars().count());
        region["snippet"] = json!({ "text": c.text });
    }
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(if a.path.is_empty() { &a.doc } else { &a.path }) },
            "region": region,
        },
    });
    if let Some(id) = id {
        loc["id"] = json!(id);
        loc["message"] = json!({ "text": a.label });
    }
    loc
}

/// A path as a relative URI reference: `/`-separated, with everything but
/// unreserved characters and `/` percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("news/a b.txt"), "news/a%20b.txt");
        assert_eq!(uri("news\\é.txt"), "news/%C3%A9.txt");
    }

    #[test]
    fn conflict_is_an_error_result_with_related_location() {
        let docs = crate::audit::fixtures::conflict();
        let report = crate::Auditor::new().audit(&docs);
        let log = log(&report);
        assert_eq!(log["version"], "2.1.0");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), report.findings.len());
        let cc001 = results.iter().find(|r| r["ruleId"] == "CC001").unwrap();
        assert_eq!(cc001["level"], "error");
        assert_eq!(cc001["ruleIndex"], 0);
        let region = &cc001["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 1);
        assert_eq!(region["startColumn"], 26);
        assert_eq!(region["endColumn"], 29);
        assert_eq!(cc001["relatedLocations"].as_array().unwrap().len(), 1);
        let uris: Vec<&str> = [&cc001["locations"][0], &cc001["relatedLocations"][0]]
            .iter()
            .map(|l| {
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert!(
            uris.contains(&"news/a.txt") && uris.contains(&"news/b.txt"),
            "{uris:?}"
        );
        assert!(cc001["partialFingerprints"]["crosscheck/v1"].is_string());
    }

    #[test]
    fn the_run_carries_the_source_ledger_as_the_json_report_has_it() {
        let docs = crate::audit::fixtures::conflict();
        let report = crate::Auditor::new().audit(&docs);
        assert!(!report.sources.is_empty());
        let log = log(&report);
        let bag = &log["runs"][0]["properties"];
        assert_eq!(
            bag["crosscheck/sources"],
            serde_json::to_value(&report.sources).unwrap()
        );
        let labels: Vec<&str> = bag["crosscheck/sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert!(labels.contains(&"Health Ministry"), "{labels:?}");
        assert_eq!(
            bag["crosscheck/independence"],
            serde_json::to_value(report.summary.as_ref().unwrap()).unwrap()
        );
        assert!(bag.get("crosscheck/outlets").is_none());
    }
}
