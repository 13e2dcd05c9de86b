//! Loads `rules/` into a validated [`Pack`](crate::model::Pack): reads the files, converts them,
//! runs the whole-pack checks, and returns every problem at once as `file:line:col: what — fix`.
//!
//! The only module that knows TOML and file paths. Built only with the `loader` feature: the
//! browser app embeds a pack that was validated here at build time.

pub mod convert;
pub mod diag;
pub mod raw;

use crate::answers::{decode_answer, Answers, RawValue};
use crate::date::Date;
use crate::eval::Verdict;
use crate::model::{DeadlineKind, Organisation, Pack, Question, RulingOutcome, Settlement};
use crate::names::Named;
use crate::scenario::{Expect, Scenario};
use crate::validate;
use convert::{Conv, Directory, SettlementSpans};
pub use diag::RuleError;
use diag::{suggest, FileDiag};
use std::ops::Range;
use std::path::Path;

/// A validated pack, its scenarios, and where each settlement came from.
pub struct Loaded {
    pub pack: Pack,
    pub scenarios: Vec<Scenario>,
}

/// Reads every rule file under `root` (the `rules/` folder) and loads it.
pub fn load_dir(root: &Path) -> Result<Loaded, Vec<RuleError>> {
    let label = |rel: &str| format!("rules/{rel}");
    let mut files = Vec::new();
    let read = |p: &Path| std::fs::read_to_string(p);
    for name in ["pack.toml", "questions.toml", "organisations.toml"] {
        match read(&root.join(name)) {
            Ok(t) => files.push((label(name), t)),
            Err(e) => return Err(vec![unreadable(&label(name), &e)]),
        }
    }
    let mut dirs: Vec<_> = match std::fs::read_dir(root) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .collect(),
        Err(e) => return Err(vec![missing("rules/", &e.to_string())]),
    };
    dirs.sort_by_key(|e| e.file_name());
    for d in dirs {
        let folder = d.file_name().to_string_lossy().to_string();
        let st = d.path().join("settlement.toml");
        match read(&st) {
            Ok(t) => files.push((label(&format!("{folder}/settlement.toml")), t)),
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(vec![unreadable(
                    &label(&format!("{folder}/settlement.toml")),
                    &e,
                )])
            }
            Err(_) => {
                return Err(vec![RuleError {
                    file: label(&format!("{folder}/settlement.toml")),
                    line: 1,
                    col: 1,
                    message: "this settlement folder has no settlement.toml".into(),
                    fix: "add settlement.toml (see rules/README.md) or remove the folder".into(),
                }])
            }
        }
        let sc = d.path().join("scenarios.toml");
        match read(&sc) {
            Ok(t) => files.push((label(&format!("{folder}/scenarios.toml")), t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(vec![unreadable(
                    &label(&format!("{folder}/scenarios.toml")),
                    &e,
                )])
            }
        }
    }
    load_files(&files)
}

/// A rule file that exists but cannot be read, or does not exist.
fn unreadable(file: &str, e: &std::io::Error) -> RuleError {
    match e.kind() {
        std::io::ErrorKind::NotFound => missing(file, &e.to_string()),
        std::io::ErrorKind::InvalidData => RuleError {
            file: file.into(),
            line: 1,
            col: 1,
            message: "the file is not UTF-8 text".into(),
            fix: "save it with the UTF-8 encoding (most editors offer it under Save As)".into(),
        },
        _ => RuleError {
            file: file.into(),
            line: 1,
            col: 1,
            message: format!("cannot read: {e}"),
            fix: "check that the file can be read (permissions)".into(),
        },
    }
}

/// For build scripts (the app's and the JS API's): loads `root`, or stops the build listing every
/// problem, so a bad rule pack can never be embedded.
pub fn load_dir_or_fail_build(root: &Path) -> Loaded {
    match load_dir(root) {
        Ok(l) => l,
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!(
                "\nthe rule pack in rules/ does not load ({} problem{}):\n{}\n",
                list.len(),
                if list.len() == 1 { "" } else { "s" },
                list.join("\n")
            );
        }
    }
}

fn missing(file: &str, why: &str) -> RuleError {
    RuleError {
        file: file.into(),
        line: 1,
        col: 1,
        message: format!("cannot read: {why}"),
        fix: "create the file (see rules/README.md)".into(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(d: &mut FileDiag, text: &str) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            d.toml_error(&e);
            None
        }
    }
}

