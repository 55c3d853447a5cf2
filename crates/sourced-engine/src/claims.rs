//! Stage *claims*: figures about people in a conflict, each with what happened to them
//! (measure), who is counted (subject), who asserts it (claimant, from the reported speech it
//! sits in), how hedged (stance), where and when, and restatements linked by `same_as`.
//!
//! Follows `CLAIMS-GUIDE.md`: a number counts as a claim when it counts people and its clause
//! says what happened to them. The measure comes from the nearest measure word around the
//! number ("300 soldiers have been killed", "killed 30 militants", "2,700 injuries",
//! "casualties … have surpassed 3,000").

use crate::doc::{Claim, ClaimStance, Doc, EntityKind, QuoteKind, Span, TokKind};
use crate::numbers::{NumKind, NumUnit};
use crate::words::{class, words};

/// Measure words, by surface form. Verbs and nouns alike: the nearest one to a number wins.
const MEASURES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("killing", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("dying", "killed"),
    ("dead", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("fatalities", "killed"),
    ("slain", "killed"),
    ("massacred", "killed"),
    ("executed", "killed"),
    ("murdered", "killed"),
    ("perished", "killed"),
    ("bodies", "killed"),
    ("lives", "killed"),
    ("toll", "killed"),
    ("dead,", "killed"),
    ("shot", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("injuries", "wounded"),
    ("injuring", "wounded"),
    ("wounding", "wounded"),
    ("hurt", "wounded"),
    ("casualties", "casualties"),
    ("losses", "casualties"),
    ("captured", "captured"),
    ("capturing", "captured"),
    ("abducted", "captured"),
    ("kidnapped", "captured"),
    ("hostage", "captured"),
    ("prisoner", "captured"),
    ("abducting", "captured"),
    ("kidnapping", "captured"),
    ("missing", "missing"),
    ("deployed", "deployed"),
    ("deploying", "deployed"),
    ("deploy", "deployed"),
    ("sent", "deployed"),
    ("sending", "deployed"),
    ("send", "deployed"),
    ("dispatched", "deployed"),
    ("stationed", "deployed"),
    ("defected", "defected"),
    ("defect", "defected"),
    ("defectors", "defected"),
    ("displaced", "displaced"),
    ("uprooted", "displaced"),
    ("fled", "displaced"),
    ("detained", "detained"),
    ("arrested", "detained"),
    ("arresting", "detained"),
    ("jailed", "detained"),
    ("imprisoned", "detained"),
    ("detaining", "detained"),
    ("arrests", "detained"),
    ("detention", "detained"),
    ("custody", "detained"),
    ("rescued", "other:rescued"),
    ("rescuing", "other:rescued"),
    ("freed", "other:rescued"),
    ("released", "other:released"),
    ("releasing", "other:released"),
    ("refugees", "other:refugees"),
    ("escaped", "other:escaped"),
    ("deported", "other:repatriated"),
    ("repatriated", "other:repatriated"),
    ("evacuated", "other:evacuated"),
    ("abduction", "captured"),
    ("need", "other:need_aid"),
    ("flee", "displaced"),
    ("fleeing", "displaced"),
    ("kidnapping", "captured"),
    ("confined", "detained"),
    ("interned", "detained"),
    ("incarcerated", "detained"),
    ("comprise", "other:strength"),
    ("comprises", "other:strength"),
    ("comprising", "other:strength"),
    ("numbering", "other:strength"),
    ("strength", "other:strength"),
    ("strong", "other:strength"),
    ("arrest", "detained"),
    ("caught", "detained"),
    ("escape", "other:escaped"),
];

/// Words that may stand between a number and the noun it counts ("two North Korean soldiers",
/// "10 more people", "five of the hostages").
const COUNT_MODIFIERS: &[&str] = &[
    "more",
    "other",
    "others",
    "additional",
    "of",
    "the",
    "them",
    "those",
    "these",
    "civilian",
    "innocent",
    "armed",
    "security",
    "paramilitary",
    "military",
    "police",
    "unarmed",
    "foreign",
    "local",
    "young",
    "elderly",
    "suspected",
    "alleged",
    "ethnic",
    "minority",
    "government",
    "rebel",
    "army",
    "enemy",
    "allied",
    "off-duty",
    "active-duty",
    "soldiers",
    "fellow",
    "militant",
    "terrorist",
    "elite",
    "captured",
    "wounded",
    "injured",
    "dead",
    "well-respected",
    "respected",
    "former",
    "female",
    "male",
    "peacekeeping",
    "u.s.",
    "u.n.",
    "un",
    "us",
    "western",
    "palestinian",
    "israeli",
    "taliban",
    "islamist",
    "jihadist",
    "rohingya",
    "uyghur",
    "uighur",
    "railway",
    "frontier",
    "border",
    "regular",
    "new",
    "total",
    "combined",
    "estimated",
    "corps",
    "and",
    "coal",
];

/// Subject nouns that are not in the people list but count people here.
const EXTRA_PEOPLE: &[&str] = &["others", "them", "those", "people", "north koreans"];

/// The measure a word names where it stands: "need" only in "in need".
fn measure_at(doc: &Doc, k: usize) -> Option<&'static str> {
    let s = doc.tok(k);
    let t = doc.tokens[k];
    // a capitalised measure word mid-sentence is a name or title ("Die Hard 2")
    if t.is_cap() && !t.is(crate::doc::flag::SENT_START) {
        return None;
    }
    if s == "need" && (k == 0 || doc.tok(k - 1) != "in") {
        return None;
    }
    // phrasal verbs that say nothing of violence: "killed off", "caught up", "held up"
    if k + 1 < doc.tokens.len() && matches!(doc.tok(k + 1), "off" | "up" | "time") {
        return None;
    }
    // "bodies" are dead only when found, recovered or buried; otherwise they are institutions
    if s == "bodies" {
        let (a, b) = clause(doc, k);
        let found = (a..b).any(|j| {
            matches!(
                doc.tok(j),
                "found"
                    | "recovered"
                    | "discovered"
                    | "washed"
                    | "pulled"
                    | "buried"
                    | "exhumed"
                    | "identified"
                    | "dead"
            )
        });
        if !found {
            return None;
        }
    }
    if let Some(m) = status_phrase(doc, k) {
        return Some(m);
    }
    // suicide attackers: "blew themselves up"
    if matches!(s, "blew" | "blow" | "blown")
        && k + 2 < doc.tokens.len()
        && matches!(doc.tok(k + 1), "themselves" | "himself" | "herself")
        && doc.tok(k + 2) == "up"
    {
        return Some("killed");
    }
    // "has lost about 600 soldiers" counts losses (CLAIMS-GUIDE: casualties) when the figure
    // is its object; "lost their lives" counts deaths; "20,000 workers lost their jobs"
    // counts nothing.
    if matches!(s, "lost" | "lose" | "loses" | "losing") {
        let after = k + 1..(k + 4).min(doc.tokens.len());
        if after
            .clone()
            .any(|j| matches!(doc.tok(j), "lives" | "life"))
        {
            return Some("killed");
        }
        let object = after
            .take_while(|&j| doc.tokens[j].kind != TokKind::Punct)
            .any(|j| doc.tokens[j].kind == TokKind::Number);
        return object.then_some("casualties");
    }
    let m = measure_of(s)?;
    // "will die", "could be killed": a projection, not a count (CLAIMS-GUIDE other:could_die)
    if m == "killed" && k > 0 {
        let before = (k.saturating_sub(3)..k)
            .any(|j| matches!(doc.tok(j), "will" | "could" | "would" | "may" | "might"));
        if before {
            return Some("other:could_die");
        }
    }
    Some(m)
}

fn measure_of(word: &str) -> Option<&'static str> {
    // no lowercase copy: this runs on many tokens around every number
    MEASURES
        .iter()
        .find(|(w, _)| w.len() == word.len() && w.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

fn people_word(doc: &Doc, i: usize) -> bool {
    if doc.class(i) & class::PEOPLE != 0 {
        return true;
    }
    let s = doc.tok(i);
    let w = words();
    let t = doc.tokens[i];
    EXTRA_PEOPLE.contains(&s)
        || (t.is_cap() && w.demonym_plural.contains_key(s))
        || (t.is_cap()
            && i > 0
            && w.demonym_plural
                .contains_key(&doc.text[doc.tokens[i - 1].span.start()..t.span.end()]))
}

/// Clause limits around token `t` within its sentence: stops at ; : and quotation marks.
fn clause(doc: &Doc, t: usize) -> (usize, usize) {
    let s = doc.sentence_at(doc.tokens[t].span.start()).unwrap_or(0);
    let r = doc.sentences[s].token_range();
    // dashes are not clause ends: "1 million people – mostly Uyghurs – have been confined"
    let hard = |k: usize| doc.tok(k) == ";" || matches!(doc.tokens[k].kind, TokKind::Terminal);
    let mut a = t;
    while a > r.start && !hard(a - 1) {
        a -= 1;
    }
    let mut b = t + 1;
    while b < r.end && !hard(b) {
        b += 1;
    }
    (a, b)
}

struct Found {
    measure: &'static str,
    subject: Option<(usize, usize)>,
}

/// Nouns right after a number that name what happened ("300 deaths", "2,700 injuries").
const MEASURE_NOUNS: &[&str] = &[
    "deaths",
    "injuries",
    "casualties",
    "fatalities",
    "dead",
    "wounded",
    "injured",
    "bodies",
    "refugees",
    "defectors",
    "arrests",
    "losses",
    "hostage",
    "prisoner",
    "missing",
];

/// Participles that, between a number and its noun, say what happened ("two captured soldiers").
const MEASURE_ADJECTIVES: &[&str] = &[
    "captured",
    "wounded",
    "injured",
    "dead",
    "detained",
    "missing",
    "displaced",
    "abducted",
    "kidnapped",
    "arrested",
    "jailed",
    "slain",
    "rescued",
    "released",
    "freed",
];

/// Words that may follow a bare number that still counts people ("killing at least 5 in …").
const AFTER_BARE: &[&str] = &[
    "and",
    "or",
    "in",
    "on",
    "at",
    "during",
    "since",
    "from",
    "over",
    "after",
    "before",
    "when",
    "while",
    "as",
    "including",
    "others",
    "more",
    "people",
    "so",
    "by",
    "this",
    "last",
    "across",
    "near",
    "inside",
    "with",
    "to",
];

/// Reads what the number at tokens [qa..na, nb) counts and what happened to them.
fn read_figure(doc: &Doc, qa: usize, na: usize, nb: usize, vague: bool) -> Option<Found> {
    let (ca, cb) = clause(doc, na);
    let mut subject = None;
    let mut measure = None;
    let mut k = nb;
    let mut mods = 0;
    // the counted noun right after the number, past a few modifiers
    while k < cb && mods <= 6 {
        let s = doc.tok(k);
        if MEASURE_NOUNS.contains(&s) && measure_at(doc, k).is_some() {
            measure = measure_at(doc, k);
            // "17 injured people": the adjective is followed by who they are
            if k + 1 < cb && people_word(doc, k + 1) {
                subject = Some((k + 1, k + 2));
                k += 2;
            } else {
                k += 1;
            }
            break;
        }
        if people_word(doc, k) {
            let first = (nb..=k)
                .find(|&j| {
                    !matches!(
                        doc.tok(j),
                        "more" | "other" | "additional" | "of" | "the" | "them" | "those" | "these"
                    )
                })
                .unwrap_or(k);
            let mut end = k + 1;
            // "security personnel": a second people word belongs to the same subject, but
            // "people dead" is what happened to them
            while end < cb
                && people_word(doc, end)
                && end < k + 2
                && !MEASURE_ADJECTIVES.contains(&doc.tok(end))
                && !MEASURE_NOUNS.contains(&doc.tok(end))
            {
                end += 1;
            }
            subject = Some((first, end));
            if s == "hostages" && measure.is_none() {
                measure = Some(hostage_measure(doc, qa, ca));
            }
            k = end;
            break;
        }
        if MEASURE_ADJECTIVES.contains(&s) {
            measure = measure_of(s);
        }
        let t = doc.tokens[k];
        let before_people =
            k + 1 < cb && (people_word(doc, k + 1) || (k + 2 < cb && people_word(doc, k + 2)));
        let modifier = t.kind == TokKind::Word
            && (t.is_cap()
                || crate::lexicon::contains_ci(COUNT_MODIFIERS, s)
                || s.contains('-')
                || words().demonym_adj.contains_key(s)
                || (before_people
                    && !matches!(s, "of" | "who" | "that" | "which" | "in" | "were" | "was")));
        if !modifier {
            break;
        }
        mods += 1;
        k += 1;
    }
    if subject.is_none() && measure.is_none() {
        // A bare number counts people only as the object of a nearby measure verb ("killing at
        // least 5", "rescued 190") or as a predicate ("the toll rose to 31"), and only when no
        // other noun follows it ("three major stock indexes", "150 of his concerts").
        // "4,000 were killed", "30 died": a bare number as the subject of a measure verb
        let after_name = qa > 0
            && doc.tokens[qa - 1].is_cap()
            && !doc.tokens[qa - 1].is(crate::doc::flag::SENT_START);
        if !after_name
            && nb < cb
            && matches!(
                doc.tok(nb),
                "were" | "have" | "had" | "are" | "died" | "remain" | "remained"
            )
        {
            if let Some(m) = right_measure(doc, nb, (nb + 4).min(cb)) {
                return Some(Found {
                    measure: m,
                    subject: None,
                });
            }
        }
        // "millions remain uprooted": a vague amount stands for people on its own
        if vague
            && nb < cb
            && matches!(
                doc.tok(nb),
                "remain" | "remained" | "fled" | "died" | "were" | "are" | "have" | "had"
            )
        {
            if let Some(m) = right_measure(doc, nb, cb) {
                return Some(Found {
                    measure: m,
                    subject: None,
                });
            }
        }
        if nb < cb && doc.tokens[nb].kind == TokKind::Word {
            let next = doc.tok(nb);
            let of_people = next == "of"
                && (nb + 1..(nb + 4).min(cb)).any(|j| {
                    people_word(doc, j) || matches!(doc.tok(j), "whom" | "them" | "those")
                });
            if !AFTER_BARE.contains(&next) && !of_people {
                return None;
            }
        }
        if nb + 1 < cb
            && doc.tok(nb) == "of"
            && matches!(doc.tok(nb + 1), "whom" | "them" | "those")
        {
            if let Some(m) = right_measure(doc, nb + 2, cb) {
                return Some(Found {
                    measure: m,
                    subject: None,
                });
            }
        }
        // "another 3 million at risk of diseases"
        if let Some(m) = (nb..(nb + 4).min(cb)).find_map(|j| status_phrase(doc, j)) {
            return Some(Found {
                measure: m,
                subject: None,
            });
        }
        if let Some(m) = number_of(doc, qa, ca) {
            return Some(Found {
                measure: m,
                subject: None,
            });
        }
        let (m, at) = left_measure(doc, qa, ca)?;
        // a verb must be close; a measure noun may stand further back as the subject of a
        // predicate ("casualties among X have surpassed 3,000", "the toll rose to 31")
        let noun = doc.tok(at).to_ascii_lowercase();
        if qa - at > 4 && noun != "toll" && !MEASURE_NOUNS.contains(&noun.as_str()) {
            return None;
        }
        return Some(Found {
            measure: coordinated(doc, at, m),
            subject: among_subject(doc, at, na),
        });
    }
    // a verb right before the figure governs it: "killed at least 25 people and injured 60"
    let adjacent = (qa > ca)
        .then(|| doc.tok(qa - 1))
        .filter(|w| {
            w.ends_with("ed")
                || matches!(
                    *w,
                    "sent" | "freed" | "dead" | "killing" | "injuring" | "wounding" | "taking"
                )
        })
        .and_then(measure_of)
        .map(|m| coordinated(doc, qa - 1, m));
    // "the group has several hundred armed fighters": the size of a fighting force
    let adjacent = adjacent.or_else(|| {
        let owns = qa > ca && matches!(doc.tok(qa - 1), "has" | "have" | "had" | "with");
        let fighters = subject.is_some_and(|(a, b)| (a..b).any(|j| combatant(doc.tok(j))));
        (owns && fighters).then_some("other:strength")
    });
    let measure = match (measure, adjacent) {
        (Some(m), _) => m,
        (None, Some(a)) => a,
        (None, None) => right_measure(doc, k, cb)
            .or_else(|| left_measure(doc, qa, ca).map(|(m, at)| coordinated(doc, at, m)))?,
    };
    Some(Found { measure, subject })
}

/// The report that sentence `s` continues (CLAIMS-GUIDE: a figure in an unattributed
/// sentence that plainly continues an attributed report takes that report's claimant): the
/// previous sentence of the paragraph was attributed "according to" a source, and this one
/// has no report, speech verb or quotation mark of its own.
fn continued_report(doc: &Doc, s: usize) -> Option<u32> {
    if s == 0 || doc.sentences[s - 1].paragraph != doc.sentences[s].paragraph {
        return None;
    }
    if reported_in(doc, s) {
        return None;
    }
    let r = doc.sentences[s].token_range();
    if r.clone()
        .any(|i| doc.class(i) & class::SPEECH != 0 || doc.tokens[i].kind == TokKind::OpenQuote)
    {
        return None;
    }
    let prev = doc.sentences[s - 1].span;
    doc.quotes
        .iter()
        .enumerate()
        .rev()
        .find(|(_, q)| {
            q.speaker.is_some()
                && prev.contains(q.span)
                && q.cue
                    .is_some_and(|c| doc.slice(c).eq_ignore_ascii_case("according to"))
        })
        .map(|(i, _)| i as u32)
}

/// Whether sentence `s` holds a report someone makes: then it needs no claimant borrowed
/// from the sentence before.
fn reported_in(doc: &Doc, s: usize) -> bool {
    let here = doc.sentences[s].span;
    doc.quotes
        .iter()
        .any(|q| q.span.overlaps(here) && has_agent(doc, q))
}

/// Whether a report has someone who makes it. CLAIMS-GUIDE: a cue with no agent ("were said
/// to", "is believed") does not govern, so look further out; and a count of the dead is never
/// a speaker ("deaths in these attacks surged" is no report).
fn has_agent(doc: &Doc, q: &crate::doc::Quote) -> bool {
    if let Some(sp) = q.speaker_span {
        let st = doc.token_at(sp.start());
        if st < doc.tokens.len()
            && MEASURE_NOUNS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(doc.tok(st)))
        {
            return false;
        }
    }
    let Some(c) = q.cue else {
        return true;
    };
    !passive_cue(doc, doc.token_at(c.start()))
}

/// "were said to", "is believed": a cue in the passive names no one who makes the report.
fn passive_cue(doc: &Doc, cue: usize) -> bool {
    cue > 0
        && matches!(
            doc.tok(cue - 1),
            "was" | "were" | "is" | "are" | "been" | "be"
        )
}

/// Cues whose object is not a report of fact: a figure inside what someone praised, hoped for,
/// condemned or attacked is not theirs to claim ("praised the withdrawal as officials raised the
/// toll to 60").
fn asserts(doc: &Doc, q: &crate::doc::Quote) -> bool {
    if !has_agent(doc, q) {
        return false;
    }
    let Some(c) = q.cue else {
        return true;
    };
    // the quotes stage's lemma, its own cues included ("backed", "ordered")
    let lemma = crate::quotes::is_cue_at(doc, doc.token_at(c.start()))
        .or_else(|| words().cue(doc.slice(c).split(' ').next().unwrap_or("")));
    !matches!(
        lemma,
        Some(
            "praise"
                | "hope"
                | "attack"
                | "condemn"
                | "urge"
                | "criticize"
                | "slam"
                | "blast"
                | "decry"
                | "oppose"
                | "support"
                | "endorse"
                | "want"
                | "seek"
                | "plan"
                | "intend"
                | "demand"
                | "mock"
                | "dismiss"
                | "question"
                | "decline"
                | "refuse"
                | "back"
                | "thank"
                | "denounce"
                | "discuss"
                | "favor"
                | "prefer"
                | "laud"
                | "assail"
                | "retweet"
                | "order"
                | "offer"
                | "portray"
                | "deride"
                | "highlight"
                | "disavow"
                | "defend"
                | "tout"
                | "echo"
        )
    )
}

/// A figure the quotes stage left outside any report, although a cue of its own sentence
/// governs it: "X claimed to be holding 200 hostages", "according to X, there were 25 deaths",
/// "X told reporters 40 people died". The cue must come first, in the same clause, unless it
/// opens the sentence ("X said …", "according to X, …"), which it then governs to the end.
fn cue_before(doc: &Doc, qa: usize, s: usize) -> Option<u32> {
    let r = doc.sentences[s].token_range();
    let at = doc.tokens[qa].span.start;
    doc.quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let c = q.cue?;
            if q.speaker.is_none() || c.end > at || c.start < doc.sentences[s].span.start {
                return None;
            }
            let ct = doc.token_at(c.start());
            (r.contains(&ct) && asserts(doc, q)).then_some((i, c, ct))
        })
        .filter(|&(_, c, ct)| {
            let opens = doc.slice(c).eq_ignore_ascii_case("according to") || ct < r.start + 5;
            let mut commas = 0;
            let end = doc.tokens_in(c).end;
            // "wrote to two of the men": the figure is whom it was said to
            let addressee = end < qa
                && doc.tok(end) == "to"
                && (end + 1..qa).all(|j| matches!(doc.tok(j), "the" | "all" | "some"));
            if addressee {
                return false;
            }
            (end..qa).all(|j| {
                let w = doc.tok(j);
                if w == "," {
                    commas += 1;
                }
                let hard = w == ";" || doc.tokens[j].kind == TokKind::Dash;
                // another cue on the way starts a report of its own
                !hard && (commas == 0 || opens) && (j == ct || doc.class(j) & class::SPEECH == 0)
            })
        })
        .max_by_key(|&(_, c, _)| c.start)
        .map(|(i, _, _)| i as u32)
}

