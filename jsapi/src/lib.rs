//! claimcheck's JavaScript API for embedders.
//!
//! In the browser (wasm32, see `js.rs`) it exports `check(answers, today)`, `loadPack(structure,
//! texts)` (a published pack, `files.rs`),
//! `nextQuestion(answers, today)`, `pack()` and `validateRules(pack)`; docs/jsapi.md describes
//! them. This file is the part that knows nothing of JavaScript, so it builds and is tested
//! natively: the bundled pack (validated by build.rs at build time, as the app does), reading
//! answers given as plain values, reading "today", and validating a pack given as data.
//!
//! Nothing here reads a clock or touches the network: every answer stays in the caller's page.

pub mod files;
pub mod shape;

#[cfg(target_arch = "wasm32")]
mod js;

use claimcheck_engine::answers::{decode_answer, Answers, RawValue};
use claimcheck_engine::eval::{evaluate, Results, Today};
use claimcheck_engine::model::{Pack, Question};
use claimcheck_engine::model_check::{self, ModelError};
use claimcheck_engine::validate::{self, Anchor};
use claimcheck_engine::Date;
use serde::Serialize;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// The bundled rule pack as JSON: `rules/` loaded and validated by build.rs.
pub const PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// The bundled rule pack, parsed once.
pub fn bundled() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| {
        // The same road as `validate` (text, then a JSON value, then a tracked deserializer):
        // one copy of the pack's deserializing code in the .wasm instead of two.
        serde_json::from_str::<serde_json::Value>(PACK_JSON)
            .map_err(|e| e.to_string())
            .and_then(|v| deserialize_pack(&v).map_err(|e| e.message))
            .expect("build.rs wrote a pack that deserializes")
    })
}

/// The pack read from published files by [`load_files`], once one is.
static LOADED: Mutex<Option<&'static Pack>> = Mutex::new(None);

/// The pack `check` and `next_question` read: the published one last loaded, else the bundled.
pub fn current() -> &'static Pack {
    let loaded = LOADED.lock().map(|l| *l).unwrap_or(None);
    loaded.unwrap_or_else(bundled)
}

/// Whether a published pack has been loaded (`pack()` then returns it).
pub fn loaded() -> Option<&'static Pack> {
    LOADED.lock().map(|l| *l).unwrap_or(None)
}

/// Reads published pack files (`files::read`) and makes that pack the one every later call
/// reads. A refused set changes nothing. (Each loaded pack is kept for the page's life: the
/// results handed out borrow from it; a page loads one, or a few.)
pub fn load_files(structure: &[u8], tables: &[&[u8]]) -> Result<&'static Pack, String> {
    let pack: &'static Pack = Box::leak(Box::new(files::read(structure, tables)?));
    if let Ok(mut l) = LOADED.lock() {
        *l = Some(pack);
    }
    Ok(pack)
}

/// A bad input: which field (a question id, "today" or "answers") and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field.as_str() {
            "today" | "answers" => write!(f, "{}: {}", self.field, self.message),
            q => write!(f, "answer \"{q}\": {}", self.message),
        }
    }
}

/// One answer as the caller gave it, before the question kind gives it meaning.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// null or undefined: treated as not answered.
    Missing,
    Value(RawValue),
    /// Not text, a number, true/false or a list of those (the message says what it was).
    Bad(String),
}

/// The "expected" half of the message for an answer of the wrong shape.
pub const ANSWER_SHAPE: &str = "expected text, a number, true/false or a list of texts";

/// Reads a JSON value as one answer (for callers that hold JSON rather than JS values).
pub fn input_from_json(v: &serde_json::Value) -> Input {
    use serde_json::Value as V;
    fn scalar(v: &V) -> Option<RawValue> {
        match v {
            V::String(s) => Some(RawValue::Text(s.clone())),
            V::Number(n) => n.as_f64().map(RawValue::Number),
            V::Bool(b) => Some(RawValue::Bool(*b)),
            _ => None,
        }
    }
    match v {
        V::Null => Input::Missing,
        V::Array(items) => match items.iter().map(scalar).collect::<Option<Vec<_>>>() {
            Some(list) => Input::Value(RawValue::List(list)),
            None => Input::Bad(format!("{ANSWER_SHAPE}, got a list holding something else")),
        },
        other => match scalar(other) {
            Some(r) => Input::Value(r),
            None => Input::Bad(format!("{ANSWER_SHAPE}, got {}", shape::describe(other))),
        },
    }
}

