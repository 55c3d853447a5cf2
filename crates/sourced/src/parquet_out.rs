//! Claims as a Parquet file, for pandas, Polars, DuckDB, R and Spark users. Written with the
//! `parquet` crate's column writer (no Arrow: a fraction of the build), one row group per
//! page of claims, Snappy-compressed, so memory stays flat whatever the ledger's size.

use anyhow::{Context, Result};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use sourced_store::ClaimRow;
use std::io::Write;
use std::sync::Arc;

/// The columns, in order; the same as the CSV export's (lists joined with "; ").
const SCHEMA: &str = "message claim {
    REQUIRED BYTE_ARRAY id (UTF8);
    OPTIONAL BYTE_ARRAY date (UTF8);
    REQUIRED DOUBLE value;
    OPTIONAL DOUBLE value_hi;
    REQUIRED BYTE_ARRAY qualifier (UTF8);
    REQUIRED BYTE_ARRAY measure (UTF8);
    OPTIONAL BYTE_ARRAY subject (UTF8);
    OPTIONAL BYTE_ARRAY claimant (UTF8);
    OPTIONAL BYTE_ARRAY cites (UTF8);
    OPTIONAL BYTE_ARRAY via (UTF8);
    REQUIRED BYTE_ARRAY stance (UTF8);
    REQUIRED BYTE_ARRAY text (UTF8);
    REQUIRED BYTE_ARRAY evidence (UTF8);
    OPTIONAL BYTE_ARRAY outlet (UTF8);
    OPTIONAL BYTE_ARRAY url (UTF8);
    REQUIRED BYTE_ARRAY doc_id (UTF8);
    OPTIONAL BYTE_ARRAY place (UTF8);
    OPTIONAL BYTE_ARRAY time (UTF8);
}";

/// One column of a page of claims.
enum Column {
    Text(Vec<Option<String>>),
    Number(Vec<Option<f64>>),
}

fn text(v: Option<&str>) -> Option<String> {
    v.map(str::to_string)
}

fn list(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join("; "))
}

/// The page's columns in schema order, each with whether it is OPTIONAL.
fn columns(page: &[ClaimRow]) -> Vec<(bool, Column)> {
    let texts =
        |f: &dyn Fn(&ClaimRow) -> Option<String>| Column::Text(page.iter().map(f).collect());
    let numbers =
        |f: &dyn Fn(&ClaimRow) -> Option<f64>| Column::Number(page.iter().map(f).collect());
    vec![
        (false, texts(&|c| Some(c.id.clone()))),
        (true, texts(&|c| c.date.clone())),
        (false, numbers(&|c| Some(c.value))),
        (true, numbers(&|c| c.value_hi)),
        (false, texts(&|c| Some(c.qualifier.clone()))),
        (false, texts(&|c| Some(c.measure.clone()))),
        (true, texts(&|c| c.subject.clone())),
        (true, texts(&|c| c.claimant_name.clone())),
        (true, texts(&|c| list(&c.cites_name))),
        (true, texts(&|c| list(&c.via_name))),
        (false, texts(&|c| Some(c.stance.clone()))),
        (false, texts(&|c| Some(c.text.clone()))),
        (false, texts(&|c| Some(c.evidence.clone()))),
        (true, texts(&|c| text(c.outlet.as_deref()))),
        (true, texts(&|c| text(c.url.as_deref()))),
        (false, texts(&|c| Some(c.doc_id.clone()))),
        (true, texts(&|c| c.place.clone())),
        (true, texts(&|c| c.time.clone())),
    ]
}

pub struct ParquetClaims<W: Write + Send> {
    writer: SerializedFileWriter<W>,
}

impl<W: Write + Send> ParquetClaims<W> {
    pub fn new(sink: W) -> Result<Self> {
        let schema = Arc::new(parse_message_type(SCHEMA).context("parquet schema")?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let writer = SerializedFileWriter::new(sink, schema, props)?;
        Ok(ParquetClaims { writer })
    }

    /// Writes one page of claims as a row group.
    pub fn write_page(&mut self, page: &[ClaimRow]) -> Result<()> {
        if page.is_empty() {
            return Ok(());
        }
        let mut columns = columns(page).into_iter();
        let mut group = self.writer.next_row_group()?;
        while let Some(mut writer) = group.next_column()? {
            let (optional, column) = columns
                .next()
                .context("parquet schema and columns disagree")?;
            // Optional columns take a definition level per row (1 present, 0 null); required
            // ones take none.
            let levels = |present: Vec<bool>| -> Option<Vec<i16>> {
                optional.then(|| present.into_iter().map(i16::from).collect())
            };
            match column {
                Column::Text(values) => {
                    let levels = levels(values.iter().map(Option::is_some).collect());
                    let present: Vec<ByteArray> = values
                        .into_iter()
                        .flatten()
                        .map(|s| ByteArray::from(s.into_bytes()))
                        .collect();
                    writer.typed::<ByteArrayType>().write_batch(
                        &present,
                        levels.as_deref(),
                        None,
                    )?;
                }
                Column::Number(values) => {
                    let levels = levels(values.iter().map(Option::is_some).collect());
                    let present: Vec<f64> = values.into_iter().flatten().collect();
                    writer
                        .typed::<DoubleType>()
                        .write_batch(&present, levels.as_deref(), None)?;
                }
            }
            writer.close()?;
        }
        group.close()?;
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        self.writer.close()?;
        Ok(())
    }
}
