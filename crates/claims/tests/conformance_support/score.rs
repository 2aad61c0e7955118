//! Matching what `find` returned against one case's expectation.
//!
//! Values are compared first and alone (relative tolerance [`TOLERANCE`]):
//! a single expected value matches an item's `value`, or `low == high ==
//! value`; an expected range or one-sided interval matches `low`/`high`
//! (open and closed ends are not distinguished; `None` must match `None`).
//! How the rest is checked depends on the suite — see [`check`].

use crosscheck_claims::quantity::{Kind, Quantity, Unit};

use super::classify::ordinal_output;
use super::data::{Case, Item, Suite};

/// Relative tolerance for comparing numbers.
pub const TOLERANCE: f64 = 1e-9;

/// `a` and `b` are equal within [`TOLERANCE`].
pub fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// True when the item is a percentage (by kind or unit).
fn is_percent(q: &Quantity) -> bool {
    q.kind == Kind::Percent || matches!(q.unit, Some(Unit::Percent | Unit::PercentagePoints))
}

/// `q` states the number `v`: as its value, or as a point interval.
fn has_value(q: &Quantity, v: f64) -> bool {
    q.value.is_some_and(|x| close(x, v))
        || (q.low.is_some_and(|l| close(l, v)) && q.high.is_some_and(|h| close(h, v)))
}

/// `q` matches the expected item by value alone.
fn value_match(q: &Quantity, e: &Item) -> bool {
    if e.lo.is_some() || e.hi.is_some() {
        return close_opt(q.low, e.lo) && close_opt(q.high, e.hi);
    }
    e.value.is_some_and(|v| has_value(q, v))
}

/// The expected item is a percentage, so only a percent item may match it.
fn expects_percent(case: &Case, e: &Item) -> bool {
    match case.suite {
        Suite::RecognizersPercent => true,
        Suite::Quantulum => e.unit.as_deref() == Some("percentage"),
        _ => false,
    }
}

/// A percent expectation matches `value` or `low` of a percent item.
fn percent_match(q: &Quantity, e: &Item) -> bool {
    is_percent(q)
        && match e.value {
            Some(v) => q.value.is_some_and(|x| close(x, v)) || q.low.is_some_and(|x| close(x, v)),
            None => value_match(q, e),
        }
}

fn item_match(case: &Case, q: &Quantity, e: &Item) -> bool {
    if expects_percent(case, e) {
        percent_match(q, e)
    } else {
        value_match(q, e)
    }
}

/// Checks `found` against `case`; `Err` says why the case fails.
///
/// * Whole-input sources (Duckling, number-parser `parse_*`, text2num
///   `assert_*`): exactly one figure item (an ordinal where an ordinal is
///   expected) whose span is the trimmed input and whose value matches. For
///   Duckling units and money, the unit word may lie outside our span: the
///   item need only cover the input's first number.
///   `expected: []` means the input must not be read as one figure spanning
///   all of it.
/// * Recognizers-Text: every expected entity is matched, one to one, by an
///   item whose span overlaps it and whose value matches; and no item of the
///   model's own kind is left over (figure kinds for numbers; interval-shaped
///   figures for ranges; percents; ordinals; money for currency).
/// * quantulum3: every expected value (or derived range) is among our items;
///   spell-out cases compare the ordered list of figure values.
/// * quinex: every stated value is among our items (a range's bounds count,
///   since quinex splits intervals); `expected_count` equals our figure count,
///   a two-sided range counting as two.
pub fn check(case: &Case, found: &[Quantity]) -> Result<(), String> {
    let Some(items) = case.expected.as_deref() else {
        return Ok(());
    };
    if case.full_input {
        return check_full_input(case, items, found);
    }
    match case.suite {
        s if s.is_recognizers() => check_entities(case, items, found),
        Suite::Quantulum if case.order_matters => check_ordered(items, found),
        Suite::Quantulum => check_values(case, items, found),
        Suite::Quinex => check_spans(case, items, found),
        _ => Ok(()),
    }
}

