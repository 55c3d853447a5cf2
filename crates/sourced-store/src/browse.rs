//! Pages for people browsing the ledger (the workbench): documents and one document with its
//! whole ledger, entities grouped across documents, quotes, stances, chartable subjects, a
//! search over all of them, and claims with paging, sorting and an outlet filter. Every
//! statement here runs unchanged on SQLite and PostgreSQL and binds its values as parameters.

use crate::error::StoreError;
use crate::query::{claim_row, ClaimRow, CLAIM_COLUMNS};
use crate::resolve::{entity_key, subject_key};
use crate::sql::{Connection, Row, Value};
use serde::Serialize;

/// Largest page any browse call returns, whatever the caller asks for.
pub const MAX_PAGE: usize = 500;

/// One page of a longer list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Page<T> {
    /// Rows matching the filters, over all pages.
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    fn of(total: i64, paging: Paging, items: Vec<T>) -> Page<T> {
        Page {
            total,
            offset: paging.offset,
            limit: paging.limit,
            items,
        }
    }
}

/// Which slice of a list to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub offset: usize,
    pub limit: usize,
}

impl Paging {
    /// `limit` is capped at [`MAX_PAGE`].
    pub fn new(offset: usize, limit: usize) -> Paging {
        Paging {
            offset,
            limit: limit.min(MAX_PAGE),
        }
    }
}

impl Default for Paging {
    fn default() -> Paging {
        Paging::new(0, 50)
    }
}

/// Order of a claims page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimSort {
    Date,
    /// Newest first.
    #[default]
    DateDesc,
    Value,
    ValueDesc,
}

impl ClaimSort {
    /// `date`, `-date`, `value`, `-value`.
    pub fn parse(s: &str) -> Option<ClaimSort> {
        Some(match s {
            "date" => ClaimSort::Date,
            "-date" => ClaimSort::DateDesc,
            "value" => ClaimSort::Value,
            "-value" => ClaimSort::ValueDesc,
            _ => return None,
        })
    }

    fn order_by(self) -> &'static str {
        match self {
            ClaimSort::Date => "COALESCE(c.date, '') ASC, c.doc_id, c.span_start",
            ClaimSort::DateDesc => "COALESCE(c.date, '') DESC, c.doc_id, c.span_start",
            ClaimSort::Value => "c.value ASC, c.id",
            ClaimSort::ValueDesc => "c.value DESC, c.id",
        }
    }
}

/// The claims list of the workbench: the CLI's filters plus the outlet, a sort and paging.
#[derive(Clone, Debug, Default)]
pub struct ClaimQuery {
    pub subject: Option<String>,
    pub measure: Option<String>,
    pub claimant: Option<String>,
    /// Outlet name, exactly (case-blind).
    pub outlet: Option<String>,
    pub place: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub sort: ClaimSort,
    pub paging: Paging,
}

/// A document in a list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentRow {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub words: i64,
    pub dup_of: Option<String>,
    pub revision_of: Option<String>,
    pub claims: i64,
    pub quotes: i64,
}

