//! The audit: claims → clusters → findings and credibility → [`Report`].

use std::collections::HashMap;
use std::sync::Arc;

use itertools::Itertools;
use rayon::prelude::*;

use crosscheck_claims::attribution::cue::Cue;
use crosscheck_claims::claim::{Claim, Extraction};
use crosscheck_claims::time::Date;
use crosscheck_cluster::workload::costliest_first;
use crosscheck_cluster::{Item, cluster};
use crosscheck_score::assess;
use crosscheck_score::ledger::{DocumentInfo, DocumentScan, Ledger, ledger_scanned, scan_cued};

use crate::audit::Auditor;
use crate::document::Document;
use crate::report::{
    Annotation, ChainEntry, ClaimEntry, ClusterEntry, CredibilityEntry, DocumentAttribution,
    DocumentEntry, FindingEntry, HedgingEntry, InterestedPartyEntry, OriginEntry, OutletEntry,
    Report, SCHEMA, SourceLedgerEntry, SummaryEntry,
};
use crate::stages::Stopwatch;

/// A serde enum's wire name ("conflict", "single-source", "error").
fn wire<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// At most this many documents are extracted as one job of rayon's pool.
/// Left to itself, rayon splits a batch into a few long runs, one per
/// thread and a few more: near the end one thread may still be working
/// through a run of thousands of documents while the others have nothing
/// left to take (at 60,000 articles on two threads, the last 0.7 s of
/// extraction ran on one). Runs of 64 documents (a few milliseconds each)
/// leave that tail at a run's length.
pub(crate) const DOCUMENTS_PER_JOB: usize = 64;

/// What the audit needs of one document besides its claims.
pub(crate) struct DocInput<'a> {
    /// Document id.
    pub(crate) id: &'a str,
    /// Publication date.
    pub(crate) published: Option<Date>,
    /// Publishing outlet.
    pub(crate) outlet: Option<&'a str>,
    /// Credit-line names.
    pub(crate) cited_sources: &'a [String],
    /// Its `documents[]` entry (without attribution).
    pub(crate) entry: DocumentEntry,
}

/// The ids `"<doc>#<n>"` of the extracted claims, document by document.
fn claim_ids<'a>(docs: impl Iterator<Item = &'a str>, extracted: &[Vec<Claim>]) -> Vec<String> {
    docs.zip(extracted)
        .flat_map(|(doc, claims)| (1..=claims.len()).map(move |n| format!("{doc}#{n}")))
        .collect()
}

/// Where each claim of each document starts: (byte, (line, column)), in
/// claim order, for audits made without the documents' text at hand.
pub(crate) type ClaimPositions = Vec<Vec<(usize, (usize, usize))>>;

/// The line and column of byte `at` of document `d`, when a claim starts
/// there; (1, 1) otherwise.
pub(crate) fn position_in(positions: &ClaimPositions, d: usize, at: usize) -> (usize, usize) {
    let Some(ps) = positions.get(d) else {
        return (1, 1);
    };
    // Claims are in text order, so a binary search finds the start; a list
    // out of order (an edited claim stream) is searched in full.
    match ps.binary_search_by_key(&at, |p| p.0) {
        Ok(k) => ps[k].1,
        Err(_) => ps.iter().find(|p| p.0 == at).map_or((1, 1), |p| p.1),
    }
}

/// FNV-1a, 64 bits: a small stable hash for ids and fingerprints.
pub(crate) fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

