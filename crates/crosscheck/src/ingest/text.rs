//! Plain text: an optional `Key: value` header block, then one block per non-empty line.

use crate::document::{BlockKind, Document, Metadata, RawBlock};
use crate::ingest::apply_meta;

/// Header keys a text file may open with.
const HEADER_KEYS: &[&str] = &[
    "title",
    "headline",
    "url",
    "link",
    "date",
    "published",
    "outlet",
    "source",
    "publisher",
    "author",
    "byline",
];

pub(crate) fn parse_text(doc: Document, source: &str) -> Document {
    let lines: Vec<&str> = source.lines().collect();
    let mut meta = Metadata::default();
    let mut errors = Vec::new();
    let body_start = header_block(&lines).map_or(0, |(end, pairs)| {
        for (key, value) in pairs {
            apply_meta(&mut meta, &mut errors, key, value);
        }
        end
    });
    let blocks = lines[body_start..]
        .iter()
        .enumerate()
        .map(|(n, raw)| (body_start + n + 1, raw, raw.trim()))
        .filter(|(_, _, line)| !line.is_empty())
        .map(|(number, raw, line)| {
            let column = raw.chars().take_while(|c| c.is_whitespace()).count();
            match atx_heading(line) {
                Some(heading) => RawBlock::new(heading, BlockKind::Heading),
                None => RawBlock::new(line, BlockKind::Paragraph).at(number, column),
            }
        })
        .collect();
    let mut doc = doc.assemble(meta, blocks);
    doc.errors.extend(errors);
    doc
}

/// A header's `(key, value)` pairs.
type Header<'a> = Vec<(&'a str, &'a str)>;

/// The first block of lines, if every line is a recognised `Key: value` and a
/// blank line ends it: the index of the line after it, and its pairs.
fn header_block<'a>(lines: &[&'a str]) -> Option<(usize, Header<'a>)> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let len = lines[first..].iter().position(|l| l.trim().is_empty())?;
    let pairs: Option<Vec<_>> = lines[first..first + len]
        .iter()
        .map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim();
            HEADER_KEYS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(key))
                .then_some((key, value.trim()))
        })
        .collect();
    Some((first + len, pairs?))
}

/// `## Heading ##` → `Heading`: an ATX heading marker of one to six `#` and a space.
pub(crate) fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crosscheck_claims::boilerplate::BlockRole;

    fn parse(source: &str) -> Document {
        parse_text(Document::empty("t", "t.txt", Format::Text), source)
    }

    #[test]
    fn header_block_is_metadata() {
        let doc = parse(
            "Title: Troops sent\nURL: https://example.test/a\nDate: 2025-06-26\nOutlet: The Daily Planet\nAuthor: Jane Doe\n\nFirst line.\nSecond line.",
        );
        assert_eq!(doc.title.as_deref(), Some("Troops sent"));
        assert_eq!(doc.url.as_deref(), Some("https://example.test/a"));
        assert_eq!(doc.outlet.as_deref(), Some("The Daily Planet"));
        assert_eq!(doc.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 6, 26)));
        assert_eq!(doc.text, "First line.\n\nSecond line.");
    }

    #[test]
    fn first_block_with_an_unknown_key_is_text() {
        let doc = parse("Title: Troops sent\nUpdate: more later\n\nBody.");
        assert_eq!(doc.title, None);
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn header_needs_a_blank_line_after_it() {
        let doc = parse("Source: Reuters");
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn prose_with_a_colon_is_not_a_header() {
        let doc = parse("Officials said: 5,000 troops were sent.\n\nMore text.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].role, BlockRole::Article);
    }

    #[test]
    fn lines_are_blocks_and_blank_lines_are_ignored() {
        let doc = parse("\n\nOne.\r\n\r\n  Two.  \nThree.\n");
        assert_eq!(doc.text, "One.\n\nTwo.\n\nThree.");
    }

    #[test]
    fn atx_markers_become_headings() {
        let doc = parse("## Analysis ##\nBody text that is long enough to be a paragraph here.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.block_text(&doc.blocks[0]), "Analysis");
        assert_eq!(atx_heading("#hashtag"), None);
        assert_eq!(atx_heading("####### seven"), None);
        assert_eq!(atx_heading("# "), None);
    }

    #[test]
    fn bad_header_date_is_a_warning() {
        let doc = parse("Title: X\nDate: the other day\n\nBody.");
        assert_eq!(doc.published, None);
        assert_eq!(doc.errors.len(), 1);
    }
}
