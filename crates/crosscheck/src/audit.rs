//! The pipeline: documents → claims (and, in audits, clusters, findings and
//! credibility) → [`Report`].
//!
//! Claims are extracted one document at a time on rayon's thread pool (the
//! binary sizes it with `--jobs`); results are collected in document order,
//! so a report is byte-identical whatever the number of threads.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crosscheck_claims::boilerplate::BlockRole;
use crosscheck_claims::claim::{Claim, Extraction, Source, extract_cued};
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_claims::time::Date;
use crosscheck_cluster::Thesaurus;
use crosscheck_score::{Severity, Tolerances};
use rayon::prelude::*;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::config::{BOILERPLATE_RULE, Config, FindingRules};
use crate::document::Document;
use crate::report::{ClaimEntry, DocumentEntry, Report, SCHEMA};

/// Runs crosscheck over documents. Holds the source registry, the
/// counted-thing thesaurus, the tolerances, the configured boilerplate
/// patterns and the finding rules.
///
/// ```
/// use crosscheck::{Auditor, Document};
///
/// let draft = Document::from_text("draft", "Pyongyang has sent about 5,000 troops, the NIS said.");
/// let report = Auditor::new().claims(&[draft]);
/// assert_eq!(report.claims[0].id, "draft#1");
/// assert_eq!(report.claims[0].attribution.as_ref().unwrap().source, "NIS");
/// ```
///
/// **Which method.**
///
/// | method | what | report |
/// |---|---|---|
/// | [`audit`](Auditor::audit) | what `crosscheck audit` runs: boilerplate patterns, the pipeline, the finding rules | full |
/// | [`audit_unfiltered`](Auditor::audit_unfiltered) | the pipeline only: every finding at its rule's own severity | full |
/// | [`claims`](Auditor::claims) | boilerplate patterns and extraction, as `crosscheck claims` | `documents`, `claims` |
/// | [`extract`](Auditor::extract) / [`extract_all`](Auditor::extract_all) | the claims grammar alone | [`Claim`]s |
/// | [`audit_claims`](Auditor::audit_claims) / [`audit_claims_owned`](Auditor::audit_claims_owned) | [`audit`](Auditor::audit) of a claim stream ([`claim_records`](Auditor::claim_records)); the owned one is what `crosscheck audit --claims` runs | full |
///
/// With [`Auditor::new`] (no configuration) `audit` and `audit_unfiltered`
/// give the same report. [`Auditor::check`] and [`Auditor::check_claims`]
/// are the former names of `audit` and `audit_claims`, kept as deprecated
/// aliases.
///
/// **Document ids** must be unique in a report (claim ids are
/// `<doc>#<n>`). Every method that makes a report applies the rule that
/// [`ingest`](crate::ingest) applies to files: a later document whose id is
/// already taken is reported as `<id>~2` (then `~3`, …), with a warning in
/// its `documents[].errors` — the batch is still audited, and nothing is
/// mixed up. The documents passed in are not changed.
///
/// An audit of two articles whose death tolls conflict:
///
/// ```
/// use crosscheck::{Auditor, Document};
///
/// let docs = [
///     Document::from_text("a", "The Health Ministry said 120 people were killed in the flood on Monday."),
///     Document::from_text("b", "Red Cross officials said 900 people were killed in the flood on Monday."),
/// ];
/// let report = Auditor::new().audit(&docs);
/// let conflict = report.findings.iter().find(|f| f.kind == "conflict").expect("a conflict");
/// assert_eq!(conflict.code, "CC001");
/// assert_eq!(conflict.severity, "error");
/// // The claims it involves, the primary first.
/// let figures: Vec<&str> = conflict.claims.iter()
///     .map(|id| report.claims.iter().find(|c| &c.id == id).unwrap().text.as_str())
///     .collect();
/// assert_eq!(figures.len(), 2);
/// assert!(figures.contains(&"120") && figures.contains(&"900"));
/// ```
///
/// An `Auditor` is `Clone + Send + Sync`: build it once (from the
/// configuration) and share it between threads or requests, as
/// `crosscheck serve` does. Extraction runs on rayon's current pool.
#[derive(Clone)]
pub struct Auditor {
    registry: SourceRegistry,
    /// The counted-thing thesaurus the clusterer uses.
    pub(crate) thesaurus: Thesaurus,
    /// Interval tolerances the scorer uses.
    pub(crate) tolerances: Tolerances,
    rules: FindingRules,
    boilerplate: Vec<(Regex, BlockRole)>,
    pub(crate) progress: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl fmt::Debug for Auditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auditor")
            .field("registry", &self.registry)
            .field("thesaurus", &self.thesaurus)
            .field("tolerances", &self.tolerances)
            .field("rules", &self.rules)
            .field("boilerplate", &self.boilerplate)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Default for Auditor {
    fn default() -> Self {
        Auditor::new()
    }
}

impl Auditor {
    /// An auditor with the built-in source registry, thesaurus and
    /// tolerances, reporting every finding at its rule's severity.
    pub fn new() -> Auditor {
        Auditor {
            registry: SourceRegistry::with_defaults(),
            thesaurus: Thesaurus::builtin(),
            tolerances: Tolerances::default(),
            rules: FindingRules::default(),
            boilerplate: Vec::new(),
            progress: None,
        }
    }

