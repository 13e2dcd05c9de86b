//! The bottom of every screen: save (opt in) and forget, and how current the facts are.

use crate::components::app::Ctx;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn Footer() -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let toggle = {
        let st = st.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            st.dispatch(Action::SetSave(on));
        })
    };
    let forget = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::Forget))
    };
    html! {
        <footer class="site-footer">
            <div class="container">
                <div class="save-panel" id="save-panel">
                    <div class="checkbox">
                        <input type="checkbox" id="save-answers" checked={st.save} onchange={toggle}
                            aria-describedby="save-hint" />
                        <label for="save-answers">{ t(K::SaveLabel, lang) }</label>
                    </div>
                    <p class="hint" id="save-hint">{ t(K::SaveHint, lang) }</p>
                    <button type="button" class="button button-secondary" id="forget" onclick={forget}>
                        { t(K::Forget, lang) }
                    </button>
                </div>
                <p class="as-of" id="as-of">{ fill(K::InfoAsOf, lang, &[&format::date(pack().checked_on, lang)]) }</p>
                <p class="disclaimer">{ t(K::NotLegalAdvice, lang) }</p>
            </div>
        </footer>
    }
}
