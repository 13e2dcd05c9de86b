//! One question per screen (GOV.UK question pages): the question is the page's h1 (inside the
//! legend for radios), the why and hint under it, the field, Continue. Errors show in a summary
//! at the top and beside the field.

use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::components::error_summary::{error_summary, use_error_focus};
use crate::components::message_banner::message_banner;
use crate::components::org_picker::{self, org_picker, use_picker};
use crate::i18n::{fill, t, K};
use crate::input;
use crate::pack::pack;
use crate::present::{state_name, STATE_NAMES};
use crate::state::Action;
use claimcheck_engine::answers::Answer;
use claimcheck_engine::model::{Question, QuestionKind};
use claimcheck_engine::text::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

/// The draft value of the field, before Continue.
#[derive(Clone, PartialEq)]
enum Draft {
    /// A radio value: "yes", "no", "not_sure" or an option id.
    Radio(Option<String>),
    State(String),
    /// Text typed, and "I'm not sure" ticked.
    Text(String, bool),
    Orgs(Vec<String>),
}

fn draft_of(q: &Question, a: Option<&Answer>) -> Draft {
    match &q.kind {
        QuestionKind::YesNo | QuestionKind::Choice { .. } => Draft::Radio(a.map(|a| match a {
            Answer::Yes => "yes".to_string(),
            Answer::No => "no".to_string(),
            Answer::NotSure => "not_sure".to_string(),
            Answer::Choice(c) => c.clone(),
            _ => String::new(),
        })),
        QuestionKind::State => Draft::State(match a {
            Some(Answer::State(s)) => s.clone(),
            Some(Answer::NotSure) => "not_sure".into(),
            _ => String::new(),
        }),
        QuestionKind::Money => match a {
            Some(Answer::Money(c)) => Draft::Text(input::money_field(*c), false),
            Some(Answer::NotSure) => Draft::Text(String::new(), true),
            _ => Draft::Text(String::new(), false),
        },
        QuestionKind::Hours => match a {
            Some(Answer::Quarters(q)) => Draft::Text(crate::format::hours(*q), false),
            Some(Answer::NotSure) => Draft::Text(String::new(), true),
            _ => Draft::Text(String::new(), false),
        },
        QuestionKind::Organisations => Draft::Orgs(match a {
            Some(Answer::Orgs(v)) => v.clone(),
            _ => Vec::new(),
        }),
    }
}

/// The answer a draft stands for, or the message and the field it is about.
fn read(q: &Question, d: &Draft) -> Result<Answer, (K, &'static str)> {
    match (&q.kind, d) {
        (QuestionKind::YesNo | QuestionKind::Choice { .. }, Draft::Radio(v)) => {
            match v.as_deref() {
                None | Some("") => Err((K::ErrChooseOne, "answer-0")),
                Some("yes") if matches!(q.kind, QuestionKind::YesNo) => Ok(Answer::Yes),
                Some("no") if matches!(q.kind, QuestionKind::YesNo) => Ok(Answer::No),
                Some("not_sure") => Ok(Answer::NotSure),
                Some(c) => Ok(Answer::Choice(c.to_string())),
            }
        }
        (QuestionKind::State, Draft::State(s)) => match s.as_str() {
            "" => Err((K::ErrChooseState, "state-select")),
            "not_sure" => Ok(Answer::NotSure),
            code => Ok(Answer::State(code.to_string())),
        },
        (QuestionKind::Money, Draft::Text(_, true))
        | (QuestionKind::Hours, Draft::Text(_, true)) => Ok(Answer::NotSure),
        (QuestionKind::Money, Draft::Text(text, false)) => input::money(text)
            .map(Answer::Money)
            .map_err(|k| (k, "amount")),
        (QuestionKind::Hours, Draft::Text(text, false)) => input::hours(text)
            .map(Answer::Quarters)
            .map_err(|k| (k, "amount")),
        (QuestionKind::Organisations, Draft::Orgs(v)) if v.is_empty() => {
            Err((K::ErrOrgs, "org-search"))
        }
        (QuestionKind::Organisations, Draft::Orgs(v)) => Ok(Answer::Orgs(v.clone())),
        _ => Err((K::ErrChooseOne, "answer-0")),
    }
}

