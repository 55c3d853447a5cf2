//! Scores sourced's output against gold data: the seed article's expected ledger, PolNeAR
//! attributions, VOA claims and HTML article bodies. Each scorer prints nothing; it returns
//! numbers the CLI reports and CI compares with floors.

pub mod claims;
pub mod html;
pub mod quotes;
pub mod seed;

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The shared data folder: `$SOURCED_SHARED`, else `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SOURCED_SHARED") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

pub(crate) fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a JSONL file into values, naming the line of any record that does not parse.
pub(crate) fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, EvalError> {
    let text = read(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| EvalError::Format {
                path: path.to_path_buf(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Precision, recall and F1 from counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: usize, predicted: usize, gold: usize) -> Prf {
        let precision = if predicted == 0 {
            0.0
        } else {
            tp as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            tp,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// The share `num / den`, 0 when there is nothing to share.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// `[start, end)` code-point spans as the JSON gives them.
pub(crate) fn span_of(v: &serde_json::Value) -> Option<[usize; 2]> {
    let a = v.as_array()?;
    Some([a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize])
}
