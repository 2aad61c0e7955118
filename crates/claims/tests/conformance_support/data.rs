//! Reading the conformance JSONL files (`tests/conformance/*.jsonl`) into [`Case`]s.
//!
//! The line format is described in `tests/conformance/README.md`. Only the
//! fields the scorer uses are read; everything else on a line is ignored.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::Value;

/// The upstream suite (and, for Recognizers-Text, the model) a file was converted from.
///
/// It decides how a case is matched: whole-input phrases, every entity in a
/// sentence, values in order, or quantity spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// Recognizers-Text NumberModel: every number in a sentence, with spans.
    RecognizersNumber,
    /// Recognizers-Text NumberRangeModel: ranges and one-sided comparisons, with spans.
    RecognizersRange,
    /// Recognizers-Text PercentModel: percentages, with spans.
    RecognizersPercent,
    /// Recognizers-Text OrdinalModel: ordinals, with spans.
    RecognizersOrdinal,
    /// Recognizers-Text NumberWithUnit models: currency, dimension, age, temperature.
    RecognizersUnit,
    /// Duckling corpora: one token must span the whole input.
    Duckling,
    /// quantulum3: quantities in a sentence, or spelled numbers in order.
    Quantulum,
    /// text2num-rs: whole-string conversions.
    Text2num,
    /// number-parser: whole-string conversions.
    NumberParser,
    /// quinex-utils: inputs are quantity spans already cut out of text.
    Quinex,
    /// A file this scorer does not know: cases are only run for robustness.
    Unknown,
}

impl Suite {
    /// The suite a conformance file belongs to, from its file name.
    pub fn from_file_name(name: &str) -> Suite {
        const PREFIXES: &[(&str, Suite)] = &[
            ("recognizers_numberrange", Suite::RecognizersRange),
            ("recognizers_numberwithunit", Suite::RecognizersUnit),
            ("recognizers_number", Suite::RecognizersNumber),
            ("recognizers_percent", Suite::RecognizersPercent),
            ("recognizers_ordinal", Suite::RecognizersOrdinal),
            ("duckling", Suite::Duckling),
            ("quantulum", Suite::Quantulum),
            ("text2num", Suite::Text2num),
            ("number_parser", Suite::NumberParser),
            ("quinex", Suite::Quinex),
        ];
        PREFIXES
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .map_or(Suite::Unknown, |&(_, suite)| suite)
    }

    /// True for the Recognizers-Text files.
    pub fn is_recognizers(self) -> bool {
        matches!(
            self,
            Suite::RecognizersNumber
                | Suite::RecognizersRange
                | Suite::RecognizersPercent
                | Suite::RecognizersOrdinal
                | Suite::RecognizersUnit
        )
    }
}

/// One expected extraction, as the upstream test states it.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The matched surface text, when the source gives one.
    pub text: Option<String>,
    /// A single value ("value" in the file; `a/b` strings are read as ratios).
    pub value: Option<f64>,
    /// Lower bound of a range or one-sided interval.
    pub lo: Option<f64>,
    /// Upper bound of a range or one-sided interval.
    pub hi: Option<f64>,
    /// The source's own type label ("number", "numberrange", "ordinal.relative", …).
    pub kind: Option<String>,
    /// The source's unit label (Duckling constructor, quantulum unit name, …).
    pub unit: Option<String>,
    /// Recognizers-Text subtype: integer, decimal, fraction, power.
    pub subtype: Option<String>,
    /// Duckling dimension (Numeral, Quantity, Distance, AmountOfMoney, …).
    pub dimension: Option<String>,
    /// quantulum entity name ("currency", "length", …).
    pub entity: Option<String>,
    /// Byte span `[start, end)` of the item in the input (Recognizers-Text only).
    pub span: Option<(usize, usize)>,
    /// quantulum: `lo`/`hi` were derived from value ± uncertainty.
    pub derived: bool,
    /// quinex: the normalised modifier ("-", "~", "<", "!=", …).
    pub modifier: Option<String>,
}

impl Item {
    /// True when the item states a number to compare (a value or a bound).
    pub fn has_number(&self) -> bool {
        self.value.is_some() || self.lo.is_some() || self.hi.is_some()
    }
}

/// One line of a conformance file.
#[derive(Debug, Clone)]
pub struct Case {
    /// File name, e.g. `duckling_numeral_en.jsonl`.
    pub file: String,
    /// 1-based line number in the file.
    pub line: usize,
    /// Which suite the file belongs to.
    pub suite: Suite,
    /// The text given to `find`.
    pub input: String,
    /// `None`: the source makes no claim (robustness input); `Some(vec![])`: nothing must be found.
    pub expected: Option<Vec<Item>>,
    /// `owner/repo/path` the case came from.
    pub source: String,
    /// Test function or macro (number-parser, text2num).
    pub function: Option<String>,
    /// Test name (quinex, number-parser).
    pub test: Option<String>,
    /// Case-level Duckling dimension (set on the one negative case).
    pub dimension: Option<String>,
    /// text2num / number-parser expected output string.
    pub expected_output: Option<String>,
    /// quinex: the asserted number of quantities.
    pub expected_count: Option<usize>,
    /// quantulum: needs the trained disambiguator.
    pub needs_classifier: bool,
    /// quantulum spell-out cases: compare the ordered list of values.
    pub order_matters: bool,
    /// The whole (trimmed) input must be one expression.
    pub full_input: bool,
}

/// Every conformance file in a directory, parsed.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// `(file name, cases)` in file-name order.
    pub files: Vec<(String, Vec<Case>)>,
}

