//! The figure grammar that composes the rules:
//!
//! ```text
//! figure   := increment? qualifier? core suffix? "more"?
//! core     := "between" amount "and" amount | "from" amount ("to" | "-") amount
//!           | vague | fraction | "a couple (of)" scale? | amount (range-sep amount)?
//! amount   := currency? numeral (percent | currency)?
//! range-sep:= "-" | "–" | "—" | "to" | "or"
//! ```
//!
//! Multipliers and units distribute over ranges: "3-4 thousand" is
//! [3,000, 4,000], "$1-2 billion" is money, "5-7%" is a percentage.

use super::lex::{Res, fail, phrase, word, ws, ws0};
use super::model::{Currency, Kind, Qualifier, Unit};
use super::money::{currency_prefix, currency_suffix};
use super::numeral::{Form, Numeral, any_numeral, scale_word};
use super::qualifier::{apply, increment, prefix_qualifier, suffix_qualifier};
use super::share::{fraction, percent_suffix};
use super::vague::vague;
use super::words::couple;

/// A figure before its position in the document is taken into account.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Figure {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub kind: Kind,
    pub qualifier: Option<Qualifier>,
    pub unit: Option<Unit>,
    pub additional: bool,
    /// The numeral of a single figure, for the year and identifier checks.
    pub numeral: Option<Numeral>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    n: Numeral,
    currency: Option<Currency>,
    percent: Option<Unit>,
}

impl Amount {
    fn unit(&self) -> Option<Unit> {
        self.percent.or(self.currency.map(Unit::Currency))
    }
}

/// "minus 5", "negative five", "-1.2M", "− 1".
fn sign(i: &str) -> (&str, bool) {
    for w in ["minus", "negative"] {
        if let Ok((r, _)) = word(w)(i).and_then(|(r, _)| ws(r)) {
            return (r, true);
        }
    }
    for c in ['-', '−'] {
        if let Some(r) = i.strip_prefix(c) {
            let r2 = ws0(r).map_or(r, |(r2, _)| r2);
            if r2.starts_with(|d: char| d.is_ascii_digit() || d == '.') {
                return (r2, true);
            }
        }
    }
    (i, false)
}

fn amount(i: &str) -> Res<'_, Amount> {
    amount_at(i, None)
}

/// [`amount`], given [`any_numeral`] at `i` when the caller has read it.
fn amount_at<'a>(i: &'a str, at_i: Option<&Res<'a, Numeral>>) -> Res<'a, Amount> {
    let (unsigned, negative) = sign(i);
    // After a sign the numeral is further on.
    let at_i = at_i.filter(|_| !negative);
    let i = unsigned;
    let (r, mut a) = unsigned_amount(i, at_i)?;
    if negative {
        if a.n.ordinal {
            return fail(i);
        }
        a.n.value = -a.n.value;
        a.n.base = -a.n.base;
    }
    Ok((r, a))
}

fn unsigned_amount<'a>(i: &'a str, at_i: Option<&Res<'a, Numeral>>) -> Res<'a, Amount> {
    let (r, currency) = match currency_prefix(i) {
        Ok((r, c)) => (r, Some(c)),
        Err(_) => (i, None),
    };
    let (r, n) = match at_i {
        Some(n) if currency.is_none() => n.clone()?,
        _ => any_numeral(r)?,
    };
    if n.ordinal {
        if currency.is_some() {
            return fail(i);
        }
        return Ok((
            r,
            Amount {
                n,
                currency,
                percent: None,
            },
        ));
    }
    if currency.is_some() {
        return Ok((
            r,
            Amount {
                n,
                currency,
                percent: None,
            },
        ));
    }
    if let Ok((r, p)) = percent_suffix(r) {
        return Ok((
            r,
            Amount {
                n,
                currency: None,
                percent: Some(p),
            },
        ));
    }
    if let Ok((r, c)) = currency_suffix(r) {
        return Ok((
            r,
            Amount {
                n,
                currency: Some(c),
                percent: None,
            },
        ));
    }
    Ok((
        r,
        Amount {
            n,
            currency: None,
            percent: None,
        },
    ))
}

