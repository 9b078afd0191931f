//! The list of documents in the record: title, publisher, date with its precision, kind.

use super::meta::{basis_marker, date_view};
use crate::compiled::corpus;
use crate::engine::model::Basis;
use crate::engine::view::View;
use leptos::prelude::*;

#[component]
pub fn DocumentList() -> impl IntoView {
    let docs = &corpus().documents;
    let items = docs
        .iter()
        .map(|doc| {
            let href = View::home().document_link(&doc.id);
            let supplied = doc.title.basis == Basis::Supplied;
            let n = doc.paragraph_count();
            view! {
                <li class="doc-item">
                    <h3 class="doc-item-title">
                        <a class="doc-link" href=href>{doc.title.value.clone()}</a>
                    </h3>
                    <p class="doc-item-meta">
                        <span class="kind">{corpus().kind_of(doc).label.as_str()}</span>
                        " · "
                        <span>{doc.publisher.value.clone()}</span>
                        {basis_marker(&doc.publisher)}
                        " · "
                        {date_view(doc.date.value)}
                        {basis_marker(&doc.date)}
                        " · "
                        <span>{format!("{n} paragraphs")}</span>
                    </p>
                    {supplied
                        .then(|| {
                            view! {
                                <p class="supplied-note">
                                    "Title supplied by SIM Explorer: the original has none."
                                </p>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="doc-list-section" aria-labelledby="docs-heading">
            <h2 id="docs-heading" tabindex="-1">
                {format!("The record: {} documents", docs.len())}
            </h2>
            <ol class="doc-list">{items}</ol>
            {super::disagreements::list_link()}
            {super::verify::entry_link()}
            {super::collection::entry_link()}
        </section>
    }
}
