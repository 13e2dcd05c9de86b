//! The settings in the page address that could not be used (`embed::Problem`), listed at the top
//! of every screen until dismissed, so a site that embeds the checker sees its mistake. Values
//! are shown as text (already cleaned by `embed::shown`).

use crate::components::app::{params, Ctx};
use crate::i18n::{t, K};
use yew::prelude::*;

#[component]
pub fn ParamNotice() -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let open = use_state(|| true);
    let problems = &params().1;
    if problems.is_empty() || !*open {
        return html! {};
    }
    let close = Callback::from(move |_| open.set(false));
    html! {
        <div class="alert alert-warning" id="param-problems">
            <h2 class="alert-heading">{ t(K::ParamsTitle, lang) }</h2>
            <div class="alert-body">
                <ul>
                    { for problems.iter().map(|pr| html! { <li>{ pr.message(lang) }</li> }) }
                </ul>
                <button type="button" class="button button-link" onclick={close}>{ t(K::Dismiss, lang) }</button>
            </div>
        </div>
    }
}
