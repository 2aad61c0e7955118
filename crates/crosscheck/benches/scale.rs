//! One huge document: the audit's time must grow linearly with its size.
//!
//! ```sh
//! cargo bench -p crosscheck --bench scale
//! ```
//!
//! `single-document/extract/…` extracts the claims of, and
//! `single-document/audit/…` audits, one article of 1 MB and 4 MB made of
//! the bundled example articles' sentences, with the figures varied so that
//! they cluster as a real batch does; `…/4MB-one-line` is the same 4 MB with
//! every line break removed (one block, as a scraper that lost the markup
//! brings it). Criterion prints MB/s for each: linear growth shows as the
//! same throughput at 1 MB and 4 MB (a quadratic step, as a quarter of it).
//!
//! Measured on a shared 2-core machine: extraction is linear (before
//! sentences were capped at `crosscheck_claims::sentence::MAX_SENTENCE_BYTES`
//! a run-on line of figures took time quadratic in its length), 1 MB in
//! 0.17 s and 4 MB in 0.47 s; the whole audit is linear too, 1 MB in 0.26 s,
//! 4 MB in 1.15 s and 4 MB on one line in 1.16 s (3.5–3.9 MiB/s at every
//! size). Before the source ledger decided each distinct source mention of a
//! document once, it compared every mention with every figure's attribution
//! (1 MB 0.57 s, 4 MB 5.4 s).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, black_box};
use crosscheck::{Auditor, Document, Format, ingest, load_paths};

/// The bundled example articles' lines.
fn lines() -> Vec<String> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let load = load_paths(&[seeds]);
    load.documents
        .iter()
        .flat_map(|d| {
            d.article_blocks()
                .map(|b| d.block_text(b).to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// About `bytes` of article text: the lines over and over, each repetition
/// with its digits shifted so figures differ from copy to copy.
fn text(lines: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut round = 0u32;
    while out.len() < bytes {
        for line in lines {
            let shift = (round % 7) as u8;
            out.extend(line.chars().map(|c| {
                if c.is_ascii_digit() && c != '0' {
                    char::from(b'1' + (c as u8 - b'1' + shift) % 9)
                } else {
                    c
                }
            }));
            out.push('\n');
        }
        round += 1;
    }
    out
}

fn document(text: &str) -> Vec<Document> {
    ingest::parse(text, Format::Text, "huge", "huge.txt").documents
}

fn bench(c: &mut Criterion) {
    let lines = lines();
    let auditor = Auditor::new();
    let mut group = c.benchmark_group("single-document");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(20));
    for (name, mb, one_line) in [
        ("1MB", 1, false),
        ("4MB", 4, false),
        ("4MB-one-line", 4, true),
    ] {
        let mut t = text(&lines, mb << 20);
        if one_line {
            t = t.replace('\n', " ");
        }
        let docs = document(&t);
        group.throughput(Throughput::Bytes(t.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), &docs, |b, d| {
            b.iter(|| auditor.extract_all(black_box(d)).len())
        });
        group.bench_with_input(BenchmarkId::new("audit", name), &docs, |b, d| {
            b.iter(|| auditor.audit(black_box(d)).claims.len())
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
