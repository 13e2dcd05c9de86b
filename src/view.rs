//! What a screen needs from the engine's evaluation, computed once per change of the answers,
//! the day, the kind of screen or the pack (the shell memoises [`outcome`] on those), and handed
//! to the views, which never evaluate anything themselves (`invariants.rs` checks it). Opening
//! a fold or switching the language redraws from the same outcome.
//!
//! Pure: built and tested natively. Knows nothing of Yew or of how the pack arrived.

use crate::route::Route;
use claimcheck_engine::eval::{evaluate_settlement, SettlementResult};
use claimcheck_engine::{evaluate, Answers, Pack, Results, Today};

/// Which evaluation a screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The start screen and the questions: none.
    Nothing,
    /// The results and the summary: every settlement against the person's answers.
    Mine,
    /// The list of settlements and a settlement's page: every settlement with no answers (what
    /// holds for anyone: deadlines, status), never the person's.
    Facts,
}

pub fn needs(route: &Route) -> Needs {
    match route {
        Route::Results | Route::Summary => Needs::Mine,
        Route::Browse | Route::Settlement(_) => Needs::Facts,
        Route::Start | Route::Question(_) => Needs::Nothing,
    }
}

/// The evaluation a screen renders.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The person's results (`Needs::Mine`).
    pub mine: Option<Results>,
    /// Every settlement with no answers, in the pack's order (`Needs::Facts`; else empty).
    pub facts: Vec<SettlementResult>,
}

impl Outcome {
    /// The no-answers result of the settlement at `index` in the pack.
    pub fn facts_of(&self, index: usize) -> Option<&SettlementResult> {
        self.facts.get(index)
    }
}

pub fn outcome(pack: &Pack, answers: &Answers, today: Today, needs: Needs) -> Outcome {
    match needs {
        Needs::Nothing => Outcome {
            mine: None,
            facts: Vec::new(),
        },
        Needs::Mine => Outcome {
            mine: Some(evaluate(pack, answers, today)),
            facts: Vec::new(),
        },
        Needs::Facts => {
            let none = Answers::new();
            Outcome {
                mine: None,
                facts: pack
                    .settlements
                    .iter()
                    .map(|s| evaluate_settlement(pack, s, &none, today))
                    .collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::pack;
    use claimcheck_engine::answers::Answer;
    use claimcheck_engine::eval::Verdict;
    use claimcheck_engine::Date;

    fn today() -> Today {
        Today::on(Date::parse("2024-07-01").unwrap())
    }

    fn connexin_notice() -> Answers {
        let mut a = Answers::new();
        a.insert("notice".into(), Answer::Orgs(vec!["connexin".into()]));
        a
    }

    #[test]
    fn each_screen_gets_only_the_evaluation_it_shows() {
        let p = pack();
        let a = connexin_notice();
        for r in [Route::Start, Route::Question("notice".into())] {
            let o = outcome(p, &a, today(), needs(&r));
            assert_eq!((o.mine, o.facts.len()), (None, 0), "{r:?}");
        }
        for r in [Route::Results, Route::Summary] {
            let o = outcome(p, &a, today(), needs(&r));
            let mine = o.mine.expect("the person's results");
            assert_eq!(mine.settlements.len(), p.settlements.len());
            assert!(o.facts.is_empty());
        }
        for r in [Route::Browse, Route::Settlement("connexin".into())] {
            let o = outcome(p, &a, today(), needs(&r));
            assert!(o.mine.is_none());
            assert_eq!(o.facts.len(), p.settlements.len());
        }
    }

    #[test]
    fn the_person_s_answers_shape_their_results_and_never_the_facts() {
        let p = pack();
        let a = connexin_notice();
        let i = p
            .settlements
            .iter()
            .position(|s| s.id == "connexin")
            .expect("the bundled Connexin settlement");
        let mine = outcome(p, &a, today(), Needs::Mine).mine.unwrap();
        let unanswered = outcome(p, &Answers::new(), today(), Needs::Mine)
            .mine
            .unwrap();
        let facts = outcome(p, &a, today(), Needs::Facts);
        // Naming Connexin's notice moves its verdict away from "can't tell"...
        assert_eq!(unanswered.settlements[i].verdict, Verdict::CantTell);
        assert_ne!(mine.settlements[i].verdict, Verdict::CantTell);
        // ...but a settlement's page, evaluated with no answers, shows what it shows anyone.
        let anyone = facts.facts_of(i).expect("Connexin's facts");
        assert_eq!(anyone.id, "connexin");
        assert_eq!(anyone, &unanswered.settlements[i]);
    }
}
