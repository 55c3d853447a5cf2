//! The server over a small ledger (the demo corpus): every route answers, errors are JSON,
//! and the security rules of the workbench contract hold.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use sourced_engine::{extract, Ledger, Meta, Options};
use sourced_server::{check_bind, route_table, router, AppState, Config, Server, ServerError};
use sourced_store::{Store, ToStore};
use std::net::SocketAddr;
use tower::ServiceExt;

const DEMO: &str = include_str!("../../../examples/demo/drevna.jsonl");

/// A temporary ledger holding the demo corpus.
fn demo_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db").to_str().unwrap().to_string();
    let mut store = Store::open(&path).unwrap();
    let mut batch = Vec::new();
    for raw in
        sourced_intake::from_bytes(DEMO.as_bytes(), "demo", sourced_intake::Format::Jsonl).unwrap()
    {
        let raw = raw.unwrap();
        let meta = Meta {
            id: raw.id.clone(),
            url: raw.url.clone(),
            title: raw.title.clone(),
            outlet: raw
                .url
                .as_deref()
                .and_then(|u| u.split('/').nth(2))
                .map(str::to_string),
            published: raw.published.clone(),
        };
        let ledger = Ledger::from_doc(&extract(&raw.text, meta, Options::default()));
        batch.push(ToStore::new(ledger, &raw.origin));
    }
    store.write_batch(&batch).unwrap();
    (dir, path)
}

struct App {
    router: Router,
    _dir: tempfile::TempDir,
}

fn app_with(configure: impl FnOnce(&mut Config)) -> App {
    let (dir, path) = demo_db();
    let mut config = Config::new(&path);
    config.pool = Some(2);
    configure(&mut config);
    App {
        router: router(AppState::open(&config).unwrap()),
        _dir: dir,
    }
}

