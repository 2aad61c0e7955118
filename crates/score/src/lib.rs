//! crosscheck-score: clusters to findings and credibility.
//!
//! [`assess`] takes the claims of a batch ([`Item`]s), their clusters (from
//! [`crosscheck_cluster::cluster`]) and the source registry, and says which
//! figures conflict, which corroborate each other, which were revised over
//! time, which rest on one origin, and how much weight each deserves.
//! [`ledger::ledger`] then sums the batch up by source: which sources the
//! figures rest on, through which chains, how independently, how reliably
//! (with reasons), and how each article attributes its figures.
//! Pure and deterministic: no I/O; the same input gives the same
//! [`Assessment`].
//!
//! ```
//! use crosscheck_claims::claim::{extract, Source};
//! use crosscheck_claims::registry::SourceRegistry;
//! use crosscheck_cluster::{cluster, Item, Thesaurus};
//! use crosscheck_score::{assess, FindingKind, Severity, Tolerances};
//!
//! let registry = SourceRegistry::with_defaults();
//! let a = "Police said 240,000 people marched in the city on Sunday.";
//! let b = "Organisers said 1.03 million people marched in the city on Sunday.";
//! let ca = extract(Source { text: a, blocks: &[0..a.len()], published: None }, &registry);
//! let cb = extract(Source { text: b, blocks: &[0..b.len()], published: None }, &registry);
//! let items = [
//!     Item { id: "a#1", doc: "a", published: None, claim: &ca[0] },
//!     Item { id: "b#1", doc: "b", published: None, claim: &cb[0] },
//! ];
//! let clusters = cluster(&items, &Thesaurus::builtin());
//! let assessment = assess(&items, &clusters, &registry, &Tolerances::default());
//! let conflict = &assessment.findings[0];
//! assert_eq!((conflict.kind, conflict.code, conflict.severity), (FindingKind::Conflict, "CC001", Severity::Error));
//! assert_eq!(conflict.claims.len(), 2);
//! ```
//!
//! # Rules
//!
//! Every finding carries a rule code and name, as in ruff. Findings about
//! a cluster name its claims: the first is the primary claim, the rest the
//! claims it was judged against.
//!
//! | code | name | kind | severity | when |
//! |---|---|---|---|---|
//! | CC001 | conflicting-figure | conflict | error | same thing, same time scope, intervals cannot overlap after tolerance (or a sum of parts that cannot match its whole) |
//! | CC002 | possible-conflict | conflict | warning | the intervals cannot overlap, but it is unsure the figures count the same thing over the same time: nested periods, a vague magnitude, a part larger than its whole, a clusterer doubt |
//! | CC003 | revised-figure | revision | info (warning when a running total goes down) | a running total grows between dated documents, or an earlier-scoped count ("last fall", "in November 2024") is smaller than a later total |
//! | CC004 | corroborated-figure | corroborated | info | figures from at least two independent origins agree |
//! | CC005 | single-source-figure | single-source | info | only one document (and at most one origin) gives the figure, or no figure of another document matches it |
//! | CC006 | unattributed-figure | unattributed | warning | a figure with no source |
//! | CC007 | single-origin-echo | consistent | info | figures in several articles agree but all trace back to one origin ("4 articles, 1 origin") |
//! | CC008 | subset-of-total | subset | info | a part ("troops near the border") checked against its whole ("troops sent") |
//! | CC009 | sum-of-parts | sum-of-parts | info | parts add up to a figure they agree with (arithmetic shown) |
//! | CC010 | few-independent-origins | consistent | info | most of the batch's attributed figures trace back to one origin |
//!
//! # Semantics
//!
//! - **Intervals** with tolerance by qualifier ([`Tolerances`]): "about" ±10%,
//!   "nearly" just under, bare round numbers their rounding, vague
//!   magnitudes their interval with slack. Two figures conflict only when
//!   their intervals cannot overlap.
//! - **Same thing**: figures are compared only inside a cluster, with equal
//!   scopes (the clusterer's roles); a figure whose scope is inside
//!   another's is a part of it (it may not exceed it); figures with
//!   disjoint scopes are siblings, never rivals.
//! - **Plans and events**: "agreed to send" is compared with plans only; a
//!   plan never contradicts an event (a sum that matches across them is
//!   still shown). Denials are not compared.
//! - **Time**: figures with no scope or a running-total scope ("in total",
//!   "since last fall") are totals as of publication and are compared
//!   directly — unless their documents were published at least
//!   `revision-days` apart, when growth is a revision and a fall is a
//!   warning. A figure for an earlier period ("last fall", "in November
//!   2024") may be smaller than a later total (a revision when it cannot
//!   overlap it), never larger. Periods that can overlap are compared, at
//!   warning level unless they are the same period; disjoint periods and
//!   future scopes against past ones are not compared.
//! - **Sums**: a figure followed in its document by increments ("with an
//!   additional 3,000-4,000") adds up to a running total as of that
//!   document (ranges add as ranges); figures of one document whose scopes
//!   partition a whole's scope add up to it. Increments alone are never
//!   rivals of totals.
//! - **Independence**: an origin is the registry's origin family of a
//!   claim's source (the NIS and "South Korean assessments" are both the
//!   South Korean government); a joint source ("South Korea, the U.S., and
//!   Ukraine estimate") is one origin of its own. Unnamed sources, the
//!   article itself and readers are never an origin. A cluster is
//!   corroborated only when figures from two or more origins agree.
//! - **Duplicates**: the clusterer's repeats (the same figure twice in one
//!   document) count once.
//! - **Unsure**: when the clusterer's confidence in a membership is below
//!   0.8 (no action verb and several would fit, a noun matched only by
//!   spelling, several doubts together), when the periods only overlap or
//!   nest, or when a vague magnitude or a part and its whole are involved,
//!   a mismatch is a CC002 warning with low confidence, not a CC001 error.
//!
//! # Conflicts, one finding per outlier
//!
//! Conflicting pairs form a graph. The figure with most conflicts (ties:
//! fewest agreements, then claim id) becomes the primary claim of one
//! finding, judged against its rivals of the strongest kind (errors before
//! warnings; same-scope figures before sums, vague magnitudes and wholes);
//! its edges are removed and the next outlier is taken. One figure changed
//! beyond tolerance in one article therefore gives one finding.
//!
//! # Complexity
//!
//! Figures are compared pairwise inside their cluster only: O(Σ k²) for
//! clusters of k figures (clusters hold the figures for one thing, so k is
//! small next to the batch); sums of parts combine at most 8 candidate
//! parts per document; outliers are picked with degrees updated as edges
//! are removed. Everything else is linear or O(n log n).
//!
//! # Credibility weights
//!
//! Each claim starts from the prior of its source and is adjusted; every
//! line of [`Credibility::reasons`] starts with its weight, and the
//! weights add up to the score (clamped to 0.02..0.98).
//!
//! | reason | weight |
//! |---|---|
//! | base: prior of the source in the registry, or of its kind ([`SourceKind::default_prior`]): wire 0.80 … intelligence agency 0.60 … anonymous 0.35, state media 0.30; joint sources the mean of their members | prior |
//! | base for a figure with no source: the outlet prior | 0.50 |
//! | unattributed | −0.10 |
//! | attribution inherited from an earlier sentence | −0.05 |
//! | interested party in what the figure is about (registry) | −prior × (1 − 2/3) |
//! | each intermediary in the chain ("NIS ← lawmakers ← Yonhap") | −0.02, at most −0.06 |
//! | modality: estimated / believed / reported / planned / possible / denied | −0.02 / −0.04 / −0.06 / −0.05 / −0.10 / −0.20 |
//! | each weak hedge (likely, possibly, unconfirmed, allegedly …) | −0.02, at most −0.06 |
//! | vague magnitude ("thousands") | −0.05 |
//! | corroborated: each independent origin whose figures agree | +0.10, at most +0.20 |
//! | repeated only by the same origin elsewhere | +0.00 (said, not counted) |
//! | agrees with other figures in its cluster, no conflict | +0.05 |
//! | in a conflict / a possible conflict | −0.15 / −0.08 |
//! | superseded by a later, larger count | −0.05 |
//! | single source | −0.05 |
//!
//! # Source weights (the ledger)
//!
//! [`ledger::ledger`] scores each source of the batch the same way: its
//! prior, then one line per rule that applies, each weight multiplied by the
//! share of the source's figures the rule applies to (a figure stated twice
//! in one article counts once), so a source is judged on its record in the
//! batch, not on how often it is quoted. Every line of
//! [`ledger::SourceScore`] starts with its weight, names its arithmetic
//! ("+0.15 × 4/18"), and the lines add up to the score (clamped to
//! 0.02..0.98). How a figure was relayed or whether its attribution was
//! carried from an earlier sentence are reporting matters, weighed on the
//! claim, not on its source.
//!
//! | rule | weight |
//! |---|---|
//! | `base`: prior of the source in the registry (user `[[sources]]` entries override it), or of its kind ([`SourceKind::default_prior`]) when unknown; a joint source the mean of its members; unnamed sources the anonymous prior | prior |
//! | `corroborated`: its figures that agree with a figure from an independent origin | +0.15 × share |
//! | `echoed`: its figures repeated in other articles only by the same origin | +0.00 (said, not counted) |
//! | `conflict`: its figures in a conflict (CC001), naming the rival sources | −0.30 × share |
//! | `possible-conflict`: its figures in a possible conflict only (CC002) | −0.15 × share |
//! | `hedged`: its figures given as estimates, beliefs, reports, plans or possibilities | −0.05 × share |
//! | `single-source`: its figures that no other article gives | −0.05 × share |
//! | `interested-party`: its figures about a topic it has a stake in (registry); for a source named without figures, the sentences that name it | −prior × (1 − 2/3) × share |
//! | `no-figures`: a source listed only as a relay, in a credit line, or named without a figure | +0.00 (said, not counted) |
//!
//! [`SourceKind::default_prior`]: crosscheck_claims::registry::SourceKind::default_prior

