//! Numbers written in words: "two", "twenty-five", "one hundred and twenty",
//! "twenty-five thousand", "a dozen", "a million", "half a million",
//! "a quarter of a million", "two and a half million", and ordinal words
//! ("first", "twenty-first", "hundredth").

use super::lex::{Phrase, Res, fail, lower_word, matching, phrase, phrases_with, word, ws};
use super::numeral::{Form, Numeral, scale_word};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// "a" / "an", one when a multiplier follows.
    A,
    /// zero to nineteen.
    Small(f64),
    /// twenty to ninety.
    Tens(f64),
    Hundred,
    /// thousand, million, billion, trillion.
    Scale(f64),
    Dozen,
    /// "thousands", "millions", "dozens" after a number: "three billions".
    Plural(f64),
    And,
    /// first to nineteenth.
    OrdSmall(f64),
    /// twentieth to ninetieth.
    OrdTens(f64),
    OrdHundred,
    OrdScale(f64),
}

fn lookup(w: &str) -> Option<Tok> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ORD_SMALL: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const ORD_TENS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(n) = SMALL.iter().position(|&s| s == w) {
        return Some(Tok::Small(n as f64));
    }
    if let Some(n) = TENS.iter().position(|&s| s == w) {
        return Some(Tok::Tens(20.0 + 10.0 * n as f64));
    }
    if let Some(n) = ORD_SMALL.iter().position(|&s| s == w) {
        return Some(Tok::OrdSmall(n as f64));
    }
    if let Some(n) = ORD_TENS.iter().position(|&s| s == w) {
        return Some(Tok::OrdTens(20.0 + 10.0 * n as f64));
    }
    Some(match w {
        "a" | "an" => Tok::A,
        "naught" | "nought" => Tok::Small(0.0),
        "fourty" => Tok::Tens(40.0),
        "hundred" => Tok::Hundred,
        "thousand" => Tok::Scale(1e3),
        "million" => Tok::Scale(1e6),
        "billion" => Tok::Scale(1e9),
        "trillion" => Tok::Scale(1e12),
        "quadrillion" => Tok::Scale(1e15),
        "quintillion" => Tok::Scale(1e18),
        "sextillion" => Tok::Scale(1e21),
        "nil" => Tok::Small(0.0),
        "hundreds" => Tok::Plural(1e2),
        "thousands" => Tok::Plural(1e3),
        "millions" => Tok::Plural(1e6),
        "billions" => Tok::Plural(1e9),
        "dozens" => Tok::Plural(12.0),
        "dozen" | "doz" | "dozs" | "dz" | "dzs" => Tok::Dozen,
        "and" => Tok::And,
        "hundredth" => Tok::OrdHundred,
        "thousandth" => Tok::OrdScale(1e3),
        "millionth" => Tok::OrdScale(1e6),
        "billionth" => Tok::OrdScale(1e9),
        _ => return None,
    })
}