fn app() -> App {
    app_with(|_| {})
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn send(app: &App, req: Request<Body>) -> Answer {
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &App, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

fn assert_security_headers(a: &Answer, what: &str) {
    assert_eq!(
        a.header(header::CONTENT_SECURITY_POLICY),
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        "{what}"
    );
    assert_eq!(
        a.header(header::X_CONTENT_TYPE_OPTIONS),
        "nosniff",
        "{what}"
    );
    assert_eq!(a.header(header::REFERRER_POLICY), "no-referrer", "{what}");
    assert_eq!(a.header(header::X_FRAME_OPTIONS), "DENY", "{what}");
}

fn assert_json_error(a: &Answer, status: StatusCode, what: &str) {
    assert_eq!(
        a.status,
        status,
        "{what}: {}",
        String::from_utf8_lossy(&a.body)
    );
    assert!(
        a.header(header::CONTENT_TYPE)
            .starts_with("application/json"),
        "{what}: {}",
        a.header(header::CONTENT_TYPE)
    );
    assert!(a.json()["error"].is_string(), "{what}");
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = app();
    for uri in [
        "/",
        "/app.js",
        "/app.css",
        "/login",
        "/api/health",
        "/api/claims?limit=1",
        "/api/claims/nope",
        "/api/nope",
        "/nope",
        "/api/claims?offset=minus",
    ] {
        assert_security_headers(&get(&app, uri).await, uri);
    }
    let a = send(&app, post("/api/extract", "application/json", "{")).await;
    assert_security_headers(&a, "bad JSON body");
    assert_json_error(&a, StatusCode::BAD_REQUEST, "bad JSON body");
}

#[tokio::test]
async fn static_files_are_embedded_with_their_types() {
    let app = app();
    for (uri, ty) in [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "text/css; charset=utf-8"),
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_eq!(a.header(header::CONTENT_TYPE), ty, "{uri}");
        assert_eq!(a.header(header::CACHE_CONTROL), "no-cache", "{uri}");
    }
    let index = String::from_utf8(get(&app, "/").await.body).unwrap();
    assert!(index.contains("<script src=\"/app.js\""), "{index}");
    assert_eq!(get(&app, "/index.html").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn errors_are_json() {
    let app = app();
    assert_json_error(
        &get(&app, "/api/nope").await,
        StatusCode::NOT_FOUND,
        "route",
    );
    assert_json_error(
        &get(&app, "/api/claims/nope").await,
        StatusCode::NOT_FOUND,
        "claim",
    );
    assert_json_error(
        &get(&app, "/api/documents/nope").await,
        StatusCode::NOT_FOUND,
        "document",
    );
    assert_json_error(
        &get(&app, "/api/sources/nope").await,
        StatusCode::NOT_FOUND,
        "sources",
    );
    assert_json_error(
        &get(&app, "/api/claims?limit=many").await,
        StatusCode::BAD_REQUEST,
        "limit",
    );
    assert_json_error(
        &get(&app, "/api/claims?sort=sideways").await,
        StatusCode::BAD_REQUEST,
        "sort",
    );
    assert_json_error(
        &get(&app, "/api/timeline?subject=soldiers").await,
        StatusCode::BAD_REQUEST,
        "timeline without measure",
    );
    assert_json_error(
        &get(&app, "/api/extract").await,
        StatusCode::METHOD_NOT_ALLOWED,
        "GET on a POST route",
    );
    assert_json_error(
        &send(&app, post("/api/extract", "image/png", "x")).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "image",
    );
}

#[tokio::test]
async fn token_guards_api_and_pages() {
    let app = app_with(|c| c.token = Some("s3cret-token".into()));
    let a = get(&app, "/api/health").await;
    assert_json_error(&a, StatusCode::UNAUTHORIZED, "no token");
    assert_security_headers(&a, "401");
    let a = get(&app, "/").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.header(header::LOCATION), "/login");
    assert_security_headers(&a, "redirect");
    let wrong = Request::get("/api/health")
        .header(header::AUTHORIZATION, "Bearer s3cret-tokex")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, wrong).await.status, StatusCode::UNAUTHORIZED);
    let right = Request::get("/api/health")
        .header(header::AUTHORIZATION, "Bearer s3cret-token")
        .body(Body::empty())
        .unwrap();
    let a = send(&app, right).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["ok"], true);

    // The login form gives a cookie that opens the API and the pages.
    assert_eq!(get(&app, "/login").await.status, StatusCode::OK);
    let bad = send(
        &app,
        post("/login", "application/x-www-form-urlencoded", "token=guess"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.header(header::SET_COOKIE).is_empty());
    let mut cross = post(
        "/login",
        "application/x-www-form-urlencoded",
        "token=s3cret-token",
    );
    cross
        .headers_mut()
        .insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
    cross
        .headers_mut()
        .insert(header::ORIGIN, "http://evil.example".parse().unwrap());
    let a = send(&app, cross).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN, "cross-origin login");
    assert!(a.header(header::SET_COOKIE).is_empty());

    let mut login = post(
        "/login",
        "application/x-www-form-urlencoded",
        "token=s3cret-token",
    );
    login
        .headers_mut()
        .insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
    login
        .headers_mut()
        .insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
    let a = send(&app, login).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let cookie = a.header(header::SET_COOKIE).to_string();
    assert!(cookie.starts_with("sourced_token="), "{cookie}");
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie}");
    }
    assert!(
        !cookie.contains("s3cret-token"),
        "the raw token is not echoed"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    for uri in ["/api/health", "/"] {
        let req = Request::get(uri)
            .header(header::COOKIE, &pair)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&app, req).await.status, StatusCode::OK, "{uri}");
    }
    let a = send(
        &app,
        post("/logout", "application/x-www-form-urlencoded", ""),
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(a.header(header::SET_COOKIE).contains("Max-Age=0"));
}

#[tokio::test]
async fn ingest_is_forbidden_without_a_configured_token() {
    let app = app();
    let a = send(
        &app,
        post(
            "/api/ingest",
            "text/plain",
            "Some 30 soldiers were killed, officials said.",
        ),
    )
    .await;
    assert_json_error(&a, StatusCode::FORBIDDEN, "ingest");
    assert_eq!(
        a.json()["error"],
        "writes are disabled: start sourced serve with --token"
    );
}

