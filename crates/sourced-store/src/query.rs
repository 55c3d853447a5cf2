//! The questions asked across documents. Every statement here runs unchanged on SQLite and
//! PostgreSQL.

use crate::error::StoreError;
use crate::qualify::compatible;
use crate::resolve::{entity_key, subject_key};
use crate::scope::{scopes, Scope};
use crate::sql::{Connection, Row, Value};
use serde::Serialize;
use sourced_engine::dates::Date;

/// `sourced claims` filters; `None` means any.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// Matches subjects whose key contains this subject's key ("soldiers" finds "North
    /// Korean troops").
    pub subject: Option<String>,
    pub measure: Option<String>,
    /// Matches claimants whose key contains this name's key.
    pub claimant: Option<String>,
    /// Place, evidence or title mentions this (case-blind).
    pub place: Option<String>,
    /// ISO dates, inclusive.
    pub since: Option<String>,
    pub until: Option<String>,
    /// At most this many rows (newest first); `None` for all.
    pub limit: Option<usize>,
}

/// One claim with what a reader needs beside it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimRow {
    pub id: String,
    pub date: Option<String>,
    pub value: f64,
    pub value_hi: Option<f64>,
    pub qualifier: String,
    pub measure: String,
    pub subject: Option<String>,
    pub claimant_name: Option<String>,
    pub cites_name: Vec<String>,
    pub via_name: Vec<String>,
    pub stance: String,
    pub text: String,
    pub evidence: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub doc_id: String,
    pub dup_of: Option<String>,
    pub same_as: Option<String>,
    /// Where the figure applies, when the sentence says.
    pub place: Option<String>,
    /// When it applies, as written ("Tuesday", "since 2009"), when the sentence says.
    pub time: Option<String>,
    #[serde(skip)]
    pub claimant_key: Option<String>,
    #[serde(skip)]
    pub cites_key: Option<String>,
    /// The earlier text of this claim's article, when the outlet edited it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_of: Option<String>,
    /// The later claim in which the same origin withdrew this figure, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retracted_by: Option<String>,
}

/// Reports further apart than this do not corroborate each other: casualty figures grow, and
/// a count from three months later says nothing about this week's.
pub const CORROBORATION_WINDOW_DAYS: i64 = 14;

impl ClaimRow {
    /// False for a figure the claimant denies, retracts or will not confirm: such a report
    /// neither corroborates nor contradicts anything.
    pub fn asserts_figure(&self) -> bool {
        self.retracted_by.is_none()
            && !matches!(self.stance.as_str(), "denied" | "retracted" | "unconfirmed")
    }

    /// Where the figure comes from, for counting independent sources: the first source the
    /// claimant cites, else the claimant, else the outlet narrating it, else the document.
    pub fn origin(&self) -> String {
        if let Some(k) = &self.cites_key {
            return format!("entity:{k}");
        }
        if let Some(k) = &self.claimant_key {
            return format!("entity:{k}");
        }
        match &self.outlet {
            Some(o) => format!("outlet:{}", entity_key(o)),
            None => format!("document:{}", self.doc_id),
        }
    }
}

/// A timeline entry: one report of the figure, with its syndicated copies folded in.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TimelineRow {
    #[serde(flatten)]
    pub claim: ClaimRow,
    /// Near-duplicate documents (wire copies) carrying the same figure, folded into this row.
    pub copies: Vec<String>,
    /// Their outlets, in the same order.
    pub copy_outlets: Vec<String>,
    /// Distinct origins (see [`ClaimRow::origin`]) among the timeline's reports within
    /// [`CORROBORATION_WINDOW_DAYS`] whose figures agree with this one, this one included; 0
    /// when this report does not assert its figure (denied, retracted, unconfirmed).
    pub independent_sources: usize,
    /// What earlier versions of an edited article gave for this subject and measure, oldest
    /// first (empty when the article was not edited, or not on this figure).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub before_edit: Vec<Figure>,
    /// The places the report is about (see [`crate::scope`]): the event it belongs to.
    pub places: Vec<String>,
    #[serde(skip)]
    pub(crate) scope: Scope,
}

