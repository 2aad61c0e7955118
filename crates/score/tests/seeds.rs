//! The seed batch (examples/seeds) assessed as EXPECTED.md reads it.

use std::ops::Range;

use crosscheck_claims::boilerplate::classify;
use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_claims::sentence::sentences;
use crosscheck_cluster::{Cluster, Item, Thesaurus, cluster};
use crosscheck_score::ledger::{DocumentInfo, Ledger, ledger};
use crosscheck_score::{Assessment, FindingKind, Severity, Tolerances, Verdict, assess};

struct Seeds {
    /// (doc id, claim id, claim)
    claims: Vec<(String, String, Claim)>,
    /// (doc id, the article's sentences)
    docs: Vec<(String, Vec<String>)>,
}

fn seeds() -> Seeds {
    seeds_with(&[])
}

/// The seeds with figures changed: (document prefix, text as written, replacement).
fn seeds_with(edits: &[(&str, &str, &str)]) -> Seeds {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let registry = SourceRegistry::with_defaults();
    let mut claims = Vec::new();
    let mut docs = Vec::new();
    for p in paths {
        let mut text = std::fs::read_to_string(&p).expect("a seed");
        let doc = p
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.split('_').next())
            .unwrap_or("?")
            .to_string();
        for (d, from, to) in edits {
            if *d == doc {
                assert!(text.contains(from), "{doc} has no {from:?}");
                text = text.replacen(from, to, 1);
            }
        }
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut pos = 0;
        for l in text.split_inclusive('\n') {
            let t = l.trim_end_matches(['\n', '\r']);
            if !t.trim().is_empty() {
                lines.push(pos..pos + t.len());
            }
            pos += l.len();
        }
        let strs: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        let blocks: Vec<Range<usize>> = lines
            .iter()
            .zip(classify(&strs))
            .filter(|(_, r)| r.is_article())
            .map(|(b, _)| b.clone())
            .collect();
        let found = extract(
            Source {
                text: &text,
                blocks: &blocks,
                published: None,
            },
            &registry,
        );
        for (n, c) in found.into_iter().enumerate() {
            claims.push((doc.clone(), format!("{doc}#{}", n + 1), c));
        }
        let article: Vec<String> = blocks
            .iter()
            .flat_map(|b| {
                let block = &text[b.clone()];
                sentences(block)
                    .into_iter()
                    .map(|r| block[r].to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        docs.push((doc, article));
    }
    Seeds { claims, docs }
}

impl Seeds {
    fn items(&self) -> Vec<Item<'_>> {
        self.claims
            .iter()
            .map(|(doc, id, claim)| Item {
                id,
                doc,
                published: None,
                claim,
            })
            .collect()
    }
}

fn run(s: &Seeds) -> (Vec<Item<'_>>, Vec<Cluster>, Assessment) {
    let items = s.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    let a = assess(
        &items,
        &clusters,
        &SourceRegistry::with_defaults(),
        &Tolerances::default(),
    );
    (items, clusters, a)
}

/// The cluster that holds a figure, by document and text as written.
fn cluster_of(items: &[Item<'_>], clusters: &[Cluster], doc: &str, text: &str) -> usize {
    clusters
        .iter()
        .position(|c| {
            c.members
                .iter()
                .any(|&m| items[m].doc == doc && items[m].claim.text == text)
        })
        .unwrap_or_else(|| panic!("{doc} {text} is clustered"))
}

fn print(items: &[Item<'_>], clusters: &[Cluster], a: &Assessment) {
    for (ci, c) in clusters.iter().enumerate() {
        eprintln!(
            "== {} [{}] {:?} origins={}",
            c.id, c.label, a.verdicts[ci], a.origins[ci]
        );
    }
    for f in &a.findings {
        let ids: Vec<&str> = f.claims.iter().map(|&i| items[i].id).collect();
        eprintln!(
            "{} {:?} {:?} {ids:?}\n   {}",
            f.code, f.severity, f.cluster, f.message
        );
    }
}

#[test]
fn seed_batch_has_no_conflict() {
    let s = seeds();
    let (items, clusters, a) = run(&s);
    print(&items, &clusters, &a);
    assert!(
        a.findings.iter().all(|f| f.kind != FindingKind::Conflict),
        "no conflict anywhere in the seed batch"
    );
    assert!(a.findings.iter().all(|f| f.severity != Severity::Error));
    assert!(!a.verdicts.contains(&Verdict::Conflict));
    assert!(!a.verdicts.contains(&Verdict::Mixed));
}

#[test]
fn total_troops_are_corroborated_by_two_origins() {
    let s = seeds();
    let (items, clusters, a) = run(&s);
    let ci = cluster_of(&items, &clusters, "000", "roughly 15,000");
    for (doc, text) in [
        ("001", "approximately 10,000-12,000"),
        ("002", "around 15,000"),
        ("003", "over 11,000"),
        ("004", "an estimated 11,000"),
    ] {
        assert_eq!(cluster_of(&items, &clusters, doc, text), ci, "{doc} {text}");
    }
    assert_eq!(a.verdicts[ci], Verdict::Corroborated);
    assert_eq!(a.origins[ci], 2, "the NIS and the joint estimate");
    let mine: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.cluster == Some(ci))
        .collect();
    let corroborated = mine.iter().find(|f| f.code == "CC004").expect("CC004");
    assert!(
        corroborated.message.contains("2 independent origins"),
        "{}",
        corroborated.message
    );
    assert!(
        corroborated
            .message
            .contains("joint estimate of South Korea, United States and Ukraine")
    );
    let sum = mine
        .iter()
        .find(|f| f.code == "CC009")
        .expect("the arithmetic");
    assert!(sum.message.contains("= 13,000-16,000"), "{}", sum.message);
    assert!(
        mine.iter().any(|f| f.code == "CC003"),
        "11,000 then 15,000 is a revision"
    );
    // The joint estimate is what corroborates the NIS figures.
    let joint = items
        .iter()
        .position(|it| it.doc == "001" && it.claim.text == "approximately 10,000-12,000")
        .unwrap();
    assert!(
        a.credibility[joint]
            .reasons
            .iter()
            .any(|r| r.starts_with("+0.10 corroborated by 1 independent origin")),
        "{:?}",
        a.credibility[joint]
    );
}

#[test]
fn construction_troops_are_consistent_but_rest_on_one_origin() {
    let s = seeds();
    let (items, clusters, a) = run(&s);
    let ci = cluster_of(&items, &clusters, "004", "6,000");
    for (doc, text) in [
        ("000", "about 5,000"),
        ("000", "Another 1,000"),
        ("001", "1,000"),
        ("001", "5,000"),
        ("002", "Around 5,000"),
    ] {
        assert_eq!(cluster_of(&items, &clusters, doc, text), ci, "{doc} {text}");
    }
    assert_eq!(a.verdicts[ci], Verdict::Consistent);
    assert_eq!(a.origins[ci], 1);
    let mine: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.cluster == Some(ci))
        .collect();
    let echo = mine.iter().find(|f| f.code == "CC007").expect("CC007");
    assert!(
        echo.message.contains("4 articles, 1 origin"),
        "{}",
        echo.message
    );
    let sum = mine.iter().find(|f| f.code == "CC009").expect("the sum");
    assert!(
        sum.message
            .contains("1,000 sappers + 5,000 military construction workers = 6,000"),
        "{}",
        sum.message
    );
    // "Around 5,000" twice in 002 is one claim.
    assert_eq!(clusters[ci].duplicates.len(), 1);
}

#[test]
fn troops_near_the_border_are_a_subset() {
    let s = seeds();
    let (items, clusters, a) = run(&s);
    let ci = cluster_of(&items, &clusters, "000", "nearly 10,000");
    let total = cluster_of(&items, &clusters, "000", "roughly 15,000");
    assert_ne!(ci, total);
    assert_eq!(clusters[ci].part_of, Some(total));
    assert!(
        a.findings
            .iter()
            .any(|f| f.code == "CC008" && f.cluster == Some(ci))
    );
}

#[test]
fn single_source_figures_are_marked() {
    let s = seeds();
    let (items, _, a) = run(&s);
    let mut single: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::SingleSource)
        .map(|f| {
            format!(
                "{} {}",
                items[f.claims[0]].doc, items[f.claims[0]].claim.text
            )
        })
        .collect();
    single.sort();
    assert_eq!(
        single,
        [
            "000 nearly 10,000",
            "004 81 percent",
            "004 more than 10 million"
        ]
    );
}

