//! The document model: an article's text, its blocks and their roles, and its metadata.
//!
//! **Spans are stable.** [`Document::text`] holds *every* block of the page,
//! kept or not, joined with `"\n\n"`, and each [`Block`] carries its byte span
//! in that text and its [`BlockRole`]. Nothing is cut out, so a span always
//! points at what the page said, the excluded parts stay visible to an editor
//! ([`Document::skipped`]), and the claim extractor simply reads the blocks
//! whose role [`is_article`](BlockRole::is_article) ([`Document::article_blocks`],
//! [`Document::sentences`]). Block text never contains a newline.

use std::ops::Range;

use crosscheck_claims::boilerplate::{self, BlockRole};
use crosscheck_claims::sentence;
use jiff::civil::Date;
use serde::Serialize;

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, optionally with a `Key: value` header block.
    Text,
    /// Markdown, optionally with YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// One JSON article per line.
    Jsonl,
}

impl Format {
    /// The format for a file extension (`txt`, `md`, `html`, `jsonl`, …), case-insensitive.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// The markup kind of a block, as the source wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A paragraph or a line of text.
    Paragraph,
    /// A heading (`# …`, `<h2>`).
    Heading,
    /// A list item.
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure caption (`<figcaption>`, a markdown image's alt text).
    Caption,
}

/// One block of a document: a paragraph, line, heading, list item or caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Byte range of the block in [`Document::text`].
    pub span: Range<usize>,
    /// What the markup said the block is.
    pub kind: BlockKind,
    /// What the block is to the article: text, heading, comments, related links, …
    pub role: BlockRole,
    /// The rule that decided the role (e.g. `"comment-count"`, `"html-class:comments"`).
    pub rule: &'static str,
    /// Where the block starts in the file it was read from (1-based line,
    /// 0-based column in characters), for formats where text maps to lines.
    pub source: Option<(usize, usize)>,
}

/// A block that is not the article, as shown to an editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Why it was skipped: comments, related, caption, …
    pub role: BlockRole,
    /// The rule that decided it.
    pub rule: &'static str,
    /// Byte range in [`Document::text`].
    pub span: Range<usize>,
    /// The start of the block's text (at most 80 characters, `…` when cut).
    pub excerpt: String,
}

/// One article: its text split into blocks, and its metadata.
///
/// Documents come from [`ingest::load_paths`](crate::ingest::load_paths)
/// (files and folders), [`Document::from_text`] and [`Document::parse`]
/// (one article held in memory: a draft in an editor, a CMS record), or
/// [`ingest::parse`](crate::ingest::parse) (a string that may hold a batch,
/// JSON Lines). The metadata fields are public, and the `with_*` methods set
/// them in a chain, so a tool that knows them better than the text does (a
/// CMS) can give them; they win over what the text's own header says.
///
/// A draft held in memory, with the metadata the CMS knows:
///
/// ```
/// use crosscheck::{Document, Format};
///
/// let published = crosscheck::date::parse_published("2025-06-26").unwrap();
/// let draft = Document::from_text("draft", "Pyongyang has sent about 5,000 troops, the NIS said.")
///     .with_title("Troops sent")
///     .with_outlet("Daily A")
///     .with_published(published);
/// assert_eq!(draft.id, "draft");
/// assert_eq!(draft.format, Format::Text);
/// assert_eq!(draft.path, "");
/// assert_eq!(draft.outlet.as_deref(), Some("Daily A"));
/// assert_eq!(draft.published.map(|d| d.to_string()).as_deref(), Some("2025-06-26"));
/// assert_eq!(draft.sentences().len(), 1);
/// ```
///
/// An HTML page, whose comments are kept in the text but are not the
/// article's own:
///
/// ```
/// use crosscheck::{Format, ingest};
///
/// let page = "<html><head><title>Flood</title></head><body><article>///             <p>The Health Ministry said 120 people were killed.</p></article>///             <aside class=\"comments\"><p>I heard 5,000 were killed.</p></aside></body></html>";
/// let mut doc = ingest::parse(page, Format::Html, "flood", "").documents.remove(0);
/// assert_eq!(doc.title.as_deref(), Some("Flood"));
/// // The comment is kept in the text, but not as the article's own.
/// assert!(doc.text.contains("5,000"));
/// assert!(doc.article_blocks().all(|b| !doc.block_text(b).contains("5,000")));
/// assert!(doc.skipped().iter().any(|s| s.excerpt.contains("5,000")));
/// doc.outlet = Some("Daily A".into());
/// doc.published = crosscheck::date::parse_published("2025-06-26");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable id: the path relative to the argument it was found under, without
    /// extension, `/`-separated; a file given directly is its file stem; a JSONL
    /// line is `<file id>/<line id or line number>`.
    pub id: String,
    /// The file it was read from, as given (empty for documents built in memory).
    pub path: String,
    /// The format it was read as.
    pub format: Format,
    /// Headline, when the metadata or the page gives one.
    pub title: Option<String>,
    /// Publishing outlet (site name, source).
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Author, from the metadata or a byline.
    pub author: Option<String>,
    /// Publication date (the calendar date as the source wrote it, in its own time zone).
    pub published: Option<Date>,
    /// All blocks' text joined with `"\n\n"`; block and claim spans index into it.
    pub text: String,
    /// Every block, in order, with its role.
    pub blocks: Vec<Block>,
    /// Sources named by the page's credit lines (`Sources: Yonhap, Reuters`), in order, deduplicated.
    pub cited_sources: Vec<String>,
    /// Problems and warnings about this document: an unreadable file, invalid
    /// UTF-8 (decoded with replacement characters), unparsable front matter or date.
    pub errors: Vec<String>,
}

