//! One settlement in the person's results: the one-sentence answer first, then why, the
//! subclasses, what they can get, the dates, what to gather, what to do, the official site.

use crate::components::dates_table::{dates_table, result_rows};
use crate::components::fact::{clause, source_link, unverified};
use crate::components::plans::plans;
use crate::components::reasons::reasons;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::{claim_sentence, is_pending, state_name, verdict_sentence};
use claimcheck_engine::eval::{Guidance, SettlementResult, TriState, Verdict};
use claimcheck_engine::fact::Fact;
use claimcheck_engine::model::{RulingOutcome, Settlement};
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// The official website as a plain link (opened only by a click), or why we can't give one.
pub fn website(s: &Settlement, lang: Lang) -> Html {
    match &s.case.website {
        Fact::Known { main, .. } => html! {
            <p class="website">
                <a class="official-link" href={main.value.clone()} target="_blank" rel="noopener noreferrer">
                    { main.value.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string() }
                    <span class="visually-hidden">{ " " }{ t(K::NewTab, lang) }</span>
                </a>
                <span class="fact-source">{ " (" }{ t(K::SourceLabel, lang) }{ ": " }{ source_link(s, main.source, lang) }{ ")" }</span>
            </p>
        },
        Fact::Unverified { reason } => {
            html! { <p class="website">{ unverified(reason, lang) }</p> }
        }
    }
}

pub fn text_list(
    items: &[claimcheck_engine::text::Text],
    lang: Lang,
    class: &'static str,
    ordered: bool,
) -> Html {
    let lis = items.iter().map(|x| html! { <li>{ x.get(lang) }</li> });
    if ordered {
        html! { <ol class={classes!("process-list", class)}>{ for lis }</ol> }
    } else {
        html! { <ul class={class}>{ for lis }</ul> }
    }
}

/// The dated texts that apply today (the engine's `Guidance`): the next steps (only when
/// `next`), what comes after the close, or both under "if claims are still open / have closed".
pub fn guidance(s: &Settlement, g: Guidance, next: bool, h: &'static str, lang: Lang) -> Html {
    let both = g == Guidance::Both;
    let show_next = next && g != Guidance::AfterClose && !s.next_steps.is_empty();
    let show_after = g != Guidance::NextSteps && !s.after_close.is_empty();
    html! {
        <>
            if show_next {
                <section class="next-steps" data-testid="next-steps">
                    <@{h}>{ t(if both { K::SecIfOpen } else { K::SecNext }, lang) }</@>
                    { text_list(&s.next_steps, lang, "next-steps-list", true) }
                </section>
            }
            if show_after {
                <section class="after-close" data-testid="after-close">
                    <@{h}>{ t(if both { K::SecIfClosed } else { K::SecAfter }, lang) }</@>
                    { text_list(&s.after_close, lang, "after-close-list", false) }
                </section>
            }
        </>
    }
}

