//! The JSON API: the handlers of `/v1/audit`, `/v1/claims`,
//! `/v1/quantities` and `/healthz`.
//!
//! The request types and how they become [`Document`]s are the library's
//! ([`crosscheck::request`], shared with the wasm package); they are
//! re-exported here.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use crosscheck::request;
use crosscheck::{Auditor, Document, Report};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::error::{ApiError, ApiJson};

pub use crosscheck::request::{
    BatchRequest, DocumentRequest, InputFormat, QuantitiesRequest, QuantityItem, quantities_of,
};

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
        request::include_text(self.include.as_deref()).map_err(|e| ApiError::invalid(e.message))
    }
}

/// The documents of a request, ingested as `crosscheck audit` would read
/// files ([`request::documents`]). Errors: duplicate or malformed ids,
/// unparsable dates (422).
pub fn documents(req: BatchRequest) -> Result<Vec<Document>, ApiError> {
    request::documents(req).map_err(|e| ApiError::invalid(e.message))
}

/// A report as JSON, with `documents[].text` when asked for.
fn report_json(report: Report, docs: &[Document], with_text: bool) -> Result<Response, ApiError> {
    if !with_text {
        return Ok(Json(report).into_response());
    }
    Ok(Json(request::report_with_text(&report, docs)).into_response())
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
    let (report, docs) = blocking(&state, move |auditor| (auditor.audit(&docs), docs)).await?;
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
    let docs = documents(req)?;
    // `claims` applies the configured boilerplate patterns itself.
    let (report, docs) = blocking(&state, move |auditor| (auditor.claims(&docs), docs)).await?;
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
