//! `crosscheck.toml`: how a newsroom configures crosscheck once, for every run.
//!
//! The file is found in the working directory or the nearest parent that has
//! one ([`Config::discover`]), or given with `--config PATH`; without a file
//! every setting has its default. `crosscheck config` prints the effective
//! configuration with the defaults filled in ([`Config::to_toml`]).
//!
//! ```toml
//! format = "concise"                 # default --format of `audit`
//!
//! [tolerances]                       # crosscheck_score::Tolerances, any subset
//! about = 0.15
//! revision-days = 14
//!
//! [findings]
//! ignore = ["CC005"]                 # rules never reported
//! min-severity = "warning"           # findings below it are not reported
//! fail-on = "warning"                # default --fail-on
//! [findings.severity]                # per-rule severity
//! CC006 = "error"
//!
//! [files]                            # globs, relative to this file's folder
//! include = ["articles/**"]
//! exclude = ["**/drafts/**", "*.html"]
//!
//! [limits]                           # crosscheck::ingest::Limits
//! max-file-bytes = 67108864          # larger files are not read (64 MiB)
//! max-documents = 1000000            # reading stops after this many
//!
//! thesaurus = [["troops", "soldiers", "military personnel"]]
//!
//! [[boilerplate]]                    # extra page furniture, by regex on a block
//! pattern = "(?i)^follow us on "
//! role = "subscribe"
//!
//! [[sources]]                        # crosscheck_claims::registry::SourceEntry
//! id = "KIDA"
//! kind = "expert"
//! aliases = ["Korea Institute for Defense Analyses"]
//! ```
//!
//! (In a real file `thesaurus` must come before the first `[table]`, as any
//! top-level key in TOML; `crosscheck.example.toml` in the repository root is
//! a complete, documented example that the tests load.)
//!
//! **Validation is strict.** Unknown keys, wrong types, unknown rule codes,
//! invalid regular expressions or globs, a source entry without an id or with
//! a prior outside 0..1, and negative tolerances are all a [`ConfigError`]
//! that names the file, the line and the key, with a suggestion when a key or
//! value is close to a known one:
//!
//! ```text
//! unknown key "tolerence" in crosscheck.toml:4 — did you mean "tolerances"?
//! ```
//!
//! **Boilerplate patterns.** The boilerplate classifier in `crosscheck-claims`
//! has no hook for user patterns, so they are applied here, after ingest:
//! [`Auditor::apply_boilerplate`](crate::Auditor::apply_boilerplate) gives
//! every article block whose whole text matches a pattern (regex syntax of
//! the `regex` crate, searched anywhere in the block unless anchored with `^`
//! / `$`) the pattern's role, with the rule name `"config-boilerplate"`, so
//! its figures are not claims and it is listed in `documents[].skipped[]`. A
//! pattern only re-roles single blocks: it cannot open a comment section the
//! way the built-in section headers do.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crosscheck_claims::boilerplate::BlockRole;
use crosscheck_claims::registry::SourceEntry;
use crosscheck_score::{Severity, Tolerances};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::ingest::{Limits, Load};

/// The file name searched for.
pub const FILE_NAME: &str = "crosscheck.toml";

/// The rule name given to blocks re-roled by a configured boilerplate pattern.
pub const BOILERPLATE_RULE: &str = "config-boilerplate";

