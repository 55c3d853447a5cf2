//! `sourced claims` and `sourced timeline`: questions to the ledger database, answered as a
//! table for people, JSON for programs or CSV for spreadsheets.

use crate::table::{clip, write_rows};
use anyhow::Result;
use clap::{Args, ValueEnum};
use sourced_store::{ClaimFilter, ClaimRow, Conflict, Store, TimelineRow};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Args)]
pub struct DbArgs {
    /// The ledger: a SQLite file, or a postgres:// URL.
    #[arg(long, default_value = sourced_store::DEFAULT_DB, env = "SOURCED_DB")]
    db: String,
    /// Output format; `table` on a terminal, `json` otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
}

impl DbArgs {
    pub fn new(db: String, format: Option<Format>) -> DbArgs {
        DbArgs { db, format }
    }

    /// The database as given (a path or a URL).
    pub fn db(&self) -> &str {
        &self.db
    }

    pub fn format(&self) -> Format {
        self.format.unwrap_or(if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
    }

    /// Opens an existing ledger; a query never creates an empty database by accident.
    pub fn open(&self) -> Result<Store> {
        let is_url = self.db.starts_with("postgres://") || self.db.starts_with("postgresql://");
        if !is_url && !std::path::Path::new(&self.db).exists() {
            anyhow::bail!(
                "{}: no ledger database here; run `sourced ingest PATH` first (or pass --db)",
                self.db
            );
        }
        Ok(Store::open(&self.db)?)
    }
}

#[derive(Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Who is counted ("North Korean soldiers"; troops, forces and soldiers match alike).
    #[arg(long)]
    subject: Option<String>,
    /// What happened to them: killed, wounded, casualties, captured, missing, deployed, ...
    #[arg(long)]
    measure: Option<String>,
    /// Who asserts the figure (any part of the name).
    #[arg(long)]
    claimant: Option<String>,
    /// Only reports whose place, evidence sentence or headline mention this ("Somalia").
    #[arg(long)]
    place: Option<String>,
    /// Reported on or after this ISO date.
    #[arg(long)]
    since: Option<String>,
    /// Reported on or before this ISO date.
    #[arg(long)]
    until: Option<String>,
    /// At most this many claims, newest first.
    #[arg(long)]
    limit: Option<usize>,
}

/// One figure's reports: who is counted, what happened to them, optionally where.
#[derive(Args)]
pub struct FigureArgs {
    /// Who is counted.
    pub subject: String,
    /// What happened to them.
    pub measure: String,
    /// Only reports whose place, evidence sentence or headline mention this ("Somalia").
    #[arg(long)]
    pub place: Option<String>,
}

#[derive(Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    figure: FigureArgs,
}

#[derive(Args)]
pub struct ConflictsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Only this subject (troops, forces and soldiers match alike).
    #[arg(long)]
    subject: Option<String>,
    /// Only reports whose place, evidence sentence or headline mention this ("Somalia").
    #[arg(long)]
    place: Option<String>,
    /// Reports further apart than this many days are not compared (figures grow over time).
    #[arg(long, default_value_t = 14)]
    window_days: i64,
}

