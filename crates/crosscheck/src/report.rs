//! The report model (schema `crosscheck.report.v1`): what `audit --format
//! json` prints and what tools read. Fields marked stable in DESIGN.md are a
//! contract; new fields may be added, none renamed or dropped without a new
//! schema.
//!
//! **Why some names are strings.** [`FindingEntry::kind`],
//! [`FindingEntry::severity`], [`ClusterEntry::verdict`] and
//! [`SkippedEntry::role`] are `String`s, although each has an enum behind
//! it. The report is also what a tool *reads back* (a stored report, a
//! baseline, another version's output), and these are open sets in the
//! schema ("`kind`: at least `conflict`, `revision`, …"): a later version
//! may add a kind or a verdict, and a closed enum would make this version
//! fail to read that report, while an `Unknown` catch-all would lose the
//! name and break the byte-for-byte round trip. So the fields keep the wire
//! name, and typed views are methods that return `None` for a name this
//! version does not know: [`FindingEntry::kind_enum`],
//! [`FindingEntry::severity_enum`], [`ClusterEntry::verdict_enum`],
//! [`SkippedEntry::role_enum`]. Fields whose sets are closed by the claims
//! grammar (`claims[].kind`, `qualifier`, `unit`, `modality`,
//! `attribution`) are typed.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crosscheck_claims::attribution::Attribution;
use crosscheck_claims::boilerplate::BlockRole;
use crosscheck_claims::claim::{Claim, TimeScopeInfo};
use crosscheck_claims::counted::Counted;
use crosscheck_claims::modality::Modality;
use crosscheck_claims::quantity::{Kind, Qualifier, Unit};
use crosscheck_claims::registry::SourceKind;
use crosscheck_score::{FindingKind, Severity, Verdict};
use serde::de::IntoDeserializer;

use crate::document::Document;

/// The schema name every report carries.
pub const SCHEMA: &str = "crosscheck.report.v1";

/// A whole report: documents, claims, clusters and findings.
///
/// Made by [`Auditor::audit`](crate::Auditor::audit) (or
/// [`audit_unfiltered`](crate::Auditor::audit_unfiltered);
/// [`claims`](crate::Auditor::claims) fills only `documents` and `claims`). It serializes to the stable JSON
/// of `crosscheck audit --format json` and reads back with serde, so a tool
/// can store reports and compare them later. Claims are referred to by id
/// everywhere (`clusters[].claims`, `findings[].claims`); spans are byte
/// offsets into the document's text ([`Document::text`](crate::Document::text)),
/// which the report does not carry.
///
/// ```
/// use crosscheck::{Auditor, Document, Report, Severity};
///
/// let docs = [Document::from_text("draft", "Officials said about 5,000 troops were sent, the NIS said.")];
/// let report = Auditor::new().audit(&docs);
/// assert_eq!(report.schema, crosscheck::report::SCHEMA);
///
/// let claim = &report.claims[0];
/// assert_eq!((claim.id.as_str(), claim.text.as_str()), ("draft#1", "about 5,000"));
/// assert_eq!(&docs[0].text[claim.span[0]..claim.span[1]], "about 5,000");
/// assert!(claim.credibility.as_ref().is_some_and(|c| (0.0..=1.0).contains(&c.score)));
///
/// // The JSON is the public contract; it reads back into the same report.
/// let json = crosscheck::render::json(&report);
/// let back: Report = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, report);
///
/// // Findings carry their rule code, severity and kind by wire name; the
/// // `*_enum` methods give the typed view.
/// for f in &report.findings {
///     assert!(f.code.starts_with("CC"));
///     assert!(matches!(f.severity_enum(), Some(Severity::Error | Severity::Warning | Severity::Info)));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The documents read, in id order.
    pub documents: Vec<DocumentEntry>,
    /// Every claim, in document order.
    pub claims: Vec<ClaimEntry>,
    /// Clusters of claims about the same thing (empty for `claims`).
    #[serde(default)]
    pub clusters: Vec<ClusterEntry>,
    /// Findings for an editor (empty for `claims`).
    #[serde(default)]
    pub findings: Vec<FindingEntry>,
    /// The source ledger: one entry per normalized source, the ones most of
    /// the batch rests on first (empty for `claims`).
    #[serde(default)]
    pub sources: Vec<SourceLedgerEntry>,
    /// Documents of each outlet known from metadata, aggregated (empty for
    /// `claims`, and when no document names its outlet).
    #[serde(default)]
    pub outlets: Vec<OutletEntry>,
    /// How independently the batch is sourced (audits only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<SummaryEntry>,
}

