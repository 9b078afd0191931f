//! The reading view of one document: its metadata with how each value is known, then its
//! passages, each with its anchor (the passage's stable ID) and a link to itself.

use super::meta::{basis_marker, date_view, marked};
use crate::compiled::{corpus, search_index};
use crate::engine::model::{Attested, Basis, Document};
use crate::engine::view::View;
use leptos::prelude::*;

/// `query`: the search text, whose matches are marked in every passage.
#[component]
pub fn Reader(
    doc: &'static Document,
    focus: Memo<Option<String>>,
    query: Memo<String>,
) -> impl IntoView {
    let doc_index = corpus()
        .documents
        .iter()
        .position(|d| d.id == doc.id)
        .unwrap_or_default();
    let highlighted = Memo::new(move |_| {
        query.with(|q| search_index().highlight_document(corpus(), doc_index, q))
    });
    let passages = doc
        .passages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // Passage links keep the search, so its matches stay marked after following one.
            let href = move || {
                View {
                    query: query.get(),
                    doc: Some(doc.id.clone()),
                    passage: Some(p.key.clone()),
                    ..View::default()
                }
                .to_url()
            };
            let text = move || highlighted.with(|h| marked(&h[i]));
            let id = format!("p-{}", p.key);
            let key = p.key.clone();
            let focused = move || focus.with(|f| f.as_deref() == Some(key.as_str()));
            if p.heading {
                view! {
                    <h3 class="passage passage-heading" id=id tabindex="-1" class:focused=focused>
                        <a class="anchor" href=href aria-label=format!("Section {}", p.number)>
                            "§"
                        </a>
                        " "
                        <span class="passage-text">{text}</span>
                    </h3>
                }
                .into_any()
            } else {
                // The focused passage (opened by its link or its number) offers citing.
                let key = p.key.clone();
                let cite_here = move || focus.with(|f| f.as_deref() == Some(key.as_str()));
                let fragment = View {
                    doc: Some(doc.id.clone()),
                    passage: Some(p.key.clone()),
                    ..View::default()
                }
                .to_url();
                view! {
                    <p class="passage" id=id tabindex="-1" class:focused=focused>
                        <a class="anchor" href=href aria-label=format!("Paragraph {}", p.number)>
                            {p.number}
                        </a>
                        " "
                        <span class="passage-text">{text}</span>
                        {super::actors::involvement_line(p)}
                    </p>
                    {move || {
                        cite_here()
                            .then(|| {
                                view! {
                                    <super::cite::CiteTools
                                        subject=super::cite::Subject::Passage {
                                            doc: doc_index,
                                            passage: i,
                                        }
                                        fragment=fragment.clone()
                                    />
                                }
                            })
                    }}
                }
                .into_any()
            }
        })
        .collect_view();

    let n = doc.passages.iter().filter(|p| !p.heading).count();
    view! {
        <article class="document" aria-labelledby="doc-title">
            <p class="back-links">
                <a class="back-link" href="#">"← All documents"</a>
                {move || {
                    query
                        .with(|q| !q.trim().is_empty())
                        .then(|| {
                            let href = View {
                                query: query.get(),
                                ..View::default()
                            }
                            .to_url();
                            view! {
                                <a class="back-link results-link" href=href>
                                    "← Search results"
                                </a>
                            }
                        })
                }}
            </p>
            <header class="doc-header">
                <p class="kind">{doc.kind.label()}</p>
                <h2 id="doc-title" tabindex="-1">{doc.title.value.clone()}</h2>
                <dl class="doc-meta">
                    <div>
                        <dt>"Publisher"</dt>
                        <dd>{doc.publisher.value.clone()} {basis_marker(&doc.publisher)}</dd>
                    </div>
                    {doc
                        .author
                        .as_ref()
                        .map(|a| {
                            // The author links to their page when the register knows them.
                            let writer = corpus()
                                .actors
                                .iter()
                                .find(|actor| actor.wrote.contains(&(doc_index as u16)));
                            let name = match writer {
                                Some(actor) => {
                                    let href = View {
                                        actor: Some(actor.id.clone()),
                                        ..View::default()
                                    }
                                    .to_url();
                                    view! { <a href=href>{a.value.clone()}</a> }.into_any()
                                }
                                None => a.value.clone().into_any(),
                            };
                            view! {
                                <div>
                                    <dt>"Author"</dt>
                                    <dd>{name} {basis_marker(a)}</dd>
                                </div>
                            }
                        })}
                    <div>
                        <dt>"Date"</dt>
                        <dd>
                            {date_view(doc.date.value)}
                            " "
                            <span class="precision">
                                {format!("({})", doc.date.value.precision())}
                            </span>
                            {basis_marker(&doc.date)}
                        </dd>
                    </div>
                    <div>
                        <dt>"Paragraphs"</dt>
                        <dd>{n}</dd>
                    </div>
                </dl>
                <Provenance doc=doc />
            </header>
            <div class="passages">{passages}</div>
        </article>
    }
}

/// How each metadata value is known: stated, inferred (with the words it rests on) or
/// supplied by us, so every date and claim can be traced to the capture.
#[component]
fn Provenance(doc: &'static Document) -> impl IntoView {
    let mut rows = vec![
        ("Title", basis_of(&doc.title)),
        ("Publisher", basis_of(&doc.publisher)),
    ];
    if let Some(a) = &doc.author {
        rows.push(("Author", basis_of(a)));
    }
    rows.push(("Date", basis_of(&doc.date)));
    let items = rows
        .into_iter()
        .map(|(field, (basis, evidence, note))| {
            let quotes = evidence
                .into_iter()
                .map(|q| view! { <li><q>{q}</q></li> })
                .collect_view();
            view! {
                <li>
                    <strong>{field}</strong>
                    {format!(": {basis}.")}
                    {note.map(|n| view! { " " <span>{n}</span> })}
                    <ul class="evidence">{quotes}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="provenance">
            <summary>"How these details are known"</summary>
            <ul>{items}</ul>
            <p class="source-file">{format!("Source capture: {}", doc.source)}</p>
        </details>
    }
}

fn basis_of<T>(a: &Attested<T>) -> (&'static str, Vec<String>, Option<String>) {
    let basis = match (a.basis, a.evidence.is_empty()) {
        (Basis::Stated, true) => "stated in the capture",
        (Basis::Stated, false) => "stated in the capture, in these words",
        (Basis::Inferred, _) => "inferred from these words of the capture",
        (Basis::Supplied, _) => "supplied by SIM Explorer; the capture does not state it",
    };
    (basis, a.evidence.clone(), a.note.clone())
}
