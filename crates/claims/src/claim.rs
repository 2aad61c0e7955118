//! Claims: a figure plus what it counts, when, how firmly, and who says so.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::attribution::cue::{Cue, CueKind, cues};
use crate::attribution::{Attribution, Attributor};
use crate::case::ascii_lowercase;
use crate::counted::{Counted, counted, counted_before};
use crate::modality::{Modality, modality};
use crate::quantity::{self, Kind, Qualifier, Quantity, Unit};
use crate::registry::SourceRegistry;
use crate::sentence::sentences;
use crate::time::{Date, DateInterval, Direction, TimeExpr, TimeScope, find_scopes, resolve};

/// One numeric claim of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The figure expression exactly as written ("about 5,000").
    pub text: String,
    /// Byte span of `text` in the document text.
    pub span: Range<usize>,
    /// The sentence the figure is in.
    pub sentence: String,
    /// Byte span of the sentence in the document text.
    pub sentence_span: Range<usize>,
    /// The number as written, for single figures.
    pub value: Option<f64>,
    /// Lower bound, `None` when unbounded.
    pub low: Option<f64>,
    /// Upper bound, `None` when unbounded.
    pub high: Option<f64>,
    /// Kind of figure.
    pub kind: Kind,
    /// Qualifier shaping the interval.
    pub qualifier: Option<Qualifier>,
    /// Currency or percent unit.
    pub unit: Option<Unit>,
    /// An increment: "another 1,000", "thousands more".
    pub additional: bool,
    /// What is counted.
    pub counted: Option<Counted>,
    /// Who acts, when plain ("Pyongyang" in "Pyongyang has dispatched").
    pub actor: Option<String>,
    /// The action lemma ("send", "deploy", "control").
    pub action: Option<String>,
    /// The time scope of the figure.
    pub time: Option<TimeScopeInfo>,
    /// How firmly the figure is put forward.
    pub modality: Modality,
    /// Hedge words around the figure.
    pub hedges: Vec<String>,
    /// Who the figure is attributed to.
    pub attribution: Option<Attribution>,
}

/// A claim's time scope: as written, and resolved when the document is dated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeScopeInfo {
    /// The expression as written ("since September").
    pub as_written: String,
    /// Its meaning.
    pub expr: TimeExpr,
    /// True for running totals ("since …", "in total", "so far").
    pub cumulative: bool,
    /// Past, present or future.
    pub direction: Direction,
    /// The dates it covers, when they can be worked out.
    pub resolved: Option<DateInterval>,
}

/// Action verbs and their lemmas.
const ACTIONS: &[(&str, &str)] = &[
    ("sent", "send"),
    ("send", "send"),
    ("sends", "send"),
    ("sending", "send"),
    ("dispatched", "dispatch"),
    ("dispatch", "dispatch"),
    ("deployed", "deploy"),
    ("deploy", "deploy"),
    ("deploying", "deploy"),
    ("supplied", "supply"),
    ("provided", "provide"),
    ("killed", "kill"),
    ("killing", "kill"),
    ("died", "die"),
    ("controls", "control"),
    ("control", "control"),
    ("launched", "launch"),
    ("recruited", "recruit"),
    ("moving", "move"),
    ("moved", "move"),
    ("positioned", "position"),
    ("stationed", "station"),
    ("lost", "lose"),
    ("captured", "capture"),
    ("released", "release"),
    ("freed", "release"),
    ("returned", "release"),
    ("exchanged", "release"),
    ("swapped", "release"),
    ("handed", "release"),
    ("holds", "hold"),
    ("holding", "hold"),
    ("pledged", "pledge"),
    ("pledges", "pledge"),
    ("promised", "pledge"),
    ("won", "win"),
    ("win", "win"),
    ("wins", "win"),
    ("winning", "win"),
    ("received", "receive"),
    ("arrested", "arrest"),
    ("detained", "detain"),
    ("wounded", "wound"),
    ("wounding", "wound"),
    ("injured", "injure"),
    ("injuring", "injure"),
    ("fled", "flee"),
    ("evacuated", "evacuate"),
    ("evacuate", "evacuate"),
    ("evacuating", "evacuate"),
    ("fleeing", "flee"),
    ("displaced", "displace"),
    ("attended", "attend"),
    ("marched", "march"),
    ("demonstrated", "protest"),
    ("gathered", "gather"),
    ("rallied", "rally"),
    ("protested", "protest"),
    ("missing", "missing"),
    ("destroyed", "destroy"),
    ("damaged", "damage"),
    ("burned", "burn"),
    ("burnt", "burn"),
    ("drowned", "die"),
    // "trapping 47 miners", "23 remain trapped", "rescued 21", "Three
    // miners were confirmed dead".
    ("trapped", "trap"),
    ("trapping", "trap"),
    ("rescued", "rescue"),
    ("rescuing", "rescue"),
    ("dead", "die"),
    ("treated", "injure"),
];

