//! Stage *coreference*: pronouns ("he", "she") and descriptions ("the legislator",
//! "the agency") become mentions of the entities they refer to.
//!
//! Rules, not a model: the antecedent of a personal pronoun is the most recent person named
//! outside quotation marks with a compatible gender; a definite description takes the most
//! recent entity whose role or name shares its head noun (or a synonym of it).

use crate::doc::{Doc, EntityKind, Gender, Mention, MentionKind, Span, TokKind};
use crate::words::{class, words};

/// Role nouns that describe the same kind of person.
const ROLE_SYNONYMS: &[&[&str]] = &[
    &[
        "legislator",
        "lawmaker",
        "politician",
        "senator",
        "congressman",
        "congresswoman",
        "mp",
        "representative",
        "deputy",
    ],
    &["spokesman", "spokeswoman", "spokesperson"],
    &["president", "leader", "head", "chief"],
    &["minister", "secretary", "official"],
    &["general", "commander", "officer", "colonel"],
    &["doctor", "physician", "surgeon", "medic"],
];

/// Organisation nouns and the name words they can stand for ("the agency" → "... Service").
const ORG_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "agency",
        &[
            "Agency",
            "Service",
            "Bureau",
            "Directorate",
            "Office",
            "Administration",
            "Intelligence",
        ],
    ),
    ("service", &["Service", "Agency"]),
    ("ministry", &["Ministry", "Department"]),
    ("department", &["Department", "Ministry"]),
    (
        "newspaper",
        &[
            "News",
            "Times",
            "Post",
            "Journal",
            "Daily",
            "Herald",
            "Tribune",
            "Gazette",
            "Telegraph",
            "Guardian",
        ],
    ),
    (
        "paper",
        &[
            "News",
            "Times",
            "Post",
            "Journal",
            "Daily",
            "Herald",
            "Tribune",
            "Gazette",
            "Telegraph",
            "Guardian",
        ],
    ),
    (
        "outlet",
        &[
            "News",
            "Times",
            "Post",
            "Journal",
            "Daily",
            "Herald",
            "Tribune",
            "Press",
            "Radio",
            "Television",
        ],
    ),
    ("party", &["Party"]),
    // a state's armed forces; insurgent "armies" are excluded in `resolve_description`
    ("army", &["Army", "Forces", "Military"]),
    ("military", &["Army", "Forces", "Military", "Command"]),
    (
        "group",
        &["Group", "Watch", "International", "Front", "Movement"],
    ),
    (
        "organization",
        &["Organization", "Organisation", "International"],
    ),
    (
        "organisation",
        &["Organization", "Organisation", "International"],
    ),
    ("committee", &["Committee"]),
    ("council", &["Council"]),
    ("court", &["Court", "Tribunal"]),
    ("campaign", &["Campaign"]),
    ("company", &["Company", "Corporation", "Inc", "Inc.", "Ltd"]),
];

