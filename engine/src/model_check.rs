//! Semantic checks of an already-deserialized [`Pack`]: every id a rule refers to exists, every
//! text a person reads has English and Spanish, every fact's source is one the settlement lists,
//! deadlines come in a possible order, no id is used twice and every benefit is offered.
//!
//! Used where a pack arrives as data rather than through the TOML loader (the JavaScript API's
//! `validateRules`): each problem carries the JSON-style path of the value it concerns, as in
//! `settlements[14].class.routes[0].when.c[0]`, so an embedder can point at it. Knows nothing of
//! TOML, files or line numbers; never panics, whatever the pack holds.

use crate::answers::US_STATES;
use crate::date::Date;
use crate::expr::{Expr, Literal, Op, Target};
use crate::fact::{Fact, Reading, Source};
use crate::model::{
    Benefit, BenefitKind, Combo, DeadlineKind, Pack, Question, QuestionKind, Settlement, Status,
    Window,
};
use crate::money::Cents;
use crate::names::Named;
use crate::plain;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// One problem in a pack: where it is (a JSON-style path) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every semantic problem of the pack, in the order of the pack; empty when it is sound.
pub fn check(pack: &Pack) -> Vec<ModelError> {
    let mut c = Checker {
        pack,
        errors: Vec::new(),
    };
    c.questions();
    c.organisations();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in pack.settlements.iter().enumerate() {
        let path = format!("settlements[{i}]");
        if let Some(first) = seen.insert(s.id.as_str(), i) {
            c.err(
                format!("{path}.id"),
                format!(
                    "settlement id `{}` is used twice (also settlements[{first}])",
                    s.id
                ),
            );
        }
        c.settlement(&path, s);
    }
    c.errors
}

struct Checker<'p> {
    pack: &'p Pack,
    errors: Vec<ModelError>,
}

/// The sources of the settlement being checked, for facts' source indexes.
struct Ctx<'s> {
    sources: usize,
    settlement: &'s Settlement,
}

impl<'p> Checker<'p> {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ModelError {
            path: path.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, path: String, id: &str, what: &str) {
        if !plain::is_plain_id(id) {
            self.err(
                path,
                format!("{what} `{id}` is not a plain id (lowercase letters, digits, _ and -, starting with a letter or a digit)"),
            );
        }
    }

    /// A web address the app turns into a link: https only (no `javascript:`, `data:` or
    /// plain `http:`), nothing that could end an attribute.
    fn address(&mut self, path: String, s: &str) {
        if !plain::is_safe_address(s) {
            self.err(
                path,
                format!("`{s}` is not an https address — write the full address, starting with https://"),
            );
        }
    }

    /// A name shown on screen: plain text, so markup is refused rather than shown as code.
    fn name(&mut self, path: String, s: &str, what: &str) {
        self.nonempty(path.clone(), s, what);
        if plain::holds_markup(s) {
            self.err(
                path,
                format!("the {what} holds markup (`<` or `>`); every text is plain text — write the name without it"),
            );
        }
    }

    fn nonempty(&mut self, path: String, s: &str, what: &str) {
        if s.trim().is_empty() {
            self.err(path, format!("the {what} is empty"));
        }
    }

    fn text(&mut self, path: &str, t: &Text) {
        if t.en.trim().is_empty() {
            self.err(format!("{path}.en"), "the English text is empty");
        }
        if t.es.trim().is_empty() {
            self.err(format!("{path}.es"), "the Spanish text is empty");
        }
    }

    fn texts(&mut self, path: &str, list: &[Text]) {
        for (i, t) in list.iter().enumerate() {
            self.text(&format!("{path}[{i}]"), t);
        }
    }

    fn source(&mut self, path: &str, s: &Source) {
        self.nonempty(format!("{path}.id"), &s.id, "source id");
        self.address(format!("{path}.href"), &s.href);
        self.name(format!("{path}.title"), &s.title, "source title");
    }

    fn source_index(&mut self, path: String, index: usize, cx: &Ctx) {
        if index >= cx.sources {
            let have = match cx.sources {
                0 => "no sources".to_string(),
                1 => "1 source (index 0)".to_string(),
                n => format!("{n} sources (indexes 0 to {})", n - 1),
            };
            self.err(
                path,
                format!(
                    "source index {index} is out of range: settlement `{}` lists {have}",
                    cx.settlement.id
                ),
            );
        }
    }

    /// A fact: its readings' sources, notes and quotes, and each value through `value`.
    fn fact<T>(
        &mut self,
        path: &str,
        f: &Fact<T>,
        cx: &Ctx,
        value: &mut dyn FnMut(&mut Self, String, &T),
    ) {
        match f {
            Fact::Known { main, also } => {
                self.reading(&format!("{path}.main"), main, cx, value);
                for (k, r) in also.iter().enumerate() {
                    self.reading(&format!("{path}.also[{k}]"), r, cx, value);
                }
            }
            Fact::Unverified { reason } => self.text(&format!("{path}.reason"), reason),
        }
    }

    fn reading<T>(
        &mut self,
        path: &str,
        r: &Reading<T>,
        cx: &Ctx,
        value: &mut dyn FnMut(&mut Self, String, &T),
    ) {
        self.source_index(format!("{path}.source"), r.source, cx);
        if let Some(q) = &r.quote {
            self.nonempty(format!("{path}.quote"), q, "quote");
        }
        if let Some(n) = &r.note {
            self.text(&format!("{path}.note"), n);
        }
        value(self, format!("{path}.value"), &r.value);
    }

