//! Scenario tests written beside each settlement's rules: answers + today -> expected verdict,
//! subclasses, deadline states, estimates, plan count, rulings, next question, and which dated
//! texts apply (guidance) with how the sourced status may be shown.
//!
//! Knows the evaluator's results, nothing of TOML (the loader builds scenarios).

use crate::answers::Answers;
use crate::date::Date;
use crate::eval::benefits::TriState;
use crate::eval::{evaluate_settlement, flow, Today};
use crate::model::{BenefitKind, Pack};
use crate::names::Named;

#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    pub verdict: Option<String>,
    pub subclasses: Option<Vec<String>>,
    pub deadlines: Vec<(String, String)>,
    pub benefits: Vec<(String, String)>,
    pub options: Option<i64>,
    pub rulings: Option<i64>,
    /// Loss windows by benefit id: "FROM..TO", "FROM.." or "none".
    pub windows: Vec<(String, String)>,
    /// Rulings shown, counted by outcome code (survived | dismissed | abandoned | mixed).
    pub outcomes: Vec<(String, i64)>,
    pub next: Option<String>,
    /// next_steps | after_close | both
    pub guidance: Option<String>,
    /// current | as_of | hidden
    pub status: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub settlement: String,
    pub name: String,
    pub file: String,
    pub line: usize,
    pub today: Date,
    pub answers: Answers,
    pub expect: Expect,
}

/// Runs one scenario; returns a line per unmet expectation (empty when it passes).
pub fn run(pack: &Pack, sc: &Scenario) -> Vec<String> {
    let Some(s) = pack.settlement(&sc.settlement) else {
        return vec![format!("no settlement `{}`", sc.settlement)];
    };
    let today = Today::on(sc.today);
    let r = evaluate_settlement(pack, s, &sc.answers, today);
    let mut fails = Vec::new();
    if let Some(v) = &sc.expect.verdict {
        if r.verdict.code() != v {
            fails.push(format!("verdict: expected {v}, got {}", r.verdict.code()));
        }
    }
    if let Some(subs) = &sc.expect.subclasses {
        let got: Vec<&str> = r
            .subclasses
            .iter()
            .filter(|x| x.holds == TriState::Yes)
            .map(|x| x.id.as_str())
            .collect();
        let mut want: Vec<&str> = subs.iter().map(|s| s.as_str()).collect();
        want.sort();
        let mut g = got.clone();
        g.sort();
        if g != want {
            fails.push(format!("subclasses: expected {want:?}, got {got:?}"));
        }
    }
    for (kind, want) in &sc.expect.deadlines {
        let got = s
            .deadlines
            .iter()
            .zip(&r.deadlines)
            .find(|(d, _)| d.kind.name() == kind)
            .map(|(_, x)| x.state.code());
        match got {
            Some(g) if &g == want => {}
            Some(g) => fails.push(format!("deadline {kind}: expected {want}, got {g}")),
            None => fails.push(format!(
                "deadline {kind}: the settlement has no such deadline"
            )),
        }
    }
    for (benefit, want) in &sc.expect.benefits {
        // The best plan containing the benefit: its estimate there.
        let got: Vec<String> = r
            .plans
            .iter()
            .flat_map(|p| p.items.iter())
            .filter(|i| &i.benefit == benefit)
            .filter_map(|i| i.estimate.code())
            .collect();
        let want_norm = if ["depends", "unverified", "service"].contains(&want.as_str()) {
            want.clone()
        } else {
            crate::money::Cents::parse(want)
                .map(|c| c.to_string())
                .unwrap_or(want.clone())
        };
        if !got.contains(&want_norm) {
            fails.push(format!(
                "benefit {benefit}: expected {want_norm}, got {}",
                if got.is_empty() {
                    "no amount".to_string()
                } else {
                    got.join(" / ")
                }
            ));
        }
    }
    if let Some(n) = sc.expect.options {
        if r.plans.len() as i64 != n {
            fails.push(format!("options: expected {n}, got {}", r.plans.len()));
        }
    }
    if let Some(n) = sc.expect.rulings {
        if r.rulings.len() as i64 != n {
            fails.push(format!("rulings: expected {n}, got {}", r.rulings.len()));
        }
    }
    for (id, want) in &sc.expect.windows {
        let got = match s.benefit(id).map(|b| &b.kind) {
            Some(BenefitKind::DocumentedLosses { window, .. }) => match window {
                Some(w) => format!(
                    "{}..{}",
                    w.from,
                    w.to.map(|t| t.to_string()).unwrap_or_default()
                ),
                None => "none".to_string(),
            },
            _ => "not a documented-losses benefit".to_string(),
        };
        if &got != want {
            fails.push(format!("window {id}: expected {want}, got {got}"));
        }
    }
    for (code, n) in &sc.expect.outcomes {
        let got = r
            .rulings
            .iter()
            .filter_map(|i| s.rulings.get(*i))
            .filter(|ru| ru.outcome.name() == code)
            .count() as i64;
        if got != *n {
            fails.push(format!("rulings {code}: expected {n}, got {got}"));
        }
    }
    if let Some(g) = &sc.expect.guidance {
        if r.guidance.code() != g {
            fails.push(format!("guidance: expected {g}, got {}", r.guidance.code()));
        }
    }
    if let Some(v) = &sc.expect.status {
        if r.status.code() != v {
            fails.push(format!("status: expected {v}, got {}", r.status.code()));
        }
    }
    if let Some(next) = &sc.expect.next {
        // The next question for this settlement alone.
        let solo = Pack {
            settlements: vec![s.clone()],
            ..pack.clone()
        };
        let got = flow::next_question(&solo, &sc.answers, today)
            .map(|q| q.id.as_str())
            .unwrap_or("none");
        if got != next {
            fails.push(format!("next question: expected {next}, got {got}"));
        }
    }
    fails
}
