//! Which figure class a case tests ([`Category`]), and whether it counts
//! towards the in-scope pass rate ([`Scope`]).
//!
//! The category is derived from the expected items first (their kinds,
//! units, bounds and texts) and from the input when the expectation says
//! little (negative cases, whole-input phrases). The first rule that applies
//! wins, in this order:
//!
//! | category | rule |
//! |---|---|
//! | `ordinal` | ordinal file or `parse_ordinal`; an expected kind containing "ordinal"; a range between ordinals ("between the tenth and the fifteenth"); a whole-input ordinal phrase ("twenty-first", "21st", "third") |
//! | `money` | kind `currency` (Recognizers CurrencyModel), Duckling `AmountOfMoney` or "bucks", quantulum entity `currency` or a currency unit name, a currency sign, code or word in a quinex span |
//! | `units` | Recognizers dimension / age / temperature models; Duckling Distance, Volume, Temperature and named Quantity units; any other quantulum unit than `dimensionless`/`percentage`; a unit symbol or name in a quinex span; a number glued to a unit in a negative case ("180ml") |
//! | `percent` | kind `percentage` with a percent sign or word in the text; quantulum unit `percentage`; `%` or "percent" in a quinex span |
//! | `fraction` | `parse_fraction`; Recognizers subtype `fraction`; a percentage written as a share ("one in two"); a vulgar fraction, `a/b`, "half", "quarter(s)", a plural denominator ("thirds") or a denominator after "a"/a number ("a fifth"), "N over M", "N out of M"; a denominator right after the expected span ("two \| millionth") — unless the share is of a scale word, making a large count ("half million", "two thirds of a million", "two and a half million", "a million and a half") |
//! | `range` | an expected item with both `lo` and `hi` (Recognizers ranges, Duckling intervals, quantulum's derived ranges); quinex `intervals` tests; "N to M" / "N-M" in a span |
//! | `qualifier` | an expected item with one open side (Duckling `bound`, Recognizers "[30,)"); a qualifier phrase in the text of a positive case (about, around, more than, over, at least, up to, fewer than, nearly, "or more", "~", …) |
//! | `multiplier` | digits followed by a scale word or suffix: "2.5 million", "10k", "1.2bn", "3M", "322 hundred", "2 dozens" |
//! | `written` | a number word in the text: "twenty-one", "one hundred", "a dozen", "zero", "several", "hundreds"; for negative cases also "a"/"an" |
//! | `cardinal` | a digit in the text |
//! | `other` | anything else ("twofold", "gazillion") |
//!
//! "The text" is the expected items' texts when the source gives spans, and
//! the input otherwise. In scope for a news checker: cardinal, written,
//! multiplier, range, qualifier, percent. The rest is scored and reported but
//! not counted, with the reason [`Category::out_of_scope_reason`] gives.
//!
//! Relative ordinals ("last", "next") get their own out-of-scope reason. A
//! case of an in-scope category can still be set aside, with its own reason,
//! by a case exclusion ([`exclusion`]: trained classifier, upstream modes
//! disagreeing, Indian numbering, chatbot phrasing in the Recognizers range
//! file, digits in dates/IPs/phones/codes, scientific notation, statistical
//! expressions, decimal commas, no number stated) or by a documented upstream
//! quirk ([`quirk`]). None of this depends on what our grammar returns, so
//! the denominator is stable.

use std::collections::{BTreeMap, BTreeSet};

use super::data::{Case, Corpus, Suite};

/// The figure class a case tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Digit numbers: "5,000", "-1", "0.98".
    Cardinal,
    /// Number words: "twenty-one", "one hundred and six", "a dozen", "several".
    Written,
    /// Digits with a scale: "2.5 million", "10k", "1.2bn".
    Multiplier,
    /// Two-sided ranges: "10,000-12,000", "between 20 and 30".
    Range,
    /// Qualified or one-sided figures: "about 5", "more than 30", "up to 700".
    Qualifier,
    /// Percentages: "81 percent", "100%".
    Percent,
    /// Shares and fractions: "two thirds", "1/4", "one over three".
    Fraction,
    /// Ordinals: "first", "21st", "twenty-fifth".
    Ordinal,
    /// Amounts of money: "$10", "420 million finnish markka".
    Money,
    /// Physical dimensions: "2 grams", "37°C", "4.6µm".
    Units,
    /// Nothing above applies.
    Other,
}

