//! Synonym groups of what news counts: "troops ~ soldiers ~ military
//! personnel", "sappers ~ deminers ~ engineers", "dead ~ killed ~ deaths".
//!
//! Each [`Group`] has a [`GroupKind`] that tells the clusterer how its words
//! combine with others:
//!
//! | kind | meaning | built-in groups |
//! |---|---|---|
//! | [`GroupKind::Generic`] | a broad class of people that role words narrow | troop, worker, person |
//! | [`GroupKind::Role`] | a kind of people; as a head ("sappers") or a modifier ("construction workers") or in the clause ("… to take part in reconstruction projects") | engineer, construction, protester, civilian, child, medic, refugee |
//! | [`GroupKind::Outcome`] | what happened to people; implies the action class | dead (casualty), wounded (wound), displaced (displace), arrested (arrest) |
//! | [`GroupKind::Concept`] | anything else counted | shell, missile, rocket, drone, tank, vote, and every user group |
//!
//! Terms are lower-case lemmas ("death toll", "military personnel");
//! [`Thesaurus::extend`] adds user groups, merging a group into an existing
//! one when they share a term.

use std::collections::BTreeMap;

use crosscheck_claims::case::push_lowercase;
use crosscheck_claims::counted::push_lemma;
use serde::{Deserialize, Serialize};

/// How a group's words combine with the rest of a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// A broad class of people ("troops", "workers", "people") that a role narrows.
    Generic,
    /// A kind of people ("sappers", "construction", "protesters").
    Role,
    /// What happened to people ("dead", "wounded"): implies an action class.
    Outcome,
    /// Anything else counted ("artillery shells", "drones").
    Concept,
}

/// One synonym group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The group's name, used in cluster keys and ids ("troop").
    pub label: String,
    /// How its words combine.
    pub kind: GroupKind,
    /// For [`GroupKind::Outcome`] groups, the action class they imply ("casualty").
    pub implies: Option<String>,
    /// Normalized terms: lower-case, last word lemmatized ("military personnel", "death toll").
    pub terms: Vec<String>,
}

/// Synonym groups of head lemmas, built in and user-extendable.
///
/// ```
/// use crosscheck_cluster::Thesaurus;
///
/// let mut t = Thesaurus::builtin();
/// assert_eq!(t.group_of("soldiers").unwrap().label, "troop");
/// assert_eq!(t.group_of("sappers").unwrap().label, "engineer");
/// assert!(t.group_of("fishermen").is_none());
/// t.extend(vec![vec!["fisherman".into(), "fishermen".into(), "fisher".into()]]);
/// assert_eq!(t.group_of("fishermen").unwrap().label, "fisherman");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thesaurus {
    groups: Vec<Group>,
    /// term → indices of the groups that contain it, in group order.
    index: BTreeMap<String, Vec<usize>>,
}

impl Default for Thesaurus {
    fn default() -> Self {
        Thesaurus::builtin()
    }
}

