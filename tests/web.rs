//! Component tests in headless Chromium (wasm-bindgen-test): mount the real components on a
//! real DOM and read what they render. Run with `cargo test --target wasm32-unknown-unknown
//! --test web`; chromedriver comes from Debian (see .ci/setup.sh).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sim_explorer::app::{App, Arriving, Deferred, DocumentList, Reader, State, Unavailable};
use sim_explorer::compiled::corpus;
use sim_explorer::engine::view::View;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the body to mount into; removed by `Drop` so tests don't see each
/// other's DOM.
struct Host(web_sys::HtmlElement);

impl Host {
    fn new() -> Self {
        let element = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&element).unwrap();
        Host(element.unchecked_into())
    }
    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.0.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }
    fn text(&self, selector: &str) -> String {
        self.0
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Leptos 0.8 renders asynchronously: let it run before reading the DOM.
async fn tick() {
    gloo_timers::future::sleep(Duration::from_millis(20)).await;
}

/// Waits until `done` holds, or two seconds have passed: the page does some work in later
/// tasks (a search after the next paint, the timeline after the first screen), which a
/// debug build may take longer than a tick to reach.
async fn eventually(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn document_list_shows_every_document_with_its_metadata() {
    let host = Host::new();
    let _mounted = leptos::mount::mount_to(host.0.clone(), DocumentList);
    tick().await;
    let items = host.all("ol.doc-list > li.doc-item");
    assert_eq!(items.len(), corpus().documents.len());
    assert_eq!(items.len(), 5);
    for (item, doc) in items.iter().zip(&corpus().documents) {
        let text = item.text_content().unwrap();
        assert!(text.contains(&doc.title.value), "{text}");
        assert!(text.contains(&doc.date.value.to_string()), "{text}");
    }
    // Inferred dates are marked as such.
    assert!(!host.all(".basis-inferred").is_empty());
}

#[wasm_bindgen_test]
async fn reader_shows_passages_with_anchors_and_focus() {
    let host = Host::new();
    let doc = &corpus().documents[1];
    let key = &doc.passages[3].key;
    // The reader reads the state of the page, which is the URL.
    let fragment = View::home()
        .with_query("Hampshire police")
        .passage_link(&doc.id, key);
    window().location().set_hash(&fragment).unwrap();
    let _mounted = leptos::mount::mount_to(host.0.clone(), move || {
        provide_context(State::from_location());
        view! { <Reader doc=doc /> }
    });
    tick().await;
    assert_eq!(host.text("#doc-title"), doc.title.value);
    let passages = host.all(".passage");
    assert_eq!(passages.len(), doc.passages.len());
    for (el, p) in passages.iter().zip(&doc.passages) {
        assert_eq!(el.id(), format!("p-{}", p.key));
        let text = el.query_selector(".passage-text").unwrap().unwrap();
        assert_eq!(
            text.text_content().unwrap(),
            p.text,
            "verbatim, marks or not"
        );
    }
    // The search's words are marked in the text.
    let marks: Vec<String> = host
        .all("mark")
        .iter()
        .map(|m| m.text_content().unwrap().to_lowercase())
        .collect();
    // Neighbouring matches share one mark ("Hampshire police"); every mark is the query's
    // words or another form of the name they make, as this report has it ("the force").
    let words: Vec<&str> = marks.iter().flat_map(|m| m.split_whitespace()).collect();
    assert!(words.contains(&"hampshire"), "{marks:?}");
    assert!(
        marks.iter().all(|m| m == "the force"
            || m.split_whitespace()
                .all(|w| w == "hampshire" || w == "police")),
        "{marks:?}"
    );
    assert!(marks.iter().any(|m| m == "the force"), "{marks:?}");
    let focused = host.all(".passage.focused");
    assert_eq!(focused.len(), 1);
    assert_eq!(focused[0].id(), format!("p-{}", doc.passages[3].key));
}

#[wasm_bindgen_test]
async fn app_follows_the_fragment_and_explains_bad_links() {
    let host = Host::new();
    let location = window().location();
    let doc = &corpus().documents[0];
    location.set_hash(&format!("doc={}", doc.id)).unwrap();
    let _mounted = leptos::mount::mount_to(host.0.clone(), App);
    tick().await;
    assert_eq!(host.text("#doc-title"), doc.title.value);

    location.set_hash("doc=no-such-document").unwrap();
    tick().await;
    assert_eq!(host.all("li.doc-item").len(), 5);
    assert!(host.text(".notice").contains("Document not found"));

    location.set_hash("").unwrap();
    eventually(|| host.all(".notice").is_empty()).await;
    assert!(host.all(".notice").is_empty(), "{}", host.text(".notice"));
}

#[wasm_bindgen_test]
async fn typing_a_search_shows_ranked_marked_results() {
    let host = Host::new();
    window().location().set_hash("").unwrap();
    let _mounted = leptos::mount::mount_to(host.0.clone(), App);
    tick().await;
    let input: web_sys::HtmlInputElement = host
        .0
        .query_selector("#search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("Wesex");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    eventually(|| !host.all("ol.results > li.result").is_empty()).await;
    let results = host.all("ol.results > li.result");
    assert!(!results.is_empty());
    assert!(host.text(".result-count").ends_with("passages match."));
    for r in &results {
        let marks = r.query_selector_all("mark").unwrap();
        assert!(marks.length() > 0);
        // The mark covers the word as written, possessive included ("Wessex’s").
        let mark = marks
            .item(0)
            .unwrap()
            .text_content()
            .unwrap()
            .to_lowercase();
        assert!(mark.starts_with("wessex"), "{mark}");
    }
    // The URL holds the search once typing pauses, without a history entry per keystroke.
    gloo_timers::future::sleep(Duration::from_millis(400)).await;
    assert_eq!(window().location().hash().unwrap(), "#q=Wesex");

    input.set_value("zzqqxx");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    eventually(|| host.text(".result-count") == "No passages match.").await;
    assert_eq!(host.text(".result-count"), "No passages match.");
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn actor_page_separates_its_words_its_reported_position_and_its_mentions() {
    let host = Host::new();
    let index = corpus().actor_index("paul-jennings").unwrap();
    let _mounted = leptos::mount::mount_to(host.0.clone(), move || {
        provide_context(State::from_location());
        view! { <sim_explorer::app::ActorPage index=index /> }
    });
    tick().await;
    assert_eq!(host.text("#actor-name"), "Paul Jennings");
    let me = index as u16;
    let all = corpus().documents.iter().flat_map(|d| &d.passages);
    let said = all
        .clone()
        .filter(|p| p.actors.iter().any(|x| x.actor == me && x.said))
        .count();
    let reported = all
        .clone()
        .filter(|p| p.actors.iter().any(|x| x.actor == me && x.reported))
        .count();
    assert!(reported > 0, "Jennings's denial is reported, not quoted");
    let named = all
        .filter(|p| p.actors.iter().any(|x| x.actor == me && x.mentioned))
        .count();
    assert_eq!(
        host.all("section[aria-labelledby=said-heading] li.result")
            .len(),
        said
    );
    assert_eq!(
        host.all("section[aria-labelledby=reported-heading] li.result")
            .len(),
        reported
    );
    assert_eq!(
        host.all("section[aria-labelledby=named-heading] li.result")
            .len(),
        named
    );
    assert_eq!(
        host.all(".actor-chart rect").len(),
        corpus().documents.len()
    );
}

/// A part whose code comes after the page's (the timeline in a split build): drawn at once when
/// its code is there, as before.
#[wasm_bindgen_test]
async fn a_part_whose_code_is_there_is_drawn_at_once() {
    fn ready() -> Arriving {
        Box::pin(std::future::ready(Ok(
            view! { <p class="arrived">"Here"</p> }.into_any(),
        )))
    }
    let host = Host::new();
    let _mounted = leptos::mount::mount_to(host.0.clone(), || {
        view! { <Deferred load=ready what="the part" /> }
    });
    // In the mounting task itself: no "Loading", no frame without it.
    assert_eq!(host.all(".arrived").len(), 1);
    assert!(host.all(".deferred-note").is_empty());
}

/// Else "Loading", and when loading fails, a notice with "Try again", which loads it afresh
/// and draws it (`tests/e2e/split.test.mjs` checks the same with the timeline's real chunk).
#[wasm_bindgen_test]
async fn a_part_that_fails_to_load_says_so_and_comes_when_tried_again() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static TRIES: AtomicUsize = AtomicUsize::new(0);
    fn flaky() -> Arriving {
        Box::pin(async {
            // The second try takes longer: time to see the notice while it loads again.
            let wait = if TRIES.load(Ordering::SeqCst) == 0 {
                30
            } else {
                400
            };
            gloo_timers::future::sleep(Duration::from_millis(wait)).await;
            if TRIES.fetch_add(1, Ordering::SeqCst) == 0 {
                Err(Unavailable)
            } else {
                Ok(view! { <p class="arrived">"Here"</p> }.into_any())
            }
        })
    }
    let host = Host::new();
    let _mounted = leptos::mount::mount_to(host.0.clone(), || {
        view! { <Deferred load=flaky what="the part" /> }
    });
    assert_eq!(host.text(".deferred-note"), "Loading the part…");
    eventually(|| !host.all(".notice button").is_empty()).await;
    assert!(
        host.text(".notice p")
            .starts_with("The part could not load."),
        "{}",
        host.text(".notice p")
    );
    assert!(host.all(".arrived").is_empty());
    let button = host.all(".notice button")[0].clone();
    let button = button.unchecked_ref::<web_sys::HtmlElement>();
    button.focus().unwrap();
    button.click();
    tick().await;
    // While it loads again, the notice stays (its button keeps focus) and says so.
    assert_eq!(host.text(".notice p"), "Loading the part again…");
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(button.is_connected());
    eventually(|| !host.all(".arrived").is_empty()).await;
    assert_eq!(host.text(".arrived"), "Here");
    assert!(host.all(".notice").is_empty());
    assert_eq!(TRIES.load(Ordering::SeqCst), 2);
    // Focus goes to what arrived, not back to the page's start.
    let focused = || {
        document()
            .active_element()
            .is_some_and(|e| e.class_name() == "deferred")
    };
    eventually(focused).await;
    assert!(focused());
}
