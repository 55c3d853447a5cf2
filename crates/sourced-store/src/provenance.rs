//! Where a figure comes from, and what a period's reports add up to.
//!
//! `sources`: the reports that back one claim (same subject and measure, a compatible figure,
//! within [`CORROBORATION_WINDOW_DAYS`]), grouped by their origin, each with its path
//! (cites → claimant → via → outlet, wire copies folded), so one original source relayed by
//! ten outlets counts once.
//!
//! `summary`: per period, the low / best / high figures the way UCDP reports deaths, and the
//! most conservative credible figure the way ACLED codes fatalities, each naming the claim it
//! comes from. These are views over claims; nothing is stored.

use crate::error::StoreError;
use crate::qualify::compatible;
use crate::query::{
    claim_row, days_from_iso, timeline_for_keys, ClaimRow, TimelineRow, CLAIM_COLUMNS,
    CORROBORATION_WINDOW_DAYS,
};
use crate::scope::scopes;
use crate::sql::{Connection, Value};
use serde::Serialize;

/// One report on the way from an origin to the reader.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub claim_id: String,
    pub date: Option<String>,
    pub value: f64,
    pub value_hi: Option<f64>,
    pub qualifier: String,
    /// Who passed the figure on, first to last: the cited source, the claimant, the relays,
    /// the outlet.
    pub path: Vec<String>,
    /// Outlets that carried a copy of this report.
    pub copies: Vec<String>,
    pub evidence: String,
}

/// An independent origin and every report that goes back to it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Origin {
    pub origin: String,
    pub reports: Vec<Report>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Provenance {
    pub claim: ClaimRow,
    /// Independent origins of figures compatible with the claim, its own first.
    pub origins: Vec<Origin>,
}

impl Provenance {
    pub fn independent_sources(&self) -> usize {
        self.origins.len()
    }
}

fn report(row: &TimelineRow) -> Report {
    let c = &row.claim;
    let mut path: Vec<String> = c.cites_name.clone();
    path.push(
        c.claimant_name
            .clone()
            .unwrap_or_else(|| "(narration)".into()),
    );
    path.extend(c.via_name.iter().cloned());
    if let Some(outlet) = &c.outlet {
        path.push(outlet.clone());
    }
    Report {
        claim_id: c.id.clone(),
        date: c.date.clone(),
        value: c.value,
        value_hi: c.value_hi,
        qualifier: c.qualifier.clone(),
        path,
        copies: row.copy_outlets.clone(),
        evidence: c.evidence.clone(),
    }
}

/// A readable name for an origin: the cited source, else the claimant, else the outlet.
fn origin_name(c: &ClaimRow) -> String {
    c.cites_name
        .first()
        .or(c.claimant_name.as_ref())
        .or(c.outlet.as_ref())
        .cloned()
        .unwrap_or_else(|| format!("document {}", &c.doc_id[..16.min(c.doc_id.len())]))
}

