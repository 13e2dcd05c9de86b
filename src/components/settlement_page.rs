//! A settlement's own page (Browse): its facts, each with its source, at its own address
//! (#/settlement/<id>). No answers are needed or used.

use crate::components::app::Ctx;
use crate::components::benefit_facts::benefit_facts;
use crate::components::dates_table::{dates_table, result_rows};
use crate::components::fact::{clause, english_fact, fact, unverified};
use crate::components::names::title;
use crate::components::settlement_card::{guidance, official_button, rulings, text_list};
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::{can_still_claim, claim_sentence, scam_body, status_as_of, status_line};
use crate::view::Outcome;
use claimcheck_engine::eval::SettlementResult;
use claimcheck_engine::fact::Fact;
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use claimcheck_engine::Date;
use yew::prelude::*;

/// The page of settlement `id` (a plain function of the state and the settlement's
/// no-answers result, `view::outcome`).
pub fn settlement_page(st: &Ctx, id: &str, o: &Outcome) -> Html {
    let lang = st.lang;
    let p = pack();
    let found = p.settlements.iter().position(|s| s.id == id);
    let (Some(s), Some(r)) = (
        found.and_then(|i| p.settlements.get(i)),
        found.and_then(|i| o.facts_of(i)),
    ) else {
        return not_found(lang);
    };
    let open = can_still_claim(s, r);
    let as_of = pack().checked_on;
    let rows = result_rows(s, r);
    let all_rulings: Vec<usize> = (0..s.rulings.len()).collect();
    html! {
        <div class="settlement-page" data-testid={format!("page-{}", s.id)}>
            <a href="#/browse" class="back-link" id="back">{ t(K::AllSettlements, lang) }</a>
            <h1 id="page-heading" tabindex="-1">{ title(s, lang) }</h1>
            <p class="status-line">
                if let Some(x) = status_line(s, r, as_of, lang) {
                    <strong class="status">{ x }</strong>{ " · " }
                }
                <span class="claim-sentence">{ claim_sentence(s, r, lang) }</span>
            </p>
            <p class="summary lead">{ s.summary.get(lang) }</p>
            <p><a href="#/check" class="button" id="check-if-in">{ t(K::CheckIfIn, lang) }</a></p>

            { official(s, open, lang) }

            <section>
                <h2>{ t(K::ImportantDates, lang) }</h2>
                { dates_table(&rows, false, None, lang) }
            </section>

            { who_is_in(s, lang) }
            if !s.benefits.is_empty() { { benefits(s, r, lang) } }
            if s.claimants.minor.is_some() || s.claimants.deceased.is_some() { { claimants(s, lang) } }

            { guidance(s, r.guidance, true, "h2", lang) }
            if !s.keep.is_empty() {
                <section><h2>{ t(K::SecKeep, lang) }</h2>{ text_list(&s.keep, lang, "keep-list", false) }</section>
            }
            { rulings(s, &all_rulings, None, lang) }

            { case(s, r, as_of, lang) }
            { incident(s, lang) }

            <section class="sources" id="sources">
                <h2>{ t(K::SecSources, lang) }</h2>
                { crate::components::sources::sources_list(s, lang) }
            </section>
        </div>
    }
}

/// The page of a settlement the pack does not have.
fn not_found(lang: Lang) -> Html {
    html! {
        <div class="settlement-page">
            <a href="#/browse" class="back-link" id="back">{ t(K::AllSettlements, lang) }</a>
            <h1 id="page-heading" tabindex="-1">{ t(K::NotFound, lang) }</h1>
            <p><a href="#/browse">{ t(K::NotFoundBody, lang) }</a></p>
        </div>
    }
}

/// One fact of a list of facts: its name, then its value.
fn fact_row(k: K, v: Html, lang: Lang) -> Html {
    html! { <div class="fact-row"><dt>{ t(k, lang) }</dt><dd>{ v }</dd></div> }
}

/// The official website, and what to beware of.
fn official(s: &Settlement, open: bool, lang: Lang) -> Html {
    html! {
        <section class="official">
            <h2>{ t(K::SecWebsite, lang) }</h2>
            { official_button(s, lang) }
            if let Fact::Unverified { .. } = &s.case.website { <p>{ unverified(lang) }</p> }
            <p class="hint">
                if s.case.website.value().is_some() && open { { t(K::ClaimFree, lang) }{ " " } }
                { t(scam_body(open), lang) }
            </p>
        </section>
    }
}

