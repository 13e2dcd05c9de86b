//! `claimcheck`: the rule author's command line over the engine.
//!
//! check  validate every rule folder (non-zero exit with the errors)
//! eval   evaluate an answer file on a date, as text or JSON
//! paths  every reachable verdict of a settlement and answers that reach it
//! graph  the question flow as Mermaid (default) or Graphviz DOT
//! test   run every scenario and print "N passed, N failed"
//! unverified  every value no source confirmed, with its reason (English, or --lang es)
//! pack   check the rules, run every scenario, and publish the pack files into a built dist/
//!
//! Knows nothing of browsers; reads files and prints. Never panics on bad input.

mod describe;
mod flowgraph;
mod publish;
mod totals;
mod ui;

use claimcheck_engine::answers::{decode_answer, AnswerError, Answers, RawValue};
use claimcheck_engine::load::{self, Loaded};
use claimcheck_engine::text::Lang;
use claimcheck_engine::unverified::unverified_in;
use claimcheck_engine::{evaluate, Date, Today};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  claimcheck check [--rules DIR]
  claimcheck eval --answers FILE --today YYYY-MM-DD [--json] [--rules DIR]
  claimcheck paths SETTLEMENT_ID [--rules DIR]
  claimcheck graph SETTLEMENT_ID [--dot] [--rules DIR]
  claimcheck test [--rules DIR] [--only SETTLEMENT_ID]
  claimcheck unverified [SETTLEMENT_ID] [--lang en|es] [--rules DIR]
  claimcheck pack [RULES] --out DIST";

struct Args {
    cmd: String,
    positional: Vec<String>,
    rules: PathBuf,
    answers: Option<PathBuf>,
    today: Option<String>,
    only: Option<String>,
    out: Option<PathBuf>,
    json: bool,
    dot: bool,
    lang: Lang,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let cmd = it.next().ok_or_else(|| USAGE.to_string())?;
    let mut a = Args {
        cmd,
        positional: Vec::new(),
        rules: PathBuf::from("rules"),
        answers: None,
        today: None,
        only: None,
        out: None,
        json: false,
        dot: false,
        lang: Lang::En,
    };
    while let Some(x) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match x.as_str() {
            "--rules" => a.rules = PathBuf::from(value("--rules")?),
            "--answers" => a.answers = Some(PathBuf::from(value("--answers")?)),
            "--today" => a.today = Some(value("--today")?),
            "--only" => a.only = Some(value("--only")?),
            "--out" => a.out = Some(PathBuf::from(value("--out")?)),
            "--lang" => {
                a.lang = match value("--lang")?.as_str() {
                    "en" => Lang::En,
                    "es" => Lang::Es,
                    other => return Err(format!("--lang takes en or es, not `{other}`\n{USAGE}")),
                }
            }
            "--json" => a.json = true,
            "--dot" => a.dot = true,
            "--mermaid" => a.dot = false,
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            s => a.positional.push(s.to_string()),
        }
    }
    Ok(a)
}

fn load_or_report(rules: &std::path::Path) -> Result<Loaded, ExitCode> {
    load::load_dir(rules).map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!(
            "{} problem{} found.",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        ExitCode::FAILURE
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(m) => {
            eprintln!("{m}");
            return ExitCode::from(2);
        }
    };
    let result = match args.cmd.as_str() {
        "check" => cmd_check(&args),
        "eval" => cmd_eval(&args),
        "paths" => cmd_paths(&args),
        "graph" => cmd_graph(&args),
        "test" => cmd_test(&args),
        "unverified" => cmd_unverified(&args),
        "pack" => cmd_pack(&args),
        other => {
            eprintln!("unknown command `{other}`\n{USAGE}");
            Err(ExitCode::from(2))
        }
    };
    result.unwrap_or_else(|c| c)
}

