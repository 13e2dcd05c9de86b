//! Evaluation behaviour on a small hand-written pack: verdicts and their reasons, subclasses,
//! plans and worked estimates, and which question comes next. Expected values come from the
//! pack's stated rules (e.g. $300 + 5 h x $25 = $425, under the $1,000 cap), not from the engine.

mod common;

use claimcheck_engine::answers::{Answer, Answers};
use claimcheck_engine::eval::{evaluate_settlement, Estimate, Reason, Today, TriState, Verdict};
use claimcheck_engine::{next_question, Cents, Date};

fn today() -> Today {
    Today::on(Date::parse("2026-11-24").unwrap())
}

fn ans(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn orgs(ids: &[&str]) -> Answer {
    Answer::Orgs(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn no_answers_is_cant_tell_never_not_member() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    let r = evaluate_settlement(&l.pack, s, &Answers::new(), today());
    assert_eq!(r.verdict, Verdict::CantTell);
    assert!(r.reasons.iter().any(|x| matches!(x, Reason::Missing { questions, .. } if questions.contains(&"notice".to_string()))));
}

#[test]
fn not_sure_is_not_a_no() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    let a = ans(&[
        ("notice", orgs(&["acme"])),
        ("us_resident", Answer::NotSure),
    ]);
    assert_eq!(
        evaluate_settlement(&l.pack, s, &a, today()).verdict,
        Verdict::CantTell
    );
}

#[test]
fn member_needs_every_exclusion_answered() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    let mut a = ans(&[("notice", orgs(&["acme"])), ("us_resident", Answer::Yes)]);
    let r = evaluate_settlement(&l.pack, s, &a, today());
    assert_eq!(
        r.verdict,
        Verdict::Likely,
        "insider unanswered: only likely"
    );
    assert!(r
        .reasons
        .iter()
        .any(|x| matches!(x, Reason::ExclusionUnknown { .. })));
    a.insert("insider".into(), Answer::No);
    assert_eq!(
        evaluate_settlement(&l.pack, s, &a, today()).verdict,
        Verdict::Member
    );
    a.insert("insider".into(), Answer::Yes);
    let r = evaluate_settlement(&l.pack, s, &a, today());
    assert_eq!(r.verdict, Verdict::NotMember);
    assert_eq!(r.reasons, vec![Reason::Excluded { exclusion: 0 }]);
}

#[test]
fn another_organisation_only_is_not_a_member_with_reason() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    let r = evaluate_settlement(&l.pack, s, &ans(&[("notice", orgs(&["other"]))]), today());
    assert_eq!(r.verdict, Verdict::NotMember);
    assert_eq!(r.reasons, vec![Reason::RouteNotMet { route: 0 }]);
}

#[test]
fn worked_estimate_folds_lost_time_into_the_cap() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    // $300 of costs and 5.5 hours: hours count in whole hours up to 4, so 4 x $25 = $100.
    let a = ans(&[
        ("notice", orgs(&["acme"])),
        ("us_resident", Answer::Yes),
        ("insider", Answer::No),
        ("costs", Answer::Money(Cents::dollars(300))),
        ("hours", Answer::Quarters(22)),
    ]);
    let r = evaluate_settlement(&l.pack, s, &a, today());
    assert_eq!(r.plans.len(), 3, "one of three: monitoring, losses, cash");
    let losses_plan = r
        .plans
        .iter()
        .find(|p| p.items.iter().any(|i| i.benefit == "losses"))
        .unwrap();
    let losses = losses_plan
        .items
        .iter()
        .find(|i| i.benefit == "losses")
        .unwrap();
    match &losses.estimate {
        Estimate::Amount { amount, .. } => assert_eq!(*amount, Cents::dollars(400)),
        other => panic!("expected an amount, got {other:?}"),
    }
    let lt = losses_plan
        .items
        .iter()
        .find(|i| i.benefit == "lost_time")
        .unwrap();
    assert_eq!(
        lt.estimate,
        Estimate::FoldedInto {
            benefit: "losses".into(),
            amount: Cents::dollars(100)
        }
    );
    assert_eq!(
        losses_plan.total,
        Cents::dollars(400),
        "lost time is not counted twice"
    );
    // Above the cap: $5,000 of costs is cut to $1,000.
    let mut big = a.clone();
    big.insert("costs".into(), Answer::Money(Cents::dollars(5_000)));
    let r = evaluate_settlement(&l.pack, s, &big, today());
    let p = r
        .plans
        .iter()
        .find(|p| p.items.iter().any(|i| i.benefit == "losses"))
        .unwrap();
    assert_eq!(p.total, Cents::dollars(1_000));
    // Cash with no sourced class size: "depends", no number.
    let cash = r
        .plans
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| i.benefit == "cash")
        .unwrap();
    assert_eq!(cash.estimate, Estimate::Depends);
}

