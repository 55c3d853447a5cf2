//! Keys that make the same referent meet across documents: an entity spelled
//! "Zelenskyy", "Zelensky" or "Zelenskiy", and a counted subject written "North Korean
//! soldiers", "the North Korean troops" or "North Korean forces". Keys are lowercase ASCII-ish
//! words separated by single spaces; they are stored beside the names, never instead of them.

use sourced_engine::lexicon;

/// Determiners and vague quantifiers that do not change who is counted.
const SUBJECT_NOISE: &[&str] = &[
    "a", "an", "the", "some", "about", "around", "nearly", "more", "than", "over", "at", "least",
    "up", "to", "its", "their", "his", "her", "our", "all", "other", "another", "total", "of",
];

/// Words after which a subject phrase stops naming the group and starts describing an event
/// ("people killed in attacks by ...", "troops deployed to ...").
const SUBJECT_CLAUSE_STARTS: &[&str] = &[
    "who",
    "which",
    "that",
    "killed",
    "wounded",
    "injured",
    "deployed",
    "captured",
    "detained",
    "arrested",
    "displaced",
    "missing",
    "in",
    "on",
    "at",
    "from",
    "during",
    "including",
    "after",
    "since",
    "for",
    "by",
    "with",
    "near",
];

/// Head nouns that name the same kind of group.
const HEAD_SYNONYMS: &[(&str, &str)] = &[
    ("troops", "troops"),
    ("troop", "troops"),
    ("soldiers", "troops"),
    ("soldier", "troops"),
    ("forces", "troops"),
    ("servicemen", "troops"),
    ("serviceman", "troops"),
    ("personnel", "troops"),
    ("fighters", "fighters"),
    ("fighter", "fighters"),
    ("militants", "fighters"),
    ("militant", "fighters"),
    ("insurgents", "fighters"),
    ("insurgent", "fighters"),
    ("people", "people"),
    ("persons", "people"),
    ("person", "people"),
    ("civilians", "civilians"),
    ("civilian", "civilians"),
    ("children", "children"),
    ("child", "children"),
];

/// The key of an entity's canonical name: case, accents, punctuation and common
/// transliteration variants of Slavic surnames folded ("Zelenskiy" = "Zelensky"). A
/// description of a state institution gets its [`description_key`], so "South Korea's spy
/// agency" and "the South Korean intelligence agency" meet.
pub fn entity_key(name: &str) -> String {
    if let Some(key) = description_key(name) {
        return key;
    }
    let mut key = String::with_capacity(name.len());
    for word in words(name) {
        if matches!(word.as_str(), "mr" | "mrs" | "ms" | "dr" | "the") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold_transliteration(&word));
    }
    key
}

/// Institutions that news names by country and function rather than by name, each with the
/// ways of writing it: (key, phrasings after the country).
const INSTITUTIONS: &[(&str, &[&str])] = &[
    (
        "intelligence agency",
        &[
            "spy agency",
            "intelligence agency",
            "intelligence service",
            "spy service",
            "intelligence services",
            "main intelligence agency",
            "main spy agency",
            "military intelligence agency",
            "military intelligence",
        ],
    ),
    (
        "defence ministry",
        &[
            "defence ministry",
            "defense ministry",
            "ministry of defence",
            "ministry of defense",
            "defence department",
            "defense department",
        ],
    ),
    (
        "foreign ministry",
        &[
            "foreign ministry",
            "ministry of foreign affairs",
            "foreign office",
        ],
    ),
    (
        "interior ministry",
        &[
            "interior ministry",
            "ministry of interior",
            "ministry of the interior",
            "home ministry",
        ],
    ),
    (
        "health ministry",
        &["health ministry", "ministry of health"],
    ),
    (
        "military",
        &["military", "army", "armed forces", "general staff"],
    ),
    ("government", &["government", "authorities", "officials"]),
    ("police", &["police", "police force"]),
];

/// "South Korea's spy agency", "Seoul's intelligence agency", "the South Korean
/// intelligence service" → "south korea intelligence agency": a country (by name, capital or
/// adjective) and an institution of [`INSTITUTIONS`]. `None` for anything else, proper
/// names included ("National Intelligence Service").
pub fn description_key(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    for owner_len in (1..=3.min(words.len().saturating_sub(1))).rev() {
        let owner = words[..owner_len].join(" ");
        let possessed = owner
            .strip_suffix("'s")
            .or_else(|| owner.strip_suffix("’s"))
            .or_else(|| owner.strip_suffix('\''))
            .or_else(|| owner.strip_suffix('’'));
        let country = match possessed {
            Some(name) => {
                lexicon::country_by_name(name).or_else(|| lexicon::country_of_capital(name))
            }
            None if lexicon::is_demonym_adjective(&owner) => lexicon::country_of_demonym(&owner),
            None => None,
        };
        let Some(country) = country else {
            continue;
        };
        let rest = words[owner_len..].join(" ").to_lowercase();
        let (institution, _) = INSTITUTIONS
            .iter()
            .find(|(_, phrasings)| phrasings.contains(&rest.as_str()))?;
        return Some(format!("{} {institution}", words_key(country)));
    }
    None
}

