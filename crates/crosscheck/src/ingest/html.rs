//! HTML pages, parsed with `scraper` (html5ever, the browsers' parsing algorithm).
//!
//! **Blocks.** `h1`–`h6` are headings, `li` list items, `blockquote` quotes,
//! `figcaption` captions, and `p`, `div`, `td` and the other block elements
//! paragraphs; inline elements join into the block around them and `<br>`
//! breaks a block. The walk uses an explicit stack, so nesting depth cannot
//! overflow it.
//!
//! **Dropped silently:** `script`, `style`, `noscript`, `template`, `iframe`,
//! `svg`, `nav`, `form` and form controls, `footer`, media, hidden elements
//! (`hidden`, `aria-hidden="true"`, inline `display:none`), ARIA navigation,
//! banner and content-info regions, and a `header` that holds no `h1`.
//!
//! **Kept as skipped blocks** (in the text, with a decided role, never
//! classified as article) so an editor can see what was excluded: `aside` and
//! `role="complementary"` (related), and elements whose `class` or `id` words
//! name a widget — `comments`, `disqus`, `respond` (comments); `related`,
//! `recommended`, `sidebar`, `popular`, `trending`, `most-read`, `outbrain`,
//! `taboola` (related); `newsletter`, `subscribe`, `signup` (subscribe);
//! `share`, `social`, `ad`, `promo`, `sponsor`, `cookie`, `breadcrumb`
//! (furniture); `byline`, `author` (byline). Class tokens that describe a
//! state or a taxonomy (`has-sidebar`, `no-comments`, `tag-related`,
//! `category-comment`, …) are ignored, and so are classes on `html`, `body`,
//! `main`, `article` and the `articleBody` element, which are content.
//!
//! **Nesting.** html5ever's tree builder looks through the stack of open
//! elements at many start tags, so a page nested thousands of levels deep
//! would take time quadratic in its depth. Before parsing, a linear scan of
//! the tags (`limit_nesting`) drops the start and end tags of elements
//! nested deeper than [`MAX_DEPTH`] levels (their text is kept, joined into
//! the block around them) and the document gets a warning. Real pages are a
//! few dozen levels deep.
//!
//! **Metadata.** Title from `og:title`, JSON-LD `headline`, `<title>`, the
//! first `h1`; outlet from `og:site_name`, JSON-LD `publisher.name`,
//! `application-name`; URL from `<link rel="canonical">`, `og:url`; author from
//! `<meta name="author">`, JSON-LD `author`; published date from
//! `article:published_time`, JSON-LD `datePublished`, `<meta name="date">` and
//! its kin, then the first `<time datetime>`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use crosscheck_claims::boilerplate::BlockRole;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::date::parse_published;
use crate::document::{BlockKind, Document, Metadata, RawBlock, one_line};

pub(crate) fn parse_html(doc: Document, source: &str) -> Document {
    let mut errors = Vec::new();
    let source = limit_nesting(source, MAX_DEPTH);
    if let Cow::Owned(_) = source {
        errors.push(format!(
            "HTML nested deeper than {MAX_DEPTH} levels: the tags below that depth were ignored (their text is kept)"
        ));
    }
    let page = Html::parse_document(&source);
    let meta = metadata(&page, &mut errors);
    let blocks = blocks(&page);
    let mut doc = doc.assemble(meta, blocks);
    doc.errors.extend(errors);
    doc
}

/// The deepest nesting of elements `limit_nesting` keeps.
pub const MAX_DEPTH: usize = 256;

/// Elements without an end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out (a `<p>` closed by the next
/// `<p>`), and headings (an `<h2>` closes an open `<h1>`): the scan cannot
/// count them reliably, they do not nest deeply in the tree builder, and a
/// heading kept below the limit keeps its `header` as the page's title.
const UNCOUNTED_TAGS: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "h1", "h2", "h3", "h4", "h5",
    "h6",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `source` without the start and end tags of elements nested more than
