//! The time-scope grammar: "since September", "last fall", "in November 2024".
//!
//! [`find_scopes`] finds every time-scope expression in a sentence and returns
//! it with its byte span, its structured meaning ([`TimeExpr`]), whether it
//! marks a running total ([`TimeScope::cumulative`]) and its lexical
//! [`Direction`]. [`resolve`] turns an expression into a calendar interval
//! when it can: absolute expressions ("in November 2024") resolve on their
//! own, relative ones ("last fall", "on Thursday") need the publication date.
//!
//! ```
//! use crosscheck_claims::time::{self, Date, Direction, TimeExpr};
//!
//! let s = "Pyongyang has sent about 5,000 personnel to Russia since September.";
//! let scopes = time::find_scopes(s);
//! assert_eq!(scopes.len(), 1);
//! assert_eq!(scopes[0].text(s), "since September");
//! assert!(scopes[0].cumulative);
//! assert_eq!(scopes[0].direction, Direction::Past);
//!
//! // Without a publication date a relative scope stays symbolic...
//! assert_eq!(time::resolve(&scopes[0].expr, None), None);
//! // ...with one it becomes an interval.
//! let published = Date::new(2025, 11, 4);
//! let iv = time::resolve(&scopes[0].expr, published).unwrap();
//! assert_eq!(iv.to_string(), "2025-09-01..2025-11-04");
//! ```
//!
//! Conventions, chosen once and documented here:
//!
//! - Seasons are meteorological and northern-hemisphere: spring March–May,
//!   summer June–August, fall (autumn) September–November, winter December to
//!   February. "winter 2024" is the winter that *starts* in December 2024.
//! - "early", "mid" and "late" are the first, middle and last third of a
//!   period (whole months when the period divides into them: "late 2024" is
//!   September–December, "late summer" is August).
//! - Weeks start on Monday.
//! - Vague counts ("in recent months", "over the past few weeks",
//!   "recently") are taken as three units ("recently" as three months).
//! - Month and day names without a year lean to the past ("in April",
//!   "since September", "June 17": the most recent one not after
//!   publication) except after "by", "until" and "as early as", which lean to
//!   the future (the next one not before publication).
//! - "in total", "so far", "to date", "now" resolve to the publication day
//!   itself: the figure is a state or running total *as of* that day. The
//!   [`TimeScope::cumulative`] flag says which of them are running totals.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::error::{Error as NomError, ErrorKind};
use nom::{IResult, Parser};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::case::ascii_lowercase;
use crate::prefilter::tag_ci;

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// A calendar date in the proleptic Gregorian calendar.
///
/// Ordered chronologically, displayed and serialized as `YYYY-MM-DD`. The
/// fields are public so callers can build one directly; functions that take a
/// `Date` check [`Date::is_valid`] and treat an invalid one as absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` of `year`; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m as u8, d as u8)
}

impl Date {
    /// A valid date, or `None` ("2025-02-30" is not one).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let d = Date { year, month, day };
        d.is_valid().then_some(d)
    }

    /// True when the month is 1–12 and the day exists in that month.
    pub fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    /// The date `days` days after 1970-01-01, if its year fits an `i32`.
    pub fn from_days(days: i64) -> Option<Date> {
        let (y, month, day) = civil_from_days(days);
        Some(Date {
            year: i32::try_from(y).ok()?,
            month,
            day,
        })
    }

    /// This date moved by `n` days (negative moves back).
    pub fn add_days(&self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// This date moved by `n` calendar months, the day clamped to the
    /// target month's length (January 31 + 1 month = February 28 or 29).
    pub fn add_months(&self, n: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// This date moved by `n` years, February 29 clamped to February 28.
    pub fn add_years(&self, n: i64) -> Option<Date> {
        self.add_months(n.checked_mul(12)?)
    }

    /// The day of the week.
    pub fn weekday(&self) -> Weekday {
        Weekday::from_index((self.to_days() + 3).rem_euclid(7) as u8)
    }

    /// The first day of this date's month.
    pub fn first_of_month(&self) -> Date {
        Date { day: 1, ..*self }
    }

    /// The last day of this date's month.
    pub fn last_of_month(&self) -> Date {
        Date {
            day: days_in_month(self.year, self.month).max(1),
            ..*self
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a YYYY-MM-DD date: {:?}", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and a time
    /// of day (which is ignored), so RFC 3339 timestamps give their date.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.chars().take(40).collect());
        let s = s.trim();
        let digits =
            |n: usize| take_while_m_n::<_, _, NomError<&str>>(n, n, |c: char| c.is_ascii_digit());
        let (rest, (y, _, m, _, d)) = (digits(4), tag("-"), digits(2), tag("-"), digits(2))
            .parse(s)
            .map_err(|_| err())?;
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return Err(err());
        }
        let (y, m, d) = (
            y.parse().map_err(|_| err())?,
            m.parse().map_err(|_| err())?,
            d.parse().map_err(|_| err())?,
        );
        Date::new(y, m, d).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An inclusive range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateInterval {
    /// The first day in the interval.
    pub start: Date,
    /// The last day in the interval (inclusive).
    pub end: Date,
}

impl DateInterval {
    /// The interval from `start` to `end`, swapped if given backwards.
    pub fn new(start: Date, end: Date) -> DateInterval {
        if end < start {
            DateInterval {
                start: end,
                end: start,
            }
        } else {
            DateInterval { start, end }
        }
    }

    /// A one-day interval.
    pub fn day(date: Date) -> DateInterval {
        DateInterval {
            start: date,
            end: date,
        }
    }

    /// True when `date` falls inside the interval.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// True when the two intervals share at least one day.
    pub fn overlaps(&self, other: &DateInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The number of days in the interval.
    pub fn len_days(&self) -> i64 {
        self.end.to_days() - self.start.to_days() + 1
    }
}

impl fmt::Display for DateInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

// ---------------------------------------------------------------------------
// The expression model
// ---------------------------------------------------------------------------

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Weekday {
    /// Monday = 0 … Sunday = 6.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The day a word names ("Monday", any case), if it names one.
    pub(crate) fn named(word: &str) -> Option<Weekday> {
        (0..7)
            .map(Weekday::from_index)
            .find(|d| d.name().eq_ignore_ascii_case(word))
    }

    fn from_index(i: u8) -> Weekday {
        WEEKDAYS[usize::from(i % 7)]
    }

    /// The English name, capitalised.
    pub fn name(self) -> &'static str {
        WEEKDAY_NAMES[usize::from(self.index())]
    }
}

/// A season (meteorological, northern hemisphere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November ("autumn" too).
    Fall,
    /// December–February.
    Winter,
}

impl Season {
    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Fall => "fall",
            Season::Winter => "winter",
        }
    }

    /// The season that starts in `year`.
    fn interval(self, year: i32) -> Option<DateInterval> {
        let (m, y2, m2) = match self {
            Season::Spring => (3, year, 5),
            Season::Summer => (6, year, 8),
            Season::Fall => (9, year, 11),
            Season::Winter => (12, year.checked_add(1)?, 2),
        };
        Some(DateInterval {
            start: Date::new(year, m, 1)?,
            end: Date::new(y2, m2, 1)?.last_of_month(),
        })
    }
}

/// A calendar unit for relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Hours ("the past 24 hours"), rounded up to whole days when resolved.
    Hour,
    /// Days.
    Day,
    /// Weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// "last", "this" or "next" before a season or weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rel {
    /// The most recent one that is over ("last fall", "last Thursday").
    Last,
    /// The current one ("this spring", "this Thursday").
    This,
    /// The next one to begin ("next summer", "next Thursday").
    Next,
}

/// A part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// "early", "the start of", "the beginning of": the first third.
    Early,
    /// "mid", "the middle of": the middle third.
    Mid,
    /// "late", "the end of": the last third.
    Late,
    /// "the first half of".
    FirstHalf,
    /// "the second half of".
    SecondHalf,
    /// "the first quarter of", "Q3": quarter 1–4.
    Quarter(u8),
}

/// A calendar period, absolute or relative to the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// A year: "2024".
    Year(i32),
    /// A month, with its year if written: "November 2024", "September".
    Month {
        /// 1–12.
        month: u8,
        /// The year, if written.
        year: Option<i32>,
    },
    /// A day: "June 26", "26 June 2025".
    Day {
        /// 1–12.
        month: u8,
        /// 1–31.
        day: u8,
        /// The year, if written.
        year: Option<i32>,
    },
    /// A day of the week: "Thursday", "last Thursday".
    Weekday {
        /// The day.
        weekday: Weekday,
        /// "last", "this", "next", if written.
        rel: Option<Rel>,
    },
    /// A season: "last fall", "summer 2024", "the spring".
    Season {
        /// The season.
        season: Season,
        /// The year it starts in, if written.
        year: Option<i32>,
        /// "last", "this", "next", if written.
        rel: Option<Rel>,
    },
    /// A calendar unit counted from the publication date: "last year" is
    /// `Year, -1`, "this week" is `Week, 0`, "tomorrow" is `Day, 1`.
    Relative {
        /// The unit.
        unit: Unit,
        /// Units from the one containing the publication date.
        offset: i32,
    },
    /// A part of another period: "late summer", "early 2025", "the first half of 2025".
    Part {
        /// Which part.
        part: Part,
        /// Of what.
        of: Box<Period>,
    },
    /// Everything from one period to another: "July or August", "between June and August".
    Span {
        /// The earlier period.
        from: Box<Period>,
        /// The later period.
        to: Box<Period>,
    },
}

/// The meaning of a time-scope expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeExpr {
    /// Within a period: "in November 2024", "last fall", "on Thursday", "this week".
    During(Period),
    /// From the start of a period up to publication: "since September".
    Since(Period),
    /// No later than the end of a period: "by August", "by late summer".
    By(Period),
    /// Up to the end of a period: "until March".
    Until(Period),
    /// Not before a period, at the earliest: "as early as July or August".
    AsEarlyAs(Period),
    /// A state or running total at a period: "as of June 26".
    AsOf(Period),
    /// Before a period: "before September" (not resolved to an interval).
    Before(Period),
    /// After a period, up to publication: "after September".
    After(Period),
    /// The present: "now", "currently", "at present", "at this time".
    Now,
    /// A running total up to publication: "in total", "so far", "to date", "until now".
    ToDate,
    /// From the start of the current unit to publication: "earlier this year".
    EarlierThis(Unit),
    /// From publication to the end of the current unit: "later this year".
    LaterThis(Unit),
    /// A window ending at publication: "over the past year" (`count` 1),
    /// "in recent months" (`count` `None`: vague, taken as 3).
    Past {
        /// How many units, `None` when vague.
        count: Option<u32>,
        /// The unit.
        unit: Unit,
    },
    /// A window starting at publication: "in the coming months", "over the next two years".
    Coming {
        /// How many units, `None` when vague.
        count: Option<u32>,
        /// The unit.
        unit: Unit,
    },
    /// A point before publication: "two years ago".
    Ago {
        /// How many units.
        count: u32,
        /// The unit.
        unit: Unit,
    },
    /// An earlier value the sentence compares its figure with: "up from
    /// 24,000", "down from a peak of 7,000", "raising an earlier toll of
    /// 12" (not resolved to an interval). Read by the claim extractor right
    /// before a figure, not by [`find_scopes`].
    Earlier,
}

/// Which way an expression points from the time of writing.
///
/// This is lexical: "by August" and "next year" are future, "since
/// September" and "last fall" past, "now", "this week" present. Absolute
/// dates ("in November 2024") are taken as past, as figures in news mostly
/// are; a caller with a publication date can compare the resolved interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Before the time of writing.
    Past,
    /// At the time of writing.
    Present,
    /// After the time of writing.
    Future,
}

/// One time-scope expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeScope {
    /// Byte offset of the expression's first byte in the sentence.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// What it means.
    pub expr: TimeExpr,
    /// True when it marks a running total: "since …", "in total", "so far",
    /// "to date", "until now", "as of …".
    pub cumulative: bool,
    /// Past, present or future.
    pub direction: Direction,
}

impl TimeScope {
    /// The expression as written in `sentence` (the string it was found in);
    /// empty if `sentence` is not that string.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

impl Period {
    /// True when the period does not depend on the publication date.
    pub fn is_absolute(&self) -> bool {
        match self {
            Period::Year(_) => true,
            Period::Month { year, .. } | Period::Day { year, .. } => year.is_some(),
            Period::Season { year, .. } => year.is_some(),
            Period::Weekday { .. } | Period::Relative { .. } => false,
            Period::Part { of, .. } => of.is_absolute(),
            Period::Span { from, to } => from.is_absolute() && to.is_absolute(),
        }
    }

