//! Publication dates as pages and feeds write them.
//!
//! Dates are [`jiff::civil::Date`]: a calendar date with no time zone, which is
//! what a publication date is to an editor. jiff is chosen over chrono for its
//! smaller, harder-to-misuse API (civil dates, zoned times and timestamps are
//! separate types; `Date::new` validates), its serde support (`"2025-06-26"`),
//! and its active maintenance.

use jiff::civil::Date;

/// Parse a publication date.
///
/// Accepts ISO 8601 / RFC 3339 dates and date-times (`2025-06-26`,
/// `2025-06-26T10:00:00Z`, `2025-06-26 10:00:00+09:00`, `20250626`,
/// `2025/06/26`), dates with month names (`June 26, 2025`, `26 June 2025`,
/// `Jun. 26, 2025`, `Thursday, June 26th, 2025`, RFC 2822's
/// `Thu, 26 Jun 2025 10:00:00 +0000`), day-first dotted dates (`26.06.2025`)
/// and slashed dates whose order is unambiguous (`26/06/2025`, `06/26/2025`).
/// A date-time keeps the calendar date as written, in its own offset
/// (`2025-06-26T23:30:00-05:00` is June 26). Returns `None` for anything else,
/// including impossible dates (`2025-02-30`) and dates without a day.
///
/// ```
/// use crosscheck::date::parse_published;
/// use jiff::civil::date;
///
/// assert_eq!(parse_published("Jun. 26, 2025"), Some(date(2025, 6, 26)));
/// assert_eq!(parse_published("2025-06-26T10:00:00Z"), Some(date(2025, 6, 26)));
/// assert_eq!(parse_published("soon"), None);
/// ```
pub fn parse_published(input: &str) -> Option<Date> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    iso(s).or_else(|| with_month_name(s)).or_else(|| numeric(s))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, then nothing or a time part; or `YYYYMMDD`.
fn iso(s: &str) -> Option<Date> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    let bytes = head.as_bytes();
    let sep = bytes[4];
    if (sep == b'-' || sep == b'/') && bytes[7] == sep {
        let (y, m, d) = (&head[..4], &head[5..7], &head[8..10]);
        if all_digits(y) && all_digits(m) && all_digits(d) {
            let time_follows =
                rest.is_empty() || rest.starts_with(['T', 't', ' ']) || rest.starts_with('[');
            return if time_follows { ymd(y, m, d) } else { None };
        }
    }
    None
}

/// `20250626` and dotted or slashed numeric dates.
fn numeric(s: &str) -> Option<Date> {
    let first = s.split_whitespace().next()?;
    let first = first.trim_end_matches([',', 'T']);
    if first.len() == 8 && all_digits(first) {
        return ymd(&first[..4], &first[4..6], &first[6..8]);
    }
    for sep in ['.', '/'] {
        let parts: Vec<&str> = first.split(sep).collect();
        if let [a, b, y] = parts.as_slice() {
            if !(all_digits(a) && all_digits(b) && all_digits(y) && y.len() == 4) {
                continue;
            }
            let (a_n, b_n): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            return match sep {
                // Dotted dates are day-first wherever they are written.
                '.' => ymd(y, b, a),
                _ if a_n > 12 => ymd(y, b, a),
                _ if b_n > 12 => ymd(y, a, b),
                _ if a_n == b_n => ymd(y, a, b),
                _ => None,
            };
        }
    }
    None
}

const MONTHS: [(&str, i8); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// A month name or its abbreviation (`Jun`, `Sept`), any case.
fn month(token: &str) -> Option<i8> {
    let t = token.trim_end_matches('.').to_lowercase();
    if t.len() < 3 {
        return None;
    }
    MONTHS.iter().find_map(|(name, n)| {
        let abbreviation = t.len() == 3 || (t == "sept" && *n == 9);
        (name == &t || (abbreviation && name.starts_with(&t))).then_some(*n)
    })
}

/// `26`, `26th`, `1st`: a day of the month.
fn day(token: &str) -> Option<i8> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !matches!(
        suffix.to_ascii_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th"
    ) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !all_digits(digits) {
        return None;
    }
    digits.parse().ok()
}

fn with_month_name(s: &str) -> Option<Date> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (at, m) = tokens
        .iter()
        .enumerate()
        .find_map(|(i, t)| Some((i, month(t)?)))?;
    let d = tokens
        .get(at + 1)
        .and_then(|t| day(t))
        .or_else(|| at.checked_sub(1).and_then(|i| day(tokens[i])))?;
    let y: i16 = tokens
        .iter()
        .find(|t| t.len() == 4 && all_digits(t))?
        .parse()
        .ok()?;
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const JUNE_26: Date = date(2025, 6, 26);

    #[test]
    fn iso_date() {
        assert_eq!(parse_published("2025-06-26"), Some(JUNE_26));
    }

    #[test]
    fn rfc3339_zulu() {
        assert_eq!(parse_published("2025-06-26T10:00:00Z"), Some(JUNE_26));
    }

    #[test]
    fn rfc3339_offset_keeps_the_written_date() {
        assert_eq!(parse_published("2025-06-26T23:30:00-05:00"), Some(JUNE_26));
        assert_eq!(parse_published("2025-06-26 10:00:00+09:00"), Some(JUNE_26));
        assert_eq!(
            parse_published("2025-06-26T10:00:00+09:00[Asia/Seoul]"),
            Some(JUNE_26)
        );
    }

    #[test]
    fn june_26_comma_2025() {
        assert_eq!(parse_published("June 26, 2025"), Some(JUNE_26));
    }

    #[test]
    fn day_month_year() {
        assert_eq!(parse_published("26 June 2025"), Some(JUNE_26));
    }

    #[test]
    fn abbreviated_month_with_period() {
        assert_eq!(parse_published("Jun. 26, 2025"), Some(JUNE_26));
        assert_eq!(parse_published("Sept. 3, 2025"), Some(date(2025, 9, 3)));
    }

    #[test]
    fn weekday_and_ordinal() {
        assert_eq!(parse_published("Thursday, June 26th, 2025"), Some(JUNE_26));
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            parse_published("Thu, 26 Jun 2025 10:00:00 +0000"),
            Some(JUNE_26)
        );
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_published("20250626"), Some(JUNE_26));
        assert_eq!(parse_published("2025/06/26"), Some(JUNE_26));
        assert_eq!(parse_published("26.06.2025"), Some(JUNE_26));
        assert_eq!(parse_published("26/06/2025"), Some(JUNE_26));
        assert_eq!(parse_published("06/26/2025"), Some(JUNE_26));
        assert_eq!(parse_published("06/07/2025"), None);
    }

    #[test]
    fn rejects_impossible_and_partial_dates() {
        assert_eq!(parse_published("2025-02-30"), None);
        assert_eq!(parse_published("June 2025"), None);
        assert_eq!(parse_published("2025-06-26garbage"), None);
        assert_eq!(parse_published(""), None);
        assert_eq!(parse_published("Mayday"), None);
        assert_eq!(parse_published("ÿÿÿÿÿÿÿÿÿÿÿ"), None);
    }
}