/// The effective configuration: what a `crosscheck.toml` said, with defaults
/// for everything it did not say. `Config::default()` is the configuration
/// in force when there is no file.
///
/// [`Config::resolve`] is what the binary does (`--config PATH`, else the
/// nearest `crosscheck.toml`, else the defaults); [`Config::from_toml`]
/// reads a string; [`Auditor::with_config`](crate::Auditor::with_config)
/// turns a configuration into an auditor.
///
/// ```
/// use std::path::Path;
/// use crosscheck::{Auditor, config::Config};
///
/// let toml = "[findings]\nignore = [\"CC005\"]\n\n[tolerances]\nabout = 0.2\n";
/// let config = Config::from_toml(toml, Path::new("crosscheck.toml")).unwrap();
/// assert_eq!(config.findings.ignore, ["CC005"]);
/// assert_eq!(config.tolerances.about, 0.2);
/// let auditor = Auditor::with_config(&config);
/// assert_eq!(auditor.tolerances().about, 0.2);
///
/// // Errors name the file, the line and the key, with a suggestion.
/// let err = Config::from_toml("[tolerances]\nabuot = 0.2\n", Path::new("crosscheck.toml")).unwrap_err();
/// assert_eq!(err.line, Some(2));
/// assert_eq!(err.suggestion.as_deref(), Some("about"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// Default output format of `audit`.
    pub format: OutputFormat,
    /// Finding rules: ignored rules, severity overrides and thresholds.
    pub findings: FindingRules,
    /// Which files in the directories given are read.
    pub files: Files,
    /// The largest file and the most documents read
    /// ([`load_paths_with`](crate::ingest::load_paths_with)).
    pub limits: Limits,
    /// Interval tolerances by qualifier.
    pub tolerances: Tolerances,
    /// Synonym groups of counted things, added to the built-in thesaurus
    /// (`crosscheck_cluster::Thesaurus::extend`).
    pub thesaurus: Vec<Vec<String>>,
    /// Extra boilerplate patterns.
    pub boilerplate: Vec<BoilerplatePattern>,
    /// Source registry extensions (`SourceRegistry::extend`).
    pub sources: Vec<SourceEntry>,
}

/// Output formats of `crosscheck audit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputFormat {
    /// Findings for a terminal.
    #[default]
    Text,
    /// Report v1 (`crosscheck.report.v1`).
    Json,
    /// One finding per line, as JSON.
    JsonLines,
    /// One line per finding: `path:line:col: CC001 message`.
    Concise,
    /// A Markdown summary.
    Markdown,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// One self-contained HTML page.
    Html,
}

/// The least severe finding that makes the exit code 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Errors only.
    #[default]
    Error,
    /// Warnings and errors.
    Warning,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    /// Whether a finding of this severity (`"error"`, `"warning"`, `"info"`) fails the run.
    pub fn fails(self, severity: &str) -> bool {
        match self {
            FailOn::Error => severity == "error",
            FailOn::Warning => severity == "error" || severity == "warning",
            FailOn::Never => false,
        }
    }
}

/// `[findings]`: which findings are reported and how severe they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FindingRules {
    /// Rule codes never reported (`["CC005"]`).
    pub ignore: Vec<String>,
    /// Findings less severe than this are not reported (default `info`: all).
    pub min_severity: Severity,
    /// Default of `--fail-on`.
    pub fail_on: FailOn,
    /// Severity per rule code, replacing the rule's own.
    pub severity: BTreeMap<String, Severity>,
}

impl Default for FindingRules {
    fn default() -> Self {
        FindingRules {
            ignore: Vec::new(),
            min_severity: Severity::Info,
            fail_on: FailOn::Error,
            severity: BTreeMap::new(),
        }
    }
}

/// `[files]`: globs choosing the files read from directories.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Files {
    /// When not empty, only files matching one of these are read.
    pub include: Vec<String>,
    /// Files matching one of these are not read (exclude wins over include).
    pub exclude: Vec<String>,
}

/// `[[boilerplate]]`: a block pattern and the role it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BoilerplatePattern {
    /// A regular expression searched in each article block's text.
    pub pattern: String,
    /// The role given to matching blocks (not `article` or `heading`).
    #[serde(default = "furniture")]
    pub role: BlockRole,
}

fn furniture() -> BlockRole {
    BlockRole::Furniture
}

/// A problem with a configuration file: where, which key, what, and a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as found or given.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The key or value at fault, when known.
    pub key: Option<String>,
    /// What kind of problem it is.
    pub kind: ConfigErrorKind,
    /// What is wrong, for people.
    pub message: String,
    /// The closest known key or value, when one is close.
    pub suggestion: Option<String>,
}

