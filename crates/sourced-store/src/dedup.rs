//! Near-duplicate detection: a MinHash signature of each document's word 5-shingles, split
//! into locality-sensitive bands. Syndicated wire copy with a new headline or a trimmed last
//! paragraph shares most shingles with the original, so it shares a band and its estimated
//! Jaccard similarity clears [`DUPLICATE_SIMILARITY`].

use xxhash_rust::xxh3::xxh3_64;

pub const PERMUTATIONS: usize = 64;
pub const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;
const SHINGLE: usize = 5;

/// Estimated Jaccard similarity from which a document counts as a copy of an earlier one.
/// A copy that drops one of six equal paragraphs scores about 0.8; two reports of the same
/// event in different words score well under 0.3.
pub const DUPLICATE_SIMILARITY: f64 = 0.7;

pub type Signature = [u64; PERMUTATIONS];

/// Odd multipliers and offsets of the hash permutations, derived from fixed seeds so every
/// build computes the same signatures (they are stored).
fn permutation(k: usize) -> (u64, u64) {
    let a = xxh3_64(&(k as u64).to_le_bytes()) | 1;
    let b = xxh3_64(&((k as u64) ^ 0x9e37_79b9_7f4a_7c15).to_le_bytes());
    (a, b)
}

pub fn signature(text: &str) -> Signature {
    let perms: Vec<(u64, u64)> = (0..PERMUTATIONS).map(permutation).collect();
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| xxh3_64(w.to_lowercase().as_bytes()))
        .collect();
    let mut sig = [u64::MAX; PERMUTATIONS];
    let mut add = |h: u64| {
        for (slot, (a, b)) in sig.iter_mut().zip(&perms) {
            let v = h.wrapping_mul(*a).wrapping_add(*b);
            if v < *slot {
                *slot = v;
            }
        }
    };
    if words.len() < SHINGLE {
        // A very short text is its own single shingle.
        add(words.iter().fold(0, |acc, w| acc.rotate_left(7) ^ w));
    } else {
        for window in words.windows(SHINGLE) {
            add(window.iter().fold(0, |acc, w| acc.rotate_left(7) ^ w));
        }
    }
    sig
}

/// The band keys of a signature, one per band, as signed integers for the database. A key
/// hashes the band's number with its rows, so equal rows in different bands do not meet.
pub fn bands(sig: &Signature) -> [i64; BANDS] {
    let mut out = [0i64; BANDS];
    for (band, rows) in sig.chunks(ROWS).enumerate() {
        let mut bytes = [0u8; ROWS * 8 + 8];
        for (i, v) in rows.iter().enumerate() {
            bytes[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
        }
        bytes[ROWS * 8..].copy_from_slice(&(band as u64).to_le_bytes());
        out[band] = xxh3_64(&bytes) as i64;
    }
    out
}

pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / PERMUTATIONS as f64
}

pub fn to_hex(sig: &Signature) -> String {
    sig.iter().map(|v| format!("{v:016x}")).collect()
}

pub fn from_hex(hex: &str) -> Option<Signature> {
    if hex.len() != PERMUTATIONS * 16 || !hex.is_ascii() {
        return None;
    }
    let mut sig = [0u64; PERMUTATIONS];
    for (i, slot) in sig.iter_mut().enumerate() {
        *slot = u64::from_str_radix(&hex[i * 16..i * 16 + 16], 16).ok()?;
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPHS: [&str; 6] = [
        "Heavy rain closed the mountain pass above Varnholm on Tuesday, stranding forty trucks.",
        "The regional council said crews would need at least two days to clear the mud.",
        "Drivers waited in a lay-by with little food while the police turned back cars.",
        "A council engineer said the slope had been monitored since a smaller slide in spring.",
        "Farmers in the valley reported flooded fields and several drowned sheep overnight.",
        "The weather service expects the rain to ease on Thursday before a colder weekend.",
    ];

    #[test]
    fn a_trimmed_copy_is_a_near_duplicate_and_a_new_story_is_not() {
        let full = PARAGRAPHS.join("\n\n");
        let trimmed = PARAGRAPHS[..5].join("\n\n");
        let other = "The harbour authority opened a second ferry berth on Monday after two years \
                     of work, and said sailings to the islands would double in summer.";
        let (a, b, c) = (signature(&full), signature(&trimmed), signature(other));
        assert!(
            similarity(&a, &b) >= DUPLICATE_SIMILARITY,
            "{}",
            similarity(&a, &b)
        );
        assert!(similarity(&a, &c) < 0.2);
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
        assert_eq!(from_hex(&to_hex(&a)), Some(a));
    }
}
