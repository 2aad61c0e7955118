//! The source ledger: for a whole batch, which sources its figures rest
//! on, how independently, and how much each deserves to be trusted.
//!
//! [`ledger`] reads the claims ([`Item`]s), their clusters, the
//! [`Assessment`] of them and a little about each document
//! ([`DocumentInfo`]: its outlet, its credit lines, its sentences), and
//! returns a [`Ledger`]:
//!
//! - one [`SourceLedger`] per normalized source: the origins of figures,
//!   the relays they pass through ("NIS → KR intelligence committee →
//!   Yonhap"), the sources credit lines name, and the sources an article
//!   names without giving a figure from them (KCNA in a report of talks);
//!   each with a credibility score explained line by line (weights in the
//!   crate docs);
//! - one [`DocumentLedger`] per document, and one [`OutletLedger`] per
//!   outlet known from metadata: how its figures are attributed, what only
//!   it has, whether it relays other outlets;
//! - a [`Summary`]: how many independent origins the batch rests on, in
//!   one structured record and one plain sentence.
//!
//! Pure and deterministic, like [`assess`](crate::assess).
//!
//! ```
//! use crosscheck_claims::claim::{extract, Source};
//! use crosscheck_claims::registry::SourceRegistry;
//! use crosscheck_cluster::{cluster, Item, Thesaurus};
//! use crosscheck_score::ledger::{ledger, DocumentInfo};
//! use crosscheck_score::{assess, Tolerances};
//!
//! let registry = SourceRegistry::with_defaults();
//! let a = "The NIS said North Korea has sent about 15,000 troops to Russia.";
//! let b = "Ukraine's HUR said North Korea has sent 14,500 soldiers to Russia.";
//! let ca = extract(Source { text: a, blocks: &[0..a.len()], published: None }, &registry);
//! let cb = extract(Source { text: b, blocks: &[0..b.len()], published: None }, &registry);
//! let items = [
//!     Item { id: "a#1", doc: "a", published: None, claim: &ca[0] },
//!     Item { id: "b#1", doc: "b", published: None, claim: &cb[0] },
//! ];
//! let clusters = cluster(&items, &Thesaurus::builtin());
//! let assessment = assess(&items, &clusters, &registry, &Tolerances::default());
//! let docs = [DocumentInfo { id: "a", sentences: &[a], ..DocumentInfo::default() },
//!             DocumentInfo { id: "b", sentences: &[b], ..DocumentInfo::default() }];
//! let l = ledger(&items, &clusters, &assessment, &registry, &docs);
//! assert_eq!(l.summary.independent_origins, 2);
//! let nis = l.sources.iter().find(|s| s.id == "NIS").unwrap();
//! assert_eq!((nis.figures, nis.corroborated), (1, 1));
//! assert_eq!(nis.credibility.lines[0].to_string(), "0.60 base: NIS, intelligence agency (registry prior)");
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use rayon::prelude::*;

use crosscheck_claims::attribution::cue::{Cue, CueKind, cues};
use crosscheck_claims::attribution::tells_of_a_briefing;
use crosscheck_claims::claim::Claim;
use crosscheck_claims::modality::Modality;
use crosscheck_claims::registry::{
    ANONYMOUS_ID, DocumentSources, INTERESTED_PARTY_FACTOR, SourceKind, SourceRegistry,
};
use crosscheck_cluster::{Cluster, Item, cmp_ids};
use serde::Serialize;

use crate::credibility::topic;
use crate::origin::{canonical, country_or_name, is_non_origin, origin};
use crate::{Assessment, FindingKind, IterExt, Severity};

/// The source-level weights (see the table in the crate docs). Each is
/// multiplied by the share of the source's figures the rule applies to.
pub mod weights {
    /// × share of its figures that agree with an independent origin.
    pub const CORROBORATED: f64 = 0.15;
    /// × share of its figures in a conflict (CC001).
    pub const CONFLICT: f64 = -0.30;
    /// × share of its figures in a possible conflict only (CC002).
    pub const POSSIBLE_CONFLICT: f64 = -0.15;
    /// × share of its figures given as estimates, beliefs, reports, plans or possibilities.
    pub const HEDGED: f64 = -0.05;
    /// × share of its figures that no other article gives.
    pub const SINGLE_SOURCE: f64 = -0.05;
    /// Lowest score.
    pub const FLOOR: f64 = 0.02;
    /// Highest score.
    pub const CEILING: f64 = 0.98;
}

/// What the ledger needs to know about a document beyond its claims.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentInfo<'a> {
    /// Document id, as in [`Item::doc`].
    pub id: &'a str,
    /// The publishing outlet, when metadata says so.
    pub outlet: Option<&'a str>,
    /// Names from the page's credit lines ("Sources: Yonhap, Reuters").
    pub cited_sources: &'a [String],
    /// The sentences of the article's own text (no comments or sidebars),
    /// in order: scanned for sources named without a figure.
    pub sentences: &'a [&'a str],
}

/// One line of a source's score: the rule, its weight, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreLine {
    /// The rule, as named in the crate docs' table: `base`, `corroborated`,
    /// `echoed`, `conflict`, `possible-conflict`, `hedged`,
    /// `single-source`, `interested-party`, `no-figures`.
    pub rule: &'static str,
    /// The weight added (the prior for `base`), rounded to 0.01.
    pub weight: f64,
    /// For editors, with the arithmetic ("+0.15 × 4/18").
    pub why: String,
}

impl fmt::Display for ScoreLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rule == "base" {
            write!(f, "{:.2} base: {}", self.weight, self.why)
        } else {
            write!(f, "{:+.2} {}", self.weight, self.why)
        }
    }
}

/// A source's credibility in this batch: a score and the lines that add
/// up to it (before clamping to 0.02..0.98).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceScore {
    /// 0..1.
    pub score: f64,
    /// The lines, base first.
    pub lines: Vec<ScoreLine>,
}

impl SourceScore {
    /// The lines as text, each starting with its weight.
    pub fn reasons(&self) -> Vec<String> {
        self.lines.iter().map(ToString::to_string).collect()
    }
}

/// How a source reaches one article: the origin, then each relay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// "NIS", "KR intelligence committee", "Yonhap".
    pub hops: Vec<String>,
    /// The article it reaches.
    pub document: String,
    /// Item indices of the figures that travel this way.
    pub claims: Vec<usize>,
}

/// How firmly a source's figures are put: counts by modality.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Hedging {
    /// "estimates", "an estimated".
    pub estimated: usize,
    /// "believes", "is thought to".
    pub believed: usize,
    /// "reportedly".
    pub reported: usize,
    /// "agreed to send", "expected to deploy".
    pub planned: usize,
    /// "could", "may".
    pub possible: usize,
    /// Share of its figures that are any of these, 0..1 (0.01 steps).
    pub share: f64,
}

impl Hedging {
    fn total(&self) -> usize {
        self.estimated + self.believed + self.reported + self.planned + self.possible
    }

    fn breakdown(&self) -> String {
        [
            (self.estimated, "estimate"),
            (self.believed, "belief"),
            (self.reported, "report"),
            (self.planned, "plan"),
            (self.possible, "possibility"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}{}", if *n == 1 { "" } else { "s" }))
        .join(", ")
    }
}

/// A source that is an interested party in what it is cited about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterestedParty {
    /// What it has a stake in ("North Korea").
    pub topics: Vec<String>,
    /// How many of its figures (or, for a source named without figures, of
    /// the sentences that name it) are about those topics.
    pub statements: usize,
    /// Of how many.
    pub of: usize,
}

/// One normalized source of the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceLedger {
    /// Normalized id: "NIS", "Yonhap", "KR government + US government +
    /// UA government" for a joint source, "anonymous" for all unnamed
    /// sources together.
    pub id: String,
    /// Short name for tables: the id, "South Korea/United States/Ukraine"
    /// for a joint source, "unnamed sources".
    pub label: String,
    /// Full name: the registry's, or "joint estimate of …".
    pub name: String,
    /// What sort of source it is (a joint source: its first member's kind).
    pub kind: SourceKind,
    /// True when the registry (with user entries) knows it.
    pub registered: bool,
    /// Members of a joint source.
    pub joint: Vec<String>,
    /// The independent origin it belongs to ("Government of South Korea"),
    /// `None` for sources that are never an origin (unnamed sources).
    pub origin: Option<String>,
    /// How articles name it, as written ("South Korea’s spy agency").
    pub aliases: Vec<String>,
    /// Every document that cites it in any way, sorted.
    pub documents: Vec<String>,
    /// Item indices of the figures it is the origin of (repeats included).
    pub claims: Vec<usize>,
    /// Distinct figures it is the origin of (a figure stated twice in one
    /// article counts once).
    pub figures: usize,
    /// Item indices of figures it passes on as an intermediary.
    pub relayed: Vec<usize>,
    /// Documents whose credit lines name it.
    pub credited_by: Vec<String>,
    /// Documents that name it without giving a figure from it or through it.
    pub named_in: Vec<String>,
    /// Documents that describe it briefing lawmakers.
    pub briefings: Vec<String>,
    /// How its figures reach each article.
    pub chains: Vec<Chain>,
    /// Figures that agree with a figure from an independent origin.
    pub corroborated: usize,
    /// Those independent origins.
    pub corroborated_by: Vec<String>,
    /// Figures backed only by the same origin in other articles.
    pub echoed: usize,
    /// Figures in a conflict (CC001).
    pub conflicts: usize,
    /// Figures in a possible conflict only (CC002).
    pub possible_conflicts: usize,
    /// The sources of the figures they conflict with.
    pub conflicts_with: Vec<String>,
    /// Figures no other article gives.
    pub single_source: usize,
    /// How firmly its figures are put.
    pub hedging: Hedging,
    /// Set when it is an interested party in what it is cited about.
    pub interested_party: Option<InterestedParty>,
    /// Its credibility in this batch.
    pub credibility: SourceScore,
}