mod candidates;
pub mod credibility;
pub mod interval;
pub mod judge;
pub mod ledger;
pub mod origin;
pub mod when;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;

use crosscheck_claims::counted::Category;
use crosscheck_claims::registry::{SourceKind, SourceRegistry};
use crosscheck_cluster::workload::costliest_first;
use crosscheck_cluster::{Cluster, Item, cmp_ids};
use serde::{Deserialize, Serialize};

pub use credibility::{Credibility, Evidence};
pub use interval::{Interval, Tolerances};

use candidates::Candidates;
use interval::{fmt_nominal, interval, nominal};
use judge::{Agreement, Edge, Fig, Judgement, Node, SumMatch, judge};
use origin::{Origin, short_source};
use when::{When, when};

/// Small iterator helpers (the crate depends only on claims, cluster and serde).
pub(crate) trait IterExt: Iterator + Sized {
    /// The distinct items, in first-seen order.
    fn unique(self) -> std::vec::IntoIter<Self::Item>
    where
        Self::Item: Eq + std::hash::Hash + Clone,
    {
        // A scan of the few kept so far; a set once they are many.
        const SCAN: usize = 16;
        let mut v: Vec<Self::Item> = Vec::new();
        let mut seen: HashSet<Self::Item> = HashSet::new();
        for x in self {
            if v.len() < SCAN {
                if !v.contains(&x) {
                    v.push(x);
                    if v.len() == SCAN {
                        seen.extend(v.iter().cloned());
                    }
                }
            } else if seen.insert(x.clone()) {
                v.push(x);
            }
        }
        v.into_iter()
    }

    /// The items displayed and joined with `sep`.
    fn join(self, sep: &str) -> String
    where
        Self::Item: std::fmt::Display,
    {
        let mut out = String::new();
        for (i, x) in self.enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(&x.to_string());
        }
        out
    }
}

impl<I: Iterator> IterExt for I {}

/// What a finding says about its claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Figures that cannot both be right (CC001, CC002).
    Conflict,
    /// A figure revised over time (CC003).
    Revision,
    /// Figures from independent origins agree (CC004).
    Corroborated,
    /// Only one source gives the figure (CC005).
    SingleSource,
    /// A figure without a source (CC006).
    Unattributed,
    /// Figures agree but rest on one origin (CC007, CC010).
    Consistent,
    /// A part checked against its whole (CC008).
    Subset,
    /// Parts that add up to a whole (CC009).
    SumOfParts,
}

impl FindingKind {
    /// The kebab-case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Revision => "revision",
            FindingKind::Corroborated => "corroborated",
            FindingKind::SingleSource => "single-source",
            FindingKind::Unattributed => "unattributed",
            FindingKind::Consistent => "consistent",
            FindingKind::Subset => "subset",
            FindingKind::SumOfParts => "sum-of-parts",
        }
    }

    fn rank(self) -> u8 {
        match self {
            FindingKind::Conflict => 0,
            FindingKind::Revision => 1,
            FindingKind::SumOfParts => 2,
            FindingKind::Subset => 3,
            FindingKind::Corroborated => 4,
            FindingKind::Consistent => 5,
            FindingKind::SingleSource => 6,
            FindingKind::Unattributed => 7,
        }
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Needs a fix before publication.
    Error,
    /// Needs a look.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// "error", "warning" or "info".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One rule of the table in the crate docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// "CC001".
    pub code: &'static str,
    /// "conflicting-figure".
    pub name: &'static str,
    /// The kind of its findings.
    pub kind: FindingKind,
    /// Default severity.
    pub severity: Severity,
    /// One line for editors.
    pub summary: &'static str,
}

/// Every rule, in code order.
pub const RULES: &[Rule] = &[
    Rule {
        code: "CC001",
        name: "conflicting-figure",
        kind: FindingKind::Conflict,
        severity: Severity::Error,
        summary: "two figures for the same thing at the same time cannot both be right",
    },
    Rule {
        code: "CC002",
        name: "possible-conflict",
        kind: FindingKind::Conflict,
        severity: Severity::Warning,
        summary: "figures disagree, but they may not count the same thing over the same time",
    },
    Rule {
        code: "CC003",
        name: "revised-figure",
        kind: FindingKind::Revision,
        severity: Severity::Info,
        summary: "a count changed over time: a revision, not a conflict",
    },
    Rule {
        code: "CC004",
        name: "corroborated-figure",
        kind: FindingKind::Corroborated,
        severity: Severity::Info,
        summary: "independent origins agree",
    },
    Rule {
        code: "CC005",
        name: "single-source-figure",
        kind: FindingKind::SingleSource,
        severity: Severity::Info,
        summary: "only one source gives this figure",
    },
    Rule {
        code: "CC006",
        name: "unattributed-figure",
        kind: FindingKind::Unattributed,
        severity: Severity::Warning,
        summary: "a figure without a source",
    },
    Rule {
        code: "CC007",
        name: "single-origin-echo",
        kind: FindingKind::Consistent,
        severity: Severity::Info,
        summary: "articles agree, but all repeat one origin",
    },
    Rule {
        code: "CC008",
        name: "subset-of-total",
        kind: FindingKind::Subset,
        severity: Severity::Info,
        summary: "a part of a total, not a rival count",
    },
    Rule {
        code: "CC009",
        name: "sum-of-parts",
        kind: FindingKind::SumOfParts,
        severity: Severity::Info,
        summary: "parts add up to the whole",
    },
    Rule {
        code: "CC010",
        name: "few-independent-origins",
        kind: FindingKind::Consistent,
        severity: Severity::Info,
        summary: "most of the batch rests on one origin",
    },
];

/// The rule with a code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// One diagnostic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What it says.
    pub kind: FindingKind,
    /// Rule code ("CC001"; table in the crate docs).
    pub code: &'static str,
    /// Rule name ("conflicting-figure").
    pub name: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// Index of the cluster it is about, if any.
    pub cluster: Option<usize>,
    /// Item indices: the first is the primary claim. A conflict's others
    /// are the claims it was judged against; a fall (CC003 warning) lists
    /// every later figure first, then the earlier ones, and a sum of parts
    /// (CC009) every whole, then the parts.
    pub claims: Vec<usize>,
    /// One sentence that cites the figures, their sources and documents.
    pub message: String,
    /// A short label per claim ("NIS: about 5,000").
    pub labels: Vec<(usize, String)>,
    /// What to check, when there is something to check.
    pub help: Option<String>,
    /// How sure the scorer is, 0..1.
    pub confidence: f64,
}

/// A cluster's overall reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// At least one CC001 conflict.
    Conflict,
    /// Possible conflicts (CC002) or a running total that went down, no CC001.
    Mixed,
    /// Figures from two or more independent origins agree.
    Corroborated,
    /// Figures changed over time, one origin.
    Revised,
    /// Figures of several documents agree, one origin (or none).
    Consistent,
    /// No figure is matched by another document's: one document, or
    /// figures that count different things or times.
    SingleSource,
}

impl Verdict {
    /// The kebab-case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Mixed => "mixed",
            Verdict::Corroborated => "corroborated",
            Verdict::Revised => "revised",
            Verdict::Consistent => "consistent",
            Verdict::SingleSource => "single-source",
        }
    }
}

/// One origin the batch rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginTally {
    /// Independence key ("KR government", "joint:…").
    pub key: String,
    /// For editors ("Government of South Korea").
    pub label: String,
    /// The sources seen for it ("NIS", "KR government").
    pub sources: Vec<String>,
    /// Item indices of its claims.
    pub claims: Vec<usize>,
    /// How many documents cite it.
    pub documents: usize,
}

/// Everything the scorer says about a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Findings, in cluster order, then by kind (conflicts first), then by claim.
    pub findings: Vec<Finding>,
    /// One per item.
    pub credibility: Vec<Credibility>,
    /// One per cluster.
    pub verdicts: Vec<Verdict>,
    /// Independent origins per cluster.
    pub origins: Vec<usize>,
    /// The origins the batch rests on, most claims first.
    pub origin_tally: Vec<OriginTally>,
    /// One per item: what the rest of the batch says about it (agreement,
    /// independent corroboration, conflicts), as used for its credibility
    /// and by the [`ledger`].
    pub evidence: Vec<Evidence>,
}