#[tokio::test]
async fn ingest_with_a_token_stores_once() {
    let app = app_with(|c| c.token = Some("t0ken".into()));
    let text = "The Ostrian ministry said on Monday that 17 Ostrian soldiers were killed near \
                Velka.\n\n\"We lost good people,\" said ministry spokesman Piet Arno.";
    let ingest = || {
        let mut r = post(
            "/api/ingest",
            "application/json",
            serde_json::json!({"text": text, "url": "https://ostria-daily.example/n/1", "published": "2031-05-05"})
                .to_string(),
        );
        r.headers_mut()
            .insert(header::AUTHORIZATION, "Bearer t0ken".parse().unwrap());
        r
    };
    let without = post("/api/ingest", "text/plain", text);
    assert_json_error(
        &send(&app, without).await,
        StatusCode::UNAUTHORIZED,
        "no token",
    );
    let a = send(&app, ingest()).await;
    assert_eq!(
        a.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    let v = a.json();
    assert_eq!(v["outcome"], "new");
    assert!(v["claims"].as_u64().unwrap() >= 1, "{v}");
    let doc_id = v["doc_id"].as_str().unwrap().to_string();
    assert_eq!(send(&app, ingest()).await.json()["outcome"], "unchanged");
    let req = Request::get(format!("/api/documents/{doc_id}"))
        .header(header::AUTHORIZATION, "Bearer t0ken")
        .body(Body::empty())
        .unwrap();
    let doc = send(&app, req).await.json();
    assert_eq!(doc["outlet"], "ostria-daily.example");
}

#[tokio::test]
async fn large_bodies_are_refused_with_json() {
    let app = app_with(|c| c.max_body = 1024);
    let big = "word ".repeat(1000);
    // With a Content-Length header ...
    let mut r = post("/api/extract", "text/plain", big.clone());
    r.headers_mut().insert(
        header::CONTENT_LENGTH,
        big.len().to_string().parse().unwrap(),
    );
    let a = send(&app, r).await;
    assert_json_error(&a, StatusCode::PAYLOAD_TOO_LARGE, "declared");
    assert_security_headers(&a, "413");
    let a = send(
        &app,
        post(
            "/api/extract",
            "application/json",
            serde_json::json!({"text": big}).to_string(),
        ),
    )
    .await;
    assert_json_error(&a, StatusCode::PAYLOAD_TOO_LARGE, "json");
}

/// A real listener, and a chunked body: no length is known until the limit is crossed.
#[tokio::test]
async fn a_streamed_body_over_the_limit_is_refused() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (_dir, path) = demo_db();
    let mut config = Config::new(&path);
    config.bind = SocketAddr::from(([127, 0, 0, 1], 0));
    config.max_body = 1024;
    config.pool = Some(1);
    let server = Server::bind(config).await.unwrap();
    let addr = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = String::from(
        "POST /api/extract HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for _ in 0..40 {
        request.push_str(&format!("64\r\n{}\r\n", "x".repeat(100)));
    }
    request.push_str("0\r\n\r\n");
    // The server may answer and close before reading everything; that is fine.
    let _ = tcp.write_all(request.as_bytes()).await;
    let mut answer = Vec::new();
    let _ = tcp.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer).to_lowercase();
    assert!(answer.starts_with("http/1.1 413"), "{answer}");
    assert!(
        answer.contains("content-type: application/json"),
        "{answer}"
    );
    assert!(
        answer.contains("content-security-policy: default-src 'none'"),
        "{answer}"
    );
    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_script_in_an_article_comes_back_as_json_data() {
    let app = app();
    let html = "<html><head><title>Night at Velka</title><script>alert('head')</script></head><body>\
        <article><h1>Night at Velka</h1>\
        <p>At least 12 Ostrian soldiers were killed near Velka on Tuesday, the Ostrian defence ministry said.</p>\
        <p><script>document.cookie</script>\"We heard the guns until dawn,\" said Mara Lind, a nurse at the town hospital.</p>\
        <p>The ministry gave no further details about the fighting near the river crossing.</p>\
        </article></body></html>";
    let a = send(&app, post("/api/extract", "text/html", html)).await;
    assert_eq!(
        a.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    assert_eq!(a.header(header::CONTENT_TYPE), "application/json");
    assert_security_headers(&a, "extract");
    let v = a.json();
    let text = v["text"].as_str().unwrap();
    assert!(text.contains("12 Ostrian soldiers"), "{text}");
    assert!(!text.contains("alert("), "{text}");
    assert_eq!(v["document"]["text"], v["text"]);
    assert!(!v["claims"].as_array().unwrap().is_empty(), "{v}");

    // As plain text the markup is data: it is returned inside a JSON string, nothing else.
    let plain =
        "<script>alert(1)</script> At least 12 Ostrian soldiers were killed, the ministry said.";
    let a = send(&app, post("/api/extract", "text/plain", plain)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header(header::CONTENT_TYPE), "application/json");
    let v = a.json();
    assert!(v["text"]
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));
    assert!(v["entities"].is_array() && v["quotes"].is_array() && v["stances"].is_array());
}

