//! Cheap first-word checks that let the cue grammars skip the nom
//! alternations at word starts that cannot begin a cue.
//!
//! Every cue grammar in this crate (`tag_no_case` phrases followed by a
//! non-alphanumeric character) can only match at a position whose run of
//! alphanumeric characters, lowercased, is the first word of one of its
//! phrases. The check is exact for ASCII words; a word with any non-ASCII
//! character is reported as [`Token::Other`] and the caller runs the full
//! grammar, so skipping never changes a result.

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
/// `buf` when it is all ASCII.
pub(crate) fn first_token<'b>(at: &str, buf: &'b mut [u8; MAX_WORD]) -> Token<'b> {
    let mut len = 0;
    for c in at.chars() {
        if c.is_ascii_alphanumeric() {
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
            buf[len] = c.to_ascii_lowercase() as u8;
            len += 1;
        } else if c.is_alphanumeric() {
            return Token::Other;
        } else {
            break;
        }
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
    use super::*;

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
