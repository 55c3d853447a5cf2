//! Dates in news text, resolved against the publication date.
//!
//! [`find_dates`] finds date expressions ("on Monday", "yesterday", "last week",
//! "Dec. 5", "5 December 2024", "in December", "March 2022", "2025-03-14", "three days ago",
//! "earlier this month", "since October", "the 1990s") and resolves them against the
//! article's publication date with news semantics: a bare weekday is the most recent such day
//! on or before publication (the same weekday is the publication day), a bare month is the most
//! recent such month not after publication.
//!
//! Offsets are **byte** offsets into the `&str`. The scanner is linear: it anchors on digits,
//! capitalised month and weekday names and a handful of lowercase words, and allocates nothing
//! per token. [`Date`] is a small civil-date type (proleptic Gregorian) with weekday and day
//! arithmetic.

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= Date::days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    pub fn is_leap_year(year: i32) -> bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    pub fn days_in_month(year: i32, month: u32) -> u32 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if Date::is_leap_year(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Shift the year to start in March so that the leap day is the last day of a year.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let cycle = y.div_euclid(400); // 400-year cycles of 146,097 days
        let yoc = y.rem_euclid(400);
        let m = self.month as i64;
        let mar_month = if m > 2 { m - 3 } else { m + 9 }; // March = 0
        let doy = (153 * mar_month + 2) / 5 + self.day as i64 - 1;
        let doc = yoc * 365 + yoc / 4 - yoc / 100 + doy;
        cycle * 146_097 + doc - 719_468 // 719,468 days from 0000-03-01 to 1970-01-01
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let cycle = z.div_euclid(146_097);
        let doc = z.rem_euclid(146_097);
        let yoc = (doc - doc / 1460 + doc / 36_524 - doc / 146_096) / 365;
        let doy = doc - (365 * yoc + yoc / 4 - yoc / 100);
        let mar_month = (5 * doy + 2) / 153;
        let day = (doy - (153 * mar_month + 2) / 5 + 1) as u32;
        let month = if mar_month < 10 {
            mar_month + 3
        } else {
            mar_month - 9
        } as u32;
        let year = (cycle * 400 + yoc + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3)
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Add calendar months, clamping the day to the month's length.
    pub fn add_months(self, n: i32) -> Date {
        let m0 = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        let year = m0.div_euclid(12) as i32;
        let month = (m0.rem_euclid(12) + 1) as u32;
        let day = self.day.min(Date::days_in_month(year, month));
        Date { year, month, day }
    }

    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    pub fn month_end(self) -> Date {
        Date {
            day: Date::days_in_month(self.year, self.month),
            ..self
        }
    }

    /// Monday of this date's week.
    pub fn week_start(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precise a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

/// The preposition that governs a date: "since October" is a start, "until May" an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRel {
    At,
    Since,
    Until,
    Before,
    After,
}

/// One date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the date expression ("Monday", "Dec. 5, 2024", "last week",
    /// "earlier this month", "three days ago", "mid-March").
    pub start: usize,
    pub end: usize,
    /// Start including a governing "since"/"until"/"before"/"after"/"from"; equals `start`
    /// otherwise.
    pub rel_start: usize,
    pub rel: DateRel,
    /// The resolved date; for a period (week, month, year, "last week") its first day.
    pub resolved: Option<Date>,
    /// The last day of a period (inclusive); None for a single day.
    pub resolved_end: Option<Date>,
    pub granularity: Granularity,
}

/// All date mentions of `text`, sorted by start, non-overlapping.
pub fn find_dates(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    find_dates_into(text, published, &mut out);
    out
}

/// Like [`find_dates`] but appends to `out`.
pub fn find_dates_into(text: &str, published: Option<Date>, out: &mut Vec<DateMention>) {
    let b = text.as_bytes();
    let n = b.len();
    let first = out.len();
    let cx = Cx { b, pubd: published };
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_digit() {
            let e = digit_end(b, i);
            if i == 0 || !is_alnum(b[i - 1]) {
                if let Some(m) = cx.digit_date(i, e) {
                    let end = m.end;
                    push(out, first, m);
                    i = end.max(e);
                    continue;
                }
            }
            i = e;
        } else if c.is_ascii_alphabetic() {
            let e = alpha_end(b, i);
            if (i == 0 || !is_alnum(b[i - 1])) && crate::numbers::filter_hit(&TRIGGER, &b[i..e]) {
                if let Some(m) = cx.word_date(i, e) {
                    let end = m.end;
                    push(out, first, m);
                    i = end.max(e);
                    continue;
                }
            }
            i = e;
        } else {
            i += 1;
        }
    }
}

/// Parse a publication timestamp: "2025-03-14", "2025-03-14 22:39:48Z",
/// "2025-03-14T22:39:48+02:00" (the date as written, not converted to UTC), "2025/03/14", and
/// as a fallback any single full date in words ("March 14, 2025", "Fri, 14 Mar 2025 ...").
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4] == b'-' || b[4] == b'/')
        && b[5].is_ascii_digit()
        && b[6].is_ascii_digit()
        && b[7] == b[4]
        && b[8].is_ascii_digit()
        && b[9].is_ascii_digit()
        && (b.len() == 10 || !b[10].is_ascii_digit())
    {
        let y = num(&b[..4]) as i32;
        return Date::new(y, num(&b[5..7]) as u32, num(&b[8..10]) as u32);
    }
    find_dates(s, None)
        .into_iter()
        .find(|m| m.granularity == Granularity::Day && m.resolved.is_some())
        .and_then(|m| m.resolved)
}

// ---------------------------------------------------------------------------------------------
// Lexical helpers
// ---------------------------------------------------------------------------------------------

/// Words that can anchor a date: months, weekdays, yesterday/today/tonight/tomorrow,
/// last/this/next/past, earlier/later, ago.
const TRIGGER_WORDS: &[&[u8]] = &[
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    b"yesterday",
    b"today",
    b"tonight",
    b"tomorrow",
    b"last",
    b"this",
    b"next",
    b"past",
    b"earlier",
    b"later",
    b"ago",
];

/// (first letter, length, last letter) filter over [`TRIGGER_WORDS`].
static TRIGGER: [u32; 26 * 16] = crate::numbers::build_filter(TRIGGER_WORDS);

#[inline]
fn at(b: &[u8], i: usize) -> u8 {
    if i < b.len() {
        b[i]
    } else {
        0
    }
}

#[inline]
fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn alpha_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn alpha_start(b: &[u8], mut i: usize) -> usize {
    while i > 0 && b[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    i
}

fn digit_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn num(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |v, &c| {
        v.saturating_mul(10).saturating_add((c - b'0') as u64)
    })
}

/// Length of a horizontal space at `i` (ASCII space, tab, NBSP, thin spaces).
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match at(b, i) {
        b' ' | b'\t' => 1,
        0xC2 if at(b, i + 1) == 0xA0 => 2,
        0xE2 if at(b, i + 1) == 0x80 && matches!(at(b, i + 2), 0x89 | 0xAF | 0x8A) => 3,
        _ => 0,
    }
}

