//! Whole-text tests of [`find`]: phrases from news copy, typed non-figures,
//! degenerate input, and properties over arbitrary strings.

use super::*;
use proptest::prelude::*;

/// (text, kind, low, high) of every quantity found.
fn found(text: &str) -> Vec<(&str, Kind, Option<f64>, Option<f64>)> {
    find(text)
        .into_iter()
        .map(|q| (q.text(text), q.kind, q.low, q.high))
        .collect()
}

fn one(text: &str) -> Quantity {
    let all = find(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all[0].clone()
}

#[test]
fn about_5_000_troops_and_more_than_10_million_shells() {
    let text = "about 5,000 troops and more than 10 million shells";
    assert_eq!(
        found(text),
        vec![
            ("about 5,000", Kind::Number, Some(5e3), Some(5e3)),
            ("more than 10 million", Kind::Number, Some(1e7), None),
        ]
    );
}

#[test]
fn seed_sentence_approximately_10_000_12_000_and_an_additional_3_000_4_000() {
    let text = "South Korea, the U.S., and Ukraine estimate that approximately 10,000-12,000 troops were sent last fall, with an additional 3,000-4,000 deployed earlier this year.";
    let all = find(text);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].text(text), "approximately 10,000-12,000");
    assert_eq!(all[1].text(text), "an additional 3,000-4,000");
    assert!(all[1].additional);
    assert_eq!((all[1].low, all[1].high), (Some(3e3), Some(4e3)));
}

#[test]
fn seed_sentence_81_percent_and_the_four_territories() {
    let text = "Russia now controls 81 percent of the four Ukrainian territories it claims";
    assert_eq!(
        found(text),
        vec![
            ("81 percent", Kind::Percent, Some(81.0), Some(81.0)),
            ("four", Kind::Number, Some(4.0), Some(4.0)),
        ]
    );
}

#[test]
fn ordinals_first_anniversary_and_second_known_deployment() {
    assert_eq!(one("the first anniversary").kind, Kind::Ordinal);
    assert_eq!(one("the second known deployment").kind, Kind::Ordinal);
    assert_eq!(one("the 2nd round").kind, Kind::Ordinal);
}

#[test]
fn years_2024_and_in_2025_and_the_1990s() {
    assert_eq!(one("since 2024").kind, Kind::Year);
    assert_eq!(one("In 2025, the talks").kind, Kind::Year);
    assert_eq!(one("in the 1990s").kind, Kind::Year);
}

#[test]
fn four_digits_before_a_plural_are_a_count() {
    let q = one("some 2000 people");
    assert_eq!((q.kind, q.value), (Kind::Number, Some(2000.0)));
    assert_eq!(one("2000 troops").kind, Kind::Number);
}

#[test]
fn dates_june_26_and_november_2024() {
    let text =
        "told lawmakers on June 26. In November 2024, Pyongyang sent an estimated 11,000 troops";
    let kinds: Vec<_> = find(text)
        .iter()
        .map(|q| (q.text(text).to_string(), q.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("June 26".to_string(), Kind::Date),
            ("November 2024".to_string(), Kind::Date),
            ("an estimated 11,000".to_string(), Kind::Number),
        ]
    );
}

#[test]
fn times_of_day_13_30_and_10_am() {
    assert_eq!(one("13:30").kind, Kind::Time);
    assert_eq!(one("at 10 a.m. local time").kind, Kind::Time);
}

#[test]
fn identifiers_su_27_f_16_covid_19_g7() {
    for (text, id) in [
        ("an Su-27 fighter", "Su-27"),
        ("F-16 jets", "F-16"),
        ("the COVID-19 pandemic", "COVID-19"),
        ("the G7 summit", "G7"),
        ("UN Resolution 2231", "Resolution 2231"),
        ("call 202-555-0143 now", "202-555-0143"),
    ] {
        let q = one(text);
        assert_eq!((q.text(text), q.kind), (id, Kind::Identifier), "{text}");
    }
}

/// Found by the `quantity` fuzz target (fuzz/regressions/quantity/
/// label-inside-name): a label ending a name with digits ("i666/Unit") was
/// also taken as the label of the next number, so the two overlapped.
#[test]
fn label_inside_a_name_is_not_taken_again_for_unit_26() {
    let text = "u\u{fffd}i666/Unit 26,hed: Unit 26,: Wildfire";
    let found = find(text);
    let spans: Vec<&str> = found.iter().map(|q| q.text(text)).collect();
    assert_eq!(spans, ["i666/Unit", "26", "Unit 26"], "{found:?}");
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
}

/// Found by the `quantity` fuzz target (fuzz/regressions/quantity): an
/// ordinal word glued to digits by a dash was recorded twice, as the ordinal
/// and as a name starting at the same word.
#[test]
fn ordinal_glued_to_digits_is_one_name_not_two_overlapping() {
    for (text, id) in [
        ("burned:seventh-4 of", "seventh-4"),
        ("the first-2 round", "first-2"),
        ("twenty-first-3 x", "twenty-first-3"),
        ("seventh-4th", "seventh-4th"),
    ] {
        let q = one(text);
        assert_eq!((q.text(text), q.kind), (id, Kind::Identifier), "{text}");
    }
}

/// Found by the hostile-input tests: on `1.1.1.1…` every figure looked back
/// over the whole run for the word before it, quadratic in its length.
#[test]
fn the_word_before_a_figure_is_looked_for_only_so_far() {
    assert_eq!(
        super::prev_word("UN Resolution 2231", 14),
        ("Resolution", 3)
    );
    let run = "1.".repeat(100);
    assert_eq!(super::prev_word(&run, run.len()), ("", run.len()));
    let text = format!("{} troops", "1.".repeat(20_000));
    let found = find(&text);
    assert!(found.len() > 1000);
}