impl Category {
    /// Every category, in table order.
    pub const ALL: [Category; 11] = [
        Category::Cardinal,
        Category::Written,
        Category::Multiplier,
        Category::Range,
        Category::Qualifier,
        Category::Percent,
        Category::Fraction,
        Category::Ordinal,
        Category::Money,
        Category::Units,
        Category::Other,
    ];

    /// The category's name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Category::Cardinal => "cardinal",
            Category::Written => "written",
            Category::Multiplier => "multiplier",
            Category::Range => "range",
            Category::Qualifier => "qualifier",
            Category::Percent => "percent",
            Category::Fraction => "fraction",
            Category::Ordinal => "ordinal",
            Category::Money => "money",
            Category::Units => "units",
            Category::Other => "other",
        }
    }

    /// The category named `name`, if any.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Why a category is not counted; `None` for the in-scope ones.
    pub fn out_of_scope_reason(self) -> Option<&'static str> {
        match self {
            Category::Cardinal
            | Category::Written
            | Category::Multiplier
            | Category::Range
            | Category::Qualifier
            | Category::Percent => None,
            Category::Fraction => Some(
                "fraction: shares ('two thirds', '1/4', 'one over three') are typed Fraction and scored as ratios, not counts",
            ),
            Category::Ordinal => Some("ordinal: ordinals are typed but are not figures"),
            Category::Money => Some(
                "money: currency names, codes, cents and unit prices ($/kWh) are a separate grammar from counts",
            ),
            Category::Units => Some(
                "units: physical units (m, kg, °C, kWh, durations) are not what news figures count",
            ),
            Category::Other => {
                Some("other: no figure class applies ('twofold', 'gazillion hours')")
            }
        }
    }
}

