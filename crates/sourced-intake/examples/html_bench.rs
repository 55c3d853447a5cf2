//! HTML main-content benchmark on `shared/data/html`:
//! `cargo run --release -p sourced-intake --example html_bench [DIR]`
//! Prints precision / recall / F1 (whitespace 4-word shingles, the project's
//! metric, plus the published benchmark's `\w+` variant) and throughput.

#[path = "../../sourced-eval/src/html.rs"]
#[allow(dead_code)]
mod score;

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html")
        });
    let t = Instant::now();
    let pairs = match sourced_intake::html_benchmark_pairs(&dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let secs = t.elapsed().as_secs_f64();
    let bytes = html_bytes(&dir);
    let s = score::score_pages(pairs.iter().map(|(_, p, g)| (p.clone(), g.clone())));
    let c =
        score::score_pages_benchmark_compat(pairs.iter().map(|(_, p, g)| (p.clone(), g.clone())));
    let empty = pairs.iter().filter(|(_, p, _)| p.is_empty()).count();
    println!(
        "pages={} precision={:.4} recall={:.4} f1={:.4} (benchmark-compat: p={:.4} r={:.4} f1={:.4}) empty={} time={:.2}s ({:.1} MB/s of HTML, incl. gunzip+decode)",
        s.pages, s.precision, s.recall, s.f1, c.precision, c.recall, c.f1, empty, secs,
        bytes as f64 / 1e6 / secs
    );
    if let Ok(dump) = std::env::var("HTML_BENCH_DUMP") {
        let _ = std::fs::create_dir_all(&dump);
        for (id, p, _) in &pairs {
            let _ = std::fs::write(PathBuf::from(&dump).join(format!("{id}.txt")), p);
        }
    }
}

/// Uncompressed size of all pages (for MB/s).
fn html_bytes(dir: &std::path::Path) -> u64 {
    use std::io::Read;
    let mut total = 0u64;
    if let Ok(rd) = std::fs::read_dir(dir.join("html")) {
        for e in rd.flatten() {
            if let Ok(f) = std::fs::File::open(e.path()) {
                let mut d = flate2::read::MultiGzDecoder::new(f);
                total += std::io::copy(&mut d, &mut std::io::sink()).unwrap_or(0);
                let _ = d.read(&mut [0u8; 0]);
            }
        }
    }
    total
}
