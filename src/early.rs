//! The app before the whole pack is in. At start only the directory (the first question's
//! organisations and the question bank) is; the settlements follow in the background. An
//! action that needs them (an answer, Back, a screen other than the start screen) is kept and
//! replayed, in order, against the whole pack when it arrives (`Action::Arrived`); meanwhile
//! the app says it is loading. "Start" shows the bank's first question at once, and is
//! replayed too, so the whole pack decides the walk: never a verdict from part of it.
//!
//! Knows nothing of fetching (`web::mount`) nor of the pack's bytes.

use crate::i18n::{t, K};
use crate::pack::{pack, ready};
use crate::route::Route;
use crate::state::{self, Action, State};
use claimcheck_engine::text::Lang;
use std::cell::{Cell, RefCell};
use yew::prelude::*;

thread_local! {
    static KEPT: RefCell<Vec<Action>> = const { RefCell::new(Vec::new()) };
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

fn keep(a: Action) {
    KEPT.with(|k| k.borrow_mut().push(a));
}

/// Whether an action waits for the whole pack (the app shows "loading" meanwhile).
pub fn waiting() -> bool {
    WAITING.with(Cell::get)
}

/// `state::reduce`, with the actions that need settlements kept until they are in.
pub fn reduce(s: State, action: Action) -> State {
    if action == Action::Arrived {
        WAITING.with(|w| w.set(false));
        let kept = KEPT.with(|k| std::mem::take(&mut *k.borrow_mut()));
        let p = pack();
        let s = state::reduce(p, s, Action::Arrived);
        return kept.into_iter().fold(s, |s, a| state::reduce(p, s, a));
    }
    if ready() {
        return state::reduce(pack(), s, action);
    }
    match action {
        Action::Begin { fresh: true } => {
            keep(action);
            let mut s = s;
            s.message = None;
            s.changing = false;
            s.answers.clear();
            s.rewalk(pack());
            if let Some(q) = pack().questions.first() {
                s.route = Route::Question(q.id.clone());
            }
            s
        }
        Action::Navigate(ref r) if *r == s.route => {
            keep(action);
            s
        }
        Action::Navigate(Route::Start) => {
            keep(action.clone());
            state::reduce(pack(), s, action)
        }
        Action::Begin { .. } | Action::Answer(..) | Action::Back | Action::Change(_) => {
            keep(action);
            WAITING.with(|w| w.set(true));
            s
        }
        Action::Navigate(_) => {
            keep(action);
            WAITING.with(|w| w.set(true));
            s
        }
        Action::Forget | Action::Leave => {
            KEPT.with(|k| k.borrow_mut().clear());
            WAITING.with(|w| w.set(false));
            state::reduce(pack(), s, action)
        }
        _ => state::reduce(pack(), s, action),
    }
}

/// What the page shows while an action waits for the whole pack (scrolled into view: the
/// screen it replaces may have been long).
pub fn loading(lang: Lang) -> Html {
    html! { <Loading {lang} /> }
}

#[derive(Properties, PartialEq)]
struct LoadingProps {
    lang: Lang,
}

#[component]
fn Loading(p: &LoadingProps) -> Html {
    use_effect_with((), |_| crate::web::scroll_top());
    html! {
        <section class="loading" aria-busy="true">
            <p role="status">{ t(K::LoadingDetails, p.lang) }</p>
        </section>
    }
}
