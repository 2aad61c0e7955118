//! crosscheck-cluster: groups the claims of a batch that talk about the same thing.
//!
//! ```
//! use crosscheck_claims::claim::{extract, Source};
//! use crosscheck_claims::registry::SourceRegistry;
//! use crosscheck_cluster::{cluster, Item, Thesaurus};
//!
//! let registry = SourceRegistry::with_defaults();
//! let a = "The NIS said North Korea has sent about 15,000 troops to Russia.";
//! let b = "Officials said Pyongyang sent 14,000 soldiers to Russia. It also sent 3 million shells.";
//! let (ca, cb) = (
//!     extract(Source { text: a, blocks: &[0..a.len()], published: None }, &registry),
//!     extract(Source { text: b, blocks: &[0..b.len()], published: None }, &registry),
//! );
//! let items = vec![
//!     Item { id: "a#1", doc: "a", published: None, claim: &ca[0] },
//!     Item { id: "b#1", doc: "b", published: None, claim: &cb[0] },
//!     Item { id: "b#2", doc: "b", published: None, claim: &cb[1] },
//! ];
//! let clusters = cluster(&items, &Thesaurus::builtin());
//! assert_eq!(clusters.len(), 2);
//! assert_eq!(clusters[0].members, vec![0, 1]);
//! assert_eq!(clusters[0].label, "troops sent to Russia");
//! assert!(clusters[0].id.starts_with("c-troop-"));
//! ```
//!
//! # What "the same thing" means
//!
//! Every claim is reduced to a [`Profile`]:
//!
//! - **category**: count, money, proportion (percentages and shares) or
//!   duration. A count never clusters with a percentage or money.
//! - **base**: `people` for anything the [`Thesaurus`] knows as people
//!   (troops, workers, sappers, protesters, the dead), else the thesaurus
//!   concept ("shell") or the head lemma.
//! - **scope**: the roles the figure covers, from the head ("sappers" →
//!   engineer), its modifiers ("military construction troops" → construction),
//!   the other heads of a conjoined phrase ("engineers and construction
//!   personnel" → engineer + construction) or, failing those, the clause
//!   after the noun ("… to take part in reconstruction projects"). A people
//!   figure with no role has its generic label as scope ("troop").
//! - **action class** of its verb: move (send, deploy, dispatch …), station
//!   (positioned, stationed), casualty (killed, deaths), … "Troops sent" and
//!   "troops killed" are different things; "troops positioned near the
//!   border" are a part of "troops sent" ([`Cluster::part_of`]).
//! - **actor country** ("Pyongyang" = "North Korea") and **place** ("to
//!   Russia's Kursk region"): two figures with different known actors or
//!   places that share nothing are about different things.
//!
//! Time scope is deliberately *not* part of the key: a revision ("over
//! 11,000" then "15,000") is only visible when figures for different times
//! share a cluster; the scorer reads the time scopes.
//!
//! # The algorithm
//!
//! 1. **Profile** each claim (linear in the text of its sentence). Head
//!    words are matched to the thesaurus exactly, else by Jaro-Winkler
//!    similarity against the terms that share their first letter; role
//!    words in the clause likewise.
//! 2. **Block** by (category, base): only claims in the same block are ever
//!    compared.
//! 3. Inside a block, claims without an action verb take the action class
//!    of the claims they are compatible with (sharing a scope role); when
//!    several classes fit, the one whose claims' sentences are most alike
//!    (Sørensen-Dice on character bigrams, strsim) wins.
//! 4. Per (block, action class), **union-find** links claims that share a
//!    scope role (people) or an unexplained modifier (concepts). This is
//!    how "1,000 sappers" (engineer) and "5,000 construction workers"
//!    (construction) end up with "6,000 engineers and construction
//!    personnel" (both) in one cluster, while plain "troops" stay apart
//!    from "construction troops". Concept claims without modifiers join the
//!    largest modifier group.
//! 5. A group whose claims name two or more different actor countries,
//!    counted people of different countries ("Russian servicemen",
//!    "Ukrainian prisoners"), or places that share nothing, is **split**; claims that name none go
//!    with the part whose sentences are most alike.
//! 6. **Duplicates**: the same figure for the same scope stated twice in
//!    one document is recorded in [`Cluster::duplicates`] and counts once.
//! 7. **Subsets**: a cluster of stationed figures points at the movement
//!    cluster of the same base and scope ([`Cluster::part_of`]).
//! 8. **Order and ids**: members are sorted by claim id (the number after
//!    `#` compared as a number), clusters by size (largest first) then by
//!    their first member's id; [`Cluster::id`] hashes (FNV-1a) the sorted
//!    member ids. Nothing depends on the order of the input.
//!
//! # Complexity
//!
//! With `n` claims, profiling is O(n·s) for sentences of length `s`;
//! blocking, grouping and union-find are O(n log n) (sorting and map
//! insertion), duplicates are found by grouping on a key. There is no
//! all-pairs comparison: a claim without an action (or without an actor or
//! place when a group splits) is compared with at most 16 candidate groups
//! of its block, scanning at most 256 members of each for a sample of 8
//! (O(n·s) with a constant factor); the fuzzy head
//! lookup compares a word only with thesaurus terms of the same first
//! letter. Memory is O(n).
//!
//! Every public item is pure: no I/O, no global state except a lazily
//! built copy of the default source registry used to recognise countries.

pub mod profile;
pub mod similarity;
pub mod terms;
pub mod thesaurus;
pub mod workload;

use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crosscheck_claims::claim::Claim;
use crosscheck_claims::time::Date;
use itertools::Itertools;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use similarity::Bigrams;

pub use profile::{PEOPLE, Profile, action_class, action_class_of, modality_class};
pub use terms::Terms;
pub use thesaurus::{Group, GroupKind, Thesaurus};
use workload::costliest_first;

