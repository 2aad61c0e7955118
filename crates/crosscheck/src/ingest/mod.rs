//! Reading articles from files and strings into [`Document`]s.
//!
//! Formats, chosen by extension (case-insensitive):
//!
//! - `.txt`/`.text` — one block per non-empty line. An optional header block
//!   of `Key: value` lines (Title, URL, Date or Published, Outlet or Source,
//!   Author, and a few aliases) ended by a blank line is read as metadata, but
//!   only when *every* line of the first block is such a line. A line starting
//!   with `#`…`######` and a space is a heading.
//! - `.md`/`.markdown` — YAML (`---`) or TOML (`+++`) front matter, then
//!   paragraphs separated by blank lines (soft-wrapped lines are joined with
//!   spaces), `#` and setext headings, list items, block quotes; inline markup
//!   (links, images, emphasis markers) is reduced to its text; fenced code is
//!   kept as furniture.
//! - `.html`/`.htm` — parsed with `scraper` (html5ever); see [`html`].
//! - `.jsonl`/`.ndjson` — one article per line: `id`, `title`, `outlet`,
//!   `published`, `url`, `author`, `text` (or `html`); see [`jsonl`].
//!
//! [`load_paths`] walks files and directories; [`load_paths_with`] does the
//! same within [`Limits`] other than the defaults; [`parse`] reads a string.
//!
//! **Errors.** Nothing here panics on any input. What could not be read at all
//! is an [`InputError`] in [`Load::errors`]: a path that does not exist, an
//! unreadable directory or file (permissions, a symbolic link loop, a FIFO or
//! device found in a directory), a binary file, a file over
//! [`Limits::max_file_bytes`], the documents past [`Limits::max_documents`],
//! a malformed JSONL line (named by file and line number; the other lines are
//! still read). An unreadable, binary or oversized *file* also gets a
//! placeholder [`Document`] (no blocks, the error in [`Document::errors`]) so
//! a report lists it under `documents[]`. Problems that leave a document
//! usable are warnings in [`Document::errors`] only: invalid UTF-8 (decoded
//! lossily, with U+FFFD for the bad bytes), a file or JSONL line with no
//! article text at all (empty, or nothing but scripts and page furniture),
//! unparsable front matter or publication date, a duplicate id (renamed
//! `id~2`, `id~3`, …).
//!
//! **File names.** Paths and ids are shown as lossy UTF-8, with control
//! characters (a name holding an ANSI escape, say) replaced by U+FFFD, so no
//! report format can carry them to a terminal; the file itself is read by
//! its real name.
//!
//! **Encodings.** Files are UTF-8 (a byte order mark is dropped). UTF-16 with
//! a byte order mark is decoded too. A file with a NUL byte and no UTF-16 byte
//! order mark is binary (an image, a PDF, a word-processor file saved with a
//! text extension) and is not read. Anything else that is not valid UTF-8 is
//! decoded lossily, with a warning naming the byte offset of the first bad
//! byte.

pub mod html;
pub mod jsonl;
mod markdown;
mod text;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::date::parse_published;
use crate::document::{Document, Format, Metadata};

/// The result of loading a batch: the documents, in input order, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Load {
    /// Documents in a deterministic order: arguments in the order given,
    /// directory entries sorted by name, JSONL lines in file order.
    pub documents: Vec<Document>,
    /// Input that could not be read.
    pub errors: Vec<InputError>,
}

impl Load {
    /// `other`'s documents and errors after this one's.
    fn append(&mut self, mut other: Load) {
        self.documents.append(&mut other.documents);
        self.errors.append(&mut other.errors);
    }
}

/// Something in the input that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// The path as given or found.
    pub path: String,
    /// 1-based line number, for a JSONL line.
    pub line: Option<usize>,
    /// The id of the placeholder document that carries this error, if any.
    pub doc: Option<String>,
    /// What went wrong, as a category.
    pub kind: InputErrorKind,
    /// What went wrong, for people.
    pub message: String,
}

