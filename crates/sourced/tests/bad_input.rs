//! Bad input never panics: each bad file gets one line on stderr naming it and the problem,
//! the exit code is non-zero, and the good files are still processed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sourced-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

const GOOD: &str =
    "About 40 fishermen were detained near the reef, the coast guard said on Monday.\n";

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = scratch_dir("bad");
    let mut gz = gzip(GOOD.as_bytes());
    gz.truncate(gz.len() / 2);
    let mut huge = vec![b'a'; 50 * 1024 * 1024];
    for i in (0..huge.len()).step_by(7) {
        huge[i] = b' ';
    }
    let bad = [
        write(&dir, "empty.txt", b""),
        write(
            &dir,
            "binary.txt",
            &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0, 0, 3, 0xff, 0],
        ),
        write(&dir, "truncated.txt.gz", &gz),
        write(&dir, "huge.txt", &huge),
        write(
            &dir,
            "nobody.html",
            b"<html><head><title>x</title></head></html>",
        ),
    ];
    let good = write(&dir, "good.txt", GOOD.as_bytes());
    let jsonl = write(
        &dir,
        "mixed.jsonl",
        format!(
            "{{\"id\": \"a\", \"text\": {:?}}}\n{{not json\n{{\"id\": \"c\"}}\n",
            GOOD
        )
        .as_bytes(),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .arg("extract")
        .arg("--format")
        .arg("jsonl")
        .args(&bad)
        .arg(&good)
        .arg(&jsonl)
        .output()
        .expect("run sourced");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "bad input must give a non-zero exit");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for path in &bad {
        let name = path.file_name().unwrap().to_string_lossy();
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(name.as_ref()))
            .collect();
        assert_eq!(lines.len(), 1, "one line for {name} in:\n{stderr}");
    }
    // the bad JSON line and the record without text are named by line
    assert!(stderr.contains("mixed.jsonl:2"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:3"), "{stderr}");
    // the good file and the good record still produce ledgers
    let ledgers: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(ledgers.len(), 2, "{stdout}");
    for l in &ledgers {
        assert_eq!(l["claims"][0]["value"], 40.0);
        assert_eq!(l["claims"][0]["measure"], "detained");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn latin1_text_is_decoded() {
    let dir = scratch_dir("latin1");
    // "café" in Latin-1, inside an otherwise English sentence
    let mut bytes = b"The caf".to_vec();
    bytes.push(0xe9);
    bytes.extend_from_slice(b" closed after 12 workers were arrested, police said.\n");
    let p = write(&dir, "latin1.txt", &bytes);
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["extract", "--format", "json"])
        .arg(&p)
        .output()
        .expect("run sourced");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let l: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(l["document"]["text"].as_str().unwrap().contains("café"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn demo_article_extracts_its_figures() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-clash.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_sourced"))
        .args(["extract", "--format", "json"])
        .arg(&demo)
        .output()
        .expect("run sourced");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let l: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let claims = l["claims"].as_array().unwrap();
    let find = |v: f64| {
        claims
            .iter()
            .find(|c| c["value"] == v && c["same_as"].is_null())
            .unwrap_or_else(|| panic!("no claim {v}"))
    };
    assert_eq!(find(120.0)["qualifier"], "approx");
    assert_eq!(find(120.0)["claimant_name"], "Ilse Marren");
    assert_eq!(find(400.0)["measure"], "wounded");
    // ", citing figures from …" qualifies the report; the figure is still the governor's
    assert_eq!(find(400.0)["claimant_name"], "Ilse Marren");
    assert_eq!(find(400.0)["cites_name"][0], "Valdorian Defence Ministry");
    assert_eq!(find(38.0)["measure"], "captured");
    assert_eq!(find(9000.0)["value_hi"], 12000.0);
    assert_eq!(l["document"]["removed"][0]["text"], "Advertisement");
    assert_eq!(l["stances"][0]["stance"], "no_comment");
}
