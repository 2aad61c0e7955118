//! What a figure counts: the noun phrase after it ("about 5,000 military
//! personnel"), its head lemma and modifiers, and its category.

use serde::{Deserialize, Serialize};

use crate::case::{ascii_lowercase, push_lowercase};
use crate::quantity::{Kind, Quantity};

/// The thing a figure counts, as written and normalized.
///
/// "North Korean military construction troops" → head `troop`, modifiers
/// `["north korean", "military construction"]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    /// The noun phrase as written ("North Korean military construction troops").
    pub as_written: String,
    /// Lemma of the head noun ("troop").
    pub head: String,
    /// Modifiers before the head, lower-cased, proper-noun runs kept together.
    pub modifiers: Vec<String>,
    /// Further heads joined by "and"/"or" ("military construction workers and deminers" → `["deminer"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// What sort of thing is counted.
    pub category: Category,
    /// True when the noun was not written after the figure but carried from
    /// the figure before it ("10,000-12,000 troops …, with an additional 3,000-4,000 deployed").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub elided: bool,
}

/// Broad category of the counted thing; clusters never mix categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// People or things counted one by one.
    Count,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A share of a whole ("half of", "two-thirds of").
    Share,
    /// A length of time ("12 days").
    Duration,
}

/// Words that end a counted noun phrase: verbs, prepositions, determiners, conjunctions.
fn is_stop(w: &str) -> bool {
    ascii_lowercase(w, is_stop_lower)
}

/// [`is_stop`] of a word already lower-cased.
fn is_stop_lower(w: &str) -> bool {
    matches!(
        w,
        "to" | "in"
            | "nationwide"
            | "worldwide"
            | "countrywide"
            | "abroad"
            | "into"
            | "at"
            | "on"
            | "for"
            | "from"
            | "with"
            | "by"
            | "near"
            | "since"
            | "during"
            | "of"
            | "over"
            | "under"
            | "across"
            | "after"
            | "before"
            | "as"
            | "than"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "who"
            | "which"
            | "that"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "but"
            | "or"
            | "and"
            | "so"
            | "if"
            | "while"
            | "when"
            | "where"
            | "whose"
            | "not"
            | "more"
            | "each"
            | "per"
            | "including"
            | "among"
            | "within"
            | "against"
            | "toward"
            | "towards"
            | "through"
            | "via"
            | "amid"
            | "despite"
            | "following"
            | "last"
            | "this year"
            | "so far"
            | "outside"
            | "overnight"
            | "today"
            | "yesterday"
            | "tonight"
            | "inside"
            | "around"
            | "along"
            | "beyond"
            | "without"
            | "between"
            | "behind"
            | "until"
            | "throughout"
            | "upon"
            | "aboard"
            | "now"
            | "currently"
            | "reportedly"
            | "also"
            | "already"
            | "still"
            | "then"
            | "there"
            | "here"
            | "yet"
            | "just"
    )
}

/// Words that look like nouns but are verbs or adverbs after a figure.
fn is_verbish(w: &str) -> bool {
    ascii_lowercase(w, is_verbish_lower)
}

/// [`is_verbish`] of a word already lower-cased.
fn is_verbish_lower(l: &str) -> bool {
    matches!(
        l,
        "deployed"
            | "sent"
            | "killed"
            | "wounded"
            | "injured"
            | "arrested"
            | "dispatched"
            | "moved"
            | "fled"
            | "died"
            | "remain"
            | "remained"
            | "left"
            | "joined"
            | "reported"
            | "estimated"
            | "believed"
            | "said"
            | "stationed"
            | "positioned"
            | "involved"
            | "needed"
            | "earlier"
            | "later"
            | "ago"
            | "total"
            | "altogether"
    ) || (l.len() > 4 && l.ends_with("ly"))
}

/// Irregular and common plural lemmas, lower-cased: "Troops" → "troop",
/// "casualties" → "casualty", "people" → "person".
pub fn lemma(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_lemma(&mut out, word);
    out
}

/// Appends [`lemma`] of `word` to `out`, without a string of its own (for
/// an ASCII word; another is lower-cased into one first).
///
/// ```
/// let mut out = String::from("construction ");
/// crosscheck_claims::counted::push_lemma(&mut out, "Workers");
/// assert_eq!(out, "construction worker");
/// ```
pub fn push_lemma(out: &mut String, word: &str) {
    let from = out.len();
    push_lowercase(out, word);
    let w = &out[from..];
    let irregular = match w {
        "people" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "personnel" | "staff" | "police" | "military" | "infantry" | "news" | "series" => {
            return;
        }
        "casualties" => "casualty",
        "territories" => "territory",
        "countries" => "country",
        "lives" => "life",
        "wives" => "wife",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        _ => "",
    };
    if !irregular.is_empty() {
        out.truncate(from);
        out.push_str(irregular);
        return;
    }
    // The rules below cut ASCII suffixes: the cuts fall on char boundaries.
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        out.truncate(from + stem.len());
        out.push('y');
        return;
    }
    if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|suffix| w.ends_with(suffix))
    {
        out.truncate(out.len() - 2);
        return;
    }
    if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        out.truncate(out.len() - 1);
    }
}

/// Participles that name people by what happened to them when they stand
/// right after a figure: "100 wounded", "12 killed", "300 detained".
fn is_outcome_participle(w: &str) -> bool {
    ascii_lowercase(w, |l| {
        matches!(
            l,
            "wounded"
                | "injured"
                | "killed"
                | "missing"
                | "displaced"
                | "detained"
                | "arrested"
                | "evacuated"
        )
    })
}