    /// An auditor configured by a [`Config`] (usually a `crosscheck.toml`):
    /// the built-in registry extended with `[[sources]]`, the built-in
    /// thesaurus extended with `thesaurus`, the `[tolerances]`, the
    /// `[findings]` rules and the `[[boilerplate]]` patterns. Patterns that
    /// are not valid regular expressions (possible only in a `Config` built
    /// in code; [`Config::from_toml`] rejects them) are skipped.
    ///
    /// ```
    /// use std::path::Path;
    /// use crosscheck::{Auditor, config::Config};
    ///
    /// let cfg = Config::from_toml("[[sources]]\nid = \"KIDA\"\nkind = \"expert\"\n", Path::new("crosscheck.toml")).unwrap();
    /// let auditor = Auditor::with_config(&cfg);
    /// assert!(auditor.registry().get("KIDA").is_some());
    /// ```
    pub fn with_config(config: &Config) -> Auditor {
        let mut registry = SourceRegistry::with_defaults();
        registry.extend(config.sources.clone());
        let mut thesaurus = Thesaurus::builtin();
        thesaurus.extend(config.thesaurus.clone());
        Auditor {
            registry,
            thesaurus,
            tolerances: config.tolerances.clone(),
            rules: config.findings.clone(),
            boilerplate: config
                .boilerplate
                .iter()
                .filter_map(|b| Regex::new(&b.pattern).ok().map(|re| (re, b.role)))
                .collect(),
            progress: None,
        }
    }

    /// Call `tick` once per document as its claims are extracted (from any
    /// thread), e.g. to advance a progress bar.
    pub fn with_progress(mut self, tick: impl Fn() + Send + Sync + 'static) -> Auditor {
        self.progress = Some(Arc::new(tick));
        self
    }

    /// The source registry in use.
    pub fn registry(&self) -> &SourceRegistry {
        &self.registry
    }

    /// The counted-thing thesaurus in use.
    pub fn thesaurus(&self) -> &Thesaurus {
        &self.thesaurus
    }

    /// The interval tolerances in use.
    pub fn tolerances(&self) -> &Tolerances {
        &self.tolerances
    }

    /// A document's publication date as the claims grammar's date type.
    pub fn published(&self, doc: &Document) -> Option<Date> {
        doc.published
            .and_then(|d| Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8))
    }

