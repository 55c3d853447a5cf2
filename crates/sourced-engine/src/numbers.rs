//! Number mentions in news text.
//!
//! [`find_numbers`] scans a text once, left to right, and returns every number expression it
//! finds with its value, qualifier ("about", "more than", ranges, vague amounts), unit (count or
//! percent) and a coarse kind (a count, a year, a date, money, an age, ...). The claims stage
//! decides which of them are claims; this module only reads numbers.
//!
//! All offsets are **byte** offsets into the `&str` (the caller converts to characters).
//! The scanner is linear and allocation-free per token: it anchors on ASCII digits and on a small
//! set of lowercase word starts, and looks only a few words left or right of a number.
//!
//! Values follow CLAIMS-GUIDE: ranges keep the low end in `value` and the high end in
//! `value_hi`; vague amounts hold twice the scale word ("dozens" = 24, "hundreds" = 200,
//! "tens of thousands" = 20,000); fractions of a group are percentages ("a third" = 33.3).

/// How a figure is hedged (CLAIMS-GUIDE "value / value_hi / qualifier").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
    Vague,
}

impl Qualifier {
    /// The ledger's spelling: `exact`, `approx`, `more_than`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// `count` or `percent` (fractions of a group are percentages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumUnit {
    Count,
    Percent,
}

impl NumUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            NumUnit::Count => "count",
            NumUnit::Percent => "percent",
        }
    }
}

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumKind {
    /// A cardinal that could count people ("300", "two", "2.7 million", "dozens").
    Count,
    /// "36%", "40 percent", "40 per cent".
    Percent,
    /// "a third", "two-thirds", "half", "a quarter" (value in percent).
    Fraction,
    /// "2004", "the 1990s", "2014-15".
    Year,
    /// Day of month ("March 3", "3 March", "Jan. 5"), ISO and slash dates.
    Date,
    /// "3 p.m.", "10:30", "0800 GMT".
    Time,
    /// "3rd", "21st", "first" .. "tenth" (and "twenty-first").
    Ordinal,
    /// "$5", "£2.7bn", "5 million dollars".
    Money,
    /// "aged 25", "25-year-old", "in their 20s".
    Age,
    /// "18 hours", "two-year", "15 months".
    Duration,
    /// "6 kilometers", "10kg", "100m".
    Measure,
    /// "No. 2", "Article 5", "Flight 370", "F-16", "COVID-19", "G7", phone numbers.
    Identifier,
    /// "3-1" in sport.
    Score,
    /// Anything else that is a number but not a count ("10-point plan", "24/7").
    Other,
}

impl NumKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NumKind::Count => "count",
            NumKind::Percent => "percent",
            NumKind::Fraction => "fraction",
            NumKind::Year => "year",
            NumKind::Date => "date",
            NumKind::Time => "time",
            NumKind::Ordinal => "ordinal",
            NumKind::Money => "money",
            NumKind::Age => "age",
            NumKind::Duration => "duration",
            NumKind::Measure => "measure",
            NumKind::Identifier => "identifier",
            NumKind::Score => "score",
            NumKind::Other => "other",
        }
    }

    /// Count, Percent or Fraction: the kinds a people-figure can have.
    pub fn is_quantity(self) -> bool {
        matches!(self, NumKind::Count | NumKind::Percent | NumKind::Fraction)
    }
}

/// One number expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMention {
    /// Byte span of the number expression itself: "2,700", "two", "2.7 million",
    /// "11,000 to 12,000", "tens of thousands", "a third", "36%", "40 percent", "$5bn".
    pub start: usize,
    pub end: usize,
    /// Start including qualifier words before it ("about 2,700", "more than 10,000",
    /// "between 1,500 and 3,000"); equals `start` when there are none.
    pub qual_start: usize,
    /// End including qualifier words after it ("100 or so", "20-odd"); equals `end` otherwise.
    pub qual_end: usize,
    pub value: f64,
    /// High end of a range.
    pub value_hi: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: NumUnit,
    pub kind: NumKind,
    /// The number is glued by a hyphen to a following word: "5,000-man", "30-minute",
    /// "two-year", "25-year-old", "10-point".
    pub followed_by_hyphen_noun: bool,
}

/// All number mentions of `text`, sorted by start, non-overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    find_numbers_into(text, &mut out);
    out
}

/// Like [`find_numbers`] but appends to `out` (which is not cleared), so that a caller can
/// reuse one buffer across documents.
pub fn find_numbers_into(text: &str, out: &mut Vec<NumberMention>) {
    let b = text.as_bytes();
    let n = b.len();
    let first = out.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_digit() {
            i = scan_digit(b, i, out, first).max(i + 1);
        } else if c.is_ascii_alphabetic() {
            let e = alpha_end(b, i);
            if filter_hit(&WORD_FILTER, &b[i..e]) && !glued_after_hyphen(b, i) {
                if let Some(next) = scan_word(b, i, e, out, first) {
                    i = next.max(e);
                    continue;
                }
            }
            i = e;
        } else {
            i += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lexical helpers (bytes)
// ---------------------------------------------------------------------------------------------

/// Every word [`word_kind`] knows.
const NUMBER_WORDS: &[&[u8]] = &[
    b"zero",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"thirteen",
    b"fourteen",
    b"fifteen",
    b"sixteen",
    b"seventeen",
    b"eighteen",
    b"nineteen",
    b"twenty",
    b"thirty",
    b"forty",
    b"fifty",
    b"sixty",
    b"seventy",
    b"eighty",
    b"ninety",
    b"hundred",
    b"thousand",
    b"million",
    b"billion",
    b"trillion",
    b"dozen",
    b"a",
    b"and",
    b"point",
    b"half",
    b"third",
    b"thirds",
    b"quarter",
    b"quarters",
    b"fourth",
    b"fourths",
    b"fifth",
    b"fifths",
    b"sixth",
    b"sixths",
    b"seventh",
    b"sevenths",
    b"eighth",
    b"eighths",
    b"ninth",
    b"ninths",
    b"tenth",
    b"tenths",
    b"first",
    b"second",
    b"dozens",
    b"hundreds",
    b"thousands",
    b"millions",
    b"billions",
    b"scores",
    b"tens",
    b"several",
    b"few",
];

/// A filter over (first letter, length, last letter) of [`NUMBER_WORDS`]: one table look-up
/// rejects almost every other word ("the", "and", "said") before any comparison.
static WORD_FILTER: [u32; 26 * 16] = build_filter(NUMBER_WORDS);

/// Build a (first letter, length, last letter) filter for lowercase ASCII words shorter than 16.
pub(crate) const fn build_filter(words: &[&[u8]]) -> [u32; 26 * 16] {
    let mut t = [0u32; 26 * 16];
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let f = (w[0] | 0x20) - b'a';
        let z = (w[w.len() - 1] | 0x20) - b'a';
        t[f as usize * 16 + w.len()] |= 1 << z;
        k += 1;
    }
    t
}

/// [`build_filter`] over lists of lowercase ASCII words shorter than 16 (the lexicons of the
/// other stages, which hold `&str`).
pub(crate) const fn build_str_filter(lists: &[&[&str]]) -> [u32; 26 * 16] {
    let mut t = [0u32; 26 * 16];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let w = lists[l][k].as_bytes();
            let f = (w[0] | 0x20) - b'a';
            let z = (w[w.len() - 1] | 0x20) - b'a';
            t[f as usize * 16 + w.len()] |= 1 << z;
            k += 1;
        }
        l += 1;
    }
    t
}

/// Whether the ASCII-letter word `w` passes the filter `t` (case-insensitive).
#[inline]
pub(crate) fn filter_hit(t: &[u32; 26 * 16], w: &[u8]) -> bool {
    let l = w.len();
    if l == 0 || l >= 16 {
        return false;
    }
    let f = (w[0] | 0x20).wrapping_sub(b'a');
    let z = (w[l - 1] | 0x20).wrapping_sub(b'a');
    f < 26 && z < 26 && (t[f as usize * 16 + l] >> z) & 1 == 1
}

#[inline]
fn at(b: &[u8], i: usize) -> u8 {
    if i < b.len() {
        b[i]
    } else {
        0
    }
}

#[inline]
fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

#[inline]
fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

#[inline]
fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn alpha_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_alpha(b[i]) {
        i += 1;
    }
    i
}

fn alpha_start(b: &[u8], mut i: usize) -> usize {
    while i > 0 && is_alpha(b[i - 1]) {
        i -= 1;
    }
    i
}

fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_alnum(b[i]) {
        i += 1;
    }
    i
}

fn digit_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_digit(b[i]) {
        i += 1;
    }
    i
}

/// A word glued to a preceding "letters-" ("self-one", "anti-two"): not a number start.
fn glued_after_hyphen(b: &[u8], i: usize) -> bool {
    i >= 2 && b[i - 1] == b'-' && is_alnum(b[i - 2])
}

/// Length of a horizontal space character starting at `i` (0 if none): ASCII space or tab,
/// NBSP, and the Unicode thin/narrow/figure/en/em spaces.
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match at(b, i) {
        b' ' | b'\t' => 1,
        0xC2 if at(b, i + 1) == 0xA0 => 2,
        0xE2 if at(b, i + 1) == 0x80
            && matches!(at(b, i + 2), 0x82 | 0x83 | 0x87 | 0x89 | 0x8A | 0xAF) =>
        {
            3
        }
        _ => 0,
    }
}

/// Length of a horizontal space character ending just before `i`.
#[inline]
fn space_len_back(b: &[u8], i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    match b[i - 1] {
        b' ' | b'\t' => 1,
        0xA0 if i >= 2 && b[i - 2] == 0xC2 => 2,
        0x82 | 0x83 | 0x87 | 0x89 | 0x8A | 0xAF
            if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 =>
        {
            3
        }
        _ => 0,
    }
}

/// Length of an opening quotation mark ending just before `i` (`"`, `'`, “, ‘, `(`).
#[inline]
fn open_quote_len_back(b: &[u8], i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    match b[i - 1] {
        b'"' | b'\'' | b'(' => 1,
        0x9C | 0x98 if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 => 3,
        _ => 0,
    }
}

/// An en dash (U+2013) at `i`.
#[inline]
fn en_dash_at(b: &[u8], i: usize) -> bool {
    at(b, i) == 0xE2 && at(b, i + 1) == 0x80 && at(b, i + 2) == 0x93
}

/// A word span.
#[derive(Clone, Copy, Debug)]
struct Wd {
    s: usize,
    e: usize,
    /// The word is followed directly by a period ("No.", "Feb.").
    dot: bool,
}

impl Wd {
    #[inline]
    fn is(&self, b: &[u8], lit: &[u8]) -> bool {
        self.e - self.s == lit.len() && b[self.s..self.e].eq_ignore_ascii_case(lit)
    }
    #[inline]
    fn bytes<'a>(&self, b: &'a [u8]) -> &'a [u8] {
        &b[self.s..self.e]
    }
    #[inline]
    fn capitalized(&self, b: &[u8]) -> bool {
        b[self.s].is_ascii_uppercase()
    }
}

/// The word that ends before `pos`, separated from it only by spaces or opening quotes.
fn prev_word(b: &[u8], pos: usize) -> Option<Wd> {
    let mut j = pos;
    loop {
        let k = space_len_back(b, j);
        if k > 0 {
            j -= k;
            continue;
        }
        let q = open_quote_len_back(b, j);
        if q > 0 {
            j -= q;
            continue;
        }
        break;
    }
    if j == pos || j == 0 {
        return None;
    }
    let mut e = j;
    let mut dot = false;
    if b[e - 1] == b'.' && e >= 2 && is_alpha(b[e - 2]) {
        dot = true;
        e -= 1;
    }
    if !is_alpha(b[e - 1]) {
        return None;
    }
    let s = alpha_start(b, e);
    Some(Wd { s, e, dot })
}

/// Like [`prev_word`] but without the trailing-dot form: the word must end right before the
/// separator (so "killed. 300" gives nothing).
fn prev_word_nodot(b: &[u8], pos: usize) -> Option<Wd> {
    prev_word(b, pos).filter(|w| !w.dot)
}

/// The word that starts after `pos`, separated by at least one space (or directly at `pos`
/// when `pos` is a letter).
fn next_word(b: &[u8], pos: usize) -> Option<Wd> {
    let mut j = pos;
    loop {
        let k = space_len(b, j);
        if k == 0 {
            break;
        }
        j += k;
    }
    if !is_alpha(at(b, j)) {
        return None;
    }
    if j > 0 && j == pos && is_alnum(b[j - 1]) {
        return None;
    }
    let e = alpha_end(b, j);
    Some(Wd {
        s: j,
        e,
        dot: at(b, e) == b'.',
    })
}

/// Is the word at `w` the first of its sentence (text start or after . ! ? : quotes, newline)?
fn sentence_initial(b: &[u8], w: &Wd) -> bool {
    let mut j = w.s;
    loop {
        let k = space_len_back(b, j);
        if k > 0 {
            j -= k;
            continue;
        }
        let q = open_quote_len_back(b, j);
        if q > 0 {
            j -= q;
            continue;
        }
        break;
    }
    if j == 0 {
        return true;
    }
    let c = b[j - 1];
    matches!(c, b'.' | b'!' | b'?' | b'\n' | b'\r' | b':' | b';' | b'"')
        || (c == 0x9D && j >= 3 && b[j - 3] == 0xE2)
        || (c == 0x94 && j >= 3 && b[j - 3] == 0xE2) // em dash
}

/// Lowercase copy into `buf` (words longer than 16 bytes give None).
#[inline]
fn lower<'a>(w: &[u8], buf: &'a mut [u8; 16]) -> Option<&'a [u8]> {
    if w.len() > 16 {
        return None;
    }
    for (k, &c) in w.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

/// A token for the number-word parser: an alphabetic word or a run of digits, reached from
/// `pos` over exactly one space or one hyphen.
#[derive(Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    digit: bool,
    hyphen: bool,
}

fn next_tok(b: &[u8], pos: usize) -> Option<Tok> {
    let (j, hyphen) = match at(b, pos) {
        b'-' => (pos + 1, true),
        _ => {
            let k = space_len(b, pos);
            if k == 0 {
                return None;
            }
            (pos + k, false)
        }
    };
    let c = at(b, j);
    if is_alpha(c) {
        Some(Tok {
            s: j,
            e: alpha_end(b, j),
            digit: false,
            hyphen,
        })
    } else if is_digit(c) {
        Some(Tok {
            s: j,
            e: digit_end(b, j),
            digit: true,
            hyphen,
        })
    } else {
        None
    }
}

fn tok_is(b: &[u8], t: &Tok, lit: &[u8]) -> bool {
    !t.digit && t.e - t.s == lit.len() && b[t.s..t.e].eq_ignore_ascii_case(lit)
}

/// Round values that are integers up to floating-point noise ("2.7 million").
fn tidy(v: f64) -> f64 {
    let r = v.round();
    if (v - r).abs() <= 1e-9 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Debug)]
enum W {
    Unit(u8),
    Teen(u8),
    Tens(u8),
    Hundred,
    Scale(f64),
    Dozen,
    A,
    And,
    Point,
    Half,
    /// Fraction denominator: (denominator, plural, has an ordinal reading).
    Frac(u8, bool, bool),
    Ord(u8),
    /// Vague plural with its scale: dozens 12, hundreds 100, thousands 1e3, scores 20.
    VaguePl(f64),
    TensPl,
    Several,
    Few,
}

