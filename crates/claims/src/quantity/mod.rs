//! The quantity grammar: every numeric expression in a text, with its byte
//! span, interval, kind, qualifier and unit.
//!
//! [`find`] scans the text once. Most bytes are not numbers, so the scanner
//! only stops at word starts that can begin a figure — a digit, a currency
//! sign, `~`, or a word on a short trigger list (number words, qualifiers,
//! vague magnitudes, capitalised month names) — and runs the nom rules
//! there. A prefix word such as "about" or "a" only triggers the rules when a
//! digit or number word follows within a few words.
//!
//! Each rule lives in its own module with tests named for the phrases it
//! handles: [`numeral`](self) digits and multipliers, `words` written
//! numbers, `qualifier`, `vague`, `share` (percentages and fractions),
//! `money`, `calendar` (years, dates, times), and `expr`, which composes
//! them. Position-dependent typing (list numbering, "Resolution 2231",
//! "no one", years versus counts) happens here, where the text before the
//! figure is visible.
//!
//! The scan is the hot path, and allocates nothing but the result: `trigger`
//! classifies a word with one probe of a table built at compile time and
//! finds word ends eight bytes at a time; the look-ahead after a prefix word
//! is put off until something that may start a figure comes (`Deferred`);
//! and the phrase lists the rules try (`lex::phrases`) reject most phrases
//! on their first bytes with one comparison. `benches/quantities.rs`
//! measures it against a digit scan.

mod calendar;
mod expr;
mod lex;
mod model;
mod money;
mod numeral;
mod qualifier;
mod share;
mod trigger;
mod vague;
mod words;

pub use model::{Currency, Kind, Qualifier, Quantity, Unit};

use expr::{Figure, figure};
use numeral::Form;
use trigger::{MONTH, NUMBER, PREFIX, ascii_word, is_number_word, word_flags};

/// Every numeric expression in `text`, in order, non-overlapping.
///
/// ```
/// use crosscheck_claims::quantity::{find, Kind};
///
/// let text = "Kim agreed to send 1,000 sappers on June 17.";
/// let found = find(text);
/// assert_eq!(found[0].text(text), "1,000");
/// assert_eq!(found[1].kind, Kind::Date);
/// ```
pub fn find(text: &str) -> Vec<Quantity> {
    scan(text, Deferred::default())
}

/// [`find`], with prefix words deferred as `ahead` allows.
fn scan(text: &str, mut ahead: Deferred) -> Vec<Quantity> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Steps that only move on: words and characters the rules ignore.
        // Each is also a step of the look-ahead of deferred prefix words.
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => {
                let (ascii_end, first_digit) = ascii_word(bytes, i);
                match letter_word(bytes, i, ascii_end, first_digit) {
                    Word::Plain => {
                        ahead.word();
                        i = ascii_end;
                        continue;
                    }
                    Word::Prefix if i >= ahead.eager_until => {
                        ahead.word();
                        ahead.defer(i);
                        i = ascii_end;
                        continue;
                    }
                    _ => {}
                }
            }
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b'-' | b'.' if !sign_or_point_starts(text, i) => {
                if b == b'.' {
                    ahead.stop();
                }
                i += 1;
                continue;
            }
            0x80.. => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !(matches!(c, '€' | '£' | '¥' | '₩' | '₽' | '₹' | '₴')
                    || (c == '−' && sign_or_point_starts(text, i)))
                {
                    if c != '\u{a0}' {
                        ahead.stop();
                    }
                    i = at_non_ascii(text, i, &mut out);
                    continue;
                }
            }
            b'0'..=b'9' | b'$' | b'~' | b'-' | b'.' => {}
            _ => {
                ahead.stop();
                i += 1;
                continue;
            }
        }
        // Everything else may record a figure. A deferred prefix word whose
        // look-ahead reaches here may start one first: scan again from the
        // earliest, deciding prefix words as they come.
        if let Some(start) = ahead.rewind(i) {
            i = start;
            continue;
        }
        i = match b {
            b'0'..=b'9' => at_digit(text, i, &mut out),
            b'a'..=b'z' | b'A'..=b'Z' => {
                let run = ascii_word(bytes, i);
                at_letter(text, i, run, &mut out)
            }
            b'$' | b'~' | b'-' | b'.' => try_figure(text, i, &mut out).unwrap_or(i + 1),
            _ => at_non_ascii(text, i, &mut out),
        };
    }
    out
}

