//! A bounded load test: C clients, each on one HTTP/1.1 keep-alive connection, share N
//! requests over a mix of the workbench's endpoints; latencies, errors and the process's
//! memory are reported. Plain TCP through hyper's client: no TLS stack to build.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use std::fmt;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use thiserror::Error;
use tokio::net::TcpStream;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{0}: only http://HOST:PORT URLs are supported")]
    Url(String),
    #[error("cannot reach {addr}: {detail}")]
    Connect { addr: String, detail: String },
    #[error("the ledger at {0} has no claims to ask about; ingest something first")]
    Empty(String),
}

/// Where to send the load.
#[derive(Clone, Debug)]
pub struct Target {
    pub addr: SocketAddr,
    /// The Host header.
    pub host: String,
    pub token: Option<String>,
}

impl Target {
    /// `http://host:port` (a path after it is ignored).
    pub async fn from_url(url: &str, token: Option<String>) -> Result<Target, LoadError> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| LoadError::Url(url.to_string()))?;
        let host = rest.split('/').next().unwrap_or("").to_string();
        if host.is_empty() {
            return Err(LoadError::Url(url.to_string()));
        }
        let with_port = if host.contains(':') && !host.ends_with(']') {
            host.clone()
        } else {
            format!("{host}:80")
        };
        let addr = tokio::net::lookup_host(&with_port)
            .await
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(|| LoadError::Connect {
                addr: with_port.clone(),
                detail: "cannot resolve the host".into(),
            })?;
        Ok(Target { addr, host, token })
    }
}

/// One line of results.
#[derive(Clone, Debug)]
pub struct Report {
    pub requests: usize,
    pub clients: usize,
    pub errors: usize,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub rps: f64,
    pub rss_start_mb: f64,
    pub rss_end_mb: f64,
    pub hwm_mb: f64,
    /// The first few distinct failures, for the operator.
    pub failures: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "requests={} clients={} errors={} p50_ms={:.2} p90_ms={:.2} p99_ms={:.2} max_ms={:.2} rps={:.0} rss_start_mb={:.1} rss_end_mb={:.1} hwm_mb={:.1}",
            self.requests,
            self.clients,
            self.errors,
            self.p50_ms,
            self.p90_ms,
            self.p99_ms,
            self.max_ms,
            self.rps,
            self.rss_start_mb,
            self.rss_end_mb,
            self.hwm_mb
        )
    }
}

/// Resident and peak memory of this process in MB, from /proc (zero elsewhere).
pub fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Invented text for the extract requests.
const ARTICLE: &str = "At least 14 Ostrian soldiers were killed near the river town of Velka on \
Tuesday, the Ostrian defence ministry said. \"The shelling did not stop all night,\" said Mara \
Lind, a nurse at the town hospital.";

struct Call {
    method: Method,
    path: String,
    body: Option<&'static str>,
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

struct Conn {
    sender: http1::SendRequest<Full<Bytes>>,
}

impl Conn {
    async fn open(t: &Target) -> Result<Conn, String> {
        let stream = TcpStream::connect(t.addr)
            .await
            .map_err(|e| e.to_string())?;
        let _ = stream.set_nodelay(true);
        let (sender, conn) = http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(conn);
        Ok(Conn { sender })
    }

