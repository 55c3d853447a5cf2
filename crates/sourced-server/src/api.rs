//! The routes and their handlers. Handlers parse the request, hand one closure to the store
//! pool (or the engine) on a blocking thread, and return JSON; every failure is an
//! [`ApiError`], answered as `{"error": "..."}`.

use crate::{security, AppState};
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use sourced_engine::{extract, Ledger, Meta, Options};
use sourced_intake::{Format, RawDocument};
use sourced_store::{
    ClaimQuery, ClaimSort, Outcome, Paging, Period, StoreError, ToStore, CORROBORATION_WINDOW_DAYS,
};

/// An error answer: a status and one line for the user.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound { .. } => ApiError::new(StatusCode::NOT_FOUND, e.to_string()),
            _ => {
                // The operator sees the detail in the terminal the server runs in.
                eprintln!("sourced serve: {e}");
                ApiError::internal(e.to_string())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status, &self.message)
    }
}

pub(crate) fn error_response(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

type ApiResult = Result<Response, ApiError>;

fn ok<T: serde::Serialize>(value: T) -> ApiResult {
    Ok(Json(value).into_response())
}

/// One route of the application, as the OpenAPI document must describe it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
}

/// Every route goes through here, so the table the OpenAPI test checks is the router's own.
struct Builder {
    router: Router<AppState>,
    table: Vec<Route>,
}

impl Builder {
    fn add(mut self, method: &'static str, path: &'static str, mr: MethodRouter<AppState>) -> Self {
        self.table.push(Route { method, path });
        self.router = self.router.route(path, mr);
        self
    }
}

fn build() -> Builder {
    Builder {
        router: Router::new(),
        table: Vec::new(),
    }
    .add("GET", "/api/health", get(health))
    .add("GET", "/api/stats", get(stats))
    .add("GET", "/api/claims", get(claims))
    .add("GET", "/api/claims/{id}", get(claim))
    .add("GET", "/api/timeline", get(timeline))
    .add("GET", "/api/conflicts", get(conflicts))
    .add("GET", "/api/sources/{claim_id}", get(sources))
    .add("GET", "/api/summary", get(summary))
    .add("GET", "/api/subjects", get(subjects))
    .add("GET", "/api/documents", get(documents))
    .add("GET", "/api/documents/{id}", get(document))
    .add("GET", "/api/entities", get(entities))
    .add("GET", "/api/quotes", get(quotes))
    .add("GET", "/api/stances", get(stances))
    .add("GET", "/api/search", get(search))
    .add("POST", "/api/extract", post(extract_route))
    .add("POST", "/api/ingest", post(ingest_route))
    .add("GET", "/api/openapi.json", get(openapi))
    .add("GET", "/", get(security::index))
    .add("GET", "/app.js", get(security::app_js))
    .add("GET", "/app.css", get(security::app_css))
    .add("GET", "/login", get(security::login_form))
    .add("POST", "/login", post(security::login))
    .add("POST", "/logout", post(security::logout))
}

pub(crate) fn routes() -> Router<AppState> {
    build().router
}

/// Every (method, path) the router answers, `/api` and pages alike.
pub fn route_table() -> Vec<Route> {
    build().table
}

/// An empty query value means "any", as an empty form field does.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn paging(offset: Option<usize>, limit: Option<usize>) -> Paging {
    Paging::new(offset.unwrap_or(0), limit.unwrap_or(50))
}

async fn health(State(s): State<AppState>) -> ApiResult {
    let documents = s.0.pool.run(|st| st.stats()).await?.documents;
    ok(json!({ "ok": true, "version": env!("CARGO_PKG_VERSION"), "documents": documents }))
}

async fn stats(State(s): State<AppState>) -> ApiResult {
    ok(s.0.pool.run(|st| st.stats()).await?)
}

