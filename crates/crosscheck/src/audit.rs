//! The pipeline: documents → claims (and, in audits, clusters, findings and
//! credibility) → [`Report`].

use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_claims::time::Date;

use crate::document::Document;
use crate::report::{ClaimEntry, DocumentEntry, Report, SCHEMA};

/// Runs crosscheck over documents. Holds the source registry and settings.
///
/// ```
/// use crosscheck::{Auditor, ingest};
///
/// let load = ingest::parse("Pyongyang has sent about 5,000 troops, the NIS said.", crosscheck::Format::Text, "draft", "");
/// let report = Auditor::new().claims(&load.documents);
/// assert_eq!(report.claims[0].id, "draft#1");
/// assert_eq!(report.claims[0].attribution.as_ref().unwrap().source, "NIS");
/// ```
#[derive(Debug, Clone)]
pub struct Auditor {
    registry: SourceRegistry,
}

impl Default for Auditor {
    fn default() -> Self {
        Auditor::new()
    }
}

impl Auditor {
    /// An auditor with the built-in source registry.
    pub fn new() -> Auditor {
        Auditor {
            registry: SourceRegistry::with_defaults(),
        }
    }

    /// The source registry in use.
    pub fn registry(&self) -> &SourceRegistry {
        &self.registry
    }

    /// A document's publication date as the claims grammar's date type.
    pub fn published(&self, doc: &Document) -> Option<Date> {
        doc.published
            .and_then(|d| Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8))
    }

    /// The claims of one document, in order.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let blocks: Vec<_> = doc.article_blocks().map(|b| b.span.clone()).collect();
        let published = self.published(doc);
        extract(
            Source {
                text: &doc.text,
                blocks: &blocks,
                published,
            },
            &self.registry,
        )
    }

    /// A report of the documents and their claims (no clusters or findings).
    pub fn claims(&self, docs: &[Document]) -> Report {
        let mut claims = Vec::new();
        for doc in docs {
            for (n, c) in self.extract(doc).iter().enumerate() {
                claims.push(ClaimEntry::of(&doc.id, n + 1, c));
            }
        }
        Report {
            schema: SCHEMA.to_string(),
            documents: docs.iter().map(DocumentEntry::of).collect(),
            claims,
            clusters: Vec::new(),
            findings: Vec::new(),
        }
    }
}
