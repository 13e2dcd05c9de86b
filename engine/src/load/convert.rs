//! Raw rule files to the validated model: checks every reference, source, date, amount and
//! translation, and reports each problem at its line and column with a fix.
//!
//! A settlement file is converted one part at a time, always in the same order (case,
//! incident, class, benefits, deadlines, rulings); each part reports its own problems, and a
//! missing fact refuses the settlement only after every part has been checked.
//!
//! Knows the TOML shapes (`raw`) and the model; knows nothing of evaluation or of files on disk.

use super::diag::{suggest, FileDiag};
use super::raw::*;
use crate::date::Date;
use crate::expr::{self, Expr, Ref};
use crate::fact::{Fact, Reading, Source};
use crate::model::*;
use crate::money::Cents;
use crate::names::{BenefitTag, Named, QuestionTag};
use crate::plain;
use crate::text::Text;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use toml::value::Datetime;

/// What conditions may refer to: the question bank and the organisation directory.
pub struct Directory<'a> {
    pub questions: &'a [Question],
    pub organisations: &'a [Organisation],
}

impl Directory<'_> {
    fn incidents(&self) -> BTreeSet<&str> {
        self.organisations
            .iter()
            .flat_map(|o| o.incidents.iter().map(|s| s.as_str()))
            .collect()
    }
}

/// Where each part of a settlement sits in its file, for checks made after conversion.
#[derive(Clone, Debug, Default)]
pub struct SettlementSpans {
    pub whole: Range<usize>,
    pub class: Range<usize>,
    pub routes: Vec<Range<usize>>,
    pub exclusions: Vec<Range<usize>>,
    pub subclasses: Vec<Range<usize>>,
    pub benefits: Vec<Range<usize>>,
    pub combine: Option<Range<usize>>,
}

pub struct Conv<'d, 'a> {
    pub d: &'d mut FileDiag<'a>,
}

/// Offset of a string value's first character inside its span (after the opening quote).
fn content_start(text: &str, span: &Range<usize>) -> usize {
    let s = &text[span.start.min(text.len())..];
    if s.starts_with("\"\"\"") || s.starts_with("'''") {
        span.start + 3
    } else if s.starts_with('"') || s.starts_with('\'') {
        span.start + 1
    } else {
        span.start
    }
}

impl<'d, 'a> Conv<'d, 'a> {
    pub fn err(&mut self, span: Range<usize>, m: impl Into<String>, fix: impl Into<String>) {
        self.d.at(span, m, fix);
    }

    /// A name is plain text: markup is refused, not shown as code.
    pub fn plain_name(&mut self, name: &S<String>) {
        if plain::holds_markup(name.get_ref()) {
            self.err(
                name.span(),
                "a name holds markup (`<` or `>`); every text is plain text",
                "write the name without it",
            );
        }
    }

    pub fn text(&mut self, raw: &S<RawText>, what: &str) -> Text {
        let r = raw.get_ref();
        let mut get = |lang: &str, v: &Option<S<String>>| match v {
            Some(s) if !s.get_ref().trim().is_empty() => s.get_ref().trim().to_string(),
            Some(s) => {
                self.d.at(
                    s.span(),
                    format!("{what}: the {lang} text is empty"),
                    format!("write the {lang} text"),
                );
                String::new()
            }
            None => {
                let (name, fix) = if lang == "Spanish" {
                    (
                        "es",
                        "add es = \"...\" (Spanish wording: see docs/glossary-es.md)",
                    )
                } else {
                    ("en", "add en = \"...\"")
                };
                self.d.at(
                    raw.span(),
                    format!("{what}: missing {lang} text ({name})"),
                    fix,
                );
                String::new()
            }
        };
        let en = get("English", &r.en);
        let es = get("Spanish", &r.es);
        Text { en, es }
    }

    /// The reason of an `unverified` value: English and Spanish, both non-empty.
    pub fn reason(&mut self, raw: &S<RawReason>, what: &str) -> Text {
        const FIX: &str = "write unverified = { en = \"...\", es = \"...\" } (Spanish wording: see docs/glossary-es.md)";
        let t = match raw.get_ref() {
            RawReason::Text(t) => t,
            RawReason::Plain(s) => {
                self.err(
                    raw.span(),
                    format!("{what}: the `unverified` reason is in English only"),
                    FIX,
                );
                return Text::new(s.trim(), "");
            }
        };
        let mut get = |lang: &str, key: &str, v: &Option<S<String>>| match v {
            Some(s) if !s.get_ref().trim().is_empty() => s.get_ref().trim().to_string(),
            Some(s) => {
                self.d.at(
                    s.span(),
                    format!("{what}: the {lang} text of the `unverified` reason is empty"),
                    FIX,
                );
                String::new()
            }
            None => {
                self.d.at(
                    raw.span(),
                    format!("{what}: the `unverified` reason has no {lang} text ({key})"),
                    FIX,
                );
                String::new()
            }
        };
        let en = get("English", "en", &t.en);
        let es = get("Spanish", "es", &t.es);
        Text { en, es }
    }

