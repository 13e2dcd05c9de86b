//! The shape of a rule pack given as plain data (a JS object, or JSON): walks a
//! `serde_json::Value` against the form `claimcheck_engine::model::Pack` serializes to and
//! reports every structural problem with its path, in words a rule author understands
//! (`settlements[14].benefits[1].kind.cap.main.value: expected an amount in cents ...`).
//!
//! Serde stops at the first error and loses the path inside internally tagged enums (facts,
//! benefit kinds, conditions), so the walk is done here, mirroring `model.rs`, `fact.rs`,
//! `expr.rs`, `text.rs`, `money.rs` and `date.rs`. It is slightly stricter than serde: unknown
//! fields (usually typos) are errors. Once it finds nothing, the value deserializes; `lib.rs`
//! still deserializes with `serde_path_to_error` as a safety net, and a test checks that the two
//! agree on hundreds of broken packs.

use claimcheck_engine::date::Date;
use claimcheck_engine::model::{
    Channel, DeadlineKind, Detail, Proof, RouteLevel, RulingOutcome, Status, Zone,
};
use claimcheck_engine::model_check::ModelError;
use claimcheck_engine::money::Cents;
use claimcheck_engine::names::{BenefitTag, ComboTag, Named, QuestionTag};
use serde_json::{Map, Value};

/// Conditions and benefit combinations nest at most this deep.
const MAX_DEPTH: usize = 64;

/// Every structural problem of `v` as a pack; empty when it has the shape of a `Pack`.
pub fn check(v: &Value) -> Vec<ModelError> {
    let mut w = Walker { errors: Vec::new() };
    w.pack(v);
    w.errors
}

type Obj = Map<String, Value>;
type Check = fn(&mut Walker, &str, &Value);

fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn ix(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// What a value is, for "expected ..., got ..." messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("the text {:?}...", short)
            } else {
                format!("the text {s:?}")
            }
        }
        Value::Array(a) if a.len() == 1 => "a list of 1 item".into(),
        Value::Array(a) => format!("a list of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

struct Walker {
    errors: Vec<ModelError>,
}

impl Walker {
    fn err(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(ModelError {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn expected(&mut self, path: &str, what: &str, v: &Value) {
        self.err(path, format!("expected {what}, got {}", describe(v)));
    }

    /// An object whose fields are among `fields`; unknown fields are reported.
    fn object<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        what: &str,
        fields: &[&str],
    ) -> Option<&'v Obj> {
        let Some(m) = v.as_object() else {
            self.expected(path, what, v);
            return None;
        };
        for k in m.keys() {
            if !fields.contains(&k.as_str()) {
                self.err(
                    &at(path, k),
                    format!("unknown field `{k}` (expected {})", quoted(fields)),
                );
            }
        }
        Some(m)
    }

    /// A field that must be present.
    fn req(&mut self, path: &str, m: &Obj, key: &str, f: Check) {
        let p = at(path, key);
        match m.get(key) {
            Some(v) => f(self, &p, v),
            None => self.err(&p, "missing (this field is required)"),
        }
    }

    /// A list field that must be present (possibly empty).
    fn req_list(&mut self, path: &str, m: &Obj, key: &str, what: &str, item: Check) {
        let p = at(path, key);
        match m.get(key) {
            Some(v) => self.list(&p, v, what, item),
            None => self.err(&p, "missing (write [] when there are none)"),
        }
    }

    /// A field that may be absent or null.
    fn opt(&mut self, path: &str, m: &Obj, key: &str, f: Check) {
        if let Some(v) = m.get(key) {
            if !v.is_null() {
                f(self, &at(path, key), v);
            }
        }
    }

    /// A list field that may be absent (an empty list).
    fn opt_list(&mut self, path: &str, m: &Obj, key: &str, what: &str, item: Check) {
        if let Some(v) = m.get(key) {
            self.list(&at(path, key), v, what, item);
        }
    }

    fn list(&mut self, path: &str, v: &Value, what: &str, item: Check) {
        let Some(items) = v.as_array() else {
            self.expected(path, &format!("a list of {what}"), v);
            return;
        };
        for (i, x) in items.iter().enumerate() {
            item(self, &ix(path, i), x);
        }
    }

    /// A fixed-length list (a tuple).
    fn tuple<'v>(&mut self, path: &str, v: &'v Value, n: usize, what: &str) -> Option<&'v [Value]> {
        match v.as_array() {
            Some(items) if items.len() == n => Some(items.as_slice()),
            _ => {
                self.expected(path, what, v);
                None
            }
        }
    }

    /// The tag `t` of a tagged object, one of `tags`.
    fn tag<'v>(&mut self, path: &str, m: &'v Obj, tags: &[&str]) -> Option<&'v str> {
        let p = at(path, "t");
        match m.get("t") {
            Some(Value::String(t)) if tags.contains(&t.as_str()) => Some(t.as_str()),
            Some(v) => {
                self.expected(&p, &format!("one of {}", quoted(tags)), v);
                None
            }
            None => {
                self.err(&p, format!("missing: expected one of {}", quoted(tags)));
                None
            }
        }
    }

    /// The `t` tag of an object, read as one of an enum's names (its JSON spelling).
    fn tag_of<T: Named>(&mut self, path: &str, m: &Obj) -> Option<T> {
        let names = T::json_names();
        self.tag(path, m, &names).and_then(T::from_json_name)
    }

    /// One of an enum's names (its JSON spelling).
    fn named<T: Named>(&mut self, path: &str, v: &Value) {
        self.one_of(path, v, &T::json_names());
    }

    // ---- scalars -------------------------------------------------------------------------

    fn string(&mut self, path: &str, v: &Value) {
        if !v.is_string() {
            self.expected(path, "text", v);
        }
    }

    fn boolean(&mut self, path: &str, v: &Value) {
        if !v.is_boolean() {
            self.expected(path, "true or false", v);
        }
    }

    fn uint(&mut self, path: &str, v: &Value, max: u64, what: &str) {
        match v.as_u64() {
            Some(n) if n <= max => {}
            _ => self.expected(path, what, v),
        }
    }

    fn count(&mut self, path: &str, v: &Value) {
        self.uint(path, v, u64::MAX, "a whole number of zero or more");
    }

    fn small_count(&mut self, path: &str, v: &Value) {
        self.uint(path, v, u32::MAX as u64, "a whole number of zero or more");
    }

    fn index(&mut self, path: &str, v: &Value) {
        self.uint(
            path,
            v,
            usize::MAX as u64,
            "a source index (a whole number: 0 for the settlement's first source)",
        );
    }

    fn cents(&mut self, path: &str, v: &Value) {
        if v.as_i64().is_some() {
            return;
        }
        let hint = match v.as_str().map(Cents::parse) {
            Some(Ok(c)) => format!(" (write {} for {c})", c.0),
            _ => String::new(),
        };
        self.err(
            path,
            format!(
                "expected an amount in cents (a whole number, such as 750000 for $7,500), got {}{hint}",
                describe(v)
            ),
        );
    }

    fn date(&mut self, path: &str, v: &Value) {
        match v.as_str() {
            Some(s) if Date::parse(s).is_some() => {}
            Some(s) => self.err(
                path,
                format!("expected a date as \"YYYY-MM-DD\", got {s:?}, which is not one"),
            ),
            None => self.expected(path, "a date as \"YYYY-MM-DD\"", v),
        }
    }

    fn text(&mut self, path: &str, v: &Value) {
        let what = "a text in English and Spanish: { en: \"...\", es: \"...\" }";
        let Some(m) = self.object(path, v, what, &["en", "es"]) else {
            return;
        };
        self.req(path, m, "en", Walker::string);
        self.req(path, m, "es", Walker::string);
    }

    fn one_of(&mut self, path: &str, v: &Value, allowed: &[&str]) {
        match v.as_str() {
            Some(s) if allowed.contains(&s) => {}
            _ => self.expected(path, &format!("one of {}", quoted(allowed)), v),
        }
    }

    // ---- facts ---------------------------------------------------------------------------

    /// A `Fact<T>`: `{ t: "known", main, also? }` or `{ t: "unverified", reason: { en, es } }`.
    fn fact(&mut self, path: &str, v: &Value, what: &str, value: Check) {
        let shape = format!(
            "{what} as a fact: {{ t: \"known\", main: {{ value, source }} }} or {{ t: \"unverified\", reason: {{ en: \"...\", es: \"...\" }} }}"
        );
        let Some(m) = v.as_object() else {
            self.expected(path, &shape, v);
            return;
        };
        match self.tag(path, m, &["known", "unverified"]) {
            Some("known") => {
                self.object(path, v, &shape, &["t", "main", "also"]);
                match m.get("main") {
                    Some(r) => self.reading(&at(path, "main"), r, what, value),
                    None => self.err(
                        &at(path, "main"),
                        "missing: a known fact needs { value, source }",
                    ),
                }
                if let Some(also) = m.get("also") {
                    let ap = at(path, "also");
                    match also.as_array() {
                        Some(items) => {
                            for (i, r) in items.iter().enumerate() {
                                self.reading(&ix(&ap, i), r, what, value);
                            }
                        }
                        None => self.expected(&ap, "a list of readings { value, source }", also),
                    }
                }
            }
            Some(_) => {
                self.object(path, v, &shape, &["t", "reason"]);
                self.req(path, m, "reason", Walker::text);
            }
            None => {}
        }
    }

    fn reading(&mut self, path: &str, v: &Value, what: &str, value: Check) {
        let Some(m) = self.object(
            path,
            v,
            &format!("a reading {{ value: {what}, source: <index> }}"),
            &["value", "source", "quote", "note"],
        ) else {
            return;
        };
        self.req(path, m, "value", value);
        self.req(path, m, "source", Walker::index);
        self.opt(path, m, "quote", Walker::string);
        self.opt(path, m, "note", Walker::text);
    }

    fn fact_cents(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "an amount in cents", Walker::cents);
    }
    fn fact_date(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a date \"YYYY-MM-DD\"", Walker::date);
    }
    fn fact_text(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a text { en, es }", Walker::text);
    }
    fn fact_string(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a text", Walker::string);
    }
    fn fact_u64(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a whole number", Walker::count);
    }
    fn fact_u32(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a whole number", Walker::small_count);
    }
    fn fact_bool(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "true or false", Walker::boolean);
    }
    fn fact_status(&mut self, path: &str, v: &Value) {
        self.fact(path, v, "a case status", Walker::status);
    }
    fn status(&mut self, path: &str, v: &Value) {
        self.named::<Status>(path, v);
    }

    fn source(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a source { id, href, title, checked }",
            &["id", "href", "title", "checked"],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "href", Walker::string);
        self.req(path, m, "title", Walker::string);
        self.req(path, m, "checked", Walker::date);
    }

    // ---- conditions ----------------------------------------------------------------------

    fn expr(&mut self, path: &str, v: &Value) {
        self.expr_at(path, v, 0);
    }

    fn expr_at(&mut self, path: &str, v: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            self.err(path, "the condition nests too deeply");
            return;
        }
        let Some(m) = self.object(path, v, "a condition { t, c }", &["t", "c"]) else {
            return;
        };
        let Some(t) = self.tag(path, m, &["all", "any", "not", "cmp", "in", "includes"]) else {
            return;
        };
        let cp = at(path, "c");
        let Some(c) = m.get("c") else {
            self.err(&cp, "missing (the condition's content)");
            return;
        };
        match t {
            "all" | "any" => match c.as_array() {
                Some(items) => {
                    for (i, x) in items.iter().enumerate() {
                        self.expr_at(&ix(&cp, i), x, depth + 1);
                    }
                }
                None => self.expected(&cp, "a list of conditions", c),
            },
            "not" => self.expr_at(&cp, c, depth + 1),
            "cmp" => {
                if let Some(x) = self.tuple(&cp, c, 3, "[question id, operator, literal { t, v }]")
                {
                    self.string(&ix(&cp, 0), &x[0]);
                    self.one_of(&ix(&cp, 1), &x[1], &["Eq", "Ne", "Gt", "Ge", "Lt", "Le"]);
                    self.literal(&ix(&cp, 2), &x[2]);
                }
            }
            "in" => {
                if let Some(x) = self.tuple(&cp, c, 2, "[question id, [words]]") {
                    self.string(&ix(&cp, 0), &x[0]);
                    self.list(&ix(&cp, 1), &x[1], "words", Walker::string);
                }
            }
            _ => {
                if let Some(x) = self.tuple(&cp, c, 2, "[question id, target { t, v }]") {
                    self.string(&ix(&cp, 0), &x[0]);
                    self.target(&ix(&cp, 1), &x[1]);
                }
            }
        }
    }

    fn literal(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, "a literal { t, v }", &["t", "v"]) else {
            return;
        };
        let Some(t) = self.tag(path, m, &["word", "money", "number"]) else {
            return;
        };
        self.req(
            path,
            m,
            "v",
            match t {
                "word" => Walker::string,
                "money" => Walker::cents,
                _ => |w: &mut Walker, p: &str, v: &Value| {
                    if v.as_i64().is_none() {
                        w.expected(p, "a whole number", v);
                    }
                },
            },
        );
    }

    fn target(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(path, v, "a target { t, v }", &["t", "v"]) else {
            return;
        };
        if self.tag(path, m, &["org", "incident"]).is_some() {
            self.req(path, m, "v", Walker::string);
        }
    }

    // ---- the pack ------------------------------------------------------------------------

    fn pack(&mut self, v: &Value) {
        let Some(m) = self.object(
            "",
            v,
            "a rule pack { checked_on, newest_source, questions, organisations, settlements }",
            &[
                "checked_on",
                "newest_source",
                "questions",
                "organisations",
                "settlements",
            ],
        ) else {
            return;
        };
        self.req("", m, "checked_on", Walker::date);
        self.opt("", m, "newest_source", Walker::date);
        self.req_list("", m, "questions", "questions", Walker::question);
        self.req_list(
            "",
            m,
            "organisations",
            "organisations",
            Walker::organisation,
        );
        self.req_list("", m, "settlements", "settlements", Walker::settlement);
    }

    fn question(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a question { id, kind, text, why, not_sure }",
            &["id", "kind", "text", "why", "hint", "not_sure", "ask_if"],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "kind", Walker::question_kind);
        self.req(path, m, "text", Walker::text);
        self.req(path, m, "why", Walker::text);
        self.opt(path, m, "hint", Walker::text);
        self.req(path, m, "not_sure", Walker::boolean);
        self.opt(path, m, "ask_if", Walker::expr);
    }

    fn question_kind(&mut self, path: &str, v: &Value) {
        let Some(m) = v.as_object() else {
            self.expected(
                path,
                "a question kind { t: \"yes_no\" } (or choice, organisations, state, money, hours)",
                v,
            );
            return;
        };
        match self.tag_of::<QuestionTag>(path, m) {
            Some(QuestionTag::Choice) => {
                self.object(path, v, "a choice kind", &["t", "options"]);
                self.req_list(path, m, "options", "options { id, text }", |w, p, v| {
                    if let Some(o) = w.object(p, v, "an option { id, text }", &["id", "text"]) {
                        w.req(p, o, "id", Walker::string);
                        w.req(p, o, "text", Walker::text);
                    }
                });
            }
            Some(_) => {
                self.object(path, v, "a question kind", &["t"]);
            }
            None => {}
        }
    }

    fn organisation(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "an organisation { id, name }",
            &[
                "id",
                "name",
                "aliases",
                "incidents",
                "not_to_confuse",
                "note",
                "note_source",
            ],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "name", Walker::string);
        self.opt_list(path, m, "aliases", "names", Walker::string);
        self.opt_list(path, m, "incidents", "incident families", Walker::string);
        self.opt_list(
            path,
            m,
            "not_to_confuse",
            "organisation ids",
            Walker::string,
        );
        self.opt(path, m, "note", Walker::text);
        self.opt(path, m, "note_source", Walker::source);
    }

    fn settlement(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a settlement",
            &[
                "id",
                "name",
                "name_es",
                "incident_family",
                "detail",
                "summary",
                "sources",
                "case",
                "incident",
                "class",
                "subclasses",
                "claimants",
                "benefits",
                "groups",
                "combine",
                "caps",
                "fund",
                "deadlines",
                "next_steps",
                "keep",
                "after_close",
                "rulings",
                "state_question",
                "unconfirmed",
            ],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "name", Walker::string);
        self.opt(path, m, "name_es", Walker::string);
        self.req(path, m, "incident_family", Walker::string);
        self.req(path, m, "detail", Walker::named::<Detail>);
        self.req(path, m, "summary", Walker::text);
        self.req_list(path, m, "sources", "sources", Walker::source);
        self.req(path, m, "case", Walker::case);
        self.req(path, m, "incident", Walker::incident);
        self.req(path, m, "class", Walker::class);
        self.req_list(path, m, "subclasses", "subclasses", Walker::subclass);
        self.req(path, m, "claimants", Walker::claimants);
        self.req_list(path, m, "benefits", "benefits", Walker::benefit);
        self.req_list(path, m, "groups", "groups { id, name }", |w, p, v| {
            if let Some(g) = w.object(p, v, "a group { id, name }", &["id", "name"]) {
                w.req(p, g, "id", Walker::string);
                w.req(p, g, "name", Walker::text);
            }
        });
        self.opt(path, m, "combine", Walker::combo);
        self.req_list(path, m, "caps", "caps", Walker::cap);
        self.opt(path, m, "fund", Walker::fund);
        self.req_list(path, m, "deadlines", "deadlines", Walker::deadline);
        self.req_list(path, m, "next_steps", "texts", Walker::text);
        self.req_list(path, m, "keep", "texts", Walker::text);
        self.req_list(path, m, "after_close", "texts", Walker::text);
        self.req_list(path, m, "rulings", "rulings", Walker::ruling);
        self.opt(path, m, "state_question", Walker::string);
        self.opt_list(path, m, "unconfirmed", "texts", Walker::text);
    }

    fn case(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a case",
            &[
                "title",
                "number",
                "court",
                "judge",
                "status",
                "website",
                "fund",
                "administrator",
                "related",
            ],
        ) else {
            return;
        };
        self.req(path, m, "title", Walker::string);
        self.req(path, m, "number", Walker::fact_string);
        self.req(path, m, "court", Walker::fact_string);
        self.req(path, m, "judge", Walker::fact_string);
        self.req(path, m, "status", Walker::fact_status);
        self.req(path, m, "website", Walker::fact_string);
        self.req(path, m, "fund", Walker::fact_cents);
        self.req(path, m, "administrator", Walker::fact_string);
        self.req_list(path, m, "related", "related cases", |w, p, v| {
            if let Some(r) = w.object(
                p,
                v,
                "a related case { title, number, relation }",
                &["title", "number", "relation"],
            ) {
                w.req(p, r, "title", Walker::string);
                w.opt(p, r, "number", Walker::string);
                w.req(p, r, "relation", Walker::fact_text);
            }
        });
    }

    fn incident(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "an incident",
            &["start", "end", "discovered", "people", "data"],
        ) else {
            return;
        };
        self.req(path, m, "start", Walker::fact_date);
        self.opt(path, m, "end", Walker::fact_date);
        self.opt(path, m, "discovered", Walker::fact_date);
        self.req(path, m, "people", Walker::fact_u64);
        self.req(path, m, "data", Walker::fact_text);
    }

    fn class(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a class { definition, certified, routes, exclusions }",
            &["definition", "certified", "routes", "exclusions"],
        ) else {
            return;
        };
        self.req(path, m, "definition", Walker::fact_text);
        self.req(path, m, "certified", Walker::boolean);
        self.req_list(path, m, "routes", "routes", |w, p, v| {
            if let Some(r) = w.object(
                p,
                v,
                "a route { id, when, level, reason }",
                &["id", "when", "level", "reason", "clause"],
            ) {
                w.req(p, r, "id", Walker::string);
                w.req(p, r, "when", Walker::expr);
                w.req(p, r, "level", Walker::named::<RouteLevel>);
                w.req(p, r, "reason", Walker::text);
                w.opt(p, r, "clause", Walker::fact_text);
            }
        });
        self.req_list(path, m, "exclusions", "exclusions", |w, p, v| {
            if let Some(x) = w.object(
                p,
                v,
                "an exclusion { id, when, reason }",
                &["id", "when", "reason", "clause"],
            ) {
                w.req(p, x, "id", Walker::string);
                w.req(p, x, "when", Walker::expr);
                w.req(p, x, "reason", Walker::text);
                w.opt(p, x, "clause", Walker::fact_text);
            }
        });
    }

    fn subclass(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a subclass { id, name, when }",
            &["id", "name", "when", "clause"],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "name", Walker::text);
        self.req(path, m, "when", Walker::expr);
        self.opt(path, m, "clause", Walker::fact_text);
    }

    fn claimants(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "claimants { minor, deceased }",
            &["minor", "deceased"],
        ) else {
            return;
        };
        self.opt(path, m, "minor", Walker::fact_bool);
        self.opt(path, m, "deceased", Walker::fact_bool);
    }

    fn benefit(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a benefit { id, name, kind, evidence, needs_notice_id }",
            &[
                "id",
                "name",
                "description",
                "kind",
                "only_for",
                "evidence",
                "needs_notice_id",
            ],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "name", Walker::text);
        self.opt(path, m, "description", Walker::text);
        self.req(path, m, "kind", Walker::benefit_kind);
        self.opt(path, m, "only_for", Walker::string);
        self.req_list(path, m, "evidence", "texts", Walker::text);
        self.req(path, m, "needs_notice_id", Walker::boolean);
    }

    fn benefit_kind(&mut self, path: &str, v: &Value) {
        let kinds = BenefitTag::json_names();
        let Some(m) = v.as_object() else {
            self.expected(
                path,
                &format!(
                    "a benefit kind {{ t, ... }} with t one of {}",
                    quoted(&kinds)
                ),
                v,
            );
            return;
        };
        let Some(t) = self.tag_of::<BenefitTag>(path, m) else {
            return;
        };
        let what = format!("a {} benefit kind", t.json_name());
        let fields: Vec<&str> = std::iter::once("t")
            .chain(t.fields().iter().copied())
            .collect();
        self.object(path, v, &what, &fields);
        match t {
            BenefitTag::Monitoring => {
                self.opt(path, m, "years", Walker::fact_u32);
                self.opt(path, m, "bureaus", Walker::fact_u32);
                self.opt(path, m, "insurance", Walker::fact_cents);
            }
            BenefitTag::DocumentedLosses => {
                self.req(path, m, "cap", Walker::fact_cents);
                self.req_list(path, m, "inputs", "money question ids", Walker::string);
                self.opt(path, m, "window", |w, p, v| {
                    if let Some(x) = w.object(
                        p,
                        v,
                        "a window { from, to, source }",
                        &["from", "to", "source"],
                    ) {
                        w.req(p, x, "from", Walker::date);
                        w.opt(p, x, "to", Walker::date);
                        w.req(p, x, "source", Walker::index);
                    }
                });
            }
            BenefitTag::LostTime => {
                self.req(path, m, "rate", Walker::fact_cents);
                self.req(path, m, "max_hours", Walker::fact_u32);
                self.req(path, m, "step_minutes", Walker::small_count);
                self.opt(path, m, "counts_toward", Walker::string);
                self.req(path, m, "proof", Walker::named::<Proof>);
                self.req(path, m, "input", Walker::string);
            }
            BenefitTag::FlatCash => {
                self.req(path, m, "amount", Walker::fact_cents);
                self.req(path, m, "approximate", Walker::boolean);
            }
            BenefitTag::ProRataCash => {
                self.opt(path, m, "amount", Walker::fact_cents);
            }
            BenefitTag::StatutoryAward => {
                self.req(path, m, "amount", Walker::fact_cents);
            }
            BenefitTag::Service | BenefitTag::Enrollment => {}
        }
    }

    fn combo(&mut self, path: &str, v: &Value) {
        self.combo_at(path, v, 0);
    }

    fn combo_at(&mut self, path: &str, v: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            self.err(path, "the combination nests too deeply");
            return;
        }
        let Some(m) = self.object(path, v, "a combination { t, c }", &["t", "c"]) else {
            return;
        };
        let Some(t) = self.tag_of::<ComboTag>(path, m) else {
            return;
        };
        let cp = at(path, "c");
        let Some(c) = m.get("c") else {
            self.err(&cp, "missing (the combination's content)");
            return;
        };
        match t {
            ComboTag::Benefit => self.string(&cp, c),
            ComboTag::Group => {
                if let Some(x) = self.tuple(&cp, c, 2, "[group id, combination { t, c }]") {
                    self.string(&ix(&cp, 0), &x[0]);
                    self.combo_at(&ix(&cp, 1), &x[1], depth + 1);
                }
            }
            _ => match c.as_array() {
                Some(items) => {
                    for (i, x) in items.iter().enumerate() {
                        self.combo_at(&ix(&cp, i), x, depth + 1);
                    }
                }
                None => self.expected(&cp, "a list of combinations", c),
            },
        }
    }

    fn cap(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a cap { id, amount, covers }",
            &["id", "amount", "covers"],
        ) else {
            return;
        };
        self.req(path, m, "id", Walker::string);
        self.req(path, m, "amount", Walker::fact_cents);
        self.req_list(path, m, "covers", "benefit ids", Walker::string);
    }

    fn fund(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a fund { class_size, deductions, other_benefits_sourced, payment_order }",
            &[
                "class_size",
                "deductions",
                "other_benefits_sourced",
                "payment_order",
            ],
        ) else {
            return;
        };
        self.opt(path, m, "class_size", Walker::fact_u64);
        self.req_list(path, m, "deductions", "deductions", |w, p, v| {
            if let Some(d) = w.object(p, v, "a deduction { what, amount }", &["what", "amount"]) {
                w.req(p, d, "what", Walker::text);
                w.req(p, d, "amount", Walker::fact_cents);
            }
        });
        self.req(path, m, "other_benefits_sourced", Walker::boolean);
        self.opt(path, m, "payment_order", Walker::fact_text);
    }

    fn deadline(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a deadline { kind, date, channels, zone }",
            &["kind", "date", "channels", "time", "zone", "opens", "note"],
        ) else {
            return;
        };
        self.req(path, m, "kind", Walker::named::<DeadlineKind>);
        self.req(path, m, "date", Walker::fact_date);
        self.req_list(path, m, "channels", "channels", |w, p, v| {
            w.named::<Channel>(p, v)
        });
        self.opt(path, m, "time", |w, p, v| {
            if let Some(x) = w.tuple(p, v, 2, "a time of day [hour, minute]") {
                w.uint(&ix(p, 0), &x[0], 255, "an hour (0-23)");
                w.uint(&ix(p, 1), &x[1], 255, "a minute (0-59)");
            }
        });
        self.req(path, m, "zone", Walker::named::<Zone>);
        self.opt(path, m, "opens", Walker::date);
        self.opt(path, m, "note", Walker::text);
    }

    fn ruling(&mut self, path: &str, v: &Value) {
        let Some(m) = self.object(
            path,
            v,
            "a ruling { state, claim, outcome, source }",
            &["state", "date", "claim", "outcome", "source"],
        ) else {
            return;
        };
        self.req(path, m, "state", Walker::string);
        self.opt(path, m, "date", Walker::date);
        self.req(path, m, "claim", Walker::text);
        self.req(path, m, "outcome", Walker::named::<RulingOutcome>);
        self.req(path, m, "source", Walker::index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled pack as data, with the first unverified `case.administrator` found and its
    /// path, so that a test can break that reason.
    fn with_unverified_administrator() -> (Value, String) {
        let v: Value = serde_json::from_str(crate::PACK_JSON).unwrap();
        let settlements = v["settlements"].as_array().unwrap();
        let i = settlements
            .iter()
            .position(|s| s["case"]["administrator"]["t"] == "unverified")
            .expect("some settlement has no sourced administrator");
        (v, format!("settlements[{i}].case.administrator.reason"))
    }

    fn set_reason(v: &mut Value, path: &str, reason: Value) {
        let i: usize = path["settlements[".len()..path.find(']').unwrap()]
            .parse()
            .unwrap();
        v["settlements"][i]["case"]["administrator"]["reason"] = reason;
    }

    #[test]
    fn an_unverified_reason_is_english_and_spanish() {
        let (v, _) = with_unverified_administrator();
        assert_eq!(check(&v), Vec::new());
    }

    #[test]
    fn an_english_only_reason_is_named_with_its_path() {
        let (mut v, p) = with_unverified_administrator();
        set_reason(&mut v, &p, Value::String("No page names one.".into()));
        let e = check(&v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].path, p);
        assert!(
            e[0].message
                .contains("a text in English and Spanish: { en: \"...\", es: \"...\" }")
                && e[0].message.contains("the text \"No page names one.\""),
            "{e:?}"
        );
    }

    #[test]
    fn a_reason_without_spanish_is_named_at_es() {
        let (mut v, p) = with_unverified_administrator();
        set_reason(
            &mut v,
            &p,
            serde_json::json!({ "en": "No page names one." }),
        );
        let e = check(&v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].path, format!("{p}.es"));
        assert!(e[0].message.contains("missing"), "{e:?}");
    }
}