    fn text_fact(&mut self, path: &str, f: &Fact<Text>, cx: &Ctx) {
        self.fact(path, f, cx, &mut |c, p, t| c.text(&p, t));
    }
    fn string_fact(&mut self, path: &str, f: &Fact<String>, cx: &Ctx) {
        self.fact(path, f, cx, &mut |c, p, s| c.nonempty(p, s, "value"));
    }
    fn money_fact(&mut self, path: &str, f: &Fact<Cents>, cx: &Ctx) {
        self.fact(path, f, cx, &mut |c, p, v| {
            if v.0 < 0 {
                c.err(p, format!("an amount cannot be negative ({} cents)", v.0));
            }
        });
    }
    fn plain_fact<T>(&mut self, path: &str, f: &Fact<T>, cx: &Ctx) {
        self.fact(path, f, cx, &mut |_, _, _| {});
    }

    fn question(&self, id: &str) -> Option<&'p Question> {
        self.pack.question(id)
    }

    // ---- questions -------------------------------------------------------------------------

    fn questions(&mut self) {
        let pack = self.pack;
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, q) in pack.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(format!("{path}.id"), &q.id, "question id");
            if let Some(first) = seen.insert(q.id.as_str(), i) {
                self.err(
                    format!("{path}.id"),
                    format!(
                        "question id `{}` is used twice (also questions[{first}])",
                        q.id
                    ),
                );
            }
            self.text(&format!("{path}.text"), &q.text);
            self.text(&format!("{path}.why"), &q.why);
            if let Some(h) = &q.hint {
                self.text(&format!("{path}.hint"), h);
            }
            if let QuestionKind::Choice { options } = &q.kind {
                if options.is_empty() {
                    self.err(
                        format!("{path}.kind.options"),
                        "a choice question needs at least one option",
                    );
                }
                let mut ids = BTreeSet::new();
                for (k, o) in options.iter().enumerate() {
                    let op = format!("{path}.kind.options[{k}]");
                    self.id(format!("{op}.id"), &o.id, "option id");
                    if !ids.insert(o.id.as_str()) {
                        self.err(
                            format!("{op}.id"),
                            format!("option `{}` appears twice in `{}`", o.id, q.id),
                        );
                    }
                    self.text(&format!("{op}.text"), &o.text);
                }
            }
            if let Some(gate) = &q.ask_if {
                let gp = format!("{path}.ask_if");
                self.expr(&gp, gate);
                // Gates must point back, or the questionnaire could loop.
                let mut deps = Vec::new();
                gate.questions(&mut deps);
                for d in deps {
                    if let Some(j) = pack.questions.iter().position(|x| x.id == d) {
                        if j >= i {
                            self.err(
                                gp.clone(),
                                format!(
                                    "`{}` is asked only if `{d}` is answered, but `{d}` (questions[{j}]) does not come before it",
                                    q.id
                                ),
                            );
                        }
                    }
                }
            }
        }
    }

    // ---- organisations ---------------------------------------------------------------------

    fn organisations(&mut self) {
        let pack = self.pack;
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, o) in pack.organisations.iter().enumerate() {
            let path = format!("organisations[{i}]");
            self.id(format!("{path}.id"), &o.id, "organisation id");
            if let Some(first) = seen.insert(o.id.as_str(), i) {
                self.err(
                    format!("{path}.id"),
                    format!(
                        "organisation id `{}` is used twice (also organisations[{first}])",
                        o.id
                    ),
                );
            }
            self.name(format!("{path}.name"), &o.name, "organisation name");
            for (k, a) in o.aliases.iter().enumerate() {
                self.name(format!("{path}.aliases[{k}]"), a, "alias");
            }
            for (k, inc) in o.incidents.iter().enumerate() {
                self.nonempty(format!("{path}.incidents[{k}]"), inc, "incident");
            }
            for (k, n) in o.not_to_confuse.iter().enumerate() {
                if n == &o.id {
                    self.err(
                        format!("{path}.not_to_confuse[{k}]"),
                        "an organisation cannot be confused with itself",
                    );
                } else if pack.organisation(n).is_none() {
                    self.err(
                        format!("{path}.not_to_confuse[{k}]"),
                        format!("unknown organisation `{n}`"),
                    );
                }
            }
            if let Some(n) = &o.note {
                self.text(&format!("{path}.note"), n);
            }
            if let Some(s) = &o.note_source {
                self.source(&format!("{path}.note_source"), s);
            }
        }
    }

    // ---- conditions ------------------------------------------------------------------------

    /// Checks a condition: every question, word, organisation and incident it names exists and
    /// fits. Paths go into the expression (`when.c[1].c[0]` is the question of a comparison).
    fn expr(&mut self, path: &str, e: &Expr) {
        match e {
            Expr::All(items) | Expr::Any(items) => {
                if items.is_empty() {
                    self.err(format!("{path}.c"), "an empty list of conditions");
                }
                for (i, x) in items.iter().enumerate() {
                    self.expr(&format!("{path}.c[{i}]"), x);
                }
            }
            Expr::Not(x) => self.expr(&format!("{path}.c"), x),
            Expr::Cmp(q, op, lit) => {
                let Some(question) = self.known_question(&format!("{path}.c[0]"), q) else {
                    return;
                };
                let lp = format!("{path}.c[2]");
                match lit {
                    Literal::Word(w) => {
                        if !matches!(op, Op::Eq | Op::Ne) {
                            self.err(
                                format!("{path}.c[1]"),
                                "words can only be compared with Eq or Ne",
                            );
                        }
                        self.word(&format!("{lp}.v"), question, w);
                    }
                    Literal::Money(m) => {
                        if !matches!(question.kind, QuestionKind::Money) {
                            self.err(lp, format!("`{q}` is not a money question"));
                        } else if m.0 < 0 {
                            self.err(format!("{lp}.v"), "an amount cannot be negative");
                        }
                    }
                    Literal::Number(_) => {
                        if !matches!(question.kind, QuestionKind::Money | QuestionKind::Hours) {
                            self.err(lp, format!("`{q}` is not a money or hours question"));
                        }
                    }
                }
            }
            Expr::In(q, words) => {
                let Some(question) = self.known_question(&format!("{path}.c[0]"), q) else {
                    return;
                };
                if words.is_empty() {
                    self.err(format!("{path}.c[1]"), "an empty list of words");
                }
                for (i, w) in words.iter().enumerate() {
                    self.word(&format!("{path}.c[1][{i}]"), question, w);
                }
            }
            Expr::Includes(q, target) => {
                let Some(question) = self.known_question(&format!("{path}.c[0]"), q) else {
                    return;
                };
                if !matches!(question.kind, QuestionKind::Organisations) {
                    self.err(
                        format!("{path}.c[0]"),
                        format!(
                            "`{q} includes ...`: `{q}` is a {} question, not an organisations question",
                            question.kind.tag().name()
                        ),
                    );
                }
                let tp = format!("{path}.c[1].v");
                match target {
                    Target::Org(o) => {
                        if self.pack.organisation(o).is_none() {
                            self.err(tp, format!("unknown organisation `{o}`"));
                        }
                    }
                    Target::Incident(inc) => {
                        let any = self
                            .pack
                            .organisations
                            .iter()
                            .any(|o| o.incidents.iter().any(|i| i == inc));
                        if !any {
                            self.err(
                                tp,
                                format!("no organisation notified about incident `{inc}`"),
                            );
                        }
                    }
                }
            }
        }
    }

    fn known_question(&mut self, path: &str, id: &str) -> Option<&'p Question> {
        let pack = self.pack;
        match pack.question(id) {
            Some(q) => Some(q),
            None => {
                self.err(path.to_string(), format!("unknown question `{id}`"));
                None
            }
        }
    }

    /// A word compared with the answer of `q`: yes/no, an option id, or a state code.
    fn word(&mut self, path: &str, q: &Question, w: &str) {
        let allowed: Vec<&str> = match &q.kind {
            QuestionKind::YesNo => vec!["yes", "no"],
            QuestionKind::Choice { options } => options.iter().map(|o| o.id.as_str()).collect(),
            QuestionKind::State => US_STATES
                .iter()
                .copied()
                .chain(std::iter::once("OUTSIDE"))
                .collect(),
            QuestionKind::Organisations => vec!["none"],
            _ => {
                self.err(
                    path.to_string(),
                    format!("`{}` is answered with a number, not a word", q.id),
                );
                return;
            }
        };
        if !allowed.contains(&w) {
            let list = if allowed.len() > 8 {
                format!("{}, ...", allowed[..8].join(", "))
            } else {
                allowed.join(", ")
            };
            self.err(
                path.to_string(),
                format!("`{}` is never answered `{w}` (expected {list})", q.id),
            );
        }
    }

    /// A question a benefit reads its amount from: it must exist and be of `kind`.
    fn input(&mut self, path: String, id: &str, want: &str) {
        match self.question(id) {
            None => self.err(path, format!("unknown question `{id}`")),
            Some(q) if q.kind.tag().name() != want => {
                let got = q.kind.tag().name();
                self.err(
                    path,
                    format!("`{id}` is not a {want} question (its kind is {got})"),
                );
            }
            Some(_) => {}
        }
    }

    // ---- settlements -----------------------------------------------------------------------

    fn settlement(&mut self, path: &str, s: &Settlement) {
        let cx = Ctx {
            sources: s.sources.len(),
            settlement: s,
        };
        self.id(format!("{path}.id"), &s.id, "settlement id");
        self.name(format!("{path}.name"), &s.name, "name");
        if let Some(es) = &s.name_es {
            self.name(format!("{path}.name_es"), es, "Spanish name");
        }
        self.nonempty(
            format!("{path}.incident_family"),
            &s.incident_family,
            "incident family",
        );
        self.text(&format!("{path}.summary"), &s.summary);

        let mut ids = HashMap::new();
        for (i, src) in s.sources.iter().enumerate() {
            let sp = format!("{path}.sources[{i}]");
            self.source(&sp, src);
            if let Some(first) = ids.insert(src.id.as_str(), i) {
                self.err(
                    format!("{sp}.id"),
                    format!(
                        "source id `{}` is used twice (also sources[{first}])",
                        src.id
                    ),
                );
            }
        }

        // The case.
        let cp = format!("{path}.case");
        let case = &s.case;
        self.nonempty(format!("{cp}.title"), &case.title, "case title");
        self.string_fact(&format!("{cp}.number"), &case.number, &cx);
        self.string_fact(&format!("{cp}.court"), &case.court, &cx);
        self.string_fact(&format!("{cp}.judge"), &case.judge, &cx);
        self.fact(
            &format!("{cp}.status"),
            &case.status,
            &cx,
            &mut |_, _, _: &Status| {},
        );
        self.fact(
            &format!("{cp}.website"),
            &case.website,
            &cx,
            &mut |c, p, w: &String| c.address(p, w),
        );
        self.money_fact(&format!("{cp}.fund"), &case.fund, &cx);
        self.string_fact(&format!("{cp}.administrator"), &case.administrator, &cx);
        for (i, r) in case.related.iter().enumerate() {
            let rp = format!("{cp}.related[{i}]");
            self.nonempty(format!("{rp}.title"), &r.title, "title");
            if let Some(n) = &r.number {
                self.nonempty(format!("{rp}.number"), n, "case number");
            }
            self.text_fact(&format!("{rp}.relation"), &r.relation, &cx);
        }

        // The incident.
        let ip = format!("{path}.incident");
        let inc = &s.incident;
        self.plain_fact(&format!("{ip}.start"), &inc.start, &cx);
        if let Some(e) = &inc.end {
            self.plain_fact(&format!("{ip}.end"), e, &cx);
            if let (Some(a), Some(b)) = (inc.start.value(), e.value()) {
                if b < a {
                    self.err(
                        format!("{ip}.end"),
                        format!("the incident ends ({b}) before it starts ({a})"),
                    );
                }
            }
        }
        if let Some(d) = &inc.discovered {
            self.plain_fact(&format!("{ip}.discovered"), d, &cx);
        }
        self.plain_fact(&format!("{ip}.people"), &inc.people, &cx);
        self.text_fact(&format!("{ip}.data"), &inc.data, &cx);

        self.class(path, s, &cx);
        self.benefits(path, s, &cx);
        self.deadlines(path, s, &cx);

        self.texts(&format!("{path}.next_steps"), &s.next_steps);
        self.texts(&format!("{path}.keep"), &s.keep);
        self.texts(&format!("{path}.after_close"), &s.after_close);

        for (i, r) in s.rulings.iter().enumerate() {
            let rp = format!("{path}.rulings[{i}]");
            if r.state != "ALL" && !US_STATES.contains(&r.state.as_str()) {
                self.err(
                    format!("{rp}.state"),
                    format!(
                        "`{}` is not a state code: use a two-letter code such as MA, or ALL",
                        r.state
                    ),
                );
            }
            self.text(&format!("{rp}.claim"), &r.claim);
            self.source_index(format!("{rp}.source"), r.source, &cx);
        }
        match &s.state_question {
            Some(q) => self.input(format!("{path}.state_question"), q, "state"),
            None if !s.rulings.is_empty() => self.err(
                format!("{path}.state_question"),
                "rulings by state need a state question",
            ),
            None => {}
        }
    }

    fn class(&mut self, path: &str, s: &Settlement, cx: &Ctx) {
        let cp = format!("{path}.class");
        self.text_fact(&format!("{cp}.definition"), &s.class.definition, cx);
        if s.class.routes.is_empty() {
            self.err(
                format!("{cp}.routes"),
                "the class needs at least one route in",
            );
        }
        let mut ids = HashMap::new();
        for (i, r) in s.class.routes.iter().enumerate() {
            let rp = format!("{cp}.routes[{i}]");
            self.id(format!("{rp}.id"), &r.id, "route id");
            if let Some(first) = ids.insert(r.id.as_str(), i) {
                self.err(
                    format!("{rp}.id"),
                    format!("route id `{}` is used twice (also routes[{first}])", r.id),
                );
            }
            self.expr(&format!("{rp}.when"), &r.when);
            self.text(&format!("{rp}.reason"), &r.reason);
            if let Some(cl) = &r.clause {
                self.text_fact(&format!("{rp}.clause"), cl, cx);
            }
        }
        let mut ids = HashMap::new();
        for (i, x) in s.class.exclusions.iter().enumerate() {
            let xp = format!("{cp}.exclusions[{i}]");
            self.id(format!("{xp}.id"), &x.id, "exclusion id");
            if let Some(first) = ids.insert(x.id.as_str(), i) {
                self.err(
                    format!("{xp}.id"),
                    format!(
                        "exclusion id `{}` is used twice (also exclusions[{first}])",
                        x.id
                    ),
                );
            }
            self.expr(&format!("{xp}.when"), &x.when);
            self.text(&format!("{xp}.reason"), &x.reason);
            if let Some(cl) = &x.clause {
                self.text_fact(&format!("{xp}.clause"), cl, cx);
            }
        }
        let mut ids = HashMap::new();
        for (i, sc) in s.subclasses.iter().enumerate() {
            let sp = format!("{path}.subclasses[{i}]");
            self.id(format!("{sp}.id"), &sc.id, "subclass id");
            if let Some(first) = ids.insert(sc.id.as_str(), i) {
                self.err(
                    format!("{sp}.id"),
                    format!(
                        "subclass id `{}` is used twice (also subclasses[{first}])",
                        sc.id
                    ),
                );
            }
            self.text(&format!("{sp}.name"), &sc.name);
            self.expr(&format!("{sp}.when"), &sc.when);
            if let Some(cl) = &sc.clause {
                self.text_fact(&format!("{sp}.clause"), cl, cx);
            }
        }
        let cl = format!("{path}.claimants");
        if let Some(f) = &s.claimants.minor {
            self.plain_fact(&format!("{cl}.minor"), f, cx);
        }
        if let Some(f) = &s.claimants.deceased {
            self.plain_fact(&format!("{cl}.deceased"), f, cx);
        }
    }

    /// A settlement's benefits, then its groups, how they combine, its caps and its fund.
    fn benefits(&mut self, path: &str, s: &Settlement, cx: &Ctx) {
        let mut ids = HashMap::new();
        for (i, b) in s.benefits.iter().enumerate() {
            let bp = format!("{path}.benefits[{i}]");
            self.id(format!("{bp}.id"), &b.id, "benefit id");
            if let Some(first) = ids.insert(b.id.as_str(), i) {
                self.err(
                    format!("{bp}.id"),
                    format!(
                        "benefit id `{}` is used twice (also benefits[{first}])",
                        b.id
                    ),
                );
            }
            self.benefit(&bp, b, s, cx);
        }
        self.groups(path, s);
        self.combine(path, s);
        self.caps(path, s, cx);
        self.fund(path, s, cx);
    }

    /// One benefit past its id: its texts, the subclass it is only for, and its kind.
    fn benefit(&mut self, bp: &str, b: &Benefit, s: &Settlement, cx: &Ctx) {
        self.text(&format!("{bp}.name"), &b.name);
        if let Some(d) = &b.description {
            self.text(&format!("{bp}.description"), d);
        }
        self.texts(&format!("{bp}.evidence"), &b.evidence);
        if let Some(sc) = &b.only_for {
            if s.subclasses.iter().all(|x| &x.id != sc) {
                self.err(format!("{bp}.only_for"), format!("unknown subclass `{sc}`"));
            }
        }
        self.benefit_kind(bp, b, s, cx);
    }

    /// The facts and inputs of a benefit's kind, and what each kind requires.
    fn benefit_kind(&mut self, bp: &str, b: &Benefit, s: &Settlement, cx: &Ctx) {
        let kp = format!("{bp}.kind");
        match &b.kind {
            BenefitKind::Monitoring {
                years,
                bureaus,
                insurance,
            } => {
                if let Some(f) = years {
                    self.plain_fact(&format!("{kp}.years"), f, cx);
                }
                if let Some(f) = bureaus {
                    self.plain_fact(&format!("{kp}.bureaus"), f, cx);
                }
                if let Some(f) = insurance {
                    self.money_fact(&format!("{kp}.insurance"), f, cx);
                }
            }
            BenefitKind::DocumentedLosses {
                cap,
                inputs,
                window,
            } => {
                self.money_fact(&format!("{kp}.cap"), cap, cx);
                for (k, q) in inputs.iter().enumerate() {
                    self.input(format!("{kp}.inputs[{k}]"), q, "money");
                }
                if let Some(w) = window {
                    self.window(&kp, w, cx);
                }
            }
            BenefitKind::LostTime {
                rate,
                max_hours,
                step_minutes,
                counts_toward,
                input,
                ..
            } => {
                self.money_fact(&format!("{kp}.rate"), rate, cx);
                self.plain_fact(&format!("{kp}.max_hours"), max_hours, cx);
                if !matches!(step_minutes, 15 | 30 | 60) {
                    self.err(
                        format!("{kp}.step_minutes"),
                        format!("step_minutes must be 15, 30 or 60, not {step_minutes}"),
                    );
                }
                if let Some(t) = counts_toward {
                    self.counts_toward(&kp, t, s);
                }
                self.input(format!("{kp}.input"), input, "hours");
            }
            BenefitKind::FlatCash { amount, .. } => {
                self.money_fact(&format!("{kp}.amount"), amount, cx);
            }
            BenefitKind::ProRataCash { amount } => {
                if let Some(f) = amount {
                    self.money_fact(&format!("{kp}.amount"), f, cx);
                }
            }
            BenefitKind::StatutoryAward { amount } => {
                self.money_fact(&format!("{kp}.amount"), amount, cx);
                if b.only_for.is_none() {
                    self.err(
                        format!("{bp}.only_for"),
                        "a statutory award needs `only_for` (a subclass id)",
                    );
                }
            }
            BenefitKind::Service | BenefitKind::Enrollment => {}
        }
    }

    /// A documented-losses window: its source is listed and it does not end before it starts.
    fn window(&mut self, kp: &str, w: &Window, cx: &Ctx) {
        self.source_index(format!("{kp}.window.source"), w.source, cx);
        if let Some(to) = w.to {
            if to < w.from {
                self.err(
                    format!("{kp}.window.to"),
                    format!("the window ends ({to}) before it starts ({})", w.from),
                );
            }
        }
    }

    /// Lost time's `counts_toward` names a documented-losses benefit of the same settlement.
    fn counts_toward(&mut self, kp: &str, t: &str, s: &Settlement) {
        let ok = s
            .benefits
            .iter()
            .any(|x| x.id == t && matches!(x.kind, BenefitKind::DocumentedLosses { .. }));
        if !ok {
            self.err(
                format!("{kp}.counts_toward"),
                format!("`counts_toward` names `{t}`, which is not a documented-losses benefit of this settlement"),
            );
        }
    }

    /// Group ids: well formed, used once, and not also a benefit id; each group has a name.
    fn groups(&mut self, path: &str, s: &Settlement) {
        let mut gids = HashMap::new();
        for (i, g) in s.groups.iter().enumerate() {
            let gp = format!("{path}.groups[{i}]");
            self.id(format!("{gp}.id"), &g.id, "group id");
            if let Some(first) = gids.insert(g.id.as_str(), i) {
                self.err(
                    format!("{gp}.id"),
                    format!("group id `{}` is used twice (also groups[{first}])", g.id),
                );
            }
            if s.benefits.iter().any(|b| b.id == g.id) {
                self.err(
                    format!("{gp}.id"),
                    format!("group id `{}` is also a benefit id", g.id),
                );
            }
            self.text(&format!("{gp}.name"), &g.name);
        }
    }

    /// `combine` is present when there are benefits, and offers each benefit exactly once.
    fn combine(&mut self, path: &str, s: &Settlement) {
        match &s.combine {
            Some(cb) => {
                let mut used = Vec::new();
                self.combo(&format!("{path}.combine"), cb, s, &mut used, 0);
                for (i, b) in s.benefits.iter().enumerate() {
                    let n = used.iter().filter(|u| **u == b.id).count();
                    if n == 0 {
                        self.err(
                            format!("{path}.benefits[{i}]"),
                            format!(
                                "benefit `{}` is never offered: it does not appear in combine",
                                b.id
                            ),
                        );
                    } else if n > 1 {
                        self.err(
                            format!("{path}.combine"),
                            format!("benefit `{}` appears {n} times in combine", b.id),
                        );
                    }
                }
            }
            None if !s.benefits.is_empty() => self.err(
                format!("{path}.combine"),
                "benefits are listed but combine is missing: say how they go together",
            ),
            None => {}
        }
    }

    /// Caps: ids used once, an amount, and at least one covered benefit, each of which exists.
    fn caps(&mut self, path: &str, s: &Settlement, cx: &Ctx) {
        let mut cids = HashMap::new();
        for (i, cap) in s.caps.iter().enumerate() {
            let cp = format!("{path}.caps[{i}]");
            self.id(format!("{cp}.id"), &cap.id, "cap id");
            if let Some(first) = cids.insert(cap.id.as_str(), i) {
                self.err(
                    format!("{cp}.id"),
                    format!("cap id `{}` is used twice (also caps[{first}])", cap.id),
                );
            }
            self.money_fact(&format!("{cp}.amount"), &cap.amount, cx);
            if cap.covers.is_empty() {
                self.err(
                    format!("{cp}.covers"),
                    "a cap must cover at least one benefit",
                );
            }
            for (k, b) in cap.covers.iter().enumerate() {
                if s.benefit(b).is_none() {
                    self.err(
                        format!("{cp}.covers[{k}]"),
                        format!("cap covers unknown benefit `{b}`"),
                    );
                }
            }
        }
    }

    /// The fund's class size, deductions and payment order, when the settlement gives a fund.
    fn fund(&mut self, path: &str, s: &Settlement, cx: &Ctx) {
        if let Some(f) = &s.fund {
            let fp = format!("{path}.fund");
            if let Some(cs) = &f.class_size {
                self.plain_fact(&format!("{fp}.class_size"), cs, cx);
            }
            for (i, d) in f.deductions.iter().enumerate() {
                let dp = format!("{fp}.deductions[{i}]");
                self.text(&format!("{dp}.what"), &d.what);
                self.money_fact(&format!("{dp}.amount"), &d.amount, cx);
            }
            if let Some(po) = &f.payment_order {
                self.text_fact(&format!("{fp}.payment_order"), po, cx);
            }
        }
    }

    /// Walks a combination: names exist, groups are declared, lists are not empty. Collects the
    /// benefit ids it offers into `used`.
    fn combo<'s>(
        &mut self,
        path: &str,
        cb: &'s Combo,
        s: &Settlement,
        used: &mut Vec<&'s str>,
        depth: usize,
    ) {
        if depth > 32 {
            self.err(path.to_string(), "combine nests too deeply");
            return;
        }
        match cb {
            Combo::Benefit(id) => {
                if s.benefit(id).is_some() {
                    used.push(id);
                } else if s.groups.iter().any(|g| &g.id == id) {
                    self.err(
                        format!("{path}.c"),
                        format!("`{id}` is a group: write it as {{ t: \"group\", c: [\"{id}\", <its combination>] }}"),
                    );
                } else {
                    self.err(
                        format!("{path}.c"),
                        format!("combine names `{id}`, which is no benefit of this settlement"),
                    );
                }
            }
            Combo::Group(id, inner) => {
                if s.groups.iter().all(|g| &g.id != id) {
                    self.err(
                        format!("{path}.c[0]"),
                        format!("combine names group `{id}`, which is not in groups"),
                    );
                }
                self.combo(&format!("{path}.c[1]"), inner, s, used, depth + 1);
            }
            Combo::AllOf(v) | Combo::OneOf(v) | Combo::AnyOf(v) | Combo::Unknown(v) => {
                if v.is_empty() {
                    self.err(format!("{path}.c"), "an empty combination");
                }
                for (i, x) in v.iter().enumerate() {
                    self.combo(&format!("{path}.c[{i}]"), x, s, used, depth + 1);
                }
            }
        }
    }

    fn deadlines(&mut self, path: &str, s: &Settlement, cx: &Ctx) {
        let mut kinds: HashMap<DeadlineKind, usize> = HashMap::new();
        for (i, d) in s.deadlines.iter().enumerate() {
            let dp = format!("{path}.deadlines[{i}]");
            if let Some(first) = kinds.insert(d.kind, i) {
                self.err(
                    format!("{dp}.kind"),
                    format!(
                        "two `{}` deadlines (also deadlines[{first}]): keep one and put other sources' dates in `also`",
                        d.kind.name()
                    ),
                );
            }
            self.plain_fact(&format!("{dp}.date"), &d.date, cx);
            if let Some((h, m)) = d.time {
                if h > 23 || m > 59 {
                    self.err(
                        format!("{dp}.time"),
                        format!("{h}:{m:02} is not a time of day (write [hour 0-23, minute 0-59])"),
                    );
                }
            }
            if let (Some(o), Some(date)) = (d.opens, d.date.value()) {
                if o > *date {
                    self.err(
                        format!("{dp}.opens"),
                        format!("the deadline opens ({o}) after it closes ({date})"),
                    );
                }
            }
            if let Some(n) = &d.note {
                self.text(&format!("{dp}.note"), n);
            }
        }
        // Order: opt-outs and objections close before the final approval hearing, and no
        // deadline precedes the breach.
        let date_of = |k: DeadlineKind| -> Option<(usize, Date)> {
            let i = s.deadlines.iter().position(|d| d.kind == k)?;
            Some((i, *s.deadlines[i].date.value()?))
        };
        if let Some((_, hearing)) = date_of(DeadlineKind::FinalHearing) {
            for k in [DeadlineKind::OptOut, DeadlineKind::Objection] {
                if let Some((i, d)) = date_of(k) {
                    if d > hearing {
                        self.err(
                            format!("{path}.deadlines[{i}].date"),
                            format!(
                                "the {} deadline ({d}) falls after the final approval hearing ({hearing})",
                                k.name()
                            ),
                        );
                    }
                }
            }
        }
        if let Some(start) = s.incident.start.value() {
            for (i, d) in s.deadlines.iter().enumerate() {
                if let Some(v) = d.date.value() {
                    if v < start {
                        self.err(
                            format!("{path}.deadlines[{i}].date"),
                            format!(
                                "the {} deadline ({v}) falls before the incident started ({start})",
                                d.kind.name()
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(all(test, feature = "loader"))]
mod tests {
    use super::*;
    use crate::expr::{Literal, Op, Target};
    use crate::model::{Combo, Deadline, DeadlineKind, Zone};
    use crate::text::Lang;
    use std::sync::OnceLock;

    /// The bundled pack, loaded once for every test here.
    fn bundled() -> &'static Pack {
        static PACK: OnceLock<Pack> = OnceLock::new();
        PACK.get_or_init(|| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
            match crate::load::load_dir(&root) {
                Ok(l) => l.pack,
                Err(e) => panic!(
                    "the bundled rules do not load:\n{}",
                    e.iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
            }
        })
    }

    fn si(p: &Pack, id: &str) -> usize {
        p.settlements.iter().position(|s| s.id == id).unwrap()
    }

    /// Breaks the bundled pack with `f` and returns the errors.
    fn broken(f: impl FnOnce(&mut Pack)) -> Vec<ModelError> {
        let mut p = bundled().clone();
        f(&mut p);
        check(&p)
    }

    #[test]
    fn addresses_must_be_https_and_names_plain_text() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            let s = &mut p.settlements[i];
            s.sources[0].href = "javascript:alert(1)".into();
            s.sources[1].href = "data:text/html,x".into();
            s.name = "Connexin <b>".into();
        });
        assert!(has(
            &e,
            &format!("settlements[{i}].sources[0].href"),
            "not an https address"
        ));
        assert!(has(
            &e,
            &format!("settlements[{i}].sources[1].href"),
            "not an https address"
        ));
        assert!(has(&e, &format!("settlements[{i}].name"), "holds markup"));
    }

    #[test]
    fn a_spanish_name_is_plain_text_and_shown_only_in_spanish() {
        let p = bundled();
        let i = si(p, "capital-one");
        let s = &p.settlements[i];
        assert_eq!(s.name_in(Lang::En), s.name);
        assert_ne!(s.name_in(Lang::Es), s.name);
        let e = broken(|p| p.settlements[i].name_es = Some("Capital One <i>".into()));
        assert!(has(
            &e,
            &format!("settlements[{i}].name_es"),
            "holds markup"
        ));
    }

    fn has(errors: &[ModelError], path: &str, words: &str) -> bool {
        errors
            .iter()
            .any(|e| e.path == path && e.message.contains(words))
    }

    #[track_caller]
    fn expect(errors: &[ModelError], path: &str, words: &str) {
        assert!(
            has(errors, path, words),
            "expected `{path}: ...{words}...` among:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn the_bundled_pack_is_sound() {
        let errors = check(bundled());
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn unknown_question_in_a_route_is_named_with_its_path() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            p.settlements[i].class.routes[0].when = Expr::All(vec![
                Expr::Includes("notice".into(), Target::Org("connexin".into())),
                Expr::Cmp("us_residnet".into(), Op::Eq, Literal::Word("yes".into())),
            ]);
        });
        expect(
            &e,
            &format!("settlements[{i}].class.routes[0].when.c[1].c[0]"),
            "unknown question `us_residnet`",
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn words_organisations_and_incidents_must_exist() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            let s = &mut p.settlements[i];
            s.class.routes[0].when = Expr::Any(vec![
                Expr::Includes("notice".into(), Target::Org("conexin".into())),
                Expr::Includes("notice".into(), Target::Incident("nowhere-2020".into())),
                Expr::Cmp("us_resident".into(), Op::Eq, Literal::Word("maybe".into())),
                Expr::Includes("us_resident".into(), Target::Org("connexin".into())),
                Expr::Cmp("us_resident".into(), Op::Gt, Literal::Money(Cents(0))),
            ]);
        });
        let w = format!("settlements[{i}].class.routes[0].when");
        expect(
            &e,
            &format!("{w}.c[0].c[1].v"),
            "unknown organisation `conexin`",
        );
        expect(&e, &format!("{w}.c[1].c[1].v"), "incident `nowhere-2020`");
        expect(&e, &format!("{w}.c[2].c[2].v"), "never answered `maybe`");
        expect(
            &e,
            &format!("{w}.c[3].c[0]"),
            "not an organisations question",
        );
        expect(&e, &format!("{w}.c[4].c[2]"), "not a money question");
    }

    #[test]
    fn texts_need_english_and_spanish() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            p.settlements[i].summary.es.clear();
            p.questions[0].why.en = "  ".into();
        });
        expect(
            &e,
            &format!("settlements[{i}].summary.es"),
            "Spanish text is empty",
        );
        expect(&e, "questions[0].why.en", "English text is empty");
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn an_unverified_reason_needs_english_and_spanish() {
        let p = bundled();
        let i = si(p, "connexin");
        assert!(
            matches!(p.settlements[i].case.administrator, Fact::Unverified { .. }),
            "this test needs connexin's administrator to be unverified"
        );
        let e = broken(|p| {
            if let Fact::Unverified { reason } = &mut p.settlements[i].case.administrator {
                reason.es = " ".into();
            }
        });
        expect(
            &e,
            &format!("settlements[{i}].case.administrator.reason.es"),
            "Spanish text is empty",
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_fact_source_must_be_listed() {
        let p = bundled();
        let i = si(p, "connexin");
        let n = p.settlements[i].sources.len();
        let e = broken(|p| {
            if let Fact::Known { main, .. } = &mut p.settlements[i].case.fund {
                main.source = n;
            } else {
                p.settlements[i].case.fund = Fact::known(Cents(1), n);
            }
        });
        expect(
            &e,
            &format!("settlements[{i}].case.fund.main.source"),
            &format!("source index {n} is out of range"),
        );
    }

    #[test]
    fn opt_out_after_the_final_hearing_is_an_error() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            let s = &mut p.settlements[i];
            s.deadlines
                .retain(|d| !matches!(d.kind, DeadlineKind::OptOut | DeadlineKind::FinalHearing));
            let mk = |kind, date: &str| Deadline {
                kind,
                date: Fact::known(Date::parse(date).unwrap(), 0),
                channels: Vec::new(),
                time: None,
                zone: Zone::Unknown,
                opens: None,
                note: None,
            };
            s.deadlines
                .push(mk(DeadlineKind::FinalHearing, "2024-08-01"));
            s.deadlines.push(mk(DeadlineKind::OptOut, "2024-08-02"));
        });
        let k = p.settlements[i]
            .deadlines
            .iter()
            .filter(|d| !matches!(d.kind, DeadlineKind::OptOut | DeadlineKind::FinalHearing))
            .count()
            + 1;
        expect(
            &e,
            &format!("settlements[{i}].deadlines[{k}].date"),
            "falls after the final approval hearing",
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let p = bundled();
        let i = si(p, "connexin");
        let e = broken(|p| {
            p.questions[1].id = p.questions[0].id.clone();
            let b = p.settlements[i].benefits[0].clone();
            p.settlements[i].benefits.push(b);
            let d = p.settlements[i].deadlines[0].clone();
            p.settlements[i].deadlines.push(d);
            let o = p.organisations[0].clone();
            p.organisations.push(o);
        });
        expect(&e, "questions[1].id", "used twice (also questions[0])");
        let nb = p.settlements[i].benefits.len();
        expect(
            &e,
            &format!("settlements[{i}].benefits[{nb}].id"),
            "used twice (also benefits[0])",
        );
        let nd = p.settlements[i].deadlines.len();
        expect(
            &e,
            &format!("settlements[{i}].deadlines[{nd}].kind"),
            "two `",
        );
        let no = p.organisations.len();
        expect(&e, &format!("organisations[{no}].id"), "used twice");
    }

    #[test]
    fn every_benefit_appears_in_combine_and_combine_names_benefits() {
        let p = bundled();
        let i = si(p, "connexin");
        let first = p.settlements[i].benefits[0].id.clone();
        let e = broken(|p| {
            let s = &mut p.settlements[i];
            let rest: Vec<Combo> = s.benefits[1..]
                .iter()
                .map(|b| Combo::Benefit(b.id.clone()))
                .chain(std::iter::once(Combo::Benefit("no_such_benefit".into())))
                .collect();
            s.combine = Some(Combo::AnyOf(rest));
        });
        expect(
            &e,
            &format!("settlements[{i}].benefits[0]"),
            &format!("benefit `{first}` is never offered"),
        );
        let n = p.settlements[i].benefits.len() - 1;
        expect(
            &e,
            &format!("settlements[{i}].combine.c[{n}].c"),
            "names `no_such_benefit`",
        );
        let e = broken(|p| p.settlements[i].combine = None);
        expect(
            &e,
            &format!("settlements[{i}].combine"),
            "combine is missing",
        );
    }

    #[test]
    fn benefit_references_must_exist() {
        let p = bundled();
        let i = si(p, "connexin");
        let lt = p.settlements[i]
            .benefits
            .iter()
            .position(|b| matches!(b.kind, BenefitKind::LostTime { .. }))
            .unwrap();
        let dl = p.settlements[i]
            .benefits
            .iter()
            .position(|b| matches!(b.kind, BenefitKind::DocumentedLosses { .. }))
            .unwrap();
        let e = broken(|p| {
            let s = &mut p.settlements[i];
            if let BenefitKind::LostTime { counts_toward, .. } = &mut s.benefits[lt].kind {
                *counts_toward = Some("loses".into());
            }
            if let BenefitKind::DocumentedLosses { inputs, .. } = &mut s.benefits[dl].kind {
                inputs.push("hours".into());
                inputs.push("cost".into());
            }
            s.benefits[0].only_for = Some("no_such_subclass".into());
            s.caps.push(crate::model::Cap {
                id: "per_person".into(),
                amount: Fact::known(Cents(100), 0),
                covers: vec!["losses".into(), "lost_tmie".into()],
            });
            s.state_question = Some("us_resident".into());
        });
        let b = format!("settlements[{i}].benefits");
        expect(
            &e,
            &format!("{b}[{lt}].kind.counts_toward"),
            "names `loses`",
        );
        let n = match &p.settlements[i].benefits[dl].kind {
            BenefitKind::DocumentedLosses { inputs, .. } => inputs.len(),
            _ => unreachable!(),
        };
        expect(
            &e,
            &format!("{b}[{dl}].kind.inputs[{n}]"),
            "`hours` is not a money question (its kind is hours)",
        );
        expect(
            &e,
            &format!("{b}[{dl}].kind.inputs[{}]", n + 1),
            "unknown question `cost`",
        );
        expect(
            &e,
            &format!("{b}[0].only_for"),
            "unknown subclass `no_such_subclass`",
        );
        let nc = p.settlements[i].caps.len();
        expect(
            &e,
            &format!("settlements[{i}].caps[{nc}].covers[1]"),
            "unknown benefit `lost_tmie`",
        );
        expect(
            &e,
            &format!("settlements[{i}].state_question"),
            "not a state question",
        );
    }

    #[test]
    fn question_gates_must_point_back() {
        let e = broken(|p| {
            p.questions[0].ask_if = Some(Expr::Cmp(
                p.questions[1].id.clone(),
                Op::Eq,
                Literal::Word("yes".into()),
            ));
        });
        expect(&e, "questions[0].ask_if", "does not come before it");
    }

    #[test]
    fn not_to_confuse_names_a_known_organisation() {
        let e = broken(|p| p.organisations[0].not_to_confuse = vec!["no-such-org".into()]);
        expect(
            &e,
            "organisations[0].not_to_confuse[0]",
            "unknown organisation `no-such-org`",
        );
    }
}
