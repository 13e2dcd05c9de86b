//! A benefit's own figures (cap, rate, hours, years, insurance, amount), each with its source.

use crate::components::fact::fact;
use crate::format;
use crate::i18n::{t, K};
use claimcheck_engine::model::{Benefit, BenefitKind, Proof, Settlement};
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// The figures of benefit `b` of settlement `s`, as a facts list (nothing if it has none).
pub fn benefit_facts(s: &Settlement, b: &Benefit, lang: Lang) -> Html {
    let money = |c: &claimcheck_engine::Cents| format::money(*c);
    let num = |n: &u32| n.to_string();
    let row =
        |k: K, v: Html| html! { <div class="fact-row"><dt>{ t(k, lang) }</dt><dd>{ v }</dd></div> };
    let rows: Vec<Html> = match &b.kind {
        BenefitKind::Monitoring {
            years,
            bureaus,
            insurance,
        } => {
            let mut v = Vec::new();
            if let Some(f) = years {
                v.push(row(K::FactYears, fact(f, s, lang, &num)));
            }
            if let Some(f) = bureaus {
                v.push(row(K::FactBureaus, fact(f, s, lang, &num)));
            }
            if let Some(f) = insurance {
                v.push(row(K::FactInsurance, fact(f, s, lang, &money)));
            }
            v
        }
        BenefitKind::DocumentedLosses { cap, .. } => {
            vec![row(K::FactCap, fact(cap, s, lang, &money))]
        }
        BenefitKind::LostTime {
            rate,
            max_hours,
            proof,
            ..
        } => vec![
            row(K::FactRate, fact(rate, s, lang, &money)),
            row(K::FactMaxHours, fact(max_hours, s, lang, &num)),
            html! { <div class="fact-row"><dd class="proof">{ t(if *proof == Proof::Attested { K::ProofAttested } else { K::ProofDocumented }, lang) }</dd></div> },
        ],
        BenefitKind::FlatCash { amount, .. } | BenefitKind::StatutoryAward { amount } => {
            vec![row(K::FactAmount, fact(amount, s, lang, &money))]
        }
        BenefitKind::ProRataCash { amount: Some(a) } => {
            vec![row(K::FactAmount, fact(a, s, lang, &money))]
        }
        _ => Vec::new(),
    };
    if rows.is_empty() {
        return html! {};
    }
    html! { <dl class="benefit-facts">{ for rows }</dl> }
}
