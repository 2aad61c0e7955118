//! Relations between the figures of one cluster: agreement, conflict,
//! revision, parts and wholes, running totals and sums of parts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crosscheck_claims::time::{Date, DateInterval, TimeExpr};

use crate::Severity;
use crate::interval::{Interval, Tolerances, fmt_nominal};
use crate::when::{Side, TimeRel, When, relate, relate_tolls};

/// A figure as the judge sees it.
#[derive(Debug, Clone)]
pub struct Fig {
    /// Item index.
    pub item: usize,
    /// Document id, shared by the figures of one document.
    pub doc: Arc<str>,
    /// Position in the document.
    pub start: usize,
    /// Interval with tolerance.
    pub iv: Interval,
    /// As written: (low, high or unbounded).
    pub nominal: (f64, Option<f64>),
    /// A vague magnitude ("thousands").
    pub vague: bool,
    /// "plan", "event" or "denied".
    pub class: &'static str,
    /// Time class.
    pub when: When,
    /// The document's publication date.
    pub published: Option<Date>,
    /// Scope roles from the clusterer, shared by the figures of a cluster
    /// with the same roles.
    pub scope: Arc<BTreeSet<String>>,
    /// Membership confidence.
    pub conf: f64,
    /// An increment ("another 1,000").
    pub additional: bool,
    /// For an event's toll ([`crate::when::is_toll`]) from a named source,
    /// that source: its toll is revised from one day's article to the
    /// next. `None` for other figures (and anonymous tolls).
    pub toll_source: Option<Arc<str>>,
    /// An event's toll ([`crate::when::is_toll`]), from a named source or
    /// not: counted as of its article, so two tolls of different days were
    /// counted apart.
    pub toll: bool,
    /// New events counted over a period ("1,300 new cases last week"): a
    /// flow within a total, never an earlier count of it.
    pub flow: bool,
}

/// One side of a conflict: a figure, or a sum of figures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// A single figure (item index).
    One(usize),
    /// Parts that add up (item indices), shared by every edge to them.
    Sum(Arc<[usize]>),
}

impl Node {
    /// The item indices, borrowed.
    pub fn members(&self) -> &[usize] {
        match self {
            Node::One(i) => std::slice::from_ref(i),
            Node::Sum(v) => v,
        }
    }

    /// True when the node is or contains the item.
    pub fn has(&self, item: usize) -> bool {
        self.members().contains(&item)
    }

    /// The item indices.
    pub fn items(&self) -> Vec<usize> {
        self.members().to_vec()
    }
}

/// Two sides that cannot both be right.
#[derive(Debug, Clone)]
pub struct Edge {
    /// The single figure.
    pub a: usize,
    /// What it is judged against.
    pub b: Node,
    /// 1 same thing and time, 2 a sum of parts, 3 a vague magnitude, 4 a part larger than its whole.
    pub tier: u8,
    /// Error when sure, warning when not.
    pub severity: Severity,
    /// Why they are compared: "same time scope", "the parts add up to 13,000-16,000".
    pub why: Arc<str>,
    /// Confidence 0..1.
    pub confidence: f64,
    /// For tolls, running totals and states of different days: how many
    /// days apart they were counted (said in `why` too).
    pub counted_apart: Option<u64>,
}

// The fixed reasons of conflicts, made once and shared by every edge.
static SAME_SCOPE: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from("same thing, same time scope"));
static OVERLAPPING_PERIODS: LazyLock<Arc<str>> =
    LazyLock::new(|| Arc::from("same thing, overlapping periods"));
static A_DAY_APART: LazyLock<Arc<str>> =
    LazyLock::new(|| Arc::from("same thing, counted a day apart"));
static EARLIER_LARGER: LazyLock<Arc<str>> =
    LazyLock::new(|| Arc::from("an earlier count larger than the later total"));
/// "a part larger than its whole".
pub(crate) static PART_LARGER: LazyLock<Arc<str>> =
    LazyLock::new(|| Arc::from("a part larger than its whole"));

/// Figures that grew (or shrank) between earlier and later counts: each
/// earlier figure against each later one. Figures the judge cannot tell
/// apart (see [`Agreement`]) are revised together, so that a cluster of
/// thousands of figures on a few dates lists a revision per pair of such
/// groups, not per pair of figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The earlier figures (items).
    pub earlier: Arc<[usize]>,
    /// The later figures (items).
    pub later: Arc<[usize]>,
    /// True when the later figures are smaller.
    pub down: bool,
    /// True when ordered by publication dates rather than time scopes.
    pub dated: bool,
}

impl Revision {
    /// A revision between two figures.
    pub fn pair(earlier: usize, later: usize, down: bool, dated: bool) -> Self {
        Revision {
            earlier: Arc::from([earlier]),
            later: Arc::from([later]),
            down,
            dated,
        }
    }
}

/// Parts that add up to a figure they agree with.
#[derive(Debug, Clone, PartialEq)]
pub struct SumMatch {
    /// The figure the finding is about: the whole (scope sums) or the first
    /// part (running totals in one document).
    pub primary: usize,
    /// The parts.
    pub parts: Vec<usize>,
    /// The figures the sum agrees with: for sums by scope, every whole the
    /// same parts add up to, `primary` first.
    pub wholes: Vec<usize>,
    /// Nominal total of the parts.
    pub total: (f64, Option<f64>),
    /// True when the parts are events and the whole a plan, or the reverse.
    pub cross_modality: bool,
}

/// Everything the judge found in one cluster.
#[derive(Debug, Clone, Default)]
pub struct Judgement {
    /// Conflicts.
    pub edges: Vec<Edge>,
    /// Revisions over time.
    pub revisions: Vec<Revision>,
    /// Sums of parts that agree.
    pub sums: Vec<SumMatch>,
    /// The figures that agree, directly, over time, as part and whole or
    /// through a sum.
    pub agree: Agreement,
}

impl Judgement {
    /// Every revised pair (earlier, later, down, dated), sorted: quadratic
    /// in large groups, for tests and small clusters.
    pub fn revision_pairs(&self) -> Vec<(usize, usize, bool, bool)> {
        let mut out: Vec<(usize, usize, bool, bool)> = self
            .revisions
            .iter()
            .flat_map(|r| {
                r.earlier
                    .iter()
                    .flat_map(move |&e| r.later.iter().map(move |&l| (e, l, r.down, r.dated)))
            })
            .collect();
        out.sort_unstable();
        out
    }

    fn agree(&mut self, a: usize, b: usize) {
        if a != b {
            self.agree.pairs.push((a.min(b), a.max(b)));
        }
    }
}

/// Where [`pair`] says what it finds: a [`Judgement`] lists it, a
/// [`PairSummary`] only notes its shape (no lists, no shared reasons
/// touched), for the many pairs judged only to see how two groups relate.
trait Findings {
    /// A conflict, made only when it is kept.
    fn conflict(&mut self, edge: impl FnOnce() -> Edge);
    /// `later` revises `earlier`.
    fn revise(&mut self, earlier: usize, later: usize, down: bool, dated: bool);
    /// The two agree.
    fn agree(&mut self, a: usize, b: usize);
}

impl Findings for Judgement {
    fn conflict(&mut self, edge: impl FnOnce() -> Edge) {
        self.edges.push(edge());
    }