    fn direction(&self) -> Direction {
        match self {
            Period::Relative { offset, .. } => match offset.cmp(&0) {
                Ordering::Less => Direction::Past,
                Ordering::Equal => Direction::Present,
                Ordering::Greater => Direction::Future,
            },
            Period::Weekday {
                rel: Some(Rel::Next),
                ..
            }
            | Period::Season {
                rel: Some(Rel::Next),
                ..
            } => Direction::Future,
            Period::Season {
                rel: Some(Rel::This),
                ..
            } => Direction::Present,
            Period::Part { of, .. } => of.direction(),
            Period::Span { from, .. } => from.direction(),
            _ => Direction::Past,
        }
    }
}

impl TimeExpr {
    /// True when the expression resolves without a publication date.
    pub fn is_absolute(&self) -> bool {
        match self {
            TimeExpr::During(p)
            | TimeExpr::AsEarlyAs(p)
            | TimeExpr::AsOf(p)
            | TimeExpr::By(p)
            | TimeExpr::Until(p) => p.is_absolute(),
            _ => false,
        }
    }

    /// True for running totals: "since …", "in total", "so far", "to date", "as of …".
    pub fn is_cumulative(&self) -> bool {
        matches!(
            self,
            TimeExpr::Since(_) | TimeExpr::ToDate | TimeExpr::AsOf(_)
        )
    }

    /// The lexical direction (see [`Direction`]).
    pub fn direction(&self) -> Direction {
        match self {
            TimeExpr::During(p) => p.direction(),
            TimeExpr::Since(_)
            | TimeExpr::Before(_)
            | TimeExpr::After(_)
            | TimeExpr::AsOf(_)
            | TimeExpr::EarlierThis(_)
            | TimeExpr::Past { .. }
            | TimeExpr::Ago { .. }
            | TimeExpr::Earlier => Direction::Past,
            TimeExpr::Now | TimeExpr::ToDate => Direction::Present,
            TimeExpr::By(_)
            | TimeExpr::Until(_)
            | TimeExpr::AsEarlyAs(_)
            | TimeExpr::LaterThis(_)
            | TimeExpr::Coming { .. } => Direction::Future,
        }
    }
}

/// The months' names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
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
];

fn month_name(m: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn plural(n: u32, unit: Unit) -> String {
    if n == 1 {
        unit.name().to_string()
    } else {
        format!("{n} {}s", unit.name())
    }
}

impl fmt::Display for Period {
    /// A canonical English rendering: "November 2024", "last fall", "late summer".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rel = |r: &Option<Rel>| match r {
            Some(Rel::Last) => "last ",
            Some(Rel::This) => "this ",
            Some(Rel::Next) => "next ",
            None => "",
        };
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Month {
                month,
                year: Some(y),
            } => write!(f, "{} {y}", month_name(*month)),
            Period::Month { month, year: None } => write!(f, "{}", month_name(*month)),
            Period::Day {
                month,
                day,
                year: Some(y),
            } => write!(f, "{} {day}, {y}", month_name(*month)),
            Period::Day {
                month,
                day,
                year: None,
            } => write!(f, "{} {day}", month_name(*month)),
            Period::Weekday { weekday, rel: r } => write!(f, "{}{}", rel(r), weekday.name()),
            Period::Season {
                season,
                year: Some(y),
                ..
            } => write!(f, "{} {y}", season.name()),
            Period::Season {
                season,
                year: None,
                rel: r,
            } => write!(f, "{}{}", rel(r), season.name()),
            Period::Relative {
                unit: Unit::Day,
                offset: -1,
            } => f.write_str("yesterday"),
            Period::Relative {
                unit: Unit::Day,
                offset: 0,
            } => f.write_str("today"),
            Period::Relative {
                unit: Unit::Day,
                offset: 1,
            } => f.write_str("tomorrow"),
            Period::Relative { unit, offset: -1 } => write!(f, "last {}", unit.name()),
            Period::Relative { unit, offset: 0 } => write!(f, "this {}", unit.name()),
            Period::Relative { unit, offset: 1 } => write!(f, "next {}", unit.name()),
            Period::Relative { unit, offset } if *offset < 0 => {
                write!(
                    f,
                    "the {} before last",
                    plural(offset.unsigned_abs(), *unit)
                )
            }
            Period::Relative { unit, offset } => {
                write!(f, "the {} after next", plural(offset.unsigned_abs(), *unit))
            }
            Period::Part { part, of } => match part {
                Part::Early => write!(f, "early {of}"),
                Part::Mid => write!(f, "mid-{of}"),
                Part::Late => write!(f, "late {of}"),
                Part::FirstHalf => write!(f, "the first half of {of}"),
                Part::SecondHalf => write!(f, "the second half of {of}"),
                Part::Quarter(q) => write!(f, "Q{q} {of}"),
            },
            Period::Span { from, to } => write!(f, "{from}–{to}"),
        }
    }
}

impl fmt::Display for TimeExpr {
    /// A canonical English rendering: "since September", "in November 2024".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeExpr::During(
                p @ (Period::Relative { .. } | Period::Weekday { rel: Some(_), .. }),
            ) => write!(f, "{p}"),
            TimeExpr::During(p @ Period::Season { rel: Some(_), .. }) => write!(f, "{p}"),
            TimeExpr::During(p @ (Period::Day { .. } | Period::Weekday { .. })) => {
                write!(f, "on {p}")
            }
            TimeExpr::During(p) => write!(f, "in {p}"),
            TimeExpr::Since(p) => write!(f, "since {p}"),
            TimeExpr::By(p) => write!(f, "by {p}"),
            TimeExpr::Until(p) => write!(f, "until {p}"),
            TimeExpr::AsEarlyAs(p) => write!(f, "as early as {p}"),
            TimeExpr::AsOf(p) => write!(f, "as of {p}"),
            TimeExpr::Before(p) => write!(f, "before {p}"),
            TimeExpr::After(p) => write!(f, "after {p}"),
            TimeExpr::Now => f.write_str("now"),
            TimeExpr::Earlier => f.write_str("earlier"),
            TimeExpr::ToDate => f.write_str("to date"),
            TimeExpr::EarlierThis(u) => write!(f, "earlier this {}", u.name()),
            TimeExpr::LaterThis(u) => write!(f, "later this {}", u.name()),
            TimeExpr::Past {
                count: Some(n),
                unit,
            } => write!(f, "over the past {}", plural(*n, *unit)),
            TimeExpr::Past { count: None, unit } => write!(f, "in recent {}s", unit.name()),
            TimeExpr::Coming {
                count: Some(n),
                unit,
            } => write!(f, "over the next {}", plural(*n, *unit)),
            TimeExpr::Coming { count: None, unit } => write!(f, "in the coming {}s", unit.name()),
            TimeExpr::Ago { count, unit } => {
                if *count == 1 {
                    write!(f, "a {} ago", unit.name())
                } else {
                    write!(f, "{} ago", plural(*count, *unit))
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

/// Which way a month or day name without a year leans.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lean {
    Past,
    Future,
}

/// Vague counts ("recent months", "the past few weeks") are taken as this many units.
const VAGUE_COUNT: u32 = 3;

fn year_interval(year: i32) -> Option<DateInterval> {
    Some(DateInterval {
        start: Date::new(year, 1, 1)?,
        end: Date::new(year, 12, 31)?,
    })
}

fn month_interval(year: i32, month: u8) -> Option<DateInterval> {
    let start = Date::new(year, month, 1)?;
    Some(DateInterval {
        start,
        end: start.last_of_month(),
    })
}

fn monday_of(d: Date) -> Option<Date> {
    d.add_days(-i64::from(d.weekday().index()))
}

/// `d` moved by `n` units (hours round up to whole days).
fn shift(d: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Hour => d.add_days(n.signum() * ((n.abs() + 23) / 24)),
        Unit::Day => d.add_days(n),
        Unit::Week => d.add_days(n.checked_mul(7)?),
        Unit::Month => d.add_months(n),
        Unit::Year => d.add_years(n),
    }
}

/// The whole calendar unit containing `d`, moved by `offset` units.
fn unit_interval(d: Date, unit: Unit, offset: i64) -> Option<DateInterval> {
    match unit {
        Unit::Hour | Unit::Day => d.add_days(offset).map(DateInterval::day),
        Unit::Week => {
            let start = monday_of(d)?.add_days(offset.checked_mul(7)?)?;
            Some(DateInterval {
                start,
                end: start.add_days(6)?,
            })
        }
        Unit::Month => {
            let m = d.first_of_month().add_months(offset)?;
            month_interval(m.year, m.month)
        }
        Unit::Year => year_interval(i32::try_from(i64::from(d.year).checked_add(offset)?).ok()?),
    }
}

/// The `k`-th of `n` equal parts of `iv`: whole months when the interval is
/// whole months divisible by `n`, days otherwise.
fn split(iv: DateInterval, k: u32, n: u32) -> Option<DateInterval> {
    if n == 0 || k >= n {
        return None;
    }
    let (k, n) = (i64::from(k), i64::from(n));
    let months = (i64::from(iv.end.year) - i64::from(iv.start.year)) * 12 + i64::from(iv.end.month)
        - i64::from(iv.start.month)
        + 1;
    if iv.start.day == 1 && iv.end == iv.end.last_of_month() && months > 0 && months % n == 0 {
        let per = months / n;
        let start = iv.start.add_months(per * k)?;
        let end = start.add_months(per)?.add_days(-1)?;
        return Some(DateInterval { start, end });
    }
    let total = iv.len_days();
    if total < n {
        return Some(iv);
    }
    let start = iv.start.add_days(total * k / n)?;
    let end = iv.start.add_days(total * (k + 1) / n - 1)?;
    Some(DateInterval::new(start, end))
}

fn season_interval(
    season: Season,
    year: Option<i32>,
    rel: Option<Rel>,
    p: Option<Date>,
    lean: Lean,
) -> Option<DateInterval> {
    if let Some(y) = year {
        return season.interval(y);
    }
    let p = p?;
    let candidates: Vec<DateInterval> = (-2..=1)
        .filter_map(|dy| season.interval(p.year.checked_add(dy)?))
        .collect();
    match rel {
        Some(Rel::Last) => candidates.iter().rev().find(|s| s.end < p).copied(),
        Some(Rel::Next) => candidates.iter().find(|s| s.start > p).copied(),
        Some(Rel::This) => candidates
            .iter()
            .find(|s| s.contains(p))
            .or_else(|| candidates.iter().find(|s| s.start > p))
            .copied(),
        None => match lean {
            Lean::Past => candidates.iter().rev().find(|s| s.start <= p).copied(),
            Lean::Future => candidates.iter().find(|s| s.end >= p).copied(),
        },
    }
}