/// Loads from in-memory files: `(label, text)` where labels are `rules/pack.toml`,
/// `rules/questions.toml`, `rules/organisations.toml`, `rules/<id>/settlement.toml` and
/// `rules/<id>/scenarios.toml`. Never panics, whatever the text.
pub fn load_files(files: &[(String, String)]) -> Result<Loaded, Vec<RuleError>> {
    let mut errors = Vec::new();
    let (checked_on, newest_source) = pack_dates(files, &mut errors);
    let (questions, organisations) = questions_and_organisations(files, &mut errors);
    let dir = Directory {
        questions: &questions,
        organisations: &organisations,
    };
    let (settlements, where_from) = settlements(files, &dir, &mut errors);

    let Some(checked_on) = checked_on else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let pack = Pack {
        checked_on,
        newest_source,
        questions,
        organisations,
        settlements,
    };
    check_whole_pack(&pack, &where_from, &mut errors);
    let scenarios = scenarios(files, &pack, &mut errors);

    if errors.is_empty() {
        Ok(Loaded { pack, scenarios })
    } else {
        Err(errors)
    }
}

/// The in-memory file labelled `name`, if given.
fn find<'a>(files: &'a [(String, String)], name: &str) -> Option<&'a (String, String)> {
    files.iter().find(|(l, _)| l == name)
}

/// From `rules/pack.toml`: the date checked and the newest source date, when they convert.
fn pack_dates(
    files: &[(String, String)],
    errors: &mut Vec<RuleError>,
) -> (Option<Date>, Option<Date>) {
    let mut checked_on = None;
    let mut newest_source = None;
    if let Some((l, t)) = find(files, "rules/pack.toml") {
        let mut d = FileDiag::new(l.clone(), t);
        if let Some(rp) = parse::<raw::RawPack>(&mut d, t) {
            checked_on = convert::pack_date(&mut Conv { d: &mut d }, &rp);
            newest_source = convert::newest_source(&mut Conv { d: &mut d }, &rp);
        }
        errors.extend(d.errors);
    } else {
        errors.push(missing("rules/pack.toml", "not found"));
    }
    (checked_on, newest_source)
}

/// The questions and organisations, then the questions' gates (which need the organisations).
fn questions_and_organisations(
    files: &[(String, String)],
    errors: &mut Vec<RuleError>,
) -> (Vec<Question>, Vec<Organisation>) {
    let mut questions = Vec::new();
    let mut raw_questions = None;
    let q_file = find(files, "rules/questions.toml");
    if let Some((l, t)) = q_file {
        let mut d = FileDiag::new(l.clone(), t);
        if let Some(rq) = parse::<raw::RawQuestions>(&mut d, t) {
            questions = convert::questions(&mut Conv { d: &mut d }, &rq);
            raw_questions = Some(rq);
        }
        errors.extend(d.errors);
    } else {
        errors.push(missing("rules/questions.toml", "not found"));
    }

    let mut organisations = Vec::new();
    if let Some((l, t)) = find(files, "rules/organisations.toml") {
        let mut d = FileDiag::new(l.clone(), t);
        if let Some(ro) = parse::<raw::RawOrganisations>(&mut d, t) {
            organisations = convert::organisations(&mut Conv { d: &mut d }, &ro);
        }
        errors.extend(d.errors);
    } else {
        errors.push(missing("rules/organisations.toml", "not found"));
    }

    if let (Some(rq), Some((l, t))) = (&raw_questions, q_file) {
        let mut d = FileDiag::new(l.clone(), t);
        convert::question_gates(&mut Conv { d: &mut d }, rq, &mut questions, &organisations);
        errors.extend(d.errors);
    }
    (questions, organisations)
}

/// Where each loaded settlement came from, in pack order: its file label, text and spans.
type Origins = Vec<(String, String, SettlementSpans)>;

