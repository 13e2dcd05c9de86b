//! "How much can I get?": the ways to claim, side by side. When the settlement lets a person
//! pick only one option, the options are shown as columns to compare.

use crate::components::benefit_facts::benefit_facts;
use crate::components::estimate::estimate;
use crate::format;
use crate::i18n::{fill, t, K};
use claimcheck_engine::eval::Plan;
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// How the options relate: unknown (the sources do not say), pick one, or all together.
pub fn trade_off(s: &Settlement, several: bool) -> K {
    if s.combine.as_ref().is_some_and(|c| c.has_unknown()) {
        K::UnknownComboNote
    } else if several {
        K::OneOfNote
    } else {
        K::AllOfNote
    }
}

/// The ways to claim from settlement `s`.
pub fn plans(s: &Settlement, plans: &[Plan], lang: Lang) -> Html {
    if plans.is_empty() {
        return html! { <p class="nothing-to-claim">{ t(K::NothingToClaim, lang) }</p> };
    }
    let several = plans.len() > 1;
    html! {
        <div class="plans-block">
            <p class="trade-off">{ t(trade_off(s, several), lang) }</p>
            <div class={classes!("plans", several.then_some("plans-compare"))} data-testid="plans">
                { for plans.iter().enumerate().map(|(i, plan)| html! {
                    <section class="plan" data-testid="plan">
                        if several { <h4 class="plan-title">{ fill(K::OptionN, lang, &[&(i + 1).to_string()]) }</h4> }
                        { for plan.items.iter().map(|item| {
                            let b = s.benefit(&item.benefit);
                            html! {
                                <div class="plan-item" data-benefit={item.benefit.clone()}>
                                    <h5 class="benefit-name">{ b.map(|b| b.name.get(lang).to_string()).unwrap_or_default() }</h5>
                                    if let Some(d) = b.and_then(|b| b.description.as_ref()) {
                                        <p class="benefit-desc">{ d.get(lang) }</p>
                                    }
                                    { estimate(s, &item.estimate, &format!("{}-{}-{}", s.id, i, item.benefit), lang) }
                                    { for b.map(|b| benefit_facts(s, b, lang)) }
                                </div>
                            }
                        }) }
                        if let Some((_, before, after)) = &plan.combined_cap {
                            <p class="combined-cap">{ fill(K::PlanCombinedCap, lang, &[&format::money(*after), &format::money(*before)]) }</p>
                        }
                        if plan.total.0 > 0 && plan.items.len() > 1 {
                            <p class="plan-total"><strong>{ fill(K::PlanTotal, lang, &[&format::money(plan.total)]) }</strong></p>
                        }
                    </section>
                }) }
            </div>
        </div>
    }
}
