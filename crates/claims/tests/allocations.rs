//! Claim extraction allocates per sentence and per claim, never per word:
//! a counting allocator checks that longer sentences cost no more
//! allocations than short ones. (A growing list's reallocations are not
//! counted: they are amortized, a handful for any length.)

use std::alloc::System;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

use crosscheck_claims::claim::{Source, extract_cued};
use crosscheck_claims::registry::SourceRegistry;

/// The system allocator, counting allocations.
#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations made extracting the claims of `text` (one block).
fn allocations(text: &str, registry: &SourceRegistry) -> usize {
    let block = 0..text.len();
    let region = Region::new(ALLOCATOR);
    let found = extract_cued(
        Source {
            text,
            blocks: std::slice::from_ref(&block),
            published: None,
        },
        registry,
    );
    let change = region.change();
    drop(found);
    change.allocations
}

/// `sentence` repeated `n` times, one paragraph.
fn repeated(sentence: &str, n: usize) -> String {
    vec![sentence; n].join(" ")
}

// One test: the allocator's counts are the whole process's, so no other
// test may run beside it.
#[test]
fn extraction_allocates_per_sentence_and_claim_not_per_word() {
    let registry = SourceRegistry::with_defaults();
    sentences_without_figures_cost_the_same_allocations_at_any_length(&registry);
    attributed_figures_cost_the_same_allocations_in_longer_sentences(&registry);
}

/// Allocations for `n` copies of `short`, checked to equal those for `n`
/// copies of `long` (the grammars' shared tables warmed up first, with
/// every word of both).
fn same_for_both(short: &str, long: &str, n: usize, registry: &SourceRegistry) -> usize {
    allocations(short, registry);
    allocations(long, registry);
    let (a_short, a_long) = (
        allocations(&repeated(short, n), registry),
        allocations(&repeated(long, n), registry),
    );
    assert_eq!(a_short, a_long, "short {a_short}, long {a_long}");
    a_short
}

fn sentences_without_figures_cost_the_same_allocations_at_any_length(registry: &SourceRegistry) {
    let short = "The market in the old town was busy on a mild morning.";
    let long = "The market in the old town was busy on a mild morning, and the \
                traders in their stalls sold bread, fish, apples and cloth to the \
                crowds who came in from the villages along the river before the rain.";
    let n = same_for_both(short, long, 100, registry);
    // A few per sentence (its span and cue list), not per word.
    assert!(n <= 100 * 3, "{n} allocations for 100 sentences");
}

fn attributed_figures_cost_the_same_allocations_in_longer_sentences(registry: &SourceRegistry) {
    let short = "The NIS said about 5,000 troops were sent to Russia in July.";
    let long = "The NIS said about 5,000 troops were sent to Russia in July, while the \
                weather in the old town stayed mild and the market by the river was \
                busy with traders and crowds from the villages all morning.";
    let n = same_for_both(short, long, 50, registry);
    // A claim owns its strings (figure, sentence, counted noun phrase,
    // source, time scope): a few dozen allocations, whatever the sentence.
    assert!(n <= 50 * 40, "{n} allocations for 50 claims");
}