/// CLAIMS-GUIDE: a figure in an unattributed sentence that plainly continues an attributed
/// report takes that report's claimant. "Plainly" is read as: a figure of the sentence before
/// has a claimant, and this one either says it goes on ("also", "another", "further") with
/// the same measure, gives the other half of the same toll (the dead, then the injured), or
/// counts a part of it ("sixty of those").
fn continued_figure(
    doc: &Doc,
    s: usize,
    measure: &str,
    partitive: bool,
    out: &[Claim],
) -> Option<u32> {
    if s == 0 {
        return None;
    }
    if reported_in(doc, s) {
        return None;
    }
    let r = doc.sentences[s].token_range();
    let goes_on = r
        .clone()
        .any(|i| matches!(doc.tok(i), "also" | "another" | "further" | "additional"));
    // a cue with an agent; "were said to be" names none
    let own_cue = r.clone().any(|i| {
        doc.tokens[i].kind == TokKind::OpenQuote
            || (doc.class(i) & class::SPEECH != 0
                && !doc.tokens[i].is_cap()
                && !passive_cue(doc, i))
    });
    if own_cue {
        return None;
    }
    let toll = |m: &str| matches!(m, "killed" | "wounded");
    let here = doc.sentences[s].span;
    let prev = doc.sentences[s - 1].span;
    out.iter()
        .rev()
        .take_while(|c| prev.contains(c.evidence) || here.contains(c.evidence))
        .find(|c| {
            prev.contains(c.evidence)
                && c.claimant.is_some()
                && (partitive
                    || (goes_on && c.measure == measure)
                    || (toll(measure) && toll(&c.measure) && c.measure != measure))
        })
        .and_then(|c| c.quote)
}

