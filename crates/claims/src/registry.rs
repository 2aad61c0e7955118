//! The source registry: aliases, kinds and priors of the sources news cites.
//!
//! A [`SourceRegistry`] turns the way an article names a source ("South
//! Korea’s spy agency", "the National Intelligence Service", "NIS",
//! "members of the parliamentary intelligence committee") into one
//! normalized [`Source`] with a [`SourceKind`], a country, a credibility
//! prior and the topics on which it is an interested party.
//!
//! ```
//! use crosscheck_claims::registry::{MentionRole, SourceKind, SourceRegistry};
//!
//! let registry = SourceRegistry::with_defaults();
//! for mention in ["South Korea’s spy agency", "Seoul's spy agency", "South Korean intelligence officials", "NIS"] {
//!     assert_eq!(registry.lookup(mention).unwrap().id, "NIS");
//! }
//! let kcna = registry.lookup("North Korean state media").unwrap();
//! assert_eq!(kcna.kind, SourceKind::StateMedia);
//! assert!(registry.is_interested_party(&kcna.id, "Pyongyang says its troops were never in Kursk"));
//!
//! // Mentions the registry does not know are classified, not dropped.
//! let r = registry.resolve("a senior official");
//! assert_eq!(r.source.kind, SourceKind::Anonymous);
//! assert_eq!(r.role, MentionRole::Unnamed);
//!
//! // Acronyms a document defines are learned per document.
//! let doc = registry.for_document("the Korea Institute for Defense Analyses (KIDA) said");
//! assert_eq!(doc.lookup("KIDA").unwrap().name, "Korea Institute for Defense Analyses");
//! assert!(registry.lookup("KIDA").is_none());
//! ```
//!
//! # How a mention is matched
//!
//! Every name is normalized first: case, punctuation, hyphens, possessives
//! ("Korea’s", "lawmakers'") and curly quotes do not matter; full stops
//! vanish so "U.S." is "us". Then, in order:
//!
//! 1. an **alias** that names the source on its own ("NIS", "Yonhap news agency");
//! 2. a **country form** ("South Korea", "South Korean", "Seoul", "Washington")
//!    followed by one of that country's **descriptors** ("spy agency",
//!    "intelligence", "state media", "defense ministry") or by an alias of a
//!    source of that country; a country form alone is its government;
//! 3. **wrappers** around a mention, which also give its [`MentionRole`]:
//!    "members of …", "a spokesperson for …", "officials at …",
//!    "according to …", "… officials", "… spokesman", "… estimates";
//! 4. a source followed by a **title** and a name: "Kremlin spokesman Dmitry
//!    Peskov", "U.S. Defense Secretary Pete Hegseth" (a minister's title
//!    names the ministry).
//!
//! A bare description without a country ("the agency", "the spy agency") is
//! **not** resolved: that is coreference, the claim extractor's job.
//!
//! # Credibility priors
//!
//! Each source carries a prior, the weight its figures get before anything
//! is known about the figure itself. Defaults by kind
//! ([`SourceKind::default_prior`]); entries in the defaults file override
//! them with a comment saying why:
//!
//! | kind | prior | why |
//! |---|---|---|
//! | wire service | 0.80 | professional desks, corrections policies, clients who notice errors |
//! | news outlet | 0.70 | edited and accountable, but often relaying others |
//! | government agency | 0.65 | statistical and international bodies publish methods; still a party |
//! | expert | 0.65 | think tanks and researchers usually show their method |
//! | intelligence agency | 0.60 | real access, but unverifiable, briefed selectively, with policy aims |
//! | ministry | 0.60 | official figures with accountability, and interests |
//! | police | 0.60 | official counts, but a party to what they police |
//! | military | 0.55 | access, but claims about own and enemy losses are war aims |
//! | government | 0.55 | a country as a whole: political statements |
//! | named official | 0.55 | on the record, but speaking for a side |
//! | lawmaker | 0.50 | usually relaying closed-door briefings second-hand, partisan |
//! | outlet (the article itself) | 0.50 | unattributed figures: no way to check their origin |
//! | other | 0.40 | unknown |
//! | organisers / advocacy group | 0.35 | an interest in the size of what they count |
//! | anonymous | 0.35 | cannot be weighed or held to account |
//! | state media | 0.30 | editorial control by a state |
//! | reader | 0.10 | a comment, not reporting |
//!
//! When a source is an interested party in what a figure is about
//! ([`SourceRegistry::is_interested_party`]: state media on its own state,
//! organisers on their crowd), [`SourceRegistry::prior_about`] multiplies the
//! prior by [`INTERESTED_PARTY_FACTOR`] (2/3: state media 0.3 → 0.2).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use nom::bytes::complete::{take_till1, take_while1};
use nom::character::complete::{char, space0};
use nom::combinator::{eof, rest};
use nom::error::Error as NomError;
use nom::sequence::delimited;
use nom::{IResult, Parser};
use serde::{Deserialize, Deserializer, Serialize};

/// The embedded defaults: countries, wire services, state media, outlets and
/// the agencies a news desk meets. Format described at the top of the file.
const DEFAULTS: &str = include_str!("registry/defaults.txt");

/// The factor a source's prior is multiplied by when it is an interested
/// party in the topic of a figure (see the module docs).
pub const INTERESTED_PARTY_FACTOR: f64 = 2.0 / 3.0;

/// Id of the shared source for unnamed sources ("officials said"). All
/// anonymous mentions resolve to it: do not count it as one origin.
pub const ANONYMOUS_ID: &str = "anonymous";
/// Id of the source standing for the article itself (unattributed figures).
pub const OUTLET_ID: &str = "outlet";
/// Id of the source for reader comments.
pub const READER_ID: &str = "reader";
/// Id of the generic organisers source ("organisers said").
pub const ORGANISERS_ID: &str = "organisers";

// ---------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------

/// What sort of source a [`Source`] is. Serialized in kebab-case
/// ("intelligence-agency"); parsing is lenient about case, `_`, `-` and
/// spaces, and accepts a few synonyms ("newspaper", "broadcaster", "wire",
/// "think-tank", "advocacy-group", "official").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A spy agency: NIS, CIA, HUR.
    IntelligenceAgency,
    /// A government body that is not a ministry, the military or a spy
    /// agency; also intergovernmental bodies (UN, IAEA, NATO).
    GovernmentAgency,
    /// Armed forces and their commands: JCS, KPA, IDF.
    Military,
    /// A ministry or department: the Pentagon, the Unification Ministry.
    Ministry,
    /// Media under a state's editorial control: KCNA, TASS, Xinhua; also
    /// media run by an armed group or a party ("the rebel-run news agency").
    StateMedia,
    /// A news agency selling copy to other outlets: AP, Reuters, Yonhap.
    WireService,
    /// A newspaper or broadcaster: BBC, The New York Times.
    NewsOutlet,
    /// A person speaking on the record for a body: "President Trump", a spokesperson.
    NamedOfficial,
    /// Members of a legislature or one of its committees.
    Lawmaker,
    /// Organisers of an event, campaigners, an advocacy group.
    Organisers,
    /// Police.
    Police,
    /// Unnamed sources: "officials said", "sources familiar with the matter".
    Anonymous,
    /// The article itself, for figures it gives without attribution.
    Outlet,
    /// A reader's comment.
    Reader,
    /// A country's government as a whole: "South Korea", "Seoul".
    Government,
    /// Think tanks, researchers, analysts.
    Expert,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// Every kind, in declaration order.
    pub const ALL: [SourceKind; 17] = [
        SourceKind::IntelligenceAgency,
        SourceKind::GovernmentAgency,
        SourceKind::Military,
        SourceKind::Ministry,
        SourceKind::StateMedia,
        SourceKind::WireService,
        SourceKind::NewsOutlet,
        SourceKind::NamedOfficial,
        SourceKind::Lawmaker,
        SourceKind::Organisers,
        SourceKind::Police,
        SourceKind::Anonymous,
        SourceKind::Outlet,
        SourceKind::Reader,
        SourceKind::Government,
        SourceKind::Expert,
        SourceKind::Other,
    ];

    /// The kebab-case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::IntelligenceAgency => "intelligence-agency",
            SourceKind::GovernmentAgency => "government-agency",
            SourceKind::Military => "military",
            SourceKind::Ministry => "ministry",
            SourceKind::StateMedia => "state-media",
            SourceKind::WireService => "wire-service",
            SourceKind::NewsOutlet => "news-outlet",
            SourceKind::NamedOfficial => "named-official",
            SourceKind::Lawmaker => "lawmaker",
            SourceKind::Organisers => "organisers",
            SourceKind::Police => "police",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Outlet => "outlet",
            SourceKind::Reader => "reader",
            SourceKind::Government => "government",
            SourceKind::Expert => "expert",
            SourceKind::Other => "other",
        }
    }

    /// The default credibility prior of the kind (table in the module docs).
    pub fn default_prior(self) -> f64 {
        match self {
            SourceKind::WireService => 0.80,
            SourceKind::NewsOutlet => 0.70,
            SourceKind::GovernmentAgency | SourceKind::Expert => 0.65,
            SourceKind::IntelligenceAgency | SourceKind::Ministry | SourceKind::Police => 0.60,
            SourceKind::Military | SourceKind::Government | SourceKind::NamedOfficial => 0.55,
            SourceKind::Lawmaker | SourceKind::Outlet => 0.50,
            SourceKind::Other => 0.40,
            SourceKind::Organisers | SourceKind::Anonymous => 0.35,
            SourceKind::StateMedia => 0.30,
            SourceKind::Reader => 0.10,
        }
    }

    /// True for arms of a state, which are interested parties in their own
    /// country's affairs.
    pub fn is_state_body(self) -> bool {
        matches!(
            self,
            SourceKind::Government
                | SourceKind::GovernmentAgency
                | SourceKind::Ministry
                | SourceKind::Military
                | SourceKind::IntelligenceAgency
                | SourceKind::StateMedia
        )
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SourceKind {
    type Err = RegistryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(k) = SourceKind::ALL
            .iter()
            .find(|k| k.as_str().replace('-', "") == key)
        {
            return Ok(*k);
        }
        let k = match key.as_str() {
            "intelligence" | "spyagency" => SourceKind::IntelligenceAgency,
            "agency" | "internationalorganisation" | "internationalorganization" => {
                SourceKind::GovernmentAgency
            }
            "wire" | "newsagency" => SourceKind::WireService,
            "newspaper" | "broadcaster" | "media" | "news" => SourceKind::NewsOutlet,
            "official" | "spokesperson" => SourceKind::NamedOfficial,
            "organizers" | "organiser" | "organizer" | "advocacy" | "advocacygroup" | "ngo" => {
                SourceKind::Organisers
            }
            "thinktank" | "analyst" | "researcher" => SourceKind::Expert,
            "lawmakers" | "legislator" | "parliament" => SourceKind::Lawmaker,
            "unnamed" | "anonymoussource" => SourceKind::Anonymous,
            _ => {
                return Err(RegistryError::new(
                    None,
                    format!("unknown source kind {s:?}"),
                ));
            }
        };
        Ok(k)
    }
}

impl<'de> Deserialize<'de> for SourceKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

// ---------------------------------------------------------------------------
// Sources, entries, errors
// ---------------------------------------------------------------------------

/// A normalized source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The canonical id, e.g. `"NIS"`, `"KR government"`, `"Yonhap"`.
    pub id: String,
    /// The full name, e.g. `"National Intelligence Service (South Korea)"`.
    pub name: String,
    /// What sort of source it is.
    pub kind: SourceKind,
    /// The country it belongs to, by the registry's country name ("South Korea").
    pub country: Option<String>,
    /// Names that identify it on their own.
    pub aliases: Vec<String>,
    /// Credibility prior, 0..1.
    pub prior: f64,
    /// Topics or actors on which it is an interested party (its own country
    /// is implied for state bodies, see [`SourceKind::is_state_body`]).
    pub interested_in: Vec<String>,
    /// The id of the body it belongs to: NIS → "KR government". Sources with
    /// the same [`SourceRegistry::origin_family`] are not independent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Descriptions that name it only after a form of its country:
    /// "spy agency" → NIS in "Seoul's spy agency".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptors: Vec<String>,
}

/// A user's source entry, as loaded from TOML (`[[sources]]` tables) by the
/// crosscheck library, or built in code. Only `id` is required.
///
/// ```toml
/// [[sources]]
/// id = "KIDA"
/// name = "Korea Institute for Defense Analyses"
/// kind = "expert"
/// country = "South Korea"
/// aliases = ["KIDA", "Korea Institute for Defense Analyses"]
/// prior = 0.65
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// The canonical id; an entry with an existing id replaces that source.
    pub id: String,
    /// Full name; defaults to the id.
    #[serde(default)]
    pub name: Option<String>,
    /// Kind; when absent it is guessed from the name with [`classify_unknown`].
    #[serde(default)]
    pub kind: Option<SourceKind>,
    /// Names that identify the source on their own.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Credibility prior 0..1 (clamped); defaults to the kind's.
    #[serde(default)]
    pub prior: Option<f64>,
    /// Topics on which it is an interested party.
    #[serde(default)]
    pub interested_in: Vec<String>,
    /// Its country: a country name, code or form known to the registry
    /// ("South Korea", "KR", "South Korean"), or any other name.
    #[serde(default)]
    pub country: Option<String>,
    /// Descriptions that name it after a form of its country ("spy agency").
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// The id of the body it belongs to.
    #[serde(default)]
    pub part_of: Option<String>,
}

impl SourceEntry {
    /// Check the entry: a non-blank id, a prior within 0..1 if given.
    /// [`SourceRegistry::extend`] accepts unchecked entries (it clamps the
    /// prior); call this to report problems to a user.
    pub fn validate(&self) -> Result<(), RegistryError> {
        if self.id.trim().is_empty() {
            return Err(RegistryError::new(
                None,
                "source entry without an id".to_string(),
            ));
        }
        if let Some(p) = self.prior
            && !(0.0..=1.0).contains(&p)
        {
            return Err(RegistryError::new(
                None,
                format!("source {:?}: prior {p} is not within 0..1", self.id),
            ));
        }
        Ok(())
    }
}

/// A problem in registry data: the defaults file or a user entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// 1-based line in the data, when there is one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl RegistryError {
    fn new(line: Option<usize>, message: String) -> RegistryError {
        RegistryError { line, message }
    }
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RegistryError {}

/// A country the registry knows: the forms that name it qualify descriptors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// Canonical name: "South Korea".
    pub name: String,
    /// Short code used in ids: "KR" (its government is "KR government").
    pub code: String,
    /// Names, demonyms and capitals: "South Korean", "Seoul", "ROK".
    pub forms: Vec<String>,
}

/// How a mention relates to the source it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionRole {
    /// The body itself: "the NIS", "South Korea's spy agency".
    Institution,
    /// Its spokesperson or press office: "a spokesperson for the Unification Ministry".
    Spokesperson,
    /// Unnamed people in or around it: "South Korean intelligence officials", "sources at the Pentagon".
    Unnamed,
    /// Members of a committee or body: "members of the parliamentary intelligence committee".
    Members,
    /// A named or titled person of it: "Kremlin spokesman Dmitry Peskov" is
    /// [`MentionRole::Spokesperson`]; "NIS Director Cho Tae-yong", "analysts at ISW" are this.
    Person,
}

/// The result of [`SourceRegistry::resolve`]: a registered source, borrowed,
/// or one made up for an unknown mention, owned.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution<'a> {
    /// The source.
    pub source: Cow<'a, Source>,
    /// How the mention relates to it.
    pub role: MentionRole,
}

impl Resolution<'_> {
    /// True when the source comes from the registry rather than being made
    /// up from an unknown mention.
    pub fn is_registered(&self) -> bool {
        matches!(self.source, Cow::Borrowed(_))
    }
}

