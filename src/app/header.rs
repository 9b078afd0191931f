//! The page's header: the record's name, the links to "About this record" and "Go to",
//! what the record is, and the care note. The static record writes it and the app keeps
//! that very element (see `start` in `mod.rs`).

use super::about::CareNote;
use super::in_static_record;
use leptos::prelude::*;

/// The page's header: what the record is. While reading or searching it shrinks to its
/// title (`compact`), so on a phone the text or the results start on the first screen.
#[component]
pub fn SiteHeader(compact: Signal<bool>) -> impl IntoView {
    view! {
        <header
            id="site-header"
            class="site-header"
            class:compact=compact
            class:live=!in_static_record()
        >
            <div class="header-bar">
                <h1>
                    <a href="#">"SIM Explorer"</a>
                </h1>
                <nav class="header-links" aria-label="Help and navigation">
                    <a href="#about">"About this record"</a>
                    // Shown once the app runs (`live`): without it there is nothing to open.
                    <button
                        type="button"
                        class="go-to-open"
                        aria-haspopup="dialog"
                        aria-keyshortcuts="g Control+K"
                    >
                        "Go to…"
                        <kbd aria-hidden="true">"g"</kbd>
                    </button>
                </nav>
            </div>
            // Hidden by the stylesheet while the header is compact.
            <p class="lede">
                "The public record of Serenity Integrated Mentoring (SIM), a scheme that put \
                police officers into NHS mental health care in England: its spread, the \
                campaign against it and NHS England’s response, 2012–2023. Every passage \
                is quoted word for word from its source."
            </p>
            <CareNote />
        </header>
    }
}
