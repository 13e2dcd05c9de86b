//! A device clock that cannot be right: a date before the rule pack's own date (a phone reset to
//! 1970, say) would call long-closed deadlines open and count days from the wrong day. Said at
//! the top of every screen; it knows nothing but the two dates.

use crate::components::app::Ctx;
use crate::format;
use crate::i18n::{fill, K};
use crate::pack::pack;
use yew::prelude::*;

/// The warning, when the clock's date is more than a day before the pack's (a day of slack for
/// time zones).
pub fn clock_notice(st: &Ctx) -> Html {
    let checked_on = pack().checked_on;
    let behind = st
        .today
        .date
        .add_days(1)
        .is_some_and(|next| next < checked_on);
    if !behind {
        return html! {};
    }
    let lang = st.lang;
    html! {
        <p class="alert alert-warning" id="clock-behind" role="alert">{ fill(K::ClockBody, lang, &[
            &format::date(st.today.date, lang),
            &format::date(checked_on, lang),
        ]) }</p>
    }
}
