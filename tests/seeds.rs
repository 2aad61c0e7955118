//! The bundled example batch (examples/seeds), checked against
//! examples/seeds/EXPECTED.md: one reviewed snapshot of `claims` per
//! article, plus the figures that must and must not be claims.

use std::path::PathBuf;

use crosscheck::{Auditor, Report, load_paths, render};

fn seeds() -> Report {
    let dir = PathBuf::from("../../examples/seeds");
    let load = load_paths(&[dir]);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    assert_eq!(load.documents.len(), 5, "EXPECTED.md is not an article");
    Auditor::new().claims(&load.documents)
}

fn claim<'a>(report: &'a Report, doc: &str, text: &str) -> &'a crosscheck::report::ClaimEntry {
    report
        .claims
        .iter()
        .find(|c| c.doc.starts_with(doc) && c.text == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {doc}"))
}

#[test]
fn claims_snapshot_per_article() {
    let report = seeds();
    for doc in &report.documents {
        let one = Report {
            documents: vec![doc.clone()],
            claims: report
                .claims
                .iter()
                .filter(|c| c.doc == doc.id)
                .cloned()
                .collect(),
            ..report.clone()
        };
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(format!("claims-{}", &doc.id[..3]), render::claims_text(&one));
        });
    }
}

#[test]
fn every_expected_figure_is_a_claim_with_its_source() {
    let r = seeds();
    for (doc, text, head, source) in [
        ("000", "thousands more", "soldier", "NIS"),
        ("000", "about 5,000", "personnel", "NIS"),
        ("000", "Another 1,000", "engineer", "NIS"),
        ("000", "nearly 10,000", "troop", "NIS"),
        ("000", "roughly 15,000", "soldier", "NIS"),
        ("001", "thousands", "worker", "NIS"),
        ("001", "1,000", "sapper", "NIS"),
        ("001", "5,000", "worker", "NIS"),
        ("002", "around 15,000", "troop", "NIS"),
        ("002", "around 5,000", "troop", "NIS"),
        ("003", "over 11,000", "troop", "NIS"),
        ("004", "6,000", "engineer", "NIS"),
        ("004", "an estimated 11,000", "troop", "NIS"),
        ("004", "more than 10 million", "shell", "NIS"),
        ("004", "81 percent", "territory", "NIS"),
    ] {
        let c = claim(&r, doc, text);
        assert_eq!(
            c.counted.as_ref().map(|c| c.head.as_str()),
            Some(head),
            "{doc} {text}"
        );
        assert_eq!(
            c.attribution.as_ref().map(|a| a.source.as_str()),
            Some(source),
            "{doc} {text}"
        );
    }
    let joint = claim(&r, "001", "approximately 10,000-12,000");
    assert_eq!(joint.attribution.as_ref().unwrap().joint.len(), 3);
    let chain = claim(&r, "000", "Another 1,000")
        .attribution
        .clone()
        .unwrap();
    assert_eq!(chain.via.last().map(String::as_str), Some("Yonhap"));
}

#[test]
fn modality_and_time_follow_expected() {
    use crosscheck_claims::modality::Modality;
    let r = seeds();
    for (doc, text, modality) in [
        ("000", "thousands more", Modality::Reported),
        ("000", "roughly 15,000", Modality::Estimated),
        ("001", "thousands", Modality::Planned),
        ("001", "1,000", Modality::Planned),
        ("001", "approximately 10,000-12,000", Modality::Estimated),
        ("004", "6,000", Modality::Planned),
        ("004", "more than 10 million", Modality::Believed),
        ("002", "around 5,000", Modality::Believed),
    ] {
        assert_eq!(claim(&r, doc, text).modality, modality, "{doc} {text}");
    }
    for (doc, text, time) in [
        ("000", "about 5,000", "since September"),
        ("000", "nearly 10,000", "currently"),
        ("000", "roughly 15,000", "in total"),
        ("001", "approximately 10,000-12,000", "last fall"),
        ("001", "an additional 3,000-4,000", "earlier this year"),
        ("002", "around 15,000", "since last fall"),
        ("004", "an estimated 11,000", "In November 2024"),
    ] {
        let c = claim(&r, doc, text);
        assert_eq!(
            c.time.as_ref().map(|t| t.as_written.as_str()),
            Some(time),
            "{doc} {text}"
        );
    }
}

#[test]
fn page_furniture_is_not_claimed() {
    let r = seeds();
    let texts: Vec<(&str, &str)> = r
        .claims
        .iter()
        .map(|c| (&c.doc[..3], c.text.as_str()))
        .collect();
    for (doc, text) in [
        ("001", "5"),
        ("003", "over 10"),
        ("003", "13:30"),
        ("003", "first"),
        ("004", "second"),
    ] {
        assert!(
            !texts.contains(&(doc, text)),
            "{doc}: {text:?} must not be a claim"
        );
    }
    // The duplicate "Around 5,000" line in 002 is extracted twice; the audit counts it once.
    assert_eq!(
        texts
            .iter()
            .filter(|(d, t)| *d == "002" && t.eq_ignore_ascii_case("around 5,000"))
            .count(),
        2
    );
}

