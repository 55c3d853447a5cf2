//! RSS 2.0 / RSS 0.9x / RSS 1.0 (RDF) and Atom feeds: one document per entry.
//!
//! Parsing is done by `feed-rs` (3.x) on the whole file, which is read bounded
//! ([`MAX_FEED_BYTES`]); the parser runs on a helper thread with a large stack
//! under `catch_unwind`, like the HTML extractor. Only what a document needs is
//! kept of each entry, and the (costly) HTML-to-text step runs lazily, one entry
//! per `next()`.
//!
//! Per entry:
//! * `text`: the full content (`content:encoded`, Atom `<content>`), else the
//!   description / summary. HTML goes through [`html::fragment_article_text`]
//!   (main-content extraction on the fragment wrapped in a page, falling back
//!   to the fragment's text); Atom `type="text"` is used as written.
//! * `title`: entry title (HTML titles reduced to text).
//! * `url`: the entry's `alternate` link (or its first link).
//! * `published`: `pubDate` / `dc:date` / Atom `published`, else `updated`,
//!   as `YYYY-MM-DD`. The calendar date is kept as written in the feed
//!   (publisher-local, no shift to UTC), by the same date reader as HTML metadata.
//! * `id`: `guid` / Atom `id`; `None` when the entry has none (feed-rs would
//!   invent a hash; we do not).
//!
//! An entry without text is an `Err` item ([`IntakeError::FeedEntryNoText`],
//! origin `file:entry N`, 1-based) and the stream goes on.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{one_line, IntakeError};
use crate::{html, normalize_newlines, RawDocument, MAX_DOCUMENT_BYTES};

/// Largest accepted feed file (decompressed), in bytes: 64 MiB. A feed is parsed
/// as a whole, so it is bounded separately from single documents.
pub const MAX_FEED_BYTES: usize = 4 * MAX_DOCUMENT_BYTES;

/// What is kept of one entry until it is turned into a document.
struct Entry {
    id: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    /// (body, is HTML)
    body: Option<(String, bool)>,
}

/// The entries of one feed, converted to documents one by one.
pub(crate) struct FeedEntries {
    origin: String,
    entries: std::vec::IntoIter<Entry>,
    index: usize,
}

impl FeedEntries {
    /// Parses a whole feed. Errors: [`IntakeError::NotFeed`] (not a feed, broken
    /// XML, parser failure), [`IntakeError::Empty`] (no entries).
    pub(crate) fn parse(bytes: &[u8], origin: &str) -> Result<FeedEntries, IntakeError> {
        let parsed = html::run_guarded(|| {
            feed_rs::parser::Builder::new()
                // Missing ids stay missing (empty here, `None` below).
                .id_generator(|_, _, _| String::new())
                .timestamp_parser(local_date)
                .build()
                .parse(bytes)
        })
        .map_err(|panic| IntakeError::NotFeed {
            origin: origin.to_string(),
            detail: one_line(&format!("feed parser failed internally: {panic}")),
        })?;
        let feed = parsed.map_err(|e| IntakeError::NotFeed {
            origin: origin.to_string(),
            detail: one_line(&e.to_string()),
        })?;
        if feed.entries.is_empty() {
            return Err(IntakeError::Empty {
                origin: origin.to_string(),
            });
        }
        let entries: Vec<Entry> = feed.entries.into_iter().map(keep).collect();
        Ok(FeedEntries {
            origin: origin.to_string(),
            entries: entries.into_iter(),
            index: 0,
        })
    }
}

