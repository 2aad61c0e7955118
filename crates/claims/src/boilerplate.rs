//! Detection of blocks that are not the article: comments, sidebars, captions, credit lines.
//!
//! A page's text arrives as blocks (paragraphs or lines). [`classify`] gives
//! each block a [`BlockRole`]; only [`BlockRole::Article`] and
//! [`BlockRole::Heading`] are the article's own text. The rules are general
//! page furniture, not any one outlet's strings:
//!
//! - **Sections.** A comment header (`5 Comments`, `Comments (12)`, `Leave a
//!   comment`, `Posting Komentar`, `What is your opinion on this topic?`,
//!   `Join the conversation`, …) that follows some article text opens a
//!   comment section running to the end or to the next recognised section
//!   header; every block in it is a reader comment. A related-articles header
//!   opens a related run. *End-matter* headers (`Read next`, `More from …`,
//!   `Recommended`, `You may also like`, `Most read`, …) that follow article
//!   text run to the next section header or the end. *Inline* headers (`Also
//!   read`, `Read more`, `Related`, `Others are reading now`, `See also`, …)
//!   take only the teaser items after them: timestamp lines (`13:30`), the
//!   teaser after a timestamp, and short headline-like lines; the first full
//!   paragraph ends the run.
//! - **Runs of timestamp-headed teasers** without a header (`13:30` + teaser,
//!   `12:11` + teaser, …: two or more, reaching the end of the page or a
//!   recognised section, and less than half of the page's text) are related
//!   articles too. A timestamp or dateline line on its own is
//!   [`BlockRole::Furniture`].
//! - **Single blocks**: captions and video furniture (`02:07 - Source: CNN`,
//!   `(Photo by …)`, `Photo: …`, `… /Getty Images`, `Video: …`), credit lines
//!   (`Sources: Yonhap, Reuters, AP` — see [`cited_sources`]; `This article is
//!   made and published by …`; `With inputs from …`), bylines (`By Jane Doe`,
//!   `By: TA | AP Brief`), subscribe prompts, inline teasers (`Read more: …`),
//!   and page furniture (`Advertisement`, `Share this article`, `© 2025 …`).
//!
//! Matching is on whole blocks or on a block's opening words, never on a
//! phrase in the middle of prose: a paragraph that mentions "read more" or
//! "comments" mid-sentence stays article text.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use serde::{Deserialize, Serialize};

/// What a block of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockRole {
    /// Article text.
    Article,
    /// A short line without final punctuation that belongs to the article.
    Heading,
    /// A reader comment section: its header, commenter names and comments.
    Comments,
    /// Links to other articles: "Read next", "Also read", teaser runs.
    Related,
    /// A photo caption, photo credit or video furniture.
    Caption,
    /// A subscribe, newsletter, sign-up or follow prompt.
    Subscribe,
    /// A credit line: cited sources, "This article is made and published by …".
    CreditLine,
    /// The author line: "By Jane Doe".
    Byline,
    /// Other page furniture: advertisements, share buttons, datelines, copyright.
    Furniture,
}

impl BlockRole {
    /// Whether the block is the article's own text (an article paragraph or heading).
    pub fn is_article(self) -> bool {
        matches!(self, BlockRole::Article | BlockRole::Heading)
    }

    /// The role's name as written in reports (`"article"`, `"credit-line"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockRole::Article => "article",
            BlockRole::Heading => "heading",
            BlockRole::Comments => "comments",
            BlockRole::Related => "related",
            BlockRole::Caption => "caption",
            BlockRole::Subscribe => "subscribe",
            BlockRole::CreditLine => "credit-line",
            BlockRole::Byline => "byline",
            BlockRole::Furniture => "furniture",
        }
    }
}

impl fmt::Display for BlockRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A block's role and the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The block's role.
    pub role: BlockRole,
    /// The rule that gave the role, e.g. `"comment-count"`, `"related-run"`,
    /// `"article"`; stable names an editor can read.
    pub rule: &'static str,
}

impl Classification {
    fn new(role: BlockRole, rule: &'static str) -> Self {
        Classification { role, rule }
    }
}

/// The role of each block, in order. See the module docs for the rules.
///
/// ```
/// use crosscheck_claims::boilerplate::{classify, BlockRole};
///
/// let blocks = [
///     "Officials said 5,000 troops were sent.",
///     "Also read",
///     "More troops are expected next year, officials said.",
///     "3 Comments",
///     "Jane",
///     "I don't believe it.",
/// ];
/// use BlockRole::*;
/// assert_eq!(classify(&blocks), [Article, Related, Article, Comments, Comments, Comments]);
/// ```
pub fn classify(blocks: &[&str]) -> Vec<BlockRole> {
    classify_detailed(blocks)
        .into_iter()
        .map(|c| c.role)
        .collect()
}

/// Like [`classify`], with the rule that decided each role.
pub fn classify_detailed(blocks: &[&str]) -> Vec<Classification> {
    use BlockRole::*;

    #[derive(Clone, Copy)]
    enum State {
        Body,
        Comments,
        Related {
            end_matter: bool,
            expect_teaser: bool,
        },
    }

    let mut out = Vec::with_capacity(blocks.len());
    let mut state = State::Body;
    let mut seen_article = false;
    for block in blocks {
        let found = match marker(block) {
            Marker::CommentsHeader(rule) => {
                if seen_article {
                    state = State::Comments;
                }
                Classification::new(Comments, rule)
            }
            Marker::RelatedHeader { end_matter, rule } => {
                state = State::Related {
                    end_matter: end_matter && seen_article,
                    expect_teaser: false,
                };
                Classification::new(Related, rule)
            }
            Marker::Single(role, rule) => Classification::new(role, rule),
            Marker::Timestamp(rule) => match &mut state {
                State::Related { expect_teaser, .. } => {
                    *expect_teaser = true;
                    Classification::new(Related, "related-run")
                }
                State::Comments => Classification::new(Comments, "comment-section"),
                State::Body => Classification::new(Furniture, rule),
            },
            Marker::None => match &mut state {
                State::Comments => Classification::new(Comments, "comment-section"),
                State::Related {
                    end_matter,
                    expect_teaser,
                } => {
                    let heading = is_heading_like(block);
                    if *expect_teaser {
                        // A label line after a timestamp keeps the teaser coming.
                        *expect_teaser = heading;
                        Classification::new(Related, "related-run")
                    } else if heading || *end_matter {
                        Classification::new(Related, "related-run")
                    } else {
                        state = State::Body;
                        seen_article = true;
                        Classification::new(Article, "article")
                    }
                }
                State::Body => {
                    if is_heading_like(block) {
                        Classification::new(Heading, "heading")
                    } else {
                        seen_article = true;
                        Classification::new(Article, "article")
                    }
                }
            },
        };
        out.push(found);
    }
    mark_teaser_runs(blocks, &mut out);
    out
}

