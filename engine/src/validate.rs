//! Whole-pack checks that need evaluation: every class route, exclusion and subclass can hold
//! for some answers, both "in" and "not a member" are reachable, and the questionnaire never
//! dead-ends (stops asking while a settlement still waits on an unasked question).
//!
//! Works on the model only; the loader turns each issue's anchor into a file position.

use crate::answers::{Answer, Answers};
use crate::eval::flow::{next_question, probes, settlement_questions};
use crate::eval::{evaluate_settlement, Reason, Today, Verdict};
use crate::expr::Tri;
use crate::model::{Pack, QuestionKind};

/// Where in a settlement an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Whole,
    Class,
    Route(usize),
    Exclusion(usize),
    Subclass(usize),
    Benefit(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub settlement: usize,
    pub anchor: Anchor,
    pub message: String,
    pub fix: String,
}

/// Most answer combinations explored per settlement.
const MAX_COMBINATIONS: usize = 200_000;
/// Most questionnaire states walked per settlement.
const MAX_WALK: usize = 50_000;

pub fn check_pack(pack: &Pack) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (si, s) in pack.settlements.iter().enumerate() {
        let today = Today::on(pack.checked_on);
        let Some(space) = answer_space(pack, s) else {
            issues.push(Issue {
                settlement: si,
                anchor: Anchor::Class,
                message: "too many answer combinations to check every outcome".into(),
                fix: "split the class conditions into fewer questions".into(),
            });
            continue;
        };
        let mut route_seen = vec![false; s.class.routes.len()];
        let mut excl_seen = vec![false; s.class.exclusions.len()];
        let mut sub_seen = vec![false; s.subclasses.len()];
        let (mut seen_in, mut seen_out) = (false, false);
        for answers in &space {
            let answers = answers.clone();
            let orgs = &pack.organisations;
            for (i, r) in s.class.routes.iter().enumerate() {
                route_seen[i] |= r.when.eval(&answers, orgs) == Tri::True;
            }
            for (i, x) in s.class.exclusions.iter().enumerate() {
                excl_seen[i] |= x.when.eval(&answers, orgs) == Tri::True;
            }
            for (i, c) in s.subclasses.iter().enumerate() {
                sub_seen[i] |= c.when.eval(&answers, orgs) == Tri::True;
            }
            let (v, _) = crate::eval::verdict::verdict(s, &answers, orgs);
            seen_in |= matches!(v, Verdict::Member | Verdict::Likely);
            seen_out |= v == Verdict::NotMember;
        }
        for (i, ok) in route_seen.iter().enumerate() {
            if !ok {
                issues.push(Issue {
                    settlement: si,
                    anchor: Anchor::Route(i),
                    message: format!(
                        "route `{}` can never hold: no answers reach it",
                        s.class.routes[i].id
                    ),
                    fix: "check its condition (an `and` of answers that exclude each other?)"
                        .into(),
                });
            }
        }
        for (i, ok) in excl_seen.iter().enumerate() {
            if !ok {
                issues.push(Issue {
                    settlement: si,
                    anchor: Anchor::Exclusion(i),
                    message: format!("exclusion `{}` can never apply", s.class.exclusions[i].id),
                    fix: "check its condition".into(),
                });
            }
        }
        for (i, ok) in sub_seen.iter().enumerate() {
            if !ok {
                issues.push(Issue {
                    settlement: si,
                    anchor: Anchor::Subclass(i),
                    message: format!("subclass `{}` can never hold", s.subclasses[i].id),
                    fix: "check its condition".into(),
                });
            }
        }
        if !seen_in {
            issues.push(Issue { settlement: si, anchor: Anchor::Class, message: "no answers make anyone a member or likely member".into(), fix: "give the class a route with level \"member\" or \"likely\" that some answers satisfy".into() });
        }
        if !seen_out {
            issues.push(Issue {
                settlement: si,
                anchor: Anchor::Class,
                message: "no answers lead to \"not a member\": the class would take everyone"
                    .into(),
                fix: "make the routes depend on who sent the notice (or another answer)".into(),
            });
        }

        // Walk the questionnaire for this settlement alone with definite answers.
        let mut reported = false;
        walk_flow(pack, s, today, &mut |answers, next| {
            if next.is_some() || reported {
                return;
            }
            let r = evaluate_settlement(pack, s, answers, today);
            let waiting: Vec<String> = r
                .reasons
                .iter()
                .flat_map(|x| match x {
                    Reason::Missing { questions, .. }
                    | Reason::ExclusionUnknown { questions, .. } => questions.clone(),
                    _ => Vec::new(),
                })
                .filter(|q| !answers.contains_key(q))
                .collect();
            if !waiting.is_empty() {
                issues.push(Issue {
                    settlement: si,
                    anchor: Anchor::Class,
                    message: format!("the questionnaire dead-ends: it stops while the verdict still waits on {}", waiting.join(", ")),
                    fix: "check the `ask_if` of those questions in questions.toml: they can never be asked here".into(),
                });
                reported = true;
            }
        });
    }
    issues
}

/// Every combination of answers (including "unanswered") to the questions that decide a
/// settlement's membership and subclasses; `None` when there are too many to list.
pub fn answer_space(pack: &Pack, s: &crate::model::Settlement) -> Option<Vec<Answers>> {
    let qs: Vec<&crate::model::Question> = settlement_questions(s)
        .iter()
        .filter_map(|q| pack.question(q))
        .filter(|q| !matches!(q.kind, QuestionKind::Money | QuestionKind::Hours))
        .collect();
    let domains: Vec<Vec<Option<Answer>>> = qs
        .iter()
        .map(|q| {
            std::iter::once(None)
                .chain(probes(pack, s, q).into_iter().map(Some))
                .collect()
        })
        .collect();
    let total = domains
        .iter()
        .try_fold(1usize, |acc, d| acc.checked_mul(d.len()))?;
    if total > MAX_COMBINATIONS {
        return None;
    }
    let mut out = Vec::with_capacity(total);
    for n in 0..total {
        let mut answers = Answers::new();
        let mut k = n;
        for (q, d) in qs.iter().zip(&domains) {
            if let Some(a) = &d[k % d.len()] {
                answers.insert(q.id.clone(), a.clone());
            }
            k /= d.len();
        }
        out.push(answers);
    }
    Some(out)
}

/// Walks the questionnaire for one settlement alone, trying every definite answer to each
/// question asked; `visit` sees each state and the question asked next (`None` at the end).
pub fn walk_flow(
    pack: &Pack,
    s: &crate::model::Settlement,
    today: Today,
    visit: &mut dyn FnMut(&Answers, Option<&crate::model::Question>),
) {
    let solo = Pack {
        settlements: vec![s.clone()],
        ..pack.clone()
    };
    let mut stack = vec![Answers::new()];
    let mut walked = 0;
    while let Some(answers) = stack.pop() {
        walked += 1;
        if walked > MAX_WALK {
            break;
        }
        let next = next_question(&solo, &answers, today);
        visit(&answers, next);
        if let Some(q) = next {
            for p in probes(&solo, s, q) {
                let mut a = answers.clone();
                a.insert(q.id.clone(), p);
                stack.push(a);
            }
        }
    }
}