fn words_key(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

/// A subject that says only what kind of people are counted ("people", "civilians", "the
/// soldiers"), not whose: the same words count the dead of every war, so their reports are
/// told apart by place. "North Korean soldiers" names its side and its war.
pub fn is_generic_subject(subject: &str) -> bool {
    !subject_key(subject).contains(' ')
}

/// The key of a counted subject: determiners and trailing clauses dropped, head noun
/// synonyms merged, plural and singular alike.
pub fn subject_key(subject: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    let head_only = subject.split(['(', ',', ';']).next().unwrap_or(subject);
    for (i, word) in words(head_only).enumerate() {
        if i > 0 && SUBJECT_CLAUSE_STARTS.contains(&word.as_str()) {
            break;
        }
        if SUBJECT_NOISE.contains(&word.as_str()) || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        kept.push(word);
    }
    if let Some(last) = kept.last_mut() {
        if let Some((_, head)) = HEAD_SYNONYMS.iter().find(|(w, _)| w == last) {
            *last = (*head).to_string();
        }
    }
    kept.join(" ")
}

/// Lowercase words of letters and digits; accents folded to their base letter, apostrophes
/// and hyphens dropped inside a word ("Lee Seong-kweun" → "lee seongkweun").
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '"' | '“' | '”'))
        .map(|w| {
            w.chars()
                .filter_map(|c| {
                    let c = fold_accent(c);
                    c.is_alphanumeric().then(|| c.to_ascii_lowercase())
                })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'a',
        'ç' | 'č' | 'ć' | 'Ç' | 'Č' | 'Ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'ń' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            'o'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'š' | 'ś' | 'Š' | 'Ś' => 's',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ł' | 'Ł' => 'l',
        _ => c,
    }
}

/// Slavic surname endings are romanised several ways: -skyy, -skiy, -skii, -skyi, -sky, -ski.
fn fold_transliteration(word: &str) -> String {
    for ending in ["skyy", "skiy", "skii", "skyi", "skij", "ski"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.len() >= 3 {
                return format!("{stem}sky");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_surname_share_a_key() {
        let key = entity_key("Volodymyr Zelenskyy");
        assert_eq!(key, entity_key("Volodymyr Zelensky"));
        assert_eq!(key, entity_key("Volodymyr Zelenskiy"));
        assert_ne!(key, entity_key("Volodymyr Horbenko"));
        assert_eq!(entity_key("José Núñez"), "jose nunez");
        assert_eq!(entity_key("Mr. Tanaka"), "tanaka");
    }

    #[test]
    fn descriptions_of_one_institution_share_a_key() {
        let key = entity_key("South Korea's spy agency");
        assert_eq!(key, "south korea intelligence agency");
        assert_eq!(key, entity_key("Seoul’s intelligence agency"));
        assert_eq!(key, entity_key("the South Korean intelligence service"));
        assert_ne!(key, entity_key("North Korea's spy agency"));
        assert_eq!(
            entity_key("Russia's Ministry of Defence"),
            entity_key("the Russian defense ministry")
        );
        // Proper names and descriptions of people keep their own keys.
        assert_eq!(
            entity_key("National Intelligence Service"),
            "national intelligence service"
        );
        assert_eq!(description_key("Russia's defence minister"), None);
        assert_eq!(description_key("Valorian Defence Ministry"), None);
        assert_eq!(description_key("Russia"), None);
    }

    #[test]
    fn group_subjects_merge_on_their_head_noun() {
        let key = subject_key("North Korean soldiers");
        assert_eq!(key, "north korean troops");
        assert_eq!(key, subject_key("the North Korean troops"));
        assert_eq!(
            key,
            subject_key("North Korean forces deployed to the front")
        );
        assert_eq!(
            subject_key("people killed in attacks by the rebels"),
            "people"
        );
        assert_eq!(subject_key("civilians (mostly farmers)"), "civilians");
        assert_ne!(subject_key("civilians"), subject_key("soldiers"));
    }
}
