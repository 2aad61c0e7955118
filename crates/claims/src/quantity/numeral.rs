//! Numerals written in digits, with their multipliers: "5,000", "5 000",
//! "10,000.5", "1e6", "3.2m", "1.2bn", "10k", "2.5 million", "3 dozen".

use super::lex::{Phrase, Res, boundary, fail, matching, phrases_with, word, ws};

/// How a numeral was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Form {
    /// In digits: `int_len` integer digits, `grouped` with thousands separators, `decimal` with a fraction part.
    Digits {
        int_len: usize,
        grouped: bool,
        decimal: bool,
    },
    /// In words: "twenty-five thousand".
    Words,
}

/// A parsed number before qualifiers, units and ranges are applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// The full value: `base * scale`.
    pub value: f64,
    /// The number before its multiplier ("2.5" in "2.5 million").
    pub base: f64,
    /// The multiplier (1 when none).
    pub scale: f64,
    /// Digits or words.
    pub form: Form,
    /// "2nd", "twenty-first".
    pub ordinal: bool,
}

impl Numeral {
    /// A bare integer in digits without separators, decimals or multiplier: a candidate year.
    pub fn is_plain_integer(&self) -> bool {
        matches!(
            self.form,
            Form::Digits {
                grouped: false,
                decimal: false,
                ..
            }
        ) && self.scale == 1.0
            && !self.ordinal
    }

    /// The same numeral with its base multiplied by `scale` (for "3-4 thousand").
    pub fn rescaled(self, scale: f64) -> Numeral {
        Numeral {
            value: self.base * scale,
            scale,
            ..self
        }
    }
}

/// Characters that may group thousands: comma, space, no-break and thin spaces.
fn is_group_sep(c: char) -> bool {
    matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn digit_run(i: &str) -> &str {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    &i[..n]
}

/// The integer part: "5,000" / "5 000" (groups of three after one to three
/// digits, one separator throughout) or a plain run of digits.
/// Returns the digits (with separators) and whether it was grouped.
fn integer_part(i: &str) -> Res<'_, (&str, bool)> {
    let head = digit_run(i);
    if head.is_empty() {
        return fail(i);
    }
    if head.len() <= 3 {
        let mut rest = &i[head.len()..];
        let mut sep: Option<char> = None;
        let mut groups = 0;
        while let Some(c) = rest.chars().next() {
            if !is_group_sep(c) || sep.is_some_and(|s| s != c) {
                break;
            }
            let after = &rest[c.len_utf8()..];
            let group = digit_run(after);
            if group.len() != 3 {
                break;
            }
            // "1,000.5" is fine; "1,000,00" is not a grouping.
            sep = Some(c);
            groups += 1;
            rest = &after[3..];
        }
        if groups > 0 {
            let taken = i.len() - rest.len();
            return Ok((rest, (&i[..taken], true)));
        }
    }
    Ok((&i[head.len()..], (head, false)))
}

/// ".5" in "1.5", unless a second dot follows ("192.168.1.2" is not a decimal).
fn decimal_part(i: &str) -> Option<(&str, &str)> {
    let after = i.strip_prefix('.')?;
    let frac = digit_run(after);
    if frac.is_empty() {
        return None;
    }
    let rest = &after[frac.len()..];
    if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((rest, &i[..1 + frac.len()]))
}

/// "e6" in "1e6", only when nothing word-like follows.
fn exponent_part(i: &str) -> Option<(&str, &str)> {
    let after = i.strip_prefix(['e', 'E'])?;
    let signed = after.strip_prefix(['+', '-']).unwrap_or(after);
    let digits = digit_run(signed);
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let rest = &signed[digits.len()..];
    boundary(rest).ok()?;
    Some((rest, &i[..i.len() - rest.len()]))
}

/// Parses the digits, separators, decimal and exponent of `text` into a value.
fn to_value(text: &str) -> Option<f64> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-') {
            if n == buf.len() {
                // Longer than any real figure: parse the digits as an approximation.
                return Some(approximate(text));
            }
            buf[n] = b;
            n += 1;
        }
    }
    let v: f64 = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
    v.is_finite().then_some(v)
}

fn approximate(text: &str) -> f64 {
    let int = text.split('.').next().unwrap_or(text);
    let digits = int.bytes().filter(u8::is_ascii_digit).count();
    10f64.powi(digits.saturating_sub(1).min(308) as i32)
}

/// A multiplier glued to the digits: "10k", "3.2m", "1.2bn", "2tn", "$2b".
fn glued_scale(i: &str) -> Option<(&str, f64)> {
    const GLUED: &[(&str, f64)] = &[
        ("mil", 1e6),
        ("tln", 1e12),
        ("mln", 1e6),
        ("bln", 1e9),
        ("trn", 1e12),
        ("mm", 1e6),
        ("mn", 1e6),
        ("bn", 1e9),
        ("tn", 1e12),
        ("k", 1e3),
        ("m", 1e6),
        ("b", 1e9),
    ];
    for &(s, v) in GLUED {
        if i.len() >= s.len() && i.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()) {
            let rest = &i[s.len()..];
            if boundary(rest).is_ok() {
                return Some((rest, v));
            }
        }
    }
    None
}

