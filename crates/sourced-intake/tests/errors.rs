//! Every error case, on tiny fixtures generated here.

use std::io::Write;

use sourced_intake::{from_bytes, open, Format, IntakeError, RawDocument, MAX_DOCUMENT_BYTES};

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn collect(bytes: &[u8], origin: &str, f: Format) -> Vec<Result<RawDocument, IntakeError>> {
    match from_bytes(bytes, origin, f) {
        Ok(s) => s.collect(),
        Err(e) => vec![Err(e)],
    }
}

fn one_err(bytes: &[u8], origin: &str, f: Format) -> IntakeError {
    let mut items = collect(bytes, origin, f);
    assert_eq!(items.len(), 1, "expected one item");
    match items.remove(0) {
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "multi-line message: {msg:?}");
            assert!(msg.starts_with(origin), "origin missing: {msg}");
            e
        }
        Ok(d) => panic!("expected an error, got {d:?}"),
    }
}

const PAGE: &str = "<!doctype html><html><head><title>Harbour plan | Daily Gull</title>\
<meta property=\"og:title\" content=\"Harbour plan approved\">\
<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00Z\">\
<link rel=\"canonical\" href=\"https://example.org/news/harbour-plan\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
<article><h1>Harbour plan approved</h1>\
<p>The town council approved the new harbour plan on Monday after a long debate about costs and the timetable for the work.</p>\
<p>\u{201C}We expect the first boats to use the new quay next spring,\u{201D} said the harbour master, Ana Ruiz, speaking to reporters outside the town hall.</p>\
<p>Opponents said the budget of 4.2 million euros was too high and asked for an independent review of the engineering study.</p>\
</article><footer>Copyright Daily Gull. All rights reserved.</footer></body></html>";

#[test]
fn empty_input() {
    let e = one_err(b"", "e.txt", Format::Text);
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    let e = one_err(b"  \n\t ", "w.txt", Format::Text);
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    let e = one_err(b"\n\n", "e.jsonl", Format::Jsonl);
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    // An empty file on disk.
    let dir = tempdir();
    let p = dir.join("empty.html");
    std::fs::write(&p, b"").unwrap();
    let e = open(&p).unwrap_err();
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    assert!(e.to_string().contains("empty.html: empty input"), "{e}");
}

#[test]
fn binary_input() {
    let e = one_err(
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
        "a.out",
        Format::Auto,
    );
    assert!(matches!(e, IntakeError::Binary { .. }), "{e}");
    let e = one_err(b"\x00\x01\x02{\"text\":\"x\"}\n", "b.jsonl", Format::Jsonl);
    assert!(matches!(e, IntakeError::Binary { .. }), "{e}");
    // Gzipped binary is refused after decompression too.
    let e = one_err(&gz(&[0u8, 1, 2, 3, 4, 5, 6, 7]), "c.txt.gz", Format::Text);
    assert!(matches!(e, IntakeError::Binary { .. }), "{e}");
}

#[test]
fn latin1_text_is_decoded() {
    let bytes = b"Le maire a d\xE9clar\xE9 que la f\xEAte aura lieu \xE0 No\xEBl.";
    let docs = collect(bytes, "l.txt", Format::Text);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.text, "Le maire a déclaré que la fête aura lieu à Noël.");
    // Also inside a JSONL line.
    let docs = collect(
        b"{\"text\":\"caf\xE9 cr\xE8me\"}\n",
        "l.jsonl",
        Format::Jsonl,
    );
    assert_eq!(docs[0].as_ref().unwrap().text, "café crème");
}

#[test]
fn undecodable_bytes_refused() {
    // Bytes that only decode (as windows-1252, chardetng's pick) to C1 control
    // characters between the letters: not a real legacy-encoded text.
    let bytes = b"a\x81b\x8dc\x8fd\x90e\x9d".repeat(20);
    let e = one_err(&bytes, "x.txt", Format::Text);
    assert!(matches!(e, IntakeError::Encoding { .. }), "{e}");
    assert!(e.to_string().starts_with("x.txt: invalid UTF-8"), "{e}");
}

