//! Timeline and conflicts for one subject in a ledger of 1,000,000 claims (100,000 documents,
//! 1,000 subjects, 400 sources, two years, each document naming two of 30 places), on SQLite. The ledger is generated once into
//! `target/bench-ledger-1m.db` and reused; delete the file to rebuild it.
//!
//! `cargo bench -p sourced-store --bench queries`

use criterion::{criterion_group, criterion_main, Criterion};
use sourced_store::sql::Value;
use sourced_store::Store;
use std::path::PathBuf;
use std::time::Instant;

const DOCUMENTS: usize = 100_000;
const CLAIMS_PER_DOCUMENT: usize = 10;
const SUBJECTS: usize = 1_000;
const SOURCES: usize = 400;
const MEASURES: [&str; 5] = ["killed", "wounded", "captured", "displaced", "missing"];
const QUALIFIERS: [&str; 4] = ["exact", "approx", "more_than", "at_least"];
/// Places documents name: the event scope of their claims is read from these.
const PLACES: usize = 30;
const PLACES_PER_DOCUMENT: usize = 2;

/// "Kestrel Brigade aab troops": letters, because subject keys drop bare numbers.
fn subject_name(i: usize) -> String {
    let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
    format!(
        "Kestrel Brigade {}{}{} troops",
        letter(i / 676),
        letter(i / 26),
        letter(i)
    )
}

fn ledger_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-ledger-1m.db")
}

/// A deterministic pseudo-random sequence (no dependency for one benchmark).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn build(path: &PathBuf) -> Store {
    let mut store = Store::open(path.to_str().unwrap()).unwrap();
    let stats = store.stats().unwrap();
    if stats.claims as usize == DOCUMENTS * CLAIMS_PER_DOCUMENT
        && stats.entities as usize == DOCUMENTS * PLACES_PER_DOCUMENT
    {
        return store;
    }
    drop(store);
    let _ = std::fs::remove_file(path);
    let started = Instant::now();
    let mut store = Store::open(path.to_str().unwrap()).unwrap();
    let mut rng = Lcg(7);
    let conn = store.connection();
    conn.begin().unwrap();
    for s in 0..SUBJECTS {
        let key = sourced_store::subject_key(&subject_name(s));
        conn.execute("INSERT INTO subjects (key) VALUES ($1)", &[key.into()])
            .unwrap();
    }
    for d in 0..DOCUMENTS {
        let doc_id = format!("{:064x}", d);
        let day = rng.next(730);
        let date = format!(
            "{:04}-{:02}-{:02}",
            2030 + day / 365,
            1 + day % 365 / 31 % 12,
            1 + day % 28
        );
        let outlet = format!("outlet{}.example", rng.next(50));
        conn.execute(
            "INSERT INTO documents (id, url, outlet, published, text, removed, words, minhash,
                 ingested_at)
             VALUES ($1, $2, $3, $4, $5, '[]', 40, '', '2031-01-01T00:00:00Z')",
            &[
                doc_id.clone().into(),
                format!("https://{outlet}/{d}").into(),
                outlet.into(),
                date.clone().into(),
                "A generated report.".into(),
            ],
        )
        .unwrap();
        for p in 0..PLACES_PER_DOCUMENT {
            let place = format!("Place {}", rng.next(PLACES));
            conn.execute(
                "INSERT INTO entities (doc_id, id, name, key, kind, aliases, mentions)
                 VALUES ($1, $2, $3, $4, 'place', '[]', $5)",
                &[
                    doc_id.clone().into(),
                    format!("e{p}").into(),
                    place.clone().into(),
                    place.to_lowercase().into(),
                    (3 - p as i64).into(),
                ],
            )
            .unwrap();
        }
        for c in 0..CLAIMS_PER_DOCUMENT {
            let subject = subject_name(rng.next(SUBJECTS));
            let source = rng.next(SOURCES);
            let value = (10 + rng.next(2000)) as f64;
            conn.execute(
                "INSERT INTO claims (id, doc_id, value, unit, qualifier, measure, subject,
                     subject_key, claimant_name, claimant_key, cites_name, via_name, stance, date,
                     span_start, span_end, text, evidence_start, evidence_end, evidence)
                 VALUES ($1, $2, $3, 'count', $4, $5, $6, $7, $8, $9, '[]', '[]', 'asserted', $10,
                     0, 3, $11, 0, 40, $12)",
                &[
                    format!("{}:c{c}", &doc_id[48..]).into(),
                    doc_id.clone().into(),
                    value.into(),
                    QUALIFIERS[rng.next(QUALIFIERS.len())].into(),
                    MEASURES[rng.next(MEASURES.len())].into(),
                    subject.clone().into(),
                    sourced_store::subject_key(&subject).into(),
                    format!("Source {source}").into(),
                    format!("source {source}").into(),
                    date.clone().into(),
                    format!("{value}").into(),
                    Value::from(format!(
                        "Source {source} said {value} {subject} were counted."
                    )),
                ],
            )
            .unwrap();
        }
    }
    conn.commit().unwrap();
    eprintln!(
        "built {} in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    store
}

fn queries(c: &mut Criterion) {
    let mut store = build(&ledger_path());
    let subject = subject_name(17);
    let rows = store.timeline(&subject, "killed").unwrap();
    let conflicts = store.conflicts(Some(&subject), 14).unwrap();
    eprintln!(
        "{subject}: {} timeline rows, {} conflicts",
        rows.len(),
        conflicts.len()
    );
    let mut group = c.benchmark_group("ledger-1m-claims");
    group.sample_size(20);
    group.bench_function("timeline one subject", |b| {
        b.iter(|| store.timeline(&subject, "killed").unwrap())
    });
    group.bench_function("conflicts one subject", |b| {
        b.iter(|| store.conflicts(Some(&subject), 14).unwrap())
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