/// "the report" after "according to the Global Terrorism Index": a bare document noun names the
/// nearest document named before it in the article.
fn named_document(doc: &Doc, e: u32, quote: u32) -> u32 {
    const DOCS: &[&str] = &[
        "report",
        "study",
        "survey",
        "index",
        "assessment",
        "analysis",
        "review",
        "document",
    ];
    let name = doc.entities[e as usize].name.to_ascii_lowercase();
    let name = name.strip_prefix("the ").unwrap_or(&name);
    if !DOCS.contains(&name) {
        return e;
    }
    doc.quotes[..quote as usize]
        .iter()
        .rev()
        .filter_map(|q| q.speaker)
        .find(|&x| {
            let n = &doc.entities[x as usize].name;
            n.split(' ').any(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && DOCS.contains(&w.to_ascii_lowercase().as_str())
            })
        })
        .unwrap_or(e)
}

/// CLAIMS-GUIDE: the article's own reporters' observations are narration. A reporter or
/// correspondent of the outlet that publishes the article ("a VOA reporter in the town").
fn own_reporter(doc: &Doc, e: u32) -> bool {
    let name = &doc.entities[e as usize].name;
    if !name.split(' ').any(|w| {
        matches!(
            w,
            "reporter" | "reporters" | "correspondent" | "correspondents"
        )
    }) {
        return false;
    }
    let host = doc
        .meta
        .url
        .as_deref()
        .map(|u| u.split('/').nth(2).unwrap_or(u).to_ascii_lowercase())
        .unwrap_or_default();
    let outlet = doc
        .meta
        .outlet
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    name.split(' ').any(|w| {
        let w = w.to_ascii_lowercase();
        w.len() >= 2
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && !matches!(
                w.as_str(),
                "reporter" | "reporters" | "correspondent" | "correspondents"
            )
            && w != "in"
            && w != "the"
            && (host.contains(&w) || outlet.contains(&w))
    }) || name.starts_with("our ")
        || name.starts_with("Our ")
}

/// "31 people, including 23 security personnel, lost their lives": a subset named inside
/// another figure's sentence shares its measure.
fn subset_of_previous(doc: &Doc, qa: usize, nb: usize, at: usize, out: &[Claim]) -> Option<Found> {
    // only a figure of this sentence can have subsets here; most numbers stop at this test
    let prev = out.last()?;
    if !prev.evidence.contains(Span::new(at, at)) {
        return None;
    }
    // "including 58 men, 31 women and 15 children": every item of the list is a subset
    let in_list = (qa.saturating_sub(12)..qa)
        .rev()
        .take_while(|&j| {
            let w = doc.tok(j);
            doc.tokens[j].kind != TokKind::Terminal
                && w != ";"
                && doc.class(j) & class::CUE == 0
                && measure_at(doc, j).is_none()
        })
        .any(|j| doc.tok(j) == "including");
    let lead = in_list
        || (qa >= 1 && matches!(doc.tok(qa - 1), "including" | "with"))
        || (qa >= 2
            && matches!(
                (doc.tok(qa - 2), doc.tok(qa - 1)),
                ("along", "with") | ("among", "them") | ("of", "whom") | ("as", "well")
            ));
    // "deaths surged from 88 to 388": the new level of a figure counts the same thing
    let change = qa >= 1
        && doc.tok(qa - 1) == "to"
        && (qa.saturating_sub(8)..qa - 1).any(|j| {
            doc.tok(j) == "from"
                && doc.tokens[j + 1].kind == TokKind::Number
                && doc.tokens[j + 1].span.start == doc.numbers[prev.number as usize].start as u32
        });
    if !lead && !change {
        return None;
    }
    let (_, cb) = clause(doc, qa);
    let mut end = nb;
    while end < cb && end < nb + 5 && !people_word(doc, end) {
        end += 1;
    }
    let subject = (end < cb && people_word(doc, end)).then_some((nb, end + 1));
    Some(Found {
        measure: measure_static(&prev.measure)?,
        subject,
    })
}

/// The lexicon's own string for a measure (claims store owned strings).
fn measure_static(m: &str) -> Option<&'static str> {
    MEASURES
        .iter()
        .map(|(_, v)| *v)
        .chain(STATUS_MEASURES.iter().copied())
        .find(|v| *v == m)
}

/// Statuses that conflict reporting gives as phrases, not single words (CLAIMS-GUIDE other:*).
const STATUS_MEASURES: &[&str] = &[
    "other:famine_risk",
    "other:disease_risk",
    "other:out_of_school",
    "other:beyond_aid_access",
];

