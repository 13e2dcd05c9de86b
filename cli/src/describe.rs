//! Plain-text rendering of evaluation results for rule authors (English only).
//!
//! Knows the engine's result types; nothing of files.

use claimcheck_engine::answers::Answers;
use claimcheck_engine::eval::{
    DeadlineState, Estimate, Reason, Results, SettlementResult, Step, Verdict,
};
use claimcheck_engine::fact::Fact;
use claimcheck_engine::model::{DeadlineKind, Pack, Settlement};
use std::fmt::Write;

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Member => "member",
        Verdict::Likely => "likely member",
        Verdict::NotMember => "not a member",
        Verdict::CantTell => "can't tell yet",
    }
}

fn kind_words(k: DeadlineKind) -> &'static str {
    match k {
        DeadlineKind::Claim => "claim",
        DeadlineKind::OptOut => "opt out",
        DeadlineKind::Objection => "objection",
        DeadlineKind::FinalHearing => "final approval hearing",
        DeadlineKind::Enrollment => "enrollment",
    }
}

pub fn results(pack: &Pack, answers: &Answers, r: &Results) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Facts as of {}; today {}{}",
        pack.checked_on,
        r.today.date,
        if r.stale {
            " (facts may be out of date)"
        } else {
            ""
        }
    );
    let _ = writeln!(o, "Answers: {}", answers.len());
    let mut out_list = Vec::new();
    for sr in &r.settlements {
        let Some(s) = pack.settlement(&sr.id) else {
            continue;
        };
        if sr.verdict == Verdict::NotMember {
            out_list.push(s.name.clone());
            continue;
        }
        settlement(&mut o, s, sr);
    }
    if !out_list.is_empty() {
        let _ = writeln!(o, "\nNot a member of: {}", out_list.join("; "));
    }
    o
}

/// One settlement the person may belong to: verdict, reasons, subclasses, deadlines, options
/// and rulings.
fn settlement(o: &mut String, s: &Settlement, sr: &SettlementResult) {
    let _ = writeln!(o, "\n== {} [{}]", s.name, s.id);
    let _ = writeln!(o, "   verdict: {}", verdict_words(sr.verdict));
    for reason in &sr.reasons {
        if let Some(l) = reason_line(s, reason) {
            let _ = writeln!(o, "   - {l}");
        }
    }
    for sub in &sr.subclasses {
        let _ = writeln!(o, "   subclass {}: {:?}", sub.id, sub.holds);
    }
    for d in &sr.deadlines {
        let Some(dl) = s.deadlines.get(d.index) else {
            continue;
        };
        let when = match &dl.date {
            Fact::Known { main, .. } => main.value.to_string(),
            Fact::Unverified { .. } => "(no date in our sources)".into(),
        };
        // A hearing is an event, not a deadline: it is "in N days" or "held", never "open".
        let hearing = dl.kind == DeadlineKind::FinalHearing;
        let state = deadline_state(&d.state, hearing);
        let what = if hearing { "" } else { " deadline" };
        let _ = writeln!(o, "   {}{what} {when}: {state}", kind_words(dl.kind));
    }
    for (i, p) in sr.plans.iter().enumerate() {
        let _ = writeln!(o, "   option {}: total {}", i + 1, p.total);
        for item in &p.items {
            let name = s
                .benefit(&item.benefit)
                .map(|b| b.name.en.clone())
                .unwrap_or(item.benefit.clone());
            let est = estimate_words(&item.estimate);
            let _ = writeln!(o, "     - {name}: {est}");
        }
    }
    for i in &sr.rulings {
        if let Some(ru) = s.rulings.get(*i) {
            let _ = writeln!(
                o,
                "   ruling ({}): {} — {:?}",
                ru.state, ru.claim.en, ru.outcome
            );
        }
    }
}