/// One document with everything stored about it; spans index `text` in code points.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentView {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub dup_of: Option<String>,
    pub revision_of: Option<String>,
    pub text: String,
    /// The boilerplate dropped from the input, as the ledger records it.
    pub removed: serde_json::Value,
    pub entities: Vec<DocumentEntity>,
    pub quotes: Vec<DocumentQuote>,
    pub claims: Vec<DocumentClaim>,
    pub stances: Vec<DocumentStance>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub key: String,
    /// Empty for documents stored before schema version 2, which kept only a count.
    pub mentions: Vec<[i64; 2]>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentQuote {
    pub id: String,
    pub kind: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_start: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_end: Option<i64>,
    pub cites_name: Vec<String>,
    pub via_name: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentClaim {
    /// The store's claim id (as `sources` takes it).
    pub id: String,
    pub start: i64,
    pub end: i64,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub value: f64,
    pub value_hi: Option<f64>,
    pub qualifier: String,
    pub measure: String,
    pub subject: Option<String>,
    pub claimant_name: Option<String>,
    pub stance: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DocumentStance {
    pub id: String,
    pub actor_name: Option<String>,
    pub stance: String,
    pub topic: Option<String>,
    pub evidence_start: i64,
    pub evidence_end: i64,
}

/// An entity key across all documents that mention it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityGroup {
    pub key: String,
    /// The shortest name the key was stored under.
    pub name: String,
    pub kind: String,
    pub documents: i64,
    /// Claims whose claimant has this key.
    pub claims: i64,
    /// Quotes whose speaker has this key.
    pub quotes: i64,
}

/// A quote with its document's metadata.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QuoteRow {
    pub doc_id: String,
    pub id: String,
    pub kind: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
    pub cites_name: Vec<String>,
    pub via_name: Vec<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A stance with its document's metadata.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StanceRow {
    pub doc_id: String,
    pub id: String,
    pub actor_name: Option<String>,
    pub stance: String,
    pub topic: Option<String>,
    pub evidence: String,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A subject and measure pair that can be charted.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SubjectRow {
    pub subject_key: String,
    pub measure: String,
    pub claims: i64,
}

/// The search box: a few of each kind of thing matching the words.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SearchResults {
    pub subjects: Vec<SubjectRow>,
    pub entities: Vec<EntityGroup>,
    pub documents: Vec<DocumentRow>,
    pub claims: Vec<ClaimRow>,
}

/// How many of each kind [`search`] returns at most.
pub const SEARCH_LIMIT: usize = 20;

/// `%needle%` for LIKE with LIKE's own wildcards escaped (used with `ESCAPE '\'`).
fn contains(needle: &str) -> Value {
    let mut p = String::from("%");
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p.into()
}

/// Builds a statement's WHERE clause and its parameters together, so a clause's `$n` always
/// matches its value's position.
#[derive(Default)]
struct Where {
    sql: String,
    params: Vec<Value>,
}

impl Where {
    /// `clause` names its value `$?` (once or several times).
    fn add(&mut self, clause: &str, value: Value) {
        self.params.push(value);
        let n = format!("${}", self.params.len());
        self.sql.push_str(" AND ");
        self.sql.push_str(&clause.replace("$?", &n));
    }

    /// Appends `LIMIT $a OFFSET $b` to `sql` and returns the parameters to run it with.
    fn paged(&self, sql: &mut String, paging: Paging) -> Vec<Value> {
        let mut params = self.params.clone();
        params.push(paging.limit.into());
        params.push(paging.offset.into());
        sql.push_str(&format!(
            " LIMIT ${} OFFSET ${}",
            params.len() - 1,
            params.len()
        ));
        params
    }
}

fn count(conn: &mut dyn Connection, sql: &str, params: &[Value]) -> Result<i64, StoreError> {
    Ok(conn
        .query(sql, params)?
        .first()
        .and_then(|r| r.first())
        .and_then(Value::as_i64)
        .unwrap_or(0))
}

/// Reads a row's columns in order.
struct Cols(std::vec::IntoIter<Value>);

impl Cols {
    fn new(row: Row) -> Cols {
        Cols(row.into_iter())
    }
    fn value(&mut self) -> Value {
        self.0.next().unwrap_or(Value::Null)
    }
    fn opt(&mut self) -> Option<String> {
        self.value().into_string()
    }
    fn text(&mut self) -> String {
        self.opt().unwrap_or_default()
    }
    fn int(&mut self) -> i64 {
        self.value().as_i64().unwrap_or(0)
    }
    fn opt_int(&mut self) -> Option<i64> {
        self.value().as_i64()
    }
    fn real(&mut self) -> f64 {
        self.value().as_f64().unwrap_or(f64::NAN)
    }
    fn opt_real(&mut self) -> Option<f64> {
        self.value().as_f64()
    }
    fn list(&mut self) -> Vec<String> {
        self.value()
            .as_str()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }
}

