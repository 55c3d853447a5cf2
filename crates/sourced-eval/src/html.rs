//! Scoring of HTML main-content extraction against gold article bodies.
//!
//! The scheme follows the public article-extraction benchmark described in
//! `shared/data/html/README.md`: both texts are split into words, every 4
//! consecutive words form a shingle, and shingle *counts* (a multiset) give true
//! positives, false positives and false negatives for a page. Precision and
//! recall are computed per page, averaged over pages, and F1 is computed from the
//! two averages (not averaged per page).
//!
//! Two tokenisations are offered:
//!
//! * [`score_pages`] / [`page_precision_recall`] — the project's scoring: words are
//!   split on Unicode whitespace, and every page counts in both averages. A page
//!   where one side has no shingle (empty, or fewer than 4 words) scores
//!   precision 0 and recall 0, unless both texts are empty (1 and 1). When both
//!   sides are non-empty but shorter than 4 words, the whole word sequence is one
//!   shingle: identical sequences score 1/1, different ones 0/0.
//! * [`score_pages_benchmark_compat`] — mirrors the published benchmark's
//!   `evaluate.py` for comparison with published numbers: words are runs of
//!   Unicode word characters (`\w+`, punctuation dropped), a text shorter than 4
//!   words is one shingle, and a page is left out of the precision average when
//!   the prediction is empty (and out of the recall average when the gold is
//!   empty).
//!
//! Pure `std`; no I/O.

use std::collections::HashMap;

/// Shingle size (words per shingle).
pub const SHINGLE_WORDS: usize = 4;

/// Aggregate score over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HtmlScore {
    /// Number of pages scored.
    pub pages: usize,
    /// Mean of per-page precision.
    pub precision: f64,
    /// Mean of per-page recall.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall` (0 when both are 0).
    pub f1: f64,
}

/// Per-page true positives, false positives, false negatives (shingle counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShingleCounts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

fn whitespace_words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Words as the benchmark's `\w+` regex sees them: maximal runs of alphanumeric
/// characters or `_` (Unicode-aware, close to Python's `re.UNICODE` `\w`).
fn regex_words(text: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Multiset of shingles. With `short_as_one`, a non-empty sequence shorter than
/// `SHINGLE_WORDS` yields one shingle made of all its words.
fn shingles<'a>(words: &[&'a str], short_as_one: bool) -> HashMap<Vec<&'a str>, usize> {
    let mut map: HashMap<Vec<&'a str>, usize> = HashMap::new();
    if words.len() >= SHINGLE_WORDS {
        for w in words.windows(SHINGLE_WORDS) {
            *map.entry(w.to_vec()).or_insert(0) += 1;
        }
    } else if short_as_one && !words.is_empty() {
        map.insert(words.to_vec(), 1);
    }
    map
}

fn counts(pred: &HashMap<Vec<&str>, usize>, gold: &HashMap<Vec<&str>, usize>) -> ShingleCounts {
    let mut c = ShingleCounts::default();
    for (k, &p) in pred {
        let g = gold.get(k).copied().unwrap_or(0);
        c.tp += p.min(g);
        c.fp += p.saturating_sub(g);
    }
    for (k, &g) in gold {
        let p = pred.get(k).copied().unwrap_or(0);
        c.fn_ += g.saturating_sub(p);
    }
    c
}

/// Shingle counts for one page with whitespace tokenisation (the project's scheme).
pub fn page_counts(pred: &str, gold: &str) -> ShingleCounts {
    let pw = whitespace_words(pred);
    let gw = whitespace_words(gold);
    // Short texts are one shingle only when *both* sides are short, so that a
    // short prediction can never partially match a long gold text.
    let both_short = pw.len() < SHINGLE_WORDS && gw.len() < SHINGLE_WORDS;
    counts(&shingles(&pw, both_short), &shingles(&gw, both_short))
}

