//! Builds realistic batches of articles for benchmarks and scale tests by
//! recombining the sentences of the bundled examples with varied figures,
//! sources and dates, so that clusters and conflicts occur at realistic
//! rates. Deterministic for a given seed.
//!
//! ```sh
//! cargo run --release -p crosscheck --example gen_corpus -- --docs 1000 --out /tmp/batch [--seed 7]
//! ```

use std::path::PathBuf;

use crosscheck::load_paths;

#[path = "gen/corpus.rs"]
mod corpus;

fn main() {
    let mut docs = 100usize;
    let mut out = PathBuf::from("target/corpus");
    let mut seed = 7u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--docs" => docs = args.next().and_then(|v| v.parse().ok()).unwrap_or(docs),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            other => {
                eprintln!(
                    "gen_corpus: unknown argument {other}; use --docs N --out DIR [--seed S]"
                );
                std::process::exit(2);
            }
        }
    }
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let load = load_paths(&[seeds]);
    let mut pool: Vec<String> = Vec::new();
    for doc in &load.documents {
        for s in doc.sentences() {
            pool.push(doc.text[s].to_string());
        }
    }
    if pool.is_empty() {
        eprintln!("gen_corpus: no sentences found in examples/seeds");
        std::process::exit(1);
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("gen_corpus: cannot create {}: {e}", out.display());
        std::process::exit(1);
    }
    let mut failed = false;
    let bytes = corpus::generate(docs, seed, &pool, |n, text| {
        if failed {
            return;
        }
        let path = out.join(format!("{:06}.txt", n));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            failed = true;
        }
    });
    if failed {
        std::process::exit(1);
    }
    eprintln!(
        "gen_corpus: wrote {docs} articles, {bytes} bytes, to {}",
        out.display()
    );
}
