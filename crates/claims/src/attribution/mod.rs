//! Who a figure is attributed to: the cue grammar ([`cue`]) and the
//! per-document resolver that normalizes mentions through the
//! [`SourceRegistry`], resolves "the agency" / "he" / "its" to the source
//! named before, builds chains ("Yonhap ← lawmakers ← NIS") and carries an
//! attribution to later sentences that narrate without naming a source.

mod body;
pub mod cue;

pub use body::{company_aliases, is_company_name};

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use serde::{Deserialize, Serialize};

use crate::registry::{SourceKind, SourceRegistry};
use cue::{Cue, CueKind, cues};

/// The attribution of one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The cue as written in the sentence ("Yonhap news agency reported, citing members of …").
    pub as_written: String,
    /// Normalized id of the origin: who the figure comes from first ("NIS").
    pub source: String,
    /// Kind of the origin.
    pub kind: SourceKind,
    /// The chain from the origin outward, nearest the origin first ("lawmakers", "Yonhap").
    pub via: Vec<String>,
    /// The members of a joint source ("South Korea", "United States", "Ukraine").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint: Vec<String>,
    /// True when the sentence names no source and the attribution is carried
    /// from the last attributed sentence of the document.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inherited: bool,
}

/// A mention resolved to a source.
#[derive(Debug, Clone, PartialEq)]
struct Resolved {
    id: String,
    kind: SourceKind,
}

/// Resolves attributions sentence by sentence through one document.
///
/// Borrows the registry; only a document that defines an acronym the
/// registry does not know yet gets its own copy with the acronym learned.
#[derive(Debug, Clone)]
pub struct Attributor<'r> {
    registry: Cow<'r, SourceRegistry>,
    recent: Vec<Resolved>,
    briefed_by: Option<Resolved>,
    last: Option<Attribution>,
    /// The companies and unions named so far: "the company" is the one
    /// named.
    bodies: body::NamedBodies,
}

/// Titles that introduce a named person, and the kind of source they make.
const TITLES: &[(&str, SourceKind)] = &[
    ("Minister", SourceKind::NamedOfficial),
    ("President", SourceKind::NamedOfficial),
    ("Secretary", SourceKind::NamedOfficial),
    ("Spokesperson", SourceKind::NamedOfficial),
    ("spokesperson", SourceKind::NamedOfficial),
    ("spokesman", SourceKind::NamedOfficial),
    ("spokeswoman", SourceKind::NamedOfficial),
    ("Director", SourceKind::NamedOfficial),
    ("Chief", SourceKind::NamedOfficial),
    ("General", SourceKind::NamedOfficial),
    ("Gen.", SourceKind::NamedOfficial),
    ("Ambassador", SourceKind::NamedOfficial),
    ("Governor", SourceKind::NamedOfficial),
    ("Mayor", SourceKind::NamedOfficial),
    ("Senator", SourceKind::Lawmaker),
    ("Sen.", SourceKind::Lawmaker),
    ("Rep.", SourceKind::Lawmaker),
    ("lawmaker", SourceKind::Lawmaker),
    ("legislator", SourceKind::Lawmaker),
];

/// Finds any of [`TITLES`] in a sentence, in one pass.
static TITLE_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(TITLES.iter().map(|(t, _)| t))
        .ok()
});

/// Whether a sentence tells of a briefing to lawmakers: it names
/// lawmakers, a committee or parliament, and a briefing ("told lawmakers",
/// "in a closed-door briefing to the committee"). The sources it cues
/// (other than through "citing") are the ones who briefed.
///
/// ```
/// use crosscheck_claims::attribution::tells_of_a_briefing;
///
/// assert!(tells_of_a_briefing("The NIS told lawmakers that 5,000 troops were sent."));
/// assert!(!tells_of_a_briefing("The NIS said 5,000 troops were sent."));
/// ```
pub fn tells_of_a_briefing(sentence: &str) -> bool {
    // Two characters outside ASCII lower-case into it: the Kelvin sign
    // ("K" → "k"), so a sentence with one is lower-cased as a whole, and
    // "İ" ("i" and a combining dot, which ends a match only at a word's last
    // letter: none of BRIEFING_WORDS ends in "i").
    let finder = BRIEFING_FINDER.as_ref();
    let Some(finder) = finder.filter(|_| !sentence.contains('\u{212A}')) else {
        return tells_of_a_briefing_lowercased(&sentence.to_lowercase());
    };
    // Bit k: BRIEFING_WORDS[k] is in the sentence.
    let mut found = 0u8;
    for m in finder.find_overlapping_iter(sentence) {
        found |= 1 << m.pattern().as_usize();
    }
    found & 0b000_0111 != 0 && found & 0b111_1000 != 0
}