/// Every `rules/<id>/settlement.toml` that loads without error, with where it came from.
fn settlements(
    files: &[(String, String)],
    dir: &Directory,
    errors: &mut Vec<RuleError>,
) -> (Vec<Settlement>, Origins) {
    let mut settlements = Vec::new();
    let mut where_from: Origins = Vec::new();
    for (label, text) in files {
        let Some(folder) = label
            .strip_prefix("rules/")
            .and_then(|r| r.strip_suffix("/settlement.toml"))
        else {
            continue;
        };
        let mut d = FileDiag::new(label.clone(), text);
        if let Some(rs) = parse::<toml::Spanned<raw::RawSettlement>>(&mut d, text) {
            if let Some((s, spans)) = convert::settlement(&mut Conv { d: &mut d }, &rs, folder, dir)
            {
                if d.errors.is_empty() {
                    where_from.push((label.clone(), text.clone(), spans));
                    settlements.push(s);
                }
            }
        }
        errors.extend(d.errors);
    }
    (settlements, where_from)
}

/// Whole-pack checks: every outcome reachable, no dead ends; each issue placed in its file.
fn check_whole_pack(pack: &Pack, where_from: &Origins, errors: &mut Vec<RuleError>) {
    for issue in validate::check_pack(pack) {
        let (label, text, spans) = &where_from[issue.settlement];
        let span = anchor_span(spans, issue.anchor);
        let mut d = FileDiag::new(label.clone(), text);
        d.at(span, issue.message, issue.fix);
        errors.extend(d.errors);
    }
}

/// The span of an issue's anchor, or of the class or the whole settlement when it has none.
fn anchor_span(spans: &SettlementSpans, anchor: validate::Anchor) -> Range<usize> {
    match anchor {
        validate::Anchor::Whole => spans.whole.clone(),
        validate::Anchor::Class => spans.class.clone(),
        validate::Anchor::Route(i) => spans.routes.get(i).cloned().unwrap_or(spans.class.clone()),
        validate::Anchor::Exclusion(i) => spans
            .exclusions
            .get(i)
            .cloned()
            .unwrap_or(spans.class.clone()),
        validate::Anchor::Subclass(i) => spans
            .subclasses
            .get(i)
            .cloned()
            .unwrap_or(spans.whole.clone()),
        validate::Anchor::Benefit(i) => spans
            .benefits
            .get(i)
            .cloned()
            .unwrap_or(spans.whole.clone()),
    }
}

/// Every `rules/<id>/scenarios.toml`, for settlements that loaded.
fn scenarios(
    files: &[(String, String)],
    pack: &Pack,
    errors: &mut Vec<RuleError>,
) -> Vec<Scenario> {
    let mut scenarios = Vec::new();
    for (label, text) in files {
        let Some(folder) = label
            .strip_prefix("rules/")
            .and_then(|r| r.strip_suffix("/scenarios.toml"))
        else {
            continue;
        };
        let mut d = FileDiag::new(label.clone(), text);
        if pack.settlement(folder).is_none() {
            d.at(
                0..0,
                format!("scenarios for `{folder}`, which did not load"),
                "fix settlement.toml first",
            );
        } else if let Some(rs) = parse::<raw::RawScenarios>(&mut d, text) {
            for sc in &rs.scenario {
                if let Some(s) = scenario(&mut d, pack, folder, sc) {
                    scenarios.push(s);
                }
            }
        }
        errors.extend(d.errors);
    }
    scenarios
}

/// Reads a TOML value from an answer table as a raw answer value.
pub fn raw_value(v: &toml::Value) -> Option<RawValue> {
    Some(match v {
        toml::Value::String(s) => RawValue::Text(s.clone()),
        toml::Value::Integer(i) => RawValue::Number(*i as f64),
        toml::Value::Float(f) => RawValue::Number(*f),
        toml::Value::Boolean(b) => RawValue::Bool(*b),
        toml::Value::Array(a) => {
            RawValue::List(a.iter().map(raw_value).collect::<Option<Vec<_>>>()?)
        }
        _ => return None,
    })
}

