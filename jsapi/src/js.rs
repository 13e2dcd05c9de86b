//! The JavaScript bindings: plain JS values in, plain JS objects out (no Maps), errors thrown as
//! `Error`s that name the bad field. Everything else is in `lib.rs`.

use crate::{FieldError, Input};
use claimcheck_engine::answers::RawValue;
use js_sys::{Array, Error, Map, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One answer as in an answer file: "yes" / "no" / "not_sure", an option id, a state code,
 *  a list of organisation ids, an amount ("$300" or 300), hours (2.5 or "2:30").
 *  null or undefined: not answered. */
export type AnswerValue = string | number | boolean | string[] | null | undefined;
/** Answers keyed by question id, e.g. { notice: ["connexin"], us_resident: "yes" }. */
export type Answers = Record<string, AnswerValue>;
/** A problem in a rule pack: a JSON-style path (settlements[14].benefits[1].kind.cap) and
 *  what is wrong there. */
export interface RuleError { path: string; message: string; }
/** Thrown by check() and nextQuestion(): `field` is the question id, "today" or "answers". */
export interface ClaimcheckError extends Error {
  field: string;
  errors: { field: string; message: string }[];
}
"#;

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Error::new(&e.to_string()).into())
}

/// An `Error` whose message lists every problem, with `field` (the first one's) and `errors`.
fn throw(errors: Vec<FieldError>) -> JsValue {
    let message = errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    let err = Error::new(&message);
    err.set_name("ClaimcheckError");
    if let Some(first) = errors.first() {
        let _ = Reflect::set(&err, &"field".into(), &first.field.as_str().into());
    }
    if let Ok(list) = to_js(&errors) {
        let _ = Reflect::set(&err, &"errors".into(), &list);
    }
    err.into()
}

fn type_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "a list".into()
    } else if let Some(s) = v.as_string() {
        format!("the text {s:?}")
    } else if let Some(n) = v.as_f64() {
        format!("the number {n}")
    } else {
        format!(
            "a value of type {}",
            v.js_typeof().as_string().unwrap_or_default()
        )
    }
}

fn scalar(v: &JsValue) -> Option<RawValue> {
    if let Some(s) = v.as_string() {
        Some(RawValue::Text(s))
    } else if let Some(b) = v.as_bool() {
        Some(RawValue::Bool(b))
    } else {
        v.as_f64().map(RawValue::Number)
    }
}

/// One answer: a scalar or a list of scalars (never deeper, so no recursion on caller data).
fn input(v: &JsValue) -> Input {
    if v.is_null() || v.is_undefined() {
        return Input::Missing;
    }
    if Array::is_array(v) {
        let items: Option<Vec<RawValue>> = Array::from(v).iter().map(|x| scalar(&x)).collect();
        return match items {
            Some(list) => Input::Value(RawValue::List(list)),
            None => Input::Bad(format!(
                "{}, got a list holding something else",
                crate::ANSWER_SHAPE
            )),
        };
    }
    match scalar(v) {
        Some(r) => Input::Value(r),
        None => Input::Bad(format!("{}, got {}", crate::ANSWER_SHAPE, type_of(v))),
    }
}

fn answers(v: &JsValue) -> Result<claimcheck_engine::Answers, JsValue> {
    if v.is_null() || v.is_undefined() {
        return Ok(Default::default());
    }
    let mut entries = Vec::new();
    if let Some(map) = v.dyn_ref::<Map>() {
        let mut bad_key = None;
        map.for_each(&mut |value, key| match key.as_string() {
            Some(k) => entries.push((k, input(&value))),
            None => bad_key = Some(type_of(&key)),
        });
        if let Some(k) = bad_key {
            return Err(throw(vec![crate::not_an_answers_object(&format!(
                "a Map with the key {k}"
            ))]));
        }
    } else if v.is_object() && !Array::is_array(v) && !v.is_function() {
        for pair in Object::entries(v.unchecked_ref()).iter() {
            let pair = Array::from(&pair);
            let key = pair.get(0).as_string().unwrap_or_default();
            entries.push((key, input(&pair.get(1))));
        }
    } else {
        return Err(throw(vec![crate::not_an_answers_object(&type_of(v))]));
    }
    crate::decode_answers(crate::current(), entries).map_err(throw)
}

fn today(v: &JsValue) -> Result<claimcheck_engine::Today, JsValue> {
    match v.as_string() {
        Some(s) => crate::parse_today(&s).map_err(|e| throw(vec![e])),
        None => Err(throw(vec![crate::today_not_text(&if v.is_undefined() {
            "nothing (undefined)".to_string()
        } else {
            type_of(v)
        })])),
    }
}

/// Evaluates the bundled rule pack: for every settlement its verdict with reasons, subclasses,
/// benefit plans with worked estimates, deadline states, rulings and evidence to gather (the
/// results the app renders). `answers` is keyed by question id as in answer files; `today` is
/// "YYYY-MM-DD". Throws an Error naming the field when an answer or the date is bad.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
) -> Result<JsValue, JsValue> {
    let a = self::answers(&answers)?;
    let t = self::today(&today)?;
    to_js(&crate::check(&a, t))
}