fn audit() -> Report {
    let dir = PathBuf::from("../../examples/seeds");
    Auditor::new().audit(&load_paths(&[dir]).documents)
}

#[test]
fn audit_snapshot() {
    let report = audit();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("audit-seeds", render::audit_text(&report));
    });
}

#[test]
fn audit_matches_expected_relations() {
    let r = audit();
    assert!(
        r.findings.iter().all(|f| f.kind != "conflict"),
        "EXPECTED.md: no conflict anywhere in the batch"
    );
    let total = r
        .clusters
        .iter()
        .find(|c| {
            c.claims
                .iter()
                .any(|id| id.starts_with("000") && id.ends_with("#5"))
        })
        .expect("the total-troops cluster");
    assert_eq!(total.verdict, "corroborated");
    assert_eq!(total.origins, 2, "NIS plus the joint estimate");
    let construction = r
        .clusters
        .iter()
        .find(|c| {
            c.claims
                .iter()
                .any(|id| id.starts_with("004") && id.ends_with("#1"))
        })
        .expect("the construction cluster");
    assert_eq!(construction.origins, 1);
    assert_eq!(construction.verdict, "consistent");
    for kind in ["revision", "subset", "sum-of-parts", "single-source"] {
        assert!(
            r.findings.iter().any(|f| f.kind == kind),
            "a {kind} finding"
        );
    }
}

#[test]
fn audit_is_deterministic_whatever_the_file_order() {
    let dir = PathBuf::from("../../examples/seeds");
    let mut docs = load_paths(&[dir]).documents;
    let a = render::json(&Auditor::new().audit(&docs));
    docs.reverse();
    let mut b_report = Auditor::new().audit(&docs);
    b_report.documents.sort_by(|x, y| x.id.cmp(&y.id));
    b_report
        .claims
        .sort_by(|x, y| x.doc.cmp(&y.doc).then_with(|| x.span.cmp(&y.span)));
    let b = render::json(&b_report);
    assert_eq!(a, b);
}

#[test]
fn report_round_trips_through_serde() {
    let r = audit();
    let json = render::json(&r);
    let back: Report = serde_json::from_str(&json).expect("the report parses back");
    assert_eq!(back, r);
}

#[test]
fn ledger_says_two_independent_origins_mostly_the_nis() {
    let r = audit();
    let s = r.summary.as_ref().expect("audits carry a summary");
    assert_eq!(s.independent_origins, 2, "{}", s.text);
    let top = &s.origins[0];
    assert!(top.dominant, "{top:?}");
    assert_eq!(top.sources, ["NIS"]);
    assert_eq!(top.documents.len(), 5, "every article rests on the NIS");
    assert!(top.briefings.len() >= 3, "briefings to lawmakers: {top:?}");
    let joint = &s.origins[1];
    assert!(joint.key.starts_with("joint:"), "{joint:?}");
    assert!(!joint.dominant);
    assert!(s.text.contains("2 independent origins"), "{}", s.text);
    assert!(
        s.text.contains("Government of South Korea (NIS)"),
        "{}",
        s.text
    );
    assert!(s.text.contains("joint estimate"), "{}", s.text);
    // The source table starts with what the batch rests on.
    assert_eq!(r.sources[0].id, "NIS");
    assert!(r.sources[0].credibility.reasons[0].starts_with("0.60 base: NIS"));
    // KCNA, if the batch names it, is an interested party.
    if let Some(kcna) = r.sources.iter().find(|s| s.id == "KCNA") {
        let ip = kcna
            .interested_party
            .as_ref()
            .expect("KCNA is an interested party");
        assert!(ip.topics.iter().any(|t| t == "North Korea"), "{ip:?}");
    }
    // Every figure of the batch names its source; 000 relays Yonhap and credits wires.
    let d000 = r.documents[0]
        .attribution
        .as_ref()
        .expect("audits carry attribution");
    assert_eq!(d000.figures, d000.named);
    assert!(d000.relay);
    assert!(d000.relays.contains(&"Yonhap".to_string()));
    let chain = r.sources[0]
        .chains
        .iter()
        .find(|c| c.hops.len() > 1)
        .expect("the Yonhap chain");
    assert_eq!(chain.hops, ["NIS", "KR intelligence committee", "Yonhap"]);
}

#[test]
fn audit_json_snapshot() {
    let report = audit();
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("audit-seeds-json", render::json(&report));
    });
}
