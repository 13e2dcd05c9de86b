//! Benefit plans and worked estimates: which combinations a member may choose, and what each
//! would pay from the person's amounts and hours, caps applied step by step, in integer cents.
//!
//! Pro-rata cash gets a range for claims rates of 4% to 9% (FTC study of 149 settlements) only
//! when the fund, the class size and the other benefits are all sourced; otherwise "depends".
//! Knows nothing of verdict reasons or deadlines.

use crate::answers::{Answer, Answers};
use crate::expr::Tri;
use crate::fact::Fact;
use crate::model::{Benefit, BenefitKind, Combo, Settlement, Window};
use crate::money::Cents;
use serde::{Deserialize, Serialize};

/// Claims-rate range for pro-rata estimates, in percent (FTC: weighted mean 4%, median 9%).
pub const CLAIMS_RATES: [u32; 2] = [4, 9];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Step {
    /// An amount the person gave for a loss question.
    Input {
        question: String,
        amount: Cents,
    },
    /// Hours given, counted in the settlement's steps and limit, times the rate.
    Hours {
        given_quarters: u32,
        counted_quarters: u32,
        max_hours: u32,
        rate: Cents,
        amount: Cents,
    },
    /// Lost time added into this benefit's cap.
    AddedLostTime {
        from: String,
        amount: Cents,
    },
    Sum {
        amount: Cents,
    },
    Capped {
        before: Cents,
        cap: Cents,
        after: Cents,
    },
    /// Losses must fall in this window to count.
    Window {
        from: crate::date::Date,
        to: Option<crate::date::Date>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Estimate {
    /// A service, not money (monitoring, restoration, enrollment).
    NotMoney,
    Amount {
        amount: Cents,
        steps: Vec<Step>,
    },
    /// A published "about" figure that may rise or fall.
    About {
        amount: Cents,
    },
    /// Pro rata with sourced inputs: per-person range at the claims rates.
    Range {
        low: Cents,
        high: Cents,
        net_fund: Cents,
        class_size: u64,
    },
    /// Pro rata without the sourced inputs: "depends on how many people claim".
    Depends,
    /// A cap, rate or amount the computation needs is not confirmed by our sources.
    Unverified,
    /// The person gave no amount or hours for it.
    NoInput,
    /// Counted inside another benefit's cap (lost time inside documented losses).
    FoldedInto {
        benefit: String,
        amount: Cents,
    },
    /// Only for a subclass the person is not (or may not be) in.
    Subclass {
        subclass: String,
        holds: TriState,
    },
}

impl Estimate {
    /// The scenario-file spelling of an amount, if it has one.
    pub fn code(&self) -> Option<String> {
        match self {
            Estimate::Amount { amount, .. } | Estimate::About { amount } => {
                Some(amount.to_string())
            }
            Estimate::FoldedInto { amount, .. } => Some(amount.to_string()),
            Estimate::Depends => Some("depends".into()),
            Estimate::Unverified => Some("unverified".into()),
            Estimate::NotMoney => Some("service".into()),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriState {
    Yes,
    No,
    Unknown,
}

impl From<Tri> for TriState {
    fn from(t: Tri) -> TriState {
        match t {
            Tri::True => TriState::Yes,
            Tri::False => TriState::No,
            Tri::Unknown => TriState::Unknown,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub benefit: String,
    pub estimate: Estimate,
}

/// One way to claim: a set of benefits the person may take together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub items: Vec<PlanItem>,
    /// Sum of the amounts computed (Amount and About only).
    pub total: Cents,
    /// A combined cap applied to the plan, if any: (cap id, before, after).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combined_cap: Option<(String, Cents, Cents)>,
}

/// Every plan the combination allows, each as a list of benefit ids.
pub fn plan_sets(c: &Combo) -> Vec<Vec<String>> {
    match c {
        Combo::Benefit(b) => vec![vec![b.clone()]],
        Combo::Group(_, inner) => plan_sets(inner),
        // Unknown: each part on its own, never presented as a choice the sources state.
        Combo::OneOf(v) | Combo::Unknown(v) => v.iter().flat_map(plan_sets).collect(),
        // and/or: taking every part is never worse, so the plan holds them all.
        Combo::AllOf(v) | Combo::AnyOf(v) => {
            let mut acc: Vec<Vec<String>> = vec![Vec::new()];
            for child in v {
                let sub = plan_sets(child);
                let mut next = Vec::new();
                for a in &acc {
                    for s in &sub {
                        let mut x = a.clone();
                        x.extend(s.iter().cloned());
                        next.push(x);
                    }
                }
                acc = next;
            }
            acc
        }
    }
}

fn money_answer(answers: &Answers, q: &str) -> Option<Cents> {
    match answers.get(q) {
        Some(Answer::Money(c)) => Some(*c),
        _ => None,
    }
}

/// The lost-time computation: hours rounded down to the step, limited, times the rate.
fn lost_time(kind: &BenefitKind, answers: &Answers) -> Option<Result<(Cents, Step), Estimate>> {
    let BenefitKind::LostTime {
        rate,
        max_hours,
        step_minutes,
        input,
        ..
    } = kind
    else {
        return None;
    };
    let given = match answers.get(input) {
        Some(Answer::Quarters(q)) => *q,
        _ => return Some(Err(Estimate::NoInput)),
    };
    let (Some(rate), Some(max)) = (rate.value(), max_hours.value()) else {
        return Some(Err(Estimate::Unverified));
    };
    let per_step = (*step_minutes / 15).max(1);
    let stepped = given / per_step * per_step;
    let counted = stepped.min(max.saturating_mul(4));
    let amount = Cents(rate.0.saturating_mul(counted as i64) / 4);
    Some(Ok((
        amount,
        Step::Hours {
            given_quarters: given,
            counted_quarters: counted,
            max_hours: *max,
            rate: *rate,
            amount,
        },
    )))
}

fn pro_rata(s: &Settlement, published: &Option<Fact<Cents>>) -> Estimate {
    if let Some(f) = &s.fund {
        if let (Some(fund), Some(size), true) = (
            s.case.fund.value(),
            f.class_size.as_ref().and_then(|c| c.value()),
            f.other_benefits_sourced,
        ) {
            let mut net = *fund;
            for d in &f.deductions {
                match d.amount.value() {
                    Some(a) => net = net.saturating_sub(*a),
                    None => return Estimate::Depends,
                }
            }
            if *size > 0 {
                let per = |rate: u32| {
                    Cents(((net.0 as i128 * 100) / (*size as i128 * rate as i128)) as i64)
                };
                return Estimate::Range {
                    low: per(CLAIMS_RATES[1]),
                    high: per(CLAIMS_RATES[0]),
                    net_fund: net,
                    class_size: *size,
                };
            }
        }
    }
    match published.as_ref().and_then(|p| p.value()) {
        Some(a) => Estimate::About { amount: *a },
        None => Estimate::Depends,
    }
}

/// Estimates for each plan; `subclass` tells whether a subclass holds for the person.
pub fn plans(s: &Settlement, answers: &Answers, subclass: &dyn Fn(&str) -> Tri) -> Vec<Plan> {
    let Some(combo) = &s.combine else {
        return Vec::new();
    };
    plan_sets(combo)
        .into_iter()
        .map(|set| plan(s, &set, answers, subclass))
        .collect()
}

fn plan(s: &Settlement, set: &[String], answers: &Answers, subclass: &dyn Fn(&str) -> Tri) -> Plan {
    let mut items = Vec::new();
    let mut total = Cents::ZERO;
    for id in set {
        let Some(b) = s.benefit(id) else { continue };
        let estimate = match outside_subclass(b, subclass) {
            Some(e) => e,
            None => estimate(s, set, id, b, answers),
        };
        if let Estimate::Amount { amount, .. } | Estimate::About { amount } = &estimate {
            total = total.saturating_add(*amount);
        }
        items.push(PlanItem {
            benefit: id.clone(),
            estimate,
        });
    }
    let (total, combined_cap) = apply_combined_caps(s, &items, total);
    Plan {
        items,
        total,
        combined_cap,
    }
}

/// `Estimate::Subclass` when the benefit is only for a subclass that does not surely hold.
fn outside_subclass(b: &Benefit, subclass: &dyn Fn(&str) -> Tri) -> Option<Estimate> {
    let sc = b.only_for.as_ref()?;
    let t = subclass(sc);
    (t != Tri::True).then(|| Estimate::Subclass {
        subclass: sc.clone(),
        holds: t.into(),
    })
}

/// What benefit `id` (`b`) would pay within the plan `set`, by its kind.
fn estimate(s: &Settlement, set: &[String], id: &str, b: &Benefit, answers: &Answers) -> Estimate {
    match &b.kind {
        BenefitKind::Monitoring { .. } | BenefitKind::Service | BenefitKind::Enrollment => {
            Estimate::NotMoney
        }
        BenefitKind::FlatCash {
            amount,
            approximate,
        } => match amount.value() {
            Some(a) if *approximate => Estimate::About { amount: *a },
            Some(a) => Estimate::Amount {
                amount: *a,
                steps: Vec::new(),
            },
            None => Estimate::Unverified,
        },
        BenefitKind::StatutoryAward { amount } => match amount.value() {
            Some(a) => Estimate::Amount {
                amount: *a,
                steps: Vec::new(),
            },
            None => Estimate::Unverified,
        },
        BenefitKind::ProRataCash { amount } => pro_rata(s, amount),
        BenefitKind::LostTime { counts_toward, .. } => match lost_time(&b.kind, answers) {
            Some(Ok((amount, step))) => match counts_toward {
                Some(t) if set.contains(t) => Estimate::FoldedInto {
                    benefit: t.clone(),
                    amount,
                },
                _ => Estimate::Amount {
                    amount,
                    steps: vec![step],
                },
            },
            Some(Err(e)) => e,
            None => Estimate::Unverified,
        },
        BenefitKind::DocumentedLosses {
            cap,
            inputs,
            window,
        } => documented_losses(s, set, id, cap, inputs, window, answers),
    }
}

/// Documented losses for benefit `id`: the amounts given for its inputs plus lost time in the
/// plan that counts toward it, then its cap.
fn documented_losses(
    s: &Settlement,
    set: &[String],
    id: &str,
    cap: &Fact<Cents>,
    inputs: &[String],
    window: &Option<Window>,
    answers: &Answers,
) -> Estimate {
    let mut steps = Vec::new();
    let mut sum = Cents::ZERO;
    let mut any = false;
    for q in inputs {
        if let Some(a) = money_answer(answers, q) {
            any = true;
            sum = sum.saturating_add(a);
            steps.push(Step::Input {
                question: q.clone(),
                amount: a,
            });
        }
    }
    if add_folded_lost_time(s, set, id, answers, &mut steps, &mut sum) {
        any = true;
    }
    if let Some(w) = window {
        steps.push(Step::Window {
            from: w.from,
            to: w.to,
        });
    }
    if !any {
        return Estimate::NoInput;
    }
    steps.push(Step::Sum { amount: sum });
    match cap.value() {
        Some(c) => {
            let after = sum.min(*c);
            if after < sum {
                steps.push(Step::Capped {
                    before: sum,
                    cap: *c,
                    after,
                });
            }
            Estimate::Amount {
                amount: after,
                steps,
            }
        }
        None => Estimate::Unverified,
    }
}

/// Adds to `sum` (with its steps) the lost time that counts toward benefit `id`, when it is in
/// the same plan; true when any was added.
fn add_folded_lost_time(
    s: &Settlement,
    set: &[String],
    id: &str,
    answers: &Answers,
    steps: &mut Vec<Step>,
    sum: &mut Cents,
) -> bool {
    let mut any = false;
    for other in &s.benefits {
        if let BenefitKind::LostTime {
            counts_toward: Some(t),
            ..
        } = &other.kind
        {
            if t == id && set.contains(&other.id) {
                if let Some(Ok((amount, step))) = lost_time(&other.kind, answers) {
                    any = true;
                    steps.push(step);
                    steps.push(Step::AddedLostTime {
                        from: other.id.clone(),
                        amount,
                    });
                    *sum = sum.saturating_add(amount);
                }
            }
        }
    }
    any
}

/// Combined caps over benefits in this plan: the total after cutting what each cap exceeds,
/// and the last cap that cut (its id, the amount it covered and its limit).
fn apply_combined_caps(
    s: &Settlement,
    items: &[PlanItem],
    mut total: Cents,
) -> (Cents, Option<(String, Cents, Cents)>) {
    let mut combined_cap = None;
    for cap in &s.caps {
        let Some(limit) = cap.amount.value() else {
            continue;
        };
        let covered: Cents = items
            .iter()
            .filter(|i| cap.covers.contains(&i.benefit))
            .filter_map(|i| match &i.estimate {
                Estimate::Amount { amount, .. } => Some(*amount),
                _ => None,
            })
            .fold(Cents::ZERO, |a, b| a.saturating_add(b));
        if covered > *limit {
            let cut = covered.saturating_sub(*limit);
            total = total.saturating_sub(cut);
            combined_cap = Some((cap.id.clone(), covered, *limit));
        }
    }
    (total, combined_cap)
}
