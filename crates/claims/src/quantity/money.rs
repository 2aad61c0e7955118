//! Currency signs and names around an amount: "$4.5 billion", "€20m",
//! "£1.2tn", "US$5", "420 million dollars", "5,000 won".

use super::lex::{Phrase, Res, fail, group_len, matching, phrase_groups, ws, ws0};
use super::model::Currency;

/// A currency sign or code before the amount, with optional space: "$", "US$", "€", "£", "USD ".
pub(crate) fn currency_prefix(i: &str) -> Res<'_, Currency> {
    const SIGNS: &[(&str, Currency)] = &[
        ("US$", Currency::USD),
        ("US $", Currency::USD),
        ("C$", Currency::CAD),
        ("A$", Currency::AUD),
        ("$", Currency::USD),
        ("€", Currency::EUR),
        ("£", Currency::GBP),
        ("¥", Currency::JPY),
        ("₩", Currency::KRW),
        ("₽", Currency::RUB),
        ("₹", Currency::INR),
        ("₴", Currency::UAH),
    ];
    for &(s, c) in SIGNS {
        if let Some(r) = i.strip_prefix(s) {
            let (r, _) = ws0(r)?;
            return Ok((r, c));
        }
    }
    const CODES: &[(&str, Currency)] = &[
        ("USD", Currency::USD),
        ("EUR", Currency::EUR),
        ("GBP", Currency::GBP),
        ("JPY", Currency::JPY),
        ("CNY", Currency::CNY),
        ("KRW", Currency::KRW),
        ("RUB", Currency::RUB),
        ("INR", Currency::INR),
        ("UAH", Currency::UAH),
        ("CHF", Currency::CHF),
    ];
    for &(s, c) in CODES {
        if let Some(r) = i.strip_prefix(s) {
            let (r, _) = ws(r)?;
            return Ok((r, c));
        }
    }
    fail(i)
}

/// A currency name or code after the amount: " dollars", " euros", " won", " USD".
pub(crate) fn currency_suffix(i: &str) -> Res<'_, Currency> {
    const NAMES: &[(&[&str], Currency)] = &[
        (
            &["us dollars", "u.s. dollars", "dollars", "dollar", "usd"],
            Currency::USD,
        ),
        (&["euros", "euro", "eur"], Currency::EUR),
        (&["pounds sterling", "gbp"], Currency::GBP),
        (&["yen", "jpy"], Currency::JPY),
        (&["yuan", "renminbi", "cny"], Currency::CNY),
        (&["won", "krw"], Currency::KRW),
        (
            &["rubles", "roubles", "ruble", "rouble", "rub"],
            Currency::RUB,
        ),
        (&["rupees", "rupee", "inr"], Currency::INR),
        (&["hryvnias", "hryvnia", "hryvnia", "uah"], Currency::UAH),
        (&["swiss francs", "chf"], Currency::CHF),
    ];
    const PHRASES: [Phrase<Currency>; group_len(NAMES)] = phrase_groups(NAMES);
    let (r, _) = ws(i)?;
    match matching(r, &PHRASES).next() {
        Some((p, (r, _))) => Ok((r, p.value)),
        None => fail(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_sign_and_us_dollar() {
        assert_eq!(currency_prefix("$4.5"), Ok(("4.5", Currency::USD)));
        assert_eq!(currency_prefix("US$5"), Ok(("5", Currency::USD)));
        assert_eq!(currency_prefix("$ 75"), Ok(("75", Currency::USD)));
    }

    #[test]
    fn euro_and_pound_signs() {
        assert_eq!(currency_prefix("€20m"), Ok(("20m", Currency::EUR)));
        assert_eq!(currency_prefix("£1.2tn"), Ok(("1.2tn", Currency::GBP)));
    }

    #[test]
    fn dollars_and_won_after_the_amount() {
        assert_eq!(
            currency_suffix(" dollars in aid"),
            Ok((" in aid", Currency::USD))
        );
        assert_eq!(currency_suffix(" won"), Ok(("", Currency::KRW)));
        assert!(currency_suffix(" wonderful").is_err());
    }
}