/// A figure as reported: value, upper value of a range, qualifier.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub value_hi: Option<f64>,
    pub qualifier: String,
}

/// Edits are rare and chains short; a longer one is cut rather than followed forever.
const MAX_REVISIONS_FOLLOWED: usize = 20;

/// The figures for `claim`'s subject and measure in the earlier versions of its article,
/// oldest first: an outlet's edit is shown, never silently overwritten. An article can give
/// several such figures; the claim is matched with the one at the same place in the order
/// (the second with the second), or the last when an edit left fewer.
fn figures_before_edit(
    conn: &mut dyn Connection,
    claim: &ClaimRow,
) -> Result<Vec<Figure>, StoreError> {
    let wanted = claim.subject.as_deref().map(subject_key);
    let own = figures_in(conn, &claim.doc_id, &claim.measure, wanted.as_deref())?;
    let ordinal = own.iter().position(|(id, _)| *id == claim.id).unwrap_or(0);
    let mut out = Vec::new();
    let mut previous = claim.revision_of.clone();
    for _ in 0..MAX_REVISIONS_FOLLOWED {
        let Some(doc) = previous.take() else { break };
        let mut earlier = figures_in(conn, &doc, &claim.measure, wanted.as_deref())?;
        if !earlier.is_empty() {
            let at = ordinal.min(earlier.len() - 1);
            out.push(earlier.swap_remove(at).1);
        }
        previous = conn
            .query(
                "SELECT revision_of FROM documents WHERE id = $1",
                &[doc.into()],
            )?
            .pop()
            .and_then(|r| r.into_iter().next())
            .and_then(Value::into_string);
    }
    out.reverse();
    Ok(out)
}

/// A document's figures for one measure and subject key, in text order (restatements left
/// out), with their claim ids.
fn figures_in(
    conn: &mut dyn Connection,
    doc_id: &str,
    measure: &str,
    subject: Option<&str>,
) -> Result<Vec<(String, Figure)>, StoreError> {
    let rows = conn.query(
        "SELECT c.id, c.value, c.value_hi, c.qualifier, c.subject FROM claims c
         WHERE c.doc_id = $1 AND c.measure = $2 AND c.same_as IS NULL
         ORDER BY c.span_start",
        &[doc_id.into(), measure.into()],
    )?;
    let mut out = Vec::new();
    for row in rows {
        let mut it = row.into_iter();
        let (Some(id), Some(value), value_hi, Some(qualifier), subject_name) = (
            it.next().and_then(Value::into_string),
            it.next().and_then(|v| v.as_f64()),
            it.next().and_then(|v| v.as_f64()),
            it.next().and_then(Value::into_string),
            it.next().and_then(Value::into_string),
        ) else {
            continue;
        };
        if subject_name.as_deref().map(subject_key).as_deref() == subject {
            out.push((
                id,
                Figure {
                    value,
                    value_hi,
                    qualifier,
                },
            ));
        }
    }
    Ok(out)
}

#[derive(Clone, Debug, Serialize, PartialEq, Default)]
pub struct Stats {
    pub documents: i64,
    pub duplicates: i64,
    pub revisions: i64,
    pub claims: i64,
    pub quotes: i64,
    pub stances: i64,
    pub entities: i64,
}

pub(crate) const CLAIM_COLUMNS: &str =
    "c.id, c.date, c.value, c.value_hi, c.qualifier, c.measure, c.subject,
    c.claimant_name, c.cites_name, c.via_name, c.stance, c.text, c.evidence, d.outlet, d.title,
    d.url, c.doc_id, d.dup_of, c.same_as, c.claimant_key, c.cites_key, d.revision_of, c.place,
    c.time";