/// How one document attributes its figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentLedger {
    /// Document id.
    pub id: String,
    /// The outlet, from metadata.
    pub outlet: Option<String>,
    /// Distinct figures (repeats excluded).
    pub figures: usize,
    /// Figures attributed to a named source (including carried ones).
    pub named: usize,
    /// Of `named`, figures whose attribution is carried from an earlier sentence.
    pub inherited: usize,
    /// Figures attributed to an unnamed source ("officials said").
    pub anonymous: usize,
    /// Figures with no source (or only the article's own voice).
    pub unattributed: usize,
    /// `named / figures`, 0.01 steps (0 without figures).
    pub named_share: f64,
    /// `anonymous / figures`.
    pub anonymous_share: f64,
    /// `unattributed / figures`.
    pub unattributed_share: f64,
    /// Ids of the sources its figures come from, most figures first.
    pub sources: Vec<String>,
    /// Its credit lines, normalized ("Yonhap", "Reuters").
    pub credited: Vec<String>,
    /// Item indices of figures no other article has.
    pub exclusive: Vec<usize>,
    /// Outlets it relays: wire services, news outlets and state media it
    /// names as reporting, carries figures through, or credits.
    pub relays: Vec<String>,
    /// Item indices of figures that reach it through another outlet.
    pub relayed: Vec<usize>,
    /// True when it relays other outlets' reporting rather than reporting
    /// only itself.
    pub relay: bool,
}

/// The documents of one outlet, aggregated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletLedger {
    /// The outlet, as metadata names it.
    pub outlet: String,
    /// Its documents.
    pub documents: Vec<String>,
    /// The same counts as [`DocumentLedger`], summed.
    pub figures: usize,
    /// Summed.
    pub named: usize,
    /// Summed.
    pub inherited: usize,
    /// Summed.
    pub anonymous: usize,
    /// Summed.
    pub unattributed: usize,
    /// Of all its figures.
    pub named_share: f64,
    /// Of all its figures.
    pub anonymous_share: f64,
    /// Of all its figures.
    pub unattributed_share: f64,
    /// Sources of its figures, most figures first.
    pub sources: Vec<String>,
    /// Its credit lines, normalized.
    pub credited: Vec<String>,
    /// Figures only one of its documents has.
    pub exclusive: usize,
    /// Outlets it relays.
    pub relays: Vec<String>,
    /// How many of its documents relay another outlet.
    pub relaying_documents: usize,
}

/// One independent origin of the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginSummary {
    /// Independence key ("KR government", "joint:…").
    pub key: String,
    /// For editors ("Government of South Korea").
    pub label: String,
    /// The sources seen for it ("NIS").
    pub sources: Vec<String>,
    /// Distinct figures that trace back to it.
    pub figures: usize,
    /// Item indices of those figures.
    pub claims: Vec<usize>,
    /// Documents with its figures.
    pub documents: Vec<String>,
    /// `figures` over all attributed figures, 0.01 steps.
    pub share: f64,
    /// True for the origin that at least two thirds of the attributed
    /// figures rest on (the same test as CC010).
    pub dominant: bool,
    /// Documents that describe one of its sources briefing lawmakers.
    pub briefings: Vec<String>,
    /// For a joint origin, its members that are also origins of their own
    /// in the batch ("South Korea"): it is not wholly independent of them.
    pub shared_members: Vec<String>,
}

/// How independently the batch is sourced.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents in the batch.
    pub documents: usize,
    /// Distinct figures (repeats excluded).
    pub figures: usize,
    /// Figures that trace back to an origin.
    pub attributed: usize,
    /// Figures from unnamed sources.
    pub anonymous: usize,
    /// Figures with no source.
    pub unattributed: usize,
    /// How many independent origins the attributed figures rest on.
    pub independent_origins: usize,
    /// Those origins, most figures first.
    pub origins: Vec<OriginSummary>,
    /// The same in plain words.
    pub text: String,
}

/// Everything the ledger says about a batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ledger {
    /// Sources, the ones most of the batch rests on first.
    pub sources: Vec<SourceLedger>,
    /// Documents, in the order given (then any only the items name).
    pub documents: Vec<DocumentLedger>,
    /// Outlets known from metadata, by name.
    pub outlets: Vec<OutletLedger>,
    /// Independence of the batch.
    pub summary: Summary,
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        r2(n as f64 / of as f64)
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn join_and(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Kinds whose reports an article relays when it names them as reporting.
fn is_outlet_kind(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::WireService | SourceKind::NewsOutlet | SourceKind::StateMedia
    )
}

/// Reporting verbs that end a cue as written ("… estimate").
const TRAILING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "estimate",
    "estimates",
    "estimated",
    "reported",
    "reports",
    "believes",
    "believe",
    "noted",
    "added",
    "informed",
    "stated",
];

/// A mention tidied for the alias list: whitespace collapsed, no trailing
/// reporting verb or punctuation.
fn tidy(m: &str) -> String {
    let s = m.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '"' | '“' | '”'));
    let s = match s.rsplit_once(' ') {
        Some((head, last)) if TRAILING_VERBS.contains(&last) => head,
        _ => s,
    };
    s.trim().to_string()
}

/// True when `hay` contains `needle` as whole words ("South Korea" is not
/// in "South Korean").
fn has_phrase(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// True when an alias list already has this mention (case and a leading
/// "the" aside).
#[cfg(test)]
fn has_alias(aliases: &[String], m: &str) -> bool {
    let k = alias_key(m);
    aliases.iter().any(|a| alias_key(a) == k)
}

/// What two names that are the same alias share: lowercase, without a
/// leading "the ".
fn alias_key(name: &str) -> String {
    let l = name.to_lowercase();
    match l.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => l,
    }
}

/// What a source is, looked up once.
struct Known {
    label: String,
    name: String,
    kind: SourceKind,
    registered: bool,
    joint: Vec<String>,
    prior: f64,
    prior_why: String,
}

fn known(registry: &SourceRegistry, id: &str, kind_hint: SourceKind, joint: &[String]) -> Known {
    if !joint.is_empty() {
        let members: Vec<(String, f64, SourceKind)> = joint
            .iter()
            .map(|m| match registry.get(m) {
                Some(s) => (m.clone(), s.prior, s.kind),
                None => (m.clone(), kind_hint.default_prior(), kind_hint),
            })
            .collect();
        let prior = members.iter().map(|m| m.1).sum::<f64>() / members.len() as f64;
        let kind = members.first().map_or(kind_hint, |m| m.2);
        let names: Vec<String> = joint.iter().map(|m| country_or_name(registry, m)).collect();
        return Known {
            label: names.join("/"),
            name: format!("joint estimate of {}", join_and(&names)),
            kind,
            registered: joint.iter().all(|m| registry.get(m).is_some()),
            joint: joint.to_vec(),
            prior,
            prior_why: format!(
                "joint source {} ({}, mean registry prior)",
                joint.join(" + "),
                kind.as_str().replace('-', " ")
            ),
        };
    }
    if id == ANONYMOUS_ID || kind_hint == SourceKind::Anonymous {
        let prior = registry
            .get(ANONYMOUS_ID)
            .map_or(SourceKind::Anonymous.default_prior(), |s| s.prior);
        return Known {
            label: "unnamed sources".to_string(),
            name: "unnamed sources".to_string(),
            kind: SourceKind::Anonymous,
            registered: true,
            joint: Vec::new(),
            prior,
            prior_why: "unnamed sources (anonymous prior)".to_string(),
        };
    }
    match registry.get(id) {
        Some(s) => Known {
            label: id.to_string(),
            name: s.name.clone(),
            kind: s.kind,
            registered: true,
            joint: Vec::new(),
            prior: s.prior,
            prior_why: format!(
                "{id}, {} (registry prior)",
                s.kind.as_str().replace('-', " ")
            ),
        },
        None => Known {
            label: id.to_string(),
            name: id.to_string(),
            kind: kind_hint,
            registered: false,
            joint: Vec::new(),
            prior: kind_hint.default_prior(),
            prior_why: format!(
                "{id}, {} not in the registry (prior of its kind)",
                kind_hint.as_str().replace('-', " ")
            ),
        },
    }
}

