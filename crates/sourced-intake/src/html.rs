//! HTML main-content extraction.
//!
//! The article body is found by the `trafilatura` crate (0.6, a Rust port of
//! go-trafilatura) with its readability/justext fallback enabled and the
//! "favor precision" focus. Measured on `shared/data/html` (181 pages; scorer
//! `sourced_eval::html::score_pages`, whitespace words, 4-word shingles):
//!
//! | extractor (setting)                         | precision | recall | F1    |
//! |---------------------------------------------|-----------|--------|-------|
//! | trafilatura 0.6, fallback + precision (used) | 0.954     | 0.975  | 0.964 |
//! | trafilatura 0.6, defaults                   | 0.934     | 0.970  | 0.951 |
//! | dom_smoothie 0.19 (formatted text)          | 0.914     | 0.984  | 0.948 |
//! | rs-trafilatura 0.2.2, defaults              | 0.916     | 0.978  | 0.946 |
//!
//! Reproduce: `cargo run --release -p sourced-intake --example html_bench`.
//!
//! The extractor's cleaned HTML fragment is turned into text here: block
//! elements (`p`, headings, list items, quotes, table rows, ...) become
//! paragraphs separated by `"\n\n"`, whitespace inside a paragraph is collapsed,
//! `<br>` becomes `"\n"`, entities are decoded and soft hyphens dropped.
//!
//! Title and canonical URL come from the page metadata that trafilatura reads
//! (`og:title`, JSON-LD headline, `<title>`; `og:url`, `<link rel=canonical>`).
//! The publication date comes from `meta.rs`: a full date in the canonical URL
//! (publisher-local) if it agrees within a day with the declared *published*
//! time (`article:published_time`, JSON-LD `datePublished`, `<time pubdate>`,
//! ...), else the declared date, else trafilatura's own date (which follows
//! htmldate and may be the modification date); given as `YYYY-MM-DD`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::{one_line, IntakeError};
use crate::MAX_DOCUMENT_BYTES;

/// The main content and metadata of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Article body; paragraphs separated by `"\n\n"`.
    pub text: String,
    /// Page title (`og:title`, JSON-LD headline, `<title>`, ...).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Canonical URL of the page, when declared and absolute.
    pub url: Option<String>,
}

/// Pages nested deeper than this (estimated element depth) are refused: the
/// extractor's cost grows quadratically with depth (about 0.15 s at 500 levels,
/// 4 s at 5,000 in release) and it recurses. Real pages in the benchmark reach 49.
pub const MAX_HTML_DEPTH: usize = 1000;

/// Stack for the extraction thread: the extractor recurses over the DOM, so it
/// does not run on the caller's (possibly small) stack. Only touched pages are
/// committed.
const EXTRACT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs trafilatura on its own thread with a large stack; a panic inside it is
/// returned as `Err(message)`.
fn run_extractor(
    html: &str,
) -> Result<Result<trafilatura::ExtractResult, trafilatura::TrafilaturaError>, String> {
    run_guarded(|| trafilatura::extract(html, &options()))
}

/// Runs `work` on a scoped helper thread with a large stack (parsers that
/// recurse over a document cannot overflow the caller's stack); a panic inside
/// it is returned as `Err(message)`.
pub(crate) fn run_guarded<T: Send>(work: impl FnOnce() -> T + Send) -> Result<T, String> {
    let mut work = Some(work);
    let mut run = || (work.take().expect("work runs once"))();
    let joined = std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("sourced-intake-parse".to_string())
            .stack_size(EXTRACT_STACK_BYTES)
            .spawn_scoped(scope, &mut run)
        {
            Ok(handle) => Some(handle.join()),
            Err(_) => None,
        }
    });
    // If no thread could be spawned, run here (panics still caught).
    let joined = joined.unwrap_or_else(|| catch_unwind(AssertUnwindSafe(run)));
    joined.map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

fn options() -> trafilatura::Options {
    trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision)
}

