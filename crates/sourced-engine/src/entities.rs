//! Stage *entities*: names of people, organisations, places and groups, with roles,
//! acronyms and metonyms, linked into one entity per referent within the document.

use crate::doc::{flag, Doc, Entity, EntityKind, Gender, Mention, MentionKind, Span, TokKind};
use crate::words::{class, words, NameInfo};

/// Lowercase words allowed inside a name ("Ministry of Unification", "Bank for ...").
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "de", "del", "al", "bin", "van", "von", "der", "la", "le", "du",
    "da", "&",
];

/// Unit words that make a capitalised phrase a military group rather than an organisation.
const UNIT_HEADS: &[&str] = &[
    "Corps",
    "Brigade",
    "Battalion",
    "Division",
    "Regiment",
    "Legion",
    "Squad",
    "Unit",
];

/// Capitalised words that never start a name, wherever they stand (with [`DATE_WORDS`]).
const FUNCTION_CAPS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "In", "On",
    "At", "As", "For", "If", "When", "While", "After", "Before", "This", "That", "These", "Those",
    "There", "His", "Her", "Their", "Its", "Our", "My", "Your", "May", "Mr", "Mrs", "Ms", "OK",
];

/// Words that end a capitalised run: "Kremlin Monday" is not one name.
const DATE_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Number words that open a sentence ("Twelve soldiers were killed"): never the start of a
/// name, so "Twelve Valorian" does not become a person.
const CARDINAL_CAPS: &[&str] = &[
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
    "Twenty",
    "Thirty",
    "Forty",
    "Fifty",
    "Sixty",
    "Seventy",
    "Eighty",
    "Ninety",
    "Hundreds",
    "Thousands",
    "Dozens",
    "Several",
];

struct Candidate {
    /// Token range of the name proper (titles stripped).
    a: usize,
    b: usize,
    kind: Option<EntityKind>,
    info: Option<NameInfo>,
    role: Option<String>,
    gender: Option<Gender>,
    /// Extend the mention span to this token end (a place tail: "Kursk region").
    tail_end: Option<usize>,
}

pub fn entities(doc: &mut Doc) {
    let mut cands = Vec::new();
    for s in 0..doc.sentences.len() {
        let range = doc.sentences[s].token_range();
        find_candidates(doc, range, &mut cands);
    }
    link(doc, cands);
}

fn is_cap_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokKind::Word && t.is_cap()
}

