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

/// A country as the stories name it: name, adjective, capital.
type Country = (&'static str, &'static str, &'static str);

/// The countries a story's sender and receiver are drawn from.
const COUNTRIES: &[Country] = &[
    ("North Korea", "North Korean", "Pyongyang"),
    ("Russia", "Russian", "Moscow"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Iran", "Iranian", "Tehran"),
    ("Syria", "Syrian", "Damascus"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Cuba", "Cuban", "Havana"),
    ("Eritrea", "Eritrean", "Asmara"),
    ("Myanmar", "Myanmar", "Naypyidaw"),
    ("Laos", "Lao", "Vientiane"),
    ("Mali", "Malian", "Bamako"),
    ("Niger", "Nigerien", "Niamey"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Libya", "Libyan", "Tripoli"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Nicaragua", "Nicaraguan", "Managua"),
    ("Tajikistan", "Tajik", "Dushanbe"),
    ("Turkmenistan", "Turkmen", "Ashgabat"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Somalia", "Somali", "Mogadishu"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Jordan", "Jordanian", "Amman"),
    ("Algeria", "Algerian", "Algiers"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Cameroon", "Cameroonian", "Yaounde"),
    ("Angola", "Angolan", "Luanda"),
    ("Zimbabwe", "Zimbabwean", "Harare"),
    ("Mozambique", "Mozambican", "Maputo"),
    ("Bolivia", "Bolivian", "La Paz"),
    ("Peru", "Peruvian", "Lima"),
    ("Colombia", "Colombian", "Bogota"),
    ("Honduras", "Honduran", "Tegucigalpa"),
    ("Cambodia", "Cambodian", "Phnom Penh"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Kazakhstan", "Kazakh", "Astana"),
];

/// One story of the batch: who sends to whom. Story 0 is the bundled
/// examples' own (North Korea to Russia); in the others the receiver's
/// capital stands for both Moscow and Kursk, so a story's places are its
/// receiver's own.
#[derive(Clone, Copy)]
struct Story {
    sender: Country,
    receiver: Country,
}

impl Story {
    /// The `n`th story: every ordered pair of countries in turn (past the
    /// last pair, the first again).
    fn nth(n: usize) -> Story {
        let k = COUNTRIES.len();
        let pairs = k * (k - 1);
        let pair = n % pairs;
        let sender = pair / (k - 1);
        // 1..k after the sender: never the sender itself.
        let receiver = (sender + 1 + pair % (k - 1)) % k;
        Story {
            sender: COUNTRIES[sender],
            receiver: COUNTRIES[receiver],
        }
    }

    /// True when the sentence names a country or place a story swaps.
    fn names(sentence: &str) -> bool {
        ["North Korea", "Pyongyang", "Russia", "Moscow", "Kursk"]
            .iter()
            .any(|n| sentence.contains(n))
    }

    /// The seed sentence retold for this story.
    fn retell(&self, sentence: &str) -> String {
        if self.sender.0 == "North Korea" && self.receiver.0 == "Russia" {
            return sentence.to_string();
        }
        // Placeholders first, so that a sender named like the receiver's
        // words is not replaced twice.
        let marked = sentence
            .replace("North Korean", "\u{1}SA")
            .replace("North Korea", "\u{1}SN")
            .replace("Pyongyang", "\u{1}SC")
            .replace("Russian", "\u{1}RA")
            .replace("Russia", "\u{1}RN")
            .replace("Moscow", "\u{1}RC")
            .replace("Kursk", "\u{1}PL");
        marked
            .replace("\u{1}SA", self.sender.1)
            .replace("\u{1}SN", self.sender.0)
            .replace("\u{1}SC", self.sender.2)
            .replace("\u{1}RA", self.receiver.1)
            .replace("\u{1}RN", self.receiver.0)
            .replace("\u{1}RC", self.receiver.2)
            .replace("\u{1}PL", self.receiver.2)
    }
}

/// True when the sentence has a figure the audit would read.
fn has_figures(sentence: &str) -> bool {
    quantity::find(sentence).iter().any(|q| q.kind.is_figure())
}

/// How many stories a batch of `docs` articles covers: one for every ten
/// articles, as a wire service's day has a few hundred stories.
pub fn stories(docs: usize) -> usize {
    docs.div_ceil(10).max(1)
}

/// The articles of a batch of `docs`, in order, each as `(n, text)` given to
/// `emit`: a `Title:`/`Date:`/`Outlet:` header and 6 to 15 sentences drawn
/// from `pool`, their plain figures varied and, three times in ten, their
/// sources swapped. Each article tells one of [`stories`]`(docs)` stories
/// (the seed sentences with other countries and places); stories are picked
/// with a skew, as news is: the first story gets about ln(s)/s of the
/// articles (75 of 10,000), most stories a handful. Returns the total bytes.
pub fn generate(
    docs: usize,
    seed: u64,
    pool: &[String],
    mut emit: impl FnMut(usize, String),
) -> usize {
    if pool.is_empty() {
        return 0;
    }
    // Sentences with figures are drawn only from those that name the story's
    // countries or places, so each story's figures stay its own: a generic
    // one ("Kim agreed to send 1,000 sappers") would join every story's
    // clusters and make one cluster grow with the batch.
    let pool: Vec<&String> = pool
        .iter()
        .filter(|s| !has_figures(s) || Story::names(s))
        .collect();
    if pool.is_empty() {
        return 0;
    }
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let n_stories = stories(docs);
    let mut bytes = 0usize;
    for n in 0..docs {
        let sentences = 6 + rng.below(10);
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let outlet = OUTLETS[rng.below(OUTLETS.len())];
        let upto = 1 + rng.below(n_stories);
        let story = Story::nth(rng.below(upto));
        let mut text =
            format!("Title: Report {n}\nDate: 2025-{month:02}-{day:02}\nOutlet: {outlet}\n\n");
        for _ in 0..sentences {
            let pick = rng.below(pool.len());
            let mut s = story.retell(&vary_figures(&mut rng, pool[pick]));
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