/// Whether `w`, after the phrase word `last` and before `next`, is the
/// clause's verb in the past tense rather than a word of the noun phrase:
/// "300 people protested outside", "2,000 dockworkers walked off the job"
/// (after a plural noun), "200 homes flooded" (before nothing, or a word
/// that ends a noun phrase). Not "North Korean armed forces".
fn is_past_verb(last: &str, w: &str, next: Option<&str>) -> bool {
    let past = (w.len() >= 5
        && w.is_ascii()
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !w.eq_ignore_ascii_case("hundred")
        && w.starts_with(|c: char| c.is_ascii_lowercase()))
        || is_irregular_past(w);
    if !past {
        return false;
    }
    let plural = ascii_lowercase(last, |l| {
        (l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && l.len() > 3)
            || matches!(
                l,
                "people" | "men" | "women" | "children" | "police" | "personnel" | "staff"
            )
    });
    plural || next.is_none_or(is_stop)
}

/// Irregular past tenses that end a noun phrase after a plural noun: "40,000
/// protesters took to the streets", "hundreds went missing".
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "took"
            | "went"
            | "came"
            | "gave"
            | "made"
            | "held"
            | "ran"
            | "stood"
            | "fell"
            | "rose"
            | "grew"
            | "began"
            | "drew"
            | "met"
            | "lost"
            | "won"
            | "kept"
            | "spent"
            | "brought"
            | "sought"
            | "fought"
    )
}

/// Verbs of taking part that, right after a figure, say the figure counts
/// people: "1.1 million took part", "5,000 marched".
fn is_taking_part(w: &str) -> bool {
    matches!(
        w,
        "took"
            | "marched"
            | "attended"
            | "demonstrated"
            | "protested"
            | "rallied"
            | "gathered"
            | "turned"
    )
}

/// Speech and counting verbs after a conjunct: "12,000 marchers and
/// organisers said 30,000" — "organisers" begins the next clause. The cue
/// grammar's own first words.
fn is_speaking(w: &str) -> bool {
    ascii_lowercase(w, |l| {
        crate::attribution::cue::is_speech_verb_word(l)
            || crate::attribution::cue::is_other_cue_word(l)
    })
}

pub(crate) const DURATIONS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
];

/// Splits `s` into words (letters, digits, apostrophes, inner hyphens) with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let skip = rest
            .char_indices()
            .find(|&(_, c)| c.is_alphanumeric())
            .map(|(n, _)| n)?;
        // Punctuation other than spaces ends the phrase.
        if rest[..skip].chars().any(|c| !c.is_whitespace()) {
            return None;
        }
        let start = pos + skip;
        let len = s[start..]
            .char_indices()
            .find(|&(n, c)| {
                !(c.is_alphanumeric()
                    || ((c == '-' || c == '\'' || c == '’')
                        && s[start + n + c.len_utf8()..]
                            .starts_with(|d: char| d.is_alphanumeric())))
            })
            .map_or(s.len() - start, |(n, _)| n);
        pos = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// The noun phrase counted by `q`, read from `after` (the sentence text
