//! Small batches written for the tests, one relation each.

use super::*;
use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::registry::SourceKind;
use crosscheck_claims::time::Date;
use crosscheck_cluster::{Thesaurus, cluster};

/// A batch of one-paragraph documents "a", "b", "c" …, optionally dated.
struct Batch {
    texts: Vec<String>,
    docs: Vec<String>,
    dates: Vec<Option<Date>>,
    ids: Vec<String>,
    claims: Vec<Claim>,
    doc_of: Vec<usize>,
}

impl Batch {
    fn new(texts: &[&str]) -> Batch {
        Batch::dated(&texts.iter().map(|t| (*t, None)).collect::<Vec<_>>())
    }

    fn dated(texts: &[(&str, Option<Date>)]) -> Batch {
        let registry = SourceRegistry::with_defaults();
        let mut b = Batch {
            texts: Vec::new(),
            docs: Vec::new(),
            dates: Vec::new(),
            ids: Vec::new(),
            claims: Vec::new(),
            doc_of: Vec::new(),
        };
        for (d, (text, date)) in texts.iter().enumerate() {
            let doc = ((b'a' + d as u8) as char).to_string();
            let block = 0..text.len();
            let blocks = std::slice::from_ref(&block);
            for (n, c) in extract(
                Source {
                    text,
                    blocks,
                    published: *date,
                },
                &registry,
            )
            .into_iter()
            .enumerate()
            {
                b.ids.push(format!("{doc}#{}", n + 1));
                b.claims.push(c);
                b.doc_of.push(d);
            }
            b.docs.push(doc);
            b.texts.push(text.to_string());
            b.dates.push(*date);
        }
        b
    }

    fn items(&self) -> Vec<Item<'_>> {
        (0..self.claims.len())
            .map(|i| Item {
                id: &self.ids[i],
                doc: &self.docs[self.doc_of[i]],
                published: self.dates[self.doc_of[i]],
                claim: &self.claims[i],
            })
            .collect()
    }

    fn run(&self) -> (Vec<Item<'_>>, Vec<Cluster>, Assessment) {
        let items = self.items();
        let clusters = cluster(&items, &Thesaurus::builtin());
        let a = assess(
            &items,
            &clusters,
            &SourceRegistry::with_defaults(),
            &Tolerances::default(),
        );
        (items, clusters, a)
    }

    /// The ledger, with the registry and per-document outlets and credit
    /// lines given.
    fn ledger_with(
        &self,
        registry: &SourceRegistry,
        outlets: &[Option<&str>],
        credits: &[Vec<String>],
    ) -> ledger::Ledger {
        let items = self.items();
        let clusters = cluster(&items, &Thesaurus::builtin());
        let a = assess(&items, &clusters, registry, &Tolerances::default());
        let sentences: Vec<Vec<&str>> = self
            .texts
            .iter()
            .map(|t| {
                crosscheck_claims::sentence::sentences(t)
                    .into_iter()
                    .map(|r| &t[r])
                    .collect()
            })
            .collect();
        let infos: Vec<ledger::DocumentInfo<'_>> = self
            .docs
            .iter()
            .enumerate()
            .map(|(d, id)| ledger::DocumentInfo {
                id,
                outlet: outlets.get(d).copied().flatten(),
                cited_sources: credits.get(d).map_or(&[], Vec::as_slice),
                sentences: &sentences[d],
            })
            .collect();
        ledger::ledger(&items, &clusters, &a, registry, &infos)
    }

    fn ledger(&self) -> ledger::Ledger {
        self.ledger_with(&SourceRegistry::with_defaults(), &[], &[])
    }

    fn codes(&self) -> Vec<&'static str> {
        self.run().2.findings.iter().map(|f| f.code).collect()
    }
}

fn conflicts(a: &Assessment) -> Vec<&Finding> {
    a.findings
        .iter()
        .filter(|f| f.kind == FindingKind::Conflict)
        .collect()
}

/// The documents a finding names, sorted.
fn docs_of(items: &[Item<'_>], f: &Finding) -> Vec<String> {
    let mut d: Vec<String> = f.claims.iter().map(|&i| items[i].doc.to_string()).collect();
    d.sort();
    d.dedup();
    d
}

#[test]
fn conflict_between_independent_sources_for_the_same_thing_at_the_same_time() {
    let b = Batch::new(&[
        "Police said 240,000 people marched in Seoul on Saturday.",
        "Organisers said 1.03 million people marched in Seoul on Saturday.",
    ]);
    let (items, clusters, a) = b.run();
    assert_eq!(clusters.len(), 1);
    let c = conflicts(&a);
    assert_eq!(c.len(), 1, "{:#?}", a.findings);
    let f = c[0];
    assert_eq!(
        (f.code, f.name, f.severity),
        ("CC001", "conflicting-figure", Severity::Error)
    );
    assert_eq!(docs_of(&items, f), ["a", "b"]);
    assert!(
        f.message.contains("240,000") && f.message.contains("1.03 million"),
        "{}",
        f.message
    );
    assert!(f.message.contains("different sources"), "{}", f.message);
    assert_eq!(f.labels.len(), 2);
    assert!(f.help.is_some());
    assert_eq!(a.verdicts, [Verdict::Conflict]);
}

#[test]
fn shares_that_name_no_noun_may_conflict_but_are_no_error() {
    // What 34 percent and 61 percent are shares of is not said: a warning.
    let b = Batch::new(&[
        "The poll's headline figure was given as 34 percent.",
        "The electoral commission reported 61 percent.",
    ]);
    let (_, _, a) = b.run();
    let c = conflicts(&a);
    assert!(!c.is_empty(), "{:#?}", a.findings);
    assert!(
        c.iter().all(|f| f.severity == Severity::Warning),
        "{:#?}",
        c
    );
    // Shares of things named before them are shares of different things.
    let b = Batch::new(&[
        "An Ipsos poll puts the governing party at 34 percent.",
        "The electoral commission said turnout in the last election was 61 percent.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
}

#[test]
fn figures_with_the_same_reason_share_one_string() {
    let b = Batch::new(&[
        "The NIS said 15,000 troops were sent to Russia.",
        "The NIS said 16,000 soldiers were sent to Russia.",
    ]);
    let (_, _, a) = b.run();
    let (first, second) = (&a.credibility[0].reasons[0], &a.credibility[1].reasons[0]);
    assert_eq!(
        &**first,
        "0.60 base: NIS, intelligence agency (registry prior)"
    );
    assert!(std::sync::Arc::ptr_eq(first, second));
}

#[test]
fn figures_corroborated_by_one_origin_share_its_label() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia.",
        "South Korea's spy agency NIS said North Korea has sent some 15,000 soldiers to Russia.",
        "Ukraine's HUR said North Korea has sent 14,500 soldiers to Russia.",
    ]);
    let (items, _, a) = b.run();
    let hur = |i: usize| a.evidence[i].corroborating.clone();
    let nis: Vec<usize> = (0..items.len())
        .filter(|&i| {
            items[i]
                .claim
                .attribution
                .as_ref()
                .is_some_and(|s| s.source == "NIS")
        })
        .collect();
    assert_eq!(nis.len(), 2, "{:#?}", a.evidence);
    let (first, second) = (hur(nis[0]), hur(nis[1]));
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first, second);
    // One string for the label, however many figures it corroborates.
    assert!(std::sync::Arc::ptr_eq(&first[0], &second[0]));
}