/// A set of document ids, in id order. The tally visits a document's
/// figures one after another, so the set remembers the id it was last
/// given and answers a repeat without a search.
#[derive(Default)]
struct DocSet<'a> {
    set: BTreeSet<&'a str>,
    last: Option<&'a str>,
}

impl<'a> DocSet<'a> {
    /// Adds `doc` (once).
    fn add(&mut self, doc: &'a str) {
        if self.last != Some(doc) {
            self.set.insert(doc);
            self.last = Some(doc);
        }
    }

    fn contains(&self, doc: &str) -> bool {
        self.set.contains(doc)
    }

    /// The ids, in order.
    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.set.iter().copied()
    }

    /// The ids, in order, as owned strings.
    fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// A source's names as written, each once whatever its case or a leading
/// "the" ([`alias_key`]), in the order first seen. Each name's key is kept:
/// a name already listed as written (the usual case) is found in the short
/// list, any other in one lookup of its key, where the key of every listed
/// name was made again for each check (a source named in thousands of
/// sentences has its aliases checked thousands of times).
#[derive(Default)]
struct Aliases {
    list: Vec<String>,
    keys: FxHashSet<String>,
}

impl Aliases {
    /// Adds `name` unless a name with its key is already there.
    fn add(&mut self, name: &str) {
        // The same name again, the usual case, needs no key.
        if self.list.iter().any(|n| n == name) {
            return;
        }
        if self.keys.insert(alias_key(name)) {
            self.list.push(name.to_string());
        }
    }
}

/// The sources being tallied, each found by its id in one lookup.
#[derive(Default)]
struct Accs<'a> {
    index: FxHashMap<String, usize>,
    list: Vec<Acc<'a>>,
}

impl<'a> Accs<'a> {
    /// The source's accumulator, made on first use (the id copied only then).
    fn get(&mut self, id: &str) -> &mut Acc<'a> {
        let k = match self.index.get(id) {
            Some(&k) => k,
            None => {
                self.index.insert(id.to_string(), self.list.len());
                self.list.push(Acc {
                    id: id.to_string(),
                    ..Acc::default()
                });
                self.list.len() - 1
            }
        };
        &mut self.list[k]
    }

    /// The accumulators in id order.
    fn into_sorted(self) -> Vec<Acc<'a>> {
        let mut list = self.list;
        list.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        list
    }
}

/// Which items are repeats of a figure stated before in their document,
/// by item index.
#[derive(Clone, Copy)]
struct Repeats<'f>(&'f [bool]);

impl Repeats<'_> {
    /// Whether item `i` is a repeat (an index past the items is not).
    fn contains(&self, i: &usize) -> bool {
        self.0.get(*i).copied().unwrap_or(false)
    }
}

/// A source being tallied.
#[derive(Default)]
struct Acc<'a> {
    id: String,
    kind: Option<SourceKind>,
    joint: Vec<String>,
    aliases: Aliases,
    documents: DocSet<'a>,
    claims: Vec<usize>,
    figures: Vec<usize>,
    relayed: Vec<usize>,
    relayed_docs: DocSet<'a>,
    credited_by: DocSet<'a>,
    mentioned_in: DocSet<'a>,
    briefings: DocSet<'a>,
    chains: FxHashMap<(Vec<String>, &'a str), Vec<usize>>,
    /// Topics of the sentences that name it (for sources without figures).
    mentions: Vec<Option<String>>,
    /// (item, topic) for figures on which it is an interested party.
    interested: Vec<(usize, String)>,
}

/// A source mention found in an article sentence.
struct Mention {
    id: String,
    kind: SourceKind,
    as_written: String,
    /// The interested party it is on what the rest of the sentence is
    /// about ([`interest`]), worked out while the sentence is at hand.
    interest: Option<String>,
    briefing: bool,
}

/// Resolve a mention the way the claim extractor would, without anaphora:
/// a registry source, or an unknown outlet ("South Korean media").
fn resolve_mention(
    docreg: &DocumentSources<'_>,
    m: &str,
    kinds: &mut Kinds,
) -> Option<(String, SourceKind)> {
    if let Some(s) = docreg.lookup(m) {
        return Some((s.id.clone(), s.kind));
    }
    let kind = match kinds.get(m) {
        Some(&k) => k,
        None => {
            let k = SourceRegistry::classify_unknown(m);
            kinds.insert(m.to_string(), k);
            k
        }
    };
    if is_outlet_kind(kind) {
        return Some((
            tidy(m.trim_start_matches("the ").trim_start_matches("The ")),
            kind,
        ));
    }
    None
}

/// [`SourceRegistry::classify_unknown`] of each mention met, by mention:
/// batches repeat their sources' names.
type Kinds = HashMap<String, SourceKind>;

thread_local! {
    /// The [`Kinds`] a thread has met, kept across the documents it scans.
    static KNOWN_KINDS: std::cell::RefCell<Kinds> = std::cell::RefCell::new(Kinds::new());
}

/// How many mentions [`KNOWN_KINDS`] keeps before it starts afresh.
const MAX_KNOWN_KINDS: usize = 1 << 16;

/// What the ledger takes from one document's text: the sources its credit
/// lines cite (as written, id, kind; the ones with an id), the sources its
/// sentences name, and for each of those whether a figure's attribution
/// absorbs it and the source it then belongs to.
struct DocumentRead<'d> {
    credits: Vec<(&'d str, String, SourceKind)>,
    mentions: Vec<Mention>,
    fates: Vec<(bool, Option<String>)>,
}

/// [`DocumentRead`] of `info`, from its scan: `ordered` are its items in
/// claim-id order, `own` in item order, `sourced[i]` the source of item `i`
/// ([`source_of`]).
fn read_document<'d>(
    registry: &SourceRegistry,
    items: &[Item<'_>],
    sourced: &[Option<(String, SourceKind, Vec<String>)>],
    info: &DocumentInfo<'d>,
    scanned: DocumentScan<'_>,
    ordered: &[usize],
    own: &[usize],
) -> DocumentRead<'d> {
    let DocumentScan {
        registry: docreg,
        mentions: found,
    } = scanned;
    // (cue as written, source, joint, relays) of the document's figures,
    // each distinct one once, in order: a long article repeats them.
    let mut figure_cues: Vec<(&str, String, bool, Vec<String>)> = Vec::new();
    let mut seen_cues: HashSet<(&str, String, bool, Vec<String>)> = HashSet::new();
    for &i in ordered {
        let Some(a) = items[i].claim.attribution.as_ref() else {
            continue;
        };
        let Some((id, _, joint)) = &sourced[i] else {
            continue;
        };
        let via = a.via.iter().map(|v| canonical(registry, v)).collect();
        let cue = (a.as_written.as_str(), id.clone(), !joint.is_empty(), via);
        if seen_cues.insert(cue.clone()) {
            figure_cues.push(cue);
        }
    }
    let credits = info
        .cited_sources
        .iter()
        .filter_map(|name| {
            let (id, kind) = match docreg.lookup(name) {
                Some(s) => (s.id.clone(), s.kind),
                None => (tidy(name), SourceRegistry::classify_unknown(name)),
            };
            (!id.is_empty()).then_some((name.as_str(), id, kind))
        })
        .collect();
    let claim_cues: Vec<&str> = own
        .iter()
        .filter_map(|&i| {
            items[i]
                .claim
                .attribution
                .as_ref()
                .map(|a| a.as_written.as_str())
        })
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect();
    // Per distinct mention (as written, source): whether a figure's
    // attribution absorbs it, and the source it then belongs to. A long
    // article repeats its mentions; each is decided once.
    let mut decided: HashMap<(String, String), (bool, Option<String>)> = HashMap::new();
    let fates = found
        .iter()
        .map(|m| {
            decided
                .entry((m.as_written.clone(), m.id.clone()))
                .or_insert_with(|| {
                    // A mention a figure's attribution already accounts for
                    // ("South Korean assessments" narrowed to the NIS) is not
                    // a source of its own.
                    let absorbed = claim_cues.iter().any(|c| has_phrase(c, &m.as_written));
                    // An absorbed mention belongs to the source its figure
                    // was given: the same one, or one of its family the
                    // extractor narrowed it to.
                    let owner = absorbed
                        .then(|| {
                            figure_cues.iter().find_map(|(cue, id, joint, via)| {
                                if !has_phrase(cue, &m.as_written) {
                                    return None;
                                }
                                if via.contains(&m.id) {
                                    Some(m.id.clone())
                                } else if !joint
                                    && (*id == m.id || registry.origin_family(id) == m.id)
                                {
                                    Some(id.clone())
                                } else {
                                    None
                                }
                            })
                        })
                        .flatten();
                    (absorbed, owner)
                })
                .clone()
        })
        .collect();
    DocumentRead {
        credits,
        mentions: found,
        fates,
    }
}

