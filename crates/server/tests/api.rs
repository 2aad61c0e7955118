//! Every endpoint and every error of the server, through
//! `tower::ServiceExt::oneshot` (no network), and the OpenAPI document
//! checked against the router and the handlers' answers.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use crosscheck::Auditor;
use crosscheck_server::{Limits, OPENAPI, ROUTES, router};
use futures_core::Stream;
use serde_json::{Value, json};
use tower::ServiceExt;

fn app() -> Router {
    router(Auditor::new(), Limits::default())
}

async fn send(app: Router, req: Request<Body>) -> (StatusCode, Value, axum::http::HeaderMap) {
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, value, headers)
}

fn post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn conflict() -> Value {
    json!({"documents": [
        {"id": "a", "title": "Flood", "outlet": "Daily A", "published": "2025-06-26",
         "url": "https://example.com/a",
         "text": "The Health Ministry said 120 people were killed in the flood on Monday.",
         "format": "text"},
        {"id": "b", "text": "<p>Red Cross officials said 900 people were killed in the flood on Monday.</p>",
         "format": "html"}
    ]})
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(
        body["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{body}"
    );
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn audit_returns_report_v1_with_the_conflict() {
    let (status, report, headers) = send(app(), post("/v1/audit", conflict().to_string())).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(report["schema"], "crosscheck.report.v1");
    assert_eq!(report["documents"][0]["id"], "a");
    assert_eq!(report["documents"][0]["title"], "Flood");
    assert_eq!(report["documents"][0]["outlet"], "Daily A");
    assert_eq!(report["documents"][0]["published"], "2025-06-26");
    assert!(report["documents"][0].get("text").is_none());
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"CC001") || codes.contains(&"CC002"),
        "{codes:?}"
    );
    assert_eq!(report["claims"][1]["doc"], "b");
}