/// The built-in groups: (label, kind, implied action class, terms).
const BUILTIN: &[(&str, GroupKind, Option<&str>, &[&str])] = &[
    (
        "troop",
        GroupKind::Generic,
        None,
        &[
            "troop",
            "soldier",
            "serviceman",
            "servicemen",
            "servicewoman",
            "service member",
            "servicemember",
            "military personnel",
            "armed personnel",
            "fighter",
            "combatant",
            "force",
            "combat troop",
            "infantry",
            "infantryman",
            "recruit",
            "conscript",
            "mercenary",
        ],
    ),
    (
        "worker",
        GroupKind::Generic,
        None,
        &[
            "worker",
            "labourer",
            "laborer",
            "employee",
            "staff",
            "personnel",
            "labor",
            "labour",
            "dockworker",
            "docker",
            "longshoreman",
            "longshoremen",
            "stevedore",
        ],
    ),
    (
        "person",
        GroupKind::Generic,
        None,
        &[
            "person",
            "people",
            "individual",
            "resident",
            "citizen",
            "inhabitant",
            "adult",
            "man",
            "woman",
        ],
    ),
    (
        "engineer",
        GroupKind::Role,
        None,
        &[
            "engineer",
            "sapper",
            "deminer",
            "de-miner",
            "combat engineer",
            "military engineer",
            "mine clearance",
            "mine clearing",
            "mine-clearing",
            "demining",
            "de-mining",
            "mine removal",
        ],
    ),
    (
        "construction",
        GroupKind::Role,
        None,
        &[
            "construction",
            "reconstruction",
            "rebuilding",
            "rebuild",
            "builder",
            "construction worker",
            "construction troop",
            "construction personnel",
            "infrastructure restoration",
        ],
    ),
    (
        "protester",
        GroupKind::Role,
        None,
        &[
            "protester",
            "protestor",
            "demonstrator",
            "marcher",
            "marched",
            "march",
            "rally-goer",
            "rallygoer",
            "protested",
            "demonstrated",
            "crowd",
            "turnout",
        ],
    ),
    // Workers who stopped work: "7,500 strikers", "2,000 dockworkers walked
    // off the job".
    (
        "striker",
        GroupKind::Role,
        None,
        &[
            "striker",
            "walked off",
            "walked out",
            "walkout",
            "on strike",
            "went on strike",
        ],
    ),
    (
        "civilian",
        GroupKind::Role,
        None,
        &["civilian", "non-combatant", "noncombatant"],
    ),
    (
        "child",
        GroupKind::Role,
        None,
        &["child", "minor", "kid", "infant"],
    ),
    (
        "medic",
        GroupKind::Role,
        None,
        &["medic", "paramedic", "health worker"],
    ),
    // Doctors and nurses are counted apart ("400 doctors and 600 nurses"):
    // parts of a medical team, not one thing.
    (
        "doctor",
        GroupKind::Role,
        None,
        &["doctor", "physician", "surgeon"],
    ),
    ("nurse", GroupKind::Role, None, &["nurse"]),
    // People arriving by sea or over a border: "1,300 migrants", "1,150
    // arrivals", "31,000 people have reached Italy by sea" (not "arrived":
    // troops arrive too).
    (
        "migrant",
        GroupKind::Role,
        None,
        &["migrant", "arrival", "boat people", "by sea"],
    ),
    (
        "refugee",
        GroupKind::Role,
        None,
        &["refugee", "asylum seeker", "asylum-seeker"],
    ),
    (
        "dead",
        GroupKind::Outcome,
        Some("casualty"),
        &[
            "dead",
            "death",
            "death toll",
            "toll",
            "fatality",
            "killed",
            "body",
            "victim",
        ],
    ),
    (
        "wounded",
        GroupKind::Outcome,
        Some("wound"),
        &["wounded", "injured", "injury", "injure", "wound"],
    ),
    (
        "displaced",
        GroupKind::Outcome,
        Some("displace"),
        &["displaced", "evacuee", "evacuated"],
    ),
    (
        "arrested",
        GroupKind::Outcome,
        Some("arrest"),
        &["arrest", "arrested", "detainee", "detained", "detention"],
    ),
    (
        "shell",
        GroupKind::Concept,
        None,
        &["shell", "artillery shell", "artillery round", "munition"],
    ),
    ("missile", GroupKind::Concept, None, &["missile"]),
    ("rocket", GroupKind::Concept, None, &["rocket"]),
    (
        "drone",
        GroupKind::Concept,
        None,
        &["drone", "uav", "unmanned aerial vehicle"],
    ),
    ("tank", GroupKind::Concept, None, &["tank"]),
    ("vote", GroupKind::Concept, None, &["vote", "ballot"]),
    // How much of a fire is contained: "10% contained", "containment rose
    // to 15 percent".
    (
        "containment",
        GroupKind::Concept,
        None,
        &["containment", "contained"],
    ),
    // Jobs lost or kept: "2,000 jobs", "2,000 positions would go", "3,500
    // job losses", "layoffs".
    (
        "job",
        GroupKind::Concept,
        None,
        &[
            "job",
            "position",
            "job loss",
            "job cut",
            "layoff",
            "lay-off",
            "redundancy",
        ],
    ),
];

