//! Start-up and lookup cost of the default source registry.
//!
//! ```text
//! cargo run --release -p crosscheck-claims --example registry_cost
//! ```
//!
//! Prints the time `SourceRegistry::with_defaults()` takes (parse and index
//! the embedded defaults), the time per `lookup`, `country_of` and
//! `canonical_country` call over a fixed list of mentions, and the time to
//! extract the claims of the bundled seed articles (which resolves every
//! attribution through the registry).

use std::hint::black_box;
use std::time::{Duration, Instant};

use crosscheck_claims::claim::{Source, extract};
use crosscheck_claims::registry::SourceRegistry;

const MENTIONS: [&str; 24] = [
    "South Korea's spy agency",
    "the National Intelligence Service (NIS)",
    "Yonhap news agency",
    "senior US officials",
    "a spokesperson for the Ukrainian defence ministry",
    "Kremlin spokesman Dmitry Peskov",
    "North Korea's official Korean Central News Agency",
    "the Ministry of Defence of Ukraine",
    "Pentagon spokesperson Sabrina Singh",
    "officials in Seoul",
    "Reuters",
    "analysts at the Institute for the Study of War",
    "the Havana government",
    "Azerbaijani officials",
    "Egyptian state media",
    "a diplomat who asked not to be named",
    "Jordan Peterson",
    "Victoria police",
    "the organisers",
    "lawmakers from the ruling party",
    "the Ministry of Foreign Affairs of the Republic of Korea",
    "local residents",
    "Chinese state broadcaster CCTV",
    "according to the United Nations",
];

fn per_call(total: Duration, calls: usize) -> f64 {
    total.as_secs_f64() * 1e9 / calls as f64
}

fn main() {
    // Start-up: best of several runs.
    let mut best = Duration::MAX;
    for _ in 0..50 {
        let t = Instant::now();
        let r = black_box(SourceRegistry::with_defaults());
        best = best.min(t.elapsed());
        drop(r);
    }
    let r = SourceRegistry::with_defaults();
    println!(
        "with_defaults: {:.3} ms (best of 50), {} countries, {} sources",
        best.as_secs_f64() * 1e3,
        r.countries().len(),
        r.len()
    );

    let rounds = 2_000;
    let calls = rounds * MENTIONS.len();
    let t = Instant::now();
    for _ in 0..rounds {
        for m in MENTIONS {
            black_box(r.lookup(black_box(m)));
        }
    }
    println!("lookup: {:.0} ns/call", per_call(t.elapsed(), calls));
    let t = Instant::now();
    for _ in 0..rounds {
        for m in MENTIONS {
            black_box(r.country_of(black_box(m)));
        }
    }
    println!("country_of: {:.0} ns/call", per_call(t.elapsed(), calls));
    let t = Instant::now();
    for _ in 0..rounds {
        for m in MENTIONS {
            black_box(r.canonical_country(black_box(m)));
        }
    }
    println!(
        "canonical_country: {:.0} ns/call",
        per_call(t.elapsed(), calls)
    );

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("examples/seeds exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed article is readable"))
        .collect();
    texts.sort();
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..20 {
        let t = Instant::now();
        n = 0;
        for text in &texts {
            let block = 0..text.len();
            let claims = extract(
                Source {
                    text,
                    blocks: std::slice::from_ref(&block),
                    published: None,
                },
                &r,
            );
            n += black_box(claims).len();
        }
        best = best.min(t.elapsed());
    }
    println!(
        "extract seeds: {:.2} ms (best of 20), {} claims",
        best.as_secs_f64() * 1e3,
        n
    );
}
