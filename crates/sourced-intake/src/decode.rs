//! Bytes to text: BOMs, UTF-8, UTF-16, legacy encodings, binary refusal.
//!
//! Order of decisions:
//! 1. UTF-8 BOM → UTF-8 (BOM stripped); UTF-16 LE/BE BOM → UTF-16.
//! 2. NUL bytes or many control bytes → [`IntakeError::Binary`].
//! 3. Valid UTF-8 → as is.
//! 4. UTF-8 with a few broken bytes among many valid multi-byte characters →
//!    UTF-8 with U+FFFD for the broken bytes (a damaged UTF-8 file, not a legacy one).
//! 5. Otherwise a legacy encoding: for HTML the `<meta charset>` label if present,
//!    else the guess of `chardetng` (windows-1252/latin-1, Shift_JIS, KOI8-R, ...).
//!    If that decoding still has errors or yields control characters, the input is
//!    refused with [`IntakeError::Encoding`].

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::IntakeError;

/// How many leading bytes are inspected for binary content.
const SNIFF_BYTES: usize = 64 * 1024;
/// Control characters (other than tab, LF, CR, FF) above this share of the
/// sniffed bytes mean binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes `bytes` to a `String`. `html` enables the `<meta charset>` prescan.
pub(crate) fn decode(bytes: &[u8], origin: &str, html: bool) -> Result<String, IntakeError> {
    if bytes.is_empty() {
        return Err(IntakeError::Empty {
            origin: origin.to_string(),
        });
    }
    // 1. Byte order marks.
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = match std::str::from_utf8(rest) {
            Ok(s) => s.to_string(),
            Err(_) => String::from_utf8_lossy(rest).into_owned(),
        };
        return check_text(text, origin);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let rest = &bytes[bom_len..];
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors && replacement_share(&text) > 0.01 {
                return Err(IntakeError::Encoding {
                    origin: origin.to_string(),
                    detail: format!(
                        "{} BOM but the data is not valid {}",
                        enc.name(),
                        enc.name()
                    ),
                });
            }
            return check_text(text.into_owned(), origin);
        }
    }
    // 2. Binary content.
    check_binary_bytes(bytes, origin)?;
    // 3. UTF-8.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    // 4. Damaged UTF-8.
    let (valid_multibyte, invalid) = utf8_stats(bytes);
    if valid_multibyte >= 4 * invalid.max(1) {
        return check_text(String::from_utf8_lossy(bytes).into_owned(), origin);
    }
    // 5. Legacy encoding.
    let declared = if html { meta_charset(bytes) } else { None };
    let enc = match declared {
        Some(e) if e != UTF_8 && e != UTF_16LE && e != UTF_16BE => e,
        _ => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            det.guess(None, chardetng::Utf8Detection::Deny)
        }
    };
    let (text, had_errors): (Cow<'_, str>, bool) = enc.decode_without_bom_handling(bytes);
    if had_errors && replacement_share(&text) > 0.001 {
        return Err(IntakeError::Encoding {
            origin: origin.to_string(),
            detail: format!(
                "bytes are not valid UTF-8 and do not decode as {}",
                enc.name()
            ),
        });
    }
    let text = text.into_owned();
    if control_share(&text) > MAX_CONTROL_SHARE {
        return Err(IntakeError::Encoding {
            origin: origin.to_string(),
            detail: format!(
                "bytes are not valid UTF-8 and decode as {} only to control characters",
                enc.name()
            ),
        });
    }
    Ok(text)
}

/// Decodes an HTML payload whose HTTP `Content-Type` may declare a `charset`
/// (WARC responses): a legacy charset declared there is used when the bytes
/// are not UTF-8 (and have no BOM) and decode without errors under it;
/// otherwise as [`decode`] with the `<meta charset>` prescan.
pub(crate) fn decode_html_declared(
    bytes: &[u8],
    origin: &str,
    charset: Option<&str>,
) -> Result<String, IntakeError> {
    let declared = charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|enc| *enc != UTF_8 && *enc != UTF_16LE && *enc != UTF_16BE);
    if let Some(enc) = declared {
        if !bytes.is_empty()
            && Encoding::for_bom(bytes).is_none()
            && std::str::from_utf8(bytes).is_err()
        {
            check_binary_bytes(bytes, origin)?;
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if !had_errors {
                return check_text(text.into_owned(), origin);
            }
        }
    }
    decode(bytes, origin, true)
}