/// Lower-cases a term, collapses whitespace and lemmatizes its last word.
pub fn normalize_term(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    push_normalized(&mut out, term);
    out
}

/// Appends [`normalize_term`] of `term` to `out`, without a string per word.
pub(crate) fn push_normalized(out: &mut String, term: &str) {
    // One ASCII word (most terms asked about): its lemma. `push_lemma`
    // lowercases, as the word list would have.
    if term.is_ascii() && !term.bytes().any(|b| b.is_ascii_whitespace() || b == 0x0b) {
        push_lemma(out, trim(term));
        return;
    }
    // The words trimmed and lowercased (a word that trims to nothing is
    // left out), the last one lemmatized, joined by single spaces.
    let mut words = term
        .split_whitespace()
        .map(trim)
        .filter(|w| !w.is_empty())
        .peekable();
    let mut first = true;
    while let Some(w) = words.next() {
        if !first {
            out.push(' ');
        }
        first = false;
        if words.peek().is_some() {
            push_lowercase(out, w);
        } else if w.is_ascii() {
            push_lemma(out, w);
        } else {
            // Lowercased, then lemmatized (which lowercases again).
            push_lemma(out, &w.to_lowercase());
        }
    }
}

/// [`normalize_term`] as it was first written: a string per word, joined.
#[cfg(test)]
fn normalize_words(term: &str) -> String {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    match words.split_last() {
        Some((last, rest)) => {
            let mut out: Vec<String> = rest.to_vec();
            out.push(crosscheck_claims::counted::lemma(last));
            out.join(" ")
        }
        None => String::new(),
    }
}