pub(crate) fn claim_row(row: Row) -> Result<ClaimRow, StoreError> {
    let mut it = row.into_iter();
    let mut next = || it.next().unwrap_or(Value::Null);
    let text = |v: Value| v.into_string();
    let required = |v: Value, field: &str| {
        v.into_string().ok_or_else(|| StoreError::Corrupt {
            table: "claims",
            detail: format!("{field} is missing"),
        })
    };
    let list = |v: Value| -> Vec<String> {
        v.as_str()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    };
    Ok(ClaimRow {
        id: required(next(), "id")?,
        date: text(next()),
        value: next().as_f64().unwrap_or(f64::NAN),
        value_hi: next().as_f64(),
        qualifier: required(next(), "qualifier")?,
        measure: required(next(), "measure")?,
        subject: text(next()),
        claimant_name: text(next()),
        cites_name: list(next()),
        via_name: list(next()),
        stance: required(next(), "stance")?,
        text: required(next(), "text")?,
        evidence: required(next(), "evidence")?,
        outlet: text(next()),
        title: text(next()),
        url: text(next()),
        doc_id: required(next(), "doc_id")?,
        dup_of: text(next()),
        same_as: text(next()),
        claimant_key: text(next()),
        cites_key: text(next()),
        revision_of: text(next()),
        place: text(next()),
        time: text(next()),
        retracted_by: None,
    })
}

/// `%key%` for LIKE, with LIKE's own wildcards in the key escaped.
fn contains_pattern(key: &str) -> String {
    let mut p = String::from("%");
    for c in key.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// The stored subject keys that contain the key of `subject` ("soldiers" finds "north korean
/// troops" and "valorian troops").
fn matching_subjects(conn: &mut dyn Connection, subject: &str) -> Result<Vec<String>, StoreError> {
    let rows = conn.query(
        "SELECT key FROM subjects WHERE key LIKE $1 ESCAPE '\\' ORDER BY key",
        &[contains_pattern(&subject_key(subject)).into()],
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r.into_iter().next()?.into_string())
        .collect())
}

/// Adds `AND c.subject_key IN (…)` for the keys matching `subject` (nothing for `None`).
/// False when no stored subject matches: the query can only return nothing.
fn restrict_to_subject(
    conn: &mut dyn Connection,
    subject: Option<&str>,
    sql: &mut String,
    params: &mut Vec<Value>,
) -> Result<bool, StoreError> {
    let Some(subject) = subject else {
        return Ok(true);
    };
    let first = params.len() + 1;
    params.extend(
        matching_subjects(conn, subject)?
            .into_iter()
            .map(Value::from),
    );
    if params.len() < first {
        return Ok(false);
    }
    sql.push_str(&format!(
        " AND c.subject_key IN ({})",
        placeholders(first, params.len())
    ));
    Ok(true)
}

/// Restricts to claims whose place, evidence sentence or document title mention `place`
/// (case-blind), bound as `parameter` ("$3"): "people killed" in Somalia, not in Pakistan.
fn place_clause(parameter: &str) -> String {
    format!(
        " AND (LOWER(COALESCE(c.place, '')) LIKE {parameter} ESCAPE '\\'
              OR LOWER(c.evidence) LIKE {parameter} ESCAPE '\\'
              OR LOWER(COALESCE(d.title, '')) LIKE {parameter} ESCAPE '\\')"
    )
}

fn place_pattern(place: &str) -> Value {
    contains_pattern(&place.to_lowercase()).into()
}

