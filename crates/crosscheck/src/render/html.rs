//! `--format html`: one self-contained page for an editor.
//!
//! The page shows the findings (each linked to the sentences of every claim
//! it involves), the clusters (linked to their claims), the source ledger
//! (how independently the batch is sourced, each source's figures,
//! corroboration, conflicts, score and notes, the outlets), and every
//! article in full, under its attribution line: its own text with each
//! claim highlighted (hover for the figure's
//! interval, what it counts, its source and chain, modality and
//! credibility), and the blocks that are not the article (comments, related
//! links, captions, …) greyed out with the rule that skipped them.
//!
//! **Input.** The report alone does not carry article text, so the renderer
//! takes the documents as well: [`render`]`(report, docs)`, the documents
//! the report was made from (matched by id; a document that is missing is
//! listed without its text). The report model stays as it is.
//!
//! **Self-contained and safe.** One file: inline CSS, no scripts, no
//! images, no fonts, no external requests, and a Content-Security-Policy
//! (`default-src 'none'; style-src 'unsafe-inline'`) that forbids any.
//! Everything that comes from an article — text, titles, outlets, paths,
//! ids, labels, messages — is HTML-escaped (`& < > " '`) in text and in
//! attributes; element ids are built from indices, never from input; a
//! document's URL is a link only when it is `http:` or `https:`, otherwise
//! plain text (so `javascript:` URLs are never clickable).

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use crate::document::Document;
use crate::render::{interval, severity_counts};
use crate::report::{ClaimEntry, Report};

/// Escape text for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL as a link when it is http(s), else as escaped text.
fn link_or_text(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a href=\"{0}\" rel=\"noopener noreferrer nofollow\">{0}</a>",
            escape(url.trim())
        )
    } else {
        escape(url)
    }
}

