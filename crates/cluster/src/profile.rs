//! What a claim counts, reduced to the keys the clusterer compares: its
//! category, base, scope (roles), action class, actor country and places.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crosscheck_claims::case::{push_lowercase, with_lowercase};
use crosscheck_claims::claim::Claim;
use crosscheck_claims::counted::Category;
use crosscheck_claims::modality::Modality;
use crosscheck_claims::quantity::{Kind, Unit};
use crosscheck_claims::registry::SourceRegistry;
use serde::{Deserialize, Serialize};

use crate::terms::Terms;
use crate::thesaurus::{GroupKind, Thesaurus, normalize_term, push_normalized};

/// The base of every claim about people (troops, workers, sappers, the dead…).
pub const PEOPLE: &str = "people";

/// The keys of one claim, as the clusterer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// "count", "money", "proportion" (percentages and shares), "points"
    /// (differences in percentage points) or "duration".
    pub category: String,
    /// [`PEOPLE`], a concept group label ("shell") or the head lemma.
    pub base: String,
    /// Role labels the figure covers ("construction", "engineer"), or its
    /// generic label ("troop") when it names no role; empty for concepts
    /// and for plain "people".
    pub scope: Terms,
    /// True when the scope's roles were read from the clause after the noun
    /// ("… to take part in reconstruction projects") rather than the noun phrase.
    pub scope_from_context: bool,
    /// Lower-case modifiers of a concept head that no group explains
    /// ("ballistic" in "ballistic missiles").
    pub modifiers: Terms,
    /// The action class ("move", "station", "casualty" …), when known.
    pub action: Option<String>,
    /// The actor's country, when the actor names one ("Pyongyang" → "North
    /// Korea"); for what was won (seats, votes) or pledged, the winner or
    /// the donor without its generic words ("the ruling party" → "ruling", "the opposition
    /// alliance" → "opposition"): seats won by different parties are
    /// different things.
    pub actor: Option<String>,
    /// The countries of the people counted ("307 Russian servicemen" →
    /// "Russia"): Russian and Ukrainian prisoners are different things.
    pub nationality: Terms,
    /// Places the figure goes to or is in ("russia", "kursk").
    pub places: Terms,
    /// The place phrase as written ("to Russia's Kursk region").
    pub place_phrase: Option<String>,
    /// True when the head matched a thesaurus term only by spelling similarity.
    pub fuzzy_head: bool,
    /// True when the noun was carried from the figure before it.
    pub elided: bool,
    /// The counted noun phrase without proper nouns ("military construction troops").
    pub phrase: String,
    /// Lower-case words of the sentence, for context similarity.
    pub context: String,
    /// "plan", "event" or "denied".
    pub modality: &'static str,
}

/// The modality class of a claim: plans (and possibilities) are compared
/// with plans, events with events.
pub fn modality_class(m: Modality) -> &'static str {
    match m {
        Modality::Planned | Modality::Possible => "plan",
        Modality::Denied => "denied",
        Modality::Asserted | Modality::Estimated | Modality::Believed | Modality::Reported => {
            "event"
        }
    }
}

/// The action class of an action lemma.
///
/// | class | lemmas |
/// |---|---|
/// | move | send, dispatch, deploy, supply, provide, move, transfer, receive, deliver, ship |
/// | station | position, station, remain, base |
/// | casualty | kill, lose, die |
/// | wound | wound, injure |
/// | arrest | arrest, detain |
/// | displace | evacuate, displace, flee |
/// | gather | attend, march, rally, gather, protest |
/// | control | control, hold, occupy |
/// | (the lemma itself) | anything else |
pub fn action_class(lemma: &str) -> String {
    action_class_of(lemma).to_string()
}

/// [`action_class`], borrowed: the class name, or the lemma itself.
pub fn action_class_of(lemma: &str) -> &str {
    match lemma {
        "send" | "dispatch" | "deploy" | "supply" | "provide" | "move" | "transfer" | "receive"
        | "deliver" | "ship" => "move",
        "position" | "station" | "remain" | "base" => "station",
        "kill" | "lose" | "die" => "casualty",
        "wound" | "injure" => "wound",
        "arrest" | "detain" => "arrest",
        "evacuate" | "displace" | "flee" => "displace",
        "attend" | "march" | "rally" | "gather" | "protest" => "gather",
        "control" | "hold" | "occupy" => "control",
        other => other,
    }
}

