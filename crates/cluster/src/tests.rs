use super::*;
use crosscheck_claims::claim::{Source, extract};
use crosscheck_claims::registry::SourceRegistry;

/// Claims of small documents, one string each, with ids "dN#k".
struct Batch {
    ids: Vec<(String, String)>,
    claims: Vec<Claim>,
}

impl Batch {
    fn new(docs: &[&str]) -> Batch {
        let registry = SourceRegistry::with_defaults();
        let mut ids = Vec::new();
        let mut claims = Vec::new();
        for (d, text) in docs.iter().enumerate() {
            let block = 0..text.len();
            let blocks = std::slice::from_ref(&block);
            let found = extract(
                Source {
                    text,
                    blocks,
                    published: None,
                },
                &registry,
            );
            for (k, c) in found.into_iter().enumerate() {
                ids.push((format!("d{d}"), format!("d{d}#{}", k + 1)));
                claims.push(c);
            }
        }
        Batch { ids, claims }
    }

    fn items(&self) -> Vec<Item<'_>> {
        self.ids
            .iter()
            .zip(&self.claims)
            .map(|((doc, id), claim)| Item {
                id,
                doc,
                published: None,
                claim,
            })
            .collect()
    }

    /// Each claim's profile, read without the sentence's other figures.
    fn profiles(&self) -> Vec<Profile> {
        let thesaurus = Thesaurus::builtin();
        self.claims
            .iter()
            .map(|c| profile::profile(c, &thesaurus, &[]))
            .collect()
    }

    /// [`Batch::texts`], the clusters in sorted order (members as clustered).
    fn sorted_texts(&self) -> Vec<Vec<String>> {
        let mut c = self.texts();
        c.sort();
        c
    }

    /// The clusters as sorted lists of claim texts.
    fn texts(&self) -> Vec<Vec<String>> {
        let items = self.items();
        cluster(&items, &Thesaurus::builtin())
            .iter()
            .map(|c| {
                c.members
                    .iter()
                    .map(|&m| items[m].claim.text.clone())
                    .collect()
            })
            .collect()
    }
}

#[test]
fn troops_soldiers_and_military_personnel_cluster_together() {
    let b = Batch::new(&[
        "The NIS said North Korea has sent about 15,000 troops to Russia.",
        "Officials said Pyongyang has sent 14,000 soldiers to Russia.",
        "Seoul says 13,000 military personnel were sent to Russia.",
    ]);
    let c = b.texts();
    assert_eq!(c.len(), 1, "{c:?}");
}

#[test]
fn construction_troops_stay_apart_from_total_troops() {
    let b = Batch::new(&[
        "North Korea has sent around 15,000 troops to Russia since last fall.",
        "Around 5,000 North Korean military construction troops have been moving to Russia since September.",
    ]);
    assert_eq!(b.texts().len(), 2);
}

#[test]
fn parts_join_their_whole_through_a_figure_that_names_both() {
    let b = Batch::new(&[
        "Kim agreed to send 1,000 sappers and 5,000 military construction workers to Russia.",
        "The two sides agreed to dispatch 6,000 military engineers and construction personnel to Russia.",
    ]);
    let c = b.texts();
    assert_eq!(c.len(), 1, "{c:?}");
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    let scopes: Vec<Vec<String>> = clusters[0]
        .membership
        .iter()
        .map(|m| m.scope.clone())
        .collect();
    assert_eq!(
        scopes,
        vec![
            vec!["engineer".to_string()],
            vec!["construction".to_string()],
            vec!["construction".to_string(), "engineer".to_string()],
        ]
    );
}

#[test]
fn a_count_never_clusters_with_a_percentage_or_money() {
    let b = Batch::new(&[
        "Russia controls 81 percent of the territories.",
        "Russia controls 81 territories.",
        "Russia paid $81 million for the territories.",
    ]);
    assert_eq!(b.texts().len(), 3);
}

#[test]
fn outcome_nouns_take_no_participle_in_a_label() {
    for (a, b, label) in [
        (
            "The ministry said the shelling caused 300 civilian deaths.",
            "The UN said the shelling caused 500 civilian deaths.",
            "civilian deaths",
        ),
        (
            "The death toll rose to 1,240.",
            "The ministry said 870 people were killed.",
            "people killed",
        ),
    ] {
        let b = Batch::new(&[a, b]);
        let items = b.items();
        let clusters = cluster(&items, &Thesaurus::builtin());
        assert_eq!(clusters.len(), 1, "{clusters:#?}");
        assert_eq!(clusters[0].label, label);
    }
}

#[test]
fn percentage_points_never_cluster_with_percentages() {
    let b = Batch::new(&[
        "The poll puts the party at 34 percent.",
        "The poll has a margin of error of 2.5 percentage points.",
    ]);
    assert_eq!(b.texts().len(), 2, "{:?}", b.texts());
}

