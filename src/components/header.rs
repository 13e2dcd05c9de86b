//! The top bar: name and language switch, then the privacy line with "Exit this page" (GOV.UK's
//! pattern, on its own row, away from the language switch) on every screen. Embedded in another
//! site (`?embed`), the host's page is the frame, so only the privacy line remains, with the
//! language switch and the exit button beside it.

use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::i18n::{t, K};
use crate::state::Action;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// What Leave does: on the site, erase and go to the neutral page; in a frame (which cannot
/// send its host elsewhere), erase and start again, saying so.
pub fn leave_action(embed: bool) -> Action {
    if embed {
        Action::Forget
    } else {
        Action::Leave
    }
}

/// The top bar (a plain function: it has no state of its own).
pub fn header(st: &Ctx, embed: bool) -> Html {
    let lang = st.lang;
    let other = if lang == Lang::En { Lang::Es } else { Lang::En };
    let switch = {
        let st = st.clone();
        Callback::from(move |_| crate::web::switch_lang(st.clone(), other))
    };
    let leave = dispatch_on_click(st, leave_action(embed));
    let switch = html! {
        <button type="button" class="lang-switch" id="lang-switch" onclick={switch}
            lang={if other == Lang::Es { "es" } else { "en" }}
            aria-label={t(K::LangOtherLabel, lang)}>
            { t(K::LangOther, lang) }
        </button>
    };
    let exit = html! {
        <>
            <button type="button" class="leave-button" id="leave" onclick={leave}
                aria-describedby="leave-hint">
                { t(K::Leave, lang) }
            </button>
            <span class="visually-hidden" id="leave-hint">
                { t(if embed { K::LeaveHintEmbed } else { K::LeaveHint }, lang) }
            </span>
        </>
    };
    let privacy = html! {
        <p id="privacy-line"><svg class="lock" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v6A1.5 1.5 0 0 1 12.5 16h-9A1.5 1.5 0 0 1 2 14.5v-6A1.5 1.5 0 0 1 3.5 7H4zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>{ " " }{ t(K::Privacy, lang) }</p>
    };
    if embed {
        return html! {
            <header class="site-header embed-header">
                <div class="privacy-bar">
                    <div class="container embed-bar">{ privacy }<div class="header-controls">{ switch }{ exit }</div></div>
                </div>
            </header>
        };
    }
    html! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="#/">
                    <span class="brand-name">{ t(K::AppName, lang) }</span>
                    <span class="brand-tagline">{ t(K::Tagline, lang) }</span>
                </a>
                <div class="header-controls">{ switch }</div>
            </div>
            <div class="privacy-bar">
                <div class="container privacy-row">{ privacy }{ exit }</div>
            </div>
        </header>
    }
}
