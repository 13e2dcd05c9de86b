//! The organisation picker: a searchable multi-select following the ARIA combobox pattern
//! (USWDS combo box style). Matches names, aliases and typos; chosen organisations show as
//! removable chips. Big touch targets for thumbs at 360 px.
//!
//! Keys: Down / Up move through the results (opening them), Enter chooses the active one,
//! Escape closes the list (a second Escape clears the text).

use crate::i18n::{fill, t, K};
use crate::pack::pack;
use crate::search::{isolate, search, Hit};
use claimcheck_engine::text::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const MAX_HITS: usize = 8;

/// What the question page gives the picker.
pub struct Props<'a> {
    pub selected: &'a [String],
    pub on_change: Callback<Vec<String>>,
    pub invalid: bool,
    pub hint: Option<&'a str>,
}

/// The picker's own state: what is typed, the active option, whether the list is open, what
/// was last announced, and the search box. The question page holds it (a plain function
/// draws the picker: a component type would cost more code).
pub struct Picker {
    query: UseStateHandle<String>,
    active: UseStateHandle<Option<usize>>,
    open: UseStateHandle<bool>,
    live: UseStateHandle<String>,
    input_ref: NodeRef,
}

#[hook]
pub fn use_picker() -> Picker {
    Picker {
        query: use_state(String::new),
        active: use_state(|| None::<usize>),
        open: use_state(|| false),
        live: use_state(String::new),
        input_ref: use_node_ref(),
    }
}

pub fn org_picker(state: &Picker, p: &Props, lang: Lang) -> Html {
    let orgs = &pack().organisations;
    let hits = search(orgs, &state.query, MAX_HITS);
    let expanded = *state.open && !hits.is_empty();
    let toggle = toggler(state, p, lang);
    let hit_ids: Vec<String> = hits.iter().map(|h| orgs[h.index].id.clone()).collect();
    let onkeydown = on_keydown(state, hit_ids, toggle.clone());
    let active_id = state
        .active
        .and_then(|i| hits.get(i))
        .map(|h| format!("org-opt-{}", orgs[h.index].id));
    let q_trim = state.query.trim().to_string();

    html! {
        <div class="combobox" data-testid="org-picker">
            <label class="label" for="org-search">{ t(K::OrgSearchLabel, lang) }</label>
            if let Some(h) = p.hint { <p class="hint" id="org-hint">{ h.to_string() }</p> }
            <p class="hint visually-hidden" id="org-instructions">{ t(K::OrgInstructions, lang) }</p>
            <div class="combo-wrap">
                { search_box(state, p, expanded, active_id, onkeydown, lang) }
                <ul id="org-listbox" class="listbox" role="listbox" aria-multiselectable="true"
                    aria-label={t(K::OrgSearchLabel, lang)} hidden={!expanded}>
                    { for hits.iter().enumerate().map(|(i, h)| option(i, h, state, p.selected, &toggle, lang)) }
                </ul>
            </div>
            if q_trim.chars().count() >= 2 && hits.is_empty() {
                <p class="no-match" id="org-no-match">{ no_match(&q_trim, lang) }</p>
            }
            <div class="visually-hidden" aria-live="polite" id="org-live">{ (*state.live).clone() }</div>
            <h2 class="chosen-title">{ t(K::OrgChosen, lang) }</h2>
            { chosen(p.selected, &toggle, lang) }
        </div>
    }
}

/// Chooses an organisation, or removes it when chosen: says so, empties the search box and
/// keeps the focus in it.
fn toggler(state: &Picker, p: &Props, lang: Lang) -> impl Fn(String) + Clone + 'static {
    let selected = p.selected.to_vec();
    let on_change = p.on_change.clone();
    let query = state.query.clone();
    let active = state.active.clone();
    let live = state.live.clone();
    let input_ref = state.input_ref.clone();
    move |org_id: String| {
        let mut v = selected.clone();
        let name = pack()
            .organisation(&org_id)
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let msg = if let Some(i) = v.iter().position(|x| *x == org_id) {
            v.remove(i);
            fill(K::OrgRemoved, lang, &[&name, &v.len().to_string()])
        } else {
            v.push(org_id);
            fill(K::OrgAdded, lang, &[&name, &v.len().to_string()])
        };
        live.set(msg);
        query.set(String::new());
        active.set(None);
        on_change.emit(v);
        if let Some(el) = input_ref.cast::<HtmlInputElement>() {
            let _ = el.focus();
        }
    }
}

/// Typing: searches, says how many match, opens the list with no option active.
fn on_input(state: &Picker, lang: Lang) -> Callback<InputEvent> {
    let query = state.query.clone();
    let active = state.active.clone();
    let open = state.open.clone();
    let live = state.live.clone();
    Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        let n = search(&pack().organisations, &v, MAX_HITS).len();
        live.set(match n {
            _ if v.trim().chars().count() < 2 => String::new(),
            0 => no_match(v.trim(), lang),
            1 => t(K::OrgResultOne, lang).to_string(),
            n => fill(K::OrgResults, lang, &[&n.to_string()]),
        });
        query.set(v);
        active.set(None);
        open.set(true);
    })
}

