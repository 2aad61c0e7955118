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
        // "Cumulative cases reached 9,800", "losses since the invasion
        // began to 847,000": a running total.
        return When::Current {
            running: named_running_total(claim).then_some(true),
        };
    };
    // "killed in Saturday's earthquake", "won 182 seats in Sunday's
    // election": the date is the event's, the toll or the result is
    // counted as of the article.
    if dates_the_event(claim, &t.as_written) && (is_toll(claim) || is_result(claim)) {
        return When::Current { running: None };
    }
    // "The death toll rose to 43 on Sunday": a toll is a running count, and
    // the day says when it stood there, not a day's own deaths.
    if claim.counted.as_ref().is_some_and(|c| c.head == "toll")
        && matches!(
            &t.expr,
            TimeExpr::During(Period::Day { .. } | Period::Weekday { .. })
        )
    {
        return When::Current {
            running: Some(true),
        };
    }
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
        expr => {
            let resolved = t.resolved.or_else(|| resolve(expr, published));
            // "300 people protested outside the port on Monday" in Monday's
            // paper: a crowd is counted on its day, so the day of
            // publication is the count as of publication, not an earlier
            // part of a running total.
            let today = resolved.is_some_and(|r| r.start == r.end && Some(r.start) == published);
            if today && counts_a_gathering(claim) {
                return When::Current { running: None };
            }
            When::Window {
                expr: expr.clone(),
                resolved,
            }
        }
    }
}

/// Whether the figure's sentence says before it that it counts a running
/// total: what it counts called cumulative ("Cumulative cases reached
/// 9,800"), or counted since the start of a war or an outbreak ("losses
/// since the full-scale invasion began to about 847,000", "casualties
/// since the invasion have likely exceeded 850,000"), which the time
/// grammar does not date.
fn named_running_total(claim: &Claim) -> bool {
    const SINCE_EVENTS: &[&str] = &[
        "invasion",
        "war",
        "conflict",
        "fighting",
        "outbreak",
        "epidemic",
        "pandemic",
        "offensive",
        "crisis",
    ];
    let at = claim.span.start.saturating_sub(claim.sentence_span.start);
    let Some(before) = claim.sentence.get(..at) else {
        return false;
    };
    // The figure's own clause: after the last comma, semicolon or figure
    // before it ("In the deadliest attack since the war began, 40 people
    // were killed" is no running total).
    let clause = before
        .rfind(|c: char| matches!(c, ',' | ';' | ':') || c.is_ascii_digit())
        .map_or(before, |k| &before[k + 1..]);
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        w.eq_ignore_ascii_case("cumulative")
            || (w.eq_ignore_ascii_case("since")
                && words
                    .get(k + 1)
                    .is_some_and(|t| t.eq_ignore_ascii_case("the"))
                && words[k + 2..words.len().min(k + 7)]
                    .iter()
                    .any(|e| SINCE_EVENTS.iter().any(|s| e.eq_ignore_ascii_case(s))))
    })
}

