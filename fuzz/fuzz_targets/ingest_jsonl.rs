//! `crosscheck::ingest::parse` as JSON Lines: no panic, block spans valid,
//! every non-blank line either a document or an error naming its line.
#![no_main]

use crosscheck::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = crosscheck_fuzz::text(data);
    let load = crosscheck::ingest::parse(&text, Format::Jsonl, "fuzz", "fuzz.jsonl");
    crosscheck_fuzz::check_load(&load);
    let lines = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(
        load.documents.len() + load.errors.len(),
        lines,
        "a line was neither read nor reported"
    );
    for e in &load.errors {
        assert!(e.line.is_some_and(|l| l >= 1), "error without a line: {e}");
    }
});
