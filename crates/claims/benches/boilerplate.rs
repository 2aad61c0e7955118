//! Throughput of the boilerplate classifier against lowercasing the same
//! blocks (the least a classifier reading every byte could do): the seed
//! articles' paragraphs, repeated to about 4 MB.

use std::time::Duration;

use criterion::{Criterion, Throughput, black_box};

mod common;

/// The seed articles' paragraphs (blank-line separated, on one line each),
/// repeated to about 4 MB.
fn blocks() -> Vec<String> {
    let one: Vec<String> = common::seed_texts()
        .iter()
        .flat_map(|t| {
            t.split("\n\n")
                .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|b| !b.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 4 << 20 {
        bytes += one.iter().map(String::len).sum::<usize>();
        out.extend(one.iter().cloned());
    }
    out
}

fn bench(c: &mut Criterion) {
    let blocks = blocks();
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let bytes: usize = blocks.iter().map(String::len).sum();
    let mut group = c.benchmark_group("boilerplate");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("lowercase-baseline", |b| {
        b.iter(|| {
            refs.iter()
                .map(|s| black_box(s).to_lowercase().len())
                .sum::<usize>()
        })
    });
    // One article's worth of blocks at a time, as documents are classified.
    group.bench_function("classify", |b| {
        b.iter(|| {
            refs.chunks(12)
                .map(|c| crosscheck_claims::boilerplate::classify_detailed(black_box(c)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