/// "$from, $from+1, …, $to".
fn placeholders(from: usize, to: usize) -> String {
    (from..=to)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn claims(
    conn: &mut dyn Connection,
    filter: &ClaimFilter,
) -> Result<Vec<ClaimRow>, StoreError> {
    let mut sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id WHERE 1 = 1"
    );
    let mut params: Vec<Value> = Vec::new();
    if !restrict_to_subject(conn, filter.subject.as_deref(), &mut sql, &mut params)? {
        return Ok(Vec::new());
    }
    let mut add = |sql: &mut String, clause: &str, value: Value| {
        params.push(value);
        sql.push_str(&clause.replace("$?", &format!("${}", params.len())));
    };
    if let Some(m) = &filter.measure {
        add(&mut sql, " AND c.measure = $?", m.into());
    }
    if let Some(c) = &filter.claimant {
        add(
            &mut sql,
            " AND c.claimant_key LIKE $? ESCAPE '\\'",
            contains_pattern(&entity_key(c)).into(),
        );
    }
    if let Some(p) = &filter.place {
        add(&mut sql, &place_clause("$?"), place_pattern(p));
    }
    if let Some(d) = &filter.since {
        add(&mut sql, " AND c.date >= $?", d.into());
    }
    if let Some(d) = &filter.until {
        add(&mut sql, " AND c.date <= $?", d.into());
    }
    sql.push_str(" ORDER BY COALESCE(c.date, '') DESC, c.doc_id, c.span_start");
    if let Some(n) = filter.limit {
        add(&mut sql, " LIMIT $?", n.into());
    }
    conn.query(&sql, &params)?
        .into_iter()
        .map(claim_row)
        .collect()
}

/// Marks each claim that its own origin later withdrew: a claim with stance `retracted`, the
/// same measure and figure, from the same origin, dated the same day or later. `claims` must
/// share one subject.
pub(crate) fn mark_retracted(claims: &mut [ClaimRow]) {
    let retractions: Vec<(String, String, f64, String, Option<String>)> = claims
        .iter()
        .filter(|c| c.stance == "retracted")
        .map(|c| {
            (
                c.id.clone(),
                c.origin(),
                c.value,
                c.measure.clone(),
                c.date.clone(),
            )
        })
        .collect();
    if retractions.is_empty() {
        return;
    }
    for c in claims.iter_mut().filter(|c| c.stance != "retracted") {
        let origin = c.origin();
        c.retracted_by = retractions
            .iter()
            .find(|(_, o, v, m, date)| {
                *o == origin && *v == c.value && *m == c.measure && *date >= c.date
            })
            .map(|(id, ..)| id.clone());
    }
}

/// Replaces claimant and cited-source keys that are known aliases ("nis") by the key of the
/// entity they name ("national intelligence service"), so origins meet across documents
/// stored before the alias was learnt.
pub(crate) fn canonical_keys(
    conn: &mut dyn Connection,
    claims: &mut [ClaimRow],
) -> Result<(), StoreError> {
    let mut keys: Vec<&str> = claims
        .iter()
        .flat_map(|c| [c.claimant_key.as_deref(), c.cites_key.as_deref()])
        .flatten()
        .collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.is_empty() {
        return Ok(());
    }
    let mut map: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    // In chunks: both databases cap the number of parameters of one statement.
    for chunk in keys.chunks(500) {
        let sql = format!(
            "SELECT alias, key FROM entity_aliases WHERE alias IN ({})",
            placeholders(1, chunk.len())
        );
        let params: Vec<Value> = chunk.iter().map(|k| Value::from(*k)).collect();
        for row in conn.query(&sql, &params)? {
            let mut it = row.into_iter();
            if let (Some(Value::Text(alias)), Some(Value::Text(key))) = (it.next(), it.next()) {
                map.insert(alias, key);
            }
        }
    }
    for c in claims.iter_mut() {
        for key in [&mut c.claimant_key, &mut c.cites_key] {
            if let Some(canonical) = key.as_ref().and_then(|k| map.get(k)) {
                *key = Some(canonical.clone());
            }
        }
    }
    Ok(())
}

/// Up to `limit` claims in id order after `after` (keyset pagination: an export reads the
/// whole ledger a page at a time, in constant memory).
pub(crate) fn claims_page(
    conn: &mut dyn Connection,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<ClaimRow>, StoreError> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE c.id > $1 ORDER BY c.id LIMIT $2"
    );
    conn.query(&sql, &[after.unwrap_or("").into(), limit.into()])?
        .into_iter()
        .map(claim_row)
        .collect()
}

