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

mod calendar;
mod expr;
mod lex;
mod model;
mod money;
mod numeral;
mod qualifier;
mod share;
mod vague;
mod words;

pub use model::{Currency, Kind, Qualifier, Quantity, Unit};

use expr::{Figure, figure};
use numeral::Form;

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
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i = at_digit(text, i, &mut out);
        } else if b.is_ascii_alphabetic() {
            i = at_letter(text, i, &mut out);
        } else if b == b'$' || b == b'~' {
            i = try_figure(text, i, &mut out).unwrap_or(i + 1);
        } else if (b == b'-' || b == b'.') && sign_or_point_starts(text, i) {
            i = try_figure(text, i, &mut out).unwrap_or(i + 1);
        } else if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if matches!(c, '€' | '£' | '¥' | '₩' | '₽' | '₹' | '₴')
                || (c == '−' && sign_or_point_starts(text, i))
            {
                i = try_figure(text, i, &mut out).unwrap_or(i + c.len_utf8());
            } else if c.is_alphanumeric() {
                i = word_end(text, i);
            } else {
                i += c.len_utf8();
            }
        } else {
            i += 1;
        }
    }
    out
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
    text[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(n, _)| i + n)
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

/// The word before `i`, skipping horizontal spaces; empty at the start.
fn prev_word(text: &str, i: usize) -> (&str, usize) {
    let before = text[..i].trim_end_matches([' ', '\u{a0}', '\t']);
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '#'))
        .map_or(0, |(n, c)| n + c.len_utf8());
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
            && !matches!(
                letters.to_ascii_lowercase().as_str(),
                "mid" | "pre" | "post" | "early" | "late" | "end" | "since" | "circa"
            )
            && start + w.len() == i - 1
        {
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

/// Words that may begin a figure on their own: numbers, vague magnitudes, fractions.
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "naught"
            | "nought"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "nil"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "quadrillion"
            | "quintillion"
            | "sextillion"
            | "dozen"
            | "few"
            | "handful"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "dozens"
            | "tens"
            | "scores"
            | "several"
            | "many"
            | "half"
            | "quarter"
            | "couple"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "sixtieth"
            | "seventieth"
            | "eightieth"
            | "ninetieth"
            | "hundredth"
            | "thousandth"
            | "millionth"
    )
}

/// Words that begin a figure only when a number follows: qualifiers,
/// increments, range openers, "a"/"an", currency codes.
fn is_prefix_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "minus"
            | "negative"
            | "exceed"
            | "exceeds"
            | "exceeded"
            | "surpass"
            | "surpasses"
            | "surpassed"
            | "surpassing"
            | "topping"
            | "percent"
            | "percents"
            | "per"
            | "about"
            | "above"
            | "additional"
            | "almost"
            | "another"
            | "approx"
            | "approximately"
            | "around"
            | "as"
            | "at"
            | "below"
            | "between"
            | "ca"
            | "circa"
            | "close"
            | "est"
            | "estimated"
            | "exceeding"
            | "fewer"
            | "from"
            | "greater"
            | "higher"
            | "in"
            | "just"
            | "larger"
            | "less"
            | "lower"
            | "more"
            | "nearly"
            | "no"
            | "north"
            | "not"
            | "on"
            | "over"
            | "roughly"
            | "slightly"
            | "smaller"
            | "some"
            | "under"
            | "up"
            | "upward"
            | "upwards"
            | "well"
            | "usd"
            | "eur"
            | "gbp"
            | "jpy"
            | "cny"
            | "krw"
            | "rub"
            | "inr"
            | "uah"
            | "chf"
    )
}

/// True when a digit, currency sign or number word starts one of the next few words.
fn number_ahead(text: &str, mut i: usize) -> bool {
    let mut buf = [0u8; 16];
    for _ in 0..4 {
        let rest = &text[i..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t', '-']).len();
        i += skipped;
        let rest = &text[i..];
        match rest.chars().next() {
            Some(c) if c.is_ascii_digit() => return true,
            Some('$' | '€' | '£' | '¥' | '₩' | '₽' | '₹' | '₴' | '~') => return true,
            Some(c) if c.is_ascii_alphabetic() => {
                let w = lex::lower_word(rest, &mut buf);
                if is_number_word(w) {
                    return true;
                }
                i = word_end(text, i);
            }
            _ => return false,
        }
    }
    false
}

fn at_letter(text: &str, i: usize, out: &mut Vec<Quantity>) -> usize {
    let end = word_end(text, i);
    let w = &text[i..end];
    // Links are not prose: "https://example.com/?q=30%25" holds no figures.
    if (w == "http" || w == "https") && text[end..].starts_with("://")
        || (w == "www" && text[end..].starts_with('.'))
    {
        return text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| i + n);
    }
    if w.bytes().any(|b| b.is_ascii_digit()) {
        // "G7", "MH17", "Su27": names with digits.
        let end = token_end(text, i);
        push_kind(out, i, end, Kind::Identifier);
        return end;
    }
    let mut buf = [0u8; 16];
    let lower = lex::lower_word(w, &mut buf);
    let trigger = (lower.len() == w.len()
        && (is_number_word(lower)
            || (is_prefix_word(lower) && number_ahead(text, end))
            || (matches!(lower, "us" | "c" | "a") && text[end..].starts_with('$'))))
        || (w.starts_with(|c: char| c.is_ascii_uppercase()) && calendar::month(w).is_ok());
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
    let w: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
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
    COLLECTIVES.contains(&w.as_str())
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !NOT_PLURALS.contains(&w.as_str()))
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
            if LABELS.contains(&pw) {
                start = pw_start;
            } else {
                start = i - 1;
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
    let pw = pw.to_ascii_lowercase();
    if matches!(
        pw.as_str(),
        "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "last" | "other"
    ) {
        return true;
    }
    let next = text[end..].trim_start();
    next.starts_with("another") || next.starts_with("anothers")
}

fn boundary_after(text: &str, end: usize) -> bool {
    !text[end..].starts_with(|c: char| c.is_alphanumeric())
}

#[cfg(test)]
mod tests;
