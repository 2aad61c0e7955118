//! Throughput of the quantity grammar against a plain ASCII-digit scan over
//! the same bytes: the example articles repeated to about 10 MB.

use std::time::Duration;

use criterion::{Criterion, Throughput, black_box};

mod common;

/// The bundled seed articles, repeated to about 10 MB.
fn corpus() -> String {
    let one = common::seed_texts().join("\n\n");
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    text
}

/// The baseline: count maximal runs of ASCII digits, a memchr-class scan.
fn digit_runs(text: &str) -> usize {
    let mut runs = 0;
    let mut in_run = false;
    for &b in text.as_bytes() {
        let d = b.is_ascii_digit();
        if d && !in_run {
            runs += 1;
        }
        in_run = d;
    }
    runs
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("quantities");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Ten samples over five seconds keep a run short on a small machine.
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("digit-scan-baseline", |b| {
        b.iter(|| digit_runs(black_box(&text)))
    });
    group.bench_function("grammar", |b| {
        b.iter(|| crosscheck_claims::quantity::find(black_box(&text)).len())
    });
    group.finish();
}

fn main() {
    // What `criterion_group!`/`criterion_main!` expand to, written out so the
    // bench target has no undocumented public items.
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
