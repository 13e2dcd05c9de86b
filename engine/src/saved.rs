//! The plain-text form of a person's answers that the browser app keeps on the device, and only
//! when the person asks it to ("Save my answers on this device").
//!
//! One line per fact, readable by anyone who looks in their browser's storage:
//!
//! ```text
//! claimcheck-saved 2
//! pack 2026-11-24
//! lang es
//! notice = orgs connexin moveit-mdl
//! us_resident = yes
//! costs = money 30000
//! hours = quarters 10
//! ```
//!
//! Reading never panics and never loses a readable answer to an unreadable one: each line stands
//! alone, and every line that cannot be read is named in the result. Whether an answer still fits
//! the current questions is `answers::sanitize`'s job, not this module's. Knows nothing of
//! storage, browsers or settlements.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::money::Cents;
use crate::text::Lang;

/// The first line of a saved state in this format.
pub const HEADER: &str = "claimcheck-saved 2";

/// What the app keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The rule pack's date when the answers were saved.
    pub pack_date: Option<Date>,
    pub lang: Option<Lang>,
    pub answers: Answers,
}

/// A saved state read back: what could be read, and the lines that could not.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub saved: Saved,
    /// Question ids (or, for a line without one, the line number as text) that were unreadable.
    pub unreadable: Vec<String>,
}

/// Writes a saved state.
pub fn write(s: &Saved) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    if let Some(d) = s.pack_date {
        out.push_str("pack ");
        out.push_str(&d.to_string());
        out.push('\n');
    }
    if let Some(l) = s.lang {
        out.push_str(match l {
            Lang::En => "lang en\n",
            Lang::Es => "lang es\n",
        });
    }
    for (id, a) in &s.answers {
        out.push_str(id);
        out.push_str(" = ");
        match a {
            Answer::Yes => out.push_str("yes"),
            Answer::No => out.push_str("no"),
            Answer::NotSure => out.push_str("not_sure"),
            Answer::Choice(c) => {
                out.push_str("choice ");
                out.push_str(c);
            }
            Answer::Orgs(list) => {
                out.push_str("orgs");
                for o in list {
                    out.push(' ');
                    out.push_str(o);
                }
            }
            Answer::State(st) => {
                out.push_str("state ");
                out.push_str(st);
            }
            Answer::Money(c) => {
                out.push_str("money ");
                out.push_str(&c.0.to_string());
            }
            Answer::Quarters(q) => {
                out.push_str("quarters ");
                out.push_str(&q.to_string());
            }
        }
        out.push('\n');
    }
    out
}

/// An id as saved states and page addresses may carry it: letters, digits, `-` and `_`, at most
/// 80 bytes (the app's routes use the same rule).
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn answer(value: &str) -> Option<Answer> {
    let mut words = value.split(' ').filter(|w| !w.is_empty());
    let kind = words.next()?;
    let rest: Vec<&str> = words.collect();
    let one = || match rest.as_slice() {
        [w] if is_id(w) => Some(w.to_string()),
        _ => None,
    };
    match kind {
        "yes" if rest.is_empty() => Some(Answer::Yes),
        "no" if rest.is_empty() => Some(Answer::No),
        "not_sure" if rest.is_empty() => Some(Answer::NotSure),
        "choice" => one().map(Answer::Choice),
        "state" => one().map(Answer::State),
        "orgs" => {
            if !rest.iter().all(|w| is_id(w)) {
                return None;
            }
            // Each once, in order; a set keeps a hostile list of many ids fast.
            let mut seen = std::collections::BTreeSet::new();
            let list = rest
                .into_iter()
                .filter(|w| seen.insert(*w))
                .map(str::to_string)
                .collect();
            Some(Answer::Orgs(list))
        }
        "money" => match rest.as_slice() {
            [n] => n.parse::<i64>().ok().map(|c| Answer::Money(Cents(c))),
            _ => None,
        },
        "quarters" => match rest.as_slice() {
            [n] => n.parse::<u32>().ok().map(Answer::Quarters),
            _ => None,
        },
        _ => None,
    }
}