/// Decodes answers keyed by question id against `pack`; every bad one is reported, each naming
/// its question.
pub fn decode_answers(
    pack: &Pack,
    entries: impl IntoIterator<Item = (String, Input)>,
) -> Result<Answers, Vec<FieldError>> {
    let mut out = Answers::new();
    let mut errors = Vec::new();
    for (id, input) in entries {
        match input {
            Input::Missing => {}
            Input::Bad(message) => errors.push(FieldError { field: id, message }),
            Input::Value(raw) => match decode_answer(pack, &id, &raw) {
                Ok(a) => {
                    out.insert(id, a);
                }
                Err(e) => errors.push(FieldError {
                    field: e.question,
                    message: e.message,
                }),
            },
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Reads answers from a JSON object keyed by question id (null: no answers).
pub fn answers_from_json(pack: &Pack, v: &serde_json::Value) -> Result<Answers, Vec<FieldError>> {
    match v {
        serde_json::Value::Null => Ok(Answers::new()),
        serde_json::Value::Object(m) => {
            decode_answers(pack, m.iter().map(|(k, v)| (k.clone(), input_from_json(v))))
        }
        other => Err(vec![not_an_answers_object(&shape::describe(other))]),
    }
}

pub fn not_an_answers_object(got: &str) -> FieldError {
    FieldError {
        field: "answers".into(),
        message: format!(
            "expected an object keyed by question id, such as {{ notice: [\"connexin\"] }}, got {got}"
        ),
    }
}

/// Reads "today" as `YYYY-MM-DD`.
pub fn parse_today(text: &str) -> Result<Today, FieldError> {
    Date::parse(text).map(Today::on).ok_or_else(|| FieldError {
        field: "today".into(),
        message: format!("expected a date as \"YYYY-MM-DD\", such as \"2024-07-24\", got {text:?}"),
    })
}

/// The "today" error for a value that is not text at all.
pub fn today_not_text(got: &str) -> FieldError {
    FieldError {
        field: "today".into(),
        message: format!("expected a date as \"YYYY-MM-DD\" (text), got {got}"),
    }
}

/// Evaluates the current pack (the bundled one until published files are loaded): the
/// results the app renders.
pub fn check(answers: &Answers, today: Today) -> Results {
    evaluate(current(), answers, today)
}

/// The next question to ask with the bundled pack, or `None` when nothing asked could change
/// any result.
pub fn next_question(answers: &Answers, today: Today) -> Option<&'static Question> {
    claimcheck_engine::next_question(current(), answers, today)
}

/// Validates a rule pack given as data: its shape first (every problem, each with its path),
/// then, once it has the shape of a pack, its meaning (`model_check`: references, texts,
/// sources, deadlines, ids), then the checks the build runs (every route, exclusion and
/// subclass reachable; the questionnaire never dead-ends). Empty when the pack is valid.
pub fn validate(v: &serde_json::Value) -> Vec<ModelError> {
    let errors = shape::check(v);
    if !errors.is_empty() {
        return errors;
    }
    // The walk above mirrors the model; deserializing is the last word on the shape.
    let pack = match deserialize_pack(v) {
        Ok(p) => p,
        Err(e) => return vec![e],
    };
    let errors = model_check::check(&pack);
    if !errors.is_empty() {
        return errors;
    }
    validate::check_pack(&pack)
        .into_iter()
        .map(|issue| {
            let s = format!("settlements[{}]", issue.settlement);
            let path = match issue.anchor {
                Anchor::Whole => s,
                Anchor::Class => format!("{s}.class"),
                Anchor::Route(i) => format!("{s}.class.routes[{i}]"),
                Anchor::Exclusion(i) => format!("{s}.class.exclusions[{i}]"),
                Anchor::Subclass(i) => format!("{s}.subclasses[{i}]"),
                Anchor::Benefit(i) => format!("{s}.benefits[{i}]"),
            };
            ModelError {
                path,
                message: format!("{} — {}", issue.message, issue.fix),
            }
        })
        .collect()
}

/// Deserializes a pack from a JSON value; an error carries the path serde reached.
fn deserialize_pack(v: &serde_json::Value) -> Result<Pack, ModelError> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        ModelError {
            path: if path == "." { String::new() } else { path },
            message: e.into_inner().to_string(),
        }
    })
}