/// A multiplier word after a space: "million", "billion", "thousand", "bn", "dozen".
pub(crate) fn scale_word(i: &str) -> Res<'_, f64> {
    const WORDS: &[Phrase<f64>] = &phrases_with([
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("quadrillion", 1e15),
        ("dozen", 12.0),
        ("mln", 1e6),
        ("bln", 1e9),
        ("tln", 1e12),
        ("mn", 1e6),
        ("bn", 1e9),
        ("tn", 1e12),
        ("dozs", 12.0),
        ("doz", 12.0),
        ("dzs", 12.0),
        ("dz", 12.0),
        ("k", 1e3),
    ]);
    match matching(i, WORDS).next() {
        Some((w, (rest, _))) => Ok((rest, w.value)),
        None => fail(i),
    }
}

/// A plural multiplier after a number ("three billions", "3 dozens"), but
/// not a vague magnitude that starts a phrase ("In 2020 thousands of people").
pub(crate) fn plural_scale_word(i: &str) -> Res<'_, f64> {
    const WORDS: &[Phrase<f64>] = &phrases_with([
        ("hundreds", 1e2),
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
        ("trillions", 1e12),
        ("dozens", 12.0),
    ]);
    let Some((w, (rest, _))) = matching(i, WORDS).next() else {
        return fail(i);
    };
    if ws(rest).and_then(|(r, _)| word("of")(r)).is_ok() {
        return fail(i);
    }
    Ok((rest, w.value))
}

/// "2nd", "21st", "3rd", "4th" after the digits.
fn ordinal_suffix(i: &str) -> Option<&str> {
    for s in ["st", "nd", "rd", "th"] {
        if i.len() >= 2 && i.as_bytes()[..2].eq_ignore_ascii_case(s.as_bytes()) {
            let rest = &i[2..];
            if boundary(rest).is_ok() {
                return Some(rest);
            }
        }
    }
    None
}

/// A numeral in digits or in words. At most one of the two can match: digits
/// start with a digit or a point, words with a letter. The figure rules
/// read it once at a position and hand it to each rule that starts there.
pub(crate) fn any_numeral(i: &str) -> Res<'_, Numeral> {
    digit_numeral(i).or_else(|_| super::words::word_numeral(i))
}