impl Default for Report {
    /// An empty report of schema [`SCHEMA`].
    fn default() -> Self {
        Report {
            schema: SCHEMA.to_string(),
            documents: Vec::new(),
            claims: Vec::new(),
            clusters: Vec::new(),
            findings: Vec::new(),
            sources: Vec::new(),
            outlets: Vec::new(),
            summary: None,
        }
    }
}

/// One document's metadata as printed in `documents[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentEntry {
    /// Stable id: path relative to the argument, without extension.
    pub id: String,
    /// The file it was read from.
    pub path: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publishing outlet, when known.
    pub outlet: Option<String>,
    /// Publication date `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Sources the page credits ("Sources: Yonhap, Reuters").
    #[serde(default)]
    pub cited_sources: Vec<String>,
    /// Blocks that are not the article and were skipped, with why.
    #[serde(default)]
    pub skipped: Vec<SkippedEntry>,
    /// Problems reading this document.
    pub errors: Vec<String>,
    /// How the document attributes its figures (audits only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<DocumentAttribution>,
}

/// How one document attributes its figures, in `documents[].attribution`.
/// Figures are counted once when an article states them twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentAttribution {
    /// Distinct figures.
    pub figures: usize,
    /// Figures attributed to a named source, including carried attributions.
    pub named: usize,
    /// Of `named`, those whose attribution is carried from an earlier
    /// sentence ("inherited"): attributed, but not next to the figure.
    pub inherited: usize,
    /// Figures from unnamed sources ("officials said").
    pub anonymous: usize,
    /// Figures with no source.
    pub unattributed: usize,
    /// `named / figures` (0.01 steps).
    pub named_share: f64,
    /// `anonymous / figures`.
    pub anonymous_share: f64,
    /// `unattributed / figures`.
    pub unattributed_share: f64,
    /// Sources of its figures, most figures first.
    pub sources: Vec<String>,
    /// Its credit lines, normalized ("Yonhap", "Reuters").
    pub credited: Vec<String>,
    /// Claim ids of figures no other article has.
    pub exclusive: Vec<String>,
    /// Outlets it relays: wire services, news outlets and state media it
    /// names as reporting, carries figures through, or credits.
    pub relays: Vec<String>,
    /// Claim ids of figures that reach it through another outlet.
    pub relayed: Vec<String>,
    /// True when it relays other outlets' reporting ("Yonhap reported",
    /// "Sources: Yonhap, Reuters") rather than only reporting itself.
    pub relay: bool,
}

/// One outlet's documents, aggregated, in `outlets[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletEntry {
    /// The outlet, as metadata names it.
    pub outlet: String,
    /// Its document ids.
    pub documents: Vec<String>,
    /// Distinct figures in them.
    pub figures: usize,
    /// Attributed to a named source.
    pub named: usize,
    /// Of `named`, carried from an earlier sentence.
    pub inherited: usize,
    /// From unnamed sources.
    pub anonymous: usize,
    /// Without a source.
    pub unattributed: usize,
    /// Of all its figures.
    pub named_share: f64,
    /// Of all its figures.
    pub anonymous_share: f64,
    /// Of all its figures.
    pub unattributed_share: f64,
    /// Sources of its figures, by how many of its documents use them.
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

