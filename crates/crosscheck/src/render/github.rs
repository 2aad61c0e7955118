//! `--format github`: GitHub Actions workflow commands, one per finding, so
//! a workflow step shows each finding as an annotation on the article file:
//!
//! ```text
//! ::error file=news/a.txt,line=3,col=25,endColumn=28,title=CC001::Health Ministry said 120; Red Cross said 900%0A  also news/b.txt:1:26 "Red Cross officials: 900"
//! ```
//!
//! Severity maps to the command: error → `::error`, warning → `::warning`,
//! info → `::notice`. The primary claim gives `file`, `line`, `col` and
//! `endColumn`; the other places and the help follow the message on lines
//! of their own. Escaping follows GitHub's rules: in the message `%`, `\r`
//! and `\n` become `%25`, `%0D`, `%0A`; in properties `:` and `,` also
//! become `%3A` and `%2C`. Other control characters become spaces, so
//! article text cannot start a workflow command of its own.

use std::collections::HashMap;
use std::fmt::Write;

use crate::report::{ClaimEntry, Report};

/// Escape a workflow command's message.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escape a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding.
pub fn render(report: &Report) -> String {
    let claims: HashMap<&str, &ClaimEntry> =
        report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let mut props = Vec::new();
        if let Some(a) = f.annotations.first() {
            let file = if a.path.is_empty() { &a.doc } else { &a.path };
            props.push(format!("file={}", escape_property(file)));
            props.push(format!("line={}", a.line));
            props.push(format!("col={}", a.column));
            if let Some(c) = claims.get(a.claim.as_str()) {
                props.push(format!("endColumn={}", a.column + c.text.chars().count()));
            }
        }
        props.push(format!("title={}", escape_property(&f.code)));
        let mut message = f.message.clone();
        for a in f.annotations.iter().skip(1) {
            let file = if a.path.is_empty() { &a.doc } else { &a.path };
            let _ = write!(
                message,
                "\n  also {file}:{}:{} \"{}\"",
                a.line, a.column, a.label
            );
        }
        if let Some(h) = &f.help {
            let _ = write!(message, "\n  help: {h}");
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_github_rules() {
        assert_eq!(escape_data("50% up\r\nnext"), "50%25 up%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("x\u{1b}y"), "x y");
    }

    #[test]
    fn one_command_per_finding() {
        let docs = crate::audit::fixtures::conflict();
        let mut report = crate::Auditor::new().audit(&docs);
        report.findings.retain(|f| f.code == "CC001");
        report.findings[0].message = "120 against 900, 87% apart".into();
        report.findings[0].help = Some("check: the sources".into());
        let mut info = report.findings[0].clone();
        info.severity = "info".into();
        info.annotations.clear();
        info.help = None;
        let label = report.findings[0].annotations[1].label.clone();
        report.findings.push(info);
        assert_eq!(
            render(&report),
            format!(
                "::error file=news/a.txt,line=1,col=26,endColumn=29,title=CC001::120 against 900, 87%25 apart%0A  also news/b.txt:1:26 \"{label}\"%0A  help: check: the sources\n\
                 ::notice title=CC001::120 against 900, 87%25 apart\n"
            )
        );
    }
}
