//! WARC archives built here (one gzip member per record, as Common Crawl
//! writes them), with invented pages: documents, metadata, skipped records and
//! errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use sourced_intake::{from_bytes, open, Format, IntakeError, RawDocument, MAX_DOCUMENT_BYTES};

const PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
<title>Harbour plan approved | Daily Gull</title>\
<meta property=\"og:title\" content=\"Harbour plan approved\">\
<meta property=\"article:published_time\" content=\"2024-03-04T10:00:00+01:00\">\
</head><body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
<article><h1>Harbour plan approved</h1>\
<p>The town council of Port Wrenna approved the new harbour plan on Monday after a long debate about costs and the timetable for the work.</p>\
<p>\u{201C}We expect the first boats to use the new quay next spring,\u{201D} said the harbour master, Ana Ruiz, speaking to reporters outside the town hall.</p>\
<p>Opponents said the budget of 4.2 million euros was too high and asked for an independent review of the engineering study.</p>\
</article><footer>Copyright Daily Gull. All rights reserved.</footer></body></html>";

const PAGE2: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
<title>Ferry timetable changes</title>\
<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry timetable changes\",\"datePublished\":\"2024-03-05\"}</script>\
</head><body><article>\
<p>The morning ferry to Skerrin Island will leave twenty minutes earlier from the first of April, the operator said on Tuesday in a statement to passengers.</p>\
<p>\u{201C}The tide tables leave us no choice this spring,\u{201D} said the operator's spokesman, Per Holm, who added that the evening crossing would not change.</p>\
<p>Commuters who work on the island said the earlier departure would make their mornings longer but their afternoons easier.</p>\
</article></body></html>";

const PAGE3: &str = "<html><head><title>Choir wins prize</title>\
<meta name=\"date\" content=\"2024-03-06\"></head><body><div class=\"story\">\
<p>The school choir of Port Wrenna won first prize at the regional festival in Lundmark on Saturday, beating eleven other choirs from the coast.</p>\
<p>Its conductor, Mei Larsen, said the singers had rehearsed twice a week since October and thanked the parents who drove them to the festival.</p>\
<p>The choir will sing at the harbour festival in June, the school said.</p>\
</div></body></html>";

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// One WARC record: header lines (Content-Length added), block, CRLF CRLF.
fn record(
    warc_type: &str,
    id: u32,
    uri: Option<&str>,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    let mut h = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Date: 2025-01-15T08:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012}>\r\n"
    );
    if let Some(u) = uri {
        h.push_str(&format!("WARC-Target-URI: {u}\r\n"));
    }
    h.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut r = h.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut b = format!("HTTP/1.1 {status}\r\n");
    for h in headers {
        b.push_str(h);
        b.push_str("\r\n");
    }
    b.push_str("\r\n");
    let mut b = b.into_bytes();
    b.extend_from_slice(body);
    b
}

fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for c in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

const RESP: &str = "application/http; msgtype=response";

/// The test archive's records, in order.
fn records() -> Vec<Vec<u8>> {
    let png = [
        0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
    ];
    vec![
        // 1: warcinfo
        record(
            "warcinfo",
            1,
            None,
            "application/warc-fields",
            b"software: test-builder\r\nformat: WARC File Format 1.0\r\n",
        ),
        // 2: request
        record(
            "request",
            2,
            Some("https://gull.example.org/news/harbour-plan"),
            "application/http; msgtype=request",
            b"GET /news/harbour-plan HTTP/1.1\r\nHost: gull.example.org\r\n\r\n",
        ),
        // 3: HTML response
        record(
            "response",
            3,
            Some("https://gull.example.org/news/harbour-plan"),
            RESP,
            &http(
                "200 OK",
                &[
                    "Content-Type: text/html; charset=utf-8",
                    "Server: test",
                    &format!("Content-Length: {}", PAGE.len()),
                ],
                PAGE.as_bytes(),
            ),
        ),
        // 4: metadata
        record(
            "metadata",
            4,
            Some("https://gull.example.org/news/harbour-plan"),
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
        // 5: image response
        record(
            "response",
            5,
            Some("https://gull.example.org/img/quay.png"),
            RESP,
            &http("200 OK", &["Content-Type: image/png"], &png),
        ),
        // 6: chunked HTML response (the legacy Content-Type casing, folded header)
        record(
            "response",
            6,
            Some("<https://gull.example.org/news/ferry>"),
            RESP,
            &http(
                "200 OK",
                &[
                    "content-type: TEXT/HTML",
                    "Transfer-Encoding: chunked",
                    "X-Long: a",
                    "  folded value",
                ],
                &chunked(PAGE2.as_bytes(), 100),
            ),
        ),
        // 7: redirect (HTML body) and 8: revisit: skipped
        record(
            "response",
            7,
            Some("https://gull.example.org/old"),
            RESP,
            &http(
                "301 Moved Permanently",
                &["Content-Type: text/html", "Location: /news/ferry"],
                b"<html><body>Moved</body></html>",
            ),
        ),
        record(
            "revisit",
            8,
            Some("https://gull.example.org/news/harbour-plan"),
            RESP,
            &http("200 OK", &["Content-Type: text/html"], b""),
        ),
        // 9: gzip Content-Encoding, chunked, no Content-Type (sniffed)
        record(
            "response",
            9,
            Some("https://gull.example.org/news/choir"),
            RESP,
            &http(
                "200 OK",
                &["Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                &chunked(&gz(PAGE3.as_bytes()), 64),
            ),
        ),
    ]
}

/// Records as one gzip member each.
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gz(r)).collect()
}

fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "sourced-intake-warc-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn check_msg(e: &IntakeError, origin: &str) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "multi-line message: {msg:?}");
    assert!(msg.starts_with(&format!("{origin}: ")), "{msg}");
    assert_eq!(e.origin(), origin);
}

fn check_archive_docs(docs: &[RawDocument], file: &str) {
    assert_eq!(docs.len(), 3, "{docs:#?}");
    let d = &docs[0];
    assert_eq!(d.origin, format!("{file}:record 3"));
    assert_eq!(
        d.id.as_deref(),
        Some("urn:uuid:00000000-0000-4000-8000-000000000003")
    );
    assert_eq!(
        d.url.as_deref(),
        Some("https://gull.example.org/news/harbour-plan")
    );
    assert_eq!(d.title.as_deref(), Some("Harbour plan approved"));
    // From the page, not WARC-Date (2025-01-15).
    assert_eq!(d.published.as_deref(), Some("2024-03-04"));
    assert!(
        d.text
            .starts_with("Harbour plan approved\n\nThe town council of Port Wrenna approved"),
        "{}",
        d.text
    );
    assert!(d.text.contains("said the harbour master, Ana Ruiz"));
    assert!(!d.text.contains("HTTP/1.1") && !d.text.contains("Server: test"));
    assert!(!d.text.contains("Copyright"));

    let d = &docs[1];
    assert_eq!(d.origin, format!("{file}:record 6"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://gull.example.org/news/ferry")
    );
    assert_eq!(d.published.as_deref(), Some("2024-03-05"));
    assert!(d.text.starts_with("The morning ferry to Skerrin Island"));
    assert!(d.text.contains("said the operator's spokesman, Per Holm"));
    // No chunk-size lines left in the text.
    assert!(!d.text.contains("\n64\n") && !d.text.lines().any(|l| l.trim() == "0"));
    assert_eq!(d.text.matches("\n\n").count(), 2, "{}", d.text);

    let d = &docs[2];
    assert_eq!(d.origin, format!("{file}:record 9"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://gull.example.org/news/choir")
    );
    assert_eq!(d.title.as_deref(), Some("Choir wins prize"));
    assert_eq!(d.published.as_deref(), Some("2024-03-06"));
    assert!(d.text.contains("Its conductor, Mei Larsen, said"));
}

#[test]
fn warc_gz_per_record_members() {
    let dir = tempdir();
    let p = dir.join("crawl.warc.gz");
    std::fs::write(&p, warc_gz(&records())).unwrap();
    let file = p.display().to_string();
    let docs: Vec<RawDocument> = open(&p).unwrap().map(|r| r.unwrap()).collect();
    check_archive_docs(&docs, &file);
}

#[test]
fn plain_warc_and_sniffing() {
    let plain: Vec<u8> = records().concat();
    let dir = tempdir();
    for name in ["crawl.warc", "crawl.bin", "crawl.WARC"] {
        let p = dir.join(name);
        std::fs::write(&p, &plain).unwrap();
        let docs: Vec<RawDocument> = open(&p).unwrap().map(|r| r.unwrap()).collect();
        check_archive_docs(&docs, &p.display().to_string());
    }
    // Gzip without .gz, sniffed.
    let docs: Vec<_> = from_bytes(&warc_gz(&records()), "-", Format::Auto)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    check_archive_docs(&docs, "-");
    assert_eq!(
        Format::from_path(Path::new("x.warc.gz")),
        (Format::Warc, true)
    );
    assert_eq!(
        Format::from_path(Path::new("x.warc")),
        (Format::Warc, false)
    );
}

#[test]
fn truncated_warc_gz() {
    let recs = records();
    let before: usize = recs[..5].iter().map(|r| gz(r).len()).sum();
    let full = warc_gz(&recs);
    // Cut inside the gzip member of record 6.
    let cut = &full[..before + gz(&recs[5]).len() / 2];
    let items: Vec<_> = from_bytes(cut, "cut.warc.gz", Format::Warc)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().origin, "cut.warc.gz:record 3");
    let e = items[1].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::TruncatedGzip { .. }), "{e}");
    check_msg(e, "cut.warc.gz:record 6");
    // Cut inside the first member: an error from opening.
    let e = from_bytes(&full[..20], "cut0.warc.gz", Format::Warc).unwrap_err();
    assert!(matches!(e, IntakeError::TruncatedGzip { .. }), "{e}");
    check_msg(&e, "cut0.warc.gz");
    // Plain WARC cut inside a record's block.
    let plain = recs.concat();
    let at = recs[..3].iter().map(Vec::len).sum::<usize>() - 200;
    let items: Vec<_> = from_bytes(&plain[..at], "cut.warc", Format::Warc)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 1, "{items:?}");
    let e = items[0].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::Warc { .. }), "{e}");
    check_msg(e, "cut.warc:record 3");
    assert!(e.to_string().contains("cut short"), "{e}");
}