#[test]
fn compatible_intervals_from_independent_origins_corroborate() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia.",
        "Ukraine's HUR said North Korea has sent 14,500 soldiers to Russia.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    assert_eq!(a.verdicts, [Verdict::Corroborated]);
    assert_eq!(a.origins, [2]);
    assert!(a.findings.iter().any(|f| f.code == "CC004"));
}

#[test]
fn revision_between_dated_documents_is_not_a_conflict() {
    let b = Batch::dated(&[
        (
            "The NIS said North Korea has sent 11,000 troops to Russia.",
            Date::new(2025, 1, 10),
        ),
        (
            "The NIS said North Korea has sent about 15,000 troops to Russia.",
            Date::new(2025, 11, 4),
        ),
    ]);
    let (items, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    let r = a
        .findings
        .iter()
        .find(|f| f.code == "CC003")
        .expect("a revision");
    assert_eq!(
        (r.kind, r.severity),
        (FindingKind::Revision, Severity::Info)
    );
    assert_eq!(items[r.claims[0]].doc, "b", "the later figure is primary");
    assert_eq!(a.verdicts, [Verdict::Revised]);
}

#[test]
fn running_total_that_falls_between_dated_documents_is_a_warning() {
    let b = Batch::dated(&[
        (
            "The NIS said North Korea has sent 15,000 troops to Russia.",
            Date::new(2025, 1, 10),
        ),
        (
            "The NIS said North Korea has sent 11,000 troops to Russia.",
            Date::new(2025, 11, 4),
        ),
    ]);
    let (_, _, a) = b.run();
    let r = a
        .findings
        .iter()
        .find(|f| f.code == "CC003")
        .expect("a revision");
    assert_eq!(r.severity, Severity::Warning);
    assert_eq!(a.verdicts, [Verdict::Mixed]);
}

/// NIS counts of 15,000 and 16,000 in January, then the `later` documents'
/// counts in November: the docs of the one fall finding (later figures
/// first) and its message.
fn one_fall(later: &[&str]) -> (Vec<String>, String) {
    let mut texts = vec![
        (
            "The NIS said North Korea has sent 15,000 troops to Russia.",
            Date::new(2025, 1, 10),
        ),
        (
            "The NIS said North Korea has sent 16,000 troops to Russia.",
            Date::new(2025, 1, 12),
        ),
    ];
    texts.extend(later.iter().map(|t| (*t, Date::new(2025, 11, 4))));
    let b = Batch::dated(&texts);
    let (items, _, a) = b.run();
    let falls: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.code == "CC003" && f.severity == Severity::Warning)
        .collect();
    assert_eq!(falls.len(), 1, "{:#?}", a.findings);
    let docs = falls[0]
        .claims
        .iter()
        .map(|&i| items[i].doc.to_string())
        .collect();
    (docs, falls[0].message.clone())
}

#[test]
fn a_running_total_that_fell_from_several_counts_is_one_finding() {
    let (docs, message) = one_fall(&["The NIS said North Korea has sent 11,000 troops to Russia."]);
    assert_eq!(docs, ["c", "a", "b"], "the later figure first");
    assert!(
        message.contains(
            "fell from 15,000 (NIS, doc a) and 16,000 (NIS, doc b) to 11,000 (NIS, doc c)"
        ),
        "{message}"
    );
}

#[test]
fn later_figures_that_fell_from_the_same_counts_are_one_finding() {
    let (docs, message) = one_fall(&[
        "The NIS said North Korea has sent 11,000 troops to Russia.",
        "Yonhap reported that North Korea has sent 11,000 troops to Russia.",
    ]);
    assert_eq!(docs, ["c", "d", "a", "b"], "the later figures first");
    assert!(
        message.contains("fell from 15,000 (NIS, doc a) and 16,000 (NIS, doc b) to 11,000 (NIS, doc c) and 11,000 (Yonhap, doc d)"),
        "{message}"
    );
}

