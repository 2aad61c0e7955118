//! The scanner's word-level fast path: which words can start a figure, and
//! where a run of ASCII letters and digits ends.
//!
//! The scanner stops at every word start, so this is the hot path of
//! [`find`](super::find): a word is classified with one hash probe into a
//! table built at compile time, and word ends are found eight bytes at a
//! time, without decoding characters or allocating.

use super::calendar::MONTHS;

/// Words that may begin a figure on their own: numbers, vague magnitudes, fractions.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "naught",
    "nought",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "nil",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
    "sextillion",
    "dozen",
    "few",
    "handful",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "tens",
    "scores",
    "several",
    "many",
    "half",
    "quarter",
    "couple",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
];

/// Words that begin a figure only when a number follows: qualifiers,
/// increments, range openers, "a"/"an", currency codes.
const PREFIX_WORDS: &[&str] = &[
    "a",
    "an",
    "a",
    "an",
    "minus",
    "negative",
    "exceed",
    "exceeds",
    "exceeded",
    "surpass",
    "surpasses",
    "surpassed",
    "surpassing",
    "topping",
    "percent",
    "percents",
    "per",
    "about",
    "above",
    "additional",
    "almost",
    "another",
    "approx",
    "approximately",
    "around",
    "as",
    "at",
    "below",
    "between",
    "ca",
    "circa",
    "close",
    "est",
    "estimated",
    "exceeding",
    "fewer",
    "from",
    "greater",
    "higher",
    "in",
    "just",
    "larger",
    "less",
    "lower",
    "more",
    "nearly",
    "no",
    "north",
    "not",
    "on",
    "over",
    "roughly",
    "slightly",
    "smaller",
    "some",
    "under",
    "up",
    "upward",
    "upwards",
    "well",
    "usd",
    "eur",
    "gbp",
    "jpy",
    "cny",
    "krw",
    "rub",
    "inr",
    "uah",
    "chf",
];

/// The word may begin a figure on its own.
pub(super) const NUMBER: u8 = 1;
/// The word begins a figure only when a number follows.
pub(super) const PREFIX: u8 = 2;
/// The word is a month name or abbreviation (as [`MONTHS`], any case).
pub(super) const MONTH: u8 = 4;

/// Slots in [`WORDS`]: a power of two, about three times the number of words.
const TABLE_BITS: u32 = 9;
const SLOTS: usize = 1 << TABLE_BITS;

/// [`NUMBER_WORDS`], [`PREFIX_WORDS`] and [`MONTHS`], hashed at compile time
/// into an open-addressing table keyed by the lower-cased word packed into a
/// `u128` (see [`pack`]), so classifying a word costs a multiply and a
/// compare or two rather than a comparison with each of some 180 strings.
struct WordTable {
    keys: [u128; SLOTS],
    flags: [u8; SLOTS],
    /// By first and last letter (see [`shape`]), the lengths of the listed
    /// words with those letters, bit `n - 1` for length `n`: most prose
    /// words ("the", "said", "of") fail this before the hash probe.
    shapes: [u16; 32 * 32],
    /// The same for [`NUMBER_WORDS`] alone.
    number_shapes: [u16; 32 * 32],
}

static WORDS: WordTable = {
    let mut t = WordTable {
        keys: [0; SLOTS],
        flags: [0; SLOTS],
        shapes: [0; 32 * 32],
        number_shapes: [0; 32 * 32],
    };
    insert_all(&mut t, NUMBER_WORDS, NUMBER);
    insert_all(&mut t, PREFIX_WORDS, PREFIX);
    insert_all(&mut t, MONTHS, MONTH);
    t
};

