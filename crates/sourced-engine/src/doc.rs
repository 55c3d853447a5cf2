//! The `Doc`: one article's cleaned text plus every layer the stages add.
//!
//! Offsets inside the engine are byte offsets into [`Doc::text`] (cheap to slice in Rust);
//! [`crate::ledger`] converts them to Unicode code points at the output, as LEDGER.md requires.

use crate::dates::{Date, DateMention};
use crate::numbers::NumberMention;

/// A `[start, end)` byte range into [`Doc::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn start(self) -> usize {
        self.start as usize
    }
    pub fn end(self) -> usize {
        self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// What a token is, decided once by the segmenter so later stages never re-inspect characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// A quotation mark that opens (“ ‘ « „ or a straight mark in opening position).
    OpenQuote,
    /// A quotation mark that closes (” ’ » or a straight mark in closing position).
    CloseQuote,
    /// Sentence-final punctuation: . ! ? …
    Terminal,
    /// Any other punctuation or symbol, one character.
    Punct,
    /// — – or a spaced hyphen used as a dash.
    Dash,
}

/// Token flags, packed in a byte.
pub mod flag {
    pub const CAPITALIZED: u8 = 1;
    pub const ALL_CAPS: u8 = 2;
    /// First token of a sentence.
    pub const SENT_START: u8 = 4;
    /// First token of a paragraph.
    pub const PARA_START: u8 = 8;
    /// Whitespace precedes the token.
    pub const SPACE_BEFORE: u8 = 16;
    /// The token's text contains a period ("U.S.", "Jan.").
    pub const HAS_PERIOD: u8 = 32;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    pub flags: u8,
}

impl Token {
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
    pub fn is_cap(&self) -> bool {
        self.is(flag::CAPITALIZED)
    }
}

/// A stretch of text inside quotation marks, found by pairing the marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The text inside the marks.
    pub inner: Span,
    /// Token index of the opening mark and one past the closing mark (or past the last token
    /// of the paragraph when the quotation runs on unclosed).
    pub open_tok: u32,
    pub end_tok: u32,
    /// True when no closing mark was found in the paragraph.
    pub unclosed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Token index range `[first, last)`.
    pub tokens: (u32, u32),
    pub paragraph: u32,
}

impl Sentence {
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.tokens.0 as usize..self.tokens.1 as usize
    }
}

/// A span of the raw input dropped by the cleaner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Byte range into the raw input.
    pub raw_start: usize,
    pub raw_end: usize,
    /// Byte offset in the cleaned text where the removed piece used to be.
    pub at: usize,
    pub text: String,
    pub reason: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Group,
}

/// How a mention refers: by name, by pronoun, or by a description ("the legislator").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    Acronym,
    Pronoun,
    Description,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub entity: u32,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    /// Index of the entity this one stands for (the Kremlin → Russia).
    pub stands_for: Option<u32>,
    /// Gender when the text shows it (he/she, Mr/Mrs); used by coreference.
    pub gender: Option<Gender>,
    /// Span of the first mention; entities are ordered by it.
    pub first: Span,
}

