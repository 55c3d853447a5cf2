//! Stage *clean*: from raw article text to the cleaned text every span refers to.
//!
//! Drops scrape debris that would otherwise be read as sentences ("Advertisement", share bars,
//! "Read more" lines, photo credits), normalises line endings and exotic spaces, and records in
//! [`Doc::removed`] what was dropped, with its raw offsets, so nothing disappears silently.

use crate::doc::{Doc, Removed};

/// Lines that are debris when they stand alone (compared lowercased, trimmed of punctuation).
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "read full article",
    "see more",
    "show more",
    "load more",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "comments",
    "subscribe",
    "subscribe now",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related topics",
    "more on this story",
    "top stories",
    "most read",
    "trending",
    "recommended",
    "skip to content",
    "skip to main content",
    "listen to this article",
    "image caption",
    "media caption",
    "image source",
    "getty images",
    "view comments",
    "back to top",
];

/// Line prefixes that mark debris ("Read more: ...", "Photo: ...").
const BOILERPLATE_PREFIXES: &[&str] = &[
    "read more:",
    "read more -",
    "read more about",
    "read also:",
    "also read:",
    "related:",
    "see also:",
    "watch:",
    "listen:",
    "photo:",
    "photograph:",
    "photo credit",
    "image:",
    "image source:",
    "image caption:",
    "media caption",
    "picture:",
    "file photo:",
    "sign up for",
    "sign up to",
    "subscribe to",
    "follow us on",
    "click here",
    "copyright ©",
    "© ",
    "all rights reserved",
];

fn is_boilerplate(line: &str) -> bool {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·'));
    if trimmed.is_empty() || trimmed.len() > 120 {
        return false;
    }
    let lower = trimmed.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '…', '>', '»', '›']);
    if BOILERPLATE_LINES.contains(&bare.trim()) {
        return true;
    }
    if BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Photo credits: a short line ending in an agency credit ("... / Getty Images", "(AFP)").
    let credit_tail = [
        "/ getty images",
        "/getty images",
        "/ afp",
        "/afp",
        "/ reuters",
        "/reuters",
        "(afp)",
        "(reuters)",
        "/ ap",
        "(ap photo)",
    ];
    trimmed.len() < 100 && credit_tail.iter().any(|t| lower.ends_with(t))
}

/// Fills `doc.text` and `doc.removed` from `raw`.
///
/// With `keep_text` the text is taken as it is, so offsets refer to the input exactly
/// (needed for scoring against annotated corpora).
pub fn clean(doc: &mut Doc, raw: &str, keep_text: bool) {
    if keep_text {
        doc.text = raw.to_string();
        return;
    }
    let mut out = String::with_capacity(raw.len());
    let mut pos = 0;
    for line in raw.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if is_boilerplate(body) {
            doc.removed.push(Removed {
                raw_start: line_start,
                raw_end: line_start + body.len(),
                at: out.len(),
                text: body.to_string(),
                reason: "boilerplate",
            });
            continue;
        }
        push_normalised(&mut out, body);
        if line.len() > body.len() {
            out.push('\n');
        }
    }
    collapse_blank_lines(&mut out);
    doc.text = out;
}

/// Copies a line, mapping exotic spaces to ' ' and dropping zero-width characters and
/// trailing spaces, so the segmenter only ever sees ' ' and '\n' as whitespace.
fn push_normalised(out: &mut String, line: &str) {
    if line.is_ascii() && !line.contains('\t') {
        out.push_str(line.trim_end());
        return;
    }
    let start = out.len();
    // runs of ordinary characters are copied whole; only the odd ones are mapped
    let mut run = 0;
    for (k, c) in line.char_indices() {
        let put = match c {
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                Some(' ')
            }
            '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}' => None,
            '\r' => None,
            _ => continue,
        };
        out.push_str(&line[run..k]);
        out.extend(put);
        run = k + c.len_utf8();
    }
    out.push_str(&line[run..]);
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
}

/// Leading blank lines go, and runs of blank lines fold into one, so paragraphs are
/// separated by exactly "\n\n" or "\n" as the source had them.
fn collapse_blank_lines(text: &mut String) {
    if !text.contains("\n\n\n") && !text.starts_with('\n') && !text.ends_with('\n') {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut newlines = 0;
    for c in text.chars() {
        if c == '\n' {
            newlines += 1;
            continue;
        }
        if newlines > 0 && !out.is_empty() {
            out.push_str(if newlines > 1 { "\n\n" } else { "\n" });
        }
        newlines = 0;
        out.push(c);
    }
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(raw: &str) -> Doc {
        let mut doc = Doc::default();
        clean(&mut doc, raw, false);
        doc
    }

    #[test]
    fn drops_advertisement_lines_and_records_them() {
        let raw = "First para.\n\nAdvertisement\n\nSecond para.\n";
        let doc = cleaned(raw);
        assert_eq!(doc.text, "First para.\n\nSecond para.");
        assert_eq!(doc.removed.len(), 1);
        let r = &doc.removed[0];
        assert_eq!(&raw[r.raw_start..r.raw_end], "Advertisement");
    }

    #[test]
    fn keeps_sentences_that_merely_mention_boilerplate_words() {
        let doc = cleaned("Share prices fell.\nThe advertisement ran for weeks.");
        assert_eq!(
            doc.text,
            "Share prices fell.\nThe advertisement ran for weeks."
        );
        assert!(doc.removed.is_empty());
    }

    #[test]
    fn drops_read_more_and_credit_lines() {
        let doc =
            cleaned("Body text here.\nREAD MORE: Another story\nA man walks. / Getty Images\nEnd.");
        assert_eq!(doc.text, "Body text here.\nEnd.");
        assert_eq!(doc.removed.len(), 2);
    }

    #[test]
    fn normalises_spaces_and_line_endings() {
        let doc = cleaned("One\u{a0}two\r\n\r\n\r\nthree\u{200b}.  \r\n");
        assert_eq!(doc.text, "One two\n\nthree.");
    }

    #[test]
    fn keep_text_leaves_input_untouched() {
        let mut doc = Doc::default();
        clean(&mut doc, "Advertisement\n x ", true);
        assert_eq!(doc.text, "Advertisement\n x ");
        assert!(doc.removed.is_empty());
    }
}