/// The metadata part of a [`Document`], as the report's `documents[]` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMeta<'a> {
    /// See [`Document::id`].
    pub id: &'a str,
    /// See [`Document::path`].
    pub path: &'a str,
    /// See [`Document::format`].
    pub format: Format,
    /// See [`Document::title`].
    pub title: Option<&'a str>,
    /// See [`Document::outlet`].
    pub outlet: Option<&'a str>,
    /// See [`Document::url`].
    pub url: Option<&'a str>,
    /// See [`Document::author`].
    pub author: Option<&'a str>,
    /// See [`Document::published`]; serialized as `"YYYY-MM-DD"`.
    pub published: Option<Date>,
    /// See [`Document::cited_sources`].
    pub cited_sources: &'a [String],
    /// See [`Document::skipped`].
    pub skipped: Vec<Skipped>,
    /// See [`Document::errors`].
    pub errors: &'a [String],
}

/// Metadata gathered while reading a document, before its blocks are assembled.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<Date>,
}

/// A block as read from the source, before roles are decided.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawBlock {
    pub text: String,
    pub kind: BlockKind,
    /// A role the markup already decided (an HTML comment widget, a figcaption);
    /// such blocks are not passed through the text classifier.
    pub role: Option<(BlockRole, &'static str)>,
    /// Where the block starts in the file read: 1-based line, 0-based column in characters.
    pub source: Option<(usize, usize)>,
}

