//! `crosscheck quantities`: the grammar over stdin, one JSON array per line.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use crosscheck::request::quantities_of;

/// The text of one input line: the `input` field of a JSON object, or the line itself.
fn input_of(line: &str) -> String {
    if line.trim_start().starts_with('{') {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(line) {
            if let Some(serde_json::Value::String(s)) = map.get("input") {
                return s.clone();
            }
        }
    }
    line.to_string()
}

/// Reads lines from `input` and writes one JSON array per line to `output`.
/// Invalid UTF-8 is decoded lossily (U+FFFD), so offsets refer to the decoded line.
pub fn run(mut input: impl BufRead, mut output: impl Write) -> Result<ExitCode> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).context("reading stdin")?;
        if n == 0 {
            break;
        }
        if buf.ends_with(b"\n") {
            buf.pop();
            if buf.ends_with(b"\r") {
                buf.pop();
            }
        }
        let line = String::from_utf8_lossy(&buf);
        let text = input_of(&line);
        // The same items as the server's `POST /v1/quantities`.
        let items = quantities_of(&text);
        serde_json::to_writer(&mut output, &items).context("writing stdout")?;
        output.write_all(b"\n").context("writing stdout")?;
    }
    output.flush().context("writing stdout")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        run(input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn plain_line_gives_two_items_with_intervals() {
        let out = lines("about 5,000 troops and more than 10 million shells\n");
        assert_eq!(out.len(), 1);
        let items = out[0].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["text"], "about 5,000");
        assert_eq!(items[0]["low"], 5000.0);
        assert_eq!(items[0]["qualifier"], "about");
        assert_eq!(items[1]["low"], 1e7);
        assert!(items[1]["high"].is_null());
    }

    #[test]
    fn json_line_reads_the_input_field() {
        let out = lines("{\"input\": \"81%\"}\n\n");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0][0]["kind"], "percent");
        assert_eq!(out[1], serde_json::json!([]));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let mut out = Vec::new();
        run(&b"\xff 12 troops\n"[..], &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v[0]["text"], "12");
    }
}
