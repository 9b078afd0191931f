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
