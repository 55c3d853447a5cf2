//! The ledger store: documents and their ledgers in a database, and the questions asked
//! across documents (claims, timelines). SQLite is the embedded default (one file, WAL
//! mode); PostgreSQL serves teams. Both run the very same statements through [`sql`].
//!
//! This crate stores ledgers; it never extracts them. The caller runs the engine and hands
//! over [`Ledger`]s, a batch at a time: each batch is one transaction, so a crash or a kill
//! leaves every document either complete or absent.

mod browse;
mod dedup;
mod error;
mod postgres;
mod provenance;
mod qualify;
mod query;
mod resolve;
mod schema;
mod scope;
pub mod sql;
mod sqlite;
mod write;

pub use browse::{
    ClaimQuery, ClaimSort, DocumentClaim, DocumentEntity, DocumentQuote, DocumentRow,
    DocumentStance, DocumentView, EntityGroup, Page, Paging, QuoteRow, SearchResults, StanceRow,
    SubjectRow, MAX_PAGE, SEARCH_LIMIT,
};
pub use error::StoreError;
pub use provenance::{Origin, Period, PeriodSummary, Pick, Provenance, Report};
pub use qualify::{compatible, Interval};
pub use query::{
    ClaimFilter, ClaimRow, Conflict, Figure, Stats, TimelineRow, CORROBORATION_WINDOW_DAYS,
};
pub use resolve::{description_key, entity_key, is_generic_subject, subject_key};
pub use write::{Outcome, ToStore};

use sourced_engine::Ledger;
use sql::Connection;
use std::path::Path;

/// The default database file, in the working directory.
pub const DEFAULT_DB: &str = "sourced.db";

pub struct Store {
    conn: Box<dyn Connection>,
    target: String,
}

impl Store {
    /// Opens (creating if needed) the ledger at `db`: a `postgres://` or `postgresql://` URL,
    /// or a path to a SQLite file. Applies pending migrations.
    pub fn open(db: &str) -> Result<Store, StoreError> {
        let conn: Box<dyn Connection> =
            if db.starts_with("postgres://") || db.starts_with("postgresql://") {
                Box::new(postgres::Postgres::connect(db)?)
            } else {
                let path = Path::new(db);
                if path.is_dir() {
                    return Err(StoreError::Open {
                        target: db.to_string(),
                        detail: "is a directory; give a file name such as sourced.db".into(),
                    });
                }
                Box::new(sqlite::Sqlite::open(path)?)
            };
        Self::with_connection(conn, db)
    }

    /// A private SQLite database in memory (tests, `sourced extract` style one-offs).
    pub fn in_memory() -> Result<Store, StoreError> {
        Self::with_connection(Box::new(sqlite::Sqlite::in_memory()?), ":memory:")
    }

    fn with_connection(mut conn: Box<dyn Connection>, target: &str) -> Result<Store, StoreError> {
        schema::migrate(conn.as_mut(), target)?;
        Ok(Store {
            conn,
            target: target.to_string(),
        })
    }

