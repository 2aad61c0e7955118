//! Small lexical parsers shared by the quantity rules: whitespace, word
//! boundaries, case-insensitive words and multi-word phrases.

use nom::IResult;
use nom::error::{Error, ErrorKind};

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

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII
/// and for the General Punctuation block (U+2000 to U+206F: spaces, dashes,
/// quotation marks), which holds no letters or digits and is common in news
/// text ("’", "“", "—").
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
    }
}

/// Succeeds without consuming when `i` does not continue a word.
pub(crate) fn boundary(i: &str) -> Res<'_, ()> {
    match i.chars().next() {
        Some(c) if is_alphanumeric(c) => fail(i),
        _ => Ok((i, ())),
    }
}

/// A whole word, ASCII case-insensitive: `word("one")` matches "One" but not "oneself".
pub(crate) fn word<'a>(w: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| word_at(i, w)
}

/// Whether `i` may start with the phrase or word `p` as far as the first
/// byte tells. The rules try long lists of phrases at every figure, and
/// nearly all of them fail here, before any call. True when either is
/// empty or `p` starts with a space (an empty first word matches anything).
#[inline]
fn may_start(i: &str, p: &str) -> bool {
    match (i.as_bytes().first(), p.as_bytes().first()) {
        (Some(a), Some(&b)) => b == b' ' || a.eq_ignore_ascii_case(&b),
        _ => true,
    }
}

#[inline]
fn word_at<'a>(i: &'a str, w: &str) -> Res<'a, &'a str> {
    if !may_start(i, w) {
        return fail(i);
    }
    whole_word(i, w)
}

fn whole_word<'a>(i: &'a str, w: &str) -> Res<'a, &'a str> {
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

/// Words separated by single spaces in `p`, matched with any horizontal
/// whitespace between them: `phrase("more than")` matches "More  than".
pub(crate) fn phrase<'a>(p: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| phrase_at(i, p)
}

#[inline]
fn phrase_at<'a>(i: &'a str, p: &str) -> Res<'a, &'a str> {
    if !may_start(i, p) {
        return fail(i);
    }
    phrase_words(i, p)
}

