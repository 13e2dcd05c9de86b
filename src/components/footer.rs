//! The bottom of every screen: save (opt in) and forget, and how current the facts are.

use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::state::{self, Action};
use crate::web::{self, StoreError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub fn Footer() -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    // Why the last tick could not save (storage blocked or full): said beside the box.
    let failed = use_state(|| None::<StoreError>);
    let toggle = {
        let st = st.clone();
        let failed = failed.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let on = input.checked();
            if on {
                // Try the write now, so a blocked or full storage is said, not silently ignored.
                let mut next = (*st).clone();
                next.save = true;
                if let Err(why) = web::try_write_saved(&state::saved_text(&next, pack().checked_on))
                {
                    input.set_checked(false);
                    failed.set(Some(why));
                    return;
                }
            }
            failed.set(None);
            st.dispatch(Action::SetSave(on));
        })
    };
    let forget = dispatch_on_click(&st, Action::Forget);
    html! {
        <footer class="site-footer">
            <div class="container">
                <div class="save-panel" id="save-panel">
                    <div class="checkbox">
                        <input type="checkbox" id="save-answers" checked={st.save} onchange={toggle}
                            aria-describedby={if failed.is_some() { "save-error save-hint" } else { "save-hint" }} />
                        <label for="save-answers">{ t(K::SaveLabel, lang) }</label>
                    </div>
                    if let Some(why) = *failed {
                        <p class="error-message" id="save-error" role="alert" data-reason={reason(why).0}>
                            { t(reason(why).1, lang) }
                        </p>
                    }
                    <p class="hint" id="save-hint">{ t(K::SaveHint, lang) }</p>
                    <button type="button" class="button button-secondary" id="forget" onclick={forget}>
                        { t(K::Forget, lang) }
                    </button>
                </div>
                <p class="as-of" id="as-of">{ fill(K::InfoAsOf, lang, &[&format::date(pack().checked_on, lang)]) }</p>
                if let Some(d) = pack().newest_source {
                    <p class="as-of" id="newest-source">{ fill(K::NewestSource, lang, &[&format::date(d, lang)]) }</p>
                }
                <p class="disclaimer">{ t(K::NotLegalAdvice, lang) }</p>
            </div>
        </footer>
    }
}

/// Why "Save" was refused: a code for tests and the sentence said.
fn reason(why: StoreError) -> (&'static str, K) {
    match why {
        StoreError::Full => ("full", K::SaveFull),
        StoreError::Blocked => ("blocked", K::SaveBlocked),
        StoreError::SharedFile => ("file", K::SaveFileShared),
    }
}