/// Whether and how a case counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In scope: counted in the in-scope pass rate.
    Counted,
    /// Out of scope: scored and reported, not counted; the reason is printed under the table.
    Excluded(&'static str),
    /// An expected failure for a documented upstream quirk; not counted.
    Quirk(&'static str),
    /// `expected: null`: only run through `find` for robustness.
    RunOnly,
}

/// needs_classifier.
pub const NEEDS_CLASSIFIER: &str =
    "needs a trained disambiguator (quantulum needs_classifier cases)";
/// ordinal.relative.
pub const RELATIVE_ORDINAL: &str =
    "relative ordinals ('last', 'next', 'previous one') are positions, not figures";
/// lakh / crore.
pub const INDIAN_NUMBERING: &str =
    "Indian numbering (lakh, crore, 12,34,567) is outside the English news style we target";
/// Chatbot phrasing.
pub const CHATBOT: &str = "chatbot or query phrasing ('find sales greater than 30', 'x>10', 'equal to or more than 30') is not news prose";
/// Dates, IPs, phones, codes.
pub const NON_FIGURE_DIGITS: &str = "digits inside dates, IP addresses, phone numbers and codes (5/17/2018, 192.168.1.2, SCP-173) are typed Date/Identifier, not figures";
/// Scientific notation.
pub const SCIENTIFIC: &str =
    "scientific notation and powers (1e10, 1.1^23, 5.2*10⁻³) are not news figures";
/// Statistical expressions.
pub const STATISTICAL: &str = "statistical expressions (confidence intervals, ± uncertainty) are one quantity upstream and several figures for us";
/// Decimal commas.
pub const DECIMAL_COMMA: &str =
    "decimal commas ('5,00' = 5, '1.111,11') belong to non-English locales";
/// No number stated.
pub const NO_NUMBER: &str =
    "the expectation states no number to compare (unit-only or word-only assertion)";
/// Conflicting duplicates.
pub const CONFLICT: &str =
    "upstream modes disagree on this input (e.g. NumberRangeModel vs its ExperimentalMode)";

/// The category of `case` (only meaningful for cases with an expectation).
pub fn categorize(case: &Case) -> Category {
    let items = case.expected.as_deref().unwrap_or(&[]);
    let negative = items.is_empty();
    let spans_given = !case.full_input
        && !case.order_matters
        && case.suite != Suite::Quinex
        && items.iter().any(|i| i.text.is_some());
    let text = if spans_given {
        items
            .iter()
            .filter_map(|i| i.text.as_deref())
            .collect::<Vec<_>>()
            .join(" | ")
    } else {
        case.input.clone()
    };
    let lower = text.to_lowercase();
    let kinds: Vec<String> = items
        .iter()
        .filter_map(|i| i.kind.as_deref())
        .map(str::to_lowercase)
        .collect();

    // Ordinal.
    if case.suite == Suite::RecognizersOrdinal
        || case.function.as_deref() == Some("parse_ordinal")
        || kinds.iter().any(|k| k.contains("ordinal"))
        || ordinal_output(case).is_some()
        || (items.iter().any(|i| i.lo.is_some() || i.hi.is_some()) && ordinal_after_the(&lower))
        || ((case.full_input || case.suite == Suite::Quinex) && is_ordinal_phrase(&case.input))
    {
        return Category::Ordinal;
    }

    // Money.
    let dimension = items
        .iter()
        .find_map(|i| i.dimension.clone())
        .or_else(|| case.dimension.clone())
        .unwrap_or_default();
    let money = match case.suite {
        Suite::RecognizersUnit => case.source.contains("Currency"),
        Suite::Duckling => dimension == "AmountOfMoney" || contains_word(&lower, "bucks"),
        Suite::Quantulum => {
            (negative && has_money_marker(&case.input))
                || items.iter().any(|i| {
                    i.entity.as_deref() == Some("currency")
                        || i.unit.as_deref().is_some_and(is_currency_unit_name)
                })
        }
        Suite::Quinex => has_money_marker(&case.input),
        _ => kinds.iter().any(|k| k == "currency"),
    };
    if money {
        return Category::Money;
    }

    // Units.
    let units = match case.suite {
        Suite::RecognizersUnit => true,
        Suite::Duckling => match dimension.as_str() {
            "Distance" | "Volume" | "Temperature" => true,
            "Quantity" => items.iter().any(|i| i.unit.as_deref() != Some("Unnamed")),
            _ => false,
        },
        Suite::Quantulum => items.iter().any(|i| {
            i.unit
                .as_deref()
                .is_some_and(|u| u != "dimensionless" && u != "percentage")
        }),
        Suite::Quinex => {
            case.test.as_deref() != Some("test_quantity_parser_on_non_physical_units")
                && has_unit_marker(&case.input)
        }
        _ => negative && digit_glued_unit(&case.input),
    };
    if units {
        return Category::Units;
    }

    // Percent.
    let percent_words = has_percent_marker(&lower);
    let percent = match case.suite {
        Suite::Quantulum => items
            .iter()
            .any(|i| i.unit.as_deref() == Some("percentage")),
        Suite::Quinex => percent_words,
        Suite::RecognizersPercent => percent_words || (negative && !has_fraction_words(&lower)),
        _ => kinds.iter().any(|k| k.contains("percent")) && percent_words,
    };
    if percent {
        return Category::Percent;
    }

    // Fraction ("half a million" and "a million and a half" are large counts, not shares).
    let of_scale = fraction_of_scale(&lower);
    if case.function.as_deref() == Some("parse_fraction")
        || (!of_scale
            && items
                .iter()
                .any(|i| i.subtype.as_deref() == Some("fraction")))
        || kinds.iter().any(|k| k.contains("percent"))
        || (!of_scale && has_fraction_words(&lower))
    {
        return Category::Fraction;
    }
    // A denominator right after the expected span ("two | millionth", "100 | millionths").
    if spans_given
        && items.iter().any(|i| {
            i.span
                .is_some_and(|(_, end)| denominator_follows(&case.input, end))
        })
    {
        return Category::Fraction;
    }

    // Range and qualifier.
    if items
        .iter()
        .any(|i| i.lo.is_some() && i.hi.is_some() && i.lo != i.hi)
        || case.test.as_deref() == Some("test_quantity_parser_on_intervals")
        || (case.suite == Suite::Quinex && has_range_pattern(&case.input))
    {
        return Category::Range;
    }
    // Negative cases are whole sentences: a stray "over" there says nothing about the trap.
    if items.iter().any(|i| i.lo.is_some() != i.hi.is_some())
        || (!negative && has_qualifier(&lower))
    {
        return Category::Qualifier;
    }

    // Multiplier, written, cardinal.
    if digit_then_scale(&text) {
        return Category::Multiplier;
    }
    let words = alpha_words(&lower);
    if words.iter().any(|w| is_number_word(w))
        || (negative && words.iter().any(|w| w == "a" || w == "an"))
    {
        return Category::Written;
    }
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return Category::Cardinal;
    }
    Category::Other
}