#[derive(Deserialize)]
struct ClaimsQ {
    subject: Option<String>,
    measure: Option<String>,
    claimant: Option<String>,
    outlet: Option<String>,
    place: Option<String>,
    since: Option<String>,
    until: Option<String>,
    sort: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn claims(State(s): State<AppState>, Query(q): Query<ClaimsQ>) -> ApiResult {
    let sort = match given(q.sort) {
        None => ClaimSort::default(),
        Some(v) => ClaimSort::parse(&v).ok_or_else(|| {
            ApiError::bad_request(format!(
                "sort must be date, -date, value or -value, not {v:?}"
            ))
        })?,
    };
    let query = ClaimQuery {
        subject: given(q.subject),
        measure: given(q.measure),
        claimant: given(q.claimant),
        outlet: given(q.outlet),
        place: given(q.place),
        since: given(q.since),
        until: given(q.until),
        sort,
        paging: paging(q.offset, q.limit),
    };
    ok(s.0.pool.run(move |st| st.claims_query(&query)).await?)
}

async fn claim(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    ok(s.0.pool.run(move |st| st.claim(&id)).await?)
}

#[derive(Deserialize)]
struct FigureQ {
    subject: Option<String>,
    measure: Option<String>,
    place: Option<String>,
    period: Option<String>,
}

fn figure(q: &FigureQ) -> Result<(String, String), ApiError> {
    match (given(q.subject.clone()), given(q.measure.clone())) {
        (Some(s), Some(m)) => Ok((s, m)),
        _ => Err(ApiError::bad_request(
            "subject and measure are both required (see /api/subjects)",
        )),
    }
}

async fn timeline(State(s): State<AppState>, Query(q): Query<FigureQ>) -> ApiResult {
    let (subject, measure) = figure(&q)?;
    let place = given(q.place);
    let (sub, mea) = (subject.clone(), measure.clone());
    let items =
        s.0.pool
            .run(move |st| st.timeline_at(&sub, &mea, place.as_deref()))
            .await?;
    ok(json!({ "subject": subject, "measure": measure, "items": items }))
}

#[derive(Deserialize)]
struct ConflictsQ {
    subject: Option<String>,
    measure: Option<String>,
    place: Option<String>,
    window: Option<i64>,
}

async fn conflicts(State(s): State<AppState>, Query(q): Query<ConflictsQ>) -> ApiResult {
    let subject = given(q.subject);
    let measure = given(q.measure);
    let place = given(q.place);
    let window = q.window.unwrap_or(CORROBORATION_WINDOW_DAYS).max(0);
    let mut items =
        s.0.pool
            .run(move |st| st.conflicts_at(subject.as_deref(), place.as_deref(), window))
            .await?;
    if let Some(m) = measure {
        items.retain(|c| c.measure == m);
    }
    ok(json!({ "items": items }))
}

async fn sources(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    ok(s.0.pool.run(move |st| st.sources(&id)).await?)
}

async fn summary(State(s): State<AppState>, Query(q): Query<FigureQ>) -> ApiResult {
    let (subject, measure) = figure(&q)?;
    let period = match given(q.period).as_deref() {
        None | Some("month") => Period::Month,
        Some("day") => Period::Day,
        Some("year") => Period::Year,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "period must be day, month or year, not {other:?}"
            )))
        }
    };
    let place = given(q.place);
    ok(s.0
        .pool
        .run(move |st| st.summary(&subject, &measure, place.as_deref(), period))
        .await?)
}

#[derive(Deserialize)]
struct ListQ {
    q: Option<String>,
    outlet: Option<String>,
    speaker: Option<String>,
    actor: Option<String>,
    offset: Option<usize>,
    limit: Option<usize>,
}

async fn subjects(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let p = paging(q.offset, q.limit);
    let text = given(q.q);
    ok(s.0
        .pool
        .run(move |st| st.subjects(text.as_deref(), p))
        .await?)
}

async fn documents(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let p = paging(q.offset, q.limit);
    let (text, outlet) = (given(q.q), given(q.outlet));
    ok(s.0
        .pool
        .run(move |st| st.documents(text.as_deref(), outlet.as_deref(), p))
        .await?)
}

async fn document(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    ok(s.0.pool.run(move |st| st.document(&id)).await?)
}

async fn entities(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let p = paging(q.offset, q.limit);
    let text = given(q.q);
    ok(s.0
        .pool
        .run(move |st| st.entities(text.as_deref(), p))
        .await?)
}

async fn quotes(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let p = paging(q.offset, q.limit);
    let (speaker, text) = (given(q.speaker), given(q.q));
    ok(s.0
        .pool
        .run(move |st| st.quotes(speaker.as_deref(), text.as_deref(), p))
        .await?)
}

async fn stances(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let p = paging(q.offset, q.limit);
    let actor = given(q.actor);
    ok(s.0
        .pool
        .run(move |st| st.stances(actor.as_deref(), p))
        .await?)
}

async fn search(State(s): State<AppState>, Query(q): Query<ListQ>) -> ApiResult {
    let text = given(q.q).unwrap_or_default();
    ok(s.0.pool.run(move |st| st.search(&text)).await?)
}

async fn openapi() -> ApiResult {
    ok(crate::openapi::document())
}

