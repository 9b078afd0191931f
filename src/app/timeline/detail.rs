//! The open event: its date and precision, any dispute with each side's sources, its
//! actors, the passages that state it, and citing.

use super::super::cite::CiteTools;
use super::super::meta::date_view;
use super::super::state;
use crate::compiled::corpus;
use crate::engine::citable::Citable;
use crate::engine::model::Event;
use crate::engine::view::View;
use leptos::prelude::*;

#[component]
pub fn EventDetail(event: &'static Event) -> impl IntoView {
    let c = corpus();
    let s = state();
    let e = event;
    let sources = |list: &[(u16, u16)]| {
        list.iter()
            .map(|&(d, p)| {
                let doc = &c.documents[usize::from(d)];
                let passage = &doc.passages[usize::from(p)];
                view! {
                    <li>
                        <blockquote>{passage.text.clone()}</blockquote>
                        <a href=View::home().passage_link(&doc.id, &passage.key)>
                            {doc.label_of(passage)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let claims = e
        .claims
        .iter()
        .map(|claim| {
            view! {
                <li>
                    <p>{format!("Also given as {} ({}):", claim.date, claim.date.precision())}</p>
                    <ul class="sources">{sources(&claim.sources)}</ul>
                </li>
            }
        })
        .collect_view();
    let actors = e
        .actors
        .iter()
        .map(|&a| {
            let actor = &c.actors[usize::from(a)];
            view! { <li><a href=View::home().actor_link(&actor.id)>{actor.name.clone()}</a></li> }
        })
        .collect_view();
    // Only the record's own events are citable (not the benchmark's synthetic ones).
    let cite = c
        .events
        .iter()
        .position(|x| std::ptr::eq(x, e))
        .map(|index| {
            view! {
                <CiteTools what=Citable::Event(index) />
            }
        });
    view! {
        <section class="event-detail" aria-labelledby="event-title">
            <h3 id="event-title" tabindex="-1">{e.title.clone()}</h3>
            <p>
                {date_view(e.date)}
                {e.date.qualifier()}
                {e.disputed().then_some(" · the sources disagree on the date")}
            </p>
            {e.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            <h4>"Stated in"</h4>
            <ul class="sources">{sources(&e.sources)}</ul>
            {e.disputed().then(|| view! { <h4>"Other dates given"</h4> <ul>{claims}</ul> })}
            {e.disagreement.and_then(|d| {
                super::super::disagreements::markers(vec![usize::from(d)], None)
            })}
            {(!e.actors.is_empty()).then(|| view! { <h4>"Who"</h4> <ul class="with-list">{actors}</ul> })}
            {cite}
            <p>
                <button type="button" class="close-event" on:click=move |_| s.push(View::close_event)>
                    "Close this event"
                </button>
            </p>
        </section>
    }
}
