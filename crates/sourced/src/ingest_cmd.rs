//! `sourced ingest`: files and folders into the ledger database.
//!
//! One reader thread walks the inputs in a fixed order and numbers every document; worker
//! threads extract ledgers in parallel; the calling thread puts results back in input order
//! and writes them in batches, one transaction each. Channels are bounded, so memory stays
//! flat whatever the corpus size, and the order of writes (hence which of two near-duplicates
//! counts as the original) does not depend on thread timing.

use crate::extract_cmd::meta_of;
use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sourced_engine::{extract, Ledger, Options};
use sourced_intake::RawDocument;
use sourced_store::{Outcome, Store, ToStore};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

#[derive(Args)]
pub struct IngestArgs {
    /// Files and folders (searched recursively for .txt, .md, .html, .htm, .jsonl, .ndjson,
    /// .rss, .atom, .xml feeds and .warc archives, each optionally .gz). A file named here is
    /// read whatever its extension.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The ledger: a SQLite file, or a postgres:// URL.
    #[arg(long, default_value = sourced_store::DEFAULT_DB, env = "SOURCED_DB")]
    db: String,
    /// Extraction threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// What the reader hands to the workers, numbered in input order.
enum Item {
    Doc(RawDocument),
    /// A file or record that could not be read: reported, counted, skipped.
    Failed(String),
    /// Input bytes read without a document of their own (for the progress bar).
    Consumed,
}

enum Extracted {
    Doc(Box<ToStore>),
    Failed(String),
    Consumed,
}

#[derive(Default)]
struct Summary {
    new: usize,
    unchanged: usize,
    duplicates: usize,
    revisions: usize,
    failed: usize,
    claims: usize,
    quotes: usize,
    words: usize,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let files = discover(&args.paths)?;
    let total_bytes: u64 = files.iter().map(|(_, size)| size).sum();
    let mut store = Store::open(&args.db)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let batch_size = args.batch.max(1);

    let progress = progress_bar(total_bytes, args.quiet);
    let started = Instant::now();
    let (item_tx, item_rx) = sync_channel::<(usize, Item, u64)>(jobs * 64);
    let (done_tx, done_rx) = sync_channel::<(usize, Extracted, u64)>(jobs * 64);

    // The reader stays at most this many documents ahead of the writer, so the documents
    // held in flight (and in the writer's reordering buffer) are bounded even when one huge
    // document holds up the order.
    let window = Arc::new(Window::new(jobs * 64 + batch_size));
    let reader = {
        let files = files.clone();
        let window = Arc::clone(&window);
        thread::spawn(move || read_all(&files, &item_tx, &window))
    };
    let item_rx = Arc::new(Mutex::new(item_rx));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let rx = Arc::clone(&item_rx);
            let tx = done_tx.clone();
            thread::spawn(move || work(&rx, &tx))
        })
        .collect();
    drop(done_tx);

    let mut summary = Summary::default();
    let result = write_in_order(
        &mut store,
        &done_rx,
        &window,
        batch_size,
        &progress,
        &mut summary,
    );
    window.close();
    // On a write error the channels close as this thread stops receiving; the threads end.
    drop(done_rx);
    for w in workers {
        let _ = w.join();
    }
    let _ = reader.join();
    progress.finish_and_clear();
    result.with_context(|| format!("ingest into {} stopped", store.target()))?;

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let docs = summary.new + summary.unchanged;
        eprintln!(
            "{} documents: {} new ({} duplicates, {} revisions), {} unchanged, {} failed; \
             {} claims, {} quotes; {:.1} s, {:.0} documents/s, {:.0} words/s → {}",
            docs + summary.failed,
            summary.new,
            summary.duplicates,
            summary.revisions,
            summary.unchanged,
            summary.failed,
            summary.claims,
            summary.quotes,
            secs,
            docs as f64 / secs,
            summary.words as f64 / secs,
            store.target()
        );
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files to read, in a stable order, with their sizes (for the progress bar).
fn discover(paths: &[PathBuf]) -> Result<Vec<(PathBuf, u64)>> {
    let mut out = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
        if meta.is_dir() {
            walk(path, &mut out).with_context(|| format!("{}: cannot list", path.display()))?;
        } else {
            out.push((path.clone(), meta.len()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64)>) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if is_article_file(&path) {
            out.push((path, entry.metadata()?.len()));
        }
    }
    Ok(())
}

fn is_article_file(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [
        ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".rss", ".atom",
        ".xml", ".warc",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// Reads every file, numbering documents in order. Each item carries the input bytes it
/// accounts for, so the progress bar advances by file size.
/// How far the reader may run ahead of the writer.
struct Window {
    size: usize,
    /// Documents the writer has taken in order; `usize::MAX` once it stopped.
    done: Mutex<usize>,
    moved: Condvar,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            size,
            done: Mutex::new(0),
            moved: Condvar::new(),
        }
    }

    /// Blocks until document `seq` may be sent.
    fn wait_for(&self, seq: usize) {
        let Ok(mut done) = self.done.lock() else {
            return;
        };
        while seq >= done.saturating_add(self.size) {
            match self.moved.wait(done) {
                Ok(d) => done = d,
                Err(_) => return,
            }
        }
    }

    fn advance(&self, done: usize) {
        if let Ok(mut d) = self.done.lock() {
            *d = done;
        }
        self.moved.notify_all();
    }

    fn close(&self) {
        self.advance(usize::MAX);
    }
}

