//! The root: state (a reducer over `state::reduce`), the address bar, the page frame, and the
//! page-wide behaviours: the address's settings (`embed::parse`), the accent colour, the height
//! posted to a host page, Leave (button and Escape twice), shared-computer mode.

use crate::components::clock_notice::clock_notice;
use crate::components::header::{header, leave_action};
use crate::components::param_notice::ParamNotice;
use crate::components::shared::{shared_toggle, IdleNotice};
use crate::components::{
    browse::browse, footer::Footer, question::QuestionPage, results::results_page,
    settlement_page::settlement_page, start::start, summary::summary,
};
use crate::embed::{self, Params, Problem};
use crate::exit_keys::{EscapeTwice, Press};
use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::route::{self, Route};
use crate::state::{self, Action, Message, State};
use crate::view::{self, Outcome};
use crate::web;
use claimcheck_engine::Pack;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(crate::early::reduce((*self).clone(), action))
    }
}

/// The app state handle every component reads through context.
pub type Ctx = UseReducerHandle<State>;

/// The address's settings, read once against the pack's settlement ids (so only once the pack
/// is in: `web::mount` calls `initial` after it has arrived).
pub fn params() -> &'static (Params, Vec<Problem>) {
    static P: OnceLock<(Params, Vec<Problem>)> = OnceLock::new();
    P.get_or_init(|| {
        let ids: Vec<&str> = pack().settlements.iter().map(|s| s.id.as_str()).collect();
        embed::parse(&web::search(), &ids)
    })
}

thread_local! {
    /// The state `web::mount` computed before the texts arrived, for the reducer to start from.
    static INITIAL: std::cell::RefCell<Option<State>> = const { std::cell::RefCell::new(None) };
}

/// Hands the first state to the app about to be mounted.
pub fn set_initial(s: State) {
    INITIAL.with(|i| *i.borrow_mut() = Some(s));
}

fn take_initial() -> State {
    INITIAL
        .with(|i| i.borrow_mut().take())
        .unwrap_or_else(initial)
}

/// The first state: the address's settings, the saved answers (if any), the language.
/// The language to fetch the pack's texts in, before the pack is in (which `initial` needs):
/// the address's `lang`, else the saved answers' language, else the browser's.
pub fn first_lang() -> claimcheck_engine::text::Lang {
    // Not `params()`: it is read once, against the pack's settlement ids, not in yet.
    let (params, _) = embed::parse(&web::search(), &[]);
    let saved = web::load_saved()
        .and_then(|text| claimcheck_engine::saved::read(&text))
        .and_then(|read| read.saved.lang);
    params.lang.or(saved).unwrap_or_else(web::browser_lang)
}

/// Whether the first state needs the whole pack (settlements), not only the directory: an
/// address naming a screen or a settlement, or saved answers.
pub fn first_state_needs_pack() -> bool {
    web::search().contains("settlement=") || !web::hash().is_empty() || web::load_saved().is_some()
}

/// The first state, once the pack is in (saved answers and the address's settlement are read
/// against it).
pub fn initial() -> State {
    let (params, _) = params();
    let today = web::today();
    let hash = web::hash();
    // `settlement=ID` opens that settlement's page (its facts, deadlines and official site,
    // with "Check if I am in it"), unless the address already names a screen.
    let route = match &params.settlement {
        Some(id) if hash.is_empty() => Route::Settlement(id.clone()),
        _ => route::parse(&hash),
    };
    let lang = params.lang.unwrap_or_else(web::browser_lang);
    let mut s = match web::load_saved() {
        // A reload in the middle of a walk with Save off: say why the answers are gone.
        None if web::reloaded() && route.is_walk() => {
            let mut s = State::new(pack(), lang, today, route);
            s.message = Some(Message::NotKept);
            s
        }
        None => State::new(pack(), lang, today, route),
        Some(text) => {
            let (answers, saved_lang, msg) = state::restore(pack(), &text, today);
            if msg == Some(Message::Unreadable) {
                web::remove_saved();
                let mut s = State::new(pack(), lang, today, route);
                s.message = msg;
                s
            } else {
                let lang = params.lang.or(saved_lang).unwrap_or(lang);
                State::resumed(pack(), lang, today, route, answers, msg)
            }
        }
    };
    s.shared = params.shared;
    s
}