/// The keys of the search box (see the module note), over the ids of the hits shown.
fn on_keydown(
    state: &Picker,
    hits: Vec<String>,
    toggle: impl Fn(String) + 'static,
) -> Callback<KeyboardEvent> {
    let active = state.active.clone();
    let open = state.open.clone();
    let query = state.query.clone();
    Callback::from(move |e: KeyboardEvent| {
        let n = hits.len();
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(match *active {
                    Some(i) if i + 1 < n => i + 1,
                    Some(_) => 0,
                    None => 0,
                }));
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(match *active {
                    Some(0) | None => n - 1,
                    Some(i) => i - 1,
                }));
            }
            "Enter" => {
                // Never submit the form from the search box.
                e.prevent_default();
                let pick = match *active {
                    Some(i) => hits.get(i).cloned(),
                    None if n == 1 => hits.first().cloned(),
                    None => None,
                };
                if let Some(id) = pick {
                    toggle(id);
                }
            }
            "Escape" => {
                if *open && n > 0 {
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(String::new());
                }
            }
            _ => {}
        }
    })
}

/// The search box: the combobox, with the list's state and the keys.
fn search_box(
    state: &Picker,
    p: &Props,
    expanded: bool,
    active_id: Option<String>,
    onkeydown: Callback<KeyboardEvent>,
    lang: Lang,
) -> Html {
    let onblur = {
        let open = state.open.clone();
        let active = state.active.clone();
        Callback::from(move |_: FocusEvent| {
            open.set(false);
            active.set(None);
        })
    };
    let onfocus = {
        let open = state.open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let described = if p.hint.is_some() {
        "org-hint org-instructions"
    } else {
        "org-instructions"
    };
    html! {
        <input id="org-search" ref={state.input_ref.clone()} class="input" type="text"
            role="combobox" aria-autocomplete="list" aria-controls="org-listbox"
            aria-expanded={expanded.to_string()} aria-activedescendant={active_id}
            aria-describedby={described} aria-invalid={p.invalid.to_string()}
            autocomplete="off" autocapitalize="none" spellcheck="false"
            value={(*state.query).clone()} oninput={on_input(state, lang)} onkeydown={onkeydown}
            onblur={onblur} onfocus={onfocus} />
    }
}

/// Hit `i` in the list: ticked when chosen, with the alias it matched through. Inlined into
/// the picker: as a call of its own the wasm was about 100 bytes brotli larger (measured).
#[inline(always)]
fn option(
    i: usize,
    h: &Hit,
    state: &Picker,
    selected: &[String],
    toggle: &(impl Fn(String) + Clone + 'static),
    lang: Lang,
) -> Html {
    let o = &pack().organisations[h.index];
    let chosen = selected.contains(&o.id);
    let id = o.id.clone();
    let toggle = toggle.clone();
    // mousedown would blur the input and close the list before the click.
    let keep = Callback::from(|e: MouseEvent| e.prevent_default());
    let click = Callback::from(move |_: MouseEvent| toggle(id.clone()));
    html! {
        <li id={format!("org-opt-{}", o.id)} role="option"
            class={classes!("option", (*state.active == Some(i)).then_some("active"), chosen.then_some("chosen"))}
            aria-selected={chosen.to_string()} data-org={o.id.clone()}
            onmousedown={keep} onclick={click}>
            <span class="option-check" aria-hidden="true">{ if chosen { "✓" } else { "" } }</span>
            <span class="option-text">
                <span class="option-name">{ o.name.clone() }</span>
                if let Some(via) = &h.via {
                    <span class="option-aka">{ fill(K::OrgAka, lang, &[via]) }</span>
                }
            </span>
        </li>
    }
}

/// The organisations chosen, each a chip with its remove button, or that none is.
fn chosen(selected: &[String], toggle: &(impl Fn(String) + Clone + 'static), lang: Lang) -> Html {
    if selected.is_empty() {
        return html! { <p class="hint" id="org-none-chosen">{ t(K::OrgNoneChosen, lang) }</p> };
    }
    html! {
        <ul class="chips" id="org-chips">
            { for selected.iter().map(|id| {
                let name = pack().organisation(id).map(|o| o.name.clone()).unwrap_or_else(|| id.clone());
                let toggle = toggle.clone();
                let id2 = id.clone();
                let remove = Callback::from(move |_: MouseEvent| toggle(id2.clone()));
                html! {
                    <li class="chip" data-org={id.clone()}>
                        <span>{ name.clone() }</span>
                        <button type="button" class="chip-remove" onclick={remove}
                            aria-label={fill(K::OrgRemove, lang, &[&name])}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// What to say when nothing matches: plainly, that the name is not in the catalogue.
fn no_match(typed: &str, lang: claimcheck_engine::text::Lang) -> String {
    let n = pack().organisations.len().to_string();
    fill(K::OrgNoMatch, lang, &[&isolate(typed), &n])
}