/// A word without the punctuation around it (a hyphen stays).
fn trim(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Minimum Jaro-Winkler similarity for a word to match a term it is not
/// spelled like ("protestors" → "protester").
const FUZZY_MIN: f64 = 0.94;

impl Thesaurus {
    /// The built-in groups (see the module table).
    pub fn builtin() -> Self {
        let groups = BUILTIN
            .iter()
            .map(|(label, kind, implies, terms)| Group {
                label: (*label).to_string(),
                kind: *kind,
                implies: implies.map(str::to_string),
                terms: terms.iter().map(|t| normalize_term(t)).collect(),
            })
            .collect();
        let mut t = Thesaurus {
            groups,
            index: BTreeMap::new(),
        };
        t.rebuild();
        t
    }

    /// An empty thesaurus: every head is its own concept.
    pub fn empty() -> Self {
        Thesaurus {
            groups: Vec::new(),
            index: BTreeMap::new(),
        }
    }

    /// Adds user synonym groups (head lemmas or phrases, any case, singular
    /// or plural). A group that shares a term with an existing group is
    /// merged into it; otherwise it becomes a new [`GroupKind::Concept`]
    /// group named by its first term.
    pub fn extend(&mut self, groups: Vec<Vec<String>>) {
        for g in groups {
            let terms: Vec<String> = g
                .iter()
                .map(|t| normalize_term(t))
                .filter(|t| !t.is_empty())
                .collect();
            let Some(first) = terms.first().cloned() else {
                continue;
            };
            let existing = terms
                .iter()
                .find_map(|t| self.index.get(t).and_then(|v| v.first().copied()));
            match existing.and_then(|i| self.groups.get_mut(i)) {
                Some(group) => {
                    for t in terms {
                        if !group.terms.contains(&t) {
                            group.terms.push(t);
                        }
                    }
                }
                None => {
                    let mut uniq: Vec<String> = Vec::new();
                    for t in terms {
                        if !uniq.contains(&t) {
                            uniq.push(t);
                        }
                    }
                    self.groups.push(Group {
                        label: first,
                        kind: GroupKind::Concept,
                        implies: None,
                        terms: uniq,
                    });
                }
            }
            self.rebuild();
        }
    }

    /// Every group, built-in first.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    fn rebuild(&mut self) {
        self.index.clear();
        for (gi, g) in self.groups.iter().enumerate() {
            for t in &g.terms {
                let v = self.index.entry(t.clone()).or_default();
                if !v.contains(&gi) {
                    v.push(gi);
                }
            }
        }
    }

    /// The group of a term, matched exactly after normalization.
    pub fn group_of(&self, term: &str) -> Option<&Group> {
        let t = normalize_term(term);
        self.exact(&t)
    }

    /// The group of a term already normalized, matched exactly.
    pub(crate) fn exact(&self, normalized: &str) -> Option<&Group> {
        self.index
            .get(normalized)
            .and_then(|v| v.first())
            .and_then(|&i| self.groups.get(i))
    }

    /// The group of a normalized term, exactly or, for single words of five
    /// letters or more, by Jaro-Winkler similarity to a term with the same
    /// first letter. The flag is true for a fuzzy match.
    pub fn lookup(&self, normalized: &str) -> Option<(&Group, bool)> {
        if let Some(g) = self.exact(normalized) {
            return Some((g, false));
        }
        if normalized.chars().count() < 5 || normalized.contains(' ') {
            return None;
        }
        let first = normalized.chars().next()?;
        let mut best: Option<(f64, &str)> = None;
        let lo = first.to_string();
        for (term, _) in self.index.range(lo..) {
            if !term.starts_with(first) {
                break;
            }
            if term.contains(' ') {
                continue;
            }
            let s = strsim::jaro_winkler(normalized, term);
            if s >= FUZZY_MIN && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, term.as_str()));
            }
        }
        best.and_then(|(_, t)| self.exact(t)).map(|g| (g, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn one_word_terms_normalize_as_word_lists_do(term in "[ a-zA-Z0-9'.,()\\-\t\x0bé]{0,14}") {
            proptest::prop_assert_eq!(normalize_term(&term), normalize_words(&term));
        }

        #[test]
        fn any_term_appended_normalizes_as_word_lists_do(
            head in "\\PC{0,3}",
            term in "([ \t\x0b'.,-]|[a-zA-Z]{1,6}(ies|es|s)?|ΣΟΣ|İ|Ünits|\\PC){0,8}",
        ) {
            let mut out = head.clone();
            push_normalized(&mut out, &term);
            proptest::prop_assert_eq!(out, format!("{head}{}", normalize_words(&term)));
        }
    }

    #[test]
    fn troops_soldiers_and_military_personnel_are_one_group() {
        let t = Thesaurus::builtin();
        for w in ["troops", "soldiers", "servicemen", "military personnel"] {
            assert_eq!(t.group_of(w).unwrap().label, "troop", "{w}");
        }
        assert_eq!(t.group_of("personnel").unwrap().label, "worker");
    }

    #[test]
    fn sappers_deminers_and_engineers_are_one_role() {
        let t = Thesaurus::builtin();
        for w in ["sappers", "deminers", "engineers", "mine clearance"] {
            let g = t.group_of(w).unwrap();
            assert_eq!(
                (g.label.as_str(), g.kind),
                ("engineer", GroupKind::Role),
                "{w}"
            );
        }
    }

    #[test]
    fn death_words_imply_a_casualty_action() {
        let t = Thesaurus::builtin();
        for w in ["deaths", "death toll", "toll", "dead", "fatalities"] {
            let g = t.group_of(w).unwrap();
            assert_eq!(g.implies.as_deref(), Some("casualty"), "{w}");
        }
    }

    #[test]
    fn fuzzy_lookup_matches_spelling_variants_only() {
        let t = Thesaurus::builtin();
        let (g, fuzzy) = t.lookup("protestor").unwrap();
        assert_eq!((g.label.as_str(), fuzzy), ("protester", false));
        let (g, fuzzy) = t.lookup("demonstrater").unwrap();
        assert_eq!((g.label.as_str(), fuzzy), ("protester", true));
        assert!(t.lookup("instruction").is_none());
    }

    #[test]
    fn extend_merges_groups_that_share_a_term() {
        let mut t = Thesaurus::builtin();
        t.extend(vec![vec!["marines".into(), "soldiers".into()]]);
        assert_eq!(t.group_of("marine").unwrap().label, "troop");
        t.extend(vec![vec![], vec!["Ballots Cast".into(), "votes".into()]]);
        assert_eq!(t.group_of("ballots cast").unwrap().label, "vote");
    }
}