/// The status a phrase ending or turning on token `k` names: "at risk of famine", "at risk of
/// diseases", "out of school", "beyond the reach of aid workers", "no access to".
fn status_phrase(doc: &Doc, k: usize) -> Option<&'static str> {
    let w = |j: usize| {
        if j < doc.tokens.len() {
            doc.tok(j)
        } else {
            ""
        }
    };
    let prev = |n: usize| if k >= n { w(k - n) } else { "" };
    match w(k) {
        "risk" if prev(1) == "at" && w(k + 1) == "of" => match w(k + 2) {
            "famine" | "starvation" | "hunger" => Some("other:famine_risk"),
            "disease" | "diseases" | "cholera" | "malaria" | "measles" | "epidemics" => {
                Some("other:disease_risk")
            }
            _ => None,
        },
        "school" if prev(1) == "of" && prev(2) == "out" => Some("other:out_of_school"),
        "reach" if prev(1) == "the" && prev(2) == "beyond" => Some("other:beyond_aid_access"),
        "access" if matches!(prev(1), "no" | "without") => Some("other:beyond_aid_access"),
        _ => None,
    }
}

/// Nouns for people who fight: a number that sizes them is a force's strength.
fn combatant(w: &str) -> bool {
    matches!(
        w,
        "fighters"
            | "troops"
            | "soldiers"
            | "militants"
            | "combatants"
            | "militiamen"
            | "insurgents"
            | "rebels"
            | "gunmen"
            | "force"
            | "forces"
            | "army"
            | "contingent"
            | "brigade"
    )
}

/// "the 5,000-man troops", "a 2,000-strong force": the size of a fighting force, not a group
/// size like "a 15-member council" (CLAIMS-GUIDE other:strength).
fn force_size(doc: &Doc, end: usize, nb: usize) -> Option<Found> {
    let rest = &doc.text[end..];
    let tail = ["-man ", "-strong ", "-man-", "-strong,"]
        .iter()
        .find(|t| rest.starts_with(**t))?;
    let after = doc.token_at(end + tail.len());
    let noun = (after..(after + 3).min(doc.tokens.len())).find(|&j| combatant(doc.tok(j)));
    let before_force = nb >= 2 && (nb.saturating_sub(3)..nb).any(|j| combatant(doc.tok(j)));
    if noun.is_none() && !(tail.starts_with("-strong") && before_force) {
        return None;
    }
    Some(Found {
        measure: "other:strength",
        subject: noun.map(|j| (j, j + 1)),
    })
}

/// "sent 109, most of them men, back to China": sent back is repatriated, not deployed.
fn sent_back(doc: &Doc, nb: usize, f: Found) -> Found {
    let (_, cb) = clause(doc, nb.saturating_sub(1));
    // fled abroad: cross-border refugees are their own measure (CLAIMS-GUIDE)
    if f.measure == "displaced"
        && (nb..(nb + 10).min(cb)).any(|j| {
            matches!(
                doc.tok(j),
                "neighboring" | "neighbouring" | "abroad" | "border"
            )
        })
    {
        return Found {
            measure: "other:refugees",
            ..f
        };
    }
    if f.measure == "deployed" && (nb..(nb + 8).min(cb)).any(|j| doc.tok(j) == "back") {
        Found {
            measure: "other:repatriated",
            ..f
        }
    } else {
        f
    }
}

/// "killed and injured 1,000", "dead or wounded": both together are casualties.
fn coordinated(doc: &Doc, at: usize, m: &'static str) -> &'static str {
    if !matches!(m, "killed" | "wounded") || at < 2 || !matches!(doc.tok(at - 1), "and" | "or") {
        return m;
    }
    match measure_of(doc.tok(at - 2)) {
        Some(other) if matches!(other, "killed" | "wounded") && other != m => "casualties",
        _ => m,
    }
}

/// Hostages taken are captured; hostages held are held hostage.
fn hostage_measure(doc: &Doc, qa: usize, ca: usize) -> &'static str {
    let lo = qa.saturating_sub(4).max(ca);
    if (lo..qa).any(|j| matches!(doc.tok(j), "holding" | "held" | "hold" | "holds")) {
        "other:held_hostage"
    } else {
        "captured"
    }
}

/// A measure word after the counted noun: "soldiers have been killed", "people died",
/// "31 people, including 23 security personnel, lost their lives", "18 troops, three staff
/// and five passengers were among those killed". A participle right after the noun is a
/// modifier ("schoolgirls kidnapped in May were freed"); the verb with an auxiliary wins.
fn right_measure(doc: &Doc, from: usize, cb: usize) -> Option<&'static str> {
    let mut k = from;
    let mut budget = 8;
    let mut first = None;
    while k < cb && budget > 0 {
        let s = doc.tok(k);
        if doc.tokens[k].kind == TokKind::Dash {
            // an inserted remark between dashes: skip it
            match (k + 1..(k + 12).min(cb)).find(|&j| doc.tokens[j].kind == TokKind::Dash) {
                Some(j) => {
                    k = j + 1;
                    continue;
                }
                None => break,
            }
        }
        if s == "large" && k > 0 && doc.tok(k - 1) == "at" {
            return Some("other:escaped");
        }
        if let Some(m) = measure_at(doc, k) {
            let m = if m == "other:rescued"
                && matches!(doc.tok((k + 1).min(cb - 1)), "by")
                && (k + 2..(k + 4).min(cb))
                    .any(|j| matches!(doc.tok(j), "captors" | "kidnappers" | "abductors"))
            {
                "other:released"
            } else {
                m
            };
            let aux = k > 0
                && matches!(
                    doc.tok(k - 1),
                    "were"
                        | "was"
                        | "been"
                        | "be"
                        | "are"
                        | "is"
                        | "have"
                        | "has"
                        | "had"
                        | "being"
                );
            if aux || k > from {
                return Some(m);
            }
            first.get_or_insert(m);
        }
        if s == "," || s == "(" {
            // skip an inserted subset or list: ", including 58 men, 31 women and 15 children,"
            let starts_insert = |j: usize| {
                j < cb
                    && (matches!(
                        doc.tok(j),
                        "including" | "among" | "mostly" | "most" | "many" | "some" | "all" | "and"
                    ) || doc.tokens[j].kind == TokKind::Number
                        || is_number_word(doc.tok(j)))
            };
            if !starts_insert(k + 1) {
                break;
            }
            let mut j = k + 2;
            loop {
                let seg = j;
                while j < cb && !matches!(doc.tok(j), "," | ")") && j < seg + 12 {
                    j += 1;
                }
                if j >= cb || !matches!(doc.tok(j), "," | ")") {
                    // "18 troops, three staff and five passengers were among those killed":
                    // the list's last items run on into the predicate
                    return first.or_else(|| {
                        (seg..(seg + 14).min(cb))
                            .find(|&x| {
                                measure_at(doc, x).is_some()
                                    && matches!(
                                        doc.tok(x - 1),
                                        "were" | "was" | "been" | "those" | "are" | "have"
                                    )
                            })
                            .and_then(|x| measure_at(doc, x))
                    });
                }
                if starts_insert(j + 1) && doc.tok(j + 1) != "and"
                    || (doc.tok(j + 1) == "and"
                        && j + 2 < cb
                        && (doc.tokens[j + 2].kind == TokKind::Number
                            || is_number_word(doc.tok(j + 2))))
                {
                    j += 2;
                    continue;
                }
                break;
            }
            k = j + 1;
            budget = 8;
            continue;
        }
        if matches!(s, "who" | "which" | "that") {
            // "sixty of those who escaped have been caught": past the relative clause that
            // says who they are, to the verb of the figure
            let past = (k > 0 && doc.tok(k - 1) == "those")
                .then(|| {
                    (k + 2..(k + 6).min(cb)).find(|&j| {
                        matches!(doc.tok(j), "have" | "has" | "had" | "were" | "was" | "are")
                    })
                })
                .flatten();
            match past {
                Some(j) => {
                    k = j;
                    continue;
                }
                None => break,
            }
        }
        k += 1;
        budget -= 1;
    }
    first
}

/// "put the number of fighters at 1,500", "the number of refugees declined to 230,000": the
/// figure is the number of the people named after "number of", which says the measure.
fn number_of(doc: &Doc, qa: usize, ca: usize) -> Option<&'static str> {
    let lo = qa.saturating_sub(14).max(ca);
    let at = (lo..qa)
        .rev()
        .find(|&j| doc.tok(j) == "number" && j + 1 < qa && doc.tok(j + 1) == "of")?;
    (at + 2..(at + 6).min(qa)).find_map(|j| {
        let w = doc.tok(j);
        if combatant(w) {
            Some("other:strength")
        } else if MEASURE_NOUNS.contains(&w) {
            measure_at(doc, j)
        } else {
            None
        }
    })
}

fn is_number_word(s: &str) -> bool {
    matches!(
        s,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "several"
            | "another"
            | "at"
            | "about"
            | "more"
            | "nearly"
            | "some"
            | "over"
            | "up"
    )
}

/// "casualties among North Korean forces have surpassed 3,000": the group after "among" or
/// "of" next to a measure noun.
fn among_subject(doc: &Doc, at: usize, na: usize) -> Option<(usize, usize)> {
    if at + 1 >= na || !matches!(doc.tok(at + 1), "among" | "of") {
        return None;
    }
    let first = at + 2;
    let mut k = first;
    while k < na && k < first + 5 {
        if people_word(doc, k) {
            let start = if matches!(doc.tok(first), "the" | "its" | "their") {
                first + 1
            } else {
                first
            };
            return Some((start, k + 1));
        }
        k += 1;
    }
    None
}

