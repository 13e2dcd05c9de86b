//! The questionnaire's order: which question to ask next. A question is asked only when some
//! answer to it could still change a settlement's verdict, subclasses, benefits or (while
//! claims are open) estimate; answered questions are never asked again.
//!
//! Knows nothing of screens: it returns a question id or nothing.

use super::{evaluate_settlement, SettlementResult, Today};
use crate::answers::{Answer, Answers, US_STATES};
use crate::expr::{Expr, Target, Tri};
use crate::model::{BenefitKind, Pack, Question, QuestionKind, Settlement};
use crate::money::Cents;

/// What of a result a question's answer may change.
#[derive(PartialEq)]
struct Signature<'a> {
    verdict: super::Verdict,
    subclasses: Vec<(&'a str, super::TriState)>,
    plans: Option<&'a [super::Plan]>,
    claimant: Option<&'a super::ClaimantNote>,
    rulings: &'a [usize],
}

fn signature(r: &SettlementResult) -> Signature<'_> {
    let out = r.verdict == super::Verdict::NotMember;
    Signature {
        verdict: r.verdict,
        subclasses: if out {
            Vec::new()
        } else {
            r.subclasses
                .iter()
                .map(|s| (s.id.as_str(), s.holds))
                .collect()
        },
        // Estimates matter only to someone who may be in, while a claim can still be made.
        plans: if out || r.claims_closed {
            None
        } else {
            Some(&r.plans)
        },
        claimant: if out { None } else { r.claimant.as_ref() },
        rulings: if out { &[] } else { &r.rulings },
    }
}

/// Every question a settlement's outcome can depend on.
pub fn settlement_questions(s: &Settlement) -> Vec<String> {
    let mut qs = Vec::new();
    for r in &s.class.routes {
        r.when.questions(&mut qs);
    }
    for x in &s.class.exclusions {
        x.when.questions(&mut qs);
    }
    for c in &s.subclasses {
        c.when.questions(&mut qs);
    }
    for b in &s.benefits {
        match &b.kind {
            BenefitKind::DocumentedLosses { inputs, .. } => qs.extend(inputs.iter().cloned()),
            BenefitKind::LostTime { input, .. } => qs.push(input.clone()),
            _ => {}
        }
    }
    if let Some(q) = &s.state_question {
        qs.push(q.clone());
    }
    if s.claimants.minor.is_some() || s.claimants.deceased.is_some() {
        qs.push(crate::answers::CLAIMANT_QUESTION.into());
    }
    qs.dedup();
    qs
}

fn collect_words(e: &Expr, q: &str, words: &mut Vec<String>, orgs: &mut Vec<Target>) {
    match e {
        Expr::All(v) | Expr::Any(v) => v.iter().for_each(|x| collect_words(x, q, words, orgs)),
        Expr::Not(x) => collect_words(x, q, words, orgs),
        Expr::Cmp(id, _, crate::expr::Literal::Word(w)) if id == q => words.push(w.clone()),
        Expr::In(id, ws) if id == q => words.extend(ws.iter().cloned()),
        Expr::Includes(id, t) if id == q => orgs.push(t.clone()),
        _ => {}
    }
}

