//! Reading articles into [`RawDocument`]s.
//!
//! * Formats by extension: `.txt`/`.text`/`.md` text, `.html`/`.htm` HTML,
//!   `.jsonl`/`.ndjson` JSONL, `.rss`/`.atom` feeds, `.warc` web archives, `.gz`
//!   gunzip then by the inner extension. Anything else (`.xml` included, and
//!   stdin, `-`) is sniffed: gzip magic → gunzip; first character `{` → JSONL;
//!   `WARC/` → WARC; an `<rss>`, `<feed>` or `<rdf:RDF>` root element → feed;
//!   `<` plus `<html` or `<body` → HTML; otherwise text.
//! * Encodings: UTF-8 (BOM stripped), UTF-16 with BOM, legacy encodings
//!   (windows-1252, latin-1, ...) detected with `chardetng`; binary refused.
//! * JSONL is streamed line by line with a bounded buffer: a bad line yields an
//!   `Err` item and the stream continues with the next line.
//! * HTML goes through main-content extraction ([`html_to_article`]).
//! * Feeds (RSS 2.0/0.9x/1.0, Atom; parsed by `feed-rs`) give one document per
//!   entry (origin `file:entry N`); entry HTML goes through the same extraction.
//! * WARC archives (plain or gzip, also one gzip member per record) are
//!   streamed record by record; each 2xx HTML `response` gives one document
//!   (origin `file:record N`), other records are skipped.
//!
//! Errors that concern a whole file (cannot open, empty, binary, too large,
//! a text/HTML file that cannot be decoded or has no article, not a feed, a
//! feed without entries, not a WARC file) are returned by [`open`] /
//! [`read_stdin`] / [`from_bytes`]; per-record errors of JSONL, feeds and WARC
//! come as `Err` items of the [`DocumentStream`]. Nothing here panics on any
//! input: the HTML extractor and the feed parser run under `catch_unwind` as a
//! last resort.

mod bench;
mod decode;
mod error;
mod feed;
mod html;
mod jsonl;
mod meta;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

pub use bench::html_benchmark_pairs;
pub use error::IntakeError;
pub use feed::MAX_FEED_BYTES;
pub use html::{html_to_article, Article, MAX_HTML_DEPTH};

/// Largest accepted document (decoded text or HTML), in bytes: 16 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Largest accepted JSONL line, in bytes (twice the document limit to leave room
/// for JSON escaping). Longer lines are skipped with [`IntakeError::TooLarge`]
/// without being held in memory.
pub const MAX_LINE_BYTES: usize = 2 * MAX_DOCUMENT_BYTES;

