//! The results, answer first: the facts date and "not legal advice", then one card per
//! settlement the person is likely in (verdict, deadline, action, official site, details
//! folded); the combined dates, settlements we can't tell about, and those the person is not in
//! (one folded line, each with what the person told us) follow.

use crate::components::alert::alert;
use crate::components::app::Ctx;
use crate::components::calendar_button::calendar_button;
use crate::components::clicks::dispatch_on_click;
use crate::components::fact::english_link;
use crate::components::fold::{fold, lazy_fold};
use crate::components::message_banner::message_banner;
use crate::components::names::{in_sentence, title};
use crate::components::reasons::reasons;
use crate::components::settlement_card::settlement_card;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::{
    answer_text, calendar_events, can_still_claim, claim_sentence, date_rows, for_child, groups,
    scam_body, verdict_for,
};
use crate::state::Action;
use claimcheck_engine::answers::named_organisations;
use claimcheck_engine::fact::Source;
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use claimcheck_engine::Results;
use yew::prelude::*;

/// The results (a plain function of the state and the person's results, `view::outcome`).
pub fn results_page(st: &Ctx, results: &Results) -> Html {
    let lang = st.lang;
    let p = pack();
    let g = groups(p, &results.settlements);
    let mut dated = g.inside.clone();
    dated.extend(g.maybe.iter().copied());
    let rows = date_rows(&dated);
    let open = dated.iter().any(|(s, r)| can_still_claim(s, r));
    let events = calendar_events(&rows, p.checked_on, lang);
    let child = for_child(&st.answers);
    // Organisations the person picked that carry a note ("no settlement found", look-alikes).
    let notes: Vec<(String, String, Option<Source>)> = named_organisations(p, &st.answers)
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
        .collect();

    html! {
        <div class="results" id="results">
            <a href="#/" class="back-link" id="back" onclick={dispatch_on_click(st, Action::Back)}>{ t(K::ChangeAnswers, lang) }</a>
            { message_banner(st) }
            <h1 id="page-heading" tabindex="-1">{ t(K::ResultsTitle, lang) }</h1>
            <p class="facts-top" id="facts-top">
                { fill(K::TopFacts, lang, &[&format::date(p.checked_on, lang)]) }
                if results.stale {
                    <strong id="stale" class="stale">{ " " }{ t(K::StaleTitle, lang) }{ ". " }{ fill(K::StaleBody, lang, &[&format::date(p.checked_on, lang)]) }</strong>
                }
            </p>
            if g.inside.is_empty() {
                <section class="summary-box" id="in-short">
                    <p id="no-results">{ t(K::ResultsNone, lang) }</p>
                </section>
            }

            // Keyed by settlement, so that a changed list moves the cards, not their contents.
            { for g.inside.iter().map(|(s, r)| html! { <key={s.id.clone()}>{ settlement_card(s, r, child, lang) }</> }) }

            { calendar_button(events, lang) }

            { alert("info", "scam-warning", Some(t(K::ScamTitle, lang)),
                html! { <p>{ t(scam_body(open), lang) }</p> }) }

            if !g.maybe.is_empty() {
                <section class="group group-maybe" id="cant-tell">
                    <h2 id="cant-tell-title" tabindex="-1">{ t(K::CantTellTitle, lang) }</h2>
                    <p>{ t(K::CantTellIntro, lang) }</p>
                    { for g.maybe.iter().map(|(s, r)| {
                        folded(format!("maybe-{}", s.id), s, html! { claim_sentence(s, r, lang) }, lang, settlement_card(s, r, child, lang))
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
                                    { english_link(&src.href, &src.title, lang) }{ ")" }
                                }
                            </li>
                        }) }
                    </ul>
                </section>
            }

            if !g.out.is_empty() {
                { lazy_fold("group group-out", "not-in", st.not_in_open, { let st = st.clone(); Callback::from(move |o| st.dispatch(Action::NotInOpen(o))) },
                    html! { { not_in_line(g.out.len(), lang) } }, || html! {
                    { for g.out.iter().map(|(s, r)| {
                        folded(format!("out-{}", s.id), s, in_sentence(verdict_for(s, r.verdict, child, lang), s, lang), lang, html! {
                            <div class="folded-body">
                                { reasons(s, &r.reasons, lang) }
                                { you_said(st, s, lang) }
                                <p><a href={format!("#/settlement/{}", s.id)}>{ t(K::FullDetails, lang) }</a></p>
                            </div>
                        })
                    }) }
                }) }
            }

            <div class="button-group no-print">
                <a href="#/summary" class="button" id="to-summary">{ t(K::SeeSummary, lang) }</a>
            </div>
            if let Some(d) = p.newest_source {
                <p class="as-of newest-source">{ fill(K::NewestSource, lang, &[&format::date(d, lang)]) }</p>
            }
        </div>
    }
}

/// "We also checked 44 settlements you are not in ..." (one line, folded).
fn not_in_line(n: usize, lang: Lang) -> String {
    if n == 1 {
        t(K::NotInLineOne, lang).to_string()
    } else {
        fill(K::NotInLine, lang, &[&n.to_string()])
    }
}

/// What the person told us that the settlement's ways in read: each question with their
/// answer (never a description of the way in as if they had said it).
fn you_said(st: &Ctx, s: &Settlement, lang: Lang) -> Html {
    let p = pack();
    let mut ids = Vec::new();
    for r in &s.class.routes {
        r.when.questions(&mut ids);
    }
    let mut lines: Vec<(String, String)> = Vec::new();
    for id in &ids {
        let (Some(q), Some(a)) = (p.question(id), st.answers.get(id)) else {
            continue;
        };
        let line = (q.text.get(lang).to_string(), answer_text(p, q, a, lang));
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div>
            <p>{ t(K::YouSaid, lang) }</p>
            <ul>
                { for lines.into_iter().map(|(q, a)| html! { <li>{ q }{ " " }<strong>{ a }</strong></li> }) }
            </ul>
        </div>
    }
}

/// A settlement folded to its name and one line.
fn folded(testid: String, s: &Settlement, line: Html, lang: Lang, body: Html) -> Html {
    let summary = html! {
        <><span class="folded-name">{ title(s, lang) }</span><span class="folded-line">{ line }</span></>
    };
    fold("folded", None, Some(testid), summary, body)
}