/// Extracts the article body and metadata from an HTML page.
///
/// Errors: [`IntakeError::TooLarge`] above [`MAX_DOCUMENT_BYTES`],
/// [`IntakeError::HtmlNoBody`] when the page has no `<body>` content,
/// [`IntakeError::NoArticleText`] when nothing article-like was found,
/// [`IntakeError::HtmlTooDeep`] above [`MAX_HTML_DEPTH`] nesting levels,
/// [`IntakeError::Extraction`] if the extractor panicked (caught here).
///
/// The extractor runs on a scoped helper thread with a 64 MiB stack, so deep
/// (but allowed) pages cannot overflow the caller's stack.
pub fn html_to_article(html: &str, origin: &str) -> Result<Article, IntakeError> {
    if html.len() > MAX_DOCUMENT_BYTES {
        return Err(IntakeError::TooLarge {
            origin: origin.to_string(),
            size: format!("{} bytes", html.len()),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let depth = estimate_depth(html, MAX_HTML_DEPTH);
    if depth > MAX_HTML_DEPTH {
        return Err(IntakeError::HtmlTooDeep {
            origin: origin.to_string(),
            limit: MAX_HTML_DEPTH,
        });
    }
    let extracted = run_extractor(html).map_err(|detail| IntakeError::Extraction {
        origin: origin.to_string(),
        detail: one_line(&detail),
    })?;
    let no_text = || {
        if has_body(html) {
            IntakeError::NoArticleText {
                origin: origin.to_string(),
            }
        } else {
            IntakeError::HtmlNoBody {
                origin: origin.to_string(),
            }
        }
    };
    let res = extracted.map_err(|_| no_text())?;
    let text = fragment_to_text(&res.content_html);
    if text.is_empty() {
        return Err(no_text());
    }
    let meta = res.metadata;
    let url = non_empty(meta.url.trim().to_string());
    // Declared publication date (or the URL's date when it agrees); the
    // extractor's date (possibly the modification date) only as fallback.
    let declared = crate::meta::published_date(html);
    let published = crate::meta::choose_published(url.as_deref(), declared)
        .or_else(|| meta.date.map(|d| d.format("%Y-%m-%d").to_string()));
    Ok(Article {
        text,
        title: non_empty(clean_inline(&meta.title)),
        published,
        url,
    })
}

/// Text of an HTML fragment without a page around it (a feed entry's
/// `content:encoded` / `<content type="html">` / description).
///
/// The fragment is wrapped in a minimal page (`<html><body><article>…`) and goes
/// through the same extractor as pages, so share buttons, "read more" links and
/// similar boilerplate inside full-content entries are dropped the same way. The
/// extractor refuses very short texts (a one-sentence summary is "no article"),
/// so when it finds nothing the fragment's own text is used
/// ([`fragment_to_text`]). `Ok("")` when the fragment has no text at all.
pub(crate) fn fragment_article_text(fragment: &str, origin: &str) -> Result<String, IntakeError> {
    if fragment.len() > MAX_DOCUMENT_BYTES {
        return Err(IntakeError::TooLarge {
            origin: origin.to_string(),
            size: format!("{} bytes", fragment.len()),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let plain = fragment_to_text(fragment);
    if plain.is_empty() {
        return Ok(plain);
    }
    let page = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>{fragment}</article></body></html>"
    );
    match html_to_article(&page, origin) {
        Ok(art) => Ok(art.text),
        Err(IntakeError::NoArticleText { .. } | IntakeError::HtmlNoBody { .. }) => Ok(plain),
        Err(e) => Err(e),
    }
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

pub(crate) fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s);
    out.trim_end().to_string()
}

/// Whether the page has a `<body>` tag or any visible text outside `<head>`.
fn has_body(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<body") {
        return true;
    }
    // No <body> tag: body content may still be implied by text after </head>.
    let after_head = match lower.find("</head>") {
        Some(i) => &html[i + "</head>".len()..],
        None => return false,
    };
    !fragment_to_text(after_head).is_empty()
}

/// Elements that are void or commonly left unclosed (closed implicitly by the
/// parser); they do not count towards the nesting estimate.
fn ignored_for_depth(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "td"
            | "th"
            | "tr"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "caption"
    )
}

/// Estimated element nesting depth of an HTML document (open minus close tags,
/// ignoring void and implicitly closed elements, comments and script/style
/// contents). Stops counting once `limit` is exceeded.
pub(crate) fn estimate_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut max = 0usize;
    let mut raw_until: Option<&'static str> = None;
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &html[lt..];
        if raw_until.is_none() && rest.starts_with("<!--") {
            i = match rest.find("-->") {
                Some(e) => lt + e + 3,
                None => break,
            };
            continue;
        }
        let gt = match find_tag_end(&bytes[lt..]) {
            Some(e) => lt + e,
            None => break,
        };
        i = gt + 1;
        let inner = &html[lt + 1..gt];
        let (closing, name) = tag_name(inner);
        if name.is_empty() {
            continue;
        }
        if let Some(end) = raw_until {
            if closing && name == end {
                raw_until = None;
            }
            continue;
        }
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            if !inner.ends_with('/') {
                raw_until = Some(static_name(&name));
            }
            continue;
        }
        if ignored_for_depth(&name) {
            continue;
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(pos);
            }
        } else if !inner.ends_with('/') {
            stack.push(name);
            max = max.max(stack.len());
            if max > limit {
                return max;
            }
        }
    }
    max
}