/// One article as read from the input, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawDocument {
    /// Record id (JSONL `"id"`, string or number); `None` for files.
    pub id: Option<String>,
    /// Article text; for HTML the extracted body, paragraphs separated by `"\n\n"`.
    pub text: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD` (from HTML metadata) or the timestamp as given in JSONL.
    pub published: Option<String>,
    /// Where it came from: `"path/to/file.jsonl:17"`, `"path.html"`, or `"-"` for stdin.
    pub origin: String,
}

/// Input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (also Markdown): the whole input is one document.
    Text,
    /// An HTML page: main-content extraction.
    Html,
    /// One JSON object per line: `{"id","text"|"html","url","title","published"}`.
    /// `"text"` wins over `"html"`; for `"html"` the record's own title, url and
    /// published override those found in the page. Unknown fields are ignored.
    Jsonl,
    /// An RSS (2.0, 0.9x, 1.0/RDF) or Atom feed: one document per entry, text
    /// from the entry's full content, else its description/summary.
    Feed,
    /// A WARC web archive: one document per HTML `response` record.
    Warc,
    /// Decide from the content (see crate docs).
    Auto,
}

impl Format {
    /// Format from a file name, and whether it is gzip-compressed (`.gz`).
    /// Unknown extensions give [`Format::Auto`].
    pub fn from_path(path: &Path) -> (Format, bool) {
        let ext = |p: &Path| {
            p.extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase())
        };
        let mut gz = false;
        let mut e = ext(path);
        if e.as_deref() == Some("gz") {
            gz = true;
            e = path.file_stem().and_then(|s| ext(Path::new(s)));
        }
        let f = match e.as_deref() {
            Some("txt" | "text" | "md" | "markdown") => Format::Text,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("jsonl" | "ndjson") => Format::Jsonl,
            Some("rss" | "atom") => Format::Feed,
            Some("warc") => Format::Warc,
            _ => Format::Auto,
        };
        (f, gz)
    }
}

/// Documents read from one input. Yields `Err` items for JSONL lines, feed
/// entries and WARC records that cannot be used; iteration continues after them
/// (except after an I/O or gzip error or a WARC record cut short, which end the
/// stream).
pub struct DocumentStream {
    inner: Inner,
}

enum Inner {
    One(Option<RawDocument>),
    Jsonl(Box<jsonl::JsonlRecords>),
    Feed(Box<feed::FeedEntries>),
    Warc(Box<warc::WarcRecords>),
}

impl DocumentStream {
    fn one(doc: RawDocument) -> Self {
        DocumentStream {
            inner: Inner::One(Some(doc)),
        }
    }
}

impl Iterator for DocumentStream {
    type Item = Result<RawDocument, IntakeError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::One(doc) => doc.take().map(Ok),
            Inner::Jsonl(records) => records.next(),
            Inner::Feed(entries) => entries.next(),
            Inner::Warc(records) => records.next(),
        }
    }
}

impl std::fmt::Debug for DocumentStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            Inner::One(_) => f.write_str("DocumentStream(single)"),
            Inner::Jsonl(_) => f.write_str("DocumentStream(jsonl)"),
            Inner::Feed(_) => f.write_str("DocumentStream(feed)"),
            Inner::Warc(_) => f.write_str("DocumentStream(warc)"),
        }
    }
}

/// Opens a file (or stdin for `-`), choosing the format from the extension.
pub fn open(path: &Path) -> Result<DocumentStream, IntakeError> {
    let (format, gz) = Format::from_path(path);
    open_as(path, format, gz)
}

/// Opens a file with an explicit format; `gz` forces gunzip (gzip input is also
/// recognised by its magic bytes).
pub fn open_as(path: &Path, format: Format, gz: bool) -> Result<DocumentStream, IntakeError> {
    if path.as_os_str() == "-" {
        return read_stdin_as(format);
    }
    let origin = error::one_line(&path.display().to_string());
    let file = File::open(path).map_err(|source| IntakeError::Io {
        origin: origin.clone(),
        source,
    })?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(IntakeError::Io {
                origin,
                source: io::Error::new(io::ErrorKind::InvalidInput, "is a directory"),
            });
        }
        if meta.len() == 0 {
            return Err(IntakeError::Empty { origin });
        }
    }
    from_reader(
        Box::new(BufReader::with_capacity(64 * 1024, file)),
        &origin,
        format,
        gz,
    )
}

/// Reads standard input, sniffing the format (origin `-`).
pub fn read_stdin() -> Result<DocumentStream, IntakeError> {
    read_stdin_as(Format::Auto)
}

/// Reads standard input as the given format (origin `-`).
pub fn read_stdin_as(format: Format) -> Result<DocumentStream, IntakeError> {
    from_reader(
        Box::new(BufReader::with_capacity(64 * 1024, io::stdin())),
        "-",
        format,
        false,
    )
}

/// Reads documents from bytes held in memory (tests, HTTP uploads). Gzip data
/// is recognised by its magic bytes.
pub fn from_bytes(
    bytes: &[u8],
    origin: &str,
    format: Format,
) -> Result<DocumentStream, IntakeError> {
    from_reader(Box::new(Cursor::new(bytes.to_vec())), origin, format, false)
}

/// Reads documents from any buffered reader.
pub fn from_reader(
    mut reader: Box<dyn BufRead + Send>,
    origin: &str,
    format: Format,
    gz: bool,
) -> Result<DocumentStream, IntakeError> {
    let origin = error::one_line(origin);
    let peek = reader
        .fill_buf()
        .map_err(|e| IntakeError::from_read(&origin, false, e))?;
    if peek.is_empty() {
        return Err(IntakeError::Empty { origin });
    }
    let is_gz = gz || peek.starts_with(&[0x1f, 0x8b]);
    if is_gz {
        reader = Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
    }
    let peek = reader
        .fill_buf()
        .map_err(|e| IntakeError::from_read(&origin, is_gz, e))?;
    if peek.is_empty() {
        return Err(IntakeError::Empty { origin });
    }
    let format = match format {
        Format::Auto if looks_like_jsonl(peek) => Format::Jsonl,
        Format::Auto if warc::looks_like_warc(peek) => Format::Warc,
        Format::Auto if feed::looks_like_feed(peek) => Format::Feed,
        f => f,
    };
    if format == Format::Warc {
        if !warc::looks_like_warc(peek) {
            return Err(IntakeError::Warc {
                origin,
                detail: "not a WARC file (it does not start with a \"WARC/1.x\" line)".to_string(),
            });
        }
        return Ok(DocumentStream {
            inner: Inner::Warc(Box::new(warc::WarcRecords::new(reader, origin, is_gz))),
        });
    }
    if format == Format::Feed {
        let bytes = read_bounded(&mut reader, &origin, is_gz, MAX_FEED_BYTES)?;
        let entries = feed::FeedEntries::parse(&bytes, &origin)?;
        return Ok(DocumentStream {
            inner: Inner::Feed(Box::new(entries)),
        });
    }
    if format == Format::Jsonl {
        let utf16 = encoding_rs::Encoding::for_bom(peek)
            .map(|(enc, _)| enc)
            .filter(|enc| *enc == encoding_rs::UTF_16LE || *enc == encoding_rs::UTF_16BE);
        match utf16 {
            Some(enc) => {
                reader = Box::new(BufReader::with_capacity(
                    64 * 1024,
                    jsonl::TranscodeReader::new(reader, enc),
                ));
            }
            None => decode::check_binary_bytes(peek, &origin)?,
        }
        return Ok(DocumentStream {
            inner: Inner::Jsonl(Box::new(jsonl::JsonlRecords::new(reader, origin, is_gz))),
        });
    }
    let bytes = read_bounded(&mut reader, &origin, is_gz, MAX_DOCUMENT_BYTES)?;
    let doc = document_from_bytes(&bytes, &origin, format)?;
    Ok(DocumentStream::one(doc))
}

/// Reads the whole input, refusing more than `limit` bytes without buffering
/// the excess.
fn read_bounded(
    reader: &mut dyn BufRead,
    origin: &str,
    gz: bool,
    limit: usize,
) -> Result<Vec<u8>, IntakeError> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IntakeError::from_read(origin, gz, e))?;
    if bytes.len() > limit {
        return Err(IntakeError::TooLarge {
            origin: origin.to_string(),
            size: format!("more than {limit} bytes"),
            limit,
        });
    }
    Ok(bytes)
}

/// One text or HTML document from its (decompressed) bytes.
fn document_from_bytes(
    bytes: &[u8],
    origin: &str,
    format: Format,
) -> Result<RawDocument, IntakeError> {
    let format = match format {
        Format::Auto | Format::Jsonl | Format::Feed | Format::Warc => sniff_document(bytes),
        f => f,
    };
    let text = decode::decode(bytes, origin, format == Format::Html)?;
    if text.trim().is_empty() {
        return Err(IntakeError::Empty {
            origin: origin.to_string(),
        });
    }
    match format {
        Format::Html => {
            let art = html::html_to_article(&text, origin)?;
            Ok(RawDocument {
                id: None,
                text: art.text,
                url: art.url,
                title: art.title,
                published: art.published,
                origin: origin.to_string(),
            })
        }
        _ => Ok(RawDocument {
            id: None,
            text: normalize_newlines(text),
            url: None,
            title: None,
            published: None,
            origin: origin.to_string(),
        }),
    }
}

fn skip_bom_ws(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

fn looks_like_jsonl(peek: &[u8]) -> bool {
    skip_bom_ws(peek).starts_with(b"{")
}

/// HTML if it starts with `<` and has `<html` or `<body` in its first 64 KiB.
fn sniff_document(bytes: &[u8]) -> Format {
    let b = skip_bom_ws(bytes);
    if !b.starts_with(b"<") {
        return Format::Text;
    }
    let head = &b[..b.len().min(64 * 1024)];
    let lower: Vec<u8> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
    if memchr::memmem::find(&lower, b"<html").is_some()
        || memchr::memmem::find(&lower, b"<body").is_some()
    {
        Format::Html
    } else {
        Format::Text
    }
}

pub(crate) fn normalize_newlines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}
