//! The name finders on the page, thin over `engine::finder`: the actor filter's name box
//! (the actors ranked as letters are typed, the matched letters marked) and "Go to", a
//! dialog holding an ARIA 1.2 combobox that opens any document, actor, event or
//! disagreement by its name (opened by the header's button, or `g` / Ctrl+K when no field
//! has the keys).

use super::state;
use crate::compiled::corpus;
use crate::engine::finder::{find, find_named, marked, named_things, Found, Named};
use leptos::either::Either;
use leptos::prelude::*;

/// Most matches "Go to" lists: enough to see the choice, few enough to read.
const SHOWN: usize = 8;

/// `text` with the characters at `indices` in `<mark>`.
fn marked_view(text: &str, indices: &[usize]) -> impl IntoView {
    marked(text, indices)
        .into_iter()
        .map(|(run, on)| match on {
            true => Either::Left(view! { <mark>{run}</mark> }),
            false => Either::Right(run),
        })
        .collect_view()
}

/// A found name: its matched letters marked, or, found by another form (an actor's alias),
/// the name then that form, marked.
fn found_label(name: &str, aliases: &[String], f: &Found) -> AnyView {
    match f.form {
        0 => marked_view(name, &f.indices).into_any(),
        n => view! {
            {name.to_string()}
            <span class="found-form">" (" {marked_view(&aliases[n - 1], &f.indices)} ")"</span>
        }
        .into_any(),
    }
}

/// The actors whose names hold the letters typed in the filter's name box, best first.
pub fn actor_matches(typed: RwSignal<String>) -> Memo<Vec<Found>> {
    Memo::new(move |_| {
        typed.with(|t| {
            find(
                t,
                corpus()
                    .actors
                    .iter()
                    .map(|a| (a.name.as_str(), a.aliases.as_slice())),
            )
        })
    })
}

/// The actor filter's name box, with a count of the actors found (said politely).
pub fn actor_name_box(typed: RwSignal<String>, found: Memo<Vec<Found>>) -> impl IntoView {
    let count = move || {
        if typed.with(|t| t.trim().is_empty()) {
            return String::new();
        }
        match found.with(Vec::len) {
            0 => "No actor’s name has those letters in that order.".to_string(),
            1 => "1 actor found".to_string(),
            n => format!("{n} actors found, best match first"),
        }
    };
    view! {
        <div class="name-finder">
            <label for="actor-find">"Find an actor by name"</label>
            <input
                id="actor-find"
                type="search"
                autocomplete="off"
                spellcheck="false"
                prop:value=typed
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <p class="find-count" role="status">{count}</p>
        </div>
    }
}

/// The actors found, ranked, each drawn by `row` (its index and its marked label).
pub fn ranked_actors(
    found: Memo<Vec<Found>>,
    row: impl Fn(usize, AnyView) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let items = found.with(|found| {
            found
                .iter()
                .map(|f| {
                    let a = &corpus().actors[f.index];
                    row(f.index, found_label(&a.name, &a.aliases, f))
                })
                .collect_view()
        });
        view! { <ul class="actor-matches" aria-label="Actors found, best match first">{items}</ul> }
    }
}

/// "Go to": a dialog with one combobox. Letters typed list the named things whose names
/// hold them, best first, the first one active, so the key that opens it, a letter or two
/// and Enter reach a thing; Up and Down move through the list, Escape clears what was
/// typed, then closes.
#[component]
pub fn GoTo(open: RwSignal<bool>) -> impl IntoView {
    let s = state();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    // Built when first opened, not with the page.
    let things: StoredValue<Option<Vec<Named>>> = StoredValue::new(None);
    let found = Memo::new(move |_| {
        let t = typed.get();
        if !open.get() {
            return Vec::new();
        }
        things.update_value(|v| {
            v.get_or_insert_with(|| named_things(corpus()));
        });
        things.with_value(|v| {
            let mut f = find_named(&t, v.as_deref().unwrap_or(&[]));
            f.truncate(SHOWN);
            f
        })
    });
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
                i.select();
            }
        } else if d.open() {
            d.close();
        }
    });
    let go = move |n: usize| {
        let Some(link) = found.with_untracked(|f| {
            f.get(n)
                .and_then(|f| things.with_value(|v| v.as_ref().map(|v| v[f.index].link.clone())))
        }) else {
            return;
        };
        open.set(false);
        typed.set(String::new());
        s.follow(&link);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = found.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => active.update(|a| *a = (*a + 1) % n),
            "ArrowUp" if n > 0 => active.update(|a| *a = (*a + n - 1) % n),
            "Home" | "End" if n > 0 && ev.ctrl_key() => {
                active.set(if ev.key() == "Home" { 0 } else { n - 1 })
            }
            "Enter" => go(active.get_untracked()),
            // The first Escape clears the box (the list goes with it); the next one is the
            // dialog's own, which closes it.
            "Escape" if !typed.with_untracked(String::is_empty) => typed.set(String::new()),
            _ => return,
        }
        ev.prevent_default();
    };
    let expanded = move || found.with(|f| !f.is_empty());
    let option_id = |n: usize| format!("go-to-option-{n}");
    let options = move || {
        found.with(|found| {
            things.with_value(|v| {
                let v = v.as_deref().unwrap_or(&[]);
                found
                    .iter()
                    .enumerate()
                    .map(|(n, f)| {
                        let t = &v[f.index];
                        view! {
                            <li
                                role="option"
                                id=option_id(n)
                                class="go-to-option"
                                aria-selected=move || (active.get() == n).to_string()
                                on:click=move |_| go(n)
                            >
                                <span class="go-to-kind">{t.kind.label()}</span>
                                <span class="go-to-name">{found_label(&t.name, &t.aliases, f)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let status = move || {
        let n = found.with(Vec::len);
        match (typed.with(|t| t.trim().is_empty()), n) {
            (true, _) => "Type a few letters of a name or title.".to_string(),
            (false, 0) => {
                "Nothing in the record has a name with those letters in that order.".to_string()
            }
            (false, 1) => "1 match: Enter opens it.".to_string(),
            (false, n) => {
                format!("{n} matches, best first: Enter opens the first, or use Up and Down.")
            }
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="go-to"
            aria-labelledby="go-to-label"
            on:close=move |_| {
                open.set(false);
                typed.set(String::new());
            }
        >
            <label id="go-to-label" for="go-to-input">
                "Go to a document, actor, event or disagreement"
            </label>
            <input
                node_ref=input
                id="go-to-input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="go-to-list"
                aria-describedby="go-to-status"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || expanded().then(|| option_id(active.get()))
                prop:value=typed
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key
            />
            <ul id="go-to-list" role="listbox" aria-label="Matches" hidden=move || !expanded()>
                {options}
            </ul>
            <p id="go-to-status" class="go-to-status" role="status">{status}</p>
            <button type="button" class="go-to-close" on:click=move |_| open.set(false)>
                "Close"
            </button>
        </dialog>
    }
}