#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Dash,
    To,
    Or,
}

fn range_sep(i: &str) -> Res<'_, Sep> {
    let (r, _) = ws0(i)?;
    for d in ['-', '–', '—', '‒', '−'] {
        if let Some(r) = r.strip_prefix(d) {
            let (r, _) = ws0(r)?;
            return Ok((r, Sep::Dash));
        }
    }
    if let Some(r) = i.strip_prefix('~') {
        return Ok((ws0(r)?.0, Sep::Dash));
    }
    let (r, _) = ws(i)?;
    if let Ok((r, _)) = word("to")(r)
        .or_else(|_| word("through")(r))
        .or_else(|_| word("thru")(r))
    {
        return Ok((ws(r)?.0, Sep::To));
    }
    if let Ok((r, _)) = word("or")(r) {
        return Ok((ws(r)?.0, Sep::Or));
    }
    fail(i)
}

fn is_year_like(n: &Numeral) -> bool {
    n.is_plain_integer()
        && matches!(n.form, Form::Digits { int_len: 4, .. })
        && (1800.0..=2100.0).contains(&n.value)
}

/// Combines two amounts into a range, distributing multipliers and units.
/// None when they do not make a rising range.
fn merge(mut a: Amount, mut b: Amount) -> Option<(Amount, Amount)> {
    if a.n.ordinal || b.n.ordinal {
        return None;
    }
    if a.n.scale == 1.0 && b.n.scale > 1.0 && a.n.base <= b.n.base && a.n.value < b.n.value {
        // "3-4 thousand", "10-12k", "10 to 12 million".
        if a.n.base * b.n.scale <= b.n.value {
            a.n = a.n.rescaled(b.n.scale);
        }
    }
    // "rose 12% to $4.2 billion": a share and an amount make no range.
    if (a.percent.is_some() && b.currency.is_some())
        || (a.currency.is_some() && b.percent.is_some())
    {
        return None;
    }
    if a.currency.is_none() {
        a.currency = b.currency;
    }
    if b.currency.is_none() {
        b.currency = a.currency;
    }
    if a.percent.is_none() {
        a.percent = b.percent;
    }
    if b.percent.is_none() {
        b.percent = a.percent;
    }
    if a.currency != b.currency || a.percent != b.percent || a.n.value >= b.n.value {
        return None;
    }
    Some((a, b))
}

fn range_figure(a: Amount, b: Amount) -> Figure {
    let kind = if a.currency.is_some() {
        Kind::Money
    } else if a.percent.is_some() {
        Kind::Percent
    } else {
        Kind::Range
    };
    Figure {
        value: None,
        low: Some(a.n.value),
        high: Some(b.n.value),
        kind,
        qualifier: None,
        unit: a.unit(),
        additional: false,
        numeral: None,
    }
}

fn single_figure(a: Amount) -> Figure {
    let kind = if a.n.ordinal {
        Kind::Ordinal
    } else if a.currency.is_some() {
        Kind::Money
    } else if a.percent.is_some() {
        Kind::Percent
    } else {
        Kind::Number
    };
    Figure {
        value: Some(a.n.value),
        low: Some(a.n.value),
        high: Some(a.n.value),
        kind,
        qualifier: None,
        unit: a.unit(),
        additional: false,
        numeral: Some(a.n),
    }
}

fn year_range(a: &Numeral, b: &Numeral) -> Option<Figure> {
    if !is_year_like(a) || !b.is_plain_integer() {
        return None;
    }
    let high = if is_year_like(b) {
        b.value
    } else if matches!(b.form, Form::Digits { int_len: 2, .. }) {
        a.value - a.value % 100.0 + b.value
    } else {
        return None;
    };
    (high > a.value && high - a.value < 100.0).then_some(Figure {
        value: None,
        low: Some(a.value),
        high: Some(high),
        kind: Kind::Year,
        qualifier: None,
        unit: None,
        additional: false,
        numeral: None,
    })
}

