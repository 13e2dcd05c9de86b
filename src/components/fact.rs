//! How a sourced fact reads: the value with its source beside it; every reading when sources
//! disagree; "we could not confirm" when no source does. Helpers, not components, because
//! facts come in many value types.

use crate::i18n::{t, K};
use claimcheck_engine::fact::{Fact, Reading};
use claimcheck_engine::model::Settlement;
use claimcheck_engine::text::{Lang, Text};
use yew::prelude::*;

/// A link to a source, opened only by a click, in a new tab.
pub fn source_link(s: &Settlement, idx: usize, lang: Lang) -> Html {
    match s.sources.get(idx) {
        Some(src) => english_link(&src.href, &src.title, lang),
        None => html! {},
    }
}

/// A link to a page in English (every source is), opened only by a click, in a new tab;
/// marked "(en inglés)" for Spanish readers.
pub fn english_link(href: &str, title: &str, lang: Lang) -> Html {
    html! {
        <a class="source-link" href={href.to_string()} target="_blank" rel="noopener noreferrer">
            <span lang="en">{ title.to_string() }</span>
            if lang == Lang::Es { { " " }{ t(K::InEnglish, lang) } }
            <span class="visually-hidden">{ " " }{ t(K::NewTab, lang) }</span>
        </a>
    }
}

/// A reading with its value already written out, so that the markup below is built by one
/// function, not once per value type.
struct Shown<'a> {
    value: String,
    /// A name kept in English (a case title, an administrator): marked lang="en".
    en: bool,
    source: usize,
    note: Option<&'a Text>,
}

fn marked(s: Shown, english: bool) -> Shown {
    Shown { en: english, ..s }
}

fn shown<'a, T>(r: &'a Reading<T>, show: &dyn Fn(&T) -> String) -> Shown<'a> {
    Shown {
        value: show(&r.value),
        en: false,
        source: r.source,
        note: r.note.as_ref(),
    }
}

fn reading_html(r: &Shown, s: &Settlement, lang: Lang) -> Html {
    html! {
        <>
            <span class="fact-value" lang={r.en.then_some("en")}>{ r.value.clone() }</span>
            <span class="fact-source">{ " (" }{ t(K::SourceLabel, lang) }{ ": " }{ source_link(s, r.source, lang) }{ ")" }</span>
            if let Some(n) = r.note { <span class="fact-note">{ " " }{ n.get(lang) }</span> }
        </>
    }
}

/// In place of a value no source confirmed: that we could not confirm it. Why (a note on our
/// research, not on the person's case) is under "About our sources" (`sources::about`).
pub fn unverified(lang: Lang) -> Html {
    html! { <span class="unverified"><strong>{ t(K::Unconfirmed, lang) }</strong></span> }
}

/// A fact, with its value written by `show`.
pub fn fact<T: PartialEq>(
    f: &Fact<T>,
    s: &Settlement,
    lang: Lang,
    show: &dyn Fn(&T) -> String,
) -> Html {
    fact_marked(f, s, lang, show, false)
}

/// A fact whose value is English words on every page (a case's court or judge, an
/// administrator's name), marked
/// `lang="en"` so that a Spanish page's screen reader reads it as English.
pub fn english_fact(f: &Fact<String>, s: &Settlement, lang: Lang) -> Html {
    fact_marked(f, s, lang, &|x: &String| x.clone(), true)
}

fn fact_marked<T: PartialEq>(
    f: &Fact<T>,
    s: &Settlement,
    lang: Lang,
    show: &dyn Fn(&T) -> String,
    english: bool,
) -> Html {
    let mark = |r| marked(shown(r, show), english);
    match f {
        Fact::Unverified { .. } => unverified(lang),
        Fact::Known { main, also } => {
            let differs = also.iter().any(|r| r.value != main.value);
            let also: Vec<Shown> = also.iter().map(mark).collect();
            known(&mark(main), &also, differs, s, lang)
        }
    }
}

/// A sourced fact: the main reading, then every other reading when they differ, or only the
/// other sources when they agree.
#[inline(never)]
fn known(main: &Shown, also: &[Shown], differs: bool, s: &Settlement, lang: Lang) -> Html {
    html! {
        <span class={classes!("fact", differs.then_some("disputed"))}>
            { reading_html(main, s, lang) }
            if differs {
                <span class="fact-differ">
                    { " " }<strong>{ t(K::SourcesDiffer, lang) }</strong>
                    { for also.iter().enumerate().map(|(i, r)| html! {
                        <span class="fact-reading">{ if i == 0 { " " } else { " · " } }{ reading_html(r, s, lang) }</span>
                    }) }
                </span>
            } else if !also.is_empty() {
                <span class="fact-also">
                    { for also.iter().map(|r| html! {
                        <>{ " (" }{ source_link(s, r.source, lang) }{ ")" }</>
                    }) }
                </span>
            }
        </span>
    }
}

/// Quoted wording (class definition, a route's clause) as a block quote with its source.
pub fn clause(f: &Fact<Text>, s: &Settlement, lang: Lang) -> Html {
    match f {
        Fact::Unverified { .. } => html! { <p class="clause-unverified">{ unverified(lang) }</p> },
        Fact::Known { main, also } => {
            let differs = also.iter().any(|r| r.value != main.value);
            let one = |r: &Reading<Text>| {
                html! {
                    <blockquote class="clause">
                        { quoted(&r.value, lang) }
                        <footer>{ "— " }{ source_link(s, r.source, lang) }</footer>
                        if let Some(n) = &r.note { <p class="fact-note">{ n.get(lang) }</p> }
                    </blockquote>
                }
            };
            html! {
                <div class="clause-group">
                    { one(main) }
                    if differs {
                        <p class="fact-differ"><strong>{ t(K::SourcesDiffer, lang) }</strong></p>
                        { for also.iter().filter(|r| r.value != main.value).map(one) }
                    }
                </div>
            }
        }
    }
}

/// Quoted wording: the source's own words in quotation marks. A Spanish page shows our
/// translation as ours (no quotation marks), then the source's English words, quoted and
/// marked `lang="en"`: a translation is never shown as if it were the court's words.
fn quoted(value: &Text, lang: Lang) -> Html {
    if lang == Lang::Es && value.es != value.en {
        html! {
            <>
                <p class="clause-translation">
                    <strong>{ t(K::OurTranslation, lang) }</strong>{ " " }{ value.es.clone() }
                </p>
                <p class="clause-original">
                    { t(K::SourceWordsEnglish, lang) }{ " " }
                    <span lang="en">{ "“" }{ value.en.clone() }{ "”" }</span>
                </p>
            </>
        }
    } else {
        html! { <p>{ "“" }{ value.get(lang) }{ "”" }</p> }
    }
}