/// Who is in: the class definition, the ways in, the exclusions and the subclasses.
fn who_is_in(s: &Settlement, lang: Lang) -> Html {
    html! {
        <section>
            <h2>{ t(K::SecWhoIsIn, lang) }</h2>
            { clause(&s.class.definition, s, lang) }
            if !s.class.certified { <p>{ t(K::ReasonNotCertified, lang) }</p> }
            <h3>{ t(K::WaysIn, lang) }</h3>
            <ul class="routes">
                { for s.class.routes.iter().map(|x| html! {
                    <li><p>{ x.reason.get(lang) }</p>{ for x.clause.as_ref().map(|c| clause(c, s, lang)) }</li>
                }) }
            </ul>
            if !s.class.exclusions.is_empty() {
                <h3>{ t(K::Exclusions, lang) }</h3>
                <ul class="exclusions">
                    { for s.class.exclusions.iter().map(|x| html! {
                        <li><p>{ x.reason.get(lang) }</p>{ for x.clause.as_ref().map(|c| clause(c, s, lang)) }</li>
                    }) }
                </ul>
            }
            if !s.subclasses.is_empty() {
                <h3>{ t(K::SecSubclasses, lang) }</h3>
                <ul>
                    { for s.subclasses.iter().map(|c| html! {
                        <li><strong>{ c.name.get(lang) }</strong>{ for c.clause.as_ref().map(|f| clause(f, s, lang)) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The benefits, each with its facts and what to gather for it.
fn benefits(s: &Settlement, r: &SettlementResult, lang: Lang) -> Html {
    html! {
        <section>
            <h2>{ t(K::SecBenefits, lang) }</h2>
            <p class="trade-off">{ t(crate::components::plans::trade_off(s, r.plans.len() > 1), lang) }</p>
            <ul class="benefits">
                { for s.benefits.iter().map(|b| html! {
                    <li class="benefit" data-benefit={b.id.clone()}>
                        <h3 class="benefit-name">{ b.name.get(lang) }</h3>
                        if let Some(d) = &b.description { <p>{ d.get(lang) }</p> }
                        if let Some(sc) = &b.only_for {
                            <p class="hint">{ fill(K::EstSubclassUnknown, lang, &[
                                &s.subclasses.iter().find(|c| &c.id == sc).map(|c| c.name.get(lang).to_string()).unwrap_or_else(|| sc.clone())
                            ]) }</p>
                        }
                        { benefit_facts(s, b, lang) }
                        if !b.evidence.is_empty() {
                            <p class="evidence-title"><strong>{ t(K::SecGather, lang) }</strong></p>
                            <ul class="checklist">{ for b.evidence.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }</ul>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Who may claim for someone else: for a minor, for someone who has died.
fn claimants(s: &Settlement, lang: Lang) -> Html {
    html! {
        <section>
            <h2>{ t(K::SecClaimant, lang) }</h2>
            <ul>
                { claimant(K::MinorYes, &s.claimants.minor, s, lang) }
                { claimant(K::DeceasedYes, &s.claimants.deceased, s, lang) }
            </ul>
        </section>
    }
}

/// One kind of claimant, when the settlement says whether it may claim. Inlined at its two
/// uses, like the closure it was: as a call of its own it cost about 200 bytes brotli (measured).
#[inline(always)]
fn claimant(k_yes: K, f: &Option<Fact<bool>>, s: &Settlement, lang: Lang) -> Html {
    match f {
        None => html! {},
        Some(f) => html! {
            <li>{ t(k_yes, lang) }{ " " }{ fact(f, s, lang, &|b: &bool| t(if *b { K::Yes } else { K::No }, lang).to_string()) }</li>
        },
    }
}

/// The case: title, number, court, judge, status, fund, administrator and related cases.
fn case(s: &Settlement, r: &SettlementResult, as_of: Date, lang: Lang) -> Html {
    let row = |k: K, v: Html| fact_row(k, v, lang);
    html! {
        <section>
            <h2>{ t(K::SecCase, lang) }</h2>
            <dl class="facts">
                { row(K::CaseTitle, html! { <span lang="en">{ s.case.title.clone() }</span> }) }
                { row(K::CaseNumber, english_fact(&s.case.number, s, lang)) }
                { row(K::CaseCourt, english_fact(&s.case.court, s, lang)) }
                { row(K::CaseJudge, english_fact(&s.case.judge, s, lang)) }
                { row(K::CaseStatus, fact(&s.case.status, s, lang, &|x| status_as_of(*x, r.status, as_of, lang))) }
                { row(K::CaseFund, fact(&s.case.fund, s, lang, &|c| format::money(*c))) }
                { row(K::CaseAdministrator, english_fact(&s.case.administrator, s, lang)) }
            </dl>
            if !s.case.related.is_empty() {
                <h3>{ t(K::CaseRelated, lang) }</h3>
                <ul>
                    { for s.case.related.iter().map(|x| html! {
                        <li>
                            <strong lang="en">{ x.title.clone() }</strong>
                            if let Some(n) = &x.number { { format!(" ({n})") } }
                            { ": " }{ fact(&x.relation, s, lang, &|tx| tx.get(lang).to_string()) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The incident: when it started, ended and was discovered, how many people, what data.
fn incident(s: &Settlement, lang: Lang) -> Html {
    let row = |k: K, v: Html| fact_row(k, v, lang);
    let date = |d: &Date| format::date(*d, lang);
    html! {
        <section>
            <h2>{ t(K::SecIncident, lang) }</h2>
            <dl class="facts">
                { row(K::IncStart, fact(&s.incident.start, s, lang, &date)) }
                { for s.incident.end.as_ref().map(|f| row(K::IncEnd, fact(f, s, lang, &date))) }
                { for s.incident.discovered.as_ref().map(|f| row(K::IncDiscovered, fact(f, s, lang, &date))) }
                { row(K::IncPeople, fact(&s.incident.people, s, lang, &|n| format::count(*n))) }
                { row(K::IncData, fact(&s.incident.data, s, lang, &|tx| tx.get(lang).to_string())) }
            </dl>
        </section>
    }
}
