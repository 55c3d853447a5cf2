//! The embedded default: one SQLite file in WAL mode.

use crate::error::StoreError;
use crate::sql::{Connection, Dialect, Row, Value};
use rusqlite::types::{ToSqlOutput, ValueRef};
use std::path::Path;

pub struct Sqlite {
    conn: rusqlite::Connection,
}

impl Sqlite {
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let conn = rusqlite::Connection::open(path).map_err(|e| StoreError::Open {
            target: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Self::configure(conn, &path.display().to_string())
    }

    pub fn in_memory() -> Result<Sqlite, StoreError> {
        let conn = rusqlite::Connection::open_in_memory().map_err(|e| StoreError::Open {
            target: ":memory:".into(),
            detail: e.to_string(),
        })?;
        Self::configure(conn, ":memory:")
    }

    fn configure(conn: rusqlite::Connection, target: &str) -> Result<Sqlite, StoreError> {
        // WAL lets readers (sqlite3, Datasette, the server) work while an ingest writes;
        // synchronous=NORMAL is durable at every commit in WAL mode except on power loss,
        // which the ingest's kill test does not need and which would halve its speed.
        let setup = "PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = NORMAL;
                     PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = 10000;";
        conn.execute_batch(setup).map_err(|e| StoreError::Open {
            target: target.to_string(),
            detail: if e.to_string().contains("file is not a database") {
                "not a SQLite database".to_string()
            } else {
                e.to_string()
            },
        })?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Sqlite { conn })
    }
}

struct Param<'a>(&'a Value);

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(r) => ToSqlOutput::Borrowed(ValueRef::Real(*r)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

fn params(values: &[Value]) -> Vec<Param<'_>> {
    values.iter().map(Param).collect()
}

fn db_error(sql: &str, e: rusqlite::Error) -> StoreError {
    StoreError::Query {
        statement: first_words(sql),
        detail: e.to_string(),
    }
}

/// The start of a statement, enough to recognise it in an error message.
pub(crate) fn first_words(sql: &str) -> String {
    sql.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

impl Connection for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.conn.execute_batch(sql).map_err(|e| db_error(sql, e))
    }

    fn execute(&mut self, sql: &str, values: &[Value]) -> Result<u64, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| db_error(sql, e))?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params(values)))
            .map_err(|e| db_error(sql, e))?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Row>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| db_error(sql, e))?;
        let width = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params(values)))
            .map_err(|e| db_error(sql, e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| db_error(sql, e))? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match row.get_ref(i).map_err(|e| db_error(sql, e))? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(i) => Value::Int(i),
                    ValueRef::Real(r) => Value::Real(r),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Value::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(values);
        }
        Ok(out)
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        // IMMEDIATE takes the write lock now, so a second writer waits here (busy_timeout)
        // instead of failing halfway through a batch.
        self.batch("BEGIN IMMEDIATE")
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        self.batch("COMMIT")
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        self.batch("ROLLBACK")
    }
}
