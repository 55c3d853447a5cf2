//! Writing one document's ledger: the idempotence, revision and near-duplicate decisions,
//! then the rows. Runs inside the caller's transaction.

use crate::dedup::{self, Signature};
use crate::error::StoreError;
use crate::resolve::{description_key, entity_key, subject_key};
use crate::sql::{Connection, Value};
use sourced_engine::Ledger;

/// A ledger ready to be stored, with where it was read from.
#[derive(Clone, Debug)]
pub struct ToStore {
    pub ledger: Ledger,
    pub origin: String,
}

impl ToStore {
    pub fn new(ledger: Ledger, origin: &str) -> ToStore {
        ToStore {
            ledger,
            origin: origin.to_string(),
        }
    }
}

/// What storing a document did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A new document. `dup_of` when it near-duplicates an earlier one (syndicated copy);
    /// `revision_of` when an earlier text came from the same URL or record id.
    New {
        id: String,
        dup_of: Option<String>,
        revision_of: Option<String>,
        claims: usize,
        quotes: usize,
    },
    /// The same cleaned text is already stored: nothing written.
    Unchanged { id: String },
}

pub(crate) fn write_document(
    conn: &mut dyn Connection,
    doc: &ToStore,
) -> Result<Outcome, StoreError> {
    let ledger = &doc.ledger;
    let d = &ledger.document;
    // The store's id is the hash of the cleaned text, whatever id the input carried: that is
    // what makes a re-ingest a no-op and an edited article a new row.
    let id = d.sha256.clone();
    if !conn
        .query(
            "SELECT 1 FROM documents WHERE id = $1",
            &[id.clone().into()],
        )?
        .is_empty()
    {
        return Ok(Outcome::Unchanged { id });
    }
    let source_id = (d.id != d.sha256).then(|| d.id.clone());
    let revision_of = latest_revision(conn, d.url.as_deref(), source_id.as_deref())?;
    let sig = dedup::signature(&d.text);
    let bands = dedup::bands(&sig);
    let duplicate = if revision_of.is_some() {
        None
    } else {
        nearest_copy(conn, &sig, &bands)?
    };
    let words = d.text.split_whitespace().count();
    conn.execute(
        "INSERT INTO documents (id, source_id, url, title, outlet, published, text, removed,
             dup_of, similarity, revision_of, origin, words, minhash, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            id.clone().into(),
            source_id.into(),
            (&d.url).into(),
            (&d.title).into(),
            (&d.outlet).into(),
            d.published.as_deref().map(iso_date).into(),
            (&d.text).into(),
            json(&d.removed).into(),
            duplicate.as_ref().map(|(dup, _)| dup.clone()).into(),
            duplicate.as_ref().map(|(_, s)| *s).into(),
            (&revision_of).into(),
            (&doc.origin).into(),
            words.into(),
            dedup::to_hex(&sig).into(),
            crate::now().into(),
        ],
    )?;
    for band in bands {
        conn.execute(
            "INSERT INTO document_bands (band, doc_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[band.into(), id.clone().into()],
        )?;
    }
    write_rows(conn, &id, ledger)?;
    Ok(Outcome::New {
        id,
        dup_of: duplicate.map(|(dup, _)| dup),
        revision_of,
        claims: ledger.claims.len(),
        quotes: ledger.quotes.len(),
    })
}

/// The newest stored text of the same article (same URL or same record id), if any: the one
/// no other revision points back to.
fn latest_revision(
    conn: &mut dyn Connection,
    url: Option<&str>,
    source_id: Option<&str>,
) -> Result<Option<String>, StoreError> {
    if url.is_none() && source_id.is_none() {
        return Ok(None);
    }
    let rows = conn.query(
        "SELECT d.id FROM documents d
         WHERE (d.url = $1 OR d.source_id = $2)
           AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.revision_of = d.id)
         ORDER BY d.ingested_at DESC, d.id
         LIMIT 1",
        &[url.into(), source_id.into()],
    )?;
    Ok(rows
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next()?.into_string()))
}

/// The earlier document this text copies, with the estimated similarity. A copy of a copy
/// points at the original.
fn nearest_copy(
    conn: &mut dyn Connection,
    sig: &Signature,
    bands: &[i64],
) -> Result<Option<(String, f64)>, StoreError> {
    let placeholders: Vec<String> = (1..=bands.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT d.id, d.minhash, d.dup_of FROM documents d WHERE d.id IN (
             SELECT b.doc_id FROM document_bands b WHERE b.band IN ({}))
         ORDER BY d.ingested_at, d.id",
        placeholders.join(", ")
    );
    let params: Vec<Value> = bands.iter().map(|b| Value::from(*b)).collect();
    let mut best: Option<(String, f64)> = None;
    for row in conn.query(&sql, &params)? {
        let mut row = row.into_iter();
        let (Some(id), Some(hex)) = (
            row.next().and_then(Value::into_string),
            row.next().and_then(Value::into_string),
        ) else {
            continue;
        };
        let original = row.next().and_then(Value::into_string).unwrap_or(id);
        let Some(other) = dedup::from_hex(&hex) else {
            return Err(StoreError::Corrupt {
                table: "documents",
                detail: format!("minhash of {original} is not a signature"),
            });
        };
        let s = dedup::similarity(sig, &other);
        if s >= dedup::DUPLICATE_SIMILARITY && best.as_ref().is_none_or(|(_, b)| s > *b) {
            best = Some((original, s));
        }
    }
    Ok(best)
}

