//! Colour and `--quiet` for the text format.
//!
//! The text renderer (`crosscheck::render::audit_text`) writes plain text;
//! here its finding lines get styles (severity and code, the `-->` arrows,
//! `= help:`) when colour is on, and `--quiet` keeps only the finding
//! blocks. Article text in it has had its control characters removed by the
//! renderer, so it cannot carry escape sequences of its own.

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour (text format only).
    Always,
    /// Never colour.
    Never,
}

/// Whether to colour stdout. `auto` follows `anstream`: a terminal, and
/// neither `NO_COLOR` nor `TERM=dumb` (`CLICOLOR_FORCE` forces colour).
pub fn enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Never
        ),
    }
}

fn severity_style(severity: &str) -> Style {
    let color = match severity {
        "error" => AnsiColor::Red,
        "warning" => AnsiColor::Yellow,
        _ => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

/// `error[CC001] rest`: the severity and the code.
fn finding_head(line: &str) -> Option<(&str, &str, &str)> {
    let (severity, rest) = line.split_once('[')?;
    if !matches!(severity, "error" | "warning" | "info") {
        return None;
    }
    let (code, rest) = rest.split_once(']')?;
    Some((severity, code, rest))
}

/// Whether a line belongs to a finding block of the text format.
fn in_finding(line: &str) -> bool {
    line.is_empty()
        || finding_head(line).is_some()
        || line.starts_with("  --> ")
        || line.starts_with("   | ")
        || line.starts_with("  = ")
}

/// The text output with ANSI styles on its finding lines.
pub fn paint(text: &str) -> String {
    let bold = Style::new().bold();
    let arrow = Style::new().bold().fg_color(Some(AnsiColor::Blue.into()));
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        if let Some((severity, code, rest)) = finding_head(body) {
            let s = severity_style(severity);
            out.push_str(&format!(
                "{s}{severity}[{code}]{s:#}{bold}{rest}{bold:#}{nl}"
            ));
        } else if let Some(rest) = body.strip_prefix("  --> ") {
            out.push_str(&format!("  {arrow}-->{arrow:#} {rest}{nl}"));
        } else if let Some(rest) = body.strip_prefix("  = help:") {
            out.push_str(&format!("  {bold}= help:{bold:#}{rest}{nl}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Only the finding blocks of the text output: no clusters, ledger or
/// summary line. Nothing at all when there are no findings.
pub fn findings_only(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if !in_finding(line.trim_end_matches('\n')) {
            break;
        }
        out.push_str(line);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "error[CC001] conflict: 120 against 900\n  --> a.txt:1:26 a#1 \"120\"\n  = help: check\n\ninfo[CC005] single-source: x\n  --> b.txt:1:1 b#1 \"9\"\n\nclusters:\n  c1 conflict 2 claim(s)\n\n2 document(s), 2 claim(s), 1 cluster(s); 1 error(s), 0 warning(s), 1 info\n";

    #[test]
    fn paint_styles_finding_lines_only() {
        let painted = paint(TEXT);
        assert!(
            painted.starts_with("\u{1b}[1m\u{1b}[31merror[CC001]\u{1b}[0m"),
            "{painted:?}"
        );
        assert!(painted.contains("\u{1b}[34m-->"));
        assert!(painted.contains("clusters:\n"));
        let stripped: String = anstream::adapter::strip_str(&painted).to_string();
        assert_eq!(stripped, TEXT);
    }

    #[test]
    fn quiet_keeps_the_findings() {
        let q = findings_only(TEXT);
        assert!(q.ends_with("  --> b.txt:1:1 b#1 \"9\"\n"), "{q}");
        assert!(!q.contains("clusters") && !q.contains("document(s)"));
        assert_eq!(findings_only("clusters:\n  c1\n\n1 document(s)\n"), "");
    }
}
