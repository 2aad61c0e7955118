//! The JSON API: request types, how they become [`Document`]s, and the
//! handlers of `/v1/audit`, `/v1/claims`, `/v1/quantities` and `/healthz`.

use std::collections::HashSet;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use crosscheck::date::parse_published;
use crosscheck::{Auditor, Document, Format, Report, ingest};
use crosscheck_claims::quantity::{self, Kind, Qualifier, Unit};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::error::{ApiError, ApiJson};

/// What the handlers share: the auditor built from the configuration, and
/// the permits for CPU-heavy work.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The auditor (`Auditor::with_config` of the server's configuration).
    pub auditor: Arc<Auditor>,
    /// One permit per audit or claims extraction running on the blocking
    /// pool. A permit is held until the work ends, even when the client's
    /// request timed out and was dropped, so abandoned work still counts.
    pub cpu: Arc<Semaphore>,
}

/// The body of `POST /v1/audit` and `POST /v1/claims`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The articles, in order.
    pub documents: Vec<DocumentRequest>,
}

/// The markup of an article's `text`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, optionally with a `Key: value` header block.
    #[default]
    Text,
    /// An HTML page.
    Html,
    /// Markdown, optionally with YAML or TOML front matter.
    Markdown,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Markdown => Format::Markdown,
        }
    }
}

/// One article of a [`BatchRequest`]. Only `text` is required; metadata
/// given here wins over metadata found in the text (a header block, front
/// matter, HTML `<meta>`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The document id (claim ids are `<id>#<n>`); default `doc-<n>`, n
    /// counting from 1. Ids must be unique within a request.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication date (`2025-06-26`, `June 26, 2025`, an RFC 3339 time, …).
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// The article.
    pub text: String,
    /// How `text` is marked up; default `text`.
    #[serde(default)]
    pub format: InputFormat,
}

/// The body of `POST /v1/quantities`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantitiesRequest {
    /// The text to scan.
    pub text: String,
}

/// One numeric expression, as `crosscheck quantities` prints it; byte
/// offsets are into the request's `text`.
#[derive(Debug, Clone, Serialize)]
pub struct QuantityItem {
    /// The expression as written.
    pub text: String,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The number as written, for single figures.
    pub value: Option<f64>,
    /// Lower bound, null when unbounded.
    pub low: Option<f64>,
    /// Upper bound, null when unbounded.
    pub high: Option<f64>,
    /// number, range, percent, ordinal, year, …
    pub kind: Kind,
    /// about, more-than, …
    pub qualifier: Option<Qualifier>,
    /// Currency code, percent, …
    pub unit: Option<Unit>,
    /// An increment ("another 1,000"); omitted when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub additional: bool,
}

/// Query parameters of `/v1/audit` and `/v1/claims`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// `text`: add each document's text as read (`documents[].text`, the
    /// text that claim and skipped-block spans index into) to the report.
    pub include: Option<String>,
}

impl ReportQuery {
    fn with_text(&self) -> Result<bool, ApiError> {
        match self.include.as_deref() {
            None | Some("") => Ok(false),
            Some("text") => Ok(true),
            Some(other) => Err(ApiError::invalid(format!(
                "unknown include \"{other}\"; the only one is \"text\""
            ))),
        }
    }
}

