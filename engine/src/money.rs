//! Money as integer cents: parsing "$7,500.00", formatting, and saturating arithmetic.
//!
//! Amounts never touch floating point. This module knows nothing of settlements or locales
//! beyond the plain U.S. "$1,234.56" form used in rule files and answer files.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of U.S. money in cents. Never negative in a valid pack or answer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(pub i64);

/// The largest amount the engine accepts from a person: $1 billion.
pub const MAX_PERSON_AMOUNT: Cents = Cents(100_000_000_000);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    pub fn dollars(d: i64) -> Cents {
        Cents(d.saturating_mul(100))
    }
    pub fn saturating_add(self, o: Cents) -> Cents {
        Cents(self.0.saturating_add(o.0))
    }
    pub fn saturating_sub(self, o: Cents) -> Cents {
        Cents(self.0.saturating_sub(o.0))
    }
    pub fn min(self, o: Cents) -> Cents {
        if self.0 <= o.0 {
            self
        } else {
            o
        }
    }

    /// Parses "$7,500", "$3,534,128.50", "7500", "7,500.5" (commas must group by three).
    pub fn parse(text: &str) -> Result<Cents, MoneyError> {
        let t = text.trim();
        let t = t.strip_prefix('$').unwrap_or(t).trim();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        if t.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (t, None),
        };
        if whole.is_empty() {
            return Err(MoneyError::NotANumber);
        }
        let mut digits = String::new();
        if whole.contains(',') {
            let groups: Vec<&str> = whole.split(',').collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
            if !first_ok || !rest_ok {
                return Err(MoneyError::BadGrouping);
            }
            for g in groups {
                digits.push_str(g);
            }
        } else {
            digits.push_str(whole);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::NotANumber);
        }
        let cents_part = match frac {
            None => 0,
            Some(f) if f.is_empty() || f.len() > 2 || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(MoneyError::BadCents)
            }
            Some(f) if f.len() == 1 => f.parse::<i64>().map_err(|_| MoneyError::BadCents)? * 10,
            Some(f) => f.parse::<i64>().map_err(|_| MoneyError::BadCents)?,
        };
        if digits.len() > 13 {
            return Err(MoneyError::TooLarge);
        }
        let whole: i64 = digits.parse().map_err(|_| MoneyError::NotANumber)?;
        Ok(Cents(whole * 100 + cents_part))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Negative,
    NotANumber,
    BadGrouping,
    BadCents,
    TooLarge,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyError::Empty => "no amount given",
            MoneyError::Negative => "an amount cannot be negative",
            MoneyError::NotANumber => {
                "not an amount of dollars (write it like \"$7,500\" or \"$12.50\")"
            }
            MoneyError::BadGrouping => "commas must separate groups of three digits (\"$7,500\")",
            MoneyError::BadCents => "cents must be one or two digits after the point (\"$12.50\")",
            MoneyError::TooLarge => "the amount is too large",
        })
    }
}

impl fmt::Display for Cents {
    /// "$7,500" for whole dollars, "$3,534,128.50" otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if neg {
            f.write_str("-")?;
        }
        if cents == 0 {
            write!(f, "${grouped}")
        } else {
            write!(f, "${grouped}.{cents:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rule_file_amounts() {
        assert_eq!(Cents::parse("$7,500"), Ok(Cents(750_000)));
        assert_eq!(Cents::parse("$3,534,128.50"), Ok(Cents(353_412_850)));
        assert_eq!(Cents::parse("12.5"), Ok(Cents(1250)));
        assert_eq!(Cents::parse(" $0 "), Ok(Cents(0)));
    }

    #[test]
    fn rejects_ambiguous_or_hostile_amounts() {
        assert_eq!(Cents::parse("$7,50"), Err(MoneyError::BadGrouping));
        assert_eq!(Cents::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Cents::parse("$1.234"), Err(MoneyError::BadCents));
        assert_eq!(Cents::parse("1e9"), Err(MoneyError::NotANumber));
        assert_eq!(Cents::parse("٣٠٠"), Err(MoneyError::NotANumber));
        assert_eq!(
            Cents::parse("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Cents::parse(""), Err(MoneyError::Empty));
    }

    #[test]
    fn formats_like_a_notice() {
        assert_eq!(Cents(750_000).to_string(), "$7,500");
        assert_eq!(Cents(353_412_850).to_string(), "$3,534,128.50");
        assert_eq!(Cents(5).to_string(), "$0.05");
        assert_eq!(Cents(100_000_000).to_string(), "$1,000,000");
    }
}
