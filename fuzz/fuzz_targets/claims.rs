//! `crosscheck_claims::claim::extract` on arbitrary text as one block: no
//! panic, spans valid, claim text equal to the text under its span.
#![no_main]

use crosscheck_claims::claim::{Source, extract};
use crosscheck_claims::registry::SourceRegistry;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static REGISTRY: OnceLock<SourceRegistry> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = crosscheck_fuzz::text(data);
    let registry = REGISTRY.get_or_init(SourceRegistry::with_defaults);
    let whole = 0..text.len();
    let claims = extract(
        Source {
            text: &text,
            blocks: std::slice::from_ref(&whole),
            published: None,
        },
        registry,
    );
    crosscheck_fuzz::check_claims(&text, &claims);
});
