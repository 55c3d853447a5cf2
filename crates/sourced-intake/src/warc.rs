//! WARC web archives (`.warc`, `.warc.gz`): one document per HTML response.
//!
//! Own reader rather than the `warc` crate (0.4): it runs over the same
//! `BufRead` pipeline as every other format (files, stdin, bytes; gzip found by
//! its magic and read by flate2's `MultiGzDecoder`, which handles the
//! one-gzip-member-per-record layout of Common Crawl and is much faster than the
//! crate's own gzip path), and it streams a record's block through a
//! `Take` of the input, so nothing larger than one accepted HTML payload
//! (≤ [`MAX_DOCUMENT_BYTES`]) is ever held; skipped records are drained, not
//! buffered. The part of the format needed here is small: a `WARC/1.x` line,
//! `Name: value` headers up to a blank line, a block of `Content-Length` bytes,
//! then `CRLF CRLF`.
//!
//! Kept: `WARC-Type: response` records whose block is an HTTP response
//! (`Content-Type: application/http`, or no type) with a 2xx status and an HTML
//! payload (`text/html` or `application/xhtml+xml`; without a `Content-Type`
//! the payload is sniffed as for files). The HTTP headers are stripped, chunked
//! transfer encoding is undone, `Content-Encoding: gzip` / `deflate` payloads
//! are inflated (a payload that a crawler already decoded while keeping the
//! header is used as is), the HTTP `charset` is honoured for legacy encodings;
//! then the page goes through [`html_to_article`](crate::html_to_article).
//! Every other record (`request`, `metadata`, `warcinfo`, `revisit`, images,
//! redirects, errors) is skipped silently.
//!
//! Documents: `url` = `WARC-Target-URI`, `id` = `WARC-Record-ID` (without the
//! angle brackets), `title`/`published` from the page metadata as for HTML
//! files (`WARC-Date` is the crawl date and is not used), origin
//! `file:record N` (N counts all records, from 1).
//!
//! Errors as `Err` items: an HTML payload larger than [`MAX_DOCUMENT_BYTES`]
//! (drained, not held), a malformed record (the reader then looks for the next
//! `WARC/` line), an HTML page without article text. A read error (truncated or
//! corrupt gzip) or a record cut short ends the stream with one `Err` item.

use std::io::{self, BufRead, Read};

use crate::error::{one_line, IntakeError};
use crate::jsonl::{read_line_limited, Line};
use crate::{decode, html, RawDocument, MAX_DOCUMENT_BYTES};

/// Longest accepted header line (WARC or HTTP).
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one WARC or HTTP header block.
const MAX_HEADER_LINES: usize = 1000;
/// Most bytes kept of one WARC or HTTP header block.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// Whether the (decompressed) input starts like a WARC file.
pub(crate) fn looks_like_warc(peek: &[u8]) -> bool {
    let start = peek
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(peek.len());
    peek[start..].starts_with(b"WARC/")
}

/// Header fields, names lower-cased, in order.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `Name: value` lines up to a blank line. `Ok(Err(detail))` for a
/// malformed block (including the data ending inside it).
fn read_headers(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
) -> io::Result<Result<Headers, String>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut kept = 0usize;
    for _ in 0..MAX_HEADER_LINES {
        match read_line_limited(reader, line, MAX_HEADER_LINE)? {
            Line::Eof => {
                return Ok(Err(
                    "record header cut short (data ends before the blank line)".to_string(),
                ))
            }
            Line::TooLong(n) => return Ok(Err(format!("header line of {n} bytes"))),
            Line::Ok => {}
        }
        kept += line.len();
        if kept > MAX_HEADER_BYTES {
            return Ok(Err(format!("header block over {MAX_HEADER_BYTES} bytes")));
        }
        let l = String::from_utf8_lossy(line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.trim().is_empty() {
            return Ok(Ok(Headers(fields)));
        }
        if l.starts_with([' ', '\t']) {
            // Folded continuation of the previous field.
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(l.trim());
                continue;
            }
        }
        match l.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() => {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
            _ => {
                let shown: String = l.chars().take(60).collect();
                return Ok(Err(format!("malformed header line {shown:?}")));
            }
        }
    }
    Ok(Err(format!("more than {MAX_HEADER_LINES} header lines")))
}