    pub fn date(&mut self, raw: &S<Datetime>) -> Option<Date> {
        let dt = raw.get_ref();
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                let date = Date::new(d.year as i32, d.month as u32, d.day as u32);
                if date.is_none() {
                    self.err(
                        raw.span(),
                        "this date does not exist",
                        "check the day and month",
                    );
                }
                date
            }
            _ => {
                self.err(
                    raw.span(),
                    "expected a date only, like 2024-07-25",
                    "remove the time; put a cut-off time in `time = \"23:59\"`",
                );
                None
            }
        }
    }

    pub fn money(&mut self, raw: &S<String>) -> Option<Cents> {
        match Cents::parse(raw.get_ref()) {
            Ok(c) => Some(c),
            Err(e) => {
                self.err(
                    raw.span(),
                    format!("expected an amount in dollars: {e}"),
                    "write it like \"$7,500\" or \"$3,534,128.50\"",
                );
                None
            }
        }
    }

    fn source_ref(&mut self, raw: &S<String>, sources: &HashMap<String, usize>) -> Option<usize> {
        match sources.get(raw.get_ref()) {
            Some(i) => Some(*i),
            None => {
                // In the file's order, so that the message is the same on every run.
                let mut ids: Vec<(&usize, &String)> = sources.iter().map(|(k, v)| (v, k)).collect();
                ids.sort();
                let fix = suggest(
                    raw.get_ref(),
                    "source id",
                    ids.into_iter().map(|(_, s)| s.as_str()),
                );
                self.err(
                    raw.span(),
                    format!("unknown source `{}`", raw.get_ref()),
                    fix,
                );
                None
            }
        }
    }

    fn note(&mut self, raw: &Option<S<RawText>>) -> Option<Text> {
        raw.as_ref().map(|n| self.text(n, "note"))
    }

    /// A sourced fact, with `conv` turning each raw value into the model's value.
    pub fn fact<T, U>(
        &mut self,
        raw: &F<T>,
        what: &str,
        sources: &HashMap<String, usize>,
        mut conv: impl FnMut(&mut Self, &S<T>) -> Option<U>,
    ) -> Option<Fact<U>> {
        let r = raw.get_ref();
        if let Some(reason) = &r.unverified {
            if r.value.is_some() || r.source.is_some() {
                self.err(
                    raw.span(),
                    format!("{what}: has both a value and `unverified`"),
                    "keep the value with its source, or only `unverified`",
                );
            }
            return Some(Fact::Unverified {
                reason: self.reason(reason, what),
            });
        }
        let Some(value) = &r.value else {
            self.err(
                raw.span(),
                format!("{what}: no value and no `unverified`"),
                "write { value = ..., source = \"...\" } or { unverified = { en = \"why\", es = \"...\" } }",
            );
            return None;
        };
        let Some(src) = &r.source else {
            self.err(
                raw.span(),
                format!("{what}: a value with neither source nor `unverified`"),
                "add source = \"<a [[source]] id>\", or replace it with { unverified = { en = \"why\", es = \"...\" } }",
            );
            return None;
        };
        let source = self.source_ref(src, sources);
        let v = conv(self, value);
        let note = self.note(&r.note);
        let mut also = Vec::new();
        for a in &r.also {
            let ar = a.get_ref();
            let s = self.source_ref(&ar.source, sources);
            let v = conv(self, &ar.value);
            let note = self.note(&ar.note);
            if let (Some(value), Some(source)) = (v, s) {
                also.push(Reading {
                    value,
                    source,
                    quote: ar.quote.as_ref().map(|q| q.get_ref().clone()),
                    note,
                });
            }
        }
        Some(Fact::Known {
            main: Reading {
                value: v?,
                source: source?,
                quote: r.quote.as_ref().map(|q| q.get_ref().clone()),
                note,
            },
            also,
        })
    }

    /// A condition; every question, answer word and organisation it names must exist.
    pub fn condition(&mut self, raw: &S<String>, dir: &Directory) -> Option<Expr> {
        let base = content_start(self.d.text, &raw.span());
        let mut refs = Vec::new();
        let e = match expr::parse(raw.get_ref(), &mut refs) {
            Ok(e) => e,
            Err(pe) => {
                self.err(
                    base + pe.at..base + pe.at + 1,
                    format!("condition: {}", pe.message),
                    "see \"Conditions\" in rules/README.md",
                );
                return None;
            }
        };
        let mut ok = true;
        let qids = || dir.questions.iter().map(|q| q.id.as_str());
        for r in &refs {
            match r {
                Ref::Question { id, at } => {
                    if dir.questions.iter().all(|q| &q.id != id) {
                        let fix = suggest(id, "question id", qids());
                        self.err(
                            base + at..base + at + 1,
                            format!("unknown question `{id}`"),
                            fix,
                        );
                        ok = false;
                    }
                }
                Ref::Word { question, word, at } => {
                    let Some(q) = dir.questions.iter().find(|q| &q.id == question) else {
                        continue;
                    };
                    let allowed: Vec<String> = match &q.kind {
                        QuestionKind::YesNo => vec!["yes".into(), "no".into()],
                        QuestionKind::Choice { options } => {
                            options.iter().map(|o| o.id.clone()).collect()
                        }
                        QuestionKind::State => {
                            let mut v: Vec<String> = crate::answers::US_STATES
                                .iter()
                                .map(|s| s.to_string())
                                .collect();
                            v.push("OUTSIDE".into());
                            v
                        }
                        // "None of these": no organisation chosen.
                        QuestionKind::Organisations => vec!["none".into()],
                        _ => {
                            self.err(
                                base + at..base + at + 1,
                                format!("`{question}` is answered with a number, not a word"),
                                "compare it with an amount like $0 or a number of hours",
                            );
                            ok = false;
                            continue;
                        }
                    };
                    if !allowed.contains(word) {
                        let fix = suggest(word, "answer", allowed.iter().map(|s| s.as_str()));
                        self.err(
                            base + at..base + at + 1,
                            format!("`{question}` is never answered `{word}`"),
                            fix,
                        );
                        ok = false;
                    }
                }
                Ref::Org { id, at } => {
                    if dir.organisations.iter().all(|o| &o.id != id) {
                        let fix = suggest(
                            id,
                            "organisation id",
                            dir.organisations.iter().map(|o| o.id.as_str()),
                        );
                        self.err(
                            base + at..base + at + 1,
                            format!("unknown organisation `{id}`"),
                            fix,
                        );
                        ok = false;
                    }
                }
                Ref::Incident { id, at } => {
                    let incidents = dir.incidents();
                    if !incidents.contains(id.as_str()) {
                        let fix = suggest(id, "incident", incidents.iter().copied());
                        self.err(
                            base + at..base + at + 1,
                            format!("no organisation notified about incident `{id}`"),
                            fix,
                        );
                        ok = false;
                    }
                }
                Ref::Money { question, at } | Ref::Number { question, at } => {
                    let Some(q) = dir.questions.iter().find(|q| &q.id == question) else {
                        continue;
                    };
                    let fits = matches!(
                        (r, &q.kind),
                        (Ref::Money { .. }, QuestionKind::Money)
                            | (
                                Ref::Number { .. },
                                QuestionKind::Money | QuestionKind::Hours
                            )
                    );
                    if !fits {
                        self.err(
                            base + at..base + at + 1,
                            format!("`{question}` is not a money or hours question"),
                            "compare it with a word such as yes, no or an option id",
                        );
                        ok = false;
                    }
                }
            }
        }
        for (q, target) in includes(&e) {
            if let Some(qq) = dir.questions.iter().find(|x| x.id == q) {
                if !matches!(qq.kind, QuestionKind::Organisations) {
                    self.err(
                        raw.span(),
                        format!("`{q} includes {target}`: `{q}` is not an organisations question"),
                        "use `=` to compare its answer",
                    );
                    ok = false;
                }
            }
        }
        if ok {
            Some(e)
        } else {
            None
        }
    }

    fn id(&mut self, raw: &S<String>, what: &str) -> String {
        let s = raw.get_ref();
        if !plain::is_plain_id(s) {
            self.err(
                raw.span(),
                format!("{what} `{s}` is not a plain id"),
                "use lowercase letters, digits, '-' and '_' only",
            );
        }
        s.clone()
    }

    fn source(&mut self, raw: &S<RawSource>) -> Option<Source> {
        let r = raw.get_ref();
        let href = r.href.get_ref().trim();
        if !plain::is_safe_address(href) {
            self.err(
                r.href.span(),
                "a source's `href` must be a web address",
                "write the full address, starting with https://, with no spaces, quotes or `<>`",
            );
        }
        let official_home = r.official_home.as_ref().is_some_and(|b| *b.get_ref());
        if is_bare_home_page(href) && !official_home {
            self.err(
                r.href.span(),
                "this source's address is a site's home page, not the page holding the passage",
                "write the address of the page where the fact is stated; or, if this is the \
                 official settlement site and its home page itself states the fact, add \
                 `official_home = true`",
            );
        }
        if r.title.get_ref().trim().is_empty() {
            self.err(
                r.title.span(),
                "a source needs a title",
                "write the page's title or a short description",
            );
        }
        let checked = self.date(&r.checked)?;
        Some(Source {
            id: self.id(&r.id, "source id"),
            href: href.to_string(),
            title: r.title.get_ref().trim().to_string(),
            checked,
        })
    }
}

/// Whether `href` names only a site (no path beyond "/", no query): "https://example.com/".
pub fn is_bare_home_page(href: &str) -> bool {
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .unwrap_or(href);
    match rest.find(['/', '?', '#']) {
        None => true,
        Some(i) => {
            let tail = &rest[i..];
            tail == "/" || tail.is_empty()
        }
    }
}

fn includes(e: &Expr) -> Vec<(String, String)> {
    let mut out = Vec::new();
    fn walk(e: &Expr, out: &mut Vec<(String, String)>) {
        match e {
            Expr::All(v) | Expr::Any(v) => v.iter().for_each(|x| walk(x, out)),
            Expr::Not(x) => walk(x, out),
            Expr::Includes(q, t) => out.push((q.clone(), format!("{t:?}"))),
            _ => {}
        }
    }
    walk(e, &mut out);
    out
}

fn enum_value<T: Named>(c: &mut Conv, raw: &S<String>, what: &str) -> Option<T> {
    match T::from_name(raw.get_ref()) {
        Some(v) => Some(v),
        None => {
            let fix = suggest(raw.get_ref(), what, T::names());
            c.err(
                raw.span(),
                format!("unknown {what} `{}`", raw.get_ref()),
                fix,
            );
            None
        }
    }
}

pub fn pack_date(c: &mut Conv, raw: &RawPack) -> Option<Date> {
    c.date(&raw.checked_on)
}

/// The newest source date, if the pack states one.
pub fn newest_source(c: &mut Conv, raw: &RawPack) -> Option<Date> {
    raw.newest_source.as_ref().and_then(|d| c.date(d))
}