fn check_full_input(case: &Case, items: &[Item], found: &[Quantity]) -> Result<(), String> {
    let input = case.input.as_str();
    let start = input.len() - input.trim_start().len();
    let end = input.trim_end().len();
    let ordinal = case.function.as_deref() == Some("parse_ordinal")
        || items.iter().any(|i| i.kind.as_deref() == Some("ordinal"))
        || ordinal_output(case).is_some();
    let relevant: Vec<&Quantity> = found
        .iter()
        .filter(|q| {
            if ordinal {
                q.kind == Kind::Ordinal
            } else {
                q.kind.is_figure()
            }
        })
        .collect();
    let what = if ordinal { "ordinal" } else { "figure" };
    if items.is_empty() {
        return match relevant.iter().find(|q| q.start <= start && q.end >= end) {
            Some(_) => Err(format!(
                "the whole input was read as one {what}; upstream rejects it"
            )),
            None => Ok(()),
        };
    }
    let [q] = relevant.as_slice() else {
        return Err(format!(
            "expected one {what} spanning the input, found {}",
            relevant.len()
        ));
    };
    let unit_outside = case.suite == Suite::Duckling
        && items.iter().any(|i| {
            i.dimension.as_deref() != Some("Numeral")
                && i.unit.as_deref().is_some_and(|u| u != "Unnamed")
        });
    let span_ok = if unit_outside {
        let first = first_number(input).unwrap_or(start);
        q.start >= start && q.start <= first && q.end > first
    } else {
        q.start <= start && q.end >= end
    };
    if !span_ok {
        return Err(format!(
            "span {}..{} is not the whole input {start}..{end}",
            q.start, q.end
        ));
    }
    let expected = match ordinal_output(case) {
        Some(n) => Item {
            value: Some(n),
            ..Item::default()
        },
        None => items[0].clone(),
    };
    if value_match(q, &expected) {
        Ok(())
    } else {
        Err("value differs".to_owned())
    }
}

/// Byte offset of the first digit, or of the first number word.
fn first_number(input: &str) -> Option<usize> {
    if let Some(i) = input.find(|c: char| c.is_ascii_digit()) {
        return Some(i);
    }
    const WORDS: &[&str] = &[
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "half", "quarter", "fourth", "tenth",
    ];
    let lower = input.to_lowercase();
    let mut offset = 0;
    for word in lower.split(|c: char| !c.is_ascii_alphabetic()) {
        if WORDS.contains(&word) {
            return Some(offset);
        }
        offset += word.len() + 1;
    }
    None
}

/// Which of our items may match, and which must not be left over, per model.
fn entity_roles(case: &Case, q: &Quantity) -> (bool, bool) {
    match case.suite {
        Suite::RecognizersOrdinal => (q.kind == Kind::Ordinal, q.kind == Kind::Ordinal),
        Suite::RecognizersPercent => (is_percent(q), is_percent(q)),
        Suite::RecognizersUnit if case.source.contains("Currency") => {
            (q.kind == Kind::Money, q.kind == Kind::Money)
        }
        Suite::RecognizersUnit => (q.kind != Kind::Ordinal, false),
        Suite::RecognizersRange => {
            let interval = q.kind == Kind::Range || q.qualifier.is_some() || q.low != q.high;
            (q.kind != Kind::Ordinal, q.kind.is_figure() && interval)
        }
        _ => (q.kind != Kind::Ordinal, q.kind.is_figure()),
    }
}

fn check_entities(case: &Case, items: &[Item], found: &[Quantity]) -> Result<(), String> {
    let mut used = vec![false; found.len()];
    let mut missing = Vec::new();
    for e in items {
        let hit = found.iter().enumerate().position(|(n, q)| {
            !used[n]
                && entity_roles(case, q).0
                && e.span.is_none_or(|(s, t)| q.start < t && s < q.end)
                && item_match(case, q, e)
        });
        match hit {
            Some(n) => used[n] = true,
            None => missing.push(describe_item(e)),
        }
    }
    let extra: Vec<String> = found
        .iter()
        .zip(&used)
        .filter(|(q, used)| !**used && entity_roles(case, q).1)
        .map(|(q, _)| describe_found(&case.input, q))
        .collect();
    problems(&missing, &extra)
}

fn check_values(case: &Case, items: &[Item], found: &[Quantity]) -> Result<(), String> {
    if items.is_empty() {
        let figures: Vec<String> = found
            .iter()
            .filter(|q| q.kind.is_figure())
            .map(|q| describe_found(&case.input, q))
            .collect();
        return problems(&[], &figures);
    }
    let mut used = vec![false; found.len()];
    let mut missing = Vec::new();
    for e in items {
        let hit = found
            .iter()
            .enumerate()
            .position(|(n, q)| !used[n] && q.kind != Kind::Ordinal && item_match(case, q, e));
        match hit {
            Some(n) => used[n] = true,
            None => missing.push(describe_item(e)),
        }
    }
    problems(&missing, &[])
}

