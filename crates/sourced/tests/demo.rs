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

#[test]
fn the_demo_timeline_lists_each_report_once_and_folds_the_wire_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    sourced(&["demo", "--db", db]);
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
}
