//! The browser: mounting, the panic page, the clock, local storage, downloads, focus, the
//! address bar. Everything else in the app is plain Rust.

use crate::i18n::Builtin;
use crate::ics::Stamp;
use claimcheck_engine::text::Lang;
use claimcheck_engine::{Date, Today};
use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// On a panic, replace the page with a friendly message and a Reload link: never a blank page.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_crash();
    }));
}

/// Replaces the page with a title, a message and a Reload link, in the page's language.
fn show_crash() {
    show_stop_page(None, Builtin::CrashBody);
}

/// Replaces the page with a title, a message and a Reload link, in `lang` or the page's.
fn show_stop_page(lang: Option<Lang>, body: Builtin) {
    show_stop(lang, Builtin::CrashTitle, &|l| body.get(l).to_string());
}

/// The stop page with any title and a message made in the page's language.
fn show_stop(lang: Option<Lang>, title: Builtin, body: &dyn Fn(Lang) -> String) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = lang.unwrap_or_else(|| page_lang(&doc));
    let html = format!(
        r#"<main class="container crash" id="crash" role="alert"><h1>{}</h1><p>{}</p><p><a class="button" href="./" id="reload">{}</a></p></main>"#,
        title.get(lang),
        body(lang),
        Builtin::Reload.get(lang)
    );
    if let Some(body) = doc.body() {
        body.set_inner_html(&html);
    }
    doc.document_element()
        .map(|e| e.set_attribute("lang", if lang == Lang::Es { "es" } else { "en" }));
}

fn page_lang(doc: &web_sys::Document) -> Lang {
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| {
            if l.starts_with("es") {
                Lang::Es
            } else {
                Lang::En
            }
        })
        .unwrap_or(Lang::En)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Defined by the page's loader (scripts/postbuild.py, filled in by `claimcheck pack`):
    /// fetches one pack file (`pack`, the structure, or a language, `en` / `es`) with its
    /// integrity checked, or, in the one-file copy, reads the copy written inside it.
    #[wasm_bindgen(catch, js_name = ccLoadTexts)]
    fn cc_load_texts(lang: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;

    /// Defined by the loader too: replaces the start screen's buttons with the message of
    /// `kind` ("net": could not be downloaded; "bad": arrived changed or damaged), in the
    /// person's language. The loader holds these texts: they must show when no text file came.
    #[wasm_bindgen(catch, js_name = ccStartFailed)]
    fn cc_start_failed(kind: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// Why the pack could not be installed, as the start screen or the stop page tells it.
enum PackFail {
    /// Not downloaded: no connection, or the server did not answer.
    Offline,
    /// Downloaded, but not the file this build expects (its integrity check failed, or it does
    /// not decode as a pack): a captive portal, a filter, tampering.
    Damaged,
    /// A pack of another format version.
    Version { found: u32, reads: u32 },
}

/// The loader rejects with "bad" when a copy came but was not the file (see postbuild.py).
fn fail(e: &wasm_bindgen::JsValue) -> PackFail {
    web_sys::console::error_2(&"claimcheck: a pack file did not load:".into(), e);
    if e.as_string().as_deref() == Some("bad") {
        PackFail::Damaged
    } else {
        PackFail::Offline
    }
}

fn refused(e: crate::pack::PackError) -> PackFail {
    web_sys::console::error_1(&format!("claimcheck: a pack file was refused: {e:?}").into());
    match e {
        crate::pack::PackError::Version { found, reads } => PackFail::Version { found, reads },
        _ => PackFail::Damaged,
    }
}

/// One pack file's bytes, through the loader.
async fn load(name: &str) -> Result<Vec<u8>, PackFail> {
    let promise = cc_load_texts(name).map_err(|e| fail(&e))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| fail(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn code(lang: Lang) -> &'static str {
    if lang == Lang::Es {
        "es"
    } else {
        "en"
    }
}

/// What the first question needs: the directory of `lang` (unless one is in).
async fn fetch_directory(lang: Lang) -> Result<(), PackFail> {
    if crate::pack::directory_lang().is_some() {
        return Ok(());
    }
    let name = format!("dir-{}", code(lang));
    crate::pack::add_directory(&load(&name).await?)
        .map(|_| ())
        .map_err(refused)
}

/// The whole pack: the structure and both languages' texts, fetched and installed unless they
/// already are. The same files for every visit, whatever the person does.
async fn fetch_rest() -> Result<(), PackFail> {
    if !crate::pack::has_structure() {
        crate::pack::add_structure(load("pack").await?).map_err(refused)?;
    }
    for lang in [Lang::En, Lang::Es] {
        if !crate::pack::has_texts(lang) {
            crate::pack::add_texts(&load(code(lang)).await?).map_err(refused)?;
        }
    }
    Ok(())
}

/// What the person sees when the pack cannot be used, in their language, never a start screen
/// that does nothing: before the app is mounted, a file that did not come or came changed is
/// said on the start screen by the loader (which holds those texts, with Reload); once it is
/// mounted (a background file), a page says so with Reload; a pack of another format version
/// gets a page naming both versions.
fn show_pack_failure(lang: Lang, why: PackFail, mounted: bool) {
    match why {
        PackFail::Offline if mounted => show_stop_page(Some(lang), Builtin::TextsFailedBody),
        PackFail::Damaged if mounted => show_stop_page(Some(lang), Builtin::PackDamagedBody),
        PackFail::Offline => {
            let _ = cc_start_failed("net");
        }
        PackFail::Damaged => {
            let _ = cc_start_failed("bad");
        }
        PackFail::Version { found, reads } => show_stop(Some(lang), Builtin::PackTitle, &|l| {
            Builtin::PackVersionBody
                .get(l)
                .replace("{0}", &found.to_string())
                .replace("{1}", &reads.to_string())
        }),
    }
}

/// The language button: switches at once when the texts are in (the usual case: they are
/// fetched right after the app starts), else fetches them first; says so if that fails.
pub fn switch_lang(st: crate::components::app::Ctx, lang: Lang) {
    if crate::pack::ui(lang).is_some() {
        st.dispatch(crate::state::Action::SetLang(lang));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let action = match fetch_rest().await {
            Ok(()) => crate::state::Action::SetLang(lang),
            Err(_) => crate::state::Action::Notify(crate::state::Message::LangUnavailable),
        };
        st.dispatch(action);
    });
}

/// Mounts the app over the start screen that index.html shows before the wasm arrives.
///
/// First the directory of the person's language (what the first question needs; until it
/// arrives the start screen stays as index.html drew it), then the app, then, in the
/// background, the whole pack (structure and both languages), so that every visit fetches the
/// same files whatever the person does. A first state that needs settlements (an address
/// naming a screen or a settlement, saved answers) waits for the whole pack before mounting.
pub fn mount() {
    use crate::components::app;
    let root = document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    let lang = app::first_lang();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(why) = fetch_directory(lang).await {
            show_pack_failure(lang, why, false);
            return;
        }
        if app::first_state_needs_pack() {
            if let Err(why) = fetch_rest().await {
                show_pack_failure(lang, why, false);
                return;
            }
        }
        // Read now, with the pack in: the saved answers, the address's settlement, and any
        // link on the start screen followed while the pack was on its way.
        app::set_initial(app::initial());
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
        match fetch_rest().await {
            Ok(()) => crate::pack::arrived(),
            Err(why) => show_pack_failure(page_lang(&document()), why, true),
        }
    });
}

