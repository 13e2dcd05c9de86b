//! GOV.UK error summary: a box at the top listing each problem as a link to its field; focus
//! moves to it when it appears.

use crate::components::app::Ctx;
use crate::i18n::{t, K};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// (message, id of the field it is about)
    pub errors: Vec<(String, String)>,
}

#[component]
pub fn ErrorSummary(p: &Props) -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if p.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" id="error-summary" ref={node} tabindex="-1"
            role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary-title" id="error-summary-title">{ t(K::ErrorSummaryTitle, lang) }</h2>
            <ul class="error-summary-list">
                { for p.errors.iter().map(|(msg, field)| {
                    let f = field.clone();
                    // A plain #id link would change the route: move focus instead.
                    let go = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        web::focus_id(&f);
                    });
                    html! { <li><a href={format!("#{field}")} onclick={go}>{ msg.clone() }</a></li> }
                }) }
            </ul>
        </div>
    }
}