/// Precision and recall of one page (whitespace words, 4-word shingles, multiset
/// counts). Empty-vs-empty is (1, 1); a side without shingles against a side
/// with shingles is (0, 0).
pub fn page_precision_recall(pred: &str, gold: &str) -> (f64, f64) {
    let pred_empty = pred.split_whitespace().next().is_none();
    let gold_empty = gold.split_whitespace().next().is_none();
    if pred_empty && gold_empty {
        return (1.0, 1.0);
    }
    let c = page_counts(pred, gold);
    let precision = ratio(c.tp, c.tp + c.fp);
    let recall = ratio(c.tp, c.tp + c.fn_);
    (precision, recall)
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// Scores `(predicted, gold)` pairs: mean per-page precision and recall, F1 from
/// the means. Every page counts in both means (see module docs). No pages gives
/// all zeros.
pub fn score_pages(pairs: impl IntoIterator<Item = (String, String)>) -> HtmlScore {
    let mut n = 0usize;
    let (mut sp, mut sr) = (0.0f64, 0.0f64);
    for (pred, gold) in pairs {
        let (p, r) = page_precision_recall(&pred, &gold);
        sp += p;
        sr += r;
        n += 1;
    }
    if n == 0 {
        return HtmlScore {
            pages: 0,
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let precision = sp / n as f64;
    let recall = sr / n as f64;
    HtmlScore {
        pages: n,
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// Scores pairs the way the published benchmark's `evaluate.py` does (`\w+`
/// words, short texts as one shingle, empty predictions left out of the
/// precision mean, empty gold texts left out of the recall mean). Use it only to
/// compare with published figures; [`score_pages`] is the project's metric.
pub fn score_pages_benchmark_compat(
    pairs: impl IntoIterator<Item = (String, String)>,
) -> HtmlScore {
    let mut n = 0usize;
    let (mut sp, mut np, mut sr, mut nr) = (0.0f64, 0usize, 0.0f64, 0usize);
    for (pred, gold) in pairs {
        n += 1;
        let pw = regex_words(&pred);
        let gw = regex_words(&gold);
        let c = counts(&shingles(&pw, true), &shingles(&gw, true));
        let all_zero = c.fp == 0 && c.fn_ == 0;
        if c.tp + c.fp > 0 {
            sp += if all_zero {
                1.0
            } else {
                ratio(c.tp, c.tp + c.fp)
            };
            np += 1;
        }
        if c.tp + c.fn_ > 0 {
            sr += if all_zero {
                1.0
            } else {
                ratio(c.tp, c.tp + c.fn_)
            };
            nr += 1;
        }
    }
    let precision = if np == 0 { 0.0 } else { sp / np as f64 };
    let recall = if nr == 0 { 0.0 } else { sr / nr as f64 };
    HtmlScore {
        pages: n,
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn identical_texts_score_one() {
        let t = "the river rose two metres over the night";
        assert_eq!(page_precision_recall(t, t), (1.0, 1.0));
        // Whitespace differences do not matter.
        let t2 = "the river  rose\ntwo metres over\tthe night ";
        assert_eq!(page_precision_recall(t2, t), (1.0, 1.0));
    }

    #[test]
    fn extra_prediction_lowers_precision_only() {
        let gold = "a b c d e"; // shingles: abcd, bcde
        let pred = "a b c d e f"; // abcd, bcde, cdef
        let (p, r) = page_precision_recall(pred, gold);
        assert!(close(p, 2.0 / 3.0));
        assert!(close(r, 1.0));
    }

    #[test]
    fn missing_text_lowers_recall_only() {
        let gold = "a b c d e f g"; // 4 shingles
        let pred = "a b c d e"; // 2 shingles, both in gold
        let (p, r) = page_precision_recall(pred, gold);
        assert!(close(p, 1.0));
        assert!(close(r, 0.5));
    }

    #[test]
    fn counts_are_a_multiset() {
        // gold has "x y z w" once, prediction twice: one tp, one fp.
        let gold = "x y z w";
        let pred = "x y z w x y z w";
        let c = page_counts(pred, gold);
        // pred shingles: xyzw, yzwx, zwxy, wxyz, xyzw -> xyzw x2
        assert_eq!(c.tp, 1);
        assert_eq!(c.fp, 4);
        assert_eq!(c.fn_, 0);
    }

    #[test]
    fn empty_and_short_cases() {
        assert_eq!(page_precision_recall("", ""), (1.0, 1.0));
        assert_eq!(page_precision_recall("  \n", ""), (1.0, 1.0));
        assert_eq!(page_precision_recall("", "a b c d e"), (0.0, 0.0));
        assert_eq!(page_precision_recall("a b c d e", ""), (0.0, 0.0));
        // Fewer than 4 words against a long gold text: 0/0 even if the words occur.
        assert_eq!(page_precision_recall("a b c", "a b c d e"), (0.0, 0.0));
        // Both short: whole sequence compared.
        assert_eq!(page_precision_recall("a b", "a b"), (1.0, 1.0));
        assert_eq!(page_precision_recall("a b", "a c"), (0.0, 0.0));
    }

    #[test]
    fn averages_then_f1() {
        let pairs = vec![
            ("a b c d e".to_string(), "a b c d e".to_string()), // 1, 1
            (String::new(), "a b c d e".to_string()),           // 0, 0
        ];
        let s = score_pages(pairs);
        assert_eq!(s.pages, 2);
        assert!(close(s.precision, 0.5));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, 0.5));

        let pairs = vec![
            ("a b c d e f".to_string(), "a b c d e".to_string()), // 2/3, 1
            ("a b c d e".to_string(), "a b c d e f g".to_string()), // 1, 1/2
        ];
        let s = score_pages(pairs);
        let p = (2.0 / 3.0 + 1.0) / 2.0;
        let r = (1.0 + 0.5) / 2.0;
        assert!(close(s.precision, p));
        assert!(close(s.recall, r));
        assert!(close(s.f1, 2.0 * p * r / (p + r)));
    }

    #[test]
    fn no_pages_is_zero() {
        let s = score_pages(Vec::<(String, String)>::new());
        assert_eq!(s.pages, 0);
        assert_eq!(s.f1, 0.0);
    }

    #[test]
    fn compat_mode_ignores_punctuation_and_skips_empty_predictions() {
        let gold = "One, two; three four five.".to_string();
        let pred = "one two three four five".to_string();
        // Case matters in both modes (the benchmark does not lowercase) but
        // punctuation is dropped in compat mode.
        let s = score_pages_benchmark_compat(vec![(pred.clone(), gold.clone())]);
        assert!(close(s.precision, 0.5)); // "two three four five" matches, "one two three four" does not
        let s = score_pages_benchmark_compat(vec![
            (gold.clone(), gold.clone()),
            (String::new(), gold.clone()),
        ]);
        assert!(close(s.precision, 1.0)); // empty prediction left out of precision
        assert!(close(s.recall, 0.5));
        // Whitespace mode keeps punctuation attached to words.
        let (p, _) = page_precision_recall("One two three four five", &gold);
        assert_eq!(p, 0.0);
    }
}