/// Source mentions in the sentences of one document.
fn mentions<'s>(
    docreg: &DocumentSources<'_>,
    sentences: impl Iterator<Item = (&'s str, &'s [Cue])>,
    kinds: &mut Kinds,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for (s, found) in sentences {
        if found.is_empty() {
            continue;
        }
        let briefing = tells_of_a_briefing(s);
        for c in found {
            let rest = format!(
                "{} {}",
                s.get(..c.start).unwrap_or(""),
                s.get(c.end..).unwrap_or("")
            );
            for m in &c.mentions {
                if let Some((id, kind)) = resolve_mention(docreg, m, kinds) {
                    out.push(Mention {
                        interest: docreg.registry().interested_party(&id, &rest),
                        id,
                        kind,
                        as_written: tidy(m),
                        briefing: briefing && c.kind != CueKind::Citing,
                    });
                }
            }
        }
    }
    out
}

/// The normalized source id of a claim and its joint members.
fn source_of(registry: &SourceRegistry, c: &Claim) -> Option<(String, SourceKind, Vec<String>)> {
    let a = c.attribution.as_ref()?;
    if !a.joint.is_empty() {
        let members: Vec<String> = a.joint.iter().map(|m| canonical(registry, m)).collect();
        return Some((members.join(" + "), a.kind, members));
    }
    let id = canonical(registry, &a.source);
    let kind = registry.get(&id).map_or(a.kind, |s| s.kind);
    match kind {
        SourceKind::Anonymous => Some((ANONYMOUS_ID.to_string(), kind, Vec::new())),
        SourceKind::Outlet | SourceKind::Reader => None,
        _ if is_non_origin(kind, &id) => None,
        _ => Some((id, kind, Vec::new())),
    }
}

/// The ledger of a batch. `documents` may be empty (documents are then
/// known only from the items, without credit lines or named sources).
pub fn ledger(
    items: &[Item<'_>],
    clusters: &[Cluster],
    assessment: &Assessment,
    registry: &SourceRegistry,
    documents: &[DocumentInfo<'_>],
) -> Ledger {
    let scans = documents
        .par_iter()
        .map(|d| scan(registry, d.sentences))
        .collect();
    ledger_scanned(items, clusters, assessment, registry, documents, scans)
}

/// What the ledger reads of one document's text: the registry with the
/// acronyms the document defines, and the sources its sentences name.
/// Made by [`scan`] while the text is at hand, so that a batch's text can
/// be dropped once its claims are extracted ([`ledger_scanned`]).
pub struct DocumentScan<'r> {
    registry: DocumentSources<'r>,
    mentions: Vec<Mention>,
}

/// The [`DocumentScan`] of a document's article sentences
/// ([`DocumentInfo::sentences`]).
pub fn scan<'r>(registry: &'r SourceRegistry, sentences: &[&str]) -> DocumentScan<'r> {
    let found: Vec<Vec<Cue>> = sentences.iter().map(|s| cues(s)).collect();
    scan_cued(registry, sentences, &found)
}

/// [`scan`] given each sentence's attribution [`cues`] (`cues[k]` those of
/// `sentences[k]`), as [`extract_cued`] finds them: the sentences are not
/// parsed again.
///
/// [`extract_cued`]: crosscheck_claims::claim::extract_cued
pub fn scan_cued<'r>(
    registry: &'r SourceRegistry,
    sentences: &[&str],
    cues: &[Vec<Cue>],
) -> DocumentScan<'r> {
    let docreg = registry.for_document(&sentences.join(" "));
    let pairs = sentences.iter().zip(cues).map(|(s, c)| (*s, c.as_slice()));
    // One thread's documents share what it has classified: a batch names
    // the same unknown sources in article after article
    // (`classify_unknown` reads only the mention).
    let mentions = KNOWN_KINDS.with(|kinds| {
        let mut kinds = kinds.borrow_mut();
        if kinds.len() > MAX_KNOWN_KINDS {
            kinds.clear();
        }
        mentions(&docreg, pairs, &mut kinds)
    });
    DocumentScan {
        registry: docreg,
        mentions,
    }
}