/// The next question to ask (a question of `pack().questions`), or null when no answer could
/// change any result.
#[wasm_bindgen(js_name = nextQuestion, unchecked_return_type = "any | null")]
pub fn next_question(
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
) -> Result<JsValue, JsValue> {
    let a = self::answers(&answers)?;
    let t = self::today(&today)?;
    match crate::next_question(&a, t) {
        Some(q) => to_js(q),
        None => Ok(JsValue::NULL),
    }
}

/// The rule pack as a plain object (a fresh copy on every call): questions, organisations,
/// settlements, and `checked_on`, the date its facts were last checked. The bundled pack,
/// until `loadPack` has read published files.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn pack() -> Result<JsValue, JsValue> {
    match crate::loaded() {
        Some(p) => match serde_json::to_string(p) {
            Ok(text) => JSON::parse(&text),
            Err(e) => Err(Error::new(&e.to_string()).into()),
        },
        None => JSON::parse(crate::PACK_JSON),
    }
}

/// Reads a published pack, the files `claimcheck pack` writes (docs/pack-format.md): the
/// structure (`claimcheck-pack-*.bin`) and the text tables of the languages wanted
/// (`claimcheck-texts-en-*.bin`, `claimcheck-texts-es-*.bin`), each as bytes (a Uint8Array
/// or an ArrayBuffer). From then on `check`, `nextQuestion` and `pack` read it. Returns
/// `{ settlements, checked_on }`; throws an Error saying what is wrong with files that are not
/// a pack, of another format version, damaged or made for other rules (nothing changes then).
#[wasm_bindgen(js_name = loadPack, unchecked_return_type = "{ settlements: number; checked_on: string }")]
pub fn load_pack(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] structure: JsValue,
    #[wasm_bindgen(unchecked_param_type = "(Uint8Array | ArrayBuffer)[]")] texts: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = |v: &JsValue, what: &str| -> Result<Vec<u8>, JsValue> {
        if v.is_instance_of::<js_sys::Uint8Array>() || v.is_instance_of::<js_sys::ArrayBuffer>() {
            Ok(js_sys::Uint8Array::new(v).to_vec())
        } else {
            Err(Error::new(&format!(
                "loadPack: {what} must be a Uint8Array or an ArrayBuffer, got {}",
                type_of(v)
            ))
            .into())
        }
    };
    let structure = bytes(&structure, "the structure")?;
    let tables: Vec<Vec<u8>> = if texts.is_undefined() || texts.is_null() {
        Vec::new()
    } else if Array::is_array(&texts) {
        Array::from(&texts)
            .iter()
            .enumerate()
            .map(|(i, t)| bytes(&t, &format!("text file {}", i + 1)))
            .collect::<Result<_, _>>()?
    } else {
        return Err(Error::new(&format!(
            "loadPack: the text files must be a list, got {}",
            type_of(&texts)
        ))
        .into());
    };
    let refs: Vec<&[u8]> = tables.iter().map(Vec::as_slice).collect();
    let p = crate::load_files(&structure, &refs)
        .map_err(|e| JsValue::from(Error::new(&format!("loadPack: {e}"))))?;
    to_js(&serde_json::json!({
        "settlements": p.settlements.len(),
        "checked_on": p.checked_on.to_string(),
    }))
}

/// Validates a rule pack given as a plain object (the form `pack()` returns) or as JSON text.
/// Returns every problem as `{ path, message }`; an empty array when the pack is valid.
#[wasm_bindgen(js_name = validateRules, unchecked_return_type = "RuleError[]")]
pub fn validate_rules(
    #[wasm_bindgen(unchecked_param_type = "object | string")] pack: JsValue,
) -> Result<JsValue, JsValue> {
    let errors = if let Some(text) = pack.as_string() {
        crate::validate_json(&text)
    } else {
        // Through JSON text: serde_json bounds the nesting depth, and cycles are reported
        // (JSON.stringify throws on them) instead of recursing forever.
        match JSON::stringify(&pack) {
            Ok(text) => match text.as_string() {
                Some(t) => crate::validate_json(&t),
                None => vec![not_a_pack(&pack)],
            },
            Err(e) => vec![claimcheck_engine::model_check::ModelError {
                path: String::new(),
                message: format!(
                    "the pack cannot be read as JSON data: {}",
                    e.dyn_ref::<Error>()
                        .map(|x| String::from(x.message()))
                        .unwrap_or_default()
                ),
            }],
        }
    };
    to_js(&errors)
}

fn not_a_pack(v: &JsValue) -> claimcheck_engine::model_check::ModelError {
    claimcheck_engine::model_check::ModelError {
        path: String::new(),
        message: format!(
            "expected a rule pack {{ checked_on, questions, organisations, settlements }}, got {}",
            if v.is_undefined() {
                "nothing (undefined)".to_string()
            } else {
                type_of(v)
            }
        ),
    }
}