/// The key of a winner ("ruling party" → "ruling", "Opposition
/// Alliance" → "opposition"): its words lower-cased, without the words
/// that name any party or bloc. `None` when nothing is left.
fn winner_key(winner: &str) -> Option<String> {
    let words: Vec<String> = winner
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "party"
                        | "parties"
                        | "alliance"
                        | "coalition"
                        | "bloc"
                        | "front"
                        | "camp"
                )
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Adjectives that do not change what is counted.
fn is_generic_adjective(w: &str) -> bool {
    matches!(
        w,
        "military"
            | "more"
            | "additional"
            | "other"
            | "new"
            | "extra"
            | "foreign"
            | "total"
            | "estimated"
            | "further"
            | "regular"
            | "active"
            | "own"
            | "several"
            | "many"
            | "some"
            | "few"
            | "various"
            | "local"
            | "around"
            | "about"
            | "roughly"
            | "nearly"
            | "almost"
            | "approximately"
    ) || is_number_word(w)
}

fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "billion"
            | "dozen"
            | "dozens"
    ) || w.starts_with(|c: char| c.is_ascii_digit())
}

fn is_capitalized(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Words of a text: letters, digits, inner hyphens and apostrophes.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// The registry used to recognise countries in actors and places.
pub(crate) fn countries() -> &'static SourceRegistry {
    static REGISTRY: OnceLock<SourceRegistry> = OnceLock::new();
    REGISTRY.get_or_init(SourceRegistry::with_defaults)
}

/// One conjunct of a counted noun phrase: "military construction workers".
struct Conjunct {
    head: String,
    /// The word right before the head, lower-cased, even a generic one ("military").
    previous: Option<String>,
    modifiers: Vec<String>,
}

fn conjuncts(as_written: &str, head: &str) -> Vec<Conjunct> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let all = words(as_written);
    let push = |ws: &[&str], out: &mut Vec<Conjunct>| {
        if let Some((last, rest)) = ws.split_last() {
            out.push(Conjunct {
                head: normalize_term(last),
                previous: rest
                    .last()
                    .filter(|w| !is_capitalized(w))
                    .map(|w| w.to_lowercase()),
                modifiers: rest
                    .iter()
                    .filter(|w| !is_capitalized(w))
                    .map(|w| w.to_lowercase())
                    .filter(|w| !is_generic_adjective(w))
                    .collect(),
            });
        }
    };
    for w in all {
        if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") {
            push(&current, &mut out);
            current.clear();
        } else {
            current.push(w);
        }
    }
    push(&current, &mut out);
    match out.first_mut() {
        Some(first) if !head.is_empty() => first.head = normalize_term(head),
        Some(_) => {}
        None if !head.is_empty() => out.push(Conjunct {
            head: normalize_term(head),
            previous: None,
            modifiers: Vec::new(),
        }),
        None => {}
    }
    out
}

/// Figure starts of the other claims in the same sentence, relative to it.
pub(crate) type Stops<'s> = &'s [usize];

