//! Companies and unions an article names, so that "the company" and "union
//! leaders" are the body the article is about, not a source of their own.
//!
//! "Northwind Motors will cut 2,000 jobs, according to a company statement":
//! the statement is Northwind Motors'. An article that names one company
//! (a capitalised name ending in a word such as "Motors", "Inc" or
//! "Airlines") makes its later "the company", "company officials" and "a
//! company statement" that company; an article that names one union ("the
//! Dockworkers Union") does the same for "the union" and "union leaders".
//! With none named, or several, the mention stays the generic body
//! ("company", "union"), whatever role words it carried: "Union leaders" and
//! "the union" are one source.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// The kind of body a generic mention stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// "the company", "the firm", "the carmaker".
    Company,
    /// "the union", "union leaders".
    Union,
}

impl BodyKind {
    /// The source id of the body when the article names none (or several).
    pub(crate) fn generic(self) -> &'static str {
        match self {
            BodyKind::Company => "company",
            BodyKind::Union => "union",
        }
    }
}

/// Last words of a company's name: "Northwind Motors", "Halden Steel Ltd".
const COMPANY_ENDS: &[&str] = &[
    "Motors",
    "Motor",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "LLC",
    "plc",
    "PLC",
    "AG",
    "GmbH",
    "Group",
    "Holdings",
    "Airlines",
    "Airways",
    "Automotive",
    "Pharmaceuticals",
    "Technologies",
    "Industries",
    "Electronics",
    "Steel",
    "Mining",
    "Petroleum",
    "Logistics",
    "Shipping",
];

/// Last words of a union's name: "the Dockworkers Union", "the Korean
/// Confederation of Trade Unions".
const UNION_ENDS: &[&str] = &["Union", "Unions"];

/// First words of names ending in "Union" that are not trade unions.
const NOT_TRADE_UNIONS: &[&str] = &[
    "European",
    "Soviet",
    "African",
    "Eurasian",
    "Customs",
    "Postal",
    "Monetary",
    "Banking",
    "Civil",
    "Liberties",
];

/// Finds any of the name endings in a sentence, in one pass (case as
/// written: the endings are capitalised words).
static ENDS_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(COMPANY_ENDS.iter().chain(UNION_ENDS)).ok());

/// Words that begin a sentence or a phrase, capitalised there but not part
/// of a name: "The Northwind Motors plant".
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "by",
    "for",
    "and",
    "but",
    "its",
    "their",
    "rival",
    "shares",
    "meanwhile",
    "however",
    "also",
    "then",
    "when",
    "while",
    "as",
    "if",
    "after",
    "before",
    "since",
    "last",
    "this",
    "that",
    "both",
    "other",
    "some",
    "many",
    "most",
    "workers",
    "staff",
    "officials",
];

/// Whether a word is one of [`NOT_NAME_WORDS`], in any case.
fn not_a_name_word(w: &str) -> bool {
    NOT_NAME_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n))
}

/// The companies and unions named so far in one article, in order, each
/// once.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NamedBodies {
    companies: Vec<String>,
    unions: Vec<String>,
}