#[test]
fn truncated_gzip() {
    let full = gz(b"{\"id\":1,\"text\":\"one line of text here\"}\n"
        .repeat(2000)
        .as_slice());
    let cut = &full[..full.len() / 2];
    // As JSONL: the records read before the cut come out, then one error.
    let items = collect(cut, "t.jsonl.gz", Format::Jsonl);
    let last = items.last().unwrap().as_ref().unwrap_err();
    assert!(matches!(last, IntakeError::TruncatedGzip { .. }), "{last}");
    assert!(items.len() > 10);
    // As a single document: the error comes from opening.
    let full = gz(b"plain words ".repeat(5000).as_slice());
    let e = one_err(&full[..full.len() - 20], "t.txt.gz", Format::Text);
    assert!(matches!(e, IntakeError::TruncatedGzip { .. }), "{e}");
    assert!(e.to_string().starts_with("t.txt.gz: truncated gzip"), "{e}");
}

#[test]
fn corrupt_gzip() {
    let mut data = gz(
        b"some text that will be corrupted in the middle of the stream"
            .repeat(50)
            .as_slice(),
    );
    let mid = data.len() / 2;
    for b in &mut data[mid..mid + 8] {
        *b ^= 0xA5;
    }
    let e = one_err(&data, "c.txt.gz", Format::Text);
    assert!(
        matches!(
            e,
            IntakeError::Gzip { .. } | IntakeError::TruncatedGzip { .. }
        ),
        "{e}"
    );
}

#[test]
fn bad_json_line_then_good_line() {
    let data = b"{\"id\": \"a\", \"text\": \"first\"}\n{\"id\": 2, \"text\": \"broken\n{\"id\": 3, \"text\": \"third\"}\n";
    let items = collect(data, "in.jsonl", Format::Jsonl);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().id.as_deref(), Some("a"));
    let e = items[1].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::Json { .. }), "{e}");
    assert!(
        e.to_string().starts_with("in.jsonl:2: invalid JSON record"),
        "{e}"
    );
    let d = items[2].as_ref().unwrap();
    assert_eq!(d.id.as_deref(), Some("3"));
    assert_eq!(d.origin, "in.jsonl:3");
    // Not an object; wrong types.
    let items = collect(
        b"[1,2]\n{\"text\": 5}\n{\"id\": true, \"text\": \"x\"}\n",
        "t.jsonl",
        Format::Jsonl,
    );
    assert!(items
        .iter()
        .all(|i| matches!(i, Err(IntakeError::Json { .. }))));
}

#[test]
fn record_without_text() {
    let items = collect(
        b"{\"id\": 1, \"title\": \"no body\"}\n{\"id\": 2, \"text\": \"   \"}\n{\"id\": 3, \"text\": \"ok\"}\n",
        "r.jsonl",
        Format::Jsonl,
    );
    assert!(matches!(items[0], Err(IntakeError::MissingText { .. })));
    assert!(matches!(items[1], Err(IntakeError::MissingText { .. })));
    assert_eq!(items[2].as_ref().unwrap().text, "ok");
    assert!(items[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with("r.jsonl:1: record has neither"));
}

#[test]
fn html_without_body() {
    let e = one_err(
        b"<html><head><title>Only a head</title></head></html>",
        "h.html",
        Format::Html,
    );
    assert!(matches!(e, IntakeError::HtmlNoBody { .. }), "{e}");
    let e = one_err(
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
        "n.html",
        Format::Html,
    );
    assert!(
        matches!(
            e,
            IntakeError::NoArticleText { .. } | IntakeError::HtmlNoBody { .. }
        ),
        "{e}"
    );
}

#[test]
fn oversized_document() {
    // A text document one byte over the limit.
    let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
    let e = one_err(&big, "big.txt", Format::Text);
    assert!(matches!(e, IntakeError::TooLarge { .. }), "{e}");
    // A 40 MB single JSONL line between two good ones: clean error, stream continues.
    let mut data = b"{\"text\":\"before\"}\n{\"text\":\"".to_vec();
    data.resize(data.len() + 40_000_000, b'x');
    data.extend_from_slice(b"\"}\n{\"text\":\"after\"}\n");
    let items = collect(&data, "huge.jsonl", Format::Jsonl);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().text, "before");
    let e = items[1].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string()
            .starts_with("huge.jsonl:2: document too large"),
        "{e}"
    );
    assert_eq!(items[2].as_ref().unwrap().text, "after");
}

