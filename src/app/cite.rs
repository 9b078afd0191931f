//! "Copy link", "Copy citation" (plain and Markdown) and "Share" for a passage, an
//! event or a disagreement, with the result said in a status line that screen readers announce.

use super::browser;
use crate::compiled::corpus;
use crate::engine::cite::{self, Format};
use leptos::prelude::*;

/// What is being cited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Passage { doc: usize, passage: usize },
    Event { index: usize },
    Disagreement { index: usize },
}

#[component]
pub fn CiteTools(subject: Subject, fragment: String) -> AnyView {
    if cfg!(sim_without = "cite") {
        return ().into_any();
    }
    // A passage's link is its own page (`p/KEY.html`), which previews the passage where the
    // link is pasted and goes on to it in the record; from the one-file edition, the view.
    let url = match subject {
        Subject::Passage { doc, passage } if !browser::opened_from_file() => {
            let key = &corpus().documents[doc].passages[passage].key;
            browser::sibling_url(&crate::engine::pages::passage_page_path(key))
        }
        _ => browser::absolute_url(&fragment),
    };
    let status = RwSignal::new(String::new());
    // Shown, selected, when the clipboard refuses: the text can still be copied by hand.
    let fallback = RwSignal::new(None::<String>);
    let text_for = {
        let url = url.clone();
        move |format: Format| match subject {
            Subject::Passage { doc, passage } => {
                cite::passage(corpus(), doc, passage, &url, format)
            }
            Subject::Event { index } => cite::event(corpus(), index, &url, format),
            Subject::Disagreement { index } => cite::disagreement(corpus(), index, &url, format),
        }
    };
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            match browser::copy(&text).await {
                Ok(()) => {
                    fallback.set(None);
                    status.set(format!("{what} copied."));
                }
                Err(()) => {
                    fallback.set(Some(text));
                    status.set(format!(
                        "Could not copy: the {} is below, selected.",
                        what.to_lowercase()
                    ));
                }
            }
        });
    };
    let (noun, title) = match subject {
        Subject::Passage { doc, passage } => (
            "paragraph",
            format!(
                "{}, paragraph {}",
                corpus().documents[doc].title.value,
                corpus().documents[doc].passages[passage].number
            ),
        ),
        Subject::Event { index } => ("event", corpus().events[index].title.clone()),
        Subject::Disagreement { index } => (
            "disagreement",
            corpus().disagreements[index].question.clone(),
        ),
    };
    let plain = text_for.clone()(Format::Plain);
    let markdown = text_for(Format::Markdown);
    let link = url.clone();
    let share_text = plain.clone();
    let share = move |_| {
        let (title, text, url) = (title.clone(), share_text.clone(), url.clone());
        leptos::task::spawn_local(async move {
            if browser::share(&title, &text, &url).await.is_ok() {
                status.set("Shared.".to_string());
            }
        });
    };
    view! {
        <div class="cite-tools" role="group" aria-label=format!("Cite this {noun}")>
            <button type="button" on:click=move |_| copy(link.clone(), "Link")>"Copy link"</button>
            <button type="button" on:click=move |_| copy(plain.clone(), "Citation")>
                "Copy citation"
            </button>
            <button type="button" on:click=move |_| copy(markdown.clone(), "Markdown citation")>
                "Copy as Markdown"
            </button>
            {browser::can_share()
                .then(|| view! { <button type="button" on:click=share>"Share"</button> })}
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