/// right after the figure).
pub fn counted(q: &Quantity, after: &str) -> Option<Counted> {
    // "270 were soldiers and 120 were civilians": a plural noun after the
    // copula is what is counted.
    let t = after.trim_start();
    if let Some(rest) = t.strip_prefix("were ").or_else(|| t.strip_prefix("are ")) {
        let noun = words(rest).next().map(|(_, w)| w).filter(|w| {
            w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !is_stop(w)
                && !is_verbish(w)
        });
        if noun.is_some() {
            return counted(q, rest);
        }
    }
    let mut after = after;
    // "thousands of workers", "81 percent of the territories", "half of the troops".
    let trimmed = after.trim_start();
    let mut share_of = false;
    if let Some(r) = trimmed.strip_prefix("of ") {
        after = r;
        share_of = true;
        let t = after.trim_start();
        for det in ["the ", "its ", "their ", "all ", "these ", "those "] {
            if let Some(r) = t.strip_prefix(det) {
                after = r;
                break;
            }
        }
    }
    let mut phrase_words: Vec<&str> = Vec::new();
    let mut end = 0;
    let mut ws = words(after).peekable();
    while let Some((start, w)) = ws.next() {
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            // "the four territories": a number inside a share phrase is its own claim.
            if share_of && phrase_words.is_empty() {
                continue;
            }
            break;
        }
        // "1,100 of the airline's 1,350 pilots": the owner of the whole
        // is not what is counted.
        if share_of && phrase_words.is_empty() && (w.ends_with("'s") || w.ends_with("’s")) {
            let rest = after[start + w.len()..].trim_start();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                // The whole's own figure, then its noun.
                let noun = rest.find(char::is_whitespace).map_or("", |at| &rest[at..]);
                return counted(q, noun);
            }
        }
        // "more than 100 wounded", "12 killed": the outcome is what is
        // counted (as "51 dead" is); "100 wounded soldiers", "3,000
        // displaced families": a modifier of the noun after it.
        if phrase_words.is_empty() && is_outcome_participle(w) {
            // "850,000 killed and wounded": casualties, not the killed.
            let mut rest = words(&after[start + w.len()..]);
            if let (Some((_, and)), Some((at, other))) = (rest.next(), rest.next())
                && and.eq_ignore_ascii_case("and")
                && is_outcome_participle(other)
                && !other.eq_ignore_ascii_case(w)
            {
                let end = start + w.len() + at + other.len();
                return Some(Counted {
                    as_written: after[start..end].to_string(),
                    head: "casualty".to_string(),
                    modifiers: Vec::new(),
                    also: Vec::new(),
                    category: Category::Count,
                    elided: false,
                });
            }
            phrase_words.push(w);
            end = start + w.len();
            if ws.peek().is_none_or(|&(_, n)| is_stop(n) || is_verbish(n)) {
                break;
            }
            continue;
        }
        // "1.1 million took part", "5,000 marched": people, unnamed.
        if phrase_words.is_empty() && is_taking_part(w) {
            return Some(Counted {
                as_written: String::new(),
                head: "person".to_string(),
                modifiers: Vec::new(),
                also: Vec::new(),
                category: Category::Count,
                elided: false,
            });
        }
        if is_stop(w) || is_verbish(w) {
            break;
        }
        if let Some(&last) = phrase_words.last()
            && is_past_verb(last, w, ws.peek().map(|&(_, n)| n))
        {
            break;
        }
        phrase_words.push(w);
        end = start + w.len();
        if phrase_words.len() >= 6 {
            break;
        }
    }
    let mut also = Vec::new();
    let mut as_written_end = end;
    // "workers and deminers", "engineers and construction personnel": a conjoined noun.
    if !phrase_words.is_empty() {
        let tail = &after[end..];
        let t = tail.trim_start();
        if let Some(r) = t.strip_prefix("and ").or_else(|| t.strip_prefix("or ")) {
            let offset = after.len() - r.len();
            let mut last = None;
            for (start, w) in words(r).take(3) {
                if is_stop(w) || is_verbish(w) || w.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                // "12,000 acres and destroyed 80 homes": a verb, not a noun.
                if last.is_none() && is_past_verb(w, w, None) {
                    break;
                }
                last = Some((start, w));
            }
            // "…marchers and organisers said 30,000": the conjunct is the
            // next clause's subject.
            let speaks = last.is_some_and(|(start, w)| {
                words(&r[start + w.len()..])
                    .next()
                    .is_some_and(|(_, next)| is_speaking(next))
            });
            if speaks {
                last = None;
            }
            if let Some((start, w)) = last {
                also.push(lemma(w));
                as_written_end = offset + start + w.len();
            }
        }
    }
    let category = match q.kind {
        Kind::Money => Category::Money,
        Kind::Percent => Category::Percent,
        Kind::Fraction => Category::Share,
        _ => Category::Count,
    };
    let (head_word, mods) = phrase_words.split_last()?;
    let head = lemma(head_word);
    let category = if category == Category::Count && DURATIONS.contains(&head.as_str()) {
        Category::Duration
    } else {
        category
    };
    Some(Counted {
        as_written: after[..as_written_end].trim().to_string(),
        head,
        modifiers: group_modifiers(mods),
        also,
        category,
        elided: false,
    })
}

/// Nouns a toll is named by before its figure ("the death toll rose to
/// 1,500", "deaths reached 300", "the injured numbered 40"), lower-cased.
const TOLL_NOUNS: &[&str] = &[
    "toll",
    "cases",
    "infections",
    "losses",
    "deaths",
    "dead",
    "fatalities",
    "casualties",
    "injured",
    "wounded",
    "injuries",
    "victims",
];

/// What may stand between a toll's noun and its figure: the verb group
/// ("rose", "could exceed", "is expected to rise") and its preposition
/// ("to", "at", "of"), lower-cased.
const TOLL_BRIDGE: &[&str] = &[
    "already",
    "are",
    "at",
    "be",
    "been",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "could",
    "exceed",
    "exceeded",
    "exceeds",
    "expected",
    "feared",
    "further",
    "had",
    "has",
    "have",
    "hit",
    "hits",
    "increased",
    "is",
    "jumped",
    "likely",
    "may",
    "might",
    "now",
    "numbered",
    "of",
    "officially",
    "passed",
    "reach",
    "reached",
    "reaches",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "stand",
    "stands",
    "stood",
    "surpassed",
    "to",
    "topped",
    "totaled",
    "totalled",
    "was",
    "were",
    "will",
    "would",
];

/// The most words [`counted_before`] crosses between the noun and the
/// figure ("is expected to rise to" is five).
const MAX_TOLL_BRIDGE: usize = 6;

/// The most words of a toll's complement between the noun and the verb
/// ("from Saturday's strike on Kadugli market" is six).
const MAX_TOLL_COMPLEMENT: usize = 8;