#[test]
fn subclass_award_only_for_california() {
    let l = common::load(common::ACME);
    let s = &l.pack.settlements[0];
    let base = ans(&[
        ("notice", orgs(&["acme"])),
        ("us_resident", Answer::Yes),
        ("insider", Answer::No),
    ]);
    let r = evaluate_settlement(&l.pack, s, &base, today());
    assert_eq!(r.subclasses[0].holds, TriState::Unknown);
    let award = r.plans[0]
        .items
        .iter()
        .find(|i| i.benefit == "ca_award")
        .unwrap();
    assert!(matches!(
        award.estimate,
        Estimate::Subclass {
            holds: TriState::Unknown,
            ..
        }
    ));
    let mut ca = base.clone();
    ca.insert("state".into(), Answer::State("CA".into()));
    let r = evaluate_settlement(&l.pack, s, &ca, today());
    assert_eq!(r.subclasses[0].holds, TriState::Yes);
    let award = r.plans[0]
        .items
        .iter()
        .find(|i| i.benefit == "ca_award")
        .unwrap();
    assert_eq!(
        award.estimate,
        Estimate::Amount {
            amount: Cents::dollars(100),
            steps: vec![]
        }
    );
}

#[test]
fn asks_only_what_can_change_a_result() {
    let l = common::load(common::ACME);
    let p = &l.pack;
    let t = today();
    assert_eq!(
        next_question(p, &Answers::new(), t).map(|q| q.id.as_str()),
        Some("notice")
    );
    // Notified by someone else only: nothing else can change Acme's verdict.
    assert_eq!(
        next_question(p, &ans(&[("notice", orgs(&["other"]))]), t).map(|q| q.id.as_str()),
        None
    );
    let mut a = ans(&[("notice", orgs(&["acme"]))]);
    assert_eq!(
        next_question(p, &a, t).map(|q| q.id.as_str()),
        Some("us_resident")
    );
    a.insert("us_resident".into(), Answer::No);
    assert_eq!(
        next_question(p, &a, t).map(|q| q.id.as_str()),
        None,
        "not a U.S. resident: out, stop"
    );
    a.insert("us_resident".into(), Answer::Yes);
    assert_eq!(
        next_question(p, &a, t).map(|q| q.id.as_str()),
        Some("state")
    );
    a.insert("state".into(), Answer::State("OR".into()));
    a.insert("insider".into(), Answer::No);
    assert_eq!(
        next_question(p, &a, t).map(|q| q.id.as_str()),
        Some("had_costs")
    );
    a.insert("had_costs".into(), Answer::No);
    // costs is gated off; hours still matters (lost time).
    assert_eq!(
        next_question(p, &a, t).map(|q| q.id.as_str()),
        Some("hours")
    );
    a.insert("hours".into(), Answer::Quarters(0));
    assert_eq!(next_question(p, &a, t), None);
    // After the claim deadline, amounts no longer change anything worth asking.
    let late = Today::on(Date::parse("2026-12-02").unwrap());
    a.remove("hours");
    assert_eq!(next_question(p, &a, late), None);
}

#[test]
fn stale_after_ninety_days() {
    let l = common::load(common::ACME);
    let r = claimcheck_engine::evaluate(
        &l.pack,
        &Answers::new(),
        Today::on(Date::parse("2027-02-22").unwrap()),
    );
    assert!(!r.stale, "90 days after 2026-11-24");
    let r = claimcheck_engine::evaluate(
        &l.pack,
        &Answers::new(),
        Today::on(Date::parse("2027-02-23").unwrap()),
    );
    assert!(r.stale);
}