/// The value of a text2num ordinal output ("21st" → 21).
pub fn ordinal_output(case: &Case) -> Option<f64> {
    if case.suite != Suite::Text2num {
        return None;
    }
    let out = case.expected_output.as_deref()?;
    let digits = out.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &out[digits.len()..];
    if matches!(suffix, "st" | "nd" | "rd" | "th")
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        digits.parse().ok()
    } else {
        None
    }
}

/// A case-level reason to set aside a case whose category is in scope.
pub fn exclusion(
    case: &Case,
    conflicts: &BTreeSet<(String, String, String)>,
) -> Option<&'static str> {
    let items = case.expected.as_deref().unwrap_or(&[]);
    let lower = case.input.to_lowercase();
    if case.needs_classifier {
        return Some(NEEDS_CLASSIFIER);
    }
    if conflicts.contains(&conflict_key(case)) {
        return Some(CONFLICT);
    }
    if indian_numbering(case, &lower) {
        return Some(INDIAN_NUMBERING);
    }
    if case.suite == Suite::RecognizersRange && chatbot_phrasing(&lower) {
        return Some(CHATBOT);
    }
    if case.suite.is_recognizers() && non_figure_digits(&case.input) {
        return Some(NON_FIGURE_DIGITS);
    }
    if items.iter().any(|i| i.subtype.as_deref() == Some("power"))
        || case.test.as_deref() == Some("test_quantity_parser_on_scientific_notation")
        || items
            .iter()
            .filter_map(|i| i.text.as_deref())
            .any(is_scientific)
    {
        return Some(SCIENTIFIC);
    }
    if case.test.as_deref() == Some("test_quantity_parser_on_stats_expr")
        || items.iter().any(|i| {
            i.derived
                && i.text
                    .as_deref()
                    .is_some_and(|t| t.contains('±') || t.contains("+/-"))
        })
    {
        return Some(STATISTICAL);
    }
    if items.iter().any(|i| match (i.text.as_deref(), i.value) {
        (Some(t), Some(v)) => decimal_comma(t, v),
        _ => false,
    }) {
        return Some(DECIMAL_COMMA);
    }
    let stated = if case.suite == Suite::Quinex {
        case.expected_count.is_some() || items.iter().any(|i| i.has_number())
    } else {
        items.is_empty() || items.iter().all(|i| i.has_number()) || ordinal_output(case).is_some()
    };
    if !stated {
        return Some(NO_NUMBER);
    }
    None
}

/// A documented upstream quirk (tests/conformance/README.md, "Quirks … should
/// not copy") that this case follows; such cases are expected failures.
///
/// The per-file lists hold only quirks that value matching would otherwise
/// count against us. The other README quirks need no entry: Recognizers'
/// half-open ranges and Duckling's merged inclusive/exclusive bounds (open and
/// closed ends are not compared), Recognizers dropping "about" and Duckling
/// dropping hedges (our value is the same number), quantulum's midpoint ±
/// uncertainty (the derived bounds are compared; real ± uncertainties are
/// excluded as statistical), and Indian numbering (an exclusion for every
/// file, [`INDIAN_NUMBERING`]).
pub fn quirk(case: &Case) -> Option<&'static str> {
    let input = case.input.trim().to_lowercase();
    match case.suite {
        Suite::Duckling => match input.as_str() {
            "a few" | "few" => Some("Duckling reads the vague 'a few'/'few' as exactly 3"),
            "a couple" | "a couple of" => Some("Duckling reads the vague 'a couple' as exactly 2"),
            "a pair" => Some("Duckling reads 'a pair' as a numeral 2"),
            "forty-five (45)" | "45 (forty five)" => {
                Some("Duckling reads a number and its parenthesised restatement as one value")
            }
            _ => None,
        },
        Suite::Quantulum if case.order_matters => match input.as_str() {
            "zero is a small number." => {
                Some("quantulum's spell-out reader counts the article 'a' as 1")
            }
            "hundred and five hundred and six" => Some("marked ambiguous upstream"),
            "several hundred years" => {
                Some("quantulum's spell-out reader drops vague magnitudes ('several hundred')")
            }
            _ => None,
        },
        Suite::Quantulum => match input.as_str() {
            "a million and a half"
            | "minus a million and a half"
            | "negative million and a half" => {
                Some("quantulum adds 'and a half' as 0.5, not as half of the million (1,000,000.5)")
            }
            _ => None,
        },
        _ => None,
    }
}

