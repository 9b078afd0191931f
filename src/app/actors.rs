//! Actors in the page: the filter (a checkbox per actor, grouped by kind, with its count
//! under the current search), the chips of chosen actors, the line under each passage that
//! names its actors, and each actor's page.

use super::meta::date_view;
use super::Route;
use crate::compiled::{corpus, search_index};
use crate::engine::filter::{counts, ActorFilter, Role};
use crate::engine::model::{ActorKind, Involvement, Passage};
use crate::engine::view::View;
use leptos::prelude::*;

/// The filter a view asks for, with actor ids turned into indices.
pub fn filter_of(view: &View) -> ActorFilter {
    ActorFilter {
        actors: view
            .actors
            .iter()
            .filter_map(|id| corpus().actor_index(id).map(|i| i as u16))
            .collect(),
        all: view.match_all,
        role: view.role,
    }
}

/// Opens a view as a step of its own (Back returns here): choosing a filter is one.
fn push(view: &View) {
    let _ = window().location().set_hash(&view.to_url());
}

fn actor_href(id: &str) -> String {
    View {
        actor: Some(id.to_string()),
        ..View::default()
    }
    .to_url()
}

/// "Quoted: … · Named: …" under a passage, each actor a link to its page.
pub fn involvement_line(passage: &Passage) -> Option<impl IntoView + use<>> {
    if passage.actors.is_empty() {
        return None;
    }
    let links = |pick: fn(&Involvement) -> bool| {
        let mut names: Vec<(String, String)> = passage
            .actors
            .iter()
            .filter(|x| pick(x))
            .map(|x| {
                let a = &corpus().actors[usize::from(x.actor)];
                (a.name.clone(), a.id.clone())
            })
            .collect();
        names.sort();
        names
            .into_iter()
            .enumerate()
            .map(|(i, (name, id))| {
                view! {
                    {(i > 0).then_some(", ")}
                    <a href=actor_href(&id)>{name}</a>
                }
            })
            .collect_view()
    };
    let said = passage.actors.iter().any(|x| x.said);
    let named = passage.actors.iter().any(|x| x.mentioned);
    Some(view! {
        // A span, shown as a block: it sits inside the passage's own <p>.
        <span class="passage-actors">
            {said.then(|| view! { <span class="role">"Words of: "</span> {links(|x| x.said)} })}
            {(said && named).then_some(" · ")}
            {named.then(|| view! { <span class="role">"Names: "</span> {links(|x| x.mentioned)} })}
        </span>
    })
}

