//! Renderers: one model ([`Report`]), one function per format. Text output
//! strips control characters that come from articles.

use std::fmt::Write;

use crate::report::{ClaimEntry, Report};

/// Pretty JSON of the report, with a final newline.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serializing plain data cannot fail; keep a valid JSON error object if it ever does.
        format!(
            "{{\"schema\":\"{}\",\"error\":\"{e}\"}}",
            crate::report::SCHEMA
        )
    });
    s.push('\n');
    s
}

/// Article text made safe for a terminal: control characters (including
/// ANSI escapes) become spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A number as an editor reads it: 5,000 / 2.5 / 10,000,000.
pub fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        let s = format!("{v}");
        return s;
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The interval of a claim: "5,000", "10,000–12,000", "≥ 10,000,000", "≤ 100".
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => number(l),
        (Some(l), Some(h)) => format!("{}–{}", number(l), number(h)),
        (Some(l), None) => format!("≥ {}", number(l)),
        (None, Some(h)) => format!("≤ {}", number(h)),
        (None, None) => "?".to_string(),
    }
}

fn claim_line(c: &ClaimEntry) -> String {
    let mut line = format!(
        "  {:<8} {:<28} [{}]",
        c.id,
        format!("\"{}\"", clean(&c.text)),
        interval(c.low, c.high)
    );
    if let Some(counted) = &c.counted {
        let what = if counted.as_written.is_empty() {
            counted.head.clone()
        } else if counted.elided {
            format!("({}, carried)", counted.as_written)
        } else {
            clean(&counted.as_written)
        };
        let _ = write!(line, " {what}");
    }
    if let Some(t) = &c.time {
        let _ = write!(line, " · {}", clean(&t.as_written));
    }
    let _ = write!(
        line,
        " · {}",
        serde_json::to_value(c.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    );
    if !c.hedges.is_empty() {
        let _ = write!(line, " ({})", c.hedges.join(", "));
    }
    match &c.attribution {
        Some(a) => {
            let mut chain = a.source.clone();
            for v in &a.via {
                let _ = write!(chain, " → {v}");
            }
            let _ = write!(line, " · {chain}");
            if a.inherited {
                line.push_str(" (carried from an earlier sentence)");
            } else {
                let _ = write!(line, " (\"{}\")", clean(&a.as_written));
            }
        }
        None => line.push_str(" · unattributed"),
    }
    if let Some(cr) = &c.credibility {
        let _ = write!(line, " · credibility {:.2}", cr.score);
    }
    line
}

/// One line per claim, grouped by document, for an editor.
pub fn claims_text(report: &Report) -> String {
    let mut out = String::new();
    for doc in &report.documents {
        let title = doc.title.as_deref().map(clean).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{}",
            doc.id,
            if title.is_empty() {
                String::new()
            } else {
                format!(" — {title}")
            }
        );
        for e in &doc.errors {
            let _ = writeln!(out, "  ! {}", clean(e));
        }
        let claims: Vec<_> = report.claims.iter().filter(|c| c.doc == doc.id).collect();
        if claims.is_empty() {
            out.push_str("  (no claims)\n");
        }
        for c in claims {
            out.push_str(&claim_line(c));
            out.push('\n');
        }
        if !doc.skipped.is_empty() {
            let roles: Vec<String> = doc
                .skipped
                .iter()
                .map(|s| s.role.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let _ = writeln!(
                out,
                "  skipped {} block(s): {}",
                doc.skipped.len(),
                roles.join(", ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_thousands_separators() {
        assert_eq!(number(10_000_000.0), "10,000,000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-5000.0), "-5,000");
    }

    #[test]
    fn intervals_read_naturally() {
        assert_eq!(interval(Some(1e4), Some(1.2e4)), "10,000–12,000");
        assert_eq!(interval(Some(1e7), None), "≥ 10,000,000");
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(clean("a\u{1b}[31mb\n"), "a [31mb ");
    }
}

/// Counts of findings by severity: (errors, warnings, infos).
pub fn severity_counts(report: &Report) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for f in &report.findings {
        match f.severity.as_str() {
            "error" => counts.0 += 1,
            "warning" => counts.1 += 1,
            _ => counts.2 += 1,
        }
    }
    counts
}

/// The audit for a terminal: findings first (most severe first), each with
/// the places it points at, then clusters and a summary line.
pub fn audit_text(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let _ = writeln!(out, "{}[{}] {}: {}", f.severity, f.code, f.kind, clean(&f.message));
        for a in &f.annotations {
            let claim = report.claims.iter().find(|c| c.id == a.claim);
            let source = claim
                .and_then(|c| c.attribution.as_ref())
                .map(|s| format!(" ← {}", s.source))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  --> {}:{}:{} {} \"{}\"{}",
                if a.path.is_empty() { &a.doc } else { &a.path },
                a.line,
                a.column,
                a.claim,
                clean(&a.label),
                source
            );
        }
        if let Some(h) = &f.help {
            let _ = writeln!(out, "  = help: {}", clean(h));
        }
        out.push('\n');
    }
    if !report.clusters.is_empty() {
        out.push_str("clusters:\n");
        for c in &report.clusters {
            let _ = writeln!(
                out,
                "  {:<22} {:<14} {} claim(s), {} independent origin(s): {}",
                c.id,
                c.verdict,
                c.claims.len(),
                c.origins,
                clean(&c.label)
            );
        }
    }
    let (e, w, i) = severity_counts(report);
    let _ = writeln!(
        out,
        "\n{} document(s), {} claim(s), {} cluster(s); {} error(s), {} warning(s), {} info",
        report.documents.len(),
        report.claims.len(),
        report.clusters.len(),
        e,
        w,
        i
    );
    out
}

/// Markdown for a pull request or a CMS note: a findings table, then clusters.
pub fn markdown(report: &Report) -> String {
    fn cell(s: &str) -> String {
        clean(s).replace('|', "\\|")
    }
    let mut out = String::from("# crosscheck audit\n\n");
    let (e, w, i) = severity_counts(report);
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} clusters — **{} errors, {} warnings, {} info**\n",
        report.documents.len(),
        report.claims.len(),
        report.clusters.len(),
        e,
        w,
        i
    );
    if !report.findings.is_empty() {
        out.push_str("| severity | code | kind | finding | claims |\n|---|---|---|---|---|\n");
        for f in &report.findings {
            let places: Vec<String> = f
                .annotations
                .iter()
                .map(|a| format!("`{}` \"{}\"", cell(&a.claim), cell(&a.label)))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                f.severity,
                f.code,
                f.kind,
                cell(&f.message),
                places.join("<br>")
            );
        }
        out.push('\n');
    }
    if !report.clusters.is_empty() {
        out.push_str("## Clusters\n\n| cluster | verdict | origins | claims |\n|---|---|---:|---|\n");
        for c in &report.clusters {
            let _ = writeln!(out, "| {} | {} | {} | {} |", cell(&c.label), c.verdict, c.origins, c.claims.len());
        }
    }
    out
}
