//! Sentence segmentation that survives abbreviations, initials and headings.
//!
//! [`sentences`] returns the byte ranges of the sentences of a text, trimmed of
//! surrounding whitespace, in order. The rules, in the order they apply:
//!
//! - **Every newline is a hard boundary.** A heading or a caption line without
//!   final punctuation is a sentence of its own; callers that hold soft-wrapped
//!   prose join its lines with spaces first.
//! - A sentence ends at `.`, `!`, `?`, `…` (or a run of them, such as `...` or
//!   `?!`), followed by any closing quotes or brackets (`."`, `.”`, `?)`), and
//!   then whitespace or the end of the line. A period followed directly by
//!   anything else never ends a sentence: `U.S.–South Korea`, `1.5`, `a.m.,`,
//!   `example.com`. Full-width `。！？` end a sentence without a space.
//! - A candidate boundary followed by a lower-case word (`"Stop!" she said`,
//!   `... and then`) or by `,;:` is not a boundary.
//! - After a single period, the word before it decides:
//!   titles (`Gen.`, `Lt. Col.`, `Dr.`, `Sen.`) never end a sentence;
//!   `No.`, `Vol.`, `Art.` and month abbreviations (`Jan.`) do not when a number
//!   follows; initials (`J. R. R. Tolkien`), dotted abbreviations (`U.S.`,
//!   `a.m.`) and words such as `Inc.` or `etc.` end a sentence only when the
//!   next word is a common sentence opener (`The`, `He`, `But`, …), so
//!   `U.S. Defense Secretary` stays together while `in the U.S. The next day`
//!   splits; `e.g.` and `i.e.` never end one; a list marker (`1.`) at the start
//!   of a line is not a sentence.
//! - **No sentence is longer than [`MAX_SENTENCE_BYTES`].** A longer run of
//!   text (a table flattened into one line, a scraped blob, a hostile page)
//!   is cut into pieces of at most that length, each at the last `;` or `,`
//!   in its second half, else at the last space, else at a character
//!   boundary. Everything that looks at a figure's sentence (attribution,
//!   modality, time scope, what is counted) is then bounded per figure, so
//!   extraction time grows linearly with the text however it is punctuated.
//!
//! The shape of the word before a period (initial, dotted abbreviation, plain
//! word) is recognised with a small nom grammar; the rest is table look-ups.
//! No maintained crate does this within this crate's dependency budget (nom and
//! serde): Unicode's UAX #29 sentence rules, for one, split after `Mr.`.

use std::ops::Range;

use nom::{
    IResult, Parser, bytes::complete::take_while1, character::complete::char,
    combinator::all_consuming, multi::separated_list1,
};

/// The longest sentence [`sentences`] returns, in bytes; see the module docs.
/// News sentences are far shorter (a long one is 300–500 bytes).
pub const MAX_SENTENCE_BYTES: usize = 1_000;

/// Byte ranges of the sentences of `text`, trimmed, in order.
///
/// ```
/// use crosscheck_claims::sentence::sentences;
///
/// let text = "Lt. Col. Kim met U.S. officials at 10 a.m. Monday. They agreed.\nNext steps";
/// let found: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(found, ["Lt. Col. Kim met U.S. officials at 10 a.m. Monday.", "They agreed.", "Next steps"]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        split_line::<true>(text, start, start + line.len(), &mut out);
        start += line.len() + 1;
    }
    out
}

/// Characters that can end a sentence (alone or in a run).
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Full-width terminators that end a sentence without a following space.
fn is_wide_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Closing punctuation that belongs to the sentence it follows.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Opening punctuation skipped when looking at the next word.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『'
    )
}