/// Reads every `*.jsonl` file in `dir` (in name order) and checks the case
/// counts against `MANIFEST.json` when one is present.
pub fn load(dir: &Path) -> Result<Corpus, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".jsonl") {
            names.push(name);
        }
    }
    names.sort();
    if names.is_empty() {
        return Err(format!("no *.jsonl files in {}", dir.display()));
    }
    let mut files = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let suite = Suite::from_file_name(&name);
        let mut cases = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: Value = serde_json::from_str(line)
                .map_err(|e| format!("{name}:{}: invalid JSON: {e}", n + 1))?;
            cases.push(parse_case(&name, n + 1, suite, &value)?);
        }
        files.push((name, cases));
    }
    check_manifest(dir, &files)?;
    Ok(Corpus { files })
}

/// Compares the case counts with `MANIFEST.json`, so a truncated copy is caught.
fn check_manifest(dir: &Path, files: &[(String, Vec<Case>)]) -> Result<(), String> {
    let path = dir.join("MANIFEST.json");
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(());
    };
    let manifest: Value = serde_json::from_str(&text)
        .map_err(|e| format!("{}: invalid JSON: {e}", path.display()))?;
    let Some(counts) = manifest.get("counts").and_then(Value::as_object) else {
        return Ok(());
    };
    let have: BTreeMap<&str, usize> = files.iter().map(|(n, c)| (n.as_str(), c.len())).collect();
    for (name, want) in counts {
        let want = want.as_u64().unwrap_or(0) as usize;
        match have.get(name.as_str()) {
            None => return Err(format!("MANIFEST.json lists {name}, which is missing")),
            Some(&got) if got != want => {
                return Err(format!("{name}: {got} cases, MANIFEST.json says {want}"));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn parse_case(file: &str, line: usize, suite: Suite, v: &Value) -> Result<Case, String> {
    let input = v
        .get("input")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{file}:{line}: no \"input\" string"))?
        .to_owned();
    let expected = match v.get("expected") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => {
            Some(items.iter().map(|item| parse_item(&input, item)).collect())
        }
        Some(other) => {
            return Err(format!(
                "{file}:{line}: \"expected\" is neither null nor a list: {other}"
            ));
        }
    };
    let function = string(v, "function");
    let full_input = match suite {
        Suite::Duckling => string(v, "match").as_deref() == Some("full_input"),
        Suite::NumberParser => matches!(
            function.as_deref(),
            Some("parse_number" | "parse_ordinal" | "parse_fraction")
        ),
        Suite::Text2num => {
            matches!(
                function.as_deref(),
                Some("assert_text2digits" | "assert_invalid")
            )
        }
        _ => false,
    };
    Ok(Case {
        file: file.to_owned(),
        line,
        suite,
        input,
        expected,
        source: string(v, "source").unwrap_or_default(),
        function,
        test: string(v, "test"),
        dimension: string(v, "dimension"),
        expected_output: string(v, "expected_output"),
        expected_count: v
            .get("expected_count")
            .and_then(Value::as_u64)
            .map(|n| n as usize),
        needs_classifier: flag(v, "needs_classifier"),
        order_matters: flag(v, "order_matters"),
        full_input,
    })
}

fn parse_item(input: &str, v: &Value) -> Item {
    let text = string(v, "text");
    let span = match (
        v.get("start").and_then(Value::as_u64),
        v.get("end_inclusive").and_then(Value::as_u64),
    ) {
        (Some(start), Some(end)) => char_span(input, start as usize, end as usize, text.as_deref()),
        _ => None,
    };
    Item {
        value: v.get("value").and_then(number),
        lo: v.get("lo").and_then(number),
        hi: v.get("hi").and_then(number),
        kind: string(v, "kind"),
        unit: string(v, "unit"),
        subtype: string(v, "subtype"),
        dimension: string(v, "dimension"),
        entity: string(v, "entity"),
        span,
        derived: flag(v, "derived"),
        modifier: string(v, "modifier_normalized"),
        text,
    }
}

/// Converts a character span with an inclusive end into a byte span `[start, end)`.
///
/// Falls back to searching for `text` (case-insensitively) when the offsets
/// do not land on it.
fn char_span(
    input: &str,
    start: usize,
    end_inclusive: usize,
    text: Option<&str>,
) -> Option<(usize, usize)> {
    let mut offsets: Vec<usize> = input.char_indices().map(|(b, _)| b).collect();
    offsets.push(input.len());
    let by_offsets = match (offsets.get(start), offsets.get(end_inclusive + 1)) {
        (Some(&s), Some(&e)) if s <= e => Some((s, e)),
        _ => None,
    };
    let Some(text) = text else {
        return by_offsets;
    };
    let wanted = text.to_lowercase();
    if let Some((s, e)) = by_offsets {
        if input[s..e].to_lowercase() == wanted {
            return Some((s, e));
        }
    }
    // Lower-casing can change byte lengths; only search when it did not.
    let lower = input.to_lowercase();
    match lower.find(&wanted) {
        Some(s) if lower.len() == input.len() && wanted.len() == text.len() => {
            Some((s, s + text.len()))
        }
        _ => by_offsets,
    }
}

/// A number, or a string holding a number or an `a/b` ratio.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let s = s.trim();
            if let Some((a, b)) = s.split_once('/') {
                let (a, b) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
                (b != 0.0).then(|| a / b)
            } else {
                s.parse().ok()
            }
        }
        _ => None,
    }
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}
