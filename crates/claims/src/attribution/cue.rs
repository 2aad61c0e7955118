//! The attribution cue grammar: where in a sentence a source is named and
//! how — "according to X", "X said / told lawmakers / reported / estimates",
//! "citing X", "as reported by X", "X statements indicating", and joint
//! subjects ("South Korea, the U.S., and Ukraine estimate").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use nom::Parser;
use nom::branch::alt;
use nom::character::complete::satisfy;
use nom::combinator::{not, peek};
use nom::sequence::terminated;

use crate::case::ascii_lowercase;
use crate::prefilter::{may_start, tag_ci};

/// How a source is cued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "according to X".
    AccordingTo,
    /// "X said", "X told lawmakers", "X estimates that".
    Speaker,
    /// "citing X": the source behind the speaker.
    Citing,
    /// "as reported by X".
    ReportedBy,
    /// "X statements indicating", "X's analysis estimates", "the X briefing revealed".
    Document,
}

/// One source mention cued in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// How it is cued.
    pub kind: CueKind,
    /// The mentions, as written; several for a joint subject.
    pub mentions: Vec<String>,
    /// Byte span of the whole cue (mention and cue words) in the sentence.
    pub start: usize,
    /// End of the cue span.
    pub end: usize,
}

type Res<'a, T> = nom::IResult<&'a str, T>;

fn w<'a>(
    phrase: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    terminated(
        tag_ci(phrase),
        not(peek(satisfy(|c: char| c.is_alphanumeric()))),
    )
}

/// A list of first words as a const, and a test of one word against it
/// compiled as a `match` (faster than a search of the list): one source for
/// both.
macro_rules! first_words {
    ($(#[$doc:meta])* $list:ident, $(#[$test_doc:meta])* $test:ident, [$($word:literal),+ $(,)?]) => {
        $(#[$doc])*
        const $list: &[&str] = &[$($word),+];
        $(#[$test_doc])*
        pub(crate) fn $test(t: &str) -> bool {
            matches!(t, $($word)|+)
        }
    };
}

first_words!(
    /// First words of [`speech_verb`]'s phrases.
    SPEECH_VERB_WORDS,
    /// Whether `t` (lower case) is one of [`SPEECH_VERB_WORDS`].
    is_speech_verb_word,
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "reported",
        "reports",
        "estimated",
        "estimates",
        "estimate",
        "believes",
        "believe",
        "warned",
        "warns",
        "claimed",
        "claims",
        "stated",
        "states",
        "announced",
        "announces",
        "revealed",
        "reveals",
        "confirmed",
        "confirms",
        "informed",
        "assessed",
        "assesses",
        "concluded",
        "indicated",
        "briefed",
        "explained",
        "wrote",
        "observed",
        "say",
    ]
);

first_words!(
    /// First words of [`document_noun`]'s phrases.
    DOCUMENT_NOUN_WORDS,
    /// Whether `t` (lower case) is one of [`DOCUMENT_NOUN_WORDS`].
    is_document_noun_word,
    [
        "statements",
        "statement",
        "briefing",
        "assessments",
        "assessment",
        "analysis",
        "report",
        "reports",
        "estimates",
        "data",
        "figures",
        "figure",
        "estimate",
        "tally",
        "count",
    ]
);

first_words!(
    /// First words of the other cues: "according to", "citing", "reported by".
    OTHER_CUE_WORDS,
    /// Whether `t` (lower case) is one of [`OTHER_CUE_WORDS`].
    is_other_cue_word,
    [
        "according",
        "citing",
        "reported",
        "put",
        "puts",
        "expected",
        "forecast",
        "projected",
        "cut",
        "cuts",
        "raised",
        "raises",
        "lowered",
        "lowers",
        "trimmed",
        "lifted",
        "counted",
        "counts",
        "tallied"
    ]
);

/// Finds any cue's first word in a sentence, ASCII case-insensitively:
/// a sentence without one has no cue, and [`cues`] returns at once. Exact:
/// the grammars match only words that lowercase to their ASCII phrases,
/// and no other character lowercases to a letter of these words (the
/// Kelvin sign, which lowercases to "k", is in none of them).
static CUE_WORD_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(
            SPEECH_VERB_WORDS
                .iter()
                .chain(DOCUMENT_NOUN_WORDS)
                .chain(OTHER_CUE_WORDS),
        )
        .ok()
});

/// A word at which [`cues`] may find something.
fn is_cue_word(t: &str) -> bool {
    is_other_cue_word(t) || is_speech_verb_word(t) || is_document_noun_word(t)
}

fn no_match(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))
}

/// Verbs of saying and estimating that follow a source.
fn speech_verb(i: &str) -> Res<'_, &str> {
    if !may_start(i, is_speech_verb_word) {
        return Err(no_match(i));
    }
    speech_verb_grammar(i)
}

/// The grammar behind [`speech_verb`], without the first-word check.
fn speech_verb_grammar(i: &str) -> Res<'_, &str> {
    alt((
        alt((
            w("said"),
            w("says"),
            w("told"),
            w("tells"),
            w("added"),
            w("adds"),
            w("noted"),
            w("notes"),
            w("reported"),
            w("reports"),
            w("estimated"),
            w("estimates"),
            w("estimate"),
            w("believes"),
            w("believe"),
            w("warned"),
            w("warns"),
            w("claimed"),
            w("claims"),
            w("stated"),
        )),
        alt((
            w("states"),
            w("announced"),
            w("announces"),
            w("revealed"),
            w("reveals"),
            w("confirmed"),
            w("confirms"),
            w("informed"),
            w("assessed"),
            w("assesses"),
            w("concluded"),
            w("indicated"),
            w("briefed"),
            w("explained"),
            w("wrote"),
            w("observed"),
            w("say"),
        )),
    ))
    .parse(i)
}

/// Nouns for documents a source issues: "statements", "briefing", "analysis".
fn document_noun(i: &str) -> Res<'_, &str> {
    if !may_start(i, is_document_noun_word) {
        return Err(no_match(i));
    }
    alt((
        w("statements"),
        w("statement"),
        w("briefing"),
        w("assessments"),
        w("assessment"),
        w("analysis"),
        w("report"),
        w("reports"),
        w("estimates"),
        w("data"),
        w("figures"),
        w("figure"),
        w("estimate"),
        w("tally"),
        w("count"),
    ))
    .parse(i)
}