// ---------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------

/// Normalize a name for matching: lowercase, curly quotes straightened,
/// possessives dropped, full stops removed ("U.S." → "us"), other
/// punctuation and hyphens to spaces, whitespace collapsed.
///
/// ```
/// use crosscheck_claims::registry::normalize;
///
/// assert_eq!(normalize("  the U.S. State Department’s "), "the us state department");
/// assert_eq!(normalize("AT&T's 'Q3' — results"), "at and t q3 results");
/// ```
pub fn normalize(s: &str) -> String {
    // One pass: each character mapped (runs of ASCII letters and digits
    // copied whole, lowercased) into the current word of `out`; a character
    // that maps to a space ends the word, which is then tidied in place.
    let mut words = Words {
        out: String::with_capacity(s.len()),
        start: 0,
        open: false,
        apostrophe: false,
    };
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_alphanumeric() {
            let run = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| at + n);
            words.begin();
            let from = words.out.len();
            words.out.push_str(&s[at..run]);
            words.out[from..].make_ascii_lowercase();
            at = run;
            continue;
        }
        if b < 0x80 {
            match b {
                b'\'' | b'`' => words.push_apostrophe(),
                b'.' => {}
                b'&' => {
                    words.end();
                    words.begin();
                    words.out.push_str("and");
                    words.end();
                }
                _ => words.end(),
            }
            at += 1;
        } else {
            let c = s[at..].chars().next().unwrap_or(' ');
            match c {
                '’' | '‘' | '´' | 'ʼ' | '′' => words.push_apostrophe(),
                c if c.is_alphanumeric() => {
                    words.begin();
                    words.out.extend(c.to_lowercase());
                }
                _ => words.end(),
            }
            at += c.len_utf8();
        }
    }
    words.end();
    words.out
}

/// The words [`normalize`] writes, one at a time, separated by single spaces.
struct Words {
    out: String,
    /// Where the open word starts in `out`.
    start: usize,
    /// Whether a word is open.
    open: bool,
    /// Whether the open word holds an apostrophe.
    apostrophe: bool,
}

impl Words {
    /// Opens a word, after a space when one came before, unless one is open.
    fn begin(&mut self) {
        if !self.open {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.start = self.out.len();
            self.open = true;
            self.apostrophe = false;
        }
    }

    fn push_apostrophe(&mut self) {
        self.begin();
        self.out.push('\'');
        self.apostrophe = true;
    }

    /// Closes the open word: apostrophes around it, a possessive "'s" and
    /// then every apostrophe in it go; a word left empty goes with the
    /// space before it.
    fn end(&mut self) {
        if !self.open {
            return;
        }
        self.open = false;
        if self.apostrophe {
            let word = &self.out[self.start..];
            let word = word.trim_matches('\'');
            let word = word.strip_suffix("'s").unwrap_or(word);
            let tidy: String = word.chars().filter(|&c| c != '\'').collect();
            self.out.truncate(self.start);
            self.out.push_str(&tidy);
        }
        if self.out.len() == self.start {
            self.out.truncate(self.start.saturating_sub(1));
        }
    }
}

/// Drop leading "the", "a", "an".
fn strip_determiners(s: &str) -> &str {
    let mut s = s;
    loop {
        let next = ["the ", "a ", "an "].iter().find_map(|d| s.strip_prefix(d));
        match next {
            Some(rest) => s = rest,
            None => return s,
        }
    }
}

/// Padded with spaces, for whole-word containment checks.
fn padded(s: &str) -> String {
    format!(" {s} ")
}

/// True when `haystack_padded` (as [`padded`] makes it) contains any of
/// `needles` as whole words, found in one pass over the word starts without
/// building the padded needles. The haystacks are mentions and sentences,
/// the needles a few words: comparing at each word start is cheaper than
/// building a substring searcher per needle.
fn contains_any_words(haystack_padded: &str, needles: &[impl AsRef<str>]) -> bool {
    let hay = haystack_padded.as_bytes();
    hay.windows(2).enumerate().any(|(i, w)| {
        // A word start whose first byte no needle starts with is passed over
        // without comparing a whole needle.
        w[0] == b' '
            && needles.iter().any(|n| {
                let n = n.as_ref().as_bytes();
                n.first() == Some(&w[1])
                    && hay[i + 1..].starts_with(n)
                    && hay.get(i + 1 + n.len()) == Some(&b' ')
            })
    })
}

/// True when `haystack_padded` (as [`padded`] makes it) contains ` words `:
/// the words whole ([`contains_any_words`] of one needle).
fn contains_words(haystack_padded: &str, words: &str) -> bool {
    contains_any_words(haystack_padded, &[words])
}

/// A mention written all in lowercase that is an ordinary word ("who",
/// "us", "it") is never a source, though "WHO" and "US" are.
fn is_lowercase_stopword(raw: &str) -> bool {
    const STOP: [&str; 16] = [
        "who", "us", "it", "is", "as", "at", "in", "on", "no", "we", "an", "am", "may", "aid",
        "war", "all",
    ];
    let t = raw.trim_matches(|c: char| !c.is_alphanumeric());
    STOP.contains(&t)
}

/// Reporting verbs a caller may leave at the end of a mention ("officials said").
const SPEECH_VERBS: [&str; 16] = [
    "said",
    "say",
    "says",
    "told",
    "added",
    "noted",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "believes",
    "believe",
    "claimed",
    "claims",
    "warned",
    "stated",
];

/// The mention without a trailing reporting verb: "police said" → "police".
fn trim_speech_verb(raw: &str) -> &str {
    let t = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
    match t.rfind(char::is_whitespace) {
        Some(at) if SPEECH_VERBS.contains(&t[at..].trim().to_lowercase().as_str()) => {
            t[..at].trim_end()
        }
        _ => raw,
    }
}

/// A mention tidied for display as a made-up source's id and name:
/// straight apostrophes, collapsed whitespace, no leading determiner or
/// trailing possessive or punctuation.
fn display_clean(raw: &str) -> String {
    let s: String = raw
        .chars()
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s = s
        .trim_matches(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | '"' | '“' | '”' | '\'' | '(' | ')' | '—' | '–' | '-'
            )
        })
        .to_string();
    for det in ["the ", "a ", "an "] {
        if s.len() > det.len()
            && s.is_char_boundary(det.len())
            && s[..det.len()].eq_ignore_ascii_case(det)
        {
            s = s[det.len()..].to_string();
            break;
        }
    }
    if let Some(x) = s.strip_suffix("'s") {
        s = x.to_string();
    }
    s.trim().to_string()
}

// ---------------------------------------------------------------------------
// Classification of unknown mentions
// ---------------------------------------------------------------------------

/// Head words of anonymous mentions: "officials said", "a senior official".
const ANON_HEADS: [&str; 16] = [
    "official",
    "officials",
    "source",
    "sources",
    "insider",
    "insiders",
    "diplomat",
    "diplomats",
    "people",
    "person",
    "someone",
    "aide",
    "aides",
    "officer",
    "officers",
    "observers",
];

/// "officials at …", "people familiar with …", "sources close to …": an
/// anonymous head word followed by a preposition.
fn anonymous_lead(tokens: &[&str]) -> bool {
    matches!(tokens, [head, next, ..]
        if ANON_HEADS.contains(head)
            && ["at", "in", "from", "with", "within", "inside", "close", "familiar", "who", "of", "on", "near"].contains(next))
}

/// Titles that make a mention a named official.
const TITLES: [&str; 40] = [
    "president",
    "vice",
    "prime",
    "premier",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "governor",
    "mayor",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "major",
    "admiral",
    "adm",
    "captain",
    "ambassador",
    "envoy",
    "director",
    "chief",
    "commander",
    "chairman",
    "chairwoman",
    "chairperson",
    "ceo",
    "head",
    "deputy",
    "leader",
    "foreign",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "supreme",
    "emir",
    "sheikh",
];

/// Guess the kind of a source mention the registry does not know.
///
/// "officials said", "a senior official", "sources familiar with the
/// matter", "diplomatic sources" → [`SourceKind::Anonymous`]; "a
/// spokesperson for X", "President Trump" → [`SourceKind::NamedOfficial`];
/// "police said" → [`SourceKind::Police`]; "organisers" →
/// [`SourceKind::Organisers`]; "opposition lawmaker Lee" →
/// [`SourceKind::Lawmaker`]; "analysts", "an institute" →
/// [`SourceKind::Expert`]; "state media" → [`SourceKind::StateMedia`];
/// "a newspaper" → [`SourceKind::NewsOutlet`]; a bare personal name →
/// [`SourceKind::Other`].
pub fn classify_unknown(mention: &str) -> SourceKind {
    let n = normalize(trim_speech_verb(mention));
    let n = strip_determiners(&n);
    if n.is_empty() {
        return SourceKind::Other;
    }
    let p = padded(n);
    let tokens: Vec<&str> = n.split(' ').collect();
    let has = |w: &str| tokens.contains(&w);
    let any = |ws: &[&str]| ws.iter().any(|w| contains_words(&p, w));
    let last = tokens.last().copied().unwrap_or("");

    if any(&[
        "this newspaper",
        "this website",
        "this outlet",
        "our correspondent",
        "our reporter",
        "our reporters",
        "this publication",
    ]) || n == "we"
    {
        return SourceKind::Outlet;
    }
    if any(&[
        "reader",
        "readers",
        "commenter",
        "commenters",
        "reader comment",
    ]) {
        return SourceKind::Reader;
    }
    if any(&[
        "police",
        "policeman",
        "policemen",
        "constabulary",
        "sheriff",
        "law enforcement",
        "gendarmerie",
        "gendarmes",
    ]) {
        return SourceKind::Police;
    }
    if any(&[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "press secretary",
        "press office",
        "press service",
    ]) {
        return SourceKind::NamedOfficial;
    }
    if any(&[
        "lawmaker",
        "lawmakers",
        "legislator",
        "legislators",
        "mp",
        "mps",
        "senator",
        "senators",
        "sen",
        "congressman",
        "congresswoman",
        "congressmen",
        "member of parliament",
        "members of parliament",
        "parliamentarian",
        "parliamentarians",
        "assemblyman",
        "assemblywoman",
        "rep",
        "deputies",
    ]) || (has("committee")
        && any(&[
            "parliamentary",
            "intelligence",
            "assembly",
            "house",
            "senate",
            "congressional",
            "select",
        ]))
    {
        return SourceKind::Lawmaker;
    }
    if any(&[
        "organisers",
        "organizers",
        "organiser",
        "organizer",
        "organising committee",
        "organizing committee",
        "campaigners",
        "campaign group",
        "activists",
        "advocacy group",
        "rights group",
        "protest leaders",
        "pressure group",
        "ngo",
    ]) {
        return SourceKind::Organisers;
    }
    if any(&[
        "familiar with",
        "condition of anonymity",
        "declined to be named",
        "asked not to be named",
        "not authorized",
        "not authorised",
        "unnamed",
        "anonymous",
        "who spoke",
    ]) {
        return SourceKind::Anonymous;
    }
    if any(&[
        "state media",
        "state run",
        "state owned",
        "state controlled",
        "state tv",
        "state television",
        "state broadcaster",
        "state news agency",
        "official news agency",
        "propaganda",
        "controlled media",
        "kremlin controlled",
        "kremlin backed",
        "government controlled",
        // Media run by an armed group or a party: as partisan as a state's.
        "rebel run",
        "rebel controlled",
        "rebel held",
        "militia run",
        "militia controlled",
        "insurgent run",
        "party run",
        "party controlled",
        "military run",
        "army run",
    ]) {
        return SourceKind::StateMedia;
    }
    if any(&["news agency", "wire service", "press agency", "newswire"]) {
        return SourceKind::WireService;
    }
    if any(&[
        "newspaper",
        "daily",
        "times",
        "post",
        "journal",
        "tv",
        "television",
        "radio",
        "broadcaster",
        "news",
        "media",
        "outlet",
        "magazine",
        "gazette",
        "herald",
        "tribune",
        "ilbo",
        "shimbun",
        "channel",
        "network",
        "reporters",
        "reporter",
        "journalists",
        "correspondent",
    ]) {
        return SourceKind::NewsOutlet;
    }
    if any(&["intelligence", "spy", "spies", "counterintelligence"]) {
        return SourceKind::IntelligenceAgency;
    }
    if any(&[
        "analyst",
        "analysts",
        "expert",
        "experts",
        "researcher",
        "researchers",
        "professor",
        "prof",
        "scholar",
        "scholars",
        "economist",
        "economists",
        "think tank",
        "institute",
        "university",
        "center for",
        "centre for",
        "fellow",
        "academic",
        "academics",
        "monitor",
        "monitors",
        "observatory",
        "commentator",
    ]) {
        return SourceKind::Expert;
    }
    if TITLES.iter().any(|t| has(t)) && !ANON_HEADS.contains(&last) {
        return SourceKind::NamedOfficial;
    }
    if any(&[
        "ministry",
        "department",
        "foreign office",
        "home office",
        "treasury",
    ]) {
        return SourceKind::Ministry;
    }
    if any(&[
        "army",
        "navy",
        "air force",
        "military",
        "armed forces",
        "general staff",
        "forces",
        "command",
        "marines",
        "brigade",
        "battalion",
        "regiment",
        "joint chiefs",
        "troops",
        "soldiers",
        "defense forces",
        "defence forces",
    ]) {
        return SourceKind::Military;
    }
    if ANON_HEADS.contains(&last) || anonymous_lead(&tokens) {
        return SourceKind::Anonymous;
    }
    if any(&[
        "government",
        "authorities",
        "administration",
        "cabinet",
        "regime",
        "leadership",
        "presidency",
    ]) {
        return SourceKind::Government;
    }
    if any(&[
        "agency",
        "service",
        "bureau",
        "office",
        "commission",
        "authority",
        "council",
        "inspectorate",
        "directorate",
        "central bank",
        "statistics",
        "embassy",
        "consulate",
        "committee",
        "secretariat",
        "organization",
        "organisation",
    ]) {
        return SourceKind::GovernmentAgency;
    }
    SourceKind::Other
}

// ---------------------------------------------------------------------------
// The defaults file
// ---------------------------------------------------------------------------

/// One line of the defaults format.
enum Line<'a> {
    Blank,
    Header(&'a str),
    Pair(&'a str, &'a str),
}

fn header(i: &str) -> IResult<&str, &str, NomError<&str>> {
    let (rest, h) = delimited(char('['), take_till1(|c| c == ']'), char(']')).parse(i)?;
    let (rest, _) = (space0, eof).parse(rest)?;
    Ok((rest, h.trim()))
}

fn pair(i: &str) -> IResult<&str, (&str, &str), NomError<&str>> {
    let (rest, (key, _, _, _, value)) = (
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '_'),
        space0,
        char('='),
        space0,
        rest,
    )
        .parse(i)?;
    Ok((rest, (key, value.trim())))
}

fn parse_line(raw: &str) -> Option<Line<'_>> {
    let t = raw.trim();
    if t.is_empty() || t.starts_with('#') {
        return Some(Line::Blank);
    }
    if let Ok((_, h)) = header(t) {
        return Some(Line::Header(h));
    }
    pair(t).ok().map(|(_, (k, v))| Line::Pair(k, v))
}