impl Iterator for FeedEntries {
    type Item = Result<RawDocument, IntakeError>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.entries.next()?;
        self.index += 1;
        let origin = format!("{}:entry {}", self.origin, self.index);
        Some(to_document(entry, origin))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

/// feed-rs timestamp hook: the calendar date as written (see
/// [`crate::meta::normalize_date`]), as midnight UTC of that day, so that
/// formatting it gives back the publisher's date.
fn local_date(s: &str) -> Option<DateTime<Utc>> {
    let ymd = crate::meta::normalize_date(s)?;
    let date = NaiveDate::parse_from_str(&ymd, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

fn is_html(content_type: &impl std::fmt::Display) -> bool {
    let ct = content_type.to_string().to_ascii_lowercase();
    !ct.starts_with("text/plain")
}

fn non_blank(s: String) -> Option<String> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}

fn keep(e: feed_rs::model::Entry) -> Entry {
    let id = non_blank(e.id.trim().to_string());
    let title = e.title.and_then(|t| {
        let s = if is_html(&t.content_type) {
            html::fragment_to_text(&t.content)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            html::clean_inline(&t.content)
        };
        non_blank(s)
    });
    let url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| e.links.first())
        .and_then(|l| non_blank(l.href.trim().to_string()));
    let published = e
        .published
        .or(e.updated)
        .map(|d| d.format("%Y-%m-%d").to_string());
    let content = e.content.and_then(|c| {
        let html = is_html(&c.content_type);
        c.body.and_then(non_blank).map(|b| (b, html))
    });
    let body = content.or_else(|| {
        e.summary.and_then(|t| {
            let html = is_html(&t.content_type);
            non_blank(t.content).map(|b| (b, html))
        })
    });
    Entry {
        id,
        title,
        url,
        published,
        body,
    }
}

fn to_document(entry: Entry, origin: String) -> Result<RawDocument, IntakeError> {
    let no_text = || IntakeError::FeedEntryNoText {
        origin: origin.clone(),
    };
    let (body, is_html) = entry.body.ok_or_else(no_text)?;
    let text = if is_html {
        html::fragment_article_text(&body, &origin)?
    } else {
        if body.len() > MAX_DOCUMENT_BYTES {
            return Err(IntakeError::TooLarge {
                origin,
                size: format!("{} bytes", body.len()),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        normalize_newlines(body).trim().to_string()
    };
    if text.trim().is_empty() {
        return Err(no_text());
    }
    Ok(RawDocument {
        id: entry.id,
        text,
        url: entry.url,
        title: entry.title,
        published: entry.published,
        origin,
    })
}

/// Whether the bytes start (after a BOM, whitespace, the XML declaration,
/// processing instructions, comments and a doctype) with an `<rss`, `<feed` or
/// `<rdf:RDF` root element.
pub(crate) fn looks_like_feed(peek: &[u8]) -> bool {
    let mut b = peek.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(peek);
    loop {
        let start = b
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(b.len());
        b = &b[start..];
        let skip_to = |b: &[u8], end: &[u8]| memchr::memmem::find(b, end).map(|i| i + end.len());
        let next = if b.starts_with(b"<?") {
            skip_to(b, b"?>")
        } else if b.starts_with(b"<!--") {
            skip_to(b, b"-->")
        } else if b.starts_with(b"<!") {
            skip_to(b, b">")
        } else {
            break;
        };
        match next {
            Some(i) => b = &b[i..],
            None => return false,
        }
    }
    let Some(rest) = b.strip_prefix(b"<") else {
        return false;
    };
    let name_len = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_' | b'.')))
        .unwrap_or(rest.len());
    if name_len == rest.len() {
        return false; // name not finished within the peeked bytes
    }
    let name = &rest[..name_len];
    let local = match memchr::memrchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    };
    name.eq_ignore_ascii_case(b"rss") || local == b"feed" || local == b"RDF"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_feed_roots() {
        assert!(looks_like_feed(b"<rss version=\"2.0\">"));
        assert!(looks_like_feed(
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<?xml-stylesheet href=\"a\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"
        ));
        assert!(looks_like_feed(b"<atom:feed xmlns:atom=\"x\">"));
        assert!(!looks_like_feed(b"<html><body>"));
        assert!(!looks_like_feed(b"<?xml version=\"1.0\"?><svg>"));
        assert!(!looks_like_feed(b"<!-- never closed"));
        assert!(!looks_like_feed(b"<rs"));
        assert!(!looks_like_feed(b"plain text"));
        assert!(!looks_like_feed(b""));
    }

    #[test]
    fn dates_keep_the_written_day() {
        let d = |s: &str| local_date(s).map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(
            d("Mon, 04 Mar 2024 23:30:00 -0500").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            d("2024-03-04T00:30:00+09:00").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            d("Tue, 5 Mar 2024 08:00:00 GMT").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(d("soon"), None);
    }
}