fn cmd_check(args: &Args) -> Result<ExitCode, ExitCode> {
    let l = load_or_report(&args.rules)?;
    let full = l
        .pack
        .settlements
        .iter()
        .filter(|s| s.detail == claimcheck_engine::model::Detail::Full)
        .count();
    println!(
        "ok: {} settlements ({} full, {} short), {} questions, {} organisations, {} scenarios; facts as of {}",
        l.pack.settlements.len(),
        full,
        l.pack.settlements.len() - full,
        l.pack.questions.len(),
        l.pack.organisations.len(),
        l.scenarios.len(),
        l.pack.checked_on
    );
    Ok(ExitCode::SUCCESS)
}

fn json_to_raw(v: &serde_json::Value) -> Option<RawValue> {
    Some(match v {
        serde_json::Value::String(s) => RawValue::Text(s.clone()),
        serde_json::Value::Number(n) => RawValue::Number(n.as_f64()?),
        serde_json::Value::Bool(b) => RawValue::Bool(*b),
        serde_json::Value::Array(a) => {
            RawValue::List(a.iter().map(json_to_raw).collect::<Option<Vec<_>>>()?)
        }
        _ => return None,
    })
}

/// Reads an answer file (`.json`, else TOML) against the pack; every problem names its field.
pub fn read_answers(
    pack: &claimcheck_engine::Pack,
    path: &PathBuf,
) -> Result<Answers, Vec<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| vec![format!("{}: cannot read: {e}", path.display())])?;
    let is_json =
        path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('{');
    let mut out = Answers::new();
    let mut errs: Vec<AnswerError> = Vec::new();
    if is_json {
        let v: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| vec![format!("{}: not valid JSON: {e}", path.display())])?;
        let Some(obj) = v.as_object() else {
            return Err(vec![format!(
                "{}: expected an object of answers, like {{\"notice\": [\"connexin\"]}}",
                path.display()
            )]);
        };
        for (k, v) in obj {
            match json_to_raw(v)
                .ok_or_else(|| AnswerError {
                    question: k.clone(),
                    message: "expected text, a number, true/false or a list".into(),
                })
                .and_then(|raw| decode_answer(pack, k, &raw))
            {
                Ok(a) => {
                    out.insert(k.clone(), a);
                }
                Err(e) => errs.push(e),
            }
        }
    } else {
        let table: toml::Table = toml::from_str(&text).map_err(|e| {
            vec![format!(
                "{}: not valid TOML: {}",
                path.display(),
                e.message()
            )]
        })?;
        match load::answers_from_table(pack, &table) {
            Ok(a) => out = a,
            Err(e) => errs = e,
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs
            .iter()
            .map(|e| format!("{}: {e}", path.display()))
            .collect())
    }
}