fn action_of(word: &str) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, a)| *a)
}

fn is_aux(word: &str) -> bool {
    ascii_lowercase(word, is_aux_lower)
}

/// [`is_aux`] of a word already lower-cased.
fn is_aux_lower(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "now"
            | "also"
            | "already"
            | "reportedly"
            | "to"
            | "agreed"
            | "expected"
            | "likely"
            | "preparing"
            | "will"
            | "could"
            | "may"
            | "might"
            | "would"
            | "plans"
            | "planned"
            | "set"
            | "allegedly"
            | "recently"
            | "previously"
            | "since"
    )
}

/// The actor and action around a figure: the nearest action verb before it
/// in its clause (with the capitalised subject before that verb), else the
/// first after it ("troops were sent").
fn actor_action(sentence: &str, q: &Quantity) -> (Option<String>, Option<String>) {
    let before = &sentence[..q.start];
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // "Three miners were confirmed dead and 23 remain trapped": a figure
    // that opens a conjoined clause takes its own clause's verb, when it
    // has one, not the clause before's.
    if words
        .last()
        .is_some_and(|w| matches!(*w, "and" | "but" | "while" | "whereas"))
        && let Some(a) = action_after(sentence, q)
    {
        return (None, Some(a));
    }
    for (n, w) in words.iter().enumerate().rev().take(8) {
        // "the opposition took 94 seats", "secured 178 seats": "took" or
        // "secured" right before a figure of seats, votes or a share of the
        // vote is what a party or a candidate won (not "took 12 days",
        // "secured 12 buildings").
        let took = n + 1 == words.len()
            && matches!(
                *w,
                "took" | "takes" | "take" | "secured" | "secures" | "gained"
            )
            && sentence[q.end..]
                .split_whitespace()
                .next()
                .is_some_and(|next| {
                    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
                    matches!(next, "seats" | "seat" | "votes")
                        || (matches!(next, "percent" | "per" | "of") || q.kind == Kind::Percent)
                            && sentence[q.end..].contains("of the vote")
                });
        if took || action_of(w) == Some("win") {
            return (winner(before, w), Some("win".to_string()));
        }
        // "Germany raised its pledge for Sudan to 150 million euros": the
        // pledge is its subject's.
        if (w.eq_ignore_ascii_case("pledge") || w.eq_ignore_ascii_case("pledges"))
            && n >= 2
            && matches!(words[n - 1], "its" | "their")
            && matches!(
                words[n - 2],
                "raised" | "increased" | "lifted" | "doubled" | "cut" | "reduced" | "lowered"
            )
        {
            return (
                capitalised_before(&words, n - 2),
                Some("pledge".to_string()),
            );
        }
        // "appealed for $4.2 billion", not "appealed against the decision".
        let appeal = || {
            w.eq_ignore_ascii_case("appealed")
                && words
                    .get(n + 1)
                    .is_some_and(|x| x.eq_ignore_ascii_case("for"))
        };
        if let Some(a) = action_of(w).or_else(|| appeal().then_some("appeal")) {
            let mut k = n;
            while k > 0 && is_aux(words[k - 1]) {
                k -= 1;
            }
            return (capitalised_before(&words, k), Some(a.to_string()));
        }
    }
    (None, action_after(sentence, q))
}

