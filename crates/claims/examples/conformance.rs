//! Scores `crosscheck_claims::quantity::find` against the test suites of
//! other numeric extractors, converted to JSONL in `tests/conformance`
//! (Recognizers-Text, Duckling, quantulum3, text2num-rs, number-parser,
//! quinex-utils; see that directory's README.md and NOTICE.md).
//!
//! ```text
//! cargo run --release -p crosscheck-claims --example conformance -- [DIR] [OPTIONS]
//!
//!   DIR                       data directory (default <workspace>/tests/conformance)
//!   --failures [SUBSTRING]    print each failing in-scope case (input, expected,
//!                             what we found, why), optionally only for files whose
//!                             name contains SUBSTRING
//!   --category NAME           with --failures: only this category
//!   --out-of-scope            with --failures: include out-of-scope and quirk cases
//!   --all                     with --failures: include passing cases
//!   --limit N                 with --failures: print at most N cases
//!   --json                    print the summary as JSON instead of tables
//! ```
//!
//! # Categories
//!
//! Every case with an expectation gets exactly one category, derived from
//! its expected items (kinds, units, bounds, texts) and, where those say
//! little, from its input. The first rule that applies wins:
//!
//! | category | rule | scope |
//! |---|---|---|
//! | `ordinal` | ordinal file or `parse_ordinal`; expected kind contains "ordinal"; a range between ordinals ("between the tenth and the fifteenth"); a whole-input ordinal ("twenty-first", "21st") | out: ordinals are typed but are not figures |
//! | `money` | Recognizers CurrencyModel; Duckling AmountOfMoney or "bucks"; quantulum currency entity/unit; a currency sign, code or word in a quinex span | out: currency grammar, not counts |
//! | `units` | Recognizers dimension/age/temperature; Duckling Distance, Volume, Temperature, named Quantity units; other quantulum units; unit symbols/names in quinex spans; "180ml" in negative cases | out: physical units are not what news figures count |
//! | `percent` | kind `percentage` with a percent sign/word; quantulum unit `percentage`; `%`/"percent" in a quinex span | in |
//! | `fraction` | `parse_fraction`; subtype `fraction`; a percentage written as a share ("one in two"); vulgar fractions, a/b, half, quarter, denominators ("two thirds", "a fifth"), "N over M", "N out of M" — unless the share is of a scale word, making a large count ("half million", "a million and a half") | out: shares are scored as ratios |
//! | `range` | expected `lo` and `hi` both set (and different); quinex interval tests; "N to M"/"N-M" in a quinex span | in |
//! | `qualifier` | one open side (Duckling `bound`, Recognizers "[30,)"); a qualifier phrase in a positive case (about, around, more than, over, at least, up to, fewer than, nearly, "or more", "~", …) | in |
//! | `multiplier` | digits followed by a scale word or suffix ("2.5 million", "10k", "1.2bn", "2 dozens") | in |
//! | `written` | a number word ("twenty-one", "a dozen", "several", "hundreds"; "a"/"an" in negative cases) | in |
//! | `cardinal` | a digit | in |
//! | `other` | anything else ("twofold") | out |
//!
//! Relative ordinals get their own out-of-scope line. Cases of in-scope
//! categories can still be set aside with a printed reason: needs a
//! trained classifier, Indian numbering (lakh/crore),
//! chatbot/query phrasing (Recognizers ranges), digits in dates, IPs, phones
//! and codes, scientific notation, statistical expressions, decimal commas,
//! expectations that state no number, and inputs on which upstream modes
//! disagree. Documented upstream quirks (Duckling "a few" = 3, quantulum
//! counting "a" as 1, …) are expected failures, counted apart.
//!
//! # Matching
//!
//! Value-only, relative tolerance 1e-9: a single expected value matches an
//! item's `value` (or `low == high == value`); a range or one-sided interval
//! matches `low`/`high` (inclusive/exclusive ends ignored); a percentage must
//! be matched by a percent item. Whole-input sources need exactly one figure
//! spanning the trimmed input; Recognizers needs every entity (overlapping
//! span, converted from character offsets) and no extra items of the
//! model's kind; quantulum needs every value among ours (spell-outs: the
//! ordered list); quinex needs every stated value and the asserted count.
//! `expected: null` inputs are only run, under `catch_unwind`, to prove
//! nothing panics. The scoring lives in `tests/conformance_support`, shared
//! with the `conformance` integration test.

#[path = "../tests/conformance_support/mod.rs"]
mod conformance_support;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use conformance_support::{Category, Filter};

/// Parsed command line.
#[derive(Debug, Default)]
struct Options {
    dir: Option<PathBuf>,
    json: bool,
    listing: Option<Filter>,
    limit: Option<usize>,
}

fn usage() -> &'static str {
    "usage: conformance [DIR] [--failures [FILE-SUBSTRING]] [--category NAME] [--out-of-scope] [--all] [--limit N] [--json]"
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut filter = Filter::default();
    let mut listing = false;
    let mut args = args.into_iter().peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--failures" => {
                listing = true;
                // An optional file substring, unless the next word is a flag or a directory.
                if let Some(next) = args.peek() {
                    if !next.starts_with("--") && !PathBuf::from(next).is_dir() {
                        filter.file = args.next();
                    }
                }
            }
            "--category" => {
                let name = args.next().ok_or("--category needs a name")?;
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
                filter.category = Some(Category::from_name(&name).ok_or_else(|| {
                    format!("unknown category {name:?}; one of {}", names.join(", "))
                })?);
            }
            "--out-of-scope" => filter.include_out_of_scope = true,
            "--all" => filter.include_passing = true,
            "--limit" => {
                let n = args.next().ok_or("--limit needs a number")?;
                options.limit = Some(
                    n.parse()
                        .map_err(|_| format!("--limit: not a number: {n:?}"))?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if options.dir.is_none() => options.dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let filtering =
        filter.category.is_some() || filter.include_out_of_scope || filter.include_passing;
    if listing || filtering {
        options.listing = Some(filter);
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1).collect()) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("conformance: {message}");
            }
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    let dir = options
        .dir
        .clone()
        .unwrap_or_else(conformance_support::default_dir);
    let report = match conformance_support::run(&dir) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("conformance: {message}");
            return ExitCode::from(2);
        }
    };
    let listing = match &options.listing {
        Some(filter) => report.render_cases(filter, options.limit) + "\n",
        None => String::new(),
    };
    // With --json the listing goes to stderr, so stdout stays one JSON document.
    let (stdout, stderr) = if options.json {
        (report.render_json() + "\n", listing)
    } else {
        (listing + &report.render_table(), String::new())
    };
    // Write errors (a closed pipe, as in `| head`) are not worth a panic.
    let _ = std::io::stderr().lock().write_all(stderr.as_bytes());
    let _ = std::io::stdout().lock().write_all(stdout.as_bytes());
    ExitCode::SUCCESS
}