pub(crate) fn claims(
    conn: &mut dyn Connection,
    q: &ClaimQuery,
) -> Result<Page<ClaimRow>, StoreError> {
    let mut w = Where::default();
    if let Some(subject) = &q.subject {
        // Through the short `subjects` table, as the CLI does, never a LIKE over claims.
        let keys: Vec<Value> = conn
            .query(
                "SELECT key FROM subjects WHERE key LIKE $1 ESCAPE '\\'",
                &[contains(&subject_key(subject))],
            )?
            .into_iter()
            .filter_map(|r| r.into_iter().next())
            .collect();
        if keys.is_empty() {
            return Ok(Page::of(0, q.paging, Vec::new()));
        }
        let first = w.params.len() + 1;
        let list: Vec<String> = (first..first + keys.len())
            .map(|i| format!("${i}"))
            .collect();
        w.params.extend(keys);
        w.sql
            .push_str(&format!(" AND c.subject_key IN ({})", list.join(", ")));
    }
    if let Some(m) = &q.measure {
        w.add("c.measure = $?", m.into());
    }
    if let Some(c) = &q.claimant {
        w.add(
            "c.claimant_key LIKE $? ESCAPE '\\'",
            contains(&entity_key(c)),
        );
    }
    if let Some(o) = &q.outlet {
        w.add("LOWER(d.outlet) = $?", o.to_lowercase().into());
    }
    if let Some(p) = &q.place {
        w.add(
            "(LOWER(COALESCE(c.place, '')) LIKE $? ESCAPE '\\'
              OR LOWER(c.evidence) LIKE $? ESCAPE '\\'
              OR LOWER(COALESCE(d.title, '')) LIKE $? ESCAPE '\\')",
            contains(&p.to_lowercase()),
        );
    }
    if let Some(d) = &q.since {
        w.add("c.date >= $?", d.into());
    }
    if let Some(d) = &q.until {
        w.add("c.date <= $?", d.into());
    }
    let from = "FROM claims c JOIN documents d ON d.id = c.doc_id WHERE 1 = 1";
    let total = count(conn, &format!("SELECT COUNT(*) {from}{}", w.sql), &w.params)?;
    let mut sql = format!(
        "SELECT {CLAIM_COLUMNS} {from}{} ORDER BY {}",
        w.sql,
        q.sort.order_by()
    );
    let params = w.paged(&mut sql, q.paging);
    let items = conn
        .query(&sql, &params)?
        .into_iter()
        .map(claim_row)
        .collect::<Result<_, _>>()?;
    Ok(Page::of(total, q.paging, items))
}

pub(crate) fn claim(conn: &mut dyn Connection, id: &str) -> Result<ClaimRow, StoreError> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.id = $1"
    );
    match conn.query(&sql, &[id.into()])?.into_iter().next() {
        Some(row) => claim_row(row),
        None => Err(StoreError::NotFound {
            what: "claim",
            id: id.to_string(),
        }),
    }
}

const DOCUMENT_COLUMNS: &str = "d.id, d.title, d.outlet, d.url, d.published, d.words, d.dup_of,
    d.revision_of,
    (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id),
    (SELECT COUNT(*) FROM quotes q WHERE q.doc_id = d.id)";

fn document_row(row: Row) -> DocumentRow {
    let mut c = Cols::new(row);
    DocumentRow {
        id: c.text(),
        title: c.opt(),
        outlet: c.opt(),
        url: c.opt(),
        published: c.opt(),
        words: c.int(),
        dup_of: c.opt(),
        revision_of: c.opt(),
        claims: c.int(),
        quotes: c.int(),
    }
}

