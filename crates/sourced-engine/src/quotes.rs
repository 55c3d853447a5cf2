//! Stage *quotes*: reported speech, direct, mixed and indirect, with speaker, cue, cites and
//! via.
//!
//! Direct quotations come from the quotation-mark regions the segmenter paired; each looks for
//! its cue next to it (`“…,” X said`, `said X`, `X said: “…”`). Indirect speech comes from speech
//! verbs outside quotation marks, in three shapes: `X said (that) …`, `…, X said` and
//! `according to X, …`. A speaker phrase resolves to an entity through the mentions the
//! entities and coreference stages left; a phrase that names no entity ("two legislators",
//! "security sources") becomes a descriptor entity of its own.

use crate::doc::{Doc, Entity, EntityKind, Mention, MentionKind, Quote, QuoteKind, Span, TokKind};
use crate::words::{class, words};
use rustc_hash::FxHashSet;

/// Words skipped between a subject and its cue ("has previously claimed", "also revealed").
const AUX_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "also",
    "previously",
    "later",
    "earlier",
    "then",
    "further",
    "once",
    "repeatedly",
    "separately",
    "publicly",
    "recently",
    "reportedly",
    "again",
    "already",
    "further",
    "had",
    "would",
    "will",
    "has",
    "did",
    "does",
    "do",
    "not",
    "never",
    "still",
    "first",
    "initially",
    "quickly",
    "privately",
    "directly",
    "openly",
    "explicitly",
    "subsequently",
    "himself",
    "herself",
    "themselves",
    "itself",
    "just",
    "even",
    "allegedly",
    "reportedly",
    "bluntly",
    "flatly",
    "simply",
    "often",
    "frequently",
    "always",
];

/// Lowercase words allowed inside a speaker phrase besides role, organisation and people nouns.
const NP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "two",
    "three",
    "four",
    "five",
    "several",
    "some",
    "many",
    "other",
    "senior",
    "top",
    "former",
    "local",
    "western",
    "military",
    "government",
    "security",
    "intelligence",
    "foreign",
    "defense",
    "defence",
    "state",
    "federal",
    "national",
    "unnamed",
    "anonymous",
    "chief",
    "deputy",
    "regional",
    "provincial",
    "district",
    "police",
    "army",
    "health",
    "human",
    "rights",
    "aid",
    "humanitarian",
    "news",
    "media",
    "civil",
    "society",
    "independent",
    "opposition",
    "ruling",
    "party",
    "campaign",
    "white",
    "house",
    "u.s.",
    "analysis",
    "report",
    "reports",
    "statement",
    "study",
    "assessment",
    "data",
    "survey",
    "investigation",
    "figures",
    "estimates",
    "findings",
    "document",
    "documents",
    "letter",
    "post",
    "video",
    "footage",
    "intelligence",
    "briefing",
    "account",
    "accounts",
    "records",
    "one",
    "both",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "all",
    "most",
    "few",
    "more",
    "one's",
    "’s",
    "'s",
    "-",
    "and",
    "new",
    "joint",
    "own",
    "first",
    "second",
    "third",
    "sources",
    "source",
    "experts",
    "expert",
    "officials",
    "official",
    "people",
    "residents",
    "witnesses",
    "survivors",
    "activists",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "percent",
    "half",
    "majority",
    "plurality",
    "minority",
    "nearly",
    "almost",
    "roughly",
    "another",
    "third",
    "thirds",
    "quarter",
];

/// Verbs of telling whose object precedes the reported clause ("told reporters that").
const TELL_LEMMAS: &[&str] = &[
    "tell", "warn", "assure", "urge", "ask", "remind", "inform", "brief",
];

/// Cue lemmas that report a stance rather than speech; they make indirect quotes only with a
/// clause ("X believes that"), never for direct quotations on their own.
const WEAK_LEMMAS: &[&str] = &[
    "believe",
    "think",
    "fear",
    "hope",
    "expect",
    "know",
    "worry",
    "find",
    "show",
    "call",
    "describe",
    "praise",
    "criticize",
    "question",
    "wonder",
    "agree",
    "share",
    "conclude",
    "indicate",
    "signal",
    "hint",
    "point",
    "continue",
    "post",
    "text",
    "blast",
    "slam",
    "mock",
    "accuse",
    "charge",
    "demand",
    "urge",
    "ask",
    "reason",
    "feel",
    "see",
    "decry",
    "condemn",
    "dismiss",
    "tout",
    "defend",
    "propose",
    "endorse",
    "support",
    "oppose",
    "reject",
    "blame",
    "attack",
    "mention",
    "echo",
    "imply",
    "want",
    "plan",
    "refuse",
    "decline",
    "decide",
    "intend",
    "seek",
    "threaten",
    "learn",
    "doubt",
    "assume",
    "suspect",
    "understand",
    "realize",
    "speculate",
];

/// Cue lemmas whose report can be an infinitive ("refused to answer", "wants voters to
/// know"): the content runs from the verb's complement to the end of the clause.
const INTENT_LEMMAS: &[&str] = &[
    "want", "plan", "refuse", "decline", "decide", "intend", "seek", "threaten", "agree", "hope",
    "expect", "promise", "vow", "pledge", "ask", "urge",
];

/// An infinitive complement at `a`: "to answer", "voters to know", "him not to run".
fn infinitive_at(doc: &Doc, a: usize, end: usize) -> bool {
    (a..end.min(a + 5))
        .take_while(|&k| doc.tokens[k].kind == TokKind::Word)
        .any(|k| doc.tok(k) == "to")
}

const AUX: u8 = 1;
const NP: u8 = 2;

/// One hash probe for the stage's own word lists ([`AUX_ADVERBS`], [`NP_WORDS`]).
fn local_class(word: &str) -> u8 {
    static SETS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for w in AUX_ADVERBS {
            *m.entry(*w).or_default() |= AUX;
        }
        for w in NP_WORDS {
            *m.entry(*w).or_default() |= NP;
        }
        m
    });
    if !word.is_ascii() {
        // "’s" and the like: no lowercasing needed, and none allocated
        return sets.get(word).copied().unwrap_or(0);
    }
    crate::words::with_lower(word, |w| sets.get(w).copied().unwrap_or(0))
}

fn is_aux(word: &str) -> bool {
    local_class(word) & AUX != 0
}

fn is_np_word(word: &str) -> bool {
    local_class(word) & NP != 0
}

#[derive(Clone, Copy, Debug)]
struct Attribution {
    /// Cue token range.
    cue: (usize, usize),
    /// Speaker phrase token range.
    np: Option<(usize, usize)>,
}

pub fn quotes(doc: &mut Doc) {
    let mut used_cues: FxHashSet<usize> = FxHashSet::default();
    let mut out: Vec<Quote> = Vec::new();
    direct_quotes(doc, &mut out, &mut used_cues);
    indirect_quotes(doc, &mut out, &used_cues);
    out.sort_by_key(|q| q.span);
    doc.quotes = out;
}

fn tok_is(doc: &Doc, i: usize, s: &str) -> bool {
    i < doc.tokens.len() && doc.tok(i) == s
}

fn is_cue_at(doc: &Doc, i: usize) -> Option<&'static str> {
    let t = doc.tokens[i];
    if t.kind != TokKind::Word {
        return None;
    }
    let w = doc.tok(i);
    if w.eq_ignore_ascii_case("according") && tok_is(doc, i + 1, "to") {
        return Some("according");
    }
    words().cue(w)
}

fn cue_span(doc: &Doc, i: usize) -> (usize, usize) {
    let two_words = doc.tok(i).eq_ignore_ascii_case("according")
        || (tok_is(doc, i + 1, "out") && matches!(doc.tok(i), "pointed" | "points" | "pointing"));
    if two_words {
        (i, i + 2)
    } else {
        (i, i + 1)
    }
}

/// Whether token `i` may be part of a speaker phrase.
fn np_token(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    let s = doc.tok(i);
    match t.kind {
        TokKind::Word => {
            if t.is_cap() {
                return !matches!(s, "According");
            }
            let w = words();
            if w.cue(s).is_some() {
                return false;
            }
            w.is(
                s,
                class::ROLE | class::ORG_NOUN | class::PEOPLE | class::SOURCE,
            ) || is_np_word(s)
                || (s.contains('-') && s.len() > 3)
        }
        TokKind::Number => true,
        TokKind::Punct => matches!(s, "’" | "'" | "&" | "."),
        _ => false,
    }
}

fn is_pronoun(doc: &Doc, i: usize) -> bool {
    words().is(
        doc.tok(i),
        class::PRON_MALE
            | class::PRON_FEMALE
            | class::PRON_PLURAL
            | class::PRON_IT
            | class::PRON_FIRST,
    ) && !matches!(doc.tok(i), "his" | "her" | "their" | "its" | "my" | "our")
}

