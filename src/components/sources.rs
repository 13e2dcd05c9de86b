//! "Where we got this (not places to claim)": a settlement's sources as a list, each with the
//! day it was checked. Sources prove a fact; the official site is the place to act.

use crate::components::fact::source_link;
use crate::format;
use crate::i18n::{fill, t, K};
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// The list of `s`'s sources, then "About our sources": why each value we could not confirm
/// is unconfirmed (notes on our research, kept out of the answer's running text).
pub fn sources_list(s: &Settlement, lang: Lang) -> Html {
    html! {
        <>
            <ol class="sources-list">
                { for s.sources.iter().enumerate().map(|(i, src)| html! {
                    <li>{ source_link(s, i, lang) }{ " — " }{ fill(K::Checked, lang, &[&format::date(src.checked, lang)]) }</li>
                }) }
            </ol>
            if !s.unconfirmed.is_empty() {
                <section class="about-sources" data-testid="about-sources">
                    <h3>{ t(K::AboutSources, lang) }</h3>
                    <p>{ t(K::AboutSourcesIntro, lang) }</p>
                    <ul>{ for s.unconfirmed.iter().map(|r| html! { <li class="unverified-why">{ r.get(lang) }</li> }) }</ul>
                </section>
            }
        </>
    }
}
