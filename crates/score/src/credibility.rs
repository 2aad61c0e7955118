//! Per-claim credibility: a prior for who says it, adjusted for how it is
//! said and for what the rest of the batch says. Weights in the crate docs.

use std::sync::Arc;

use crosscheck_claims::claim::Claim;
use crosscheck_claims::modality::Modality;
use crosscheck_claims::quantity::Kind;
use crosscheck_claims::registry::{INTERESTED_PARTY_FACTOR, SourceKind, SourceRegistry};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::Severity;
use crate::origin::canonical;

/// A claim's credibility: a score and the reasons that produced it, each
/// with its weight, so the score can be checked line by line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credibility {
    /// 0..1.
    pub score: f64,
    /// Editor-readable reasons, each starting with its weight: "0.60 base:
    /// NIS, intelligence agency (registry prior)", "+0.10 corroborated by 1
    /// independent origin (joint estimate of …)". A reason many figures
    /// give is one shared string ([`ReasonCache`]).
    pub reasons: Vec<Arc<str>>,
    /// Set when the figure's source is an interested party in what the
    /// figure is about: the source and the topic ("KCNA on North Korea").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interested_party: Option<String>,
}

/// What the rest of the batch says about a claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// The worst conflict the claim is in.
    pub conflict: Option<Severity>,
    /// How many figures agree with it.
    pub agreeing: usize,
    /// Labels of the independent origins whose figures agree with it, each
    /// label shared by every claim it corroborates.
    pub corroborating: Vec<Arc<str>>,
    /// Agreeing figures from the same origin in other documents.
    pub echoes: usize,
    /// A later count supersedes it.
    pub superseded: bool,
    /// No other document gives the figure.
    pub single_source: bool,
}

/// The weights (see the table in the crate docs).
pub mod weights {
    /// No attribution at all.
    pub const UNATTRIBUTED: f64 = -0.10;
    /// Attribution carried from an earlier sentence.
    pub const INHERITED: f64 = -0.05;
    /// Per intermediary in the chain.
    pub const PER_RELAY: f64 = -0.02;
    /// Most the chain can cost.
    pub const MAX_RELAY: f64 = -0.06;
    /// "estimates", "an estimated".
    pub const ESTIMATED: f64 = -0.02;
    /// "believes", "is thought to".
    pub const BELIEVED: f64 = -0.04;
    /// "reportedly", "is said to".
    pub const REPORTED: f64 = -0.06;
    /// "agreed to send", "expected to deploy".
    pub const PLANNED: f64 = -0.05;
    /// "could", "may".
    pub const POSSIBLE: f64 = -0.10;
    /// "denied".
    pub const DENIED: f64 = -0.20;
    /// Per hedge word beyond the modality ("likely", "unconfirmed").
    pub const PER_HEDGE: f64 = -0.02;
    /// Most hedges can cost.
    pub const MAX_HEDGE: f64 = -0.06;
    /// A vague magnitude ("thousands").
    pub const VAGUE: f64 = -0.05;
    /// Per independent origin that agrees.
    pub const PER_CORROBORATION: f64 = 0.10;
    /// Most corroboration can add.
    pub const MAX_CORROBORATION: f64 = 0.20;
    /// Agrees with the rest of its cluster, no conflict.
    pub const AGREES: f64 = 0.05;
    /// In a conflict (error).
    pub const CONFLICT: f64 = -0.15;
    /// In a possible conflict (warning).
    pub const POSSIBLE_CONFLICT: f64 = -0.08;
    /// A later count supersedes it.
    pub const SUPERSEDED: f64 = -0.05;
    /// No other document gives it.
    pub const SINGLE_SOURCE: f64 = -0.05;
    /// Lowest score.
    pub const FLOOR: f64 = 0.02;
    /// Highest score.
    pub const CEILING: f64 = 0.98;
}

/// Hedge words that weaken a figure beyond its modality.
const WEAK_HEDGES: &[&str] = &[
    "likely",
    "possibly",
    "potentially",
    "unconfirmed",
    "unverified",
    "allegedly",
    "appears",
    "suggests",
    "thought to",
];

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Reasons already written, each kept once: the figures of a cluster give
/// the same few reasons ("+0.05 agrees with 1473 other figures in its
/// cluster"), so a batch of 60k articles has some 660k reasons but 6k
/// distinct ones.
#[derive(Debug, Default)]
pub struct ReasonCache(FxHashSet<Arc<str>>);