#[test]
fn oversized_html_record_is_skipped() {
    let big_body = {
        let mut b = b"<html><body><p>".to_vec();
        b.resize(MAX_DOCUMENT_BYTES + 100, b'a');
        b
    };
    let big_image = vec![0u8; MAX_DOCUMENT_BYTES + 100];
    let mut recs = records();
    recs.insert(
        2,
        record(
            "response",
            20,
            Some("https://gull.example.org/huge"),
            RESP,
            &http("200 OK", &["Content-Type: text/html"], &big_body),
        ),
    );
    recs.insert(
        3,
        record(
            "response",
            21,
            Some("https://gull.example.org/huge.png"),
            RESP,
            &http("200 OK", &["Content-Type: image/png"], &big_image),
        ),
    );
    let plain = recs.concat();
    let items: Vec<_> = from_bytes(&plain, "big.warc", Format::Warc)
        .unwrap()
        .collect();
    assert_eq!(
        items.len(),
        4,
        "{:?}",
        items
            .iter()
            .map(|i| i.as_ref().map(|d| &d.origin))
            .collect::<Vec<_>>()
    );
    let e = items[0].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::TooLarge { .. }), "{e}");
    check_msg(e, "big.warc:record 3");
    // The following records are read normally (numbers shifted by two).
    assert_eq!(items[1].as_ref().unwrap().origin, "big.warc:record 5");
    assert_eq!(items[3].as_ref().unwrap().origin, "big.warc:record 11");
}

#[test]
fn warc_whole_file_and_record_errors() {
    // Not a WARC.
    let e = from_bytes(b"<html><body>x</body></html>", "page.warc", Format::Warc).unwrap_err();
    assert!(matches!(e, IntakeError::Warc { .. }), "{e}");
    check_msg(&e, "page.warc");
    // Garbage gzip.
    let e = from_bytes(b"\x1f\x8b\x08\x00garbage", "g.warc.gz", Format::Warc).unwrap_err();
    assert!(
        matches!(
            e,
            IntakeError::Gzip { .. } | IntakeError::TruncatedGzip { .. }
        ),
        "{e}"
    );
    check_msg(&e, "g.warc.gz");
    // Only non-HTML records.
    let recs = records();
    let only = [recs[0].clone(), recs[1].clone(), recs[4].clone()].concat();
    let items: Vec<_> = from_bytes(&only, "imgs.warc", Format::Warc)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 1);
    let e = items[0].as_ref().unwrap_err();
    assert!(
        matches!(e, IntakeError::NoHtmlResponse { records: 3, .. }),
        "{e}"
    );
    check_msg(e, "imgs.warc");
    // A record without Content-Length, then garbage, then a good record: one
    // error each for the two bad spots, and the reader finds the next record.
    let mut data = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nlost block\r\n\r\n".to_vec();
    data.extend_from_slice(b"WARC/1.0\r\nWARC-Type response\r\n\r\n");
    data.extend_from_slice(&recs[2]);
    data.extend_from_slice(b"trailing junk\r\n");
    let items: Vec<_> = from_bytes(&data, "bad.warc", Format::Warc)
        .unwrap()
        .collect();
    let shown: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(d) => d.origin.clone(),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(items.len(), 4, "{shown:#?}");
    let e = items[0].as_ref().unwrap_err();
    assert!(matches!(e, IntakeError::Warc { .. }), "{e}");
    check_msg(e, "bad.warc:record 1");
    assert!(e.to_string().contains("Content-Length"), "{e}");
    let e = items[1].as_ref().unwrap_err();
    check_msg(e, "bad.warc:record 2");
    assert!(e.to_string().contains("malformed header line"), "{e}");
    assert_eq!(items[2].as_ref().unwrap().origin, "bad.warc:record 3");
    let e = items[3].as_ref().unwrap_err();
    check_msg(e, "bad.warc:record 4");
}

