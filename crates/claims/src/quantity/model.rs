//! The data a quantity carries: its span, interval, kind, qualifier and unit.

use serde::{Deserialize, Serialize};

/// One numeric expression found in text.
///
/// `low` and `high` are the interval the words commit to; `None` means
/// unbounded on that side ("more than 10 million" → `low = 1e7`, `high = None`).
/// Approximations ("about 5,000") keep the point value; the tolerance applied
/// to them is the scorer's business, not the grammar's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset one past the last byte of the expression.
    pub end: usize,
    /// The number as written, for single figures ("about 5,000" → 5000); `None` for ranges and vague magnitudes.
    pub value: Option<f64>,
    /// Lower bound of the interval, `None` when unbounded.
    pub low: Option<f64>,
    /// Upper bound of the interval, `None` when unbounded.
    pub high: Option<f64>,
    /// What sort of expression this is.
    pub kind: Kind,
    /// The qualifier that shapes the interval, if any.
    pub qualifier: Option<Qualifier>,
    /// Currency or percent unit, if any.
    pub unit: Option<Unit>,
    /// True for increments: "another 1,000", "an additional 3,000", "thousands more".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub additional: bool,
}

impl Quantity {
    /// The expression's text in `source`, the string it was found in.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// What sort of numeric expression a [`Quantity`] is.
///
/// Only [`Kind::is_figure`] kinds are figures that a claim can rest on; the
/// others (ordinals, years, dates, times, identifiers, list numbers) are
/// typed so later stages can ignore them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A single count or amount: "5,000", "twenty-five", "2.5 million".
    Number,
    /// A range of counts: "10,000-12,000", "between 3,000 and 4,000".
    Range,
    /// A percentage or percentage points: "81 percent", "5-7%".
    Percent,
    /// An amount of money: "$4.5 billion", "€20m".
    Money,
    /// A share: "half of", "two-thirds", "one in seven" (value is the ratio).
    Fraction,
    /// A vague magnitude: "thousands of", "tens of thousands", "dozens of".
    Vague,
    /// An ordinal: "first", "2nd", "twenty-first".
    Ordinal,
    /// A year or decade: "2024", "in 2025", "the 1990s".
    Year,
    /// A calendar date: "June 26", "26 June 2025", "2025-06-26", "November 2024".
    Date,
    /// A time of day: "13:30", "10 a.m.".
    Time,
    /// A name that contains digits: "Su-27", "F-16", "COVID-19", "G7", "Resolution 2231", a phone number.
    Identifier,
    /// List numbering at the start of a line: "1.", "2)".
    ListItem,
}

impl Kind {
    /// True for kinds that state an amount (numbers, ranges, percents, money, fractions, vague magnitudes).
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Kind::Number | Kind::Range | Kind::Percent | Kind::Money | Kind::Fraction | Kind::Vague
        )
    }
}

/// A word or sign that moves a figure's interval away from the bare number.
///
/// | qualifier | phrases | interval for N |
/// |---|---|---|
/// | `about` | about, around, roughly, approximately, some, circa, ~, or so | [N, N] (tolerance is the scorer's) |
/// | `estimated` | an estimated, estimated | [N, N] |
/// | `nearly` | nearly, almost, close to, just under, just shy of, not quite | [0.9·N, N] |
/// | `just-over` | just over, slightly more than, a little over | [N, 1.1·N] |
/// | `more-than` | more than, over, above, upwards of, in excess of, well over, exceeding | [N, ∞) |
/// | `at-least` | at least, no fewer than, no less than, a minimum of, or more, -plus, + | [N, ∞) |
/// | `less-than` | fewer than, less than, under, below | (−∞, N] |
/// | `up-to` | up to, as many as, as much as, at most, no more than, a maximum of | (−∞, N] |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "about", "around", "roughly", "approximately", "some", "or so".
    About,
    /// "an estimated".
    Estimated,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "just over", "slightly more than".
    JustOver,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "at least", "or more", "-plus", "+".
    AtLeast,
    /// "fewer than", "less than", "under", "below".
    LessThan,
    /// "up to", "as many as", "at most".
    UpTo,
}

/// The unit a figure is expressed in, when the grammar knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Percent: "81 percent", "81%", "81 per cent".
    Percent,
    /// Percentage points: "3 percentage points".
    PercentagePoints,
    /// A currency, by ISO 4217 code.
    #[serde(untagged)]
    Currency(Currency),
}

/// Currencies the grammar recognises by sign or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Currency {
    USD,
    EUR,
    GBP,
    JPY,
    CNY,
    KRW,
    RUB,
    INR,
    UAH,
    CHF,
    AUD,
    CAD,
}
