//! The browser's clipboard and share sheet, in one place: everything else in the app is
//! pure or reactive, and this is what talks to the device.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The page's address with `fragment` in place of its own: the link to share.
pub fn absolute_url(fragment: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
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
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    let promise = container.register("./sw.js");
    let on_update = std::rc::Rc::new(on_update);
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = || window().navigator().service_worker().controller().is_some();
        // A newer build may already be waiting from an earlier visit.
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        let reg = registration.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let on_update = on_update.clone();
            let w = worker.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Switches to the waiting build: the new worker takes over, and the page reloads once it
/// has, so every file comes from the same build.
pub fn apply_update() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
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