impl RawBlock {
    pub(crate) fn new(text: impl Into<String>, kind: BlockKind) -> Self {
        RawBlock {
            text: text.into(),
            kind,
            role: None,
            source: None,
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> Self {
        self.source = Some((line, column));
        self
    }

    pub(crate) fn with_role(mut self, role: BlockRole, rule: &'static str) -> Self {
        self.role = Some((role, rule));
        self
    }
}

impl Document {
    /// One plain-text article held in memory: [`Document::parse`] with
    /// [`Format::Text`]. An opening block of `Key: value` lines (`Title:`,
    /// `Outlet:`, `Published:`, …) is read as metadata, as in a `.txt` file;
    /// every other non-empty line is a block. Never fails: problems (an
    /// unparsable date in the header, say) are warnings in
    /// [`Document::errors`].
    ///
    /// ```
    /// use crosscheck::Document;
    ///
    /// let doc = Document::from_text("a", "Title: Flood\n\nThe Health Ministry said 120 people were killed.");
    /// assert_eq!(doc.title.as_deref(), Some("Flood"));
    /// assert_eq!(doc.text, "The Health Ministry said 120 people were killed.");
    /// ```
    pub fn from_text(id: impl Into<String>, text: &str) -> Document {
        Document::parse(id, Format::Text, text)
    }

    /// One article held in memory, in the given markup: plain text,
    /// markdown (with front matter) or HTML, read exactly as a file of that
    /// format is by [`load_paths`](crate::ingest::load_paths) (a byte order
    /// mark is dropped), with [`Document::path`] empty. Never fails;
    /// problems are warnings in [`Document::errors`].
    ///
    /// JSON Lines holds a batch, not one article: read it with
    /// [`ingest::parse`](crate::ingest::parse). Given [`Format::Jsonl`],
    /// this reads `text` as plain text (and the document's format is
    /// [`Format::Text`]).
    ///
    /// ```
    /// use crosscheck::{Document, Format};
    ///
    /// let md = "---\ntitle: Flood\noutlet: Daily A\n---\n\nThe Health Ministry said **120** people were killed.\n";
    /// let doc = Document::parse("a", Format::Markdown, md);
    /// assert_eq!((doc.title.as_deref(), doc.outlet.as_deref()), (Some("Flood"), Some("Daily A")));
    /// assert_eq!(doc.text, "The Health Ministry said 120 people were killed.");
    /// ```
    pub fn parse(id: impl Into<String>, format: Format, text: &str) -> Document {
        let format = match format {
            Format::Jsonl => Format::Text,
            other => other,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        crate::ingest::parse_one(text, format, &id.into(), "")
    }

    /// Set the headline (whitespace runs collapsed to single spaces, as
    /// ingest does), replacing any the text gave.
    pub fn with_title(mut self, title: impl AsRef<str>) -> Document {
        self.title = Some(one_line(title.as_ref()));
        self
    }

    /// Set the publishing outlet (whitespace collapsed), replacing any the
    /// text gave. Outlets group documents in the report's `outlets[]` and
    /// end the chains of `sources[].chains[]`.
    pub fn with_outlet(mut self, outlet: impl AsRef<str>) -> Document {
        self.outlet = Some(one_line(outlet.as_ref()));
        self
    }

    /// Set the canonical URL (whitespace collapsed), replacing any the text gave.
    pub fn with_url(mut self, url: impl AsRef<str>) -> Document {
        self.url = Some(one_line(url.as_ref()));
        self
    }

    /// Set the author (whitespace collapsed), replacing any the text or a
    /// byline gave.
    pub fn with_author(mut self, author: impl AsRef<str>) -> Document {
        self.author = Some(one_line(author.as_ref()));
        self
    }

    /// Set the publication date, replacing any the text gave. Dates place
    /// figures in time: a larger cumulative figure published later is a
    /// revision (CC003), not a conflict. From a string, use
    /// [`date::parse_published`](crate::date::parse_published).
    pub fn with_published(mut self, published: Date) -> Document {
        self.published = Some(published);
        self
    }

    /// Set the path shown in reports and annotations (empty for documents
    /// read from memory): the CMS's URL or record key, say.
    pub fn with_path(mut self, path: impl Into<String>) -> Document {
        self.path = path.into();
        self
    }

    /// An empty document with the given id, path and format.
    pub fn empty(id: impl Into<String>, path: impl Into<String>, format: Format) -> Self {
        Document {
            id: id.into(),
            path: path.into(),
            format,
            title: None,
            outlet: None,
            url: None,
            author: None,
            published: None,
            text: String::new(),
            blocks: Vec::new(),
            cited_sources: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Build a document from blocks: classify them, join their text, collect
    /// cited sources, and fill the author from a byline when metadata had none.
    pub(crate) fn assemble(mut self, meta: Metadata, raw: Vec<RawBlock>) -> Self {
        let raw: Vec<RawBlock> = raw
            .into_iter()
            .map(|mut b| {
                b.text = into_one_line(std::mem::take(&mut b.text));
                b
            })
            .filter(|b| !b.text.is_empty())
            .collect();
        // The classifier sees only the blocks the markup left undecided, so a
        // comment widget's "5 Comments" cannot open a section over the article.
        let open: Vec<&str> = raw
            .iter()
            .filter(|b| b.role.is_none())
            .map(|b| b.text.as_str())
            .collect();
        let mut found = boilerplate::classify_detailed(&open).into_iter();
        // Sized once: a batch holds every article's text until it is audited.
        let mut text = String::with_capacity(
            raw.iter().map(|b| b.text.len()).sum::<usize>() + 2 * raw.len().saturating_sub(1),
        );
        let mut blocks = Vec::with_capacity(raw.len());
        for b in &raw {
            let (mut role, mut rule) = match b.role {
                Some(decided) => decided,
                None => found
                    .next()
                    .map_or((BlockRole::Article, "article"), |c| (c.role, c.rule)),
            };
            if role.is_article() {
                match b.kind {
                    BlockKind::Heading => (role, rule) = (BlockRole::Heading, "markup-heading"),
                    BlockKind::Caption => (role, rule) = (BlockRole::Caption, "markup-caption"),
                    _ => {}
                }
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&b.text);
            blocks.push(Block {
                span: start..text.len(),
                kind: b.kind,
                role,
                rule,
                source: b.source,
            });
        }
        self.text = text;
        self.blocks = blocks;
        self.title = meta.title.or(self.title);
        self.outlet = meta.outlet.or(self.outlet);
        self.url = meta.url.or(self.url);
        self.author = meta.author.or(self.author);
        self.published = meta.published.or(self.published);
        for block in &self.blocks {
            let block_text = &self.text[block.span.clone()];
            match block.role {
                BlockRole::CreditLine => {
                    for name in boilerplate::cited_sources(block_text).unwrap_or_default() {
                        if !self.cited_sources.contains(&name) {
                            self.cited_sources.push(name);
                        }
                    }
                }
                BlockRole::Byline if self.author.is_none() => {
                    self.author = boilerplate::byline_author(block_text);
                }
                _ => {}
            }
        }
        self
    }

    /// The text of a block of this document.
    pub fn block_text(&self, block: &Block) -> &str {
        self.text.get(block.span.clone()).unwrap_or("")
    }

    /// The blocks that are the article's own text (role article or heading).
    pub fn article_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.role.is_article())
    }

    /// Byte ranges in [`Document::text`] of the sentences of the article's own
    /// blocks, in order. Each block is segmented on its own, so a heading is
    /// always a sentence by itself.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        self.article_blocks()
            .flat_map(|b| {
                let start = b.span.start;
                sentence::sentences(self.block_text(b))
                    .into_iter()
                    .map(move |r| start + r.start..start + r.end)
            })
            .collect()
    }

    /// The text of each of [`Document::sentences`], in order.
    ///
    /// ```
    /// use crosscheck::Document;
    ///
    /// let doc = Document::from_text("a", "Officials said 5 people died. Rescuers are searching.");
    /// assert_eq!(doc.sentence_texts(), ["Officials said 5 people died.", "Rescuers are searching."]);
    /// ```
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.sentences()
            .into_iter()
            .filter_map(|r| self.text.get(r))
            .collect()
    }

    /// The blocks that are not the article, with an excerpt of each.
    pub fn skipped(&self) -> Vec<Skipped> {
        self.blocks
            .iter()
            .filter(|b| !b.role.is_article())
            .map(|b| Skipped {
                role: b.role,
                rule: b.rule,
                span: b.span.clone(),
                excerpt: excerpt(self.block_text(b), 80),
            })
            .collect()
    }

    /// Where byte `at` of [`Document::text`] is in the file read: 1-based
    /// line and column (in characters). For formats whose blocks do not map to
    /// lines (HTML, JSONL) it is the line and column in `text` itself.
    pub fn position(&self, at: usize) -> (usize, usize) {
        let block = self
            .blocks
            .iter()
            .find(|b| b.span.start <= at && at <= b.span.end);
        match block.and_then(|b| b.source.map(|s| (b, s))) {
            Some((b, (line, column))) => {
                let within = self.text.get(b.span.start..at).unwrap_or("");
                (line, column + within.chars().count() + 1)
            }
            None => {
                let before = self.text.get(..at).unwrap_or(&self.text);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            }
        }
    }

    /// [`Document::position`] of each byte offset in `ats`, in one pass
    /// over the text when `ats` are ascending (linear however long the
    /// article and however many figures it has).
    ///
    /// ```
    /// use crosscheck::Document;
    ///
    /// let doc = Document::from_text("a", "First line.\nThe NIS said 11,000 troops were sent.");
    /// assert_eq!(doc.positions(&[0, 25]), vec![(1, 1), doc.position(25)]);
    /// ```
    pub fn positions(&self, ats: &[usize]) -> Vec<(usize, usize)> {
        if !self
            .blocks
            .windows(2)
            .all(|w| w[0].span.end < w[1].span.start)
        {
            return ats.iter().map(|&at| self.position(at)).collect();
        }
        let text = self.text.as_str();
        // Walk state: the byte reached, its line, the byte its line starts
        // at and how many characters lie between the two.
        let (mut pos, mut line, mut column) = (0usize, 1usize, 0usize);
        // The block of the last offset and the characters from its start.
        let mut block_walk: Option<(usize, usize, usize)> = None;
        let mut out = Vec::with_capacity(ats.len());
        let mut last = 0;
        // Blocks are in text order and do not overlap: the first block that
        // does not end before `at` is the only one that may hold it.
        let mut next_block = 0;
        for &at in ats {
            if at < last || at > text.len() || !text.is_char_boundary(at) {
                // Out of order or not a character boundary: the slow way.
                out.push(self.position(at));
                continue;
            }
            last = at;
            while next_block < self.blocks.len() && self.blocks[next_block].span.end < at {
                next_block += 1;
            }
            let block = (next_block < self.blocks.len()
                && self.blocks[next_block].span.start <= at)
                .then_some(next_block);
            if let Some(k) = block
                && let Some((bline, bcolumn)) = self.blocks[k].source
            {
                let b = &self.blocks[k];
                let (from, chars) = match block_walk {
                    Some((kk, from, chars)) if kk == k && from <= at => (from, chars),
                    _ => (b.span.start, 0),
                };
                let chars = chars + text[from..at].chars().count();
                block_walk = Some((k, at, chars));
                out.push((bline, bcolumn + chars + 1));
                continue;
            }
            let stretch = &text[pos..at];
            match stretch.rfind('\n') {
                Some(nl) => {
                    line += stretch.matches('\n').count();
                    column = stretch[nl + 1..].chars().count();
                }
                None => column += stretch.chars().count(),
            }
            pos = at;
            out.push((line, column + 1));
        }
        out
    }

    /// The metadata part, for `documents[]` in reports.
    pub fn meta(&self) -> DocumentMeta<'_> {
        DocumentMeta {
            id: &self.id,
            path: &self.path,
            format: self.format,
            title: self.title.as_deref(),
            outlet: self.outlet.as_deref(),
            url: self.url.as_deref(),
            author: self.author.as_deref(),
            published: self.published,
            cited_sources: &self.cited_sources,
            skipped: self.skipped(),
            errors: &self.errors,
        }
    }
}

