//! `sourced eval`: scores against gold data and, with `--min-*` floors, fails when a score
//! falls below what we promised.

use anyhow::Result;
use clap::{Args, Subcommand};
use sourced_eval::Prf;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    what: EvalWhat,
    /// Print the scores as one JSON object instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Print every miss and false alarm (claims) or failure (seed).
    #[arg(long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum EvalWhat {
    /// The seed article against the analyst's expected ledger.
    Seed {
        #[arg(long, default_value = "../shared/data/seed/nk-soldiers.txt")]
        article: PathBuf,
        #[arg(long, default_value = "../shared/spec/seed-expected.json")]
        expected: PathBuf,
    },
    /// Attributions on a PolNeAR-style JSONL file.
    Quotes {
        #[arg(default_value = "../shared/data/quotes/polnear-dev.jsonl")]
        file: PathBuf,
        /// Fail (exit 1) when direct+mixed overlap F1 is below this.
        #[arg(long)]
        min_f1: Option<f64>,
        /// Fail when direct+mixed speaker accuracy is below this.
        #[arg(long)]
        min_speaker: Option<f64>,
        /// Fail when the all-attributions overlap F1 is below this.
        #[arg(long)]
        min_all_f1: Option<f64>,
        /// Score only the articles whose id hashes to this half (0 or 1).
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=1))]
        half: Option<u8>,
    },
    /// HTML main-content extraction on the article-body benchmark.
    Html {
        #[arg(default_value = "../shared/data/html")]
        dir: PathBuf,
        #[arg(long)]
        min_f1: Option<f64>,
    },
    /// Numeric claims on a VOA-style JSONL file with gold claims.
    Claims {
        #[arg(default_value = "../shared/data/claims/voa-dev.jsonl")]
        file: PathBuf,
        /// Score one half of the stories (0 or 1, split by a hash of the id).
        #[arg(long)]
        half: Option<u8>,
        #[arg(long)]
        min_f1: Option<f64>,
        #[arg(long)]
        min_claimant: Option<f64>,
        #[arg(long)]
        min_qualifier: Option<f64>,
    },
}

fn prf_line(name: &str, p: &Prf) -> String {
    format!(
        "{name:<28} precision={:.3} recall={:.3} f1={:.3}  (tp={} predicted={} gold={})",
        p.precision, p.recall, p.f1, p.tp, p.predicted, p.gold
    )
}

/// Records each floor that a score misses.
struct Floors(Vec<String>);

impl Floors {
    fn check(&mut self, name: &str, value: f64, floor: Option<f64>) {
        if let Some(f) = floor {
            if value < f {
                self.0
                    .push(format!("{name} {value:.3} is below the floor {f:.3}"));
            }
        }
    }
    fn exit(self) -> ExitCode {
        for f in &self.0 {
            eprintln!("FAIL: {f}");
        }
        if self.0.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let mut floors = Floors(Vec::new());
    match args.what {
        EvalWhat::Seed { article, expected } => {
            let s = sourced_eval::seed::score(&article, &expected)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                println!(
                    "claims       {}/{} found ({} predicted, {} forbidden)",
                    s.claims_found, s.claims_expected, s.claims_predicted, s.forbidden_claims
                );
                println!(
                    "quotes       {}/{} with the right speaker",
                    s.quotes_found, s.quotes_expected
                );
                println!("stances      {}/{}", s.stances_found, s.stances_expected);
                println!(
                    "boilerplate  {}/{} removed",
                    s.boilerplate_removed, s.boilerplate_expected
                );
                for f in &s.failures {
                    println!("  - {f}");
                }
            }
        }
        EvalWhat::Quotes {
            file,
            min_f1,
            min_speaker,
            min_all_f1,
            half,
        } => {
            let s = sourced_eval::quotes::score_file_with(
                &file,
                sourced_eval::quotes::ScoreOptions {
                    half,
                    errors: args.verbose,
                },
            )?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                println!("{} documents from {}", s.documents, file.display());
                println!("{}", prf_line("direct+mixed overlap", &s.direct_mixed));
                println!(
                    "{:<28} {:.3} of gold items with a speaker ({:.3} of matched ones)",
                    "direct+mixed speaker", s.direct_mixed_speaker, s.direct_mixed_speaker_matched
                );
                println!(
                    "{}  speaker {:.3}",
                    prf_line(
                        "  with ''…'' as quotes",
                        &s.direct_mixed_doubled_apostrophes
                    ),
                    s.direct_mixed_doubled_apostrophes_speaker
                );
                println!(
                    "{:<28} f1={:.3}  (the data's labels, for a system that finds every quotation)",
                    "  ceiling", s.direct_mixed_label_ceiling_f1
                );
                println!("{}", prf_line("all attributions overlap", &s.all));
                println!("{:<28} {:.3}", "all attributions speaker", s.all_speaker);
                for e in s.errors.iter().filter(|e| e.what != "hit") {
                    println!("  - {e}");
                }
            }
            floors.check("direct+mixed F1", s.direct_mixed.f1, min_f1);
            floors.check(
                "direct+mixed speaker accuracy",
                s.direct_mixed_speaker,
                min_speaker,
            );
            floors.check("all attributions F1", s.all.f1, min_all_f1);
        }
        EvalWhat::Claims {
            file,
            half,
            min_f1,
            min_claimant,
            min_qualifier,
        } => {
            let s = sourced_eval::claims::score_file_half(&file, half)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                println!("{} documents from {}", s.documents, file.display());
                println!("{}", prf_line("claims (value + measure)", &s.claims));
                println!("{:<28} {:.3}", "claimant accuracy", s.claimant_accuracy);
                println!("{:<28} {:.3}", "qualifier accuracy", s.qualifier_accuracy);
                println!("{:<28} {:.3}", "stance accuracy", s.stance_accuracy);
                if args.verbose {
                    for e in &s.errors {
                        println!("  - {e}");
                    }
                }
            }
            floors.check("claim F1", s.claims.f1, min_f1);
            floors.check("claimant accuracy", s.claimant_accuracy, min_claimant);
            floors.check("qualifier accuracy", s.qualifier_accuracy, min_qualifier);
        }
        EvalWhat::Html { dir, min_f1 } => {
            let pairs = sourced_intake::html_benchmark_pairs(&dir)?;
            let pages = pairs.len();
            let s = sourced_eval::html::score_pages(
                pairs.into_iter().map(|(_, pred, gold)| (pred, gold)),
            );
            if args.json {
                println!(
                    "{}",
                    serde_json::json!({"pages": pages, "precision": s.precision, "recall": s.recall, "f1": s.f1})
                );
            } else {
                println!("{pages} pages from {}", dir.display());
                println!(
                    "{:<28} precision={:.3} recall={:.3} f1={:.3}",
                    "article body (4-shingles)", s.precision, s.recall, s.f1
                );
            }
            floors.check("HTML F1", s.f1, min_f1);
        }
    }
    Ok(floors.exit())
}