/// Categories of [`InputError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputErrorKind {
    /// The path does not exist.
    NotFound,
    /// A file or directory exists but could not be read.
    Unreadable,
    /// A JSONL line is not a JSON object with article text.
    MalformedLine,
    /// A binary file (a NUL byte and no UTF-16 byte order mark).
    Binary,
    /// A file larger than [`Limits::max_file_bytes`].
    TooLarge,
    /// Documents past [`Limits::max_documents`] were not read.
    TooMany,
}

/// The default of [`Limits::max_file_bytes`]: 64 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The default of [`Limits::max_documents`]: one million.
pub const DEFAULT_MAX_DOCUMENTS: usize = 1_000_000;

/// Limits on what one load reads: the `[limits]` table of `crosscheck.toml`.
///
/// A file over `max_file_bytes` is not read (an [`InputErrorKind::TooLarge`]
/// error and a placeholder document); reading stops after `max_documents`
/// documents (one [`InputErrorKind::TooMany`] error naming the first file,
/// or JSONL line, not read, and how many more files were left).
///
/// ```
/// use crosscheck::ingest::Limits;
///
/// let limits = Limits::default();
/// assert_eq!(limits.max_file_bytes, 64 * 1024 * 1024);
/// assert_eq!(limits.max_documents, 1_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    /// The largest file read, in bytes (default [`DEFAULT_MAX_FILE_BYTES`]).
    pub max_file_bytes: u64,
    /// The most documents read in one load (default [`DEFAULT_MAX_DOCUMENTS`]);
    /// each JSONL line is a document.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_documents: DEFAULT_MAX_DOCUMENTS,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    pub(crate) fn new(path: &str, kind: InputErrorKind, message: impl Into<String>) -> Self {
        InputError {
            path: path.to_string(),
            line: None,
            doc: None,
            kind,
            message: message.into(),
        }
    }
}

/// A file to read and the id it gets.
struct Found {
    path: PathBuf,
    id: String,
    format: Format,
}

/// Load every article under `paths`.
///
/// Directories are walked recursively in sorted order; hidden files and
/// directories (names starting with `.`) and symbolic links to directories are
/// skipped, and so are files about the folder rather than articles — names
/// whose stem is all capitals, such as `README.md`, `LICENSE`, `CHANGELOG.md`
/// or `EXPECTED.md`. Only files with a known extension are read. A file given
/// directly is read whatever its name, as plain text when its extension is
/// unknown. Ids follow the report contract: the path relative to the argument
/// it was found under, without extension, `/`-separated; a file given
/// directly gets its file stem; a JSONL line is `<file id>/<line id or line
/// number>`. The same file reached twice is read once. The default
/// [`Limits`] apply; see [`load_paths_with`].
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Load {
    load_paths_with(paths, &Limits::default())
}

/// [`load_paths`] within `limits`: files over [`Limits::max_file_bytes`] are
/// not read, and reading stops after [`Limits::max_documents`] documents.
///
/// ```no_run
/// use std::path::PathBuf;
/// use crosscheck::ingest::{Limits, load_paths_with};
///
/// let limits = Limits { max_file_bytes: 1 << 20, max_documents: 10_000 };
/// let load = load_paths_with(&[PathBuf::from("news")], &limits);
/// for error in &load.errors {
///     eprintln!("{error}");
/// }
/// ```
pub fn load_paths_with<P: AsRef<Path>>(paths: &[P], limits: &Limits) -> Load {
    let mut load = Load::default();
    let never: Result<(), std::convert::Infallible> = load_paths_in_runs(paths, limits, |run| {
        load.append(run);
        Ok(())
    });
    match never {
        Ok(()) => load,
        Err(never) => match never {},
    }
}