pub fn rulings(s: &Settlement, indices: &[usize], state: Option<&str>, lang: Lang) -> Html {
    if indices.is_empty() {
        return html! {};
    }
    let heading = match state {
        Some(code) => fill(K::SecRulingsFor, lang, &[&state_name(code, lang)]),
        None => t(K::SecRulings, lang).to_string(),
    };
    html! {
        <section class="rulings" data-testid="rulings">
            <h3>{ heading }</h3>
            <ul>
                { for indices.iter().filter_map(|i| s.rulings.get(*i)).map(|r| {
                    let outcome = t(match r.outcome {
                        RulingOutcome::Survived => K::OutSurvived,
                        RulingOutcome::Dismissed => K::OutDismissed,
                        RulingOutcome::Abandoned => K::OutAbandoned,
                        RulingOutcome::Mixed => K::OutMixed,
                    }, lang);
                    let place = if r.state == "ALL" { t(K::RulingAll, lang).to_string() } else { state_name(&r.state, lang) };
                    html! {
                        <li class={classes!("ruling", format!("ruling-{}", outcome_code(r.outcome)))}>
                            if let Some(d) = r.date { <span class="ruling-date">{ crate::format::date(d, lang) }{ ": " }</span> }
                            <span class="ruling-claim">{ r.claim.get(lang) }</span>{ " — " }
                            <strong>{ outcome }</strong>{ format!(" ({place}) ") }
                            { source_link(s, r.source, lang) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn outcome_code(o: RulingOutcome) -> &'static str {
    match o {
        RulingOutcome::Survived => "survived",
        RulingOutcome::Dismissed => "dismissed",
        RulingOutcome::Abandoned => "abandoned",
        RulingOutcome::Mixed => "mixed",
    }
}

/// The card for one settlement's result `r`.
pub fn settlement_card(r: &SettlementResult, lang: Lang) -> Html {
    let Some(s) = pack().settlement(&r.id) else {
        return html! {};
    };
    let verdict_code = r.verdict.code();
    let rows = result_rows(r);
    let subclasses: Vec<_> = r
        .subclasses
        .iter()
        .filter(|x| x.holds != TriState::No)
        .filter_map(|x| {
            s.subclasses
                .iter()
                .find(|c| c.id == x.id)
                .map(|c| (c, x.holds))
        })
        .collect();
    let claimant = r.claimant.as_ref().map(|c| {
        let k = match (c.who.as_str(), c.allowed) {
            ("minor", Some(true)) => K::MinorYes,
            ("minor", Some(false)) => K::MinorNo,
            ("minor", None) => K::MinorUnknown,
            (_, Some(true)) => K::DeceasedYes,
            (_, Some(false)) => K::DeceasedNo,
            (_, None) => K::DeceasedUnknown,
        };
        let fact = if c.who == "minor" { &s.claimants.minor } else { &s.claimants.deceased };
        html! {
            <section class="claimant" data-testid="claimant">
                <h3>{ t(K::SecClaimant, lang) }</h3>
                <p>{ t(k, lang) }</p>
                { match fact {
                    Some(Fact::Known { main, .. }) => html! {
                        <p class="fact-source">{ t(K::SourceLabel, lang) }{ ": " }{ source_link(s, main.source, lang) }</p>
                    },
                    Some(Fact::Unverified { reason }) => html! { <p>{ unverified(reason, lang) }</p> },
                    None => html! {},
                } }
            </section>
        }
    });
    let in_class = matches!(r.verdict, Verdict::Member | Verdict::Likely);
    let pending = is_pending(s);
    // Until the claim deadline has passed, what to gather and keep still matters.
    let open = r.guidance != Guidance::AfterClose;
    html! {
        <article class={classes!("card", "settlement-card", format!("verdict-{verdict_code}"))}
            id={format!("s-{}", s.id)} data-testid={format!("settlement-{}", s.id)} data-verdict={verdict_code}>
            <h2 id={format!("s-{}-name", s.id)} tabindex="-1">{ s.name.clone() }</h2>
            <p class="verdict-sentence" data-testid="verdict-sentence">
                <strong>{ verdict_sentence(s, r.verdict, lang) }</strong>{ " " }
                <span class="claim-sentence">{ claim_sentence(s, r, lang) }</span>
            </p>
            <p class="summary">{ s.summary.get(lang) }</p>

            <section class="why">
                <h3>{ t(K::SecWhy, lang) }</h3>
                { reasons(s, &r.reasons, lang) }
                <details class="class-definition">
                    <summary>{ t(K::SecWhoIsIn, lang) }</summary>
                    { clause(&s.class.definition, s, lang) }
                </details>
            </section>

            if !subclasses.is_empty() {
                <section class="subclasses" data-testid="subclasses">
                    <h3>{ t(K::SecSubclasses, lang) }</h3>
                    <ul>
                        { for subclasses.iter().map(|(c, holds)| html! {
                            <li data-subclass={c.id.clone()}>
                                <strong>{ c.name.get(lang) }</strong>{ ": " }
                                { t(if *holds == TriState::Yes { K::SubYes } else { K::SubUnknown }, lang) }
                                { for c.clause.as_ref().map(|f| clause(f, s, lang)) }
                            </li>
                        }) }
                    </ul>
                </section>
            }

            { for claimant }

            if !pending || !r.plans.is_empty() {
                <section class="get">
                    <h3>{ t(K::SecGet, lang) }</h3>
                    { plans(s, &r.plans, lang) }
                </section>
            }

            <section class="dates">
                <h3>{ t(K::ImportantDates, lang) }</h3>
                { dates_table(&rows, false, None, lang) }
            </section>

            if in_class && open && (!r.evidence.is_empty() || r.needs_notice_id) {
                <section class="gather" data-testid="evidence">
                    <h3>{ t(K::SecGather, lang) }</h3>
                    <ul class="checklist">
                        if r.needs_notice_id { <li>{ t(K::NeedsNoticeId, lang) }</li> }
                        { for r.evidence.iter().filter_map(|(b, e)| s.benefits.get(*b)?.evidence.get(*e)).map(|e| html! { <li>{ e.get(lang) }</li> }) }
                    </ul>
                </section>
            }

            { guidance(s, r.guidance, r.verdict != Verdict::NotMember, "h3", lang) }
            if open && !s.keep.is_empty() {
                <section class="keep" data-testid="keep">
                    <h3>{ t(K::SecKeep, lang) }</h3>
                    { text_list(&s.keep, lang, "keep-list", false) }
                </section>
            }

            { rulings(s, &r.rulings, r.ruling_state.as_deref(), lang) }

            <section class="official">
                <h3>{ t(K::SecWebsite, lang) }</h3>
                { website(s, lang) }
                <p class="hint">{ t(K::WebsiteNote, lang) }</p>
            </section>
            <p><a href={format!("#/settlement/{}", s.id)} class="details-link">{ t(K::FullDetails, lang) }</a></p>
        </article>
    }
}
