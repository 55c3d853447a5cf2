//! `sourced extract`: one ledger per document, as JSON for programs or a table for people.

use anyhow::Result;
use clap::{Args, ValueEnum};
use sourced_engine::{extract, Ledger, Meta, Options};
use sourced_intake::RawDocument;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::table::{clip, write_rows};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty-printed JSON object per document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Claims, quotes and stances as aligned rows.
    Table,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Files to read (.txt, .html, .jsonl, optionally .gz); `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    /// Output format; `table` when writing to a terminal, `jsonl` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Take the text as it is (no boilerplate removal), so offsets refer to the input exactly.
    #[arg(long)]
    keep_text: bool,
}

/// Reads documents from `paths`, calling `each` for every one; a document that cannot be read
/// is reported on stderr and skipped. Returns how many failed.
pub fn for_each_document(
    paths: &[PathBuf],
    mut each: impl FnMut(RawDocument) -> Result<()>,
) -> Result<usize> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut failed = 0;
    for path in paths {
        let stream = match sourced_intake::open(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("sourced: {e}");
                failed += 1;
                continue;
            }
        };
        for doc in stream {
            match doc {
                Ok(doc) => each(doc)?,
                Err(e) => {
                    eprintln!("sourced: {e}");
                    failed += 1;
                }
            }
        }
    }
    Ok(failed)
}

pub fn meta_of(raw: &RawDocument) -> Meta {
    Meta {
        id: raw.id.clone(),
        url: raw.url.clone(),
        title: raw.title.clone(),
        outlet: raw.url.as_deref().and_then(outlet_of),
        published: raw.published.clone(),
    }
}

/// The host of a URL, without "www.", as the outlet's name until the ledger knows better.
fn outlet_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let options = Options {
        keep_text: args.keep_text,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let failed = for_each_document(&args.paths, |raw| {
        let doc = extract(&raw.text, meta_of(&raw), options);
        let ledger = Ledger::from_doc(&doc);
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &ledger)?;
                writeln!(out)?;
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &ledger)?;
                writeln!(out)?;
            }
            Format::Table => write_table(&mut out, &raw.origin, &ledger)?,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_table(out: &mut impl Write, origin: &str, l: &Ledger) -> io::Result<()> {
    writeln!(
        out,
        "{origin}  ({} claims, {} quotes, {} stances)",
        l.claims.len(),
        l.quotes.len(),
        l.stances.len()
    )?;
    if !l.document.removed.is_empty() {
        let removed: Vec<&str> = l.document.removed.iter().map(|r| r.text.as_str()).collect();
        writeln!(out, "  removed: {}", clip(&removed.join(" | "), 100))?;
    }
    if !l.claims.is_empty() {
        writeln!(out, "\nCLAIMS")?;
        let rows: Vec<Vec<String>> = l
            .claims
            .iter()
            .map(|c| {
                let value = match c.value_hi {
                    Some(hi) => format!("{}–{}", c.value, hi),
                    None if c.unit == "percent" => format!("{}%", c.value),
                    None => format!("{}", c.value),
                };
                vec![
                    c.id.clone(),
                    value,
                    c.qualifier.clone(),
                    c.measure.clone(),
                    clip(c.subject.as_deref().unwrap_or("-"), 24),
                    clip(c.claimant_name.as_deref().unwrap_or("(narration)"), 22),
                    c.stance.clone(),
                    clip(&c.cites_name.join(", "), 20),
                    c.place.clone().unwrap_or_default(),
                    c.same_as
                        .as_ref()
                        .map(|s| format!("= {s}"))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        write_rows(
            out,
            &[
                "id",
                "value",
                "qualifier",
                "measure",
                "subject",
                "claimant",
                "stance",
                "cites",
                "place",
                "same",
            ],
            &rows,
        )?;
    }
    if !l.quotes.is_empty() {
        writeln!(out, "\nQUOTES")?;
        let rows: Vec<Vec<String>> = l
            .quotes
            .iter()
            .map(|q| {
                let kind = serde_json::to_value(q.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                vec![
                    q.id.clone(),
                    kind,
                    clip(q.speaker_name.as_deref().unwrap_or("?"), 24),
                    q.cue_text.clone().unwrap_or_default(),
                    clip(&q.via_name.join(", "), 16),
                    clip(&q.text, 60),
                ]
            })
            .collect();
        write_rows(out, &["id", "kind", "speaker", "cue", "via", "text"], &rows)?;
    }
    if !l.stances.is_empty() {
        writeln!(out, "\nSTANCES")?;
        let rows: Vec<Vec<String>> = l
            .stances
            .iter()
            .map(|s| {
                let kind = serde_json::to_value(s.stance)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                vec![
                    s.id.clone(),
                    clip(s.actor_name.as_deref().unwrap_or("?"), 20),
                    kind,
                    clip(s.topic_text.as_deref().unwrap_or(""), 60),
                ]
            })
            .collect();
        write_rows(out, &["id", "actor", "stance", "topic"], &rows)?;
    }
    writeln!(out)
}
