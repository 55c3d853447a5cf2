//! Which reports speak of the same event. A subject and a measure are not enough: "people
//! killed" in a Somalia story and in a Pakistan story the same week are two tolls, not a
//! disagreement (a subject that names its side, "Valorian soldiers", names its war, and is
//! not split by place), and "88 killed in 2024" is a year's total, not a rival count of Tuesday's
//! attack. Each report gets a scope from where its document is (the places it names most,
//! and the claim's own place) and from the period its figure covers (a named year, "since
//! 2009", "the past 15 months"); reports are compared, and corroborate each other, only
//! within one scope.
//!
//! Unknown stays permissive: a document naming no place can be any event, so it is compared
//! with all. Scopes are computed when asked, from the entities already stored, so they
//! improve with the engine without a re-ingest.

use crate::error::StoreError;
use crate::query::ClaimRow;
use crate::resolve::{entity_key, is_generic_subject};
use crate::sql::{Connection, Value};
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Scope {
    /// Place keys the report is about: the claim's own place and its document's most named
    /// places.
    central: Vec<String>,
    /// Place keys the report's document dwells on: named twice or more, or in its headline,
    /// plus the central ones.
    named: Vec<String>,
    /// The period the figure covers when it is not the event's running count.
    period: Option<String>,
    /// Whether the subject needs a place to say which event it counts (see
    /// [`is_generic_subject`]).
    generic: bool,
    /// Display names of the central places, for readers.
    pub names: Vec<String>,
}

impl Scope {
    /// Whether this report's subject is told apart by place and its document names one.
    pub(crate) fn placed(&self) -> bool {
        self.generic && !self.central.is_empty()
    }

    /// The period a total covers ("since 2009"), when the figure is one.
    pub(crate) fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// Two reports can corroborate or contradict each other: the same kind of period, and a
    /// place one is about that the other dwells on (either way round: a Mogadishu story that
    /// names Somalia twice meets a Somalia story).
    pub(crate) fn same_event(&self, other: &Scope) -> bool {
        if self.period != other.period {
            return false;
        }
        if !(self.generic && other.generic) || self.central.is_empty() || other.central.is_empty() {
            return true;
        }
        self.central.iter().any(|k| other.named.contains(k))
            || other.central.iter().any(|k| self.named.contains(k))
    }
}

/// A place an article names, with how often.
struct Place {
    key: String,
    name: String,
    mentions: i64,
}

