//! The reader's collection on the page: "Add to collection" beside every passage, event and
//! disagreement, the collection itself (`#col=`) to reorder, annotate, export, print and
//! share, and a shared collection (`#col=p.KEY,…`) shown apart, merged only when asked.
//! The collection is kept on this device with `gloo-storage` (local storage, as the text
//! `engine::collection` writes, without gloo's JSON layer: serde_json would add 8.4 KB
//! brotli to wrap text in a string) and nowhere else; where storage is blocked or full it lasts for the session, and the page says so.
//! What a collection is, and how it is stored, read back and exported, is `engine`'s.

use super::browser;
use crate::compiled::corpus;
use crate::engine::citable::{Citable, Ref};
use crate::engine::collection::{self, plural, Collection, Item};
use crate::engine::export::{self, Format, Origin};
use crate::engine::view::View;
use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Where the collection is kept on the device.
const KEY: &str = "sim-explorer.collection";
/// Where stored text that could not be read is kept, so nothing is lost for good.
const UNREADABLE_KEY: &str = "sim-explorer.collection.unreadable";

/// The collection and what the page must say about keeping it. `Copy`: signal handles.
#[derive(Clone, Copy)]
pub struct Shelf {
    pub items: RwSignal<Collection>,
    /// Said on the collection page: storage blocked or full, data recovered or reset.
    pub notice: RwSignal<Option<String>>,
    /// The last item removed and where it was, for "Undo".
    removed: RwSignal<Option<(usize, Item)>>,
}

/// The shelf, provided by `App`.
pub fn shelf() -> Shelf {
    expect_context::<Shelf>()
}

/// Local storage, if this browser lets the page use it: reading `localStorage` throws in a
/// browser that blocks it, and gloo-storage would turn that throw into a panic.
fn storage_available() -> bool {
    window().local_storage().ok().flatten().is_some()
}

const BLOCKED: &str = "This browser does not let the page keep anything on this device (a \
    private window, or storage blocked), so your collection lasts only while this tab is open. \
    Export it before you close the tab.";

impl Shelf {
    /// Reads the collection kept on this device and follows changes made in other tabs.
    pub fn load() -> Shelf {
        let (collection, notice) = read_and_repair_stored();
        let shelf = Shelf {
            items: RwSignal::new(collection),
            notice: RwSignal::new(notice),
            removed: RwSignal::new(None),
        };
        // Another tab changed the collection: show its version, so neither tab writes over
        // the other's additions.
        if storage_available() {
            let listener = window_event_listener(leptos::ev::storage, move |ev| {
                if ev.key().as_deref() == Some(KEY) {
                    let (collection, _) = read_and_repair_stored();
                    shelf.items.set(collection);
                }
            });
            on_cleanup(move || listener.remove());
        }
        shelf
    }

    /// Changes the collection and keeps the change on the device.
    pub fn update(&self, change: impl FnOnce(&mut Collection)) {
        self.items.update(change);
        self.save();
    }

    fn save(&self) {
        if !storage_available() {
            self.notice.set(Some(BLOCKED.to_string()));
            return;
        }
        let text = self.items.with_untracked(Collection::to_storage);
        if LocalStorage::raw().set_item(KEY, &text).is_err() {
            self.notice.set(Some(
                "Your collection could not be saved on this device (its storage is full or \
                 blocked): it is kept while this tab is open. Export it before you close the \
                 tab."
                    .to_string(),
            ));
        } else if self
            .notice
            .with_untracked(|n| n.as_deref() == Some(BLOCKED))
        {
            self.notice.set(None);
        }
    }

    pub fn contains(&self, what: &Ref) -> bool {
        self.items.with(|c| c.contains(what))
    }

    /// Takes an item out, remembering it for "Undo".
    pub fn remove(&self, what: &Ref) {
        let mut taken = None;
        self.update(|c| taken = c.remove(what));
        self.removed.set(taken);
    }

    pub fn undo_remove(&self) {
        if let Some((at, item)) = self.removed.get_untracked() {
            self.update(|c| c.restore(at, item));
            self.removed.set(None);
        }
    }
}