/// A measure word before the number (or its qualifier): "killed 30 militants",
/// "casualties … surpassed 3,000". Returns the measure and where its word stands.
fn left_measure(doc: &Doc, qa: usize, ca: usize) -> Option<(&'static str, usize)> {
    let mut k = qa;
    let limit = qa.saturating_sub(8).max(ca);
    while k > limit {
        k -= 1;
        let s = doc.tok(k);
        if let Some(m) = measure_at(doc, k) {
            // "caught up in", "held up": phrasal verbs that say nothing of capture
            if !(k + 1 < qa && doc.tok(k + 1) == "up") {
                return Some((m, k));
            }
        }
        let year = s.len() == 4 && s.starts_with(['1', '2']);
        if (matches!(doc.tokens[k].kind, TokKind::Number) && !year)
            || matches!(s, "," | "(" | "—" | "–")
        {
            return None;
        }
    }
    None
}

/// A figure framed by what someone does with a report of it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Frame {
    /// "withdrew its earlier figure of 500 …", "retracted its claim that …"
    Retracted,
    /// "rejected a claim that …", "dismissed reports that …"
    Denied,
    /// "neither confirmed nor denied a statement that …"
    Unconfirmed,
}

/// Nouns that name a report of a figure ("a claim that", "its earlier figure of").
fn report_noun(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "statement"
            | "statements"
            | "report"
            | "reports"
            | "figure"
            | "figures"
            | "estimate"
            | "estimates"
            | "toll"
            | "count"
            | "tally"
            | "assertion"
            | "assertions"
            | "allegation"
            | "allegations"
            | "account"
            | "accounts"
    )
}

/// The figure at token `qa` sits in a report that the subject of a verb withdraws, rejects
/// or neither confirms nor denies: "The ministry withdrew its earlier figure of 500 …", "She
/// rejected a Ruthenian claim that 40 …", "He neither confirmed nor denied reports that …".
/// Returns the frame, the verb's token and the report noun's token.
fn report_frame(doc: &Doc, qa: usize, s: usize) -> Option<(Frame, usize, usize)> {
    let s0 = doc.sentences[s].token_range().start;
    let lo = qa.saturating_sub(14).max(s0);
    // the report noun, then "that" (after an optional "by X") or "of" up to the figure
    let f = (lo..qa).rev().find(|&k| report_noun(doc.tok(k)))?;
    let link = (f + 1..qa)
        .take_while(|&k| doc.tok(k) != "," && doc.tok(k) != ";")
        .find(|&k| matches!(doc.tok(k), "that" | "of"))?;
    if link != f + 1 && !(doc.tok(f + 1) == "by" && doc.tok(link) == "that") {
        return None;
    }
    if doc.tok(link) == "of" && link + 1 != qa {
        return None;
    }
    // "… dismissed reports that …, and said 40 …": a later cue reports on its own
    if (link + 1..qa).any(|k| doc.class(k) & class::SPEECH != 0) {
        return None;
    }
    // back over the report noun's modifiers ("its earlier", "a Ruthenian", "the army's")
    let mut v = f;
    while v > s0 && f - v < 5 {
        let w = doc.tok(v - 1);
        let modifier = matches!(
            w,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "that"
                | "this"
                | "earlier"
                | "initial"
                | "original"
                | "previous"
                | "own"
                | "first"
                | "official"
                | "published"
                | "’s"
                | "'s"
        ) || doc.tokens[v - 1].is_cap() && v - 1 > s0;
        if !modifier {
            break;
        }
        v -= 1;
    }
    if v == s0 {
        return None;
    }
    let verb = v - 1;
    let frame = match doc.tok(verb) {
        "withdrew" | "withdrawn" | "withdraws" | "retracted" | "retracts" | "corrected"
        | "corrects" | "rescinded" | "revised" => Frame::Retracted,
        "denied" | "denies" if verb >= 3 && doc.tok(verb - 1) == "nor" => Frame::Unconfirmed,
        "confirm" | "confirmed" if verb >= 2 && doc.tok(verb - 1) == "not" => Frame::Unconfirmed,
        "rejected" | "rejects" | "denied" | "denies" | "dismissed" | "dismisses" | "disputed"
        | "disputes" | "refuted" | "refutes" | "contested" | "contests" => Frame::Denied,
        _ => return None,
    };
    Some((frame, verb, f))
}

/// The entity whose mention is the subject of the verb at token `v` in sentence `s`: the
/// nearest mention before it with nothing but a time phrase or adverbs between ("The
/// ministry on Tuesday withdrew").
fn subject_of_verb(doc: &Doc, s: usize, v: usize) -> Option<u32> {
    let start = doc.sentences[s].span.start;
    let at = doc.tokens[v].span.start;
    let m = doc
        .mentions
        .iter()
        .filter(|m| m.span.start >= start && m.span.end <= at)
        .max_by_key(|m| m.span.end)?;
    let between = doc.tokens_in(Span::new(m.span.end as usize, at as usize));
    between
        .clone()
        .all(|k| {
            doc.tokens[k].kind == TokKind::Word
                && !matches!(doc.tok(k), "that" | "who" | "which")
                && doc.class(k) & class::SPEECH == 0
        })
        .then_some(doc.resolve_metonym(m.entity))
}

/// Whose report the noun at `f` is: "a Ruthenian claim" (a nationality adjective → the
/// country: an entity of the document, else the country's name), "the army's statement",
/// "a claim by the rebels". `Err(name)` asks for a new entity of that name; `Ok(None)` is a
/// report of no one ("reports that …").
fn report_owner(doc: &Doc, verb: usize, f: usize) -> Result<Option<u32>, String> {
    let mention_at = |k: usize| {
        let at = doc.tokens[k].span;
        doc.mentions
            .iter()
            .find(|m| m.span.start <= at.start && at.end <= m.span.end)
            .map(|m| doc.resolve_metonym(m.entity))
    };
    // "a claim by the rebel council that"
    if doc.tok(f + 1) == "by" {
        return Ok((f + 2..(f + 8).min(doc.tokens.len()))
            .take_while(|&k| doc.tok(k) != "that")
            .find_map(mention_at));
    }
    let Some(k) = (verb + 1..f)
        .rev()
        .find(|&k| doc.tokens[k].is_cap() || matches!(doc.tok(k), "’s" | "'s"))
    else {
        return Ok(None);
    };
    let k = if matches!(doc.tok(k), "’s" | "'s") && k > 0 {
        k - 1
    } else {
        k
    };
    let adj = doc.tok(k);
    // a lone capitalised word may have been taken for a person ("a Ruthenian claim")
    if let Some(e) = mention_at(k).filter(|&e| {
        let e = &doc.entities[e as usize];
        e.kind != EntityKind::Person || e.name != adj
    }) {
        return Ok(Some(e));
    }
    let country = crate::lexicon::country_of_demonym(adj);
    let place = |e: &crate::doc::Entity| matches!(e.kind, EntityKind::Place | EntityKind::Org);
    if let Some(c) = country {
        return doc
            .entities
            .iter()
            .position(|e| place(e) && e.name == c)
            .map(|i| Some(i as u32))
            .ok_or_else(|| c.to_string());
    }
    // a demonym the lexicon does not know: a place of the document it derives from
    // ("Valorian" of Valoria), else the name without the suffix ("Karstan" → Karst)
    let derived = |name: &str| {
        adj.strip_prefix(name)
            .is_some_and(|rest| matches!(rest, "an" | "n" | "ian" | "ese" | "i" | "ish"))
    };
    if let Some(i) = doc
        .entities
        .iter()
        .position(|e| place(e) && !e.name.contains(' ') && derived(&e.name))
    {
        return Ok(Some(i as u32));
    }
    if let Some(stem) = adj.strip_suffix("ian") {
        if stem.len() >= 3 {
            return Err(format!("{stem}ia"));
        }
    }
    if let Some(stem) = adj.strip_suffix("an") {
        if stem.len() >= 3 {
            return Err(stem.to_string());
        }
    }
    Ok(None)
}

/// Stance words in the claim's sentence, strongest first (CLAIMS-GUIDE "stance").
fn stance_of(
    doc: &Doc,
    sentence: Span,
    next: Option<Span>,
    quote_cue: Option<&str>,
) -> ClaimStance {
    let text = doc.slice(sentence).to_ascii_lowercase();
    let next_text = next
        .map(|s| doc.slice(s).to_ascii_lowercase())
        .unwrap_or_default();
    let has = |t: &str, words: &[&str]| words.iter().any(|w| t.contains(w));
    // the report's own cue denies, or nothing reports it and the sentence denies; not "X
    // rejected the claims, saying 15 …" (X's own figure) or "…, X said, a toll Y disputed"
    let denial = match quote_cue {
        Some(l) => matches!(l, "deny" | "reject" | "dispute" | "refute"),
        None => has(&text, &[" denied", " disputed", " rejected the"]),
    };
    if denial {
        return ClaimStance::Denied;
    }
    let unverified = [
        "could not be independently verified",
        "cannot be independently verified",
        "could not independently verify",
        "not independently verified",
        "unverified",
        "unconfirmed",
        "without providing evidence",
        "without evidence",
        "impossible to verify",
        "could not be verified",
        "if confirmed",
        "not be confirmed",
        "could not confirm",
    ];
    // a speaker's refusal to confirm speaks only of its own sentence
    let unconfirmed = [
        "did not confirm",
        "would not confirm",
        "neither confirmed nor denied",
        "neither confirm nor deny",
    ];
    if has(&text, &unverified) || has(&next_text, &unverified) || has(&text, &unconfirmed) {
        return ClaimStance::Unconfirmed;
    }
    if matches!(quote_cue, Some("claim" | "allege" | "accuse"))
        || has(&text, &[" claimed", " claims ", " alleged"])
    {
        return ClaimStance::Claimed;
    }
    if has(
        &text,
        &[
            "estimate",
            "believed",
            "believes",
            " expected",
            " likely",
            "assessment",
            "projected",
            "projection",
        ],
    ) {
        return ClaimStance::Estimated;
    }
    if has(
        &text,
        &["reportedly", "media reports", "news reports", "reports say"],
    ) {
        return ClaimStance::Reportedly;
    }
    ClaimStance::Asserted
}

