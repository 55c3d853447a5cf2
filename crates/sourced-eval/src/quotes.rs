//! Attribution scoring on a PolNeAR-style JSONL file.
//!
//! A predicted quote matches a gold one when the words they share cover at least half of the
//! words of each (one-to-one, best pairs first). The speaker of a matched gold item is correct
//! when the predicted speaker span, or any mention of the predicted speaker, overlaps the gold
//! speaker span, or the two speaker strings are equal ignoring case.

use crate::{ratio, read_jsonl, span_of, EvalError, Prf};
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
    /// Every attribution, indirect included.
    pub all: Prf,
    pub all_speaker: f64,
}

struct GoldItem {
    words: Vec<usize>,
    speaker: Vec<[usize; 2]>,
    speaker_text: String,
    direct_or_mixed: bool,
}

struct PredItem {
    words: Vec<usize>,
    speaker_spans: Vec<[usize; 2]>,
    speaker_text: String,
    direct_or_mixed: bool,
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

fn score_subset(gold: &[&GoldItem], pred: &[&PredItem], c: &mut Counts) {
    let m = match_items(gold, pred);
    c.tp += m.len();
    c.pred += pred.len();
    c.gold += gold.len();
    c.gold_with_speaker += gold.iter().filter(|g| !g.speaker.is_empty()).count();
    for (gi, pi) in m {
        if !gold[gi].speaker.is_empty() {
            c.matched_with_speaker += 1;
            if speaker_ok(gold[gi], pred[pi]) {
                c.speaker_right += 1;
            }
        }
    }
}

pub fn score_file(path: &Path) -> Result<QuoteScores, EvalError> {
    let records = read_jsonl(path)?;
    let mut dm = Counts::default();
    let mut all = Counts::default();
    for (line, rec) in records.iter().enumerate() {
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
                let kind = q["kind"].as_str().unwrap_or("");
                GoldItem {
                    words: words_in(&words, &spans),
                    speaker,
                    speaker_text: q["speaker_text"].as_str().unwrap_or("").to_string(),
                    direct_or_mixed: kind == "direct" || kind == "mixed",
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
                        .map(|s| text.chars().skip(s[0]).take(s[1] - s[0]).collect())
                        .unwrap_or_default(),
                    direct_or_mixed: !matches!(q.kind, sourced_engine::doc::QuoteKind::Indirect),
                }
            })
            .collect();
        let g_all: Vec<&GoldItem> = gold.iter().collect();
        let p_all: Vec<&PredItem> = pred.iter().collect();
        score_subset(&g_all, &p_all, &mut all);
        let g_dm: Vec<&GoldItem> = gold.iter().filter(|g| g.direct_or_mixed).collect();
        let p_dm: Vec<&PredItem> = pred.iter().filter(|p| p.direct_or_mixed).collect();
        score_subset(&g_dm, &p_dm, &mut dm);
    }
    Ok(QuoteScores {
        documents: records.len(),
        direct_mixed: Prf::new(dm.tp, dm.pred, dm.gold),
        direct_mixed_speaker: ratio(dm.speaker_right, dm.gold_with_speaker),
        direct_mixed_speaker_matched: ratio(dm.speaker_right, dm.matched_with_speaker),
        all: Prf::new(all.tp, all.pred, all.gold),
        all_speaker: ratio(all.speaker_right, all.gold_with_speaker),
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
        };
        let p1 = PredItem {
            words: vec![2, 3, 4, 5],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
        };
        let p2 = PredItem {
            words: vec![1, 2, 3, 4],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
        };
        let p3 = PredItem {
            words: vec![4, 5, 6, 7, 8],
            speaker_spans: vec![],
            speaker_text: String::new(),
            direct_or_mixed: true,
        };
        assert_eq!(match_items(&[&g], &[&p1, &p2]), vec![(0, 1)]);
        assert!(match_items(&[&g], &[&p3]).is_empty());
    }
}
