//! Renderers: one model ([`Report`]), one function per format. Text output
//! strips control characters that come from articles.

pub mod concise;
pub mod github;
pub mod html;
pub mod json_lines;
mod pretty;
pub mod sarif;
pub mod statistics;

use std::collections::HashMap;
use std::fmt::Write;

use crate::report::{ClaimEntry, DocumentEntry, OutletEntry, Report, SourceLedgerEntry};

/// Pretty JSON of the report, with a final newline ([`write_json`] into a
/// string).
pub fn json(report: &Report) -> String {
    let mut out = Vec::new();
    match write_json(report, &mut out) {
        // serde_json writes UTF-8.
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        // Serializing plain data cannot fail; keep a valid JSON error object if it ever does.
        Err(e) => format!(
            "{{\"schema\":\"{}\",\"error\":\"{e}\"}}\n",
            crate::report::SCHEMA
        ),
    }
}

/// Writes the pretty JSON of the report, with a final newline, to `out`
/// as it is serialized: the same bytes as [`json`] without holding them all
/// in memory (a report is many times the size of its articles).
///
/// ```
/// let report = crosscheck::Auditor::new().audit(&[]);
/// let mut bytes = Vec::new();
/// crosscheck::render::write_json(&report, &mut bytes).unwrap();
/// assert_eq!(String::from_utf8(bytes).unwrap(), crosscheck::render::json(&report));
/// ```
///
/// The bytes `serde_json::to_writer_pretty` writes, plus the newline; the
/// lists (documents, claims, clusters, findings, sources, outlets) are
/// serialized a slice at a time on rayon's pool and written in order, a
/// bounded amount of them in memory at once.
pub fn write_json(report: &Report, out: impl std::io::Write) -> std::io::Result<()> {
    pretty::write_report(report, out)
}