/// The stored collection, and a notice when it was blocked, damaged or foreign. Damaged or
/// foreign text is set aside under its own key and the readable part written back, so the
/// damage is reported once.
fn read_and_repair_stored() -> (Collection, Option<String>) {
    if !storage_available() {
        return (Collection::default(), Some(BLOCKED.to_string()));
    }
    let text = LocalStorage::raw()
        .get_item(KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let loaded = Collection::from_storage(&text);
    if loaded.notice.is_some() {
        let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &text);
        let _ = LocalStorage::raw().set_item(KEY, &loaded.collection.to_storage());
    }
    (loaded.collection, loaded.notice)
}

/// The words an item holds, verbatim: the passage, or the first passage stating the event;
/// a disagreement has none of its own (its positions are on its page).
fn item_words(found: Citable) -> Option<String> {
    let c = corpus();
    let text = |(d, p): (usize, usize)| c.documents[d].passages[p].text.clone();
    match found {
        Citable::Passage { doc, passage } => Some(text((doc, passage))),
        Citable::Event(i) => c.events[i]
            .sources
            .first()
            .map(|&(d, p)| text((usize::from(d), usize::from(p)))),
        Citable::Disagreement(_) => None,
    }
}

/// The source of an item's words: "Disability News Service · 29 April 2021".
fn item_source(found: Citable) -> Option<String> {
    let c = corpus();
    let at = match found {
        Citable::Passage { doc, .. } => doc,
        Citable::Event(i) => usize::from(c.events[i].sources.first()?.0),
        Citable::Disagreement(i) => {
            let n = c.disagreements[i].positions.len();
            return Some(format!("{n} positions, each quoted from its source"));
        }
    };
    let d = &c.documents[at];
    Some(format!("{} · {}", d.publisher.value, d.date.value))
}

/// "Add to collection", pressed while the item is in it (pressing again takes it out).
/// Nothing where there is no collection (the static record, which has no app).
#[component]
pub fn AddButton(what: Ref) -> impl IntoView {
    use_context::<Shelf>().map(|s| add_button(s, what))
}

fn add_button(s: Shelf, what: Ref) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let inside = {
        let what = what.clone();
        Memo::new(move |_| s.contains(&what))
    };
    let toggle = move |_| {
        if inside.get_untracked() {
            s.remove(&what);
            status.set("Removed from your collection.".to_string());
        } else {
            s.update(|c| {
                c.add(what.clone());
            });
            let n = s.items.with_untracked(Collection::len);
            status.set(format!("Added: your collection has {}.", plural(n, "item")));
        }
    };
    view! {
        <button type="button" class="add-button" aria-pressed=move || inside.get().to_string() on:click=toggle>
            {move || if inside.get() { "In your collection" } else { "Add to collection" }}
        </button>
        <span class="add-status" role="status">
            {move || status.get()}
            {move || {
                (!status.get().is_empty() && inside.get())
                    .then(|| {
                        view! {
                            " "
                            <a href=View::home().open_collection().to_url()>"Open your collection"</a>
                        }
                    })
            }}
        </span>
    }
}

/// The way in, on the home page, with the count (not in the static record, nor wherever
/// no collection is provided: it needs the app and the device's storage).
pub fn entry_link() -> impl IntoView {
    let shelf = use_context::<Shelf>().filter(|_| !super::in_static_record());
    shelf.map(|s| {
        view! {
            <p class="check-entry collection-entry">
                <a href=View::home().open_collection().to_url()>"Your collection"</a>
                {move || {
                    let n = s.items.with(Collection::len);
                    if n == 0 {
                        " — passages, events and disagreements you gather to cite, kept on this device."
                            .to_string()
                    } else {
                        format!(" — {}, kept on this device.", plural(n, "item"))
                    }
                }}
            </p>
        }
    })
}

/// The way to the collection while reading, beside the way back, once it holds anything.
pub fn bar_link() -> impl IntoView {
    use_context::<Shelf>().map(|s| {
        move || {
            let n = s.items.with(Collection::len);
            (n > 0).then(|| {
                view! {
                    <a class="collection-link" href=View::home().open_collection().to_url()>
                        {format!("Your collection ({n})")}
                    </a>
                }
            })
        }
    })
}

