//! Shared-computer mode (libraries, clinics): the opt-in box on the start screen, and the idle
//! clock with its warning. After 14 minutes without a key, a tap, typing or scrolling, a
//! warning with "Keep my answers" appears (announced at once); after 15 the answers are erased
//! (as "Forget my answers" does) and the start screen shows. The timing is `idle::Idle`'s.

use crate::components::app::Ctx;
use crate::i18n::{t, K};
use crate::idle::{Event as IdleEvent, Idle};
use crate::state::Action;
use crate::web;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Interval;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How often the clock is read.
const TICK_MS: u32 = 5_000;
/// What counts as someone being there (not "scroll": the page scrolls itself, and wheel,
/// touch and keys cover a person scrolling).
const ACTIVITY: [&str; 5] = ["keydown", "pointerdown", "input", "wheel", "touchstart"];

/// The opt-in box on the start screen (a plain function: its state is the app's).
pub fn shared_toggle(st: &Ctx) -> Html {
    let lang = st.lang;
    let toggle = {
        let st = st.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            st.dispatch(Action::SetShared(on));
        })
    };
    html! {
        <div class="shared-panel" id="shared-panel">
            <div class="checkbox">
                <input type="checkbox" id="shared-computer" checked={st.shared} onchange={toggle}
                    aria-describedby="shared-hint" />
                <label for="shared-computer">{ t(K::SharedLabel, lang) }</label>
            </div>
            <p class="hint" id="shared-hint">{ t(K::SharedHint, lang) }</p>
        </div>
    }
}

#[component]
pub fn IdleNotice() -> Html {
    let st = use_context::<Ctx>().expect("state");
    let lang = st.lang;
    let warn = use_state_eq(|| false);
    let clock = use_mut_ref(|| Idle::new(web::now_ms()));
    let has_answers = use_mut_ref(|| false);
    *has_answers.borrow_mut() = !st.answers.is_empty();
    {
        let st = st.clone();
        let warn = warn.clone();
        let clock = clock.clone();
        use_effect_with(st.shared, move |shared| {
            let mut keep: Vec<EventListener> = Vec::new();
            let mut tick = None;
            if *shared {
                clock.borrow_mut().touch(web::now_ms());
                let opts = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: true,
                };
                for name in ACTIVITY {
                    let clock = clock.clone();
                    let warn = warn.clone();
                    keep.push(EventListener::new_with_options(
                        &web::window(),
                        name,
                        opts,
                        move |_| {
                            clock.borrow_mut().touch(web::now_ms());
                            warn.set(false);
                        },
                    ));
                }
                tick = Some(Interval::new(TICK_MS, move || {
                    let now = web::now_ms();
                    let answers = *has_answers.borrow();
                    let event = clock.borrow_mut().tick(now);
                    match event {
                        Some(IdleEvent::Warn) if answers => {
                            warn.set(true);
                            web::scroll_top();
                        }
                        Some(IdleEvent::Erase) => {
                            warn.set(false);
                            if answers {
                                st.dispatch(Action::Forget);
                            }
                        }
                        _ => {}
                    }
                }));
            } else {
                warn.set(false);
            }
            move || {
                drop(keep);
                drop(tick);
            }
        });
    }
    let keep = {
        let warn = warn.clone();
        Callback::from(move |_: MouseEvent| {
            clock.borrow_mut().touch(web::now_ms());
            warn.set(false);
        })
    };
    html! {
        <div id="idle-live" aria-live="assertive" aria-atomic="true">
            if *warn {
                <div class="alert alert-warning idle-notice" id="idle-notice">
                    <h2 class="alert-heading">{ t(K::IdleTitle, lang) }</h2>
                    <div class="alert-body">
                        <p>{ t(K::IdleBody, lang) }</p>
                        <button type="button" class="button" id="idle-keep" onclick={keep}>
                            { t(K::IdleKeep, lang) }
                        </button>
                    </div>
                </div>
            }
        </div>
    }
}