/// The person's "now" from the browser clock (Playwright's clock can set it in tests).
pub fn today() -> Today {
    let d = js_sys::Date::new_0();
    let date = Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| crate::pack::pack().checked_on);
    let minutes = (d.get_hours() * 60 + d.get_minutes()) as u16;
    // getTimezoneOffset is UTC minus local; the engine wants local minus UTC.
    let offset = -(d.get_timezone_offset() as i32) as i16;
    Today {
        date,
        clock: Some((minutes, offset)),
    }
}

/// Now in UTC, for a calendar file's DTSTAMP.
pub fn now_stamp() -> Stamp {
    let d = js_sys::Date::new_0();
    let date = Date::new(
        d.get_utc_full_year() as i32,
        d.get_utc_month() + 1,
        d.get_utc_date(),
    )
    .unwrap_or_else(|| crate::pack::pack().checked_on);
    Stamp {
        date,
        h: d.get_utc_hours(),
        m: d.get_utc_minutes(),
        s: d.get_utc_seconds(),
    }
}

pub fn browser_lang() -> Lang {
    // The first of navigator.languages (the person's preferred order), else navigator.language.
    let nav = window().navigator();
    let l = nav
        .languages()
        .get(0)
        .as_string()
        .or_else(|| nav.language())
        .unwrap_or_default();
    if l.to_ascii_lowercase().starts_with("es") {
        Lang::Es
    } else {
        Lang::En
    }
}

/// Whether this is the one-file copy opened from disk (`file://`).
pub fn from_file() -> bool {
    window().location().protocol().as_deref() == Ok("file:")
}

/// Local storage, or `None` where the browser blocks it: reading `window.localStorage` itself
/// throws a SecurityError when site data is turned off, so this never unwraps. Never for the
/// one-file copy opened from disk: Chromium gives every `file://` page one shared storage
/// area, which any other HTML file opened on the device could read (or fill).
fn storage() -> Option<web_sys::Storage> {
    if from_file() {
        return None;
    }
    window().local_storage().ok().flatten()
}

pub fn load_saved() -> Option<String> {
    storage()?
        .get_item(crate::state::STORAGE_KEY)
        .ok()
        .flatten()
}

/// Why answers could not be kept on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is turned off or blocked (private modes, site-data settings, sandboxed frames).
    Blocked,
    /// Storage is full (QuotaExceededError).
    Full,
    /// The one-file copy opened from disk: its storage is shared with every local file.
    SharedFile,
}

/// Keeps the saved state where the browser allows it (failures are caught when the person ticks
/// "Save", through `try_write_saved`).
pub fn write_saved(text: &str) {
    let _ = try_write_saved(text);
}