const fn insert_all(t: &mut WordTable, words: &[&str], flag: u8) {
    let mut n = 0;
    while n < words.len() {
        let w = words[n].as_bytes();
        let mut k = 0;
        while k < w.len() {
            assert!(
                w[k].is_ascii_alphabetic(),
                "trigger words are ASCII letters"
            );
            k += 1;
        }
        assert!(
            !w.is_empty() && w.len() <= 16,
            "trigger words are 1 to 16 letters"
        );
        let key = pack(w);
        let mut s = slot(key);
        while t.keys[s] != 0 && t.keys[s] != key {
            s = (s + 1) % SLOTS;
        }
        t.keys[s] = key;
        t.flags[s] |= flag;
        t.shapes[shape(w[0], w[w.len() - 1])] |= 1 << (w.len() - 1);
        if flag == NUMBER {
            t.number_shapes[shape(w[0], w[w.len() - 1])] |= 1 << (w.len() - 1);
        }
        n += 1;
    }
}

/// 1 to 16 ASCII letters, lower-cased, byte `k` at bits `8k..8k + 8`. No
/// letter is a zero byte, so distinct words get distinct non-zero keys.
const fn pack(w: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut n = 0;
    while n < w.len() {
        // Setting bit 5 lower-cases an ASCII letter.
        key |= ((w[n] | 0x20) as u128) << (8 * n);
        n += 1;
    }
    key
}

/// The index in [`WordTable::shapes`] of a word's first and last letters:
/// an ASCII letter's low five bits tell it apart from the other letters
/// whatever its case, and keep the index in bounds.
const fn shape(first: u8, last: u8) -> usize {
    (((first & 0x1f) as usize) << 5) | (last & 0x1f) as usize
}

const fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

/// The [`NUMBER`], [`PREFIX`] and [`MONTH`] bits of the `n` (1 to 16) ASCII
/// letters at `bytes[i..]`, in any case; 0 for any other word.
#[inline]
pub(super) fn word_flags(bytes: &[u8], i: usize, n: usize) -> u8 {
    debug_assert!((1..=16).contains(&n) && bytes[i..i + n].iter().all(u8::is_ascii_alphabetic));
    if WORDS.shapes[shape(bytes[i], bytes[i + n - 1])] & (1 << ((n - 1) & 15)) == 0 {
        return 0;
    }
    probe(bytes, i, n)
}

/// Whether the `n` (1 to 16) ASCII letters at `bytes[i..]` are one of
/// [`NUMBER_WORDS`], in any case: `word_flags(bytes, i, n) & NUMBER != 0`.
#[inline]
pub(super) fn is_number_word(bytes: &[u8], i: usize, n: usize) -> bool {
    debug_assert!((1..=16).contains(&n) && bytes[i..i + n].iter().all(u8::is_ascii_alphabetic));
    WORDS.number_shapes[shape(bytes[i], bytes[i + n - 1])] & (1 << ((n - 1) & 15)) != 0
        && probe(bytes, i, n) & NUMBER != 0
}

/// [`word_flags`] past the shape test: the hash probe.
fn probe(bytes: &[u8], i: usize, n: usize) -> u8 {
    let lo = lower8(bytes, i, n.min(8));
    let hi = if n > 8 {
        lower8(bytes, i + 8, n - 8)
    } else {
        0
    };
    let key = (u128::from(hi) << 64) | u128::from(lo);
    let mut s = slot(key);
    loop {
        match WORDS.keys[s] {
            0 => return 0,
            k if k == key => return WORDS.flags[s],
            _ => s = (s + 1) % SLOTS,
        }
    }
}

