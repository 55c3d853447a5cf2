//! `kill -9` during `sourced ingest`, for real, at random moments: every document in the
//! database afterwards is complete (its rows match an uninterrupted ingest), and re-running
//! the ingest finishes the job with the same ledger.

use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const PLACES: [&str; 6] = ["Drevna", "Olst", "Marrow Ford", "Kestel", "Varn", "Ilbury"];
const SOURCES: [&str; 4] = [
    "the Karstan defence ministry",
    "Valoria's army",
    "a regional governor",
    "an independent monitoring group",
];

/// A corpus of distinct invented reports, as JSONL.
fn write_corpus(path: &Path, docs: usize) {
    let mut out = String::new();
    for i in 0..docs {
        let place = PLACES[i % PLACES.len()];
        let source = SOURCES[i % SOURCES.len()];
        let text = format!(
            "At least {killed} Valorian soldiers were killed near {place} on day {i}, {source} said.\n\n\
             About {wounded} more were wounded, spokesman Aldo Brenn told reporters. \"We hold the \
             line at {place},\" Brenn said in report number {i}.\n\n\
             Farmers around {place} said {cattle} cattle had been lost to the shelling since spring.",
            killed = 10 + i % 97,
            wounded = 30 + i % 113,
            cattle = 200 + i,
        );
        let record = serde_json::json!({
            "id": format!("r{i}"),
            "url": format!("https://wire.example/{i}"),
            "published": format!("2031-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "text": text,
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn ingest(db: &Path, corpus: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sourced"));
    cmd.args(["ingest", "--quiet", "--batch", "16", "--db"])
        .arg(db)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Rows per stored document: (entities, quotes, claims).
fn rows_per_document(db: &Path) -> BTreeMap<String, (i64, i64, i64)> {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn
        .prepare(
            "SELECT d.id,
                (SELECT COUNT(*) FROM entities e WHERE e.doc_id = d.id),
                (SELECT COUNT(*) FROM quotes q WHERE q.doc_id = d.id),
                (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id)
             FROM documents d",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows
}

#[test]
fn killing_ingest_loses_no_committed_document_and_leaves_no_partial_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, 1500);

    let reference_db = dir.path().join("reference.db");
    let started = Instant::now();
    assert!(ingest(&reference_db, &corpus).status().unwrap().success());
    let full_run = started.elapsed();
    let reference = rows_per_document(&reference_db);
    assert_eq!(reference.len(), 1500);
    assert!(reference.values().all(|&(e, q, c)| e > 0 && q > 0 && c > 0));

    let db = dir.path().join("killed.db");
    // A fixed-seed generator: the moments differ between kills but the test is repeatable.
    let mut seed: u64 = 0x5eed_cafe;
    let mut stored_before = 0;
    let mut interrupted_midway = 0;
    for round in 0..8 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let fraction = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let delay = full_run.mul_f64(0.1 + 0.8 * fraction);
        let mut child = ingest(&db, &corpus).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !db.exists() {
            continue;
        }
        let stored = rows_per_document(&db);
        for (id, rows) in &stored {
            assert_eq!(
                reference.get(id),
                Some(rows),
                "round {round}: document {id} is partial or unknown after kill -9"
            );
        }
        assert!(
            stored.len() >= stored_before,
            "round {round}: committed documents were lost ({} → {})",
            stored_before,
            stored.len()
        );
        stored_before = stored.len();
        interrupted_midway += usize::from(!stored.is_empty() && stored.len() < reference.len());
        if stored.len() == reference.len() {
            break;
        }
    }

    // Without a kill between two commits the test would prove nothing.
    assert!(
        interrupted_midway > 0,
        "no kill landed mid-ingest; the corpus is too small"
    );
    assert!(ingest(&db, &corpus).status().unwrap().success());
    assert_eq!(rows_per_document(&db), reference);
    // Nothing was counted twice: a finished ingest run again stores nothing new.
    assert!(ingest(&db, &corpus).status().unwrap().success());
    assert_eq!(rows_per_document(&db), reference);
}
