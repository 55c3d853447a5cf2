//! `sourced demo`: the README's first command. Ingests the invented demo corpus (compiled
//! into the binary, so it runs from any directory) into the ledger database, then prints the
//! timeline and the conflicts of its main figure, exactly as `sourced ingest`, `sourced
//! timeline` and `sourced conflicts` would.

use crate::extract_cmd::meta_of;
use crate::query_cmd::{write_conflicts_table, write_timeline_table};
use anyhow::Result;
use clap::Args;
use sourced_engine::{extract, Ledger, Options};
use sourced_intake::Format;
use sourced_store::{Outcome, Store, ToStore};
use std::io::{self, Write};
use std::process::ExitCode;

const DEMO_ORIGIN: &str = "examples/demo/drevna.jsonl";
const DEMO_CORPUS: &str = include_str!("../../../examples/demo/drevna.jsonl");
const SUBJECT: &str = "Valorian soldiers";
const MEASURE: &str = "killed";

#[derive(Args)]
pub struct DemoArgs {
    /// The ledger: a SQLite file, or a postgres:// URL.
    #[arg(long, default_value = sourced_store::DEFAULT_DB, env = "SOURCED_DB")]
    db: String,
    /// Then open the workbench on it (http://127.0.0.1:8080; Ctrl-C stops it).
    #[arg(long)]
    serve: bool,
}

pub fn run(args: DemoArgs) -> Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let mut batch = Vec::new();
    for raw in sourced_intake::from_bytes(DEMO_CORPUS.as_bytes(), DEMO_ORIGIN, Format::Jsonl)? {
        let raw = raw?;
        let ledger = Ledger::from_doc(&extract(&raw.text, meta_of(&raw), Options::default()));
        batch.push(ToStore::new(ledger, &raw.origin));
    }
    let outcomes = store.write_batch(&batch)?;
    let new = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::New { .. }))
        .count();
    let copies = outcomes
        .iter()
        .filter(|o| {
            matches!(
                o,
                Outcome::New {
                    dup_of: Some(_),
                    ..
                }
            )
        })
        .count();
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "Ingested {} demo articles into {} ({new} new, {copies} wire copies, {} already there).\n",
        outcomes.len(),
        store.target(),
        outcomes.len() - new
    )?;
    let timeline = store.timeline(SUBJECT, MEASURE)?;
    write_timeline_table(&mut out, SUBJECT, MEASURE, &timeline)?;
    writeln!(out)?;
    let conflicts = store.conflicts(Some(SUBJECT), 14)?;
    write_conflicts_table(&mut out, &conflicts)?;
    writeln!(
        out,
        "\nNext: sourced claims --subject \"{SUBJECT}\", sourced timeline \"{SUBJECT}\" wounded, \
         sourced conflicts --format csv; sourced serve opens the workbench"
    )?;
    out.flush()?;
    drop(out);
    if args.serve {
        drop(store);
        return crate::serve_cmd::serve_locally(&args.db);
    }
    Ok(ExitCode::SUCCESS)
}