#[tokio::test]
async fn audit_matches_the_library() {
    let docs = {
        let mut d = crosscheck::ingest::parse(
            "The Health Ministry said 120 people were killed in the flood on Monday.",
            crosscheck::Format::Text,
            "a",
            "",
        )
        .documents;
        d.extend(
            crosscheck::ingest::parse(
                "Red Cross officials said 900 people were killed in the flood on Monday.",
                crosscheck::Format::Text,
                "b",
                "",
            )
            .documents,
        );
        d
    };
    let native = serde_json::to_value(Auditor::new().audit(&docs)).unwrap();
    let body = json!({"documents": [
        {"id": "a", "text": "The Health Ministry said 120 people were killed in the flood on Monday."},
        {"id": "b", "text": "Red Cross officials said 900 people were killed in the flood on Monday."}
    ]});
    let (status, served, _) = send(app(), post("/v1/audit", body.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(served, native);
}

#[tokio::test]
async fn include_text_adds_the_text_spans_index_into() {
    let (status, report, _) = send(
        app(),
        post("/v1/audit?include=text", conflict().to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for claim in report["claims"].as_array().unwrap() {
        let doc = report["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == claim["doc"])
            .unwrap();
        let text = doc["text"].as_str().unwrap();
        let [s, e] = [
            claim["span"][0].as_u64().unwrap(),
            claim["span"][1].as_u64().unwrap(),
        ];
        assert_eq!(
            &text[s as usize..e as usize],
            claim["text"].as_str().unwrap()
        );
    }
    let (status, body, _) = send(
        app(),
        post("/v1/audit?include=html", conflict().to_string()),
    )
    .await;
    assert_error(
        status,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-request",
    );
}

#[tokio::test]
async fn claims_has_no_findings() {
    let body = json!({"documents": [{"text": "---\ntitle: Troops\n---\nPyongyang has sent about 5,000 troops, the NIS said.", "format": "markdown"}]});
    let (status, report, _) = send(app(), post("/v1/claims", body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["documents"][0]["id"], "doc-1");
    assert_eq!(report["documents"][0]["title"], "Troops");
    assert_eq!(report["claims"][0]["id"], "doc-1#1");
    assert_eq!(report["claims"][0]["attribution"]["source"], "NIS");
    assert_eq!(report["findings"], json!([]));
}

#[tokio::test]
async fn quantities_match_the_command() {
    let body = json!({"text": "about 5,000 troops and more than 10 million shells"});
    let (status, items, _) = send(app(), post("/v1/quantities", body.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(items[0]["text"], "about 5,000");
    assert_eq!(items[0]["start"], 0);
    assert_eq!(items[0]["end"], 11);
    assert_eq!(items[0]["qualifier"], "about");
    assert_eq!(items[1]["low"], 1e7);
    assert!(items[1]["high"].is_null());
    assert_eq!(items.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn healthz_and_openapi() {
    let (status, body, _) = send(app(), get("/healthz")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["schema"], "crosscheck.report.v1");
    let (status, spec, _) = send(app(), get("/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
}

#[tokio::test]
async fn bad_json_is_400() {
    for body in ["{\"documents\": [", "not json", ""] {
        let (status, err, _) = send(app(), post("/v1/audit", body)).await;
        assert_error(status, &err, StatusCode::BAD_REQUEST, "bad-json");
    }
    let (status, err, _) = send(app(), post("/v1/quantities", "{")).await;
    assert_error(status, &err, StatusCode::BAD_REQUEST, "bad-json");
}

#[tokio::test]
async fn wrong_fields_are_422() {
    let cases = [
        ("/v1/audit", json!({"docs": []})),
        ("/v1/audit", json!({"documents": [{"text": 5}]})),
        ("/v1/audit", json!({"documents": [{"title": "no text"}]})),
        (
            "/v1/audit",
            json!({"documents": [{"text": "x", "colour": "red"}]}),
        ),
        (
            "/v1/audit",
            json!({"documents": [{"text": "x", "format": "jsonl"}]}),
        ),
        (
            "/v1/audit",
            json!({"documents": [{"text": "x", "published": "soon"}]}),
        ),
        (
            "/v1/audit",
            json!({"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}),
        ),
        ("/v1/claims", json!({"documents": {}})),
        ("/v1/quantities", json!({"input": "5"})),
        ("/v1/quantities", json!(["5"])),
    ];
    for (path, body) in cases {
        let (status, err, _) = send(app(), post(path, body.to_string())).await;
        assert_error(
            status,
            &err,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-request",
        );
    }
}

#[tokio::test]
async fn oversized_bodies_are_413_with_and_without_a_length() {
    let limits = Limits {
        body_bytes: 1024,
        ..Limits::default()
    };
    let big = json!({"text": "9 ".repeat(2000)}).to_string();
    let app = router(Auditor::new(), limits);
    // With Content-Length: refused before the body is read.
    let (status, err, _) = send(app.clone(), post("/v1/quantities", big.clone())).await;
    assert_error(
        status,
        &err,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload-too-large",
    );
    // Streamed, no Content-Length: cut off while reading.
    let stream = futures_stream(big.into_bytes());
    let req = Request::post("/v1/audit")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(stream))
        .unwrap();
    let (status, err, _) = send(app.clone(), req).await;
    assert_error(
        status,
        &err,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload-too-large",
    );
    // Under the limit is fine.
    let (status, _, _) = send(app, post("/v1/quantities", r#"{"text":"12"}"#)).await;
    assert_eq!(status, StatusCode::OK);
}

/// A body in 100-byte chunks, with no length known in advance.
struct Chunks {
    bytes: Vec<u8>,
    at: usize,
}

fn futures_stream(bytes: Vec<u8>) -> Chunks {
    Chunks { bytes, at: 0 }
}

impl Stream for Chunks {
    type Item = Result<Vec<u8>, std::io::Error>;
    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.at >= self.bytes.len() {
            return Poll::Ready(None);
        }
        let end = (self.at + 100).min(self.bytes.len());
        let chunk = self.bytes[self.at..end].to_vec();
        self.at = end;
        Poll::Ready(Some(Ok(chunk)))
    }
}

#[tokio::test]
async fn wrong_content_type_is_415() {
    let req = Request::post("/v1/audit")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(conflict().to_string()))
        .unwrap();
    let (status, err, _) = send(app(), req).await;
    assert_error(
        status,
        &err,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_errors() {
    let (status, err, _) = send(app(), get("/v2/audit")).await;
    assert_error(status, &err, StatusCode::NOT_FOUND, "not-found");
    let (status, err, headers) = send(app(), get("/v1/audit")).await;
    assert_error(
        status,
        &err,
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
    );
    assert!(headers.contains_key(header::ALLOW));
}

#[tokio::test(start_paused = true)]
async fn slow_requests_time_out_with_503() {
    // A request whose body never finishes arriving is answered 503 when
    // the timeout runs out (tokio's paused clock advances by itself).
    let limits = Limits {
        timeout: Duration::from_millis(50),
        audits: 1,
        ..Limits::default()
    };
    let app = router(Auditor::new(), limits);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(1);
    let stalled = Request::post("/v1/audit")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(ReceiverStream(rx)))
        .unwrap();
    let (status, err, _) = send(app, stalled).await;
    drop(tx);
    assert_error(status, &err, StatusCode::SERVICE_UNAVAILABLE, "timeout");
}

/// An mpsc receiver as a stream: a body that never ends while the sender lives.
struct ReceiverStream(tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>);

impl Stream for ReceiverStream {
    type Item = Result<Vec<u8>, std::io::Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

#[tokio::test]
async fn every_route_is_in_the_spec_and_every_operation_is_routed() {
    let spec: Value = serde_json::from_str(OPENAPI).unwrap();
    let paths = spec["paths"].as_object().unwrap();
    // The spec describes exactly ROUTES.
    let mut described = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            described.push((method.to_ascii_uppercase(), path.clone()));
        }
    }
    let mut routes: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    described.sort();
    routes.sort();
    assert_eq!(described, routes);
    // The router serves each, and no other method on these paths.
    for (method, path) in &routes {
        for other in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            let req = Request::builder()
                .method(Method::from_bytes(other.as_bytes()).unwrap())
                .uri(path.as_str())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let status = app().oneshot(req).await.unwrap().status();
            if other == method {
                assert!(
                    status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path}: {status}"
                );
            } else {
                assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{other} {path}");
            }
        }
    }
}

/// A JSON Schema validator for one component of the spec.
fn validator(spec: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    root["components"] = spec["components"].clone();
    jsonschema::draft202012::new(&root).unwrap()
}

#[tokio::test]
async fn examples_validate_and_answers_match_the_spec() {
    let spec: Value = serde_json::from_str(OPENAPI).unwrap();
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(content) = op["requestBody"]["content"]["application/json"].as_object() else {
                continue;
            };
            let request = validator(&spec, &content["schema"]);
            let ok = &op["responses"]["200"]["content"]["application/json"]["schema"];
            let response = validator(&spec, ok);
            let error = validator(&spec, &json!({"$ref": "#/components/schemas/Error"}));
            for (name, example) in content["examples"].as_object().unwrap() {
                let value = &example["value"];
                let problems: Vec<String> =
                    request.iter_errors(value).map(|e| e.to_string()).collect();
                assert!(
                    problems.is_empty(),
                    "{method} {path} example {name}: {problems:?}"
                );
                let req = Request::builder()
                    .method(method.to_ascii_uppercase().as_str())
                    .uri(path.as_str())
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(value.to_string()))
                    .unwrap();
                let (status, body, _) = send(app(), req).await;
                assert_eq!(status, StatusCode::OK, "{path} {name}: {body}");
                let problems: Vec<String> =
                    response.iter_errors(&body).map(|e| e.to_string()).collect();
                assert!(problems.is_empty(), "{path} {name} answer: {problems:?}");
                checked += 1;
            }
            // A request the schema rejects is also rejected by the handler,
            // with a body the Error schema accepts.
            let bad = json!({"unexpected": true});
            assert!(!request.is_valid(&bad));
            let req = Request::builder()
                .method(method.to_ascii_uppercase().as_str())
                .uri(path.as_str())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(bad.to_string()))
                .unwrap();
            let (status, body, _) = send(app(), req).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(error.is_valid(&body), "{body}");
        }
    }
    assert_eq!(checked, 3);
    // GET answers against their schemas.
    let health = validator(&spec, &json!({"$ref": "#/components/schemas/Health"}));
    let (_, body, _) = send(app(), get("/healthz")).await;
    assert!(health.is_valid(&body), "{body}");
}

#[tokio::test]
async fn the_page_has_a_strict_csp_and_no_external_urls() {
    let res = app().oneshot(get("/")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert!(!csp.contains("http"), "{csp}");
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = String::from_utf8(
        to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(
        html.contains("<script src=\"/app.js\""),
        "the page loads its own script"
    );
    for asset in ["/", "/app.js", "/app.css"] {
        let res = app().oneshot(get(asset)).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{asset}");
        let text = String::from_utf8(
            to_bytes(res.into_body(), usize::MAX)
                .await
                .unwrap()
                .to_vec(),
        )
        .unwrap();
        assert!(!text.is_empty(), "{asset}");
        for external in ["http://", "https://", "//cdn", "@import", "url("] {
            assert!(!text.contains(external), "{asset} contains {external}");
        }
    }
    let js = crosscheck_server::page::APP_JS;
    assert!(
        !js.contains("innerHTML")
            && !js.contains("outerHTML")
            && !js.contains("insertAdjacentHTML")
    );
    assert!(!js.contains("eval(") && !js.contains("document.write"));
}
