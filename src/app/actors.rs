//! Actors in the page: the filter (a name box that ranks them as letters are typed, and a
//! checkbox per actor, grouped by kind, with its count
//! under the current search and dates), the line under each passage that names its actors,
//! and each actor's page. Everywhere an actor's own words, its position as reported in
//! someone else's words, and a mere mention stay apart: a report is never shown as words.

use super::meta::date_view;
use super::{state, State};
use crate::compiled::corpus;
use crate::engine::drafts::{self, Credit};
use crate::engine::filter::Role;
use crate::engine::model::{Actor, ActorKind, Involvement, Passage};
use crate::engine::order;
use crate::engine::stats::actor_stats;
use crate::engine::view::View;
use leptos::either::Either;
use leptos::prelude::*;

/// How a list of actors is joined: "A, B, C", or "A, B and C" as a draft's credit says it.
#[derive(Clone, Copy, PartialEq)]
enum Joined {
    Commas,
    And,
}

/// "Words of: … · Position reported: … · Names: …" under a passage, each actor a link to its
/// page. Where the passage quotes a draft (`engine::drafts`), its authors' words and
/// positions are said to be the draft's ("Words of NHS England, in a draft co-produced with
/// StopSIM Coalition that NHS England did not publish, …"), never listed as plain words.
/// `in_tab_order`: whether the links are Tab stops (`None`: always; in the reading view,
/// only for the passage that is open, so reading by keyboard is not a Tab per name).
pub fn involvement_line(
    passage: &Passage,
    in_tab_order: Option<Memo<bool>>,
) -> Option<impl IntoView + use<>> {
    if passage.actors.is_empty() || cfg!(sim_without = "actors") {
        return None;
    }
    let c = corpus();
    // Actors joined as the credit's words join them ("A, B and C" in a draft's credit,
    // "A, B" in a plain list), each a link.
    let links = move |actors: Vec<u16>, joined: Joined| {
        let n = actors.len();
        actors
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let a: &'static Actor = &c.actors[usize::from(a)];
                let href = View::home().actor_link(&a.id);
                let name = a.name.clone();
                // Static unless the reader decides: a reactive attribute per link in every
                // result would cost each keystroke.
                let link = match in_tab_order {
                    None => Either::Left(view! { <a href=href>{name}</a> }),
                    Some(on) => Either::Right(view! {
                        <a href=href tabindex=move || (!on.get()).then_some("-1")>{name}</a>
                    }),
                };
                let separator = match i {
                    0 => None,
                    i if joined == Joined::And && i == n - 1 => Some(" and "),
                    _ => Some(", "),
                };
                view! { {separator} {link} }
            })
            .collect_view()
    };
    let credit = c.credit(passage);
    let drafted = |a: u16, list: fn(&Credit) -> &Vec<u16>| {
        credit.as_ref().is_some_and(|cr| list(cr).contains(&a))
    };
    // Plain lists in name order, as the filter lists actors.
    let plain = |pick: fn(&Involvement) -> bool, list: fn(&Credit) -> &Vec<u16>| {
        let mut actors: Vec<u16> = passage
            .actors
            .iter()
            .filter(|x| pick(x) && !drafted(x.actor, list))
            .map(|x| x.actor)
            .collect();
        order::sort_by(&mut actors, |a, b| {
            c.actors[usize::from(*a)]
                .name
                .cmp(&c.actors[usize::from(*b)].name)
        });
        actors
    };
    let mut parts: Vec<AnyView> = Vec::new();
    let words = plain(|x| x.said, |cr| &cr.words);
    if !words.is_empty() {
        parts.push(
            view! { <span class="role">"Words of: "</span> {links(words, Joined::Commas)} }
                .into_any(),
        );
    }
    if let Some(cr) = credit.as_ref().filter(|cr| !cr.words.is_empty()) {
        let phrase = drafts::phrase(c, cr.draft, &cr.words);
        parts.push(
            view! {
                <span class="role">"Words of "</span>
                {links(cr.words.clone(), Joined::And)}
                <span class="draft-credit">{format!(", in {phrase}")}</span>
            }
            .into_any(),
        );
    }
    let positions = plain(|x| x.reported, |cr| &cr.positions);
    if !positions.is_empty() {
        parts.push(
            view! { <span class="role">"Position reported: "</span> {links(positions, Joined::Commas)} }
                .into_any(),
        );
    }
    if let Some(cr) = credit.as_ref().filter(|cr| !cr.positions.is_empty()) {
        let phrase = drafts::phrase(c, cr.draft, &cr.positions);
        parts.push(
            view! {
                <span class="role">"Position of "</span>
                {links(cr.positions.clone(), Joined::And)}
                <span class="draft-credit">{format!(" reported from {phrase}")}</span>
            }
            .into_any(),
        );
    }
    let named = plain(|x| x.mentioned, |_| &NONE);
    if !named.is_empty() {
        parts.push(
            view! { <span class="role">"Names: "</span> {links(named, Joined::Commas)} }.into_any(),
        );
    }
    // `wrote` alone is not shown: an author's passage that gives others' words is theirs,
    // and the document's header already names its author.
    if parts.is_empty() {
        return None;
    }
    let parts = parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then_some(" · ")} {part} })
        .collect_view();
    Some(view! {
        // A span, shown as a block: it sits inside the passage's own <p>.
        <span class="passage-actors">{parts}</span>
    })
}