impl ReasonCache {
    /// The shared copy of `reason`.
    fn share(&mut self, reason: String) -> Arc<str> {
        if let Some(known) = self.0.get(reason.as_str()) {
            return Arc::clone(known);
        }
        let reason: Arc<str> = reason.into();
        self.0.insert(Arc::clone(&reason));
        reason
    }
}

struct Lines<'c> {
    score: f64,
    reasons: Vec<Arc<str>>,
    cache: &'c mut ReasonCache,
}

impl Lines<'_> {
    fn base(&mut self, w: f64, why: String) {
        let w = r2(w);
        self.score += w;
        let reason = self.cache.share(format!("{w:.2} base: {why}"));
        self.reasons.push(reason);
    }
    fn add(&mut self, w: f64, why: String) {
        let w = r2(w);
        self.score += w;
        let reason = self.cache.share(format!("{w:+.2} {why}"));
        self.reasons.push(reason);
    }
}

/// The text a figure is about: its actor and the sentence from the figure
/// on, without the attribution cue. The source's own name ("South Korea's
/// NIS said …") must not make it an interested party in its own country.
pub(crate) fn topic(claim: &Claim) -> String {
    let start = claim
        .span
        .start
        .saturating_sub(claim.sentence_span.start)
        .min(claim.sentence.len());
    let rest = claim.sentence.get(start..).unwrap_or(&claim.sentence);
    let rest = match &claim.attribution {
        Some(a) if !a.as_written.is_empty() => rest.replacen(&a.as_written, " ", 1),
        _ => rest.to_string(),
    };
    match &claim.actor {
        Some(actor) => format!("{actor} {rest}"),
        None => rest,
    }
}

/// The credibility of one claim.
pub fn credibility(claim: &Claim, registry: &SourceRegistry, evidence: &Evidence) -> Credibility {
    credibility_sharing(claim, registry, evidence, &mut ReasonCache::default())
}