/// "between 3,000 and 4,000", "from 5 to 7 percent".
fn bounded_range(i: &str) -> Res<'_, Figure> {
    let (r, closing) = if let Ok((r, _)) = word("between")(i) {
        (r, "and")
    } else {
        (word("from")(i)?.0, "to")
    };
    let (r, _) = ws(r)?;
    let (r, a) = amount(r)?;
    let (r, b) = match ws(r).and_then(|(r, _)| phrase(closing)(r)) {
        Ok((r, _)) => amount(ws(r)?.0)?,
        Err(_) if closing == "to" => match range_sep(r) {
            Ok((r, Sep::Dash)) => amount(r)?,
            _ => return fail(i),
        },
        Err(e) => return Err(e),
    };
    if let Some(y) = year_range(&a.n, &b.n) {
        return Ok((r, y));
    }
    match merge(a, b) {
        Some((a, b)) => Ok((r, range_figure(a, b))),
        None => fail(i),
    }
}

/// An amount, or a range of two amounts. `at_i` is [`any_numeral`] at `i`.
fn amount_or_range<'a>(i: &'a str, at_i: &Res<'a, Numeral>) -> Res<'a, Figure> {
    let (r, a) = amount_at(i, Some(at_i))?;
    if let Ok((r2, sep)) = range_sep(r) {
        let glued_words = sep == Sep::Dash
            && matches!(a.n.form, Form::Words)
            && !r.starts_with(char::is_whitespace)
            && !r2.starts_with(|c: char| c.is_ascii_digit());
        if let Ok((r3, b)) = amount(r2).and_then(|x| if glued_words { fail(r2) } else { Ok(x) }) {
            if sep == Sep::Dash {
                if let Some(y) = year_range(&a.n, &b.n) {
                    return Ok((r3, y));
                }
            }
            // "either 10 bln or 10 tln" are two figures, not a range.
            let alternatives = sep == Sep::Or && a.n.scale != b.n.scale;
            if let Some((a2, b2)) = merge(a, b).filter(|_| !alternatives) {
                return Ok((r3, range_figure(a2, b2)));
            }
            if sep == Sep::Dash
                && a.n.is_plain_integer()
                && b.n.is_plain_integer()
                && matches!(b.n.form, Form::Digits { .. })
                && a.n.value >= b.n.value
            {
                // "3-2": a score or a code, not a range and not two counts.
                let mut f = single_figure(a);
                f.kind = Kind::Identifier;
                f.value = None;
                f.low = None;
                f.high = None;
                return Ok((r3, f));
            }
        }
    }
    Ok((r, single_figure(a)))
}

fn vague_figure(lo: f64, hi: f64) -> Figure {
    Figure {
        value: None,
        low: Some(lo),
        high: Some(hi),
        kind: Kind::Vague,
        qualifier: None,
        unit: None,
        additional: false,
        numeral: None,
    }
}

fn core(i: &str) -> Res<'_, Figure> {
    if let Ok(r) = bounded_range(i) {
        return Ok(r);
    }
    // "percent of 10", "per cent of twenty-two".
    if let Ok((r, _)) = super::lex::any_phrase(
        i,
        const { &super::lex::phrases(["percents of", "percent of", "per cent of"]) },
    ) {
        let (r, a) = amount(ws(r)?.0)?;
        let mut f = single_figure(a);
        f.kind = Kind::Percent;
        f.unit = Some(Unit::Percent);
        return Ok((r, f));
    }
    if let Ok((r, (lo, hi))) = vague(i) {
        return Ok((r, vague_figure(lo, hi)));
    }
    // The numeral here, read once for the rules below that start with one.
    let at_i = any_numeral(i);
    if let Ok((r, f)) = fraction(i, &at_i) {
        let mut fig = vague_figure(f, f);
        fig.kind = Kind::Fraction;
        fig.value = Some(f);
        return Ok((r, fig));
    }
    if let Ok((r, v)) = couple(i) {
        let (r, v) = match ws(r).and_then(|(r2, _)| scale_word(r2)) {
            Ok((r2, s)) => (r2, v * s),
            Err(_) => (r, v),
        };
        let mut fig = vague_figure(v, v);
        fig.kind = Kind::Number;
        fig.value = Some(v);
        fig.qualifier = Some(Qualifier::About);
        return Ok((r, fig));
    }
    amount_or_range(i, &at_i)
}

