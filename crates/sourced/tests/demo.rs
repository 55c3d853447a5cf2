//! The README's main job on the demo corpus: one report per row in the timeline, the wire
//! copy folded into the story it copies, and the week's disagreement listed as a conflict.

use serde_json::Value;
use std::process::Command;

fn sourced(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
}

/// A database in `dir` holding the demo corpus.
fn demo_db(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("demo.db").to_str().unwrap().to_string();
    sourced(&["demo", "--db", &db]);
    db
}

#[test]
fn the_demo_timeline_lists_each_report_once_and_folds_the_wire_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let db = db.as_str();
    // Running it again stores nothing twice.
    sourced(&["demo", "--db", db]);

    let timeline = sourced(&[
        "timeline",
        "--db",
        db,
        "--format",
        "json",
        "Valorian troops",
        "killed",
    ]);
    let rows = timeline.as_array().unwrap();
    assert!(rows.len() >= 10, "{rows:#?}");
    let key = |r: &Value| {
        (
            r["doc_id"].as_str().unwrap().to_string(),
            r["value"].as_f64().unwrap() as i64,
            r["qualifier"].as_str().unwrap().to_string(),
        )
    };
    let mut seen = std::collections::HashSet::new();
    for r in rows {
        assert!(seen.insert(key(r)), "listed twice: {r:#}");
        assert!(r["dup_of"].is_null(), "a wire copy has its own row: {r:#}");
    }
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let first = &rows[0];
    assert_eq!(
        (first["value"].as_f64(), first["qualifier"].as_str()),
        (Some(40.0), Some("at_least"))
    );
    assert_eq!(first["copies"].as_array().unwrap().len(), 1, "{first:#}");

    let conflicts = sourced(&[
        "conflicts",
        "--db",
        db,
        "--format",
        "json",
        "--subject",
        "Valorian soldiers",
    ]);
    let pairs: Vec<(i64, i64)> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["a"]["value"].as_f64().unwrap() as i64,
                c["b"]["value"].as_f64().unwrap() as i64,
            )
        })
        .collect();
    assert!(
        pairs.contains(&(300, 12)),
        "the Karstan 300 against the Valorian 12: {pairs:?}"
    );
    // The Karstan ministry's 500 was withdrawn by the ministry itself a week later: the
    // figure stays in the timeline, marked, and takes no part in conflicts.
    let withdrawn: Vec<&Value> = rows.iter().filter(|r| r["value"] == 500.0).collect();
    assert!(
        withdrawn.iter().any(|r| r["retracted_by"].is_string()),
        "{withdrawn:#?}"
    );
    assert!(
        !pairs.iter().any(|&(a, b)| a == 500 || b == 500),
        "{pairs:?}"
    );
}

#[test]
fn the_ledger_exports_to_parquet_with_every_claim() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let db = db.as_str();
    let claims = sourced(&["claims", "--db", db, "--format", "json"]);
    let claims = claims.as_array().unwrap();

    let file = dir.path().join("claims.parquet");
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["export", "--db", db, "--format", "parquet", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let reader = SerializedFileReader::try_from(file.as_path()).unwrap();
    assert_eq!(
        reader.metadata().file_metadata().num_rows() as usize,
        claims.len()
    );
    let mut seen = 0;
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let id = row.get_string(0).unwrap();
        let claim = claims.iter().find(|c| c["id"] == id.as_str()).unwrap();
        assert_eq!(row.get_double(2).unwrap(), claim["value"].as_f64().unwrap());
        assert_eq!(
            row.get_string(5).unwrap(),
            claim["measure"].as_str().unwrap()
        );
        seen += 1;
    }
    assert_eq!(seen, claims.len());

    // Parquet is a file format: standard output is refused with a message, not garbage.
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["export", "--db", db, "--format", "parquet"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}
