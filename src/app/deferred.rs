//! A part of the page whose code may arrive after the page's: shown at once when its code is
//! there, else once it has loaded, and if loading fails, a notice with "Try again" in its
//! place while the rest of the page goes on working. The timeline and the pages a first view
//! does not show (an actor's page, the disagreements, "Check a quote", the collection, two
//! accounts side by side) are such parts, each declared by `deferred_part!`: the served
//! page's wasm leaves their code to chunks (`--cfg sim_split`, `.ci/setup.sh`'s
//! `build_split`), the timeline's and one for all the pages, each fetched when a part of it
//! first shows; compiled in (the one-file edition, tests), a part shows at once.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A part's code could not be fetched or compiled (offline with no copy, a network error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// A part's view, as it arrives: ready at once when its code is compiled in.
pub type Arriving = Pin<Box<dyn Future<Output = Result<AnyView, Unavailable>>>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Loading,
    Failed,
    /// Loading again, asked for by "Try again": the notice stays, so its button keeps focus.
    Retrying,
    Shown,
}

/// Shows what `load` gives; `what` names the part in the page's words ("the timeline").
#[component]
pub fn Deferred(load: fn() -> Arriving, what: &'static str) -> impl IntoView {
    let status = RwSignal::new(Status::Loading);
    // The view, between its arrival and its drawing (not `Send`: kept on this thread).
    let arrived = StoredValue::new_local(None::<AnyView>);
    // The part is built under this component, wherever the attempt starts (a click has none).
    let owner = Owner::current().unwrap_or_default();
    attempt(load, status, arrived);
    // Redrawn only between loading, the notice and the part: not as the notice's words change.
    let shown = Memo::new(move |_| match status.get() {
        Status::Retrying => Status::Failed,
        other => other,
    });
    let retried = StoredValue::new(false);
    let part = NodeRef::<leptos::html::Div>::new();
    move || match shown.get() {
        Status::Shown => {
            let view = arrived.try_update_value(Option::take).flatten()?;
            // Arrived after "Try again": focus goes to it, not back to the page's start.
            if retried.get_value() {
                request_animation_frame(move || {
                    if let Some(part) = part.get_untracked() {
                        let _ = part.focus();
                    }
                });
            }
            Some(
                view! { <div class="deferred" tabindex="-1" node_ref=part>{view}</div> }.into_any(),
            )
        }
        Status::Failed | Status::Retrying => {
            let owner = owner.clone();
            let again = move |_| {
                if status.get_untracked() == Status::Failed {
                    retried.set_value(true);
                    owner.with(|| attempt(load, status, arrived));
                }
            };
            let retrying = move || status.get() == Status::Retrying;
            let said = move || {
                if retrying() {
                    format!("Loading {what} again…")
                } else {
                    format!(
                        "{} could not load. Everything else on the page works; check the \
                         connection and try again.",
                        capitalised(what),
                    )
                }
            };
            Some(
                view! {
                    <div class="notice" role="status">
                        <p>{said}</p>
                        <button
                            type="button"
                            aria-disabled=move || retrying().then_some("true")
                            on:click=again
                        >
                            "Try again"
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        Status::Loading => {
            Some(view! { <p class="deferred-note">{format!("Loading {what}…")}</p> }.into_any())
        }
    }
}

/// Starts loading. What is ready at once (code compiled in, or a chunk already loaded) is
/// shown in this same task, so the page draws it as it always did; the rest when it comes,
/// built under the current owner (its components read the page's state from it), and not
/// at all once that owner is gone (the reader moved on).
fn attempt(
    load: fn() -> Arriving,
    status: RwSignal<Status>,
    arrived: StoredValue<Option<AnyView>, LocalStorage>,
) {
    let mut coming = load();
    // `try_`: the part may be gone by then (the reader moved on).
    let settle = move |got: Result<AnyView, Unavailable>| match got {
        Ok(view) => {
            arrived.set_value(Some(view));
            status.try_set(Status::Shown);
        }
        Err(Unavailable) => {
            status.try_set(Status::Failed);
        }
    };
    match coming
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(got) => settle(got),
        Poll::Pending => {
            let asked_again = status.get_untracked() == Status::Failed;
            status.set(if asked_again {
                Status::Retrying
            } else {
                Status::Loading
            });
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                settle(coming.await);
            });
        }
    }
}

fn capitalised(what: &str) -> String {
    let mut chars = what.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Declares `pub fn $name() -> AnyView`, the view `$view` builds: compiled into the page, or
/// in a split build (`--cfg sim_split`) a [`Deferred`] whose code the splitter moves, with
/// all that only it reaches, into `split_$chunk.wasm` (parts that name the same chunk share
/// it). `mod $chunk`'s `preload()` fetches that chunk ahead of its first showing. `$what`
/// names the part in the page's words.
macro_rules! deferred_part {
    ($(#[$doc:meta])* pub fn $name:ident in $chunk:ident, $what:literal => $view:expr) => {
        $(#[$doc])*
        #[cfg(not(all(target_arch = "wasm32", sim_split)))]
        pub fn $name() -> ::leptos::prelude::AnyView {
            use ::leptos::prelude::*;
            IntoAny::into_any($view)
        }

        $(#[$doc])*
        #[cfg(all(target_arch = "wasm32", sim_split))]
        pub fn $name() -> ::leptos::prelude::AnyView {
            use ::leptos::prelude::*;
            use $crate::app::deferred::{Arriving, Deferred, Unavailable};
            fn arriving() -> Arriving {
                Box::pin(async { $chunk::in_its_chunk().await.map_err(|_| Unavailable) })
            }
            view! { <Deferred load=arriving what=$what /> }.into_any()
        }

        /// The split point: the splitter (`wasm-split-cli`) moves `in_its_chunk`, and all
        /// that only it reaches, into a chunk of its own.
        #[cfg(all(target_arch = "wasm32", sim_split))]
        mod $chunk {
            #[allow(unused_imports)]
            use {super::*, ::leptos::prelude::*};
            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(preload)
            )]
            pub(super) fn in_its_chunk(
            ) -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
                Ok(IntoAny::into_any($view))
            }
        }
    };
}
pub(crate) use deferred_part;