#[test]
fn troops_sent_and_troops_killed_are_different_things() {
    let b = Batch::new(&[
        "North Korea has sent 15,000 troops to Russia.",
        "About 1,000 North Korean troops were killed in Kursk.",
    ]);
    assert_eq!(b.texts().len(), 2);
}

#[test]
fn stationed_troops_are_part_of_troops_sent() {
    let b = Batch::new(&[
        "North Korea has sent 15,000 troops to Russia. Nearly 10,000 North Korean troops are currently positioned near the Russian-Ukrainian border.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    assert_eq!(clusters.len(), 2);
    let border = clusters
        .iter()
        .position(|c| items[c.members[0]].claim.text == "Nearly 10,000")
        .unwrap();
    let whole = clusters[border].part_of.expect("a part of the troops sent");
    assert_eq!(items[clusters[whole].members[0]].claim.text, "15,000");
    assert_eq!(
        clusters[border].label,
        "troops stationed near the Russian-Ukrainian border"
    );
}

#[test]
fn troops_near_the_tunisian_border_are_part_of_those_sent_to_tunisia() {
    // Two stories: the larger sends troops to Mali, the other to Tunisia;
    // the stationed troops are the Tunisian story's.
    let b = Batch::new(&[
        "Chad has sent 9,000 troops to Mali.",
        "Chad has sent 9,500 troops to Mali.",
        "Chad has sent 9,100 troops to Mali.",
        "Niger has sent 15,000 troops to Tunisia.",
        "Nearly 10,000 troops are currently positioned near the Tunisian-Libyan border.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    let border = clusters
        .iter()
        .position(|c| items[c.members[0]].claim.text == "Nearly 10,000")
        .unwrap();
    let whole = clusters[border].part_of.expect("a part of the troops sent");
    assert_eq!(items[clusters[whole].members[0]].claim.text, "15,000");
}

#[test]
fn different_actor_countries_split_a_cluster() {
    let b = Batch::new(&[
        "Russia sent 5,000 troops to Syria.",
        "Iran sent 5,000 troops to Syria.",
        "Officials said 5,000 troops were sent to Syria.",
    ]);
    let c = b.texts();
    assert_eq!(c.len(), 2, "{c:?}");
}

#[test]
fn seats_won_by_the_ruling_party_and_by_the_opposition_are_different_things() {
    let b = Batch::new(&[
        "The ruling party won 182 of the 300 seats in Sunday's election.",
        "The ruling party secured 178 seats, while the opposition won 97.",
        "The opposition alliance, which took 94 seats, alleged fraud.",
    ]);
    let c = b.sorted_texts();
    assert_eq!(c, [vec!["182", "178"], vec!["97", "94"]], "{c:?}");
    let items = b.items();
    let mut labels: Vec<String> = cluster(&items, &Thesaurus::builtin())
        .into_iter()
        .map(|c| c.label)
        .collect();
    labels.sort();
    assert_eq!(
        labels,
        [
            "seats won by the opposition",
            "seats won by the ruling party"
        ]
    );
}

#[test]
fn in_marseille_and_nationwide_place_every_figure_of_their_sentence() {
    let b = Batch::new(&[
        "Organisers said 110,000 people marched in Paris on Thursday.",
        "In Marseille, police said 8,500 people marched.",
        "Nationwide, the interior ministry said 195,000 people marched.",
        "In Paris, police said 24,000 people marched.",
    ]);
    let c = b.sorted_texts();
    assert_eq!(
        c,
        [vec!["110,000", "24,000"], vec!["195,000"], vec!["8,500"]],
        "{c:?}"
    );
}

#[test]
fn russian_servicemen_and_ukrainian_prisoners_are_different_things() {
    let b = Batch::new(&[
        "Russia said 307 Russian servicemen were released on Saturday.",
        "TASS said 307 Ukrainian servicemen were released on Saturday.",
        "Kyiv said 300 Ukrainian servicemen were released on Saturday.",
    ]);
    let c = b.sorted_texts();
    assert_eq!(c, [vec!["307"], vec!["307", "300"]], "{c:?}");
}

#[test]
fn the_losses_of_each_side_are_different_things() {
    // Whose losses: the demonym before "losses", or the country that lost
    // the servicemen.
    let b = Batch::new(&[
        "That brings total Russian losses since the invasion began to about 847,000, the General Staff said.",
        "The ministry said Ukrainian losses in the Kursk region had reached more than 55,000.",
        "Russia's Defence Ministry said that Ukraine had lost up to 1,500 servicemen over the past day.",
        "An independent count has confirmed the names of 90,000 Russian soldiers killed.",
    ]);
    let c = b.sorted_texts();
    assert!(
        c.iter().all(|g| g.len() == 1),
        "each side's losses apart: {c:?}"
    );
}

#[test]
fn actor_countries_beyond_the_first_twenty_split_a_cluster() {
    // Countries named by name or by capital, all known to the registry.
    for pair in [
        [
            "Azerbaijan now controls 81 percent of the four Ukrainian territories it claims.",
            "Egypt now controls 81 percent of the four Ukrainian territories it claims.",
        ],
        [
            "Havana sent an estimated 11,000 troops.",
            "Asmara sent an estimated 11,000 troops.",
        ],
    ] {
        let b = Batch::new(&pair);
        let c = b.texts();
        assert_eq!(c.len(), 2, "{pair:?}: {c:?}");
    }
    // The same country by its name and its capital stays one cluster.
    let b = Batch::new(&[
        "Cuba sent an estimated 11,000 troops.",
        "Havana sent an estimated 11,000 troops.",
    ]);
    assert_eq!(b.texts().len(), 1);
}

#[test]
fn places_that_share_nothing_split_a_cluster() {
    let b = Batch::new(&[
        "Officials said 30 people were killed in Gaza.",
        "Officials said 12 people were killed in Jenin.",
    ]);
    assert_eq!(b.texts().len(), 2);
}

#[test]
fn same_figure_twice_in_one_document_is_a_duplicate() {
    let b = Batch::new(&[
        "Around 5,000 North Korean military construction troops have been moving to Russia. The NIS said it believes around 5,000 North Korean military construction troops have been moving to Russia.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].duplicates, vec![(0, 1)]);
    assert_eq!(clusters[0].effective().collect::<Vec<_>>(), vec![0]);
}

#[test]
fn a_claim_without_an_action_takes_the_compatible_one() {
    let b = Batch::new(&[
        "North Korea has sent 15,000 troops to Russia.",
        "There are 14,000 North Korean troops in Russia, officials said.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    assert_eq!(clusters.len(), 1);
    assert!(clusters[0].membership[1].confidence < 1.0);
    assert!(!clusters[0].membership[1].doubts.is_empty());
}

#[test]
fn shuffled_input_gives_identical_clusters() {
    let b = Batch::new(&[
        "North Korea has sent around 15,000 troops to Russia since last fall. Around 5,000 military construction troops have been moving to Russia.",
        "Kim agreed to send 1,000 sappers and 5,000 military construction workers. The NIS said over 11,000 troops were deployed.",
        "Russia controls 81 percent of the four territories. North Korea sent more than 10 million artillery shells.",
    ]);
    let items = b.items();
    let t = Thesaurus::builtin();
    let view = |items: &[Item<'_>]| -> Vec<(String, String, Vec<String>)> {
        cluster(items, &t)
            .into_iter()
            .map(|c| {
                (
                    c.id,
                    c.label,
                    c.members.iter().map(|&m| items[m].id.to_string()).collect(),
                )
            })
            .collect()
    };
    let expected = view(&items);
    let mut shuffled = items.clone();
    shuffled.reverse();
    assert_eq!(view(&shuffled), expected);
    shuffled.rotate_left(3);
    assert_eq!(view(&shuffled), expected);
}

#[test]
fn ids_are_stable_and_unique() {
    let b = Batch::new(&[
        "North Korea has sent 15,000 troops to Russia. It sent 10 million shells. Russia controls 81 percent of the territories.",
    ]);
    let items = b.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    let ids: Vec<&str> = clusters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.iter().unique().count(), ids.len());
    assert!(ids.iter().any(|i| i.starts_with("c-troop-")), "{ids:?}");
    assert_eq!(clusters, cluster(&items, &Thesaurus::builtin()));
}

#[test]
fn claim_ids_compare_naturally() {
    assert_eq!(cmp_ids("d#2", "d#10"), Ordering::Less);
    assert_eq!(cmp_ids("a#10", "b#1"), Ordering::Less);
    assert_eq!(cmp_ids("d#x", "d#1"), Ordering::Greater);
}

#[test]
fn user_thesaurus_groups_join_new_words() {
    let b = Batch::new(&[
        "Officials said 300 marines were sent to the island.",
        "The ministry said 320 soldiers were sent to the island.",
    ]);
    let items = b.items();
    assert_eq!(cluster(&items, &Thesaurus::builtin()).len(), 2);
    let mut t = Thesaurus::builtin();
    t.extend(vec![vec!["marine".into(), "troop".into()]]);
    assert_eq!(cluster(&items, &t).len(), 1);
}

#[test]
fn remembered_similarities_equal_fresh_ones_at_every_floor() {
    let batch = Batch::new(&[
        "North Korea sent 5,000 troops to Russia. Officials said 3,000 troops moved.",
        "North Korea sent 5,000 troops to Russia. Another 1,000 engineers arrived.",
        "North Korea sent 12,000 troops to Russia, officials said.",
    ]);
    let profiles = batch.profiles();
    let block: Vec<usize> = (0..profiles.len()).collect();
    let remembered = Profiles::for_block(&profiles, &block);
    // Equal sentences share a context.
    assert!(remembered.text_of.len() < profiles.len());
    // Floors up and down, so answers come from "at most" and exact memories.
    let floors = [0.9, 0.2, 0.95, -1.0, 0.5, 1.0, 0.0, 0.3];
    for &floor in &floors {
        for a in &block {
            for b in &block {
                let fresh = Bigrams::new(&profiles[*a].context)
                    .dice_above(&Bigrams::new(&profiles[*b].context), floor);
                assert_eq!(
                    remembered.dice_above(*a, *b, floor),
                    fresh,
                    "items {a}, {b} at floor {floor}"
                );
            }
        }
    }
}

#[test]
fn remembered_similarities_to_parts_place_keyless_figures_as_fresh_ones() {
    // Figures of three actors (small parts whose samples still change)
    // and many without one, their sentences often repeated.
    let mut docs: Vec<String> = Vec::new();
    for n in 0..120 {
        docs.push(match n % 9 {
            0 => format!("Russia sent {} troops to Syria.", 100 + n),
            1 if n < 40 => format!(
                "North Korea sent {} troops to Russia's Kursk region.",
                200 + n
            ),
            2 if n < 60 => format!(
                "Iran deployed {} troops near the border, state media said.",
                300 + n
            ),
            3 | 4 => "Officials said 5,000 troops were sent to the front.".to_string(),
            5 => format!(
                "About {} soldiers were deployed to Kursk, the ministry said.",
                10 * n
            ),
            6 => "Some 2,000 troops were sent, a Syrian official said.".to_string(),
            _ => format!("{} troops were sent, officials said on day {n}.", 1_000 + n),
        });
    }
    let texts: Vec<&str> = docs.iter().map(String::as_str).collect();
    let batch = Batch::new(&texts);
    let profiles = batch.profiles();
    let keyless = profiles.iter().filter(|p| actors(p).is_empty()).count();
    let remembered = split_by_actor(&profiles, true);
    assert!(
        remembered.len() >= 3 && keyless > 40,
        "{} parts, {keyless} keyless",
        remembered.len()
    );
    assert_eq!(remembered, split_by_actor(&profiles, false));
}

#[test]
fn a_part_whose_sample_grows_is_compared_afresh() {
    // Q: eight figures of one actor (its sample full); P: one of another.
    // The keyless sentence D is as close to both (Q, larger, wins); C is
    // closer to P and joins it; D again is now closest to P, through C.
    let batch = Batch::new(&["Russia sent 5,000 troops to Syria."]);
    let base = profile::profile(&batch.claims[0], &Thesaurus::builtin(), &[]);
    let with = |context: &str, actor: Option<&str>| Profile {
        context: context.to_string(),
        actor: actor.map(str::to_string),
        ..base.clone()
    };
    let mut profiles: Vec<Profile> = (0..8)
        .map(|i| with(&format!("abcdefg{i}"), Some("Russia")))
        .collect();
    profiles.push(with("pqrsuvwz", Some("Iran")));
    for context in ["abcdpqrs", "bcdpqrsu", "abcdpqrs"] {
        profiles.push(with(context, None));
    }
    let items = |parts: Vec<Vec<(usize, String)>>| -> Vec<Vec<usize>> {
        parts
            .into_iter()
            .map(|part| part.into_iter().map(|(item, _)| item).collect())
            .collect()
    };
    let fresh = split_by_actor(&profiles, false);
    assert_eq!(
        items(fresh.clone()),
        vec![vec![0, 1, 2, 3, 4, 5, 6, 7, 9], vec![8, 10, 11]]
    );
    assert_eq!(split_by_actor(&profiles, true), fresh);
}

/// Every profile a member of one group (no action), split by actor with
/// the similarities to parts remembered or not: the parts' items, with
/// each member's confidence and doubts.
fn split_by_actor(profiles: &[Profile], remember: bool) -> Vec<Vec<(usize, String)>> {
    let group: Vec<Member> = (0..profiles.len())
        .map(|item| Member {
            item,
            action: None,
            confidence: 1.0,
            doubts: Vec::new(),
        })
        .collect();
    let block: Vec<usize> = (0..profiles.len()).collect();
    let cache = Profiles::for_block(profiles, &block);
    split_by_with(&cache, group, actors, remember)
        .iter()
        .map(|part| {
            part.iter()
                .map(|m| (m.item, format!("{} {:?}", m.confidence, m.doubts)))
                .collect()
        })
        .collect()
}

/// A profile's actor, as the clusterer splits by it.
fn actors(p: &Profile) -> crate::Terms {
    p.actor.iter().cloned().collect()
}
