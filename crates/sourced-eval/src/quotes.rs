//! Attribution scoring on a PolNeAR-style JSONL file.
//!
//! A predicted quote matches a gold one when the words they share cover at least half of the
//! words of each (one-to-one, best pairs first). The speaker of a matched gold item is correct
//! when the predicted speaker span, or any mention of the predicted speaker, overlaps the gold
//! speaker span, or the two speaker strings are equal ignoring case.

use crate::{ratio, read_jsonl, span_of, EvalError, Prf};
use sourced_engine::doc::QuoteKind;
use sourced_engine::{extract, Ledger, Meta, Options};
use std::path::Path;

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct QuoteScores {
    pub documents: usize,
    /// Direct and mixed quotations only (what reported-speech users want most).
    pub direct_mixed: Prf,
    /// Gold items with a speaker whose matched prediction names it, over all such gold items.
    pub direct_mixed_speaker: f64,
    /// The same, over matched items only.
    pub direct_mixed_speaker_matched: f64,
    /// Direct and mixed with quotations set in doubled apostrophes (`''…''`) counted as
    /// quotations too. The data's `kind` derives from double quotation marks only and labels
    /// them indirect; this second view shows what that labelling costs. The first view, with
    /// the data's own labels, is the one the floors hold.
    pub direct_mixed_doubled_apostrophes: Prf,
    pub direct_mixed_doubled_apostrophes_speaker: f64,
    /// The best direct+mixed F1 a system can reach on the data's own labels when it reports
    /// every quotation as direct or mixed, `''…''` ones included: those are scored as false
    /// alarms, so the labels alone cap the first view here.
    pub direct_mixed_label_ceiling_f1: f64,
    /// Every attribution, indirect included.
    pub all: Prf,
    pub all_speaker: f64,
    /// Misses, false alarms and wrong speakers, when asked for ([`ScoreOptions::errors`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<QuoteError>,
}

/// What to score and what to report.
#[derive(Clone, Copy, Debug, Default)]
pub struct ScoreOptions {
    /// Score only the documents whose id hashes to this half (0 or 1): a two-way split for
    /// checking that a change helps on articles it was not tuned on.
    pub half: Option<u8>,
    /// List every miss, false alarm and wrong speaker.
    pub errors: bool,
}

/// One scoring error, for error analysis.
#[derive(Clone, Debug, serde::Serialize)]
pub struct QuoteError {
    pub doc: String,
    /// `miss` (gold not found), `false` (prediction matching no gold), `speaker` (matched, wrong
    /// speaker) or `hit` (matched, right speaker: listed for error analysis, not printed).
    pub what: &'static str,
    /// `direct_mixed`, `direct_mixed_apos` (doubled apostrophes as quotation marks) or `all`.
    pub subset: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_cue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pred: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pred_kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pred_speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pred_cue: Option<String>,
    /// The text around the item.
    pub context: String,
}

impl std::fmt::Display for QuoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{} {}] {}", self.subset, self.what, self.doc)?;
        if let Some(g) = &self.gold {
            write!(
                f,
                " gold({}) {:?} by {:?} cue {:?}",
                self.gold_kind.as_deref().unwrap_or(""),
                g,
                self.gold_speaker.as_deref().unwrap_or(""),
                self.gold_cue.as_deref().unwrap_or("")
            )?;
        }
        if let Some(p) = &self.pred {
            write!(
                f,
                " pred({}) {:?} by {:?} cue {:?}",
                self.pred_kind.as_deref().unwrap_or(""),
                p,
                self.pred_speaker.as_deref().unwrap_or(""),
                self.pred_cue.as_deref().unwrap_or("")
            )?;
        }
        Ok(())
    }
}

/// The gold kind. The data file derives it from double quotation marks only, so a quotation
/// set in doubled apostrophes (`''…''`, the convention of some newspaper archives) came out as
/// `indirect`; the same rule is applied here with `''` read as a double mark: `direct` when
/// every fragment opens with the mark and closes with it (or runs on unclosed), else `mixed`.
fn gold_kind(kind: &str, spans: &[[usize; 2]], chars: &[char]) -> String {
    if kind != "indirect" {
        return kind.to_string();
    }
    let mut any = false;
    let mut all = true;
    for s in spans {
        let frag: String = chars[s[0].min(chars.len())..s[1].min(chars.len())]
            .iter()
            .collect();
        let marks = frag.matches("''").count();
        if marks == 0 {
            all = false;
            continue;
        }
        any = true;
        let t = frag.trim();
        if !(t.starts_with("''") && (t.ends_with("''") || marks == 1)) {
            all = false;
        }
    }
    match (any, all) {
        (false, _) => kind.to_string(),
        (true, true) => "direct".to_string(),
        (true, false) => "mixed".to_string(),
    }
}