/// The run of up to four capitalised words right before `words[k]`, the
/// actor of the verb there ("Germany raised", "North Korea sent").
fn capitalised_before(words: &[&str], k: usize) -> Option<String> {
    let start = words[..k]
        .iter()
        .rev()
        .take(4)
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    (start > 0).then(|| words[k - start..k].join(" "))
}

/// The action of the words after a figure, up to the next figure: "23
/// remain trapped", "195,000 people took part" (attended).
fn action_after(sentence: &str, q: &Quantity) -> Option<String> {
    let after = &sentence[q.end..];
    for w in after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
    {
        // Another figure's words are its own: "51 dead and more than 100
        // wounded".
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if let Some(a) = action_of(w) {
            return Some(a.to_string());
        }
        // "195,000 people took part": attended.
        if w == "took"
            && after
                .split_whitespace()
                .skip_while(|x| !x.starts_with("took"))
                .nth(1)
                .is_some_and(|n| n.starts_with("part"))
        {
            return Some("attend".to_string());
        }
    }
    None
}

/// Who won the seats or votes of a figure: the noun phrase before the
/// verb `verb` (its last occurrence in `before`), back to a comma, a clause
/// word or the sentence's start, without its article: "The ruling party won
/// 182" → "ruling party", "…, while the opposition won 97" → "opposition",
/// "The opposition alliance, which took 94 seats" → "opposition alliance".
fn winner(before: &str, verb: &str) -> Option<String> {
    let at = before.rfind(verb)?;
    let mut head = before[..at].trim_end();
    // Auxiliaries and adverbs before the verb: "has won", "narrowly won".
    loop {
        let last = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let adverb = last.len() > 4
            && last.ends_with("ly")
            && last.starts_with(|c: char| c.is_ascii_lowercase());
        if !last.is_empty() && (is_aux(last) || adverb) {
            head = head[..head.len() - last.len()].trim_end();
        } else {
            break;
        }
    }
    // "The opposition alliance, which took": the relative clause's
    // antecedent.
    for relative in ["which", "who", "that"] {
        if let Some(h) = head.strip_suffix(relative)
            && h.ends_with([' ', ','])
        {
            head = h.trim_end().trim_end_matches(',').trim_end();
            break;
        }
    }
    let clause = head.rsplit([',', ';', ':', '(']).next().unwrap_or(head);
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    if let Some(k) = words.iter().rposition(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "while" | "and" | "but" | "whereas" | "as" | "after" | "that" | "said" | "says"
        )
    }) {
        words.drain(..=k);
    }
    if words.len() > 4 {
        words.drain(..words.len() - 4);
    }
    while words
        .first()
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "the" | "a" | "an" | "its"))
    {
        words.remove(0);
    }
    // A figure or a pronoun is no winner: "12 of them won", "it won".
    let plausible = !words.is_empty()
        && words
            .iter()
            .all(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        && !matches!(words.as_slice(), [w] if matches!(w.to_ascii_lowercase().as_str(), "it" | "they" | "he" | "she" | "we"));
    plausible.then(|| words.join(" "))
}

/// Phrases right before a figure that make it an earlier value the
/// sentence compares another with, lower-cased.
const EARLIER_VALUE: &[&str] = &[
    "up from",
    "down from",
    "a peak of",
    "a high of",
    "a low of",
    "revised from",
];