#[component]
pub fn ActorFilterPanel(route: Route) -> impl IntoView {
    let view_now = move || route.with(|(v, _)| v.clone());
    let query = Memo::new(move |_| route.with(|(v, _)| v.query.clone()));
    let role = Memo::new(move |_| route.with(|(v, _)| v.role));
    // Counts under the current search and date range.
    let range = Memo::new(move |_| route.with(|(v, _)| v.range()));
    let candidates = Memo::new(move |_| {
        let mut found = query.with(|q| search_index().matching(q));
        range.with(|r| {
            if !r.is_empty() {
                for (f, ok) in found.iter_mut().zip(r.mask(corpus())) {
                    *f &= ok;
                }
            }
        });
        found
    });
    let counted = Memo::new(move |_| candidates.with(|c| counts(corpus(), c, role.get())));
    let chosen = move |id: &str| route.with(|(v, _)| v.actors.iter().any(|a| a == id));

    let toggle = move |id: String| {
        let mut view = view_now();
        if let Some(i) = view.actors.iter().position(|a| *a == id) {
            view.actors.remove(i);
        } else {
            view.actors.push(id);
        }
        push(&view);
    };

    let groups = [ActorKind::Person, ActorKind::Organisation, ActorKind::Group]
        .into_iter()
        .map(|kind| {
            let mut members: Vec<usize> = (0..corpus().actors.len())
                .filter(|&i| corpus().actors[i].kind == kind)
                .collect();
            members.sort_by_key(|&i| &corpus().actors[i].name);
            let boxes = members
                .into_iter()
                .map(|i| {
                    let actor = &corpus().actors[i];
                    let input_id = format!("filter-{}", actor.id);
                    let id = actor.id.clone();
                    let id2 = actor.id.clone();
                    view! {
                        <li>
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=move || chosen(&id)
                                on:change=move |_| toggle(id2.clone())
                            />
                            <label for=input_id>
                                {actor.name.clone()}
                                " "
                                <span class="count">
                                    {move || counted.with(|c| format!("({})", c[i]))}
                                </span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="actor-group">
                    <legend>{kind.plural_label()}</legend>
                    <ul>{boxes}</ul>
                </fieldset>
            }
        })
        .collect_view();

    let radio = move |name: &'static str, label: &'static str, on: bool, set: fn(&mut View)| {
        // The input sits inside its label, which names it.
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name=name
                    prop:checked=on
                    on:change=move |_| {
                        let mut view = view_now();
                        set(&mut view);
                        push(&view);
                    }
                />
                {label}
            </label>
        }
    };
    let modes = move || {
        let v = view_now();
        view! {
            <fieldset class="actor-modes">
                <legend>"Passages where a chosen actor is"</legend>
                {radio("role", "named or quoted", v.role == Role::Either, |v| v.role = Role::Either)}
                {radio("role", "quoted (said by)", v.role == Role::Said, |v| v.role = Role::Said)}
                {radio("role", "named (mentions)", v.role == Role::Mentioned, |v| v.role = Role::Mentioned)}
            </fieldset>
            <fieldset class="actor-modes">
                <legend>"With several chosen, match"</legend>
                {radio("match", "any of them", !v.match_all, |v| v.match_all = false)}
                {radio("match", "all of them", v.match_all, |v| v.match_all = true)}
            </fieldset>
        }
    };

    let chips = move || {
        route.with(|(v, _)| {
            v.actors
                .iter()
                .filter_map(|id| corpus().actor_index(id))
                .map(|i| {
                    let actor = &corpus().actors[i];
                    let id = actor.id.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                aria-label=format!("Remove {} from the filter", actor.name)
                                on:click=move |_| toggle(id.clone())
                            >
                                {actor.name.clone()}
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let n_chosen = move || route.with(|(v, _)| v.actors.len());

    view! {
        <section class="actor-filter" aria-labelledby="actor-filter-heading">
            <ul class="chips" aria-label="Chosen actors" hidden=move || n_chosen() == 0>
                {chips}
            </ul>
            <details>
                <summary id="actor-filter-heading">
                    {move || match n_chosen() {
                        0 => "Filter by actor".to_string(),
                        n => format!("Filter by actor ({n} chosen)"),
                    }}
                </summary>
                {modes}
                {groups}
            </details>
        </section>
    }
}

/// An actor's page: who it is, its own words and its mentions apart, its passages over time,
/// and the actors it appears with most.
#[component]
pub fn ActorPage(index: usize) -> impl IntoView {
    let c = corpus();
    let actor = &c.actors[index];
    let me = index as u16;
    let involvement = |p: &Passage| p.actors.iter().find(|x| x.actor == me).copied();

    // (document, passage) lists for its words and its mentions.
    let mut said = Vec::new();
    let mut named = Vec::new();
    let mut per_doc = Vec::new();
    let mut together = vec![0u32; c.actors.len()];
    for (d, doc) in c.documents.iter().enumerate() {
        let mut n = 0;
        for (p, passage) in doc.passages.iter().enumerate() {
            if let Some(x) = involvement(passage) {
                n += 1;
                if x.said {
                    said.push((d, p));
                }
                if x.mentioned {
                    named.push((d, p));
                }
                for other in &passage.actors {
                    if other.actor != me {
                        together[usize::from(other.actor)] += 1;
                    }
                }
            }
        }
        per_doc.push(n);
    }
    let mut with: Vec<(usize, u32)> = together
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| (i, n))
        .collect();
    with.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(c.actors[a.0].name.cmp(&c.actors[b.0].name))
    });
    with.truncate(8);

    let passage_list = |list: Vec<(usize, usize)>| {
        list.into_iter()
            .map(|(d, p)| {
                let doc = &c.documents[d];
                let passage = &doc.passages[p];
                let href = View {
                    doc: Some(doc.id.clone()),
                    passage: Some(passage.key.clone()),
                    ..View::default()
                }
                .to_url();
                let text: String = passage.text.chars().take(220).collect();
                let cut = passage.text.chars().count() > 220;
                view! {
                    <li class="result">
                        <a class="result-link" href=href>
                            {text}
                            {cut.then_some("…")}
                        </a>
                        <p class="result-meta">
                            <span class="result-title">{doc.title.value.clone()}</span>
                            " · "
                            {date_view(doc.date.value)}
                            {format!(" · paragraph {}", passage.number)}
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    let n_said = said.len();
    let n_named = named.len();
    let support = actor
        .support
        .iter()
        .map(|&(d, p)| {
            let doc = &c.documents[usize::from(d)];
            let passage = &doc.passages[usize::from(p)];
            let href = View {
                doc: Some(doc.id.clone()),
                passage: Some(passage.key.clone()),
                ..View::default()
            }
            .to_url();
            view! {
                <li>
                    <a href=href>{format!("{}, paragraph {}", doc.title.value, passage.number)}</a>
                </li>
            }
        })
        .collect_view();
    let written_as: Vec<String> = actor
        .aliases
        .iter()
        .chain(actor.aliases_in.iter().map(|(_, t)| t))
        .map(|a| format!("“{a}”"))
        .collect();
    let part_of = actor.part_of.map(|p| {
        let parent = &c.actors[usize::from(p)];
        view! {
            <p>"Part of " <a href=actor_href(&parent.id)>{parent.name.clone()}</a> "."</p>
        }
    });
    let with_list = with
        .into_iter()
        .map(|(i, n)| {
            let other = &c.actors[i];
            view! {
                <li>
                    <a href=actor_href(&other.id)>{other.name.clone()}</a>
                    {if n == 1 {
                        " (1 passage together)".to_string()
                    } else {
                        format!(" ({n} passages together)")
                    }}
                </li>
            }
        })
        .collect_view();
    let filter_href = View {
        actors: vec![actor.id.clone()],
        ..View::default()
    }
    .to_url();

    view! {
        <article class="actor-page" aria-labelledby="actor-name">
            <p class="back-links">
                <a class="back-link" href="#">"← All documents"</a>
            </p>
            <p class="kind">{actor.kind.name()}</p>
            <h2 id="actor-name" tabindex="-1">{actor.name.clone()}</h2>
            <p class="actor-description">{actor.description.clone()}</p>
            {part_of}
            <p class="written-as">{format!("Written as {}.", written_as.join(", "))}</p>
            <details class="provenance">
                <summary>"Passages this description rests on"</summary>
                <ul>{support}</ul>
            </details>
            <p>
                <a href=filter_href>"Show its passages as search results"</a>
            </p>
            <Timeline counts=per_doc />
            <section aria-labelledby="with-heading">
                <h3 id="with-heading">"Appears most with"</h3>
                <ul class="with-list">{with_list}</ul>
            </section>
            <section aria-labelledby="said-heading">
                <h3 id="said-heading">{format!("In its own words ({n_said} passages)")}</h3>
                <ol class="results">{passage_list(said)}</ol>
            </section>
            <section aria-labelledby="named-heading">
                <h3 id="named-heading">{format!("Named in ({n_named} passages)")}</h3>
                <ol class="results">{passage_list(named)}</ol>
            </section>
        </article>
    }
}

/// Its passages per document, documents in date order: a small bar chart with the numbers
/// in the text for screen readers and in a table beneath.
#[component]
fn Timeline(counts: Vec<usize>) -> impl IntoView {
    let c = corpus();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    // Room above the tallest bar for its number, below the bars for the dates.
    let (w, h, gap, top) = (72.0, 110.0, 10.0, 18.0);
    let width = counts.len() as f64 * (w + gap);
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let bar_h = (h - 20.0 - top) * n as f64 / max as f64;
            let x = i as f64 * (w + gap);
            let label = c.documents[i].date.value.short();
            view! {
                <g>
                    <rect x=x y=h - 14.0 - bar_h width=w height=bar_h class="bar" />
                    <text x=x + w / 2.0 y=h - 16.0 - bar_h text-anchor="middle" class="bar-n">{n}</text>
                    <text x=x + w / 2.0 y=h text-anchor="middle" class="bar-label">{label}</text>
                </g>
            }
        })
        .collect_view();
    let summary = counts
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{}: {n}", c.documents[i].date.value))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let doc = &c.documents[i];
            view! {
                <tr>
                    <td>{date_view(doc.date.value)}</td>
                    <td>{doc.title.value.clone()}</td>
                    <td class="num">{*n}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="actor-chart">
            <figcaption>"Passages involving it, document by document, in date order"</figcaption>
            <svg
                viewBox=format!("0 0 {width} {}", h + 4.0)
                role="img"
                aria-label=format!("Passages per document: {summary}")
            >
                {bars}
            </svg>
            <details>
                <summary>"As a table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Document"</th>
                            <th scope="col">"Passages"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