fn radio_options(q: &Question, lang: Lang) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = match &q.kind {
        QuestionKind::YesNo => vec![
            ("yes".into(), t(K::Yes, lang).into()),
            ("no".into(), t(K::No, lang).into()),
        ],
        QuestionKind::Choice { options } => options
            .iter()
            .map(|o| (o.id.clone(), o.text.get(lang).to_string()))
            .collect(),
        _ => Vec::new(),
    };
    if q.not_sure {
        v.push(("not_sure".into(), t(K::NotSure, lang).into()));
    }
    v
}

/// The parts every kind of field shares: the progress caption, the why and the hint under the
/// question, the ids the field is described by, the group's classes and the error, if any.
struct Parts<'a> {
    q: &'a Question,
    lang: Lang,
    caption: Html,
    why: Html,
    hint: Option<Html>,
    described: String,
    group_class: Classes,
    err_text: Option<String>,
}

impl<'a> Parts<'a> {
    fn new(q: &'a Question, lang: Lang, number: usize, err_text: Option<String>) -> Self {
        let why = html! { <p class="why" id="q-why">{ q.why.get(lang) }</p> };
        let hint = q
            .hint
            .as_ref()
            .map(|h| html! { <p class="hint" id="q-hint">{ h.get(lang) }</p> });
        let described = {
            let mut v = vec!["q-why"];
            if q.hint.is_some() {
                v.push("q-hint");
            }
            v.join(" ")
        };
        let group_class = classes!(
            "form-group",
            err_text.is_some().then_some("form-group-error")
        );
        let caption = html! {
            <span class="caption" id="q-progress">{ fill(K::QuestionN, lang, &[&number.to_string()]) }</span>
        };
        Parts {
            q,
            lang,
            caption,
            why,
            hint,
            described,
            group_class,
            err_text,
        }
    }

    /// The error message beside the field `id`, when there is one.
    fn err_inline(&self, id: &str) -> Html {
        match &self.err_text {
            Some(m) => html! {
                <p class="error-message" id={format!("{id}-error")}>
                    <span class="visually-hidden">{ t(K::ErrorPrefix, self.lang) }{ " " }</span>{ m.clone() }
                </p>
            },
            None => html! {},
        }
    }

    /// What describes the field `id`: the why and hint, then its error message when there is one.
    fn described_with_error(&self, id: &str) -> String {
        if self.err_text.is_some() {
            format!("{} {id}-error", self.described)
        } else {
            self.described.clone()
        }
    }
}

/// The number of question `qid` on the path (the last number when it is not on it).
fn question_number(path: &[String], qid: &str) -> usize {
    path.iter()
        .position(|x| *x == qid)
        .map(|i| i + 1)
        .unwrap_or(path.len().max(1))
}

/// Continue: the draft's answer, or its error shown.
fn on_submit(
    st: &Ctx,
    draft: &UseStateHandle<Draft>,
    error: &UseStateHandle<Option<(K, &'static str)>>,
    qid: &str,
) -> Callback<SubmitEvent> {
    let st = st.clone();
    let draft = draft.clone();
    let error = error.clone();
    let qid = qid.to_string();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let q = pack().question(&qid).expect("question");
        match read(q, &draft) {
            Ok(a) => {
                error.set(None);
                st.dispatch(Action::Answer(qid.clone(), a));
            }
            Err(e) => error.set(Some(e)),
        }
    })
}

/// Yes / no or one of the options: radios in a fieldset whose legend holds the question.
fn radio_field(f: Parts, sel: Option<String>, draft: &UseStateHandle<Draft>) -> Html {
    let opts = radio_options(f.q, f.lang);
    let aria = f.described_with_error("answer-0");
    let err = f.err_inline("answer-0");
    html! {
        <div class={f.group_class}>
            <fieldset class="fieldset" aria-describedby={aria}>
                <legend class="legend-heading">
                    { f.caption }
                    <h1 id="page-heading" tabindex="-1">{ f.q.text.get(f.lang) }</h1>
                </legend>
                { f.why }{ for f.hint }
                { err }
                <div class="radios" data-testid="radios">
                    { for opts.iter().enumerate().map(|(i, (value, label))| radio(i, value, label, sel.as_deref(), draft)) }
                </div>
            </fieldset>
        </div>
    }
}