pub fn questions(c: &mut Conv, raw: &RawQuestions) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut seen = HashMap::new();
    for rq in &raw.question {
        let r = rq.get_ref();
        let id = c.id(&r.id, "question id");
        if seen.insert(id.clone(), ()).is_some() {
            c.err(
                r.id.span(),
                format!("question `{id}` is defined twice"),
                "give each question its own id",
            );
        }
        let Some(tag) = enum_value::<QuestionTag>(c, &r.kind, "question kind") else {
            continue;
        };
        let kind = match tag {
            QuestionTag::YesNo => QuestionKind::YesNo,
            QuestionTag::Organisations => QuestionKind::Organisations,
            QuestionTag::State => QuestionKind::State,
            QuestionTag::Money => QuestionKind::Money,
            QuestionTag::Hours => QuestionKind::Hours,
            QuestionTag::Choice => {
                let mut options = Vec::new();
                match &r.options {
                    Some(opts) if !opts.is_empty() => {
                        for o in opts {
                            let oid = c.id(&o.get_ref().id, "option id");
                            if options.iter().any(|x: &ChoiceOption| x.id == oid) {
                                c.err(
                                    o.get_ref().id.span(),
                                    format!("option `{oid}` appears twice"),
                                    "give each option its own id",
                                );
                            }
                            let text = c.text(&o.get_ref().text, "option");
                            options.push(ChoiceOption { id: oid, text });
                        }
                    }
                    _ => c.err(
                        rq.span(),
                        "a choice question needs `options`",
                        "add options = [ { id = \"...\", text = { en = \"...\", es = \"...\" } } ]",
                    ),
                }
                QuestionKind::Choice { options }
            }
        };
        if r.options.is_some() && !matches!(kind, QuestionKind::Choice { .. }) {
            c.err(
                rq.span(),
                "`options` only apply to choice questions",
                "remove `options`, or set kind = \"choice\"",
            );
        }
        let text = c.text(&r.text, "question text");
        let why = c.text(&r.why, "why the question is asked");
        let hint = r.hint.as_ref().map(|h| c.text(h, "hint"));
        out.push(Question {
            id,
            kind,
            text,
            why,
            hint,
            not_sure: r.not_sure,
            ask_if: None,
        });
    }
    out
}

/// Second pass: `ask_if` conditions, once all questions exist; rejects gates that loop.
pub fn question_gates(
    c: &mut Conv,
    raw: &RawQuestions,
    questions: &mut [Question],
    orgs: &[Organisation],
) {
    let snapshot = questions.to_vec();
    let dir = Directory {
        questions: &snapshot,
        organisations: orgs,
    };
    for (i, rq) in raw.question.iter().enumerate() {
        if let Some(cond) = &rq.get_ref().ask_if {
            if let Some(e) = c.condition(cond, &dir) {
                if let Some(q) = questions.get_mut(i) {
                    q.ask_if = Some(e);
                }
            }
        }
    }
    // A question may only be gated on questions asked before it: this rules out loops and
    // questions that could never be reached.
    for (i, q) in questions.iter().enumerate() {
        let Some(gate) = &q.ask_if else { continue };
        let mut deps = Vec::new();
        gate.questions(&mut deps);
        for d in deps {
            let pos = questions.iter().position(|x| x.id == d);
            if pos.is_none_or(|p| p >= i) {
                if let Some(rq) = raw.question.get(i) {
                    let span = rq
                        .get_ref()
                        .ask_if
                        .as_ref()
                        .map(|a| a.span())
                        .unwrap_or(rq.span());
                    c.err(span, format!("`{}` is asked only if `{d}` is answered, but `{d}` does not come before it", q.id), format!("move `{d}` above `{}` in questions.toml (gates must point back, or the questionnaire could loop)", q.id));
                }
            }
        }
    }
}

pub fn organisations(c: &mut Conv, raw: &RawOrganisations) -> Vec<Organisation> {
    let mut out: Vec<Organisation> = Vec::new();
    for ro in &raw.organisation {
        let r = ro.get_ref();
        let id = c.id(&r.id, "organisation id");
        if out.iter().any(|o| o.id == id) {
            c.err(
                r.id.span(),
                format!("organisation `{id}` is defined twice"),
                "merge the two entries",
            );
        }
        if r.name.get_ref().trim().is_empty() {
            c.err(
                r.name.span(),
                "an organisation needs a name",
                "write the name people see on the notice",
            );
        }
        c.plain_name(&r.name);
        let note = r.note.as_ref().map(|n| c.text(n, "organisation note"));
        let note_source = r.note_source.as_ref().and_then(|s| c.source(s));
        out.push(Organisation {
            id,
            name: r.name.get_ref().trim().to_string(),
            aliases: r
                .aliases
                .iter()
                .map(|a| a.get_ref().trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            incidents: r.incidents.iter().map(|i| c.id(i, "incident")).collect(),
            not_to_confuse: r
                .not_to_confuse
                .iter()
                .map(|n| n.get_ref().clone())
                .collect(),
            note,
            note_source,
        });
    }
    for ro in &raw.organisation {
        for n in &ro.get_ref().not_to_confuse {
            if out.iter().all(|o| &o.id != n.get_ref()) {
                let fix = suggest(
                    n.get_ref(),
                    "organisation id",
                    out.iter().map(|o| o.id.as_str()),
                );
                c.err(
                    n.span(),
                    format!("unknown organisation `{}`", n.get_ref()),
                    fix,
                );
            }
        }
    }
    out
}

/// The reason given when a short entry leaves out an optional fact.
fn unverified_default<T>(what: &str) -> Fact<T> {
    let (en, es) = match what {
        "number" => ("the case number", "el número del caso"),
        "court" => ("the court", "el Tribunal"),
        "judge" => ("the judge", "el juez"),
        "website" => (
            "the official settlement website",
            "el sitio web oficial del Acuerdo",
        ),
        "fund" => ("the settlement fund", "el monto del Fondo del Acuerdo"),
        "administrator" => (
            "the Settlement Administrator",
            "el Administrador del Acuerdo",
        ),
        "start" => (
            "when the breach began",
            "cuándo comenzó la violación de datos",
        ),
        "people" => (
            "how many people were affected",
            "cuántas personas resultaron afectadas",
        ),
        "data" => (
            "what information was exposed",
            "qué información quedó expuesta",
        ),
        "definition" => (
            "the class definition",
            "la definición del grupo de demandantes",
        ),
        _ => ("this", "este dato"),
    };
    Fact::Unverified {
        reason: Text::new(
            format!("Our sources do not state {en}."),
            format!("Nuestras fuentes no indican {es}."),
        ),
    }
}

/// What each part of a settlement file is read against: its source ids, detail and directory.
#[derive(Clone, Copy)]
struct SettlementCtx<'x> {
    sid: &'x HashMap<String, usize>,
    full: bool,
    dir: &'x Directory<'x>,
}

impl SettlementCtx<'_> {
    /// A fact required in a full entry: missing there is an error; in a short one, unknown.
    fn opt_fact<'d, 'a, T, U>(
        self,
        c: &mut Conv<'d, 'a>,
        raw: &Option<F<T>>,
        what: &str,
        span: Range<usize>,
        conv: impl FnMut(&mut Conv<'d, 'a>, &S<T>) -> Option<U>,
    ) -> Option<Fact<U>> {
        match raw {
            Some(f) => c.fact(f, what, self.sid, conv),
            None if self.full => {
                c.err(span, format!("missing `{what}`"), format!("add {what} = {{ value = ..., source = \"...\" }} or {{ unverified = {{ en = \"why\", es = \"...\" }} }}"));
                None
            }
            None => Some(unverified_default(what)),
        }
    }
}

/// A string value, trimmed.
fn trimmed(_: &mut Conv, v: &S<String>) -> Option<String> {
    Some(v.get_ref().trim().to_string())
}

/// An amount of money.
fn money_value(c: &mut Conv, v: &S<String>) -> Option<Cents> {
    c.money(v)
}

/// A date.
fn date_value(c: &mut Conv, v: &S<Datetime>) -> Option<Date> {
    c.date(v)
}

/// A number of people, never negative.
fn people_count(c: &mut Conv, v: &S<i64>) -> Option<u64> {
    match u64::try_from(*v.get_ref()) {
        Ok(n) => Some(n),
        Err(_) => {
            c.err(
                v.span(),
                "a count cannot be negative",
                "write a whole number of people",
            );
            None
        }
    }
}