/// [`load_paths_with`] a run at a time: `each` gets the documents and
/// errors of each run of files in turn (up to [`PARALLEL_RUN`] files read
/// in parallel, or one JSONL file), their ids already made unique across
/// the whole batch, so that a caller can work through a batch bigger than
/// memory. The runs joined are the [`Load`] of [`load_paths_with`]; the
/// errors of arguments that cannot be read come with the first run (alone
/// when nothing can be read). Stops at the first error `each` returns.
///
/// ```no_run
/// use std::path::PathBuf;
/// use crosscheck::ingest::{Limits, load_paths_in_runs};
///
/// let mut documents = 0;
/// load_paths_in_runs(&[PathBuf::from("news")], &Limits::default(), |run| {
///     documents += run.documents.len();
///     Ok::<(), std::io::Error>(())
/// })
/// .unwrap();
/// ```
pub fn load_paths_in_runs<P: AsRef<Path>, E>(
    paths: &[P],
    limits: &Limits,
    mut each: impl FnMut(Load) -> Result<(), E>,
) -> Result<(), E> {
    let mut first = Load::default();
    let mut found = Vec::new();
    for arg in paths {
        let arg = arg.as_ref();
        match fs::metadata(arg) {
            Err(e) => {
                let kind = if e.kind() == std::io::ErrorKind::NotFound {
                    InputErrorKind::NotFound
                } else {
                    InputErrorKind::Unreadable
                };
                first
                    .errors
                    .push(InputError::new(&display(arg), kind, io_message(&e)));
            }
            Ok(meta) if meta.is_dir() => walk(arg, arg, &mut found, &mut first.errors),
            Ok(_) => found.push(Found {
                path: arg.to_path_buf(),
                id: stem(arg),
                format: format_of(arg).unwrap_or(Format::Text),
            }),
        }
    }
    let total = found.len();
    // Each file's canonical path (a few system calls each) on rayon's pool;
    // the first file of each path is kept, in order.
    let canonical: Vec<PathBuf> = found
        .par_iter()
        .map(|file| fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone()))
        .collect();
    let mut seen = HashSet::with_capacity(total);
    let found: Vec<(usize, Found)> = found
        .into_iter()
        .zip(canonical)
        .enumerate()
        .filter_map(|(n, (file, path))| seen.insert(path).then_some((n, file)))
        .collect();
    let mut ids = UniqueIds::default();
    let mut read = 0;
    let mut pending = Some(first);
    let mut rest = found.as_slice();
    while let Some((n, file)) = rest.first() {
        let mut load = pending.take().unwrap_or_default();
        let room = limits.max_documents.saturating_sub(read);
        let mut stop = false;
        if room == 0 {
            load.errors
                .push(too_many(file, None, limits, total - n - 1));
            stop = true;
        } else {
            // A run of files that are not JSONL gives one document each:
            // read in parallel when the whole run fits under the limit,
            // merged in order (the same batch as reading one by one).
            let run = rest
                .iter()
                .take(room.min(PARALLEL_RUN))
                .take_while(|(_, f)| f.format != Format::Jsonl)
                .count();
            if run > 1 {
                let loads: Vec<Load> = rest[..run]
                    .par_iter()
                    .map(|(_, f)| read_file(f, limits, 1).0)
                    .collect();
                for one in loads {
                    load.append(one);
                }
                rest = &rest[run..];
            } else {
                let (one, stopped) = read_file(file, limits, room);
                load.append(one);
                if let Some(line) = stopped {
                    load.errors
                        .push(too_many(file, Some(line), limits, total - n - 1));
                    stop = true;
                }
                rest = &rest[1..];
            }
        }
        read += load.documents.len();
        ids.assign(&mut load.documents);
        each(load)?;
        if stop {
            return Ok(());
        }
    }
    match pending {
        Some(first) => each(first),
        None => Ok(()),
    }
}

/// How many files are read in parallel before their documents are merged.
const PARALLEL_RUN: usize = 4096;

/// The error for the first file (or JSONL line) not read because the batch
/// reached [`Limits::max_documents`].
fn too_many(file: &Found, line: Option<usize>, limits: &Limits, more: usize) -> InputError {
    let what = if line.is_some() {
        "this line and the rest of the file"
    } else {
        "this file"
    };
    let rest = match more {
        0 => String::new(),
        n => format!(" and {n} more file(s)"),
    };
    InputError {
        line,
        ..InputError::new(
            &display(&file.path),
            InputErrorKind::TooMany,
            format!(
                "not read: the batch reached {} document(s), the limit (limits.max-documents); {what}{rest} were not read",
                limits.max_documents
            ),
        )
    }
}

