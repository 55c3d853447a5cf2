//! RSS and Atom feeds: documents, metadata and errors, on the fixtures in
//! `tests/fixtures/` (invented text) and tiny feeds written here.

use std::io::Write;
use std::path::{Path, PathBuf};

use sourced_intake::{from_bytes, open, open_as, Format, IntakeError, RawDocument};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "sourced-intake-feeds-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Checks the one-line, origin-first shape of an error message.
fn check_msg(e: &IntakeError, origin: &str) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "multi-line message: {msg:?}");
    assert!(msg.starts_with(&format!("{origin}: ")), "{msg}");
    assert_eq!(e.origin(), origin);
}

fn open_err(bytes: &[u8], origin: &str, f: Format) -> IntakeError {
    match from_bytes(bytes, origin, f) {
        Ok(s) => panic!("expected an error from opening, got {s:?}"),
        Err(e) => {
            check_msg(&e, origin);
            e
        }
    }
}

#[test]
fn rss_entries_metadata_and_errors() {
    let path = fixture("harbour.rss");
    let file = path.display().to_string();
    let items: Vec<Result<RawDocument, IntakeError>> = open(&path).unwrap().collect();
    assert_eq!(items.len(), 4);

    // Full content (content:encoded in CDATA) wins over the description.
    let d = items[0].as_ref().unwrap();
    assert_eq!(d.origin, format!("{file}:entry 1"));
    assert_eq!(d.id.as_deref(), Some("gull-2024-0412"));
    assert_eq!(
        d.title.as_deref(),
        Some("Harbour plan approved after long debate")
    );
    assert_eq!(
        d.url.as_deref(),
        Some("https://gull.example.org/news/2024/03/04/harbour-plan")
    );
    // "Mon, 04 Mar 2024 23:30:00 -0500": the publisher's day, not UTC's.
    assert_eq!(d.published.as_deref(), Some("2024-03-04"));
    assert!(d
        .text
        .starts_with("The town council of Port Wrenna approved"));
    assert!(d
        .text
        .contains("\u{201C}We expect the first fishing boats to tie up at the new quay next spring,\u{201D} said the harbour master, Ana Ruiz"));
    assert!(d
        .text
        .contains("the town & its fishermen deserved <clear> numbers"));
    assert_eq!(d.text.matches("\n\n").count(), 3, "{}", d.text);
    assert!(!d.text.contains("<p>"));
    assert!(!d.text.contains("approved the harbour plan on Monday."));

    // Escaped HTML description only; no guid → no id.
    let d = items[1].as_ref().unwrap();
    assert_eq!(d.origin, format!("{file}:entry 2"));
    assert_eq!(d.id, None);
    assert_eq!(d.published.as_deref(), Some("2024-03-05"));
    assert_eq!(
        d.text,
        "The morning ferry to Skerrin Island will leave twenty minutes earlier from April, the operator said."
    );

    // No description at all, and a description that is only an image.
    for (k, item) in items[2..].iter().enumerate() {
        let e = item.as_ref().unwrap_err();
        assert!(matches!(e, IntakeError::FeedEntryNoText { .. }), "{e}");
        check_msg(e, &format!("{file}:entry {}", k + 3));
    }
}

#[test]
fn atom_entries_metadata() {
    let path = fixture("harbour.atom");
    let file = path.display().to_string();
    let docs: Vec<RawDocument> = open(&path).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(docs.len(), 3);

    let d = &docs[0];
    assert_eq!(d.origin, format!("{file}:entry 1"));
    assert_eq!(d.id.as_deref(), Some("urn:example:weekly:1001"));
    // type="html" title reduced to text.
    assert_eq!(
        d.title.as_deref(),
        Some("Market square to go car-free on Saturdays")
    );
    // rel="alternate" preferred over rel="self".
    assert_eq!(
        d.url.as_deref(),
        Some("https://weekly.example.net/2024/market-square")
    );
    // <published> wins over <updated>, on the day as written (+01:00).
    assert_eq!(d.published.as_deref(), Some("2024-03-08"));
    assert!(d
        .text
        .starts_with("Cars will be banned from the market square"));
    assert!(d.text.contains(
        "\u{201C}People want to stroll and sit outside, not dodge delivery vans,\u{201D} said the mayor, Ingrid Solvang"
    ));
    assert!(!d.text.contains("Saturdays without cars from May"));

    // Plain-text summary kept as written; <updated> as the date.
    let d = &docs[1];
    assert_eq!(
        d.text,
        "The town library will open on Sunday afternoons.\nVolunteers from the reading club will staff the desk."
    );
    assert_eq!(d.published.as_deref(), Some("2024-03-06"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://weekly.example.net/2024/library-hours")
    );

    // XHTML content.
    let d = &docs[2];
    assert_eq!(
        d.text,
        "The school choir of Port Wrenna won first prize at the regional festival in Lundmark on Saturday, beating eleven other choirs from the coast.\n\nIts conductor, Mei Larsen, said the singers had rehearsed twice a week since October."
    );
    assert_eq!(d.published.as_deref(), Some("2024-03-05"));
}

#[test]
fn feed_formats_by_extension_and_sniffing() {
    assert_eq!(Format::from_path(Path::new("a.rss")), (Format::Feed, false));
    assert_eq!(
        Format::from_path(Path::new("a.ATOM")),
        (Format::Feed, false)
    );
    assert_eq!(
        Format::from_path(Path::new("a.rss.gz")),
        (Format::Feed, true)
    );
    assert_eq!(Format::from_path(Path::new("a.xml")), (Format::Auto, false));

    let rss = std::fs::read(fixture("harbour.rss")).unwrap();
    let atom = std::fs::read(fixture("harbour.atom")).unwrap();
    let dir = tempdir();
    // .xml with a feed root, gzip, unknown extension, stdin-like Auto bytes.
    for (name, bytes, n) in [
        ("news.xml", rss.clone(), 4),
        ("news.rss.gz", gz(&rss), 4),
        ("weekly.atom.gz", gz(&atom), 3),
        ("weekly.data", atom.clone(), 3),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, &bytes).unwrap();
        let items: Vec<_> = open(&p).unwrap().collect();
        assert_eq!(items.len(), n, "{name}");
        assert_eq!(
            items[0].as_ref().unwrap().origin,
            format!("{}:entry 1", p.display())
        );
    }
    // RSS 1.0 (RDF), sniffed from bytes.
    let rdf = br#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.com/"><title>RDF news</title><link>https://rdf.example.com/</link><description>x</description></channel>
  <item rdf:about="https://rdf.example.com/a">
    <title>Bridge reopens</title><link>https://rdf.example.com/a</link>
    <description>The old bridge over the Varn river reopened to cyclists on Sunday.</description>
    <dc:date>2023-11-19T18:00:00-06:00</dc:date>
  </item>
</rdf:RDF>"#;
    let docs: Vec<_> = from_bytes(rdf, "-", Format::Auto)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title.as_deref(), Some("Bridge reopens"));
    assert_eq!(docs[0].url.as_deref(), Some("https://rdf.example.com/a"));
    assert_eq!(docs[0].published.as_deref(), Some("2023-11-19"));
    assert_eq!(docs[0].origin, "-:entry 1");
    // An .xml that is not a feed stays a text document.
    let p = dir.join("other.xml");
    std::fs::write(&p, "<?xml version=\"1.0\"?><note>Buy rope</note>").unwrap();
    let d = open(&p).unwrap().next().unwrap().unwrap();
    assert!(d.text.contains("Buy rope"));
}