/// The assessment of cluster `ci`: its findings, verdict, number of
/// independent origins and its members' evidence. `conflicts` are its
/// conflict findings and outliers when still valid (`None`: worked out
/// again, the parts-and-wholes check having added edges); `subset` the
/// parts it adds to a whole and the wholes compared.
#[allow(clippy::too_many_arguments)]
fn assess_cluster(
    ctx: &Ctx<'_, '_>,
    clusters: &[Cluster],
    ci: usize,
    j: &Judgement,
    figs: &[Fig],
    kept_conflicts: Option<(Vec<Finding>, BTreeSet<usize>)>,
    subset: Option<&(Vec<usize>, Vec<usize>)>,
) -> ClusterOutcome {
    let items = ctx.items;
    let origins = ctx.origins;
    let c = &clusters[ci];
    let mut findings: Vec<Finding> = Vec::new();
    // Per item: figures agreeing, labels of the other origins among
    // them, echoes of its own origin in other documents.
    let mut tally: FxHashMap<usize, (usize, Vec<&str>, usize)> = FxHashMap::default();
    let effective: Vec<usize> = c.effective().filter(|&m| m < items.len()).collect();
    let conf_of: BTreeMap<usize, f64> = figs.iter().map(|f| (f.item, f.conf)).collect();
    let label = c.label.as_str();

    // Conflicts.
    let (cluster_conflicts, outliers) = kept_conflicts
        .unwrap_or_else(|| conflict_findings(ctx, ci, label, &j.edges, &j.agree, figs));
    let mut in_conflict: FxHashMap<usize, Severity> = FxHashMap::default();
    for e in &j.edges {
        for &i in e.b.members().iter().chain([&e.a]) {
            let s = in_conflict.entry(i).or_insert(e.severity);
            *s = (*s).min(e.severity);
        }
    }
    let has_error = j.edges.iter().any(|e| e.severity == Severity::Error);
    let has_warning = j.edges.iter().any(|e| e.severity == Severity::Warning)
        || j.revisions.iter().any(|r| r.down);
    findings.extend(cluster_conflicts);

    // Origins among the figures not in conflict; corroboration needs agreement across origins.
    let calm: Vec<usize> = effective
        .iter()
        .copied()
        .filter(|i| !in_conflict.contains_key(i))
        .collect();
    let keys: BTreeSet<&str> = calm.iter().filter_map(|&i| ctx.origin_key(i)).collect();
    // One pass over the agreeing figures, not in conflict:
    // - an origin corroborates when one of its figures agrees with a figure
    //   of another origin;
    // - a figure can be said to agree when it agrees with one of another
    //   article. Figures of one cluster may never be compared (a plan and a
    //   count of arrivals).
    let mut corroborating: BTreeSet<&str> = BTreeSet::new();
    let mut agreeing: Vec<usize> = Vec::new();
    for (mine, partners, _) in j.agree.sides() {
        let calm = |i: &usize| !in_conflict.contains_key(i);
        let calm_origin = |i: &usize| ctx.origin_ids[*i].filter(|_| calm(i));
        // Up to two distinct origins, and documents, among the partners
        // are enough.
        let theirs = two_distinct(partners.iter().filter_map(calm_origin));
        let their_docs = two_distinct(partners.iter().filter(|p| calm(p)).map(|&p| items[p].doc));
        for a in mine.iter().filter(|a| calm(a)) {
            if calm_origin(a).is_some_and(|x| theirs.iter().any(|&y| y != x)) {
                corroborating.extend(ctx.origin_key(*a));
            }
            if their_docs.iter().any(|&d| d != items[*a].doc) {
                agreeing.push(*a);
            }
        }
    }
    agreeing.sort_unstable();
    agreeing.dedup();
    let docs: BTreeSet<&str> = effective.iter().map(|&i| items[i].doc).collect();
    let origin_count = keys.len();

    findings.extend(revision_findings(ctx, ci, label, j, &outliers));
    findings.extend(sum_findings(ctx, ci, label, &j.sums, figs));

    if let Some((parts, wholes)) = subset {
        let exceeded = j.edges.iter().any(|e| e.tier == 4 && parts.contains(&e.a));
        if !exceeded && !parts.is_empty() {
            let whole_label = c
                .part_of
                .and_then(|w| clusters.get(w))
                .map_or("the total", |w| w.label.as_str());
            let message = format!(
                "{label}: {} is a part of the {whole_label} ({}): a subset, not a rival count.",
                cite_list(parts, |&p| ctx.cite_time(p)),
                capped(wholes, "; ", |&w| ctx.cite_time(w)),
            );
            let mut claims = parts.clone();
            claims.extend(wholes);
            findings.push(finding(
                ctx,
                ("CC008", Severity::Info),
                Some(ci),
                claims,
                message,
                None,
                0.7,
            ));
        }
    }

    let n_docs = docs.len();
    let duration = effective.first().is_some_and(|&i| is_duration(&items[i]));
    if corroborating.len() >= 2 {
        let mut claims: Vec<usize> = calm
            .iter()
            .copied()
            .filter(|&i| ctx.origin_key(i).is_some_and(|k| corroborating.contains(k)))
            .collect();
        // Sets of two or more figures that agree: a figure that agrees with
        // none of the others (an increment among totals, an earlier value)
        // joins no set and is not said to agree.
        let sets: Vec<Vec<usize>> = {
            claims.sort_unstable();
            agreeing_sets(items, &j.agree, &claims)
                .into_iter()
                .filter(|set| set.len() > 1)
                .collect()
        };
        claims = sets.concat();
        by_id(items, &mut claims);
        let corroborated_desc = describe_origins(ctx, &claims);
        let n_docs = docs_of(items, &claims);
        let message = if sets.len() > 1 {
            format!(
                "{label}: {} figures from {} independent origins agree in {} sets, which differ in what or when they count and were not compared with one another: {}.",
                sets.iter().map(Vec::len).sum::<usize>(),
                corroborating.len(),
                sets.len(),
                describe_sets(ctx, &sets)
            )
        } else {
            format!(
                "{label}: {} figures in {} article{} agree, from {} independent origins: {}.",
                claims.len(),
                n_docs,
                if n_docs == 1 { "" } else { "s" },
                corroborating.len(),
                join_and(&corroborated_desc)
            )
        };
        let mean_conf = if claims.is_empty() {
            1.0
        } else {
            claims
                .iter()
                .map(|i| conf_of.get(i).copied().unwrap_or(1.0))
                .sum::<f64>()
                / claims.len() as f64
        };
        findings.push(finding(
            ctx,
            ("CC004", Severity::Info),
            Some(ci),
            claims,
            message,
            None,
            (0.6 + 0.1 * corroborating.len() as f64).min(0.95) * mean_conf,
        ));
    } else if !agreeing.is_empty() && j.revisions.is_empty() && !has_error && !duration {
        let mut claims = agreeing.clone();
        by_id(items, &mut claims);
        let keys: BTreeSet<&str> = claims.iter().filter_map(|&i| ctx.origin_key(i)).collect();
        let described = describe_origins(ctx, &claims);
        let n_docs = docs_of(items, &claims);
        let unnamed = claims
            .iter()
            .filter(|&&i| ctx.origin_key(i).is_none())
            .count();
        let help = if keys.len() == 1 {
            "Agreement here is repetition of one origin: look for an independent source before calling the figure confirmed."
        } else if keys.is_empty() {
            "None of these figures names its source: find where they come from before calling the figure confirmed."
        } else {
            "These origins do not confirm one another's figures: check each against an independent source before calling the figure confirmed."
        };
        let sets = agreeing_sets(items, &j.agree, &agreeing);
        let message = if sets.len() > 1 {
            format!(
                "{label}: {} figures in {n_docs} articles agree in {} sets, which differ in what or when they count and were not compared with one another: {}; no set is confirmed by independent origins.",
                claims.len(),
                sets.len(),
                describe_sets(ctx, &sets)
            )
        } else if keys.len() == 1 && unnamed > 0 {
            format!(
                "{label}: {} figures in {n_docs} articles agree, but only one origin is named, {}; {unnamed} figure{} come{} from no named source: 1 origin — consistent, not independently corroborated.",
                claims.len(),
                join_and(&described),
                if unnamed == 1 { "" } else { "s" },
                if unnamed == 1 { "s" } else { "" },
            )
        } else if keys.len() == 1 {
            format!(
                "{label}: {} figures in {n_docs} articles agree, but all trace back to one origin, {}: {n_docs} articles, 1 origin — consistent, not independently corroborated.",
                claims.len(),
                join_and(&described)
            )
        } else if keys.is_empty() {
            format!(
                "{label}: {} figures in {n_docs} articles agree, but none names a source that counts as an origin: consistent, not corroborated.",
                claims.len()
            )
        } else {
            format!(
                "{label}: {} figures in {n_docs} articles agree, from {} origins that do not confirm one another's figures ({}).",
                claims.len(),
                keys.len(),
                join_and(&described)
            )
        };
        findings.push(finding(
            ctx,
            ("CC007", Severity::Info),
            Some(ci),
            claims,
            message,
            Some(help),
            0.8,
        ));
    } else if n_docs == 1 && keys.len() <= 1 && !duration && !calm.is_empty() {
        let doc = docs.iter().next().copied().unwrap_or("");
        let message = format!(
            "{label}: only doc {doc} gives this figure ({}): single source, not corroborated.",
            calm.iter().map(|&i| ctx.cite_time(i)).join("; ")
        );
        findings.push(finding(
            ctx,
            ("CC005", Severity::Info),
            Some(ci),
            calm.clone(),
            message,
            Some("Seek a second, independent source before relying on it."),
            0.9,
        ));
    } else if docs_of(items, &calm) >= 2
        && agreeing.is_empty()
        && !has_warning
        && j.revisions.is_empty()
        && j.sums.is_empty()
        && subset.is_none()
        && !duration
    {
        // Figures of several articles, none in conflict and none agreeing:
        // they count different things or different times (a plan and the
        // arrivals, a cut and a total), so none confirms another.
        let message = format!(
            "{label}: {} figures in {} articles, none matched by another article's ({}): they differ in what or when they count, so none corroborates another.",
            calm.len(),
            docs_of(items, &calm),
            capped(&calm, "; ", |&i| ctx.cite_time(i)),
        );
        findings.push(finding(
            ctx,
            ("CC005", Severity::Info),
            Some(ci),
            calm.clone(),
            message,
            Some("Read the figures side by side: if they do count the same thing, they conflict; if not, each needs a second, independent source."),
            0.6,
        ));
    }

    let verdict = if has_error {
        Verdict::Conflict
    } else if has_warning {
        Verdict::Mixed
    } else if corroborating.len() >= 2 {
        Verdict::Corroborated
    } else if j.revisions.iter().any(|r| !r.down) {
        Verdict::Revised
    } else if !agreeing.is_empty() {
        Verdict::Consistent
    } else {
        Verdict::SingleSource
    };

    // Evidence for credibility.
    let superseded: BTreeSet<usize> = j
        .revisions
        .iter()
        .filter(|r| !r.down)
        .flat_map(|r| r.earlier.iter().copied())
        .collect();
    // One pass over the agreeing figures. Per group of partners: their origins (id, label, count)
    // and their count per (origin, document), so that each item of a
    // large group is tallied without visiting every partner.
    for (mine, partners, clique) in j.agree.sides() {
        let mut by_origin: Vec<(usize, &str, usize)> = Vec::new();
        let mut by_origin_doc: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for &p in partners {
            let (Some(o), Some(id)) = (&origins[p], ctx.origin_ids[p]) else {
                continue;
            };
            match by_origin.iter_mut().find(|(k, _, _)| *k == id) {
                Some(e) => e.2 += 1,
                None => by_origin.push((id, o.label.as_str(), 1)),
            }
            *by_origin_doc.entry((id, ctx.doc_ids[p])).or_default() += 1;
        }
        for &i in mine {
            let t = tally.entry(i).or_default();
            t.0 += partners.len() - usize::from(clique);
            // Another origin (or any, when the figure has none), or an
            // echo of its own origin in another document.
            let own = ctx.origin_ids[i];
            for &(id, label, count) in &by_origin {
                if own != Some(id) {
                    if !t.1.contains(&label) {
                        t.1.push(label);
                    }
                } else {
                    let same_doc = by_origin_doc
                        .get(&(id, ctx.doc_ids[i]))
                        .copied()
                        .unwrap_or(0);
                    t.2 += count - same_doc;
                }
            }
        }
    }
    let mut cluster_evidence: Vec<(usize, Evidence)> = Vec::with_capacity(effective.len());
    for &i in &effective {
        let (agreeing, mut labels, echoes) = tally.remove(&i).unwrap_or_default();
        labels.sort_unstable();
        cluster_evidence.push((
            i,
            Evidence {
                conflict: in_conflict.get(&i).copied(),
                agreeing,
                corroborating: labels
                    .into_iter()
                    .map(|l| ctx.labels.get(l).map_or_else(|| Arc::from(l), Arc::clone))
                    .collect(),
                echoes,
                superseded: superseded.contains(&i),
                single_source: n_docs == 1 && keys.len() <= 1 && !duration,
            },
        ));
    }
    ClusterOutcome {
        findings,
        verdict,
        origin_count,
        evidence: cluster_evidence,
    }
}

