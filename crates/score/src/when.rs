//! When a figure holds, and how two figures' times relate.

use crosscheck_claims::claim::Claim;
use crosscheck_claims::time::{
    Date, DateInterval, Direction, Period, Rel, Season, TimeExpr, Unit, resolve,
};

/// The time class of a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    /// As of publication: a running total ("in total", "since last fall",
    /// `running = Some(true)`), a state ("currently", `Some(false)`), or a
    /// figure with no time scope (`None`: news figures mostly are totals so far).
    Current {
        /// Whether the figure is a running total, when known.
        running: Option<bool>,
    },
    /// Within a past period: "last fall", "in November 2024", "earlier this year".
    Window {
        /// The expression.
        expr: TimeExpr,
        /// Its dates, when they can be worked out.
        resolved: Option<DateInterval>,
    },
    /// Ahead: "by August", "as early as July".
    Future,
}

/// The time class of a claim; `published` resolves relative scopes when the
/// claim was extracted without a date.
pub fn when(claim: &Claim, published: Option<Date>) -> When {
    let Some(t) = &claim.time else {
        return When::Current { running: None };
    };
    if t.direction == Direction::Future {
        return When::Future;
    }
    match &t.expr {
        TimeExpr::ToDate | TimeExpr::Since(_) | TimeExpr::AsOf(_) | TimeExpr::After(_) => {
            When::Current {
                running: Some(true),
            }
        }
        TimeExpr::Now => When::Current {
            running: Some(false),
        },
        TimeExpr::By(_)
        | TimeExpr::Until(_)
        | TimeExpr::AsEarlyAs(_)
        | TimeExpr::LaterThis(_)
        | TimeExpr::Coming { .. } => When::Future,
        expr => When::Window {
            expr: expr.clone(),
            resolved: t.resolved.or_else(|| resolve(expr, published)),
        },
    }
}

/// Which of two figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first.
    A,
    /// The second.
    B,
}

/// How two figures' times relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeRel {
    /// Compare them directly; `certain` is false when the periods only
    /// overlap or nest, or a state meets a running total.
    Same {
        /// False when the periods only overlap or nest.
        certain: bool,
    },
    /// One counts an earlier period than the other, which is as of
    /// publication: the earlier count should not exceed it when it is a
    /// running total.
    EarlierLater {
        /// The figure for the earlier period.
        earlier: Side,
        /// Whether the later figure is a running total, when known.
        running: Option<bool>,
    },
    /// Both as of publication, in documents published far apart.
    Dated {
        /// The figure from the earlier document.
        earlier: Side,
    },
    /// Different periods: not comparable.
    Apart,
}

/// Year relation of a symbolic period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    Abs(i32),
    Rel(i32),
    Unknown,
}

const ALL_MONTHS: u16 = 0x0fff;

fn month_bit(m: u8) -> u16 {
    if (1..=12).contains(&m) {
        1 << (m - 1)
    } else {
        ALL_MONTHS
    }
}

fn season_months(s: Season) -> u16 {
    match s {
        Season::Spring => month_bit(3) | month_bit(4) | month_bit(5),
        Season::Summer => month_bit(6) | month_bit(7) | month_bit(8),
        Season::Fall => month_bit(9) | month_bit(10) | month_bit(11),
        Season::Winter => month_bit(12) | month_bit(1) | month_bit(2),
    }
}

fn period_anchor(p: &Period) -> (Year, u16) {
    match p {
        Period::Year(y) => (Year::Abs(*y), ALL_MONTHS),
        Period::Month { month, year } | Period::Day { month, year, .. } => {
            (year.map_or(Year::Unknown, Year::Abs), month_bit(*month))
        }
        Period::Season { season, year, rel } => {
            let y = match (year, rel) {
                (Some(y), _) => Year::Abs(*y),
                (None, Some(Rel::This)) => Year::Rel(0),
                _ => Year::Unknown,
            };
            (y, season_months(*season))
        }
        Period::Relative { unit, offset } => match unit {
            Unit::Year => (Year::Rel(*offset), ALL_MONTHS),
            _ => (Year::Unknown, ALL_MONTHS),
        },
        Period::Part { of, .. } => period_anchor(of),
        Period::Span { from, to } => {
            let (ya, ma) = period_anchor(from);
            let (yb, mb) = period_anchor(to);
            (if ya == yb { ya } else { Year::Unknown }, ma | mb)
        }
        Period::Weekday { .. } => (Year::Unknown, ALL_MONTHS),
    }
}

fn anchor(expr: &TimeExpr) -> (Year, u16) {
    match expr {
        TimeExpr::During(p) | TimeExpr::AsOf(p) | TimeExpr::Before(p) => period_anchor(p),
        TimeExpr::EarlierThis(Unit::Year) => (Year::Rel(0), ALL_MONTHS),
        _ => (Year::Unknown, ALL_MONTHS),
    }
}

/// Whether two symbolic periods can overlap.
fn may_overlap(a: &TimeExpr, b: &TimeExpr) -> bool {
    let (ya, ma) = anchor(a);
    let (yb, mb) = anchor(b);
    let years = match (ya, yb) {
        (Year::Abs(x), Year::Abs(y)) | (Year::Rel(x), Year::Rel(y)) => x == y,
        _ => true,
    };
    years && ma & mb != 0
}

fn days_apart(a: Option<Date>, b: Option<Date>) -> Option<i64> {
    Some(b?.to_days() - a?.to_days())
}