// ---------------------------------------------------------------------------
// HTML fragment → paragraphs
// ---------------------------------------------------------------------------

/// What a tag does to the text flow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Starts/ends a paragraph.
    Block,
    /// Line break inside a paragraph.
    Break,
    /// Content is dropped (script, style, ...).
    Skip,
    /// Cell separator: a space.
    Cell,
    /// Anything else: text flows through.
    Inline,
}

fn tag_kind(name: &str) -> TagKind {
    match name {
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl"
        | "dt" | "dd" | "blockquote" | "pre" | "table" | "tr" | "thead" | "tbody" | "tfoot"
        | "section" | "article" | "header" | "footer" | "aside" | "main" | "figure"
        | "figcaption" | "hr" | "address" | "details" | "summary" | "caption" | "body" | "html"
        | "form" | "fieldset" | "nav" | "center" | "head" => TagKind::Block,
        "br" => TagKind::Break,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "title" | "textarea" | "select" => TagKind::Skip,
        "td" | "th" => TagKind::Cell,
        _ => TagKind::Inline,
    }
}

/// Converts a (serialised, well-formed) HTML fragment into plain text with
/// paragraphs separated by `"\n\n"`. Tolerates malformed input: unknown or
/// broken markup degrades to text, never panics.
pub(crate) fn fragment_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut para = String::new();
    let mut skip_until: Option<&'static str> = None;
    let bytes = html.as_bytes();
    let mut i = 0usize;
    let flush = |para: &mut String, out: &mut String| {
        let t = para.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(t);
        }
        para.clear();
    };
    while i < bytes.len() {
        let lt = match memchr::memchr(b'<', &bytes[i..]) {
            Some(off) => i + off,
            None => bytes.len(),
        };
        if lt > i && skip_until.is_none() {
            push_text(&mut para, &html[i..lt]);
        }
        if lt >= bytes.len() {
            break;
        }
        // Comment / doctype / CDATA.
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = match rest.find("-->") {
                Some(e) => lt + e + 3,
                None => bytes.len(),
            };
            continue;
        }
        let gt = match find_tag_end(&bytes[lt..]) {
            Some(e) => lt + e,
            None => {
                // '<' without a closing '>': literal text.
                if skip_until.is_none() {
                    push_text(&mut para, &html[lt..]);
                }
                break;
            }
        };
        let inner = &html[lt + 1..gt];
        i = gt + 1;
        let (closing, name) = tag_name(inner);
        if name.is_empty() {
            // "<" followed by something that is not a tag name, e.g. "a < b >".
            if skip_until.is_none() && !inner.starts_with('!') && !inner.starts_with('?') {
                push_text(&mut para, &html[lt..=gt]);
            }
            continue;
        }
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match tag_kind(&name) {
            TagKind::Block => flush(&mut para, &mut out),
            TagKind::Break => {
                let trimmed = para.trim_end().len();
                para.truncate(trimmed);
                if !para.is_empty() {
                    para.push('\n');
                }
            }
            TagKind::Skip => {
                if !closing && !inner.ends_with('/') {
                    skip_until = Some(static_name(&name));
                }
            }
            TagKind::Cell => {
                if !para.is_empty() && !para.ends_with([' ', '\n']) {
                    para.push(' ');
                }
            }
            TagKind::Inline => {}
        }
    }
    flush(&mut para, &mut out);
    out
}

