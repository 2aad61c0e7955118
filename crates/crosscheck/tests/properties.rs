//! Properties of ingest and the audit over arbitrary and news-like input:
//! nothing panics, every span is valid in its document, the JSON report
//! round-trips through serde, and the report is the same for any number of
//! threads and any order of the files.

use std::collections::BTreeMap;

use crosscheck::{Auditor, Document, Format, Report, ingest};
use proptest::prelude::*;

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl];

/// Every block and claim span of the documents is a char-boundary range of
/// its document's text, and a claim's text is the text under its span.
fn check(docs: &[Document], report: &Report) -> Result<(), TestCaseError> {
    for d in docs {
        for b in &d.blocks {
            prop_assert!(d.text.get(b.span.clone()).is_some(), "block {:?}", b.span);
        }
    }
    for c in &report.claims {
        let d = docs.iter().find(|d| d.id == c.doc).unwrap();
        let [start, end] = c.span;
        prop_assert_eq!(d.text.get(start..end), Some(c.text.as_str()));
        prop_assert!(c.sentence.contains(c.text.as_str()));
    }
    Ok(())
}

fn sentence() -> impl Strategy<Value = String> {
    let source = prop_oneof![
        Just("The Health Ministry said"),
        Just("Red Cross officials said"),
        Just("The NIS told lawmakers that"),
        Just("According to Yonhap,"),
        Just("Police said"),
        Just("Organisers said"),
        Just(""),
    ];
    let figure = prop_oneof![
        (1u32..2000).prop_map(|n| n.to_string()),
        (1u32..50).prop_map(|n| format!("about {n},000")),
        (1u32..20).prop_map(|n| format!("more than {n},000")),
        (1u32..9).prop_map(|n| format!("{n},000-{},000", n + 2)),
        Just("thousands of".to_string()),
    ];
    let what = prop_oneof![
        Just("people were killed in the flood"),
        Just("troops were sent to Russia"),
        Just("protesters marched on Saturday"),
        Just("homes were destroyed since Monday"),
    ];
    (source, figure, what).prop_map(|(s, f, w)| format!("{s} {f} {w}.").trim().to_string())
}

/// A small batch: 1–5 articles of 1–4 sentences each, in mixed formats.
fn batch() -> impl Strategy<Value = Vec<(Format, String)>> {
    proptest::collection::vec(
        (
            prop_oneof![
                Just(Format::Text),
                Just(Format::Markdown),
                Just(Format::Html)
            ],
            proptest::collection::vec(sentence(), 1..4),
        ),
        1..6,
    )
    .prop_map(|docs| {
        docs.into_iter()
            .map(|(format, sentences)| {
                let body = match format {
                    Format::Html => sentences
                        .iter()
                        .map(|s| format!("<p>{s}</p>"))
                        .collect::<String>(),
                    _ => sentences.join("\n\n"),
                };
                (format, body)
            })
            .collect()
    })
}

fn documents(batch: &[(Format, String)]) -> Vec<Document> {
    batch
        .iter()
        .enumerate()
        .flat_map(|(n, (format, body))| {
            ingest::parse(body, *format, &format!("d{n}"), &format!("news/d{n}")).documents
        })
        .collect()
}

fn audit_on(threads: usize, docs: &[Document]) -> Report {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(|| Auditor::new().audit(docs))
}

/// What a report says, independent of the order the documents came in:
/// documents and claims by id, clusters by id, findings by fingerprint, the
/// ledger by source id.
fn by_ids(report: &Report) -> String {
    let keyed = |items: Vec<(String, serde_json::Value)>| -> BTreeMap<String, serde_json::Value> {
        items.into_iter().collect()
    };
    let v = serde_json::json!({
        "documents": keyed(report.documents.iter().map(|d| (d.id.clone(), serde_json::to_value(d).unwrap())).collect()),
        "claims": keyed(report.claims.iter().map(|c| (c.id.clone(), serde_json::to_value(c).unwrap())).collect()),
        "clusters": keyed(report.clusters.iter().map(|c| (c.id.clone(), serde_json::to_value(c).unwrap())).collect()),
        "findings": keyed(report.findings.iter().map(|f| (f.fingerprint.clone(), serde_json::to_value(f).unwrap())).collect()),
        "sources": keyed(report.sources.iter().map(|s| (s.id.clone(), serde_json::to_value(s).unwrap())).collect()),
        "summary": report.summary,
    });
    serde_json::to_string_pretty(&v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ingest_never_panics_and_blocks_are_valid(text in "(?s).{0,400}") {
        for format in FORMATS {
            let load = ingest::parse(&text, format, "x", "x");
            for d in &load.documents {
                for b in &d.blocks {
                    let block = d.text.get(b.span.clone());
                    prop_assert!(block.is_some_and(|t| !t.contains('\n')), "{format:?} {:?}", b.span);
                }
                let _ = d.sentences();
                let _ = d.skipped();
            }
        }
    }

    #[test]
    fn markup_like_input_never_panics(text in "(<[a-z/!]{0,8}( [a-z]{1,6}=\"[^\"]{0,8}\")?>|[{}\\[\\]\":,]|---\n|\\+\\+\\+\n|[a-z0-9 ]{1,8}|\n|&[a-z#0-9]{0,6};?){0,60}") {
        for format in FORMATS {
            let load = ingest::parse(&text, format, "x", "x");
            let report = Auditor::new().audit(&load.documents);
            check(&load.documents, &report)?;
        }
    }

    #[test]
    fn claims_of_ingested_text_point_into_it(text in "(?s).{0,300}", format_n in 0usize..4) {
        let load = ingest::parse(&text, FORMATS[format_n], "x", "x");
        let report = Auditor::new().audit(&load.documents);
        check(&load.documents, &report)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn json_report_round_trips(batch in batch()) {
        let docs = documents(&batch);
        let report = Auditor::new().audit(&docs);
        check(&docs, &report)?;
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(crosscheck::render::json(&back), crosscheck::render::json(&report));
    }

    #[test]
    fn report_is_identical_for_any_thread_count(batch in batch()) {
        let docs = documents(&batch);
        let one = crosscheck::render::json(&audit_on(1, &docs));
        prop_assert_eq!(&one, &crosscheck::render::json(&audit_on(2, &docs)));
        prop_assert_eq!(&one, &crosscheck::render::json(&audit_on(3, &docs)));
    }

    #[test]
    fn auditing_documents_it_consumes_gives_the_same_report(batch in batch()) {
        let mut docs = documents(&batch);
        // A repeated id too: both audits rename it the same way.
        if let Some(first) = docs.first().cloned() {
            docs.push(first);
        }
        let auditor = Auditor::new();
        let kept = crosscheck::render::json(&auditor.audit(&docs));
        prop_assert_eq!(kept, crosscheck::render::json(&auditor.audit_owned(docs)));
    }

    #[test]
    fn report_is_the_same_for_any_file_order(batch in batch(), seed in any::<u64>()) {
        let docs = documents(&batch);
        let mut shuffled = docs.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let a = Auditor::new().audit(&docs);
        let b = Auditor::new().audit(&shuffled);
        prop_assert_eq!(by_ids(&a), by_ids(&b));
    }
}