/// No actors: what a mention is checked against (a draft's credit is of words and
/// positions, never of mentions).
static NONE: Vec<u16> = Vec::new();

#[component]
pub fn ActorFilterPanel() -> impl IntoView {
    let s = state();
    let chosen = Memo::new(move |_| s.filter.with(|f| f.actors.clone()));
    let n_chosen = Memo::new(move |_| chosen.with(Vec::len));
    // The checkboxes and their counts are drawn when the filter is first opened: closed,
    // as it starts, it costs the page's start nothing but its summary.
    let opened = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let on_toggle = move |_| {
        if details.get_untracked().is_some_and(|d| d.open()) {
            opened.set(true);
        }
    };
    view! {
        <section class="actor-filter" aria-labelledby="actor-filter-heading">
            <details node_ref=details on:toggle=on_toggle>
                <summary id="actor-filter-heading">
                    {move || match n_chosen.get() {
                        0 => "Filter by actor".to_string(),
                        n => format!("Filter by actor ({n} chosen)"),
                    }}
                </summary>
                {move || opened.get().then(|| filter_choices(s, chosen).into_any())}
            </details>
        </section>
    }
}

/// The filter's modes and a checkbox per actor, grouped by kind, each with its count.
fn filter_choices(s: State, chosen: Memo<Vec<u16>>) -> impl IntoView {
    let role = Memo::new(move |_| s.filter.with(|f| f.role));
    let match_all = Memo::new(move |_| s.filter.with(|f| f.all));

    // Typed letters narrow the actors to a ranked list (`finder`); with none, the groups.
    let typed = RwSignal::new(String::new());
    let found = super::finder::actor_matches(typed);
    let groups = move || {
        [ActorKind::Person, ActorKind::Organisation, ActorKind::Group]
            .into_iter()
            .map(|kind| {
                let mut members: Vec<usize> = (0..corpus().actors.len())
                    .filter(|&i| corpus().actors[i].kind == kind)
                    .collect();
                order::sort_by_key(&mut members, |&i| &corpus().actors[i].name);
                let boxes = members
                    .into_iter()
                    .map(|i| {
                        actor_checkbox(s, chosen, i, corpus().actors[i].name.clone().into_any())
                    })
                    .collect_view();
                view! {
                    <fieldset class="actor-group">
                        <legend>{kind.plural_label()}</legend>
                        <ul>{boxes}</ul>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let typing = Memo::new(move |_| typed.with(|t| !t.trim().is_empty()));
    let groups = move || match typing.get() {
        false => Either::Left(groups()),
        true => Either::Right(super::finder::ranked_actors(found, move |i, label| {
            actor_checkbox(s, chosen, i, label)
        })),
    };

    // The input sits inside its label, which names it.
    let radio =
        move |name: &'static str, label: &'static str, on: Signal<bool>, to: fn(&View) -> View| {
            view! {
                <label class="radio">
                    <input
                        type="radio"
                        name=name
                        prop:checked=on
                        on:change=move |_| s.push(to)
                    />
                    {label}
                </label>
            }
        };
    let is_role = move |r: Role| Signal::derive(move || role.get() == r);
    let modes = view! {
        <fieldset class="actor-modes">
            <legend>"Passages where a chosen actor is"</legend>
            {radio("role", "involved in any way", is_role(Role::Either), |v| v.with_role(Role::Either))}
            {radio("role", "in their own words (said by)", is_role(Role::Said), |v| v.with_role(Role::Said))}
            {radio("role", "reported (their position, in others’ words)", is_role(Role::Reported), |v| v.with_role(Role::Reported))}
            {radio("role", "named (mentions)", is_role(Role::Mentioned), |v| v.with_role(Role::Mentioned))}
        </fieldset>
        <fieldset class="actor-modes">
            <legend>"With several chosen, match"</legend>
            {radio("match", "any of them", Signal::derive(move || !match_all.get()), View::match_any)}
            {radio("match", "all of them", match_all.into(), View::match_every)}
        </fieldset>
    };
    view! {
        {modes}
        {super::finder::actor_name_box(typed, found)}
        {groups}
    }
}

/// One actor's checkbox in the filter: its label (the name, its matched letters marked
/// when found by the name box) and its count under the current search and dates.
fn actor_checkbox(s: State, chosen: Memo<Vec<u16>>, i: usize, label: AnyView) -> AnyView {
    let actor = &corpus().actors[i];
    let input_id = format!("filter-{}", actor.id);
    // One memo per actor: typing changes a count's text only when that count changes.
    let count = Memo::new(move |_| s.selection.with(|x| x.actor_counts[i]));
    let checked = Memo::new(move |_| chosen.with(|c| c.contains(&(i as u16))));
    view! {
        <li>
            <input
                type="checkbox"
                id=input_id.clone()
                prop:checked=checked
                on:change=move |_| s.push(|v| v.toggle_actor(&actor.id))
            />
            <label for=input_id>
                {label}
                " "
                <span class="count">{move || format!("({})", count.get())}</span>
            </label>
        </li>
    }
    .into_any()
}

/// An actor's page: who it is, its own words, its position as reported and its mentions
/// apart, its passages over time, and the actors it appears with most.
#[component]
pub fn ActorPage(index: usize) -> impl IntoView {
    let c = corpus();
    let actor = &c.actors[index];
    let stats = actor_stats(c, index);
    let passage_link = |d: usize, p: usize| {
        let doc = &c.documents[d];
        View::home().passage_link(&doc.id, &doc.passages[p].key)
    };
    let passage_list = move |list: Vec<(usize, usize)>| {
        list.into_iter()
            .map(|(d, p)| {
                let doc = &c.documents[d];
                let passage = &doc.passages[p];
                let text: String = passage.text.chars().take(220).collect();
                let cut = passage.text.chars().count() > 220;
                view! {
                    <li class="result">
                        <a class="result-link" href=passage_link(d, p)>
                            {text}
                            {cut.then_some("…")}
                        </a>
                        <p class="result-meta">
                            <span class="result-title">{doc.title.value.clone()}</span>
                            " · "
                            {date_view(doc.date.value)}
                            {format!(" · {}", passage.place())}
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    let n_passages = |n: usize| match n {
        1 => "1 passage".to_string(),
        n => format!("{n} passages"),
    };
    let said_heading = format!("In their own words ({})", n_passages(stats.said.len()));
    let reported_heading = format!(
        "Their position as reported ({})",
        n_passages(stats.reported.len())
    );
    let named_heading = format!("Mentioned in ({})", n_passages(stats.named.len()));
    // Words and positions given from a draft it co-wrote: a section per draft, headed by
    // what the draft is, so none of them reads as its own published words.
    let mut by_draft: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    for &(draft, d, p) in &stats.drafted {
        match by_draft.iter_mut().find(|(x, _)| *x == draft) {
            Some((_, list)) => list.push((d, p)),
            None => by_draft.push((draft, vec![(d, p)])),
        }
    }
    let draft_sections = by_draft
        .into_iter()
        .map(|(draft, list)| {
            let phrase = drafts::phrase(c, draft, &[index as u16]);
            let heading_id = format!("draft-heading-{}", c.drafts[draft].id);
            let labelled_by = heading_id.clone();
            let heading = format!("In {phrase} ({})", n_passages(list.len()));
            view! {
                <section class="drafted" aria-labelledby=labelled_by>
                    <h3 id=heading_id>{heading}</h3>
                    <p class="section-note">
                        "Their words, or their position as reported, from that draft: not words they published."
                    </p>
                    <ol class="results">{passage_list(list)}</ol>
                </section>
            }
        })
        .collect_view();
    // An author's own words include the narration of what it wrote; say so, or the list
    // would look like quotations.
    let narration_note = (!actor.wrote.is_empty()).then(|| {
        view! {
            <p class="section-note">
                "Including the passages of the documents they wrote that give no one else’s words."
            </p>
        }
    });
    let support = actor
        .support
        .iter()
        .map(|&(d, p)| {
            let (d, p) = (usize::from(d), usize::from(p));
            let doc = &c.documents[d];
            view! {
                <li>
                    <a href=passage_link(d, p)>
                        {doc.label_of(&doc.passages[p])}
                    </a>
                </li>
            }
        })
        .collect_view();
    let mut written_as: Vec<String> = Vec::new();
    // A form recorded for several documents (`alias-in`) is listed once.
    for a in actor
        .aliases
        .iter()
        .chain(actor.aliases_in.iter().map(|(_, t)| t))
    {
        let shown = format!("“{a}”");
        if !written_as.contains(&shown) {
            written_as.push(shown);
        }
    }
    let part_of = actor.part_of.map(|p| {
        let parent = &c.actors[usize::from(p)];
        view! {
            <p>"Part of " <a href=View::home().actor_link(&parent.id)>{parent.name.clone()}</a> "."</p>
        }
    });
    let with_list = stats
        .appears_with
        .into_iter()
        .map(|(i, n)| {
            let other = &c.actors[i];
            view! {
                <li>
                    <a href=View::home().actor_link(&other.id)>{other.name.clone()}</a>
                    {if n == 1 {
                        " (1 passage together)".to_string()
                    } else {
                        format!(" ({n} passages together)")
                    }}
                </li>
            }
        })
        .collect_view();
    // Its passages as results, with whatever search and dates are applied.
    let filter_href = state().now().only_actor(&actor.id).to_url();

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
                <a href=filter_href>"Show these passages as search results"</a>
            </p>
            <PassagesPerDocument counts=stats.per_document />
            <super::disagreements::ActorPositions actor=index />
            <section aria-labelledby="with-heading">
                <h3 id="with-heading">"Appears most with"</h3>
                <ul class="with-list">{with_list}</ul>
            </section>
            <section aria-labelledby="said-heading">
                <h3 id="said-heading">{said_heading}</h3>
                {narration_note}
                <ol class="results">{passage_list(stats.said)}</ol>
            </section>
            <section aria-labelledby="reported-heading">
                <h3 id="reported-heading">{reported_heading}</h3>
                <p class="section-note">"Passages that give their position in someone else’s words, not their own."</p>
                <ol class="results">{passage_list(stats.reported)}</ol>
            </section>
            {draft_sections}
            <section aria-labelledby="named-heading">
                <h3 id="named-heading">{named_heading}</h3>
                <ol class="results">{passage_list(stats.named)}</ol>
            </section>
        </article>
    }
}

/// Its passages per document, documents in date order: a small bar chart with the numbers
/// in the text for screen readers and in a table beneath.
#[component]
fn PassagesPerDocument(counts: Vec<usize>) -> impl IntoView {
    let c = corpus();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    // Room above the tallest bar for its number, below the bars for the dates. Whole
    // units: a float written into an attribute would bring the float formatter, about
    // 15 KB of the wasm, for bars a pixel can measure.
    let (w, h, gap, top) = (72usize, 110usize, 10usize, 18usize);
    let width = counts.len() * (w + gap);
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let bar_h = ((h - 20 - top) * n + max / 2) / max;
            let x = i * (w + gap);
            let label = c.documents[i].date.value.short();
            view! {
                <g>
                    <rect x=x y=h - 14 - bar_h width=w height=bar_h class="bar" />
                    <text x=x + w / 2 y=h - 16 - bar_h text-anchor="middle" class="bar-n">{n}</text>
                    <text x=x + w / 2 y=h text-anchor="middle" class="bar-label">{label}</text>
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
            <figcaption>"Passages per document, in date order"</figcaption>
            <svg
                viewBox=format!("0 0 {width} {}", h + 4)
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

super::deferred::deferred_part! {
    /// The page of the actor the URL names (`#actor=`), as the page shows it: in a split
    /// build, its code is in the pages' chunk, fetched when the first of them opens.
    pub fn actor_page in pages, "the actor's page" =>
        move || state().actor_page.get().map(|index| view! { <ActorPage index=index /> })
}
