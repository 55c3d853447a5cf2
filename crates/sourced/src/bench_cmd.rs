//! `sourced bench`: throughput of the extraction pipeline on a JSONL corpus, per stage, on one
//! core. Reading and parsing the corpus is not timed; every engine stage and the conversion to
//! ledger records are.

use crate::extract_cmd::meta_of;
use anyhow::{bail, Result};
use clap::Args;
use sourced_engine::{pipeline, Ledger, Options, Stage};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Args)]
pub struct BenchArgs {
    /// A JSONL corpus of `{"id","text"}` records (or any file `extract` reads).
    #[arg(long)]
    corpus: PathBuf,
    /// Passes over the corpus; more passes steady the figure.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
}

/// Peak resident memory of this process in MiB (Linux: VmHWM), if the OS tells.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let stage_names: Vec<&str> = std::iter::once("clean")
        .chain(Stage::ALL.iter().map(|s| s.name()))
        .chain(std::iter::once("ledger"))
        .collect();
    let mut times = vec![Duration::ZERO; stage_names.len()];
    let (mut words, mut docs, mut claims, mut quotes) = (0usize, 0usize, 0usize, 0usize);
    for _ in 0..args.repeat.max(1) {
        // stream the corpus: one document in memory at a time
        let failed =
            crate::extract_cmd::for_each_document(std::slice::from_ref(&args.corpus), |raw| {
                let meta = meta_of(&raw);
                words += raw.text.split_whitespace().count();
                docs += 1;
                let t0 = Instant::now();
                let mut doc = pipeline::start(&raw.text, meta, Options::default());
                let mut last = Instant::now();
                times[0] += last - t0;
                for (i, stage) in Stage::ALL.iter().enumerate() {
                    pipeline::run_stage(&mut doc, *stage);
                    let now = Instant::now();
                    times[i + 1] += now - last;
                    last = now;
                }
                let ledger = Ledger::from_doc(&doc);
                times[stage_names.len() - 1] += last.elapsed();
                claims += ledger.claims.len();
                quotes += ledger.quotes.len();
                Ok(())
            })?;
        if failed > 0 {
            bail!(
                "{failed} document(s) of {} could not be read",
                args.corpus.display()
            );
        }
    }
    if docs == 0 {
        bail!("{}: no documents", args.corpus.display());
    }
    let total: Duration = times.iter().sum();
    let secs = total.as_secs_f64().max(1e-9);
    println!(
        "corpus: {} ({} documents, {} words per pass, {} passes)",
        args.corpus.display(),
        docs / args.repeat.max(1),
        words / args.repeat.max(1),
        args.repeat.max(1)
    );
    println!(
        "found per pass: {} claims, {} quotes",
        claims / args.repeat.max(1),
        quotes / args.repeat.max(1)
    );
    println!(
        "{:<12} {:>10} {:>7} {:>14}",
        "stage", "ms/pass", "share", "words/s"
    );
    for (name, t) in stage_names.iter().zip(&times) {
        let s = t.as_secs_f64();
        println!(
            "{:<12} {:>10.1} {:>6.1}% {:>14.0}",
            name,
            s * 1000.0 / args.repeat.max(1) as f64,
            100.0 * s / secs,
            words as f64 / s.max(1e-9)
        );
    }
    let rss = peak_rss_mb().unwrap_or(0.0);
    println!(
        "words_per_s={:.0} docs_per_s={:.0} peak_rss_mb={:.1}",
        words as f64 / secs,
        docs as f64 / secs,
        rss
    );
    Ok(ExitCode::SUCCESS)
}