/// The scope of a case: an out-of-scope category first (relative ordinals
/// get their own reason), then case exclusions, then quirks.
pub fn scope(
    case: &Case,
    category: Category,
    conflicts: &BTreeSet<(String, String, String)>,
) -> Scope {
    if case.expected.is_none() {
        return Scope::RunOnly;
    }
    if let Some(reason) = category.out_of_scope_reason() {
        let relative = case
            .expected
            .iter()
            .flatten()
            .any(|i| i.kind.as_deref() == Some("ordinal.relative"));
        return Scope::Excluded(if relative { RELATIVE_ORDINAL } else { reason });
    }
    if let Some(reason) = exclusion(case, conflicts) {
        return Scope::Excluded(reason);
    }
    if let Some(reason) = quirk(case) {
        return Scope::Quirk(reason);
    }
    Scope::Counted
}

/// Inputs that appear more than once in a file (for the same test function)
/// with different expectations.
pub fn conflicts(corpus: &Corpus) -> BTreeSet<(String, String, String)> {
    let mut seen: BTreeMap<(String, String, String), BTreeSet<String>> = BTreeMap::new();
    for (_, cases) in &corpus.files {
        for case in cases {
            let Some(items) = &case.expected else {
                continue;
            };
            let numbers: Vec<String> = items
                .iter()
                .map(|i| format!("{:?}/{:?}/{:?}", i.value, i.lo, i.hi))
                .collect();
            seen.entry(conflict_key(case))
                .or_default()
                .insert(numbers.join(","));
        }
    }
    seen.into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k)
        .collect()
}

fn conflict_key(case: &Case) -> (String, String, String) {
    let function = format!(
        "{}/{}",
        case.function.as_deref().unwrap_or(""),
        case.order_matters
    );
    (case.file.clone(), function, case.input.clone())
}

// ----- lexicons -------------------------------------------------------------

#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "zero", "naught", "nought", "nil", "oh", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
    "millions", "billion", "billions", "trillion", "trillions", "quadrillion", "quintillion",
    "sextillion", "dozen", "dozens", "couple", "pair", "few", "several", "single", "point", "tens",
    "score", "scores",
];

#[rustfmt::skip]
const SCALE_WORDS: &[&str] = &[
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "trillion", "trillions",
];

/// Scale words and suffixes that may follow digits ("10k", "2 million", "1.2bn").
#[rustfmt::skip]
const SCALE_SUFFIXES: &[&str] = &[
    "k", "m", "mm", "mn", "mil", "b", "bn", "bln", "g", "t", "tn", "tln", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions",
    "dozen", "dozens", "dz", "dzs", "doz", "dozs",
];

#[rustfmt::skip]
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth", "billionth",
    "trillionth", "nineth",
];

#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "about", "around", "approximately", "approx", "roughly", "nearly", "almost", "close to",
    "just over", "just under", "more than", "over", "above", "at least", "at most", "up to",
    "less than", "fewer than", "under", "below", "upwards of", "in excess of", "exceeding",
    "exceeded", "exceeds", "exceed", "surpass", "no more than", "no less than", "no fewer than",
    "as many as", "as much as", "or more", "or less", "or so", "or greater", "and more",
    "an estimated", "estimated", "a maximum of", "a minimum of", "well over", "greater than",
    "lower than", "higher than", "circa", "plus",
];

const QUALIFIER_SIGNS: &[char] = &['~', '∼', '<', '>', '≈', '≥', '≤'];

const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '¢', '⊄', '₹', '₩', '₽', '₴'];

#[rustfmt::skip]
const CURRENCY_WORDS: &[&str] = &[
    "usd", "eur", "gbp", "cny", "sek", "tk", "cent", "cents", "dollar", "dollars", "euro", "euros",
    "yen", "yuan", "rupee", "rupees", "bucks",
];

