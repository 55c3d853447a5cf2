//! Claim subjects as group entities: "300 North Korean soldiers" and, later, "the soldiers"
//! are one counted group, so a reader (and the ledger store, across documents) can gather the
//! figures about it without comparing strings.
//!
//! Runs after the claims stage. A subject joins an existing group when it names the same
//! people: the same words once determiners are dropped and the head is singular ("the North
//! Korean soldiers" = "North Korean soldier"), a head of the same kind with the same
//! modifiers ("North Korean troops" = "North Korean soldiers"), or a bare head that points
//! back to the latest group with that head ("the soldiers" after "North Korean soldiers").
//! Otherwise it becomes a new `group` entity named as written.

use crate::doc::{Doc, Entity, EntityKind, Mention, MentionKind};

/// Words dropped from the front of a subject before comparing.
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "some", "its", "their", "his", "her", "our", "all", "other", "both",
    "many", "most", "several", "more", "fewer", "such", "this", "that", "a", "an", "another",
];

/// Heads that count the same people under different words; the first of each row stands for
/// the row when comparing.
const HEAD_CLASSES: &[&[&str]] = &[
    &[
        "soldier",
        "troop",
        "force",
        "serviceman",
        "servicemen",
        "fighter",
        "personnel",
        "combatant",
    ],
    &["civilian", "resident", "inhabitant"],
    &["child", "children", "minor", "kid"],
    &["person", "people", "individual"],
    &["refugee", "asylum-seeker"],
    &["migrant", "immigrant"],
];

/// The comparison key of a subject: lowercase words without leading determiners, the head in
/// the singular and mapped to its class. `None` when nothing is left.
fn key(text: &str) -> Option<(Vec<String>, String)> {
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
    {
        words.remove(0);
    }
    let head = singular(&words.pop()?);
    let head = HEAD_CLASSES
        .iter()
        .find(|row| row.contains(&head.as_str()))
        .map(|row| row[0].to_string())
        .unwrap_or(head);
    Some((words, head))
}

/// English plural to singular for the nouns subjects are made of; irregular plurals that have
/// no simple rule are left alone (and "people", "personnel" sit in a head class).
fn singular(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("servicemen", "serviceman"),
        ("policemen", "policeman"),
    ];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.len() < 4 {
        return w.to_string();
    }
    match w.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => w.to_string(),
    }
}

/// Links every claim with a subject to a group entity, adding entities and mentions as
/// needed.
pub fn link_subjects(doc: &mut Doc) {
    // most articles report no figure: skip the keys of their group entities
    if doc.claims.iter().all(|c| c.subject_text.is_none()) {
        return;
    }
    // (key, entity) of the groups seen so far, in text order
    let mut groups: Vec<((Vec<String>, String), u32)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        // a singular description names one member ("One North Korean soldier shouted"),
        // not the group a figure counts
        let plural = e
            .name
            .rsplit(' ')
            .next()
            .is_some_and(|head| singular(&head.to_lowercase()) != head.to_lowercase());
        if e.kind == EntityKind::Group && plural {
            if let Some(k) = key(&e.name) {
                groups.push((k, i as u32));
            }
        }
    }
    let mut new_mentions = Vec::new();
    for ci in 0..doc.claims.len() {
        let claim = &doc.claims[ci];
        let Some(text) = claim.subject_text.clone() else {
            continue;
        };
        let span = claim.subject;
        let Some(k) = key(&text) else {
            continue;
        };
        let found = groups
            .iter()
            .rev()
            .find(|(g, _)| *g == k)
            .or_else(|| {
                // a bare head ("the soldiers") points back to the latest group with that head
                k.0.is_empty()
                    .then(|| groups.iter().rev().find(|(g, _)| g.1 == k.1))
                    .flatten()
            })
            .map(|(_, e)| *e);
        let id = match found {
            Some(id) => id,
            None => {
                let name = strip_determiners(&text);
                doc.entities.push(Entity::new(
                    name.to_string(),
                    EntityKind::Group,
                    span.unwrap_or_default(),
                ));
                let id = (doc.entities.len() - 1) as u32;
                groups.push((k, id));
                id
            }
        };
        if let Some(span) = span {
            let entity = &mut doc.entities[id as usize];
            let surface = &doc.text[span.start()..span.end()];
            if surface != entity.name && !entity.aliases.iter().any(|a| a == surface) {
                entity.aliases.push(surface.to_string());
            }
            let known = doc.mentions.iter().any(|m| m.span.overlaps(span))
                || new_mentions.iter().any(|m: &Mention| m.span == span);
            if !known {
                new_mentions.push(Mention {
                    span,
                    entity: id,
                    kind: MentionKind::Description,
                });
            }
        }
        doc.claims[ci].subject_group = Some(id);
    }
    if !new_mentions.is_empty() {
        doc.mentions.extend(new_mentions);
        doc.mentions.sort_by_key(|m| m.span);
    }
}

fn strip_determiners(text: &str) -> &str {
    let mut rest = text.trim();
    loop {
        let Some((first, tail)) = rest.split_once(' ') else {
            return rest;
        };
        if DETERMINERS.contains(&first.to_lowercase().as_str()) {
            rest = tail.trim_start();
        } else {
            return rest;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_determiners_and_plurals() {
        assert_eq!(
            key("the North Korean soldiers"),
            key("North Korean soldier")
        );
        assert_eq!(key("North Korean troops"), key("North Korean soldiers"));
        assert_ne!(key("North Korean soldiers"), key("Russian soldiers"));
        assert_eq!(key("civilians").unwrap().1, "civilian");
        assert_eq!(key("children").unwrap().1, "child");
        assert_eq!(key("casualties").unwrap().1, "casualty");
        assert!(key("the").is_none());
    }

    #[test]
    fn subjects_become_one_group_per_referent() {
        let doc = crate::extract(
            "Some 40 Ostrian soldiers were killed, the army said. Another 12 Ostrian troops were wounded, it added. The soldiers had arrived in May. About 300 civilians fled.",
            crate::Meta::default(),
            crate::Options::default(),
        );
        let groups: Vec<Option<&str>> = doc
            .claims
            .iter()
            .map(|c| {
                c.subject_group
                    .map(|g| doc.entities[g as usize].name.as_str())
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                Some("Ostrian soldiers"),
                Some("Ostrian soldiers"),
                Some("civilians")
            ]
        );
    }

    #[test]
    fn singular_leaves_short_and_latin_words() {
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("police"), "police");
        assert_eq!(singular("men"), "man");
    }
}
