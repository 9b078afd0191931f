//! "Where the sources disagree": every question the record answers in more than one way,
//! each with its positions side by side (stacked on a phone): the words, who says them, in
//! which document and when, each linked to its passage; then our note on whether the
//! positions truly conflict. Also the quiet marker a passage or an event carries to its
//! disagreement, and an actor's positions for its page.

use super::cite::CiteTools;
use super::meta::date_view;
use crate::compiled::corpus;
use crate::engine::citable::Citable;
use crate::engine::disagreements::ALL;
use crate::engine::drafts;
use crate::engine::model::{Difference, Disagreement};
use crate::engine::view::View;
use leptos::prelude::*;

/// The element id of a disagreement on the page; in the static record, the link itself
/// (`dis=ID`), so the page's plain links land on it without JavaScript.
pub fn element_id(id: &str) -> String {
    if super::in_static_record() {
        format!("dis={id}")
    } else {
        format!("dis-{id}")
    }
}

#[component]
pub fn DisagreementsPage() -> impl IntoView {
    let s = super::state();
    let c = corpus();
    let open = s.dis;
    let contents = c
        .disagreements
        .iter()
        .map(|d| {
            view! {
                <li>
                    <a href=View::home().disagreement_link(&d.id)>{d.question.clone()}</a>
                    // Every kind is tagged, conflicts too: untagged, the strongest
                    // disagreements looked the mildest.
                    <span class="difference-tag" class:conflict=d.difference == Difference::Conflict>
                        {short(d.difference)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let items = (0..c.disagreements.len())
        .map(|i| view! { <DisagreementView index=i open=open /> })
        .collect_view();
    let back = move || View::home().to_url();
    view! {
        <section class="disagreements" aria-labelledby="dis-heading">
            {(!super::in_static_record())
                .then(|| view! { <p class="back"><a href=back>"← The record"</a></p> })}
            <h2 id="dis-heading" tabindex="-1">"Where the sources disagree"</h2>
            <p class="dis-lede">
                {format!(
                    "{} questions the record answers in more than one way. Each position is \
                     quoted word for word and credited to whoever makes it; a note in our own \
                     words says whether the positions truly conflict, differ in scope or time, or overlap.",
                    c.disagreements.len(),
                )}
            </p>
            <nav aria-label="Disagreements">
                <ol class="dis-contents">{contents}</ol>
            </nav>
            {items}
        </section>
    }
}

/// A few words for each kind of difference, for the contents list.
fn short(difference: Difference) -> &'static str {
    match difference {
        Difference::Conflict => "conflict",
        Difference::Scope => "differ in scope",
        Difference::Time => "differ in time",
        Difference::Overlap => "overlap",
    }
}

#[component]
fn DisagreementView(index: usize, open: Memo<Option<String>>) -> impl IntoView {
    let c = corpus();
    let d: &'static Disagreement = &c.disagreements[index];
    let is_open = Memo::new(move |_| open.with(|o| o.as_deref() == Some(d.id.as_str())));
    let positions = d
        .positions
        .iter()
        .map(|p| {
            let actor = &c.actors[usize::from(p.by)];
            let quotes = p
                .quotes
                .iter()
                .map(|q| {
                    let doc = &c.documents[usize::from(q.at.0)];
                    let passage = &doc.passages[usize::from(q.at.1)];
                    view! {
                        <blockquote class="dis-quote">
                            <p>"“" {q.text.clone()} "”"</p>
                            <p class="dis-source">
                                <a href=View::home().passage_link(&doc.id, &passage.key)>
                                    {doc.label_of(passage)}
                                </a>
                                " · "
                                {date_view(doc.date.value)}
                            </p>
                        </blockquote>
                    }
                })
                .collect_view();
            view! {
                <li class="position">
                    <h4 class="position-summary">{p.summary.clone()}</h4>
                    <p class="position-by">
                        "According to "
                        <a href=View::home().actor_link(&actor.id)>{actor.name.clone()}</a>
                        // Words from a draft it co-wrote are said to be so (`engine::drafts`).
                        {drafts::of_position(c, p)
                            .map(|draft| {
                                view! {
                                    <span class="draft-credit">
                                        {format!(", in {}", drafts::phrase(c, draft, &[p.by]))}
                                    </span>
                                }
                            })}
                        {p.date.map(|at| view! { " · gives the date " {date_view(at)} })}
                    </p>
                    {quotes}
                </li>
            }
        })
        .collect_view();
    let heading_id = format!("dis-title-{}", d.id);
    let labelled_by = heading_id.clone();
    let conflict = d.difference == Difference::Conflict;
    view! {
        <article
            class="disagreement"
            class:open=is_open
            id=element_id(&d.id)
            tabindex="-1"
            aria-labelledby=labelled_by
        >
            <h3 id=heading_id>{d.question.clone()}</h3>
            <p class="difference" class:conflict=conflict>
                {d.difference.label()}
            </p>
            <ol class="positions" aria-label="Positions">{positions}</ol>
            <p class="dis-note">
                <span class="dis-note-label">"Note (SIM Explorer): "</span>
                {d.note.clone()}
            </p>
            {(!super::in_static_record())
                .then(|| {
                    view! {
                        <CiteTools what=Citable::Disagreement(index) />
                    }
                })}
        </article>
    }
}

/// The quiet marker on a passage or an event that takes part in disagreements: a link to
/// each. `tab_stop`: whether the links are Tab stops now (a passage's are only when open).
pub fn markers(indices: Vec<usize>, tab_stop: Option<Memo<bool>>) -> Option<AnyView> {
    if indices.is_empty() {
        return None;
    }
    let c = corpus();
    let links = indices
        .into_iter()
        .map(|i| {
            let d = &c.disagreements[i];
            let tabindex = move || match tab_stop {
                Some(on) if !on.get() => "-1",
                _ => "0",
            };
            view! {
                <a class="dis-marker" href=View::home().disagreement_link(&d.id) tabindex=tabindex>
                    {if d.difference == Difference::Conflict {
                        "Sources disagree: "
                    } else {
                        "Sources differ: "
                    }}
                    {d.question.clone()}
                </a>
            }
        })
        .collect_view();
    Some(view! { <span class="dis-markers">{links}</span> }.into_any())
}

/// The positions an actor takes, for its page: each a link to its disagreement.
#[component]
pub fn ActorPositions(actor: usize) -> impl IntoView {
    let c = corpus();
    let taken: Vec<(usize, usize)> = c
        .disagreements
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            d.positions
                .iter()
                .enumerate()
                .filter(move |(_, p)| usize::from(p.by) == actor)
                .map(move |(j, _)| (i, j))
        })
        .collect();
    (!taken.is_empty()).then(|| {
        let items = taken
            .into_iter()
            .map(|(i, j)| {
                let d = &c.disagreements[i];
                let p = &d.positions[j];
                // A position taken in a draft it co-wrote says so here too.
                let taken = match drafts::of_position(c, p) {
                    Some(draft) => {
                        format!("— {} (in {})", p.summary, drafts::phrase(c, draft, &[p.by]))
                    }
                    None => format!("— {}", p.summary),
                };
                view! {
                    <li>
                        <a href=View::home().disagreement_link(&d.id)>{d.question.clone()}</a>
                        " "
                        <span class="position-taken">{taken}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="actor-positions" aria-labelledby="actor-positions-heading">
                <h3 id="actor-positions-heading">"Positions taken where the sources disagree"</h3>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// The link to the whole list, for the home page.
pub fn list_link() -> impl IntoView {
    let n = corpus().disagreements.len();
    (n > 0).then(|| {
        view! {
            <p class="dis-entry">
                <a href=View::home().disagreement_link(ALL)>"Where the sources disagree"</a>
                {format!(
                    " — {n} questions the documents answer differently, side by side."
                )}
            </p>
        }
    })
}

super::deferred::deferred_part! {
    /// Where the sources disagree, as the page shows it: in a split build, its code is in
    /// the pages' chunk, fetched when the first of them opens.
    pub fn disagreements_page in pages, "the disagreements" =>
        view! { <DisagreementsPage /> }
}