pub fn conflicts(args: ConflictsArgs) -> Result<ExitCode> {
    let mut store = args.db.open()?;
    let found = store.conflicts_at(
        args.subject.as_deref(),
        args.place.as_deref(),
        args.window_days.max(0),
    )?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.db.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &found)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let header = [
                "subject",
                "measure",
                "days_apart",
                "date_a",
                "figure_a",
                "source_a",
                "outlet_a",
                "evidence_a",
                "claim_a",
                "date_b",
                "figure_b",
                "source_b",
                "outlet_b",
                "evidence_b",
                "claim_b",
                "repeats",
            ];
            write_csv(
                &mut out,
                &header,
                found.iter().map(|c| {
                    let side = |x: &ClaimRow| {
                        vec![
                            x.date.clone().unwrap_or_default(),
                            figure(x.value, x.value_hi, &x.qualifier),
                            source(x),
                            x.outlet.clone().unwrap_or_default(),
                            x.evidence.clone(),
                            x.id.clone(),
                        ]
                    };
                    let mut cells = vec![
                        c.subject.clone(),
                        c.measure.clone(),
                        c.days_apart.to_string(),
                    ];
                    cells.extend(side(&c.a));
                    cells.extend(side(&c.b));
                    cells.push(c.repeats.to_string());
                    cells
                }),
            )?
        }
        Format::Table => write_conflicts_table(&mut out, &found)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn write_conflicts_table(out: &mut impl Write, found: &[Conflict]) -> io::Result<()> {
    writeln!(out, "{} conflicts", found.len())?;
    for c in found {
        writeln!(
            out,
            "\n{}, {}: {} vs {} ({} days apart{})",
            c.subject,
            c.measure,
            figure(c.a.value, c.a.value_hi, &c.a.qualifier),
            figure(c.b.value, c.b.value_hi, &c.b.qualifier),
            c.days_apart,
            match c.repeats {
                0 => String::new(),
                n => format!(", {n} more reports of the same pair"),
            }
        )?;
        for x in [&c.a, &c.b] {
            writeln!(
                out,
                "  {:<10}  {:<16}  {}  [{}]",
                x.date.as_deref().unwrap_or("?"),
                figure(x.value, x.value_hi, &x.qualifier),
                clip(&source(x), 48),
                x.outlet.as_deref().unwrap_or("?")
            )?;
            writeln!(out, "              “{}”", clip(&x.evidence, 100))?;
        }
    }
    Ok(())
}

/// "claimant citing X via Y", or "(narration)".
fn source(c: &ClaimRow) -> String {
    let mut s = c.claimant_name.clone().unwrap_or("(narration)".into());
    if !c.cites_name.is_empty() {
        s = format!("{s} citing {}", c.cites_name.join(", "));
    }
    if !c.via_name.is_empty() {
        s = format!("{s} via {}", c.via_name.join(", "));
    }
    s
}

pub fn claims(args: ClaimsArgs) -> Result<ExitCode> {
    for date in [&args.since, &args.until].into_iter().flatten() {
        check_date(date)?;
    }
    let mut store = args.db.open()?;
    let rows = store.claims(&ClaimFilter {
        subject: args.subject,
        measure: args.measure,
        claimant: args.claimant,
        place: args.place,
        since: args.since,
        until: args.until,
        limit: args.limit,
    })?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.db.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(&mut out, &CLAIM_CSV_HEADER, rows.iter().map(claim_csv))?,
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.date.clone().unwrap_or_default(),
                        figure(c.value, c.value_hi, &c.qualifier),
                        c.measure.clone(),
                        clip(c.subject.as_deref().unwrap_or("-"), 24),
                        clip(c.claimant_name.as_deref().unwrap_or("(narration)"), 24),
                        clip(c.outlet.as_deref().unwrap_or(""), 20),
                    ]
                })
                .collect();
            write_rows(
                &mut out,
                &[
                    "id", "date", "figure", "measure", "subject", "claimant", "outlet",
                ],
                &table,
            )?;
            writeln!(out, "{} claims", rows.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn timeline(args: TimelineArgs) -> Result<ExitCode> {
    let mut store = args.db.open()?;
    let f = &args.figure;
    let rows = store.timeline_at(&f.subject, &f.measure, f.place.as_deref())?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.db.format() {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut header = CLAIM_CSV_HEADER.to_vec();
            header.extend(["copies", "independent_sources", "places"]);
            write_csv(
                &mut out,
                &header,
                rows.iter().map(|r| {
                    let mut cells = claim_csv(&r.claim);
                    cells.push(r.copies.len().to_string());
                    cells.push(r.independent_sources.to_string());
                    cells.push(r.places.join("; "));
                    cells
                }),
            )?
        }
        Format::Table => write_timeline_table(&mut out, &f.subject, &f.measure, &rows)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn write_timeline_table(
    out: &mut impl Write,
    subject: &str,
    measure: &str,
    rows: &[TimelineRow],
) -> io::Result<()> {
    writeln!(out, "{subject}, {measure}: {} reports", rows.len())?;
    // Where each report is only tells events apart for a subject that does not name its side.
    let by_place = sourced_store::is_generic_subject(subject);
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = &r.claim;
            let mut outlet = match r.copies.len() {
                0 => c.outlet.clone().unwrap_or_default(),
                n => format!("{} (+{n} copies)", c.outlet.as_deref().unwrap_or("")),
            };
            if c.revision_of.is_some() && r.before_edit.is_empty() {
                outlet.push_str(" (edited)");
            }
            let mut shown = figure(c.value, c.value_hi, &c.qualifier);
            if !r.before_edit.is_empty() {
                let was: Vec<String> = r
                    .before_edit
                    .iter()
                    .map(|f| figure(f.value, f.value_hi, &f.qualifier))
                    .collect();
                shown = format!("{shown} (edited, was {})", was.join(", then "));
            }
            if c.retracted_by.is_some() {
                shown = format!("{shown} (withdrawn later)");
            } else if c.stance != "asserted" {
                shown = format!("{shown} ({})", c.stance);
            }
            let mut row = vec![
                c.date.clone().unwrap_or_default(),
                shown,
                clip(&source(c), 40),
                clip(&outlet, 28),
                clip(&r.places.join(", "), 20),
                r.independent_sources.to_string(),
            ];
            if !by_place {
                row.remove(4);
            }
            row
        })
        .collect();
    let mut header = vec!["date", "figure", "source", "outlet", "where", "independent"];
    if !by_place {
        header.remove(4);
    }
    write_rows(out, &header, &table)
}

