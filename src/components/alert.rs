//! A USWDS-style alert: info, warning, success or error, with an optional heading.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// "info", "warning", "success" or "error".
    pub kind: AttrValue,
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Alert(p: &Props) -> Html {
    let role = if p.kind == "error" || p.kind == "warning" {
        "alert"
    } else {
        "status"
    };
    html! {
        <div class={classes!("alert", format!("alert-{}", p.kind))} role={role} id={p.id.clone()}>
            if let Some(h) = &p.heading {
                <h2 class="alert-heading">{ h.clone() }</h2>
            }
            <div class="alert-body">{ p.children.clone() }</div>
        </div>
    }
}
