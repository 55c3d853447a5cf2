//! The one seam between the store's logic and a database: a connection that runs SQL with
//! positional parameters and returns rows of plain values. Every query of the store is written
//! once, in the dialect both backends share (`$1`-style parameters, `ON CONFLICT DO NOTHING`,
//! `TEXT`/`BIGINT`/`DOUBLE PRECISION` columns), so SQLite and PostgreSQL cannot drift apart.
//!
//! SQLite reads `$1` as a named parameter; named parameters are numbered in order of first
//! appearance, so a statement whose parameters first appear as `$1, $2, …` binds positionally
//! there too. [`check_parameter_order`] guards that in tests.

use crate::error::StoreError;

/// A column value, as both backends can produce and accept it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Real(r) => Some(*r as i64),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Real(r) => Some(*r),
            _ => None,
        }
    }

    pub fn into_string(self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        Value::Int(i as i64)
    }
}

impl From<f64> for Value {
    fn from(r: f64) -> Value {
        Value::Real(r)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl<T: Clone + Into<Value>> From<&Option<T>> for Value {
    fn from(v: &Option<T>) -> Value {
        v.clone().map_or(Value::Null, Into::into)
    }
}

/// One result row.
pub type Row = Vec<Value>;

/// Which database is behind a connection; used only where the dialects truly differ (pragmas,
/// the catalogue query that lists tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A database connection as the store uses it.
pub trait Connection: Send {
    fn dialect(&self) -> Dialect;
    /// Runs several statements without parameters (schema changes).
    fn batch(&mut self, sql: &str) -> Result<(), StoreError>;
    /// Runs one statement; returns the number of rows changed.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError>;
    /// Runs one query and collects its rows.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError>;
    fn begin(&mut self) -> Result<(), StoreError>;
    fn commit(&mut self) -> Result<(), StoreError>;
    fn rollback(&mut self) -> Result<(), StoreError>;
}

/// Panics (in tests) when a statement's `$n` parameters do not first appear in increasing
/// order, which would bind them to the wrong values on SQLite.
#[cfg(test)]
pub fn check_parameter_order(sql: &str) {
    let bytes = sql.as_bytes();
    let mut next = 1;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' {
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if end > start {
                let n: usize = sql[start..end].parse().unwrap();
                assert!(n <= next, "parameter ${n} appears before ${next} in: {sql}");
                if n == next {
                    next += 1;
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
}
