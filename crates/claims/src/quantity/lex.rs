//! Small lexical parsers shared by the quantity rules: whitespace, word
//! boundaries, case-insensitive words and multi-word phrases.

use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};

/// The result type every quantity rule returns.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

/// A recoverable nom error at `i`.
pub(crate) fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Horizontal whitespace inside an expression: spaces, tabs and the
/// no-break, narrow no-break and thin spaces used as thousands separators.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// One or more horizontal whitespace characters.
pub(crate) fn ws(i: &str) -> Res<'_, &str> {
    let n = i
        .char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(i.len(), |(n, _)| n);
    if n == 0 {
        fail(i)
    } else {
        Ok((&i[n..], &i[..n]))
    }
}

/// Optional horizontal whitespace.
pub(crate) fn ws0(i: &str) -> Res<'_, &str> {
    ws(i).or(Ok((i, "")))
}

/// Succeeds without consuming when `i` does not continue a word.
pub(crate) fn boundary(i: &str) -> Res<'_, ()> {
    match i.chars().next() {
        Some(c) if c.is_alphanumeric() => fail(i),
        _ => Ok((i, ())),
    }
}

/// A whole word, ASCII case-insensitive: `word("one")` matches "One" but not "oneself".
pub(crate) fn word<'a>(w: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let n = w.len();
        if i.len() >= n && i.as_bytes()[..n].eq_ignore_ascii_case(w.as_bytes()) {
            let rest = &i[n..];
            // A phrase ending in a non-word character ("approx.", "c.") needs no boundary.
            if w.ends_with(|c: char| c.is_alphanumeric()) {
                boundary(rest)?;
            }
            Ok((rest, &i[..n]))
        } else {
            fail(i)
        }
    }
}

/// Words separated by single spaces in `p`, matched with any horizontal
/// whitespace between them: `phrase("more than")` matches "More  than".
pub(crate) fn phrase<'a>(p: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let mut rest = i;
        for (n, w) in p.split(' ').enumerate() {
            if n > 0 {
                rest = ws(rest)?.0;
            }
            rest = word(w)(rest)?.0;
        }
        Ok((rest, &i[..i.len() - rest.len()]))
    }
}

/// The first of `phrases` that matches, longest listed first by the caller.
pub(crate) fn any_phrase<'a>(i: &'a str, phrases: &[&'static str]) -> Res<'a, &'a str> {
    for p in phrases {
        if let Ok(r) = phrase(p).parse(i) {
            return Ok(r);
        }
    }
    fail(i)
}

/// The next run of ASCII letters, lower-cased into `buf`; empty when none.
pub(crate) fn lower_word<'b>(i: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let mut n = 0;
    for b in i.bytes() {
        if !b.is_ascii_alphabetic() || n == buf.len() {
            break;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_matches_whole_words_only() {
        assert_eq!(word("one")("One troop"), Ok((" troop", "One")));
        assert!(word("one")("oneself").is_err());
    }

    #[test]
    fn phrase_allows_any_horizontal_space() {
        assert_eq!(
            phrase("more than")("more\u{a0} than 5"),
            Ok((" 5", "more\u{a0} than"))
        );
        assert!(phrase("more than")("more thanks").is_err());
    }

    #[test]
    fn ws_takes_no_break_spaces() {
        assert_eq!(ws("\u{a0} x"), Ok(("x", "\u{a0} ")));
        assert!(ws("x").is_err());
    }
}
