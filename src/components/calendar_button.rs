//! "Add to calendar": an .ics file with one all-day event per open deadline, made in the
//! browser and saved as a download. Nothing is sent.

use crate::components::app::Ctx;
use crate::i18n::{t, K};
use crate::ics::{calendar, Event};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub events: Vec<Event>,
}

#[component]
pub fn CalendarButton(p: &Props) -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    if p.events.is_empty() {
        return html! {};
    }
    let events = p.events.clone();
    let click = Callback::from(move |_: MouseEvent| {
        let text = calendar(&events, web::now_stamp());
        web::download(
            "claimcheck-deadlines.ics",
            "text/calendar;charset=utf-8",
            &text,
        );
    });
    html! {
        <div class="calendar">
            <button type="button" class="button button-secondary" id="add-to-calendar" onclick={click}>
                { t(K::AddToCalendar, lang) }
            </button>
            <p class="hint">{ t(K::CalendarHint, lang) }</p>
        </div>
    }
}
