//! `crosscheck::ingest::parse` as HTML: no panic, block spans valid.
#![no_main]

use crosscheck::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = crosscheck_fuzz::text(data);
    let load = crosscheck::ingest::parse(&text, Format::Html, "fuzz", "fuzz.html");
    assert_eq!(load.documents.len(), 1);
    crosscheck_fuzz::check_load(&load);
});
