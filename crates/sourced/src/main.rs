mod bench_cmd;
mod eval_cmd;
mod extract_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sourced",
    version,
    about = "News reports in, a ledger of attributed claims out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the ledger of each document: claims, quotes, stances, entities.
    Extract(extract_cmd::ExtractArgs),
    /// Measure throughput on a corpus: words/s per stage and peak memory.
    Bench(bench_cmd::BenchArgs),
    /// Score against gold data: precision, recall, F1.
    Eval(eval_cmd::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Bench(args) => bench_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sourced: {e:#}");
            ExitCode::from(2)
        }
    }
}