/// FNV-1a over the id: a stable split that does not depend on the platform.
pub fn half_of(id: &str) -> u8 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h >> 32) as u8 & 1
}

#[derive(Default)]
struct GoldItem {
    words: Vec<usize>,
    speaker: Vec<[usize; 2]>,
    speaker_text: String,
    direct_or_mixed: bool,
    /// Direct or mixed by the data's own `kind`.
    labelled_direct_or_mixed: bool,
    /// Content fragments, for error reports.
    spans: Vec<[usize; 2]>,
    kind: String,
    cue_text: String,
}

#[derive(Default)]
struct PredItem {
    words: Vec<usize>,
    speaker_spans: Vec<[usize; 2]>,
    speaker_text: String,
    direct_or_mixed: bool,
    spans: Vec<[usize; 2]>,
    kind: &'static str,
    cue_text: String,
}

/// Start offsets (in code points) of the words of `text`: runs of alphanumerics.
pub fn word_starts(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(n);
            }
        } else if let Some(s) = start.take() {
            out.push((s, n));
        }
        n += 1;
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

fn words_in(words: &[(usize, usize)], spans: &[[usize; 2]]) -> Vec<usize> {
    let mut out: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, (s, e))| spans.iter().any(|sp| *s >= sp[0] && *e <= sp[1]))
        .map(|(i, _)| i)
        .collect();
    out.dedup();
    out
}

