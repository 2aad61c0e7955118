//! `--format json-lines`: one finding per line, each a compact JSON object
//! with the fields of report v1's `findings[]`, in report order. For
//! streaming and grep; nothing else is printed, so an empty output means no
//! findings.

use crate::report::Report;

/// One compact JSON finding per line.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        if let Ok(line) = serde_json::to_string(f) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Annotation, FindingEntry};

    fn finding(code: &str, severity: &str, message: &str) -> FindingEntry {
        FindingEntry {
            kind: "conflict".into(),
            code: code.into(),
            severity: severity.into(),
            claims: vec!["a#1".into(), "b#1".into()],
            message: message.into(),
            annotations: vec![Annotation {
                claim: "a#1".into(),
                doc: "a".into(),
                path: "news/a.txt".into(),
                span: [24, 27],
                line: 1,
                column: 25,
                label: "Health Ministry: 120".into(),
            }],
            help: None,
            fingerprint: "0123456789abcdef".into(),
        }
    }

    #[test]
    fn one_object_per_line() {
        let report = Report {
            findings: vec![
                finding("CC001", "error", "two\nlines"),
                finding("CC006", "warning", "x"),
            ],
            ..Report::default()
        };
        let out = render(&report);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["code"], "CC001");
        assert_eq!(v["message"], "two\nlines");
        assert_eq!(v["annotations"][0]["line"], 1);
        assert_eq!(render(&Report::default()), "");
    }
}