impl Entity {
    /// An entity known so far only by its name, kind and first mention.
    pub fn new(name: String, kind: EntityKind, first: Span) -> Entity {
        Entity {
            name,
            kind,
            role: None,
            aliases: Vec::new(),
            stands_for: None,
            gender: None,
            first,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted content; for direct quotes the text inside the marks.
    pub span: Span,
    /// Fragments when the content is broken by the cue (“A,” he said. “B.”).
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<u32>,
    /// The mention of the speaker that governs this quote (a name, "he", "the spokesman").
    pub speaker_span: Option<Span>,
    pub cue: Option<Span>,
    pub cites: Vec<u32>,
    pub via: Vec<u32>,
    /// Source descriptions that are not entities ("two legislators who attended").
    pub via_text: Vec<Span>,
    pub date: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStance {
    Asserted,
    Estimated,
    Reportedly,
    Claimed,
    Denied,
    Unconfirmed,
    Retracted,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Index into [`Doc::numbers`].
    pub number: u32,
    pub measure: String,
    pub subject: Option<Span>,
    pub subject_text: Option<String>,
    /// The group entity the subject names (set after the claims stage by
    /// [`crate::subjects::link_subjects`]).
    pub subject_group: Option<u32>,
    pub claimant: Option<u32>,
    /// Index of the quote the claim sits in, if any.
    pub quote: Option<u32>,
    pub cites: Vec<u32>,
    pub via: Vec<u32>,
    pub stance: ClaimStance,
    pub place: Option<Span>,
    pub time: Option<Span>,
    pub evidence: Span,
    /// Index of the earlier claim this one restates.
    pub same_as: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StanceKind {
    NoComment,
    NeitherConfirmNorDeny,
    Denied,
    Confirmed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stance {
    pub actor: Option<u32>,
    pub actor_span: Span,
    pub stance: StanceKind,
    pub topic: Option<Span>,
    pub evidence: Span,
}

/// Article metadata handed in by the caller.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// As given ("2025-03-14 22:39:48Z").
    pub published: Option<String>,
}

/// One article and every layer the stages have added so far.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub meta: Meta,
    pub published: Option<Date>,
    /// The cleaned text; all spans index into it.
    pub text: String,
    pub removed: Vec<Removed>,
    pub paragraphs: Vec<Span>,
    pub tokens: Vec<Token>,
    /// Word-class bits of each token (see [`crate::words::class`]), looked up once by the
    /// segmenter so later stages test bits instead of hashing words again.
    pub classes: Vec<u32>,
    pub sentences: Vec<Sentence>,
    /// Quotation-mark regions, in order, not nested (inner marks belong to the outer region).
    pub quoted: Vec<Quoted>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
    pub claims: Vec<Claim>,
    pub stances: Vec<Stance>,
}

impl Doc {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start()..span.end()]
    }
    pub fn tok(&self, i: usize) -> &str {
        self.slice(self.tokens[i].span)
    }
    /// Word-class bits of token `i`; 0 for punctuation and numbers.
    pub fn class(&self, i: usize) -> u32 {
        self.classes.get(i).copied().unwrap_or(0)
    }
    /// The entity named `name` (case-blind), or a new one of `kind` first seen at `first`.
    /// For stages that meet a referent the entities stage could not name (a speaking
    /// description, the country behind "a Karstan claim").
    pub fn entity_named_or_new(&mut self, name: String, kind: EntityKind, first: Span) -> u32 {
        if let Some(i) = self
            .entities
            .iter()
            .position(|e| e.name.eq_ignore_ascii_case(&name))
        {
            return i as u32;
        }
        self.entities.push(Entity::new(name, kind, first));
        (self.entities.len() - 1) as u32
    }
    /// Index of the sentence containing byte offset `at` (the last one if past the end).
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self
            .sentences
            .partition_point(|s| (s.span.end as usize) <= at);
        Some(i.min(self.sentences.len() - 1))
    }
    /// Index of the first token whose end is after `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| (t.span.end as usize) <= at)
    }
    /// Token index range covered by a byte span.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        a..b
    }
    /// Index of the quotation-mark region containing byte offset `at`.
    pub fn quoted_at(&self, at: usize) -> Option<usize> {
        let i = self.quoted.partition_point(|q| (q.inner.end as usize) < at);
        self.quoted
            .get(i)
            .filter(|q| q.inner.start() <= at && at < q.inner.end().max(q.inner.start() + 1))
            .map(|_| i)
    }
    /// The entity a mention ultimately stands for (the Kremlin → Russia).
    pub fn resolve_metonym(&self, entity: u32) -> u32 {
        match self
            .entities
            .get(entity as usize)
            .and_then(|e| e.stands_for)
        {
            Some(target) => target,
            None => entity,
        }
    }
}