/// An earlier value: "31,000 …, up from 24,000", "3,000, down from a peak
/// of 7,000", "fell to $300 million from $450 million", "raising an earlier
/// toll of 12", "down from an earlier forecast of 1.25 million". The figure
/// right after the phrase is the earlier one ([`TimeExpr::Earlier`]); the
/// figure it is compared with keeps its own scope.
fn earlier_value(sentence: &str, q: &Quantity) -> Option<TimeScopeInfo> {
    let before = sentence.get(..q.start)?.trim_end();
    let info = |at: usize| TimeScopeInfo {
        as_written: before[at..].to_string(),
        expr: TimeExpr::Earlier,
        cumulative: false,
        direction: Direction::Past,
        resolved: None,
    };
    let word_start = |at: usize| {
        before[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    for phrase in EARLIER_VALUE {
        if let Some(at) = before.len().checked_sub(phrase.len())
            && before.is_char_boundary(at)
            && word_start(at)
            && before[at..].eq_ignore_ascii_case(phrase)
        {
            return Some(info(at));
        }
    }
    // The last words, from the end, with their starts (only when the
    // sentence so far ends in "of" or "from": most figures need none).
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if !(last.eq_ignore_ascii_case("of") || last.eq_ignore_ascii_case("from")) {
        return None;
    }
    let words: Vec<(usize, &str)> = crate::counted::words_from_end(before, 4)
        .into_iter()
        .map(|(a, b)| (a, &before[a..b]))
        .collect();
    let word = |k: usize| words.get(k - 1).copied();
    let is = |k: usize, list: &[&str]| {
        word(k).is_some_and(|(_, w)| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    // "an earlier toll of", "its previous forecast of".
    if is(1, &["of"])
        && is(
            2,
            &[
                "toll",
                "figure",
                "estimate",
                "count",
                "total",
                "tally",
                "forecast",
                "target",
                "guidance",
                "projection",
            ],
        )
        && is(3, &["earlier", "previous", "prior", "original", "initial"])
    {
        let at = if is(4, &["a", "an", "the", "its", "their"]) {
            word(4).map_or(0, |(i, _)| i)
        } else {
            word(3).map_or(0, |(i, _)| i)
        };
        return Some(info(at));
    }
    // "fell to $300 million from $450 million": "from" right after a figure.
    if is(1, &["from"])
        && word(2).is_some_and(|(_, prev)| {
            prev.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                || ["million", "billion", "thousand", "percent", "trillion"]
                    .iter()
                    .any(|u| prev.eq_ignore_ascii_case(u))
        })
    {
        return word(1).map(|(at, _)| info(at));
    }
    None
}

/// The time scope that belongs to a figure: the nearest scope after it in
/// the sentence, else the nearest before it. A scope right after a
/// speaker's cue dates the saying, not the figure ("the death toll rose to
/// 1,240, the Interior Ministry said on Sunday"): it is not the figure's.
///
/// `scopes` are the sentence's [`find_scopes`], found once for all its
/// figures; `found` its cues (the speakers' among them: "the ministry said").
fn time_of(
    sentence: &str,
    scopes: &[TimeScope],
    found: &[Cue],
    q: &Quantity,
    next_figure: Option<usize>,
    published: Option<Date>,
) -> Option<TimeScopeInfo> {
    // A scope past the next figure, in another clause, is that figure's:
    // "Turnout was 58 percent, down from 64 percent in 2021" (not "1,000
    // sappers and 5,000 workers since September").
    let beyond = |s: &TimeScope| {
        next_figure.is_some_and(|n| {
            n < s.start
                && sentence
                    .get(q.end..n)
                    .is_some_and(|b| b.contains([',', ';', ':', '—']))
        })
    };
    // A running total ("since February") is the figure's wherever it is.
    // The time of saying follows the speech verb, or the place or medium
    // of saying: "said in its daily intelligence update on Wednesday".
    let of_saying = |s: &TimeScope| {
        !s.cumulative
            && found.iter().any(|c| {
                c.kind == CueKind::Speaker
                    && c.end <= s.start
                    // Not with the figure between: "said at least twelve
                    // people were killed on Monday".
                    && !(c.end <= q.start && q.end <= s.start)
                    && sentence
                        .get(c.end..s.start)
                        .is_some_and(is_a_setting_of_saying)
            })
    };
    let after = scopes
        .iter()
        .find(|s| s.start >= q.end && !of_saying(s))
        .filter(|s| !beyond(s));
    let before = scopes
        .iter()
        .rev()
        .find(|s| s.end <= q.start && !of_saying(s));
    // A fronted scope governs the clause: "In November 2024, Pyongyang sent …".
    let fronted = before.filter(|s| {
        sentence[..s.start].split_whitespace().count() <= 1
            && sentence[s.end..].trim_start().starts_with(',')
    });
    let s = fronted.or(after).or(before)?;
    Some(TimeScopeInfo {
        as_written: s.text(sentence).to_string(),
        expr: s.expr.clone(),
        cumulative: s.cumulative,
        direction: s.direction,
        resolved: resolve(&s.expr, published),
    })
}

/// Whether the words between a speech verb and a time scope place the
/// saying, not the figure: nothing, or a short phrase of place or medium
/// ("in a statement", "in its daily intelligence update", "at a
/// briefing"): at most six words, no figure, no clause break.
fn is_a_setting_of_saying(between: &str) -> bool {
    let between = between.trim();
    if between.is_empty() {
        return true;
    }
    let mut words = between.split_whitespace();
    let lead = words.next().unwrap_or("");
    ["in", "at", "during"]
        .iter()
        .any(|p| lead.eq_ignore_ascii_case(p))
        && words.count() < 6
        && !between.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | ':'))
}

/// Small written numbers after a determiner refer back ("the two sides", "the four territories").
fn is_referential(sentence: &str, q: &Quantity) -> bool {
    let text = q.text(sentence);
    if text.starts_with(|c: char| c.is_ascii_digit()) || q.value.is_none_or(|v| v >= 100.0) {
        return false;
    }
    let before = sentence[..q.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "the", "these", "those", "both", "its", "their", "his", "her", "our", "all",
    ]
    .iter()
    .any(|w| prev.eq_ignore_ascii_case(w))
}

/// Words for units of time, singular and plural.
fn is_time_unit(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix('s').unwrap_or(w);
    crate::counted::DURATIONS
        .iter()
        .any(|u| w.eq_ignore_ascii_case(u))
}

/// Numbers in a sentence that count nothing an editor checks:
/// - a unit adjective: "a 48-hour strike", "a 10-year-old boy";
/// - an age: "children under five", "people over 65", "aged 18";
/// - the span of another figure: "over three days", "in the past 24
///   hours", "within two weeks".
fn is_not_a_count(sentence: &str, q: &Quantity) -> bool {
    let after = &sentence[q.end..];
    if let Some(unit) = after.strip_prefix('-')
        && is_time_unit(
            unit.split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or(""),
        )
    {
        return true;
    }
    // "the 112 emergency number", "the 911 line": a number that names a
    // line, not a count.
    let prev_the = sentence[..q.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if prev_the {
        let mut next = after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let first = next.next().unwrap_or("");
        let line = |w: &str| {
            ["number", "hotline", "helpline", "line"]
                .iter()
                .any(|l| w.eq_ignore_ascii_case(l))
        };
        if line(first) || (first.eq_ignore_ascii_case("emergency") && next.next().is_some_and(line))
        {
            return true;
        }
    }
    // "five times the government's figure": a multiplier.
    if after
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("times"))
    {
        return true;
    }
    let text = q.text(sentence);
    let first = text.split_whitespace().next().unwrap_or("");
    let prev = sentence[..q.start]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    // "children under five", "aged 18".
    let people = [
        "children",
        "child",
        "kids",
        "people",
        "adults",
        "those",
        "men",
        "women",
        "girls",
        "boys",
        "residents",
        "patients",
        "infants",
        "babies",
        "anyone",
        "persons",
        "victims",
    ];
    if (is(first, &["under", "over", "below", "above"]) && is(prev, &people))
        || is(prev, &["aged", "age", "ages"])
    {
        return true;
    }
    // "over three days", "in the past 24 hours", "within two weeks".
    let next = after.split_whitespace().next().unwrap_or("");
    is_time_unit(next)
        && next.chars().next().is_some_and(char::is_alphabetic)
        && (is(first, &["over"])
            || is(
                prev,
                &[
                    "within",
                    "during",
                    "past",
                    "last",
                    "previous",
                    "next",
                    "first",
                    "following",
                    "over",
                ],
            ))
}

/// "handed over 307 prisoners": "over" is the verb's particle, not "more
/// than"; the figure is 307 exactly.
fn without_particle(sentence: &str, mut q: Quantity) -> Quantity {
    let text = q.text(sentence);
    let Some(rest) = text.strip_prefix("over ") else {
        return q;
    };
    let verb = sentence[..q.start]
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let particle = [
        "handed", "hand", "hands", "handing", "turned", "turn", "turns", "turning",
    ]
    .iter()
    .any(|v| verb.eq_ignore_ascii_case(v));
    if particle && q.qualifier == Some(Qualifier::MoreThan) {
        q.start = q.end - rest.trim_start().len();
        q.qualifier = None;
        q.low = q.value;
        q.high = q.value;
    }
    q
}

/// Drops the whole of "182 of the 300 seats", "two of the five victims":
/// the part is the claim (its counted phrase, "300 seats", names the
/// whole), and the whole is not a rival count of it.
fn drop_denominators(sentence: &str, figures: &mut Vec<Quantity>) {
    // The end of the figure before, kept or not.
    let mut previous_end: Option<usize> = None;
    figures.retain(|q| {
        // "182 of the 300 seats", "1,100 of the airline's 1,350 pilots",
        // "40 of its 120 planes".
        let of_the = previous_end.is_some_and(|end| {
            let mut words = sentence.get(end..q.start).unwrap_or("").split_whitespace();
            words.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && match words.next() {
                    Some(w) if w.eq_ignore_ascii_case("the") => words
                        .next()
                        .is_none_or(|owner| owner.ends_with("'s") || owner.ends_with("’s")),
                    Some(w) => ["its", "their", "his", "her"]
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p)),
                    None => false,
                }
                && words.next().is_none()
        });
        previous_end = Some(q.end);
        !of_the
    });
}