fn token(i: &str) -> Option<(Tok, &str)> {
    let mut buf = [0u8; 16];
    let w = lower_word(i, &mut buf);
    if w.is_empty() {
        return None;
    }
    let rest = &i[w.len()..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    lookup(w).map(|t| (t, rest))
}

/// The separator between two number words: a hyphen ("twenty-five") or spaces.
fn separator(i: &str) -> Option<&str> {
    if let Some(r) = i.strip_prefix('-') {
        return r
            .starts_with(|c: char| c.is_ascii_alphabetic())
            .then_some(r);
    }
    ws(i).ok().map(|(r, _)| r)
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Small,
    Tens,
    Hundred,
    Scale,
    Dozen,
}

/// "and a half" after a number: "two and a half million".
fn and_a_half(i: &str) -> Option<&str> {
    phrase("and a half")(i).ok().map(|(r, _)| r)
}

fn words_numeral(value: f64, base: f64, scale: f64, ordinal: bool) -> Numeral {
    Numeral {
        value,
        base,
        scale,
        form: Form::Words,
        ordinal,
    }
}

/// A cardinal or ordinal number in words.
pub(crate) fn word_numeral(i: &str) -> Res<'_, Numeral> {
    if let Ok(r) = fraction_of_scale(i) {
        return Ok(r);
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Last::Start;
    let mut last_scale = f64::INFINITY;
    let mut scale_used = 1.0;
    let mut rest = i; // after the last accepted token
    let mut cursor = i; // where the next token is read
    let mut ordinal = false;
    let mut bare_start = false;
    let mut base_before_scale = 0.0;
    while let Some((tok, after)) = token(cursor) {
        match tok {
            Tok::A if last == Last::Start => {
                // "a" counts only when a multiplier follows: "a hundred", "a million", "a dozen".
                let next = separator(after).and_then(token).map(|(t, _)| t);
                if !matches!(next, Some(Tok::Hundred | Tok::Scale(_) | Tok::Dozen)) {
                    break;
                }
                current = 1.0;
                last = Last::A;
            }
            Tok::Small(n) | Tok::OrdSmall(n)
                if matches!(last, Last::Start | Last::Hundred | Last::Scale)
                    || (last == Last::Tens && (1.0..=9.0).contains(&n)) =>
            {
                if n == 0.0 && last != Last::Start {
                    break;
                }
                current += n;
                last = Last::Small;
                ordinal = matches!(tok, Tok::OrdSmall(_));
            }
            Tok::Tens(n) | Tok::OrdTens(n)
                if matches!(last, Last::Start | Last::Hundred | Last::Scale) =>
            {
                current += n;
                last = Last::Tens;
                ordinal = matches!(tok, Tok::OrdTens(_));
            }
            Tok::Hundred if last == Last::Start => {
                // "hundred fifteen": a bare multiplier counts one.
                bare_start = true;
                current = 100.0;
                last = Last::Hundred;
            }
            Tok::Scale(s) if last == Last::Start => {
                // "thousand nine hundred twenty", "million".
                bare_start = true;
                total = s;
                base_before_scale = 1.0;
                scale_used = s;
                last_scale = s;
                last = Last::Scale;
            }
            Tok::Plural(s)
                if matches!(last, Last::Small | Last::Tens | Last::Hundred | Last::Scale)
                    && !(bare_start && (current == 100.0 || total == last_scale))
                    && (current > 0.0 || total > 0.0)
                    && ws(after).and_then(|(r, _)| word("of")(r)).is_err() =>
            {
                // "three billions", "thirty-five thousands", "sixty hundreds", "three dozens".
                if s == 12.0 {
                    // "three hundred and two dozens" is 300 + 24.
                    let low = current % 100.0;
                    current = current - low + low * 12.0;
                    last = Last::Dozen;
                } else if current > 0.0 && s < last_scale {
                    total += current * s;
                    current = 0.0;
                    last = Last::Scale;
                } else if current == 0.0 && total > 0.0 {
                    // "three thousand millions".
                    total *= s;
                    last = Last::Scale;
                } else {
                    break;
                }
                rest = after;
                break;
            }
            Tok::Hundred | Tok::OrdHundred
                if matches!(last, Last::A | Last::Small | Last::Tens) && current % 100.0 >= 1.0 =>
            {
                let low = current % 100.0;
                current = current - low + low * 100.0;
                last = Last::Hundred;
                ordinal = tok == Tok::OrdHundred;
            }
            Tok::Scale(s) | Tok::OrdScale(s)
                if matches!(last, Last::A | Last::Small | Last::Tens | Last::Hundred)
                    && s < last_scale
                    && current > 0.0 =>
            {
                if total == 0.0 {
                    base_before_scale = current;
                    scale_used = s;
                }
                total += current * s;
                current = 0.0;
                last_scale = s;
                last = Last::Scale;
                ordinal = matches!(tok, Tok::OrdScale(_));
            }
            Tok::Dozen if matches!(last, Last::A | Last::Small | Last::Tens) => {
                let low = current % 100.0;
                current = current - low + low * 12.0;
                last = Last::Dozen;
            }
            Tok::And if last == Last::Scale && total > 0.0 && current == 0.0 => {
                // "one billion and a half million", "one million and a half", "two million and one half".
                if let Ok((r, n)) = separator(after).map_or(fail(after), fraction_of_scale) {
                    if n.value < last_scale {
                        return Ok((
                            r,
                            words_numeral(total + n.value, total + n.value, 1.0, false),
                        ));
                    }
                }
                let half = phrase("and a half")(cursor).or_else(|_| phrase("and one half")(cursor));
                if let Ok((r, _)) = half {
                    let v = total + 0.5 * last_scale;
                    return Ok((r, words_numeral(v, v / last_scale, last_scale, false)));
                }
                let next = separator(after).and_then(|r| token(r).map(|(t, _)| (t, r)));
                match next {
                    Some((
                        Tok::Small(_) | Tok::Tens(_) | Tok::OrdSmall(_) | Tok::OrdTens(_),
                        r,
                    )) => {
                        cursor = r;
                        continue;
                    }
                    _ => break,
                }
            }
            Tok::And if matches!(last, Last::Hundred | Last::Scale) => {
                // Only when a number word follows: "one hundred and twenty".
                let next = separator(after).and_then(|r| token(r).map(|(t, _)| (t, r)));
                match next {
                    Some((
                        Tok::Small(_) | Tok::Tens(_) | Tok::OrdSmall(_) | Tok::OrdTens(_),
                        r,
                    )) => {
                        cursor = r;
                        continue;
                    }
                    _ => break,
                }
            }
            Tok::And if matches!(last, Last::Small | Last::Tens) => {
                // "two and a half million".
                let Some(r) = and_a_half(cursor) else { break };
                let Ok((r2, s)) = ws(r).and_then(|(r, _)| scale_word(r)) else {
                    break;
                };
                if s < 1e3 || total != 0.0 {
                    break;
                }
                let base = current + 0.5;
                return Ok((r2, words_numeral(base * s, base, s, false)));
            }
            _ => break,
        }
        rest = after;
        if ordinal || last == Last::Dozen {
            break;
        }
        if last == Last::Tens {
            // "fifty - two".
            if let Ok((r, _)) = spaced_hyphen(after) {
                if let Some((Tok::Small(n), _)) = token(r) {
                    if (1.0..=9.0).contains(&n) {
                        cursor = r;
                        continue;
                    }
                }
            }
        }
        match separator(after) {
            Some(r) => cursor = r,
            None => break,
        }
    }
    if !matches!(last, Last::Start | Last::A) && !ordinal {
        // "two hundred point seventy-one", "nine point nought four", "two point two million".
        if let Some((r, frac)) = spoken_decimal(rest) {
            let value = total + current + frac;
            if let Ok((r2, s)) = ws(r).and_then(|(r2, _)| scale_word(r2)) {
                if total == 0.0 {
                    return Ok((r2, words_numeral(value * s, value, s, false)));
                }
            }
            return Ok((r, words_numeral(value, value, 1.0, false)));
        }
    }
    if matches!(last, Last::Start | Last::A) {
        return fail(i);
    }
    let value = total + current;
    let (base, scale) = if scale_used > 1.0 && current == 0.0 {
        (base_before_scale, scale_used)
    } else {
        (value, 1.0)
    };
    Ok((rest, words_numeral(value, base, scale, ordinal)))
}

fn spaced_hyphen(i: &str) -> Res<'_, ()> {
    let (r, _) = ws(i)?;
    let r = r
        .strip_prefix('-')
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char)))?;
    let (r, _) = ws(r)?;
    Ok((r, ()))
}

