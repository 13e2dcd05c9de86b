//! The top bar: name, language switch, and the privacy line on every screen.

use crate::components::app::Ctx;
use crate::i18n::{t, K};
use crate::state::Action;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let other = if lang == Lang::En { Lang::Es } else { Lang::En };
    let switch = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::SetLang(other)))
    };
    html! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="#/">
                    <span class="brand-name">{ t(K::AppName, lang) }</span>
                    <span class="brand-tagline">{ t(K::Tagline, lang) }</span>
                </a>
                <button type="button" class="lang-switch" id="lang-switch" onclick={switch}
                    lang={if other == Lang::Es { "es" } else { "en" }}
                    aria-label={t(K::LangOtherLabel, lang)}>
                    { t(K::LangOther, lang) }
                </button>
            </div>
            <div class="privacy-bar">
                <div class="container">
                    <p id="privacy-line"><svg class="lock" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v6A1.5 1.5 0 0 1 12.5 16h-9A1.5 1.5 0 0 1 2 14.5v-6A1.5 1.5 0 0 1 3.5 7H4zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>{ " " }{ t(K::Privacy, lang) }</p>
                </div>
            </div>
        </header>
    }
}
