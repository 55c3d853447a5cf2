//! The user's own article: every figure, quote and stance the analyst wrote down.

use sourced_eval::{seed, shared_dir};

#[test]
fn seed_article_matches_the_analysts_ledger() {
    let shared = shared_dir();
    let s = seed::score(
        &shared.join("data/seed/nk-soldiers.txt"),
        &shared.join("spec/seed-expected.json"),
    )
    .expect("the seed and its expected ledger are readable (is ../shared beside the repository?)");
    assert_eq!(s.claims_found, 6, "{:#?}", s.failures);
    assert_eq!(
        s.claims_predicted, 6,
        "one claim per figure: {:#?}",
        s.failures
    );
    assert_eq!(s.forbidden_claims, 0, "{:#?}", s.failures);
    assert!(
        s.quotes_found >= 17,
        "{}/18 quotes: {:#?}",
        s.quotes_found,
        s.failures
    );
    assert_eq!(s.stances_found, 2, "{:#?}", s.failures);
    assert_eq!(s.boilerplate_removed, 2, "{:#?}", s.failures);
}