fn shared(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// One-to-one matching: pairs whose shared words cover ≥ 50% of both, best coverage first.
fn match_items(gold: &[&GoldItem], pred: &[&PredItem]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if g.words.is_empty() || p.words.is_empty() {
                continue;
            }
            let s = shared(&g.words, &p.words);
            let cg = s as f64 / g.words.len() as f64;
            let cp = s as f64 / p.words.len() as f64;
            if cg >= 0.5 && cp >= 0.5 {
                cands.push((cg.min(cp), gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if !gused[gi] && !pused[pi] {
            gused[gi] = true;
            pused[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

fn speaker_ok(g: &GoldItem, p: &PredItem) -> bool {
    if g.speaker.is_empty() {
        return false;
    }
    p.speaker_spans
        .iter()
        .any(|s| g.speaker.iter().any(|gs| overlaps(*s, *gs)))
        || (!p.speaker_text.is_empty() && p.speaker_text.eq_ignore_ascii_case(&g.speaker_text))
}

#[derive(Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
    gold_with_speaker: usize,
    speaker_right: usize,
    matched_with_speaker: usize,
}

/// Where the scorer reports errors, when asked to.
struct ErrorSink<'a> {
    doc: &'a str,
    chars: &'a [char],
    subset: &'static str,
    out: Option<&'a mut Vec<QuoteError>>,
}

impl ErrorSink<'_> {
    fn text(&self, spans: &[[usize; 2]]) -> String {
        spans
            .iter()
            .map(|s| {
                self.chars[s[0].min(self.chars.len())..s[1].min(self.chars.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ")
    }
    fn context(&self, spans: &[[usize; 2]]) -> String {
        let a = spans.iter().map(|s| s[0]).min().unwrap_or(0);
        let b = spans.iter().map(|s| s[1]).max().unwrap_or(0);
        let a = a.saturating_sub(120);
        let b = (b + 120).min(self.chars.len());
        self.chars[a..b].iter().collect()
    }
    fn push(&mut self, what: &'static str, g: Option<&GoldItem>, p: Option<&PredItem>) {
        let spans: Vec<[usize; 2]> = g
            .map(|g| g.spans.clone())
            .or_else(|| p.map(|p| p.spans.clone()))
            .unwrap_or_default();
        let e = QuoteError {
            doc: self.doc.to_string(),
            what,
            subset: self.subset,
            gold: g.map(|g| self.text(&g.spans)),
            gold_kind: g.map(|g| g.kind.clone()),
            gold_speaker: g.map(|g| g.speaker_text.clone()),
            gold_cue: g.map(|g| g.cue_text.clone()),
            pred: p.map(|p| self.text(&p.spans)),
            pred_kind: p.map(|p| p.kind.to_string()),
            pred_speaker: p.map(|p| p.speaker_text.clone()),
            pred_cue: p.map(|p| p.cue_text.clone()),
            context: self.context(&spans),
        };
        if let Some(out) = self.out.as_deref_mut() {
            out.push(e);
        }
    }
}

fn score_subset(gold: &[&GoldItem], pred: &[&PredItem], c: &mut Counts, sink: &mut ErrorSink) {
    let m = match_items(gold, pred);
    c.tp += m.len();
    c.pred += pred.len();
    c.gold += gold.len();
    c.gold_with_speaker += gold.iter().filter(|g| !g.speaker.is_empty()).count();
    for &(gi, pi) in &m {
        if !gold[gi].speaker.is_empty() {
            c.matched_with_speaker += 1;
            if speaker_ok(gold[gi], pred[pi]) {
                c.speaker_right += 1;
                if sink.out.is_some() {
                    sink.push("hit", Some(gold[gi]), Some(pred[pi]));
                }
            } else if sink.out.is_some() {
                sink.push("speaker", Some(gold[gi]), Some(pred[pi]));
            }
        }
    }
    if sink.out.is_some() {
        let mut gm = vec![false; gold.len()];
        let mut pm = vec![false; pred.len()];
        for &(gi, pi) in &m {
            gm[gi] = true;
            pm[pi] = true;
        }
        for (gi, g) in gold.iter().enumerate() {
            if !gm[gi] {
                // the prediction sharing most words, if any, shows how the span went wrong
                let best = pred
                    .iter()
                    .enumerate()
                    .filter(|(pi, _)| !pm[*pi])
                    .map(|(_, p)| (shared(&g.words, &p.words), p))
                    .filter(|(n, _)| *n > 0)
                    .max_by_key(|(n, _)| *n)
                    .map(|(_, p)| *p);
                sink.push("miss", Some(g), best);
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pm[pi] {
                sink.push("false", None, Some(p));
            }
        }
    }
}

pub fn score_file(path: &Path) -> Result<QuoteScores, EvalError> {
    score_file_with(path, ScoreOptions::default())
}

pub fn score_file_with(path: &Path, options: ScoreOptions) -> Result<QuoteScores, EvalError> {
    let records = read_jsonl(path)?;
    let mut dm = Counts::default();
    let mut dm2 = Counts::default();
    let mut all = Counts::default();
    let mut errors = Vec::new();
    let mut documents = 0;
    for (line, rec) in records.iter().enumerate() {
        let id = rec["id"].as_str().unwrap_or("");
        if options.half.is_some_and(|h| half_of(id) != h) {
            continue;
        }
        documents += 1;
        let bad = |message: &str| EvalError::Format {
            path: path.to_path_buf(),
            line: line + 1,
            message: message.to_string(),
        };
        let text = rec["text"].as_str().ok_or_else(|| bad("no \"text\""))?;
        let meta = Meta {
            id: rec["id"].as_str().map(str::to_string),
            ..Meta::default()
        };
        let doc = extract(text, meta, Options { keep_text: true });
        let ledger = Ledger::from_doc(&doc);
        let words = word_starts(text);
        let chars: Vec<char> = text.chars().collect();
        let gold: Vec<GoldItem> = rec["quotes"]
            .as_array()
            .ok_or_else(|| bad("no \"quotes\""))?
            .iter()
            .map(|q| {
                let spans: Vec<[usize; 2]> = q["quote_spans"]
                    .as_array()
                    .map(|a| a.iter().filter_map(span_of).collect())
                    .filter(|v: &Vec<[usize; 2]>| !v.is_empty())
                    .or_else(|| span_of(&q["quote"]).map(|s| vec![s]))
                    .unwrap_or_default();
                let speaker: Vec<[usize; 2]> = q["speaker_spans"]
                    .as_array()
                    .map(|a| a.iter().filter_map(span_of).collect())
                    .unwrap_or_default();
                let labelled = q["kind"].as_str().unwrap_or("");
                let kind = gold_kind(labelled, &spans, &chars);
                GoldItem {
                    labelled_direct_or_mixed: labelled == "direct" || labelled == "mixed",
                    words: words_in(&words, &spans),
                    speaker,
                    speaker_text: q["speaker_text"].as_str().unwrap_or("").to_string(),
                    direct_or_mixed: kind == "direct" || kind == "mixed",
                    kind: kind.to_string(),
                    cue_text: q["cue_text"].as_str().unwrap_or("").to_string(),
                    spans,
                }
            })
            .collect();
        let pred: Vec<PredItem> = ledger
            .quotes
            .iter()
            .map(|q| {
                let mut speaker_spans: Vec<[usize; 2]> = q.speaker_span.into_iter().collect();
                if let Some(id) = &q.speaker {
                    if let Some(e) = ledger.entities.iter().find(|e| &e.id == id) {
                        speaker_spans.extend(e.mentions.iter().copied());
                    }
                }
                PredItem {
                    words: words_in(&words, &q.parts),
                    speaker_spans,
                    speaker_text: q
                        .speaker_span
                        .map(|s| chars[s[0]..s[1]].iter().collect())
                        .unwrap_or_default(),
                    direct_or_mixed: !matches!(q.kind, QuoteKind::Indirect),
                    spans: q.parts.clone(),
                    kind: match q.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Mixed => "mixed",
                        QuoteKind::Indirect => "indirect",
                    },
                    cue_text: q.cue_text.clone().unwrap_or_default(),
                }
            })
            .collect();
        let g_all: Vec<&GoldItem> = gold.iter().collect();
        let p_all: Vec<&PredItem> = pred.iter().collect();
        let mut sink = ErrorSink {
            doc: id,
            chars: &chars,
            subset: "all",
            out: options.errors.then_some(&mut errors),
        };
        score_subset(&g_all, &p_all, &mut all, &mut sink);
        let p_dm: Vec<&PredItem> = pred.iter().filter(|p| p.direct_or_mixed).collect();
        let g_dm2: Vec<&GoldItem> = gold.iter().filter(|g| g.direct_or_mixed).collect();
        sink.subset = "direct_mixed_apos";
        score_subset(&g_dm2, &p_dm, &mut dm2, &mut sink);
        let g_dm: Vec<&GoldItem> = gold.iter().filter(|g| g.labelled_direct_or_mixed).collect();
        sink.subset = "direct_mixed";
        score_subset(&g_dm, &p_dm, &mut dm, &mut sink);
    }
    Ok(QuoteScores {
        documents,
        direct_mixed: Prf::new(dm.tp, dm.pred, dm.gold),
        direct_mixed_speaker: ratio(dm.speaker_right, dm.gold_with_speaker),
        direct_mixed_speaker_matched: ratio(dm.speaker_right, dm.matched_with_speaker),
        direct_mixed_doubled_apostrophes: Prf::new(dm2.tp, dm2.pred, dm2.gold),
        direct_mixed_doubled_apostrophes_speaker: ratio(dm2.speaker_right, dm2.gold_with_speaker),
        // a perfect system predicts every item of the second view and matches the first view's
        direct_mixed_label_ceiling_f1: Prf::new(dm.gold, dm2.gold, dm.gold).f1,
        all: Prf::new(all.tp, all.pred, all.gold),
        all_speaker: ratio(all.speaker_right, all.gold_with_speaker),
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_alphanumeric_runs_in_code_points() {
        assert_eq!(word_starts("“Hé, 2,700!”"), vec![(1, 3), (5, 6), (7, 10)]);
    }

    #[test]
    fn matching_needs_half_of_both_and_is_one_to_one() {
        let g = GoldItem {
            words: vec![1, 2, 3, 4],
            speaker: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
            ..Default::default()
        };
        let p1 = PredItem {
            words: vec![2, 3, 4, 5],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
            ..Default::default()
        };
        let p2 = PredItem {
            words: vec![1, 2, 3, 4],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
            ..Default::default()
        };
        let p3 = PredItem {
            words: vec![4, 5, 6, 7, 8],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
            ..Default::default()
        };
        assert_eq!(match_items(&[&g], &[&p1, &p2]), vec![(0, 1)]);
        assert!(match_items(&[&g], &[&p3]).is_empty());
    }
}
