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
//! How many: 1,000,000 walks are asked for, within a time budget of 20 s by default, on every
//! core. Walk i depends only on (seed, i), so a budget only cuts the same sequence short, and a
//! failing walk is named with the variables that replay it alone. Environment:
//!   CLAIMCHECK_WALKS=N           walks asked for (default 1,000,000)
//!   CLAIMCHECK_WALK_SECONDS=S    time budget (default 20; 0 = none: run all N)
//!   CLAIMCHECK_WALK_THREADS=T    threads (default: available cores)
//!   CLAIMCHECK_WALK_SEED=X       seed (default fixed)
//!   CLAIMCHECK_WALK_ONLY=I       run walk number I alone
//! The full million, measured on 2 shared cores: 627 s (0.63 ms per walk, engine at opt-level 3;
//! opt-level 0 is about 1.4 times slower):
//!   CLAIMCHECK_WALK_SECONDS=0 cargo test -p claimcheck-engine --test walks -- --nocapture
//! The test prints walks done, time, time per walk, questions asked and the verdicts reached.

mod common;

use claimcheck_engine::answers::{Answer, Answers, MAX_HOURS, US_STATES};
use claimcheck_engine::eval::flow::{
    gate_open, matters_for, next_question, relevant, settlement_questions, shut_out,
};
use claimcheck_engine::eval::{evaluate, Reason, Today, Verdict};
use claimcheck_engine::expr::{Expr, Literal, Target};
use claimcheck_engine::load::load_dir;
use claimcheck_engine::model::QuestionKind;
use claimcheck_engine::money::MAX_PERSON_AMOUNT;
use claimcheck_engine::{Cents, Date, Pack};
use common::Rng;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

/// Walks asked for, unless `CLAIMCHECK_WALKS` says otherwise.
const DEFAULT_WALKS: u64 = 1_000_000;
/// Time budget in seconds unless `CLAIMCHECK_WALK_SECONDS` says otherwise (0: no budget, run
/// every walk asked for). The walks run in order, so a budget only shortens the same sequence.
const DEFAULT_SECONDS: u64 = 20;
/// Fewest walks a run must complete within its budget.
const MIN_WALKS: u64 = 200;

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

#[derive(Default)]
struct Stats {
    walks: u64,
    steps: u64,
    unsure_walks: u64,
    verdicts: HashMap<Verdict, u64>,
}

impl Stats {
    fn add(&mut self, o: Stats) {
        self.walks += o.walks;
        self.steps += o.steps;
        self.unsure_walks += o.unsure_walks;
        for (k, v) in o.verdicts {
            *self.verdicts.entry(k).or_default() += v;
        }
    }
}

/// The question asked at a state, after checking that it may and should be asked there.
fn checked_next(pack: &Pack, answers: &Answers, today: Today, walk: &str) -> Option<usize> {
    let q = next_question(pack, answers, today)?;
    assert!(
        !answers.contains_key(&q.id),
        "{walk}: `{}` asked again after {answers:?}",
        q.id
    );
    assert!(
        gate_open(pack, q, answers),
        "{walk}: `{}` asked while its ask_if is false: {answers:?}",
        q.id
    );
    assert!(
        relevant(pack, q, answers, today),
        "{walk}: `{}` asked though no answer to it could change anything: {answers:?}",
        q.id
    );
    pack.questions.iter().position(|x| x.id == q.id)
}