#[inline]
fn space_len_back(b: &[u8], i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    match b[i - 1] {
        b' ' | b'\t' => 1,
        0xA0 if i >= 2 && b[i - 2] == 0xC2 => 2,
        0x89 | 0xAF | 0x8A if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 => 3,
        _ => 0,
    }
}

#[derive(Clone, Copy, Debug)]
struct Wd {
    s: usize,
    e: usize,
}

impl Wd {
    fn is(&self, b: &[u8], lit: &[u8]) -> bool {
        self.e - self.s == lit.len() && b[self.s..self.e].eq_ignore_ascii_case(lit)
    }
    fn cap(&self, b: &[u8]) -> bool {
        b[self.s].is_ascii_uppercase()
    }
}

/// The word after `pos` over at least one space (or none when `pos` is already a letter that
/// starts a word).
fn next_word(b: &[u8], pos: usize) -> Option<Wd> {
    let mut j = pos;
    loop {
        let k = space_len(b, j);
        if k == 0 {
            break;
        }
        j += k;
    }
    if j == pos || !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    Some(Wd {
        s: j,
        e: alpha_end(b, j),
    })
}

/// The word or digit run after `pos` over at least one space.
fn next_token(b: &[u8], pos: usize) -> Option<Wd> {
    let j = after_space(b, pos)?;
    let c = *b.get(j)?;
    if c.is_ascii_alphabetic() {
        Some(Wd {
            s: j,
            e: alpha_end(b, j),
        })
    } else if c.is_ascii_digit() {
        let e = digit_end(b, j);
        (!b.get(e).is_some_and(|c| c.is_ascii_alphanumeric())).then_some(Wd { s: j, e })
    } else {
        None
    }
}

/// The word right before `pos` over at least one space.
fn prev_word(b: &[u8], pos: usize) -> Option<Wd> {
    let mut j = pos;
    loop {
        let k = space_len_back(b, j);
        if k == 0 {
            break;
        }
        j -= k;
    }
    if j == pos || j == 0 || !b[j - 1].is_ascii_alphabetic() {
        return None;
    }
    Some(Wd {
        s: alpha_start(b, j),
        e: j,
    })
}

/// Position after spaces from `pos` (at least one), or None.
fn after_space(b: &[u8], pos: usize) -> Option<usize> {
    let mut j = pos;
    loop {
        let k = space_len(b, j);
        if k == 0 {
            break;
        }
        j += k;
    }
    (j > pos).then_some(j)
}

fn lower<'a>(w: &[u8], buf: &'a mut [u8; 12]) -> Option<&'a [u8]> {
    if w.len() > 12 {
        return None;
    }
    for (k, &c) in w.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

/// Month of a lowercase full name (`true`) or abbreviation (`false`).
fn month_name(w: &[u8]) -> Option<(u32, bool)> {
    Some(match w {
        b"january" => (1, true),
        b"february" => (2, true),
        b"march" => (3, true),
        b"april" => (4, true),
        b"may" => (5, true),
        b"june" => (6, true),
        b"july" => (7, true),
        b"august" => (8, true),
        b"september" => (9, true),
        b"october" => (10, true),
        b"november" => (11, true),
        b"december" => (12, true),
        b"jan" => (1, false),
        b"feb" => (2, false),
        b"mar" => (3, false),
        b"apr" => (4, false),
        b"jun" => (6, false),
        b"jul" => (7, false),
        b"aug" => (8, false),
        b"sep" | b"sept" => (9, false),
        b"oct" => (10, false),
        b"nov" => (11, false),
        b"dec" => (12, false),
        _ => return None,
    })
}

fn weekday_name(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"monday" => 0,
        b"tuesday" => 1,
        b"wednesday" => 2,
        b"thursday" => 3,
        b"friday" => 4,
        b"saturday" => 5,
        b"sunday" => 6,
        _ => return None,
    })
}

/// A small count in digits or words: "3", "three", "a", "an", "twenty-four".
fn small_count(b: &[u8], w: &Wd) -> Option<i64> {
    let s = &b[w.s..w.e];
    if s.iter().all(u8::is_ascii_digit) {
        return (s.len() <= 5).then(|| num(s) as i64);
    }
    let mut buf = [0u8; 12];
    let l = lower(s, &mut buf)?;
    Some(match l {
        b"a" | b"an" | b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"hundred" => 100,
        _ => return None,
    })
}

/// A token (digits or letters) ending at `e`, possibly "twenty-four".
fn count_before(b: &[u8], e: usize) -> Option<(i64, usize)> {
    if e == 0 {
        return None;
    }
    let s = if b[e - 1].is_ascii_digit() {
        let mut s = e;
        while s > 0
            && (b[s - 1].is_ascii_digit()
                || (b[s - 1] == b',' && s >= 2 && b[s - 2].is_ascii_digit()))
        {
            s -= 1;
        }
        s
    } else if b[e - 1].is_ascii_alphabetic() {
        alpha_start(b, e)
    } else {
        return None;
    };
    if s > 0 && is_alnum(b[s - 1]) {
        return None;
    }
    let digits: Vec<u8> = Vec::new();
    let _ = digits;
    let w = Wd { s, e };
    if b[s].is_ascii_digit() {
        let v = b[s..e]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .fold(0i64, |v, &c| v.saturating_mul(10) + (c - b'0') as i64);
        return Some((v, s));
    }
    let v = small_count(b, &w)?;
    // "twenty-four"
    if s >= 2 && b[s - 1] == b'-' && (1..10).contains(&v) {
        let ts = alpha_start(b, s - 1);
        if let Some(t) = small_count(b, &Wd { s: ts, e: s - 1 }) {
            if t >= 20 && t % 10 == 0 {
                return Some((t + v, ts));
            }
        }
    }
    Some((v, s))
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn unit_word(b: &[u8], w: &Wd) -> Option<Unit> {
    let mut buf = [0u8; 12];
    let l = lower(&b[w.s..w.e], &mut buf)?;
    Some(match l {
        b"day" | b"days" => Unit::Day,
        b"week" | b"weeks" => Unit::Week,
        b"month" | b"months" => Unit::Month,
        b"year" | b"years" => Unit::Year,
        _ => return None,
    })
}

fn push(out: &mut Vec<DateMention>, first: usize, m: DateMention) {
    if let Some(last) = out[first..].last() {
        if m.rel_start < last.end {
            if m.start < last.end {
                return;
            }
            let mut m = m;
            m.rel_start = m.start;
            m.rel = DateRel::At;
            out.push(m);
            return;
        }
    }
    out.push(m);
}

// ---------------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------------

struct Cx<'a> {
    b: &'a [u8],
    pubd: Option<Date>,
}

/// Month parts: early (1-10), mid (11-20), late (21-end).
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

impl<'a> Cx<'a> {
    fn mention(
        &self,
        start: usize,
        end: usize,
        r: Option<(Date, Option<Date>)>,
        g: Granularity,
    ) -> DateMention {
        let (rel, rel_start) = self.rel_before(start);
        DateMention {
            start,
            end,
            rel_start,
            rel,
            resolved: r.map(|x| x.0),
            resolved_end: r.and_then(|x| x.1),
            granularity: g,
        }
    }