/// Every report of `measure` for `subject`, oldest first. Restatements inside one article
/// (`same_as`) and superseded revisions of an edited article (its latest text speaks) are
/// left out, and a syndicated copy is folded into the row of the document it
/// copies when it reports the same figure, so one wire story is one row.
pub(crate) fn timeline(
    conn: &mut dyn Connection,
    subject: &str,
    measure: &str,
    place: Option<&str>,
) -> Result<Vec<TimelineRow>, StoreError> {
    let keys = matching_subjects(conn, subject)?;
    timeline_for_keys(conn, keys, measure, place)
}

/// The timeline of the claims whose subject key is one of `keys`.
pub(crate) fn timeline_for_keys(
    conn: &mut dyn Connection,
    keys: Vec<String>,
    measure: &str,
    place: Option<&str>,
) -> Result<Vec<TimelineRow>, StoreError> {
    let mut params: Vec<Value> = vec![measure.into()];
    params.extend(keys.into_iter().map(Value::from));
    if params.len() == 1 {
        return Ok(Vec::new());
    }
    let mut where_place = String::new();
    if let Some(p) = place {
        params.push(place_pattern(p));
        where_place = place_clause(&format!("${}", params.len()));
    }
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE c.measure = $1 AND c.subject_key IN ({}) AND c.same_as IS NULL
           AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.revision_of = d.id){where_place}
         ORDER BY COALESCE(c.date, ''), d.ingested_at, c.doc_id, c.span_start",
        placeholders(2, params.len() - usize::from(place.is_some()))
    );
    let rows = conn.query(&sql, &params)?;
    let mut claims = rows
        .into_iter()
        .map(claim_row)
        .collect::<Result<Vec<_>, _>>()?;
    canonical_keys(conn, &mut claims)?;
    mark_retracted(&mut claims);
    // A copy's claim folds into the row of the same figure in the document it copies,
    // wherever that row sorts (a copy can carry the same date and sort first).
    let folds_into = |claim: &ClaimRow| -> Option<usize> {
        let original = claim.dup_of.as_ref()?;
        claims.iter().position(|r| {
            &r.doc_id == original && r.value == claim.value && r.qualifier == claim.qualifier
        })
    };
    let targets: Vec<Option<usize>> = claims.iter().map(folds_into).collect();
    let mut copies: Vec<Vec<(String, String)>> = vec![Vec::new(); claims.len()];
    for (i, target) in targets.iter().enumerate() {
        if let Some(t) = target {
            if !copies[*t].iter().any(|(id, _)| id == &claims[i].doc_id) {
                let outlet = claims[i].outlet.clone().unwrap_or_default();
                copies[*t].push((claims[i].doc_id.clone(), outlet));
            }
        }
    }
    let mut out: Vec<TimelineRow> = Vec::new();
    for ((claim, target), copies) in claims.into_iter().zip(targets).zip(copies) {
        if target.is_none() {
            let (copies, copy_outlets) = copies.into_iter().unzip();
            out.push(TimelineRow {
                claim,
                copies,
                copy_outlets,
                independent_sources: 0,
                before_edit: Vec::new(),
                places: Vec::new(),
                scope: Scope::default(),
            });
        }
    }
    for row in out.iter_mut().filter(|r| r.claim.revision_of.is_some()) {
        let before = figures_before_edit(conn, &row.claim)?;
        let c = &row.claim;
        // An edit elsewhere in the article leaves this figure as it was: nothing to show.
        let changed = before.iter().any(|f| {
            (f.value, f.value_hi, f.qualifier.as_str())
                != (c.value, c.value_hi, c.qualifier.as_str())
        });
        if changed {
            row.before_edit = before;
        }
    }
    let found = scopes(conn, out.iter().map(|r| &r.claim))?;
    for (row, scope) in out.iter_mut().zip(found) {
        row.places = scope.names.clone();
        row.scope = scope;
    }
    let origins: Vec<String> = out.iter().map(|r| r.claim.origin()).collect();
    let days: Vec<Option<i64>> = out
        .iter()
        .map(|r| r.claim.date.as_deref().and_then(days_from_iso))
        .collect();
    for i in 0..out.len() {
        let mine = &out[i].claim;
        if !mine.asserts_figure() {
            continue;
        }
        let mut agreeing: Vec<&String> = (0..out.len())
            .filter(|&j| {
                let other = &out[j].claim;
                let near = match (days[i], days[j]) {
                    (Some(x), Some(y)) => (x - y).abs() <= CORROBORATION_WINDOW_DAYS,
                    (None, None) => true,
                    _ => false,
                };
                near && other.asserts_figure()
                    && out[i].scope.same_event(&out[j].scope)
                    && compatible(
                        (mine.value, mine.value_hi, &mine.qualifier),
                        (other.value, other.value_hi, &other.qualifier),
                    )
            })
            .map(|j| &origins[j])
            .collect();
        agreeing.sort();
        agreeing.dedup();
        out[i].independent_sources = agreeing.len();
    }
    Ok(out)
}