/// The collection page: the reader's own (`#col=`), or one shared with them.
#[component]
pub fn CollectionPage(codes: Memo<String>) -> impl IntoView {
    move || {
        let codes = codes.get();
        if codes.is_empty() {
            view! { <OwnCollection /> }.into_any()
        } else {
            let (refs, _) = crate::engine::collection::parse_shared(&codes);
            view! { <SharedCollection refs=refs /> }.into_any()
        }
    }
}

/// One item's heading, words and source, as the collection and a shared one show it.
fn item_body(what: &Ref, found: Option<Citable>) -> AnyView {
    match found {
        Some(found) => {
            let words = item_words(found)
                .map(|w| view! { <blockquote class="collection-quote">{w}</blockquote> });
            view! {
                <p class="collection-kind">{what.noun()}</p>
                <h3 class="collection-title">
                    <a href=found.fragment(corpus())>{found.title(corpus())}</a>
                </h3>
                {words}
                <p class="collection-source">{item_source(found)}</p>
            }
            .into_any()
        }
        None => view! {
            <p class="collection-missing">
                <strong>"No longer in the record: "</strong>
                {format!("the {} “{}”. ", what.noun(), what.id())}
                "It stays here, with your note, until you remove it."
            </p>
        }
        .into_any(),
    }
}

/// The way back to the record and the collection page's heading, which focus lands on.
fn heading(title: &'static str) -> impl IntoView {
    view! {
        <p class="back">
            <a href="#">"← The record"</a>
        </p>
        <h2 id="collection-heading" tabindex="-1">{title}</h2>
    }
}