    fn rel_before(&self, start: usize) -> (DateRel, usize) {
        let b = self.b;
        let Some(w) = prev_word(b, start) else {
            return (DateRel::At, start);
        };
        let rel = if w.is(b, b"since") || w.is(b, b"from") {
            DateRel::Since
        } else if w.is(b, b"until") || w.is(b, b"till") || w.is(b, b"through") {
            DateRel::Until
        } else if w.is(b, b"before") {
            DateRel::Before
        } else if w.is(b, b"after") {
            DateRel::After
        } else {
            return (DateRel::At, start);
        };
        (rel, w.s)
    }

    /// A date anchored on a word `[s, e)`.
    fn word_date(&self, s: usize, e: usize) -> Option<DateMention> {
        let b = self.b;
        let mut buf = [0u8; 12];
        let l = lower(&b[s..e], &mut buf)?;
        let cap = b[s].is_ascii_uppercase();
        if cap {
            if let Some((m, full)) = month_name(l) {
                return self.month_date(s, e, m, full);
            }
            if let Some(wd) = weekday_name(l) {
                return self.weekday_date(s, e, wd);
            }
        }
        let p = self.pubd;
        let day = |d: Option<Date>| d.map(|d| (d, None));
        match l {
            b"yesterday" => {
                Some(self.mention(s, e, day(p.map(|d| d.add_days(-1))), Granularity::Day))
            }
            b"today" | b"tonight" => Some(self.mention(s, e, day(p), Granularity::Day)),
            b"tomorrow" => {
                Some(self.mention(s, e, day(p.map(|d| d.add_days(1))), Granularity::Day))
            }
            b"last" | b"this" | b"next" | b"past" => self.relative(s, e, l),
            b"earlier" | b"later" => {
                // "earlier this month", "later this year"
                let w1 = next_word(b, e)?;
                if !w1.is(b, b"this") {
                    return None;
                }
                let w2 = next_word(b, w1.e)?;
                let u = unit_word(b, &w2)?;
                let earlier = l == b"earlier";
                let r = p.and_then(|d| {
                    let (a, z) = period_of(d, u)?;
                    Some(if earlier { (a, Some(d)) } else { (d, Some(z)) })
                });
                Some(self.mention(s, w2.e, r, gran(u)))
            }
            b"ago" => self.ago(s, e),
            _ => None,
        }
    }

    /// "last week", "this month", "next year", "last night", "the past 15 months".
    fn relative(&self, s: usize, e: usize, kw: &[u8]) -> Option<DateMention> {
        let b = self.b;
        let p = self.pubd;
        let w = next_token(b, e)?;
        if let Some(u) = unit_word(b, &w) {
            if kw == b"past" && !w.is(b, b"week") && !w.is(b, b"month") && !w.is(b, b"year") {
                return None;
            }
            let singular =
                w.is(b, b"week") || w.is(b, b"month") || w.is(b, b"year") || w.is(b, b"day");
            if !singular {
                return None;
            }
            if u == Unit::Day {
                return None; // "this day", "last day" are not dates
            }
            let r = p.and_then(|d| {
                if kw == b"past" {
                    // rolling: the past week = the 7 days up to publication
                    let a = match u {
                        Unit::Week => d.add_days(-7),
                        Unit::Month => d.add_months(-1),
                        _ => d.add_months(-12),
                    };
                    return Some((a, Some(d)));
                }
                let shift: i32 = match kw {
                    b"last" => -1,
                    b"next" => 1,
                    _ => 0,
                };
                let anchor = match u {
                    Unit::Week => d.add_days(7 * shift as i64),
                    Unit::Month => d.add_months(shift),
                    _ => d.add_months(12 * shift),
                };
                let (a, z) = period_of(anchor, u)?;
                Some((a, Some(z)))
            });
            return Some(self.mention(s, w.e, r, gran(u)));
        }
        if w.is(b, b"weekend") {
            let r = p.map(|d| {
                let sat = d.week_start().add_days(5);
                let sat = match kw {
                    b"last" if d.weekday() >= 5 => sat.add_days(-7),
                    b"last" => sat.add_days(-7),
                    b"next" => sat.add_days(7),
                    _ => sat,
                };
                (sat, Some(sat.add_days(1)))
            });
            return Some(self.mention(s, w.e, r, Granularity::Week));
        }
        if kw == b"last" && w.is(b, b"night") {
            return Some(self.mention(s, w.e, p.map(|d| (d.add_days(-1), None)), Granularity::Day));
        }
        if kw == b"this" && (w.is(b, b"morning") || w.is(b, b"afternoon") || w.is(b, b"evening")) {
            return Some(self.mention(s, w.e, p.map(|d| (d, None)), Granularity::Day));
        }
        if kw == b"last" || kw == b"past" {
            // "the last 15 months", "the past two weeks"
            let nw = next_token(b, e)?;
            let n = small_count(b, &nw)?;
            if n == 1 && !nw.is(b, b"one") {
                return None;
            }
            let uw = next_word(b, nw.e)?;
            let u = unit_word(b, &uw)?;
            return Some(self.rolling(s, uw.e, n, u));
        }
        None
    }

    fn rolling(&self, s: usize, e: usize, n: i64, u: Unit) -> DateMention {
        let r = self.pubd.map(|d| (back(d, n, u), Some(d)));
        self.mention(s, e, r, gran(u))
    }

    /// "three days ago", "a week ago", "two years ago": anchored on "ago" at `[s, e)`.
    fn ago(&self, s: usize, e: usize) -> Option<DateMention> {
        let b = self.b;
        let uw = prev_word(b, s)?;
        let u = unit_word(b, &uw)?;
        // the count before the unit
        let mut j = uw.s;
        let k0 = j;
        while space_len_back(b, j) > 0 {
            j -= space_len_back(b, j);
        }
        if j == k0 {
            return None;
        }
        let (n, ns) = count_before(b, j)?;
        let mut ns = ns;
        // "a few days ago": unresolved
        let few = prev_word(b, ns).is_some_and(|w| w.is(b, b"a"))
            && b[ns..j].eq_ignore_ascii_case(b"few");
        if few {
            ns = prev_word(b, ns).map_or(ns, |w| w.s);
        }
        let r = if few {
            None
        } else {
            self.pubd.map(|d| {
                let a = back(d, n, u);
                match u {
                    Unit::Day | Unit::Week => (a, None),
                    Unit::Month => (a.month_start(), Some(a.month_end())),
                    Unit::Year => (
                        Date {
                            year: a.year,
                            month: 1,
                            day: 1,
                        },
                        Some(Date {
                            year: a.year,
                            month: 12,
                            day: 31,
                        }),
                    ),
                }
            })
        };
        let g = match u {
            Unit::Day | Unit::Week => Granularity::Day,
            Unit::Month => Granularity::Month,
            Unit::Year => Granularity::Year,
        };
        let g = if few { gran(u) } else { g };
        Some(self.mention(ns, e, r, g))
    }

