//! Letter case without allocating: a short word lowercased on the stack,
//! for the word lists the grammars compare with ("said", "spring", "troops").

/// Words up to this many bytes are lowercased on the stack.
const ON_STACK: usize = 32;

/// `f` of `word` with its ASCII letters lowercased, as
/// [`str::to_ascii_lowercase`] gives it: on the stack for a word of up to
/// 32 bytes, in a new string for a longer one.
///
/// ```
/// use crosscheck_claims::case::ascii_lowercase;
///
/// assert!(ascii_lowercase("Said", |w| w == "said"));
/// assert_eq!(ascii_lowercase("Ünion", str::to_string), "Ünion".to_ascii_lowercase());
/// ```
pub fn ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= ON_STACK {
        let mut buf = [0u8; ON_STACK];
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        // Only ASCII bytes change, so the bytes stay UTF-8.
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_ascii_lowercase())
}

/// `f` of `word` lowercased, as [`str::to_lowercase`] gives it: on the
/// stack for a short ASCII word ([`ascii_lowercase`]), in a new string
/// otherwise.
///
/// ```
/// use crosscheck_claims::case::with_lowercase;
///
/// assert!(with_lowercase("March", |w| w == "march"));
/// assert_eq!(with_lowercase("ΟΔΟΣ", str::to_string), "οδος");
/// ```
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        ascii_lowercase(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// Appends `word` lowercased to `out`, as [`str::to_lowercase`] gives it,
/// without a new string when the word is ASCII.
///
/// ```
/// let mut out = String::from("x ");
/// crosscheck_claims::case::push_lowercase(&mut out, "Troops");
/// crosscheck_claims::case::push_lowercase(&mut out, " ΟΔΟΣ");
/// assert_eq!(out, "x troops οδος");
/// ```
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_word_longer_than_the_stack_is_lowercased_too() {
        let long = "Internationally-Recognised-Governments";
        assert!(long.len() > ON_STACK);
        assert_eq!(
            ascii_lowercase(long, str::to_string),
            long.to_ascii_lowercase()
        );
    }

    #[test]
    fn the_final_sigma_is_lowercased_as_str_does() {
        let mut out = String::new();
        push_lowercase(&mut out, "ΟΔΟΣ");
        assert_eq!(out, "ΟΔΟΣ".to_lowercase());
        assert!(out.ends_with('ς'));
    }

    proptest! {
        #[test]
        fn ascii_lowercase_is_to_ascii_lowercase(word in "\\PC{0,40}") {
            prop_assert_eq!(ascii_lowercase(&word, str::to_string), word.to_ascii_lowercase());
        }

        #[test]
        fn with_lowercase_is_to_lowercase(word in "\\PC{0,40}") {
            prop_assert_eq!(with_lowercase(&word, str::to_string), word.to_lowercase());
        }

        #[test]
        fn push_lowercase_is_to_lowercase(head in "\\PC{0,5}", word in "\\PC{0,20}") {
            let mut out = head.clone();
            push_lowercase(&mut out, &word);
            prop_assert_eq!(out, format!("{head}{}", word.to_lowercase()));
        }
    }
}