/// Prefix words ("a", "in", "about") whose [`number_ahead`] is put off.
/// Most are followed by no number, and the words the scanner steps over
/// anyway tell the same: a deferred word is settled false after four plain
/// words or at a character that stops the look-ahead. Only when the scanner
/// reaches something that may start a figure (a digit, a number word, a
/// currency sign) while a deferred word's four words are not used up does
/// it go back to that word and decide it with [`number_ahead`], as if it had
/// never deferred: nothing has been recorded since.
#[derive(Default)]
struct Deferred {
    /// Words stepped over while a word is deferred.
    words: usize,
    /// Up to four deferred words, a ring from `first`, earliest first:
    /// where each starts and `words` after it.
    pending: [(usize, usize); 4],
    first: usize,
    len: usize,
    /// Prefix words before this are decided at once: the stretch scanned again.
    eager_until: usize,
}

impl Deferred {
    /// Deciding every prefix word at once, as [`find`] did before deferring:
    /// what the tests compare with.
    #[cfg(test)]
    fn never() -> Deferred {
        Deferred {
            eager_until: usize::MAX,
            ..Deferred::default()
        }
    }

    /// A word the look-ahead passes over without finding a number.
    fn word(&mut self) {
        if self.len > 0 {
            self.words += 1;
            // The earliest deferred words have now looked four words ahead.
            while self.len > 0 && self.words - self.pending[self.first].1 >= 4 {
                self.first = (self.first + 1) % 4;
                self.len -= 1;
            }
        }
    }

    fn defer(&mut self, start: usize) {
        debug_assert!(self.len < 4, "a fifth word would have used up the first");
        self.pending[(self.first + self.len) % 4] = (start, self.words);
        self.len += 1;
    }

    /// A character that ends the look-ahead: every deferred word is settled.
    fn stop(&mut self) {
        self.len = 0;
    }

    /// Where to scan again from before acting at `i`, if anywhere.
    fn rewind(&mut self, i: usize) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        self.len = 0;
        self.eager_until = i;
        Some(self.pending[self.first].0)
    }
}

/// What a word starting with an ASCII letter is to the scanner.
enum Word {
    /// ASCII letters only, on no trigger list, not a link, not before "$":
    /// the rules have nothing to do with it.
    Plain,
    /// As plain, but on the prefix list only: it starts a figure when a
    /// number follows.
    Prefix,
    /// Anything else: [`at_letter`] decides.
    Other,
}

#[inline]
fn letter_word(bytes: &[u8], i: usize, end: usize, first_digit: usize) -> Word {
    let n = end - i;
    if first_digit != end
        || bytes.get(end).is_some_and(|&b| !b.is_ascii() || b == b'$')
        || is_link(&bytes[i..end], &bytes[end..])
    {
        return Word::Other;
    }
    match if n > 16 { 0 } else { word_flags(bytes, i, n) } {
        0 => Word::Plain,
        PREFIX => Word::Prefix,
        _ => Word::Other,
    }
}

/// Links are not prose: "https://example.com/?q=30%25" holds no figures.
fn is_link(w: &[u8], after: &[u8]) -> bool {
    ((w == b"http" || w == b"https") && after.starts_with(b"://"))
        || (w == b"www" && after.starts_with(b"."))
}

/// A character outside ASCII: a currency sign or a minus sign may start a
/// figure; a letter or digit of another script starts a word to step over.
fn at_non_ascii(text: &str, i: usize, out: &mut Vec<Quantity>) -> usize {
    let c = text[i..].chars().next().unwrap_or(' ');
    if matches!(c, '€' | '£' | '¥' | '₩' | '₽' | '₹' | '₴')
        || (c == '−' && sign_or_point_starts(text, i))
    {
        try_figure(text, i, out).unwrap_or(i + c.len_utf8())
    } else if lex::is_alphanumeric(c) {
        word_end(text, i)
    } else {
        i + c.len_utf8()
    }
}

/// The qualifier phrase at the start of a figure's text, as written:
/// "roughly" in "roughly 15,000", "an estimated" in "an estimated 11,000".
///
/// ```
/// assert_eq!(crosscheck_claims::quantity::leading_qualifier("Another about 5"), Some("about"));
/// ```
pub fn leading_qualifier(figure_text: &str) -> Option<&str> {
    let rest = qualifier::increment(figure_text).map_or(figure_text, |(r, _)| r);
    let (after, _) = qualifier::prefix_qualifier(rest).ok()?;
    Some(rest[..rest.len() - after.len()].trim_end())
}

