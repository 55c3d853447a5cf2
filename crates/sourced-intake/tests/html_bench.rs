//! HTML main-content benchmark on `shared/data/html` (181 pages).
//! Slow in debug builds, hence ignored by default; run it with
//! `cargo test -p sourced-intake --release --test html_bench -- --ignored --nocapture`
//! (or `cargo run --release -p sourced-intake --example html_bench` for timing).

#[path = "../../sourced-eval/src/html.rs"]
#[allow(dead_code)]
mod score;

use std::path::PathBuf;

#[test]
#[ignore = "reads 181 pages from ../../../shared/data/html; ~1.5 s release, much slower in debug"]
fn html_benchmark_f1() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html");
    if !dir.join("ground-truth.json").exists() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let pairs = sourced_intake::html_benchmark_pairs(&dir).expect("benchmark data readable");
    assert_eq!(pairs.len(), 181);
    let s = score::score_pages(pairs.into_iter().map(|(_, p, g)| (p, g)));
    println!(
        "html benchmark: pages={} precision={:.4} recall={:.4} f1={:.4}",
        s.pages, s.precision, s.recall, s.f1
    );
    assert!(s.f1 >= 0.96, "F1 regressed: {:.4}", s.f1);
}