fn check_ordered(items: &[Item], found: &[Quantity]) -> Result<(), String> {
    let ours: Vec<Option<f64>> = found
        .iter()
        .filter(|q| q.kind.is_figure())
        .map(|q| q.value.or(if q.low == q.high { q.low } else { None }))
        .collect();
    let want: Vec<Option<f64>> = items.iter().map(|i| i.value).collect();
    let same = ours.len() == want.len() && ours.iter().zip(&want).all(|(a, b)| close_opt(*a, *b));
    if same {
        Ok(())
    } else {
        Err(format!(
            "values in order: expected {}, found {}",
            list(&want),
            list(&ours)
        ))
    }
}

fn check_spans(case: &Case, items: &[Item], found: &[Quantity]) -> Result<(), String> {
    let mut missing = Vec::new();
    for e in items {
        let Some(mut v) = e.value else { continue };
        if e.modifier.as_deref() == Some("-") && v > 0.0 {
            v = -v;
        }
        let hit = found.iter().any(|q| {
            q.kind != Kind::Ordinal
                && (has_value(q, v)
                    || (q.value.is_none()
                        && (q.low.is_some_and(|l| close(l, v))
                            || q.high.is_some_and(|h| close(h, v)))))
        });
        if !hit {
            missing.push(fmt_num(v));
        }
    }
    let mut count_problem = Vec::new();
    if let Some(want) = case.expected_count {
        let got: usize = found
            .iter()
            .filter(|q| q.kind.is_figure())
            .map(|q| {
                let two_sided = q.kind != Kind::Vague
                    && q.value.is_none()
                    && q.low.is_some()
                    && q.high.is_some()
                    && q.low != q.high;
                if two_sided { 2 } else { 1 }
            })
            .sum();
        if got != want {
            count_problem.push(format!("{got} quantities, expected {want}"));
        }
    }
    problems(&missing, &count_problem)
}

fn problems(missing: &[String], extra: &[String]) -> Result<(), String> {
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        parts.push(format!("extra {}", extra.join(", ")));
    }
    if parts.is_empty() {
        Ok(())
    } else {
        Err(parts.join("; "))
    }
}

/// A number as printed: integers without a fraction, others in shortest form.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), fmt_num)
}

fn list(values: &[Option<f64>]) -> String {
    let parts: Vec<String> = values.iter().map(|v| fmt_opt(*v)).collect();
    format!("[{}]", parts.join(", "))
}

/// An expected item: its number or interval, and its text.
pub fn describe_item(e: &Item) -> String {
    let number = match (e.value, e.lo, e.hi) {
        (_, Some(lo), Some(hi)) => format!("[{}, {}]", fmt_num(lo), fmt_num(hi)),
        (_, Some(lo), None) => format!(">={}", fmt_num(lo)),
        (_, None, Some(hi)) => format!("<={}", fmt_num(hi)),
        (Some(v), None, None) => fmt_num(v),
        (None, None, None) => "(no number)".to_owned(),
    };
    match &e.text {
        Some(t) => format!("{number} {t:?}"),
        None => number,
    }
}

/// One of our items: kind, value or interval, qualifier and text.
pub fn describe_found(input: &str, q: &Quantity) -> String {
    let kind = serde_json::to_value(q.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let number = match (q.value, q.low, q.high) {
        (Some(v), l, h) if l == h || (l.is_none() && h.is_none()) => fmt_num(v),
        (v, l, h) => {
            let interval = format!("[{}, {}]", fmt_opt(l), fmt_opt(h));
            match v {
                Some(v) => format!("{} {interval}", fmt_num(v)),
                None => interval,
            }
        }
    };
    let qualifier = q
        .qualifier
        .and_then(|x| serde_json::to_value(x).ok())
        .and_then(|v| v.as_str().map(|s| format!(" ({s})")))
        .unwrap_or_default();
    let text = input.get(q.start..q.end).unwrap_or("<invalid span>");
    format!("{kind} {number}{qualifier} {text:?}")
}