pub(crate) fn stats(conn: &mut dyn Connection) -> Result<Stats, StoreError> {
    let count = |conn: &mut dyn Connection, sql: &str| -> Result<i64, StoreError> {
        Ok(conn
            .query(sql, &[])?
            .first()
            .and_then(|r| r.first())
            .and_then(Value::as_i64)
            .unwrap_or(0))
    };
    Ok(Stats {
        documents: count(conn, "SELECT COUNT(*) FROM documents")?,
        duplicates: count(
            conn,
            "SELECT COUNT(*) FROM documents WHERE dup_of IS NOT NULL",
        )?,
        revisions: count(
            conn,
            "SELECT COUNT(*) FROM documents WHERE revision_of IS NOT NULL",
        )?,
        claims: count(conn, "SELECT COUNT(*) FROM claims")?,
        quotes: count(conn, "SELECT COUNT(*) FROM quotes")?,
        stances: count(conn, "SELECT COUNT(*) FROM stances")?,
        entities: count(conn, "SELECT COUNT(*) FROM entities")?,
    })
}

/// Two reports of the same subject and measure, close in time, whose figures cannot both be
/// true (their qualifiers considered), from different origins.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Conflict {
    pub subject: String,
    pub measure: String,
    pub a: ClaimRow,
    pub b: ClaimRow,
    /// Days between the two reports (0 when either date is unknown).
    pub days_apart: i64,
    /// Further report pairs with the same two origins and figures (other outlets carrying
    /// the same disagreement), folded into this one.
    pub repeats: usize,
}