/// Documents newest first; `q` matches title or URL (case-blind), `outlet` the outlet.
pub(crate) fn documents(
    conn: &mut dyn Connection,
    q: Option<&str>,
    outlet: Option<&str>,
    paging: Paging,
) -> Result<Page<DocumentRow>, StoreError> {
    let mut w = Where::default();
    if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
        w.add(
            "(LOWER(COALESCE(d.title, '')) LIKE $? ESCAPE '\\'
              OR LOWER(COALESCE(d.url, '')) LIKE $? ESCAPE '\\')",
            contains(&q.trim().to_lowercase()),
        );
    }
    if let Some(o) = outlet {
        w.add("LOWER(d.outlet) = $?", o.to_lowercase().into());
    }
    let total = count(
        conn,
        &format!("SELECT COUNT(*) FROM documents d WHERE 1 = 1{}", w.sql),
        &w.params,
    )?;
    let mut sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE 1 = 1{}
         ORDER BY COALESCE(d.published, '') DESC, d.id",
        w.sql
    );
    let params = w.paged(&mut sql, paging);
    let items = conn
        .query(&sql, &params)?
        .into_iter()
        .map(document_row)
        .collect();
    Ok(Page::of(total, paging, items))
}

/// Entity ids are "e1", "e2", … "e10": in the ledger's order, not the string order.
fn ledger_order(id: &str) -> (usize, &str) {
    (id.len(), id)
}

pub(crate) fn document(conn: &mut dyn Connection, id: &str) -> Result<DocumentView, StoreError> {
    let Some(row) = conn
        .query(
            "SELECT d.id, d.title, d.outlet, d.url, d.published, d.dup_of, d.revision_of,
                    d.text, d.removed
             FROM documents d WHERE d.id = $1",
            &[id.into()],
        )?
        .into_iter()
        .next()
    else {
        return Err(StoreError::NotFound {
            what: "document",
            id: id.to_string(),
        });
    };
    let mut c = Cols::new(row);
    let mut view = DocumentView {
        id: c.text(),
        title: c.opt(),
        outlet: c.opt(),
        url: c.opt(),
        published: c.opt(),
        dup_of: c.opt(),
        revision_of: c.opt(),
        text: c.text(),
        removed: c
            .opt()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Array(Vec::new())),
        entities: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        stances: Vec::new(),
    };
    let doc = [Value::from(id)];
    view.entities = conn
        .query(
            "SELECT id, name, kind, key, spans FROM entities WHERE doc_id = $1",
            &doc,
        )?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            DocumentEntity {
                id: c.text(),
                name: c.text(),
                kind: c.text(),
                key: c.text(),
                mentions: c
                    .opt()
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .unwrap_or_default(),
            }
        })
        .collect();
    view.entities
        .sort_by(|a, b| ledger_order(&a.id).cmp(&ledger_order(&b.id)));
    view.quotes = conn
        .query(
            "SELECT id, kind, span_start, span_end, text, speaker_name, cue, cue_start, cue_end,
                    cites_name, via_name
             FROM quotes WHERE doc_id = $1 ORDER BY span_start, id",
            &doc,
        )?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            DocumentQuote {
                id: c.text(),
                kind: c.text(),
                start: c.int(),
                end: c.int(),
                text: c.text(),
                speaker_name: c.opt(),
                cue: c.opt(),
                cue_start: c.opt_int(),
                cue_end: c.opt_int(),
                cites_name: c.list(),
                via_name: c.list(),
            }
        })
        .collect();
    view.claims = conn
        .query(
            "SELECT id, span_start, span_end, evidence_start, evidence_end, value, value_hi,
                    qualifier, measure, subject, claimant_name, stance, text
             FROM claims WHERE doc_id = $1 ORDER BY span_start, id",
            &doc,
        )?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            DocumentClaim {
                id: c.text(),
                start: c.int(),
                end: c.int(),
                evidence_start: c.int(),
                evidence_end: c.int(),
                value: c.real(),
                value_hi: c.opt_real(),
                qualifier: c.text(),
                measure: c.text(),
                subject: c.opt(),
                claimant_name: c.opt(),
                stance: c.text(),
                text: c.text(),
            }
        })
        .collect();
    view.stances = conn
        .query(
            "SELECT id, actor_name, stance, topic, evidence_start, evidence_end
             FROM stances WHERE doc_id = $1 ORDER BY evidence_start, id",
            &doc,
        )?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            DocumentStance {
                id: c.text(),
                actor_name: c.opt(),
                stance: c.text(),
                topic: c.opt(),
                evidence_start: c.int(),
                evidence_end: c.int(),
            }
        })
        .collect();
    Ok(view)
}