/// One claim to cluster, with the document it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Claim id, `"<doc>#<n>"`; must be unique in the batch.
    pub id: &'a str,
    /// Document id.
    pub doc: &'a str,
    /// The document's publication date, when known.
    pub published: Option<Date>,
    /// The claim.
    pub claim: &'a Claim,
}

/// How one member belongs to its cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    /// The roles the figure covers, sorted ("construction", "engineer"), or
    /// its generic label ("troop"); empty for concepts. The scorer compares
    /// figures with equal scopes, checks parts against wholes when one
    /// scope contains the other, and adds up parts whose scopes partition
    /// a whole's.
    pub scope: Vec<String>,
    /// How sure the clusterer is that the claim belongs here, 0..1.
    pub confidence: f64,
    /// Why it is less than sure, for editors ("role read from the clause").
    pub doubts: Vec<String>,
}

/// Claims about the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Stable id: `c-<key word>-<8 hex digits of a hash of the member ids>`.
    pub id: String,
    /// For editors: "troops sent to Russia".
    pub label: String,
    /// The cluster key: `category/base/action/scope`.
    pub key: String,
    /// Indices into the items, sorted by item id.
    pub members: Vec<usize>,
    /// How each member belongs (parallel to `members`).
    pub membership: Vec<Membership>,
    /// (kept, repeat) item indices: the same figure stated twice in one
    /// document counts once.
    pub duplicates: Vec<(usize, usize)>,
    /// Index (into the returned clusters) of the cluster this one is a part
    /// of: "troops positioned near the border" ⊂ "troops sent".
    pub part_of: Option<usize>,
}

impl Cluster {
    /// True when the item is a repeat of another member of the same document.
    pub fn is_repeat(&self, item: usize) -> bool {
        self.duplicates.iter().any(|&(_, r)| r == item)
    }

    /// The members that count: without repeats.
    pub fn effective(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.iter().copied().filter(|&m| !self.is_repeat(m))
    }

    /// The membership of an item, if it is a member.
    pub fn membership_of(&self, item: usize) -> Option<&Membership> {
        self.members
            .iter()
            .position(|&m| m == item)
            .and_then(|p| self.membership.get(p))
    }
}

/// Compares claim ids naturally: by the part before the last `#`, then by
/// the part after it as a number ("d#2" < "d#10").
pub fn cmp_ids(a: &str, b: &str) -> Ordering {
    fn split(id: &str) -> (&str, Option<u64>, &str) {
        match id.rsplit_once('#') {
            Some((d, n)) => (d, n.parse().ok(), n),
            None => (id, None, ""),
        }
    }
    let (da, na, ra) = split(a);
    let (db, nb, rb) = split(b);
    da.cmp(db)
        .then_with(|| match (na, nb) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => ra.cmp(rb),
        })
        .then_with(|| a.cmp(b))
}

