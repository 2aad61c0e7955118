//! The interval a figure commits to once its qualifier's tolerance is applied.

use crosscheck_claims::claim::Claim;
use crosscheck_claims::quantity::{Kind, Qualifier};
use serde::{Deserialize, Serialize};

/// How far a figure may stretch before it disagrees with another.
///
/// | key | default | applies to | interval for N |
/// |---|---|---|---|
/// | `about` | 0.10 | about, around, roughly, approximately | [0.9·N, 1.1·N] (ranges: both ends) |
/// | `estimated` | 0.10 | "an estimated N" | [0.9·N, 1.1·N] |
/// | `nearly` | 0.10 | nearly, almost, close to | [0.9·N, N] |
/// | `just-over` | 0.10 | just over, slightly more than | [N, 1.1·N] |
/// | `round` | 0.05 | a bare number: rounding of round numbers | N ± half a unit of its last non-zero digit, at most 5% of N (15,000 ± 500; 6,000 ± 300; 11,432 ± 0.5) |
/// | `vague` | 0.25 | vague magnitudes ("thousands" = 2,000–10,000) | [0.75·low, 1.25·high]: "thousands" fits 5,000, not 50,000 |
/// | `revision-days` | 7 | dated documents | running totals in documents published at least this many days apart are ordered in time (revision), not compared as rivals |
///
/// "more than N", "over N", "at least N" are [N, ∞); "up to N", "fewer than
/// N" are [0, N]. Shares ("half of") are compared as percentages.
///
/// Users override any key in `crosscheck.toml` (`[tolerances]`); the
/// others keep their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Tolerances {
    /// Relative tolerance of "about", "around", "roughly", "approximately".
    pub about: f64,
    /// Relative tolerance of "an estimated".
    pub estimated: f64,
    /// How far below N "nearly N" reaches.
    pub nearly: f64,
    /// How far above N "just over N" reaches.
    pub just_over: f64,
    /// Cap on the rounding tolerance of a bare number, relative to it.
    pub round: f64,
    /// Slack on both bounds of a vague magnitude.
    pub vague: f64,
    /// Days between publication dates from which running totals are ordered in time.
    pub revision_days: i64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            about: 0.10,
            estimated: 0.10,
            nearly: 0.10,
            just_over: 0.10,
            round: 0.05,
            vague: 0.25,
            revision_days: 7,
        }
    }
}

/// A closed interval; `hi` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound, `f64::INFINITY` when unbounded.
    pub hi: f64,
}

impl Interval {
    /// True when the two intervals share a point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// The interval of a sum.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }

    /// "13,500–16,500", "11,000–∞".
    pub fn display(&self) -> String {
        if self.hi.is_infinite() {
            format!("at least {}", fmt_num(self.lo))
        } else if (self.hi - self.lo).abs() < f64::EPSILON {
            fmt_num(self.lo)
        } else {
            format!("{}–{}", fmt_num(self.lo), fmt_num(self.hi))
        }
    }
}

/// Half a unit of the last non-zero digit: 15,000 → 500, 11,432 → 0.5, 2.5 → 0.05.
pub fn half_unit(v: f64) -> f64 {
    let a = v.abs();
    if a.fract() == 0.0 && a < 1e15 {
        // Exact for integers below 2^53; the bound keeps the cast in range.
        let mut n = a as u64;
        let mut unit = 1.0;
        while n > 0 && n % 10 == 0 {
            n /= 10;
            unit *= 10.0;
        }
        return 0.5 * unit;
    }
    let mut scale = 1.0;
    for _ in 0..6 {
        scale *= 10.0;
        if ((a * scale).round() - a * scale).abs() < 1e-6 {
            return 0.5 / scale;
        }
    }
    0.5 / scale
}

fn rounding(v: f64, tol: &Tolerances) -> f64 {
    half_unit(v).min(tol.round * v.abs())
}

/// The factor that puts a figure on its category's scale: shares ("half of",
/// a ratio 0.5) become percentages (50).
pub fn scale(claim: &Claim) -> f64 {
    if claim.kind == Kind::Fraction {
        100.0
    } else {
        1.0
    }
}

/// The figure as written: (low, high), unbounded sides as `None`.
pub fn nominal(claim: &Claim) -> Option<(f64, Option<f64>)> {
    let s = scale(claim);
    let v = claim.value.map(|v| v * s);
    let low = claim.low.map(|v| v * s);
    let high = claim.high.map(|v| v * s);
    match claim.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => Some((low.or(v)?, None)),
        Some(Qualifier::LessThan | Qualifier::UpTo) => Some((0.0, Some(high.or(v)?))),
        Some(Qualifier::Nearly | Qualifier::JustOver) => {
            let v = v.or(high).or(low)?;
            Some((v, Some(v)))
        }
        _ => match (low, high, v) {
            (Some(l), Some(h), _) => Some((l, Some(h))),
            (Some(l), None, _) => Some((l, None)),
            (None, Some(h), _) => Some((0.0, Some(h))),
            (None, None, Some(v)) => Some((v, Some(v))),
            (None, None, None) => None,
        },
    }
}

