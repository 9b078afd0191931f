//! The browser's history, clipboard, share sheet, service worker and task scheduling, in
//! one place: everything else in the app is pure or reactive, and this is what talks to the
//! device.

use crate::engine::date::Point;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The elements matching `selector` inside `container`, as HTML elements.
pub fn elements_in(container: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let Ok(list) = container.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The URL fragment the page was opened with or moved to, `#` included.
pub fn location_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Adds a history entry for `fragment`: Back returns to the one before. The only place
/// that adds one (links the page does not handle go through `hashchange` instead).
pub fn push_url(fragment: &str) {
    flush_url();
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Rewrites the current history entry to `fragment` at once (the app starting on what the
/// static record showed).
pub fn set_url_now(fragment: &str) {
    forget_url_rewrite();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// How long typing may pause before the URL is rewritten. `history.replaceState` costs
/// Chromium about 2.5 ms a call, more than everything else a keystroke does; a person
/// pausing this long to copy the address finds it current.
const REWRITE_AFTER_MS: u32 = 300;

thread_local! {
    /// The rewrite waiting for typing to pause: its timer and its fragment.
    static PENDING: std::cell::RefCell<Option<(gloo::timers::callback::Timeout, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// Rewrites the current history entry to `fragment` (typing) once typing pauses: no entry
/// per keystroke, no `hashchange`. The only place that rewrites one.
pub fn replace_url(fragment: &str) {
    let timer = gloo::timers::callback::Timeout::new(REWRITE_AFTER_MS, flush_url);
    // Replacing the pending rewrite drops its timer, which cancels it.
    PENDING.with(|p| *p.borrow_mut() = Some((timer, fragment.to_string())));
}

/// Drops a waiting rewrite unwritten.
fn forget_url_rewrite() {
    // Dropping the timer cancels it.
    PENDING.with(|p| p.borrow_mut().take());
}

thread_local! {
    /// How many times the URL has moved without the page: see `url_moved`.
    static MOVES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The URL has moved on without the page (Back, Forward, a link the browser followed):
/// typing's work still waiting belongs to the view left, and neither its rewrite nor its
/// search may land on this one.
pub fn url_moved() {
    forget_url_rewrite();
    MOVES.with(|m| m.set(m.get().wrapping_add(1)));
}

/// A mark that changes whenever the URL moves without the page (`url_moved`): work
/// deferred from a keystroke checks it is still on the view it was typed in.
pub fn url_moves() -> u32 {
    MOVES.with(std::cell::Cell::get)
}

/// Writes a waiting rewrite now: before a new history entry, or as the page goes away.
pub fn flush_url() {
    let Some((timer, fragment)) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    timer.cancel();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&fragment));
    }
}

/// Runs `f` once the browser has painted the next frame: a keystroke's letter shows at
/// once, and the work it sets off (new results, counts) follows in a task of its own
/// instead of holding that paint back. A task posted (`next_task`), as the start's are, not
/// a zero timeout: never clamped, and no slower key to results (BENCHMARKS.md); posted as
/// "user-blocking" it ran before the letter's frame, which then waited for the search.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || next_task(f));
}

/// Runs `f` in a task of its own, after the browser has had its turn: `scheduler.postTask`
/// where there is one (ahead of other timers, never clamped), else a zero timeout.
pub fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let scheduler = js_sys::Reflect::get(&window(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let post = scheduler.as_ref().and_then(|s| {
        js_sys::Reflect::get(s, &"postTask".into())
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Function>().ok())
    });
    match (scheduler, post) {
        (Some(scheduler), Some(post)) => {
            let _ = post.call1(&scheduler, &Closure::once_into_js(f));
        }
        _ => set_timeout(f, std::time::Duration::ZERO),
    }
}

/// Runs `f` once the page is idle: after the next paint, and after whatever typing has
/// queued meanwhile (its searches go first), within `at_most_ms`. Where the browser has no
/// idle callbacks (Safari), after the next paint.
pub fn when_idle(f: impl FnOnce() + 'static, at_most_ms: u32) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let idle = js_sys::Reflect::get(&window(), &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(idle) = idle else {
        return after_next_paint(f);
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &at_most_ms.into());
    request_animation_frame(move || {
        let _ = idle.call2(&window(), &Closure::once_into_js(f), &options);
    });
}

/// Whether the page was opened from a file (the one-file edition): no service worker, and
/// no address of its own to share.
pub fn opened_from_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// Where the record is published, ending in `/`: the folder of this page's address, or,
/// opened from a file, the page's canonical address (which the build writes when told
/// `SITE_URL`). `None` for a local copy with none: its `file://` path is a link nobody else
/// can open.
pub fn published_folder() -> Option<String> {
    if opened_from_file() {
        let canonical = document()
            .head()?
            .query_selector("link[rel=canonical]")
            .ok()??
            .get_attribute("href")?;
        if !(canonical.starts_with("https://") || canonical.starts_with("http://")) {
            return None;
        }
        return Some(canonical[..=canonical.rfind('/')?].to_string());
    }
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['#', '?']).next().unwrap_or_default();
    Some(page.rfind('/').map_or(page, |at| &page[..=at]).to_string())
}

/// The address to share for a view of the record (`#doc=…`), or `None` from a local copy
/// with no published address.
pub fn view_url(fragment: &str) -> Option<String> {
    published_folder().map(|folder| format!("{folder}{fragment}"))
}

/// The address to share for a file of the published record (`p/KEY.html`), or `None`.
pub fn file_url(path: &str) -> Option<String> {
    published_folder().map(|folder| format!("{folder}{path}"))
}

/// Today by the reader's clock, in their time zone: the access date an export gives (the
/// engine has no clock).
pub fn today() -> Point {
    let now = js_sys::Date::new_0();
    Point::Day {
        year: now.get_full_year() as i32,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

/// Copies text to the clipboard. Fails where the browser refuses (no permission, an
/// insecure context): the caller then shows the text to copy by hand.
pub async fn copy(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Whether this browser offers the system share sheet (most phones do, most desktops not).
pub fn can_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false)
}

/// Opens the share sheet. A person closing it is not an error worth showing.
pub async fn share(title: &str, text: &str, url: &str) -> Result<(), ()> {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    JsFuture::from(window().navigator().share_with_data(&data))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Registers the service worker (`sw.js`, written by the build) so the page works offline
/// after one visit, and calls `on_update` when a newer build is installed and waiting. A
/// page that cannot register one (a test page, an old browser) simply goes without.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    use gloo::events::EventListener;
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false)
        || opened_from_file()
    {
        return;
    }
    let container = navigator.service_worker();
    let promise = container.register("./sw.js");
    let on_update = std::rc::Rc::new(on_update);
    leptos::task::spawn_local(async move {
        // Refused, or answered with no registration at all (seen where a harness or a
        // hardened browser stands in for the worker): the page goes on without one.
        let Ok(registration) = JsFuture::from(promise)
            .await
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>())
        else {
            return;
        };
        let controlled = || window().navigator().service_worker().controller().is_some();
        // A newer build may already be waiting from an earlier visit.
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        let reg = registration.clone();
        // Both listeners live as long as the page: `forget` keeps them attached.
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(worker) = reg.installing() else {
                return;
            };
            let on_update = on_update.clone();
            let w = worker.clone();
            EventListener::new(&worker, "statechange", move |_| {
                if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            })
            .forget();
        })
        .forget();
    });
}

/// Switches to the waiting build: the new worker takes over, and the page reloads once it
/// has, so every file comes from the same build.
pub fn apply_update() {
    let container = window().navigator().service_worker();
    gloo::events::EventListener::once(&container, "controllerchange", |_| {
        let _ = window().location().reload();
    })
    .forget();
    leptos::task::spawn_local(async move {
        let Ok(ready) = window().navigator().service_worker().ready() else {
            return;
        };
        let Ok(reg) = JsFuture::from(ready).await else {
            return;
        };
        let reg: web_sys::ServiceWorkerRegistration = wasm_bindgen::JsCast::unchecked_into(reg);
        if let Some(waiting) = reg.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
