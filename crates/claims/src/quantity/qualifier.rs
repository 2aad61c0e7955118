//! Qualifiers before and after a figure, and how each moves its interval.
//! The table of phrases and intervals is on [`Qualifier`].

use super::lex::{
    Phrase, Res, any_phrase, boundary, fail, group_len, matching, phrase, phrase_groups, phrases,
    ws, ws0,
};
use super::model::Qualifier;

const PREFIXES: &[(&[&str], Qualifier)] = &[
    (
        &[
            "slightly more than",
            "slightly over",
            "a little over",
            "a little more than",
            "just over",
            "just above",
        ],
        Qualifier::JustOver,
    ),
    (
        &[
            "slightly fewer than",
            "slightly less than",
            "a little under",
            "just under",
            "just below",
            "just shy of",
            "not quite",
            "nearly",
            "almost",
            "close to",
        ],
        Qualifier::Nearly,
    ),
    (
        &[
            "no fewer than",
            "no less than",
            "not less than",
            "a minimum of",
            "at least",
        ],
        Qualifier::AtLeast,
    ),
    (
        &[
            "no more than",
            "not more than",
            "a maximum of",
            "as many as",
            "as much as",
            "as high as",
            "up to",
            "at most",
        ],
        Qualifier::UpTo,
    ),
    (
        &[
            "more than",
            "greater than",
            "larger than",
            "higher than",
            "upwards of",
            "upward of",
            "in excess of",
            "well over",
            "well above",
            "north of",
            "exceeding",
            "exceeded",
            "exceeds",
            "exceed",
            "surpassing",
            "surpassed",
            "surpasses",
            "surpass",
            "topping",
            "over",
            "above",
        ],
        Qualifier::MoreThan,
    ),
    (
        &[
            "fewer than",
            "less than",
            "lower than",
            "smaller than",
            "under",
            "below",
        ],
        Qualifier::LessThan,
    ),
    (&["an estimated", "estimated", "est."], Qualifier::Estimated),
    (
        &[
            "in the region of",
            "on the order of",
            "in the order of",
            "approximately",
            "approx.",
            "approx",
            "around",
            "about",
            "roughly",
            "circa",
            "some",
            "ca.",
        ],
        Qualifier::About,
    ),
];

/// [`PREFIXES`] as one list, in order, for one pass of [`matching`].
const PREFIX_PHRASES: [Phrase<Qualifier>; group_len(PREFIXES)] = phrase_groups(PREFIXES);

/// A qualifier before the figure, with the space after it: "about ", "more than ", "~".
pub(crate) fn prefix_qualifier(i: &str) -> Res<'_, Qualifier> {
    if let Some(r) = i.strip_prefix('~') {
        let (r, _) = ws0(r)?;
        return Ok((r, Qualifier::About));
    }
    if let Some((p, (r, _))) = matching(i, &PREFIX_PHRASES).next() {
        let (r, _) = ws(r)?;
        return Ok((r, p.value));
    }
    fail(i)
}

/// A qualifier after the figure: " or more", " or so", "-plus", "+", "-odd".
pub(crate) fn suffix_qualifier(i: &str) -> Res<'_, Qualifier> {
    if let Some(r) = i.strip_prefix('+') {
        // "5,000+" but not "5+3".
        if !r.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((r, Qualifier::AtLeast));
        }
    }
    if let Some(r) = i.strip_prefix('-') {
        if let Ok((r, _)) = phrase("plus")(r) {
            return Ok((r, Qualifier::AtLeast));
        }
        if let Ok((r, _)) = phrase("odd")(r) {
            return Ok((r, Qualifier::About));
        }
    }
    let (r, _) = ws(i)?;
    if let Ok((r, _)) = any_phrase(
        r,
        const {
            &phrases([
                "or more",
                "or above",
                "or higher",
                "or greater",
                "or over",
                "and more",
                "and above",
                "and over",
                "and up",
                "plus",
            ])
        },
    ) {
        boundary(r)?;
        return Ok((r, Qualifier::AtLeast));
    }
    if let Ok((r, _)) = any_phrase(r, const { &phrases(["or so", "or thereabouts", "odd"]) }) {
        return Ok((r, Qualifier::About));
    }
    if let Ok((r, _)) = any_phrase(
        r,
        const {
            &phrases([
                "or fewer",
                "or less",
                "or below",
                "or lower",
                "and less",
                "and below",
                "and under",
                "at most",
            ])
        },
    ) {
        return Ok((r, Qualifier::UpTo));
    }
    fail(i)
}