/// A deterministic total order of items: by id, then span, then text.
fn cmp_items(items: &[Item<'_>], a: usize, b: usize) -> Ordering {
    let (x, y) = (&items[a], &items[b]);
    cmp_ids(x.id, y.id)
        .then_with(|| x.claim.span.start.cmp(&y.claim.span.start))
        .then_with(|| x.claim.text.cmp(&y.claim.text))
}

/// FNV-1a, 64 bits: stable across platforms and releases.
pub fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Union-find over `0..n`.
struct Dsu(Vec<usize>);

impl Dsu {
    fn new(n: usize) -> Self {
        Dsu((0..n).collect())
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut c = x;
        while self.0[c] != r {
            let next = self.0[c];
            self.0[c] = r;
            c = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller root wins, so the result does not depend on call order.
        if ra < rb {
            self.0[rb] = ra;
        } else if rb < ra {
            self.0[ra] = rb;
        }
    }
}

/// How many groups a claim without an action (or actor, or place) is
/// compared with, and how many members of each.
const MAX_CANDIDATE_GROUPS: usize = 16;
const MAX_SAMPLE: usize = 8;

/// Work state of one member while grouping.
#[derive(Debug, Clone)]
struct Member {
    item: usize,
    action: Option<String>,
    confidence: f64,
    doubts: Vec<String>,
}

/// The profiles of one block, with each distinct context's bigrams counted
/// when first needed and each pair of contexts compared at most once or
/// twice. A block's bigrams are dropped with it: claims are compared only
/// within their block, and a large batch's bigrams would otherwise outweigh
/// its text.
///
/// Contexts repeat: syndicated copies and follow-ups reuse whole sentences,
/// and several figures share a sentence. The members a claim is compared
/// with are the first few of each group, so the same pairs of sentences come
/// up again and again; their similarity is remembered.
struct Profiles<'p> {
    list: &'p [Profile],
    /// Item → the id of its context (equal contexts share one).
    context_of: FxHashMap<usize, u32>,
    /// Context id → its bigrams.
    bigrams: Vec<OnceCell<Bigrams>>,
    /// The first item with each context id, to count its bigrams from.
    text_of: Vec<usize>,
    /// What is known of compared pairs of contexts (smaller id in the high
    /// half of the key).
    known: RefCell<Memo<u64>>,
}

/// How many comparisons a [`Memo`] remembers at a time: when full, it
/// starts afresh. Bounds the memory (about 20 MB) on big blocks.
const MAX_KNOWN: usize = 1 << 20;

/// What a comparison of two contexts established, in eight bytes: their
/// similarity (0..=1), or, stored negated, a bound it is at most (the
/// comparison stopped early). A bound is never below 0 (no similarity is),
/// and negation is exact, so the two never mix.
#[derive(Debug, Clone, Copy)]
struct Known(f64);

impl Known {
    fn exact(similarity: f64) -> Self {
        Known(similarity)
    }

    fn at_most(bound: f64) -> Self {
        Known(-bound)
    }

    /// [`Profiles::dice_above`]'s answer for `floor`, when this settles it.
    fn answer(self, floor: f64) -> Option<Option<f64>> {
        if self.0.is_sign_negative() {
            (-self.0 <= floor).then_some(None)
        } else {
            Some((self.0 > floor).then_some(self.0))
        }
    }
}

/// What comparisons established, by key ([`Known`]), up to [`MAX_KNOWN`]
/// at a time: when full, it starts afresh.
struct Memo<K> {
    known: FxHashMap<K, Known>,
}

impl<K> Default for Memo<K> {
    fn default() -> Self {
        Memo {
            known: FxHashMap::default(),
        }
    }
}

impl<K: std::hash::Hash + Eq> Memo<K> {
    /// What a comparison's answer for `floor` is, when what is known
    /// settles it ([`Known::answer`]).
    fn answer(&self, key: &K, floor: f64) -> Option<Option<f64>> {
        self.known.get(key).and_then(|k| k.answer(floor))
    }

    /// Remembers what a comparison above `floor` found: the similarity,
    /// or none (so a similarity at most the floor, which is at least 0).
    fn record(&mut self, key: K, floor: f64, found: Option<f64>) {
        let now = match found {
            Some(d) => Known::exact(d),
            None => Known::at_most(floor.max(0.0)),
        };
        if self.known.len() >= MAX_KNOWN && !self.known.contains_key(&key) {
            self.known.clear();
        }
        self.known.insert(key, now);
    }
}

impl<'p> Profiles<'p> {
    fn for_block(list: &'p [Profile], block: &[usize]) -> Self {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut text_of = Vec::new();
        let mut context_of = FxHashMap::with_capacity_and_hasher(block.len(), Default::default());
        for &i in block {
            let next = u32::try_from(text_of.len()).unwrap_or(u32::MAX);
            let id = *ids.entry(list[i].context.as_str()).or_insert_with(|| {
                text_of.push(i);
                next
            });
            context_of.insert(i, id);
        }
        let bigrams = (0..text_of.len()).map(|_| OnceCell::new()).collect();
        Profiles {
            list,
            context_of,
            bigrams,
            text_of,
            known: RefCell::new(Memo::default()),
        }
    }

    /// The similarity of two items' contexts when it is above `floor`, as
    /// [`Bigrams::dice_above`] gives it.
    fn dice_above(&self, a: usize, b: usize, floor: f64) -> Option<f64> {
        debug_assert!(
            self.context_of.contains_key(&a) && self.context_of.contains_key(&b),
            "items {a} and {b} are not both in the block"
        );
        let (Some(&ca), Some(&cb)) = (self.context_of.get(&a), self.context_of.get(&b)) else {
            // Not reached (members of a group come from its block): compare
            // the sentences afresh.
            return Bigrams::new(&self.list[a].context)
                .dice_above(&Bigrams::new(&self.list[b].context), floor);
        };
        let key = (u64::from(ca.min(cb)) << 32) | u64::from(ca.max(cb));
        let known = self.known.borrow().answer(&key, floor);
        if let Some(answer) = known {
            return answer;
        }
        let found = self.context(ca).dice_above(self.context(cb), floor);
        self.known.borrow_mut().record(key, floor, found);
        found
    }

    fn context(&self, id: u32) -> &Bigrams {
        let id = id as usize;
        self.bigrams[id].get_or_init(|| Bigrams::new(&self.list[self.text_of[id]].context))
    }
}

impl std::ops::Deref for Profiles<'_> {
    type Target = [Profile];
    fn deref(&self) -> &[Profile] {
        self.list
    }
}

/// The best similarity of the item's sentence to one of the group's first
/// [`MAX_SAMPLE`] members (1 at most: the scan stops there).
///
/// Only a similarity above `floor` matters to the caller: members that
/// cannot beat `floor` (or the best member so far) are not compared to the
/// end, and the result is then at most `floor`.
fn similarity(profiles: &Profiles, item: usize, group: &[Member], floor: f64) -> f64 {
    let mut best: f64 = 0.0;
    for m in group.iter().take(MAX_SAMPLE) {
        if let Some(d) = profiles.dice_above(item, m.item, best.max(floor)) {
            best = d;
        }
        if best >= 1.0 {
            break;
        }
    }
    best
}

/// The order candidate groups are ranked in, as `(index, size)`: larger
/// first, then first made. A total order (indices differ).
fn candidate_order(a: (usize, usize), b: (usize, usize)) -> Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Picks the best group for a claim by sentence similarity, then size, then
/// first member: deterministic.
fn best_group(profiles: &Profiles, item: usize, groups: &[&[Member]]) -> Option<usize> {
    let mut ranked: Vec<(usize, usize)> = groups.iter().map(|g| g.len()).enumerate().collect();
    // Largest first, then first made: a total order, so picking the first
    // few before sorting them gives the same list as sorting all.
    let order = |a: &(usize, usize), b: &(usize, usize)| candidate_order(*a, *b);
    if ranked.len() > MAX_CANDIDATE_GROUPS {
        ranked.select_nth_unstable_by(MAX_CANDIDATE_GROUPS - 1, order);
        ranked.truncate(MAX_CANDIDATE_GROUPS);
    }
    ranked.sort_unstable_by(order);
    best_ranked(
        profiles,
        item,
        ranked.into_iter().map(|(gi, _)| (gi, groups[gi])),
    )
}

/// [`best_group`] of candidates already ranked (largest first, then by
/// index) and cut to [`MAX_CANDIDATE_GROUPS`]: `(index, members)` pairs.
fn best_ranked<'m>(
    profiles: &Profiles,
    item: usize,
    ranked: impl Iterator<Item = (usize, &'m [Member])>,
) -> Option<usize> {
    best_ranked_by(ranked, |_, group, floor| {
        similarity(profiles, item, group, floor)
    })
}