/// Reads a saved state; `None` when the text is not a saved state of this format at all.
pub fn read(text: &str) -> Option<Read> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != HEADER {
        return None;
    }
    let mut saved = Saved {
        pack_date: None,
        lang: None,
        answers: Answers::new(),
    };
    let mut unreadable = Vec::new();
    for (n, line) in lines.enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((id, value)) = line.split_once(" = ") {
            let id = id.trim();
            match (is_id(id), answer(value.trim())) {
                (true, Some(a)) if !saved.answers.contains_key(id) => {
                    saved.answers.insert(id.to_string(), a);
                }
                (true, _) => unreadable.push(id.to_string()),
                (false, _) => unreadable.push(format!("line {}", n + 2)),
            }
        } else if let Some(d) = line.strip_prefix("pack ") {
            saved.pack_date = Date::parse(d.trim());
        } else if let Some(l) = line.strip_prefix("lang ") {
            // A language this version does not speak is ignored, not an error.
            saved.lang = match l.trim() {
                "en" => Some(Lang::En),
                "es" => Some(Lang::Es),
                _ => None,
            };
        } else {
            unreadable.push(format!("line {}", n + 2));
        }
    }
    Some(Read { saved, unreadable })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Saved {
        let mut answers = Answers::new();
        answers.insert(
            "notice".into(),
            Answer::Orgs(vec!["connexin".into(), "moveit-mdl".into()]),
        );
        answers.insert("us_resident".into(), Answer::Yes);
        answers.insert("works_for_party".into(), Answer::No);
        answers.insert("minor".into(), Answer::NotSure);
        answers.insert("claimant".into(), Answer::Choice("self".into()));
        answers.insert("state_2023".into(), Answer::State("CA".into()));
        answers.insert("costs".into(), Answer::Money(Cents(30_050)));
        answers.insert("hours".into(), Answer::Quarters(10));
        answers.insert("none".into(), Answer::Orgs(vec![]));
        Saved {
            pack_date: Date::new(2026, 11, 24),
            lang: Some(Lang::Es),
            answers,
        }
    }

    #[test]
    fn every_kind_of_answer_round_trips() {
        let s = sample();
        let text = write(&s);
        assert!(text.starts_with("claimcheck-saved 2\npack 2026-11-24\nlang es\n"));
        assert!(text.contains("\nnotice = orgs connexin moveit-mdl\n"));
        assert!(text.contains("\ncosts = money 30050\n"));
        let back = read(&text).expect("reads its own output");
        assert_eq!(back.unreadable, Vec::<String>::new());
        assert_eq!(back.saved, s);
    }

    #[test]
    fn other_text_is_not_a_saved_state() {
        assert_eq!(read(""), None);
        assert_eq!(read("{\"pack_date\":\"2026-11-24\",\"answers\":{}}"), None);
        assert_eq!(read("claimcheck-saved 1\n"), None);
    }

    #[test]
    fn a_bad_line_is_named_and_the_good_ones_are_kept() {
        let text = "claimcheck-saved 2\npack 2026-11-24\nus_resident = yes\ncosts = money lots\n\
                    <script> = yes\nhours = quarters -4\nnonsense\nnotice = orgs a b a\n\
                    us_resident = no\nstate = state C A\n";
        let r = read(text).expect("a saved state");
        assert_eq!(r.saved.answers.get("us_resident"), Some(&Answer::Yes));
        assert_eq!(
            r.saved.answers.get("notice"),
            Some(&Answer::Orgs(vec!["a".into(), "b".into()]))
        );
        assert_eq!(
            r.unreadable,
            vec!["costs", "line 5", "hours", "line 7", "us_resident", "state"]
        );
        assert_eq!(r.saved.lang, None);
    }
}