fn read_all(files: &[(PathBuf, u64)], tx: &SyncSender<(usize, Item, u64)>, window: &Window) {
    let mut seq = 0;
    let mut send = |item: Item, bytes: u64| {
        window.wait_for(seq);
        let ok = tx.send((seq, item, bytes)).is_ok();
        seq += 1;
        ok
    };
    for (path, size) in files {
        let stream = match sourced_intake::open(path) {
            Ok(stream) => stream,
            Err(e) => {
                if !send(Item::Failed(e.to_string()), *size) {
                    return;
                }
                continue;
            }
        };
        let mut accounted = 0u64;
        for doc in stream {
            let item = match doc {
                Ok(doc) => {
                    // Text bytes approximate the file bytes consumed (exact for .txt).
                    let step = (doc.text.len() as u64).min(size.saturating_sub(accounted));
                    accounted += step;
                    if !send(Item::Doc(doc), step) {
                        return;
                    }
                    continue;
                }
                Err(e) => Item::Failed(e.to_string()),
            };
            if !send(item, 0) {
                return;
            }
        }
        if accounted < *size && !send(Item::Consumed, size - accounted) {
            return;
        }
    }
}

fn work(rx: &Mutex<Receiver<(usize, Item, u64)>>, tx: &SyncSender<(usize, Extracted, u64)>) {
    loop {
        let next = rx.lock().map(|rx| rx.recv());
        let Ok(Ok((seq, item, bytes))) = next else {
            return;
        };
        let out = match item {
            Item::Failed(msg) => Extracted::Failed(msg),
            Item::Consumed => Extracted::Consumed,
            Item::Doc(raw) => {
                // The engine is not supposed to panic; if it does on some input, that
                // document fails and the ingest goes on.
                let ledger = catch_unwind(AssertUnwindSafe(|| {
                    Ledger::from_doc(&extract(&raw.text, meta_of(&raw), Options::default()))
                }));
                match ledger {
                    Ok(ledger) => Extracted::Doc(Box::new(ToStore::new(ledger, &raw.origin))),
                    Err(_) => Extracted::Failed(format!(
                        "{}: internal error while extracting; document skipped",
                        raw.origin
                    )),
                }
            }
        };
        if tx.send((seq, out, bytes)).is_err() {
            return;
        }
    }
}

/// Receives extracted documents, restores input order, writes them in batches.
fn write_in_order(
    store: &mut Store,
    rx: &Receiver<(usize, Extracted, u64)>,
    window: &Window,
    batch_size: usize,
    progress: &ProgressBar,
    summary: &mut Summary,
) -> Result<()> {
    let mut pending: BTreeMap<usize, (Extracted, u64)> = BTreeMap::new();
    let mut next = 0;
    let mut batch: Vec<ToStore> = Vec::with_capacity(batch_size);
    let mut batch_bytes = 0u64;
    let mut last_write = Instant::now();
    loop {
        let received = rx.recv_timeout(Duration::from_millis(200));
        let closed = matches!(
            received,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected)
        );
        if let Ok((seq, item, bytes)) = received {
            pending.insert(seq, (item, bytes));
        }
        while let Some((item, bytes)) = pending.remove(&next) {
            next += 1;
            window.advance(next);
            batch_bytes += bytes;
            match item {
                Extracted::Doc(doc) => batch.push(*doc),
                Extracted::Consumed => {}
                Extracted::Failed(msg) => {
                    summary.failed += 1;
                    progress.suspend(|| eprintln!("sourced: {msg}"));
                }
            }
        }
        let due = batch.len() >= batch_size
            || (!batch.is_empty() && last_write.elapsed() > Duration::from_secs(1));
        if due || closed {
            write_batch(store, &mut batch, summary)?;
            progress.inc(batch_bytes);
            batch_bytes = 0;
            last_write = Instant::now();
        }
        if closed {
            // Everything sent has arrived; a gap means a worker died with a document in hand.
            if !pending.is_empty() {
                anyhow::bail!(
                    "internal error: {} documents after #{next} were extracted but not stored",
                    pending.len()
                );
            }
            return Ok(());
        }
    }
}

fn write_batch(store: &mut Store, batch: &mut Vec<ToStore>, summary: &mut Summary) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcomes = store.write_batch(batch)?;
    for (doc, outcome) in batch.iter().zip(outcomes) {
        match outcome {
            Outcome::New {
                dup_of,
                revision_of,
                claims,
                quotes,
                ..
            } => {
                summary.new += 1;
                summary.duplicates += usize::from(dup_of.is_some());
                summary.revisions += usize::from(revision_of.is_some());
                summary.claims += claims;
                summary.quotes += quotes;
            }
            Outcome::Unchanged { .. } => summary.unchanged += 1,
        }
        summary.words += doc.ledger.document.text.split_whitespace().count();
    }
    batch.clear();
    Ok(())
}

fn progress_bar(total_bytes: u64, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

#[cfg(test)]
mod tests {
    use super::is_article_file;
    use std::path::Path;

    #[test]
    fn folders_yield_article_files_only() {
        for name in [
            "a.txt",
            "b.HTML",
            "c.jsonl.gz",
            "d.md",
            "e.ndjson",
            "f.rss",
            "g.warc.gz",
        ] {
            assert!(is_article_file(Path::new(name)), "{name}");
        }
        for name in ["a.png", "b.db", "c.gz", "README"] {
            assert!(!is_article_file(Path::new(name)), "{name}");
        }
    }
}
