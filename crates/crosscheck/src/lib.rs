//! crosscheck: audit batches of news articles for conflicting figures.
//!
//! This is the library that editorial tools embed; the `crosscheck` binary,
//! `crosscheck serve` and the wasm package are built on it. Depend on this
//! crate alone: the types of the claims, clustering and scoring crates that
//! appear in its API are re-exported here ([`Claim`], [`Attribution`],
//! [`Severity`], …), and those crates whole as [`claims`], [`cluster`] and
//! [`score`].
//!
//! The pieces:
//!
//! - [`Document`] — one article: [`Document::from_text`] /
//!   [`Document::parse`] for text held in memory (with `with_title`,
//!   `with_outlet`, `with_published`, … for metadata), [`load_paths`] for
//!   files and folders (plain text, markdown with front matter, HTML, JSON
//!   Lines).
//! - [`Auditor`] — the pipeline: [`Auditor::audit`] gives the full
//!   [`Report`] as `crosscheck audit` does, [`Auditor::claims`] only the
//!   claims. Build it from a [`Config`] ([`Auditor::with_config`]) to use a
//!   newsroom's `crosscheck.toml`.
//! - [`Report`] — report `crosscheck.report.v1`, serde both ways;
//!   [`render`] prints it as text, JSON, markdown, SARIF, HTML, ….
//! - [`request`] — the JSON request shapes of `crosscheck serve` and the
//!   wasm package.
//!
//! Check a draft against an article already published:
//!
//! ```
//! use crosscheck::{Auditor, Document, FindingKind};
//!
//! let archive = Document::from_text("archive/flood", "The Health Ministry said 120 people were killed in the flood on Monday.");
//! let draft = Document::from_text("draft", "Red Cross officials said 900 people were killed in the flood on Monday.")
//!     .with_outlet("Daily A");
//! let report = Auditor::new().audit(&[archive, draft]);
//!
//! let conflict = report.findings.iter().find(|f| f.kind_enum() == Some(FindingKind::Conflict)).unwrap();
//! assert_eq!(conflict.code, "CC001");
//! assert!(conflict.claims.iter().any(|id| id.starts_with("draft#")));
//! println!("{}", crosscheck::render::audit_text(&report));
//! ```
//!
//! Reading a folder (here the repository's example articles):
//!
//! ```no_run
//! let load = crosscheck::load_paths(&["examples/seeds"]);
//! for error in &load.errors {
//!     eprintln!("{error}");
//! }
//! let report = crosscheck::Auditor::new().audit(&load.documents);
//! print!("{}", crosscheck::render::json(&report));
//! ```

pub mod audit;
mod auditing;
pub mod baseline;
pub mod config;
pub mod date;
pub mod document;
pub mod ingest;
pub mod render;
pub mod report;
pub mod request;
pub mod rules;
pub mod stages;

pub use audit::Auditor;
pub use config::Config;
pub use report::Report;

pub use document::{Block, BlockKind, Document, DocumentMeta, Format, Skipped};
pub use ingest::{InputError, InputErrorKind, Load, load_paths};

/// The calendar date of [`Document::published`] (`jiff::civil::Date`);
/// [`date::parse_published`] reads one from the usual newsroom spellings.
pub use jiff::civil::Date;

/// The claims crate (`crosscheck-claims`): the grammars, [`Claim`] and its
/// parts, sentences, boilerplate roles, the source registry.
pub use crosscheck_claims as claims;
/// The clustering crate (`crosscheck-cluster`): [`Thesaurus`] and the
/// similarity of claims.
pub use crosscheck_cluster as cluster;
/// The scoring crate (`crosscheck-score`): findings, rules, credibility,
/// the source ledger, [`Tolerances`].
pub use crosscheck_score as score;

pub use crosscheck_claims::attribution::Attribution;
pub use crosscheck_claims::boilerplate::BlockRole;
pub use crosscheck_claims::claim::{Claim, TimeScopeInfo};
pub use crosscheck_claims::counted::Counted;
pub use crosscheck_claims::modality::Modality;
pub use crosscheck_claims::quantity::{Qualifier, Unit};
pub use crosscheck_claims::registry::{SourceEntry, SourceKind, SourceRegistry};
pub use crosscheck_cluster::Thesaurus;
pub use crosscheck_score::{FindingKind, Severity, Tolerances, Verdict};