/// Whether the claim counts people at a one-day event: a crowd, a march, a
/// strike ("protested", "gathered", "turnout", "strikers").
fn counts_a_gathering(claim: &Claim) -> bool {
    let by_action = claim
        .action
        .as_deref()
        .is_some_and(|a| crosscheck_cluster::action_class_of(a) == "gather");
    let by_noun = claim.counted.as_ref().is_some_and(|c| {
        matches!(
            c.head.as_str(),
            "protester"
                | "protestor"
                | "demonstrator"
                | "marcher"
                | "striker"
                | "crowd"
                | "turnout"
                | "attendee"
        )
    });
    // "2,000 dockworkers walked off the job on Monday".
    let by_strike = || {
        let s = claim.sentence.to_ascii_lowercase();
        ["walked off", "walked out", "on strike", "went on strike"]
            .iter()
            .any(|p| s.contains(p))
    };
    by_action || by_noun || by_strike()
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

pub(crate) fn days_apart(a: Option<Date>, b: Option<Date>) -> Option<i64> {
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
            // An earlier value ("up from 24,000") is earlier than any
            // window; two earlier values are not compared.
            _ if *ea == TimeExpr::Earlier && *eb == TimeExpr::Earlier => TimeRel::Apart,
            _ if *ea == TimeExpr::Earlier => TimeRel::EarlierLater {
                earlier: Side::A,
                running: None,
            },
            _ if *eb == TimeExpr::Earlier => TimeRel::EarlierLater {
                earlier: Side::B,
                running: None,
            },
            (Some(x), Some(y)) => {
                let inside =
                    |a: &DateInterval, b: &DateInterval| b.start <= a.start && a.end <= b.end;
                if x == y {
                    TimeRel::Same { certain: true }
                } else if inside(x, y) || inside(y, x) {
                    // "at the weekend" inside "this year": a part of the
                    // longer period's count, as an earlier period is of a
                    // running total.
                    TimeRel::EarlierLater {
                        earlier: if inside(x, y) { Side::A } else { Side::B },
                        running: Some(true),
                    }
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

/// Whether a figure counts an event's toll: people killed, wounded,
/// displaced or detained ("1,200 people were killed in the earthquake on
/// Saturday", "the death toll rose to 1,500"). A toll is counted as of its
/// article and grows as bodies are found and the missing are accounted
/// for, so its time scope is the event's, not the counting's (see
/// [`relate_tolls`]).
pub fn is_toll(claim: &Claim) -> bool {
    use crosscheck_claims::quantity::Kind;
    let head = claim.counted.as_ref().map_or("", |c| c.head.as_str());
    // How much of a fire is contained is counted day by day, as its toll.
    if claim.kind == Kind::Percent && matches!(head, "containment" | "contained") {
        return true;
    }
    // "lost $40 million", "lost 5 percent": not people.
    if matches!(claim.kind, Kind::Money | Kind::Percent) {
        return false;
    }
    // What a disaster has destroyed, damaged or burned so far ("destroyed
    // at least 80 homes", "burned 12,000 acres") is counted as its toll.
    let by_action = claim.action.as_deref().is_some_and(|a| {
        matches!(
            crosscheck_cluster::action_class_of(a),
            "casualty" | "wound" | "displace" | "arrest" | "destroy" | "damage" | "burn"
        )
    });
    let by_noun = matches!(
        head,
        "toll"
            | "case"
            | "infection"
            | "death"
            | "dead"
            | "fatality"
            | "casualty"
            | "injured"
            | "wounded"
            | "injury"
            | "victim"
            | "acre"
            | "hectare"
    );
    by_action || by_noun
}

/// Whether a figure is what was won in a contest ("won 182 seats",
/// "took 94 seats"): an election's result, counted as of its article.
pub fn is_result(claim: &Claim) -> bool {
    claim.action.as_deref() == Some("win")
}

/// Whether a time scope is written as a possessive of the event the figure
/// is about ("in Saturday's earthquake", "last week's floods"): it dates the
/// event, not the count.
fn dates_the_event(claim: &Claim, scope: &str) -> bool {
    possessive_event(claim, scope).is_some()
}

/// The possessive mark and the event after a scope in its sentence
/// ("'s " and "election" after "in Sunday"), if the scope is followed by
/// "'s".
fn possessive_event<'c>(claim: &'c Claim, scope: &str) -> Option<(&'static str, &'c str)> {
    if scope.is_empty() {
        return None;
    }
    claim.sentence.match_indices(scope).find_map(|(at, _)| {
        let rest = &claim.sentence[at + scope.len()..];
        let (mark, event) = ["'s ", "’s "]
            .iter()
            .find_map(|m| rest.strip_prefix(m).map(|e| (*m, e)))?;
        let event = event
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        Some((mark, event))
    })
}

/// A time scope written as a possessive of an event, with the event: "in
/// Sunday's election" for the scope "in Sunday" of "won 182 seats in
/// Sunday's election". `None` when the scope is not followed by "'s".
///
/// ```
/// use crosscheck_claims::claim::{extract, Source};
/// use crosscheck_claims::registry::SourceRegistry;
/// use crosscheck_score::when::event_scope;
///
/// let text = "The ruling party won 182 seats in Sunday's election.";
/// let claims = extract(Source { text, blocks: &[0..text.len()], published: None }, &SourceRegistry::with_defaults());
/// let scope = &claims[0].time.as_ref().unwrap().as_written;
/// assert_eq!(event_scope(&claims[0], scope).as_deref(), Some("in Sunday's election"));
/// ```
pub fn event_scope(claim: &Claim, scope: &str) -> Option<String> {
    let (mark, event) = possessive_event(claim, scope)?;
    // "The death toll from Saturday's earthquake": the scope is "Saturday";
    // after a figure it reads "in Saturday's earthquake".
    let first = scope.split_whitespace().next().unwrap_or("");
    let lead = if [
        "in", "on", "at", "from", "during", "since", "by", "over", "after", "before",
    ]
    .iter()
    .any(|p| first.eq_ignore_ascii_case(p))
    {
        ""
    } else {
        "in "
    };
    Some(if event.is_empty() {
        format!("{lead}{scope}{}", mark.trim_end())
    } else {
        format!("{lead}{scope}{mark}{event}")
    })
}

/// [`relate`] for two tolls ([`is_toll`]) of one source: in articles
/// published on different days, the later article's figure is a revision,
/// the newer count, however few days apart (tolls are revised from one day
/// to the next; other figures only `revision_days` apart). Tolls of
/// different days stay apart; the same day's are compared as [`relate`]
/// compares them. (Another source's toll is a rival count: the judge
/// relates it with [`relate`].)
///
/// ```
/// use crosscheck_claims::time::Date;
/// use crosscheck_score::when::{Side, TimeRel, When, relate, relate_tolls};
///
/// let total = When::Current { running: None };
/// let (monday, tuesday) = (Date::new(2025, 3, 3), Date::new(2025, 3, 4));
/// assert_eq!(relate(&total, monday, &total, tuesday, 7), TimeRel::Same { certain: true });
/// assert_eq!(relate_tolls(&total, monday, &total, tuesday, 7), TimeRel::Dated { earlier: Side::A });
/// ```
pub fn relate_tolls(
    a: &When,
    pa: Option<Date>,
    b: &When,
    pb: Option<Date>,
    revision_days: i64,
) -> TimeRel {
    let t = relate(a, pa, b, pb, revision_days);
    // A window up to its own article's publication ("in the past week") is
    // the latest part of a total, whatever day the total was counted.
    if reaches_publication(a, pa) || reaches_publication(b, pb) {
        return t;
    }
    let past = !matches!(a, When::Future) && !matches!(b, When::Future);
    match (t, days_apart(pa, pb)) {
        // A day's toll against a running total ("in total", "since") is a
        // part of it, not a revision.
        (
            TimeRel::Same { certain: true }
            | TimeRel::EarlierLater {
                running: None | Some(false),
                ..
            },
            Some(d),
        ) if past && d != 0 => TimeRel::Dated {
            earlier: if d > 0 { Side::A } else { Side::B },
        },
        _ => t,
    }
}

/// Whether a figure's period is a window of more than a day that runs up
/// to its article's publication ("in the past week", "this week"): the
/// latest part of a running total.
pub fn reaches_publication(w: &When, published: Option<Date>) -> bool {
    // A single day ("killed on Saturday" in Saturday's paper) is that
    // day's count, not a part of a longer period's.
    matches!(w, When::Window { resolved: Some(r), .. }
        if r.start != r.end && published.is_some_and(|p| r.end.to_days() + 1 >= p.to_days()))
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
    fn losses_since_the_invasion_began_are_a_running_total() {
        assert_eq!(
            w(
                "That brings total Russian losses since the full-scale invasion began to about 847,000, the general staff said."
            ),
            When::Current {
                running: Some(true)
            }
        );
        // Not after the figure, nor another event.
        assert_eq!(
            w("The army lost 300 troops, the most since the invasion."),
            When::Current { running: None }
        );
        assert_eq!(
            w("Since the meeting, 300 troops were sent."),
            When::Current { running: None }
        );
        // The figure's own clause only; "the start of the war" is the war.
        assert_eq!(
            w("In the deadliest attack since the war began, 40 people were killed."),
            When::Current { running: None }
        );
        assert_eq!(
            w("Losses since the start of the war have reached 40,000."),
            When::Current {
                running: Some(true)
            }
        );
    }

    #[test]
    fn cumulative_cases_reached_is_a_running_total() {
        assert_eq!(
            w("Cumulative cases reached 9,800, the ministry said."),
            When::Current {
                running: Some(true)
            }
        );
        // Only before the figure: "9,800 cases, a cumulative rise" is not.
        assert_eq!(
            w("Cases reached 9,800, a cumulative rise of 40 percent."),
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

    /// The first claim of `s`, published on `published`, its time class,
    /// and whether it is a toll.
    fn dated(s: &str, published: Option<Date>) -> (When, bool) {
        let block = 0..s.len();
        let c = extract(
            Source {
                text: s,
                blocks: std::slice::from_ref(&block),
                published,
            },
            &SourceRegistry::with_defaults(),
        );
        (when(&c[0], published), is_toll(&c[0]))
    }

    #[test]
    fn killed_injured_fled_and_the_death_toll_are_tolls() {
        for s in [
            "870 people were killed in the earthquake.",
            "More than 4,000 people were injured.",
            "Some 25,000 people had fled their homes.",
            "The death toll rose to 1,240.",
            "The quake left 2,000 dead.",
            "Police arrested 300 protesters.",
            "The fire destroyed at least 80 homes.",
            "The fire grew to 18,500 acres overnight.",
            "The fire is 40% contained.",
        ] {
            assert!(dated(s, None).1, "{s}");
        }
        assert!(dated("Victims numbered 300.", None).1);
        for s in [
            "Pyongyang sent 11,000 troops.",
            "The agency believes 10 million shells were shipped.",
            "The carrier lost $40 million.",
            "Shares lost 5 percent.",
        ] {
            assert!(!dated(s, None).1, "{s}");
        }
    }

    #[test]
    fn cases_in_the_past_week_are_the_latest_part_of_the_years_total() {
        let (mon, thu) = (Date::new(2025, 3, 3), Date::new(2025, 3, 6));
        let (week, _) = dated("1,240 cases were reported in the past week.", mon);
        let (day, _) = dated("870 people were killed on Monday.", mon);
        assert!(reaches_publication(&week, mon));
        assert!(!reaches_publication(&week, thu));
        // One day is that day's count, not a part of a longer one.
        assert!(!reaches_publication(&day, mon));
    }

    #[test]
    fn a_toll_revised_the_next_day_is_dated() {
        // Saturday 1 March 2025, and the next day.
        let (sat, sun) = (Date::new(2025, 3, 1), Date::new(2025, 3, 2));
        let (a, toll_a) = dated("870 people were killed in the earthquake on Saturday.", sat);
        let (b, toll_b) = dated("The death toll rose to 1,240.", sun);
        assert!(toll_a && toll_b);
        // Other figures a day apart are compared as one count.
        assert!(!matches!(
            relate(&a, sat, &b, sun, 7),
            TimeRel::Dated { .. }
        ));
        assert_eq!(
            relate_tolls(&a, sat, &b, sun, 7),
            TimeRel::Dated { earlier: Side::A }
        );
        assert_eq!(
            relate_tolls(&b, sun, &a, sat, 7),
            TimeRel::Dated { earlier: Side::B }
        );
        // The same day, or undated: as `relate` says. (Another source's
        // toll the next day: `judge`'s tests.)
        for (pa, pb) in [(sat, sat), (None, None)] {
            assert_eq!(
                relate_tolls(&a, pa, &b, pb, 7),
                relate(&a, pa, &b, pb, 7),
                "{pa:?} {pb:?}"
            );
        }
    }

    #[test]
    fn killed_in_saturdays_earthquake_is_a_toll_as_of_the_article() {
        let sat = Date::new(2025, 3, 1);
        let (a, _) = dated("870 people were killed in Saturday's earthquake.", sat);
        assert_eq!(a, When::Current { running: None });
        // Not a toll, or not a possessive: the window stays.
        let (b, _) = dated("870 troops were sent in Saturday's convoy.", sat);
        assert!(matches!(b, When::Window { .. }), "{b:?}");
        let (c, _) = dated("870 people were evacuated on Saturday.", sat);
        assert!(matches!(c, When::Window { .. }), "{c:?}");
    }

    #[test]
    fn protested_on_monday_in_mondays_paper_is_the_count_of_the_day() {
        let (mon, tue) = (Date::new(2025, 6, 2), Date::new(2025, 6, 3));
        let (a, _) = dated("300 people protested outside the port on Monday.", mon);
        assert_eq!(a, When::Current { running: None });
        let (b, _) = dated(
            "The authority put the number of strikers at 1,500 on Monday.",
            mon,
        );
        assert_eq!(b, When::Current { running: None });
        let (b, _) = dated("About 2,000 dockworkers walked off the job on Monday.", mon);
        assert_eq!(b, When::Current { running: None });
        // Another day's paper, troops sent that day, or a toll: a window.
        let (c, _) = dated("300 people protested outside the port on Monday.", tue);
        assert!(matches!(c, When::Window { .. }), "{c:?}");
        let (d, _) = dated("North Korea sent 1,000 troops on Monday.", mon);
        assert!(matches!(d, When::Window { .. }), "{d:?}");
        let (e, _) = dated("12 people were killed in the shelling on Monday.", mon);
        assert!(matches!(e, When::Window { .. }), "{e:?}");
    }

    #[test]
    fn the_death_toll_rose_to_43_on_sunday_is_a_running_count() {
        let mon = Date::new(2025, 9, 15);
        let (a, _) = dated(
            "The death toll rose to 43 on Sunday, the ministry said.",
            mon,
        );
        assert_eq!(
            a,
            When::Current {
                running: Some(true)
            }
        );
        // A day's own deaths keep their day.
        let (b, _) = dated("12 people were killed on Sunday.", mon);
        assert!(matches!(b, When::Window { .. }), "{b:?}");
    }

    #[test]
    fn the_weekend_inside_this_year_is_a_part_of_it() {
        let mon = Date::new(2025, 7, 7);
        let (a, _) = dated("About 1,300 migrants landed at the weekend.", mon);
        let (b, _) = dated("Some 31,000 people have arrived by sea this year.", mon);
        assert_eq!(
            relate(&a, mon, &b, mon, 7),
            TimeRel::EarlierLater {
                earlier: Side::A,
                running: Some(true)
            }
        );
        assert_eq!(
            relate(&b, mon, &a, mon, 7),
            TimeRel::EarlierLater {
                earlier: Side::B,
                running: Some(true)
            }
        );
        // An earlier value is earlier than a window; two are not compared.
        let earlier = When::Window {
            expr: TimeExpr::Earlier,
            resolved: None,
        };
        assert_eq!(
            relate(&earlier, mon, &b, mon, 7),
            TimeRel::EarlierLater {
                earlier: Side::A,
                running: None
            }
        );
        assert_eq!(relate(&earlier, mon, &earlier, mon, 7), TimeRel::Apart);
    }

    #[test]
    fn a_toll_against_a_running_total_is_a_part_of_it() {
        let (sat, sun) = (Date::new(2025, 3, 1), Date::new(2025, 3, 2));
        let (a, _) = dated("12 people were killed in the shelling on Saturday.", sat);
        let (b, _) = dated("40 people have been killed in total.", sun);
        // From the same source: a part, not a revision.
        assert!(matches!(
            relate_tolls(&a, sat, &b, sun, 7),
            TimeRel::EarlierLater {
                earlier: Side::A,
                running: Some(true)
            }
        ));
    }

    #[test]
    fn tolls_of_different_days_stay_apart() {
        let (sat, wed) = (Date::new(2025, 3, 1), Date::new(2025, 3, 5));
        let (a, _) = dated("12 people were killed in the shelling on Saturday.", sat);
        let (b, _) = dated("8 people were killed in the shelling on Tuesday.", wed);
        assert_eq!(relate(&a, sat, &b, wed, 7), TimeRel::Apart);
        assert_eq!(relate_tolls(&a, sat, &b, wed, 7), TimeRel::Apart);
    }

    #[test]
    fn tolls_ahead_are_not_revisions() {
        let (mon, tue) = (Date::new(2025, 3, 3), Date::new(2025, 3, 4));
        let (a, _) = dated("The storm could kill 300 people by Friday.", mon);
        let (b, _) = dated("The storm could kill 900 people by Friday.", tue);
        assert_eq!((&a, &b), (&When::Future, &When::Future));
        assert_eq!(
            relate_tolls(&a, mon, &b, tue, 7),
            TimeRel::Same { certain: true }
        );
    }

    #[test]
    fn a_plan_for_later_is_apart_from_a_past_count() {
        let a = w("They will send 5,000 troops by August.");
        let b = w("They have sent 15,000 troops.");
        assert_eq!(relate(&a, None, &b, None, 7), TimeRel::Apart);
    }
}