/// Answers that stand for every distinct outcome of `q` in settlement `s`.
pub fn probes(pack: &Pack, s: &Settlement, q: &Question) -> Vec<Answer> {
    let mut words = Vec::new();
    let mut targets = Vec::new();
    let exprs = s
        .class
        .routes
        .iter()
        .map(|r| &r.when)
        .chain(s.class.exclusions.iter().map(|x| &x.when))
        .chain(s.subclasses.iter().map(|c| &c.when));
    for e in exprs {
        collect_words(e, &q.id, &mut words, &mut targets);
    }
    match &q.kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::Choice { options } => options
            .iter()
            .map(|o| Answer::Choice(o.id.clone()))
            .collect(),
        QuestionKind::Organisations => {
            let mut out = vec![Answer::Orgs(Vec::new())];
            for t in targets {
                match t {
                    Target::Org(o) => out.push(Answer::Orgs(vec![o])),
                    Target::Incident(inc) => {
                        if let Some(o) = pack
                            .organisations
                            .iter()
                            .find(|o| o.incidents.contains(&inc))
                        {
                            out.push(Answer::Orgs(vec![o.id.clone()]));
                        }
                    }
                }
            }
            out
        }
        QuestionKind::State => {
            let mut out: Vec<Answer> = words.iter().map(|w| Answer::State(w.clone())).collect();
            for r in &s.rulings {
                if r.state != "ALL" {
                    out.push(Answer::State(r.state.clone()));
                }
            }
            // One state nothing mentions, and "outside the U.S.".
            if let Some(other) = US_STATES.iter().find(|st| {
                !words.iter().any(|w| w == *st) && !s.rulings.iter().any(|r| r.state == **st)
            }) {
                out.push(Answer::State(other.to_string()));
            }
            out.push(Answer::State("OUTSIDE".into()));
            out
        }
        QuestionKind::Money => vec![
            Answer::Money(Cents::ZERO),
            Answer::Money(Cents(1)),
            Answer::Money(Cents::dollars(1_000_000)),
        ],
        QuestionKind::Hours => vec![
            Answer::Quarters(0),
            Answer::Quarters(1),
            Answer::Quarters(4_000),
        ],
    }
}

/// Whether some answer to `q` could change the outcome of settlement `s`.
pub fn matters_for(
    pack: &Pack,
    s: &Settlement,
    q: &Question,
    answers: &Answers,
    today: Today,
) -> bool {
    let base = evaluate_settlement(pack, s, answers, today);
    let base_sig = signature(&base);
    let mut trial = answers.clone();
    for p in probes(pack, s, q) {
        trial.insert(q.id.clone(), p);
        let r = evaluate_settlement(pack, s, &trial, today);
        if signature(&r) != base_sig {
            return true;
        }
    }
    false
}

/// Whether the answers given already rule the person out of `s` whatever else they answer:
/// an exclusion holds, or every route into the class has failed. Three-valued logic is
/// monotone (answering a question turns `Unknown` into `True` or `False`, never `True` into
/// `False` or back), so such a settlement stays "not a member", and a "not a member" result
/// shows nothing else a question could change (`signature`): no question matters for it.
/// Checked before `matters_for`, whose trial evaluations cost far more, so that the cost of
/// choosing the next question grows with the settlements still open to the person, not with
/// the catalogue.
pub fn shut_out(s: &Settlement, answers: &Answers, orgs: &[crate::model::Organisation]) -> bool {
    s.class
        .exclusions
        .iter()
        .any(|x| x.when.eval(answers, orgs) == Tri::True)
        || s.class
            .routes
            .iter()
            .all(|r| r.when.eval(answers, orgs) == Tri::False)
}

/// Whether a question may be asked at all now (its gate is not false).
pub fn gate_open(pack: &Pack, q: &Question, answers: &Answers) -> bool {
    q.ask_if
        .as_ref()
        .is_none_or(|g| g.eval(answers, &pack.organisations) != Tri::False)
}

/// Whether asking `q` now could change some result: directly, or because it opens or closes
/// the gate of a later question that could (gates only point back, so this terminates).
pub fn relevant(pack: &Pack, q: &Question, answers: &Answers, today: Today) -> bool {
    let direct = pack.settlements.iter().any(|s| {
        !shut_out(s, answers, &pack.organisations)
            && settlement_questions(s).contains(&q.id)
            && matters_for(pack, s, q, answers, today)
    });
    direct
        || pack.questions.iter().any(|g| {
            !answers.contains_key(&g.id)
                && g.ask_if.as_ref().is_some_and(|gate| {
                    let mut deps = Vec::new();
                    gate.questions(&mut deps);
                    deps.contains(&q.id)
                })
                && relevant(pack, g, answers, today)
        })
}

/// The next question to ask, in the bank's order, or `None` when nothing asked could change
/// any result.
pub fn next_question<'p>(pack: &'p Pack, answers: &Answers, today: Today) -> Option<&'p Question> {
    pack.questions.iter().find(|q| {
        !answers.contains_key(&q.id)
            && gate_open(pack, q, answers)
            && relevant(pack, q, answers, today)
    })
}
