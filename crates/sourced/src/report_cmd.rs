//! `sourced sources`, `sourced summary` and `sourced export`: provenance of one figure, the
//! per-period view of a figure's history, and the whole ledger as a file.

use crate::query_cmd::{figure, write_csv, DbArgs, FigureArgs, Format, CLAIM_CSV_HEADER};
use crate::table::{clip, write_rows};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use sourced_store::{Period, PeriodSummary, Provenance};
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    db: DbArgs,
    /// A claim id as `sourced claims` lists it (e.g. 3f2a9c01b7de4d55:c2).
    claim: String,
}

pub fn sources(args: SourcesArgs) -> Result<ExitCode> {
    let mut store = args.db.open()?;
    let p = store.sources(&args.claim)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.db.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &p)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(
            &mut out,
            &[
                "origin", "claim_id", "date", "figure", "path", "copies", "evidence",
            ],
            p.origins.iter().flat_map(|o| {
                o.reports.iter().map(|r| {
                    vec![
                        o.origin.clone(),
                        r.claim_id.clone(),
                        r.date.clone().unwrap_or_default(),
                        figure(r.value, r.value_hi, &r.qualifier),
                        r.path.join(" → "),
                        r.copies.join("; "),
                        r.evidence.clone(),
                    ]
                })
            }),
        )?,
        Format::Table => write_sources_table(&mut out, &p)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_sources_table(out: &mut impl Write, p: &Provenance) -> io::Result<()> {
    let c = &p.claim;
    writeln!(
        out,
        "{}: {} {}, {} ({} independent origin{})",
        c.id,
        figure(c.value, c.value_hi, &c.qualifier),
        c.measure,
        c.subject.as_deref().unwrap_or("?"),
        p.independent_sources(),
        if p.independent_sources() == 1 {
            ""
        } else {
            "s"
        }
    )?;
    for (i, origin) in p.origins.iter().enumerate() {
        writeln!(out, "\n{}. {}", i + 1, origin.origin)?;
        for r in &origin.reports {
            let copies = match r.copies.len() {
                0 => String::new(),
                _ => format!("  (copied by {})", r.copies.join(", ")),
            };
            writeln!(
                out,
                "   {:<10}  {:<14}  {}{copies}",
                r.date.as_deref().unwrap_or("?"),
                figure(r.value, r.value_hi, &r.qualifier),
                r.path.join(" → ")
            )?;
            writeln!(out, "               “{}”", clip(&r.evidence, 100))?;
        }
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Month,
    Year,
}

#[derive(Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    figure: FigureArgs,
    /// How to group the reports by date.
    #[arg(long, value_enum, default_value = "month")]
    period: PeriodArg,
}

