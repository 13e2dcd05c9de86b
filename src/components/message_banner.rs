//! One-off messages: answers forgotten, saved answers dropped after a rule update, answers not
//! kept over a reload because saving was off.

use crate::components::alert::alert;
use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::i18n::{t, K};
use crate::pack::pack;
use crate::state::{Action, Message};
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// Each dropped answer as its question; answers to questions no longer asked as one line
/// (never an internal id).
fn dropped_lines(ids: &[String], lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = ids
        .iter()
        .filter_map(|id| pack().question(id).map(|q| q.text.get(lang).to_string()))
        .collect();
    if ids.iter().any(|id| pack().question(id).is_none()) {
        lines.push(t(K::DroppedRetired, lang).to_string());
    }
    lines
}

/// The message waiting in the state, if any, with its Dismiss button.
pub fn message_banner(st: &Ctx) -> Html {
    let lang = st.lang;
    let Some(msg) = st.message.clone() else {
        return html! {};
    };
    let dismiss = dispatch_on_click(st, Action::Dismiss);
    let button = html! {
        <button type="button" class="button button-link" onclick={dismiss}>{ t(K::Dismiss, lang) }</button>
    };
    match msg {
        Message::Forgotten => alert(
            "success",
            "message-forgotten",
            None,
            html! { <><p>{ t(K::ForgottenMsg, lang) }</p>{ button }</> },
        ),
        Message::LangUnavailable => alert(
            "warning",
            "message-lang-unavailable",
            None,
            html! { <><p>{ t(K::LangUnavailableMsg, lang) }</p>{ button }</> },
        ),
        Message::NotKept => alert(
            "warning",
            "message-not-kept",
            None,
            html! {
                <>
                    <p>{ t(K::NotKeptMsg, lang) }</p>
                    <div class="button-group">
                        <a href="#/check" class="button" id="not-kept-start" role="button"
                            onclick={dispatch_on_click(st, Action::Begin { fresh: true })}>{ t(K::StartAgain, lang) }</a>
                        { button }
                    </div>
                </>
            },
        ),
        Message::Unreadable => alert(
            "warning",
            "message-unreadable",
            None,
            html! { <><p>{ t(K::UnreadableMsg, lang) }</p>{ button }</> },
        ),
        Message::Dropped(ids) => alert(
            "warning",
            "message-dropped",
            Some(t(K::DroppedTitle, lang)),
            html! {
                <>
                    <p>{ t(K::DroppedMsg, lang) }</p>
                    <ul>
                        { for dropped_lines(&ids, lang).into_iter().map(|text| html! { <li>{ text }</li> }) }
                    </ul>
                    { button }
                </>
            },
        ),
    }
}