/// One normalized source of the batch, in `sources[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceLedgerEntry {
    /// Normalized id ("NIS"; "KR government + US government + UA
    /// government" for a joint source; "anonymous" for unnamed sources).
    pub id: String,
    /// Short name for tables ("South Korea/United States/Ukraine").
    pub label: String,
    /// Full name.
    pub name: String,
    /// Kind (a joint source: its first member's).
    pub kind: SourceKind,
    /// Known to the registry (defaults or user entries).
    pub registered: bool,
    /// Members of a joint source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint: Vec<String>,
    /// The independent origin it belongs to ("Government of South Korea");
    /// null for unnamed sources.
    pub origin: Option<String>,
    /// How the articles name it, as written.
    pub aliases: Vec<String>,
    /// Documents that cite it in any way.
    pub documents: Vec<String>,
    /// Claim ids of the figures it is the origin of (repeats included).
    pub claims: Vec<String>,
    /// Distinct figures it is the origin of.
    pub figures: usize,
    /// Claim ids of figures it passes on as an intermediary.
    pub relayed: Vec<String>,
    /// Documents whose credit lines name it.
    pub credited_by: Vec<String>,
    /// Documents that name it without a figure from it.
    pub named_in: Vec<String>,
    /// Documents that describe it briefing lawmakers.
    pub briefings: Vec<String>,
    /// How its figures reach each article.
    pub chains: Vec<ChainEntry>,
    /// Figures that agree with a figure from an independent origin.
    pub corroborated: usize,
    /// Those origins.
    pub corroborated_by: Vec<String>,
    /// Figures backed only by the same origin in other articles.
    pub echoed: usize,
    /// Figures in a conflict (CC001).
    pub conflicts: usize,
    /// Figures in a possible conflict only (CC002).
    pub possible_conflicts: usize,
    /// Sources of the figures they conflict with.
    pub conflicts_with: Vec<String>,
    /// Figures no other article gives.
    pub single_source: usize,
    /// How firmly its figures are put.
    pub hedging: HedgingEntry,
    /// Set when it is an interested party in what it is cited about.
    pub interested_party: Option<InterestedPartyEntry>,
    /// Score 0..1 and the weighted lines that add up to it (table in the
    /// crosscheck-score docs).
    pub credibility: CredibilityEntry,
}

/// How a source reaches one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainEntry {
    /// The origin, then each relay ("NIS", "KR intelligence committee", "Yonhap").
    pub hops: Vec<String>,
    /// The article it reaches.
    pub document: String,
    /// Claim ids of the figures that travel this way.
    pub claims: Vec<String>,
    /// "NIS → KR intelligence committee → Yonhap → 000" (the last hop is the
    /// document's outlet when metadata names it, else its id).
    pub text: String,
}

/// Counts of a source's figures by modality, and their share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HedgingEntry {
    /// Estimates.
    pub estimated: usize,
    /// Beliefs.
    pub believed: usize,
    /// Reports ("reportedly").
    pub reported: usize,
    /// Plans and agreements.
    pub planned: usize,
    /// Possibilities.
    pub possible: usize,
    /// Share of its figures that are any of these.
    pub share: f64,
}

/// A source with a stake in what it is cited about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterestedPartyEntry {
    /// What it has a stake in ("North Korea").
    pub topics: Vec<String>,
    /// How many of its figures (or of the sentences naming it, when it
    /// gives none) are about them.
    pub statements: usize,
    /// Of how many.
    pub of: usize,
}

/// How independently the batch is sourced, in `summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryEntry {
    /// Documents.
    pub documents: usize,
    /// Distinct figures.
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
    pub origins: Vec<OriginEntry>,
    /// The same in plain words.
    pub text: String,
}

