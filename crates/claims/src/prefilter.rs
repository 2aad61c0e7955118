//! Cheap first-word checks that let the cue grammars skip the nom
//! alternations at word starts that cannot begin a cue.
//!
//! Every cue grammar in this crate (`tag_no_case` phrases followed by a
//! non-alphanumeric character) can only match at a position whose run of
//! alphanumeric characters, lowercased, is the first word of one of its
//! phrases. The check is exact for ASCII words; a word with any non-ASCII
//! character is reported as [`Token::Other`] and the caller runs the full
//! grammar, so skipping never changes a result.

use nom::IResult;

/// A keyword, case-insensitive: nom's `tag_no_case(word)`, answered from
/// the bytes when the input's first `word.len()` bytes and `word` are ASCII
/// (nearly always), where nom compares lowercased characters one by one,
/// which for ASCII is `eq_ignore_ascii_case`.
///
/// Other input is compared character by character, and a match takes the
/// characters matched. nom instead takes `word.len()` bytes, which is wrong
/// (and panics inside a character) when a matched character is longer than
/// the one it matches: the Kelvin sign, which lowercases to "k", is the only
/// such character for an ASCII word.
pub(crate) fn tag_ci<'a>(word: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    let ascii = word.is_ascii();
    move |i: &'a str| {
        let n = word.len();
        let fail = || {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        };
        if let Some(head) = i.as_bytes().get(..n)
            && ascii
            && head.is_ascii()
        {
            return if head.eq_ignore_ascii_case(word.as_bytes()) {
                Ok((&i[n..], &i[..n]))
            } else {
                fail()
            };
        }
        let mut chars = i.char_indices();
        for w in word.chars() {
            match chars.next() {
                Some((_, c)) if c.to_lowercase().eq(w.to_lowercase()) => {}
                _ => return fail(),
            }
        }
        let end = chars.next().map_or(i.len(), |(at, _)| at);
        Ok((&i[end..], &i[..end]))
    }
}

/// The alphanumeric run at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'b> {
    /// An all-ASCII run, lowercased (empty when the string does not start
    /// with an alphanumeric character; longer runs than the buffer are
    /// reported as [`Token::Long`]).
    Ascii(&'b str),
    /// An ASCII run longer than any cue word.
    Long,
    /// The run has a non-ASCII character: only the grammar can tell.
    Other,
}

/// Longest run [`first_token`] lowercases; longer ASCII runs are [`Token::Long`].
pub(crate) const MAX_WORD: usize = 24;

/// The run of alphanumeric characters at the start of `at`, lowercased into
/// `buf` when it is all ASCII (borrowed from `at` when it has no capital).
pub(crate) fn first_token<'b>(at: &'b str, buf: &'b mut [u8; MAX_WORD]) -> Token<'b> {
    let bytes = at.as_bytes();
    let mut len = 0;
    let mut capital = false;
    while let Some(&b) = bytes.get(len) {
        if b.is_ascii_alphanumeric() {
            if len == MAX_WORD {
                // Keep scanning only to see whether a non-ASCII letter follows.
                return if at[len..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .all(|c| c.is_ascii())
                {
                    Token::Long
                } else {
                    Token::Other
                };
            }
            capital |= b.is_ascii_uppercase();
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        } else if b >= 0x80 {
            // A character outside ASCII: a letter or digit makes the run
            // not plain ASCII; anything else ends it.
            if at[len..].chars().next().is_some_and(char::is_alphanumeric) {
                return Token::Other;
            }
            break;
        } else {
            break;
        }
    }
    if !capital {
        // ASCII up to `len`: a character boundary.
        return Token::Ascii(&at[..len]);
    }
    // The buffer holds ASCII bytes only.
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => Token::Ascii(s),
        Err(_) => Token::Other,
    }
}

/// True when the grammar may match at `at`: the first word is one `may_start`
/// accepts, or it is not plain ASCII.
pub(crate) fn may_start(at: &str, may_start: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; MAX_WORD];
    match first_token(at, &mut buf) {
        Token::Ascii(t) => may_start(t),
        Token::Long => false,
        Token::Other => true,
    }
}

#[cfg(test)]
mod tests {
    use nom::bytes::complete::tag_no_case;

    use super::*;

    #[test]
    fn tag_ci_takes_the_keyword_in_any_case() {
        assert_eq!(tag_ci("last")("Last week"), Ok((" week", "Last")));
        assert_eq!(
            tag_ci("according to")("ACCORDING TO Seoul"),
            Ok((" Seoul", "ACCORDING TO"))
        );
        assert!(tag_ci("last")("lost week").is_err());
        assert!(tag_ci("last")("la").is_err());
    }

    #[test]
    fn tag_ci_takes_a_kelvin_sign_as_k_whole() {
        // nom's tag_no_case would split inside the sign here.
        assert_eq!(
            tag_ci("week")("wee\u{212a} ago"),
            Ok((" ago", "wee\u{212a}"))
        );
        assert_eq!(tag_ci("k")("\u{212a}m"), Ok(("m", "\u{212a}")));
    }

    proptest::proptest! {
        /// The same answer as nom's `tag_no_case` for any input without a
        /// Kelvin sign (where nom's is wrong): short inputs, a dotted
        /// capital I, accented letters, curly apostrophes.
        #[test]
        fn tag_ci_answers_as_nom_does(
            input in "[a-zA-Z ’\\u{130}éÉ]{0,8}",
            word in proptest::sample::select(vec!["week", "in", "k", "last", "ago", "is", "’s", "é"]),
        ) {
            let nom: nom::IResult<&str, &str> = tag_no_case(word)(input.as_str());
            proptest::prop_assert_eq!(tag_ci(word)(input.as_str()), nom);
        }
    }

    #[test]
    fn ascii_words_are_lowercased() {
        let mut buf = [0u8; MAX_WORD];
        assert_eq!(first_token("Said, the NIS", &mut buf), Token::Ascii("said"));
        assert_eq!(first_token(" said", &mut buf), Token::Ascii(""));
        assert_eq!(first_token("said-ish", &mut buf), Token::Ascii("said"));
    }

    #[test]
    fn non_ascii_words_go_to_the_grammar() {
        let mut buf = [0u8; MAX_WORD];
        assert_eq!(first_token("saidé", &mut buf), Token::Other);
        // KELVIN SIGN lowercases to an ASCII 'k'.
        assert_eq!(first_token("\u{212A}now", &mut buf), Token::Other);
        assert!(may_start("\u{212A}now", |_| false));
    }

    #[test]
    fn long_words_match_nothing() {
        let mut buf = [0u8; MAX_WORD];
        let long = "a".repeat(40);
        assert_eq!(first_token(&long, &mut buf), Token::Long);
        let long_then_accent = format!("{long}é");
        assert_eq!(first_token(&long_then_accent, &mut buf), Token::Other);
    }
}
