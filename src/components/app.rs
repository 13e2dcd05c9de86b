//! The root: state (a reducer over `state::reduce`), the address bar, the page frame.

use crate::components::{
    browse::Browse, footer::Footer, header::Header, question::QuestionPage, results::ResultsPage,
    settlement_page::SettlementPage, start::Start, summary::Summary,
};
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::route::{self, Route};
use crate::state::{self, Action, Message, State};
use crate::web;
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(state::reduce((*self).clone(), action))
    }
}

/// The app state handle every component reads through context.
pub type Ctx = UseReducerHandle<State>;

fn initial() -> State {
    let today = web::today();
    let route = route::parse(&web::hash());
    let lang = web::browser_lang();
    match web::load_saved() {
        None => State::new(lang, today, route),
        Some(text) => {
            let (answers, saved_lang, msg) = state::restore(pack(), &text, today);
            if msg == Some(Message::Unreadable) {
                web::remove_saved();
                let mut s = State::new(lang, today, route);
                s.message = msg;
                s
            } else {
                State::resumed(saved_lang.unwrap_or(lang), today, route, answers, msg)
            }
        }
    }
}

fn title(s: &State) -> String {
    let lang = s.lang;
    let page = match &s.route {
        Route::Start => return t(K::StartTitle, lang).to_string(),
        Route::Question(q) => pack()
            .question(q)
            .map(|q| q.text.get(lang).to_string())
            .unwrap_or_default(),
        Route::Results => t(K::ResultsTitle, lang).to_string(),
        Route::Summary => t(K::SummaryTitle, lang).to_string(),
        Route::Browse => t(K::BrowseTitle, lang).to_string(),
        Route::Settlement(id) => pack()
            .settlement(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| t(K::NotFound, lang).to_string()),
    };
    fill(K::PageTitle, lang, &[&page])
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial);
    // Set while a route change comes from the address bar, so the app replaces rather than
    // pushes when it corrects the address.
    let from_url = use_mut_ref(|| Cell::new(true));

    {
        let st = state.clone();
        let from_url = from_url.clone();
        use_effect_with((), move |_| {
            // Links, typed addresses and back/forward (between entries whose hash differs).
            let hash_listener = EventListener::new(&web::window(), "hashchange", move |_| {
                from_url.borrow().set(true);
                st.dispatch(Action::Navigate(route::parse(&web::hash())));
            });
            move || drop(hash_listener)
        });
    }
    // Address bar, focus and scroll follow the screen.
    {
        let from_url = from_url.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.route.clone(), move |r| {
            let replace = from_url.borrow().replace(false);
            web::set_hash(&route::to_hash(r), replace);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                web::scroll_top();
                web::focus_heading("page-heading");
            }
        });
    }
    {
        let t = title(&state);
        use_effect_with((state.lang, t), |(lang, t)| {
            web::set_lang_attr(*lang);
            web::set_title(t);
        });
    }
    // Nothing is stored unless "Save my answers on this device" is ticked.
    {
        let saved = state.save.then(|| state::saved_text(&state));
        use_effect_with(saved, |saved| match saved {
            Some(text) => web::write_saved(text),
            None => web::remove_saved(),
        });
    }

    let page = match &state.route {
        Route::Start => html! { <Start /> },
        Route::Question(q) => html! { <QuestionPage key={q.clone()} id={q.clone()} /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Summary => html! { <Summary /> },
        Route::Browse => html! { <Browse /> },
        Route::Settlement(id) => html! { <SettlementPage key={id.clone()} id={id.clone()} /> },
    };
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        web::focus_id("main");
    });
    let lang = state.lang;
    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <a class="skip-link" href="#main" onclick={skip}>{ t(K::SkipToContent, lang) }</a>
            <Header />
            <main id="main" class="container" tabindex="-1">{ page }</main>
            <Footer />
        </ContextProvider<Ctx>>
    }
}
