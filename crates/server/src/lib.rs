//! crosscheck over HTTP: a JSON API for editorial tools and a page for
//! editors, served by `crosscheck serve`.
//!
//! | method and path | body | answer |
//! |---|---|---|
//! | `POST /v1/audit` | `{"documents": [{"id", "title", "outlet", "published", "url", "author", "text", "format"}]}` | report `crosscheck.report.v1` |
//! | `POST /v1/claims` | the same | its `documents[]` and `claims[]` |
//! | `POST /v1/quantities` | `{"text": "…"}` | an array as `crosscheck quantities` prints |
//! | `GET /healthz` | | `{"status": "ok", "version", "schema"}` |
//! | `GET /openapi.json` | | the OpenAPI 3.1 description of all of these |
//! | `GET /` | | the page for editors (`/app.js`, `/app.css`) |
//!
//! `?include=text` on the audit and claims endpoints adds each document's
//! text as read (`documents[].text`), which claim spans index into.
//!
//! **Limits** ([`Limits`]): a request body limit (tower-http's
//! `RequestBodyLimitLayer`), a per-request timeout (`TimeoutLayer`, answered
//! 503), a global concurrency limit on requests (tower's
//! `GlobalConcurrencyLimitLayer`), and a limit on audits running at once on
//! tokio's blocking pool, held until the work ends even when its request
//! timed out. **Errors** are JSON, `{"error": "…", "code": "…"}` (see
//! [`error::ErrorBody`]): 400 for a body that is not JSON, 422 for JSON of
//! the wrong shape, 413 for a body over the limit, 415 for a content type
//! other than JSON, 404 and 405 from the router.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::Request;
//! use tower::ServiceExt;
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! let app = crosscheck_server::router(crosscheck::Auditor::new(), crosscheck_server::Limits::default());
//! let response = app
//!     .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
//!     .await
//!     .unwrap();
//! assert_eq!(response.status(), 200);
//! # });
//! ```

pub mod api;
pub mod error;
pub mod page;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::{get, post};
use crosscheck::Auditor;
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::api::AppState;

/// The OpenAPI 3.1 description of the API, served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Every route of [`router`], as (method, path). The tests check that the
/// router serves each and that [`OPENAPI`] describes exactly these.
pub const ROUTES: &[(&str, &str)] = &[
    ("POST", "/v1/audit"),
    ("POST", "/v1/claims"),
    ("POST", "/v1/quantities"),
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
    ("GET", "/"),
    ("GET", "/app.js"),
    ("GET", "/app.css"),
];

/// Resource limits of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body, in bytes (413 above it). Default 8 MiB.
    pub body_bytes: usize,
    /// Longest time a request may take, queueing included (503 after it).
    /// Default 60 s.
    pub timeout: Duration,
    /// Requests handled at once; more wait their turn. Default 64.
    pub concurrency: usize,
    /// Audits and claim extractions running at once on the blocking pool
    /// (each also uses rayon's pool). Default: the number of cores.
    pub audits: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 8 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            concurrency: 64,
            audits: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// The Content-Security-Policy of every response: the page may load its
/// own script and style and call its own API, nothing else.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The application: routes, limits, security headers and JSON errors.
pub fn router(auditor: Auditor, limits: Limits) -> Router {
    let state = AppState {
        auditor: Arc::new(auditor),
        cpu: Arc::new(Semaphore::new(limits.audits.max(1))),
    };
    Router::new()
        .route("/v1/audit", post(api::audit))
        .route("/v1/claims", post(api::claims))
        .route("/v1/quantities", post(api::quantities))
        .route("/healthz", get(api::healthz))
        .route("/openapi.json", get(page::openapi))
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/app.css", get(page::style))
        .with_state(state)
        // The tower-http layer below enforces the limit; axum's own default
        // (2 MiB) would otherwise cap it.
        .layer(DefaultBodyLimit::disable())
        // Innermost first: each `layer` wraps what is above it.
        .layer(RequestBodyLimitLayer::new(limits.body_bytes))
        .layer(GlobalConcurrencyLimitLayer::new(limits.concurrency.max(1)))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.timeout,
        ))
        .layer(axum::middleware::map_response(error::json_errors))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// Serve [`router`] on `addr` until Ctrl-C, on a new multi-threaded tokio
/// runtime; `ready` is called with the bound address (useful with port 0).
pub fn serve(
    addr: SocketAddr,
    auditor: Auditor,
    limits: Limits,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(auditor, limits))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
