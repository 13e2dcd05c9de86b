//! "Add to calendar": an .ics file with one all-day event per open deadline, made in the
//! browser and saved as a download. Nothing is sent.

use crate::i18n::{t, K};
use crate::ics::{calendar, Event};
use crate::web;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// The button (nothing when there are no events).
pub fn calendar_button(events: Vec<Event>, lang: Lang) -> Html {
    if events.is_empty() {
        return html! {};
    }
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