/// The scope of each claim, in order.
pub(crate) fn scopes<'a>(
    conn: &mut dyn Connection,
    claims: impl Iterator<Item = &'a ClaimRow> + Clone,
) -> Result<Vec<Scope>, StoreError> {
    let mut doc_ids: Vec<&str> = claims.clone().map(|c| c.doc_id.as_str()).collect();
    doc_ids.sort_unstable();
    doc_ids.dedup();
    let mut places: HashMap<String, Vec<Place>> = HashMap::new();
    // In chunks: both databases cap the number of parameters of one statement.
    for chunk in doc_ids.chunks(500) {
        let sql = format!(
            "SELECT doc_id, key, name, mentions FROM entities
             WHERE kind = 'place' AND doc_id IN ({})",
            (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let params: Vec<Value> = chunk.iter().map(|d| Value::from(*d)).collect();
        for row in conn.query(&sql, &params)? {
            let mut it = row.into_iter();
            let (Some(doc), Some(key), Some(name)) = (
                it.next().and_then(Value::into_string),
                it.next().and_then(Value::into_string),
                it.next().and_then(Value::into_string),
            ) else {
                continue;
            };
            if key.is_empty() {
                continue;
            }
            let mentions = it.next().and_then(|v| v.as_i64()).unwrap_or(0).max(1);
            places.entry(doc).or_default().push(Place {
                key,
                name,
                mentions,
            });
        }
    }
    Ok(claims
        .map(|c| scope_of(c, places.get(&c.doc_id).map_or(&[][..], Vec::as_slice)))
        .collect())
}

fn scope_of(claim: &ClaimRow, places: &[Place]) -> Scope {
    let mut scope = Scope {
        period: claim.time.as_deref().and_then(period_of),
        generic: claim.subject.as_deref().is_some_and(is_generic_subject),
        ..Scope::default()
    };
    if let Some(place) = claim.place.as_deref() {
        let key = entity_key(place);
        if !key.is_empty() {
            scope.central.push(key.clone());
            scope.named.push(key);
            scope.names.push(place.to_string());
        }
    }
    let most = places.iter().map(|p| p.mentions).max().unwrap_or(0);
    let title = claim.title.as_deref().unwrap_or("").to_lowercase();
    for p in places {
        if p.mentions == most && !scope.central.contains(&p.key) {
            scope.central.push(p.key.clone());
            scope.names.push(p.name.clone());
        }
        let in_title = !p.name.is_empty() && title.contains(&p.name.to_lowercase());
        if (p.mentions == most || p.mentions >= 2 || in_title) && !scope.named.contains(&p.key) {
            scope.named.push(p.key.clone());
        }
    }
    scope
}

/// The period a claim's figure covers, when it is a total over a stretch of time rather than
/// the event's own count: "in 2024", "since 2009", "since February 1", "the past 15 months".
/// A day, a weekday or "last week" dates the event itself and gives `None`.
pub(crate) fn period_of(time: &str) -> Option<String> {
    let lower = time.trim().to_lowercase();
    let text = lower
        .strip_prefix("in ")
        .or_else(|| lower.strip_prefix("during "))
        .unwrap_or(&lower)
        .trim();
    if text.starts_with("since ") {
        return Some(text.to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_year = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
    };
    let names_day_or_month = words.iter().any(|w| {
        MONTHS.iter().any(|m| w.starts_with(m))
            || w.chars().any(|c| c.is_ascii_digit()) && !is_year(w)
    });
    if words.iter().any(is_year) && !names_day_or_month {
        return Some(text.to_string());
    }
    // "the last 15 months", "past three years": a stretch longer than the event.
    if let [.., first, count, unit] = words.as_slice() {
        let stretch = matches!(*first, "last" | "past" | "previous");
        let several = count.parse::<u32>().is_ok_and(|n| n > 1) || NUMBER_WORDS.contains(count);
        let long_unit = matches!(*unit, "weeks" | "months" | "years" | "decades");
        if stretch && several && long_unit {
            return Some(text.to_string());
        }
    }
    None
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "several", "many",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_that_are_totals() {
        assert_eq!(period_of("2024").as_deref(), Some("2024"));
        assert_eq!(period_of("in 2024").as_deref(), Some("2024"));
        assert_eq!(period_of("Since 2009").as_deref(), Some("since 2009"));
        assert_eq!(
            period_of("since February 1").as_deref(),
            Some("since february 1")
        );
        assert_eq!(
            period_of("last 15 months").as_deref(),
            Some("last 15 months")
        );
        assert_eq!(
            period_of("the past three years").as_deref(),
            Some("the past three years")
        );
    }

    #[test]
    fn dates_of_the_event_are_no_period() {
        for time in [
            "Tuesday",
            "last week",
            "Last month",
            "March 6",
            "March 6, 2025",
            "April",
            "this week",
        ] {
            assert_eq!(period_of(time), None, "{time}");
        }
    }

    fn scope(central: &[&str], named: &[&str]) -> Scope {
        Scope {
            generic: true,
            central: central.iter().map(|s| s.to_string()).collect(),
            named: named.iter().map(|s| s.to_string()).collect(),
            ..Scope::default()
        }
    }

    #[test]
    fn events_meet_on_a_place_one_is_about_and_the_other_dwells_on() {
        let somalia = scope(&["somalia"], &["somalia", "beledweyne"]);
        let mogadishu = scope(&["mogadishu"], &["mogadishu", "somalia"]);
        let pakistan = scope(&["pakistan"], &["pakistan", "balochistan"]);
        let nowhere = scope(&[], &[]);
        assert!(somalia.same_event(&mogadishu));
        assert!(mogadishu.same_event(&somalia));
        assert!(!somalia.same_event(&pakistan));
        assert!(nowhere.same_event(&pakistan));
        let year = Scope {
            period: Some("2024".into()),
            ..pakistan.clone()
        };
        assert!(!year.same_event(&pakistan));
        let side = |s: Scope| Scope {
            generic: false,
            ..s
        };
        assert!(side(somalia.clone()).same_event(&side(pakistan.clone())));
    }
}