/// Read one article (or, for JSONL, a batch) from a string.
///
/// `id` and `path` label the result as [`load_paths`] would; for JSONL, `id`
/// is the file id that prefixes each line's id.
pub fn parse(source: &str, format: Format, id: &str, path: &str) -> Load {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut load = Load::default();
    match format {
        Format::Jsonl => {
            jsonl::parse_jsonl(source, id, path, usize::MAX, &mut load);
        }
        _ => load.documents.push(parse_one(source, format, id, path)),
    }
    dedupe_ids(&mut load.documents);
    load
}

/// Read one non-JSONL article from a string.
pub(crate) fn parse_one(source: &str, format: Format, id: &str, path: &str) -> Document {
    let doc = Document::empty(id, path, format);
    match format {
        Format::Html => html::parse_html(doc, source),
        Format::Markdown => markdown::parse_markdown(doc, source),
        Format::Text | Format::Jsonl => text::parse_text(doc, source),
    }
}

/// Read one file, taking at most `room` documents from it (JSONL). Returns
/// its documents and errors, and the JSONL line where reading stopped
/// because the batch reached [`Limits::max_documents`], if it did.
fn read_file(file: &Found, limits: &Limits, room: usize) -> (Load, Option<usize>) {
    let mut load = Load::default();
    let path = display(&file.path);
    let placeholder = |load: &mut Load, kind: InputErrorKind, message: String| {
        let mut doc = Document::empty(&file.id, &path, file.format);
        doc.errors.push(message.clone());
        let mut err = InputError::new(&path, kind, message);
        err.doc = Some(file.id.clone());
        load.errors.push(err);
        load.documents.push(doc);
    };
    let bytes = match read_limited(&file.path, limits.max_file_bytes) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(size)) => {
            let size = match size {
                Some(size) => format!("is {}", bytes_for_people(size)),
                None => "is larger than that".to_string(),
            };
            let message = format!(
                "not read: the file {size}, over the limit of {} (limits.max-file-bytes)",
                bytes_for_people(limits.max_file_bytes)
            );
            placeholder(&mut load, InputErrorKind::TooLarge, message);
            return (load, None);
        }
        Err(e) => {
            let message = format!("cannot read file: {}", io_message(&e));
            placeholder(&mut load, InputErrorKind::Unreadable, message);
            return (load, None);
        }
    };
    let (source, warning) = match decode(&bytes) {
        Ok(decoded) => decoded,
        Err(message) => {
            placeholder(&mut load, InputErrorKind::Binary, message);
            return (load, None);
        }
    };
    let source_text = source.strip_prefix('\u{feff}').unwrap_or(&source);
    let stopped = match file.format {
        Format::Jsonl => jsonl::parse_jsonl(source_text, &file.id, &path, room, &mut load),
        format => {
            load.documents
                .push(parse_one(source_text, format, &file.id, &path));
            None
        }
    };
    for doc in &mut load.documents {
        if !doc.blocks.iter().any(|b| b.role.is_article()) {
            let what = if file.format == Format::Jsonl {
                "this line"
            } else {
                "this file"
            };
            let warning = if doc.text.trim().is_empty() {
                format!("no article text: {what} has no text")
            } else {
                format!(
                    "no article text: every block of {what} was skipped as page furniture ({} block(s))",
                    doc.blocks.len()
                )
            };
            doc.errors.push(warning);
        }
        if let Some(warning) = &warning {
            doc.errors.insert(0, warning.clone());
        }
    }
    (load, stopped)
}

/// The bytes of a file, at most `max` of them: `Ok(Err(size))` when the file
/// is larger (`size` when known). Reads no more than `max + 1` bytes whatever
/// the file claims, so a device or a growing file cannot exhaust memory.
fn read_limited(path: &Path, max: u64) -> std::io::Result<Result<Vec<u8>, Option<u64>>> {
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is a directory",
        ));
    }
    if meta.is_file() && meta.len() > max {
        return Ok(Err(Some(meta.len())));
    }
    let hint = if meta.is_file() {
        meta.len().min(max)
    } else {
        0
    };
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Ok(Err(None));
    }
    Ok(Ok(bytes))
}

