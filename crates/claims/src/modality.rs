//! How firmly a figure is asserted: the cue grammar for modality
//! ("agreed to send", "is expected to deploy", "could", "believes",
//! "estimates", "reportedly") and the hedge words an editor should see.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::satisfy;
use nom::combinator::{not, peek, value};
use nom::sequence::terminated;
use serde::{Deserialize, Serialize};

use crate::prefilter::{may_start, tag_ci};
use crate::quantity::{Qualifier, Quantity};

/// How a figure is put forward by its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Stated as fact: "has sent about 5,000".
    Asserted,
    /// An estimate: "estimates that", "an estimated 11,000".
    Estimated,
    /// A belief: "believes", "is thought to".
    Believed,
    /// Relayed as a report: "reportedly", "is said to".
    Reported,
    /// A plan or agreement, not an event: "agreed to send", "expected to deploy", "will".
    Planned,
    /// A possibility: "could send", "may", "might".
    Possible,
    /// Denied or negated: "denied sending".
    Denied,
}

type Res<'a, T> = nom::IResult<&'a str, T>;

fn cue<'a>(
    phrase: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(
        tag_ci(phrase),
        not(peek(satisfy(|c: char| c.is_alphanumeric()))),
    )
}

/// A modality cue at the start of `i`, with the cue text.
fn modality_cue(i: &str) -> Res<'_, (Modality, &str)> {
    let planned = value(
        Modality::Planned,
        alt((
            alt((
                cue("agreed to"),
                cue("agrees to"),
                cue("agree to"),
                cue("expected to"),
                cue("expects to"),
                cue("plans to"),
                cue("plan to"),
                cue("planning to"),
                cue("planned"),
                cue("intends to"),
                cue("pledged to"),
                cue("promised to"),
                cue("preparing to"),
            )),
            alt((
                cue("is set to"),
                cue("are set to"),
                // "The exchange is to total 1,000 prisoners", "500 troops
                // are to be sent".
                cue("is to total"),
                cue("are to total"),
                cue("is to be"),
                cue("are to be"),
                // Forecasts: "had expected revenue of $4.1 billion", "cut
                // its sales forecast to 1.1 million vehicles".
                cue("forecast"),
                cue("forecasts"),
                cue("projected"),
                cue("scheduled to"),
                cue("will"),
                cue("would send"),
                cue("to dispatch"),
                cue("to send"),
                cue("to deploy"),
            )),
        )),
    );
    let possible = value(
        Modality::Possible,
        alt((
            cue("could"),
            cue("may"),
            cue("might"),
            cue("possibly"),
            cue("potentially"),
            cue("would"),
        )),
    );
    let believed = value(
        Modality::Believed,
        alt((
            cue("believes"),
            cue("believe"),
            cue("believed"),
            cue("thought to"),
            cue("suspects"),
            cue("suspected"),
        )),
    );
    let estimated = value(
        Modality::Estimated,
        alt((
            cue("estimates"),
            cue("estimate"),
            cue("estimated"),
            cue("assessed"),
            cue("assesses"),
        )),
    );
    let reported = value(
        Modality::Reported,
        alt((
            cue("reportedly"),
            cue("allegedly"),
            cue("is said to"),
            cue("are said to"),
            cue("reports say"),
            cue("reports suggest"),
        )),
    );
    let denied = value(
        Modality::Denied,
        alt((
            cue("denied"),
            cue("denies"),
            cue("deny"),
            cue("rejected"),
            cue("dismissed"),
        )),
    );
    let mut any = alt((planned, possible, believed, estimated, reported, denied));
    let (rest, m) = any.parse(i)?;
    Ok((rest, (m, &i[..i.len() - rest.len()])))
}

/// Hedge words an editor should see.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "believed",
    "believes",
    "estimated",
    "estimates",
    "estimate",
    "unconfirmed",
    "likely",
    "possibly",
    "potentially",
    "thought to",
    "appears",
    "suggests",
    "unverified",
];