fn find_candidates(doc: &Doc, range: std::ops::Range<usize>, out: &mut Vec<Candidate>) {
    let w = words();
    let mut i = range.start;
    // index just past the last common word skipped at a clause start
    let mut skipped_to = usize::MAX;
    while i < range.end {
        if !is_cap_word(doc, i) {
            i += 1;
            continue;
        }
        let word = doc.tok(i);
        // Sentence-initial common words ("The", "Added") are not names, but "The Hague" is;
        // mid-sentence, only function words and dates are skipped ("National" may start a name).
        // A clause opening after a comma ("Added to that, Meanwhile Reports say") counts as a
        // start, and so does the word after a skipped one.
        let at_start = doc.tokens[i].is(flag::SENT_START)
            || skipped_to == i
            || (i > 0
                && (matches!(doc.tokens[i - 1].kind, TokKind::OpenQuote | TokKind::Dash)
                    || matches!(doc.tok(i - 1), "," | ";")
                        && w.common_caps.contains_key(word)
                        && !doc.tokens[i + 1..range.end.min(i + 2)].iter().any(|t| {
                            t.is_cap() && !w.common_caps.contains_key(doc.slice(t.span))
                        })));
        // a date word never starts a name, even where it acts like a subject ("The Kremlin on
        // Monday declined ...": "Monday" would otherwise pass as a lone speaker)
        if DATE_WORDS.contains(&word)
            || at_start && CARDINAL_CAPS.contains(&word)
            || w.common_caps.contains_key(word)
                && !w.names.contains_key(word)
                && (at_start || FUNCTION_CAPS.contains(&word))
        {
            i += 1;
            skipped_to = i;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        loop {
            if b < range.end && is_cap_word(doc, b) && !DATE_WORDS.contains(&doc.tok(b)) {
                b += 1;
                continue;
            }
            // connector followed by a capitalised word
            if b + 1 < range.end && is_cap_word(doc, b + 1) && !doc.tokens[b].is_cap() {
                let t = doc.tok(b);
                let plural_possessive = (t == "’" || t == "'")
                    && !doc.tokens[b].is(flag::SPACE_BEFORE)
                    && doc.tok(b - 1).ends_with('s');
                let joins = if t == "and" {
                    and_joins(doc, a, b, range.end)
                } else {
                    CONNECTORS.contains(&t) && doc.tokens[b].kind == TokKind::Word
                };
                if joins || plural_possessive {
                    b += 2;
                    continue;
                }
            }
            break;
        }
        // A capitalised run at a sentence start whose first word is only capitalised because
        // of its position ("Added to ...") was filtered above; drop trailing connectors.
        classify(doc, a, b, range.end, out);
        i = b;
    }
}

/// "and" joins inside an organisation or place name ("Ministry of Trade and Industry",
/// "Bosnia and Herzegovina"), never two people ("Bugti and Chaudhry").
fn and_joins(doc: &Doc, a: usize, b: usize, end: usize) -> bool {
    let w = words();
    if (a..b)
        .any(|i| w.org_heads.contains_key(doc.tok(i)) || w.place_heads.contains_key(doc.tok(i)))
    {
        return true;
    }
    // a known name spelled with "and": the next capitalised word completes it
    let mut c = b + 2;
    while c < end && c < b + 4 && is_cap_word(doc, c) {
        c += 1;
    }
    (b + 2..=c).any(|e| w.names.contains_key(join(doc, a, e)))
}

fn join(doc: &Doc, a: usize, b: usize) -> &str {
    &doc.text[doc.tokens[a].span.start()..doc.tokens[b - 1].span.end()]
}

fn classify(doc: &Doc, a0: usize, b: usize, sent_end: usize, out: &mut Vec<Candidate>) {
    let w = words();
    let mut a = a0;
    // Strip leading demonyms and titles: "Ukrainian President Volodymyr Zelenskyy".
    let mut titled = false;
    let mut gender = None;
    while a + 1 < b {
        let t = doc.tok(a);
        let is_title = w.titles.contains_key(t);
        let is_demonym = w.demonym_adj.contains_key(t) && !w.names.contains_key(join(doc, a0, b));
        if is_title
            || (is_demonym
                && a + 1 < b
                && (w.titles.contains_key(doc.tok(a + 1))
                    || w.demonym_adj.contains_key(join(doc, a, a + 2))))
        {
            if is_title {
                titled = true;
            }
            match t {
                "Mr." | "Mr" | "Sir" | "King" | "Prince" | "Lord" | "Father" => {
                    gender = Some(Gender::Male)
                }
                "Mrs." | "Mrs" | "Ms." | "Ms" | "Queen" | "Princess" | "Lady" | "Dame" => {
                    gender = Some(Gender::Female)
                }
                _ => {}
            }
            a += 1;
            continue;
        }
        // two-word demonym ("North Korean leader" is handled by role lookback)
        break;
    }
    // "Beledweyne District Commissioner Omar Alasow", "White House Press Secretary Josh
    // Earnest": a title inside the run followed by a name of two or more words splits it.
    if !titled && b >= a + 3 {
        let mid = (a + 1..b - 2).rev().find(|&k| {
            w.titles.contains_key(doc.tok(k))
                && (k + 1..b).all(|j| {
                    let s = doc.tok(j);
                    doc.tokens[j].kind == TokKind::Word
                        && doc.tokens[j].is_cap()
                        && !w.titles.contains_key(s)
                        && !w.org_heads.contains_key(s)
                        && !w.place_heads.contains_key(s)
                        && !w.names.contains_key(s)
                })
        });
        if let Some(k) = mid {
            titled = true;
            a = k + 1;
        }
    }
    let name = join(doc, a, b);
    let last = doc.tok(b - 1);
    let mut cand = Candidate {
        a,
        b,
        kind: None,
        info: None,
        role: None,
        gender,
        tail_end: None,
    };
    if titled {
        cand.role = Some(join(doc, a0, a).to_string());
    }
    // Demonyms are modifiers, not entities ("North Korean soldiers").
    if !titled && (w.demonym_adj.contains_key(name) && !w.names.contains_key(name)) {
        return;
    }
    if !titled && w.demonym_plural.contains_key(name) {
        cand.kind = Some(EntityKind::Group);
        out.push(cand);
        return;
    }
    let tail = (b < sent_end && !doc.tokens[b].is_cap() && doc.class(b) & class::PLACE_TAIL != 0)
        .then_some(b + 1);
    if let Some(info) = w.names.get(name).copied() {
        cand.info = Some(info);
        cand.kind = Some(match info {
            NameInfo::Org | NameInfo::Metonym(_) => EntityKind::Org,
            _ => EntityKind::Place,
        });
        if cand.kind == Some(EntityKind::Place)
            && !matches!(info, NameInfo::Country(_) | NameInfo::Capital(_))
        {
            cand.tail_end = tail;
        }
    } else if w.place_heads.contains_key(last) || tail.is_some() {
        cand.kind = Some(EntityKind::Place);
        cand.tail_end = tail;
    } else if UNIT_HEADS.contains(&last) {
        cand.kind = Some(EntityKind::Group);
    } else if (a..b).any(|i| w.org_heads.contains_key(doc.tok(i)))
        || (doc.tokens[a].is(flag::ALL_CAPS) && b == a + 1 && name.len() <= 6)
    {
        cand.kind = Some(EntityKind::Org);
    } else if titled || b - a >= 2 {
        cand.kind = Some(EntityKind::Person);
    } else {
        // A lone capitalised word: decided when linking (a surname, an acronym, or a person
        // if it speaks).
        cand.kind = None;
    }
    if matches!(cand.kind, Some(EntityKind::Org | EntityKind::Group)) {
        cand.role = possessive_role(doc, a, b).or_else(|| org_role_after(doc, b, sent_end));
    }
    if cand.kind == Some(EntityKind::Person) && cand.role.is_none() {
        cand.role = role_before(doc, a).or_else(|| role_after(doc, b, sent_end));
    } else if cand.kind == Some(EntityKind::Person) {
        // "Ukrainian President": also take lowercase role words before the title
        if let Some(before) = role_before(doc, a0) {
            cand.role = Some(format!("{before} {}", cand.role.take().unwrap_or_default()));
        }
    }
    out.push(cand);
}

/// "Kremlin spokesman Dmitry Peskov" → "Kremlin spokesman"; "North Korean leader Kim" →
/// "North Korean leader".
fn role_before(doc: &Doc, a: usize) -> Option<String> {
    let w = words();
    if a == 0 {
        return None;
    }
    let mut i = a;
    let mut saw_role = false;
    while i > 0 {
        let t = &doc.tokens[i - 1];
        let s = doc.tok(i - 1);
        if t.kind != TokKind::Word {
            break;
        }
        // "army chief", "party leader": a body noun before the role noun belongs to the role
        if !t.is_cap() && (w.is(s, class::ROLE) || saw_role && w.is(s, class::ORG_NOUN)) {
            saw_role = true;
            i -= 1;
            continue;
        }
        if saw_role && t.is_cap() && !t.is(flag::SENT_START)
            || (saw_role && w.demonym_adj.contains_key(s))
        {
            i -= 1;
            continue;
        }
        if saw_role && t.is_cap() && t.is(flag::SENT_START) && !w.common_caps.contains_key(s) {
            i -= 1;
        }
        break;
    }
    (saw_role && i < a).then(|| join(doc, i, a).to_string())
}

/// What kind of body a name is, from a word in it, for roles built from a possessive.
const BODY_TYPES: &[(&str, &str)] = &[
    ("Intelligence", "intelligence agency"),
    ("Party", "party"),
    ("Ministry", "ministry"),
    ("Army", "army"),
    ("Navy", "navy"),
    ("Corps", "unit"),
    ("Brigade", "unit"),
    ("Battalion", "unit"),
    ("Division", "unit"),
    ("Regiment", "unit"),
    ("Police", "police force"),
    ("Court", "court"),
    ("Bank", "bank"),
    ("Agency", "agency"),
    ("Council", "council"),
    ("Commission", "commission"),
    ("Parliament", "parliament"),
    ("Assembly", "assembly"),
    ("Guard", "guard"),
];

/// "North Korea’s governing Workers’ Party" → "North Korea’s governing party"; "Seoul’s
/// National Intelligence Service" → "Seoul’s intelligence agency": the possessor and any
/// lowercase modifiers before an organisation's name, with the kind of body the name says it
/// is. Nothing when the name says no kind (a bare possessive adds no description).
fn possessive_role(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let body = (a..b).find_map(|i| {
        BODY_TYPES
            .iter()
            .find(|(w, _)| doc.tok(i) == *w)
            .map(|(_, t)| *t)
    })?;
    // lowercase modifiers right before the name ("governing", "elite")
    let mut m = a;
    while m > 0
        && a - m < 3
        && doc.tokens[m - 1].kind == TokKind::Word
        && !doc.tokens[m - 1].is_cap()
        && !matches!(
            doc.tok(m - 1),
            "’s" | "'s" | "the" | "a" | "an" | "of" | "and" | "in" | "by"
        )
    {
        m -= 1;
    }
    if m == 0 || !matches!(doc.tok(m - 1), "’s" | "'s") {
        return None;
    }
    // the possessor: a capitalised run ending at the possessive
    let end = m - 1;
    let mut p = end;
    while p > 0 && doc.tokens[p - 1].kind == TokKind::Word && doc.tokens[p - 1].is_cap() {
        p -= 1;
    }
    if p == end || FUNCTION_CAPS.contains(&doc.tok(p)) {
        return None;
    }
    let possessor = &doc.text[doc.tokens[p].span.start()..doc.tokens[m - 1].span.end()];
    let modifiers = (m < a).then(|| join(doc, m, a));
    Some(match modifiers {
        Some(mods) => format!("{possessor} {mods} {body}"),
        None => format!("{possessor} {body}"),
    })
}

/// "the National Intelligence Service, Seoul’s spy agency, said" → "Seoul’s spy agency":
/// what an organisation is, said right after its name by its owner (a capitalised
/// possessive, or a country's adjective) and a body noun. The description must close (a
/// comma or the sentence's end), so "X, Seoul’s agency for …" adds nothing.
fn org_role_after(doc: &Doc, b: usize, sent_end: usize) -> Option<String> {
    if b + 2 >= sent_end || doc.tok(b) != "," {
        return None;
    }
    let mut i = b + 1;
    if matches!(doc.tok(i), "the" | "a" | "an") {
        i += 1;
    }
    let start = i;
    let mut j = i;
    while j < sent_end && j - i < 3 && doc.tokens[j].kind == TokKind::Word && doc.tokens[j].is_cap()
    {
        j += 1;
    }
    if j == i || FUNCTION_CAPS.contains(&doc.tok(i)) {
        return None;
    }
    let owner = &doc.text[doc.tokens[i].span.start()..doc.tokens[j - 1].span.end()];
    if matches!(doc.tok(j), "’s" | "'s") {
        j += 1;
    } else if !crate::lexicon::is_demonym_adjective(owner) {
        return None;
    }
    // up to three lowercase modifiers, then the body noun
    let mut head = None;
    for k in j..(j + 4).min(sent_end) {
        let t = &doc.tokens[k];
        if t.kind != TokKind::Word || t.is_cap() {
            break;
        }
        if doc.class(k) & class::ORG_NOUN != 0 {
            head = Some(k);
        }
    }
    let end = head? + 1;
    if end < sent_end && !matches!(doc.tok(end), "," | ")" | ";") {
        return None;
    }
    Some(join(doc, start, end).to_string())
}

/// "Koo Byoungsam, spokesperson of South Korea’s Ministry of Unification that handles ..."
/// → "spokesperson of South Korea’s Ministry of Unification"; "Hugh Hill, a doctor, said".
fn role_after(doc: &Doc, b: usize, sent_end: usize) -> Option<String> {
    let w = words();
    if b + 1 >= sent_end || doc.tok(b) != "," {
        return None;
    }
    let mut i = b + 1;
    if matches!(doc.tok(i), "a" | "an" | "the") {
        i += 1;
    }
    let start = i;
    // up to four modifiers before the role noun
    let mut head = None;
    for j in i..(i + 5).min(sent_end) {
        let s = doc.tok(j);
        if doc.tokens[j].kind != TokKind::Word && s != "’s" && s != "'s" && s != "-" {
            break;
        }
        if !doc.tokens[j].is_cap() && w.is(s, class::ROLE) {
            head = Some(j);
            break;
        }
    }
    let mut end = head? + 1;
    // "of/at/for/with" + a capitalised organisation
    if end < sent_end && matches!(doc.tok(end), "of" | "at" | "for" | "with" | "to") {
        let mut j = end + 1;
        while j < sent_end {
            let t = &doc.tokens[j];
            let s = doc.tok(j);
            if t.is_cap() || s == "’s" || s == "'s" || s == "the" || CONNECTORS.contains(&s) {
                j += 1;
            } else {
                break;
            }
        }
        if j > end + 1 {
            end = j;
            while end > start && matches!(doc.tok(end - 1), "the" | "of" | "and") {
                end -= 1;
            }
        }
    }
    Some(join(doc, start, end).to_string())
}

/// Whether `acronym` is the initials of the capitalised words of `name` ("Border Monitoring
/// Agency" → "BMA"); compared letter by letter, so no string is built per entity.
fn initials_are(name: &str, acronym: &str) -> bool {
    let mut rest = acronym.chars();
    name.split([' ', '-'])
        .filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
        .all(|c| rest.next() == Some(c))
        && rest.next().is_none()
}

fn link(doc: &mut Doc, cands: Vec<Candidate>) {
    let w = words();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let find = |entities: &Vec<Entity>, name: &str, kind: EntityKind| {
        entities
            .iter()
            .position(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
    };
    let add_entity = |entities: &mut Vec<Entity>, name: &str, kind: EntityKind, first: Span| {
        entities.push(Entity::new(name.to_string(), kind, first));
        (entities.len() - 1) as u32
    };
    // Pass 1: names that identify themselves.
    let mut pending = Vec::new();
    for c in &cands {
        let span = Span {
            start: doc.tokens[c.a].span.start,
            end: doc.tokens[c.tail_end.unwrap_or(c.b) - 1].span.end,
        };
        let surface = doc.slice(span).to_string();
        let Some(kind) = c.kind else {
            pending.push(c);
            continue;
        };
        let (canonical, mkind) = match c.info {
            Some(NameInfo::Country(country)) | Some(NameInfo::Capital(country)) => {
                (country.to_string(), MentionKind::Name)
            }
            _ if c.b == c.a + 1 && crate::lexicon::org_full_name(&surface).is_some() => (
                crate::lexicon::org_full_name(&surface)
                    .unwrap_or_default()
                    .to_string(),
                MentionKind::Acronym,
            ),
            _ => {
                let acr = doc.tokens[c.a].is(flag::ALL_CAPS) && c.b == c.a + 1;
                (
                    surface.clone(),
                    if acr {
                        MentionKind::Acronym
                    } else {
                        MentionKind::Name
                    },
                )
            }
        };
        // Persons: a shorter form links to a longer earlier name ("President Biden" → "Joe Biden").
        let mut id = find(&entities, &canonical, kind);
        if id.is_none() && kind == EntityKind::Person {
            id = person_by_token(&entities, &canonical);
        }
        if id.is_none() && kind == EntityKind::Org && mkind == MentionKind::Acronym {
            id = entities
                .iter()
                .position(|e| e.kind == EntityKind::Org && initials_are(&e.name, &canonical));
        }
        let id = match id {
            Some(id) => id as u32,
            None => add_entity(&mut entities, &canonical, kind, span),
        };
        let e = &mut entities[id as usize];
        if surface != e.name && !e.aliases.contains(&surface) {
            e.aliases.push(surface.clone());
        }
        if e.role.is_none() {
            e.role = c.role.clone();
        }
        if e.gender.is_none() {
            e.gender = c.gender;
        }
        if let Some(NameInfo::Metonym(country)) = c.info {
            let target = match find(&entities, country, EntityKind::Place) {
                Some(t) => t as u32,
                None => add_entity(&mut entities, country, EntityKind::Place, span),
            };
            entities[id as usize].stands_for = Some(target);
        }
        mentions.push(Mention {
            span,
            entity: id,
            kind: mkind,
        });
        // "National Intelligence Service (NIS)": the parenthesised acronym is an alias.
        let after = c.tail_end.unwrap_or(c.b);
        if kind == EntityKind::Org
            && after + 2 < doc.tokens.len()
            && doc.tok(after) == "("
            && doc.tok(after + 2) == ")"
        {
            let acr = doc.tok(after + 1).to_string();
            if doc.tokens[after + 1].is(flag::ALL_CAPS) {
                let e = &mut entities[id as usize];
                if !e.aliases.contains(&acr) {
                    e.aliases.push(acr);
                }
                mentions.push(Mention {
                    span: doc.tokens[after + 1].span,
                    entity: id,
                    kind: MentionKind::Acronym,
                });
            }
        }
    }
    // Pass 2: lone capitalised words: surnames, acronyms, or speakers.
    for c in pending {
        let span = doc.tokens[c.a].span;
        if mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let surface = doc.slice(span).to_string();
        let id = person_by_token(&entities, &surface)
            .or_else(|| {
                entities.iter().position(|e| {
                    e.kind == EntityKind::Org
                        && (e.aliases.contains(&surface) || initials_are(&e.name, &surface))
                })
            })
            .or_else(|| entities.iter().position(|e| e.name == surface));
        let id = match id {
            Some(id) => id as u32,
            None => {
                // A lone unknown word becomes a person only when it acts like one: it speaks,
                // or carries a role.
                let next = doc.tokens.get(c.b).map(|_| doc.tok(c.b)).unwrap_or("");
                let prev = if c.a > 0 { doc.tok(c.a - 1) } else { "" };
                // "a Ruthenian claim", "the Ruthenian statement": an adjective before a
                // report noun, not someone who speaks
                let adjective = matches!(prev, "a" | "an")
                    || prev.eq_ignore_ascii_case("the")
                        && matches!(
                            next,
                            "claim" | "claims" | "statement" | "report" | "reports" | "account"
                        );
                let speaks = !adjective
                    && (w.is(next, class::CUE) || matches!(prev, "said" | "says" | "according"));
                if !(speaks || c.role.is_some()) {
                    continue;
                }
                let id = add_entity(&mut entities, &surface, EntityKind::Person, span);
                entities[id as usize].role = c.role.clone();
                id
            }
        };
        mentions.push(Mention {
            span,
            entity: id,
            kind: MentionKind::Name,
        });
    }
    mentions.sort_by_key(|m| m.span);
    doc.entities = entities;
    doc.mentions = mentions;
}

/// The latest person whose name is `surface` or ends with it word by word ("Biden" or
/// "President Biden" → "Joe Biden"); a single word also matches a first name.
fn person_by_token(entities: &[Entity], surface: &str) -> Option<usize> {
    // called for every name candidate: string compares only, no word vectors
    let single = !surface.contains(' ');
    entities.iter().rposition(|e| {
        if e.kind != EntityKind::Person {
            return false;
        }
        let name = e.name.as_str();
        if name == surface {
            return true;
        }
        if single {
            // the first or the last word of the name: `surface` (no space in it) at one end,
            // a space next to it
            let (n, s) = (name.as_bytes(), surface.len());
            n.len() > s
                && (name.starts_with(surface) && n[s] == b' '
                    || name.ends_with(surface) && n[n.len() - s - 1] == b' ')
        } else {
            name.len() > surface.len()
                && name.ends_with(surface)
                && name.as_bytes()[name.len() - surface.len() - 1] == b' '
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clean, segment};

    fn run(text: &str) -> Doc {
        let mut doc = Doc::default();
        clean::clean(&mut doc, text, false);
        segment::segment(&mut doc);
        entities(&mut doc);
        doc
    }

    fn entity<'a>(doc: &'a Doc, name: &str) -> &'a Entity {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no entity {name}: {:?}",
                    doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn titles_roles_and_surnames() {
        let doc = run("Moldovan President Ana Ruiz met Kremlin spokesman Ivan Petrov in Vilnius. Petrov said little, and Ruiz left.");
        let ruiz = entity(&doc, "Ana Ruiz");
        assert_eq!(ruiz.kind, EntityKind::Person);
        assert_eq!(ruiz.role.as_deref(), Some("Moldovan President"));
        assert_eq!(
            entity(&doc, "Ivan Petrov").role.as_deref(),
            Some("Kremlin spokesman")
        );
        let kremlin = entity(&doc, "Kremlin");
        assert_eq!(
            doc.entities[kremlin.stands_for.unwrap() as usize].name,
            "Russia"
        );
        let petrov_mentions = doc
            .mentions
            .iter()
            .filter(|m| doc.entities[m.entity as usize].name == "Ivan Petrov")
            .count();
        assert_eq!(petrov_mentions, 2);
        assert_eq!(entity(&doc, "Lithuania").aliases, vec!["Vilnius"]);
    }

    #[test]
    fn acronyms_and_appositive_roles() {
        let doc = run("The Border Monitoring Agency (BMA) said so. Tomas Vale, spokesperson of the Ministry of Fisheries that runs the port, agreed. The BMA later retracted.");
        let bma = entity(&doc, "Border Monitoring Agency");
        assert_eq!(bma.kind, EntityKind::Org);
        assert!(bma.aliases.contains(&"BMA".to_string()));
        assert_eq!(
            entity(&doc, "Tomas Vale").role.as_deref(),
            Some("spokesperson of the Ministry of Fisheries")
        );
        assert_eq!(entity(&doc, "Ministry of Fisheries").kind, EntityKind::Org);
    }

    #[test]
    fn places_with_tails_and_plural_possessive_names() {
        let doc = run("Fighting spread to the Kursk region, the Farmers’ Party said.");
        assert_eq!(entity(&doc, "Kursk region").kind, EntityKind::Place);
        assert_eq!(entity(&doc, "Farmers’ Party").kind, EntityKind::Org);
    }

    #[test]
    fn and_never_joins_two_people_and_mid_run_titles_split() {
        let doc = run("Harbor Chief Inspector Lena Moss Ortiz met Ivo Tamm and Mara Kell at the Ministry of Roads and Bridges.");
        assert_eq!(
            entity(&doc, "Lena Moss Ortiz").role.as_deref(),
            Some("Harbor Chief Inspector")
        );
        assert_eq!(entity(&doc, "Ivo Tamm").kind, EntityKind::Person);
        assert_eq!(entity(&doc, "Mara Kell").kind, EntityKind::Person);
        assert_eq!(
            entity(&doc, "Ministry of Roads and Bridges").kind,
            EntityKind::Org
        );
    }

    #[test]
    fn descriptions_after_an_organisation_name() {
        let doc = run("The Border Monitoring Agency, Tarvia’s spy agency, said 40 people crossed.");
        assert_eq!(
            entity(&doc, "Border Monitoring Agency").role.as_deref(),
            Some("Tarvia’s spy agency")
        );
        let doc = run("The Border Monitoring Agency, the Russian intelligence agency, said so.");
        assert_eq!(
            entity(&doc, "Border Monitoring Agency").role.as_deref(),
            Some("Russian intelligence agency")
        );
        let doc =
            run("The Border Monitoring Agency, Tarvia’s agency for roads and rails, said so.");
        assert_eq!(entity(&doc, "Border Monitoring Agency").role, None);
    }

    #[test]
    fn possessive_roles_of_organisations_and_units() {
        let doc = run("Troops from Ostria’s elite Granite Brigade joined, and Valdoria’s ruling Harvest Party objected, as did Ostria’s State Intelligence Service.");
        assert_eq!(
            entity(&doc, "Granite Brigade").role.as_deref(),
            Some("Ostria’s elite unit")
        );
        assert_eq!(
            entity(&doc, "Harvest Party").role.as_deref(),
            Some("Valdoria’s ruling party")
        );
        assert_eq!(
            entity(&doc, "State Intelligence Service").role.as_deref(),
            Some("Ostria’s intelligence agency")
        );
    }

    #[test]
    fn initials_and_name_ends() {
        assert!(initials_are("Border Monitoring Agency", "BMA"));
        assert!(initials_are("Harbor-Front Authority", "HFA"));
        assert!(!initials_are("Border Monitoring Agency", "BM"));
        assert!(!initials_are("Border Monitoring Agency", "BMAX"));
        let person = |name: &str| Entity {
            name: name.to_string(),
            kind: EntityKind::Person,
            role: None,
            aliases: Vec::new(),
            stands_for: None,
            gender: None,
            first: Span::default(),
        };
        let people = [person("Ana Ruiz"), person("Ivo Tamm")];
        assert_eq!(person_by_token(&people, "Ruiz"), Some(0));
        assert_eq!(person_by_token(&people, "Ivo"), Some(1));
        assert_eq!(person_by_token(&people, "Ru"), None);
        assert_eq!(person_by_token(&people, "President Ivo Tamm"), None);
    }

    #[test]
    fn date_words_are_not_speakers() {
        let doc = run("The ministry on Monday declined to comment.");
        assert!(doc.entities.iter().all(|e| e.name != "Monday"));
    }

    #[test]
    fn sentence_initial_number_words_are_not_names() {
        let doc = run("Fourteen Ostrian sailors drowned. Eleven Marovian fishermen were hurt.");
        assert!(
            doc.entities
                .iter()
                .all(|e| !e.name.starts_with("Fourteen") && !e.name.starts_with("Eleven")),
            "{:?}",
            doc.entities
        );
    }

    #[test]
    fn an_adjective_before_a_report_noun_is_not_a_speaker() {
        let doc = run("She rejected a Ruthenian claim that the bridge fell.");
        assert!(
            doc.entities.iter().all(|e| e.name != "Ruthenian"),
            "{:?}",
            doc.entities
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let doc = run("Added to that, Meanwhile Reports say nothing.");
        assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    }
}
