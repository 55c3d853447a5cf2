//! Stage *stance*: non-numeric positions analysts track: declining to comment, neither
//! confirming nor denying, denying, confirming. The actor is the subject of the stance verb,
//! resolved through metonyms (the Kremlin → Russia); the topic is what the stance is about.

use crate::doc::{Doc, Span, Stance, StanceKind, TokKind};

/// Phrases (lowercase, as token sequences) that mark a stance, and the stance they mark.
const PATTERNS: &[(&[&str], StanceKind)] = &[
    (&["declined", "to", "comment"], StanceKind::NoComment),
    (&["refused", "to", "comment"], StanceKind::NoComment),
    (&["declines", "to", "comment"], StanceKind::NoComment),
    (
        &["did", "not", "respond", "to", "requests", "for", "comment"],
        StanceKind::NoComment,
    ),
    (
        &[
            "did",
            "not",
            "immediately",
            "respond",
            "to",
            "a",
            "request",
            "for",
            "comment",
        ],
        StanceKind::NoComment,
    ),
    (&["did", "not", "comment"], StanceKind::NoComment),
    (&["would", "not", "comment"], StanceKind::NoComment),
    (&["had", "no", "comment"], StanceKind::NoComment),
    (
        &["neither", "confirmed", "nor", "denied"],
        StanceKind::NeitherConfirmNorDeny,
    ),
    (
        &["neither", "confirm", "nor", "deny"],
        StanceKind::NeitherConfirmNorDeny,
    ),
    (
        &["would", "not", "confirm", "or", "deny"],
        StanceKind::NeitherConfirmNorDeny,
    ),
    (
        &["declined", "to", "confirm", "or", "deny"],
        StanceKind::NeitherConfirmNorDeny,
    ),
    (
        &["has", "not", "confirmed", "or", "denied"],
        StanceKind::NeitherConfirmNorDeny,
    ),
    (&["denied"], StanceKind::Denied),
    (&["denies"], StanceKind::Denied),
    (&["rejected", "claims"], StanceKind::Denied),
    (&["confirmed"], StanceKind::Confirmed),
    (&["confirms"], StanceKind::Confirmed),
];

/// Words that may stand between a stance's subject and its verb ("on Monday", "has").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "so",
    "far",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "previously",
    "repeatedly",
    "publicly",
    "officially",
    "swiftly",
    "quickly",
    "later",
    "earlier",
    "again",
    "yet",
    "not",
];

pub fn stances(doc: &mut Doc) {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let r = doc.sentences[s].token_range();
        let mut i = r.start;
        while i < r.end {
            // cheap first-word filter before the pattern table: the first letter, then the
            // words (a string match costs a comparison per word of the same length)
            let w = doc.tok(i);
            if !matches!(
                w.as_bytes().first(),
                Some(b'd' | b'r' | b'w' | b'h' | b'n' | b'c')
            ) || !matches!(
                w,
                "declined"
                    | "refused"
                    | "declines"
                    | "did"
                    | "would"
                    | "had"
                    | "neither"
                    | "has"
                    | "denied"
                    | "denies"
                    | "rejected"
                    | "confirmed"
                    | "confirms"
            ) || doc.quoted_at(doc.tokens[i].span.start()).is_some()
            {
                i += 1;
                continue;
            }
            let Some((len, kind)) = PATTERNS.iter().find_map(|(p, k)| {
                (i + p.len() <= r.end
                    && p.iter()
                        .enumerate()
                        .all(|(j, w)| doc.tok(i + j).eq_ignore_ascii_case(w)))
                .then_some((p.len(), *k))
            }) else {
                i += 1;
                continue;
            };
            // "confirmed"/"denied" alone are stances only with an object, not as reporting
            // verbs of a clause ("denied that ..." is reported speech, kept too)
            let Some((actor, actor_span)) = subject(doc, r.start, i) else {
                i += len;
                continue;
            };
            let mut a = i + len;
            while a < r.end && matches!(doc.tok(a), "on" | "about" | "to" | "that") {
                a += 1;
            }
            let mut b = r.end;
            while b > a && matches!(doc.tokens[b - 1].kind, TokKind::Terminal | TokKind::Punct) {
                b -= 1;
            }
            let topic = (b > a).then(|| Span {
                start: doc.tokens[a].span.start,
                end: doc.tokens[b - 1].span.end,
            });
            if matches!(kind, StanceKind::Denied | StanceKind::Confirmed) && topic.is_none() {
                i += len;
                continue;
            }
            out.push(Stance {
                actor: actor.map(|e| doc.resolve_metonym(e)),
                actor_span,
                stance: kind,
                topic,
                evidence: doc.sentences[s].span,
            });
            i += len;
        }
    }
    doc.stances = out;
}

/// The subject before the stance verb: a mention right before it, skipping "has", "on Monday".
fn subject(doc: &Doc, s0: usize, verb: usize) -> Option<(Option<u32>, Span)> {
    let mut k = verb;
    while k > s0
        && BETWEEN
            .iter()
            .any(|w| doc.tok(k - 1).eq_ignore_ascii_case(w))
    {
        k -= 1;
    }
    if k == s0 {
        return None;
    }
    let end = doc.tokens[k - 1].span;
    let m = doc.mentions.iter().rev().find(|m| m.span.end == end.end)?;
    Some((Some(m.entity), m.span))
}

#[cfg(test)]
mod tests {
    use crate::doc::StanceKind;
    use crate::{extract, Meta, Options};

    fn stances(text: &str) -> Vec<(Option<String>, StanceKind, Option<String>)> {
        let doc = extract(text, Meta::default(), Options::default());
        doc.stances
            .iter()
            .map(|s| {
                (
                    s.actor.map(|e| doc.entities[e as usize].name.clone()),
                    s.stance,
                    s.topic.map(|t| doc.slice(t).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn metonyms_resolve_to_the_government() {
        let s = stances("The Kremlin on Tuesday declined to comment on the reported strike.");
        assert_eq!(
            s,
            vec![(
                Some("Russia".into()),
                StanceKind::NoComment,
                Some("the reported strike".into())
            )]
        );
    }

    #[test]
    fn neither_confirm_nor_deny() {
        let s = stances("Moldova has neither confirmed nor denied the deployment.");
        assert_eq!(s[0].1, StanceKind::NeitherConfirmNorDeny);
        assert_eq!(s[0].0.as_deref(), Some("Moldova"));
    }

    #[test]
    fn quoted_words_are_not_stances() {
        assert!(stances("“We declined to comment,” the editor wrote.").is_empty());
    }
}
