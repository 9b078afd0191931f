//! Small views shared by the panels: a date with its precision, the marker that says a value
//! is inferred or supplied rather than stated, and text with its search matches marked.

use crate::engine::date::DateSpec;
use crate::engine::model::{Attested, Basis};
use crate::engine::search::Segment;
use leptos::prelude::*;

/// `<time>` where HTML has a datetime form for the date, plain text otherwise.
pub fn date_view(date: DateSpec) -> AnyView {
    let machine = match date {
        DateSpec::On(p) => p.iso(),
        _ => None,
    };
    let words = date.to_string();
    match machine {
        Some(datetime) => view! { <time datetime=datetime>{words}</time> }.into_any(),
        None => view! { <span>{words}</span> }.into_any(),
    }
}

/// "inferred" or "supplied" after a value; stated values need no marker.
pub fn basis_marker<T>(attested: &Attested<T>) -> Option<AnyView> {
    let (class, label) = match attested.basis {
        Basis::Stated => return None,
        Basis::Inferred => ("basis basis-inferred", "inferred"),
        Basis::Supplied => ("basis basis-supplied", "supplied"),
    };
    Some(view! { <span class=class>{label}</span> }.into_any())
}

/// Text with its matches in `<mark>`: text nodes only, so no input ever becomes markup.
pub fn marked(segments: &[Segment]) -> impl IntoView + use<> {
    segments
        .iter()
        .map(|s| {
            if s.mark {
                view! { <mark>{s.text.clone()}</mark> }.into_any()
            } else {
                s.text.clone().into_any()
            }
        })
        .collect_view()
}