/// Refuses decoded text that is mostly control characters (e.g. UTF-16 binary).
fn check_text(text: String, origin: &str) -> Result<String, IntakeError> {
    if text.contains('\0') {
        return Err(IntakeError::Binary {
            origin: origin.to_string(),
            reason: "NUL characters".to_string(),
        });
    }
    if control_share(&text) > MAX_CONTROL_SHARE {
        return Err(IntakeError::Binary {
            origin: origin.to_string(),
            reason: "mostly control characters".to_string(),
        });
    }
    Ok(text)
}

/// Refuses NUL bytes anywhere in the sniffed prefix, or too many control bytes.
pub(crate) fn check_binary_bytes(bytes: &[u8], origin: &str) -> Result<(), IntakeError> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, bytes).is_some() {
        return Err(IntakeError::Binary {
            origin: origin.to_string(),
            reason: "NUL bytes".to_string(),
        });
    }
    let controls = head.iter().filter(|&&b| is_control_byte(b)).count();
    if controls as f64 > MAX_CONTROL_SHARE * head.len() as f64 {
        return Err(IntakeError::Binary {
            origin: origin.to_string(),
            reason: format!("{controls} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

fn is_control_char(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}')
}

/// Share of control characters among the first `SNIFF_BYTES` characters.
fn control_share(text: &str) -> f64 {
    let mut n = 0usize;
    let mut ctl = 0usize;
    for c in text.chars().take(SNIFF_BYTES) {
        n += 1;
        if is_control_char(c) {
            ctl += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        ctl as f64 / n as f64
    }
}

fn replacement_share(text: &str) -> f64 {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        n += 1;
        if c == '\u{FFFD}' {
            bad += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        bad as f64 / n as f64
    }
}

/// (valid multi-byte characters, invalid sequences) of a byte string.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (multibyte, invalid)
}

/// A `charset` declared in the first 4 KiB of an HTML document
/// (`<meta charset=...>` or `<meta http-equiv=content-type content="...; charset=...">`).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let finder = memchr::memmem::Finder::new(b"charset=");
    for pos in finder.find_iter(&lower) {
        // Only inside a <meta ...> tag.
        let before = &lower[..pos];
        let tag_start = match memchr::memrchr(b'<', before) {
            Some(i) => i,
            None => continue,
        };
        if memchr::memchr(b'>', &before[tag_start..]).is_some()
            || !before[tag_start..].starts_with(b"<meta")
        {
            continue;
        }
        let rest = &head[pos + b"charset=".len()..];
        let rest = rest
            .iter()
            .position(|b| !matches!(b, b'"' | b'\'' | b' '))
            .map_or(&rest[rest.len()..], |i| &rest[i..]);
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'>' | b'/'))
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode(b"caf\xC3\xA9", "t", false).unwrap(), "café");
        assert_eq!(decode(b"\xEF\xBB\xBFhi", "t", false).unwrap(), "hi");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Zoë said".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le, "t", false).unwrap(), "Zoë said");
        let mut be = vec![0xFE, 0xFF];
        for u in "Zoë said".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, "t", false).unwrap(), "Zoë said");
    }

    #[test]
    fn latin1_detected() {
        // "Le café a ouvert à Montréal, déjà plein." in ISO-8859-1.
        let bytes = b"Le caf\xE9 a ouvert \xE0 Montr\xE9al, d\xE9j\xE0 plein.";
        assert_eq!(
            decode(bytes, "t", false).unwrap(),
            "Le café a ouvert à Montréal, déjà plein."
        );
    }

    #[test]
    fn windows1252_quotes() {
        let bytes = b"He said \x93no comment\x94 \x96 twice.";
        assert_eq!(
            decode(bytes, "t", false).unwrap(),
            "He said “no comment” – twice."
        );
    }

    #[test]
    fn meta_charset_is_honoured() {
        let bytes = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        let s = decode(bytes, "t", true).unwrap();
        assert!(s.contains("Привет"), "{s}");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "naïve café résumé – “quoted” ".repeat(3).into_bytes();
        bytes.push(0xFF);
        let s = decode(&bytes, "t", false).unwrap();
        assert!(s.contains("résumé") && s.ends_with('\u{FFFD}'));
    }

    #[test]
    fn binary_refused() {
        let err = decode(b"PK\x03\x04\x00\x00binary", "f.bin", false).unwrap_err();
        assert!(matches!(err, IntakeError::Binary { .. }), "{err}");
        let ctl: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        let err = decode(&ctl, "f.bin", false).unwrap_err();
        assert!(matches!(err, IntakeError::Binary { .. }), "{err}");
        assert!(err.to_string().starts_with("f.bin: binary content"));
    }

    #[test]
    fn empty_refused() {
        assert!(matches!(
            decode(b"", "e.txt", false),
            Err(IntakeError::Empty { .. })
        ));
    }
}