fn period_interval(period: &Period, p: Option<Date>, lean: Lean) -> Option<DateInterval> {
    match period {
        Period::Year(y) => year_interval(*y),
        Period::Month {
            month,
            year: Some(y),
        } => month_interval(*y, *month),
        Period::Month { month, year: None } => {
            let p = p?;
            let y = match lean {
                Lean::Past if *month > p.month => p.year.checked_sub(1)?,
                Lean::Future if *month < p.month => p.year.checked_add(1)?,
                _ => p.year,
            };
            month_interval(y, *month)
        }
        Period::Day {
            month,
            day,
            year: Some(y),
        } => Date::new(*y, *month, *day).map(DateInterval::day),
        Period::Day {
            month,
            day,
            year: None,
        } => {
            let p = p?;
            if !(1..=12).contains(month) || *day == 0 || *day > 31 {
                return None;
            }
            let step: i32 = if lean == Lean::Past { -1 } else { 1 };
            let mut y = match lean {
                Lean::Past if (*month, *day) > (p.month, p.day) => p.year.checked_sub(1)?,
                Lean::Future if (*month, *day) < (p.month, p.day) => p.year.checked_add(1)?,
                _ => p.year,
            };
            // February 29 only exists in leap years: walk to the nearest one.
            for _ in 0..8 {
                if let Some(d) = Date::new(y, *month, *day) {
                    return Some(DateInterval::day(d));
                }
                y = y.checked_add(step)?;
            }
            None
        }
        Period::Weekday { weekday, rel } => {
            let p = p?;
            let today = i64::from(p.weekday().index());
            let target = i64::from(weekday.index());
            let back = (today - target).rem_euclid(7);
            let forward = (target - today).rem_euclid(7);
            let delta = match (rel, lean) {
                (Some(Rel::Last), _) => -(if back == 0 { 7 } else { back }),
                (Some(Rel::Next), _) => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                (Some(Rel::This), _) => target - today,
                (None, Lean::Past) => -back,
                (None, Lean::Future) => forward,
            };
            p.add_days(delta).map(DateInterval::day)
        }
        Period::Season { season, year, rel } => season_interval(*season, *year, *rel, p, lean),
        Period::Relative { unit, offset } => unit_interval(p?, *unit, i64::from(*offset)),
        Period::Part { part, of } => {
            let iv = period_interval(of, p, lean)?;
            match part {
                Part::Early => split(iv, 0, 3),
                Part::Mid => split(iv, 1, 3),
                Part::Late => split(iv, 2, 3),
                Part::FirstHalf => split(iv, 0, 2),
                Part::SecondHalf => split(iv, 1, 2),
                Part::Quarter(q) if (1..=4).contains(q) => split(iv, u32::from(*q) - 1, 4),
                Part::Quarter(_) => None,
            }
        }
        Period::Span { from, to } => {
            // Resolve the end the lean points at first, then the other end
            // relative to it, so "July or August" are the same summer.
            let (a, b) = match lean {
                Lean::Past => {
                    let b = period_interval(to, p, lean)?;
                    let a = period_interval(from, Some(b.start), Lean::Past)
                        .or_else(|| period_interval(from, p, lean))?;
                    (a, b)
                }
                Lean::Future => {
                    let a = period_interval(from, p, lean)?;
                    let b = period_interval(to, Some(a.start), Lean::Future)
                        .or_else(|| period_interval(to, p, lean))?;
                    (a, b)
                }
            };
            Some(DateInterval {
                start: a.start.min(b.start),
                end: a.end.max(b.end),
            })
        }
    }
}

/// Resolve an expression to a calendar interval.
///
/// Absolute expressions ("in November 2024", "in the first half of 2025")
/// resolve without a publication date; everything relative to the time of
/// writing needs `published` and gives `None` without it (an invalid
/// `published` counts as none). See the module docs for the conventions.
/// "before …" never resolves: it has no start.
pub fn resolve(expr: &TimeExpr, published: Option<Date>) -> Option<DateInterval> {
    let p = published.filter(Date::is_valid);
    match expr {
        TimeExpr::During(period) | TimeExpr::AsOf(period) => period_interval(period, p, Lean::Past),
        TimeExpr::AsEarlyAs(period) => period_interval(period, p, Lean::Future),
        TimeExpr::Since(period) => {
            let p = p?;
            let iv = period_interval(period, Some(p), Lean::Past)?;
            (iv.start <= p).then_some(DateInterval {
                start: iv.start,
                end: p,
            })
        }
        TimeExpr::After(period) => {
            let p = p?;
            let iv = period_interval(period, Some(p), Lean::Past)?;
            let start = iv.end.add_days(1)?;
            (start <= p).then_some(DateInterval { start, end: p })
        }
        TimeExpr::Before(_) | TimeExpr::Earlier => None,
        TimeExpr::By(period) | TimeExpr::Until(period) => {
            let iv = period_interval(period, p, Lean::Future)?;
            match p {
                Some(p) if iv.end >= p => Some(DateInterval {
                    start: p,
                    end: iv.end,
                }),
                _ => Some(DateInterval::day(iv.end)),
            }
        }
        TimeExpr::Now | TimeExpr::ToDate => p.map(DateInterval::day),
        TimeExpr::EarlierThis(unit) => {
            let p = p?;
            Some(DateInterval {
                start: unit_interval(p, *unit, 0)?.start,
                end: p,
            })
        }
        TimeExpr::LaterThis(unit) => {
            let p = p?;
            Some(DateInterval {
                start: p,
                end: unit_interval(p, *unit, 0)?.end,
            })
        }
        TimeExpr::Past { count, unit } => {
            let p = p?;
            let n = i64::from(count.unwrap_or(VAGUE_COUNT));
            // Hours count as whole days up to publication: "the past 24
            // hours" is the past day, the day of publication, as a daily
            // update means it; "the past 48 hours" two days.
            let start = shift(p, *unit, -n)?.add_days(1)?;
            Some(DateInterval::new(start, p))
        }
        TimeExpr::Coming { count, unit } => {
            let p = p?;
            let n = i64::from(count.unwrap_or(VAGUE_COUNT));
            let end = match unit {
                Unit::Hour => shift(p, Unit::Hour, n)?,
                _ => shift(p, *unit, n)?.add_days(-1)?,
            };
            Some(DateInterval::new(p, end))
        }
        TimeExpr::Ago { count, unit } => {
            shift(p?, *unit, -i64::from(*count)).map(DateInterval::day)
        }
    }
}

// ---------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------

type Res<'a, T> = IResult<&'a str, T, NomError<&'a str>>;

fn reject<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(NomError::new(i, ErrorKind::Verify)))
}

/// Succeeds, consuming nothing, when the next character does not continue a word.
fn boundary(i: &str) -> Res<'_, ()> {
    match i.chars().next() {
        Some(c) if c.is_alphanumeric() => reject(i),
        _ => Ok((i, ())),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn ws(i: &str) -> Res<'_, &str> {
    take_while1(is_space)(i)
}

/// One keyword, case-insensitive, ending at a word boundary.
fn kw<'a>(word: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i| {
        let (rest, m) = tag_ci(word)(i)?;
        let (rest, ()) = boundary(rest)?;
        Ok((rest, m))
    }
}

/// Space-separated keywords ("as early as"), any amount of whitespace between.
fn phrase<'a>(words: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i| {
        let mut rest = i;
        for (n, w) in words.split(' ').enumerate() {
            if n > 0 {
                rest = ws(rest)?.0;
            }
            rest = kw(w)(rest)?.0;
        }
        Ok((rest, &i[..i.len() - rest.len()]))
    }
}

/// A word of ASCII letters, ending at a word boundary.
fn letters(i: &str) -> Res<'_, &str> {
    let (rest, w) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    let (rest, ()) = boundary(rest)?;
    Ok((rest, w))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A full month name. "May", "March" and "August" (also ordinary words)
/// must be capitalised; the others may be written in any case.
fn month_full(i: &str) -> Res<'_, u8> {
    let (rest, w) = letters(i)?;
    let Some(idx) = MONTH_NAMES.iter().position(|m| m.eq_ignore_ascii_case(w)) else {
        return reject(i);
    };
    if matches!(idx, 2 | 4 | 7) && !starts_upper(w) {
        return reject(i);
    }
    Ok((rest, idx as u8 + 1))
}

/// An abbreviated month name, capitalised, with an optional full stop: "Sept.", "Jan".
fn month_abbr(i: &str) -> Res<'_, u8> {
    const ABBR: [(&str, u8); 12] = [
        ("Jan", 1),
        ("Feb", 2),
        ("Mar", 3),
        ("Apr", 4),
        ("Jun", 6),
        ("Jul", 7),
        ("Aug", 8),
        ("Sep", 9),
        ("Sept", 9),
        ("Oct", 10),
        ("Nov", 11),
        ("Dec", 12),
    ];
    let (rest, w) = letters(i)?;
    let Some(&(_, m)) = ABBR.iter().find(|(a, _)| *a == w) else {
        return reject(i);
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    Ok((rest, m))
}

fn month_any(i: &str) -> Res<'_, u8> {
    alt((month_full, month_abbr)).parse(i)
}

/// A four-digit year, 1800–2199.
fn year(i: &str) -> Res<'_, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let (rest, ()) = boundary(rest)?;
    match digits.parse::<i32>() {
        Ok(y) if (1800..=2199).contains(&y) => Ok((rest, y)),
        _ => reject(i),
    }
}

/// A day of the month, 1–31, with an optional ordinal suffix; not the start
/// of a larger number ("June 5,000 troops", "3.5", "13:30").
fn day_number(i: &str) -> Res<'_, u8> {
    let (rest, digits) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit())(i)?;
    let rest = alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th")))
        .parse(rest)
        .map_or(rest, |(r, _)| r);
    let (rest, ()) = boundary(rest)?;
    let mut chars = rest.chars();
    if let (Some(',' | '.' | ':'), Some(next)) = (chars.next(), chars.next())
        && next.is_ascii_digit()
    {
        return reject(i);
    }
    match digits.parse::<u8>() {
        Ok(d) if (1..=31).contains(&d) => Ok((rest, d)),
        _ => reject(i),
    }
}

/// ", 2025" or " 2025" after a day.
fn trailing_year(i: &str) -> Res<'_, i32> {
    let rest = i.strip_prefix(',').unwrap_or(i);
    let (rest, _) = ws(rest)?;
    year(rest)
}

fn opt_trailing_year(i: &str) -> (&str, Option<i32>) {
    match trailing_year(i) {
        Ok((rest, y)) => (rest, Some(y)),
        Err(_) => (i, None),
    }
}

/// "June 26", "Sept. 5, 2024", "June 26th".
fn month_day(i: &str) -> Res<'_, Period> {
    let (rest, (month, _, day)) = (month_any, ws, day_number).parse(i)?;
    if day > days_in_month(2000, month) {
        return reject(i);
    }
    let (rest, year) = opt_trailing_year(rest);
    Ok((rest, Period::Day { month, day, year }))
}

/// "26 June", "26 June 2025".
fn day_month(i: &str) -> Res<'_, Period> {
    let (rest, (day, _, month)) = (day_number, ws, month_any).parse(i)?;
    if day > days_in_month(2000, month) {
        return reject(i);
    }
    let (rest, year) = match (ws, year).parse(rest) {
        Ok((r, (_, y))) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    Ok((rest, Period::Day { month, day, year }))
}

/// "November 2024", "November of 2024".
fn month_year(i: &str) -> Res<'_, Period> {
    let (rest, (month, _)) = (month_any, ws).parse(i)?;
    let rest = match (kw("of"), ws).parse(rest) {
        Ok((r, _)) => r,
        Err(_) => rest,
    };
    let rest = rest.strip_prefix(',').map(str::trim_start).unwrap_or(rest);
    let (rest, y) = year(rest)?;
    Ok((
        rest,
        Period::Month {
            month,
            year: Some(y),
        },
    ))
}

fn month_only(i: &str) -> Res<'_, Period> {
    let (rest, month) = month_full(i)?;
    Ok((rest, Period::Month { month, year: None }))
}

fn month_only_or_abbr(i: &str) -> Res<'_, Period> {
    let (rest, month) = month_any(i)?;
    Ok((rest, Period::Month { month, year: None }))
}

fn season_word(i: &str) -> Res<'_, Season> {
    let (rest, w) = letters(i)?;
    let season = ascii_lowercase(w, |w| match w {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "fall" | "autumn" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    });
    match season {
        Some(s) => Ok((rest, s)),
        None => reject(i),
    }
}

fn opt_the(i: &str) -> &str {
    (kw("the"), ws).parse(i).map_or(i, |(r, _)| r)
}

/// "fall 2024", "the summer of 2024".
fn season_year(i: &str) -> Res<'_, Period> {
    let (rest, (season, _)) = (season_word, ws).parse(opt_the(i))?;
    let rest = (kw("of"), ws).parse(rest).map_or(rest, |(r, _)| r);
    let (rest, y) = year(rest)?;
    Ok((
        rest,
        Period::Season {
            season,
            year: Some(y),
            rel: None,
        },
    ))
}

/// "the spring", "summer" — only after a preposition.
fn season_bare(i: &str) -> Res<'_, Period> {
    let (rest, season) = season_word(opt_the(i))?;
    Ok((
        rest,
        Period::Season {
            season,
            year: None,
            rel: None,
        },
    ))
}

fn weekday_word(i: &str) -> Res<'_, Weekday> {
    let (rest, w) = letters(i)?;
    match WEEKDAY_NAMES.iter().position(|n| n.eq_ignore_ascii_case(w)) {
        Some(idx) => Ok((rest, WEEKDAYS[idx])),
        None => reject(i),
    }
}

fn weekday(i: &str) -> Res<'_, Period> {
    let (rest, weekday) = weekday_word(i)?;
    Ok((rest, Period::Weekday { weekday, rel: None }))
}

