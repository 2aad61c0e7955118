//! Sharing uneven work between rayon's threads.
//!
//! A batch's clusters are very uneven: at 60,000 articles the largest holds
//! 9,208 figures and most hold a handful. Handed to rayon in batch order,
//! the largest may be started last, or sit in a long run of clusters one
//! thread works through while the others have nothing left to take: the
//! stage then ends on one core. [`costliest_first`] starts the costliest
//! item at once and hands the rest out one item per job, and still gives
//! the results in the items' own order, so nothing downstream depends on
//! it.

use std::cmp::Reverse;

use rayon::prelude::*;

/// `work(k, item)` for each item on rayon's pool, one item per job, the
/// item of highest `cost` started at once; the results in the items'
/// order, whatever the number of threads. The items are queued by cost,
/// highest first (ties in the items' order): one thread works down the
/// queue from its head while the others take work from its middle and
/// tail, so the costliest never waits behind cheap ones (on one thread the
/// queue is worked in order).
///
/// ```
/// use crosscheck_cluster::workload::costliest_first;
///
/// let groups = vec![vec![1], vec![2, 3, 4], vec![5, 6]];
/// let sums = costliest_first(groups, |_, g| g.len(), |k, g| (k, g.iter().sum::<i32>()));
/// assert_eq!(sums, vec![(0, 1), (1, 9), (2, 11)]);
/// ```
pub fn costliest_first<T, R>(
    items: impl IntoIterator<Item = T>,
    cost: impl Fn(usize, &T) -> usize,
    work: impl Fn(usize, T) -> R + Sync + Send,
) -> Vec<R>
where
    T: Send,
    R: Send,
{
    let mut queue: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    // Stable: equal costs keep the items' order.
    queue.sort_by_cached_key(|(k, item)| Reverse(cost(*k, item)));
    let mut done: Vec<(usize, R)> = queue
        .into_par_iter()
        .with_max_len(1)
        .map(|(k, item)| (k, work(k, item)))
        .collect();
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn results_come_in_the_items_order_whatever_the_costs() {
        let items: Vec<usize> = (0..1000).map(|k| (k * 7919) % 613).collect();
        let got = costliest_first(items.clone(), |_, &c| c, |k, c| (k, c * 2));
        let want: Vec<(usize, usize)> =
            items.iter().enumerate().map(|(k, &c)| (k, c * 2)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn on_one_thread_the_costliest_item_is_worked_first_and_ties_keep_their_order() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let started = Mutex::new(Vec::new());
        pool.install(|| {
            costliest_first(
                ["a", "bbb", "cc", "dd", "eee"],
                |_, s| s.len(),
                |k, _| started.lock().unwrap().push(k),
            )
        });
        assert_eq!(started.into_inner().unwrap(), vec![1, 4, 2, 3, 0]);
    }

    #[test]
    fn no_items_give_no_results() {
        let none: Vec<u8> = costliest_first(Vec::<u8>::new(), |_, _| 0, |_, x| x);
        assert!(none.is_empty());
    }
}