#[rustfmt::skip]
const UNIT_TOKENS: &[&str] = &[
    "m", "cm", "mm", "km", "nm", "µm", "μm", "pm", "g", "kg", "mg", "µg", "μg", "t", "l", "L", "ml",
    "mL", "cl", "h", "hr", "hrs", "hour", "hours", "min", "s", "sec", "second", "seconds", "day",
    "days", "year", "years", "yr", "week", "weeks", "month", "months", "W", "kW", "MW", "GW", "TW",
    "Wh", "kWh", "KWh", "MWh", "GWh", "TWh", "J", "kJ", "mol", "eV", "meV", "keV", "MeV", "GeV",
    "TeV", "V", "Hz", "bpm", "K", "C", "F", "rad", "Gy", "nM", "tonne", "tonnes", "ton", "tons",
    "Mt", "kt", "MMBtu", "Btu", "bar", "Pa", "kPa", "MPa", "ppm", "el", "knots", "mi", "ft", "PH",
    "kilowatt", "beat", "earth", "mass", "km2", "kilometres", "kilometers", "meters", "metres",
    "miles", "feet", "inches", "liters", "litres", "gallons", "grams", "kilograms",
];

const UNIT_SIGNS: &[char] = &['°', '∘', '′', '″', '‰', 'µ', 'μ', '•'];

#[rustfmt::skip]
const VULGAR_FRACTIONS: &[char] = &[
    '½', '⅓', '⅔', '¼', '¾', '⅕', '⅖', '⅗', '⅘', '⅙', '⅚', '⅛', '⅜', '⅝', '⅞',
];

fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.contains(&w)
}

fn is_ordinal_word(w: &str) -> bool {
    ORDINAL_WORDS.contains(&w)
}

fn is_currency_unit_name(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    [
        "pound sterling",
        "euro",
        "dollar",
        "penny",
        "cent",
        "dime",
        "yen",
    ]
    .iter()
    .any(|c| unit == *c || unit.starts_with(&format!("{c} per")))
}

/// Lower-case runs of ASCII letters.
fn alpha_words(lower: &str) -> Vec<String> {
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `phrase` occurs in `lower` at word boundaries.
fn contains_word(lower: &str, phrase: &str) -> bool {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(phrase) {
        let start = from + pos;
        let end = start + phrase.len();
        let before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return true;
        }
        from = start + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

fn has_qualifier(lower: &str) -> bool {
    QUALIFIERS.iter().any(|q| contains_word(lower, q)) || lower.contains(QUALIFIER_SIGNS)
}

fn has_percent_marker(lower: &str) -> bool {
    lower.contains('%')
        || ["percent", "percents", "percentage", "per cent"]
            .iter()
            .any(|w| contains_word(lower, w))
}

fn is_scale_word(w: &str) -> bool {
    SCALE_WORDS.contains(&w)
}

/// A fraction of a scale word: "half million", "two thirds of a million",
/// "one and a half million", "a million and a half".
fn fraction_of_scale(lower: &str) -> bool {
    let words = alpha_words(lower);
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|i| {
        let fraction = matches!(
            word(i),
            "half" | "halves" | "quarter" | "quarters" | "thirds"
        );
        let scale_after = is_scale_word(word(i + 1))
            || (word(i + 1) == "of"
                && matches!(word(i + 2), "a" | "an")
                && is_scale_word(word(i + 3)));
        let scale_and_a_half = word(i) == "half"
            && i >= 3
            && word(i - 2) == "and"
            && matches!(word(i - 1), "a" | "one")
            && is_scale_word(word(i - 3));
        fraction && (scale_after || scale_and_a_half)
    })
}

/// The word after byte `end` of `input` is a denominator or ordinal ("millionth(s)").
fn denominator_follows(input: &str, end: usize) -> bool {
    let Some(rest) = input.get(end..) else {
        return false;
    };
    let next = alpha_words(&rest.to_lowercase())
        .into_iter()
        .next()
        .unwrap_or_default();
    rest.starts_with(' ')
        && (is_ordinal_word(&next) || next.strip_suffix('s').is_some_and(is_ordinal_word))
}

fn has_money_marker(input: &str) -> bool {
    input.contains(CURRENCY_SIGNS)
        || alpha_words(&input.to_lowercase())
            .iter()
            .any(|w| CURRENCY_WORDS.contains(&w.as_str()))
}

/// Unit tokens of a span: letter runs (digits stripped from their ends) and unit signs.
fn has_unit_marker(input: &str) -> bool {
    if input.contains(UNIT_SIGNS) {
        return true;
    }
    input
        .split(|c: char| !c.is_alphanumeric())
        .map(|t| t.trim_matches(|c: char| c.is_ascii_digit()))
        .any(|t| UNIT_TOKENS.contains(&t))
}

/// A number immediately followed by a unit ("180ml", "29km", "1m").
fn digit_glued_unit(input: &str) -> bool {
    let chars: Vec<char> = input.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || chars.get(i + 1).is_none_or(|n| !n.is_alphabetic()) {
            continue;
        }
        let word: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if UNIT_TOKENS.contains(&word.as_str()) {
            return true;
        }
    }
    false
}