/// What the assessment of one cluster adds.
struct ClusterOutcome {
    findings: Vec<Finding>,
    verdict: Verdict,
    origin_count: usize,
    /// (item, evidence) for the cluster's effective members.
    evidence: Vec<(usize, Evidence)>,
}

/// Shared context for messages.
struct Ctx<'a, 'i> {
    items: &'a [Item<'i>],
    origins: &'a [Option<Origin>],
    /// Short source name per item, computed once.
    sources: Vec<String>,
    /// Per item, a number for its origin (equal numbers, equal origin keys).
    origin_ids: Vec<Option<usize>>,
    /// Per item, a number for its document.
    doc_ids: Vec<usize>,
    /// Each origin label, once: shared by the evidence of every figure it
    /// corroborates (a big cluster's figures each list dozens).
    labels: FxHashMap<&'a str, Arc<str>>,
}

impl Ctx<'_, '_> {
    fn source(&self, i: usize) -> String {
        self.sources.get(i).cloned().unwrap_or_default()
    }

    /// "roughly 15,000 (NIS, doc 000)".
    fn cite(&self, i: usize) -> String {
        let it = &self.items[i];
        format!("{} ({}, doc {})", it.claim.text, self.source(i), it.doc)
    }

    /// "approximately 10,000-12,000 last fall (South Korea/United States/Ukraine, doc 001)".
    fn cite_time(&self, i: usize) -> String {
        let it = &self.items[i];
        match &it.claim.time {
            // "up from 24,000", "an earlier toll of 12": the phrase leads.
            Some(t) if t.expr == crosscheck_claims::time::TimeExpr::Earlier => format!(
                "{} {} ({}, doc {})",
                sentence_case_off(&t.as_written),
                it.claim.text,
                self.source(i),
                it.doc
            ),
            // "182 in Sunday's election", not "182 in Sunday".
            Some(t) => format!(
                "{} {} ({}, doc {})",
                it.claim.text,
                sentence_case_off(
                    &crate::when::event_scope(it.claim, &t.as_written)
                        .unwrap_or_else(|| t.as_written.clone())
                ),
                self.source(i),
                it.doc
            ),
            None => self.cite(i),
        }
    }

    /// "1,000 sappers", "5,000 military construction workers".
    fn phrase(&self, i: usize) -> String {
        let c = self.items[i].claim;
        match &c.counted {
            Some(k) if !k.elided && !k.as_written.is_empty() => {
                let words: Vec<&str> = k
                    .as_written
                    .split_whitespace()
                    .filter(|w| !w.starts_with(|ch: char| ch.is_uppercase()))
                    .collect();
                if words.is_empty() {
                    c.text.clone()
                } else {
                    format!("{} {}", c.text, words.join(" "))
                }
            }
            _ => c.text.clone(),
        }
    }

    fn label(&self, i: usize) -> (usize, String) {
        (
            i,
            format!("{}: {}", self.source(i), self.items[i].claim.text),
        )
    }

    fn labels(&self, claims: &[usize]) -> Vec<(usize, String)> {
        claims.iter().map(|&i| self.label(i)).collect()
    }

    fn doc_list(&self, claims: &[usize]) -> String {
        claims
            .iter()
            .map(|&i| self.items[i].doc)
            .unique()
            .join(", ")
    }

    fn origin_key(&self, i: usize) -> Option<&str> {
        self.origins[i].as_ref().map(|o| o.key.as_str())
    }
}

/// "In November 2024" → "in November 2024" (a scope quoted mid-sentence);
/// names stay capitalized.
fn sentence_case_off(s: &str) -> String {
    const SMALL: &[&str] = &[
        "in",
        "since",
        "last",
        "by",
        "as",
        "earlier",
        "later",
        "currently",
        "now",
        "so",
        "to",
        "until",
        "this",
        "after",
        "before",
        "over",
        "during",
        "from",
        "at",
        "on",
        "the",
        "for",
    ];
    let first = s.split_whitespace().next().unwrap_or("");
    if SMALL.contains(&first.to_lowercase().as_str()) {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        s.to_string()
    }
}

/// The most figures a message cites in a list; the rest are counted
/// ("and 14 more") and all are in the finding's claims.
const MAX_CITED: usize = 8;

/// "a, b and c"; past [`MAX_CITED`], "a, b, …, h and 14 more". Only the
/// items shown are cited.
fn cite_list<T>(items: &[T], cite: impl Fn(&T) -> String) -> String {
    if items.len() <= MAX_CITED {
        return join_and(&items.iter().map(cite).collect::<Vec<_>>());
    }
    format!(
        "{} and {} more",
        items[..MAX_CITED]
            .iter()
            .map(cite)
            .collect::<Vec<_>>()
            .join(", "),
        items.len() - MAX_CITED
    )
}

/// `items` cited and joined by `sep`; past [`MAX_CITED`], "…{sep}and 14
/// more". Only the items shown are cited.
fn capped<T>(items: &[T], sep: &str, cite: impl Fn(&T) -> String) -> String {
    let shown = items.len().min(MAX_CITED);
    let joined = items[..shown]
        .iter()
        .map(cite)
        .collect::<Vec<_>>()
        .join(sep);
    if items.len() <= MAX_CITED {
        return joined;
    }
    format!("{joined}{sep}and {} more", items.len() - MAX_CITED)
}

