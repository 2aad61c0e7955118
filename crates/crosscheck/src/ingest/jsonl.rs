//! JSON Lines: one article per line.
//!
//! Each non-blank line is a JSON object with the article's `text` (plain text,
//! one block per non-empty line) or `html` (read as an HTML page), and
//! optionally `id`, `title`, `outlet` (or `source`, `publisher`, `site`),
//! `published` (or `date`), `url`, `author`. Unknown fields are ignored. A
//! line's document id is `<file id>/<id>` (control characters in `id`
//! replaced by U+FFFD), or `<file id>/<line number>` when the line has no
//! usable `id`. A line that is not a JSON object, or has no
//! text, is an [`InputError`] naming the file and line; the other lines are
//! still read.

use serde_json::{Map, Value};

use crate::document::{Document, Format, Metadata};
use crate::ingest::{InputError, InputErrorKind, Load, apply_meta, parse_one, printable};

/// Read every line of a JSONL file into `load`, at most `room` documents:
/// returns the line where reading stopped when a further document did not
/// fit.
pub(crate) fn parse_jsonl(
    source: &str,
    file_id: &str,
    path: &str,
    room: usize,
    load: &mut Load,
) -> Option<usize> {
    let mut read = 0;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let problem = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => match read_line(&fields, file_id, number, path) {
                Ok(_) if read >= room => return Some(number),
                Ok(doc) => {
                    load.documents.push(doc);
                    read += 1;
                    continue;
                }
                Err(problem) => problem,
            },
            Ok(_) => "not a JSON object".to_string(),
            Err(e) => format!("invalid JSON: {e}"),
        };
        load.errors.push(InputError {
            line: Some(number),
            ..InputError::new(path, InputErrorKind::MalformedLine, problem)
        });
    }
    None
}

fn read_line(
    fields: &Map<String, Value>,
    file_id: &str,
    number: usize,
    path: &str,
) -> Result<Document, String> {
    let line_id = match fields.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => printable(s.trim()),
        Some(Value::Number(n)) => n.to_string(),
        _ => number.to_string(),
    };
    let id = format!("{file_id}/{line_id}");
    let text_field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| fields.get(*n).and_then(Value::as_str))
    };
    let mut doc = if let Some(text) = text_field(&["text", "body", "content"]) {
        parse_one(text, Format::Text, &id, path)
    } else if let Some(html) = text_field(&["html"]) {
        parse_one(html, Format::Html, &id, path)
    } else {
        return Err("no \"text\" (or \"html\") string field".to_string());
    };
    doc.format = Format::Jsonl;
    let mut meta = Metadata::default();
    let mut errors = Vec::new();
    // Fields in a fixed order, so the first of two aliases wins predictably.
    for key in [
        "title",
        "headline",
        "outlet",
        "source",
        "publisher",
        "site",
        "published",
        "date",
        "published_at",
        "url",
        "link",
        "author",
        "authors",
        "byline",
    ] {
        let Some(value) = fields.get(key) else {
            continue;
        };
        let value = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            _ => continue,
        };
        apply_meta(&mut meta, &mut errors, key, &value);
    }
    // Line fields take precedence over what a text header or page said.
    doc.title = meta.title.or(doc.title);
    doc.outlet = meta.outlet.or(doc.outlet);
    doc.url = meta.url.or(doc.url);
    doc.author = meta.author.or(doc.author);
    doc.published = meta.published.or(doc.published);
    doc.errors.extend(errors);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Load {
        let mut load = Load::default();
        parse_jsonl(source, "batch", "batch.jsonl", usize::MAX, &mut load);
        load
    }

    #[test]
    fn lines_become_documents_with_ids() {
        let load = parse(concat!(
            r#"{"id": "a1", "title": "Troops", "outlet": "Planet", "published": "2025-06-26", "url": "https://planet.test/a1", "text": "Officials said 5,000 troops were sent.\nRead next\nOther story."}"#,
            "\n\n",
            r#"{"text": "No id here.", "date": "June 26, 2025", "id": 7}"#,
            "\n",
            r#"{"text": "Neither.", "id": ""}"#,
        ));
        assert!(load.errors.is_empty(), "{:?}", load.errors);
        let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["batch/a1", "batch/7", "batch/4"]);
        let first = &load.documents[0];
        assert_eq!(first.title.as_deref(), Some("Troops"));
        assert_eq!(first.outlet.as_deref(), Some("Planet"));
        assert_eq!(first.published, Some(jiff::civil::date(2025, 6, 26)));
        assert_eq!(first.format, Format::Jsonl);
        assert_eq!(first.blocks.len(), 3);
        assert_eq!(first.skipped().len(), 2);
        assert_eq!(
            load.documents[1].published,
            Some(jiff::civil::date(2025, 6, 26))
        );
    }

    #[test]
    fn malformed_lines_are_errors_with_line_numbers() {
        let load = parse(
            "{\"text\": \"Good.\"}\n{not json\n[1, 2]\n{\"title\": \"no text\"}\n{\"text\": \"Also good.\"}",
        );
        assert_eq!(load.documents.len(), 2);
        let lines: Vec<Option<usize>> = load.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        assert!(
            load.errors
                .iter()
                .all(|e| e.kind == InputErrorKind::MalformedLine)
        );
        assert!(
            load.errors[0]
                .to_string()
                .starts_with("batch.jsonl:2: invalid JSON")
        );
    }

    #[test]
    fn reading_stops_at_the_room_left_and_names_the_line() {
        let mut load = Load::default();
        let stopped = parse_jsonl(
            "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n",
            "batch",
            "batch.jsonl",
            1,
            &mut load,
        );
        assert_eq!(stopped, Some(3));
        assert_eq!(load.documents.len(), 1);
    }

    #[test]
    fn html_field_is_read_as_a_page() {
        let load = parse(
            r#"{"id": "h", "html": "<p>Officials said 5,000 troops were sent.</p><div class='comments'>Nope.</div>"}"#,
        );
        let doc = &load.documents[0];
        assert_eq!(doc.article_blocks().count(), 1);
        assert_eq!(doc.skipped().len(), 1);
    }
}