/// One independent origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginEntry {
    /// Independence key ("KR government", "joint:…").
    pub key: String,
    /// For editors ("Government of South Korea").
    pub label: String,
    /// Its sources seen in the batch ("NIS").
    pub sources: Vec<String>,
    /// Distinct figures that trace back to it.
    pub figures: usize,
    /// Their claim ids.
    pub claims: Vec<String>,
    /// Documents with its figures.
    pub documents: Vec<String>,
    /// Share of the attributed figures.
    pub share: f64,
    /// True when at least two thirds of the attributed figures rest on it.
    pub dominant: bool,
    /// Documents that describe one of its sources briefing lawmakers.
    pub briefings: Vec<String>,
    /// For a joint origin, its members that are also origins of their own
    /// in the batch ("South Korea"): it is not wholly independent of them.
    #[serde(default)]
    pub shared_members: Vec<String>,
}

/// A skipped block: its role, the rule that decided it, span and excerpt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkippedEntry {
    /// comments, related, caption, credit-line, …
    pub role: String,
    /// The rule that decided it.
    pub rule: String,
    /// Byte span in the document text.
    pub span: [usize; 2],
    /// The start of the block's text.
    pub excerpt: String,
}

/// A wire name as the enum it names, `None` for a name this version does
/// not know.
fn parse_name<'de, T: Deserialize<'de>>(name: &'de str) -> Option<T> {
    T::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(name)).ok()
}

impl SkippedEntry {
    /// [`role`](SkippedEntry::role) as the block role it names.
    ///
    /// ```
    /// use crosscheck::{BlockRole, Document};
    ///
    /// let doc = Document::from_text("a", "The NIS said 11,000 troops were sent.\n5 Comments");
    /// let entry = crosscheck::report::DocumentEntry::of(&doc);
    /// assert_eq!(entry.skipped[0].role_enum(), Some(BlockRole::Comments));
    /// ```
    pub fn role_enum(&self) -> Option<BlockRole> {
        parse_name(&self.role)
    }
}

impl DocumentEntry {
    /// The entry for a document.
    pub fn of(doc: &Document) -> DocumentEntry {
        DocumentEntry {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            published: doc.published.map(|d| d.to_string()),
            cited_sources: doc.cited_sources.clone(),
            skipped: doc
                .skipped()
                .into_iter()
                .map(|s| SkippedEntry {
                    role: s.role.as_str().to_string(),
                    rule: s.rule.to_string(),
                    span: [s.span.start, s.span.end],
                    excerpt: s.excerpt,
                })
                .collect(),
            errors: doc.errors.clone(),
            attribution: None,
        }
    }
}

/// Credibility of one claim: a score and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredibilityEntry {
    /// 0 to 1.
    pub score: f64,
    /// Editor-readable reasons, each with its weight. A reason many claims
    /// give is one shared string.
    pub reasons: Vec<Arc<str>>,
    /// Set on a claim whose source is an interested party in what the
    /// figure is about: "KCNA on North Korea".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interested_party: Option<String>,
}

/// One claim as printed in `claims[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimEntry {
    /// Stable id `"<doc>#<n>"`, n counting from 1 in document order.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// The figure as written.
    pub text: String,
    /// Byte offsets of `text` in the document text.
    pub span: [usize; 2],
    /// The sentence it is in.
    pub sentence: String,
    /// The number as written, for single figures.
    pub value: Option<f64>,
    /// Lower bound, null when unbounded.
    pub low: Option<f64>,
    /// Upper bound, null when unbounded.
    pub high: Option<f64>,
    /// Kind of figure.
    pub kind: Kind,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
    /// Currency or percent.
    pub unit: Option<Unit>,
    /// An increment ("another 1,000").
    #[serde(default)]
    pub additional: bool,
    /// What is counted.
    pub counted: Option<Counted>,
    /// Who acts.
    pub actor: Option<String>,
    /// The action lemma.
    pub action: Option<String>,
    /// Time scope.
    pub time: Option<TimeScopeInfo>,
    /// How firmly it is asserted.
    pub modality: Modality,
    /// Hedge words.
    pub hedges: Vec<String>,
    /// Who says so.
    pub attribution: Option<Attribution>,
    /// Credibility, in audits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<CredibilityEntry>,
}

