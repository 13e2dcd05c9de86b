//! Random walks through the questionnaire over every bundled settlement (../rules): start with
//! no answers, give a random answer to whatever `next_question` asks, until it asks nothing.
//!
//! For every walk: it ends within the number of questions in the bank; no question is asked
//! twice; every question asked was open (its `ask_if` not false) and relevant
//! (`eval::flow::relevant`) when it was asked; at the end every settlement has a verdict; and
//! no settlement is left at "can't tell" waiting on a question that was never asked, unless the
//! walk answered "I'm not sure" to a question that settlement depends on.
//!
//! Random answers cover yes / no / not sure, organisation lists of 0-3 (mostly organisations
//! the settlements name, directly or by incident), every state code and "outside", money
//! ($0, 1 cent, ordinary, just under and at $1 billion) and hours (0, quarter and half hours,
//! ordinary, the maximum); "today" ranges over ordinary days, years 1 and 9999, with and
//! without a device clock.
//!
//! How many walks: `CLAIMCHECK_WALKS` (default below), seed `CLAIMCHECK_WALK_SEED`. The
//! checks at a questionnaire state depend only on (answers so far, today), so each distinct
//! state is checked once and remembered: walks that pass through a state already checked cost
//! a lookup. `CLAIMCHECK_WALK_NO_MEMO=1` re-checks every step of every walk (slow; for
//! measuring). The test prints walks, distinct states, time and time per walk.

mod common;

use claimcheck_engine::answers::{Answer, Answers, MAX_HOURS, US_STATES};
use claimcheck_engine::eval::flow::{gate_open, next_question, relevant, settlement_questions};
use claimcheck_engine::eval::{evaluate, Reason, Today, Verdict};
use claimcheck_engine::expr::{Expr, Literal, Target};
use claimcheck_engine::load::load_dir;
use claimcheck_engine::model::QuestionKind;
use claimcheck_engine::money::MAX_PERSON_AMOUNT;
use claimcheck_engine::{Cents, Date, Pack};
use common::Rng;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Instant;

/// Walks per `cargo test` run unless `CLAIMCHECK_WALKS` says otherwise.
const DEFAULT_WALKS: u64 = 1_000_000;