/// Categories of [`ConfigError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConfigErrorKind {
    /// The file could not be read.
    Io,
    /// Not valid TOML.
    Syntax,
    /// A key the configuration does not have.
    UnknownKey,
    /// A known key with a value of the wrong type or out of range, an
    /// unknown rule code, an invalid pattern or glob.
    InvalidValue,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = match self.line {
            Some(line) => format!("{}:{line}", self.path.display()),
            None => self.path.display().to_string(),
        };
        match (self.kind, &self.key) {
            (ConfigErrorKind::UnknownKey, Some(key)) => write!(f, "unknown key \"{key}\" in {at}")?,
            (ConfigErrorKind::Io, _) => write!(f, "{at}: {}", self.message)?,
            (_, Some(key)) => write!(f, "invalid value for \"{key}\" in {at}: {}", self.message)?,
            (_, None) => write!(f, "{at}: {}", self.message)?,
        }
        if let Some(s) = &self.suggestion {
            write!(f, " — did you mean \"{s}\"?")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

// ---------------------------------------------------------------------------
// The file as written, with spans for the checks serde cannot do.
// ---------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    format: OutputFormat,
    findings: RawFindings,
    files: RawFiles,
    limits: Option<Spanned<Limits>>,
    tolerances: Option<Spanned<Tolerances>>,
    thesaurus: Vec<Vec<String>>,
    boilerplate: Vec<Spanned<BoilerplatePattern>>,
    sources: Vec<Spanned<SourceEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct RawFindings {
    ignore: Vec<Spanned<String>>,
    min_severity: Severity,
    fail_on: FailOn,
    severity: BTreeMap<Spanned<String>, Severity>,
}

impl Default for RawFindings {
    fn default() -> Self {
        RawFindings {
            ignore: Vec::new(),
            min_severity: Severity::Info,
            fail_on: FailOn::Error,
            severity: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct RawFiles {
    include: Vec<Spanned<String>>,
    exclude: Vec<Spanned<String>>,
}

/// Every key the file may have, for suggestions.
const KNOWN_KEYS: &[&str] = &[
    "format",
    "findings",
    "files",
    "limits",
    "max-file-bytes",
    "max-documents",
    "tolerances",
    "thesaurus",
    "boilerplate",
    "sources",
    "ignore",
    "min-severity",
    "fail-on",
    "severity",
    "include",
    "exclude",
    "about",
    "estimated",
    "nearly",
    "just-over",
    "round",
    "vague",
    "revision-days",
    "pattern",
    "role",
    "id",
    "name",
    "kind",
    "aliases",
    "prior",
    "interested_in",
    "country",
    "descriptors",
    "part_of",
];

impl Config {
    /// Parse a configuration from TOML text; `path` names the file in errors.
    ///
    /// ```
    /// use std::path::Path;
    /// use crosscheck::config::Config;
    ///
    /// let cfg = Config::from_toml("[tolerances]\nabout = 0.2\n", Path::new("crosscheck.toml")).unwrap();
    /// assert_eq!(cfg.tolerances.about, 0.2);
    /// assert_eq!(cfg.tolerances.nearly, 0.1); // the default
    ///
    /// let err = Config::from_toml("[tolerence]\nabout = 0.2\n", Path::new("crosscheck.toml")).unwrap_err();
    /// assert_eq!(err.to_string(), "unknown key \"tolerence\" in crosscheck.toml:1 — did you mean \"tolerances\"?");
    /// ```
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| de_error(&e, text, path))?;
        let err = |span: std::ops::Range<usize>,
                   key: &str,
                   message: String,
                   suggestion: Option<String>| ConfigError {
            path: path.to_path_buf(),
            line: Some(line_of(text, span.start)),
            key: Some(key.to_string()),
            kind: ConfigErrorKind::InvalidValue,
            message,
            suggestion,
        };
        let codes: Vec<&str> = crosscheck_score::RULES.iter().map(|r| r.code).collect();
        let check_code = |code: &Spanned<String>, key: &str| -> Result<String, ConfigError> {
            let c = code.get_ref().trim().to_ascii_uppercase();
            if codes.contains(&c.as_str()) {
                Ok(c)
            } else {
                Err(err(
                    code.span(),
                    key,
                    format!("unknown rule \"{}\"", code.get_ref()),
                    suggest(code.get_ref(), &codes),
                ))
            }
        };
        let mut ignore = Vec::new();
        for code in &raw.findings.ignore {
            ignore.push(check_code(code, "findings.ignore")?);
        }
        let mut severity = BTreeMap::new();
        for (code, sev) in &raw.findings.severity {
            severity.insert(check_code(code, "findings.severity")?, *sev);
        }
        let tolerances = raw
            .tolerances
            .as_ref()
            .map(|t| t.get_ref().clone())
            .unwrap_or_default();
        let t = &tolerances;
        for (key, v) in [
            ("about", t.about),
            ("estimated", t.estimated),
            ("nearly", t.nearly),
            ("just-over", t.just_over),
            ("round", t.round),
            ("vague", t.vague),
            ("revision-days", t.revision_days as f64),
        ] {
            if !v.is_finite() || v < 0.0 {
                let span = raw.tolerances.as_ref().map_or(0..0, Spanned::span);
                let at = key_offset(text, span.start, key).unwrap_or(span.start);
                return Err(err(
                    at..at,
                    &format!("tolerances.{key}"),
                    format!("{v} is negative or not a number"),
                    None,
                ));
            }
        }
        let limits = raw
            .limits
            .as_ref()
            .map(|l| *l.get_ref())
            .unwrap_or_default();
        for (key, v) in [
            ("max-file-bytes", limits.max_file_bytes),
            ("max-documents", limits.max_documents as u64),
        ] {
            if v == 0 {
                let span = raw.limits.as_ref().map_or(0..0, Spanned::span);
                let at = key_offset(text, span.start, key).unwrap_or(span.start);
                return Err(err(
                    at..at,
                    &format!("limits.{key}"),
                    "must be at least 1".to_string(),
                    None,
                ));
            }
        }
        let mut boilerplate = Vec::new();
        for b in &raw.boilerplate {
            let p = b.get_ref();
            if let Err(e) = regex::Regex::new(&p.pattern) {
                let message = format!(
                    "not a valid regular expression: {}",
                    one_line(&e.to_string())
                );
                return Err(err(b.span(), "boilerplate.pattern", message, None));
            }
            if p.role.is_article() {
                return Err(err(
                    b.span(),
                    "boilerplate.role",
                    format!(
                        "\"{}\" would keep the block in the article; use a role such as furniture, related, comments, caption, subscribe, credit-line or byline",
                        p.role
                    ),
                    None,
                ));
            }
            boilerplate.push(p.clone());
        }
        let mut sources = Vec::new();
        for s in &raw.sources {
            if let Err(e) = s.get_ref().validate() {
                return Err(err(s.span(), "sources", e.message, None));
            }
            sources.push(s.get_ref().clone());
        }
        let globs = |list: &[Spanned<String>], key: &str| -> Result<Vec<String>, ConfigError> {
            let mut out = Vec::new();
            for g in list {
                if let Err(e) = Glob::new(g.get_ref()) {
                    return Err(err(
                        g.span(),
                        key,
                        format!("not a valid glob: {}", e.kind()),
                        None,
                    ));
                }
                out.push(g.get_ref().clone());
            }
            Ok(out)
        };
        let files = Files {
            include: globs(&raw.files.include, "files.include")?,
            exclude: globs(&raw.files.exclude, "files.exclude")?,
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            format: raw.format,
            findings: FindingRules {
                ignore,
                min_severity: raw.findings.min_severity,
                fail_on: raw.findings.fail_on,
                severity,
            },
            files,
            limits,
            tolerances,
            thesaurus: raw.thesaurus,
            boilerplate,
            sources,
        })
    }

    /// Read and parse a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: None,
            key: None,
            kind: ConfigErrorKind::Io,
            message: format!("cannot read configuration: {e}"),
            suggestion: None,
        })?;
        Config::from_toml(&text, path)
    }

    /// The `crosscheck.toml` in `start` or its nearest parent that has one.
    /// A file in `start` itself is returned as `start/crosscheck.toml`
    /// (plain `crosscheck.toml` for an empty `start`, which means the working
    /// directory); one in a parent by its absolute path.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let here = start.join(FILE_NAME);
        if here.is_file() {
            return Some(here);
        }
        let abs = if start.as_os_str().is_empty() {
            std::env::current_dir().ok()?
        } else {
            std::path::absolute(start).ok()?
        };
        abs.ancestors()
            .skip(1)
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    /// The configuration in force: `explicit` when given, else the file
    /// [`discover`](Config::discover)ed from `start`, else the defaults.
    pub fn resolve(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
        match explicit
            .map(Path::to_path_buf)
            .or_else(|| Config::discover(start))
        {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    }

    /// The configuration as TOML, every key with its value in force.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_else(|e| format!("# cannot print the configuration: {e}\n"))
    }

    /// The file filter of `[files]`, matching paths relative to the folder
    /// of the configuration file (the working directory for the defaults).
    /// Invalid globs (possible only in a `Config` built in code) are skipped.
    pub fn file_filter(&self) -> FileFilter {
        let root = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        FileFilter {
            root,
            include: (!self.files.include.is_empty()).then(|| glob_set(&self.files.include)),
            exclude: glob_set(&self.files.exclude),
        }
    }
}