#[test]
fn io_error_names_the_file() {
    let e = open(std::path::Path::new("/nonexistent/dir/x.txt")).unwrap_err();
    assert!(matches!(e, IntakeError::Io { .. }));
    assert!(
        e.to_string()
            .starts_with("/nonexistent/dir/x.txt: I/O error"),
        "{e}"
    );
}

#[test]
fn html_page_extracted_with_metadata() {
    let docs = collect(PAGE.as_bytes(), "p.html", Format::Html);
    let d = docs[0].as_ref().unwrap();
    assert!(
        d.text.contains("approved the new harbour plan"),
        "{}",
        d.text
    );
    assert!(d.text.contains("\n\n"), "paragraphs: {:?}", d.text);
    assert!(!d.text.contains("Copyright"), "{}", d.text);
    assert!(!d.text.contains("Sport"), "{}", d.text);
    assert_eq!(d.published.as_deref(), Some("2024-03-04"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://example.org/news/harbour-plan")
    );
    assert_eq!(d.title.as_deref(), Some("Harbour plan approved"));
}

#[test]
fn jsonl_html_record_and_metadata_precedence() {
    let rec = serde_json::json!({"id": 7, "html": PAGE, "title": "Given title"});
    let line = format!("{rec}\n");
    let docs = collect(line.as_bytes(), "h.jsonl", Format::Jsonl);
    let d = docs[0].as_ref().unwrap();
    assert_eq!(d.id.as_deref(), Some("7"));
    assert_eq!(d.title.as_deref(), Some("Given title"));
    assert_eq!(d.published.as_deref(), Some("2024-03-04"));
    assert!(d.text.contains("harbour master"));
}

#[test]
fn sniffing_and_extensions() {
    let dir = tempdir();
    let p = dir.join("page.unknown");
    std::fs::write(&p, PAGE).unwrap();
    let d = open(&p).unwrap().next().unwrap().unwrap();
    assert_eq!(d.published.as_deref(), Some("2024-03-04"));
    let p = dir.join("page.html.gz");
    std::fs::write(&p, gz(PAGE.as_bytes())).unwrap();
    let d = open(&p).unwrap().next().unwrap().unwrap();
    assert!(d.text.contains("harbour"));
    let p = dir.join("notes.md");
    std::fs::write(&p, "<b>not html</b> just a note\r\nsecond line").unwrap();
    let d = open(&p).unwrap().next().unwrap().unwrap();
    assert_eq!(d.text, "<b>not html</b> just a note\nsecond line");
    let p = dir.join("recs.ndjson.gz");
    std::fs::write(
        &p,
        gz(b"{\"text\":\"a\"}\n\n{\"text\":\"b\",\"published\":\"2024-01-02T03:04:05Z\"}\n"),
    )
    .unwrap();
    let docs: Vec<_> = open(&p).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].origin, format!("{}:3", p.display()));
    assert_eq!(docs[1].published.as_deref(), Some("2024-01-02T03:04:05Z"));
    // Unknown extension with JSONL content, and gzip without .gz.
    let p = dir.join("data.bin");
    std::fs::write(&p, gz(b"{\"text\":\"c\"}\n")).unwrap();
    let docs: Vec<_> = open(&p).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(docs[0].text, "c");
}

#[test]
fn utf16_inputs() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "{\"text\":\"Zoë\"}\n{\"text\":\"Ærø\"}\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let docs: Vec<_> = collect(&bytes, "u.jsonl", Format::Jsonl);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].as_ref().unwrap().text, "Ærø");
    let mut bytes = vec![0xFE, 0xFF];
    for u in "Grüße aus Köln".encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    let docs = collect(&bytes, "u.txt", Format::Text);
    assert_eq!(docs[0].as_ref().unwrap().text, "Grüße aus Köln");
}

#[test]
fn stream_and_error_are_send() {
    fn assert_send<T: Send>() {}
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send::<sourced_intake::DocumentStream>();
    assert_send_sync::<IntakeError>();
}

fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "sourced-intake-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}
