//! A person's answers: plain values keyed by question id, and their decoding from answer files.
//!
//! Knows the question kinds (to decode a value) but nothing of settlements or verdicts. Every
//! decoding error names the question and says what was expected; nothing here panics.

use crate::model::{Pack, QuestionKind};
use crate::money::{Cents, MAX_PERSON_AMOUNT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Most hours a person may report (a year of full days).
pub const MAX_HOURS: u32 = 8_760;

/// One answer. "I'm not sure" is an answer too, and never counts as "no".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotSure,
    /// An option id of a choice question.
    Choice(String),
    /// Organisation ids; empty means "none of these".
    Orgs(Vec<String>),
    /// A two-letter U.S. state or territory code.
    State(String),
    Money(Cents),
    /// Hours in quarter hours (4 = one hour).
    Quarters(u32),
}

/// All answers given so far.
pub type Answers = BTreeMap<String, Answer>;

/// The question asking for whom the person checks (themselves, a child, someone who died). The
/// engine reads it for claimant notes; the app asks the engine rather than naming it.
pub const CLAIMANT_QUESTION: &str = "claimant";

/// Someone the person checks for other than themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claimant {
    Minor,
    Deceased,
}

/// For whom the answers say the person checks, when not for themselves.
pub fn claimant(answers: &Answers) -> Option<Claimant> {
    match answers.get(CLAIMANT_QUESTION) {
        Some(Answer::Choice(c)) if c == "minor" => Some(Claimant::Minor),
        Some(Answer::Choice(c)) if c == "deceased" => Some(Claimant::Deceased),
        _ => None,
    }
}

/// The organisations the answers name: the answer to the bank's organisation question, or none.
pub fn named_organisations<'a>(pack: &'a Pack, answers: &'a Answers) -> &'a [String] {
    pack.questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Organisations))
        .find_map(|q| match answers.get(&q.id) {
            Some(Answer::Orgs(ids)) => Some(ids.as_slice()),
            _ => None,
        })
        .unwrap_or(&[])
}

/// U.S. states, D.C. and territories, as two-letter postal codes.
pub const US_STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
];

/// Why an answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    pub question: String,
    pub message: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "answer \"{}\": {}", self.question, self.message)
    }
}

/// A raw value from an answer file (TOML or JSON), before the question kind gives it meaning.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<RawValue>),
}

fn err(q: &str, m: impl Into<String>) -> AnswerError {
    AnswerError {
        question: q.to_string(),
        message: m.into(),
    }
}

/// Parses a number of hours ("2.5", "2", "2:30") into quarter hours, rejecting anything else.
pub fn parse_hours(text: &str) -> Result<u32, String> {
    let t = text.trim();
    let quarters = if let Some((h, m)) = t.split_once(':') {
        let h: u32 = h
            .trim()
            .parse()
            .map_err(|_| "write hours like 2.5 or 2:30".to_string())?;
        let m: u32 = m
            .trim()
            .parse()
            .map_err(|_| "write hours like 2.5 or 2:30".to_string())?;
        if m >= 60 {
            return Err("minutes must be under 60".into());
        }
        h.checked_mul(4)
            .and_then(|q| q.checked_add(m / 15))
            .ok_or("too many hours")?
    } else {
        if t.is_empty()
            || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || t.matches('.').count() > 1
        {
            return Err("write hours as a number, like 2.5".into());
        }
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| "too many hours".to_string())?
        };
        let frac_q = if frac.is_empty() {
            0
        } else {
            let digits: String = frac.chars().take(4).collect();
            let scaled: u32 = format!("{digits:0<4}")
                .parse()
                .map_err(|_| "write hours as a number, like 2.5".to_string())?;
            scaled * 4 / 10_000
        };
        whole
            .checked_mul(4)
            .and_then(|q| q.checked_add(frac_q))
            .ok_or("too many hours")?
    };
    if quarters > MAX_HOURS * 4 {
        return Err(format!(
            "more than {MAX_HOURS} hours is not a plausible answer"
        ));
    }
    Ok(quarters)
}