fn write_rows(conn: &mut dyn Connection, doc_id: &str, ledger: &Ledger) -> Result<(), StoreError> {
    let date = ledger.document.published.as_deref().map(iso_date);
    let key_of = |entity: &Option<String>| -> Option<String> {
        let id = entity.as_deref()?;
        ledger
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| entity_key(&e.name))
    };
    for e in &ledger.entities {
        let key = entity_key(&e.name);
        // A named institution introduced by what it is ("the National Intelligence Service,
        // Seoul's spy agency") teaches that description: another article that only says
        // "South Korea's spy agency" then meets it.
        let described_as = e
            .role
            .as_deref()
            .filter(|_| description_key(&e.name).is_none())
            .and_then(description_key);
        let proper_aliases = e.aliases.iter().filter(|a| is_proper_alias(a));
        for alias in proper_aliases.map(|a| entity_key(a)).chain(described_as) {
            if !alias.is_empty() && alias != key {
                conn.execute(
                    "INSERT INTO entity_aliases (alias, key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    &[alias.into(), key.clone().into()],
                )?;
            }
        }
        conn.execute(
            "INSERT INTO entities (doc_id, id, name, key, kind, role, aliases, mentions,
                 stands_for, stands_for_name, spans)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                doc_id.into(),
                (&e.id).into(),
                (&e.name).into(),
                entity_key(&e.name).into(),
                json(&e.kind).trim_matches('"').into(),
                (&e.role).into(),
                json(&e.aliases).into(),
                e.mentions.len().into(),
                (&e.stands_for).into(),
                (&e.stands_for_name).into(),
                json(&e.mentions).into(),
            ],
        )?;
    }
    for q in &ledger.quotes {
        conn.execute(
            "INSERT INTO quotes (doc_id, id, kind, span_start, span_end, text, speaker,
                 speaker_name, speaker_key, cue, cites_name, via_name, date, cue_start, cue_end)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            &[
                doc_id.into(),
                (&q.id).into(),
                json(&q.kind).trim_matches('"').into(),
                q.span[0].into(),
                q.span[1].into(),
                (&q.text).into(),
                (&q.speaker).into(),
                (&q.speaker_name).into(),
                key_of(&q.speaker).into(),
                (&q.cue_text).into(),
                json(&q.cites_name).into(),
                json(&q.via_name).into(),
                q.date.as_ref().or(date.as_ref()).into(),
                q.cue.map(|c| c[0]).into(),
                q.cue.map(|c| c[1]).into(),
            ],
        )?;
    }
    let prefix = &doc_id[..16.min(doc_id.len())];
    for c in &ledger.claims {
        let subject = c.subject_group_name.as_ref().or(c.subject.as_ref());
        let subject = subject.map(|s| subject_key(s));
        if let Some(key) = &subject {
            conn.execute(
                "INSERT INTO subjects (key) VALUES ($1) ON CONFLICT DO NOTHING",
                &[key.into()],
            )?;
        }
        let evidence = slice_chars(&ledger.document.text, c.evidence);
        conn.execute(
            "INSERT INTO claims (id, doc_id, value, value_hi, unit, qualifier, measure, subject,
                 subject_key, claimant, claimant_name, claimant_key, cites_name, cites_key,
                 via_name, stance, place, time, date, span_start, span_end, text,
                 evidence_start, evidence_end, evidence, same_as)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                 $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)",
            &[
                format!("{prefix}:{}", c.id).into(),
                doc_id.into(),
                c.value.into(),
                c.value_hi.into(),
                (&c.unit).into(),
                (&c.qualifier).into(),
                (&c.measure).into(),
                (&c.subject).into(),
                (&subject).into(),
                (&c.claimant).into(),
                (&c.claimant_name).into(),
                key_of(&c.claimant).into(),
                json(&c.cites_name).into(),
                c.cites_name.first().map(|n| entity_key(n)).into(),
                json(&c.via_name).into(),
                (&c.stance).into(),
                (&c.place).into(),
                (&c.time).into(),
                (&date).into(),
                c.span[0].into(),
                c.span[1].into(),
                (&c.text).into(),
                c.evidence[0].into(),
                c.evidence[1].into(),
                evidence.into(),
                c.same_as.as_ref().map(|s| format!("{prefix}:{s}")).into(),
            ],
        )?;
    }
    for s in &ledger.stances {
        conn.execute(
            "INSERT INTO stances (doc_id, id, actor, actor_name, actor_key, stance, topic,
                 evidence_start, evidence_end, evidence)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                doc_id.into(),
                (&s.id).into(),
                (&s.actor).into(),
                (&s.actor_name).into(),
                key_of(&s.actor).into(),
                json(&s.stance).trim_matches('"').into(),
                (&s.topic_text).into(),
                s.evidence[0].into(),
                s.evidence[1].into(),
                slice_chars(&ledger.document.text, s.evidence).into(),
            ],
        )?;
    }
    Ok(())
}

/// "NIS", "Seoul's spy agency": a name, not a description ("the agency") or a pronoun.
fn is_proper_alias(alias: &str) -> bool {
    let first = alias.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            first,
            "The" | "A" | "An" | "He" | "She" | "It" | "They" | "This" | "That"
        )
}

/// `published` as given ("2025-03-14 20:30:26Z", "March 14, 2025") → "2025-03-14" when it
/// reads as a date; otherwise kept as it is.
fn iso_date(published: &str) -> String {
    sourced_engine::dates::parse_published(published)
        .map_or_else(|| published.to_string(), |d| d.to_string())
}

fn slice_chars(text: &str, span: [usize; 2]) -> String {
    text.chars()
        .skip(span[0])
        .take(span[1].saturating_sub(span[0]))
        .collect()
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_cut_to_the_day() {
        assert_eq!(super::iso_date("2025-03-14 20:30:26Z"), "2025-03-14");
        assert_eq!(super::iso_date("2025-03-14"), "2025-03-14");
        assert_eq!(super::iso_date("March 14"), "March 14");
    }
}