/// Builds the profile of one claim. `stops` are the sentence offsets where
/// the other figures of the same sentence start: the clause read for context
/// ends at the next one.
pub(crate) fn profile(claim: &Claim, thesaurus: &Thesaurus, stops: Stops<'_>) -> Profile {
    // A difference in percentage points ("a margin of error of 2.5
    // percentage points", "two points ahead") is not a share.
    let points = claim.unit == Some(Unit::PercentagePoints);
    let category = match claim.counted.as_ref().map(|c| c.category) {
        _ if points => "points",
        Some(Category::Money) => "money",
        Some(Category::Percent | Category::Share) => "proportion",
        Some(Category::Duration) => "duration",
        Some(Category::Count) => "count",
        None => match claim.kind {
            Kind::Money => "money",
            Kind::Percent | Kind::Fraction => "proportion",
            _ => "count",
        },
    }
    .to_string();
    let sentence = claim.sentence.as_str();
    let fig_end = claim
        .span
        .end
        .checked_sub(claim.sentence_span.start)
        .filter(|&e| sentence.is_char_boundary(e) && e <= sentence.len())
        .unwrap_or(sentence.len());
    let next_stop = stops
        .iter()
        .copied()
        .filter(|&s| s >= fig_end && s <= sentence.len() && sentence.is_char_boundary(s))
        .min()
        .unwrap_or(sentence.len());
    let after = &sentence[fig_end..next_stop];
    let (as_written, head, elided) = match &claim.counted {
        Some(c) => (c.as_written.as_str(), c.head.as_str(), c.elided),
        None => ("", "", false),
    };
    // The clause after the counted noun phrase. A figure whose noun is
    // carried from the figure before it ("31,000 people have reached Italy
    // by sea, up from 24,000") reads that figure's clause too.
    let clause = if !elided && !as_written.is_empty() {
        match after.find(as_written) {
            Some(p) if p < 40 => &after[p + as_written.len()..],
            _ => after,
        }
    } else if elided {
        let fig_start = claim.span.start.saturating_sub(claim.sentence_span.start);
        stops
            .iter()
            .copied()
            .filter(|&s| s < fig_start && sentence.is_char_boundary(s))
            .max()
            .map_or(after, |prev| &sentence[prev..next_stop])
    } else {
        after
    };

    let parts = conjuncts(as_written, head);
    let mut roles: BTreeSet<String> = BTreeSet::new();
    let mut generic: BTreeSet<String> = BTreeSet::new();
    let mut implied: Option<String> = None;
    let mut peopleish = false;
    let mut concept: Option<String> = None;
    let mut modifiers: BTreeSet<String> = BTreeSet::new();
    let mut fuzzy_head = false;
    for (n, c) in parts.iter().enumerate() {
        // "construction workers" before "workers": the longest term wins.
        let two = c
            .previous
            .as_ref()
            .map(|m| normalize_term(&format!("{m} {}", c.head)));
        let (group, used_modifier, fuzzy) = match two.as_deref().and_then(|t| thesaurus.lookup(t)) {
            Some((g, f)) => (Some(g), true, f),
            None => match thesaurus.lookup(&c.head) {
                Some((g, f)) => (Some(g), false, f),
                None => (None, false, false),
            },
        };
        let rest: &[String] = match c.modifiers.split_last() {
            Some((last, r)) if used_modifier && Some(last) == c.previous.as_ref() => r,
            _ => &c.modifiers,
        };
        match group {
            Some(g) => {
                fuzzy_head |= fuzzy && n == 0;
                match g.kind {
                    GroupKind::Generic => {
                        peopleish = true;
                        generic.insert(g.label.clone());
                    }
                    GroupKind::Role => {
                        peopleish = true;
                        roles.insert(g.label.clone());
                    }
                    GroupKind::Outcome => {
                        peopleish = true;
                        if implied.is_none() {
                            implied = g.implies.clone();
                        }
                    }
                    GroupKind::Concept => {
                        if n == 0 {
                            concept = Some(g.label.clone());
                        }
                    }
                }
            }
            None => {
                if n == 0 {
                    concept = Some(c.head.clone());
                }
            }
        }
        for m in rest {
            match thesaurus.group_of(m) {
                Some(g) if g.kind == GroupKind::Role => {
                    roles.insert(g.label.clone());
                }
                Some(g) if g.kind == GroupKind::Outcome => {
                    if implied.is_none() {
                        implied = g.implies.clone();
                    }
                }
                _ => {
                    if n == 0 {
                        modifiers.insert(normalize_term(m));
                    }
                }
            }
        }
    }

    let action = claim
        .action
        .as_deref()
        .map(action_class)
        .or(implied.clone());

    let mut scope_from_context = false;
    if peopleish && roles.is_empty() {
        let ctx_roles = context_roles(clause, claim.action.as_deref(), thesaurus);
        if !ctx_roles.is_empty() {
            roles = ctx_roles;
            scope_from_context = true;
        }
    }
    let mut base = if peopleish {
        PEOPLE.to_string()
    } else {
        concept.unwrap_or_else(|| {
            if head.is_empty() {
                category.clone()
            } else {
                head.to_string()
            }
        })
    };
    // Sums in different currencies are different things: "$500 million"
    // and "£400 million" are never compared.
    if category == "money"
        && let Some(Unit::Currency(currency)) = claim.unit
    {
        base = format!("{base} {currency:?}");
    }
    let scope: BTreeSet<String> = if peopleish {
        if roles.is_empty() {
            generic.into_iter().filter(|g| g != "person").collect()
        } else {
            roles
        }
    } else {
        BTreeSet::new()
    };
    if peopleish {
        modifiers.clear();
    }
    let actor = claim.actor.as_deref().and_then(|a| {
        let r = countries();
        r.canonical_country(a)
            .or_else(|| r.country_of(a))
            .map(str::to_string)
            .or_else(|| {
                matches!(action.as_deref(), Some("win" | "pledge"))
                    .then(|| winner_key(a))
                    .flatten()
            })
    });
    // "including 24,000 in Paris": a place right after a carried figure
    // is its own.
    let (mut places, mut place_phrase) = match elided.then(|| places(after)) {
        Some((own, phrase)) if !own.is_empty() => (own, phrase),
        _ => places(clause),
    };
    if places.is_empty()
        && let Some((key, phrase)) = sentence_place(sentence)
    {
        places.insert(key);
        place_phrase = Some(phrase);
    }
    // Proper nouns are dropped, but not the head: "young North Koreans" is
    // "young Koreans", not "young".
    let written = words(as_written);
    let last = written.len().saturating_sub(1);
    let phrase = written
        .iter()
        .enumerate()
        .filter(|&(k, w)| k == last || !is_capitalized(w) || w.chars().all(|c| c.is_uppercase()))
        .map(|(_, w)| *w)
        .filter(|w| !with_lowercase(w, is_number_word))
        .collect::<Vec<_>>()
        .join(" ");
    // The sentence's words lowercased one by one, joined by spaces, into
    // one buffer.
    let mut context = String::with_capacity(sentence.len());
    for w in words(sentence) {
        if !context.is_empty() {
            context.push(' ');
        }
        push_lowercase(&mut context, w);
    }
    // "Russian servicemen", "North Korean troops", "Russian losses": the
    // people's country; "Ukraine had lost up to 1,500 servicemen": the
    // country that lost them.
    let losses = [head, base.as_str()].iter().any(|w| {
        matches!(
            *w,
            "loss" | "casualty" | "death" | "fatality" | "toll" | "victim" | "dead"
        )
    });
    let nationality: BTreeSet<String> = if peopleish || losses {
        let r = countries();
        let written: Vec<&str> = words(as_written);
        let mut out = BTreeSet::new();
        if claim.action.as_deref() == Some("lose")
            && let Some(c) = claim.actor.as_deref().and_then(|a| r.country_of(a))
        {
            out.insert(c.to_string());
        }
        for k in 0..written.len() {
            if !is_capitalized(written[k]) {
                continue;
            }
            // Two words first: "North Korean".
            let two = written.get(k + 1).map(|n| format!("{} {n}", written[k]));
            if let Some(c) = two.as_deref().and_then(|t| r.country_of(t)) {
                out.insert(c.to_string());
            } else if let Some(c) = r.country_of(written[k]) {
                out.insert(c.to_string());
            }
        }
        out
    } else {
        BTreeSet::new()
    };
    Profile {
        category,
        base,
        nationality: nationality.into(),
        scope: scope.into(),
        scope_from_context,
        modifiers: modifiers.into(),
        action,
        actor,
        places: places.into(),
        place_phrase,
        fuzzy_head,
        elided,
        phrase: if phrase.is_empty() {
            head.to_string()
        } else {
            phrase
        },
        context,
        modality: modality_class(claim.modality),
    }
}