/// Conflicting figures, optionally for one subject, reported at most `window_days` apart.
/// Wire copies and restatements are left out (they are the same report); a source updating
/// its own figure is evolution, shown by the timeline, not a conflict.
pub(crate) fn conflicts(
    conn: &mut dyn Connection,
    subject: Option<&str>,
    place: Option<&str>,
    window_days: i64,
) -> Result<Vec<Conflict>, StoreError> {
    let mut sql = format!(
        "SELECT {CLAIM_COLUMNS}, c.subject_key FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE d.dup_of IS NULL AND c.same_as IS NULL AND c.subject_key IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.revision_of = d.id)
           AND c.subject_key <> ''"
    );
    let mut params: Vec<Value> = Vec::new();
    if !restrict_to_subject(conn, subject, &mut sql, &mut params)? {
        return Ok(Vec::new());
    }
    if let Some(p) = place {
        params.push(place_pattern(p));
        sql.push_str(&place_clause(&format!("${}", params.len())));
    }
    sql.push_str(
        " ORDER BY c.subject_key, c.measure, COALESCE(c.date, ''), c.doc_id, c.span_start",
    );
    let mut keys = Vec::new();
    let mut rows = Vec::new();
    for mut row in conn.query(&sql, &params)? {
        keys.push(row.pop().and_then(Value::into_string).unwrap_or_default());
        rows.push(claim_row(row)?);
    }
    canonical_keys(conn, &mut rows)?;
    let events = scopes(conn, rows.iter())?;
    let mut start = 0;
    while start < rows.len() {
        let end = (start..rows.len())
            .find(|&i| keys[i] != keys[start])
            .unwrap_or(rows.len());
        mark_retracted(&mut rows[start..end]);
        start = end;
    }
    let claims: Vec<(String, ClaimRow)> = keys.into_iter().zip(rows).collect();
    let day = |c: &ClaimRow| c.date.as_deref().and_then(days_from_iso);
    let days: Vec<Option<i64>> = claims.iter().map(|(_, c)| day(c)).collect();
    let origins: Vec<String> = claims.iter().map(|(_, c)| c.origin()).collect();
    let mut out: Vec<Conflict> = Vec::new();
    // One disagreement (two origins, two figures) reported again by other outlets or on other
    // days is one conflict with repeats.
    let mut seen: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    let mut first_of_figure: std::collections::HashMap<FigureKey, usize> =
        std::collections::HashMap::new();
    let figure_ids: Vec<usize> = claims
        .iter()
        .enumerate()
        .map(|(i, (key, c))| {
            *first_of_figure
                .entry((
                    key.as_str(),
                    c.measure.as_str(),
                    origins[i].as_str(),
                    c.value.to_bits(),
                    c.value_hi.map(f64::to_bits),
                    c.qualifier.as_str(),
                ))
                .or_insert(i)
        })
        .collect();
    // Rows are sorted by subject, measure, date: the reports within the window of row i are
    // a run ending at i, starting at `window_start`.
    let mut window_start = 0;
    for i in 0..claims.len() {
        let (key_i, a) = &claims[i];
        let same_group = |j: usize| claims[j].0 == *key_i && claims[j].1.measure == a.measure;
        while window_start < i
            && (!same_group(window_start)
                || matches!((days[window_start], days[i]),
                    (Some(x), Some(y)) if y - x > window_days))
        {
            window_start += 1;
        }
        for j in window_start..i {
            let b = &claims[j].1;
            // Undated reports are compared only with each other.
            let apart = match (days[i], days[j]) {
                (Some(x), Some(y)) => (x - y).abs(),
                (None, None) => 0,
                _ => continue,
            };
            if apart > window_days
                || !a.asserts_figure()
                || !b.asserts_figure()
                || origins[i] == origins[j]
                || !events[i].same_event(&events[j])
                || compatible(
                    (a.value, a.value_hi, &a.qualifier),
                    (b.value, b.value_hi, &b.qualifier),
                )
            {
                continue;
            }
            // A figure id names subject, measure, origin and figure: a pair of them is one
            // disagreement.
            let pair = (
                figure_ids[i].min(figure_ids[j]),
                figure_ids[i].max(figure_ids[j]),
            );
            match seen.get(&pair) {
                Some(&k) => out[k].repeats += 1,
                None => {
                    seen.insert(pair, out.len());
                    out.push(Conflict {
                        subject: key_i.clone(),
                        measure: a.measure.clone(),
                        a: b.clone(),
                        b: a.clone(),
                        days_apart: apart,
                        repeats: 0,
                    })
                }
            }
        }
    }
    Ok(out)
}

/// Subject key, measure, origin, value, upper value and qualifier of a reported figure.
type FigureKey<'a> = (&'a str, &'a str, &'a str, u64, Option<u64>, &'a str);

/// "2031-05-05" → days since 1970-01-01; None unless the text starts with an ISO date.
pub(crate) fn days_from_iso(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = date.get(0..4)?.parse().ok()?;
    let month = date.get(5..7)?.parse().ok()?;
    let day = date.get(8..10)?.parse().ok()?;
    Date::new(year, month, day).map(Date::to_days)
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_days() {
        assert_eq!(super::days_from_iso("1970-01-01"), Some(0));
        assert_eq!(super::days_from_iso("2026-01-01"), Some(20_454));
        assert_eq!(
            super::days_from_iso("2000-03-01").unwrap()
                - super::days_from_iso("2000-02-28").unwrap(),
            2
        );
        assert_eq!(super::days_from_iso("May 5"), None);
    }
}