fn word_kind(w: &[u8]) -> Option<W> {
    Some(match w {
        b"zero" => W::Unit(0),
        b"one" => W::Unit(1),
        b"two" => W::Unit(2),
        b"three" => W::Unit(3),
        b"four" => W::Unit(4),
        b"five" => W::Unit(5),
        b"six" => W::Unit(6),
        b"seven" => W::Unit(7),
        b"eight" => W::Unit(8),
        b"nine" => W::Unit(9),
        b"ten" => W::Teen(10),
        b"eleven" => W::Teen(11),
        b"twelve" => W::Teen(12),
        b"thirteen" => W::Teen(13),
        b"fourteen" => W::Teen(14),
        b"fifteen" => W::Teen(15),
        b"sixteen" => W::Teen(16),
        b"seventeen" => W::Teen(17),
        b"eighteen" => W::Teen(18),
        b"nineteen" => W::Teen(19),
        b"twenty" => W::Tens(20),
        b"thirty" => W::Tens(30),
        b"forty" => W::Tens(40),
        b"fifty" => W::Tens(50),
        b"sixty" => W::Tens(60),
        b"seventy" => W::Tens(70),
        b"eighty" => W::Tens(80),
        b"ninety" => W::Tens(90),
        b"hundred" => W::Hundred,
        b"thousand" => W::Scale(1e3),
        b"million" => W::Scale(1e6),
        b"billion" => W::Scale(1e9),
        b"trillion" => W::Scale(1e12),
        b"dozen" => W::Dozen,
        b"a" => W::A,
        b"and" => W::And,
        b"point" => W::Point,
        b"half" => W::Half,
        b"third" => W::Frac(3, false, true),
        b"thirds" => W::Frac(3, true, true),
        b"quarter" => W::Frac(4, false, false),
        b"quarters" => W::Frac(4, true, false),
        b"fourth" => W::Frac(4, false, true),
        b"fourths" => W::Frac(4, true, true),
        b"fifth" => W::Frac(5, false, true),
        b"fifths" => W::Frac(5, true, true),
        b"sixth" => W::Frac(6, false, true),
        b"sixths" => W::Frac(6, true, true),
        b"seventh" => W::Frac(7, false, true),
        b"sevenths" => W::Frac(7, true, true),
        b"eighth" => W::Frac(8, false, true),
        b"eighths" => W::Frac(8, true, true),
        b"ninth" => W::Frac(9, false, true),
        b"ninths" => W::Frac(9, true, true),
        b"tenth" => W::Frac(10, false, true),
        b"tenths" => W::Frac(10, true, true),
        b"first" => W::Ord(1),
        b"second" => W::Ord(2),
        b"dozens" => W::VaguePl(12.0),
        b"hundreds" => W::VaguePl(100.0),
        b"thousands" => W::VaguePl(1e3),
        b"millions" => W::VaguePl(1e6),
        b"billions" => W::VaguePl(1e9),
        b"scores" => W::VaguePl(20.0),
        b"tens" => W::TensPl,
        b"several" => W::Several,
        b"few" => W::Few,
        _ => return None,
    })
}

fn tok_kind(b: &[u8], t: &Tok) -> Option<W> {
    if t.digit {
        return None;
    }
    let mut buf = [0u8; 16];
    let w = lower(&b[t.s..t.e], &mut buf)?;
    word_kind(w)
}

/// Nouns for people (and a few close relatives) that make a bare number a count:
/// "2000 troops", "one soldier".
fn is_people_noun(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"people"
            | b"persons"
            | b"person"
            | b"soldiers"
            | b"soldier"
            | b"troops"
            | b"servicemen"
            | b"civilians"
            | b"civilian"
            | b"men"
            | b"man"
            | b"women"
            | b"woman"
            | b"children"
            | b"child"
            | b"kids"
            | b"boys"
            | b"girls"
            | b"babies"
            | b"infants"
            | b"students"
            | b"pupils"
            | b"refugees"
            | b"migrants"
            | b"residents"
            | b"villagers"
            | b"fighters"
            | b"militants"
            | b"rebels"
            | b"insurgents"
            | b"terrorists"
            | b"gunmen"
            | b"jihadists"
            | b"militiamen"
            | b"police"
            | b"policemen"
            | b"officers"
            | b"officials"
            | b"workers"
            | b"staff"
            | b"employees"
            | b"personnel"
            | b"prisoners"
            | b"detainees"
            | b"inmates"
            | b"hostages"
            | b"captives"
            | b"passengers"
            | b"casualties"
            | b"deaths"
            | b"dead"
            | b"wounded"
            | b"injured"
            | b"victims"
            | b"members"
            | b"protesters"
            | b"protestors"
            | b"demonstrators"
            | b"families"
            | b"households"
            | b"voters"
            | b"patients"
            | b"doctors"
            | b"nurses"
            | b"journalists"
            | b"reporters"
            | b"citizens"
            | b"nationals"
            | b"marines"
            | b"sailors"
            | b"guards"
            | b"agents"
            | b"recruits"
            | b"conscripts"
            | b"volunteers"
            | b"survivors"
            | b"settlers"
            | b"pilgrims"
            | b"asylum"
            | b"displaced"
            | b"more"
            | b"others"
            | b"additional"
            | b"other"
            | b"new"
            | b"foreign"
            | b"local"
            | b"armed"
            | b"young"
            | b"fellow"
    )
}

/// Units of time: a number before them is a duration.
fn is_duration_unit(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"seconds"
            | b"second"
            | b"minutes"
            | b"minute"
            | b"mins"
            | b"min"
            | b"hours"
            | b"hour"
            | b"hrs"
            | b"hr"
            | b"days"
            | b"day"
            | b"nights"
            | b"night"
            | b"weeks"
            | b"week"
            | b"fortnights"
            | b"months"
            | b"month"
            | b"years"
            | b"year"
            | b"yrs"
            | b"decades"
            | b"decade"
            | b"centuries"
            | b"century"
            | b"millennia"
            | b"weekends"
            | b"seasons"
            | b"season"
            | b"semesters"
            | b"generations"
    )
}

/// Units of measurement (not people).
fn is_measure_unit(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"km"
            | b"kms"
            | b"kilometers"
            | b"kilometres"
            | b"kilometer"
            | b"kilometre"
            | b"miles"
            | b"mile"
            | b"meters"
            | b"metres"
            | b"meter"
            | b"metre"
            | b"m"
            | b"cm"
            | b"mm"
            | b"mg"
            | b"mcg"
            | b"ml"
            | b"cl"
            | b"sqm"
            | b"kilotons"
            | b"kilotonnes"
            | b"megatons"
            | b"centimetres"
            | b"centimeters"
            | b"millimetres"
            | b"millimeters"
            | b"ft"
            | b"feet"
            | b"foot"
            | b"inches"
            | b"inch"
            | b"yards"
            | b"yard"
            | b"kg"
            | b"kgs"
            | b"kilograms"
            | b"kilogrammes"
            | b"kilogram"
            | b"kilos"
            | b"kilo"
            | b"grams"
            | b"gram"
            | b"tonnes"
            | b"tonne"
            | b"tons"
            | b"ton"
            | b"lb"
            | b"lbs"
            | b"ounces"
            | b"oz"
            | b"litres"
            | b"liters"
            | b"litre"
            | b"liter"
            | b"gallons"
            | b"gallon"
            | b"barrels"
            | b"barrel"
            | b"bpd"
            | b"acres"
            | b"acre"
            | b"hectares"
            | b"hectare"
            | b"ha"
            | b"sq"
            | b"square"
            | b"cubic"
            | b"degrees"
            | b"degree"
            | b"mph"
            | b"kph"
            | b"kmh"
            | b"knots"
            | b"mw"
            | b"megawatts"
            | b"megawatt"
            | b"gw"
            | b"gigawatts"
            | b"kw"
            | b"kilowatts"
            | b"kwh"
            | b"watts"
            | b"volts"
            | b"mb"
            | b"gb"
            | b"tb"
            | b"kb"
            | b"megabytes"
            | b"gigabytes"
            | b"terabytes"
            | b"bytes"
            | b"mbps"
            | b"kbps"
            | b"gbps"
            | b"ghz"
            | b"mhz"
            | b"hz"
            | b"megapixels"
            | b"pixels"
            | b"calories"
            | b"decibels"
            | b"points"
            | b"storeys"
            | b"stories"
            | b"floors"
            | b"laps"
    )
}

/// Currency names after a number: "5 dollars", "2.7bn euros".
fn is_currency_word(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"dollars"
            | b"dollar"
            | b"usd"
            | b"euros"
            | b"euro"
            | b"eur"
            | b"pounds"
            | b"sterling"
            | b"gbp"
            | b"yen"
            | b"yuan"
            | b"renminbi"
            | b"rmb"
            | b"rupees"
            | b"rupee"
            | b"roubles"
            | b"rubles"
            | b"rouble"
            | b"ruble"
            | b"francs"
            | b"naira"
            | b"shillings"
            | b"rand"
            | b"pesos"
            | b"dinars"
            | b"riyals"
            | b"rials"
            | b"dirhams"
            | b"lira"
            | b"liras"
            | b"baht"
            | b"ringgit"
            | b"rupiah"
            | b"hryvnias"
            | b"hryvnia"
            | b"zlotys"
            | b"zloty"
            | b"kronor"
            | b"kroner"
            | b"krona"
            | b"kronas"
            | b"cents"
            | b"pence"
            | b"bucks"
            | b"afghanis"
            | b"birr"
            | b"cedis"
            | b"kwacha"
            | b"taka"
            | b"leones"
    )
}

/// Hyphenated nouns after a number that keep it a count of people: "5,000-man", "300,000-strong".
fn is_people_hyphen_noun(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"man"
            | b"men"
            | b"strong"
            | b"member"
            | b"members"
            | b"person"
            | b"people"
            | b"soldier"
            | b"troop"
            | b"officer"
            | b"nation"
            | b"country"
            | b"seat"
            | b"seater"
            | b"family"
            | b"bed"
            | b"child"
            | b"woman"
    )
}

/// Words before a number that make it an identifier: "Article 5", "Flight 370".
fn is_ident_prefix(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"article"
            | b"articles"
            | b"resolution"
            | b"resolutions"
            | b"flight"
            | b"route"
            | b"highway"
            | b"interstate"
            | b"chapter"
            | b"section"
            | b"clause"
            | b"paragraph"
            | b"rule"
            | b"protocol"
            | b"room"
            | b"platform"
            | b"gate"
            | b"terminal"
            | b"bus"
            | b"channel"
            | b"category"
            | b"class"
            | b"grade"
            | b"stage"
            | b"phase"
            | b"version"
            | b"page"
            | b"pages"
            | b"line"
            | b"item"
            | b"amendment"
            | b"decree"
            | b"bill"
            | b"order"
            | b"code"
            | b"model"
            | b"type"
            | b"mark"
            | b"mk"
            | b"boeing"
            | b"airbus"
            | b"apollo"
            | b"iphone"
            | b"windows"
            | b"playstation"
            | b"xbox"
            | b"formula"
            | b"ward"
            | b"block"
            | b"sector"
            | b"district"
            | b"zone"
            | b"area"
            | b"camp"
            | b"level"
            | b"lot"
            | b"unit"
            | b"tier"
            | b"cell"
            | b"step"
            | b"exhibit"
            | b"figure"
            | b"table"
            | b"episode"
            | b"series"
            | b"season"
            | b"volume"
            | b"vol"
            | b"op"
            | b"no"
            | b"nos"
            | b"number"
            | b"psalm"
            | b"verse"
            | b"title"
            | b"act"
            | b"annex"
            | b"appendix"
            | b"week"
            | b"day"
            | b"round"
            | b"game"
            | b"match"
            | b"heat"
            | b"group"
            | b"pool"
            | b"lane"
            | b"hole"
            | b"box"
            | b"pier"
            | b"berth"
            | b"track"
            | b"studio"
            | b"radio"
            | b"tv"
            | b"kanal"
            | b"battalion"
            | b"regiment"
            | b"squadron"
    )
}

/// Capitalised words that never make a following number an identifier.
fn is_plain_capital(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    month_of(w).is_some()
        || matches!(
            w,
            b"the"
                | b"a"
                | b"an"
                | b"and"
                | b"but"
                | b"or"
                | b"of"
                | b"in"
                | b"on"
                | b"at"
                | b"by"
                | b"for"
                | b"with"
                | b"to"
                | b"from"
                | b"since"
                | b"about"
                | b"some"
                | b"over"
                | b"nearly"
                | b"almost"
                | b"around"
                | b"only"
                | b"all"
                | b"another"
                | b"those"
                | b"these"
                | b"its"
                | b"his"
                | b"her"
                | b"their"
                | b"our"
                | b"my"
                | b"your"
                | b"just"
                | b"still"
                | b"killed"
                | b"kills"
                | b"kill"
                | b"killing"
                | b"monday"
                | b"tuesday"
                | b"wednesday"
                | b"thursday"
                | b"friday"
                | b"saturday"
                | b"sunday"
                | b"i"
                | b"we"
                | b"they"
                | b"he"
                | b"she"
                | b"it"
                | b"you"
                | b"have"
                | b"has"
                | b"had"
                | b"are"
                | b"is"
                | b"were"
                | b"was"
                | b"said"
                | b"says"
                | b"say"
                | b"nato"
                | b"us"
                | b"u"
                | b"uk"
                | b"eu"
                | b"un"
        )
}

/// Month number for a lowercase month name or abbreviation.
fn month_of(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

/// A capitalised month name or abbreviation (the abbreviation must carry its period or be a
/// full name).
fn is_month_word(b: &[u8], w: &Wd) -> bool {
    if !w.capitalized(b) {
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(l) = lower(w.bytes(b), &mut buf) else {
        return false;
    };
    month_of(l).is_some()
}

/// Words after which a four-digit number is a year even before a people noun ("in 2014 police").
fn is_year_prep(b: &[u8], w: &Wd) -> bool {
    let mut buf = [0u8; 16];
    let Some(l) = lower(w.bytes(b), &mut buf) else {
        return false;
    };
    matches!(
        l,
        b"in"
            | b"since"
            | b"until"
            | b"till"
            | b"before"
            | b"after"
            | b"during"
            | b"by"
            | b"circa"
            | b"year"
            | b"mid"
            | b"early"
            | b"late"
            | b"pre"
            | b"post"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"fall"
            | b"winter"
    ) || (w.capitalized(b) && month_of(l).is_some())
}

/// Sport words around "3-1".
fn is_sport_word(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"won"
            | b"win"
            | b"wins"
            | b"winning"
            | b"beat"
            | b"beating"
            | b"beaten"
            | b"lost"
            | b"lose"
            | b"losing"
            | b"loss"
            | b"defeat"
            | b"defeated"
            | b"victory"
            | b"victories"
            | b"draw"
            | b"drew"
            | b"drawn"
            | b"lead"
            | b"led"
            | b"leads"
            | b"trail"
            | b"trailed"
            | b"trailing"
            | b"thrashed"
            | b"thrashing"
            | b"edged"
            | b"score"
            | b"scoreline"
            | b"aggregate"
            | b"triumph"
            | b"success"
            | b"reverse"
            | b"home"
            | b"away"
            | b"sets"
            | b"set"
            | b"final"
            | b"semi"
            | b"goals"
            | b"goal"
    )
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Debug)]
enum Form {
    /// An ordinary cardinal.
    Num,
    /// The bare word "one" (kept only in clear numeric use).
    One,
    /// dozens, hundreds, several hundred, tens of thousands ...
    Vague,
    /// A fraction of a group; `strong` when unambiguous ("two-thirds"); `ord` the ordinal
    /// reading and where it starts ("a third attack").
    Frac {
        strong: bool,
        ord: Option<(u8, usize)>,
    },
    /// Already decided: ordinals, times, identifiers, attached units.
    Direct(NumKind),
}

#[derive(Clone, Copy, Debug)]
struct Expr {
    start: usize,
    end: usize,
    value: f64,
    /// Largest scale word applied (1 when none): lets "30-35 thousand" scale the low end.
    scale: f64,
    form: Form,
    digits: bool,
    int_digits: u32,
    /// Digits only: no separator, decimals or scale.
    plain_int: bool,
    has_sep: bool,
    money: bool,
    percent: bool,
    lead_zero: bool,
}