#[test]
fn a_conflict_with_many_rivals_cites_eight_and_counts_the_rest() {
    let mut texts = vec!["Police said 900,000 people marched in Seoul on Saturday.".to_string()];
    for n in 0..12 {
        texts.push(format!(
            "Witness {n} said about 100,000 people marched in Seoul on Saturday."
        ));
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let b = Batch::new(&refs);
    let (_, _, a) = b.run();
    let c = conflicts(&a);
    assert_eq!(c.len(), 1, "{:#?}", a.findings);
    assert_eq!(
        c[0].claims.len(),
        13,
        "every rival is a claim of the finding"
    );
    assert!(
        c[0].message.contains("900,000") && c[0].message.contains(" and 4 more"),
        "{}",
        c[0].message
    );
}

#[test]
fn figures_of_two_origins_never_compared_are_not_said_to_agree() {
    // A plan and an arrival are not compared: the batch must say neither
    // that they agree nor that they repeat one origin.
    let b = Batch::new(&[
        "The Defence Ministry said it plans to send 2,000 troops to the flooded provinces.",
        "The army said 500 troops had arrived in the flooded provinces.",
    ]);
    let (_, _, a) = b.run();
    assert!(
        a.findings
            .iter()
            .all(|f| f.code != "CC007" && f.code != "CC004"),
        "{:#?}",
        a.findings
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC005")
        .expect("a single-source finding");
    assert!(
        f.message.contains("none matched by another article's"),
        "{}",
        f.message
    );
    assert_eq!(f.claims.len(), 2);
    assert!(!f.help.as_deref().unwrap().contains("one origin"));
    assert_eq!(a.verdicts, [Verdict::SingleSource]);
}

#[test]
fn figures_of_one_article_beside_a_conflict_are_not_said_to_be_of_two() {
    // The calm figures are all in one article (the other article's figure
    // is in conflict): no "none matched by another article's" finding.
    let b = Batch::new(&[
        "Officials said at least 27 people were killed. The UN said about 60 people may have died. Rescuers said 51 people were killed.",
        "The ministry said 43 people were killed.",
    ]);
    let (_, _, a) = b.run();
    assert!(
        a.findings
            .iter()
            .all(|f| !f.message.contains("none matched")),
        "{:#?}",
        a.findings
    );
}

#[test]
fn thousands_more_said_twice_agree_and_different_increments_do_not_conflict() {
    let b = Batch::new(&[
        "Pyongyang has sent thousands more troops to Russia, the NIS said.",
        "Pyongyang has sent thousands more troops to Russia, the NIS said.",
    ]);
    let (_, _, a) = b.run();
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC007")
        .expect("an echo of one origin");
    assert_eq!(f.claims.len(), 2);
    assert_eq!(a.verdicts, [Verdict::Consistent]);
    let b = Batch::new(&[
        "Pyongyang has sent 1,000 more troops to Russia, the NIS said.",
        "Pyongyang has sent 3,000 more troops to Russia, Ukraine's HUR said.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    assert!(
        a.findings
            .iter()
            .all(|f| f.code != "CC007" && f.code != "CC004")
    );
}

#[test]
fn a_figure_with_no_time_beside_a_running_total_in_one_article_is_a_part() {
    // One article: the UNHCR's 1,150 arrivals and the ministry's 31,000
    // since January are a part and its total.
    let one = Batch::new(&[
        "The UNHCR put the number of migrants at 1,150. Since January, 31,000 migrants have reached Italy, the ministry said.",
    ]);
    let (_, _, a) = one.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    // Two articles: as before, rival counts as of publication.
    let two = Batch::new(&[
        "The UNHCR put the number of migrants at 1,150.",
        "Since January, 31,000 migrants have reached Italy, the ministry said.",
    ]);
    let (_, _, a) = two.run();
    assert!(!conflicts(&a).is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_toll_with_no_time_beside_a_running_total_in_one_article_is_a_rival() {
    // "The WHO said it had confirmed 180 deaths": a toll is a total so
    // far, not a part of the ministry's 195 since January.
    let one = Batch::dated(&[(
        "The cholera death toll since January has risen to 195, the Health Ministry said. The WHO said it had confirmed 180 deaths.",
        Date::new(2025, 3, 6),
    )]);
    let (_, _, a) = one.run();
    assert!(!conflicts(&a).is_empty(), "{:#?}", a.findings);
    assert!(
        a.findings.iter().all(|f| f.code != "CC003"),
        "{:#?}",
        a.findings
    );
}

#[test]
fn new_cases_last_week_are_a_part_of_cumulative_cases_not_an_earlier_count() {
    // "about 1,300 new cases last week" on Tuesday and "Cumulative cases
    // reached 9,800" on Thursday: the week's new cases are in the total.
    let b = Batch::dated(&[
        (
            "The WHO said there were about 1,300 new cholera cases last week.",
            Date::new(2025, 3, 4),
        ),
        (
            "Cumulative cholera cases reached 9,800, the Health Ministry said.",
            Date::new(2025, 3, 6),
        ),
    ]);
    let (_, _, a) = b.run();
    assert!(
        a.findings.iter().all(|f| f.code != "CC003"),
        "{:#?}",
        a.findings
    );
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_weekend_count_is_a_part_of_the_year_so_far() {
    // "About 1,300 migrants landed at the weekend" and "some 31,000 this
    // year" in one article: the weekend is inside the year.
    let b = Batch::dated(&[(
        "About 1,300 migrants landed on Lampedusa at the weekend, the ministry said. So far this year some 31,000 migrants have arrived by sea, the ministry said.",
        Date::new(2025, 7, 8),
    )]);
    let (_, _, a) = b.run();
    assert!(
        a.findings.iter().all(|f| f.code != "CC003"),
        "{:#?}",
        a.findings
    );
}

#[test]
fn a_month_long_window_still_dates_an_earlier_count() {
    // "In October, the NIS said 3,000 troops had been sent" against
    // "11,000 in total" months later: an earlier count of the total.
    let b = Batch::dated(&[(
        "In October, North Korea sent 3,000 troops to Russia, the NIS said. North Korea has sent 11,000 troops to Russia in total, the NIS said.",
        Date::new(2025, 1, 10),
    )]);
    let (_, _, a) = b.run();
    assert!(
        a.findings.iter().any(|f| f.code == "CC003"),
        "{:#?}",
        a.findings
    );
}

#[test]
fn agreeing_figures_of_different_values_are_told_apart() {
    // Two plans agree on 2,000 and two counts on 3,500; a plan and a count
    // are never compared. The finding must not say all four agree.
    let b = Batch::new(&[
        "The company said 2,000 jobs will be cut.",
        "The union said 3,500 jobs were lost.",
        "Northwind Motors said 2,000 jobs would be cut.",
        "The labour ministry said 3,500 jobs were lost.",
    ]);
    let (_, _, a) = b.run();
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC004")
        .expect("a corroborated finding");
    assert!(f.message.contains("agree in 2 sets"), "{}", f.message);
    assert!(f.message.contains("2,000 from"), "{}", f.message);
    assert!(f.message.contains("3,500 from"), "{}", f.message);
}

#[test]
fn same_documents_undated_are_rivals() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 11,000 troops to Russia.",
        "Ukraine's HUR said North Korea has sent about 15,000 troops to Russia.",
    ]);
    assert_eq!(b.codes().iter().filter(|c| **c == "CC001").count(), 1);
}

#[test]
fn smaller_figure_with_an_earlier_scope_is_a_revision_without_dates() {
    let b = Batch::new(&[
        "In November 2024, Pyongyang sent an estimated 11,000 troops to Russia, the NIS said.",
        "Ukraine's HUR said North Korea has sent roughly 15,000 soldiers in total to Russia.",
        "The NIS said North Korea has sent around 15,000 troops to Russia since last fall.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    assert!(a.findings.iter().any(|f| f.code == "CC003"));
}

#[test]
fn earlier_count_larger_than_the_total_is_a_conflict() {
    let b = Batch::new(&[
        "In November 2024, Pyongyang sent an estimated 31,000 troops to Russia, the NIS said.",
        "Ukraine's HUR said North Korea has sent roughly 15,000 soldiers in total to Russia.",
    ]);
    let (_, _, a) = b.run();
    assert_eq!(conflicts(&a).len(), 1, "{:#?}", a.findings);
}

#[test]
fn plan_versus_event_never_conflicts() {
    let b = Batch::new(&[
        "The NIS said Kim agreed to send 20,000 troops to Russia.",
        "Ukraine's HUR said North Korea has sent 5,000 troops to Russia.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
}

#[test]
fn plans_are_compared_with_plans() {
    let b = Batch::new(&[
        "The NIS said Kim agreed to send 20,000 troops to Russia.",
        "Ukraine's HUR said Kim agreed to send 5,000 troops to Russia.",
    ]);
    assert_eq!(b.codes().iter().filter(|c| **c == "CC001").count(), 1);
}

#[test]
fn echo_of_one_origin_through_five_outlets_is_consistent_not_corroborated() {
    let texts: Vec<String> = ["Yonhap", "Reuters", "AP", "The BBC", "CNN"]
        .iter()
        .map(|o| {
            format!("{o} reported, citing the NIS, that North Korea has sent about 15,000 troops to Russia.")
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let b = Batch::new(&refs);
    let (_, clusters, a) = b.run();
    assert_eq!(clusters.len(), 1);
    assert_eq!(a.origins, [1]);
    assert_eq!(a.verdicts, [Verdict::Consistent]);
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC007")
        .expect("an echo");
    assert_eq!(f.kind, FindingKind::Consistent);
    assert_eq!(f.claims.len(), 5);
    assert!(f.message.contains("5 articles, 1 origin"), "{}", f.message);
    assert!(!a.findings.iter().any(|f| f.code == "CC004"));
    // Echoes add no weight, but the reason says so.
    assert!(
        a.credibility[0]
            .reasons
            .iter()
            .any(|r| r.starts_with("+0.00 backed by 4"))
    );
}

#[test]
fn anonymous_sources_never_count_as_an_independent_origin() {
    let b = Batch::new(&[
        "Officials said North Korea has sent about 15,000 troops to Russia.",
        "The NIS said North Korea has sent 15,000 troops to Russia.",
    ]);
    let (_, _, a) = b.run();
    assert_eq!(a.origins, [1]);
    assert_ne!(a.verdicts, [Verdict::Corroborated]);
}

#[test]
fn sum_of_parts_agrees_with_its_whole() {
    let b = Batch::new(&[
        "The NIS said Kim agreed to send 1,000 sappers and 5,000 military construction workers to Russia.",
        "The NIS said the two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
    ]);
    let (items, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    let s = a
        .findings
        .iter()
        .find(|f| f.code == "CC009")
        .expect("a sum");
    assert_eq!(items[s.claims[0]].claim.text, "6,000");
    assert!(
        s.message
            .contains("1,000 sappers + 5,000 military construction workers = 6,000"),
        "{}",
        s.message
    );
}

#[test]
fn wholes_that_the_same_parts_add_up_to_share_one_sum_finding() {
    // Three articles repeat the whole; one finding names all three with
    // the parts once, not three findings each listing every part.
    let b = Batch::new(&[
        "The NIS said Kim agreed to send 1,000 sappers and 5,000 military construction workers to Russia.",
        "The NIS said the two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
        "Yonhap said the two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
        "The NIS told lawmakers the two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
    ]);
    let (items, _, a) = b.run();
    let sums: Vec<&Finding> = a.findings.iter().filter(|f| f.code == "CC009").collect();
    assert_eq!(sums.len(), 1, "{sums:#?}");
    let texts: Vec<&str> = sums[0]
        .claims
        .iter()
        .map(|&c| items[c].claim.text.as_str())
        .collect();
    assert_eq!(texts, ["6,000", "6,000", "6,000", "1,000", "5,000"]);
    assert!(
        sums[0].message.contains("and 6,000 (")
            && sums[0].message.contains("match the sum of their parts"),
        "{}",
        sums[0].message
    );
}

#[test]
fn sum_of_parts_that_cannot_match_its_whole_is_a_conflict() {
    let b = Batch::new(&[
        "The NIS said Kim agreed to send 1,000 sappers and 9,000 military construction workers to Russia.",
        "Ukraine's HUR said the two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
    ]);
    let (items, _, a) = b.run();
    let c = conflicts(&a);
    assert_eq!(c.len(), 1, "{:#?}", a.findings);
    assert_eq!(items[c[0].claims[0]].claim.text, "6,000");
    assert_eq!(docs_of(&items, c[0]), ["a", "b"]);
}

#[test]
fn ranges_add_as_ranges_in_a_running_total() {
    let b = Batch::new(&[
        "South Korea, the U.S., and Ukraine estimate that approximately 10,000-12,000 troops were sent last fall, with an additional 3,000-4,000 deployed earlier this year.",
        "According to the NIS, North Korea has sent around 15,000 troops to Russia since last fall.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    let s = a
        .findings
        .iter()
        .find(|f| f.code == "CC009")
        .expect("a sum");
    assert!(s.message.contains("= 13,000-16,000"), "{}", s.message);
    assert_eq!(a.verdicts, [Verdict::Corroborated]);
}

#[test]
fn vague_magnitude_fits_five_thousand_but_not_fifty_thousand() {
    let ok = Batch::new(&[
        "The NIS said thousands of troops were sent to Russia.",
        "Ukraine's HUR said 5,000 troops were sent to Russia.",
    ]);
    assert!(conflicts(&ok.run().2).is_empty());
    let bad = Batch::new(&[
        "The NIS said thousands of troops were sent to Russia.",
        "Ukraine's HUR said 50,000 troops were sent to Russia.",
    ]);
    let (_, _, a) = bad.run();
    let c = conflicts(&a);
    assert_eq!(c.len(), 1, "{:#?}", a.findings);
    // A vague magnitude is never a sure conflict.
    assert_eq!((c[0].code, c[0].severity), ("CC002", Severity::Warning));
}

#[test]
fn part_is_not_a_rival_of_its_whole() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia. Nearly 10,000 North Korean troops are currently positioned near the Russian-Ukrainian border.",
    ]);
    let (_, _, a) = b.run();
    assert!(conflicts(&a).is_empty(), "{:#?}", a.findings);
    assert!(a.findings.iter().any(|f| f.code == "CC008"));
}

#[test]
fn part_larger_than_its_whole_is_a_possible_conflict() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia. Nearly 30,000 North Korean troops are currently positioned near the Russian-Ukrainian border.",
    ]);
    let (_, _, a) = b.run();
    let c = conflicts(&a);
    assert_eq!(c.len(), 1, "{:#?}", a.findings);
    assert_eq!(c[0].code, "CC002");
}

#[test]
fn same_noun_for_different_things_is_no_conflict() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 15,000 troops to Russia.",
        "Ukraine's HUR said about 1,000 North Korean troops were killed in Kursk.",
    ]);
    let (_, clusters, a) = b.run();
    assert_eq!(clusters.len(), 2);
    assert!(conflicts(&a).is_empty());
}

#[test]
fn a_percentage_is_never_compared_with_a_count() {
    let b = Batch::new(&[
        "The ministry said turnout reached 60 percent of voters.",
        "The commission said 6 million voters cast ballots.",
    ]);
    let (_, clusters, a) = b.run();
    assert_eq!(clusters.len(), 2);
    assert!(conflicts(&a).is_empty());
}

#[test]
fn unattributed_figure_is_a_warning() {
    let b = Batch::new(&["North Korea has sent 15,000 troops to Russia."]);
    let (_, _, a) = b.run();
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC006")
        .expect("unattributed");
    assert_eq!(
        (f.kind, f.severity),
        (FindingKind::Unattributed, Severity::Warning)
    );
}

#[test]
fn single_source_figure_is_marked() {
    let b = Batch::new(&[
        "The NIS believes North Korea has sent more than 10 million artillery shells to Russia.",
    ]);
    let (_, _, a) = b.run();
    assert!(a.findings.iter().any(|f| f.code == "CC005"));
    assert_eq!(a.verdicts, [Verdict::SingleSource]);
}

#[test]
fn same_figure_twice_in_one_document_counts_once() {
    let b = Batch::new(&[
        "The NIS said about 5,000 military construction troops have moved to Russia. The NIS said about 5,000 military construction troops have moved to Russia.",
        "Yonhap reported, citing the NIS, that about 5,000 military construction troops have moved to Russia.",
    ]);
    let (_, _, a) = b.run();
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC007")
        .expect("an echo");
    assert!(
        f.message.contains("2 figures in 2 articles"),
        "{}",
        f.message
    );
}

#[test]
fn interested_party_is_discounted() {
    let b = Batch::new(&["KCNA said North Korea has sent 5,000 workers to Russia."]);
    let (_, _, a) = b.run();
    assert!(
        a.credibility[0]
            .reasons
            .iter()
            .any(|r| r.contains("KCNA is an interested party")),
        "{:?}",
        a.credibility[0]
    );
}

#[test]
fn one_origin_behind_most_of_the_batch_is_said_plainly() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 15,000 troops to Russia.",
        "The NIS said North Korea has sent 10 million shells to Russia.",
        "Yonhap reported, citing the NIS, that 5,000 workers were sent to Russia.",
    ]);
    let (_, _, a) = b.run();
    let f = a
        .findings
        .iter()
        .find(|f| f.code == "CC010")
        .expect("few origins");
    assert!(
        f.message.contains("3 of 3 attributed figures"),
        "{}",
        f.message
    );
    assert_eq!(a.origin_tally.len(), 1);
}