/// Mark headerless runs of timestamp-headed teasers as related articles.
fn mark_teaser_runs(blocks: &[&str], out: &mut [Classification]) {
    let words = |i: usize| blocks[i].split_whitespace().count();
    // The article's words, counted only when a run of teasers is found
    // (most documents have none).
    let mut article_words: Option<usize> = None;
    let is_stamp = |c: &Classification| c.role == BlockRole::Furniture && c.rule == "timestamp";
    let mut i = 0;
    while i < out.len() {
        if !is_stamp(&out[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut items = 0;
        let mut j = i;
        while j < out.len() && is_stamp(&out[j]) {
            j += 1;
            if j < out.len() && out[j].role == BlockRole::Heading {
                j += 1;
            }
            if j < out.len() && out[j].role == BlockRole::Article {
                j += 1;
            }
            items += 1;
        }
        let reaches_end = j == out.len() || !out[j].role.is_article();
        let article_before = out[..start].iter().any(|c| c.role == BlockRole::Article);
        let run_words: usize = (start..j)
            .filter(|&k| out[k].role.is_article())
            .map(words)
            .sum();
        // The article's words are first counted before any block is
        // re-marked (re-marking follows a count): the count over the blocks
        // as classified.
        let mut article = || {
            *article_words.get_or_insert_with(|| {
                (0..blocks.len())
                    .filter(|&i| out[i].role.is_article())
                    .map(words)
                    .sum()
            })
        };
        if items >= 2 && reaches_end && article_before && run_words * 2 < article() {
            for c in &mut out[start..j] {
                *c = Classification::new(BlockRole::Related, "timestamp-teaser-run");
            }
        }
        i = j.max(start + 1);
    }
}

/// What a block says about itself, before context is considered.
enum Marker {
    CommentsHeader(&'static str),
    RelatedHeader {
        end_matter: bool,
        rule: &'static str,
    },
    Single(BlockRole, &'static str),
    Timestamp(&'static str),
    None,
}

fn marker(block: &str) -> Marker {
    let raw = block.trim();
    if raw.is_empty() {
        return Marker::Single(BlockRole::Furniture, "empty");
    }
    let norm = normalize(raw);
    // Normalized words are separated by single spaces.
    let words: Vec<&str> = if norm.is_empty() {
        Vec::new()
    } else {
        // Single spaces only, none at the ends: the ASCII split is the
        // same split, without a character search per word.
        let mut words = Vec::with_capacity(32);
        words.extend(norm.split_ascii_whitespace());
        words
    };
    if let Some(rule) = comment_marker(&norm, &words) {
        return Marker::CommentsHeader(rule);
    }
    if COMMENT_PROMPTS.contains(&norm.as_str()) {
        return Marker::Single(BlockRole::Comments, "comment-prompt");
    }
    if let Some(end_matter) = related_header(&norm, &words) {
        let rule = if end_matter {
            "related-header"
        } else {
            "related-inline-header"
        };
        return Marker::RelatedHeader { end_matter, rule };
    }
    // The block's words, counted once up to 81: the rules below ask only
    // "at most 30", "at most 40", "at most 80".
    let raw_words = count_words(raw, 81);
    // Lowercased once for the rules that read it so, which look only at
    // blocks of at most 80 words (most of an article is longer).
    let lower = (raw_words <= 80).then(|| raw.to_lowercase());
    if let Some(lower) = &lower
        && is_inline_teaser(lower, raw_words)
    {
        return Marker::Single(BlockRole::Related, "inline-teaser");
    }
    if let Some(rule) = caption_rule(raw, lower.as_deref(), raw_words) {
        return Marker::Single(BlockRole::Caption, rule);
    }
    if let Some(rule) = credit_rule(raw, &norm, raw_words) {
        return Marker::Single(BlockRole::CreditLine, rule);
    }
    if byline_author(raw).is_some() {
        return Marker::Single(BlockRole::Byline, "byline");
    }
    if is_subscribe(&norm, words.len()) {
        return Marker::Single(BlockRole::Subscribe, "subscribe-prompt");
    }
    if let Some(rule) = furniture_rule(&norm, &words) {
        return Marker::Single(BlockRole::Furniture, rule);
    }
    if let Some(rule) = timestamp_rule(&words) {
        return Marker::Timestamp(rule);
    }
    Marker::None
}

/// Lower-case, straight apostrophes, single spaces, without leading bullets or
/// trailing `:`/`?`/arrows, so headers compare as plain phrases.
///
/// One pass into one buffer, copying runs that stay as they are (lower-case
/// ASCII letters, digits, punctuation, single spaces) whole. Trimming the
/// edges before lowercasing trims the same characters (no character
/// lowercases to whitespace or an edge mark), and characters lowercase one by
/// one as `str::to_lowercase` does them, except a capital sigma, whose form
/// depends on its neighbours: a block with one takes `str::to_lowercase`.
fn normalize(block: &str) -> String {
    if block.contains('Σ') {
        return normalize_by_steps(block);
    }
    let text = block.trim_matches(is_edge);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // `text[copied..at]` is copied as it is when the run ends.
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        let b = bytes[at];
        let kept = b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || (b.is_ascii_punctuation() && b != b'`')
            // A single space: the trimmed text neither starts nor ends with one.
            || (b == b' ' && bytes.get(at + 1).is_some_and(|&n| n < 0x80 && !ascii_space(n)));
        if kept {
            at += 1;
            continue;
        }
        out.push_str(&text[copied..at]);
        let c = text[at..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            // A run of whitespace is one space; one always follows it.
            at += text[at..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(text.len() - at);
            out.push(' ');
        } else {
            match c {
                '’' | '‘' | '`' | 'ʼ' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
            at += c.len_utf8();
        }
        copied = at;
    }
    out.push_str(&text[copied..]);
    out
}

/// [`normalize`] step by step: lowercase, straighten apostrophes, trim the
/// edges, join the words with single spaces.
fn normalize_by_steps(block: &str) -> String {
    let lower = block.to_lowercase().replace(['’', '‘', '`', 'ʼ'], "'");
    let trimmed = lower.trim_matches(is_edge);
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Marks [`normalize`] trims from a block's ends: whitespace, bullets,
/// arrows, brackets and final punctuation.
fn is_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '•' | '·'
                | '-'
                | '–'
                | '—'
                | '»'
                | '«'
                | '›'
                | '‹'
                | '>'
                | '<'
                | '→'
                | '←'
                | '▶'
                | '►'
                | '▸'
                | '*'
                | '#'
                | '|'
                | ':'
                | '：'
                | '…'
                | '.'
                | '?'
                | '!'
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '“'
                | '”'
        )
}

/// The whitespace-separated words of `text`, counted up to `limit`: what
/// `text.split_whitespace().take(limit).count()` says, reading ASCII byte by
/// byte.
fn count_words(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut at) = (0, false, 0);
    while at < bytes.len() && words < limit {
        let b = bytes[at];
        let (space, len) = if b < 0x80 {
            (ascii_space(b), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
        at += len;
    }
    words
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` says (which,
/// unlike `u8::is_ascii_whitespace`, counts the vertical tab).
fn ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
}

// ---------------------------------------------------------------- comments

const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "thought",
    "thoughts",
    "reaction",
    "reactions",
    "komentar",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "comentários",
    "commenti",
    "reacties",
];

const COMMENT_EXACT: &[&str] = &[
    "comments",
    "reader comments",
    "readers' comments",
    "show comments",
    "view comments",
    "load comments",
    "see comments",
    "read comments",
    "hide comments",
    "comments are closed",
    "comments closed",
    "leave a comment",
    "leave a reply",
    "leave the first comment",
    "leave your comment",
    "add a comment",
    "add comment",
    "add your comment",
    "post a comment",
    "post comment",
    "write a comment",
    "join the conversation",
    "join the discussion",
    "start the conversation",
    "what is your opinion on this topic",
    "what is your opinion",
    "what's your opinion",
    "be the first to comment",
    "no comments yet",
    "there are no comments yet",
    "posting komentar",
    "tulis komentar",
    "tinggalkan komentar",
    "kirim komentar",
    "beri komentar",
];

const COMMENT_PREFIX: &[&str] = &[
    "posting komentar",
    "leave a comment",
    "leave a reply",
    "you must be logged in to post a comment",
    "log in to comment",
    "sign in to comment",
];

/// Invitations to comment that are furniture but do not open a comment
/// section: in an opinion piece such a line may be followed by more article.
const COMMENT_PROMPTS: &[&str] = &[
    "what do you think",
    "share your thoughts",
    "tell us what you think",
    "let us know what you think",
    "let us know in the comments",
];

fn comment_marker(norm: &str, words: &[&str]) -> Option<&'static str> {
    if COMMENT_EXACT.contains(&norm) {
        return Some("comment-header");
    }
    let is_number = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && w.chars().any(|c| c.is_ascii_digit())
    };
    // "No comments" is a counter; "No comment." is a quote.
    let is_count = |n: &str, w: &str| {
        is_number(n)
            || matches!(n, "one" | "zero")
            || (n == "no" && (w.ends_with('s') || w == "replies"))
    };
    let titled = |rest: &[&str]| match rest {
        [] => true,
        // "One thought on “Title”", "12 Responses to "Title"", not "12 responses to the survey"
        [on, title, ..] => {
            matches!(*on, "on" | "to" | "untuk" | "zu" | "sur" | "para" | "for")
                && title.starts_with(['"', '“', '\'', '«', '„'])
        }
        _ => false,
    };
    match words {
        [n, w, rest @ ..] if is_count(n, w) && COMMENT_WORDS.contains(w) && titled(rest) => {
            return Some("comment-count");
        }
        // "Comments (5)", "Komentar 3"
        [w, n] if COMMENT_WORDS.contains(w) && is_number(n.trim_matches(['(', ')'])) => {
            return Some("comment-count");
        }
        _ => {}
    }
    if words.len() <= 25 && COMMENT_PREFIX.iter().any(|p| norm.starts_with(p)) {
        return Some("comment-header");
    }
    None
}

// ----------------------------------------------------------------- related

/// Headers after which the rest of the page is related links.
const RELATED_END_MATTER: &[&str] = &[
    "read next",
    "what to read next",
    "up next",
    "more stories",
    "more news",
    "more articles",
    "more to read",
    "more on this story",
    "more on this topic",
    "more like this",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "recommended videos",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "you may have missed",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular now",
    "popular stories",
    "trending now",
    "trending stories",
    "top stories",
    "latest news",
    "latest stories",
    "latest articles",
    "editor's picks",
    "editors' picks",
    "further reading",
    "around the web",
    "sponsored stories",
    "promoted stories",
    "from our partners",
    "from the web",
    "berita terkait",
    "artikel terkait",
    "berita lainnya",
    "terpopuler",
    "meistgelesen",
];

/// Headers that introduce a few teasers inside the article.
const RELATED_INLINE: &[&str] = &[
    "read more",
    "also read",
    "read also",
    "see also",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related coverage",
    "related content",
    "related topics",
    "related links",
    "related reading",
    "others are reading now",
    "others are reading",
    "others also read",
    "people are reading",
    "what others are reading",
    "people also read",
    "don't miss",
    "must read",
    "trending",
    "baca juga",
    "lihat juga",
    "simak juga",
    "lesen sie auch",
    "mehr zum thema",
    "à lire aussi",
    "lire aussi",
    "lee también",
    "leia também",
    "leggi anche",
];

/// `Some(true)` for an end-matter header, `Some(false)` for an inline one.
fn related_header(norm: &str, words: &[&str]) -> Option<bool> {
    if RELATED_END_MATTER.contains(&norm) {
        return Some(true);
    }
    if RELATED_INLINE.contains(&norm) {
        return Some(false);
    }
    // "More from CNN", "Latest from Reuters", "More on North Korea"
    match words {
        ["more" | "latest", "from", rest @ ..] if !rest.is_empty() && rest.len() <= 4 => Some(true),
        ["more", "on" | "about", rest @ ..] if !rest.is_empty() && rest.len() <= 4 => Some(false),
        _ => None,
    }
}

/// "Read more: …", "ALSO READ | …", "Related: …": one teaser in one block
/// of `words` words (counted up to 81), given in lower case.
fn is_inline_teaser(lower: &str, words: usize) -> bool {
    if words > 30 {
        return false;
    }
    // Curly apostrophes straightened only in a block that has one.
    let lower: Cow<'_, str> = if lower.contains('’') {
        Cow::Owned(lower.replace('’', "'"))
    } else {
        Cow::Borrowed(lower)
    };
    let lower = lower.as_ref();
    // Most blocks start with no header: one pass says so.
    if !starts_with_any(&TEASER_HEADER_FINDER, &TEASER_HEADERS, lower) {
        return false;
    }
    TEASER_HEADERS.iter().any(|header| {
        lower.strip_prefix(header).is_some_and(|rest| {
            // A separator right after the header; a dash only with a space
            // before it, so "Related-party deals rose" is not a teaser.
            let spaced = rest.starts_with(char::is_whitespace);
            let rest = rest.trim_start();
            let mut chars = rest.chars();
            let separator = match chars.next() {
                Some(':' | '：' | '|' | '»' | '›' | '>' | '→' | '▶') => true,
                Some('-' | '–' | '—') => spaced,
                _ => false,
            };
            separator && chars.as_str().trim().chars().any(char::is_alphanumeric)
        })
    })
}

// ---------------------------------------------------------------- captions

const CAPTION_PREFIX: &[&str] = &[
    "photo:",
    "photo by ",
    "photos:",
    "photos by ",
    "photo credit",
    "photograph:",
    "photographs:",
    "photography:",
    "image:",
    "images:",
    "image credit",
    "image source",
    "picture:",
    "pictures:",
    "pictured:",
    "credit:",
    "foto:",
    "video:",
    "watch:",
    "caption:",
    "file photo",
    "(photo",
    "[photo",
    "(file photo",
    "(image",
    "(credit",
    "(ap photo",
    "(epa",
];

/// Credit phrases that mark a caption wherever they appear in a short block.
const CAPTION_CREDIT: &[&str] = &[
    "(photo by",
    "(photo:",
    "(photo credit",
    "(photos:",
    "(ap photo",
    "ap photo/",
    "afp photo",
    "via getty images",
    "(getty images",
    "getty images)",
    "© getty",
    "(reuters photo",
    "(yonhap photo",
    "(file photo",
    "(photo courtesy",
    "photo courtesy of",
    "epa-efe",
    "(shutterstock",
    "(screenshot",
    "(image:",
    "(image credit",
    "(illustration",
];

/// Whether a lower-cased block could hold one of [`CAPTION_CREDIT`]: each
/// has an opening bracket, "photo", "getty" or "epa-efe" (four fast
/// scans of a block that has none, as most have, instead of a pass of
/// the automaton).
fn may_hold_a_caption_credit(lower: &str) -> bool {
    lower.contains('(')
        || lower.contains("photo")
        || lower.contains("getty")
        || lower.contains("epa-efe")
}

/// Credits that mark a caption when they end the block: "… /Getty Images", "… | AFP".
const CAPTION_CREDIT_END: &[&str] = &[
    "/getty images",
    "/ getty images",
    "| getty images",
    "- getty images",
    "– getty images",
    "— getty images",
    "/afp",
    "/ afp",
    "| afp",
    "/shutterstock",
    "/ shutterstock",
    "| shutterstock",
];

/// Finds any of [`CAPTION_CREDIT`] in one pass over a block.
static CAPTION_CREDIT_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(CAPTION_CREDIT).ok());

/// Whether `hay` contains one of `patterns`, with their `finder` (a pass
/// per pattern if the finder could not be built).
fn contains_any(finder: &LazyLock<Option<AhoCorasick>>, patterns: &[&str], hay: &str) -> bool {
    match finder.as_ref() {
        Some(f) => f.is_match(hay),
        None => patterns.iter().any(|p| hay.contains(p)),
    }
}

/// Finds whether a block starts with one of [`CAPTION_PREFIX`].
static CAPTION_PREFIX_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefix_finder(CAPTION_PREFIX));

/// Finds whether a block starts with one of [`CREDIT_PREFIX`].
static CREDIT_PREFIX_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefix_finder(CREDIT_PREFIX));

/// Finds whether a block starts with one of [`SUBSCRIBE_PREFIX`].
static SUBSCRIBE_PREFIX_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefix_finder(SUBSCRIBE_PREFIX));

/// Finds whether a block starts with one of [`FURNITURE_PREFIX`].
static FURNITURE_PREFIX_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefix_finder(FURNITURE_PREFIX));

/// The headers an inline teaser opens with: a related-links header, "read"
/// or "more" ([`is_inline_teaser`] then checks what follows).
static TEASER_HEADERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    RELATED_INLINE
        .iter()
        .chain(RELATED_END_MATTER)
        .chain(&["read", "more"])
        .copied()
        .collect()
});

/// Finds whether a block starts with one of [`TEASER_HEADERS`].
static TEASER_HEADER_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefix_finder(&TEASER_HEADERS));

/// An automaton that tells in one pass whether a text starts with one of
/// `patterns` (for [`starts_with_any`]).
fn prefix_finder(patterns: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .ok()
}

/// Whether `hay` starts with one of `patterns`, with their `finder` made by
/// [`prefix_finder`] (a comparison per pattern if it could not be built):
/// one pass over the start of a block instead of a comparison per prefix.
fn starts_with_any(finder: &LazyLock<Option<AhoCorasick>>, patterns: &[&str], hay: &str) -> bool {
    match finder.as_ref() {
        Some(f) => f.is_match(Input::new(hay).anchored(Anchored::Yes)),
        None => patterns.iter().any(|p| hay.starts_with(p)),
    }
}

/// Agencies whose photo credits read `AGENCY/Photographer Name`.
const PHOTO_AGENCIES: &[&str] = &[
    "reuters/", "afp/", "ap/", "epa/", "yonhap/", "xinhua/", "kcna/",
];

/// A caption's rule for a block of `words` words (counted up to 81), given
/// `lower`, the block in lower case when it has at most 80.
fn caption_rule(raw: &str, lower: Option<&str>, words: usize) -> Option<&'static str> {
    if is_video_source(raw) {
        return Some("video-source");
    }
    // Only "at most 40", "more than 80" and "at most 4" matter, and a
    // longer block (most of an article) is not lowercased.
    let lower = lower?;
    if words <= 40 && starts_with_any(&CAPTION_PREFIX_FINDER, CAPTION_PREFIX, lower) {
        return Some("caption-prefix");
    }
    if may_hold_a_caption_credit(lower)
        && contains_any(&CAPTION_CREDIT_FINDER, CAPTION_CREDIT, lower)
    {
        return Some("photo-credit");
    }
    let end = lower.trim_end_matches(|c: char| c.is_whitespace() || c == ')' || c == '.');
    if CAPTION_CREDIT_END.iter().any(|p| end.ends_with(p)) || ends_with_agency_credit(end) {
        return Some("photo-credit");
    }
    // "Getty Images", "Getty Images/iStockphoto": a bare credit, not a sentence.
    if words <= 4 && lower.starts_with("getty images") && !lower.ends_with('.') {
        return Some("photo-credit");
    }
    None
}

/// "… REUTERS/Kim Hong-Ji": an agency credit naming the photographer at the
/// end of the block; not "Reuters/Ipsos poll found 40 percent …".
fn ends_with_agency_credit(end: &str) -> bool {
    // Every agency ends with "/": most blocks have none.
    if !end.contains('/') {
        return false;
    }
    // The photographer's name is at most four words, so a credit starts in
    // the last five words: only they are searched.
    let tail = end
        .char_indices()
        .rev()
        .filter(|&(n, c)| !c.is_whitespace() && end[..n].ends_with(char::is_whitespace))
        .nth(4)
        .map_or(0, |(n, _)| n);
    // Every agency ends with "/": most blocks have none in their last words.
    if !end[tail..].contains('/') {
        return false;
    }
    PHOTO_AGENCIES.iter().any(|agency| {
        end[tail..]
            .rfind(agency)
            .map(|at| tail + at)
            .is_some_and(|at| {
                let before = end[..at].chars().next_back();
                let name = &end[at + agency.len()..];
                before.is_none_or(|c| !c.is_alphanumeric())
                    && !name.is_empty()
                    && !name.starts_with("ipsos")
                    && name.split_whitespace().count() <= 4
                    && !name.contains([',', ';', ':'])
            })
    })
}

/// "02:07 - Source: CNN": a video's duration and source, in any case.
fn is_video_source(raw: &str) -> bool {
    let separator = |c: char| c.is_whitespace() || "-–—|".contains(c);
    let Some((stamp, rest)) = raw.split_once(separator) else {
        return false;
    };
    // A clock starts with a digit (and lowercasing makes none).
    if !stamp.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // Only the first token is lowercased to test it (the block is not,
    // unless it is a clock): lowercasing neither makes nor removes a
    // separator, so the token is the same.
    if !is_clock(&stamp.to_lowercase()) {
        return false;
    }
    let rest = rest.trim_start_matches(separator);
    rest.to_lowercase().starts_with("source")
}

// ------------------------------------------------------------ credit lines

const CREDIT_PREFIX: &[&str] = &[
    "this article is made and published by",
    "this article was made",
    "this article was published",
    "this article was originally published",
    "this article originally appeared",
    "this article first appeared",
    "this article was produced",
    "this article was written",
    "this article was edited",
    "this article was updated",
    "this story was originally published",
    "this story originally appeared",
    "this story first appeared",
    "this story was produced",
    "this story was written",
    "this content was produced",
    "this report was produced",
    "a version of this story",
    "a version of this article",
    "with inputs from",
    "with input from",
    "with reporting from",
    "with reporting by",
    "compiled from",
];

/// Reuters-style journalist credits: "Reporting by …; Editing by …".
const JOURNALIST_CREDIT_PREFIX: &[&str] = &[
    "additional reporting by",
    "additional reporting from",
    "reporting by",
    "editing by",
    "writing by",
];

const CREDIT_EXACT: &[&str] = &[
    "with agencies",
    "agencies",
    "agency reports",
    "with agency inputs",
    "wire services",
    "from wire reports",
    "with wire services",
];

fn credit_rule(raw: &str, norm: &str, words: usize) -> Option<&'static str> {
    if cited_sources(raw).is_some() {
        return Some("sources-list");
    }
    if CREDIT_EXACT.contains(&norm) {
        return Some("agency-credit");
    }
    // Counted up to 81: only "at most 40" and "at most 30" matter.
    if words <= 40 && starts_with_any(&CREDIT_PREFIX_FINDER, CREDIT_PREFIX, norm) {
        return Some("credit-line");
    }
    // Not "Reporting by the BBC showed that 5,000 troops were sent."
    if words <= 30
        && JOURNALIST_CREDIT_PREFIX.iter().any(|p| norm.starts_with(p))
        && (!raw.trim_end().ends_with('.') || raw.contains(';') || norm.contains("editing by"))
    {
        return Some("journalist-credit");
    }
    None
}

/// The source names a credit line cites, if `block` is one.
///
/// Recognises `Sources: Yonhap, Reuters, AP, NBC News`, `Source: KCNA`,
/// `Sumber: …`, `(With inputs from Reuters and AFP)`, and returns the names in
/// order. Returns `None` for anything else, including a sentence that starts
/// with "Sources" ("Sources said the troops had arrived.") or a list whose
/// items are too long to be names.
///
/// ```
/// use crosscheck_claims::boilerplate::cited_sources;
///
/// assert_eq!(
///     cited_sources("Sources: Yonhap, Reuters, AP, NBC News").unwrap(),
///     ["Yonhap", "Reuters", "AP", "NBC News"]
/// );
/// assert_eq!(cited_sources("Sources said 5,000 troops were sent."), None);
/// ```
pub fn cited_sources(block: &str) -> Option<Vec<String>> {
    const LABELS: &[&str] = &[
        "sources", "source", "sumber", "quellen", "quelle", "fuentes", "fuente", "fontes", "fonte",
    ];
    const LEADS: &[&str] = &[
        "with inputs from",
        "with input from",
        "with reporting from",
        "compiled from reports by",
        "compiled from",
        "based on reports from",
        "based on reports by",
    ];
    let t = block
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.'])
        .trim();
    let list = LABELS
        .iter()
        .find_map(|label| {
            let rest = t.get(label.len()..)?;
            if !starts_with_ci(t, label) {
                return None;
            }
            let rest = rest.trim_start();
            rest.strip_prefix(':')
                .or_else(|| rest.strip_prefix('：'))
                .map(str::trim)
        })
        .or_else(|| {
            LEADS.iter().find_map(|lead| {
                let rest = t.get(lead.len()..)?;
                starts_with_ci(t, lead).then_some(rest.trim())
            })
        })?;
    // Looked for only after a label or lead: most blocks have neither.
    if t.split_whitespace().nth(30).is_some() {
        return None;
    }
    let mut names = Vec::new();
    for piece in list.split([',', ';', '/', '|', '&', '·', '•']) {
        for name in split_conjunctions(piece) {
            let name = name
                .trim()
                .trim_end_matches('.')
                .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '“' || c == '”');
            if name.is_empty() {
                continue;
            }
            if name.split_whitespace().count() > 6 {
                return None;
            }
            names.push(name.to_string());
        }
    }
    (!names.is_empty()).then_some(names)
}

/// Split "AP and Reuters" on the conjunction words that join names in a list.
fn split_conjunctions(piece: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for word in piece.split_inclusive(char::is_whitespace) {
        let bare = word.trim();
        let at = offset;
        offset += word.len();
        if matches!(bare, "and" | "dan" | "und" | "y" | "et" | "e") {
            parts.push(&piece[start..at]);
            start = offset;
        }
    }
    parts.push(&piece[start..]);
    parts
}

// ----------------------------------------------------------------- bylines

/// The author named by a byline block (`By Jane Doe`, `By: TA | AP Brief`,
/// `Written by …`, `Author: …`), if `block` is a byline.
///
/// The name is what follows the prefix up to a separator (`|`, `·`, `,`,
/// ` - `). A sentence that happens to start with "By" ("By August, North Korea
/// could send more troops.") is not a byline.
///
/// ```
/// use crosscheck_claims::boilerplate::byline_author;
///
/// assert_eq!(byline_author("By: TA | AP Brief").as_deref(), Some("TA"));
/// assert_eq!(byline_author("By the end of the year, troops had left."), None);
/// ```
pub fn byline_author(block: &str) -> Option<String> {
    const PREFIXES: &[&str] = &[
        "by:",
        "by ",
        "written by",
        "words by",
        "story by",
        "text by",
        "posted by",
        "author:",
        "authors:",
        "reporter:",
        "oleh:",
        "oleh ",
        "penulis:",
        "autor:",
        "auteur:",
    ];
    const LOWER_OK: &[&str] = &[
        "and",
        "the",
        "in",
        "for",
        "of",
        "at",
        "with",
        "staff",
        "reporter",
        "correspondent",
        "writer",
        "editor",
        "contributor",
        "de",
        "van",
        "von",
        "da",
        "del",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "dan",
        "senior",
        "chief",
        "political",
        "diplomatic",
        "defense",
        "defence",
        "foreign",
        "news",
        "desk",
    ];
    let t = block.trim();
    let rest = PREFIXES.iter().find_map(|p| {
        starts_with_ci(t, p)
            .then(|| t.get(p.len()..))
            .flatten()
            .map(|r| r.trim_start_matches([':', ' ']).trim())
    })?;
    if t.split_whitespace().nth(15).is_some() {
        return None;
    }
    if rest.ends_with(['.', '!', '?']) && !ends_with_initial(rest) {
        return None;
    }
    let name_end = rest
        .find(['|', '·', '•', ',', ';', '(', '—', '–'])
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    let name = rest[..name_end].trim();
    let name = name.strip_prefix("the ").unwrap_or(name);
    let first = name.split_whitespace().next()?;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower_words = rest
        .split(|c: char| c.is_whitespace() || "|·•,;()—–".contains(c))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !LOWER_OK.contains(w))
        .count();
    if lower_words > 0 {
        return None;
    }
    Some(name.to_string())
}

fn ends_with_initial(text: &str) -> bool {
    let word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let bare = word.trim_end_matches('.');
    bare.chars().count() <= 2 && bare.chars().all(char::is_uppercase)
        || bare == "Jr"
        || bare == "Sr"
}

// --------------------------------------------------------------- subscribe

const SUBSCRIBE_PREFIX: &[&str] = &[
    "subscribe",
    "sign up",
    "signup",
    "sign-up",
    "register now",
    "register for",
    "join our",
    "get our",
    "get the latest",
    "get breaking",
    "get the best",
    "enter your email",
    "don't miss out",
    "never miss",
    "already a subscriber",
    "already subscribed",
    "already have an account",
    "become a member",
    "become a subscriber",
    "support our journalism",
    "support independent journalism",
    "support us",
    "download our app",
    "download the app",
    "get the app",
    "follow us",
    "like us on",
    "turn on notifications",
    "enable notifications",
    "stay informed",
    "stay up to date",
    "stay updated",
    "berlangganan",
    "abonnieren",
];

/// Phrases that mark a prompt wherever they appear in a short block. "Subscribe
/// to" and "sign up for" count only at the start (`SUBSCRIBE_PREFIX`), so
/// "Readers who subscribe to the print edition fell" stays article.
const SUBSCRIBE_CONTAINS: &[&str] = &[
    "our newsletter",
    "our daily newsletter",
    "our weekly newsletter",
    "to your inbox",
    "in your inbox",
    "subscribe now",
    "subscribe today",
    "sign up now",
    "sign up here",
    "free trial",
    "unlimited access",
    "subscriber-only",
    "subscribers only",
    "log in to continue",
    "log in to read",
    "create a free account",
    "unsubscribe at any time",
    "you can unsubscribe",
];

/// Finds any of [`SUBSCRIBE_CONTAINS`] in one pass over a block.
static SUBSCRIBE_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(SUBSCRIBE_CONTAINS).ok());

fn is_subscribe(norm: &str, words: usize) -> bool {
    words <= 50
        && (starts_with_any(&SUBSCRIBE_PREFIX_FINDER, SUBSCRIBE_PREFIX, norm)
            || (may_hold_a_subscribe_phrase(norm)
                && contains_any(&SUBSCRIBE_FINDER, SUBSCRIBE_CONTAINS, norm)))
}

/// Whether a normalized block could hold one of [`SUBSCRIBE_CONTAINS`]:
/// each has one of these words (a few fast scans of a block that has
/// none, as most have, instead of a pass of the automaton).
fn may_hold_a_subscribe_phrase(norm: &str) -> bool {
    [
        "newsletter",
        "inbox",
        "subscri",
        "sign up",
        "free",
        "unlimited",
        "log in",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

// --------------------------------------------------------------- furniture

const FURNITURE_EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "skip to content",
    "skip to main content",
    "skip advertisement",
    "scroll to continue",
    "scroll to continue with content",
    "continue reading",
    "continue reading below",
    "story continues below",
    "article continues below",
    "story continues below advertisement",
    "article continues below advertisement",
    "listen to this article",
    "save",
    "save article",
    "bookmark",
    "gift this article",
    "back to top",
    "menu",
    "home",
    "loading",
    "close",
    "next",
    "previous",
    "next article",
    "previous article",
    "tags",
    "topics",
    "show more",
    "load more",
    "see more",
    "view more",
    "click here",
    "report an error",
    "report a correction",
    "iklan",
    "anzeige",
    "publicité",
    "publicidad",
];

const FURNITURE_PREFIX: &[&str] = &[
    "tags:",
    "topics:",
    "filed under",
    "©",
    "(c) ",
    "all rights reserved",
    "share this article",
    "share on ",
    "reading time",
    "listen to this article",
    "copyright ©",
    "copyright (c)",
];

fn furniture_rule(norm: &str, words: &[&str]) -> Option<&'static str> {
    if FURNITURE_EXACT.contains(&norm) {
        return Some("page-furniture");
    }
    if words.len() <= 30 && starts_with_any(&FURNITURE_PREFIX_FINDER, FURNITURE_PREFIX, norm) {
        return Some("page-furniture");
    }
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    match words {
        // "5 min read", "3 minute read"
        [n, "min" | "mins" | "minute" | "minutes", "read"]
            if n.chars().all(|c| c.is_ascii_digit()) =>
        {
            Some("reading-time")
        }
        // "Copyright 2025 The Daily Planet"; "… All rights reserved."
        ["copyright", y, ..] if year(y) && words.len() <= 30 => Some("copyright"),
        _ if words.len() <= 30 && norm.contains("all rights reserved") => Some("copyright"),
        _ => None,
    }
}

// -------------------------------------------------------------- timestamps

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

const ZONES: &[&str] = &[
    "utc", "gmt", "kst", "jst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet",
    "cest", "bst", "ist", "msk", "wib", "wita", "wit", "aest", "aedt", "hkt", "sgt", "et", "pt",
];

const DATE_FILLERS: &[&str] = &[
    "at",
    "on",
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "|",
    "-",
    "–",
    "—",
    "·",
    "/",
];

/// `13:30`, `1:30`, `10:37:05`, `13.30`, `10:37am`.
fn is_clock(token: &str) -> bool {
    // The hour's digits come first.
    if !token.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let t = token
        .trim_end_matches("a.m.")
        .trim_end_matches("p.m.")
        .trim_end_matches("am")
        .trim_end_matches("pm");
    let parts: Vec<&str> = t.split([':', '.']).collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60)
}

/// `2025-06-26`, `26.06.2025`, `06/26/2025`, `2025/06/26`.
fn is_numeric_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['-', '.', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

fn is_ordinal_day(token: &str) -> bool {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&token[digits.len()..], "" | "st" | "nd" | "rd" | "th")
}

/// `Some("timestamp")` for a line that is only a clock time or a relative
/// time ("2 hours ago"); `Some("dateline")` for one that is only a date.
fn timestamp_rule(words: &[&str]) -> Option<&'static str> {
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    match words {
        ["just", "now"] | ["yesterday"] | ["today"] => return Some("timestamp"),
        [n, unit, "ago"]
            if (n.chars().all(|c| c.is_ascii_digit()) || matches!(*n, "a" | "an" | "one"))
                && matches!(
                    unit.trim_end_matches('s'),
                    "sec"
                        | "second"
                        | "min"
                        | "minute"
                        | "hour"
                        | "hr"
                        | "h"
                        | "day"
                        | "week"
                        | "month"
                ) =>
        {
            return Some("timestamp");
        }
        _ => {}
    }
    let mut clock = false;
    let mut month = false;
    let mut number = false;
    let mut date = false;
    for raw in words {
        let w = raw.trim_end_matches([',', ':']);
        if w.is_empty() || DATE_FILLERS.contains(&w) || ZONES.contains(&w) {
            continue;
        }
        if is_clock(w) {
            clock = true;
        } else if MONTHS.contains(&w.trim_end_matches('.')) {
            month = true;
        } else if WEEKDAYS.contains(&w.trim_end_matches('.')) {
            continue;
        } else if is_numeric_date(w) {
            date = true;
        } else if is_ordinal_day(w) || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) {
            number = true;
        } else {
            return None;
        }
    }
    if date || (month && number) {
        Some("dateline")
    } else if clock {
        Some("timestamp")
    } else {
        None
    }
}

// ---------------------------------------------------------------- headings

/// Whether a block looks like a heading: at most 12 words and 100 characters,
/// some letters, and no final sentence punctuation.
pub fn is_heading_like(block: &str) -> bool {
    let t = block.trim();
    // More than 400 bytes is more than 100 characters (at most 4 bytes each).
    if t.is_empty()
        || t.len() > 400
        || t.chars().nth(100).is_some()
        || t.split_whitespace().nth(12).is_some()
    {
        return false;
    }
    if !t.chars().any(char::is_alphabetic) {
        return false;
    }
    let bare = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    !bare.ends_with(['.', '!', '?', '…', ':', ';', ',', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::BlockRole::*;
    use super::*;

    fn roles(blocks: &[&str]) -> Vec<BlockRole> {
        classify(blocks)
    }

    fn single(block: &str) -> BlockRole {
        // A block after an article paragraph, so section headers are live.
        classify(&[
            "The ministry said 5,000 troops were sent to the border.",
            block,
        ])[1]
    }

    const PARA: &str = "The ministry said 5,000 troops were sent to the border last week.";

    #[test]
    fn normalize_copies_runs_as_the_steps_would_make_them() {
        for block in [
            "• Read more: “North Korea’s troops” →",
            "  COMMENTS (5)  ",
            "Share\u{a0}this\t\tstory\x0b now",
            "İstanbul `quoted` ʼok",
            "ΟΔΟΣ ΣΟΦΟΣ.",
            "a \u{2009} b\u{3000}c",
            "-- -- --",
            "",
        ] {
            assert_eq!(normalize(block), normalize_by_steps(block), "{block:?}");
        }
    }

    #[test]
    fn prefix_finders_say_what_comparing_each_prefix_says() {
        let lists: [(&LazyLock<Option<AhoCorasick>>, &[&str]); 5] = [
            (&CAPTION_PREFIX_FINDER, CAPTION_PREFIX),
            (&CREDIT_PREFIX_FINDER, CREDIT_PREFIX),
            (&SUBSCRIBE_PREFIX_FINDER, SUBSCRIBE_PREFIX),
            (&FURNITURE_PREFIX_FINDER, FURNITURE_PREFIX),
            (&TEASER_HEADER_FINDER, &TEASER_HEADERS),
        ];
        for (finder, patterns) in lists {
            assert!(finder.is_some());
            let mut texts = vec![String::new(), "x".to_string(), PARA.to_lowercase()];
            for p in patterns {
                texts.push(format!("{p} the rest"));
                texts.push(format!("x{p}"));
                let last = p.char_indices().last().map_or(0, |(at, _)| at);
                texts.push(p[..last].to_string());
            }
            for t in &texts {
                assert_eq!(
                    starts_with_any(finder, patterns, t),
                    patterns.iter().any(|p| t.starts_with(p)),
                    "{t:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_equals_its_steps(block in "[ a-zA-Z0-9.,:•→“”’`ʼİΣσ\u{a0}\u{2009}\t\n\x0b()-]{0,40}") {
            proptest::prop_assert_eq!(normalize(&block), normalize_by_steps(&block));
        }

        #[test]
        fn count_words_equals_split_whitespace(
            block in "[ a-zA-Z0-9.,’\u{a0}\u{2009}\u{85}\t\n\x0b\x1c]{0,40}",
            limit in 0usize..12,
        ) {
            proptest::prop_assert_eq!(
                count_words(&block, limit),
                block.split_whitespace().take(limit).count()
            );
        }
    }

    #[test]
    fn every_caption_credit_passes_the_quick_test() {
        for credit in CAPTION_CREDIT {
            assert!(may_hold_a_caption_credit(credit), "{credit}");
        }
        for phrase in SUBSCRIBE_CONTAINS {
            assert!(may_hold_a_subscribe_phrase(phrase), "{phrase}");
        }
        assert!(!may_hold_a_subscribe_phrase(
            "the troops were sent in march."
        ));
        assert!(!may_hold_a_caption_credit("the troops were sent in march."));
    }

    #[test]
    fn five_comments_header_and_commenters() {
        assert_eq!(
            roles(&[
                PARA,
                "5 Comments",
                "Eric Cartman",
                "This is unacceptable!",
                "Stan Marsh",
                "Russia is desperate. It's a sign of weakness."
            ]),
            [Article, Comments, Comments, Comments, Comments, Comments]
        );
    }

    #[test]
    fn comment_count_variants() {
        for header in [
            "1 Comment",
            "Comments (12)",
            "12 comments",
            "One thought on “Troops sent”",
            "3 Responses to \"Troops\"",
            "Comments",
            "COMMENTS:",
        ] {
            assert_eq!(single(header), Comments, "{header}");
        }
    }

    #[test]
    fn leave_a_comment_and_friends() {
        for header in [
            "Leave a comment",
            "Leave the first comment",
            "Leave a Reply",
            "Add a comment",
            "Join the conversation",
            "What is your opinion on this topic?",
            "What do you think?",
            "Posting Komentar",
            "Posting Komentar untuk \"Seoul warns North Korea could send more troops\"",
            "You must be logged in to post a comment.",
        ] {
            assert_eq!(single(header), Comments, "{header}");
        }
    }

    #[test]
    fn comment_count_before_the_article_does_not_swallow_it() {
        assert_eq!(
            roles(&["Troops sent to Russia", "0 Comments", PARA, PARA]),
            [Heading, Comments, Article, Article]
        );
    }

    #[test]
    fn comment_section_ends_at_a_related_header() {
        assert_eq!(
            roles(&[
                PARA,
                "2 Comments",
                "Jane",
                "Nice.",
                "Read next",
                "Another story about troops."
            ]),
            [Article, Comments, Comments, Comments, Related, Related]
        );
    }

    #[test]
    fn mid_sentence_comments_stays_article() {
        assert_eq!(
            single(
                "Officials declined to answer comments from lawmakers, and 5,000 troops stayed."
            ),
            Article
        );
    }

    #[test]
    fn read_next_run_with_timestamps() {
        assert_eq!(
            roles(&[
                PARA,
                "Read next",
                "13:30",
                "North Korea marked the first anniversary of its pact.",
                "12:11",
                "North Korea launched over 10 rockets on Thursday.",
                "10:37",
                "Russia & North Korea",
                "Shoigu has arrived in Pyongyang, according to the council.",
                "What is your opinion on this topic?",
                "Leave the first comment",
            ]),
            [
                Article, Related, Related, Related, Related, Related, Related, Related, Related,
                Comments, Comments
            ]
        );
    }

    #[test]
    fn read_next_runs_to_the_end_even_without_timestamps() {
        assert_eq!(
            roles(&[
                PARA,
                "Read next",
                "Seoul says 300 troops died in Kursk.",
                "Pyongyang fires missiles into the sea."
            ]),
            [Article, Related, Related, Related]
        );
    }

    #[test]
    fn others_are_reading_now_then_article_resumes() {
        assert_eq!(
            roles(&[
                PARA,
                "Others are reading now",
                "South Korea's spy agency told lawmakers that 5,000 personnel were sent."
            ]),
            [Article, Related, Article]
        );
    }

    #[test]
    fn also_read_with_teaser_titles_then_article() {
        assert_eq!(
            roles(&[
                PARA,
                "Also read",
                "Kim visits Moscow again",
                "Officials also say that ammunition shipments continued."
            ]),
            [Article, Related, Related, Article]
        );
    }

    #[test]
    fn end_matter_header_before_any_article_is_inline() {
        assert_eq!(
            roles(&["Most read", "Troops in Kursk", PARA, PARA]),
            [Related, Related, Article, Article]
        );
    }

    #[test]
    fn related_header_variants() {
        for header in [
            "Read more",
            "Related",
            "RELATED ARTICLES",
            "More from CNN",
            "Recommended",
            "You may also like",
            "Related:",
            "Baca juga",
        ] {
            assert_eq!(single(header), Related, "{header}");
        }
    }

    #[test]
    fn read_more_colon_teaser() {
        assert_eq!(
            single("READ MORE: North Korea sends 1,000 more engineers"),
            Related
        );
        assert_eq!(single("Also read | Seoul raises alert"), Related);
    }

    #[test]
    fn read_more_mid_sentence_stays_article() {
        assert_eq!(
            single("Analysts who read more into the move said 5,000 troops could follow."),
            Article
        );
        assert_eq!(
            single(
                "Read more about the deployment, which involved 5,000 troops, in the full report."
            ),
            Article
        );
    }

    #[test]
    fn headerless_timestamp_teaser_run_at_the_end() {
        assert_eq!(
            roles(&[
                PARA,
                PARA,
                PARA,
                "13:30",
                "A teaser about something else.",
                "12:11",
                "Another teaser with 10 rockets."
            ]),
            [
                Article, Article, Article, Related, Related, Related, Related
            ]
        );
    }

    #[test]
    fn single_timestamp_line_is_furniture() {
        assert_eq!(roles(&[PARA, "13:30", PARA]), [Article, Furniture, Article]);
    }

    #[test]
    fn live_blog_timestamps_keep_their_entries() {
        // Timestamp-headed entries that are most of the page are the article.
        assert_eq!(
            roles(&["Live updates", "09:00", PARA, "10:00", PARA, "11:00", PARA]),
            [
                Heading, Furniture, Article, Furniture, Article, Furniture, Article
            ]
        );
    }

    #[test]
    fn dateline_is_furniture() {
        assert_eq!(single("June 26, 2025"), Furniture);
        assert_eq!(single("Updated: Thu, 26 Jun 2025 10:00 KST"), Furniture);
        assert_eq!(single("2 hours ago"), Furniture);
    }

    #[test]
    fn video_duration_source_cnn() {
        assert_eq!(single("02:07 - Source: CNN"), Caption);
    }

    #[test]
    fn photo_by_in_parentheses() {
        assert_eq!(
            single("Kim Jong Un meets Sergei Shoigu in Pyongyang. (Photo by KCNA via Reuters)"),
            Caption
        );
        assert_eq!(single("(Photo by Jane Roe)"), Caption);
    }

    #[test]
    fn photo_colon_and_getty_images() {
        assert_eq!(single("Photo: Yonhap"), Caption);
        assert_eq!(single("Getty Images"), Caption);
        assert_eq!(
            single("Soldiers march in Pyongyang. John Doe/AFP via Getty Images"),
            Caption
        );
        assert_eq!(single("Video: Troops arrive in Kursk"), Caption);
    }

    #[test]
    fn getty_images_in_a_business_sentence_stays_article() {
        assert_eq!(
            single("Getty Images reported revenue of $1 billion, up 5 percent."),
            Article
        );
    }

    #[test]
    fn sources_credit_line() {
        assert_eq!(single("Sources: Yonhap, Reuters, AP, NBC News"), CreditLine);
        assert_eq!(
            cited_sources("Sources: Yonhap, Reuters, AP, NBC News").unwrap(),
            ["Yonhap", "Reuters", "AP", "NBC News"]
        );
        assert_eq!(cited_sources("Source: KCNA").unwrap(), ["KCNA"]);
        assert_eq!(
            cited_sources("Sumber: Antara dan Reuters").unwrap(),
            ["Antara", "Reuters"]
        );
        assert_eq!(
            cited_sources("(With inputs from Reuters and AFP)").unwrap(),
            ["Reuters", "AFP"]
        );
        assert_eq!(
            cited_sources("SOURCES : AP; Yonhap.").unwrap(),
            ["AP", "Yonhap"]
        );
    }

    #[test]
    fn sources_sentence_is_not_a_credit_line() {
        assert_eq!(
            cited_sources("Sources said the troops had arrived in Kursk."),
            None
        );
        assert_eq!(
            cited_sources(
                "Source: a senior official who asked not to be named because the matter is sensitive"
            ),
            None
        );
        assert_eq!(
            single("Sources said the troops, about 5,000 of them, had arrived."),
            Article
        );
    }

    #[test]
    fn made_and_published_by_credit_line() {
        assert_eq!(
            single(
                "This article is made and published by Jens Asbjørn Bogen, who may have used AI in the preparation"
            ),
            CreditLine
        );
        assert_eq!(
            single("Reporting by Jane Roe; Editing by John Doe"),
            CreditLine
        );
        assert_eq!(single("With agencies"), CreditLine);
        assert_eq!(
            cited_sources("This article is made and published by Jens"),
            None
        );
    }

    #[test]
    fn byline_variants() {
        assert_eq!(single("By: TA | AP Brief"), Byline);
        assert_eq!(single("By Jane Doe"), Byline);
        assert_eq!(single("By JANE DOE and JOHN ROE, Reuters"), Byline);
        assert_eq!(single("By the Associated Press"), Byline);
        assert_eq!(single("Written by Kim Min-jun, staff reporter"), Byline);
        assert_eq!(
            byline_author("By Jane Doe, Reuters").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(byline_author("By: TA | AP Brief").as_deref(), Some("TA"));
    }

    #[test]
    fn by_at_sentence_start_is_not_a_byline() {
        assert_eq!(
            single("By August, North Korea could send more troops."),
            Article
        );
        assert_eq!(
            byline_author("By August, North Korea could send more troops"),
            None
        );
        assert_eq!(
            byline_author("By 2030 the army will have 5,000 more troops"),
            None
        );
    }

    #[test]
    fn subscribe_prompts() {
        assert_eq!(single("Sign up for our newsletter"), Subscribe);
        assert_eq!(
            single("Subscribe to The Daily Planet for $1 a week."),
            Subscribe
        );
        assert_eq!(
            single("Get the latest headlines delivered to your inbox every morning."),
            Subscribe
        );
        assert_eq!(single("Already a subscriber? Log in"), Subscribe);
    }

    #[test]
    fn subscribers_in_a_sentence_stays_article() {
        assert_eq!(
            single("The channel, which has 5 million subscribers, said 1,000 troops were moved."),
            Article
        );
    }

    #[test]
    fn furniture_advertisement_and_share() {
        assert_eq!(single("Advertisement"), Furniture);
        assert_eq!(single("Share this article"), Furniture);
        assert_eq!(
            single("© 2025 The Daily Planet. All rights reserved."),
            Furniture
        );
        assert_eq!(single("5 min read"), Furniture);
    }

    #[test]
    fn heading_short_line_without_punctuation() {
        assert_eq!(roles(&["Expanding cooperation", PARA]), [Heading, Article]);
        assert!(is_heading_like("Kim eyes meeting with Trump"));
        assert!(!is_heading_like("Kim eyes meeting with Trump."));
        assert!(!is_heading_like("“He will seek contact.”"));
        assert!(!is_heading_like("13:30 12:11"));
    }

    #[test]
    fn seed_000_furniture() {
        let blocks = [
            "North Korea has reportedly sent thousands more soldiers to Russia, according to South Korean intelligence officials.",
            "Others are reading now",
            "South Korea’s National Intelligence Service (NIS) told lawmakers that Pyongyang has dispatched about 5,000 military personnel.",
            "Expanding cooperation",
            "Also read",
            "Officials also say that North Korea has been providing Russia with ammunition.",
            "Kim eyes meeting with Trump",
            "He added that the North Korean leader appears to be moderating his tone.",
            "Also read",
            "Sources: Yonhap, Reuters, AP, NBC News",
            "This article is made and published by Jens Asbjørn Bogen, who may have used AI in the preparation",
        ];
        assert_eq!(
            roles(&blocks),
            [
                Article, Related, Article, Heading, Related, Article, Heading, Article, Related,
                CreditLine, CreditLine
            ]
        );
    }

    #[test]
    fn prose_that_starts_like_furniture_stays_article() {
        for paragraph in [
            "Comments on the proposal closed Friday, with 5,000 submissions.",
            "12 responses to the survey were received by the ministry.",
            "No comment.",
            "Reuters/Ipsos polling found 40 percent of voters approved.",
            "(Reuters) - North Korea has sent 1,000 more engineers to Russia.",
            "SEOUL (AFP) - About 5,000 troops were sent, officials said.",
            "Related-party transactions rose 5 percent last year.",
            "Copyright infringement cases rose 12 percent in 2024.",
            "Reporting by the BBC showed that 5,000 troops were sent.",
            "Readers who subscribe to the print edition fell by 5,000.",
            "Newsletter editor Jane Roe said 3,000 readers had written in.",
            "The AP/AFP tally put the toll at 40.",
        ] {
            assert_eq!(single(paragraph), Article, "{paragraph}");
        }
    }

    #[test]
    fn no_comment_quote_does_not_open_a_comment_section() {
        assert_eq!(
            roles(&[PARA, "No comment.", PARA]),
            [Article, Article, Article]
        );
    }

    #[test]
    fn what_do_you_think_is_a_prompt_not_a_section() {
        assert_eq!(
            roles(&[PARA, "What do you think?", PARA]),
            [Article, Comments, Article]
        );
    }

    #[test]
    fn wordpress_thoughts_on_title() {
        assert_eq!(single("2 thoughts on “North Korea sends troops”"), Comments);
        assert_eq!(single("No comments yet"), Comments);
        assert_eq!(single("No Comments"), Comments);
    }

    #[test]
    fn agency_slash_photographer_credit() {
        assert_eq!(
            single("North Korean soldiers parade in Pyongyang. REUTERS/Kim Hong-Ji"),
            Caption
        );
        assert_eq!(single("Soldiers march in Pyongyang. Ed Jones/AFP"), Caption);
        // A name of four words after the agency still ends a credit; five do not.
        assert_eq!(
            single("Soldiers march in Pyongyang. REUTERS/Kim Hong Ji Park"),
            Caption
        );
        assert_ne!(
            single("Soldiers march in Pyongyang. REUTERS/Kim Hong Ji Park Lee"),
            Caption
        );
    }

    #[test]
    fn every_photo_agency_ends_with_a_slash() {
        // ends_with_agency_credit looks for the agencies only after a "/".
        assert!(PHOTO_AGENCIES.iter().all(|a| a.ends_with('/')));
    }

    #[test]
    fn a_clock_starts_with_its_hour() {
        assert!(is_clock("02:07") && is_clock("9.30pm") && is_clock("23:59:01"));
        assert!(!is_clock("pm02:07") && !is_clock(":07") && !is_clock("24:00"));
        assert!(is_video_source("02:07 - Source: CNN"));
        assert!(!is_video_source("Video 02:07 - Source: CNN"));
    }

    #[test]
    fn copyright_notice_and_journalist_credit() {
        assert_eq!(single("Copyright 2025 The Daily Planet"), Furniture);
        assert_eq!(
            single("Reporting by Hyonhee Shin; Editing by Ed Davies"),
            CreditLine
        );
        assert_eq!(
            single("Additional reporting by Jane Roe in Kyiv"),
            CreditLine
        );
    }

    #[test]
    fn rules_are_reported() {
        let detailed = classify_detailed(&[PARA, "5 Comments", "Jane"]);
        assert_eq!(detailed[1].rule, "comment-count");
        assert_eq!(detailed[2].rule, "comment-section");
        assert_eq!(detailed[0].rule, "article");
    }

    #[test]
    fn role_names_serialize_kebab_case() {
        assert_eq!(
            serde_json::to_string(&CreditLine).unwrap(),
            "\"credit-line\""
        );
        assert_eq!(CreditLine.to_string(), "credit-line");
    }
}