/// A wording in English and Spanish (a clause or a payment order).
fn wording(c: &mut Conv, v: &S<RawText>) -> Option<Text> {
    Some(c.text(v, "wording"))
}

/// A list of texts, each in English and Spanish.
fn texts(c: &mut Conv, v: &[S<RawText>], what: &str) -> Vec<Text> {
    v.iter().map(|t| c.text(t, what)).collect()
}

/// One settlement file; `None` when a part it needs is missing, after every part is checked.
pub fn settlement(
    c: &mut Conv,
    raw: &S<RawSettlement>,
    folder: &str,
    dir: &Directory,
) -> Option<(Settlement, SettlementSpans)> {
    let r = raw.get_ref();
    let id = c.id(&r.id, "settlement id");
    if id != folder {
        c.err(
            r.id.span(),
            format!("id `{id}` differs from its folder `{folder}`"),
            format!("set id = \"{folder}\" or rename the folder"),
        );
    }
    let detail = enum_value::<Detail>(c, &r.detail, "detail")?;
    let full = detail == Detail::Full;
    let summary = c.text(&r.summary, "summary");
    let (sources, src_ids) = source_list(c, r);
    let cx = SettlementCtx {
        sid: &src_ids,
        full,
        dir,
    };

    // Case, incident, class. Each part reports its own problems; a part that lacks a needed
    // fact is `None`, and the settlement is refused only below, once every part is checked.
    let case = case_table(c, cx, &r.case);
    let incident = incident_facts(c, cx, raw);
    let mut spans = SettlementSpans {
        whole: raw.span(),
        class: r.class.span(),
        ..Default::default()
    };
    let class = class_table(c, cx, &r.class, &mut spans);
    let subclasses = subclass_list(c, cx, &r.subclass, &mut spans);
    let claimants = claimants_table(c, cx, &r.claimants);

    // Benefits.
    let benefits = benefit_list(c, cx, &r.benefit, &subclasses, &mut spans);
    let (groups, group_combos) = group_list(c, &r.group);
    let combine = combination(c, raw, &benefits, &group_combos, &mut spans);
    let caps = cap_list(c, cx, &r.cap, &benefits);
    let fund_info = fund_table(c, cx, &r.fund);

    // Deadlines.
    let deadlines = deadline_list(c, cx, &r.deadline);
    check_deadline_order(c, &deadlines, &r.deadline, &incident.start);

    // Texts and rulings by state.
    let next_steps = texts(c, &r.next_steps, "next step");
    let keep = texts(c, &r.keep, "what to keep");
    let after_close = texts(c, &r.after_close, "after close");
    let rulings = ruling_list(c, cx, &r.ruling);
    let state_question = ruling_state_question(c, dir, &r.state_question);
    if !rulings.is_empty() && state_question.is_none() {
        c.err(
            raw.span(),
            "rulings by state need `state_question`",
            "add state_question = \"state_moveit\" at the top of the file",
        );
    }
    if full && next_steps.is_empty() {
        c.err(
            raw.span(),
            "a full entry needs `next_steps`",
            "add next_steps = [ { en = \"...\", es = \"...\" } ]",
        );
    }

    c.plain_name(&r.name);
    if let Some(n) = &r.name_es {
        c.plain_name(n);
    }
    let mut settlement = Settlement {
        id,
        name: r.name.get_ref().trim().to_string(),
        name_es: r
            .name_es
            .as_ref()
            .map(|n| n.get_ref().trim().to_string())
            .filter(|n| !n.is_empty()),
        incident_family: c.id(&r.incident_family, "incident family"),
        detail,
        summary,
        sources,
        case: case?,
        incident: incident.assemble()?,
        class: class?,
        subclasses,
        claimants,
        benefits,
        groups,
        combine,
        caps,
        fund: fund_info,
        deadlines,
        next_steps,
        keep,
        after_close,
        rulings,
        state_question,
        unconfirmed: Vec::new(),
    };
    settlement.unconfirmed = crate::unverified::reasons(&settlement);
    Some((settlement, spans))
}

/// The `[[source]]` list, each id once, and where each id sits in it.
fn source_list(c: &mut Conv, r: &RawSettlement) -> (Vec<Source>, HashMap<String, usize>) {
    let mut sources = Vec::new();
    let mut src_ids: HashMap<String, usize> = HashMap::new();
    for s in &r.source {
        if let Some(src) = c.source(s) {
            if src_ids.contains_key(&src.id) {
                c.err(
                    s.get_ref().id.span(),
                    format!("source `{}` is defined twice", src.id),
                    "give each source its own id",
                );
            }
            src_ids.insert(src.id.clone(), sources.len());
            sources.push(src);
        }
    }
    if sources.is_empty() {
        c.err(
            r.id.span(),
            "a settlement needs at least one [[source]]",
            "add [[source]] with id, href, title and checked",
        );
    }
    (sources, src_ids)
}

/// The `[case]` table with its related cases; `None` when a fact it needs is missing.
fn case_table(c: &mut Conv, cx: SettlementCtx, raw: &S<RawCase>) -> Option<Case> {
    let rc = raw.get_ref();
    let cs = raw.span();
    let number = cx.opt_fact(c, &rc.number, "number", cs.clone(), trimmed);
    let court = cx.opt_fact(c, &rc.court, "court", cs.clone(), trimmed);
    let judge = cx.opt_fact(c, &rc.judge, "judge", cs.clone(), trimmed);
    let status = c.fact(&rc.status, "status", cx.sid, |c, v| {
        enum_value(c, v, "status")
    });
    let website = cx.opt_fact(
        c,
        &rc.website,
        "website",
        cs.clone(),
        |c: &mut Conv, v: &S<String>| {
            let w = v.get_ref().trim();
            if !plain::is_safe_address(w) {
                c.err(
                    v.span(),
                    "a website must be a full address",
                    "write it starting with https://, with no spaces, quotes or `<>`",
                );
            }
            Some(w.to_string())
        },
    );
    let fund = cx.opt_fact(c, &rc.fund, "fund", cs.clone(), money_value);
    let administrator = match &rc.administrator {
        Some(f) => c.fact(f, "administrator", cx.sid, trimmed),
        None => Some(unverified_default("administrator")),
    };
    let related = related_cases(c, cx, &rc.related);
    Some(Case {
        title: rc.title.get_ref().trim().to_string(),
        number: number?,
        court: court?,
        judge: judge?,
        status: status?,
        website: website?,
        fund: fund?,
        administrator: administrator?,
        related,
    })
}

/// The case's `[[case.related]]` entries, each with a source or a reason it has none.
fn related_cases(c: &mut Conv, cx: SettlementCtx, raw: &[S<RawRelated>]) -> Vec<RelatedCase> {
    let mut related = Vec::new();
    for rr in raw {
        let x = rr.get_ref();
        let text = c.text(&x.relation, "relation");
        let relation = match (&x.source, &x.unverified) {
            (Some(s), None) => c.source_ref(s, cx.sid).map(|i| Fact::known(text, i)),
            (None, Some(u)) => Some(Fact::Unverified {
                reason: c.reason(u, "related case"),
            }),
            _ => {
                c.err(
                    rr.span(),
                    "a related case needs `source` or `unverified` (not both)",
                    "add source = \"...\" or unverified = { en = \"why\", es = \"...\" }",
                );
                None
            }
        };
        if let Some(relation) = relation {
            related.push(RelatedCase {
                title: x.title.get_ref().clone(),
                number: x.number.as_ref().map(|n| n.get_ref().clone()),
                relation,
            });
        }
    }
    related
}

/// The incident's facts, kept apart until assembly because the deadline checks read `start`.
struct IncidentFacts {
    start: Option<Fact<Date>>,
    end: Option<Fact<Date>>,
    discovered: Option<Fact<Date>>,
    people: Option<Fact<u64>>,
    data: Option<Fact<Text>>,
}

impl IncidentFacts {
    /// The model's incident, or `None` when a fact it needs is missing.
    fn assemble(self) -> Option<Incident> {
        Some(Incident {
            start: self.start?,
            end: self.end,
            discovered: self.discovered,
            people: self.people?,
            data: self.data?,
        })
    }
}

