//! Stage *quotes*: reported speech, direct, mixed and indirect, with speaker, cue, cites and
//! via.
//!
//! Direct quotations come from the quotation-mark regions the segmenter paired; each looks for
//! its cue next to it (`“…,” X said`, `said X`, `X said: “…”`). Indirect speech comes from speech
//! verbs outside quotation marks, in three shapes: `X said (that) …`, `…, X said` and
//! `according to X, …`. A speaker phrase resolves to an entity through the mentions the
//! entities and coreference stages left; a phrase that names no entity ("two legislators",
//! "security sources") becomes a descriptor entity of its own.

use crate::doc::{Doc, EntityKind, Mention, MentionKind, Quote, QuoteKind, Span, TokKind};
use crate::words::{class, words};
use rustc_hash::FxHashSet;

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
    "back",
    "thank",
    "denounce",
    "discuss",
    "cite",
    "express",
    "refer",
    "make clear",
    "favor",
    "prefer",
    "laud",
    "assail",
    "retweet",
    "order",
    "offer",
    "release",
    "issue",
    "portray",
    "deride",
    "highlight",
    "disavow",
    "clarify",
    "hail",
    "anticipate",
    "liken",
    "characterize",
    "chide",
    "bemoan",
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

fn is_aux(word: &str) -> bool {
    words().is(word, class::AUX)
}

/// [`is_aux`] for token `i`, from the class bits the segmenter stored: no hash probe.
fn is_aux_at(doc: &Doc, i: usize) -> bool {
    doc.class(i) & class::AUX != 0 && !modal_name(doc, i)
}

/// "which Will claims", "While Will acknowledges": a capitalised modal before a verb with
/// its own ending is a name, not an auxiliary.
fn modal_name(doc: &Doc, i: usize) -> bool {
    doc.tok(i) == "Will"
        && !doc.tokens[i].is(crate::doc::flag::SENT_START)
        && i + 1 < doc.tokens.len()
        && doc.tokens[i + 1].kind == TokKind::Word
        && !doc.tokens[i + 1].is_cap()
        && {
            let n = doc.tok(i + 1);
            n.len() > 3 && (n.ends_with('s') && !n.ends_with("ss") || n.ends_with("ed"))
        }
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
    headline_report(doc, &mut out);
    framed_reports(doc, &mut out);
    out.sort_by_key(|q| q.span);
    opening_participle_speakers(doc, &mut out);
    drop_restated_quotations(&mut out);
    continue_reports_between(doc, &mut out);
    join_continuations(doc, &mut out);
    doc.quotes = out;
}

/// `Lee said the plan failed. Adding, “…”`: a participle opening its sentence has no
/// subject; it goes on with the report just before it, in the same paragraph. `out` is
/// sorted by span.
fn opening_participle_speakers(doc: &Doc, out: &mut [Quote]) {
    for k in 1..out.len() {
        let Some(c) = out[k].cue.filter(|_| out[k].speaker.is_none()) else {
            continue;
        };
        let i = doc.token_at(c.start());
        let t = doc.tokens[i];
        let w = doc.tok(i);
        if !(t.is(crate::doc::flag::SENT_START) && t.is_cap() && w.len() > 5 && w.ends_with("ing"))
        {
            continue;
        }
        let Some(s) = doc.sentence_at(c.start()) else {
            continue;
        };
        let para = doc.sentences[s].paragraph;
        let Some(p) = (0..k).rev().find(|&p| {
            out[p].speaker.is_some()
                && out[p].span.end <= c.start
                && doc
                    .sentence_at(out[p].span.end().saturating_sub(1))
                    .is_some_and(|ps| ps + 1 >= s && doc.sentences[ps].paragraph == para)
        }) else {
            continue;
        };
        out[k].speaker = out[p].speaker;
        out[k].speaker_span = out[p].speaker_span;
    }
}

/// `“A,” Lee said. She says the plan works. “B.”`: a later part of a quotation that follows
/// another attributed report continues that report, not the quotation before it. `out` is
/// sorted by span; only span ends change, so it stays sorted.
fn continue_reports_between(doc: &Doc, out: &mut [Quote]) {
    for k in 0..out.len() {
        if out[k].kind != QuoteKind::Direct || out[k].parts.len() < 2 {
            continue;
        }
        for m in 1..out[k].parts.len() {
            let (gap_start, gap_end) = (out[k].parts[m - 1].end, out[k].parts[m].start);
            // the report is a sentence of its own after the one the quotation's cue is in
            // ("…,” Lee said, speaking on condition of anonymity. “…” stays one quotation)
            let cue_end = out[k].cue.map_or(gap_start, |c| c.end.max(gap_start));
            let Some(cue_sentence) = doc.sentence_at(cue_end.saturating_sub(1) as usize) else {
                continue;
            };
            // reports start after the quotation part, so they sort after it
            let Some(r) = (k + 1..out.len())
                .take_while(|&r| out[r].span.start < gap_end)
                .filter(|&r| {
                    let q = &out[r];
                    q.kind != QuoteKind::Direct
                        && q.speaker.is_some()
                        && q.span.start >= gap_start
                        && q.span.end <= gap_end
                        && doc.sentence_at(q.span.start()) > Some(cue_sentence)
                        && q.cue
                            .is_some_and(|c| c.start >= gap_start && c.end <= gap_end)
                })
                .last()
            else {
                continue;
            };
            let moved: Vec<Span> = out[k].parts.drain(m..).collect();
            let q = &mut out[k];
            q.span = q.parts[1..].iter().fold(q.parts[0], |acc, p| acc.cover(*p));
            let rep = &mut out[r];
            for p in moved {
                rep.parts.push(p);
                rep.span = rep.span.cover(p);
            }
            rep.kind = QuoteKind::Mixed;
            break;
        }
    }
}

