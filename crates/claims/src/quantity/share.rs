//! Percentages and fractions: "81 percent", "81%", "81 per cent",
//! "3 percentage points", "half of", "a third of", "two-thirds", "one in seven".

use super::lex::{Res, any_phrase, boundary, fail, phrases, word, ws};
use super::model::Unit;
use super::numeral::{Form, Numeral, any_numeral, digit_numeral};

/// The percent unit after a number: "%", " percent", " per cent", " pct",
/// " percentage points".
pub(crate) fn percent_suffix(i: &str) -> Res<'_, Unit> {
    if let Some(r) = i.strip_prefix('%').or_else(|| i.strip_prefix(" %")) {
        return Ok((r, Unit::Percent));
    }
    let (r, _) = ws(i)?;
    if let Ok((r, _)) = any_phrase(
        r,
        const { &phrases(["percentage points", "percentage point", "pp"]) },
    ) {
        return Ok((r, Unit::PercentagePoints));
    }
    let (r, _) = any_phrase(
        r,
        const { &phrases(["per cent", "percents", "percent", "percentage", "pct"]) },
    )?;
    Ok((r, Unit::Percent))
}

/// Denominator words: "half", "third(s)", "quarter(s)", "fourth(s)" … "tenth(s)".
fn denominator(i: &str) -> Res<'_, (f64, bool)> {
    const DENOMS: &[(&str, &str, f64)] = &[
        ("half", "halves", 2.0),
        ("third", "thirds", 3.0),
        ("quarter", "quarters", 4.0),
        ("fourth", "fourths", 4.0),
        ("fifth", "fifths", 5.0),
        ("sixth", "sixths", 6.0),
        ("seventh", "sevenths", 7.0),
        ("eighth", "eighths", 8.0),
        ("ninth", "ninths", 9.0),
        ("tenth", "tenths", 10.0),
    ];
    for &(one, many, d) in DENOMS {
        if let Ok((r, _)) = word(many)(i) {
            return Ok((r, (d, true)));
        }
        if let Ok((r, _)) = word(one)(i) {
            return Ok((r, (d, false)));
        }
    }
    fail(i)
}

/// What may follow a bare "half" for it to be a share: "half of", "half the", "half its".
fn share_follows(i: &str) -> bool {
    ws(i)
        .ok()
        .and_then(|(r, _)| {
            any_phrase(
                r,
                const { &phrases(["of", "the", "its", "their", "his", "her", "all", "our"]) },
            )
            .ok()
        })
        .is_some()
}

/// "two-thirds", "two thirds", "one third", "a third of", "three quarters",
/// "half of", "one-half". `at_i` is [`any_numeral`] at `i`.
fn word_fraction<'a>(i: &'a str, at_i: &Res<'a, Numeral>) -> Res<'a, f64> {
    // "half of", "half the" — but not "half a million" (a number, tried first by the caller).
    if let Ok((r, _)) = word("half")(i) {
        if share_follows(r) {
            return Ok((r, 0.5));
        }
        return fail(i);
    }
    let (r, num) = if let Ok((r, _)) = word("a")(i) {
        (r, None)
    } else {
        // A numeral in words; one in digits means none in words.
        let (r, n) = match at_i {
            Ok((r, n)) if n.form == Form::Words => (*r, *n),
            _ => return fail(i),
        };
        if n.ordinal || n.value < 1.0 || n.value > 20.0 || n.value.fract() != 0.0 {
            return fail(i);
        }
        (r, Some(n.value))
    };
    let r = r
        .strip_prefix('-')
        .map(Ok)
        .unwrap_or_else(|| ws(r).map(|(r, _)| r))?;
    let (r, (d, plural)) = denominator(r)?;
    match num {
        // "a third" is a share only before "of": "a third of the troops", not "a third round".
        None if plural => fail(i),
        None => {
            let (_, _) = ws(r).and_then(|(r2, _)| word("of")(r2))?;
            Ok((r, 1.0 / d))
        }
        Some(n) if plural == (n > 1.0) || d == 2.0 => {
            if n >= d {
                return fail(i);
            }
            Ok((r, n / d))
        }
        Some(_) => fail(i),
    }
}

