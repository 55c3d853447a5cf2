//! Stage *segment*: tokens, paragraphs and sentences.
//!
//! A hand-written scanner rather than UAX#29: news text needs abbreviations ("U.S.", "Jan.",
//! "Gen.", "No. 2"), possessive apostrophes that are not quotation marks ("Workers’ Party"), and
//! quotation marks classified as opening or closing once, here, for every later stage.

use crate::doc::{flag, Doc, Sentence, Span, TokKind, Token};

/// Abbreviations that keep their period and do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "mt", "ft", "pres",
    "supt", "insp", "det", "cmdr", "brig", "pvt", "hon", "atty", "dept", "univ", "ave", "blvd",
    "fig", "approx", "est", "gov't", "govt", "messrs", "mme", "mlle", "sgt.maj", "lt.col",
];

/// Abbreviations whose period may also end a sentence ("... in the U.S. The next ...").
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "u.s.", "u.k.", "u.n.", "e.u.", "a.m.", "p.m.", "d.c.", "etc.", "inc.", "ltd.", "co.", "jr.",
    "sr.",
];

/// Capitalised words that usually start a sentence rather than continue a name.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Some",
    "Many",
    "Most",
    "Other",
    "Officials",
    "However",
    "Meanwhile",
    "According",
    "Since",
    "Last",
    "Earlier",
    "Later",
    "Now",
    "Still",
];

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`'
    )
}

/// `is_word_char` for the ASCII bytes, by value.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokenises `doc.text` and fills `tokens`, `paragraphs` and `sentences`.
pub fn segment(doc: &mut Doc) {
    let text = doc.text.as_str();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut paragraphs = Vec::new();
    tokenize(text, &mut tokens, &mut paragraphs);
    let sentences = split_sentences(text, &mut tokens, &paragraphs);
    doc.quoted = pair_quotation_marks(text, &tokens, &paragraphs);
    let w = crate::words::words();
    doc.classes = tokens
        .iter()
        .map(|t| {
            if t.kind == TokKind::Word {
                w.class(&text[t.span.start()..t.span.end()])
            } else {
                0
            }
        })
        .collect();
    doc.tokens = tokens;
    doc.paragraphs = paragraphs;
    doc.sentences = sentences;
}

/// Pairs opening and closing marks within each paragraph. Inner quotations (single marks
/// inside double ones) stay inside the outer region. A closing mark closes the nearest open
/// mark of its own kind (double or single), so a single mark left open inside a double
/// quotation ("if I asked ‘em,”) does not keep the quotation open. An opening mark left
/// unclosed runs to the end of its paragraph: the news convention for quotations continued
/// in the next paragraph.
///
/// A paragraph wrapped whole in straight double marks that holds quotations in typographic
/// double marks (`"“We will win,” Lee said before leaving."`), or the other way round, is
/// a pasted excerpt of another text, not one speaker's words (a nested quotation takes
/// single marks): its inner quotations are the regions, and the excerpt's own words are
/// read as narrative.
pub fn pair_quotation_marks(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Span],
) -> Vec<crate::doc::Quoted> {
    use crate::doc::Quoted;
    // 0: a single mark (‘ ’ ` '; a doubled '' is a double mark), 1: a straight double
    // mark (" or ''), 2: a typographic double mark
    let style = |t: &Token| {
        let s = &text.as_bytes()[t.span.start()..t.span.end()];
        if s == b"'" || s == b"`" || s == "‘".as_bytes() || s == "’".as_bytes() {
            0u8
        } else if s[0] == b'"' || s[0] == b'\'' {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut t = 0;
    let mut stack: Vec<(usize, u8)> = Vec::new();
    // quotations right inside an outer one in the other double-mark style
    let mut pasted: Vec<Quoted> = Vec::new();
    for para in paragraphs {
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= para.end {
            t += 1;
        }
        stack.clear();
        pasted.clear();
        for i in first..t {
            match tokens[i].kind {
                TokKind::OpenQuote => stack.push((i, style(&tokens[i]))),
                TokKind::CloseQuote if !stack.is_empty() => {
                    let kind = style(&tokens[i]);
                    // the nearest open mark of the same kind, else the innermost one
                    let at = stack
                        .iter()
                        .rposition(|&(_, s)| (s == 0) == (kind == 0))
                        .unwrap_or(stack.len() - 1);
                    let (open_at, open_style) = stack[at];
                    stack.truncate(at);
                    let region = Quoted {
                        inner: Span {
                            start: tokens[open_at].span.end,
                            end: tokens[i].span.start,
                        },
                        open_tok: open_at as u32,
                        end_tok: i as u32 + 1,
                        unclosed: false,
                    };
                    if stack.is_empty() {
                        if !pasted.is_empty() && tokens[open_at].is(flag::PARA_START) && i + 1 == t
                        {
                            out.append(&mut pasted);
                        } else {
                            out.push(region);
                        }
                        pasted.clear();
                    } else if at == 1 && open_style != 0 && open_style + stack[0].1 == 3 {
                        pasted.push(region);
                    }
                }
                _ => {}
            }
        }
        if let Some(&(open_at, _)) = stack.first() {
            if !pasted.is_empty() && tokens[open_at].is(flag::PARA_START) {
                out.append(&mut pasted);
            } else if open_at + 1 < t {
                out.push(Quoted {
                    inner: Span {
                        start: tokens[open_at].span.end,
                        end: tokens[t - 1].span.end,
                    },
                    open_tok: open_at as u32,
                    end_tok: t as u32,
                    unclosed: true,
                });
            }
        }
    }
    out
}

fn tokenize(text: &str, tokens: &mut Vec<Token>, paragraphs: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    let mut para_start = true;
    let mut para_begin = 0usize;
    let mut para_has_tokens = false;
    // Whether a single opening mark (‘ or ') awaits its close in this paragraph: only then is a
    // ’ after a word a closing mark rather than an apostrophe.
    let mut single_open = false;
    let mut double_open = false;
    while i < bytes.len() {
        let c = next_char(text, i);
        let clen = c.len_utf8();
        if c == '\n' {
            if para_has_tokens {
                paragraphs.push(Span::new(para_begin, last_end(tokens)));
            }
            para_has_tokens = false;
            para_start = true;
            space_before = true;
            single_open = false;
            double_open = false;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            space_before = true;
            i += clen;
            continue;
        }
        if !para_has_tokens {
            para_begin = i;
            para_has_tokens = true;
        }
        let start = i;
        let mut flags = 0u8;
        if space_before {
            flags |= flag::SPACE_BEFORE;
        }
        if para_start {
            flags |= flag::PARA_START;
        }
        let kind;
        if c.is_ascii_digit() {
            i = scan_number(bytes, i);
            kind = TokKind::Number;
        } else if is_word_char(c) {
            let (end, has_period) = scan_word(text, i);
            i = end;
            kind = TokKind::Word;
            if has_period {
                flags |= flag::HAS_PERIOD;
            }
            let word = &text[start..i];
            let first = word.chars().next().unwrap_or('a');
            if first.is_uppercase() || is_arabic_article_name(word) {
                flags |= flag::CAPITALIZED;
                // the lowercase test first: it ends at the second letter of most names
                if !word.chars().any(|c| c.is_lowercase())
                    && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                {
                    flags |= flag::ALL_CAPS;
                }
            }
        } else if (c == '’' || c == '\'' || c == '‘') && is_possessive_s(text, i, clen) {
            // "Trump‘s": a left mark glued to a word is a mistyped apostrophe, not a quotation
            i += clen + 1;
            kind = TokKind::Word;
        } else if (c == '’' || c == '\'')
            && bytes
                .get(i + clen..i + clen + 3)
                .is_some_and(|d| d[0].is_ascii_digit() && d[1].is_ascii_digit() && d[2] == b's')
        {
            // "the late ’70s": the mark stands for the elided century, it opens no quotation
            i += clen;
            kind = TokKind::Punct;
        } else if is_quote_char(c) {
            // Two straight apostrophes ('') are a double quotation mark in some archives.
            // Three ('''), with a single quotation open, close the single one first.
            let doubled = c == '\''
                && bytes.get(i + 1) == Some(&b'\'')
                && !(single_open && bytes.get(i + 2) == Some(&b'\''));
            let (c, clen) = if doubled { ('"', 2) } else { (c, clen) };
            let prev = text[..i].chars().next_back();
            let next = text[i + clen..].chars().next();
            let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
            let before_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–…".contains(n));
            kind = match c {
                // a left mark glued to the end of a word and followed by a space closes
                // ("fascist?“ he asked"), a right mark after a space glued to the next word
                // opens ("so ”appeared"): mistyped marks, read by position
                '“' if !after_space && before_space && next.is_some() => TokKind::CloseQuote,
                '”' if after_space && !before_space && prev.is_some() => TokKind::OpenQuote,
                // a paragraph never opens by closing a quotation: "” … he said it,” Lee wrote"
                '”' if para_start => TokKind::OpenQuote,
                '“' | '„' | '«' | '‹' => TokKind::OpenQuote,
                '”' | '»' | '›' | '‟' => TokKind::CloseQuote,
                '‘' | '`' => {
                    single_open = true;
                    TokKind::OpenQuote
                }
                '’' | '\'' => {
                    if after_space && !before_space && c == '\'' {
                        single_open = true;
                        TokKind::OpenQuote
                    } else if after_space && !before_space && c == '’' && !single_open {
                        // ’ opening a quote is a typesetting error, but common; an elided
                        // year (’90s) is a word, handled by the number scanner anyway.
                        single_open = true;
                        TokKind::OpenQuote
                    } else if single_open {
                        single_open = false;
                        TokKind::CloseQuote
                    } else {
                        TokKind::Punct
                    }
                }
                _ => {
                    // Straight double mark: position first, then alternation.
                    let opens = if after_space != before_space {
                        after_space
                    } else {
                        !double_open
                    };
                    double_open = opens;
                    if opens {
                        TokKind::OpenQuote
                    } else {
                        TokKind::CloseQuote
                    }
                }
            };
            i += clen;
        } else if matches!(c, '.' | '!' | '?' | '…') {
            i += clen;
            while i < bytes.len() && matches!(bytes[i], b'.' | b'!' | b'?') {
                i += 1;
            }
            kind = TokKind::Terminal;
        } else if matches!(c, '—' | '–') {
            i += clen;
            kind = TokKind::Dash;
        } else if c == '-' && i + 1 < bytes.len() && bytes[i + 1] == b'-' {
            i += 2;
            kind = TokKind::Dash;
        } else if c == '-' && space_before && bytes.get(i + 1).is_some_and(|b| *b == b' ') {
            i += 1;
            kind = TokKind::Dash;
        } else {
            i += clen;
            kind = TokKind::Punct;
        }
        tokens.push(Token {
            span: Span::new(start, i),
            kind,
            flags,
        });
        space_before = false;
        para_start = false;
    }
    if para_has_tokens {
        paragraphs.push(Span::new(para_begin, last_end(tokens)));
    }
}

/// "’s" glued to the word before it: a possessive, not a quotation mark.
fn is_possessive_s(text: &str, i: usize, clen: usize) -> bool {
    let prev_is_word = text[..i].chars().next_back().is_some_and(is_word_char);
    let rest = &text[i + clen..];
    prev_is_word && rest.starts_with('s') && !rest[1..].chars().next().is_some_and(is_word_char)
}

fn last_end(tokens: &[Token]) -> usize {
    tokens.last().map_or(0, |t| t.span.end())
}

#[inline]
fn next_char(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

/// Digits with separators and decimals ("2,700", "2.7", "10:30"), plus a glued suffix
/// ("3rd", "1990s", "2.7m", "25-year-old" stops at the hyphen).
fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        let separator =
            matches!(b, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if b.is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// A word: letters and digits, inner hyphens ("Seong-kweun"), inner apostrophes ("don't", but
/// not the possessive "’s", which becomes its own token), dotted abbreviations ("U.S.", "p.m.")
/// and known abbreviations with their period ("Gen.", "Jan.").
fn scan_word(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut has_period = false;
    loop {
        // run of word characters
        while i < bytes.len() {
            // ASCII needs no decoding: one table look-up per byte
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_WORD[usize::from(b)] {
                    i += 1;
                    continue;
                }
                break;
            }
            let c = next_char(text, i);
            if is_word_char(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i >= bytes.len() {
            break;
        }
        let c = next_char(text, i);
        // most words end at a space or at a mark that joins nothing: no need to look further
        if !matches!(c, '-' | '‐' | '\'' | '’' | '‘' | '.') {
            break;
        }
        let after = text[i + c.len_utf8()..].chars().next();
        let after_is_word = after.is_some_and(is_word_char);
        if (c == '-' || c == '‐') && after_is_word {
            i += c.len_utf8();
            continue;
        }
        if (c == '\'' || c == '’' || c == '‘') && after_is_word {
            // possessive 's / ’s stays a separate token; contractions stay glued
            let rest = &text[i + c.len_utf8()..];
            let is_possessive_s =
                rest.starts_with('s') && !rest[1..].chars().next().is_some_and(is_word_char);
            if is_possessive_s {
                break;
            }
            i += c.len_utf8();
            continue;
        }
        if c == '.' {
            let word = &text[start..i];
            // dotted abbreviation: single letters separated by periods (U.S., p.m., U.N.)
            let single_letter_run = word
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
            if single_letter_run && (after.is_some_and(char::is_alphabetic)) {
                let rest = &text[i + 1..];
                let mut chars = rest.chars();
                let next_letter = chars.next();
                let then = chars.next();
                if next_letter.is_some_and(char::is_alphabetic)
                    && (then == Some('.') || then.is_none_or(|t| !is_word_char(t)))
                {
                    i += 1;
                    has_period = true;
                    continue;
                }
            }
            if single_letter_run && has_period {
                // closing period of "U.S."
                i += 1;
                break;
            }
            // case-blind compares with the lowercase lists: no lowercase copy per word
            let is = |a: &str| word.eq_ignore_ascii_case(a);
            let single_initial = word.chars().count() == 1
                && word.chars().all(char::is_uppercase)
                && after == Some(' ');
            let number_abbrev = (is("no") || is("nos"))
                && text[i + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            if ABBREVIATIONS.iter().any(|a| is(a)) || single_initial || number_abbrev {
                i += 1;
                has_period = true;
            }
        }
        break;
    }
    (i, has_period)
}

fn split_sentences(text: &str, tokens: &mut [Token], paragraphs: &[Span]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut para_idx = 0u32;
    let mut start_tok = 0usize;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // paragraph boundary before token i (other than the first)
        if i > start_tok && tokens[i].is(flag::PARA_START) {
            push_sentence(&mut sentences, tokens, start_tok, i, para_idx);
            start_tok = i;
        }
        if tokens[i].is(flag::PARA_START) && i > 0 {
            para_idx = paragraphs
                .partition_point(|p| p.end <= tokens[i].span.start)
                .min(paragraphs.len().saturating_sub(1)) as u32;
        }
        let t = tokens[i];
        let ends = match t.kind {
            TokKind::Terminal => true,
            TokKind::Word if t.is(flag::HAS_PERIOD) => {
                let w = &text[t.span.start()..t.span.end()];
                SENTENCE_FINAL_ABBREVIATIONS
                    .iter()
                    .any(|a| w.eq_ignore_ascii_case(a))
                    && tokens.get(i + 1).is_some_and(|n| {
                        SENTENCE_STARTERS.contains(&&text[n.span.start()..n.span.end()])
                    })
            }
            _ => false,
        };
        if ends {
            // absorb closing quotes and brackets that follow the terminal
            let mut j = i + 1;
            while j < n
                && !tokens[j].is(flag::SPACE_BEFORE)
                && (tokens[j].kind == TokKind::CloseQuote
                    || matches!(
                        &text[tokens[j].span.start()..tokens[j].span.end()],
                        ")" | "]"
                    ))
            {
                j += 1;
            }
            let boundary = match tokens.get(j) {
                None => true,
                Some(next) => {
                    next.is(flag::PARA_START)
                        || (next.is(flag::SPACE_BEFORE) && starts_sentence(text, next))
                }
            };
            if boundary && j > start_tok {
                push_sentence(&mut sentences, tokens, start_tok, j, para_idx);
                start_tok = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start_tok < n {
        push_sentence(&mut sentences, tokens, start_tok, n, para_idx);
    }
    sentences
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokKind::OpenQuote | TokKind::Number | TokKind::Dash => true,
        TokKind::Word => text[t.span.start()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase()),
        TokKind::Punct => matches!(&text[t.span.start()..t.span.end()], "(" | "[" | "\"" | "'"),
        _ => false,
    }
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &mut [Token], a: usize, b: usize, para: u32) {
    tokens[a].flags |= flag::SENT_START;
    out.push(Sentence {
        span: Span {
            start: tokens[a].span.start,
            end: tokens[b - 1].span.end,
        },
        tokens: (a as u32, b as u32),
        paragraph: para,
    });
}

/// "al-Shabab", "el-Sisi", "ash-Sharq": a lowercase Arabic article joined to a capitalised
/// name is a capitalised name.
fn is_arabic_article_name(word: &str) -> bool {
    let b = word.as_bytes();
    // every article below starts with 'a' or 'e'
    if !matches!(b.first(), Some(b'a' | b'e')) {
        return false;
    }
    let Some(dash) = b.iter().take(4).position(|&c| c == b'-') else {
        return false;
    };
    matches!(
        &b[..dash],
        b"al" | b"el" | b"ad" | b"as" | b"ash" | b"at" | b"az" | b"an" | b"ar"
    ) && b.get(dash + 1).is_some_and(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Doc {
        let mut doc = Doc {
            text: text.to_string(),
            ..Doc::default()
        };
        segment(&mut doc);
        doc
    }

    fn sentences(text: &str) -> Vec<String> {
        let doc = seg(text);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    fn toks(text: &str) -> Vec<String> {
        let doc = seg(text);
        doc.tokens
            .iter()
            .map(|t| doc.slice(t.span).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sentences(
            "Gen. Ana Ruiz met U.S. envoys on Jan. 5 in Vilnius. She left at 3 p.m. on Friday. No. 2 was next.",
        );
        assert_eq!(
            s,
            vec![
                "Gen. Ana Ruiz met U.S. envoys on Jan. 5 in Vilnius.",
                "She left at 3 p.m. on Friday.",
                "No. 2 was next."
            ]
        );
    }

    #[test]
    fn sentence_final_us_splits_before_a_starter() {
        let s = sentences("The envoy flew to the U.S. The talks begin today.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn quotes_broken_by_cue_stay_with_their_sentence() {
        let s = sentences("“Why now?” she asked. “We waited,” he said.");
        assert_eq!(s, vec!["“Why now?” she asked.", "“We waited,” he said."]);
    }

    #[test]
    fn paragraphs_always_end_sentences() {
        let doc = seg("A headline without stop\n\nThe body starts here. Then more.");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[2].paragraph, 1);
    }

    #[test]
    fn mistyped_left_mark_as_apostrophe_is_not_a_quote() {
        let doc = seg("Ruiz‘s plan, she said, was bold.");
        assert!(doc.quoted.is_empty(), "{:?}", doc.quoted);
        assert!(toks("Ruiz‘s plan").contains(&"‘s".to_string()));
    }

    #[test]
    fn possessive_apostrophe_is_not_a_quote() {
        let doc = seg("The Farmers’ Union said ‘no’ to Seoul’s plan.");
        let quotes: Vec<_> = doc
            .tokens
            .iter()
            .filter(|t| matches!(t.kind, TokKind::OpenQuote | TokKind::CloseQuote))
            .map(|t| (doc.slice(t.span).to_string(), t.kind))
            .collect();
        assert_eq!(
            quotes,
            vec![
                ("‘".to_string(), TokKind::OpenQuote),
                ("’".to_string(), TokKind::CloseQuote)
            ]
        );
        assert!(toks("Seoul’s plan").contains(&"’s".to_string()));
    }

    #[test]
    fn straight_quotes_are_classified_by_position() {
        let doc = seg("He said \"stop,\" and left. \"Go\" was the reply.");
        let kinds: Vec<_> = doc
            .tokens
            .iter()
            .filter(|t| doc.slice(t.span) == "\"")
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                TokKind::OpenQuote,
                TokKind::CloseQuote,
                TokKind::OpenQuote,
                TokKind::CloseQuote
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        let doc = seg("''We will win,'' she said. The team's ''best'' year.");
        assert_eq!(doc.quoted.len(), 2);
        assert_eq!(doc.slice(doc.quoted[0].inner), "We will win,");
        assert_eq!(doc.slice(doc.quoted[1].inner), "best");
    }

    #[test]
    fn numbers_and_hyphenated_words() {
        assert_eq!(
            toks("Lee Seong-kweun: 2,700 hurt, 3.5%."),
            vec![
                "Lee",
                "Seong-kweun",
                ":",
                "2,700",
                "hurt",
                ",",
                "3.5",
                "%",
                "."
            ]
        );
    }
}