/// A complete figure starting at `i`, with qualifiers and increments applied.
pub(crate) fn figure(i: &str) -> Res<'_, Figure> {
    let (r, additional) = match increment(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let (r, prefix) = match prefix_qualifier(r) {
        Ok((r, q)) => (r, Some(q)),
        Err(_) => (r, None),
    };
    let (mut r, mut f) = core(r)?;
    if matches!(
        f.kind,
        Kind::Ordinal | Kind::Year | Kind::Identifier | Kind::Date | Kind::Time
    ) {
        if prefix.is_some() || additional {
            return fail(i);
        }
        return Ok((r, f));
    }
    let mut q = prefix.or(f.qualifier);
    if matches!(prefix, None | Some(Qualifier::About | Qualifier::Estimated)) {
        // "5,000 or more"; a bound after the figure outranks "about" before it.
        if let Ok((r2, sq)) = suffix_qualifier(r) {
            r = r2;
            q = Some(sq);
        }
    }
    // "thousands more", "5,000 more troops".
    let mut additional = additional;
    if let Ok((r2, _)) = ws(r).and_then(|(r2, _)| word("more")(r2)) {
        if phrase("than")(ws0(r2)?.0).is_err() {
            r = r2;
            additional = true;
        }
    }
    if let (Some(lo), Some(hi)) = (f.low, f.high) {
        let (lo, hi) = apply(q, lo, hi);
        f.low = lo;
        f.high = hi;
    }
    f.qualifier = q;
    f.additional = additional;
    // "more than 10 and less than 40", "at most 100 and at least 20": one range.
    if let Some(q) = q {
        let lower = matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
        let upper = matches!(q, Qualifier::LessThan | Qualifier::UpTo);
        if (lower || upper) && f.kind == Kind::Number {
            if let Ok((r2, g)) = ws(r)
                .and_then(|(r2, _)| word("and")(r2))
                .and_then(|(r2, _)| ws(r2))
                .and_then(|(r2, _)| figure(r2))
            {
                let (lo, hi) = if lower {
                    (f.low, g.high)
                } else {
                    (g.low, f.high)
                };
                let opposite = match g.qualifier {
                    Some(Qualifier::MoreThan | Qualifier::AtLeast) => upper,
                    Some(Qualifier::LessThan | Qualifier::UpTo) => lower,
                    _ => false,
                };
                if opposite && g.kind == Kind::Number && lo.zip(hi).is_some_and(|(l, h)| l < h) {
                    f.kind = Kind::Range;
                    f.value = None;
                    f.low = lo;
                    f.high = hi;
                    f.qualifier = None;
                    f.numeral = None;
                    return Ok((r2, f));
                }
            }
        }
    }
    Ok((r, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(s: &str) -> (Figure, &str) {
        let (r, f) = figure(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        (f, r)
    }

    fn bounds(s: &str) -> (Option<f64>, Option<f64>, Kind) {
        let (f, _) = fig(s);
        (f.low, f.high, f.kind)
    }

    #[test]
    fn range_10_000_12_000_hyphen_and_en_dash() {
        assert_eq!(
            bounds("10,000-12,000 troops"),
            (Some(1e4), Some(1.2e4), Kind::Range)
        );
        assert_eq!(
            bounds("10,000–12,000"),
            (Some(1e4), Some(1.2e4), Kind::Range)
        );
        assert_eq!(
            bounds("10,000 – 12,000"),
            (Some(1e4), Some(1.2e4), Kind::Range)
        );
    }

    #[test]
    fn range_10_000_to_12_000() {
        assert_eq!(
            bounds("10,000 to 12,000"),
            (Some(1e4), Some(1.2e4), Kind::Range)
        );
    }

    #[test]
    fn between_3_000_and_4_000() {
        assert_eq!(
            bounds("between 3,000 and 4,000"),
            (Some(3e3), Some(4e3), Kind::Range)
        );
    }

    #[test]
    fn multiplier_distributes_3_4_thousand_and_10_12k() {
        assert_eq!(bounds("3-4 thousand"), (Some(3e3), Some(4e3), Kind::Range));
        assert_eq!(bounds("10-12k"), (Some(1e4), Some(1.2e4), Kind::Range));
        assert_eq!(
            bounds("10 to 12 million"),
            (Some(1e7), Some(1.2e7), Kind::Range)
        );
    }

    #[test]
    fn from_5_to_7_percent() {
        let (f, _) = fig("from 5 to 7 percent");
        assert_eq!(
            (f.low, f.high, f.kind, f.unit),
            (Some(5.0), Some(7.0), Kind::Percent, Some(Unit::Percent))
        );
    }

    #[test]
    fn approximately_10_000_12_000() {
        let (f, _) = fig("approximately 10,000-12,000 troops");
        assert_eq!(
            (f.low, f.high, f.qualifier),
            (Some(1e4), Some(1.2e4), Some(Qualifier::About))
        );
    }

    #[test]
    fn more_than_10_million() {
        let (f, r) = fig("more than 10 million artillery shells");
        assert_eq!((f.value, f.low, f.high), (Some(1e7), Some(1e7), None));
        assert_eq!(f.qualifier, Some(Qualifier::MoreThan));
        assert_eq!(r, " artillery shells");
    }

    #[test]
    fn nearly_10_000() {
        assert_eq!(
            bounds("nearly 10,000"),
            (Some(9e3), Some(1e4), Kind::Number)
        );
    }

    #[test]
    fn five_thousand_plus_or_more_and_sign() {
        assert_eq!(bounds("5,000-plus"), (Some(5e3), None, Kind::Number));
        assert_eq!(bounds("5,000 or more"), (Some(5e3), None, Kind::Number));
        assert_eq!(bounds("5,000+ people"), (Some(5e3), None, Kind::Number));
    }

    #[test]
    fn money_4_5_billion_dollars() {
        let (f, _) = fig("$4.5 billion in aid");
        assert_eq!(
            (f.value, f.kind, f.unit),
            (
                Some(4.5e9),
                Kind::Money,
                Some(Unit::Currency(Currency::USD))
            )
        );
        let (f, _) = fig("$1-2 billion");
        assert_eq!((f.low, f.high, f.kind), (Some(1e9), Some(2e9), Kind::Money));
    }

    #[test]
    fn another_1_000_is_additional() {
        let (f, _) = fig("Another 1,000 North Korean engineers");
        assert!(f.additional);
        assert_eq!(f.value, Some(1e3));
    }

    #[test]
    fn thousands_more_is_additional_and_vague() {
        let (f, r) = fig("thousands more soldiers");
        assert!(f.additional);
        assert_eq!((f.kind, f.low, f.high), (Kind::Vague, Some(2e3), Some(1e4)));
        assert_eq!(r, " soldiers");
    }

    #[test]
    fn more_than_half_of() {
        let (f, _) = fig("more than half of the troops");
        assert_eq!((f.kind, f.low, f.high), (Kind::Fraction, Some(0.5), None));
    }

    #[test]
    fn year_ranges_2024_2025_and_2024_25() {
        assert_eq!(
            bounds("2024-2025"),
            (Some(2024.0), Some(2025.0), Kind::Year)
        );
        assert_eq!(bounds("2024-25"), (Some(2024.0), Some(2025.0), Kind::Year));
    }

    #[test]
    fn score_3_2_is_not_a_range() {
        assert_eq!(fig("3-2 win").0.kind, Kind::Identifier);
    }

    #[test]
    fn two_or_three_is_a_range() {
        assert_eq!(
            bounds("two or three days"),
            (Some(2.0), Some(3.0), Kind::Range)
        );
    }

    #[test]
    fn a_couple_of_is_about_two() {
        let (f, _) = fig("a couple of weeks");
        assert_eq!((f.value, f.qualifier), (Some(2.0), Some(Qualifier::About)));
    }

    #[test]
    fn qualifier_without_a_number_fails() {
        assert!(figure("about the troops").is_err());
        assert!(figure("over the border").is_err());
    }
}
