//! Browse: every bundled settlement, each linking to its own page. No questionnaire.

use crate::components::app::Ctx;
use crate::components::names::title;
use crate::i18n::{t, K};
use crate::pack::pack;
use crate::present::{claim_sentence, status_line, urgency};
use crate::view::Outcome;
use claimcheck_engine::model::Detail;
use yew::prelude::*;

/// The list (a plain function of the state and each settlement's no-answers result,
/// `view::outcome`).
pub fn browse(st: &Ctx, o: &Outcome) -> Html {
    let lang = st.lang;
    let p = pack();
    let mut rows: Vec<_> = p.settlements.iter().zip(&o.facts).collect();
    crate::order::sort_by_key(&mut rows, |(s, r)| {
        (urgency(s, r), s.name.to_ascii_lowercase())
    });
    html! {
        <div class="browse" id="browse">
            <a href="#/" class="back-link" id="back">{ t(K::Back, lang) }</a>
            <h1 id="page-heading" tabindex="-1">{ t(K::BrowseTitle, lang) }</h1>
            <p class="lead">{ t(K::BrowseIntro, lang) }</p>
            <p><a href="#/check" class="button" id="browse-start">{ t(K::StartButton, lang) }</a></p>
            <ul class="browse-list" id="browse-list">
                { for rows.iter().map(|(s, r)| html! {
                    <li class="browse-item" data-settlement={s.id.clone()}>
                        <a href={format!("#/settlement/{}", s.id)} class="browse-name">{ title(s, lang) }</a>
                        <span class="browse-status">
                            if let Some(x) = status_line(s, r, p.checked_on, lang) { { x }{ " · " } }
                            { claim_sentence(s, r, lang) }
                        </span>
                        if s.detail == Detail::Short { <span class="badge">{ t(K::BrowseShort, lang) }</span> }
                    </li>
                }) }
            </ul>
        </div>
    }
}