/// The `[incident]` table (unknown facts when absent), checked to end after it starts.
fn incident_facts(c: &mut Conv, cx: SettlementCtx, raw: &S<RawSettlement>) -> IncidentFacts {
    let r = raw.get_ref();
    let empty = RawIncident {
        start: None,
        end: None,
        discovered: None,
        people: None,
        data: None,
    };
    let ri = r.incident.as_ref().map(|i| i.get_ref()).unwrap_or(&empty);
    let ispan = r.incident.as_ref().map(|i| i.span()).unwrap_or(raw.span());
    let start = cx.opt_fact(c, &ri.start, "start", ispan.clone(), date_value);
    let end = ri
        .end
        .as_ref()
        .and_then(|f| c.fact(f, "end", cx.sid, date_value));
    let discovered = ri
        .discovered
        .as_ref()
        .and_then(|f| c.fact(f, "discovered", cx.sid, date_value));
    let people = cx.opt_fact(c, &ri.people, "people", ispan.clone(), people_count);
    let data = cx.opt_fact(
        c,
        &ri.data,
        "data",
        ispan.clone(),
        |c: &mut Conv, v: &S<RawText>| Some(c.text(v, "data exposed")),
    );
    if let (Some(Fact::Known { main: s, .. }), Some(Fact::Known { main: e, .. })) = (&start, &end) {
        if s.value > e.value {
            c.err(
                ispan.clone(),
                "the incident ends before it starts",
                "check `start` and `end`",
            );
        }
    }
    IncidentFacts {
        start,
        end,
        discovered,
        people,
        data,
    }
}

/// The `[class]` table: its definition, routes in and exclusions; `None` without a definition.
fn class_table(
    c: &mut Conv,
    cx: SettlementCtx,
    raw: &S<RawClass>,
    spans: &mut SettlementSpans,
) -> Option<Class> {
    let rcl = raw.get_ref();
    let definition = cx.opt_fact(c, &rcl.definition, "definition", raw.span(), wording);
    let routes = route_list(c, cx, raw, spans);
    let exclusions = exclusion_list(c, cx, &rcl.exclusion, spans);
    Some(Class {
        definition: definition?,
        certified: rcl.certified,
        routes,
        exclusions,
    })
}

/// The class's `[[class.route]]` entries: at least one, each with a condition and a level.
fn route_list(
    c: &mut Conv,
    cx: SettlementCtx,
    class: &S<RawClass>,
    spans: &mut SettlementSpans,
) -> Vec<Route> {
    let rcl = class.get_ref();
    let mut routes = Vec::new();
    if rcl.route.is_empty() {
        c.err(
            class.span(),
            "the class has no route in",
            "add [[class.route]] with id, when, level and reason",
        );
    }
    for rr in &rcl.route {
        let x = rr.get_ref();
        let rid = c.id(&x.id, "route id");
        let when = c.condition(&x.when, cx.dir);
        let level = match &x.level {
            Some(l) => enum_value(c, l, "level"),
            None => {
                c.err(
                    rr.span(),
                    "a route needs a `level`",
                    "add level = \"likely\" (or \"member\" / \"possible\")",
                );
                None
            }
        };
        let reason = c.text(&x.reason, "reason");
        let clause = x
            .clause
            .as_ref()
            .and_then(|f| c.fact(f, "clause", cx.sid, wording));
        if let (Some(when), Some(level)) = (when, level) {
            routes.push(Route {
                id: rid,
                when,
                level,
                reason,
                clause,
            });
            spans.routes.push(rr.span());
        }
    }
    routes
}

/// The class's `[[class.exclusion]]` entries: a condition each, and no level.
fn exclusion_list(
    c: &mut Conv,
    cx: SettlementCtx,
    raw: &[S<RawRoute>],
    spans: &mut SettlementSpans,
) -> Vec<Exclusion> {
    let mut exclusions = Vec::new();
    for rr in raw {
        let x = rr.get_ref();
        if let Some(l) = &x.level {
            c.err(l.span(), "an exclusion has no level", "remove `level`");
        }
        let rid = c.id(&x.id, "exclusion id");
        let when = c.condition(&x.when, cx.dir);
        let reason = c.text(&x.reason, "reason");
        let clause = x
            .clause
            .as_ref()
            .and_then(|f| c.fact(f, "clause", cx.sid, wording));
        if let Some(when) = when {
            exclusions.push(Exclusion {
                id: rid,
                when,
                reason,
                clause,
            });
            spans.exclusions.push(rr.span());
        }
    }
    exclusions
}

/// The `[[subclass]]` entries, each with a name and a condition.
fn subclass_list(
    c: &mut Conv,
    cx: SettlementCtx,
    raw: &[S<RawSubclass>],
    spans: &mut SettlementSpans,
) -> Vec<Subclass> {
    let mut subclasses = Vec::new();
    for rs in raw {
        let x = rs.get_ref();
        let subclass_id = c.id(&x.id, "subclass id");
        let name = c.text(&x.name, "subclass name");
        let when = c.condition(&x.when, cx.dir);
        let clause = x
            .clause
            .as_ref()
            .and_then(|f| c.fact(f, "clause", cx.sid, wording));
        if let Some(when) = when {
            subclasses.push(Subclass {
                id: subclass_id,
                name,
                when,
                clause,
            });
            spans.subclasses.push(rs.span());
        }
    }
    subclasses
}

/// The `[claimants]` table: whether a claim may be made for a minor or for someone who died.
fn claimants_table(c: &mut Conv, cx: SettlementCtx, raw: &Option<S<RawClaimants>>) -> Claimants {
    match raw {
        Some(rc) => {
            let x = rc.get_ref();
            let b = |_: &mut Conv, v: &S<bool>| Some(*v.get_ref());
            Claimants {
                minor: x.minor.as_ref().and_then(|f| c.fact(f, "minor", cx.sid, b)),
                deceased: x
                    .deceased
                    .as_ref()
                    .and_then(|f| c.fact(f, "deceased", cx.sid, b)),
            }
        }
        None => Claimants::default(),
    }
}

/// The `[[benefit]]` entries, each id once, each `counts_toward` a documented-losses benefit.
fn benefit_list(
    c: &mut Conv,
    cx: SettlementCtx,
    raw: &[S<RawBenefit>],
    subclasses: &[Subclass],
    spans: &mut SettlementSpans,
) -> Vec<Benefit> {
    let mut benefits = Vec::new();
    for rb in raw {
        if let Some(b) = benefit(c, cx, rb, subclasses) {
            if benefits.iter().any(|x: &Benefit| x.id == b.id) {
                c.err(
                    rb.get_ref().id.span(),
                    format!("benefit `{}` is defined twice", b.id),
                    "give each benefit its own id",
                );
            }
            benefits.push(b);
            spans.benefits.push(rb.span());
        }
    }
    for (i, rb) in raw.iter().enumerate() {
        let Some(b) = benefits.get(i) else { continue };
        if let BenefitKind::LostTime {
            counts_toward: Some(t),
            ..
        } = &b.kind
        {
            let ok = benefits
                .iter()
                .any(|x| &x.id == t && matches!(x.kind, BenefitKind::DocumentedLosses { .. }));
            if !ok {
                let span = rb
                    .get_ref()
                    .counts_toward
                    .as_ref()
                    .map(|s| s.span())
                    .unwrap_or(rb.span());
                let fix = suggest(
                    t,
                    "documented-losses benefit",
                    benefits
                        .iter()
                        .filter(|x| matches!(x.kind, BenefitKind::DocumentedLosses { .. }))
                        .map(|x| x.id.as_str()),
                );
                c.err(span, format!("`counts_toward` names `{t}`, which is not a documented-losses benefit here"), fix);
            }
        }
    }
    benefits
}

/// The `[[group]]` entries, and each group's combination by its id.
fn group_list(c: &mut Conv, raw: &[S<RawGroup>]) -> (Vec<Group>, HashMap<String, Combo>) {
    let mut groups = Vec::new();
    let mut group_combos = HashMap::new();
    for rg in raw {
        let x = rg.get_ref();
        let gid = c.id(&x.id, "group id");
        let name = c.text(&x.name, "group name");
        if let Some(combo) = combo(c, &x.combine) {
            group_combos.insert(gid.clone(), combo);
        }
        groups.push(Group { id: gid, name });
    }
    (groups, group_combos)
}

