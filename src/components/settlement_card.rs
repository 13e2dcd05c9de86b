//! One settlement in the person's results, answer first: the verdict, the claim deadline, the
//! one thing to do, the official site as a button and "claiming is free"; then, folded, what
//! they can get (only while claims are not closed), the dates (the claim deadline first), what
//! to gather and keep, why (with the clause), and the sources ("not places to claim").

use crate::components::dates_table::{dates_table, result_rows};
use crate::components::fact::{clause, source_link};
use crate::components::fold::fold;
use crate::components::names::{in_sentence, title};
use crate::components::plans::plans;
use crate::components::reasons::reasons;
use crate::components::sources::sources_list;
use crate::i18n::{fill, t, K};
use crate::present::{
    action_sentence, can_still_claim, claim_sentence, claims_not_closed, is_pending, state_name,
    verdict_for,
};
use claimcheck_engine::answers::Claimant;
use claimcheck_engine::eval::{Guidance, SettlementResult, TriState, Verdict};
use claimcheck_engine::fact::Fact;
use claimcheck_engine::model::{RulingOutcome, Settlement};
use claimcheck_engine::names::Named;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

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
                        <li class={classes!("ruling", format!("ruling-{}", r.outcome.name()))}>
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

/// The official site as a button (opened only by a click), or, when no source gives one, that
/// we don't know it (never "this is the official website").
pub fn official_button(s: &Settlement, lang: Lang) -> Html {
    match &s.case.website {
        Fact::Known { main, .. } => {
            let shown = main
                .value
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string();
            html! {
                <p class="official-action">
                    <a class="button official-link" href={main.value.clone()} target="_blank" rel="noopener noreferrer">
                        { t(K::OfficialButton, lang) }<span class="visually-hidden">{ " " }{ t(K::NewTab, lang) }</span>
                    </a>
                    <span class="official-domain">{ shown }</span>
                </p>
            }
        }
        Fact::Unverified { .. } => html! {
            <p class="official-unknown" data-testid="official-unknown">{ t(K::OfficialUnknown, lang) }</p>
        },
    }
}

/// The claimant note (claiming for a child or for someone who has died), near the top.
fn claimant_note(r: &SettlementResult, lang: Lang) -> Html {
    let Some(c) = r.claimant.as_ref() else {
        return html! {};
    };
    let k = match (c.who, c.allowed) {
        (Claimant::Minor, Some(true)) => K::MinorYes,
        (Claimant::Minor, Some(false)) => K::MinorNo,
        (Claimant::Minor, None) => K::MinorUnknown,
        (_, Some(true)) => K::DeceasedYes,
        (_, Some(false)) => K::DeceasedNo,
        (_, None) => K::DeceasedUnknown,
    };
    html! { <p class="claimant" data-testid="claimant">{ t(k, lang) }</p> }
}

/// Whether the sources say a parent may claim for a child here.
fn may_claim_for_child(r: &SettlementResult) -> bool {
    r.claimant
        .as_ref()
        .is_some_and(|c| c.who == Claimant::Minor && c.allowed == Some(true))
}

/// A folded part of the card.
fn card_fold(class: &'static str, title: K, body: Html, lang: Lang) -> Html {
    fold(class, None, None, html! { { t(title, lang) } }, body)
}

/// The card for one settlement's result `r`; `child` when the person checks for their child.
pub fn settlement_card(s: &Settlement, r: &SettlementResult, child: bool, lang: Lang) -> Html {
    let verdict_code = r.verdict.code();
    html! {
        <article class={classes!("card", "settlement-card", format!("verdict-{verdict_code}"))}
            id={format!("s-{}", s.id)} data-testid={format!("settlement-{}", s.id)} data-verdict={verdict_code}>
            <h2 id={format!("s-{}-name", s.id)} tabindex="-1">{ title(s, lang) }</h2>
            <p class="verdict-sentence" data-testid="verdict-sentence">
                <strong>{ in_sentence(verdict_for(s, r.verdict, child, lang), s, lang) }</strong>{ " " }
                <span class="claim-sentence">{ claim_sentence(s, r, lang) }</span>
            </p>
            if r.verdict != Verdict::NotMember {
                <p class="action" data-testid="action">{ action_sentence(s, r, child && may_claim_for_child(r), lang) }</p>
            }
            { official_button(s, lang) }
            if s.case.website.value().is_some() && can_still_claim(s, r) {
                <p class="claim-free">{ t(K::ClaimFree, lang) }</p>
            }
            { claimant_note(r, lang) }
            { details(s, r, lang) }
            <p><a href={format!("#/settlement/{}", s.id)} class="details-link">{ t(K::FullDetails, lang) }</a></p>
        </article>
    }
}

/// The folded parts of a card: what they can get, dates, what to do, why, sources.
fn details(s: &Settlement, r: &SettlementResult, lang: Lang) -> Html {
    let in_class = matches!(r.verdict, Verdict::Member | Verdict::Likely);
    let pending = is_pending(s);
    // Until the claim deadline has passed, what to gather and keep still matters.
    let open = r.guidance != Guidance::AfterClose;
    let get = claims_not_closed(s, r) && (!pending || !r.plans.is_empty());
    let gather = in_class && open && (!r.evidence.is_empty() || r.needs_notice_id);
    let rows = result_rows(s, r);
    html! {
        <div class="card-details">
            if get {
                { card_fold("card-fold get", K::DetGet, plans(s, &r.plans, lang), lang) }
            }
            { card_fold("card-fold dates", K::DetDates, dates_table(&rows, false, None, lang), lang) }
            { card_fold("card-fold todo", K::DetDo, html! {
                <>
                    if gather {
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
                </>
            }, lang) }
            { card_fold("card-fold why", K::DetWhy, why(s, r, lang), lang) }
            { card_fold("card-fold sources", K::DetSources, sources_list(s, lang), lang) }
        </div>
    }
}

/// Why: the reasons with their clause, the class wording, the subclasses, the court rulings.
fn why(s: &Settlement, r: &SettlementResult, lang: Lang) -> Html {
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
    html! {
        <section class="why">
            { reasons(s, &r.reasons, lang) }
            { fold("class-definition", None, None, html! { { t(K::SecWhoIsIn, lang) } }, clause(&s.class.definition, s, lang)) }
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
            { rulings(s, &r.rulings, r.ruling_state.as_deref(), lang) }
        </section>
    }
}