/// "about 300", "more than 3,000", "11,000–12,000", as a reader would write it.
pub fn figure(value: f64, value_hi: Option<f64>, qualifier: &str) -> String {
    let n = |v: f64| {
        let s = format!("{v}");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 && ch.is_ascii_digit() {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if frac.is_empty() {
            grouped
        } else {
            format!("{grouped}.{frac}")
        }
    };
    let v = n(value);
    match (qualifier, value_hi) {
        (_, Some(hi)) if hi != value => format!("{v}–{}", n(hi)),
        ("approx", _) => format!("about {v}"),
        ("more_than", _) => format!("more than {v}"),
        ("at_least", _) => format!("at least {v}"),
        ("less_than", _) => format!("fewer than {v}"),
        ("at_most", _) => format!("at most {v}"),
        ("vague", _) => format!("{v}+ (vague)"),
        _ => v,
    }
}

pub const CLAIM_CSV_HEADER: [&str; 18] = [
    "id",
    "date",
    "value",
    "value_hi",
    "qualifier",
    "measure",
    "subject",
    "claimant",
    "cites",
    "via",
    "stance",
    "text",
    "evidence",
    "outlet",
    "url",
    "doc_id",
    "place",
    "time",
];

pub fn claim_csv(c: &ClaimRow) -> Vec<String> {
    vec![
        c.id.clone(),
        c.date.clone().unwrap_or_default(),
        c.value.to_string(),
        c.value_hi.map(|v| v.to_string()).unwrap_or_default(),
        c.qualifier.clone(),
        c.measure.clone(),
        c.subject.clone().unwrap_or_default(),
        c.claimant_name.clone().unwrap_or_default(),
        c.cites_name.join("; "),
        c.via_name.join("; "),
        c.stance.clone(),
        c.text.clone(),
        c.evidence.clone(),
        c.outlet.clone().unwrap_or_default(),
        c.url.clone().unwrap_or_default(),
        c.doc_id.clone(),
        c.place.clone().unwrap_or_default(),
        c.time.clone().unwrap_or_default(),
    ]
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
pub fn write_csv(
    out: &mut impl Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    csv_line(out, &mut header.iter().copied())?;
    write_csv_rows(out, rows)
}

/// CSV rows without a header (for output written a page at a time).
pub fn write_csv_rows(
    out: &mut impl Write,
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    for row in rows {
        csv_line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

fn csv_line(out: &mut impl Write, cells: &mut dyn Iterator<Item = &str>) -> io::Result<()> {
    let mut first = true;
    for cell in cells {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        if cell.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", cell.replace('"', "\"\""))?;
        } else {
            out.write_all(cell.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

fn check_date(date: &str) -> Result<()> {
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !ok {
        anyhow::bail!("{date}: not an ISO date (expected YYYY-MM-DD)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["a", "b"],
            [vec!["plain".to_string(), "said \"300\", then".to_string()]].into_iter(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\nplain,\"said \"\"300\"\", then\"\r\n"
        );
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(check_date("2031-05-05").is_ok());
        assert!(check_date("05/05/2031").is_err());
        assert!(check_date("2031-5-5").is_err());
    }
}