/// `[benefits] combine` with groups filled in, not too deep, offering every benefit once.
fn combination(
    c: &mut Conv,
    raw: &S<RawSettlement>,
    benefits: &[Benefit],
    group_combos: &HashMap<String, Combo>,
    spans: &mut SettlementSpans,
) -> Option<Combo> {
    let r = raw.get_ref();
    let combine = match &r.benefits {
        Some(rb) => {
            spans.combine = Some(rb.get_ref().combine.span());
            combo(c, &rb.get_ref().combine).and_then(|cb| {
                resolve_combo(c, &rb.get_ref().combine, cb, benefits, group_combos, 0)
            })
        }
        None => None,
    };
    if let Some(cb) = &combine {
        // Groups inside groups multiply the nesting each combine string is limited to.
        let depth = combo_depth(cb);
        if depth > MAX_COMBO_DEPTH {
            c.err(
                spans.combine.clone().unwrap_or(raw.span()),
                format!("the benefits nest too deeply once groups are filled in ({depth} levels; at most {MAX_COMBO_DEPTH})"),
                "flatten the groups: name fewer groups inside groups",
            );
        }
    }
    if let Some(cb) = &combine {
        let mut used = Vec::new();
        combo_benefits(cb, &mut used);
        for (i, b) in benefits.iter().enumerate() {
            let n = used.iter().filter(|u| *u == &b.id).count();
            if n == 0 {
                c.err(
                    spans.benefits[i].clone(),
                    format!("benefit `{}` is never offered", b.id),
                    "add it to [benefits] combine",
                );
            } else if n > 1 {
                c.err(
                    spans.combine.clone().unwrap_or(raw.span()),
                    format!("benefit `{}` appears {n} times in combine", b.id),
                    "name each benefit once",
                );
            }
        }
    } else if !benefits.is_empty() && r.benefits.is_none() {
        c.err(
            raw.span(),
            "benefits are listed but [benefits] combine is missing",
            "add [benefits] combine = \"...\" saying how they go together",
        );
    }
    combine
}

/// The `[[cap]]` entries, each covering benefits of this settlement.
fn cap_list(c: &mut Conv, cx: SettlementCtx, raw: &[S<RawCap>], benefits: &[Benefit]) -> Vec<Cap> {
    let mut caps = Vec::new();
    for rc in raw {
        let x = rc.get_ref();
        let amount = c.fact(&x.amount, "amount", cx.sid, money_value);
        let mut covers = Vec::new();
        for cv in &x.covers {
            if benefits.iter().all(|b| &b.id != cv.get_ref()) {
                let fix = suggest(
                    cv.get_ref(),
                    "benefit id",
                    benefits.iter().map(|b| b.id.as_str()),
                );
                c.err(
                    cv.span(),
                    format!("cap covers unknown benefit `{}`", cv.get_ref()),
                    fix,
                );
            }
            covers.push(cv.get_ref().clone());
        }
        if let Some(amount) = amount {
            caps.push(Cap {
                id: c.id(&x.id, "cap id"),
                amount,
                covers,
            });
        }
    }
    caps
}

/// The `[fund]` table: class size, deductions and the order payments are made in.
fn fund_table(c: &mut Conv, cx: SettlementCtx, raw: &Option<S<RawFund>>) -> Option<Fund> {
    raw.as_ref().map(|rf| {
        let x = rf.get_ref();
        Fund {
            class_size: x
                .class_size
                .as_ref()
                .and_then(|f| c.fact(f, "class_size", cx.sid, people_count)),
            deductions: x
                .deductions
                .iter()
                .filter_map(|d| {
                    let what = c.text(&d.get_ref().what, "deduction");
                    c.fact(&d.get_ref().amount, "amount", cx.sid, money_value)
                        .map(|amount| Deduction { what, amount })
                })
                .collect(),
            other_benefits_sourced: x.other_benefits_sourced,
            payment_order: x
                .payment_order
                .as_ref()
                .and_then(|f| c.fact(f, "payment_order", cx.sid, wording)),
        }
    })
}

/// The `[[deadline]]` entries, one of each kind.
fn deadline_list(c: &mut Conv, cx: SettlementCtx, raw: &[S<RawDeadline>]) -> Vec<Deadline> {
    let mut deadlines: Vec<Deadline> = Vec::new();
    for rd in raw {
        if let Some(d) = deadline(c, cx, rd, &deadlines) {
            deadlines.push(d);
        }
    }
    deadlines
}

/// One `[[deadline]]` of a kind not in `earlier`; `None` when its kind or date cannot be read.
fn deadline(
    c: &mut Conv,
    cx: SettlementCtx,
    rd: &S<RawDeadline>,
    earlier: &[Deadline],
) -> Option<Deadline> {
    let x = rd.get_ref();
    let kind = enum_value::<DeadlineKind>(c, &x.kind, "deadline kind")?;
    if earlier.iter().any(|d| d.kind == kind) {
        c.err(
            x.kind.span(),
            format!("two `{}` deadlines", x.kind.get_ref()),
            "keep one; put other sources' dates in `also`",
        );
    }
    let dfact = c.fact(&x.date, "date", cx.sid, date_value)?;
    let channels = x
        .channels
        .iter()
        .filter_map(|ch| enum_value(c, ch, "channel"))
        .collect();
    let time = x.time.as_ref().and_then(|t| {
        let parsed = t
            .get_ref()
            .split_once(':')
            .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)));
        match parsed {
            Some((h, m)) if h < 24 && m < 60 => Some((h, m)),
            _ => {
                c.err(
                    t.span(),
                    "expected a time like \"23:59\"",
                    "write 24-hour time, HH:MM",
                );
                None
            }
        }
    });
    let zone = match &x.zone {
        Some(z) => enum_value(c, z, "time zone").unwrap_or(Zone::Unknown),
        None => {
            c.err(
                rd.span(),
                "a deadline must say its time zone",
                "add zone = \"unknown\" unless a source states one (ET, CT, MT, PT, AKT, HT)",
            );
            Zone::Unknown
        }
    };
    if time.is_some() && zone == Zone::Unknown {
        c.err(
            rd.span(),
            "a cut-off time without a time zone",
            "add the zone the source states, or remove `time`",
        );
    }
    let opens = x.opens.as_ref().and_then(|o| c.date(o));
    if let (Some(o), Some(d)) = (opens, dfact.value()) {
        if o > *d {
            c.err(
                x.opens.as_ref().map(|o| o.span()).unwrap_or(rd.span()),
                "the deadline opens after it closes",
                "check `opens` and `date`",
            );
        }
    }
    let note = x.note.as_ref().map(|n| c.text(n, "deadline note"));
    Some(Deadline {
        kind,
        date: dfact,
        channels,
        time,
        zone,
        opens,
        note,
    })
}

/// The `[[ruling]]` entries: each a state (or ALL), an outcome and a source.
fn ruling_list(c: &mut Conv, cx: SettlementCtx, raw: &[S<RawRuling>]) -> Vec<Ruling> {
    let mut rulings = Vec::new();
    for rr in raw {
        let x = rr.get_ref();
        let st = x.state.get_ref().as_str();
        if st != "ALL" && !crate::answers::US_STATES.contains(&st) {
            c.err(
                x.state.span(),
                format!("`{st}` is not a state code"),
                "use a two-letter code such as MA, or ALL",
            );
        }
        let outcome = enum_value::<RulingOutcome>(c, &x.outcome, "outcome");
        let src = c.source_ref(&x.source, cx.sid);
        let claim = c.text(&x.claim, "ruling");
        let rdate = x.date.as_ref().and_then(|d| c.date(d));
        if let (Some(outcome), Some(source)) = (outcome, src) {
            rulings.push(Ruling {
                state: st.to_string(),
                date: rdate,
                claim,
                outcome,
                source,
            });
        }
    }
    rulings
}