fn document_verb(i: &str) -> Res<'_, &str> {
    alt((
        w("indicating"),
        w("indicated"),
        w("showing"),
        w("showed"),
        w("shows"),
        w("revealed"),
        w("suggest"),
        w("suggests"),
        w("suggested"),
        w("estimates"),
        w("estimated"),
        w("said"),
        w("found"),
    ))
    .parse(i)
}

/// Words that may sit between a source and its verb: "The NIS also added".
fn is_adverb(word: &str) -> bool {
    ascii_lowercase(word, is_adverb_lower)
}

/// Sentence adverbs set off by commas between a speaker and the verb: "The
/// union, however, said".
fn is_sentence_adverb(word: &str) -> bool {
    ascii_lowercase(word, |w| {
        matches!(
            w,
            "however"
                | "meanwhile"
                | "though"
                | "too"
                | "instead"
                | "moreover"
                | "nonetheless"
                | "nevertheless"
                | "likewise"
                | "similarly"
        )
    })
}

/// [`is_adverb`] of a word already lower-cased.
fn is_adverb_lower(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "has"
            | "have"
            | "had"
            | "previously"
            | "further"
            | "earlier"
            | "later"
            | "separately"
            | "recently"
            | "reportedly"
            | "now"
            | "then"
            | "once"
            | "last"
            | "on"
            | "thursday"
            | "friday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "saturday"
            | "sunday"
    )
}

/// Words that end a subject when scanning backwards.
fn is_clause_word(word: &str) -> bool {
    ascii_lowercase(word, is_clause_word_lower)
}

/// [`is_clause_word`] of a word already lower-cased.
fn is_clause_word_lower(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "which"
            | "while"
            | "but"
            | "as"
            | "when"
            | "because"
            | "since"
            | "after"
            | "before"
            | "if"
            | "although"
            | "though"
            | "where"
            | "whether"
            | "so"
    )
}

/// Nouns that make a phrase a plausible source even in lower case.
fn is_source_noun(word: &str) -> bool {
    ascii_lowercase(word, is_source_noun_lower)
}

/// [`is_source_noun`] of a word already lower-cased.
fn is_source_noun_lower(l: &str) -> bool {
    let l = l.trim_end_matches("'s").trim_end_matches("’s");
    matches!(
        l,
        "agency"
            | "agencies"
            | "ministry"
            | "service"
            | "officials"
            | "official"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "media"
            | "sources"
            | "source"
            | "intelligence"
            | "military"
            | "government"
            | "lawmakers"
            | "lawmaker"
            | "committee"
            | "analysts"
            | "analyst"
            | "experts"
            | "expert"
            | "police"
            | "organisers"
            | "organizers"
            | "army"
            | "command"
            | "office"
            | "he"
            | "she"
            | "it"
            | "they"
            | "diplomats"
            | "observers"
            | "authorities"
            | "administration"
            | "president"
            | "minister"
            | "secretary"
            | "we"
            | "i"
            | "residents"
            | "witnesses"
            | "officers"
            | "researchers"
            | "group"
            | "monitor"
            | "institute"
            | "union"
            | "unions"
            | "authority"
            | "council"
            | "company"
            | "guard"
            | "coastguard"
            | "rescuers"
            | "firefighters"
            | "hospital"
            | "doctors"
            | "navy"
            | "regulator"
            | "prosecutors"
            | "prosecutor"
            | "investigators"
            | "department"
            | "bureau"
            | "commission"
            | "mayor"
            | "governor"
            | "centre"
            | "center"
            | "board"
            | "watchdog"
            | "operator"
            | "association"
            | "federation"
            | "organisation"
            | "organization"
            | "network"
            | "charity"
            | "medics"
            | "paramedics"
            | "crews"
    )
}

