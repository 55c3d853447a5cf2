//! What a figure with its qualifier allows: "about 300" is 300 give or take a tenth or so,
//! "more than 3,000" is anything from 3,000 up, "hundreds" is 100 to 999. Two claims agree
//! when the values they allow overlap; that is the test behind conflicts and behind counting
//! independent confirmations.

/// Relative slack of an approximate figure ("about 300" agrees with 270 and 330).
const APPROX_SLACK: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// The values a claim allows, from its `value`, `value_hi` and `qualifier` (LEDGER.md).
    pub fn of(value: f64, value_hi: Option<f64>, qualifier: &str) -> Interval {
        let hi = value_hi.unwrap_or(value).max(value);
        match qualifier {
            "approx" => Interval {
                low: value * (1.0 - APPROX_SLACK),
                high: hi * (1.0 + APPROX_SLACK),
            },
            "more_than" | "at_least" => Interval {
                low: value,
                high: f64::INFINITY,
            },
            "less_than" | "at_most" => Interval { low: 0.0, high: hi },
            // "hundreds" holds 100 and means 100 to 999; "tens of thousands", 10,000 to 99,999.
            "vague" => Interval {
                low: value,
                high: value * 10.0,
            },
            _ => Interval {
                low: value,
                high: hi,
            },
        }
    }

    /// True when some value satisfies both.
    pub fn overlaps(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Two claims' figures are compatible: "more than 3,000" and "4,000" agree; "about 300" and
/// "1,000" do not.
pub fn compatible(a: (f64, Option<f64>, &str), b: (f64, Option<f64>, &str)) -> bool {
    Interval::of(a.0, a.1, a.2).overlaps(Interval::of(b.0, b.1, b.2))
}

#[cfg(test)]
mod tests {
    use super::compatible;

    #[test]
    fn qualifiers_decide_agreement() {
        assert!(compatible(
            (3000.0, None, "more_than"),
            (4000.0, None, "exact")
        ));
        assert!(!compatible(
            (300.0, None, "approx"),
            (1000.0, None, "exact")
        ));
        assert!(compatible((300.0, None, "approx"), (310.0, None, "exact")));
        assert!(!compatible((300.0, None, "exact"), (350.0, None, "exact")));
        assert!(compatible(
            (11000.0, Some(12000.0), "range"),
            (11500.0, None, "approx")
        ));
        assert!(compatible((100.0, None, "vague"), (400.0, None, "exact")));
        assert!(!compatible((100.0, None, "vague"), (2000.0, None, "exact")));
        assert!(!compatible(
            (50.0, None, "less_than"),
            (60.0, None, "exact")
        ));
    }
}
