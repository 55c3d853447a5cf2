//! Criterion benchmarks of the whole pipeline. Throughput is reported in words (bytes would
//! flatter long words). The corpus benchmark reads the BBC corpus from `../shared` when it is
//! there; `sourced bench` gives the same figure with per-stage detail and peak memory.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sourced_engine::{extract, Ledger, Meta, Options};
use std::hint::black_box;
use std::path::Path;

const DEMO: &str = include_str!("../../../examples/harbour-clash.txt");

fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

fn bench_demo(c: &mut Criterion) {
    let mut g = c.benchmark_group("demo-article");
    g.throughput(Throughput::Elements(words(DEMO)));
    g.bench_function("extract+ledger", |b| {
        b.iter(|| {
            let doc = extract(black_box(DEMO), Meta::default(), Options::default());
            black_box(Ledger::from_doc(&doc))
        })
    });
    g.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let path = std::env::var_os("SOURCED_SHARED")
        .map(|p| Path::new(&p).join("data/corpus/bbc-news-2005.jsonl"))
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/corpus/bbc-news-2005.jsonl")
        });
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping the corpus benchmark: {} not found",
            path.display()
        );
        return;
    };
    let docs: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let total: u64 = docs.iter().map(|d| words(d)).sum();
    let mut g = c.benchmark_group("bbc-2005");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total));
    g.bench_function("extract+ledger", |b| {
        b.iter(|| {
            for d in &docs {
                let doc = extract(d, Meta::default(), Options::default());
                black_box(Ledger::from_doc(&doc));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_demo, bench_corpus);
criterion_main!(benches);