/// A numeral in digits with an optional multiplier, spaced ("2.5 million")
/// or glued ("10k", "1.2bn", "$2b").
pub(crate) fn digit_numeral(i: &str) -> Res<'_, Numeral> {
    if i.starts_with('.') {
        // ".77": a decimal without its leading zero.
        let (rest, frac) = decimal_part(i).ok_or_else(|| {
            nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit))
        })?;
        let value = to_value(frac).ok_or_else(|| {
            nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit))
        })?;
        let form = Form::Digits {
            int_len: 0,
            grouped: false,
            decimal: true,
        };
        return Ok((
            rest,
            Numeral {
                value,
                base: value,
                scale: 1.0,
                form,
                ordinal: false,
            },
        ));
    }
    let (mut rest, (int, grouped)) = integer_part(i)?;
    let mut decimal = false;
    if let Some((r, _)) = decimal_part(rest) {
        rest = r;
        decimal = true;
    }
    if !grouped {
        if let Some((r, _)) = exponent_part(rest) {
            rest = r;
        }
    }
    let written = &i[..i.len() - rest.len()];
    let Some(base) = to_value(written) else {
        return fail(i);
    };
    let form = Form::Digits {
        int_len: int.bytes().filter(u8::is_ascii_digit).count(),
        grouped,
        decimal,
    };
    if !decimal {
        if let Some(r) = ordinal_suffix(rest) {
            let n = Numeral {
                value: base,
                base,
                scale: 1.0,
                form,
                ordinal: true,
            };
            return Ok((r, n));
        }
    }
    let mut scale = 1.0;
    if let Some((r, s)) = glued_scale(rest) {
        rest = r;
        scale = s;
    }
    // Spaced multiplier words, possibly chained: "2.5 million", "5 hundred thousand".
    let year_like = !grouped && !decimal && int.len() == 4;
    while let Ok((after_ws, _)) = ws(rest) {
        let plural = if year_like {
            fail(after_ws)
        } else {
            plural_scale_word(after_ws)
        };
        let Ok((r, s)) = scale_word(after_ws).or(plural) else {
            break;
        };
        if scale != 1.0 && s <= scale && s != 12.0 {
            break;
        }
        rest = r;
        scale *= s;
    }
    let mut value = base * scale;
    if scale >= 100.0 {
        // "3 million and a half", "3 hundred and 21", "4 thousand 3 hundred and 21".
        if let Ok((r, _)) = ws(rest).and_then(|(r, _)| super::lex::phrase("and a half")(r)) {
            if ws(r).and_then(|(r2, _)| scale_word(r2)).is_err() {
                value += 0.5 * scale;
                rest = r;
            }
        } else {
            let after = ws(rest).map(|(r, _)| r).unwrap_or(rest);
            let after = match word("and")(after).and_then(|(r, _)| ws(r)) {
                Ok((r, _)) => r,
                Err(_) => after,
            };
            if after.len() < rest.len() {
                let next = digit_numeral(after).or_else(|_| super::words::word_numeral(after));
                if let Ok((r, n)) = next {
                    if n.value >= 1.0
                        && n.value < scale
                        && !n.ordinal
                        && (n.scale > 1.0
                            || after.len() + 3 < rest.len()
                            || word("and")(ws(rest).map(|(r, _)| r).unwrap_or(rest)).is_ok())
                    {
                        value += n.value;
                        rest = r;
                    }
                }
            }
        }
    }
    if !value.is_finite() {
        return fail(i);
    }
    Ok((
        rest,
        Numeral {
            value,
            base,
            scale,
            form,
            ordinal: false,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> (f64, &str) {
        let (rest, n) = digit_numeral(s).unwrap();
        (n.value, rest)
    }

    #[test]
    fn comma_grouped_5_000() {
        assert_eq!(value("5,000 troops"), (5000.0, " troops"));
    }

    #[test]
    fn space_grouped_5_000_and_no_break_space() {
        assert_eq!(value("5 000 troops"), (5000.0, " troops"));
        assert_eq!(value("5\u{a0}000 troops"), (5000.0, " troops"));
        assert_eq!(value("1\u{202f}250\u{202f}000"), (1_250_000.0, ""));
    }

    #[test]
    fn decimals_1_5_and_10_000_5() {
        assert_eq!(value("1.5"), (1.5, ""));
        assert_eq!(value("10,000.5 tons"), (10000.5, " tons"));
    }

    #[test]
    fn glued_multipliers_3_2m_1_2bn_10k_1_2tn() {
        assert_eq!(value("3.2m people"), (3_200_000.0, " people"));
        assert_eq!(value("1.2bn"), (1_200_000_000.0, ""));
        assert_eq!(value("10k"), (10_000.0, ""));
        assert_eq!(value("1.2tn"), (1.2e12, ""));
    }

    #[test]
    fn glued_b_1_2b_and_mil_and_mm() {
        assert_eq!(digit_numeral("2b").unwrap().1.value, 2e9);
        assert_eq!(value("1.2b").0, 1.2e9);
        assert_eq!(value("2mil SEK").0, 2e6);
        assert_eq!(value("1MM").0, 1e6);
    }

    #[test]
    fn leading_point_77() {
        assert_eq!(value(".77"), (0.77, ""));
    }

    #[test]
    fn plural_multipliers_3_dozens_but_not_2020_thousands_of() {
        assert_eq!(value("3 dozens"), (36.0, ""));
        assert_eq!(value("2020 thousands of people").0, 2020.0);
        assert_eq!(value("35 thousands of people").0, 35.0);
    }

    #[test]
    fn digit_compounds_4_thousand_3_hundred_and_21() {
        assert_eq!(value("4 thousand 3 hundred and 21").0, 4321.0);
        assert_eq!(value("3 million and a half").0, 3.5e6);
    }

    #[test]
    fn spaced_multipliers_10_million_2_5_billion() {
        assert_eq!(value("10 million shells"), (1e7, " shells"));
        assert_eq!(value("2.5 billion"), (2.5e9, ""));
        assert_eq!(value("5 hundred thousand"), (5e5, ""));
        assert_eq!(value("3 dozen eggs"), (36.0, " eggs"));
    }

    #[test]
    fn exponent_1e6_only_as_a_number() {
        assert_eq!(value("1e6 cells"), (1e6, " cells"));
        // "1e6x" is not a number in exponent form: the exponent is not taken.
        assert_eq!(value("1e6x").0, 1.0);
    }

    #[test]
    fn overflowing_1e400_is_rejected() {
        assert!(digit_numeral("1e400").is_err());
    }

    #[test]
    fn forty_digits_do_not_panic() {
        let (n, _) = value("1234567890123456789012345678901234567890");
        assert!(n > 1e39);
    }

    #[test]
    fn list_of_digits_1_2_3_4_is_not_grouped() {
        assert_eq!(value("1,2,3,4"), (1.0, ",2,3,4"));
    }

    #[test]
    fn dotted_quad_is_not_a_decimal() {
        assert_eq!(value("192.168.1.2"), (192.0, ".168.1.2"));
    }

    #[test]
    fn ordinal_suffix_2nd() {
        let (_, n) = digit_numeral("2nd place").unwrap();
        assert!(n.ordinal);
        assert_eq!(n.value, 2.0);
    }
}