#[test]
fn pro_rata_range_only_when_fund_class_and_other_benefits_are_sourced() {
    // $1,000,000 fund, $100,000 of fees out first, 100,000 people: $900,000 shared by 4% of the
    // class (4,000 people) is $225 each; by 9% (9,000 people) it is $100.
    let with_fund = format!(
        "{}\n[fund]\nclass_size = {{ value = 100000, source = \"site\" }}\nother_benefits_sourced = true\ndeductions = [ {{ what = {{ en = \"fees\", es = \"honorarios\" }}, amount = {{ value = \"$100,000\", source = \"site\" }} }} ]\n",
        common::ACME
    );
    let l = common::load(&with_fund);
    let s = &l.pack.settlements[0];
    let a = ans(&[
        ("notice", orgs(&["acme"])),
        ("us_resident", Answer::Yes),
        ("insider", Answer::No),
    ]);
    let r = evaluate_settlement(&l.pack, s, &a, today());
    let cash = r
        .plans
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| i.benefit == "cash")
        .unwrap();
    assert_eq!(
        cash.estimate,
        Estimate::Range {
            low: Cents::dollars(100),
            high: Cents::dollars(225),
            net_fund: Cents::dollars(900_000),
            class_size: 100_000
        }
    );
    // The same fund without the other benefits' cost sourced: no number.
    let unsourced = with_fund.replace(
        "other_benefits_sourced = true",
        "other_benefits_sourced = false",
    );
    let l = common::load(&unsourced);
    let r = evaluate_settlement(&l.pack, &l.pack.settlements[0], &a, today());
    let cash = r
        .plans
        .iter()
        .flat_map(|p| &p.items)
        .find(|i| i.benefit == "cash")
        .unwrap();
    assert_eq!(cash.estimate, Estimate::Depends);
}

/// The bundled pack, for the checks on dated texts below.
fn bundled() -> claimcheck_engine::Pack {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    match claimcheck_engine::load::load_dir(&root) {
        Ok(l) => l.pack,
        Err(e) => panic!("the bundled rules do not load: {e:?}"),
    }
}

#[test]
fn bundled_guidance_follows_the_claim_deadline_and_the_status_never_contradicts_it() {
    use claimcheck_engine::eval::{DeadlineState, Guidance, StatusView};
    use claimcheck_engine::model::{DeadlineKind, Status};
    let pack = bundled();
    let mut dated = 0;
    for s in &pack.settlements {
        let Some(date) = s
            .deadline(DeadlineKind::Claim)
            .and_then(|d| d.date.value().copied())
        else {
            continue;
        };
        dated += 1;
        let closed_status = matches!(
            s.case.status.value(),
            Some(Status::ClaimsClosed | Status::PayingOut)
        );
        for day in [
            date.add_days(-10),
            Some(date),
            date.add_days(1),
            Some(pack.checked_on),
        ]
        .into_iter()
        .flatten()
        {
            let r = evaluate_settlement(&pack, s, &Answers::new(), Today::on(day));
            let claim = s
                .deadlines
                .iter()
                .zip(&r.deadlines)
                .find(|(d, _)| d.kind == DeadlineKind::Claim)
                .map(|(_, x)| x.state.clone());
            let at = format!("{} on {day}", s.id);
            match claim {
                Some(DeadlineState::Open { .. } | DeadlineState::LastDay) => {
                    assert_eq!(r.guidance, Guidance::NextSteps, "{at}");
                    if closed_status {
                        assert_ne!(r.status, StatusView::Current, "{at}: 'closed' beside open");
                    }
                }
                Some(DeadlineState::Closed { .. }) => {
                    assert_eq!(r.guidance, Guidance::AfterClose, "{at}");
                    assert!(
                        !s.after_close.is_empty(),
                        "{at}: nothing to say after the close"
                    );
                }
                other => panic!("{at}: unexpected claim state {other:?}"),
            }
        }
    }
    assert!(dated >= 35, "{dated} settlements with a claim date");
}

#[test]
fn bundled_summaries_and_next_steps_do_not_say_claims_are_closed() {
    // Texts read on any day before the deadline must not assert it has passed.
    const SAYS_CLOSED: &[&str] = &[
        "now closed",
        "claims are closed",
        "is closed",
        "has passed",
        "no longer",
        "is over",
        "too late",
        "ya cerr",
        "ya pasó",
        "ya están cerrados",
        "ya terminó",
    ];
    let pack = bundled();
    for s in &pack.settlements {
        let dated = s
            .deadline(claimcheck_engine::model::DeadlineKind::Claim)
            .is_some_and(|d| d.date.value().is_some());
        if !dated {
            continue;
        }
        for t in std::iter::once(&s.summary).chain(&s.next_steps) {
            for text in [&t.en, &t.es] {
                let lower = text.to_lowercase();
                for w in SAYS_CLOSED {
                    assert!(!lower.contains(w), "{}: \"{w}\" in: {text}", s.id);
                }
            }
        }
    }
}