#[test]
fn shuffled_input_gives_identical_clusters_and_findings() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia. Kim agreed to send 1,000 sappers and 5,000 military construction workers.",
        "Ukraine's HUR said North Korea has sent 25,000 soldiers to Russia. The two sides agreed to dispatch 6,000 military engineers and construction personnel.",
        "Officials said thousands of troops were sent. Russia controls 81 percent of the territories, the ministry said.",
    ]);
    let t = Thesaurus::builtin();
    let r = SourceRegistry::with_defaults();
    type View = (
        Vec<(String, Vec<String>)>,
        Vec<(String, Vec<String>, String)>,
        Vec<(String, f64)>,
    );
    let view = |items: &[Item<'_>]| -> View {
        let clusters = cluster(items, &t);
        let a = assess(items, &clusters, &r, &Tolerances::default());
        let cl = clusters
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.members.iter().map(|&m| items[m].id.to_string()).collect(),
                )
            })
            .collect();
        let fs = a
            .findings
            .iter()
            .map(|f| {
                (
                    f.code.to_string(),
                    f.claims.iter().map(|&i| items[i].id.to_string()).collect(),
                    f.message.clone(),
                )
            })
            .collect();
        let mut cred: Vec<(String, f64)> = items
            .iter()
            .zip(&a.credibility)
            .map(|(it, c)| (it.id.to_string(), c.score))
            .collect();
        cred.sort_by(|x, y| x.0.cmp(&y.0));
        (cl, fs, cred)
    };
    let items = b.items();
    let expected = view(&items);
    assert!(!expected.1.is_empty());
    let mut shuffled = items.clone();
    shuffled.reverse();
    assert_eq!(view(&shuffled), expected);
    shuffled.rotate_left(2);
    assert_eq!(view(&shuffled), expected);
}

