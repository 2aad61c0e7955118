//! Markdown with optional YAML (`---`) or TOML (`+++`) front matter.
//!
//! Front matter: TOML with the `toml` crate; YAML with `serde_yaml_ng`, the
//! maintained continuation of `serde_yaml` (which is archived), so list-valued
//! authors, quoted strings and multi-line values read correctly. Both keep
//! only the keys [`apply_meta`](crate::ingest::apply_meta) knows.
//!
//! The body is read line by line with a small block grammar, enough for news
//! copy: paragraphs separated by blank lines (soft-wrapped lines joined with
//! spaces), ATX (`## …`) and setext headings, list items, block quotes,
//! fenced code (kept as furniture), thematic breaks, reference definitions and
//! HTML comments (dropped). Inline links and images become their text.

use crosscheck_claims::boilerplate::BlockRole;

use crate::document::{BlockKind, Document, Metadata, RawBlock};
use crate::ingest::apply_meta;
use crate::ingest::text::atx_heading;

pub(crate) fn parse_markdown(doc: Document, source: &str) -> Document {
    let mut meta = Metadata::default();
    let mut errors = Vec::new();
    let body = front_matter(source, &mut meta, &mut errors);
    let blocks = body_blocks(body);
    let mut doc = doc.assemble(meta, blocks);
    doc.errors.extend(errors);
    doc
}

/// Read front matter into `meta`; return the body after it.
fn front_matter<'a>(source: &'a str, meta: &mut Metadata, errors: &mut Vec<String>) -> &'a str {
    let first_line = source.lines().next().unwrap_or("").trim_end();
    let fence = match first_line {
        "---" => "---",
        "+++" => "+++",
        _ => return source,
    };
    let after_open = source.find('\n').map_or(source.len(), |i| i + 1);
    let rest = &source[after_open..];
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((end, body_start)) = close else {
        errors.push(format!(
            "front matter opened with {fence} is never closed; read as text"
        ));
        return source;
    };
    let matter = &rest[..end];
    let pairs = if fence == "+++" {
        toml_pairs(matter, errors)
    } else {
        yaml_pairs(matter, errors)
    };
    for (key, value) in pairs {
        apply_meta(meta, errors, &key, &value);
    }
    &rest[body_start..]
}

fn toml_pairs(matter: &str, errors: &mut Vec<String>) -> Vec<(String, String)> {
    match matter.parse::<toml::Table>() {
        Ok(table) => table
            .into_iter()
            .filter_map(|(key, value)| Some((key, toml_text(&value)?)))
            .collect(),
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or("invalid");
            errors.push(format!("TOML front matter: {first}"));
            Vec::new()
        }
    }
}