fn list(v: &str) -> Vec<String> {
    v.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// What the defaults file holds.
#[derive(Default)]
struct Data {
    countries: Vec<Country>,
    entries: Vec<SourceEntry>,
}

enum Section {
    None,
    Country(Country),
    Source(SourceEntry),
}

fn close(section: Section, data: &mut Data) {
    match section {
        Section::None => {}
        Section::Country(c) => data.countries.push(c),
        Section::Source(e) => data.entries.push(e),
    }
}

/// Parse the defaults format (see the top of `registry/defaults.txt`).
fn parse_data(text: &str) -> Result<Data, RegistryError> {
    let mut data = Data::default();
    let mut section = Section::None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = Some(n + 1);
        let err = |m: String| RegistryError::new(line_no, m);
        match parse_line(raw).ok_or_else(|| err(format!("cannot read {raw:?}")))? {
            Line::Blank => {}
            Line::Header(h) => {
                close(std::mem::replace(&mut section, Section::None), &mut data);
                section = match h.strip_prefix("country ") {
                    Some(name) => Section::Country(Country {
                        name: name.trim().to_string(),
                        code: String::new(),
                        forms: Vec::new(),
                    }),
                    None => Section::Source(SourceEntry {
                        id: h.to_string(),
                        ..SourceEntry::default()
                    }),
                };
            }
            Line::Pair(key, value) => match &mut section {
                Section::None => return Err(err(format!("{key} outside a section"))),
                Section::Country(c) => match key {
                    "code" => c.code = value.to_string(),
                    "forms" => c.forms = list(value),
                    _ => return Err(err(format!("unknown country key {key:?}"))),
                },
                Section::Source(e) => match key {
                    "name" => e.name = Some(value.to_string()),
                    "kind" => {
                        e.kind = Some(value.parse().map_err(|x: RegistryError| err(x.message))?)
                    }
                    "country" => e.country = Some(value.to_string()),
                    "prior" => {
                        let p: f64 = value
                            .parse()
                            .map_err(|_| err(format!("prior {value:?} is not a number")))?;
                        e.prior = Some(p);
                    }
                    "part_of" => e.part_of = Some(value.to_string()),
                    "aliases" => e.aliases = list(value),
                    "descriptors" => e.descriptors = list(value),
                    "interested_in" => e.interested_in = list(value),
                    _ => return Err(err(format!("unknown source key {key:?}"))),
                },
            },
        }
    }
    close(section, &mut data);
    for c in &data.countries {
        if c.code.is_empty() {
            return Err(RegistryError::new(
                None,
                format!("country {:?} has no code", c.name),
            ));
        }
    }
    for e in &data.entries {
        e.validate()?;
    }
    Ok(data)
}

// ---------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------

/// Sources and the indexes that find them from a mention.
///
/// Cheap to share: [`SourceRegistry::for_document`] gives a per-document view
/// that learns the document's acronyms without copying the registry.
#[derive(Debug, Clone, Default)]
pub struct SourceRegistry {
    sources: Vec<Source>,
    by_id: HashMap<String, usize>,
    aliases: HashMap<String, usize>,
    descriptors: HashMap<(usize, String), usize>,
    countries: Vec<Country>,
    /// Normalized country form → the indexes of the countries it names, in
    /// declaration order. Looked up with the few strings a mention could
    /// match (itself, its leading words, what follows an " of "), so a
    /// lookup costs the same with 20 countries or 200.
    forms: HashMap<String, Vec<usize>>,
    /// Each country's forms, normalized (same order as `countries`), for the
    /// interested-party check that runs once per claim.
    normalized_forms: Vec<Vec<String>>,
    /// Country name → its index in `countries`.
    country_by_name: HashMap<String, usize>,
    /// Every source's `interested_in` topics, each as the interested-party
    /// check reads it, so a check does not resolve them again.
    topics: HashMap<String, Topic>,
}

/// An `interested_in` topic as the interested-party check reads it.
#[derive(Debug, Clone)]
enum Topic {
    /// A country (its index): named by any of its forms.
    Country(usize),
    /// Anything else: named by these normalized words.
    Words(String),
}

/// The lookups the matcher needs, so a registry and a per-document view
/// share one matcher.
trait View {
    fn registry(&self) -> &SourceRegistry;
    fn alias(&self, norm: &str) -> Option<&Source>;
    fn get(&self, id: &str) -> Option<&Source>;
}

impl View for SourceRegistry {
    fn registry(&self) -> &SourceRegistry {
        self
    }

    fn alias(&self, norm: &str) -> Option<&Source> {
        self.aliases.get(norm).and_then(|&i| self.sources.get(i))
    }

    fn get(&self, id: &str) -> Option<&Source> {
        self.by_id.get(id).and_then(|&i| self.sources.get(i))
    }
}

impl SourceRegistry {
    /// An empty registry: no sources, no countries.
    pub fn new() -> SourceRegistry {
        SourceRegistry::default()
    }

    /// The registry with the embedded defaults: countries, wire services,
    /// state media, major outlets and the agencies a news desk meets.
    pub fn with_defaults() -> SourceRegistry {
        let mut r = SourceRegistry::new();
        // The embedded file is checked by a unit test; should it ever fail
        // to parse, the registry is empty rather than the process aborted.
        if let Ok(data) = parse_data(DEFAULTS) {
            for c in data.countries {
                r.insert_country(c);
            }
            for e in data.entries {
                let source = r.source_from_entry(e);
                r.upsert(source);
            }
            r.rebuild();
        }
        r
    }

    /// Add a country (or replace one with the same name) and its government
    /// source, `"<code> government"`, named by any of its forms alone.
    pub fn add_country(&mut self, country: Country) {
        self.insert_country(country);
        self.rebuild();
    }

    fn insert_country(&mut self, mut country: Country) {
        if !country.forms.iter().any(|f| f == &country.name) {
            country.forms.insert(0, country.name.clone());
        }
        let gov = Source {
            id: format!("{} government", country.code),
            name: format!("Government of {}", country.name),
            kind: SourceKind::Government,
            country: Some(country.name.clone()),
            aliases: Vec::new(),
            prior: SourceKind::Government.default_prior(),
            interested_in: Vec::new(),
            part_of: None,
            descriptors: [
                "government",
                "authorities",
                "administration",
                "leadership",
                "regime",
                "cabinet",
            ]
            .map(String::from)
            .to_vec(),
        };
        match self.countries.iter().position(|c| c.name == country.name) {
            Some(i) => self.countries[i] = country,
            None => self.countries.push(country),
        }
        self.upsert(gov);
    }

    /// Add user entries. A new id makes a new source, named by its id, its
    /// name and its aliases. An existing id updates that source: the fields
    /// given replace its own, lists (aliases, descriptors, interested_in)
    /// are added to, and it wins alias clashes from then on. Priors are
    /// clamped to 0..1; a missing kind is guessed from the name; a country
    /// given by code or form ("KR", "South Korean") is stored by its name.
    /// Entries with a blank id are skipped.
    pub fn extend(&mut self, entries: Vec<SourceEntry>) {
        for e in entries {
            let id = e.id.trim().to_string();
            if id.is_empty() {
                continue;
            }
            let source = match self.sources.iter().position(|s| s.id == id) {
                Some(i) => {
                    let mut s = self.sources[i].clone();
                    self.merge_entry(&mut s, e);
                    s
                }
                None => {
                    let mut s = self.source_from_entry(e);
                    for name in [s.name.clone(), s.id.clone()] {
                        if !s.aliases.contains(&name) {
                            s.aliases.insert(0, name);
                        }
                    }
                    s
                }
            };
            self.upsert(source);
        }
        self.rebuild();
    }

    fn merge_entry(&self, s: &mut Source, e: SourceEntry) {
        fn add(list: &mut Vec<String>, more: Vec<String>) {
            for m in more {
                if !list.contains(&m) {
                    list.push(m);
                }
            }
        }
        if let Some(n) = e.name.filter(|n| !n.trim().is_empty()) {
            s.name = n;
        }
        if let Some(k) = e.kind {
            s.kind = k;
        }
        if let Some(p) = e.prior.filter(|p| p.is_finite()) {
            s.prior = p.clamp(0.0, 1.0);
        }
        if let Some(c) = e.country {
            s.country = Some(self.canonical_country(&c).map_or(c.clone(), str::to_string));
        }
        if e.part_of.is_some() {
            s.part_of = e.part_of;
        }
        add(&mut s.aliases, e.aliases);
        add(&mut s.descriptors, e.descriptors);
        add(&mut s.interested_in, e.interested_in);
    }

    fn source_from_entry(&self, e: SourceEntry) -> Source {
        let name = e
            .name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| e.id.clone());
        let kind = e.kind.unwrap_or_else(|| classify_unknown(&name));
        let prior = e
            .prior
            .filter(|p| p.is_finite())
            .map_or_else(|| kind.default_prior(), |p| p.clamp(0.0, 1.0));
        let country = e
            .country
            .map(|c| self.canonical_country(&c).map_or(c, str::to_string));
        Source {
            id: e.id.trim().to_string(),
            name,
            kind,
            country,
            aliases: e.aliases,
            prior,
            interested_in: e.interested_in,
            part_of: e.part_of,
            descriptors: e.descriptors,
        }
    }

    /// Insert or replace (moving it last, so it wins alias clashes).
    fn upsert(&mut self, source: Source) {
        if let Some(i) = self.sources.iter().position(|s| s.id == source.id) {
            self.sources.remove(i);
        }
        self.sources.push(source);
    }

    fn rebuild(&mut self) {
        self.by_id.clear();
        self.aliases.clear();
        self.descriptors.clear();
        self.forms.clear();
        self.normalized_forms.clear();
        self.country_by_name.clear();
        self.topics.clear();
        for (ci, c) in self.countries.iter().enumerate() {
            self.country_by_name.entry(c.name.clone()).or_insert(ci);
            let mut normalized = Vec::with_capacity(c.forms.len());
            for f in &c.forms {
                let n = normalize(f);
                if !n.is_empty() {
                    let cis = self.forms.entry(n.clone()).or_default();
                    if !cis.contains(&ci) {
                        cis.push(ci);
                    }
                }
                normalized.push(n);
            }
            self.normalized_forms.push(normalized);
        }
        for (i, s) in self.sources.iter().enumerate() {
            self.by_id.insert(s.id.clone(), i);
            for a in &s.aliases {
                let n = normalize(a);
                if !n.is_empty() {
                    self.aliases.insert(n, i);
                }
            }
            if let Some(ci) = s
                .country
                .as_deref()
                .and_then(|c| self.countries.iter().position(|x| x.name == c))
            {
                for d in &s.descriptors {
                    let n = normalize(d);
                    if !n.is_empty() {
                        self.descriptors.insert((ci, n), i);
                    }
                }
            }
        }
        let topics: Vec<String> = self
            .sources
            .iter()
            .flat_map(|s| s.interested_in.iter().cloned())
            .collect();
        for t in topics {
            let topic = self.topic(&t);
            self.topics.insert(t, topic);
        }
    }

    /// How the interested-party check reads an `interested_in` topic.
    fn topic(&self, t: &str) -> Topic {
        match self
            .canonical_country(t)
            .and_then(|name| self.country_by_name.get(name))
        {
            Some(&ci) => Topic::Country(ci),
            None => Topic::Words(normalize(t)),
        }
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        View::get(self, id)
    }

    /// All sources, in insertion order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// All countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The number of sources.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// True when there are no sources.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The canonical name of a country given by name, code or form ("KR",
    /// "South Korean", "Seoul" → "South Korea"). A code counts only written
    /// in capitals: "it", "No" and "So" are words, not Italy, Norway and
    /// Somalia.
    pub fn canonical_country(&self, s: &str) -> Option<&str> {
        let t = s.trim();
        if !t.chars().any(char::is_lowercase)
            && let Some(c) = self.countries.iter().find(|c| c.code == t)
        {
            return Some(&c.name);
        }
        let n = normalize(s);
        let n = strip_determiners(&n);
        self.forms
            .get(n)
            .and_then(|cis| cis.first())
            .map(|&ci| self.countries[ci].name.as_str())
    }

    /// The country forms a normalized mention `m` is, starts with (then a
    /// space) or ends with (after " of "), each with its countries: longest
    /// first, then alphabetically, the order in which a scan of all forms
    /// sorted that way would meet them.
    fn matching_forms<'a>(&'a self, m: &'a str) -> Vec<(&'a str, &'a [usize])> {
        let mut found: Vec<(&str, &[usize])> = Vec::new();
        let mut try_form = |f: &str| {
            if let Some((k, cis)) = self.forms.get_key_value(f)
                && !found.iter().any(|(g, _)| *g == k.as_str())
            {
                found.push((k.as_str(), cis.as_slice()));
            }
        };
        try_form(m);
        for (i, _) in m.match_indices(' ') {
            try_form(&m[..i]);
            if let Some(tail) = m[i..].strip_prefix(" of ") {
                try_form(tail);
            }
        }
        found.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        found
    }

    /// The country named at the start of a mention ("South Korean
    /// intelligence" → "South Korea"), or at its end ("the Ministry of
    /// Defence of Ukraine" → "Ukraine").
    pub fn country_of(&self, mention: &str) -> Option<&str> {
        let n = normalize(mention);
        let m = strip_determiners(&n);
        self.matching_forms(m)
            .first()
            .and_then(|(_, cis)| cis.first())
            .map(|&ci| self.countries[ci].name.as_str())
    }

    /// The source a mention names, if the registry knows it (see the module
    /// docs for what matches). Case-, punctuation- and possessive-insensitive.
    pub fn lookup(&self, mention: &str) -> Option<&Source> {
        self.lookup_with_role(mention).map(|(s, _)| s)
    }

    /// [`SourceRegistry::lookup`], with how the mention relates to the source.
    pub fn lookup_with_role(&self, mention: &str) -> Option<(&Source, MentionRole)> {
        find_in(self, mention)
    }

    /// The source a mention names, registered or made up: an unknown
    /// mention becomes a source whose id and name are the tidied mention and
    /// whose kind is [`classify_unknown`]'s guess; anonymous mentions resolve
    /// to the shared [`ANONYMOUS_ID`] source.
    pub fn resolve(&self, mention: &str) -> Resolution<'_> {
        resolve_in(self, mention)
    }

    /// [`classify_unknown`], as an associated function: the kind of a
    /// mention the registry does not know.
    pub fn classify_unknown(mention: &str) -> SourceKind {
        classify_unknown(mention)
    }

    /// A per-document view that has learned the acronyms `text` defines
    /// ("Korea Institute for Defense Analyses (KIDA)"); the registry itself
    /// is unchanged.
    pub fn for_document(&self, text: &str) -> DocumentSources<'_> {
        let mut d = DocumentSources::new(self);
        d.learn_acronyms(text);
        d
    }

    /// Learn the acronyms `text` defines into this registry itself. For one
    /// document among many, prefer [`SourceRegistry::for_document`] (or
    /// clone the registry first): definitions are per document.
    pub fn learn_acronyms(&mut self, text: &str) {
        let (learned, aliases) = {
            let d = self.for_document(text);
            (d.learned, d.learned_aliases)
        };
        for (acronym, target) in aliases {
            if let Target::Base(i) = target
                && let Some(s) = self.sources.get_mut(i)
            {
                s.aliases.push(acronym);
            }
        }
        // Learned sources carry their acronym and long name as aliases.
        for s in learned {
            self.upsert(s);
        }
        self.rebuild();
    }

    /// True when the source is an interested party in what `topic_text` is
    /// about: one of its `interested_in` topics appears in it (a country
    /// topic matches any of the country's forms: "North Korea" matches
    /// "Pyongyang", "North Korean"), or it is a state body
    /// ([`SourceKind::is_state_body`]) and the text names its own country.
    pub fn is_interested_party(&self, source_id: &str, topic_text: &str) -> bool {
        interested_in(self, View::get(self, source_id), topic_text)
    }

    /// Whom the source speaks for in what `topic_text` is about, when
    /// [`SourceRegistry::is_interested_party`]: its own country (canonical
    /// name) for a state body, else the first of its `interested_in` topics
    /// the text names.
    ///
    /// ```
    /// use crosscheck_claims::registry::SourceRegistry;
    ///
    /// let r = SourceRegistry::with_defaults();
    /// assert_eq!(r.interested_party("KCNA", "Pyongyang's rice harvest").as_deref(), Some("North Korea"));
    /// assert_eq!(r.interested_party("KCNA", "rice harvest in Germany"), None);
    /// ```
    pub fn interested_party(&self, source_id: &str, topic_text: &str) -> Option<String> {
        party_in(self, View::get(self, source_id), topic_text)
    }

    /// The source's prior for a figure about `topic_text`: discounted by
    /// [`INTERESTED_PARTY_FACTOR`] when it is an interested party.
    pub fn prior_about(&self, source_id: &str, topic_text: &str) -> Option<f64> {
        let s = View::get(self, source_id)?;
        Some(if interested_in(self, Some(s), topic_text) {
            s.prior * INTERESTED_PARTY_FACTOR
        } else {
            s.prior
        })
    }

    /// The id at the top of the source's `part_of` chain (NIS → "KR
    /// government", DIA → "US government"); the id itself when it belongs
    /// to nothing. Sources with the same family are not independent origins.
    pub fn origin_family<'a>(&'a self, source_id: &'a str) -> &'a str {
        origin_family_in(self, source_id)
    }
}

