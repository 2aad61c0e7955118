//! `crosscheck_claims::quantity::find` on arbitrary text: no panic, every
//! span on char boundaries inside the text, intervals ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = crosscheck_fuzz::text(data);
    let found = crosscheck_claims::quantity::find(&text);
    let mut last_end = 0;
    for q in &found {
        crosscheck_fuzz::check_span(&text, &(q.start..q.end), "quantity");
        assert!(q.start >= last_end, "overlapping quantities: {found:?}");
        last_end = q.end;
        if let (Some(low), Some(high)) = (q.low, q.high) {
            assert!(
                low.partial_cmp(&high) != Some(std::cmp::Ordering::Greater),
                "low {low} > high {high} in {:?}",
                q.text(&text)
            );
        }
    }
});