    /// Status and body.
    async fn send(&mut self, t: &Target, call: &Call) -> Result<(u16, Bytes), String> {
        let mut b = Request::builder()
            .method(call.method.clone())
            .uri(&call.path)
            .header("host", &t.host);
        if let Some(token) = &t.token {
            b = b.header("authorization", format!("Bearer {token}"));
        }
        let body = match call.body {
            Some(text) => {
                b = b.header("content-type", "text/plain; charset=utf-8");
                Full::new(Bytes::from_static(text.as_bytes()))
            }
            None => Full::new(Bytes::new()),
        };
        let req = b.body(body).map_err(|e| e.to_string())?;
        self.sender.ready().await.map_err(|e| e.to_string())?;
        let res = self
            .sender
            .send_request(req)
            .await
            .map_err(|e| e.to_string())?;
        let status = res.status().as_u16();
        let body = res
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok((status, body))
    }
}

async fn get_json(conn: &mut Conn, t: &Target, path: &str) -> Result<serde_json::Value, LoadError> {
    let call = Call {
        method: Method::GET,
        path: path.to_string(),
        body: None,
    };
    let fail = |detail: String| LoadError::Connect {
        addr: t.addr.to_string(),
        detail,
    };
    let (status, body) = conn.send(t, &call).await.map_err(fail)?;
    if status != 200 {
        return Err(fail(format!(
            "GET {path} answered {status}: {}",
            String::from_utf8_lossy(&body)
        )));
    }
    serde_json::from_slice(&body).map_err(|e| fail(e.to_string()))
}

/// Picks real ids from the ledger so every request finds something.
async fn mix(t: &Target) -> Result<Vec<Call>, LoadError> {
    let mut conn = Conn::open(t).await.map_err(|detail| LoadError::Connect {
        addr: t.addr.to_string(),
        detail,
    })?;
    let first =
        |v: &serde_json::Value, field: &str| v["items"][0][field].as_str().map(str::to_string);
    let subjects = get_json(&mut conn, t, "/api/subjects?limit=1").await?;
    let claims = get_json(&mut conn, t, "/api/claims?limit=1").await?;
    let documents = get_json(&mut conn, t, "/api/documents?limit=1").await?;
    let (Some(subject), Some(measure), Some(claim), Some(doc)) = (
        first(&subjects, "subject_key"),
        first(&subjects, "measure"),
        first(&claims, "id"),
        first(&documents, "id"),
    ) else {
        return Err(LoadError::Empty(t.host.clone()));
    };
    let get = |path: String| Call {
        method: Method::GET,
        path,
        body: None,
    };
    Ok(vec![
        get(format!(
            "/api/timeline?subject={}&measure={}",
            encode(&subject),
            encode(&measure)
        )),
        get(format!("/api/conflicts?subject={}", encode(&subject))),
        get("/api/claims?limit=50&offset=0".into()),
        get(format!("/api/documents/{doc}")),
        get(format!("/api/sources/{}", encode(&claim))),
        get("/api/documents?limit=20".into()),
        get(format!(
            "/api/summary?subject={}&measure={}",
            encode(&subject),
            encode(&measure)
        )),
        get("/api/subjects?limit=20".into()),
        get("/api/health".into()),
        Call {
            method: Method::POST,
            path: "/api/extract".into(),
            body: Some(ARTICLE),
        },
    ])
}

/// Runs `requests` requests from `clients` concurrent keep-alive connections.
pub async fn run(t: Target, clients: usize, requests: usize) -> Result<Report, LoadError> {
    let calls = Arc::new(mix(&t).await?);
    let (rss_start, _) = memory_mb();
    let next = Arc::new(AtomicUsize::new(0));
    let t = Arc::new(t);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients.max(1) {
        let (calls, next, t) = (Arc::clone(&calls), Arc::clone(&next), Arc::clone(&t));
        tasks.push(tokio::spawn(async move {
            let mut times: Vec<Duration> = Vec::new();
            let mut failures: Vec<String> = Vec::new();
            let mut conn = None;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    break;
                }
                let call = &calls[i % calls.len()];
                // Latency is the request's alone: a (re)connect is not counted in it.
                if conn.is_none() {
                    conn = Conn::open(&t).await.map_err(|e| failures.push(e)).ok();
                }
                let Some(c) = conn.as_mut() else {
                    continue;
                };
                let began = Instant::now();
                match c.send(&t, call).await {
                    Ok((200, _)) => times.push(began.elapsed()),
                    Ok((status, body)) => {
                        times.push(began.elapsed());
                        failures.push(format!(
                            "{} {} → {status}: {}",
                            call.method,
                            call.path,
                            String::from_utf8_lossy(&body[..body.len().min(200)])
                        ));
                    }
                    Err(e) => {
                        failures.push(format!("{} {}: {e}", call.method, call.path));
                        conn = None;
                    }
                }
            }
            (times, failures)
        }));
    }
    let mut times = Vec::with_capacity(requests);
    let mut failures = Vec::new();
    for task in tasks {
        match task.await {
            Ok((t, f)) => {
                times.extend(t);
                failures.extend(f);
            }
            Err(e) => failures.push(format!("client task failed: {e}")),
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort_unstable();
    let at = |q: f64| {
        if times.is_empty() {
            return 0.0;
        }
        let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1000.0
    };
    let (rss_end, hwm) = memory_mb();
    let errors = failures.len();
    failures.sort();
    failures.dedup();
    failures.truncate(5);
    Ok(Report {
        requests,
        clients,
        errors,
        p50_ms: at(0.50),
        p90_ms: at(0.90),
        p99_ms: at(0.99),
        max_ms: at(1.0),
        rps: requests as f64 / elapsed.max(1e-9),
        rss_start_mb: rss_start,
        rss_end_mb: rss_end,
        hwm_mb: hwm,
        failures,
    })
}
