//! Dates, times of day, years and decades: typed so that later stages never
//! take them for counts. "June 26", "26 June 2025", "2025-06-26",
//! "November 2024", "13:30", "10 a.m.", "the 1990s", "2024-25".

use super::lex::{Res, boundary, fail, word, ws, ws0};
use super::model::Kind;
use super::trigger::{MONTH, ascii_word, word_flags};

/// A calendar expression: its kind and, for years, the years it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Calendar {
    pub kind: Kind,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// Month names and abbreviations, as [`month`] tries them.
pub(crate) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sept",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
];

/// A capitalised month name or abbreviation ("June", "Jan.", "Sept.").
pub(crate) fn month(i: &str) -> Res<'_, &str> {
    if !i.starts_with(|c: char| c.is_ascii_uppercase()) {
        return fail(i);
    }
    // A whole word of ASCII letters, looked up in the scanner's word table:
    // as `word(m)` for each of MONTHS, which needs a boundary after `m`.
    let (_, n) = ascii_word(i.as_bytes(), 0);
    if n > 16 || boundary(&i[n..]).is_err() || word_flags(i.as_bytes(), 0, n) & MONTH == 0 {
        return fail(i);
    }
    let (w, r) = i.split_at(n);
    // An abbreviation may carry a period: "Jan." — but not "May." at a sentence end.
    let r = if n <= 4 && !w.eq_ignore_ascii_case("may") {
        r.strip_prefix('.').unwrap_or(r)
    } else {
        r
    };
    Ok((r, w))
}

fn digits(i: &str, min: usize, max: usize) -> Res<'_, u32> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return fail(i);
    }
    let v = i[..n].parse().unwrap_or(u32::MAX);
    Ok((&i[n..], v))
}

/// A day of the month, 1 to 31, with an optional ordinal suffix ("26", "26th").
fn day(i: &str) -> Res<'_, u32> {
    let (r, d) = digits(i, 1, 2)?;
    if !(1..=31).contains(&d) {
        return fail(i);
    }
    let r = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| r.strip_prefix(s))
        .unwrap_or(r);
    boundary(r)?;
    Ok((r, d))
}

/// A four-digit year from 1000 to 2999.
fn year(i: &str) -> Res<'_, u32> {
    let (r, y) = digits(i, 4, 4)?;
    if !(1000..=2999).contains(&y) {
        return fail(i);
    }
    boundary(r)?;
    Ok((r, y))
}

fn comma_year(i: &str) -> Option<&str> {
    let r = i.strip_prefix(',').unwrap_or(i);
    let (r, _) = ws(r).ok()?;
    year(r).ok().map(|(r, _)| r)
}

/// "June 26", "June 26, 2025", "Jan. 5", "November 2024".
fn month_first(i: &str) -> Res<'_, Calendar> {
    let (r, _) = month(i)?;
    let (r, _) = ws(r)?;
    if let Ok((r2, _)) = day(r) {
        // "June 26,000" is not a date.
        if r2.starts_with(',') && r2[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return fail(i);
        }
        let r2 = comma_year(r2).unwrap_or(r2);
        return Ok((r2, date()));
    }
    let (r, _) = year(r)?;
    Ok((r, date()))
}

/// "26 June 2025", "26th of June", "1 Jan."
fn day_first(i: &str) -> Res<'_, Calendar> {
    let (r, _) = day(i)?;
    let (r, _) = ws(r)?;
    let r = match word("of")(r).and_then(|(r, _)| ws(r)) {
        Ok((r, _)) => r,
        Err(_) => r,
    };
    let (r, _) = month(r)?;
    let r = comma_year(r).unwrap_or(r);
    Ok((r, date()))
}

/// "2025-06-26", "2025/06/26".
fn iso_date(i: &str) -> Res<'_, Calendar> {
    let (r, _) = year(i)?;
    for sep in ['-', '/'] {
        let Some(r) = r.strip_prefix(sep) else {
            continue;
        };
        let (r, m) = digits(r, 2, 2)?;
        let r = r.strip_prefix(sep).ok_or_else(|| nom_err(i))?;
        let (r, d) = digits(r, 2, 2)?;
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            boundary(r)?;
            return Ok((r, date()));
        }
    }
    fail(i)
}

/// "26/06/2025", "6/26/25".
fn slash_date(i: &str) -> Res<'_, Calendar> {
    let (r, a) = digits(i, 1, 2)?;
    let r = r.strip_prefix('/').ok_or_else(|| nom_err(i))?;
    let (r, b) = digits(r, 1, 2)?;
    let r = r.strip_prefix('/').ok_or_else(|| nom_err(i))?;
    let (r, _) = digits(r, 2, 4)?;
    boundary(r)?;
    if a == 0 || b == 0 || a.min(b) > 12 || a.max(b) > 31 {
        return fail(i);
    }
    Ok((r, date()))
}

