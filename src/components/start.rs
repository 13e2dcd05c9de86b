//! The start screen. index.html shows the same markup before the wasm arrives.

use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::components::message_banner::message_banner;
use crate::i18n::{t, K};
use crate::state::Action;
use yew::prelude::*;

/// The one-file copy of the app that the build writes next to index.html (whose own style
/// sheet hides this link: it already is the offline copy).
const SINGLE_FILE: &str = "claimcheck.html";

/// The start screen (a plain function: it has no state of its own).
pub fn start(st: &Ctx) -> Html {
    let lang = st.lang;
    let begin = |fresh: bool| dispatch_on_click(st, Action::Begin { fresh });
    let resumed = !st.answers.is_empty();
    html! {
        <div class="start" id="start">
            { message_banner(st) }
            <h1 id="page-heading" tabindex="-1">{ t(K::StartTitle, lang) }</h1>
            <p class="lead">{ t(K::StartLead, lang) }</p>
            <ul class="checks">
                <li>{ t(K::StartPrivacy, lang) }</li>
                <li>{ t(K::StartTime, lang) }</li>
            </ul>
            <p class="exit-explained" id="exit-explained">
                { t(K::ExitExplained, lang) }
            </p>
            <div class="button-group">
                if resumed {
                    <a href="#/check" class="button button-start" id="resume" role="button" onclick={begin(false)}>
                        { t(K::ResumeButton, lang) }
                    </a>
                    <a href="#/check" class="button button-secondary" id="start-again" role="button" onclick={begin(true)}>
                        { t(K::StartAgain, lang) }
                    </a>
                } else {
                    <a href="#/check" class="button button-start" id="start-button" role="button" onclick={begin(true)}>
                        { t(K::StartButton, lang) }<span aria-hidden="true">{ " →" }</span>
                    </a>
                }
                <a href="#/browse" class="button button-secondary" id="browse-button">{ t(K::BrowseButton, lang) }</a>
            </div>
            <div class="alert alert-info">
                <h2 class="alert-heading">{ t(K::ScamTitle, lang) }</h2>
                <div class="alert-body"><p>{ t(K::ScamBody, lang) }</p></div>
            </div>
            <div class="offline" id="offline">
                <h2 class="offline-heading">{ t(K::OfflineTitle, lang) }</h2>
                <p>{ t(K::OfflineBody, lang) }</p>
                <p>
                    <a href={SINGLE_FILE} download={SINGLE_FILE} id="offline-link">{ t(K::OfflineLink, lang) }</a>
                </p>
            </div>
        </div>
    }
}