    /// The claims of one document, in order.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        self.extract_cued(doc).claims
    }

    /// [`Auditor::extract`], with every article sentence's span and
    /// attribution cues ([`extract_cued`]): the sentences [`Document::sentences`]
    /// lists, parsed once for the claims and the source ledger.
    pub fn extract_cued(&self, doc: &Document) -> Extraction {
        let blocks: Vec<_> = doc.article_blocks().map(|b| b.span.clone()).collect();
        let published = self.published(doc);
        extract_cued(
            Source {
                text: &doc.text,
                blocks: &blocks,
                published,
            },
            &self.registry,
        )
    }

    /// The claims of every document, extracted in parallel on rayon's
    /// current pool and returned in document order.
    pub fn extract_all(&self, docs: &[Document]) -> Vec<Vec<Claim>> {
        self.extract_cued_all(docs)
            .into_iter()
            .map(|e| e.claims)
            .collect()
    }

    /// [`Auditor::extract_cued`] of every document, in parallel, in
    /// document order.
    fn extract_cued_all(&self, docs: &[Document]) -> Vec<Extraction> {
        docs.par_iter()
            .map(|d| {
                let found = self.extract_cued(d);
                if let Some(tick) = &self.progress {
                    tick();
                }
                found
            })
            .collect()
    }

    /// A report of the documents and their claims (no clusters, findings
    /// or ledger): what `crosscheck claims --format json` prints. The
    /// configured boilerplate patterns are applied first (on a copy), as
    /// [`Auditor::audit`] does; duplicate ids are renamed as there.
    pub fn claims(&self, docs: &[Document]) -> Report {
        let docs = self.prepared(docs);
        let docs: &[Document] = &docs;
        let mut claims = Vec::new();
        for (doc, extracted) in docs.iter().zip(self.extract_all(docs)) {
            for (n, c) in extracted.iter().enumerate() {
                claims.push(ClaimEntry::of(&doc.id, n + 1, c));
            }
        }
        Report {
            schema: SCHEMA.to_string(),
            documents: docs.iter().map(DocumentEntry::of).collect(),
            claims,
            ..Report::default()
        }
    }

    /// The documents as the pipeline reads them: with the configured
    /// boilerplate patterns applied and unique ids, borrowed when neither
    /// changes anything.
    fn prepared<'a>(&self, docs: &'a [Document]) -> Cow<'a, [Document]> {
        let docs = with_unique_ids(docs);
        if self.boilerplate.is_empty() {
            return docs;
        }
        let mut docs = docs.into_owned();
        self.apply_boilerplate(&mut docs);
        Cow::Owned(docs)
    }

    /// Give the configured boilerplate role to every article block whose
    /// text matches a configured pattern (rule [`BOILERPLATE_RULE`]).
    /// Returns how many blocks changed. See [`crate::config`].
    ///
    /// ```
    /// use std::path::Path;
    /// use crosscheck::{Auditor, Format, config::Config, ingest};
    ///
    /// let cfg = Config::from_toml("[[boilerplate]]\npattern = \"^Desk note:\"\n", Path::new("crosscheck.toml")).unwrap();
    /// let mut docs = ingest::parse("Officials said 5,000 troops were sent.\nDesk note: 75 reporters covered this story.", Format::Text, "a", "").documents;
    /// assert_eq!(Auditor::with_config(&cfg).apply_boilerplate(&mut docs), 1);
    /// assert_eq!(docs[0].skipped()[0].rule, "config-boilerplate");
    /// ```
    pub fn apply_boilerplate(&self, docs: &mut [Document]) -> usize {
        if self.boilerplate.is_empty() {
            return 0;
        }
        let mut changed = 0;
        for doc in docs {
            let text = &doc.text;
            for block in &mut doc.blocks {
                if !block.role.is_article() {
                    continue;
                }
                let block_text = text.get(block.span.clone()).unwrap_or("");
                if let Some((_, role)) = self
                    .boilerplate
                    .iter()
                    .find(|(re, _)| re.is_match(block_text))
                {
                    block.role = *role;
                    block.rule = BOILERPLATE_RULE;
                    changed += 1;
                }
            }
        }
        changed
    }

    /// Apply the configured finding rules to a report: drop ignored rules,
    /// replace severities, drop findings below the minimum severity, and
    /// sort again (most severe first, then code, then claims).
    /// Fingerprints do not depend on severity, so a baseline still matches.
    pub fn apply_rules(&self, report: &mut Report) {
        let rules = &self.rules;
        report.findings.retain(|f| !rules.ignore.contains(&f.code));
        for f in &mut report.findings {
            if let Some(s) = rules.severity.get(&f.code) {
                f.severity = s.as_str().to_string();
            }
        }
        let min = rank(rules.min_severity.as_str());
        report.findings.retain(|f| rank(&f.severity) <= min);
        report.findings.sort_by(|a, b| {
            rank(&a.severity)
                .cmp(&rank(&b.severity))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.claims.cmp(&b.claims))
        });
    }

    /// The audit of a batch as configured — what `crosscheck audit` runs:
    /// the configured boilerplate patterns (on a copy of the documents),
    /// claims, clusters, credibility, the source ledger and findings
    /// ([`Auditor::audit_unfiltered`]), then the configured finding rules
    /// ([`Auditor::apply_rules`]: ignored rules dropped, severity
    /// overrides, minimum severity).
    ///
    /// A later document whose id is already taken is reported as `<id>~2`
    /// (see [`Auditor`]).
    ///
    /// ```
    /// use crosscheck::{Auditor, Document};
    ///
    /// let docs = [
    ///     Document::from_text("a", "The NIS said 11,000 troops were sent."),
    ///     Document::from_text("a", "Yonhap said 12,000 troops were sent."),
    /// ];
    /// let report = Auditor::new().audit(&docs);
    /// assert_eq!(report.schema, "crosscheck.report.v1");
    /// let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    /// assert_eq!(ids, ["a", "a~2"]);
    /// assert_eq!(report.documents[1].errors, [r#"duplicate document id "a"; this one is "a~2""#]);
    /// assert_eq!(report.claims[1].id, "a~2#1");
    /// ```
    pub fn audit(&self, docs: &[Document]) -> Report {
        let mut report = self.audit_unfiltered(&self.prepared(docs));
        self.apply_rules(&mut report);
        report
    }

    /// [`Auditor::audit`] of documents it consumes: the same report, but
    /// each article's text is dropped once its claims (and what the source
    /// ledger reads of it) are taken, before the batch is clustered and
    /// scored — what `crosscheck audit` runs when the output does not show
    /// the articles. For large batches: the text is then never in memory
    /// with the clusters, the assessment and the report.
    ///
    /// ```
    /// use crosscheck::{Auditor, Document};
    ///
    /// let docs = vec![
    ///     Document::from_text("a", "The NIS said 11,000 troops were sent."),
    ///     Document::from_text("b", "Yonhap said 12,000 troops were sent."),
    /// ];
    /// let auditor = Auditor::new();
    /// assert_eq!(auditor.audit_owned(docs.clone()), auditor.audit(&docs));
    /// ```
    pub fn audit_owned(&self, mut docs: Vec<Document>) -> Report {
        self.apply_boilerplate(&mut docs);
        let mut report = self.audit_unfiltered_owned(docs);
        self.apply_rules(&mut report);
        report
    }

    /// The former name of [`Auditor::audit`], which it calls: the audit as
    /// configured.
    #[deprecated(since = "0.1.0", note = "use Auditor::audit, the audit as configured")]
    pub fn check(&self, docs: &[Document]) -> Report {
        self.audit(docs)
    }
}