fn nom_err(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

fn am_pm(i: &str) -> Res<'_, &str> {
    for w in ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"] {
        if let Ok(r) = word(w)(i) {
            return Ok(r);
        }
    }
    fail(i)
}

/// "13:30", "10:37", "9:05:10", "10:30 p.m.", "10 a.m.", "10am".
fn time_of_day(i: &str) -> Res<'_, Calendar> {
    let (r, h) = digits(i, 1, 2)?;
    if h > 24 {
        return fail(i);
    }
    if let Some(r) = r.strip_prefix(':') {
        let (mut r, m) = digits(r, 2, 2)?;
        if m > 59 {
            return fail(i);
        }
        if let Some(r2) = r.strip_prefix(':') {
            if let Ok((r3, s)) = digits(r2, 2, 2) {
                if s < 60 {
                    r = r3;
                }
            }
        }
        boundary(r)?;
        let r = match ws0(r).and_then(|(r2, _)| am_pm(r2)) {
            Ok((r2, _)) => r2,
            Err(_) => r,
        };
        return Ok((r, time()));
    }
    if h == 0 || h > 12 {
        return fail(i);
    }
    // "2.13 am".
    let r = match r.strip_prefix('.').map(|r2| digits(r2, 2, 2)) {
        Some(Ok((r2, m))) if m < 60 && ws0(r2).and_then(|(r3, _)| am_pm(r3)).is_ok() => r2,
        _ => r,
    };
    let (r, _) = ws0(r)?;
    let (r, _) = am_pm(r)?;
    Ok((r, time()))
}

/// "1990s", "1990's", "2020s".
fn decade(i: &str) -> Res<'_, Calendar> {
    let (r, y) = digits(i, 4, 4)?;
    if !(1000..=2990).contains(&y) || y % 10 != 0 {
        return fail(i);
    }
    let r = r
        .strip_prefix("'s")
        .or_else(|| r.strip_prefix("’s"))
        .or_else(|| r.strip_prefix('s'))
        .ok_or_else(|| nom_err(i))?;
    boundary(r)?;
    let y = f64::from(y);
    Ok((
        r,
        Calendar {
            kind: Kind::Year,
            low: Some(y),
            high: Some(y + 9.0),
        },
    ))
}

fn date() -> Calendar {
    Calendar {
        kind: Kind::Date,
        low: None,
        high: None,
    }
}

fn time() -> Calendar {
    Calendar {
        kind: Kind::Time,
        low: None,
        high: None,
    }
}

/// Any calendar expression starting at `i`.
pub(crate) fn calendar(i: &str) -> Res<'_, Calendar> {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        iso_date(i)
            .or_else(|_| slash_date(i))
            .or_else(|_| time_of_day(i))
            .or_else(|_| day_first(i))
            .or_else(|_| decade(i))
    } else {
        month_first(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<(Kind, &str)> {
        calendar(s).ok().map(|(r, c)| (c.kind, r))
    }

    #[test]
    fn june_26() {
        assert_eq!(kind("June 26 briefing"), Some((Kind::Date, " briefing")));
    }

    #[test]
    fn june_26_2025_and_jan_5() {
        assert_eq!(kind("June 26, 2025."), Some((Kind::Date, ".")));
        assert_eq!(kind("Jan. 5"), Some((Kind::Date, "")));
    }

    #[test]
    fn day_first_26_june_2025() {
        assert_eq!(kind("26 June 2025"), Some((Kind::Date, "")));
        assert_eq!(kind("26th of June"), Some((Kind::Date, "")));
    }

    #[test]
    fn iso_2025_06_26() {
        assert_eq!(kind("2025-06-26"), Some((Kind::Date, "")));
    }

    #[test]
    fn month_and_year_november_2024() {
        assert_eq!(kind("November 2024,"), Some((Kind::Date, ",")));
    }

    #[test]
    fn lowercase_may_is_not_a_month() {
        assert_eq!(kind("may 5"), None);
    }

    #[test]
    fn times_13_30_and_10_am() {
        assert_eq!(kind("13:30"), Some((Kind::Time, "")));
        assert_eq!(kind("10 a.m. on"), Some((Kind::Time, " on")));
        assert_eq!(kind("10:30 pm"), Some((Kind::Time, "")));
        assert_eq!(kind("25:10"), None);
    }

    #[test]
    fn decade_the_1990s() {
        let (_, c) = calendar("1990s").unwrap();
        assert_eq!(
            (c.kind, c.low, c.high),
            (Kind::Year, Some(1990.0), Some(1999.0))
        );
    }

    #[test]
    fn plain_number_is_not_a_date() {
        assert_eq!(kind("5,000 troops"), None);
        assert_eq!(kind("June 26,000"), None);
    }
}