/// The checks at the end of a walk: every settlement has a verdict, and none is "can't tell"
/// for want of a question never asked (nor "likely" for want of an exclusion's question)
/// unless "not sure" was answered to one it depends on.
fn check_end(pack: &Pack, answers: &Answers, today: Today, walk: &str, stats: &mut Stats) {
    let r = evaluate(pack, answers, today);
    assert_eq!(r.settlements.len(), pack.settlements.len(), "{walk}");
    for (s, res) in pack.settlements.iter().zip(&r.settlements) {
        assert_eq!(s.id, res.id, "{walk}");
        *stats.verdicts.entry(res.verdict).or_default() += 1;
        let unsure_here = settlement_questions(s)
            .iter()
            .any(|q| answers.get(q) == Some(&Answer::NotSure));
        if unsure_here {
            continue;
        }
        for reason in &res.reasons {
            // An exclusion left open keeps a member at "likely": its question must have been
            // asked, unless "not sure" was answered to one this settlement depends on.
            if let Reason::ExclusionUnknown {
                exclusion,
                questions,
            } = reason
            {
                let never: Vec<&String> = questions
                    .iter()
                    .filter(|q| !answers.contains_key(*q))
                    .collect();
                assert!(
                    never.is_empty(),
                    "{walk}: `{}` is left at {:?}: exclusion `{}` waits on {never:?}, never \
                     asked (answers {answers:?})",
                    s.id,
                    res.verdict,
                    s.class.exclusions[*exclusion].id,
                );
            }
            if res.verdict != Verdict::CantTell {
                continue;
            }
            if let Reason::Missing { route, questions } = reason {
                let never: Vec<&String> = questions
                    .iter()
                    .filter(|q| !answers.contains_key(*q))
                    .collect();
                assert!(
                    never.is_empty(),
                    "{walk}: `{}` is left at can't tell: route `{}` waits on {never:?}, never \
                     asked (answers {answers:?})",
                    s.id,
                    s.class.routes[*route].id,
                );
            }
        }
    }
}

/// splitmix64: one independent, reproducible generator per walk.
fn walk_seed(seed: u64, index: u64) -> u64 {
    let mut z = seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

/// One walk, number `index`: reproducible from (seed, index) alone.
fn one_walk(pack: &Pack, dom: &Domain, seed: u64, index: u64, stats: &mut Stats) {
    let mut rng = Rng(walk_seed(seed, index));
    let today = random_today(&mut rng, pack);
    let walk = format!(
        "walk #{index} (CLAIMCHECK_WALK_SEED={seed:#x} CLAIMCHECK_WALK_ONLY={index}, today {:?})",
        today
    );
    // Half the walks never answer "not sure"; the others do, now and then.
    let unsure = if rng.below(2) == 0 {
        0
    } else {
        3 + rng.below(6)
    };
    let bank = pack.questions.len();
    let mut answers = Answers::new();
    let mut asked: Vec<usize> = Vec::new();
    while let Some(qi) = checked_next(pack, &answers, today, &walk) {
        assert!(
            !asked.contains(&qi),
            "{walk}: `{}` asked twice",
            pack.questions[qi].id
        );
        asked.push(qi);
        assert!(
            asked.len() <= bank,
            "{walk}: did not end within the {bank} questions of the bank: {asked:?}"
        );
        let q = &pack.questions[qi];
        answers.insert(q.id.clone(), answer(&mut rng, dom, q, unsure));
        stats.steps += 1;
        check_shut_out(
            pack,
            &answers,
            today,
            &walk,
            rng.below(pack.settlements.len()),
        );
    }
    check_end(pack, &answers, today, &walk, stats);
    if answers.values().any(|a| *a == Answer::NotSure) {
        stats.unsure_walks += 1;
    }
    stats.walks += 1;
}

/// `shut_out`, the shortcut `relevant` takes before its trial evaluations, is sound for one
/// settlement (drawn by the walk): when it says the person is out whatever they answer next,
/// the settlement is "not a member" and no unanswered question it reads could change that.
fn check_shut_out(pack: &Pack, answers: &Answers, today: Today, walk: &str, pick: usize) {
    let Some(s) = pack.settlements.get(pick) else {
        return;
    };
    if !shut_out(s, answers, &pack.organisations) {
        return;
    }
    let r = evaluate(pack, answers, today);
    let v = r
        .settlements
        .iter()
        .find(|x| x.id == s.id)
        .map(|x| x.verdict);
    assert_eq!(
        v,
        Some(Verdict::NotMember),
        "{walk}: `{}` shut out but not 'not a member'",
        s.id
    );
    for q in &pack.questions {
        if !answers.contains_key(&q.id) && settlement_questions(s).contains(&q.id) {
            assert!(
                !matters_for(pack, s, q, answers, today),
                "{walk}: `{}` shut out, yet `{}` could change it: {answers:?}",
                s.id,
                q.id
            );
        }
    }
}

/// Runs walks 0..walks on `threads` threads (walk i on thread i mod threads) until done or
/// `budget` has passed.
fn run_walks(pack: &Pack, walks: u64, seed: u64, threads: u64, budget: Option<Duration>) -> Stats {
    let dom = domain(pack);
    let start = Instant::now();
    let mut total = Stats::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let dom = &dom;
                scope.spawn(move || {
                    let mut stats = Stats::default();
                    let mut i = t;
                    while i < walks {
                        if budget.is_some_and(|b| start.elapsed() >= b) {
                            break;
                        }
                        one_walk(pack, dom, seed, i, &mut stats);
                        i += threads;
                    }
                    stats
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(s) => total.add(s),
                Err(e) => std::panic::resume_unwind(e),
            }
        }
    });
    total
}