/// [`best_ranked`] with the similarity of a candidate `(index, members)`
/// given by `similarity(index, members, floor)`: exact when it is above
/// `floor`; when it is not, any value at most `floor` (the exact one too).
fn best_ranked_by<'m>(
    ranked: impl Iterator<Item = (usize, &'m [Member])>,
    mut similarity: impl FnMut(usize, &'m [Member], f64) -> f64,
) -> Option<usize> {
    let mut best: Option<(f64, usize, usize)> = None;
    for (gi, group) in ranked {
        let len = group.len();
        // Groups are ranked by size, then index: a later group wins only
        // with a similarity above the best one's (by more than 1e-12), so
        // only such a similarity needs to be worked out exactly.
        let floor = best.map_or(f64::NEG_INFINITY, |(bs, _, _)| bs + 1e-12);
        let s = similarity(gi, group, floor);
        let better = match best {
            None => true,
            Some((bs, blen, bgi)) => {
                s > bs + 1e-12
                    || ((s - bs).abs() <= 1e-12 && (len > blen || (len == blen && gi < bgi)))
            }
        };
        if better {
            best = Some((s, len, gi));
        }
        // No later group can beat a perfect match: they are no larger, and
        // of equal size only with a later index.
        if s >= 1.0 && better {
            break;
        }
    }
    best.map(|(_, _, gi)| gi)
}

fn scopes_compatible(a: &Profile, b: &Profile) -> bool {
    if a.scope.is_empty() && b.scope.is_empty() {
        a.modifiers.is_empty() || b.modifiers.is_empty() || !a.modifiers.is_disjoint(&b.modifiers)
    } else {
        !a.scope.is_disjoint(&b.scope)
    }
}

/// The claims of one action class in a block, with what their scopes cover.
struct ClassIndex {
    members: Vec<Member>,
    tokens: BTreeSet<String>,
    empty_scope: bool,
    empty_scope_without_modifiers: bool,
    modifiers: BTreeSet<String>,
}

impl ClassIndex {
    /// Whether some member of the class is compatible with the profile.
    fn fits(&self, p: &Profile) -> bool {
        if p.scope.is_empty() {
            self.empty_scope
                && (p.modifiers.is_empty()
                    || self.empty_scope_without_modifiers
                    || p.modifiers.iter().any(|m| self.modifiers.contains(m)))
        } else {
            p.scope.iter().any(|t| self.tokens.contains(t))
        }
    }
}

/// How many members of a class are scanned for a similarity sample.
const MAX_SCAN: usize = 256;

/// Step 3: claims without an action take one from compatible claims.
fn resolve_actions(profiles: &Profiles, block: &[usize]) -> Vec<Member> {
    let mut by_class: BTreeMap<String, ClassIndex> = BTreeMap::new();
    for &i in block {
        if let Some(a) = &profiles[i].action {
            let p = &profiles[i];
            let idx = by_class.entry(a.clone()).or_insert_with(|| ClassIndex {
                members: Vec::new(),
                tokens: BTreeSet::new(),
                empty_scope: false,
                empty_scope_without_modifiers: false,
                modifiers: BTreeSet::new(),
            });
            idx.members.push(Member {
                item: i,
                action: Some(a.clone()),
                confidence: 1.0,
                doubts: Vec::new(),
            });
            idx.tokens.extend(p.scope.iter().cloned());
            if p.scope.is_empty() {
                idx.empty_scope = true;
                idx.empty_scope_without_modifiers |= p.modifiers.is_empty();
                idx.modifiers.extend(p.modifiers.iter().cloned());
            }
        }
    }
    let mut out: Vec<Member> = by_class
        .values()
        .flat_map(|c| c.members.iter().cloned())
        .collect();
    for &i in block {
        if profiles[i].action.is_some() {
            continue;
        }
        let candidates: Vec<(&String, Vec<Member>)> = by_class
            .iter()
            .filter(|(_, idx)| idx.fits(&profiles[i]))
            .map(|(k, idx)| {
                let sample: Vec<Member> = idx
                    .members
                    .iter()
                    .take(MAX_SCAN)
                    .filter(|m| scopes_compatible(&profiles[i], &profiles[m.item]))
                    .take(MAX_SAMPLE)
                    .cloned()
                    .collect();
                (k, sample)
            })
            .collect();
        let member = match candidates.len() {
            0 => Member {
                item: i,
                action: None,
                confidence: 1.0,
                doubts: Vec::new(),
            },
            1 => Member {
                item: i,
                action: Some(candidates[0].0.clone()),
                confidence: 0.9,
                doubts: vec![format!(
                    "no action verb; taken as \"{}\" like the figures it matches",
                    candidates[0].0
                )],
            },
            _ => {
                let groups: Vec<&[Member]> = candidates.iter().map(|(_, f)| f.as_slice()).collect();
                let gi = best_group(profiles, i, &groups).unwrap_or(0);
                let action = candidates.get(gi).map(|c| c.0.clone());
                Member {
                    item: i,
                    doubts: vec![format!(
                        "no action verb; several actions fit, \"{}\" has the most similar sentences",
                        action.as_deref().unwrap_or("-")
                    )],
                    action,
                    confidence: 0.7,
                }
            }
        };
        out.push(member);
    }
    out
}

/// Step 4: union-find on shared scope roles (people) or modifiers (concepts).
fn link(profiles: &[Profile], members: Vec<Member>) -> Vec<Vec<Member>> {
    let n = members.len();
    let mut dsu = Dsu::new(n);
    let mut first_with: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unkeyed: Vec<usize> = Vec::new();
    let mut is_unkeyed = vec![false; n];
    for (k, m) in members.iter().enumerate() {
        let p = &profiles[m.item];
        let keys: &Terms = if p.base == PEOPLE {
            &p.scope
        } else {
            &p.modifiers
        };
        if keys.is_empty() {
            unkeyed.push(k);
            is_unkeyed[k] = true;
            continue;
        }
        for key in keys {
            match first_with.get(key.as_str()) {
                Some(&f) => dsu.union(f, k),
                None => {
                    first_with.insert(key.as_str(), k);
                }
            }
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &skip) in is_unkeyed.iter().enumerate() {
        if !skip {
            let r = dsu.find(k);
            comps.entry(r).or_default().push(k);
        }
    }
    let mut groups: Vec<Vec<usize>> = comps.into_values().collect();
    let is_people = members
        .first()
        .is_some_and(|m| profiles[m.item].base == PEOPLE);
    if !unkeyed.is_empty() {
        if is_people || groups.is_empty() {
            // "people" with no role, or concepts that all lack modifiers.
            groups.push(unkeyed);
        } else {
            // Concepts without modifiers join the largest modifier group.
            let (gi, _) = groups
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)))
                .map_or((0, 0), |(gi, g)| (gi, g.len()));
            groups[gi].extend(unkeyed);
        }
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|k| members[k].clone()).collect())
        .collect()
}