/// What reading one record gave.
enum Step {
    /// A document or a per-record error.
    Item(Result<RawDocument, IntakeError>),
    /// A record that is not an HTML response.
    Skip,
    /// End of input.
    End,
}

/// Iterator over the HTML responses of a WARC stream.
pub(crate) struct WarcRecords {
    reader: Box<dyn BufRead + Send>,
    /// File origin (without record number).
    origin: String,
    /// Whether the stream is gzip (read errors are then gzip errors).
    gz: bool,
    /// Records seen so far (the current one included).
    records: usize,
    /// HTML responses seen (documents and their errors).
    html: usize,
    finished: bool,
    /// After a malformed record: skip lines until the next `WARC/` line.
    resync: bool,
    line: Vec<u8>,
}

impl WarcRecords {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, origin: String, gz: bool) -> Self {
        WarcRecords {
            reader,
            origin,
            gz,
            records: 0,
            html: 0,
            finished: false,
            resync: false,
            line: Vec::new(),
        }
    }

    fn record_origin(&self, n: usize) -> String {
        format!("{}:record {}", self.origin, n)
    }

    /// A read error: one `Err` item, then the stream ends.
    fn fail(&mut self, origin: String, e: io::Error) -> Step {
        self.finished = true;
        Step::Item(Err(IntakeError::from_read(&origin, self.gz, e)))
    }

    /// A malformed record: one `Err` item, then resynchronise on `WARC/`.
    fn malformed(&mut self, origin: String, detail: String) -> Step {
        self.resync = true;
        Step::Item(Err(IntakeError::Warc {
            origin,
            detail: one_line(&detail),
        }))
    }

    fn read_record(&mut self) -> Step {
        // Version line (blank lines between records are skipped).
        loop {
            let next = self.record_origin(self.records + 1);
            match read_line_limited(&mut *self.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(e) => return self.fail(next, e),
                Ok(Line::Eof) => return Step::End,
                Ok(Line::TooLong(_)) if self.resync => continue,
                Ok(Line::TooLong(n)) => {
                    self.records += 1;
                    return self.malformed(
                        next,
                        format!("expected a \"WARC/1.x\" version line, found a line of {n} bytes"),
                    );
                }
                Ok(Line::Ok) => {
                    if self.line.iter().all(|c| c.is_ascii_whitespace()) {
                        continue;
                    }
                    if self.line.starts_with(b"WARC/") {
                        break;
                    }
                    if self.resync {
                        continue;
                    }
                    self.records += 1;
                    return self
                        .malformed(next, "expected a \"WARC/1.x\" version line".to_string());
                }
            }
        }
        self.resync = false;
        self.records += 1;
        let origin = self.record_origin(self.records);
        let headers = match read_headers(&mut *self.reader, &mut self.line) {
            Err(e) => return self.fail(origin, e),
            Ok(Err(detail)) => return self.malformed(origin, detail),
            Ok(Ok(h)) => h,
        };
        let Some(len) = headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            return self.malformed(origin, "missing or invalid Content-Length".to_string());
        };
        let is_response = headers
            .get("warc-type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("response"));
        let is_http = headers.get("content-type").is_none_or(|t| {
            t.trim()
                .to_ascii_lowercase()
                .starts_with("application/http")
        });
        let meta = RecordMeta {
            id: headers
                .get("warc-record-id")
                .map(strip_angle)
                .filter(|s| !s.is_empty()),
            url: headers
                .get("warc-target-uri")
                .map(strip_angle)
                .filter(|s| !s.is_empty()),
        };
        let mut block = (&mut *self.reader).take(len);
        let step = if is_response && is_http {
            http_response(&mut block, &mut self.line, &origin, meta)
        } else {
            Ok(Step::Skip)
        };
        // Drain what the record handler left (skipped records, bad payloads).
        let step = match step {
            Ok(step) => step,
            Err(e) => return self.fail(origin, e),
        };
        match io::copy(&mut block, &mut io::sink()) {
            Err(e) => return self.fail(origin, e),
            Ok(_) if block.limit() > 0 => {
                self.finished = true;
                let missing = block.limit();
                return Step::Item(Err(IntakeError::Warc {
                    origin,
                    detail: format!(
                        "record cut short: data ends {missing} bytes before its Content-Length of {len}"
                    ),
                }));
            }
            Ok(_) => {}
        }
        if matches!(step, Step::Item(_)) {
            self.html += 1;
        }
        step
    }
}