impl Auditor {
    /// The audit pipeline without the configured boilerplate patterns and
    /// finding rules: claims, clusters, credibility, and *every* finding at
    /// its rule's default severity (`[findings]` ignore, severity overrides
    /// and minimum severity are not applied). The registry, thesaurus and
    /// tolerances of the configuration are used.
    ///
    /// Most tools want [`Auditor::audit`], which is this plus the
    /// configuration's boilerplate patterns and finding rules; this one is
    /// for a tool that applies its own policy to the raw findings (then
    /// [`Auditor::apply_rules`] gives the configured view of the same
    /// report). With [`Auditor::new`] the two give the same report.
    /// Duplicate document ids are renamed as in [`Auditor::audit`].
    ///
    /// ```
    /// use std::path::Path;
    /// use crosscheck::{Auditor, Document, config::Config};
    ///
    /// let docs = [
    ///     Document::from_text("a", "The Health Ministry said 120 people were killed in the flood on Monday."),
    ///     Document::from_text("b", "Red Cross officials said 900 people were killed in the flood on Monday."),
    /// ];
    /// let cfg = Config::from_toml("[findings]\nignore = [\"CC001\", \"CC002\"]\n", Path::new("crosscheck.toml")).unwrap();
    /// let auditor = Auditor::with_config(&cfg);
    /// let raw = auditor.audit_unfiltered(&docs);
    /// assert!(raw.findings.iter().any(|f| f.kind == "conflict"));
    /// assert!(auditor.audit(&docs).findings.iter().all(|f| f.kind != "conflict"));
    /// ```
    pub fn audit_unfiltered(&self, docs: &[Document]) -> Report {
        let docs = crate::audit::with_unique_ids(docs);
        let docs: &[Document] = &docs;
        // Each document's claims and the ledger's scan of its sentences, in
        // parallel, from one parse of the sentences' cues.
        let (extracted, scans): (Vec<Vec<Claim>>, Vec<DocumentScan<'_>>) = docs
            .par_iter()
            .with_max_len(DOCUMENTS_PER_JOB)
            .map(|d| {
                let (claims, scan) = self.extract_scanned(d);
                if let Some(tick) = &self.progress {
                    tick();
                }
                (claims, scan)
            })
            .unzip();
        let inputs: Vec<DocInput<'_>> = docs
            .iter()
            .map(|d| DocInput {
                id: &d.id,
                published: self.published(d),
                outlet: d.outlet.as_deref(),
                cited_sources: &d.cited_sources,
                entry: DocumentEntry::of(d),
            })
            .collect();
        let ids = claim_ids(docs.iter().map(|d| d.id.as_str()), &extracted);
        self.audit_batch(&inputs, extracted, ids, scans, &|d, at| {
            docs[d].position(at)
        })
    }

    /// A document's claims and the source ledger's scan of its article
    /// sentences, the sentences parsed for cues once.
    fn extract_scanned(&self, d: &Document) -> (Vec<Claim>, DocumentScan<'_>) {
        let Extraction { claims, sentences } = self.extract_cued(d);
        let (texts, cues): (Vec<&str>, Vec<Vec<Cue>>) = sentences
            .into_iter()
            .map(|(span, cues)| (d.text.get(span).unwrap_or_default(), cues))
            .unzip();
        (claims, scan_cued(self.registry(), &texts, &cues))
    }

    /// [`Auditor::audit_unfiltered`] of documents it consumes: each article's
    /// text is dropped as soon as its claims, the sources its sentences name
    /// and the positions of its figures are taken (in parallel), so a large
    /// batch's text and its audit are not in memory together. The same
    /// report as `audit_unfiltered(&docs)`.
    pub(crate) fn audit_unfiltered_owned(&self, mut docs: Vec<Document>) -> Report {
        crate::ingest::dedupe_ids(&mut docs);
        let mut watch = Stopwatch::start();
        /// What the audit keeps of a document besides its claims, its
        /// entry and its scan: the text is gone.
        struct Kept {
            id: String,
            published: Option<Date>,
            outlet: Option<String>,
            cited_sources: Vec<String>,
        }
        /// Per document, in order: what is kept, entries, claims, scans
        /// and claim positions.
        type Mapped<'r> = (
            Vec<Kept>,
            Vec<DocumentEntry>,
            Vec<Vec<Claim>>,
            Vec<DocumentScan<'r>>,
            ClaimPositions,
        );
        let (kept, entries, extracted, scans, positions): Mapped<'_> = docs
            .into_par_iter()
            .with_max_len(DOCUMENTS_PER_JOB)
            .map(|d| {
                let (claims, scan) = self.extract_scanned(&d);
                if let Some(tick) = &self.progress {
                    tick();
                }
                let starts: Vec<usize> = claims.iter().map(|c| c.span.start).collect();
                let positions = starts.iter().copied().zip(d.positions(&starts)).collect();
                let entry = DocumentEntry::of(&d);
                let kept = Kept {
                    published: self.published(&d),
                    id: d.id,
                    outlet: d.outlet,
                    cited_sources: d.cited_sources,
                };
                (kept, entry, claims, scan, positions)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .multiunzip();
        watch.lap("extraction");
        let inputs: Vec<DocInput<'_>> = kept
            .iter()
            .zip(entries)
            .map(|(k, entry)| DocInput {
                id: &k.id,
                published: k.published,
                outlet: k.outlet.as_deref(),
                cited_sources: &k.cited_sources,
                entry,
            })
            .collect();
        let ids = claim_ids(kept.iter().map(|k| k.id.as_str()), &extracted);
        let position = |d: usize, at: usize| position_in(&positions, d, at);
        self.audit_batch(&inputs, extracted, ids, scans, &position)
    }

    /// The audit of extracted claims: `extracted[d]` are the claims of
    /// `inputs[d]`, `ids` their ids in the same order, `scans[d]` the
    /// ledger's scan of document `d`, made while its text was at hand
    /// (the ledger reads no text), `position(d, at)`
    /// the line and column of byte `at` of document `d`. The claims become
    /// the report's entries once clustered and scored (moved, not copied:
    /// a big batch's claims are a good part of its memory).
    pub(crate) fn audit_batch(
        &self,
        inputs: &[DocInput<'_>],
        mut extracted: Vec<Vec<Claim>>,
        ids: Vec<String>,
        scans: Vec<DocumentScan<'_>>,
        position: &(dyn Fn(usize, usize) -> (usize, usize) + Sync),
    ) -> Report {
        let mut watch = Stopwatch::start();
        unify_company_names(&mut extracted, self.registry());
        let mut items = Vec::with_capacity(ids.len());
        let mut k = 0;
        let mut doc_of = Vec::with_capacity(ids.len());
        for (d, (doc, claims)) in inputs.iter().zip(&extracted).enumerate() {
            let published = doc.published;
            for c in claims {
                items.push(Item {
                    id: &ids[k],
                    doc: doc.id,
                    published,
                    claim: c,
                });
                doc_of.push(d);
                k += 1;
            }
        }
        let mut clusters = cluster(&items, &self.thesaurus);
        watch.lap("clustering");
        let mut assessment = assess(&items, &clusters, self.registry(), &self.tolerances);
        // The memberships (a scope and doubts per figure) are the scorer's
        // alone: their memory goes back before the ledger's tallies.
        clusters
            .par_iter_mut()
            .for_each(|c| c.membership = Vec::new());
        watch.lap("scoring");
        let infos: Vec<DocumentInfo<'_>> = inputs
            .iter()
            .map(|d| DocumentInfo {
                id: d.id,
                outlet: d.outlet,
                cited_sources: d.cited_sources,
                sentences: &[],
            })
            .collect();
        let ledger = ledger_scanned(
            &items,
            &clusters,
            &assessment,
            self.registry(),
            &infos,
            scans,
        );
        watch.lap("source ledger");
        let cluster_entries = clusters
            .par_iter()
            .enumerate()
            .map(|(n, c)| ClusterEntry {
                id: c.id.clone(),
                label: c.label.clone(),
                claims: c.members.iter().map(|&m| ids[m].clone()).collect(),
                verdict: assessment.verdicts.get(n).map(wire).unwrap_or_default(),
                origins: assessment.origins.get(n).copied().unwrap_or(0),
            })
            .collect();
        let assessed = std::mem::take(&mut assessment.findings);
        let credibility = std::mem::take(&mut assessment.credibility);
        drop(assessment);
        drop(items);
        // The clusters (their members and labels) are not needed past their
        // entries: their memory goes to the entries below.
        drop(clusters);
        // What the report takes from the claims and the assessment is
        // moved, not copied: a big batch's claims, reasons and messages are
        // a good part of its memory.
        // On rayon's pool, a document's claims at a time, in order: where
        // each document's claims start among the ids, then the entries,
        // then each entry's credibility (claim k's is the k-th).
        let starts: Vec<usize> = extracted
            .iter()
            .scan(0, |next, claims| {
                let start = *next;
                *next += claims.len();
                Some(start)
            })
            .collect();
        let mut entries: Vec<ClaimEntry> = extracted
            .into_par_iter()
            .zip(inputs)
            .zip(starts)
            .with_max_len(DOCUMENTS_PER_JOB)
            .flat_map_iter(|((claims, doc), start)| {
                let ids = &ids;
                claims
                    .into_iter()
                    .enumerate()
                    .map(move |(j, c)| ClaimEntry::from_claim(ids[start + j].clone(), doc.id, c))
            })
            .collect();
        entries.par_iter_mut().zip(credibility).for_each(|(e, cr)| {
            e.credibility = Some(CredibilityEntry {
                score: (cr.score * 1000.0).round() / 1000.0,
                reasons: cr.reasons,
                interested_party: cr.interested_party,
            });
        });
        // Each finding's entry on rayon's pool, gathered in order (then
        // sorted): the same report for any number of threads.
        let mut findings: Vec<FindingEntry> = assessed
            .into_par_iter()
            .map(|f| {
                let claim_ids: Vec<String> = f.claims.iter().map(|&m| ids[m].clone()).collect();
                // The scorer writes one label per claim, in claim order (the
                // first label of a claim counts); a claim without one is
                // labelled with its figure.
                let mut labels: HashMap<usize, String> = HashMap::with_capacity(f.labels.len());
                for (i, l) in f.labels {
                    labels.entry(i).or_insert(l);
                }
                let annotations = f
                    .claims
                    .iter()
                    .map(|&m| {
                        let label = labels
                            .get(&m)
                            .cloned()
                            .unwrap_or_else(|| entries[m].text.clone());
                        let doc = &inputs[doc_of[m]];
                        let (line, column) = position(doc_of[m], entries[m].span[0]);
                        Annotation {
                            claim: ids[m].clone(),
                            doc: doc.id.to_string(),
                            path: doc.entry.path.clone(),
                            span: entries[m].span,
                            line,
                            column,
                            label,
                        }
                    })
                    .collect();
                let code = f.code.to_string();
                let kind = wire(&f.kind);
                let mut parts: Vec<String> = f
                    .claims
                    .iter()
                    .map(|&m| {
                        let e = &entries[m];
                        format!(
                            "{}|{}|{}|{}",
                            e.doc,
                            e.text,
                            e.counted.as_ref().map_or("", |c| c.head.as_str()),
                            e.attribution.as_ref().map_or("", |a| a.source.as_str())
                        )
                    })
                    .collect();
                parts.sort();
                let mut key: Vec<&str> = vec![&code, &kind];
                key.extend(parts.iter().map(String::as_str));
                FindingEntry {
                    fingerprint: fnv(&key),
                    kind,
                    code,
                    severity: wire(&f.severity),
                    claims: claim_ids,
                    message: f.message,
                    annotations,
                    help: f.help,
                }
            })
            .collect();
        findings.sort_by(|a, b| {
            severity_rank(&a.severity)
                .cmp(&severity_rank(&b.severity))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.claims.cmp(&b.claims))
        });
        let (documents, sources, outlets, summary) = ledger_entries(inputs, &ids, ledger);
        watch.lap("report entries");
        Report {
            schema: SCHEMA.to_string(),
            documents,
            claims: entries,
            clusters: cluster_entries,
            findings,
            sources,
            outlets,
            summary: Some(summary),
        }
    }
}

/// One company under one name across the batch: "Nordair" in one article
/// is the "Nordair Airlines" of another
/// (`crosscheck_claims::attribution::company_aliases`), so that it is one
/// origin. A short name the registry knows, or a country's ("Qatar" beside
/// "Qatar Airways"), stays its own.
fn unify_company_names(
    extracted: &mut [Vec<Claim>],
    registry: &crosscheck_claims::registry::SourceRegistry,
) {
    let aliases: Vec<(String, String)> = crosscheck_claims::attribution::company_aliases(
        extracted
            .iter()
            .flatten()
            .filter_map(|c| c.attribution.as_ref())
            .map(|a| a.source.as_str()),
    )
    .into_iter()
    .filter(|(short, _)| {
        registry.lookup(short).is_none() && registry.canonical_country(short).is_none()
    })
    .collect();
    for claims in extracted.iter_mut() {
        for a in claims.iter_mut().filter_map(|c| c.attribution.as_mut()) {
            if let Some((_, full)) = aliases.iter().find(|(short, _)| *short == a.source) {
                a.source = full.clone();
            }
        }
        // "the company" in an article whose one named company speaks
        // ("Nordair said", "the company said").
        let mut named = claims
            .iter()
            .filter_map(|c| c.attribution.as_ref())
            .map(|a| a.source.as_str())
            .filter(|s| crosscheck_claims::attribution::is_company_name(s));
        let Some(one) = named.next().map(str::to_string) else {
            continue;
        };
        if named.any(|s| s != one) {
            continue;
        }
        for a in claims.iter_mut().filter_map(|c| c.attribution.as_mut()) {
            if a.source == "company" {
                a.source = one.clone();
            }
        }
    }
}

/// The ledger as report entries: documents (with their attribution),
/// sources, outlets and the summary. `ids` are the claim ids by item.
fn ledger_entries(
    docs: &[DocInput<'_>],
    ids: &[String],
    ledger: Ledger,
) -> (
    Vec<DocumentEntry>,
    Vec<SourceLedgerEntry>,
    Vec<OutletEntry>,
    SummaryEntry,
) {
    let claim_ids =
        |v: &[usize]| -> Vec<String> { v.iter().filter_map(|&i| ids.get(i).cloned()).collect() };
    // The first ledger entry of each document id, found in O(1).
    let mut ledger_of: HashMap<&str, usize> = HashMap::with_capacity(ledger.documents.len());
    for (n, d) in ledger.documents.iter().enumerate() {
        ledger_of.entry(d.id.as_str()).or_insert(n);
    }
    let documents = docs
        .par_iter()
        .map(|doc| {
            let mut e = doc.entry.clone();
            e.attribution = ledger_of
                .get(doc.id)
                .map(|&n| &ledger.documents[n])
                .map(|d| DocumentAttribution {
                    figures: d.figures,
                    named: d.named,
                    inherited: d.inherited,
                    anonymous: d.anonymous,
                    unattributed: d.unattributed,
                    named_share: d.named_share,
                    anonymous_share: d.anonymous_share,
                    unattributed_share: d.unattributed_share,
                    sources: d.sources.clone(),
                    credited: d.credited.clone(),
                    exclusive: claim_ids(&d.exclusive),
                    relays: d.relays.clone(),
                    relayed: claim_ids(&d.relayed),
                    relay: d.relay,
                });
            e
        })
        .collect();
    // The first document of each id, found in O(1).
    let mut doc_by_id: HashMap<&str, &DocInput<'_>> = HashMap::with_capacity(docs.len());
    for d in docs {
        doc_by_id.entry(d.id).or_insert(d);
    }
    let outlet_of = |doc: &str| -> String {
        doc_by_id
            .get(doc)
            .and_then(|d| d.outlet.map(str::to_string))
            .unwrap_or_else(|| doc.to_string())
    };
    // A source may hold most of the batch's claims: the largest first.
    let sources = costliest_first(
        ledger.sources,
        |_, s| s.claims.len() + s.relayed.len(),
        |_, s| SourceLedgerEntry {
            credibility: CredibilityEntry {
                score: s.credibility.score,
                reasons: s.credibility.reasons().into_iter().map(Arc::from).collect(),
                interested_party: s
                    .interested_party
                    .as_ref()
                    .map(|ip| format!("{} on {}", s.id, ip.topics.join(", "))),
            },
            chains: s
                .chains
                .iter()
                .map(|c| ChainEntry {
                    text: format!("{} → {}", c.hops.join(" → "), outlet_of(&c.document)),
                    hops: c.hops.clone(),
                    document: c.document.clone(),
                    claims: claim_ids(&c.claims),
                })
                .collect(),
            claims: claim_ids(&s.claims),
            relayed: claim_ids(&s.relayed),
            hedging: HedgingEntry {
                estimated: s.hedging.estimated,
                believed: s.hedging.believed,
                reported: s.hedging.reported,
                planned: s.hedging.planned,
                possible: s.hedging.possible,
                share: s.hedging.share,
            },
            interested_party: s.interested_party.map(|ip| InterestedPartyEntry {
                topics: ip.topics,
                statements: ip.statements,
                of: ip.of,
            }),
            id: s.id,
            label: s.label,
            name: s.name,
            kind: s.kind,
            registered: s.registered,
            joint: s.joint,
            origin: s.origin,
            aliases: s.aliases,
            documents: s.documents,
            figures: s.figures,
            credited_by: s.credited_by,
            named_in: s.named_in,
            briefings: s.briefings,
            corroborated: s.corroborated,
            corroborated_by: s.corroborated_by,
            echoed: s.echoed,
            conflicts: s.conflicts,
            possible_conflicts: s.possible_conflicts,
            conflicts_with: s.conflicts_with,
            single_source: s.single_source,
        },
    );
    let outlets = ledger
        .outlets
        .into_iter()
        .map(|o| OutletEntry {
            outlet: o.outlet,
            documents: o.documents,
            figures: o.figures,
            named: o.named,
            inherited: o.inherited,
            anonymous: o.anonymous,
            unattributed: o.unattributed,
            named_share: o.named_share,
            anonymous_share: o.anonymous_share,
            unattributed_share: o.unattributed_share,
            sources: o.sources,
            credited: o.credited,
            exclusive: o.exclusive,
            relays: o.relays,
            relaying_documents: o.relaying_documents,
        })
        .collect();
    let sm = ledger.summary;
    let summary = SummaryEntry {
        documents: sm.documents,
        figures: sm.figures,
        attributed: sm.attributed,
        anonymous: sm.anonymous,
        unattributed: sm.unattributed,
        independent_origins: sm.independent_origins,
        origins: sm
            .origins
            .into_iter()
            .map(|o| OriginEntry {
                claims: claim_ids(&o.claims),
                key: o.key,
                label: o.label,
                sources: o.sources,
                figures: o.figures,
                documents: o.documents,
                share: o.share,
                dominant: o.dominant,
                briefings: o.briefings,
                shared_members: o.shared_members,
            })
            .collect(),
        text: sm.text,
    };
    (documents, sources, outlets, summary)
}

/// error < warning < info, for sorting.
pub fn severity_rank(s: &str) -> u8 {
    match s {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_sensitive() {
        assert_eq!(fnv(&["a", "b"]), fnv(&["a", "b"]));
        assert_ne!(fnv(&["a", "b"]), fnv(&["ab"]));
    }
}