fn origin_family_in<'a, V: View>(v: &'a V, source_id: &'a str) -> &'a str {
    let mut id = source_id;
    for _ in 0..16 {
        match v.get(id).and_then(|s| s.part_of.as_deref()) {
            Some(parent) if parent != id => id = parent,
            _ => break,
        }
    }
    id
}

fn interested_in<V: View>(v: &V, source: Option<&Source>, topic_text: &str) -> bool {
    party_in(v, source, topic_text).is_some()
}

/// The party `source` speaks for that `topic_text` names: its own country
/// (canonical name) when it is a state body, else the first of its
/// `interested_in` topics the text names (a country topic by its canonical
/// name). `None` when the text names none.
fn party_in<V: View>(v: &V, source: Option<&Source>, topic_text: &str) -> Option<String> {
    let s = source?;
    let reg = v.registry();
    let own = s
        .kind
        .is_state_body()
        .then(|| {
            s.country
                .as_deref()
                .and_then(|name| reg.country_by_name.get(name).copied())
        })
        .flatten();
    // Most sources speak for no one: the text need not be read.
    if own.is_none() && s.interested_in.is_empty() {
        return None;
    }
    let topic = padded(&normalize(topic_text));
    let country_matches = |ci: usize| contains_any_words(&topic, &reg.normalized_forms[ci]);
    if let Some(ci) = own
        && country_matches(ci)
    {
        return Some(reg.countries[ci].name.clone());
    }
    s.interested_in.iter().find_map(|t| {
        // Every registered source's topics are in the table; a source made
        // up elsewhere (a document's learned source has none today) is
        // read as the table would have read it.
        let read;
        let topic_of_t = match reg.topics.get(t) {
            Some(known) => known,
            None => {
                read = reg.topic(t);
                &read
            }
        };
        match topic_of_t {
            Topic::Country(ci) => country_matches(*ci).then(|| reg.countries[*ci].name.clone()),
            Topic::Words(words) => contains_words(&topic, words).then(|| t.clone()),
        }
    })
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/// Leading wrappers and the role they give: "members of …".
const PREFIXES: [(&str, MentionRole); 62] = [
    ("according to ", MentionRole::Institution),
    ("statement from ", MentionRole::Institution),
    ("statement by ", MentionRole::Institution),
    ("report by ", MentionRole::Institution),
    ("report from ", MentionRole::Institution),
    ("data from ", MentionRole::Institution),
    ("figures from ", MentionRole::Institution),
    ("estimates from ", MentionRole::Institution),
    ("estimates by ", MentionRole::Institution),
    ("assessment by ", MentionRole::Institution),
    ("assessment from ", MentionRole::Institution),
    ("briefing by ", MentionRole::Institution),
    ("analysis by ", MentionRole::Institution),
    ("analysis from ", MentionRole::Institution),
    ("members of ", MentionRole::Members),
    ("member of ", MentionRole::Members),
    ("members from ", MentionRole::Members),
    ("lawmakers on ", MentionRole::Members),
    ("lawmakers from ", MentionRole::Members),
    ("spokesperson for ", MentionRole::Spokesperson),
    ("spokesman for ", MentionRole::Spokesperson),
    ("spokeswoman for ", MentionRole::Spokesperson),
    ("spokespeople for ", MentionRole::Spokesperson),
    ("spokesperson of ", MentionRole::Spokesperson),
    ("spokesman of ", MentionRole::Spokesperson),
    ("spokeswoman of ", MentionRole::Spokesperson),
    ("spokesperson at ", MentionRole::Spokesperson),
    ("spokesman at ", MentionRole::Spokesperson),
    ("spokeswoman at ", MentionRole::Spokesperson),
    ("spokesperson office at ", MentionRole::Spokesperson),
    ("spokesperson office of ", MentionRole::Spokesperson),
    ("press office of ", MentionRole::Spokesperson),
    ("press office at ", MentionRole::Spokesperson),
    ("press service of ", MentionRole::Spokesperson),
    ("press secretary for ", MentionRole::Spokesperson),
    ("officials at ", MentionRole::Unnamed),
    ("officials from ", MentionRole::Unnamed),
    ("officials of ", MentionRole::Unnamed),
    ("officials in ", MentionRole::Unnamed),
    ("officials with ", MentionRole::Unnamed),
    ("officials within ", MentionRole::Unnamed),
    ("official at ", MentionRole::Unnamed),
    ("official from ", MentionRole::Unnamed),
    ("official of ", MentionRole::Unnamed),
    ("official in ", MentionRole::Unnamed),
    ("official with ", MentionRole::Unnamed),
    ("sources at ", MentionRole::Unnamed),
    ("sources in ", MentionRole::Unnamed),
    ("sources within ", MentionRole::Unnamed),
    ("sources inside ", MentionRole::Unnamed),
    ("sources close to ", MentionRole::Unnamed),
    ("sources from ", MentionRole::Unnamed),
    ("source at ", MentionRole::Unnamed),
    ("source in ", MentionRole::Unnamed),
    ("source close to ", MentionRole::Unnamed),
    ("diplomats from ", MentionRole::Unnamed),
    ("analysts at ", MentionRole::Person),
    ("analyst at ", MentionRole::Person),
    ("researchers at ", MentionRole::Person),
    ("director of ", MentionRole::Person),
    ("head of ", MentionRole::Person),
    ("chief of ", MentionRole::Person),
];

/// Trailing role words: "… officials", "… spokesman", "… estimates".
const SUFFIXES: [(&str, MentionRole); 34] = [
    (" officials", MentionRole::Unnamed),
    (" official", MentionRole::Unnamed),
    (" sources", MentionRole::Unnamed),
    (" source", MentionRole::Unnamed),
    (" officers", MentionRole::Unnamed),
    (" insiders", MentionRole::Unnamed),
    (" spokesperson", MentionRole::Spokesperson),
    (" spokesman", MentionRole::Spokesperson),
    (" spokeswoman", MentionRole::Spokesperson),
    (" spokespeople", MentionRole::Spokesperson),
    (" press office", MentionRole::Spokesperson),
    (" press service", MentionRole::Spokesperson),
    (" press secretary", MentionRole::Spokesperson),
    (" members", MentionRole::Members),
    (" member", MentionRole::Members),
    (" analysts", MentionRole::Person),
    (" assessment", MentionRole::Institution),
    (" assessments", MentionRole::Institution),
    (" estimate", MentionRole::Institution),
    (" estimates", MentionRole::Institution),
    (" report", MentionRole::Institution),
    (" reports", MentionRole::Institution),
    (" statement", MentionRole::Institution),
    (" statements", MentionRole::Institution),
    (" briefing", MentionRole::Institution),
    (" briefings", MentionRole::Institution),
    (" data", MentionRole::Institution),
    (" figures", MentionRole::Institution),
    (" analysis", MentionRole::Institution),
    (" said", MentionRole::Institution),
    (" says", MentionRole::Institution),
    (" news agency", MentionRole::Institution),
    (" newspaper", MentionRole::Institution),
    (" broadcaster", MentionRole::Institution),
];

/// Leading qualifiers dropped before matching: "senior", "previous".
const QUALIFIERS: [&str; 20] = [
    "senior ",
    "top ",
    "high ranking ",
    "high level ",
    "unnamed ",
    "anonymous ",
    "several ",
    "some ",
    "two ",
    "three ",
    "many ",
    "other ",
    "multiple ",
    "current ",
    "former ",
    "previous ",
    "earlier ",
    "latest ",
    "recent ",
    "new ",
];

/// Places whose name begins with a qualifier word: "New Mexico officials"
/// are not new Mexico officials, so the "new" stays.
const QUALIFIED_PLACES: [&str; 2] = ["new mexico", "new guinea"];

fn is_qualified_place(m: &str) -> bool {
    QUALIFIED_PLACES.iter().any(|p| {
        m.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
    })
}

/// Adjectives dropped between a country and a descriptor or alias:
/// "North Korea's official Korean Central News Agency".
const ADJECTIVES: [&str; 8] = [
    "official ",
    "state run ",
    "state owned ",
    "state controlled ",
    "state ",
    "government run ",
    "main ",
    "national ",
];

/// Titles that may follow a source name before a person's name.
const TITLE_WORDS: [&str; 26] = [
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "chief",
    "head",
    "minister",
    "secretary",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "official",
    "analyst",
    "researcher",
    "fellow",
    "expert",
    "deputy",
    "vice",
    "ambassador",
    "envoy",
    "general",
    "gen",
    "adviser",
    "leader",
];

fn combine(outer: MentionRole, inner: MentionRole) -> MentionRole {
    if outer == MentionRole::Institution {
        inner
    } else {
        outer
    }
}

fn find_in<'v, V: View>(v: &'v V, mention: &str) -> Option<(&'v Source, MentionRole)> {
    let raw = mention.trim();
    if raw.is_empty() || is_lowercase_stopword(raw) {
        return None;
    }
    // "National Intelligence Service (NIS)": the name outside, then the acronym inside.
    if raw.ends_with(')')
        && let Some(open) = raw.rfind('(')
    {
        let outside = raw[..open].trim();
        let inside = raw[open + 1..raw.len() - 1].trim();
        return find_in(v, outside).or_else(|| find_in(v, inside));
    }
    find_norm(v, &normalize(raw), 0)
}

fn find_norm<'v, V: View>(v: &'v V, n: &str, depth: u8) -> Option<(&'v Source, MentionRole)> {
    if depth > 6 || n.is_empty() {
        return None;
    }
    if let Some(s) = v.alias(n) {
        return Some((s, MentionRole::Institution));
    }
    let m = strip_determiners(n);
    if m.is_empty() {
        return None;
    }
    if m != n
        && let Some(s) = v.alias(m)
    {
        return Some((s, MentionRole::Institution));
    }
    if let Some(s) = country_qualified(v, m) {
        return Some((s, MentionRole::Institution));
    }
    for (prefix, role) in PREFIXES {
        if let Some(rest) = m.strip_prefix(prefix)
            && let Some((s, inner)) = find_norm(v, rest, depth + 1)
        {
            return Some((s, combine(role, inner)));
        }
    }
    for q in QUALIFIERS {
        if let Some(rest) = m.strip_prefix(q)
            && !is_qualified_place(m)
            && let Some(found) = find_norm(v, rest, depth + 1)
        {
            return Some(found);
        }
    }
    for (suffix, role) in SUFFIXES {
        if let Some(head) = m.strip_suffix(suffix)
            && let Some((s, inner)) = find_norm(v, head, depth + 1)
        {
            return Some((s, combine(role, inner)));
        }
    }
    titled(v, m).or_else(|| appositive(v, m))
}

/// Words that make the words before a name a description of it.
const DESCRIPTIVE: [&str; 22] = [
    "news",
    "agency",
    "broadcaster",
    "state",
    "media",
    "newspaper",
    "daily",
    "outlet",
    "wire",
    "service",
    "tv",
    "television",
    "channel",
    "website",
    "network",
    "tabloid",
    "radio",
    "official",
    "run",
    "owned",
    "think",
    "tank",
];

/// "Chinese state broadcaster CCTV", "French news agency AFP", "the
/// North's state-run Korean Central News Agency": a description, then a name.
fn appositive<'v, V: View>(v: &'v V, m: &str) -> Option<(&'v Source, MentionRole)> {
    let tokens: Vec<&str> = m.split(' ').collect();
    for k in 1..tokens.len() {
        let tail = tokens[k..].join(" ");
        let Some(s) = v.alias(&tail) else { continue };
        let head = &tokens[..k];
        let head_text = head.join(" ");
        let country = v.registry().country_of(&head_text);
        let consistent = match (country, s.country.as_deref()) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => false,
            (None, _) => true,
        };
        if consistent && (country.is_some() || head.iter().any(|w| DESCRIPTIVE.contains(w))) {
            return Some((s, MentionRole::Institution));
        }
    }
    None
}

/// "Kremlin spokesman Dmitry Peskov", "U.S. Defense Secretary Pete Hegseth",
/// "NIS Director Cho Tae-yong": a source, a title, a name.
fn titled<'v, V: View>(v: &'v V, m: &str) -> Option<(&'v Source, MentionRole)> {
    let tokens: Vec<&str> = m.split(' ').collect();
    for k in (1..tokens.len()).rev() {
        let title = tokens[k];
        if !TITLE_WORDS.contains(&title) {
            continue;
        }
        let head = tokens[..k].join(" ");
        let role = if title.starts_with("spokes") {
            MentionRole::Spokesperson
        } else {
            MentionRole::Person
        };
        // A minister's title names the ministry; a US secretary's the department.
        let candidates = match title {
            "minister" => vec![format!("{head} ministry"), head.clone()],
            "secretary" => vec![format!("{head} department"), head.clone()],
            _ => vec![head.clone()],
        };
        for c in candidates {
            if let Some(s) = v
                .alias(&c)
                .or_else(|| country_qualified(v, strip_determiners(&c)))
            {
                return Some((s, role));
            }
        }
    }
    None
}

/// A country form, then a descriptor or an alias of that country's source.
fn country_qualified<'v, V: View>(v: &'v V, m: &str) -> Option<&'v Source> {
    let reg = v.registry();
    for (form, cis) in reg.matching_forms(m) {
        let rest = if m == form {
            ""
        } else if let Some(r) = m.strip_prefix(form).and_then(|r| r.strip_prefix(' ')) {
            r
        } else if let Some(h) = m.strip_suffix(form).and_then(|h| h.strip_suffix(" of ")) {
            h
        } else {
            continue;
        };
        for &ci in cis {
            if let Some(s) = qualified_rest(v, ci, strip_determiners(rest)) {
                return Some(s);
            }
        }
    }
    None
}

fn qualified_rest<'v, V: View>(v: &'v V, ci: usize, rest: &str) -> Option<&'v Source> {
    let reg = v.registry();
    let country = reg.countries.get(ci)?;
    if rest.is_empty() {
        return v.get(&format!("{} government", country.code));
    }
    let try_one = |r: &str| -> Option<&'v Source> {
        if let Some(&i) = reg.descriptors.get(&(ci, r.to_string())) {
            return reg.sources.get(i);
        }
        v.alias(r)
            .filter(|s| s.country.as_deref() == Some(country.name.as_str()))
    };
    if let Some(s) = try_one(rest) {
        return Some(s);
    }
    ADJECTIVES
        .iter()
        .find_map(|a| rest.strip_prefix(a).and_then(try_one))
}