/// [`ledger`] with each document's [`DocumentScan`] made beforehand:
/// `scans[d]` is the scan of `documents[d]`, whose `sentences` are then
/// not read (a document without a scan is scanned here). The same ledger
/// as [`ledger`] given the sentences the scans were made of.
pub fn ledger_scanned(
    items: &[Item<'_>],
    clusters: &[Cluster],
    assessment: &Assessment,
    registry: &SourceRegistry,
    documents: &[DocumentInfo<'_>],
    scans: Vec<DocumentScan<'_>>,
) -> Ledger {
    // Whether each item is a repeat, and the (last) cluster it is in, by
    // item index; indices past the items are ignored.
    let mut repeat_flags = vec![false; items.len()];
    let mut cluster_of: Vec<Option<usize>> = vec![None; items.len()];
    for (ci, c) in clusters.iter().enumerate() {
        for &(_, r) in &c.duplicates {
            if let Some(flag) = repeat_flags.get_mut(r) {
                *flag = true;
            }
        }
        for &m in &c.members {
            if let Some(slot) = cluster_of.get_mut(m) {
                *slot = Some(ci);
            }
        }
    }
    let repeats = Repeats(&repeat_flags);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.par_sort_by(|&a, &b| cmp_ids(items[a].id, items[b].id));

    // Documents: the ones given, then any only the items name, each id
    // once (the first of an id that comes twice), with its place in that
    // list: its ledger and its sources' counts are found by it.
    let mut doc_ids: Vec<&str> = Vec::with_capacity(documents.len());
    let mut doc_index: FxHashMap<&str, usize> = FxHashMap::default();
    for id in documents
        .iter()
        .map(|d| d.id)
        .chain(order.iter().map(|&i| items[i].doc))
    {
        if !doc_index.contains_key(id) {
            doc_index.insert(id, doc_ids.len());
            doc_ids.push(id);
        }
    }
    // The first document info of each id (as a linear `find` would give).
    let mut info_by_id: HashMap<&str, &DocumentInfo<'_>> = HashMap::with_capacity(documents.len());
    for d in documents {
        info_by_id.entry(d.id).or_insert(d);
    }
    let info_of = |doc: &str| info_by_id.get(doc).copied();
    let mut docs: Vec<DocumentLedger> = doc_ids
        .iter()
        .map(|&d| DocumentLedger {
            id: d.to_string(),
            outlet: info_of(d).and_then(|i| i.outlet).map(str::to_string),
            ..DocumentLedger::default()
        })
        .collect();
    let mut doc_sources: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); docs.len()];
    let doc_of = |doc: &str| doc_index.get(doc).copied();

    let mut accs = Accs::default();

    // Figures and their chains.
    let source_label = |i: usize| -> Option<String> {
        let (id, kind, joint) = source_of(registry, items[i].claim)?;
        Some(known(registry, &id, kind, &joint).label)
    };
    // Each figure's source, and whom that source speaks for in the
    // figure's topic (for figures that are not repeats), worked out on
    // rayon's pool and used in order below.
    let mut sourced: Vec<Option<(String, SourceKind, Vec<String>)>> = items
        .par_iter()
        .map(|it| source_of(registry, it.claim))
        .collect();
    let mut interested: Vec<Option<String>> = items
        .par_iter()
        .zip(&sourced)
        .enumerate()
        .map(|(i, (it, sourced))| {
            let (id, _, joint) = sourced.as_ref()?;
            if repeats.contains(&i) || it.claim.attribution.is_none() {
                return None;
            }
            let about = topic(it.claim);
            if joint.is_empty() {
                return registry.interested_party(id, &about);
            }
            joint.iter().find_map(|m| {
                registry
                    .interested_party(m, &about)
                    .map(|on| format!("{on} (member {m})"))
            })
        })
        .collect();
    // The aliases each figure's own cue gives, as (source id, alias as
    // written) in the order they are recorded, on rayon's pool: the cue
    // parsed and its mentions resolved against the sentence's acronyms.
    let mut cue_aliases: Vec<Vec<(String, String)>> = items
        .par_iter()
        .zip(&sourced)
        .map_init(Kinds::new, |kinds, (it, sourced)| {
            let (Some(a), Some((id, _, joint))) = (&it.claim.attribution, sourced) else {
                return Vec::new();
            };
            if a.inherited {
                return Vec::new();
            }
            let mut out = Vec::new();
            if !joint.is_empty() {
                out.push((id.clone(), tidy(&a.as_written)));
            }
            let docreg = registry.for_document(&it.claim.sentence);
            for c in &cues(&a.as_written) {
                for m in &c.mentions {
                    let Some((mid, _)) = resolve_mention(&docreg, m, kinds) else {
                        continue;
                    };
                    let target =
                        if joint.is_empty() && (mid == *id || mid == registry.origin_family(id)) {
                            Some(id.clone())
                        } else {
                            a.via
                                .iter()
                                .map(|v| canonical(registry, v))
                                .find(|v| *v == mid)
                        };
                    if let Some(t) = target {
                        out.push((t, tidy(m)));
                    }
                }
            }
            out
        })
        .collect();
    // What each document's text says (its credit lines, the sources its
    // sentences name and whose they are), read on rayon's pool before the
    // figures below take their sources, and applied after them in id order
    // (a stable sort: documents with one id keep their order).
    let mut scans: Vec<Option<DocumentScan<'_>>> = scans.into_iter().map(Some).collect();
    scans.resize_with(documents.len(), || None);
    // Item indices per document, in `order` and in item order.
    let mut ordered_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &order {
        ordered_of.entry(items[i].doc).or_default().push(i);
    }
    let mut items_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        items_of.entry(it.doc).or_default().push(i);
    }
    let mut read: Vec<(&DocumentInfo<'_>, DocumentRead<'_>)> = documents
        .par_iter()
        .zip(scans)
        .map(|(info, scanned)| {
            let scanned = scanned.unwrap_or_else(|| scan(registry, info.sentences));
            let read = read_document(
                registry,
                items,
                &sourced,
                info,
                scanned,
                ordered_of.get(info.id).map_or(&[][..], Vec::as_slice),
                items_of.get(info.id).map_or(&[][..], Vec::as_slice),
            );
            (info, read)
        })
        .collect();
    read.sort_by(|a, b| a.0.id.cmp(b.0.id));
    for &i in &order {
        let it = &items[i];
        let repeat = repeats.contains(&i);
        let Some(k) = doc_of(it.doc) else {
            continue;
        };
        let d = &mut docs[k];
        if !repeat {
            d.figures += 1;
        }
        let Some(a) = &it.claim.attribution else {
            if !repeat {
                d.unattributed += 1;
            }
            continue;
        };
        let Some((id, kind, joint)) = sourced[i].take() else {
            if !repeat {
                d.unattributed += 1;
            }
            continue;
        };
        if !repeat {
            if kind == SourceKind::Anonymous {
                d.anonymous += 1;
            } else {
                d.named += 1;
                if a.inherited {
                    d.inherited += 1;
                }
            }
            match doc_sources[k].get_mut(&id) {
                Some(n) => *n += 1,
                None => {
                    doc_sources[k].insert(id.clone(), 1);
                }
            }
        }
        if is_outlet_kind(kind) {
            push_unique(&mut d.relays, id.clone());
            push_unique(&mut d.relayed, i);
        }
        // Relays.
        for v in &a.via {
            let vid = canonical(registry, v);
            let vkind = registry
                .get(&vid)
                .map_or_else(|| SourceRegistry::classify_unknown(v), |s| s.kind);
            if is_outlet_kind(vkind) {
                push_unique(&mut d.relays, vid.clone());
                push_unique(&mut d.relayed, i);
            }
            let r = accs.get(&vid);
            r.kind.get_or_insert(vkind);
            // Items come once each: one already listed is the last (a
            // figure relayed twice by the same outlet), and a source may
            // relay thousands of figures.
            if r.relayed.last() != Some(&i) {
                r.relayed.push(i);
            }
            r.relayed_docs.add(it.doc);
            r.documents.add(it.doc);
        }
        let s = accs.get(&id);
        s.kind.get_or_insert(kind);
        s.joint.clone_from(&joint);
        s.documents.add(it.doc);
        s.claims.push(i);
        if !repeat {
            s.figures.push(i);
            if let Some(on) = interested[i].take() {
                s.interested.push((i, on));
            }
        }
        let mut hops = vec![id.clone()];
        hops.extend(a.via.iter().map(|v| canonical(registry, v)));
        s.chains.entry((hops, it.doc)).or_default().push(i);
        // Aliases as written, from the cue of the figure's own sentence.
        for (t, alias) in std::mem::take(&mut cue_aliases[i]) {
            accs.get(&t).aliases.add(&alias);
        }
    }

    // Credit lines and sources named in the text, document by document in
    // id order (the result must not depend on the order documents come in).
    for (info, read) in read {
        let DocumentRead {
            credits,
            mentions: found,
            fates,
        } = read;
        let Some(d) = doc_of(info.id).map(|k| &mut docs[k]) else {
            continue;
        };
        for (name, id, kind) in credits {
            push_unique(&mut d.credited, id.clone());
            if is_outlet_kind(kind) {
                d.relay = true;
            }
            let s = accs.get(&id);
            s.kind.get_or_insert(kind);
            s.credited_by.add(info.id);
            s.documents.add(info.id);
            s.aliases.add(name.trim());
        }
        for (m, (absorbed, owner)) in found.into_iter().zip(fates) {
            if is_outlet_kind(m.kind) && !absorbed {
                push_unique(&mut d.relays, m.id.clone());
            }
            let target = if absorbed {
                match owner {
                    Some(t) => t,
                    None => continue,
                }
            } else {
                m.id.clone()
            };
            let s = accs.get(&target);
            s.kind.get_or_insert(m.kind);
            if m.briefing {
                s.briefings.add(info.id);
            }
            s.aliases.add(&m.as_written);
            if !absorbed {
                s.mentioned_in.add(info.id);
                s.documents.add(info.id);
                s.mentions.push(m.interest);
            }
        }
        if !d.relays.is_empty() {
            d.relay = true;
        }
    }

    // Conflicts, and with whom.
    let mut rivals: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for f in &assessment.findings {
        if f.kind != FindingKind::Conflict {
            continue;
        }
        let Some((&primary, others)) = f.claims.split_first() else {
            continue;
        };
        for &o in others {
            if let Some(l) = source_label(o) {
                rivals.entry(primary).or_default().insert(l);
            }
            if let Some(l) = source_label(primary) {
                rivals.entry(o).or_default().insert(l);
            }
        }
    }

    // Figures only one article has.
    for &i in &order {
        if repeats.contains(&i) {
            continue;
        }
        let alone = match cluster_of[i].and_then(|c| clusters.get(c)) {
            Some(c) => c
                .effective()
                .all(|m| m >= items.len() || items[m].doc == items[i].doc),
            None => true,
        };
        if alone && let Some(d) = doc_of(items[i].doc).map(|k| &mut docs[k]) {
            d.exclusive.push(i);
        }
    }

    // Sources.
    // Each source's entry on rayon's pool, gathered in id order.
    let mut sources: Vec<SourceLedger> = accs
        .into_sorted()
        .into_par_iter()
        .map(|a| finish(a, items, registry, assessment, &rivals))
        .collect();
    sources.sort_by(|a, b| {
        b.figures
            .cmp(&a.figures)
            .then(b.relayed.len().cmp(&a.relayed.len()))
            .then(b.documents.len().cmp(&a.documents.len()))
            .then_with(|| a.id.cmp(&b.id))
    });

    // Documents.
    let mut doc_list: Vec<DocumentLedger> = Vec::with_capacity(doc_ids.len());
    for (mut d, counts) in docs.into_iter().zip(doc_sources) {
        d.named_share = share(d.named, d.figures);
        d.anonymous_share = share(d.anonymous, d.figures);
        d.unattributed_share = share(d.unattributed, d.figures);
        let mut by: Vec<(String, usize)> = counts.into_iter().collect();
        by.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        d.sources = by.into_iter().map(|(s, _)| s).collect();
        d.relay = d.relay || !d.relays.is_empty();
        doc_list.push(d);
    }

    // Outlets.
    let mut by_outlet: BTreeMap<String, Vec<&DocumentLedger>> = BTreeMap::new();
    for d in &doc_list {
        if let Some(o) = d.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            by_outlet.entry(o.to_string()).or_default().push(d);
        }
    }
    let outlets = by_outlet
        .into_iter()
        .map(|(outlet, ds)| outlet_of(outlet, &ds))
        .collect();

    let summary = summary(items, repeats, assessment, registry, &doc_list, &sources);
    Ledger {
        sources,
        documents: doc_list,
        outlets,
        summary,
    }
}