/// Step 5: splits a group by actor country, then by the counted people's
/// country, then each part by place (the
/// parts on rayon's pool, each with its own cache of similarities, gathered
/// in order).
fn split(profiles: &[Profile], group: Vec<Member>) -> Vec<Vec<Member>> {
    let cache = |g: &[Member]| {
        let items: Vec<usize> = g.iter().map(|m| m.item).collect();
        Profiles::for_block(profiles, &items)
    };
    let by_actor = split_by(&cache(&group), group, |p| {
        p.actor.iter().cloned().collect::<Terms>()
    });
    by_actor
        .into_par_iter()
        .flat_map_iter(|g| split_by(&cache(&g), g, |p| p.nationality.clone()))
        .map(|g| split_by(&cache(&g), g, |p| p.places.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// Splits a group into parts whose keys overlap; members with no key join
/// the most similar part.
fn split_by(
    profiles: &Profiles,
    group: Vec<Member>,
    keys: impl Fn(&Profile) -> Terms,
) -> Vec<Vec<Member>> {
    split_by_with(profiles, group, keys, true)
}

/// [`split_by`], remembering each sentence's similarity to each part (as
/// it does) or not (each keyless member compared afresh, for tests).
fn split_by_with(
    profiles: &Profiles,
    group: Vec<Member>,
    keys: impl Fn(&Profile) -> Terms,
    remember: bool,
) -> Vec<Vec<Member>> {
    let n = group.len();
    let mut dsu = Dsu::new(n);
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    let mut keyless = Vec::new();
    let mut is_keyless = vec![false; n];
    for (k, m) in group.iter().enumerate() {
        let ks = keys(&profiles[m.item]);
        if ks.is_empty() {
            keyless.push(k);
            is_keyless[k] = true;
        }
        for key in ks {
            match first_with.get(&key) {
                Some(&f) => dsu.union(f, k),
                None => {
                    first_with.insert(key, k);
                }
            }
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &skip) in is_keyless.iter().enumerate() {
        if !skip {
            let r = dsu.find(k);
            comps.entry(r).or_default().push(k);
        }
    }
    if comps.len() <= 1 {
        return vec![group];
    }
    let mut parts: Vec<Vec<Member>> = comps
        .into_values()
        .map(|ks| ks.into_iter().map(|k| group[k].clone()).collect())
        .collect();
    // The parts ranked as best_group ranks them (largest first, then first
    // made), kept in order as they grow: one part grows by one member at a
    // time, so it only moves up past smaller parts.
    let order = |parts: &[Vec<Member>], a: usize, b: usize| {
        candidate_order((a, parts[a].len()), (b, parts[b].len()))
    };
    let mut ranked: Vec<usize> = (0..parts.len()).collect();
    ranked.sort_by(|&a, &b| order(&parts, a, b));
    let mut rank = vec![0; parts.len()];
    for (r, &p) in ranked.iter().enumerate() {
        rank[p] = r;
    }
    // What is known of a sentence's similarity to a part, by (sentence,
    // part, the part's sample): thousands of keyless figures may share a
    // few sentences, and a part's sample (its first members) stops
    // changing once it has [`MAX_SAMPLE`]. Remembered as for pairs of
    // sentences: the similarity, or a bound it is at most.
    let mut sample_of = vec![0u32; parts.len()];
    let mut known: Memo<(u32, usize, u32)> = Memo::default();
    for k in keyless {
        let item = group[k].item;
        let context = profiles.context_of.get(&item).copied().filter(|_| remember);
        let top = &ranked[..ranked.len().min(MAX_CANDIDATE_GROUPS)];
        let candidates = top.iter().map(|&p| (p, parts[p].as_slice()));
        let gi = best_ranked_by(candidates, |p, members, floor| {
            let Some(c) = context else {
                return similarity(profiles, item, members, floor);
            };
            let key = (c, p, sample_of[p]);
            if let Some(answer) = known.answer(&key, floor) {
                // Not above the floor: any value at most the floor will do.
                return answer.unwrap_or(f64::NEG_INFINITY);
            }
            // Exact above the floor; else at most the floor.
            let found = similarity(profiles, item, members, floor);
            known.record(key, floor, (found > floor).then_some(found));
            found
        })
        .unwrap_or(0);
        let mut m = group[k].clone();
        m.confidence *= 0.9;
        m.doubts
            .push("names no actor or place; placed with the most similar figures".to_string());
        if parts[gi].len() < MAX_SAMPLE {
            sample_of[gi] += 1;
        }
        parts[gi].push(m);
        let mut r = rank[gi];
        while r > 0 && order(&parts, gi, ranked[r - 1]) == Ordering::Less {
            let passed = ranked[r - 1];
            ranked[r] = passed;
            rank[passed] = r;
            r -= 1;
        }
        ranked[r] = gi;
        rank[gi] = r;
    }
    parts
}

/// Figures in one document that say the same thing twice: same scope,
/// bounds, kind, increment flag and modality class. Linear: members are
/// grouped by that key; the first statement is kept.
fn duplicates(
    items: &[Item<'_>],
    members: &[usize],
    scopes: &[Vec<String>],
) -> Vec<(usize, usize)> {
    type Key<'k> = (
        &'k str,
        &'k [String],
        Option<u64>,
        Option<u64>,
        String,
        bool,
        &'static str,
    );
    let mut first: BTreeMap<Key<'_>, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        let c = items[m].claim;
        let key: Key<'_> = (
            items[m].doc,
            scopes[k].as_slice(),
            c.low.map(f64::to_bits),
            c.high.map(f64::to_bits),
            format!("{:?}", c.kind),
            c.additional,
            modality_class(c.modality),
        );
        match first.get(&key) {
            Some(&kept) => out.push((kept, m)),
            None => {
                first.insert(key, m);
            }
        }
    }
    out
}

fn participle(action: Option<&str>) -> Option<&'static str> {
    Some(match action? {
        "move" => "sent",
        "station" => "stationed",
        "casualty" => "killed",
        "wound" => "wounded",
        "arrest" => "arrested",
        "displace" => "displaced",
        "gather" => "gathered",
        "control" => "controlled",
        "launch" => "launched",
        "recruit" => "recruited",
        "capture" => "captured",
        "missing" => "missing",
        "destroy" => "destroyed",
        "burn" => "burned",
        "win" => "won",
        "release" => "released",
        "pledge" => "pledged",
        _ => return None,
    })
}

/// Editor-facing label: the most telling noun phrase, the action, the place.
fn label(
    items: &[Item<'_>],
    profiles: &[Profile],
    members: &[usize],
    action: Option<&str>,
    thesaurus: &Thesaurus,
) -> String {
    // An outcome noun ("dead", "death toll", "injured") names the action
    // itself: "people killed" reads better than "toll killed", and the
    // noun takes no participle ("dead", not "dead killed").
    // The whole phrase or its head ("civilian deaths").
    let outcome = |phrase: &str| {
        let head = phrase.rsplit(' ').next().unwrap_or(phrase);
        [phrase, head].iter().any(|p| {
            thesaurus
                .group_of(p)
                .is_some_and(|g| g.kind == GroupKind::Outcome)
        })
    };
    // The phrase of the member with the widest scope, most common among
    // those, other than an outcome noun when there is one.
    let widest = members
        .iter()
        .map(|&m| profiles[m].scope.len())
        .max()
        .unwrap_or(0);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut outcomes: BTreeMap<&str, usize> = BTreeMap::new();
    for &m in members {
        if profiles[m].scope.len() == widest && !profiles[m].elided {
            let phrase = profiles[m].phrase.as_str();
            let tally = if outcome(phrase) {
                &mut outcomes
            } else {
                &mut counts
            };
            *tally.entry(phrase).or_default() += 1;
        }
    }
    if counts.is_empty() {
        counts = outcomes;
    }
    let phrase = counts
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(p, _)| p.to_string())
        .or_else(|| members.first().map(|&m| profiles[m].phrase.clone()))
        .unwrap_or_default();
    let first = members.first().map(|&m| items[m].claim);
    let phrase = match profiles.get(members.first().copied().unwrap_or(usize::MAX)) {
        Some(p) if p.category == "proportion" => {
            if phrase.is_empty() || phrase == "percent" {
                "share".to_string()
            } else {
                format!("share of {phrase}")
            }
        }
        Some(p) if p.category == "money" && (phrase.is_empty() || phrase == "money") => {
            "amount of money".to_string()
        }
        _ => phrase,
    };
    let mut out = if phrase.is_empty() {
        first.map(|c| c.text.clone()).unwrap_or_default()
    } else {
        phrase
    };
    // A place phrase in the first conjunct belongs in the label only once.
    let dominant = {
        let mut pc: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in members {
            if let Some(p) = &profiles[m].place_phrase {
                *pc.entry(p.as_str()).or_default() += 1;
            }
        }
        pc.into_iter()
            .max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(p, _)| p.to_string())
    };
    let duration = members
        .first()
        .is_some_and(|&m| profiles[m].category == "duration");
    // A phrase that ends in a participle takes no other ("share of
    // contained", not "share of contained burned").
    let participled = out
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ed"));
    if let Some(p) = participle(action).filter(|_| !duration && !participled && !outcome(&out)) {
        // "troops positioned near the border": "stationed" reads oddly before "near".
        out.push(' ');
        out.push_str(p);
        // "seats won by the ruling party": the winner the members name
        // (the most common; clusters are split by winner).
        if action == Some("win") {
            let mut winners: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in members {
                if let Some(a) = items[m].claim.actor.as_deref() {
                    *winners.entry(a).or_default() += 1;
                }
            }
            if let Some((w, _)) = winners.into_iter().max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(b.0.cmp(a.0))
            }) {
                out.push_str(if w.starts_with(char::is_lowercase) {
                    " by the "
                } else {
                    " by "
                });
                out.push_str(w);
            }
        }
    }
    if let Some(place) = dominant {
        out.push(' ');
        out.push_str(&place);
    }
    out
}

