//! The click handlers many views share: dispatch an action, or move focus, instead of what the
//! link or button would do by itself. One function each, so the code for each is in the
//! binary once, not once per view.

use crate::components::app::Ctx;
use crate::state::Action;
use crate::web;
use yew::prelude::*;

/// On click, dispatch `action` (the link is not followed).
pub fn dispatch_on_click(st: &Ctx, action: Action) -> Callback<MouseEvent> {
    let st = st.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        st.dispatch(action.clone());
    })
}

/// On click, move focus to the element with this id: an in-page `#id` link would change the
/// route.
pub fn focus_on_click(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        web::focus_id(&id);
    })
}
