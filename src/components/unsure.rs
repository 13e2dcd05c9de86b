//! Paths for the unsure, under the organisation picker: "My organisation isn't listed" (what
//! else on the letter to search for, and how far our list reaches) and "I didn't get a notice"
//! (how people learn they were affected, and why there is usually nothing to claim without
//! one). Two folds of plain text; knows nothing of answers or of which settlements apply.

use super::fold::fold;
use crate::format;
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

pub fn unsure_paths(lang: Lang) -> Html {
    let p = pack();
    let date = format::date(p.checked_on, lang);
    let orgs = p.organisations.len().to_string();
    // The directory (all a first visit has) holds no settlements; the count follows with the pack.
    let covers = match p.settlements.len() {
        0 => fill(K::NotListedCoversOrgs, lang, &[&orgs, &date]),
        n => fill(K::NotListedCovers, lang, &[&n.to_string(), &orgs, &date]),
    };
    let para = |k: K| html! { <p>{ t(k, lang) }</p> };
    let not_listed = html! {
        <div class="fold-body">
            { para(K::NotListedLook) }
            <ul>
                <li>{ t(K::NotListedSite, lang) }</li>
                <li>{ t(K::NotListedVendor, lang) }</li>
                <li>{ t(K::NotListedParent, lang) }</li>
            </ul>
            <p id="not-listed-covers">{ covers }</p>
            { para(K::NotListedMissing) }
        </div>
    };
    let no_notice = html! {
        <div class="fold-body">
            { para(K::NoNoticeHow) }
            { para(K::NoNoticeClass) }
            { para(K::NoNoticeDo) }
        </div>
    };
    html! {
        <div class="unsure-paths">
            { fold("unsure", Some("not-listed"), None, html! { t(K::NotListedTitle, lang) }, not_listed) }
            { fold("unsure", Some("no-notice"), None, html! { t(K::NoNoticeTitle, lang) }, no_notice) }
        </div>
    }
}