/// `max` deep, found by a linear scan of the tags (comments, doctypes and the
/// content of `script`, `style` and the other raw-text elements are skipped;
/// void elements, headings and elements whose end tag is optional are not
/// counted).
/// Borrowed when nothing is dropped.
pub(crate) fn limit_nesting(source: &str, max: usize) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    // Byte ranges of the tags to drop.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // `<!doctype`, `<?xml`, a stray `<`: skip past it.
            i = at + 1;
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        let counted =
            !VOID_TAGS.contains(&name.as_str()) && !UNCOUNTED_TAGS.contains(&name.as_str());
        if closing {
            if counted && depth > 0 {
                if depth > max {
                    drop.push((at, end));
                }
                depth -= 1;
            }
        } else {
            if counted {
                depth += 1;
                if depth > max {
                    drop.push((at, end));
                }
            }
            if RAW_TEXT_TAGS.contains(&name.as_str()) {
                // Skip the content up to the end tag, which is seen next.
                let close = format!("</{name}");
                i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
        }
        i = end;
    }
    if drop.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for (start, end) in drop {
        out.push_str(&source[from..start]);
        from = end;
    }
    out.push_str(&source[from..]);
    Cow::Owned(out)
}

/// One past the `>` that ends the tag whose attributes start at `from`
/// (quoted attribute values may hold `>`); the end of the text when none does.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (n, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + n + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// The first `needle` (ASCII, lower case) at or after `from`, in any case.
fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|n| from + n)
}

