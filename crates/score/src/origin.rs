//! Where a figure comes from first, and which origins are independent.

use crosscheck_claims::claim::Claim;
use crosscheck_claims::registry::{ANONYMOUS_ID, OUTLET_ID, READER_ID, SourceKind, SourceRegistry};

/// The origin of a figure, for independence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// Independence key: the registry's origin family of the source ("KR
    /// government" for the NIS), or `joint:` and the sorted families of a
    /// joint source's members.
    pub key: String,
    /// For editors: "Government of South Korea", "joint estimate of South
    /// Korea, United States and Ukraine".
    pub label: String,
    /// The source as normalized ("NIS").
    pub source: String,
}

/// The registry id for a source id from a claim. Ids the registry does not
/// know are looked up as mentions, then with words dropped from the end
/// ("South Korea's National Intelligence Service said it" → NIS): the
/// extractor sometimes keeps a few words too many.
pub fn canonical(registry: &SourceRegistry, id: &str) -> String {
    if registry.get(id).is_some() {
        return id.to_string();
    }
    if let Some(s) = registry.lookup(id) {
        return s.id.clone();
    }
    let words: Vec<&str> = id.split_whitespace().collect();
    for n in (1..words.len()).rev().take(8) {
        if let Some(s) = registry.lookup(&words[..n].join(" ")) {
            return s.id.clone();
        }
    }
    id.to_string()
}

fn family_label(registry: &SourceRegistry, family: &str) -> String {
    registry
        .get(family)
        .map_or_else(|| family.to_string(), |s| s.name.clone())
}

pub(crate) fn country_or_name(registry: &SourceRegistry, id: &str) -> String {
    registry
        .get(id)
        .and_then(|s| s.country.clone().or_else(|| Some(s.name.clone())))
        .unwrap_or_else(|| id.to_string())
}

/// True for sources that never count as an origin: unnamed sources, the
/// article itself, readers.
pub fn is_non_origin(kind: SourceKind, id: &str) -> bool {
    matches!(
        kind,
        SourceKind::Anonymous | SourceKind::Outlet | SourceKind::Reader
    ) || id == ANONYMOUS_ID
        || id == OUTLET_ID
        || id == READER_ID
}

/// The origin of a claim, `None` when it has none that counts (unattributed,
/// anonymous, the outlet itself, a reader).
pub fn origin(registry: &SourceRegistry, claim: &Claim) -> Option<Origin> {
    let a = claim.attribution.as_ref()?;
    if !a.joint.is_empty() {
        let mut families: Vec<String> = a
            .joint
            .iter()
            .map(|m| {
                let id = canonical(registry, m);
                registry.origin_family(&id).to_string()
            })
            .collect();
        families.sort();
        families.dedup();
        if families.len() == 1 {
            let f = families.remove(0);
            return Some(Origin {
                label: family_label(registry, &f),
                key: f,
                source: a.source.clone(),
            });
        }
        let names: Vec<String> = a
            .joint
            .iter()
            .map(|m| country_or_name(registry, &canonical(registry, m)))
            .collect();
        let label = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("joint estimate of {} and {last}", rest.join(", "))
            }
            _ => format!("joint estimate of {}", names.join(", ")),
        };
        return Some(Origin {
            key: format!("joint:{}", families.join("+")),
            label,
            source: a.source.clone(),
        });
    }
    let id = canonical(registry, &a.source);
    let kind = registry.get(&id).map_or(a.kind, |s| s.kind);
    if is_non_origin(kind, &id) {
        return None;
    }
    let family = registry.origin_family(&id).to_string();
    Some(Origin {
        label: family_label(registry, &family),
        key: family,
        source: id,
    })
}

/// A short name for the source of a claim, for messages and labels: "NIS",
/// "South Korea/United States/Ukraine", "unnamed sources", "unattributed".
pub fn short_source(registry: &SourceRegistry, claim: &Claim) -> String {
    let Some(a) = &claim.attribution else {
        return "unattributed".to_string();
    };
    if !a.joint.is_empty() {
        return a
            .joint
            .iter()
            .map(|m| country_or_name(registry, &canonical(registry, m)))
            .collect::<Vec<_>>()
            .join("/");
    }
    let id = canonical(registry, &a.source);
    let kind = registry.get(&id).map_or(a.kind, |s| s.kind);
    match kind {
        SourceKind::Anonymous => "unnamed sources".to_string(),
        SourceKind::Outlet => "the article".to_string(),
        SourceKind::Reader => "a reader".to_string(),
        _ => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_claims::claim::{Source, extract};

    fn claim(s: &str) -> Claim {
        let block = 0..s.len();
        let blocks = std::slice::from_ref(&block);
        extract(
            Source {
                text: s,
                blocks,
                published: None,
            },
            &SourceRegistry::with_defaults(),
        )
        .remove(0)
    }

    #[test]
    fn an_agency_and_its_government_are_one_origin() {
        let r = SourceRegistry::with_defaults();
        let a = origin(&r, &claim("The NIS said 15,000 troops were sent.")).unwrap();
        let b = origin(
            &r,
            &claim("According to South Korean assessments, 15,000 troops were sent."),
        )
        .unwrap();
        assert_eq!(a.key, b.key);
        assert_eq!(a.source, "NIS");
    }

    #[test]
    fn a_joint_estimate_is_its_own_origin() {
        let r = SourceRegistry::with_defaults();
        let c = claim("South Korea, the U.S., and Ukraine estimate that 10,000 troops were sent.");
        let o = origin(&r, &c).unwrap();
        assert!(o.key.starts_with("joint:"), "{o:?}");
        assert_eq!(
            o.label,
            "joint estimate of South Korea, United States and Ukraine"
        );
        assert_eq!(short_source(&r, &c), "South Korea/United States/Ukraine");
    }

    #[test]
    fn anonymous_sources_are_no_origin() {
        let r = SourceRegistry::with_defaults();
        assert!(origin(&r, &claim("Officials said 15,000 troops were sent.")).is_none());
        assert!(origin(&r, &claim("15,000 troops were sent.")).is_none());
    }

    #[test]
    fn source_ids_with_trailing_words_are_recovered() {
        let r = SourceRegistry::with_defaults();
        assert_eq!(
            canonical(&r, "South Korea's National Intelligence Service said it"),
            "NIS"
        );
    }
}
