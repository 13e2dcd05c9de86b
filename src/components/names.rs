//! A settlement's name on a page. In English, as the rules write it. In Spanish, a Spanish
//! phrase around it ("Acuerdo de …", "Caso de …"), without the English words for what it is
//! ("data breach settlement", "lawsuits"), and what remains of the name marked lang="en".
//! Knows nothing of verdicts; `present` words the sentences the names go into.

use crate::i18n::{t, K};
use crate::present::{is_pending, spoken_name};
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::Lang;
use yew::prelude::*;

/// The name as a heading or a link says it.
pub fn title(s: &Settlement, lang: Lang) -> Html {
    if lang == Lang::En {
        return html! { { s.name.clone() } };
    }
    if let Some(es) = &s.name_es {
        // A Spanish name the rules give (`name_es`) is said as it is.
        return html! { { es.clone() } };
    }
    let k = if is_pending(s) || !s.class.certified {
        K::TitleCase
    } else {
        K::TitleSettlement
    };
    in_sentence(t(k, lang).replace("{0}", &spoken_name(s, lang)), s, lang)
}

/// A sentence that holds the settlement's name (as `spoken_name` gives it): in Spanish, the
/// name is marked lang="en".
pub fn in_sentence(text: String, s: &Settlement, lang: Lang) -> Html {
    let name = spoken_name(s, lang);
    match (lang, text.find(name.as_str())) {
        (Lang::Es, Some(i)) if !name.is_empty() && s.name_es.is_none() => html! {
            <>
                { text[..i].to_string() }
                <span lang="en">{ name.clone() }</span>
                { text[i + name.len()..].to_string() }
            </>
        },
        _ => html! { { text } },
    }
}