impl Iterator for WarcRecords {
    type Item = Result<RawDocument, IntakeError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.finished {
                return None;
            }
            match self.read_record() {
                Step::Item(item) => return Some(item),
                Step::Skip => continue,
                Step::End => {
                    self.finished = true;
                    let origin = self.origin.clone();
                    if self.records == 0 {
                        return Some(Err(IntakeError::Empty { origin }));
                    }
                    if self.html == 0 {
                        return Some(Err(IntakeError::NoHtmlResponse {
                            origin,
                            records: self.records,
                        }));
                    }
                    return None;
                }
            }
        }
    }
}

/// What a document takes from the WARC header.
struct RecordMeta {
    id: Option<String>,
    url: Option<String>,
}

fn strip_angle(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(s)
        .trim()
        .to_string()
}

/// Reads the HTTP response in a record's block. `Ok(Skip)` for anything that
/// is not a 2xx HTML response; `Err` only for read errors. Leaves unread bytes
/// in `block` for the caller to drain.
fn http_response<R: BufRead>(
    block: &mut io::Take<R>,
    line: &mut Vec<u8>,
    origin: &str,
    meta: RecordMeta,
) -> io::Result<Step> {
    // Status line: "HTTP/1.1 200 OK".
    match read_line_limited(block, line, MAX_HEADER_LINE)? {
        Line::Ok if line.starts_with(b"HTTP/") => {}
        _ => return Ok(Step::Skip),
    }
    let status = String::from_utf8_lossy(line)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok());
    if !status.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(Step::Skip);
    }
    let headers = match read_headers(block, line)? {
        Ok(h) => h,
        Err(detail) => {
            return Ok(Step::Item(Err(IntakeError::Warc {
                origin: origin.to_string(),
                detail: one_line(&format!("HTTP header: {detail}")),
            })))
        }
    };
    let content_type = headers.get("content-type").map(str::to_ascii_lowercase);
    let mime = content_type
        .as_deref()
        .map(|ct| ct.split(';').next().unwrap_or("").trim().to_string());
    let html_declared = match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        Some("") | None => false,
        Some(_) => return Ok(Step::Skip),
    };
    let payload_len = block.limit();
    if payload_len > MAX_DOCUMENT_BYTES as u64 {
        if !html_declared {
            return Ok(Step::Skip);
        }
        return Ok(Step::Item(Err(IntakeError::TooLarge {
            origin: origin.to_string(),
            size: format!("HTTP payload of {payload_len} bytes"),
            limit: MAX_DOCUMENT_BYTES,
        })));
    }
    let mut payload = Vec::with_capacity(payload_len as usize);
    block.read_to_end(&mut payload)?;
    if (payload.len() as u64) < payload_len {
        // Cut short: the caller reports it.
        return Ok(Step::Skip);
    }
    let chunked = headers
        .get("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    if chunked {
        if let Some(body) = dechunk(&payload) {
            payload = body;
        }
    }
    let encoding = headers
        .get("content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    payload = match inflate(payload, &encoding, origin) {
        Ok(p) => p,
        Err(e) => return Ok(Step::Item(Err(e))),
    };
    if !html_declared && crate::sniff_document(&payload) != crate::Format::Html {
        return Ok(Step::Skip);
    }
    if payload.iter().all(|c| c.is_ascii_whitespace()) {
        return Ok(Step::Item(Err(IntakeError::Empty {
            origin: origin.to_string(),
        })));
    }
    let charset = content_type.as_deref().and_then(|ct| {
        ct.split(';')
            .filter_map(|p| p.trim().strip_prefix("charset="))
            .next()
            .map(|c| c.trim_matches(['"', '\'', ' ']).to_string())
    });
    let result = decode::decode_html_declared(&payload, origin, charset.as_deref())
        .and_then(|text| html::html_to_article(&text, origin))
        .map(|art| RawDocument {
            id: meta.id,
            text: art.text,
            url: meta.url.or(art.url),
            title: art.title,
            published: art.published,
            origin: origin.to_string(),
        });
    Ok(Step::Item(result))
}

