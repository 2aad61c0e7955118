//! Clustering time at 10k and 100k claims (1M with
//! `CROSSCHECK_BENCH_LARGE=1`), and its growth: 10× the claims must cost at
//! most 14× the time (n·log n). Claims are extracted in-process from
//! articles the `gen_corpus` generator builds from the bundled examples,
//! then repeated under fresh document ids to reach each size.
//!
//! ```sh
//! cargo bench -p crosscheck-cluster --bench cluster
//! CROSSCHECK_BENCH_LARGE=1 cargo bench -p crosscheck-cluster --bench cluster
//! ```
//!
//! Besides criterion's figures, the run prints one direct timing per size
//! and the growth ratios on stderr.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, black_box};
use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_claims::sentence::sentences;
use crosscheck_cluster::{Item, Thesaurus, cluster};

#[path = "../../crosscheck/examples/gen/corpus.rs"]
mod corpus;

/// The sentences of the bundled example articles.
fn pool() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    let mut pool = Vec::new();
    for p in names {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        for s in sentences(&text) {
            if let Some(t) = text.get(s) {
                pool.push(t.to_string());
            }
        }
    }
    pool
}

/// The claims of a generated batch, one vector per document.
fn claims(docs: usize) -> Vec<Vec<Claim>> {
    let pool = pool();
    let registry = SourceRegistry::with_defaults();
    let mut out = Vec::with_capacity(docs);
    corpus::generate(docs, 7, &pool, |_, text| {
        let whole = 0..text.len();
        out.push(extract(
            Source {
                text: &text,
                blocks: std::slice::from_ref(&whole),
                published: None,
            },
            &registry,
        ));
    });
    out
}

/// `n` claim ids and document ids, cycling through the batch under fresh
/// document ids ("r3-000012").
fn ids(batch: &[Vec<Claim>], n: usize) -> Vec<(String, String, usize, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut round = 0;
    'fill: loop {
        for (d, cs) in batch.iter().enumerate() {
            let doc = format!("r{round}-{d:06}");
            for k in 0..cs.len() {
                if out.len() == n {
                    break 'fill;
                }
                out.push((format!("{doc}#{}", k + 1), doc.clone(), d, k));
            }
        }
        round += 1;
        if batch.iter().all(Vec::is_empty) {
            break;
        }
    }
    out
}

/// The items for [`ids`].
fn items<'a>(batch: &'a [Vec<Claim>], ids: &'a [(String, String, usize, usize)]) -> Vec<Item<'a>> {
    ids.iter()
        .map(|(id, doc, d, k)| Item {
            id,
            doc,
            published: None,
            claim: &batch[*d][*k],
        })
        .collect()
}

/// The median of three direct timings of one clustering.
fn direct(items: &[Item<'_>], thesaurus: &Thesaurus) -> Duration {
    let mut t: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(cluster(items, thesaurus).len());
            start.elapsed()
        })
        .collect();
    t.sort();
    t[1]
}

fn bench(c: &mut Criterion) {
    let thesaurus = Thesaurus::builtin();
    // About 3 claims per generated article.
    let batch = claims(4_000);
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("CROSSCHECK_BENCH_LARGE").is_some() {
        sizes.push(1_000_000);
    }
    let all: Vec<_> = sizes.iter().map(|&n| ids(&batch, n)).collect();

    let mut timings: Vec<(usize, Duration)> = Vec::new();
    for (n, ids) in sizes.iter().zip(&all) {
        let its = items(&batch, ids);
        timings.push((*n, direct(&its, &thesaurus)));
    }
    for w in timings.windows(2) {
        let (a, b) = (w[0], w[1]);
        eprintln!(
            "cluster growth: {} → {} claims: {:.2?} → {:.2?}, ×{:.1} the time for ×{} the claims (limit ×14)",
            a.0,
            b.0,
            a.1,
            b.1,
            b.1.as_secs_f64() / a.1.as_secs_f64(),
            b.0 / a.0
        );
    }

    let mut group = c.benchmark_group("cluster");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for (n, ids) in sizes.iter().zip(&all) {
        let its = items(&batch, ids);
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &its, |b, its| {
            b.iter(|| cluster(its, &thesaurus).len())
        });
    }
    group.finish();
}

fn main() {
    // What `criterion_group!`/`criterion_main!` expand to, written out so the
    // bench target has no undocumented public items.
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
