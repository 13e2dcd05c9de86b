//! The question flow of one settlement as plain data: every edge "after this answer to this
//! question, ask that question (or reach that verdict)". The CLI prints it as Mermaid or DOT and
//! the rule studio draws it as SVG; both use this one walk.
//!
//! Knows the evaluator and the validator's flow walk; knows nothing of text formats or drawing.

use crate::answers::{Answer, Answers};
use crate::eval::{evaluate_settlement, Today};
use crate::model::{Pack, Settlement};
use crate::validate::walk_flow;
use std::collections::BTreeSet;

/// One edge of the flow. `from` is a question id or `start`; `to` is a question id or
/// `verdict_<code>`; `label` is the answer that leads along it (empty from `start`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Edge {
    pub from: String,
    pub label: String,
    pub to: String,
}

/// An answer in a few plain words, for edge labels and examples.
pub fn answer_words(a: &Answer) -> String {
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

/// Every edge of `s`'s questionnaire on the pack's own date, sorted and without repeats.
pub fn edges(pack: &Pack, s: &Settlement) -> Vec<Edge> {
    let today = Today::on(pack.checked_on);
    let mut out: BTreeSet<Edge> = BTreeSet::new();
    walk_flow(pack, s, today, &mut |answers: &Answers, next| {
        // The edge into this state: from the last question answered.
        let to = match next {
            Some(q) => q.id.clone(),
            None => format!(
                "verdict_{}",
                evaluate_settlement(pack, s, answers, today).verdict.code()
            ),
        };
        let (from, label) = pack
            .questions
            .iter()
            .rev()
            .find(|q| answers.contains_key(&q.id))
            .map(|q| (q.id.clone(), answer_words(&answers[&q.id])))
            .unwrap_or_else(|| ("start".into(), String::new()));
        out.insert(Edge { from, label, to });
    });
    out.into_iter().collect()
}