fn unit_word(i: &str) -> Res<'_, Unit> {
    let (rest, w) = letters(i)?;
    match ascii_lowercase(w, unit_of) {
        Some(u) => Ok((rest, u)),
        None => reject(i),
    }
}

/// A unit word, singular or plural ("year", "months", "24 hours").
fn unit_any(i: &str) -> Res<'_, Unit> {
    let (rest, w) = letters(i)?;
    match ascii_lowercase(w, |w| unit_of(w.strip_suffix('s').unwrap_or(w))) {
        Some(u) => Ok((rest, u)),
        None => reject(i),
    }
}

/// The unit a lower-case singular unit word names.
fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    })
}

fn plural_unit(i: &str) -> Res<'_, Unit> {
    let (rest, w) = letters(i)?;
    if !w.ends_with(['s', 'S']) {
        return reject(i);
    }
    unit_any(i).map(|(_, u)| (rest, u))
}

/// "last", "this", "next" + unit/season/weekday: "last year", "this week",
/// "last fall", "next Thursday", plus "tonight", "last night", "this morning".
fn relative(i: &str) -> Res<'_, Period> {
    if let Ok((rest, _)) = alt((
        kw("tonight"),
        phrase("this morning"),
        phrase("this afternoon"),
        phrase("this evening"),
    ))
    .parse(i)
    {
        return Ok((
            rest,
            Period::Relative {
                unit: Unit::Day,
                offset: 0,
            },
        ));
    }
    if let Ok((rest, _)) = phrase("last night").parse(i) {
        return Ok((
            rest,
            Period::Relative {
                unit: Unit::Day,
                offset: -1,
            },
        ));
    }
    let (rest, (w, _)) = (alt((kw("last"), kw("this"), kw("next"))), ws).parse(i)?;
    let rel = if w.eq_ignore_ascii_case("last") {
        Rel::Last
    } else if w.eq_ignore_ascii_case("this") {
        Rel::This
    } else {
        Rel::Next
    };
    let offset = match rel {
        Rel::Last => -1,
        Rel::This => 0,
        Rel::Next => 1,
    };
    if let Ok((r, unit)) = unit_word(rest)
        && unit != Unit::Hour
        && unit != Unit::Day
    {
        return Ok((r, Period::Relative { unit, offset }));
    }
    if let Ok((r, season)) = season_word(rest) {
        return Ok((
            r,
            Period::Season {
                season,
                year: None,
                rel: Some(rel),
            },
        ));
    }
    if let Ok((r, weekday)) = weekday_word(rest) {
        return Ok((
            r,
            Period::Weekday {
                weekday,
                rel: Some(rel),
            },
        ));
    }
    reject(i)
}

fn today_words(i: &str) -> Res<'_, Period> {
    let (rest, w) = alt((kw("today"), kw("yesterday"), kw("tomorrow"))).parse(i)?;
    let offset = if w.eq_ignore_ascii_case("yesterday") {
        -1
    } else if w.eq_ignore_ascii_case("today") {
        0
    } else {
        1
    };
    Ok((
        rest,
        Period::Relative {
            unit: Unit::Day,
            offset,
        },
    ))
}

fn year_period(i: &str) -> Res<'_, Period> {
    let (rest, y) = year(i)?;
    Ok((rest, Period::Year(y)))
}

/// The object of "the first half of …": a year, "the year", "this/last/next year".
fn year_like(i: &str) -> Res<'_, Period> {
    if let Ok((rest, _)) = phrase("the year").parse(i) {
        return Ok((
            rest,
            Period::Relative {
                unit: Unit::Year,
                offset: 0,
            },
        ));
    }
    alt((year_period, relative)).parse(i)
}

/// "the first half of 2025", "the third quarter of last year", "Q1 2025", "H2 2024".
fn half_quarter(i: &str) -> Res<'_, Period> {
    // "Q1 2025", "H1 2025"
    let mut chars = i.chars();
    if let (Some(c @ ('Q' | 'H')), Some(d)) =
        (chars.next(), chars.next().and_then(|d| d.to_digit(10)))
    {
        let part = match (c, d) {
            ('Q', 1..=4) => Some(Part::Quarter(d as u8)),
            ('H', 1) => Some(Part::FirstHalf),
            ('H', 2) => Some(Part::SecondHalf),
            _ => None,
        };
        if let Some(part) = part {
            // Both characters are ASCII, so byte 2 is a character boundary.
            let (r, (_, _, y)) = (boundary, ws, year).parse(&i[2..])?;
            return Ok((
                r,
                Period::Part {
                    part,
                    of: Box::new(Period::Year(y)),
                },
            ));
        }
    }
    let (rest, (_, _, ord, _, what)) = (
        kw("the"),
        ws,
        alt((
            kw("first"),
            kw("second"),
            kw("third"),
            kw("fourth"),
            kw("final"),
            kw("last"),
        )),
        ws,
        alt((kw("half"), kw("quarter"))),
    )
        .parse(i)?;
    let ord = ord.to_ascii_lowercase();
    let part = if what.eq_ignore_ascii_case("half") {
        match ord.as_str() {
            "first" => Part::FirstHalf,
            "second" | "final" | "last" => Part::SecondHalf,
            _ => return reject(i),
        }
    } else {
        match ord.as_str() {
            "first" => Part::Quarter(1),
            "second" => Part::Quarter(2),
            "third" => Part::Quarter(3),
            _ => Part::Quarter(4),
        }
    };
    let (rest, of) = match (ws, kw("of"), ws, year_like).parse(rest) {
        Ok((r, (_, _, _, of))) => (r, of),
        Err(_) => (
            rest,
            Period::Relative {
                unit: Unit::Year,
                offset: 0,
            },
        ),
    };
    Ok((
        rest,
        Period::Part {
            part,
            of: Box::new(of),
        },
    ))
}

/// "early 2025", "mid-July", "late summer", "late last year", "the end of 2024".
fn part_of(i: &str) -> Res<'_, Period> {
    let (rest, w) = alt((
        kw("early"),
        kw("mid"),
        kw("late"),
        phrase("the end of"),
        phrase("the start of"),
        phrase("the beginning of"),
        phrase("the middle of"),
    ))
    .parse(i)?;
    let lower = w.to_ascii_lowercase();
    let part = if lower.starts_with("early")
        || lower.ends_with("start of")
        || lower.ends_with("beginning of")
    {
        Part::Early
    } else if lower.starts_with("mid") || lower.ends_with("middle of") {
        Part::Mid
    } else {
        Part::Late
    };
    let rest = if let Some(r) = rest.strip_prefix('-') {
        r
    } else {
        ws(rest)?.0
    };
    let (rest, of) = alt((
        month_year,
        month_only_or_abbr,
        year_period,
        relative,
        season_year,
        season_bare,
        year_like,
        weekday,
        today_words,
    ))
    .parse(rest)?;
    Ok((
        rest,
        Period::Part {
            part,
            of: Box::new(of),
        },
    ))
}

/// One end of a span: a month (with or without year) or a season.
fn span_end(i: &str) -> Res<'_, Period> {
    alt((month_year, month_only, season_year, season_bare)).parse(i)
}

/// "July or August", "June to August 2025", "July–August".
fn span(i: &str) -> Res<'_, Period> {
    let (rest, from) = span_end(i)?;
    let rest = rest.trim_start_matches(is_space);
    let (rest, _) = alt((
        kw("or"),
        kw("and"),
        kw("to"),
        kw("through"),
        kw("until"),
        tag("-"),
        tag("–"),
        tag("—"),
    ))
    .parse(rest)?;
    let rest = rest.trim_start_matches(is_space);
    let (rest, to) = span_end(rest)?;
    // "July or August 2025": the year written once belongs to both.
    let from = match (from, &to) {
        (Period::Month { month, year: None }, Period::Month { year: Some(y), .. }) => {
            Period::Month {
                month,
                year: Some(*y),
            }
        }
        (f, _) => f,
    };
    Ok((
        rest,
        Period::Span {
            from: Box::new(from),
            to: Box::new(to),
        },
    ))
}

/// Every word (lower case) a period can begin with, read off the
/// alternatives of [`prep_period`] and [`bare_period`]: month names and
/// their abbreviations, seasons, weekdays, "the" ("the end of", "the first
/// half", "the summer of"), "early"/"mid"/"late", "this"/"last"/"next",
/// "tonight", "today"/"yesterday"/"tomorrow", and "q"/"h" ("Q1 2025").
/// Sorted. A period may also begin with a digit (a day or a year).
const PERIOD_FIRST_WORDS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "dec",
    "december",
    "early",
    "fall",
    "feb",
    "february",
    "friday",
    "h",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "late",
    "mar",
    "march",
    "may",
    "mid",
    "monday",
    "next",
    "nov",
    "november",
    "oct",
    "october",
    "q",
    "saturday",
    "sep",
    "sept",
    "september",
    "spring",
    "summer",
    "sunday",
    "the",
    "this",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "wednesday",
    "winter",
    "yesterday",
];

/// Whether a period may begin at the start of `i`: a digit, or a word of
/// [`PERIOD_FIRST_WORDS`]. Most words after "in", "on" or "by" are not
/// the start of a period ("in Russia", "by the NIS"), and its grammar tries
/// up to thirteen alternatives before it says so.
fn period_may_start(i: &str) -> bool {
    if i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    first_word(i).is_some_and(|w| listed(PERIOD_FIRST_WORDS, w))
}

/// A period after a preposition ("in", "since", "by", …): anything, including
/// bare years and seasons.
fn prep_period(i: &str) -> Res<'_, Period> {
    if !period_may_start(i) {
        return reject(i);
    }
    prep_period_anywhere(i)
}

/// [`prep_period`] without the first-word check (the tests compare them).
fn prep_period_anywhere(i: &str) -> Res<'_, Period> {
    alt((
        span,
        part_of,
        half_quarter,
        day_month,
        month_day,
        month_year,
        season_year,
        relative,
        today_words,
        month_only_or_abbr,
        season_bare,
        year_period,
        weekday,
    ))
    .parse(i)
}

/// A period standing on its own: no bare years or seasons ("2024 troops",
/// "prices fall"), no abbreviated months without a day.
fn bare_period(i: &str) -> Res<'_, Period> {
    if !period_may_start(i) {
        return reject(i);
    }
    bare_period_anywhere(i)
}

/// [`bare_period`] without the first-word check (the tests compare them).
fn bare_period_anywhere(i: &str) -> Res<'_, Period> {
    alt((
        span,
        part_of,
        half_quarter,
        day_month,
        month_day,
        month_year,
        season_year,
        relative,
        today_words,
        weekday,
        month_only,
    ))
    .parse(i)
}

/// A count of units: digits, number words, "a"/"an" (1) or vague words (`None`).
fn count(i: &str) -> Res<'_, Option<u32>> {
    if let Ok((rest, digits)) =
        take_while_m_n::<_, _, NomError<&str>>(1, 3, |c: char| c.is_ascii_digit())(i)
    {
        if let (Ok((rest, ())), Ok(n)) = (boundary(rest), digits.parse::<u32>())
            && n > 0
        {
            return Ok((rest, Some(n)));
        }
        return reject(i);
    }
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Ok((rest, w)) = letters(i) {
        if let Some(n) = WORDS.iter().position(|x| x.eq_ignore_ascii_case(w)) {
            return Ok((rest, Some(n as u32 + 1)));
        }
    }
    if let Ok((rest, _)) = alt((
        phrase("a few"),
        kw("few"),
        kw("several"),
        phrase("a couple of"),
        phrase("couple of"),
    ))
    .parse(i)
    {
        return Ok((rest, None));
    }
    reject(i)
}

fn count_ws(i: &str) -> (&str, Option<Option<u32>>) {
    match (count, ws).parse(i) {
        Ok((rest, (c, _))) => (rest, Some(c)),
        Err(_) => (i, None),
    }
}