/// [`credibility`], its reasons shared with the other claims scored with
/// the same `cache`.
pub fn credibility_sharing(
    claim: &Claim,
    registry: &SourceRegistry,
    evidence: &Evidence,
    cache: &mut ReasonCache,
) -> Credibility {
    use weights::*;
    let mut l = Lines {
        score: 0.0,
        reasons: Vec::new(),
        cache,
    };
    let about = topic(claim);
    let mut interested_party = None;
    match &claim.attribution {
        None => {
            l.base(
                SourceKind::Outlet.default_prior(),
                "no source given: the article's own figure (outlet prior)".to_string(),
            );
            l.add(
                UNATTRIBUTED,
                "unattributed: its origin cannot be checked".to_string(),
            );
        }
        Some(a) => {
            let ids: Vec<String> = if a.joint.is_empty() {
                vec![canonical(registry, &a.source)]
            } else {
                a.joint.iter().map(|m| canonical(registry, m)).collect()
            };
            let priors: Vec<(String, f64, SourceKind, bool)> = ids
                .iter()
                .map(|id| match registry.get(id) {
                    Some(s) => (id.clone(), s.prior, s.kind, true),
                    None => (id.clone(), a.kind.default_prior(), a.kind, false),
                })
                .collect();
            let prior = priors.iter().map(|p| p.1).sum::<f64>() / priors.len().max(1) as f64;
            let kind = priors.first().map_or(a.kind, |p| p.2);
            let why = if !a.joint.is_empty() {
                format!(
                    "joint source {} ({}, mean registry prior)",
                    ids.join(" + "),
                    kind.as_str().replace('-', " ")
                )
            } else if kind == SourceKind::Anonymous {
                format!("unnamed source \"{}\" (anonymous prior)", a.as_written)
            } else if priors.first().is_some_and(|p| p.3) {
                format!(
                    "{}, {} (registry prior)",
                    ids[0],
                    kind.as_str().replace('-', " ")
                )
            } else {
                format!(
                    "{}, {} not in the registry (prior of its kind)",
                    ids[0],
                    kind.as_str().replace('-', " ")
                )
            };
            l.base(prior, why);
            if a.inherited {
                l.add(
                    INHERITED,
                    "attribution carried from an earlier sentence, not stated with the figure"
                        .to_string(),
                );
            }
            for (id, p, _, _) in &priors {
                if let Some(on) = registry.interested_party(id, &about) {
                    l.add(
                        -p * (1.0 - INTERESTED_PARTY_FACTOR) / priors.len() as f64,
                        format!("{id} is an interested party in what this figure is about ({on})"),
                    );
                    interested_party.get_or_insert_with(|| format!("{id} on {on}"));
                }
            }
            if !a.via.is_empty() {
                let w = (PER_RELAY * a.via.len() as f64).max(MAX_RELAY);
                l.add(
                    w,
                    format!(
                        "relayed second-hand through {} ({})",
                        if a.via.len() == 1 {
                            "1 intermediary".to_string()
                        } else {
                            format!("{} intermediaries", a.via.len())
                        },
                        a.via.join(", ")
                    ),
                );
            }
        }
    }
    let modality = match claim.modality {
        Modality::Asserted => None,
        Modality::Estimated => Some((ESTIMATED, "given as an estimate")),
        Modality::Believed => Some((BELIEVED, "given as a belief")),
        Modality::Reported => Some((REPORTED, "relayed as a report (\"reportedly\")")),
        Modality::Planned => Some((PLANNED, "a plan or agreement, not yet an event")),
        Modality::Possible => Some((POSSIBLE, "a possibility (\"could\", \"may\")")),
        Modality::Denied => Some((DENIED, "denied")),
    };
    if let Some((w, why)) = modality {
        l.add(w, why.to_string());
    }
    let weak: Vec<&str> = claim
        .hedges
        .iter()
        .map(String::as_str)
        .filter(|h| WEAK_HEDGES.contains(h))
        .collect();
    if !weak.is_empty() {
        l.add(
            (PER_HEDGE * weak.len() as f64).max(MAX_HEDGE),
            format!("hedged: {}", weak.join(", ")),
        );
    }
    if claim.kind == Kind::Vague {
        l.add(VAGUE, format!("a vague magnitude (\"{}\")", claim.text));
    }
    if !evidence.corroborating.is_empty() {
        let n = evidence.corroborating.len();
        l.add(
            (PER_CORROBORATION * n as f64).min(MAX_CORROBORATION),
            format!(
                "corroborated by {n} independent origin{} ({})",
                if n == 1 { "" } else { "s" },
                crate::capped(&evidence.corroborating, "; ", |l| l.to_string())
            ),
        );
    } else if evidence.echoes > 0 {
        l.add(
            0.0,
            format!(
                "backed by {} figure{} from the same origin in other articles: not independent",
                evidence.echoes,
                if evidence.echoes == 1 { "" } else { "s" }
            ),
        );
    }
    match evidence.conflict {
        Some(Severity::Error) => l.add(CONFLICT, "in conflict with another figure".to_string()),
        Some(_) => l.add(
            POSSIBLE_CONFLICT,
            "possibly in conflict with another figure".to_string(),
        ),
        None if evidence.agreeing > 0 => l.add(
            AGREES,
            format!(
                "agrees with {} other figure{} in its cluster",
                evidence.agreeing,
                if evidence.agreeing == 1 { "" } else { "s" }
            ),
        ),
        None => {}
    }
    if evidence.superseded {
        l.add(
            SUPERSEDED,
            "superseded by a later, larger count".to_string(),
        );
    }
    if evidence.single_source {
        l.add(
            SINGLE_SOURCE,
            "single source: no other article gives this figure".to_string(),
        );
    }
    Credibility {
        score: r2(l.score.clamp(FLOOR, CEILING)),
        reasons: l.reasons,
        interested_party,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_claims::claim::{Source, extract};

    fn claim(s: &str) -> Claim {
        let block = 0..s.len();
        let blocks = std::slice::from_ref(&block);
        extract(
            Source {
                text: s,
                blocks,
                published: None,
            },
            &SourceRegistry::with_defaults(),
        )
        .remove(0)
    }

    fn score(s: &str, e: &Evidence) -> Credibility {
        let r = SourceRegistry::with_defaults();
        let c = claim(s);
        credibility(&c, &r, e)
    }

    #[test]
    fn named_source_starts_from_its_registry_prior() {
        let c = score(
            "The NIS said 15,000 troops were sent.",
            &Evidence::default(),
        );
        assert_eq!(c.score, 0.60);
        assert_eq!(
            &*c.reasons[0],
            "0.60 base: NIS, intelligence agency (registry prior)"
        );
    }

    #[test]
    fn unattributed_figures_lose_weight() {
        let c = score("15,000 troops were sent.", &Evidence::default());
        assert_eq!(c.score, 0.40);
        assert!(c.reasons[1].starts_with("-0.10 unattributed"));
    }

    #[test]
    fn anonymous_sources_start_low() {
        let c = score(
            "Officials said 15,000 troops were sent.",
            &Evidence::default(),
        );
        assert_eq!(c.score, 0.35);
    }

    #[test]
    fn interested_parties_are_discounted() {
        let c = score(
            "KCNA said North Korea sent 15,000 troops.",
            &Evidence::default(),
        );
        assert!(
            c.reasons.iter().any(|r| r.contains("interested party")),
            "{c:?}"
        );
        assert!(c.score < 0.2, "{c:?}");
        assert_eq!(c.interested_party.as_deref(), Some("KCNA on North Korea"));
    }

    #[test]
    fn a_source_named_with_its_country_is_not_an_interested_party() {
        let c = score(
            "In its briefing, South Korea's National Intelligence Service said it believes around 5,000 North Korean troops have moved.",
            &Evidence::default(),
        );
        assert!(
            !c.reasons.iter().any(|r| r.contains("interested party")),
            "{c:?}"
        );
        assert_eq!(c.interested_party, None);
    }

    #[test]
    fn relay_chains_and_hedges_cost_a_little() {
        let c = score(
            "Yonhap reported, citing the NIS, that 15,000 troops were likely sent.",
            &Evidence::default(),
        );
        assert!(
            c.reasons.iter().any(|r| r.starts_with("-0.02 relayed")),
            "{c:?}"
        );
    }

    #[test]
    fn plans_and_beliefs_cost_their_modality_weight() {
        let c = score("Kim agreed to send 1,000 sappers.", &Evidence::default());
        assert!(
            c.reasons.iter().any(|r| r.starts_with("-0.05 a plan")),
            "{c:?}"
        );
        let c = score(
            "The NIS believes 10 million shells were sent.",
            &Evidence::default(),
        );
        assert!(
            c.reasons
                .iter()
                .any(|r| r.starts_with("-0.04 given as a belief")),
            "{c:?}"
        );
    }

    #[test]
    fn corroboration_by_independent_origins_adds_weight() {
        let e = Evidence {
            agreeing: 3,
            corroborating: vec!["joint estimate of South Korea, United States and Ukraine".into()],
            ..Evidence::default()
        };
        let c = score("The NIS said 15,000 troops were sent.", &e);
        assert_eq!(c.score, 0.75);
        assert!(c.reasons.contains(
            &"+0.10 corroborated by 1 independent origin (joint estimate of South Korea, United States and Ukraine)".into()
        ));
    }

    #[test]
    fn corroboration_by_many_origins_names_eight_and_counts_the_rest() {
        let e = Evidence {
            agreeing: 12,
            corroborating: (1..=12).map(|n| format!("Origin {n}").into()).collect(),
            ..Evidence::default()
        };
        let c = score("The NIS said 15,000 troops were sent.", &e);
        assert!(c.reasons.contains(
            &"+0.20 corroborated by 12 independent origins (Origin 1; Origin 2; Origin 3; Origin 4; Origin 5; Origin 6; Origin 7; Origin 8; and 4 more)".into()
        ), "{c:?}");
    }

    #[test]
    fn echoes_of_one_origin_add_nothing_but_are_said() {
        let e = Evidence {
            agreeing: 3,
            echoes: 3,
            ..Evidence::default()
        };
        let c = score("The NIS said 15,000 troops were sent.", &e);
        assert_eq!(c.score, 0.65);
        assert!(c.reasons.iter().any(|r| r.starts_with("+0.00 backed by 3")));
    }

    #[test]
    fn conflicts_superseded_and_single_source_figures_lose_weight() {
        let e = Evidence {
            conflict: Some(Severity::Error),
            superseded: true,
            single_source: true,
            ..Evidence::default()
        };
        let c = score("The NIS said 15,000 troops were sent.", &e);
        assert_eq!(c.score, 0.35);
    }

    #[test]
    fn scores_add_up_line_by_line() {
        let c = score(
            "North Korea has reportedly sent thousands more soldiers to Russia, according to South Korean intelligence officials.",
            &Evidence::default(),
        );
        let sum: f64 = c
            .reasons
            .iter()
            .map(|r| r.split_whitespace().next().unwrap().parse::<f64>().unwrap())
            .sum();
        assert!((sum - c.score).abs() < 1e-9, "{c:?}");
    }
}
