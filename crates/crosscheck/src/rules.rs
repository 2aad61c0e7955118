//! What each rule finds and why it matters, with an example batch that
//! triggers it and one that does not — the text `crosscheck rule CODE`
//! prints. A test audits every example, so the explanations cannot drift
//! from what the rules do.

use std::fmt::Write;

use crosscheck_score::RULES;

/// The editor-facing explanation of one rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// "CC001".
    pub code: &'static str,
    /// Why an editor should care.
    pub why: &'static str,
    /// Articles (one per line) that trigger the rule.
    pub triggers: &'static [&'static str],
    /// Articles (one per line) that do not.
    pub passes: &'static [&'static str],
    /// `crosscheck.toml` keys that tune it.
    pub config: &'static str,
}

/// Every rule's explanation, in code order.
pub const RULE_DOCS: &[RuleDoc] = &[
    RuleDoc {
        code: "CC001",
        why: "Two sources give figures for the same thing over the same time that cannot both be true once rounding and qualifiers are allowed for. One of them is wrong, or they count different things: either way the copy must not state both as fact.",
        triggers: &[
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            "Red Cross officials said 900 people were killed in the flood on Monday.",
        ],
        passes: &[
            "The Health Ministry said about 120 people were killed in the flood on Monday.",
            "Red Cross officials said 125 people were killed in the flood on Monday.",
        ],
        config: "[tolerances] about, nearly, round, vague; [findings] severity.CC001, ignore",
    },
    RuleDoc {
        code: "CC003",
        why: "A running total that grows between dated articles or time scopes is a revision, not a conflict: use the latest figure and say when it was counted.",
        triggers: &[
            "Title: Early count\nDate: 2025-03-01\n\nThe ministry said about 11,000 troops have been sent in total so far.",
            "Title: Later count\nDate: 2025-09-01\n\nThe ministry said about 15,000 troops have been sent in total so far.",
        ],
        passes: &[],
        config: "[tolerances] revision-days",
    },
    RuleDoc {
        code: "CC004",
        why: "Agreement counts only when it comes from independent origins. This finding says which origins agree, so the copy can say the figure is corroborated.",
        triggers: &[
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            "Red Cross officials said about 120 people were killed in the flood on Monday.",
        ],
        passes: &[
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            "Reuters, citing the Health Ministry, said 120 people were killed in the flood on Monday.",
        ],
        config: "[[sources]] (who is independent of whom: part_of)",
    },
    RuleDoc {
        code: "CC007",
        why: "Several articles give the same figure, but every one traces back to the same origin: that is repetition, not corroboration.",
        triggers: &[
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            "Reuters, citing the Health Ministry, said 120 people were killed in the flood on Monday.",
        ],
        passes: &[
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            "Red Cross officials said about 120 people were killed in the flood on Monday.",
        ],
        config: "[[sources]] part_of (which bodies share an origin)",
    },
    RuleDoc {
        code: "CC005",
        why: "A figure that only one article gives cannot be checked against anything in the batch; say where it comes from, or find a second source.",
        triggers: &["The agency said 4,000 drones were delivered."],
        passes: &[],
        config: "[findings] ignore, severity.CC005",
    },
    RuleDoc {
        code: "CC006",
        why: "A figure with no source in its sentence or the article before it: the reader cannot tell whose number it is.",
        triggers: &["About 3,000 homes were destroyed in the storm."],
        passes: &["The fire service said about 3,000 homes were destroyed in the storm."],
        config: "[findings] severity.CC006",
    },
];

/// The explanation of `code`, with its rule table entry, as printed by `crosscheck rule`.
pub fn explain(code: &str) -> Option<String> {
    let rule = RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)?;
    let doc = RULE_DOCS.iter().find(|d| d.code == rule.code);
    let mut out = String::new();
    let kind = serde_json::to_value(rule.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {} ({kind}, {} by default)",
        rule.code,
        rule.name,
        rule.severity.as_str()
    );
    let _ = writeln!(out, "\n  {}", rule.summary);
    if let Some(d) = doc {
        let _ = writeln!(out, "\nWhy it matters\n  {}", d.why);
        if !d.triggers.is_empty() {
            out.push_str("\nTriggered by (one article per line)\n");
            for a in d.triggers {
                let _ = writeln!(out, "  {a}");
            }
        }
        if !d.passes.is_empty() {
            out.push_str("\nNot triggered by\n");
            for a in d.passes {
                let _ = writeln!(out, "  {a}");
            }
        }
        let _ = writeln!(out, "\nTuned by\n  {}", d.config);
    }
    Some(out)
}

/// Every rule, one explanation after another.
pub fn explain_all() -> String {
    RULES
        .iter()
        .filter_map(|r| explain(r.code))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Auditor, Format, ingest};

    fn codes(articles: &[&str]) -> Vec<String> {
        let docs: Vec<_> = articles
            .iter()
            .enumerate()
            .flat_map(|(n, a)| ingest::parse(a, Format::Text, &format!("d{n}"), "").documents)
            .collect();
        Auditor::new()
            .audit(&docs)
            .findings
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn every_example_does_what_its_rule_says() {
        for d in RULE_DOCS {
            if !d.triggers.is_empty() {
                let found = codes(d.triggers);
                assert!(
                    found.iter().any(|c| c == d.code),
                    "{}: triggers gave {found:?}",
                    d.code
                );
            }
            if !d.passes.is_empty() {
                let found = codes(d.passes);
                assert!(
                    !found.iter().any(|c| c == d.code),
                    "{}: passes gave {found:?}",
                    d.code
                );
            }
        }
    }

    #[test]
    fn every_rule_is_explained() {
        for r in RULES {
            let text = explain(r.code).expect("every rule explains itself");
            assert!(text.contains(r.name));
        }
        assert!(explain("CC999").is_none());
    }
}