/// What [`tells_of_a_briefing`] looks for: an audience (the first three),
/// then a briefing (the last four).
const BRIEFING_WORDS: [&str; 7] = [
    "lawmakers",
    "committee",
    "parliament",
    "told lawmakers",
    "briefing",
    "briefed",
    "informed lawmakers",
];

/// Finds [`BRIEFING_WORDS`] in any ASCII case, in one pass.
static BRIEFING_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(BRIEFING_WORDS)
        .ok()
});

/// [`tells_of_a_briefing`] of a sentence already lower-cased.
fn tells_of_a_briefing_lowercased(lower: &str) -> bool {
    let has = |k: usize| lower.contains(BRIEFING_WORDS[k]);
    (has(0) || has(1) || has(2)) && (has(3) || has(4) || has(5) || has(6))
}

/// "Defense Minister Shin Won-sik", "opposition lawmaker Lee Sung-kwon": a
/// title followed by one to three capitalised words.
fn titled_people(sentence: &str) -> Vec<(String, SourceKind)> {
    let mut out = Vec::new();
    // A sentence without any title as a substring has no titled person:
    // one pass instead of comparing every word with every title.
    if TITLE_FINDER.as_ref().is_some_and(|f| !f.is_match(sentence)) {
        return out;
    }
    let mut words = sentence.split_whitespace();
    while let Some(w) = words.next() {
        let Some(&(_, kind)) = TITLES.iter().find(|(t, _)| *t == w) else {
            continue;
        };
        // The words after the title (the iterator is not advanced).
        let name: Vec<&str> = words
            .clone()
            .take(3)
            .take_while(|x| x.starts_with(|c: char| c.is_uppercase()))
            .map(|x| x.trim_end_matches([',', '.', ';', ':']))
            .collect();
        if !name.is_empty() && !TITLES.iter().any(|(t, _)| *t == name[0]) {
            out.push((name.join(" "), kind));
        }
    }
    out
}

