//! "Copy link", "Copy citation" (plain and Markdown), "Share" and "Add to collection" for a
//! passage, an event or a disagreement, with the result said in a status line that screen
//! readers announce.

use super::browser;
use crate::compiled::corpus;
use crate::engine::citable::Citable;
use crate::engine::cite::Format;
use leptos::prelude::*;

/// The link to share: a passage's own page (`p/KEY.html`), which previews the passage where
/// the link is pasted and goes on to it in the record; for events and disagreements, the
/// view. `None` from a local copy that knows no published address.
pub fn link_of(what: Citable) -> Option<String> {
    browser::file_url(&what.address(corpus()))
}

/// Said where "Copy link" would have nothing to copy.
const NO_ADDRESS: &str = "This is a local copy of SIM Explorer with no published address: \
                          citations say so, with no link.";

/// A passage's quick tools, shown while the pointer is over it or it has keyboard focus
/// (the stylesheet decides): open its citations ("Cite", which opens the passage), copy its
/// link, add it to the collection. On touch screens a tap on the passage opens it instead.
#[component]
pub fn PassageTools(doc: usize, passage: usize, on_cite: Callback<()>) -> AnyView {
    if cfg!(sim_without = "cite") {
        return ().into_any();
    }
    let what = Citable::Passage { doc, passage };
    let p = &corpus().documents[doc].passages[passage];
    let status = RwSignal::new(String::new());
    let copy_link = move |_| {
        let Some(url) = link_of(what) else {
            status.set(NO_ADDRESS.to_string());
            return;
        };
        leptos::task::spawn_local(async move {
            // `try_`: the passage may have gone while the clipboard answered.
            let _ = status.try_set(match browser::copy(&url).await {
                Ok(()) => "Link copied.".to_string(),
                Err(()) => "Could not copy: choose “Cite” to see the link.".to_string(),
            });
        });
    };
    view! {
        <span class="passage-tools" role="group" aria-label=p.place_label()>
            <button type="button" on:click=move |_| on_cite.run(())>"Cite"</button>
            <button type="button" on:click=copy_link>"Copy link"</button>
            <super::collection::AddButton what=what.to_ref(corpus()) />
            <span class="tools-status" role="status">{move || status.get()}</span>
        </span>
    }
    .into_any()
}

#[component]
pub fn CiteTools(what: Citable) -> AnyView {
    if cfg!(sim_without = "cite") {
        return ().into_any();
    }
    let url = link_of(what);
    let status = RwSignal::new(String::new());
    // Shown, selected, when the clipboard refuses: the text can still be copied by hand.
    let fallback = RwSignal::new(None::<String>);
    let text_for = {
        let url = url.clone();
        move |format: Format| what.cite(corpus(), url.as_deref(), format)
    };
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            match browser::copy(&text).await {
                Ok(()) => {
                    let _ = fallback.try_set(None);
                    let _ = status.try_set(format!("{what} copied."));
                }
                Err(()) => {
                    let _ = fallback.try_set(Some(text));
                    let _ = status.try_set(format!(
                        "Could not copy: the {} is below, selected.",
                        what.to_lowercase()
                    ));
                }
            }
        });
    };
    let (noun, title) = (what.noun(), what.title(corpus()));
    // What the collection calls it: the same stable ids as the links.
    let item = what.to_ref(corpus());
    let plain = text_for.clone()(Format::Plain);
    let markdown = text_for(Format::Markdown);
    let link = url.clone();
    let share_text = plain.clone();
    let share = move |_| {
        let (title, text) = (title.clone(), share_text.clone());
        let url = url.clone().unwrap_or_default();
        leptos::task::spawn_local(async move {
            if browser::share(&title, &text, &url).await.is_ok() {
                let _ = status.try_set("Shared.".to_string());
            }
        });
    };
    view! {
        <div class="cite-tools" role="group" aria-label=format!("Cite this {noun}")>
            <button
                type="button"
                on:click=move |_| match link.clone() {
                    Some(link) => copy(link, "Link"),
                    None => status.set(NO_ADDRESS.to_string()),
                }
            >
                "Copy link"
            </button>
            <button type="button" on:click=move |_| copy(plain.clone(), "Citation")>
                "Copy citation"
            </button>
            <button type="button" on:click=move |_| copy(markdown.clone(), "Markdown citation")>
                "Copy as Markdown"
            </button>
            {browser::can_share()
                .then(|| view! { <button type="button" on:click=share>"Share"</button> })}
            <super::collection::AddButton what=item />
            <p class="cite-status" role="status">{move || status.get()}</p>
            {move || {
                fallback
                    .get()
                    .map(|text| {
                        view! {
                            <textarea
                                class="cite-fallback"
                                readonly
                                aria-label="Text to copy"
                                prop:value=text
                                on:focus=|ev| {
                                    use wasm_bindgen::JsCast;
                                    if let Some(t) = ev
                                        .target()
                                        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                                    {
                                        t.select();
                                    }
                                }
                            ></textarea>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}