/// Split `text[start..end]` (one line) into sentences, appending to `out`.
/// With `SKIP`, the bytes that cannot start a terminator are passed over
/// in one search; without, character by character (the tests compare the
/// two).
fn split_line<const SKIP: bool>(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let mut sentence_start = 0;
    let mut i = 0;
    while i < line.len() {
        // Straight to the next byte that can start a terminator: '.', '!',
        // '?', or the first byte of "…", "‼", "⁇", "⁈", "⁉" (0xE2), "。"
        // (0xE3), "！", "？" (0xEF). A leading byte, never inside a
        // character: `i` stays on a boundary.
        if SKIP {
            match line.as_bytes()[i..]
                .iter()
                .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF))
            {
                Some(k) => i += k,
                None => break,
            }
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        if is_wide_terminator(c) {
            let mut j = i + c.len_utf8();
            j += line[j..]
                .chars()
                .take_while(|&c| is_wide_terminator(c) || is_closing(c))
                .map(char::len_utf8)
                .sum::<usize>();
            push_trimmed(text, start + sentence_start, start + j, out);
            sentence_start = j;
            i = j;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        // The terminator run, then closing punctuation.
        let run_len: usize = line[i..]
            .chars()
            .take_while(|&c| is_terminator(c))
            .map(char::len_utf8)
            .sum();
        let run = &line[i..i + run_len];
        let close_len: usize = line[i + run_len..]
            .chars()
            .take_while(|&c| is_closing(c))
            .map(char::len_utf8)
            .sum();
        let cluster_end = i + run_len + close_len;
        let followed_by_space = line[cluster_end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        if followed_by_space && is_boundary(line, sentence_start, i, run, cluster_end) {
            push_trimmed(text, start + sentence_start, start + cluster_end, out);
            sentence_start = cluster_end;
        }
        i = cluster_end;
    }
    push_trimmed(text, start + sentence_start, end, out);
}

/// Push `text[from..to]` trimmed of whitespace, if anything is left, cut
/// into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let slice = &text[from..to];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut from, to) = (from + lead, from + lead + trimmed.len());
    while to - from > MAX_SENTENCE_BYTES {
        let cut = long_sentence_cut(&text[from..to]);
        let piece = text[from..from + cut].trim_end();
        if !piece.is_empty() {
            out.push(from..from + piece.len());
        }
        from += cut;
        from += text[from..to].len() - text[from..to].trim_start().len();
    }
    if from < to {
        out.push(from..to);
    }
}

/// Where to cut a sentence longer than [`MAX_SENTENCE_BYTES`]: after the last
/// `;` or `,` followed by a space in the second half of the allowed length,
/// else at the last whitespace there, else at the last character boundary.
/// Always in `1..=MAX_SENTENCE_BYTES`.
fn long_sentence_cut(s: &str) -> usize {
    let mut max = MAX_SENTENCE_BYTES;
    while !s.is_char_boundary(max) {
        max -= 1;
    }
    let window = &s[..max];
    let half = MAX_SENTENCE_BYTES / 2;
    let clause = window
        .rmatch_indices([';', ','])
        .map(|(at, _)| at + 1)
        .take_while(|&at| at > half)
        .find(|&at| s[at..].starts_with(char::is_whitespace));
    let space = || window.rfind(char::is_whitespace).filter(|&at| at > half);
    clause.or_else(space).unwrap_or(max).max(1)
}

/// What follows a candidate boundary.
enum Next<'a> {
    /// End of the line.
    End,
    /// A word starting with an upper-case letter (or another non-lower-case start).
    Upper(&'a str),
    /// A word starting with a digit or a currency sign.
    Number,
    /// A lower-case word, or punctuation that continues the sentence.
    Continues,
}

fn next_word(line: &str, from: usize) -> Next<'_> {
    let rest = line[from..].trim_start();
    let rest = rest.trim_start_matches(is_opening);
    let Some(c) = rest.chars().next() else {
        return Next::End;
    };
    if c.is_lowercase() || matches!(c, ',' | ';' | ':' | '.' | '…') {
        Next::Continues
    } else if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₩' | '#') {
        Next::Number
    } else {
        let word_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        Next::Upper(&rest[..word_end])
    }
}

