//! GOV.UK "check answers": every answer with a Change link, then the results in short and the
//! dates. Prints cleanly (see the print styles); no PDF.

use crate::components::app::Ctx;
use crate::components::clicks::dispatch_on_click;
use crate::components::dates_table::{dates_table, top_rows};
use crate::components::names::in_sentence;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::{
    answer_text, can_still_claim, claim_sentence, for_child, groups, scam_body, verdict_for,
};
use crate::state::Action;
use crate::web;
use claimcheck_engine::Results;
use yew::prelude::*;

/// The summary (a plain function of the state, its walk and the person's results,
/// `view::outcome`).
pub fn summary(st: &Ctx, results: &Results) -> Html {
    let lang = st.lang;
    let p = pack();
    let g = groups(p, &results.settlements);
    let mut dated = g.inside.clone();
    dated.extend(g.maybe.iter().copied());
    let rows = top_rows(&dated);
    let open = dated.iter().any(|(s, r)| can_still_claim(s, r));
    let print = Callback::from(|_: MouseEvent| web::print());
    let answered: Vec<&String> = st
        .path
        .iter()
        .filter(|q| st.answers.contains_key(*q))
        .collect();
    html! {
        <div class="summary-page" id="summary">
            <a href="#/results" class="back-link no-print" id="back">{ t(K::BackToResults, lang) }</a>
            <h1 id="page-heading" tabindex="-1">{ t(K::SummaryTitle, lang) }</h1>
            <h2>{ t(K::SummaryAnswers, lang) }</h2>
            if answered.is_empty() {
                <p>{ t(K::NoAnswersYet, lang) }</p>
            } else {
                <dl class="summary-list" id="answers-list">
                    { for answered.iter().filter_map(|id| {
                        let q = p.question(id)?;
                        let a = st.answers.get(*id)?;
                        let change = dispatch_on_click(st, Action::Change(q.id.clone()));
                        Some(html! {
                            <div class="summary-row" data-question={q.id.clone()}>
                                <dt class="summary-key">{ q.text.get(lang) }</dt>
                                <dd class="summary-value">{ answer_text(p, q, a, lang) }</dd>
                                <dd class="summary-action no-print">
                                    <a href={format!("#/check/{}", q.id)} onclick={change} data-change={q.id.clone()}>
                                        { t(K::Change, lang) }
                                        <span class="visually-hidden">{ " " }{ q.text.get(lang) }</span>
                                    </a>
                                </dd>
                            </div>
                        })
                    }) }
                </dl>
            }
            <h2>{ t(K::SummaryResults, lang) }</h2>
            if g.inside.is_empty() {
                <p>{ t(K::ResultsNone, lang) }</p>
            } else {
                <ul class="short-list">
                    { for g.inside.iter().map(|(s, r)| {
                        html! {
                            <li>
                                <strong>{ in_sentence(verdict_for(s, r.verdict, for_child(&st.answers), lang), s, lang) }</strong>{ " " }{ claim_sentence(s, r, lang) }
                                if let Some(site) = s.case.website.value() { <br /><span class="print-url">{ site.clone() }</span> }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !rows.is_empty() {
                <h2>{ t(K::ImportantDates, lang) }</h2>
                { dates_table(&rows, true, None, lang) }
            }
            <div class="alert alert-info">
                <h2 class="alert-heading">{ t(K::ScamTitle, lang) }</h2>
                <div class="alert-body"><p>{ t(scam_body(open), lang) }</p></div>
            </div>
            <div class="button-group no-print">
                <button type="button" class="button" id="print" onclick={print}>{ t(K::Print, lang) }</button>
                <a href="#/results" class="button button-secondary">{ t(K::BackToResults, lang) }</a>
            </div>
            <p class="as-of">{ fill(K::InfoAsOf, lang, &[&format::date(p.checked_on, lang)]) }</p>
            if let Some(d) = p.newest_source {
                <p class="as-of newest-source">{ fill(K::NewestSource, lang, &[&format::date(d, lang)]) }</p>
            }
        </div>
    }
}