#[test]
fn out_of_range_members_are_ignored() {
    let b = Batch::new(&["The NIS said North Korea has sent 15,000 troops to Russia."]);
    let items = b.items();
    let mut clusters = cluster(&items, &Thesaurus::builtin());
    clusters[0].members.push(99);
    clusters[0].part_of = Some(7);
    let a = assess(
        &items,
        &clusters,
        &SourceRegistry::with_defaults(),
        &Tolerances::default(),
    );
    assert_eq!(a.credibility.len(), 1);
}

#[test]
fn every_rule_is_documented_once() {
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
    assert_eq!(rule("CC001").map(|r| r.name), Some("conflicting-figure"));
}

#[test]
fn finding_kinds_serialize_in_kebab_case() {
    let json =
        serde_json::to_string(&[FindingKind::SingleSource, FindingKind::SumOfParts]).unwrap();
    assert_eq!(json, r#"["single-source","sum-of-parts"]"#);
    assert_eq!(
        serde_json::to_string(&Severity::Warning).unwrap(),
        r#""warning""#
    );
    assert_eq!(
        serde_json::to_string(&Verdict::SingleSource).unwrap(),
        r#""single-source""#
    );
}

// --- the ledger -------------------------------------------------------

fn source<'l>(l: &'l ledger::Ledger, id: &str) -> &'l ledger::SourceLedger {
    l.sources
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no source {id} in {:#?}", l.sources))
}