/// Roles named in the clause after the noun phrase (up to 20 words) or by
/// the action verb: "… to take part in reconstruction projects" → construction.
///
/// Each word and each pair of words is a candidate term, normalized and
/// then looked up as [`Thesaurus::group_of`] does (normalizing it again),
/// in three buffers reused for every candidate.
fn context_roles(clause: &str, action: Option<&str>, thesaurus: &Thesaurus) -> BTreeSet<String> {
    let ws: Vec<&str> = words(clause).into_iter().take(20).collect();
    let mut out = BTreeSet::new();
    let (mut normalized, mut again) = (String::new(), String::new());
    let mut try_term = |term: &str| {
        normalized.clear();
        push_normalized(&mut normalized, term);
        again.clear();
        push_normalized(&mut again, &normalized);
        if let Some(g) = thesaurus.exact(&again)
            && g.kind == GroupKind::Role
        {
            out.insert(g.label.clone());
        }
    };
    let mut term = String::new();
    for (i, w) in ws.iter().enumerate() {
        term.clear();
        push_lowercase(&mut term, w);
        try_term(&term);
        if let Some(next) = ws.get(i + 1) {
            term.push(' ');
            push_lowercase(&mut term, next);
            try_term(&term);
        }
    }
    if let Some(a) = action {
        try_term(a);
    }
    out
}