const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1d1d1f;background:#fff}
h1,h2,h3{line-height:1.2}
nav a{margin-right:1rem}
.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.8rem;font-weight:600;color:#fff;background:#6e6e73;text-transform:uppercase}
.sev-error .badge{background:#c62828}.sev-warning .badge{background:#b26a00}.sev-info .badge{background:#1565c0}
.finding{border-left:4px solid #6e6e73;padding:.2rem .8rem;margin:1rem 0}
.finding.sev-error{border-color:#c62828}.finding.sev-warning{border-color:#b26a00}.finding.sev-info{border-color:#1565c0}
.finding q{color:#444}
.help{font-style:italic}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
.doc{border-top:2px solid #ddd;margin-top:2rem}
.meta{color:#555;font-size:.9rem}
.block.skipped{color:#888;font-size:.9rem;border-left:3px dashed #ccc;padding-left:.6rem}
.block.skipped::before{content:attr(data-role) ': ';font-weight:600}
mark.claim{background:#e3f2fd;border-bottom:2px solid #1565c0;border-radius:.2rem;cursor:help}
mark.claim.sev-error{background:#ffebee;border-color:#c62828}
mark.claim.sev-warning{background:#fff3e0;border-color:#b26a00}
mark:target{outline:3px solid #000}
.sentence:has(:target){background:#fffde7}
.errors{color:#c62828}
";

/// The page.
pub fn render(report: &Report, docs: &[Document]) -> String {
    let claim_index: HashMap<&str, usize> = report
        .claims
        .iter()
        .enumerate()
        .map(|(n, c)| (c.id.as_str(), n))
        .collect();
    // Each document's claims with their places in the report, in order.
    let claims_of = super::claims_by_doc(report);
    // The most severe finding each claim takes part in, and the codes.
    let mut claim_severity: HashMap<&str, &str> = HashMap::new();
    let mut claim_codes: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in &report.findings {
        for c in &f.claims {
            let sev = claim_severity.entry(c).or_insert("info");
            if crate::auditing::severity_rank(&f.severity) < crate::auditing::severity_rank(sev) {
                *sev = &f.severity;
            }
            claim_codes.entry(c).or_default().push(&f.code);
        }
    }
    let doc_index: HashMap<&str, usize> = report
        .documents
        .iter()
        .enumerate()
        .map(|(n, d)| (d.id.as_str(), n))
        .collect();

    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>crosscheck audit</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>crosscheck audit</h1>\n");
    let (e, w, i) = severity_counts(report);
    let _ = writeln!(
        out,
        "<p>{} document(s), {} claim(s), {} cluster(s): <strong>{e} error(s), {w} warning(s), {i} info</strong></p>",
        report.documents.len(),
        report.claims.len(),
        report.clusters.len()
    );
    out.push_str("<nav><a href=\"#findings\">Findings</a><a href=\"#clusters\">Clusters</a><a href=\"#sources\">Sources</a><a href=\"#articles\">Articles</a></nav>\n</header>\n");

    // Findings.
    out.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
    }
    for (n, f) in report.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "<article class=\"finding sev-{sev}\" id=\"f{n}\">\n<h3><span class=\"badge\">{sev}</span> {code} {kind}</h3>\n<p>{msg}</p>\n<ul>",
            sev = escape(&f.severity),
            code = escape(&f.code),
            kind = escape(&f.kind),
            msg = escape(&f.message),
        );
        for a in &f.annotations {
            let place = format!(
                "{}:{}:{}",
                if a.path.is_empty() { &a.doc } else { &a.path },
                a.line,
                a.column
            );
            let sentence = claim_index
                .get(a.claim.as_str())
                .map(|&k| &report.claims[k].sentence);
            let href = claim_index
                .get(a.claim.as_str())
                .map_or_else(String::new, |k| format!(" href=\"#c{k}\""));
            let _ = write!(
                out,
                "<li><a{href}>{}</a> <strong>{}</strong>",
                escape(&place),
                escape(&a.label)
            );
            if let Some(s) = sentence {
                let _ = write!(out, " — <q>{}</q>", escape(s));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
        if let Some(h) = &f.help {
            let _ = writeln!(out, "<p class=\"help\">{}</p>", escape(h));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");

    // Clusters.
    out.push_str("<section id=\"clusters\">\n<h2>Clusters</h2>\n");
    if report.clusters.is_empty() {
        out.push_str("<p>No clusters.</p>\n");
    } else {
        out.push_str(
            "<table>\n<tr><th>what</th><th>verdict</th><th>origins</th><th>claims</th></tr>\n",
        );
        for c in &report.clusters {
            let links: Vec<String> = c
                .claims
                .iter()
                .map(|id| match claim_index.get(id.as_str()) {
                    Some(k) => format!(
                        "<a href=\"#c{k}\">{}</a> ({})",
                        escape(id),
                        escape(&report.claims[*k].text)
                    ),
                    None => escape(id),
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&c.label),
                escape(&c.verdict),
                c.origins,
                links.join("<br>")
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");

    let lookup = super::Lookup::new(report);
    sources(&mut out, report, &lookup);

    // Articles.
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n");
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    for entry in &report.documents {
        let n = doc_index.get(entry.id.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "<article class=\"doc\" id=\"d{n}\">");
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            escape(entry.title.as_deref().unwrap_or(&entry.id))
        );
        let mut meta = vec![format!("<code>{}</code>", escape(&entry.id))];
        if let Some(o) = &entry.outlet {
            meta.push(escape(o));
        }
        if let Some(p) = &entry.published {
            meta.push(escape(p));
        }
        if !entry.path.is_empty() {
            meta.push(escape(&entry.path));
        }
        let doc = by_id.get(entry.id.as_str()).copied();
        if let Some(url) = doc.and_then(|d| d.url.as_deref()) {
            meta.push(link_or_text(url));
        }
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
        if let Some(line) = super::attribution_line(&lookup, entry) {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&line));
        }
        if !entry.errors.is_empty() {
            out.push_str("<ul class=\"errors\">\n");
            for e in &entry.errors {
                let _ = writeln!(out, "<li>{}</li>", escape(e));
            }
            out.push_str("</ul>\n");
        }
        match doc {
            Some(doc) => {
                let claims = claims_of
                    .get(doc.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                article(&mut out, doc, claims, &claim_severity, &claim_codes);
            }
            None => out.push_str("<p class=\"meta\">(article text not available)</p>\n"),
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

/// The source ledger: how independently the batch is sourced, one row per
/// source (its figures, corroboration, conflicts, score and notes: relays,
/// briefings, credits, interested party), and one row per outlet when the
/// articles name theirs. The same content as the text and Markdown reports.
fn sources(out: &mut String, report: &Report, lookup: &super::Lookup<'_>) {
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if let Some(sm) = &report.summary {
        let _ = writeln!(
            out,
            "<p><strong>{} independent origin{}.</strong> {}</p>",
            sm.independent_origins,
            if sm.independent_origins == 1 { "" } else { "s" },
            escape(&sm.text)
        );
    }
    if report.sources.is_empty() {
        out.push_str("<p>No sources named.</p>\n");
    } else {
        out.push_str(
            "<table>\n<tr><th>source</th><th>kind</th><th>figures</th><th>articles</th>\
             <th>corroborated</th><th>conflicts</th><th>score</th><th>notes</th></tr>\n",
        );
        for s in &report.sources {
            let cells = super::source_cells(lookup, s).map(|c| escape(&c));
            let _ = writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"));
        }
        out.push_str("</table>\n");
    }
    if !report.outlets.is_empty() {
        out.push_str(
            "<h3>Outlets</h3>\n<table>\n<tr><th>outlet</th><th>articles</th><th>figures</th>\
             <th>named</th><th>anonymous</th><th>unattributed</th><th>only here</th><th>relaying articles</th></tr>\n",
        );
        for o in &report.outlets {
            let cells = super::outlet_cells(o).map(|c| escape(&c));
            let _ = writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</section>\n");
}

/// The hover text of a claim.
fn hover(c: &ClaimEntry, codes: Option<&Vec<&str>>) -> String {
    let mut lines = Vec::new();
    let mut what = format!("{}: {}", c.id, interval(c.low, c.high));
    if let Some(counted) = &c.counted {
        let _ = write!(
            what,
            " {}",
            if counted.as_written.is_empty() {
                &counted.head
            } else {
                &counted.as_written
            }
        );
    }
    lines.push(what);
    match &c.attribution {
        Some(a) => {
            let mut chain = format!("source: {}", a.source);
            let _ = write!(chain, " ({})", a.kind);
            for v in &a.via {
                let _ = write!(chain, " via {v}");
            }
            if a.inherited {
                chain.push_str(", carried from an earlier sentence");
            } else if !a.as_written.is_empty() {
                let _ = write!(chain, " — \"{}\"", a.as_written);
            }
            lines.push(chain);
        }
        None => lines.push("source: none (unattributed)".to_string()),
    }
    if let Some(t) = &c.time {
        lines.push(format!("time: {}", t.as_written));
    }
    let modality = serde_json::to_value(c.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    if c.hedges.is_empty() {
        lines.push(format!("modality: {modality}"));
    } else {
        lines.push(format!("modality: {modality} ({})", c.hedges.join(", ")));
    }
    if let Some(cr) = &c.credibility {
        lines.push(format!("credibility {:.2}", cr.score));
    }
    if let Some(codes) = codes {
        lines.push(format!("findings: {}", codes.join(", ")));
    }
    lines.join("\n")
}

/// One opening or closing tag at a byte position of the document text.
struct Tag {
    at: usize,
    /// Order among tags at the same position: closes before opens, the
    /// sentence around the mark.
    order: u8,
    html: String,
}

/// The article's blocks, with sentences that hold claims wrapped and claims marked.
fn article(
    out: &mut String,
    doc: &Document,
    claims: &[(usize, &ClaimEntry)],
    severity: &HashMap<&str, &str>,
    codes: &HashMap<&str, Vec<&str>>,
) {
    let sentences: Vec<Range<usize>> = doc.sentences();
    for block in &doc.blocks {
        let Some(text) = doc.text.get(block.span.clone()) else {
            continue;
        };
        if !block.role.is_article() {
            let _ = writeln!(
                out,
                "<p class=\"block skipped\" data-role=\"{}\" title=\"not the article: {} (rule {})\">{}</p>",
                escape(block.role.as_str()),
                escape(block.role.as_str()),
                escape(block.rule),
                escape(text)
            );
            continue;
        }
        let mut tags: Vec<Tag> = Vec::new();
        let mut last_end = block.span.start;
        let mut marked: Vec<Range<usize>> = Vec::new();
        for (k, c) in claims {
            let span = c.span[0]..c.span[1];
            let inside = block.span.start <= span.start
                && span.end <= block.span.end
                && span.start < span.end;
            let valid = inside && doc.text.get(span.clone()).is_some();
            if !valid || span.start < last_end {
                // Outside this block, or overlapping the previous mark: an
                // anchor only (when it is in this block), so links still land.
                if inside && doc.text.is_char_boundary(span.start) {
                    tags.push(Tag {
                        at: span.start,
                        order: 4,
                        html: format!("<span id=\"c{k}\"></span>"),
                    });
                }
                continue;
            }
            last_end = span.end;
            let sev = severity.get(c.id.as_str()).copied().unwrap_or("none");
            tags.push(Tag {
                at: span.start,
                order: 3,
                html: format!(
                    "<mark class=\"claim sev-{}\" id=\"c{k}\" title=\"{}\">",
                    escape(sev),
                    escape(&hover(c, codes.get(c.id.as_str())))
                ),
            });
            tags.push(Tag {
                at: span.end,
                order: 0,
                html: "</mark>".to_string(),
            });
            marked.push(span);
        }
        for s in &sentences {
            if s.start < block.span.start || s.end > block.span.end {
                continue;
            }
            let holds = marked.iter().any(|m| s.start <= m.start && m.end <= s.end);
            let crosses = marked.iter().any(|m| {
                m.start < s.end && s.start < m.end && !(s.start <= m.start && m.end <= s.end)
            });
            if holds && !crosses {
                tags.push(Tag {
                    at: s.start,
                    order: 2,
                    html: "<span class=\"sentence\">".to_string(),
                });
                tags.push(Tag {
                    at: s.end,
                    order: 1,
                    html: "</span>".to_string(),
                });
            }
        }
        tags.sort_by_key(|t| (t.at, t.order));
        let class = if block.role.as_str() == "heading" {
            "block heading"
        } else {
            "block"
        };
        let _ = write!(out, "<p class=\"{class}\">");
        let mut at = block.span.start;
        for t in &tags {
            if t.at > at {
                out.push_str(&escape(doc.text.get(at..t.at).unwrap_or("")));
                at = t.at;
            }
            out.push_str(&t.html);
        }
        out.push_str(&escape(doc.text.get(at..block.span.end).unwrap_or("")));
        let _ = writeln!(out, "</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::ingest;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\" onclick='y'>&"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
    }

    #[test]
    fn only_http_urls_are_links() {
        assert!(
            link_or_text("https://example.org/a?b=1&c=2")
                .starts_with("<a href=\"https://example.org/a?b=1&amp;c=2\"")
        );
        assert_eq!(link_or_text("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link_or_text(" JavaScript:alert(1)"), " JavaScript:alert(1)");
    }

    #[test]
    fn claims_are_marked_and_findings_link_to_both_sentences() {
        let docs = crate::audit::fixtures::conflict();
        let report = crate::Auditor::new().audit(&docs);
        let page = render(&report, &docs);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<span class=\"sentence\">The Health Ministry said <mark class=\"claim sev-error\" id=\"c0\""), "{page}");
        assert!(page.contains("<span class=\"sentence\">Red Cross officials said <mark class=\"claim sev-error\" id=\"c1\""), "{page}");
        let finding = &page[page.find("id=\"f0\"").unwrap()..page.find("id=\"clusters\"").unwrap()];
        assert!(
            finding.contains("href=\"#c0\"") && finding.contains("href=\"#c1\""),
            "{finding}"
        );
        assert!(finding.contains(
            "<q>The Health Ministry said 120 people were killed in the flood on Monday.</q>"
        ));
        assert!(
            page.contains("source: Health Ministry") || page.contains("source: "),
            "hover text"
        );
        assert!(!page.contains("http://") || page.contains("Content-Security-Policy"));
    }

    #[test]
    fn sources_section_shows_the_ledger_and_each_article_its_attribution() {
        let docs = [
            Document::from_text(
                "a",
                "Yonhap news agency reported, citing the NIS, that 5,000 troops were sent to Russia.",
            ),
            Document::from_text("b", "The NIS said 5,000 troops were sent to Russia."),
        ];
        let report = crate::Auditor::new().audit(&docs);
        let page = render(&report, &docs);
        assert!(page.contains("<a href=\"#sources\">Sources</a>"), "{page}");
        let start = page
            .find("<section id=\"sources\">")
            .expect("a sources section");
        let end = start + page[start..].find("</section>").unwrap();
        let section = &page[start..end];
        assert!(
            section.contains("<strong>1 independent origin.</strong>"),
            "{section}"
        );
        assert!(
            section.contains("<tr><td>NIS</td><td>intelligence-agency</td><td>2</td><td>2</td>"),
            "{section}"
        );
        assert!(section.contains("relays 1 figure of NIS"), "{section}");
        // Between the clusters and the articles.
        assert!(page.find("id=\"clusters\"").unwrap() < start);
        assert!(end < page.find("id=\"articles\"").unwrap());
        assert!(
            page.contains(
                "<p class=\"meta\">1 figure: 1 named, 0 anonymous, 0 unattributed · from NIS"
            ),
            "{page}"
        );
    }

    #[test]
    fn hostile_article_text_and_metadata_are_escaped() {
        let md = "---\ntitle: \"<script>alert('t')</script>\"\noutlet: \"\\\"><img src=x onerror=alert(1)>\"\nurl: \"javascript:alert(document.cookie)\"\n---\n\n\
                  Officials said <script>alert(1)</script> 5,000 troops were sent, the NIS said. \"><img src=x onerror=alert(2)>\n\n\
                  See [the report](javascript:alert(3)) for more.\n";
        let mut docs = ingest::parse(
            md,
            Format::Markdown,
            "x\"><img src=x onerror=alert(4)>",
            "x\"><b>.md",
        )
        .documents;
        docs.extend(
            ingest::parse(
                "<html><body><p>Red Cross said 900 troops were sent. <a href=\"javascript:alert(5)\">click</a></p><script>alert(6)</script></body></html>",
                Format::Html,
                "h",
                "h.html",
            )
            .documents,
        );
        let report = crate::Auditor::new().audit(&docs);
        let page = render(&report, &docs);
        for bad in [
            "<script",
            "<img",
            "<b>",
            "href=\"javascript",
            "href='javascript",
            "onerror=alert(1)>",
        ] {
            assert!(!page.to_ascii_lowercase().contains(bad), "{bad} in {page}");
        }
        assert!(
            page.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"),
            "{page}"
        );
        assert!(
            page.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{page}"
        );
        // Parsed as a browser would: no script, no image, no handler, no javascript: link.
        let dom = scraper::Html::parse_document(&page);
        let all = scraper::Selector::parse("*").unwrap();
        for el in dom.select(&all) {
            let name = el.value().name();
            assert!(
                !["script", "img", "iframe", "object", "embed"].contains(&name),
                "<{name}>"
            );
            for (attr, value) in el.value().attrs() {
                assert!(!attr.starts_with("on"), "{attr}={value}");
                assert!(
                    !value.trim().to_ascii_lowercase().starts_with("javascript:")
                        || attr == "title",
                    "{attr}={value}"
                );
            }
        }
        assert!(report.claims.len() >= 2);
    }
}
