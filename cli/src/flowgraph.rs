//! `paths` and `graph`: every reachable verdict with an answer set that reaches it, and the
//! question flow as Mermaid or Graphviz DOT.
//!
//! Knows the engine's flow and validation helpers; prints text only.

use claimcheck_engine::answers::{Answer, Answers};
use claimcheck_engine::eval::{evaluate_settlement, Reason, Today};
use claimcheck_engine::model::{Pack, Settlement};
use claimcheck_engine::validate::{answer_space, walk_flow};
use std::collections::BTreeSet;
use std::fmt::Write;

fn answer_words(a: &Answer) -> String {
    match a {
        Answer::Yes => "yes".into(),
        Answer::No => "no".into(),
        Answer::NotSure => "not sure".into(),
        Answer::Choice(c) => c.clone(),
        Answer::Orgs(v) if v.is_empty() => "none of these".into(),
        Answer::Orgs(v) => v.join(" + "),
        Answer::State(s) => s.clone(),
        Answer::Money(c) => c.to_string(),
        Answer::Quarters(q) => format!("{} h", *q as f64 / 4.0),
    }
}

fn show(answers: &Answers) -> String {
    if answers.is_empty() {
        return "(no answers)".into();
    }
    answers
        .iter()
        .map(|(k, v)| format!("{k} = {}", answer_words(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn outcome_key(s: &Settlement, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            Reason::RouteMet { route } => format!(
                "route {}",
                s.class
                    .routes
                    .get(*route)
                    .map(|x| x.id.as_str())
                    .unwrap_or("?")
            ),
            Reason::Possible { route } => format!(
                "possible via {}",
                s.class
                    .routes
                    .get(*route)
                    .map(|x| x.id.as_str())
                    .unwrap_or("?")
            ),
            Reason::RouteNotMet { .. } => "no route holds".into(),
            Reason::Missing { .. } => "answers missing".into(),
            Reason::Excluded { exclusion } => format!(
                "excluded: {}",
                s.class
                    .exclusions
                    .get(*exclusion)
                    .map(|x| x.id.as_str())
                    .unwrap_or("?")
            ),
            Reason::ExclusionUnknown { exclusion, .. } => format!(
                "exclusion unknown: {}",
                s.class
                    .exclusions
                    .get(*exclusion)
                    .map(|x| x.id.as_str())
                    .unwrap_or("?")
            ),
            Reason::NotCertified => "class not certified".into(),
            Reason::DefinitionUnverified => "wording unverified".into(),
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn paths(pack: &Pack, s: &Settlement) -> String {
    let mut o = String::new();
    let today = Today::on(pack.checked_on);
    let Some(mut space) = answer_space(pack, s) else {
        return "too many answer combinations to list\n".into();
    };
    // Fewest answers first, so each outcome is shown with its shortest example.
    space.sort_by_key(|a| a.len());
    let mut seen: Vec<(String, String, Answers)> = Vec::new();
    for answers in space {
        let r = evaluate_settlement(pack, s, &answers, today);
        let key = outcome_key(s, &r.reasons);
        let v = r.verdict.code().to_string();
        if !seen.iter().any(|(sv, sk, _)| *sv == v && *sk == key) {
            seen.push((v, key, answers));
        }
    }
    seen.sort_by(|a, b| (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str())));
    let _ = writeln!(o, "{}: {} reachable outcomes", s.id, seen.len());
    for (v, key, answers) in &seen {
        let _ = writeln!(o, "  {v:<10} {key}\n             e.g. {}", show(answers));
    }
    o
}

pub fn graph(pack: &Pack, s: &Settlement, dot: bool) -> String {
    let today = Today::on(pack.checked_on);
    let mut edges: BTreeSet<(String, String, String)> = BTreeSet::new();
    walk_flow(pack, s, today, &mut |answers, next| {
        // The edge into this state: from the last question answered.
        let to = match next {
            Some(q) => q.id.clone(),
            None => format!(
                "verdict_{}",
                evaluate_settlement(pack, s, answers, today).verdict.code()
            ),
        };
        let from = pack
            .questions
            .iter()
            .rev()
            .find(|q| answers.contains_key(&q.id))
            .map(|q| (q.id.clone(), answer_words(&answers[&q.id])));
        match from {
            Some((f, label)) => {
                edges.insert((f, label, to));
            }
            None => {
                edges.insert(("start".into(), String::new(), to));
            }
        }
    });
    let mut o = String::new();
    if dot {
        let _ = writeln!(o, "digraph \"{}\" {{\n  rankdir=TB;", s.id);
        for (f, l, t) in &edges {
            let _ = writeln!(
                o,
                "  \"{f}\" -> \"{t}\" [label=\"{}\"];",
                l.replace('"', "'")
            );
        }
        o.push_str("}\n");
    } else {
        let _ = writeln!(o, "flowchart TD");
        for (f, l, t) in &edges {
            let node = |n: &str| {
                if n.starts_with("verdict_") {
                    format!(
                        "{n}[[\"{}\"]]",
                        n.trim_start_matches("verdict_").replace('_', " ")
                    )
                } else {
                    format!("{n}([\"{n}\"])")
                }
            };
            if l.is_empty() {
                let _ = writeln!(o, "  {} --> {}", node(f), node(t));
            } else {
                let _ = writeln!(
                    o,
                    "  {} -- \"{}\" --> {}",
                    node(f),
                    l.replace('"', "'"),
                    node(t)
                );
            }
        }
    }
    o
}