/// `state_question`, which must name a question of kind "state".
fn ruling_state_question(c: &mut Conv, dir: &Directory, raw: &Option<S<String>>) -> Option<String> {
    let q = raw.as_ref()?;
    match dir.questions.iter().find(|x| &x.id == q.get_ref()) {
        Some(x) if matches!(x.kind, QuestionKind::State) => {}
        Some(_) => c.err(
            q.span(),
            format!("`{}` is not a state question", q.get_ref()),
            "name a question of kind \"state\"",
        ),
        None => {
            let fix = suggest(
                q.get_ref(),
                "question id",
                dir.questions.iter().map(|x| x.id.as_str()),
            );
            c.err(q.span(), format!("unknown question `{}`", q.get_ref()), fix);
        }
    }
    Some(q.get_ref().clone())
}

fn check_deadline_order(
    c: &mut Conv,
    deadlines: &[Deadline],
    raw: &[S<RawDeadline>],
    start: &Option<Fact<Date>>,
) {
    let at = |k: DeadlineKind| deadlines.iter().position(|d| d.kind == k);
    let date_of = |k: DeadlineKind| at(k).and_then(|i| deadlines[i].date.value().copied());
    let span_of = |k: DeadlineKind| {
        at(k)
            .and_then(|i| {
                raw.iter()
                    .find(|r| r.get_ref().kind.get_ref() == k.name())
                    .or(raw.get(i))
            })
            .map(|r| r.span())
    };
    for k in [DeadlineKind::OptOut, DeadlineKind::Objection] {
        if let (Some(d), Some(h)) = (date_of(k), date_of(DeadlineKind::FinalHearing)) {
            if d > h {
                c.err(span_of(k).unwrap_or(0..0), format!("the {} deadline falls after the final approval hearing", k.name()), "check both dates against the source: objections and opt-outs close before the hearing");
            }
        }
    }
    if let Some(Fact::Known { main, .. }) = start {
        for d in deadlines {
            if let Some(v) = d.date.value() {
                if *v < main.value {
                    c.err(
                        span_of(d.kind).unwrap_or(0..0),
                        format!(
                            "the {} deadline falls before the incident started",
                            d.kind.name()
                        ),
                        "check the dates: a deadline cannot precede the breach",
                    );
                }
            }
        }
    }
}

fn combo(c: &mut Conv, raw: &S<String>) -> Option<Combo> {
    let base = content_start(c.d.text, &raw.span());
    let mut names = Vec::new();
    match expr::parse_combo(raw.get_ref(), &mut names) {
        Ok(cb) => Some(cb),
        Err(e) => {
            c.err(
                base + e.at..base + e.at + 1,
                format!("combine: {}", e.message),
                "write it like one_of(a, any_of(b, c)); see rules/README.md",
            );
            None
        }
    }
}

/// Replaces group ids by their combinations and checks every name.
fn resolve_combo(
    c: &mut Conv,
    raw: &S<String>,
    cb: Combo,
    benefits: &[Benefit],
    groups: &HashMap<String, Combo>,
    depth: usize,
) -> Option<Combo> {
    if depth > 8 {
        c.err(
            raw.span(),
            "groups refer to each other in a loop",
            "a group may not contain itself",
        );
        return None;
    }
    let list = |c: &mut Conv, v: Vec<Combo>| {
        v.into_iter()
            .map(|x| resolve_combo(c, raw, x, benefits, groups, depth))
            .collect::<Option<Vec<_>>>()
    };
    Some(match cb {
        Combo::Benefit(id) => {
            if benefits.iter().any(|b| b.id == id) {
                Combo::Benefit(id)
            } else if let Some(g) = groups.get(&id) {
                Combo::Group(
                    id,
                    Box::new(resolve_combo(
                        c,
                        raw,
                        g.clone(),
                        benefits,
                        groups,
                        depth + 1,
                    )?),
                )
            } else {
                let names: Vec<&str> = benefits
                    .iter()
                    .map(|b| b.id.as_str())
                    .chain(groups.keys().map(|g| g.as_str()))
                    .collect();
                let fix = suggest(&id, "benefit or group id", names.iter().copied());
                c.err(
                    raw.span(),
                    format!("combine names `{id}`, which is no benefit or group"),
                    fix,
                );
                return None;
            }
        }
        Combo::Group(id, inner) => Combo::Group(id, inner),
        Combo::AllOf(v) => Combo::AllOf(list(c, v)?),
        Combo::OneOf(v) => Combo::OneOf(list(c, v)?),
        Combo::AnyOf(v) => Combo::AnyOf(list(c, v)?),
        Combo::Unknown(v) => Combo::Unknown(list(c, v)?),
    })
}

/// Most levels of a settlement's combination with its groups filled in (each level is two
/// levels of the pack's JSON, which serde_json reads to 128).
const MAX_COMBO_DEPTH: usize = 32;

fn combo_depth(cb: &Combo) -> usize {
    match cb {
        Combo::Benefit(_) => 0,
        Combo::Group(_, inner) => 1 + combo_depth(inner),
        Combo::AllOf(v) | Combo::OneOf(v) | Combo::AnyOf(v) | Combo::Unknown(v) => {
            1 + v.iter().map(combo_depth).max().unwrap_or(0)
        }
    }
}

pub fn combo_benefits(cb: &Combo, out: &mut Vec<String>) {
    match cb {
        Combo::Benefit(b) => out.push(b.clone()),
        Combo::Group(_, inner) => combo_benefits(inner, out),
        Combo::AllOf(v) | Combo::OneOf(v) | Combo::AnyOf(v) | Combo::Unknown(v) => {
            v.iter().for_each(|x| combo_benefits(x, out))
        }
    }
}

/// One `[[benefit]]`; `None` when its kind is unknown or a fact its kind needs is missing.
fn benefit(
    c: &mut Conv,
    cx: SettlementCtx,
    rb: &S<RawBenefit>,
    subclasses: &[Subclass],
) -> Option<Benefit> {
    let x = rb.get_ref();
    let id = c.id(&x.id, "benefit id");
    let name = c.text(&x.name, "benefit name");
    let description = x.description.as_ref().map(|d| c.text(d, "description"));
    let evidence = x.evidence.iter().map(|e| c.text(e, "evidence")).collect();
    let (tag, allowed) = allowed_fields(c, &x.kind)?;
    check_benefit_fields(c, rb, tag.name(), allowed);
    let kind = benefit_kind(c, cx, rb, tag)?;
    let only_for = x.only_for.as_ref().map(|o| {
        if subclasses.iter().all(|s| &s.id != o.get_ref()) {
            let fix = suggest(
                o.get_ref(),
                "subclass id",
                subclasses.iter().map(|s| s.id.as_str()),
            );
            c.err(o.span(), format!("unknown subclass `{}`", o.get_ref()), fix);
        }
        o.get_ref().clone()
    });
    Some(Benefit {
        id,
        name,
        description,
        kind,
        only_for,
        evidence,
        needs_notice_id: x.needs_notice_id,
    })
}

/// The optional fields a benefit of this kind may use; `None` for an unknown kind.
fn allowed_fields(c: &mut Conv, kind: &S<String>) -> Option<(BenefitTag, &'static [&'static str])> {
    let tag = enum_value::<BenefitTag>(c, kind, "benefit kind")?;
    Some((tag, tag.fields()))
}