/// "over the past year", "in the last two weeks", "the past 24 hours",
/// "in the coming months", "over the next two years", "past three months".
fn window(i: &str) -> Res<'_, TimeExpr> {
    let rest = (
        alt((kw("over"), kw("in"), kw("during"), kw("for"), kw("within"))),
        ws,
    )
        .parse(i)
        .map_or(i, |(r, _)| r);
    let (rest, the) = match (kw("the"), ws).parse(rest) {
        Ok((r, _)) => (r, true),
        Err(_) => (rest, false),
    };
    let (rest, (w, _)) = (
        alt((
            kw("past"),
            kw("last"),
            kw("previous"),
            kw("next"),
            kw("coming"),
        )),
        ws,
    )
        .parse(rest)?;
    let future = w.eq_ignore_ascii_case("next") || w.eq_ignore_ascii_case("coming");
    let (rest, c) = count_ws(rest);
    // Without "the" a count is required: "last week" is a calendar week,
    // "last two weeks" a window.
    if !the && c.is_none() {
        return reject(i);
    }
    let (rest, unit) = unit_any(rest)?;
    // "the next day" in a narrative is the day after an event, not after
    // publication ("the previous day", "the last day" likewise); "in the
    // past day" is the day before publication.
    if c.is_none()
        && unit == Unit::Day
        && !w.eq_ignore_ascii_case("coming")
        && !w.eq_ignore_ascii_case("past")
    {
        return reject(i);
    }
    // "the coming months" is vague; "the past year" is one year.
    let count = match c {
        Some(c) => c,
        None if w.eq_ignore_ascii_case("coming") => None,
        None => Some(1),
    };
    Ok((
        rest,
        if future {
            TimeExpr::Coming { count, unit }
        } else {
            TimeExpr::Past { count, unit }
        },
    ))
}

/// "within two years", "within a week": a window starting at publication.
fn within(i: &str) -> Res<'_, TimeExpr> {
    let (rest, _) = (kw("within"), ws).parse(i)?;
    let (rest, count) = match (alt((kw("a"), kw("an"))), ws).parse(rest) {
        Ok((r, _)) => (r, Some(1)),
        Err(_) => {
            let (r, (c, _)) = (count, ws).parse(rest)?;
            (r, c)
        }
    };
    let (rest, unit) = unit_any(rest)?;
    Ok((rest, TimeExpr::Coming { count, unit }))
}

/// "in recent months", "over recent weeks", "recently".
fn recent(i: &str) -> Res<'_, TimeExpr> {
    if let Ok((rest, _)) = kw("recently")(i) {
        return Ok((
            rest,
            TimeExpr::Past {
                count: None,
                unit: Unit::Month,
            },
        ));
    }
    let rest = (alt((kw("in"), kw("over"), kw("during"))), ws)
        .parse(i)
        .map_or(i, |(r, _)| r);
    let (rest, (_, _, unit)) = (kw("recent"), ws, plural_unit).parse(rest)?;
    Ok((rest, TimeExpr::Past { count: None, unit }))
}

/// "two years ago", "a week ago".
fn ago(i: &str) -> Res<'_, TimeExpr> {
    let (rest, c) = match alt((kw("a"), kw("an"))).parse(i) {
        Ok((r, _)) => (r, 1),
        Err(_) => match count(i)? {
            (r, Some(n)) => (r, n),
            (_, None) => return reject(i),
        },
    };
    let (rest, (_, unit, _, _)) = (ws, unit_any, ws, kw("ago")).parse(rest)?;
    Ok((rest, TimeExpr::Ago { count: c, unit }))
}

fn now_words(i: &str) -> Res<'_, TimeExpr> {
    let (rest, _) = alt((
        kw("currently"),
        kw("presently"),
        phrase("at present"),
        phrase("at the moment"),
        phrase("at this time"),
        phrase("right now"),
        phrase("as of now"),
        kw("now"),
    ))
    .parse(i)?;
    Ok((rest, TimeExpr::Now))
}

fn to_date_words(i: &str) -> Res<'_, TimeExpr> {
    let (rest, _) = alt((
        phrase("in total"),
        phrase("so far"),
        phrase("to date"),
        phrase("thus far"),
        phrase("until now"),
        phrase("up to now"),
        phrase("up until now"),
        phrase("by now"),
    ))
    .parse(i)?;
    Ok((rest, TimeExpr::ToDate))
}

/// "earlier this year", "later this month".
fn earlier_later(i: &str) -> Res<'_, TimeExpr> {
    let (rest, (w, _, _, _, unit)) = (
        alt((kw("earlier"), kw("later"))),
        ws,
        kw("this"),
        ws,
        unit_word,
    )
        .parse(i)?;
    Ok((
        rest,
        if w.eq_ignore_ascii_case("earlier") {
            TimeExpr::EarlierThis(unit)
        } else {
            TimeExpr::LaterThis(unit)
        },
    ))
}

/// Preposition + period: "since …", "by …", "as early as …", "in …", "on …".
fn prepositional(i: &str) -> Res<'_, TimeExpr> {
    let (rest, (prep, _)) = (
        alt((
            phrase("ever since"),
            kw("since"),
            phrase("as early as"),
            phrase("as of"),
            phrase("up until"),
            kw("until"),
            kw("till"),
            kw("through"),
            kw("by"),
            kw("before"),
            kw("after"),
            kw("in"),
            kw("on"),
            kw("during"),
            kw("throughout"),
            kw("at"),
            kw("between"),
            kw("from"),
        )),
        ws,
    )
        .parse(i)?;
    let is = |phrase: &str| words_are(prep, phrase);
    // "at" only takes "the end/start of …"; "between"/"from" only spans.
    let (rest, period) = if is("at") {
        part_of(rest)?
    } else if is("between") || is("from") {
        span(rest)?
    } else {
        prep_period(rest)?
    };
    let expr = if is("since") || is("ever since") {
        TimeExpr::Since(period)
    } else if is("as early as") {
        TimeExpr::AsEarlyAs(period)
    } else if is("as of") {
        TimeExpr::AsOf(period)
    } else if is("until") || is("till") || is("up until") || is("through") {
        TimeExpr::Until(period)
    } else if is("by") {
        TimeExpr::By(period)
    } else if is("before") {
        TimeExpr::Before(period)
    } else if is("after") {
        TimeExpr::After(period)
    } else {
        TimeExpr::During(period)
    };
    Ok((rest, expr))
}

/// Whether the words of `text` are those of `phrase` (one space between
/// words), ASCII case aside: "Ever  since" is "ever since".
fn words_are(text: &str, phrase: &str) -> bool {
    let (mut text, mut phrase) = (text.split_whitespace(), phrase.split(' '));
    loop {
        match (text.next(), phrase.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
            _ => return false,
        }
    }
}

fn bare(i: &str) -> Res<'_, TimeExpr> {
    let (rest, p) = bare_period(i)?;
    Ok((rest, TimeExpr::During(p)))
}

/// [`scope`], trying only the alternatives that can start with the first
/// character of `i`: after a digit, "two years ago" ([`ago`]) and a bare
/// period ("5 March 2024"); every other alternative starts with a word. Most
/// digits a scope is tried at are the figures' own ("5,000").
fn scope_here(i: &str) -> Res<'_, TimeExpr> {
    if i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        alt((ago, bare)).parse(i)
    } else {
        scope(i)
    }
}

/// "over the weekend", "at the weekend", "during the weekend", "on the
/// weekend": the Saturday and Sunday before publication.
fn weekend(i: &str) -> Res<'_, TimeExpr> {
    let (rest, _) = alt((
        phrase("over the weekend"),
        phrase("at the weekend"),
        phrase("during the weekend"),
        phrase("on the weekend"),
    ))
    .parse(i)?;
    let day = |weekday| Box::new(Period::Weekday { weekday, rel: None });
    Ok((
        rest,
        TimeExpr::During(Period::Span {
            from: day(Weekday::Saturday),
            to: day(Weekday::Sunday),
        }),
    ))
}

/// One time-scope expression at the start of `i`.
fn scope(i: &str) -> Res<'_, TimeExpr> {
    alt((
        to_date_words,
        now_words,
        weekend,
        earlier_later,
        window,
        within,
        recent,
        ago,
        prepositional,
        bare,
    ))
    .parse(i)
}

/// The word before byte offset `at`, lowercased.
fn word_before(s: &str, at: usize) -> String {
    let head = s.get(..at).unwrap_or("").trim_end();
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    });
    head[start..].to_lowercase()
}

/// True when nothing but quotes, dashes and spaces come before `at`.
fn at_sentence_start(s: &str, at: usize) -> bool {
    s.get(..at)
        .unwrap_or("")
        .chars()
        .all(|c| !c.is_alphanumeric())
}

/// Reject matches that are ordinary words in disguise.
fn plausible(sentence: &str, start: usize, end: usize) -> bool {
    let text = &sentence[start..end];
    match text {
        // "May" alone is the modal verb or a name ("Theresa May"); it is a
        // month only with a day or year after it or a preposition before it,
        // which the grammar consumes as part of the match.
        "May" => false,
        // Capitalised only because they open the sentence: "March on!", "August company".
        "March" | "August" if at_sentence_start(sentence, start) => false,
        _ => {
            let lower = text.to_ascii_lowercase();
            // "up to date" is about freshness, not a running total.
            !(lower == "to date" && word_before(sentence, start) == "up")
        }
    }
}

/// Every word (lower case) an expression of the grammar can begin with,
/// besides those a bare period can ([`PERIOD_FIRST_WORDS`]), read off its
/// alternatives: the prepositions and adverbs that open [`prepositional`],
/// [`window`], [`recent`], [`now_words`], [`to_date_words`] and
/// [`earlier_later`], and the counts of [`ago`]. Words found only inside an
/// expression ("of", "and", units, ordinals) are not here. Sorted. An
/// expression can also begin with a digit.
const FIRST_WORDS: &[&str] = &[
    "a",
    "after",
    "an",
    "as",
    "at",
    "before",
    "between",
    "by",
    "coming",
    "couple",
    "currently",
    "during",
    "earlier",
    "eight",
    "eleven",
    "ever",
    "few",
    "five",
    "for",
    "four",
    "from",
    "in",
    "later",
    "nine",
    "now",
    "on",
    "one",
    "over",
    "past",
    "presently",
    "previous",
    "recent",
    "recently",
    "right",
    "seven",
    "several",
    "since",
    "six",
    "so",
    "ten",
    "three",
    "through",
    "throughout",
    "thus",
    "till",
    "to",
    "twelve",
    "two",
    "until",
    "up",
    "within",
];

/// The words an expression that begins with "the" goes on with: "the past
/// year" ([`window`]), "the end of" ([`part_of`]), "the first half"
/// ([`half_quarter`]), "the summer of 2024" (a season). Sorted.
const AFTER_THE: &[&str] = &[
    "autumn",
    "beginning",
    "coming",
    "end",
    "fall",
    "final",
    "first",
    "fourth",
    "last",
    "middle",
    "next",
    "past",
    "previous",
    "second",
    "spring",
    "start",
    "summer",
    "third",
    "winter",
];

/// The run of ASCII letters at the start of `s`, lower case, when it is at
/// most 10 letters long.
fn first_word(s: &str) -> Option<([u8; 10], usize)> {
    let bytes = s.as_bytes();
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if len == 0 || len > 10 {
        return None;
    }
    let mut word = [0u8; 10];
    for (w, b) in word.iter_mut().zip(bytes) {
        *w = b.to_ascii_lowercase();
    }
    Some((word, len))
}

/// A word of [`first_word`] as one number (its `len` bytes, then zeros), so
/// that looking it up compares integers, not byte strings.
fn packed((word, len): ([u8; 10], usize)) -> u128 {
    let mut bytes = [0u8; 16];
    bytes[..len].copy_from_slice(&word[..len]);
    u128::from_le_bytes(bytes)
}

/// The words an expression can begin with ([`FIRST_WORDS`] and
/// [`PERIOD_FIRST_WORDS`]), [`packed`] and sorted, for a binary search.
static FIRST_PACKED: LazyLock<Vec<u128>> = LazyLock::new(|| {
    let mut words: Vec<u128> = FIRST_WORDS
        .iter()
        .chain(PERIOD_FIRST_WORDS)
        .filter_map(|w| first_word(w))
        .map(packed)
        .collect();
    words.sort_unstable();
    words
});

fn listed(list: &[&str], (word, len): ([u8; 10], usize)) -> bool {
    list.binary_search_by(|w| w.as_bytes().cmp(&word[..len]))
        .is_ok()
}

/// The only word an expression opening with "to" goes on with: "to date"
/// ([`to_date_words`]; "to" is otherwise met only inside a span).
const AFTER_TO: &[&str] = &["date"];