fn selector(css: &str) -> Selector {
    // The selectors are constants of this module, checked by its tests.
    Selector::parse(css).unwrap_or_else(|_| panic!("invalid built-in selector {css}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=\"canonical\"]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static LD_JSON: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\"]"));

// ---------------------------------------------------------------- metadata

fn metadata(page: &Html, errors: &mut Vec<String>) -> Metadata {
    let mut tags: Vec<(String, String)> = Vec::new();
    for el in page.select(&META) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            let content = one_line(content);
            if !content.is_empty() {
                tags.push((key.trim().to_ascii_lowercase(), content));
            }
        }
    }
    let tag = |names: &[&str]| -> Option<String> {
        names
            .iter()
            .find_map(|n| tags.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
    };
    let ld = json_ld_article(page);
    let ld_str = |key: &str| ld.as_ref().and_then(|v| text_of(v.get(key)?));
    let first_text = |sel: &Selector| {
        page.select(sel)
            .map(|el| one_line(&el.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };

    let title = tag(&["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| first_text(&TITLE))
        .or_else(|| first_text(&H1));
    let outlet = tag(&["og:site_name"])
        .or_else(|| {
            ld.as_ref()
                .and_then(|v| v.get("publisher"))
                .and_then(text_of)
        })
        .or_else(|| tag(&["application-name"]));
    let url = page
        .select(&CANONICAL)
        .find_map(|el| el.attr("href").map(one_line))
        .filter(|u| !u.is_empty())
        .or_else(|| tag(&["og:url"]))
        .or_else(|| ld_str("url"));
    let author = tag(&["author", "parsely-author", "sailthru.author", "dc.creator"])
        .or_else(|| ld.as_ref().and_then(|v| v.get("author")).and_then(text_of))
        .or_else(|| tag(&["article:author"]).filter(|a| !a.starts_with("http")));

    let mut date_candidates: Vec<String> = Vec::new();
    date_candidates.extend(tag(&[
        "article:published_time",
        "og:article:published_time",
    ]));
    date_candidates.extend(ld_str("datePublished"));
    date_candidates.extend(tag(&[
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
    ]));
    date_candidates.extend(
        page.select(&TIME)
            .filter_map(|el| el.attr("datetime"))
            .map(one_line)
            .take(1),
    );
    let published = date_candidates.iter().find_map(|d| parse_published(d));
    if published.is_none() {
        if let Some(first) = date_candidates.first() {
            errors.push(format!("unrecognised publication date \"{first}\""));
        }
    }
    Metadata {
        title,
        outlet,
        url,
        author,
        published,
    }
}

/// The first JSON-LD object typed as an article (searching arrays and `@graph`).
fn json_ld_article(page: &Html) -> Option<Value> {
    page.select(&LD_JSON).find_map(|el| {
        let json: Value = serde_json::from_str(&el.text().collect::<String>()).ok()?;
        find_article(&json).cloned()
    })
}

fn find_article(v: &Value) -> Option<&Value> {
    const TYPES: &[&str] = &[
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    ];
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                Some(v)
            } else {
                map.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// A JSON-LD value as text: a string, an object's `name`, a list joined by ", ".
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => one_line(s),
        Value::Object(map) => return map.get("name").and_then(text_of),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            parts.join(", ")
        }
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

// ------------------------------------------------------------------ blocks

/// What encloses the text being gathered.
#[derive(Clone, Copy, PartialEq)]
struct Context {
    kind: BlockKind,
    role: Option<(BlockRole, &'static str)>,
}

/// One step of the depth-first walk.
enum Step<'a> {
    /// Open an element.
    Enter(ElementRef<'a>),
    /// A text node's text.
    Text(&'a str),
    /// Close an element: the context outside it, and whether it was a block.
    Exit(Context, bool),
}

const BLOCK_TAGS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "header",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "details",
    "summary",
    "center",
    "aside",
    "hgroup",
    "fieldset",
    "legend",
];

const DROP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "nav",
    "form", "button", "select", "input", "textarea", "label", "option", "footer", "object",
    "embed", "video", "audio", "picture", "source", "track", "map", "dialog", "menu", "link",
    "meta", "title", "img",
];

fn blocks(page: &Html) -> Vec<RawBlock> {
    let titled = headers_with_h1(page);
    let mut out = Vec::new();
    let mut buffer = String::new();
    let mut context = Context {
        kind: BlockKind::Paragraph,
        role: None,
    };
    let mut stack = vec![Step::Enter(page.root_element())];
    while let Some(step) = stack.pop() {
        let el = match step {
            Step::Text(text) => {
                buffer.push_str(text);
                continue;
            }
            Step::Exit(outer, is_block) => {
                if is_block {
                    flush(&mut buffer, context, &mut out);
                }
                context = outer;
                continue;
            }
            Step::Enter(el) => el,
        };
        let name = el.value().name();
        if dropped(el, &titled) {
            continue;
        }
        if name == "br" || name == "hr" {
            flush(&mut buffer, context, &mut out);
            continue;
        }
        let inner = Context {
            kind: kind_of(el, context.kind),
            role: context.role.or_else(|| decided_role(el)),
        };
        // An inline element that changes the role or kind is a block of its own.
        let is_block =
            BLOCK_TAGS.contains(&name) || inner.role != context.role || inner.kind != context.kind;
        if is_block {
            flush(&mut buffer, context, &mut out);
        }
        stack.push(Step::Exit(context, is_block));
        context = inner;
        let children: Vec<Step> = el
            .children()
            .filter_map(|child| match child.value() {
                Node::Text(text) => Some(Step::Text(&text[..])),
                Node::Element(_) => ElementRef::wrap(child).map(Step::Enter),
                _ => None,
            })
            .collect();
        stack.extend(children.into_iter().rev());
    }
    flush(&mut buffer, context, &mut out);
    out
}

/// Emit the gathered text as a block (if any) and clear it.
fn flush(buffer: &mut String, context: Context, out: &mut Vec<RawBlock>) {
    let text = one_line(buffer);
    buffer.clear();
    if text.is_empty() {
        return;
    }
    let mut block = RawBlock::new(text, context.kind);
    if let Some((role, rule)) = context.role {
        block = block.with_role(role, rule);
    }
    out.push(block);
}

/// The `header` elements that hold an `h1`, found in one pass over the
/// `h1`s and their ancestors (each node visited once, however deep the
/// headers nest).
fn headers_with_h1(page: &Html) -> HashSet<NodeId> {
    let mut seen = HashSet::new();
    let mut headers = HashSet::new();
    for h1 in page.select(&H1) {
        for node in h1.ancestors() {
            if !seen.insert(node.id()) {
                break;
            }
            if node
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "header")
            {
                headers.insert(node.id());
            }
        }
    }
    headers
}

/// Elements whose content is never text of the page. `titled` holds the
/// `header` elements that hold an `h1` ([`headers_with_h1`]).
fn dropped(el: ElementRef<'_>, titled: &HashSet<NodeId>) -> bool {
    let e = el.value();
    let name = e.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if name == "header" && !titled.contains(&el.id()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    matches!(
        e.attr("role")
            .map(|r| r.trim().to_ascii_lowercase())
            .as_deref(),
        Some(
            "navigation"
                | "banner"
                | "contentinfo"
                | "search"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
        )
    )
}

/// The block kind inside `el`, given the kind around it.
fn kind_of(el: ElementRef<'_>, outer: BlockKind) -> BlockKind {
    match el.value().name() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        "blockquote" => BlockKind::Quote,
        _ if class_words(el)
            .iter()
            .any(|w| w == "caption" || w == "figcaption") =>
        {
            BlockKind::Caption
        }
        _ => outer,
    }
}

/// A role the markup decides for everything inside `el`.
fn decided_role(el: ElementRef<'_>) -> Option<(BlockRole, &'static str)> {
    let e = el.value();
    let name = e.name();
    if name == "aside" {
        return Some((BlockRole::Related, "html-aside"));
    }
    if e.attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("complementary"))
    {
        return Some((BlockRole::Related, "html-complementary"));
    }
    if matches!(name, "html" | "body" | "main" | "article")
        || e.attr("itemprop")
            .is_some_and(|p| p.contains("articleBody"))
        || e.attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    {
        return None;
    }
    class_role(&class_words(el))
}

/// Words of an element's `id` and `class` tokens (`comment-list` → `comment`,
/// `list`; `relatedPosts` → `related`, `posts`), plus each token's words
/// joined (`readnext`), skipping tokens that describe a state or a taxonomy.
fn class_words(el: ElementRef<'_>) -> Vec<String> {
    const STATE_PREFIXES: &[&str] = &[
        "has", "is", "no", "with", "without", "hide", "hidden", "show", "tag", "category", "js",
        "not", "can", "enable", "disable", "disabled", "enabled", "open", "closed",
    ];
    let e = el.value();
    let mut words = Vec::new();
    for token in e.id().into_iter().chain(e.classes()) {
        let parts = split_words(token);
        if parts
            .first()
            .is_some_and(|w| STATE_PREFIXES.contains(&w.as_str()))
        {
            continue;
        }
        if parts.len() > 1 {
            words.push(parts.concat());
        }
        words.extend(parts);
    }
    words
}

fn split_words(token: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn class_role(words: &[String]) -> Option<(BlockRole, &'static str)> {
    const RULES: &[(&[&str], BlockRole, &str)] = &[
        (
            &[
                "comment",
                "comments",
                "commentlist",
                "disqus",
                "respond",
                "replies",
                "discussion",
                "komentar",
                "comentarios",
            ],
            BlockRole::Comments,
            "html-class:comments",
        ),
        (
            &[
                "related",
                "recommended",
                "recommendation",
                "recommendations",
                "recirc",
                "recirculation",
                "readnext",
                "alsoread",
                "mostread",
                "mostpopular",
                "morestories",
                "popular",
                "trending",
                "sidebar",
                "outbrain",
                "taboola",
                "youmaylike",
            ],
            BlockRole::Related,
            "html-class:related",
        ),
        (
            &["newsletter", "subscribe", "subscription", "signup"],
            BlockRole::Subscribe,
            "html-class:subscribe",
        ),
        (
            &[
                "share",
                "sharing",
                "sharebar",
                "social",
                "ad",
                "ads",
                "advert",
                "advertisement",
                "adslot",
                "dfp",
                "sponsor",
                "sponsored",
                "promo",
                "promotion",
                "cookie",
                "cookies",
                "consent",
                "gdpr",
                "breadcrumb",
                "breadcrumbs",
                "navbar",
                "navigation",
                "toolbar",
                "pagination",
                "modal",
                "popup",
                "overlay",
            ],
            BlockRole::Furniture,
            "html-class:furniture",
        ),
        (
            &["byline", "author", "authors"],
            BlockRole::Byline,
            "html-class:byline",
        ),
    ];
    RULES.iter().find_map(|(names, role, rule)| {
        words
            .iter()
            .any(|w| names.contains(&w.as_str()))
            .then_some((*role, *rule))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn parse(source: &str) -> Document {
        parse_html(Document::empty("h", "h.html", Format::Html), source)
    }

    fn blocks_of(doc: &Document) -> Vec<(&str, BlockKind, BlockRole)> {
        doc.blocks
            .iter()
            .map(|b| (doc.block_text(b), b.kind, b.role))
            .collect()
    }

    #[test]
    fn built_in_selectors_parse() {
        for s in [&META, &TITLE, &H1, &CANONICAL, &TIME, &LD_JSON] {
            LazyLock::force(s);
        }
    }

    #[test]
    fn paragraphs_headings_and_inline_text() {
        let doc = parse(
            "<html><body><h1>Troops <em>sent</em></h1><p>About <b>5,000</b> troops<br>were sent.</p><div>Loose text<p>inner</p>tail</div></body></html>",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
        assert_eq!(
            texts,
            [
                "Troops sent",
                "About 5,000 troops",
                "were sent.",
                "Loose text",
                "inner",
                "tail"
            ]
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.title.as_deref(), Some("Troops sent"));
    }

    #[test]
    fn dropped_elements_leave_no_text() {
        let doc = parse(
            "<body><nav>Home World</nav><script>var x = '5,000';</script><style>p{}</style><p>Kept.</p><footer>© Outlet</footer><p hidden>Hidden</p><div style='display: none'>Gone</div><form><label>Email</label></form></body>",
        );
        assert_eq!(doc.text, "Kept.");
    }

    #[test]
    fn widgets_become_skipped_blocks() {
        let doc = parse(
            "<body><article><p>Officials said 5,000 troops were sent.</p></article>\
             <aside><h3>Read next</h3><p>Teaser with 10 rockets.</p></aside>\
             <section id=\"comments\"><h2>3 Comments</h2><p>I doubt it.</p></section>\
             <div class=\"newsletter-box\"><p>Get the briefing.</p></div>\
             <div class=\"share-tools\">Share</div></body>",
        );
        let roles: Vec<BlockRole> = doc.blocks.iter().map(|b| b.role).collect();
        assert_eq!(
            roles,
            [
                BlockRole::Article,
                BlockRole::Related,
                BlockRole::Related,
                BlockRole::Comments,
                BlockRole::Comments,
                BlockRole::Subscribe,
                BlockRole::Furniture
            ]
        );
    }

    #[test]
    fn state_and_taxonomy_classes_are_not_widgets() {
        let doc = parse(
            "<body class=\"single comments-open\"><div class=\"post has-sidebar tag-related category-comment\"><p>Officials said 5,000 troops were sent.</p></div></body>",
        );
        assert_eq!(doc.blocks[0].role, BlockRole::Article);
    }

    #[test]
    fn article_element_classes_are_content() {
        let doc = parse(
            "<article class=\"related-post\"><p>Officials said 5,000 troops were sent.</p></article>",
        );
        assert_eq!(doc.blocks[0].role, BlockRole::Article);
    }

    #[test]
    fn figcaption_and_caption_class_are_captions() {
        let doc = parse(
            "<figure><img src=x alt=y><figcaption>Soldiers march in Pyongyang. (Photo by Jane Roe)</figcaption></figure><div class=\"wp-caption-text\">Seoul skyline</div>",
        );
        assert_eq!(
            blocks_of(&doc),
            [
                (
                    "Soldiers march in Pyongyang. (Photo by Jane Roe)",
                    BlockKind::Caption,
                    BlockRole::Caption
                ),
                ("Seoul skyline", BlockKind::Caption, BlockRole::Caption)
            ]
        );
    }

    #[test]
    fn class_words_split_camel_case_and_dashes() {
        assert_eq!(split_words("relatedPosts"), ["related", "posts"]);
        assert_eq!(split_words("comment-list_v2"), ["comment", "list", "v2"]);
        assert_eq!(
            class_role(&["readnext".into()]).map(|r| r.0),
            Some(BlockRole::Related)
        );
        assert_eq!(class_role(&["commentary".into()]), None);
        assert_eq!(class_role(&["header".into()]), None);
    }

    #[test]
    fn metadata_from_open_graph_and_json_ld() {
        let doc = parse(
            r#"<html><head><title>Troops - The Planet</title>
            <meta property="og:title" content="Troops sent">
            <meta property="og:site_name" content="The Planet">
            <link rel="canonical" href="https://planet.test/troops">
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"LD headline","datePublished":"2025-06-26T10:00:00+09:00","author":[{"@type":"Person","name":"Jane Roe"},{"name":"Kim Min"}],"publisher":{"name":"LD Planet"}}]}</script>
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(doc.title.as_deref(), Some("Troops sent"));
        assert_eq!(doc.outlet.as_deref(), Some("The Planet"));
        assert_eq!(doc.url.as_deref(), Some("https://planet.test/troops"));
        assert_eq!(doc.author.as_deref(), Some("Jane Roe, Kim Min"));
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 6, 26)));
    }

    #[test]
    fn metadata_fallbacks_title_and_time() {
        let doc = parse(
            "<html><head><title> Plain   title </title></head><body><time datetime=\"2025-06-26\">Thursday</time><p>Text.</p></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("Plain title"));
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 6, 26)));
    }

    #[test]
    fn unparsable_date_is_a_warning() {
        let doc = parse(
            "<meta property=\"article:published_time\" content=\"yesterday-ish\"><p>Text.</p>",
        );
        assert_eq!(doc.published, None);
        assert!(doc.errors[0].contains("yesterday-ish"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 5_000;
        let source = format!(
            "{}Deep text.{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = parse(&source);
        assert_eq!(doc.text, "Deep text.");
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened_with_a_warning() {
        let depth = MAX_DEPTH + 50;
        let source = format!(
            "<html><body>{}<p>Deep <b>text</b>.</p>{}<p>After.</p></body></html>",
            "<div class=\"a>b\">".repeat(depth),
            "</div>".repeat(depth)
        );
        let limited = limit_nesting(&source, MAX_DEPTH);
        assert_eq!(limited.matches("<div").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        let doc = parse(&source);
        assert_eq!(doc.text, "Deep text.\n\nAfter.");
        assert!(
            doc.errors[0].contains("nested deeper than 256 levels"),
            "{:?}",
            doc.errors
        );
        // Shallow pages, raw text and comments are left alone.
        for page in [
            "<div><p>One<p>Two<ul><li>a<li>b</ul></div>",
            "<script>if (a < b) { x = '<div><div>'; }</script><!-- <div> -->",
            "<!doctype html><div title='>'><br/><img src=x></div>",
        ] {
            assert!(matches!(limit_nesting(page, 2), Cow::Borrowed(_)), "{page}");
        }
        // Unclosed and stray tags never make the scan fail.
        for page in ["<div", "<div title=\"", "</div></div><", "<script>", "<!--"] {
            let _ = limit_nesting(page, 1);
        }
    }

    #[test]
    fn nested_headers_are_decided_in_one_pass() {
        let doc = parse(&format!(
            "<body>{}<h1>Title</h1><p>Body 5,000.</p>{}<header><p>Menu</p></header></body>",
            "<header>".repeat(100),
            "</header>".repeat(100)
        ));
        assert_eq!(doc.text, "Title\n\nBody 5,000.");
    }

    #[test]
    fn garbage_does_not_panic() {
        for source in [
            "",
            "<",
            "<<<>>>",
            "<p",
            "</p></div>",
            "\u{0}\u{feff}<p>x",
            "<script>",
            "<!--",
        ] {
            let _ = parse(source);
        }
    }
}
