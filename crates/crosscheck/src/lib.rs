//! crosscheck: audit batches of news articles for conflicting figures.
//!
//! This is the library that tools embed. Today it reads articles:
//! [`ingest::load_paths`] walks files and directories (plain text, markdown
//! with front matter, HTML, JSON Lines) into [`Document`]s whose blocks carry
//! their role (article text, heading, comments, related links, captions,
//! credit lines, …), so that later stages read only the article itself.
//!
//! ```no_run
//! use std::path::PathBuf;
//!
//! let load = crosscheck::ingest::load_paths(&[PathBuf::from("examples/seeds")]);
//! for doc in &load.documents {
//!     println!("{}: {} sentences, {} skipped blocks", doc.id, doc.sentences().len(), doc.skipped().len());
//! }
//! for error in &load.errors {
//!     eprintln!("{error}");
//! }
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
pub mod rules;

pub use audit::Auditor;
pub use report::Report;

pub use document::{Block, BlockKind, Document, DocumentMeta, Format, Skipped};
pub use ingest::{InputError, InputErrorKind, Load, load_paths};