fn has_rule(s: &ledger::SourceLedger, rule: &str) -> bool {
    s.credibility.lines.iter().any(|l| l.rule == rule)
}

#[test]
fn ledger_echo_chain_is_one_origin_relayed_by_outlets() {
    let b = Batch::new(&[
        "Yonhap reported, citing the NIS, that North Korea has sent about 15,000 troops to Russia.",
        "Reuters reported, citing the NIS, that North Korea has sent 15,000 troops to Russia.",
        "The NIS said North Korea has sent 15,000 troops to Russia.",
    ]);
    let l = b.ledger();
    let nis = source(&l, "NIS");
    assert_eq!((nis.figures, nis.corroborated, nis.echoed), (3, 0, 3));
    assert!(has_rule(nis, "echoed") && !has_rule(nis, "corroborated"));
    assert_eq!(nis.chains.len(), 3);
    assert_eq!(nis.chains[0].hops, ["NIS", "Yonhap"]);
    let yonhap = source(&l, "Yonhap");
    assert_eq!((yonhap.figures, yonhap.relayed.len()), (0, 1));
    assert!(has_rule(yonhap, "no-figures"));
    assert!(l.documents[0].relay && l.documents[1].relay && !l.documents[2].relay);
    assert_eq!(l.documents[0].relays, ["Yonhap"]);
    assert_eq!(l.summary.independent_origins, 1);
    assert!(
        l.summary.text.contains("all of them rest on one origin"),
        "{}",
        l.summary.text
    );
    assert_eq!(l.sources[0].id, "NIS", "most of the batch first");
}