    /// A weekday name at `[s, e)`: "Monday", "on Monday", "last Friday", "next Tuesday",
    /// "Monday, March 3".
    fn weekday_date(&self, s: usize, e: usize, wd: u32) -> Option<DateMention> {
        let b = self.b;
        // "every Friday" recurs; "The Sunday Times" is a newspaper
        if let Some(w) = prev_word(b, s) {
            if w.is(b, b"every") || w.is(b, b"each") {
                return None;
            }
            if w.is(b, b"the") && next_word(b, e).is_some_and(|n| n.cap(b)) {
                return None;
            }
        }
        // "Monday, March 3, 2025" / "Monday 3 March"
        let mut q = e;
        if at(b, q) == b',' {
            q += 1;
        }
        if let Some(j) = after_space(b, q) {
            let c = at(b, j);
            let abs = if c.is_ascii_digit() {
                self.digit_date(j, digit_end(b, j))
            } else if c.is_ascii_uppercase() {
                let je = alpha_end(b, j);
                let mut buf = [0u8; 12];
                lower(&b[j..je], &mut buf)
                    .and_then(month_name)
                    .and_then(|(m, full)| self.month_date(j, je, m, full))
            } else {
                None
            };
            if let Some(mut m) = abs.filter(|m| m.granularity == Granularity::Day) {
                m.start = s;
                let (rel, rs) = self.rel_before(s);
                m.rel = rel;
                m.rel_start = rs;
                return Some(m);
            }
        }
        // a trailing "'s" or "night" does not change the date
        let mut start = s;
        let mut mode = 0i32; // -1 last, +1 next, 0 most recent on or before
        if let Some(w) = prev_word(b, s) {
            if w.is(b, b"last") || w.is(b, b"past") {
                mode = -1;
                start = w.s;
            } else if w.is(b, b"next") || w.is(b, b"coming") {
                mode = 1;
                start = if prev_word(b, w.s).is_some_and(|t| t.is(b, b"this")) {
                    prev_word(b, w.s).map_or(w.s, |t| t.s)
                } else {
                    w.s
                };
            } else if w.is(b, b"this") && self.future_context(w.s) {
                mode = 1;
                start = w.s;
            }
        }
        if mode == 0 && self.future_context(s) {
            mode = 1;
        }
        let r = self.pubd.map(|d| {
            let pw = d.weekday() as i64;
            let w = wd as i64;
            let date = match mode {
                -1 => {
                    let back = (pw - w).rem_euclid(7);
                    d.add_days(-if back == 0 { 7 } else { back })
                }
                1 => {
                    let fwd = (w - pw).rem_euclid(7);
                    d.add_days(if fwd == 0 && start != s { 7 } else { fwd })
                }
                _ => d.add_days(-(pw - w).rem_euclid(7)),
            };
            (date, None)
        });
        Some(self.mention(start, e, r, Granularity::Day))
    }

    /// "will"/"shall"/"scheduled" among the five words before `pos` in the same sentence.
    fn future_context(&self, pos: usize) -> bool {
        let b = self.b;
        let future = |w: &Wd| {
            w.is(b, b"will")
                || w.is(b, b"shall")
                || w.is(b, b"scheduled")
                || w.is(b, b"ll")
                || w.is(b, b"due")
                || w.is(b, b"upcoming")
        };
        let mut p = pos;
        for _ in 0..8 {
            let Some(w) = prev_word(b, p) else {
                break;
            };
            if future(&w) {
                return true;
            }
            if w.is(b, b"said") || w.is(b, b"says") || w.is(b, b"told") {
                return false;
            }
            p = w.s;
        }
        // "On Tuesday, Rubio will join ..."
        let mut p = alpha_end(b, pos);
        if at(b, p) == b',' || at(b, p) == b'\'' {
            p = (p + 1).max(alpha_end(b, p + 1));
        }
        for _ in 0..4 {
            let Some(w) = next_word(b, p) else {
                return false;
            };
            if future(&w) {
                return true;
            }
            if w.is(b, b"said")
                || w.is(b, b"says")
                || w.is(b, b"told")
                || w.is(b, b"was")
                || w.is(b, b"were")
            {
                return false;
            }
            p = w.e;
        }
        false
    }

    /// A month name at `[s, e)` and what follows or precedes it.
    fn month_date(&self, s: usize, e: usize, m: u32, full: bool) -> Option<DateMention> {
        let b = self.b;
        let dot = at(b, e) == b'.' && !full; // "Dec."; "January." ends a sentence
        let mut p = if dot { e + 1 } else { e };
        if at(b, e) == b'-' {
            return None; // "Mar-a-Lago"
        }
        // day
        let mut day = None;
        let mut year = None;
        let mut end = p;
        if let Some(j) = after_space(b, p) {
            if at(b, j).is_ascii_digit() {
                let de = digit_end(b, j);
                let v = num(&b[j..de]);
                let mut te = de;
                // ordinal suffix: "March 3rd"
                let sfx = alpha_end(b, de);
                if matches!(&b[de..sfx], b"st" | b"nd" | b"rd" | b"th") {
                    te = sfx;
                }
                let after = at(b, te);
                let ok_end = !(is_alnum(after)
                    || after == b':'
                    || ((after == b'.' || after == b',') && at(b, te + 1).is_ascii_digit()));
                if de - j <= 2 && (1..=31).contains(&v) && ok_end {
                    day = Some(v as u32);
                    end = te;
                    p = te;
                } else if de - j == 4
                    && (1000..=2200).contains(&v)
                    && !is_alnum(at(b, de))
                    && te == de
                {
                    year = Some(v as i32);
                    end = de;
                }
            }
        }
        if day.is_some() {
            // ", 2024" or " 2024"
            let mut q = p;
            if at(b, q) == b',' {
                q += 1;
            }
            if let Some(j) = after_space(b, q) {
                let de = digit_end(b, j);
                if de - j == 4 && !is_alnum(at(b, de)) {
                    let v = num(&b[j..de]);
                    if (1000..=2200).contains(&v) {
                        year = Some(v as i32);
                        end = de;
                    }
                }
            }
        } else if year.is_none() {
            // "March of 2022"
            if let Some(w) = next_word(b, p) {
                if w.is(b, b"of") {
                    if let Some(j) = after_space(b, w.e) {
                        let de = digit_end(b, j);
                        if de - j == 4 && !is_alnum(at(b, de)) {
                            year = Some(num(&b[j..de]) as i32);
                            end = de;
                        }
                    }
                }
            }
        }
        // abbreviations need a period or a following number ("Jan Smith" is a name)
        if !full && !dot && day.is_none() && year.is_none() {
            return None;
        }
        // modifiers before: early/mid/late, last/next/this
        let mut start = s;
        let mut part = Part::Whole;
        let mut shift = 0i32;
        if s >= 4
            && b[s - 1] == b'-'
            && b[s - 4..s - 1].eq_ignore_ascii_case(b"mid")
            && (s == 4 || !is_alnum(b[s - 5]))
        {
            part = Part::Mid;
            start = s - 4;
        } else if let Some(w) = prev_word(b, s) {
            if w.is(b, b"early") {
                part = Part::Early;
                start = w.s;
            } else if w.is(b, b"mid") || w.is(b, b"middle") {
                part = Part::Mid;
                start = w.s;
            } else if w.is(b, b"late") {
                part = Part::Late;
                start = w.s;
            } else if w.is(b, b"last") && day.is_none() && year.is_none() {
                shift = -1;
                start = w.s;
            } else if w.is(b, b"next") && day.is_none() && year.is_none() {
                shift = 1;
                start = w.s;
            } else if w.is(b, b"this") && day.is_none() && year.is_none() {
                shift = 2;
                start = w.s;
            }
        }
        if part != Part::Whole && day.is_some() {
            part = Part::Whole;
            start = s;
        }
        // "May" alone is a verb unless a date preposition governs it
        if m == 5 && day.is_none() && year.is_none() && start == s {
            let gov = prev_word(b, s).is_some_and(|w| {
                let l = &b[w.s..w.e];
                [
                    &b"in"[..],
                    b"since",
                    b"until",
                    b"till",
                    b"by",
                    b"of",
                    b"from",
                    b"through",
                    b"during",
                    b"before",
                    b"after",
                    b"between",
                    b"and",
                    b"to",
                    b"late",
                    b"early",
                ]
                .iter()
                .any(|x| l.eq_ignore_ascii_case(x))
            });
            if !gov {
                return None;
            }
        }
        if !dot && end == e && day.is_none() && year.is_none() {
            end = e;
        } else if dot && !full && day.is_none() && year.is_none() {
            end = e + 1;
        }
        let p = self.pubd;
        if let Some(d) = day {
            let r = match year {
                Some(y) => Date::new(y, m, d),
                None => p.and_then(|pd| guess_year(pd, m, d)),
            };
            return Some(self.mention(start, end, r.map(|x| (x, None)), Granularity::Day));
        }
        let y = match year {
            Some(y) => Some(y),
            None => p.map(|pd| match shift {
                -1 => {
                    if m < pd.month {
                        pd.year
                    } else {
                        pd.year - 1
                    }
                }
                1 => {
                    if m > pd.month {
                        pd.year
                    } else {
                        pd.year + 1
                    }
                }
                2 => pd.year,
                _ => {
                    if m <= pd.month {
                        pd.year
                    } else {
                        pd.year - 1
                    }
                }
            }),
        };
        let r = y.and_then(|y| {
            let a = Date::new(y, m, 1)?;
            let z = a.month_end();
            Some(match part {
                Part::Whole => (a, Some(z)),
                Part::Early => (a, Some(Date { day: 10, ..a })),
                Part::Mid => (Date { day: 11, ..a }, Some(Date { day: 20, ..a })),
                Part::Late => (Date { day: 21, ..a }, Some(z)),
            })
        });
        Some(self.mention(start, end, r, Granularity::Month))
    }