/// Validates a pack given as JSON text: a syntax error is reported with its line and column.
pub fn validate_json(text: &str) -> Vec<ModelError> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => validate(&v),
        Err(e) => vec![ModelError {
            path: String::new(),
            message: format!("not JSON: {e}"),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimcheck_engine::eval::{DeadlineState, Verdict};
    use claimcheck_engine::model::DeadlineKind;
    use serde_json::{json, Value};

    fn pack_value() -> Value {
        serde_json::from_str(PACK_JSON).unwrap()
    }

    fn settlement_index(id: &str) -> usize {
        bundled()
            .settlements
            .iter()
            .position(|s| s.id == id)
            .unwrap()
    }

    #[test]
    fn connexin_is_likely_with_one_day_left_to_claim() {
        let answers = answers_from_json(bundled(), &json!({ "notice": ["connexin"] })).unwrap();
        let r = check(&answers, parse_today("2024-07-24").unwrap());
        let s = &r.settlements[settlement_index("connexin")];
        assert_eq!(s.verdict, Verdict::Likely);
        let model = &bundled().settlements[settlement_index("connexin")];
        let claim = s
            .deadlines
            .iter()
            .find(|d| model.deadlines[d.index].kind == DeadlineKind::Claim)
            .unwrap();
        assert_eq!(claim.state, DeadlineState::Open { days_left: 1 });
    }

    #[test]
    fn answers_in_answer_file_form_decode() {
        let a = answers_from_json(
            bundled(),
            &json!({ "notice": ["connexin"], "us_resident": "yes", "costs": "$300", "hours": 2.5, "insider": null }),
        )
        .unwrap();
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn bad_answers_name_their_field() {
        let e = answers_from_json(
            bundled(),
            &json!({ "notice": ["connexin"], "hours": "lots", "costs": { "usd": 3 }, "nope": "yes" }),
        )
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|x| x.field.as_str()).collect();
        assert!(fields.contains(&"hours") && fields.contains(&"costs") && fields.contains(&"nope"));
        let hours = e.iter().find(|x| x.field == "hours").unwrap();
        assert!(
            hours.to_string().starts_with("answer \"hours\": "),
            "{hours}"
        );
        let e = answers_from_json(bundled(), &json!(["notice"])).unwrap_err();
        assert_eq!(e[0].field, "answers");
        assert_eq!(parse_today("2024-13-01").unwrap_err().field, "today");
        assert!(parse_today("2024-7-1").is_err());
    }

    #[test]
    fn next_question_starts_with_the_notice() {
        let q = next_question(&Answers::new(), parse_today("2024-07-24").unwrap()).unwrap();
        assert_eq!(q.id, bundled().questions[0].id);
    }

    #[test]
    fn the_bundled_pack_validates() {
        let errors = validate(&pack_value());
        assert!(errors.is_empty(), "{errors:?}");
    }

    /// The first documented-losses benefit of Connexin: (settlement index, benefit index).
    fn connexin_losses() -> (usize, usize) {
        let i = settlement_index("connexin");
        let b = bundled().settlements[i]
            .benefits
            .iter()
            .position(|b| b.id == "losses")
            .unwrap();
        (i, b)
    }

    #[test]
    fn a_cap_in_dollars_is_named_with_its_path() {
        let (i, b) = connexin_losses();
        let mut v = pack_value();
        v["settlements"][i]["benefits"][b]["kind"]["cap"] = json!("$7,500");
        let e = validate(&v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].path,
            format!("settlements[{i}].benefits[{b}].kind.cap")
        );
        assert!(
            e[0].message.contains("expected an amount in cents"),
            "{e:?}"
        );

        let mut v = pack_value();
        v["settlements"][i]["benefits"][b]["kind"]["cap"]["main"]["value"] = json!("$7,500");
        let e = validate(&v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].path,
            format!("settlements[{i}].benefits[{b}].kind.cap.main.value")
        );
        assert!(e[0].message.contains("expected an amount in cents"));
        assert!(e[0].message.contains("write 750000"), "{}", e[0].message);
    }

    #[test]
    fn every_structural_error_is_reported() {
        let (i, b) = connexin_losses();
        let mut v = pack_value();
        v["checked_on"] = json!("2024-02-30");
        v["questions"][0]["text"] = json!({ "en": "Who sent you a notice?" });
        v["settlements"][i]["deadlines"][0]["zone"] = json!("EST");
        v["settlements"][i]["benefits"][b]["kind"]["t"] = json!("documented_loss");
        v["settlements"][i]
            .as_object_mut()
            .unwrap()
            .remove("subclasses");
        v["settlements"][i]["class"]["routes"][0]["when"] =
            json!({ "t": "cmp", "c": ["us_resident", "Eq"] });
        v["settlements"][i]["summary"]["fr"] = json!("...");
        let e = validate(&v);
        let s = format!("settlements[{i}]");
        let expect = [
            ("checked_on", "not one"),
            ("questions[0].text.es", "missing"),
            (&format!("{s}.deadlines[0].zone"), "\"Unknown\""),
            (
                &format!("{s}.benefits[{b}].kind.t"),
                "\"documented_losses\"",
            ),
            (&format!("{s}.subclasses"), "write []"),
            (
                &format!("{s}.class.routes[0].when.c"),
                "[question id, operator",
            ),
            (&format!("{s}.summary.fr"), "unknown field"),
        ];
        for (path, words) in expect {
            assert!(
                e.iter()
                    .any(|x| x.path == path && x.message.contains(words)),
                "no `{path}: ...{words}...` in {e:#?}"
            );
        }
        assert_eq!(e.len(), expect.len(), "{e:#?}");
    }

    #[test]
    fn semantic_errors_follow_once_the_shape_is_right() {
        let i = settlement_index("connexin");
        let mut v = pack_value();
        v["settlements"][i]["class"]["routes"][0]["when"] =
            json!({ "t": "cmp", "c": ["us_residnet", "Eq", { "t": "word", "v": "yes" }] });
        let e = validate(&v);
        assert_eq!(
            e,
            vec![ModelError {
                path: format!("settlements[{i}].class.routes[0].when.c[0]"),
                message: "unknown question `us_residnet`".into()
            }]
        );
    }

    #[test]
    fn reachability_is_checked_like_the_build_does() {
        let i = settlement_index("connexin");
        let mut v = pack_value();
        // A route that can never hold: yes and no at once.
        v["settlements"][i]["class"]["routes"][0]["when"] = json!({ "t": "all", "c": [
            { "t": "cmp", "c": ["us_resident", "Eq", { "t": "word", "v": "yes" }] },
            { "t": "cmp", "c": ["us_resident", "Eq", { "t": "word", "v": "no" }] }
        ] });
        let e = validate(&v);
        assert!(
            e.iter()
                .any(|x| x.path == format!("settlements[{i}].class.routes[0]")
                    && x.message.contains("can never hold")),
            "{e:#?}"
        );
    }

    #[test]
    fn json_text_and_non_objects() {
        let e = validate_json("{ \"checked_on\": ");
        assert!(e[0].message.starts_with("not JSON: "), "{e:?}");
        let e = validate(&json!([1, 2]));
        assert_eq!(e[0].path, "");
        assert!(e[0].message.contains("expected a rule pack"));
    }

    /// Every node of the pack: its JSON pointer and its key path without list indexes.
    fn pointers(v: &Value, at: (String, String), out: &mut Vec<(String, String)>) {
        let children: Vec<(String, String, &Value)> = match v {
            Value::Object(m) => m
                .iter()
                .map(|(k, x)| (format!("{}/{k}", at.0), format!("{}.{k}", at.1), x))
                .collect(),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("{}/{i}", at.0), format!("{}[]", at.1), x))
                .collect(),
            _ => Vec::new(),
        };
        for (ptr, key, x) in children {
            out.push((ptr.clone(), key.clone()));
            pointers(x, (ptr, key), out);
        }
    }

    /// Every key path of `v` with list indexes left out (`settlements[].case.fund.t`).
    fn key_paths(v: &Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
        out.insert(at.to_string());
        match v {
            Value::Object(m) => m
                .iter()
                .for_each(|(k, x)| key_paths(x, &format!("{at}.{k}"), out)),
            Value::Array(a) => a.iter().for_each(|x| key_paths(x, &format!("{at}[]"), out)),
            _ => {}
        }
    }

    /// The bundled pack cut down to the fewest questions, organisations and settlements that
    /// still hold every key path of the whole (so every shape is there, in a tenth of the size).
    fn small_pack() -> Value {
        let mut v = pack_value();
        for list in ["questions", "organisations", "settlements"] {
            let items = v[list].as_array().unwrap().clone();
            let paths: Vec<_> = items
                .iter()
                .map(|x| {
                    let mut out = std::collections::BTreeSet::new();
                    key_paths(x, "", &mut out);
                    out
                })
                .collect();
            let mut covered = std::collections::BTreeSet::new();
            let mut keep = Vec::new();
            loop {
                let best = (0..items.len())
                    .max_by_key(|&i| paths[i].difference(&covered).count())
                    .unwrap();
                if paths[best].difference(&covered).count() == 0 {
                    break;
                }
                covered.extend(paths[best].iter().cloned());
                keep.push(items[best].clone());
            }
            v[list] = Value::Array(keep);
        }
        v
    }

    /// The walk and serde agree on what is a pack, over broken copies of the bundled pack:
    /// each node of a sample replaced by text, a fraction, null, or removed.
    #[test]
    fn the_shape_walk_agrees_with_serde() {
        let base = small_pack();
        let mut full = std::collections::BTreeSet::new();
        key_paths(&pack_value(), "", &mut full);
        let mut small = std::collections::BTreeSet::new();
        key_paths(&base, "", &mut small);
        assert_eq!(full, small);
        assert!(shape::check(&base).is_empty());
        // One node per key path: every field of every type, every list, every tag.
        let mut all = Vec::new();
        pointers(&base, (String::new(), String::new()), &mut all);
        let mut seen = std::collections::BTreeSet::new();
        all.retain(|(_, key)| seen.insert(key.clone()));
        let mut tried = 0;
        for (n, (ptr, _)) in all.iter().enumerate() {
            // Text everywhere, and in turn a fraction, null, or the node removed.
            for m in [0, 1 + n % 3] {
                let mut v = base.clone();
                if m < 3 {
                    *v.pointer_mut(ptr).unwrap() = [json!("x"), json!(1.5), Value::Null][m].clone();
                } else {
                    let (parent, key) = ptr.rsplit_once('/').unwrap();
                    match v.pointer_mut(parent) {
                        Some(Value::Object(o)) => {
                            o.remove(key);
                        }
                        Some(Value::Array(a)) => {
                            a.remove(key.parse::<usize>().unwrap());
                        }
                        _ => continue,
                    }
                }
                let walk = shape::check(&v);
                let serde = <Pack as serde::Deserialize>::deserialize(&v).err();
                assert_eq!(
                    walk.is_empty(),
                    serde.is_none(),
                    "`{ptr}`, mutation {m}: walk says {walk:?}, serde says {serde:?}"
                );
                tried += 1;
            }
        }
        assert!(tried > 400, "{tried}");
    }
}
