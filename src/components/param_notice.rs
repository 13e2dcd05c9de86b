//! The settings in the page address that could not be used (`embed::Problem`), listed at the top
//! of every screen until dismissed, so a site that embeds the checker sees its mistake. Values
//! are shown as text (already cleaned by `embed::shown`).

use crate::components::app::Ctx;
use crate::embed::Problem;
use crate::i18n::{t, K};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub problems: Vec<Problem>,
}

#[component]
pub fn ParamNotice(p: &Props) -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let open = use_state(|| true);
    if p.problems.is_empty() || !*open {
        return html! {};
    }
    let close = Callback::from(move |_| open.set(false));
    html! {
        <div class="alert alert-warning" id="param-problems">
            <h2 class="alert-heading">{ t(K::ParamsTitle, lang) }</h2>
            <div class="alert-body">
                <ul>
                    { for p.problems.iter().map(|pr| html! { <li>{ pr.message(lang) }</li> }) }
                </ul>
                <button type="button" class="button button-link" onclick={close}>{ t(K::Dismiss, lang) }</button>
            </div>
        </div>
    }
}