/// What [`extract`] needs to know about a document.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The document text.
    pub text: &'a str,
    /// Byte ranges of the blocks that are the article (not comments, sidebars …).
    pub blocks: &'a [Range<usize>],
    /// Publication date, when known.
    pub published: Option<Date>,
}

/// Every claim in the article blocks of a document, in order.
///
/// ```
/// use crosscheck_claims::claim::{extract, Source};
/// use crosscheck_claims::registry::SourceRegistry;
///
/// let text = "The NIS told lawmakers that Pyongyang has dispatched about 5,000 military personnel to Russia since September.";
/// let blocks = [0..text.len()];
/// let claims = extract(Source { text, blocks: &blocks, published: None }, &SourceRegistry::with_defaults());
/// assert_eq!(claims[0].text, "about 5,000");
/// assert_eq!(claims[0].counted.as_ref().unwrap().head, "personnel");
/// assert_eq!(claims[0].attribution.as_ref().unwrap().source, "NIS");
/// assert_eq!(claims[0].time.as_ref().unwrap().as_written, "since September");
/// ```
pub fn extract(doc: Source<'_>, registry: &SourceRegistry) -> Vec<Claim> {
    extract_cued(doc, registry).claims
}

/// What [`extract_cued`] finds in a document: its claims, and every
/// sentence of its article blocks with the attribution [`cues`] in it (the
/// ones that name a source without a figure too).
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Every claim, in order, as [`extract`] gives them.
    pub claims: Vec<Claim>,
    /// Byte span in the text of each sentence of the article blocks, in
    /// order, with its cues.
    pub sentences: Vec<(Range<usize>, Vec<Cue>)>,
}