/// The speaker phrase ending right before `end` (exclusive), not reaching before `limit`.
fn subject_before(doc: &Doc, end: usize, limit: usize) -> Option<(usize, usize)> {
    let mut i = end;
    while i > limit && is_aux(doc.tok(i - 1)) && !is_pronoun(doc, i - 1) {
        i -= 1;
    }
    if i == limit {
        return None;
    }
    // "…, Lee, who announced …": the relative pronoun stands for the phrase before the comma
    if i >= limit + 3 && doc.tok(i - 1) == "who" && doc.tok(i - 2) == "," {
        return subject_before(doc, i - 2, limit);
    }
    // "X, a doctor at Y, said": skip the appositive back to its opening comma.
    if doc.tok(i - 1) == "," {
        let mut j = i - 1;
        let mut steps = 0;
        while j > limit && steps < 25 {
            j -= 1;
            steps += 1;
            if doc.tok(j) == "," {
                break;
            }
        }
        if doc.tok(j) == "," && j > limit && j + 2 < i {
            if let Some(np) = subject_before(doc, j, limit) {
                // "Jacob Shin, 24, who was visiting …, told": past the age too
                if (np.0..np.1).all(|k| doc.tokens[k].kind == TokKind::Number)
                    && np.0 > limit + 1
                    && doc.tok(np.0 - 1) == ","
                {
                    return subject_before(doc, np.0 - 1, limit).or(Some(np));
                }
                return Some(np);
            }
        }
        return None;
    }
    if is_pronoun(doc, i - 1) {
        return Some((i - 1, i));
    }
    let np_end = i;
    let mut j = i;
    while j > limit && np_token(doc, j - 1) && np_end - j < 10 {
        j -= 1;
        if matches!(doc.tok(j), "the" | "a" | "an" | "The" | "A" | "An") {
            break;
        }
    }
    // a bare determiner or possessive marker is no subject
    while j < np_end && matches!(doc.tok(j), "’s" | "'s" | "-" | "and" | "’" | "'") {
        j += 1;
    }
    if j == np_end {
        // "the airline added", "many economists say": a determiner and a few plain words
        if let Some(k) = determined_np_start(doc, np_end, limit) {
            j = k;
        }
    }
    // "28 percent of voters", "most of the senators", "one of his aides"
    if j < np_end && j >= limit + 2 && doc.tok(j - 1) == "of" && is_quantity(doc, j - 2) {
        j -= 2;
        while j > limit
            && (doc.tokens[j - 1].kind == TokKind::Number
                || matches!(doc.tok(j - 1), "the" | "a" | "The" | "A" | "%"))
        {
            j -= 1;
        }
    }
    if j == np_end {
        // relative clause: "One soldier who was about to be captured shouted"
        let mut k = np_end;
        while k > limit && np_end - k < 10 {
            k -= 1;
            if matches!(doc.tok(k), "who" | "which") {
                return subject_before(doc, k, limit);
            }
            if matches!(
                doc.tokens[k].kind,
                TokKind::Terminal | TokKind::OpenQuote | TokKind::CloseQuote
            ) || doc.tok(k) == ","
            {
                break;
            }
        }
        return None;
    }
    // "A VOA reporter in the town said", "officials in Kabul said": the head before the
    // preposition speaks, not the place after it
    if j >= limit + 2
        && matches!(doc.tok(j - 1), "in" | "at" | "from" | "for" | "with")
        && (!doc.tokens[j - 2].is_cap() || doc.tokens[j - 2].is(crate::doc::flag::SENT_START))
        && words().is(doc.tok(j - 2), class::ROLE | class::PEOPLE | class::SOURCE)
    {
        if let Some(head) = subject_before(doc, j - 1, limit) {
            return Some((head.0, np_end));
        }
    }
    Some((j, np_end))
}

/// Start of "the airline", "many economists", "his longtime aide" ending at `end`: up to four
/// lowercase content words after a determiner.
fn determined_np_start(doc: &Doc, end: usize, limit: usize) -> Option<usize> {
    let mut k = end;
    while k > limit && end - k < 7 {
        let t = doc.tokens[k - 1];
        let w = doc.tok(k - 1);
        if matches!(
            w,
            "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
                | "his"
                | "His"
                | "her"
                | "Her"
                | "its"
                | "Its"
                | "their"
                | "Their"
                | "this"
                | "This"
                | "these"
                | "These"
                | "those"
                | "Those"
                | "some"
                | "Some"
                | "many"
                | "Many"
                | "most"
                | "Most"
                | "several"
                | "Several"
                | "other"
                | "Other"
                | "both"
                | "Both"
                | "our"
                | "Our"
                | "one"
                | "One"
        ) {
            return (k < end).then_some(k - 1);
        }
        if t.kind == TokKind::Number
            || words().is(
                w,
                class::ROLE | class::ORG_NOUN | class::PEOPLE | class::SOURCE,
            )
        {
            // "28 voters", "two aides": a count works as a determiner
            if k < end {
                let mut a = k - 1;
                if a > limit
                    && matches!(
                        doc.tok(a - 1),
                        "Some" | "some" | "About" | "about" | "The" | "the"
                    )
                {
                    a -= 1;
                }
                return Some(a);
            }
        }
        if w == "of" && k < end && k >= limit + 2 && is_quantity(doc, k - 2) {
            // "28 percent of voters", "most of the senators"
            k -= 1;
            if doc.tokens[k - 1].kind == TokKind::Number || doc.tok(k - 1) != "percent" {
                return Some(k - 1);
            }
            continue;
        }
        // "Clinton advisers say", "GOP analysts say": a capitalised modifier before the noun
        if t.kind == TokKind::Word && t.is_cap() && k < end && k + 1 >= end {
            let mut a = k - 1;
            while a > limit && doc.tokens[a - 1].is_cap() && doc.tokens[a - 1].kind == TokKind::Word
            {
                a -= 1;
            }
            let plural_head = doc.tok(end - 1).ends_with('s');
            return (plural_head && !matches!(doc.tok(a), "The" | "A" | "An" | "In" | "On"))
                .then_some(a);
        }
        if t.kind != TokKind::Word
            || t.is_cap()
            || is_cue_at(doc, k - 1).is_some()
            || is_aux(w)
            || FUNCTION_WORDS.contains(&w)
            || is_pronoun(doc, k - 1)
        {
            return None;
        }
        k -= 1;
    }
    None
}

fn is_quantity(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].kind == TokKind::Number
        || matches!(
            doc.tok(k).to_ascii_lowercase().as_str(),
            "percent"
                | "most"
                | "many"
                | "some"
                | "all"
                | "none"
                | "half"
                | "majority"
                | "one"
                | "two"
                | "three"
                | "several"
                | "few"
                | "each"
                | "both"
                | "members"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "plurality"
                | "number"
        )
}

/// Words that end a noun phrase when read backwards from its verb.
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "about", "that", "which", "who",
    "and", "or", "but", "as", "than", "if", "when", "while", "because", "so", "not", "no", "be",
    "been", "being", "am", "can", "could", "should", "may", "might", "must", "into", "over",
    "under", "after", "before", "since", "until", "what", "how", "why", "where",
];

/// The speaker phrase starting at `start`: "said Lee Seong-kweun, a lawmaker".
fn subject_after(doc: &Doc, start: usize, limit: usize) -> Option<(usize, usize)> {
    if start >= limit {
        return None;
    }
    if is_pronoun(doc, start) {
        return Some((start, start + 1));
    }
    let mut j = start;
    while j < limit && np_token(doc, j) && j - start < 10 {
        j += 1;
    }
    while j > start && matches!(doc.tok(j - 1), "’s" | "'s" | "and" | "." | "-") {
        j -= 1;
    }
    (j > start).then_some((start, j))
}

fn sentence_bounds(doc: &Doc, tok: usize) -> (usize, usize) {
    let s = doc.sentence_at(doc.tokens[tok].span.start()).unwrap_or(0);
    let r = doc.sentences[s].token_range();
    (r.start, r.end)
}

/// A quotation-mark region is a fragment of someone's sentence (mixed speech, scare quotes)
/// unless it starts its sentence or follows a cue and a colon or comma.
fn is_fragment(doc: &Doc, open: usize, end: usize) -> bool {
    let (s0, _) = sentence_bounds(doc, open);
    let mut k = open;
    while k > s0 && matches!(doc.tokens[k - 1].kind, TokKind::Dash | TokKind::OpenQuote) {
        k -= 1;
    }
    if k == s0 || doc.tokens[open].is(crate::doc::flag::PARA_START) {
        return false;
    }
    let prev = doc.tok(open - 1);
    if matches!(prev, ":" | "," | "—" | "–") {
        // "X said: “...”" or "X said, “...”"
        let back = open.saturating_sub(8).max(s0);
        if (back..open).any(|i| is_cue_at(doc, i).is_some()) {
            return false;
        }
        if prev == ":" {
            return false;
        }
    }
    // a cue right before the mark: shouted “General ...”
    if is_cue_at(doc, open - 1).is_some() && end - open > 2 {
        let lemma = is_cue_at(doc, open - 1).unwrap_or("");
        return !matches!(
            lemma,
            "shout" | "yell" | "scream" | "exclaim" | "write" | "tweet" | "say" | "add"
        );
    }
    true
}

fn direct_quotes(doc: &mut Doc, out: &mut Vec<Quote>, used: &mut FxHashSet<usize>) {
    let regions = doc.quoted.clone();
    let mut last_direct: Option<usize> = None;
    for r in &regions {
        let open = r.open_tok as usize;
        let end = r.end_tok as usize;
        if r.inner.is_empty() || is_fragment(doc, open, end) {
            continue;
        }
        let words_inside = (open + 1..end)
            .filter(|&i| doc.tokens[i].kind == TokKind::Word)
            .count();
        if words_inside == 0 {
            continue;
        }
        let mut attr = attribution_after(doc, end);
        if attr.is_none() {
            attr = attribution_before(doc, open);
            // “A,” he said, “B.” — the cue already serves the quotation before: one quote
            if attr.is_some_and(|a| used.contains(&a.cue.0)) {
                attr = None;
            }
        }
        let para = doc.sentences[doc.sentence_at(r.inner.start()).unwrap_or(0)].paragraph;
        if attr.is_none() && looks_like_title(doc, open, end) {
            continue;
        }
        if attr.is_none() {
            // “A,” he said. “B.” — a cue-less quotation continuing the previous one
            if let Some(prev) = last_direct {
                let pq = &out[prev];
                let prev_para =
                    doc.sentences[doc.sentence_at(pq.span.start()).unwrap_or(0)].paragraph;
                if prev_para == para
                    || (prev_para + 1 == para && doc.tokens[open].is(crate::doc::flag::PARA_START))
                {
                    if prev_para == para {
                        let pq = &mut out[prev];
                        pq.parts.push(r.inner);
                        pq.span = pq.span.cover(r.inner);
                    } else {
                        let mut q = out[prev].clone();
                        q.span = r.inner;
                        q.parts = vec![r.inner];
                        q.cue = None;
                        out.push(q);
                        last_direct = Some(out.len() - 1);
                    }
                    continue;
                }
            }
        }
        let mut q = Quote {
            span: r.inner,
            parts: vec![r.inner],
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_span: None,
            cue: None,
            cites: Vec::new(),
            via: Vec::new(),
            via_text: Vec::new(),
            date: None,
        };
        if let Some(a) = attr {
            for i in a.cue.0..a.cue.1 {
                used.insert(i);
            }
            q.cue = Some(span_of(doc, a.cue.0, a.cue.1));
            if let Some(np) = a.np {
                let (speaker, span) = resolve_speaker(doc, np);
                q.speaker = speaker;
                q.speaker_span = Some(span);
            }
            add_cites(doc, a.cue.1, &mut q);
        }
        out.push(q);
        last_direct = Some(out.len() - 1);
    }
}