fn join_and(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn by_id(items: &[Item<'_>], v: &mut [usize]) {
    v.sort_by(|&a, &b| cmp_ids(items[a].id, items[b].id));
}

fn finding(
    ctx: &Ctx<'_, '_>,
    (code, severity): (&'static str, Severity),
    cluster: Option<usize>,
    claims: Vec<usize>,
    message: String,
    help: Option<&str>,
    confidence: f64,
) -> Finding {
    let r = rule(code).unwrap_or(&RULES[0]);
    Finding {
        kind: r.kind,
        code: r.code,
        name: r.name,
        severity,
        cluster,
        labels: ctx.labels(&claims),
        claims,
        message,
        help: help.map(str::to_string),
        confidence: (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
    }
}

/// The figures of a cluster as the judge sees them, repeats removed, in
/// member order. `docs[doc_ids[m]]` is item `m`'s document id, shared by
/// the figures of that document; the cluster's figures with the same roles
/// share one scope.
fn figs(
    items: &[Item<'_>],
    c: &Cluster,
    tol: &Tolerances,
    docs: &[Arc<str>],
    doc_ids: &[usize],
) -> Vec<Fig> {
    let mut scopes: Vec<Arc<BTreeSet<String>>> = Vec::new();
    let mut scope_of = |roles: &[String]| -> Arc<BTreeSet<String>> {
        let set: BTreeSet<String> = roles.iter().cloned().collect();
        match scopes.iter().find(|s| ***s == set) {
            Some(s) => Arc::clone(s),
            None => {
                let s = Arc::new(set);
                scopes.push(Arc::clone(&s));
                s
            }
        }
    };
    // The cluster key's action class: "count/people/displace/-".
    let cluster_toll = matches!(
        c.key.split('/').nth(2),
        Some("casualty" | "wound" | "displace" | "arrest" | "destroy" | "damage" | "burn")
    );
    c.members
        .iter()
        .enumerate()
        .filter(|&(_, &m)| m < items.len() && !c.is_repeat(m))
        .filter_map(|(k, &m)| {
            let it = &items[m];
            let claim = it.claim;
            let iv = interval(claim, tol)?;
            let ms = c.membership.get(k);
            // A figure the clusterer placed with a toll's action ("7,000
            // people remain under evacuation orders" among the displaced)
            // is counted as that toll is.
            let toll = crate::when::is_toll(claim)
                || (cluster_toll
                    && !matches!(
                        claim.kind,
                        crosscheck_claims::quantity::Kind::Money
                            | crosscheck_claims::quantity::Kind::Percent
                    ));
            Some(Fig {
                item: m,
                doc: doc_ids
                    .get(m)
                    .and_then(|&d| docs.get(d))
                    .map_or_else(|| Arc::from(it.doc), Arc::clone),
                start: claim.span.start,
                iv,
                nominal: nominal(claim).unwrap_or((iv.lo, Some(iv.hi))),
                vague: claim.kind == crosscheck_claims::quantity::Kind::Vague,
                class: crosscheck_cluster::modality_class(claim.modality),
                when: when(claim, it.published),
                published: it.published,
                scope: scope_of(ms.map_or(&[][..], |m| m.scope.as_slice())),
                conf: ms.map_or(1.0, |m| m.confidence),
                additional: claim.additional,
                toll_source: claim
                    .attribution
                    .as_ref()
                    .filter(|a| toll && a.kind != SourceKind::Anonymous)
                    .map(|a| Arc::from(a.source.as_str())),
                toll,
                flow: claim
                    .counted
                    .as_ref()
                    .is_some_and(|c| c.modifiers.iter().any(|m| m.split(' ').any(|w| w == "new"))),
            })
        })
        .collect()
}

/// The reasons of a finding's conflicts, each once, joined by "; ";
/// tolls counted different numbers of days apart (`Edge::counted_apart`)
/// are said once ("same thing, counted 1 to 3 days apart").
fn joined_whys<'a>(whys: impl Iterator<Item = (&'a str, Option<u64>)>) -> String {
    let mut days: Vec<u64> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    for (why, apart) in whys {
        match apart {
            Some(d) => days.push(d),
            None if !rest.contains(&why) => rest.push(why),
            None => {}
        }
    }
    let counted = match (days.iter().min(), days.iter().max()) {
        (Some(1), Some(1)) => Some("same thing, counted a day apart".to_string()),
        (Some(lo), Some(hi)) if lo == hi => Some(format!("same thing, counted {lo} days apart")),
        (Some(lo), Some(hi)) => Some(format!("same thing, counted {lo} to {hi} days apart")),
        _ => None,
    };
    counted.iter().map(String::as_str).chain(rest).join("; ")
}

/// "10,000-12,000 + an additional 3,000-4,000 (South Korea/United States/Ukraine, doc 001) = 13,000-16,000".
/// Each figure's nominal value (low, high or unbounded), by item.
type Nominals = HashMap<usize, (f64, Option<f64>)>;

fn nominals(figs: &[Fig]) -> Nominals {
    figs.iter().map(|f| (f.item, f.nominal)).collect()
}

fn describe_sum(ctx: &Ctx<'_, '_>, parts: &[usize], nominals: &Nominals) -> String {
    let mut lo = 0.0;
    let mut hi = Some(0.0);
    for &p in parts {
        if let Some(&(l, h)) = nominals.get(&p) {
            lo += l;
            hi = match (hi, h) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
        }
    }
    format!(
        "{} ({}, doc {}) = {}",
        parts
            .iter()
            .map(|&p| ctx.items[p].claim.text.clone())
            .join(" + "),
        parts.first().map_or(String::new(), |&p| ctx.source(p)),
        ctx.doc_list(parts),
        fmt_nominal(lo, hi)
    )
}

/// Picks outliers one at a time (see the crate docs) and writes one finding
/// each. Returns the findings and the outliers' items.
fn conflict_findings(
    ctx: &Ctx<'_, '_>,
    ci: usize,
    label: &str,
    edges: &[Edge],
    agree: &Agreement,
    figs: &[Fig],
) -> (Vec<Finding>, BTreeSet<usize>) {
    let items = ctx.items;
    let nominals = nominals(figs);
    let confidence: BTreeMap<usize, f64> = figs.iter().map(|f| (f.item, f.conf)).collect();
    let conf_of = |i: usize| confidence.get(&i).copied().unwrap_or(1.0);
    let agreement_count = agree.counts();
    let agreements = |i: usize| agreement_count.get(&i).copied().unwrap_or(0);
    let first = |n: &Node| n.members().first().copied().unwrap_or(0);
    // Sides (a figure, or a sum of parts counting as one side), their
    // degrees and incident edges, kept up to date as edges are removed.
    let mut node_id: FxHashMap<Node, usize> = FxHashMap::default();
    let mut nodes: Vec<Node> = Vec::new();
    let mut id_of = |n: &Node, nodes: &mut Vec<Node>| -> usize {
        if let Some(&id) = node_id.get(n) {
            return id;
        }
        nodes.push(n.clone());
        node_id.insert(n.clone(), nodes.len() - 1);
        nodes.len() - 1
    };
    let ends: Vec<(usize, usize)> = edges
        .iter()
        .map(|e| (id_of(&Node::One(e.a), &mut nodes), id_of(&e.b, &mut nodes)))
        .collect();
    let mut degree = vec![0usize; nodes.len()];
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut nodes_with: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, &(x, y)) in ends.iter().enumerate() {
        degree[x] += 1;
        degree[y] += 1;
        incident[x].push(k);
        incident[y].push(k);
    }
    for (n, node) in nodes.iter().enumerate() {
        for &i in node.members() {
            nodes_with.entry(i).or_default().push(n);
        }
    }
    // The next outlier is the node of highest (degree, rank): the rank
    // orders the ties (a single figure before a sum, fewer agreements, lower
    // confidence, smaller id, later node), fixed while degrees change.
    let mut by_rank: Vec<usize> = (0..nodes.len()).collect();
    by_rank.sort_by(|&x, &y| {
        let (nx, ny) = (&nodes[x], &nodes[y]);
        matches!(nx, Node::One(_))
            .cmp(&matches!(ny, Node::One(_)))
            .then_with(|| agreements(first(ny)).cmp(&agreements(first(nx))))
            .then_with(|| conf_of(first(ny)).total_cmp(&conf_of(first(nx))))
            .then_with(|| cmp_ids(items[first(ny)].id, items[first(nx)].id))
            .then(x.cmp(&y))
    });
    let mut rank = vec![0usize; nodes.len()];
    for (r, &n) in by_rank.iter().enumerate() {
        rank[n] = r;
    }
    let mut queue = Candidates::new(degree, rank);
    // A side as a message cites it.
    let cite_side = |side: &Node| match side {
        Node::One(i) => ctx.cite_time(*i),
        Node::Sum(parts) => describe_sum(ctx, parts, &nominals),
    };
    let mut alive = vec![true; edges.len()];
    let mut left = edges.len();
    let mut out = Vec::new();
    let mut outliers = BTreeSet::new();
    while left > 0 {
        let Some(primary) = queue.top().map(|n| nodes[n].clone()) else {
            break;
        };
        let p_items = primary.items();
        outliers.extend(p_items.iter().copied());
        // Every edge the outlier is on, also as a part of a sum: one finding per outlier.
        let mut mine: Vec<&Edge> = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        for p in &p_items {
            for &n in nodes_with.get(p).map_or(&[][..], Vec::as_slice) {
                for &k in &incident[n] {
                    if alive[k] {
                        alive[k] = false;
                        taken.push(k);
                        left -= 1;
                        queue.lower(ends[k].0);
                        queue.lower(ends[k].1);
                    }
                }
            }
        }
        taken.sort_unstable();
        mine.extend(taken.iter().map(|&k| &edges[k]));
        let best = mine
            .iter()
            .map(|e| (e.severity, e.tier))
            .min()
            .unwrap_or((Severity::Warning, 1));
        let (chosen, others): (Vec<&Edge>, Vec<&Edge>) =
            mine.iter().partition(|e| (e.severity, e.tier) == best);
        let other_of = |e: &Edge| -> Node {
            if p_items.contains(&e.a) {
                e.b.clone()
            } else {
                Node::One(e.a)
            }
        };
        let mut rivals: Vec<usize> = Vec::new();
        let mut is_rival: FxHashSet<usize> = FxHashSet::default();
        let mut sides: Vec<Node> = Vec::with_capacity(chosen.len());
        for e in &chosen {
            let node = other_of(e);
            for &i in node.members() {
                if !p_items.contains(&i) && is_rival.insert(i) {
                    rivals.push(i);
                }
            }
            sides.push(node);
        }
        let why = joined_whys(chosen.iter().map(|e| (e.why.as_ref(), e.counted_apart)));
        let key = |i: usize| ctx.origin_key(i);
        let same_origin = rivals
            .iter()
            .all(|&r| key(r).is_some() && key(r) == key(p_items[0]));
        let sources_note = if same_origin {
            "same origin, so at least one report is wrong"
        } else {
            "different sources"
        };
        let mut extra: Vec<usize> = others
            .iter()
            .flat_map(|e| other_of(e).items())
            .filter(|i| !is_rival.contains(i) && !p_items.contains(i))
            .unique()
            .collect();
        by_id(items, &mut extra);
        let also = if extra.is_empty() {
            String::new()
        } else {
            format!(
                " (also at odds with {})",
                cite_list(&extra, |&i| ctx.cite(i))
            )
        };
        let severity = best.0;
        let code = if severity == Severity::Error {
            "CC001"
        } else {
            "CC002"
        };
        let message = format!(
            "{label}: {} {} {}: {why}, {sources_note}{also}.",
            cite_side(&primary),
            if severity == Severity::Error {
                "conflicts with"
            } else {
                "may conflict with"
            },
            cite_list(&sides, cite_side),
        );
        let help = if severity == Severity::Error {
            "Check which figure is right: when each was counted and by whom; if both stand, attribute each and say they differ."
        } else {
            "Check whether these figures count the same thing over the same period before treating them as rivals."
        };
        let confidence = chosen.iter().map(|e| e.confidence).fold(1.0, f64::min);
        let mut claims = p_items.clone();
        claims.extend(rivals);
        out.push(finding(
            ctx,
            (code, severity),
            Some(ci),
            claims,
            message,
            Some(help),
            confidence,
        ));
    }
    (out, outliers)
}

/// One side of a revision: its figures that are not outliers (borrowed
/// when none is: a dense cluster has many revisions between large groups).
type Side<'r> = std::borrow::Cow<'r, [usize]>;

/// A revision of a cluster without its outliers: (earlier, later,
/// revision).
type Revised<'r> = (Side<'r>, Side<'r>, &'r judge::Revision);

/// The judgement's revisions without the outlier figures; a revision counts
/// while both its sides keep a figure (as a pair of figures counted while
/// neither is an outlier).
fn revised<'r>(j: &'r Judgement, outliers: &BTreeSet<usize>) -> Vec<Revised<'r>> {
    let clean = |side: &'r [usize]| -> Side<'r> {
        if side.iter().any(|i| outliers.contains(i)) {
            Side::Owned(
                side.iter()
                    .copied()
                    .filter(|i| !outliers.contains(i))
                    .collect(),
            )
        } else {
            Side::Borrowed(side)
        }
    };
    j.revisions
        .iter()
        .map(|r| (clean(&r.earlier), clean(&r.later), r))
        .filter(|(e, l, _)| !e.is_empty() && !l.is_empty())
        .collect()
}