/// `Teachers are “tired,” Lee said. “They want a raise.”`: a quotation with no cue of its
/// own, right after a report whose attribution sits between the two, continues that report.
/// `out` is sorted by span.
fn join_continuations(doc: &Doc, out: &mut Vec<Quote>) {
    let para =
        |doc: &Doc, at: u32| doc.sentences[doc.sentence_at(at as usize).unwrap_or(0)].paragraph;
    let mut drop = vec![false; out.len()];
    let mut last: Option<usize> = None;
    for k in 0..out.len() {
        let q = &out[k];
        // a bare quotation, or bare quotations one after another ("“A.” “B.”")
        let continues = q.kind == QuoteKind::Direct && q.cue.is_none() && q.speaker.is_none();
        // “A” and B, Lee said: a bare quotation inside the report before it is that
        // report's own words, found twice; the report stays the one a later quotation
        // continues
        if let (true, Some(p)) = (continues, last) {
            let prev = &out[p];
            if prev.kind == QuoteKind::Mixed
                && prev.speaker.is_some()
                && q.span.start >= prev.span.start
                && q.span.end <= prev.span.end
            {
                drop[k] = true;
                continue;
            }
        }
        if let (true, Some(p)) = (continues, last) {
            let prev = &out[p];
            let between = prev
                .cue
                .is_some_and(|c| c.start >= prev.span.end && c.end <= q.span.start)
                // "The plan, Lee said, is dead.", "If anything, Lee said, it is dead.": a
                // cue set off by commas inside the report's sentence
                || prev.cue.is_some_and(|c| {
                    let sp = prev.speaker_span.unwrap_or(c);
                    let k = doc.token_at(sp.start());
                    let last = prev.parts[prev.parts.len() - 1];
                    let a = doc.token_at(last.start());
                    c.end <= last.start
                        && a > 0
                        && doc.tok(a - 1) == ","
                        && k > 0
                        && doc.tok(k - 1) == ","
                        && doc.tok(doc.token_at(c.end()).min(doc.tokens.len() - 1)) != "that"
                });
            let (pp, qp) = (para(doc, prev.span.start), para(doc, q.span.start));
            // a report closing one paragraph and a bare quotation opening the next
            let next_para = prev.kind != QuoteKind::Direct && pp + 1 == qp;
            if (between || pp == qp && report_goes_on(doc, prev, q))
                && prev.speaker.is_some()
                && (pp == qp || next_para)
            {
                let parts = q.parts.clone();
                let prev = &mut out[p];
                for part in parts {
                    prev.parts.push(part);
                    prev.span = prev.span.cover(part);
                }
                if prev.kind == QuoteKind::Indirect {
                    prev.kind = QuoteKind::Mixed;
                }
                drop[k] = true;
                continue;
            }
        }
        last = Some(k);
    }
    // “A.” (paragraph) “B,” Lee said.: a bare quotation right before an attributed one
    // that opens the next paragraph is the same speaker's
    for k in 0..out.len().saturating_sub(1) {
        if drop[k] || drop[k + 1] {
            continue;
        }
        let (q, n) = (&out[k], &out[k + 1]);
        let bare = q.kind == QuoteKind::Direct
            && q.cue.is_none()
            && q.speaker.is_none()
            && q.parts.len() == 1;
        let attributed_after = n.kind == QuoteKind::Direct
            && n.speaker.is_some()
            && n.cue.is_some_and(|c| c.start >= n.parts[0].end);
        let opens_next = para(doc, q.span.start) + 1 == para(doc, n.span.start)
            && doc.tokens[doc.token_at(n.span.start()).saturating_sub(1)]
                .is(crate::doc::flag::PARA_START);
        if bare && attributed_after && opens_next {
            let (speaker, speaker_span, cue) = (n.speaker, n.speaker_span, n.cue);
            let q = &mut out[k];
            q.speaker = speaker;
            q.speaker_span = speaker_span;
            q.cue = cue;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// `Lee said the plan was dead. “We will not vote for it.”`: a report with its cue before
/// it, ending its sentence, and a bare quotation opening the next sentence.
fn report_goes_on(doc: &Doc, prev: &Quote, q: &Quote) -> bool {
    if prev.kind == QuoteKind::Direct || prev.cue.is_none_or(|c| c.end > prev.span.start) {
        return false;
    }
    let (Some(a), Some(b)) = (
        doc.sentence_at(prev.span.end() - 1),
        doc.sentence_at(q.span.start()),
    ) else {
        return false;
    };
    if a + 1 != b {
        return false;
    }
    // nothing but closing punctuation between the report and its sentence end, or a
    // short aside after a comma that reports nothing ("…,” a term for the deal.")
    let end = doc.sentences[a].span.end;
    let gap = &doc.text[prev.span.end()..end as usize];
    if !gap.chars().all(|c| !c.is_alphanumeric()) {
        let (g0, g1) = (doc.token_at(prev.span.end()), doc.token_at(end as usize));
        let aside = g1 <= g0 + 12
            && (g0.saturating_sub(2)..g1.min(g0 + 2)).any(|m| doc.tok(m) == ",")
            && (g0..g1).all(|m| {
                !matches!(doc.tokens[m].kind, TokKind::OpenQuote | TokKind::CloseQuote)
                    && is_cue_at(doc, m).is_none()
                    && !matches!(doc.tok(m), "who" | "which" | "but" | "and" | "while")
            });
        if !aside {
            return false;
        }
    }
    // an unclosed quotation may hold its own attribution
    if doc
        .quoted_at(q.span.start())
        .is_none_or(|r| doc.quoted[r].unclosed)
    {
        return false;
    }
    // the quotation has no attribution of its own after it ("“…,” a friend wrote", "“…” is
    // a common saying"), found or not
    let k = doc.token_at(q.span.end());
    let stop = (k + 30).min(doc.tokens.len());
    !(k..stop)
        .take_while(|&m| {
            doc.tokens[m].kind != TokKind::Terminal
                && !doc.tokens[m].is(crate::doc::flag::PARA_START)
        })
        .any(|m| {
            doc.quoted_at(doc.tokens[m].span.start()).is_none()
                && (is_cue_at(doc, m).is_some()
                    || matches!(doc.tok(m), "saying" | "says" | "reads"))
        })
}

/// An indirect report that is mostly one direct quotation already found ("“…,” Lee, a
/// senator from Ohio, said" read again as `…, X said`) is the same attribution twice: the
/// quotation keeps it, taking the report's speaker and cue when it had none. `out` is
/// sorted by span.
fn drop_restated_quotations(out: &mut Vec<Quote>) {
    let direct: Vec<usize> = (0..out.len())
        .filter(|&k| out[k].kind == QuoteKind::Direct)
        .collect();
    if direct.is_empty() {
        return;
    }
    let mut drop = vec![false; out.len()];
    for k in 0..out.len() {
        if out[k].kind == QuoteKind::Direct {
            continue;
        }
        let span = out[k].span;
        let at = direct.partition_point(|&d| out[d].span.start < span.end);
        let Some(&d) = direct[..at].iter().rev().take(3).find(|&&d| {
            // the parts hold the text inside the marks; the report may hold the marks too
            let shared: usize = out[d]
                .parts
                .iter()
                .map(|o| {
                    let (a, b) = (o.start.saturating_sub(3), o.end + 3);
                    b.min(span.end).saturating_sub(a.max(span.start)) as usize
                })
                .sum();
            shared * 5 >= span.len() * 4
        }) else {
            continue;
        };
        drop[k] = true;
        // the report's cue is the nearer one ("…, with Lee saying, “…”"): its reading wins
        let inner = out[d].span;
        let gap = |c: Option<Span>| {
            c.map_or(usize::MAX, |c| {
                if c.end <= inner.start {
                    (inner.start - c.end) as usize
                } else {
                    c.start.saturating_sub(inner.end) as usize
                }
            })
        };
        if out[k].speaker.is_some()
            && (out[d].speaker.is_none() || gap(out[k].cue) < gap(out[d].cue))
        {
            out[d].speaker = out[k].speaker;
            out[d].speaker_span = out[k].speaker_span;
            out[d].cue = out[k].cue.or(out[d].cue);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

fn tok_is(doc: &Doc, i: usize, s: &str) -> bool {
    i < doc.tokens.len() && doc.tok(i) == s
}

/// The lemma of the cue at token `i`, the quotes stage's own cues included.
pub(crate) fn is_cue_at(doc: &Doc, i: usize) -> Option<&'static str> {
    let t = doc.tokens[i];
    if t.kind != TokKind::Word {
        return None;
    }
    // the segmenter's class bits say whether the word is a cue or one of the words
    // `extra_cue` decides on: no string comparison for the many words that are neither
    let c = doc.class(i);
    if c & (class::CUE | class::EXTRA_CUE) == 0 {
        return None;
    }
    let w = doc.tok(i);
    if w.eq_ignore_ascii_case("according") && tok_is(doc, i + 1, "to") {
        return Some("according");
    }
    // "pointed to her record", "critics point to the cost": what one cites as evidence is
    // the object of the preposition (not "the point to make")
    if tok_is(doc, i + 1, "to")
        && (matches!(w, "pointed" | "pointing")
            || w == "points"
                && i > 0
                && doc.tokens[i - 1].kind == TokKind::Word
                && !matches!(
                    doc.tok(i - 1),
                    "percentage" | "two" | "three" | "few" | "several"
                )
            || w == "point"
                && i > 0
                && (base_verb_before(doc.tok(i - 1)) || tok_is(doc, i - 1, "here")))
    {
        return Some(OBJECT);
    }
    let extra = || {
        if c & class::EXTRA_CUE != 0 {
            extra_cue(doc, i, w)
        } else {
            None
        }
    };
    if c & class::CUE == 0 {
        return extra();
    }
    // "the United States", "two states": the noun, wherever a cue is looked for
    words()
        .cue(w)
        .filter(|&l| l != "state" || states_is_verb(doc, 0, i))
        .filter(|&l| l != "call" || !naming_call(doc, i))
        // "hailed from Ohio"
        .filter(|&l| l != "hail" || !tok_is(doc, i + 1, "from"))
        .or_else(extra)
        .filter(|_| {
            !possessed_noun(doc, i) && !relative_after_pronoun(doc, i) && !counted_noun(doc, i)
        })
}

/// "12 exclamation points", "three claims", "of his claims": an -s form after a number, or
/// after a preposition and a determiner, is a plural noun.
fn counted_noun(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    if i < 2 || !w.ends_with('s') || w.ends_with("ss") || w == "says" || doc.tokens[i].is_cap() {
        return false;
    }
    let prev = doc.tokens[i - 1];
    let p = doc.tok(i - 1);
    prev.kind == TokKind::Number
        || doc.tokens[i - 2].kind == TokKind::Number
            && prev.kind == TokKind::Word
            && !prev.is_cap()
            && !p.ends_with('s')
            && !is_aux_at(doc, i - 1)
        || matches!(
            doc.tok(i - 2),
            "of" | "about" | "with" | "against" | "on" | "over" | "to" | "by" | "for"
        ) && matches!(
            p,
            "his" | "her" | "their" | "its" | "these" | "those" | "such" | "the"
        )
        // "30% of Labour claims", "ten percent of false claims": a share of a plural noun
        || i >= 3
            && doc.tok(i - 2) == "of"
            && prev.kind == TokKind::Word
            && !is_aux_at(doc, i - 1)
            && (doc.tokens[i - 3].kind == TokKind::Number
                || matches!(doc.tok(i - 3), "%" | "percent" | "cent"))
}

/// "Lee’s claims", "the group’s reports": a plural noun after a possessive, not a verb.
fn possessed_noun(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    i > 0 && w.ends_with('s') && !w.ends_with("ss") && matches!(doc.tok(i - 1), "’s" | "'s")
}

/// "Nothing the mayor said …", "not everything Lee says is true": a relative clause
/// qualifying an indefinite pronoun reports nothing.
fn relative_after_pronoun(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 4 {
        let t = doc.tokens[k - 1];
        let w = doc.tok(k - 1);
        if matches!(
            w,
            "Nothing"
                | "nothing"
                | "Everything"
                | "everything"
                | "anything"
                | "Anything"
                | "something"
        ) {
            return k < i;
        }
        if t.kind != TokKind::Word
            || matches!(w, "that" | "which" | "who")
            || !(t.is_cap()
                || matches!(w, "the" | "he" | "she" | "they" | "we" | "I" | "you")
                || np_token(doc, k - 1))
        {
            return false;
        }
        k -= 1;
    }
    false
}

/// "a group called Our Voice", "called off the deal", "called in to a show": naming and
/// phrasal uses of "called" that report nothing.
fn naming_call(doc: &Doc, i: usize) -> bool {
    if !doc.tok(i).eq_ignore_ascii_case("called") {
        return false;
    }
    if tok_is(doc, i + 1, "off")
        || tok_is(doc, i + 1, "into")
        || tok_is(doc, i + 1, "in") && tok_is(doc, i + 2, "to")
    {
        return true;
    }
    if i == 0 || i + 1 >= doc.tokens.len() {
        return false;
    }
    let next = doc.tokens[i + 1];
    let prev = doc.tokens[i - 1];
    let p = doc.tok(i - 1);
    (next.is_cap() || next.kind == TokKind::OpenQuote)
        && prev.kind == TokKind::Word
        && !prev.is_cap()
        && !p.ends_with('s')
        && !is_aux(p)
        && !is_pronoun(doc, i - 1)
        && doc.class(i - 1) & (class::ROLE | class::PEOPLE | class::ORG_NOUN | class::SOURCE) == 0
}

/// Speech verbs the shared lexicon lacks, and "read" for what a text says ("the sign read").
fn extra_cue(doc: &Doc, i: usize, w: &str) -> Option<&'static str> {
    // "“…,” he went on.": going on speaking, with nothing after but punctuation
    if w == "went" || w == "goes" {
        let on = tok_is(doc, i + 1, "on")
            && i + 2 < doc.tokens.len()
            && (matches!(
                doc.tokens[i + 2].kind,
                TokKind::Terminal | TokKind::OpenQuote
            ) || matches!(doc.tok(i + 2), "," | ":"));
        return on.then_some("continue");
    }
    let b = w.as_bytes();
    let lemma = match w {
        // stance verbs PolNeAR annotates with their object ("backed Lee", "thanked voters")
        // "backed by the union" is a participle, not the union's stance
        "backed" | "backs" | "backing" if !tok_is(doc, i + 1, "by") => "back",
        "thanked" | "thanks" | "thanking" | "thank" => "thank",
        "denounced" | "denounces" | "denouncing" | "denounce" => "denounce",
        "discussed" | "discusses" | "discussing" | "discuss" => "discuss",
        // "Citing the attack, Lee urged …": the participle opening a sentence too
        "cited" | "cites" | "citing" | "Citing" => "cite",
        // the bare form is mostly the noun ("her support"); only a verb after these
        "support" | "oppose" if i > 0 && base_verb_before(doc.tok(i - 1)) => {
            if b[0] == b's' {
                "support"
            } else {
                "oppose"
            }
        }
        "supporting" | "opposing"
            if i > 0 && matches!(doc.tok(i - 1), "is" | "are" | "was" | "were") =>
        {
            if b[0] == b's' {
                "support"
            } else {
                "oppose"
            }
        }
        "favored" | "favors" | "favoring" if !tok_is(doc, i + 1, "by") => "favor",
        // "Lee named Ohio as …", "was named the director", "55 percent named Britain"; not
        // "a man named Lee", "named for her father", "declined to be named"
        "named" if naming_report(doc, i) => "name",
        "preferred" | "prefers" => "prefer",
        "mentioning" => "mention",
        "assailed" | "assails" => "assail",
        "retweeted" | "retweets" => "retweet",
        "ordered" if !tok_is(doc, i + 1, "by") => "order",
        "offered" | "offers" if !tok_is(doc, i + 1, "by") => "offer",
        "issued" if !tok_is(doc, i + 1, "by") => "issue",
        // "released a memo", not "released 20 prisoners": only what a text says is reported
        "released" | "releases" if document_follows(doc, i) => "release",
        "portrayed" | "portrays" | "portraying" => "portray",
        "derided" | "derides" | "deriding" => "deride",
        "highlighted" | "highlights" | "highlighting" | "highlight" => "highlight",
        "disavowed" | "disavowing" => "disavow",
        "clarified" | "clarifies" => "clarify",
        "defending" => "defend",
        "touting" => "tout",
        "echoing" => "echo",
        "expressed" | "expresses" | "expressing" => "express",
        "referring" | "referred" if tok_is(doc, i + 1, "to") => "refer",
        "made" | "makes" if clear_after(doc, i) => "make clear",
        "scoffed" | "scoffs" => "scoff",
        "confessed" | "confesses" => "confess",
        "recounted" | "recounts" => "recount",
        "marveled" | "marvels" => "marvel",
        "snapped" | "snaps" => "snap",
        "groused" | "grouses" => "grouse",
        "fumed" | "fumes" => "fume",
        "pleaded" | "pleads" => "plead",
        "shot" | "shoots" if tok_is(doc, i + 1, "back") => "retort",
        // "Lee continues: “…”": going on speaking (not "the war continues to …")
        "continues"
            if i + 1 < doc.tokens.len()
                && (matches!(doc.tok(i + 1), ":" | ",")
                    || doc.tokens[i + 1].kind == TokKind::Terminal) =>
        {
            "continue"
        }
        "protested" | "protests" if tok_is(doc, i + 1, "that") => "protest",
        // "“…,” read the statement": the text named after the verb
        "read" | "reads"
            if i > 0
                && doc.tokens[i - 1].kind != TokKind::Word
                && i + 2 < doc.tokens.len()
                && matches!(doc.tok(i + 1), "the" | "a")
                && is_read_document(doc.tok(i + 2)) =>
        {
            "read"
        }
        "read" | "reads"
            if i > 0 && (doc.tok(i - 1) == "it" || is_read_document(doc.tok(i - 1))) =>
        {
            "read"
        }
        // "did not mention", "to explain", "will reveal": a cue lemma's base form is a verb
        // only after a modal, "to", a negation or a pronoun subject
        _ if i > 0 && base_verb_before(doc.tok(i - 1)) => {
            return crate::lexicon::BASE_CUE_VERBS
                .iter()
                .find(|l| **l == w)
                .copied();
        }
        _ => return None,
    };
    Some(lemma)
}

/// "named" after its subject, an auxiliary or a count, with an object after it.
fn naming_report(doc: &Doc, i: usize) -> bool {
    if i == 0
        || i + 1 >= doc.tokens.len()
        || matches!(
            doc.tok(i + 1),
            "for" | "after" | "in" | "on" | "by" | "." | ","
        )
    {
        return false;
    }
    let p = doc.tok(i - 1);
    let prev = doc.tokens[i - 1];
    prev.kind == TokKind::Word
        && p != "be"
        && (prev.is_cap()
            || is_pronoun(doc, i - 1)
            || is_aux_at(doc, i - 1)
            || p.len() > 5 && p.ends_with("ly")
            || matches!(p, "percent" | "%"))
}

/// Texts that "read" something: "the sign read", "the statement reads".
fn is_read_document(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "sign"
            | "signs"
            | "letter"
            | "tweet"
            | "message"
            | "post"
            | "note"
            | "banner"
            | "headline"
            | "caption"
            | "email"
            | "ad"
            | "suit"
            | "lawsuit"
            | "complaint"
            | "filing"
            | "petition"
            | "card"
            | "memo"
            | "ruling"
            | "placard"
            | "document"
            | "motion"
            | "resolution"
    )
}

/// Words after which a bare "support" is a verb: "to support", "would not oppose", "they
/// support".
fn base_verb_before(w: &str) -> bool {
    matches!(
        w,
        "to" | "not"
            | "n't"
            | "never"
            | "would"
            | "will"
            | "can"
            | "could"
            | "should"
            | "must"
            | "might"
            | "may"
            | "I"
            | "we"
            | "they"
            | "you"
            | "still"
            | "also"
            | "strongly"
    )
}

/// A document noun within the three words after `i` ("released a new ad", "released its
/// findings").
fn document_follows(doc: &Doc, i: usize) -> bool {
    (i + 1..doc.tokens.len().min(i + 4)).any(|k| {
        matches!(
            doc.tok(k),
            "statement"
                | "statements"
                | "memo"
                | "report"
                | "ad"
                | "ads"
                | "video"
                | "findings"
                | "plan"
                | "poll"
                | "letter"
                | "list"
                | "emails"
                | "documents"
                | "transcript"
                | "transcripts"
                | "proposal"
                | "platform"
                | "analysis"
                | "study"
                | "survey"
                | "results"
        )
    })
}

/// "made clear", "made it clear": the cue of a stance, with the clause that follows.
fn clear_after(doc: &Doc, i: usize) -> bool {
    tok_is(doc, i + 1, "clear") || tok_is(doc, i + 1, "it") && tok_is(doc, i + 2, "clear")
}

fn cue_span(doc: &Doc, i: usize) -> (usize, usize) {
    if matches!(doc.tok(i), "made" | "makes") && clear_after(doc, i) {
        return (
            i,
            if tok_is(doc, i + 1, "it") {
                i + 3
            } else {
                i + 2
            },
        );
    }
    let two_words = doc.tok(i).eq_ignore_ascii_case("according")
        || (tok_is(doc, i + 1, "out") && matches!(doc.tok(i), "pointed" | "points" | "pointing"))
        || (tok_is(doc, i + 1, "back") && matches!(doc.tok(i), "shot" | "shoots"))
        || (tok_is(doc, i + 1, "on") && matches!(doc.tok(i), "went" | "goes"))
        || (tok_is(doc, i + 1, "to") && matches!(doc.tok(i), "referring" | "referred"));
    if two_words {
        (i, i + 2)
    } else {
        (i, i + 1)
    }
}

/// A headline "Lee: Talks will resume" reports what Lee said; only the document's first
/// sentence, with a short capitalised name before the colon.
fn headline_report(doc: &mut Doc, out: &mut Vec<Quote>) {
    let Some(r) = doc.sentences.first().map(|s| s.token_range()) else {
        return;
    };
    let Some(c) = (r.start..r.end.min(r.start + 6)).find(|&k| doc.tok(k) == ":") else {
        return;
    };
    if c == r.start || c + 2 >= r.end {
        return;
    }
    let name = r.start..c;
    let all_caps = |k: usize| doc.tok(k).bytes().all(|b| !b.is_ascii_lowercase());
    let named = name.clone().all(|k| {
        doc.tokens[k].kind == TokKind::Word && doc.tokens[k].is_cap()
            || matches!(doc.tok(k), "’s" | "'s")
    });
    // "BREAKING:", "FIX IS IN:" are labels; "AP:" is a source
    let label = name.clone().any(|k| all_caps(k) && doc.tok(k).len() > 3)
        || c - r.start > 1 && name.clone().all(all_caps)
        || matches!(
            doc.tok(r.start),
            "The"
                | "Breaking"
                | "Revealed"
                | "Wow"
                | "Just"
                | "Watch"
                | "Look"
                | "Update"
                | "Exclusive"
                | "Opinion"
                | "Editorial"
                | "Analysis"
                | "Video"
                | "Photos"
                | "Poll"
        );
    if !named || label {
        return;
    }
    let Some(content) = trim_content(doc, c + 1, r.end) else {
        return;
    };
    let span = span_of(doc, content.0, content.1);
    if out
        .iter()
        .any(|q| q.span.start < span.end && span.start < q.span.end)
    {
        return;
    }
    let mut q = content_quote(doc, content, (c, c + 1), Some((r.start, c)));
    // headline quotation marks set off a phrase, they do not mark the words as verbatim
    q.kind = QuoteKind::Indirect;
    out.push(q);
}

/// Sentences framed by a point of view: "To Lee, the plan is a mistake." and "In a new poll,
/// most voters back the plan." The frame is the source; the rest of the sentence is its
/// content.
fn framed_reports(doc: &mut Doc, out: &mut Vec<Quote>) {
    for s in 0..doc.sentences.len() {
        let r = doc.sentences[s].token_range();
        if r.end < r.start + 5 {
            continue;
        }
        let first = doc.tok(r.start);
        if first != "To" && first != "In" {
            continue;
        }
        let limit = r.end.min(r.start + if first == "To" { 6 } else { 16 });
        let Some(comma) = (r.start + 1..limit).find(|&k| doc.tok(k) == ",") else {
            continue;
        };
        let np = (r.start + 1, comma);
        let framed = if first == "To" {
            // a person or a group, never an infinitive ("To win, …")
            np.1 - np.0 <= 4
                && (np.0..np.1).all(|k| {
                    doc.tokens[k].is_cap()
                        || matches!(
                            doc.tok(k),
                            "him" | "her" | "them" | "me" | "us" | "many" | "some" | "others"
                        )
                })
        } else {
            (np.0..np.1).any(|k| matches!(doc.tok(k), "poll" | "polls" | "survey" | "surveys"))
        };
        if !framed {
            continue;
        }
        let Some(content) = trim_content(doc, comma + 1, r.end) else {
            continue;
        };
        if doc.quoted_at(doc.tokens[comma + 1].span.start()).is_some() {
            continue;
        }
        let q = content_quote(doc, content, (r.start, r.start + 1), Some(np));
        out.push(q);
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
            let c = doc.class(i);
            if c & class::CUE != 0 {
                return false;
            }
            c & (class::ROLE | class::ORG_NOUN | class::PEOPLE | class::SOURCE | class::NP_WORD)
                != 0
                || (s.contains('-') && s.len() > 3)
        }
        TokKind::Number => true,
        TokKind::Punct => matches!(s, "’" | "'" | "&" | "."),
        _ => false,
    }
}

fn is_pronoun(doc: &Doc, i: usize) -> bool {
    doc.class(i)
        & (class::PRON_MALE
            | class::PRON_FEMALE
            | class::PRON_PLURAL
            | class::PRON_IT
            | class::PRON_FIRST)
        != 0
        && !matches!(doc.tok(i), "his" | "her" | "their" | "its" | "my" | "our")
}

/// The speaker phrase ending right before `end` (exclusive), not reaching before `limit`.
fn subject_before(doc: &Doc, end: usize, limit: usize) -> Option<(usize, usize)> {
    let mut i = end;
    loop {
        if i > limit
            && (is_aux_at(doc, i - 1) && !is_pronoun(doc, i - 1)
                || is_adverb_before_verb(doc, i - 1))
        {
            i -= 1;
        } else if i > limit + 2 && doc.tok(i - 1) == "but" && doc.tok(i - 2) == "all" {
            // "he all but accused …": an adverb
            i -= 2;
        } else if let Some(k) = time_phrase_before(doc, i, limit) {
            i = k;
        } else {
            break;
        }
    }
    if i == limit {
        return None;
    }
    // "X spoke in Rome and called …": the cue heads a second verb phrase; its subject is the
    // first verb's, which no phrase right before the cue names
    if matches!(doc.tok(i - 1), "and" | "but" | "or") {
        return None;
    }
    // "Rep. Lee (D-Ore.) said": the bracket belongs to the name before it
    if doc.tok(i - 1) == ")" {
        let open = (i.saturating_sub(8).max(limit)..i - 1)
            .rev()
            .find(|&k| doc.tok(k) == "(")?;
        let np = subject_before(doc, open, limit)?;
        return Some((np.0, i));
    }
    // "Lee — a teacher from Ohio — says": an appositive between dashes
    if doc.tokens[i - 1].kind == TokKind::Dash {
        let open = (i.saturating_sub(20).max(limit)..i - 1)
            .rev()
            .find(|&k| doc.tokens[k].kind == TokKind::Dash)?;
        if open + 2 < i - 1 {
            return subject_before(doc, open, limit);
        }
        return None;
    }
    // "…, Lee, who announced …": the relative pronoun stands for the phrase before the comma
    if i >= limit + 3 && doc.tok(i - 1) == "who" && doc.tok(i - 2) == "," {
        // "… says to Lee on camera, who responds": past a short phrase of place
        return subject_before(doc, i - 2, limit).or_else(|| {
            let p = (i.saturating_sub(6).max(limit + 1)..i - 2)
                .rev()
                .take_while(|&k| doc.tokens[k].kind == TokKind::Word && !doc.tokens[k].is_cap())
                .find(|&k| matches!(doc.tok(k), "on" | "in" | "at"))?;
            subject_before(doc, p, limit).filter(|np| doc.tokens[np.0].is_cap())
        });
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
        // "a source close to him said": the source, not the object pronoun
        if matches!(doc.tok(i - 1), "him" | "them" | "me" | "us") {
            return close_source(doc, i - 1, i, limit);
        }
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
    // a bare determiner or possessive marker is no subject, nor an opening subordinator
    // ("While Lee condemned …")
    while j < np_end
        && (matches!(doc.tok(j), "’s" | "'s" | "-" | "and" | "’" | "'")
            || j + 1 < np_end && (is_clause_opener(doc.tok(j)) || is_connective(doc.tok(j))))
    {
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
        && doc.class(j - 2) & (class::ROLE | class::PEOPLE | class::SOURCE) != 0
    {
        if let Some(head) = subject_before(doc, j - 1, limit) {
            return Some((head.0, np_end));
        }
    }
    close_source(doc, j, np_end, limit).or(Some((j, np_end)))
}

/// "a source close to the senator said", "people familiar with the talks said": the
/// source is the noun before the adjective; `[j, np_end)` is the phrase after it.
fn close_source(doc: &Doc, j: usize, np_end: usize, limit: usize) -> Option<(usize, usize)> {
    if j >= limit + 3
        && (doc.tok(j - 1) == "to" && doc.tok(j - 2) == "close"
            || doc.tok(j - 1) == "with" && doc.tok(j - 2) == "familiar")
        && doc.class(j - 3) & (class::ROLE | class::PEOPLE | class::SOURCE) != 0
    {
        let head = subject_before(doc, j - 2, limit)?;
        return Some((head.0, np_end));
    }
    None
}

/// "on Monday", "last week", "Thursday" ending at `end` between a subject and its verb: the
/// start of the phrase.
fn time_phrase_before(doc: &Doc, end: usize, limit: usize) -> Option<usize> {
    if end <= limit {
        return None;
    }
    let w = doc.tok(end - 1);
    // "has in the past described"
    if w == "past" && end >= limit + 3 && tok_is(doc, end - 2, "the") && tok_is(doc, end - 3, "in")
    {
        return Some(end - 3);
    }
    let day = is_day_word(w);
    let period = matches!(
        w,
        "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening" | "weekend"
    );
    if !day && !period {
        return None;
    }
    let k = end - 1;
    if k > limit && matches!(doc.tok(k - 1), "on" | "last" | "this" | "late" | "early") {
        return Some(k - 1);
    }
    day.then_some(k)
}

/// A word between a subject and its verb that is neither: "gingerly said".
fn is_adverb_before_verb(doc: &Doc, k: usize) -> bool {
    let w = doc.tok(k);
    doc.tokens[k].kind == TokKind::Word
        && !doc.tokens[k].is_cap()
        && w.len() > 5
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "assembly" | "supply" | "monopoly" | "anomaly" | "butterfly"
        )
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
        // "Acme’s parent said", "the city’s new mayor says": a possessor works as a
        // determiner ("it's", "that's" are verbs; in "But Acme's parent" the connective is
        // no part of it)
        if matches!(w, "’s" | "'s")
            && k < end
            && k >= limit + 2
            && doc.tokens[k - 2].kind == TokKind::Word
            && !is_pronoun(doc, k - 2)
            && !["that", "there", "here", "what", "who", "where", "this"]
                .iter()
                .any(|p| doc.tok(k - 2).eq_ignore_ascii_case(p))
        {
            let mut a = subject_before(doc, k - 1, limit)?.0;
            while a < k - 1 && (is_connective(doc.tok(a)) || is_clause_opener(doc.tok(a))) {
                a += 1;
            }
            return (a < k - 1).then_some(a);
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
    // "said retired Army Gen. Lee": a lowercase modifier or two before the name
    while j < limit
        && j < start + 2
        && doc.tokens[j].kind == TokKind::Word
        && !doc.tokens[j].is_cap()
        && !np_token(doc, j)
        && !FUNCTION_WORDS.contains(&doc.tok(j))
        && is_cue_at(doc, j).is_none()
        && (j + 1..limit.min(start + 3)).any(|m| doc.tokens[m].is_cap())
    {
        j += 1;
    }
    if j > start && !doc.tokens[j.min(limit - 1)].is_cap() && !np_token(doc, j.min(limit - 1)) {
        j = start;
    }
    while j < limit && np_token(doc, j) && j - start < 10 {
        j += 1;
    }
    // "said the narrator": a determiner takes the plain words after it
    if j > start
        && matches!(
            doc.tok(j - 1),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    {
        let mut k = j;
        while k < limit
            && k < j + 3
            && doc.tokens[k].kind == TokKind::Word
            && !FUNCTION_WORDS.contains(&doc.tok(k))
            && !is_aux_at(doc, k)
            && !is_finite_aux(doc.tok(k))
            && !is_pronoun(doc, k)
            && is_cue_at(doc, k).is_none()
        {
            k += 1;
            if np_token(doc, k.min(limit - 1)) && k < limit {
                while k < limit && np_token(doc, k) && k < j + 8 {
                    k += 1;
                }
                break;
            }
        }
        j = k;
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

/// `“The risk,” said Lee, an economist, “is that …”`, `“I like him,” Lee said, but “…”`: the
/// quotation goes on after an attribution set off by commas that follows a quotation handing
/// over with a comma, in the same sentence.
fn resumes_split_quotation(doc: &Doc, s0: usize, open: usize) -> bool {
    let mut p = open - 1;
    if matches!(doc.tok(p), "but" | "and") && p > s0 {
        p -= 1;
    }
    if doc.tok(p) != "," {
        return false;
    }
    let mut cue = false;
    for c in (s0.max(p.saturating_sub(30))..p).rev() {
        match doc.tokens[c].kind {
            TokKind::Terminal | TokKind::OpenQuote => return false,
            TokKind::CloseQuote => {
                return cue && c >= 2 && (doc.tok(c - 1) == "," || tok_is(doc, c + 1, ","));
            }
            _ => {
                if !cue && is_cue_at(doc, c).is_some() {
                    cue = true;
                }
            }
        }
    }
    false
}

/// A quotation-mark region is a fragment of someone's sentence (mixed speech, scare quotes)
/// unless it starts its sentence or follows a cue and a colon or comma.
fn is_fragment(doc: &Doc, open: usize, end: usize) -> bool {
    let (s0, _) = sentence_bounds(doc, open);
    let mut k = open;
    while k > s0 && matches!(doc.tokens[k - 1].kind, TokKind::Dash | TokKind::OpenQuote) {
        k -= 1;
    }
    // "But “the plan is dead.”": a connective may open the sentence before the mark
    if k == s0
        || k == s0 + 1 && matches!(doc.tok(s0), "But" | "And")
        || doc.tokens[open].is(crate::doc::flag::PARA_START)
    {
        return false;
    }
    // says “the tide has turned” despite the loss: the sentence goes on after the closing
    // mark, so the quotation is part of a reported clause, not the whole report (a
    // coordinated verb after it, "shouted “Go!” and ran", leaves the quotation whole)
    if end < doc.tokens.len()
        && end >= 2
        && doc.tokens[end].kind == TokKind::Word
        && !matches!(doc.tok(end), "and" | "but" | "or")
        && !doc.tokens[end].is(crate::doc::flag::PARA_START)
        && doc.tokens[end - 2].kind == TokKind::Word
        && is_cue_at(doc, end).is_none()
    {
        return true;
    }
    if resumes_split_quotation(doc, s0, open) {
        return false;
    }
    let prev = doc.tok(open - 1);
    // a spaced hyphen (" - ") is a dash too
    if matches!(prev, ":" | ",") || doc.tokens[open - 1].kind == TokKind::Dash {
        // "X said: “...”" or "X said, “...”" or "As X put it, “...”"
        let back = open.saturating_sub(8).max(s0);
        if (back..open).any(|i| is_cue_at(doc, i).is_some() || put_it_at(doc, i)) {
            return false;
        }
        if prev == ":" {
            return false;
        }
        // "… was thin – “We need details,” she said – and …": an interjected quotation
        if doc.tokens[open - 1].kind == TokKind::Dash && interjected_quotation(doc, open) {
            return false;
        }
    }
    // a cue right before the mark: shouted “General ...”
    if is_cue_at(doc, open - 1).is_some() && end - open > 2 {
        let lemma = is_cue_at(doc, open - 1).unwrap_or("");
        return !matches!(
            lemma,
            "shout" | "yell" | "scream" | "exclaim" | "chant" | "write" | "tweet" | "say" | "add"
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
        // "When a fan shouted, “Go!” Lee joked, …": a cue right before the opening mark
        // introduces this quotation; a cue after it belongs to the next
        let mut attr = introduced_by_cue(doc, open)
            .then(|| attribution_before(doc, open))
            .flatten()
            .filter(|a| !used.contains(&a.cue.0) && a.np.is_some())
            .or_else(|| attribution_after(doc, end));
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
                    let from = doc.token_at(pq.span.end());
                    if prev_para == para && !own_report_between(doc, from, open) {
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
                let span = written_subject(doc, np, a.cue.0).unwrap_or(span);
                q.speaker = speaker;
                q.speaker_span = Some(span);
            }
            add_cites(doc, a.cue.1, &mut q);
        }
        out.push(q);
        last_direct = Some(out.len() - 1);
    }
}

/// `“A,” Lee said, adding that … . “B.”`, `“A,” she told them, then turned to … . “B.”`:
/// the attribution between two quotations goes on with a report or an act of its own, so the
/// second quotation is a new quote of the same speaker, not the first one's second part.
fn own_report_between(doc: &Doc, from: usize, open: usize) -> bool {
    (from + 1..open).any(|m| {
        let prev = doc.tok(m - 1);
        (prev == ","
            && doc.tok(m).ends_with("ing")
            && is_cue_at(doc, m).is_some()
            && m + 1 < open
            && matches!(doc.tok(m + 1), "that" | "why" | "how" | "what" | "whether"))
            || (doc.tok(m) == "then"
                && matches!(prev, "," | "and")
                && m + 1 < open
                && doc.tok(m + 1).ends_with("ed"))
    })
}

/// A speech verb, then a comma or colon, right before the opening mark at `open` ("shouted,
/// “…”"), inside the sentence.
fn introduced_by_cue(doc: &Doc, open: usize) -> bool {
    if open < 2 || !matches!(doc.tok(open - 1), "," | ":") {
        return false;
    }
    let c = open - 2;
    !doc.tokens[c].is(crate::doc::flag::SENT_START)
        && doc.quoted_at(doc.tokens[c].span.start()).is_none()
        && is_cue_at(doc, c).is_some_and(|l| l != "according" && !WEAK_LEMMAS.contains(&l))
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
    if end >= n {
        return None;
    }
    if doc.tokens[end].is(crate::doc::flag::PARA_START) {
        // a paragraph of its own under the quotation: "- Sanders, in a debate."
        if end + 1 < n && (doc.tokens[end].kind == TokKind::Dash || doc.tok(end) == "-") {
            let stop = (end + 1..n.min(end + 12))
                .find(|&k| {
                    doc.tok(k) == ","
                        || doc.tokens[k].kind == TokKind::Terminal
                        || doc.tokens[k].is(crate::doc::flag::PARA_START)
                })
                .unwrap_or(n.min(end + 12));
            if doc.tokens[end + 1].is_cap() {
                if let Some(np) = subject_after(doc, end + 1, stop) {
                    return Some(Attribution {
                        cue: (end, end + 1),
                        np: Some(np),
                    });
                }
            }
        }
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
            // "“…,” adding that …", "“…,” referring to the plan": a participle has no
            // subject after it; its speaker is found before the quotation
            if j == i && doc.tok(j).ends_with("ing") {
                return None;
            }
            let cue = cue_span(doc, j);
            let np = if j > i {
                subject_before(doc, j, i)
                    .filter(|np| np.0 == i)
                    .or_else(|| named_after_aside(doc, i, j))
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
                if clause_follows(doc, cue.1, s_end) || introduces_quotation(doc, cue.1) {
                    return None;
                }
            }
            // “Why?” He answered, “…”: a new sentence whose cue opens the next quotation
            let comma = end >= 2 && doc.tok(end - 2) == "," || doc.tok(end) == ",";
            if !comma
                && j > i
                && doc.tokens[i].is_cap()
                && is_pronoun(doc, i)
                && introduces_quotation(doc, cue.1)
            {
                return None;
            }
            return Some(Attribution { cue, np });
        }
        j += 1;
    }
    None
}

/// `“…,” the dawn of a new era, Lee says`: a lowercase phrase that names no speaker (no
/// role, people or source word) glosses the quotation; the name or pronoun between its
/// closing comma and the cue speaks.
fn named_after_aside(doc: &Doc, i: usize, j: usize) -> Option<(usize, usize)> {
    let np = subject_before(doc, j, i)?;
    if np.0 <= i + 2 || doc.tok(np.0 - 1) != "," || !matches!(doc.tok(i), "the" | "a" | "an") {
        return None;
    }
    let head = np.0 - 1;
    let names = doc.tokens[np.0].is_cap() || is_pronoun(doc, np.0) && np.1 == np.0 + 1;
    // the phrase's head: the words before its first preposition
    let head_end = (i..head)
        .find(|&m| matches!(doc.tok(m), "of" | "for" | "at" | "in" | "from" | "with"))
        .unwrap_or(head);
    let plain = (i..head).all(|m| {
        doc.tokens[m].kind == TokKind::Word
            && (m >= head_end
                || doc.class(m) & (class::ROLE | class::PEOPLE | class::SOURCE | class::ORG_NOUN)
                    == 0)
            && !is_aux_at(doc, m)
            && doc.class(m) & class::CUE == 0
    });
    (names && plain).then_some(np)
}

/// `“A.” He added, “B.”`: a cue followed by a comma or colon and an opening mark introduces
/// the quotation after it, not the finished one before.
fn introduces_quotation(doc: &Doc, after_cue: usize) -> bool {
    let mut k = after_cue;
    while k < doc.tokens.len() && k < after_cue + 2 && matches!(doc.tok(k), "," | ":") {
        k += 1;
    }
    k > after_cue && k < doc.tokens.len() && doc.tokens[k].kind == TokKind::OpenQuote
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
        && (first.is_cap() && !is_connective(s) && !is_clause_opener(s))
        || is_pronoun(doc, i)
        || matches!(
            s,
            "the"
                | "a"
                | "an"
                | "one"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "another"
                | "several"
        ))
        || first.kind == TokKind::Number
        || lowercase_title_start(doc, i, j);
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
    // "I had prepared a statement, but decided": a clause, not a speaker phrase
    if (i + 1..k).any(|m| is_aux_at(doc, m)) {
        return None;
    }
    Some((i, k))
}

/// "former speechwriter Ann Lee wrote", "nuclear experts Ann Lee and Bo Chen wrote": a
/// lowercase title or description before a name, a speaker phrase of its own.
fn lowercase_title_start(doc: &Doc, i: usize, j: usize) -> bool {
    let s = doc.tok(i);
    let t = doc.tokens[i];
    t.kind == TokKind::Word
        && !t.is_cap()
        && !FUNCTION_WORDS.contains(&s)
        && !is_aux(s)
        && !is_adverb_before_verb(doc, i)
        && !matches!(
            s,
            "then" | "also" | "now" | "later" | "still" | "just" | "only" | "even" | "here"
        )
        && is_cue_at(doc, i).is_none()
        && (i + 1..j.min(i + 4))
            .any(|m| doc.tokens[m].is_cap() && doc.tokens[m].kind == TokKind::Word)
        && (i + 1..j).all(|m| {
            let w = doc.tok(m);
            doc.tokens[m].kind != TokKind::Terminal
                && (!FUNCTION_WORDS.contains(&w)
                    || matches!(w, "and" | "of" | "for") && doc.tokens[m + 1].is_cap())
        })
}

/// `Lee said: “…”`, `Lee said, “…”`, `according to Lee, “…”`, `As Lee put it: “…”`, and
/// `Lee issued a statement: “…”` (no cue word: the clause subject speaks).
fn attribution_before(doc: &Doc, open: usize) -> Option<Attribution> {
    let (mut s0, _) = sentence_bounds(doc, open);
    if open == s0 {
        // "The Times reported:" closing the paragraph before the quotation
        if open == 0 || doc.tok(open - 1) != ":" {
            return None;
        }
        s0 = sentence_bounds(doc, open - 1).0;
        if open - 1 == s0 {
            return None;
        }
    }
    // "Reid: ‘Never underestimate him.’": a headline naming the speaker before a colon
    if doc.tok(open - 1) == ":"
        && open - 1 > s0
        && open - 1 - s0 <= 5
        && (s0..open - 1).all(|m| doc.tokens[m].is_cap() && doc.tokens[m].kind == TokKind::Word)
    {
        return Some(Attribution {
            cue: (open - 1, open),
            np: Some((s0, open - 1)),
        });
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
            // "concluded so eloquently, “…”": only adverbs between the cue and the comma
            if WEAK_LEMMAS.contains(&lemma)
                && !(introduced
                    && (j + 4 >= k
                        || (j + 1..k).all(|m| {
                            is_adverb_before_verb(doc, m)
                                || matches!(doc.tok(m), "so" | "and" | "then" | "very")
                        })))
            {
                continue;
            }
            let cue = if put_it { (j, j + 2) } else { cue_span(doc, j) };
            // "… on “Morning Table,” adding, “…”": the comma may sit inside the marks
            let participial = j > s0 + 1
                && doc.tok(j).ends_with("ing")
                && (matches!(
                    doc.tok(j - 1),
                    "," | "—" | "–" | "by" | "while" | "before" | "after"
                ) || doc.tokens[j - 1].kind == TokKind::CloseQuote && doc.tok(j - 2) == ",");
            // "Lee was asked, “…”": the question is the unnamed asker's, not Lee's
            let passive_ask = lemma == "ask"
                && j > s0
                && matches!(
                    doc.tok(j - 1),
                    "was" | "were" | "is" | "are" | "been" | "being"
                );
            let np = if passive_ask {
                None
            } else if lemma == "according" {
                subject_after(doc, cue.1, k)
            } else if participial {
                // "Lee said, adding, “…”", "He apologized, saying: “…”": the clause's
                // subject speaks
                participle_subject(doc, s0, j)
            } else {
                let tell = TELL_LEMMAS.contains(&lemma) || lemma == "tell";
                subject_before(doc, j, s0)
                    .map(|np| object_before_participle(doc, s0, np, j).unwrap_or(np))
                    // "but told his supporters, “…”": the phrase after a verb of telling
                    // is its addressee
                    .or_else(|| (!tell).then(|| subject_after(doc, cue.1, k)).flatten())
                    // never words inside a quotation the sentence opens with
                    .or_else(|| {
                        sentence_subject(doc, s0, j)
                            .map(|(np, _)| np)
                            .filter(|np| doc.quoted_at(doc.tokens[np.0].span.start()).is_none())
                    })
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

/// Capitalised prepositions and subordinators: a phrase they open is no speaker ("At the
/// same time, the aide added").
fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "Or" | "As"
            | "When"
            | "If"
            | "At"
            | "In"
            | "On"
            | "After"
            | "Before"
            | "During"
            | "With"
            | "From"
            | "For"
            | "By"
            | "To"
            | "Since"
            | "While"
            | "Although"
            | "Though"
            | "Because"
            | "Asked"
            | "Ever"
            | "There"
            | "Let"
            | "Until"
            | "Unlike"
            | "Like"
            | "Despite"
            | "Amid"
            | "Under"
            | "Between"
            | "Among"
    )
}

/// Sentence adverbs and connectives: they open a clause but never name its subject.
fn is_connective(w: &str) -> bool {
    matches!(
        w,
        "And"
            | "But"
            | "So"
            | "Still"
            | "Yet"
            | "Then"
            | "Later"
            | "Meanwhile"
            | "Instead"
            | "However"
            | "Indeed"
            | "Moreover"
            | "Nonetheless"
            | "Nevertheless"
            | "Also"
            | "Now"
            | "Again"
            | "Separately"
            | "Finally"
            | "Additionally"
            | "Furthermore"
            | "Similarly"
            | "Likewise"
            | "Overall"
            | "Thus"
            | "Therefore"
            | "Hence"
            | "Ultimately"
            | "Eventually"
            | "Today"
            | "Yesterday"
            | "Recently"
            | "Afterward"
            | "Afterwards"
            | "Otherwise"
            | "Rather"
    )
}

/// For a participial cue at `i` ("Lee voiced his opposition to the plan, calling it …"):
/// the subject of the sentence's main verb, when no report made earlier in the sentence
/// has its cue at or before that verb (a report after it, "his opposition to", is one the
/// participle adjoins, not the one it continues; "The plan, Lee said, will fail, adding"
/// keeps Lee).
fn main_clause_subject(doc: &Doc, s0: usize, i: usize, out: &[Quote]) -> Option<(usize, usize)> {
    let (np, v) = sentence_subject(doc, s0, i)?;
    if v >= i
        || doc.tokens[np.0].kind != TokKind::Word
        || doc.quoted_at(doc.tokens[np.0].span.start()).is_some()
    {
        return None;
    }
    let start = doc.tokens[s0].span.start;
    let verb_end = doc.tokens[v].span.end;
    // direct quotations come first in `out`, then the reports, each in text order
    let direct = out.partition_point(|q| q.kind == QuoteKind::Direct);
    let (d, rest) = out.split_at(direct);
    let from = d.partition_point(|q| q.span.end < start);
    let earlier = d[from..]
        .iter()
        .chain(rest.iter().rev().take_while(|q| q.span.end >= start))
        .any(|q| {
            q.cue
                .is_some_and(|c| c.start >= start && c.start < verb_end)
        });
    (!earlier).then_some(np)
}

/// "Turning to the economy, Lee said": a capitalised participle followed by a lowercase word
/// that is no verb opens a phrase before the subject ("Manning said" is a name and its verb).
fn participial_opener(doc: &Doc, k: usize, limit: usize) -> bool {
    let w = doc.tok(k);
    k + 1 < limit
        && w.len() > 5
        && w.ends_with("ing")
        && doc.tokens[k].is_cap()
        && doc.tokens[k + 1].kind == TokKind::Word
        && !doc.tokens[k + 1].is_cap()
        && !is_aux_at(doc, k + 1)
        && is_cue_at(doc, k + 1).is_none()
        && !doc.tok(k + 1).ends_with("ed")
}

/// For a participial cue at `j` ("…, adding"): the subject of the cue before it in the
/// sentence ("Lee said", "said Lee"), else the sentence subject.
fn participle_subject(doc: &Doc, s0: usize, j: usize) -> Option<(usize, usize)> {
    // the main clause's subject, unless a cue at or before its verb has one of its own
    let main = sentence_subject(doc, s0, j)
        .filter(|(np, v)| *v < j && doc.quoted_at(doc.tokens[np.0].span.start()).is_none());
    for k in (s0.max(j.saturating_sub(30))..j - 1).rev() {
        // a cue inside a quotation is the quoted speaker's, not this clause's
        if doc.quoted_at(doc.tokens[k].span.start()).is_some() {
            continue;
        }
        let Some(lemma) = is_cue_at(doc, k) else {
            continue;
        };
        // "appeared to assert his plans by saying": an infinitive has no subject of its own
        if lemma == "according" || WEAK_LEMMAS.contains(&lemma) || doc.tok(k - 1) == "to" {
            continue;
        }
        if let Some((np, v)) = main.filter(|(_, v)| k > *v) {
            // "Lee rallied supporters (as Kim predicted), saying": the cue is not the
            // main verb's
            if (v..k).any(|m| matches!(doc.tok(m), "(" | "—" | "–" | "who" | "which")) {
                return Some(np);
            }
        }
        let stop = (k + 1..j)
            .find(|&m| doc.tok(m) == "," || doc.tokens[m].kind == TokKind::Terminal)
            .unwrap_or(j);
        return subject_before(doc, k, s0)
            .or_else(|| subject_after(doc, k + 1, stop))
            .or(main.map(|(np, _)| np));
    }
    main.map(|(np, _)| np)
        .or_else(|| verb_subject_before(doc, s0, j))
}

/// "After the attack (…), Lee inflamed tensions by saying": the subject of the nearest verb
/// before the participle, when the sentence's opening phrase hides its subject.
fn verb_subject_before(doc: &Doc, s0: usize, j: usize) -> Option<(usize, usize)> {
    (s0 + 1..j.saturating_sub(1)).rev().take(8).find_map(|k| {
        let t = doc.tokens[k];
        if t.kind != TokKind::Word
            || t.is_cap()
            || FUNCTION_WORDS.contains(&doc.tok(k))
            || doc.quoted_at(t.span.start()).is_some()
        {
            return None;
        }
        subject_before(doc, k, s0).filter(|np| {
            np.1 == k
                && doc.tokens[np.0].kind == TokKind::Word
                && (is_pronoun(doc, np.0) && np.0 + 1 == np.1 || doc.tokens[np.0].is_cap())
                && !is_clause_opener(doc.tok(np.0))
                && !is_connective(doc.tok(np.0))
        })
    })
}

/// Where the subject of the clause opening a sentence starts: after a dateline, connectives
/// and an introductory phrase ("In a statement, …"). None for an expletive ("There were").
fn subject_start(doc: &Doc, s0: usize, limit: usize) -> Option<usize> {
    let mut k = s0;
    // a dateline: "WASHINGTON, May 8 (AP) — …"
    if k < limit && doc.tokens[k].is(crate::doc::flag::ALL_CAPS) {
        if let Some(d) = (k + 1..limit.min(k + 10)).find(|&m| doc.tokens[m].kind == TokKind::Dash) {
            k = d;
        }
    } else if k < limit && doc.tokens[k].is_cap() {
        // "Washington (AFP) – …": a place and an agency in brackets before a dash
        if let Some(o) = (k + 1..limit.min(k + 4)).find(|&m| doc.tok(m) == "(") {
            if let Some(c) = (o + 1..limit.min(o + 5)).find(|&m| doc.tok(m) == ")") {
                if c + 1 < limit && doc.tokens[c + 1].kind == TokKind::Dash {
                    k = c + 1;
                }
            }
        }
    }
    while k < limit
        && (matches!(doc.tokens[k].kind, TokKind::OpenQuote | TokKind::Dash)
            || is_connective(doc.tok(k)))
    {
        k += 1;
        if tok_is(doc, k, ",") && k < limit {
            k += 1;
        }
    }
    if k < limit
        && (matches!(
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
                | "Once"
                | "Having"
                | "Given"
                | "Throughout"
                | "Without"
        ) || is_clause_opener(doc.tok(k)) && !matches!(doc.tok(k), "There" | "Let")
            || participial_opener(doc, k, limit))
    {
        let comma = (k + 1..limit.min(k + 20)).find(|&m| doc.tok(m) == ",")?;
        k = comma + 1;
        // "On July 6, 2015, Lee said": the year after the date
        if k + 1 < limit && doc.tokens[k].kind == TokKind::Number && doc.tok(k + 1) == "," {
            k += 2;
        }
    }
    // "There were …": an expletive, no subject to speak
    if k >= limit || matches!(doc.tok(k), "There" | "there" | "Here") {
        return None;
    }
    Some(k)
}

/// "Large tracking polls and panels show …", "media outlets estimate …": a plain noun
/// phrase opening the clause right before the cue (and its auxiliaries), made of words the
/// speaker-phrase rules do not know.
fn bare_subject(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    let mut k = subject_start(doc, s0, i)?;
    // "It came after the judges ruled …": the subject starts after a subordinator
    if let Some(m) = (k..i).rev().find(|&m| {
        matches!(
            doc.tok(m),
            "after" | "before" | "since" | "because" | "until" | "unless" | "although" | "though"
        )
    }) {
        k = m + 1;
    }
    let mut v = i;
    while v > k
        && (is_aux_at(doc, v - 1)
            || is_finite_aux(doc.tok(v - 1))
            || doc.tok(v - 1).ends_with("n't")
            || doc.tok(v - 1).ends_with("n’t")
            || is_adverb_before_verb(doc, v - 1)
            || doc.tok(v - 1) == "now")
    {
        v -= 1;
    }
    let first = doc.tok(k);
    // "Do you support …?" asks; "hearing him say it" is no subject; "It's worth noting"
    if v <= k
        || v - k > 8
        || doc.quoted_at(doc.tokens[k].span.start()).is_some()
        || matches!(first, "Do" | "Does" | "Did" | "Only")
        || !doc.tokens[k].is_cap() && first.ends_with("ing")
    {
        return None;
    }
    let last = doc.tok(v - 1);
    let head_ok = doc.tokens[v - 1].kind == TokKind::Word
        && !FUNCTION_WORDS.contains(&last)
        && !is_object_prep(last)
        && !matches!(
            last,
            "and" | "or" | "but" | "that" | "which" | "who" | "to" | "worth"
        )
        && !last.ends_with("ed")
        && !last.ends_with("ly");
    let inner_ok = (k..v).all(|m| {
        let w = doc.tok(m);
        match doc.tokens[m].kind {
            TokKind::Word => {
                is_cue_at(doc, m).is_none()
                    && !is_finite_aux(w)
                    && !matches!(w, "that" | "which" | "who" | "whom" | "when" | "if")
            }
            TokKind::Number => true,
            _ => matches!(w, "’s" | "'s" | "-" | "/"),
        }
    });
    (head_ok && inner_ok).then_some((k, v))
}

/// The subject of the clause opening a sentence, after connectives and an introductory
/// phrase ("In a statement, the campaign wrote:"), with the token after it (its verb).
fn sentence_subject(doc: &Doc, s0: usize, limit: usize) -> Option<((usize, usize), usize)> {
    let k = subject_start(doc, s0, limit)?;
    let np = if is_pronoun(doc, k) {
        (k, k + 1)
    } else {
        let np = subject_after(doc, k, limit)?;
        if !(doc.tokens[np.0].is_cap()
            || matches!(
                doc.tok(np.0),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "several"
                    | "many"
                    | "some"
                    | "both"
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
    while v < limit && is_aux_at(doc, v) {
        v += 1;
    }
    (v < limit && doc.tokens[v].kind == TokKind::Word && !doc.tokens[v].is_cap()).then_some((np, v))
}

/// Resolves a speaker phrase to an entity: a name or pronoun mention inside it, else a
/// descriptor entity made from the phrase.
fn resolve_speaker(doc: &mut Doc, np: (usize, usize)) -> (Option<u32>, Span) {
    let span = span_of(doc, np.0, np.1);
    // a mention inside the phrase or around it starts before the phrase ends, and the
    // mentions are sorted: the rest of the document need not be read
    let upto = doc
        .mentions
        .partition_point(|m| m.span.start <= span.end.max(span.start));
    let inside: Vec<&Mention> = doc.mentions[..upto]
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
    let id = doc.entity_named_or_new(name, kind, span);
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
        // case-blind compares instead of a lowercase copy: this runs on every token after a cue,
        // so the first letter of the trigger words ("citing", "quoting", "briefing", "based")
        // screens first
        if !matches!(
            doc.tok(i).as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'c' | b'q' | b'b')
        ) {
            i += 1;
            continue;
        }
        let is = |w: &str| doc.tok(i).eq_ignore_ascii_case(w);
        let trigger = if is("citing") || is("quoting") {
            Some(i + 1)
        } else if (is("briefing") || is("briefed"))
            && (tok_is(doc, i + 1, "from") || tok_is(doc, i + 1, "by"))
            || is("based") && tok_is(doc, i + 1, "on")
        {
            Some(i + 2)
        } else {
            None
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
            if let Some(e) = wh_report(doc, r.clone(), i, out) {
                i = e;
                continue;
            }
            if let Some(e) = regard_as(doc, r.clone(), i, out) {
                i = e;
                continue;
            }
            if let Some(e) = noun_that(doc, r.clone(), i, out) {
                i = e;
                continue;
            }
            if let Some(e) = reportedly(doc, r.clone(), i, out) {
                i = e;
                continue;
            }
            let Some(mut lemma) = is_cue_at(doc, i).or_else(|| prep_cue(doc, i, r.end)) else {
                i = as_put_it(doc, r.clone(), i, out)
                    .or_else(|| nominal_report(doc, r.clone(), i, out))
                    .or_else(|| seeming(doc, r.clone(), i, out))
                    .unwrap_or(i + 1);
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

/// "Lee reportedly met the envoy": the clause around the adverb is a report by unnamed
/// sources; its content is the clause without the adverb. Not when a cue follows ("Lee
/// reportedly said …"): that cue reports.
fn reportedly(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    // most tokens miss on their length alone
    if doc.tokens[i].span.len() != 10 || doc.tok(i) != "reportedly" || i == r.start {
        return None;
    }
    let mut a = r.start;
    while a < i && doc.tokens[a].kind != TokKind::Word {
        a += 1;
    }
    if a + 1 > i
        || i - a > 15
        || doc.tokens[i - 1].kind != TokKind::Word
        || (a..i).any(|k| matches!(doc.tok(k), "," | ":" | ";"))
        || (i + 1..r.end.min(i + 4)).any(|k| is_cue_at(doc, k).is_some())
    {
        return None;
    }
    let end = clause_end(doc, i + 1, r.end);
    let (_, end) = trim_content(doc, i + 1, end)?;
    if end < i + 3 {
        return None;
    }
    let mut q = content_quote(doc, (a, end), (i, i + 1), None);
    q.parts = vec![span_of(doc, a, i), span_of(doc, i + 1, end)];
    q.span = span_of(doc, a, end);
    out.push(q);
    Some(end)
}

/// "put it" or "puts it" at `i`.
fn put_it_at(doc: &Doc, i: usize) -> bool {
    // most tokens miss on their length alone
    matches!(doc.tokens[i].span.len(), 3 | 4)
        && matches!(doc.tok(i), "put" | "puts")
        && tok_is(doc, i + 1, "it")
}

/// "As Lee puts it, the plan is “dead.”": the clause after the aside is the words of the
/// one who "puts it" (a quotation right after the comma is found as a direct quotation).
fn as_put_it(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    if !put_it_at(doc, i) || !tok_is(doc, i + 2, ",") || i + 4 >= r.end {
        return None;
    }
    let as_at = (r.start..i)
        .rev()
        .take(10)
        .find(|&k| doc.tok(k).eq_ignore_ascii_case("as"))?;
    let np = subject_before(doc, i, as_at + 1).filter(|np| np.0 == as_at + 1)?;
    let a = i + 3;
    if doc.tokens[a].kind == TokKind::OpenQuote
        && doc
            .quoted_at(doc.tokens[a].span.end())
            .is_some_and(|q| doc.quoted[q].end_tok as usize + 1 >= r.end)
    {
        // the whole rest is one quotation: the direct quotation holds it
        return None;
    }
    let end = clause_end(doc, a, r.end);
    let content = trim_content(doc, a, end)?;
    let mut q = content_quote(doc, content, (i, i + 2), Some(np));
    // "That’s because, as Lee puts it, …": the clause the aside interrupts is the content
    if as_at > r.start + 1 && tok_is(doc, as_at - 1, ",") {
        let mut c0 = r.start;
        while c0 < as_at - 1 && doc.tokens[c0].kind != TokKind::Word {
            c0 += 1;
        }
        if c0 + 1 < as_at - 1 {
            let part = span_of(doc, c0, as_at - 1);
            q.parts.insert(0, part);
            q.span = q.span.cover(part);
        }
    }
    out.push(q);
    Some(end)
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
    // "…, the ministry said on Sunday, its first count", "…, the office said in a report,
    // warning that …": after the circumstance's comma, an aside or a participial report
    if a > from && tok_is(doc, a - 1, ",") && !tok_is(doc, a, "that") {
        let stop = (a..end)
            .find(|&k| doc.tok(k) == "," || doc.tokens[k].kind == TokKind::Terminal)
            .unwrap_or(end);
        if after_trailing_cue(doc, from, end).is_some() || !has_verb(doc, a, stop) {
            return false;
        }
    }
    // "On its website, the party vows to …": an infinitive report
    let intent = from > 0
        && is_cue_at(doc, from - 1).is_some_and(|l| INTENT_LEMMAS.contains(&l))
        && infinitive_at(doc, a, end);
    tok_is(doc, a, "that")
        || intent
        || topic_that(doc, a, end).is_some()
        || (!doc.tokens[a].is_cap() && looks_like_clause(doc, a, end))
        || (doc.tokens[a].is_cap() && !matches!(doc.tok(a), "In" | "On" | "At" | "After"))
}

/// "stated of the scandal that …": at `of`, a short topic phrase and then "that" with a
/// clause; returns the position of "that".
fn topic_that(doc: &Doc, of: usize, end: usize) -> Option<usize> {
    if !tok_is(doc, of, "of") {
        return None;
    }
    (of + 1..end.min(of + 11))
        .take_while(|&m| doc.tokens[m].kind == TokKind::Word && is_cue_at(doc, m).is_none())
        .find(|&m| doc.tok(m) == "that")
        .filter(|&m| m > of + 1 && looks_like_clause(doc, m + 1, end))
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
/// A name or a personal pronoun standing alone as an object.
fn single_object(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let k = (a..b).find(|&k| doc.tokens[k].kind == TokKind::Word)?;
    let t = doc.tokens[k];
    let alone = (k + 1..b).all(|m| doc.tokens[m].kind != TokKind::Word);
    (alone && (t.is_cap() || matches!(doc.tok(k), "him" | "her" | "them" | "it" | "me" | "us")))
        .then_some((k, k + 1))
}

fn trim_content(doc: &Doc, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b
        && (matches!(doc.tokens[a].kind, TokKind::Punct | TokKind::Dash)
            || matches!(doc.tok(a), "that" | "That"))
    {
        a += 1;
    }
    loop {
        while b > a
            && matches!(
                doc.tokens[b - 1].kind,
                TokKind::Terminal | TokKind::Punct | TokKind::Dash
            )
        {
            b -= 1;
        }
        // a closing mark that closes no quotation (the end of a pasted excerpt) is not
        // part of the content
        let stray = b > a + 1
            && doc.tokens[b - 1].kind == TokKind::CloseQuote
            && doc
                .quoted_at(doc.tokens[b - 2].span.start())
                .is_none_or(|q| doc.quoted[q].end_tok as usize != b);
        if !stray {
            break;
        }
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
    // the content never reaches back over its own cue
    let start = quotation_start(doc, content.0, content.1);
    let start = if cue.1 <= content.0 && start < cue.1 {
        content.0
    } else {
        start
    };
    let content = (start, quotation_end(doc, start, content.1));
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
        q.speaker_span = Some(written_subject(doc, np, cue.0).unwrap_or(sspan));
    }
    add_cites(doc, cue.1, &mut q);
    q
}

/// "Lee, who said …": the relative pronoun is the cue's subject as written; the speaker is
/// still the phrase it stands for.
fn written_subject(doc: &Doc, np: (usize, usize), cue: usize) -> Option<Span> {
    let mut k = np.1;
    if tok_is(doc, k, ",") {
        k += 1;
    }
    if k >= cue || !matches!(doc.tok(k), "who" | "which") {
        return None;
    }
    // "who has in the past said"
    let mut c = cue;
    while c > k + 1 && (is_aux_at(doc, c - 1) || is_adverb_before_verb(doc, c - 1)) {
        c -= 1;
    }
    if let Some(t) = time_phrase_before(doc, c, k + 1) {
        c = t;
    }
    (k + 1..c)
        .all(|m| is_aux_at(doc, m) || is_adverb_before_verb(doc, m))
        .then(|| doc.tokens[k].span)
}

/// The end of a content range `[a, b)` whose last word sits inside a quotation opened within
/// it: the quotation runs on past the sentence break ("said the plan “is dead. We will not
/// vote for it.”"), and what the speaker is quoted as saying is all of it.
fn quotation_end(doc: &Doc, a: usize, b: usize) -> usize {
    if b <= a || b > doc.tokens.len() {
        return b;
    }
    let Some(q) = doc.quoted_at(doc.tokens[b - 1].span.start()) else {
        return b;
    };
    let r = &doc.quoted[q];
    let (open, end) = (r.open_tok as usize, r.end_tok as usize);
    if open >= a && end > b {
        end
    } else {
        b
    }
}

/// The start of a content range `[a, b)` whose first word sits inside a quotation opened in
/// an earlier sentence of the paragraph (`Lee’s plan “is dead. We will vote no,” Kim said`):
/// the content begins with the sentence that opened it.
fn quotation_start(doc: &Doc, a: usize, b: usize) -> usize {
    if b <= a {
        return a;
    }
    let Some(q) = doc.quoted_at(doc.tokens[a].span.start()) else {
        return a;
    };
    let open = doc.quoted[q].open_tok as usize;
    if open >= a || doc.quoted[q].end_tok as usize > b + 2 {
        return a;
    }
    let s0 = sentence_bounds(doc, open).0;
    if s0 == open {
        // a quotation opening its sentence is a direct quote of its own
        return a;
    }
    s0
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
    if plural_noun_cue(doc, r.start, i) || relative_before_main_cue(doc, r.start, i, r.end) {
        return None;
    }
    if weak && inside_quoted_report(doc, r.start, i, used) {
        return None;
    }
    // "Lee reported from Kabul": a byline, not a report
    if tok_is(doc, cue.1, "from") && doc.tok(i).starts_with("report") {
        return None;
    }
    // "was denounced by the party", "As reported by the Times, …": a passive cue's agent
    // is its source, never its content
    // ("Asked by a host whether …" is a question, read below)
    if tok_is(doc, cue.1, "by")
        && !tok_is(doc, cue.1 + 1, "telephone")
        && !by_means(doc, cue.1 + 1)
        && (lemma != "ask" || asker_question(doc, cue.1, r.end).is_none())
    {
        return as_reported_by(doc, r, i, cue, out);
    }
    if lemma == "state" && !states_is_verb(doc, r.start, i) {
        return None;
    }
    if let Some(made) = opening_participle_report(doc, r.clone(), i, cue, out) {
        return Some(made);
    }
    if let Some(made) = owned_noun_is(doc, r.clone(), i, out) {
        return Some(made);
    }
    // trailing: "…, X said." — a comma before the subject, little after the cue (not
    // "Asked about it, Lee said …": the question is no one's report)
    if !weak && !doc.tok(r.start).eq_ignore_ascii_case("asked") {
        if let Some((np, comma)) =
            trailing_subject(doc, r.start, i).filter(|_| !clause_follows(doc, cue.1, r.end))
        {
            let content = trim_content(doc, r.start, comma)?;
            let tail = after_trailing_cue(doc, cue.1, r.end);
            let mut q = content_quote(doc, content, cue, Some(np));
            let (speaker, sspan) = (q.speaker, q.speaker_span);
            nest_inner_report(doc, &mut q, content, used);
            // "…, the agency said on Tuesday, according to two lawmakers": they relayed it
            let relay = trailing_according(doc, cue.1, r.end);
            if let Some(src) = relay {
                let (via, vspan) = resolve_speaker(doc, src);
                if let Some(v) = via.filter(|&v| q.speaker != Some(v) && !q.via.contains(&v)) {
                    q.via.push(v);
                }
                q.via_text.push(vspan);
            }
            if let Some(c2) = resumed_content(doc, cue.1, r.end)
                .filter(|_| relay.is_none())
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
        // "…, Ali Ben, a ministry spokesman in Cairo, said.", "…, said one official in the
        // room.": a speaker phrase the phrase rules do not read
        if let Some((np, comma)) = loose_trailing(doc, r.clone(), i, lemma) {
            if let Some(content) = trim_content(doc, r.start, comma) {
                let mut q = content_quote(doc, content, cue, Some(np));
                nest_inner_report(doc, &mut q, content, used);
                out.push(q);
                return Some(r.end);
            }
        }
    }
    // "Asked about the plan, Lee said …", "when asked whether …", "was asked why …": the
    // question is reported, and no one in the clause asked it
    if lemma == "ask" {
        if let Some(q) = asked_question(doc, r.clone(), i) {
            // "Asked if he believed it, Lee said …": a cue inside the question reports
            // nothing of its own
            let e = q.span.end();
            out.push(q);
            let next = (i + 1..r.end)
                .find(|&k| doc.tokens[k].span.start() >= e)
                .unwrap_or(i + 1);
            return Some(next);
        }
    }
    // participial: "He apologized, saying it was …": the clause subject speaks
    let participial = i > r.start + 1
        && doc.tok(i).ends_with("ing")
        && (matches!(
            doc.tok(i - 1),
            "," | "—" | "–" | "before" | "after" | "while" | "without" | "by"
        ) || doc.tokens[i - 1].kind == TokKind::CloseQuote && doc.tok(i - 2) == ",");
    let mut loose_that = false;
    let subject = if participial {
        main_clause_subject(doc, r.start, i, out)
            .map(|np| (Some(np), None))
            .or_else(|| coordinated_speaker_any(doc, r.start, i, out).map(|sh| (None, Some(sh))))
            .or_else(|| sentence_subject(doc, r.start, i).map(|(np, _)| (Some(np), None)))
    } else {
        None
    };
    // leading: "X said (that) …"
    let (np, shared) = if let Some(sub) = subject {
        sub
    } else if participial
        && tok_is(doc, i - 1, ",")
        && subject_before(doc, i, r.start).is_some_and(|np| {
            is_clause_opener(doc.tok(np.0)) || doc.tokens[np.0].kind != TokKind::Word
        })
    {
        // "In May, the groups sued, saying …": an opening phrase is no appositive subject
        // of the participle
        (None, None)
    } else if let Some(owner) = (lemma == OBJECT)
        .then(|| noun_cue_owner(doc, r.start, i))
        .flatten()
    {
        (Some(owner), None)
    } else {
        match relative_subject(doc, r.start, i)
            .or_else(|| adverbial_participle_subject(doc, r.start, i, r.end))
            .or_else(|| for_to_subject(doc, r.start, i))
            .or_else(|| subject_before(doc, i, r.start))
        {
            // "Lee issued a statement saying …": the document is the object of the clause
            // whose subject speaks
            Some(np) if document_before_participle(doc, np, i) => {
                match sentence_subject(doc, r.start, i).filter(|(s, _)| s.1 <= np.0) {
                    Some((s, _)) => (Some(s), None),
                    None => (Some(np), None),
                }
            }
            Some(np) => (
                Some(object_before_participle(doc, r.start, np, i).unwrap_or(np)),
                None,
            ),
            // "X praised Y and said …": the coordinated verb shares the subject
            None => match coordinated_speaker(doc, r.start, i, out) {
                Some(shared) => (None, Some(shared)),
                // "Twitter reported flat growth and said …": the sentence subject speaks
                None => match sentence_subject(doc, r.start, i)
                    .map(|(np, _)| np)
                    .filter(|_| i > r.start && matches!(doc.tok(i - 1), "and" | "but"))
                    // "… as when Lee met Kim and called him …": the subject of the verb
                    // before "and", when the sentence's own subject is not read
                    .or_else(|| {
                        (i > r.start + 2 && matches!(doc.tok(i - 1), "and" | "but"))
                            .then(|| verb_subject_before(doc, r.start, i - 1))
                            .flatten()
                    }) {
                    Some(np) => (Some(np), None),
                    // "About 6 in 10 voters backed Lee": a counted subject that opens the
                    // sentence
                    None => match counted_subject(doc, r.start, i, lemma)
                        .or_else(|| loose_subject(doc, r.start, i, lemma))
                    {
                        Some(np) => (Some(np), None),
                        None if lemma != OBJECT && bare_subject(doc, r.start, i).is_some() => {
                            (bare_subject(doc, r.start, i), None)
                        }
                        // "Polls taken at the sites showed that …": a that-clause is a
                        // report even when the subject phrase is too long to read
                        None if lemma != OBJECT
                            && i > r.start
                            && !matches!(doc.tok(i - 1), "worth" | "in" | "of")
                            && !plural_noun_after(doc, i)
                            && (that_clause_at(doc, cue.1, r.end)
                                || INTENT_LEMMAS.contains(&lemma)
                                    && tok_is(doc, cue.1, "to")
                                    && doc.tokens[cue.1 + 1].kind == TokKind::Word
                                    && !doc.tokens[cue.1 + 1].is_cap()) =>
                        {
                            loose_that = true;
                            (sentence_subject(doc, r.start, i).map(|(np, _)| np), None)
                        }
                        None => return None,
                    },
                },
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
        // "stated of the scandal that …": the topic is the cue's; the clause is the report
        if !weak {
            if let Some(that) = topic_that(doc, a - 1, r.end) {
                a = that;
            }
        }
    }
    if TELL_LEMMAS.contains(&lemma) || lemma == "tell" {
        // skip the addressee: "told reporters", "told The Associated Press", "told me this
        // week that", "told an audience at his fundraiser that"
        a = skip_addressee(doc, a, r.end);
    }
    a = skip_circumstance(doc, a, r.end);
    let has_that = tok_is(doc, a, "that");
    let mut content_end = clause_end(doc, a, r.end);
    if loose_that {
        content_end = before_next_report(doc, a, content_end);
    }
    if let Some(c) = subordinate_clause_end(doc, r.start, i, content_end) {
        content_end = c;
    }
    let infinitive = !has_that
        && !participial
        && INTENT_LEMMAS.contains(&lemma)
        && infinitive_at(doc, a, content_end);
    let as_quoted = matches!(lemma, "describe" | "characterize" | "recall")
        .then(|| as_quotation_end(doc, a, r.end))
        .flatten();
    if let Some(e) = as_quoted {
        content_end = e;
    }
    let mut object = false;
    if weak && !has_that && !infinitive && as_quoted.is_none() {
        // "called it “absurd”", "accused him of “lying”": an object and a quoted phrase;
        // else a clause with a subject of its own ("he thinks she has done well"); else the
        // object phrase itself is what is reported ("announced his resignation")
        match quoted_object_end(doc, a, content_end) {
            Some(e) => content_end = e,
            None if a < content_end
                && (!OBJECT_ONLY_LEMMAS.contains(&lemma)
                    // "criticized Lee for making “rude” remarks": the quoted words belong
                    || has_marks(doc, span_of(doc, a, content_end)))
                && looks_like_clause(doc, a, content_end) => {}
            None => {
                if NO_OBJECT_LEMMAS.contains(&lemma) {
                    return None;
                }
                content_end = object_end(doc, a, content_end)?;
                object = true;
            }
        }
    }
    let content = trim_content(doc, a, content_end).or_else(|| {
        // "endorsed Lee", "criticized him": a stance verb's one-word object is its report
        (object && OBJECT_ONLY_LEMMAS.contains(&lemma))
            .then(|| single_object(doc, a, content_end))
            .flatten()
    })?;
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

/// "Lee said he rarely asks aides to help, “except …”": a stance cue whose subject opens
/// the complement of a speech verb that already introduces the quotation after; the report
/// is that speaker's, and the stance inside it reports nothing of its own.
fn inside_quoted_report(doc: &Doc, s0: usize, i: usize, used: &FxHashSet<usize>) -> bool {
    let mut k = i;
    while k > s0
        && (is_aux_at(doc, k - 1)
            || is_adverb_before_verb(doc, k - 1)
            || matches!(doc.tok(k - 1), "not" | "never" | "also" | "still" | "often"))
    {
        k -= 1;
    }
    // the complement's subject: a pronoun or a short phrase of names and nouns
    let subject_end = k;
    while k > s0 && subject_end - k < 3 && (is_pronoun(doc, k - 1) || np_token(doc, k - 1)) {
        k -= 1;
    }
    if k == subject_end || k == s0 {
        return false;
    }
    if doc.tok(k - 1) == "that" {
        k -= 1;
    }
    k > s0
        && used.contains(&(k - 1))
        && doc.class(k - 1) & class::CUE != 0
        && words().cue(doc.tok(k - 1)) == Some("say")
}

/// "While saying that …, Lee went on", "After thanking the crowd, he left": a participle
/// right after a subordinator opening the sentence takes the subject of the main clause,
/// after the comma that closes the opening phrase.
fn adverbial_participle_subject(
    doc: &Doc,
    s0: usize,
    i: usize,
    end: usize,
) -> Option<(usize, usize)> {
    if i != s0 + 1
        || !doc.tok(i).ends_with("ing")
        || !matches!(
            doc.tok(s0),
            "While" | "After" | "Before" | "Since" | "When" | "Upon" | "Without" | "Despite"
        )
    {
        return None;
    }
    let mut depth = 0u32;
    let comma = (i + 1..end).find(|&k| {
        match doc.tokens[k].kind {
            TokKind::OpenQuote => depth += 1,
            TokKind::CloseQuote => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && doc.tok(k) == ","
    })?;
    // the phrase may hold a relative clause between commas ("the crowd, which …, he")
    let mut k = comma;
    if tok_is(doc, k + 1, "which") || tok_is(doc, k + 1, "who") {
        k = (k + 2..end).find(|&m| doc.tok(m) == ",")?;
    }
    let np = subject_after(doc, k + 1, end.min(k + 12))?;
    (np.1 < end && doc.tokens[np.1].kind == TokKind::Word && !doc.tokens[np.1].is_cap())
        .then_some(np)
}

/// "only for the senator to tweet that …", "for Lee to say": the phrase between "for" and
/// the infinitive's "to" is the infinitive's subject.
fn for_to_subject(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    if i < s0 + 3 || doc.tok(i - 1) != "to" {
        return None;
    }
    let f = (i.saturating_sub(6).max(s0)..i - 2)
        .rev()
        .find(|&k| doc.tok(k) == "for")?;
    let np = subject_before(doc, i - 1, f + 1)?;
    (np.0 == f + 1).then_some(np)
}

/// "Kim’s most serious claim is that …": a cue word that a possessive owns and a copula
/// follows is a noun; its owner speaks and what it is is the report.
fn owned_noun_is(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let w = doc.tok(i);
    if i + 3 >= r.end
        || !matches!(doc.tok(i + 1), "is" | "was")
        || w.ends_with('s')
        || w.ends_with("ed")
    {
        return None;
    }
    let owner = possessor_across_modifiers(doc, r.start, i)?;
    let a = if tok_is(doc, i + 2, "that") {
        i + 3
    } else {
        i + 2
    };
    let e = clause_end(doc, a, r.end);
    if e < a + 3 || !looks_like_clause(doc, a, e) {
        return None;
    }
    let content = trim_content(doc, i + 2, e)?;
    out.push(content_quote(doc, content, (i, i + 2), Some(owner)));
    Some(e)
}

/// "The groups who wrote to her say the rule is …": a cue inside a relative clause on the
/// sentence's opening subject, with the main clause's own cue a few words later, reports
/// nothing; the main cue does.
fn relative_before_main_cue(doc: &Doc, s0: usize, i: usize, end: usize) -> bool {
    if i < s0 + 2 || !matches!(doc.tok(i - 1), "who" | "that") {
        return false;
    }
    // the relative pronoun follows a noun phrase that opens the sentence
    if opening_phrase_before(doc, s0, i - 1).is_none() {
        return false;
    }
    let cue_end = cue_span(doc, i).1;
    for k in cue_end..end.min(cue_end + 8) {
        let t = doc.tokens[k];
        if matches!(
            t.kind,
            TokKind::Terminal | TokKind::OpenQuote | TokKind::CloseQuote
        ) || matches!(doc.tok(k), "," | "that" | "and" | "but")
        {
            return false;
        }
        if is_cue_at(doc, k).is_some() && !doc.tok(k).ends_with("ing") {
            return clause_follows(doc, cue_span(doc, k).1, end);
        }
    }
    false
}

/// "The groups who wrote to her say …", "Those that oppose the plan argue …": the phrase
/// opening the sentence, before a relative clause that runs up to the cue at `i`, is its
/// subject, not the last noun of the relative clause.
fn relative_subject(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    if i < s0 + 3 || doc.tok(i).ends_with("ing") || doc.tokens[i - 1].kind != TokKind::Word {
        return None;
    }
    // the relative clause: words only, no comma, quotation or second relative
    for k in (s0.max(i.saturating_sub(12)) + 1..i).rev() {
        match doc.tok(k) {
            "who" | "that" if k + 1 < i => return opening_phrase_before(doc, s0, k),
            "who" | "that" => return None,
            "which" | "and" | "but" => return None,
            _ if doc.tokens[k].kind != TokKind::Word => return None,
            _ => {}
        }
    }
    None
}

/// The noun phrase ending at `k` when it opens the sentence or the clause after an opening
/// phrase ("While Lee agreed, the groups who …").
fn opening_phrase_before(doc: &Doc, s0: usize, k: usize) -> Option<(usize, usize)> {
    if k == 0 || doc.tok(k - 1) == "," {
        return None;
    }
    subject_before(doc, k, s0)
        .filter(|np| np.1 == k && (np.0 == s0 || np.0 > s0 && doc.tok(np.0 - 1) == ","))
}

/// "Conceding that a truce might come “by the spring,” she warned …": a participle opening the
/// sentence reports its that-clause, and the subject of the main clause after it speaks.
/// Returns where the main clause starts.
fn opening_participle_report(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    cue: (usize, usize),
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let w = doc.tok(i);
    // "Citing the attack as a warning, Lee urged …": a stance participle and its object
    let object = matches!(
        w,
        "Citing" | "Calling" | "Describing" | "Praising" | "Criticizing" | "Blaming"
    );
    if i != r.start
        || !w.ends_with("ing")
        || !doc.tokens[i].is_cap()
        || !(object || tok_is(doc, cue.1, "that"))
    {
        return None;
    }
    let a = cue.1;
    // the main clause: a subject right after a comma or a closing mark, then a finite cue
    let mut depth = 0u32;
    for k in a + 2..r.end.min(a + 50) {
        match doc.tokens[k].kind {
            TokKind::OpenQuote => depth += 1,
            TokKind::CloseQuote => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || doc.tok(k).ends_with("ing") || is_cue_at(doc, k).is_none() {
            continue;
        }
        let Some(np) = subject_before(doc, k, a + 2) else {
            if object {
                continue;
            }
            return None;
        };
        let before = doc.tokens[np.0 - 1];
        if !(doc.tok(np.0 - 1) == "," || before.kind == TokKind::CloseQuote) {
            // "as a wake-up call for …": a noun inside the participle's object
            if object {
                continue;
            }
            return None;
        }
        // "Citing local reports, the agency said …": a source cited, not a stance; "Citing
        // the attack as a warning" is one
        if w == "Citing" && !(a..np.0).any(|m| doc.tok(m) == "as") {
            return None;
        }
        let content = trim_content(doc, a, np.0)?;
        let q = content_quote(doc, content, cue, Some(np));
        out.push(q);
        return Some(np.0);
    }
    None
}

/// "described the plan, and the vote on it, as “a mess,”": the object of a verb of
/// describing runs, commas and all, to "as" and the quotation right after it; returns where
/// that quotation ends.
fn as_quotation_end(doc: &Doc, a: usize, end: usize) -> Option<usize> {
    for k in a + 1..end.min(a + 30) {
        let t = doc.tokens[k];
        if matches!(
            t.kind,
            TokKind::Terminal | TokKind::OpenQuote | TokKind::CloseQuote
        ) {
            return None;
        }
        if doc.tok(k) == "as" {
            let mut o = k + 1;
            if tok_is(doc, o, ",") {
                o += 1;
            }
            if o + 1 >= end || doc.tokens[o].kind != TokKind::OpenQuote {
                return None;
            }
            let q = doc.quoted_at(doc.tokens[o + 1].span.start())?;
            let mut e = (doc.quoted[q].end_tok as usize).min(end);
            // "as “weak” and “tired”": a coordinated quotation goes with it
            while e + 2 < end
                && matches!(doc.tok(e), "and" | "or")
                && doc.tokens[e + 1].kind == TokKind::OpenQuote
            {
                let Some(q) = doc.quoted_at(doc.tokens[e + 2].span.start()) else {
                    break;
                };
                e = (doc.quoted[q].end_tok as usize).min(end);
            }
            return Some(e);
        }
    }
    None
}

/// Whether a finite that-clause starts at `a` (after adverbs and circumstances): "that the
/// plan failed", not the demonstrative in "rejected that idea".
fn that_clause_at(doc: &Doc, a: usize, end: usize) -> bool {
    let a = skip_circumstance(doc, a, end);
    tok_is(doc, a, "that") && a + 1 < end && {
        let e = clause_end(doc, a + 1, end);
        e > a + 3 && looks_like_clause(doc, a + 1, e) && has_verb(doc, a + 1, e)
    }
}

/// "attacks that …", "fundraising reports that …": an -s form after a word that cannot be its
/// subject is a plural noun.
fn plural_noun_after(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    if !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let t = doc.tokens[i - 1];
    let p = doc.tok(i - 1);
    !(t.kind == TokKind::Word
        && (t.is_cap()
            || is_pronoun(doc, i - 1)
            || is_aux(p)
            || p.ends_with("ly")
            || matches!(p, "who" | "which" | "that")
            || words().is(
                p,
                class::ROLE | class::ORG_NOUN | class::SOURCE | class::PEOPLE,
            ))
        || p == ")")
}

/// "…, which found that the plan failed, the minister said that …": the end of a content
/// range at a comma that a new subject and its own cue follow, or at a bare "said".
fn before_next_report(doc: &Doc, a: usize, e: usize) -> usize {
    let strong = |m: usize| is_cue_at(doc, m).is_some_and(|l| !WEAK_LEMMAS.contains(&l));
    (a + 1..e)
        .find(|&k| {
            // "… who want to ban it said the ruling …": the speech verb of the clause around
            doc.tokens[k].kind == TokKind::Word && doc.tok(k) == "said"
                || doc.tok(k) == ","
                    && (k + 2..e.min(k + 9)).any(|m| {
                        strong(m) && subject_before(doc, m, k + 1).is_some_and(|np| np.0 == k + 1)
                    })
        })
        .unwrap_or(e)
}

/// "by saying", "by first saying": a means, not a passive agent.
fn by_means(doc: &Doc, k: usize) -> bool {
    let w = doc.tok(k);
    w.ends_with("ing") || w.ends_with("ly") || w == "first"
}

/// "As reported by the Times, the talks failed": the agent is the source and the clause
/// after the comma the content. Returns the token to continue from.
fn as_reported_by(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    cue: (usize, usize),
    out: &mut Vec<Quote>,
) -> Option<usize> {
    if i == r.start || !doc.tok(i - 1).eq_ignore_ascii_case("as") {
        return None;
    }
    let a = cue.1 + 1;
    let comma = (a + 1..r.end.min(a + 12)).find(|&k| doc.tok(k) == ",")?;
    if !(a..comma).all(|k| np_token(doc, k) || doc.tokens[k].kind == TokKind::Word) {
        return None;
    }
    let e = clause_end(doc, comma + 1, r.end);
    let content = trim_content(doc, comma + 1, e)?;
    if !looks_like_clause(doc, content.0, content.1) {
        return None;
    }
    out.push(content_quote(
        doc,
        content,
        (i - 1, i + 1),
        Some((a, comma)),
    ));
    Some(e)
}

/// "While Lee condemned the plan, the groups say …": a cue inside a subordinate clause that
/// opens the sentence reports only up to the comma that closes that clause.
fn subordinate_clause_end(doc: &Doc, s0: usize, i: usize, end: usize) -> Option<usize> {
    let mut k = s0;
    while k < i && matches!(doc.tokens[k].kind, TokKind::OpenQuote | TokKind::Dash) {
        k += 1;
    }
    // "Even as Lee was attacking Kim, …", "Even though …"
    let even = k + 1 < i
        && doc.tok(k) == "Even"
        && matches!(doc.tok(k + 1), "as" | "though" | "if" | "when" | "while");
    if k >= i
        || !even
            && !matches!(
                doc.tok(k),
                "While" | "Although" | "Though" | "Whereas" | "Because" | "Since" | "When" | "If"
            )
        || (k + 1..i).any(|m| doc.tok(m) == "," || doc.tokens[m].kind == TokKind::Terminal)
    {
        return None;
    }
    let mut depth = 0u32;
    for m in i + 1..end {
        match doc.tokens[m].kind {
            TokKind::OpenQuote => depth += 1,
            TokKind::CloseQuote => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && doc.tok(m) == "," {
            // the main clause after the comma has a subject and verb of its own
            return (m + 2 < end).then_some(m);
        }
    }
    None
}

/// "Lee and others said …", "Lee, a long-time critic of the plan and its backers, told
/// …": a finite speech verb whose subject the phrase rules did not read. The subject of the
/// sentence speaks when it names someone and no other verb stands between it and the cue.
fn loose_subject(doc: &Doc, s0: usize, i: usize, lemma: &str) -> Option<(usize, usize)> {
    if WEAK_LEMMAS.contains(&lemma) || !crate::lexicon::SPEECH_LEMMAS.contains(&lemma) || i == s0 {
        return None;
    }
    let w = doc.tok(i);
    let past = w.ends_with("ed") || matches!(w, "said" | "told" | "wrote");
    let present = !past && w.ends_with('s') && !w.ends_with("ss");
    // "went on to say", "tried to argue": an infinitive after a verb of going on or trying
    let infinitive = !past
        && !present
        && i >= s0 + 3
        && doc.tok(i - 1) == "to"
        && matches!(
            doc.tok(i - 2),
            "on" | "tried" | "continue" | "continues" | "continued" | "began"
        );
    if !(past || present || infinitive) || tok_is(doc, i + 1, "by") {
        return None;
    }
    // "That said, …": an idiom, no report
    if tok_is(doc, i + 1, ",") && i <= s0 + 2 {
        return None;
    }
    let mut k = if infinitive { i - 2 } else { i };
    if infinitive && doc.tok(k) == "on" {
        k -= 1;
    }
    let mut passive = false;
    while k > s0
        && (is_aux_at(doc, k - 1)
            || is_finite_aux(doc.tok(k - 1))
            || is_adverb_before_verb(doc, k - 1)
            || matches!(doc.tok(k - 1), "since" | "long" | "now" | "instead"))
    {
        passive |= matches!(
            doc.tok(k - 1),
            "is" | "was" | "were" | "are" | "be" | "been" | "being"
        );
        k -= 1;
    }
    // "was revealed", "the reported cases", "his tweets": no verb of a subject
    if passive && past
        || k == s0
        || matches!(
            doc.tok(k - 1),
            "the"
                | "a"
                | "an"
                | "of"
                | "’s"
                | "'s"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "in"
                | "for"
                | "with"
                | "to"
                | "by"
                | "as"
                | "first"
                | "The"
        )
    {
        return None;
    }
    let (np, _) = sentence_subject(doc, s0, i)?;
    if np.1 > k || k - np.1 > 20 {
        return None;
    }
    // no other verb in between: "Defending that terrain is …, said" has no such subject;
    // "Lee backed the bill but has said …" shares it
    let coordinated = matches!(doc.tok(k - 1), "and" | "but");
    let verb_between = !coordinated
        && (np.1..k)
            .any(|m| is_finite_aux(doc.tok(m)) || matches!(doc.tok(m), ":" | ";" | "?" | "!"));
    if verb_between {
        return None;
    }
    // the subject names someone: a pronoun, a name, or a word for a person or body
    let span = span_of(doc, np.0, np.1);
    let m = doc.mentions.partition_point(|m| m.span.end <= span.start);
    let named = doc.mentions.get(m).is_some_and(|m| m.span.start < span.end)
        || (np.0..np.1).any(|m| {
            is_pronoun(doc, m)
                || doc.class(m) & (class::ROLE | class::PEOPLE | class::ORG_NOUN | class::SOURCE)
                    != 0
        });
    named.then_some(np)
}

/// "those attacks happened", "the terrorist attacks in Paris", "his tweets were": an -s
/// form that is the plural noun, after a determiner or before the verb of its own clause.
fn plural_noun_cue(doc: &Doc, s0: usize, i: usize) -> bool {
    let w = doc.tok(i);
    if !w.ends_with('s') || w.ends_with("ss") || matches!(w, "says" | "tells") || i == s0 {
        return false;
    }
    let prev = doc.tok(i - 1);
    let next = if i + 1 < doc.tokens.len() {
        doc.tok(i + 1)
    } else {
        ""
    };
    let next_verb = i + 1 < doc.tokens.len()
        && doc.tokens[i + 1].kind == TokKind::Word
        && !doc.tokens[i + 1].is_cap()
        && (is_finite_aux(next) || next.len() > 4 && next.ends_with("ed"));
    next_verb
        && matches!(
            prev,
            "the"
                | "those"
                | "these"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "’s"
                | "'s"
                | "of"
                | "The"
                | "Those"
                | "These"
                | "His"
                | "Her"
                | "Their"
                | "Its"
        )
}

/// The words from the sentence start up to a stance verb, when nothing but a short phrase
/// with a number or a quantity word stands there: poll results ("Most in both states
/// supported Lee", "About 6 in 10 voters backed Lee").
fn counted_subject(doc: &Doc, s0: usize, i: usize, lemma: &str) -> Option<(usize, usize)> {
    if !OBJECT_ONLY_LEMMAS.contains(&lemma) || i <= s0 || i > s0 + 10 {
        return None;
    }
    let mut k = i;
    while k > s0 && (is_aux_at(doc, k - 1) || matches!(doc.tok(k - 1), "to" | "tended")) {
        k -= 1;
    }
    let counted = (s0..k).any(|m| {
        doc.tokens[m].kind == TokKind::Number
            || matches!(
                doc.tok(m),
                "Most"
                    | "most"
                    | "majority"
                    | "half"
                    | "percent"
                    | "About"
                    | "about"
                    | "Nearly"
                    | "nearly"
                    | "Those"
                    | "those"
            )
    });
    let plain = (s0..k)
        .all(|m| doc.tokens[m].kind == TokKind::Word || doc.tokens[m].kind == TokKind::Number);
    (k > s0 && counted && plain).then_some((s0, k))
}

/// "a statement saying", "an email to supporters stating": a participial cue right after a
/// lowercase phrase that names no person (no auxiliary makes it a verb of that phrase).
fn document_before_participle(doc: &Doc, np: (usize, usize), i: usize) -> bool {
    // "issued a statement Tuesday saying": a time phrase may follow the document
    if !doc.tok(i).ends_with("ing")
        || np.1 != i
            && (np.1 > i
                || doc.tok(np.1 - 1).ends_with('s')
                || time_phrase_before(doc, i, np.1) != Some(np.1))
    {
        return false;
    }
    let first = doc.tokens[np.0];
    let head = doc.tok(np.1 - 1);
    first.kind == TokKind::Word
        && !first.is_cap()
        && !is_pronoun(doc, np.0)
        && !words().is(head, class::ROLE | class::PEOPLE | class::ORG_NOUN)
        && !doc.tokens[np.1 - 1].is_cap()
}

/// "Lee emailed supporters saying …", "sent a memo to reporters explaining …": a
/// participial cue right after the object of the sentence's verb adjoins that clause, whose
/// subject speaks; not after a verb of perception ("heard protesters chanting") or a
/// preposition that makes the phrase the participle's own subject ("footage of Lee saying").
fn object_before_participle(
    doc: &Doc,
    s0: usize,
    np: (usize, usize),
    i: usize,
) -> Option<(usize, usize)> {
    if !doc.tok(i).ends_with("ing") || np.1 != i || np.0 <= s0 + 1 {
        return None;
    }
    let p = np.0 - 1;
    let pw = doc.tok(p);
    let t = doc.tokens[p];
    if t.kind != TokKind::Word
        || t.is_cap()
        || is_aux(pw)
        || matches!(
            pw,
            "and" | "or" | "but" | "that" | "who" | "which" | "of" | "with" | "as" | "by"
        )
        || is_perception_verb(pw)
    {
        return None;
    }
    let (s, v) = sentence_subject(doc, s0, np.0)?;
    // one clause: no comma or relative pronoun between the subject and the object
    let one_clause = (v..np.0).all(|m| !matches!(doc.tok(m), "," | "which" | "who" | "that"));
    (s.1 <= p && v <= p && one_clause && !is_perception_verb(doc.tok(v))).then_some(s)
}

fn is_perception_verb(w: &str) -> bool {
    matches!(
        w,
        "heard"
            | "hear"
            | "hears"
            | "saw"
            | "see"
            | "sees"
            | "seen"
            | "watched"
            | "watch"
            | "watches"
            | "remember"
            | "remembers"
            | "remembered"
            | "recall"
            | "recalls"
            | "recalled"
            | "show"
            | "shows"
            | "showed"
            | "shown"
            | "caught"
            | "found"
            | "imagine"
            | "quoted"
            | "quotes"
            | "features"
            | "featured"
            | "captured"
            | "filmed"
            | "recorded"
    )
}

/// "his call for", "Lee’s vote to", "made an unprompted call for": a verb-and-preposition
/// cue read as a noun. Its owner is the possessive, or else the clause subject.
fn noun_cue_owner(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    if doc.tok(i).ends_with("ed") || i == s0 {
        return None;
    }
    // the determiner right before the noun, or before one modifier ("an unprompted call")
    let d = if i > s0 + 1
        && !matches!(doc.tok(i - 1), "a" | "an" | "’s" | "'s")
        && !doc.tokens[i - 1].is_cap()
        && !is_aux_at(doc, i - 1)
        && !is_pronoun(doc, i - 1)
    {
        i - 2
    } else {
        i - 1
    };
    match doc.tok(d) {
        "his" | "her" | "their" | "its" | "our" => Some((d, d + 1)),
        "’s" | "'s" if d > s0 => subject_before(doc, d, s0),
        "a" | "an" => sentence_subject(doc, s0, d)
            .map(|(np, _)| np)
            .filter(|np| np.1 <= d),
        _ => None,
    }
}

/// "Kim’s most serious claim", "her recent, evidence-free assertion": the owner of a noun
/// cue at `i` whose possessive stands up to four modifiers before it (lowercase words that are
/// no auxiliary, pronoun, determiner or cue, hyphens and commas between them).
fn possessor_across_modifiers(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    let mut k = i;
    let mut words = 0;
    while k > s0 && words <= 4 {
        let t = doc.tokens[k - 1];
        let w = doc.tok(k - 1);
        match w {
            "his" | "her" | "their" | "its" | "my" | "our" => return Some((k - 1, k)),
            "’s" | "'s" if k - 1 > s0 => return subject_before(doc, k - 1, s0),
            "-" | "," if k < i => {}
            _ if t.kind == TokKind::Word
                && !t.is_cap()
                && !is_aux_at(doc, k - 1)
                && !is_pronoun(doc, k - 1)
                && doc.class(k - 1) & class::CUE == 0
                && !matches!(
                    w,
                    "the" | "a" | "an" | "this" | "that" | "and" | "or" | "of" | "to" | "in"
                ) =>
            {
                words += 1
            }
            _ => return None,
        }
        k -= 1;
    }
    None
}

/// For a passive or adverbial "asked" ("Asked why …,", "when asked whether …", "was asked
/// about …"): the question it reports, up to the next comma, without a speaker.
fn asked_question(doc: &mut Doc, r: std::ops::Range<usize>, i: usize) -> Option<Quote> {
    let bare = i == r.start
        || matches!(
            doc.tok(i - 1),
            "when"
                | "When"
                | "if"
                | "after"
                | "After"
                | "once"
                | "Once"
                | "was"
                | "were"
                | "been"
                | "being"
                | "is"
                | "are"
                | "be"
                | ","
        );
    if !bare {
        return None;
    }
    let mut a = skip_circumstance(doc, i + 1, r.end);
    if tok_is(doc, a, "later") || tok_is(doc, a, "again") {
        a += 1;
    }
    // "Asked by a host whether …": the asker puts the question
    let mut asker = None;
    if tok_is(doc, a, "by") {
        let q = asker_question(doc, a, r.end)?;
        asker = Some((a + 1, q));
        a = q;
    }
    if a >= r.end
        || !matches!(
            doc.tok(a),
            "about"
                | "whether"
                | "if"
                | "why"
                | "what"
                | "how"
                | "who"
                | "when"
                | "where"
                | "which"
        )
    {
        return None;
    }
    let e = (a..r.end)
        .find(|&k| doc.tok(k) == "," && doc.quoted_at(doc.tokens[k].span.start()).is_none())
        .unwrap_or(r.end);
    let content = trim_content(doc, a, e)?;
    Some(content_quote(doc, content, (i, i + 1), asker))
}

/// "by a host whether …" at `by`: the question word after a short agent phrase.
fn asker_question(doc: &Doc, by: usize, end: usize) -> Option<usize> {
    (by + 2..end.min(by + 6))
        .take_while(|&k| doc.tokens[k].kind == TokKind::Word)
        .find(|&k| matches!(doc.tok(k), "whether" | "if" | "why" | "what" | "how"))
}

/// "states" and "States" are mostly the noun ("the United States", "two states"): the verb
/// follows a name, a pronoun or a word for a speaker or a document ("the report states").
/// Capitalised words that qualify "states" as a noun: "Western states", "Republican
/// states", "the March states", "Gulf states".
fn region_adjective(w: &str) -> bool {
    w.ends_with("ern")
        || w.ends_with("ic")
        || matches!(
            w,
            "Republican"
                | "Midwest"
                | "March"
                | "Super"
                | "Gulf"
                | "Arab"
                | "Balkan"
                | "Plains"
                | "Mountain"
                | "Southwest"
                | "Northeast"
                | "Southeast"
                | "Northwest"
                | "Member"
                | "Nordic"
                | "Sun"
                | "Rust"
                | "Belt"
        )
}

fn states_is_verb(doc: &Doc, s0: usize, i: usize) -> bool {
    if i == s0 || doc.tokens[i].is_cap() {
        return false;
    }
    let prev = doc.tok(i - 1);
    // "had stated", "publicly stated" (not "the stated goal")
    if doc.tok(i) == "stated"
        && (is_aux(prev) || prev == ")" || prev.len() > 4 && prev.ends_with("ly"))
    {
        return true;
    }
    (doc.tokens[i - 1].is_cap() && prev != "United" && !region_adjective(prev))
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

/// Stance verbs that take a person or a policy, never a clause: "endorsed Lee in March" is
/// not a report that Lee did something, so only the object phrase is reported.
const OBJECT_ONLY_LEMMAS: &[&str] = &[
    "support",
    "endorse",
    "oppose",
    "praise",
    "criticize",
    "back",
    "attack",
    "blast",
    "slam",
    "condemn",
    "denounce",
    "defend",
    "tout",
    "reject",
    "thank",
    "discuss",
    "cite",
    "refer",
    "favor",
    "prefer",
    "laud",
    "assail",
    "portray",
    "deride",
    "highlight",
    "disavow",
    "offer",
    "release",
    "issue",
    "hail",
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

/// The first two letters of the [`PREP_VERB_STEMS`]: a bit for the second letter under the
/// first, so one look-up rejects most words before any prefix comparison.
static PREP_STEM_STARTS: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut k = 0;
    while k < PREP_VERB_STEMS.len() {
        let w = PREP_VERB_STEMS[k].as_bytes();
        t[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
        k += 1;
    }
    t
};

/// Whether `w` may start with one of the [`PREP_VERB_STEMS`] (lowercase ASCII letters).
fn stem_start_hit(w: &[u8]) -> bool {
    let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else {
        return false;
    };
    let (f, z) = (a.wrapping_sub(b'a'), b.wrapping_sub(b'a'));
    f < 26 && z < 26 && (PREP_STEM_STARTS[f as usize] >> z) & 1 == 1
}

/// A verb + preposition cue at `i` that the lexicon does not list.
fn prep_cue(doc: &Doc, i: usize, end: usize) -> Option<&'static str> {
    if i + 2 >= end || doc.tokens[i].kind != TokKind::Word || !is_object_prep(doc.tok(i + 1)) {
        return None;
    }
    let w = doc.tok(i);
    if doc.tokens[i].is_cap() || w.len() < 4 || w.len() > 12 {
        return None;
    }
    // "spoke with voters", "speaking to reporters", "speaking on condition of anonymity":
    // the addressee or the manner, not what was said (that is "spoke about", "spoke of")
    if (w.starts_with("spok") || w.starts_with("speak"))
        && matches!(doc.tok(i + 1), "to" | "with" | "on")
    {
        return None;
    }
    // most words share their first two letters with no stem: skip the prefix comparisons
    if !stem_start_hit(w.as_bytes()) {
        return None;
    }
    let inflected = [
        "", "s", "ed", "d", "ing", "ied", "ies", "y", "ied", "en", "e", "es", "ying",
    ];
    let mut bare = false;
    let found = PREP_VERB_STEMS.iter().any(|st| {
        w.strip_prefix(st).is_some_and(|rest| {
            bare = matches!(rest, "" | "s" | "es" | "e" | "y" | "ies");
            inflected.contains(&rest) || (rest.len() == 3 && rest.ends_with("ed"))
        })
    });
    // "his focus on", "the state’s vote to", "a wake-up call for": a noun after a
    // determiner or a possessor, no verb
    if found && bare && i > 0 {
        let det = |w: &str| {
            matches!(
                w,
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            ) || w.eq_ignore_ascii_case("the")
                || w.eq_ignore_ascii_case("a")
        };
        let p = doc.tok(i - 1);
        if det(p)
            || matches!(p, "’s" | "'s")
            || i > 1 && matches!(doc.tok(i - 2), "a" | "an" | "A" | "An") && !w.ends_with('s')
        {
            return None;
        }
    }
    // "his campaign for", "a lifelong focus on", "the push to": the bare form is a noun
    // unless a subject, an auxiliary or "to" stands before it
    // "his campaign for the nomination" names the campaign, not a stance of its owner
    let owned_ok = !w.starts_with("campaign");
    (found && (!bare || verb_before(doc, i) && (owned_ok || !possessor_before(doc, i))))
        .then_some(OBJECT)
}

/// A possessor one or two words before `i`: "his campaign", "Lee’s first campaign".
fn possessor_before(doc: &Doc, i: usize) -> bool {
    let own = |k: usize| matches!(doc.tok(k), "his" | "her" | "their" | "its" | "’s" | "'s");
    i > 0 && own(i - 1) || i > 1 && own(i - 2)
}

/// Whether the word before `i` lets a bare or -s form report: a subject ("Lee", "they",
/// "officials"), an auxiliary or modal, "to", an adverb, a relative pronoun, or a possessor
/// two words back ("his recent remarks about"). `prep_cue` has already ruled out a
/// determiner or possessor right before `i`.
fn verb_before(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let t = doc.tokens[i - 1];
    let p = doc.tok(i - 1);
    t.kind == TokKind::Word
        && ((t.is_cap() && !matches!(p, "The" | "A" | "An" | "His" | "Her" | "Their" | "Its"))
            || is_pronoun(doc, i - 1)
            || is_aux(p)
            || base_verb_before(p)
            || p.len() > 4 && p.ends_with("ly")
            || matches!(
                p,
                "who"
                    | "which"
                    | "that"
                    | "and"
                    | "or"
                    | "both"
                    | "all"
                    | "many"
            )
            // "his recent remarks about"
            || i > 1 && matches!(doc.tok(i - 2), "his" | "her" | "their" | "’s" | "'s"))
        || words().is(
            p,
            class::ROLE | class::ORG_NOUN | class::SOURCE | class::PEOPLE,
        )
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

/// Stance nouns that, without an owner, name an event, a text or a place rather than a
/// stance ("the debate on taxes", "a statement to the press", "the threat of violence").
const EVENT_NOUNS: &[&str] = &[
    "debate",
    "debates",
    "statement",
    "statements",
    "message",
    "messages",
    "threat",
    "threats",
    "position",
    "positions",
];

/// (first letter, length, last letter) of the stance nouns and adjectives, for `nominal_report`.
static STANCE_FILTER: [u32; 26 * 16] =
    crate::numbers::build_str_filter(&[STANCE_NOUNS, STANCE_ADJECTIVES]);

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
/// "Kim showed limited enthusiasm for", "Lee voted in support of": the subject of the
/// sentence's verb when the noun at `i` sits a few words into that verb's own clause (no
/// subordinator, relative pronoun, coordination or quotation mark between).
fn predicate_owner(doc: &Doc, s0: usize, i: usize) -> Option<(usize, usize)> {
    // "considering a Pentagon proposal to": the name before the noun owns it
    if i > s0 && doc.tokens[i - 1].is_cap() {
        return None;
    }
    let (np, v) = sentence_subject(doc, s0, i)?;
    let one_clause = v < i
        && i - v <= 8
        && (v..i).all(|m| {
            !matches!(
                doc.tokens[m].kind,
                TokKind::Terminal | TokKind::OpenQuote | TokKind::CloseQuote | TokKind::Dash
            ) && !matches!(
                doc.tok(m),
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | ";"
                    | ":"
                    | "if"
                    | "because"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "since"
                    | "although"
                    | "though"
                    | "and"
                    | "but"
                    | "or"
                    | "("
            )
        });
    one_clause.then_some(np)
}

/// A light verb within three words before the noun at `i` ("raised serious concerns",
/// "had a heated debate", "voiced doubts"): its position.
fn light_verb_before(doc: &Doc, s0: usize, i: usize) -> Option<usize> {
    (i.saturating_sub(3).max(s0 + 1)..i).rev().find(|&k| {
        matches!(
            doc.tok(k),
            "raised"
                | "raises"
                | "raising"
                | "voiced"
                | "voices"
                | "voicing"
                | "aired"
                | "airs"
                | "expressed"
                | "expresses"
                | "expressing"
                | "had"
                | "has"
                | "have"
                | "having"
                | "held"
                | "holds"
                | "shared"
                | "shares"
                | "offered"
                | "offers"
                | "offer"
                | "sent"
                | "sends"
                // "paid tribute on air", "unleashed an attack on", "avoided direct criticism of"
                | "paid"
                | "pays"
                | "paying"
                | "unleashed"
                | "unleashes"
                | "launched"
                | "launches"
                | "avoided"
                | "avoids"
        ) && !(matches!(doc.tok(k), "had" | "has" | "have" | "having")
            && (doc.tok(k + 1).ends_with("ed") || doc.tok(k + 1).ends_with("en")))
            && !tok_is(doc, i + 1, "to")
            && (k + 1..i).all(|j| {
                doc.tokens[j].kind == TokKind::Word
                    && !doc.tokens[j].is_cap()
                    && !is_cue_at_word(doc, j)
            })
    })
}

/// Whether the word at `j` is itself a cue (no light verb reaches over one).
fn is_cue_at_word(doc: &Doc, j: usize) -> bool {
    doc.class(j) & class::CUE != 0
}

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
    // one table look-up rejects most words before the two list scans
    if !crate::numbers::filter_hit(&STANCE_FILTER, w.as_bytes()) {
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
            // "raised concerns about", "has a heated debate about": the light verb's subject
            // owns the noun
            _ => match light_verb_before(doc, r.start, i) {
                Some(v) => adverbial_participle_subject(doc, r.start, v, r.end)
                    .or_else(|| subject_before(doc, v, r.start)),
                // "the debate on taxes", "a statement to the press": with no owner, nouns of
                // an event or a text name no one's stance
                None if EVENT_NOUNS.contains(&w) => return None,
                // "Lee’s controversial proposal to", "Kim rose to the defense of": a
                // possessive before the modifiers, else the subject of the clause whose
                // predicate holds the noun
                None => possessor_across_modifiers(doc, r.start, i)
                    .or_else(|| predicate_owner(doc, r.start, i)),
            },
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

/// A speech verb later in the sentence ("…, Lee said"): the sentence is that speaker's
/// report, which the speech-verb rules read.
fn later_speech_cue(doc: &Doc, from: usize, end: usize) -> bool {
    (from..end).any(|k| {
        doc.tokens[k].kind == TokKind::Word
            && doc.class(k) & class::CUE != 0
            && is_cue_at(doc, k).is_some_and(|l| {
                l != "according"
                    && !WEAK_LEMMAS.contains(&l)
                    && crate::lexicon::SPEECH_LEMMAS.contains(&l)
            })
    })
}

/// "Voters are wondering whether …", "it is unclear if …", "officials are trying to
/// determine whether …", "voters are split on whether …": an open question someone holds,
/// with the wh-clause as its content. Returns the token to continue from.
fn wh_report(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let w = doc.tok(i);
    if !matches!(
        w.as_bytes().first(),
        Some(b'w' | b'u' | b'c' | b'd' | b'q' | b's')
    ) || i == r.start
        || i + 4 >= r.end
    {
        return None;
    }
    let unsure = matches!(
        w,
        "wonder"
            | "wonders"
            | "wondered"
            | "wondering"
            | "unclear"
            | "unknown"
            | "uncertain"
            | "unsure"
            | "determine"
            | "questioned"
            | "questioning"
            | "debating"
            | "debated"
            | "split"
            | "divided"
    ) || w == "clear"
        && (i.saturating_sub(2)..i).any(|k| matches!(doc.tok(k), "not" | "n't"));
    if !unsure {
        return None;
    }
    let mut a = i + 1;
    if matches!(doc.tok(a), "on" | "about" | "over") {
        a += 1;
    }
    if !matches!(
        doc.tok(a),
        "whether" | "if" | "how" | "why" | "what" | "who"
    ) {
        return None;
    }
    let e = before_next_report(doc, a, clause_end(doc, a + 1, r.end));
    if e < a + 3 || !has_verb(doc, a + 1, e) || doc.quoted_at(doc.tokens[i].span.start()).is_some()
    {
        return None;
    }
    if later_speech_cue(doc, i + 1, r.end) {
        return None;
    }
    let content = trim_content(doc, a, e)?;
    // "it is unclear": no one holds the question
    let np = subject_before(doc, i, r.start)
        .or_else(|| bare_subject(doc, r.start, i))
        .filter(|np| !matches!(doc.tok(np.0), "It" | "it"));
    out.push(content_quote(doc, content, (i, i + 1), np));
    Some(e)
}

/// "Voters view Lee as a reformer", "Lee is widely seen as a reformer": a verb of regarding
/// with "as". Active, the object and what it is taken for are the content; passive, the
/// subject is part of it (the one who regards is rarely named). Returns the token to
/// continue from.
fn regard_as(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let w = doc.tok(i);
    if !matches!(w.as_bytes().first(), Some(b'v' | b's' | b'r' | b'c' | b'p'))
        || i == r.start
        || doc.tokens[i].is_cap()
    {
        return None;
    }
    let (active, passive) = match w {
        "view" | "views" | "see" | "saw" | "regard" | "regards" | "perceive" | "perceives" => {
            (true, false)
        }
        "viewed" | "regarded" | "perceived" => (true, true),
        // "the site rated 30% of the claims as “false”": a verdict, active only
        "rated" | "rates" => (true, false),
        "seen" | "considered" => (false, true),
        _ => return None,
    };
    if doc.quoted_at(doc.tokens[i].span.start()).is_some() {
        return None;
    }
    let e = before_next_report(doc, i + 1, clause_end(doc, i + 1, r.end));
    // "as" after the object ("view Lee as"), or right after a passive ("seen as")
    if later_speech_cue(doc, i + 1, r.end) {
        return None;
    }
    let as_at = (i + 1..e.min(i + 10))
        .take_while(|&k| {
            doc.tokens[k].kind == TokKind::Word
                || doc.tokens[k].kind == TokKind::Number
                || doc.tok(k) == "%"
        })
        .find(|&k| doc.tok(k) == "as")?;
    if as_at + 2 > e {
        return None;
    }
    let mut b = i;
    while b > r.start && (is_adverb_before_verb(doc, b - 1) || is_aux_at(doc, b - 1)) {
        b -= 1;
    }
    let be = b < i
        && (b..i).any(|k| {
            matches!(
                doc.tok(k),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        });
    if passive && be && as_at == i + 1 {
        let np = subject_before(doc, b, r.start).or_else(|| bare_subject(doc, r.start, b))?;
        let content = trim_content(doc, np.0, e)?;
        out.push(content_quote(doc, content, (i, i + 1), None));
        return Some(e);
    }
    if !active || be || as_at == i + 1 {
        return None;
    }
    let np = subject_before(doc, i, r.start).or_else(|| bare_subject(doc, r.start, i));
    np?;
    let content = trim_content(doc, i + 1, e)?;
    out.push(content_quote(doc, content, (i, i + 1), np));
    Some(e)
}

/// Nouns and adjectives of saying and believing whose that-clause is their content ("the
/// claim that …", "his fear that …", "made the case that …", "is confident that …").
const THAT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "complaint",
    "complaints",
    "suggestion",
    "suggestions",
    "speculation",
    "rumor",
    "rumors",
    "concern",
    "concerns",
    "fear",
    "fears",
    "hope",
    "hopes",
    "belief",
    "view",
    "argument",
    "case",
    "point",
    "assurance",
    "assurances",
    "acknowledgment",
    "acknowledgement",
    "recognition",
    "admission",
    "warning",
    "warnings",
    "notion",
    "conclusion",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "insistence",
    "expectation",
    "expectations",
    "promise",
    "pledge",
    "confidence",
    "doubts",
    "worries",
    "confident",
    "convinced",
    "worried",
    "hopeful",
    "adamant",
    "certain",
    "sure",
    "aware",
    "afraid",
];

/// "the claim that the vote was rigged", "Lee is confident that …": a noun or adjective of
/// saying or believing with its that-clause. The speaker is a possessor ("his fear that"),
/// else the clause subject before a copula or light verb, else no one. Returns the token
/// to continue from.
fn noun_that(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    if i + 4 >= r.end || i == r.start || doc.tokens[i].kind != TokKind::Word {
        return None;
    }
    let w = doc.tok(i);
    if w.len() < 4 || !matches!(doc.tok(i + 1), "that" | "during" | "at" | "in" | "on") {
        return None;
    }
    if !THAT_NOUNS.contains(&w) || doc.quoted_at(doc.tokens[i].span.start()).is_some() {
        return None;
    }
    // "her claim during the debate that …": a short phrase of time or place may stand
    // between the owned noun and its clause
    let that = if doc.tok(i + 1) == "that" {
        i + 1
    } else {
        timed_noun_that(doc, i, r.end)?
    };
    if that > i + 1 && possessor_across_modifiers(doc, r.start, i).is_none() {
        return None;
    }
    let a = that + 1;
    let e = before_next_report(doc, a, clause_end(doc, a, r.end));
    // "(the real figure is lower, according to …)": the writer's aside ends the clause
    let e = (a..e).find(|&k| doc.tok(k) == "(").unwrap_or(e);
    // a relative clause ("the claim that he made") lacks its object: ask for a subject, a
    // verb and two more words
    if e < a + 4 || !looks_like_clause(doc, a, e) || !has_verb(doc, a + 1, e) {
        return None;
    }
    if later_speech_cue(doc, i + 1, r.end) {
        return None;
    }
    let content = trim_content(doc, a, e)?;
    let np = match doc.tok(i - 1) {
        "his" | "her" | "their" | "its" | "my" | "our" => Some((i - 1, i)),
        "’s" | "'s" if i >= r.start + 2 => subject_before(doc, i - 1, r.start),
        _ if possessor_across_modifiers(doc, r.start, i).is_some() => {
            possessor_across_modifiers(doc, r.start, i)
        }
        _ => {
            // "Lee is confident that", "Lee made the case that": the subject before
            let mut k = i - 1;
            while k > r.start && matches!(doc.tok(k), "the" | "a" | "very" | "so" | "not") {
                k -= 1;
            }
            let w = doc.tok(k);
            if k > r.start
                && (is_finite_aux(w)
                    || matches!(
                        w,
                        "made" | "makes" | "make" | "expressed" | "voiced" | "remains"
                    ))
            {
                subject_before(doc, k, r.start)
            } else {
                None
            }
        }
    };
    out.push(content_quote(doc, content, (i, i + 1), np));
    Some(e)
}

/// "claim during the debate that", "assertion at the rally that": the index of the "that"
/// after a noun at `i` and a preposition of time or place with a short object.
fn timed_noun_that(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if !matches!(doc.tok(i + 1), "during" | "at" | "in" | "on") {
        return None;
    }
    (i + 3..end.min(i + 6))
        .take_while(|&k| doc.tokens[k].kind == TokKind::Word && !is_aux_at(doc, k))
        .find(|&k| doc.tok(k) == "that")
}

/// "Trump seems fixated on China", "voters appear fatigued": an impression the article
/// attributes to no one. The content is the subject and what it seems to be.
fn seeming(
    doc: &mut Doc,
    r: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<Quote>,
) -> Option<usize> {
    let w = doc.tok(i);
    if !matches!(w.as_bytes().first(), Some(b's' | b'a'))
        || !matches!(
            w,
            "seems" | "seemed" | "seem" | "appears" | "appeared" | "appear"
        )
        || i == r.start
        || doc.quoted_at(doc.tokens[i].span.start()).is_some()
    {
        return None;
    }
    let np = subject_before(doc, i, r.start)?;
    let mut a = i + 1;
    if tok_is(doc, a, "to") {
        a += 1;
    }
    let e = clause_end(doc, a, r.end);
    let rest = trim_content(doc, a, e)?;
    let first = span_of(doc, np.0, np.1);
    let second = span_of(doc, rest.0, rest.1);
    let mut q = content_quote(doc, rest, (i, i + 1), None);
    q.parts = vec![first, second];
    q.span = first.cover(second);
    out.push(q);
    Some(e)
}

/// The end of a noun-phrase object starting at `a`: up to a comma, a dash, a clause break or
/// the end. None when no noun phrase starts there.
fn object_end(doc: &Doc, a: usize, end: usize) -> Option<usize> {
    if a >= end || doc.tokens[a].kind != TokKind::Word {
        return None;
    }
    // "a kind, loving and decent man": a comma inside a short list of modifiers
    let in_list = |k: usize| {
        doc.tok(k) == ","
            && k + 1 < end
            && !matches!(doc.tok(k + 1), "and" | "or" | "but")
            && (k + 2..end.min(k + 5))
                .take_while(|&m| doc.tok(m) != "," && doc.tokens[m].kind == TokKind::Word)
                .any(|m| matches!(doc.tok(m), "and" | "or"))
    };
    let k = (a..end)
        .find(|&k| {
            matches!(
                doc.tokens[k].kind,
                TokKind::Terminal | TokKind::Dash | TokKind::OpenQuote
            ) || !in_list(k)
                && matches!(
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
                )
                || (k > a
                    && matches!(doc.tok(k), "and" | "but")
                    && ((k + 1..end.min(k + 4)).any(|v| is_cue_at(doc, v).is_some())
                    // "called him “a friend” and he smiled": a clause of its own
                    || k + 1 < end
                        && matches!(doc.tok(k + 1), "he" | "she" | "they" | "we" | "I" | "it")
                    // "endorsed Lee and organized for him": a second verb of the subject
                    || k + 1 < end && verb_like(doc, k + 1)))
                || (k > a
                    && matches!(doc.tok(k), "on" | "in" | "during" | "this")
                    && k + 1 < end
                    && is_time_word(doc.tok(k + 1)))
                || medium_phrase(doc, k, end)
        })
        .unwrap_or(end);
    (k > a).then_some(k)
}

/// "on his radio show", "in a Facebook post", "via Twitter": a phrase at `k` naming the
/// channel of the report, its last word a medium noun at the end of the phrase.
fn medium_phrase(doc: &Doc, k: usize, end: usize) -> bool {
    if !matches!(doc.tok(k), "on" | "in" | "via") {
        return false;
    }
    let mut m = k + 1;
    while m < end && m < k + 9 && doc.tokens[m].kind == TokKind::Word {
        let n = m + 1;
        if doc.class(m) & class::MEDIUM != 0
            && (n >= end
                || doc.tokens[n].kind != TokKind::Word
                || is_time_word(doc.tok(n))
                || matches!(
                    doc.tok(n),
                    "on" | "in" | "last" | "this" | "before" | "after" | "when" | "while"
                ))
        {
            return true;
        }
        m += 1;
    }
    false
}

/// A lowercase past form or finite auxiliary, maybe after "also": the next verb of a
/// coordinated predicate.
fn verb_like(doc: &Doc, k: usize) -> bool {
    let t = doc.tokens[k];
    if t.kind != TokKind::Word || t.is_cap() {
        return false;
    }
    let w = doc.tok(k);
    if w == "also" {
        return k + 1 < doc.tokens.len() && verb_like(doc, k + 1);
    }
    (w.len() > 4 && w.ends_with("ed")) || is_finite_aux(w)
}

/// For "…, said X" and "…,” said X": the inverted subject and the comma before the cue. The
/// subject fills the rest of the clause ("…, said Lee." not "…, said the chamber will vote"),
/// up to a comma, an aside in brackets or a dash.
fn inverted_subject(doc: &Doc, s0: usize, i: usize, end: usize) -> Option<((usize, usize), usize)> {
    // "…, adding that …": a participle has no subject after it
    if i < s0 + 2 || doc.tok(i).ends_with("ing") {
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
    let np = subject_after(doc, cue.1, stop).filter(|np| {
        // "said Lee of the Harbor Trust": a prepositional tail of names and nouns
        let tail_ok = (np.1..stop).all(|m| {
            np_token(doc, m) || matches!(doc.tok(m), "of" | "at" | "from" | "for" | "in" | "on")
        });
        tail_ok && !matches!(doc.tok(np.1 - 1), "the" | "a" | "an" | "The")
    })?;
    // "Lee, the agency's director, noted the delay": a leading subject and its appositive,
    // not a report; a clause before the comma or a named speaker after it tells them apart
    let named = (np.0..np.1).any(|k| {
        doc.tokens[k].is_cap()
            || is_pronoun(doc, k)
            || doc.class(k) & (class::ROLE | class::PEOPLE | class::ORG_NOUN | class::SOURCE) != 0
    });
    if comma == i - 1 && !named && !has_verb(doc, s0, comma) {
        return None;
    }
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
    while k > s0 && is_aux_at(doc, k - 1) {
        k -= 1;
    }
    if k == s0 || !matches!(doc.tok(k - 1), "and" | "but") {
        return None;
    }
    coordinated_speaker_any(doc, s0, i, out)
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
    if let Some(q) = out
        .last()
        .filter(|q| q.span.start >= start && q.span.start < at && q.speaker.is_some())
    {
        return Some((q.speaker, q.speaker_span));
    }
    // “…,” Lee said, adding that …: a direct quotation whose cue sits earlier in the
    // sentence. Direct quotations come first in `out`, in text order.
    let direct = out.partition_point(|q| q.kind == QuoteKind::Direct);
    let k = out[..direct].partition_point(|q| q.span.start < at);
    out[..k]
        .iter()
        .rev()
        .take(3)
        .find(|q| q.speaker.is_some() && q.cue.is_some_and(|c| c.start >= start && c.start < at))
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
            let close = (doc.quoted[q].end_tok as usize).min(end);
            // "called for more “flexibility” for advisers to …": the phrase goes on after
            // the quotation, and so does the report
            // "called it “absurd” and left", "… and likened it to “…”": a coordinated
            // clause with no quotation of its own, or with a cue of its own, is another
            // report ("“weak” and “tired”", "“absurd” and of “no use”" go on)
            if close + 1 < end && matches!(doc.tok(close), "and" | "but" | "while") {
                // "called it “absurd” and was “glad …”": a second verb phrase of its own
                if is_finite_aux(doc.tok(close + 1))
                    && (a..k).all(|m| doc.tok(m) != "that" && is_cue_at(doc, m).is_none())
                {
                    return Some(close);
                }
                let next = (close + 1..end).find(|&m| doc.tokens[m].kind == TokKind::OpenQuote);
                if next.is_none_or(|n| (close + 1..n).any(|m| is_cue_at(doc, m).is_some())) {
                    return Some(close);
                }
            }
            // "her “long record,” “sound judgment” and …": a list of quoted phrases
            let listed = close + 1 < end
                && doc.tokens[close].kind == TokKind::OpenQuote
                && doc.tok(close - 2) == ",";
            if listed
                || close < end
                    && doc.tokens[close].kind == TokKind::Word
                    && doc.tokens[close - 2].kind == TokKind::Word
                    && !is_time_word(doc.tok(close))
                    && !(close + 1 < end
                        && matches!(doc.tok(close), "on" | "in" | "last" | "this" | "during")
                        && is_time_word(doc.tok(close + 1)))
            {
                // a second quotation in the phrase goes with it ("“weak” and “tired”")
                let mut e = if listed {
                    close
                } else {
                    object_end(doc, close, end).unwrap_or(close)
                };
                while e + 1 < end && doc.tokens[e].kind == TokKind::OpenQuote {
                    let Some(q) = doc.quoted_at(doc.tokens[e + 1].span.start()) else {
                        break;
                    };
                    e = (doc.quoted[q].end_tok as usize).min(end);
                    if e < end && doc.tokens[e].kind == TokKind::Word {
                        e = object_end(doc, e, end).unwrap_or(e);
                    }
                }
                return Some(e);
            }
            return Some(close);
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
            // "promising to campaign across …": an infinitive, not a place
            && !(doc.tok(a) == "to"
                && a + 1 < end
                && !doc.tokens[a + 1].is_cap()
                && doc.class(a + 1) & (class::NP_WORD | class::ROLE | class::PEOPLE) == 0
                && !matches!(doc.tok(a + 1), "the" | "a" | "an" | "his" | "her" | "their" | "its"))
        {
            let mut k = a + 1;
            while k < end
                && k < a + 7
                && doc.tokens[k].kind != TokKind::Punct
                && !matches!(doc.tok(k), "that")
                && (doc.tokens[k].is_cap()
                    || doc.tokens[k].kind == TokKind::Number
                    || doc.class(k) & class::NP_WORD != 0
                    || is_time_word(doc.tok(k))
                    || doc.class(k) & (class::ORG_NOUN | class::ROLE | class::PEOPLE) != 0
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

/// A weekday or "today": a day that can stand alone between a subject and its verb.
fn is_day_word(s: &str) -> bool {
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
    )
}

fn is_time_word(s: &str) -> bool {
    is_day_word(s)
        || matches!(
            s,
            "recently"
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
    let mut depth = 0u32;
    while k < end {
        match doc.tokens[k].kind {
            TokKind::OpenQuote => depth += 1,
            TokKind::CloseQuote => {
                depth = depth.saturating_sub(1);
                // “excited where we stand” as he faces …: the reporter's circumstance
                if depth == 0
                    && k > a + 1
                    && k + 1 < end
                    && matches!(doc.tok(k + 1), "as" | "while")
                    && !quoted_aside(doc, k + 1, end)
                {
                    return k + 1;
                }
                // "“a fraud” — a charge he has made before": the reporter's dashed aside
                if depth == 0
                    && k > a + 1
                    && k + 2 < end
                    && doc.tokens[k + 1].kind == TokKind::Dash
                    && dashed_aside(doc, k + 1, end)
                {
                    return k + 1;
                }
            }
            _ => {}
        }
        // "…; they only learned of it later": the reporter's next clause
        if depth == 0 && doc.tok(k) == ";" && k > a {
            return k;
        }
        // "… even though he found “proof” that …": quoted words in a subordinate clause with
        // a cue of its own are that cue's report, not the main clause's
        if depth == 0
            && k > a + 2
            && matches!(doc.tok(k), "though" | "although" | "because" | "when")
            && quoted_subordinate_report(doc, a, k, end)
        {
            return if doc.tok(k - 1) == "even" { k - 1 } else { k };
        }
        // "… was thin – “We need details,” she said – and …": a quotation with an
        // attribution of its own between dashes interrupts the report
        if depth == 0
            && k > a + 2
            && k + 2 < end
            && doc.tokens[k].kind == TokKind::Dash
            && doc.tokens[k + 1].kind == TokKind::OpenQuote
            && interjected_quotation(doc, k + 1)
        {
            return k;
        }
        // "… – Lee saying he was “pleased” and Kim calling it …": a dash before an absolute
        // clause whose own subject reports
        if depth == 0
            && k > a + 2
            && (doc.tokens[k].kind == TokKind::Dash || doc.tok(k) == "and")
            && absolute_report(doc, k + 1, end)
        {
            return k;
        }
        if doc.tok(k) == "," {
            // a comma that closes a quoted fragment ("…,” adding that …") ends the clause
            // after the closing mark
            let closes = k + 1 < end && doc.tokens[k + 1].kind == TokKind::CloseQuote;
            let (next, stop, outside) = if closes {
                (k + 2, k + 2, depth <= 1)
            } else {
                (k + 1, k, depth == 0)
            };
            if next < end && tok_is(doc, next, "according") {
                return stop;
            }
            // "…, with Senator Park telling reporters …": an absolute phrase with a
            // report of its own
            if outside && next < end && tok_is(doc, next, "with") && with_report(doc, next, end) {
                return stop;
            }
            // "…, which is spread by …", "…, despite …", "…, a swipe at …": the
            // reporter's aside after the reported clause (a relative, a concession, an
            // appositive or a participle), though not after a bare subject ("argued the
            // pipeline, which Lee backs, would …")
            if outside
                // "as “Spanish,” which is …", "was “gone,” sparking …": after a closing
                // mark, even a short report
                && (k > a + 5 || closes && k > a + 2 && !quoted_subject(doc, a, k))
                && next < end
                && !quoted_aside(doc, next, end)
                && !relative_in_subject(doc, next, end)
                && (matches!(
                    doc.tok(next),
                    "which" | "who" | "though" | "although" | "despite" | "as" | "however"
                ) || doc.tok(next) == "but" && !tok_is(doc, next + 1, "that")
                    || closes && doc.tok(next) == "yet"
                    || matches!(doc.tok(next), "a" | "an" | "the")
                    && !list_goes_on(doc, next, end)
                    // "…, providing a boost to …": the reporter's participle
                    || doc.tok(next).len() > 5
                        && doc.tok(next).ends_with("ing")
                        && !doc.tokens[next].is_cap()
                        && !matches!(doc.tok(next), "including" | "during" | "according"))
            {
                return stop;
            }
            // "…, saying …", "…, adding that …": a participial report of its own
            if k > a
                && next < end
                && doc.tok(next).ends_with("ing")
                && is_cue_at(doc, next).is_some()
                && doc.quoted_at(doc.tokens[next].span.start()).is_none()
            {
                return stop;
            }
        }
        // "… on Twitter before claiming that …", "… and urging voters to …": a second,
        // participial report of the same speaker
        if depth == 0
            && k > a + 2
            && k + 1 < end
            && matches!(
                doc.tok(k),
                "before" | "after" | "while" | "and" | "without" | "when" | "by"
            )
            && doc.tok(k + 1).ends_with("ing")
            && is_cue_at(doc, k + 1).is_some()
        {
            return if doc.tok(k - 1) == "," { k - 1 } else { k };
        }
        // "…, and three-quarters said …", "…, while 9 percent found …": a second report
        if matches!(doc.tok(k), "and" | "but" | "while" | "whereas")
            && k > a + 2
            && k >= 1
            && doc.tok(k - 1) == ","
        {
            if let Some(v) = (k + 2..end.min(k + 7)).find(|&v| is_cue_at(doc, v).is_some()) {
                if doc.quoted_at(doc.tokens[v].span.start()).is_none()
                    && (subject_before(doc, v, k + 1).is_some_and(|np| np.0 == k + 1)
                        || second_speaker(doc, k + 1, v))
                {
                    return k - 1;
                }
            }
        }
        // "… but argues that …": a second report by the same subject
        if matches!(doc.tok(k), "and" | "but") && k > a + 2 {
            let mut v = k + 1;
            // "… and he, once again, pledged …": a subject pronoun and a short aside
            let pronoun = v < end
                && doc.tok(k) == "and"
                && doc.tok(k - 1) != ","
                && !(doc.tokens[k - 1].kind == TokKind::CloseQuote && doc.tok(k - 2) == ",")
                && matches!(doc.tok(v), "he" | "she" | "they" | "we");
            if pronoun {
                v += 1;
                if tok_is(doc, v, ",") {
                    if let Some(c) = (v + 1..end.min(v + 5)).find(|&m| doc.tok(m) == ",") {
                        v = c + 1;
                    }
                }
            }
            while v < end && is_aux_at(doc, v) {
                v += 1;
            }
            // a bare verb ("he’d sit down and tell him …") is still inside the content
            if v < end
                && is_cue_at(doc, v).is_some_and(|l| l != "according" && l != doc.tok(v))
                && (!pronoun || doc.class(v) & class::SPEECH != 0)
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

/// At subordinator `k`: a short subject, a finite cue and, before any comma, a quotation,
/// with no quotation in the content `[a, k)` before it.
fn quoted_subordinate_report(doc: &Doc, a: usize, k: usize, end: usize) -> bool {
    if (a..k).any(|m| doc.tokens[m].kind == TokKind::OpenQuote) {
        return false;
    }
    let Some(v) = (k + 2..end.min(k + 6)).find(|&m| is_cue_at(doc, m).is_some()) else {
        return false;
    };
    let subject = (k + 1..v).all(|m| {
        doc.tokens[m].kind == TokKind::Word
            && (doc.tokens[m].is_cap() || is_pronoun(doc, m) || is_aux_at(doc, m))
    });
    subject
        && !doc.tok(v).ends_with("ing")
        && (v + 1..end.min(v + 12))
            .take_while(|&m| doc.tok(m) != "," && doc.tokens[m].kind != TokKind::Terminal)
            .any(|m| doc.tokens[m].kind == TokKind::OpenQuote)
}

/// The quotation opening at `open` is followed by an attribution with a speaker of its own
/// (`“…,” she said`).
fn interjected_quotation(doc: &Doc, open: usize) -> bool {
    doc.quoted_at(doc.tokens[open].span.end())
        .map(|q| &doc.quoted[q])
        .is_some_and(|q| {
            q.open_tok as usize == open
                && !q.unclosed
                && attribution_after(doc, q.end_tok as usize).is_some_and(|a| a.np.is_some())
        })
}

/// After a quotation, the dash at `d` opens the reporter's aside: no quotation follows in
/// the clause (`— itself a reply to his “…”` quotes again), and no second dash hands back
/// to the reported clause's verb (`“arms” – knives, mostly – were found`).
fn dashed_aside(doc: &Doc, d: usize, end: usize) -> bool {
    for m in d + 1..end {
        match doc.tokens[m].kind {
            TokKind::OpenQuote | TokKind::CloseQuote => return false,
            TokKind::Dash => {
                return !(m + 1 < end
                    && (is_finite_aux(doc.tok(m + 1))
                        || doc.tokens[m + 1].kind == TokKind::Word
                            && !doc.tokens[m + 1].is_cap()
                            && doc.tok(m + 1).ends_with("ed")))
            }
            TokKind::Terminal => return true,
            _ => {}
        }
    }
    true
}

/// `“Lost,” a film about …, won`: the quotation closing at comma `k` opens the reported
/// clause (after a "that"), so what follows the comma still belongs to its subject.
fn quoted_subject(doc: &Doc, a: usize, k: usize) -> bool {
    doc.quoted_at(doc.tokens[k].span.start()).is_some_and(|q| {
        let open = doc.quoted[q].open_tok as usize;
        (a..open).all(|m| doc.tokens[m].kind != TokKind::Word || doc.tok(m) == "that")
    })
}

/// "Lee saying …", "the two leaders calling …": a short subject phrase and a participial
/// cue at `a`, a report with a subject of its own.
fn absolute_report(doc: &Doc, a: usize, end: usize) -> bool {
    (a + 1..end.min(a + 5))
        .find(|&m| {
            doc.tokens[m].kind != TokKind::Word
                || doc.tok(m).ends_with("ing")
                || is_finite_aux(doc.tok(m))
        })
        .is_some_and(|v| {
            doc.tok(v).ends_with("ing")
                && is_cue_at(doc, v).is_some()
                && (doc.tokens[a].is_cap() || is_pronoun(doc, a))
                && is_cue_at(doc, a).is_none()
        })
}

/// "with Senator Park telling …", "with most analysts saying …" at `with`: a phrase of up
/// to five words and a participial cue.
fn with_report(doc: &Doc, with: usize, end: usize) -> bool {
    (with + 2..end.min(with + 7))
        .take_while(|&v| doc.tokens[v - 1].kind == TokKind::Word)
        .any(|v| {
            doc.tok(v).ends_with("ing")
                && !doc.tokens[v].is_cap()
                && is_cue_at(doc, v).is_some()
                && doc.quoted_at(doc.tokens[v].span.start()).is_none()
        })
}

/// "the plan, which some have called rushed, was a “mistake”": a relative clause between
/// commas followed by a finite verb sits inside the reported clause's subject.
fn relative_in_subject(doc: &Doc, next: usize, end: usize) -> bool {
    if !matches!(doc.tok(next), "which" | "who") {
        return false;
    }
    let mut depth = 0u32;
    for m in next + 1..end.min(next + 25) {
        match doc.tokens[m].kind {
            TokKind::OpenQuote => depth += 1,
            TokKind::CloseQuote => depth = depth.saturating_sub(1),
            TokKind::Terminal => return false,
            _ => {}
        }
        if depth == 0 && doc.tok(m) == "," {
            return m + 1 < end && is_finite_aux(doc.tok(m + 1));
        }
    }
    false
}

/// `“angry,” but also “tired”`, `“weak,” which led to “chaos”`: what looks like the
/// reporter's aside quotes the speaker again, so the report goes on through it. The aside
/// runs to the next comma or sentence end outside quotation marks and has no cue.
fn quoted_aside(doc: &Doc, next: usize, end: usize) -> bool {
    let mut depth = 0u32;
    for m in next..end.min(next + 25) {
        match doc.tokens[m].kind {
            TokKind::OpenQuote => return m > next,
            TokKind::CloseQuote => depth = depth.saturating_sub(1),
            TokKind::Terminal => return false,
            _ => {}
        }
        // "…, who he said …", "…, a man yelled “…”": a report of its own
        if depth == 0 && doc.tok(m) == "," || is_cue_at(doc, m).is_some() {
            return false;
        }
    }
    false
}

/// "…, and more than 4 in 10 said …": a short phrase with a number or a name before a
/// finite speech verb opens a report of its own.
fn second_speaker(doc: &Doc, a: usize, v: usize) -> bool {
    let w = doc.tok(v);
    v > a
        && !w.ends_with("ing")
        && doc.tok(v - 1) != "to"
        && is_cue_at(doc, v).is_some_and(|l| crate::lexicon::SPEECH_LEMMAS.contains(&l))
        && (a..v).any(|k| doc.tokens[k].kind == TokKind::Number || doc.tokens[k].is_cap())
        && (a..v).all(|k| {
            matches!(doc.tokens[k].kind, TokKind::Word | TokKind::Number)
                && !is_finite_aux(doc.tok(k))
                && !matches!(doc.tok(k), "that" | "which" | "who")
        })
}

/// "on Israel, the Iranian deal and the court": an "and" or "or" before the next comma
/// makes the phrase at `k` one more item of a list, not an aside.
fn list_goes_on(doc: &Doc, k: usize, end: usize) -> bool {
    (k..end.min(k + 10))
        .take_while(|&m| doc.tok(m) != "," && doc.tokens[m].kind != TokKind::Terminal)
        .any(|m| matches!(doc.tok(m), "and" | "or"))
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

/// For a speech verb closing its sentence, a speaker phrase the phrase rules did not read:
/// "…, said one official in the room", "…, a source who saw the letter said", "…, the
/// party's finance chairman, Lee Kim, told reporters". Returns the phrase and the comma that
/// ends the content.
fn loose_trailing(
    doc: &Doc,
    r: std::ops::Range<usize>,
    i: usize,
    lemma: &str,
) -> Option<((usize, usize), usize)> {
    if WEAK_LEMMAS.contains(&lemma)
        || !crate::lexicon::SPEECH_LEMMAS.contains(&lemma)
        || i < r.start + 4
        || doc.tok(i).ends_with("ing")
        || doc.tok(i - 1) == "to"
    {
        return None;
    }
    let cue = cue_span(doc, i);
    let plain = |k: usize| {
        let t = doc.tokens[k];
        matches!(t.kind, TokKind::Word | TokKind::Number)
            && doc.quoted_at(t.span.start()).is_none()
            && !is_finite_aux(doc.tok(k))
    };
    if doc.tok(i - 1) == "," {
        // inverted: "…, said one official in the room", "…, said a man who saw it"
        let stop = (cue.1..r.end)
            .find(|&k| {
                matches!(doc.tokens[k].kind, TokKind::Terminal | TokKind::Dash)
                    || matches!(doc.tok(k), "," | "(")
            })
            .unwrap_or(r.end);
        let inverted = subject_after(doc, cue.1, stop).filter(|np| {
            let relative = np.1 < stop && matches!(doc.tok(np.1), "who" | "whose");
            let tail_ok = relative
                || np.1 < stop
                    && matches!(
                        doc.tok(np.1),
                        "in" | "at" | "of" | "from" | "for" | "with" | "on" | "close" | "familiar"
                    )
                    && (np.1..stop).all(plain);
            tail_ok
                && !matches!(doc.tok(np.1 - 1), "the" | "a" | "an" | "The")
                && after_trailing_cue_ok(doc, stop, r.end)
        });
        if let Some(np) = inverted.filter(|_| has_verb(doc, r.start, i - 1)) {
            return Some((np, i - 1));
        }
    }
    if !after_trailing_cue_ok(doc, cue.1, r.end) || clause_follows(doc, cue.1, r.end) {
        return None;
    }
    let mut e = i;
    loop {
        if e > r.start && (is_aux_at(doc, e - 1) && !is_pronoun(doc, e - 1))
            || e > r.start && is_adverb_before_verb(doc, e - 1)
        {
            e -= 1;
        } else if let Some(k) = time_phrase_before(doc, e, r.start) {
            e = k;
        } else {
            break;
        }
    }
    // "…, the party's chairman, Lee Kim, said": an appositive before the cue
    let apposed = e > r.start && doc.tok(e - 1) == ",";
    if apposed {
        e -= 1;
    }
    let segment = |e: usize| -> Option<usize> {
        let c = (r.start + 3..e)
            .rev()
            .take(16)
            .take_while(|&k| plain(k) || matches!(doc.tok(k), "," | "—" | "–" | "’s" | "'s" | "."))
            .find(|&k| matches!(doc.tok(k), "," | "—" | "–"))?;
        let named = (c + 1..e).any(|k| {
            doc.tokens[k].is_cap()
                || is_pronoun(doc, k)
                || doc.class(k) & (class::ROLE | class::PEOPLE | class::ORG_NOUN | class::SOURCE)
                    != 0
        });
        let first = doc.tok(c + 1);
        let opens = !FUNCTION_WORDS.contains(&first)
            && (c + 1..e).all(|k| {
                let w = doc.tok(k);
                is_cue_at(doc, k).is_none()
                    && (!FUNCTION_WORDS.contains(&w)
                        || matches!(
                            w,
                            "of" | "for" | "at" | "in" | "from" | "with" | "to" | "and"
                        ))
                    && (doc.tokens[k].is_cap()
                        || !(w.ends_with("ing") || w.ends_with("ed"))
                        || np_token(doc, k))
            });
        (c + 1 < e && named && opens).then_some(c)
    };
    let mut c = segment(e)?;
    if apposed {
        if let Some(c2) = segment(c).filter(|&c2| c - c2 <= 10 && doc.tok(c) == ",") {
            c = c2;
        }
    }
    let words = (r.start..c)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .count();
    (words >= 3 && has_verb(doc, r.start, c)).then_some(((c + 1, e), c))
}

/// Whether `[a, b)` holds a word that looks like a finite verb ("will", "rose" aside): the
/// content of a report is a clause, not the bare subject phrase of a leading cue ("Lee, the
/// party's chairman, said …").
fn has_verb(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let t = doc.tokens[k];
        let w = doc.tok(k);
        t.kind == TokKind::Word
            && (is_finite_aux(w)
                || w.contains(['\'', '’']) && !w.ends_with('s')
                || !t.is_cap()
                    && w.len() > 3
                    && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
                    && !np_token(doc, k))
    })
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
    // "…,” his old friend said": a possessive opens the phrase, a closing mark may follow
    // the comma
    if m < np.0 && m > s0 + 3 && matches!(doc.tok(m - 1), "his" | "her" | "their" | "its") {
        m -= 1;
    }
    let mut c = m;
    if m < np.0 && doc.tokens[c - 1].kind == TokKind::CloseQuote {
        c -= 1;
    }
    if m < np.0 && matches!(doc.tok(c - 1), "," | "—" | "–") {
        return Some(((m, np.1), c - 1));
    }
    None
}

/// After a trailing cue, the source that relayed the report: "…, the agency said on
/// Tuesday, according to two lawmakers" → "two lawmakers" (LEDGER: `via`).
fn trailing_according(doc: &Doc, from: usize, end: usize) -> Option<(usize, usize)> {
    let k = (from..end.min(from + 8))
        .take_while(|&k| {
            doc.tokens[k].kind != TokKind::Terminal
                && (doc.tok(k) == "," || is_cue_at(doc, k).is_none())
        })
        .find(|&k| {
            doc.tok(k) == "," && tok_is(doc, k + 1, "according") && tok_is(doc, k + 2, "to")
        })?;
    let a = k + 3;
    let stop = (a..end)
        .find(|&j| matches!(doc.tokens[j].kind, TokKind::Terminal) || doc.tok(j) == ",")
        .unwrap_or(end);
    subject_after(doc, a, stop).or_else(|| (stop > a && stop - a <= 20).then_some((a, stop)))
}

/// After a trailing cue: a participial second report ("…, adding that …").
fn after_trailing_cue(doc: &Doc, from: usize, end: usize) -> Option<(usize, (usize, usize))> {
    let mut k = from;
    while k < end && k < from + 6 {
        if doc.tok(k) == "," && k + 1 < end {
            if let Some(l) = is_cue_at(doc, k + 1) {
                if doc.tok(k + 1).ends_with("ing") && l != "according" && !WEAK_LEMMAS.contains(&l)
                {
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
        // "According to Lee, Kim was “tired,” prompting …": the reporter's aside ends it
        let e = clause_end(doc, stop + 1, r.end);
        let w = if tok_is(doc, e, ",") { e + 1 } else { e };
        let aside =
            w < r.end && (doc.tok(w).ends_with("ing") || matches!(doc.tok(w), "which" | "who"));
        let content = trim_content(doc, stop, if aside { e } else { r.end })?;
        let q = content_quote(doc, content, cue, Some(np));
        out.push(q);
        return Some(r.end);
    }
    let content_end = if i > r.start && doc.tok(i - 1) == "," {
        i - 1
    } else {
        i
    };
    // a report already made from this sentence's own speech cue takes X as via; a
    // quotation nobody was credited with is X's; a stance noun ("views on …") or a weak
    // cue inside the clause does not govern it, so X reports the whole clause
    let content_span = span_of(doc, r.start, content_end.max(r.start + 1));
    let overlapping = |q: &Quote| content_span.contains(q.span) || q.span.overlaps(content_span);
    let direct = out.partition_point(|q| q.kind == QuoteKind::Direct);
    let d = out[..direct].partition_point(|q| q.span.start < content_span.end);
    // reports are appended in text order: the scan back stops at the sentence
    let found = (direct..out.len())
        .rev()
        .take_while(|&k| out[k].span.end > content_span.start)
        .find(|&k| overlapping(&out[k]))
        .or_else(|| {
            (d.saturating_sub(2)..d)
                .rev()
                .find(|&k| overlapping(&out[k]))
        });
    let strong = |q: &Quote| {
        q.cue.is_some_and(|c| {
            is_cue_at(doc, doc.token_at(c.start()))
                .is_some_and(|l| l != "according" && !WEAK_LEMMAS.contains(&l))
        })
    };
    if let Some(k) = found.filter(|&k| out[k].speaker.is_none()) {
        let (speaker, sspan) = resolve_speaker(doc, np);
        let q = &mut out[k];
        q.speaker = speaker;
        q.speaker_span = Some(sspan);
        q.cue = Some(span_of(doc, cue.0, cue.1));
        return Some(r.end);
    }
    if let Some(prev) = found.filter(|&k| strong(&out[k])).map(|k| &mut out[k]) {
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
    let mut q = content_quote(doc, content, cue, Some(np));
    // "The goal, according to Lee, is to …": the clause resumes after the source (not
    // "…, according to the survey, which is …": a relative clause on the source)
    if tok_is(doc, stop, ",") && !matches!(doc.tok(stop + 1), "which" | "who") {
        if let Some(c2) = trim_content(doc, stop + 1, clause_end(doc, stop + 1, r.end)) {
            let part = span_of(doc, c2.0, c2.1);
            q.parts.push(part);
            q.span = q.span.cover(part);
            if has_marks(doc, part) && q.kind == QuoteKind::Indirect {
                q.kind = QuoteKind::Mixed;
            }
        }
    }
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

    /// The speaker entity's name for every quote found in `text`.
    fn speaker_names(text: &str) -> Vec<String> {
        let doc = extract(text, Meta::default(), Options { keep_text: true });
        doc.quotes
            .iter()
            .map(|q| {
                q.speaker
                    .map(|e| doc.entities[e as usize].name.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    fn has(found: &[(String, String)], content: &str, speaker: &str) -> bool {
        found.iter().any(|(c, s)| c == content && s == speaker)
    }

    #[test]
    fn according_to_after_a_trailing_cue_is_the_relay() {
        let text = "At least 40 guards died, the bureau said on Friday, according to two aides.";
        let doc = extract(text, Meta::default(), Options { keep_text: true });
        assert_eq!(doc.quotes.len(), 1, "{:?}", doc.quotes);
        let q = &doc.quotes[0];
        assert_eq!(doc.slice(q.span), "At least 40 guards died");
        assert_eq!(
            q.via_text.iter().map(|s| doc.slice(*s)).collect::<Vec<_>>(),
            vec!["two aides"]
        );
    }

    #[test]
    fn an_aside_after_a_trailing_cue_is_no_content() {
        let found = quotes_of(
            "Some 90 fighters died in the clashes, the Orsland Defence Ministry said on Monday, its first tally of the war.",
        );
        assert!(
            has(
                &found,
                "Some 90 fighters died in the clashes",
                "the Orsland Defence Ministry"
            ),
            "{found:?}"
        );
        let found = quotes_of(
            "About 2,000 people have fled the district, the Relief Office said in a report on Monday, warning that camps were full.",
        );
        assert!(
            has(
                &found,
                "About 2,000 people have fled the district",
                "the Relief Office"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_that_clause_or_infinitive_reports_after_an_unread_subject() {
        let q = quotes_of("And she's predicting that the mill will reopen by spring.");
        assert!(
            q.iter().any(|(t, _)| t == "the mill will reopen by spring"),
            "{q:?}"
        );
        let q = quotes_of("The mayor has a rare chance to show that he can govern.");
        assert!(q.iter().any(|(t, _)| t == "he can govern"), "{q:?}");
        let q = quotes_of("Several people the panel tried to reach have refused to cooperate.");
        assert!(q.iter().any(|(t, _)| t == "to cooperate"), "{q:?}");
        // a plural noun before "that" is no cue
        let q = quotes_of("He kept raising the loans, attacks that rivals are likely to repeat.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_plain_noun_phrase_subject_speaks() {
        let q = quotes_of("Large tracking panels show the race has barely moved.");
        assert!(
            has(&q, "the race has barely moved", "Large tracking panels"),
            "{q:?}"
        );
        let q = quotes_of("Do you support Ms. Adeyemi? Like our page.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn nouns_that_name_an_event_or_a_campaign_are_no_cues() {
        let q = quotes_of("The town held a rally with farmers and a debate on water rights.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes_of("Okafor is ending his campaign for the governorship.");
        assert!(q.is_empty(), "{q:?}");
        // a possessor keeps a stance noun's report
        let q = quotes_of("Okafor repeated his remarks about the levy.");
        assert!(q.iter().any(|(t, _)| t == "the levy"), "{q:?}");
    }

    #[test]
    fn a_passive_agent_is_no_content() {
        let q = quotes_of("His plan was quickly denounced by the farmers' union.");
        assert!(!q.iter().any(|(t, _)| t.starts_with("by")), "{q:?}");
        let q = quotes_of("As reported by the Daily Ledger, the mill will close in May.");
        assert!(
            has(&q, "the mill will close in May", "the Daily Ledger"),
            "{q:?}"
        );
    }

    #[test]
    fn nouns_and_adjectives_with_a_that_clause() {
        let q = quotes_of("Okafor is confident that the levy will pass this year.");
        assert!(has(&q, "the levy will pass this year", "Okafor"), "{q:?}");
        let q = quotes_of("His claim that the mill was sold to a rival firm surprised many.");
        assert!(
            q.iter().any(
                |(t, _)| t == "the mill was sold to a rival firm surprised many"
                    || t == "the mill was sold to a rival firm"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn regarding_as_and_open_questions() {
        let q = quotes_of("Most farmers view the levy as a burden on small growers.");
        assert!(
            has(&q, "the levy as a burden on small growers", "Most farmers"),
            "{q:?}"
        );
        let q = quotes_of("The mill is widely seen as a symbol of the town.");
        assert!(
            q.iter()
                .any(|(t, _)| t == "The mill is widely seen as a symbol of the town"),
            "{q:?}"
        );
        let q = quotes_of("Growers are wondering whether the rain will come in time.");
        assert!(
            has(&q, "whether the rain will come in time", "Growers"),
            "{q:?}"
        );
        let q = quotes_of("It is not clear whether the mill can reopen.");
        assert!(
            q.iter().any(|(t, _)| t == "whether the mill can reopen"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_before_a_second_quotation_is_not_the_first_ones() {
        let q = quotes_of(
            "Mr. Ruiz said, “The dam held for a week.” He added, “Then the rain came back.”",
        );
        assert!(has(&q, "The dam held for a week.", "Ruiz"), "{q:?}");
        assert!(has(&q, "Then the rain came back.", "He"), "{q:?}");
    }

    #[test]
    fn a_quotation_after_a_new_report_continues_that_report() {
        let q = quotes_of(
            "“The ferry is late,” said Ana Lobo, a sailor. She says the port should close. \
             “Nobody is safe on the water.”",
        );
        assert!(has(&q, "The ferry is late,", "Ana Lobo"), "{q:?}");
        assert!(
            has(
                &q,
                "the port should close | Nobody is safe on the water.",
                "She"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_possessor_opens_the_speaker_phrase() {
        let q = quotes_of("Acme’s parent, the Delta Group, said that the plant would close.");
        assert!(has(&q, "the plant would close", "Acme’s parent"), "{q:?}");
        let q = quotes_of("It’s clear that the plant would close.");
        assert!(q.iter().all(|(_, s)| s != "It"), "{q:?}");
    }

    #[test]
    fn a_naming_report_stops_before_a_coordinated_clause() {
        let q =
            quotes_of("The mayor called him a “good neighbor” and he did not mention the rest.");
        assert!(has(&q, "him a “good neighbor”", "The mayor"), "{q:?}");
        let q = quotes_of("The mayor called it “weak” and “tired” in a speech.");
        assert!(q.iter().any(|(c, _)| c.contains("tired")), "{q:?}");
    }

    #[test]
    fn an_aside_that_quotes_again_stays_in_the_report() {
        let q = quotes_of(
            "The lawsuit alleged that the firm “ignored the warnings,” which led to “the flood” of \
             claims.",
        );
        assert!(
            has(
                &q,
                "the firm “ignored the warnings,” which led to “the flood” of claims",
                "The lawsuit"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_subject_with_others_still_speaks() {
        let found = quotes_of("Marta Vance and others said the vote would be delayed.");
        assert!(
            has(&found, "the vote would be delayed", "Marta Vance"),
            "{found:?}"
        );
        let found = quotes_of("He went on to say the budget was too small.");
        assert!(has(&found, "the budget was too small", "He"), "{found:?}");
    }

    #[test]
    fn a_source_close_to_someone_is_the_speaker() {
        let found = quotes_of("The talks will resume next week, a source close to him said.");
        assert!(
            has(
                &found,
                "The talks will resume next week",
                "a source close to him"
            ),
            "{found:?}"
        );
        let found = quotes_of("People familiar with the matter said the talks will resume.");
        assert!(
            has(
                &found,
                "the talks will resume",
                "People familiar with the matter"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn chanted_and_jokes_introduce_quotations() {
        let q = quotes_of("The crowd grew. Fans chanted “Go home!” at the gate.");
        assert!(
            q.iter().any(|(c, s)| c == "Go home!" && s == "Fans"),
            "{q:?}"
        );
        let q = quotes_of("He shakes hands. He jokes, “It is a long line!”");
        assert!(has(&q, "It is a long line!", "He"), "{q:?}");
    }

    #[test]
    fn stated_of_a_topic_reports_the_clause_after_that() {
        let q = quotes_of(
            "Later in the debate, after the vote was called, Mr. Lee stated of the budget that \
             the plan “would not last a year.”",
        );
        assert!(has(&q, "the plan “would not last a year.”", "Lee"), "{q:?}");
        let q = quotes_of("The senator had publicly stated of donors, “They buy favors.”");
        assert!(has(&q, "They buy favors.", "The senator"), "{q:?}");
    }

    #[test]
    fn a_question_put_to_someone_and_the_answer_are_two_quotes() {
        let q = quotes_of("Lee was asked, “Would you resign?” He answered, “Not today.”");
        assert!(has(&q, "Would you resign?", ""), "{q:?}");
        assert!(has(&q, "Not today.", "He"), "{q:?}");
    }

    #[test]
    fn an_opening_phrase_before_an_infinitive_report_is_no_content() {
        let q = quotes_of("On its website, the party vows to “protect every farm” in the state.");
        assert!(
            has(&q, "to “protect every farm” in the state", "the party"),
            "{q:?}"
        );
    }

    #[test]
    fn a_participle_after_a_quotation_is_no_attribution() {
        let q = quotes_of("Fans also chanted, “Close the gate,” referring to the mayor’s plan.");
        assert!(has(&q, "Close the gate,", "Fans"), "{q:?}");
    }

    #[test]
    fn long_trailing_speaker_phrases() {
        let found = quotes_of(
            "The bridge will reopen in May, Norwegian road agency spokesman Per Olsen said Thursday.",
        );
        assert!(
            found
                .iter()
                .any(|(c, _)| c == "The bridge will reopen in May"),
            "{found:?}"
        );
        let found = quotes_of("The bridge will reopen in May, said one official in the room.");
        assert!(
            found
                .iter()
                .any(|(c, _)| c == "The bridge will reopen in May"),
            "{found:?}"
        );
        // a leading subject with an appositive is no trailing report
        let found = quotes_of("Per Olsen, the agency's regional director, noted the delay in May.");
        assert!(
            !found.iter().any(|(c, _)| c.starts_with("Per Olsen")),
            "{found:?}"
        );
    }

    #[test]
    fn second_counted_report_and_semicolon_end_the_content() {
        let found =
            quotes_of("Half said the plan was fair, and more than 4 in 10 said it went too far.");
        assert!(
            found.iter().any(|(c, _)| c == "the plan was fair"),
            "{found:?}"
        );
        let found = quotes_of("Officials said the road was closed; drivers took other routes.");
        assert!(has(&found, "the road was closed", "Officials"), "{found:?}");
    }

    #[test]
    fn a_plural_noun_is_no_cue() {
        let found = quotes_of("Those attacks happened in a country with strict laws.");
        assert!(found.is_empty(), "{found:?}");
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
    fn object_only_stance_verbs_report_their_object() {
        let q = quotes_of("The union endorsed Okafor in May and organized rallies for him.");
        assert!(has(&q, "Okafor in May", "The union"), "{q:?}");
        let q = quotes_of("The mayor thanked the volunteers for their patience.");
        assert!(
            has(&q, "the volunteers for their patience", "The mayor"),
            "{q:?}"
        );
        let q = quotes_of("Most council members would not support the new levy.");
        assert!(q.iter().any(|(t, _)| t == "the new levy"), "{q:?}");
        // the noun and the passive participle are no one's stance
        let q = quotes_of("Her support for the levy was backed by the council.");
        assert!(!q.iter().any(|(_, s)| s == "the council"), "{q:?}");
    }

    #[test]
    fn made_clear_and_referring_to() {
        let q = quotes_of("The minister made it clear that the bridge would reopen in spring.");
        assert!(
            has(&q, "the bridge would reopen in spring", "The minister"),
            "{q:?}"
        );
        let q = quotes_of("He was referring to the harbour plan.");
        assert!(q.iter().any(|(t, _)| t == "the harbour plan"), "{q:?}");
    }

    #[test]
    fn headline_with_a_source_before_the_colon() {
        let q = quotes_of("Okafor: Harbour talks will resume next week.\n\nThe talks broke down.");
        assert!(
            has(&q, "Harbour talks will resume next week", "Okafor"),
            "{q:?}"
        );
        let q = quotes_of("BREAKING: Harbour talks will resume.\n\nThe talks broke down.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn relative_pronoun_subject_and_states_noun() {
        // the relative pronoun is the subject as written; the speaker is Okafor
        let text = "Voters met Ms. Okafor, who announced that she would run again.";
        let q = quotes_of(text);
        assert!(has(&q, "she would run again", "who"), "{q:?}");
        assert_eq!(speaker_names(text), ["Okafor"]);
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
            has(&q, "As for cost, ''the bridge is a luxury,''", "Olsen"),
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

    #[test]
    fn coordinated_verb_and_sentence_adverb_are_no_speakers() {
        let q = quotes_of("Ms. Ferrand spoke in Lyon and called the plan “a disaster.”");
        assert!(has(&q, "the plan “a disaster.”", "Ferrand"), "{q:?}");
        let q = quotes_of("However, he praised the mayor, calling him a “fine leader.”");
        assert!(has(&q, "him a “fine leader.”", "he"), "{q:?}");
        let q = quotes_of("The council later Thursday said the roads were closed.");
        assert!(has(&q, "the roads were closed", "The council"), "{q:?}");
    }

    #[test]
    fn mixed_content_runs_with_its_clause() {
        // the clause goes on after the quoted fragment
        let q = quotes_of("The minister called for more “patience” from farmers in the north.");
        assert!(
            has(
                &q,
                "more “patience” from farmers in the north",
                "The minister"
            ),
            "{q:?}"
        );
        let q = quotes_of("Ortiz says “the tide has turned” despite the defeat.");
        assert!(
            has(&q, "“the tide has turned” despite the defeat", "Ortiz"),
            "{q:?}"
        );
        // a quotation opened in the clause runs past its sentence end
        let q = quotes_of("Kim said the plan “is dead. We will vote against it.”");
        assert!(
            has(&q, "the plan “is dead. We will vote against it.”", "Kim"),
            "{q:?}"
        );
        // and stops at a second report after the closing mark
        let q =
            quotes_of("Lee said the deal was “a good start,” adding that more talks would follow.");
        assert!(has(&q, "the deal was “a good start,”", "Lee"), "{q:?}");
        assert!(has(&q, "more talks would follow", "Lee"), "{q:?}");
    }

    #[test]
    fn bracketed_and_dashed_speaker_phrases() {
        let q = quotes_of("“We will fight on,” Rep. Ann Lowe (D-Ore.) said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].1.contains("Ann Lowe"), "{q:?}");
        let q = quotes_of("Tom Hale — a farmer from Kent — says the rain came too late.");
        assert!(has(&q, "the rain came too late", "Tom Hale"), "{q:?}");
    }

    #[test]
    fn headline_byline_and_asked_question() {
        let q = quotes_of("Lowe: ‘We Will Not Back Down.’");
        assert!(has(&q, "We Will Not Back Down.", "Lowe"), "{q:?}");
        let q = quotes_of("“Taxes are too high for families.”\n\n- Ann Lowe, in a debate.");
        assert!(
            has(&q, "Taxes are too high for families.", "Ann Lowe"),
            "{q:?}"
        );
        let q = quotes_of("Asked about the strike, the mayor said nothing new.");
        assert!(has(&q, "about the strike", ""), "{q:?}");
        assert!(q.iter().all(|(c, _)| !c.starts_with("Asked")), "{q:?}");
    }

    #[test]
    fn medial_source_impression_and_continuation() {
        let q = quotes_of("The real problem, according to the auditor, is the missing money.");
        assert!(
            has(&q, "The real problem | is the missing money", "the auditor"),
            "{q:?}"
        );
        let q = quotes_of("The mayor seems tired of the fight.");
        assert!(has(&q, "The mayor | tired of the fight", ""), "{q:?}");
        let q = quotes_of("Teachers are “tired,” Lee said. “They want a raise.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            has(&q, "Teachers are “tired,” | They want a raise.", "Lee"),
            "{q:?}"
        );
    }

    /// Speaker of `content`'s quote (the speaker phrase as written), if found.
    fn speaker_of(found: &[(String, String)], content: &str) -> Option<String> {
        found
            .iter()
            .find(|(c, _)| c.contains(content))
            .map(|(_, s)| s.clone())
    }

    #[test]
    fn participle_takes_the_main_clause_subject() {
        // a noun cue between the main verb and the participle does not own it
        let q =
            quotes_of("Mr. Okafor voiced his opposition to the levy, calling it “a tax on bread.”");
        assert_eq!(
            speaker_of(&q, "a tax on bread").as_deref(),
            Some("Okafor"),
            "{q:?}"
        );
        // a participle right after the verb's object
        let q = quotes_of("The senator emailed supporters saying: “The fight goes on.”");
        assert_eq!(
            speaker_of(&q, "The fight goes on").as_deref(),
            Some("The senator"),
            "{q:?}"
        );
        // no phrase after a verb of telling is its speaker
        let q = quotes_of(
            "Mr. Okafor did not name his rivals, but told his supporters, “We will win this.”",
        );
        assert_eq!(
            speaker_of(&q, "We will win this").as_deref(),
            Some("Okafor"),
            "{q:?}"
        );
        // a participle after the quotation has no subject after it
        let q = quotes_of(
            "In a statement, the company said: “We were a success,” adding that its shares rose.",
        );
        assert_eq!(
            speaker_of(&q, "We were a success").as_deref(),
            Some("the company"),
            "{q:?}"
        );
        // an opening phrase and a dateline are no subjects
        let q =
            quotes_of("In May, several unions sued the port, saying its offer was “an insult.”");
        assert_eq!(
            speaker_of(&q, "an insult").as_deref(),
            Some("several"),
            "{q:?}"
        );
        let q = quotes_of(
            "LAGOS, May 8 (AP) — The mayor rallied the crowd, saying: “We stand together.”",
        );
        assert_eq!(
            speaker_of(&q, "We stand together").as_deref(),
            Some("The mayor"),
            "{q:?}"
        );
    }

    #[test]
    fn bare_quotation_continues_the_report_before_it() {
        let q = quotes_of("Ms. Ruiz called the budget a fraud. “Nobody believes those numbers.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            has(
                &q,
                "the budget a fraud | Nobody believes those numbers.",
                "Ruiz"
            ),
            "{q:?}"
        );
        // not when the quotation has an attribution of its own, found or not
        let q = quotes_of(
            "Ms. Ruiz called the budget a fraud. “Nobody believes it,” is a local saying.",
        );
        assert!(q.iter().all(|(c, _)| !c.contains('|')), "{q:?}");
    }

    #[test]
    fn speaker_phrases_after_a_quotation() {
        // a single mark left open inside a double quotation
        let q = quotes_of("“We tell ‘em every week,” Ms. Ruiz said. “Nobody listens.”");
        assert_eq!(
            speaker_of(&q, "Nobody listens").as_deref(),
            Some("Ruiz"),
            "{q:?}"
        );
        // a lowercase title before the name
        let q = quotes_of("“The border is quiet,” former envoy Ann Mbeki wrote in a column.");
        assert_eq!(
            speaker_of(&q, "The border is quiet").as_deref(),
            Some("Ann Mbeki"),
            "{q:?}"
        );
        let q = quotes_of("“She was kind,” another neighbour, Ann Mbeki, told reporters.");
        assert_eq!(
            speaker_of(&q, "She was kind").as_deref(),
            Some("another neighbour"),
            "{q:?}"
        );
        // a single quotation closing with the double one
        let q = quotes_of("''I would call it 'modest,''' said Ann Mbeki. ''He never boasted.''");
        assert_eq!(
            speaker_of(&q, "modest").as_deref(),
            Some("Ann Mbeki"),
            "{q:?}"
        );
    }

    #[test]
    fn relative_clauses_and_possessed_nouns_are_no_cues() {
        let q = quotes_of("Nothing the mayor said “will calm the market,” the senator said.");
        assert_eq!(
            speaker_of(&q, "will calm the market").as_deref(),
            Some("the senator"),
            "{q:?}"
        );
        let q = quotes_of("Analysts doubted the regime's claims about the test.");
        assert!(
            q.iter().all(|(_, s)| s != "the regime's" && s != "regime"),
            "{q:?}"
        );
        let q =
            quotes_of("Ms. Ruiz, who has in the past called the plan “reckless,” voted for it.");
        assert_eq!(speaker_of(&q, "reckless").as_deref(), Some("who"), "{q:?}");
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

    #[test]
    fn a_left_mark_glued_after_a_question_closes_it() {
        let q = quotes_of("Bob Park was shocked. “Do you want that?“ he asked. “No,” Lee said.");
        assert!(has(&q, "Do you want that?", "he"), "{q:?}");
        assert!(has(&q, "No,", "Lee"), "{q:?}");
    }

    #[test]
    fn as_someone_puts_it_attributes_the_clause() {
        let q = quotes_of("As the writer Ann Lee puts it, the plan is “a dead end.”");
        assert!(has(&q, "the plan is “a dead end.”", "Ann Lee"), "{q:?}");
        let q = quotes_of("As Ann Lee puts it, “The plan is a dead end.”");
        assert!(has(&q, "The plan is a dead end.", "Ann Lee"), "{q:?}");
    }

    #[test]
    fn a_participle_opening_a_sentence_goes_on_with_the_report_before() {
        let q = quotes_of("Lee said the budget “was too small.” Adding, “The roads will suffer.”");
        assert!(has(&q, "The roads will suffer.", "Lee"), "{q:?}");
    }

    #[test]
    fn by_saying_takes_the_subject_of_the_verb_before() {
        let q = quotes_of(
            "After the attack on the office (Kim called it “awful” and was “glad no one was \
             hurt”), Lee inflamed tensions by saying, “Animals did this.”",
        );
        assert!(has(&q, "Animals did this.", "Lee"), "{q:?}");
        let q = quotes_of("When the judge returned he began by saying, “Jail is not needed.”");
        assert!(has(&q, "Jail is not needed.", "he"), "{q:?}");
    }

    #[test]
    fn a_noun_after_a_possessor_is_no_prepositional_cue() {
        let q = quotes_of("Kim has hailed the town’s vote to build the bridge as “overdue.”");
        assert!(
            has(
                &q,
                "the town’s vote to build the bridge as “overdue.”",
                "Kim"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn an_opening_subordinate_clause_ends_its_report() {
        let q = quotes_of(
            "While Lee has condemned the plan, the groups say they are “concerned” about it.",
        );
        assert!(has(&q, "the plan", "Lee"), "{q:?}");
        assert!(
            has(&q, "they are “concerned” about it", "the groups"),
            "{q:?}"
        );
    }

    #[test]
    fn a_relative_clause_inside_the_reported_subject_is_no_aside() {
        let q = quotes_of(
            "He said that the rival campaign’s late offer, which some have argued was a \
             trick, was an “insult” to the volunteers.",
        );
        assert!(
            has(
                &q,
                "the rival campaign’s late offer, which some have argued was a trick, was an \
                 “insult” to the volunteers",
                "He"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_subject_pronoun_prefers_the_subject_to_a_possessor() {
        let names = speaker_names(
            "Ann Lee spoke at length. She ignored Mary Kim’s advice. “We will win,” she said.",
        );
        assert_eq!(
            names.last().map(String::as_str),
            Some("Ann Lee"),
            "{names:?}"
        );
    }

    #[test]
    fn documents_read_their_words() {
        let q = quotes_of("“The firm broke the law,” the suit reads.");
        assert!(has(&q, "The firm broke the law,", "the suit"), "{q:?}");
        let q = quotes_of("“We took notes,” read the statement, which was signed by Lee.");
        assert!(has(&q, "We took notes,", "the statement"), "{q:?}");
        let q = quotes_of("The crowd cheers, and then Lee continues: “God has a plan.”");
        assert!(has(&q, "God has a plan.", "Lee"), "{q:?}");
    }

    #[test]
    fn a_cue_right_before_a_quotation_introduces_it() {
        let q = quotes_of("When a fan shouted, “Go home!” Lee joked, “Sure, after you!”");
        assert!(has(&q, "Go home!", "a fan"), "{q:?}");
        assert!(has(&q, "Sure, after you!", "Lee"), "{q:?}");
    }

    #[test]
    fn bare_quotations_go_on_with_the_report_before_them() {
        let q = quotes_of(
            "Lee said they were “careful” about “the deal,” a term for the pact. “We did not \
             touch it.” “Not once.”",
        );
        assert!(
            has(
                &q,
                "they were “careful” about “the deal,” | We did not touch it. | Not once.",
                "Lee"
            ),
            "{q:?}"
        );
        let q = quotes_of(
            "If anything, Lee argued in his email, the vote shows why \
             the rules must change.\n\n“Is it wise to keep them?”",
        );
        assert!(
            has(
                &q,
                "the vote shows why the rules must change | Is it wise to keep them?",
                "Lee"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_participle_after_a_quoted_title_takes_the_cue_subject() {
        let q =
            quotes_of("“I like him,” Okafor said on “Morning Table,” adding, “He is an insider.”");
        assert!(has(&q, "He is an insider.", "Okafor"), "{q:?}");
    }

    #[test]
    fn a_quotation_resumes_after_an_appositive_or_but() {
        let q = quotes_of(
            "\"The danger,\" said Mary Jones, an analyst at the bank, \"is that we lose jobs.\"",
        );
        assert!(
            has(&q, "The danger, | is that we lose jobs.", "Mary Jones"),
            "{q:?}"
        );
        let q = quotes_of("“I like Tom,” Lee said, but “when it comes to taxes, he is wrong.”");
        assert!(
            has(
                &q,
                "I like Tom, | when it comes to taxes, he is wrong.",
                "Lee"
            ),
            "{q:?}"
        );
        let q = quotes_of("“It is not over,” Lee said. But “the vote is close.”");
        assert!(
            has(&q, "It is not over, | the vote is close.", "Lee"),
            "{q:?}"
        );
    }

    #[test]
    fn a_relative_clause_in_the_subject_does_not_take_the_report() {
        let q = quotes_of("The groups who wrote to her say the rule is “a disaster for farmers.”");
        assert!(
            has(&q, "the rule is “a disaster for farmers.”", "The groups"),
            "{q:?}"
        );
        let q = quotes_of(
            "While Lee agreed, the groups who wrote to her on Monday say they are “worried.”",
        );
        assert!(has(&q, "they are “worried.”", "the groups"), "{q:?}");
    }

    #[test]
    fn counted_and_determined_plurals_are_no_cues() {
        let q = quotes_of("The senator fired off posts with 12 exclamation points: “SAD! WRONG!”");
        assert!(has(&q, "SAD! WRONG!", "The senator"), "{q:?}");
        let q = quotes_of(
            "Kerr pushed back on those claims, saying that the bill was fine - and arguing \
             that he and Lee shared \"the same views.\"",
        );
        assert!(q.iter().all(|(_, s)| s != "those"), "{q:?}");
    }

    #[test]
    fn a_capitalised_modal_before_a_verb_is_a_name() {
        let q =
            quotes_of("While Will acknowledges the plan’s appeal as a “bold move,” he doubts it.");
        assert!(q.iter().any(|(_, s)| s == "Will"), "{q:?}");
    }

    #[test]
    fn an_opening_participle_reports_its_that_clause() {
        let q = quotes_of(
            "Conceding that a truce might come “by the spring” she warned: “Not before.”",
        );
        assert!(
            has(&q, "a truce might come “by the spring”", "she"),
            "{q:?}"
        );
    }

    #[test]
    fn a_described_object_runs_to_the_quotation_after_as() {
        let q = quotes_of(
            "Lee recalled Tom Hill’s widow, Anita, who he helped, as “a great woman, and \
             passed away happy” and “a friend.”",
        );
        assert!(
            has(
                &q,
                "Tom Hill’s widow, Anita, who he helped, as “a great woman, and passed away \
                 happy” and “a friend.”",
                "Lee"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_dateline_with_an_agency_is_no_subject() {
        let q = quotes_of(
            "Title.\n\nWashington (AFP) – Democrat Mary Lee has taken a swipe at her rival, \
             saying that “loud comments” do harm.",
        );
        assert!(
            has(&q, "“loud comments” do harm", "Democrat Mary Lee"),
            "{q:?}"
        );
    }

    #[test]
    fn base_forms_of_cue_verbs_after_modals_and_negation() {
        let q = quotes_of("The senator did not mention the budget cuts in her speech.");
        assert!(
            has(&q, "the budget cuts in her speech", "The senator"),
            "{q:?}"
        );
        let q = quotes_of("Officials will reveal the names of the victims on Friday.");
        assert!(
            has(&q, "the names of the victims on Friday", "Officials"),
            "{q:?}"
        );
    }

    #[test]
    fn pointing_to_evidence_reports_its_object() {
        let q =
            quotes_of("Asked about taxes, the governor pointed to her record in the legislature.");
        assert!(
            has(&q, "her record in the legislature", "the governor"),
            "{q:?}"
        );
        let q = quotes_of("The lead shrank from 12 percentage points to 8 points.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn speaking_with_someone_reports_nothing() {
        let q = quotes_of("The mayor spoke with voters outside the school on Tuesday.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes_of("The mayor spoke about the new school budget on Tuesday.");
        assert!(
            has(&q, "the new school budget on Tuesday", "The mayor"),
            "{q:?}"
        );
    }

    #[test]
    fn regional_states_are_a_noun() {
        let q = quotes_of("Some Western states remain too close to call tonight.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn stance_verbs_take_their_object() {
        let q = quotes_of("The senator congratulated the new mayor on her victory.");
        assert!(
            has(&q, "the new mayor on her victory", "The senator"),
            "{q:?}"
        );
        let q = quotes_of("The governor lambasted the proposal as reckless.");
        assert!(has(&q, "the proposal as reckless", "The governor"), "{q:?}");
    }

    #[test]
    fn reportedly_marks_an_unsourced_report() {
        let q = quotes_of("The minister reportedly met the envoy in secret last month.");
        assert!(
            has(&q, "The minister | met the envoy in secret last month", ""),
            "{q:?}"
        );
        let q = quotes_of("The minister reportedly said the talks had failed.");
        assert!(!q.iter().any(|(c, _)| c.contains(" | ")), "{q:?}");
    }

    #[test]
    fn naming_something_is_a_report_but_not_a_name_given() {
        let q = quotes_of("In an interview, Ms. Adeyemi named Ohio as her favorite state.");
        assert!(has(&q, "Ohio as her favorite state", "Adeyemi"), "{q:?}");
        let q = quotes_of("A farmer named Tom Okafor was arrested on Monday.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_light_verb_subject_owns_the_noun_cue() {
        let q = quotes_of("The senator raised concerns about the new tax plan.");
        assert!(has(&q, "the new tax plan", "The senator"), "{q:?}");
        let q = quotes_of("Rising costs have overshadowed debates over the new tax plan.");
        assert!(!q.iter().any(|(_, s)| !s.is_empty()), "{q:?}");
    }

    #[test]
    fn a_bare_subject_starts_after_a_subordinator() {
        let q = quotes_of("It came after the judges ruled that the ban broke the charter.");
        assert!(
            q.iter()
                .any(|(c, s)| c.contains("broke the charter") && s == "the judges"),
            "{q:?}"
        );
    }

    #[test]
    fn an_attribution_with_a_report_of_its_own_splits_two_quotations() {
        let q = quotes_of(
            "“The bridge is unsafe,” Mr. Osei said, adding that repairs would take a year. “We cannot wait for it.”",
        );
        assert!(has(&q, "The bridge is unsafe,", "Osei"), "{q:?}");
        assert!(has(&q, "We cannot wait for it.", "Osei"), "{q:?}");
        let q = quotes_of("“The bridge is unsafe,” Mr. Osei said. “We cannot wait for it.”");
        assert!(
            has(&q, "The bridge is unsafe, | We cannot wait for it.", "Osei"),
            "{q:?}"
        );
    }

    #[test]
    fn a_second_verb_phrase_or_an_absolute_report_ends_the_quoted_object() {
        let q = quotes_of(
            "The mayor called the fire “tragic and avoidable” and was “relieved that nobody died.”",
        );
        assert!(
            has(&q, "the fire “tragic and avoidable”", "The mayor"),
            "{q:?}"
        );
        let q = quotes_of(
            "The two rivals issued a joint note after the talks – Okafor saying he was “hopeful” and Brandt calling it a “fine start.”",
        );
        assert!(has(&q, "he was “hopeful”", "Okafor"), "{q:?}");
        assert!(has(&q, "it a “fine start.”", "Brandt"), "{q:?}");
    }

    #[test]
    fn the_channel_of_a_report_is_no_content() {
        let q = quotes_of("Mr. Varga called the mayor a “puppet” on his weekly radio show.");
        assert!(has(&q, "the mayor a “puppet”", "Varga"), "{q:?}");
    }

    #[test]
    fn an_aside_after_a_short_quoted_report_ends_it() {
        let q = quotes_of(
            "Ms. Duarte described the plan as “reckless,” which is how critics see most of her proposals.",
        );
        assert!(has(&q, "the plan as “reckless,”", "Duarte"), "{q:?}");
        let q = quotes_of(
            "According to the memo, turnout was “weak,” prompting a review of the campaign.",
        );
        assert!(has(&q, "turnout was “weak,”", "the memo"), "{q:?}");
        let q = quotes_of(
            "Mr. Brandt accused the board of “hiding the numbers” — a charge it has denied for years.",
        );
        assert!(
            has(&q, "the board of “hiding the numbers”", "Brandt"),
            "{q:?}"
        );
    }

    #[test]
    fn a_relative_clause_on_the_source_is_not_resumed_content() {
        let q = quotes_of(
            "Orders stayed “soft” in the spring, according to the survey, which is released every quarter.",
        );
        assert!(
            has(&q, "Orders stayed “soft” in the spring", "the survey"),
            "{q:?}"
        );
    }

    #[test]
    fn quoted_words_in_a_subordinate_report_are_its_own() {
        let q = quotes_of(
            "The inspector decided not to charge anyone even though she found “gaps” in the records.",
        );
        assert!(has(&q, "“gaps” in the records", "she"), "{q:?}");
    }

    #[test]
    fn a_coordinated_cue_after_a_subordinator_and_all_but() {
        let q = quotes_of(
            "There were sharp exchanges, as when Ms. Duarte met Mr. Brandt and called him a “relic.”",
        );
        assert!(has(&q, "him a “relic.”", "Duarte"), "{q:?}");
        let q =
            quotes_of("Last year she all but accused the board of trying to “bury” the report.");
        assert!(
            has(&q, "the board of trying to “bury” the report", "she"),
            "{q:?}"
        );
    }

    #[test]
    fn an_infinitive_after_the_cue_is_no_place_phrase() {
        let q =
            quotes_of("As a start, the mayor decided to press the council to freeze the budget.");
        assert!(
            has(&q, "to press the council to freeze the budget", "the mayor"),
            "{q:?}"
        );
    }

    #[test]
    fn a_pronoun_and_a_second_speech_verb_end_the_first_report() {
        let q = quotes_of(
            "The senator promised to cut taxes, end the “rigged” lottery and she, once again, promised a “fresh start” for the town.",
        );
        assert!(
            has(&q, "to cut taxes, end the “rigged” lottery", "The senator"),
            "{q:?}"
        );
        assert!(has(&q, "a “fresh start” for the town", "she"), "{q:?}");
    }

    #[test]
    fn a_possessive_speaker_phrase_after_a_quoted_fragment() {
        let q = quotes_of("The bridge was “never safe,” her longtime neighbor said.");
        assert!(
            has(&q, "The bridge was “never safe,”", "her longtime neighbor"),
            "{q:?}"
        );
    }

    #[test]
    fn a_list_of_quoted_phrases_stays_one_object() {
        let q = quotes_of(
            "The governor endorsed her, citing her “long record,” “sound judgment” and her patience.",
        );
        assert!(
            has(
                &q,
                "her “long record,” “sound judgment” and her patience",
                "The governor"
            ),
            "{q:?}"
        );
    }

    #[test]
    fn a_share_of_plural_nouns_is_no_cue_and_rated_as_is_a_verdict() {
        let q = quotes_of("The site rated 30% of Labour claims as “false” last year.");
        assert_eq!(
            speaker_of(&q, "Labour claims").as_deref(),
            Some("The site"),
            "{q:?}"
        );
    }

    #[test]
    fn a_possessor_owns_a_noun_cue_across_its_modifiers() {
        let q =
            quotes_of("But Kim’s most serious claim is that the council hid the budget for years.");
        assert_eq!(
            speaker_of(&q, "hid the budget").as_deref(),
            Some("Kim"),
            "{q:?}"
        );
        let q =
            quotes_of("Lee’s recent evidence-free assertion that “hundreds” were paid drew scorn.");
        assert_eq!(speaker_of(&q, "were paid").as_deref(), Some("Lee"), "{q:?}");
        let q = quotes_of(
            "Even as Park was attacking Lee, she came under fire over her assertion during the \
             debate that “we are finally ready” to act.",
        );
        assert_eq!(
            speaker_of(&q, "finally ready").as_deref(),
            Some("her"),
            "{q:?}"
        );
    }

    #[test]
    fn a_question_asked_by_someone_is_theirs_and_reports_nothing_inside() {
        let q = quotes_of(
            "Asked by a host if he believed the matter was grave, Kim said that he did not, but \
             was referring to the “same kind of attitude.”",
        );
        assert_eq!(speaker_of(&q, "same kind").as_deref(), Some("Kim"), "{q:?}");
        assert_eq!(
            speaker_of(&q, "he believed").as_deref(),
            Some("a host"),
            "{q:?}"
        );
    }

    #[test]
    fn a_stance_inside_a_quoted_report_is_the_reporters() {
        let q = quotes_of(
            "The mayor said he rarely asks allies to canvass for him, “except for people I know.”",
        );
        assert!(q.iter().all(|(_, s)| s != "he"), "{q:?}");
        assert_eq!(
            speaker_of(&q, "people I know").as_deref(),
            Some("The mayor"),
            "{q:?}"
        );
    }

    #[test]
    fn an_absolute_with_phrase_reports_on_its_own() {
        let q = quotes_of(
            "The storm sparked a debate over how the council responds to floods at home and \
             abroad, with Senator Park telling reporters he saw the plan as “reckless.”",
        );
        assert_eq!(speaker_of(&q, "reckless").as_deref(), Some("Park"), "{q:?}");
        assert!(
            has(&q, "to floods at home and abroad", "the council"),
            "{q:?}"
        );
    }

    #[test]
    fn an_infinitive_before_by_saying_has_no_subject() {
        let q = quotes_of(
            "The governor appeared to assert his leadership plans by saying, “We cut crime.”",
        );
        assert!(has(&q, "We cut crime.", "The governor"), "{q:?}");
    }

    #[test]
    fn a_semicolon_ends_even_a_short_report() {
        let q = quotes_of(
            "Nine of 10 voters in Ohio were worried about taxes; most said they were “very worried.”",
        );
        assert_eq!(
            speaker_of(&q, "very worried").as_deref(),
            Some("most"),
            "{q:?}"
        );
    }

    #[test]
    fn a_clause_is_no_speaker_phrase_and_a_quotation_names_no_speaker() {
        let q = quotes_of(
            "The judge turned to me. “Mr. Kim?” I had prepared a short statement to read, but \
             decided to speak freely.",
        );
        assert!(q.iter().all(|(_, s)| !s.contains("prepared")), "{q:?}");
        let q = quotes_of("“Go to the park,” Kim says to Lee on camera, who responds: “Okay!”");
        assert_eq!(speaker_of(&q, "Okay!").as_deref(), Some("Lee"), "{q:?}");
    }

    #[test]
    fn the_subject_of_for_to_speaks() {
        let q = quotes_of(
            "“We will accept the result,” he said Sunday, only for the senator to tweet Monday \
             that “the vote is rigged.”",
        );
        assert_eq!(
            speaker_of(&q, "the vote is rigged").as_deref(),
            Some("the senator"),
            "{q:?}"
        );
    }

    #[test]
    fn between_opens_a_phrase_and_adverbs_may_follow_a_weak_cue() {
        let q = quotes_of(
            "Between the two rallies, the mayor fired off posts and reposts with a dozen marks: \
             “RIGGED! SAD!”",
        );
        assert!(q.iter().all(|(_, s)| !s.starts_with("Between")), "{q:?}");
        let q = quotes_of("He concluded so eloquently and plainly, “Let us finish the work.”");
        assert!(has(&q, "Let us finish the work.", "He"), "{q:?}");
    }

    #[test]
    fn a_gloss_after_a_quotation_is_no_speaker() {
        let q = quotes_of("“It is like the old days,” the dawn of the modern movement, Kim says.");
        assert!(has(&q, "It is like the old days,", "Kim"), "{q:?}");
    }

    #[test]
    fn a_statement_with_a_day_before_a_participle_is_the_subjects() {
        let q = quotes_of(
            "Press secretary Ann Lee issues a lengthy statement Tuesday slamming the report as \
             “faulty.”",
        );
        assert_eq!(
            speaker_of(&q, "faulty").as_deref(),
            Some("Ann Lee"),
            "{q:?}"
        );
    }

    #[test]
    fn an_opening_stance_participle_reports_its_object() {
        let q = quotes_of(
            "Citing last week’s attack as a wake-up call for the nation and its “dreams of \
             peace,” Kim urged voters to reject the deal.",
        );
        assert_eq!(speaker_of(&q, "dreams of").as_deref(), Some("Kim"), "{q:?}");
    }

    #[test]
    fn more_light_verbs_give_a_stance_noun_its_owner() {
        let q = quotes_of("Lee unleashed a harsh attack on the governor.");
        assert!(has(&q, "the governor", "Lee"), "{q:?}");
        let q = quotes_of("Kim avoided direct criticism of the mayor.");
        assert!(has(&q, "the mayor", "Kim"), "{q:?}");
    }

    #[test]
    fn a_participle_after_an_opening_subordinator_takes_the_main_subject() {
        let q = quotes_of(
            "After thanking the noisy crowd, which chanted his name, he touted his record.",
        );
        assert!(has(&q, "the noisy crowd", "he"), "{q:?}");
        let q = quotes_of(
            "While having a heated debate about the nominees, a friend commented: “You are wrong.”",
        );
        assert!(has(&q, "the nominees", "a friend"), "{q:?}");
    }

    #[test]
    fn the_clause_subject_or_a_far_possessor_owns_a_stance_noun() {
        let q = quotes_of("Kim showed limited enthusiasm for Mr. Lee.");
        assert!(has(&q, "Mr. Lee", "Kim"), "{q:?}");
        let q = quotes_of("Lee’s controversial proposal to ban cars drew protests.");
        assert_eq!(speaker_of(&q, "ban cars").as_deref(), Some("Lee"), "{q:?}");
        // a name before the noun owns it, not the subject
        let q = quotes_of("The council is weighing a Treasury proposal to raise the levy.");
        assert_eq!(
            speaker_of(&q, "raise the levy").as_deref(),
            Some(""),
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_between_spaced_hyphens_has_its_own_speaker() {
        let text = "Kim suggested that the city's new transit plan was weak - \"Again, we need \
                    to see the details,\" she said - and charged that Lee would hurt the law.";
        let q = quotes_of(text);
        assert!(
            has(&q, "Again, we need to see the details,", "she"),
            "{q:?}"
        );
        // the report stops at the dash before the interjected quotation
        assert!(
            has(&q, "the city's new transit plan was weak", "Kim"),
            "{q:?}"
        );
    }

    #[test]
    fn a_pasted_excerpt_yields_its_inner_quotations() {
        // straight marks wrapping a paragraph that quotes in typographic marks
        let text = "The mayor spoke on Monday.\n\n\"“We will rebuild the port,” Mayor Ruiz \
                    said before adding that funds were short.\"";
        let q = quotes_of(text);
        assert!(has(&q, "We will rebuild the port,", "Ruiz"), "{q:?}");
        assert!(has(&q, "funds were short", "Ruiz"), "{q:?}");
        // an excerpt continued in the next paragraph (left open)
        let text = "The Ledger's reporter wrote:\n\n\"The first time she saw the bridge, the \
                    engineer called it a “disgrace,” and he walked away.\n\nThe hall emptied.";
        let q = quotes_of(text);
        assert!(has(&q, "it a “disgrace,”", "the engineer"), "{q:?}");
        // single marks inside double ones are an ordinary nested quotation
        let q = quotes_of("“He told me, ‘Stay home,’ and I did,” Lee said.");
        assert!(
            has(&q, "He told me, ‘Stay home,’ and I did,", "Lee"),
            "{q:?}"
        );
    }

    #[test]
    fn an_elided_decade_opens_no_quotation() {
        for mark in ["'", "’"] {
            let text = format!(
                "Lee, who has covered casinos since the late {mark}70s, was blunt: \"It will \
                 close,\" Lee predicted. \"The market is gone.\""
            );
            let q = quotes_of(&text);
            assert!(
                q.iter()
                    .any(|(c, s)| c.starts_with("It will close,") && s == "Lee"),
                "{q:?}"
            );
        }
    }

    #[test]
    fn a_right_mark_opening_a_paragraph_opens_a_quotation() {
        let text = "The critic liked the debate.\n\n” … he answered every charge with a calm \
                    few could match,” Barr wrote.";
        let q = quotes_of(text);
        assert!(
            q.iter()
                .any(|(c, s)| c.trim_start().starts_with("… he answered") && s == "Barr"),
            "{q:?}"
        );
    }
}