/// Entities grouped by key, those in most documents first; `q` matches the key.
pub(crate) fn entities(
    conn: &mut dyn Connection,
    q: Option<&str>,
    paging: Paging,
) -> Result<Page<EntityGroup>, StoreError> {
    let mut w = Where::default();
    if let Some(q) = q.map(entity_key).filter(|k| !k.is_empty()) {
        w.add("e.key LIKE $? ESCAPE '\\'", contains(&q));
    }
    let total = count(
        conn,
        &format!(
            "SELECT COUNT(*) FROM (SELECT e.key FROM entities e WHERE 1 = 1{} GROUP BY e.key) k",
            w.sql
        ),
        &w.params,
    )?;
    let mut sql = format!(
        "SELECT e.key, MIN(LENGTH(e.name)), MIN(e.kind), COUNT(DISTINCT e.doc_id)
         FROM entities e WHERE 1 = 1{}
         GROUP BY e.key ORDER BY COUNT(DISTINCT e.doc_id) DESC, e.key",
        w.sql
    );
    let params = w.paged(&mut sql, paging);
    let rows = conn.query(&sql, &params)?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let mut c = Cols::new(row);
        let key = c.text();
        let shortest = c.int();
        let kind = c.text();
        let documents = c.int();
        let k = [Value::from(&key)];
        let name = conn
            .query(
                "SELECT MIN(name) FROM entities WHERE key = $1 AND LENGTH(name) = $2",
                &[key.clone().into(), shortest.into()],
            )?
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next()?.into_string())
            .unwrap_or_else(|| key.clone());
        let claims = count(
            conn,
            "SELECT COUNT(*) FROM claims WHERE claimant_key = $1",
            &k,
        )?;
        let quotes = count(
            conn,
            "SELECT COUNT(*) FROM quotes WHERE speaker_key = $1",
            &k,
        )?;
        items.push(EntityGroup {
            key,
            name,
            kind,
            documents,
            claims,
            quotes,
        });
    }
    Ok(Page::of(total, paging, items))
}

/// Quotes newest first; `speaker` matches the speaker's key, `q` the quoted words.
pub(crate) fn quotes(
    conn: &mut dyn Connection,
    speaker: Option<&str>,
    q: Option<&str>,
    paging: Paging,
) -> Result<Page<QuoteRow>, StoreError> {
    let mut w = Where::default();
    if let Some(s) = speaker.map(entity_key).filter(|k| !k.is_empty()) {
        w.add("q.speaker_key LIKE $? ESCAPE '\\'", contains(&s));
    }
    if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
        w.add(
            "LOWER(q.text) LIKE $? ESCAPE '\\'",
            contains(&q.trim().to_lowercase()),
        );
    }
    let from = "FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE 1 = 1";
    let total = count(conn, &format!("SELECT COUNT(*) {from}{}", w.sql), &w.params)?;
    let mut sql = format!(
        "SELECT q.doc_id, q.id, q.kind, q.span_start, q.span_end, q.text, q.speaker_name, q.cue,
                q.cites_name, q.via_name, q.date, d.outlet, d.title, d.url, d.published
         {from}{} ORDER BY COALESCE(q.date, '') DESC, q.doc_id, q.span_start",
        w.sql
    );
    let params = w.paged(&mut sql, paging);
    let items = conn
        .query(&sql, &params)?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            QuoteRow {
                doc_id: c.text(),
                id: c.text(),
                kind: c.text(),
                start: c.int(),
                end: c.int(),
                text: c.text(),
                speaker_name: c.opt(),
                cue: c.opt(),
                cites_name: c.list(),
                via_name: c.list(),
                date: c.opt(),
                outlet: c.opt(),
                title: c.opt(),
                url: c.opt(),
                published: c.opt(),
            }
        })
        .collect();
    Ok(Page::of(total, paging, items))
}