/// Digits followed (optionally after one space) by a scale suffix.
fn digit_then_scale(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], ',' | '.')) {
            i += 1;
        }
        let mut j = i;
        while j < chars.len() && j < i + 2 && chars[j] == ' ' {
            j += 1;
        }
        let word: String = chars[j..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if SCALE_SUFFIXES.contains(&word.to_lowercase().as_str()) {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// Fraction words: vulgar fractions, a/b, half, quarter, plural or
/// article-led denominators, "over", "out of", "N in M".
fn has_fraction_words(lower: &str) -> bool {
    if lower.contains(VULGAR_FRACTIONS) || digit_slash_digit(lower) {
        return true;
    }
    let words = alpha_words(lower);
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1].as_str() } else { "" };
        let next = words.get(i + 1).map_or("", String::as_str);
        let countish = |p: &str| p == "a" || p == "an" || is_number_word(p);
        match w.as_str() {
            "half" | "halves" | "quarter" | "quarters" => return true,
            "over" | "in" if countish(prev) && countish(next) => return true,
            "out" if next == "of" => return true,
            _ => {}
        }
        if let Some(singular) = w.strip_suffix('s') {
            if is_ordinal_word(singular) && singular != "second" {
                return true;
            }
        }
        if is_ordinal_word(w) && w != "first" && w != "second" && countish(prev) {
            return true;
        }
    }
    // "1 over 3", "2 in 5", "1 in twenty-one".
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    tokens.windows(3).any(|t| {
        let numberish = |s: &str| {
            s.bytes().any(|b| b.is_ascii_digit())
                || alpha_words(s).iter().any(|w| is_number_word(w))
        };
        matches!(t[1], "over" | "in") && numberish(t[0]) && numberish(t[2])
    })
}

fn digit_slash_digit(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'/'
            && i > 0
            && b[..i]
                .iter()
                .rev()
                .find(|c| **c != b' ')
                .is_some_and(u8::is_ascii_digit)
            && b[i + 1..]
                .iter()
                .find(|c| **c != b' ')
                .is_some_and(u8::is_ascii_digit)
    })
}

/// "between the tenth and the fifteenth": an ordinal word after "the".
fn ordinal_after_the(lower: &str) -> bool {
    alpha_words(lower)
        .windows(2)
        .any(|w| w[0] == "the" && is_ordinal_word(&w[1]))
}

/// The whole input is an ordinal: "twenty-first", "21st", "third".
fn is_ordinal_phrase(input: &str) -> bool {
    let lower = input.trim().to_lowercase();
    if lower.is_empty() {
        return false;
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&lower[digits.len()..], "st" | "nd" | "rd" | "th")
    {
        return true;
    }
    if !lower
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
    {
        return false;
    }
    let words = alpha_words(&lower);
    match words.split_last() {
        Some((last, rest)) => {
            (is_ordinal_word(last) || last.ends_with("ieth"))
                && rest.iter().all(|w| is_number_word(w) || w == "and")
        }
        None => false,
    }
}