    /// Where this store lives, for messages (passwords are never kept here).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> i64 {
        schema::latest()
    }

    /// Stores a batch of ledgers in one transaction and says what became of each. On error
    /// nothing of the batch is stored.
    pub fn write_batch(&mut self, docs: &[ToStore]) -> Result<Vec<Outcome>, StoreError> {
        self.conn.begin()?;
        let result = docs
            .iter()
            .map(|doc| write::write_document(self.conn.as_mut(), doc))
            .collect::<Result<Vec<_>, _>>();
        match result {
            Ok(outcomes) => {
                self.conn.commit()?;
                Ok(outcomes)
            }
            Err(e) => {
                let _ = self.conn.rollback();
                Err(e)
            }
        }
    }

    /// Convenience for one document.
    pub fn write(&mut self, ledger: Ledger, origin: &str) -> Result<Outcome, StoreError> {
        let doc = ToStore::new(ledger, origin);
        Ok(self.write_batch(std::slice::from_ref(&doc))?.remove(0))
    }

    pub fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>, StoreError> {
        query::claims(self.conn.as_mut(), filter)
    }

    pub fn timeline(
        &mut self,
        subject: &str,
        measure: &str,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        query::timeline(self.conn.as_mut(), subject, measure, None)
    }

    /// The timeline of the reports whose place, evidence or title mention `place`.
    pub fn timeline_at(
        &mut self,
        subject: &str,
        measure: &str,
        place: Option<&str>,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        query::timeline(self.conn.as_mut(), subject, measure, place)
    }

    /// Incompatible figures for the same subject and measure reported at most `window_days`
    /// apart, optionally for one subject.
    pub fn conflicts(
        &mut self,
        subject: Option<&str>,
        window_days: i64,
    ) -> Result<Vec<Conflict>, StoreError> {
        query::conflicts(self.conn.as_mut(), subject, None, window_days)
    }

    /// Conflicts among the reports whose place, evidence or title mention `place`.
    pub fn conflicts_at(
        &mut self,
        subject: Option<&str>,
        place: Option<&str>,
        window_days: i64,
    ) -> Result<Vec<Conflict>, StoreError> {
        query::conflicts(self.conn.as_mut(), subject, place, window_days)
    }

    /// A page of claims in id order after `after`, for exports.
    pub fn claims_page(
        &mut self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<ClaimRow>, StoreError> {
        query::claims_page(self.conn.as_mut(), after, limit)
    }

    /// The independent origins behind a claim's figure and the path of every report.
    pub fn sources(&mut self, claim_id: &str) -> Result<Provenance, StoreError> {
        provenance::sources(self.conn.as_mut(), claim_id)
    }

    /// Low / best / high and the conservative figure per period, from the timeline.
    pub fn summary(
        &mut self,
        subject: &str,
        measure: &str,
        place: Option<&str>,
        period: Period,
    ) -> Result<Vec<PeriodSummary>, StoreError> {
        let rows = self.timeline_at(subject, measure, place)?;
        Ok(provenance::summary(&rows, period))
    }

    /// A page of claims, filtered like [`Store::claims`] and by outlet, in the order asked.
    pub fn claims_query(&mut self, query: &ClaimQuery) -> Result<Page<ClaimRow>, StoreError> {
        browse::claims(self.conn.as_mut(), query)
    }

    /// One claim by its store id; [`StoreError::NotFound`] when there is none.
    pub fn claim(&mut self, id: &str) -> Result<ClaimRow, StoreError> {
        browse::claim(self.conn.as_mut(), id)
    }

    /// Documents newest first; `q` matches title or URL, `outlet` the outlet.
    pub fn documents(
        &mut self,
        q: Option<&str>,
        outlet: Option<&str>,
        paging: Paging,
    ) -> Result<Page<DocumentRow>, StoreError> {
        browse::documents(self.conn.as_mut(), q, outlet, paging)
    }

    /// One document with its text and whole ledger; [`StoreError::NotFound`] when absent.
    pub fn document(&mut self, id: &str) -> Result<DocumentView, StoreError> {
        browse::document(self.conn.as_mut(), id)
    }

    /// Entities grouped by key across documents.
    pub fn entities(
        &mut self,
        q: Option<&str>,
        paging: Paging,
    ) -> Result<Page<EntityGroup>, StoreError> {
        browse::entities(self.conn.as_mut(), q, paging)
    }

    /// Quotes with their documents, by speaker and words.
    pub fn quotes(
        &mut self,
        speaker: Option<&str>,
        q: Option<&str>,
        paging: Paging,
    ) -> Result<Page<QuoteRow>, StoreError> {
        browse::quotes(self.conn.as_mut(), speaker, q, paging)
    }

    /// Stances with their documents, by actor.
    pub fn stances(
        &mut self,
        actor: Option<&str>,
        paging: Paging,
    ) -> Result<Page<StanceRow>, StoreError> {
        browse::stances(self.conn.as_mut(), actor, paging)
    }

    /// Subject and measure pairs with claim counts, most claims first.
    pub fn subjects(
        &mut self,
        q: Option<&str>,
        paging: Paging,
    ) -> Result<Page<SubjectRow>, StoreError> {
        browse::subjects(self.conn.as_mut(), q, paging)
    }

    /// A few subjects, entities, documents and claims matching `q`.
    pub fn search(&mut self, q: &str) -> Result<SearchResults, StoreError> {
        browse::search(self.conn.as_mut(), q)
    }

    pub fn stats(&mut self) -> Result<Stats, StoreError> {
        query::stats(self.conn.as_mut())
    }

    /// Direct access for tests and tools that need a query the store does not offer yet.
    pub fn connection(&mut self) -> &mut dyn Connection {
        self.conn.as_mut()
    }
}

/// Current UTC time as ISO 8601 (seconds), without a date-time crate.
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        sourced_engine::dates::Date::from_days(days),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use sourced_engine::dates::Date;

    /// `now()` builds its day from the engine's calendar.
    #[test]
    fn civil_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_454).to_string(), "2026-01-01");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
        let t = super::now();
        assert_eq!((t.len(), &t[10..11], &t[19..]), (20, "T", "Z"), "{t}");
    }
}