/// “The Walking Dead”, “Friends”: a short capitalised name in quotation marks, not speech.
fn looks_like_title(doc: &Doc, open: usize, end: usize) -> bool {
    let mut words = 0;
    for k in open + 1..end {
        let t = doc.tokens[k];
        match t.kind {
            TokKind::Word => {
                words += 1;
                if !t.is_cap()
                    && !matches!(
                        doc.tok(k),
                        "of" | "the"
                            | "and"
                            | "a"
                            | "an"
                            | "in"
                            | "on"
                            | "for"
                            | "to"
                            | "is"
                            | "with"
                            | "at"
                            | "from"
                            | "by"
                    )
                {
                    return false;
                }
            }
            TokKind::Number => words += 1,
            TokKind::CloseQuote | TokKind::Punct => {}
            _ => {
                if k + 1 != end {
                    return false;
                }
            }
        }
    }
    words <= 6
}

fn span_of(doc: &Doc, a: usize, b: usize) -> Span {
    Span {
        start: doc.tokens[a].span.start,
        end: doc.tokens[b - 1].span.end,
    }
}

/// `“…,” Lee said`, `“…,” said Lee`, `“…,” he added`, `“…,” Hill, a doctor, said`.
fn attribution_after(doc: &Doc, end: usize) -> Option<Attribution> {
    let n = doc.tokens.len();
    if end >= n || doc.tokens[end].is(crate::doc::flag::PARA_START) {
        return None;
    }
    // “…,” he said / “…?” he asked: the quotation hands over to its attribution
    let handover = end >= 2 && matches!(doc.tok(end - 2), "," | "?" | "!" | "—" | "–" | "…" | "-")
        || matches!(doc.tok(end), "," | "—" | "–");
    // the attribution must follow in the same sentence or start the next with a lowercase word
    let mut i = end;
    while i < n && matches!(doc.tok(i), "," | "—" | "–") {
        i += 1;
    }
    let limit = (i + 25).min(n);
    let mut j = i;
    while j < limit {
        let t = doc.tokens[j];
        if t.is(crate::doc::flag::PARA_START)
            || matches!(t.kind, TokKind::OpenQuote | TokKind::Terminal)
        {
            break;
        }
        if let Some(lemma) = is_cue_at(doc, j) {
            if WEAK_LEMMAS.contains(&lemma) && lemma != "continue" && !handover {
                j += 1;
                continue;
            }
            let cue = cue_span(doc, j);
            let np = if j > i {
                subject_before(doc, j, i)
                    .filter(|np| np.0 == i)
                    .or_else(|| speaker_stretch(doc, i, j))
            } else {
                let stop = (cue.1..limit)
                    .find(|&k| {
                        matches!(doc.tokens[k].kind, TokKind::Terminal | TokKind::OpenQuote)
                            || doc.tok(k) == ","
                    })
                    .unwrap_or(limit);
                subject_after(doc, cue.1, stop)
            };
            // the speaker phrase must start right after the quotation ("“…,” Lee said");
            // other words between mean the cue is not the quote's ("“X” and left, Lee said")
            if j > i && np.is_none() {
                return None;
            }
            // “….” Reluctantly, Lee said he had …: a new sentence whose cue governs its own
            // clause, not the quotation
            if !handover && j > i {
                let (_, s_end) = sentence_bounds(doc, j);
                if clause_follows(doc, cue.1, s_end) {
                    return None;
                }
            }
            return Some(Attribution { cue, np });
        }
        j += 1;
    }
    None
}

/// The speaker phrase between a quotation and its cue when it is longer than a plain noun
/// phrase: "Mr. Morgan of the Sierra Club said", "Harry Bond, 30, of Raleigh, who was polled,
/// said". It must open like a noun phrase; its head (up to the first comma, "of" or relative
/// pronoun) is the speaker.
fn speaker_stretch(doc: &Doc, i: usize, j: usize) -> Option<(usize, usize)> {
    if j - i > 22 {
        return None;
    }
    let first = doc.tokens[i];
    let s = doc.tok(i);
    let opens_np = (first.kind == TokKind::Word
        && (first.is_cap() && !matches!(s, "And" | "But" | "Or" | "As" | "When" | "If"))
        || is_pronoun(doc, i)
        || matches!(
            s,
            "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its" | "our"
        ))
        || first.kind == TokKind::Number;
    if !opens_np {
        return None;
    }
    let mut k = i + 1;
    while k < j
        && !matches!(
            doc.tok(k),
            "," | "of" | "who" | "which" | "at" | "from" | "in" | "with" | "for" | "on" | "("
        )
        && !matches!(doc.tokens[k].kind, TokKind::Dash)
    {
        k += 1;
    }
    Some((i, k))
}

/// `Lee said: “…”`, `Lee said, “…”`, `according to Lee, “…”`, `As Lee put it: “…”`, and
/// `Lee issued a statement: “…”` (no cue word: the clause subject speaks).
fn attribution_before(doc: &Doc, open: usize) -> Option<Attribution> {
    let (s0, _) = sentence_bounds(doc, open);
    if open == s0 {
        return None;
    }
    let mut k = open;
    while k > s0 && matches!(doc.tok(k - 1), ":" | "," | "—" | "–") {
        k -= 1;
    }
    let introduced = k < open;
    let back = k.saturating_sub(12).max(s0);
    for j in (back..k).rev() {
        if doc.tokens[j].kind == TokKind::CloseQuote {
            break;
        }
        let put_it = matches!(doc.tok(j), "put" | "puts") && tok_is(doc, j + 1, "it");
        let lemma = if put_it {
            Some("say")
        } else {
            is_cue_at(doc, j)
        };
        if let Some(lemma) = lemma {
            if WEAK_LEMMAS.contains(&lemma) && !(introduced && j + 4 >= k) {
                continue;
            }
            let cue = if put_it { (j, j + 2) } else { cue_span(doc, j) };
            let np = if lemma == "according" {
                subject_after(doc, cue.1, k)
            } else {
                subject_before(doc, j, s0)
                    .or_else(|| subject_after(doc, cue.1, k))
                    .or_else(|| sentence_subject(doc, s0, j).map(|(np, _)| np))
            };
            return Some(Attribution { cue, np });
        }
    }
    if doc.tok(open - 1) == ":" {
        let (np, verb) = sentence_subject(doc, s0, k)?;
        return Some(Attribution {
            cue: (verb, verb + 1),
            np: Some(np),
        });
    }
    None
}

/// The subject of the clause opening a sentence, after connectives and an introductory
/// phrase ("In a statement, the campaign wrote:"), with the token after it (its verb).
fn sentence_subject(doc: &Doc, s0: usize, limit: usize) -> Option<((usize, usize), usize)> {
    let mut k = s0;
    while k < limit
        && (matches!(doc.tokens[k].kind, TokKind::OpenQuote | TokKind::Dash)
            || matches!(
                doc.tok(k),
                "And" | "But" | "So" | "Still" | "Yet" | "Then" | "Later" | "Meanwhile" | "Instead"
            ))
    {
        k += 1;
    }
    if k < limit
        && matches!(
            doc.tok(k),
            "In" | "On"
                | "At"
                | "After"
                | "During"
                | "Before"
                | "Asked"
                | "Earlier"
                | "As"
                | "When"
                | "While"
                | "Speaking"
                | "Responding"
                | "Writing"
                | "Since"
                | "Last"
                | "This"
                | "Following"
                | "Through"
        )
    {
        let comma = (k + 1..limit.min(k + 14)).find(|&m| doc.tok(m) == ",")?;
        k = comma + 1;
    }
    if k >= limit {
        return None;
    }
    let np = if is_pronoun(doc, k) {
        (k, k + 1)
    } else {
        let np = subject_after(doc, k, limit)?;
        if !(doc.tokens[np.0].is_cap()
            || matches!(
                doc.tok(np.0),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            ))
        {
            return None;
        }
        np
    };
    // an appositive may separate the subject from its verb
    let mut v = np.1;
    if tok_is(doc, v, ",") {
        let close = (v + 1..limit.min(v + 16)).find(|&m| doc.tok(m) == ",")?;
        v = close + 1;
    }
    while v < limit && is_aux(doc.tok(v)) {
        v += 1;
    }
    (v < limit && doc.tokens[v].kind == TokKind::Word && !doc.tokens[v].is_cap()).then_some((np, v))
}

/// Resolves a speaker phrase to an entity: a name or pronoun mention inside it, else a
/// descriptor entity made from the phrase.
fn resolve_speaker(doc: &mut Doc, np: (usize, usize)) -> (Option<u32>, Span) {
    let span = span_of(doc, np.0, np.1);
    let inside: Vec<&Mention> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) || m.span.contains(span))
        .collect();
    // a name that only modifies the phrase ("Virginia voters", "Clinton advisers",
    // "Mrs. Clinton's aides") is not the speaker; the phrase is
    let head_end = span.end;
    let inside: Vec<&Mention> = inside
        .into_iter()
        .filter(|m| {
            // "officials in Kabul": a name after a preposition is not the speaker either
            let k = doc.token_at(m.span.start());
            let after_prep = m.span.start > span.start
                && k > 0
                && matches!(
                    doc.tok(k - 1),
                    "in" | "at" | "from" | "for" | "with" | "of" | "the"
                )
                && (k < 2 || !matches!(doc.tok(k - 2), "’s" | "'s"))
                && doc.tokens[doc.token_at(span.start())].kind == TokKind::Word
                && !doc.tokens[doc.token_at(span.start())].is_cap()
                || m.span.start > span.start
                    && k > 0
                    && matches!(doc.tok(k - 1), "in" | "at" | "from" | "for" | "with");
            if after_prep {
                return false;
            }
            m.span.contains(span) || m.span.end >= head_end || {
                let k = doc.token_at(m.span.end());
                k >= doc.tokens.len() || {
                    let t = doc.tokens[k];
                    !(matches!(doc.tok(k), "’s" | "'s") || t.kind == TokKind::Word && !t.is_cap())
                }
            }
        })
        .collect();
    let pick = inside
        .iter()
        .rev()
        .find(|m| doc.entities[m.entity as usize].kind == EntityKind::Person)
        .or_else(|| {
            inside
                .iter()
                .rev()
                .find(|m| doc.entities[m.entity as usize].kind == EntityKind::Org)
        })
        .or_else(|| inside.last());
    if let Some(m) = pick {
        return (Some(m.entity), m.span);
    }
    let first = doc.tok(np.0);
    if np.1 == np.0 + 1 && is_pronoun(doc, np.0) {
        return (resolve_pronoun(doc, np.0), span);
    }
    let _ = first;
    (Some(descriptor_entity(doc, np)), span)
}