    fn revise(&mut self, earlier: usize, later: usize, down: bool, dated: bool) {
        self.revisions
            .push(Revision::pair(earlier, later, down, dated));
    }

    fn agree(&mut self, a: usize, b: usize) {
        Judgement::agree(self, a, b);
    }
}

/// What [`pair`] found of one pair of figures, in outline: how many
/// conflicts and revisions, the (first) revision, and whether they agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct PairSummary {
    conflicts: u8,
    revisions: u8,
    /// The first revision: (earlier item, down, dated).
    revision: Option<(usize, bool, bool)>,
    agree: bool,
}

impl Findings for PairSummary {
    fn conflict(&mut self, _edge: impl FnOnce() -> Edge) {
        self.conflicts = self.conflicts.saturating_add(1);
    }

    fn revise(&mut self, earlier: usize, _later: usize, down: bool, dated: bool) {
        self.revisions = self.revisions.saturating_add(1);
        self.revision.get_or_insert((earlier, down, dated));
    }

    fn agree(&mut self, a: usize, b: usize) {
        self.agree |= a != b;
    }
}

impl PairSummary {
    /// What the pair found: events (a conflict or a revision), else
    /// agreement, else nothing.
    fn outcome(&self) -> Outcome {
        if self.conflicts > 0 || self.revisions > 0 {
            Outcome::Events
        } else if self.agree {
            Outcome::Agree
        } else {
            Outcome::Nothing
        }
    }
}

/// Which figures of a cluster agree, each agreeing pair said once: as a
/// pair, or inside a group of figures the judge cannot tell apart (same
/// interval, time, scope, modality and confidence), so that a cluster of
/// thousands of equal figures does not list millions of pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// Pairs (lower, higher item index), sorted.
    pub pairs: Vec<(usize, usize)>,
    /// Groups of items, referred to by the two lists below: groups of
    /// alike figures (disjoint), then unions of such groups that all agree.
    pub groups: Vec<Vec<usize>>,
    /// Groups (of two or more items) every two items of which agree.
    pub cliques: Vec<usize>,
    /// Two groups: every item of one agrees with every item of the other.
    pub bicliques: Vec<(usize, usize)>,
}

impl Agreement {
    /// Each item's agreeing figures as (items, partners, clique): every
    /// item of the first slice agrees with every item of the second other
    /// than itself; `clique` is true when the two slices are one group (an
    /// item is then among its own partners). Every agreeing pair is met
    /// twice, once from each side.
    ///
    /// ```
    /// use crosscheck_score::judge::Agreement;
    ///
    /// let a = Agreement {
    ///     pairs: vec![(1, 2)],
    ///     groups: vec![vec![3, 4, 5], vec![6]],
    ///     cliques: vec![0],
    ///     bicliques: vec![],
    /// };
    /// let n: usize = a.sides().map(|(items, partners, clique)| {
    ///     items.len() * (partners.len() - usize::from(clique))
    /// }).sum();
    /// assert_eq!(n, 2 * (1 + 3));
    /// ```
    pub fn sides(&self) -> impl Iterator<Item = (&[usize], &[usize], bool)> {
        let pairs = self.pairs.iter().flat_map(|(a, b)| {
            [
                (std::slice::from_ref(a), std::slice::from_ref(b), false),
                (std::slice::from_ref(b), std::slice::from_ref(a), false),
            ]
        });
        let group = |g: usize| self.groups.get(g).map_or(&[][..], Vec::as_slice);
        let cliques = self
            .cliques
            .iter()
            .map(move |&c| (group(c), group(c), true));
        let bicliques = self
            .bicliques
            .iter()
            .flat_map(move |&(x, y)| [(group(x), group(y), false), (group(y), group(x), false)]);
        pairs.chain(cliques).chain(bicliques)
    }

    /// How many figures each item agrees with.
    pub fn counts(&self) -> FxHashMap<usize, usize> {
        let mut out = FxHashMap::default();
        for (items, partners, clique) in self.sides() {
            for &i in items {
                *out.entry(i).or_default() += partners.len() - usize::from(clique);
            }
        }
        out
    }

