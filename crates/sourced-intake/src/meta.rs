//! Publication date from page metadata, by a single linear scan of the tags
//! (no DOM). Preferred over the extractor's own date, which follows htmldate in
//! favouring the *modified* date and free-text guesses; for a claims ledger the
//! date of first publication is the one that matters.
//!
//! Order: `<meta>` published-time properties (`article:published_time`,
//! `og:published_time`, `itemprop=datePublished`, `pubdate`, Dublin Core, ...),
//! then JSON-LD `"datePublished"`, then `<time itemprop=datePublished|pubdate>`,
//! then generic `<meta name=date>`. Values are normalised to `YYYY-MM-DD`.

/// `<meta>` keys naming the publication time, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "original-publish-date",
    "article:published",
    "rnews:datepublished",
];

/// Generic date keys, used only when no published-specific key is present.
const GENERIC_KEYS: &[&str] = &["date", "dc.date", "dcterms.date", "citation_date"];

/// The publication date declared in the page metadata, as `YYYY-MM-DD`.
pub(crate) fn published_date(html: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None; // (rank, date); lower rank wins
    let generic_base = PUBLISHED_KEYS.len() + 2;
    let bytes = html.as_bytes();
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = match rest.find("-->") {
                Some(e) => lt + e + 3,
                None => break,
            };
            continue;
        }
        let gt = match crate::html::find_tag_end(&bytes[lt..]) {
            Some(e) => lt + e,
            None => break,
        };
        i = gt + 1;
        let inner = &html[lt + 1..gt];
        let name_end = inner
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(inner.len());
        let name = &inner[..name_end];
        if name.eq_ignore_ascii_case("meta") {
            let attrs = attributes(&inner[name_end..]);
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|k| attr(&attrs, k));
            let value = attr(&attrs, "content").or_else(|| attr(&attrs, "datetime"));
            if let (Some(key), Some(value)) = (key, value) {
                let key = key.to_ascii_lowercase();
                if let Some(r) = PUBLISHED_KEYS.iter().position(|k| *k == key) {
                    consider(&mut best, r, value);
                } else if let Some(r) = GENERIC_KEYS.iter().position(|k| *k == key) {
                    consider(&mut best, generic_base + r, value);
                }
            }
        } else if name.eq_ignore_ascii_case("time") {
            let attrs = attributes(&inner[name_end..]);
            let is_pub = attr(&attrs, "itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("datepublished"))
                || attrs.iter().any(|(k, _)| k == "pubdate");
            if is_pub {
                if let Some(v) = attr(&attrs, "datetime") {
                    consider(&mut best, PUBLISHED_KEYS.len() + 1, v);
                }
            }
        } else if name.eq_ignore_ascii_case("script") {
            let attrs = attributes(&inner[name_end..]);
            let end = find_ascii_ci(&html[i..], "</script").map_or(html.len(), |e| i + e);
            if attr(&attrs, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
                if let Some(v) = json_ld_date_published(&html[i..end]) {
                    consider(&mut best, PUBLISHED_KEYS.len(), &v);
                }
            }
            i = end;
        }
        if best.as_ref().is_some_and(|(r, _)| *r == 0) {
            break;
        }
    }
    best.map(|(_, d)| d)
}

/// Keeps `value` if it parses and outranks the current best (lower rank wins).
fn consider(best: &mut Option<(usize, String)>, rank: usize, value: &str) {
    if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
        return;
    }
    if let Some(d) = normalize_date(value) {
        *best = Some((rank, d));
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// Attributes of a start tag (text after the tag name): lower-case names, raw values.
fn attributes(s: &str) -> Vec<(String, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if i == start {
            break;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vstart = i + 1;
                let vend = memchr::memchr(q, &b[vstart..]).map_or(b.len(), |e| vstart + e);
                value = s[vstart..vend].to_string();
                i = (vend + 1).min(b.len());
            } else {
                let vstart = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = s[vstart..i].to_string();
            }
        }
        out.push((name, value));
    }
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// First `"datePublished": "..."` value in a JSON-LD block (any nesting).
fn json_ld_date_published(json: &str) -> Option<String> {
    let key = "\"datePublished\"";
    let mut from = 0usize;
    while let Some(pos) = json[from..].find(key) {
        let after = json[from + pos + key.len()..].trim_start();
        from += pos + key.len();
        if let Some(v) = after.strip_prefix(':') {
            let v = v.trim_start();
            if let Some(v) = v.strip_prefix('"') {
                if let Some(end) = v.find('"') {
                    return Some(v[..end].to_string());
                }
            }
        }
    }
    None
}