#[tokio::test]
async fn extract_answers_what_the_cli_prints_plus_the_text() {
    let app = app();
    let text = "At least 12 Ostrian soldiers were killed near Velka, the ministry said.";
    let a = send(&app, post("/api/extract", "text/plain", text)).await;
    assert_eq!(a.status, StatusCode::OK);
    let ledger = Ledger::from_doc(&extract(text, Meta::default(), Options::default()));
    let cli = serde_json::to_string(&ledger).unwrap();
    let body = String::from_utf8(a.body).unwrap();
    let with_text = format!(
        "{},\"text\":{}}}",
        &cli[..cli.len() - 1],
        serde_json::to_string(&ledger.document.text).unwrap()
    );
    assert_eq!(body, with_text);
}

#[tokio::test]
async fn extract_takes_a_multipart_file() {
    let app = app();
    let boundary = "XyZ123";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"velka.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nAt least 12 Ostrian soldiers were killed near Velka, the ministry said.\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://www.velka-post.example/a\r\n\
         --{boundary}--\r\n"
    );
    let a = send(
        &app,
        post(
            "/api/extract",
            &format!("multipart/form-data; boundary={boundary}"),
            body,
        ),
    )
    .await;
    assert_eq!(
        a.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&a.body)
    );
    let v = a.json();
    assert_eq!(v["document"]["outlet"], "velka-post.example");
    assert_eq!(v["claims"][0]["value"], 12.0);
}

#[test]
fn refuses_a_public_address_without_a_token() {
    let mut config = Config::new("unused.db");
    config.bind = SocketAddr::from(([0, 0, 0, 0], 0));
    assert!(matches!(
        check_bind(&config),
        Err(ServerError::TokenRequired { .. })
    ));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let err = rt.block_on(Server::bind(config.clone())).err().unwrap();
    assert!(err.to_string().contains("without a token"), "{err}");
    config.token = Some(String::new());
    assert!(check_bind(&config).is_err(), "an empty token is no token");
    config.token = Some("t".into());
    assert!(check_bind(&config).is_ok());
    config.bind = SocketAddr::from(([127, 0, 0, 1], 0));
    config.token = None;
    assert!(check_bind(&config).is_ok());
}

#[test]
fn a_missing_database_is_an_error_not_an_empty_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let config = Config::new(path.to_str().unwrap());
    assert!(matches!(
        AppState::open(&config),
        Err(ServerError::NoDatabase { .. })
    ));
    assert!(!path.exists());
}