    /// A date anchored on the digits `[s, e)`: ISO dates, slash dates, "5 December 2024",
    /// "the 1990s", "in 2024".
    fn digit_date(&self, s: usize, e: usize) -> Option<DateMention> {
        let b = self.b;
        let len = e - s;
        let v = num(&b[s..e]);
        // ISO 2025-03-14
        if len == 4 && at(b, e) == b'-' {
            let e2 = digit_end(b, e + 1);
            if e2 - e - 1 == 2 && at(b, e2) == b'-' {
                let e3 = digit_end(b, e2 + 1);
                if e3 - e2 - 1 == 2 && !is_alnum(at(b, e3)) || at(b, e3) == b'T' {
                    let d = Date::new(
                        v as i32,
                        num(&b[e + 1..e2]) as u32,
                        num(&b[e2 + 1..e3]) as u32,
                    )?;
                    return Some(self.mention(s, e3, Some((d, None)), Granularity::Day));
                }
            }
            return None;
        }
        // slashes: 14/03/2025, 3/14/2025
        if len <= 2 && at(b, e) == b'/' {
            let e2 = digit_end(b, e + 1);
            if (1..=2).contains(&(e2 - e - 1)) && at(b, e2) == b'/' {
                let e3 = digit_end(b, e2 + 1);
                if (e3 - e2 - 1 == 4 || e3 - e2 - 1 == 2)
                    && !is_alnum(at(b, e3))
                    && at(b, e3) != b'/'
                {
                    let a = v as u32;
                    let c = num(&b[e + 1..e2]) as u32;
                    let mut y = num(&b[e2 + 1..e3]) as i32;
                    if e3 - e2 - 1 == 2 {
                        y += 2000;
                    }
                    // day/month when the first part cannot be a month; month/day otherwise
                    let d = if a > 12 {
                        Date::new(y, c, a)
                    } else {
                        Date::new(y, a, c).or_else(|| Date::new(y, c, a))
                    };
                    return d.map(|d| self.mention(s, e3, Some((d, None)), Granularity::Day));
                }
            }
            return None;
        }
        // decades: the 1990s, 1990's
        if len == 4 && v.rem_euclid(10) == 0 && (1000..=2100).contains(&v) {
            let se = if at(b, e) == b's' {
                e + 1
            } else if at(b, e) == b'\'' && at(b, e + 1) == b's' {
                e + 2
            } else {
                0
            };
            if se > 0 && !is_alnum(at(b, se)) {
                let y = v as i32;
                // "the 1800s" is a century; "the 2000s", "the 1990s" decades
                let span = if v.rem_euclid(100) == 0 && v < 2000 {
                    99
                } else {
                    9
                };
                let r = (
                    Date {
                        year: y,
                        month: 1,
                        day: 1,
                    },
                    Some(Date {
                        year: y + span,
                        month: 12,
                        day: 31,
                    }),
                );
                return Some(self.mention(s, se, Some(r), Granularity::Year));
            }
        }
        // day before month: "5 December", "5th of December 2024"
        if len <= 2 && (1..=31).contains(&v) {
            let mut p = e;
            let sfx = alpha_end(b, e);
            if matches!(&b[e..sfx], b"st" | b"nd" | b"rd" | b"th") {
                p = sfx;
            } else if sfx > e {
                return None;
            }
            let mut w = next_word(b, p)?;
            if w.is(b, b"of") {
                w = next_word(b, w.e)?;
            }
            if !w.cap(b) {
                return None;
            }
            let mut buf = [0u8; 12];
            let (m, _full) = lower(&b[w.s..w.e], &mut buf).and_then(month_name)?;
            let mut end = w.e;
            if at(b, end) == b'.' && w.e - w.s <= 4 {
                end += 1;
            }
            let mut year = None;
            let mut q = end;
            if at(b, q) == b',' {
                q += 1;
            }
            if let Some(j) = after_space(b, q) {
                let de = digit_end(b, j);
                if de - j == 4 && !is_alnum(at(b, de)) && at(b, de) != b':' {
                    let y = num(&b[j..de]);
                    if (1000..=2200).contains(&y) {
                        year = Some(y as i32);
                        end = de;
                    }
                }
            }
            // "the 5th" alone, or "5 Mar" without a year in running text, are rare; accept
            let d = v as u32;
            let r = match year {
                Some(y) => Date::new(y, m, d),
                None => self.pubd.and_then(|pd| guess_year(pd, m, d)),
            };
            return Some(self.mention(s, end, r.map(|x| (x, None)), Granularity::Day));
        }
        // years after a date preposition: "in 2024", "since 2020", "early 2023"
        if len == 4
            && (1800..=2100).contains(&v)
            && !is_alnum(at(b, e))
            && !(at(b, e) == b',' && at(b, e + 1).is_ascii_digit())
            && at(b, e) != b'-'
        {
            let mut start = s;
            let year_ctx =
                if s >= 4 && b[s - 1] == b'-' && b[s - 4..s - 1].eq_ignore_ascii_case(b"mid") {
                    start = s - 4;
                    true
                } else if let Some(w) = prev_word(b, s) {
                    let l = &b[w.s..w.e];
                    if [&b"early"[..], b"late", b"mid"]
                        .iter()
                        .any(|x| l.eq_ignore_ascii_case(x))
                    {
                        start = w.s;
                        true
                    } else if l.eq_ignore_ascii_case(b"and") || l.eq_ignore_ascii_case(b"to") {
                        // "between 2014 and 2021", "from 1992 to 1997"
                        let ye = {
                            let mut j = w.s;
                            while space_len_back(b, j) > 0 {
                                j -= space_len_back(b, j);
                            }
                            j
                        };
                        let ys = {
                            let mut j = ye;
                            while j > 0 && b[j - 1].is_ascii_digit() {
                                j -= 1;
                            }
                            j
                        };
                        ye < w.s
                            && ye - ys == 4
                            && (ys == 0 || !is_alnum(b[ys - 1]))
                            && (1800..=2100).contains(&num(&b[ys..ye]))
                    } else if l.eq_ignore_ascii_case(b"of") {
                        // "the end of 2024", "the summer of 2004"
                        prev_word(b, w.s).is_some_and(|pw| {
                            [
                                &b"end"[..],
                                b"start",
                                b"beginning",
                                b"summer",
                                b"spring",
                                b"autumn",
                                b"winter",
                                b"fall",
                                b"half",
                                b"quarter",
                                b"middle",
                                b"rest",
                                b"course",
                                b"months",
                            ]
                            .iter()
                            .any(|x| pw.is(b, x))
                        })
                    } else {
                        [
                            &b"in"[..],
                            b"since",
                            b"until",
                            b"till",
                            b"by",
                            b"during",
                            b"from",
                            b"before",
                            b"after",
                            b"through",
                            b"year",
                            b"summer",
                            b"spring",
                            b"autumn",
                            b"winter",
                            b"between",
                        ]
                        .iter()
                        .any(|x| l.eq_ignore_ascii_case(x))
                    }
                } else {
                    false
                };
            // "between 2000 and 2100 GMT" are clock times
            let clock = next_word(b, e).is_some_and(|w| {
                w.is(b, b"gmt")
                    || w.is(b, b"bst")
                    || w.is(b, b"utc")
                    || w.is(b, b"hrs")
                    || w.is(b, b"hours")
            });
            if !year_ctx || clock {
                return None;
            }
            let y = v as i32;
            let r = (
                Date {
                    year: y,
                    month: 1,
                    day: 1,
                },
                Some(Date {
                    year: y,
                    month: 12,
                    day: 31,
                }),
            );
            return Some(self.mention(start, e, Some(r), Granularity::Year));
        }
        None
    }
}