fn bundled() -> Pack {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    match load_dir(&root) {
        Ok(l) => l.pack,
        Err(e) => panic!(
            "the bundled rules do not load:\n{}",
            e.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// What the settlements talk about, so random answers hit their conditions often.
struct Domain {
    /// Organisations a condition names, directly or through an incident.
    named_orgs: Vec<String>,
    all_orgs: Vec<String>,
    /// States a condition compares with, or a ruling is for.
    named_states: Vec<String>,
}

fn collect(e: &Expr, pack: &Pack, orgs: &mut BTreeSet<String>, words: &mut BTreeSet<String>) {
    match e {
        Expr::All(v) | Expr::Any(v) => v.iter().for_each(|x| collect(x, pack, orgs, words)),
        Expr::Not(x) => collect(x, pack, orgs, words),
        Expr::Cmp(_, _, Literal::Word(w)) => {
            words.insert(w.clone());
        }
        Expr::In(_, ws) => words.extend(ws.iter().cloned()),
        Expr::Includes(_, Target::Org(o)) => {
            orgs.insert(o.clone());
        }
        Expr::Includes(_, Target::Incident(i)) => {
            for o in &pack.organisations {
                if o.incidents.contains(i) {
                    orgs.insert(o.id.clone());
                }
            }
        }
        Expr::Cmp(..) => {}
    }
}

fn domain(pack: &Pack) -> Domain {
    let mut orgs = BTreeSet::new();
    let mut words = BTreeSet::new();
    for s in &pack.settlements {
        let exprs = s
            .class
            .routes
            .iter()
            .map(|r| &r.when)
            .chain(s.class.exclusions.iter().map(|x| &x.when))
            .chain(s.subclasses.iter().map(|c| &c.when));
        for e in exprs {
            collect(e, pack, &mut orgs, &mut words);
        }
        for r in &s.rulings {
            words.insert(r.state.clone());
        }
    }
    for q in &pack.questions {
        if let Some(g) = &q.ask_if {
            collect(g, pack, &mut orgs, &mut words);
        }
    }
    let named_states: Vec<String> = words
        .into_iter()
        .filter(|w| US_STATES.contains(&w.as_str()))
        .collect();
    Domain {
        named_orgs: orgs.into_iter().collect(),
        all_orgs: pack.organisations.iter().map(|o| o.id.clone()).collect(),
        named_states,
    }
}

fn pick<'a>(rng: &mut Rng, v: &'a [String]) -> &'a String {
    &v[rng.below(v.len())]
}

/// A random answer to a question, of the kind the app would accept.
fn answer(
    rng: &mut Rng,
    dom: &Domain,
    q: &claimcheck_engine::model::Question,
    unsure: usize,
) -> Answer {
    let unsure_ok = q.not_sure || matches!(q.kind, QuestionKind::Organisations);
    if unsure_ok && unsure > 0 && rng.below(unsure) == 0 {
        return Answer::NotSure;
    }
    match &q.kind {
        QuestionKind::YesNo => {
            if rng.below(2) == 0 {
                Answer::Yes
            } else {
                Answer::No
            }
        }
        QuestionKind::Choice { options } => {
            Answer::Choice(options[rng.below(options.len())].id.clone())
        }
        QuestionKind::Organisations => {
            let n = rng.below(4);
            let mut list: Vec<String> = Vec::new();
            for _ in 0..n {
                let o = if !dom.named_orgs.is_empty() && rng.below(4) != 0 {
                    pick(rng, &dom.named_orgs)
                } else {
                    pick(rng, &dom.all_orgs)
                };
                if !list.contains(o) {
                    list.push(o.clone());
                }
            }
            Answer::Orgs(list)
        }
        QuestionKind::State => {
            let s = match rng.below(10) {
                0 => "OUTSIDE".to_string(),
                1..=5 if !dom.named_states.is_empty() => pick(rng, &dom.named_states).clone(),
                _ => US_STATES[rng.below(US_STATES.len())].to_string(),
            };
            Answer::State(s)
        }
        QuestionKind::Money => Answer::Money(match rng.below(7) {
            0 => Cents::ZERO,
            1 => Cents(1),
            2 => Cents(rng.below(1_000_000) as i64),
            3 => Cents::dollars(rng.below(20_000) as i64),
            4 => Cents(MAX_PERSON_AMOUNT.0 - 1),
            5 => MAX_PERSON_AMOUNT,
            _ => Cents::dollars(1_000_000_000),
        }),
        QuestionKind::Hours => Answer::Quarters(match rng.below(7) {
            0 => 0,
            1 => 1,
            2 => 2,
            3 => 3 + rng.below(200) as u32,
            4 => rng.below(MAX_HOURS as usize * 4) as u32,
            5 => MAX_HOURS * 4 - 1,
            _ => MAX_HOURS * 4,
        }),
    }
}

/// A random "today": mostly near the pack's dates, sometimes the ends of the calendar, with
/// and without the device's clock.
fn random_today(rng: &mut Rng, pack: &Pack) -> Today {
    let lo = Date::new(2022, 1, 1).unwrap();
    let date = match rng.below(40) {
        0 => Date::new(1, 1, 1).unwrap(),
        1 => Date::new(9999, 12, 31).unwrap(),
        2..=15 => pack.checked_on,
        _ => lo.add_days(rng.below(9 * 365) as i64).unwrap(),
    };
    let clock = if rng.below(4) == 0 {
        const OFFSETS: [i16; 9] = [-660, -600, -540, -480, -420, -360, -300, 0, 600];
        Some((rng.below(1440) as u16, OFFSETS[rng.below(OFFSETS.len())]))
    } else {
        None
    };
    Today { date, clock }
}

/// A questionnaire state as a map key: today and the answers so far.
fn key(today: Today, answers: &Answers) -> String {
    let mut k = format!("{}|{:?}|", today.date, today.clock);
    for (q, a) in answers {
        k.push_str(q);
        k.push('=');
        k.push_str(&format!("{a:?}"));
        k.push(';');
    }
    k
}

struct Stats {
    walks: u64,
    steps: u64,
    states_checked: u64,
    ends_checked: u64,
    unsure_walks: u64,
    verdicts: HashMap<Verdict, u64>,
}

/// The question asked at a state, after checking that it may and should be asked there.
fn checked_next(pack: &Pack, answers: &Answers, today: Today) -> Option<usize> {
    let q = next_question(pack, answers, today)?;
    assert!(
        !answers.contains_key(&q.id),
        "`{}` asked again after {answers:?} on {}",
        q.id,
        today.date
    );
    assert!(
        gate_open(pack, q, answers),
        "`{}` asked while its ask_if is false: {answers:?}",
        q.id
    );
    assert!(
        relevant(pack, q, answers, today),
        "`{}` asked though no answer to it could change anything: {answers:?} on {}",
        q.id,
        today.date
    );
    pack.questions.iter().position(|x| x.id == q.id)
}

/// The checks at the end of a walk: every settlement has a verdict, and none is "can't tell"
/// for want of a question never asked unless "not sure" was answered to one it depends on.
fn check_end(pack: &Pack, answers: &Answers, today: Today, stats: &mut Stats) {
    let r = evaluate(pack, answers, today);
    assert_eq!(r.settlements.len(), pack.settlements.len());
    for (s, res) in pack.settlements.iter().zip(&r.settlements) {
        assert_eq!(s.id, res.id);
        *stats.verdicts.entry(res.verdict).or_default() += 1;
        if res.verdict != Verdict::CantTell {
            continue;
        }
        let unsure_here = settlement_questions(s)
            .iter()
            .any(|q| answers.get(q) == Some(&Answer::NotSure));
        if unsure_here {
            continue;
        }
        for reason in &res.reasons {
            if let Reason::Missing { route, questions } = reason {
                let never: Vec<&String> = questions
                    .iter()
                    .filter(|q| !answers.contains_key(*q))
                    .collect();
                assert!(
                    never.is_empty(),
                    "`{}` is left at can't tell: route `{}` waits on {never:?}, never asked \
                     (answers {answers:?}, today {:?})",
                    s.id,
                    s.class.routes[*route].id,
                    today
                );
            }
        }
    }
}

fn run_walks(pack: &Pack, walks: u64, seed: u64, memo: bool) -> Stats {
    let dom = domain(pack);
    let bank = pack.questions.len();
    let mut rng = Rng(seed | 1);
    // State -> the question asked there (already checked); and end states already checked.
    let mut next_at: HashMap<String, Option<usize>> = HashMap::new();
    let mut stats = Stats {
        walks: 0,
        steps: 0,
        states_checked: 0,
        ends_checked: 0,
        unsure_walks: 0,
        verdicts: HashMap::new(),
    };
    for _ in 0..walks {
        let today = random_today(&mut rng, pack);
        // Half the walks never answer "not sure"; the others do, now and then.
        let unsure = if rng.below(2) == 0 {
            0
        } else {
            4 + rng.below(8)
        };
        let mut answers = Answers::new();
        let mut asked: Vec<usize> = Vec::new();
        loop {
            let k = memo.then(|| key(today, &answers));
            let next = match k.as_ref().and_then(|k| next_at.get(k)) {
                Some(n) => *n,
                None => {
                    stats.states_checked += 1;
                    let n = checked_next(pack, &answers, today);
                    if n.is_none() {
                        stats.ends_checked += 1;
                        check_end(pack, &answers, today, &mut stats);
                    }
                    if let Some(k) = k {
                        next_at.insert(k, n);
                    }
                    n
                }
            };
            let Some(qi) = next else { break };
            assert!(
                !asked.contains(&qi),
                "`{}` asked twice in one walk",
                pack.questions[qi].id
            );
            asked.push(qi);
            assert!(
                asked.len() <= bank,
                "the walk did not end within the {bank} questions of the bank: {asked:?}"
            );
            let q = &pack.questions[qi];
            answers.insert(q.id.clone(), answer(&mut rng, &dom, q, unsure));
            stats.steps += 1;
        }
        if answers.values().any(|a| *a == Answer::NotSure) {
            stats.unsure_walks += 1;
        }
        stats.walks += 1;
    }
    stats
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[test]
fn random_walks_over_every_bundled_settlement() {
    let pack = bundled();
    assert!(pack.settlements.len() > 1);
    let walks = env_u64("CLAIMCHECK_WALKS").unwrap_or(DEFAULT_WALKS);
    let seed = env_u64("CLAIMCHECK_WALK_SEED").unwrap_or(0x5EED_C1A1_3C4E_C4);
    let memo = std::env::var("CLAIMCHECK_WALK_NO_MEMO").is_err();
    let t = Instant::now();
    let stats = run_walks(&pack, walks, seed, memo);
    let took = t.elapsed();
    let per_walk = took.as_secs_f64() * 1e6 / stats.walks.max(1) as f64;
    let per_state = took.as_secs_f64() * 1e3 / stats.states_checked.max(1) as f64;
    println!(
        "walks: {} over {} settlements and {} questions (seed {seed:#x}, memo {memo}); \
         {} steps, {} distinct states checked ({} ends), {} walks with \"not sure\"; \
         {:.2?} in all, {per_walk:.1} us per walk, {per_state:.2} ms per state checked; \
         verdicts at the ends checked: {:?}",
        stats.walks,
        pack.settlements.len(),
        pack.questions.len(),
        stats.steps,
        stats.states_checked,
        stats.ends_checked,
        stats.unsure_walks,
        took,
        stats.verdicts,
    );
    assert_eq!(stats.walks, walks);
    if walks >= 1000 {
        assert!(stats.unsure_walks > 0 && stats.unsure_walks < walks);
        assert!(
            stats.verdicts.len() >= 3,
            "walks reach few verdicts: {:?}",
            stats.verdicts
        );
    }
}

/// The walk's own machinery: answers cover the kinds the brief lists.
#[test]
fn random_answers_cover_every_kind_and_extreme() {
    let pack = bundled();
    let dom = domain(&pack);
    assert!(!dom.named_orgs.is_empty());
    let mut rng = Rng(7);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for _ in 0..20_000 {
        for q in &pack.questions {
            let a = answer(&mut rng, &dom, q, 5);
            let tag = match &a {
                Answer::Orgs(v) => format!("orgs:{}", v.len()),
                Answer::Money(c) if *c == MAX_PERSON_AMOUNT => "money:1e9".into(),
                Answer::Money(c) if c.0 <= 1 => format!("money:{}", c.0),
                Answer::Quarters(q) if *q == MAX_HOURS * 4 => "hours:max".into(),
                Answer::Quarters(q) if *q < 4 => format!("hours:{q}"),
                Answer::State(s) if s == "OUTSIDE" => "state:outside".into(),
                Answer::State(_) => "state".into(),
                other => format!("{other:?}")
                    .split('(')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            };
            seen.insert(tag);
        }
    }
    for want in [
        "Yes",
        "No",
        "NotSure",
        "orgs:0",
        "orgs:1",
        "orgs:2",
        "orgs:3",
        "state",
        "state:outside",
        "money:0",
        "money:1",
        "money:1e9",
        "hours:0",
        "hours:1",
        "hours:2",
        "hours:max",
    ] {
        assert!(
            seen.contains(want),
            "random answers never give {want}: {seen:?}"
        );
    }
}
