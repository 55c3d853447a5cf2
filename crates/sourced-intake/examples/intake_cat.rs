//! Prints what intake reads: `cargo run -p sourced-intake --example intake_cat -- FILE... | -`
//! One line per document (origin, id, title, published, url, text length) or error.
//! With `--count` only totals are printed (useful to check memory on large JSONL).

use std::path::Path;

fn main() {
    let mut count_only = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--count" {
            count_only = true;
        } else {
            paths.push(a);
        }
    }
    if paths.is_empty() {
        paths.push("-".to_string());
    }
    let (mut docs, mut errors, mut chars) = (0usize, 0usize, 0usize);
    for p in &paths {
        let stream = match sourced_intake::open(Path::new(p)) {
            Ok(s) => s,
            Err(e) => {
                errors += 1;
                eprintln!("error: {e}");
                continue;
            }
        };
        for item in stream {
            match item {
                Ok(d) => {
                    docs += 1;
                    chars += d.text.chars().count();
                    if !count_only {
                        println!(
                            "{}\tid={}\ttitle={}\tpublished={}\turl={}\tchars={}",
                            d.origin,
                            d.id.as_deref().unwrap_or("-"),
                            d.title.as_deref().unwrap_or("-"),
                            d.published.as_deref().unwrap_or("-"),
                            d.url.as_deref().unwrap_or("-"),
                            d.text.chars().count()
                        );
                    }
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    println!("documents={docs} errors={errors} chars={chars}");
}
