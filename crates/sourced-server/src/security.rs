//! The layers every request passes: security headers on every response (errors and static
//! files included), JSON for every `/api` error whoever produced it, the request body limit,
//! and the token (Bearer header or the `sourced_token` cookie set by the login form). Also
//! the login and logout pages and the embedded UI files.

use crate::api::error_response;
use crate::AppState;
use axum::extract::{DefaultBodyLimit, Form, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde::Deserialize;

pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const COOKIE: &str = "sourced_token";

const INDEX_HTML: &str = include_str!("../ui/index.html");
const APP_JS: &str = include_str!("../ui/app.js");
const APP_CSS: &str = include_str!("../ui/app.css");

pub(crate) fn wrap(routes: Router<AppState>, state: AppState) -> Router {
    let limit = state.0.max_body;
    routes
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn_with_state(state.clone(), headers))
        .with_state(state)
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(req: Request) -> Response {
    if is_api(req.uri().path()) {
        error_response(
            StatusCode::NOT_FOUND,
            "no such API route; see /api/openapi.json",
        )
    } else {
        (StatusCode::NOT_FOUND, "not found\n").into_response()
    }
}

/// Outermost layer. Also turns the framework's own plain-text rejections (bad query string,
/// wrong method, body too large) into the API's JSON errors, so a client never has to parse
/// two error shapes.
async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let api = is_api(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // A declared length over the limit is refused before a byte of it is read.
    let mut res = if declared.is_some_and(|n| n > state.0.max_body as u64) {
        too_large(state.0.max_body)
    } else {
        next.run(req).await
    };
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if api && (status.is_client_error() || status.is_server_error()) && !is_json {
        res = if status == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(state.0.max_body)
        } else {
            let body = axum::body::to_bytes(std::mem::take(res.body_mut()), 4096)
                .await
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body).trim().to_string();
            let message = if text.is_empty() {
                status.canonical_reason().unwrap_or("error").to_lowercase()
            } else {
                text
            };
            error_response(status, &message)
        };
    }
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

fn too_large(limit: usize) -> Response {
    error_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!("the request body is larger than {limit} bytes (see --max-body)"),
    )
}

/// Compares without stopping at the first difference, so the time taken does not tell an
/// attacker how much of a guess was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// The cookie carries the token hex-encoded, so any token fits a cookie value.
fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let bearer = headers
        .get_all(header::AUTHORIZATION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix("Bearer "))
        .any(|t| same(t.trim().as_bytes(), token.as_bytes()));
    if bearer {
        return true;
    }
    let want = hex(token);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .any(|v| same(v.as_bytes(), want.as_bytes()))
}

async fn require_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(token) = state.0.token.as_deref() else {
        return next.run(req).await;
    };
    let path = req.uri().path();
    if path == "/login" || path == "/logout" || authorized(req.headers(), token) {
        return next.run(req).await;
    }
    if is_api(path) {
        let mut res = error_response(
            StatusCode::UNAUTHORIZED,
            "a token is required: send Authorization: Bearer TOKEN or sign in at /login",
        );
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        res
    } else {
        redirect("/login")
    }
}

fn redirect(to: &'static str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

pub(crate) async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

pub(crate) async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS)
}

fn login_page(status: StatusCode, note: &str) -> Response {
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>sourced: sign in</title>\n</head>\n<body>\n<h1>sourced workbench</h1>\n{note}\
         <form method=\"post\" action=\"/login\">\n\
         <label>Token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" autofocus required></label>\n\
         <button type=\"submit\">Sign in</button>\n</form>\n</body>\n</html>\n"
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
        .into_response()
}

pub(crate) async fn login_form() -> Response {
    login_page(StatusCode::OK, "")
}

/// A form posted from another site must not sign the browser in or out: browsers send
/// `Origin` on cross-site POSTs, and it has to name this very host. (The cookie itself is
/// SameSite=Strict, so it never rides along on another site's requests.)
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let (Ok(origin), Some(host)) = (
        origin.to_str(),
        headers.get(header::HOST).and_then(|h| h.to_str().ok()),
    ) else {
        return false;
    };
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    token: String,
}

pub(crate) async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "cross-origin sign-in refused\n").into_response();
    }
    let Some(token) = state.0.token.as_deref() else {
        return redirect("/");
    };
    let Ok(Form(form)) = form else {
        return login_page(StatusCode::BAD_REQUEST, "<p>Enter the token.</p>\n");
    };
    if !same(form.token.trim().as_bytes(), token.as_bytes()) {
        return login_page(
            StatusCode::UNAUTHORIZED,
            "<p>That token is not right.</p>\n",
        );
    }
    let cookie = format!("{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/", hex(token));
    let mut res = redirect("/");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

pub(crate) async fn logout(headers: HeaderMap, method: Method) -> Response {
    if method != Method::POST || !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "cross-origin sign-out refused\n").into_response();
    }
    let mut res = redirect("/login");
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("sourced_token=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    res
}
