//! crosscheck for the browser and Node: a wasm-bindgen package exposing
//! [`audit`] and [`quantities`], with the same inputs and outputs as the
//! server's `POST /v1/audit` and `POST /v1/quantities`.
//!
//! ```js
//! const { audit, quantities } = require("./pkg/crosscheck_wasm.js");
//! const report = audit({ documents: [
//!   { id: "a", text: "The Health Ministry said 120 people were killed." },
//!   { id: "b", text: "<p>The Red Cross said 900 people were killed.</p>", format: "html" },
//! ]});
//! report.findings.forEach((f) => console.log(f.code, f.message));
//! quantities("about 5,000 troops"); // [{ text: "about 5,000", start: 0, … }]
//! ```
//!
//! Build it with `scripts/wasm-test.sh` (cargo for `wasm32-unknown-unknown`,
//! then `wasm-bindgen --target nodejs`, or `--target web` for a page).
//!
//! The work is done by plain Rust functions ([`audit_json`],
//! [`quantities_json`]) that take and return JSON text, so the native unit
//! tests cover everything but the thin JavaScript conversion. Bad input is a
//! JavaScript exception (an `Error` whose message names the field), never a
//! panic. Claims are extracted on rayon's pool, which on
//! `wasm32-unknown-unknown` (no threads) runs on the calling thread.

pub mod request;

use std::path::Path;

use crosscheck::Auditor;
use crosscheck::config::Config;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

pub use request::{BatchRequest, DocumentRequest, InputFormat, QuantityItem};

/// The options of [`audit`] (and [`audit_json`]): all optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditOptions {
    /// `"text"`: add each document's text as read to `documents[].text`
    /// (what claim spans index into), as the server's `?include=text`.
    pub include: Option<String>,
    /// A configuration as the text of a `crosscheck.toml` (tolerances,
    /// thesaurus, sources, boilerplate patterns, finding rules).
    pub config: Option<String>,
}

/// Audit a batch: `body` is the JSON of a `POST /v1/audit` body
/// (`{"documents": [{"id", "title", "outlet", "published", "url", "author",
/// "text", "format"}]}`) or just its `documents` array; the answer is report
/// `crosscheck.report.v1` as pretty JSON with a final newline, exactly as
/// `crosscheck audit --format json` prints it.
///
/// ```
/// let report = crosscheck_wasm::audit_json(
///     r#"{"documents": [{"id": "a", "text": "The NIS said 11,000 troops were sent."}]}"#,
///     &Default::default(),
/// )
/// .unwrap();
/// let report: serde_json::Value = serde_json::from_str(&report).unwrap();
/// assert_eq!(report["schema"], "crosscheck.report.v1");
/// assert_eq!(report["claims"][0]["id"], "a#1");
///
/// let err = crosscheck_wasm::audit_json(r#"{"documents": [{"txt": "x"}]}"#, &Default::default());
/// assert!(err.unwrap_err().starts_with("documents[0]: unknown field `txt`"));
/// ```
pub fn audit_json(body: &str, options: &AuditOptions) -> Result<String, String> {
    let with_text = request::include_text(options.include.as_deref())?;
    let auditor = match &options.config {
        None => Auditor::new(),
        Some(toml) => Auditor::with_config(
            &Config::from_toml(toml, Path::new("crosscheck.toml"))
                .map_err(|e| format!("config: {e}"))?,
        ),
    };
    let docs = request::documents(request::parse_batch(body)?)?;
    let report = auditor.audit(&docs);
    if !with_text {
        return Ok(crosscheck::render::json(&report));
    }
    let value = request::report_with_text(&report, &docs);
    let mut out = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

/// Every numeric expression in `text`, as a JSON array: what the server's
/// `POST /v1/quantities` answers and `crosscheck quantities` prints (byte
/// offsets into `text`).
///
/// ```
/// let q: serde_json::Value =
///     serde_json::from_str(&crosscheck_wasm::quantities_json("about 5,000 troops")).unwrap();
/// assert_eq!(q[0]["text"], "about 5,000");
/// assert_eq!(q[0]["qualifier"], "about");
/// ```
pub fn quantities_json(text: &str) -> String {
    serde_json::to_string(&request::quantities_of(text)).unwrap_or_else(|_| "[]".into())
}

/// JavaScript: `audit(documents, options?)` → report v1 as a plain object.
///
/// `documents` is a `POST /v1/audit` body (`{documents: [...]}`), a bare
/// array of documents, or the JSON text of either. `options` is
/// `{include: "text", config: "<crosscheck.toml text>"}`, both optional.
/// Throws an `Error` naming the problem for input of the wrong shape.
#[wasm_bindgen]
pub fn audit(documents: JsValue, options: Option<JsValue>) -> Result<JsValue, JsError> {
    let body = json_text(&documents, "documents")?;
    let options: AuditOptions = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => {
            serde_json::from_str(&json_text(&o, "options")?)
                .map_err(|e| JsError::new(&format!("options: {e}")))?
        }
        _ => AuditOptions::default(),
    };
    let report = audit_json(&body, &options).map_err(|e| JsError::new(&e))?;
    parse(&report)
}

/// JavaScript: `auditJson(body, options?)` → report v1 as JSON text, byte
/// for byte what `crosscheck audit --format json` prints for the same
/// documents. `body` and `options` as for [`audit`], as JSON text.
#[wasm_bindgen(js_name = auditJson)]
pub fn audit_json_js(body: &str, options: Option<String>) -> Result<String, JsError> {
    let options: AuditOptions = match options.as_deref() {
        None | Some("") => AuditOptions::default(),
        Some(o) => serde_json::from_str(o).map_err(|e| JsError::new(&format!("options: {e}")))?,
    };
    audit_json(body, &options).map_err(|e| JsError::new(&e))
}

/// JavaScript: `quantities(text)` → an array of `{text, start, end, value,
/// low, high, kind, qualifier, unit}` (and `additional: true` for
/// increments); `start` and `end` are UTF-8 byte offsets into `text`.
#[wasm_bindgen]
pub fn quantities(text: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new("quantities: text must be a string"));
    };
    parse(&quantities_json(&text))
}

/// JavaScript: `version()` → the crosscheck version of this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The JSON text of a JavaScript value: a string as it is, anything else
/// through `JSON.stringify`.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(JsError::new(&format!(
            "{what}: expected an object, an array or JSON text"
        )));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new(&format!("{what}: cannot be converted to JSON")))
}

/// JSON text made a JavaScript value with `JSON.parse` (numbers as the
/// native JSON has them).
fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("internal error: invalid JSON produced"))
}