/// Decide whether the terminator `run` at `at` (ending, with closing
/// punctuation, at `cluster_end`) ends the sentence that began at `sentence_start`.
fn is_boundary(
    line: &str,
    sentence_start: usize,
    at: usize,
    run: &str,
    cluster_end: usize,
) -> bool {
    let next = next_word(line, cluster_end);
    let upper = match next {
        Next::End => return true,
        Next::Continues => return false,
        Next::Upper(word) => Some(word),
        Next::Number => None,
    };
    // `?`, `!`, `…` and `...` end a sentence before a capital or a number.
    if run != "." {
        return true;
    }
    let token_start = line[..at].rfind(char::is_whitespace).map_or(0, |p| {
        p + line[p..].chars().next().map_or(1, char::len_utf8)
    });
    let token = line[token_start..at].trim_start_matches(is_opening);
    if token.is_empty() {
        return true;
    }
    // A list marker such as `1.` or `a.` opening the line.
    if line[sentence_start..at].trim() == token
        && (token.chars().all(|c| c.is_ascii_digit()) || token.chars().count() == 1)
    {
        return false;
    }
    let opener = upper.is_some_and(is_sentence_opener);
    match shape(token) {
        Shape::Initial => opener,
        Shape::Dotted(parts) => {
            let lower = parts.join(".").to_lowercase();
            if lower == "e.g" || lower == "i.e" || lower == "viz" {
                false
            } else {
                opener
            }
        }
        Shape::Word(word) => match abbreviation(word) {
            Some(Abbrev::Title) => false,
            Some(Abbrev::BeforeNumber) => upper.is_some(),
            Some(Abbrev::Month) => opener,
            Some(Abbrev::Ambiguous) => opener,
            None => true,
        },
    }
}

/// The shape of the word before a period.
#[derive(Debug, PartialEq)]
enum Shape<'a> {
    /// A single letter: `J` in `J. R. R. Tolkien`.
    Initial,
    /// Letter groups joined by periods: `U.S`, `a.m`, `Ph.D`.
    Dotted(Vec<&'a str>),
    /// Anything else.
    Word(&'a str),
}

fn letters(i: &str) -> IResult<&str, &str> {
    take_while1(char::is_alphabetic).parse(i)
}

fn dotted(i: &str) -> IResult<&str, Vec<&str>> {
    all_consuming(separated_list1(char('.'), letters)).parse(i)
}

fn shape(token: &str) -> Shape<'_> {
    match dotted(token) {
        Ok((_, parts)) if parts.len() >= 2 && parts.iter().all(|p| p.chars().count() <= 3) => {
            Shape::Dotted(parts)
        }
        Ok((_, parts)) if parts.len() == 1 && token.chars().count() == 1 => {
            if token.chars().all(char::is_uppercase) {
                Shape::Initial
            } else {
                Shape::Word(token)
            }
        }
        _ => Shape::Word(token),
    }
}

/// How an abbreviation behaves before a period.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Abbrev {
    /// Always followed by a name: never ends a sentence.
    Title,
    /// `No. 5`, `Vol. 2`: does not end a sentence before a number.
    BeforeNumber,
    /// `Jan. 5`: not before a number or a lower-case word; otherwise only before an opener.
    Month,
    /// `Inc.`, `etc.`, `St.`: ends a sentence only before an opener.
    Ambiguous,
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Gens", "Lt", "Col",
    "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Govs", "Sen",
    "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Amb", "Msgr", "Fr", "Sra",
    "Srta", "Atty", "Lieut", "Comdr", "Cmdt", "Pfc", "Spc", "Ens", "Mgr",
];

const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "nos", "Vol", "Vols", "vol", "Art", "art", "Fig", "fig", "Figs", "pp", "p",
    "Para", "para", "Ch", "ch", "Sec", "sec", "Op", "Ex", "Tel", "tel", "Rm", "Ste",
];

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

const AMBIGUOUS: &[&str] = &[
    "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "vs", "approx", "est", "Dept", "dept", "Govt",
    "govt", "Bros", "St", "Mt", "Ft", "Ave", "Blvd", "Rd", "Univ", "Assn", "Intl", "Natl", "cf",
    "al", "ca", "Esq", "Plc", "PLC", "LLC", "Mfg", "Ltda",
];

fn abbreviation(word: &str) -> Option<Abbrev> {
    if TITLES.contains(&word) {
        Some(Abbrev::Title)
    } else if BEFORE_NUMBER.contains(&word) {
        Some(Abbrev::BeforeNumber)
    } else if MONTHS.contains(&word) {
        Some(Abbrev::Month)
    } else if AMBIGUOUS.contains(&word) {
        Some(Abbrev::Ambiguous)
    } else {
        None
    }
}

/// Words that commonly open a sentence in news prose.
const OPENERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "Further",
    "He",
    "Her",
    "Here",
    "His",
    "However",
    "How",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "It's",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "Nor",
    "Not",
    "Now",
    "Officials",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
];