pub fn coreference(doc: &mut Doc) {
    let mut added = Vec::new();
    let mut m = 0; // next named mention to take into history
                   // (entity, token index) of named mentions outside quotation marks, most recent last
    let mut history: Vec<(u32, usize)> = Vec::new();
    let n = doc.tokens.len();
    // An indefinite description that speaks ("a South Korean legislator has said") waiting
    // for the person the next sentences name: (span, role, sentence index).
    let mut pending: Option<(Span, String, usize)> = None;
    let mut i = 0;
    while i < n {
        let start = doc.tokens[i].span.start();
        while m < doc.mentions.len() && doc.mentions[m].span.start() <= start {
            let men = doc.mentions[m].clone();
            if let Some((span, role, sent)) = pending.take() {
                let here = doc.sentence_at(men.span.start()).unwrap_or(0);
                let ent = &mut doc.entities[men.entity as usize];
                // the named person has no role yet, or one that shares the description's head
                // ("a regional governor" … "Governor Ilse Marren")
                let head = role.rsplit(' ').next().unwrap_or("").to_lowercase();
                let fits = ent
                    .role
                    .as_ref()
                    .is_none_or(|r| r.to_lowercase().split(' ').any(|w| w == head));
                if here <= sent + 2 && ent.kind == EntityKind::Person && fits {
                    if ent.role.as_ref().is_none_or(|r| r.len() < role.len()) {
                        ent.role = Some(role);
                    }
                    added.push(Mention {
                        span,
                        entity: men.entity,
                        kind: MentionKind::Description,
                    });
                } else if here <= sent + 2 && ent.kind != EntityKind::Person {
                    pending = Some((span, role, sent));
                }
            }
            if doc.quoted_at(men.span.start()).is_none() {
                history.push((men.entity, doc.token_at(men.span.start())));
            }
            m += 1;
        }
        let t = doc.tokens[i];
        if t.kind != TokKind::Word || doc.quoted_at(start).is_some() {
            i += 1;
            continue;
        }
        let word = doc.tok(i);
        // the segmenter looked the class up once already
        let c = doc.class(i);
        if c & (class::PRON_MALE | class::PRON_FEMALE) != 0
            && !matches!(word, "him" | "himself" | "herself")
        {
            let gender = if c & class::PRON_MALE != 0 {
                Gender::Male
            } else {
                Gender::Female
            };
            let limit = i.saturating_sub(400);
            let fits = |e: u32| {
                let e = &doc.entities[e as usize];
                e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == gender)
            };
            let mut found = history
                .iter()
                .rev()
                .take_while(|(_, at)| *at >= limit)
                .find(|(e, _)| fits(*e));
            // "Lee ignored Kim’s advice. He said …": a possessor or the object of a
            // preposition is less likely meant than a subject of the same sentence
            if let Some(&(e0, at0)) = found.filter(|(_, at)| oblique(doc, *at)) {
                let s0 = doc.sentence_at(doc.tokens[at0].span.start());
                found = history
                    .iter()
                    .rev()
                    .take_while(|(_, at)| doc.sentence_at(doc.tokens[*at].span.start()) == s0)
                    .find(|(e, at)| *e != e0 && fits(*e) && !oblique(doc, *at))
                    .or(found);
            }
            if let Some(&(e, _)) = found {
                if doc.entities[e as usize].gender.is_none() {
                    doc.entities[e as usize].gender = Some(gender);
                }
                added.push(Mention {
                    span: t.span,
                    entity: e,
                    kind: MentionKind::Pronoun,
                });
                history.push((e, i));
            }
            i += 1;
            continue;
        }
        if matches!(word, "a" | "an" | "A" | "An") {
            if let Some((head, end)) = description_head(doc, i) {
                let speaks = (end..(end + 4).min(n)).any(|k| doc.class(k) & class::SPEECH != 0)
                    && doc.class(head) & class::ROLE != 0;
                if speaks {
                    let span = Span {
                        start: t.span.start,
                        end: doc.tokens[end - 1].span.end,
                    };
                    let role = doc.text
                        [doc.tokens[i + 1].span.start()..doc.tokens[end - 1].span.end()]
                        .to_string();
                    pending = Some((span, role, doc.sentence_at(span.start()).unwrap_or(0)));
                    i = end;
                    continue;
                }
            }
        }
        // definite descriptions: the/this/that + up to three modifiers + role or org noun
        if matches!(word, "the" | "The" | "this" | "This" | "that" | "That") {
            if let Some((head, end)) = description_head(doc, i) {
                let hw = doc.tok(head).to_ascii_lowercase();
                let followed_by_of = end < n && matches!(doc.tok(end), "of" | "’s" | "'s");
                if !followed_by_of {
                    if let Some(e) = resolve_description(doc, &history, &hw)
                        .filter(|&e| modifiers_agree(doc, i + 1, head, e))
                    {
                        let span = Span {
                            start: t.span.start,
                            end: doc.tokens[end - 1].span.end,
                        };
                        added.push(Mention {
                            span,
                            entity: e,
                            kind: MentionKind::Description,
                        });
                        history.push((e, i));
                        i = end;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| m.span);
    }
}

/// Whether the mention starting at token `at` is a possessor ("Lee’s", "his") or the object
/// of a preposition ("with Lee").
fn oblique(doc: &Doc, at: usize) -> bool {
    if matches!(doc.tok(at), "his" | "her" | "His" | "Her") {
        return true;
    }
    if at > 0
        && matches!(
            doc.tok(at - 1),
            "of" | "to" | "with" | "for" | "by" | "from" | "about" | "against" | "at"
        )
    {
        return true;
    }
    let mut k = at + 1;
    while k < doc.tokens.len() && k < at + 5 && doc.tokens[k].is_cap() {
        k += 1;
    }
    k < doc.tokens.len() && matches!(doc.tok(k), "’s" | "'s")
}

/// For a determiner at `i`, the head noun of the description that follows and the end of it.
pub fn description_head(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let n = doc.tokens.len();
    let mut j = i + 1;
    while j < n && j <= i + 4 {
        let t = doc.tokens[j];
        if t.kind != TokKind::Word {
            return None;
        }
        if !t.is_cap() && doc.class(j) & (class::ROLE | class::ORG_NOUN) != 0 {
            // a head followed by another head ("the army chief") keeps going
            if j + 1 < n
                && !doc.tokens[j + 1].is_cap()
                && doc.class(j + 1) & (class::ROLE | class::ORG_NOUN) != 0
            {
                j += 1;
                continue;
            }
            return Some((j, j + 1));
        }
        j += 1;
    }
    None
}

/// "The Afghan army chief" is not "President Joe Biden": the proper adjectives ("Afghan") and
/// the nouns ("army") that narrow a description must also describe the entity, in its role
/// or its name. Plain adjectives ("the former minister") narrow nothing we can check.
fn modifiers_agree(doc: &Doc, from: usize, head: usize, e: u32) -> bool {
    let w = words();
    let ent = &doc.entities[e as usize];
    let described = |m: &str| {
        let found = |text: &str| text.split([' ', '-']).any(|x| x.eq_ignore_ascii_case(m));
        ent.role.as_deref().is_some_and(found) || found(&ent.name)
    };
    (from..head).all(|j| {
        let m = doc.tok(j);
        let narrows = doc.tokens[j].is_cap() || w.is(m, class::ROLE | class::ORG_NOUN);
        !narrows || described(m)
    })
}

fn resolve_description(doc: &Doc, history: &[(u32, usize)], head: &str) -> Option<u32> {
    let w = words();
    let recent = history.iter().rev().take(60);
    if w.is(head, class::ROLE) {
        let synonyms: &[&str] = ROLE_SYNONYMS
            .iter()
            .find(|g| g.contains(&head))
            .copied()
            .unwrap_or(&[]);
        for (e, _) in recent {
            let ent = &doc.entities[*e as usize];
            if ent.kind != EntityKind::Person {
                continue;
            }
            if let Some(role) = &ent.role {
                let role = role.to_lowercase();
                if role
                    .split([' ', '-'])
                    .any(|r| r == head || synonyms.contains(&r))
                {
                    return Some(*e);
                }
            }
        }
        return None;
    }
    let names: &[&str] = ORG_SYNONYMS
        .iter()
        .find(|(h, _)| *h == head)
        .map(|(_, n)| *n)
        .unwrap_or(&[]);
    // "the military" is a state's: not the "Baloch Liberation Army" named just before
    let insurgent = |name: &str| {
        name.split(' ').any(|p| {
            matches!(
                p,
                "Liberation" | "Front" | "Jihad" | "Resistance" | "Mujahideen" | "Movement"
            )
        })
    };
    let state_forces = matches!(head, "army" | "military");
    for (e, _) in recent.clone() {
        let ent = &doc.entities[*e as usize];
        if ent.kind == EntityKind::Org
            && ent.name.split(' ').any(|p| names.contains(&p))
            && !(state_forces && insurgent(&ent.name))
        {
            return Some(*e);
        }
    }
    // "the group", "the militant outfit": the most recent armed or advocacy group by name
    if matches!(
        head,
        "group" | "outfit" | "militia" | "faction" | "movement" | "organization" | "organisation"
    ) {
        for (e, _) in recent.take(30) {
            let ent = &doc.entities[*e as usize];
            if ent.kind == EntityKind::Org
                && ent.stands_for.is_none()
                && (ARMED_GROUPS.contains(&ent.name.as_str())
                    || ent.name.split(' ').any(|p| GROUP_NAME_WORDS.contains(&p)))
            {
                return Some(*e);
            }
        }
    }
    None
}

/// Groups known by a bare name that "the group" can stand for.
const ARMED_GROUPS: &[&str] = &[
    "Hamas",
    "Hezbollah",
    "Hizbollah",
    "Taliban",
    "al-Shabab",
    "al-Shabaab",
    "al-Qaida",
    "al-Qaeda",
    "Al Qaeda",
    "ISIS",
    "ISIL",
    "Islamic State",
    "Boko Haram",
    "Houthis",
    "Wagner",
];

/// Name words of groups that "the group" can stand for ("Baloch Liberation Army").
const GROUP_NAME_WORDS: &[&str] = &[
    "Army",
    "Front",
    "Movement",
    "Brigade",
    "Brigades",
    "Liberation",
    "Group",
    "Watch",
    "International",
    "Organization",
    "Organisation",
    "Militia",
    "Jihad",
    "Resistance",
    "Mujahideen",
];

#[cfg(test)]
mod tests {
    use crate::{extract, Meta, Options};

    /// (speaker name, quote text) of every quote.
    fn speakers(text: &str) -> Vec<(String, String)> {
        let doc = extract(text, Meta::default(), Options::default());
        doc.quotes
            .iter()
            .map(|q| {
                (
                    q.speaker
                        .map(|e| doc.entities[e as usize].name.clone())
                        .unwrap_or_default(),
                    doc.slice(q.span).to_string(),
                )
            })
            .collect()
    }

    /// The speaker of the quote whose text contains `words`.
    fn speaker_of<'a>(q: &'a [(String, String)], words: &str) -> Option<&'a str> {
        q.iter()
            .find(|(_, t)| t.contains(words))
            .map(|(s, _)| s.as_str())
    }

    #[test]
    fn a_narrowed_description_needs_matching_modifiers() {
        let q = speakers(
            "President Ana Ruiz spoke about the treaty. The Moldovan army chief said the border was calm.",
        );
        assert_ne!(speaker_of(&q, "border"), Some("Ana Ruiz"), "{q:?}");
        let q = speakers(
            "Moldovan army chief Ivo Tamm visited the front. The Moldovan army chief said the border was calm.",
        );
        assert_eq!(speaker_of(&q, "border"), Some("Ivo Tamm"), "{q:?}");
    }

    #[test]
    fn the_military_is_not_an_insurgent_army() {
        let q = speakers(
            "The Harbour Liberation Army claimed the raid. The military said the port was secure.",
        );
        assert!(speaker_of(&q, "port").is_some(), "{q:?}");
        assert_ne!(
            speaker_of(&q, "port"),
            Some("Harbour Liberation Army"),
            "{q:?}"
        );
    }
}
