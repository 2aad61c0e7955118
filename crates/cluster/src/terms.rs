//! A small sorted set of terms (roles, modifiers, places): what a profile
//! keys on.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Terms, sorted and without repeats, in one boxed slice: a set of one or
/// two terms costs a few dozen bytes, where a `BTreeSet` takes a node of
/// eleven. Ordered, compared and serialized as the `BTreeSet` of the same
/// terms is (a JSON array, in order).
///
/// ```
/// use crosscheck_cluster::Terms;
///
/// let roles: Terms = ["engineer", "construction", "engineer"].into_iter().map(String::from).collect();
/// assert_eq!(roles.iter().collect::<Vec<_>>(), ["construction", "engineer"]);
/// assert!(!roles.is_disjoint(&Terms::from_iter(["engineer".to_string()])));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Terms(Box<[String]>);

impl Terms {
    /// No terms.
    pub fn new() -> Terms {
        Terms::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The terms, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    /// Whether `term` is one of them.
    pub fn contains(&self, term: &str) -> bool {
        self.0.binary_search_by(|t| t.as_str().cmp(term)).is_ok()
    }

    /// Whether the two share no term (both are sorted: one merge).
    pub fn is_disjoint(&self, other: &Terms) -> bool {
        let (mut a, mut b) = (self.iter().peekable(), other.iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => return false,
            }
        }
        true
    }
}

impl FromIterator<String> for Terms {
    fn from_iter<I: IntoIterator<Item = String>>(terms: I) -> Terms {
        Terms::from(terms.into_iter().collect::<Vec<String>>())
    }
}

impl From<Vec<String>> for Terms {
    fn from(mut terms: Vec<String>) -> Terms {
        terms.sort_unstable();
        terms.dedup();
        Terms(terms.into_boxed_slice())
    }
}

impl From<BTreeSet<String>> for Terms {
    fn from(terms: BTreeSet<String>) -> Terms {
        Terms(terms.into_iter().collect())
    }
}

impl From<Terms> for Vec<String> {
    fn from(terms: Terms) -> Vec<String> {
        terms.0.into_vec()
    }
}

impl IntoIterator for Terms {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a Terms {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(v: &[String]) -> BTreeSet<String> {
        v.iter().cloned().collect()
    }

    proptest! {
        #[test]
        fn terms_behave_as_the_btreeset_of_the_same_terms(
            a in proptest::collection::vec("[a-d]{0,2}", 0..6),
            b in proptest::collection::vec("[a-d]{0,2}", 0..6),
        ) {
            let (ta, tb) = (Terms::from_iter(a.clone()), Terms::from_iter(b.clone()));
            let (sa, sb) = (set(&a), set(&b));
            prop_assert_eq!(ta.iter().collect::<Vec<_>>(), sa.iter().collect::<Vec<_>>());
            prop_assert_eq!(ta.len(), sa.len());
            prop_assert_eq!(ta.is_disjoint(&tb), sa.is_disjoint(&sb));
            prop_assert_eq!(ta.cmp(&tb), sa.cmp(&sb));
            prop_assert_eq!(ta == tb, sa == sb);
            for t in &b {
                prop_assert_eq!(ta.contains(t), sa.contains(t));
            }
            prop_assert_eq!(Terms::from(sa.clone()), ta.clone());
            prop_assert_eq!(serde_json::to_string(&ta).unwrap(), serde_json::to_string(&sa).unwrap());
            let back: Terms = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
            prop_assert_eq!(back, tb);
        }
    }
}
