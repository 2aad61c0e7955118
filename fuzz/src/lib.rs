//! Shared checks for the fuzz targets: every span the pipeline hands out must
//! lie on char boundaries inside the text it indexes, and the text a claim
//! carries must be exactly the text under its span.

use crosscheck::{Document, Load};
use crosscheck_claims::claim::Claim;

/// The fuzzer's bytes as text: valid UTF-8 as is, anything else decoded
/// lossily (as `ingest` decodes files), so no input is wasted.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Panics unless `span` is a valid char-boundary range of `text`.
pub fn check_span(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

/// Panics unless every claim's span and sentence span are valid in `text`
/// and the claim's `text`/`sentence` are the text under them.
pub fn check_claims(text: &str, claims: &[Claim]) {
    for c in claims {
        check_span(text, &c.span, "claim");
        check_span(text, &c.sentence_span, "sentence");
        assert_eq!(c.text, &text[c.span.clone()], "claim text");
        assert_eq!(c.sentence, &text[c.sentence_span.clone()], "sentence text");
        assert!(
            c.sentence_span.start <= c.span.start && c.span.end <= c.sentence_span.end,
            "claim {:?} outside its sentence {:?}",
            c.span,
            c.sentence_span
        );
    }
}

/// Panics unless every block of the document is a valid span of its text
/// without a newline inside.
pub fn check_document(doc: &Document) {
    for b in &doc.blocks {
        check_span(&doc.text, &b.span, "block");
        assert!(
            !doc.text[b.span.clone()].contains('\n'),
            "block {:?} contains a newline",
            b.span
        );
    }
    // These must not panic either.
    let _ = doc.sentences();
    let _ = doc.skipped();
    let _ = doc.position(doc.text.len());
}

/// Checks every document of a load.
pub fn check_load(load: &Load) {
    for doc in &load.documents {
        check_document(doc);
    }
}