fn slug(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.split('-').filter(|p| !p.is_empty()).join("-");
    if s.is_empty() { "x".to_string() } else { s }
}

/// The blocking key of a claim: `"<category>/<base>"` ("count/people",
/// "money/aid USD"). [`cluster`] only ever compares claims with the same
/// key, so a batch can be partitioned by it (the shuffle key of a
/// distributed audit) and each part clustered on its own with the same
/// result. The key depends on the claim alone (not on the other figures of
/// its sentence).
///
/// ```
/// use crosscheck_claims::claim::{extract, Source};
/// use crosscheck_claims::registry::SourceRegistry;
/// use crosscheck_cluster::{block_key, Thesaurus};
///
/// let text = "The NIS said North Korea has sent about 15,000 troops to Russia.";
/// let claims = extract(Source { text, blocks: &[0..text.len()], published: None }, &SourceRegistry::with_defaults());
/// assert_eq!(block_key(&claims[0], &Thesaurus::builtin()), "count/people");
/// ```
pub fn block_key(claim: &Claim, thesaurus: &Thesaurus) -> String {
    let p = profile::profile(claim, thesaurus, &[]);
    format!("{}/{}", p.category, p.base)
}

/// Groups claims about the same thing. Deterministic: the same items in any
/// order give the same clusters (as sets of item ids) in the same order with
/// the same ids. Singletons are included. See the crate docs for the algorithm.
pub fn cluster(items: &[Item<'_>], thesaurus: &Thesaurus) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| cmp_items(items, a, b));

    // Figure starts per sentence, so a claim's context clause ends at the next figure.
    let mut by_sentence: BTreeMap<(&str, usize, usize), Vec<usize>> = BTreeMap::new();
    for it in items {
        let c = it.claim;
        by_sentence
            .entry((it.doc, c.sentence_span.start, c.sentence_span.end))
            .or_default()
            .push(c.span.start.saturating_sub(c.sentence_span.start));
    }
    let profiles: Vec<Profile> = items
        .par_iter()
        .map(|it| {
            let c = it.claim;
            let own = c.span.start.saturating_sub(c.sentence_span.start);
            let stops: Vec<usize> = by_sentence
                .get(&(it.doc, c.sentence_span.start, c.sentence_span.end))
                .map(|v| v.iter().copied().filter(|&s| s != own).collect())
                .unwrap_or_default();
            profile::profile(c, thesaurus, &stops)
        })
        .collect();

    // Step 2: blocks.
    let mut blocks: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for &i in &order {
        blocks
            .entry((profiles[i].category.as_str(), profiles[i].base.as_str()))
            .or_default()
            .push(i);
    }

    // Blocks never share a claim, nor do a block's action classes, nor the
    // groups linking makes of a class: each is worked on rayon's pool (one
    // block of a batch can hold most of its figures), and the parts are
    // gathered in block, class and group order, whatever the threads. Each
    // task keeps its own cache of sentence similarities: a cache, so the
    // parts are the same however the work is divided.
    // The largest first (see [`workload`]).
    let groups: Vec<(Vec<Member>, Option<String>)> = costliest_first(
        blocks.values(),
        |_, block| block.len(),
        |_, block| {
            let members = resolve_actions(&Profiles::for_block(&profiles, block), block);
            let mut by_action: BTreeMap<Option<String>, Vec<Member>> = BTreeMap::new();
            for m in members {
                by_action.entry(m.action.clone()).or_default().push(m);
            }
            costliest_first(
                by_action,
                |_, (_, ms)| ms.len(),
                |_, (action, ms)| {
                    costliest_first(
                        link(&profiles, ms),
                        |_, g| g.len(),
                        |_, g| {
                            split(&profiles, g)
                                .into_iter()
                                .map(|part| (part, action.clone()))
                                .collect::<Vec<_>>()
                        },
                    )
                },
            )
        },
    )
    .into_iter()
    .flatten()
    .flatten()
    .flatten()
    .collect();

    // (cluster, members, action class, union of scopes)
    type Built = (Cluster, Vec<usize>, Option<String>, BTreeSet<String>);
    // Each group's cluster on rayon's pool, gathered in order.
    let mut built: Vec<Built> = costliest_first(
        groups,
        |_, (g, _)| g.len(),
        |_, (mut g, action)| {
            g.sort_by(|a, b| cmp_items(items, a.item, b.item));
            let members: Vec<usize> = g.iter().map(|m| m.item).collect();
            let mut membership: Vec<Membership> = Vec::with_capacity(g.len());
            for m in &g {
                let p = &profiles[m.item];
                let mut confidence = m.confidence;
                let mut doubts = m.doubts.clone();
                if p.scope_from_context {
                    confidence *= 0.8;
                    doubts.push(format!(
                        "role ({}) read from the clause, not the noun",
                        p.scope.iter().join(", ")
                    ));
                }
                if p.elided {
                    confidence *= 0.9;
                    doubts.push("noun carried from the figure before it".to_string());
                }
                if p.fuzzy_head {
                    confidence *= 0.85;
                    doubts.push("noun matched by spelling similarity".to_string());
                }
                // "puts the governing party at 34%", "losses could reach
                // $40 million": a share or an amount with no noun of its
                // own may be of anything in its category.
                if items[m.item]
                    .claim
                    .counted
                    .as_ref()
                    .is_some_and(|c| c.as_written.is_empty())
                {
                    confidence *= 0.7;
                    doubts.push(
                        "names no noun: what it is a share or amount of is not said".to_string(),
                    );
                }
                membership.push(Membership {
                    scope: p.scope.iter().cloned().collect(),
                    confidence: (confidence * 100.0).round() / 100.0,
                    doubts,
                });
            }
            let scopes: Vec<Vec<String>> = membership.iter().map(|m| m.scope.clone()).collect();
            let dups = duplicates(items, &members, &scopes);
            let union_scope: BTreeSet<String> = g
                .iter()
                .flat_map(|m| profiles[m.item].scope.iter().cloned())
                .collect();
            let first = &profiles[members[0]];
            let key = format!(
                "{}/{}/{}/{}",
                first.category,
                first.base,
                action.as_deref().unwrap_or("-"),
                if union_scope.is_empty() {
                    "-".to_string()
                } else {
                    union_scope.iter().join("+")
                }
            );
            let lbl = label(items, &profiles, &members, action.as_deref(), thesaurus);
            (
                Cluster {
                    id: String::new(),
                    label: lbl,
                    key,
                    members: members.clone(),
                    membership,
                    duplicates: dups,
                    part_of: None,
                },
                members,
                action,
                union_scope,
            )
        },
    );

    // Step 8: order.
    built.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then_with(|| cmp_items(items, a.1[0], b.1[0]))
    });

    // Step 7: subsets.
    let n = built.len();
    let mut parents: Vec<Option<usize>> = vec![None; n];
    // Each movement cluster's countries and places, made once when a
    // stationed cluster first needs them.
    let mut keys_of: Vec<Option<Vec<u32>>> = vec![None; n];
    let mut read = StoryNames::default();
    // The movement clusters by category, base and scope term (the empty
    // term, `None`, for a cluster without scope), in order: a stationed cluster's
    // candidates are read from its own terms' lists, not by comparing its
    // scope with every movement cluster's.
    let mut moves: BTreeMap<(&str, &str, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (cj, (_, ms, act, scope)) in built.iter().enumerate() {
        if act.as_deref() == Some("move") {
            let p = &profiles[ms[0]];
            let (category, base) = (p.category.as_str(), p.base.as_str());
            if scope.is_empty() {
                moves.entry((category, base, None)).or_default().push(cj);
            }
            for term in scope {
                moves
                    .entry((category, base, Some(term.as_str())))
                    .or_default()
                    .push(cj);
            }
        }
    }
    for (ci, (_, members, action, scope)) in built.iter().enumerate() {
        if action.as_deref() != Some("station") {
            continue;
        }
        let p0 = &profiles[members[0]];
        let (category, base) = (p0.category.as_str(), p0.base.as_str());
        // The movement clusters of its category and base that share a
        // scope term with it (both without scope: `None`), in order.
        let mut candidates: Vec<usize> = if scope.is_empty() {
            moves
                .get(&(category, base, None))
                .cloned()
                .unwrap_or_default()
        } else {
            scope
                .iter()
                .filter_map(|term| moves.get(&(category, base, Some(term.as_str()))))
                .flatten()
                .copied()
                .collect()
        };
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&cj| cj != ci);
        // The movement of the same story: the one that shares the most
        // countries and places with the stationed figures ("near the
        // Tunisian-Ukrainian border" and "sent to Tunisia"); the first
        // (largest) only when the stationed figures name none.
        if candidates.is_empty() {
            continue;
        }
        let own = story_keys(&profiles, members, &mut read);
        parents[ci] = if own.is_empty() {
            candidates.first().copied()
        } else {
            // Most shared first, the larger cluster on a tie.
            candidates
                .iter()
                .copied()
                .map(|cj| {
                    let theirs = keys_of[cj]
                        .get_or_insert_with(|| story_keys(&profiles, &built[cj].1, &mut read));
                    (
                        similarity::shared_at_least(&own, theirs, 0).unwrap_or(0),
                        cj,
                    )
                })
                .filter(|&(shared, _)| shared > 0)
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
                .map(|(_, cj)| cj)
        };
    }

    // Ids.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(n);
    for ((mut c, members, _, scope), parent) in built.into_iter().zip(parents) {
        let word = scope
            .iter()
            .next()
            .cloned()
            .unwrap_or_else(|| profiles[members[0]].base.clone());
        let ids = members.iter().map(|&m| items[m].id).join("\n");
        let base_id = format!(
            "c-{}-{:08x}",
            slug(&word),
            fnv1a(ids.as_bytes()) & 0xffff_ffff
        );
        let count = seen.entry(base_id.clone()).or_insert(0);
        *count += 1;
        c.id = if *count == 1 {
            base_id
        } else {
            format!("{base_id}-{count}")
        };
        c.part_of = parent;
        out.push(c);
    }
    out
}