/// Eight copies of `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The `n` (1 to 8) letters at `bytes[i..]` lower-cased as [`pack`] packs
/// them, from one eight-byte load where the text is long enough.
fn lower8(bytes: &[u8], i: usize, n: usize) -> u64 {
    let keep = u64::MAX >> (64 - 8 * n);
    match bytes
        .get(i..i + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
    {
        Some(b8) => (u64::from_le_bytes(b8) | splat(0x20)) & keep,
        None => bytes[i..i + n]
            .iter()
            .enumerate()
            .fold(0, |key, (k, &b)| key | (u64::from(b | 0x20) << (8 * k))),
    }
}

/// The high bit of each byte.
const HIGH: u64 = splat(0x80);

/// Per byte of `x`, the high bit set where the byte is an ASCII letter or
/// digit, and where it is an ASCII digit. Bytes are compared after clearing
/// their high bit, so no sum carries into the next byte; non-ASCII bytes are
/// then masked out.
fn classify8(x: u64) -> (u64, u64) {
    let ascii = !x & HIGH;
    let x7 = x & !HIGH;
    // `v + splat(0x80 - lo)` sets a byte's high bit exactly when it is >= lo.
    let lower = x7 | splat(0x20);
    let letter = (lower + splat(0x80 - b'a')) & !(lower + splat(0x80 - (b'z' + 1)));
    let digit = (x7 + splat(0x80 - b'0')) & !(x7 + splat(0x80 - (b'9' + 1)));
    ((letter | digit) & ascii, digit & ascii)
}

/// The run of ASCII letters and digits at `bytes[start..]`: where it ends,
/// and where its first digit is (its end when it has none).
#[inline]
pub(super) fn ascii_word(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    let mut first_digit = None;
    while let Some(b8) = bytes
        .get(i..i + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
    {
        let (word, digit) = classify8(u64::from_le_bytes(b8));
        let stop = !word & HIGH;
        // The bits below the first stop (all of them when there is none).
        let run = stop.wrapping_sub(1) & !stop;
        if first_digit.is_none() && digit & run != 0 {
            first_digit = Some(i + (digit & run).trailing_zeros() as usize / 8);
        }
        if stop != 0 {
            let end = i + stop.trailing_zeros() as usize / 8;
            return (end, first_digit.unwrap_or(end));
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            first_digit.get_or_insert(i);
        } else if !b.is_ascii_alphabetic() {
            break;
        }
        i += 1;
    }
    (i, first_digit.unwrap_or(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_bits() {
        for (words, flag) in [
            (NUMBER_WORDS, NUMBER),
            (PREFIX_WORDS, PREFIX),
            (MONTHS, MONTH),
        ] {
            for w in words {
                for text in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w} and a long tail"),
                ] {
                    assert_ne!(word_flags(text.as_bytes(), 0, w.len()) & flag, 0, "{text}");
                    let number = is_number_word(text.as_bytes(), 0, w.len());
                    assert_eq!(number, NUMBER_WORDS.contains(w), "{text}");
                }
            }
        }
    }

    #[test]
    fn other_words_have_none() {
        for w in [
            "the",
            "ones",
            "hundredths",
            "Mayday",
            "z",
            "abcdefghijklmnop",
            "sept",
        ] {
            let bits = word_flags(w.as_bytes(), 0, w.len());
            assert_eq!(bits & NUMBER, 0, "{w}");
            assert_eq!(bits & PREFIX, 0, "{w}");
        }
        assert_eq!(word_flags(b"Mayday", 0, 6), 0);
        assert!(!is_number_word(b"about", 0, 5));
        assert!(is_number_word(b"Ninety", 0, 6));
        assert_eq!(word_flags(b"sept", 0, 4), MONTH);
    }

    #[test]
    fn ascii_word_ends_and_digits_match_a_byte_loop() {
        let texts = [
            "",
            "a",
            "abc def",
            "G7 summit",
            "MH17",
            "abcdefghijklmnopqrstuvwxyz0123456789 x",
            "twenty-five",
            "caf\u{e9}",
            "Z\u{fc}rich2",
            "12345678x",
            "x1234567",
            "ABCDEFGH",
            "abcdefg\u{e9}",
            "`@[{/:",
            "seventeenth.",
            "tens of thousands",
        ];
        for t in texts {
            let b = t.as_bytes();
            for start in 0..=b.len() {
                let end = start
                    + b[start..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count();
                let digit = b[start..end]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map_or(end, |n| start + n);
                assert_eq!(ascii_word(b, start), (end, digit), "{t:?} at {start}");
            }
        }
        // Every byte value, at every offset in a chunk.
        for v in 0..=255u8 {
            for at in 0..10 {
                let mut b = vec![b'a'; 12];
                b[at] = v;
                let end = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                let digit = b[..end].iter().position(u8::is_ascii_digit).unwrap_or(end);
                assert_eq!(ascii_word(&b, 0), (end, digit), "{v:#x} at {at}");
            }
        }
    }
}