/// The JSON body of extract and ingest.
#[derive(Deserialize)]
struct ArticleJson {
    text: String,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

/// What a request body gives: the bytes to read and how, plus metadata the caller states.
struct Upload {
    bytes: Vec<u8>,
    format: Format,
    origin: String,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

fn rejection(status: StatusCode, text: String) -> ApiError {
    ApiError::new(status, text)
}

async fn read_upload(s: &AppState, req: Request) -> Result<Upload, ApiError> {
    let mime = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut up = Upload {
        bytes: Vec::new(),
        format: Format::Text,
        origin: "request".to_string(),
        title: None,
        url: None,
        outlet: None,
        published: None,
    };
    match mime.as_str() {
        "multipart/form-data" => {
            let mut form = Multipart::from_request(req, s)
                .await
                .map_err(|r| rejection(r.status(), r.body_text()))?;
            let mut file = None;
            while let Some(field) = form
                .next_field()
                .await
                .map_err(|e| rejection(e.status(), e.body_text()))?
            {
                let name = field.name().unwrap_or("").to_string();
                let file_name = field.file_name().map(str::to_string);
                let data = field
                    .bytes()
                    .await
                    .map_err(|e| rejection(e.status(), e.body_text()))?;
                let text = || String::from_utf8_lossy(&data).trim().to_string();
                match name.as_str() {
                    "file" => file = Some((file_name, data.to_vec())),
                    "title" => up.title = Some(text()),
                    "url" => up.url = Some(text()),
                    "outlet" => up.outlet = Some(text()),
                    "published" => up.published = Some(text()),
                    _ => {}
                }
            }
            let Some((name, bytes)) = file else {
                return Err(ApiError::bad_request("the form has no `file` field"));
            };
            if let Some(name) = name.filter(|n| !n.is_empty()) {
                up.format = Format::from_path(std::path::Path::new(&name)).0;
                up.origin = name;
            } else {
                up.format = Format::Auto;
            }
            up.bytes = bytes;
        }
        "application/json" => {
            let body = Bytes::from_request(req, s)
                .await
                .map_err(|r| rejection(r.status(), r.body_text()))?;
            let a: ArticleJson = serde_json::from_slice(&body).map_err(|e| {
                ApiError::bad_request(format!(
                    "expected {{\"text\": ..., \"title\"?, \"url\"?, \"outlet\"?, \"published\"?}}: {e}"
                ))
            })?;
            up.bytes = a.text.into_bytes();
            up.title = a.title;
            up.url = a.url;
            up.outlet = a.outlet;
            up.published = a.published;
        }
        "text/plain" | "text/html" | "application/xhtml+xml" => {
            up.format = if mime == "text/plain" {
                Format::Text
            } else {
                Format::Html
            };
            up.bytes = Bytes::from_request(req, s)
                .await
                .map_err(|r| rejection(r.status(), r.body_text()))?
                .to_vec();
        }
        "" => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "give a Content-Type: application/json, text/plain, text/html or multipart/form-data",
            ))
        }
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "{other} is not accepted: send application/json, text/plain, text/html or multipart/form-data"
                ),
            ))
        }
    }
    Ok(up)
}

/// The host of a URL without "www.", the outlet's name when none is given (as `sourced
/// extract` does).
fn outlet_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Reads the upload as intake reads a file and runs the engine on it: exactly one document.
fn ledger_of(up: Upload) -> Result<(Ledger, String), ApiError> {
    let origin = up.origin.clone();
    let mut stream = sourced_intake::from_bytes(&up.bytes, &up.origin, up.format)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let raw: RawDocument = match stream.next() {
        Some(Ok(raw)) => raw,
        Some(Err(e)) => return Err(ApiError::bad_request(e.to_string())),
        None => return Err(ApiError::bad_request("the body holds no document")),
    };
    if stream.next().is_some() {
        return Err(ApiError::bad_request(
            "the body holds more than one document; send one per request",
        ));
    }
    if raw.text.trim().is_empty() {
        return Err(ApiError::bad_request("the document has no text"));
    }
    let url = up.url.or(raw.url);
    let meta = Meta {
        id: raw.id,
        outlet: up.outlet.or_else(|| url.as_deref().and_then(outlet_of)),
        url,
        title: up.title.or(raw.title),
        published: up.published.or(raw.published),
    };
    let doc = extract(&raw.text, meta, Options::default());
    Ok((Ledger::from_doc(&doc), origin))
}

async fn ledger_from_request(s: &AppState, req: Request) -> Result<(Ledger, String), ApiError> {
    let up = read_upload(s, req).await?;
    let _permit =
        s.0.extracting
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
    tokio::task::spawn_blocking(move || ledger_of(up))
        .await
        .map_err(|_| ApiError::internal("extraction failed unexpectedly"))?
}

/// The ledger as `sourced extract --format json` writes it (same fields, same order), with
/// the text its spans index beside it.
#[derive(serde::Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    ledger: &'a Ledger,
    text: &'a str,
}

async fn extract_route(State(s): State<AppState>, req: Request) -> ApiResult {
    let (ledger, _) = ledger_from_request(&s, req).await?;
    ok(WithText {
        ledger: &ledger,
        text: &ledger.document.text,
    })
}

async fn ingest_route(State(s): State<AppState>, req: Request) -> ApiResult {
    // The token layer has already checked the token when one is configured; without one,
    // writes stay off whoever asks.
    if s.0.token.is_none() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start sourced serve with --token",
        ));
    }
    let (ledger, origin) = ledger_from_request(&s, req).await?;
    let (claims, quotes) = (ledger.claims.len(), ledger.quotes.len());
    let doc = ToStore::new(ledger, &format!("api:{origin}"));
    let outcome =
        s.0.pool
            .run(move |st| Ok(st.write_batch(std::slice::from_ref(&doc))?.remove(0)))
            .await?;
    let (what, id) = match outcome {
        Outcome::Unchanged { id } => ("unchanged", id),
        Outcome::New {
            id,
            dup_of: Some(_),
            ..
        } => ("duplicate", id),
        Outcome::New {
            id,
            revision_of: Some(_),
            ..
        } => ("revision", id),
        Outcome::New { id, .. } => ("new", id),
    };
    ok(json!({ "outcome": what, "doc_id": id, "claims": claims, "quotes": quotes }))
}
