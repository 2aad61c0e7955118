//! Properties of claim extraction over arbitrary and news-like text: it never
//! panics, every span lies on char boundaries inside the text, and a claim's
//! `text` and `sentence` are exactly the text under their spans.

use std::ops::Range;

use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::quantity;
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_claims::sentence::{MAX_SENTENCE_BYTES, sentences};
use proptest::prelude::*;

fn check(text: &str, blocks: &[Range<usize>], claims: &[Claim]) -> Result<(), TestCaseError> {
    for c in claims {
        for span in [&c.span, &c.sentence_span] {
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        prop_assert_eq!(&c.text, &text[c.span.clone()]);
        prop_assert_eq!(&c.sentence, &text[c.sentence_span.clone()]);
        prop_assert!(c.sentence_span.start <= c.span.start && c.span.end <= c.sentence_span.end);
        prop_assert!(
            blocks
                .iter()
                .any(|b| b.start <= c.sentence_span.start && c.sentence_span.end <= b.end),
            "claim {:?} outside every block",
            c.span
        );
        for v in [c.value, c.low, c.high].into_iter().flatten() {
            prop_assert!(!v.is_nan(), "{c:?}");
        }
    }
    Ok(())
}

/// Cut `text` into blocks at the given fractions, moved to char boundaries.
fn blocks_at(text: &str, cuts: &[f64]) -> Vec<Range<usize>> {
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|f| {
            let mut at = (text.len() as f64 * f) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        })
        .collect();
    points.push(0);
    points.push(text.len());
    points.sort_unstable();
    points.dedup();
    points.windows(2).map(|w| w[0]..w[1]).collect()
}

/// News-like text: figures, qualifiers, sources and punctuation in any order.
fn newsy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("about 5,000 troops".to_string()),
            Just("more than 10 million shells".to_string()),
            Just("10,000-12,000".to_string()),
            Just("between 3,000 and 4,000 people".to_string()),
            Just("thousands of".to_string()),
            Just("the NIS said".to_string()),
            Just("according to Yonhap,".to_string()),
            Just("officials told reporters".to_string()),
            Just("since September".to_string()),
            Just("on June 26".to_string()),
            Just("$4.5 billion".to_string()),
            Just("81 percent".to_string()),
            Just("were killed".to_string()),
            Just("Su-27".to_string()),
            "[0-9]{1,7}",
            "[a-zA-Z]{1,9}",
            "[ ,.;:!?\"'()\\-–—\n\u{a0}]",
            "\\PC{1,3}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn extraction_never_panics_and_spans_show_the_claim(text in "\\PC{0,400}") {
        let blocks = std::slice::from_ref(&(0..text.len())).to_vec();
        let claims = extract(Source { text: &text, blocks: &blocks, published: None }, &SourceRegistry::with_defaults());
        check(&text, &blocks, &claims)?;
    }

    #[test]
    fn extraction_of_any_chars_including_controls(text in "(?s).{0,300}") {
        let blocks = std::slice::from_ref(&(0..text.len())).to_vec();
        let claims = extract(Source { text: &text, blocks: &blocks, published: None }, &SourceRegistry::with_defaults());
        check(&text, &blocks, &claims)?;
    }

    #[test]
    fn newsy_text_in_several_blocks(text in newsy(), cuts in proptest::collection::vec(0.0f64..1.0, 0..4)) {
        let blocks = blocks_at(&text, &cuts);
        let published = crosscheck_claims::time::Date::new(2025, 6, 26);
        let claims = extract(Source { text: &text, blocks: &blocks, published }, &SourceRegistry::with_defaults());
        check(&text, &blocks, &claims)?;
    }

    #[test]
    fn quantities_are_ordered_and_never_overlap(text in newsy()) {
        let mut last_end = 0;
        for q in quantity::find(&text) {
            prop_assert!(q.start >= last_end && q.start < q.end && q.end <= text.len(), "{q:?}");
            prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            last_end = q.end;
        }
    }

    #[test]
    fn sentences_are_short_trimmed_and_in_order(text in "(?s).{0,3000}") {
        let mut last_end = 0;
        for r in sentences(&text) {
            prop_assert!(r.start >= last_end && r.start < r.end && r.end <= text.len(), "{r:?}");
            prop_assert!(r.len() <= MAX_SENTENCE_BYTES);
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim());
            last_end = r.end;
        }
    }
}

#[test]
fn ordinal_glued_to_digits_regression_from_the_fuzzer() {
    // fuzz/regressions/quantity/crash-3e76415e-overlap, as text.
    let text = String::from_utf8_lossy(include_bytes!(
        "../../../fuzz/regressions/quantity/crash-3e76415e-overlap"
    ))
    .into_owned();
    let mut last_end = 0;
    for q in quantity::find(&text) {
        assert!(q.start >= last_end, "{q:?}");
        last_end = q.end;
    }
    let blocks = std::slice::from_ref(&(0..text.len())).to_vec();
    let claims = extract(
        Source {
            text: &text,
            blocks: &blocks,
            published: None,
        },
        &SourceRegistry::with_defaults(),
    );
    for c in &claims {
        assert_eq!(c.text, &text[c.span.clone()]);
    }
}