/// The page's title, which the browser also keeps in its history: where the person is (WCAG
/// 2.4.2) without a question's words or a settlement's name ("Question 3 — claimcheck"). No
/// "of N": how many questions there are depends on the answers.
fn title(s: &State) -> String {
    let lang = s.lang;
    let page = match &s.route {
        Route::Start => return t(K::StartTitle, lang).to_string(),
        Route::Question(q) => {
            let path = &s.path;
            let n = path.iter().position(|x| x == q).unwrap_or(path.len()) + 1;
            fill(K::QuestionN, lang, &[&n.to_string()])
        }
        Route::Results => t(K::ResultsTitle, lang).to_string(),
        Route::Summary => t(K::SummaryTitle, lang).to_string(),
        Route::Browse => t(K::BrowseTitle, lang).to_string(),
        Route::Settlement(_) => t(K::SettlementTitle, lang).to_string(),
    };
    fill(K::PageTitle, lang, &[&page])
}

thread_local! {
    /// The screens of the history entries this page made (`route::Entries`).
    static ENTRIES: std::cell::RefCell<route::Entries> = std::cell::RefCell::default();
}

/// The screen a history entry stands for: the one this page kept under its number, else what
/// its address says (an address typed, or an entry of an earlier visit to the page).
fn entry_route() -> Route {
    web::history_entry()
        .and_then(|n| ENTRIES.with(|e| e.borrow().recall(n)))
        .unwrap_or_else(|| route::parse(&web::hash()))
}

/// The app's own links (`href="#/..."`) switch screens without being followed, so that no
/// address naming a question or a settlement is ever visited (the browser keeps every address
/// visited); the screen change then writes its neutral address.
fn in_app_link(e: &Event) -> Option<Route> {
    if e.default_prevented() {
        return None;
    }
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let href = target
        .closest("a[href^='#/']")
        .ok()??
        .get_attribute("href")?;
    Some(route::parse(&href))
}

/// The screen's evaluation (`view::outcome`), computed again only when the answers, the day
/// (both counted by `State::revision`), the kind of screen or the pack change: not when a fold
/// opens or the language changes.
#[hook]
fn use_outcome(st: &State) -> Rc<Outcome> {
    let needs = view::needs(&st.route);
    let pack_at = pack() as *const Pack as usize;
    use_memo((st.revision, needs, pack_at), |_| {
        view::outcome(pack(), &st.answers, st.today, needs)
    })
}

/// The screen itself, drawn from the state and its evaluation.
fn page(state: &Ctx, outcome: &Outcome) -> Html {
    match (&state.route, &outcome.mine) {
        _ if crate::early::waiting() => crate::early::loading(state.lang),
        (Route::Start, _) => start(state),
        (Route::Question(q), _) => html! { <QuestionPage key={q.clone()} id={q.clone()} /> },
        (Route::Results, Some(mine)) => results_page(state, mine),
        (Route::Summary, Some(mine)) => summary(state, mine),
        // (Never: the outcome is memoised on the kind of screen.)
        (Route::Results | Route::Summary, None) => crate::early::loading(state.lang),
        (Route::Browse, _) => browse(state, outcome),
        (Route::Settlement(id), _) => settlement_page(state, id, outcome),
    }
}