#[test]
fn warc_legacy_charset_from_http_header() {
    // windows-1252 bytes, declared only in the HTTP header.
    let mut body = b"<html><head><title>Caf\xe9 reopens</title></head><body><article>".to_vec();
    body.extend_from_slice(
        b"<p>The harbour caf\xe9 reopened on Friday after a winter of repairs to its roof and terrace, the owner said.</p>\
<p>\x93We kept the old tables,\x94 said the owner, Lise Dahl, who has run the caf\xe9 for twenty years.</p>\
<p>The terrace will stay open until ten in the evening during the summer months.</p></article></body></html>",
    );
    let rec = record(
        "response",
        1,
        Some("https://gull.example.org/cafe"),
        RESP,
        &http(
            "200 OK",
            &["Content-Type: text/html; charset=windows-1252"],
            &body,
        ),
    );
    let docs: Vec<_> = from_bytes(&rec, "cafe.warc", Format::Warc)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(docs.len(), 1);
    assert!(docs[0]
        .text
        .contains("\u{201C}We kept the old tables,\u{201D} said the owner, Lise Dahl"));
    assert!(docs[0].text.contains("harbour café reopened"));
}

#[test]
fn warc_garbage_never_panics() {
    let plain = records().concat();
    let gzipped = warc_gz(&records());
    let mut cases: Vec<Vec<u8>> = vec![
        b"WARC/1.0".to_vec(),
        b"WARC/1.0\r\n".to_vec(),
        b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\nx".to_vec(),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/".to_vec(),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b".to_vec(),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx".to_vec(),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 57\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\r\n  \r\n    ".to_vec(),
        vec![b'W'; 200_000],
    ];
    for cut in (0..plain.len()).step_by(97) {
        cases.push(plain[..cut].to_vec());
    }
    for cut in (0..gzipped.len()).step_by(83) {
        cases.push(gzipped[..cut].to_vec());
    }
    // Flipped bytes.
    for k in (0..plain.len()).step_by(131) {
        let mut c = plain.clone();
        c[k] ^= 0x5A;
        cases.push(c);
    }
    // The hand-made cases in both modes; the many cuts and flips once (Auto
    // sniffs them as WARC too, and the HTML extraction is the slow part).
    let hand_made = 8;
    for (k, c) in cases.iter().enumerate() {
        let f = if k < hand_made {
            Format::Auto
        } else {
            Format::Warc
        };
        let Ok(s) = from_bytes(c, "g.warc", f) else {
            continue;
        };
        for item in s.take(100) {
            if let Err(e) = item {
                let msg = e.to_string();
                assert!(msg.starts_with("g.warc"), "{msg}");
                assert!(!msg.contains('\n'), "{msg}");
            }
        }
        if k < hand_made {
            let _ = from_bytes(c, "g.warc", Format::Warc).map(|s| s.count());
        }
    }
}

#[test]
fn warc_written_by_warcio() {
    // tests/fixtures/quay-warcio.warc.gz: made by warcio (make_quay_warcio.py):
    // warcinfo, request, a gzip + chunked HTML response, a JPEG response.
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quay-warcio.warc.gz");
    let items: Vec<_> = open(&p).unwrap().collect();
    assert_eq!(items.len(), 1, "{items:?}");
    let d = items[0].as_ref().unwrap();
    assert_eq!(d.origin, format!("{}:record 3", p.display()));
    assert_eq!(
        d.id.as_deref(),
        Some("urn:uuid:75fc3744-c981-4fa0-a6c9-5108cc59a291")
    );
    assert_eq!(d.url.as_deref(), Some("https://port.example/quay"));
    assert_eq!(d.title.as_deref(), Some("Quay opens"));
    // The page's date, not WARC-Date (the day the fixture was written).
    assert_eq!(d.published.as_deref(), Some("2023-06-01"));
    assert!(d
        .text
        .contains("\"It is bigger than we hoped,\" said a fisherman, Jon Eide"));
}