fn glob_set(globs: &[String]) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        if let Ok(g) = Glob::new(g) {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

/// The compiled `[files]` globs.
///
/// A file is read when it matches an `include` glob (or there are none) and
/// no `exclude` glob. Globs use `globset` syntax (`*`, `**`, `?`, `[ab]`,
/// `{a,b}`; `*` also crosses `/`) and are matched against the path relative
/// to the configuration file's folder when the file is under it, else
/// against the path as found. Files named directly on the command line are
/// always read.
#[derive(Debug, Clone)]
pub struct FileFilter {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl FileFilter {
    /// Whether a file found under a directory is read.
    pub fn allows(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        if self.exclude.is_match(&rel) {
            return false;
        }
        self.include.as_ref().is_none_or(|inc| inc.is_match(&rel))
    }

    fn relative(&self, path: &Path) -> PathBuf {
        let abs = |p: &Path| {
            let p = if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            };
            std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
        };
        let (root, file) = (abs(&self.root), abs(path));
        match file.strip_prefix(&root) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path.to_path_buf(),
        }
    }

    /// Drop from a load the documents (and errors) of files the filter does
    /// not allow, except files named in `given`. Returns how many documents
    /// were dropped. Files are read before they are filtered.
    pub fn apply<P: AsRef<Path>>(&self, load: &mut Load, given: &[P]) -> usize {
        let given: Vec<&Path> = given.iter().map(AsRef::as_ref).collect();
        let keep = |path: &str| {
            path.is_empty() || given.contains(&Path::new(path)) || self.allows(Path::new(path))
        };
        let before = load.documents.len();
        load.documents.retain(|d| keep(&d.path));
        load.errors.retain(|e| keep(&e.path));
        before - load.documents.len()
    }
}