impl ClaimEntry {
    /// The entry for the `n`th (1-based) claim of document `doc`.
    pub fn of(doc: &str, n: usize, c: &Claim) -> ClaimEntry {
        ClaimEntry::from_claim(format!("{doc}#{n}"), doc, c.clone())
    }

    /// The entry of claim `c` of document `doc` under `id`, taking the
    /// claim's fields without copying them (no credibility yet).
    pub fn from_claim(id: String, doc: &str, c: Claim) -> ClaimEntry {
        ClaimEntry {
            id,
            doc: doc.to_string(),
            text: c.text,
            span: [c.span.start, c.span.end],
            sentence: c.sentence,
            value: c.value,
            low: c.low,
            high: c.high,
            kind: c.kind,
            qualifier: c.qualifier,
            unit: c.unit,
            additional: c.additional,
            counted: c.counted,
            actor: c.actor,
            action: c.action,
            time: c.time,
            modality: c.modality,
            hedges: c.hedges,
            attribution: c.attribution,
            credibility: None,
        }
    }
}

/// A cluster of claims about the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterEntry {
    /// Stable id.
    pub id: String,
    /// What the claims are about, for editors.
    pub label: String,
    /// Claim ids.
    pub claims: Vec<String>,
    /// conflict, revised, corroborated, consistent, single-source, mixed.
    pub verdict: String,
    /// Independent origins behind the cluster's claims.
    pub origins: usize,
}

impl ClusterEntry {
    /// [`verdict`](ClusterEntry::verdict) as the scorer's [`Verdict`].
    pub fn verdict_enum(&self) -> Option<Verdict> {
        parse_name(&self.verdict)
    }
}

/// One place a finding points at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Claim id.
    pub claim: String,
    /// Document id.
    pub doc: String,
    /// The document's file.
    pub path: String,
    /// Byte span in the document text.
    pub span: [usize; 2],
    /// 1-based line of the span's start in the document text.
    pub line: usize,
    /// 1-based column (characters) of the span's start.
    pub column: usize,
    /// Short label.
    pub label: String,
}

/// A finding for an editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingEntry {
    /// conflict, revision, corroborated, single-source, unattributed, …
    pub kind: String,
    /// Rule code, e.g. CC001.
    pub code: String,
    /// error, warning or info.
    pub severity: String,
    /// Claim ids: the primary first, then those it was judged against.
    pub claims: Vec<String>,
    /// What was found.
    pub message: String,
    /// Where, claim by claim.
    pub annotations: Vec<Annotation>,
    /// What to do about it.
    pub help: Option<String>,
    /// Stable across runs and unrelated edits.
    pub fingerprint: String,
}

impl FindingEntry {
    /// [`kind`](FindingEntry::kind) as the scorer's [`FindingKind`].
    pub fn kind_enum(&self) -> Option<FindingKind> {
        parse_name(&self.kind)
    }

    /// [`severity`](FindingEntry::severity) as the scorer's [`Severity`]
    /// (the configured severity, after `[findings.severity]` overrides).
    ///
    /// ```
    /// use crosscheck::{Auditor, Document, FindingKind, Severity};
    ///
    /// let docs = [
    ///     Document::from_text("a", "The Health Ministry said 120 people were killed in the flood on Monday."),
    ///     Document::from_text("b", "Red Cross officials said 900 people were killed in the flood on Monday."),
    /// ];
    /// let report = Auditor::new().audit(&docs);
    /// let f = &report.findings[0];
    /// assert_eq!((f.kind_enum(), f.severity_enum()), (Some(FindingKind::Conflict), Some(Severity::Error)));
    /// ```
    pub fn severity_enum(&self) -> Option<Severity> {
        parse_name(&self.severity)
    }
}