fn gran(u: Unit) -> Granularity {
    match u {
        Unit::Day => Granularity::Day,
        Unit::Week => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Year => Granularity::Year,
    }
}

/// First and last day of the week (Monday-Sunday), month or year containing `d`.
fn period_of(d: Date, u: Unit) -> Option<(Date, Date)> {
    Some(match u {
        Unit::Day => (d, d),
        Unit::Week => {
            let a = d.week_start();
            (a, a.add_days(6))
        }
        Unit::Month => (d.month_start(), d.month_end()),
        Unit::Year => (
            Date {
                year: d.year,
                month: 1,
                day: 1,
            },
            Date {
                year: d.year,
                month: 12,
                day: 31,
            },
        ),
    })
}

/// `n` units before `d`.
fn back(d: Date, n: i64, u: Unit) -> Date {
    let n = n.clamp(0, 100_000);
    match u {
        Unit::Day => d.add_days(-n),
        Unit::Week => d.add_days(-7 * n),
        Unit::Month => d.add_months(-(n as i32)),
        Unit::Year => d.add_months(-(n as i32) * 12),
    }
}

/// The year of a month-day without one: the latest candidate (previous, same or next year)
/// that is not more than 31 days after publication.
fn guess_year(p: Date, m: u32, d: u32) -> Option<Date> {
    let limit = p.add_days(31);
    [p.year + 1, p.year, p.year - 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d))
        .find(|c| *c <= limit)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/// When each quote was said: a resolved date expression next to its cue, outside the quoted
