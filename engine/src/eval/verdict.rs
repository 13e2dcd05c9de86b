//! Class membership: member / likely member / not a member / can't tell, each with the reasons
//! and the clauses they rest on.
//!
//! Built on three-valued conditions, so an unanswered question can only ever yield "can't tell"
//! or "likely", never "not a member". Knows nothing of benefits or deadlines.

use crate::answers::{Answer, Answers};
use crate::expr::{Expr, Tri};
use crate::fact::Fact;
use crate::model::{Organisation, RouteLevel, Settlement};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Member,
    Likely,
    NotMember,
    CantTell,
}

impl Verdict {
    /// The scenario-file spelling.
    pub fn code(self) -> &'static str {
        crate::names::Named::name(self)
    }
}

/// Why a verdict was reached. Indexes point into the settlement's class routes / exclusions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Reason {
    /// A route into the class holds.
    RouteMet {
        route: usize,
    },
    /// A route that makes membership only possible holds: ask the administrator.
    Possible {
        route: usize,
    },
    /// No route holds; this one failed on the person's answers.
    RouteNotMet {
        route: usize,
    },
    /// A route depends on answers not given (or "not sure").
    Missing {
        route: usize,
        questions: Vec<String>,
    },
    Excluded {
        exclusion: usize,
    },
    /// An exclusion might apply; these answers would settle it.
    ExclusionUnknown {
        exclusion: usize,
        questions: Vec<String>,
    },
    /// No class has been certified: at most a putative (likely) member.
    NotCertified,
    /// The exact class wording is not confirmed by our sources.
    DefinitionUnverified,
}

/// Questions in `e` that are unanswered or answered "not sure".
pub fn open_questions(e: &Expr, answers: &Answers) -> Vec<String> {
    let mut qs = Vec::new();
    e.questions(&mut qs);
    qs.retain(|q| matches!(answers.get(q), None | Some(Answer::NotSure)));
    qs
}

pub fn verdict(s: &Settlement, answers: &Answers, orgs: &[Organisation]) -> (Verdict, Vec<Reason>) {
    let mut reasons = Vec::new();
    let excl: Vec<Tri> = s
        .class
        .exclusions
        .iter()
        .map(|x| x.when.eval(answers, orgs))
        .collect();
    if let Some(i) = excl.iter().position(|t| *t == Tri::True) {
        return (Verdict::NotMember, vec![Reason::Excluded { exclusion: i }]);
    }
    let routes: Vec<Tri> = s
        .class
        .routes
        .iter()
        .map(|r| r.when.eval(answers, orgs))
        .collect();
    let best = routes
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tri::True)
        .map(|(i, _)| (s.class.routes[i].level, i))
        .max();
    match best {
        Some((level, i)) if level >= RouteLevel::Likely => {
            reasons.push(Reason::RouteMet { route: i });
            let mut v = if level == RouteLevel::Member {
                Verdict::Member
            } else {
                Verdict::Likely
            };
            if !s.class.certified {
                reasons.push(Reason::NotCertified);
                v = Verdict::Likely;
            }
            if matches!(s.class.definition, Fact::Unverified { .. }) && v == Verdict::Member {
                reasons.push(Reason::DefinitionUnverified);
                v = Verdict::Likely;
            }
            for (j, t) in excl.iter().enumerate() {
                if *t == Tri::Unknown {
                    reasons.push(Reason::ExclusionUnknown {
                        exclusion: j,
                        questions: open_questions(&s.class.exclusions[j].when, answers),
                    });
                    v = Verdict::Likely;
                }
            }
            (v, reasons)
        }
        _ => {
            // Not (yet) in: unknown routes mean "can't tell", never "not a member".
            let unknown: Vec<usize> = (0..routes.len())
                .filter(|i| routes[*i] == Tri::Unknown)
                .collect();
            if let Some((_, i)) = best {
                reasons.push(Reason::Possible { route: i });
            }
            for i in &unknown {
                reasons.push(Reason::Missing {
                    route: *i,
                    questions: open_questions(&s.class.routes[*i].when, answers),
                });
            }
            if best.is_some() || !unknown.is_empty() {
                return (Verdict::CantTell, reasons);
            }
            for i in 0..routes.len() {
                reasons.push(Reason::RouteNotMet { route: i });
            }
            (Verdict::NotMember, reasons)
        }
    }
}