/// Stances newest first; `actor` matches the actor's key.
pub(crate) fn stances(
    conn: &mut dyn Connection,
    actor: Option<&str>,
    paging: Paging,
) -> Result<Page<StanceRow>, StoreError> {
    let mut w = Where::default();
    if let Some(a) = actor.map(entity_key).filter(|k| !k.is_empty()) {
        w.add("s.actor_key LIKE $? ESCAPE '\\'", contains(&a));
    }
    let from = "FROM stances s JOIN documents d ON d.id = s.doc_id WHERE 1 = 1";
    let total = count(conn, &format!("SELECT COUNT(*) {from}{}", w.sql), &w.params)?;
    let mut sql = format!(
        "SELECT s.doc_id, s.id, s.actor_name, s.stance, s.topic, s.evidence, s.evidence_start,
                s.evidence_end, d.outlet, d.title, d.url, d.published
         {from}{} ORDER BY COALESCE(d.published, '') DESC, s.doc_id, s.evidence_start",
        w.sql
    );
    let params = w.paged(&mut sql, paging);
    let items = conn
        .query(&sql, &params)?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            StanceRow {
                doc_id: c.text(),
                id: c.text(),
                actor_name: c.opt(),
                stance: c.text(),
                topic: c.opt(),
                evidence: c.text(),
                evidence_start: c.int(),
                evidence_end: c.int(),
                outlet: c.opt(),
                title: c.opt(),
                url: c.opt(),
                published: c.opt(),
            }
        })
        .collect();
    Ok(Page::of(total, paging, items))
}

/// Subject and measure pairs with their claim counts, most claims first; `q` matches the
/// subject key as a subject search does.
pub(crate) fn subjects(
    conn: &mut dyn Connection,
    q: Option<&str>,
    paging: Paging,
) -> Result<Page<SubjectRow>, StoreError> {
    let mut w = Where::default();
    if let Some(q) = q.map(subject_key).filter(|k| !k.is_empty()) {
        w.add("c.subject_key LIKE $? ESCAPE '\\'", contains(&q));
    }
    let group = format!(
        "FROM claims c WHERE c.subject_key IS NOT NULL{} GROUP BY c.subject_key, c.measure",
        w.sql
    );
    let total = count(
        conn,
        &format!("SELECT COUNT(*) FROM (SELECT c.subject_key {group}) g"),
        &w.params,
    )?;
    let mut sql = format!(
        "SELECT c.subject_key, c.measure, COUNT(*) {group}
         ORDER BY COUNT(*) DESC, c.subject_key, c.measure"
    );
    let params = w.paged(&mut sql, paging);
    let items = conn
        .query(&sql, &params)?
        .into_iter()
        .map(|row| {
            let mut c = Cols::new(row);
            SubjectRow {
                subject_key: c.text(),
                measure: c.text(),
                claims: c.int(),
            }
        })
        .collect();
    Ok(Page::of(total, paging, items))
}

/// Subjects, entities and documents matching `q` as their lists do, and claims whose figure
/// or evidence sentence contains it; at most [`SEARCH_LIMIT`] of each.
pub(crate) fn search(conn: &mut dyn Connection, q: &str) -> Result<SearchResults, StoreError> {
    let paging = Paging::new(0, SEARCH_LIMIT);
    let q = q.trim();
    if q.is_empty() {
        return Ok(SearchResults {
            subjects: Vec::new(),
            entities: Vec::new(),
            documents: Vec::new(),
            claims: Vec::new(),
        });
    }
    let subjects = subjects(conn, Some(q), paging)?.items;
    let entities = entities(conn, Some(q), paging)?.items;
    let documents = documents(conn, Some(q), None, paging)?.items;
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE LOWER(c.evidence) LIKE $1 ESCAPE '\\'
         ORDER BY COALESCE(c.date, '') DESC, c.doc_id, c.span_start LIMIT $2"
    );
    let claims = conn
        .query(&sql, &[contains(&q.to_lowercase()), SEARCH_LIMIT.into()])?
        .into_iter()
        .map(claim_row)
        .collect::<Result<_, _>>()?;
    Ok(SearchResults {
        subjects,
        entities,
        documents,
        claims,
    })
}