/// [`extract`], keeping the cues of every sentence: a caller that looks
/// for sources in the same sentences (the source ledger) need not parse
/// them again.
///
/// ```
/// use crosscheck_claims::claim::{extract_cued, Source};
/// use crosscheck_claims::registry::SourceRegistry;
///
/// let text = "Officials said 5 people died. Rescuers, the ministry said, are searching.";
/// let blocks = [0..text.len()];
/// let found = extract_cued(Source { text, blocks: &blocks, published: None }, &SourceRegistry::with_defaults());
/// assert_eq!(found.claims.len(), 1);
/// assert_eq!(found.sentences.len(), 2);
/// assert_eq!(found.sentences[1].1[0].mentions, ["the ministry"]);
/// ```
pub fn extract_cued(doc: Source<'_>, registry: &SourceRegistry) -> Extraction {
    let mut attributor = Attributor::new(registry, doc.text);
    let mut out = Vec::new();
    let mut cued = Vec::new();
    // The dated period of the last figure of the sentence before ("…
    // arrived over the weekend"), for a figure that refers back to it
    // ("UNHCR put the number of arrivals at 1,150").
    let mut period_before: Option<TimeScopeInfo> = None;
    for block in doc.blocks {
        let Some(block_text) = doc.text.get(block.clone()) else {
            continue;
        };
        for s in sentences(block_text) {
            let sentence_span = block.start + s.start..block.start + s.end;
            let sentence = &doc.text[sentence_span.clone()];
            let found = cues(sentence);
            // A number of people inside a source's description is not a
            // claim: "Two officials said", "according to three people
            // familiar with the matter" (but "according to a government
            // tally of 870 deaths" is).
            let in_cue = |q: &Quantity| {
                found.iter().any(|c| c.start <= q.start && q.end <= c.end)
                    && crate::attribution::cue::names_a_source(&sentence[q.end..])
            };
            let mut figures: Vec<Quantity> = quantity::find(sentence)
                .into_iter()
                .filter(|q| {
                    q.kind.is_figure()
                        && !is_referential(sentence, q)
                        && !in_cue(q)
                        && !is_not_a_count(sentence, q)
                })
                .map(|q| without_particle(sentence, q))
                .collect();
            drop_denominators(sentence, &mut figures);
            let positions: Vec<usize> = figures.iter().map(|q| q.start).collect();
            let attributions = attributor.sentence_cued(sentence, &found, &positions);
            let mut previous: Option<Counted> = None;
            // The sentence's time scopes, found once (and only when a figure needs them).
            let mut scopes: Option<Vec<TimeScope>> = None;
            let first_claim = out.len();
            for (q, attribution) in figures.into_iter().zip(attributions) {
                // The noun after the figure; else a toll named before it
                // ("the death toll rose to 1,500").
                let mut what = counted(&q, &sentence[q.end..])
                    .or_else(|| counted_before(&q, &sentence[..q.start]));
                if what.is_none() && q.kind != Kind::Percent && q.kind != Kind::Money {
                    // "10,000-12,000 troops …, with an additional 3,000-4,000 deployed".
                    what = previous.clone().map(|mut c| {
                        c.elided = true;
                        c
                    });
                }
                let Some(what) = what.or_else(|| unit_only(&q)) else {
                    continue;
                };
                previous = Some(what.clone());
                // A length of time in a sentence that names no source
                // ("The ceasefire came 12 days after their latest clashes")
                // is narration: the last speaker is not carried to it.
                let attribution = attribution.filter(|a| {
                    !(a.inherited && what.category == crate::counted::Category::Duration)
                });
                let (modality, hedges) = modality(sentence, &q);
                let (actor, action) = actor_action(sentence, &q);
                // "The European Union pledged 522 million euros", "The
                // United Nations had appealed for $4.2 billion" with no
                // speaker in the sentence: a named body's pledge or appeal
                // is its own statement, not the last speaker's.
                let attribution = match (action.as_deref(), actor.as_deref()) {
                    (Some("pledge" | "appeal"), Some(subject))
                        if attribution.as_ref().is_none_or(|a| a.inherited) =>
                    {
                        attributor.own_statement(subject).or(attribution)
                    }
                    _ => attribution,
                };
                out.push(Claim {
                    text: q.text(sentence).to_string(),
                    span: sentence_span.start + q.start..sentence_span.start + q.end,
                    sentence: sentence.to_string(),
                    sentence_span: sentence_span.clone(),
                    value: q.value,
                    low: q.low,
                    high: q.high,
                    kind: q.kind,
                    qualifier: q.qualifier,
                    unit: q.unit,
                    additional: q.additional,
                    counted: Some(what),
                    actor,
                    action,
                    time: earlier_value(sentence, &q)
                        .or_else(|| {
                            time_of(
                                sentence,
                                scopes.get_or_insert_with(|| find_scopes(sentence)),
                                &found,
                                &q,
                                positions.iter().copied().find(|&p| p >= q.end),
                                doc.published,
                            )
                        })
                        .or_else(|| {
                            period_before.clone().filter(|_| {
                                refers_to_a_number(&sentence[..q.start])
                                    || refers_to_a_period(sentence)
                            })
                        }),
                    modality,
                    hedges,
                    attribution,
                });
            }
            period_before = out[first_claim..]
                .iter()
                .rev()
                .find_map(|c| c.time.as_ref().filter(|t| is_dated_period(t)))
                .cloned();
            cued.push((sentence_span, found));
        }
    }
    // A batch keeps every document's claims until the audit ends: no room
    // left over from the vector's growth.
    out.shrink_to_fit();
    Extraction {
        claims: out,
        sentences: cued,
    }
}

