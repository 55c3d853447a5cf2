//! Reading the HTML extraction benchmark (`shared/data/html`): gzipped pages in
//! `html/<id>.html.gz` and `ground-truth.json` mapping each id to its
//! `articleBody`. Scoring lives in `sourced-eval` (`html::score_pages`).

use std::io::Read;
use std::path::Path;

use crate::error::IntakeError;
use crate::{decode, html, MAX_DOCUMENT_BYTES};

/// For every page of the benchmark in `dir`: `(id, predicted body, gold body)`,
/// sorted by id. A page where extraction finds nothing gets an empty prediction
/// (it then scores 0); a missing or unreadable page file is an error.
pub fn html_benchmark_pairs(dir: &Path) -> Result<Vec<(String, String, String)>, IntakeError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_origin = gt_path.display().to_string();
    let gt_bytes = std::fs::read(&gt_path).map_err(|source| IntakeError::Io {
        origin: gt_origin.clone(),
        source,
    })?;
    let gt: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&gt_bytes)
        .map_err(|e| IntakeError::Json {
            origin: gt_origin.clone(),
            detail: e.to_string(),
        })?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let gold = gt[id.as_str()]
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let origin = path.display().to_string();
        let file = std::fs::File::open(&path).map_err(|source| IntakeError::Io {
            origin: origin.clone(),
            source,
        })?;
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(file)
            .take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| IntakeError::from_read(&origin, true, e))?;
        let predicted = decode::decode(&bytes, &origin, true)
            .and_then(|page| html::html_to_article(&page, &origin))
            .map(|a| a.text)
            .unwrap_or_default();
        out.push((id.clone(), predicted, gold));
    }
    Ok(out)
}