/// [`context_roles`] as it was first written: a string per word, per
/// candidate and per normalization.
#[cfg(test)]
pub(crate) fn context_roles_by_copies(
    clause: &str,
    action: Option<&str>,
    thesaurus: &Thesaurus,
) -> BTreeSet<String> {
    let ws: Vec<String> = words(clause)
        .into_iter()
        .take(20)
        .map(str::to_lowercase)
        .collect();
    let mut out = BTreeSet::new();
    let mut candidates: Vec<String> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        candidates.push(normalize_term(w));
        if let Some(next) = ws.get(i + 1) {
            candidates.push(normalize_term(&format!("{w} {next}")));
        }
    }
    if let Some(a) = action {
        candidates.push(normalize_term(a));
    }
    for c in candidates {
        if let Some(g) = thesaurus.group_of(&c) {
            if g.kind == GroupKind::Role {
                out.insert(g.label.clone());
            }
        }
    }
    out
}

const PLACE_PREPOSITIONS: &[&str] = &[
    "to", "into", "in", "near", "at", "inside", "toward", "towards",
];
const PLACE_NOUNS: &[&str] = &[
    "region",
    "border",
    "area",
    "province",
    "city",
    "oblast",
    "front",
    "frontline",
    "capital",
    "district",
    "county",
    "town",
    "village",
    "island",
    "coast",
    "valley",
    // Sites: "at the Halden plant", "at the Kursk airbase".
    "plant",
    "factory",
    "port",
    "mine",
    "base",
    "airbase",
    "airport",
    "camp",
    "prison",
    "hospital",
];

/// The place a whole sentence is about, for a figure whose own clause
/// names none: a leading "In Marseille," (or "At …"), else the whole
/// country ("nationwide", "across the country", "across France", "national
/// turnout"), keyed "nationwide".
fn sentence_place(sentence: &str) -> Option<(String, String)> {
    let leading = ["In ", "At "].iter().any(|p| sentence.starts_with(p));
    if leading
        && let Some(comma) = sentence.find(',').filter(|&c| c < 48)
        && let (set, Some(phrase)) = places(&sentence[..comma])
        && let Some(key) = set.into_iter().next()
    {
        return Some((key, phrase));
    }
    // ASCII lower case keeps every byte where it was: its offsets are the
    // sentence's.
    let lower = sentence.to_ascii_lowercase();
    let across_country = lower.match_indices("across ").any(|(at, m)| {
        let rest = &sentence[at + m.len()..];
        let word = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word.starts_with(char::is_uppercase) && countries().canonical_country(word).is_some()
    });
    let national = across_country
        || [
            "nationwide",
            "countrywide",
            "across the country",
            "across the nation",
            "national turnout",
        ]
        .iter()
        .any(|m| lower.contains(m));
    national.then(|| ("nationwide".to_string(), "nationwide".to_string()))
}