/// The radio of option `i`, checked when it is the draft's.
fn radio(
    i: usize,
    value: &str,
    label: &str,
    sel: Option<&str>,
    draft: &UseStateHandle<Draft>,
) -> Html {
    let id = format!("answer-{i}");
    let checked = sel == Some(value);
    let v = value.to_string();
    let d = draft.clone();
    let onchange = Callback::from(move |_: Event| d.set(Draft::Radio(Some(v.clone()))));
    html! {
        <div class="radio">
            <input type="radio" name="answer" id={id.clone()} value={value.to_string()}
                checked={checked} onchange={onchange} data-value={value.to_string()} />
            <label for={id}>{ label.to_string() }</label>
        </div>
    }
}
/// A state: a select whose label is the question.
fn state_field(f: Parts, sel: String, draft: &UseStateHandle<Draft>) -> Html {
    let d = draft.clone();
    let onchange = Callback::from(move |e: Event| {
        d.set(Draft::State(
            e.target_unchecked_into::<HtmlSelectElement>().value(),
        ));
    });
    let lang = f.lang;
    let err = f.err_inline("state-select");
    html! {
        <div class={f.group_class}>
            { f.caption }
            <h1 class="label-heading" id="page-heading" tabindex="-1">
                <label for="state-select">{ f.q.text.get(lang) }</label>
            </h1>
            { f.why }{ for f.hint }
            { err }
            <select id="state-select" class="select" onchange={onchange}
                aria-describedby={f.described.clone()} aria-invalid={f.err_text.is_some().to_string()}>
                <option value="" selected={sel.is_empty()}>{ t(K::StateChoose, lang) }</option>
                { for STATE_NAMES.iter().map(|(code, _)| html! {
                    <option value={*code} selected={sel == *code}>{ state_name(code, lang) }</option>
                }) }
                <option value="OUTSIDE" selected={sel == "OUTSIDE"}>{ t(K::StateOutside, lang) }</option>
                if f.q.not_sure {
                    <option value="not_sure" selected={sel == "not_sure"}>{ t(K::NotSure, lang) }</option>
                }
            </select>
        </div>
    }
}

/// An amount of money or of hours: a short text box, and "I'm not sure" when the question
/// allows it.
fn amount_field(f: Parts, text: String, unsure: bool, draft: &UseStateHandle<Draft>) -> Html {
    let money = matches!(f.q.kind, QuestionKind::Money);
    let d = draft.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        d.set(Draft::Text(v, false));
    });
    let d2 = draft.clone();
    let text2 = text.clone();
    let ontick = Callback::from(move |e: Event| {
        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
        d2.set(Draft::Text(
            if on { String::new() } else { text2.clone() },
            on,
        ));
    });
    let lang = f.lang;
    let aria = f.described_with_error("amount");
    let err = f.err_inline("amount");
    html! {
        <div class={f.group_class}>
            { f.caption }
            <h1 class="label-heading" id="page-heading" tabindex="-1">
                <label for="amount">{ f.q.text.get(lang) }</label>
            </h1>
            { f.why }{ for f.hint }
            { err }
            <div class={classes!("input-wrap", money.then_some("input-money"))}>
                if money { <span class="prefix" aria-hidden="true">{ "$" }</span> }
                <input id="amount" class="input input-short" type="text"
                    inputmode="decimal" autocomplete="off" spellcheck="false"
                    value={text.clone()} oninput={oninput} disabled={unsure}
                    aria-describedby={aria} aria-invalid={f.err_text.is_some().to_string()}
                    aria-label={t(if money { K::DollarsLabel } else { K::HoursLabel }, lang)} />
                if !money { <span class="suffix" aria-hidden="true">{ t(K::HoursLabel, lang) }</span> }
            </div>
            if f.q.not_sure {
                <div class="checkbox">
                    <input type="checkbox" id="not-sure" checked={unsure} onchange={ontick} />
                    <label for="not-sure">{ t(if money { K::MoneyNotSure } else { K::HoursNotSure }, lang) }</label>
                </div>
            }
        </div>
    }
}