/// The documents with unique ids: borrowed when they already are, else a
/// copy in which later duplicates are renamed `<id>~2`, `<id>~3`, … with a
/// warning, as [`ingest`](crate::ingest) does.
pub(crate) fn with_unique_ids(docs: &[Document]) -> Cow<'_, [Document]> {
    let mut seen = HashSet::with_capacity(docs.len());
    if docs.iter().all(|d| seen.insert(d.id.as_str())) {
        return Cow::Borrowed(docs);
    }
    let mut docs = docs.to_vec();
    crate::ingest::dedupe_ids(&mut docs);
    Cow::Owned(docs)
}

/// One line of the claim stream that `crosscheck claims --format jsonl`
/// writes and `crosscheck audit --claims` reads: a document's metadata
/// (`"record": "document"`), followed by its claims (`"record": "claim"`).
///
/// The stream carries everything the audit reads, so auditing it is the
/// same audit as auditing the articles ([`Auditor::audit_claims`]).
/// Document ids in a stream must be unique: claims name their document by
/// id.
///
/// ```
/// use crosscheck::{Auditor, Format, ingest};
/// use crosscheck::audit::StreamRecord;
///
/// let docs = ingest::parse("The NIS said 11,000 troops were sent.", Format::Text, "a", "").documents;
/// let auditor = Auditor::new();
/// let records = auditor.claim_records(&docs);
/// let lines: Vec<String> = records.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
/// assert!(lines[0].starts_with(r#"{"record":"document""#));
/// let back: Vec<StreamRecord> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
/// assert_eq!(auditor.audit_claims(&back).unwrap(), auditor.audit(&docs));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "kebab-case")]
pub enum StreamRecord {
    /// A document's metadata and the sentences the source ledger reads.
    Document(Box<DocumentRecord>),
    /// One claim.
    Claim(Box<ClaimRecord>),
}

/// A document in the claim stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document's `documents[]` entry.
    #[serde(flatten)]
    pub entry: DocumentEntry,
    /// The sentences of the article's own blocks, in order: the source
    /// ledger reads them for sources named without a figure, credit lines
    /// and acronyms the article defines.
    pub sentences: Vec<String>,
}

/// A claim in the claim stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The claim's `claims[]` entry (without credibility).
    #[serde(flatten)]
    pub entry: ClaimEntry,
    /// Byte span of the claim's sentence in the document text.
    pub sentence_span: [usize; 2],
    /// 1-based line of the figure in the document (as in annotations).
    pub line: usize,
    /// 1-based column (characters) of the figure.
    pub column: usize,
    /// The clustering blocking key ([`crosscheck_cluster::block_key`]):
    /// claims with different keys are never compared, so it is the shuffle
    /// key of a distributed audit.
    pub block: String,
}

/// A claim stream that cannot be audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamError {
    /// A claim names a document that no document record before it gave.
    UnknownDocument {
        /// The claim id.
        claim: String,
        /// The document id it names.
        doc: String,
    },
    /// Two document records with the same id: the claims naming it could
    /// belong to either.
    DuplicateDocument {
        /// The document id.
        doc: String,
    },
    /// A claim's spans are not ordered (`start > end`).
    BadSpan {
        /// The claim id.
        claim: String,
    },
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::UnknownDocument { claim, doc } => write!(
                f,
                "claim {claim} names document {doc:?}, which has no document record before it"
            ),
            StreamError::DuplicateDocument { doc } => write!(
                f,
                "document {doc:?} has two records; document ids in a claim stream must be unique"
            ),
            StreamError::BadSpan { claim } => {
                write!(f, "claim {claim} has a span whose start is after its end")
            }
        }
    }
}

impl std::error::Error for StreamError {}

/// What the audit takes of a claim record: its id, where it starts (byte,
/// then line and column) and the claim.
type StreamClaim = (String, (usize, (usize, usize)), Claim);