    /// Every agreeing pair (lower, higher), sorted: quadratic in a large
    /// group, for tests and small clusters.
    pub fn all_pairs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (items, partners, _) in self.sides() {
            for &a in items {
                for &b in partners {
                    if a < b {
                        out.push((a, b));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

const SURE: f64 = 0.8;

fn both_sure(x: &Fig, y: &Fig) -> bool {
    x.conf >= SURE && y.conf >= SURE
}

#[cfg(test)]
mod tests {
    #[test]
    fn combinations_in_order() {
        assert_eq!(
            super::combinations(4, 2),
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
        assert!(super::combinations(1, 2).is_empty());
    }

    use super::*;

    fn fig(item: usize, doc: &str, lo: f64, hi: f64, when: When, day: u8, conf: f64) -> Fig {
        Fig {
            item,
            doc: Arc::from(doc),
            start: item * 10,
            iv: Interval { lo, hi },
            nominal: (lo, Some(hi)),
            vague: false,
            class: "event",
            when,
            published: Date::new(2025, 1, day),
            scope: Arc::default(),
            conf,
            additional: false,
            toll_source: None,
            toll: false,
            flow: false,
        }
    }

    /// The judgement of every pair one by one, as the judge did before it
    /// grouped figures it cannot tell apart.
    fn pairwise(figs: &[Fig], tol: &Tolerances) -> Judgement {
        let mut j = Judgement::default();
        for (n, x) in figs.iter().enumerate() {
            for y in &figs[n + 1..] {
                pair(&mut j, x, y, scope_rel(&x.scope, &y.scope), tol);
            }
        }
        running_totals(&mut j, figs, tol);
        scope_sums(&mut j, figs);
        j.agree.pairs.sort_unstable();
        j.agree.pairs.dedup();
        j
    }

    /// The judge finds what judging every pair finds: the agreeing pairs,
    /// the revisions and the conflict edges (with conflicts and revisions
    /// to find).
    fn judges_as_pairwise(figs: &[Fig], tol: &Tolerances) {
        let grouped = judge(figs, tol);
        let reference = pairwise(figs, tol);
        assert!(!reference.edges.is_empty() && !reference.revisions.is_empty());
        assert_eq!(grouped.agree.all_pairs(), reference.agree.pairs);
        assert_eq!(grouped.revision_pairs(), reference.revision_pairs());
        let sides = |j: &Judgement| -> Vec<(usize, Node, Severity, String)> {
            j.edges
                .iter()
                .map(|e| (e.a, e.b.clone(), e.severity, e.why.to_string()))
                .collect()
        };
        assert_eq!(sides(&grouped), sides(&reference));
    }

    #[test]
    fn hundreds_of_distinct_figures_judged_on_the_pool_judge_as_pairwise() {
        // More figures and groups than `PARALLEL_FROM`, more groups than a
        // band of rows and more runs of figures than a band of runs: both
        // are worked out on rayon's pool, band after band.
        let mut figs = Vec::new();
        let mut seed: u64 = 7;
        for k in 0..1_100 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = (seed >> 33) as usize;
            let lo = 1_000.0 + 10.0 * (r % 400) as f64;
            let when = match r % 3 {
                0 => When::Current {
                    running: Some(true),
                },
                _ => When::Current { running: None },
            };
            let conf = if r % 5 == 0 { 0.6 } else { 1.0 };
            figs.push(fig(
                1_099 - k,
                &format!("d{k}"),
                lo,
                lo + 50.0,
                when,
                1 + (r % 27) as u8,
                conf,
            ));
        }
        let tol = Tolerances::default();
        let groups = alike(&figs, &vec![0; figs.len()]);
        assert!(
            groups.len() >= PARALLEL_FROM.max(2 * ROW_BAND),
            "{} groups",
            groups.len()
        );
        assert!(figs.len() > RUN * RUN_BAND);
        judges_as_pairwise(&figs, &tol);
    }

    #[test]
    fn tolls_and_other_figures_alike_otherwise_judge_as_pairwise() {
        // Equal and rival figures on two days two days apart: a toll and
        // another figure (or another source's toll) of the same value, date
        // and time class relate differently to the other day's (a dated
        // revision for one source's tolls, one count otherwise), so they
        // are never one group.
        let mut figs = Vec::new();
        for k in 0..120 {
            let (lo, day) = match k % 4 {
                0 => (870.0, 10),
                1 => (1_240.0, 12),
                2 => (870.0, 12),
                _ => (1_240.0, 10),
            };
            let mut f = fig(
                119 - k,
                &format!("d{k}"),
                lo,
                lo,
                When::Current { running: None },
                day,
                1.0,
            );
            // Each class's first figure a toll, the rest mixed, of two
            // sources: a group judged by its first figure would take the
            // others for tolls of its source.
            f.toll_source =
                (k < 4 || k % 3 == 0).then(|| Arc::from(if k % 5 == 0 { "b" } else { "a" }));
            figs.push(f);
        }
        let tol = Tolerances::default();
        judges_as_pairwise(&figs, &tol);
    }

    #[test]
    fn a_tolls_next_day_figure_is_a_revision_from_its_source_a_rival_from_another() {
        let toll = |item: usize, doc: &str, v: f64, day: u8, source: &str| {
            let mut f = fig(item, doc, v, v, When::Current { running: None }, day, 1.0);
            f.toll_source = Some(Arc::from(source));
            f.toll = true;
            f
        };
        let tol = Tolerances::default();
        let same = pairwise(
            &[
                toll(0, "a", 870.0, 10, "ministry"),
                toll(1, "b", 1_240.0, 11, "ministry"),
            ],
            &tol,
        );
        assert!(same.edges.is_empty() && !same.revisions.is_empty());
        let other = pairwise(
            &[
                toll(0, "a", 870.0, 10, "ministry"),
                toll(1, "b", 3_500.0, 11, "opposition"),
            ],
            &tol,
        );
        assert!(!other.edges.is_empty() && other.revisions.is_empty());
        // Counted a day apart: it may conflict, and says so.
        assert!(other.edges.iter().all(|e| e.severity == Severity::Warning
            && e.why.as_ref() == "same thing, counted a day apart"));
        // The same day, another source's toll is a rival of the same time.
        let same_day = pairwise(
            &[
                toll(0, "a", 870.0, 10, "ministry"),
                toll(1, "b", 3_500.0, 10, "opposition"),
            ],
            &tol,
        );
        assert!(
            same_day.edges.iter().all(|e| e.severity == Severity::Error
                && e.why.as_ref() == "same thing, same time scope")
        );
        assert!(!same_day.edges.is_empty());
        // Running totals ("since January") of two sources a day apart too.
        let running = When::Current {
            running: Some(true),
        };
        let totals = pairwise(
            &[
                fig(0, "a", 8_900.0, 8_900.0, running.clone(), 10, 1.0),
                fig(1, "b", 9_450.0, 9_450.0, running, 11, 1.0),
            ],
            &tol,
        );
        assert!(!totals.edges.is_empty());
        assert!(totals.edges.iter().all(|e| e.severity == Severity::Warning
            && e.why.as_ref() == "same thing, counted a day apart"));
        // A state said "now" against an undated count of the day before.
        let now = pairwise(
            &[
                fig(
                    0,
                    "a",
                    1_100.0,
                    1_100.0,
                    When::Current { running: None },
                    10,
                    1.0,
                ),
                fig(
                    1,
                    "b",
                    1_250.0,
                    1_250.0,
                    When::Current {
                        running: Some(false),
                    },
                    11,
                    1.0,
                ),
            ],
            &tol,
        );
        assert!(!now.edges.is_empty());
        assert!(now.edges.iter().all(|e| e.severity == Severity::Warning
            && e.why.as_ref() == "same thing, counted a day apart"));
        // Two undated counts a day apart stay one count: "11,000 troops"
        // against "12,000 troops" is a conflict until `revision-days`.
        let undated = pairwise(
            &[
                fig(
                    0,
                    "a",
                    11_000.0,
                    11_000.0,
                    When::Current { running: None },
                    10,
                    1.0,
                ),
                fig(
                    1,
                    "b",
                    12_000.0,
                    12_000.0,
                    When::Current { running: None },
                    11,
                    1.0,
                ),
            ],
            &tol,
        );
        assert!(
            undated
                .edges
                .iter()
                .all(|e| e.why.as_ref() == "same thing, same time scope")
        );
        assert!(!undated.edges.is_empty());
    }

    #[test]
    fn thousands_of_equal_figures_agree_as_one_group_and_judge_as_pairwise() {
        let running = When::Current { running: None };
        let mut figs = Vec::new();
        // Equal figures in many documents, two dates, one rival value and
        // one earlier, smaller count (a revision), interleaved.
        for k in 0..300 {
            let (lo, hi, day, conf) = match k % 7 {
                0 => (15_000.0, 15_000.0, 20, 1.0),
                1 => (9_000.0, 9_000.0, 3, 0.9),
                2 | 3 => (11_000.0, 11_000.0, 10, 1.0),
                _ => (11_000.0, 11_000.0, 12, 1.0),
            };
            // Items run backwards, so that an item is not its place in `figs`.
            figs.push(fig(
                299 - k,
                &format!("d{k}"),
                lo,
                hi,
                running.clone(),
                day,
                conf,
            ));
        }
        let tol = Tolerances::default();
        let grouped = judge(&figs, &tol);
        let reference = pairwise(&figs, &tol);
        assert_eq!(grouped.agree.all_pairs(), reference.agree.pairs);
        assert_eq!(grouped.revision_pairs(), reference.revision_pairs());
        // Revisions between groups of alike figures are said once per pair of groups.
        assert!(grouped.revisions.len() * 10 < reference.revisions.len());
        assert_eq!(grouped.edges.len(), reference.edges.len());
        for (g, r) in grouped.edges.iter().zip(&reference.edges) {
            assert_eq!(
                (g.a, &g.b, g.severity, &g.why),
                (r.a, &r.b, r.severity, &r.why)
            );
        }
        // The 11,000s of the 10th and of the 12th only agree: neither their
        // pairs nor the pairs across the two dates are listed one by one.
        let eleven = |i: &usize| figs[299 - *i].iv.lo == 11_000.0;
        assert!(
            !grouped
                .agree
                .pairs
                .iter()
                .any(|(a, b)| eleven(a) && eleven(b))
        );
        // The 11,000s of both dates agree within and with each other: one
        // clique of their union, next to the 15,000s and the 9,000s.
        assert_eq!(grouped.agree.cliques.len(), 3);
        // Each count agrees with the later, larger ones it was revised to:
        // one biclique per pair of groups (9,000 to each 11,000 and to 15,000,
        // each 11,000 to 15,000).
        assert_eq!(grouped.agree.bicliques.len(), 5);
        let counts = grouped.agree.counts();
        for item in 0..figs.len() {
            let by_pairs = reference
                .agree
                .pairs
                .iter()
                .filter(|(a, b)| *a == item || *b == item)
                .count();
            assert_eq!(
                counts.get(&item).copied().unwrap_or(0),
                by_pairs,
                "item {item}"
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeRel {
    Same,
    Part { part_is_a: bool },
}

fn scope_rel(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Option<ScopeRel> {
    if a == b || a.is_empty() || b.is_empty() {
        Some(ScopeRel::Same)
    } else if a.is_subset(b) {
        Some(ScopeRel::Part { part_is_a: true })
    } else if b.is_subset(a) {
        Some(ScopeRel::Part { part_is_a: false })
    } else {
        None
    }
}

fn pick<'f>(side: Side, a: &'f Fig, b: &'f Fig) -> (&'f Fig, &'f Fig) {
    match side {
        Side::A => (a, b),
        Side::B => (b, a),
    }
}

/// Judges one pair of figures whose scopes relate as `rel` ([`scope_rel`]).
fn pair(j: &mut impl Findings, x: &Fig, y: &Fig, rel: Option<ScopeRel>, tol: &Tolerances) {
    if x.class != y.class || x.class == "denied" {
        return;
    }
    // An earlier value the sentence compares with ("up from 24,000", "an
    // earlier toll of 12") is superseded, not a rival: it may agree with
    // a figure of the same scope, and conflicts with none.
    let earlier = |f: &Fig| {
        matches!(
            &f.when,
            When::Window {
                expr: TimeExpr::Earlier,
                ..
            }
        )
    };
    if earlier(x) || earlier(y) {
        if rel == Some(ScopeRel::Same) && x.iv.overlaps(&y.iv) {
            j.agree(x.item, y.item);
        }
        return;
    }
    if x.additional || y.additional {
        // An increment ("thousands more") is not a total, and two
        // increments may be different ones: only the same increment, said
        // twice (same scope and time, overlapping), agrees; nothing
        // conflicts.
        let same_time = matches!(
            relate(
                &x.when,
                x.published,
                &y.when,
                y.published,
                tol.revision_days
            ),
            TimeRel::Same { .. }
        );
        if x.additional
            && y.additional
            && rel == Some(ScopeRel::Same)
            && same_time
            && x.iv.overlaps(&y.iv)
        {
            j.agree(x.item, y.item);
        }
        return;
    }
    let Some(rel) = rel else {
        return;
    };
    // The same source's toll of the same event is revised from day to day;
    // another source's toll is a rival count, related as any figure.
    let mut t = if x.toll_source.is_some() && x.toll_source == y.toll_source {
        relate_tolls(
            &x.when,
            x.published,
            &y.when,
            y.published,
            tol.revision_days,
        )
    } else {
        relate(
            &x.when,
            x.published,
            &y.when,
            y.published,
            tol.revision_days,
        )
    };
    // Another source's toll in an article of another day was counted on
    // another day: tolls grow and states change from one day to the next,
    // so the two may conflict, not "same time scope".
    // So are running totals ("since January"), which grow from one day to
    // the next, and states said of the day ("now", "currently", "still").
    let grows = |f: &Fig| f.toll || matches!(f.when, When::Current { running: Some(_) });
    let mut counted_apart = None;
    // A state said of its day against an undated count of another day
    // ("more than 1,200 pilots were now on strike" the day after "1,100
    // had joined the walkout") was counted apart too.
    let state = |f: &Fig| {
        matches!(
            f.when,
            When::Current {
                running: Some(false)
            }
        )
    };
    let undated = |f: &Fig| matches!(f.when, When::Current { running: None });
    let apart_in_time =
        (grows(x) && grows(y)) || (state(x) && undated(y)) || (state(y) && undated(x));
    if apart_in_time
        && matches!(t, TimeRel::Same { .. })
        && let Some(d) = crate::when::days_apart(x.published, y.published).filter(|&d| d != 0)
    {
        t = TimeRel::Same { certain: false };
        counted_apart = Some(d.unsigned_abs());
    }
    // Two plans are one plan whether or not a date is given ("expected to
    // deploy thousands as early as July" / "agreed to dispatch 6,000").
    if x.class == "plan"
        && t == TimeRel::Apart
        && matches!(x.when, When::Future) != matches!(y.when, When::Future)
    {
        t = TimeRel::Same { certain: false };
    }
    // In one article, a figure with no time and a larger running total
    // ("1,150 arrivals", "31,000 since January") are a part and its total:
    // an article rarely contradicts itself. (A larger figure with no time
    // is a rival: "more than 70" against a toll of 43.)
    if x.doc == y.doc
        && matches!(t, TimeRel::Same { .. })
        && let (When::Current { running: rx }, When::Current { running: ry }) = (&x.when, &y.when)
        && matches!((rx, ry), (None, Some(true)) | (Some(true), None))
        && {
            let (part, total) = if rx.is_none() { (x, y) } else { (y, x) };
            // A toll with no time is a total so far itself ("the WHO said
            // it had confirmed 180 deaths" beside "195 since January"): a
            // rival count, not a part.
            (!part.toll || part.flow) && part.iv.lo <= total.iv.hi
        }
    {
        t = TimeRel::EarlierLater {
            earlier: if rx.is_none() { Side::A } else { Side::B },
            running: Some(true),
        };
    }
    let vague = x.vague || y.vague;
    let conf = x.conf.min(y.conf);
    match rel {
        ScopeRel::Same => match t {
            TimeRel::Same { certain } => {
                if x.iv.overlaps(&y.iv) {
                    j.agree(x.item, y.item);
                } else {
                    let sure = certain && !vague && both_sure(x, y);
                    j.conflict(|| Edge {
                        a: x.item,
                        b: Node::One(y.item),
                        tier: if vague { 3 } else { 1 },
                        severity: if sure {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        why: match counted_apart {
                            Some(1) => Arc::clone(&A_DAY_APART),
                            Some(d) => Arc::from(format!("same thing, counted {d} days apart")),
                            None => Arc::clone(if certain {
                                &SAME_SCOPE
                            } else {
                                &OVERLAPPING_PERIODS
                            }),
                        },
                        confidence: if sure { 0.9 * conf } else { 0.5 * conf },
                        counted_apart,
                    });
                }
            }
            TimeRel::EarlierLater { earlier, running } => {
                let (e, l) = pick(earlier, x, y);
                // "1,240 cases in the past week" beside "9,450 since
                // January": a window that runs up to its article's
                // publication is the latest part of the total, not an
                // earlier count of it (no revision).
                let latest_part = crate::when::reaches_publication(&e.when, e.published);
                if latest_part || within_total(e, l) {
                    part_of_whole(j, e, l, conf);
                } else if e.iv.lo > l.iv.hi {
                    let sure = running == Some(true) && !vague && both_sure(x, y);
                    j.conflict(|| Edge {
                        a: e.item,
                        b: Node::One(l.item),
                        tier: if vague { 3 } else { 1 },
                        severity: if sure {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        why: Arc::clone(&EARLIER_LARGER),
                        confidence: if sure { 0.8 * conf } else { 0.45 * conf },
                        counted_apart: None,
                    });
                } else {
                    if e.iv.hi < l.iv.lo && !vague {
                        j.revise(e.item, l.item, false, false);
                    }
                    j.agree(x.item, y.item);
                }
            }
            TimeRel::Dated { earlier } => {
                let (e, l) = pick(earlier, x, y);
                if e.iv.overlaps(&l.iv) {
                    j.agree(x.item, y.item);
                } else if !vague {
                    j.revise(e.item, l.item, l.iv.hi < e.iv.lo, true);
                    if l.iv.lo > e.iv.hi {
                        j.agree(x.item, y.item);
                    }
                }
            }
            TimeRel::Apart => {}
        },
        ScopeRel::Part { part_is_a } => {
            if !matches!(t, TimeRel::Same { .. }) {
                return;
            }
            let (p, w) = if part_is_a { (x, y) } else { (y, x) };
            part_of_whole(j, p, w, conf);
        }
    }
}

/// Whether the earlier figure `e` counts what happened over a period
/// within the total `l` counts, so is a part of it, not an earlier count:
/// a period inside `l`'s longer one ("1,300 landed at the weekend" beside
/// "31,000 this year"), or against a running total or a toll, new events
/// or a window of two days to a week ("about 1,300 new cases last week"
/// beside "9,800 cumulative cases"), or a day of the week before a running
/// total's article ("307 on Saturday" beside "1,000 in total"). Against
/// a total with no period of its own, a longer window of old events ("in
/// October, 3,000 had been sent" beside "11,000 in total") may date an
/// earlier count of the total, and is left to the caller.
fn within_total(e: &Fig, l: &Fig) -> bool {
    let When::Window {
        resolved: Some(r), ..
    } = &e.when
    else {
        return false;
    };
    if let When::Window {
        resolved: Some(whole),
        ..
    } = &l.when
    {
        return whole.start <= r.start
            && r.end <= whole.end
            && whole.end.to_days() - whole.start.to_days() > r.end.to_days() - r.start.to_days();
    }
    let days = r.end.to_days() - r.start.to_days() + 1;
    let running = matches!(
        l.when,
        When::Current {
            running: Some(true)
        }
    );
    let total = running || (l.toll && matches!(l.when, When::Current { running: None }));
    // A day of the week before a running total's article ("307 on
    // Saturday" beside "1,000 in total" on Monday): a stage of it.
    let recent_day = running
        && l.published
            .is_some_and(|p| (0..=7).contains(&(p.to_days() - r.end.to_days())));
    total && ((days <= 7 && (days >= 2 || recent_day)) || e.flow)
}

/// A part `p` and its whole `w`: a part larger than its whole may conflict
/// (a warning), else they agree.
fn part_of_whole(j: &mut impl Findings, p: &Fig, w: &Fig, conf: f64) {
    if p.iv.lo > w.iv.hi {
        j.conflict(|| Edge {
            a: p.item,
            b: Node::One(w.item),
            tier: 4,
            severity: Severity::Warning,
            why: Arc::clone(&PART_LARGER),
            confidence: 0.4 * conf,
            counted_apart: None,
        });
    } else {
        j.agree(p.item, w.item);
    }
}

fn sum_of(figs: &[&Fig]) -> (Interval, (f64, Option<f64>)) {
    let mut iv = Interval { lo: 0.0, hi: 0.0 };
    let mut lo = 0.0;
    let mut hi = Some(0.0);
    for f in figs {
        iv = iv.add(&f.iv);
        lo += f.nominal.0;
        hi = match (hi, f.nominal.1) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
    }
    (iv, (lo, hi))
}

/// The period the figures of a running total cover together, when each has
/// its own resolved window and they end before the first one's document was
/// published.
fn closed_span(chain: &[&Fig]) -> Option<When> {
    let mut expr = None;
    let mut span: Option<DateInterval> = None;
    for f in chain {
        let When::Window {
            expr: e,
            resolved: Some(r),
        } = &f.when
        else {
            return None;
        };
        expr.get_or_insert_with(|| e.clone());
        span = Some(match span {
            None => *r,
            Some(s) => DateInterval::new(s.start.min(r.start), s.end.max(r.end)),
        });
    }
    let (span, expr, published) = (span?, expr?, chain[0].published?);
    (span.end < published).then_some(When::Window {
        expr,
        resolved: Some(span),
    })
}

/// Running totals: a figure followed in the same document by increments of
/// the same scope ("10,000-12,000 last fall, with an additional 3,000-4,000
/// earlier this year") adds up to a total as of that document.
fn running_totals(j: &mut Judgement, figs: &[Fig], tol: &Tolerances) {
    let mut by_doc: BTreeMap<&str, Vec<&Fig>> = BTreeMap::new();
    for f in figs {
        by_doc.entry(&*f.doc).or_default().push(f);
    }
    for list in by_doc.values_mut() {
        list.sort_by_key(|f| f.start);
        let mut chains: Vec<Vec<&Fig>> = Vec::new();
        let mut current: Option<Vec<&Fig>> = None;
        for f in list.iter() {
            if !f.additional {
                if let Some(c) = current.take() {
                    chains.push(c);
                }
                current = (!f.vague).then(|| vec![*f]);
            } else if let Some(c) = current.as_mut() {
                if c[0].scope == f.scope && c[0].class == f.class && !f.vague {
                    c.push(f);
                }
            }
        }
        if let Some(c) = current.take() {
            chains.push(c);
        }
        for chain in chains.into_iter().filter(|c| c.len() > 1) {
            let (iv, total) = sum_of(&chain);
            let members: Vec<usize> = chain.iter().map(|f| f.item).collect();
            // As of the document, unless every part has its own period and
            // together they end before it was published ("2,000-3,000 on
            // Saturday, another 1,000-1,500 on Sunday" in Monday's paper:
            // the weekend).
            let composite = closed_span(&chain).unwrap_or(When::Current {
                running: Some(true),
            });
            // Shared by every edge to this sum.
            let shared: Arc<[usize]> = Arc::from(members.as_slice());
            let total_text = fmt_nominal(total.0, total.1);
            let adds_up: Arc<str> = Arc::from(format!("the parts add up to {total_text}"));
            let earlier_larger: Arc<str> = Arc::from(format!(
                "an earlier count larger than the running total {total_text}"
            ));
            let mut wholes = Vec::new();
            for o in figs {
                if members.contains(&o.item)
                    || o.additional
                    || o.class != chain[0].class
                    || scope_rel(&o.scope, &chain[0].scope)
                        .is_none_or(|r| !matches!(r, ScopeRel::Same))
                {
                    continue;
                }
                let t = relate(
                    &composite,
                    chain[0].published,
                    &o.when,
                    o.published,
                    tol.revision_days,
                );
                let conf = chain.iter().map(|f| f.conf).fold(o.conf, f64::min);
                match t {
                    TimeRel::Same { certain } => {
                        if iv.overlaps(&o.iv) {
                            wholes.push(o.item);
                            for m in &members {
                                j.agree(*m, o.item);
                            }
                        } else {
                            let sure = certain && !o.vague && conf >= SURE;
                            j.edges.push(Edge {
                                a: o.item,
                                b: Node::Sum(Arc::clone(&shared)),
                                tier: if o.vague { 3 } else { 2 },
                                severity: if sure {
                                    Severity::Error
                                } else {
                                    Severity::Warning
                                },
                                why: Arc::clone(&adds_up),
                                confidence: if sure { 0.8 * conf } else { 0.45 * conf },
                                counted_apart: None,
                            });
                        }
                    }
                    TimeRel::EarlierLater {
                        earlier: Side::B, ..
                    } if o.iv.lo > iv.hi => {
                        j.edges.push(Edge {
                            a: o.item,
                            b: Node::Sum(Arc::clone(&shared)),
                            tier: 2,
                            severity: Severity::Warning,
                            why: Arc::clone(&earlier_larger),
                            confidence: 0.4 * conf,
                            counted_apart: None,
                        });
                    }
                    _ => {}
                }
            }
            if !wholes.is_empty() {
                j.sums.push(SumMatch {
                    primary: members[0],
                    parts: members,
                    wholes,
                    total,
                    cross_modality: false,
                });
            }
        }
    }
}

/// At most this many candidate parts per document are combined.
const MAX_PARTS: usize = 8;

/// Sums of parts by scope: figures in one document whose scopes partition a
/// whole's scope ("1,000 sappers" + "5,000 construction workers" vs "6,000
/// engineers and construction personnel"). The parts found depend only on
/// the whole's scope, so they are looked for once per distinct scope.
fn scope_sums(j: &mut Judgement, figs: &[Fig]) {
    // Per whole scope: (document, class) groups of candidate parts and the
    // combination that partitions the scope, in (document, class) order,
    // each with what every whole of that scope is checked against.
    let mut found_for: Vec<(&BTreeSet<String>, Vec<PartSet<'_>>)> = Vec::new();
    // One match per set of parts (with its total and modality): a whole
    // that many articles repeat is listed with the others that the same
    // parts add up to, not once per article with every part again.
    type SumKey = (Vec<usize>, u64, Option<u64>, bool);
    let mut matches: Vec<SumMatch> = Vec::new();
    let mut match_of: HashMap<SumKey, usize> = HashMap::new();
    for w in figs {
        if w.scope.len() < 2 || w.vague || w.additional || w.class == "denied" {
            continue;
        }
        let k = match found_for.iter().position(|(s, _)| **s == *w.scope) {
            Some(k) => k,
            None => {
                let sets = partitions(&w.scope, figs)
                    .into_iter()
                    .map(|(class, parts)| PartSet::new(class, &parts))
                    .collect();
                found_for.push((&*w.scope, sets));
                found_for.len() - 1
            }
        };
        let mut parts_all: Vec<usize> = Vec::new();
        let mut total_first: Option<(f64, Option<f64>)> = None;
        let mut cross_all = true;
        for set in &found_for[k].1 {
            let cross = set.class != w.class;
            if set.iv.overlaps(&w.iv) {
                for &p in set.items.iter() {
                    j.agree(p, w.item);
                }
                parts_all.extend(set.items.iter());
                total_first.get_or_insert(set.total);
                cross_all &= cross;
            } else if !cross {
                let conf = set.conf.min(w.conf);
                let sure = conf >= SURE;
                j.edges.push(Edge {
                    a: w.item,
                    b: Node::Sum(Arc::clone(&set.items)),
                    tier: 2,
                    severity: if sure {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    why: Arc::clone(&set.why),
                    confidence: if sure { 0.75 * conf } else { 0.4 * conf },
                    counted_apart: None,
                });
            }
        }
        if let Some(total) = total_first {
            let key = (
                parts_all.clone(),
                total.0.to_bits(),
                total.1.map(f64::to_bits),
                cross_all,
            );
            match match_of.get(&key) {
                Some(&k) => matches[k].wholes.push(w.item),
                None => {
                    match_of.insert(key, matches.len());
                    matches.push(SumMatch {
                        primary: w.item,
                        parts: parts_all,
                        wholes: vec![w.item],
                        total,
                        cross_modality: cross_all,
                    });
                }
            }
        }
    }
    j.sums.extend(matches);
}

/// Parts in one document that partition a scope, with what a whole of that
/// scope is checked against: worked out once per scope, not per whole.
struct PartSet<'f> {
    class: &'f str,
    items: Arc<[usize]>,
    /// The sum with tolerance, and as written.
    iv: Interval,
    total: (f64, Option<f64>),
    /// The least sure part's confidence.
    conf: f64,
    /// Why a whole outside the sum conflicts: "its parts add up to 6,000".
    why: Arc<str>,
}

impl<'f> PartSet<'f> {
    fn new(class: &'f str, parts: &[&Fig]) -> Self {
        let (iv, total) = sum_of(parts);
        PartSet {
            class,
            items: parts.iter().map(|f| f.item).collect(),
            iv,
            total,
            conf: parts.iter().map(|f| f.conf).fold(f64::INFINITY, f64::min),
            why: Arc::from(format!(
                "its parts add up to {}",
                fmt_nominal(total.0, total.1)
            )),
        }
    }
}

/// For a whole's `scope`: per document and class (in that order), the first
/// combination of 2 to 4 of its first [`MAX_PARTS`] candidate figures (not
/// vague, not denied, scope strictly inside the whole's) whose scopes are
/// disjoint and together make up the whole's.
fn partitions<'f>(scope: &BTreeSet<String>, figs: &'f [Fig]) -> Vec<(&'f str, Vec<&'f Fig>)> {
    let mut by_doc: BTreeMap<(&str, &str), Vec<&Fig>> = BTreeMap::new();
    for c in figs {
        if !c.vague
            && c.class != "denied"
            && !c.scope.is_empty()
            && c.scope.is_subset(scope)
            && *c.scope != *scope
        {
            by_doc.entry((&*c.doc, c.class)).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for ((_, class), cands) in by_doc {
        let cands: Vec<&Fig> = cands.into_iter().take(MAX_PARTS).collect();
        let found = (2..=cands.len().min(4)).find_map(|k| {
            combinations(cands.len(), k)
                .into_iter()
                .map(|idx| idx.into_iter().map(|i| cands[i]).collect::<Vec<&Fig>>())
                .find(|combo| {
                    let mut union = BTreeSet::new();
                    for f in combo {
                        if !union.is_disjoint(&f.scope) {
                            return false;
                        }
                        union.extend(f.scope.iter().cloned());
                    }
                    union == *scope
                })
        });
        if let Some(parts) = found {
            out.push((class, parts));
        }
    }
    out
}

/// The k-element index combinations of `0..n`, in lexicographic order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut idx: Vec<usize> = (0..k).collect();
    if k == 0 || k > n {
        return out;
    }
    loop {
        out.push(idx.clone());
        // The rightmost index that can still move.
        let Some(p) = (0..k).rev().find(|&p| idx[p] < n - k + p) else {
            return out;
        };
        idx[p] += 1;
        for q in p + 1..k {
            idx[q] = idx[q - 1] + 1;
        }
    }
}

/// Judges a cluster's figures (repeats already removed). Pairs are compared
/// within the cluster only. The scopes of a cluster are few: each distinct
/// scope is related to each other once, not at every pair. Figures the
/// judgement cannot tell apart (see [`Agreement`]) are judged once per pair
/// of such groups: only groups whose figures conflict or revise one another
/// are then judged pair by pair, in the order of `figs`.
pub fn judge(figs: &[Fig], tol: &Tolerances) -> Judgement {
    let mut j = Judgement::default();
    let mut distinct: Vec<&BTreeSet<String>> = Vec::new();
    let scope_of: Vec<usize> = figs
        .iter()
        .map(|f| {
            distinct
                .iter()
                .position(|d| **d == *f.scope)
                .unwrap_or_else(|| {
                    distinct.push(&*f.scope);
                    distinct.len() - 1
                })
        })
        .collect();
    let rel: Vec<Vec<Option<ScopeRel>>> = distinct
        .iter()
        .map(|a| distinct.iter().map(|b| scope_rel(a, b)).collect())
        .collect();
    let groups = alike(figs, &scope_of);
    let group_of: Vec<usize> = {
        let mut g = vec![0; figs.len()];
        for (k, members) in groups.iter().enumerate() {
            for &n in members {
                g[n] = k;
            }
        }
        g
    };
    // What `pair` says of figure `nx` against figure `ny` (and so of their
    // groups).
    let judged = |nx: usize, ny: usize| -> PairSummary {
        let mut scratch = PairSummary::default();
        pair(
            &mut scratch,
            &figs[nx],
            &figs[ny],
            rel[scope_of[nx]][scope_of[ny]],
            tol,
        );
        scratch
    };
    // Per group, the groups (itself included) whose figures are judged
    // against its own one pair at a time, and the groups it agrees with.
    let mut eventful_with = GroupPairs::new(groups.len());
    let mut agrees_with = GroupPairs::new(groups.len());
    let mut agrees_within = vec![false; groups.len()];
    // Two groups whose figures revise one another, the same from either
    // side and without a conflict, are revised as groups: (earlier group,
    // later group, down, dated). Their figures' agreement, if any, is said
    // once for the two groups.
    let mut revised: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut agree_across: Vec<(usize, usize)> = Vec::new();
    // What group `x` finds within itself and with each later group: the
    // rows of a big cluster are worked out on rayon's pool, and applied
    // below in group order, so the judgement is the same for any number of
    // threads.
    let row = |x: usize| -> GroupRow {
        let gx = &groups[x];
        let within = (gx.len() > 1).then(|| judged(gx[0], gx[1]).outcome());
        let mut with = Vec::new();
        for (y, gy) in groups.iter().enumerate().skip(x + 1) {
            let there = judged(gx[0], gy[0]);
            let back = judged(gy[0], gx[0]);
            let found = match (there.outcome(), back.outcome()) {
                (Outcome::Nothing, Outcome::Nothing) => continue,
                (Outcome::Agree, Outcome::Agree) => Across::Agree,
                _ => match uniform(&there, &back, figs[gx[0]].item) {
                    Some((revision, agree)) => Across::Revised(revision, agree),
                    None => Across::Eventful,
                },
            };
            with.push((y, found));
        }
        GroupRow { within, with }
    };
    // Rows are worked out a band at a time and applied before the next:
    // the rows of a dense cluster of thousands of groups would hold
    // millions of pairs at once.
    in_bands(
        groups.len(),
        ROW_BAND,
        groups.len() >= PARALLEL_FROM,
        row,
        |x, r| {
            match r.within {
                Some(Outcome::Agree) => agrees_within[x] = true,
                Some(Outcome::Events) => eventful_with.insert(x, x),
                Some(Outcome::Nothing) | None => {}
            }
            for (y, found) in r.with {
                match found {
                    Across::Agree => {
                        agrees_with.insert(x, y);
                        agrees_with.insert(y, x);
                    }
                    Across::Revised(revision, agree) => {
                        if let Some(r) = revision {
                            let (e, l) = if r.first_earlier { (x, y) } else { (y, x) };
                            revised.push((e, l, r.down, r.dated));
                        }
                        if agree {
                            agree_across.push((x, y));
                        }
                    }
                    Across::Eventful => {
                        eventful_with.insert(x, y);
                        eventful_with.insert(y, x);
                    }
                }
            }
        },
    );
    j.agree = agreement(figs, &groups, &agrees_with, &agrees_within);
    j.agree.bicliques.extend(&agree_across);
    let mut across = GroupPairs::new(groups.len());
    for &(x, y) in &agree_across {
        across.insert(x, y);
        across.insert(y, x);
    }
    // Those pairs in the order of `figs` (each figure against the later
    // ones), listed one figure at a time: a cluster of thousands would
    // otherwise list millions of pairs before judging them. A big
    // cluster's figures are judged in runs on rayon's pool, each run into
    // a judgement of its own, appended in order: the same lists as one
    // pass.
    let judge_run = |run: std::ops::Range<usize>| -> Judgement {
        let mut out = Judgement::default();
        let mut later: Vec<usize> = Vec::new();
        for n in run {
            later.clear();
            for y in eventful_with.of(group_of[n]) {
                let members = &groups[y];
                let from = members.partition_point(|&m| m <= n);
                later.extend_from_slice(&members[from..]);
            }
            later.sort_unstable();
            for &m in &later {
                pair(
                    &mut out,
                    &figs[n],
                    &figs[m],
                    rel[scope_of[n]][scope_of[m]],
                    tol,
                );
            }
        }
        out
    };
    // A band of runs at a time, appended before the next: a dense
    // cluster's conflicts number in the millions.
    in_bands(
        figs.len().div_ceil(RUN),
        RUN_BAND,
        figs.len() >= PARALLEL_FROM,
        |r| judge_run(r * RUN..((r + 1) * RUN).min(figs.len())),
        |_, run| {
            j.edges.extend(run.edges);
            j.revisions.extend(run.revisions);
            j.agree.pairs.extend(run.agree.pairs);
        },
    );
    let items_of: Vec<Arc<[usize]>> = groups
        .iter()
        .map(|g| g.iter().map(|&n| figs[n].item).collect())
        .collect();
    j.revisions
        .extend(revised.into_iter().map(|(e, l, down, dated)| Revision {
            earlier: Arc::clone(&items_of[e]),
            later: Arc::clone(&items_of[l]),
            down,
            dated,
        }));
    running_totals(&mut j, figs, tol);
    scope_sums(&mut j, figs);
    // A pair also found by the sums is said once, by its groups.
    let group_of_item: FxHashMap<usize, usize> = figs
        .iter()
        .enumerate()
        .map(|(n, f)| (f.item, group_of[n]))
        .collect();
    let pairs = &mut j.agree.pairs;
    pairs.sort_unstable();
    pairs.dedup();
    pairs.retain(
        |(a, b)| match (group_of_item.get(a), group_of_item.get(b)) {
            (Some(&x), Some(&y)) if x == y => !agrees_within[x],
            (Some(&x), Some(&y)) => !agrees_with.contains(x, y) && !across.contains(x, y),
            _ => true,
        },
    );
    j
}

/// The agreement of a cluster's groups of alike figures (indices into
/// `figs`), from which groups agree with which (`agrees_with`) and within
/// themselves (`agrees_within`). Groups that agree within and with one
/// another are gathered (greedily, in group order) into unions listed as
/// one clique: the figures of a cluster that all agree make one clique
/// however many dates they were published on. Agreeing groups left in
/// different unions are listed as bicliques. Every agreeing pair of
/// figures is said once.
fn agreement(
    figs: &[Fig],
    groups: &[Vec<usize>],
    agrees_with: &GroupPairs,
    agrees_within: &[bool],
) -> Agreement {
    let mut out = Agreement {
        groups: groups
            .iter()
            .map(|g| g.iter().map(|&n| figs[n].item).collect())
            .collect(),
        ..Agreement::default()
    };
    let mut union_of: Vec<Option<usize>> = vec![None; groups.len()];
    let mut unions: Vec<Vec<usize>> = Vec::new();
    for x in 0..groups.len() {
        if groups[x].len() > 1 && !agrees_within[x] {
            continue;
        }
        let fits = unions
            .iter()
            .position(|u| u.iter().all(|&y| agrees_with.contains(x, y)));
        match fits {
            Some(u) => {
                unions[u].push(x);
                union_of[x] = Some(u);
            }
            None => {
                union_of[x] = Some(unions.len());
                unions.push(vec![x]);
            }
        }
    }
    for u in &unions {
        match u.as_slice() {
            [g] if groups[*g].len() > 1 => out.cliques.push(*g),
            [_] => {}
            _ => {
                let items: Vec<usize> = u.iter().flat_map(|&g| out.groups[g].clone()).collect();
                out.cliques.push(out.groups.len());
                out.groups.push(items);
            }
        }
    }
    for x in 0..groups.len() {
        for y in agrees_with.of(x).filter(|&y| y > x) {
            if union_of[x].is_none() || union_of[x] != union_of[y] {
                out.bicliques.push((x, y));
            }
        }
    }
    out
}

/// A set of (group, group) pairs as a bit matrix: a cluster's groups may
/// number in the thousands, their eventful pairs in the millions.
struct GroupPairs {
    words_per_row: usize,
    bits: Vec<u64>,
}

impl GroupPairs {
    fn new(groups: usize) -> Self {
        let words_per_row = groups.div_ceil(64);
        GroupPairs {
            words_per_row,
            bits: vec![0; words_per_row * groups],
        }
    }

    fn insert(&mut self, x: usize, y: usize) {
        self.bits[x * self.words_per_row + y / 64] |= 1 << (y % 64);
    }

    fn contains(&self, x: usize, y: usize) -> bool {
        self.bits[x * self.words_per_row + y / 64] & (1 << (y % 64)) != 0
    }

    /// The groups paired with `x`, ascending.
    fn of(&self, x: usize) -> impl Iterator<Item = usize> + '_ {
        let row = &self.bits[x * self.words_per_row..(x + 1) * self.words_per_row];
        row.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// Clusters with at least this many figures (or groups of alike figures)
/// are judged on rayon's pool; smaller ones in one pass.
const PARALLEL_FROM: usize = 256;

/// `work(k)` for each `k` in `0..n`, handed to `apply` in order of `k`, a
/// band of `band` at a time: each band worked out on rayon's pool when
/// `parallel`, else in turn. The result is the same either way.
fn in_bands<T: Send>(
    n: usize,
    band: usize,
    parallel: bool,
    work: impl Fn(usize) -> T + Sync + Send,
    mut apply: impl FnMut(usize, T),
) {
    for from in (0..n).step_by(band) {
        let range = from..n.min(from + band);
        let done: Vec<T> = if parallel {
            range.clone().into_par_iter().map(&work).collect()
        } else {
            range.clone().map(&work).collect()
        };
        for (k, t) in range.zip(done) {
            apply(k, t);
        }
    }
}

/// How many groups' rows are worked out (on rayon's pool) before they are
/// applied.
const ROW_BAND: usize = 128;

/// How many figures one task of a big cluster judges against the later
/// ones.
const RUN: usize = 64;

/// How many runs of [`RUN`] figures are judged (on rayon's pool) before
/// their findings are appended.
const RUN_BAND: usize = 16;

/// What one group of alike figures finds, judged by its first figures:
/// within itself (when it has two or more), and with each later group it has
/// anything to do with.
struct GroupRow {
    within: Option<Outcome>,
    with: Vec<(usize, Across)>,
}

/// What two groups find from either side ([`GroupRow`]).
enum Across {
    /// They agree, and nothing else.
    Agree,
    /// The same revision (if any) and agreement (the flag) from either
    /// side, without a conflict: said once for the two groups.
    Revised(Option<GroupRevision>, bool),
    /// Anything else: their figures are judged pair by pair.
    Eventful,
}

/// How the figures of one group revise those of another: as
/// [`uniform`] reads it from the judgement of their first figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GroupRevision {
    /// True when the first group's figures are the earlier ones.
    first_earlier: bool,
    down: bool,
    dated: bool,
}

/// The judgements of two figures from either side (`there` with `x` first,
/// `back` with it second; `x` is its item), when they say the same without
/// a conflict: the revision, if any, and whether the two agree. `None` when
/// they differ or find a conflict: such figures are judged pair by pair.
fn uniform(
    there: &PairSummary,
    back: &PairSummary,
    x: usize,
) -> Option<(Option<GroupRevision>, bool)> {
    if there.conflicts > 0 || back.conflicts > 0 {
        return None;
    }
    let revision = |j: &PairSummary| -> Option<Option<GroupRevision>> {
        match (j.revisions, j.revision) {
            (0, _) => Some(None),
            (1, Some((earlier, down, dated))) => Some(Some(GroupRevision {
                first_earlier: earlier == x,
                down,
                dated,
            })),
            _ => None,
        }
    };
    let (a, b) = (revision(there)?, revision(back)?);
    (a == b && there.agree == back.agree).then_some((a, there.agree))
}

/// What [`pair`] finds between two figures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Nothing,
    Agree,
    Events,
}

/// The figures (indices into `figs`, ascending) grouped by everything
/// [`pair`] reads of a figure besides its item: modality class, increment
/// flag, toll source, interval, vagueness, confidence, time class,
/// publication date, scope and flow flag. Groups are in order of their first figure.
fn alike(figs: &[Fig], scope_of: &[usize]) -> Vec<Vec<usize>> {
    type Key = (
        &'static str,
        bool,
        Option<Arc<str>>,
        bool,
        bool,
        u64,
        u64,
        u64,
        Option<Date>,
        usize,
        bool,
    );
    let key = |n: usize| -> Key {
        let f = &figs[n];
        (
            f.class,
            f.additional,
            f.toll_source.clone(),
            f.toll,
            f.vague,
            f.iv.lo.to_bits(),
            f.iv.hi.to_bits(),
            f.conf.to_bits(),
            f.published,
            scope_of[n],
            f.flow,
        )
    };
    let mut by_key: std::collections::HashMap<Key, Vec<usize>> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for n in 0..figs.len() {
        let same = by_key.entry(key(n)).or_default();
        match same
            .iter()
            .find(|&&g| figs[groups[g][0]].when == figs[n].when)
        {
            Some(&g) => groups[g].push(n),
            None => {
                same.push(groups.len());
                groups.push(vec![n]);
            }
        }
    }
    groups
}