pub fn try_write_saved(text: &str) -> Result<(), StoreError> {
    if from_file() {
        return Err(StoreError::SharedFile);
    }
    let s = storage().ok_or(StoreError::Blocked)?;
    s.set_item(crate::state::STORAGE_KEY, text).map_err(|e| {
        // A DOMException's name, read without needing web-sys's DomException binding.
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            StoreError::Full
        } else {
            StoreError::Blocked
        }
    })
}

pub fn remove_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(crate::state::STORAGE_KEY);
    }
}

/// Whether this page load is a reload (the Navigation Timing entry's `type`); nothing stored.
pub fn reloaded() -> bool {
    use js_sys::Reflect;
    let w = window();
    let Ok(perf) = Reflect::get(w.as_ref(), &"performance".into()) else {
        return false;
    };
    let Ok(f) = Reflect::get(&perf, &"getEntriesByType".into()) else {
        return false;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(list) = f.call1(&perf, &"navigation".into()) else {
        return false;
    };
    let first = js_sys::Array::from(&list).get(0);
    Reflect::get(&first, &"type".into())
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|t| t == "reload")
}

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Puts a screen in the history: the address `h` (a kind of screen, never an answer) and the
/// number `n` in the entry's state, as a new entry or replacing the current one (when the app
/// only corrected an address the person typed or followed, and always in a frame, where a new
/// entry would grow the embedding page's history).
pub fn set_address(h: &str, n: u32, replace: bool) {
    if let Ok(history) = window().history() {
        let n = wasm_bindgen::JsValue::from(n);
        let _ = if replace {
            history.replace_state_with_url(&n, "", Some(h))
        } else {
            history.push_state_with_url(&n, "", Some(h))
        };
    }
}

/// The number the current history entry carries (set by `set_address`), if any.
pub fn history_entry() -> Option<u32> {
    let v = window().history().ok()?.state().ok()?.as_f64()?;
    Some(v as u32)
}

pub fn set_lang_attr(lang: Lang) {
    if let Some(el) = document().document_element() {
        let _ = el.set_attribute("lang", if lang == Lang::Es { "es-US" } else { "en-US" });
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// Moves focus to a new screen's heading without scrolling (the screen starts at the top).
pub fn focus_heading(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
    }
}

pub fn scroll_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

pub fn print() {
    let _ = window().print();
}

/// Saves `text` as a file through a Blob URL: made here, sent nowhere.
pub fn download(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    gloo::timers::callback::Timeout::new(2_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// The address's query string (`?embed&lang=es`), read by `embed::parse`.
pub fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// Milliseconds on the browser clock (Playwright's clock can move it in tests).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Marks the root element (`data-embed`, `data-accent`) for the embed styles in app.css and
/// sets the accent shades through the CSSOM: each value is a `#rrggbb` string built by
/// `Rgb::hex` from three numbers, never text from the address.
pub fn set_root_flags(embed: bool, accent: Option<crate::accent::Palette>) {
    let Some(root) = document().document_element() else {
        return;
    };
    if embed {
        let _ = root.set_attribute("data-embed", "");
    }
    let (Some(p), Ok(el)) = (accent, root.dyn_into::<web_sys::HtmlElement>()) else {
        return;
    };
    let style = el.style();
    for (name, c) in [
        ("--accent", p.light),
        ("--accent-hover", p.light_hover),
        ("--accent-dark", p.dark),
        ("--accent-dark-hover", p.dark_hover),
    ] {
        let _ = style.set_property(name, &c.hex());
    }
    let _ = el.set_attribute("data-accent", "");
}

/// Quick exit: replaces this page (no new history entry) with the neutral page shipped
/// beside the app (the service worker keeps it, so it works offline too). The one-file copy
/// opened from disk has no such page beside it, and any page there shows the file's path: it
/// goes to a blank page, which names nothing.
pub fn leave_page() {
    let loc = window().location();
    let to = if loc.protocol().as_deref() == Ok("file:") {
        "about:blank"
    } else {
        "leave.html"
    };
    let _ = loc.replace(to);
}

/// The one height a frame asks its host for, in CSS pixels. Fixed: a height that followed the
/// content would tell the host page which screens the person saw (each walk ends in its own
/// height), so the frame keeps this height and scrolls inside.
pub const EMBED_HEIGHT: i32 = 900;

/// In a frame, tells the host page once, as `{type: "claimcheck:height", height: 900}`, the
/// height to give the frame. That constant is the only thing ever posted; the target origin is
/// "*" because it reveals nothing.
pub fn post_height() {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &win) {
        return; // not in a frame
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"claimcheck:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &EMBED_HEIGHT.into());
    let _ = parent.post_message(&msg, "*");
}

/// Whether a control on the page owns this Escape press: in the organisation search box
/// (src/components/org_picker.rs) Escape closes the list, then clears the text, so there it
/// never counts toward leaving, whatever the box's state (a person pressing Escape to tidy the
/// box must not lose everything).
pub fn escape_used(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.get_attribute("role"))
        .as_deref()
        == Some("combobox")
}