/// content ("Lee told reporters on Monday", "the ministry said Tuesday").
pub fn date_quotes(doc: &mut crate::doc::Doc) {
    for qi in 0..doc.quotes.len() {
        let Some(cue) = doc.quotes[qi].cue else {
            continue;
        };
        let Some(s) = doc.sentence_at(cue.start()) else {
            continue;
        };
        let sentence = doc.sentences[s].span;
        let parts = &doc.quotes[qi].parts;
        let near = |d: &DateMention| {
            if d.start >= cue.end() {
                d.start - cue.end()
            } else {
                cue.start().saturating_sub(d.end)
            }
        };
        let found = doc
            .dates
            .iter()
            .filter(|d| d.resolved.is_some() && d.granularity == Granularity::Day)
            .filter(|d| sentence.start() <= d.start && d.end <= sentence.end())
            .filter(|d| {
                !parts
                    .iter()
                    .any(|p| p.start() <= d.start && d.end <= p.end())
            })
            .filter(|d| near(d) <= 40)
            .min_by_key(|d| near(d))
            .and_then(|d| d.resolved);
        doc.quotes[qi].date = found;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file under the shared data folder (beside the repository, or /work/shared).
    fn read_shared_file(rel: &str) -> Option<String> {
        let mut roots = vec![format!("{}/../../../shared", env!("CARGO_MANIFEST_DIR"))];
        if let Ok(r) = std::env::var("SOURCED_SHARED") {
            roots.insert(0, r);
        }
        roots.push("/work/shared".to_string());
        roots
            .iter()
            .find_map(|r| std::fs::read_to_string(format!("{r}/{rel}")).ok())
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// Friday 2025-03-14.
    fn fri() -> Option<Date> {
        Some(d(2025, 3, 14))
    }

    fn one(t: &str, p: Option<Date>) -> DateMention {
        let v = find_dates(t, p);
        assert_eq!(v.len(), 1, "one date expected in {t:?}: {v:?}");
        v[0]
    }

    fn day(t: &str, surf: &str, want: Date) {
        let m = one(t, fri());
        assert_eq!(&t[m.start..m.end], surf, "{t}");
        assert_eq!(
            (m.resolved, m.resolved_end, m.granularity),
            (Some(want), None, Granularity::Day),
            "{t}"
        );
    }

    fn period(t: &str, surf: &str, a: Date, z: Date, g: Granularity) {
        let m = one(t, fri());
        assert_eq!(&t[m.start..m.end], surf, "{t}");
        assert_eq!(
            (m.resolved, m.resolved_end, m.granularity),
            (Some(a), Some(z), g),
            "{t}"
        );
    }

    #[test]
    fn civil_arithmetic() {
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        assert_eq!(d(2000, 3, 1).to_days(), 11_017);
        assert_eq!(Date::from_days(0), d(1970, 1, 1));
        for z in [
            -800_000i64,
            -1,
            0,
            59,
            60,
            365,
            10_956,
            11_016,
            11_017,
            20_000,
            2_932_896,
        ] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
        // every day of 1999-2001 round-trips and steps by one
        let mut x = d(1999, 1, 1);
        for _ in 0..1100 {
            let y = x.add_days(1);
            assert_eq!(y.to_days(), x.to_days() + 1);
            assert!(y > x);
            x = y;
        }
        assert_eq!(d(2025, 3, 14).weekday(), 4); // Friday
        assert_eq!(d(2024, 2, 29).weekday(), 3); // Thursday
        assert_eq!(d(2000, 1, 1).weekday(), 5); // Saturday
        assert_eq!(d(2024, 2, 28).add_days(1), d(2024, 2, 29));
        assert_eq!(d(2023, 2, 28).add_days(1), d(2023, 3, 1));
        assert_eq!(d(2024, 12, 31).add_days(1), d(2025, 1, 1));
        assert_eq!(d(2025, 3, 31).add_months(-1), d(2025, 2, 28));
        assert_eq!(d(2025, 1, 15).add_months(-1), d(2024, 12, 15));
        assert_eq!(d(2025, 3, 14).week_start(), d(2025, 3, 10));
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2025, 13, 1).is_none());
        assert_eq!(d(2025, 3, 4).to_string(), "2025-03-04");
    }

    #[test]
    fn weekdays_news_semantics() {
        day("Lee told reporters on Monday.", "Monday", d(2025, 3, 10));
        day("It happened Friday.", "Friday", d(2025, 3, 14)); // same weekday = publication day
        day("It happened on Saturday.", "Saturday", d(2025, 3, 8));
        day("It happened last Friday.", "last Friday", d(2025, 3, 7));
        day(
            "They will meet next Tuesday.",
            "next Tuesday",
            d(2025, 3, 18),
        );
        day("They will meet on Tuesday.", "Tuesday", d(2025, 3, 18));
        day("Monday's briefing ended.", "Monday", d(2025, 3, 10));
        day(
            "It ended Monday, March 3, 2025.",
            "Monday, March 3, 2025",
            d(2025, 3, 3),
        );
        let m = one("on Monday", None);
        assert_eq!((m.resolved, m.granularity), (None, Granularity::Day));
    }

    #[test]
    fn relative_words() {
        day("It rained yesterday.", "yesterday", d(2025, 3, 13));
        day("Yesterday it rained.", "Yesterday", d(2025, 3, 13));
        day("It rains today.", "today", d(2025, 3, 14));
        day("It rains tonight.", "tonight", d(2025, 3, 14));
        day("It rains tomorrow.", "tomorrow", d(2025, 3, 15));
        day("It rained last night.", "last night", d(2025, 3, 13));
        day(
            "He said three days ago that",
            "three days ago",
            d(2025, 3, 11),
        );
        day("He said 3 days ago that", "3 days ago", d(2025, 3, 11));
        day("He said a week ago that", "a week ago", d(2025, 3, 7));
        period(
            "It began last week.",
            "last week",
            d(2025, 3, 3),
            d(2025, 3, 9),
            Granularity::Week,
        );
        period(
            "It began this week.",
            "this week",
            d(2025, 3, 10),
            d(2025, 3, 16),
            Granularity::Week,
        );
        period(
            "It began last month.",
            "last month",
            d(2025, 2, 1),
            d(2025, 2, 28),
            Granularity::Month,
        );
        period(
            "It began last year.",
            "last year",
            d(2024, 1, 1),
            d(2024, 12, 31),
            Granularity::Year,
        );
        period(
            "It begins next year.",
            "next year",
            d(2026, 1, 1),
            d(2026, 12, 31),
            Granularity::Year,
        );
        period(
            "It began earlier this month.",
            "earlier this month",
            d(2025, 3, 1),
            d(2025, 3, 14),
            Granularity::Month,
        );
        period(
            "It ends later this year.",
            "later this year",
            d(2025, 3, 14),
            d(2025, 12, 31),
            Granularity::Year,
        );
        period(
            "In the last 15 months, many died.",
            "last 15 months",
            d(2023, 12, 14),
            d(2025, 3, 14),
            Granularity::Month,
        );
        period(
            "over the past week",
            "past week",
            d(2025, 3, 7),
            d(2025, 3, 14),
            Granularity::Week,
        );
        period(
            "two years ago",
            "two years ago",
            d(2023, 1, 1),
            d(2023, 12, 31),
            Granularity::Year,
        );
        // not dates
        assert!(find_dates(
            "At last the day came; this time it was the last one.",
            fri()
        )
        .is_empty());
    }

    #[test]
    fn month_names() {
        day(
            "Thailand deported them on Feb. 27.",
            "Feb. 27",
            d(2025, 2, 27),
        );
        day(
            "violence that began March 6 in Syria",
            "March 6",
            d(2025, 3, 6),
        );
        day(
            "on December 5, 2024, it",
            "December 5, 2024",
            d(2024, 12, 5),
        );
        day("on Dec. 5 it", "Dec. 5", d(2024, 12, 5)); // December after a March publication = last year
        day("on 5 December it", "5 December", d(2024, 12, 5));
        day("on 5 December 2023 it", "5 December 2023", d(2023, 12, 5));
        day(
            "on the 5th of December it",
            "5th of December",
            d(2024, 12, 5),
        );
        day("on Jan 5 it", "Jan 5", d(2025, 1, 5));
        day("arrested since February 1 for", "February 1", d(2025, 2, 1));
        period(
            "Assad fell in December 2024 and",
            "December 2024",
            d(2024, 12, 1),
            d(2024, 12, 31),
            Granularity::Month,
        );
        period(
            "in December they",
            "December",
            d(2024, 12, 1),
            d(2024, 12, 31),
            Granularity::Month,
        );
        period(
            "in March they",
            "March",
            d(2025, 3, 1),
            d(2025, 3, 31),
            Granularity::Month,
        );
        period(
            "in March 2022 they",
            "March 2022",
            d(2022, 3, 1),
            d(2022, 3, 31),
            Granularity::Month,
        );
        period(
            "in mid-March they",
            "mid-March",
            d(2025, 3, 11),
            d(2025, 3, 20),
            Granularity::Month,
        );
        period(
            "in late January they",
            "late January",
            d(2025, 1, 21),
            d(2025, 1, 31),
            Granularity::Month,
        );
        period(
            "last December they",
            "last December",
            d(2024, 12, 1),
            d(2024, 12, 31),
            Granularity::Month,
        );
        period(
            "next April they",
            "next April",
            d(2025, 4, 1),
            d(2025, 4, 30),
            Granularity::Month,
        );
        period(
            "in May they",
            "May",
            d(2024, 5, 1),
            d(2024, 5, 31),
            Granularity::Month,
        );
        // "since October": a start
        let t = "fighting since October has";
        let m = one(t, fri());
        assert_eq!(
            (m.rel, &t[m.rel_start..m.end]),
            (DateRel::Since, "since October")
        );
        assert_eq!(m.resolved, Some(d(2024, 10, 1)));
        // not dates
        assert!(find_dates(
            "They may march on. Jan Smith spoke. The Mar-a-Lago talks.",
            fri()
        )
        .is_empty());
        assert!(find_dates("May God help us.", fri()).is_empty());
    }

    #[test]
    fn digit_forms() {
        day("on 2025-03-10 it", "2025-03-10", d(2025, 3, 10));
        day("on 14/03/2025 it", "14/03/2025", d(2025, 3, 14));
        day("on 3/14/2025 it", "3/14/2025", d(2025, 3, 14));
        period(
            "since the late 1990s",
            "1990s",
            d(1990, 1, 1),
            d(1999, 12, 31),
            Granularity::Year,
        );
        period(
            "In 2024, the group",
            "2024",
            d(2024, 1, 1),
            d(2024, 12, 31),
            Granularity::Year,
        );
        period(
            "in mid-2023 the group",
            "mid-2023",
            d(2023, 1, 1),
            d(2023, 12, 31),
            Granularity::Year,
        );
        let m = one("since 2009 hundreds died", fri());
        assert_eq!(m.rel, DateRel::Since);
        // counts are not years
        assert!(find_dates("Russia sent 2000 troops and 2,000 more; 300 died.", fri()).is_empty());
    }

    /// Speed over the BBC corpus. Run with
    /// `cargo test -p sourced-engine --release dates::tests::speed_bbc -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn speed_bbc() {
        let Some(data) = read_shared_file("data/corpus/bbc-news-2005.jsonl") else {
            eprintln!("bbc-news-2005.jsonl not found; skipped");
            return;
        };
        let texts: Vec<String> = data
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["text"].as_str().unwrap().to_string()
            })
            .collect();
        let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let mut buf = Vec::new();
        let mut found = 0usize;
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t0 = std::time::Instant::now();
            found = 0;
            for t in &texts {
                buf.clear();
                find_dates_into(
                    t,
                    Some(Date {
                        year: 2005,
                        month: 6,
                        day: 1,
                    }),
                    &mut buf,
                );
                found += buf.len();
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        eprintln!(
            "find_dates: {} docs, {words} words, {bytes} bytes, {found} mentions; best of 5: {:.1} ms = {:.1} M words/s ({:.0} MB/s)",
            texts.len(),
            best * 1e3,
            words as f64 / best / 1e6,
            bytes as f64 / best / 1e6
        );
    }

    /// Random token soup: never panics, spans are sorted, non-overlapping and on char
    /// boundaries; resolved periods are ordered.
    #[test]
    fn fuzz_invariants() {
        const TOKS: &[&str] = &[
            "1",
            "5",
            "23",
            "2000",
            "2024",
            "1990s",
            "-",
            "/",
            "03",
            "14",
            " ",
            " ",
            " ",
            ",",
            ".",
            "'s",
            "May",
            "March",
            "Dec",
            "Dec.",
            "Monday",
            "Sunday",
            "last",
            "this",
            "next",
            "past",
            "week",
            "month",
            "year",
            "days",
            "ago",
            "a",
            "few",
            "three",
            "twenty",
            "-",
            "four",
            "earlier",
            "later",
            "since",
            "in",
            "of",
            "the",
            "mid",
            "early",
            "late",
            "yesterday",
            "today",
            "th",
            "\u{a0}",
            "\u{201c}",
            "é",
            "T",
            "GMT",
            "will",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut t = String::new();
        for k in 0..20_000 {
            t.clear();
            let n = (next() % 12) as usize;
            for _ in 0..n {
                t.push_str(TOKS[(next() % TOKS.len() as u64) as usize]);
            }
            let p = if k % 3 == 0 { None } else { fri() };
            let v = find_dates(&t, p);
            let mut prev_end = 0;
            for m in &v {
                assert!(
                    m.rel_start <= m.start && m.start < m.end && m.end <= t.len(),
                    "{t:?} {m:?}"
                );
                assert!(m.rel_start >= prev_end, "{t:?} {v:?}");
                assert!(
                    t.is_char_boundary(m.start)
                        && t.is_char_boundary(m.end)
                        && t.is_char_boundary(m.rel_start)
                );
                if let (Some(a), Some(z)) = (m.resolved, m.resolved_end) {
                    assert!(a <= z, "{t:?} {m:?}");
                }
                prev_end = m.end;
            }
        }
    }

    #[test]
    fn corpus_review_fixes() {
        day(
            "He is scheduled to travel to Canada on Wednesday.",
            "Wednesday",
            d(2025, 3, 19),
        );
        day(
            "On Tuesday, the minister will visit.",
            "Tuesday",
            d(2025, 3, 18),
        );
        assert!(find_dates("He reads The Sunday Times every Friday.", fri()).is_empty());
        period(
            "in the 1800s",
            "1800s",
            d(1800, 1, 1),
            d(1899, 12, 31),
            Granularity::Year,
        );
        let v = find_dates("from 1992 to 1997", fri());
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].resolved, Some(d(1997, 1, 1)));
        period(
            "by the end of 2024",
            "2024",
            d(2024, 1, 1),
            d(2024, 12, 31),
            Granularity::Year,
        );
        // only the year after "from" is a date: not the clock time, not the counts
        let t = "from 1900 to 2100 GMT; it rose to 2000; a total of 2000";
        let v = find_dates(t, fri());
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(&t[v[0].start..v[0].end], "1900");
        period(
            "it rose in January.",
            "January",
            d(2025, 1, 1),
            d(2025, 1, 31),
            Granularity::Month,
        );
    }

    #[test]
    fn parse_published_forms() {
        assert_eq!(parse_published("2025-03-14"), Some(d(2025, 3, 14)));
        assert_eq!(
            parse_published("2025-03-14 22:39:48Z"),
            Some(d(2025, 3, 14))
        );
        assert_eq!(
            parse_published("2025-03-14T22:39:48+02:00"),
            Some(d(2025, 3, 14))
        );
        assert_eq!(parse_published(" 2025/03/14 "), Some(d(2025, 3, 14)));
        assert_eq!(parse_published("March 14, 2025"), Some(d(2025, 3, 14)));
        assert_eq!(
            parse_published("Fri, 14 Mar 2025 20:30:26 +0000"),
            Some(d(2025, 3, 14))
        );
        assert_eq!(parse_published("2025-02-30"), None);
        assert_eq!(parse_published("soon"), None);
        assert_eq!(parse_published(""), None);
    }

    #[test]
    fn sorted_non_overlapping_and_no_panic() {
        let t =
            "On Monday, three days ago, since October and in March 2022, last week, the 1990s, \
                 Dec. 5, 2025-03-14, 14/03/2025 and yesterday.";
        let v = find_dates(t, fri());
        assert!(v.len() >= 9, "{v:?}");
        for w in v.windows(2) {
            assert!(w[0].end <= w[1].rel_start, "{v:?}");
        }
        for t in [
            "",
            "1",
            "May",
            "Dec.",
            "ago",
            "days ago",
            "2025-",
            "2025-03-",
            "1/",
            "1/2/",
            "last",
            "Monday,",
            "5th of",
            "the 1990",
            "9999-99-99",
        ] {
            for m in find_dates(t, fri()) {
                assert!(m.end <= t.len());
            }
            let _ = find_dates(t, None);
        }
    }
}