#[test]
fn ledger_interested_party_is_flagged_on_its_figures_and_its_source() {
    let b = Batch::new(&["KCNA said North Korea has sent 5,000 workers to Russia."]);
    let (_, _, a) = b.run();
    assert_eq!(
        a.credibility[0].interested_party.as_deref(),
        Some("KCNA on North Korea")
    );
    let l = b.ledger();
    let kcna = source(&l, "KCNA");
    let ip = kcna.interested_party.as_ref().expect("an interested party");
    assert_eq!(
        (ip.topics.as_slice(), ip.statements, ip.of),
        (&["North Korea".to_string()][..], 1, 1)
    );
    assert!(has_rule(kcna, "interested-party"));
    assert!(kcna.credibility.score < 0.2, "{:#?}", kcna.credibility);
    assert!(l.documents[0].relay, "a figure from state media is relayed");
}

#[test]
fn ledger_source_named_without_figures_is_listed_and_judged() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 15,000 troops to Russia. KCNA said North Korean officials met a Russian delegation.",
    ]);
    let l = b.ledger();
    let kcna = source(&l, "KCNA");
    assert_eq!(
        (kcna.figures, kcna.named_in.as_slice()),
        (0, &["a".to_string()][..])
    );
    assert!(kcna.interested_party.is_some());
    assert!(has_rule(kcna, "no-figures"));
}

#[test]
fn ledger_joint_source_is_one_source_of_its_own() {
    let b = Batch::new(&[
        "South Korea, the U.S., and Ukraine estimate that approximately 10,000-12,000 troops were sent last fall.",
        "The NIS said North Korea has sent about 11,000 troops to Russia.",
    ]);
    let l = b.ledger();
    let joint = l
        .sources
        .iter()
        .find(|s| !s.joint.is_empty())
        .expect("the joint source");
    assert_eq!(joint.label, "South Korea/United States/Ukraine");
    assert_eq!(joint.joint.len(), 3);
    assert_eq!(joint.aliases, ["South Korea, the U.S., and Ukraine"]);
    assert!(
        joint.credibility.lines[0]
            .why
            .contains("mean registry prior")
    );
    assert_eq!(l.summary.independent_origins, 2);
    assert!(
        l.summary.text.contains("South Korea is one of its members"),
        "{}",
        l.summary.text
    );
}

#[test]
fn ledger_anonymous_sources_are_one_entry_and_no_origin() {
    let b = Batch::new(&[
        "Officials said North Korea has sent about 15,000 troops to Russia. A senior official said 10 million shells were sent.",
        "North Korea has sent 15,000 troops to Russia.",
    ]);
    let l = b.ledger();
    let anon = source(&l, "anonymous");
    assert_eq!(anon.kind, SourceKind::Anonymous);
    assert_eq!(anon.origin, None);
    assert_eq!(anon.label, "unnamed sources");
    assert_eq!(anon.figures, 2);
    assert_eq!(anon.credibility.lines[0].weight, 0.35);
    let d = &l.documents[0];
    assert_eq!(
        (d.figures, d.named, d.anonymous, d.unattributed),
        (2, 0, 2, 0)
    );
    assert_eq!(d.anonymous_share, 1.0);
    let d = &l.documents[1];
    assert_eq!(
        (d.figures, d.unattributed, d.unattributed_share),
        (1, 1, 1.0)
    );
    assert_eq!(l.summary.independent_origins, 0);
    assert!(
        l.summary.text.contains("none names a source"),
        "{}",
        l.summary.text
    );
    assert!(
        l.summary
            .text
            .contains("1 figure unattributed and 2 figures from unnamed sources"),
        "{}",
        l.summary.text
    );
}

#[test]
fn ledger_source_in_conflict_with_two_independent_ones() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 11,000 troops to Russia.",
        "Ukraine's HUR said North Korea has sent 11,500 troops to Russia.",
        "KCNA said North Korea has sent 50,000 troops to Russia.",
    ]);
    let l = b.ledger();
    let kcna = source(&l, "KCNA");
    assert_eq!(kcna.conflicts, 1, "{kcna:#?}");
    assert_eq!(kcna.conflicts_with, ["HUR", "NIS"]);
    assert!(has_rule(kcna, "conflict"));
    let nis = source(&l, "NIS");
    assert_eq!(nis.conflicts_with, ["KCNA"]);
    assert_eq!(nis.corroborated, 1, "HUR agrees");
    assert!(nis.credibility.score > kcna.credibility.score);
}

#[test]
fn ledger_user_priors_override_the_registry() {
    let mut r = SourceRegistry::with_defaults();
    r.extend(vec![crosscheck_claims::registry::SourceEntry {
        id: "NIS".into(),
        prior: Some(0.45),
        ..Default::default()
    }]);
    let b = Batch::new(&["The NIS said North Korea has sent 15,000 troops to Russia."]);
    let l = b.ledger_with(&r, &[], &[]);
    assert_eq!(
        source(&l, "NIS").credibility.reasons()[0],
        "0.45 base: NIS, intelligence agency (registry prior)"
    );
}

