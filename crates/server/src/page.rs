//! The page for editors at `/`, its script and style (embedded with
//! `include_str!`: the binary serves them with no files beside it), and
//! the OpenAPI document.
//!
//! The page makes no external request: the [`CSP`](crate::CSP) allows only
//! its own script, style and API. Article text, titles, sources and
//! messages are inserted with `textContent`, never as HTML.

use axum::http::header;
use axum::response::IntoResponse;

/// The page's HTML.
pub const INDEX_HTML: &str = include_str!("../assets/index.html");
/// The page's script.
pub const APP_JS: &str = include_str!("../assets/app.js");
/// The page's style sheet.
pub const APP_CSS: &str = include_str!("../assets/app.css");

/// `GET /`.
pub async fn index() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        INDEX_HTML,
    )
}

/// `GET /app.js`.
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
}

/// `GET /app.css`.
pub async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS)
}

/// `GET /openapi.json`.
pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI)
}