pub fn claims(doc: &mut Doc) {
    let mut out: Vec<Claim> = Vec::new();
    // attribution phrases: a number inside one describes a source ("two legislators who
    // attended"), never a figure
    let mut source_spans: Vec<Span> = Vec::new();
    for q in &doc.quotes {
        source_spans.extend(q.speaker_span);
        source_spans.extend(q.via_text.iter().copied());
    }
    // cites of each speaker anywhere in the document (CLAIMS-GUIDE: source_chain is read at the
    // level of the whole document)
    let mut cites_of: Vec<(u32, Vec<u32>)> = Vec::new();
    for q in &doc.quotes {
        if let (Some(s), false) = (q.speaker, q.cites.is_empty()) {
            match cites_of.iter_mut().find(|(e, _)| *e == s) {
                Some((_, c)) => {
                    for x in &q.cites {
                        if !c.contains(x) {
                            c.push(*x);
                        }
                    }
                }
                None => cites_of.push((s, q.cites.clone())),
            }
        }
    }
    // whether the whole article is about a disaster, worked out once when first needed
    let mut doc_calm: Option<bool> = None;
    // owners of unconfirmed reports the document names only by a nationality adjective
    let mut new_owners: Vec<(usize, String, Span)> = Vec::new();
    for (ni, num) in doc.numbers.iter().enumerate() {
        if !num.kind.is_quantity() || num.followed_by_hyphen_noun && num.kind != NumKind::Count {
            continue;
        }
        // a count of people is a whole number ("53.7" is an index, "2.7 million" is whole)
        if num.unit == NumUnit::Count && (num.value <= 1.0 || num.value.fract() != 0.0) {
            continue;
        }
        let span = Span::new(num.start, num.end);
        if source_spans.iter().any(|s| s.overlaps(span)) {
            continue;
        }
        let toks = doc.tokens_in(span);
        if toks.is_empty() {
            continue;
        }
        if num.unit == NumUnit::Percent && !share_of_people(doc, toks.end) {
            continue;
        }
        let qa = doc.tokens_in(Span::new(num.qual_start, num.end)).start;
        let vague = num.qualifier == crate::numbers::Qualifier::Vague;
        let found = force_size(doc, num.end, toks.end)
            .or_else(|| read_figure(doc, qa, toks.start, toks.end, vague))
            .map(|f| sent_back(doc, toks.end, f))
            .or_else(|| subset_of_previous(doc, qa, toks.end, num.start, &out));
        let Some(found) = found else {
            continue;
        };
        let s = doc.sentence_at(num.start).unwrap_or(0);
        let sentence = doc.sentences[s].span;
        if !conflict_context(doc, s, &mut doc_calm) {
            continue;
        }
        // the innermost reported speech that holds the number
        let quote = doc
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.parts.iter().any(|p| p.contains(span)) && asserts(doc, q))
            .min_by_key(|(_, q)| q.span.len())
            .map(|(i, _)| i as u32);
        let quote = quote
            .or_else(|| cue_before(doc, qa, s))
            .or_else(|| continued_report(doc, s))
            .or_else(|| {
                let partitive = toks.end + 1 < doc.tokens.len()
                    && doc.tok(toks.end) == "of"
                    && matches!(doc.tok(toks.end + 1), "those" | "them" | "these");
                continued_figure(doc, s, found.measure, partitive, &out)
            });
        let q = quote.map(|i| &doc.quotes[i as usize]);
        let mut claimant = q
            .and_then(|q| q.speaker)
            .map(|e| named_document(doc, doc.resolve_metonym(e), quote.unwrap_or(0)))
            .filter(|&e| !own_reporter(doc, e));
        // a report withdrawn, rejected or left unconfirmed: who withdraws or rejects it
        // claims the figure that way (CLAIMS-GUIDE: `denied` when the claimant disputes
        // it); a report left unconfirmed stays its owner's
        let frame = report_frame(doc, qa, s);
        let mut via = q.map(|q| q.via.clone()).unwrap_or_default();
        if let Some((kind, verb, f)) = frame {
            let cue_here = q.is_some_and(|q| {
                q.cue.is_some_and(|c| {
                    c.contains(doc.tokens[verb].span)
                        || c.end <= doc.tokens[verb].span.start && doc.tokens_in(c).end + 2 >= verb
                })
            });
            let own = if cue_here {
                claimant
            } else {
                subject_of_verb(doc, s, verb)
            };
            if kind == Frame::Unconfirmed {
                claimant = match report_owner(doc, verb, f) {
                    Ok(e) => e,
                    Err(name) => {
                        new_owners.push((out.len(), name, doc.tokens[f].span));
                        None
                    }
                };
                via.clear();
            } else if own.is_some() {
                if own != claimant {
                    via.clear();
                }
                claimant = own;
            }
        }
        let cue_lemma = q
            .and_then(|q| q.cue)
            .and_then(|c| words().cue(doc.slice(c)));
        let next = doc.sentences.get(s + 1).map(|x| x.span);
        let mut stance = match frame {
            Some((Frame::Retracted, ..)) => ClaimStance::Retracted,
            Some((Frame::Denied, ..)) => ClaimStance::Denied,
            Some((Frame::Unconfirmed, ..)) => ClaimStance::Unconfirmed,
            None => stance_of(doc, sentence, next, cue_lemma),
        };
        // "X neither confirmed nor denied that 40 …", "X would not confirm that …": X
        // claims nothing
        let unconfirmed_by_cue = frame.is_none()
            && cue_lemma == Some("confirm")
            && q.and_then(|q| q.cue).is_some_and(|c| {
                let ct = doc.token_at(c.start());
                (ct.saturating_sub(2)..ct).any(|k| matches!(doc.tok(k), "not" | "neither"))
            });
        if unconfirmed_by_cue {
            stance = ClaimStance::Unconfirmed;
            claimant = None;
            via.clear();
        }
        if q.is_some_and(|q| q.kind == QuoteKind::Direct) && stance == ClaimStance::Claimed {
            stance = ClaimStance::Asserted;
        }
        if claimant.is_some_and(|c| is_news_outlet(doc, c)) && stance == ClaimStance::Asserted {
            stance = ClaimStance::Reportedly;
        }
        let subject_text = found
            .subject
            .map(|(a, b)| {
                doc.text[doc.tokens[a].span.start()..doc.tokens[b - 1].span.end()].to_string()
            })
            .or_else(|| out.last().and_then(|c: &Claim| c.subject_text.clone()));
        let mut cites: Vec<u32> = q.map(|q| q.cites.clone()).unwrap_or_default();
        if let Some(c) = claimant {
            if let Some((_, more)) = cites_of.iter().find(|(e, _)| *e == c) {
                for x in more {
                    if !cites.contains(x) {
                        cites.push(*x);
                    }
                }
            }
        }
        let definite = num.qual_start == num.start
            && toks.start > 0
            && matches!(
                doc.tok(toks.start - 1),
                "the" | "The" | "these" | "those" | "their" | "its"
            );
        let mut claim = Claim {
            number: ni as u32,
            measure: found.measure.to_string(),
            subject: found.subject.map(|(a, b)| Span {
                start: doc.tokens[a].span.start,
                end: doc.tokens[b - 1].span.end,
            }),
            subject_text,
            subject_group: None,
            claimant,
            quote,
            cites,
            via,
            stance,
            place: place_near(doc, toks.start, s),
            time: time_near(doc, span, q.map(|q| q.span)),
            evidence: sentence,
            same_as: None,
        };
        // restatements: same value, measure and counted people from the same claimant, or a
        // definite reference ("the 300 deaths") to an earlier figure, unless the article
        // narrated it and a source now gives it (CLAIMS-GUIDE hard case: the same value from a
        // different claimant). A lead that gives the figure to a generic description
        // ("security forces say") is restated by the named source later (one claim per figure).
        claim.same_as = out
            .iter()
            .position(|c| {
                let cn = &doc.numbers[c.number as usize];
                c.same_as.is_none()
                    && cn.value == num.value
                    && c.measure == claim.measure
                    && (definite && !(c.claimant.is_none() && claim.claimant.is_some())
                        || same_people(doc, c.subject, claim.subject)
                            && (c.claimant == claim.claimant
                                || c.claimant.is_some_and(|e| generic_source(doc, e))))
            })
            .map(|i| i as u32);
        out.push(claim);
    }
    for (c, name, span) in new_owners {
        out[c].claimant = Some(doc.entity_named_or_new(name, EntityKind::Place, span));
    }
    doc.claims = out;
}

/// Two figures count the same people unless both name whom they count and the head nouns
/// differ ("two militants" and "two elders" are different figures).
fn same_people(doc: &Doc, a: Option<Span>, b: Option<Span>) -> bool {
    let head = |s: Span| {
        let t = doc.tokens_in(s);
        doc.tok(t.end.saturating_sub(1).max(t.start))
            .to_ascii_lowercase()
    };
    match (a, b) {
        (Some(a), Some(b)) => head(a) == head(b),
        _ => true,
    }
}