/// A minus sign or a leading decimal point that starts a number: "-5",
/// "− 1", ".77" — after a space, bracket or the start, never inside a
/// word ("Su-27") or a number ("1.5").
fn sign_or_point_starts(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ',' | '/')) {
        return false;
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let rest = &text[i + c.len_utf8()..];
    if c == '.' {
        return rest.starts_with(|d: char| d.is_ascii_digit());
    }
    rest.trim_start_matches(' ')
        .starts_with(|d: char| d.is_ascii_digit() || d == '.')
}

/// End of the word starting at `i`: letters and digits of any script.
fn word_end(text: &str, i: usize) -> usize {
    // ASCII bytes decide for themselves; decode only from the first non-ASCII one.
    let (ascii, _) = ascii_word(text.as_bytes(), i);
    if text.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        return ascii;
    }
    text[ascii..]
        .char_indices()
        .find(|&(_, c)| !lex::is_alphanumeric(c))
        .map_or(text.len(), |(n, _)| ascii + n)
}

/// End of an identifier-like token: alphanumerics joined by `-`, `.` or `/`.
fn token_end(text: &str, i: usize) -> usize {
    let mut end = word_end(text, i);
    loop {
        let rest = &text[end..];
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('-' | '.' | '/'), Some(c)) if c.is_alphanumeric() => {
                end = word_end(text, end + 1);
            }
            _ => return end,
        }
    }
}

/// The longest word [`prev_word`] looks back over, in characters: no label
/// or name is longer, and a bound keeps the scan linear on runs such as
/// `1.1.1.1…` where every figure would otherwise look back to the start.
const PREV_WORD_MAX: usize = 64;

/// The word before `i`, skipping horizontal spaces; empty at the start, and
/// when the word is longer than [`PREV_WORD_MAX`] characters.
fn prev_word(text: &str, i: usize) -> (&str, usize) {
    let before = text[..i].trim_end_matches([' ', '\u{a0}', '\t']);
    let mut start = 0;
    for (n, (at, c)) in before.char_indices().rev().enumerate() {
        if !(c.is_alphanumeric() || c == '.' || c == '#') {
            start = at + c.len_utf8();
            break;
        }
        if n >= PREV_WORD_MAX {
            return ("", before.len());
        }
    }
    (&before[start..], start)
}

fn at_line_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

fn at_digit(text: &str, i: usize, out: &mut Vec<Quantity>) -> usize {
    // "Su-27", "COVID-19", "F-16": the digits belong to a name.
    if text[..i].ends_with('-') {
        let (w, start) = prev_word(text, i - 1);
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        if !letters.is_empty()
            && letters.chars().all(|c| c.is_alphabetic())
            && ![
                "mid", "pre", "post", "early", "late", "end", "since", "circa",
            ]
            .iter()
            .any(|p| letters.eq_ignore_ascii_case(p))
            && start + w.len() == i - 1
        {
            // The name may begin with a word already recorded ("seventh-4",
            // "twenty-first-3"): the name replaces it, so nothing overlaps.
            let start = match out.last() {
                Some(q) if q.end > start => {
                    let q_start = q.start.min(start);
                    out.pop();
                    q_start
                }
                _ => start,
            };
            let end = token_end(text, i);
            push_kind(out, start, end, Kind::Identifier);
            return end;
        }
    }
    if let Some(end) = phone(text, i) {
        push_kind(out, i, end, Kind::Identifier);
        return end;
    }
    try_figure(text, i, out).unwrap_or_else(|| word_end(text, i))
}

/// "202-555-0143", "202.555.0143", "202 555 0143".
fn phone(text: &str, i: usize) -> Option<usize> {
    let b = &text.as_bytes()[i..];
    let digits = |s: &[u8], n: usize| s.len() >= n && s[..n].iter().all(u8::is_ascii_digit);
    if b.len() < 12 || !digits(b, 3) || !digits(&b[4..], 3) || !digits(&b[8..], 4) {
        return None;
    }
    let (s1, s2) = (b[3], b[7]);
    if s1 != s2 || !matches!(s1, b'-' | b'.' | b' ') {
        return None;
    }
    let end = i + 12;
    let next = text[end..].chars().next();
    (!next.is_some_and(|c| c.is_alphanumeric())).then_some(end)
}