/// The documents of a request, ingested as `crosscheck audit` would read
/// files. Errors: duplicate or malformed ids, unparsable dates (422).
pub fn documents(req: BatchRequest) -> Result<Vec<Document>, ApiError> {
    let mut seen = HashSet::new();
    let mut docs = Vec::with_capacity(req.documents.len());
    for (n, d) in req.documents.into_iter().enumerate() {
        let at = format!("documents[{n}]");
        let id = match d.id {
            Some(id) if !id.trim().is_empty() => id,
            _ => format!("doc-{}", n + 1),
        };
        if id.chars().any(char::is_control) || id.len() > 200 {
            return Err(ApiError::invalid(format!(
                "{at}.id: at most 200 characters, no control characters"
            )));
        }
        if !seen.insert(id.clone()) {
            return Err(ApiError::invalid(format!(
                "{at}.id: duplicate document id \"{id}\""
            )));
        }
        let published = match d.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => Some(parse_published(p).ok_or_else(|| {
                ApiError::invalid(format!("{at}.published: unrecognised date \"{p}\""))
            })?),
        };
        let Some(mut doc) = ingest::parse(&d.text, d.format.into(), &id, "")
            .documents
            .into_iter()
            .next()
        else {
            return Err(ApiError::internal(format!("{at}: could not be read")));
        };
        let one_line = |s: String| Some(s.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(title) = d.title.filter(|s| !s.trim().is_empty()) {
            doc.title = one_line(title);
        }
        if let Some(outlet) = d.outlet.filter(|s| !s.trim().is_empty()) {
            doc.outlet = one_line(outlet);
        }
        if let Some(url) = d.url.filter(|s| !s.trim().is_empty()) {
            doc.url = one_line(url);
        }
        if let Some(author) = d.author.filter(|s| !s.trim().is_empty()) {
            doc.author = one_line(author);
        }
        if published.is_some() {
            doc.published = published;
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The quantities of a text, as `crosscheck quantities` prints them.
pub fn quantities_of(text: &str) -> Vec<QuantityItem> {
    quantity::find(text)
        .into_iter()
        .map(|q| QuantityItem {
            text: text.get(q.start..q.end).unwrap_or("").to_string(),
            start: q.start,
            end: q.end,
            value: q.value,
            low: q.low,
            high: q.high,
            kind: q.kind,
            qualifier: q.qualifier,
            unit: q.unit,
            additional: q.additional,
        })
        .collect()
}

/// A report as JSON, with `documents[].text` when asked for.
fn report_json(report: Report, docs: &[Document], with_text: bool) -> Result<Response, ApiError> {
    if !with_text {
        return Ok(Json(report).into_response());
    }
    let mut value = serde_json::to_value(&report).map_err(|e| ApiError::internal(e.to_string()))?;
    if let Some(entries) = value
        .get_mut("documents")
        .and_then(serde_json::Value::as_array_mut)
    {
        for entry in entries {
            let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or("");
            let text = docs
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.text.clone())
                .unwrap_or_default();
            if let Some(obj) = entry.as_object_mut() {
                obj.insert("text".into(), serde_json::Value::String(text));
            }
        }
    }
    Ok(Json(value).into_response())
}

/// Run CPU-heavy work on the blocking pool, holding a permit of
/// [`AppState::cpu`] until it ends.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Auditor) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let permit = state
        .cpu
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let auditor = state.auditor.clone();
    tokio::task::spawn_blocking(move || {
        let out = work(&auditor);
        drop(permit);
        out
    })
    .await
    .map_err(|e| ApiError::internal(format!("the audit failed: {e}")))
}

/// `POST /v1/audit`: the documents' report v1, as `crosscheck audit
/// --format json` prints it (configured boilerplate patterns and finding
/// rules applied).
pub async fn audit(
    State(state): State<AppState>,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
    ApiJson(req): ApiJson<BatchRequest>,
) -> Result<Response, ApiError> {
    let with_text = query_of(query)?.with_text()?;
    let docs = documents(req)?;
    let (report, docs) = blocking(&state, move |auditor| (auditor.check(&docs), docs)).await?;
    report_json(report, &docs, with_text)
}

/// `POST /v1/claims`: the `documents[]` and `claims[]` of report v1, as
/// `crosscheck claims --format json` prints them.
pub async fn claims(
    State(state): State<AppState>,
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
    ApiJson(req): ApiJson<BatchRequest>,
) -> Result<Response, ApiError> {
    let with_text = query_of(query)?.with_text()?;
    let mut docs = documents(req)?;
    let (report, docs) = blocking(&state, move |auditor| {
        auditor.apply_boilerplate(&mut docs);
        (auditor.claims(&docs), docs)
    })
    .await?;
    report_json(report, &docs, with_text)
}

fn query_of(
    query: Result<Query<ReportQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<ReportQuery, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| ApiError::invalid(e.body_text()))
}

/// `POST /v1/quantities`: every numeric expression in `text`.
pub async fn quantities(
    ApiJson(req): ApiJson<QuantitiesRequest>,
) -> Result<Json<Vec<QuantityItem>>, ApiError> {
    // The grammar is linear and the body is capped, so this stays on the
    // async worker.
    Ok(Json(quantities_of(&req.text)))
}

/// The body of `GET /healthz`.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    /// Always `"ok"`.
    pub status: &'static str,
    /// The crosscheck version.
    pub version: &'static str,
    /// The report schema the audit endpoints answer with.
    pub schema: &'static str,
}

/// `GET /healthz`.
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        schema: crosscheck::report::SCHEMA,
    })
}