/// True when an expression of the grammar may begin at the start of `s`: a
/// digit, or a run of ASCII letters that is one of [`FIRST_WORDS`] or
/// [`PERIOD_FIRST_WORDS`] ("the" only before one of [`AFTER_THE`], "to"
/// only before one of [`AFTER_TO`]).
/// Most words of a sentence are not, and the grammar is not tried there.
fn may_start(s: &str) -> bool {
    if s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let Some(word) = first_word(s) else {
        return false;
    };
    if FIRST_PACKED.binary_search(&packed(word)).is_err() {
        return false;
    }
    let after = match &word.0[..word.1] {
        b"the" => AFTER_THE,
        b"to" => AFTER_TO,
        _ => return true,
    };
    let next = s[word.1..].trim_start_matches(is_space);
    if next.len() == s.len() - word.1 {
        // Not followed by a space ("thereby" is not "the").
        return false;
    }
    first_word(next).is_some_and(|w| listed(after, w))
}

/// Every time-scope expression in `sentence`, left to right, with byte spans.
///
/// At each word start the longest expression of the grammar is tried (where
/// [`may_start`] says one can begin); matches do not overlap. Spans are
/// always on character boundaries.
pub fn find_scopes(sentence: &str) -> Vec<TimeScope> {
    find_scopes_where(sentence, may_start, scope_here)
}