fn cmd_eval(args: &Args) -> Result<ExitCode, ExitCode> {
    let (Some(path), Some(today)) = (&args.answers, &args.today) else {
        eprintln!("eval needs --answers FILE and --today YYYY-MM-DD\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    let Some(date) = Date::parse(today) else {
        eprintln!("--today: expected a date as YYYY-MM-DD, got {today:?}");
        return Err(ExitCode::from(2));
    };
    let l = load_or_report(&args.rules)?;
    let answers = read_answers(&l.pack, path).map_err(|errs| {
        for e in errs {
            eprintln!("{e}");
        }
        ExitCode::FAILURE
    })?;
    let results = evaluate(&l.pack, &answers, Today::on(date));
    if args.json {
        match serde_json::to_string_pretty(&results) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("cannot print JSON: {e}");
                return Err(ExitCode::FAILURE);
            }
        }
    } else {
        print!("{}", describe::results(&l.pack, &answers, &results));
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_paths(args: &Args) -> Result<ExitCode, ExitCode> {
    let Some(id) = args.positional.first() else {
        eprintln!("paths needs a settlement id\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    let l = load_or_report(&args.rules)?;
    let Some(s) = l.pack.settlement(id) else {
        eprintln!("no settlement `{id}`");
        return Err(ExitCode::FAILURE);
    };
    print!("{}", flowgraph::paths(&l.pack, s));
    Ok(ExitCode::SUCCESS)
}

fn cmd_graph(args: &Args) -> Result<ExitCode, ExitCode> {
    let Some(id) = args.positional.first() else {
        eprintln!("graph needs a settlement id\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    let l = load_or_report(&args.rules)?;
    let Some(s) = l.pack.settlement(id) else {
        eprintln!("no settlement `{id}`");
        return Err(ExitCode::FAILURE);
    };
    print!("{}", flowgraph::graph(&l.pack, s, args.dot));
    Ok(ExitCode::SUCCESS)
}

fn cmd_test(args: &Args) -> Result<ExitCode, ExitCode> {
    let l = load_or_report(&args.rules)?;
    let failed = run_scenarios(&l, args.only.as_deref());
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Runs the scenarios (of one settlement, or all), prints each failure and the totals, and
/// returns how many failed.
fn run_scenarios(l: &Loaded, only: Option<&str>) -> usize {
    let (mut passed, mut failed) = (0, 0);
    for sc in &l.scenarios {
        if only.is_some_and(|o| o != sc.settlement) {
            continue;
        }
        let fails = claimcheck_engine::scenario::run(&l.pack, sc);
        if fails.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            println!("FAIL {}:{}: {}", sc.file, sc.line, sc.name);
            for f in fails {
                println!("     {f}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    failed
}

/// `pack [RULES] --out DIST`: the rules checked, every scenario run, then the pack files
/// written into a built `dist/` with everything that pins them (see `publish`).
fn cmd_pack(args: &Args) -> Result<ExitCode, ExitCode> {
    let Some(dist) = &args.out else {
        eprintln!("pack needs --out DIST (a folder the app was built into)\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    let rules = args
        .positional
        .first()
        .map_or(args.rules.clone(), PathBuf::from);
    let l = load_or_report(&rules)?;
    if run_scenarios(&l, None) > 0 {
        eprintln!(
            "pack: scenarios failed; nothing written to {}",
            dist.display()
        );
        return Err(ExitCode::FAILURE);
    }
    let stop = |e: String| {
        eprintln!("pack: {e}");
        ExitCode::FAILURE
    };
    let before = publish::read_dist(dist).map_err(stop)?;
    let changes = claimcheck_publish::publish_pack(&before, &l.pack, ui::UI).map_err(stop)?;
    publish::apply(dist, &changes).map_err(stop)?;
    for name in &changes.pack_names {
        let len = changes.write.get(name).map_or(0, Vec::len);
        println!("wrote {}/{name} ({len} bytes)", dist.display());
    }
    println!(
        "pack of {} settlements, facts as of {}: the loader, the service worker and claimcheck.html updated",
        l.pack.settlements.len(),
        l.pack.checked_on,
    );
    Ok(ExitCode::SUCCESS)
}

/// Lists every value marked unverified, with its place and its reason in `--lang`, then the
/// totals: sourced and unverified values per settlement and overall.
fn cmd_unverified(args: &Args) -> Result<ExitCode, ExitCode> {
    let l = load_or_report(&args.rules)?;
    let mut total = 0;
    let mut tally: Vec<(String, &str, totals::Tally)> = Vec::new();
    for s in &l.pack.settlements {
        if args.positional.first().is_some_and(|id| id != &s.id) {
            continue;
        }
        let Ok(v) = serde_json::to_value(s) else {
            continue;
        };
        let detail = if s.detail == claimcheck_engine::model::Detail::Full {
            "full"
        } else {
            "short"
        };
        let mut t = totals::Tally::default();
        totals::count_facts(&v, &mut t);
        tally.push((s.id.clone(), detail, t));
        let mut found = Vec::new();
        unverified_in(&v, String::new(), args.lang, &mut found);
        if found.is_empty() {
            continue;
        }
        println!("{} ({detail}):", s.id);
        for (path, reason) in &found {
            println!("  {path}: {reason}");
        }
        total += found.len();
    }
    println!("{total} unverified values");
    totals::print(&tally);
    Ok(ExitCode::SUCCESS)
}