fn outlet_of(outlet: String, ds: &[&DocumentLedger]) -> OutletLedger {
    let sum = |f: fn(&DocumentLedger) -> usize| ds.iter().map(|d| f(d)).sum::<usize>();
    let figures = sum(|d| d.figures);
    let named = sum(|d| d.named);
    let anonymous = sum(|d| d.anonymous);
    let unattributed = sum(|d| d.unattributed);
    // Sources by how many of the outlet's documents rest on them.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in ds {
        for s in &d.sources {
            *counts.entry(s.as_str()).or_default() += 1;
        }
    }
    let mut sources: Vec<(&str, usize)> = counts.into_iter().collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut credited = Vec::new();
    let mut relays = Vec::new();
    for d in ds {
        for c in &d.credited {
            push_unique(&mut credited, c.clone());
        }
        for r in &d.relays {
            push_unique(&mut relays, r.clone());
        }
    }
    OutletLedger {
        outlet,
        documents: ds.iter().map(|d| d.id.clone()).collect(),
        figures,
        named,
        inherited: sum(|d| d.inherited),
        anonymous,
        unattributed,
        named_share: share(named, figures),
        anonymous_share: share(anonymous, figures),
        unattributed_share: share(unattributed, figures),
        sources: sources.into_iter().map(|(s, _)| s.to_string()).collect(),
        credited,
        exclusive: sum(|d| d.exclusive.len()),
        relays,
        relaying_documents: ds.iter().filter(|d| d.relay).count(),
    }
}

/// A source's figures judged, and its score.
fn finish(
    a: Acc<'_>,
    items: &[Item<'_>],
    registry: &SourceRegistry,
    assessment: &Assessment,
    rivals: &BTreeMap<usize, BTreeSet<String>>,
) -> SourceLedger {
    let k = known(
        registry,
        &a.id,
        a.kind.unwrap_or(SourceKind::Other),
        &a.joint,
    );
    let n = a.figures.len();
    let mut corroborated = 0;
    let mut corroborated_by: Vec<String> = Vec::new();
    let mut echoed = 0;
    let mut conflicts = 0;
    let mut possible_conflicts = 0;
    let mut conflicts_with: BTreeSet<String> = BTreeSet::new();
    let mut single_source = 0;
    let mut hedging = Hedging::default();
    for &i in &a.figures {
        if let Some(e) = assessment.evidence.get(i) {
            if e.corroborating.is_empty() {
                if e.echoes > 0 {
                    echoed += 1;
                }
            } else {
                corroborated += 1;
                for l in &e.corroborating {
                    push_unique(&mut corroborated_by, l.to_string());
                }
            }
            match e.conflict {
                Some(Severity::Error) => conflicts += 1,
                Some(_) => possible_conflicts += 1,
                None => {}
            }
            if e.single_source {
                single_source += 1;
            }
        }
        if let Some(r) = rivals.get(&i) {
            conflicts_with.extend(r.iter().cloned());
        }
        match items[i].claim.modality {
            Modality::Estimated => hedging.estimated += 1,
            Modality::Believed => hedging.believed += 1,
            Modality::Reported => hedging.reported += 1,
            Modality::Planned => hedging.planned += 1,
            Modality::Possible => hedging.possible += 1,
            Modality::Asserted | Modality::Denied => {}
        }
    }
    hedging.share = share(hedging.total(), n);
    conflicts_with.remove(&k.label);

    let interested_party = if n > 0 {
        (!a.interested.is_empty()).then(|| InterestedParty {
            topics: a
                .interested
                .iter()
                .map(|(_, t)| t.clone())
                .unique()
                .collect(),
            statements: a.interested.len(),
            of: n,
        })
    } else {
        let hits: Vec<&String> = a.mentions.iter().flatten().collect();
        (!hits.is_empty()).then(|| InterestedParty {
            topics: hits.iter().map(|t| (*t).clone()).unique().collect(),
            statements: hits.len(),
            of: a.mentions.len(),
        })
    };

    let documents: Vec<String> = a.documents.to_vec();
    let figure_docs: BTreeSet<&str> = a.claims.iter().map(|&i| items[i].doc).collect();
    let named_in: Vec<String> = a
        .mentioned_in
        .iter()
        .filter(|d| !figure_docs.contains(d) && !a.relayed_docs.contains(d))
        .map(str::to_string)
        .collect();
    let origin_label = if n > 0 || !a.claims.is_empty() {
        a.claims
            .first()
            .and_then(|&i| origin(registry, items[i].claim))
            .map(|o| o.label)
    } else if is_non_origin(k.kind, &a.id) {
        None
    } else {
        let f = registry.origin_family(&a.id);
        Some(
            registry
                .get(f)
                .map_or_else(|| f.to_string(), |s| s.name.clone()),
        )
    };

    let tally = Tally {
        figures: n,
        corroborated,
        corroborated_by: &corroborated_by,
        echoed,
        conflicts,
        possible_conflicts,
        conflicts_with: &conflicts_with.iter().cloned().collect::<Vec<_>>(),
        single_source,
        hedging: &hedging,
        interested: interested_party.as_ref(),
        relayed: &a.relayed,
        relayed_from: &a
            .relayed
            .iter()
            .filter_map(|&i| source_of(registry, items[i].claim).map(|s| s.0))
            .unique()
            .collect::<Vec<_>>(),
        credited_by: &a.credited_by.to_vec(),
        named_in: &named_in,
    };
    let credibility = score(k.prior, &k.prior_why, &tally);

    let mut chains: Vec<Chain> = a
        .chains
        .into_iter()
        .map(|((hops, document), claims)| Chain {
            hops,
            document: document.to_string(),
            claims,
        })
        .collect();
    chains.sort_by(|x, y| {
        x.document
            .cmp(&y.document)
            .then(x.hops.len().cmp(&y.hops.len()))
            .then_with(|| x.hops.cmp(&y.hops))
    });
    let mut relayed = a.relayed;
    relayed.sort_by(|&x, &y| cmp_ids(items[x].id, items[y].id));
    SourceLedger {
        id: a.id,
        label: k.label,
        name: k.name,
        kind: k.kind,
        registered: k.registered,
        joint: k.joint,
        origin: origin_label,
        aliases: a.aliases.list,
        documents,
        claims: a.claims,
        figures: n,
        relayed,
        credited_by: a.credited_by.to_vec(),
        named_in,
        briefings: a.briefings.to_vec(),
        chains,
        corroborated,
        corroborated_by,
        echoed,
        conflicts,
        possible_conflicts,
        conflicts_with: conflicts_with.into_iter().collect(),
        single_source,
        hedging,
        interested_party,
        credibility,
    }
}

/// What a source's score is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Tally<'a> {
    /// Distinct figures it is the origin of.
    pub figures: usize,
    /// Of those, corroborated by an independent origin.
    pub corroborated: usize,
    /// The corroborating origins.
    pub corroborated_by: &'a [String],
    /// Backed only by the same origin elsewhere.
    pub echoed: usize,
    /// In a conflict.
    pub conflicts: usize,
    /// In a possible conflict only.
    pub possible_conflicts: usize,
    /// The sources of the rival figures.
    pub conflicts_with: &'a [String],
    /// Only one article gives them.
    pub single_source: usize,
    /// Modalities.
    pub hedging: &'a Hedging,
    /// Interested party, if it is one.
    pub interested: Option<&'a InterestedParty>,
    /// Figures it relays as an intermediary.
    pub relayed: &'a [usize],
    /// The origins of those figures.
    pub relayed_from: &'a [String],
    /// Documents whose credit lines name it.
    pub credited_by: &'a [String],
    /// Documents that name it without a figure.
    pub named_in: &'a [String],
}

