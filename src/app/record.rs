//! The whole record as plain HTML, rendered at build time by the page's own components
//! (Leptos renders them natively to a string): the header and search box, the list of
//! documents, every document with every passage under its `p-KEY` id, the people and
//! organisations with their descriptions, the events with their dates and sources, and
//! "About this record".
//! `src/bin/record.rs` writes it into `index.html`, so the page reads before the
//! WebAssembly arrives, without it, and without JavaScript; the app replaces it in one step.
//!
//! Every link is the app's own (`#doc=…&p=…`, `#actor=…`, `#ev=…`), and the element it
//! names carries that very string as its id, so the links work as in-page links here.

use super::meta::date_view;
use super::{
    ActorFilterPanel, DisagreementsPage, DocumentList, Reader, SearchBox, SiteFooter, SiteHeader,
    State, StaticRecord,
};
use crate::compiled::corpus;
use crate::engine::view::View;
use leptos::prelude::*;

/// The static record's HTML: one `<div id="record">`, ready to stand in the page's body.
pub fn static_record() -> String {
    Owner::new().with(|| {
        provide_context(State::for_view(View::home().resolve(corpus()).0, None));
        provide_context(StaticRecord);
        // Without Leptos's `<!>` markers: they guide hydration, and the app never hydrates
        // this record (it replaces it), so they were 22 KB (0.3 KB brotli) of nothing.
        // Text and attributes are escaped, so `<!>` is never the record's own words.
        view! { <Record /> }.to_html().replace("<!>", "")
    })
}

#[component]
fn Record() -> impl IntoView {
    let c = corpus();
    let documents = c
        .documents
        .iter()
        .map(|doc| view! { <Reader doc=doc /> })
        .collect_view();
    view! {
        <div id="record" class="static-record">
            <SiteHeader compact=Signal::stored(false) />
            <SearchBox />
            <main id="main">
                // Filled by the page's small script: a notice for a link naming something
                // the record lacks, and results of a plain search without WebAssembly.
                <div id="static-notice" class="notice" role="status" hidden></div>
                <section
                    id="static-results"
                    class="results-section"
                    aria-labelledby="static-results-heading"
                    hidden
                >
                    <h2 id="static-results-heading">"Search results"</h2>
                    <p id="static-search-note" class="partial-note"></p>
                    <p class="result-count" role="status"></p>
                    <ol class="results" aria-label="Search results"></ol>
                </section>
                // Drawn as the app draws it, so the app takes over without moving the list;
                // shown only where the app will run it.
                <ActorFilterPanel />
                <DocumentList />
                {documents}
                <super::compare::StaticComparisons />
                <div id="dis=all" class="static-disagreements">
                    <DisagreementsPage />
                </div>
                <Actors />
                <Events />
                <super::about::AboutPage />
            </main>
            <SiteFooter />
        </div>
    }
}

/// Every person and organisation, with what the record says of them.
#[component]
fn Actors() -> impl IntoView {
    let items = corpus()
        .actors
        .iter()
        .map(|actor| {
            view! {
                <li id=View::home().actor_link(&actor.id)[1..].to_string()>
                    <h3>{actor.name.clone()}</h3>
                    <p class="kind">{actor.kind.name()}</p>
                    <p class="actor-description">{actor.description.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="actors" class="static-actors" aria-labelledby="actors-heading">
            <h2 id="actors-heading">"People and organisations"</h2>
            <ul>{items}</ul>
        </section>
    }
}

/// Every dated event, in date order, with any disagreement and the passages that state it.
#[component]
fn Events() -> impl IntoView {
    let c = corpus();
    let source_links = |list: &[(u16, u16)]| {
        list.iter()
            .map(|&(d, p)| {
                let doc = &c.documents[usize::from(d)];
                let passage = &doc.passages[usize::from(p)];
                view! {
                    " "
                    <a href=View::home().passage_link(&doc.id, &passage.key)>
                        {doc.label_of(passage)}
                    </a>
                }
            })
            .collect_view()
    };
    let items = c
        .events
        .iter()
        .map(|e| {
            let claims = e
                .claims
                .iter()
                .map(|claim| {
                    view! {
                        <p class="dispute">
                            {format!("Also given as {}:", claim.date)}
                            {source_links(&claim.sources)}
                        </p>
                    }
                })
                .collect_view();
            view! {
                <li id=View::home().event_link(&e.id)[1..].to_string()>
                    <p>{date_view(e.date)} " — " <strong>{e.title.clone()}</strong></p>
                    <p class="sources">"Stated in:" {source_links(&e.sources)}</p>
                    {claims}
                    {e.disagreement.and_then(|d| super::disagreements::markers(vec![usize::from(d)], None))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="events" class="static-events" aria-labelledby="events-heading">
            <h2 id="events-heading">{format!("Events ({})", c.events.len())}</h2>
            <ol>{items}</ol>
        </section>
    }
}