pub(crate) fn sources(conn: &mut dyn Connection, claim_id: &str) -> Result<Provenance, StoreError> {
    let sql = format!(
        "SELECT {CLAIM_COLUMNS}, c.subject_key FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE c.id = $1"
    );
    let mut rows = conn.query(&sql, &[claim_id.into()])?;
    let Some(mut row) = rows.pop() else {
        return Err(StoreError::NotFound {
            what: "claim",
            id: claim_id.to_string(),
        });
    };
    let key = row.pop().and_then(Value::into_string);
    let claim = claim_row(row)?;
    let Some(key) = key.filter(|k| !k.is_empty()) else {
        // A figure with no subject cannot be compared with others: it is its own origin.
        let only = TimelineRow {
            claim: claim.clone(),
            copies: Vec::new(),
            copy_outlets: Vec::new(),
            independent_sources: 1,
            before_edit: Vec::new(),
            places: Vec::new(),
            scope: Default::default(),
        };
        return Ok(Provenance {
            origins: vec![Origin {
                origin: origin_name(&claim),
                reports: vec![report(&only)],
            }],
            claim,
        });
    };
    let timeline = timeline_for_keys(conn, vec![key], &claim.measure, None)?;
    // The claim may sit in a wire copy folded into the original's row, or be a restatement
    // (same_as): then the row it belongs to speaks for it.
    let own = timeline
        .iter()
        .position(|r| r.claim.id == claim.id)
        .or_else(|| {
            timeline.iter().position(|r| {
                Some(&r.claim.doc_id) == claim.dup_of.as_ref() && r.claim.value == claim.value
            })
        })
        .or_else(|| {
            timeline
                .iter()
                .position(|r| Some(&r.claim.id) == claim.same_as.as_ref())
        });
    let anchor = own.map_or(&claim, |i| &timeline[i].claim);
    let anchor_scope = match own {
        Some(i) => timeline[i].scope.clone(),
        None => scopes(conn, std::iter::once(&claim))?
            .into_iter()
            .next()
            .unwrap_or_default(),
    };
    let anchor_day = anchor.date.as_deref().and_then(days_from_iso);
    let mut origins: Vec<Origin> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut order: Vec<usize> = own.into_iter().collect();
    order.extend((0..timeline.len()).filter(|&i| Some(i) != own));
    for i in order {
        let row = &timeline[i];
        let c = &row.claim;
        let near = match (anchor_day, c.date.as_deref().and_then(days_from_iso)) {
            (Some(x), Some(y)) => (x - y).abs() <= CORROBORATION_WINDOW_DAYS,
            (None, None) => true,
            _ => false,
        };
        let agrees = Some(i) == own
            || (c.asserts_figure()
                && anchor.asserts_figure()
                && anchor_scope.same_event(&row.scope)
                && compatible(
                    (anchor.value, anchor.value_hi, &anchor.qualifier),
                    (c.value, c.value_hi, &c.qualifier),
                ));
        if !(near && agrees) {
            continue;
        }
        let key = c.origin();
        match keys.iter().position(|k| *k == key) {
            Some(k) => origins[k].reports.push(report(row)),
            None => {
                keys.push(key);
                origins.push(Origin {
                    origin: origin_name(c),
                    reports: vec![report(row)],
                });
            }
        }
    }
    Ok(Provenance { claim, origins })
}

/// The period a date falls in: "2031-05-05" is "2031-05" by month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Month,
    Year,
}

impl Period {
    fn of(self, date: Option<&str>) -> String {
        let Some(date) = date.filter(|d| d.len() >= 10 && days_from_iso(d).is_some()) else {
            return "undated".to_string();
        };
        match self {
            Period::Day => date[..10].to_string(),
            Period::Month => date[..7].to_string(),
            Period::Year => date[..4].to_string(),
        }
    }
}

/// A figure picked for a summary, with the claim it comes from.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Pick {
    pub value: f64,
    pub claim_id: String,
    pub source: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PeriodSummary {
    pub period: String,
    /// For a generic subject ("people"), the event: the place its reports are about (`None`
    /// for reports whose documents name no place, and for subjects that name their side).
    pub event: Option<String>,
    /// Reports (wire copies folded, restatements and denied or retracted figures left out).
    pub reports: usize,
    /// Distinct origins among them.
    pub origins: usize,
    /// The lowest figure any report allows.
    pub low: Pick,
    /// The figure with the most independent sources behind it (the latest among equals).
    pub best: Pick,
    /// The highest figure any report gives.
    pub high: Pick,
    /// The lowest figure backed by at least two independent origins, or the lowest figure
    /// when none is: what a cautious coder records.
    pub conservative: Pick,
}

fn pick(row: &TimelineRow, value: f64) -> Pick {
    Pick {
        value,
        claim_id: row.claim.id.clone(),
        source: origin_name(&row.claim),
    }
}

