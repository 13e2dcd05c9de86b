//! Evaluation: `evaluate(pack, answers, today)` gives every settlement its verdict with reasons,
//! subclasses, benefit plans with worked estimates, deadline states, rulings for the person's
//! state, the evidence to gather, and which dated texts apply today; `next_question` says what
//! to ask next.
//!
//! Pure functions of (pack, answers, today): no clock, no I/O, no browser.

pub mod benefits;
pub mod deadline;
pub mod flow;
pub mod guidance;
pub mod verdict;

use crate::answers::{claimant, Answer, Answers, Claimant};
use crate::expr::Tri;
use crate::fact::Fact;
use crate::model::{Pack, Settlement};
pub use benefits::{Estimate, Plan, PlanItem, Step, TriState};
pub use deadline::{DeadlineState, Today};
pub use guidance::{Guidance, StatusView};
use serde::{Deserialize, Serialize};
pub use verdict::{Reason, Verdict};

/// How many days after the pack's date the app warns that details may have changed.
pub const STALE_AFTER_DAYS: i64 = 90;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub today: Today,
    /// The facts are more than 90 days older than today.
    pub stale: bool,
    pub settlements: Vec<SettlementResult>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubclassResult {
    pub id: String,
    pub holds: TriState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineResult {
    /// Index into the settlement's deadlines.
    pub index: usize,
    pub state: DeadlineState,
}

/// Who may claim for someone else, when the person checks for a child or someone who died.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimantNote {
    pub who: Claimant,
    /// Some(true/false) when a source says; None when unverified or not stated.
    pub allowed: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettlementResult {
    pub id: String,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    pub subclasses: Vec<SubclassResult>,
    pub plans: Vec<Plan>,
    pub deadlines: Vec<DeadlineResult>,
    /// The claim deadline has passed everywhere (estimates then matter only as history).
    pub claims_closed: bool,
    /// Which of `next_steps` and `after_close` apply today.
    pub guidance: Guidance,
    /// How the sourced status (as of the pack's date) may be shown beside the deadline state.
    pub status: StatusView,
    pub claimant: Option<ClaimantNote>,
    /// The person's state as answered, and indexes of the rulings that apply to it (and "ALL").
    pub ruling_state: Option<String>,
    pub rulings: Vec<usize>,
    /// Evidence to gather for the benefits that may apply, without repeats: (benefit index,
    /// evidence index) into the settlement's benefits.
    pub evidence: Vec<(usize, usize)>,
    pub needs_notice_id: bool,
}

/// Evaluates one settlement.
pub fn evaluate_settlement(
    pack: &Pack,
    s: &Settlement,
    answers: &Answers,
    today: Today,
) -> SettlementResult {
    let orgs = &pack.organisations;
    let (verdict, reasons) = verdict::verdict(s, answers, orgs);
    let sub_tri: Vec<(String, Tri)> = s
        .subclasses
        .iter()
        .map(|c| (c.id.clone(), c.when.eval(answers, orgs)))
        .collect();
    let subclass = |id: &str| {
        sub_tri
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| *t)
            .unwrap_or(Tri::Unknown)
    };
    // Benefits matter only to someone who may be in the class.
    let plans = if verdict == Verdict::NotMember {
        Vec::new()
    } else {
        benefits::plans(s, answers, &subclass)
    };
    let mut states: Vec<DeadlineState> = s
        .deadlines
        .iter()
        .map(|d| deadline::state(d, today))
        .collect();
    deadline::settle_unknown_before_hearing(&s.deadlines, &mut states);
    let deadlines: Vec<DeadlineResult> = states
        .into_iter()
        .enumerate()
        .map(|(index, state)| DeadlineResult { index, state })
        .collect();
    let claims_closed = s.deadlines.iter().zip(&deadlines).any(|(d, r)| {
        d.kind == crate::model::DeadlineKind::Claim
            && matches!(r.state, DeadlineState::Closed { .. })
    });
    let (guidance, status) = guidance::decide(s, &deadlines, today.date, pack.checked_on);
    let claimant = claimant(answers).map(|who| {
        let fact: &Option<Fact<bool>> = match who {
            Claimant::Minor => &s.claimants.minor,
            Claimant::Deceased => &s.claimants.deceased,
        };
        ClaimantNote {
            who,
            allowed: fact.as_ref().and_then(|f| f.value().copied()),
        }
    });
    let ruling_state = s
        .state_question
        .as_ref()
        .and_then(|q| match answers.get(q) {
            Some(Answer::State(st)) => Some(st.clone()),
            _ => None,
        });
    let rulings = s
        .rulings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.state == "ALL" || ruling_state.as_deref() == Some(r.state.as_str()))
        .map(|(i, _)| i)
        .collect();
    let mut evidence: Vec<(usize, usize)> = Vec::new();
    let mut needs_notice_id = false;
    if verdict != Verdict::NotMember {
        for (bi, b) in s.benefits.iter().enumerate() {
            if b.only_for
                .as_deref()
                .is_some_and(|sc| subclass(sc) == Tri::False)
            {
                continue;
            }
            needs_notice_id |= b.needs_notice_id;
            for (ei, e) in b.evidence.iter().enumerate() {
                let seen = evidence
                    .iter()
                    .any(|(b2, e2)| &s.benefits[*b2].evidence[*e2] == e);
                if !seen {
                    evidence.push((bi, ei));
                }
            }
        }
    }
    SettlementResult {
        id: s.id.clone(),
        verdict,
        reasons,
        subclasses: sub_tri
            .into_iter()
            .map(|(id, t)| SubclassResult {
                id,
                holds: t.into(),
            })
            .collect(),
        plans,
        deadlines,
        claims_closed,
        guidance,
        status,
        claimant,
        ruling_state,
        rulings,
        evidence,
        needs_notice_id,
    }
}

/// Evaluates every settlement in the pack.
pub fn evaluate(pack: &Pack, answers: &Answers, today: Today) -> Results {
    Results {
        today,
        stale: pack.checked_on.days_until(today.date) > STALE_AFTER_DAYS,
        settlements: pack
            .settlements
            .iter()
            .map(|s| evaluate_settlement(pack, s, answers, today))
            .collect(),
    }
}