/// "64 MiB", "1.5 KiB", "12 bytes".
fn bytes_for_people(n: u64) -> String {
    const UNITS: &[(u64, &str)] = &[(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for &(size, unit) in UNITS {
        if n >= size {
            let v = n as f64 / size as f64;
            return if v.fract() == 0.0 {
                format!("{v} {unit} ({n} bytes)")
            } else {
                format!("{v:.1} {unit} ({n} bytes)")
            };
        }
    }
    format!("{n} bytes")
}

/// Decode a file's bytes: UTF-8 (lossily when invalid, with a warning naming
/// the first bad byte), or UTF-16 with a byte order mark. A file with a NUL
/// byte and no UTF-16 byte order mark is binary: `Err` with the message.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return Ok(utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return Ok(utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "not read: a binary file (NUL byte at byte {at}), not article text"
        ));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "invalid UTF-8 at byte {}; invalid bytes were replaced with U+FFFD",
                e.valid_up_to()
            )),
        ),
    })
}

/// UTF-16 after its byte order mark, lossily (unpaired surrogates and an odd
/// last byte become U+FFFD, with a warning).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> (String, Option<String>) {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut bad = bytes.len() % 2 == 1;
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            bad = true;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let warning =
        bad.then(|| format!("invalid {name}; invalid code units were replaced with U+FFFD"));
    (text, warning)
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<Found>, errors: &mut Vec<InputError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError::new(
                &display(dir),
                InputErrorKind::Unreadable,
                format!("cannot read directory: {}", io_message(&e)),
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries
        .filter_map(|entry| match entry {
            Ok(entry) => Some(entry),
            Err(e) => {
                errors.push(InputError::new(
                    &display(dir),
                    InputErrorKind::Unreadable,
                    format!("cannot read directory entry: {}", io_message(&e)),
                ));
                None
            }
        })
        .collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        // Follow links to files; skip links to directories (no cycles). A
        // link loop or a dangling link is kept, so reading it reports it.
        let (is_dir, regular) = if file_type.is_symlink() {
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => continue,
                Ok(meta) => (false, meta.is_file()),
                Err(_) => (false, true),
            }
        } else {
            (file_type.is_dir(), file_type.is_file())
        };
        if is_dir {
            walk(root, &path, found, errors);
        } else if is_repository_file(&name) {
            continue;
        } else if let Some(format) = format_of(&path) {
            if !regular {
                // A FIFO, socket or device: opening it could block forever.
                errors.push(InputError::new(
                    &display(&path),
                    InputErrorKind::Unreadable,
                    "not read: not a regular file (a FIFO, socket or device)",
                ));
                continue;
            }
            found.push(Found {
                id: relative_id(root, &path),
                path,
                format,
            });
        }
    }
}

/// `README.md`, `LICENSE`, `CHANGELOG.md`, `EXPECTED.md`: a name whose stem is
/// all capitals (and `_`/`-`) marks a file about the folder, not an article.
fn is_repository_file(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    stem.len() >= 4
        && stem
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-')
        && stem.chars().any(|c| c.is_ascii_uppercase())
}

fn format_of(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
}

/// A path as reports show it: lossy UTF-8, with control characters
/// replaced (see [`printable`]).
fn display(path: &Path) -> String {
    printable(&path.to_string_lossy())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| printable(&s.to_string_lossy()))
        .unwrap_or_else(|| display(path))
}

/// `s` with every control character (ANSI escapes, carriage returns,
/// backspaces, …) replaced by U+FFFD, so that a file name or a JSONL `id`
/// cannot write to the terminal of whoever reads the report.
pub(crate) fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// `sub/dir/name` for `root/sub/dir/name.ext`.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| printable(&c.as_os_str().to_string_lossy()))
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = stem(Path::new(last.as_str()));
    }
    parts.join("/")
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Give later documents with an id already used a `~2`, `~3`, … suffix,
/// with a warning in their errors. [`Auditor`](crate::Auditor) applies the
/// same rule to the documents it is given.
pub(crate) fn dedupe_ids(documents: &mut [Document]) {
    UniqueIds::default().assign(documents);
}