/// A toml/serde error as a [`ConfigError`] with line, key and suggestion.
fn de_error(e: &toml::de::Error, text: &str, path: &Path) -> ConfigError {
    let msg = e.message().trim().to_string();
    let line = e.span().map(|s| line_of(text, s.start));
    let mut out = ConfigError {
        path: path.to_path_buf(),
        line,
        key: None,
        kind: ConfigErrorKind::InvalidValue,
        message: msg.clone(),
        suggestion: None,
    };
    if let Some((word, expected)) = unknown(&msg, "unknown field") {
        out.kind = ConfigErrorKind::UnknownKey;
        out.suggestion = suggest(&word, &expected).or_else(|| suggest(&word, KNOWN_KEYS));
        out.key = Some(word);
        out.message = "unknown key".to_string();
        return out;
    }
    if let Some((word, expected)) = unknown(&msg, "unknown variant") {
        out.suggestion = suggest(&word, &expected);
        out.message = format!(
            "unknown value \"{word}\"; expected one of {}",
            expected.join(", ")
        );
    }
    match e.span() {
        Some(span) => out.key = key_at(text, span.start),
        None => out.kind = ConfigErrorKind::Syntax,
    }
    if msg.contains("expected") && out.key.is_none() && !msg.contains("invalid type") {
        out.kind = ConfigErrorKind::Syntax;
    }
    out
}

