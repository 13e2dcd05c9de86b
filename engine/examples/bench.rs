//! Performance evidence, printed (not a timed test): evaluating every bundled settlement for one
//! answer set, the same over 1,000 synthetic settlements, and choosing the next question.
//!
//! With `CLAIMCHECK_BENCH_RULES=DIR` (a folder from scripts/synth.py), also loads that catalogue
//! and evaluates every settlement in it for a person notified by its first ten generated
//! organisations (`synth-org-0` to `synth-org-9`, one short settlement each).
//!
//! Run: `cargo run --release -p claimcheck-engine --example bench`

use claimcheck_engine::answers::{Answer, Answers};
use claimcheck_engine::eval::Today;
use claimcheck_engine::load::load_dir;
use claimcheck_engine::{evaluate, next_question, Cents, Date, Pack};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Median time per call over `rounds` rounds of `per_round` calls.
fn median(rounds: usize, per_round: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_round {
                f();
            }
            t.elapsed() / per_round as u32
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let t = Instant::now();
    let loaded = match load_dir(&root) {
        Ok(l) => l,
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let load_time = t.elapsed();
    let pack = loaded.pack;
    let today = Today::on(Date::parse("2026-11-24").unwrap_or(pack.checked_on));
    let mut answers = Answers::new();
    answers.insert(
        "notice".into(),
        Answer::Orgs(vec!["connexin".into(), "genworth".into(), "sovos".into()]),
    );
    answers.insert("us_resident".into(), Answer::Yes);
    answers.insert("state_moveit".into(), Answer::State("CA".into()));
    answers.insert("insider".into(), Answer::No);
    answers.insert("costs".into(), Answer::Money(Cents::dollars(300)));
    answers.insert("hours".into(), Answer::Quarters(24));

    let bundled = median(21, 200, || {
        black_box(evaluate(black_box(&pack), black_box(&answers), today));
    });
    let next = median(11, 20, || {
        black_box(next_question(
            black_box(&pack),
            black_box(&Answers::new()),
            today,
        ));
    });

    // Mid-questionnaire: only the notice answered, so every later question is weighed.
    let mut mid = Answers::new();
    mid.insert(
        "notice".into(),
        Answer::Orgs(vec![
            "connexin".into(),
            "genworth".into(),
            "sovos".into(),
            "comcast".into(),
        ]),
    );
    let next_mid = median(11, 20, || {
        black_box(next_question(black_box(&pack), black_box(&mid), today));
    });

    // 1,000 synthetic settlements: the bundled ones repeated under new ids.
    let mut synthetic: Pack = pack.clone();
    synthetic.settlements = (0..1000)
        .map(|i| {
            let mut s = pack.settlements[i % pack.settlements.len()].clone();
            s.id = format!("synthetic-{i}");
            s
        })
        .collect();
    let thousand = median(11, 10, || {
        black_box(evaluate(black_box(&synthetic), black_box(&answers), today));
    });

    println!("claimcheck engine benchmark (native, release, median)");
    println!(
        "  load + validate rules/ ({} settlements): {:>10.2?}",
        pack.settlements.len(),
        load_time
    );
    println!(
        "  evaluate all {} bundled settlements: {:>10.2?}   goal < 50 µs",
        pack.settlements.len(),
        bundled
    );
    println!(
        "  evaluate 1,000 synthetic settlements:  {:>10.2?}   goal < 5 ms",
        thousand
    );
    println!(
        "  next question (empty answers, all settlements): {:>10.2?}",
        next
    );
    println!(
        "  next question (notice answered, 4 organisations): {:>10.2?}",
        next_mid
    );
    if let Some(dir) = std::env::var_os("CLAIMCHECK_BENCH_RULES") {
        catalogue(Path::new(&dir), today);
    }
}

/// Every settlement of a generated catalogue, for a person matching ten of them.
fn catalogue(dir: &Path, today: Today) {
    let t = Instant::now();
    let Ok(loaded) = load_dir(dir) else {
        eprintln!("{}: not a valid rules folder", dir.display());
        std::process::exit(1);
    };
    let load_time = t.elapsed();
    let pack = loaded.pack;
    let mut answers = Answers::new();
    let orgs = (0..10).map(|i| format!("synth-org-{i}")).collect();
    answers.insert("notice".into(), Answer::Orgs(orgs));
    answers.insert("us_resident".into(), Answer::Yes);
    let results = evaluate(&pack, &answers, today);
    let all = median(11, 5, || {
        black_box(evaluate(black_box(&pack), black_box(&answers), today));
    });
    let next = median(5, 2, || {
        black_box(next_question(black_box(&pack), black_box(&answers), today));
    });
    let n = pack.settlements.len();
    println!("  load + validate the catalogue ({n} settlements): {load_time:>10.2?}");
    println!(
        "  evaluate all {n} settlements of the catalogue, a person matching 10 ({} results not 'not a member'): {all:>10.2?}   goal < 5 ms",
        results.settlements.iter().filter(|r| !matches!(r.verdict, claimcheck_engine::eval::Verdict::NotMember)).count()
    );
    println!("  next question in the catalogue (10 organisations answered): {next:>10.2?}");
}