/// The ids given so far in a batch, so that documents read a run at a time
/// get the ids [`dedupe_ids`] gives the whole batch.
#[derive(Default)]
struct UniqueIds {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueIds {
    /// Renames each document whose id was given before: `a~2`, `a~3`, …,
    /// the first such id not given either, noted in the document's errors.
    fn assign(&mut self, documents: &mut [Document]) {
        for doc in documents.iter_mut() {
            if self.used.insert(doc.id.clone()) {
                continue;
            }
            let counter = self.next.entry(doc.id.clone()).or_insert(2);
            let mut candidate = format!("{}~{}", doc.id, counter);
            while self.used.contains(&candidate) {
                *counter += 1;
                candidate = format!("{}~{}", doc.id, counter);
            }
            *counter += 1;
            doc.errors.push(format!(
                "duplicate document id \"{}\"; this one is \"{}\"",
                doc.id, candidate
            ));
            self.used.insert(candidate.clone());
            doc.id = candidate;
        }
    }
}

/// Apply one metadata `key: value` (front matter, a text header, a JSONL
/// field). Returns whether the key is a recognised one.
pub(crate) fn apply_meta(
    meta: &mut Metadata,
    errors: &mut Vec<String>,
    key: &str,
    value: &str,
) -> bool {
    let key = key.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let value = crate::document::one_line(value);
    let slot = match key.as_str() {
        "title" | "headline" => &mut meta.title,
        "url" | "link" | "canonical" | "canonical_url" | "permalink" => &mut meta.url,
        "outlet" | "source" | "publisher" | "site" | "site_name" | "publication" => {
            &mut meta.outlet
        }
        "author" | "authors" | "byline" | "by" => &mut meta.author,
        "date" | "published" | "published_at" | "publish_date" | "publishdate" | "pubdate"
        | "date_published" | "published_time" | "published_date" => {
            if !value.is_empty() && meta.published.is_none() {
                match parse_published(&value) {
                    Some(date) => meta.published = Some(date),
                    None => errors.push(format!("unrecognised publication date \"{value}\"")),
                }
            }
            return true;
        }
        _ => return false,
    };
    if !value.is_empty() && slot.is_none() {
        *slot = Some(value);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_joined_are_the_load_with_ids_unique_across_runs() {
        let dir = std::env::temp_dir().join(format!("crosscheck-runs-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        // Sorted: a.md, a.txt (one run; both "a"), b.jsonl (a run of its
        // own, a line "a" of its own id "b/a"), c.md, c.txt (a run; both
        // "c"), and an argument that is not there.
        let files = [
            ("a.md", "The NIS said 5,000 troops were sent."),
            ("a.txt", "Kyiv said 12,000 troops were sent."),
            (
                "b.jsonl",
                "{\"id\": \"a\", \"text\": \"Seoul said 11,000 troops were sent.\"}\n{\"id\": \"a\", \"text\": \"Again.\"}\n",
            ),
            ("c.md", "Officials said 3,000 workers went."),
            ("c.txt", "Officials said 4,000 workers went."),
        ];
        for (name, text) in files {
            fs::write(dir.join(name), text).unwrap();
        }
        let paths = [dir.clone(), dir.join("missing")];
        let whole = load_paths_with(&paths, &Limits::default());
        let mut runs: Vec<Load> = Vec::new();
        load_paths_in_runs(&paths, &Limits::default(), |run| {
            runs.push(run);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[0].errors.len(), 1, "the missing argument comes first");
        let mut joined = Load::default();
        for run in runs {
            joined.append(run);
        }
        assert_eq!(joined.errors, whole.errors);
        assert_eq!(joined.documents, whole.documents);
        let ids: Vec<&str> = whole.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "b/a", "b/a~2", "c", "c~2"]);
        // Stopped by the caller after the first run.
        let mut seen = 0;
        let stopped = load_paths_in_runs(&paths, &Limits::default(), |_| {
            seen += 1;
            Err("enough")
        });
        assert_eq!((stopped, seen), (Err("enough"), 1));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn relative_ids_are_slash_separated_without_extension() {
        let root = Path::new("batch");
        assert_eq!(relative_id(root, Path::new("batch/sub/a.b.txt")), "sub/a.b");
        assert_eq!(relative_id(root, Path::new("batch/x.md")), "x");
    }

    #[test]
    fn repository_files_are_recognised() {
        for name in [
            "README.md",
            "LICENSE",
            "LICENSE-MIT",
            "CHANGELOG.md",
            "EXPECTED.md",
            "CODE_OF_CONDUCT.md",
        ] {
            assert!(is_repository_file(name), "{name}");
        }
        for name in [
            "readme.md",
            "NK.txt",
            "000_c66b.txt",
            "Report.md",
            "UN-2025.txt",
        ] {
            assert!(!is_repository_file(name), "{name}");
        }
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let mut docs = vec![
            Document::empty("a", "", Format::Text),
            Document::empty("a", "", Format::Text),
            Document::empty("a~2", "", Format::Text),
            Document::empty("a", "", Format::Text),
        ];
        dedupe_ids(&mut docs);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "a~2~2", "a~3"]);
        assert!(docs[1].errors[0].contains("duplicate document id"));
    }

    #[test]
    fn decode_reports_invalid_utf8() {
        let (text, warning) = decode(b"ok \xff then").unwrap();
        assert_eq!(text, "ok \u{fffd} then");
        assert!(warning.unwrap().contains("byte 3"));
        assert_eq!(decode(b"fine").unwrap().1, None);
    }

    #[test]
    fn decode_refuses_binary_and_reads_utf16() {
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(e.contains("binary file (NUL byte at byte 8)"), "{e}");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("5,000 troops".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("5,000 troops".to_string(), None));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("über".encode_utf16().flat_map(u16::to_be_bytes))
            .chain([0xd8, 0x00]) // an unpaired surrogate
            .collect();
        let (text, warning) = decode(&be).unwrap();
        assert_eq!(text, "über\u{fffd}");
        assert!(warning.unwrap().contains("UTF-16BE"));
    }

    #[test]
    fn ids_and_paths_are_printable() {
        let root = Path::new("batch");
        let path = Path::new("batch/sub\u{1b}[2J/evil\r\u{7}.txt");
        assert_eq!(
            relative_id(root, path),
            "sub\u{fffd}[2J/evil\u{fffd}\u{fffd}"
        );
        assert_eq!(
            display(path),
            "batch/sub\u{fffd}[2J/evil\u{fffd}\u{fffd}.txt"
        );
        assert_eq!(stem(Path::new("a\u{1b}b.md")), "a\u{fffd}b");
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(bytes_for_people(12), "12 bytes");
        assert_eq!(bytes_for_people(64 << 20), "64 MiB (67108864 bytes)");
        assert_eq!(bytes_for_people(1536), "1.5 KiB (1536 bytes)");
    }

    #[test]
    fn meta_keys_and_bad_dates() {
        let mut meta = Metadata::default();
        let mut errors = Vec::new();
        assert!(apply_meta(
            &mut meta,
            &mut errors,
            "Title",
            " Troops  sent "
        ));
        assert!(apply_meta(&mut meta, &mut errors, "Published", "someday"));
        assert!(apply_meta(&mut meta, &mut errors, "Date", "June 26, 2025"));
        assert!(!apply_meta(&mut meta, &mut errors, "Update", "x"));
        assert_eq!(meta.title.as_deref(), Some("Troops sent"));
        assert_eq!(meta.published, Some(jiff::civil::date(2025, 6, 26)));
        assert_eq!(errors, ["unrecognised publication date \"someday\""]);
    }

    #[test]
    fn parse_strips_a_byte_order_mark() {
        let load = parse("\u{feff}Title: X\n\nBody line.", Format::Text, "x", "");
        assert_eq!(load.documents[0].title.as_deref(), Some("X"));
    }
}