/// The countries and places a cluster's figures name (its first 64
/// members), lower-cased, a hyphenated adjective read as its countries
/// ("Russian-Ukrainian" → russia, ukraine): what tells one story's
/// clusters from another's.
/// Sorted, each once.
fn story_keys<'p>(
    profiles: &'p [Profile],
    members: &[usize],
    read: &mut StoryNames<'p>,
) -> Vec<u32> {
    let mut keys = Vec::new();
    for &m in members.iter().take(64) {
        let p = &profiles[m];
        let named = p
            .places
            .iter()
            .chain(p.nationality.iter())
            .chain(p.actor.iter());
        for k in named {
            keys.extend(read.keys(k).iter().copied());
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The countries and places names stand for, each name looked up once
/// per batch, as numbers (one per distinct lower-cased key).
#[derive(Default)]
struct StoryNames<'p> {
    read: std::collections::HashMap<&'p str, Vec<u32>>,
    ids: std::collections::HashMap<String, u32>,
}

impl<'p> StoryNames<'p> {
    /// The keys of one name: its country, else its hyphenated parts'
    /// countries (or the parts themselves), lower-cased.
    fn keys(&mut self, name: &'p str) -> &[u32] {
        let ids = &mut self.ids;
        self.read.entry(name).or_insert_with(|| {
            let r = profile::countries();
            let country = |w: &str| r.canonical_country(w).or_else(|| r.country_of(w));
            let mut id = |key: String| {
                let next = ids.len() as u32;
                *ids.entry(key).or_insert(next)
            };
            match country(name) {
                Some(c) => vec![id(c.to_lowercase())],
                None => name
                    .split('-')
                    .filter(|p| !p.is_empty())
                    .map(|part| {
                        id(country(part).map_or_else(|| part.to_lowercase(), str::to_lowercase))
                    })
                    .collect(),
            }
        })
    }
}

#[cfg(test)]
mod tests;
