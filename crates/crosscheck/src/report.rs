//! The report model (schema `crosscheck.report.v1`): what `audit --format
//! json` prints and what tools read. Fields marked stable in DESIGN.md are a
//! contract; new fields may be added, none renamed or dropped without a new
//! schema.

use serde::{Deserialize, Serialize};

use crosscheck_claims::attribution::Attribution;
use crosscheck_claims::claim::{Claim, TimeScopeInfo};
use crosscheck_claims::counted::Counted;
use crosscheck_claims::modality::Modality;
use crosscheck_claims::quantity::{Kind, Qualifier, Unit};

use crate::document::Document;

/// The schema name every report carries.
pub const SCHEMA: &str = "crosscheck.report.v1";

/// A whole report: documents, claims, clusters and findings.
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
        }
    }
}

/// Credibility of one claim: a score and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CredibilityEntry {
    /// 0 to 1.
    pub score: f64,
    /// Editor-readable reasons, each with its weight.
    pub reasons: Vec<String>,
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
        ClaimEntry {
            id: format!("{doc}#{n}"),
            doc: doc.to_string(),
            text: c.text.clone(),
            span: [c.span.start, c.span.end],
            sentence: c.sentence.clone(),
            value: c.value,
            low: c.low,
            high: c.high,
            kind: c.kind,
            qualifier: c.qualifier,
            unit: c.unit,
            additional: c.additional,
            counted: c.counted.clone(),
            actor: c.actor.clone(),
            action: c.action.clone(),
            time: c.time.clone(),
            modality: c.modality,
            hedges: c.hedges.clone(),
            attribution: c.attribution.clone(),
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