#[test]
fn list_numbering() {
    let text = "Key points:\n1. Troops were sent.\n2) More may follow.";
    let kinds: Vec<_> = find(text).iter().map(|q| q.kind).collect();
    assert_eq!(kinds, vec![Kind::ListItem, Kind::ListItem]);
}

#[test]
fn no_one_is_not_a_count() {
    assert!(find("no one was hurt").is_empty());
    assert_eq!(one("one soldier was hurt").value, Some(1.0));
}

#[test]
fn glued_units_are_not_counts() {
    assert_eq!(one("the 180ml liquid").kind, Kind::Identifier);
    assert_eq!(one("5G networks").kind, Kind::Identifier);
}

#[test]
fn vague_magnitudes_in_sentences() {
    let q = one("expected to deploy thousands of military construction workers");
    assert_eq!((q.kind, q.low, q.high), (Kind::Vague, Some(2e3), Some(1e4)));
    let q = one("tens of thousands of protesters");
    assert_eq!((q.low, q.high), (Some(2e4), Some(1e5)));
}

#[test]
fn money_euro_20m_and_pound_1_2tn() {
    let q = one("a €20m fund");
    assert_eq!(
        (q.kind, q.value, q.unit),
        (Kind::Money, Some(2e7), Some(Unit::Currency(Currency::EUR)))
    );
    let q = one("debt of £1.2tn");
    assert_eq!(
        (q.value, q.unit),
        (Some(1.2e12), Some(Unit::Currency(Currency::GBP)))
    );
}

#[test]
fn over_10_rockets() {
    let q = one("launched over 10 rockets");
    assert_eq!(
        (q.qualifier, q.low, q.high),
        (Some(Qualifier::MoreThan), Some(10.0), None)
    );
}

#[test]
fn degenerate_1_2_3_4_and_40_digits_and_1e400() {
    let all = find("1,2,3,4");
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|q| q.kind == Kind::Number));
    let q = one("1234567890123456789012345678901234567890 grains");
    assert_eq!(q.kind, Kind::Number);
    assert!(
        find("1e400")
            .iter()
            .all(|q| q.value.is_none_or(f64::is_finite))
    );
}

#[test]
fn mixed_scripts_do_not_panic() {
    for text in [
        "٣٠٠٠ جندي",
        "３０００人",
        "約5000人の兵士",
        "Ünïcödé 5 €",
        "\u{202e}5,000",
    ] {
        let _ = find(text);
    }
}

#[test]
fn prefix_words_decided_late_as_at_once() {
    for text in [
        "about 5,000 troops, as many as 3,000 more and in the north some 200",
        "a total of more than 40, up to a dozen or so at a time",
        "from one end to the other; at a cost of $5m in aid",
        "not in the least - no, not at all -\u{a0}5 of them",
        "in the capital city of the region, in May, in 2024, a few",
        "as a result of the vote in\nthe 3rd week, per cent",
        // The number is the fourth word after "in" and "on": the last one looked at.
        "in the region of 5,000 and on the order of 10 million, in excess of 3",
        "a little more than 40 and just shy of 30 - in the region of\u{a0}5",
    ] {
        assert_eq!(
            find(text),
            super::scan(text, super::Deferred::never()),
            "{text}"
        );
    }
}

#[test]
fn pathological_inputs_finish() {
    let commas = ",".repeat(100_000);
    assert!(find(&commas).is_empty());
    let more = "more than ".repeat(20_000);
    assert!(find(&more).is_empty());
    let digits = "1,".repeat(50_000);
    assert_eq!(find(&digits).len(), 50_000);
}

proptest! {
    #[test]
    fn spans_lie_on_char_boundaries(text in "\\PC{0,200}") {
        let mut last_end = 0;
        for q in find(&text) {
            prop_assert!(q.start >= last_end && q.start < q.end && q.end <= text.len());
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            last_end = q.end;
        }
    }

    #[test]
    fn deferring_prefix_words_finds_the_same(
        text in "(about|a|an|in|at|as|no|more|than|some|from|per|up|to|the|of|region|order|excess|little|just|shy|troops|said|http|www|://|\\.|one|two|dozen|first|half|May|march|G7|caf\u{e9}|[0-9]{1,4}|[$~€]|[ ,;.\n\t–—’-]|\u{a0}|\u{2009}){0,40}"
    ) {
        prop_assert_eq!(find(&text), super::scan(&text, super::Deferred::never()));
    }

    #[test]
    fn newsy_strings_never_panic(text in "([0-9]{1,5}|[,. \\-–%$€]|about|more than|thousand|million|between|and|to|a|one|half|of|June){0,30}") {
        for q in find(&text) {
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            if let (Some(lo), Some(hi)) = (q.low, q.high) {
                prop_assert!(lo <= hi, "{q:?} in {text:?}");
            }
        }
    }
}

#[test]
fn rose_12_percent_to_4_2_billion_is_two_figures() {
    let f = found("quarterly revenue rose 12% to $4.2 billion");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!((f[0].0, f[0].1), ("12%", Kind::Percent));
    assert_eq!((f[1].0, f[1].1), ("$4.2 billion", Kind::Money));
    // A range of one unit stays a range.
    assert_eq!(found("$3 billion to $4.2 billion").len(), 1);
}