/// The address bar follows the screen and the screen follows the address bar: typed addresses,
/// back and forward, in-app links; on each new screen, scroll to the top and focus its heading.
#[hook]
fn use_navigation(state: &Ctx) {
    // Set while a route change comes from the address bar, so the app replaces rather than
    // pushes when it corrects the address.
    let from_url = use_mut_ref(|| Cell::new(true));
    {
        let st = state.clone();
        let from_url = from_url.clone();
        use_effect_with((), move |_| {
            // Typed addresses and back/forward.
            let pop = EventListener::new(&web::window(), "popstate", move |_| {
                from_url.borrow().set(true);
                st.dispatch(Action::Navigate(entry_route()));
            });
            move || drop(pop)
        });
    }
    {
        let st = state.clone();
        use_effect_with((), move |_| {
            let links = EventListener::new_with_options(
                &web::document(),
                "click",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if let Some(r) = in_app_link(e) {
                        e.prevent_default();
                        st.dispatch(Action::Navigate(r));
                    }
                },
            );
            move || drop(links)
        });
    }
    let first = use_mut_ref(|| true);
    let embed = params().0.embed;
    use_effect_with(state.route.clone(), move |r| {
        let replace = from_url.borrow().replace(false) || embed;
        let n = ENTRIES.with(|e| e.borrow_mut().remember(r.clone()));
        web::set_address(route::to_hash(r), n, replace);
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            web::scroll_top();
            web::focus_heading("page-heading");
        }
    });
}

/// What the page leaves in the browser: its title and language (never an answer), the saved
/// answers only while "Save my answers on this device" is ticked, and, on Leave, nothing.
#[hook]
fn use_traces(state: &Ctx) {
    {
        let t = title(state);
        use_effect_with((state.lang, t), |(lang, t)| {
            web::set_lang_attr(*lang);
            web::set_title(t);
        });
    }
    // Nothing is stored unless "Save my answers on this device" is ticked.
    {
        let saved = state
            .save
            .then(|| state::saved_text(state, pack().checked_on));
        use_effect_with(saved, |saved| match saved {
            Some(text) => web::write_saved(text),
            None => web::remove_saved(),
        });
    }
    // Quick exit: Leave on the site replaces the page with the neutral one once the cleared
    // state has been drawn (so not even a cached copy of this page holds an answer).
    use_effect_with(state.leaving, |leaving| {
        if *leaving {
            web::remove_saved();
            web::leave_page();
        }
    });
}

/// Page-wide, once: root flags and accent, heights to the host, Escape twice to leave.
#[hook]
fn use_page_wide(state: &Ctx, embed: bool, accent: Option<crate::accent::Palette>) {
    let st = state.clone();
    use_effect_with((), move |_| {
        web::set_root_flags(embed, accent);
        if embed {
            web::post_height();
        }
        let mut pair = EscapeTwice::default();
        let opts = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        let keys = EventListener::new_with_options(&web::window(), "keydown", opts, move |e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let press = if k.key() != "Escape" || k.repeat() || k.is_composing() {
                Press::Other
            } else if web::escape_used(e) {
                Press::EscapeUsed
            } else {
                Press::Escape
            };
            if pair.press(web::now_ms(), press) {
                st.dispatch(leave_action(embed));
            }
        });
        move || drop(keys)
    });
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(take_initial);
    {
        let st = state.clone();
        use_effect_with((), move |_| {
            crate::pack::when_ready(move || st.dispatch(Action::Arrived));
        });
    }
    use_navigation(&state);
    use_traces(&state);
    let params = &params().0;
    let embed = params.embed;
    use_page_wide(&state, embed, params.accent.map(crate::accent::palette));

    let outcome = use_outcome(&state);
    let page = page(&state, &outcome);
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        web::focus_id("main");
    });
    let lang = state.lang;
    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <a class="skip-link" href="#main" onclick={skip}>{ t(K::SkipToContent, lang) }</a>
            { header(&state, embed) }
            <main id="main" class="container" tabindex="-1">
                <ParamNotice />
                <IdleNotice />
                { clock_notice(&state) }
                { page }
                if state.route == Route::Start { { shared_toggle(&state) } }
            </main>
            <Footer />
        </ContextProvider<Ctx>>
    }
}
