//! `paths` and `graph`: every reachable verdict with an answer set that reaches it, and the
//! question flow as Mermaid or Graphviz DOT.
//!
//! Knows the engine's flow edges (`claimcheck_engine::flowgraph`) and answer space; prints text only.

use claimcheck_engine::answers::Answers;
use claimcheck_engine::eval::{evaluate_settlement, Reason, Today};
use claimcheck_engine::flowgraph::{self, answer_words};
use claimcheck_engine::model::{Pack, Settlement};
use claimcheck_engine::validate::answer_space;
use std::collections::BTreeSet;
use std::fmt::Write;

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
    let edges: Vec<(String, String, String)> = flowgraph::edges(pack, s)
        .into_iter()
        .map(|e| (e.from, e.label, e.to))
        .collect();
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
