//! The ledger records of LEDGER.md, as written to JSON (and, later, the database and the
//! API). Field names are the contract. Spans here are `[start, end)` in Unicode code points of
//! `document.text`; the engine's byte spans are converted once, by [`Ledger::from_doc`].

use crate::doc::{Doc, EntityKind, MentionKind, QuoteKind, Span, StanceKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Ledger {
    pub document: Document,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub stances: Vec<Stance>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub id: String,
    pub sha256: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub removed: Vec<Removed>,
    pub dup_of: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Removed {
    /// Code-point span in the raw input.
    pub span: [usize; 2],
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<[usize; 2]>,
    pub stands_for: Option<String>,
    pub stands_for_name: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub id: String,
    pub span: [usize; 2],
    pub text: String,
    /// Fragments when the quotation is broken by its cue.
    pub parts: Vec<[usize; 2]>,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    /// The words in the text that name the speaker here ("he", "the legislator", "Lee").
    pub speaker_span: Option<[usize; 2]>,
    pub cue: Option<[usize; 2]>,
    pub cue_text: Option<String>,
    pub cites: Vec<String>,
    pub cites_name: Vec<String>,
    pub via: Vec<String>,
    pub via_name: Vec<String>,
    pub date: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    pub id: String,
    pub value: f64,
    pub value_hi: Option<f64>,
    pub unit: String,
    pub qualifier: String,
    pub measure: String,
    pub subject: Option<String>,
    /// The group entity the subject names ("the soldiers" and "North Korean troops" in one
    /// article are one group), with its canonical name.
    pub subject_group: Option<String>,
    pub subject_group_name: Option<String>,
    pub claimant: Option<String>,
    pub claimant_name: Option<String>,
    pub cites: Vec<String>,
    pub cites_name: Vec<String>,
    pub via: Vec<String>,
    pub via_name: Vec<String>,
    pub stance: String,
    pub place: Option<String>,
    pub time: Option<String>,
    /// The figure as written, with its qualifier ("about 2,700").
    pub span: [usize; 2],
    pub text: String,
    pub evidence: [usize; 2],
    pub same_as: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Stance {
    pub id: String,
    pub actor: Option<String>,
    pub actor_name: Option<String>,
    pub stance: StanceKind,
    pub topic: Option<[usize; 2]>,
    pub topic_text: Option<String>,
    pub evidence: [usize; 2],
}

/// Byte offset → code-point offset, built once per document.
pub struct CharIndex {
    /// Empty when the text is ASCII (byte offsets are code-point offsets).
    table: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { table: Vec::new() };
        }
        // the code point at (or containing) byte b is the number of code points that start
        // before b: count the bytes that are not UTF-8 continuation bytes (10xxxxxx)
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for &b in text.as_bytes() {
            table.push(chars);
            chars += u32::from(b & 0xC0 != 0x80);
        }
        table.push(chars);
        CharIndex { table }
    }
    pub fn at(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            byte
        } else {
            self.table[byte.min(self.table.len() - 1)] as usize
        }
    }
    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.at(s.start()), self.at(s.end())]
    }
}

pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