#[test]
fn ledger_documents_and_outlets_say_how_figures_are_attributed() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent 15,000 troops to Russia. It also sent 10 million shells.",
        "The NIS said North Korea has sent about 15,000 troops to Russia.",
        "Yonhap reported, citing the NIS, that North Korea has sent 15,000 troops to Russia.",
    ]);
    let credits = vec![
        vec!["Yonhap".to_string(), "Reuters".to_string()],
        vec![],
        vec![],
    ];
    let l = b.ledger_with(
        &SourceRegistry::with_defaults(),
        &[Some("Daily"), Some("Daily"), Some("Wire Weekly")],
        &credits,
    );
    let a = &l.documents[0];
    assert_eq!((a.figures, a.named, a.inherited), (2, 2, 1));
    assert_eq!(a.credited, ["Yonhap", "Reuters"]);
    assert!(a.relay, "credits wire services");
    assert_eq!(a.exclusive.len(), 1, "the shells");
    assert!(!l.documents[1].relay);
    assert_eq!(l.outlets.len(), 2);
    let daily = &l.outlets[0];
    assert_eq!(daily.outlet, "Daily");
    assert_eq!(
        (
            daily.documents.len(),
            daily.figures,
            daily.named,
            daily.inherited
        ),
        (2, 3, 3, 1)
    );
    assert_eq!((daily.exclusive, daily.relaying_documents), (1, 1));
    assert_eq!(daily.sources, ["NIS"]);
    assert_eq!(source(&l, "Reuters").credited_by, ["a"]);
}

#[test]
fn ledger_is_the_same_whatever_the_order_of_documents() {
    let b = Batch::new(&[
        "Yonhap reported, citing the NIS, that North Korea has sent about 15,000 troops to Russia.",
        "KCNA said North Korean officials met a Russian delegation. The NIS said 11,000 troops were sent.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    let r = SourceRegistry::with_defaults();
    let a = assess(&items, &clusters, &r, &Tolerances::default());
    let s0: Vec<&str> = vec![b.texts[0].as_str()];
    let s1: Vec<&str> = crosscheck_claims::sentence::sentences(&b.texts[1])
        .into_iter()
        .map(|x| &b.texts[1][x])
        .collect();
    let d0 = ledger::DocumentInfo {
        id: "a",
        sentences: &s0,
        ..Default::default()
    };
    let d1 = ledger::DocumentInfo {
        id: "b",
        sentences: &s1,
        ..Default::default()
    };
    let x = ledger::ledger(&items, &clusters, &a, &r, &[d0, d1]);
    let mut y = ledger::ledger(&items, &clusters, &a, &r, &[d1, d0]);
    y.documents.reverse();
    assert_eq!(x, y);
}

proptest::proptest! {
    /// The findings' view of a cluster's revisions, with some figures taken
    /// out as outliers, is what the pairs of figures say: each later figure
    /// that grew counts every earlier figure it revises, and each later
    /// figure that fell is in exactly one fall, with exactly the earlier
    /// figures it fell from.
    #[test]
    fn revisions_without_outliers_are_those_of_the_pairs(
        figures in proptest::collection::vec((0usize..3, 1u8..=12), 2..40),
        out in proptest::collection::vec(proptest::bool::weighted(0.2), 40),
    ) {
        let figs: Vec<judge::Fig> = figures
            .iter()
            .enumerate()
            .map(|(k, &(value, month))| {
                let v = [9_000.0, 11_000.0, 15_000.0][value];
                judge::Fig {
                    // Items are not places in `figs`.
                    item: 100 + 3 * k,
                    doc: std::sync::Arc::from(format!("d{k}")),
                    start: 0,
                    iv: Interval { lo: v, hi: v },
                    nominal: (v, Some(v)),
                    vague: false,
                    class: "event",
                    when: when::When::Current { running: None },
                    published: Date::new(2025, month, 1),
                    scope: std::sync::Arc::default(),
                    conf: 1.0,
                    additional: false,
                    toll_source: None,
                    toll: false,
                    flow: false,
                }
            })
            .collect();
        let outliers: BTreeSet<usize> = figs
            .iter()
            .zip(&out)
            .filter(|(_, o)| **o)
            .map(|(f, _)| f.item)
            .collect();
        let j = judge::judge(&figs, &Tolerances::default());
        let pairs: Vec<(usize, usize, bool, bool)> = j
            .revision_pairs()
            .into_iter()
            .filter(|(e, l, _, _)| !outliers.contains(e) && !outliers.contains(l))
            .collect();
        let revisions = revised(&j, &outliers);

        let ups: Vec<&Revised<'_>> = revisions.iter().filter(|(_, _, r)| !r.down).collect();
        let mut expected: BTreeMap<usize, usize> = BTreeMap::new();
        for &(_, l, down, _) in &pairs {
            if !down {
                *expected.entry(l).or_default() += 1;
            }
        }
        proptest::prop_assert_eq!(growth_counts(&ups), expected);

        let mut fell_from: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &(e, l, down, _) in &pairs {
            if down {
                fell_from.entry(l).or_default().insert(e);
            }
        }
        let falls = fall_groups(&revisions);
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for (laters, earlier) in &falls {
            for l in laters {
                proptest::prop_assert!(seen.insert(*l), "later figure {} in two falls", l);
                proptest::prop_assert_eq!(fell_from.get(l), Some(earlier));
            }
        }
        proptest::prop_assert_eq!(seen.len(), fell_from.len());
        let sets: BTreeSet<&BTreeSet<usize>> = falls.iter().map(|(_, e)| e).collect();
        proptest::prop_assert_eq!(sets.len(), falls.len(), "one fall per set of earlier figures");
    }
}

#[test]
fn tolls_counted_one_and_three_days_apart_are_said_once() {
    let whys = [
        ("same thing, counted a day apart", Some(1)),
        ("same thing, same time scope", None),
        ("same thing, counted 3 days apart", Some(3)),
        ("same thing, same time scope", None),
    ];
    assert_eq!(
        joined_whys(whys.into_iter()),
        "same thing, counted 1 to 3 days apart; same thing, same time scope"
    );
    assert_eq!(
        joined_whys([("same thing, counted 2 days apart", Some(2)); 2].into_iter()),
        "same thing, counted 2 days apart"
    );
    assert_eq!(
        joined_whys([("same thing, counted a day apart", Some(1))].into_iter()),
        "same thing, counted a day apart"
    );
}