/// " point seventy-one", " point nought four": the digits after a spoken decimal point.
fn spoken_decimal(i: &str) -> Option<(&str, f64)> {
    let (r, _) = ws(i).ok()?;
    let (r, _) = word("point")(r).ok()?;
    let mut cursor = ws(r).ok()?.0;
    let mut digits = String::new();
    let mut rest = r;
    // A single compound ("seventy-one", "eleven") or a run of single digits ("nought four").
    if let Some((Tok::Tens(t), after)) = token(cursor) {
        let mut v = t;
        rest = after;
        if let Some(r2) = after.strip_prefix('-') {
            if let Some((Tok::Small(n), a2)) = token(r2) {
                if (1.0..=9.0).contains(&n) {
                    v += n;
                    rest = a2;
                }
            }
        }
        digits = format!("{v}");
    } else {
        while let Some((Tok::Small(n), after)) = token(cursor) {
            if digits.is_empty() && n >= 10.0 {
                digits = format!("{n}");
                rest = after;
                break;
            }
            if n >= 10.0 {
                break;
            }
            digits.push(char::from(b'0' + n as u8));
            rest = after;
            match ws(after) {
                Ok((r2, _)) => cursor = r2,
                Err(_) => break,
            }
        }
    }
    if digits.is_empty() {
        return None;
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    Some((rest, frac))
}

/// "half a million", "a half million", "a quarter of a million",
/// "a quarter million", "three quarters of a million".
fn fraction_of_scale(i: &str) -> Res<'_, Numeral> {
    const PARTS: &[Phrase<f64>] = &phrases_with([
        ("two thirds of a", 2.0 / 3.0),
        ("two-thirds of a", 2.0 / 3.0),
        ("a third of a", 1.0 / 3.0),
        ("three quarters", 0.75),
        ("three quarters of a", 0.75),
        ("three-quarters of a", 0.75),
        ("a quarter of a", 0.25),
        ("quarter of a", 0.25),
        ("a quarter", 0.25),
        ("half a", 0.5),
        ("half an", 0.5),
        ("a half", 0.5),
        ("one half", 0.5),
        ("half", 0.5),
        ("quarter", 0.25),
    ]);
    for (p, (r, _)) in matching(i, PARTS) {
        let f = p.value;
        let Ok((r, _)) = ws(r) else { continue };
        if let Ok((r, s)) = scale_word(r) {
            if s >= 100.0 {
                return Ok((r, words_numeral(f * s, f, s, false)));
            }
        }
    }
    fail(i)
}

