//! The sides of a cluster's conflicts still in play, highest (degree, rank)
//! first: the conflict finder takes the next outlier from here, and each
//! edge it removes lowers the degree of both its sides.

/// Sides (0..n) keyed by (degree, rank), in an indexed binary max-heap:
/// degrees only go down, and a side whose degree reaches 0 leaves. Ranks are
/// distinct, so the top is always one side, whatever order the degrees were
/// lowered in.
///
/// ```text
/// degrees [2, 1, 2], ranks [0, 2, 1]  → top 2 (degree 2, rank 1)
/// lower(2)                            → top 0 (degree 2, rank 0)
/// ```
#[derive(Debug)]
pub(crate) struct Candidates {
    heap: Vec<usize>,
    /// Each side's place in `heap` (`usize::MAX` once it has left).
    at: Vec<usize>,
    degree: Vec<usize>,
    rank: Vec<usize>,
}

const GONE: usize = usize::MAX;

impl Candidates {
    /// Every side with a degree above 0.
    pub(crate) fn new(degree: Vec<usize>, rank: Vec<usize>) -> Self {
        let heap: Vec<usize> = (0..degree.len()).filter(|&n| degree[n] > 0).collect();
        let mut at = vec![GONE; degree.len()];
        for (i, &n) in heap.iter().enumerate() {
            at[n] = i;
        }
        let mut c = Candidates {
            heap,
            at,
            degree,
            rank,
        };
        for i in (0..c.heap.len() / 2).rev() {
            c.sift_down(i);
        }
        c
    }

    /// The side of highest (degree, rank), if any is left.
    pub(crate) fn top(&self) -> Option<usize> {
        self.heap.first().copied()
    }

    /// One edge of side `n` removed. A side that has already left stays out.
    pub(crate) fn lower(&mut self, n: usize) {
        if self.at[n] == GONE {
            return;
        }
        self.degree[n] -= 1;
        let i = self.at[n];
        if self.degree[n] == 0 {
            let last = self.heap.len() - 1;
            self.swap(i, last);
            self.heap.pop();
            self.at[n] = GONE;
            if i < self.heap.len() {
                self.sift_down(i);
                self.sift_up(i);
            }
        } else {
            self.sift_down(i);
        }
    }

    fn key(&self, i: usize) -> (usize, usize) {
        let n = self.heap[i];
        (self.degree[n], self.rank[n])
    }

    fn swap(&mut self, i: usize, j: usize) {
        self.heap.swap(i, j);
        self.at[self.heap[i]] = i;
        self.at[self.heap[j]] = j;
    }

    fn sift_down(&mut self, mut i: usize) {
        loop {
            let (l, r) = (2 * i + 1, 2 * i + 2);
            let mut top = i;
            if l < self.heap.len() && self.key(l) > self.key(top) {
                top = l;
            }
            if r < self.heap.len() && self.key(r) > self.key(top) {
                top = r;
            }
            if top == i {
                return;
            }
            self.swap(i, top);
            i = top;
        }
    }

    fn sift_up(&mut self, mut i: usize) {
        while i > 0 {
            let parent = (i - 1) / 2;
            if self.key(i) <= self.key(parent) {
                return;
            }
            self.swap(i, parent);
            i = parent;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_top_is_the_highest_degree_then_rank() {
        let mut c = Candidates::new(vec![2, 1, 2], vec![0, 2, 1]);
        assert_eq!(c.top(), Some(2));
        c.lower(2);
        assert_eq!(c.top(), Some(0));
        c.lower(0);
        c.lower(0);
        assert_eq!(c.top(), Some(1), "side 0 left at degree 0");
        c.lower(0);
        assert_eq!(c.top(), Some(1), "a side that left stays out");
    }

    proptest::proptest! {
        /// The top is always what an ordered set of (degree, rank) says,
        /// however the degrees are lowered.
        #[test]
        fn agrees_with_an_ordered_set(
            start in proptest::collection::vec((0usize..6, 0usize..1000), 1..40),
            lowered in proptest::collection::vec(0usize..40, 0..120),
        ) {
            let n = start.len();
            let degree: Vec<usize> = start.iter().map(|s| s.0).collect();
            // Distinct ranks: the side's place in `start` breaks ties.
            let rank: Vec<usize> = start.iter().enumerate().map(|(k, s)| s.1 * 64 + k).collect();
            let mut c = Candidates::new(degree.clone(), rank.clone());
            let mut d = degree;
            let mut reference: BTreeSet<(usize, usize, usize)> = (0..n)
                .filter(|&k| d[k] > 0)
                .map(|k| (d[k], rank[k], k))
                .collect();
            for k in lowered {
                proptest::prop_assert_eq!(c.top(), reference.last().map(|t| t.2));
                let k = k % n;
                c.lower(k);
                if d[k] > 0 {
                    reference.remove(&(d[k], rank[k], k));
                    d[k] -= 1;
                    if d[k] > 0 {
                        reference.insert((d[k], rank[k], k));
                    }
                }
            }
            proptest::prop_assert_eq!(c.top(), reference.last().map(|t| t.2));
        }
    }
}
