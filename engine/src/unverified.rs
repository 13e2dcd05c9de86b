//! Every value of a settlement that no source confirmed, with where it sits and its reason, in
//! one language. The CLI's `unverified` command and the rule studio both list these.
//!
//! Walks the settlement's serialised form (any `{"t": "unverified"}` node), so a new kind of
//! fact is found without changes here. Knows nothing of printing.

use crate::model::Settlement;
use crate::text::{Lang, Text};

/// `(path, reason)` for every unverified value of `s`, in document order.
pub fn list(s: &Settlement, lang: Lang) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if let Ok(v) = serde_json::to_value(s) {
        unverified_in(&v, String::new(), lang, &mut found);
    }
    found
}

/// The reasons of `s`'s unverified values in both languages, each distinct reason once, in the
/// order `list` gives (the settlement's `unconfirmed`, shown under "About our sources").
pub fn reasons(s: &Settlement) -> Vec<Text> {
    let en = list(s, Lang::En);
    let es = list(s, Lang::Es);
    let mut out: Vec<Text> = Vec::new();
    for ((_, en), (_, es)) in en.into_iter().zip(es) {
        let t = Text { en, es };
        if !t.en.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Collects the unverified values under `v` (a serialised settlement or part of one) into `out`.
pub fn unverified_in(
    v: &serde_json::Value,
    path: String,
    lang: Lang,
    out: &mut Vec<(String, String)>,
) {
    let key = match lang {
        Lang::En => "en",
        Lang::Es => "es",
    };
    match v {
        serde_json::Value::Object(m) => {
            if m.get("t").and_then(|t| t.as_str()) == Some("unverified") {
                let reason = m
                    .get("reason")
                    .and_then(|r| r.get(key))
                    .and_then(|r| r.as_str())
                    .unwrap_or("");
                out.push((path, reason.to_string()));
                return;
            }
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                unverified_in(x, p, lang, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                unverified_in(x, format!("{path}[{i}]"), lang, out);
            }
        }
        _ => {}
    }
}