/// Applies a qualifier to the interval `[low, high]` of a figure.
pub(crate) fn apply(q: Option<Qualifier>, low: f64, high: f64) -> (Option<f64>, Option<f64>) {
    match q {
        None | Some(Qualifier::About | Qualifier::Estimated) => (Some(low), Some(high)),
        Some(Qualifier::Nearly) => (Some(low * 0.9), Some(high)),
        Some(Qualifier::JustOver) => (Some(low), Some(high * 1.1)),
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => (Some(low), None),
        Some(Qualifier::LessThan | Qualifier::UpTo) => (None, Some(high)),
    }
}

/// "another", "an additional", "additional", "a further", "an extra": increments.
pub(crate) fn increment(i: &str) -> Res<'_, ()> {
    let (r, _) = any_phrase(
        i,
        const {
            &phrases([
                "another",
                "an additional",
                "additional",
                "a further",
                "an extra",
            ])
        },
    )?;
    let (r, _) = ws(r)?;
    Ok((r, ()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_and_around_and_roughly() {
        for p in [
            "about 5",
            "around 5",
            "roughly 5",
            "approximately 5",
            "some 5",
            "~5",
        ] {
            assert_eq!(prefix_qualifier(p), Ok(("5", Qualifier::About)), "{p}");
        }
    }

    #[test]
    fn an_estimated() {
        assert_eq!(
            prefix_qualifier("an estimated 11,000"),
            Ok(("11,000", Qualifier::Estimated))
        );
    }

    #[test]
    fn nearly_almost_close_to_just_under() {
        for p in ["nearly 9", "almost 9", "close to 9", "just under 9"] {
            assert_eq!(prefix_qualifier(p), Ok(("9", Qualifier::Nearly)), "{p}");
        }
    }

    #[test]
    fn more_than_over_upwards_of() {
        for p in ["more than 9", "over 9", "upwards of 9", "in excess of 9"] {
            assert_eq!(prefix_qualifier(p), Ok(("9", Qualifier::MoreThan)), "{p}");
        }
    }

    #[test]
    fn at_least_and_up_to_and_as_many_as() {
        assert_eq!(
            prefix_qualifier("at least 9"),
            Ok(("9", Qualifier::AtLeast))
        );
        assert_eq!(prefix_qualifier("up to 9"), Ok(("9", Qualifier::UpTo)));
        assert_eq!(prefix_qualifier("as many as 9"), Ok(("9", Qualifier::UpTo)));
        assert_eq!(prefix_qualifier("at most 9"), Ok(("9", Qualifier::UpTo)));
    }

    #[test]
    fn fewer_than_less_than_under() {
        for p in ["fewer than 9", "less than 9", "under 9"] {
            assert_eq!(prefix_qualifier(p), Ok(("9", Qualifier::LessThan)), "{p}");
        }
    }

    #[test]
    fn overall_is_not_over() {
        assert!(prefix_qualifier("overall 9").is_err());
        assert!(prefix_qualifier("someone").is_err());
    }

    #[test]
    fn or_more_plus_and_sign() {
        assert_eq!(
            suffix_qualifier(" or more troops"),
            Ok((" troops", Qualifier::AtLeast))
        );
        assert_eq!(suffix_qualifier("-plus"), Ok(("", Qualifier::AtLeast)));
        assert_eq!(
            suffix_qualifier("+ troops"),
            Ok((" troops", Qualifier::AtLeast))
        );
        assert!(suffix_qualifier("+3").is_err());
        assert_eq!(suffix_qualifier(" or so"), Ok(("", Qualifier::About)));
    }

    #[test]
    fn intervals_follow_the_qualifier() {
        assert_eq!(
            apply(Some(Qualifier::MoreThan), 1e7, 1e7),
            (Some(1e7), None)
        );
        assert_eq!(
            apply(Some(Qualifier::Nearly), 1e4, 1e4),
            (Some(9e3), Some(1e4))
        );
        assert_eq!(apply(Some(Qualifier::UpTo), 5.0, 5.0), (None, Some(5.0)));
        assert_eq!(
            apply(Some(Qualifier::About), 5.0, 5.0),
            (Some(5.0), Some(5.0))
        );
    }

    #[test]
    fn another_and_an_additional() {
        assert_eq!(increment("Another 1,000"), Ok(("1,000", ())));
        assert_eq!(increment("an additional 3,000"), Ok(("3,000", ())));
    }
}
