//! `--format concise`: one line per finding, `path:line:col: CC001 message`,
//! as compilers and ruff print them, so editors and `grep` can jump to the
//! figure. The place is the finding's primary claim; a finding without a
//! place (none today) prints `-` for it. Control characters from articles
//! become spaces.

use std::fmt::Write;

use crate::render::clean;
use crate::report::Report;

/// One line per finding.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let place = match f.annotations.first() {
            Some(a) => format!(
                "{}:{}:{}",
                clean(if a.path.is_empty() { &a.doc } else { &a.path }),
                a.line,
                a.column
            ),
            None => "-".to_string(),
        };
        let _ = writeln!(out, "{place}: {} {}", f.code, clean(&f.message));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Annotation, FindingEntry};

    #[test]
    fn path_line_col_code_message() {
        let f = FindingEntry {
            kind: "conflict".into(),
            code: "CC001".into(),
            severity: "error".into(),
            claims: vec!["a#1".into()],
            message: "120 against 900\u{1b}[31m".into(),
            annotations: vec![Annotation {
                claim: "a#1".into(),
                doc: "a".into(),
                path: "news/a.txt".into(),
                span: [24, 27],
                line: 3,
                column: 25,
                label: "120".into(),
            }],
            help: None,
            fingerprint: "f".into(),
        };
        let mut no_place = f.clone();
        no_place.annotations.clear();
        let report = Report {
            findings: vec![f, no_place],
            ..Report::default()
        };
        assert_eq!(
            render(&report),
            "news/a.txt:3:25: CC001 120 against 900 \n-: CC001 120 against 900 \n"
        );
    }
}