/// Undoes HTTP chunked transfer encoding. `None` when the body does not start
/// with a chunk-size line (a crawler may have stored it de-chunked while keeping
/// the header); a body cut inside a chunk keeps what is there.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0usize;
    loop {
        let nl = i + memchr::memchr(b'\n', &body[i..])?;
        let size_line = std::str::from_utf8(&body[i..nl]).ok()?;
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        i = nl + 1;
        if size == 0 {
            return Some(out); // trailers, if any, are ignored
        }
        let end = i.saturating_add(size).min(body.len());
        out.extend_from_slice(&body[i..end]);
        i = end;
        if body[i..].starts_with(b"\r\n") {
            i += 2;
        } else if body[i..].starts_with(b"\n") {
            i += 1;
        }
        if i >= body.len() {
            return Some(out); // no final zero-size chunk
        }
    }
}

/// Undoes `Content-Encoding` (gzip, deflate), bounded by [`MAX_DOCUMENT_BYTES`].
fn inflate(payload: Vec<u8>, encoding: &str, origin: &str) -> Result<Vec<u8>, IntakeError> {
    let limit = MAX_DOCUMENT_BYTES as u64 + 1;
    let mut out = Vec::new();
    let result = match encoding {
        "" | "identity" | "none" => return Ok(payload),
        "gzip" | "x-gzip" => {
            if !payload.starts_with(&[0x1f, 0x8b]) {
                return Ok(payload); // already decoded by the crawler
            }
            flate2::read::MultiGzDecoder::new(payload.as_slice())
                .take(limit)
                .read_to_end(&mut out)
        }
        "deflate" => {
            let zlib = flate2::read::ZlibDecoder::new(payload.as_slice())
                .take(limit)
                .read_to_end(&mut out);
            match zlib {
                Ok(n) => Ok(n),
                Err(_) => {
                    out.clear();
                    flate2::read::DeflateDecoder::new(payload.as_slice())
                        .take(limit)
                        .read_to_end(&mut out)
                }
            }
        }
        other => {
            if crate::sniff_document(&payload) == crate::Format::Html {
                return Ok(payload); // already decoded by the crawler
            }
            return Err(IntakeError::Warc {
                origin: origin.to_string(),
                detail: one_line(&format!("unsupported Content-Encoding {other:?}")),
            });
        }
    };
    if out.len() as u64 >= limit {
        return Err(IntakeError::TooLarge {
            origin: origin.to_string(),
            size: format!("more than {MAX_DOCUMENT_BYTES} bytes after {encoding} decoding"),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    match result {
        Ok(_) => Ok(out),
        // A payload cut by the crawler's size limit: keep what was decoded.
        Err(_) if !out.is_empty() => Ok(out),
        Err(e) => Err(IntakeError::Warc {
            origin: origin.to_string(),
            detail: one_line(&format!("{encoding} payload does not decode: {e}")),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer: x\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
        assert_eq!(dechunk(b"a\r\nabc").as_deref(), Some(&b"abc"[..]));
        assert_eq!(
            dechunk(b"ffffffffffffffff\r\nxy").as_deref(),
            Some(&b"xy"[..])
        );
        assert_eq!(dechunk(b""), None);
    }

    #[test]
    fn sniffs_warc() {
        assert!(looks_like_warc(b"WARC/1.0\r\n"));
        assert!(looks_like_warc(b"\r\nWARC/1.1\r\n"));
        assert!(!looks_like_warc(b"<html>"));
    }

    #[test]
    fn strips_angle_brackets() {
        assert_eq!(strip_angle(" <urn:uuid:1> "), "urn:uuid:1");
        assert_eq!(strip_angle("https://a.example/"), "https://a.example/");
        assert_eq!(strip_angle("<"), "<");
    }
}