/// Per later figure of the upward revisions, how many earlier figures it
/// revises (in item order, so that an order by id is the same on every
/// run).
fn growth_counts(ups: &[&Revised<'_>]) -> BTreeMap<usize, usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for (earlier, later, _) in ups {
        for &l in later.iter() {
            *counts.entry(l).or_default() += earlier.len();
        }
    }
    counts
}

/// The falling totals as (later figures, the earlier figures every one of
/// them fell from), one per set of earlier figures. Later figures are first
/// gathered by the revisions they are on (alike figures are on the same
/// ones), then by the earlier figures those name.
fn fall_groups(revisions: &[Revised<'_>]) -> Vec<(Vec<usize>, BTreeSet<usize>)> {
    let downs: Vec<&Revised<'_>> = revisions.iter().filter(|(_, _, r)| r.down).collect();
    let mut on: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, (_, later, _)) in downs.iter().enumerate() {
        for &l in later.iter() {
            on.entry(l).or_default().push(k);
        }
    }
    let mut by_revisions: BTreeMap<Vec<usize>, Vec<usize>> = BTreeMap::new();
    for (later, ks) in on {
        by_revisions.entry(ks).or_default().push(later);
    }
    let mut falls: BTreeMap<BTreeSet<usize>, Vec<usize>> = BTreeMap::new();
    for (ks, laters) in by_revisions {
        let earlier: BTreeSet<usize> = ks
            .iter()
            .flat_map(|&k| downs[k].0.iter().copied())
            .collect();
        falls.entry(earlier).or_default().extend(laters);
    }
    falls
        .into_iter()
        .map(|(earlier, laters)| (laters, earlier))
        .collect()
}

fn revision_findings(
    ctx: &Ctx<'_, '_>,
    ci: usize,
    label: &str,
    j: &Judgement,
    outliers: &BTreeSet<usize>,
) -> Vec<Finding> {
    let items = ctx.items;
    let mut out = Vec::new();
    let revisions = revised(j, outliers);
    let ups: Vec<&Revised<'_>> = revisions.iter().filter(|(_, _, r)| !r.down).collect();
    if !ups.is_empty() {
        let counts = growth_counts(&ups);
        let mut laters: Vec<usize> = counts.keys().copied().collect();
        by_id(items, &mut laters);
        let count = |i: usize| counts.get(&i).copied().unwrap_or(0);
        let primary = laters
            .iter()
            .copied()
            .max_by(|&a, &b| {
                items[a]
                    .published
                    .cmp(&items[b].published)
                    .then_with(|| count(a).cmp(&count(b)))
                    .then_with(|| cmp_ids(items[b].id, items[a].id))
            })
            .unwrap_or(laters[0]);
        let mut earlier: Vec<usize> = ups
            .iter()
            .filter(|(_, later, _)| later.contains(&primary))
            .flat_map(|(earlier, _, _)| earlier.iter().copied())
            .unique()
            .collect();
        by_id(items, &mut earlier);
        let mut other_laters: Vec<usize> = laters.into_iter().filter(|&l| l != primary).collect();
        by_id(items, &mut other_laters);
        let dated = ups.iter().any(|(_, _, r)| r.dated);
        let also = if other_laters.is_empty() {
            String::new()
        } else {
            format!(
                " (also {})",
                cite_list(&other_laters, |&i| ctx.cite_time(i))
            )
        };
        let message = format!(
            "{label}: the count grew from {} to {}{also}{}: a revision, not a conflict.",
            cite_list(&earlier, |&i| ctx.cite_time(i)),
            ctx.cite_time(primary),
            if dated {
                " between publication dates"
            } else {
                " between earlier and later time scopes"
            },
        );
        let mut claims = vec![primary];
        claims.extend(earlier);
        claims.extend(other_laters);
        out.push(finding(
            ctx,
            ("CC003", Severity::Info),
            Some(ci),
            claims,
            message,
            Some("Use the latest figure and say when it was counted."),
            if dated { 0.85 } else { 0.7 },
        ));
    }
    // Falls: one finding per set of earlier, larger counts, naming every
    // later figure that fell from all of them (figures the judge cannot
    // tell apart fall together, in one finding).
    let falls = fall_groups(&revisions);
    let mut falls: Vec<(Vec<usize>, Vec<usize>)> = falls
        .into_iter()
        .map(|(mut laters, earlier)| {
            let mut earlier: Vec<usize> = earlier.into_iter().collect();
            by_id(items, &mut earlier);
            by_id(items, &mut laters);
            (laters, earlier)
        })
        .collect();
    falls.sort_by_key(|(laters, _)| laters.iter().copied().min());
    for (laters, earlier) in falls {
        let message = format!(
            "{label}: the running total fell from {} to {}: a downward revision or an error.",
            cite_list(&earlier, |&i| ctx.cite_time(i)),
            cite_list(&laters, |&i| ctx.cite_time(i)),
        );
        let mut claims = laters;
        claims.extend(earlier);
        out.push(finding(ctx, ("CC003", Severity::Warning),
            Some(ci),
            claims,
            message,
            Some("A running total should not shrink: check whether the later figure corrects the earlier one or counts something else."),
            0.6,
        ));
    }
    out
}