/// [`find_scopes`] with the first-word filter and the grammar given (the
/// tests compare the ones it uses with trying everything everywhere).
fn find_scopes_where(
    sentence: &str,
    may_start: impl Fn(&str) -> bool,
    scope: impl Fn(&str) -> Res<'_, TimeExpr>,
) -> Vec<TimeScope> {
    let mut out = Vec::new();
    let mut resume = 0;
    let mut prev: Option<char> = None;
    for (pos, c) in sentence.char_indices() {
        let word_start = c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if pos < resume || !word_start || !may_start(&sentence[pos..]) {
            continue;
        }
        let Ok((rest, expr)) = scope(&sentence[pos..]) else {
            continue;
        };
        let end = sentence.len() - rest.len();
        if end <= pos || !sentence.is_char_boundary(end) || !plausible(sentence, pos, end) {
            continue;
        }
        resume = end;
        out.push(TimeScope {
            start: pos,
            end,
            cumulative: expr.is_cumulative(),
            direction: expr.direction(),
            expr,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_the_weekend_is_the_saturday_and_sunday_before() {
        for text in ["over the weekend", "at the weekend", "during the weekend"] {
            let found = find_scopes(&format!("1,300 migrants arrived {text}, officials said."));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            // Published on Monday 7 July 2025: Saturday 5 and Sunday 6.
            let iv = resolve(&found[0].expr, Date::new(2025, 7, 7)).unwrap();
            assert_eq!(
                (iv.start, iv.end),
                (
                    Date::new(2025, 7, 5).unwrap(),
                    Date::new(2025, 7, 6).unwrap()
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn scopes_that_start_with_a_digit_are_read_by_ago_and_bare_alone() {
        for text in [
            "17 June 2024, officials said",
            "5 March the troops left",
            "3 days ago",
            "two weeks ago",
            "12 months ago the NIS said",
            "1 Sept. 2024",
            "2022-2024",
            "2024",
            "5,000 troops",
            "10,000-12,000 soldiers",
            "81 percent",
            "000 troops",
            "24 hours",
            "3rd quarter",
        ] {
            assert_eq!(scope_here(text), scope(text), "{text:?}");
        }
        // Not vacuous: a day-first date is a bare period, a count of units
        // before "ago" is one.
        assert!(scope_here("17 June 2024, officials said").is_ok());
        assert!(scope_here("3 days ago").is_ok());
    }

    #[test]
    fn ever_since_is_read_whatever_its_case_and_spacing() {
        assert!(words_are("Ever  since", "ever since"));
        assert!(words_are("AS EARLY\tAS", "as early as"));
        assert!(!words_are("ever", "ever since"));
        assert!(!words_are("ever since then", "ever since"));
        assert!(!words_are("as of", "as early as"));
        assert_eq!(
            prepositional("Ever  since last fall").map(|(_, e)| matches!(e, TimeExpr::Since(_))),
            Ok(true)
        );
        assert_eq!(
            prepositional("UP UNTIL March 2024").map(|(_, e)| matches!(e, TimeExpr::Until(_))),
            Ok(true)
        );
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// The single scope found in `s`, checked to span exactly `text`.
    fn one(s: &str, text: &str) -> TimeScope {
        let found = find_scopes(s);
        assert_eq!(found.len(), 1, "{s:?} → {found:?}");
        assert_eq!(found[0].text(s), text, "{s:?}");
        found[0].clone()
    }

    fn res(expr: &TimeExpr, published: Option<Date>) -> Option<String> {
        resolve(expr, published).map(|iv| iv.to_string())
    }

    fn texts(s: &str) -> Vec<&str> {
        find_scopes(s).iter().map(|t| t.text(s)).collect()
    }

    /// The scopes found with the first-word filter are those found by
    /// trying the grammar at every word, over every text the repository
    /// holds: the example articles, the fixture batches and the vendored
    /// conformance suites.
    #[test]
    fn first_word_filter_finds_what_trying_every_word_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        let mut dirs = vec![
            root.join("examples"),
            root.join("tests/batches"),
            root.join("tests/fixtures"),
            root.join("tests/conformance"),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| {
                    ["txt", "md", "jsonl", "html"].contains(&e.to_str().unwrap_or(""))
                }) {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 50, "found only {} files", files.len());
        let mut lines = 0;
        let mut scopes = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for line in text.lines() {
                lines += 1;
                periods_are_read_alike_at_every_word(line);
                let filtered = find_scopes(line);
                assert_eq!(
                    filtered,
                    find_scopes_where(line, |_| true, scope),
                    "{}: {line}",
                    path.display()
                );
                scopes += filtered.len();
            }
        }
        assert!(
            lines > 5_000 && scopes > 150,
            "{lines} lines, {scopes} scopes"
        );
    }

    /// At every word start of `line`, the periods read with the first-word
    /// check are those read without it.
    fn periods_are_read_alike_at_every_word(line: &str) {
        let mut prev: Option<char> = None;
        for (pos, c) in line.char_indices() {
            let word_start = c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric);
            prev = Some(c);
            if !word_start {
                continue;
            }
            let at = &line[pos..];
            assert_eq!(
                prep_period(at).ok(),
                prep_period_anywhere(at).ok(),
                "{at:?}"
            );
            assert_eq!(
                bare_period(at).ok(),
                bare_period_anywhere(at).ok(),
                "{at:?}"
            );
        }
    }

    #[test]
    fn periods_are_read_alike_with_and_without_the_first_word_check() {
        // One phrase for each alternative, each starting with a word of the
        // list or a digit: a word missing from the list fails here.
        let phrases = [
            "June to August 2025",
            "July or August",
            "spring–summer",
            "the end of 2024",
            "The start of last year",
            "early 2025",
            "mid-July",
            "Mid 2024",
            "late summer",
            "the first half of 2025",
            "Q1 2025",
            "H2 2024",
            "26 June 2025",
            "17th Sept. 2024",
            "Sept. 5, 2024",
            "Jan 3",
            "November of 2024",
            "Dec 2024",
            "the summer of 2024",
            "autumn 2023",
            "Fall",
            "this morning",
            "tonight",
            "last night",
            "next Thursday",
            "this year",
            "Today",
            "yesterday",
            "tomorrow",
            "March",
            "May 2024",
            "Apr",
            "Wednesday",
            "friday",
            "2024",
            "the winter",
        ];
        for p in phrases {
            assert!(
                prep_period_anywhere(p).is_ok() || bare_period_anywhere(p).is_ok(),
                "{p:?} is not a period"
            );
            periods_are_read_alike_at_every_word(p);
        }
        assert!(PERIOD_FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERIOD_FIRST_WORDS.iter().all(|w| first_word(w).is_some()));
        assert!(!period_may_start("Russia") && !period_may_start("a") && !period_may_start(""));
    }

    #[test]
    fn first_words_are_sorted_lower_case_and_short() {
        assert!(FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(AFTER_THE.windows(2).all(|w| w[0] < w[1]));
        assert!(AFTER_TO.windows(2).all(|w| w[0] < w[1]));
        // Every first word is looked up by its number, and only they are;
        // the two lists share none.
        assert_eq!(
            FIRST_PACKED.len(),
            FIRST_WORDS.len() + PERIOD_FIRST_WORDS.len()
        );
        assert!(FIRST_PACKED.windows(2).all(|w| w[0] < w[1]));
        assert!(FIRST_WORDS.iter().chain(PERIOD_FIRST_WORDS).all(|w| {
            first_word(w).is_some_and(|p| FIRST_PACKED.binary_search(&packed(p)).is_ok())
        }));
        assert!(["aft", "afters", "tro", "sinc"].iter().all(|w| {
            first_word(w).is_some_and(|p| FIRST_PACKED.binary_search(&packed(p)).is_err())
        }));
        assert!(may_start("the past year") && may_start("The  end of") && !may_start("the troops"));
        assert!(may_start("to date") && may_start("To\u{a0}date") && !may_start("to Russia"));
        assert!(
            FIRST_WORDS
                .iter()
                .all(|w| w.len() <= 10 && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(may_start("Since September") && may_start("2024") && may_start("Q1 2025"));
        assert!(!may_start("troops since") && !may_start("écrit") && !may_start(""));
    }

    proptest::proptest! {
        /// Sentences made of time words, figures and ordinary words.
        #[test]
        fn first_word_filter_is_exact_on_time_words(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "since", "September", "last", "fall", "the", "first", "half", "of", "2024", "in",
                "November", "mid-2024", "Q1", "H2", "two", "weeks", "ago", "a", "few", "days",
                "so", "far", "to", "date", "troops", "sent", "about", "5,000", "between", "and",
                "early", "late", "this", "year", "over", "past", "three", "months", "by", "June",
                "17", "Sept.", "up", "until", "now", "as", "of", "recently", "within", "hours",
                "—", "-", ",", "Monday", "next", "spring", "end", "start", "through", "Mayor",
                "middle", "beginning", "coming", "previous", "quarter", "second", "final",
                "winter", "autumn", "at", "present", "moment", "right", "ever", "thus", "for",
                "Thursday", "tonight", "yesterday", "one", "twelve", "several", "couple",
            ]),
            0..14,
        )) {
            let line = words.join(" ");
            periods_are_read_alike_at_every_word(&line);
            proptest::prop_assert_eq!(find_scopes(&line), find_scopes_where(&line, |_| true, scope));
        }
    }

    // --- dates -----------------------------------------------------------

    #[test]
    fn date_arithmetic() {
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        assert_eq!(Date::from_days(0), Some(d(1970, 1, 1)));
        assert_eq!(d(2024, 2, 28).add_days(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2025, 2, 28).add_days(1), Some(d(2025, 3, 1)));
        assert_eq!(d(2025, 1, 31).add_months(1), Some(d(2025, 2, 28)));
        assert_eq!(d(2024, 2, 29).add_years(1), Some(d(2025, 2, 28)));
        assert_eq!(d(2025, 3, 15).add_months(-3), Some(d(2024, 12, 15)));
        assert_eq!(d(2025, 6, 26).weekday(), Weekday::Thursday);
        assert_eq!(d(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(Date::new(2025, 2, 29), None);
        assert_eq!(Date::new(2025, 13, 1), None);
        for n in [-800_000_i64, -1, 0, 1, 59, 365, 20_000, 800_000] {
            assert_eq!(Date::from_days(n).unwrap().to_days(), n);
        }
        assert_eq!(
            Date {
                year: i32::MAX,
                month: 12,
                day: 31
            }
            .add_days(1),
            None
        );
    }

    #[test]
    fn date_display_parse_and_serde() {
        let date = d(2025, 6, 26);
        assert_eq!(date.to_string(), "2025-06-26");
        assert_eq!("2025-06-26".parse::<Date>(), Ok(date));
        assert_eq!("2025-06-26T09:30:00+09:00".parse::<Date>(), Ok(date));
        assert!("2025-02-30".parse::<Date>().is_err());
        assert!("26/06/2025".parse::<Date>().is_err());
        assert!("2025-06-2".parse::<Date>().is_err());
        assert!("2025-06-26x".parse::<Date>().is_err());
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"2025-06-26\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        let iv = DateInterval::new(d(2025, 9, 1), d(2024, 9, 1));
        assert_eq!(iv.start, d(2024, 9, 1));
        assert_eq!(
            serde_json::to_string(&iv).unwrap(),
            r#"{"start":"2024-09-01","end":"2025-09-01"}"#
        );
        assert!(d(2024, 1, 1) < d(2024, 1, 2) && d(2023, 12, 31) < d(2024, 1, 1));
    }

    // --- the phrases -----------------------------------------------------

    #[test]
    fn since_september() {
        let s = "Pyongyang has dispatched about 5,000 military personnel to Russia since September to take part";
        let t = one(s, "since September");
        assert_eq!(
            t.expr,
            TimeExpr::Since(Period::Month {
                month: 9,
                year: None
            })
        );
        assert!(t.cumulative);
        assert_eq!(t.direction, Direction::Past);
        assert_eq!(res(&t.expr, None), None);
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2025-09-01..2025-11-04")
        );
        // Published before September: last year's September.
        assert_eq!(
            res(&t.expr, Some(d(2026, 2, 10))).as_deref(),
            Some("2025-09-01..2026-02-10")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 9, 1))).as_deref(),
            Some("2025-09-01..2025-09-01")
        );
    }

    #[test]
    fn since_last_fall() {
        let s =
            "North Korea has sent around 15,000 troops to Russia since last fall and also supplied";
        let t = one(s, "since last fall");
        assert_eq!(
            t.expr,
            TimeExpr::Since(Period::Season {
                season: Season::Fall,
                year: None,
                rel: Some(Rel::Last)
            })
        );
        assert!(t.cumulative);
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2024-09-01..2025-11-04")
        );
    }

    #[test]
    fn last_fall() {
        let s = "approximately 10,000-12,000 troops were sent last fall, with an additional";
        let t = one(s, "last fall");
        assert!(!t.cumulative);
        assert_eq!(t.direction, Direction::Past);
        // Published January–August: the fall of the previous year.
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2024-09-01..2024-11-30")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 1, 2))).as_deref(),
            Some("2024-09-01..2024-11-30")
        );
        // Published in December: the fall just over.
        assert_eq!(
            res(&t.expr, Some(d(2025, 12, 1))).as_deref(),
            Some("2025-09-01..2025-11-30")
        );
        // Published during a fall: the one before it.
        assert_eq!(
            res(&t.expr, Some(d(2025, 10, 15))).as_deref(),
            Some("2024-09-01..2024-11-30")
        );
        assert_eq!(t.expr.to_string(), "last fall");
        assert_eq!(one("last autumn", "last autumn").expr, t.expr);
    }

    #[test]
    fn last_year() {
        let s = "The agency noted that the dispatch of combat troops last year occurred";
        let t = one(s, "last year");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Year,
                offset: -1
            })
        );
        assert_eq!(t.direction, Direction::Past);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2024-01-01..2024-12-31")
        );
        let s = "which has intensified since last year.";
        let t = one(s, "since last year");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2024-01-01..2025-06-20")
        );
    }

    #[test]
    fn earlier_this_year() {
        let s = "with an additional 3,000-4,000 deployed earlier this year.";
        let t = one(s, "earlier this year");
        assert_eq!(t.expr, TimeExpr::EarlierThis(Unit::Year));
        assert_eq!(t.direction, Direction::Past);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-01-01..2025-06-20")
        );
        assert_eq!(res(&t.expr, None), None);
        let t = one("later this month", "later this month");
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-06-20..2025-06-30")
        );
    }

    #[test]
    fn this_year() {
        let t = one("Exports rose 5% this year.", "this year");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Year,
                offset: 0
            })
        );
        assert_eq!(t.direction, Direction::Present);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-01-01..2025-12-31")
        );
    }

    #[test]
    fn in_november_2024() {
        let s = "In November 2024, Pyongyang sent an estimated 11,000 troops following a similar visit by Shoigu in October.";
        assert_eq!(texts(s), ["In November 2024", "in October"]);
        let t = &find_scopes(s)[0];
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Month {
                month: 11,
                year: Some(2024)
            })
        );
        assert!(t.expr.is_absolute());
        // Absolute: resolves without a publication date.
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-11-01..2024-11-30")
        );
        assert_eq!(t.expr.to_string(), "in November 2024");
    }

    #[test]
    fn in_2024() {
        let t = one("Casualties rose sharply in 2024.", "in 2024");
        assert_eq!(t.expr, TimeExpr::During(Period::Year(2024)));
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-01-01..2024-12-31")
        );
        // Not a year: a count, a thousands-separated number, a decade.
        assert!(find_scopes("in 1,000 cases").is_empty());
        assert!(find_scopes("in 2024s").is_empty());
        assert!(find_scopes("about 2024 troops").is_empty());
    }

    #[test]
    fn as_early_as_july_or_august() {
        let s = "North Korea is likely preparing to dispatch additional troops to Russia as early as July or August, South Korea’s intelligence agency told lawmakers on June 26, pointing";
        assert_eq!(texts(s), ["as early as July or August", "on June 26"]);
        let t = &find_scopes(s)[0];
        assert_eq!(
            t.expr,
            TimeExpr::AsEarlyAs(Period::Span {
                from: Box::new(Period::Month {
                    month: 7,
                    year: None
                }),
                to: Box::new(Period::Month {
                    month: 8,
                    year: None
                }),
            })
        );
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-07-01..2025-08-31")
        );
        // Published in September: next year's summer.
        assert_eq!(
            res(&t.expr, Some(d(2025, 9, 2))).as_deref(),
            Some("2026-07-01..2026-08-31")
        );
        assert_eq!(res(&t.expr, None), None);
    }

    #[test]
    fn by_august() {
        let s = "Seoul warns North Korea could send more troops to Russia by August";
        let t = one(s, "by August");
        assert_eq!(
            t.expr,
            TimeExpr::By(Period::Month {
                month: 8,
                year: None
            })
        );
        assert_eq!(t.direction, Direction::Future);
        assert!(!t.cumulative);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-06-26..2025-08-31")
        );
        // Published after August: next August.
        assert_eq!(
            res(&t.expr, Some(d(2025, 10, 1))).as_deref(),
            Some("2025-10-01..2026-08-31")
        );
        // With a year and no publication date: the deadline itself.
        let t = one("by August 2024", "by August 2024");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-08-31..2024-08-31")
        );
    }

    #[test]
    fn by_late_summer() {
        let s = "the NIS said a new deployment could occur by late summer.";
        let t = one(s, "by late summer");
        assert_eq!(
            t.expr,
            TimeExpr::By(Period::Part {
                part: Part::Late,
                of: Box::new(Period::Season {
                    season: Season::Summer,
                    year: None,
                    rel: None
                }),
            })
        );
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-06-26..2025-08-31")
        );
        assert_eq!(
            resolve(
                &TimeExpr::During(Period::Part {
                    part: Part::Late,
                    of: Box::new(Period::Season {
                        season: Season::Summer,
                        year: Some(2025),
                        rel: None
                    })
                }),
                None
            )
            .map(|i| i.to_string())
            .as_deref(),
            Some("2025-08-01..2025-08-31")
        );
    }

    #[test]
    fn on_thursday() {
        let s = "South Korean media, citing the National Intelligence Service (NIS), reported on Thursday that";
        let t = one(s, "on Thursday");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Weekday {
                weekday: Weekday::Thursday,
                rel: None
            })
        );
        assert_eq!(res(&t.expr, None), None);
        // 2025-06-26 is a Thursday: that day; from Monday 2025-06-30, the Thursday before.
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-06-26..2025-06-26")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 30))).as_deref(),
            Some("2025-06-26..2025-06-26")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 25))).as_deref(),
            Some("2025-06-19..2025-06-19")
        );
        // Bare weekdays after verbs, wire style.
        let s = "North Korean state media said Friday, as officials held talks Wednesday.";
        assert_eq!(texts(s), ["Friday", "Wednesday"]);
        let t = one("last Thursday", "last Thursday");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-06-19..2025-06-19")
        );
        let t = one("next Thursday", "next Thursday");
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 26))).as_deref(),
            Some("2025-07-03..2025-07-03")
        );
    }

    #[test]
    fn on_june_26() {
        let t = one(
            "South Korea’s intelligence agency told lawmakers on June 26, pointing to",
            "on June 26",
        );
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Day {
                month: 6,
                day: 26,
                year: None
            })
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 27))).as_deref(),
            Some("2025-06-26..2025-06-26")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 1))).as_deref(),
            Some("2024-06-26..2024-06-26")
        );
        let t = one("on June 26, 2025, the NIS said", "on June 26, 2025");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2025-06-26..2025-06-26")
        );
        assert_eq!(one("on 26 June 2025", "on 26 June 2025").expr, t.expr);
        assert_eq!(
            one("on Sept. 5", "on Sept. 5").expr,
            TimeExpr::During(Period::Day {
                month: 9,
                day: 5,
                year: None
            })
        );
        assert_eq!(
            one("June 26th", "June 26th").expr,
            TimeExpr::During(Period::Day {
                month: 6,
                day: 26,
                year: None
            })
        );
    }

    #[test]
    fn june_17() {
        let s = "The forecast is based in part on recent activity inside North Korea and a June 17 visit to Pyongyang by Sergei Shoigu";
        let t = one(s, "June 17");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Day {
                month: 6,
                day: 17,
                year: None
            })
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 27))).as_deref(),
            Some("2025-06-17..2025-06-17")
        );
        assert_eq!(t.expr.to_string(), "on June 17");
        // A month followed by a count is not a date.
        assert_eq!(texts("In June 5,000 troops arrived"), ["In June"]);
        assert!(
            find_scopes("June 31")
                .iter()
                .all(|t| !matches!(t.expr, TimeExpr::During(Period::Day { .. })))
        );
    }

    #[test]
    fn this_week() {
        let s = "discussed strengthening cooperation in their latest talks this week in Pyongyang";
        let t = one(s, "this week");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Week,
                offset: 0
            })
        );
        assert_eq!(t.direction, Direction::Present);
        // Friday 2025-11-07: Monday to Sunday of that week.
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 7))).as_deref(),
            Some("2025-11-03..2025-11-09")
        );
    }

    #[test]
    fn last_week() {
        let t = one("The ministry said last week that", "last week");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Week,
                offset: -1
            })
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 7))).as_deref(),
            Some("2025-10-27..2025-11-02")
        );
    }

    #[test]
    fn currently() {
        let s = "nearly 10,000 North Korean troops are currently positioned near the Russian-Ukrainian border";
        let t = one(s, "currently");
        assert_eq!(t.expr, TimeExpr::Now);
        assert_eq!(t.direction, Direction::Present);
        assert!(!t.cumulative);
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2025-11-04..2025-11-04")
        );
        assert_eq!(res(&t.expr, None), None);
        assert_eq!(
            texts("no meetings to announce at this time"),
            ["at this time"]
        );
        assert_eq!(texts("At present, 200 remain"), ["At present"]);
    }

    #[test]
    fn now() {
        let s = "Its analysis estimates that Russia now controls 81 percent of the four Ukrainian territories";
        let t = one(s, "now");
        assert_eq!(t.expr, TimeExpr::Now);
        // Word boundaries: not inside other words.
        assert!(find_scopes("It is known nowhere; snow fell; acknowledged").is_empty());
        assert_eq!(texts("Now, North Korea has now deployed"), ["Now", "now"]);
        assert_eq!(one("until now", "until now").expr, TimeExpr::ToDate);
        assert_eq!(one("by now", "by now").expr, TimeExpr::ToDate);
    }

    #[test]
    fn in_total() {
        let s = "North Korea has now deployed roughly 15,000 soldiers in total to support Russia";
        assert_eq!(texts(s), ["now", "in total"]);
        let t = &find_scopes(s)[1];
        assert_eq!(t.expr, TimeExpr::ToDate);
        assert!(t.cumulative);
        assert_eq!(t.direction, Direction::Present);
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2025-11-04..2025-11-04")
        );
    }

    #[test]
    fn so_far() {
        let t = one("So far, 1,200 people have been evacuated.", "So far");
        assert_eq!(t.expr, TimeExpr::ToDate);
        assert!(t.cumulative);
        assert!(find_scopes("insofar as").is_empty());
        assert_eq!(one("thus far", "thus far").expr, TimeExpr::ToDate);
    }

    #[test]
    fn to_date() {
        let s = "the largest deployment to date, officials said";
        let t = one(s, "to date");
        assert_eq!(t.expr, TimeExpr::ToDate);
        assert!(t.cumulative);
        assert!(find_scopes("keep the list up to date").is_empty());
    }

    #[test]
    fn next_year() {
        let s = "North Korea and the United States could hold talks sometime next year if conditions improve.";
        let t = one(s, "next year");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Year,
                offset: 1
            })
        );
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2026-01-01..2026-12-31")
        );
        assert_eq!(
            one("early next year", "early next year").direction,
            Direction::Future
        );
    }

    #[test]
    fn in_april() {
        let s = "soldiers collaborated to repel a Ukrainian incursion into Russia's Kursk border region in April.";
        let t = one(s, "in April");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Month {
                month: 4,
                year: None
            })
        );
        // The most recent April not after publication.
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-04-01..2025-04-30")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 3, 20))).as_deref(),
            Some("2024-04-01..2024-04-30")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 4, 2))).as_deref(),
            Some("2025-04-01..2025-04-30")
        );
    }

    #[test]
    fn last_month() {
        let t = one("Prices fell last month.", "last month");
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Relative {
                unit: Unit::Month,
                offset: -1
            })
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 3, 31))).as_deref(),
            Some("2025-02-01..2025-02-28")
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 1, 15))).as_deref(),
            Some("2024-12-01..2024-12-31")
        );
    }

    #[test]
    fn since_2022() {
        let t = one("Since 2022, more than 1,000 have fled.", "Since 2022");
        assert_eq!(t.expr, TimeExpr::Since(Period::Year(2022)));
        assert!(t.cumulative);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 1))).as_deref(),
            Some("2022-01-01..2025-06-01")
        );
        assert_eq!(res(&t.expr, None), None);
        // A start after publication is no interval.
        assert_eq!(res(&t.expr, Some(d(2021, 6, 1))), None);
    }

    #[test]
    fn in_the_first_half_of_2025() {
        let t = one(
            "Output fell in the first half of 2025.",
            "in the first half of 2025",
        );
        assert_eq!(
            t.expr,
            TimeExpr::During(Period::Part {
                part: Part::FirstHalf,
                of: Box::new(Period::Year(2025))
            })
        );
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2025-01-01..2025-06-30")
        );
        let t = one(
            "in the third quarter of last year",
            "in the third quarter of last year",
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 2, 1))).as_deref(),
            Some("2024-07-01..2024-09-30")
        );
        let t = one("in Q4 2024", "in Q4 2024");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-10-01..2024-12-31")
        );
    }

    #[test]
    fn over_the_past_year() {
        let t = one("Attacks doubled over the past year.", "over the past year");
        assert_eq!(
            t.expr,
            TimeExpr::Past {
                count: Some(1),
                unit: Unit::Year
            }
        );
        assert_eq!(t.direction, Direction::Past);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2024-06-21..2025-06-20")
        );
        let t = one("in the last two weeks", "in the last two weeks");
        assert_eq!(
            t.expr,
            TimeExpr::Past {
                count: Some(2),
                unit: Unit::Week
            }
        );
        let t = one("in the past day", "in the past day");
        assert_eq!(
            t.expr,
            TimeExpr::Past {
                count: Some(1),
                unit: Unit::Day
            }
        );
        // The past 24 hours are the past day: the day of publication.
        let t = one("in the past 24 hours", "in the past 24 hours");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            res(
                &one("in the past day", "in the past day").expr,
                Some(d(2025, 6, 20))
            )
            .as_deref()
        );
        let t = one("over the past 48 hours", "over the past 48 hours");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-06-19..2025-06-20")
        );
        let t = one("over the next two years", "over the next two years");
        assert_eq!(t.direction, Direction::Future);
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-06-20..2027-06-19")
        );
        // "the next day" is narrative, not a window after publication.
        assert!(find_scopes("the next day").is_empty());
    }

    #[test]
    fn in_recent_months() {
        let t = one(
            "Recruitment has picked up in recent months.",
            "in recent months",
        );
        assert_eq!(
            t.expr,
            TimeExpr::Past {
                count: None,
                unit: Unit::Month
            }
        );
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2025-03-21..2025-06-20")
        );
        assert_eq!(
            one("in the coming weeks", "in the coming weeks").expr,
            TimeExpr::Coming {
                count: None,
                unit: Unit::Week
            }
        );
        assert_eq!(
            one("over the past few months", "over the past few months").expr,
            TimeExpr::Past {
                count: None,
                unit: Unit::Month
            }
        );
    }

    // --- more phrases and rules -----------------------------------------

    #[test]
    fn may_month_versus_modal() {
        assert!(find_scopes("North Korea may send more troops").is_empty());
        assert!(find_scopes("May could see more troops, Theresa May said.").is_empty());
        assert_eq!(texts("The talks in May failed"), ["in May"]);
        assert_eq!(texts("On May 5, Seoul said"), ["On May 5"]);
        assert_eq!(texts("May 2024 was hot"), ["May 2024"]);
        assert_eq!(texts("since May"), ["since May"]);
        assert_eq!(texts("until May"), ["until May"]);
        assert_eq!(texts("by early May"), ["by early May"]);
        assert_eq!(texts("in mid-May"), ["in mid-May"]);
        assert_eq!(texts("late May"), ["late May"]);
        assert!(find_scopes("in may").is_empty());
        // "March" and "August" opening a sentence are not months on their own.
        assert!(find_scopes("March on, they said.").is_empty());
        assert_eq!(texts("exercises scheduled for March"), ["March"]);
        assert_eq!(texts("March 1 was a holiday"), ["March 1"]);
    }

    #[test]
    fn seasons_need_context() {
        assert!(find_scopes("Prices fall when supply grows; spring water").is_empty());
        assert_eq!(texts("in the spring of 2024"), ["in the spring of 2024"]);
        assert_eq!(texts("this summer"), ["this summer"]);
        let t = one("in fall 2024", "in fall 2024");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-09-01..2024-11-30")
        );
        let t = one("winter 2024", "winter 2024");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-12-01..2025-02-28")
        );
    }

    #[test]
    fn parts_of_periods() {
        let t = one("in early 2025", "in early 2025");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2025-01-01..2025-04-30")
        );
        let t = one("in mid-2024", "in mid-2024");
        assert_eq!(
            res(&t.expr, None).as_deref(),
            Some("2024-05-01..2024-08-31")
        );
        let t = one("late last year", "late last year");
        assert_eq!(
            res(&t.expr, Some(d(2025, 3, 1))).as_deref(),
            Some("2024-09-01..2024-12-31")
        );
        let t = one("by the end of the year", "by the end of the year");
        assert_eq!(
            res(&t.expr, Some(d(2025, 3, 1))).as_deref(),
            Some("2025-03-01..2025-12-31")
        );
        let t = one("late Thursday", "late Thursday");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 27))).as_deref(),
            Some("2025-06-26..2025-06-26")
        );
    }

    #[test]
    fn other_prepositions() {
        let t = one("as of June 26", "as of June 26");
        assert!(t.cumulative);
        assert_eq!(
            one("before September", "before September").expr,
            TimeExpr::Before(Period::Month {
                month: 9,
                year: None
            })
        );
        assert_eq!(
            resolve(&TimeExpr::Before(Period::Year(2024)), Some(d(2025, 1, 1))),
            None
        );
        let t = one("after September", "after September");
        assert_eq!(
            res(&t.expr, Some(d(2025, 11, 4))).as_deref(),
            Some("2025-10-01..2025-11-04")
        );
        assert_eq!(
            texts("between June and August"),
            ["between June and August"]
        );
        assert_eq!(
            texts("from June to August 2025"),
            ["from June to August 2025"]
        );
        let t = one("two years ago", "two years ago");
        assert_eq!(
            res(&t.expr, Some(d(2025, 6, 20))).as_deref(),
            Some("2023-06-20..2023-06-20")
        );
        assert_eq!(
            one("a week ago", "a week ago").expr,
            TimeExpr::Ago {
                count: 1,
                unit: Unit::Week
            }
        );
        assert_eq!(texts("yesterday and today"), ["yesterday", "today"]);
        let t = one("in the 12 months through March", "through March");
        assert_eq!(
            t.expr,
            TimeExpr::Until(Period::Month {
                month: 3,
                year: None
            })
        );
        let t = one("to double within two years", "within two years");
        assert_eq!(
            t.expr,
            TimeExpr::Coming {
                count: Some(2),
                unit: Unit::Year
            }
        );
        assert_eq!(
            one("within a week", "within a week").expr,
            TimeExpr::Coming {
                count: Some(1),
                unit: Unit::Week
            }
        );
    }

    #[test]
    fn not_time_scopes() {
        for s in [
            "13:30",
            "North Korea launched over 10 rockets",
            "the first anniversary of its defence pact",
            "This would mark the second known deployment",
            "just 12 days after their latest clashes",
            "the roughly one-month interval",
            "South Korea, the U.S., and Japan held their first joint air drills since President Lee Jae Myung took office",
            "in phases",
            "at the start of the war",
        ] {
            assert!(find_scopes(s).is_empty(), "{s:?} → {:?}", find_scopes(s));
        }
    }

    #[test]
    fn seed_sentences() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "Around 5,000 North Korean military construction troops have been moving to Russia in phases since September",
                &["since September"],
            ),
            (
                "Senior North Korean and Russian military officials discussed strengthening cooperation in their latest talks this week in Pyongyang, North Korean state media said Friday, as the two countries continue",
                &["this week", "Friday"],
            ),
            (
                "The North Korean-Russian meetings came days after U.S. Defense Secretary Pete Hegseth traveled to South Korea for annual security talks between the allies on Tuesday and praised",
                &["on Tuesday"],
            ),
            (
                "Lee noted that any summit could take place after joint U.S.–South Korea military exercises scheduled for March.",
                &["March"],
            ),
            (
                "Given the roughly one-month interval between that agreement and the first dispatch, the NIS said a new deployment could occur by late summer.",
                &["by late summer"],
            ),
            (
                "This latest report underscores the growing military partnership between Moscow and Pyongyang, which has intensified since last year.",
                &["since last year"],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(texts(s), want, "{s:?}");
        }
    }

    #[test]
    fn spans_on_char_boundaries_with_non_ascii_text() {
        let s = "“Since September,” the NIS said — Kim Jong‑un’s envoy met Shoigu on Thursday… ünïcödé now";
        for t in find_scopes(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        assert_eq!(texts(s), ["Since September", "on Thursday", "now"]);
    }

    #[test]
    fn display_is_canonical() {
        for (phrase, shown) in [
            ("since last fall", "since last fall"),
            ("in November 2024", "in November 2024"),
            ("as early as July or August", "as early as July–August"),
            ("by late summer", "by late summer"),
            ("earlier this year", "earlier this year"),
            ("in recent months", "in recent months"),
            ("over the past year", "over the past year"),
            ("in total", "to date"),
            ("in the first half of 2025", "in the first half of 2025"),
        ] {
            assert_eq!(one(phrase, phrase).expr.to_string(), shown);
        }
    }

    #[test]
    fn invalid_publication_dates_are_ignored() {
        let bad = Date {
            year: 2025,
            month: 13,
            day: 40,
        };
        assert_eq!(resolve(&TimeExpr::Now, Some(bad)), None);
        let extreme = Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        };
        for s in [
            "next year",
            "since September",
            "in the coming months",
            "last fall",
            "on Thursday",
            "two years ago",
        ] {
            let _ = resolve(&one(s, s).expr, Some(extreme));
            let _ = resolve(
                &one(s, s).expr,
                Some(Date {
                    year: i32::MIN,
                    month: 1,
                    day: 1,
                }),
            );
        }
    }

    #[test]
    fn serde_round_trip_of_scopes() {
        let s = "since last fall, as early as July or August, in the first half of 2025";
        let found = find_scopes(s);
        assert_eq!(found.len(), 3);
        let json = serde_json::to_string(&found).unwrap();
        let back: Vec<TimeScope> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, found);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_sound(s in "\\PC{0,80}") {
            let mut last_end = 0;
            for t in find_scopes(&s) {
                proptest::prop_assert!(t.start >= last_end && t.start < t.end && t.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                last_end = t.end;
                let _ = resolve(&t.expr, Some(Date { year: 2025, month: 6, day: 26 }));
            }
        }

        #[test]
        fn never_panics_on_date_like_text(s in "(in|since|by|on|last|early|the first half of|as early as) ?(May|June|Sept\\.|fall|2024|Q[0-9]|H[0-9]|[0-9]{1,4})[ ,]{0,2}[0-9]{0,5}( or (July|August))?") {
            for t in find_scopes(&s) {
                proptest::prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                let _ = resolve(&t.expr, None);
                let _ = resolve(&t.expr, Some(Date { year: 2024, month: 2, day: 29 }));
            }
        }
    }
}