/// How the times of two figures relate (see [`TimeRel`]); `pa` and `pb` are
/// their documents' publication dates.
pub fn relate(
    a: &When,
    pa: Option<Date>,
    b: &When,
    pb: Option<Date>,
    revision_days: i64,
) -> TimeRel {
    match (a, b) {
        (When::Future, When::Future) => TimeRel::Same { certain: true },
        (When::Future, _) | (_, When::Future) => TimeRel::Apart,
        (When::Current { running: ra }, When::Current { running: rb }) => {
            if let Some(d) = days_apart(pa, pb) {
                if d.abs() >= revision_days.max(1) {
                    return TimeRel::Dated {
                        earlier: if d > 0 { Side::A } else { Side::B },
                    };
                }
            }
            let mixed = matches!(
                (ra, rb),
                (Some(true), Some(false)) | (Some(false), Some(true))
            );
            TimeRel::Same { certain: !mixed }
        }
        (When::Window { resolved, .. }, When::Current { running }) => {
            if *running == Some(false) {
                TimeRel::Apart
            } else if let Some(later) = after_publication(resolved.as_ref(), pb, revision_days) {
                if later {
                    TimeRel::Dated { earlier: Side::B }
                } else {
                    TimeRel::Same { certain: false }
                }
            } else {
                TimeRel::EarlierLater {
                    earlier: Side::A,
                    running: *running,
                }
            }
        }
        (When::Current { running }, When::Window { resolved, .. }) => {
            if *running == Some(false) {
                TimeRel::Apart
            } else if let Some(later) = after_publication(resolved.as_ref(), pa, revision_days) {
                if later {
                    TimeRel::Dated { earlier: Side::A }
                } else {
                    TimeRel::Same { certain: false }
                }
            } else {
                TimeRel::EarlierLater {
                    earlier: Side::B,
                    running: *running,
                }
            }
        }
        (
            When::Window {
                expr: ea,
                resolved: ra,
            },
            When::Window {
                expr: eb,
                resolved: rb,
            },
        ) => match (ra, rb) {
            (Some(x), Some(y)) => {
                if x == y {
                    TimeRel::Same { certain: true }
                } else if x.overlaps(y) {
                    TimeRel::Same { certain: false }
                } else {
                    TimeRel::Apart
                }
            }
            _ if ea == eb && (pa == pb || !is_relative(ea)) => TimeRel::Same { certain: true },
            _ if may_overlap(ea, eb) => TimeRel::Same { certain: false },
            _ => TimeRel::Apart,
        },
    }
}

/// A dated window ("on Sunday", resolved against its own document) that
/// starts after the other figure's document was published is not an earlier
/// period of that total but a later count: `Some(true)` when it starts at
/// least `revision_days` later (a dated revision), `Some(false)` when only
/// just after, `None` when it does not start after it (or dates are unknown).
fn after_publication(
    window: Option<&DateInterval>,
    published: Option<Date>,
    revision_days: i64,
) -> Option<bool> {
    let d = days_apart(published, Some(window?.start))?;
    (d > 0).then_some(d >= revision_days.max(1))
}

fn is_relative(e: &TimeExpr) -> bool {
    !e.is_absolute()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_claims::claim::{Source, extract};
    use crosscheck_claims::registry::SourceRegistry;

    fn w(s: &str) -> When {
        let block = 0..s.len();
        let blocks = std::slice::from_ref(&block);
        let c = extract(
            Source {
                text: s,
                blocks,
                published: None,
            },
            &SourceRegistry::with_defaults(),
        );
        when(&c[0], None)
    }

    #[test]
    fn in_total_and_since_are_running_totals() {
        assert_eq!(
            w("They sent 15,000 troops in total."),
            When::Current {
                running: Some(true)
            }
        );
        assert_eq!(
            w("They sent 15,000 troops since last fall."),
            When::Current {
                running: Some(true)
            }
        );
        assert_eq!(
            w("They sent 15,000 troops."),
            When::Current { running: None }
        );
    }

    #[test]
    fn an_earlier_period_is_earlier_than_a_running_total() {
        let a = w("They sent 11,000 troops in November 2024.");
        let b = w("They have sent 15,000 troops in total.");
        assert_eq!(
            relate(&a, None, &b, None, 7),
            TimeRel::EarlierLater {
                earlier: Side::A,
                running: Some(true)
            }
        );
    }

    #[test]
    fn a_month_inside_a_season_overlaps_it() {
        let a = w("They sent 11,000 troops in October.");
        let b = w("They sent 10,000 troops last fall.");
        assert_eq!(
            relate(&a, None, &b, None, 7),
            TimeRel::Same { certain: false }
        );
        let c = w("They sent 3,000 troops in March.");
        assert_eq!(relate(&a, None, &c, None, 7), TimeRel::Apart);
    }

    #[test]
    fn running_totals_in_documents_months_apart_are_ordered() {
        let a = w("They have sent 11,000 troops.");
        let b = w("They have sent 15,000 troops.");
        let (pa, pb) = (Date::new(2025, 1, 10), Date::new(2025, 6, 26));
        assert_eq!(
            relate(&a, pa, &b, pb, 7),
            TimeRel::Dated { earlier: Side::A }
        );
        assert_eq!(relate(&a, pa, &b, pa, 7), TimeRel::Same { certain: true });
    }

    #[test]
    fn a_plan_for_later_is_apart_from_a_past_count() {
        let a = w("They will send 5,000 troops by August.");
        let b = w("They have sent 15,000 troops.");
        assert_eq!(relate(&a, None, &b, None, 7), TimeRel::Apart);
    }
}
