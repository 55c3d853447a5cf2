//! The workbench: the ledger's JSON API and its web UI, served by `sourced serve`.
//!
//! The store is synchronous, so the server keeps a small pool of open [`Store`]s and runs
//! every store call (and every extraction, which is CPU work) on tokio's blocking threads;
//! the async side only moves bytes. Security is enforced here, in one place for all routes
//! (see [`security`]): headers on every response, a token for everything when one is
//! configured, always for writes, bounded request bodies.

mod api;
pub mod loadtest;
pub mod openapi;
mod security;

use axum::Router;
use sourced_store::{Store, StoreError};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use thiserror::Error;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use api::{route_table, Route};

/// Default request body limit: 2 MiB.
pub const DEFAULT_MAX_BODY: usize = 2 * 1024 * 1024;

/// Default address: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

#[derive(Clone, Debug)]
pub struct Config {
    /// The ledger: a SQLite file (which must exist) or a `postgres://` URL.
    pub db: String,
    pub bind: SocketAddr,
    /// Required for every request when set, and for writes always. Empty means none.
    pub token: Option<String>,
    pub max_body: usize,
    /// Open stores kept for requests; `None` for one per core plus one.
    pub pool: Option<usize>,
}

impl Config {
    pub fn new(db: &str) -> Config {
        Config {
            db: db.to_string(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body: DEFAULT_MAX_BODY,
            pool: None,
        }
    }
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ServerError {
    #[error("refusing to serve on {addr} without a token: anyone who can reach it could read the ledger; pass --token (or set SOURCED_TOKEN), or bind 127.0.0.1")]
    TokenRequired { addr: SocketAddr },

    #[error("{db}: no ledger database here; run `sourced ingest PATH` or `sourced demo` first (or pass --db)")]
    NoDatabase { db: String },

    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },

    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Open stores shared by the request handlers. A permit is a right to one store; a store
/// lost to a panicking call is reopened on the next request instead of shrinking the pool.
pub(crate) struct Pool {
    db: String,
    stores: Arc<Mutex<Vec<Store>>>,
    permits: Semaphore,
}

impl Pool {
    fn open(db: &str, size: usize) -> Result<Pool, ServerError> {
        let is_url = db.starts_with("postgres://") || db.starts_with("postgresql://");
        // Opening a missing SQLite file would create an empty ledger and serve nothing.
        if !is_url && !std::path::Path::new(db).is_file() {
            return Err(ServerError::NoDatabase { db: db.to_string() });
        }
        let size = size.max(1);
        let stores = (0..size)
            .map(|_| Store::open(db))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            db: db.to_string(),
            stores: Arc::new(Mutex::new(stores)),
            permits: Semaphore::new(size),
        })
    }

    /// Runs `f` with a store on a blocking thread.
    pub(crate) async fn run<T, F>(&self, f: F) -> Result<T, api::ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| api::ApiError::internal("the server is shutting down"))?;
        let stores = Arc::clone(&self.stores);
        let db = self.db.clone();
        let taken = lock(&stores).pop();
        let joined = tokio::task::spawn_blocking(move || {
            let mut store = match taken {
                Some(s) => s,
                None => Store::open(&db)?,
            };
            let out = f(&mut store);
            lock(&stores).push(store);
            out
        })
        .await;
        match joined {
            Ok(result) => result.map_err(api::ApiError::from),
            Err(_) => Err(api::ApiError::internal("the query failed unexpectedly")),
        }
    }
}

/// A poisoned lock only means another request panicked; the stores in it are still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub(crate) struct Shared {
    pub(crate) pool: Pool,
    pub(crate) token: Option<String>,
    pub(crate) max_body: usize,
    /// Extractions running at once: they are CPU work, and a burst of uploads should queue
    /// rather than start hundreds of blocking threads.
    pub(crate) extracting: Semaphore,
}

/// What every handler sees.
#[derive(Clone)]
pub struct AppState(pub(crate) Arc<Shared>);

impl AppState {
    /// Opens the pool over `config.db` (blocking: call it from a blocking context or before
    /// the runtime is busy).
    pub fn open(config: &Config) -> Result<AppState, ServerError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let size = config.pool.unwrap_or(cores + 1);
        Ok(AppState(Arc::new(Shared {
            pool: Pool::open(&config.db, size)?,
            token: config.token.clone().filter(|t| !t.is_empty()),
            max_body: config.max_body,
            extracting: Semaphore::new(cores),
        })))
    }
}

/// The whole application: API, login, static UI, and the security layers around them.
pub fn router(state: AppState) -> Router {
    security::wrap(api::routes(), state)
}

/// A bound, ready server.
pub struct Server {
    listener: TcpListener,
    app: Router,
    addr: SocketAddr,
}

impl Server {
    /// Checks the configuration, opens the stores and binds the address. A non-loopback
    /// address without a token is refused.
    pub async fn bind(config: Config) -> Result<Server, ServerError> {
        check_bind(&config)?;
        let cfg = config.clone();
        let state = tokio::task::spawn_blocking(move || AppState::open(&cfg))
            .await
            .map_err(|e| ServerError::Io(std::io::Error::other(e.to_string())))??;
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| ServerError::Bind {
                    addr: config.bind,
                    source,
                })?;
        let addr = listener.local_addr()?;
        Ok(Server {
            listener,
            app: router(state),
            addr,
        })
    }

    /// The address actually bound (the port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(shutdown)
            .await?;
        Ok(())
    }
}

/// Refuses a non-loopback address without a token.
pub fn check_bind(config: &Config) -> Result<(), ServerError> {
    let has_token = config.token.as_deref().is_some_and(|t| !t.is_empty());
    if !config.bind.ip().is_loopback() && !has_token {
        return Err(ServerError::TokenRequired { addr: config.bind });
    }
    Ok(())
}

/// Binds and serves until Ctrl-C; `announce` is called with the bound address first.
pub async fn serve(config: Config, announce: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let server = Server::bind(config).await?;
    announce(server.local_addr());
    server
        .run(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