/// "one in seven", "1 in 5", "three out of four". `at_i` is [`any_numeral`] at `i`.
fn one_in_n<'a>(i: &'a str, at_i: &Res<'a, Numeral>) -> Res<'a, f64> {
    // A whole number without a multiplier, in words or digits.
    let small = |s, n: Res<'a, Numeral>| {
        n.and_then(|(r, n)| {
            if n.ordinal || n.scale != 1.0 || n.value.fract() != 0.0 {
                fail(s)
            } else {
                Ok((r, n.value))
            }
        })
    };
    let (r, a) = small(i, at_i.clone())?;
    let (r, _) = ws(r)?;
    let (r, _) = any_phrase(r, const { &phrases(["out of", "in"]) })?;
    let (r, _) = ws(r)?;
    let (r, b) = small(r, any_numeral(r))?;
    boundary(r)?;
    // "1 in 2024" is a year, not a share.
    if a < 1.0 || b <= a || b > 1000.0 {
        return fail(i);
    }
    Ok((r, a / b))
}

/// "1/3", "3/4": small fractions in digits (not dates such as 6/26/25).
/// `at_i` is [`any_numeral`] at `i`.
fn digit_fraction<'a>(i: &'a str, at_i: &Res<'a, Numeral>) -> Res<'a, f64> {
    let (r, a) = match at_i {
        Ok((r, a)) if matches!(a.form, Form::Digits { .. }) => (*r, *a),
        _ => return fail(i),
    };
    let r = r
        .strip_prefix('/')
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char)))?;
    let (r, b) = digit_numeral(r)?;
    if r.starts_with('/') || !a.is_plain_integer() || !b.is_plain_integer() {
        return fail(i);
    }
    if a.value < 1.0 || b.value > 12.0 || a.value >= b.value {
        return fail(i);
    }
    boundary(r)?;
    Ok((r, a.value / b.value))
}

/// A share of a whole, as a ratio in 0..1. `at_i` is [`any_numeral`] at
/// `i`, which the caller has read already.
pub(crate) fn fraction<'a>(i: &'a str, at_i: &Res<'a, Numeral>) -> Res<'a, f64> {
    one_in_n(i, at_i)
        .or_else(|_| word_fraction(i, at_i))
        .or_else(|_| digit_fraction(i, at_i))
}

#[cfg(test)]
mod tests {
    use super::super::lex::{phrase, ws0};
    use super::*;

    /// The rule as the figure grammar calls it, with the numeral at `i` read first.
    fn fraction(i: &str) -> Res<'_, f64> {
        super::fraction(i, &any_numeral(i))
    }

    /// A fraction followed by "of".
    fn with_of(i: &str) -> Res<'_, f64> {
        let (r, f) = fraction(i)?;
        let (r, _) = ws0(r)?;
        let (r, _) = phrase("of")(r)?;
        Ok((r, f))
    }

    #[test]
    fn percent_81_percent_81_sign_81_per_cent() {
        assert_eq!(percent_suffix(" percent of"), Ok((" of", Unit::Percent)));
        assert_eq!(percent_suffix("% of"), Ok((" of", Unit::Percent)));
        assert_eq!(percent_suffix(" per cent."), Ok((".", Unit::Percent)));
    }

    #[test]
    fn percentage_points() {
        assert_eq!(
            percent_suffix(" percentage points"),
            Ok(("", Unit::PercentagePoints))
        );
    }

    #[test]
    fn half_of() {
        assert_eq!(with_of("half of the troops"), Ok((" the troops", 0.5)));
        assert!(fraction("half a million").is_err());
        assert!(fraction("half-hearted").is_err());
    }

    #[test]
    fn a_third_of() {
        assert_eq!(fraction("a third of them"), Ok((" of them", 1.0 / 3.0)));
        assert!(fraction("a third round").is_err());
    }

    #[test]
    fn two_thirds_with_hyphen_and_space() {
        assert_eq!(fraction("two-thirds of"), Ok((" of", 2.0 / 3.0)));
        assert_eq!(fraction("two thirds"), Ok(("", 2.0 / 3.0)));
        assert_eq!(fraction("three quarters"), Ok(("", 0.75)));
    }

    #[test]
    fn one_in_seven() {
        assert_eq!(fraction("one in seven adults"), Ok((" adults", 1.0 / 7.0)));
        assert_eq!(fraction("three out of four"), Ok(("", 0.75)));
        assert!(fraction("1 in 2024").is_err());
    }

    #[test]
    fn digit_fraction_3_4_not_dates() {
        assert_eq!(fraction("3/4 of"), Ok((" of", 0.75)));
        assert!(fraction("6/26/25").is_err());
    }
}