impl Expr {
    fn new(start: usize, end: usize, value: f64, form: Form) -> Expr {
        Expr {
            start,
            end,
            value,
            scale: 1.0,
            form,
            digits: false,
            int_digits: 0,
            plain_int: false,
            has_sep: false,
            money: false,
            percent: false,
            lead_zero: false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Last {
    Unit,
    Teen,
    Tens,
    /// Digits; `small` when a following "hundred"/"dozen" may multiply them.
    Digit(bool),
    Hundred,
    Scale,
    Dozen,
    Half,
}

/// State of the number-word accumulator.
struct Acc {
    total: f64,
    current: f64,
    last: Last,
    last_scale: f64,
    end: usize,
    scale: f64,
    and_used: bool,
    no_and: bool,
}

enum Tail {
    Num,
    Frac { value: f64, strong: bool },
    Ord(u8),
}

/// Continue a number expression over space/hyphen-joined number words:
/// "two hundred thousand", "thirty-four", "four-thousand-100", "27-hundred", "2.7 million".
fn continue_num(b: &[u8], acc: &mut Acc) -> Tail {
    while let Some(t) = next_tok(b, acc.end) {
        if t.digit {
            // "four-thousand-100"
            if t.hyphen && matches!(acc.last, Last::Hundred | Last::Scale) && !is_alnum(at(b, t.e))
            {
                let v = parse_plain(b, t.s, t.e);
                if v < 1000.0 && acc.current < 100.0 {
                    acc.current += v;
                    acc.last = Last::Digit(false);
                    acc.end = t.e;
                    continue;
                }
            }
            break;
        }
        let Some(k) = tok_kind(b, &t) else {
            break;
        };
        match k {
            W::Hundred => {
                let ok = match acc.last {
                    Last::Unit | Last::Teen | Last::Tens => !acc.and_used,
                    Last::Digit(small) => small,
                    _ => false,
                };
                if !ok || acc.current <= 0.0 {
                    break;
                }
                acc.current *= 100.0;
                acc.last = Last::Hundred;
                acc.scale = acc.scale.max(100.0);
                acc.end = t.e;
            }
            W::Scale(s) => {
                let ok = matches!(
                    acc.last,
                    Last::Unit
                        | Last::Teen
                        | Last::Tens
                        | Last::Digit(_)
                        | Last::Hundred
                        | Last::Dozen
                        | Last::Half
                ) && s < acc.last_scale;
                if !ok || acc.current <= 0.0 {
                    break;
                }
                acc.total += acc.current * s;
                acc.current = 0.0;
                acc.last = Last::Scale;
                acc.last_scale = s;
                acc.scale = acc.scale.max(s);
                acc.end = t.e;
            }
            W::Unit(u) => {
                let ok = match acc.last {
                    Last::Tens => u > 0,
                    Last::Hundred | Last::Scale => true,
                    _ => false,
                };
                if !ok {
                    break;
                }
                acc.current += u as f64;
                acc.last = Last::Unit;
                acc.end = t.e;
            }
            W::Teen(v) | W::Tens(v) => {
                if !matches!(acc.last, Last::Hundred | Last::Scale) {
                    break;
                }
                acc.current += v as f64;
                acc.last = if matches!(k, W::Teen(_)) {
                    Last::Teen
                } else {
                    Last::Tens
                };
                acc.end = t.e;
            }
            W::Dozen => {
                let ok = match acc.last {
                    Last::Unit | Last::Teen => true,
                    Last::Digit(small) => small,
                    _ => false,
                };
                if !ok || acc.total > 0.0 || acc.current > 20.0 {
                    break;
                }
                acc.current *= 12.0;
                acc.last = Last::Dozen;
                acc.end = t.e;
            }
            W::And => {
                if acc.no_and || t.hyphen {
                    break;
                }
                let Some(t2) = next_tok(b, t.e) else {
                    break;
                };
                if t2.hyphen {
                    break;
                }
                match acc.last {
                    Last::Hundred | Last::Scale => {
                        if matches!(
                            tok_kind(b, &t2),
                            Some(W::Unit(1..=9) | W::Teen(_) | W::Tens(_))
                        ) {
                            acc.and_used = true;
                            acc.end = t.e;
                            continue;
                        }
                        break;
                    }
                    Last::Unit | Last::Teen | Last::Tens | Last::Digit(_) => {
                        // "two and a half"
                        if tok_is(b, &t2, b"a") {
                            if let Some(t3) = next_tok(b, t2.e) {
                                if !t3.hyphen && tok_is(b, &t3, b"half") {
                                    acc.current += 0.5;
                                    acc.last = Last::Half;
                                    acc.end = t3.e;
                                    continue;
                                }
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
            W::Point => {
                if !matches!(acc.last, Last::Unit | Last::Teen | Last::Tens) || acc.total > 0.0 {
                    break;
                }
                // "seven-point-one", "two point five"
                let mut p = t.e;
                let mut f = 0.0;
                let mut div = 1.0;
                while let Some(t2) = next_tok(b, p) {
                    match tok_kind(b, &t2) {
                        Some(W::Unit(d)) => {
                            div *= 10.0;
                            f += d as f64 / div;
                            p = t2.e;
                        }
                        _ => break,
                    }
                }
                if p == t.e {
                    break;
                }
                acc.current += f;
                acc.last = Last::Digit(false);
                acc.end = p;
            }
            W::Frac(d, plural, _) => {
                if acc.last == Last::Unit
                    && acc.total == 0.0
                    && acc.current >= 1.0
                    && acc.current < 10.0
                {
                    let v = acc.current / d as f64 * 100.0;
                    acc.end = t.e;
                    return Tail::Frac {
                        value: (v * 10.0).round() / 10.0,
                        strong: t.hyphen || (plural && d != 4),
                    };
                }
                break;
            }
            W::Half => {
                // "one half", "one-half"
                if acc.last == Last::Unit && acc.total == 0.0 && acc.current == 1.0 {
                    acc.end = t.e;
                    return Tail::Frac {
                        value: 50.0,
                        strong: true,
                    };
                }
                break;
            }
            W::Ord(n) => {
                if acc.last == Last::Tens && t.hyphen {
                    acc.end = t.e;
                    return Tail::Ord(acc.current as u8 + n);
                }
                break;
            }
            _ => break,
        }
    }
    Tail::Num
}

/// Value of a run of ASCII digits.
fn parse_plain(b: &[u8], s: usize, e: usize) -> f64 {
    let mut v = 0.0;
    for &c in &b[s..e] {
        v = v * 10.0 + (c - b'0') as f64;
    }
    v
}

struct Digits {
    end: usize,
    value: f64,
    int_digits: u32,
    has_sep: bool,
    frac_digits: u32,
    lead_zero: bool,
}

/// Digits with optional thousands separators (comma, or a space/NBSP/thin space between
/// groups of three) and decimals.
fn parse_digits(b: &[u8], i: usize, allow_space: bool) -> Digits {
    let n = b.len();
    let e1 = digit_end(b, i);
    let mut v = parse_plain(b, i, e1);
    let mut j = e1;
    let mut int_digits = (e1 - i) as u32;
    let mut has_sep = false;
    if e1 - i <= 3 {
        let mut sep: Option<(usize, u8)> = None; // (length, first byte)
        loop {
            let sl = if at(b, j) == b',' {
                1
            } else if allow_space {
                space_len(b, j)
            } else {
                0
            };
            if sl == 0 {
                break;
            }
            if let Some((l, c)) = sep {
                if l != sl || c != b[j] {
                    break;
                }
            }
            let g = j + sl;
            if g + 3 > n
                || !is_digit(b[g])
                || !is_digit(b[g + 1])
                || !is_digit(b[g + 2])
                || is_digit(at(b, g + 3))
            {
                break;
            }
            if sl > 0 && b[j] != b',' {
                // a space-separated group must end the token
                if is_alnum(at(b, g + 3)) || (at(b, g + 3) == b'.' && is_digit(at(b, g + 4))) {
                    break;
                }
            }
            sep = Some((sl, b[j]));
            v = v * 1000.0 + parse_plain(b, g, g + 3);
            j = g + 3;
            int_digits += 3;
            has_sep = true;
        }
    }
    let mut frac_digits = 0;
    if at(b, j) == b'.' && is_digit(at(b, j + 1)) {
        let fe = digit_end(b, j + 1);
        // "1.2.3" version numbers are not decimals: leave them to the caller
        if !(at(b, fe) == b'.' && is_digit(at(b, fe + 1))) {
            let mut div = 1.0;
            let mut f = 0.0;
            for &c in &b[j + 1..fe] {
                div *= 10.0;
                f = f * 10.0 + (c - b'0') as f64;
            }
            v += f / div;
            frac_digits = (fe - j - 1) as u32;
            j = fe;
        }
    }
    Digits {
        end: j,
        value: v,
        int_digits,
        has_sep,
        frac_digits,
        lead_zero: b[i] == b'0' && e1 - i >= 2,
    }
}

/// Currency sign (or code) right before the digits at `i`: returns where the money expression
/// starts.
fn currency_before(b: &[u8], i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let mut s = None;
    if b[i - 1] == b'$' {
        let mut k = i - 1;
        // US$, A$, HK$, NZ$
        let ls = alpha_start(b, k);
        if k - ls <= 2 && k > ls && b[ls..k].iter().all(|c| c.is_ascii_uppercase()) {
            k = ls;
        }
        s = Some(k);
    } else if i >= 2 && b[i - 2] == 0xC2 && matches!(b[i - 1], 0xA3 | 0xA5) {
        s = Some(i - 2); // £ ¥
    } else if i >= 3
        && b[i - 3] == 0xE2
        && b[i - 2] == 0x82
        && matches!(b[i - 1], 0xAC | 0xB9 | 0xA6 | 0xBD | 0xB4 | 0xA9)
    {
        s = Some(i - 3); // € ₹ ₦ ₽ ₴ ₩
    } else if i >= 2 && (b[i - 1] == b' ' || b[i - 1] == b'.') {
        // "USD 5", "Rs. 500", "Rs 500", "Rs.500"
        let mut e = i - 1;
        if b[i - 1] == b' ' && b[e - 1] == b'.' {
            e -= 1;
        }
        let ls = alpha_start(b, e);
        let w = &b[ls..e];
        if matches!(
            w,
            b"USD"
                | b"EUR"
                | b"GBP"
                | b"Rs"
                | b"Rs."
                | b"INR"
                | b"JPY"
                | b"CHF"
                | b"CNY"
                | b"Sh"
                | b"KSh"
                | b"N"
        ) && (ls == 0 || !is_alnum(b[ls - 1]))
        {
            s = Some(ls);
        }
    }
    s
}

/// Money scale suffix glued to a number: "5bn", "2.7m", "300k".
fn money_suffix(w: &[u8]) -> Option<f64> {
    let mut buf = [0u8; 16];
    let w = lower(w, &mut buf)?;
    Some(match w {
        b"k" => 1e3,
        b"m" | b"mn" | b"mln" | b"mil" => 1e6,
        b"b" | b"bn" | b"bln" => 1e9,
        b"tn" | b"trn" => 1e12,
        _ => return None,
    })
}

/// A digit-anchored expression at `i`, not yet qualified or classified.
fn parse_digit_expr(b: &[u8], i: usize, money_start: Option<usize>, allow_space: bool) -> Expr {
    let d = parse_digits(b, i, allow_space);
    let start = money_start.unwrap_or(i);
    let mut x = Expr::new(start, d.end, d.value, Form::Num);
    x.digits = true;
    x.int_digits = d.int_digits;
    x.has_sep = d.has_sep;
    x.lead_zero = d.lead_zero;
    x.money = money_start.is_some();
    x.plain_int = !d.has_sep && d.frac_digits == 0;
    let int_val = d.value;
    let p = d.end;
    let c = at(b, p);
    if is_alpha(c) {
        let ae = alpha_end(b, p);
        let suf = &b[p..ae];
        let mut buf = [0u8; 16];
        let l = lower(suf, &mut buf).unwrap_or(b"?");
        let glued_more = is_digit(at(b, ae));
        if !glued_more {
            if let Some(m) = money_suffix(l) {
                let money_next =
                    x.money || next_word(b, ae).is_some_and(|w| is_currency_word(w.bytes(b)));
                let people_next = next_word(b, ae).is_some_and(|w| is_people_noun(w.bytes(b)));
                if money_next || (people_next && matches!(l, b"m" | b"bn" | b"mn")) {
                    x.value = tidy(x.value * m);
                    x.scale = m;
                    x.end = ae;
                    x.plain_int = false;
                    x.money = money_next;
                    return x;
                }
                if matches!(l, b"bn" | b"tn") {
                    x.value = tidy(x.value * m);
                    x.end = ae;
                    x.form = Form::Direct(NumKind::Other);
                    return x;
                }
            }
            let kind = match l {
                b"st" | b"nd" | b"rd" | b"th" if d.frac_digits == 0 => Some(NumKind::Ordinal),
                b"s" if d.frac_digits == 0
                    && !d.has_sep
                    && (int_val as u64).rem_euclid(10) == 0 =>
                {
                    // decades: "1990s", "the 90s", "in their 20s"
                    let age = prev_word_nodot(b, i).is_some_and(|w| {
                        w.is(b, b"their")
                            || w.is(b, b"his")
                            || w.is(b, b"her")
                            || w.is(b, b"mid")
                            || w.is(b, b"early")
                            || w.is(b, b"late")
                    }) && d.int_digits == 2;
                    Some(if age { NumKind::Age } else { NumKind::Year })
                }
                b"am" | b"pm" | b"gmt" | b"bst" | b"utc" | b"hrs" => Some(NumKind::Time),
                b"h" | b"hr" | b"min" | b"mins" | b"sec" | b"secs" | b"yr" | b"yrs" | b"ms" => {
                    Some(NumKind::Duration)
                }
                b"p" if !x.money => Some(NumKind::Money),
                _ if is_measure_unit(l) => Some(NumKind::Measure),
                _ => None,
            };
            if let Some(k) = kind {
                x.end = ae;
                x.form = Form::Direct(k);
                return x;
            }
        }
        // "3D", "4G", "4x4": identifiers
        x.end = alnum_end(b, p);
        x.form = Form::Direct(NumKind::Identifier);
        return x;
    }
    match c {
        b'%' => {
            x.percent = true;
            x.end = p + 1;
            return x;
        }
        b':' if is_digit(at(b, p + 1))
            && is_digit(at(b, p + 2))
            && !is_digit(at(b, p + 3))
            && d.int_digits <= 2
            && x.plain_int =>
        {
            let mut e = p + 3;
            if at(b, e) == b':' && is_digit(at(b, e + 1)) && is_digit(at(b, e + 2)) {
                e += 3;
            }
            x.end = time_suffix_end(b, e);
            x.form = Form::Direct(NumKind::Time);
            return x;
        }
        b'/' if is_digit(at(b, p + 1)) && x.plain_int => {
            let e2 = digit_end(b, p + 1);
            let mut e = e2;
            let mut kind = NumKind::Other;
            if at(b, e2) == b'/' && is_digit(at(b, e2 + 1)) {
                e = digit_end(b, e2 + 1);
                kind = NumKind::Date;
            }
            x.end = e;
            x.form = Form::Direct(kind);
            return x;
        }
        b'\''
            if at(b, p + 1) == b's'
                && !is_alpha(at(b, p + 2))
                && x.plain_int
                && (int_val as u64).rem_euclid(10) == 0
                && d.int_digits == 4 =>
        {
            x.end = p + 2;
            x.form = Form::Direct(NumKind::Year);
            return x;
        }
        _ => {}
    }
    // "10.30am"
    if d.frac_digits == 2 && !d.has_sep && d.int_digits <= 2 {
        let e = time_suffix_end(b, p);
        if e > p {
            x.end = e;
            x.form = Form::Direct(NumKind::Time);
            return x;
        }
    }
    // scale words: "2.7 million", "12 thousand", "27-hundred"
    let small = x.plain_int && d.value < 100.0;
    let mut acc = Acc {
        total: 0.0,
        current: d.value,
        last: Last::Digit(small),
        last_scale: f64::INFINITY,
        end: p,
        scale: 1.0,
        and_used: false,
        no_and: true,
    };
    if let Tail::Num = continue_num(b, &mut acc) {
        if acc.end > p {
            x.value = tidy(acc.total + acc.current);
            x.end = acc.end;
            x.scale = acc.scale;
            x.plain_int = false;
        }
    }
    if x.money || !x.percent {
        // "£5 bn", "$3 m"
        if x.money && x.scale == 1.0 && space_len(b, x.end) == 1 {
            let ae = alpha_end(b, x.end + 1);
            if let Some(m) = money_suffix(&b[x.end + 1..ae]) {
                if !is_alnum(at(b, ae)) && ae - x.end > 2 {
                    x.value = tidy(x.value * m);
                    x.scale = m;
                    x.end = ae;
                }
            }
        }
    }
    x
}

/// End of an "am"/"pm"/"a.m."/"p.m." suffix after a time (with or without a space), or `p`.
fn time_suffix_end(b: &[u8], p: usize) -> usize {
    let mut j = p;
    if at(b, j) == b' ' {
        j += 1;
    }
    let c = at(b, j) | 0x20;
    if (c == b'a' || c == b'p') && is_alpha(at(b, j)) {
        if (at(b, j + 1) | 0x20) == b'm' && !is_alpha(at(b, j + 2)) {
            return j + 2;
        }
        if at(b, j + 1) == b'.' && (at(b, j + 2) | 0x20) == b'm' && at(b, j + 3) == b'.' {
            return j + 4;
        }
    }
    p
}

/// A word-anchored expression starting with the word `[s, e)`.
fn parse_word_expr(b: &[u8], s: usize, e: usize, no_and: bool) -> Option<Expr> {
    let mut buf = [0u8; 16];
    let w = lower(&b[s..e], &mut buf)?;
    let k = word_kind(w)?;
    let mut acc = Acc {
        total: 0.0,
        current: 0.0,
        last: Last::Unit,
        last_scale: f64::INFINITY,
        end: e,
        scale: 1.0,
        and_used: false,
        no_and,
    };
    match k {
        W::Unit(_) | W::Teen(_) | W::Tens(_) => {
            let v = match k {
                W::Unit(v) | W::Teen(v) | W::Tens(v) => v as f64,
                _ => 0.0,
            };
            acc.current = v;
            acc.last = match k {
                W::Unit(_) => Last::Unit,
                W::Teen(_) => Last::Teen,
                _ => Last::Tens,
            };
            Some(finish_acc(b, s, acc, w == b"one"))
        }
        W::A => {
            let t = next_tok(b, e)?;
            match tok_kind(b, &t)? {
                W::Dozen => {
                    acc.current = 12.0;
                    acc.last = Last::Dozen;
                }
                W::Hundred => {
                    acc.current = 100.0;
                    acc.last = Last::Hundred;
                    acc.scale = 100.0;
                }
                W::Scale(sc) => {
                    acc.total = sc;
                    acc.last = Last::Scale;
                    acc.last_scale = sc;
                    acc.scale = sc;
                }
                W::Frac(d, false, ord) => {
                    let v = (1000.0 / d as f64).round() / 10.0;
                    let mut x = Expr::new(
                        s,
                        t.e,
                        v,
                        Form::Frac {
                            strong: false,
                            ord: if ord { Some((d, t.s)) } else { None },
                        },
                    );
                    x.percent = true;
                    return Some(x);
                }
                W::Few => {
                    // "a few hundred", "a few thousand"
                    return vague_after(b, s, t.e);
                }
                _ => return None,
            }
            acc.end = t.e;
            Some(finish_acc(b, s, acc, false))
        }
        W::Half => {
            // "half a million", "half-a-million", "half a dozen"
            if let Some(t) = next_tok(b, e) {
                if tok_is(b, &t, b"a") {
                    if let Some(t2) = next_tok(b, t.e) {
                        let m = match tok_kind(b, &t2) {
                            Some(W::Scale(sc)) => Some(sc),
                            Some(W::Dozen) => Some(12.0),
                            Some(W::Hundred) => Some(100.0),
                            _ => None,
                        };
                        if let Some(m) = m {
                            let mut x = Expr::new(s, t2.e, m * 0.5, Form::Num);
                            x.scale = m;
                            return Some(x);
                        }
                    }
                    return None;
                }
            }
            let mut x = Expr::new(
                s,
                e,
                50.0,
                Form::Frac {
                    strong: false,
                    ord: None,
                },
            );
            x.percent = true;
            Some(x)
        }
        W::Several => vague_after(b, s, e),
        W::VaguePl(sc) => {
            // "hundreds of thousands", "thousands of millions"?
            if sc == 100.0 || sc == 12.0 {
                if let Some(end) = of_plural(b, e) {
                    return Some(Expr::new(s, end.0, 2.0 * sc * end.1, Form::Vague));
                }
            }
            if sc == 20.0 {
                // "scores of" only
                let nw = next_word(b, e)?;
                if !nw.is(b, b"of") {
                    return None;
                }
            }
            Some(Expr::new(s, e, 2.0 * sc, Form::Vague))
        }
        W::TensPl => {
            let (end, sc) = of_plural(b, e)?;
            Some(Expr::new(s, end, 20.0 * sc, Form::Vague))
        }
        W::Ord(n) => Some(Expr::new(s, e, n as f64, Form::Direct(NumKind::Ordinal))),
        W::Frac(d, false, true) => Some(Expr::new(s, e, d as f64, Form::Direct(NumKind::Ordinal))),
        _ => None,
    }
}

/// " of thousands|millions|billions" after "tens"/"hundreds": (end, scale).
fn of_plural(b: &[u8], e: usize) -> Option<(usize, f64)> {
    let t = next_tok(b, e)?;
    if t.hyphen || !tok_is(b, &t, b"of") {
        return None;
    }
    let t2 = next_tok(b, t.e)?;
    if t2.hyphen {
        return None;
    }
    match tok_kind(b, &t2)? {
        W::VaguePl(sc) if sc >= 1e3 => Some((t2.e, sc)),
        _ => None,
    }
}

/// "several hundred", "a few thousand", "several dozen", "several hundred thousand",
/// "several tens of thousands": the vague word starts at `s`, the scale follows `e`.
fn vague_after(b: &[u8], s: usize, e: usize) -> Option<Expr> {
    let t = next_tok(b, e)?;
    if t.hyphen {
        return None;
    }
    let (mut end, mut sc) = match tok_kind(b, &t)? {
        W::Hundred => (t.e, 100.0),
        W::Scale(x) => (t.e, x),
        W::Dozen => (t.e, 12.0),
        W::TensPl => {
            let (end, x) = of_plural(b, t.e)?;
            return Some(Expr::new(s, end, 20.0 * x, Form::Vague));
        }
        _ => return None,
    };
    if sc == 100.0 {
        if let Some(t2) = next_tok(b, end) {
            if !t2.hyphen {
                if let Some(W::Scale(x)) = tok_kind(b, &t2) {
                    end = t2.e;
                    sc *= x;
                }
            }
        }
    }
    Some(Expr::new(s, end, 2.0 * sc, Form::Vague))
}

fn finish_acc(b: &[u8], s: usize, mut acc: Acc, is_one: bool) -> Expr {
    let e0 = acc.end;
    match continue_num(b, &mut acc) {
        Tail::Num => {
            let v = tidy(acc.total + acc.current);
            let form = if is_one && acc.end == e0 && v == 1.0 {
                Form::One
            } else {
                Form::Num
            };
            let mut x = Expr::new(s, acc.end, v, form);
            x.scale = acc.scale;
            x
        }
        Tail::Frac { value, strong } => {
            let mut x = Expr::new(s, acc.end, value, Form::Frac { strong, ord: None });
            x.percent = true;
            x
        }
        Tail::Ord(n) => Expr::new(s, acc.end, n as f64, Form::Direct(NumKind::Ordinal)),
    }
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

fn push(out: &mut Vec<NumberMention>, first: usize, mut m: NumberMention) {
    if let Some(last) = out[first..].last() {
        let le = last.end.max(last.qual_end);
        if m.start < le {
            return;
        }
        if m.qual_start < le {
            m.qual_start = m.start;
        }
    }
    out.push(m);
}

fn direct(x: &Expr, kind: NumKind, qs: usize, q: Qualifier) -> NumberMention {
    NumberMention {
        start: x.start,
        end: x.end,
        qual_start: qs,
        qual_end: x.end,
        value: x.value,
        value_hi: None,
        qualifier: q,
        unit: if kind == NumKind::Percent {
            NumUnit::Percent
        } else {
            NumUnit::Count
        },
        kind,
        followed_by_hyphen_noun: false,
    }
}

/// A number starting with an ASCII digit at `i`. Returns where scanning resumes.
fn scan_digit(b: &[u8], i: usize, out: &mut Vec<NumberMention>, first: usize) -> usize {
    let prev = if i > 0 { b[i - 1] } else { b' ' };
    // letters glued before: "G7", "MH17", "A380"; or "F-16", "COVID-19", "Su-25"
    let glued_letter = is_alpha(prev);
    let hyph_word = prev == b'-' && i >= 2 && is_alpha(b[i - 2]);
    let mut mid_prefix = false;
    if hyph_word {
        let ws = alpha_start(b, i - 1);
        let w = Wd {
            s: ws,
            e: i - 1,
            dot: false,
        };
        mid_prefix = w.is(b, b"mid")
            || w.is(b, b"pre")
            || w.is(b, b"post")
            || w.is(b, b"early")
            || w.is(b, b"late");
    }
    if glued_letter
        || (hyph_word && !mid_prefix)
        || prev == b'#'
        || (prev == b'.' && i >= 2 && is_digit(b[i - 2]))
    {
        let s = if glued_letter {
            alpha_start(b, i)
        } else if hyph_word {
            alpha_start(b, i - 1)
        } else {
            i
        };
        let mut e = alnum_end(b, i);
        // "B-52s", "Kh-101M", "7-Eleven" style tails and "1.2.3"
        while (at(b, e) == b'-' || at(b, e) == b'.') && is_digit(at(b, e + 1)) {
            e = alnum_end(b, e + 1);
        }
        let d = parse_digits(b, i, false);
        let x = Expr::new(s, e, d.value, Form::Direct(NumKind::Identifier));
        push(
            out,
            first,
            direct(&x, NumKind::Identifier, s, Qualifier::Exact),
        );
        return e;
    }
    let money_start = currency_before(b, i);
    // no space-grouping after a month name or a capitalised word ("May 15 300")
    let allow_space = prev_word(b, i).is_none_or(|w| !w.capitalized(b));
    let x = parse_digit_expr(b, i, money_start, allow_space);
    finish(b, x, out, first)
}

/// A word that may start a number at `[s, e)`. Returns where scanning resumes, or None when
/// the word is not a number.
fn scan_word(
    b: &[u8],
    s: usize,
    e: usize,
    out: &mut Vec<NumberMention>,
    first: usize,
) -> Option<usize> {
    let no_and = prev_word_nodot(b, s).is_some_and(|w| w.is(b, b"between"));
    let x = parse_word_expr(b, s, e, no_and)?;
    Some(finish(b, x, out, first))
}

/// Percent words after a number: "%", " %", " percent", " per cent", " pct",
/// " percentage points". Returns the new end.
fn percent_after(b: &[u8], p: usize) -> Option<usize> {
    if at(b, p) == b'%' {
        return Some(p + 1);
    }
    if at(b, p) == b' ' && at(b, p + 1) == b'%' {
        return Some(p + 2);
    }
    let w = next_word(b, p)?;
    if w.s == p {
        return None;
    }
    if w.is(b, b"percent") || w.is(b, b"pct") || w.is(b, b"percentage") {
        if w.is(b, b"percentage") {
            let w2 = next_word(b, w.e)?;
            if w2.is(b, b"points") || w2.is(b, b"point") {
                return Some(w2.e);
            }
            return None;
        }
        return Some(w.e);
    }
    if w.is(b, b"per") {
        let w2 = next_word(b, w.e)?;
        if w2.is(b, b"cent") {
            return Some(w2.e);
        }
    }
    None
}

/// A pre-qualifier ending right before `pos`: (qualifier, start of its words).
fn qualifier_before(b: &[u8], pos: usize) -> Option<(Qualifier, usize)> {
    let w1 = prev_word_nodot(b, pos)?;
    let mut buf = [0u8; 16];
    let l1 = lower(w1.bytes(b), &mut buf)?;
    let prev = |w: &Wd| prev_word_nodot(b, w.s);
    let (q, qs) = match l1 {
        b"about" | b"around" | b"some" | b"roughly" | b"approximately" | b"nearly" | b"almost"
        | b"approaching" | b"approx" | b"circa" | b"estimated" => {
            if l1 == b"estimated" {
                // "an estimated 4,700" is exact (CLAIMS-GUIDE)
                return None;
            }
            (Qualifier::Approx, w1.s)
        }
        b"over" | b"exceeded" | b"exceeds" | b"exceeding" | b"exceed" | b"surpassed"
        | b"surpasses" | b"surpassing" | b"surpass" | b"topped" | b"tops" | b"topping"
        | b"above" => (Qualifier::MoreThan, w1.s),
        b"under" | b"below" => (Qualifier::LessThan, w1.s),
        b"than" => {
            let w2 = prev(&w1)?;
            let mut buf2 = [0u8; 16];
            let l2 = lower(w2.bytes(b), &mut buf2)?;
            let base = match l2 {
                b"more" | b"greater" => Qualifier::MoreThan,
                b"less" | b"fewer" => Qualifier::LessThan,
                _ => return None,
            };
            if let Some(w3) = prev(&w2) {
                if w3.is(b, b"no") || w3.is(b, b"not") {
                    let q = if base == Qualifier::MoreThan {
                        Qualifier::AtMost
                    } else {
                        Qualifier::AtLeast
                    };
                    return Some((q, w3.s));
                }
            }
            (base, w2.s)
        }
        b"least" => {
            let w2 = prev(&w1)?;
            if !w2.is(b, b"at") {
                return None;
            }
            (Qualifier::AtLeast, w2.s)
        }
        b"most" => {
            let w2 = prev(&w1)?;
            if !w2.is(b, b"at") {
                return None;
            }
            (Qualifier::AtMost, w2.s)
        }
        b"to" => {
            let w2 = prev(&w1)?;
            if w2.is(b, b"up") {
                (Qualifier::AtMost, w2.s)
            } else if w2.is(b, b"close") {
                (Qualifier::Approx, w2.s)
            } else {
                return None;
            }
        }
        b"of" => {
            let w2 = prev(&w1)?;
            if w2.is(b, b"upwards") {
                (Qualifier::MoreThan, w2.s)
            } else if w2.is(b, b"excess") {
                let w3 = prev(&w2)?;
                if !w3.is(b, b"in") {
                    return None;
                }
                (Qualifier::MoreThan, w3.s)
            } else if w2.is(b, b"maximum") || w2.is(b, b"minimum") {
                let w3 = prev(&w2)?;
                if !w3.is(b, b"a") {
                    return None;
                }
                let q = if w2.is(b, b"maximum") {
                    Qualifier::AtMost
                } else {
                    Qualifier::AtLeast
                };
                (q, w3.s)
            } else {
                return None;
            }
        }
        b"as" => {
            let w2 = prev(&w1)?;
            if !(w2.is(b, b"many") || w2.is(b, b"much")) {
                return None;
            }
            let w3 = prev(&w2)?;
            if !w3.is(b, b"as") {
                return None;
            }
            (Qualifier::AtMost, w3.s)
        }
        _ => return None,
    };
    // "just over", "well above", "far more than", "slightly fewer than"
    let mut qs = qs;
    if let Some(m) = prev_word_nodot(b, qs) {
        if m.is(b, b"just")
            || m.is(b, b"well")
            || m.is(b, b"slightly")
            || m.is(b, b"far")
            || m.is(b, b"much")
        {
            qs = m.s;
        }
    }
    Some((q, qs))
}

/// A post-qualifier after `end`: "or so", "or more", "or fewer", "-odd", "-plus", "+".
fn qualifier_after(b: &[u8], end: usize) -> Option<(Qualifier, usize)> {
    match at(b, end) {
        b'+' if !is_alnum(at(b, end + 1)) => return Some((Qualifier::MoreThan, end + 1)),
        b'-' => {
            let ae = alpha_end(b, end + 1);
            let w = Wd {
                s: end + 1,
                e: ae,
                dot: false,
            };
            if ae > end + 1 && (w.is(b, b"odd") || w.is(b, b"plus")) && !is_alnum(at(b, ae)) {
                let q = if w.is(b, b"odd") {
                    Qualifier::Approx
                } else {
                    Qualifier::MoreThan
                };
                return Some((q, ae));
            }
            return None;
        }
        _ => {}
    }
    let w = next_word(b, end)?;
    if w.s == end || !w.is(b, b"or") {
        return None;
    }
    let w2 = next_word(b, w.e)?;
    let q = if w2.is(b, b"so") {
        Qualifier::Approx
    } else if w2.is(b, b"more") {
        Qualifier::AtLeast
    } else if w2.is(b, b"fewer") || w2.is(b, b"less") {
        Qualifier::AtMost
    } else {
        return None;
    };
    Some((q, w2.e))
}

/// The second number of a range starting at `p` (digits or number words).
fn parse_second(b: &[u8], p: usize, money: bool) -> Option<Expr> {
    let c = at(b, p);
    let mut x = if is_digit(c) {
        parse_digit_expr(b, p, None, false)
    } else if (c == b'$' || c == 0xC2 || c == 0xE2) && money {
        // "$5 to $10 million"
        let mut q = p;
        while q < b.len() && !is_digit(b[q]) && q < p + 4 {
            q += 1;
        }
        if !is_digit(at(b, q)) || currency_before(b, q) != Some(p) {
            return None;
        }
        parse_digit_expr(b, q, Some(p), false)
    } else if is_alpha(c) {
        let e = alpha_end(b, p);
        parse_word_expr(b, p, e, true)?
    } else {
        return None;
    };
    if !x.percent {
        if let Some(pe) = percent_after(b, x.end) {
            x.percent = true;
            x.end = pe;
        }
    }
    match x.form {
        Form::Num | Form::One => Some(x),
        Form::Direct(NumKind::Measure | NumKind::Duration | NumKind::Money) => Some(x),
        _ => None,
    }
}

/// A range's ends: increasing and within a factor of 20 ("17,000 to 4.483 million" is a change).
fn plausible_range(lo: f64, hi: f64) -> bool {
    hi > lo && hi <= 20.0 * lo.max(1.0)
}

/// A verb of change before "X to Y" makes it a change, not a range ("rose 5 to 10").
fn change_word(w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"by"
            | b"rose"
            | b"risen"
            | b"rise"
            | b"rises"
            | b"rising"
            | b"fell"
            | b"fallen"
            | b"fall"
            | b"falls"
            | b"falling"
            | b"increased"
            | b"decreased"
            | b"dropped"
            | b"climbed"
            | b"jumped"
            | b"surged"
            | b"soared"
            | b"grew"
            | b"declined"
            | b"raised"
            | b"lowered"
            | b"revised"
            | b"up"
            | b"down"
            | b"slipped"
            | b"slid"
            | b"dipped"
            | b"plunged"
            | b"tumbled"
            | b"gained"
            | b"lost"
            | b"shed"
            | b"added"
    )
}

/// Share the scale of the high end with a bare low end: "30-35 thousand", "two to three million".
fn share_scale(lo: &mut Expr, hi: &Expr) {
    if lo.scale == 1.0 && hi.scale > 1.0 && lo.value * hi.scale <= hi.value {
        lo.value = tidy(lo.value * hi.scale);
    }
}

struct Range {
    hi: Expr,
    qs: Option<usize>,
}

/// Range forms after a first number: "100-150", "11,000 to 12,000", "between X and Y",
/// "two or three". Also returns non-range compounds (years, ISO dates, scores, phone numbers)
/// as a finished mention through `Err`.
fn detect_range(b: &[u8], x: &mut Expr) -> Result<Option<Range>, NumberMention> {
    let p = x.end;
    let dash = if at(b, p) == b'-' {
        1
    } else if en_dash_at(b, p) {
        3
    } else {
        0
    };
    if dash > 0 && !x.percent && x.form == Form::Num {
        let p2 = p + dash;
        if x.digits && is_digit(at(b, p2)) {
            let d2 = parse_digits(b, p2, false);
            let e2 = d2.end;
            let lo_plain = x.plain_int && !x.money;
            let hi_plain = !d2.has_sep && d2.frac_digits == 0;
            // ISO date 2025-03-14
            if lo_plain
                && x.int_digits == 4
                && d2.int_digits == 2
                && hi_plain
                && at(b, e2) == b'-'
                && is_digit(at(b, e2 + 1))
            {
                let d3 = parse_digits(b, e2 + 1, false);
                if d3.int_digits == 2 {
                    let mut m = direct(x, NumKind::Date, x.start, Qualifier::Exact);
                    m.end = d3.end;
                    m.qual_end = d3.end;
                    return Err(m);
                }
            }
            // chains of three or more groups, leading zeros: phone numbers, codes
            if lo_plain
                && hi_plain
                && ((at(b, e2) == b'-' && is_digit(at(b, e2 + 1))) || x.lead_zero || d2.lead_zero)
            {
                let mut e = e2;
                while (at(b, e) == b'-' || at(b, e) == b'.') && is_digit(at(b, e + 1)) {
                    e = digit_end(b, e + 1);
                }
                let mut m = direct(x, NumKind::Identifier, x.start, Qualifier::Exact);
                m.end = e;
                m.qual_end = e;
                return Err(m);
            }
            // years: 2014-15, 1939-1945
            let v1 = x.value;
            if lo_plain
                && hi_plain
                && x.int_digits == 4
                && (1800.0..=2100.0).contains(&v1)
                && !is_alnum(at(b, e2))
            {
                let hi = if d2.int_digits == 2 {
                    Some((v1 / 100.0).floor() * 100.0 + d2.value)
                } else if d2.int_digits == 4 {
                    Some(d2.value)
                } else {
                    None
                };
                if let Some(h) = hi {
                    if h > v1 && h <= v1 + 100.0 {
                        let mut m = direct(x, NumKind::Year, x.start, Qualifier::Exact);
                        m.end = e2;
                        m.qual_end = e2;
                        m.value_hi = Some(h);
                        return Err(m);
                    }
                }
            }
            // scores: "a 3-1 win", "won 2-0", "6-4"
            if lo_plain
                && hi_plain
                && x.int_digits <= 2
                && d2.int_digits <= 2
                && !is_alnum(at(b, e2))
                && at(b, e2) != b'%'
            {
                let sport = prev_word_nodot(b, x.start).is_some_and(|w| is_sport_word(w.bytes(b)))
                    || next_word(b, e2).is_some_and(|w| w.s > e2 && is_sport_word(w.bytes(b)))
                    || prev_word_nodot(b, x.start).is_some_and(|w| w.is(b, b"a"))
                        && next_word(b, e2).is_some_and(|w| w.s > e2 && is_sport_word(w.bytes(b)));
                let followed_by_scale = next_tok(b, e2)
                    .is_some_and(|t| matches!(tok_kind(b, &t), Some(W::Scale(_) | W::Hundred)));
                if (sport || d2.value <= v1) && !followed_by_scale {
                    let mut m = direct(x, NumKind::Score, x.start, Qualifier::Exact);
                    m.end = e2;
                    m.qual_end = e2;
                    m.value_hi = Some(d2.value);
                    return Err(m);
                }
            }
            if let Some(mut hi) = parse_second(b, p2, x.money) {
                hi.money |= x.money;
                share_scale(x, &hi);
                if plausible_range(x.value, hi.value) {
                    return Ok(Some(Range { hi, qs: None }));
                }
            }
        }
        return Ok(None);
    }
    if !matches!(x.form, Form::Num | Form::One) {
        return Ok(None);
    }
    // word-joined ranges
    let Some(w) = next_word(b, p) else {
        return Ok(None);
    };
    if w.s == p {
        return Ok(None);
    }
    let between = prev_word_nodot(b, x.start).filter(|pw| pw.is(b, b"between"));
    let is_to = w.is(b, b"to");
    let is_and = w.is(b, b"and") && between.is_some();
    let is_or = w.is(b, b"or");
    if !(is_to || is_and || is_or) {
        return Ok(None);
    }
    if is_to {
        // "from 88 ... to 388" is two figures, unless it is a spread ("ranging from 5 to 10");
        // so is "rose 5 to 10"
        if prev_word_nodot(b, x.start).is_some_and(|pw| change_word(pw.bytes(b))) {
            return Ok(None);
        }
        if let Some(pw) = prev_word_nodot(b, x.start) {
            if pw.is(b, b"from") {
                let spread = prev_word_nodot(b, pw.s).is_some_and(|ppw| {
                    let l = ppw.bytes(b);
                    l.eq_ignore_ascii_case(b"ranging")
                        || l.eq_ignore_ascii_case(b"range")
                        || l.eq_ignore_ascii_case(b"ranges")
                        || l.eq_ignore_ascii_case(b"anywhere")
                        || l.eq_ignore_ascii_case(b"varying")
                });
                if !spread {
                    return Ok(None);
                }
            }
        }
    }
    let mut p2 = w.e;
    let k = space_len(b, p2);
    if k == 0 {
        return Ok(None);
    }
    p2 += k;
    let Some(mut hi) = parse_second(b, p2, x.money) else {
        return Ok(None);
    };
    if x.percent && !hi.percent {
        return Ok(None);
    }
    hi.money |= x.money;
    share_scale(x, &hi);
    if !plausible_range(x.value, hi.value) {
        return Ok(None);
    }
    if is_or && hi.value > 2.0 * x.value + 1.0 {
        return Ok(None);
    }
    Ok(Some(Range {
        hi,
        qs: if is_and { between.map(|w| w.s) } else { None },
    }))
}

/// Qualify, classify and emit an expression. Returns where scanning resumes.
fn finish(b: &[u8], mut x: Expr, out: &mut Vec<NumberMention>, first: usize) -> usize {
    // "a quarter of a million", "half of a billion": a count
    if let Form::Frac { .. } = x.form {
        if let Some(w) = next_word(b, x.end).filter(|w| w.s > x.end && w.is(b, b"of")) {
            if let Some(a) = next_word(b, w.e).filter(|a| a.is(b, b"a")) {
                if let Some(t) = next_tok(b, a.e).filter(|t| !t.hyphen) {
                    if let Some(W::Scale(sc)) = tok_kind(b, &t) {
                        x.value = tidy(x.value / 100.0 * sc);
                        x.form = Form::Num;
                        x.percent = false;
                        x.scale = sc;
                        x.end = t.e;
                    }
                }
            }
        }
    }
    // percent words
    if matches!(x.form, Form::Num) && !x.percent && !x.money {
        if let Some(pe) = percent_after(b, x.end) {
            x.percent = true;
            x.end = pe;
        }
    }
    match x.form {
        Form::Direct(kind) => {
            let (q, qs) = match kind {
                NumKind::Identifier | NumKind::Ordinal | NumKind::Year | NumKind::Date => {
                    (Qualifier::Exact, x.start)
                }
                _ => qualifier_before(b, x.start).unwrap_or((Qualifier::Exact, x.start)),
            };
            // ranges of measures: "10-15km" come through the first number; here just emit
            let mut m = direct(&x, kind, qs, q);
            if kind == NumKind::Ordinal || kind == NumKind::Year {
                m.followed_by_hyphen_noun = at(b, x.end) == b'-' && is_alpha(at(b, x.end + 1));
            }
            push(out, first, m);
            return x.end;
        }
        Form::Frac { strong, ord } => {
            let pre = qualifier_before(b, x.start);
            let nw = next_word(b, x.end).filter(|w| w.s > x.end);
            let of_next = nw.is_some_and(|w| w.is(b, b"of"));
            let verb_next = nw.is_some_and(|w| {
                let l = w.bytes(b);
                [
                    &b"were"[..],
                    b"are",
                    b"was",
                    b"is",
                    b"have",
                    b"had",
                    b"remain",
                    b"remained",
                    b"died",
                    b"say",
                    b"said",
                ]
                .iter()
                .any(|v| l.eq_ignore_ascii_case(v))
            });
            let hyphen_next = at(b, x.end) == b'-';
            // "the second half of the match", "the first quarter of the year"
            let period = prev_word_nodot(b, x.start).is_some_and(|w| {
                let l = w.bytes(b);
                [
                    &b"first"[..],
                    b"second",
                    b"third",
                    b"fourth",
                    b"final",
                    b"last",
                    b"other",
                    b"opening",
                    b"closing",
                    b"latter",
                    b"former",
                    b"next",
                    b"previous",
                    b"opposite",
                    b"top",
                    b"bottom",
                    b"upper",
                    b"lower",
                    b"better",
                    b"northern",
                    b"southern",
                    b"eastern",
                    b"western",
                ]
                .iter()
                .any(|v| l.eq_ignore_ascii_case(v))
            });
            if (of_next || pre.is_some() || strong || verb_next) && !hyphen_next && !period {
                let (q, qs) = pre.unwrap_or((Qualifier::Exact, x.start));
                let m = NumberMention {
                    start: x.start,
                    end: x.end,
                    qual_start: qs,
                    qual_end: x.end,
                    value: x.value,
                    value_hi: None,
                    qualifier: q,
                    unit: NumUnit::Percent,
                    kind: NumKind::Fraction,
                    followed_by_hyphen_noun: false,
                };
                push(out, first, m);
                return x.end;
            }
            if let Some((n, os)) = ord {
                let ox = Expr::new(os, x.end, n as f64, Form::Direct(NumKind::Ordinal));
                let mut m = direct(&ox, NumKind::Ordinal, os, Qualifier::Exact);
                m.followed_by_hyphen_noun = hyphen_next;
                push(out, first, m);
            }
            return x.end;
        }
        _ => {}
    }

    // "one in five", "nine out of 10": a share of a group
    if let Some((v, e)) = ratio_after(b, &x) {
        let (q, qs) = qualifier_before(b, x.start).unwrap_or((Qualifier::Exact, x.start));
        let m = NumberMention {
            start: x.start,
            end: e,
            qual_start: qs,
            qual_end: e,
            value: v,
            value_hi: None,
            qualifier: q,
            unit: NumUnit::Percent,
            kind: NumKind::Fraction,
            followed_by_hyphen_noun: false,
        };
        push(out, first, m);
        return e;
    }

    // ranges and compounds
    let range = match detect_range(b, &mut x) {
        Err(m) => {
            let e = m.end;
            push(out, first, m);
            return e;
        }
        Ok(r) => r,
    };

    let is_one = x.form == Form::One && range.is_none();
    let (mut q, mut qs, mut qe, end, value_hi, tail_kind) = if let Some(r) = &range {
        let qs = r.qs.unwrap_or(x.start);
        // "about 100-150": keep Range but cover the hedge
        let qs = qualifier_before(b, qs).map_or(qs, |(_, s)| s);
        let tk = match r.hi.form {
            Form::Direct(k) => Some(k),
            _ => None,
        };
        if r.hi.percent {
            x.percent = true;
        }
        x.money |= r.hi.money;
        (
            Qualifier::Range,
            qs,
            r.hi.end,
            r.hi.end,
            Some(r.hi.value),
            tk,
        )
    } else {
        let (q, qs) = qualifier_before(b, x.start).unwrap_or((Qualifier::Exact, x.start));
        (q, qs, x.end, x.end, None, None)
    };
    if x.form == Form::Vague {
        q = Qualifier::Vague;
        // "many thousands"
        if qs == x.start {
            if let Some(w) = prev_word_nodot(b, x.start) {
                if w.is(b, b"many") {
                    qs = w.s;
                }
            }
        }
    } else if q == Qualifier::Exact {
        if let Some((pq, pe)) = qualifier_after(b, end) {
            q = pq;
            qe = pe;
        }
    }

    // "one": only in clear numeric use
    if is_one && !keep_one(b, &x, q) {
        return x.end;
    }

    let (kind, hyphen) = match tail_kind {
        Some(k) => (k, false),
        None => classify(b, &x, qs, q, end),
    };
    let unit = if x.percent && !x.money {
        NumUnit::Percent
    } else {
        NumUnit::Count
    };
    let kind = if unit == NumUnit::Percent {
        NumKind::Percent
    } else {
        kind
    };
    let m = NumberMention {
        start: x.start,
        end,
        qual_start: qs,
        qual_end: qe.max(end),
        value: x.value,
        value_hi,
        qualifier: q,
        unit,
        kind,
        followed_by_hyphen_noun: hyphen,
    };
    push(out, first, m);
    m.qual_end
}

/// "one in five", "nine out of 10": the share in percent and the end of the expression.
fn ratio_after(b: &[u8], x: &Expr) -> Option<(f64, usize)> {
    if x.percent
        || x.money
        || !matches!(x.form, Form::Num | Form::One)
        || x.value < 1.0
        || x.value.fract() != 0.0
    {
        return None;
    }
    let w = next_word(b, x.end).filter(|w| w.s > x.end)?;
    let p = if w.is(b, b"in") {
        w.e
    } else if w.is(b, b"out") {
        let o = next_word(b, w.e)?;
        if !o.is(b, b"of") {
            return None;
        }
        o.e
    } else {
        return None;
    };
    let k = space_len(b, p);
    if k == 0 {
        return None;
    }
    let j = p + k;
    let (m, me) = if is_digit(at(b, j)) {
        let e = digit_end(b, j);
        if is_alnum(at(b, e))
            || e - j > 4
            || matches!(at(b, e), b',' | b'.' | b'%' | b'-') && is_digit(at(b, e + 1))
        {
            return None;
        }
        (parse_plain(b, j, e), e)
    } else if is_alpha(at(b, j)) {
        let e = alpha_end(b, j);
        let y = parse_word_expr(b, j, e, true)?;
        if !matches!(y.form, Form::Num | Form::One) {
            return None;
        }
        (y.value, y.end)
    } else {
        return None;
    };
    if m <= x.value || m > 1000.0 || m.fract() != 0.0 || at(b, me) == b'-' {
        return None;
    }
    // "3 in 10 days" is not a share
    if let Some(nw) = next_word(b, me).filter(|n| n.s > me) {
        let nb = nw.bytes(b);
        if is_duration_unit(nb) || is_measure_unit(nb) || is_currency_word(nb) {
            return None;
        }
    }
    Some(((x.value / m * 1000.0).round() / 10.0, me))
}

/// Whether a bare "one" is a number here ("one soldier", "at least one") rather than a pronoun
/// or idiom ("one of", "no one", "one day").
fn keep_one(b: &[u8], x: &Expr, q: Qualifier) -> bool {
    if q != Qualifier::Exact {
        return true;
    }
    if let Some(pw) = prev_word_nodot(b, x.start) {
        let mut buf = [0u8; 16];
        if let Some(l) = lower(pw.bytes(b), &mut buf) {
            if matches!(
                l,
                b"no"
                    | b"number"
                    | b"any"
                    | b"every"
                    | b"each"
                    | b"the"
                    | b"this"
                    | b"that"
                    | b"which"
                    | b"only"
                    | b"as"
                    | b"another"
                    | b"someone"
                    | b"anyone"
                    | b"little"
                    | b"big"
                    | b"last"
                    | b"new"
                    | b"old"
                    | b"right"
                    | b"wrong"
                    | b"such"
                    | b"no-"
                    | b"like"
            ) {
                return false;
            }
        }
    } else if x.start >= 1 && b[x.start - 1] == b'-' {
        return false;
    }
    if at(b, x.end) == b'-' {
        // "one-year", "one-off": classification decides; "one-third" was parsed as a fraction
        return true;
    }
    let Some(nw) = next_word(b, x.end) else {
        return false; // "one." "one," "one's"
    };
    if nw.s == x.end {
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(l) = lower(nw.bytes(b), &mut buf) else {
        return true;
    };
    !matches!(
        l,
        b"of"
            | b"another"
            | b"based"
            | b"up"
            | b"where"
            | b"when"
            | b"between"
            | b"who"
            | b"that"
            | b"which"
            | b"is"
            | b"was"
            | b"has"
            | b"had"
            | b"can"
            | b"could"
            | b"will"
            | b"would"
            | b"should"
            | b"must"
            | b"might"
            | b"may"
            | b"does"
            | b"did"
            | b"day"
            | b"time"
            | b"way"
            | b"thing"
            | b"side"
            | b"hand"
            | b"point"
            | b"too"
            | b"by"
            | b"after"
            | b"in"
            | b"and"
            | b"or"
            | b"to"
            | b"at"
            | b"on"
            | b"for"
            | b"from"
            | b"with"
            | b"as"
            | b"but"
            | b"i"
            | b"if"
            | b"knows"
            | b"thinks"
            | b"says"
            | b"said"
            | b"wants"
            | b"needs"
            | b"gets"
            | b"sees"
            | b"hopes"
            | b"here"
            | b"there"
            | b"else"
            | b"piece"
            | b"another's"
            | b"way's"
            | b"another,"
    )
}

/// The kind a hyphenated word starting at `hs` gives the number before it.
fn hyphen_noun_kind(b: &[u8], hs: usize) -> NumKind {
    let he = alpha_end(b, hs);
    let hw = &b[hs..he];
    if is_duration_unit(hw) {
        let old = at(b, he) == b'-'
            && (Wd {
                s: he + 1,
                e: alpha_end(b, he + 1),
                dot: false,
            })
            .is(b, b"old");
        if old {
            NumKind::Age
        } else {
            NumKind::Duration
        }
    } else if is_measure_unit(hw) {
        NumKind::Measure
    } else if is_currency_word(hw) {
        NumKind::Money
    } else if is_people_hyphen_noun(hw) {
        NumKind::Count
    } else if hw.eq_ignore_ascii_case(b"percent") {
        NumKind::Percent
    } else {
        NumKind::Other
    }
}

/// The kind of an ordinary cardinal from its neighbours.
fn classify(b: &[u8], x: &Expr, qs: usize, q: Qualifier, end: usize) -> (NumKind, bool) {
    if x.money {
        return (
            NumKind::Money,
            at(b, end) == b'-' && is_alpha(at(b, end + 1)),
        );
    }
    let int_ok = x.plain_int && x.value >= 1.0 && x.value <= 31.0 && x.value.fract() == 0.0;
    // glued hyphen word: "5,000-man", "30-minute", "25-year-old", "10-km"
    if at(b, end) == b'-' && is_alpha(at(b, end + 1)) {
        return (hyphen_noun_kind(b, end + 1), true);
    }
    // suspended hyphen: "5- and 8-year-old boys"
    if at(b, end) == b'-' && at(b, end + 1) == b' ' {
        if let Some(w) = next_word(b, end + 1) {
            if w.is(b, b"and") || w.is(b, b"or") || w.is(b, b"to") {
                if let Some(j) = (w.e < b.len() && b[w.e] == b' ').then_some(w.e + 1) {
                    let de = if is_digit(at(b, j)) {
                        digit_end(b, j)
                    } else {
                        alpha_end(b, j)
                    };
                    if de > j && at(b, de) == b'-' && is_alpha(at(b, de + 1)) {
                        return (hyphen_noun_kind(b, de + 1), true);
                    }
                }
            }
        }
    }
    // apposition: "Lydia Smith, 29, works"
    if x.plain_int
        && q == Qualifier::Exact
        && (1.0..=120.0).contains(&x.value)
        && at(b, end) == b','
        && x.start >= 3
        && b[x.start - 1] == b' '
        && b[x.start - 2] == b','
        && is_alpha(b[x.start - 3])
        && b[alpha_start(b, x.start - 2)].is_ascii_uppercase()
    {
        return (NumKind::Age, false);
    }
    let nw = next_word(b, end).filter(|w| w.s > end);
    if let Some(w) = nw {
        let wb = w.bytes(b);
        if is_currency_word(wb) {
            return (NumKind::Money, false);
        }
        if w.is(b, b"years") || w.is(b, b"year") {
            if next_word(b, w.e).is_some_and(|w2| w2.is(b, b"old")) {
                return (NumKind::Age, false);
            }
            return (NumKind::Duration, false);
        }
        if is_duration_unit(wb) {
            return (NumKind::Duration, false);
        }
        if w.is(b, b"a") || w.is(b, b"p") {
            // "3 a.m.", "5 p.m."
            if at(b, w.e) == b'.' && (at(b, w.e + 1) | 0x20) == b'm' && at(b, w.e + 2) == b'.' {
                return (NumKind::Time, false);
            }
        }
        let clock = w.is(b, b"am")
            || w.is(b, b"pm")
            || w.is(b, b"gmt")
            || w.is(b, b"bst")
            || w.is(b, b"utc")
            || w.is(b, b"hrs")
            || (w.is(b, b"o") && at(b, w.e) == b'\'');
        if clock {
            return (NumKind::Time, false);
        }
        if (w.is(b, b"est") || w.is(b, b"edt") || w.is(b, b"et") || w.is(b, b"cet"))
            && w.capitalized(b)
        {
            return (NumKind::Time, false);
        }
        if is_measure_unit(wb) && !(w.is(b, b"m") && w.capitalized(b)) {
            return (NumKind::Measure, false);
        }
        if int_ok && is_month_word(b, &w) && !x.has_sep {
            return (NumKind::Date, false);
        }
        if w.is(b, b"of") {
            // "millions of dollars", "thousands of years"
            if let Some(w2) = next_word(b, w.e) {
                let w2b = w2.bytes(b);
                if is_currency_word(w2b) {
                    return (NumKind::Money, false);
                }
                if is_duration_unit(w2b) && x.form == Form::Vague {
                    return (NumKind::Duration, false);
                }
                if int_ok && is_month_word(b, &w2) {
                    return (NumKind::Date, false);
                }
            }
        }
    }
    // the word before the number (before its qualifier)
    let pw = prev_word(b, qs);
    if let Some(w) = pw {
        if w.is(b, b"aged") || w.is(b, b"age") || w.is(b, b"ages") {
            return (NumKind::Age, false);
        }
        if w.is(b, b"of") && !w.dot {
            if let Some(w2) = prev_word_nodot(b, w.s) {
                if w2.is(b, b"age") || w2.is(b, b"ages") {
                    return (NumKind::Age, false);
                }
            }
        }
        // "March 6", "Feb. 27" (a full month name with a period ends a sentence)
        if int_ok
            && !x.has_sep
            && is_month_word(b, &w)
            && w.e - w.s >= 3
            && (!w.dot || w.e - w.s <= 4)
        {
            return (NumKind::Date, false);
        }
        // "No. 2", "No 10", "Article 5", "Flight 370" (lowercase "no 10 people" is a count)
        let ident_word = if w.is(b, b"no") {
            w.dot || w.capitalized(b)
        } else {
            !w.dot
                && (x.digits || w.capitalized(b))
                && (w.capitalized(b) || !w.is(b, b"number"))
                && is_ident_prefix(w.bytes(b))
        };
        if ident_word && q == Qualifier::Exact && !x.has_sep {
            return (NumKind::Identifier, false);
        }
        // "S&P 500"
        if w.s >= 2 && b[w.s - 1] == b'&' && is_alpha(b[w.s - 2]) && q == Qualifier::Exact {
            return (NumKind::Identifier, false);
        }
        // "Boeing 747", "Formula One", "Windows 95": a capitalised word glued to the number,
        // not at a sentence start and not before a (plural) noun
        if q == Qualifier::Exact
            && !w.dot
            && w.capitalized(b)
            && !x.has_sep
            && x.int_digits <= 4
            && !is_plain_capital(w.bytes(b))
            && !sentence_initial(b, &w)
            && w.e + 1 == qs
        {
            let noun_after = nw.is_some_and(|n| {
                !n.capitalized(b)
                    || (n.e - n.s > 2 && b[n.e - 1] == b's')
                    || is_people_noun(n.bytes(b))
            });
            if !noun_after {
                return (NumKind::Identifier, false);
            }
        }
    }
    // years
    if x.plain_int && x.int_digits == 4 {
        let v = x.value;
        let people_next = nw.is_some_and(|n| {
            is_people_noun(n.bytes(b))
                || (n.capitalized(b)
                    && n.e - n.s > 3
                    && b[n.e - 1] == b's'
                    && !is_month_word(b, &n))
        });
        let prep = pw.is_some_and(|w| !w.dot && is_year_prep(b, &w));
        if (1800.0..=2100.0).contains(&v) {
            if prep {
                return (NumKind::Year, false);
            }
            if people_next || (q != Qualifier::Exact && q != Qualifier::Range) {
                return (NumKind::Count, false);
            }
            return (NumKind::Year, false);
        }
        if (1000.0..1800.0).contains(&v)
            && prep
            && !people_next
            && pw.is_some_and(|w| !w.is(b, b"by"))
        {
            return (NumKind::Year, false);
        }
    }
    if x.lead_zero && x.plain_int {
        return (NumKind::Identifier, false);
    }
    let _ = x.form; // Num, One and Vague are counts
    (NumKind::Count, false)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    /// A file under the shared data folder (beside the repository, or /work/shared).
    pub(crate) fn read_shared(rel: &str) -> Option<String> {
        let mut roots = vec![format!("{}/../../../shared", env!("CARGO_MANIFEST_DIR"))];
        if let Ok(r) = std::env::var("SOURCED_SHARED") {
            roots.insert(0, r);
        }
        roots.push("/work/shared".to_string());
        roots
            .iter()
            .find_map(|r| std::fs::read_to_string(format!("{r}/{rel}")).ok())
    }

    fn nums(t: &str) -> Vec<NumberMention> {
        find_numbers(t)
    }

    /// (surface of the number, value, value_hi, qualifier, kind)
    fn show(t: &str) -> Vec<(String, f64, Option<f64>, &'static str, &'static str)> {
        nums(t)
            .iter()
            .map(|m| {
                (
                    t[m.start..m.end].to_string(),
                    m.value,
                    m.value_hi,
                    m.qualifier.as_str(),
                    m.kind.as_str(),
                )
            })
            .collect()
    }

    fn one(t: &str) -> NumberMention {
        let v = nums(t);
        assert_eq!(
            v.len(),
            1,
            "expected one mention in {t:?}, got {:?}",
            show(t)
        );
        v[0]
    }

    /// The mention whose surface is `surf`.
    fn find<'a>(t: &str, v: &'a [NumberMention], surf: &str) -> &'a NumberMention {
        v.iter()
            .find(|m| &t[m.start..m.end] == surf)
            .unwrap_or_else(|| panic!("no mention {surf:?} in {t:?}: {:?}", show(t)))
    }

    fn check(t: &str, surf: &str, value: f64, q: Qualifier, kind: NumKind) {
        let v = nums(t);
        let m = find(t, &v, surf);
        assert_eq!(
            (m.value, m.qualifier, m.kind),
            (value, q, kind),
            "{surf:?} in {t:?}"
        );
    }

    fn count(t: &str, surf: &str, value: f64, q: Qualifier) {
        check(t, surf, value, q, NumKind::Count);
    }

    fn absent_count(t: &str) {
        let v = nums(t);
        assert!(
            v.iter().all(|m| m.kind != NumKind::Count),
            "no count expected in {t:?}: {:?}",
            show(t)
        );
    }

    #[test]
    fn digits_and_separators() {
        count(
            "Officials said 2,700 were hurt.",
            "2,700",
            2700.0,
            Qualifier::Exact,
        );
        count(
            "A total of 1,250,000 people fled.",
            "1,250,000",
            1_250_000.0,
            Qualifier::Exact,
        );
        count(
            "They counted 816\u{a0}000 voters.",
            "816\u{a0}000",
            816_000.0,
            Qualifier::Exact,
        );
        count(
            "They counted 816\u{2009}000 voters.",
            "816\u{2009}000",
            816_000.0,
            Qualifier::Exact,
        );
        count(
            "They counted 816 000 voters.",
            "816 000",
            816_000.0,
            Qualifier::Exact,
        );
        count("Only 350 remained.", "350", 350.0, Qualifier::Exact);
        count("It was 12.5 in all.", "12.5", 12.5, Qualifier::Exact);
        // lists are not one number
        let t = "Rooms 1, 2, 3 were empty.";
        assert!(nums(t).iter().all(|m| m.value < 10.0), "{:?}", show(t));
    }

    #[test]
    fn scales() {
        count(
            "The war uprooted 2.7 million people.",
            "2.7 million",
            2_700_000.0,
            Qualifier::Exact,
        );
        count(
            "Some 1.2 billion people live there.",
            "1.2 billion",
            1_200_000_000.0,
            Qualifier::Approx,
        );
        count(
            "We saw 12 thousand marchers.",
            "12 thousand",
            12_000.0,
            Qualifier::Exact,
        );
        count(
            "It holds 16.5 million pupils.",
            "16.5 million",
            16_500_000.0,
            Qualifier::Exact,
        );
        count(
            "It holds 1.3 million pupils.",
            "1.3 million",
            1_300_000.0,
            Qualifier::Exact,
        );
        count(
            "The army sent 27-hundred men.",
            "27-hundred",
            2700.0,
            Qualifier::Exact,
        );
    }

    #[test]
    fn number_words() {
        count("Police held two legislators.", "two", 2.0, Qualifier::Exact);
        count(
            "Thirty-four thousand fled.",
            "Thirty-four thousand",
            34_000.0,
            Qualifier::Exact,
        );
        count(
            "It lost four-thousand-100 men.",
            "four-thousand-100",
            4100.0,
            Qualifier::Exact,
        );
        count(
            "It lost twenty-seven hundred men.",
            "twenty-seven hundred",
            2700.0,
            Qualifier::Exact,
        );
        count(
            "Two hundred inmates escaped.",
            "Two hundred",
            200.0,
            Qualifier::Exact,
        );
        count(
            "Sixty of the escapees were caught.",
            "Sixty",
            60.0,
            Qualifier::Exact,
        );
        count("A dozen guards quit.", "A dozen", 12.0, Qualifier::Exact);
        count(
            "Two dozen guards quit.",
            "Two dozen",
            24.0,
            Qualifier::Exact,
        );
        count(
            "About half a dozen guards quit.",
            "half a dozen",
            6.0,
            Qualifier::Approx,
        );
        count(
            "A hundred guards quit.",
            "A hundred",
            100.0,
            Qualifier::Exact,
        );
        count(
            "a hundred thousand marched",
            "a hundred thousand",
            100_000.0,
            Qualifier::Exact,
        );
        count(
            "one hundred and fifty villagers",
            "one hundred and fifty",
            150.0,
            Qualifier::Exact,
        );
        count(
            "five hundred thousand voters",
            "five hundred thousand",
            500_000.0,
            Qualifier::Exact,
        );
        count(
            "two million three hundred thousand voters",
            "two million three hundred thousand",
            2_300_000.0,
            Qualifier::Exact,
        );
        count(
            "Seven-point-one million people need help.",
            "Seven-point-one million",
            7_100_000.0,
            Qualifier::Exact,
        );
        count(
            "nearly half-a-million refugees",
            "half-a-million",
            500_000.0,
            Qualifier::Approx,
        );
        count(
            "close to a million people fled",
            "a million",
            1_000_000.0,
            Qualifier::Approx,
        );
        count(
            "more than a million people fled",
            "a million",
            1_000_000.0,
            Qualifier::MoreThan,
        );
        count(
            "one and a half million people",
            "one and a half million",
            1_500_000.0,
            Qualifier::Exact,
        );
        count(
            "fifteen hundred soldiers",
            "fifteen hundred",
            1500.0,
            Qualifier::Exact,
        );
        count("zero casualties", "zero", 0.0, Qualifier::Exact);
        // separate numbers stay separate
        let t = "between three hundred and four hundred guests";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.qualifier),
            (300.0, Some(400.0), Qualifier::Range)
        );
        let t = "five al-Shabab fighters and nine French soldiers";
        assert_eq!(show(t).len(), 2);
    }

    #[test]
    fn the_word_one() {
        count(
            "One soldier who was about to be captured fled.",
            "One",
            1.0,
            Qualifier::Exact,
        );
        count(
            "It killed at least one guard.",
            "one",
            1.0,
            Qualifier::AtLeast,
        );
        absent_count("One of the leaders is dead.");
        absent_count("No one was hurt.");
        absent_count("They blamed one another.");
        absent_count("One day the war will end.");
        absent_count("He was the only one.");
        absent_count("It is the one that got away.");
        count("one or two soldiers", "one or two", 1.0, Qualifier::Range);
    }

    #[test]
    fn ranges() {
        let t = "The force has 11,000 to 12,000 troops.";
        let m = one(t);
        assert_eq!(&t[m.start..m.end], "11,000 to 12,000");
        assert_eq!(
            (m.value, m.value_hi, m.qualifier, m.kind),
            (11000.0, Some(12000.0), Qualifier::Range, NumKind::Count)
        );
        let t = "estimates put them at between 1,500 and 3,000 fighters";
        let m = one(t);
        assert_eq!(&t[m.qual_start..m.end], "between 1,500 and 3,000");
        assert_eq!(
            (m.value, m.value_hi, m.qualifier),
            (1500.0, Some(3000.0), Qualifier::Range)
        );
        let t = "He said 30-35 thousand were sent.";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.qualifier),
            (30000.0, Some(35000.0), Qualifier::Range)
        );
        let t = "Still 150 to 200 people were left.";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.qualifier, m.kind),
            (150.0, Some(200.0), Qualifier::Range, NumKind::Count)
        );
        let t = "some 100-150 men";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.qualifier),
            (100.0, Some(150.0), Qualifier::Range)
        );
        assert_eq!(&t[m.qual_start..m.end], "some 100-150");
        let t = "two to three million people";
        let m = one(t);
        assert_eq!((m.value, m.value_hi), (2e6, Some(3e6)));
        let t = "between 1.5 and 2 million people";
        let m = one(t);
        assert_eq!((m.value, m.value_hi), (1.5e6, Some(2e6)));
        let t = "100\u{2013}150 people";
        assert_eq!(one(t).value_hi, Some(150.0));
        // "from X to Y" is a change, two figures
        let t = "Deaths rose from 88 in 2023 to 388 in 2024.";
        let v = show(t);
        assert_eq!(v.len(), 4, "{v:?}");
        count(t, "88", 88.0, Qualifier::Exact);
        count(t, "388", 388.0, Qualifier::Exact);
        check(t, "2023", 2023.0, Qualifier::Exact, NumKind::Year);
        let t = "Deaths rose from 100 to 150.";
        assert_eq!(nums(t).len(), 2);
        let t = "estimates ranging from 100 to 150 dead";
        assert_eq!(one(t).value_hi, Some(150.0));
        let t = "between 30 and 40 percent of voters";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.unit),
            (30.0, Some(40.0), NumUnit::Percent)
        );
        let t = "10-15% of staff";
        let m = one(t);
        assert_eq!(
            (m.value, m.value_hi, m.unit),
            (10.0, Some(15.0), NumUnit::Percent)
        );
    }

    #[test]
    fn vague() {
        count(
            "Dozens of people were hurt.",
            "Dozens",
            24.0,
            Qualifier::Vague,
        );
        count("hundreds of deaths", "hundreds", 200.0, Qualifier::Vague);
        count(
            "taking hundreds hostage",
            "hundreds",
            200.0,
            Qualifier::Vague,
        );
        count("thousands fled", "thousands", 2000.0, Qualifier::Vague);
        count(
            "Tens of thousands of people fled",
            "Tens of thousands",
            20000.0,
            Qualifier::Vague,
        );
        count(
            "hundreds of thousands of refugees",
            "hundreds of thousands",
            200000.0,
            Qualifier::Vague,
        );
        count(
            "millions remain uprooted",
            "millions",
            2e6,
            Qualifier::Vague,
        );
        count(
            "several hundred troops",
            "several hundred",
            200.0,
            Qualifier::Vague,
        );
        count(
            "a few thousand troops",
            "a few thousand",
            2000.0,
            Qualifier::Vague,
        );
        count(
            "several dozen troops",
            "several dozen",
            24.0,
            Qualifier::Vague,
        );
        count(
            "several hundred thousand troops",
            "several hundred thousand",
            200000.0,
            Qualifier::Vague,
        );
        count("scores of people died", "scores", 40.0, Qualifier::Vague);
        absent_count("The team scores goals.");
        check(
            "millions of dollars",
            "millions",
            2e6,
            Qualifier::Vague,
            NumKind::Money,
        );
        let t = "many thousands fled";
        let m = one(t);
        assert_eq!(&t[m.qual_start..m.end], "many thousands");
    }

    #[test]
    fn percentages_and_fractions() {
        let t = "36% of the force";
        let m = one(t);
        assert_eq!(
            (m.value, m.unit, m.kind, &t[m.start..m.end]),
            (36.0, NumUnit::Percent, NumKind::Percent, "36%")
        );
        let m = one("40 percent of the population");
        assert_eq!((m.value, m.unit), (40.0, NumUnit::Percent));
        let m = one("40 per cent of the population");
        assert_eq!((m.value, m.unit), (40.0, NumUnit::Percent));
        let m = one("about 80% of needs");
        assert_eq!((m.value, m.qualifier), (80.0, Qualifier::Approx));
        let m = one("forty percent of the population");
        assert_eq!((m.value, m.unit), (40.0, NumUnit::Percent));
        let frac = |t: &str, v: f64, q: Qualifier| {
            let m = one(t);
            assert_eq!(
                (m.value, m.qualifier, m.unit, m.kind),
                (v, q, NumUnit::Percent, NumKind::Fraction),
                "{t}"
            );
        };
        frac("a third of the hostages", 33.3, Qualifier::Exact);
        frac("two-thirds of the hostages", 66.7, Qualifier::Exact);
        frac("two thirds of the hostages", 66.7, Qualifier::Exact);
        frac("one-third of them", 33.3, Qualifier::Exact);
        frac("half of the hostages", 50.0, Qualifier::Exact);
        frac("nearly a quarter of the hostages", 25.0, Qualifier::Approx);
        frac("more than half were women", 50.0, Qualifier::MoreThan);
        frac("three-quarters of residents", 75.0, Qualifier::Exact);
        frac("a fifth of residents", 20.0, Qualifier::Exact);
        // not fractions
        let v = nums("a third attack in a week");
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].kind, v[0].value), (NumKind::Ordinal, 3.0));
        assert!(nums("in the second half of the match")
            .iter()
            .all(|m| m.kind != NumKind::Fraction));
        assert!(nums("a half-hour drive").is_empty());
        assert!(nums("in the first quarter")
            .iter()
            .all(|m| m.kind != NumKind::Fraction));
    }

    #[test]
    fn qualifiers() {
        let q = |t: &str, surf: &str, qq: Qualifier, span: &str| {
            let v = nums(t);
            let m = find(t, &v, surf);
            assert_eq!(m.qualifier, qq, "{t}");
            assert_eq!(&t[m.qual_start..m.qual_end.max(m.end)], span, "{t}");
        };
        q(
            "Some 300 soldiers died.",
            "300",
            Qualifier::Approx,
            "Some 300",
        );
        q(
            "about 2,700 injured",
            "2,700",
            Qualifier::Approx,
            "about 2,700",
        );
        q(
            "are about \u{201c}2,700 injuries\u{201d}",
            "2,700",
            Qualifier::Approx,
            "about \u{201c}2,700",
        );
        q("around 1,000", "1,000", Qualifier::Approx, "around 1,000");
        q("roughly 1,000", "1,000", Qualifier::Approx, "roughly 1,000");
        q(
            "approximately 1,000",
            "1,000",
            Qualifier::Approx,
            "approximately 1,000",
        );
        q("nearly 400 people", "400", Qualifier::Approx, "nearly 400");
        q("almost 400 people", "400", Qualifier::Approx, "almost 400");
        q(
            "close to 200 passengers",
            "200",
            Qualifier::Approx,
            "close to 200",
        );
        q(
            "approaching 200 passengers",
            "200",
            Qualifier::Approx,
            "approaching 200",
        );
        q(
            "an estimated 4,700 people",
            "4,700",
            Qualifier::Exact,
            "4,700",
        );
        q(
            "more than 10,000 soldiers",
            "10,000",
            Qualifier::MoreThan,
            "more than 10,000",
        );
        q("over 200 hostages", "200", Qualifier::MoreThan, "over 200");
        q(
            "casualties have surpassed 3,000",
            "3,000",
            Qualifier::MoreThan,
            "surpassed 3,000",
        );
        q(
            "the toll exceeded 3,000",
            "3,000",
            Qualifier::MoreThan,
            "exceeded 3,000",
        );
        q(
            "the toll topped 3,000",
            "3,000",
            Qualifier::MoreThan,
            "topped 3,000",
        );
        q(
            "upwards of 3,000 fled",
            "3,000",
            Qualifier::MoreThan,
            "upwards of 3,000",
        );
        q(
            "in excess of 3,000 fled",
            "3,000",
            Qualifier::MoreThan,
            "in excess of 3,000",
        );
        q(
            "well over 3,000 fled",
            "3,000",
            Qualifier::MoreThan,
            "well over 3,000",
        );
        q(
            "at least 50 militants",
            "50",
            Qualifier::AtLeast,
            "at least 50",
        );
        q(
            "no fewer than 50 militants",
            "50",
            Qualifier::AtLeast,
            "no fewer than 50",
        );
        q("up to 10 fatalities", "10", Qualifier::AtMost, "up to 10");
        q(
            "as many as 10 fatalities",
            "10",
            Qualifier::AtMost,
            "as many as 10",
        );
        q(
            "no more than 10 fatalities",
            "10",
            Qualifier::AtMost,
            "no more than 10",
        );
        q(
            "less than 10 fatalities",
            "10",
            Qualifier::LessThan,
            "less than 10",
        );
        q(
            "fewer than 10 fatalities",
            "10",
            Qualifier::LessThan,
            "fewer than 10",
        );
        q("under 10 fatalities", "10", Qualifier::LessThan, "under 10");
        q(
            "100 or so fatalities",
            "100",
            Qualifier::Approx,
            "100 or so",
        );
        q(
            "100 or more fatalities",
            "100",
            Qualifier::AtLeast,
            "100 or more",
        );
        q("20-odd fatalities", "20", Qualifier::Approx, "20-odd");
        q(
            "More than 150 people were hurt.",
            "150",
            Qualifier::MoreThan,
            "More than 150",
        );
        // qualifiers do not cross punctuation or distribute
        let t = "around 1,000 killed and 3,000 wounded";
        count(t, "1,000", 1000.0, Qualifier::Approx);
        count(t, "3,000", 3000.0, Qualifier::Exact);
        let t = "At least 21 passengers and four paramilitary troops died.";
        count(t, "21", 21.0, Qualifier::AtLeast);
        count(t, "four", 4.0, Qualifier::Exact);
        count(
            "at least some of the eight remain",
            "eight",
            8.0,
            Qualifier::Exact,
        );
        count(
            "The game was over. 300 people left.",
            "300",
            300.0,
            Qualifier::Exact,
        );
    }

    #[test]
    fn years_and_decades() {
        check(
            "in 2004 police arrested him",
            "2004",
            2004.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        check(
            "the 2004 bombing of a base",
            "2004",
            2004.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        check(
            "Since 2009, hundreds died.",
            "2009",
            2009.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        count("Russia sent 2000 troops.", "2000", 2000.0, Qualifier::Exact);
        count(
            "Russia sent 2,000 troops.",
            "2,000",
            2000.0,
            Qualifier::Exact,
        );
        count("about 2000 people", "2000", 2000.0, Qualifier::Approx);
        check(
            "mostly since the late 1990s.",
            "1990s",
            1990.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        check(
            "in the mid-1990s",
            "1990s",
            1990.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        check(
            "in the 1990's",
            "1990's",
            1990.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        check(
            "men in their 20s",
            "20s",
            20.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        let t = "the 2014-15 season";
        let m = one(t);
        assert_eq!(
            (m.kind, m.value, m.value_hi),
            (NumKind::Year, 2014.0, Some(2015.0))
        );
        check(
            "December 5, 2024",
            "2024",
            2024.0,
            Qualifier::Exact,
            NumKind::Year,
        );
        absent_count("It happened in 1990s Europe and in 2015.");
    }

    #[test]
    fn dates_and_times() {
        check(
            "violence began March 6 in Syria",
            "6",
            6.0,
            Qualifier::Exact,
            NumKind::Date,
        );
        check(
            "on Feb. 27 they left",
            "27",
            27.0,
            Qualifier::Exact,
            NumKind::Date,
        );
        check(
            "on 3 March they left",
            "3",
            3.0,
            Qualifier::Exact,
            NumKind::Date,
        );
        check("Jan. 5", "5", 5.0, Qualifier::Exact, NumKind::Date);
        check(
            "released around 3 a.m. local time",
            "3",
            3.0,
            Qualifier::Approx,
            NumKind::Time,
        );
        check("at 3pm", "3pm", 3.0, Qualifier::Exact, NumKind::Time);
        check(
            "at 10:30 on Monday",
            "10:30",
            10.0,
            Qualifier::Exact,
            NumKind::Time,
        );
        check(
            "at 10.30am on Monday",
            "10.30am",
            10.3,
            Qualifier::Exact,
            NumKind::Time,
        );
        check(
            "at 1930 GMT",
            "1930",
            1930.0,
            Qualifier::Exact,
            NumKind::Time,
        );
        check(
            "on 2025-03-14 it rained",
            "2025-03-14",
            2025.0,
            Qualifier::Exact,
            NumKind::Date,
        );
        check(
            "on 14/03/2025 it rained",
            "14/03/2025",
            14.0,
            Qualifier::Exact,
            NumKind::Date,
        );
        absent_count("On March 6 at 3 p.m. on 2025-03-14.");
    }

    #[test]
    fn ordinals_ages_durations_measures() {
        check(
            "the 3rd brigade",
            "3rd",
            3.0,
            Qualifier::Exact,
            NumKind::Ordinal,
        );
        check(
            "the 21st century",
            "21st",
            21.0,
            Qualifier::Exact,
            NumKind::Ordinal,
        );
        check(
            "the first time",
            "first",
            1.0,
            Qualifier::Exact,
            NumKind::Ordinal,
        );
        check(
            "the twenty-first century",
            "twenty-first",
            21.0,
            Qualifier::Exact,
            NumKind::Ordinal,
        );
        check("aged 25", "25", 25.0, Qualifier::Exact, NumKind::Age);
        check(
            "a 25-year-old man",
            "25",
            25.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "a 7-year-old girl",
            "7",
            7.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "he is 40 years old",
            "40",
            40.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "children under the age of five",
            "five",
            5.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "a two-year effort",
            "two",
            2.0,
            Qualifier::Exact,
            NumKind::Duration,
        );
        check(
            "During 18 hours of siege",
            "18",
            18.0,
            Qualifier::Exact,
            NumKind::Duration,
        );
        check(
            "lasted more than 30 hours",
            "30",
            30.0,
            Qualifier::MoreThan,
            NumKind::Duration,
        );
        check(
            "In the last 15 months",
            "15",
            15.0,
            Qualifier::Exact,
            NumKind::Duration,
        );
        check(
            "a 30-minute drive",
            "30",
            30.0,
            Qualifier::Exact,
            NumKind::Duration,
        );
        check(
            "two and a half years",
            "two and a half",
            2.5,
            Qualifier::Exact,
            NumKind::Duration,
        );
        check(
            "about 6 kilometers from the site",
            "6",
            6.0,
            Qualifier::Approx,
            NumKind::Measure,
        );
        check(
            "a 10km run",
            "10km",
            10.0,
            Qualifier::Exact,
            NumKind::Measure,
        );
        check(
            "the 100m hurdles",
            "100m",
            100.0,
            Qualifier::Exact,
            NumKind::Measure,
        );
        check(
            "10,000 tonnes of grain",
            "10,000",
            10000.0,
            Qualifier::Exact,
            NumKind::Measure,
        );
        let v = nums("the 5,000-man force");
        assert_eq!(
            (v[0].kind, v[0].followed_by_hyphen_noun),
            (NumKind::Count, true)
        );
        let v = nums("a 300,000-strong army");
        assert_eq!(
            (v[0].kind, v[0].value, v[0].followed_by_hyphen_noun),
            (NumKind::Count, 300000.0, true)
        );
        let v = nums("a 10-point plan");
        assert_eq!(
            (v[0].kind, v[0].followed_by_hyphen_noun),
            (NumKind::Other, true)
        );
    }

    #[test]
    fn money() {
        check("a $5 fine", "$5", 5.0, Qualifier::Exact, NumKind::Money);
        check(
            "it cost £2.7bn",
            "£2.7bn",
            2.7e9,
            Qualifier::Exact,
            NumKind::Money,
        );
        check(
            "it cost £30m last year",
            "£30m",
            3e7,
            Qualifier::Exact,
            NumKind::Money,
        );
        check(
            "it cost $2.7 million",
            "$2.7 million",
            2.7e6,
            Qualifier::Exact,
            NumKind::Money,
        );
        check(
            "it cost US$300",
            "US$300",
            300.0,
            Qualifier::Exact,
            NumKind::Money,
        );
        check("it cost €40", "€40", 40.0, Qualifier::Exact, NumKind::Money);
        check(
            "sales of 2.7bn euros",
            "2.7bn",
            2.7e9,
            Qualifier::Exact,
            NumKind::Money,
        );
        check(
            "needs a billion dollars this year",
            "a billion",
            1e9,
            Qualifier::Exact,
            NumKind::Money,
        );
        check(
            "about 5,000 dollars",
            "5,000",
            5000.0,
            Qualifier::Approx,
            NumKind::Money,
        );
        check("it cost 50p", "50p", 50.0, Qualifier::Exact, NumKind::Money);
        absent_count("It cost $5, then £2.7bn and €40 and 300 rupees.");
    }

    #[test]
    fn identifiers_and_scores() {
        check(
            "the No. 2 official",
            "2",
            2.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "under Article 5 of the treaty",
            "5",
            5.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "Resolution 2334 says",
            "2334",
            2334.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "Flight 370 vanished",
            "370",
            370.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "along Route 7 near",
            "7",
            7.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "the COVID-19 pandemic",
            "COVID-19",
            19.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "an F-16 jet",
            "F-16",
            16.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "a Su-25 jet",
            "Su-25",
            25.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "the G7 summit",
            "G7",
            7.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "call 555-0143 now",
            "555-0143",
            555.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "call 0800 123 456",
            "0800",
            800.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "they won 3-1 at home",
            "3-1",
            3.0,
            Qualifier::Exact,
            NumKind::Score,
        );
        check(
            "a 2-1 victory",
            "2-1",
            2.0,
            Qualifier::Exact,
            NumKind::Score,
        );
        check(
            "the Boeing 747 crashed",
            "747",
            747.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "Windows 95.",
            "95",
            95.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "the Formula One team",
            "One",
            1.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        check(
            "the 3D film",
            "3D",
            3.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        absent_count(
            "The No. 2 official flew an F-16 on Route 7 under Article 5 and COVID-19 rules.",
        );
        // a capitalised place before a count does not make it an identifier
        count("in Gaza 300 people died", "300", 300.0, Qualifier::Exact);
    }

    #[test]
    fn sorted_and_non_overlapping() {
        let t =
            "About 34,000 North Koreans have defected since the late 1990s, and some 300 died, \
                 with 2,700 injured on Monday at 3 p.m. in 2024, a third of them civilians.";
        let v = nums(t);
        for w in v.windows(2) {
            assert!(
                w[0].start < w[1].start && w[0].end.max(w[0].qual_end) <= w[1].qual_start,
                "{v:?}"
            );
        }
        for m in &v {
            assert!(m.qual_start <= m.start && m.start < m.end && m.end <= m.qual_end);
            assert!(
                t.is_char_boundary(m.start)
                    && t.is_char_boundary(m.end)
                    && t.is_char_boundary(m.qual_start)
            );
        }
    }

    #[test]
    fn into_appends() {
        let mut buf = Vec::new();
        find_numbers_into("two dogs", &mut buf);
        find_numbers_into("three cats", &mut buf);
        assert_eq!(buf.len(), 2);
        assert_eq!(buf[1].value, 3.0);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            "1",
            "-",
            "a",
            "1,",
            "1,00",
            "1.",
            "$",
            "£",
            "€",
            "5-",
            "5 to",
            "between 5 and",
            "half",
            "a few",
            "tens of",
            "1:2",
            "12/",
            "1990's",
            "2025-03-",
            "No.",
            "\u{a0}1\u{a0}000",
            "one and a",
            "seven-point",
            "“",
            "9\u{2013}",
            "99999999999999999999999999",
            "1.2.3.4",
            "#1",
            "A-",
            "x-1-2-3",
            "$5-",
        ] {
            let v = find_numbers(t);
            for m in &v {
                assert!(
                    m.end <= t.len() && t.is_char_boundary(m.start) && t.is_char_boundary(m.end)
                );
            }
        }
    }

    /// Speed over the BBC corpus. Run with
    /// `cargo test -p sourced-engine --release numbers::tests::speed_bbc -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn speed_bbc() {
        let Some(data) = read_shared("data/corpus/bbc-news-2005.jsonl") else {
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
                find_numbers_into(t, &mut buf);
                found += buf.len();
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        eprintln!(
            "find_numbers: {} docs, {words} words, {bytes} bytes, {found} mentions; best of 5: {:.1} ms = {:.1} M words/s ({:.0} MB/s)",
            texts.len(),
            best * 1e3,
            words as f64 / best / 1e6,
            bytes as f64 / best / 1e6
        );
    }

    /// Random token soup: never panics, spans are sorted, non-overlapping and on char
    /// boundaries.
    #[test]
    fn fuzz_invariants() {
        const TOKS: &[&str] = &[
            "1", "23", "2,700", "1.5", "2000", "1990s", "one", "two", "a", "half", "third",
            "thirds", "dozen", "hundreds", "tens", "of", "thousand", "million", "and", "to", "or",
            "between", "about", "more", "than", "at", "least", "up", "-", "\u{2013}", " ", " ",
            " ", ",", ".", "%", "$", "£", "€", "\u{a0}", "\u{201c}", "\u{201d}", "No.", "March",
            "Feb.", "year-old", "km", "m", "bn", "p.m.", "a.m.", ":", "/", "'s", "F", "G", "COVID",
            "in", "out", "so", "odd", "plus", "+", "point", "seven", "twenty", "first", "\n",
            "per", "cent", "percent", "many", "several", "few", "é", "日本",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut t = String::new();
        for _ in 0..20_000 {
            t.clear();
            let n = (next() % 14) as usize;
            for _ in 0..n {
                t.push_str(TOKS[(next() % TOKS.len() as u64) as usize]);
            }
            let v = find_numbers(&t);
            let mut prev_end = 0;
            for m in &v {
                assert!(
                    m.qual_start <= m.start
                        && m.start < m.end
                        && m.end <= m.qual_end
                        && m.qual_end <= t.len(),
                    "{t:?} {m:?}"
                );
                assert!(m.qual_start >= prev_end, "{t:?} {v:?}");
                assert!(
                    t.is_char_boundary(m.start) && t.is_char_boundary(m.end),
                    "{t:?} {m:?}"
                );
                assert!(
                    t.is_char_boundary(m.qual_start) && t.is_char_boundary(m.qual_end),
                    "{t:?} {m:?}"
                );
                assert!(m.value.is_finite());
                prev_end = m.qual_end;
            }
        }
    }

    #[test]
    fn ratios() {
        let frac = |t: &str, surf: &str, v: f64, q: Qualifier| {
            let m = one(t);
            assert_eq!(
                (&t[m.start..m.end], m.value, m.qualifier, m.unit, m.kind),
                (surf, v, q, NumUnit::Percent, NumKind::Fraction),
                "{t}"
            );
        };
        frac(
            "one in five children is hungry",
            "one in five",
            20.0,
            Qualifier::Exact,
        );
        frac(
            "almost one in six cars sold",
            "one in six",
            16.7,
            Qualifier::Approx,
        );
        frac(
            "nine out of 10 residents fled",
            "nine out of 10",
            90.0,
            Qualifier::Exact,
        );
        frac("3 in 4 voters", "3 in 4", 75.0, Qualifier::Exact);
        assert_eq!(nums("They killed 3 in 10 days.").len(), 2);
        assert_eq!(nums("Five in 2024 died.").len(), 2);
    }

    #[test]
    fn corpus_review_fixes() {
        count(
            "almost a quarter of a million people",
            "a quarter of a million",
            250_000.0,
            Qualifier::Approx,
        );
        assert!(nums("growth two quarters ahead")
            .iter()
            .all(|m| m.kind != NumKind::Fraction));
        assert!(nums("the opposite half of the draw").is_empty());
        check(
            "Jane Doe, 29, works there",
            "29",
            29.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "including 5- and 8-year-old boys",
            "5",
            5.0,
            Qualifier::Exact,
            NumKind::Age,
        );
        check(
            "a 30mg dose",
            "30mg",
            30.0,
            Qualifier::Exact,
            NumKind::Measure,
        );
        assert_eq!(nums("Jobless numbers rose 17,000 to 4.5 million.").len(), 2);
        assert_eq!(nums("Prices rose 10 to 12.").len(), 2);
        check(
            "the S&P 500 rose",
            "500",
            500.0,
            Qualifier::Exact,
            NumKind::Identifier,
        );
        count(
            "killing 12, including two boys",
            "12",
            12.0,
            Qualifier::Exact,
        );
    }

    /// Recall of the gold claims of voa-dev.jsonl as number mentions (value, value_hi, unit,
    /// qualifier) inside their evidence span. Run with
    /// `cargo test -p sourced-engine --release numbers::tests::voa_dev_recall -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn voa_dev_recall() {
        let Some(data) = read_shared("data/claims/voa-dev.jsonl") else {
            eprintln!("voa-dev.jsonl not found; skipped");
            return;
        };
        let (mut total, mut val_ok, mut full_ok) = (0usize, 0usize, 0usize);
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = d["text"].as_str().unwrap();
            // code point -> byte offsets
            let mut cp2b: Vec<usize> = text.char_indices().map(|(bi, _)| bi).collect();
            cp2b.push(text.len());
            let ms = find_numbers(text);
            for c in d["claims"].as_array().unwrap() {
                total += 1;
                let ev = c["evidence"].as_array().unwrap();
                let (bs, be) = (
                    cp2b[ev[0].as_u64().unwrap() as usize],
                    cp2b[ev[1].as_u64().unwrap() as usize],
                );
                let v = c["value"].as_f64().unwrap();
                let hi = c["value_hi"].as_f64();
                let q = c["qualifier"].as_str().unwrap();
                let unit = c["unit"].as_str().unwrap();
                let cands: Vec<&NumberMention> = ms
                    .iter()
                    .filter(|m| {
                        m.start >= bs
                            && m.end <= be
                            && m.unit.as_str() == unit
                            && m.kind.is_quantity()
                    })
                    .filter(|m| (m.value - v).abs() < 1e-6 && (hi.is_none() || m.value_hi == hi))
                    .collect();
                if !cands.is_empty() {
                    val_ok += 1;
                }
                if cands.iter().any(|m| m.qualifier.as_str() == q) {
                    full_ok += 1;
                } else {
                    let found: Vec<String> = ms
                        .iter()
                        .filter(|m| m.start >= bs && m.end <= be)
                        .map(|m| {
                            format!(
                                "{}={}/{}/{}",
                                &text[m.start..m.end],
                                m.value,
                                m.qualifier.as_str(),
                                m.kind.as_str()
                            )
                        })
                        .collect();
                    eprintln!(
                        "MISS {} {v} {hi:?} {q} {unit}: {:?}\n   found {found:?}",
                        d["id"],
                        &text[bs..be]
                    );
                }
            }
        }
        let r1 = val_ok as f64 / total as f64;
        let r2 = full_ok as f64 / total as f64;
        eprintln!("voa-dev: {total} gold claims; value recall {val_ok}/{total} = {r1:.3}; value+qualifier recall {full_ok}/{total} = {r2:.3}");
        assert!(r2 > 0.9);
    }

    #[test]
    fn seed_article_figures() {
        let Some(t) = read_shared("data/seed/nk-soldiers.txt") else {
            eprintln!("seed article not found; skipped");
            return;
        };
        let t = t.as_str();
        let v = nums(t);
        let has = |val: f64, q: Qualifier| {
            v.iter()
                .any(|m| m.value == val && m.qualifier == q && m.kind == NumKind::Count)
        };
        assert!(has(300.0, Qualifier::Approx));
        assert!(has(2700.0, Qualifier::Approx));
        assert!(has(3000.0, Qualifier::MoreThan));
        assert!(has(2.0, Qualifier::Exact));
        assert!(has(10000.0, Qualifier::MoreThan));
        assert!(has(34000.0, Qualifier::Approx));
        assert!(v
            .iter()
            .any(|m| m.kind == NumKind::Year && m.value == 1990.0));
    }
}