/// The toll a figure is the value of, when it is named *before* the figure
/// and no noun follows it: "the death toll rose to 1,500", "the toll could
/// exceed 2,000", "deaths reached 300", "a death toll of 40", "the injured
/// numbered 12", "the death toll from Saturday's earthquake rose to 1,240";
/// and a number of things: "put the number of strikers at 7,500".
/// `before` is the sentence up to the figure. The noun (and its complement
/// of a few words after "from", "in", "after" or "following") must be
/// joined to the figure by words of a verb group and its preposition only
/// (no punctuation); "death" or "casualty" before "toll" is kept as its
/// modifier, the complement is not part of the phrase.
///
/// ```
/// use crosscheck_claims::counted::counted_before;
/// use crosscheck_claims::quantity::find;
///
/// let text = "The death toll rose to 1,500 on Sunday.";
/// let q = find(text).into_iter().next().unwrap();
/// let c = counted_before(&q, &text[..q.start]).unwrap();
/// assert_eq!((c.as_written.as_str(), c.head.as_str()), ("death toll", "toll"));
/// ```
pub fn counted_before(q: &Quantity, before: &str) -> Option<Counted> {
    if q.kind == Kind::Percent {
        return share_of_before(before, Category::Percent);
    }
    if q.kind == Kind::Money {
        return share_of_before(before, Category::Money);
    }
    if q.kind == Kind::Fraction {
        return None;
    }
    // Whitespace-separated words from the end, with their offsets; a word
    // with anything but letters (and inner hyphens) ends the search.
    let spans = words_from_end(before, MAX_TOLL_BRIDGE + MAX_TOLL_COMPLEMENT + 3);
    let word = |k: usize| -> Option<String> {
        let (s, e) = *spans.get(k)?;
        let w = &before[s..e];
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            .then(|| w.to_lowercase())
    };
    let mut k = 0;
    while k < MAX_TOLL_BRIDGE && word(k).is_some_and(|w| TOLL_BRIDGE.contains(&w.as_str())) {
        k += 1;
    }
    if k == 0 {
        return None;
    }
    // The noun, or the noun before its complement: "the death toll from
    // Saturday's earthquake rose to 1,240".
    // "job losses" are jobs, not a toll.
    let is_toll = |j: usize| {
        word(j).is_some_and(|w| TOLL_NOUNS.contains(&w.as_str()))
            && !(word(j).as_deref() == Some("losses") && word(j + 1).as_deref() == Some("job"))
    };
    if !is_toll(k) {
        // Every word of the complement a plain word, no clause between:
        // not "Deaths in Gaza fell, but admissions rose to 300".
        let plain = |i: usize| {
            word(i).is_some_and(|w| {
                !matches!(
                    w.as_str(),
                    "and" | "but" | "or" | "while" | "as" | "which" | "that" | "who"
                )
            })
        };
        let complement = (k + 1..k + 1 + MAX_TOLL_COMPLEMENT)
            .take_while(|&j| plain(j - 1))
            .find(|&j| {
                is_toll(j)
                    && word(j - 1).is_some_and(|w| {
                        matches!(w.as_str(), "from" | "in" | "after" | "following" | "since")
                    })
            });
        match complement {
            Some(j) => k = j,
            None => {
                return number_of(q, before, &spans, k, &word)
                    .or_else(|| put_at(q, before, &spans, k, &word));
            }
        }
    }
    let noun = word(k)?;
    let (mut start, end) = spans[k];
    if noun == "toll" && word(k + 1).is_some_and(|w| w == "death" || w == "casualty") {
        start = spans[k + 1].0;
    } else {
        // Whose: "total Russian losses", "North Korean casualties" (up to
        // two capitalised words before the noun, not a determiner, a day or
        // a month; the sentence's first word only when it reads as a
        // people's name: "Russian losses reached", not "Civilian
        // casualties rose").
        let mut j = k + 1;
        while j < k + 3
            && spans.get(j).is_some_and(|&(s, e)| {
                let w = &before[s..e];
                let lower = w.to_lowercase();
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !NOT_WHOSE.contains(&lower.as_str())
                    && !crate::time::MONTH_NAMES
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(w))
                    && crate::time::Weekday::named(w).is_none()
                    && (!before[..s].trim().is_empty() || reads_as_a_demonym(&lower))
            })
        {
            start = spans[j].0;
            j += 1;
        }
    }
    let written = &before[start..end];
    let phrase: Vec<&str> = written.split_whitespace().collect();
    let (head_word, mods) = phrase.split_last()?;
    Some(Counted {
        as_written: written.to_string(),
        head: lemma(head_word),
        modifiers: group_modifiers(mods),
        also: Vec::new(),
        category: Category::Count,
        elided: false,
    })
}

/// Capitalised words before a toll's noun that say nothing of whose it is
/// (days and months besides).
const NOT_WHOSE: &[&str] = &[
    "the",
    "that",
    "this",
    "these",
    "those",
    "a",
    "an",
    "its",
    "their",
    "total",
    "overall",
    "cumulative",
    "all",
    "daily",
    "weekly",
    "official",
    "civilian",
    "military",
];

