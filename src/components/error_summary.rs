//! GOV.UK error summary: a box at the top listing each problem as a link to its field; focus
//! moves to it when it appears.

use crate::components::clicks::focus_on_click;
use crate::i18n::{t, K};
use crate::web;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// Moves focus to the summary whenever the errors (message, id of the field it is about)
/// change and there are some.
#[hook]
pub fn use_error_focus(errors: &[(String, String)]) {
    use_effect_with(errors.to_vec(), |errors| {
        if !errors.is_empty() {
            web::focus_id("error-summary");
        }
    });
}

/// The summary of `errors` (message, id of the field it is about); nothing when there are none.
pub fn error_summary(errors: &[(String, String)], lang: Lang) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" id="error-summary" tabindex="-1"
            role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary-title" id="error-summary-title">{ t(K::ErrorSummaryTitle, lang) }</h2>
            <ul class="error-summary-list">
                { for errors.iter().map(|(msg, field)| html! {
                    <li><a href={format!("#{field}")} onclick={focus_on_click(field.clone())}>{ msg.clone() }</a></li>
                }) }
            </ul>
        </div>
    }
}
