//! The report's pretty JSON written in parts: each part serialized at the
//! depth it sits at, so that the parts of a long list can be serialized on
//! rayon's pool and written in order, byte for byte what
//! `serde_json::to_writer_pretty` writes of the whole.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;

use crate::report::Report;

/// Writes the report's pretty JSON and a newline to `out`: its members in
/// the order `#[derive(Serialize)]` writes them.
pub(super) fn write_report(report: &Report, out: impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    out.write_all(b"{\n")?;
    field(out, "schema", &report.schema)?;
    out.write_all(b",\n")?;
    list(out, "documents", &report.documents)?;
    out.write_all(b",\n")?;
    list(out, "claims", &report.claims)?;
    out.write_all(b",\n")?;
    list(out, "clusters", &report.clusters)?;
    out.write_all(b",\n")?;
    list(out, "findings", &report.findings)?;
    out.write_all(b",\n")?;
    list(out, "sources", &report.sources)?;
    out.write_all(b",\n")?;
    list(out, "outlets", &report.outlets)?;
    if let Some(summary) = &report.summary {
        out.write_all(b",\n")?;
        field(out, "summary", summary)?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// serde_json's `PrettyFormatter` (two spaces a level) starting `depth`
/// levels deep: the lines of a value inside the report's top-level object
/// or one of its lists.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn newline(&self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        /// A new line and the indent of up to 16 levels, written as one
        /// slice (the report nests 6 deep).
        const INDENTED: &[u8; 33] = b"\n                                ";
        let mut indent = 2 * self.depth;
        let first = indent.min(INDENTED.len() - 1);
        w.write_all(&INDENTED[..=first])?;
        indent -= first;
        while indent > 0 {
            let more = indent.min(INDENTED.len() - 1);
            w.write_all(&INDENTED[1..=more])?;
            indent -= more;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open(&mut self, w: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own after a value.
    fn close(&mut self, w: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    /// Before an entry or a key: a comma after the first, a new line.
    fn entry(&self, w: &mut (impl Write + ?Sized), first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

// The same steps as `PrettyFormatter`'s.
impl Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Appends the pretty JSON of `value`, `depth` levels deep, to `out`.
fn at<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) -> io::Result<()> {
    let formatter = Nested {
        depth,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    Ok(())
}

/// `  "name": `, the start of a member of the report's top-level object.
fn member(name: &str) -> io::Result<Vec<u8>> {
    let mut head = b"  ".to_vec();
    at(&mut head, name, 1)?;
    head.extend_from_slice(b": ");
    Ok(head)
}

/// `  "name": value`, a member of the report's top-level object.
fn field<T: Serialize + ?Sized>(out: &mut impl Write, name: &str, value: &T) -> io::Result<()> {
    let mut buf = member(name)?;
    at(&mut buf, value, 1)?;
    out.write_all(&buf)
}

/// How many entries of a list are serialized at a time (on rayon's pool,
/// in runs of [`RUN`]) before they are written.
const SLICE: usize = 2048;

/// Entries one task of rayon's pool serializes.
const RUN: usize = 64;

/// `  "name": [ … ]`, a list member of the report's top-level object.
fn list<T: Serialize + Sync>(out: &mut impl Write, name: &str, list: &[T]) -> io::Result<()> {
    let mut head = member(name)?;
    if list.is_empty() {
        head.extend_from_slice(b"[]");
        return out.write_all(&head);
    }
    head.push(b'[');
    out.write_all(&head)?;
    for (n, slice) in list.chunks(SLICE).enumerate() {
        let runs: Vec<Vec<u8>> = slice
            .par_chunks(RUN)
            .map(|entries| {
                let mut buf = Vec::new();
                for entry in entries {
                    buf.extend_from_slice(b",\n    ");
                    at(&mut buf, entry, 2)?;
                }
                Ok(buf)
            })
            .collect::<io::Result<_>>()?;
        for (k, run) in runs.iter().enumerate() {
            // The list's first entry follows its bracket without a comma.
            let skip = usize::from(n == 0 && k == 0);
            out.write_all(&run[skip..])?;
        }
    }
    out.write_all(b"\n  ]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Nest {
        name: &'static str,
        empty: Vec<u8>,
        list: Vec<Vec<u32>>,
        map: std::collections::BTreeMap<&'static str, Option<f64>>,
        none: Option<u8>,
    }

    fn nest(k: u32) -> Nest {
        Nest {
            name: "a \"quoted\"\nline",
            empty: Vec::new(),
            list: vec![vec![], vec![k, k + 1]],
            map: [("x", Some(1.5)), ("y", None)].into_iter().collect(),
            none: None,
        }
    }

    #[derive(Serialize)]
    struct Top {
        schema: &'static str,
        items: Vec<Nest>,
        nothing: Vec<Nest>,
        last: Nest,
    }

    #[test]
    fn parts_written_in_order_are_the_pretty_json_of_the_whole() {
        // More entries than a slice, so several slices and runs are joined.
        let top = Top {
            schema: "s",
            items: (0..(SLICE as u32 + 3 * RUN as u32 + 5)).map(nest).collect(),
            nothing: Vec::new(),
            last: nest(9),
        };
        let mut ours = b"{\n".to_vec();
        field(&mut ours, "schema", &top.schema).unwrap();
        ours.extend_from_slice(b",\n");
        list(&mut ours, "items", &top.items).unwrap();
        ours.extend_from_slice(b",\n");
        list(&mut ours, "nothing", &top.nothing).unwrap();
        ours.extend_from_slice(b",\n");
        field(&mut ours, "last", &top.last).unwrap();
        ours.extend_from_slice(b"\n}");
        let whole = serde_json::to_vec_pretty(&top).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }

    #[test]
    fn values_nested_deeper_than_one_indent_slice_are_indented_as_serde_json_does() {
        // 40 levels: the indent of the deepest lines takes several slices.
        let mut value = serde_json::json!([1, {"k": "v"}]);
        for _ in 0..40 {
            value = serde_json::json!([value, 2]);
        }
        let mut ours = Vec::new();
        at(&mut ours, &value, 0).unwrap();
        let whole = serde_json::to_vec_pretty(&value).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }

    #[test]
    fn the_report_is_written_as_serde_json_writes_it() {
        let docs = [
            crate::Document::from_text(
                "a",
                "The Health Ministry said 120 people were killed in the flood on Monday.",
            ),
            crate::Document::from_text(
                "b",
                "Red Cross officials said 900 people were killed in the flood on Monday.",
            ),
        ];
        let mut report = crate::Auditor::new().audit(&docs);
        assert!(report.summary.is_some() && !report.findings.is_empty());
        for _ in 0..2 {
            let mut ours = Vec::new();
            crate::render::write_json(&report, &mut ours).unwrap();
            let mut whole = serde_json::to_vec_pretty(&report).unwrap();
            whole.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(whole).unwrap()
            );
            // And without a summary, whose member is then left out.
            report.summary = None;
        }
    }
}