/// The score of a source: its prior, then one line per rule that applies
/// (table in the crate docs). Lines add up to the score before clamping.
pub fn score(prior: f64, prior_why: &str, t: &Tally<'_>) -> SourceScore {
    use weights::*;
    let mut lines = vec![ScoreLine {
        rule: "base",
        weight: r2(prior),
        why: prior_why.to_string(),
    }];
    let n = t.figures;
    let mut add = |rule: &'static str, w: f64, why: String| {
        lines.push(ScoreLine {
            rule,
            weight: r2(w),
            why,
        });
    };
    let frac = |k: usize| k as f64 / n.max(1) as f64;
    if n == 0 {
        let mut what: Vec<String> = Vec::new();
        if !t.relayed.is_empty() {
            what.push(format!(
                "relays {} from {}",
                plural(t.relayed.len(), "figure"),
                join_and(t.relayed_from)
            ));
        }
        if !t.credited_by.is_empty() {
            what.push(format!("credited by {}", t.credited_by.join(", ")));
        }
        if !t.named_in.is_empty() {
            what.push(format!(
                "named in {} without a figure",
                t.named_in.join(", ")
            ));
        }
        add(
            "no-figures",
            0.0,
            format!(
                "no figures of its own in this batch{}",
                if what.is_empty() {
                    String::new()
                } else {
                    format!(": {}", what.join("; "))
                }
            ),
        );
    }
    if t.corroborated > 0 {
        add(
            "corroborated",
            CORROBORATED * frac(t.corroborated),
            format!(
                "corroborated: {} of {n} figures agree with an independent origin ({}) (+{CORROBORATED:.2} × {}/{n})",
                t.corroborated,
                t.corroborated_by.join("; "),
                t.corroborated
            ),
        );
    }
    if t.echoed > 0 {
        add(
            "echoed",
            0.0,
            format!(
                "{} of {n} figures are repeated in other articles only by the same origin: repetition, not confirmation",
                t.echoed
            ),
        );
    }
    if t.conflicts > 0 {
        add(
            "conflict",
            CONFLICT * frac(t.conflicts),
            format!(
                "in conflict: {} of {n} figures conflict with {} ({CONFLICT:.2} × {}/{n})",
                t.conflicts,
                if t.conflicts_with.is_empty() {
                    "other figures".to_string()
                } else {
                    join_and(t.conflicts_with)
                },
                t.conflicts
            ),
        );
    }
    if t.possible_conflicts > 0 {
        add(
            "possible-conflict",
            POSSIBLE_CONFLICT * frac(t.possible_conflicts),
            format!(
                "possibly in conflict: {} of {n} figures ({POSSIBLE_CONFLICT:.2} × {}/{n})",
                t.possible_conflicts, t.possible_conflicts
            ),
        );
    }
    let hedged = t.hedging.total();
    if hedged > 0 {
        add(
            "hedged",
            HEDGED * frac(hedged),
            format!(
                "hedged: {hedged} of {n} figures are not firm ({}) ({HEDGED:.2} × {hedged}/{n})",
                t.hedging.breakdown()
            ),
        );
    }
    if t.single_source > 0 {
        add(
            "single-source",
            SINGLE_SOURCE * frac(t.single_source),
            format!(
                "single source: {} of {n} figures appear in no other article ({SINGLE_SOURCE:.2} × {}/{n})",
                t.single_source, t.single_source
            ),
        );
    }
    if let Some(ip) = t.interested {
        let loss = 1.0 - INTERESTED_PARTY_FACTOR;
        add(
            "interested-party",
            -prior * loss * ip.statements as f64 / ip.of.max(1) as f64,
            format!(
                "interested party: {} of {} {} about {} (-{prior:.2} × 1/3 × {}/{})",
                ip.statements,
                ip.of,
                if n > 0 {
                    "figures are"
                } else {
                    "sentences naming it are"
                },
                join_and(&ip.topics),
                ip.statements,
                ip.of
            ),
        );
    }
    let total: f64 = lines.iter().map(|l| l.weight).sum();
    SourceScore {
        score: r2(total.clamp(FLOOR, CEILING)),
        lines,
    }
}