/// A number from the environment, decimal or 0x-hexadecimal; a value that does not parse is
/// an error, not silently the default.
fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim().replace('_', "");
    let n = match v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => v.parse(),
    };
    Some(n.unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

#[test]
fn random_walks_over_every_bundled_settlement() {
    let pack = bundled();
    assert!(pack.settlements.len() > 1);
    let seed = env_u64("CLAIMCHECK_WALK_SEED").unwrap_or(0x005E_EDC1_A13C_4EC4);
    if let Some(only) = env_u64("CLAIMCHECK_WALK_ONLY") {
        let mut stats = Stats::default();
        one_walk(&pack, &domain(&pack), seed, only, &mut stats);
        println!("walk #{only} passed ({} questions asked)", stats.steps);
        return;
    }
    let walks = env_u64("CLAIMCHECK_WALKS").unwrap_or(DEFAULT_WALKS);
    let secs = env_u64("CLAIMCHECK_WALK_SECONDS").unwrap_or(DEFAULT_SECONDS);
    let budget = (secs > 0).then(|| Duration::from_secs(secs));
    let threads = env_u64("CLAIMCHECK_WALK_THREADS")
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u64))
        .max(1);
    let t = Instant::now();
    let stats = run_walks(&pack, walks, seed, threads, budget);
    let took = t.elapsed();
    let per_walk = took.as_secs_f64() * 1e6 * threads as f64 / stats.walks.max(1) as f64;
    println!(
        "walks: {} of {walks} (budget {secs} s, 0 = none) over {} settlements and {} questions, \
         {threads} threads, seed {seed:#x}: {:.2?} in all, {per_walk:.0} us per walk per \
         thread; {} questions asked ({:.2} per walk), {} walks answered \"not sure\"; verdicts \
         at the ends: {:?}",
        stats.walks,
        pack.settlements.len(),
        pack.questions.len(),
        took,
        stats.steps,
        stats.steps as f64 / stats.walks.max(1) as f64,
        stats.unsure_walks,
        stats.verdicts,
    );
    if budget.is_none() {
        assert_eq!(stats.walks, walks);
    }
    assert!(
        stats.walks >= walks.min(MIN_WALKS),
        "only {} walks in {secs} s: far too slow",
        stats.walks
    );
    if stats.walks >= 1000 {
        assert!(stats.unsure_walks > 0 && stats.unsure_walks < stats.walks);
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

/// The end-of-walk check is not vacuous: a questionnaire stopped early is caught.
#[test]
fn the_end_check_catches_a_walk_that_stopped_early() {
    let pack = bundled();
    let today = Today::on(pack.checked_on);
    let answers: Answers = [(
        "notice".to_string(),
        Answer::Orgs(vec!["sovos".to_string()]),
    )]
    .into_iter()
    .collect();
    assert!(
        next_question(&pack, &answers, today).is_some(),
        "the flow itself goes on"
    );
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_end(&pack, &answers, today, "test", &mut Stats::default())
    }));
    let msg = caught
        .expect_err("stopping after `notice` must fail the check")
        .downcast::<String>()
        .map(|s| *s)
        .unwrap_or_default();
    assert!(
        msg.contains("is left at can't tell") && msg.contains("never asked"),
        "{msg}"
    );
}
