//! The schema, as numbered migrations. A database records the migrations it has applied in
//! `schema_migrations`; opening it applies the missing ones in one transaction each. Never
//! edit a released migration: add the next one.
//!
//! Columns are real columns (not JSON blobs) so the file is pleasant in `sqlite3`, Datasette
//! or DuckDB; lists that are only displayed (aliases, cites/via names, removed boilerplate)
//! are JSON text. Spans are `[start, end)` in Unicode code points of `documents.text`, as in
//! the JSON ledger. Types are the ones both SQLite and PostgreSQL understand alike.

use crate::error::StoreError;
use crate::sql::{Connection, Dialect, Value};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "ledger tables and views",
        sql: r#"
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,      -- hex SHA-256 of the cleaned text
    source_id   TEXT,                  -- the input's own id (a JSONL record's "id")
    url         TEXT,
    title       TEXT,
    outlet      TEXT,
    published   TEXT,                  -- ISO date, YYYY-MM-DD
    text        TEXT NOT NULL,
    removed     TEXT NOT NULL,         -- JSON: boilerplate dropped from the raw input
    dup_of      TEXT REFERENCES documents(id),
    similarity  DOUBLE PRECISION,      -- estimated Jaccard with dup_of
    revision_of TEXT REFERENCES documents(id),
    origin      TEXT,                  -- file (and line) it was read from
    words       BIGINT NOT NULL,
    minhash     TEXT NOT NULL,         -- hex MinHash signature (near-duplicate check)
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_source_id ON documents(source_id);
CREATE INDEX documents_published ON documents(published);

CREATE INDEX documents_revision_of ON documents(revision_of);
CREATE INDEX documents_dup_of ON documents(dup_of);

-- Locality-sensitive bands of each document's MinHash (the hash of one band's rows and its
-- number): two documents that share a band are candidates for near-duplicates.
CREATE TABLE document_bands (
    band   BIGINT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
);

