//! The results: one sentence per settlement first, the important dates, then each settlement
//! in full; settlements we can't tell about and those the person is not in, apart and folded.

use crate::components::alert::alert;
use crate::components::app::Ctx;
use crate::components::calendar_button::calendar_button;
use crate::components::clicks::{dispatch_on_click, focus_on_click};
use crate::components::dates_table::{dates_table, top_rows};
use crate::components::message_banner::message_banner;
use crate::components::reasons::reasons;
use crate::components::settlement_card::settlement_card;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::{calendar_events, claim_sentence, date_rows, groups, verdict_sentence};
use crate::state::Action;
use crate::web;
use claimcheck_engine::answers::Answer;
use claimcheck_engine::evaluate;
use claimcheck_engine::fact::Source;
use yew::prelude::*;

/// The results (a plain function; evaluating takes microseconds, so nothing is memoised).
pub fn results_page(st: &Ctx) -> Html {
    let lang = st.lang;
    let p = pack();
    let results = evaluate(p, &st.answers, st.today);
    let g = groups(p, &results.settlements);
    let mut dated = g.inside.clone();
    dated.extend(g.maybe.iter().copied());
    let rows = date_rows(p, &dated);
    let events = calendar_events(&rows, p.checked_on, lang);
    let table_rows = top_rows(p, &dated);
    let print = Callback::from(|_: MouseEvent| web::print());
    // Organisations the person picked that carry a note ("no settlement found", look-alikes).
    let notes: Vec<(String, String, Option<Source>)> = match st.answers.get("notice") {
        Some(Answer::Orgs(ids)) => ids
            .iter()
            .filter_map(|id| p.organisation(id))
            .filter_map(|o| {
                o.note.as_ref().map(|n| {
                    (
                        o.name.clone(),
                        n.get(lang).to_string(),
                        o.note_source.clone(),
                    )
                })
            })
            .collect(),
        _ => Vec::new(),
    };

    html! {
        <div class="results" id="results">
            <a href="#/" class="back-link" id="back" onclick={dispatch_on_click(st, Action::Back)}>{ t(K::ChangeAnswers, lang) }</a>
            { message_banner(st) }
            <h1 id="page-heading" tabindex="-1">{ t(K::ResultsTitle, lang) }</h1>
            if results.stale {
                { alert("warning", "stale", Some(t(K::StaleTitle, lang)),
                    html! { <p>{ fill(K::StaleBody, lang, &[&format::date(p.checked_on, lang)]) }</p> }) }
            }
            <section class="summary-box" id="in-short" aria-labelledby="in-short-title">
                <h2 id="in-short-title">{ t(K::ResultsInShort, lang) }</h2>
                if g.inside.is_empty() {
                    <p id="no-results">{ t(K::ResultsNone, lang) }</p>
                } else {
                    <ul class="short-list">
                        { for g.inside.iter().map(|r| {
                            let s = p.settlement(&r.id).expect("known");
                            html! {
                                <li data-testid={format!("short-{}", s.id)}>
                                    <strong>{ verdict_sentence(s, r.verdict, lang) }</strong>{ " " }{ claim_sentence(s, r, lang) }
                                </li>
                            }
                        }) }
                    </ul>
                }
                if !g.maybe.is_empty() {
                    <p class="maybe-count">
                        <a href="#cant-tell" onclick={focus_on_click("cant-tell-title".into())}>
                            { t(K::CantTellTitle, lang) }{ format!(" ({})", g.maybe.len()) }
                        </a>
                    </p>
                }
            </section>

            if !table_rows.is_empty() {
                <section class="important-dates" aria-labelledby="dates-title">
                    <h2 id="dates-title">{ t(K::ImportantDates, lang) }</h2>
                    { dates_table(&table_rows, true, Some("important-dates"), lang) }
                    { calendar_button(events, lang) }
                </section>
            }

            { alert("info", "scam-warning", Some(t(K::ScamTitle, lang)),
                html! { <p>{ t(K::ScamBody, lang) }</p> }) }

            // Keyed by settlement, so that a changed list moves the cards, not their contents.
            { for g.inside.iter().map(|r| html! { <key={r.id.clone()}>{ settlement_card(r, lang) }</> }) }

            if !g.maybe.is_empty() {
                <section class="group group-maybe" id="cant-tell">
                    <h2 id="cant-tell-title" tabindex="-1">{ t(K::CantTellTitle, lang) }</h2>
                    <p>{ t(K::CantTellIntro, lang) }</p>
                    { for g.maybe.iter().map(|r| {
                        let s = p.settlement(&r.id).expect("known");
                        html! {
                            <details class="folded" data-testid={format!("maybe-{}", s.id)}>
                                <summary>
                                    <span class="folded-name">{ s.name.clone() }</span>
                                    <span class="folded-line">{ claim_sentence(s, r, lang) }</span>
                                </summary>
                                { settlement_card(r, lang) }
                            </details>
                        }
                    }) }
                </section>
            }

            if !notes.is_empty() {
                <section class="org-notes" id="org-notes">
                    <h2>{ t(K::OrgNotesTitle, lang) }</h2>
                    <ul>
                        { for notes.iter().map(|(name, note, src)| html! {
                            <li>
                                <strong>{ name.clone() }</strong>{ ": " }{ note.clone() }
                                if let Some(src) = src {
                                    { " (" }{ t(K::SourceLabel, lang) }{ ": " }
                                    <a href={src.href.clone()} target="_blank" rel="noopener noreferrer"><span lang="en">{ src.title.clone() }</span><span class="visually-hidden">{ " " }{ t(K::NewTab, lang) }</span></a>{ ")" }
                                }
                            </li>
                        }) }
                    </ul>
                </section>
            }

            if !g.out.is_empty() {
                <section class="group group-out" id="not-in">
                    <h2>{ t(K::NotInTitle, lang) }</h2>
                    <p>{ t(K::NotInIntro, lang) }</p>
                    { for g.out.iter().map(|r| {
                        let s = p.settlement(&r.id).expect("known");
                        html! {
                            <details class="folded" data-testid={format!("out-{}", s.id)}>
                                <summary>
                                    <span class="folded-name">{ s.name.clone() }</span>
                                    <span class="folded-line">{ verdict_sentence(s, r.verdict, lang) }</span>
                                </summary>
                                <div class="folded-body">
                                    { reasons(s, &r.reasons, lang) }
                                    <p><a href={format!("#/settlement/{}", s.id)}>{ t(K::FullDetails, lang) }</a></p>
                                </div>
                            </details>
                        }
                    }) }
                </section>
            }

            <div class="button-group no-print">
                <a href="#/summary" class="button" id="to-summary">{ t(K::SeeSummary, lang) }</a>
                <button type="button" class="button button-secondary" onclick={print}>{ t(K::Print, lang) }</button>
            </div>
            <p class="as-of">{ fill(K::InfoAsOf, lang, &[&format::date(p.checked_on, lang)]) }</p>
            if let Some(d) = p.newest_source {
                <p class="as-of newest-source">{ fill(K::NewestSource, lang, &[&format::date(d, lang)]) }</p>
            }
        </div>
    }
}