/// True when a digit, currency sign or number word starts one of the next few words.
fn number_ahead(text: &str, mut i: usize) -> bool {
    let bytes = text.as_bytes();
    for _ in 0..4 {
        // Skip spaces, tabs, no-break spaces (C2 A0) and hyphens.
        loop {
            match bytes.get(i..i + 2) {
                Some([b' ' | b'\t' | b'-', _]) => i += 1,
                Some([0xC2, 0xA0]) => i += 2,
                _ if matches!(bytes.get(i), Some(b' ' | b'\t' | b'-')) => i += 1,
                _ => break,
            }
        }
        match bytes.get(i) {
            None => return false,
            Some(b) if b.is_ascii_digit() => return true,
            Some(b'$' | b'~') => return true,
            Some(b) if b.is_ascii_alphabetic() => {
                // The run of ASCII letters, as far as 16, is what must be a number word.
                let (ascii_end, letters_end) = ascii_word(bytes, i);
                if is_number_word(bytes, i, (letters_end - i).min(16)) {
                    return true;
                }
                i = if bytes.get(ascii_end).is_some_and(|b| !b.is_ascii()) {
                    word_end(text, ascii_end)
                } else {
                    ascii_end
                };
            }
            Some(b) if b.is_ascii() => return false,
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                return matches!(c, '€' | '£' | '¥' | '₩' | '₽' | '₹' | '₴');
            }
        }
    }
    false
}

/// A word starting with an ASCII letter at `i`, whose ASCII run
/// [`ascii_word`] has measured.
fn at_letter(
    text: &str,
    i: usize,
    (ascii_end, first_digit): (usize, usize),
    out: &mut Vec<Quantity>,
) -> usize {
    let bytes = text.as_bytes();
    let mut digit = first_digit < ascii_end;
    let mut end = ascii_end;
    if bytes.get(ascii_end).is_some_and(|b| !b.is_ascii()) {
        // "café", "Zürich2": the rest of the word, decoded.
        end = word_end(text, ascii_end);
        digit |= bytes[ascii_end..end].iter().any(u8::is_ascii_digit);
    }
    let (w, after) = (&bytes[i..end], &bytes[end..]);
    if is_link(w, after) {
        return text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| i + n);
    }
    if digit {
        // "G7", "MH17", "Su27": names with digits.
        let end = token_end(text, i);
        push_kind(out, i, end, Kind::Identifier);
        return end;
    }
    // Only a whole word of 1 to 16 ASCII letters can be on the trigger lists.
    let flags = if end == ascii_end && w.len() <= 16 {
        word_flags(bytes, i, w.len())
    } else {
        0
    };
    let trigger = flags & NUMBER != 0
        || (flags & MONTH != 0 && w[0].is_ascii_uppercase())
        || (flags & PREFIX != 0 && number_ahead(text, end))
        || (after.first() == Some(&b'$')
            && [&b"us"[..], b"c", b"a"]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c)));
    if trigger {
        if let Some(next) = try_figure(text, i, out) {
            return next;
        }
    }
    end
}

fn push_kind(out: &mut Vec<Quantity>, start: usize, end: usize, kind: Kind) {
    out.push(Quantity {
        start,
        end,
        value: None,
        low: None,
        high: None,
        kind,
        qualifier: None,
        unit: None,
        additional: false,
    });
}

/// Capitalised labels after which a number is a name: "Resolution 2231", "Flight 370".
const LABELS: &[&str] = &[
    "Resolution",
    "Article",
    "Section",
    "Chapter",
    "Clause",
    "Paragraph",
    "Amendment",
    "Title",
    "Flight",
    "Room",
    "Route",
    "Highway",
    "Interstate",
    "Apollo",
    "Unit",
    "No.",
    "no.",
    "Nos.",
    "No",
    "Vol.",
    "Volume",
    "Page",
    "p.",
    "pp.",
    "Gate",
    "Terminal",
    "Platform",
    "Channel",
    "Episode",
    "Season",
    "Level",
    "Category",
    "Class",
    "Phase",
    "Stage",
    "Block",
    "Model",
    "Version",
    "Windows",
    "Brigade",
    "Division",
    "Regiment",
    "Battalion",
    "Corps",
    "Army",
    "Fleet",
    "Squadron",
    "Precinct",
    "District",
    "Ward",
    "Lot",
    "Bill",
    "Act",
    "Decree",
    "Order",
    "Law",
    "Protocol",
    "Exhibit",
    "Figure",
    "Table",
    "Annex",
    "Item",
];