/// `unknown field `x`, expected one of `a`, `b``: the word and the expected names.
fn unknown<'a>(msg: &'a str, prefix: &str) -> Option<(String, Vec<&'a str>)> {
    let rest = msg.strip_prefix(prefix)?.trim_start();
    let mut ticks = rest.split('`');
    ticks.next()?;
    let word = ticks.next()?.to_string();
    let expected = ticks.skip(1).step_by(2).collect();
    Some((word, expected))
}

/// The closest name to `word` among `known`, when it is close enough.
fn suggest(word: &str, known: &[&str]) -> Option<String> {
    let w = word.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&w, &k.to_ascii_lowercase()), *k))
        .filter(|(score, k)| *score >= 0.8 && *k != word)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// The key on the line of `at`: `about` in `about = "x"`, `findings.severity`
/// in `[findings.severity]`.
fn key_at(text: &str, at: usize) -> Option<String> {
    let start = text
        .get(..at.min(text.len()))?
        .rfind('\n')
        .map_or(0, |n| n + 1);
    let line = text[start..].lines().next().unwrap_or("").trim();
    let key = match line.strip_prefix('[') {
        Some(header) => header.trim_start_matches('[').split(']').next()?,
        None => line.split('=').next()?,
    };
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !line.starts_with('#')).then(|| key.to_string())
}