pub fn summary(args: SummaryArgs) -> Result<ExitCode> {
    let period = match args.period {
        PeriodArg::Day => Period::Day,
        PeriodArg::Month => Period::Month,
        PeriodArg::Year => Period::Year,
    };
    let mut store = args.db.open()?;
    let f = &args.figure;
    let rows = store.summary(&f.subject, &f.measure, f.place.as_deref(), period)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.db.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(
            &mut out,
            &[
                "event",
                "period",
                "reports",
                "origins",
                "low",
                "low_claim",
                "best",
                "best_claim",
                "high",
                "high_claim",
                "conservative",
                "conservative_claim",
            ],
            rows.iter().map(|r| {
                let mut cells = vec![
                    r.event.clone().unwrap_or_default(),
                    r.period.clone(),
                    r.reports.to_string(),
                    r.origins.to_string(),
                ];
                for p in [&r.low, &r.best, &r.high, &r.conservative] {
                    cells.push(p.value.to_string());
                    cells.push(p.claim_id.clone());
                }
                cells
            }),
        )?,
        Format::Table => write_summary_table(&mut out, &f.subject, &f.measure, &rows)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_summary_table(
    out: &mut impl Write,
    subject: &str,
    measure: &str,
    rows: &[PeriodSummary],
) -> io::Result<()> {
    writeln!(out, "{subject}, {measure}: low / best / high per period")?;
    // A generic subject is summed up per event; the column says which.
    let by_event = rows.iter().any(|r| r.event.is_some());
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let pick = |p: &sourced_store::Pick| format!("{} ({})", p.value, clip(&p.source, 24));
            let mut cells = vec![
                clip(r.event.as_deref().unwrap_or("(no place)"), 20),
                r.period.clone(),
                r.reports.to_string(),
                r.origins.to_string(),
                pick(&r.low),
                pick(&r.best),
                pick(&r.high),
                pick(&r.conservative),
            ];
            if !by_event {
                cells.remove(0);
            }
            cells
        })
        .collect();
    let mut header = vec![
        "where",
        "period",
        "reports",
        "origins",
        "low",
        "best",
        "high",
        "conservative",
    ];
    if !by_event {
        header.remove(0);
    }
    write_rows(out, &header, &table)?;
    writeln!(
        out,
        "(`--format json` names the claim behind every figure; `sourced sources ID` traces it)"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    /// Needs `--output`: Parquet is a binary file format.
    Parquet,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The ledger: a SQLite file, or a postgres:// URL.
    #[arg(long, default_value = sourced_store::DEFAULT_DB, env = "SOURCED_DB")]
    db: String,
    #[arg(long, value_enum, default_value = "csv")]
    format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Every claim with its document's metadata, a page at a time (memory stays flat).
pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let db = DbArgs::new(args.db, None);
    let mut store = db.open()?;
    let create = |path: &PathBuf| {
        File::create(path).with_context(|| format!("{}: cannot create", path.display()))
    };
    let mut sink = match (args.format, &args.output) {
        (ExportFormat::Parquet, None) => {
            anyhow::bail!("--format parquet writes a binary file: give it with --output FILE")
        }
        (ExportFormat::Parquet, Some(path)) => Sink::Parquet(
            crate::parquet_out::ParquetClaims::new(io::BufWriter::new(create(path)?))?,
        ),
        (format, output) => {
            let out: Box<dyn Write> = match output {
                Some(path) => Box::new(create(path)?),
                None => Box::new(io::stdout().lock()),
            };
            let mut out = io::BufWriter::new(out);
            if format == ExportFormat::Csv {
                write_csv(&mut out, &CLAIM_CSV_HEADER, std::iter::empty())?;
            }
            Sink::Text(out, format)
        }
    };
    let mut after: Option<String> = None;
    let mut written = 0usize;
    loop {
        let page = store.claims_page(after.as_deref(), 5_000)?;
        let Some(last) = page.last() else { break };
        after = Some(last.id.clone());
        sink.write_page(&page)?;
        written += page.len();
    }
    sink.finish()?;
    if let Some(path) = &args.output {
        eprintln!("{written} claims → {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Where an export goes: text formats to a stream, Parquet to a file.
enum Sink<'a> {
    Text(io::BufWriter<Box<dyn Write + 'a>>, ExportFormat),
    Parquet(crate::parquet_out::ParquetClaims<io::BufWriter<File>>),
}

impl Sink<'_> {
    fn write_page(&mut self, page: &[sourced_store::ClaimRow]) -> Result<()> {
        match self {
            Sink::Text(out, ExportFormat::Jsonl) => {
                for c in page {
                    serde_json::to_writer(&mut *out, c)?;
                    writeln!(out)?;
                }
            }
            Sink::Text(out, _) => {
                crate::query_cmd::write_csv_rows(out, page.iter().map(crate::query_cmd::claim_csv))?
            }
            Sink::Parquet(out) => out.write_page(page)?,
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::Text(mut out, _) => out.flush()?,
            Sink::Parquet(out) => out.finish()?,
        }
        Ok(())
    }
}
