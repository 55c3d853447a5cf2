//! Typed errors. Every `Display` is one line that starts with the origin
//! (`file`, `file:line` for JSONL records, `file:entry N` for feed entries,
//! `file:record N` for WARC records, `-` for stdin) and says what is wrong.

use thiserror::Error;

/// Everything that can go wrong while reading a document.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum IntakeError {
    /// The input holds no bytes at all, or only whitespace, or a JSONL file
    /// without a single record, a feed without entries, a WARC file without
    /// records.
    #[error("{origin}: empty input")]
    Empty { origin: String },

    /// NUL bytes or mostly control characters: not a text document.
    #[error("{origin}: binary content ({reason}); expected text, HTML or JSONL")]
    Binary { origin: String, reason: String },

    /// Not UTF-8, and no legacy encoding decodes it cleanly.
    #[error("{origin}: invalid UTF-8 and no legacy encoding detected ({detail})")]
    Encoding { origin: String, detail: String },

    /// The gzip stream ends before its end marker.
    #[error("{origin}: truncated gzip stream (file ends before the compressed data does)")]
    TruncatedGzip { origin: String },

    /// Corrupt gzip data (bad header, CRC, deflate stream).
    #[error("{origin}: corrupt gzip data: {detail}")]
    Gzip { origin: String, detail: String },

    /// One JSONL line is not a valid JSON object, or a field has the wrong type.
    /// `origin` is `file:line`.
    #[error("{origin}: invalid JSON record: {detail}")]
    Json { origin: String, detail: String },

    /// A JSONL record without a usable `"text"` or `"html"` field.
    #[error("{origin}: record has neither a non-empty \"text\" nor an \"html\" field")]
    MissingText { origin: String },

    /// HTML whose document has no `<body>` (nothing to extract).
    #[error("{origin}: HTML has no <body> and no article text")]
    HtmlNoBody { origin: String },

    /// HTML with a body in which the extractor found no article text.
    #[error("{origin}: no article text found in the HTML")]
    NoArticleText { origin: String },

    /// HTML nested so deeply that extraction would be unreasonably slow.
    #[error("{origin}: HTML nested too deeply (more than {limit} levels); not extracted")]
    HtmlTooDeep { origin: String, limit: usize },

    /// A document (or a JSONL line) larger than the limit; the input is skipped
    /// without being held in memory.
    #[error("{origin}: document too large ({size}, limit {limit} bytes)")]
    TooLarge {
        origin: String,
        /// Human-readable size, e.g. "more than 33554432 bytes".
        size: String,
        limit: usize,
    },

    /// A file read as a feed that is not an RSS, RDF or Atom feed (or whose XML
    /// is broken).
    #[error("{origin}: not an RSS or Atom feed ({detail})")]
    NotFeed { origin: String, detail: String },

    /// A feed entry without text: no content, description or summary, or only
    /// markup without words. `origin` is `file:entry N`.
    #[error("{origin}: feed entry has no text (no content, description or summary with words)")]
    FeedEntryNoText { origin: String },

    /// A WARC file or record that does not follow the format: missing version
    /// line, bad header, missing `Content-Length`, record cut short, undecodable
    /// HTTP payload. `origin` is `file` or `file:record N`.
    #[error("{origin}: invalid WARC data: {detail}")]
    Warc { origin: String, detail: String },

    /// A WARC archive whose records hold no HTML response (only requests,
    /// metadata, images, ...).
    #[error("{origin}: no HTML response among the {records} WARC records")]
    NoHtmlResponse { origin: String, records: usize },

    /// The HTML extractor failed unexpectedly (an internal panic was caught).
    #[error("{origin}: HTML extraction failed internally ({detail})")]
    Extraction { origin: String, detail: String },

    /// Reading the file or stream failed.
    #[error("{origin}: I/O error: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
}

impl IntakeError {
    /// The origin the error is about (`file`, `file:line`, `file:entry N`,
    /// `file:record N`, or `-`).
    pub fn origin(&self) -> &str {
        match self {
            IntakeError::Empty { origin }
            | IntakeError::Binary { origin, .. }
            | IntakeError::Encoding { origin, .. }
            | IntakeError::TruncatedGzip { origin }
            | IntakeError::Gzip { origin, .. }
            | IntakeError::Json { origin, .. }
            | IntakeError::MissingText { origin }
            | IntakeError::HtmlNoBody { origin }
            | IntakeError::NoArticleText { origin }
            | IntakeError::HtmlTooDeep { origin, .. }
            | IntakeError::TooLarge { origin, .. }
            | IntakeError::NotFeed { origin, .. }
            | IntakeError::FeedEntryNoText { origin }
            | IntakeError::Warc { origin, .. }
            | IntakeError::NoHtmlResponse { origin, .. }
            | IntakeError::Extraction { origin, .. }
            | IntakeError::Io { origin, .. } => origin,
        }
    }

    /// Maps an I/O error raised while reading a (possibly gzip) stream to the
    /// right variant: gzip problems surface as `UnexpectedEof`/`InvalidInput`.
    pub(crate) fn from_read(origin: &str, gz: bool, e: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let origin = origin.to_string();
        if gz {
            match e.kind() {
                ErrorKind::UnexpectedEof => return IntakeError::TruncatedGzip { origin },
                ErrorKind::InvalidInput | ErrorKind::InvalidData => {
                    return IntakeError::Gzip {
                        origin,
                        detail: one_line(&e.to_string()),
                    }
                }
                _ => {}
            }
        }
        IntakeError::Io { origin, source: e }
    }
}

/// Collapses any line breaks so that messages stay on one line.
pub(crate) fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.split(['\n', '\r'])
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        s.to_string()
    }
}