impl Ledger {
    pub fn from_doc(doc: &Doc) -> Ledger {
        let ci = CharIndex::new(&doc.text);
        let sha = sha256_hex(&doc.text);
        // entity indices that survive (merged shells have an empty name), numbered e1, e2, ...
        let mut ids: Vec<Option<String>> = vec![None; doc.entities.len()];
        let mut n = 0;
        for (i, e) in doc.entities.iter().enumerate() {
            if !e.name.is_empty() {
                n += 1;
                ids[i] = Some(format!("e{n}"));
            }
        }
        let id = |e: u32| ids.get(e as usize).cloned().flatten();
        let name = |e: u32| doc.entities.get(e as usize).map(|e| e.name.clone());
        let ids_names = |list: &[u32]| -> (Vec<String>, Vec<String>) {
            list.iter()
                .filter_map(|&e| Some((id(e)?, name(e)?)))
                .unzip()
        };
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.name.is_empty())
            .map(|(i, e)| {
                let mut aliases = e.aliases.clone();
                let mut mentions = Vec::new();
                for m in doc.mentions.iter().filter(|m| m.entity as usize == i) {
                    mentions.push(ci.span(m.span));
                    if matches!(m.kind, MentionKind::Pronoun | MentionKind::Description) {
                        let s = doc.slice(m.span).to_string();
                        if s != e.name && !aliases.contains(&s) {
                            aliases.push(s);
                        }
                    }
                }
                Entity {
                    id: id(i as u32).unwrap_or_default(),
                    name: e.name.clone(),
                    kind: e.kind,
                    role: e.role.clone(),
                    aliases,
                    mentions,
                    stands_for: e.stands_for.and_then(id),
                    stands_for_name: e.stands_for.and_then(name),
                }
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (cites, cites_name) = ids_names(&q.cites);
                let (via, via_name) = ids_names(&q.via);
                Quote {
                    id: format!("q{}", i + 1),
                    span: ci.span(q.span),
                    text: doc.slice(q.span).to_string(),
                    parts: q.parts.iter().map(|p| ci.span(*p)).collect(),
                    kind: q.kind,
                    speaker: q.speaker.and_then(id),
                    speaker_name: q.speaker.and_then(name),
                    speaker_span: q.speaker_span.map(|s| ci.span(s)),
                    cue: q.cue.map(|s| ci.span(s)),
                    cue_text: q.cue.map(|s| doc.slice(s).to_string()),
                    cites,
                    cites_name,
                    via,
                    via_name,
                    date: q.date.map(iso_date),
                }
            })
            .collect();
        let claims = doc
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let num = &doc.numbers[c.number as usize];
                let span = Span::new(num.qual_start, num.end);
                let (cites, cites_name) = ids_names(&c.cites);
                let (via, via_name) = ids_names(&c.via);
                Claim {
                    id: format!("c{}", i + 1),
                    value: num.value,
                    value_hi: num.value_hi,
                    unit: num.unit.as_str().to_string(),
                    qualifier: num.qualifier.as_str().to_string(),
                    measure: c.measure.clone(),
                    subject: c.subject_text.clone(),
                    subject_group: c.subject_group.and_then(id),
                    subject_group_name: c.subject_group.and_then(name),
                    claimant: c.claimant.and_then(id),
                    claimant_name: c.claimant.and_then(name),
                    cites,
                    cites_name,
                    via,
                    via_name,
                    stance: serde_json::to_value(c.stance)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    place: c.place.map(|s| doc.slice(s).to_string()),
                    time: c.time.map(|s| doc.slice(s).to_string()),
                    span: ci.span(span),
                    text: doc.slice(span).to_string(),
                    evidence: ci.span(c.evidence),
                    same_as: c.same_as.map(|j| format!("c{}", j + 1)),
                }
            })
            .collect();
        let stances = doc
            .stances
            .iter()
            .enumerate()
            .map(|(i, s)| Stance {
                id: format!("s{}", i + 1),
                actor: s.actor.and_then(id),
                actor_name: s.actor.and_then(name),
                stance: s.stance,
                topic: s.topic.map(|t| ci.span(t)),
                topic_text: s.topic.map(|t| doc.slice(t).to_string()),
                evidence: ci.span(s.evidence),
            })
            .collect();
        Ledger {
            document: Document {
                id: doc.meta.id.clone().unwrap_or_else(|| sha.clone()),
                sha256: sha,
                url: doc.meta.url.clone(),
                title: doc.meta.title.clone(),
                outlet: doc.meta.outlet.clone(),
                published: doc
                    .published
                    .map(iso_date)
                    .or_else(|| doc.meta.published.clone()),
                text: doc.text.clone(),
                removed: doc
                    .removed
                    .iter()
                    .map(|r| Removed {
                        span: [r.raw_start, r.raw_end],
                        text: r.text.clone(),
                        reason: r.reason.to_string(),
                    })
                    .collect(),
                dup_of: None,
            },
            entities,
            quotes,
            claims,
            stances,
        }
    }
}

fn iso_date(d: crate::dates::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points_before_each_byte() {
        let text = "a’b é😀c";
        let ci = CharIndex::new(text);
        for (chars, (b, ch)) in text.char_indices().enumerate() {
            // every byte of a character maps to it … except continuation bytes, which map to
            // the next one (as the table always did)
            assert_eq!(ci.at(b), chars);
            for k in 1..ch.len_utf8() {
                assert_eq!(ci.at(b + k), chars + 1);
            }
        }
        assert_eq!(ci.at(text.len()), text.chars().count());
        assert_eq!(CharIndex::new("plain").at(3), 3);
    }

    #[test]
    fn sha256_hex_is_lowercase_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
