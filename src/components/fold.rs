//! A disclosure (GOV.UK "Details"): a summary line that opens to its body. One function, so
//! that the markup of every fold on every screen is built in one place (each `html!` site costs
//! wasm).

use yew::prelude::*;

/// `<details class id data-testid><summary>…</summary>…</details>`.
pub fn fold(
    class: &'static str,
    id: Option<&'static str>,
    testid: Option<String>,
    summary: Html,
    body: Html,
) -> Html {
    html! {
        <details class={class} id={id} data-testid={testid}>
            <summary>{ summary }</summary>
            { body }
        </details>
    }
}

/// A fold whose body is drawn only while it is open (`open` is the app's record of that, kept
/// by `on_open` from the element's toggle event): for a body that grows with the catalogue.
pub fn lazy_fold(
    class: &'static str,
    id: &'static str,
    open: bool,
    on_open: Callback<bool>,
    summary: Html,
    body: impl FnOnce() -> Html,
) -> Html {
    let ontoggle = Callback::from(move |e: Event| {
        let now = e
            .target_dyn_into::<web_sys::Element>()
            .is_some_and(|d| d.has_attribute("open"));
        if now != open {
            on_open.emit(now);
        }
    });
    html! {
        <details class={class} id={id} {open} {ontoggle}>
            <summary>{ summary }</summary>
            if open { { body() } }
        </details>
    }
}
