//! A USWDS-style alert: info, warning, success or error, with an optional heading. A plain
//! function, not a component: it has no state, and each component type costs code.

use yew::prelude::*;

/// `kind` is "info", "warning", "success" or "error"; errors and warnings are announced
/// (role "alert"), the others are a status.
pub fn alert(kind: &'static str, id: &'static str, heading: Option<&str>, body: Html) -> Html {
    let role = if kind == "error" || kind == "warning" {
        "alert"
    } else {
        "status"
    };
    html! {
        <div class={classes!("alert", format!("alert-{kind}"))} role={role} id={id}>
            if let Some(h) = heading {
                <h2 class="alert-heading">{ h.to_string() }</h2>
            }
            <div class="alert-body">{ body }</div>
        </div>
    }
}