fn is_sentence_opener(word: &str) -> bool {
    OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Passing over the bytes that cannot start a terminator splits
        /// as reading every character does.
        #[test]
        fn skipping_to_terminators_splits_as_reading_every_character(
            line in "[a-zA-Z0-9 .!?…‼⁇。！？”’»)\"'é€ \u{2003}\u{2028}]{0,80}"
        ) {
            let (mut fast, mut plain) = (Vec::new(), Vec::new());
            split_line::<true>(&line, 0, line.len(), &mut fast);
            split_line::<false>(&line, 0, line.len(), &mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn two_plain_sentences() {
        assert_eq!(
            split("Troops arrived. They stayed."),
            ["Troops arrived.", "They stayed."]
        );
    }

    #[test]
    fn us_before_a_capitalised_noun() {
        assert_eq!(
            split("U.S. Defense Secretary Pete Hegseth traveled to Seoul."),
            ["U.S. Defense Secretary Pete Hegseth traveled to Seoul."]
        );
    }

    #[test]
    fn us_ending_a_sentence() {
        assert_eq!(
            split("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn us_dash_south_korea() {
        assert_eq!(
            split("After joint U.S.–South Korea military exercises in March. Then talks."),
            [
                "After joint U.S.–South Korea military exercises in March.",
                "Then talks."
            ]
        );
    }

    #[test]
    fn gen_and_lt_col() {
        assert_eq!(
            split("Gen. Park met Lt. Col. Lee on Friday. They spoke."),
            ["Gen. Park met Lt. Col. Lee on Friday.", "They spoke."]
        );
    }

    #[test]
    fn no_before_a_number() {
        assert_eq!(
            split("He was ranked No. 2 in the party. The list is secret."),
            ["He was ranked No. 2 in the party.", "The list is secret."]
        );
    }

    #[test]
    fn no_as_an_answer_ends_a_sentence() {
        assert_eq!(
            split("The answer was no. Talks ended."),
            ["The answer was no.", "Talks ended."]
        );
    }

    #[test]
    fn jan_before_a_day() {
        assert_eq!(
            split("The deal was signed on Jan. 5, 2025. It took effect."),
            ["The deal was signed on Jan. 5, 2025.", "It took effect."]
        );
    }

    #[test]
    fn am_before_a_weekday_and_before_an_opener() {
        assert_eq!(
            split(
                "Troops moved at 6 a.m. Thursday. The border was quiet by 9 a.m. The next day, shelling resumed."
            ),
            [
                "Troops moved at 6 a.m. Thursday.",
                "The border was quiet by 9 a.m.",
                "The next day, shelling resumed."
            ]
        );
    }

    #[test]
    fn am_before_a_comma() {
        assert_eq!(
            split("At 6 a.m., troops moved."),
            ["At 6 a.m., troops moved."]
        );
    }

    #[test]
    fn initials_j_r_r_tolkien() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it. Readers loved it."),
            ["J. R. R. Tolkien wrote it.", "Readers loved it."]
        );
    }

    #[test]
    fn middle_initial_george_w_bush() {
        assert_eq!(
            split("George W. Bush visited Seoul."),
            ["George W. Bush visited Seoul."]
        );
    }

    #[test]
    fn decimal_one_point_five() {
        assert_eq!(
            split("Output grew 1.5 percent. Exports fell."),
            ["Output grew 1.5 percent.", "Exports fell."]
        );
    }

    #[test]
    fn quote_ending_period_inside_curly_quotes() {
        assert_eq!(
            split("Lee said Kim “has the intent to pursue dialogue.” The NIS agreed."),
            [
                "Lee said Kim “has the intent to pursue dialogue.”",
                "The NIS agreed."
            ]
        );
    }

    #[test]
    fn quote_ending_period_inside_straight_quotes() {
        assert_eq!(
            split("He called it \"absolute solidity.\" Others disagreed."),
            ["He called it \"absolute solidity.\"", "Others disagreed."]
        );
    }

    #[test]
    fn quoted_question_followed_by_said() {
        assert_eq!(
            split("“Why now?” she asked. Nobody answered."),
            ["“Why now?” she asked.", "Nobody answered."]
        );
    }

    #[test]
    fn quote_with_two_sentences_inside() {
        assert_eq!(
            split(
                "He said: “U.S. policy has not changed. President Trump remains open.” Talks may follow."
            ),
            [
                "He said: “U.S. policy has not changed.",
                "President Trump remains open.”",
                "Talks may follow."
            ]
        );
    }

    #[test]
    fn ellipsis_mid_sentence_and_at_end() {
        assert_eq!(
            split("The troops... were sent. He paused… Then he spoke."),
            ["The troops... were sent.", "He paused…", "Then he spoke."]
        );
    }

    #[test]
    fn heading_without_final_punctuation() {
        assert_eq!(
            split("Expanding cooperation\nThis latest report underscores the partnership."),
            [
                "Expanding cooperation",
                "This latest report underscores the partnership."
            ]
        );
    }

    #[test]
    fn newline_is_a_hard_boundary_even_mid_phrase() {
        assert_eq!(
            split("Read next\n13:30\nNorth Korea"),
            ["Read next", "13:30", "North Korea"]
        );
    }

    #[test]
    fn blank_lines_and_trimming() {
        let text = "  First line.  \n\n\n  Second line  ";
        let ranges = sentences(text);
        assert_eq!(
            ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["First line.", "Second line"]
        );
        assert_eq!(ranges[0], 2..13);
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(
            split("Is it true? Yes! It is."),
            ["Is it true?", "Yes!", "It is."]
        );
    }

    #[test]
    fn sentence_starting_with_a_number() {
        assert_eq!(
            split("The war began in 2022. 15,000 troops were sent."),
            ["The war began in 2022.", "15,000 troops were sent."]
        );
    }

    #[test]
    fn list_marker_one_dot() {
        assert_eq!(split("1. Troops were sent."), ["1. Troops were sent."]);
    }

    #[test]
    fn inc_before_a_name_and_before_an_opener() {
        assert_eq!(
            split("Acme Inc. CEO Jane Roe said so. Shares of Acme Inc. The company fell."),
            [
                "Acme Inc. CEO Jane Roe said so.",
                "Shares of Acme Inc.",
                "The company fell."
            ]
        );
    }

    #[test]
    fn st_petersburg() {
        assert_eq!(
            split("He flew to St. Petersburg on Monday."),
            ["He flew to St. Petersburg on Monday."]
        );
    }

    #[test]
    fn eg_before_a_capital() {
        assert_eq!(
            split("Several allies, e.g. Japan, objected."),
            ["Several allies, e.g. Japan, objected."]
        );
    }

    #[test]
    fn url_domain_period() {
        assert_eq!(
            split("See example.com for details."),
            ["See example.com for details."]
        );
    }

    #[test]
    fn full_width_stop() {
        assert_eq!(
            split("部队已抵达。他们留下了。"),
            ["部队已抵达。", "他们留下了。"]
        );
    }

    #[test]
    fn crlf_line_endings() {
        assert_eq!(split("One.\r\nTwo."), ["One.", "Two."]);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t\n").is_empty());
    }

    #[test]
    fn long_runs_are_cut_at_clauses_then_spaces_then_characters() {
        let clause = "Officials said 5,000 troops were sent, ";
        let text = clause.repeat(100);
        let found = sentences(&text);
        assert!(found.len() > 3, "{found:?}");
        for r in &found {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{r:?}");
            assert!(text[r.clone()].starts_with("Officials"), "{r:?}");
            assert!(text[r.clone()].ends_with(','), "{r:?}");
        }
        // No punctuation: cut at spaces; no spaces: at character boundaries.
        let words = "troops ".repeat(1000);
        assert!(
            sentences(&words)
                .iter()
                .all(|r| r.len() <= MAX_SENTENCE_BYTES && words[r.clone()].starts_with('t'))
        );
        let blob = "é".repeat(5000);
        let found = sentences(&blob);
        assert_eq!(found.iter().map(|r| r.len()).sum::<usize>(), blob.len());
        assert!(found.iter().all(|r| blob.get(r.clone()).is_some()));
        // Ordinary long sentences are untouched.
        let long = format!("{}.", "word ".repeat(150).trim_end());
        assert_eq!(split(&long), [long.as_str()]);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("U.S"), Shape::Dotted(vec!["U", "S"]));
        assert_eq!(shape("J"), Shape::Initial);
        assert_eq!(shape("Gen"), Shape::Word("Gen"));
        assert_eq!(shape("example.com"), Shape::Word("example.com"));
    }
}