/// A full date in a URL path: `/2024/03/04/` or `2024-03-04` (as `YYYY-MM-DD`).
pub(crate) fn url_date(url: &str) -> Option<String> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = &url[path_start..];
    let path = &path[path.find('/').unwrap_or(path.len())..];
    let b = path.as_bytes();
    for start in 0..b.len().saturating_sub(9) {
        let sep = b[start + 4];
        if !(sep == b'/' || sep == b'-') || b[start + 7] != sep {
            continue;
        }
        if start > 0 && b[start - 1].is_ascii_digit() {
            continue;
        }
        let after = b.get(start + 10);
        if after.is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let all_digits = b[start..start + 10]
            .iter()
            .enumerate()
            .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit());
        if all_digits {
            // All ASCII, so these are char boundaries.
            let candidate = path[start..start + 10].replace('/', "-");
            if let Some(d) = normalize_date(&candidate) {
                return Some(d);
            }
        }
    }
    None
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` string (for comparing dates).
fn day_number(ymd: &str) -> Option<i64> {
    let y: i64 = ymd.get(0..4)?.parse().ok()?;
    let m: i64 = ymd.get(5..7)?.parse().ok()?;
    let d: i64 = ymd.get(8..10)?.parse().ok()?;
    // Days-from-civil (proleptic Gregorian).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Chooses the publication date: a date in the article URL is the publisher's
/// local date and wins when the declared one is missing or at most one day off
/// (a UTC timestamp of an evening article); otherwise the declared date wins.
pub(crate) fn choose_published(url: Option<&str>, declared: Option<String>) -> Option<String> {
    let from_url = url.and_then(url_date);
    match (from_url, declared) {
        (Some(u), None) => Some(u),
        (Some(u), Some(d)) => {
            let close = matches!((day_number(&u), day_number(&d)), (Some(a), Some(b)) if (a - b).abs() <= 1);
            Some(if close { u } else { d })
        }
        (None, d) => d,
    }
}

/// `YYYY-MM-DD` from common date forms: ISO 8601 (`2024-03-04`,
/// `2024-03-04T10:00:00Z`, `2024/03/04`, `20240304`), RFC 2822
/// (`Mon, 04 Mar 2024 10:00:00 GMT`) and `March 4, 2024` / `4 March 2024`.
/// The calendar date is kept as written (no time-zone shift).
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    // ISO-like: YYYY-MM-DD / YYYY/MM/DD / YYYY.MM.DD
    if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            if b.len() == 10 || !b[10].is_ascii_digit() {
                return ymd(y, m, d);
            }
        }
    }
    // Compact YYYYMMDD (optionally followed by T...).
    if b.len() >= 8 && (b.len() == 8 || b[8] == b'T') {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(4..6), digits(6..8)) {
            return ymd(y, m, d);
        }
    }
    // Month names: "Mon, 04 Mar 2024 ...", "March 4, 2024", "4 March 2024".
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (k, w) in words.iter().enumerate() {
        if let Some(m) = month(w) {
            let num = |x: Option<&&str>| -> Option<u32> {
                x.and_then(|t| {
                    t.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r'])
                        .parse()
                        .ok()
                })
            };
            let year = |x: Option<&&str>| -> Option<u32> {
                x.filter(|t| t.len() == 4).and_then(|t| t.parse().ok())
            };
            // "March 4, 2024"
            if let (Some(d), Some(y)) = (num(words.get(k + 1)), year(words.get(k + 2))) {
                return ymd(y, m, d);
            }
            // "04 Mar 2024" / "4 March 2024"
            if k > 0 {
                if let (Some(d), Some(y)) = (num(words.get(k - 1)), year(words.get(k + 1))) {
                    return ymd(y, m, d);
                }
            }
        }
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1900..=2200).contains(&y) || d == 0 || d > days {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES
        .iter()
        .position(|n| n.starts_with(&w))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_dates() {
        assert_eq!(normalize_date("2024-03-04").as_deref(), Some("2024-03-04"));
        assert_eq!(
            normalize_date("2024-03-04T23:30:00-05:00").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(normalize_date("2024/3/4"), None);
        assert_eq!(normalize_date("20240304").as_deref(), Some("2024-03-04"));
        assert_eq!(
            normalize_date("Mon, 04 Mar 2024 10:00:00 GMT").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            normalize_date("March 4, 2024").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            normalize_date("4th Sept. 2023").as_deref(),
            Some("2023-09-04")
        );
        assert_eq!(normalize_date("2023-02-29"), None);
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(normalize_date(""), None);
    }

    #[test]
    fn prefers_published_over_modified_and_generic() {
        let html = r#"<html><head>
            <meta name="date" content="2020-01-01">
            <meta property="article:modified_time" content="2024-05-06T08:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-05-06","datePublished":"2024-03-05T09:00:00Z"}</script>
            <meta property='article:published_time' content='2024-03-04T10:00:00Z'/>
            </head><body><p>x</p></body></html>"#;
        assert_eq!(published_date(html).as_deref(), Some("2024-03-04"));
        let json_only = r#"<script type="application/ld+json">{"@graph":[{"datePublished": "2023-11-19"}]}</script>"#;
        assert_eq!(published_date(json_only).as_deref(), Some("2023-11-19"));
        let time = r#"<p>Posted <time pubdate datetime="2022-07-08T10:00">July 8</time></p>"#;
        assert_eq!(published_date(time).as_deref(), Some("2022-07-08"));
        assert_eq!(
            published_date(r#"<meta name=date content=2021-02-03>"#).as_deref(),
            Some("2021-02-03")
        );
        assert_eq!(published_date("<p>no dates</p>"), None);
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            url_date("https://example.com/2019/11/18/some-story").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            url_date("https://example.com/story/2019-11-19/title").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(url_date("https://example.com/2019/11/story"), None);
        assert_eq!(url_date("https://example.com/a/12019/11/18/"), None);
        assert_eq!(url_date("https://2019-11-18.example.com/"), None);
        assert_eq!(url_date("https://example.com/é/2019é11é18/ü"), None);
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        let url = Some("https://example.com/2019/11/18/x");
        assert_eq!(
            choose_published(url, Some("2019-11-19".into())).as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            choose_published(url, Some("2019-10-01".into())).as_deref(),
            Some("2019-10-01")
        );
        assert_eq!(choose_published(url, None).as_deref(), Some("2019-11-18"));
        assert_eq!(choose_published(None, None), None);
    }

    #[test]
    fn unicode_garbage_never_panics() {
        let pieces = [
            "é",
            "2019",
            "/",
            "-",
            "11",
            "ü",
            "<meta ",
            "content=",
            "\"",
            "'",
            ">",
            "datePublished",
            ":",
            "März",
            "<script type=application/ld+json>",
            "</script>",
            "<time pubdate datetime=",
        ];
        let mut x: u32 = 12345;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..12 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            let _ = normalize_date(&s);
            let _ = url_date(&s);
            let _ = published_date(&s);
            let _ = attributes(&s);
        }
    }

    #[test]
    fn attribute_parsing_tolerates_garbage() {
        for s in ["", "=", "a=", "a='", "a=\"x", " / ", "x y=z w='q'"] {
            let _ = attributes(s);
        }
        assert_eq!(
            attributes(" name=\"a b\" content=c/"),
            vec![
                ("name".to_string(), "a b".to_string()),
                ("content".to_string(), "c/".to_string())
            ]
        );
    }
}