#[component]
fn OwnCollection() -> impl IntoView {
    let s = shelf();
    let status = RwSignal::new(String::new());
    let count = Memo::new(move |_| s.items.with(Collection::len));
    let refs = Memo::new(move |_| {
        s.items
            .with(|c| c.items.iter().map(|i| i.what.clone()).collect::<Vec<_>>())
    });
    let missing = Memo::new(move |_| {
        s.items
            .with(|c| collection::missing(corpus(), &c.items).len())
    });
    // A move takes the row out of the list and puts it back (keyed, the same nodes): the
    // button pressed loses focus, which goes back to it once the row is in place.
    let refocus = |button: NodeRef<leptos::html::Button>| {
        browser::after_next_paint(move || {
            if let Some(button) = button.try_get_untracked().flatten() {
                let _ = button.focus();
            }
        })
    };
    // One row per item, keyed by its id: a move, an addition or a removal keeps every
    // other row's nodes (and what is typed in its note); each row reads its own position.
    let row = move |what: Ref| {
        let found = what.resolve(corpus());
        let code = what.code();
        let position = Memo::new({
            let what = what.clone();
            move |_| s.items.with(|c| c.position(&what)).unwrap_or(0)
        });
        let note_id = format!("note-{code}");
        let (up_id, down_id) = (format!("up-{code}"), format!("down-{code}"));
        let (up_button, down_button) = (NodeRef::new(), NodeRef::new());
        let note = s
            .items
            .with_untracked(|c| c.position(&what).map(|at| c.items[at].note.clone()))
            .unwrap_or_default();
        let (w1, w2, w3) = (what.clone(), what.clone(), what.clone());
        let label = match found {
            Some(f) => f.title(corpus()),
            None => format!("{} {}", what.noun(), what.id()),
        };
        view! {
            <li class="collection-item" class:missing=found.is_none()>
                {item_body(&what, found)}
                <label class="collection-note-label" for=note_id.clone()>
                    "Your note (stays on this device)"
                </label>
                <textarea
                    id=note_id
                    class="collection-note"
                    rows="2"
                    prop:value=note.clone()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        s.update(|c| c.set_note(&w1, &text));
                    }
                ></textarea>
                <p class="print-only collection-note-print">
                    {move || {
                        s.items.with(|c| c.position(&w3).map(|i| c.items[i].note.clone()))
                    }}
                </p>
                <div
                    class="collection-actions"
                    role="group"
                    aria-label=move || format!("Item {}: {label}", position.get() + 1)
                >
                    <button
                        type="button"
                        id=up_id
                        node_ref=up_button
                        disabled=move || position.get() == 0
                        on:click=move |_| {
                            let at = position.get_untracked();
                            s.update(|c| c.move_item(at, at.saturating_sub(1)));
                            status.set(format!("Moved up to position {}.", at.max(1)));
                            refocus(up_button);
                        }
                    >
                        "Move up"
                    </button>
                    <button
                        type="button"
                        id=down_id
                        node_ref=down_button
                        disabled=move || { position.get() + 1 >= count.get() }
                        on:click=move |_| {
                            let at = position.get_untracked();
                            s.update(|c| c.move_item(at, at + 1));
                            status.set(format!("Moved down to position {}.", at + 2));
                            refocus(down_button);
                        }
                    >
                        "Move down"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| {
                            s.remove(&w2);
                            status.set("Removed.".to_string());
                        }
                    >
                        "Remove"
                    </button>
                </div>
            </li>
        }
    };
    let undo = move |_| {
        s.undo_remove();
        status.set("Put back.".to_string());
    };
    view! {
        <section class="collection" aria-labelledby="collection-heading">
            {heading("Your collection")}
            {move || {
                s.notice
                    .get()
                    .map(|text| view! { <p class="notice collection-notice" role="status">{text}</p> })
            }}
            <p class="collection-about">
                {move || match count.get() {
                    0 => "Nothing collected yet. Open a passage, an event or a disagreement and \
                          choose “Add to collection”: it is kept on this device only, with any \
                          note you add, ready to export as citations."
                        .to_string(),
                    n => format!(
                        "{}, kept on this device only. Your notes are private: exports include \
                         them, shared links do not.",
                        plural(n, "item")
                    ),
                }}
            </p>
            {move || {
                (missing.get() > 0)
                    .then(|| {
                        view! {
                            <p class="notice">
                                {match missing.get() {
                                    1 => "1 item is no longer in this version of the record: kept, and marked below.".to_string(),
                                    n => format!("{n} items are no longer in this version of the record: kept, and marked below."),
                                }}
                            </p>
                        }
                    })
            }}
            <p class="collection-status" role="status">
                {move || status.get()}
                {move || {
                    s.removed
                        .get()
                        .is_some()
                        .then(|| view! { " " <button type="button" class="link-button" on:click=undo>"Undo"</button> })
                }}
            </p>
            <ol class="collection-items">
                <For each=move || refs.get() key=Ref::code children=row />
            </ol>
            {move || (count.get() > 0).then(|| view! { <ExportTools /> })}
        </section>
    }
}