/// Article text made safe for a terminal: control characters (including
/// ANSI escapes) become spaces.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // A whole escape sequence goes: CSI "ESC [ … final", OSC "ESC ] … BEL|ESC \\", or "ESC x".
            match chars.peek() {
                Some('[') => {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&d) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    chars.next();
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                Some(_) => {
                    chars.next();
                }
                None => {}
            }
            out.push(' ');
        } else if c.is_control() || c == '\u{9b}' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
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
    let by_doc = claims_by_doc(report);
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
        let claims = by_doc.get(doc.id.as_str()).map_or(&[][..], Vec::as_slice);
        if claims.is_empty() {
            out.push_str("  (no claims)\n");
        }
        for (_, c) in claims {
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

/// Findings with more places than this show no sentence under each place.
const SNIPPET_LIMIT: usize = 6;

/// The claim's sentence with the figure marked `»…«`, cut to about 160
/// characters around it, and the claim's credibility.
pub fn snippet(c: &ClaimEntry) -> String {
    let sentence = clean(&c.sentence);
    let text = clean(&c.text);
    let marked = match sentence.find(&text) {
        Some(at) => {
            let before: Vec<char> = sentence[..at].chars().collect();
            let after: Vec<char> = sentence[at + text.len()..].chars().collect();
            let head: String = if before.len() > 70 {
                format!(
                    "…{}",
                    before[before.len() - 70..].iter().collect::<String>()
                )
            } else {
                before.iter().collect()
            };
            let tail: String = if after.len() > 80 {
                format!("{}…", after[..80].iter().collect::<String>())
            } else {
                after.iter().collect()
            };
            format!("{head}»{text}«{tail}")
        }
        None => sentence,
    };
    match &c.credibility {
        Some(cr) => format!("{marked} (credibility {:.2})", cr.score),
        None => marked,
    }
}

/// The audit for a terminal: findings first (most severe first), each with
/// the places it points at, then clusters and a summary line.
pub fn audit_text(report: &Report) -> String {
    let lookup = Lookup::new(report);
    let mut out = String::new();
    for f in &report.findings {
        let _ = writeln!(
            out,
            "{}[{}] {}: {}",
            f.severity,
            f.code,
            f.kind,
            clean(&f.message)
        );
        for a in &f.annotations {
            let claim = lookup.claim(&a.claim);
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
            if f.annotations.len() <= SNIPPET_LIMIT {
                if let Some(c) = claim {
                    let _ = writeln!(out, "   | {}", snippet(c));
                }
            }
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
    out.push_str(&ledger_text(report, &lookup));
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

/// "1 figure", "2 figures".
fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The claim number of a claim id ("000_c66b…#4" → "#4").
fn claim_no(id: &str) -> &str {
    id.rfind('#').map_or(id, |at| &id[at..])
}

/// The short notes of a source's line: relays, credits, mentions,
/// conflicts, interested party.
fn source_notes(lookup: &Lookup<'_>, s: &SourceLedgerEntry) -> Vec<String> {
    let mut notes = Vec::new();
    if !s.relayed.is_empty() {
        let mut from: Vec<&str> = Vec::new();
        for id in &s.relayed {
            let origin = lookup
                .claim(id)
                .and_then(|c| c.attribution.as_ref())
                .map(|a| lookup.source_label(&a.source));
            if let Some(o) = origin
                && !from.contains(&o)
            {
                from.push(o);
            }
        }
        notes.push(format!(
            "relays {}{}",
            count(s.relayed.len(), "figure"),
            if from.is_empty() {
                String::new()
            } else {
                format!(" of {}", from.join(", "))
            }
        ));
    }
    if !s.briefings.is_empty() {
        notes.push(format!(
            "briefing lawmakers in {}",
            count(s.briefings.len(), "doc")
        ));
    }
    if s.echoed > 0 {
        notes.push(format!(
            "{} repeated elsewhere only by the same origin",
            count(s.echoed, "figure")
        ));
    }
    if !s.conflicts_with.is_empty() {
        notes.push(format!("conflicts with {}", s.conflicts_with.join(", ")));
    }
    if !s.credited_by.is_empty() {
        notes.push(format!("credited by {}", s.credited_by.join(", ")));
    }
    if !s.named_in.is_empty() {
        notes.push(format!(
            "named without a figure in {}",
            s.named_in.join(", ")
        ));
    }
    if let Some(ip) = &s.interested_party {
        notes.push(format!("interested party ({})", ip.topics.join(", ")));
    }
    notes
}

/// A report's claims and sources by id. Renderers look them up for every
/// annotation, source line and document line: a search of the whole list
/// each time is quadratic on a big batch.
struct Lookup<'r> {
    claims: HashMap<&'r str, &'r ClaimEntry>,
    sources: HashMap<&'r str, &'r SourceLedgerEntry>,
}

impl<'r> Lookup<'r> {
    fn new(report: &'r Report) -> Self {
        // The first of a repeated id wins, as a search from the start would find.
        let mut claims = HashMap::with_capacity(report.claims.len());
        for c in &report.claims {
            claims.entry(c.id.as_str()).or_insert(c);
        }
        let mut sources = HashMap::with_capacity(report.sources.len());
        for s in &report.sources {
            sources.entry(s.id.as_str()).or_insert(s);
        }
        Lookup { claims, sources }
    }

    fn claim(&self, id: &str) -> Option<&'r ClaimEntry> {
        self.claims.get(id).copied()
    }

    /// A source id as the ledger labels it ("KR government + US government +
    /// UA government" → "South Korea/United States/Ukraine").
    fn source_label<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        self.sources.get(id).map_or(id, |s| s.label.as_str())
    }
}

/// The report's claims by document id, each document's in report order
/// with its place in the report.
fn claims_by_doc(report: &Report) -> HashMap<&str, Vec<(usize, &ClaimEntry)>> {
    let mut by_doc: HashMap<&str, Vec<(usize, &ClaimEntry)>> = HashMap::new();
    for (n, c) in report.claims.iter().enumerate() {
        by_doc.entry(c.doc.as_str()).or_default().push((n, c));
    }
    by_doc
}

/// A source's row in the Markdown and HTML reports, unescaped: its label,
/// kind, figures, documents, corroborated, conflicts, score and notes.
fn source_cells(lookup: &Lookup<'_>, s: &SourceLedgerEntry) -> [String; 8] {
    [
        s.label.clone(),
        source_kind(s),
        s.figures.to_string(),
        s.documents.len().to_string(),
        s.corroborated.to_string(),
        (s.conflicts + s.possible_conflicts).to_string(),
        format!("{:.2}", s.credibility.score),
        source_notes(lookup, s).join("; "),
    ]
}

/// An outlet's row in the Markdown and HTML reports, unescaped: its name,
/// articles, figures, named, anonymous, unattributed, only here, relaying
/// articles.
fn outlet_cells(o: &OutletEntry) -> [String; 8] {
    [
        o.outlet.clone(),
        o.documents.len().to_string(),
        o.figures.to_string(),
        o.named.to_string(),
        o.anonymous.to_string(),
        o.unattributed.to_string(),
        o.exclusive.to_string(),
        o.relaying_documents.to_string(),
    ]
}

/// The kind column: "government (joint)" for a joint source.
fn source_kind(s: &SourceLedgerEntry) -> String {
    if s.joint.is_empty() {
        s.kind.as_str().to_string()
    } else {
        format!("{} (joint)", s.kind.as_str())
    }
}

/// One line on how a document attributes its figures.
fn attribution_line(lookup: &Lookup<'_>, d: &DocumentEntry) -> Option<String> {
    let a = d.attribution.as_ref()?;
    let mut line = format!(
        "{}: {} named{}, {} anonymous, {} unattributed",
        count(a.figures, "figure"),
        a.named,
        if a.inherited > 0 {
            format!(" ({} carried from an earlier sentence)", a.inherited)
        } else {
            String::new()
        },
        a.anonymous,
        a.unattributed
    );
    if !a.sources.is_empty() {
        let from: Vec<&str> = a.sources.iter().map(|s| lookup.source_label(s)).collect();
        let _ = write!(line, " · from {}", clean(&from.join(", ")));
    }
    if !a.exclusive.is_empty() {
        let only: Vec<&str> = a.exclusive.iter().map(|c| claim_no(c)).collect();
        let _ = write!(line, " · only here: {}", only.join(" "));
    }
    if !a.relays.is_empty() {
        let _ = write!(line, " · relays {}", clean(&a.relays.join(", ")));
    }
    if !a.credited.is_empty() {
        let _ = write!(line, " · credits {}", clean(&a.credited.join(", ")));
    }
    Some(line)
}

/// The ledger for a terminal: one line per source, how independently the
/// batch is sourced, one line per article (and per outlet when known).
fn ledger_text(report: &Report, lookup: &Lookup<'_>) -> String {
    let mut out = String::new();
    if !report.sources.is_empty() {
        let width = report
            .sources
            .iter()
            .map(|s| s.label.chars().count())
            .max()
            .unwrap_or(6)
            .clamp(6, 40);
        let _ = writeln!(
            out,
            "\nsources (most of the batch first):\n  {:<width$}  {:<24} {:>7} {:>4} {:>12} {:>9} {:>5}  notes",
            "source", "kind", "figures", "docs", "corroborated", "conflicts", "score"
        );
        for s in &report.sources {
            let line = format!(
                "  {:<width$}  {:<24} {:>7} {:>4} {:>12} {:>9} {:>5.2}  {}",
                clean(&s.label),
                source_kind(s),
                s.figures,
                s.documents.len(),
                s.corroborated,
                s.conflicts + s.possible_conflicts,
                s.credibility.score,
                clean(&source_notes(lookup, s).join("; "))
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    if let Some(sm) = &report.summary {
        let _ = writeln!(out, "\nindependence: {}", clean(&sm.text));
    }
    let lines: Vec<(String, String)> = report
        .documents
        .iter()
        .filter_map(|d| attribution_line(lookup, d).map(|l| (d.id.clone(), l)))
        .collect();
    if !lines.is_empty() {
        out.push_str("\narticles:\n");
        for (id, l) in lines {
            let _ = writeln!(out, "  {id}  {l}");
        }
    }
    if !report.outlets.is_empty() {
        out.push_str("\noutlets:\n");
        for o in &report.outlets {
            let _ = writeln!(
                out,
                "  {}  {}, {}: {} named ({} carried), {} anonymous, {} unattributed · {} only in one of its articles · {} relaying another outlet{}",
                clean(&o.outlet),
                count(o.documents.len(), "article"),
                count(o.figures, "figure"),
                o.named,
                o.inherited,
                o.anonymous,
                o.unattributed,
                o.exclusive,
                o.relaying_documents,
                if o.relays.is_empty() {
                    String::new()
                } else {
                    format!(": {}", clean(&o.relays.join(", ")))
                }
            );
        }
    }
    out
}

/// Markdown for a pull request or a CMS note: a findings table, then clusters.
pub fn markdown(report: &Report) -> String {
    let lookup = Lookup::new(report);
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
        out.push_str(
            "## Clusters\n\n| cluster | verdict | origins | claims |\n|---|---|---:|---|\n",
        );
        for c in &report.clusters {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&c.label),
                c.verdict,
                c.origins,
                c.claims.len()
            );
        }
    }
    if let Some(sm) = &report.summary {
        let _ = writeln!(
            out,
            "\n## Independence\n\n**{} independent origin{}.** {}",
            sm.independent_origins,
            if sm.independent_origins == 1 { "" } else { "s" },
            cell(&sm.text)
        );
    }
    if !report.sources.is_empty() {
        out.push_str("\n## Sources\n\n| source | kind | figures | documents | corroborated | conflicts | score | notes |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for s in &report.sources {
            let cells = source_cells(&lookup, s).map(|c| cell(&c));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    let lines: Vec<(String, String)> = report
        .documents
        .iter()
        .filter_map(|d| attribution_line(&lookup, d).map(|l| (d.id.clone(), l)))
        .collect();
    if !lines.is_empty() {
        out.push_str("\n## Articles\n\n| article | attribution |\n|---|---|\n");
        for (id, l) in lines {
            let _ = writeln!(out, "| {} | {} |", cell(&id), cell(&l));
        }
    }
    if !report.outlets.is_empty() {
        out.push_str("\n## Outlets\n\n| outlet | articles | figures | named | anonymous | unattributed | only here | relaying articles |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for o in &report.outlets {
            let cells = outlet_cells(o).map(|c| cell(&c));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
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
        assert_eq!(clean("a\u{1b}[31mb\n"), "a b ");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y\u{1b}[2J"), "x y ");
    }
}
