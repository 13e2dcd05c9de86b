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