/// The destination or location right after the noun phrase: the first
/// preposition among the next six words, followed (after "the") by a
/// capitalized run that is not a month, day or season.
fn places(clause: &str) -> (BTreeSet<String>, Option<String>) {
    // Stop at the end of the clause.
    let end = clause
        .find([',', ';', ':', '.', '(', '—'])
        .unwrap_or(clause.len());
    let ws = words(&clause[..end]);
    let Some(p) = ws
        .iter()
        .take(6)
        .position(|w| with_lowercase(w, |l| PLACE_PREPOSITIONS.contains(&l)))
    else {
        return (BTreeSet::new(), None);
    };
    let mut i = p + 1;
    let mut phrase = vec![ws[p].to_lowercase()];
    if ws.get(i).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        phrase.push("the".to_string());
        i += 1;
    }
    let mut run: Vec<&str> = Vec::new();
    while let Some(w) = ws.get(i) {
        if !is_capitalized(w) || run.len() >= 4 {
            break;
        }
        run.push(w);
        i += 1;
    }
    let Some(first) = run.first() else {
        return (BTreeSet::new(), None);
    };
    if with_lowercase(strip_possessive(first), |l| MONTHS_AND_DAYS.contains(&l)) {
        return (BTreeSet::new(), None);
    }
    let r = countries();
    let mut set = BTreeSet::new();
    for w in &run {
        let bare = strip_possessive(w);
        let key = r
            .canonical_country(bare)
            .map_or_else(|| bare.to_lowercase(), str::to_lowercase);
        set.insert(key);
        phrase.push(w.replace('’', "'"));
    }
    if let Some(n) = ws.get(i) {
        if PLACE_NOUNS.contains(&n.to_lowercase().as_str()) {
            phrase.push(n.to_lowercase());
        }
    }
    (set, Some(phrase.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_claims::claim::{Source, extract};

    fn profiles(text: &str) -> Vec<Profile> {
        let block = 0..text.len();
        let blocks = std::slice::from_ref(&block);
        let claims = extract(
            Source {
                text,
                blocks,
                published: None,
            },
            &SourceRegistry::with_defaults(),
        );
        let t = Thesaurus::builtin();
        claims
            .iter()
            .map(|c| {
                let stops: Vec<usize> = claims
                    .iter()
                    .filter(|o| o.sentence_span == c.sentence_span && o.span != c.span)
                    .map(|o| o.span.start - c.sentence_span.start)
                    .collect();
                profile(c, &t, &stops)
            })
            .collect()
    }

    fn set<T: FromIterator<String>>(xs: &[&str]) -> T {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn context_roles_are_those_found_with_a_string_per_candidate() {
        let t = Thesaurus::builtin();
        for (clause, action) in [
            (" to take part in reconstruction projects in Kursk.", None),
            (
                " who will work as Construction Workers and Deminers there",
                Some("send"),
            ),
            (
                " for mine clearance, military engineering and demining",
                None,
            ),
            (" sent to the front as assault troops", Some("deployed")),
            (" ΟΔΟΣ Ünits for the Medical Staff", None),
            ("", Some("dispatch")),
            ("", None),
        ] {
            assert_eq!(
                context_roles(clause, action, &t),
                context_roles_by_copies(clause, action, &t),
                "{clause:?}"
            );
        }
        assert_eq!(
            context_roles(" to take part in reconstruction projects", None, &t),
            set::<BTreeSet<String>>(&["construction"])
        );
    }

    proptest::proptest! {
        #[test]
        fn context_roles_match_those_found_with_copies(
            words in proptest::collection::vec(
                "(construction|Workers|mine|clearance|engineers|medical|staff|guards|the|in|[a-zA-Z]{1,8}|\\PC{1,3})",
                0..24,
            ),
            action in proptest::option::of("(send|deploy|[a-z]{1,6})"),
        ) {
            let t = Thesaurus::builtin();
            let clause = words.join(" ");
            proptest::prop_assert_eq!(
                context_roles(&clause, action.as_deref(), &t),
                context_roles_by_copies(&clause, action.as_deref(), &t)
            );
        }
    }

    #[test]
    fn generic_troops_have_the_troop_scope() {
        let p =
            &profiles("North Korea has sent around 15,000 troops to Russia since last fall.")[0];
        assert_eq!(p.base, PEOPLE);
        assert_eq!(p.scope, set(&["troop"]));
        assert_eq!(p.action.as_deref(), Some("move"));
        assert_eq!(p.actor.as_deref(), Some("North Korea"));
        assert_eq!(p.places, set(&["russia"]));
        assert_eq!(p.place_phrase.as_deref(), Some("to Russia"));
    }

    #[test]
    fn construction_modifier_is_a_role() {
        let p = &profiles(
            "Around 5,000 North Korean military construction troops have been moving to Russia in phases since September.",
        )[0];
        assert_eq!(p.scope, set(&["construction"]));
        assert!(!p.scope_from_context);
    }

    #[test]
    fn role_read_from_the_clause() {
        let p = &profiles(
            "Pyongyang has dispatched about 5,000 military personnel to Russia since September to take part in reconstruction projects.",
        )[0];
        assert_eq!(p.scope, set(&["construction"]));
        assert!(p.scope_from_context);
    }

    #[test]
    fn conjoined_heads_cover_both_roles() {
        let p = &profiles(
            "The two sides agreed to dispatch 6,000 North Korean military engineers and construction personnel to Russia’s Kursk region.",
        )[0];
        assert_eq!(p.scope, set(&["construction", "engineer"]));
        assert_eq!(p.places, set(&["kursk", "russia"]));
        assert_eq!(p.modality, "plan");
    }

    #[test]
    fn parts_in_one_sentence_keep_their_own_roles() {
        let ps = profiles(
            "Kim agreed to send 1,000 sappers and 5,000 military construction workers to assist in rebuilding the war-affected area.",
        );
        assert_eq!(ps[0].scope, set(&["engineer"]));
        assert_eq!(ps[1].scope, set(&["construction"]));
    }

    #[test]
    fn young_north_koreans_keep_their_head() {
        let p = &profiles("KCNA said 1.4 million young North Koreans volunteered to join.")[0];
        assert_eq!(p.phrase, "young Koreans");
    }

    #[test]
    fn positions_would_go_at_the_halden_plant() {
        let p = &profiles("Northwind said that 2,000 positions would go at the Halden plant.")[0];
        assert_eq!(p.place_phrase.as_deref(), Some("at the Halden plant"));
    }

    #[test]
    fn stationed_troops_have_the_station_action() {
        let p = &profiles(
            "The NIS added that nearly 10,000 North Korean troops are currently positioned near the Russian-Ukrainian border.",
        )[0];
        assert_eq!(p.action.as_deref(), Some("station"));
        assert_eq!(
            p.place_phrase.as_deref(),
            Some("near the Russian-Ukrainian border")
        );
    }

    #[test]
    fn concept_modifiers_are_kept_for_concepts_only() {
        let ps = profiles("They fired 20 cruise missiles and 5 ballistic missiles.");
        assert_eq!(ps[0].base, "missile");
        assert_eq!(ps[0].modifiers, set(&["cruise"]));
        assert_eq!(ps[1].modifiers, set(&["ballistic"]));
        let p =
            &profiles("North Korea has sent more than 10 million artillery shells to Russia.")[0];
        assert_eq!((p.base.as_str(), p.modifiers.len()), ("shell", 0));
    }

    #[test]
    fn deaths_imply_the_casualty_action() {
        let p = &profiles("Officials counted 30 deaths in the city.")[0];
        assert_eq!(
            (p.base.as_str(), p.action.as_deref()),
            (PEOPLE, Some("casualty"))
        );
    }

    #[test]
    fn a_month_is_not_a_place() {
        let p = &profiles("About 5,000 troops arrived in September.")[0];
        assert!(p.places.is_empty());
    }
}