/// A verdict reason in words, or `None` when it points at no route or exclusion of `s`.
fn reason_line(s: &Settlement, reason: &Reason) -> Option<String> {
    match reason {
        Reason::RouteMet { route } | Reason::Possible { route } => {
            s.class.routes.get(*route).map(|x| x.reason.en.clone())
        }
        Reason::Missing { route, questions } => s
            .class
            .routes
            .get(*route)
            .map(|x| format!("waiting on {} ({})", questions.join(", "), x.id)),
        Reason::Excluded { exclusion } => s
            .class
            .exclusions
            .get(*exclusion)
            .map(|x| x.reason.en.clone()),
        Reason::ExclusionUnknown {
            exclusion,
            questions,
        } => s.class.exclusions.get(*exclusion).map(|x| {
            format!(
                "might be excluded ({}): answer {}",
                x.id,
                questions.join(", ")
            )
        }),
        Reason::RouteNotMet { route } => s
            .class
            .routes
            .get(*route)
            .map(|x| format!("not met: {}", x.id)),
        Reason::NotCertified => Some("no class has been certified yet: putative member".into()),
        Reason::DefinitionUnverified => {
            Some("the exact class wording is not confirmed by our sources".into())
        }
    }
}

/// A deadline's state in words; a `hearing` is an event, so it reads "in N days" or "today".
fn deadline_state(state: &DeadlineState, hearing: bool) -> String {
    match (state, hearing) {
        (DeadlineState::Open { days_left }, false) => {
            format!("open, {days_left} days left")
        }
        (DeadlineState::Open { days_left }, true) => format!("in {days_left} days"),
        (DeadlineState::LastDay, false) => "last day".into(),
        (DeadlineState::LastDay, true) => "today".into(),
        (DeadlineState::Closed { on }, false) => format!("closed on {on}"),
        (DeadlineState::Closed { on }, true) => format!("date passed ({on})"),
        (DeadlineState::NotOpenYet { opens }, _) => format!("not open yet (opens {opens})"),
        (DeadlineState::ClosedBeforeHearing { hearing }, _) => {
            format!("closed, before the hearing of {hearing} (exact date unknown)")
        }
        (DeadlineState::ProbablyClosed { claims_closed }, _) => {
            format!("most likely over: claims closed on {claims_closed} (exact date unknown)")
        }
        (DeadlineState::Unknown, _) => "not confirmed by our sources".into(),
    }
}

/// A benefit's estimate in words, with its worked steps when it has any.
fn estimate_words(estimate: &Estimate) -> String {
    match estimate {
        Estimate::NotMoney => "a service".to_string(),
        Estimate::Amount { amount, steps } => {
            let st: Vec<String> = steps.iter().map(step_words).collect();
            if st.is_empty() {
                amount.to_string()
            } else {
                format!("{amount} ({})", st.join("; "))
            }
        }
        Estimate::About { amount } => format!("about {amount} (may rise or fall)"),
        Estimate::Range { low, high, .. } => {
            format!("{low} to {high} (claims rates 9% to 4%)")
        }
        Estimate::Depends => "depends on how many people claim".into(),
        Estimate::Unverified => "amount not confirmed by our sources".into(),
        Estimate::NoInput => "no amount given".into(),
        Estimate::FoldedInto { benefit, amount } => {
            format!("{amount}, counted inside {benefit}")
        }
        Estimate::Subclass { subclass, holds } => {
            format!("only for subclass {subclass} ({holds:?})")
        }
    }
}

/// One worked step of an estimate in words.
fn step_words(step: &Step) -> String {
    match step {
        Step::Input { question, amount } => format!("{question} {amount}"),
        Step::Hours {
            given_quarters,
            counted_quarters,
            rate,
            amount,
            ..
        } => {
            format!(
                "{} h given, {} h counted x {rate} = {amount}",
                *given_quarters as f64 / 4.0,
                *counted_quarters as f64 / 4.0
            )
        }
        Step::AddedLostTime { amount, .. } => {
            format!("+ lost time {amount}")
        }
        Step::Sum { amount } => format!("= {amount}"),
        Step::Capped { cap, after, .. } => {
            format!("capped at {cap} -> {after}")
        }
        Step::Window { from, to } => format!(
            "losses {from} to {}",
            to.map(|t| t.to_string())
                .unwrap_or("the claim deadline".into())
        ),
    }
}
