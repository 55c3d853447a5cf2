//! Streaming JSONL: one record per line, read with a bounded line buffer so
//! memory stays flat whatever the file size (a huge line is skipped, not held).

use std::io::{self, BufRead, Read};

use serde::Deserialize;

use crate::error::{one_line, IntakeError};
use crate::{decode, html, normalize_newlines, RawDocument, MAX_DOCUMENT_BYTES, MAX_LINE_BYTES};

/// Outcome of reading one line.
pub(crate) enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line is in the buffer (without its `\n`).
    Ok,
    /// The line was longer than the limit and was discarded; total length given.
    TooLong(usize),
}

/// Reads one `\n`-terminated line into `buf` (without the newline), keeping at
/// most `limit` bytes; longer lines are consumed and reported as `TooLong`.
pub(crate) fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if total == 0 {
                return Ok(Line::Eof);
            }
            break;
        }
        let (used, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let content = if found { used - 1 } else { used };
        if !too_long {
            if buf.len() + content > limit {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(&available[..content]);
            }
        }
        total += used;
        reader.consume(used);
        if found {
            break;
        }
    }
    if too_long {
        Ok(Line::TooLong(total))
    } else {
        Ok(Line::Ok)
    }
}

/// Iterator over the records of a JSONL stream.
pub(crate) struct JsonlRecords {
    reader: Box<dyn BufRead + Send>,
    /// File origin (without line number).
    origin: String,
    /// Whether the stream is gzip (read errors are then gzip errors).
    gz: bool,
    line_no: usize,
    records: usize,
    finished: bool,
    buf: Vec<u8>,
}

impl JsonlRecords {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, origin: String, gz: bool) -> Self {
        JsonlRecords {
            reader,
            origin,
            gz,
            line_no: 0,
            records: 0,
            finished: false,
            buf: Vec::new(),
        }
    }
}

impl Iterator for JsonlRecords {
    type Item = Result<RawDocument, IntakeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        loop {
            let outcome = read_line_limited(&mut *self.reader, &mut self.buf, MAX_LINE_BYTES);
            match outcome {
                Err(e) => {
                    self.finished = true;
                    let origin = format!("{}:{}", self.origin, self.line_no + 1);
                    return Some(Err(IntakeError::from_read(&origin, self.gz, e)));
                }
                Ok(Line::Eof) => {
                    self.finished = true;
                    if self.records == 0 {
                        return Some(Err(IntakeError::Empty {
                            origin: self.origin.clone(),
                        }));
                    }
                    return None;
                }
                Ok(Line::TooLong(len)) => {
                    self.line_no += 1;
                    self.records += 1;
                    return Some(Err(IntakeError::TooLarge {
                        origin: format!("{}:{}", self.origin, self.line_no),
                        size: format!("line of {len} bytes"),
                        limit: MAX_LINE_BYTES,
                    }));
                }
                Ok(Line::Ok) => {
                    self.line_no += 1;
                    let mut line: &[u8] = &self.buf;
                    if self.line_no == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    if line.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    self.records += 1;
                    let origin = format!("{}:{}", self.origin, self.line_no);
                    let result = parse_line(line, &origin);
                    if self.buf.capacity() > 4 * 1024 * 1024 {
                        self.buf = Vec::new();
                    }
                    return Some(result);
                }
            }
        }
    }
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

fn json_error(origin: &str, e: &serde_json::Error) -> IntakeError {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    };
    IntakeError::Json {
        origin: origin.to_string(),
        detail: one_line(&msg),
    }
}

/// Parses one JSONL line into a document.
pub(crate) fn parse_line(line: &[u8], origin: &str) -> Result<RawDocument, IntakeError> {
    let text: std::borrow::Cow<'_, str> = match std::str::from_utf8(line) {
        Ok(s) => s.into(),
        Err(_) => decode::decode(line, origin, false)?.into(),
    };
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') {
        return Err(IntakeError::Json {
            origin: origin.to_string(),
            detail: "expected a JSON object ({...}) on this line".to_string(),
        });
    }
    let rec: Record = serde_json::from_str(trimmed).map_err(|e| json_error(origin, &e))?;
    let id = match rec.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(IntakeError::Json {
                origin: origin.to_string(),
                detail: format!(
                    "\"id\" must be a string or a number, not {}",
                    json_type(&other)
                ),
            })
        }
    };
    if let Some(t) = rec.text.filter(|t| !t.trim().is_empty()) {
        if t.len() > MAX_DOCUMENT_BYTES {
            return Err(IntakeError::TooLarge {
                origin: origin.to_string(),
                size: format!("\"text\" of {} bytes", t.len()),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        return Ok(RawDocument {
            id,
            text: normalize_newlines(t),
            url: rec.url,
            title: rec.title,
            published: rec.published,
            origin: origin.to_string(),
        });
    }
    if let Some(h) = rec.html.filter(|h| !h.trim().is_empty()) {
        let art = html::html_to_article(&h, origin)?;
        return Ok(RawDocument {
            id,
            text: art.text,
            url: rec.url.or(art.url),
            title: rec.title.or(art.title),
            published: rec.published.or(art.published),
            origin: origin.to_string(),
        });
    }
    Err(IntakeError::MissingText {
        origin: origin.to_string(),
    })
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Streaming transcoder from a legacy/UTF-16 byte stream to UTF-8.
pub(crate) struct TranscodeReader<R: Read> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> TranscodeReader<R> {
    /// `encoding`'s BOM, if any, is removed.
    pub(crate) fn new(inner: R, encoding: &'static encoding_rs::Encoding) -> Self {
        TranscodeReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 32 * 1024],
            output: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for TranscodeReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.output.len() {
            if self.done {
                return Ok(0);
            }
            let n = loop {
                match self.inner.read(&mut self.input) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            let last = n == 0;
            let cap = self
                .decoder
                .max_utf8_buffer_length(n)
                .unwrap_or(4 * n + 16)
                .max(16);
            self.output.clear();
            self.output.resize(cap, 0);
            let (_, _read, written, _errors) =
                self.decoder
                    .decode_to_utf8(&self.input[..n], &mut self.output, last);
            self.output.truncate(written);
            self.pos = 0;
            self.done = last;
        }
        let k = out.len().min(self.output.len() - self.pos);
        out[..k].copy_from_slice(&self.output[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn limited_lines() {
        let data = b"short\nthis line is too long\nok\nlast-no-newline".to_vec();
        let mut r = Cursor::new(data);
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Ok
        ));
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::TooLong(22)
        ));
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Ok
        ));
        assert_eq!(buf, b"ok");
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 100).unwrap(),
            Line::Ok
        ));
        assert_eq!(buf, b"last-no-newline");
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 10).unwrap(),
            Line::Eof
        ));
    }

    #[test]
    fn transcode_utf16() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "{\"text\":\"é\"}\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut s = String::new();
        TranscodeReader::new(Cursor::new(bytes), encoding_rs::UTF_16LE)
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "{\"text\":\"é\"}\n");
    }
}
