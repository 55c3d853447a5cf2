//! The seed article against the analyst's expected ledger (`seed-expected.json`).
//!
//! Claims match on value, qualifier, measure and claimant; a quote matches when one of its
//! parts overlaps the expected anchor and its speaker is the expected entity (by name or by
//! an alias the analyst lists). A predicted mixed quote may satisfy several expected anchors
//! when it carries several quoted fragments of one report.

use crate::claims::same_name;
use crate::{read, EvalError};
use sourced_engine::{extract, Ledger, Meta, Options};
use std::path::Path;

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct SeedScores {
    pub claims_expected: usize,
    pub claims_found: usize,
    /// Predicted claims that are not restatements.
    pub claims_predicted: usize,
    pub forbidden_claims: usize,
    pub quotes_expected: usize,
    pub quotes_found: usize,
    pub stances_expected: usize,
    pub stances_found: usize,
    pub boilerplate_expected: usize,
    pub boilerplate_removed: usize,
    pub failures: Vec<String>,
}

fn char_find(text: &str, needle: &str) -> Option<[usize; 2]> {
    let b = text.find(needle)?;
    let s = text[..b].chars().count();
    Some([s, s + needle.chars().count()])
}

fn char_find_all(text: &str, needle: &str) -> Vec<[usize; 2]> {
    text.match_indices(needle)
        .map(|(b, _)| {
            let s = text[..b].chars().count();
            [s, s + needle.chars().count()]
        })
        .collect()
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// `article` is the seed text, `expected` the analyst's JSON.
pub fn score(article: &Path, expected: &Path) -> Result<SeedScores, EvalError> {
    let raw = read(article)?;
    let exp: serde_json::Value =
        serde_json::from_str(&read(expected)?).map_err(|e| EvalError::Format {
            path: expected.to_path_buf(),
            line: e.line(),
            message: e.to_string(),
        })?;
    let doc = extract(&raw, Meta::default(), Options::default());
    let ledger = Ledger::from_doc(&doc);
    let text = &ledger.document.text;
    let mut s = SeedScores::default();

    // names the analyst accepts for an entity: its name and aliases
    let names_of = |name: &str| -> Vec<String> {
        let mut out = vec![name.to_string()];
        if let Some(e) = exp["entities"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["name"] == name))
        {
            out.extend(
                e["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.as_str())
                    .map(str::to_string),
            );
        }
        out
    };
    let is = |pred: Option<&str>, want: Option<&str>| match want {
        None => pred.is_none(),
        Some(w) => names_of(w).iter().any(|n| same_name(pred, Some(n))),
    };

    let boiler = exp["document"]["boilerplate_removed"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    s.boilerplate_expected = boiler.len();
    s.boilerplate_removed = boiler
        .iter()
        .filter_map(|b| b.as_str())
        .filter(|b| ledger.document.removed.iter().any(|r| r.text.trim() == *b))
        .count()
        .min(ledger.document.removed.len());
    if text
        .lines()
        .any(|l| boiler.iter().any(|b| b.as_str() == Some(l.trim())))
    {
        s.failures
            .push("boilerplate left in the cleaned text".into());
    }

    let claims: Vec<_> = ledger
        .claims
        .iter()
        .filter(|c| c.same_as.is_none())
        .collect();
    s.claims_predicted = claims.len();
    for c in exp["claims"].as_array().into_iter().flatten() {
        s.claims_expected += 1;
        let ok = claims.iter().any(|p| {
            Some(p.value) == c["value"].as_f64()
                && Some(p.qualifier.as_str()) == c["qualifier"].as_str()
                && Some(p.measure.as_str()) == c["measure"].as_str()
                && is(p.claimant_name.as_deref(), c["claimant"].as_str())
        });
        if ok {
            s.claims_found += 1;
        } else {
            s.failures.push(format!(
                "claim {} {} {} by {} not found",
                c["qualifier"], c["value"], c["measure"], c["claimant"]
            ));
        }
    }
    for m in exp["must_not_be_claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m.as_str())
    {
        let phrase = m.split(" (").next().unwrap_or(m);
        for at in char_find_all(text, phrase) {
            if let Some(c) = ledger.claims.iter().find(|c| overlaps(c.span, at)) {
                s.forbidden_claims += 1;
                s.failures
                    .push(format!("forbidden claim {:?} from {phrase:?}", c.text));
            }
        }
    }

    for q in exp["quotes"].as_array().into_iter().flatten() {
        s.quotes_expected += 1;
        let anchor = q["anchor"].as_str().unwrap_or("");
        let Some(at) = char_find(text, anchor) else {
            s.failures
                .push(format!("quote anchor {anchor:?} not in the cleaned text"));
            continue;
        };
        let ok = ledger.quotes.iter().any(|p| {
            p.parts.iter().any(|part| overlaps(*part, at))
                && is(p.speaker_name.as_deref(), q["speaker"].as_str())
        });
        if ok {
            s.quotes_found += 1;
        } else {
            let near: Vec<_> = ledger
                .quotes
                .iter()
                .filter(|p| p.parts.iter().any(|part| overlaps(*part, at)))
                .map(|p| p.speaker_name.clone())
                .collect();
            s.failures.push(format!(
                "quote {anchor:?} by {} not found (overlapping: {near:?})",
                q["speaker"]
            ));
        }
    }

    for st in exp["stances"].as_array().into_iter().flatten() {
        s.stances_expected += 1;
        let ok = ledger.stances.iter().any(|p| {
            serde_json::to_value(p.stance).ok().as_ref() == Some(&st["stance"])
                && (is(p.actor_name.as_deref(), st["actor"].as_str())
                    || ledger
                        .entities
                        .iter()
                        .find(|e| Some(&e.id) == p.actor.as_ref())
                        .is_some_and(|e| is(e.stands_for_name.as_deref(), st["actor"].as_str())))
        });
        if ok {
            s.stances_found += 1;
        } else {
            s.failures.push(format!(
                "stance {} of {} not found",
                st["stance"], st["actor"]
            ));
        }
    }
    Ok(s)
}
