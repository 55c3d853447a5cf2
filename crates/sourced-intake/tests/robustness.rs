//! Hostile inputs: no panic, no stack overflow, bounded time.

use sourced_intake::{from_bytes, html_to_article, Format, IntakeError};

#[test]
fn deeply_nested_html() {
    let depth = 20_000;
    let mut s = String::from("<html><body>");
    for _ in 0..depth {
        s.push_str("<div>");
    }
    s.push_str(
        "<p>Deep text inside many boxes, long enough to count as a paragraph of an article.</p>",
    );
    for _ in 0..depth {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    let e = html_to_article(&s, "deep.html").unwrap_err();
    assert!(matches!(e, IntakeError::HtmlTooDeep { .. }), "{e}");
}

#[test]
fn moderately_nested_html_is_extracted() {
    // Within the limit: extracted on the extractor's own large stack even though
    // test threads have small stacks.
    let depth = 900;
    let mut s = String::from("<html><body>");
    for _ in 0..depth {
        s.push_str("<div>");
    }
    s.push_str(
        "<p>Deep text inside many boxes, long enough to count as a paragraph of an article.</p>",
    );
    for _ in 0..depth {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    let a = html_to_article(&s, "deep.html").unwrap();
    assert!(a.text.starts_with("Deep text"), "{}", a.text);
}

#[test]
fn garbage_html_does_not_panic() {
    let cases = [
        "<",
        "<<<<>>>>",
        "<html",
        "<body><p>",
        "</p></p></body>",
        "<script>",
        "<!--",
        "<html><body><table><tr><td><table><tr><td>x",
        "<p>&#0;&#xD800;&#99999999;</p>",
        "<svg><p>x</svg>",
        "<html><body>\u{FEFF}\u{200B}</body></html>",
    ];
    for c in cases {
        let _ = html_to_article(c, "g.html");
        let _ = from_bytes(c.as_bytes(), "g", Format::Auto).map(|s| s.count());
    }
}

#[test]
fn random_bytes_do_not_panic() {
    // Small xorshift generator: deterministic pseudo-random inputs.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in [1usize, 2, 3, 7, 64, 500, 4096] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect();
            for f in [Format::Auto, Format::Text, Format::Html, Format::Jsonl] {
                let _ = from_bytes(&bytes, "r", f).map(|s| s.count());
            }
        }
    }
}