/// The reports of a generic subject grouped into events: reports meet when they are about
/// the same places (see [`crate::scope`]), and meet transitively; reports of documents that
/// name no place form their own group. A subject that names its side is one event. The flag
/// says whether the group is placed.
fn events(rows: &[TimelineRow]) -> Vec<(bool, Vec<&TimelineRow>)> {
    let placed: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].scope.placed())
        .collect();
    if placed.is_empty() {
        return vec![(false, rows.iter().collect())];
    }
    // Union-find over the placed reports.
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (n, &i) in placed.iter().enumerate() {
        for &j in &placed[n + 1..] {
            if rows[i].scope.same_event(&rows[j].scope) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<&TimelineRow>)> = Vec::new();
    let mut unplaced: Vec<&TimelineRow> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if !row.scope.placed() {
            unplaced.push(row);
            continue;
        }
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(row),
            None => groups.push((r, vec![row])),
        }
    }
    let mut out: Vec<(bool, Vec<&TimelineRow>)> = groups
        .into_iter()
        .map(|(_, members)| (true, members))
        .collect();
    if !unplaced.is_empty() {
        out.push((false, unplaced));
    }
    out
}

/// An event's name for readers: the place most of its reports are about (the first such
/// among equals), and the period when its figures are totals over one ("Somalia, since 2009").
fn event_name(rows: &[&TimelineRow]) -> Option<String> {
    let mut names: Vec<&String> = rows.iter().flat_map(|r| r.places.first()).collect();
    names.sort();
    let mut most: Option<&[&String]> = None;
    for run in names.chunk_by(|a, b| a == b) {
        if most.is_none_or(|m| run.len() > m.len()) {
            most = Some(run);
        }
    }
    let place = most?.first()?.to_string();
    Some(match rows.first().and_then(|r| r.scope.period()) {
        Some(period) => format!("{place}, {period}"),
        None => place,
    })
}

pub(crate) fn summary(rows: &[TimelineRow], period: Period) -> Vec<PeriodSummary> {
    events(rows)
        .into_iter()
        .flat_map(|(placed, members)| summary_of_event(&members, placed, period))
        .collect()
}

fn summary_of_event(rows: &[&TimelineRow], placed: bool, period: Period) -> Vec<PeriodSummary> {
    let mut out: Vec<PeriodSummary> = Vec::new();
    let asserting: Vec<&TimelineRow> = rows
        .iter()
        .copied()
        .filter(|r| r.claim.asserts_figure())
        .collect();
    let mut periods: Vec<String> = asserting
        .iter()
        .map(|r| period.of(r.claim.date.as_deref()))
        .collect();
    periods.dedup();
    for p in periods {
        let group: Vec<&TimelineRow> = asserting
            .iter()
            .copied()
            .filter(|r| period.of(r.claim.date.as_deref()) == p)
            .collect();
        let upper = |r: &TimelineRow| r.claim.value_hi.unwrap_or(r.claim.value);
        // "fewer than 50" bounds from above only: it allows zero, and gives no low figure.
        let bounded_below =
            |r: &&&TimelineRow| !matches!(r.claim.qualifier.as_str(), "less_than" | "at_most");
        let Some(low) = group
            .iter()
            .filter(bounded_below)
            .min_by(|a, b| a.claim.value.total_cmp(&b.claim.value))
        else {
            continue;
        };
        let Some(high) = group.iter().max_by(|a, b| upper(a).total_cmp(&upper(b))) else {
            continue;
        };
        let best = group
            .iter()
            .max_by(|a, b| {
                a.independent_sources
                    .cmp(&b.independent_sources)
                    .then_with(|| a.claim.date.cmp(&b.claim.date))
            })
            .unwrap_or(low);
        let corroborated = group
            .iter()
            .filter(bounded_below)
            .filter(|r| r.independent_sources >= 2)
            .min_by(|a, b| a.claim.value.total_cmp(&b.claim.value));
        let conservative = corroborated.unwrap_or(low);
        let mut origins: Vec<String> = group.iter().map(|r| r.claim.origin()).collect();
        origins.sort();
        origins.dedup();
        out.push(PeriodSummary {
            period: p,
            event: if placed { event_name(&group) } else { None },
            reports: group.len(),
            origins: origins.len(),
            low: pick(low, low.claim.value),
            best: pick(best, best.claim.value),
            high: pick(high, upper(high)),
            conservative: pick(conservative, conservative.claim.value),
        });
    }
    out
}