impl ClaimRecord {
    /// The claim as the extractor produced it, with its id and position,
    /// its strings moved out of the record.
    fn into_claim(self) -> Result<StreamClaim, StreamError> {
        let e = self.entry;
        if e.span[0] > e.span[1] || self.sentence_span[0] > self.sentence_span[1] {
            return Err(StreamError::BadSpan { claim: e.id });
        }
        let claim = Claim {
            text: e.text,
            span: e.span[0]..e.span[1],
            sentence: e.sentence,
            sentence_span: self.sentence_span[0]..self.sentence_span[1],
            value: e.value,
            low: e.low,
            high: e.high,
            kind: e.kind,
            qualifier: e.qualifier,
            unit: e.unit,
            additional: e.additional,
            counted: e.counted,
            actor: e.actor,
            action: e.action,
            time: e.time,
            modality: e.modality,
            hedges: e.hedges,
            attribution: e.attribution,
        };
        Ok((e.id, (e.span[0], (self.line, self.column)), claim))
    }
}

/// How many documents [`Auditor::write_claim_stream`] extracts and
/// serializes before it writes their lines: enough to keep every thread
/// busy, few enough that a run's lines take a few megabytes.
pub const STREAM_RUN: usize = 2048;

impl Auditor {
    /// The claim stream of a batch: for each document in order, its record
    /// then its claims' records. The configured boilerplate patterns are
    /// applied first (on a copy), and duplicate ids renamed, as
    /// [`Auditor::audit`] does.
    pub fn claim_records(&self, docs: &[Document]) -> Vec<StreamRecord> {
        self.records_of(&self.prepared(docs))
    }

    fn records_of(&self, docs: &[Document]) -> Vec<StreamRecord> {
        docs.par_iter()
            .with_max_len(crate::auditing::DOCUMENTS_PER_JOB)
            .flat_map_iter(|doc| self.records_of_document(doc))
            .collect()
    }

    /// The claim stream of a batch as JSON lines (each [`StreamRecord`] as
    /// `serde_json` writes it, then a newline), written to `out` as it is
    /// made: the documents are extracted and their lines serialized on
    /// rayon's pool, [`STREAM_RUN`] documents at a time, and written in
    /// order. The same lines as [`Auditor::claim_records`] gives, in the
    /// same order, without the whole stream held in memory. Returns the
    /// number of records written.
    ///
    /// ```
    /// use crosscheck::{Auditor, Document};
    ///
    /// let docs = [Document::from_text("a", "Officials said 5,000 troops were sent.")];
    /// let mut out = Vec::new();
    /// let n = Auditor::new().write_claim_stream(&docs, &mut out).unwrap();
    /// assert_eq!(n, 2); // the document's record, then its claim's
    /// assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    /// ```
    pub fn write_claim_stream(
        &self,
        docs: &[Document],
        mut out: impl std::io::Write,
    ) -> std::io::Result<usize> {
        let docs = self.prepared(docs);
        let mut written = 0;
        for run in docs.chunks(STREAM_RUN) {
            let lines: Vec<(Vec<u8>, usize)> = run
                .par_iter()
                .with_max_len(crate::auditing::DOCUMENTS_PER_JOB)
                .map(|doc| -> std::io::Result<(Vec<u8>, usize)> {
                    let records = self.records_of_document(doc);
                    let mut bytes = Vec::new();
                    for r in &records {
                        serde_json::to_writer(&mut bytes, r)?;
                        bytes.push(b'\n');
                    }
                    Ok((bytes, records.len()))
                })
                .collect::<std::io::Result<_>>()?;
            for (bytes, n) in lines {
                out.write_all(&bytes)?;
                written += n;
            }
        }
        out.flush()?;
        Ok(written)
    }

    /// One document's records: its own, then its claims' (extracted here).
    fn records_of_document(&self, doc: &Document) -> Vec<StreamRecord> {
        let Extraction { claims, sentences } = self.extract_cued(doc);
        if let Some(tick) = &self.progress {
            tick();
        }
        let mut out = Vec::with_capacity(1 + claims.len());
        // The article sentences the extraction segmented (those of
        // `Document::sentence_texts`), not segmented again.
        out.push(StreamRecord::Document(Box::new(DocumentRecord {
            entry: DocumentEntry::of(doc),
            sentences: sentences
                .into_iter()
                .filter_map(|(span, _)| doc.text.get(span).map(str::to_string))
                .collect(),
        })));
        let starts: Vec<usize> = claims.iter().map(|c| c.span.start).collect();
        for (n, (c, (line, column))) in claims.into_iter().zip(doc.positions(&starts)).enumerate() {
            let sentence_span = [c.sentence_span.start, c.sentence_span.end];
            let block = crosscheck_cluster::block_key(&c, &self.thesaurus);
            out.push(StreamRecord::Claim(Box::new(ClaimRecord {
                entry: ClaimEntry::from_claim(format!("{}#{}", doc.id, n + 1), &doc.id, c),
                sentence_span,
                line,
                column,
                block,
            })));
        }
        out
    }