/// [`phrase`] once the first byte matches, walking the words of `p`
/// without a `split` iterator.
fn phrase_words<'a>(i: &'a str, p: &str) -> Res<'a, &'a str> {
    let pb = p.as_bytes();
    let mut rest = i;
    let mut start = 0;
    loop {
        let end = pb[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(pb.len(), |n| start + n);
        if start > 0 {
            rest = ws(rest)?.0;
        }
        rest = whole_word(rest, &p[start..end])?.0;
        if end == pb.len() {
            return Ok((rest, &i[..i.len() - rest.len()]));
        }
        start = end + 1;
    }
}

/// A phrase for [`any_phrase`] or [`matching`], made by [`phrases`] or
/// [`phrases_with`] at compile time: the text, a value the rule attaches
/// to it, and the first up to eight bytes of its first word with bit 5 set
/// (ASCII lower case) under a mask of those bytes.
#[derive(Clone, Copy)]
pub(crate) struct Phrase<T = ()> {
    text: &'static str,
    head: u64,
    mask: u64,
    pub value: T,
}

/// A list for [`any_phrase`]: `const { &phrases(["more than", "over"]) }`.
pub(crate) const fn phrases<const N: usize>(list: [&'static str; N]) -> [Phrase; N] {
    let mut out = [phrase_with(""); N];
    let mut n = 0;
    while n < N {
        out[n] = phrase_with(list[n]);
        n += 1;
    }
    out
}

/// A list for [`matching`], each phrase with its value:
/// `phrases_with([("half a", 0.5), ("a quarter", 0.25)])`.
pub(crate) const fn phrases_with<T: Copy, const N: usize>(
    list: [(&'static str, T); N],
) -> [Phrase<T>; N] {
    const fn with<T>(p: Phrase, value: T) -> Phrase<T> {
        Phrase {
            text: p.text,
            head: p.head,
            mask: p.mask,
            value,
        }
    }
    let mut out = [with(phrase_with(list[0].0), list[0].1); N];
    let mut n = 0;
    while n < N {
        out[n] = with(phrase_with(list[n].0), list[n].1);
        n += 1;
    }
    out
}

/// How many phrases `groups` hold, for the length of [`phrase_groups`].
pub(crate) const fn group_len<T>(groups: &[(&[&'static str], T)]) -> usize {
    let (mut n, mut g) = (0, 0);
    while g < groups.len() {
        n += groups[g].0.len();
        g += 1;
    }
    n
}

/// One list for [`matching`] from groups of phrases sharing a value, in
/// order: `phrase_groups::<T, { group_len(GROUPS) }>(GROUPS)`.
pub(crate) const fn phrase_groups<T: Copy, const N: usize>(
    groups: &[(&[&'static str], T)],
) -> [Phrase<T>; N] {
    let mut pairs = [("", groups[0].1); N];
    let (mut n, mut g) = (0, 0);
    while g < groups.len() {
        let mut k = 0;
        while k < groups[g].0.len() {
            pairs[n] = (groups[g].0[k], groups[g].1);
            n += 1;
            k += 1;
        }
        g += 1;
    }
    assert!(n == N, "N is group_len(groups)");
    phrases_with(pairs)
}

const fn phrase_with(text: &'static str) -> Phrase {
    let b = text.as_bytes();
    let (mut head, mut mask) = (0u64, 0u64);
    let mut k = 0;
    while k < b.len() && k < 8 && b[k] != b' ' {
        // A NUL would match the padding of a short input in `head`.
        assert!(b[k] != 0, "phrases hold no NUL");
        head |= ((b[k] | 0x20) as u64) << (8 * k);
        mask |= 0xFF << (8 * k);
        k += 1;
    }
    Phrase {
        text,
        head,
        mask,
        value: (),
    }
}

/// The first eight bytes of `i` (a short input padded with NULs), with bit
/// 5 set in each. Where `word` matches ASCII case-insensitively, these
/// bytes equal a phrase's `head` under its mask; most phrases fail that.
fn head(i: &str) -> u64 {
    let b = i.as_bytes();
    let raw = match b.get(..8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        Some(b8) => u64::from_le_bytes(b8),
        None => b
            .iter()
            .enumerate()
            .fold(0, |h, (k, &c)| h | (u64::from(c) << (8 * k))),
    };
    raw | u64::from_ne_bytes([0x20; 8])
}

/// The first of `phrases` that matches, longest listed first by the caller.
pub(crate) fn any_phrase<'a>(i: &'a str, phrases: &[Phrase]) -> Res<'a, &'a str> {
    matching(i, phrases)
        .next()
        .map_or_else(|| fail(i), |(_, r)| Ok(r))
}

/// Each of `phrases` that matches at the start of `i`, in order, with the
/// rest of `i` after it and the text matched.
pub(crate) fn matching<'a, 'p, T>(
    i: &'a str,
    phrases: &'p [Phrase<T>],
) -> impl Iterator<Item = (&'p Phrase<T>, (&'a str, &'a str))> {
    let h = head(i);
    phrases
        .iter()
        .filter(move |p| h & p.mask == p.head)
        .filter_map(move |p| phrase_words(i, p.text).ok().map(|r| (p, r)))
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
    fn is_alphanumeric_agrees_with_char() {
        for c in '\0'..='\u{3000}' {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn any_phrase_agrees_with_trying_each_phrase() {
        const LIST: [&str; 9] = [
            "a little over",
            "about",
            "approx.",
            "in excess of",
            "more than",
            "or so",
            "us dollars",
            "u.s. dollars",
            "pp",
        ];
        let inputs = [
            "",
            "a",
            "A little  over 5",
            "a lot",
            "about",
            "About5",
            "aboutx",
            "approx. 5",
            "APPROX 5",
            "in excess of 9",
            "in",
            "More\u{a0}than 3",
            "more thanks",
            "or so",
            "or",
            "US dollars",
            "u.s. dollars",
            "U.S.",
            "pp.",
            "ppm",
            "p",
            "\u{e9}",
            "\0\0",
        ];
        let phrases = phrases(LIST);
        for i in inputs {
            let expected = LIST.iter().find_map(|p| phrase(p)(i).ok());
            assert_eq!(any_phrase(i, &phrases).ok(), expected, "{i:?}");
        }
    }

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