/// "they" → the most recent group or organisation; "it" → the most recent organisation.
fn resolve_pronoun(doc: &Doc, i: usize) -> Option<u32> {
    let w = words();
    let word = doc.tok(i);
    let at = doc.tokens[i].span.start;
    let kinds: &[EntityKind] = if w.is(word, class::PRON_PLURAL) {
        &[EntityKind::Group, EntityKind::Org]
    } else if w.is(word, class::PRON_IT) {
        &[EntityKind::Org]
    } else {
        return None;
    };
    doc.mentions
        .iter()
        .rev()
        .filter(|m| m.span.start < at && at - m.span.start < 1500)
        .find(|m| kinds.contains(&doc.entities[m.entity as usize].kind))
        .map(|m| m.entity)
}

/// An entity for an unnamed source: "two legislators", "security sources", "a doctor".
fn descriptor_entity(doc: &mut Doc, np: (usize, usize)) -> u32 {
    let mut a = np.0;
    while a + 1 < np.1
        && matches!(
            doc.tok(a).to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "unnamed" | "senior" | "top" | "anonymous" | "one"
        )
    {
        a += 1;
    }
    let span = span_of(doc, np.0, np.1);
    let last = doc.tok(np.1 - 1).to_ascii_lowercase();
    // "the officials", "the sources": the most recent unnamed source with the same head
    // ("Iraqi officials")
    if np.1 - np.0 <= 3
        && matches!(
            doc.tok(np.0),
            "the" | "The" | "these" | "These" | "those" | "Those"
        )
    {
        if let Some(id) = earlier_with_head(doc, span, &last) {
            let pos = doc.mentions.partition_point(|m| m.span < span);
            doc.mentions.insert(
                pos,
                Mention {
                    span,
                    entity: id,
                    kind: MentionKind::Description,
                },
            );
            return id;
        }
    }
    let name = doc.text[doc.tokens[a].span.start()..doc.tokens[np.1 - 1].span.end()].to_string();
    let plural = last.ends_with('s') || words().is(&last, class::PEOPLE);
    let kind = if plural {
        EntityKind::Group
    } else {
        EntityKind::Person
    };
    let id = match doc
        .entities
        .iter()
        .position(|e| e.name.eq_ignore_ascii_case(&name))
    {
        Some(id) => id as u32,
        None => {
            doc.entities.push(Entity {
                name,
                kind,
                role: None,
                aliases: Vec::new(),
                stands_for: None,
                gender: None,
                first: span,
            });
            (doc.entities.len() - 1) as u32
        }
    };
    let pos = doc.mentions.partition_point(|m| m.span < span);
    doc.mentions.insert(
        pos,
        Mention {
            span,
            entity: id,
            kind: MentionKind::Description,
        },
    );
    id
}

/// The most recent entity mentioned before `span` whose name ends with the word `head`
/// ("Iraqi officials" for "the officials"), looking back over a bounded number of mentions.
fn earlier_with_head(doc: &Doc, span: Span, head: &str) -> Option<u32> {
    let k = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions[k.saturating_sub(80)..k]
        .iter()
        .rev()
        .filter(|m| span.start - m.span.start < 4000)
        .map(|m| m.entity)
        .find(|&e| {
            let ent = &doc.entities[e as usize];
            matches!(ent.kind, EntityKind::Group | EntityKind::Person)
                && ent.name.len() > head.len()
                && ent
                    .name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
        })
}

/// "after a briefing from X", "citing X", "according to X's data", "based on X".
fn add_cites(doc: &Doc, from: usize, q: &mut Quote) {
    let (_, s1) = sentence_bounds(doc, from.min(doc.tokens.len() - 1));
    let mut i = from;
    while i < s1 {
        let s = doc.tok(i).to_ascii_lowercase();
        let trigger = match s.as_str() {
            "citing" | "quoting" => Some(i + 1),
            "briefing" | "briefed" if tok_is(doc, i + 1, "from") || tok_is(doc, i + 1, "by") => {
                Some(i + 2)
            }
            "based" if tok_is(doc, i + 1, "on") => Some(i + 2),
            _ => None,
        };
        if let Some(t) = trigger {
            let at = doc.tokens[t.min(s1 - 1)].span.start;
            let reach = doc.tokens[(t + 8).min(s1 - 1)].span.end;
            if let Some(m) = doc
                .mentions
                .iter()
                .filter(|m| m.span.start >= at && m.span.end <= reach)
                .rfind(|m| doc.entities[m.entity as usize].kind != EntityKind::Place)
            {
                if !q.cites.contains(&m.entity) {
                    q.cites.push(m.entity);
                }
            }
        }
        i += 1;
    }
}

fn indirect_quotes(doc: &mut Doc, out: &mut Vec<Quote>, used: &FxHashSet<usize>) {
    for s in 0..doc.sentences.len() {
        let r = doc.sentences[s].token_range();
        let mut i = r.start;
        while i < r.end {
            if used.contains(&i) || doc.quoted_at(doc.tokens[i].span.start()).is_some() {
                i += 1;
                continue;
            }
            let Some(mut lemma) = is_cue_at(doc, i).or_else(|| prep_cue(doc, i, r.end)) else {
                i = nominal_report(doc, r.clone(), i, out).unwrap_or(i + 1);
                continue;
            };
            // A later cue that attributes the whole sentence ("…, the legislator added")
            // governs it; an earlier cue inside it is nested under that one.
            if let Some(k) = trailing_cue(doc, r.clone(), i, used) {
                i = k;
                lemma = is_cue_at(doc, k).unwrap_or(lemma);
            }
            let made = if lemma == "according" {
                according_to(doc, r.clone(), i, out, used)
            } else {
                speech_clause(doc, r.clone(), i, lemma, out, used)
            };
            i = made.unwrap_or(i + 1);
        }
    }
}

fn trailing_cue(
    doc: &Doc,
    r: std::ops::Range<usize>,
    from: usize,
    used: &FxHashSet<usize>,
) -> Option<usize> {
    (from + 1..r.end).find(|&k| {
        !used.contains(&k)
            && doc.quoted_at(doc.tokens[k].span.start()).is_none()
            && is_cue_at(doc, k).is_some_and(|l| l != "according" && !WEAK_LEMMAS.contains(&l))
            && (trailing_subject(doc, r.start, k).is_some()
                && after_trailing_cue_ok(doc, k + 1, r.end)
                || inverted_subject(doc, r.start, k, r.end)
                    .is_some_and(|(np, _)| after_trailing_cue_ok(doc, np.1, r.end)))
    })
}

