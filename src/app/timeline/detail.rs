//! The open event: its date and precision, any dispute, its actors, and how each account
//! tells it: for each document that states it, in order of publication and side by side
//! on wide screens, its passages with whose words they give and the date it gives (stated,
//! inferred, or none of its own); and citing.

use super::super::actors::involvement_line;
use super::super::cite::CiteTools;
use super::super::meta::{basis_marker, date_view};
use super::super::state;
use crate::compiled::corpus;
use crate::engine::accounts::{accounts, Account};
use crate::engine::citable::Citable;
use crate::engine::date::DateSpec;
use crate::engine::model::{Attested, Basis, Event};
use crate::engine::view::View;
use leptos::prelude::*;

#[component]
pub fn EventDetail(event: &'static Event) -> impl IntoView {
    let c = corpus();
    let s = state();
    let e = event;
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
    let told = accounts(c, e);
    let heading = if told.len() == 1 {
        "How the one account tells it"
    } else {
        "How each account tells it"
    };
    let told = told.into_iter().map(account_view).collect_view();
    view! {
        <section class="event-detail" aria-labelledby="event-title">
            <h3 id="event-title" tabindex="-1">{e.title.clone()}</h3>
            <p>
                {date_view(e.date)}
                {e.date.qualifier()}
                {e.disputed().then_some(" · the sources disagree on the date")}
            </p>
            {e.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            <h4>{heading}</h4>
            <div class="accounts">{told}</div>
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

/// One document's account: which document (its kind, publisher and date of publication),
/// the date it gives, and its passages with whose words each gives.
fn account_view(account: Account) -> impl IntoView {
    let c = corpus();
    let doc = &c.documents[usize::from(account.doc)];
    let heading_id = format!("account-{}", doc.id);
    let labelled_by = heading_id.clone();
    let passages = account
        .passages
        .iter()
        .map(|&p| {
            let passage = &doc.passages[usize::from(p)];
            view! {
                <li>
                    <blockquote>{passage.text.clone()}</blockquote>
                    <a href=View::home().passage_link(&doc.id, &passage.key)>{passage.place_label()}</a>
                    {involvement_line(passage, None).map(|who| view! { <p class="account-who">{who}</p> })}
                </li>
            }
        })
        .collect_view();
    let dates = account.dates.iter().map(date_given).collect_view();
    view! {
        <section class="account" aria-labelledby=labelled_by>
            <h5 id=heading_id>
                <a href=View::home().document_link(&doc.id)>{doc.title.value.clone()}</a>
            </h5>
            <p class="account-meta">
                {format!("{}, {}, published ", c.kind_of(doc).label, doc.publisher.value)}
                {date_view(doc.date.value)}
                {basis_marker(&doc.date).map(|m| view! { " " {m} })}
            </p>
            {dates}
            <ul class="sources">{passages}</ul>
        </section>
    }
}

/// "Gives 2013: “first trialled in 2013”", "Gives April 2021 (inferred) from “this week”",
/// or "Gives no date of its own (the record's: May 2021, supplied)".
fn date_given(date: &Attested<DateSpec>) -> impl IntoView + use<> {
    let evidence = date
        .evidence
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(", ");
    let (before, after) = match date.basis {
        Basis::Stated => ("Gives ", format!(": {evidence}")),
        Basis::Inferred if evidence.is_empty() => {
            ("Gives ", ", from its own date of publication".to_string())
        }
        Basis::Inferred => ("Gives ", format!(", from {evidence}")),
        Basis::Supplied => (
            "Gives no date of its own; the other accounts give ",
            String::new(),
        ),
    };
    view! {
        <p class="account-date">
            {before}
            {date_view(date.value)}
            {basis_marker(date).map(|m| view! { " " {m} })}
            {after}
        </p>
    }
}
