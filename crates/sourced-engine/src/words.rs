//! Fast word-class lookups over the lexicons: one hash probe per token, no allocation for
//! words that fit the stack buffer.

use crate::lexicon::*;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub mod class {
    pub const CUE: u32 = 1;
    pub const ROLE: u32 = 1 << 1;
    pub const ORG_NOUN: u32 = 1 << 2;
    pub const PEOPLE: u32 = 1 << 3;
    pub const SOURCE: u32 = 1 << 4;
    pub const PRON_MALE: u32 = 1 << 5;
    pub const PRON_FEMALE: u32 = 1 << 6;
    pub const PRON_PLURAL: u32 = 1 << 7;
    pub const PRON_IT: u32 = 1 << 8;
    pub const PRON_FIRST: u32 = 1 << 9;
    pub const PLACE_TAIL: u32 = 1 << 10;
    pub const SPEECH: u32 = 1 << 11;
    pub const AUX: u32 = 1 << 12;
    pub const NP_WORD: u32 = 1 << 13;
    pub const EXTRA_CUE: u32 = 1 << 14;
    pub const MEDIUM: u32 = 1 << 15;
}

pub struct Words {
    /// lowercase word (bytes, so lookups need no UTF-8 check) → class bits
    classes: FxHashMap<&'static [u8], u32>,
    /// One bit per (first byte, length, last byte) of the keys of `classes` (see
    /// [`filter_slot`]): a word with no bit set has no class, and about half the words of a
    /// news text are rejected here before any hashing.
    class_filter: Box<[u64; 32 * 32]>,
    /// lowercase cue word → lemma
    cues: FxHashMap<&'static [u8], &'static str>,
    /// exact surface → (kind, canonical)
    pub names: FxHashMap<&'static str, NameInfo>,
    pub titles: FxHashMap<&'static str, ()>,
    pub common_caps: FxHashMap<&'static str, ()>,
    pub org_heads: FxHashMap<&'static str, ()>,
    pub place_heads: FxHashMap<&'static str, ()>,
    pub demonym_adj: FxHashMap<&'static str, &'static str>,
    pub demonym_plural: FxHashMap<&'static str, &'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameInfo {
    /// A country or one of its other names: canonical country.
    Country(&'static str),
    /// A capital or seat of government: stands as an alias of the country.
    Capital(&'static str),
    /// Stands for a country's government but is an entity of its own (the Kremlin).
    Metonym(&'static str),
    Place,
    Org,
}

pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(build)
}

fn build() -> Words {
    let mut classes: FxHashMap<&'static [u8], u32> = FxHashMap::default();
    let mut add = |list: &[&'static str], bit: u32| {
        for w in list {
            *classes.entry(w.as_bytes()).or_default() |= bit;
        }
    };
    add(ROLE_NOUNS, class::ROLE);
    add(ORG_NOUNS, class::ORG_NOUN);
    add(PEOPLE_NOUNS, class::PEOPLE);
    add(SOURCE_NOUNS, class::SOURCE);
    add(PRONOUNS_MALE, class::PRON_MALE);
    add(PRONOUNS_FEMALE, class::PRON_FEMALE);
    add(PRONOUNS_PLURAL, class::PRON_PLURAL);
    add(PRONOUNS_IT, class::PRON_IT);
    add(PRONOUNS_FIRST, class::PRON_FIRST);
    add(PLACE_TAILS, class::PLACE_TAIL);
    add(AUX_ADVERBS, class::AUX);
    add(NP_WORDS, class::NP_WORD);
    add(EXTRA_CUE_WORDS, class::EXTRA_CUE);
    add(BASE_CUE_VERBS, class::EXTRA_CUE);
    add(MEDIUM_NOUNS, class::MEDIUM);
    let mut cues = FxHashMap::default();
    for (w, lemma) in CUE_VERBS {
        cues.insert(w.as_bytes(), *lemma);
        *classes.entry(w.as_bytes()).or_default() |= class::CUE;
        if SPEECH_LEMMAS.contains(lemma) {
            *classes.entry(w.as_bytes()).or_default() |= class::SPEECH;
        }
    }
    let mut class_filter = Box::new([0u64; 32 * 32]);
    for w in classes.keys() {
        if let Some((slot, bit)) = filter_slot(w) {
            class_filter[slot] |= bit;
        }
    }
    let mut names = FxHashMap::default();
    for w in KNOWN_PLACES {
        names.insert(*w, NameInfo::Place);
    }
    for w in KNOWN_ORGS {
        names.insert(*w, NameInfo::Org);
    }
    let mut demonym_adj = FxHashMap::default();
    let mut demonym_plural = FxHashMap::default();
    for (country, adj, plural, capitals) in COUNTRIES {
        names.insert(*country, NameInfo::Country(country));
        for cap in *capitals {
            names.insert(*cap, NameInfo::Capital(country));
        }
        demonym_adj.insert(*adj, *country);
        demonym_plural.insert(*plural, *country);
    }
    for (alias, country) in COUNTRY_ALIASES {
        names.insert(*alias, NameInfo::Country(country));
    }
    for (name, country) in GOVERNMENT_METONYMS {
        names.insert(*name, NameInfo::Metonym(country));
    }
    let set = |list: &[&'static str]| list.iter().map(|w| (*w, ())).collect();
    Words {
        classes,
        class_filter,
        cues,
        names,
        titles: set(PERSON_TITLES),
        common_caps: set(COMMON_CAPITALISED),
        org_heads: set(ORG_HEADS),
        place_heads: set(PLACE_HEADS),
        demonym_adj,
        demonym_plural,
    }
}

/// Slot and bit of a (lowercase) word in `Words::class_filter`: the first byte and the
/// length pick the slot, the last byte the bit. Collisions only let more words through.
fn filter_slot(w: &[u8]) -> Option<(usize, u64)> {
    let (&first, &last) = (w.first()?, w.last()?);
    Some((
        usize::from(first & 31) * 32 + (w.len() & 31),
        1u64 << (last & 63),
    ))
}

/// Lowercases ASCII into a stack buffer; other words are lowercased on the heap.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // Safety net without unsafe: ASCII stays valid UTF-8.
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        let lower = word.to_lowercase();
        f(&lower)
    }
}

/// Lowercases ASCII bytes into a stack buffer; other words are lowercased on the heap.
fn with_lower_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    if word.len() <= 32 {
        // one pass copies, lowercases and checks for ASCII (this runs for every token)
        let mut buf = [0u8; 32];
        let mut high = 0u8;
        for (d, &c) in buf.iter_mut().zip(word.as_bytes()) {
            high |= c;
            *d = c.to_ascii_lowercase();
        }
        if high < 0x80 {
            return f(&buf[..word.len()]);
        }
    }
    let lower = word.to_lowercase();
    f(lower.as_bytes())
}

impl Words {
    pub fn class(&self, word: &str) -> u32 {
        // no lexicon word is longer than 24 bytes: skip the hash for long tokens
        if word.len() > 24 {
            return 0;
        }
        with_lower_bytes(word, |w| {
            if let Some((slot, bit)) = filter_slot(w) {
                if self.class_filter[slot] & bit == 0 {
                    return 0;
                }
            }
            self.classes.get(w).copied().unwrap_or(0)
        })
    }
    pub fn is(&self, word: &str, bits: u32) -> bool {
        self.class(word) & bits != 0
    }
    pub fn cue(&self, word: &str) -> Option<&'static str> {
        if word.len() > 16 || word.len() < 3 {
            return None;
        }
        with_lower_bytes(word, |w| self.cues.get(w).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_is_case_blind_and_filters_nothing_it_knows() {
        let w = words();
        assert!(w.is("Spokesman", class::ROLE));
        assert!(w.is("SPOKESMAN", class::ROLE));
        assert!(w.is("He", class::PRON_MALE));
        assert_eq!(w.class("zzyzx"), 0);
        assert_eq!(w.class(""), 0);
        // every lexicon key passes its own filter
        for (k, bits) in &w.classes {
            if let Ok(s) = std::str::from_utf8(k) {
                if s.len() <= 24 && *s == s.to_lowercase() {
                    assert_eq!(w.class(s), *bits, "{s}");
                }
            }
        }
    }
}