/// The cue words of a mention that point back to an earlier source.
fn anaphor(mention: &str) -> Option<Anaphor> {
    let l = mention.trim().to_lowercase();
    let l = l.trim_start_matches("the ");
    Some(match l {
        "he" | "she" | "the official" | "the spokesperson" | "the spokesman"
        | "the spokeswoman" => Anaphor::Person,
        "it"
        | "its"
        | "agency"
        | "spy agency"
        | "intelligence agency"
        | "service"
        | "report"
        | "the report"
        | "agency's"
        | "its analysis" => Anaphor::Agency,
        "they" | "their" => Anaphor::Any,
        "ministry" => Anaphor::Ministry,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Anaphor {
    Person,
    Agency,
    /// "the ministry": a ministry or a government named before (a
    /// government's ministry resolves to the government), else an agency.
    Ministry,
    Any,
}

/// Phrases in a cue that say its speaker is not named.
const ANONYMITY: &[&str] = &[
    "condition of anonymity",
    "declined to be named",
    "asked not to be named",
    "not authorized to speak",
    "not authorised to speak",
    "speaking anonymously",
];

/// The name after a lower-case description: "tracking service
/// FlightPulse" → "FlightPulse". `None` when the mention does not start
/// with a lower-case word, has a word such as "in" or "of" before the name
/// ("officials in Kyiv"), or ends in a lower-case word.
fn named_after_description(mention: &str) -> Option<&str> {
    let first_cap = mention
        .char_indices()
        .find(|&(at, c)| c.is_uppercase() && (at == 0 || mention[..at].ends_with(' ')))
        .map(|(at, _)| at)?;
    let (description, name) = mention.split_at(first_cap);
    let described = !description.is_empty()
        && description.split_whitespace().all(|w| {
            w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !matches!(
                    w,
                    "in" | "at"
                        | "of"
                        | "from"
                        | "for"
                        | "with"
                        | "by"
                        | "on"
                        | "to"
                        | "and"
                        | "a"
                        | "an"
                        | "the"
                        | "said"
                        | "says"
                )
        });
    let named = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    (described && named).then_some(name)
}

/// Whether a mention is people speaking for a body they are from:
/// "observers from the regional monitoring mission", "researchers at the
/// institute". (Not "officials from": officials stay unnamed officials.)
fn of_a_body(mention: &str) -> bool {
    let lower = mention.trim().to_ascii_lowercase();
    [
        "observers",
        "monitors",
        "inspectors",
        "experts",
        "researchers",
        "analysts",
    ]
    .iter()
    .any(|who| {
        lower
            .strip_prefix(who)
            .is_some_and(|r| r.starts_with(" from ") || r.starts_with(" at "))
    })
}

/// Strips what a mention carries around its name: "previous NIS" → "NIS",
/// "a spokesperson for X" → X, "X's spokesperson" → X.
fn core_mention(mention: &str) -> &str {
    let mut m = mention.trim();
    for prefix in [
        "a spokesperson for ",
        "a spokesman for ",
        "a spokeswoman for ",
        "spokesperson for ",
        "officials at ",
        "officials from ",
        "observers from ",
        "monitors from ",
        "inspectors from ",
        "experts from ",
        "experts at ",
        "researchers from ",
        "researchers at ",
        "analysts from ",
        "analysts at ",
        "members of ",
        "previous ",
        "recent ",
        "earlier ",
        "new ",
    ] {
        if m.len() > prefix.len()
            && m.get(..prefix.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
        {
            m = &m[prefix.len()..];
        }
    }
    for suffix in [
        "'s spokesperson",
        "’s spokesperson",
        "'s spokesman",
        "’s spokesman",
    ] {
        if let Some(r) = m.strip_suffix(suffix) {
            m = r;
        }
    }
    // "a company statement", "a police report": the issuer, without the
    // document and its article.
    for document in [
        " statement",
        " statements",
        " report",
        " reports",
        " briefing",
        " tally",
        " data",
        " figures",
        " poll",
        " survey",
        " filing",
        " release",
    ] {
        let Some(issuer) = m
            .len()
            .checked_sub(document.len())
            .filter(|&at| at > 0 && m.is_char_boundary(at))
            .filter(|&at| m[at..].eq_ignore_ascii_case(document))
            .map(|at| &m[..at])
        else {
            continue;
        };
        for article in ["a ", "an ", "A ", "An "] {
            if let Some(r) = issuer.strip_prefix(article)
                && !r.is_empty()
            {
                // "a new Ipsos poll": Ipsos.
                return ["new ", "latest ", "recent "]
                    .iter()
                    .find_map(|q| r.strip_prefix(q).filter(|n| !n.is_empty()))
                    .unwrap_or(r);
            }
        }
        if issuer.starts_with("the ") || issuer.starts_with("The ") {
            return issuer;
        }
        // "according to ministry data", "police figures": a body's
        // document without an article (a capitalised name such as "Annual
        // Data" stays whole; "official figures" names no body).
        if !issuer.contains(char::is_whitespace)
            && issuer.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(
                issuer,
                "a" | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "this"
                    | "that"
                    | "official"
                    | "preliminary"
                    | "provisional"
                    | "initial"
                    | "final"
                    | "latest"
                    | "new"
                    | "recent"
                    | "early"
                    | "independent"
                    | "internal"
                    | "published"
                    | "available"
                    | "such"
                    | "these"
                    | "those"
            )
        {
            return issuer;
        }
    }
    m
}

/// Whether a speaker's clause starting at `clause` is a reduced relative
/// clause of the figure at `at`: "the 1,200 the company announced", "the
/// 5,000 figure the ministry gave". The figure follows "the", and only the
/// figure (and a noun for it: "figure", "number", "toll", "total",
/// "estimate", or "that"/"which") stands between it and the clause.
fn reduced_relative(sentence: &str, at: usize, clause: usize) -> bool {
    if clause <= at {
        return false;
    }
    let (Some(before), Some(between)) = (sentence.get(..at), sentence.get(at..clause)) else {
        return false;
    };
    let after_the = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let words: Vec<&str> = between.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    after_the
        && first.starts_with(|c: char| c.is_ascii_digit())
        && !first.ends_with(',')
        && rest.len() <= 1
        && rest.iter().all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "figure" | "number" | "toll" | "total" | "estimate" | "that" | "which"
            )
        })
}

/// Whether a speaker's clause starting at `clause` is some figure's own
/// ([`reduced_relative`] of a figure ending just before it: "the 1,200 the
/// company announced").
fn of_a_figure(sentence: &str, clause: usize) -> bool {
    let Some(before) = sentence.get(..clause) else {
        return false;
    };
    // The figure's first word: the last word before the clause, or the one
    // before a noun for it ("the 5,000 figure the ministry reported").
    crate::counted::words_from_end(before, 2)
        .into_iter()
        .any(|(at, end)| {
            before[at..end].starts_with(|c: char| c.is_ascii_digit())
                && reduced_relative(sentence, at, clause)
        })
}

impl<'r> Attributor<'r> {
    /// A resolver for one document; learns the acronyms the document defines.
    pub fn new(registry: &'r SourceRegistry, document_text: &str) -> Attributor<'r> {
        // Learning nothing leaves the registry as it is: no copy needed.
        let registry = if registry.for_document(document_text).learns_nothing() {
            Cow::Borrowed(registry)
        } else {
            let mut own = registry.clone();
            own.learn_acronyms(document_text);
            Cow::Owned(own)
        };
        Attributor {
            registry,
            recent: Vec::new(),
            briefed_by: None,
            last: None,
            bodies: body::NamedBodies::default(),
        }
    }

    fn resolve(&self, mention: &str) -> Resolved {
        // "the ministry", or its document: "according to ministry data".
        let core = core_mention(mention);
        if let Some(a) =
            anaphor(mention).or_else(|| (core != mention).then(|| anaphor(core)).flatten())
        {
            let ministry = matches!(a, Anaphor::Ministry)
                .then(|| {
                    self.recent
                        .iter()
                        .rev()
                        .find(|r| matches!(r.kind, SourceKind::Ministry | SourceKind::Government))
                })
                .flatten();
            let a = if matches!(a, Anaphor::Ministry) {
                Anaphor::Agency
            } else {
                a
            };
            let hit = ministry.or_else(|| {
                self.recent.iter().rev().find(|r| match a {
                    Anaphor::Person => {
                        matches!(r.kind, SourceKind::NamedOfficial | SourceKind::Lawmaker)
                    }
                    Anaphor::Agency => matches!(
                        r.kind,
                        SourceKind::IntelligenceAgency
                            | SourceKind::GovernmentAgency
                            | SourceKind::Ministry
                            | SourceKind::Military
                            | SourceKind::Police
                            | SourceKind::WireService
                            | SourceKind::StateMedia
                    ),
                    Anaphor::Ministry | Anaphor::Any => true,
                })
            });
            if let Some(r) = hit.or(self.recent.last()) {
                return r.clone();
            }
            // A pronoun with nothing before it to point to: say so, don't invent a source.
            return Resolved {
                id: crate::registry::ANONYMOUS_ID.to_string(),
                kind: SourceKind::Anonymous,
            };
        }
        // "the CGT union", "the UAW union": the union's acronym is its name.
        let bare = core
            .strip_prefix("the ")
            .or_else(|| core.strip_prefix("The "))
            .unwrap_or(core);
        if let Some(acronym) = bare.strip_suffix(" union")
            && acronym.len() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
        {
            return self.resolve_name(acronym);
        }
        // "a company statement", "Union leaders": the company or union the
        // article has named, else the generic body.
        if let Some(kind) = body::generic_body(core) {
            return match self.bodies.the_one(kind) {
                Some(name) => self.resolve_name(name),
                None => Resolved {
                    id: kind.generic().to_string(),
                    kind: SourceRegistry::classify_unknown(kind.generic()),
                },
            };
        }
        if let Some(s) = self
            .registry
            .lookup(core)
            .or_else(|| self.registry.lookup(mention))
        {
            return Resolved {
                id: s.id.clone(),
                kind: s.kind,
            };
        }
        // "Zelensky said" after "President Volodymyr Zelensky said": the
        // surname of a person the document has named is that person.
        if !bare.contains(char::is_whitespace)
            && bare.starts_with(char::is_uppercase)
            && let Some(r) = self.recent.iter().rev().find(|r| {
                matches!(r.kind, SourceKind::NamedOfficial | SourceKind::Lawmaker)
                    && r.id.contains(' ')
                    && r.id.rsplit(' ').next() == Some(bare)
            })
        {
            return r.clone();
        }
        // "the General Staff" after "Ukraine's General Staff": a
        // descriptor of a source the document has named is that source.
        if let Some(r) = self.recent.iter().rev().find(|r| {
            self.registry.get(&r.id).is_some_and(|s| {
                s.descriptors.iter().any(|d| {
                    d.chars()
                        .flat_map(char::to_lowercase)
                        .eq(bare.chars().flat_map(char::to_lowercase))
                })
            })
        }) {
            return r.clone();
        }
        // "An independent count by the BBC and Mediazona": whose count it
        // is.
        if let Some(by) = counted_by(bare) {
            return match self.registry.lookup(by) {
                Some(s) => Resolved {
                    id: s.id.clone(),
                    kind: s.kind,
                },
                None => {
                    let id = by.trim_start_matches("the ").to_string();
                    let kind = SourceRegistry::classify_unknown(&id);
                    Resolved { id, kind }
                }
            };
        }
        // "Observers from the regional monitoring mission": the mission,
        // a body that is named, not unnamed observers.
        let kind = if core.len() < mention.trim().len() && of_a_body(mention) {
            SourceRegistry::classify_unknown(core)
        } else {
            SourceRegistry::classify_unknown(mention)
        };
        let id = core
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .to_string();
        // "tracking service FlightPulse", "ratings agency Moody's": a
        // description before a name; the name is the source.
        // Its kind is the name's: a tracking service is no government
        // agency.
        if let Some(name) = named_after_description(&id) {
            return Resolved {
                id: name.to_string(),
                kind: SourceRegistry::classify_unknown(name),
            };
        }
        Resolved { id, kind }
    }

    /// A name the document gave ("Northwind Motors", "CGT"): the registry's
    /// source, else the name with its guessed kind. Never through the
    /// generic-body rules, so a learned name cannot resolve to itself.
    fn resolve_name(&self, name: &str) -> Resolved {
        match self.registry.lookup(name) {
            Some(s) => Resolved {
                id: s.id.clone(),
                kind: s.kind,
            },
            None => Resolved {
                id: name.to_string(),
                kind: SourceRegistry::classify_unknown(name),
            },
        }
    }

    /// "South Korean assessments" in a document that has named South Korea's
    /// intelligence agency: the assessments are that agency's.
    fn narrow_government(&self, r: Resolved) -> Resolved {
        if r.kind != SourceKind::Government {
            return r;
        }
        let country = self.registry.get(&r.id).and_then(|s| s.country.clone());
        let Some(country) = country else { return r };
        self.recent
            .iter()
            .rev()
            .find(|p| {
                matches!(
                    p.kind,
                    SourceKind::IntelligenceAgency | SourceKind::GovernmentAgency
                ) && self.registry.get(&p.id).and_then(|s| s.country.as_deref())
                    == Some(country.as_str())
            })
            .cloned()
            .unwrap_or(r)
    }

    /// Resolves a cue's mentions, remembering them for later anaphora.
    fn resolve_cue(&mut self, c: &Cue) -> Vec<Resolved> {
        let mut out: Vec<Resolved> = c.mentions.iter().map(|m| self.resolve(m)).collect();
        if out.len() == 1 {
            let r = out.pop().expect("one mention");
            out.push(self.narrow_government(r));
        }
        for r in &out {
            self.recent.push(r.clone());
        }
        out
    }

    /// The attributions of the figures in one sentence, in document order:
    /// call once per sentence, including sentences without figures, so that
    /// later anaphora resolve. `figures` are byte offsets of the figures in
    /// the sentence; the result has one entry per figure.
    pub fn sentence(&mut self, sentence: &str, figures: &[usize]) -> Vec<Option<Attribution>> {
        self.sentence_cued(sentence, &cues(sentence), figures)
    }

    /// [`Attributor::sentence`] given the sentence's [`cues`] (found once
    /// for callers that also need them).
    pub fn sentence_cued(
        &mut self,
        sentence: &str,
        found: &[Cue],
        figures: &[usize],
    ) -> Vec<Option<Attribution>> {
        // People introduced by title ("Defense Minister Shin Won-sik") are
        // antecedents for a later "he" or "she".
        for (name, kind) in titled_people(sentence) {
            self.recent.push(Resolved { id: name, kind });
        }
        self.bodies.learn(sentence);
        let resolved: Vec<Vec<Resolved>> = found.iter().map(|c| self.resolve_cue(c)).collect();
        // "X told lawmakers", "in a closed-door briefing to lawmakers": X is
        // where lawmakers' figures come from. (Only a sentence with a cue can
        // name who briefed.)
        if !found.is_empty() && tells_of_a_briefing(sentence) {
            for (c, rs) in found.iter().zip(&resolved) {
                if c.kind != CueKind::Citing {
                    if let Some(r) = rs.iter().find(|r| {
                        matches!(
                            r.kind,
                            SourceKind::IntelligenceAgency
                                | SourceKind::GovernmentAgency
                                | SourceKind::Ministry
                                | SourceKind::Military
                        )
                    }) {
                        self.briefed_by = Some(r.clone());
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(figures.len());
        for &at in figures {
            out.push(self.figure(sentence, found, &resolved, at));
        }
        if figures.is_empty() && found.iter().any(|c| c.kind != CueKind::Citing) {
            // A sentence that names a source but states no figure still sets
            // the attribution that later narration carries.
            let _ = self.figure(sentence, found, &resolved, sentence.len());
        }
        out
    }

    fn figure(
        &mut self,
        sentence: &str,
        found: &[Cue],
        resolved: &[Vec<Resolved>],
        at: usize,
    ) -> Option<Attribution> {
        // The governing cue: a speaker's clause right after "the <figure>"
        // ("far more than the 1,200 the company announced"), else the
        // nearest speaker/according-to/document cue before the figure,
        // else the first one after it.
        // "the government's figure of": a document cue that names the
        // figure right after it.
        let figure_of = |c: &Cue| c.kind == CueKind::Document && sentence[..c.end].ends_with("of");
        let own = found.iter().enumerate().find(|(_, c)| {
            (c.kind == CueKind::Speaker && reduced_relative(sentence, at, c.start))
                || (figure_of(c) && c.end <= at && sentence[c.end..at].trim().is_empty())
        });
        // Another figure's own clause ("the 1,200 the company announced")
        // governs no other figure.
        let governs = |c: &Cue| {
            c.kind != CueKind::Citing
                && !(c.kind == CueKind::Speaker && of_a_figure(sentence, c.start))
                && !figure_of(c)
        };
        let main = own
            .or_else(|| {
                found
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| governs(c) && !(c.start <= at && at < c.end))
                    .rfind(|(_, c)| c.end <= at)
            })
            .or_else(|| {
                // A speaker after the figure, in the figure's clause: not
                // "The EU pledged 522 million euros, and Germany said …".
                // (Only right before the speaker: "…grounded 40 flights, and
                // cancelled 200 more, the airline said" is one clause's.)
                let same_clause = |c: &Cue| {
                    let between = sentence.get(at..c.start).unwrap_or("").trim_end();
                    ![",and", ", and", ", but", ";", " while", " whereas"]
                        .iter()
                        .any(|b| between.ends_with(b))
                };
                found
                    .iter()
                    .enumerate()
                    .find(|(_, c)| governs(c) && c.start > at && same_clause(c))
            });
        let Some((mi, main_cue)) = main else {
            // A citing clause alone: "…, citing the NIS."
            if let Some((ci, c)) = found
                .iter()
                .enumerate()
                .find(|(_, c)| c.kind == CueKind::Citing)
            {
                let r = &resolved[ci][0];
                let a = self.chain(
                    sentence[c.start..c.end].to_string(),
                    r.clone(),
                    vec![],
                    vec![],
                );
                self.last = Some(a.clone());
                return Some(a);
            }
            return self.last.clone().map(|mut a| {
                a.inherited = true;
                a
            });
        };
        let main_resolved = &resolved[mi];
        let mut span = (main_cue.start, main_cue.end);
        // A citing clause next to the speaker gives the origin behind it.
        let citing = found.iter().enumerate().find(|(_, c)| {
            // "X reported, citing Y", "Y, cited by X" and "X, citing Y, said".
            c.kind == CueKind::Citing
                && (c.start.abs_diff(main_cue.end) <= 3
                    || main_cue.start.abs_diff(c.end) <= 3
                    || (main_cue.start <= c.start && c.end <= main_cue.end))
        });
        let mut a = if main_resolved.len() > 1 {
            let ids: Vec<String> = main_resolved.iter().map(|r| r.id.clone()).collect();
            let joint = Resolved {
                id: ids.join(" + "),
                kind: main_resolved[0].kind,
            };
            self.chain(sentence[span.0..span.1].to_string(), joint, vec![], ids)
        } else if let Some((ci, c)) = citing {
            span = (span.0.min(c.start), span.1.max(c.end));
            let origin = resolved[ci][0].clone();
            let relay = main_resolved[0].id.clone();
            self.chain(
                sentence[span.0..span.1].to_string(),
                origin,
                vec![relay],
                vec![],
            )
        } else {
            // Nested speakers before the figure: "Lee said the NIS concluded
            // that …". Not across another figure or a clause of its own:
            // "Organisers said 110,000 marched, while police counted
            // 24,000"; "…; police put the crowd at 8,500".
            let nests = |c: &Cue| {
                let between = &sentence[c.end..main_cue.start];
                // A year ("in a 2024 briefing") is no figure.
                let figure = |w: &str| {
                    w.chars().any(|ch| ch.is_ascii_digit())
                        && !(w.len() == 4
                            && w.chars().all(|ch| ch.is_ascii_digit())
                            && (w.starts_with("19") || w.starts_with("20")))
                };
                !between.contains(';')
                    && !between
                        .split(|ch: char| !ch.is_alphanumeric() && ch != ',')
                        .any(figure)
                    && !between.split_whitespace().any(|w| {
                        ["while", "whereas", "but", "although", "though"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                    })
            };
            let outer: Vec<String> = found
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    *i != mi
                        && c.kind == CueKind::Speaker
                        && c.end <= main_cue.start
                        && main_cue.end <= at
                        && nests(c)
                })
                .rev()
                .map(|(i, _)| resolved[i][0].id.clone())
                .collect();
            self.chain(
                sentence[span.0..span.1].to_string(),
                main_resolved[0].clone(),
                outer,
                vec![],
            )
        };
        // "A spokesman for the regional government, speaking on condition
        // of anonymity, said": the body is named, the speaker is not.
        // "a Ukrainian official said, speaking on condition of anonymity".
        let after_cue = sentence.get(span.1..).unwrap_or("").trim_start();
        let anonymous_after = after_cue
            .strip_prefix(',')
            .map(str::trim_start)
            .is_some_and(|r| {
                [
                    "speaking on",
                    "who spoke on",
                    "who asked",
                    "who declined",
                    "asking not",
                ]
                .iter()
                .any(|o| r.starts_with(o))
                    && {
                        let near = r.char_indices().nth(60).map_or(r, |(at, _)| &r[..at]);
                        ANONYMITY.iter().any(|p| near.contains(p))
                    }
            });
        if anonymous_after || ANONYMITY.iter().any(|p| a.as_written.contains(p)) {
            a.kind = SourceKind::Anonymous;
        }
        // "According to a UN official quoted by AFP": AFP relays the figure.
        if let Some(relay) = self.quoted_by(&a.as_written)
            && relay != a.source
            && !a.via.contains(&relay)
        {
            a.via.push(relay);
        }
        // A figure's own clause is not what later narration carries.
        if own.is_none() {
            self.last = Some(a.clone());
        }
        Some(a)
    }

    /// The outlet after "quoted by" or "cited by" in a cue ("a UN official
    /// quoted by AFP"): its registry id, else its name as written (the
    /// capitalised words after the phrase).
    fn quoted_by(&self, cue: &str) -> Option<String> {
        let rest = ["quoted by ", "cited by "]
            .iter()
            .find_map(|p| cue.find(p).map(|at| &cue[at + p.len()..]))?;
        let name: Vec<&str> = rest
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.', ';', ':']))
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .collect();
        if name.is_empty() {
            return None;
        }
        let name = name.join(" ");
        Some(
            self.registry
                .lookup(&name)
                .map_or_else(|| name.clone(), |s| s.id.clone()),
        )
    }

    /// The attribution of a figure to the body that is its sentence's
    /// subject ("The European Union pledged 522 million euros"), when the
    /// subject is a source the registry knows or a country: a body's own
    /// pledge is its own statement. `None` for a subject that names no
    /// known body ("Donors").
    pub(crate) fn own_statement(&self, subject: &str) -> Option<Attribution> {
        let r = self.resolve(subject);
        let known = self.registry.get(&r.id).is_some()
            && !matches!(r.kind, SourceKind::Anonymous | SourceKind::Other);
        known.then(|| self.chain(subject.to_string(), r, Vec::new(), Vec::new()))
    }

    /// Completes a chain: lawmakers briefed by an agency pass on that agency's figures.
    fn chain(
        &self,
        as_written: String,
        origin: Resolved,
        via: Vec<String>,
        joint: Vec<String>,
    ) -> Attribution {
        let mut origin = origin;
        let mut via = via;
        if origin.kind == SourceKind::Lawmaker {
            if let Some(b) = &self.briefed_by {
                via.insert(0, origin.id.clone());
                origin = b.clone();
            }
        }
        // "NIS → NIS": a relay that is the origin itself adds nothing.
        via.retain(|v| *v != origin.id);
        via.dedup();
        Attribution {
            as_written: as_written.trim().trim_end_matches([',', '.']).to_string(),
            source: origin.id,
            kind: origin.kind,
            via,
            joint,
            inherited: false,
        }
    }
}

/// The body after "by" in a mention that names a count or a study ("An
/// independent count by the BBC and Mediazona", "a tally by Reuters", "an
/// analysis by the Institute for the Study of War"), when it is one.
fn counted_by(mention: &str) -> Option<&str> {
    const WORKS: &[&str] = &[
        "count",
        "tally",
        "analysis",
        "study",
        "survey",
        "review",
        "investigation",
        "estimate",
        "assessment",
        "database",
        "report",
        "compilation",
    ];
    let (work, by) = mention.split_once(" by ")?;
    let head = work.split_whitespace().last()?;
    let by = by.trim();
    let name = by.strip_prefix("the ").unwrap_or(by);
    (WORKS.iter().any(|w| head.eq_ignore_ascii_case(w)) && name.starts_with(char::is_uppercase))
        .then_some(by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn according_to_a_company_statement_is_the_company() {
        assert_eq!(core_mention("a company statement"), "company");
        assert_eq!(core_mention("An army report"), "army");
        assert_eq!(core_mention("A new Ipsos poll"), "Ipsos");
        assert_eq!(core_mention("a company filing"), "company");
        assert_eq!(core_mention("the company statement"), "the company");
        // A name that ends in a document word stays whole without an article.
        assert_eq!(core_mention("Annual Data"), "Annual Data");
        assert_eq!(core_mention("a statement"), "a statement");
        // A body's data without an article: the body.
        assert_eq!(core_mention("ministry data"), "ministry");
        assert_eq!(core_mention("police figures"), "police");
        assert_eq!(core_mention("official figures"), "official figures");
        assert_eq!(
            named_after_description("tracking service FlightPulse"),
            Some("FlightPulse")
        );
        assert_eq!(
            named_after_description("ratings agency Moody's"),
            Some("Moody's")
        );
        assert_eq!(named_after_description("officials in Kyiv"), None);
        assert_eq!(named_after_description("NIS"), None);
        assert_eq!(named_after_description("spy agency"), None);
    }

    #[test]
    fn an_independent_count_by_the_bbc_is_the_bbc_s() {
        assert_eq!(
            counted_by("An independent count by the BBC and Mediazona"),
            Some("the BBC and Mediazona")
        );
        assert_eq!(counted_by("a tally by Reuters"), Some("Reuters"));
        // Not a count or a study, or nobody named after "by".
        assert_eq!(counted_by("the troops sent by Pyongyang"), None);
        assert_eq!(counted_by("a count by hand"), None);
    }

    #[test]
    fn the_1200_the_company_announced() {
        let s =
            "The union said 3,000 jobs would go, far more than the 1,200 the company announced.";
        let at = s.find("1,200").unwrap();
        assert!(reduced_relative(s, at, s.find("the company").unwrap()));
        let s = "The union put it at 3,000, above the 1,200 figure the company reported.";
        let at = s.find("1,200").unwrap();
        assert!(reduced_relative(s, at, s.find("the company").unwrap()));
        // Not after "the", more words between, or a comma: the sentence's speaker.
        let s = "The union said 3,000 jobs would go, the company said.";
        assert!(!reduced_relative(
            s,
            s.find("3,000").unwrap(),
            s.find("the company").unwrap()
        ));
        let s = "Officials counted 870 bodies, the ministry said.";
        assert!(!reduced_relative(
            s,
            s.find("870").unwrap(),
            s.find("the ministry").unwrap()
        ));
        let s = "He cited the 1,200, the ministry said.";
        assert!(!reduced_relative(
            s,
            s.find("1,200").unwrap(),
            s.find("the ministry").unwrap()
        ));
    }

    #[test]
    fn a_briefing_is_found_in_any_case_as_in_the_lower_cased_sentence() {
        for sentence in [
            "The NIS told lawmakers that 5,000 troops were sent.",
            "The NIS TOLD LAWMAKERS that 5,000 troops were sent.",
            "In a closed-door Briefing to the Intelligence Committee, the NIS said so.",
            "The agency Informed Lawmakers on Tuesday.",
            "The NIS said 5,000 troops were sent.",
            "Parliament met, and the minister briefed reporters.",
            "Lawmakers were told nothing.",
            "The NIS brİefed the committee.",
            "",
        ] {
            assert_eq!(
                tells_of_a_briefing(sentence),
                tells_of_a_briefing_lowercased(&sentence.to_lowercase()),
                "{sentence:?}"
            );
        }
        // "lawma\u{212A}ers" lower-cases to "lawmakers", which an ASCII
        // comparison of the sentence as written would not find.
        assert!(tells_of_a_briefing(
            "The agency told lawma\u{212A}ers about it."
        ));
        assert!(!tells_of_a_briefing(
            "The agency told law\u{212A}ers about it."
        ));
    }

    proptest::proptest! {
        #[test]
        fn a_briefing_is_found_as_in_the_lower_cased_sentence(
            words in proptest::collection::vec(
                "(?i)(told|informed|lawmakers|committee|parliament|briefing|briefed|the|\u{212A}|İ|[a-z]{1,3})",
                0..8,
            ),
            glue in "[ ,.]{1,2}",
        ) {
            let sentence = words.join(&glue);
            proptest::prop_assert_eq!(
                tells_of_a_briefing(&sentence),
                tells_of_a_briefing_lowercased(&sentence.to_lowercase())
            );
        }
    }

    #[test]
    fn defense_minister_shin_won_sik_is_a_titled_person() {
        assert_eq!(
            titled_people("Defense Minister Shin Won-sik spoke, and lawmaker Lee said more."),
            vec![
                ("Shin Won-sik".to_string(), SourceKind::NamedOfficial),
                ("Lee".to_string(), SourceKind::Lawmaker),
            ]
        );
    }

    #[test]
    fn a_title_without_a_name_or_a_sentence_without_a_title_names_no_one() {
        assert!(titled_people("The minister spoke.").is_empty());
        assert!(titled_people("The President spoke.").is_empty());
        assert!(titled_people("President Minister Kim spoke.").len() == 1);
        assert!(titled_people("Ministers met.").is_empty());
    }
}