/// Whether the words before a figure refer to a number already given:
/// "UNHCR put the number of arrivals at 1,150", "put the figure at".
fn refers_to_a_number(before: &str) -> bool {
    // A part of the figure before, when the sentence opens with it: "Of
    // those returned to Ukraine, 270 were soldiers" (not "Relatives of
    // those detained said 300 …").
    let opening = before.trim_start();
    let part_of_it = [
        "of those",
        "of them",
        "among them",
        "among those",
        "of whom",
    ]
    .iter()
    .any(|p| {
        opening
            .get(..p.len())
            .is_some_and(|o| o.eq_ignore_ascii_case(p))
            && !opening[p.len()..].starts_with(char::is_alphanumeric)
    });
    part_of_it
        || contains_ci_words(
            before,
            &["the number", "the figure", "the count", "the tally"],
        )
}

/// Whether a sentence refers to the period of the sentence before: "during
/// the same week", "in the same period", "that day".
fn refers_to_a_period(sentence: &str) -> bool {
    contains_ci(
        sentence,
        &[
            "the same week",
            "the same day",
            "the same period",
            "the same month",
            "that week",
            "that day",
        ],
    )
}

/// [`contains_ci`] of whole words: "the count", not "the country".
fn contains_ci_words(text: &str, phrases: &[&str]) -> bool {
    let bytes = text.as_bytes();
    phrases.iter().any(|p| {
        bytes.windows(p.len()).enumerate().any(|(at, w)| {
            w.eq_ignore_ascii_case(p.as_bytes())
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                && bytes
                    .get(at + p.len())
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
    })
}

/// Whether `text` contains any of `phrases`, ASCII case-insensitively,
/// without a lower-cased copy.
fn contains_ci(text: &str, phrases: &[&str]) -> bool {
    let bytes = text.as_bytes();
    phrases.iter().any(|p| {
        bytes
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// A closed, dated period a figure was counted in ("over the weekend", "on
/// Saturday", "in July"): not a running total, a state, an earlier value
/// or a time ahead.
fn is_dated_period(t: &TimeScopeInfo) -> bool {
    t.direction != Direction::Future
        && !t.cumulative
        && !matches!(
            t.expr,
            TimeExpr::Earlier
                | TimeExpr::ToDate
                | TimeExpr::Now
                | TimeExpr::Since(_)
                | TimeExpr::AsOf(_)
        )
}

/// Money and percentages are claims even without a noun after them.
fn unit_only(q: &Quantity) -> Option<Counted> {
    use crate::counted::Category;
    let category = match q.kind {
        Kind::Money => Category::Money,
        Kind::Percent => Category::Percent,
        _ => return None,
    };
    Some(Counted {
        as_written: String::new(),
        head: match category {
            Category::Money => "money".to_string(),
            _ => "percent".to_string(),
        },
        modifiers: Vec::new(),
        also: Vec::new(),
        category,
        elided: false,
    })
}