/// Nouns that make a bare four-digit number a count rather than a year: "2000 people".
fn counts_follow(rest: &str) -> bool {
    let Ok((r, _)) = lex::ws(rest) else {
        return false;
    };
    let w = &r[..r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len())];
    if w.is_empty() || !w.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    const NOT_PLURALS: &[&str] = &[
        "was", "has", "is", "its", "this", "thus", "does", "as", "us", "plus", "always", "whereas",
        "his", "hers", "yes", "less", "unless",
    ];
    const COLLECTIVES: &[&str] = &[
        "people",
        "personnel",
        "staff",
        "police",
        "children",
        "men",
        "women",
        "cattle",
        "sheep",
        "military",
        "infantry",
        "crew",
        "livestock",
    ];
    COLLECTIVES.contains(&w)
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_PLURALS.contains(&w))
}

/// Runs the figure grammar at `i`; pushes what it finds and returns the end.
fn try_figure(text: &str, i: usize, out: &mut Vec<Quantity>) -> Option<usize> {
    let input = &text[i..];
    if let Ok((rest, cal)) = calendar::calendar(input) {
        let end = text.len() - rest.len();
        if boundary_after(text, end) {
            out.push(Quantity {
                start: i,
                end,
                value: cal.low,
                low: cal.low,
                high: cal.high,
                kind: cal.kind,
                qualifier: None,
                unit: None,
                additional: false,
            });
            return Some(end);
        }
    }
    let (rest, f) = figure(input).ok()?;
    let mut end = text.len() - rest.len();
    let starts_with_digit = input.starts_with(|c: char| c.is_ascii_digit());
    if !boundary_after(text, end) {
        if !starts_with_digit {
            return None;
        }
        // "180ml", "4G", "3D": digits glued to letters are a name or a unit, not a count.
        let end = token_end(text, i);
        push_kind(out, i, end, Kind::Identifier);
        return Some(end);
    }
    let mut start = i;
    let mut f: Figure = f;
    let plain = f.numeral.filter(|n| n.is_plain_integer()).is_some()
        && f.qualifier.is_none()
        && f.unit.is_none()
        && !f.additional
        && f.kind == Kind::Number;
    if plain && starts_with_digit {
        let value = f.value.unwrap_or(0.0);
        let (pw, pw_start) = prev_word(text, i);
        let four_digits = matches!(
            f.numeral.map(|n| n.form),
            Some(Form::Digits { int_len: 4, .. })
        );
        if at_line_start(text, i)
            && value < 1000.0
            && (rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t"))
        {
            end += 1;
            f.kind = Kind::ListItem;
        } else if LABELS.contains(&pw) || text[..i].ends_with('#') {
            let label = if LABELS.contains(&pw) {
                pw_start
            } else {
                i - 1
            };
            // The label joins the number unless it is already inside the
            // figure before ("i666/Unit 26": "Unit" ends "i666/Unit").
            if out.last().is_none_or(|q| q.end <= label) {
                start = label;
            }
            f.kind = Kind::Identifier;
        } else if four_digits && (1800.0..=2100.0).contains(&value) && !counts_follow(rest) {
            f.kind = Kind::Year;
        }
    }
    if f.kind == Kind::Number
        && text[i..end].eq_ignore_ascii_case("one")
        && one_is_pronoun(text, i, end)
    {
        return None;
    }
    let (value, low, high) = match f.kind {
        Kind::ListItem | Kind::Identifier => (None, None, None),
        _ => (f.value, f.low, f.high),
    };
    out.push(Quantity {
        start,
        end,
        value,
        low,
        high,
        kind: f.kind,
        qualifier: f.qualifier,
        unit: f.unit,
        additional: f.additional,
    });
    Some(end)
}

/// "no one", "the one who", "one another": "one" as a pronoun, not a count.
fn one_is_pronoun(text: &str, i: usize, end: usize) -> bool {
    let (pw, _) = prev_word(text, i);
    const DETERMINERS: &[&str] = &[
        "no", "any", "every", "each", "the", "this", "that", "which", "last", "other",
    ];
    if DETERMINERS.iter().any(|d| pw.eq_ignore_ascii_case(d)) {
        return true;
    }
    let next = text[end..].trim_start();
    next.starts_with("another") || next.starts_with("anothers")
}

fn boundary_after(text: &str, end: usize) -> bool {
    !text[end..].starts_with(lex::is_alphanumeric)
}

#[cfg(test)]
mod tests;