/// A source described rather than named: "security forces in Somalia", "witnesses and a
/// lawmaker", "human rights advocates". Its head is a common noun, not a name.
fn generic_source(doc: &Doc, e: u32) -> bool {
    doc.entities[e as usize].name.split(' ').any(|w| {
        w.len() > 3
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && words().is(w, class::PEOPLE | class::SOURCE | class::ROLE)
    })
}

/// A share counts people only when it says of whom: "40 percent of the population",
/// "a third of the hostages".
fn share_of_people(doc: &Doc, after: usize) -> bool {
    let n = doc.tokens.len();
    let mut k = after;
    while k < n && k < after + 2 && matches!(doc.tok(k), "percent" | "per" | "cent" | "%") {
        k += 1;
    }
    if k >= n || doc.tok(k) != "of" {
        return false;
    }
    // a share of the deaths or casualties is a breakdown, not a figure (CLAIMS-GUIDE)
    let span = k + 1..(k + 6).min(n);
    if span.clone().any(|j| MEASURE_NOUNS.contains(&doc.tok(j))) {
        return false;
    }
    span.into_iter()
        .any(|j| people_word(doc, j) || matches!(doc.tok(j), "population" | "force" | "forces"))
}

/// Disasters, disease and accidents are not conflicts (CLAIMS-GUIDE): a figure in a sentence
/// about them is left out unless the sentence also speaks of violence. A sentence that says
/// neither ("the tragedy has left 25,000 people dead") belongs to its article: out when the
/// article speaks of a disaster and never of violence.
fn conflict_context(doc: &Doc, s: usize, doc_calm: &mut Option<bool>) -> bool {
    match sentence_context(doc, doc.sentences[s].token_range()) {
        Some(conflict) => conflict,
        None => !*doc_calm
            .get_or_insert_with(|| sentence_context(doc, 0..doc.tokens.len()) == Some(false)),
    }
}

/// Some(true) when the tokens speak of violence, Some(false) of a disaster and not of
/// violence, None of neither.
fn sentence_context(doc: &Doc, r: std::ops::Range<usize>) -> Option<bool> {
    // `matches!` compiles to a switch on length, cheap enough for a pass over the article
    let not_conflict = |w: &str| {
        matches!(
            w,
            "covid"
                | "coronavirus"
                | "pandemic"
                | "virus"
                | "cyclone"
                | "hurricane"
                | "typhoon"
                | "storm"
                | "flood"
                | "floods"
                | "flooding"
                | "earthquake"
                | "quake"
                | "drought"
                | "bushfire"
                | "bushfires"
                | "wildfire"
                | "wildfires"
                | "mpox"
                | "overdose"
                | "overdoses"
                | "fentanyl"
                | "outbreak"
                | "tsunami"
                | "wave"
                | "waves"
                | "catastrophe"
                | "catastrophes"
                | "crime"
                | "landslide"
                | "landslides"
                | "heatwave"
                | "disaster"
                | "epidemic"
                | "vaccine"
        )
    };
    let conflict = |w: &str| {
        matches!(
            w,
            "attack"
                | "attacks"
                | "war"
                | "fighting"
                | "militants"
                | "troops"
                | "soldiers"
                | "rebels"
                | "airstrike"
                | "airstrikes"
                | "shelling"
                | "bombing"
                | "insurgents"
                | "army"
                | "military"
                | "gunmen"
                | "terrorists"
                | "conflict"
                | "clashes"
                | "offensive"
                | "hostages"
        )
    };
    let mut calm = false;
    for i in r {
        let w = doc.tok(i);
        if w.len() < 3 || w.len() > 24 || doc.tokens[i].kind != TokKind::Word {
            continue;
        }
        let mut buf = [0u8; 24];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        // "coronavirus-related": each part of a compound counts
        for part in lower.split(|&b| b == b'-') {
            let Ok(part) = std::str::from_utf8(part) else {
                continue;
            };
            if conflict(part) {
                return Some(true);
            }
            calm = calm || not_conflict(part);
        }
    }
    calm.then_some(false)
}

fn is_news_outlet(doc: &Doc, e: u32) -> bool {
    let ent = &doc.entities[e as usize];
    ent.kind == EntityKind::Org
        && ent.name.split(' ').any(|w| {
            matches!(
                w,
                "News"
                    | "Times"
                    | "Post"
                    | "Journal"
                    | "Reuters"
                    | "Press"
                    | "Agency"
                    | "Yonhap"
                    | "Xinhua"
                    | "TASS"
                    | "Tass"
                    | "BBC"
                    | "CNN"
                    | "AFP"
                    | "Daily"
                    | "Herald"
                    | "Tribune"
                    | "Television"
                    | "TV"
                    | "Radio"
            )
        })
        && !ent.name.contains("Intelligence")
}

/// When the counted thing happened, as written: the date expression nearest the figure in its
/// sentence, inside the reported content when there is one (so "told reporters on Monday",
/// when it was said, is not taken for when it happened).
fn time_near(doc: &Doc, figure: Span, content: Option<Span>) -> Option<Span> {
    let s = doc.sentence_at(figure.start())?;
    let within = content.unwrap_or(doc.sentences[s].span);
    let sent = doc.sentences[s].span;
    doc.dates
        .iter()
        .map(|d| Span::new(d.rel_start, d.end))
        .filter(|d| within.contains(*d) && sent.contains(*d))
        .min_by_key(|d| (d.start as i64 - figure.start as i64).unsigned_abs())
}

/// The nearest place named in the sentence after a locative word ("in Russia’s war", "to
/// the Kursk region").
fn place_near(doc: &Doc, t: usize, s: usize) -> Option<Span> {
    let sent = doc.sentences[s].span;
    let at = doc.tokens[t].span.start;
    doc.mentions
        .iter()
        .filter(|m| {
            sent.contains(m.span) && doc.entities[m.entity as usize].kind == EntityKind::Place
        })
        .filter(|m| {
            let mt = doc.token_at(m.span.start());
            let prev = if mt > 0 { doc.tok(mt - 1) } else { "" };
            let prev2 = if mt > 1 { doc.tok(mt - 2) } else { "" };
            let tail = doc
                .slice(m.span)
                .rsplit(' ')
                .next()
                .is_some_and(|w| words().is(w, class::PLACE_TAIL));
            tail || matches!(
                prev,
                "in" | "into"
                    | "to"
                    | "near"
                    | "at"
                    | "across"
                    | "inside"
                    | "within"
                    | "throughout"
                    | "on"
            ) || (prev == "the"
                && matches!(
                    prev2,
                    "in" | "into"
                        | "to"
                        | "near"
                        | "at"
                        | "across"
                        | "inside"
                        | "within"
                        | "throughout"
                        | "on"
                ))
        })
        .min_by_key(|m| (m.span.start as i64 - at as i64).unsigned_abs())
        .map(|m| m.span)
}

#[cfg(test)]
mod tests {
    use crate::doc::ClaimStance;
    use crate::{extract, Meta, Options};

    /// (value, qualifier, measure, claimant, same_as) of every claim.
    fn claims(text: &str) -> Vec<(f64, &'static str, String, Option<String>, bool)> {
        claims_with(text, Meta::default())
    }

    fn claims_with(
        text: &str,
        meta: Meta,
    ) -> Vec<(f64, &'static str, String, Option<String>, bool)> {
        let doc = extract(text, meta, Options::default());
        doc.claims
            .iter()
            .map(|c| {
                let n = &doc.numbers[c.number as usize];
                (
                    n.value,
                    n.qualifier.as_str(),
                    c.measure.clone(),
                    c.claimant.map(|e| doc.entities[e as usize].name.clone()),
                    c.same_as.is_some(),
                )
            })
            .collect()
    }