/// The interval a figure commits to, tolerance included (see [`Tolerances`]).
pub fn interval(claim: &Claim, tol: &Tolerances) -> Option<Interval> {
    let s = scale(claim);
    let low = claim.low.map(|v| v * s);
    let high = claim.high.map(|v| v * s);
    let value = claim.value.map(|v| v * s);
    let inf = f64::INFINITY;
    let iv = |lo: f64, hi: f64| {
        Some(Interval {
            lo: lo.max(0.0),
            hi,
        })
    };
    if claim.kind == Kind::Vague {
        let lo = low.unwrap_or(0.0) * (1.0 - tol.vague);
        let hi = high.map_or(inf, |h| h * (1.0 + tol.vague));
        return iv(lo, hi);
    }
    let approx = match claim.qualifier {
        Some(Qualifier::About) => Some(tol.about),
        Some(Qualifier::Estimated) => Some(tol.estimated),
        _ => None,
    };
    if claim.kind == Kind::Range || value.is_none() {
        let (l, h) = (low, high);
        return match (l, h, approx) {
            (Some(l), Some(h), Some(a)) => iv(l * (1.0 - a), h * (1.0 + a)),
            (Some(l), Some(h), None) => iv(l - rounding(l, tol), h + rounding(h, tol)),
            (Some(l), None, _) => iv(l, inf),
            (None, Some(h), _) => iv(0.0, h),
            (None, None, _) => None,
        };
    }
    let v = value?;
    match claim.qualifier {
        Some(Qualifier::About) => iv(v * (1.0 - tol.about), v * (1.0 + tol.about)),
        Some(Qualifier::Estimated) => iv(v * (1.0 - tol.estimated), v * (1.0 + tol.estimated)),
        Some(Qualifier::Nearly) => iv(v * (1.0 - tol.nearly), v),
        Some(Qualifier::JustOver) => iv(v, v * (1.0 + tol.just_over)),
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => iv(low.unwrap_or(v), inf),
        Some(Qualifier::LessThan | Qualifier::UpTo) => iv(0.0, high.unwrap_or(v)),
        None => {
            let r = rounding(v, tol);
            iv(v - r, v + r)
        }
    }
}

/// A number as an editor writes it: "15,000", "10 million", "2.5".
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "∞".to_string();
    }
    let a = v.abs();
    if a >= 1e6 && ((a / 1e6) * 100.0).fract().abs() < 1e-9 {
        let m = a / 1e6;
        let s = format!("{m:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return format!("{}{s} million", if v < 0.0 { "-" } else { "" });
    }
    if v.fract().abs() < 1e-9 && a < 1e15 {
        // In range and integral: the cast is exact.
        let n = a.round() as u64;
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return format!("{}{out}", if v < 0.0 { "-" } else { "" });
    }
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "13,000-16,000" or "6,000" for a nominal (low, high).
pub fn fmt_nominal(low: f64, high: Option<f64>) -> String {
    match high {
        None => format!("more than {}", fmt_num(low)),
        Some(h) if (h - low).abs() < 1e-9 => fmt_num(low),
        Some(h) => format!("{}-{}", fmt_num(low), fmt_num(h)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_claims::claim::{Source, extract};
    use crosscheck_claims::registry::SourceRegistry;

    fn iv(s: &str) -> Interval {
        let text = format!("Officials said {s} troops were sent.");
        let block = 0..text.len();
        let blocks = std::slice::from_ref(&block);
        let c = extract(
            Source {
                text: &text,
                blocks,
                published: None,
            },
            &SourceRegistry::with_defaults(),
        );
        interval(&c[0], &Tolerances::default()).expect("an interval")
    }

    #[test]
    fn about_is_ten_percent_either_side() {
        let i = iv("about 15,000");
        assert_eq!((i.lo.round(), i.hi.round()), (13_500.0, 16_500.0));
    }

    #[test]
    fn nearly_is_just_under() {
        let i = iv("nearly 10,000");
        assert_eq!((i.lo, i.hi), (9_000.0, 10_000.0));
    }

    #[test]
    fn more_than_is_unbounded_above() {
        let i = iv("more than 11,000");
        assert_eq!((i.lo, i.hi), (11_000.0, f64::INFINITY));
    }

    #[test]
    fn round_numbers_round() {
        assert_eq!(
            iv("15,000"),
            Interval {
                lo: 14_500.0,
                hi: 15_500.0
            }
        );
        assert_eq!(
            iv("6,000"),
            Interval {
                lo: 5_700.0,
                hi: 6_300.0
            }
        );
        assert_eq!(
            iv("11,432"),
            Interval {
                lo: 11_431.5,
                hi: 11_432.5
            }
        );
    }

    #[test]
    fn approximate_ranges_stretch_both_ends() {
        let i = iv("approximately 10,000-12,000");
        assert_eq!((i.lo.round(), i.hi.round()), (9_000.0, 13_200.0));
    }

    #[test]
    fn vague_thousands_fit_five_thousand_not_fifty() {
        let i = iv("thousands of");
        assert!(i.overlaps(&iv("5,000")));
        assert!(!i.overlaps(&iv("50,000")));
    }

    #[test]
    fn tolerances_deserialize_with_defaults() {
        let t: Tolerances = serde_json::from_str(r#"{"about": 0.2}"#).unwrap();
        assert_eq!(t.about, 0.2);
        assert_eq!(t.nearly, 0.10);
        assert!(serde_json::from_str::<Tolerances>(r#"{"abuot": 0.2}"#).is_err());
    }

    #[test]
    fn numbers_format_for_editors() {
        assert_eq!(fmt_num(13_000.0), "13,000");
        assert_eq!(fmt_num(10_000_000.0), "10 million");
        assert_eq!(fmt_num(1_030_000.0), "1.03 million");
        assert_eq!(fmt_num(81.5), "81.5");
        assert_eq!(fmt_nominal(13_000.0, Some(16_000.0)), "13,000-16,000");
    }
}
