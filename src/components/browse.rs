//! Browse: every bundled settlement, each linking to its own page. No questionnaire.

use crate::components::app::Ctx;
use crate::i18n::{t, K};
use crate::pack::pack;
use crate::present::{claim_sentence, status_line, urgency};
use claimcheck_engine::answers::Answers;
use claimcheck_engine::eval::evaluate_settlement;
use claimcheck_engine::model::Detail;
use yew::prelude::*;

/// The list (a plain function; evaluating every settlement with no answers takes microseconds,
/// so nothing is memoised).
pub fn browse(st: &Ctx) -> Html {
    let lang = st.lang;
    let p = pack();
    let none = Answers::new();
    let mut rows: Vec<_> = p
        .settlements
        .iter()
        .map(|s| (s, evaluate_settlement(p, s, &none, st.today)))
        .collect();
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
                        <a href={format!("#/settlement/{}", s.id)} class="browse-name">{ s.name_in(lang).to_string() }</a>
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