#[tokio::test]
async fn openapi_lists_exactly_the_api_routes() {
    let app = app();
    let spec = get(&app, "/api/openapi.json").await.json();
    assert_eq!(spec["openapi"], "3.1.0");
    let mut documented: Vec<(String, String)> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(|m| (m.to_uppercase(), path.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut routed: Vec<(String, String)> = route_table()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/"))
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect();
    documented.sort();
    routed.sort();
    assert_eq!(documented, routed);
    // And the table is what the router answers: no route falls through to the 404 or 405.
    for (method, path) in routed {
        let uri = path.replace("{id}", "x").replace("{claim_id}", "x");
        let req = Request::builder()
            .method(method.as_str())
            .uri(&uri)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("x"))
            .unwrap();
        let a = send(&app, req).await;
        assert_ne!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        if a.status == StatusCode::NOT_FOUND {
            let msg = a.json()["error"].as_str().unwrap().to_string();
            assert!(!msg.contains("no such API route"), "{method} {uri}: {msg}");
        }
    }
}

#[tokio::test]
async fn every_list_and_view_answers_on_the_demo() {
    let app = app();
    let health = get(&app, "/api/health").await.json();
    assert_eq!(health["ok"], true);
    assert!(health["documents"].as_i64().unwrap() > 0);
    let stats = get(&app, "/api/stats").await.json();
    assert!(stats["claims"].as_i64().unwrap() > 0);

    let page = get(&app, "/api/claims?limit=2&offset=1&sort=value")
        .await
        .json();
    assert_eq!(
        (page["offset"].as_u64(), page["limit"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(page["total"].as_i64().unwrap() > 2);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items[0]["value"].as_f64() <= items[1]["value"].as_f64());
    assert_eq!(
        get(&app, "/api/claims?limit=100000").await.json()["limit"],
        500
    );
    let claim_id = items[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        get(&app, &format!("/api/claims/{claim_id}")).await.json()["id"],
        claim_id.as_str()
    );

    let subjects = get(&app, "/api/subjects").await.json();
    let first = &subjects["items"][0];
    let (subject, measure) = (
        first["subject_key"].as_str().unwrap().to_string(),
        first["measure"].as_str().unwrap().to_string(),
    );
    let q = |s: &str| s.replace(' ', "%20");
    let t = get(
        &app,
        &format!(
            "/api/timeline?subject={}&measure={}",
            q(&subject),
            q(&measure)
        ),
    )
    .await;
    assert_eq!(t.status, StatusCode::OK);
    let t = t.json();
    assert_eq!(t["measure"], measure.as_str());
    assert!(!t["items"].as_array().unwrap().is_empty());
    let s = get(
        &app,
        &format!(
            "/api/summary?subject={}&measure={}&period=year",
            q(&subject),
            q(&measure)
        ),
    )
    .await;
    assert_eq!(s.status, StatusCode::OK);
    assert!(s.json().is_array());
    assert!(get(&app, "/api/conflicts").await.json()["items"].is_array());
    let p = get(&app, &format!("/api/sources/{claim_id}")).await;
    assert_eq!(p.status, StatusCode::OK);

    let docs = get(&app, "/api/documents?limit=3").await.json();
    let doc_id = docs["items"][0]["id"].as_str().unwrap().to_string();
    let doc = get(&app, &format!("/api/documents/{doc_id}")).await.json();
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let entity = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| !e["mentions"].as_array().unwrap().is_empty())
        .expect("an entity with mention spans");
    let span = &entity["mentions"][0];
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert!(a < b && b <= text.len());
    for c in doc["claims"].as_array().unwrap() {
        let (a, b) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            c["text"].as_str().unwrap()
        );
    }

    assert!(
        get(&app, "/api/entities?limit=5").await.json()["total"]
            .as_i64()
            .unwrap()
            > 0
    );
    assert!(
        get(&app, "/api/quotes?limit=5").await.json()["total"]
            .as_i64()
            .unwrap()
            > 0
    );
    assert!(get(&app, "/api/stances").await.json()["items"].is_array());
    let found = get(&app, "/api/search?q=Valorian").await.json();
    for k in ["subjects", "entities", "documents", "claims"] {
        assert!(found[k].is_array(), "{k}");
    }
    assert!(!found["subjects"].as_array().unwrap().is_empty());
}
