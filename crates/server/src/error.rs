//! JSON errors: every error response of the server is
//! `{"error": "<what went wrong>", "code": "<machine-readable code>"}`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// An error answered to a client, with its HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Machine-readable code, e.g. `"bad-json"` (see [`ErrorBody::code`]).
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    /// What went wrong, for people.
    pub error: String,
    /// One of `bad-json` (400), `not-found` (404), `method-not-allowed`
    /// (405), `payload-too-large` (413), `unsupported-media-type` (415),
    /// `invalid-request` (422), `timeout` (503), `internal` (500), or
    /// `http-<status>` for any other status.
    pub code: String,
}

impl ApiError {
    /// A 400: the body is not JSON.
    pub fn bad_json(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad-json", message)
    }

    /// A 422: the body is JSON but not a valid request.
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-request", message)
    }

    /// A 500: something failed on the server's side.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// An error with any status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.message,
            code: self.code.to_string(),
        };
        (self.status, Json(body)).into_response()
    }
}

/// The code of an error status (see [`ErrorBody::code`]).
pub fn code_for(status: StatusCode) -> String {
    match status {
        StatusCode::BAD_REQUEST => "bad-json".into(),
        StatusCode::NOT_FOUND => "not-found".into(),
        StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed".into(),
        StatusCode::PAYLOAD_TOO_LARGE => "payload-too-large".into(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type".into(),
        StatusCode::UNPROCESSABLE_ENTITY => "invalid-request".into(),
        StatusCode::SERVICE_UNAVAILABLE => "timeout".into(),
        StatusCode::INTERNAL_SERVER_ERROR => "internal".into(),
        other => format!("http-{}", other.as_u16()),
    }
}

/// Response middleware: turn every error response that is not already JSON
/// (a 404 from the router, a 405, a 413 from the body limit layer, a 503
/// from the timeout layer) into an [`ErrorBody`], keeping its status and
/// headers such as `Allow`.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let message = match status {
        StatusCode::NOT_FOUND => "no such endpoint; see GET /openapi.json".to_string(),
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed for this endpoint".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => "request body too large".to_string(),
        StatusCode::SERVICE_UNAVAILABLE => "the request took too long".to_string(),
        other => other
            .canonical_reason()
            .unwrap_or("error")
            .to_ascii_lowercase(),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = ErrorBody {
        error: message,
        code: code_for(status),
    };
    let mut fresh = (status, Json(body)).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE {
            fresh.headers_mut().insert(name.clone(), value.clone());
        }
    }
    fresh
}

/// A JSON request body, with errors as [`ApiError`]: 415 when the content
/// type is not JSON, 413 when the body is over the limit, 400 when it is
/// not JSON, 422 when it is JSON of the wrong shape (a missing or unknown
/// field, a wrong type). Unlike `axum::Json`, every rejection is JSON.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| v == "application/json" || v.ends_with("+json"));
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "expected a body with content-type application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            let status = e.status();
            let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                "request body too large".to_string()
            } else {
                e.body_text()
            };
            ApiError {
                status,
                code: match status {
                    StatusCode::PAYLOAD_TOO_LARGE => "payload-too-large",
                    _ => "bad-request",
                },
                message,
            }
        })?;
        parse(&bytes).map(ApiJson)
    }
}

/// Parse a JSON body: syntax errors and a truncated body are 400; a valid
/// JSON document that is not an object, or an object of the wrong shape
/// (a missing or unknown field, a wrong type), is 422.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_json(format!("body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::invalid("expected a JSON object"));
    }
    serde_json::from_value(value).map_err(|e| ApiError::invalid(e.to_string()))
}