fn toml_text(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(n) => Some(n.to_string()),
        toml::Value::Float(n) => Some(n.to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(toml_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        toml::Value::Table(t) => t.get("name").and_then(toml_text),
        toml::Value::Boolean(_) => None,
    }
}

fn yaml_pairs(matter: &str, errors: &mut Vec<String>) -> Vec<(String, String)> {
    use serde_yaml_ng::Value;
    if matter.trim().is_empty() {
        return Vec::new();
    }
    match serde_yaml_ng::from_str::<Value>(matter) {
        Ok(Value::Mapping(map)) => map
            .into_iter()
            .filter_map(|(key, value)| Some((yaml_text(&key)?, yaml_text(&value)?)))
            .collect(),
        Ok(Value::Null) => Vec::new(),
        Ok(_) => {
            errors.push("YAML front matter is not a mapping of keys to values".to_string());
            Vec::new()
        }
        Err(e) => {
            errors.push(format!("YAML front matter: {e}"));
            Vec::new()
        }
    }
}

fn yaml_text(value: &serde_yaml_ng::Value) -> Option<String> {
    use serde_yaml_ng::Value;
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Sequence(items) => {
            let parts: Vec<String> = items.iter().filter_map(yaml_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Mapping(map) => map.get("name").and_then(yaml_text),
        Value::Tagged(tagged) => yaml_text(&tagged.value),
        Value::Null | Value::Bool(_) => None,
    }
}

/// A block being gathered from consecutive lines.
struct Open {
    lines: Vec<String>,
    kind: BlockKind,
}

fn body_blocks(body: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<Open> = None;
    let mut fence: Option<String> = None;
    let mut code = Vec::new();
    let mut in_comment = false;

    fn flush(open: &mut Option<Open>, blocks: &mut Vec<RawBlock>) {
        if let Some(o) = open.take() {
            push_block(blocks, &o.lines.join(" "), o.kind);
        }
    }

    for raw_line in body.lines() {
        let line = raw_line.trim();
        if let Some(marker) = &fence {
            if line.starts_with(marker.as_str()) {
                fence = None;
                let text = code.join(" ");
                code.clear();
                if !text.trim().is_empty() {
                    blocks.push(
                        RawBlock::new(text, BlockKind::Paragraph)
                            .with_role(BlockRole::Furniture, "markdown-code"),
                    );
                }
            } else {
                code.push(line.to_string());
            }
            continue;
        }
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        if line.starts_with("<!--") {
            flush(&mut open, &mut blocks);
            in_comment = !line.contains("-->");
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut open, &mut blocks);
            fence = Some(line[..3].to_string());
            continue;
        }
        if line.is_empty() {
            flush(&mut open, &mut blocks);
            continue;
        }
        if let Some(heading) = atx_heading(line) {
            flush(&mut open, &mut blocks);
            push_block(&mut blocks, heading, BlockKind::Heading);
            continue;
        }
        let underline = !line.is_empty()
            && (line.chars().all(|c| c == '=')
                || (line.len() >= 2 && line.chars().all(|c| c == '-')));
        if underline {
            match &mut open {
                Some(o) if o.kind == BlockKind::Paragraph && o.lines.len() == 1 => {
                    o.kind = BlockKind::Heading;
                    flush(&mut open, &mut blocks);
                }
                _ => flush(&mut open, &mut blocks), // a thematic break
            }
            continue;
        }
        if is_thematic_break(line) || is_reference_definition(line) {
            flush(&mut open, &mut blocks);
            continue;
        }
        if let Some(item) = list_item(line) {
            flush(&mut open, &mut blocks);
            open = Some(Open {
                lines: vec![item.to_string()],
                kind: BlockKind::ListItem,
            });
            continue;
        }
        if let Some(quoted) = line.strip_prefix('>') {
            let quoted = quoted.trim();
            match &mut open {
                Some(o) if o.kind == BlockKind::Quote => {
                    if quoted.is_empty() {
                        flush(&mut open, &mut blocks);
                    } else {
                        o.lines.push(quoted.to_string());
                    }
                }
                _ => {
                    flush(&mut open, &mut blocks);
                    if !quoted.is_empty() {
                        open = Some(Open {
                            lines: vec![quoted.to_string()],
                            kind: BlockKind::Quote,
                        });
                    }
                }
            }
            continue;
        }
        match &mut open {
            Some(o) if o.kind != BlockKind::Quote => o.lines.push(line.to_string()),
            _ => {
                flush(&mut open, &mut blocks);
                open = Some(Open {
                    lines: vec![line.to_string()],
                    kind: BlockKind::Paragraph,
                });
            }
        }
    }
    flush(&mut open, &mut blocks);
    if !code.is_empty() {
        blocks.push(
            RawBlock::new(code.join(" "), BlockKind::Paragraph)
                .with_role(BlockRole::Furniture, "markdown-code"),
        );
    }
    blocks
}

/// Push a block after reducing its inline markup; a paragraph that is only an
/// image becomes a caption (its alt text).
fn push_block(blocks: &mut Vec<RawBlock>, text: &str, kind: BlockKind) {
    let only_image = text.trim_start().starts_with("![") && text.trim_end().ends_with(')');
    let plain = inline_text(text);
    if plain.trim().is_empty() {
        return;
    }
    let kind = if only_image && kind == BlockKind::Paragraph {
        BlockKind::Caption
    } else {
        kind
    };
    blocks.push(RawBlock::new(plain, kind));
}

fn is_thematic_break(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_')
            || compact.chars().all(|c| c == '-'))
}

/// `[ref]: https://…`
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|i| !line[1..i].contains(']'))
}

/// The text of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`).
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim());
        }
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(item) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(item.trim());
        }
    }
    None
}