/// Byte ranges of the words of `s` (letters, digits, apostrophes, inner dots and hyphens).
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 5);
    let mut start: Option<usize> = None;
    let mut next = 0;
    while next < bytes.len() {
        let n = next;
        // ASCII read byte by byte, other characters decoded.
        let (c, len) = match bytes[n] {
            b if b < 0x80 => (char::from(b), 1),
            _ => {
                let c = s[n..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        next = n + len;
        let part = c.is_alphanumeric()
            || (matches!(c, '.' | '-' | '\'' | '’')
                && start.is_some()
                && s[next..].chars().next().is_some_and(char::is_alphanumeric))
            || (c == '.' && start.is_some() && s[..n].ends_with(|d: char| d.is_uppercase()));
        match (part, start) {
            (true, None) => start = Some(n),
            (false, Some(st)) => {
                out.push((st, n));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// The noun phrase after `from` up to a comma, period, "that" or a verb-like word.
fn phrase_after(s: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &s[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let mut end = start;
    for (a, b) in word_spans(&s[start..]) {
        let (a, b) = (start + a, start + b);
        if a < end {
            continue;
        }
        if end > start && s[end..a].contains([',', ';', ':', '"', '“', '”', '(', ')']) {
            break;
        }
        let word = &s[a..b];
        if is_clause_word(word) || speech_verb(word).is_ok() {
            break;
        }
        // "a YouGov survey published on Thursday": the participle's clause
        // is not the source's name ("data released by the ministry" is).
        if end > start && is_issuing_participle(word) && !s[b..].trim_start().starts_with("by ") {
            break;
        }
        end = b;
        // Keep a parenthesised acronym: "the National Intelligence Service (NIS)".
        if let Some(close) = s[end..].strip_prefix(" (").and_then(|r| r.find(')')) {
            if close <= 12 {
                end += 2 + close + 1;
            }
        }
    }
    (end > start).then_some((start, end))
}

/// Participles of issuing a document, which open a reduced relative clause
/// after its name: "a survey published on Thursday".
fn is_issuing_participle(word: &str) -> bool {
    matches!(
        word,
        "published"
            | "released"
            | "conducted"
            | "issued"
            | "obtained"
            | "seen"
            | "posted"
            | "compiled"
            | "commissioned"
            | "carried"
    )
}

/// The capitalised run before a document noun: "previous NIS statements", "Its analysis".
fn owner_before(s: &str, noun_start: usize) -> Option<(Vec<String>, usize)> {
    let head = &s[..noun_start];
    let spans = word_spans(head);
    let mut first = spans.len();
    while first > 0 {
        let (a, b) = spans[first - 1];
        let w = &head[a..b];
        let owner_like = w.starts_with(|c: char| c.is_uppercase())
            || w.ends_with("'s")
            || w.ends_with("’s")
            || matches!(
                w,
                "previous" | "recent" | "latest" | "earlier" | "new" | "official"
            );
        if !owner_like
            || !head[b..spans.get(first).map_or(noun_start, |s| s.0)]
                .trim()
                .is_empty()
        {
            break;
        }
        first -= 1;
    }
    if first == spans.len() {
        return None;
    }
    let start = spans[first].0;
    // "the government's figure of": the owner without its possessive (nor
    // the adjectives after it: "the ministry's official count").
    let owner = head[start..].trim();
    let owner = match owner.rfind("'s ").or_else(|| owner.rfind("’s ")) {
        Some(at) => &owner[..at],
        None => owner,
    };
    let owner = owner
        .strip_suffix("'s")
        .or_else(|| owner.strip_suffix("’s"))
        .unwrap_or(owner);
    Some((vec![owner.to_string()], start))
}

/// The subject before a verb at `verb_start`: words back to a clause boundary.
/// Returns the mentions (several for a joint subject) and the span start.
fn subject_before(s: &str, verb_start: usize) -> Option<(Vec<String>, usize)> {
    subject_before_past(s, verb_start, 0)
}

/// The most parentheticals [`subject_before`] skips between a subject and
/// its verb: real sentences have one or two, and a hostile one with
/// thousands must not recurse that deep.
const MAX_PARENTHETICALS: usize = 8;

/// [`subject_before`], `skipped` parentheticals already skipped.
fn subject_before_past(s: &str, verb_start: usize, skipped: usize) -> Option<(Vec<String>, usize)> {
    if skipped > MAX_PARENTHETICALS {
        return None;
    }
    let head = &s[..verb_start];
    // "The opposition alliance, which took 94 seats, said": a relative
    // clause between commas is skipped even when it holds a figure (the
    // word-by-word search below stops at figures).
    if let Some(inner) = head.trim_end().strip_suffix(',')
        && let Some(open) = inner.rfind(',')
        && ["which ", "who ", "whose "]
            .iter()
            .any(|r| inner[open + 1..].trim_start().starts_with(r))
        && !inner[..open].trim().is_empty()
    {
        return subject_before_past(s, open, skipped + 1);
    }
    let spans = word_spans(head);
    let mut idx = spans.len();
    // Skip adverbs and auxiliaries: "The NIS also added".
    while idx > 0 && is_adverb(&head[spans[idx - 1].0..spans[idx - 1].1]) {
        idx -= 1;
    }
    // "The union, however, said": a sentence adverb between commas is
    // skipped.
    if let Some(&(a, b)) = idx.checked_sub(1).and_then(|i| spans.get(i)) {
        let before = head[..a].trim_end();
        // The gap to the next word ("The union, however, has said").
        let next = spans.get(idx).map_or(head.len(), |n| n.0);
        if is_sentence_adverb(&head[a..b]) && head[b..next].trim() == "," && before.ends_with(',') {
            return subject_before_past(s, before.len() - 1, skipped + 1);
        }
    }
    // A subject pronoun right before the verb is the whole subject:
    // "Yesterday he said", "In Seoul they said" name "he" and "they".
    let (last_start, last_end) = *spans.get(idx.checked_sub(1)?)?;
    if matches!(
        &head[last_start..last_end],
        "he" | "she" | "it" | "they" | "we" | "He" | "She" | "It" | "They" | "We" | "I"
    ) {
        return Some((vec![head[last_start..last_end].to_string()], last_start));
    }
    let mut np_end = last_end;
    if head[np_end..].starts_with(')') {
        np_end += 1;
    }
    let mut first = idx;
    while first > 0 {
        let (a, b) = spans[first - 1];
        let gap = &head[b..if first < spans.len() {
            spans[first].0
        } else {
            np_end
        }];
        if first < idx && gap.contains([',', ';', ':', '"', '“', '”', '—', '–']) {
            break;
        }
        let word = &head[a..b];
        if is_clause_word(word)
            || word.chars().any(|c| c.is_ascii_digit())
            || speech_verb(word).is_ok()
        {
            break;
        }
        first -= 1;
        if idx - first >= 8 {
            break;
        }
    }
    if first == idx {
        return None;
    }
    // "South Korea's spy agency, in a closed-door briefing to lawmakers, said",
    // "Rescue officials, speaking on condition of anonymity, said", "Two
    // officials, who spoke on condition of anonymity, said": a
    // parenthetical after the subject (a prepositional phrase, a participle
    // or a relative clause) is skipped.
    // A relative pronoun may have stopped the search ("which" is a clause
    // word): the parenthetical opens with it.
    let relative = |k: usize| matches!(&head[spans[k].0..spans[k].1], "who" | "which" | "whose");
    let first_open = if first > 0 && relative(first - 1) {
        first - 1
    } else {
        first
    };
    let opener = &head[spans[first_open].0..spans[first_open].1];
    let participle = opener.len() > 5
        && opener.ends_with("ing")
        && opener.starts_with(|c: char| c.is_ascii_lowercase());
    // A participle or relative clause is a parenthetical only when a comma
    // closes it before the verb: not in "troops, which officials said".
    let closed = head[last_end..].contains(',');
    if ((closed && (participle || relative(first_open)))
        || matches!(
            opener,
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "with"
                | "for"
                | "from"
                | "by"
                | "over"
                | "under"
                | "through"
                | "via"
        ))
        && first_open > 0
        && head[spans[first_open - 1].1..spans[first_open].0].contains(',')
    {
        let cut = head[..spans[first_open].0]
            .trim_end()
            .trim_end_matches(',')
            .len();
        return subject_before_past(s, cut, skipped + 1);
    }
    // "police counted 12,000 marchers and organisers said 30,000": after a
    // figure, the words up to "and" are its noun, not the subject.
    if first > 0
        && head[spans[first - 1].0..spans[first - 1].1]
            .chars()
            .any(|c| c.is_ascii_digit())
        && let Some(k) = (first..idx)
            .rev()
            .find(|&k| &head[spans[k].0..spans[k].1] == "and")
        && k + 1 < idx
    {
        first = k + 1;
    }
    let np_start = spans[first].0;
    let np = head[np_start..np_end].trim();
    let np_words: Vec<&str> = spans[first..idx]
        .iter()
        .map(|&(a, b)| &head[a..b])
        .collect();
    let plausible = np_words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()) || is_source_noun(w));
    // "… detained Ali Yilmaz and said": the verb shares a subject named
    // earlier ([`shared_subject`]); what ends in "and" is not one.
    if !plausible || np_words.last().is_some_and(|w| matches!(*w, "and" | "or")) {
        return None;
    }
    let mut mentions = vec![np.to_string()];
    let mut start = np_start;
    // Joint subjects: "South Korea, the U.S., and Ukraine estimate".
    if let Some(last) = np.strip_prefix("and ") {
        mentions = vec![last.to_string()];
        let mut cursor = np_start;
        loop {
            let before = head[..cursor].trim_end();
            let Some(before) = before.strip_suffix(',') else {
                break;
            };
            let seg_start = before.rfind(',').map_or(0, |n| n + 1);
            let seg = before[seg_start..].trim();
            let words = seg.split_whitespace().count();
            if seg.is_empty()
                || words > 4
                || !seg
                    .split_whitespace()
                    .any(|w| w.starts_with(|c: char| c.is_uppercase()))
            {
                break;
            }
            mentions.insert(0, seg.to_string());
            cursor =
                seg_start + (before[seg_start..].len() - before[seg_start..].trim_start().len());
            start = cursor;
            if seg_start == 0 {
                break;
            }
        }
        if mentions.len() == 1 {
            // No list before it: "..., and it said" names only "it".
            start = np_start + "and ".len();
        }
    }
    Some((mentions, start))
}

/// The subject a speech verb shares with the clause before it: "The ports
/// authority put the number of strikers at 7,500, and said losses could
/// reach $40 million" — the verb right after "and" has no subject of its
/// own, so it is the sentence's opening noun phrase (up to six words,
/// ending at its last capitalised word or source noun before a verb,
/// auxiliary, clause word or figure). With the start of "and". `spans` are
/// the sentence's words ([`word_spans`]), found once by [`cues`].
fn shared_subject(s: &str, spans: &[(usize, usize)], verb_start: usize) -> Option<(String, usize)> {
    let head = s.get(..verb_start)?.trim_end();
    let and_at = head.len().checked_sub(3)?;
    // `get`: the three bytes before the verb may cut a character.
    if !head.get(and_at..)?.eq_ignore_ascii_case("and")
        || !head[..and_at].ends_with(|c: char| c.is_whitespace() || c == ',')
    {
        return None;
    }
    let mut end = None;
    for (k, &(a, b)) in spans.iter().enumerate().take(6) {
        let word = &s[a..b];
        // Punctuation before this word ends the phrase.
        if k > 0 && !s[spans[k - 1].1..a].trim().is_empty() {
            break;
        }
        let lower = word.to_ascii_lowercase();
        // "On Monday the union …": a sentence that opens with a phrase of
        // time or place has no plain subject to share.
        if k == 0
            && matches!(
                lower.as_str(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "since"
                    | "by"
                    | "for"
                    | "with"
                    | "yesterday"
                    | "today"
                    | "earlier"
                    | "later"
            )
        {
            return None;
        }
        let determiner = k == 0 && matches!(lower.as_str(), "the" | "a" | "an" | "its" | "their");
        // Once the phrase has its head, a lower-case word other than a
        // source noun or "of" is the verb: "Turkish police detained …".
        if end.is_some()
            && !word.starts_with(char::is_uppercase)
            && !is_source_noun(word)
            && lower != "of"
        {
            break;
        }
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            || is_clause_word(word)
            || speech_verb(word).is_ok()
            || matches!(
                lower.as_str(),
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "did"
                    | "does"
                    | "and"
            )
        {
            break;
        }
        if !determiner && (word.starts_with(char::is_uppercase) || is_source_noun(word)) {
            end = Some(b);
        }
    }
    let end = end?;
    Some((s[..end].to_string(), and_at))
}

/// Whether `after` (the text after a number) starts with a noun that names
/// sources: "officials said", "people familiar with the matter", "sources".
pub(crate) fn names_a_source(after: &str) -> bool {
    after
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| is_source_noun(w) || w.eq_ignore_ascii_case("people"))
}

/// Every attribution cue in `sentence`, in order.
///
/// ```
/// use crosscheck_claims::attribution::cue::{cues, CueKind};
///
/// let s = "Another 1,000 engineers have been sent, Yonhap news agency reported, citing members of the committee.";
/// let found = cues(s);
/// assert_eq!(found[0].kind, CueKind::Speaker);
/// assert_eq!(found[0].mentions, ["Yonhap news agency"]);
/// assert_eq!(found[1].kind, CueKind::Citing);
/// assert_eq!(found[1].mentions, ["members of the committee"]);
/// ```
pub fn cues(sentence: &str) -> Vec<Cue> {
    if CUE_WORD_FINDER
        .as_ref()
        .is_some_and(|f| !f.is_match(sentence))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let spans = word_spans(sentence);
    for (n, &(a, b)) in spans.iter().enumerate() {
        let at = &sentence[a..];
        // Most words begin no cue: skip the grammar for them.
        if !may_start(at, is_cue_word) {
            continue;
        }
        // The rarer cues below are tried only at their own words; a span's
        // word is a whole word, so what follows such a cue is `b..`.
        let word = &sentence[a..b];
        let one_of = |list: &[&str]| list.iter().any(|l| word.eq_ignore_ascii_case(l));
        if let Ok((r, _)) = (
            w("according"),
            nom::character::complete::multispace1,
            w("to"),
        )
            .parse(at)
        {
            let from = sentence.len() - r.len();
            if let Some((s, e)) = phrase_after(sentence, from) {
                out.push(cue(
                    CueKind::AccordingTo,
                    vec![sentence[s..e].to_string()],
                    a,
                    e,
                ));
            }
            continue;
        }
        if let Ok((r, _)) = w("citing").parse(at) {
            let from = sentence.len() - r.len();
            if let Some((s, e)) = phrase_after(sentence, from) {
                out.push(cue(CueKind::Citing, vec![sentence[s..e].to_string()], a, e));
            }
            continue;
        }
        if let Ok((r, _)) = (
            w("reported"),
            nom::character::complete::multispace1,
            w("by"),
        )
            .parse(at)
        {
            let from = sentence.len() - r.len();
            if let Some((s, e)) = phrase_after(sentence, from) {
                out.push(cue(
                    CueKind::ReportedBy,
                    vec![sentence[s..e].to_string()],
                    a,
                    e,
                ));
            }
            continue;
        }
        // "Analysts polled by LSEG had expected revenue of $4.1 billion":
        // a forecast is its subject's estimate. Read at the participle (a
        // rarer word than "had"), with "had" or "have" right before it.
        if one_of(&["expected", "forecast", "projected"]) {
            let (r, end) = (&sentence[b..], b);
            let after_aux = n > 1 && {
                let aux = &sentence[spans[n - 1].0..spans[n - 1].1];
                aux.eq_ignore_ascii_case("had") || aux.eq_ignore_ascii_case("have")
            };
            if after_aux
                && !r.trim_start().starts_with("to ")
                && let Some((mentions, start)) = subject_before(sentence, spans[n - 1].0)
            {
                out.push(cue(CueKind::Speaker, mentions, start, end));
            }
            continue;
        }
        // "The company cut its full-year sales forecast to 1.1 million
        // vehicles": a revised forecast is its subject's own.
        if one_of(&[
            "cuts", "cut", "raised", "raises", "lowered", "lowers", "trimmed", "lifted",
        ]) {
            let (r, end) = (&sentence[b..], b);
            if n > 0
                && revises_its_forecast(r)
                && let Some((mentions, start)) = subject_before(sentence, a)
            {
                out.push(cue(CueKind::Speaker, mentions, start, end));
            }
            continue;
        }
        if one_of(&["counted", "counts", "tallied"]) {
            // "police counted 24,000", "the CGT counted 110,000 marchers":
            // the subject's own count, when a figure follows.
            let (r, end) = (&sentence[b..], b);
            if n > 0
                && r.split_whitespace().next().is_some_and(starts_a_figure)
                && let Some((mentions, start)) = subject_before(sentence, a)
            {
                out.push(cue(CueKind::Speaker, mentions, start, end));
            }
            continue;
        }
        if one_of(&["puts", "put"]) {
            // "The union put the number of job losses at 3,500": an
            // estimate, when a figure follows "at" a few words on.
            let (r, end) = (&sentence[b..], b);
            if n > 0
                && puts_at_a_figure(r)
                && let Some((mentions, start)) = subject_before(sentence, a)
            {
                out.push(cue(CueKind::Speaker, mentions, start, end));
            }
            continue;
        }
        if let Ok((r, _)) = speech_verb(at) {
            if !speaks(sentence, &spans, n) {
                continue;
            }
            let end = sentence.len() - r.len();
            // "South Korean media, citing the NIS, reported": the subject sits before the citing clause.
            let mut verb_start = a;
            if let Some(c) = out.last() {
                if c.kind == CueKind::Citing && sentence[c.end..a].trim() == "," {
                    verb_start = sentence[..c.start].trim_end().trim_end_matches(',').len();
                }
            }
            if let Some((mentions, start)) = subject_before(sentence, verb_start) {
                out.push(cue(CueKind::Speaker, mentions, start, end));
            } else if let Some((mention, and_at)) = shared_subject(sentence, &spans, verb_start) {
                // The cue is "and said" alone: the clause between the
                // subject and "and" (its figures) is not part of it.
                out.push(cue(CueKind::Speaker, vec![mention], and_at, end));
            }
            continue;
        }
        if n > 0 {
            if let Ok((r, noun)) = document_noun(at) {
                let rest = r.trim_start();
                // "the government's figure of 1,200": the owner's own figure.
                let of = rest
                    .strip_prefix("of")
                    .filter(|n| n.starts_with(char::is_whitespace));
                let of_a_number =
                    of.is_some_and(|n| n.trim_start().starts_with(|c: char| c.is_ascii_digit()));
                // "The Health Ministry's official count of heat-attributed
                // deaths stood at 520": the owner's figure, stated in the
                // noun phrase's own clause.
                let stood_at = of.is_some_and(|n| {
                    let clause = n.split([',', ';']).next().unwrap_or("");
                    [
                        " stood at ",
                        " was ",
                        " reached ",
                        " rose to ",
                        " totalled ",
                        " totaled ",
                    ]
                    .iter()
                    .any(|v| {
                        clause.split_once(v).is_some_and(|(_, after)| {
                            after
                                .trim_start()
                                .trim_start_matches(['$', '€', '£'])
                                .starts_with(|c: char| c.is_ascii_digit())
                        })
                    })
                });
                let owned = of_a_number || stood_at;
                if document_verb(rest).is_ok() || rest.starts_with("that") || owned {
                    // A count is an owner's only after a possessive ("the
                    // ministry's official count"), not "an earlier count".
                    let possessed = !noun.eq_ignore_ascii_case("count")
                        || sentence[..a].contains("'s ")
                        || sentence[..a].contains("’s ");
                    if possessed && let Some((mentions, start)) = owner_before(sentence, a) {
                        let end = if of_a_number {
                            sentence.len() - rest.len() + "of".len()
                        } else {
                            sentence.len() - r.len()
                        };
                        out.push(cue(CueKind::Document, mentions, start, end));
                    }
                }
            }
        }
    }
    out
}

/// Whether a word starts a figure: digits, a currency sign, or a word
/// that opens one ("about", "some", "dozens" …).
fn starts_a_figure(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£'))
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "about"
                | "around"
                | "roughly"
                | "nearly"
                | "almost"
                | "approximately"
                | "least"
                | "more"
                | "over"
                | "some"
                | "between"
                | "up"
                | "under"
                | "fewer"
                | "less"
                | "just"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "tens"
                | "millions"
                | "billions"
        )
}

/// The most words between "put" and "at" in [`puts_at_a_figure`] ("the
/// number of people killed in the attack" is eight).
const MAX_PUT_OBJECT: usize = 10;

/// Whether `rest`, the text after "put", is an object of a few words and
/// "at" before a figure: "the death toll at 300", "turnout at about 1,200",
/// "the cost at $2 billion". Not "put pressure on", "put forward".
fn puts_at_a_figure(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for _ in 0..=MAX_PUT_OBJECT {
        let Some(word) = words.next() else {
            return false;
        };
        if word.eq_ignore_ascii_case("at") {
            return words.next().is_some_and(starts_a_figure);
        }
        // Punctuation ends the object: no clause is crossed. A particle or
        // a preposition other than "of" makes another verb: "put pressure
        // on", "put forward", "put up".
        if word.contains([',', ';', ':', '.', '(', ')'])
            || matches!(
                word.to_ascii_lowercase().as_str(),
                "on" | "into"
                    | "to"
                    | "forward"
                    | "off"
                    | "up"
                    | "down"
                    | "out"
                    | "back"
                    | "aside"
                    | "through"
                    | "together"
                    | "across"
            )
        {
            return false;
        }
    }
    false
}

/// Whether `rest`, the text after "cut", "raised" and the like, is "its" or
/// "their", a few words ending in a forecast noun, and "to": "its
/// full-year sales forecast to", "their growth target to".
fn revises_its_forecast(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    if !words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("its") || w.eq_ignore_ascii_case("their"))
    {
        return false;
    }
    let mut forecast = false;
    for word in words.take(5) {
        if forecast {
            return word.eq_ignore_ascii_case("to");
        }
        if word.contains([',', ';', ':', '.']) {
            return false;
        }
        forecast = [
            "forecast",
            "forecasts",
            "target",
            "guidance",
            "outlook",
            "estimate",
        ]
        .iter()
        .any(|f| word.eq_ignore_ascii_case(f));
    }
    false
}

/// Whether the speech-verb word at `spans[n]` is a verb of saying here, not
/// a word that only looks like one:
///
/// - part of a name: "the United States could hold talks" (a capitalised
///   "States" after "United", or followed by a lower-case word: a title-case
///   headline's verb, "NIS Says 5,000 Troops Sent", is followed by another
///   capitalised word or a figure);
/// - an adjective after a determiner: "Pyongyang sent an estimated 11,000
///   troops", "the reported 5,000";
/// - the verb of a reduced relative clause: "81 percent of the four
///   territories it claims" (a pronoun right after a noun, no boundary
///   between them).
fn speaks(sentence: &str, spans: &[(usize, usize)], n: usize) -> bool {
    let word = |k: usize| &sentence[spans[k].0..spans[k].1];
    let verb = word(n);
    if n > 0 && verb.starts_with(|c: char| c.is_uppercase()) {
        let after_united = word(n - 1) == "United";
        // A lower-case word right after: body text, where a capitalised
        // verb is part of a name. Not a headline's small words ("NIS Says
        // as Many as 5,000", "Kim Says to Send 3,000"), nor the end of a
        // headline ("…, Seoul Says").
        let next_lower = spans.get(n + 1).is_some_and(|&(a, b)| {
            let next = &sentence[a..b];
            sentence[spans[n].1..a].trim().is_empty()
                && next.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    next,
                    "a" | "an"
                        | "the"
                        | "as"
                        | "to"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "by"
                        | "for"
                        | "and"
                        | "or"
                        | "with"
                        | "from"
                )
        });
        if after_united || next_lower {
            return false;
        }
    }
    let Some(before) = n.checked_sub(1) else {
        return true;
    };
    let adjacent = |k: usize| sentence[spans[k].1..spans[k + 1].0].trim().is_empty();
    let prev = word(before);
    let prev_is = |words: &[&str]| words.iter().any(|w| prev.eq_ignore_ascii_case(w));
    if adjacent(before)
        && prev_is(&[
            "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
            "our", "your",
        ])
    {
        return false;
    }
    // A noun, not a verb: "The group's central estimate is about 1,700",
    // "revised its central estimate of excess deaths", "reports of".
    let any_of = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    if any_of(
        verb,
        &["estimate", "estimates", "reports", "claims", "states"],
    ) && spans.get(n + 1).is_some_and(|&(a, b)| {
        any_of(
            &sentence[a..b],
            &[
                "is", "was", "are", "were", "of", "stood", "stands", "has", "had", "rose", "fell",
                "put", "puts",
            ],
        )
    }) {
        return false;
    }
    // A passive: "Three miners were confirmed dead", "was reported": no
    // speaker is its subject.
    if adjacent(before) && prev_is(&["was", "were", "is", "are", "been", "being", "be"]) {
        return false;
    }
    // "the territories it claims": a lower-case noun right before the
    // pronoun. Not "Yesterday he said", "In Seoul he said" (capitalised),
    // "last week they said" (a time), "and it said" (a clause opener).
    let pronoun = prev_is(&["it", "they", "he", "she", "we", "i"]);
    if pronoun && before > 0 && adjacent(before - 1) && adjacent(before) {
        let noun = word(before - 1);
        let clause_opener = is_clause_word(noun)
            || is_adverb(noun)
            || ["and", "or", "then"]
                .iter()
                .any(|w| noun.eq_ignore_ascii_case(w));
        let time = matches!(
            noun.trim_end_matches('s'),
            "day"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "time"
                | "ago"
                | "today"
                | "tonight"
                | "yesterday"
        );
        if !clause_opener
            && !time
            && noun.starts_with(|c: char| c.is_lowercase())
            && noun.chars().all(char::is_alphabetic)
        {
            return false;
        }
    }
    true
}

fn cue(kind: CueKind, mentions: Vec<String>, start: usize, end: usize) -> Cue {
    Cue {
        kind,
        mentions,
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `word_spans` did before it read ASCII byte by byte: every
    /// character decoded, the next one peeked at.
    fn word_spans_by_chars(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((n, c)) = iter.next() {
            let next_alnum = iter.peek().is_some_and(|&(_, d)| d.is_alphanumeric());
            let inner = matches!(c, '.' | '-' | '\'' | '’') && start.is_some() && next_alnum;
            let part = c.is_alphanumeric()
                || inner
                || (c == '.' && start.is_some() && s[..n].ends_with(|d: char| d.is_uppercase()));
            match (part, start) {
                (true, None) => start = Some(n),
                (false, Some(st)) => {
                    out.push((st, n));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(st) = start {
            out.push((st, s.len()));
        }
        out
    }

    fn speakers(s: &str) -> Vec<Vec<String>> {
        cues(s)
            .into_iter()
            .filter(|c| c.kind == CueKind::Speaker)
            .map(|c| c.mentions)
            .collect()
    }

    #[test]
    fn the_union_put_the_number_of_job_losses_at_3_500() {
        assert_eq!(
            speakers("The union put the number of job losses at 3,500."),
            [["The union"]]
        );
        assert_eq!(
            speakers("Organisers put turnout at about 1,200, far above the police count."),
            [["Organisers"]]
        );
        assert_eq!(
            speakers("The UN puts the cost at $2 billion."),
            [["The UN"]]
        );
        assert_eq!(
            speakers("Officials put the number of people killed in the attack at 40."),
            [["Officials"]]
        );
    }

    #[test]
    fn the_company_cut_its_sales_forecast_to() {
        let s = "The company cut its full-year sales forecast to 1.1 million vehicles.";
        assert_eq!(speakers(s), [["The company"]]);
        // Not a forecast, or no "to".
        assert!(speakers("The company cut its workforce by 300.").is_empty());
        assert!(speakers("The company cut its forecast sharply.").is_empty());
    }

    #[test]
    fn analysts_had_expected() {
        let s = "Analysts polled by LSEG had expected revenue of $4.1 billion.";
        assert_eq!(speakers(s), [["Analysts polled by LSEG"]]);
        // "had expected to": a plan, not a source's estimate.
        assert!(speakers("The army had expected to send 500 troops.").is_empty());
        assert!(speakers("They had left 300 homes.").is_empty());
    }

    #[test]
    fn the_coast_guard_said() {
        let s = "At least 12 people drowned off the coast on Saturday, the coast guard said.";
        assert_eq!(speakers(s), [["the coast guard"]]);
        let s = "Two bodies were found, rescuers said.";
        assert_eq!(speakers(s), [["rescuers"]]);
    }

    #[test]
    fn a_yougov_survey_published_on_thursday() {
        let c =
            cues("31 percent back the party, according to a YouGov survey published on Thursday.");
        assert_eq!(c[0].mentions, ["a YouGov survey"]);
        let c = cues("12 were killed, according to data released by the ministry.");
        assert_eq!(c[0].mentions, ["data released by the ministry"]);
    }

    #[test]
    fn put_without_a_figure_at_is_no_cue() {
        assert!(speakers("The union put pressure on the company at 3 meetings.").is_empty());
        assert!(speakers("The union put pressure on the company at the talks.").is_empty());
        assert!(speakers("Sanctions put Putin at risk.").is_empty());
        assert!(speakers("The union put forward a plan, at 3 pages.").is_empty());
        assert!(speakers("Putin met 3 officials at 5 sites.").is_empty());
    }

    #[test]
    fn word_spans_keep_inner_dots_hyphens_and_apostrophes() {
        let s = "U.S. officials’ re-count: Kim’s 5.5 troops. É-é";
        assert_eq!(word_spans(s), word_spans_by_chars(s));
        let words: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            words,
            [
                "U.S.",
                "officials",
                "re-count",
                "Kim’s",
                "5.5",
                "troops",
                "É-é"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn word_spans_equal_the_character_steps(s in "[ a-zA-Z0-9.'’\\-,É é]{0,24}") {
            proptest::prop_assert_eq!(word_spans(&s), word_spans_by_chars(&s));
        }
    }

    fn first(s: &str) -> (CueKind, Vec<String>) {
        let c = cues(s)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no cue in {s}"));
        (c.kind, c.mentions)
    }

    #[test]
    fn according_to_x() {
        assert_eq!(
            first(
                "According to South Korean assessments, North Korea has sent around 15,000 troops"
            ),
            (
                CueKind::AccordingTo,
                vec!["South Korean assessments".to_string()]
            )
        );
    }

    #[test]
    fn according_to_keeps_the_acronym() {
        assert_eq!(
            first(
                "According to the National Intelligence Service (NIS), there is a high possibility"
            ),
            (
                CueKind::AccordingTo,
                vec!["the National Intelligence Service (NIS)".to_string()]
            )
        );
    }

    #[test]
    fn x_told_lawmakers() {
        assert_eq!(
            first(
                "South Korea’s National Intelligence Service (NIS) told lawmakers that Pyongyang has dispatched about 5,000"
            ),
            (
                CueKind::Speaker,
                vec!["South Korea’s National Intelligence Service (NIS)".to_string()]
            )
        );
    }

    #[test]
    fn the_nis_added() {
        assert_eq!(
            first("The NIS added that nearly 10,000 troops"),
            (CueKind::Speaker, vec!["The NIS".to_string()])
        );
    }

    #[test]
    fn the_agency_also_believes() {
        assert_eq!(
            first("The agency also believes North Korea has sent"),
            (CueKind::Speaker, vec!["The agency".to_string()])
        );
    }

    #[test]
    fn sentence_final_x_reported_citing_y() {
        let c = cues(
            "Another 1,000 North Korean engineers have been sent to assist with mine clearance operations, Yonhap news agency reported, citing members of the parliamentary intelligence committee.",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].mentions, vec!["Yonhap news agency"]);
        assert_eq!(
            c[1].mentions,
            vec!["members of the parliamentary intelligence committee"]
        );
    }

    #[test]
    fn media_citing_x_reported() {
        let c = cues(
            "South Korean media, citing the National Intelligence Service (NIS), reported on Thursday that North Korea has sent additional troops.",
        );
        assert_eq!(c[0].kind, CueKind::Citing);
        assert_eq!(
            c[0].mentions,
            vec!["the National Intelligence Service (NIS)"]
        );
        assert_eq!(c[1].kind, CueKind::Speaker);
        assert_eq!(c[1].mentions, vec!["South Korean media"]);
    }

    #[test]
    fn joint_subject_south_korea_the_us_and_ukraine_estimate() {
        let c = cues(
            "While the exact number remains undisclosed, South Korea, the U.S., and Ukraine estimate that approximately 10,000-12,000 troops were sent",
        );
        assert_eq!(c[0].mentions, vec!["South Korea", "the U.S.", "Ukraine"]);
    }

    #[test]
    fn previous_nis_statements_indicating() {
        let c = cues(
            "it follows previous NIS statements indicating that over 11,000 North Korean troops have been deployed",
        );
        assert_eq!(c[0].kind, CueKind::Document);
        assert_eq!(c[0].mentions, vec!["previous NIS"]);
    }

    #[test]
    fn its_analysis_estimates() {
        let c = cues("Its analysis estimates that Russia now controls 81 percent");
        assert_eq!(c[0].mentions, vec!["Its"]);
    }

    #[test]
    fn a_spokesperson_for_x_said() {
        let c = cues(
            "Chang Yoon-jeong, a spokesperson for South Korea's Unification Ministry, said Seoul was closely monitoring",
        );
        assert_eq!(c[0].kind, CueKind::Speaker);
        assert_eq!(
            c[0].mentions,
            vec!["a spokesperson for South Korea's Unification Ministry"]
        );
    }

    #[test]
    fn parenthetical_after_the_subject_is_skipped() {
        let c = cues(
            "South Korea's spy agency, in a closed-door briefing to lawmakers, said it had detected signs",
        );
        assert_eq!(c[0].mentions, vec!["South Korea's spy agency"]);
    }

    #[test]
    fn officials_speaking_on_condition_of_anonymity_said() {
        let c = cues(
            "Rescue officials, speaking on condition of anonymity, said the toll could exceed 2,000.",
        );
        assert_eq!(c[0].mentions, vec!["Rescue officials"]);
        let c =
            cues("Two officials, who spoke on condition of anonymity, said 300 troops were sent.");
        assert_eq!(c[0].mentions, vec!["Two officials"]);
        let c = cues("The agency, which monitors the fighting, said 300 troops were sent.");
        assert_eq!(c[0].mentions, vec!["The agency"]);
    }

    #[test]
    fn the_ports_authority_put_the_number_at_7500_and_said() {
        let s = "The ports authority put the number of strikers at 7,500, and said losses could reach $40 million a day.";
        let c = cues(s);
        assert_eq!(c.len(), 2, "{c:?}");
        // "put … at 7,500" is the authority's own cue.
        assert_eq!(&s[c[0].start..c[0].end], "The ports authority put");
        assert_eq!(c[1].mentions, vec!["The ports authority"]);
        // The cue is "and said": the figure before it is outside.
        assert_eq!(&s[c[1].start..c[1].end], "and said");
        let c = cues("Northwind Motors will cut 1,200 jobs and said 300 more could go.");
        assert_eq!(c[0].mentions, vec!["Northwind Motors"]);
        // The subject ends at its verb; an opening phrase of time has none.
        let c = cues("Turkish police detained Ali Yilmaz and said 300 people were held.");
        assert_eq!(c[0].mentions, vec!["Turkish police"]);
        let s = "On Monday the union put it at 300, and said 40 more joined.";
        let c = cues(s);
        // "the union put … at 300" only: "and said" has no shared subject.
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(s[c[0].start..c[0].end].ends_with("union put"), "{c:?}");
        // A verb with its own subject, or no "and": as before.
        let c = cues("Rescuers found 12 bodies and officials said 40 were missing.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].mentions[0].ends_with("officials"), "{c:?}");
        assert!(cues("The storm, which said nothing, passed.").is_empty());
        // No capitalised word or source noun at the start: no subject.
        let c = cues("heavy rain fell for days, and said 40 were missing.");
        assert!(c.is_empty(), "{c:?}");
        // Characters of several bytes before the verb.
        for s in [
            "rain fell éé said 4.",
            "rain fell xé said 4.",
            "rain 日本 said 4.",
        ] {
            let _ = cues(s);
        }
    }

    #[test]
    fn thousands_of_parentheticals_before_said_do_not_recurse_that_deep() {
        // Each ", in x," would be skipped in turn: a bounded number are.
        let s = format!("A{} said 300 troops were sent.", ", in x,".repeat(200_000));
        let c = cues(&s);
        assert!(c.iter().all(|c| c.mentions != vec!["A"]), "{:?}", c.first());
        let s = format!(
            "The agency{} said 300 troops were sent.",
            ", in May,".repeat(3)
        );
        assert_eq!(cues(&s)[0].mentions, vec!["The agency"]);
    }

    #[test]
    fn the_union_however_said() {
        let c = cues("The union, however, said participation had risen to 14,000.");
        assert_eq!(c[0].mentions, vec!["The union"]);
        let c = cues("The NIS, too, said 300 troops were sent.");
        assert_eq!(c[0].mentions, vec!["The NIS"]);
        let c = cues("The union, however, has said 300 workers joined.");
        assert_eq!(c[0].mentions, vec!["The union"]);
    }

    #[test]
    fn a_relative_clause_not_closed_by_a_comma_holds_the_speaker() {
        // "which officials said": the speaker is inside the clause.
        let c = cues("Pyongyang has sent 300 troops, which officials said arrived in May.");
        assert_eq!(c[0].mentions, vec!["officials"]);
    }

    #[test]
    fn the_united_states_is_a_name_not_a_cue() {
        assert!(
            cues("Kim has the intent to pursue dialogue with the United States and will seek contact.")
                .is_empty()
        );
        assert!(cues("Pyongyang is preparing for dialogue with the United States.").is_empty());
    }

    #[test]
    fn title_case_headline_says_is_a_cue() {
        assert_eq!(
            first("NIS Says 5,000 Troops Sent"),
            (CueKind::Speaker, vec!["NIS".to_string()])
        );
    }

    #[test]
    fn an_estimated_figure_is_not_a_cue() {
        assert!(cues("In November 2024, Pyongyang sent an estimated 11,000 troops.").is_empty());
        assert!(cues("Officials doubt the reported 5,000 troops.").is_empty());
    }

    #[test]
    fn territories_it_claims_is_not_a_cue() {
        assert!(
            cues("Russia now controls 81 percent of the four Ukrainian territories it claims.")
                .is_empty()
        );
    }

    #[test]
    fn headline_ending_in_says_is_a_cue() {
        assert_eq!(
            first("North Korea Sent 11,000 Troops, Seoul Says"),
            (CueKind::Speaker, vec!["Seoul".to_string()])
        );
        assert_eq!(
            first("NIS Says as Many as 5,000 Troops Sent"),
            (CueKind::Speaker, vec!["NIS".to_string()])
        );
        // The ledger parses a cue's own words again: "NIS Says" alone is one.
        assert_eq!(
            first("NIS Says"),
            (CueKind::Speaker, vec!["NIS".to_string()])
        );
    }

    #[test]
    fn pronoun_after_a_time_or_a_name_is_a_cue() {
        for (s, who) in [
            ("Yesterday he said 5,000 troops had moved.", "he"),
            ("Last week they said 5,000 troops had moved.", "they"),
            ("In Seoul he said 5,000 troops had moved.", "he"),
        ] {
            let c = cues(s);
            assert_eq!(c.len(), 1, "{s}");
            assert_eq!(c[0].mentions, [who], "{s}");
        }
    }

    #[test]
    fn pronoun_subject_after_a_clause_word_is_a_cue() {
        let c = cues("Seoul was monitoring the border, and it said 5,000 troops had moved.");
        assert_eq!(c[0].mentions, vec!["it"]);
    }

    #[test]
    fn upper_case_cue_words_pass_the_sentence_filter() {
        assert_eq!(
            first("OFFICIALS SAID 5,000 TROOPS HAD MOVED"),
            (CueKind::Speaker, vec!["OFFICIALS".to_string()])
        );
        assert_eq!(
            first("ACCORDING TO the ministry, 5,000 troops moved"),
            (CueKind::AccordingTo, vec!["the ministry".to_string()])
        );
    }

    #[test]
    fn every_cue_first_word_is_found_by_the_sentence_filter() {
        let finder = CUE_WORD_FINDER.as_ref().expect("the finder builds");
        for w in SPEECH_VERB_WORDS
            .iter()
            .chain(DOCUMENT_NOUN_WORDS)
            .chain(OTHER_CUE_WORDS)
        {
            assert!(is_cue_word(w), "{w}");
            assert!(finder.is_match(&format!("X {} y", w.to_uppercase())), "{w}");
        }
    }

    #[test]
    fn no_cue_in_plain_narration() {
        assert!(cues("During the meeting, Kim agreed to send 1,000 sappers.").is_empty());
    }
}