CREATE TABLE entities (
    doc_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    key             TEXT NOT NULL,     -- the same referent across documents
    kind            TEXT NOT NULL,
    role            TEXT,
    aliases         TEXT NOT NULL,     -- JSON array
    mentions        BIGINT NOT NULL,
    stands_for      TEXT,
    stands_for_name TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_key ON entities(key);

-- Proper other names of an entity ("NIS" for the National Intelligence Service), learnt from
-- every document that gives both: a document that only says "NIS" still meets the others.
-- The first document to teach an alias wins.
CREATE TABLE entity_aliases (
    alias TEXT PRIMARY KEY,
    key   TEXT NOT NULL
);

CREATE TABLE quotes (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    span_start   BIGINT NOT NULL,
    span_end     BIGINT NOT NULL,
    text         TEXT NOT NULL,
    speaker      TEXT,
    speaker_name TEXT,
    speaker_key  TEXT,
    cue          TEXT,
    cites_name   TEXT NOT NULL,        -- JSON array
    via_name     TEXT NOT NULL,        -- JSON array
    date         TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

CREATE TABLE claims (
    id             TEXT PRIMARY KEY,   -- first 16 hex digits of the document id, ':', claim id
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    value          DOUBLE PRECISION NOT NULL,
    value_hi       DOUBLE PRECISION,
    unit           TEXT NOT NULL,
    qualifier      TEXT NOT NULL,
    measure        TEXT NOT NULL,
    subject        TEXT,
    subject_key    TEXT,               -- subjects grouped across documents
    claimant       TEXT,
    claimant_name  TEXT,
    claimant_key   TEXT,
    cites_name     TEXT NOT NULL,      -- JSON array
    cites_key      TEXT,               -- the first cited source, the claim's origin
    via_name       TEXT NOT NULL,      -- JSON array
    stance         TEXT NOT NULL,
    place          TEXT,
    time           TEXT,
    date           TEXT,               -- when reported: the document's date
    span_start     BIGINT NOT NULL,
    span_end       BIGINT NOT NULL,
    text           TEXT NOT NULL,      -- the figure as written
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    evidence       TEXT NOT NULL,      -- the sentence(s) carrying it
    same_as        TEXT
);
CREATE INDEX claims_subject_measure ON claims(subject_key, measure, date);

-- Every subject key once: a subject search matches words against this short list, then reads
-- the claims of the keys found through the index above (a LIKE on claims would scan them all).
CREATE TABLE subjects (
    key TEXT PRIMARY KEY
);
CREATE INDEX claims_measure_date ON claims(measure, date);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_claimant_key ON claims(claimant_key);

CREATE TABLE stances (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    actor          TEXT,
    actor_name     TEXT,
    actor_key      TEXT,
    stance         TEXT NOT NULL,
    topic          TEXT,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    evidence       TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);

-- Claims with their document's metadata joined, for people browsing the file.
CREATE VIEW claims_view AS
SELECT c.id, c.value, c.value_hi, c.qualifier, c.measure, c.subject, c.claimant_name,
       c.cites_name, c.via_name, c.stance, c.place, c.time, c.date, c.text, c.evidence,
       d.outlet, d.title, d.url, d.published, d.dup_of, c.doc_id, c.subject_key,
       c.claimant_key, c.same_as
FROM claims c JOIN documents d ON d.id = c.doc_id;

CREATE VIEW quotes_view AS
SELECT q.doc_id, q.id, q.kind, q.text, q.speaker_name, q.cue, q.cites_name, q.via_name, q.date,
       d.outlet, d.title, d.url, d.published
FROM quotes q JOIN documents d ON d.id = q.doc_id;
"#,
    },
    // The workbench shows where each entity is mentioned and each quote's cue. Spans as JSON on
    // the entity's own row (not a row per mention) keep ingest at one insert per entity.
    Migration {
        version: 2,
        name: "entity mention spans and quote cue spans",
        sql: r#"
ALTER TABLE entities ADD COLUMN spans TEXT;  -- JSON [[start, end], ...]; NULL before version 2
ALTER TABLE quotes ADD COLUMN cue_start BIGINT;
ALTER TABLE quotes ADD COLUMN cue_end BIGINT;
"#,
    },
];

/// The newest schema version this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Applies the migrations `conn` lacks, each in its own transaction. Refuses a database
/// written by a newer build rather than guessing at its schema.
pub fn migrate(conn: &mut dyn Connection, target: &str) -> Result<i64, StoreError> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
         )",
    )?;
    let rows = conn.query("SELECT MAX(version) FROM schema_migrations", &[])?;
    let current = rows
        .first()
        .and_then(|r| r.first())
        .and_then(Value::as_i64)
        .unwrap_or(0);
    if current > latest() {
        return Err(StoreError::Schema {
            target: target.to_string(),
            detail: format!(
                "schema version {current} is newer than this sourced understands ({}); upgrade sourced",
                latest()
            ),
        });
    }
    if current == 0 {
        refuse_foreign_tables(conn, target)?;
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        conn.begin()?;
        let applied = conn.batch(m.sql).and_then(|_| {
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[m.version.into(), m.name.into(), crate::now().into()],
            )
        });
        match applied {
            Ok(_) => conn.commit()?,
            Err(e) => {
                let _ = conn.rollback();
                return Err(e);
            }
        }
    }
    Ok(latest())
}

/// A database without our migrations table but with a `documents` table belongs to someone
/// else: do not write into it.
fn refuse_foreign_tables(conn: &mut dyn Connection, target: &str) -> Result<(), StoreError> {
    let sql = match conn.dialect() {
        Dialect::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
        Dialect::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_name = $1"
        }
    };
    let rows = conn.query(sql, &["documents".into()])?;
    if rows.first().and_then(|r| r.first()).and_then(Value::as_i64) != Some(0) {
        return Err(StoreError::Schema {
            target: target.to_string(),
            detail: "has a `documents` table that sourced did not create; use another database"
                .to_string(),
        });
    }
    Ok(())
}