    /// (value, claimant, stance, via names) of every claim.
    fn stances(text: &str) -> Vec<(f64, Option<String>, ClaimStance, Vec<String>)> {
        let doc = extract(text, Meta::default(), Options::default());
        let name = |e: u32| doc.entities[e as usize].name.clone();
        doc.claims
            .iter()
            .map(|c| {
                (
                    doc.numbers[c.number as usize].value,
                    c.claimant.map(name),
                    c.stance,
                    c.via.iter().map(|&e| name(e)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_withdrawn_figure_is_retracted_by_who_withdraws_it() {
        let c = stances("The Orsland Army on Friday withdrew its earlier figure of 800 rebel fighters killed near the dam, saying some units had been counted twice.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("Orsland Army"));
        assert_eq!(c[0].2, ClaimStance::Retracted);
        let c = stances("The Health Office corrected its earlier figure of 45 civilians killed in the shelling, saying the toll was 38.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Health Office"), ClaimStance::Retracted)
        );
        assert_eq!(
            (c[1].1.as_deref(), c[1].2),
            (Some("Health Office"), ClaimStance::Asserted)
        );
        let c = stances("The Orsland Defence Ministry retracted its claim that 60 protesters had been arrested in the capital.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Orsland Defence Ministry"), ClaimStance::Retracted)
        );
    }

    #[test]
    fn a_rejected_report_is_denied_and_an_unconfirmed_one_stays_its_owners() {
        let c = stances("Colonel Ivo Brandt rejected a Merovian claim that at least 70 border guards had died in the ambush.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Ivo Brandt"), ClaimStance::Denied)
        );
        let c = stances("The Orsland Army dismissed reports that about 250 of its soldiers had been killed near the dam.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Orsland Army"), ClaimStance::Denied)
        );
        // the rejecter's own figures are asserted
        let c = stances("The Orsland Army rejected the claims, saying 15 soldiers had been killed and 30 wounded.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|x| x.2 == ClaimStance::Asserted), "{c:?}");
        // the owner named only by its adjective: the country the adjective names
        let c = stances("Colonel Ivo Brandt neither confirmed nor denied a Merovian statement that 33 sailors had been captured.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Merovia"), ClaimStance::Unconfirmed)
        );
        // … or the document's own entity for it
        let c = stances("Talks with Ukraine stalled on Monday. Colonel Ivo Brandt neither confirmed nor denied a Ukrainian statement that 33 sailors had been captured.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (Some("Ukraine"), ClaimStance::Unconfirmed)
        );
        let c =
            stances("Ruth Amsel neither confirmed nor denied that 40 soldiers had been killed.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (None, ClaimStance::Unconfirmed)
        );
        // … and says nothing of the sentence before
        let c = stances("Nine guards were killed in the raid, the Orsland Army said. Ruth Amsel neither confirmed nor denied that the camp fell.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].2, ClaimStance::Asserted);
        let c = stances("The Orsland Navy neither confirmed nor denied reports that 33 sailors had been captured.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_deref(), c[0].2),
            (None, ClaimStance::Unconfirmed)
        );
    }

    #[test]
    fn according_to_after_the_cue_relays_the_figure() {
        let c = stances("At least 40 guards died in the raid, the Border Bureau said on Friday, according to two aides.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("Border Bureau"));
        assert_eq!(c[0].3, vec!["two aides".to_string()]);
    }

    #[test]
    fn an_aside_after_the_cue_keeps_the_claimant() {
        let c = stances("Some 90 fighters were killed in the clashes, the Orsland Defence Ministry said on Monday, its first tally of the war.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("Orsland Defence Ministry"));
    }

    #[test]
    fn figure_in_reported_speech_takes_its_speaker() {
        let c = claims(
            "About 40 border guards were killed in the raid, Defence Minister Anna Ruiz said.",
        );
        assert_eq!(
            c,
            vec![(
                40.0,
                "approx",
                "killed".into(),
                Some("Anna Ruiz".into()),
                false
            )]
        );
    }

    #[test]
    fn a_figure_right_after_the_addressee_is_what_was_told() {
        let c = claims("After a cabinet meeting on Friday, Prime Minister Ana Ruiz told journalists 40 hostages were freed.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].3.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn narration_has_no_claimant_and_verbs_before_numbers_count() {
        let c = claims("The militia captured 12 fishermen near the reef on Friday.");
        assert_eq!(c, vec![(12.0, "exact", "captured".into(), None, false)]);
    }

    #[test]
    fn qualifiers_do_not_distribute_over_coordinated_figures() {
        let c = claims("The blast killed at least 25 people and injured 60 others.");
        assert_eq!(
            c,
            vec![
                (25.0, "at_least", "killed".into(), None, false),
                (60.0, "exact", "wounded".into(), None, false)
            ]
        );
    }

    #[test]
    fn subsets_share_the_measure_of_their_figure() {
        let c =
            claims("Thirty people, including 12 police officers, lost their lives in the ambush.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|x| x.2 == "killed"), "{c:?}");
    }

    #[test]
    fn restatements_point_to_the_first_figure() {
        let c = claims("About 70 rebels were killed, the army said. Added to the 70 deaths are 15 wounded, the army said.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c[1].4, "the 70 deaths restates the first figure: {c:?}");
        assert!(!c[2].4);
    }

    #[test]
    fn sources_dates_and_non_people_are_not_claims() {
        assert!(claims(
            "The council said so, according to two legislators who attended Monday's briefing."
        )
        .is_empty());
        assert!(claims("In 2014 the army bought 300 rifles and 40 trucks.").is_empty());
        assert!(
            claims("Shares fell after sharp losses in the three major stock indexes.").is_empty()
        );
    }

    #[test]
    fn lost_counts_losses_only_when_the_figure_is_its_object() {
        let c = claims(
            "The Tarvian army has lost about 600 soldiers in the offensive, officials said.",
        );
        assert_eq!((c[0].0, c[0].2.as_str()), (600.0, "casualties"));
        let c = claims("At least 40 soldiers lost their lives in the ambush, the army said.");
        assert_eq!((c[0].0, c[0].2.as_str()), (40.0, "killed"));
        assert!(claims("About 2,000 workers lost their jobs when the plant closed.").is_empty());
    }

    #[test]
    fn disasters_are_not_conflicts() {
        assert!(claims("The cyclone displaced more than 3,000 people, officials said.").is_empty());
        assert_eq!(
            claims("The shelling displaced more than 3,000 people, officials said.").len(),
            1
        );
    }

    #[test]
    fn ranges_vague_amounts_and_killed_and_wounded() {
        let c = claims("Aid groups estimate that between 9,000 and 12,000 residents have fled the town. Hundreds were arrested. The army killed and injured 400 fighters.");
        assert_eq!(c[0].1, "range");
        assert_eq!(c[0].2, "displaced");
        assert_eq!(
            (c[1].0, c[1].1, c[1].2.as_str()),
            (200.0, "vague", "detained")
        );
        assert_eq!(c[2].2, "casualties");
    }

    /// Claims of a document with a url, for rules that read the publisher.
    fn claims_at(text: &str, url: &str) -> Vec<(f64, &'static str, String, Option<String>, bool)> {
        let meta = Meta {
            url: Some(url.into()),
            ..Meta::default()
        };
        claims_with(text, meta)
    }

    #[test]
    fn a_figure_inside_what_someone_offered_is_narration() {
        let c =
            claims("Governor Ana Ruiz offered tents to 200 families displaced by the fighting.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].0, c[0].2.as_str()), (200.0, "displaced"));
        assert_eq!(c[0].3, None, "{c:?}");
    }

    #[test]
    fn people_left_dead_are_killed() {
        let c = claims("The blast left 12 villagers dead.");
        assert_eq!(c, vec![(12.0, "exact", "killed".into(), None, false)]);
    }

    #[test]
    fn a_sentence_that_goes_on_takes_the_report_it_continues() {
        let c = claims("Police chief Maria Lopez said her officers arrested nine suspects on Monday. Another four people were also detained in the capital.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].3.as_deref(), Some("Maria Lopez"), "{c:?}");
    }

    #[test]
    fn the_outlets_own_reporter_is_narration() {
        let c = claims_at(
            "An Examplenews reporter in the town said at least eight people died in the shelling.",
            "https://www.examplenews.com/story",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].3, None, "{c:?}");
    }

    #[test]
    fn a_generic_lead_is_restated_by_the_named_source() {
        let c = claims("Security forces say they killed 40 militants in the raid. District governor Omar Haji said his forces killed 40 militants near the river.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c[1].4, "{c:?}");
    }

    #[test]
    fn subsets_with_other_people_are_not_restatements() {
        let c = claims("Soldiers shot dead two militants, Colonel Ana Ruiz said. Seven other people, including two elders, were killed, Ruiz said.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c.iter().all(|x| !x.4), "{c:?}");
    }

    #[test]
    fn according_to_governs_its_sentence_and_praise_reports_nothing() {
        let c = claims("According to Ana Ruiz, there were 30 deaths in the clashes, including four children. The minister praised the troops as the toll rose to 50 dead.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].3.as_deref(), Some("Ana Ruiz"));
        assert_eq!(c[1].3.as_deref(), Some("Ana Ruiz"));
        assert_eq!(c[2].3, None, "{c:?}");
    }

    #[test]
    fn lists_and_changes_share_their_measure() {
        let c = claims("General Tomas Berg said 12 officers, three drivers and five passengers were among those killed. Deaths in the region surged from 40 in 2022 to 90 in 2023, according to the Conflict Monitor Report. According to the report, arrests rose from 70 to 120.");
        let m: Vec<(f64, &str)> = c.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert!(
            m.contains(&(12.0, "killed")) && m.contains(&(5.0, "killed")),
            "{c:?}"
        );
        assert!(
            m.contains(&(90.0, "killed")) && m.contains(&(120.0, "detained")),
            "{c:?}"
        );
        let last = c.iter().find(|x| x.0 == 120.0).unwrap();
        assert_eq!(last.3.as_deref(), Some("Conflict Monitor Report"), "{c:?}");
    }

    #[test]
    fn force_sizes_and_status_phrases() {
        let c = claims("The rebel group has several hundred fighters, officials said. The 3,000-strong force arrived on Monday. Estimates put the number of fighters at between 800 and 1,000. About 2 million children are out of school because of the war. Another 3 million are at risk of famine in the war zone.");
        let m: Vec<&str> = c.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(
            m,
            vec![
                "other:strength",
                "other:strength",
                "other:strength",
                "other:out_of_school",
                "other:famine_risk"
            ],
            "{c:?}"
        );
    }

    #[test]
    fn an_article_about_a_disaster_has_no_conflict_figures() {
        assert!(claims(
            "The tsunami struck the coast on Sunday. The tragedy has left at least 9,000 people dead."
        )
        .is_empty());
    }

    #[test]
    fn addressees_and_agentless_cues() {
        let c = claims("The army wrote to two of the soldiers freed last year.");
        assert!(c.iter().all(|x| x.3.is_none()), "{c:?}");
        let c =
            claims("Sixty of those who escaped from the camp have been caught, the warden said.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].2, "detained");
    }
}