/// "a couple of", "a couple", "couple of": two, approximately.
pub(crate) fn couple(i: &str) -> Res<'_, f64> {
    let (r, _) = phrase("a couple")(i).or_else(|_| word("couple")(i))?;
    let r = match ws(r).and_then(|(r2, _)| word("of")(r2)) {
        Ok((r2, _)) => r2,
        Err(_) => r,
    };
    Ok((r, 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (f64, &str) {
        let (rest, n) = word_numeral(s).unwrap();
        (n.value, rest)
    }

    #[test]
    fn two() {
        assert_eq!(v("two sides"), (2.0, " sides"));
    }

    #[test]
    fn twenty_five_with_hyphen_and_space() {
        assert_eq!(v("twenty-five troops"), (25.0, " troops"));
        assert_eq!(v("Twenty five"), (25.0, ""));
    }

    #[test]
    fn one_hundred_and_twenty() {
        assert_eq!(v("one hundred and twenty people"), (120.0, " people"));
        assert_eq!(v("one hundred twenty"), (120.0, ""));
    }

    #[test]
    fn twenty_five_thousand() {
        assert_eq!(v("twenty-five thousand"), (25_000.0, ""));
    }

    #[test]
    fn long_compound_number() {
        assert_eq!(
            v("fifty-three billion two hundred forty-three thousand seven hundred twenty-four").0,
            53_000_243_724.0
        );
    }

    #[test]
    fn a_dozen_and_two_dozen() {
        assert_eq!(v("a dozen eggs"), (12.0, " eggs"));
        assert_eq!(v("two dozen"), (24.0, ""));
    }

    #[test]
    fn a_million_and_a_hundred() {
        assert_eq!(v("a million shells"), (1e6, " shells"));
        assert_eq!(v("a hundred and five"), (105.0, ""));
    }

    #[test]
    fn bare_a_is_not_a_number() {
        assert!(word_numeral("a soldier").is_err());
        assert!(word_numeral("a second").is_err());
    }

    #[test]
    fn half_a_million() {
        assert_eq!(v("half a million people"), (500_000.0, " people"));
        assert_eq!(v("a half million"), (500_000.0, ""));
    }

    #[test]
    fn a_quarter_of_a_million() {
        assert_eq!(v("a quarter of a million"), (250_000.0, ""));
        assert_eq!(v("three quarters of a million"), (750_000.0, ""));
    }

    #[test]
    fn two_and_a_half_million() {
        assert_eq!(v("two and a half million"), (2_500_000.0, ""));
    }

    #[test]
    fn and_without_a_number_after_is_left() {
        assert_eq!(v("one hundred and counting"), (100.0, " and counting"));
        assert_eq!(v("two and three"), (2.0, " and three"));
    }

    #[test]
    fn ordinals_first_twenty_first_hundredth() {
        let (_, n) = word_numeral("first anniversary").unwrap();
        assert!(n.ordinal);
        assert_eq!(n.value, 1.0);
        assert_eq!(word_numeral("twenty-first").unwrap().1.value, 21.0);
        assert_eq!(word_numeral("one hundredth").unwrap().1.value, 100.0);
    }

    #[test]
    fn bare_multipliers_hundred_fifteen_and_thousand() {
        assert_eq!(v("hundred fifteen").0, 115.0);
        assert_eq!(v("thousand nine hundred twenty").0, 1920.0);
        assert_eq!(v("million").0, 1e6);
    }

    #[test]
    fn plural_multipliers_three_billions_and_three_dozens() {
        assert_eq!(v("three billions").0, 3e9);
        assert_eq!(v("thirty-five thousands").0, 35_000.0);
        assert_eq!(v("three dozens").0, 36.0);
        assert_eq!(v("three thousands of people").0, 3.0);
    }

    #[test]
    fn spoken_decimals_two_point_two_million_and_point_seventy_one() {
        assert_eq!(v("two point two million").0, 2.2e6);
        assert_eq!(v("two hundred point seventy-one").0, 200.71);
        assert_eq!(v("nine point nought four").0, 9.04);
    }

    #[test]
    fn halves_of_a_scale() {
        assert_eq!(v("half million").0, 5e5);
        assert_eq!(v("one million and a half").0, 1.5e6);
        assert_eq!(v("one billion and a quarter million").0, 1_000_250_000.0);
    }

    #[test]
    fn quadrillion() {
        assert_eq!(v("seven quadrillion").0, 7e15);
    }

    #[test]
    fn fifty_spaced_hyphen_two() {
        assert_eq!(v("fifty - two").0, 52.0);
    }

    #[test]
    fn a_couple_of() {
        assert_eq!(couple("a couple of weeks"), Ok((" weeks", 2.0)));
    }

    #[test]
    fn non_number_words_fail() {
        assert!(word_numeral("someone").is_err());
        assert!(word_numeral("millionaire").is_err());
        assert!(word_numeral("oneself").is_err());
    }
}