impl NamedBodies {
    /// Learns the companies and unions a sentence names.
    pub(crate) fn learn(&mut self, sentence: &str) {
        if ENDS_FINDER.as_ref().is_some_and(|f| !f.is_match(sentence)) {
            return;
        }
        let words: Vec<&str> = sentence.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            let bare = w.trim_end_matches([',', ';', ':', ')', '"', '”']);
            let bare = bare
                .strip_suffix("'s")
                .or_else(|| bare.strip_suffix("’s"))
                .or_else(|| bare.strip_suffix('\''))
                .or_else(|| bare.strip_suffix('’'))
                .unwrap_or(bare);
            // "Ltd." and "Inc." keep their point; a sentence's last word
            // loses it.
            let bare = if COMPANY_ENDS.contains(&bare) {
                bare
            } else {
                bare.trim_end_matches('.')
            };
            let kind = if COMPANY_ENDS.contains(&bare) {
                BodyKind::Company
            } else if UNION_ENDS.contains(&bare) {
                BodyKind::Union
            } else {
                continue;
            };
            // "Halden Steel Ltd": the name ends at its last ending word.
            let next_ends = words.get(k + 1).is_some_and(|n| {
                let n = n.trim_end_matches([',', ';', ':', ')', '"', '”']);
                COMPANY_ENDS.contains(&n)
                    || COMPANY_ENDS.contains(&n.trim_end_matches('.'))
                    || UNION_ENDS.contains(&n.trim_end_matches('.'))
            });
            if next_ends {
                continue;
            }
            // "Halden Steel Ltd." and "Halden Steel Ltd" are one name.
            let Some(name) = name_ending_at(&words[..k], bare.trim_end_matches('.'), kind) else {
                continue;
            };
            let list = match kind {
                BodyKind::Company => &mut self.companies,
                BodyKind::Union => &mut self.unions,
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }

    /// The one body of this kind the article has named, if it named exactly
    /// one.
    pub(crate) fn the_one(&self, kind: BodyKind) -> Option<&str> {
        let list = match kind {
            BodyKind::Company => &self.companies,
            BodyKind::Union => &self.unions,
        };
        match list.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// The name that ends with `end`: up to five words before it
/// ("Northwind Motors", "Korean Confederation of Trade Unions" with "of"
/// inside), none of them ending a clause. `None` when no capitalised word
/// comes before the ending ("the union", "Motors" alone) or the name is
/// not a trade union's ("the European Union").
fn name_ending_at(before: &[&str], end: &str, kind: BodyKind) -> Option<String> {
    let mut start = before.len();
    let mut capitalised = 0;
    while start > 0 && before.len() - start < 5 {
        let w = before[start - 1];
        if w.ends_with([',', '.', ';', ':', '"', '”']) {
            break;
        }
        if w.starts_with(|c: char| c.is_uppercase()) && !not_a_name_word(w) {
            capitalised += 1;
            start -= 1;
        } else if matches!(w, "of" | "and" | "&") && start >= 2 {
            // Only inside a name: a capitalised word must come before it.
            let prev = before[start - 2];
            if !prev.starts_with(|c: char| c.is_uppercase())
                || prev.ends_with([',', '.'])
                || not_a_name_word(prev)
            {
                break;
            }
            start -= 1;
        } else {
            break;
        }
    }
    // The name starts with a capitalised word.
    while start < before.len() && !before[start].starts_with(|c: char| c.is_uppercase()) {
        start += 1;
    }
    if capitalised == 0 || start == before.len() {
        return None;
    }
    if kind == BodyKind::Union && NOT_TRADE_UNIONS.contains(&before[start]) {
        return None;
    }
    let mut name: Vec<&str> = before[start..].to_vec();
    name.push(end);
    Some(name.join(" "))
}

/// One company's names across a batch: "Nordair Airlines" in one article,
/// "Nordair" in another. For each source id that is a company's name
/// ("Nordair Airlines", a capitalised name and a company ending) whose name
/// without the ending ("Nordair") is also an id, that id and the full
/// name: rename the shorter to the longer. A short name two full names
/// share ("Halden Steel" and "Halden Motors") is left alone.
///
/// ```
/// use crosscheck_claims::attribution::company_aliases;
///
/// let aliases = company_aliases(["Nordair", "Nordair Airlines", "NIS"].into_iter());
/// assert_eq!(aliases, vec![("Nordair".to_string(), "Nordair Airlines".to_string())]);
/// ```
pub fn company_aliases<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let ids: std::collections::BTreeSet<&str> = ids.collect();
    let mut full_of: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for id in &ids {
        if let Some((short, _)) = id.rsplit_once(' ').filter(|_| is_company_name(id)) {
            full_of.entry(short).or_default().push(id);
        }
    }
    full_of
        .into_iter()
        .filter(|(short, full)| full.len() == 1 && ids.contains(short))
        .map(|(short, full)| (short.to_string(), full[0].to_string()))
        .collect()
}

/// Whether a source id is a company's name: capitalised words ending in
/// a company ending ("Nordair Airlines", "Halden Steel Ltd").
pub fn is_company_name(id: &str) -> bool {
    id.rsplit_once(' ').is_some_and(|(name, end)| {
        COMPANY_ENDS.contains(&end) && name.starts_with(char::is_uppercase)
    })
}

/// Role words a generic body's mention may carry: "union leaders",
/// "company officials", "a company spokesman".
const ROLE_WORDS: &[&str] = &[
    "leader",
    "leaders",
    "leadership",
    "official",
    "officials",
    "representative",
    "representatives",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "executives",
    "management",
    "bosses",
];

/// The kind of body a mention names generically: "the company", "company
/// officials", "Union leaders", "a union spokeswoman"; `None` for anything
/// else ("the European Union", "the union's lawyers").
///
/// The mention is a cue's speaker after its article and document noun are
/// gone ("a company statement" is "company" by then).
pub(crate) fn generic_body(mention: &str) -> Option<BodyKind> {
    let mut words = mention.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| ["the", "a", "an"].iter().any(|d| w.eq_ignore_ascii_case(d)))
    {
        words.next();
    }
    let head = words.next()?;
    let kind = if head.eq_ignore_ascii_case("company")
        || head.eq_ignore_ascii_case("firm")
        || head.eq_ignore_ascii_case("carmaker")
        || head.eq_ignore_ascii_case("automaker")
        || head.eq_ignore_ascii_case("airline")
        || head.eq_ignore_ascii_case("carrier")
    {
        BodyKind::Company
    } else if head.eq_ignore_ascii_case("union") {
        BodyKind::Union
    } else {
        return None;
    };
    match (words.next(), words.next()) {
        (None, _) => Some(kind),
        (Some(role), None) if ROLE_WORDS.iter().any(|r| role.eq_ignore_ascii_case(r)) => Some(kind),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(sentences: &[&str]) -> NamedBodies {
        let mut bodies = NamedBodies::default();
        for s in sentences {
            bodies.learn(s);
        }
        bodies
    }

    #[test]
    fn northwind_motors_will_cut_jobs_names_a_company() {
        let b = learned(&["Northwind Motors will cut 2,000 jobs at its plant in Halden."]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Northwind Motors"));
        assert_eq!(b.the_one(BodyKind::Union), None);
    }

    #[test]
    fn the_sentence_start_is_not_part_of_the_name() {
        let b = learned(&["The Halden Steel Ltd. plant will close, officials said."]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Halden Steel Ltd"));
    }

    #[test]
    fn a_possessive_and_a_clause_end_are_read_off_the_name() {
        let b = learned(&["Skyline Airlines's pilots struck."]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Skyline Airlines"));
        let b = learned(&["Northwind Motors' plant will close."]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Northwind Motors"));
        // Two companies: neither is "the company".
        let b = learned(&["Northwind Motors' rival Skyline Airlines's pilots struck."]);
        assert_eq!(b.the_one(BodyKind::Company), None);
        // A sentence opener is no part of the name.
        let b = learned(&[
            "Shares of Northwind Motors fell.",
            "Northwind Motors said so.",
        ]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Northwind Motors"));
        let b = learned(&["Jobs will go at Skyline Airlines."]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Skyline Airlines"));
    }

    #[test]
    fn two_companies_named_make_the_company_ambiguous() {
        let b = learned(&[
            "Northwind Motors will cut 2,000 jobs.",
            "Its supplier Halden Steel Ltd said it would cut 300.",
        ]);
        assert_eq!(b.the_one(BodyKind::Company), None);
    }

    #[test]
    fn the_same_company_named_twice_is_one() {
        let b = learned(&[
            "Northwind Motors said so.",
            "Northwind Motors's shares fell.",
        ]);
        assert_eq!(b.the_one(BodyKind::Company), Some("Northwind Motors"));
    }

    #[test]
    fn the_korean_confederation_of_trade_unions_is_a_union() {
        let b = learned(&["The Korean Confederation of Trade Unions called a strike."]);
        assert_eq!(
            b.the_one(BodyKind::Union),
            Some("Korean Confederation of Trade Unions")
        );
    }

    #[test]
    fn the_european_union_is_not_a_trade_union() {
        let b = learned(&["The European Union sent aid.", "Motors alone is no name."]);
        assert_eq!(b.the_one(BodyKind::Union), None);
        assert_eq!(b.the_one(BodyKind::Company), None);
    }

    #[test]
    fn union_leaders_and_a_company_statement_are_generic_bodies() {
        assert_eq!(generic_body("Union leaders"), Some(BodyKind::Union));
        assert_eq!(generic_body("the union"), Some(BodyKind::Union));
        assert_eq!(generic_body("company"), Some(BodyKind::Company));
        assert_eq!(generic_body("The company"), Some(BodyKind::Company));
        assert_eq!(generic_body("company officials"), Some(BodyKind::Company));
        assert_eq!(generic_body("a union spokeswoman"), Some(BodyKind::Union));
        assert_eq!(generic_body("the European Union"), None);
        assert_eq!(generic_body("union lawyers for the city"), None);
        assert_eq!(generic_body("Unionists"), None);
        assert_eq!(generic_body("The airline"), Some(BodyKind::Company));
    }
}