#[test]
fn few_independent_origins_are_said_plainly() {
    let s = seeds();
    let (_, _, a) = run(&s);
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC010")
        .expect("CC010");
    assert!(
        f.message.contains("few independent origins"),
        "{}",
        f.message
    );
    assert_eq!(a.origin_tally.len(), 2);
}

/// One figure changed beyond tolerance: exactly one conflict, naming the
/// changed document and its counterpart.
fn altered(doc: &str, from: &str, to: &str, expected_docs: &[&str]) {
    let s = seeds_with(&[(doc, from, to)]);
    let (items, clusters, a) = run(&s);
    let conflicts: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Conflict)
        .collect();
    if conflicts.len() != 1 {
        print(&items, &clusters, &a);
    }
    assert_eq!(conflicts.len(), 1, "{doc}: {from} -> {to}");
    let mut docs: Vec<&str> = conflicts[0].claims.iter().map(|&i| items[i].doc).collect();
    docs.sort();
    docs.dedup();
    assert_eq!(
        docs, expected_docs,
        "{doc}: {from} -> {to}: {}",
        conflicts[0].message
    );
}

#[test]
fn altered_total_in_002_conflicts_with_000() {
    altered(
        "002",
        "around 15,000 troops",
        "around 25,000 troops",
        &["000", "002"],
    );
}

#[test]
fn altered_total_in_000_conflicts_with_002() {
    altered(
        "000",
        "roughly 15,000 soldiers",
        "roughly 35,000 soldiers",
        &["000", "002"],
    );
}

