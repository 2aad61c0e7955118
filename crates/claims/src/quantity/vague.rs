//! Vague magnitudes and their documented intervals.
//!
//! | phrase | interval |
//! |---|---|
//! | dozens (of) | [24, 100) |
//! | scores of | [40, 100) |
//! | hundreds (of) | [200, 1,000) |
//! | thousands (of) | [2,000, 10,000) |
//! | tens of thousands | [20,000, 100,000) |
//! | hundreds of thousands | [200,000, 1,000,000) |
//! | millions (of) | [2,000,000, 10,000,000) |
//! | tens / hundreds of millions | [2·10⁷, 10⁸) / [2·10⁸, 10⁹) |
//! | billions (of), tens / hundreds of billions | [2·10⁹, 10¹⁰) … |
//! | several S (S = hundred, thousand, million, billion, dozen) | [3·S, 10·S) |
//! | a few S | [2·S, 5·S] |
//! | several / a few / a handful (alone) | [3, 10) / [2, 5] / [2, 6] |
//! | many S | as "Ss" |
//!
//! Upper bounds are exclusive: "thousands" never reaches ten thousand.

use super::lex::{Res, fail, phrase, word, ws};
use super::numeral::scale_word;

/// The interval of a vague magnitude.
pub(crate) fn vague(i: &str) -> Res<'_, (f64, f64)> {
    const TIERED: &[(&str, f64)] = &[
        ("tens of thousands", 1e4),
        ("hundreds of thousands", 1e5),
        ("tens of millions", 1e7),
        ("hundreds of millions", 1e8),
        ("tens of billions", 1e10),
        ("hundreds of billions", 1e11),
        ("hundreds", 1e2),
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
    ];
    let (i2, many) = match word("many")(i).and_then(|(r, _)| ws(r)) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    for &(p, s) in TIERED {
        if let Ok((r, _)) = phrase(p)(i2) {
            return Ok((r, (2.0 * s, 10.0 * s)));
        }
    }
    if let Ok((r, _)) = word("dozens")(i2) {
        return Ok((r, (24.0, 100.0)));
    }
    if many {
        return fail(i);
    }
    if phrase("scores of")(i).is_ok() {
        // The span ends before "of".
        return Ok((&i["scores".len()..], (40.0, 100.0)));
    }
    if let Ok((r, _)) = phrase("a handful")(i) {
        return Ok((r, (2.0, 6.0)));
    }
    let (r, (lo, hi)) = if let Ok((r, _)) = word("several")(i) {
        (r, (3.0, 10.0))
    } else if let Ok((r, _)) = phrase("a few")(i) {
        (r, (2.0, 5.0))
    } else {
        return fail(i);
    };
    // "several thousand"; bare "several" and "a few" are small vague counts.
    match ws(r).and_then(|(r2, _)| scale_word(r2)) {
        Ok((r2, s)) => Ok((r2, (lo * s, hi * s))),
        Err(_) => Ok((r, (lo, hi))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_of() {
        assert_eq!(
            vague("thousands of workers"),
            Ok((" of workers", (2e3, 1e4)))
        );
    }

    #[test]
    fn tens_of_thousands() {
        assert_eq!(vague("tens of thousands"), Ok(("", (2e4, 1e5))));
    }

    #[test]
    fn hundreds_of_thousands() {
        assert_eq!(vague("hundreds of thousands of"), Ok((" of", (2e5, 1e6))));
    }

    #[test]
    fn millions_of() {
        assert_eq!(vague("millions of people"), Ok((" of people", (2e6, 1e7))));
    }

    #[test]
    fn several_thousand() {
        assert_eq!(vague("several thousand"), Ok(("", (3e3, 1e4))));
        assert_eq!(vague("several countries"), Ok((" countries", (3.0, 10.0))));
    }

    #[test]
    fn a_few_hundred() {
        assert_eq!(vague("a few hundred"), Ok(("", (200.0, 500.0))));
    }

    #[test]
    fn dozens_of() {
        assert_eq!(vague("dozens of"), Ok((" of", (24.0, 100.0))));
    }

    #[test]
    fn scores_of() {
        assert_eq!(vague("scores of people"), Ok((" of people", (40.0, 100.0))));
    }

    #[test]
    fn many_thousands() {
        assert_eq!(vague("many thousands"), Ok(("", (2e3, 1e4))));
        assert!(vague("many people").is_err());
    }
}
