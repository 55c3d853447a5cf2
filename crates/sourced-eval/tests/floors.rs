//! Accuracy floors: each score may not fall more than 0.01 below what was last reported.
//! The floors live in `eval-floors.json` at the repository root; raise them when a change
//! raises the scores.

use sourced_eval::{claims, html, quotes, shared_dir};
use std::path::Path;

fn floors() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval-floors.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("eval-floors.json"))
        .expect("valid JSON")
}

fn floor(f: &serde_json::Value, key: &str) -> f64 {
    f[key]
        .as_f64()
        .unwrap_or_else(|| panic!("eval-floors.json has no {key}"))
}

#[test]
fn polnear_quotes_stay_above_their_floors() {
    let f = floors();
    let s = quotes::score_file(&shared_dir().join("data/quotes/polnear-dev.jsonl"))
        .expect("PolNeAR dev");
    assert!(
        s.direct_mixed.f1 >= floor(&f, "quotes_direct_mixed_f1"),
        "{s:#?}"
    );
    assert!(
        s.direct_mixed_speaker >= floor(&f, "quotes_direct_mixed_speaker"),
        "{s:#?}"
    );
    assert!(
        s.direct_mixed_doubled_apostrophes.f1 >= floor(&f, "quotes_direct_mixed_apos_f1"),
        "{s:#?}"
    );
    assert!(
        s.direct_mixed_doubled_apostrophes_speaker >= floor(&f, "quotes_direct_mixed_apos_speaker"),
        "{s:#?}"
    );
    assert!(s.all.f1 >= floor(&f, "quotes_all_f1"), "{s:#?}");
}

#[test]
fn voa_claims_stay_above_their_floors() {
    let f = floors();
    let s = claims::score_file(&shared_dir().join("data/claims/voa-dev.jsonl")).expect("VOA dev");
    assert!(s.claims.f1 >= floor(&f, "claims_f1"), "{:#?}", s.claims);
    assert!(
        s.claimant_accuracy >= floor(&f, "claims_claimant"),
        "{}",
        s.claimant_accuracy
    );
    assert!(
        s.qualifier_accuracy >= floor(&f, "claims_qualifier"),
        "{}",
        s.qualifier_accuracy
    );
}

#[test]
fn html_bodies_stay_above_their_floor() {
    let f = floors();
    let pairs = sourced_intake::html_benchmark_pairs(&shared_dir().join("data/html"))
        .expect("HTML benchmark");
    let s = html::score_pages(pairs.into_iter().map(|(_, p, g)| (p, g)));
    assert!(s.f1 >= floor(&f, "html_f1"), "{s:?}");
}