/// After a trailing attribution only circumstances or a participial report may follow.
fn after_trailing_cue_ok(doc: &Doc, mut from: usize, end: usize) -> bool {
    // "…, Lee told reporters on Monday": the addressee of a verb of telling
    if from > 0 && is_cue_at(doc, from - 1).is_some_and(|l| TELL_LEMMAS.contains(&l)) {
        while from < end && np_token(doc, from) && doc.tokens[from].kind != TokKind::Number {
            from += 1;
        }
    }
    let a = skip_circumstance(doc, from, end);
    let rest = (a..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .count();
    rest == 0 || after_trailing_cue(doc, from, end).is_some() || tok_is(doc, a, ",")
}

/// After a verb of telling, the start of what was told: "told reporters", "told The
/// Associated Press", "told me this week that", "told an audience at his fundraiser that".
fn skip_addressee(doc: &Doc, mut a: usize, end: usize) -> usize {
    if let Some(that) = (a..end.min(a + 12))
        .take_while(|&k| {
            doc.tokens[k].kind == TokKind::Word && is_cue_at(doc, k).is_none()
                || matches!(doc.tok(k), "’s" | "'s")
        })
        .find(|&k| doc.tok(k) == "that")
    {
        return that;
    }
    if a < end
        && matches!(
            doc.tok(a),
            "me" | "him" | "her" | "us" | "them" | "you" | "reporters"
        )
    {
        a += 1;
    }
    // the addressee ends where a figure starts the reported clause ("told media 339 …")
    while a < end
        && np_token(doc, a)
        && !matches!(doc.tok(a), "that")
        && doc.tokens[a].kind != TokKind::Number
    {
        a += 1;
    }
    a
}

/// Whether a reported clause follows a cue ("X, a lawmaker, said the army …"), making it a
/// leading attribution rather than a trailing one.
fn clause_follows(doc: &Doc, mut from: usize, end: usize) -> bool {
    if from > 0 && is_cue_at(doc, from - 1).is_some_and(|l| TELL_LEMMAS.contains(&l)) {
        from = skip_addressee(doc, from, end);
    }
    let a = skip_circumstance(doc, from, end);
    if a >= end || tok_is(doc, a, ",") {
        return false;
    }
    tok_is(doc, a, "that")
        || (!doc.tokens[a].is_cap() && looks_like_clause(doc, a, end))
        || (doc.tokens[a].is_cap() && !matches!(doc.tok(a), "In" | "On" | "At" | "After"))
}

/// "The goal, he said, is to …": the content resumes after the cue. Returns the start of
/// the second part, unless what follows is a participial report of its own.
fn resumed_content(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    if after_trailing_cue(doc, from, end).is_some() {
        return None;
    }
    let a = skip_circumstance(doc, from, end);
    if !tok_is(doc, a, ",") {
        return None;
    }
    let words = (a..end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .count();
    (words >= 2).then_some(a + 1)
}

/// Trims a content token range of edge punctuation and a leading "that".
fn trim_content(doc: &Doc, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b
        && (matches!(doc.tokens[a].kind, TokKind::Punct | TokKind::Dash)
            || matches!(doc.tok(a), "that" | "That"))
    {
        a += 1;
    }
    while b > a
        && matches!(
            doc.tokens[b - 1].kind,
            TokKind::Terminal | TokKind::Punct | TokKind::Dash
        )
    {
        b -= 1;
    }
    let words = (a..b)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .count();
    (words >= 2).then_some((a, b))
}

fn content_quote(
    doc: &mut Doc,
    content: (usize, usize),
    cue: (usize, usize),
    np: Option<(usize, usize)>,
) -> Quote {
    let span = span_of(doc, content.0, content.1);
    // a quotation-mark region inside an indirect report makes it mixed
    let mut q = Quote {
        span,
        parts: vec![span],
        kind: if has_marks(doc, span) {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        },
        speaker: None,
        speaker_span: None,
        cue: Some(span_of(doc, cue.0, cue.1)),
        cites: Vec::new(),
        via: Vec::new(),
        via_text: Vec::new(),
        date: None,
    };
    if let Some(np) = np {
        let (speaker, sspan) = resolve_speaker(doc, np);
        q.speaker = speaker;
        q.speaker_span = Some(sspan);
    }
    add_cites(doc, cue.1, &mut q);
    q
}

/// `X said (that) …` and `…, X said` / `…, said X`. Returns the token to continue from.
fn speech_clause(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    lemma: &str,
    out: &mut Vec<Quote>,
    used: &FxHashSet<usize>,
) -> Option<usize> {
    let mut cue = cue_span(doc, i);
    let weak = WEAK_LEMMAS.contains(&lemma) || lemma == OBJECT;
    if lemma == "state" && !states_is_verb(doc, r.start, i) {
        return None;
    }
    // trailing: "…, X said." — a comma before the subject, little after the cue
    if !weak {
        if let Some((np, comma)) =
            trailing_subject(doc, r.start, i).filter(|_| !clause_follows(doc, cue.1, r.end))
        {
            let content = trim_content(doc, r.start, comma)?;
            let tail = after_trailing_cue(doc, cue.1, r.end);
            let mut q = content_quote(doc, content, cue, Some(np));
            let (speaker, sspan) = (q.speaker, q.speaker_span);
            nest_inner_report(doc, &mut q, content, used);
            if let Some(c2) = resumed_content(doc, cue.1, r.end)
                .and_then(|a2| trim_content(doc, a2, clause_end(doc, a2, r.end)))
            {
                let part = span_of(doc, c2.0, c2.1);
                q.parts.push(part);
                q.span = q.span.cover(part);
                if has_marks(doc, part) && q.kind == QuoteKind::Indirect {
                    q.kind = QuoteKind::Mixed;
                }
            }
            out.push(q);
            if let Some((a2, cue2)) = tail {
                // "…, Lee said, adding that he was shot": the same speaker goes on
                if let Some(c2) = trim_content(doc, a2, r.end) {
                    let mut q2 = content_quote(doc, c2, cue2, None);
                    q2.speaker = speaker;
                    q2.speaker_span = sspan;
                    out.push(q2);
                }
            }
            return Some(r.end);
        }
        // "…, said X." and "…,” said X."
        if let Some((np, comma)) = inverted_subject(doc, r.start, i, r.end) {
            {
                if let Some(content) = trim_content(doc, r.start, comma) {
                    let q = content_quote(doc, content, cue, Some(np));
                    out.push(q);
                    return Some(r.end);
                }
            }
        }
    }
    // participial: "He apologized, saying it was …": the clause subject speaks
    let participial =
        i > r.start + 1 && doc.tok(i).ends_with("ing") && matches!(doc.tok(i - 1), "," | "—" | "–");
    let subject = if participial {
        coordinated_speaker_any(doc, r.start, i, out)
            .map(|sh| (None, Some(sh)))
            .or_else(|| sentence_subject(doc, r.start, i).map(|(np, _)| (Some(np), None)))
    } else {
        None
    };
    // leading: "X said (that) …"
    let (np, shared) = if let Some(sub) = subject {
        sub
    } else {
        match subject_before(doc, i, r.start) {
            Some(np) => (Some(np), None),
            // "X praised Y and said …": the coordinated verb shares the subject
            None => match coordinated_speaker(doc, r.start, i, out) {
                Some(shared) => (None, Some(shared)),
                // "Twitter reported flat growth and said …": the sentence subject speaks
                None => {
                    let (np, _) = sentence_subject(doc, r.start, i)
                        .filter(|_| i > r.start && matches!(doc.tok(i - 1), "and" | "but"))?;
                    (Some(np), None)
                }
            },
        }
    };
    let mut a = cue.1;
    // "called for …", "complained about …": the preposition belongs to the cue
    if a < r.end
        && is_object_prep(doc.tok(a))
        && (lemma == OBJECT || doc.tok(a) != "to")
        && !TELL_LEMMAS.contains(&lemma)
    {
        a += 1;
        cue.1 = a;
    }
    if TELL_LEMMAS.contains(&lemma) || lemma == "tell" {
        // skip the addressee: "told reporters", "told The Associated Press", "told me this
        // week that", "told an audience at his fundraiser that"
        a = skip_addressee(doc, a, r.end);
    }
    a = skip_circumstance(doc, a, r.end);
    let has_that = tok_is(doc, a, "that");
    let mut content_end = clause_end(doc, a, r.end);
    let infinitive = !has_that
        && !participial
        && INTENT_LEMMAS.contains(&lemma)
        && infinitive_at(doc, a, content_end);
    let mut object = false;
    if weak && !has_that && !infinitive {
        // "called it “absurd”", "accused him of “lying”": an object and a quoted phrase;
        // else a clause with a subject of its own ("he thinks she has done well"); else the
        // object phrase itself is what is reported ("announced his resignation")
        match quoted_object_end(doc, a, content_end) {
            Some(e) => content_end = e,
            None if a < content_end && looks_like_clause(doc, a, content_end) => {}
            None => {
                if NO_OBJECT_LEMMAS.contains(&lemma) {
                    return None;
                }
                content_end = object_end(doc, a, content_end)?;
                object = true;
            }
        }
    }
    let content = trim_content(doc, a, content_end)?;
    let mixed = has_marks(doc, span_of(doc, content.0, content.1));
    // the clause needs a subject-like start: not a bare noun object ("said nothing")
    if !has_that
        && !mixed
        && !infinitive
        && !object
        && !looks_like_clause(doc, content.0, content.1)
    {
        // a noun-phrase object ("announced a plan")
        let e = object_end(doc, content.0, content.1)?;
        let content = trim_content(doc, content.0, e)?;
        let mut q = content_quote(doc, content, cue, np);
        if let Some((speaker, sspan)) = shared {
            q.speaker = speaker;
            q.speaker_span = sspan;
        }
        out.push(q);
        return Some(e);
    }
    let mut q = content_quote(doc, content, cue, np);
    if let Some((speaker, sspan)) = shared {
        q.speaker = speaker;
        q.speaker_span = sspan;
    }
    out.push(q);
    Some(content_end)
}

/// "states" and "States" are mostly the noun ("the United States", "two states"): the verb
/// follows a name, a pronoun or a word for a speaker or a document ("the report states").
fn states_is_verb(doc: &Doc, s0: usize, i: usize) -> bool {
    if i == s0 || doc.tokens[i].is_cap() {
        return false;
    }
    let prev = doc.tok(i - 1);
    (doc.tokens[i - 1].is_cap() && prev != "United")
        || is_pronoun(doc, i - 1)
        || words().is(
            prev,
            class::ROLE | class::ORG_NOUN | class::SOURCE | class::PEOPLE,
        )
}

/// Cue lemmas whose bare noun-phrase object is not a report ("posted a victory", "found
/// the device", "the show"): they report only with a clause or a quotation.
const NO_OBJECT_LEMMAS: &[&str] = &[
    "show", "post", "continue", "find", "text", "see", "feel", "learn", "share", "point", "signal",
];

/// The lemma given to verb + preposition cues outside the lexicon ("called for").
const OBJECT: &str = "object";

fn is_object_prep(w: &str) -> bool {
    matches!(
        w,
        "for" | "about" | "on" | "of" | "against" | "over" | "to" | "at" | "with"
    )
}

/// Verbs that report an attitude or speech through a prepositional object ("called for a
/// ban", "talked about taxes", "voted against the bill"), by stem.
const PREP_VERB_STEMS: &[&str] = &[
    "call", "talk", "spok", "speak", "comment", "complain", "refer", "respond", "focus", "push",
    "vote", "campaign", "advocat", "apologi", "allud", "side", "rel", "count", "bristl", "balk",
    "argu", "lobb", "press", "appeal", "object", "protest", "rail", "lash", "insist", "elaborat",
    "testif", "brag", "boast", "joke", "hint", "remark", "reflect", "weigh", "pray", "plead",
    "pleaded", "fought", "fight", "rall", "warn",
];

/// A verb + preposition cue at `i` that the lexicon does not list.
fn prep_cue(doc: &Doc, i: usize, end: usize) -> Option<&'static str> {
    if i + 2 >= end || doc.tokens[i].kind != TokKind::Word || !is_object_prep(doc.tok(i + 1)) {
        return None;
    }
    let w = doc.tok(i);
    if doc.tokens[i].is_cap() || w.len() < 4 || w.len() > 12 {
        return None;
    }
    let inflected = [
        "", "s", "ed", "d", "ing", "ied", "ies", "y", "ied", "en", "e", "es",
    ];
    PREP_VERB_STEMS
        .iter()
        .any(|st| {
            w.strip_prefix(st).is_some_and(|rest| {
                inflected.contains(&rest) || (rest.len() == 3 && rest.ends_with("ed"))
            })
        })
        .then_some(OBJECT)
}

/// Nouns that report a stance or statement about their prepositional object ("criticism of
/// the plan", "questions about his health"), singular and plural.
const STANCE_NOUNS: &[&str] = &[
    "support",
    "criticism",
    "criticisms",
    "question",
    "questions",
    "debate",
    "debates",
    "endorsement",
    "endorsements",
    "opposition",
    "concern",
    "concerns",
    "view",
    "views",
    "idea",
    "chants",
    "tribute",
    "swipe",
    "swipes",
    "remarks",
    "comments",
    "comment",
    "references",
    "reference",
    "promises",
    "promise",
    "praise",
    "position",
    "positions",
    "fears",
    "fear",
    "accusations",
    "accusation",
    "allegations",
    "attack",
    "attacks",
    "announcement",
    "decision",
    "disagreement",
    "disagreements",
    "doubts",
    "complaints",
    "complaint",
    "demands",
    "demand",
    "calls",
    "requests",
    "request",
    "proposal",
    "proposals",
    "plans",
    "warnings",
    "warning",
    "skepticism",
    "distrust",
    "enthusiasm",
    "sympathy",
    "frustration",
    "outrage",
    "denunciations",
    "condemnations",
    "condemnation",
    "declarations",
    "preference",
    "insistence",
    "discussions",
    "discussion",
    "statements",
    "statement",
    "testimony",
    "rhetoric",
    "message",
    "messages",
    "pledge",
    "vow",
    "threats",
    "threat",
    "apology",
    "defense",
    "claims",
    "embrace",
    "backlash",
];

/// Adjectives of attitude after a copula ("X is skeptical of Y").
const STANCE_ADJECTIVES: &[&str] = &[
    "worried",
    "concerned",
    "skeptical",
    "critical",
    "angry",
    "upbeat",
    "divided",
    "split",
    "interested",
    "proud",
    "confident",
    "wary",
    "furious",
    "comfortable",
    "supportive",
    "optimistic",
    "pessimistic",
    "enthusiastic",
    "unhappy",
    "happy",
    "frustrated",
    "fond",
    "tired",
    "uneasy",
    "leery",
    "outspoken",
    "vocal",
    "pleased",
    "disappointed",
    "adamant",
];

/// "his criticism of the plan", "Lee’s support for the bill", "voters are divided on the
/// issue": a stance noun or adjective whose prepositional object is the content. Returns the
/// token to continue from.
fn nominal_report(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    if i + 3 >= r.end
        || doc.tokens[i].kind != TokKind::Word
        || !matches!(
            doc.tok(i + 1),
            "for" | "about" | "on" | "of" | "against" | "over" | "to" | "toward" | "towards"
        )
    {
        return None;
    }
    let w = doc.tok(i);
    if w.len() < 3 || w.len() > 14 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let noun = STANCE_NOUNS.contains(&w);
    if !noun && !STANCE_ADJECTIVES.contains(&w) {
        return None;
    }
    if doc.quoted_at(doc.tokens[i].span.start()).is_some() {
        return None;
    }
    let np = if noun {
        // "his criticism of", "Lee’s support for", "the senator’s remarks about"
        match i.checked_sub(1).map(|k| doc.tok(k)) {
            Some("his" | "her" | "their" | "its" | "my" | "our") => Some((i - 1, i)),
            Some("’s" | "'s" | "’") if i >= r.start + 2 => subject_before(doc, i - 1, r.start),
            _ => None,
        }
    } else {
        // "voters are divided on": a copula or "seemed" between subject and adjective
        let mut k = i;
        while k > r.start
            && matches!(
                doc.tok(k - 1),
                "very"
                    | "deeply"
                    | "increasingly"
                    | "more"
                    | "less"
                    | "so"
                    | "too"
                    | "not"
                    | "also"
                    | "still"
                    | "now"
            )
        {
            k -= 1;
        }
        if k == r.start
            || !matches!(
                doc.tok(k - 1),
                "is" | "was"
                    | "are"
                    | "were"
                    | "been"
                    | "be"
                    | "remains"
                    | "remained"
                    | "seemed"
                    | "seems"
                    | "appeared"
                    | "appears"
                    | "grew"
                    | "became"
            )
        {
            return None;
        }
        Some(subject_before(doc, k - 1, r.start)?)
    };
    let a = i + 2;
    let e = object_end(doc, a, r.end)?;
    let content = trim_content(doc, a, e)?;
    let q = content_quote(doc, content, (i, i + 2), np);
    out.push(q);
    Some(e)
}

/// The end of a noun-phrase object starting at `a`: up to a comma, a dash, a clause break or
/// the end. None when no noun phrase starts there.
fn object_end(doc: &Doc, a: usize, end: usize) -> Option<usize> {
    if a >= end || doc.tokens[a].kind != TokKind::Word {
        return None;
    }
    let k = (a..end)
        .find(|&k| {
            matches!(
                doc.tokens[k].kind,
                TokKind::Terminal | TokKind::Dash | TokKind::OpenQuote
            ) || matches!(
                doc.tok(k),
                "," | ";"
                    | ":"
                    | "("
                    | "because"
                    | "after"
                    | "before"
                    | "while"
                    | "when"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "earlier"
                    | "recently"
            ) || (k > a
                && matches!(doc.tok(k), "and" | "but")
                && (k + 1..end.min(k + 4)).any(|v| is_cue_at(doc, v).is_some()))
                || (k > a
                    && matches!(doc.tok(k), "on" | "in" | "during" | "this")
                    && k + 1 < end
                    && is_time_word(doc.tok(k + 1)))
        })
        .unwrap_or(end);
    (k > a).then_some(k)
}

/// For "…, said X" and "…,” said X": the inverted subject and the comma before the cue. The
/// subject fills the rest of the clause ("…, said Lee." not "…, said the chamber will vote"),
/// up to a comma, an aside in brackets or a dash.
fn inverted_subject(doc: &Doc, s0: usize, i: usize, end: usize) -> Option<((usize, usize), usize)> {
    if i < s0 + 2 {
        return None;
    }
    let comma = if doc.tok(i - 1) == "," {
        i - 1
    } else if doc.tokens[i - 1].kind == TokKind::CloseQuote
        && matches!(doc.tok(i - 2), "," | "?" | "!")
    {
        i - 2
    } else {
        return None;
    };
    let cue = cue_span(doc, i);
    let stop = (cue.1..end)
        .find(|&k| {
            matches!(doc.tokens[k].kind, TokKind::Terminal | TokKind::Dash)
                || matches!(doc.tok(k), "," | "(")
        })
        .unwrap_or(end);
    let np = subject_after(doc, cue.1, stop)
        .filter(|np| np.1 == stop && !matches!(doc.tok(np.1 - 1), "the" | "a" | "an" | "The"))?;
    Some((np, comma))
}

/// Whether a span overlaps a quotation-mark region.
fn has_marks(doc: &Doc, span: Span) -> bool {
    let k = doc.quoted.partition_point(|q| q.inner.end <= span.start);
    doc.quoted.get(k).is_some_and(|q| q.inner.start < span.end)
}

/// For "X praised Y and said …": the speaker of the report just made in the same sentence.
fn coordinated_speaker(
    doc: &Doc,
    s0: usize,
    i: usize,
    out: &[Quote],
) -> Option<(Option<u32>, Option<Span>)> {
    let mut k = i;
    while k > s0 && is_aux(doc.tok(k - 1)) {
        k -= 1;
    }
    if k == s0 || !matches!(doc.tok(k - 1), "and" | "but") {
        return None;
    }
    let start = doc.tokens[s0].span.start;
    let at = doc.tokens[i].span.start;
    if let Some(q) = out.last() {
        if q.span.start >= start && q.span.start < at && q.speaker.is_some() {
            return Some((q.speaker, q.speaker_span));
        }
    }
    None
}

/// For "X did Y, saying …": the speaker of any report already made in the same sentence.
fn coordinated_speaker_any(
    doc: &Doc,
    s0: usize,
    i: usize,
    out: &[Quote],
) -> Option<(Option<u32>, Option<Span>)> {
    let start = doc.tokens[s0].span.start;
    let at = doc.tokens[i].span.start;
    out.last()
        .filter(|q| q.span.start >= start && q.span.start < at && q.speaker.is_some())
        .map(|q| (q.speaker, q.speaker_span))
}

/// A short object followed by a quotation ("it “absurd”", "Sanders of “using a Karl Rove
/// attack”"): the content runs to the end of the quotation.
fn quoted_object_end(doc: &Doc, a: usize, end: usize) -> Option<usize> {
    let mut k = a;
    while k < end && k < a + 10 {
        let t = doc.tokens[k];
        if t.kind == TokKind::OpenQuote {
            let q = doc.quoted_at(doc.tokens[(k + 1).min(end - 1)].span.start())?;
            return Some((doc.quoted[q].end_tok as usize).min(end));
        }
        if t.kind == TokKind::Terminal || doc.tok(k) == "," {
            return None;
        }
        k += 1;
    }
    None
}

/// Skips "on Monday", "in a statement", "last week", ", in an interview," after a cue.
fn skip_circumstance(doc: &Doc, mut a: usize, end: usize) -> usize {
    loop {
        let start = a;
        if tok_is(doc, a, ",") {
            a += 1;
        }
        if a < end
            && matches!(
                doc.tok(a),
                "on" | "in"
                    | "at"
                    | "during"
                    | "last"
                    | "this"
                    | "late"
                    | "early"
                    | "earlier"
                    | "later"
                    | "via"
                    | "through"
                    | "to"
                    | "after"
                    | "before"
            )
        {
            let mut k = a + 1;
            while k < end
                && k < a + 7
                && doc.tokens[k].kind != TokKind::Punct
                && !matches!(doc.tok(k), "that")
                && (doc.tokens[k].is_cap()
                    || doc.tokens[k].kind == TokKind::Number
                    || is_np_word(doc.tok(k))
                    || is_time_word(doc.tok(k))
                    || words().is(doc.tok(k), class::ORG_NOUN | class::ROLE | class::PEOPLE)
                    || matches!(
                        doc.tok(k),
                        "interview"
                            | "interviews"
                            | "press"
                            | "conference"
                            | "briefing"
                            | "speech"
                            | "email"
                            | "phone"
                            | "call"
                            | "televised"
                            | "address"
                            | "message"
                            | "week"
                            | "weekend"
                            | "month"
                            | "year"
                            | "night"
                            | "morning"
                            | "afternoon"
                            | "evening"
                    ))
            {
                k += 1;
            }
            if k > a + 1 {
                a = k;
                if tok_is(doc, a, ",") {
                    a += 1;
                }
                continue;
            }
        }
        if a < end && is_time_word(doc.tok(a)) {
            a += 1;
            continue;
        }
        // "said — on Twitter, as it happens — that …": an aside between dashes
        if a < end && doc.tokens[a].kind == TokKind::Dash {
            if let Some(close) =
                (a + 1..end.min(a + 16)).find(|&k| doc.tokens[k].kind == TokKind::Dash)
            {
                a = close + 1;
                continue;
            }
        }
        if a == start || (a == start + 1 && doc.tok(start) == ",") {
            return start;
        }
    }
}

fn is_time_word(s: &str) -> bool {
    matches!(
        s,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "recently"
            | "earlier"
            | "later"
            | "previously"
            | "again"
            | "Monday’s"
            | "week"
            | "month"
            | "year"
            | "day"
    )
}

/// A content clause ends at the sentence end, or before a second attribution ", X said".
fn clause_end(doc: &Doc, a: usize, end: usize) -> usize {
    let mut k = a;
    while k < end {
        if doc.tok(k) == "," && k + 1 < end && tok_is(doc, k + 1, "according") {
            return k;
        }
        // "…, saying …", "…, adding that …": a participial report of its own
        if doc.tok(k) == ","
            && k > a
            && k + 1 < end
            && doc.tok(k + 1).ends_with("ing")
            && is_cue_at(doc, k + 1).is_some()
            && doc.quoted_at(doc.tokens[k + 1].span.start()).is_none()
        {
            return k;
        }
        // "…, and three-quarters said …", "…, while 9 percent found …": a second report
        if matches!(doc.tok(k), "and" | "but" | "while" | "whereas")
            && k > a + 2
            && k >= 1
            && doc.tok(k - 1) == ","
        {
            if let Some(v) = (k + 2..end.min(k + 7)).find(|&v| is_cue_at(doc, v).is_some()) {
                if doc.quoted_at(doc.tokens[v].span.start()).is_none()
                    && subject_before(doc, v, k + 1).is_some_and(|np| np.0 == k + 1)
                {
                    return k - 1;
                }
            }
        }
        // "… but argues that …": a second report by the same subject
        if matches!(doc.tok(k), "and" | "but") && k > a + 2 {
            let mut v = k + 1;
            while v < end && is_aux(doc.tok(v)) {
                v += 1;
            }
            if v < end
                && is_cue_at(doc, v).is_some_and(|l| l != "according")
                && !doc.tok(v).ends_with("ing")
                && doc.quoted_at(doc.tokens[v].span.start()).is_none()
            {
                return if k > a && doc.tok(k - 1) == "," {
                    k - 1
                } else {
                    k
                };
            }
        }
        k += 1;
    }
    end
}

/// A reported clause starts with a subject: a name, pronoun, determiner or number.
fn looks_like_clause(doc: &Doc, a: usize, b: usize) -> bool {
    // ", citing figures from …", ", adding …": a participle that qualifies the report, not
    // the reported clause
    if matches!(
        doc.tok(a),
        "citing" | "quoting" | "according" | "adding" | "saying" | "referring"
    ) {
        return false;
    }
    let t = doc.tokens[a];
    // "she'll", "it's", "they're": the pronoun before the contraction
    let s = doc.tok(a);
    let s = s.split(['\'', '’']).next().unwrap_or(s);
    // "candidates are becoming …": a bare noun subject before an auxiliary or modal
    if t.kind == TokKind::Word
        && (a + 1..b.min(a + 5))
            .take_while(|&k| doc.tokens[k].kind == TokKind::Word)
            .any(|k| is_finite_aux(doc.tok(k)))
        && !FUNCTION_WORDS.contains(&s)
        && !is_aux(s)
    {
        return true;
    }
    if t.is_cap() || t.kind == TokKind::Number || t.kind == TokKind::OpenQuote {
        return true;
    }
    if s.len() > 5 && s.ends_with("ing") && b - a >= 4 {
        return true;
    }
    let starts = matches!(
        s,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "there"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "some"
            | "many"
            | "most"
            | "all"
            | "no"
            | "more"
            | "about"
            | "nearly"
            | "at"
            | "up"
            | "only"
            | "several"
            | "both"
            | "neither"
            | "none"
            | "each"
            | "every"
            | "any"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "hundreds"
            | "thousands"
            | "dozens"
            | "millions"
            | "if"
            | "when"
            | "while"
            | "because"
            | "although"
            | "what"
            | "how"
            | "why"
            | "whether"
            | "you"
    );
    starts && b - a >= 3
}

/// Auxiliaries and modals that mark a finite clause ("candidates are becoming …").
fn is_finite_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "won't"
            | "can't"
            | "don't"
            | "doesn't"
            | "didn't"
            | "isn't"
            | "aren't"
            | "wasn't"
            | "weren't"
            | "won’t"
            | "can’t"
            | "don’t"
            | "doesn’t"
            | "didn’t"
            | "isn’t"
            | "aren’t"
            | "wasn’t"
            | "weren’t"
    )
}

