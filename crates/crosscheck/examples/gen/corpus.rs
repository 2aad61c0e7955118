//! The corpus generator shared by the `gen_corpus` example and the
//! benchmarks (included with `#[path]`, so it depends only on
//! `crosscheck-claims`): realistic articles made by recombining seed
//! sentences with varied figures, sources and dates. Deterministic for a
//! given seed and pool.

#![allow(dead_code)]

use crosscheck_claims::quantity::{self, Kind};

/// xorshift64*: small, fast, deterministic.
pub struct Rng(pub u64);

impl Rng {
    /// See the type docs.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// See the type docs.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// See the type docs.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SOURCES: &[&str] = &[
    "South Korea's National Intelligence Service",
    "Yonhap news agency",
    "Reuters",
    "the Pentagon",
    "Ukraine's military intelligence",
    "KCNA",
    "officials",
    "the Associated Press",
    "Japan's Defense Ministry",
    "the Institute for the Study of War",
];

const OUTLETS: &[&str] = &[
    "Daily Courier",
    "Korea Wire",
    "Euro Monitor",
    "The Ledger",
    "Asia Desk",
];

/// A figure changed the way rival reports change it: mostly kept, sometimes
/// rounded, sometimes revised up, rarely wildly off.
fn vary(rng: &mut Rng, value: f64) -> f64 {
    let factor = match rng.below(20) {
        0..=11 => 1.0,
        12..=14 => 1.1,
        15..=16 => 0.9,
        17..=18 => 1.5,
        _ => 3.0,
    };
    let v = value * factor;
    if v >= 100.0 {
        let magnitude = 10f64.powi(v.log10().floor() as i32 - 1);
        (v / magnitude).round() * magnitude
    } else {
        v.round()
    }
}

fn with_commas(v: f64) -> String {
    let digits = format!("{}", v as u64);
    let mut out = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rewrites the plain digit figures of a sentence.
fn vary_figures(rng: &mut Rng, sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut last = 0;
    for q in quantity::find(sentence) {
        let text = q.text(sentence);
        let plain = q.kind == Kind::Number
            && q.qualifier.is_none()
            && text.bytes().all(|b| b.is_ascii_digit() || b == b',');
        if let (true, Some(v)) = (plain, q.value) {
            out.push_str(&sentence[last..q.start]);
            out.push_str(&with_commas(vary(rng, v)));
            last = q.end;
        }
    }
    out.push_str(&sentence[last..]);
    out
}

/// The articles of a batch of `docs`, in order, each as `(n, text)` given to
/// `emit`: a `Title:`/`Date:`/`Outlet:` header and 6 to 15 sentences drawn
/// from `pool`, their plain figures varied and, three times in ten, their
/// sources swapped. Returns the total bytes.
pub fn generate(
    docs: usize,
    seed: u64,
    pool: &[String],
    mut emit: impl FnMut(usize, String),
) -> usize {
    if pool.is_empty() {
        return 0;
    }
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut bytes = 0usize;
    for n in 0..docs {
        let sentences = 6 + rng.below(10);
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let outlet = OUTLETS[rng.below(OUTLETS.len())];
        let mut text =
            format!("Title: Report {n}\nDate: 2025-{month:02}-{day:02}\nOutlet: {outlet}\n\n");
        for _ in 0..sentences {
            let pick = rng.below(pool.len());
            let mut s = vary_figures(&mut rng, &pool[pick]);
            if rng.chance(30) {
                let (a, b) = (rng.below(SOURCES.len()), rng.below(SOURCES.len()));
                s = s.replace("the NIS", SOURCES[a]);
                s = s.replace("Yonhap news agency", SOURCES[b]);
            }
            text.push_str(&s);
            text.push('\n');
        }
        bytes += text.len();
        emit(n, text);
    }
    bytes
}