/// Reads one raw value as the answer to question `id`, checking it against the pack.
pub fn decode_answer(pack: &Pack, id: &str, raw: &RawValue) -> Result<Answer, AnswerError> {
    let q = pack
        .question(id)
        .ok_or_else(|| err(id, "no such question in this rule pack"))?;
    if let RawValue::Text(t) = raw {
        if t == "not_sure" {
            return if q.not_sure || matches!(q.kind, QuestionKind::Organisations) {
                Ok(Answer::NotSure)
            } else {
                Err(err(id, "this question has no \"not sure\" answer"))
            };
        }
    }
    match (&q.kind, raw) {
        (QuestionKind::YesNo, RawValue::Text(t)) if t == "yes" => Ok(Answer::Yes),
        (QuestionKind::YesNo, RawValue::Text(t)) if t == "no" => Ok(Answer::No),
        (QuestionKind::YesNo, RawValue::Bool(b)) => Ok(if *b { Answer::Yes } else { Answer::No }),
        (QuestionKind::YesNo, _) => Err(err(id, "expected \"yes\", \"no\" or \"not_sure\"")),
        (QuestionKind::Choice { options }, RawValue::Text(t)) => {
            if options.iter().any(|o| &o.id == t) {
                Ok(Answer::Choice(t.clone()))
            } else {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                Err(err(id, format!("expected one of {}", ids.join(", "))))
            }
        }
        (QuestionKind::Choice { .. }, _) => Err(err(id, "expected an option id as text")),
        (QuestionKind::Organisations, RawValue::List(items)) => {
            let mut out = Vec::new();
            for item in items {
                let RawValue::Text(t) = item else {
                    return Err(err(id, "expected a list of organisation ids"));
                };
                if pack.organisation(t).is_none() {
                    return Err(err(id, format!("unknown organisation \"{t}\"")));
                }
                if !out.contains(t) {
                    out.push(t.clone());
                }
            }
            Ok(Answer::Orgs(out))
        }
        (QuestionKind::Organisations, _) => Err(err(
            id,
            "expected a list of organisation ids, or \"not_sure\"",
        )),
        (QuestionKind::State, RawValue::Text(t)) => {
            let up = t.trim().to_ascii_uppercase();
            if up == "OUTSIDE" || US_STATES.contains(&up.as_str()) {
                Ok(Answer::State(up))
            } else {
                Err(err(
                    id,
                    "expected a two-letter U.S. state code such as \"CA\", or \"outside\"",
                ))
            }
        }
        (QuestionKind::State, _) => Err(err(id, "expected a two-letter U.S. state code")),
        (QuestionKind::Money, RawValue::Text(t)) => {
            let c = Cents::parse(t).map_err(|e| err(id, e.to_string()))?;
            check_amount(id, c)
        }
        (QuestionKind::Money, RawValue::Number(n)) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(err(id, "expected an amount of zero or more dollars"));
            }
            if *n > (MAX_PERSON_AMOUNT.0 / 100) as f64 {
                return Err(err(id, "the amount is too large"));
            }
            let cents = (n * 100.0).round();
            if ((n * 100.0) - cents).abs() > 1e-6 {
                return Err(err(id, "cents must be at most two digits"));
            }
            check_amount(id, Cents(cents as i64))
        }
        (QuestionKind::Money, _) => Err(err(id, "expected an amount such as \"$120.50\"")),
        (QuestionKind::Hours, RawValue::Number(n)) => {
            if !n.is_finite() || *n < 0.0 {
                return Err(err(id, "expected zero or more hours"));
            }
            parse_hours(&format!("{n}"))
                .map(Answer::Quarters)
                .map_err(|m| err(id, m))
        }
        (QuestionKind::Hours, RawValue::Text(t)) => {
            parse_hours(t).map(Answer::Quarters).map_err(|m| err(id, m))
        }
        (QuestionKind::Hours, _) => Err(err(id, "expected a number of hours such as 2.5")),
    }
}

fn check_amount(id: &str, c: Cents) -> Result<Answer, AnswerError> {
    if c > MAX_PERSON_AMOUNT {
        Err(err(
            id,
            format!("amounts above {MAX_PERSON_AMOUNT} are not accepted"),
        ))
    } else {
        Ok(Answer::Money(c))
    }
}

/// Checks an already-typed answer set (e.g. a saved state) against the pack: returns the answers
/// that still fit and a message for each dropped one, so nothing valid is lost.
pub fn sanitize(pack: &Pack, answers: &Answers) -> (Answers, Vec<AnswerError>) {
    let mut kept = Answers::new();
    let mut dropped = Vec::new();
    for (id, a) in answers {
        let Some(q) = pack.question(id) else {
            dropped.push(err(id, "this question is no longer asked"));
            continue;
        };
        let ok = match (&q.kind, a) {
            (_, Answer::NotSure) => true,
            (QuestionKind::YesNo, Answer::Yes | Answer::No) => true,
            (QuestionKind::Choice { options }, Answer::Choice(c)) => {
                options.iter().any(|o| &o.id == c)
            }
            (QuestionKind::Organisations, Answer::Orgs(list)) => {
                list.iter().all(|o| pack.organisation(o).is_some())
            }
            (QuestionKind::State, Answer::State(s)) => {
                s == "OUTSIDE" || US_STATES.contains(&s.as_str())
            }
            (QuestionKind::Money, Answer::Money(c)) => c.0 >= 0 && *c <= MAX_PERSON_AMOUNT,
            (QuestionKind::Hours, Answer::Quarters(q)) => *q <= MAX_HOURS * 4,
            _ => false,
        };
        if ok {
            kept.insert(id.clone(), a.clone());
        } else {
            dropped.push(err(id, "the saved answer no longer fits this question"));
        }
    }
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_quarters() {
        assert_eq!(parse_hours("2.5"), Ok(10));
        assert_eq!(parse_hours("2:30"), Ok(10));
        assert_eq!(parse_hours("0.2"), Ok(0));
        assert_eq!(parse_hours("1.25"), Ok(5));
        assert!(parse_hours("-1").is_err());
        assert!(parse_hours("1e3").is_err());
        assert!(parse_hours("99999999999").is_err());
        assert!(parse_hours("").is_err());
        assert!(parse_hours("2:75").is_err());
    }
}