fn static_name(name: &str) -> &'static str {
    match name {
        "script" => "script",
        "style" => "style",
        "noscript" => "noscript",
        "template" => "template",
        "svg" => "svg",
        "math" => "math",
        "iframe" => "iframe",
        "object" => "object",
        "title" => "title",
        "textarea" => "textarea",
        _ => "select",
    }
}

/// Index of the `>` closing a tag that starts at `b[0] == b'<'`, honouring quotes.
pub(crate) fn find_tag_end(b: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &c) in b.iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'>' => return Some(k),
                _ => {}
            },
        }
    }
    None
}

/// (is closing tag, lower-case name) of the text between `<` and `>`.
fn tag_name(inner: &str) -> (bool, String) {
    let (closing, rest) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        (closing, name)
    } else {
        (closing, String::new())
    }
}

/// Appends text (entities decoded, whitespace collapsed) to a paragraph.
fn push_text(para: &mut String, raw: &str) {
    if raw.contains('&') {
        push_collapsed(para, &decode_entities(raw));
    } else {
        push_collapsed(para, raw);
    }
}

fn push_collapsed(out: &mut String, s: &str) {
    // No leading space in a paragraph, no double spaces.
    let mut pending_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in s.chars() {
        if c == '\u{00AD}' {
            continue; // soft hyphen
        }
        if c.is_whitespace() {
            // includes U+00A0 no-break space
            if !pending_space {
                out.push(' ');
                pending_space = true;
            }
        } else {
            out.push(c);
            pending_space = false;
        }
    }
}

/// Decodes the character references that serialisers emit (named basics and
/// numeric). Unknown references stay as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&k| k <= 32);
        let decoded = semi.and_then(|k| {
            let ent = &after[..k];
            let c = if let Some(num) = ent.strip_prefix('#') {
                let v = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    num.parse::<u32>().ok()
                };
                v.and_then(char::from_u32)
            } else {
                named_entity(ent)
            };
            c.map(|c| (c, k))
        });
        match decoded {
            Some((c, k)) => {
                out.push(c);
                rest = &after[k + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_paragraphs() {
        let html = "<p>First  para\n with <b>bold</b> &amp; more.</p><h2>Head</h2>\
                    <ul><li>one</li><li>two</li></ul><p>line<br>break</p><script>x()</script>";
        assert_eq!(
            fragment_to_text(html),
            "First para with bold & more.\n\nHead\n\none\n\ntwo\n\nline\nbreak"
        );
    }

    #[test]
    fn fragment_entities_and_soft_hyphen() {
        assert_eq!(
            fragment_to_text("<p>a&nbsp;b &#8220;c&#x201D; d\u{00AD}e &bogus; x</p>"),
            "a b “c” de &bogus; x"
        );
    }

    #[test]
    fn depth_estimate() {
        assert_eq!(estimate_depth("<div><p>a<div>b</div></div>", 100), 2);
        assert_eq!(estimate_depth("<p>a<p>b<p>c<br><img src=x>", 100), 0);
        assert_eq!(
            estimate_depth("<script>'<div><div>'</script><span>x</span>", 100),
            1
        );
        assert_eq!(estimate_depth(&"<div>".repeat(50), 10), 11);
    }

    #[test]
    fn fragment_malformed_never_panics() {
        for s in [
            "<",
            "<<",
            "<p",
            "a < b",
            "<p>x</p><!-- open",
            "&",
            "&#",
            "&#xZZ;",
            "<p a='>'>t</p>",
            "é<é>",
            "<script>never closed",
            "</>",
            "<1>",
            "&#1114112;",
        ] {
            let _ = fragment_to_text(s);
        }
        assert_eq!(fragment_to_text("a < b"), "a < b");
        assert_eq!(fragment_to_text("<p a='>'>t</p>"), "t");
    }
}