/// Organisations: the picker, which shows the question's hint itself.
fn orgs_field(
    f: Parts,
    sel: Vec<String>,
    draft: &UseStateHandle<Draft>,
    picker: &org_picker::Picker,
) -> Html {
    let d = draft.clone();
    let on_change = Callback::from(move |v: Vec<String>| d.set(Draft::Orgs(v)));
    let lang = f.lang;
    let err = f.err_inline("org-search");
    html! {
        <div class={f.group_class}>
            { f.caption }
            <h1 id="page-heading" tabindex="-1">{ f.q.text.get(lang) }</h1>
            { f.why }
            { err }
            { org_picker(picker, &org_picker::Props {
                selected: &sel,
                on_change,
                invalid: f.err_text.is_some(),
                hint: f.q.hint.as_ref().map(|h| h.get(lang)),
            }, lang) }
        </div>
    }
}

/// The field of the question's kind, showing the draft. Inlined into the page: as a call of
/// its own it cost about 350 bytes brotli of wasm (measured).
#[inline(always)]
fn field(f: Parts, draft: &UseStateHandle<Draft>, picker: &org_picker::Picker) -> Html {
    match (&f.q.kind, (**draft).clone()) {
        (QuestionKind::YesNo | QuestionKind::Choice { .. }, Draft::Radio(sel)) => {
            radio_field(f, sel, draft)
        }
        (QuestionKind::State, Draft::State(sel)) => state_field(f, sel, draft),
        (QuestionKind::Money | QuestionKind::Hours, Draft::Text(text, unsure)) => {
            amount_field(f, text, unsure, draft)
        }
        (QuestionKind::Organisations, Draft::Orgs(sel)) => orgs_field(f, sel, draft, picker),
        _ => html! {},
    }
}

/// Below the organisations question: "none of these" and "not sure" answer at once, then the
/// ways to find out.
fn orgs_buttons(st: &Ctx, q: &Question, lang: Lang) -> Html {
    let answer_now = |a: Answer| dispatch_on_click(st, Action::Answer(q.id.clone(), a));
    html! {
        <>
        <div class="or-buttons">
            <p class="or">{ t(K::OrgOr, lang) }</p>
            <button type="button" class="button button-secondary" id="orgs-none"
                onclick={answer_now(Answer::Orgs(Vec::new()))}>{ t(K::OrgNone, lang) }</button>
            <button type="button" class="button button-secondary" id="orgs-not-sure"
                onclick={answer_now(Answer::NotSure)}>{ t(K::OrgNotSure, lang) }</button>
        </div>
        { super::unsure::unsure_paths(lang) }
        </>
    }
}

#[component]
pub fn QuestionPage(p: &Props) -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let Some(q) = pack().question(&p.id) else {
        return html! {};
    };
    let draft = use_state(|| draft_of(q, st.answers.get(q.id.as_str())));
    let error = use_state(|| None::<(K, &'static str)>);
    let number = question_number(&st.path, &q.id);
    let submit = on_submit(&st, &draft, &error, &q.id);

    let err_text = error.map(|(k, _)| t(k, lang).to_string());
    let errors: Vec<(String, String)> = error
        .map(|(k, f)| vec![(t(k, lang).to_string(), f.to_string())])
        .unwrap_or_default();
    use_error_focus(&errors);
    let picker = use_picker();
    let body = field(Parts::new(q, lang, number, err_text), &draft, &picker);
    let orgs_extra =
        matches!(q.kind, QuestionKind::Organisations).then(|| orgs_buttons(&st, q, lang));

    html! {
        <div class="question-page" data-question={q.id.clone()}>
            <a href="#/" class="back-link" id="back" onclick={dispatch_on_click(&st, Action::Back)}>{ t(K::Back, lang) }</a>
            { message_banner(&st) }
            { error_summary(&errors, lang) }
            <form novalidate=true onsubmit={submit} id="question-form">
                { body }
                <button type="submit" class="button" id="continue">{ t(K::Continue, lang) }</button>
            </form>
            { for orgs_extra }
        </div>
    }
}
