//! "Which accounts tell which events": the timeline's third view beside the chart and the
//! list, a table of events (rows) by the documents of the record (columns), saying which
//! document told each event first and which never mention it, sortable by date, with a
//! sentence per document for those who do not scan tables. The figures are
//! `engine::accounts::table`; this file only draws them.

use super::super::state;
use crate::compiled::corpus;
use crate::engine::accounts::{table, Order, Telling};
use crate::engine::view::View;
use leptos::prelude::*;

/// The table, its rows in the order the view asks for. Only the rows and the sorted
/// header's state follow the order: the header, and the sort button with the focus, stay.
#[component]
pub fn AccountsTable(order: Memo<Order>) -> impl IntoView {
    let s = state();
    let c = corpus();
    let figures = table(c);
    let n_docs = c.documents.len();
    let summaries = (0..n_docs)
        .map(|d| view! { <li>{figures.summary(c, d)}</li> })
        .collect_view();
    let columns = c
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            view! {
                <th scope="col" class="doc-col">
                    <a href=View::home().document_link(&doc.id)>{column_name(d)}</a>
                </th>
            }
        })
        .collect_view();
    let rows = StoredValue::new(figures.rows);
    let row = move |e: usize| {
        let event = &c.events[e];
        let cells = rows
            .with_value(|r| r[e].clone())
            .into_iter()
            .map(|telling| {
                let (class, mark, words) = match telling {
                    Telling::First => ("tells first", "●", "first"),
                    Telling::Later => ("tells", "○", "later"),
                    Telling::Never => ("never", "–", "not told"),
                };
                view! {
                    <td class=class>
                        <span aria-hidden="true">{mark}</span>
                        <span class="visually-hidden">{words}</span>
                    </td>
                }
            })
            .collect_view();
        view! {
            <tr>
                <td class="when">{event.date.short()}</td>
                <th scope="row"><a href=View::home().event_link(&event.id)>{event.title.clone()}</a></th>
                {cells}
            </tr>
        }
    };
    let n_events = c.events.len();
    view! {
        <section class="accounts-table" aria-labelledby="accounts-heading">
            <h3 id="accounts-heading">"Which accounts tell which events"</h3>
            <ul class="accounts-summary">{summaries}</ul>
            <table>
                <caption>
                    "Each event, and the documents that tell it: ● told it first, ○ told it \
                     later, – never mentions it. Sorted by date, "
                    {move || match order.get() {
                        Order::Oldest => "oldest first.",
                        Order::Newest => "newest first.",
                    }}
                </caption>
                <thead>
                    <tr>
                        <th
                            scope="col"
                            aria-sort=move || match order.get() {
                                Order::Oldest => "ascending",
                                Order::Newest => "descending",
                            }
                        >
                            <button
                                type="button"
                                class="sort"
                                on:click=move |_| {
                                    let next = order.get_untracked().flipped();
                                    s.push(|v| v.show_accounts(next))
                                }
                            >
                                "Date"
                                <span aria-hidden="true">
                                    {move || match order.get() {
                                        Order::Oldest => " ▲",
                                        Order::Newest => " ▼",
                                    }}
                                </span>
                            </button>
                        </th>
                        <th scope="col">"Event"</th>
                        {columns}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || order.get().rows(n_events) key=|e| *e children=row />
                </tbody>
            </table>
        </section>
    }
}

/// A column's heading: "Apr 2021 news report", short enough for five columns on a phone.
fn column_name(doc: usize) -> String {
    let c = corpus();
    let d = &c.documents[doc];
    format!(
        "{} {}",
        d.date.value.short(),
        c.kind_of(d).label.to_lowercase()
    )
}