/// The offset of `key = ` in the table that starts at `from` (up to the
/// next table header).
fn key_offset(text: &str, from: usize, key: &str) -> Option<usize> {
    let body = text.get(from..)?;
    let mut offset = 0;
    for (n, line) in body.split_inclusive('\n').enumerate() {
        let t = line.trim_start();
        if n > 0 && t.starts_with('[') {
            break;
        }
        if t.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
        {
            return Some(from + offset + (line.len() - t.len()));
        }
        offset += line.len();
    }
    None
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("crosscheck.toml"))
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let mut cfg = parse("").unwrap();
        cfg.path = None;
        assert_eq!(cfg, Config::default());
    }

    #[test]
    fn unknown_top_level_key_names_line_and_suggests() {
        let e = parse("format = \"text\"\n\n\ntolerence = 1\n").unwrap_err();
        assert_eq!(e.kind, ConfigErrorKind::UnknownKey);
        assert_eq!(e.line, Some(4));
        assert_eq!(
            e.to_string(),
            "unknown key \"tolerence\" in crosscheck.toml:4 — did you mean \"tolerances\"?"
        );
    }

    #[test]
    fn unknown_nested_key_suggests_the_tolerance() {
        let e = parse("[tolerances]\nabout = 0.1\nnearley = 0.2\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.key.as_deref(), Some("nearley"));
        assert_eq!(e.suggestion.as_deref(), Some("nearly"));
    }

    #[test]
    fn wrong_type_names_the_key() {
        let e = parse("[tolerances]\n\nabout = \"ten percent\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.key.as_deref(), Some("about"));
        assert!(
            e.to_string()
                .starts_with("invalid value for \"about\" in crosscheck.toml:3"),
            "{e}"
        );
    }

    #[test]
    fn unknown_variant_suggests_a_value() {
        let e = parse("format = \"consice\"\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert_eq!(e.suggestion.as_deref(), Some("concise"));
        let e = parse("[findings]\nmin-severity = \"warn\"\n").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("warning"), "{e}");
    }

    #[test]
    fn rule_codes_are_checked() {
        let e = parse("[findings]\nignore = [\"CC005\", \"CC05\"]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.suggestion.as_deref(), Some("CC005"), "{e}");
        let e = parse("[findings.severity]\nCC001 = \"warning\"\nCC999 = \"error\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let ok =
            parse("[findings]\nignore = [\"cc005\"]\n[findings.severity]\nCC006 = \"error\"\n")
                .unwrap();
        assert_eq!(ok.findings.ignore, ["CC005"]);
        assert_eq!(ok.findings.severity["CC006"], Severity::Error);
    }

    #[test]
    fn negative_tolerance_is_rejected_on_its_line() {
        let e = parse("[tolerances]\nabout = 0.1\nvague = -1.0\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert_eq!(e.key.as_deref(), Some("tolerances.vague"));
    }

    #[test]
    fn patterns_globs_and_sources_are_checked() {
        let e = parse("[[boilerplate]]\npattern = \"(unclosed\"\n").unwrap_err();
        assert!(e.to_string().contains("regular expression"), "{e}");
        let e = parse("[[boilerplate]]\npattern = \"x\"\nrole = \"article\"\n").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("boilerplate.role"));
        let e = parse("[files]\nexclude = [\"a/{b\"]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse("[[sources]]\nid = \"X\"\nprior = 1.5\n").unwrap_err();
        assert!(e.to_string().contains("prior"), "{e}");
        let e = parse("[[sources]]\nid = \"X\"\nalias = [\"Y\"]\n").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("aliases"), "{e}");
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn limits_have_defaults_and_are_checked() {
        let cfg = parse("").unwrap();
        assert_eq!(cfg.limits, Limits::default());
        let cfg = parse("[limits]\nmax-file-bytes = 1024\n").unwrap();
        assert_eq!(cfg.limits.max_file_bytes, 1024);
        assert_eq!(
            cfg.limits.max_documents,
            crate::ingest::DEFAULT_MAX_DOCUMENTS
        );
        let e = parse("[limits]\nmax-file-bytes = 1024\nmax-documents = 0\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert_eq!(
            e.to_string(),
            "invalid value for \"limits.max-documents\" in crosscheck.toml:3: must be at least 1"
        );
        let e = parse("[limits]\nmax-file-bytes = -1\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse("[limits]\nmax-files = 3\n").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("max-file-bytes"), "{e}");
        let printed = Config::default().to_toml();
        assert!(
            printed.contains("[limits]\nmax-file-bytes = 67108864\nmax-documents = 1000000"),
            "{printed}"
        );
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let e = parse("format = \n").unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
    }

    #[test]
    fn printed_configuration_loads_back() {
        let cfg = parse(
            "format = \"sarif\"\nthesaurus = [[\"troops\", \"soldiers\"]]\n[findings]\nignore = [\"CC005\"]\n[[sources]]\nid = \"KIDA\"\nkind = \"expert\"\n[[boilerplate]]\npattern = \"^Follow us\"\n",
        )
        .unwrap();
        let printed = cfg.to_toml();
        let back = parse(&printed).unwrap();
        assert_eq!(back, cfg, "{printed}");
        let defaults = Config::default().to_toml();
        assert!(defaults.contains("revision-days = 7"), "{defaults}");
        assert_eq!(parse(&defaults).unwrap().tolerances, Tolerances::default());
    }

    #[test]
    fn file_filter_matches_relative_to_the_config_folder() {
        let cfg = Config {
            path: Some(PathBuf::from("/news/crosscheck.toml")),
            files: Files {
                include: vec!["articles/**".into()],
                exclude: vec!["**/drafts/**".into()],
            },
            ..Config::default()
        };
        let f = cfg.file_filter();
        assert!(f.allows(Path::new("/news/articles/a.txt")));
        assert!(!f.allows(Path::new("/news/articles/drafts/a.txt")));
        assert!(!f.allows(Path::new("/news/other/a.txt")));
    }

    #[test]
    fn file_filter_with_a_config_in_the_working_directory() {
        let cfg = Config {
            path: Some(PathBuf::from("crosscheck.toml")),
            files: Files {
                include: Vec::new(),
                exclude: vec!["news/b.*".into()],
            },
            ..Config::default()
        };
        let f = cfg.file_filter();
        assert!(!f.allows(Path::new("news/b.txt")));
        assert!(!f.allows(Path::new("./news/b.txt")));
        assert!(f.allows(Path::new("news/a.txt")));
    }
}