/// Decodes an answer table (from a scenario or an answer file) against the pack.
pub fn answers_from_table(
    pack: &Pack,
    table: &toml::Table,
) -> Result<Answers, Vec<crate::answers::AnswerError>> {
    let mut out = Answers::new();
    let mut errs = Vec::new();
    for (k, v) in table {
        let Some(raw) = raw_value(v) else {
            errs.push(crate::answers::AnswerError {
                question: k.clone(),
                message: "expected text, a number, true/false or a list".into(),
            });
            continue;
        };
        match decode_answer(pack, k, &raw) {
            Ok(a) => {
                out.insert(k.clone(), a);
            }
            Err(e) => errs.push(e),
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

/// One `[[scenario]]` of a settlement's scenarios file: its date, its answers and what it
/// expects. Reports the first problem found and gives `None`.
fn scenario(
    d: &mut FileDiag,
    pack: &Pack,
    folder: &str,
    raw: &toml::Spanned<raw::RawScenario>,
) -> Option<Scenario> {
    let r = raw.get_ref();
    let today = scenario_today(d, r)?;
    let answers = scenario_answers(d, pack, raw)?;
    let s = pack.settlement(folder)?;
    let expect = expect(d, pack, s, raw)?;
    Some(Scenario {
        settlement: folder.to_string(),
        name: r.name.get_ref().clone(),
        file: d.file.clone(),
        line: diag::line_col(d.text, raw.span().start).0,
        today,
        answers,
        expect,
    })
}

/// `today` is a date without a time.
fn scenario_today(d: &mut FileDiag, r: &raw::RawScenario) -> Option<crate::date::Date> {
    let today = {
        let dt = r.today.get_ref();
        match dt.date {
            Some(x) if dt.time.is_none() => {
                crate::date::Date::new(x.year as i32, x.month as u32, x.day as u32)
            }
            _ => None,
        }
    };
    if today.is_none() {
        d.at(
            r.today.span(),
            "`today` must be a date",
            "write today = 2024-07-25",
        );
    }
    today
}

/// Each answer names a known question and has a value of its kind; every problem is reported.
fn scenario_answers(
    d: &mut FileDiag,
    pack: &Pack,
    raw: &toml::Spanned<raw::RawScenario>,
) -> Option<Answers> {
    match answers_from_table(pack, &raw.get_ref().answers) {
        Ok(a) => Some(a),
        Err(errs) => {
            for e in errs {
                let fix = if pack.question(&e.question).is_none() {
                    suggest(
                        &e.question,
                        "question id",
                        pack.questions.iter().map(|q| q.id.as_str()),
                    )
                } else {
                    "fix the answer's value".to_string()
                };
                d.at(raw.span(), e.to_string(), fix);
            }
            None
        }
    }
}

/// A scenario's `[expect]` table, each part checked in turn.
fn expect(
    d: &mut FileDiag,
    pack: &Pack,
    s: &crate::model::Settlement,
    raw: &toml::Spanned<raw::RawScenario>,
) -> Option<Expect> {
    let x = raw.get_ref().expect.get_ref();
    let verdict = expected_verdict(d, x)?;
    let deadlines = expected_deadlines(d, x)?;
    let benefits = expected_benefits(d, s, x)?;
    let subclasses = x
        .subclasses
        .as_ref()
        .map(|v| v.iter().map(|s| s.get_ref().clone()).collect());
    known_next(d, pack, x)?;
    known_views(d, x)?;
    known_outcomes(d, x, raw)?;
    Some(Expect {
        verdict,
        subclasses,
        deadlines,
        benefits,
        options: x.options.as_ref().map(|o| *o.get_ref()),
        rulings: x.rulings.as_ref().map(|o| *o.get_ref()),
        windows: x
            .window
            .iter()
            .map(|(k, v)| (k.clone(), v.get_ref().clone()))
            .collect(),
        outcomes: x
            .outcome
            .iter()
            .map(|(k, v)| (k.clone(), *v.get_ref()))
            .collect(),
        next: x.next.as_ref().map(|n| n.get_ref().clone()),
        guidance: x.guidance.as_ref().map(|g| g.get_ref().clone()),
        status: x.status.as_ref().map(|g| g.get_ref().clone()),
    })
}

/// The expected verdict, if one is given, is a known verdict: `Some(None)` when none is given,
/// `None` when it is unknown (and reported).
fn expected_verdict(d: &mut FileDiag, x: &raw::RawExpect) -> Option<Option<String>> {
    match &x.verdict {
        Some(v) => match v.get_ref().as_str() {
            known if Verdict::from_name(known).is_some() => Some(Some(v.get_ref().clone())),
            other => {
                d.at(
                    v.span(),
                    format!("unknown verdict `{other}`"),
                    suggest(other, "verdict", Verdict::names()),
                );
                None
            }
        },
        None => Some(None),
    }
}

/// Expected deadlines: each a known deadline kind in a known state.
fn expected_deadlines(d: &mut FileDiag, x: &raw::RawExpect) -> Option<Vec<(String, String)>> {
    let mut deadlines = Vec::new();
    for (k, v) in &x.deadline {
        if DeadlineKind::from_name(k).is_none() {
            d.at(
                v.span(),
                format!("unknown deadline kind `{k}`"),
                suggest(k, "deadline kind", DeadlineKind::names()),
            );
            return None;
        }
        let st = v.get_ref();
        let ok = matches!(
            st.as_str(),
            "last_day"
                | "closed"
                | "not_open"
                | "unknown"
                | "closed_before_hearing"
                | "probably_closed"
        ) || st
            .strip_prefix("open:")
            .is_some_and(|n| n.parse::<u32>().is_ok());
        if !ok {
            d.at(
                v.span(),
                format!("unknown deadline state `{st}`"),
                "write open:N, last_day, closed, not_open, unknown, closed_before_hearing or probably_closed",
            );
            return None;
        }
        deadlines.push((k.clone(), st.clone()));
    }
    Some(deadlines)
}

/// Expected benefits: each a benefit of the settlement, with an amount or a word for one.
fn expected_benefits(
    d: &mut FileDiag,
    s: &crate::model::Settlement,
    x: &raw::RawExpect,
) -> Option<Vec<(String, String)>> {
    let mut benefits = Vec::new();
    for (k, v) in &x.benefit {
        if s.benefit(k).is_none() {
            d.at(
                v.span(),
                format!("unknown benefit `{k}`"),
                suggest(k, "benefit id", s.benefits.iter().map(|b| b.id.as_str())),
            );
            return None;
        }
        let val = v.get_ref();
        let word = matches!(val.as_str(), "depends" | "unverified" | "service");
        if !word && crate::money::Cents::parse(val).is_err() {
            d.at(
                v.span(),
                "expected an amount like \"$450\", \"depends\", \"unverified\" or \"service\"",
                "write the amount you worked out from the sources",
            );
            return None;
        }
        benefits.push((k.clone(), val.clone()));
    }
    Some(benefits)
}

/// The expected next question, if given, is `none` or a known question.
fn known_next(d: &mut FileDiag, pack: &Pack, x: &raw::RawExpect) -> Option<()> {
    if let Some(next) = &x.next {
        if next.get_ref() != "none" && pack.question(next.get_ref()).is_none() {
            d.at(
                next.span(),
                format!("unknown question `{}`", next.get_ref()),
                suggest(
                    next.get_ref(),
                    "question id",
                    pack.questions.iter().map(|q| q.id.as_str()),
                ),
            );
            return None;
        }
    }
    Some(())
}

/// Guidance and status views, if given, are known codes.
fn known_views(d: &mut FileDiag, x: &raw::RawExpect) -> Option<()> {
    // Guidance and status views: spelled as `Guidance::code` and `StatusView::code` print them.
    for (v, allowed) in [
        (&x.guidance, &["next_steps", "after_close", "both"][..]),
        (&x.status, &["current", "as_of", "hidden"][..]),
    ] {
        if let Some(v) = v {
            if !allowed.contains(&v.get_ref().as_str()) {
                d.at(
                    v.span(),
                    format!("unknown value `{}`", v.get_ref()),
                    format!("write one of {}", allowed.join(", ")),
                );
                return None;
            }
        }
    }
    Some(())
}

/// Ruling outcomes counted are known outcome codes.
fn known_outcomes(
    d: &mut FileDiag,
    x: &raw::RawExpect,
    raw: &toml::Spanned<raw::RawScenario>,
) -> Option<()> {
    for k in x.outcome.keys() {
        if RulingOutcome::from_name(k).is_none() {
            let span = x.outcome.get(k).map(|v| v.span()).unwrap_or(raw.span());
            d.at(
                span,
                format!("unknown ruling outcome `{k}`"),
                "write outcome.survived, outcome.dismissed, outcome.abandoned or outcome.mixed",
            );
            return None;
        }
    }
    Some(())
}