/// Refuses each field the benefit's kind does not take, and `approximate` off flat_cash.
fn check_benefit_fields(c: &mut Conv, rb: &S<RawBenefit>, kind_name: &str, allowed: &[&str]) {
    let x = rb.get_ref();
    let present: [(&str, Option<Range<usize>>); 13] = [
        ("years", x.years.as_ref().map(|v| v.span())),
        ("bureaus", x.bureaus.as_ref().map(|v| v.span())),
        ("insurance", x.insurance.as_ref().map(|v| v.span())),
        ("cap", x.cap.as_ref().map(|v| v.span())),
        ("inputs", x.inputs.as_ref().map(|v| v.span())),
        ("window", x.window.as_ref().map(|v| v.span())),
        ("rate", x.rate.as_ref().map(|v| v.span())),
        ("max_hours", x.max_hours.as_ref().map(|v| v.span())),
        ("step_minutes", x.step_minutes.as_ref().map(|v| v.span())),
        ("counts_toward", x.counts_toward.as_ref().map(|v| v.span())),
        ("proof", x.proof.as_ref().map(|v| v.span())),
        ("input", x.input.as_ref().map(|v| v.span())),
        ("amount", x.amount.as_ref().map(|v| v.span())),
    ];
    for (field, span) in present {
        if let Some(span) = span {
            if !allowed.contains(&field) {
                c.err(
                    span,
                    format!("`{field}` does not apply to a {kind_name} benefit"),
                    format!(
                        "remove it; a {kind_name} benefit takes: {}",
                        if allowed.is_empty() {
                            "no extra fields".to_string()
                        } else {
                            allowed.join(", ")
                        }
                    ),
                );
            }
        }
    }
    if x.approximate.is_some() && kind_name != BenefitTag::FlatCash.name() {
        c.err(
            rb.span(),
            "`approximate` applies only to flat_cash",
            "remove it",
        );
    }
}

/// A whole number of zero or more (years, bureaus, hours).
fn whole_number(c: &mut Conv, v: &S<i64>) -> Option<u32> {
    match u32::try_from(*v.get_ref()) {
        Ok(n) => Some(n),
        Err(_) => {
            c.err(
                v.span(),
                "expected a whole number of zero or more",
                "write a plain number",
            );
            None
        }
    }
}

/// A fact the benefit's kind needs: reported at the benefit when it is missing.
fn needed_fact<'d, 'a, T, U>(
    c: &mut Conv<'d, 'a>,
    rb: &S<RawBenefit>,
    raw: &Option<F<T>>,
    what: &str,
    sid: &HashMap<String, usize>,
    conv: impl FnMut(&mut Conv<'d, 'a>, &S<T>) -> Option<U>,
) -> Option<Fact<U>> {
    match raw {
        Some(f) => c.fact(f, what, sid, conv),
        None => {
            need(c, rb, what);
            None
        }
    }
}

/// Reports that the benefit's kind needs `what`.
fn need(c: &mut Conv, rb: &S<RawBenefit>, what: &str) {
    let kind_name = rb.get_ref().kind.get_ref();
    c.err(
        rb.span(),
        format!("a {kind_name} benefit needs `{what}`"),
        format!(
            "add {what} = {{ value = ..., source = \"...\" }} or {{ unverified = {{ en = \"why\", es = \"...\" }} }}"
        ),
    );
}

/// The id of a question a benefit reads, checked to exist and be of kind `want` (money/hours).
fn question_of(c: &mut Conv, dir: &Directory, q: &S<String>, want: &str) -> String {
    let kind_ok = dir
        .questions
        .iter()
        .find(|x| &x.id == q.get_ref())
        .map(|x| match want {
            "money" => matches!(x.kind, QuestionKind::Money),
            _ => matches!(x.kind, QuestionKind::Hours),
        });
    match kind_ok {
        Some(true) => {}
        Some(false) => c.err(
            q.span(),
            format!("`{}` is not a {want} question", q.get_ref()),
            format!("name a {want} question from questions.toml"),
        ),
        None => {
            let fix = suggest(
                q.get_ref(),
                "question id",
                dir.questions.iter().map(|x| x.id.as_str()),
            );
            c.err(q.span(), format!("unknown question `{}`", q.get_ref()), fix);
        }
    }
    q.get_ref().clone()
}

/// What a benefit of a known kind pays or gives; `None` when a fact it needs is missing.
fn benefit_kind(
    c: &mut Conv,
    cx: SettlementCtx,
    rb: &S<RawBenefit>,
    tag: BenefitTag,
) -> Option<BenefitKind> {
    let x = rb.get_ref();
    Some(match tag {
        BenefitTag::Monitoring => BenefitKind::Monitoring {
            years: x
                .years
                .as_ref()
                .and_then(|f| c.fact(f, "years", cx.sid, whole_number)),
            bureaus: x
                .bureaus
                .as_ref()
                .and_then(|f| c.fact(f, "bureaus", cx.sid, whole_number)),
            insurance: x
                .insurance
                .as_ref()
                .and_then(|f| c.fact(f, "insurance", cx.sid, money_value)),
        },
        BenefitTag::DocumentedLosses => documented_losses(c, cx, rb)?,
        BenefitTag::LostTime => lost_time(c, cx, rb)?,
        BenefitTag::FlatCash => {
            let amount = needed_fact(c, rb, &x.amount, "amount", cx.sid, money_value);
            BenefitKind::FlatCash {
                amount: amount?,
                approximate: x.approximate.as_ref().is_some_and(|a| *a.get_ref()),
            }
        }
        BenefitTag::ProRataCash => BenefitKind::ProRataCash {
            amount: x
                .amount
                .as_ref()
                .and_then(|f| c.fact(f, "amount", cx.sid, money_value)),
        },
        BenefitTag::StatutoryAward => {
            let amount = needed_fact(c, rb, &x.amount, "amount", cx.sid, money_value);
            if x.only_for.is_none() {
                c.err(
                    rb.span(),
                    "a statutory award needs `only_for`",
                    "add only_for = \"<subclass id>\"",
                );
            }
            BenefitKind::StatutoryAward { amount: amount? }
        }
        BenefitTag::Service => BenefitKind::Service,
        BenefitTag::Enrollment => BenefitKind::Enrollment,
    })
}

/// A documented_losses benefit: its cap, the money questions it adds up, and its loss window.
fn documented_losses(c: &mut Conv, cx: SettlementCtx, rb: &S<RawBenefit>) -> Option<BenefitKind> {
    let x = rb.get_ref();
    let cap = needed_fact(c, rb, &x.cap, "cap", cx.sid, money_value);
    let inputs = match &x.inputs {
        Some(v) if !v.get_ref().is_empty() => v
            .get_ref()
            .iter()
            .map(|q| question_of(c, cx.dir, q, "money"))
            .collect(),
        _ => {
            c.err(
                rb.span(),
                "a documented_losses benefit needs `inputs`",
                "add inputs = [\"costs\"] (money questions whose amounts count)",
            );
            Vec::new()
        }
    };
    let window = x.window.as_ref().and_then(|w| {
        let wr = w.get_ref();
        let from = c.date(&wr.from)?;
        let to = wr.to.as_ref().and_then(|t| c.date(t));
        if to.is_some_and(|t| t < from) {
            c.err(
                w.span(),
                "the loss window ends before it starts",
                "check `from` and `to`",
            );
        }
        let source = c.source_ref(&wr.source, cx.sid)?;
        Some(Window { from, to, source })
    });
    Some(BenefitKind::DocumentedLosses {
        cap: cap?,
        inputs,
        window,
    })
}

/// A lost_time benefit: its hourly rate, most hours, step, proof and the hours question.
fn lost_time(c: &mut Conv, cx: SettlementCtx, rb: &S<RawBenefit>) -> Option<BenefitKind> {
    let x = rb.get_ref();
    let rate = needed_fact(c, rb, &x.rate, "rate", cx.sid, money_value);
    let max_hours = needed_fact(c, rb, &x.max_hours, "max_hours", cx.sid, whole_number);
    let step = match &x.step_minutes {
        Some(s) if matches!(s.get_ref(), 15 | 30 | 60) => *s.get_ref() as u32,
        Some(s) => {
            c.err(
                s.span(),
                "step_minutes must be 15, 30 or 60",
                "write the increment the source states",
            );
            60
        }
        // No stated increment: count the quarter hours the person gave, no rounding.
        None => 15,
    };
    let proof = match &x.proof {
        Some(p) => enum_value(c, p, "proof"),
        None => {
            need(c, rb, "proof");
            None
        }
    };
    let input = match &x.input {
        Some(q) => question_of(c, cx.dir, q, "hours"),
        None => "hours".to_string(),
    };
    Some(BenefitKind::LostTime {
        rate: rate?,
        max_hours: max_hours?,
        step_minutes: step,
        counts_toward: x.counts_toward.as_ref().map(|s| s.get_ref().clone()),
        proof: proof?,
        input,
    })
}