/// The batch's independence, structured and in words.
fn summary(
    items: &[Item<'_>],
    repeats: Repeats<'_>,
    assessment: &Assessment,
    registry: &SourceRegistry,
    docs: &[DocumentLedger],
    sources: &[SourceLedger],
) -> Summary {
    let figures: usize = docs.iter().map(|d| d.figures).sum();
    let anonymous: usize = docs.iter().map(|d| d.anonymous).sum();
    let unattributed: usize = docs.iter().map(|d| d.unattributed).sum();
    let n_docs = docs.len();
    let mut origins: Vec<OriginSummary> = assessment
        .origin_tally
        .iter()
        .map(|t| {
            let claims: Vec<usize> = t
                .claims
                .iter()
                .copied()
                .filter(|i| !repeats.contains(i) && *i < items.len())
                .collect();
            let documents: Vec<String> = claims
                .iter()
                .map(|&i| items[i].doc.to_string())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let briefings: Vec<String> = sources
                .iter()
                .filter(|s| t.sources.contains(&s.id))
                .flat_map(|s| s.briefings.iter().cloned())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            OriginSummary {
                key: t.key.clone(),
                label: t.label.clone(),
                sources: t.sources.clone(),
                figures: claims.len(),
                claims,
                documents,
                share: 0.0,
                dominant: false,
                briefings,
                shared_members: Vec::new(),
            }
        })
        .collect();
    let keys: Vec<String> = origins.iter().map(|o| o.key.clone()).collect();
    for o in &mut origins {
        if let Some(members) = o.key.strip_prefix("joint:") {
            o.shared_members = members
                .split('+')
                .filter(|m| keys.iter().any(|k| k == m))
                .map(|m| country_or_name(registry, m))
                .collect();
        }
    }
    let attributed: usize = origins.iter().map(|o| o.figures).sum();
    for o in &mut origins {
        o.share = share(o.figures, attributed);
    }
    if let Some(top) = origins.first_mut() {
        top.dominant = attributed > 0 && top.figures * 3 >= attributed * 2;
    }
    let text = summary_text(
        (figures, attributed, anonymous, unattributed, n_docs),
        &origins,
    );
    Summary {
        documents: n_docs,
        figures,
        attributed,
        anonymous,
        unattributed,
        independent_origins: origins.len(),
        origins,
        text,
    }
}

/// The origin's label as a noun phrase: "a joint estimate of …".
fn origin_name(o: &OriginSummary) -> String {
    if o.label.starts_with("joint ") {
        format!("a {}", o.label)
    } else {
        o.label.clone()
    }
}

/// "Government of South Korea (NIS)"; the sources only when they say more
/// than the label.
fn origin_phrase(o: &OriginSummary) -> String {
    if o.sources.len() == 1 && o.sources[0] == o.label {
        origin_name(o)
    } else {
        format!("{} ({})", origin_name(o), o.sources.join(", "))
    }
}

fn in_docs(o: &OriginSummary, n_docs: usize) -> String {
    let d = o.documents.len();
    if d == n_docs && d > 1 {
        format!("in all {d} articles")
    } else {
        format!(
            "in {d} of {n_docs} article{}",
            if n_docs == 1 { "" } else { "s" }
        )
    }
}

/// "; South Korea is one of its members" for a joint origin that shares
/// members with other origins of the batch.
fn shared_note(o: &OriginSummary) -> String {
    match o.shared_members.as_slice() {
        [] => String::new(),
        [one] => format!("; {one} is one of its members"),
        many => format!("; {} are among its members", join_and(many)),
    }
}

/// `counts`: figures, attributed, anonymous, unattributed, documents.
fn summary_text(counts: (usize, usize, usize, usize, usize), origins: &[OriginSummary]) -> String {
    let (figures, attributed, anonymous, unattributed, n_docs) = counts;
    let mut out = String::new();
    if figures == 0 {
        return "No figures in the batch.".to_string();
    }
    let lead = format!(
        "{} in {}, {} to a named source",
        plural(figures, "figure"),
        plural(n_docs, "article"),
        if attributed == figures && figures > 1 {
            "all attributed".to_string()
        } else {
            format!("{attributed} attributed")
        }
    );
    match origins {
        [] => {
            out.push_str(&format!(
                "{lead}: none names a source that counts as an origin, so nothing here can be checked against where it came from."
            ));
        }
        [only] => {
            out.push_str(&format!(
                "{lead}: all of them rest on one origin, {} ({}), so agreement between articles is repetition, not independent corroboration.",
                origin_phrase(only),
                in_docs(only, n_docs)
            ));
            if !only.briefings.is_empty() {
                out.push_str(&format!(
                    " {} describe it briefing lawmakers.",
                    plural(only.briefings.len(), "article")
                ));
            }
        }
        [top, rest @ ..] => {
            out.push_str(&format!(
                "{lead}; they rest on {} independent origins.",
                origins.len()
            ));
            if top.dominant {
                out.push_str(&format!(
                    " {} of them ({}) trace back to one origin, {}",
                    top.figures,
                    in_docs(top, n_docs),
                    origin_phrase(top)
                ));
                if !top.briefings.is_empty() {
                    out.push_str(&format!(
                        ", described in {} as briefing lawmakers",
                        plural(top.briefings.len(), "article")
                    ));
                }
                out.push(';');
            } else {
                const LISTED: usize = 5;
                let mut listed: Vec<String> = origins
                    .iter()
                    .take(LISTED)
                    .map(|o| {
                        format!(
                            "{} ({}{})",
                            origin_phrase(o),
                            plural(o.figures, "figure"),
                            shared_note(o)
                        )
                    })
                    .collect();
                if origins.len() > LISTED {
                    let more = &origins[LISTED..];
                    listed.push(format!(
                        "{} more with {}",
                        more.len(),
                        plural(more.iter().map(|o| o.figures).sum(), "figure")
                    ));
                }
                out.push_str(&format!(
                    " No single origin dominates: {}.",
                    join_and(&listed)
                ));
                push_unattributed(&mut out, anonymous, unattributed);
                return out;
            }
            let others: Vec<String> = rest
                .iter()
                .map(|o| {
                    format!(
                        "{} ({}, {}{})",
                        origin_name(o),
                        plural(o.figures, "figure"),
                        in_docs(o, n_docs),
                        shared_note(o)
                    )
                })
                .collect();
            out.push_str(&format!(
                " the {} {}.",
                if others.len() == 1 {
                    "only other origin is"
                } else {
                    "other origins are"
                },
                join_and(&others)
            ));
            if top.dominant {
                out.push_str(" Few independent origins: agreement between these articles is mostly repetition of one origin.");
            }
        }
    }
    push_unattributed(&mut out, anonymous, unattributed);
    out
}

/// " 3 figures unattributed and 2 figures from unnamed sources."
fn push_unattributed(out: &mut String, anonymous: usize, unattributed: usize) {
    let mut parts = Vec::new();
    if unattributed > 0 {
        parts.push(format!("{} unattributed", plural(unattributed, "figure")));
    }
    if anonymous > 0 {
        parts.push(format!(
            "{} from unnamed sources",
            plural(anonymous, "figure")
        ));
    }
    if !parts.is_empty() {
        out.push_str(&format!(" {}.", join_and(&parts)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The alias list keeps the names a linear check of every name
        /// kept so far keeps ("The NIS", "the nis", "NIS" are one).
        #[test]
        fn aliases_keep_what_a_check_of_every_kept_name_keeps(
            names in prop::collection::vec("(the |The |THE )?(nis|NIS|Nis|kcna|KCNA|İstanbul|ΣΑΣ|σας)", 0..12)
        ) {
            let mut kept: Vec<String> = Vec::new();
            for n in &names {
                if !has_alias(&kept, n) {
                    kept.push(n.clone());
                }
            }
            let mut aliases = Aliases::default();
            for n in &names {
                aliases.add(n);
            }
            prop_assert_eq!(aliases.list, kept);
        }

        /// A document set holds each id once, in id order, however often
        /// and in whatever order the ids come.
        #[test]
        fn a_document_set_is_the_set_of_ids_it_was_given(
            ids in prop::collection::vec("d[0-3]", 0..20)
        ) {
            let mut set = DocSet::default();
            for id in &ids {
                set.add(id);
            }
            let want: Vec<String> = ids.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect();
            prop_assert_eq!(set.to_vec(), want);
            for id in &ids {
                prop_assert!(set.contains(id));
            }
        }
    }

    /// A tally of `figures` figures with nothing else to say.
    fn tally(figures: usize, hedging: &Hedging) -> Tally<'_> {
        Tally {
            figures,
            corroborated: 0,
            corroborated_by: &[],
            echoed: 0,
            conflicts: 0,
            possible_conflicts: 0,
            conflicts_with: &[],
            single_source: 0,
            hedging,
            interested: None,
            relayed: &[],
            relayed_from: &[],
            credited_by: &[],
            named_in: &[],
        }
    }

    fn rule<'s>(s: &'s SourceScore, name: &str) -> &'s ScoreLine {
        s.lines
            .iter()
            .find(|l| l.rule == name)
            .unwrap_or_else(|| panic!("no {name} line in {:#?}", s.lines))
    }

    fn adds_up(s: &SourceScore) {
        let sum: f64 = s.lines.iter().map(|l| l.weight).sum();
        assert!(
            (r2(sum.clamp(weights::FLOOR, weights::CEILING)) - s.score).abs() < 1e-9,
            "{s:#?}"
        );
        // The text of each line starts with its weight.
        for (l, text) in s.lines.iter().zip(s.reasons()) {
            let w: f64 = text
                .split_whitespace()
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or(f64::NAN);
            assert!((w - l.weight).abs() < 1e-9, "{text}");
        }
    }

    #[test]
    fn rule_base_is_the_prior() {
        let h = Hedging::default();
        let s = score(
            0.6,
            "NIS, intelligence agency (registry prior)",
            &tally(3, &h),
        );
        assert_eq!(s.lines.len(), 1);
        assert_eq!(
            s.reasons(),
            ["0.60 base: NIS, intelligence agency (registry prior)"]
        );
        assert_eq!(s.score, 0.6);
    }

    #[test]
    fn rule_corroborated_adds_its_weight_times_the_share() {
        let h = Hedging::default();
        let by = ["joint estimate of A and B".to_string()];
        let t = Tally {
            corroborated: 2,
            corroborated_by: &by,
            ..tally(4, &h)
        };
        let s = score(0.6, "x", &t);
        let l = rule(&s, "corroborated");
        assert_eq!(l.weight, 0.08, "0.15 × 2/4 = 0.075");
        assert!(l.why.contains("2 of 4 figures") && l.why.contains("joint estimate of A and B"));
        assert_eq!(s.score, 0.68);
        adds_up(&s);
    }

    #[test]
    fn rule_echoed_is_said_but_weighs_nothing() {
        let h = Hedging::default();
        let t = Tally {
            echoed: 3,
            ..tally(4, &h)
        };
        let s = score(0.6, "x", &t);
        let l = rule(&s, "echoed");
        assert_eq!(l.weight, 0.0);
        assert!(l.why.contains("repetition, not confirmation"), "{}", l.why);
        assert_eq!(s.score, 0.6);
    }

    #[test]
    fn rule_conflict_subtracts_its_weight_times_the_share_and_names_the_rivals() {
        let h = Hedging::default();
        let rivals = ["HUR".to_string(), "Pentagon".to_string()];
        let t = Tally {
            conflicts: 1,
            conflicts_with: &rivals,
            ..tally(2, &h)
        };
        let s = score(0.6, "x", &t);
        let l = rule(&s, "conflict");
        assert_eq!(l.weight, -0.15, "-0.30 × 1/2");
        assert!(l.why.contains("HUR and Pentagon"), "{}", l.why);
        adds_up(&s);
    }

    #[test]
    fn rule_possible_conflict_costs_half_a_conflict() {
        let h = Hedging::default();
        let t = Tally {
            possible_conflicts: 2,
            ..tally(2, &h)
        };
        let s = score(0.6, "x", &t);
        assert_eq!(rule(&s, "possible-conflict").weight, -0.15);
        assert_eq!(s.score, 0.45);
    }

    #[test]
    fn rule_hedged_counts_estimates_beliefs_reports_plans_and_possibilities() {
        let h = Hedging {
            estimated: 1,
            believed: 1,
            planned: 2,
            share: 0.8,
            ..Hedging::default()
        };
        let s = score(0.6, "x", &tally(5, &h));
        let l = rule(&s, "hedged");
        assert_eq!(l.weight, -0.04, "-0.05 × 4/5");
        assert!(l.why.contains("1 estimate, 1 belief, 2 plans"), "{}", l.why);
        adds_up(&s);
    }

    #[test]
    fn rule_single_source_costs_by_share() {
        let h = Hedging::default();
        let t = Tally {
            single_source: 1,
            ..tally(1, &h)
        };
        let s = score(0.6, "x", &t);
        assert_eq!(rule(&s, "single-source").weight, -0.05);
        assert_eq!(s.score, 0.55);
    }

    #[test]
    fn rule_interested_party_takes_a_third_of_the_prior_by_share() {
        let h = Hedging::default();
        let ip = InterestedParty {
            topics: vec!["North Korea".to_string()],
            statements: 2,
            of: 2,
        };
        let t = Tally {
            interested: Some(&ip),
            ..tally(2, &h)
        };
        let s = score(0.3, "KCNA, state media (registry prior)", &t);
        let l = rule(&s, "interested-party");
        assert_eq!(l.weight, -0.1, "0.30 × (1 − 2/3)");
        assert!(l.why.contains("about North Korea"), "{}", l.why);
        assert_eq!(
            s.score, 0.2,
            "the registry's prior_about for KCNA on North Korea"
        );
    }

    #[test]
    fn rule_no_figures_says_why_a_source_is_listed() {
        let h = Hedging::default();
        let relayed = [3];
        let from = ["NIS".to_string()];
        let credited = ["a".to_string()];
        let t = Tally {
            relayed: &relayed,
            relayed_from: &from,
            credited_by: &credited,
            ..tally(0, &h)
        };
        let s = score(0.8, "Yonhap, wire service (registry prior)", &t);
        let l = rule(&s, "no-figures");
        assert_eq!(l.weight, 0.0);
        assert_eq!(
            l.why,
            "no figures of its own in this batch: relays 1 figure from NIS; credited by a"
        );
        assert_eq!(s.score, 0.8);
    }

    #[test]
    fn scores_are_clamped_but_lines_still_add_up() {
        let h = Hedging {
            possible: 1,
            share: 1.0,
            ..Hedging::default()
        };
        let t = Tally {
            conflicts: 1,
            single_source: 1,
            ..tally(1, &h)
        };
        let s = score(0.1, "reader (registry prior)", &t);
        assert_eq!(s.score, weights::FLOOR);
        adds_up(&s);
    }

    #[test]
    fn mentions_match_whole_words_only() {
        assert!(has_phrase(
            "South Korea, the U.S., and Ukraine estimate",
            "South Korea"
        ));
        assert!(!has_phrase(
            "The South Korean intelligence agency informed",
            "South Korea"
        ));
        assert_eq!(
            tidy("South Korea, the U.S., and Ukraine estimate"),
            "South Korea, the U.S., and Ukraine"
        );
    }
}