/// Collapse all whitespace runs (newlines included) to single spaces, trimmed.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`one_line`] of a string it consumes: most blocks are one line already,
/// and are kept as they are.
pub(crate) fn into_one_line(text: String) -> String {
    if is_one_line(&text) {
        text
    } else {
        one_line(&text)
    }
}

/// True when [`one_line`] would give `text` back: no whitespace but single
/// spaces between other characters.
fn is_one_line(text: &str) -> bool {
    // True at the start, so a leading space is not one line either.
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    // Not ending with a space (the empty text is one line).
    !after_space || text.is_empty()
}

/// At most `max` characters of `text`, with `…` when cut.
fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_block_kept_as_one_line_is_what_one_line_gives(
            text in "[ a\\t\\n\u{a0}\u{2003}é.]{0,24}",
        ) {
            proptest::prop_assert_eq!(into_one_line(text.clone()), one_line(&text));
        }
    }

    #[test]
    fn one_line_text_is_kept_and_the_rest_collapsed() {
        for (text, kept) in [
            ("", true),
            ("a b", true),
            ("Police said 5 people died.", true),
            (" a", false),
            ("a ", false),
            ("a  b", false),
            ("a\nb", false),
            ("a\u{a0}b", false),
            (" ", false),
        ] {
            assert_eq!(is_one_line(text), kept, "{text:?}");
            assert_eq!(into_one_line(text.to_string()), one_line(text), "{text:?}");
        }
    }

    #[test]
    fn positions_in_one_pass_are_the_positions_one_by_one() {
        let sources = [
            (
                crate::Format::Text,
                "First line.\nThe NIS said 11,000 troops — über 9 000 — were sent.\n\nSecond paragraph, 5 dead.\n",
            ),
            (
                crate::Format::Markdown,
                "# Title\n\nOfficials said *120* people died.\n\n> A quote with 3 figures: 4, 5.\n\n- item 7\n- item 8\n",
            ),
            (
                crate::Format::Html,
                "<html><body><h1>Höhe</h1><p>Police said 50 people were hurt.</p><p>Another 7 were missing.</p></body></html>",
            ),
        ];
        for (format, source) in sources {
            let doc = crate::ingest::parse(source, format, "d", "d")
                .documents
                .remove(0);
            let ats: Vec<usize> = (0..=doc.text.len() + 1).collect();
            let one_by_one: Vec<(usize, usize)> = ats.iter().map(|&at| doc.position(at)).collect();
            assert_eq!(doc.positions(&ats), one_by_one, "{format:?}");
            // Out of order and repeated offsets too.
            let mixed = [5, 3, 3, doc.text.len(), 0, 9];
            let expected: Vec<(usize, usize)> = mixed.iter().map(|&at| doc.position(at)).collect();
            assert_eq!(doc.positions(&mixed), expected, "{format:?}");
        }
    }

    fn doc(blocks: &[(&str, BlockKind)]) -> Document {
        let raw = blocks.iter().map(|(t, k)| RawBlock::new(*t, *k)).collect();
        Document::empty("d", "d.txt", Format::Text).assemble(Metadata::default(), raw)
    }

    #[test]
    fn text_joins_all_blocks_and_spans_point_at_them() {
        let d = doc(&[
            ("Troops were sent.", BlockKind::Paragraph),
            ("Read next", BlockKind::Paragraph),
            ("Another story.", BlockKind::Paragraph),
        ]);
        assert_eq!(d.text, "Troops were sent.\n\nRead next\n\nAnother story.");
        for b in &d.blocks {
            assert!(!d.block_text(b).is_empty());
        }
        assert_eq!(d.block_text(&d.blocks[1]), "Read next");
        assert_eq!(d.blocks[1].role, BlockRole::Related);
        assert_eq!(d.article_blocks().count(), 1);
        let skipped = d.skipped();
        assert_eq!(skipped.len(), 2);
        assert_eq!(skipped[0].excerpt, "Read next");
    }

    #[test]
    fn markup_heading_stays_heading_even_when_long() {
        let d = doc(&[(
            "North Korean and Russian military officials discussed strengthening cooperation in their latest talks",
            BlockKind::Heading,
        )]);
        assert_eq!(d.blocks[0].role, BlockRole::Heading);
    }

    #[test]
    fn decided_roles_do_not_reach_the_classifier() {
        let raw = vec![
            RawBlock::new(
                "Officials said 5,000 troops were sent.",
                BlockKind::Paragraph,
            ),
            RawBlock::new("5 Comments", BlockKind::Paragraph)
                .with_role(BlockRole::Comments, "html"),
            RawBlock::new(
                "More troops will follow, officials said.",
                BlockKind::Paragraph,
            ),
        ];
        let d = Document::empty("d", "", Format::Html).assemble(Metadata::default(), raw);
        let roles: Vec<_> = d.blocks.iter().map(|b| b.role).collect();
        assert_eq!(
            roles,
            [BlockRole::Article, BlockRole::Comments, BlockRole::Article]
        );
    }

    #[test]
    fn sentences_are_in_document_coordinates() {
        let d = doc(&[
            ("Expanding cooperation", BlockKind::Paragraph),
            ("Troops were sent. More will follow.", BlockKind::Paragraph),
        ]);
        let found: Vec<&str> = d.sentences().into_iter().map(|r| &d.text[r]).collect();
        assert_eq!(
            found,
            [
                "Expanding cooperation",
                "Troops were sent.",
                "More will follow."
            ]
        );
    }

    #[test]
    fn cited_sources_and_byline_author() {
        let d = doc(&[
            ("By Jane Doe", BlockKind::Paragraph),
            (
                "Officials said 5,000 troops were sent.",
                BlockKind::Paragraph,
            ),
            ("Sources: Yonhap, Reuters", BlockKind::Paragraph),
            ("Source: Reuters", BlockKind::Paragraph),
        ]);
        assert_eq!(d.cited_sources, ["Yonhap", "Reuters"]);
        assert_eq!(d.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn in_memory_documents_are_read_as_files_are() {
        let cases = [
            (
                Format::Text,
                "Title: Flood\nOutlet: Daily A\n\nThe Health Ministry said 120 people were killed.",
            ),
            (
                Format::Markdown,
                "---\ntitle: Flood\n---\n\n# Flood\n\nThe Health Ministry said 120 people were killed.\n",
            ),
            (
                Format::Html,
                "<html><head><title>Flood</title></head><body><p>The Health Ministry said 120 people were killed.</p></body></html>",
            ),
        ];
        for (format, source) in cases {
            let doc = Document::parse("a", format, source);
            let mut load = crate::ingest::parse(source, format, "a", "");
            assert_eq!(doc, load.documents.remove(0), "{format:?}");
            assert_eq!(doc.title.as_deref(), Some("Flood"));
            assert_eq!(doc.path, "");
        }
        let bom = Document::from_text("a", "\u{feff}The NIS said 11,000 troops were sent.");
        assert_eq!(bom.text, "The NIS said 11,000 troops were sent.");
        // JSON Lines is a batch: here it is read as plain text.
        let jsonl = Document::parse("a", Format::Jsonl, "{\"text\": \"x\"}");
        assert_eq!(jsonl.format, Format::Text);
        assert_eq!(jsonl.text, "{\"text\": \"x\"}");
        // Nothing to read is an empty document, not a failure.
        let empty = Document::from_text("empty", "");
        assert!(empty.blocks.is_empty() && empty.text.is_empty());
    }

    #[test]
    fn with_methods_set_metadata_over_the_text() {
        let date = jiff::civil::date(2025, 6, 26);
        let doc = Document::from_text("a", "Title: Old\n\nThe NIS said 11,000 troops were sent.")
            .with_title(" New \n title ")
            .with_outlet("Daily\tA")
            .with_url("https://example.invalid/a")
            .with_author("Jane Doe")
            .with_published(date)
            .with_path("cms/123");
        assert_eq!(doc.title.as_deref(), Some("New title"));
        assert_eq!(doc.outlet.as_deref(), Some("Daily A"));
        assert_eq!(doc.url.as_deref(), Some("https://example.invalid/a"));
        assert_eq!(doc.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.published, Some(date));
        assert_eq!(doc.path, "cms/123");
        let json = serde_json::to_value(doc.meta()).unwrap();
        assert_eq!(json["published"], "2025-06-26");
        assert_eq!(json["path"], "cms/123");
    }

    #[test]
    fn excerpt_cuts_on_characters() {
        assert_eq!(excerpt("ünïcödé", 3), "ünï…");
        assert_eq!(excerpt("short", 80), "short");
    }

    #[test]
    fn meta_serializes_published_as_a_date() {
        let mut d = doc(&[("Troops were sent.", BlockKind::Paragraph)]);
        d.published = Some(jiff::civil::date(2025, 6, 26));
        let json = serde_json::to_value(d.meta()).unwrap();
        assert_eq!(json["published"], "2025-06-26");
        assert_eq!(json["id"], "d");
        assert_eq!(json["errors"], serde_json::json!([]));
    }
}