/// Export in each format (download or copy), print, and a link to share the ids.
#[component]
fn ExportTools() -> impl IntoView {
    let s = shelf();
    let status = RwSignal::new(String::new());
    let text_of = move |format: Format| {
        let folder = browser::published_folder();
        let origin = Origin {
            folder: folder.as_deref(),
            today: browser::today(),
        };
        s.items
            .with(|c| export::export(corpus(), &c.items, &origin, format))
    };
    let copy = move |text: String, what: String| {
        leptos::task::spawn_local(async move {
            // `try_`: the collection may have closed while the clipboard answered.
            let _ = match browser::copy(&text).await {
                Ok(()) => status.try_set(format!("{what} copied.")),
                Err(()) => status.try_set(format!(
                    "Could not copy {what}: this browser refused. Use the download instead."
                )),
            };
        });
    };
    let missing = Memo::new(move |_| {
        s.items
            .with(|c| collection::missing(corpus(), &c.items).len())
    });
    let formats = Format::ALL
        .into_iter()
        .map(|format| {
            let href = move || {
                format!(
                    "data:{};charset=utf-8,{}",
                    format.mime(),
                    String::from(js_sys::encode_uri_component(&text_of(format)))
                )
            };
            view! {
                <li>
                    <span class="export-format">{format.label()}</span>
                    <a
                        class="export-download"
                        href=href
                        download=format!("sim-explorer-collection.{}", format.extension())
                        id=format!("download-{}", format.key())
                    >
                        "Download"
                        <span class="visually-hidden">{format!(" as {}", format.label())}</span>
                    </a>
                    <button
                        type="button"
                        id=format!("copy-{}", format.key())
                        on:click=move |_| copy(text_of(format), format.label().to_string())
                    >
                        "Copy"
                        <span class="visually-hidden">{format!(" as {}", format.label())}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let share = move |_| {
        let codes = s.items.with_untracked(Collection::share_value);
        match browser::view_url(&View::home().open_shared(&codes).to_url()) {
            Some(url) => copy(url, "The link to this collection".to_string()),
            None => status.set(
                "This is a local copy of SIM Explorer with no published address: a link to \
                 share needs the published page."
                    .to_string(),
            ),
        }
    };
    view! {
        <section class="export" aria-labelledby="export-heading">
            <h3 id="export-heading">"Export and share"</h3>
            <p class="export-about">
                "Every item with its words verbatim, its source and how each detail is known, \
                and your note. CSL-JSON is what Zotero, Pandoc and the Word and Google Docs \
                citation plug-ins read; RIS and BibTeX suit most other reference managers."
                {move || {
                    (missing.get() > 0)
                        .then(|| {
                            format!(
                                " Items no longer in the record are listed in Markdown and plain \
                                 text only ({} left out of the others).",
                                missing.get()
                            )
                        })
                }}
            </p>
            <ul class="export-formats">{formats}</ul>
            <p class="export-more">
                <button type="button" on:click=move |_| {
                    let _ = window().print();
                }>"Print"</button>
                <button type="button" id="share-collection" on:click=share>
                    "Copy a link to share"
                </button>
                " The link carries which items, in order; never your notes."
            </p>
            <p class="export-status" role="status">{move || status.get()}</p>
        </section>
    }
}

/// A collection someone shared: shown as it is, merged into the reader's own only when they
/// choose to.
#[component]
fn SharedCollection(refs: Vec<Ref>) -> impl IntoView {
    let s = shelf();
    let status = RwSignal::new(String::new());
    let refs = StoredValue::new(refs);
    let new_ones = Memo::new(move |_| {
        refs.with_value(|r| {
            s.items
                .with(|c| r.iter().filter(|x| !c.contains(x)).count())
        })
    });
    let merge = move |_| {
        let mut added = 0;
        refs.with_value(|r| s.update(|c| added = c.merge(r)));
        status.set(format!(
            "Added {} to your collection.",
            plural(added, "item")
        ));
    };
    let total = refs.with_value(Vec::len);
    let rows = refs.with_value(|r| {
        r.iter()
            .map(|what| {
                let found = what.resolve(corpus());
                let inside = {
                    let what = what.clone();
                    Memo::new(move |_| s.contains(&what))
                };
                view! {
                    <li class="collection-item" class:missing=found.is_none()>
                        {item_body(what, found)}
                        {move || inside.get().then(|| view! { <p class="collection-in">"In your collection"</p> })}
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <section class="collection shared" aria-labelledby="collection-heading">
            {heading("A shared collection")}
            <p class="collection-about">
                {format!(
                    "Someone shared {} from the record with you. Shared links carry which items, \
                     never anyone’s notes. Nothing is added to your own collection unless you \
                     choose to.",
                    plural(total, "item")
                )}
            </p>
            <p class="collection-merge">
                {move || match new_ones.get() {
                    0 => view! { "Every item here is in your collection." }.into_any(),
                    n => view! {
                        <button type="button" id="merge-collection" on:click=merge>
                            {format!("Add {} to your collection", plural(n, "item"))}
                        </button>
                    }
                    .into_any(),
                }}
                " "
                <a href=View::home().open_collection().to_url()>"Open your collection"</a>
            </p>
            <p class="collection-status" role="status">{move || status.get()}</p>
            <ol class="collection-items">{rows}</ol>
        </section>
    }
}

super::deferred::deferred_part! {
    /// The collection and its exports, as the page shows them: in a split build, their code
    /// is in the pages' chunk, fetched when the first of them opens.
    pub fn collection_page in pages, "your collection" =>
        view! { <CollectionPage codes=crate::app::state().collection /> }
}