/// For "…, X said", the subject and the comma before it.
fn trailing_subject(doc: &Doc, s0: usize, cue: usize) -> Option<((usize, usize), usize)> {
    let np = subject_before(doc, cue, s0)?;
    // the subject must be preceded by a comma (or a closing quote and comma)
    let mut k = np.0;
    // "Koo, spokesperson of ..., said": subject_before already skipped the appositive
    while k > s0 && matches!(doc.tokens[k - 1].kind, TokKind::CloseQuote) {
        k -= 1;
    }
    if k > s0 + 2 && matches!(doc.tok(k - 1), "," | "—" | "–") {
        return Some((np, k - 1));
    }
    // "…, law enforcement officials say": lowercase modifiers the phrase did not take
    let mut m = np.0;
    while m > s0 + 3 && np.0 - m < 3 {
        let t = doc.tokens[m - 1];
        let w = doc.tok(m - 1);
        if t.kind != TokKind::Word
            || t.is_cap()
            || FUNCTION_WORDS.contains(&w)
            || is_aux(w)
            || is_pronoun(doc, m - 1)
            || is_cue_at(doc, m - 1).is_some()
            || w.ends_with("ly")
        {
            break;
        }
        m -= 1;
    }
    if m < np.0 && matches!(doc.tok(m - 1), "," | "—" | "–") {
        return Some(((m, np.1), m - 1));
    }
    None
}

