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
    /// The bigrams, sorted; repeats kept.
    sorted: Keys,
}

/// Sorted bigram keys: `(first << 16) | second` when every character is in
/// the Basic Multilingual Plane (half the memory), else `(first << 32) |
/// second`. Both orders are the order of (first, second).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Keys {
    Narrow(Vec<u32>),
    Wide(Vec<u64>),
}

impl Default for Keys {
    fn default() -> Self {
        Keys::Narrow(Vec::new())
    }
}

/// How many keys two sorted lists share, as multisets, or `None` when
/// fewer than `need` are: the merge stops as soon as too few keys are left
/// to reach `need` (checked every [`STRIDE`] steps; between checks the
/// steps do not branch on the keys, which a processor cannot predict).
pub(crate) fn shared_at_least<T: Ord + Copy>(a: &[T], b: &[T], need: usize) -> Option<usize> {
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if n + (a.len() - i).min(b.len() - j) < need {
            return None;
        }
        // Each step moves `i`, `j` or both by one, so `STRIDE` steps stay
        // inside both lists when both have that many keys left.
        if a.len() - i >= STRIDE && b.len() - j >= STRIDE {
            for _ in 0..STRIDE {
                let (x, y) = (a[i], b[j]);
                n += usize::from(x == y);
                i += usize::from(x <= y);
                j += usize::from(y <= x);
            }
        } else {
            match a[i].cmp(&b[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    (n >= need).then_some(n)
}

/// Merge steps between two checks of [`shared_at_least`]'s bound.
const STRIDE: usize = 16;

fn widen(keys: &[u32]) -> Vec<u64> {
    keys.iter()
        .map(|&k| (u64::from(k >> 16) << 32) | u64::from(k & 0xffff))
        .collect()
}

impl Bigrams {
    /// The bigrams of `text`.
    pub fn new(text: &str) -> Self {
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let pairs = squeezed.chars().zip(squeezed.chars().skip(1));
        let sorted = if squeezed.chars().all(|c| u32::from(c) <= 0xffff) {
            let mut keys: Vec<u32> = pairs
                .map(|(a, b)| (u32::from(a) << 16) | u32::from(b))
                .collect();
            keys.sort_unstable();
            Keys::Narrow(keys)
        } else {
            let mut keys: Vec<u64> = pairs
                .map(|(a, b)| (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b)))
                .collect();
            keys.sort_unstable();
            Keys::Wide(keys)
        };
        Bigrams { squeezed, sorted }
    }

    /// The Sørensen–Dice coefficient, 0..=1: twice the bigrams the two
    /// share (as multisets) over the sum of their lengths, with the same
    /// edge cases as `strsim::sorensen_dice` (equal texts 1; a text under
    /// two bytes 0; lengths in bytes).
    pub fn dice(&self, other: &Bigrams) -> f64 {
        // Every coefficient is above -∞.
        self.dice_above(other, f64::NEG_INFINITY).unwrap_or(0.0)
    }

    /// [`Bigrams::dice`] when it is above `floor`, else `None`: the
    /// comparison stops as soon as the bigrams left cannot lift it above
    /// `floor`. For picking the most similar of many sentences.
    ///
    /// ```
    /// use crosscheck_cluster::similarity::Bigrams;
    ///
    /// let a = Bigrams::new("north korea sent troops");
    /// let b = Bigrams::new("north korea sent soldiers");
    /// let d = a.dice(&b);
    /// assert_eq!(a.dice_above(&b, d - 0.01), Some(d));
    /// assert_eq!(a.dice_above(&b, d), None);
    /// ```
    pub fn dice_above(&self, other: &Bigrams, floor: f64) -> Option<f64> {
        let edge = if self.squeezed == other.squeezed {
            Some(1.0)
        } else if self.squeezed.len() < 2 || other.squeezed.len() < 2 {
            Some(0.0)
        } else {
            None
        };
        if let Some(d) = edge {
            return (d > floor).then_some(d);
        }
        let den = self.squeezed.len() + other.squeezed.len() - 2;
        let value = |shared: usize| (2 * shared) as f64 / den as f64;
        // The fewest shared bigrams whose coefficient is above `floor`.
        let most = self.len().min(other.len());
        let mut need = ((floor * den as f64) / 2.0).floor().max(0.0) as usize;
        while need > 0 && value(need - 1) > floor {
            need -= 1;
        }
        while value(need) <= floor {
            if need >= most {
                return None;
            }
            need += 1;
        }
        Some(value(self.shared_at_least(other, need)?))
    }

    /// The bigrams shared with `other`, if at least `need`.
    fn shared_at_least(&self, other: &Bigrams, need: usize) -> Option<usize> {
        match (&self.sorted, &other.sorted) {
            (Keys::Narrow(a), Keys::Narrow(b)) => shared_at_least(a, b, need),
            (Keys::Wide(a), Keys::Wide(b)) => shared_at_least(a, b, need),
            (Keys::Narrow(a), Keys::Wide(b)) => shared_at_least(&widen(a), b, need),
            (Keys::Wide(a), Keys::Narrow(b)) => shared_at_least(a, &widen(b), need),
        }
    }

    /// How many bigrams (repeats counted).
    fn len(&self) -> usize {
        match &self.sorted {
            Keys::Narrow(k) => k.len(),
            Keys::Wide(k) => k.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bigrams;

    fn same_as_strsim(a: &str, b: &str) {
        let (x, y) = (Bigrams::new(a), Bigrams::new(b));
        let ours = x.dice(&y);
        assert_eq!(ours, strsim::sorensen_dice(a, b), "{a:?} / {b:?}");
        // Above a floor: the same value exactly when it is above it.
        for floor in [
            f64::NEG_INFINITY,
            0.0,
            ours - 1e-9,
            ours,
            0.25,
            0.5,
            0.999,
            1.0,
        ] {
            let expected = (ours > floor).then_some(ours);
            assert_eq!(
                x.dice_above(&y, floor),
                expected,
                "{a:?} / {b:?} above {floor}"
            );
        }
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
            "troops 🇰🇵 sent 🇷🇺",
            "troops sent",
            "𝒜𝒜 ab",
            "ab 𝒜𝒜",
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

        #[test]
        fn dice_of_long_sentences_matches_strsim(
            a in "[ a-dä\\t]{0,90}",
            b in "[ a-d]{20,120}",
            c in "[a-z ]{0,200}",
        ) {
            // Long enough for the merge's unbranched strides, on small
            // alphabets (many shared and repeated bigrams).
            same_as_strsim(&a, &b);
            same_as_strsim(&b, &a);
            same_as_strsim(&c, &b);
        }
    }

    #[test]
    fn repeated_bigrams_count_as_a_multiset() {
        // "aaaa" has three "aa", "aa" one: one shared.
        assert_eq!(Bigrams::new("aaaa").dice(&Bigrams::new("aa")), 0.5);
    }
}
