//! One benefit's estimate in words, with the engine's worked steps and caps.

use crate::components::estimate_chart::{self, estimate_chart};
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::present::input_label;
use claimcheck_engine::eval::{Estimate, Step, TriState};
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// A benefit's estimate `e` in settlement `s`; `key_id` is unique within the page (for the
/// chart's ids).
pub fn estimate(s: &Settlement, e: &Estimate, key_id: &str, lang: Lang) -> Html {
    let bname = |id: &str| {
        s.benefit(id)
            .map(|b| b.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let sname = |id: &str| {
        s.subclasses
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let m = format::money;
    let step = |x: &Step| -> String {
        match x {
            Step::Input { question, amount } => fill(
                K::StepInput,
                lang,
                &[&input_label(pack(), question, lang), &m(*amount)],
            ),
            Step::Hours {
                given_quarters,
                counted_quarters,
                max_hours,
                rate,
                amount,
            } => fill(
                K::StepHours,
                lang,
                &[
                    &format::hours(*given_quarters),
                    &format::hours(*counted_quarters),
                    &max_hours.to_string(),
                    &m(*rate),
                    &m(*amount),
                ],
            ),
            Step::AddedLostTime { amount, .. } => fill(K::StepAdded, lang, &[&m(*amount)]),
            Step::Sum { amount } => fill(K::StepSum, lang, &[&m(*amount)]),
            Step::Capped { before, cap, after } => {
                fill(K::StepCapped, lang, &[&m(*cap), &m(*before), &m(*after)])
            }
            Step::Window { from, to: Some(to) } => fill(
                K::StepWindow,
                lang,
                &[&format::date(*from, lang), &format::date(*to, lang)],
            ),
            Step::Window { from, to: None } => {
                fill(K::StepWindowOpen, lang, &[&format::date(*from, lang)])
            }
        }
    };
    let line = |class: &'static str, text: String| html! { <p class={classes!("estimate", class)}>{ text }</p> };
    match e {
        Estimate::NotMoney => line("estimate-service", t(K::EstNotMoney, lang).into()),
        Estimate::Amount { amount, steps } => html! {
            <div class="estimate-block">
                <p class="estimate estimate-amount"><strong>{ fill(K::EstAmount, lang, &[&m(*amount)]) }</strong></p>
                if !steps.is_empty() {
                    <details class="steps" open=true>
                        <summary>{ t(K::HowWorkedOut, lang) }</summary>
                        <ol class="step-list">{ for steps.iter().map(|x| html! { <li>{ step(x) }</li> }) }</ol>
                    </details>
                }
            </div>
        },
        Estimate::About { amount } => {
            line("estimate-about", fill(K::EstAbout, lang, &[&m(*amount)]))
        }
        Estimate::Range {
            low,
            high,
            net_fund,
            class_size,
        } => html! {
            <div class="estimate-block">
                <p class="estimate estimate-range"><strong>{ fill(K::EstRange, lang, &[&m(*low), &m(*high)]) }</strong></p>
                { estimate_chart(&estimate_chart::Props {
                    id: &["chart-", key_id].concat(),
                    low: *low,
                    high: *high,
                    net_fund: *net_fund,
                    class_size: *class_size,
                }, lang) }
            </div>
        },
        Estimate::Depends => line("estimate-depends", t(K::EstDepends, lang).into()),
        Estimate::Unverified => line("estimate-unverified", t(K::EstUnverified, lang).into()),
        Estimate::NoInput => line("estimate-no-input", t(K::EstNoInput, lang).into()),
        Estimate::FoldedInto { benefit, amount } => line(
            "estimate-folded",
            fill(K::EstFolded, lang, &[&m(*amount), &bname(benefit)]),
        ),
        Estimate::Subclass { subclass, holds } => line(
            "estimate-subclass",
            fill(
                if *holds == TriState::No {
                    K::EstSubclassNo
                } else {
                    K::EstSubclassUnknown
                },
                lang,
                &[&sname(subclass)],
            ),
        ),
    }
}
