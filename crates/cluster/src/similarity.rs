//! How alike two sentences read: the Sørensen–Dice coefficient of their
//! character bigrams, exactly as [`strsim::sorensen_dice`] computes it, with
//! each sentence's bigrams counted once instead of at every comparison (the
//! clusterer compares a claim with up to 128 group members).
//!
//! ```
//! use crosscheck_cluster::similarity::Bigrams;
//!
//! let a = Bigrams::new("north korea sent troops");
//! let b = Bigrams::new("north korea sent soldiers");
//! assert_eq!(a.dice(&b), strsim::sorensen_dice("north korea sent troops", "north korea sent soldiers"));
//! ```

use std::cmp::Ordering;

/// A sentence's character bigrams (whitespace removed), sorted, ready to
/// compare with [`Bigrams::dice`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bigrams {
    /// The text without whitespace: equal texts score 1.
    squeezed: String,
    /// Each bigram as `(first << 32) | second`, sorted; repeats kept.
    sorted: Vec<u64>,
}

impl Bigrams {
    /// The bigrams of `text`.
    pub fn new(text: &str) -> Self {
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut sorted: Vec<u64> = squeezed
            .chars()
            .zip(squeezed.chars().skip(1))
            .map(|(a, b)| (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b)))
            .collect();
        sorted.sort_unstable();
        Bigrams { squeezed, sorted }
    }

    /// The Sørensen–Dice coefficient, 0..=1: twice the bigrams the two
    /// share (as multisets) over the sum of their lengths, with the same
    /// edge cases as `strsim::sorensen_dice` (equal texts 1; a text under
    /// two bytes 0; lengths in bytes).
    pub fn dice(&self, other: &Bigrams) -> f64 {
        if self.squeezed == other.squeezed {
            return 1.0;
        }
        if self.squeezed.len() < 2 || other.squeezed.len() < 2 {
            return 0.0;
        }
        let (a, b) = (&self.sorted, &other.sorted);
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2 * shared) as f64 / (self.squeezed.len() + other.squeezed.len() - 2) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::Bigrams;

    fn same_as_strsim(a: &str, b: &str) {
        let ours = Bigrams::new(a).dice(&Bigrams::new(b));
        assert_eq!(ours, strsim::sorensen_dice(a, b), "{a:?} / {b:?}");
    }

    #[test]
    fn dice_of_sentences_matches_strsim() {
        let texts = [
            "",
            "a",
            "ab",
            "a b",
            "aa aa",
            "aaaa",
            "north korea sent about 10,000 troops to russia",
            "north korea has sent 11,000 soldiers to russia's kursk region",
            "the nis said 3,000 more troops were sent",
            "Ünïcödé ßtraße 5 000 Soldaten",
            "   \t\n  ",
            "abababab",
            "babababa",
        ];
        for a in texts {
            for b in texts {
                same_as_strsim(a, b);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn dice_of_any_strings_matches_strsim(a in "[ a-cä\\t]{0,12}", b in "\\PC{0,12}") {
            same_as_strsim(&a, &b);
            same_as_strsim(&a, &a);
        }
    }

    #[test]
    fn repeated_bigrams_count_as_a_multiset() {
        // "aaaa" has three "aa", "aa" one: one shared.
        assert_eq!(Bigrams::new("aaaa").dice(&Bigrams::new("aa")), 0.5);
    }
}