/// Whether a lower-cased word has a demonym's ending ("russian",
/// "chinese", "british", "israeli", "french", "swiss").
fn reads_as_a_demonym(word: &str) -> bool {
    ["ian", "ean", "an", "ese", "ish", "i", "ch", "ss"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// The last `n` (at most) whitespace-separated words of `text`, from the
/// end, as byte spans: "the toll rose to " gives the spans of "to",
/// "rose", "toll", "the". Any whitespace character separates, whatever its
/// width.
pub(crate) fn words_from_end(text: &str, n: usize) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(n.min(16));
    let mut end = text.len();
    for (i, c) in text.char_indices().rev() {
        if spans.len() == n {
            return spans;
        }
        if c.is_whitespace() {
            if i + c.len_utf8() < end {
                spans.push((i + c.len_utf8(), end));
            }
            end = i;
        }
    }
    if end > 0 && spans.len() < n {
        spans.push((0, end));
    }
    spans
}

/// Verbs and prepositions between a share's noun and its percentage:
/// "containment rose to 15 percent", "turnout was 61 percent", "the
/// governing party at 34%".
const SHARE_BRIDGE: &[&str] = &[
    "at",
    "to",
    "was",
    "is",
    "were",
    "are",
    "rose",
    "fell",
    "climbed",
    "dropped",
    "reached",
    "hit",
    "stood",
    "stands",
    "now",
    "has",
    "had",
    "risen",
    "fallen",
    "grew",
    "jumped",
    "slipped",
    "declined",
    "increased",
    "decreased",
    "totaled",
    "totalled",
    "came",
    "in",
];

/// Words that stand for a share without saying what it is of.
const GENERIC_SHARES: &[&str] = &[
    "share",
    "percentage",
    "proportion",
    "figure",
    "number",
    "total",
    "rate",
    "level",
];

/// What a percentage or an amount with no noun after it is of, named
/// before it: "containment rose to 15 percent" (containment), "turnout was
/// 61 percent" (turnout), "puts the governing party at 34%" (governing
/// party), "net profit fell to $300 million", "revenue rose 12% to $4.2
/// billion", "expected revenue of $4.1 billion". The noun is a lower-case
/// word (and one lower-case modifier before it) joined to the figure by
/// [`SHARE_BRIDGE`] words (for an amount also "of", and a change in
/// percent) only; "it", "the share" and other words that name nothing are
/// not read.
fn share_of_before(before: &str, category: Category) -> Option<Counted> {
    let mut words = before.split_whitespace().rev();
    let mut bridged = 0;
    let money = category == Category::Money;
    let head = loop {
        let w = words.next()?;
        let change = money && w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with('%');
        if SHARE_BRIDGE.contains(&w) || change || (money && w == "of") {
            bridged += 1;
            if bridged > 3 {
                return None;
            }
            continue;
        }
        break w;
    };
    let plain = |w: &str| {
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !is_stop_lower(w)
            && !is_verbish_lower(w)
    };
    let next = words.next();
    // The sentence's first word, capitalised: "Turnout was 61 percent".
    let lowered;
    let head = if next.is_none() && head.starts_with(|c: char| c.is_ascii_uppercase()) {
        lowered = head.to_ascii_lowercase();
        lowered.as_str()
    } else {
        head
    };
    if bridged == 0 || !plain(head) || GENERIC_SHARES.contains(&head) {
        return None;
    }
    // "turnout in the last election was 61 percent": the noun before its
    // complement of a few words after "in", "for" or "among" (not "of":
    // "two points ahead of the opposition at 32%" is the opposition's).
    let rest: Vec<&str> = next.into_iter().chain(words.by_ref().take(5)).collect();
    let (head, next) = match rest
        .iter()
        .position(|w| matches!(*w, "in" | "for" | "among" | "at"))
    {
        Some(k)
            if rest[..k]
                .iter()
                .all(|w| plain(w) || matches!(*w, "the" | "last" | "this" | "next")) =>
        {
            match rest.get(k + 1) {
                Some(&n) if plain(&n.to_ascii_lowercase()) && !GENERIC_SHARES.contains(&n) => {
                    (n, rest.get(k + 2).copied())
                }
                _ => (head, rest.first().copied()),
            }
        }
        _ => (head, rest.first().copied()),
    };
    let lowered_head;
    let head = if head.starts_with(|c: char| c.is_ascii_uppercase()) {
        lowered_head = head.to_ascii_lowercase();
        lowered_head.as_str()
    } else {
        head
    };
    // "put turnout at 61 percent": the verb is no modifier.
    let modifier = next.filter(|w| plain(w) && !matches!(*w, "put" | "puts" | "putting"));
    let as_written = match modifier {
        Some(m) => format!("{m} {head}"),
        None => head.to_string(),
    };
    Some(Counted {
        as_written,
        head: lemma(head),
        modifiers: modifier.map(|m| vec![m.to_string()]).unwrap_or_default(),
        also: Vec::new(),
        category,
        elided: false,
    })
}

/// "The ports authority put the number of strikers at 7,500", "the number
/// of people displaced rose to 3,000": the noun phrase (up to three words)
/// after "number of", read as after a figure ([`counted`]). `spans` are the
/// words of `before` from its end, `k` the first word before the bridge.
fn number_of(
    q: &Quantity,
    before: &str,
    spans: &[(usize, usize)],
    k: usize,
    word: &dyn Fn(usize) -> Option<String>,
) -> Option<Counted> {
    let is = |j: usize, w: &str| word(j).is_some_and(|x| x == w);
    let j = (k..k + 3).find(|&j| is(j + 1, "of") && is(j + 2, "number"))?;
    counted(q, &before[spans[j].0..spans[k].1])
}

/// "Organisers put turnout at 1,200", "police put the crowd at 40,000":
/// the noun phrase (up to four words) between "put" and "at", when "at"
/// alone joins it to the figure. A word that only stands for the figure
/// ("put the figure at", "put it at") names nothing counted. `spans` are the
/// words of `before` from its end, `k` the first word before the bridge.
fn put_at(
    q: &Quantity,
    before: &str,
    spans: &[(usize, usize)],
    k: usize,
    word: &dyn Fn(usize) -> Option<String>,
) -> Option<Counted> {
    if k != 1 || word(0).as_deref() != Some("at") {
        return None;
    }
    let put = (k + 1..k + 5)
        .find(|&j| word(j).is_some_and(|w| matches!(w.as_str(), "put" | "puts" | "putting")))?;
    let mut first = put - 1;
    if word(first).is_some_and(|w| {
        matches!(
            w.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
        )
    }) {
        // "put the crowd at": the phrase begins after its determiner.
        first = first.checked_sub(1).filter(|&f| f >= k)?;
    }
    let phrase = &before[spans[first].0..spans[k].1];
    let found = counted(q, phrase)?;
    let generic = matches!(
        found.head.as_str(),
        "figure" | "number" | "total" | "tally" | "estimate" | "count" | "it" | "them" | "this"
    );
    (!generic && found.as_written == phrase).then_some(found)
}

/// Groups capitalised runs ("North Korean") and lower-case runs ("military construction").
fn group_modifiers(mods: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_cap: Option<bool> = None;
    for w in mods {
        let cap = w.starts_with(|c: char| c.is_uppercase());
        let lw = w.to_lowercase();
        match (out.last_mut(), last_cap) {
            (Some(prev), Some(lc)) if lc == cap => {
                prev.push(' ');
                prev.push_str(&lw);
            }
            _ => out.push(lw),
        }
        last_cap = Some(cap);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::find;

    fn counted_in(text: &str) -> Option<Counted> {
        let q = find(text).into_iter().next().expect("a figure");
        counted(&q, &text[q.end..])
    }

    #[test]
    fn north_korean_military_construction_troops() {
        let c =
            counted_in("Around 5,000 North Korean military construction troops have been moving")
                .unwrap();
        assert_eq!(c.head, "troop");
        assert_eq!(c.modifiers, vec!["north korean", "military construction"]);
        assert_eq!(c.as_written, "North Korean military construction troops");
    }

    #[test]
    fn military_personnel_to_russia() {
        let c = counted_in("about 5,000 military personnel to Russia").unwrap();
        assert_eq!(
            (c.head.as_str(), c.as_written.as_str()),
            ("personnel", "military personnel")
        );
    }

    #[test]
    fn sappers_stop_at_and_before_a_number() {
        let c = counted_in("1,000 sappers and 5,000 military construction workers").unwrap();
        assert_eq!(c.as_written, "sappers");
        assert!(c.also.is_empty());
    }

    #[test]
    fn workers_and_deminers() {
        let c = counted_in(
            "thousands of military construction workers and deminers to Russia's Kursk region",
        )
        .unwrap();
        assert_eq!(c.head, "worker");
        assert_eq!(c.also, vec!["deminer"]);
        assert_eq!(c.as_written, "military construction workers and deminers");
    }

    #[test]
    fn percent_of_the_four_territories() {
        let c = counted_in("81 percent of the four Ukrainian territories it claims").unwrap();
        assert_eq!(c.category, Category::Percent);
        assert_eq!(c.head, "territory");
    }

    #[test]
    fn twelve_days_is_a_duration() {
        let c = counted_in("12 days after their latest clashes").unwrap();
        assert_eq!(c.category, Category::Duration);
    }

    #[test]
    fn no_noun_after_an_additional_3_000_4_000_deployed() {
        assert!(counted_in("an additional 3,000-4,000 deployed earlier this year").is_none());
    }

    fn counted_before_in(text: &str) -> Option<Counted> {
        let q = find(text).into_iter().next().expect("a figure");
        counted_before(&q, &text[..q.start])
    }

    #[test]
    fn organisers_put_turnout_at_1_200() {
        let c = counted_before_in("Organisers put turnout at 1,200.").unwrap();
        assert_eq!(
            (c.as_written.as_str(), c.head.as_str()),
            ("turnout", "turnout")
        );
        let c = counted_before_in("Police put the crowd at about 40,000.").unwrap();
        assert_eq!(c.as_written, "crowd");
    }

    #[test]
    fn put_the_figure_at_names_nothing() {
        assert!(counted_before_in("The union put the figure at 3,500.").is_none());
        assert!(counted_before_in("Officials put it at 300.").is_none());
        // Not a verb of putting: "at" after something else.
        assert!(counted_before_in("Crowds gathered at 3 locations.").is_none());
    }

    #[test]
    fn containment_rose_to_15_percent() {
        let c = counted_before_in("The fire grew, and containment rose to 15 percent.").unwrap();
        assert_eq!(
            (c.head.as_str(), c.category),
            ("containment", Category::Percent)
        );
        let c = counted_before_in("Turnout was 61 percent.").unwrap();
        assert_eq!(c.as_written, "turnout");
        // A name is not what a share is of.
        assert!(counted_before_in("In polls, Labour was at 34%.").is_none());
        let c = counted_before_in("The poll puts the governing party at 34%.").unwrap();
        assert_eq!(c.as_written, "governing party");
        let c = counted_before_in("Official turnout was 61 percent.").unwrap();
        assert_eq!(c.as_written, "turnout");
        let c = counted_before_in("Turnout in the last election was 61 percent.").unwrap();
        assert_eq!(c.as_written, "turnout");
        let c =
            counted_before_in("They said turnout in the last election was 61 percent.").unwrap();
        assert_eq!(c.as_written, "turnout");
        let c = counted_before_in("The party is well ahead of the opposition at 32%.").unwrap();
        assert_eq!(c.as_written, "opposition");
        // Nothing named, or no verb between.
        assert!(counted_before_in("Officials put it at 34%.").is_none());
        assert!(counted_before_in("The share rose to 34%.").is_none());
        assert!(counted_before_in("Voters gave 34% to the party.").is_none());
    }

    #[test]
    fn net_profit_fell_to_300_million() {
        let c = counted_before_in("It said net profit fell to $300 million.").unwrap();
        assert_eq!(
            (c.as_written.as_str(), c.category),
            ("net profit", Category::Money)
        );
        let text = "Quarterly revenue rose 12% to $4.2 billion.";
        let q = find(text).into_iter().nth(1).unwrap();
        let c = counted_before(&q, &text[..q.start]).unwrap();
        assert_eq!(c.head, "revenue");
        let c = counted_before_in("Analysts had expected revenue of $4.1 billion.").unwrap();
        assert_eq!(c.head, "revenue");
        // "of" is no bridge for a share, nor a figure's noun after "from".
        assert!(counted_before_in("It is a share of 34%.").is_none());
        assert!(counted_before_in("It fell from $450 million.").is_none());
    }

    #[test]
    fn acres_and_destroyed_homes_is_no_conjunct() {
        let c = counted_in("12,000 acres and destroyed at least 80 homes").unwrap();
        assert_eq!(c.as_written, "acres");
        assert!(c.also.is_empty());
        let c = counted_in("18,500 acres overnight").unwrap();
        assert_eq!(c.as_written, "acres");
    }

    #[test]
    fn fifty_one_dead_and_more_than_100_wounded() {
        let text = "The agency reported 51 dead and more than 100 wounded.";
        let qs = find(text);
        let second = &qs[1];
        let c = counted(second, &text[second.end..]).unwrap();
        assert_eq!(
            (c.as_written.as_str(), c.head.as_str()),
            ("wounded", "wounded")
        );
        assert_eq!(
            counted_in("12 killed in the raid").unwrap().as_written,
            "killed"
        );
        // Before a noun, a modifier; after a noun, it ends the phrase.
        assert_eq!(
            counted_in("100 wounded soldiers were flown out")
                .unwrap()
                .as_written,
            "wounded soldiers"
        );
        assert_eq!(
            counted_in("300 people killed").unwrap().as_written,
            "people"
        );
    }

    #[test]
    fn people_protested_outside_the_plant() {
        let c = counted_in("300 people protested outside the plant").unwrap();
        assert_eq!(
            (c.as_written.as_str(), c.head.as_str()),
            ("people", "person")
        );
    }

    #[test]
    fn dockworkers_walked_off_the_job() {
        let c = counted_in("2,000 dockworkers walked off the job").unwrap();
        assert_eq!(c.as_written, "dockworkers");
    }

    #[test]
    fn homes_flooded_at_the_end() {
        assert_eq!(
            counted_in("about 200 homes flooded.").unwrap().as_written,
            "homes"
        );
    }

    #[test]
    fn north_korean_armed_forces_keep_their_participle() {
        let c = counted_in("5,000 North Korean armed forces").unwrap();
        assert_eq!(c.as_written, "North Korean armed forces");
        let c = counted_in("120 trained medics arrived").unwrap();
        assert_eq!(c.as_written, "trained medics");
    }

    #[test]
    fn people_outside_the_embassy() {
        assert_eq!(
            counted_in("300 people outside the embassy")
                .unwrap()
                .as_written,
            "people"
        );
    }

    #[test]
    fn artillery_shells() {
        let c = counted_in("more than 10 million artillery shells to Russia").unwrap();
        assert_eq!(c.head, "shell");
        assert_eq!(c.modifiers, vec!["artillery"]);
    }

    #[test]
    fn lemmas() {
        assert_eq!(lemma("troops"), "troop");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("people"), "person");
        assert_eq!(lemma("personnel"), "personnel");
        assert_eq!(lemma("marches"), "march");
    }

    /// The lemma as it was first written: lower-cased into a new string,
    /// then cut or replaced into another.
    fn lemma_by_copies(word: &str) -> String {
        let w = word.to_lowercase();
        let irregular = match w.as_str() {
            "people" => Some("person"),
            "men" => Some("man"),
            "women" => Some("woman"),
            "children" => Some("child"),
            "personnel" | "staff" | "police" | "military" | "infantry" | "news" | "series" => {
                return w;
            }
            "casualties" => Some("casualty"),
            "territories" => Some("territory"),
            "countries" => Some("country"),
            "lives" => Some("life"),
            "wives" => Some("wife"),
            "feet" => Some("foot"),
            "teeth" => Some("tooth"),
            "mice" => Some("mouse"),
            _ => None,
        };
        if let Some(l) = irregular {
            return l.to_string();
        }
        if let Some(stem) = w.strip_suffix("ies")
            && stem.len() > 1
        {
            return format!("{stem}y");
        }
        for suffix in ["sses", "shes", "ches", "xes", "zes"] {
            if w.ends_with(suffix) {
                return w[..w.len() - 2].to_string();
            }
        }
        if w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && w.len() > 3
        {
            return w[..w.len() - 1].to_string();
        }
        w
    }

    #[test]
    fn lemmas_of_every_rule_are_those_of_the_copying_lemma() {
        for word in [
            "Troops", "ies", "bies", "flies", "Glasses", "wishes", "MARCHES", "boxes", "sizes",
            "bus", "crisis", "gas", "news", "People", "ΟΔΟΣ", "Ünits", "mice", "ss", "",
        ] {
            assert_eq!(lemma(word), lemma_by_copies(word), "{word:?}");
        }
    }

    fn toll_of(text: &str) -> Option<(String, String, Vec<String>)> {
        let q = find(text).into_iter().next().expect("a figure");
        counted_before(&q, &text[..q.start]).map(|c| (c.as_written, c.head, c.modifiers))
    }

    #[test]
    fn the_death_toll_rose_to_1500() {
        assert_eq!(
            toll_of("The death toll rose to 1,500 on Sunday."),
            Some(("death toll".into(), "toll".into(), vec!["death".into()]))
        );
    }

    #[test]
    fn the_toll_could_exceed_2000() {
        assert_eq!(
            toll_of("Officials said the toll could exceed 2,000 as crews reach villages."),
            Some(("toll".into(), "toll".into(), vec![]))
        );
    }

    #[test]
    fn deaths_reached_300_and_the_injured_numbered_12() {
        assert_eq!(
            toll_of("Deaths reached 300.").map(|t| t.1),
            Some("death".into())
        );
        assert_eq!(
            toll_of("The injured numbered 12, the ministry said.").map(|t| t.1),
            Some("injured".into())
        );
    }

    #[test]
    fn a_death_toll_of_40_and_the_toll_is_expected_to_rise_to_90() {
        assert_eq!(
            toll_of("The storm left a death toll of 40.").map(|t| t.0),
            Some("death toll".into())
        );
        assert_eq!(
            toll_of("The toll is expected to rise to 90.").map(|t| t.0),
            Some("toll".into())
        );
        assert_eq!(
            toll_of("Casualties stood at 450.").map(|t| t.1),
            Some("casualty".into())
        );
    }

    #[test]
    fn the_death_toll_from_saturdays_earthquake_rose_to_1240() {
        assert_eq!(
            toll_of("The death toll from Saturday's earthquake rose to 1,240, the ministry said.")
                .map(|t| t.0),
            Some("death toll".into())
        );
        assert_eq!(
            toll_of("The toll in the flooded northern districts has risen to 75.").map(|t| t.0),
            Some("toll".into())
        );
        assert_eq!(
            toll_of(
                "The death toll from Saturday's strike on Kadugli market rose to 43 on Sunday."
            )
            .map(|t| t.0),
            Some("death toll".into())
        );
        // Too long a complement, or one that is not a toll's.
        assert_eq!(
            toll_of("The toll from the storm that hit the five coastal towns rose to 75."),
            None
        );
        assert_eq!(toll_of("The budget from the ministry rose to 75."), None);
        assert_eq!(toll_of("Deaths, the ministry said, rose to 75."), None);
        assert_eq!(
            toll_of("Deaths in Gaza fell, but admissions rose to 300."),
            None
        );
        assert_eq!(
            toll_of("The toll in Gaza, officials said, rose to 75."),
            None
        );
        assert_eq!(
            toll_of("Deaths in Gaza fell and admissions rose to 300."),
            None
        );
    }

    #[test]
    fn put_the_number_of_strikers_at_7500() {
        assert_eq!(
            toll_of("The ports authority put the number of strikers at 7,500.").map(|t| t.1),
            Some("striker".into())
        );
        assert_eq!(
            toll_of("The number of displaced families rose to 3,000.").map(|t| t.0),
            Some("displaced families".into())
        );
        // More than three words after "number of", or no "number of".
        assert_eq!(
            toll_of("The number of very badly damaged homes rose to 300."),
            None
        );
        assert_eq!(toll_of("A handful of strikers rose to 300."), None);
    }

    #[test]
    fn no_toll_without_a_bridge_or_across_punctuation() {
        // No verb or preposition between the noun and the figure.
        assert_eq!(toll_of("Deaths 300."), None);
        // Punctuation between them.
        assert_eq!(
            toll_of("The death toll, officials said, rose to 300."),
            None
        );
        assert_eq!(toll_of("Of the dead: 300 were soldiers."), None);
        // Another noun.
        assert_eq!(toll_of("The budget rose to 300."), None);
        assert_eq!(toll_of("The ministry said 120 people were killed."), None);
        // Money and percentages are not tolls: they are amounts and shares.
        assert_eq!(
            counted_before_in("The toll rose to $5 million.").map(|c| c.category),
            Some(Category::Money)
        );
        let q = find("The toll rose to 5 percent.")
            .into_iter()
            .next()
            .unwrap();
        let share = counted_before(&q, "The toll rose to ").unwrap();
        assert_eq!(share.category, Category::Percent);
    }

    #[test]
    fn a_long_verb_group_is_crossed_up_to_its_limit() {
        // "is now expected to further rise to": seven words.
        assert!(toll_of("The toll is now expected to further rise to 90.").is_none());
        assert!(toll_of("The toll is now expected to rise to 90.").is_some());
    }

    proptest::proptest! {
        #[test]
        fn push_lemma_is_the_copying_lemma(
            head in "\\PC{0,4}",
            word in "[a-zA-Z]{0,6}(ies|sses|shes|ches|xes|zes|ss|us|is|s|)",
            other in "\\PC{0,12}",
        ) {
            for w in [&word, &other] {
                let mut out = head.clone();
                push_lemma(&mut out, w);
                proptest::prop_assert_eq!(out, format!("{head}{}", lemma_by_copies(w)));
            }
        }
    }
}