/// First words of [`modality_cue`]'s phrases: the grammar can match only
/// at these (or at a word that is not plain ASCII).
fn is_cue_word(t: &str) -> bool {
    matches!(
        t,
        "agreed"
            | "agrees"
            | "agree"
            | "expected"
            | "expects"
            | "plans"
            | "plan"
            | "planning"
            | "planned"
            | "intends"
            | "pledged"
            | "promised"
            | "preparing"
            | "is"
            | "are"
            | "scheduled"
            | "will"
            | "would"
            | "to"
            | "could"
            | "may"
            | "might"
            | "possibly"
            | "potentially"
            | "believes"
            | "believe"
            | "believed"
            | "thought"
            | "suspects"
            | "suspected"
            | "estimates"
            | "estimate"
            | "estimated"
            | "assessed"
            | "assesses"
            | "reportedly"
            | "allegedly"
            | "reports"
            | "denied"
            | "denies"
            | "deny"
            | "rejected"
            | "dismissed"
            | "forecast"
            | "forecasts"
            | "projected"
    )
}

/// Every (position, modality, cue) in `text`, at word starts.
fn cues(text: &str) -> Vec<(usize, Modality, &str)> {
    let mut out = Vec::new();
    let mut prev_alnum = false;
    for (n, c) in text.char_indices() {
        if !prev_alnum && c.is_ascii_alphabetic() && may_start(&text[n..], is_cue_word) {
            if let Ok((_, (m, s))) = modality_cue(&text[n..]) {
                out.push((n, m, s));
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    out
}

/// The modality of a figure and the hedges around it.
///
/// `q`'s span is relative to `sentence`. The cue nearest before the figure
/// decides; a plan, possibility or denial anywhere before it in the
/// sentence outranks a plain estimate; "are believed to", "were expected
/// to" right after the figure count too. Hedges are the cue words found
/// before the figure plus an approximating qualifier as written ("roughly").
///
/// ```
/// use crosscheck_claims::modality::{modality, Modality};
/// use crosscheck_claims::quantity::find;
///
/// let s = "Kim agreed to send 1,000 sappers";
/// assert_eq!(modality(s, &find(s)[0]).0, Modality::Planned);
/// ```
pub fn modality(sentence: &str, q: &Quantity) -> (Modality, Vec<String>) {
    let before = &sentence[..q.start];
    let after = &sentence[q.end..];
    let mut hedges: Vec<String> = Vec::new();
    let lower_before = before.to_lowercase();
    hedges.extend(hedges_in(&lower_before).into_iter().map(str::to_string));
    if matches!(
        q.qualifier,
        Some(Qualifier::About | Qualifier::Nearly | Qualifier::JustOver | Qualifier::Estimated)
    ) {
        // The qualifier as written: "roughly", "nearly", "an estimated" → "estimated".
        if let Some(cue) = crate::quantity::leading_qualifier(q.text(sentence)) {
            let cue = cue.to_lowercase();
            let cue = cue.strip_prefix("an ").unwrap_or(&cue).to_string();
            if !hedges.contains(&cue) {
                hedges.push(cue);
            }
        }
    }
    // "is to be", "is to total" only in the figure's clause: not "The
    // ministry, whose report is to be published next week, said 1,200".
    let mut found = cues(before);
    found.retain(|(at, _, cue)| {
        !["is to total", "are to total", "is to be", "are to be"]
            .iter()
            .any(|p| cue.eq_ignore_ascii_case(p))
            || !before[*at..].contains([',', ';'])
    });
    // "Analysts had expected revenue of $4.1 billion": a forecast. ("had"
    // is too common a word for the cue grammar's first-word filter.)
    let had_expected = || {
        let mut words = lower_before.split_whitespace().rev();
        words.any(|w| w == "expected") && words.next().is_some_and(|w| w == "had" || w == "have")
    };
    let strong = found
        .iter()
        .rev()
        .find(|(_, m, _)| matches!(m, Modality::Planned | Modality::Possible | Modality::Denied));
    let nearest = found.last();
    let mut modality = match (strong, nearest) {
        (Some(&(_, m, _)), _) => m,
        (None, Some(&(_, m, _))) => m,
        (None, None) if had_expected() => Modality::Planned,
        (None, None) => Modality::Asserted,
    };
    // "11,000 troops are believed to have been sent".
    if modality == Modality::Asserted {
        if let Some((_, m, _)) = cues(after)
            .into_iter()
            .take_while(|(n, _, _)| *n < 60)
            .find(|(n, m, cue)| {
                let between = &after[..*n];
                *m != Modality::Reported
                    // "killed in May": the month.
                    && *cue != "May"
                    && between
                        .split_whitespace()
                        .any(|w| matches!(w, "are" | "is" | "were" | "was" | "be"))
                    // Not the modal of another clause: "were sent and the
                    // rest could follow".
                    && !between.contains([',', ';', ':'])
                    && !between.split_whitespace().any(is_clause_link)
            })
        {
            modality = m;
        }
    }
    // "as many as 2,000 positions could go", "5,000 troops will be sent":
    // a modal right after the figure's noun phrase.
    if modality == Modality::Asserted {
        if let Some(&(n, m, cue)) = cues(after).first() {
            let between = &after[..n];
            let words: Vec<&str> = between.split_whitespace().collect();
            // A modal verb, as written in lower case: not the month "May",
            // nor "planned strikes" or "to deploy".
            let modal = matches!(
                cue,
                "could"
                    | "may"
                    | "might"
                    | "will"
                    | "would"
                    | "is set to"
                    | "are set to"
                    | "is to be"
                    | "are to be"
                    | "expected to"
                    | "plans to"
                    | "plan to"
            );
            if modal
                && matches!(m, Modality::Possible | Modality::Planned)
                && words.len() <= 4
                && between
                    .chars()
                    .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-')
                && !words.iter().any(|w| is_clause_link(w))
            {
                modality = m;
            }
        }
    }
    if modality == Modality::Asserted && q.qualifier == Some(Qualifier::Estimated) {
        modality = Modality::Estimated;
    }
    (modality, hedges)
}

/// Words that open another clause between a figure and a modal: the modal
/// is that clause's ("2,000 troops and the government could …").
fn is_clause_link(word: &str) -> bool {
    crate::case::ascii_lowercase(word, |w| {
        matches!(
            w,
            "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "while"
                | "as"
                | "because"
                | "if"
                | "when"
                | "than"
                | "so"
                | "where"
        )
    })
}

/// All of [`HEDGES`] in one automaton: a sentence is searched once, not
/// once per hedge.
static HEDGE_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(HEDGES).ok());

/// The [`HEDGES`] that `lower` contains as whole words, in the list's
/// order.
fn hedges_in(lower: &str) -> Vec<&'static str> {
    let Some(finder) = HEDGE_FINDER.as_ref() else {
        return HEDGES
            .iter()
            .copied()
            .filter(|h| contains_word(lower, h))
            .collect();
    };
    let mut found = [false; HEDGES.len()];
    for m in finder.find_overlapping_iter(lower) {
        if whole_word(lower, m.start(), m.end()) {
            found[m.pattern().as_usize()] = true;
        }
    }
    HEDGES
        .iter()
        .zip(found)
        .filter_map(|(h, f)| f.then_some(*h))
        .collect()
}

/// True when `haystack[start..end]` is not inside a longer word.
fn whole_word(haystack: &str, start: usize, end: usize) -> bool {
    let before_ok = haystack[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = haystack[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack
        .match_indices(needle)
        .any(|(n, _)| whole_word(haystack, n, n + needle.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::find;

    proptest::proptest! {
        /// One pass of the automaton finds the hedges that searching for
        /// each one finds.
        #[test]
        fn hedges_in_finds_what_each_search_finds(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "reportedly", "allegedly", "believed", "believes", "estimated", "estimates",
                "estimate", "unconfirmed", "likely", "unlikely", "possibly", "potentially",
                "thought", "to", "appears", "suggests", "unverified", "estimatedly", "troops",
                "x", "-", ",", "é", "believedé", "2", "thoughtto",
            ]),
            0..12,
        ), glue in proptest::sample::select(vec![" ", "", "-", "  "])) {
            let line = words.join(glue);
            let each: Vec<&str> = HEDGES.iter().copied().filter(|h| contains_word(&line, h)).collect();
            proptest::prop_assert_eq!(hedges_in(&line), each);
        }
    }

    fn m(s: &str) -> (Modality, Vec<String>) {
        let q = find(s)
            .into_iter()
            .rfind(|q| q.kind.is_figure())
            .expect("a figure");
        modality(s, &q)
    }

    #[test]
    fn agreed_to_send_is_planned() {
        assert_eq!(m("Kim agreed to send 1,000 sappers").0, Modality::Planned);
    }

    #[test]
    fn is_to_total_and_are_to_be_sent_are_planned() {
        assert_eq!(
            m("The exchange is to total 1,000 prisoners on each side").0,
            Modality::Planned
        );
        assert_eq!(
            m("Another 500 troops are to be sent next month").0,
            Modality::Planned
        );
        assert_eq!(
            m("The exchange totalled 1,000 prisoners").0,
            Modality::Asserted
        );
        // Not another clause's: the report is to be published.
        assert_eq!(
            m("The ministry, whose report is to be published next week, said 1,200 people were killed").0,
            Modality::Asserted
        );
    }

    #[test]
    fn expected_to_deploy_is_planned() {
        assert_eq!(
            m("North Korea is expected to deploy thousands of workers").0,
            Modality::Planned
        );
    }

    #[test]
    fn analysts_had_expected_revenue_of_4_1_billion_is_a_forecast() {
        assert_eq!(
            m("Analysts had expected revenue of $4.1 billion").0,
            Modality::Planned
        );
        assert_eq!(
            m("The company cut its sales forecast to 1.1 million vehicles").0,
            Modality::Planned
        );
        assert_eq!(m("Revenue rose to $4.2 billion").0, Modality::Asserted);
    }

    #[test]
    fn reportedly_agreed_to_dispatch_is_planned_with_a_hedge() {
        let (modality, hedges) = m("the two sides reportedly agreed to dispatch 6,000 engineers");
        assert_eq!(modality, Modality::Planned);
        assert_eq!(hedges, vec!["reportedly"]);
    }

    #[test]
    fn roughly_is_a_hedge_as_written() {
        let (_, hedges) = m("deployed roughly 15,000 soldiers");
        assert_eq!(hedges, vec!["roughly"]);
        let (_, hedges) = m("deployed more than 15,000 soldiers");
        assert!(hedges.is_empty());
    }

    #[test]
    fn could_send_is_possible() {
        assert_eq!(m("North Korea could send 5,000 more").0, Modality::Possible);
    }

    #[test]
    fn as_many_as_2000_positions_could_go() {
        assert_eq!(
            m("A person familiar with the matter said as many as 2,000 positions could go.").0,
            Modality::Possible
        );
        assert_eq!(
            m("Officials said 5,000 more troops will be sent next month.").0,
            Modality::Planned
        );
        // The month May, an adjective, an infinitive: not modals.
        for s in [
            "North Korea sent 300 troops in May.",
            "Police said 300 people were killed in May.",
            "Workers staged 300 planned strikes.",
            "Pyongyang has sent 3,000 troops to deploy near Kursk.",
        ] {
            assert_eq!(m(s).0, Modality::Asserted, "{s}");
        }
        // The modal of another clause, or past a comma, is not the figure's.
        assert_eq!(
            m("Officials said 5,000 troops were sent and the rest could follow.").0,
            Modality::Asserted
        );
        assert_eq!(
            m("Police arrested 300 people, which may rise.").0,
            Modality::Asserted
        );
        assert_eq!(
            m("The strike involved 12,000 dockworkers who could lose pay.").0,
            Modality::Asserted
        );
    }

    #[test]
    fn believes_is_believed() {
        assert_eq!(
            m("The agency also believes North Korea has sent more than 10 million shells").0,
            Modality::Believed
        );
    }

    #[test]
    fn estimates_that_is_estimated() {
        assert_eq!(m("South Korean intelligence estimates that North Korea has now deployed roughly 15,000 soldiers").0, Modality::Estimated);
    }

    #[test]
    fn an_estimated_11_000_is_estimated() {
        assert_eq!(
            m("In November 2024, Pyongyang sent an estimated 11,000 troops").0,
            Modality::Estimated
        );
    }

    #[test]
    fn reportedly_sent_is_reported() {
        assert_eq!(
            m("North Korea has reportedly sent thousands more soldiers").0,
            Modality::Reported
        );
    }

    #[test]
    fn told_lawmakers_is_asserted() {
        assert_eq!(m("The NIS told lawmakers that Pyongyang has dispatched about 5,000 military personnel").0, Modality::Asserted);
    }

    #[test]
    fn are_believed_to_after_the_figure() {
        assert_eq!(
            m("About 11,000 troops are believed to have been sent").0,
            Modality::Believed
        );
    }

    #[test]
    fn denied_sending() {
        assert_eq!(
            m("Moscow denied receiving 5,000 troops").0,
            Modality::Denied
        );
    }

    #[test]
    fn maybe_is_not_may() {
        assert_eq!(m("Maybe 5,000 troops went").0, Modality::Asserted);
    }
}