/// "N-M", "N – M", "N to M" between numbers.
fn has_range_pattern(input: &str) -> bool {
    let chars: Vec<char> = input.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !c.is_ascii_digit() {
            continue;
        }
        let rest: String = chars[i + 1..].iter().collect();
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let rest = rest.trim_start();
        let after = if let Some(r) = rest.strip_prefix(['-', '–', '—']) {
            r
        } else if let Some(r) = rest.strip_prefix("to ") {
            r
        } else {
            continue;
        };
        let after = after.trim_start().trim_start_matches(['-', '−', '$', '€']);
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

fn indian_numbering(case: &Case, lower: &str) -> bool {
    let words = alpha_words(lower);
    let mut indian = vec![
        "lakh", "lakhs", "lac", "lacs", "lkh", "lkhs", "crore", "crores", "krore", "krores", "koti",
    ];
    if case.suite == Suite::Duckling {
        // Abbreviations that are only Indian numbering in Duckling's numeral corpus.
        let numeral = case
            .expected
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .any(|i| i.dimension.as_deref() == Some("Numeral"));
        if numeral {
            indian.extend(["cr", "kr", "l"]);
        }
    }
    if words.iter().any(|w| indian.contains(&w.as_str())) {
        return true;
    }
    // 12,34,567: two-digit groups before the last three digits.
    let b = lower.as_bytes();
    (0..b.len().saturating_sub(7)).any(|i| {
        b[i].is_ascii_digit()
            && b[i + 1] == b','
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && b[i + 4] == b','
            && b[i + 5..i + 8].iter().all(u8::is_ascii_digit)
    })
}

fn chatbot_phrasing(lower: &str) -> bool {
    const MARKERS: &[&str] = &[
        "equal",
        "equals",
        "equaling",
        "larger than",
        "bigger than",
        "smaller than",
        "higher than",
        "lower than",
        "or greater than",
        "higher or",
        "lower or",
        "bigger or",
        "smaller or",
    ];
    const OPENERS: &[&str] = &[
        "find ",
        "can you ",
        "show me ",
        "how about ",
        "is it still ",
        "x is ",
        "y is ",
    ];
    lower.contains(['<', '>', '='])
        || MARKERS.iter().any(|m| contains_word(lower, m))
        || OPENERS.iter().any(|o| lower.trim_start().starts_with(o))
}

fn non_figure_digits(input: &str) -> bool {
    let b = input.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        // Dotted quad (IP address) and slashed date.
        for sep in [b'.', b'/'] {
            let mut j = i;
            let mut groups = 0;
            loop {
                let n = digits_at(j);
                if n == 0 {
                    break;
                }
                groups += 1;
                j += n;
                if j < b.len() && b[j] == sep {
                    j += 1;
                } else {
                    break;
                }
            }
            if (sep == b'.' && groups >= 4) || (sep == b'/' && groups >= 3) {
                return true;
            }
        }
        // Phone numbers: "+1-222-…".
        if i > 0 && b[i - 1] == b'+' && b.get(i + digits_at(i)) == Some(&b'-') {
            return true;
        }
        // Codes: "SCP-173".
        if i >= 3 && b[i - 1] == b'-' && b[i - 3..i - 1].iter().all(u8::is_ascii_uppercase) {
            return true;
        }
    }
    false
}

/// "1e10", "-12e-1", "1.1^23", "1.3x10^6".
fn is_scientific(text: &str) -> bool {
    let t = text.to_lowercase();
    if t.contains('^') || t.contains("x10") || t.contains("×10") {
        return true;
    }
    let b = t.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'e'
            && b[i - 1].is_ascii_digit()
            && (b[i + 1].is_ascii_digit()
                || (matches!(b[i + 1], b'+' | b'-')
                    && b.get(i + 2).is_some_and(u8::is_ascii_digit)))
    })
}

/// `text` reads as `value` only with a decimal comma ("5,00" = 5, "1,3" = 1.3).
fn decimal_comma(text: &str, value: f64) -> bool {
    let t = text.trim();
    if !t.contains(',')
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | ' '))
    {
        return false;
    }
    let english: Option<f64> = t.replace([',', ' '], "").parse().ok();
    let comma: Option<f64> = t.replace(['.', ' '], "").replace(',', ".").parse().ok();
    let close =
        |x: Option<f64>| x.is_some_and(|x| (x - value).abs() <= 1e-9 * value.abs().max(1.0));
    close(comma) && !close(english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert!(digit_then_scale("10k"));
        assert!(digit_then_scale("2.5 million"));
        assert!(!digit_then_scale("2,500"));
        assert!(has_fraction_words("two thirds"));
        assert!(has_fraction_words("1 over 3"));
        assert!(!has_fraction_words("twenty-one"));
        assert!(is_ordinal_phrase("twenty-first"));
        assert!(is_ordinal_phrase("21st"));
        assert!(!is_ordinal_phrase("twenty-one"));
        assert!(non_figure_digits("192.168.1.2"));
        assert!(non_figure_digits("on 5/17/2018?"));
        assert!(!non_figure_digits("1,234.5"));
        assert!(decimal_comma("5,00", 5.0));
        assert!(!decimal_comma("1,234", 1234.0));
        assert!(is_scientific("1e10"));
        assert!(!is_scientific("one"));
    }
}