fn sum_findings(
    ctx: &Ctx<'_, '_>,
    ci: usize,
    label: &str,
    sums: &[SumMatch],
    figs: &[Fig],
) -> Vec<Finding> {
    let nominals = nominals(figs);
    let nominal_of = |i: usize| nominals.get(&i).copied();
    let total_of = |parts: &[usize]| -> String {
        let mut lo = 0.0;
        let mut hi = Some(0.0);
        for &p in parts {
            if let Some((l, h)) = nominal_of(p) {
                lo += l;
                hi = match (hi, h) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
            }
        }
        fmt_nominal(lo, hi)
    };
    let mut out = Vec::new();
    for s in sums {
        let composite = !s.wholes.contains(&s.primary);
        let (message, claims) = if composite {
            let parts = s.parts.iter().map(|&p| ctx.phrase(p)).join(" + ");
            let message = format!(
                "{label}: {parts} ({}, doc {}) = {}, consistent with {}.",
                ctx.source(s.primary),
                ctx.items[s.primary].doc,
                total_of(&s.parts),
                cite_list(&s.wholes, |&w| ctx.cite_time(w))
            );
            let mut claims = s.parts.clone();
            claims.extend(&s.wholes);
            (message, claims)
        } else {
            let mut per_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &p in &s.parts {
                per_doc.entry(ctx.items[p].doc).or_default().push(p);
            }
            let sums: Vec<String> = per_doc
                .values()
                .map(|ps| {
                    let kinds: Vec<&str> = ps
                        .iter()
                        .map(|&p| crosscheck_cluster::modality_class(ctx.items[p].claim.modality))
                        .unique()
                        .collect();
                    let whole_class =
                        crosscheck_cluster::modality_class(ctx.items[s.primary].claim.modality);
                    let note = if kinds.iter().any(|k| *k != whole_class) {
                        format!(
                            "; {}s against a {whole_class}",
                            kinds.first().copied().unwrap_or("event")
                        )
                    } else {
                        String::new()
                    };
                    format!(
                        "{} = {} ({}, doc {}{note})",
                        ps.iter().map(|&p| ctx.phrase(p)).join(" + "),
                        total_of(ps),
                        ctx.source(ps[0]),
                        ctx.items[ps[0]].doc,
                    )
                })
                .collect();
            // Other wholes the same parts add up to (articles repeating the
            // figure) are named with it, in one finding.
            let others: Vec<usize> = s
                .wholes
                .iter()
                .copied()
                .filter(|&w| w != s.primary)
                .collect();
            let (also, verb) = if others.is_empty() {
                (String::new(), "matches the sum of its parts")
            } else {
                (
                    format!(", and {},", cite_list(&others, |&w| ctx.cite(w))),
                    "match the sum of their parts",
                )
            };
            let message = format!(
                "{label}: {} ({}, doc {}){also} {verb}: {}.",
                ctx.phrase(s.primary),
                ctx.source(s.primary),
                ctx.items[s.primary].doc,
                capped(&sums, "; ", String::clone)
            );
            let mut claims = vec![s.primary];
            claims.extend(s.wholes.iter().filter(|&&w| w != s.primary));
            claims.extend(&s.parts);
            (message, claims)
        };
        out.push(finding(
            ctx,
            ("CC009", Severity::Info),
            Some(ci),
            claims,
            message,
            None,
            if s.cross_modality { 0.6 } else { 0.75 },
        ));
    }
    out
}

