//! Typed errors of the store. Each `Display` is one line naming the database (or the
//! statement) and what went wrong; the binary prints it as is.

use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database cannot be opened or reached.
    #[error("{target}: cannot open the ledger database: {detail}")]
    Open { target: String, detail: String },

    /// A statement failed.
    #[error("database error in `{statement} …`: {detail}")]
    Query { statement: String, detail: String },

    /// The database was written by a newer sourced, or its schema is not ours.
    #[error("{target}: {detail}")]
    Schema { target: String, detail: String },

    /// A stored value is not what the schema promises (a hand-edited row, say).
    #[error("corrupt ledger row in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },

    /// A lookup by id found nothing.
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },
}
