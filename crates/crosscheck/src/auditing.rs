//! The audit: claims → clusters → findings and credibility → [`Report`].

use crosscheck_cluster::{Item, Thesaurus, cluster};
use crosscheck_score::{Tolerances, assess};

use crate::audit::Auditor;
use crate::document::Document;
use crate::report::{
    Annotation, ClaimEntry, ClusterEntry, CredibilityEntry, DocumentEntry, FindingEntry, Report,
    SCHEMA,
};

/// A serde enum's wire name ("conflict", "single-source", "error").
fn wire<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
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
    /// The full audit of a batch: claims, clusters, findings, credibility.
    ///
    /// ```
    /// use crosscheck::{Auditor, Format, ingest};
    ///
    /// let mut docs = ingest::parse("The NIS said 11,000 troops were sent.", Format::Text, "a", "").documents;
    /// docs.extend(ingest::parse("Kyiv's intelligence said 50,000 troops were sent.", Format::Text, "b", "").documents);
    /// let report = Auditor::new().audit(&docs);
    /// assert_eq!(report.schema, "crosscheck.report.v1");
    /// assert_eq!(report.claims.len(), 2);
    /// ```
    pub fn audit(&self, docs: &[Document]) -> Report {
        let extracted: Vec<_> = docs.iter().map(|d| self.extract(d)).collect();
        let mut ids = Vec::new();
        let mut entries = Vec::new();
        for (doc, claims) in docs.iter().zip(&extracted) {
            for (n, c) in claims.iter().enumerate() {
                let e = ClaimEntry::of(&doc.id, n + 1, c);
                ids.push(e.id.clone());
                entries.push(e);
            }
        }
        let mut items = Vec::with_capacity(entries.len());
        let mut k = 0;
        let mut doc_of = Vec::with_capacity(entries.len());
        for (d, (doc, claims)) in docs.iter().zip(&extracted).enumerate() {
            let published = self.published(doc);
            for c in claims {
                items.push(Item {
                    id: &ids[k],
                    doc: &doc.id,
                    published,
                    claim: c,
                });
                doc_of.push(d);
                k += 1;
            }
        }
        let thesaurus = Thesaurus::builtin();
        let clusters = cluster(&items, &thesaurus);
        let assessment = assess(&items, &clusters, self.registry(), &Tolerances::default());
        for (e, cr) in entries.iter_mut().zip(&assessment.credibility) {
            e.credibility = Some(CredibilityEntry {
                score: (cr.score * 1000.0).round() / 1000.0,
                reasons: cr.reasons.clone(),
            });
        }
        let cluster_entries = clusters
            .iter()
            .enumerate()
            .map(|(n, c)| ClusterEntry {
                id: c.id.clone(),
                label: c.label.clone(),
                claims: c.members.iter().map(|&m| ids[m].clone()).collect(),
                verdict: assessment.verdicts.get(n).map(wire).unwrap_or_default(),
                origins: assessment.origins.get(n).copied().unwrap_or(0),
            })
            .collect();
        let mut findings: Vec<FindingEntry> = assessment
            .findings
            .iter()
            .map(|f| {
                let claim_ids: Vec<String> = f.claims.iter().map(|&m| ids[m].clone()).collect();
                let annotations = f
                    .claims
                    .iter()
                    .map(|&m| {
                        let label = f
                            .labels
                            .iter()
                            .find(|(i, _)| *i == m)
                            .map(|(_, l)| l.clone())
                            .unwrap_or_else(|| entries[m].text.clone());
                        let doc = &docs[doc_of[m]];
                        let (line, column) = doc.position(entries[m].span[0]);
                        Annotation {
                            claim: ids[m].clone(),
                            doc: doc.id.clone(),
                            path: doc.path.clone(),
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
                    message: f.message.clone(),
                    annotations,
                    help: f.help.clone(),
                }
            })
            .collect();
        findings.sort_by(|a, b| {
            severity_rank(&a.severity)
                .cmp(&severity_rank(&b.severity))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.claims.cmp(&b.claims))
        });
        Report {
            schema: SCHEMA.to_string(),
            documents: docs.iter().map(DocumentEntry::of).collect(),
            claims: entries,
            clusters: cluster_entries,
            findings,
        }
    }
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
