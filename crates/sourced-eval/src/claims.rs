//! Claim scoring on the VOA dev set (and any file of the same shape).
//!
//! A predicted claim matches a gold claim with the same value (and high end for ranges) and
//! the same measure, one-to-one, preferring predictions whose evidence overlaps the gold
//! evidence. Claimant and qualifier accuracy are then measured over the matched pairs.
//! Restatements (`same_as`) are not counted as predictions: the guide asks for one claim per
//! figure.

use crate::{ratio, read_jsonl, span_of, EvalError, Prf};
use sourced_engine::{extract, ledger::Claim, Ledger, Meta, Options};
use std::path::Path;

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct ClaimScores {
    pub documents: usize,
    pub claims: Prf,
    pub claimant_accuracy: f64,
    pub qualifier_accuracy: f64,
    pub stance_accuracy: f64,
    /// Per-document misses and false alarms, for error analysis.
    #[serde(skip)]
    pub errors: Vec<String>,
}

/// Lowercase words without articles and punctuation, for comparing names.
pub fn name_key(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an" | "s"))
        .collect()
}

/// Same claimant: equal names, or one name's words all among the other's ("Lee" in "Lee
/// Seong-kweun", "officials" in "Iraqi officials" is not enough: the shorter must not be a
/// bare common noun).
pub fn same_name(pred: Option<&str>, gold: Option<&str>) -> bool {
    match (pred, gold) {
        (None, None) => true,
        (Some(p), Some(g)) => {
            let (p, g) = (name_key(p), name_key(g));
            if p.is_empty() || g.is_empty() {
                return false;
            }
            if p == g {
                return true;
            }
            let (short, long) = if p.len() <= g.len() {
                (&p, &g)
            } else {
                (&g, &p)
            };
            let generic = [
                "officials",
                "official",
                "sources",
                "source",
                "military",
                "police",
                "government",
                "forces",
                "authorities",
                "army",
            ];
            short.iter().all(|w| long.contains(w))
                && !(short.len() == 1 && generic.contains(&short[0].as_str()))
        }
        _ => false,
    }
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(1.0)
}

pub fn score_file(path: &Path) -> Result<ClaimScores, EvalError> {
    score_file_half(path, None)
}

/// Scores only the stories whose id falls in `half` (0 or 1) when given: the same two-way
/// split as the quotes scorer, for checking that tuning on one half carries to the other.
pub fn score_file_half(path: &Path, half: Option<u8>) -> Result<ClaimScores, EvalError> {
    let mut records = read_jsonl(path)?;
    if let Some(h) = half {
        records.retain(|r| crate::quotes::half_of(r["id"].as_str().unwrap_or("")) == h);
    }
    let (mut tp, mut npred, mut ngold) = (0, 0, 0);
    let (mut claimant_ok, mut qualifier_ok, mut stance_ok) = (0, 0, 0);
    let mut errors = Vec::new();
    for (line, rec) in records.iter().enumerate() {
        let bad = |message: &str| EvalError::Format {
            path: path.to_path_buf(),
            line: line + 1,
            message: message.to_string(),
        };
        let text = rec["text"].as_str().ok_or_else(|| bad("no \"text\""))?;
        let id = rec["id"].as_str().unwrap_or("").to_string();
        let meta = Meta {
            id: Some(id.clone()),
            published: rec["published"].as_str().map(str::to_string),
            url: rec["url"].as_str().map(str::to_string),
            ..Meta::default()
        };
        let doc = extract(text, meta, Options { keep_text: true });
        let ledger = Ledger::from_doc(&doc);
        let pred: Vec<&Claim> = ledger
            .claims
            .iter()
            .filter(|c| c.same_as.is_none())
            .collect();
        let gold = rec["claims"]
            .as_array()
            .ok_or_else(|| bad("no \"claims\""))?;
        npred += pred.len();
        ngold += gold.len();
        let mut used = vec![false; pred.len()];
        for g in gold {
            let value = g["value"].as_f64().unwrap_or(f64::NAN);
            let hi = g["value_hi"].as_f64();
            let measure = g["measure"].as_str().unwrap_or("");
            let ev = span_of(&g["evidence"]).unwrap_or([0, 0]);
            let candidates = (0..pred.len()).filter(|&i| {
                let p = pred[i];
                !used[i]
                    && same_value(p.value, value)
                    && hi.is_none_or(|h| p.value_hi.is_some_and(|ph| same_value(ph, h)))
                    && p.measure == measure
            });
            let best = candidates.max_by_key(|&i| {
                let e = pred[i].evidence;
                (e[0] < ev[1] && ev[0] < e[1]) as u8
            });
            let Some(i) = best else {
                errors.push(format!(
                    "{id}: missed {value} {measure} ({})",
                    g["claimant"]
                ));
                continue;
            };
            used[i] = true;
            tp += 1;
            let p = pred[i];
            let gclaimant = g["claimant"].as_str();
            let aliases: Vec<&str> = g["claimant_aliases"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            // the predicted claimant is an entity: its other names in the article count too
            // ("U.N." for United Nations), as any mention of a speaker does for quotes
            let mut pnames: Vec<Option<&str>> = vec![p.claimant_name.as_deref()];
            if let Some(e) = p
                .claimant
                .as_ref()
                .and_then(|id| ledger.entities.iter().find(|e| &e.id == id))
            {
                pnames.extend(e.aliases.iter().map(|a| Some(a.as_str())));
            }
            let right = pnames.iter().any(|&pn| {
                same_name(pn, gclaimant) || aliases.iter().any(|a| same_name(pn, Some(a)))
            });
            if right {
                claimant_ok += 1;
            } else {
                errors.push(format!(
                    "{id}: {value} {measure}: claimant {:?}, gold {:?}",
                    p.claimant_name, gclaimant
                ));
            }
            if Some(p.qualifier.as_str()) == g["qualifier"].as_str() {
                qualifier_ok += 1;
            } else {
                errors.push(format!(
                    "{id}: {value} {measure}: qualifier {}, gold {}",
                    p.qualifier, g["qualifier"]
                ));
            }
            if Some(p.stance.as_str()) == g["stance"].as_str() {
                stance_ok += 1;
            }
        }
        for (i, p) in pred.iter().enumerate() {
            if !used[i] {
                errors.push(format!(
                    "{id}: false alarm {} {} «{}»",
                    p.value, p.measure, p.text
                ));
            }
        }
    }
    Ok(ClaimScores {
        documents: records.len(),
        claims: Prf::new(tp, npred, ngold),
        claimant_accuracy: ratio(claimant_ok, tp),
        qualifier_accuracy: ratio(qualifier_ok, tp),
        stance_accuracy: ratio(stance_ok, tp),
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_by_words() {
        assert!(same_name(Some("Lee Seong-kweun"), Some("Lee Seong-kweun")));
        assert!(same_name(Some("the U.N."), Some("U.N.")));
        assert!(same_name(Some("Iraqi officials"), Some("Iraqi officials")));
        assert!(!same_name(Some("officials"), Some("Iraqi officials")));
        assert!(same_name(None, None));
        assert!(!same_name(Some("NIS"), None));
    }
}
