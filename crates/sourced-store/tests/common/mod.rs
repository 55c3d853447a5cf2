//! The backends every store test runs on: SQLite (a temporary file) and, when
//! `SOURCED_TEST_POSTGRES` holds a server URL, PostgreSQL (a fresh database per test). With
//! `SOURCED_REQUIRE_POSTGRES=1` a missing URL is a failure rather than a skip, so CI cannot
//! silently test one backend only.

use sourced_store::Store;

pub struct Backend {
    pub name: &'static str,
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
}

pub fn backends(test: &str) -> Vec<Backend> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let mut out = vec![Backend {
        name: "sqlite",
        store: Store::open(path.to_str().unwrap()).unwrap(),
        _dir: Some(dir),
    }];
    match std::env::var("SOURCED_TEST_POSTGRES") {
        Ok(url) => out.push(Backend {
            name: "postgres",
            store: Store::open(&fresh_postgres_database(&url, test)).unwrap(),
            _dir: None,
        }),
        Err(_) => assert!(
            std::env::var("SOURCED_REQUIRE_POSTGRES").is_err(),
            "SOURCED_REQUIRE_POSTGRES is set but SOURCED_TEST_POSTGRES is not"
        ),
    }
    out
}

/// Creates an empty database named after the test (dropping a leftover one) and returns its URL.
fn fresh_postgres_database(admin_url: &str, test: &str) -> String {
    let name = format!("sourced_test_{test}");
    let mut admin = postgres::Client::connect(admin_url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    format!("{base}/{name}")
}