/// Describes a cluster's origins: "Government of South Korea (NIS, KR government)".
/// `members` (ascending) split into sets that agree: two figures are in
/// one set when a chain of agreeing pairs among `members` joins them.
/// Each set is in id order, and the sets in order of their first ids
/// (whatever the order of the documents). Figures of one cluster may agree
/// in several sets that were never compared with one another (a plan and a
/// count), and a finding must not say they all agree.
fn agreeing_sets(items: &[Item<'_>], agree: &Agreement, members: &[usize]) -> Vec<Vec<usize>> {
    let at = |i: usize| members.binary_search(&i).ok();
    let mut parent: Vec<usize> = (0..members.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (mine, partners, _) in agree.sides() {
        // Every item of `mine` agrees with every partner: join them all to
        // the first one found among the members.
        let mut first: Option<usize> = None;
        for k in mine.iter().chain(partners).filter_map(|&i| at(i)) {
            match first {
                None => first = Some(k),
                Some(f) => {
                    let (a, b) = (root(&mut parent, f), root(&mut parent, k));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
        }
    }
    let mut sets: Vec<Vec<usize>> = Vec::new();
    let mut set_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (k, &member) in members.iter().enumerate() {
        let r = root(&mut parent, k);
        let n = *set_of.entry(r).or_insert_with(|| {
            sets.push(Vec::new());
            sets.len() - 1
        });
        sets[n].push(member);
    }
    for set in &mut sets {
        by_id(items, set);
    }
    sets.sort_by(|a, b| cmp_ids(items[a[0]].id, items[b[0]].id));
    sets
}

/// Up to two distinct values, in order of first appearance: enough to tell
/// whether any value differs from a given one.
fn two_distinct<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(2);
    for v in values {
        if !out.contains(&v) {
            out.push(v);
            if out.len() == 2 {
                break;
            }
        }
    }
    out
}

/// How many documents the items come from.
fn docs_of(items: &[Item<'_>], of: &[usize]) -> usize {
    of.iter()
        .map(|&i| items[i].doc)
        .collect::<BTreeSet<&str>>()
        .len()
}

/// "2,000 from company and Northwind Motors; 3,500 from union": each
/// agreeing set's first figure and its origins.
fn describe_sets(ctx: &Ctx<'_, '_>, sets: &[Vec<usize>]) -> String {
    sets.iter()
        .map(|set| {
            format!(
                "{} from {}",
                ctx.items[set[0]].claim.text,
                join_and(&describe_origins(ctx, set))
            )
        })
        .join("; ")
}

fn describe_origins(ctx: &Ctx<'_, '_>, members: &[usize]) -> Vec<String> {
    let mut by_key: BTreeMap<&str, (String, BTreeSet<String>)> = BTreeMap::new();
    for &m in members {
        if let Some(o) = &ctx.origins[m] {
            let e = by_key
                .entry(o.key.as_str())
                .or_insert_with(|| (o.label.clone(), BTreeSet::new()));
            if !o.key.starts_with("joint:") && o.source != o.key {
                e.1.insert(o.source.clone());
            }
        }
    }
    by_key
        .into_values()
        .map(|(label, sources)| {
            if sources.is_empty() {
                label
            } else {
                format!("{label} ({})", sources.into_iter().join(", "))
            }
        })
        .collect()
}

fn is_duration(it: &Item<'_>) -> bool {
    it.claim
        .counted
        .as_ref()
        .is_some_and(|c| c.category == Category::Duration)
}

/// Assesses a batch: findings, credibility per item, a verdict and the
/// number of independent origins per cluster. Deterministic. Indices in
/// `clusters` that are out of range are ignored.
pub fn assess(
    items: &[Item<'_>],
    clusters: &[Cluster],
    registry: &SourceRegistry,
    tolerances: &Tolerances,
) -> Assessment {
    // Per item and per cluster work runs on rayon's pool; results are
    // collected in order, so the assessment does not depend on threads.
    let origins: Vec<Option<Origin>> = items
        .par_iter()
        .map(|it| origin::origin(registry, it.claim))
        .collect();
    let ctx = Ctx {
        items,
        origins: &origins,
        sources: items
            .par_iter()
            .map(|it| short_source(registry, it.claim))
            .collect(),
        origin_ids: {
            let mut ids: HashMap<&str, usize> = HashMap::new();
            origins
                .iter()
                .map(|o| {
                    o.as_ref().map(|o| {
                        let n = ids.len();
                        *ids.entry(o.key.as_str()).or_insert(n)
                    })
                })
                .collect()
        },
        doc_ids: {
            let mut ids: HashMap<&str, usize> = HashMap::new();
            items
                .iter()
                .map(|it| {
                    let n = ids.len();
                    *ids.entry(it.doc).or_insert(n)
                })
                .collect()
        },
        labels: {
            let mut labels: FxHashMap<&str, Arc<str>> = FxHashMap::default();
            for o in origins.iter().flatten() {
                labels
                    .entry(o.label.as_str())
                    .or_insert_with(|| Arc::from(o.label.as_str()));
            }
            labels
        },
    };
    let mut findings: Vec<Finding> = Vec::new();
    let mut verdicts = Vec::with_capacity(clusters.len());
    let mut origin_counts = Vec::with_capacity(clusters.len());
    let mut evidence: Vec<Evidence> = vec![Evidence::default(); items.len()];

    // Each document's id once, shared by its figures.
    let mut docs: Vec<Arc<str>> = Vec::new();
    for (it, &d) in items.iter().zip(&ctx.doc_ids) {
        if d == docs.len() {
            docs.push(Arc::from(it.doc));
        }
    }
    // Per cluster on rayon's pool, the largest clusters first: one cluster
    // may hold a good part of the batch's figures.
    let all_figs: Vec<Vec<Fig>> = costliest_first(
        clusters,
        |_, c| c.members.len(),
        |_, c| figs(items, c, tolerances, &docs, &ctx.doc_ids),
    );
    let mut judgements: Vec<Judgement> =
        costliest_first(&all_figs, |_, f| f.len(), |_, f| judge(f, tolerances));
    // Conflicts and outliers inside each cluster: a part is not checked
    // against a disputed whole, so a whole's are needed first (and kept
    // while its edges do not change below). A part's are worked out with
    // its cluster's other findings, after the check against its whole may
    // have added edges.
    let mut whole = vec![false; clusters.len()];
    for c in clusters {
        if let Some(w) = c.part_of.filter(|&w| w < clusters.len()) {
            whole[w] = true;
        }
    }
    let conflicts: Vec<Option<(Vec<Finding>, BTreeSet<usize>)>> = costliest_first(
        clusters,
        |_, c| c.members.len(),
        |ci, c| {
            (whole[ci] || c.part_of.is_none()).then(|| {
                let j = &judgements[ci];
                conflict_findings(&ctx, ci, &c.label, &j.edges, &j.agree, &all_figs[ci])
            })
        },
    );
    let mut stale = vec![false; clusters.len()];

    // Parts checked against their wholes, across clusters.
    let mut subsets: Vec<Option<(Vec<usize>, Vec<usize>)>> = vec![None; clusters.len()];
    for (ci, c) in clusters.iter().enumerate() {
        let Some(w) = c.part_of.filter(|&w| w < clusters.len() && w != ci) else {
            continue;
        };
        let mut compared: Vec<usize> = Vec::new();
        let mut parts: Vec<usize> = Vec::new();
        // The wholes a part can be checked against: running totals or
        // figures with no time scope, not increments, not outliers.
        let wholes: Vec<&Fig> = all_figs[w]
            .iter()
            .filter(|q| {
                !q.additional
                    && !conflicts[w].as_ref().is_some_and(|c| c.1.contains(&q.item))
                    && matches!(
                        q.when,
                        When::Current {
                            running: Some(true) | None
                        }
                    )
            })
            .collect();
        // The wholes of each class, in order, and their places in that
        // list sorted by upper bound: a part is larger than the wholes
        // whose upper bound is below its lower bound, a prefix of them.
        let mut of_class: HashMap<&str, (Vec<&Fig>, Vec<usize>)> = HashMap::new();
        for q in &wholes {
            of_class.entry(q.class).or_default().0.push(q);
        }
        for (list, by_hi) in of_class.values_mut() {
            *by_hi = (0..list.len())
                .filter(|&k| !list[k].iv.hi.is_nan())
                .collect();
            by_hi.sort_by(|&a, &b| list[a].iv.hi.total_cmp(&list[b].iv.hi));
        }
        let mut classes_seen: HashSet<&str> = HashSet::new();
        for p in &all_figs[ci] {
            parts.push(p.item);
            let Some((list, by_hi)) = of_class.get(p.class) else {
                continue;
            };
            // Compared with every whole of its class (sorted by id below).
            if classes_seen.insert(p.class) {
                compared.extend(list.iter().map(|q| q.item));
            }
            let below = by_hi.partition_point(|&k| list[k].iv.hi < p.iv.lo);
            let mut larger: Vec<usize> = by_hi[..below].to_vec();
            larger.sort_unstable();
            for k in larger {
                let q = list[k];
                stale[ci] = true;
                judgements[ci].edges.push(Edge {
                    a: p.item,
                    b: Node::One(q.item),
                    tier: 4,
                    severity: Severity::Warning,
                    why: std::sync::Arc::clone(&judge::PART_LARGER),
                    confidence: 0.4 * p.conf.min(q.conf),
                    counted_apart: None,
                });
            }
        }
        if compared.is_empty() {
            compared = all_figs[w].iter().map(|f| f.item).collect();
        }
        by_id(items, &mut compared);
        subsets[ci] = Some((parts, compared));
    }

    // Each cluster's findings, verdict, origin count and its members'
    // evidence, on rayon's pool (clusters share no item), gathered and
    // applied in cluster order: the same assessment for any thread count.
    let per_cluster: Vec<ClusterOutcome> = costliest_first(
        conflicts,
        |ci, _| clusters[ci].members.len(),
        |ci, kept_conflicts| {
            assess_cluster(
                &ctx,
                clusters,
                ci,
                &judgements[ci],
                &all_figs[ci],
                kept_conflicts.filter(|_| !stale[ci]),
                subsets[ci].as_ref(),
            )
        },
    );
    for (c, outcome) in clusters.iter().zip(per_cluster) {
        findings.extend(outcome.findings);
        verdicts.push(outcome.verdict);
        origin_counts.push(outcome.origin_count);
        for (i, e) in outcome.evidence {
            evidence[i] = e;
        }
        // Repeats share their kept figure's evidence.
        for &(kept, rep) in &c.duplicates {
            if kept < items.len() && rep < items.len() {
                evidence[rep] = evidence[kept].clone();
            }
        }
    }

    // Unattributed figures.
    let cluster_of: BTreeMap<usize, usize> = clusters
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.members.iter().map(move |&m| (m, ci)))
        .collect();
    let repeats: BTreeSet<usize> = clusters
        .iter()
        .flat_map(|c| c.duplicates.iter().map(|&(_, r)| r))
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    by_id(items, &mut order);
    for &i in &order {
        let it = &items[i];
        if it.claim.attribution.is_some() || repeats.contains(&i) || is_duration(it) {
            continue;
        }
        let ci = cluster_of.get(&i).copied();
        let what = ci
            .and_then(|c| clusters.get(c))
            .map_or(String::new(), |c| format!(" ({})", c.label));
        let message = format!(
            "{}{what} in doc {} is given without a source.",
            ctx.phrase(i),
            it.doc
        );
        findings.push(finding(&ctx, ("CC006", Severity::Warning),
            ci,
            vec![i],
            message,
            Some("Name the source of this figure, or check whether it comes from a source named elsewhere in the article."),
            0.9,
        ));
    }

    // Origins the batch rests on.
    let mut tally: BTreeMap<String, OriginTally> = BTreeMap::new();
    for &i in &order {
        if repeats.contains(&i) {
            continue;
        }
        if let Some(o) = &origins[i] {
            let t = tally.entry(o.key.clone()).or_insert_with(|| OriginTally {
                key: o.key.clone(),
                label: o.label.clone(),
                sources: Vec::new(),
                claims: Vec::new(),
                documents: 0,
            });
            if !t.sources.contains(&o.source) {
                t.sources.push(o.source.clone());
            }
            t.claims.push(i);
        }
    }
    let mut origin_tally: Vec<OriginTally> = tally
        .into_values()
        .map(|mut t| {
            t.sources.sort();
            t.documents = t
                .claims
                .iter()
                .map(|&i| items[i].doc)
                .collect::<BTreeSet<_>>()
                .len();
            t
        })
        .collect();
    origin_tally.sort_by(|a, b| b.claims.len().cmp(&a.claims.len()).then(a.key.cmp(&b.key)));

    let attributed: usize = origin_tally.iter().map(|t| t.claims.len()).sum();
    let n_docs = items.iter().map(|it| it.doc).collect::<BTreeSet<_>>().len();
    if let Some(top) = origin_tally.first() {
        if n_docs >= 2 && attributed >= 3 && top.claims.len() * 3 >= attributed * 2 {
            let others: Vec<String> = origin_tally[1..]
                .iter()
                .map(|t| {
                    format!(
                        "{} ({} figure{})",
                        t.label,
                        t.claims.len(),
                        if t.claims.len() == 1 { "" } else { "s" }
                    )
                })
                .collect();
            let message = format!(
                "{} of {attributed} attributed figures in {} of {n_docs} articles trace back to one origin, {} ({}); {}: few independent origins.",
                top.claims.len(),
                top.documents,
                top.label,
                top.sources.join(", "),
                if others.is_empty() {
                    "no other origin".to_string()
                } else {
                    format!(
                        "the only other origin{} {}",
                        if others.len() == 1 { " is" } else { "s are" },
                        join_and(&others)
                    )
                }
            );
            findings.push(finding(&ctx, ("CC010", Severity::Info),
                None,
                top.claims.clone(),
                message,
                Some("Agreement between these articles is mostly repetition of one origin: say where the figures come from, and look for independent sources."),
                0.8,
            ));
        }
    }

    // Order: cluster, kind, severity, primary claim.
    findings.sort_by(|a, b| {
        a.cluster
            .unwrap_or(usize::MAX)
            .cmp(&b.cluster.unwrap_or(usize::MAX))
            .then(a.kind.rank().cmp(&b.kind.rank()))
            .then(a.severity.cmp(&b.severity))
            .then_with(|| match (a.claims.first(), b.claims.first()) {
                (Some(&x), Some(&y)) => cmp_ids(items[x].id, items[y].id),
                _ => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.code.cmp(b.code))
    });

    let credibility = items
        .par_iter()
        .zip(&evidence)
        // Each run of figures shares one cache of reasons: a run long
        // enough that most of its reasons are shared.
        .with_min_len(1024)
        .map_init(credibility::ReasonCache::default, |cache, (it, e)| {
            credibility::credibility_sharing(it.claim, registry, e, cache)
        })
        .collect();

    Assessment {
        findings,
        credibility,
        verdicts,
        origins: origin_counts,
        origin_tally,
        evidence,
    }
}

#[cfg(test)]
mod tests;