/// Reduce inline markdown to text: `[text](url)` and `![alt](url)` → their
/// text, `[text][ref]` → text, `**`/`__`/backticks removed, `\*` unescaped.
fn inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let mut chars = rest.chars();
            chars.next();
            match chars.next() {
                Some(next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    rest = chars.as_str();
                }
                _ => {
                    out.push('\\');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        if c == '[' || (c == '!' && rest[1..].starts_with('[')) {
            let open = if c == '!' { 2 } else { 1 };
            if let Some((label, after)) = link(&rest[open..]) {
                out.push_str(label);
                rest = after;
                continue;
            }
        }
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        if c == '`' {
            rest = &rest[1..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// After `[`: `label](url)` or `label][ref]` → (label, rest).
fn link(s: &str) -> Option<(&str, &str)> {
    let close = s.find(']')?;
    let label = &s[..close];
    let after = &s[close + 1..];
    let (open, end) = match after.chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        if c == open {
            depth += 1;
        } else if c == end {
            depth -= 1;
            if depth == 0 {
                return Some((label, &after[i + 1..]));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn parse(source: &str) -> Document {
        parse_markdown(Document::empty("m", "m.md", Format::Markdown), source)
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| doc.block_text(b)).collect()
    }

    #[test]
    fn yaml_front_matter() {
        let doc = parse(
            "---\ntitle: \"Troops: the count\"\ndate: 2025-06-26\nauthors:\n  - Jane Doe\n  - John Roe\noutlet: The Daily Planet\ntags: [a, b]\n---\n# Heading\n\nBody text.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Troops: the count"));
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 6, 26)));
        assert_eq!(doc.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(doc.outlet.as_deref(), Some("The Daily Planet"));
        assert_eq!(texts(&doc), ["Heading", "Body text."]);
        assert!(doc.errors.is_empty());
    }

    #[test]
    fn toml_front_matter_with_a_datetime() {
        let doc = parse(
            "+++\ntitle = \"Troops\"\ndate = 2025-06-26T10:00:00Z\n[extra]\nx = 1\n+++\nBody.",
        );
        assert_eq!(doc.title.as_deref(), Some("Troops"));
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 6, 26)));
        assert_eq!(texts(&doc), ["Body."]);
    }

    #[test]
    fn broken_front_matter_is_a_warning() {
        let doc = parse("---\ntitle: [unclosed\n---\nBody.");
        assert_eq!(doc.title, None);
        assert_eq!(texts(&doc), ["Body."]);
        assert!(doc.errors[0].starts_with("YAML front matter"));

        let doc = parse("+++\ntitle = \n+++\nBody.");
        assert!(doc.errors[0].starts_with("TOML front matter"));

        let doc = parse("---\ntitle: x\nBody without a closing fence.");
        assert!(doc.errors[0].contains("never closed"));
        assert_eq!(doc.title, None);
    }

    #[test]
    fn soft_wrapped_paragraphs_are_joined() {
        let doc = parse("Officials said 5,000\ntroops were sent.\n\nSecond paragraph.");
        assert_eq!(
            texts(&doc),
            [
                "Officials said 5,000 troops were sent.",
                "Second paragraph."
            ]
        );
    }

    #[test]
    fn headings_lists_quotes_and_code() {
        let doc = parse(
            "Title line\n==========\n\n## Section ##\n- first item\n- second\n  continues\n1. numbered\n\n> quoted\n> more\n\n```\nlet x = 5;\n```\n\n---\n\n[ref]: https://example.test\n<!-- hidden\ncomment -->\nEnd.",
        );
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            texts(&doc),
            [
                "Title line",
                "Section",
                "first item",
                "second continues",
                "numbered",
                "quoted more",
                "let x = 5;",
                "End."
            ]
        );
        assert_eq!(kinds[0], BlockKind::Heading);
        assert_eq!(kinds[1], BlockKind::Heading);
        assert_eq!(kinds[2], BlockKind::ListItem);
        assert_eq!(kinds[5], BlockKind::Quote);
        assert_eq!(doc.blocks[6].role, BlockRole::Furniture);
    }

    #[test]
    fn inline_markup_is_reduced_to_text() {
        assert_eq!(
            inline_text(
                "**About 5,000** troops, [NIS](https://x.test/(a)) said `today` \\*really\\*"
            ),
            "About 5,000 troops, NIS said today *really*"
        );
        assert_eq!(inline_text("[unclosed link"), "[unclosed link");
        assert_eq!(inline_text("see [the report][1]."), "see the report.");
    }

    #[test]
    fn image_paragraph_is_a_caption() {
        let doc = parse("![Soldiers in Kursk, June 2025](img.jpg)\n\nBody text follows here.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Caption);
        assert_eq!(doc.blocks[0].role, BlockRole::Caption);
    }
}