/// After a trailing cue: a participial second report ("…, adding that …").
fn after_trailing_cue(doc: &Doc, from: usize, end: usize) -> Option<(usize, (usize, usize))> {
    let mut k = from;
    while k < end && k < from + 6 {
        if doc.tok(k) == "," && k + 1 < end {
            if let Some(l) = is_cue_at(doc, k + 1) {
                if doc.tok(k + 1).ends_with("ing") && !WEAK_LEMMAS.contains(&l) {
                    return Some((k + 2, (k + 1, k + 2)));
                }
            }
        }
        k += 1;
    }
    None
}

/// "The NIS analysis also revealed that …, the legislator added": the inner report governs
/// the content most closely; the outer speaker only relayed it.
fn nest_inner_report(
    doc: &mut Doc,
    q: &mut Quote,
    content: (usize, usize),
    used: &FxHashSet<usize>,
) {
    let limit = (content.0 + 12).min(content.1);
    for k in content.0..limit {
        if doc.quoted_at(doc.tokens[k].span.start()).is_some() {
            break;
        }
        let Some(lemma) = is_cue_at(doc, k) else {
            continue;
        };
        if used.contains(&k) || lemma == "according" || WEAK_LEMMAS.contains(&lemma) {
            continue;
        }
        let Some(np) = subject_before(doc, k, content.0) else {
            continue;
        };
        if np.0 != content.0
            && !(np.0 == content.0 + 1 && doc.tokens[content.0].kind != TokKind::Word)
        {
            continue;
        }
        let a = skip_circumstance(doc, k + 1, content.1);
        let Some(inner) = trim_content(doc, a, content.1) else {
            continue;
        };
        let outer = q.speaker;
        let (speaker, sspan) = resolve_speaker(doc, np);
        let span = span_of(doc, inner.0, inner.1);
        q.span = span;
        q.parts = vec![span];
        q.kind = if has_marks(doc, span) {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        q.speaker = speaker;
        q.speaker_span = Some(sspan);
        q.cue = Some(span_of(doc, k, k + 1));
        if let Some(o) = outer {
            if Some(o) != speaker {
                q.via.push(o);
            }
        }
        return;
    }
}

/// `according to X, …` and `…, according to X`. When the content has a speaker of its own
/// ("The NIS said …, according to two legislators"), X relayed it: it goes to `via`.
fn according_to(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
    used: &FxHashSet<usize>,
) -> Option<usize> {
    let cue = (i, i + 2);
    let stop = (cue.1..r.end)
        .find(|&k| matches!(doc.tokens[k].kind, TokKind::Terminal) || doc.tok(k) == ",")
        .unwrap_or(r.end);
    let np = subject_after(doc, cue.1, stop).or_else(|| {
        // "according to early results of the exit poll": the whole phrase is the source
        (stop > cue.1 && stop - cue.1 <= 20).then_some((cue.1, stop))
    })?;
    // the source noun phrase may continue with "who attended …": keep the phrase itself
    if i == r.start || (i == r.start + 1 && doc.tokens[r.start].kind != TokKind::Word) {
        let content = trim_content(doc, stop, r.end)?;
        let q = content_quote(doc, content, cue, Some(np));
        out.push(q);
        return Some(r.end);
    }
    let content_end = if i > r.start && doc.tok(i - 1) == "," {
        i - 1
    } else {
        i
    };
    // a report already made from this sentence's own cue takes X as via
    let content_span = span_of(doc, r.start, content_end.max(r.start + 1));
    if let Some(prev) = out
        .iter_mut()
        .rev()
        .find(|q| content_span.contains(q.span) || q.span.overlaps(content_span))
    {
        let (speaker, sspan) = resolve_speaker(doc, np);
        if let Some(s) = speaker {
            if prev.speaker != Some(s) && !prev.via.contains(&s) {
                prev.via.push(s);
            }
        }
        prev.via_text.push(sspan);
        return Some(r.end);
    }
    // an unattributed clause, or one whose own cue has not been read yet
    let inner_cue = (r.start..content_end).find(|&k| {
        is_cue_at(doc, k).is_some_and(|l| l != "according" && !WEAK_LEMMAS.contains(&l))
    });
    if let Some(k) = inner_cue {
        let lemma = is_cue_at(doc, k).unwrap_or("say");
        let before = out.len();
        speech_clause(doc, r.start..content_end, k, lemma, out, used);
        if out.len() > before {
            let (speaker, sspan) = resolve_speaker(doc, np);
            let q = out.last_mut().expect("just pushed");
            if let Some(s) = speaker {
                if q.speaker != Some(s) {
                    q.via.push(s);
                }
            }
            q.via_text.push(sspan);
            return Some(r.end);
        }
    }
    let content = trim_content(doc, r.start, content_end)?;
    let q = content_quote(doc, content, cue, Some(np));
    out.push(q);
    Some(r.end)
}

/// Moves every reference from entity `from` to entity `to`; `from` stays as an empty shell
/// (removed when the ledger is written) so indices remain valid.
pub fn redirect_entity(doc: &mut Doc, from: u32, to: u32) {
    for m in &mut doc.mentions {
        if m.entity == from {
            m.entity = to;
        }
    }
    for q in &mut doc.quotes {
        if q.speaker == Some(from) {
            q.speaker = Some(to);
        }
        for v in q.via.iter_mut().chain(q.cites.iter_mut()) {
            if *v == from {
                *v = to;
            }
        }
    }
    doc.entities[from as usize].aliases.clear();
    doc.entities[from as usize].name.clear();
}

#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use crate::pipeline;
    use crate::{extract, Meta, Options};

    /// (content, speaker phrase) for every quote found in `text`.
    fn quotes_of(text: &str) -> Vec<(String, String)> {
        let doc = extract(text, Meta::default(), Options { keep_text: true });
        doc.quotes
            .iter()
            .map(|q| {
                let content = q
                    .parts
                    .iter()
                    .map(|p| doc.slice(*p))
                    .collect::<Vec<_>>()
                    .join(" | ");
                let speaker = q.speaker_span.map(|s| doc.slice(s)).unwrap_or("");
                (content, speaker.to_string())
            })
            .collect()
    }

    fn has(found: &[(String, String)], content: &str, speaker: &str) -> bool {
        found.iter().any(|(c, s)| c == content && s == speaker)
    }

    #[test]
    fn long_speaker_phrase_after_a_quotation() {
        let q = quotes_of("“We will rebuild the bridge,” Mr. Arden of the Harbor Trust said.");
        assert!(has(&q, "We will rebuild the bridge,", "Arden"), "{q:?}");
    }

    #[test]
    fn a_quotation_split_by_its_cue_is_one_quote() {
        let q = quotes_of("“The river rose fast,” she said, “and the town was not ready.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "The river rose fast, | and the town was not ready.");
    }

    #[test]
    fn colon_after_a_clause_gives_its_subject() {
        let q = quotes_of("The mayor issued a short statement: “The market will reopen.”");
        assert!(has(&q, "The market will reopen.", "The mayor"), "{q:?}");
    }

    #[test]
    fn weak_cue_right_after_a_quotation() {
        let q = quotes_of("“Nobody saw it coming,” Varga concluded.");
        assert!(has(&q, "Nobody saw it coming,", "Varga"), "{q:?}");
    }

    #[test]
    fn quoted_titles_are_not_speech() {
        assert!(quotes_of("She watched “The Long Night” twice.").is_empty());
        assert!(quotes_of("“The Long Night” aired on Sunday.").is_empty());
    }

    #[test]
    fn appositive_subject_with_a_clause_is_leading() {
        let q =
            quotes_of("Olga Brandt, the chair of the board, said the factory would close in May.");
        assert!(
            has(&q, "the factory would close in May", "Olga Brandt"),
            "{q:?}"
        );
    }

    #[test]
    fn inverted_cue_needs_a_whole_subject() {
        let q = quotes_of("Asked about the vote, said the clerk would count again.");
        assert!(q.iter().all(|(_, s)| s != "the"), "{q:?}");
    }

    #[test]
    fn medial_cue_joins_both_halves() {
        let q = quotes_of("The plan, he said, is to finish the road by winter.");
        assert!(
            has(&q, "The plan | is to finish the road by winter", "he"),
            "{q:?}"
        );
    }

    #[test]
    fn unnamed_and_counted_subjects() {
        let q = quotes_of("The bakery said its ovens were broken. Just 40 percent of parents said they agreed with it.");
        assert!(has(&q, "its ovens were broken", "The bakery"), "{q:?}");
        assert!(
            has(&q, "they agreed with it", "40 percent of parents"),
            "{q:?}"
        );
    }

    #[test]
    fn coordinated_report_shares_the_subject() {
        let q = quotes_of("The firm reported weak sales and said it would cut forty jobs.");
        assert!(has(&q, "it would cut forty jobs", "The firm"), "{q:?}");
    }

    #[test]
    fn object_phrase_reports() {
        let q = quotes_of("The senator called for a ban on imports.");
        assert!(has(&q, "a ban on imports", "The senator"), "{q:?}");
        let q = quotes_of("Mr. Lopez talked about his plans for the region.");
        assert!(has(&q, "his plans for the region", "Lopez"), "{q:?}");
        let q = quotes_of("The mayor criticized the budget.");
        assert!(has(&q, "the budget", "The mayor"), "{q:?}");
    }

    #[test]
    fn stance_noun_and_adjective_reports() {
        let q = quotes_of("She repeated her criticism of the new levy.");
        assert!(q.iter().any(|(t, _)| t == "the new levy"), "{q:?}");
        let q = quotes_of("Local farmers are deeply skeptical of the water plan.");
        assert!(has(&q, "the water plan", "Local farmers"), "{q:?}");
    }

    #[test]
    fn relative_pronoun_subject_and_states_noun() {
        let q = quotes_of("Voters backed Ms. Okafor, who announced that she would run again.");
        assert!(has(&q, "she would run again", "Okafor"), "{q:?}");
        let q = quotes_of("The United States sent more ships to the region.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn weak_cue_with_an_object_and_a_quoted_phrase() {
        let q = quotes_of("The governor called the plan “a fantasy” on Tuesday.");
        assert!(has(&q, "the plan “a fantasy”", "The governor"), "{q:?}");
    }

    #[test]
    fn according_to_a_long_source() {
        let q = quotes_of("Turnout was high, according to early figures from the county clerk.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Turnout was high");
    }

    #[test]
    fn doubled_apostrophes_quote() {
        let q = quotes_of("''The fund is empty,'' Ms. Ortiz said.");
        assert!(has(&q, "The fund is empty,", "Ortiz"), "{q:?}");
    }

    #[test]
    fn inverted_cue_after_a_quoted_fragment() {
        let q = quotes_of(
            "As for cost, ''the bridge is a luxury,'' said Mr. Olsen, who runs the port.",
        );
        assert!(
            has(&q, "As for cost, ''the bridge is a luxury", "Olsen"),
            "{q:?}"
        );
    }

    #[test]
    fn counted_and_modified_subjects() {
        let q = quotes_of(
            "Nearly half said they liked the new park. Harbor analysts say prices will fall.",
        );
        assert!(has(&q, "they liked the new park", "Nearly half"), "{q:?}");
        assert!(has(&q, "prices will fall", "Harbor analysts"), "{q:?}");
    }

    #[test]
    fn participial_report_and_infinitive_complement() {
        let q = quotes_of("The union defended the strike, saying the wages are too low. The mayor declined to say whether the pool would open.");
        assert!(has(&q, "the wages are too low", "The union"), "{q:?}");
        assert!(
            has(&q, "to say whether the pool would open", "The mayor"),
            "{q:?}"
        );
    }

    #[test]
    fn definite_description_takes_the_earlier_source() {
        let doc = extract(
            "Coastal officials said the dam held. The officials also said two roads were shut.",
            Meta::default(),
            Options { keep_text: true },
        );
        assert_eq!(doc.quotes.len(), 2);
        assert_eq!(doc.quotes[0].speaker, doc.quotes[1].speaker);
    }

    /// Prints what the stage finds in $QUOTES_TEXT: `cargo test -p sourced-engine
    /// show_quotes -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn show_quotes() {
        let text = std::env::var("QUOTES_TEXT").unwrap_or_default();
        for q in quotes_of(&text) {
            println!("{q:?}");
        }
    }

    /// Words per second of the whole pipeline over the texts of a JSONL file in
    /// $QUOTES_BENCH: `cargo test --release -p sourced-engine bench_quotes -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore]
    fn bench_quotes() {
        let Ok(path) = std::env::var("QUOTES_BENCH") else {
            return;
        };
        let data = std::fs::read_to_string(path).expect("readable file");
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        use crate::pipeline::{run_stage, start, Stage};
        let mut per_stage = [0f64; Stage::ALL.len()];
        let t0 = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            for t in &texts {
                let mut doc = start(t, Meta::default(), Options { keep_text: true });
                for (k, stage) in Stage::ALL.iter().enumerate() {
                    let s0 = std::time::Instant::now();
                    run_stage(&mut doc, *stage);
                    per_stage[k] += s0.elapsed().as_secs_f64();
                }
                n += doc.quotes.len();
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{n} quotes, {:.2} M words/s",
            5.0 * words as f64 / secs / 1e6
        );
        for (k, stage) in Stage::ALL.iter().enumerate() {
            println!("  {:<12} {:.1}%", stage.name(), 100.0 * per_stage[k] / secs);
        }
    }
}
