mod bench_cmd;
mod demo_cmd;
mod eval_cmd;
mod extract_cmd;
mod ingest_cmd;
mod parquet_out;
mod query_cmd;
mod report_cmd;
mod serve_cmd;
mod table;

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
    /// Ingest the built-in demo corpus into the database and show a timeline and conflicts.
    Demo(demo_cmd::DemoArgs),
    /// Extract the ledger of each document: claims, quotes, stances, entities.
    Extract(extract_cmd::ExtractArgs),
    /// Store documents and their ledgers in the database (SQLite file or PostgreSQL).
    Ingest(ingest_cmd::IngestArgs),
    /// List stored claims, filtered by subject, measure, claimant and date.
    Claims(query_cmd::ClaimsArgs),
    /// Every report of one figure in date order, wire copies folded, sources counted.
    Timeline(query_cmd::TimelineArgs),
    /// Incompatible figures for the same subject and measure, side by side with evidence.
    Conflicts(query_cmd::ConflictsArgs),
    /// The independent origins behind one claim's figure, and the path of every report.
    Sources(report_cmd::SourcesArgs),
    /// Low / best / high and the most conservative credible figure per period.
    Summary(report_cmd::SummaryArgs),
    /// Every stored claim with its document's metadata, as CSV, JSONL or Parquet.
    Export(report_cmd::ExportArgs),
    /// Measure throughput on a corpus: words/s per stage and peak memory.
    Bench(bench_cmd::BenchArgs),
    /// Score against gold data: precision, recall, F1.
    Eval(eval_cmd::EvalArgs),
    /// The workbench: the ledger's JSON API and web UI on http://127.0.0.1:8080.
    Serve(serve_cmd::ServeArgs),
    /// Many concurrent clients against the workbench: latency percentiles, errors, memory.
    Loadtest(serve_cmd::LoadtestArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => demo_cmd::run(args),
        Command::Extract(args) => extract_cmd::run(args),
        Command::Ingest(args) => ingest_cmd::run(args),
        Command::Claims(args) => query_cmd::claims(args),
        Command::Timeline(args) => query_cmd::timeline(args),
        Command::Conflicts(args) => query_cmd::conflicts(args),
        Command::Sources(args) => report_cmd::sources(args),
        Command::Summary(args) => report_cmd::summary(args),
        Command::Export(args) => report_cmd::export(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Bench(args) => bench_cmd::run(args),
        Command::Serve(args) => serve_cmd::serve(args),
        Command::Loadtest(args) => serve_cmd::loadtest(args),
    };
    match result {
        Ok(code) => code,
        // `sourced export | head` closes the pipe early: that is the reader's choice, not an
        // error to report.
        Err(e)
            if e.chain().any(|c| {
                let broken = Some(std::io::ErrorKind::BrokenPipe);
                c.downcast_ref::<std::io::Error>().map(|io| io.kind()) == broken
                    || c.downcast_ref::<serde_json::Error>()
                        .and_then(|j| j.io_error_kind())
                        == broken
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sourced: {e:#}");
            ExitCode::from(2)
        }
    }
}
