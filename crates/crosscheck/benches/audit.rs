//! Throughput of the whole audit, as ratios against baselines measured in
//! the same run, on batches made in-process by the `gen_corpus` generator.
//!
//! ```sh
//! cargo bench -p crosscheck --bench audit
//! CROSSCHECK_BENCH_LARGE=1 cargo bench -p crosscheck --bench audit   # also 100k documents
//! ```
//!
//! - `audit-mb`: MB/s of article text for reading the bytes (baseline), the
//!   quantity grammar alone, claim extraction, and the full audit
//!   ([`Auditor::audit`]) on 1,000 documents.
//! - `audit-docs`: documents/s of extraction and of the full audit at 1,000
//!   and 10,000 documents, and 100,000 with `CROSSCHECK_BENCH_LARGE=1` (165
//!   MB of text: about a minute per iteration on a 2-core machine, so that
//!   run takes a quarter of an hour).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, black_box};
use crosscheck::{Auditor, Document, Format, ingest, load_paths};

#[path = "../examples/gen/corpus.rs"]
mod corpus;

/// The sentences of the bundled example articles: the generator's pool.
fn pool() -> Vec<String> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let load = load_paths(&[seeds]);
    let mut pool = Vec::new();
    for doc in &load.documents {
        for s in doc.sentences() {
            if let Some(t) = doc.text.get(s) {
                pool.push(t.to_string());
            }
        }
    }
    pool
}

/// A generated batch of `n` documents, parsed as `.txt` articles, and its
/// size in bytes.
fn batch(pool: &[String], n: usize) -> (Vec<Document>, usize) {
    let mut docs = Vec::with_capacity(n);
    let bytes = corpus::generate(n, 7, pool, |k, text| {
        let id = format!("{k:06}");
        let path = format!("{id}.txt");
        docs.extend(ingest::parse(&text, Format::Text, &id, &path).documents);
    });
    (docs, bytes)
}

/// The baseline: touch every byte of the article text once (count lines).
fn read_bytes(docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| d.text.bytes().filter(|&b| b == b'\n').count())
        .sum()
}

/// The quantity grammar alone over every article.
fn quantities(docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| crosscheck_claims::quantity::find(&d.text).len())
        .sum()
}

/// True when the slow, large benchmarks are asked for.
fn large() -> bool {
    std::env::var_os("CROSSCHECK_BENCH_LARGE").is_some()
}

fn bench(c: &mut Criterion) {
    let pool = pool();
    let auditor = Auditor::new();
    let (docs_1k, bytes_1k) = batch(&pool, 1_000);

    let mut group = c.benchmark_group("audit-mb");
    group.throughput(Throughput::Bytes(bytes_1k as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("read-bytes-baseline", |b| {
        b.iter(|| read_bytes(black_box(&docs_1k)))
    });
    group.bench_function("quantity-grammar", |b| {
        b.iter(|| quantities(black_box(&docs_1k)))
    });
    group.bench_function("extract", |b| {
        b.iter(|| auditor.extract_all(black_box(&docs_1k)).len())
    });
    group.bench_function("audit", |b| {
        b.iter(|| auditor.audit(black_box(&docs_1k)).claims.len())
    });
    group.finish();

    let (docs_10k, _) = batch(&pool, 10_000);
    let docs_100k = if large() {
        batch(&pool, 100_000).0
    } else {
        Vec::new()
    };
    let mut group = c.benchmark_group("audit-docs");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    for docs in [&docs_1k, &docs_10k, &docs_100k] {
        if docs.is_empty() {
            continue;
        }
        group.throughput(Throughput::Elements(docs.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", docs.len()), docs, |b, d| {
            b.iter(|| auditor.extract_all(d).len())
        });
        group.bench_with_input(BenchmarkId::new("audit", docs.len()), docs, |b, d| {
            b.iter(|| auditor.audit(d).claims.len())
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