#[test]
fn altered_construction_personnel_in_000_conflict_with_002() {
    altered(
        "000",
        "about 5,000 military personnel",
        "about 50,000 military personnel",
        &["000", "002"],
    );
}

#[test]
fn altered_construction_troops_in_002_conflict_with_000() {
    altered(
        "002",
        "Around 5,000 North Korean",
        "Around 15,000 North Korean",
        &["000", "002"],
    );
}

#[test]
fn altered_whole_in_004_conflicts_with_the_parts_in_001() {
    altered("004", "dispatch 6,000", "dispatch 16,000", &["001", "004"]);
}

#[test]
fn altered_part_in_001_conflicts_with_the_whole_in_004() {
    altered(
        "001",
        "send 1,000 sappers",
        "send 3,000 sappers",
        &["001", "004"],
    );
    altered(
        "001",
        "5,000 military construction workers",
        "9,000 military construction workers",
        &["001", "004"],
    );
}

#[test]
fn altered_first_contingent_in_001_is_one_conflict() {
    altered(
        "001",
        "approximately 10,000-12,000",
        "approximately 20,000-22,000",
        &["000", "001", "002"],
    );
}

#[test]
fn altered_border_troops_exceed_the_total() {
    altered("000", "nearly 10,000", "nearly 30,000", &["000", "002"]);
}

#[test]
fn print_seed_findings() {
    let s = seeds();
    let (items, clusters, a) = run(&s);
    print(&items, &clusters, &a);
    for (i, c) in a.credibility.iter().enumerate() {
        eprintln!(
            "{} {:?} {} {:?}",
            items[i].id, items[i].claim.text, c.score, c.reasons
        );
    }
}

#[test]
fn altered_increment_in_001_is_one_conflict_with_the_totals() {
    altered(
        "001",
        "an additional 3,000-4,000",
        "an additional 13,000-14,000",
        &["000", "001", "002"],
    );
}

#[test]
fn altered_total_below_everything_is_one_conflict() {
    altered(
        "002",
        "around 15,000 troops",
        "around 5,000 troops",
        &["000", "001", "002", "003", "004"],
    );
}

#[test]
fn altered_earlier_count_above_the_total_is_one_conflict() {
    altered(
        "004",
        "an estimated 11,000",
        "an estimated 31,000",
        &["000", "002", "004"],
    );
    altered("003", "over 11,000", "over 21,000", &["000", "002", "003"]);
}

#[test]
fn altered_vague_plan_is_one_possible_conflict() {
    altered(
        "001",
        "thousands of military",
        "hundreds of military",
        &["001", "002", "004"],
    );
}

/// The ledger of the seeds, as the library builds it (credit lines as the
/// ingest reads them from 000's "Sources:" line).
fn seed_ledger(s: &Seeds) -> Ledger {
    let (items, clusters, a) = run(s);
    let sentences: Vec<Vec<&str>> = s
        .docs
        .iter()
        .map(|(_, v)| v.iter().map(String::as_str).collect())
        .collect();
    let credits: Vec<String> = ["Yonhap", "Reuters", "AP", "NBC News"]
        .iter()
        .map(ToString::to_string)
        .collect();
    let infos: Vec<DocumentInfo<'_>> = s
        .docs
        .iter()
        .zip(&sentences)
        .map(|((doc, _), sents)| DocumentInfo {
            id: doc,
            outlet: None,
            cited_sources: if doc == "000" { &credits } else { &[] },
            sentences: sents,
        })
        .collect();
    ledger(
        &items,
        &clusters,
        &a,
        &SourceRegistry::with_defaults(),
        &infos,
    )
}

#[test]
fn the_ledger_says_the_batch_rests_on_two_origins_mostly_the_nis() {
    let s = seeds();
    let l = seed_ledger(&s);
    for src in &l.sources {
        eprintln!(
            "{} [{}] figures={} {:?}",
            src.id,
            src.kind,
            src.figures,
            src.credibility.reasons()
        );
    }
    eprintln!("{}", l.summary.text);
    let sm = &l.summary;
    assert_eq!(sm.independent_origins, 2);
    assert!(sm.origins[0].dominant);
    assert_eq!(sm.origins[0].sources, ["NIS"]);
    assert!(sm.origins[0].figures >= 15);
    assert!(sm.origins[1].key.starts_with("joint:"));
    assert!(!sm.origins[1].dominant);
    assert_eq!(sm.origins[1].shared_members, ["South Korea"]);
    assert!(sm.text.contains("2 independent origins"), "{}", sm.text);
    assert_eq!(l.sources[0].id, "NIS");
    // KCNA is named in 002 (reporting the talks), with no figure: an interested party.
    let kcna = l
        .sources
        .iter()
        .find(|s| s.id == "KCNA")
        .expect("KCNA is named in 002");
    assert_eq!(kcna.figures, 0);
    assert_eq!(kcna.named_in, ["002"]);
    assert!(
        kcna.interested_party
            .as_ref()
            .is_some_and(|ip| ip.topics == ["North Korea"])
    );
}