#[test]
fn feed_whole_file_errors() {
    // Garbage with a feed extension.
    let e = open_err(b"\x00\x01garbage\xff\xfe not xml", "g.rss", Format::Feed);
    assert!(matches!(e, IntakeError::NotFeed { .. }), "{e}");
    let e = open_err(b"just some words", "w.rss", Format::Feed);
    assert!(matches!(e, IntakeError::NotFeed { .. }), "{e}");
    // An HTML page forced as a feed.
    let e = open_err(
        b"<html><body><p>Hello</p></body></html>",
        "p.atom",
        Format::Feed,
    );
    assert!(matches!(e, IntakeError::NotFeed { .. }), "{e}");
    assert!(e
        .to_string()
        .starts_with("p.atom: not an RSS or Atom feed ("));
    // A feed with no entries.
    let e = open_err(
        b"<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>",
        "quiet.rss",
        Format::Feed,
    );
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    let e = open_err(
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>None</title></feed>",
        "none.atom",
        Format::Auto,
    );
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
    // Truncated gzip of a feed: an error from opening.
    let rss = std::fs::read(fixture("harbour.rss")).unwrap();
    let full = gz(&rss);
    let e = open_err(&full[..full.len() / 2], "cut.rss.gz", Format::Feed);
    assert!(matches!(e, IntakeError::TruncatedGzip { .. }), "{e}");
    // Empty file on disk.
    let dir = tempdir();
    let p = dir.join("empty.rss");
    std::fs::write(&p, b"").unwrap();
    let e = open_as(&p, Format::Feed, false).unwrap_err();
    assert!(matches!(e, IntakeError::Empty { .. }), "{e}");
}

#[test]
fn feed_garbage_never_panics() {
    let rss = std::fs::read(fixture("harbour.rss")).unwrap();
    let atom = std::fs::read(fixture("harbour.atom")).unwrap();
    let mut cases: Vec<Vec<u8>> = vec![
        b"<rss".to_vec(),
        b"<rss version=\"2.0\">".to_vec(),
        b"<rss version=\"2.0\"><channel><item>".to_vec(),
        b"<feed><entry><content type=\"bogus/x\">a</content></entry></feed>".to_vec(),
        b"<feed><entry><content src=\"x\">not empty</content></entry></feed>".to_vec(),
        b"<rss version=\"2.0\"><channel><item><description>&bogus;</description></item></channel></rss>"
            .to_vec(),
        b"<rss version=\"9\"><channel><item><title>x</title></item></channel></rss>".to_vec(),
        format!(
            "<rss version=\"2.0\"><channel><item>{}</item></channel></rss>",
            "<x>".repeat(20_000)
        )
        .into_bytes(),
    ];
    // Every cut of the fixtures.
    for src in [&rss, &atom] {
        for cut in (0..src.len()).step_by(97) {
            cases.push(src[..cut].to_vec());
        }
    }
    for c in &cases {
        for f in [Format::Feed, Format::Auto] {
            if let Ok(s) = from_bytes(c, "g.rss", f) {
                for item in s {
                    if let Err(e) = item {
                        let msg = e.to_string();
                        assert!(msg.starts_with("g.rss"), "{msg}");
                        assert!(!msg.contains('\n'), "{msg}");
                    }
                }
            }
        }
    }
}