    /// [`Auditor::audit_unfiltered`] of a claim stream instead of
    /// articles: the same report as auditing the articles the stream was
    /// made from, before the finding rules. Claims are grouped under their
    /// document (documents in stream order, a document's claims in stream
    /// order). Errors: a claim whose document has no record before it, two
    /// records for one document id, a span whose start is after its end.
    /// Works on a copy of the records; [`Auditor::audit_claims_unfiltered_owned`]
    /// spares the copy.
    pub fn audit_claims_unfiltered(&self, records: &[StreamRecord]) -> Result<Report, StreamError> {
        self.audit_claims_unfiltered_owned(records.to_vec())
    }

    /// [`Auditor::audit_claims_unfiltered`] of records it consumes: each
    /// claim is moved out of its record, and each document's sentences are
    /// read by the source ledger and dropped before the claims are
    /// clustered, so a big stream is not held twice.
    pub fn audit_claims_unfiltered_owned(
        &self,
        records: Vec<StreamRecord>,
    ) -> Result<Report, StreamError> {
        let mut documents: Vec<DocumentRecord> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut claims: Vec<Vec<ClaimRecord>> = Vec::new();
        for r in records {
            match r {
                StreamRecord::Document(d) => {
                    if index.contains_key(&d.entry.id) {
                        return Err(StreamError::DuplicateDocument { doc: d.entry.id });
                    }
                    index.insert(d.entry.id.clone(), documents.len());
                    documents.push(*d);
                    claims.push(Vec::new());
                }
                StreamRecord::Claim(c) => {
                    let Some(&d) = index.get(c.entry.doc.as_str()) else {
                        return Err(StreamError::UnknownDocument {
                            claim: c.entry.id,
                            doc: c.entry.doc,
                        });
                    };
                    claims[d].push(*c);
                }
            }
        }
        drop(index);
        // Per document on rayon's pool: its claims, and the ledger's scan
        // of its sentences, which then go. The first bad claim, in stream
        // order within document order, is the error.
        type Converted<'r> = (
            Result<Vec<StreamClaim>, StreamError>,
            crosscheck_score::ledger::DocumentScan<'r>,
        );
        let converted: Vec<Converted<'_>> = documents
            .par_iter_mut()
            .zip(claims)
            .with_max_len(crate::auditing::DOCUMENTS_PER_JOB)
            .map(|(d, cs)| {
                let sentences = std::mem::take(&mut d.sentences);
                let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
                let scan = crosscheck_score::ledger::scan(self.registry(), &sentences);
                let claims = cs.into_iter().map(ClaimRecord::into_claim).collect();
                (claims, scan)
            })
            .collect();
        let mut ids: Vec<String> = Vec::new();
        let mut positions: crate::auditing::ClaimPositions = Vec::with_capacity(documents.len());
        let mut extracted: Vec<Vec<Claim>> = Vec::with_capacity(documents.len());
        let mut scans = Vec::with_capacity(documents.len());
        for (claims, scan) in converted {
            let mut at = Vec::new();
            let mut list = Vec::new();
            for (id, position, claim) in claims? {
                ids.push(id);
                at.push(position);
                list.push(claim);
            }
            positions.push(at);
            extracted.push(list);
            scans.push(scan);
        }
        let inputs: Vec<crate::auditing::DocInput<'_>> = documents
            .iter()
            .map(|d| {
                let mut entry = d.entry.clone();
                entry.attribution = None;
                crate::auditing::DocInput {
                    id: &d.entry.id,
                    published: d
                        .entry
                        .published
                        .as_deref()
                        .and_then(crate::date::parse_published)
                        .and_then(|p| {
                            Date::new(i32::from(p.year()), p.month() as u8, p.day() as u8)
                        }),
                    outlet: d.entry.outlet.as_deref(),
                    cited_sources: &d.entry.cited_sources,
                    entry,
                }
            })
            .collect();
        let position = |d: usize, at: usize| crate::auditing::position_in(&positions, d, at);
        Ok(self.audit_batch(&inputs, extracted, ids, scans, &position))
    }

    /// The audit of a claim stream as configured (what `crosscheck audit
    /// --claims` runs, on records it owns: [`Auditor::audit_claims_owned`]):
    /// [`Auditor::audit_claims_unfiltered`], then
    /// [`Auditor::apply_rules`] (the boilerplate patterns were applied when
    /// the stream was made, by [`Auditor::claim_records`]). The same report
    /// as [`Auditor::audit`] of the articles. Works on a copy of the records.
    pub fn audit_claims(&self, records: &[StreamRecord]) -> Result<Report, StreamError> {
        self.audit_claims_owned(records.to_vec())
    }

    /// [`Auditor::audit_claims`] of records it consumes (see
    /// [`Auditor::audit_claims_unfiltered_owned`]): what `crosscheck audit
    /// --claims` runs.
    pub fn audit_claims_owned(&self, records: Vec<StreamRecord>) -> Result<Report, StreamError> {
        let mut report = self.audit_claims_unfiltered_owned(records)?;
        self.apply_rules(&mut report);
        Ok(report)
    }

    /// The former name of [`Auditor::audit_claims`], which it calls.
    #[deprecated(since = "0.1.0", note = "use Auditor::audit_claims")]
    pub fn check_claims(&self, records: &[StreamRecord]) -> Result<Report, StreamError> {
        self.audit_claims(records)
    }
}