fn resolve_in<'v, V: View>(v: &'v V, mention: &str) -> Resolution<'v> {
    let mention = trim_speech_verb(mention);
    if let Some((s, role)) = find_in(v, mention) {
        return Resolution {
            source: Cow::Borrowed(s),
            role,
        };
    }
    let kind = classify_unknown(mention);
    let n = normalize(mention);
    let tokens: Vec<&str> = strip_determiners(&n).split(' ').collect();
    let last = tokens.last().copied().unwrap_or("");
    let unnamed = ANON_HEADS.contains(&last) || anonymous_lead(&tokens);
    if kind == SourceKind::Anonymous
        && let Some(s) = v.get(ANONYMOUS_ID)
    {
        return Resolution {
            source: Cow::Borrowed(s),
            role: MentionRole::Unnamed,
        };
    }
    if kind == SourceKind::Reader
        && let Some(s) = v.get(READER_ID)
    {
        return Resolution {
            source: Cow::Borrowed(s),
            role: MentionRole::Person,
        };
    }
    let role = if unnamed {
        MentionRole::Unnamed
    } else if matches!(kind, SourceKind::NamedOfficial | SourceKind::Lawmaker) {
        if tokens.iter().any(|t| t.starts_with("spokes")) {
            MentionRole::Spokesperson
        } else {
            MentionRole::Person
        }
    } else {
        MentionRole::Institution
    };
    let cleaned = display_clean(mention);
    let reg = v.registry();
    // "a spokesperson for X": the made-up source belongs to X.
    let part_of = {
        let lower = mention.to_ascii_lowercase();
        [
            "spokesperson for ",
            "spokesman for ",
            "spokeswoman for ",
            "spokesperson of ",
            "spokesman of ",
        ]
        .iter()
        .find_map(|p| lower.find(p).map(|at| at + p.len()))
        .and_then(|at| mention.get(at..))
        .map(display_clean)
        .filter(|s| !s.is_empty())
    };
    let interested = if kind == SourceKind::Organisers {
        v.get(ORGANISERS_ID)
            .map(|s| s.interested_in.clone())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let source = Source {
        id: cleaned.clone(),
        name: cleaned,
        kind,
        country: reg.country_of(mention).map(str::to_string),
        aliases: Vec::new(),
        prior: kind.default_prior(),
        interested_in: interested,
        part_of,
        descriptors: Vec::new(),
    };
    Resolution {
        source: Cow::Owned(source),
        role,
    }
}

// ---------------------------------------------------------------------------
// Per-document acronyms
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Base(usize),
    Learned(usize),
}

/// A registry seen through one document: the acronyms the document defines
/// ("Korea Institute for Defense Analyses (KIDA)") are known here and take
/// precedence over the registry's, which is left unchanged.
#[derive(Debug, Clone)]
pub struct DocumentSources<'r> {
    base: &'r SourceRegistry,
    learned: Vec<Source>,
    aliases: HashMap<String, Target>,
    learned_aliases: Vec<(String, Target)>,
}

impl View for DocumentSources<'_> {
    fn registry(&self) -> &SourceRegistry {
        self.base
    }

    fn alias(&self, norm: &str) -> Option<&Source> {
        match self.aliases.get(norm) {
            Some(Target::Base(i)) => self.base.sources.get(*i),
            Some(Target::Learned(i)) => self.learned.get(*i),
            None => self.base.alias(norm),
        }
    }

    fn get(&self, id: &str) -> Option<&Source> {
        self.learned
            .iter()
            .find(|s| s.id == id)
            .or_else(|| self.base.get(id))
    }
}

/// Words that may sit inside a multi-word name without a capital.
const CONNECTORS: [&str; 12] = [
    "of", "for", "the", "and", "on", "de", "du", "la", "des", "in", "to", "&",
];

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'))
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn core_word(w: &str) -> &str {
    w.trim_start_matches(|c: char| !c.is_alphanumeric())
}

fn is_capitalised(w: &str) -> bool {
    core_word(w).chars().next().is_some_and(char::is_uppercase)
}

/// "(ACR)" occurrences with the capitalised words before them, in text order.
fn acronym_sites(text: &str) -> Vec<(Vec<&str>, &str)> {
    let mut out = Vec::new();
    for (p, _) in text.match_indices('(') {
        let after = &text[p + 1..];
        let Some(close) = after.find(')') else {
            continue;
        };
        let inner = after[..close].trim();
        if !is_acronym(inner) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        for w in text[..p].split_whitespace().rev().take(12) {
            let ends_clause = w.ends_with([',', ';', ':', '.', '!', '?', ')', ']', '—', '–']);
            if ends_clause && !words.is_empty() {
                break;
            }
            if !is_capitalised(w) && !CONNECTORS.contains(&core_word(w).to_lowercase().as_str()) {
                break;
            }
            words.push(w);
            if ends_clause {
                break;
            }
        }
        words.reverse();
        // Drop leading connectors: "the National …".
        while words.first().is_some_and(|w| !is_capitalised(w)) {
            words.remove(0);
        }
        if !words.is_empty() {
            out.push((words, inner));
        }
    }
    out
}

fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| is_capitalised(w))
        .filter_map(|w| core_word(w).chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

impl<'r> DocumentSources<'r> {
    /// A view of `base` that has learned nothing yet.
    pub fn new(base: &'r SourceRegistry) -> DocumentSources<'r> {
        DocumentSources {
            base,
            learned: Vec::new(),
            aliases: HashMap::new(),
            learned_aliases: Vec::new(),
        }
    }

    /// Learn the acronyms `text` defines: "Long Name (ACR)". When the long
    /// name is a known source, the acronym becomes its alias; otherwise a
    /// new source is made (id = the acronym, kind guessed from the name).
    /// A definition in the text wins over the registry's meaning of the
    /// acronym, except for country names.
    pub fn learn_acronyms(&mut self, text: &str) {
        for (words, acronym) in acronym_sites(text) {
            let letters: String = acronym.chars().filter(|c| c.is_uppercase()).collect();
            let by_initials = (1..=words.len())
                .map(|k| &words[words.len() - k..])
                .find(|cand| is_capitalised(cand[0]) && initials(cand) == letters);
            let acr_norm = normalize(acronym);
            let known = find_in(&*self, acronym).map(|(s, _)| s.id.clone());
            let is_country = self.base.forms.contains_key(&acr_norm);
            let (long, target_source) = match by_initials {
                Some(cand) => {
                    let long = cand.join(" ");
                    let found = find_in(&*self, &long).map(|(s, _)| s.id.clone());
                    (long, found)
                }
                None => {
                    // No initials match ("Main Directorate of Intelligence (GUR)"):
                    // accept only a long name that is a known source, for an
                    // acronym that means nothing yet.
                    if known.is_some() || is_country {
                        continue;
                    }
                    let Some((long, id)) = (1..=words.len()).rev().find_map(|k| {
                        let long = words[words.len() - k..].join(" ");
                        find_in(&*self, &long).map(|(s, _)| (long, s.id.clone()))
                    }) else {
                        continue;
                    };
                    (long, Some(id))
                }
            };
            if is_country || (known.is_some() && known == target_source) {
                continue;
            }
            let target = match target_source {
                Some(id) => match self.learned.iter().position(|s| s.id == id) {
                    Some(j) => Target::Learned(j),
                    None => match self.base.by_id.get(&id) {
                        Some(&i) => Target::Base(i),
                        None => continue,
                    },
                },
                None => {
                    if self.base.get(acronym).is_some()
                        || self.learned.iter().any(|s| s.id == acronym)
                    {
                        continue;
                    }
                    let long = display_clean(&long);
                    let kind = classify_unknown(&long);
                    self.learned.push(Source {
                        id: acronym.to_string(),
                        name: long.clone(),
                        kind,
                        country: self.base.country_of(&long).map(str::to_string),
                        aliases: vec![acronym.to_string(), long.clone()],
                        prior: kind.default_prior(),
                        interested_in: Vec::new(),
                        part_of: None,
                        descriptors: Vec::new(),
                    });
                    let j = self.learned.len() - 1;
                    self.aliases.insert(normalize(&long), Target::Learned(j));
                    Target::Learned(j)
                }
            };
            self.aliases.insert(acr_norm, target);
            self.learned_aliases.push((acronym.to_string(), target));
        }
    }

    /// True when the document defined no acronym this view learned: it
    /// resolves every mention exactly as its registry does.
    pub fn learns_nothing(&self) -> bool {
        self.learned.is_empty() && self.learned_aliases.is_empty()
    }

    /// The registry this view reads through.
    pub fn registry(&self) -> &'r SourceRegistry {
        self.base
    }

    /// Sources made from the document's own acronym definitions.
    pub fn learned(&self) -> &[Source] {
        &self.learned
    }

    /// The source with this id, learned ones first.
    pub fn get(&self, id: &str) -> Option<&Source> {
        View::get(self, id)
    }

    /// [`SourceRegistry::lookup`], knowing the document's acronyms.
    pub fn lookup(&self, mention: &str) -> Option<&Source> {
        find_in(self, mention).map(|(s, _)| s)
    }

    /// [`SourceRegistry::lookup_with_role`], knowing the document's acronyms.
    pub fn lookup_with_role(&self, mention: &str) -> Option<(&Source, MentionRole)> {
        find_in(self, mention)
    }

    /// [`SourceRegistry::resolve`], knowing the document's acronyms.
    pub fn resolve(&self, mention: &str) -> Resolution<'_> {
        resolve_in(self, mention)
    }

    /// [`SourceRegistry::is_interested_party`], knowing learned sources.
    pub fn is_interested_party(&self, source_id: &str, topic_text: &str) -> bool {
        interested_in(self, View::get(self, source_id), topic_text)
    }

    /// [`SourceRegistry::prior_about`], knowing learned sources.
    pub fn prior_about(&self, source_id: &str, topic_text: &str) -> Option<f64> {
        let s = View::get(self, source_id)?;
        Some(if interested_in(self, Some(s), topic_text) {
            s.prior * INTERESTED_PARTY_FACTOR
        } else {
            s.prior
        })
    }

    /// [`SourceRegistry::origin_family`], knowing learned sources.
    pub fn origin_family<'a>(&'a self, source_id: &'a str) -> &'a str {
        origin_family_in(self, source_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize`] as it was first written: the characters mapped into one
    /// buffer, then its words tidied into another.
    fn normalize_by_passes(s: &str) -> String {
        // Each character mapped: runs of ASCII letters and digits copied whole
        // (lowercased at the end: nothing else written is an upper-case ASCII
        // letter), other ASCII byte by byte, the rest decoded.
        let bytes = s.as_bytes();
        let mut buf = String::with_capacity(s.len());
        let (mut copied, mut at) = (0, 0);
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            buf.push_str(&s[copied..at]);
            if b < 0x80 {
                match b {
                    b'\'' | b'`' => buf.push('\''),
                    b'.' => {}
                    b'&' => buf.push_str(" and "),
                    _ => buf.push(' '),
                }
                at += 1;
            } else {
                let c = s[at..].chars().next().unwrap_or(' ');
                match c {
                    '’' | '‘' | '´' | 'ʼ' | '′' => buf.push('\''),
                    c if c.is_alphanumeric() => buf.extend(c.to_lowercase()),
                    _ => buf.push(' '),
                }
                at += c.len_utf8();
            }
            copied = at;
        }
        buf.push_str(&s[copied..]);
        buf.make_ascii_lowercase();
        // One more pass over the tokens, into one buffer: no string per token.
        // The mapped text has no whitespace but the spaces it was given.
        let mut out = String::with_capacity(buf.len());
        for token in buf.split(' ').filter(|t| !t.is_empty()) {
            let token = token.trim_matches('\'');
            let token = token.strip_suffix("'s").unwrap_or(token);
            // Trimmed, a token does not start with an apostrophe: it is all
            // apostrophes only when empty.
            if token.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            if token.contains('\'') {
                out.extend(token.chars().filter(|&c| c != '\''));
            } else {
                out.push_str(token);
            }
        }
        out
    }
    #[test]
    fn names_normalize_as_in_two_passes() {
        for name in [
            "  the U.S. State Department’s ",
            "AT&T's 'Q3' — results",
            "''",
            "'s",
            "x's'",
            "Kim's's",
            "O'Brien",
            "rock 'n' roll",
            "a.b.c.",
            "&",
            "&&",
            "ΣΟΣ's",
            "İstanbul",
            "Straße",
            "under_score",
            "tab\tand\nnewline",
            "",
            "It`s",
            "’Twas",
            "north-korea",
            "  .  ' . ",
        ] {
            assert_eq!(normalize(name), normalize_by_passes(name), "{name:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_normalizes_as_in_two_passes(
            text in "([a-zA-Z0-9]{1,5}|[ .,&'`’‘´ʼ′_\t-]|'s|ΣΟ|İ|ß|é|\\PC)*",
        ) {
            proptest::prop_assert_eq!(normalize(&text), normalize_by_passes(&text));
        }
    }

    /// What [`contains_words`] means, the plain way: the padded needle is a
    /// substring of the padded haystack.
    fn has_padded(hay: &str, needle: &str) -> bool {
        !needle.is_empty() && hay.contains(&padded(needle))
    }

    #[test]
    fn contains_any_words_finds_any_padded_needle() {
        let needles: Vec<String> = ["south korea", "seoul", "rok", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for hay in [
            "officials in seoul said",
            "south korean officials",
            "the rok army",
            "south korea",
            "seoulite",
            "",
            "rok",
        ] {
            let hay = padded(hay);
            assert_eq!(
                contains_any_words(&hay, &needles),
                needles.iter().any(|n| has_padded(&hay, n)),
                "{hay:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_words_are_found_as_padded_substrings(
            hay in "[a-c ]{0,24}",
            needles in proptest::collection::vec("[a-c ]{0,5}", 0..5),
        ) {
            let hay = padded(&hay);
            proptest::prop_assert_eq!(
                contains_any_words(&hay, &needles),
                needles.iter().any(|n| has_padded(&hay, n))
            );
        }
    }

    #[test]
    fn contains_words_finds_whole_words_only_for_police_in_riot_police() {
        let hay = padded("riot police said");
        assert!(contains_words(&hay, "police"));
        assert!(contains_words(&hay, "riot police"));
        assert!(contains_words(&hay, "said"));
        assert!(!contains_words(&hay, "polic"));
        assert!(!contains_words(&hay, "olice"));
        assert!(!contains_words(&hay, ""));
        assert!(contains_words(&padded("police police"), "police police"));
        assert!(!contains_words(&padded("policemen"), "police"));
        // An occurrence that overlaps a false start still counts.
        assert!(contains_words(&padded("ab ab a"), "ab a"));
    }

    fn reg() -> SourceRegistry {
        shared().clone()
    }

    fn shared() -> &'static SourceRegistry {
        static REGISTRY: std::sync::OnceLock<SourceRegistry> = std::sync::OnceLock::new();
        REGISTRY.get_or_init(SourceRegistry::with_defaults)
    }

    /// Every mention resolves to `id` (and returns that source for more checks).
    fn all_to<'a>(r: &'a SourceRegistry, id: &str, mentions: &[&str]) -> &'a Source {
        for m in mentions {
            let got = r.lookup(m).map(|s| s.id.as_str());
            assert_eq!(got, Some(id), "{m:?}");
        }
        r.get(id).unwrap()
    }

    fn role(r: &SourceRegistry, m: &str) -> (String, MentionRole) {
        let (s, role) = r
            .lookup_with_role(m)
            .unwrap_or_else(|| panic!("{m:?} not found"));
        (s.id.clone(), role)
    }

    // --- the defaults --------------------------------------------------

    #[test]
    fn defaults_parse_and_are_consistent() {
        let data = parse_data(DEFAULTS).unwrap();
        assert!(data.countries.len() >= 20);
        assert!(data.entries.len() >= 100);
        let r = reg();
        assert_eq!(r.len(), data.entries.len() + data.countries.len());
        for s in r.sources() {
            if let Some(p) = &s.part_of {
                assert!(r.get(p).is_some(), "{}: part_of {p:?} unknown", s.id);
            }
            if let Some(c) = &s.country {
                assert!(
                    r.countries().iter().any(|x| &x.name == c),
                    "{}: country {c:?} unknown",
                    s.id
                );
            }
            assert!((0.0..=1.0).contains(&s.prior), "{}", s.id);
            // Every alias finds its own source: no clashes in the defaults.
            for a in &s.aliases {
                assert_eq!(
                    r.lookup(a).map(|x| x.id.as_str()),
                    Some(s.id.as_str()),
                    "alias {a:?} of {}",
                    s.id
                );
            }
        }
        // Descriptors do not clash within a country either.
        let mut seen: HashMap<(String, String), &str> = HashMap::new();
        for s in r.sources() {
            for d in &s.descriptors {
                let key = (s.country.clone().unwrap_or_default(), normalize(d));
                if let Some(other) = seen.insert(key.clone(), &s.id) {
                    panic!("descriptor {key:?} of both {other} and {}", s.id);
                }
            }
        }
    }

    #[test]
    fn defaults_format_errors_name_the_line() {
        let e = parse_data("[X]\nkind = wizard\n").err().unwrap();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().contains("wizard"));
        assert_eq!(
            parse_data("[X]\ncolour = red\n").err().unwrap().line,
            Some(2)
        );
        assert_eq!(parse_data("name = x\n").err().unwrap().line, Some(1));
        assert_eq!(
            parse_data("[X]\nprior = high\n").err().unwrap().line,
            Some(2)
        );
        assert!(parse_data("[country Nowhere]\nforms = Nowhere\n").is_err());
        assert_eq!(parse_data("[X]\n???\n").err().unwrap().line, Some(2));
    }

    #[test]
    fn kinds_parse_leniently_and_have_priors() {
        assert_eq!(
            "intelligence-agency".parse::<SourceKind>(),
            Ok(SourceKind::IntelligenceAgency)
        );
        assert_eq!(
            "Intelligence_Agency".parse::<SourceKind>(),
            Ok(SourceKind::IntelligenceAgency)
        );
        assert_eq!(
            "newspaper".parse::<SourceKind>(),
            Ok(SourceKind::NewsOutlet)
        );
        assert_eq!("think tank".parse::<SourceKind>(), Ok(SourceKind::Expert));
        assert!("wizard".parse::<SourceKind>().is_err());
        for k in SourceKind::ALL {
            assert_eq!(k.as_str().parse::<SourceKind>(), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
            assert!((0.0..=1.0).contains(&k.default_prior()));
        }
        assert!(
            SourceKind::WireService.default_prior()
                > SourceKind::IntelligenceAgency.default_prior()
        );
        assert!(
            SourceKind::IntelligenceAgency.default_prior() > SourceKind::StateMedia.default_prior()
        );
        let interested_state_media =
            SourceKind::StateMedia.default_prior() * INTERESTED_PARTY_FACTOR;
        assert!((interested_state_media - 0.2).abs() < 1e-9);
    }

    #[test]
    fn normalize_handles_quotes_possessives_and_dots() {
        assert_eq!(
            normalize("South Korea’s National Intelligence Service"),
            "south korea national intelligence service"
        );
        assert_eq!(
            normalize("the U.S. Defense Department"),
            "the us defense department"
        );
        assert_eq!(normalize("lawmakers' committee"), "lawmakers committee");
        assert_eq!(normalize("  “Al-Jazeera”, "), "al jazeera");
        assert_eq!(normalize("Korean People's Army"), "korean people army");
        assert_eq!(normalize("Türkiye’s"), "türkiye");
        assert_eq!(normalize(""), "");
    }

    // --- alias families ------------------------------------------------

    #[test]
    fn nis_alias_family() {
        let r = reg();
        let nis = all_to(
            &r,
            "NIS",
            &[
                "South Korea's spy agency",
                "South Korea’s National Intelligence Service",
                "the National Intelligence Service",
                "South Korean intelligence officials",
                "South Korean intelligence",
                "the South Korean intelligence agency",
                "South Korea's intelligence agency",
                "Seoul's spy agency",
                "NIS",
                "The NIS",
                "the NIS’s",
                "South Korea’s National Intelligence Service (NIS)",
                "National Intelligence Service (NIS)",
                "South Korean intelligence estimates",
                "previous NIS statements",
                "The NIS briefing",
                "the spokesperson’s office at the NIS",
                "a senior South Korean intelligence official",
                "the National Intelligence Service of South Korea",
            ],
        );
        assert_eq!(nis.kind, SourceKind::IntelligenceAgency);
        assert_eq!(nis.country.as_deref(), Some("South Korea"));
        assert_eq!(nis.name, "National Intelligence Service (South Korea)");
        assert_eq!(
            role(&r, "South Korean intelligence officials").1,
            MentionRole::Unnamed
        );
        assert_eq!(
            role(&r, "the spokesperson’s office at the NIS").1,
            MentionRole::Spokesperson
        );
        assert_eq!(
            role(&r, "South Korea's spy agency").1,
            MentionRole::Institution
        );
        assert_eq!(
            role(&r, "NIS Director Cho Tae-yong"),
            ("NIS".to_string(), MentionRole::Person)
        );
    }

    #[test]
    fn the_agency_alone_is_not_resolved() {
        let r = reg();
        for m in [
            "the agency",
            "the spy agency",
            "the intelligence agency",
            "agency",
            "the service",
            "intelligence",
            "officials",
        ] {
            assert!(r.lookup(m).is_none(), "{m:?}");
        }
    }

    #[test]
    fn lawmakers_and_committee_family() {
        let r = reg();
        let c = all_to(
            &r,
            "KR intelligence committee",
            &[
                "members of the parliamentary intelligence committee",
                "the National Assembly’s Intelligence Committee",
                "the national assembly’s intelligence committee",
                "the parliamentary intelligence committee",
                "South Korea's parliamentary intelligence committee",
            ],
        );
        assert_eq!(c.kind, SourceKind::Lawmaker);
        assert_eq!(
            role(&r, "members of the parliamentary intelligence committee").1,
            MentionRole::Members
        );
        let l = all_to(
            &r,
            "lawmakers",
            &["lawmakers", "Lawmakers", "legislators", "MPs"],
        );
        assert_eq!(l.kind, SourceKind::Lawmaker);
        let kr = all_to(
            &r,
            "KR lawmakers",
            &[
                "South Korean lawmakers",
                "South Korea's National Assembly",
                "Seoul lawmakers",
            ],
        );
        assert_eq!(kr.kind, SourceKind::Lawmaker);
        all_to(
            &r,
            "US lawmakers",
            &["U.S. lawmakers", "American legislators"],
        );
        all_to(
            &r,
            "US House intelligence committee",
            &["the House Intelligence Committee"],
        );
    }

    #[test]
    fn yonhap_family() {
        let r = reg();
        let y = all_to(
            &r,
            "Yonhap",
            &[
                "Yonhap",
                "Yonhap news agency",
                "Yonhap News Agency",
                "South Korea's Yonhap news agency",
                "South Korean news agency",
                "YONHAP",
            ],
        );
        assert_eq!(y.kind, SourceKind::WireService);
        assert_eq!(y.country.as_deref(), Some("South Korea"));
    }

    #[test]
    fn kcna_family() {
        let r = reg();
        let k = all_to(
            &r,
            "KCNA",
            &[
                "KCNA",
                "Korean Central News Agency",
                "North Korea's official Korean Central News Agency",
                "North Korean state media",
                "Pyongyang's state media",
                "the North’s state-run Korean Central News Agency",
                "North Korea’s state news agency",
            ],
        );
        assert_eq!(k.kind, SourceKind::StateMedia);
        assert!(k.prior <= 0.2 + 1e-9);
        assert!(r.is_interested_party("KCNA", "North Korean troops fought in Kursk"));
        assert!(r.is_interested_party("KCNA", "Kim Jong Un inspected the drills"));
        assert!(!r.is_interested_party("KCNA", "Ukraine's grain exports rose"));
        all_to(
            &r,
            "Rodong Sinmun",
            &[
                "Rodong Sinmun",
                "the Rodong Sinmun newspaper",
                "North Korea's ruling party newspaper",
            ],
        );
        all_to(
            &r,
            "KCTV",
            &["KCTV", "North Korean state TV", "Korean Central Television"],
        );
    }

    #[test]
    fn wire_services() {
        let r = reg();
        for (id, mentions) in [
            (
                "AP",
                &["AP", "The Associated Press", "Associated Press", "the AP"][..],
            ),
            ("Reuters", &["Reuters", "Reuters news agency"][..]),
            (
                "AFP",
                &["AFP", "Agence France-Presse", "French news agency AFP"][..],
            ),
            (
                "Kyodo",
                &["Kyodo", "Kyodo News", "Japan's Kyodo news agency"][..],
            ),
            ("Interfax", &["Interfax"][..]),
            (
                "dpa",
                &[
                    "dpa",
                    "DPA",
                    "Deutsche Presse-Agentur",
                    "German news agency dpa",
                ][..],
            ),
            ("ANSA", &["ANSA"][..]),
            ("EFE", &["EFE", "Agencia EFE"][..]),
            ("Bloomberg", &["Bloomberg", "Bloomberg News"][..]),
        ] {
            let s = all_to(&r, id, mentions);
            assert_eq!(s.kind, SourceKind::WireService, "{id}");
        }
        // State-owned agencies that also work as wires are state media.
        for (id, mentions) in [
            (
                "Xinhua",
                &[
                    "Xinhua",
                    "China's Xinhua news agency",
                    "Chinese state news agency Xinhua",
                    "Xinhua News Agency",
                ][..],
            ),
            (
                "TASS",
                &[
                    "TASS",
                    "Tass",
                    "Russia's state news agency TASS",
                    "ITAR-TASS",
                    "Russian state news agency",
                ][..],
            ),
            ("RIA Novosti", &["RIA Novosti", "RIA"][..]),
            ("Ukrinform", &["Ukrinform"][..]),
        ] {
            let s = all_to(&r, id, mentions);
            assert_eq!(s.kind, SourceKind::StateMedia, "{id}");
        }
    }

    #[test]
    fn state_media() {
        let r = reg();
        for (id, mentions) in [
            (
                "CCTV",
                &[
                    "CCTV",
                    "China Central Television",
                    "Chinese state broadcaster CCTV",
                    "CGTN",
                ][..],
            ),
            ("Global Times", &["Global Times", "the Global Times"][..]),
            ("RT", &["RT", "Russia Today"][..]),
            ("Sputnik", &["Sputnik"][..]),
            (
                "RU state media",
                &[
                    "Russian state media",
                    "Russian state TV",
                    "Russia's state-controlled media",
                ][..],
            ),
            ("IRNA", &["IRNA", "Iran's official IRNA news agency"][..]),
            ("Press TV", &["Press TV", "Iran's Press TV"][..]),
            ("CN state media", &["Chinese state media"][..]),
        ] {
            let s = all_to(&r, id, mentions);
            assert_eq!(s.kind, SourceKind::StateMedia, "{id}");
            assert!(!s.interested_in.is_empty(), "{id}");
        }
        assert!(r.is_interested_party("RT", "Russian forces advanced near Pokrovsk"));
        assert!(r.is_interested_party("Xinhua", "Beijing says exports grew"));
        let aj = all_to(
            &r,
            "Al Jazeera",
            &["Al Jazeera", "Al-Jazeera", "Qatar's Al Jazeera"],
        );
        assert_eq!(aj.kind, SourceKind::NewsOutlet);
        assert!(r.is_interested_party("Al Jazeera", "Qatari mediators said"));
    }

    #[test]
    fn news_outlets() {
        let r = reg();
        for (id, mentions) in [
            ("BBC", &["BBC", "BBC News", "the BBC", "Britain's BBC"][..]),
            ("CNN", &["CNN"][..]),
            ("NBC News", &["NBC News", "NBC"][..]),
            (
                "NYT",
                &[
                    "The New York Times",
                    "New York Times",
                    "NYT",
                    "the New York Times’",
                ][..],
            ),
            ("WaPo", &["The Washington Post", "Washington Post"][..]),
            ("Guardian", &["The Guardian", "the Guardian"][..]),
            ("WSJ", &["The Wall Street Journal", "WSJ"][..]),
            ("NK News", &["NK News"][..]),
            ("Korea Herald", &["The Korea Herald"][..]),
            ("Kyiv Independent", &["the Kyiv Independent"][..]),
        ] {
            let s = all_to(&r, id, mentions);
            assert_eq!(s.kind, SourceKind::NewsOutlet, "{id}");
        }
        // A common noun is not an outlet's name.
        assert!(r.lookup("an economist").is_none());
        assert_eq!(
            r.lookup("The Economist").map(|s| s.id.as_str()),
            Some("The Economist")
        );
    }

    #[test]
    fn south_korean_agencies() {
        let r = reg();
        let jcs = all_to(
            &r,
            "JCS",
            &[
                "JCS",
                "South Korea's Joint Chiefs of Staff",
                "the South Korean military",
                "Seoul's Joint Chiefs of Staff",
            ],
        );
        assert_eq!(jcs.kind, SourceKind::Military);
        let mou = all_to(
            &r,
            "KR unification ministry",
            &[
                "South Korea's Unification Ministry",
                "the Unification Ministry",
                "Seoul's unification ministry",
                "the Ministry of Unification",
            ],
        );
        assert_eq!(mou.kind, SourceKind::Ministry);
        assert_eq!(
            role(&r, "a spokesperson for South Korea's Unification Ministry"),
            (
                "KR unification ministry".to_string(),
                MentionRole::Spokesperson
            )
        );
        assert_eq!(
            role(&r, "Unification Minister Chung Dong-young"),
            ("KR unification ministry".to_string(), MentionRole::Person)
        );
        all_to(
            &r,
            "KR defense ministry",
            &[
                "South Korea's Defense Ministry",
                "the South Korean Defence Ministry",
                "Seoul's Ministry of National Defense",
            ],
        );
    }

    #[test]
    fn defense_ministries() {
        let r = reg();
        all_to(
            &r,
            "RU defense ministry",
            &[
                "Russia's Defence Ministry",
                "the Russian Defense Ministry",
                "Russian Ministry of Defence",
                "Moscow's defense ministry",
                "the Ministry of Defence of Russia",
            ],
        );
        all_to(
            &r,
            "UA defense ministry",
            &[
                "Ukraine's Defense Ministry",
                "the Ukrainian Ministry of Defence",
                "Kyiv's defence ministry",
            ],
        );
        let p = all_to(
            &r,
            "Pentagon",
            &[
                "the Pentagon",
                "Pentagon",
                "the U.S. Defense Department",
                "the US Department of Defense",
                "Pentagon officials",
                "the Department of War",
                "the U.S. military",
            ],
        );
        assert_eq!(p.kind, SourceKind::Ministry);
        assert_eq!(
            role(&r, "U.S. Defense Secretary Pete Hegseth"),
            ("Pentagon".to_string(), MentionRole::Person)
        );
        let uk = all_to(
            &r,
            "UK MoD",
            &[
                "the UK Ministry of Defence",
                "Britain's Ministry of Defence",
                "the British Defence Ministry",
                "MoD",
                "British military intelligence",
                "the UK Defence Ministry",
            ],
        );
        assert_eq!(uk.kind, SourceKind::Ministry);
        all_to(
            &r,
            "UA general staff",
            &[
                "Ukraine's General Staff",
                "the General Staff of the Armed Forces of Ukraine",
                "the Ukrainian military",
            ],
        );
        all_to(
            &r,
            "KPA",
            &["the Korean People’s Army", "North Korea's military", "KPA"],
        );
    }

    #[test]
    fn ukrainian_intelligence() {
        let r = reg();
        let hur = all_to(
            &r,
            "HUR",
            &[
                "HUR",
                "GUR",
                "Ukraine's military intelligence",
                "Ukraine’s military intelligence agency",
                "Ukrainian military intelligence",
                "Ukrainian intelligence",
                "the Main Directorate of Intelligence",
                "Ukraine's Defence Intelligence",
            ],
        );
        assert_eq!(hur.kind, SourceKind::IntelligenceAgency);
        let sbu = all_to(
            &r,
            "SBU",
            &[
                "SBU",
                "the Security Service of Ukraine",
                "Ukraine's security service",
            ],
        );
        assert_eq!(sbu.kind, SourceKind::IntelligenceAgency);
    }

    #[test]
    fn us_agencies() {
        let r = reg();
        all_to(
            &r,
            "CIA",
            &[
                "CIA",
                "the Central Intelligence Agency",
                "the U.S. spy agency",
            ],
        );
        all_to(
            &r,
            "DIA",
            &[
                "DIA",
                "the Defense Intelligence Agency",
                "U.S. military intelligence",
            ],
        );
        all_to(
            &r,
            "US intelligence community",
            &[
                "U.S. intelligence",
                "US intelligence officials",
                "American intelligence agencies",
                "ODNI",
            ],
        );
        all_to(
            &r,
            "White House",
            &["the White House", "White House", "a White House official"],
        );
        assert_eq!(role(&r, "A White House official").1, MentionRole::Unnamed);
        all_to(
            &r,
            "State Department",
            &[
                "the State Department",
                "the U.S. State Department",
                "State Department spokesperson Tammy Bruce",
            ],
        );
        assert_eq!(
            role(&r, "State Department spokesperson Tammy Bruce").1,
            MentionRole::Spokesperson
        );
    }

    #[test]
    fn kremlin_and_international_bodies() {
        let r = reg();
        all_to(
            &r,
            "Kremlin",
            &[
                "the Kremlin",
                "Kremlin",
                "Kremlin spokesman Dmitry Peskov",
                "the Kremlin's press service",
            ],
        );
        assert_eq!(
            role(&r, "Kremlin spokesman Dmitry Peskov").1,
            MentionRole::Spokesperson
        );
        all_to(
            &r,
            "RU security council",
            &[
                "head of Russia’s Security Council",
                "the Russian Security Council",
            ],
        );
        all_to(
            &r,
            "UN",
            &[
                "the UN",
                "the U.N.",
                "United Nations",
                "UN Secretary-General António Guterres",
            ],
        );
        all_to(
            &r,
            "IAEA",
            &[
                "IAEA",
                "the UN nuclear watchdog",
                "the International Atomic Energy Agency",
            ],
        );
        all_to(&r, "NATO", &["NATO", "Nato", "NATO officials"]);
        let isw = all_to(
            &r,
            "ISW",
            &[
                "ISW",
                "the Institute for the Study of War",
                "analysts at the Institute for the Study of War",
            ],
        );
        assert_eq!(isw.kind, SourceKind::Expert);
        assert_eq!(
            role(&r, "analysts at the Institute for the Study of War").1,
            MentionRole::Person
        );
        assert_eq!(r.lookup("WHO").map(|s| s.id.as_str()), Some("WHO"));
        assert!(r.lookup("who").is_none());
    }

    #[test]
    fn countries_are_governments() {
        let r = reg();
        for (id, mentions) in [
            (
                "KR government",
                &[
                    "South Korea",
                    "Seoul",
                    "the South Korean government",
                    "South Korean authorities",
                    "South Korean assessments",
                ][..],
            ),
            (
                "US government",
                &[
                    "the U.S.",
                    "the US",
                    "Washington",
                    "the United States",
                    "U.S. officials",
                ][..],
            ),
            (
                "UA government",
                &["Ukraine", "Kyiv", "Ukrainian officials"][..],
            ),
            (
                "KP government",
                &[
                    "North Korea",
                    "Pyongyang",
                    "the North Korean regime",
                    "the DPRK",
                ][..],
            ),
            (
                "RU government",
                &["Russia", "Moscow", "Russian authorities"][..],
            ),
        ] {
            let s = all_to(&r, id, mentions);
            assert_eq!(s.kind, SourceKind::Government, "{id}");
        }
        assert!(r.lookup("us").is_none());
        assert_eq!(role(&r, "U.S. officials").1, MentionRole::Unnamed);
        assert_eq!(r.canonical_country("KR"), Some("South Korea"));
        assert_eq!(r.canonical_country("South Korean"), Some("South Korea"));
        assert_eq!(
            r.country_of("the Ministry of Defence of Ukraine"),
            Some("Ukraine")
        );
        assert_eq!(r.country_of("Seoul police"), Some("South Korea"));
        assert_eq!(r.country_of("police"), None);
    }

    // --- unknown mentions ------------------------------------------------

    #[test]
    fn anonymous_mentions() {
        let r = reg();
        for m in [
            "officials",
            "officials said",
            "a senior official",
            "sources familiar with the matter",
            "diplomatic sources",
            "people familiar with the plans",
            "an official who spoke on condition of anonymity",
            "a Western official",
            "unnamed sources",
        ] {
            assert_eq!(classify_unknown(m), SourceKind::Anonymous, "{m:?}");
            let res = r.resolve(m);
            assert_eq!(res.source.id, ANONYMOUS_ID, "{m:?}");
            assert_eq!(res.role, MentionRole::Unnamed, "{m:?}");
            assert!(res.is_registered());
        }
    }

    #[test]
    fn classify_unknown_mentions() {
        for (m, k) in [
            ("a spokesperson for Acme Corp", SourceKind::NamedOfficial),
            ("President Trump", SourceKind::NamedOfficial),
            ("Gen. Valery Gerasimov", SourceKind::NamedOfficial),
            ("police said", SourceKind::Police),
            ("Seoul police", SourceKind::Police),
            ("organisers said", SourceKind::Organisers),
            ("the march organizers", SourceKind::Organisers),
            ("opposition lawmaker Lee Sung-kwon", SourceKind::Lawmaker),
            ("analysts", SourceKind::Expert),
            (
                "the Korea Institute for Defense Analyses",
                SourceKind::Expert,
            ),
            ("South Korean media", SourceKind::NewsOutlet),
            ("a local newspaper", SourceKind::NewsOutlet),
            ("Belarusian state TV", SourceKind::StateMedia),
            ("The rebel-run news agency", SourceKind::StateMedia),
            ("a militia-controlled radio station", SourceKind::StateMedia),
            ("a regional news agency", SourceKind::WireService),
            ("the Health Ministry", SourceKind::Ministry),
            ("the army", SourceKind::Military),
            ("a reader", SourceKind::Reader),
            ("this newspaper", SourceKind::Outlet),
            ("the statistics bureau", SourceKind::GovernmentAgency),
            ("Lee", SourceKind::Other),
            ("", SourceKind::Other),
        ] {
            assert_eq!(classify_unknown(m), k, "{m:?}");
        }
    }

    #[test]
    fn resolve_makes_up_unknown_sources() {
        let r = reg();
        let res = r.resolve("a spokesperson for Acme Corp");
        assert!(!res.is_registered());
        assert_eq!(res.source.kind, SourceKind::NamedOfficial);
        assert_eq!(res.role, MentionRole::Spokesperson);
        assert_eq!(res.source.part_of.as_deref(), Some("Acme Corp"));
        let res = r.resolve("President Trump");
        assert_eq!(res.source.id, "President Trump");
        assert_eq!(res.role, MentionRole::Person);
        assert_eq!(res.source.prior, SourceKind::NamedOfficial.default_prior());
        let res = r.resolve("The organisers of the Seoul rally");
        assert_eq!(res.source.kind, SourceKind::Organisers);
        assert!(res.source.interested_in.iter().any(|t| t == "crowd"));
        let res = r.resolve("Seoul police");
        assert_eq!(res.source.kind, SourceKind::Police);
        assert_eq!(res.source.country.as_deref(), Some("South Korea"));
        let res = r.resolve("South Korea’s Yonhap");
        assert!(res.is_registered());
        assert_eq!(res.source.id, "Yonhap");
        let res = r.resolve("police");
        assert_eq!(res.source.id, "police");
        assert_eq!(r.resolve("police said").source.id, "police");
        assert_eq!(r.resolve("organisers said").source.id, ORGANISERS_ID);
        assert_eq!(r.resolve("officials said").source.id, ANONYMOUS_ID);
        assert_eq!(
            classify_unknown("People Power Party lawmaker Yu Yong-weon"),
            SourceKind::Lawmaker
        );
        assert_eq!(
            r.resolve("People Power Party lawmaker Yu Yong-weon").role,
            MentionRole::Person
        );
    }

    // --- interested parties, priors, families ----------------------------

    #[test]
    fn interested_parties() {
        let r = reg();
        // A state body is interested in its own country's affairs...
        assert!(r.is_interested_party("NIS", "South Korean military spending rose"));
        assert!(r.is_interested_party("RU defense ministry", "Russian losses near Kursk"));
        // ...not in another's.
        assert!(
            !r.is_interested_party("NIS", "North Korea has sent about 15,000 troops to Russia")
        );
        assert!(!r.is_interested_party("AP", "U.S. troops"));
        // Organisers on their crowd.
        assert!(r.is_interested_party(ORGANISERS_ID, "a crowd of 100,000 protesters"));
        assert!(!r.is_interested_party(ORGANISERS_ID, "the budget deficit"));
        assert!(!r.is_interested_party("no such source", "anything"));
        let base = r.prior_about("KCNA", "rice harvest in Germany").unwrap();
        let about_self = r.prior_about("KCNA", "Pyongyang's rice harvest").unwrap();
        assert!((about_self - base * INTERESTED_PARTY_FACTOR).abs() < 1e-12);
        assert_eq!(r.prior_about("nope", "x"), None);
    }

    #[test]
    fn origin_families() {
        let r = reg();
        assert_eq!(r.origin_family("NIS"), "KR government");
        assert_eq!(r.origin_family("JCS"), "KR government");
        assert_eq!(r.origin_family("DIA"), "US government");
        assert_eq!(r.origin_family("HUR"), "UA government");
        assert_eq!(r.origin_family("KCNA"), "KP government");
        assert_eq!(r.origin_family("Yonhap"), "Yonhap");
        assert_eq!(r.origin_family("unknown"), "unknown");
        // A cycle in user data does not hang.
        let mut r = r;
        r.extend(vec![
            SourceEntry {
                id: "A".into(),
                part_of: Some("B".into()),
                ..SourceEntry::default()
            },
            SourceEntry {
                id: "B".into(),
                part_of: Some("A".into()),
                ..SourceEntry::default()
            },
        ]);
        let _ = r.origin_family("A");
    }

    // --- learning and extending ------------------------------------------

    #[test]
    fn learn_acronyms_per_document() {
        let r = reg();
        let text = "Analysts at the Korea Institute for Defense Analyses (KIDA) disagreed. \
                    South Korea’s National Intelligence Service (NIS) said so, and the \
                    Democratic People's Republic of Korea (DPRK) denied it. The Ministry of Defence (UK) too.";
        let doc = r.for_document(text);
        let kida = doc.lookup("KIDA").unwrap();
        assert_eq!(kida.name, "Korea Institute for Defense Analyses");
        assert_eq!(kida.kind, SourceKind::Expert);
        assert_eq!(
            doc.lookup("the Korea Institute for Defense Analyses")
                .unwrap()
                .id,
            "KIDA"
        );
        assert_eq!(doc.learned().len(), 1);
        assert_eq!(doc.lookup("NIS").unwrap().id, "NIS");
        assert_eq!(doc.lookup("DPRK").unwrap().id, "KP government");
        // "(UK)" after a ministry is a country, not an acronym of the ministry.
        assert_eq!(doc.lookup("UK").unwrap().id, "UK government");
        assert_eq!(doc.resolve("analysts at KIDA").source.id, "KIDA");
        // The registry itself is unchanged.
        assert!(r.lookup("KIDA").is_none());
        // A document's own definition beats the registry's meaning.
        let doc = r.for_document("the Defense Innovation Unit (DIU) said");
        assert_eq!(doc.lookup("DIU").unwrap().name, "Defense Innovation Unit");
        assert_eq!(r.lookup("DIU").unwrap().id, "HUR");
        // A known source defined under a new acronym.
        let doc = r.for_document("the Security Service of Ukraine (SSU) reported");
        assert_eq!(doc.lookup("SSU").unwrap().id, "SBU");
        // Non-matching initials are only accepted for a known long name.
        let doc = r.for_document(
            "Ukraine's Main Directorate of Intelligence (HUR-MO) said; the best people (XYZ)",
        );
        assert_eq!(doc.lookup("HUR-MO").unwrap().id, "HUR");
        assert!(doc.lookup("XYZ").is_none());
    }

    #[test]
    fn learn_acronyms_into_the_registry() {
        let mut r = reg();
        r.learn_acronyms("The Korea Institute for Defense Analyses (KIDA) and the Security Service of Ukraine (SSU).");
        assert_eq!(r.lookup("KIDA").unwrap().kind, SourceKind::Expert);
        assert_eq!(r.lookup("SSU").unwrap().id, "SBU");
        assert!(r.get("SBU").unwrap().aliases.iter().any(|a| a == "SSU"));
    }

    #[test]
    fn extend_with_user_entries() {
        let mut r = reg();
        r.extend(vec![
            SourceEntry {
                id: "Daily NK".into(),
                name: Some("Daily NK".into()),
                kind: Some(SourceKind::NewsOutlet),
                aliases: vec!["Daily NK".into(), "DailyNK".into()],
                prior: Some(0.6),
                country: Some("KR".into()),
                ..SourceEntry::default()
            },
            // Replaces the default, clamps the prior.
            // Updates the default: adds an alias, clamps the prior, keeps the rest.
            SourceEntry {
                id: "NIS".into(),
                aliases: vec!["Seoul spooks".into()],
                prior: Some(7.0),
                country: Some("South Korean".into()),
                ..SourceEntry::default()
            },
            // No kind: guessed from the name.
            SourceEntry {
                id: "KINU2".into(),
                name: Some("Unification Research Institute".into()),
                ..SourceEntry::default()
            },
            // Blank ids are ignored.
            SourceEntry::default(),
        ]);
        let d = r.lookup("DailyNK").unwrap();
        assert_eq!(d.country.as_deref(), Some("South Korea"));
        assert_eq!(d.prior, 0.6);
        let nis = r.lookup("Seoul spooks").unwrap();
        assert_eq!(nis.id, "NIS");
        assert_eq!(nis.prior, 1.0);
        assert_eq!(nis.country.as_deref(), Some("South Korea"));
        assert_eq!(nis.kind, SourceKind::IntelligenceAgency);
        assert_eq!(r.lookup("South Korea's spy agency").unwrap().id, "NIS");
        assert_eq!(r.lookup("KINU2").unwrap().id, "KINU2");
        assert_eq!(
            r.lookup("Unification Research Institute").unwrap().kind,
            SourceKind::Expert
        );
        assert!(r.get("").is_none());
        assert!(
            SourceEntry {
                id: "x".into(),
                prior: Some(1.5),
                ..SourceEntry::default()
            }
            .validate()
            .is_err()
        );
        assert!(SourceEntry::default().validate().is_err());
    }

    #[test]
    fn source_entry_deserializes_from_config_tables() {
        let json = r#"{"id": "KIDA", "name": "Korea Institute for Defense Analyses", "kind": "think-tank",
                       "aliases": ["KIDA"], "prior": 0.65, "interested_in": [], "country": "South Korea"}"#;
        let e: SourceEntry = serde_json::from_str(json).unwrap();
        assert_eq!(e.kind, Some(SourceKind::Expert));
        assert_eq!(e.prior, Some(0.65));
        assert!(serde_json::from_str::<SourceEntry>(r#"{"id": "x", "colour": "red"}"#).is_err());
        assert!(serde_json::from_str::<SourceEntry>(r#"{"id": "x", "kind": "wizard"}"#).is_err());
        let minimal: SourceEntry = serde_json::from_str(r#"{"id": "x"}"#).unwrap();
        assert_eq!(minimal.id, "x");
        let s = reg().get("NIS").unwrap().clone();
        let back: Source = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn seed_attributions() {
        let r = reg();
        for (m, id) in [
            ("South Korean intelligence officials", "NIS"),
            ("South Korea’s National Intelligence Service (NIS)", "NIS"),
            ("Yonhap news agency", "Yonhap"),
            (
                "members of the parliamentary intelligence committee",
                "KR intelligence committee",
            ),
            ("The NIS", "NIS"),
            ("South Korean intelligence", "NIS"),
            ("the National Intelligence Service (NIS)", "NIS"),
            (
                "the national assembly’s intelligence committee",
                "KR intelligence committee",
            ),
            ("The South Korean intelligence agency", "NIS"),
            ("the National Intelligence Service", "NIS"),
            ("South Korea's spy agency", "NIS"),
            ("North Korea's official Korean Central News Agency", "KCNA"),
            ("KCNA", "KCNA"),
            ("North Korean state media", "KCNA"),
            (
                "South Korea's Unification Ministry",
                "KR unification ministry",
            ),
            ("South Korea", "KR government"),
            ("the U.S.", "US government"),
            ("Ukraine", "UA government"),
            ("South Korea’s intelligence agency", "NIS"),
            ("the Russian Security Council", "RU security council"),
            ("A White House official", "White House"),
        ] {
            assert_eq!(r.lookup(m).map(|s| s.id.as_str()), Some(id), "{m:?}");
        }
    }

    // --- the countries of the world ---------------------------------------

    #[test]
    fn world_countries_by_name_demonym_and_capital() {
        let r = reg();
        for (mention, country) in [
            ("Havana", "Cuba"),
            ("Havana sent an estimated 11,000 troops", "Cuba"),
            ("Asmara", "Eritrea"),
            ("Azerbaijan", "Azerbaijan"),
            ("Azerbaijani", "Azerbaijan"),
            ("Azerbaijani officials", "Azerbaijan"),
            ("Azeri state media", "Azerbaijan"),
            ("Baku", "Azerbaijan"),
            ("Egypt", "Egypt"),
            ("Egyptian", "Egypt"),
            ("the Egyptian foreign ministry", "Egypt"),
            ("Cairo", "Egypt"),
            ("the Ministry of Defence of Azerbaijan", "Azerbaijan"),
            ("Kosovar police", "Kosovo"),
            ("Palestinian officials", "Palestine"),
            ("the Palestinian Authority", "Palestine"),
            ("Vatican", "Holy See"),
            ("Ivory Coast", "Côte d'Ivoire"),
            ("Cote d'Ivoire", "Côte d'Ivoire"),
            ("Congo", "Democratic Republic of the Congo"),
            ("Congolese soldiers", "Democratic Republic of the Congo"),
            ("DRC", "Democratic Republic of the Congo"),
            ("Congo-Brazzaville", "Republic of the Congo"),
            ("the Republic of Congo", "Republic of the Congo"),
            ("Niger", "Niger"),
            ("Nigerien junta", "Niger"),
            ("Nigerian police", "Nigeria"),
            ("Niger Delta militants", "Nigeria"),
            ("South Sudanese officials", "South Sudan"),
            ("Sudanese army", "Sudan"),
            ("Equatorial Guinea", "Equatorial Guinea"),
            ("Guinea-Bissau", "Guinea-Bissau"),
            ("Guinean", "Guinea"),
            ("Papua New Guinea", "Papua New Guinea"),
            ("Dominican officials", "Dominican Republic"),
            ("Dominica", "Dominica"),
            ("Port of Spain", "Trinidad and Tobago"),
            ("Greek Cypriot authorities", "Cyprus"),
            ("Greek officials", "Greece"),
            ("Bogota", "Colombia"),
            ("Bogotá", "Colombia"),
            ("N'Djamena", "Chad"),
            ("Chad", "Chad"),
            ("Jordan", "Jordan"),
            ("Amman", "Jordan"),
            ("Georgia", "Georgia"),
            ("Tbilisi", "Georgia"),
            ("the Netherlands", "Netherlands"),
            ("Dutch", "Netherlands"),
            ("the Gambia", "Gambia"),
            ("UAE", "United Arab Emirates"),
            ("Emirati", "United Arab Emirates"),
            ("Sahrawi", "Western Sahara"),
            ("Israelis", "Israel"),
        ] {
            assert_eq!(r.country_of(mention), Some(country), "{mention:?}");
        }
        assert_eq!(r.canonical_country("XK"), Some("Kosovo"));
        assert_eq!(r.canonical_country("Havana"), Some("Cuba"));
        assert_eq!(r.canonical_country("Egyptian"), Some("Egypt"));
        // A form alone is that country's government; officials are unnamed.
        assert_eq!(
            role(&r, "Havana"),
            ("CU government".into(), MentionRole::Institution)
        );
        assert_eq!(
            role(&r, "Azerbaijani officials"),
            ("AZ government".into(), MentionRole::Unnamed)
        );
        assert_eq!(
            role(&r, "the Egyptian government"),
            ("EG government".into(), MentionRole::Institution)
        );
    }

    #[test]
    fn ambiguous_words_are_not_countries() {
        let r = reg();
        // Left out of the defaults on purpose (see the comment above the
        // other countries in registry/defaults.txt).
        for mention in [
            "Victoria",
            "Victoria police",
            "Kingston",
            "Georgetown",
            "Georgetown University researchers",
            "Male",
            "male",
            "Nassau County police",
            "Santiago",
            "Sofia",
            "Wellington",
            "Lima",
            "Colombo",
            "Moroni",
            "Sucre",
            "Brussels",
            "The Hague",
            "Holland",
            "Dane",
            "Finn",
            "Swede",
            "Kiwi",
            "Serbs",
            "Croats",
            "Malay",
            "Macedonia",
            "Central African states",
            "CAR",
            "PNG",
            "Emirates",
            "St Vincent's Hospital",
            "Turks and Caicos",
            "Jerusalem",
            // A surname: only a mention that starts with "Jordan" gets Jordan.
            "Rep. Jim Jordan",
            "Michael Jordan",
        ] {
            assert_eq!(r.country_of(mention), None, "{mention:?}");
            assert_eq!(r.canonical_country(mention), None, "{mention:?}");
            let found = r.lookup(mention).map(|s| s.id.as_str());
            assert!(
                !found.is_some_and(|id| id.ends_with(" government")),
                "{mention:?} -> {found:?}"
            );
        }
        // Codes count only in capitals.
        for (code, country) in [("SA", "Saudi Arabia"), ("NO", "Norway"), ("IT", "Italy")] {
            assert_eq!(r.canonical_country(code), Some(country));
            assert_eq!(r.country_of(code), None, "{code:?}");
        }
        for word in [
            "it", "It", "no", "No", "So", "is", "to", "me", "My", "at", "Be", "Pa",
        ] {
            assert_eq!(r.canonical_country(word), None, "{word:?}");
        }
        // "New Mexico officials" are not new Mexico officials.
        assert_eq!(r.lookup("New Mexico officials"), None);
        assert_eq!(r.lookup("New Mexico"), None);
        assert_eq!(
            r.lookup("new Mexican officials").map(|s| s.id.as_str()),
            Some("MX government")
        );
    }

    #[test]
    fn countries_have_codes_and_forms_name_one_country() {
        let data = parse_data(DEFAULTS).unwrap();
        // 193 UN members, 2 observers (Holy See, Palestine), Taiwan, Kosovo,
        // Western Sahara.
        assert_eq!(data.countries.len(), 198);
        let r = reg();
        let mut codes: HashMap<&str, &str> = HashMap::new();
        let mut forms: HashMap<String, &str> = HashMap::new();
        for c in r.countries() {
            // ISO 3166-1 alpha-2, but for the United Kingdom's long-standing
            // "UK" (ids like "UK government" depend on it).
            assert!(
                c.code.len() == 2 && c.code.chars().all(|x| x.is_ascii_uppercase()),
                "{}: code {:?}",
                c.name,
                c.code
            );
            if let Some(other) = codes.insert(&c.code, &c.name) {
                panic!("code {} of both {other} and {}", c.code, c.name);
            }
            assert!(c.forms.contains(&c.name), "{} is not its own form", c.name);
            let gov = format!("{} government", c.code);
            for f in &c.forms {
                let n = normalize(f);
                assert!(!n.is_empty(), "{}: empty form {f:?}", c.name);
                if let Some(other) = forms.insert(n.clone(), &c.name) {
                    assert_eq!(other, c.name, "form {f:?} names {other} and {}", c.name);
                }
                // No source alias takes a form away from its government.
                assert_eq!(
                    r.lookup(f).map(|s| s.id.as_str()),
                    Some(gov.as_str()),
                    "form {f:?} of {}",
                    c.name
                );
                assert_eq!(r.canonical_country(f), Some(c.name.as_str()), "{f:?}");
                assert_eq!(r.country_of(f), Some(c.name.as_str()), "{f:?}");
            }
        }
    }

    /// `country_of` and `country_qualified` as they were before the forms
    /// were indexed: every form, longest first, then alphabetically.
    fn scan_forms(r: &SourceRegistry) -> Vec<(String, usize)> {
        let mut forms: Vec<(String, usize)> = Vec::new();
        for (ci, c) in r.countries.iter().enumerate() {
            for f in &c.forms {
                let n = normalize(f);
                if !n.is_empty() {
                    forms.push((n, ci));
                }
            }
        }
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        forms
    }

    fn country_of_scan<'r>(
        r: &'r SourceRegistry,
        forms: &[(String, usize)],
        mention: &str,
    ) -> Option<&'r str> {
        let n = normalize(mention);
        let m = strip_determiners(&n);
        forms
            .iter()
            .find(|(f, _)| {
                m == f || m.starts_with(&format!("{f} ")) || m.ends_with(&format!(" of {f}"))
            })
            .map(|&(_, ci)| r.countries[ci].name.as_str())
    }

    fn country_qualified_scan<'r>(
        r: &'r SourceRegistry,
        forms: &[(String, usize)],
        m: &str,
    ) -> Option<&'r Source> {
        for (form, ci) in forms {
            let rest = if m == form {
                ""
            } else if let Some(r) = m
                .strip_prefix(form.as_str())
                .and_then(|r| r.strip_prefix(' '))
            {
                r
            } else if let Some(h) = m
                .strip_suffix(form.as_str())
                .and_then(|h| h.strip_suffix(" of "))
            {
                h
            } else {
                continue;
            };
            if let Some(s) = qualified_rest(r, *ci, strip_determiners(rest)) {
                return Some(s);
            }
        }
        None
    }

    fn check_index_against_scan(r: &SourceRegistry, forms: &[(String, usize)], mention: &str) {
        assert_eq!(
            r.country_of(mention),
            country_of_scan(r, forms, mention),
            "country_of({mention:?})"
        );
        let n = normalize(mention);
        let m = strip_determiners(&n);
        assert_eq!(
            country_qualified(r, m).map(|s| &s.id),
            country_qualified_scan(r, forms, m).map(|s| &s.id),
            "country_qualified({m:?})"
        );
    }

    #[test]
    fn indexed_forms_match_a_scan_of_every_form() {
        let r = reg();
        let forms = scan_forms(&r);
        let mut mentions: Vec<String> = Vec::new();
        for (f, _) in &forms {
            for t in [
                "{}",
                "the {}",
                "{} officials",
                "{} government",
                "{} state media",
                "{} defense ministry",
                "{} state run news agency",
                "the ministry of defence of {}",
                "government of the {}",
                "port of {}",
                "officials in {}",
                "x {}",
                "{}n",
                "{} of {}",
            ] {
                mentions.push(t.replace("{}", f));
            }
        }
        // Registries with clashing forms: the first country declared wins.
        let mut clash = reg();
        clash.add_country(Country {
            name: "Atlantis".into(),
            code: "AX".into(),
            forms: vec![
                "Congo".into(),
                "Atlantean".into(),
                "Republic of Congo".into(),
            ],
        });
        for m in &mentions {
            check_index_against_scan(&r, &forms, m);
        }
        let clash_forms = scan_forms(&clash);
        for m in &mentions {
            check_index_against_scan(&clash, &clash_forms, m);
        }
    }

    /// What `normalize` did before it copied runs: each character mapped,
    /// then the whitespace-separated tokens tidied.
    fn normalize_by_chars(s: &str) -> String {
        let mut buf = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′' => buf.push('\''),
                '.' => {}
                '&' => buf.push_str(" and "),
                c if c.is_ascii_alphanumeric() => buf.push(c.to_ascii_lowercase()),
                c if c.is_alphanumeric() => buf.extend(c.to_lowercase()),
                _ => buf.push(' '),
            }
        }
        let mut out = String::with_capacity(buf.len());
        for token in buf.split_whitespace() {
            let token = token.trim_matches('\'');
            let token = token.strip_suffix("'s").unwrap_or(token);
            if token.bytes().all(|b| b == b'\'') {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(token.chars().filter(|&c| c != '\''));
        }
        out
    }

    #[test]
    fn normalize_maps_names_as_character_by_character() {
        for s in [
            "U.S. Defense Department’s",
            "Bosnia & Herzegovina",
            "  South Korea's  NIS ",
            "Türkiye — İstanbul ΣΟΦΟΣ",
            "'s '' `quoted´ ʼok′",
            "a\u{a0}b\tc\x0bd",
        ] {
            assert_eq!(normalize(s), normalize_by_chars(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_equals_its_character_steps(s in "[ a-zA-Z0-9.&'’‘`´ʼ′,\\-İΣé\u{a0}\t\x0b]{0,30}") {
            proptest::prop_assert_eq!(normalize(&s), normalize_by_chars(&s));
        }

        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let r = shared();
            let _ = r.lookup(&s);
            let res = r.resolve(&s);
            proptest::prop_assert!((0.0..=1.0).contains(&res.source.prior));
            let _ = classify_unknown(&s);
            let _ = r.is_interested_party("KCNA", &s);
            let _ = r.for_document(&s).lookup(&s);
        }

        #[test]
        fn indexed_forms_match_a_scan_on_word_salad(
            s in "((south|north|korea|korean|republic|of|the|congo|guinea|new|papua|niger|delta|equatorial|bissau|sudan|port|spain|state|media|officials|defense|ministry|government|x|cuba|havana|greek|cypriot|azerbaijani) ){0,8}"
        ) {
            let r = shared();
            let forms = scan_forms(r);
            check_index_against_scan(r, &forms, s.trim());
        }

        #[test]
        fn never_panics_on_acronym_like_text(s in "([A-Z][a-z’']{0,6} |of |the |\\(|\\)|[A-Z]{2,4}|, |“|—){0,14}") {
            let mut r = reg();
            let doc = r.for_document(&s);
            let _ = doc.lookup(&s);
            let _ = doc.resolve(&s);
            r.learn_acronyms(&s);
            let _ = r.lookup(&s);
        }
    }
}