/// error < warning < info.
fn rank(severity: &str) -> u8 {
    crate::auditing::severity_rank(severity)
}

/// The severity of a report's finding as the scorer's type.
pub fn severity_of(s: &str) -> Severity {
    match s {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => Severity::Info,
    }
}

/// Small batches for the library's unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::document::{Document, Format};
    use crate::ingest;

    /// Two articles whose death tolls conflict (CC001): `news/a.txt` says
    /// 120, `news/b.txt` says 900.
    pub(crate) fn conflict() -> Vec<Document> {
        let mut docs = ingest::parse(
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            Format::Text,
            "a",
            "news/a.txt",
        )
        .documents;
        docs.extend(
            ingest::parse(
                "Red Cross officials said 900 people were killed in the flood on Monday.",
                Format::Text,
                "b",
                "news/b.txt",
            )
            .documents,
        );
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::conflict;
    use super::*;
    use crate::document::Format;
    use crate::ingest;

    #[test]
    fn new_and_default_config_agree() {
        let docs = conflict();
        let a = Auditor::new().audit(&docs);
        let b = Auditor::with_config(&Config::default()).audit(&docs);
        assert_eq!(a, b);
        assert!(a.findings.iter().any(|f| f.code == "CC001"));
    }

    #[test]
    fn rules_ignore_and_override() {
        let docs = conflict();
        let mut cfg = Config::default();
        cfg.findings
            .severity
            .insert("CC001".into(), Severity::Warning);
        let r = Auditor::with_config(&cfg).audit(&docs);
        let f = r.findings.iter().find(|f| f.code == "CC001").unwrap();
        assert_eq!(f.severity, "warning");
        cfg.findings.ignore.push("CC001".into());
        let r = Auditor::with_config(&cfg).audit(&docs);
        assert!(r.findings.iter().all(|f| f.code != "CC001"));
        let mut cfg = Config::default();
        cfg.findings.min_severity = Severity::Error;
        let r = Auditor::with_config(&cfg).audit(&docs);
        assert!(r.findings.iter().all(|f| f.severity == "error"));
        assert!(!r.findings.is_empty());
    }

    #[test]
    fn tolerances_reach_the_scorer() {
        // "about 1,000" against 1,150: a conflict at ±10%, not at ±20%.
        let mut docs = ingest::parse(
            "The Health Ministry said about 1,000 people were killed in the flood on Monday.",
            Format::Text,
            "a",
            "a.txt",
        )
        .documents;
        docs.extend(
            ingest::parse(
                "Red Cross officials said 1,250 people were killed in the flood on Monday.",
                Format::Text,
                "b",
                "b.txt",
            )
            .documents,
        );
        let strict = Auditor::new().audit(&docs);
        let mut cfg = Config::default();
        cfg.tolerances.about = 0.3;
        let loose = Auditor::with_config(&cfg).audit(&docs);
        let conflicts = |r: &Report| r.findings.iter().filter(|f| f.kind == "conflict").count();
        assert!(conflicts(&strict) > 0, "{:#?}", strict.findings);
        assert_eq!(conflicts(&loose), 0, "{:#?}", loose.findings);
    }

    #[test]
    fn extraction_is_identical_for_any_thread_count() {
        let docs: Vec<Document> = (0..24)
            .flat_map(|n| {
                ingest::parse(
                    &format!(
                        "Officials said {} troops were sent, the NIS said.",
                        1000 + n * 37
                    ),
                    Format::Text,
                    &format!("d{n:02}"),
                    "",
                )
                .documents
            })
            .collect();
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| serde_json::to_string(&Auditor::new().audit(&docs)).unwrap())
        };
        assert_eq!(run(1), run(2));
        assert_eq!(run(1), run(4));
    }

    #[test]
    fn duplicate_ids_are_renamed_in_every_report() {
        let docs = [
            Document::from_text("a", "The NIS said 11,000 troops were sent."),
            Document::from_text("a", "Yonhap said 12,000 troops were sent."),
            Document::from_text("a~2", "KCNA said 13,000 troops were sent."),
        ];
        let auditor = Auditor::new();
        let want = ["a", "a~2", "a~2~2"];
        for report in [
            auditor.audit(&docs),
            auditor.audit_unfiltered(&docs),
            auditor.claims(&docs),
        ] {
            let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(ids, want);
            let claim_docs: Vec<&str> = report.claims.iter().map(|c| c.doc.as_str()).collect();
            assert_eq!(claim_docs, want);
            let claim_ids: Vec<&str> = report.claims.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(claim_ids, ["a#1", "a~2#1", "a~2~2#1"]);
            assert!(report.documents[0].errors.is_empty());
            assert_eq!(
                report.documents[1].errors,
                [r#"duplicate document id "a"; this one is "a~2""#]
            );
        }
        // The caller's documents are not changed.
        assert_eq!(docs[1].id, "a");
        // The claim stream gets the same ids, so it audits to the same report.
        let records = auditor.claim_records(&docs);
        assert_eq!(
            auditor.audit_claims(&records).unwrap(),
            auditor.audit(&docs)
        );
        // Unique ids are not copied or changed.
        let unique = conflict();
        assert!(matches!(with_unique_ids(&unique), Cow::Borrowed(_)));
    }

    #[test]
    fn a_stream_with_two_records_for_one_document_is_an_error() {
        let docs = [Document::from_text(
            "a",
            "The NIS said 11,000 troops were sent.",
        )];
        let auditor = Auditor::new();
        let mut records = auditor.claim_records(&docs);
        records.extend(auditor.claim_records(&docs));
        let err = auditor.audit_claims(&records).unwrap_err();
        assert_eq!(
            err,
            StreamError::DuplicateDocument {
                doc: "a".to_string()
            }
        );
        assert!(err.to_string().contains("must be unique"));
    }

    #[test]
    fn the_first_claim_with_a_bad_span_in_stream_order_is_the_error() {
        let docs = [
            Document::from_text("a", "The NIS said 11,000 troops were sent."),
            Document::from_text("b", "Kyiv said 12,000 troops were sent."),
        ];
        let auditor = Auditor::new();
        let mut records = auditor.claim_records(&docs);
        let mut bad = 0;
        for r in &mut records {
            if let StreamRecord::Claim(c) = r {
                c.entry.span = [c.entry.span[1] + 1, c.entry.span[1]];
                bad += 1;
            }
        }
        assert_eq!(bad, 2);
        assert_eq!(
            auditor.audit_claims(&records).unwrap_err(),
            StreamError::BadSpan {
                claim: "a#1".to_string()
            }
        );
        assert_eq!(
            auditor.audit_claims_owned(records).unwrap_err(),
            StreamError::BadSpan {
                claim: "a#1".to_string()
            }
        );
    }

    #[test]
    #[allow(deprecated)]
    fn audit_is_unfiltered_plus_rules_and_check_is_audit() {
        let docs = conflict();
        let mut cfg = Config::default();
        cfg.findings.ignore.push("CC001".into());
        let auditor = Auditor::with_config(&cfg);
        let raw = auditor.audit_unfiltered(&docs);
        assert!(raw.findings.iter().any(|f| f.code == "CC001"));
        let mut filtered = raw.clone();
        auditor.apply_rules(&mut filtered);
        assert_eq!(auditor.audit(&docs), filtered);
        assert!(filtered.findings.iter().all(|f| f.code != "CC001"));
        assert_eq!(auditor.check(&docs), auditor.audit(&docs));
        let records = auditor.claim_records(&docs);
        assert_eq!(
            auditor.check_claims(&records),
            auditor.audit_claims(&records)
        );
        assert_eq!(auditor.audit_claims_unfiltered(&records).unwrap(), raw);
        // Without a configuration the two are the same.
        assert_eq!(
            Auditor::new().audit(&docs),
            Auditor::new().audit_unfiltered(&docs)
        );
    }

    #[test]
    fn claims_apply_the_configured_boilerplate() {
        let cfg = Config::from_toml(
            "[[boilerplate]]\npattern = \"^Desk note:\"\n",
            std::path::Path::new("crosscheck.toml"),
        )
        .unwrap();
        let docs = [Document::from_text(
            "a",
            "Officials said 5,000 troops were sent.\nDesk note: 75 reporters covered this story.",
        )];
        let report = Auditor::with_config(&cfg).claims(&docs);
        assert_eq!(report.claims.len(), 1);
        assert_eq!(report.documents[0].skipped[0].rule, BOILERPLATE_RULE);
    }

    #[test]
    fn progress_ticks_once_per_document() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let n = Arc::new(AtomicUsize::new(0));
        let seen = n.clone();
        let auditor = Auditor::new().with_progress(move || {
            seen.fetch_add(1, Ordering::Relaxed);
        });
        auditor.audit(&conflict());
        assert_eq!(n.load(Ordering::Relaxed), 2);
    }
}
