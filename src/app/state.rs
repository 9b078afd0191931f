//! The page's state: the view (which is the URL), a notice, and a memo for each slice of
//! them that a panel shows. A panel reads only its slices, so typing a letter wakes the
//! results and the counts that changed, not the document list, the timeline or the filter.
//! Every change of view goes through `push` or `replace` with a named transition from
//! `engine::view`; nothing else writes the view or the URL.

use super::browser;
use crate::compiled::{corpus, search_index};
use crate::engine::accounts::Order;
use crate::engine::filter::ActorFilter;
use crate::engine::search::{Prepared, MAX_QUERY_CHARS};
use crate::engine::select::{plan_headings, select_planned, Plans, Selection};
use crate::engine::timeline::Range;
use crate::engine::view::{Panel, Resolved, View};
use leptos::html::{Input, Ol};
use leptos::prelude::*;

/// Results shown at first, and added by each "Show more": two screens on a laptop, more
/// on a phone. Each keystroke redraws the results that changed, so fewer drawn is a
/// quicker keystroke (50 took a third of keystrokes over a frame; see the README).
pub const PAGE: usize = 20;

/// The view and its slices. `Copy`: every field is a handle into the reactive graph.
#[derive(Clone, Copy)]
pub struct State {
    /// The view, checked against the record: every id it names is there.
    view: RwSignal<Resolved>,
    /// Said once, above the page: a link that asked for something missing, a cut search.
    pub notice: RwSignal<Option<String>>,
    pub panel: Memo<Panel>,
    pub query: Memo<String>,
    /// The open document, by position in the corpus.
    pub doc: Memo<Option<usize>>,
    /// The focused passage's key.
    pub passage: Memo<Option<String>>,
    /// The actor whose page is open, by index.
    pub actor_page: Memo<Option<usize>>,
    pub filter: Memo<ActorFilter>,
    pub range: Memo<Range>,
    /// The open timeline event, by index.
    pub event: Memo<Option<usize>>,
    /// The two documents read side by side, by position.
    pub compare: Memo<Option<(usize, usize)>>,
    /// "Which accounts tell which events": open, in this order of its rows.
    pub accounts: Memo<Option<Order>>,
    /// "Where the sources disagree": `all`, or the disagreement it opens at.
    pub dis: Memo<Option<String>>,
    /// The collection page's codes: empty for the reader's own, else a shared one's.
    pub collection: Memo<String>,
    /// The quote being checked ("Check a quote"), as the address gives it.
    pub check: Memo<String>,
    /// The search, parsed, planned and scored once per change of its text.
    pub prepared: Memo<Prepared>,
    /// What the search, filter and dates select: results, counts per actor and per event.
    /// Lazy: computed only while a panel that shows it is on the page.
    pub selection: Memo<Selection>,
    /// How many results to show, for the search it was raised for.
    shown: RwSignal<(String, usize)>,
    /// The result most recently opened (its index position), so that the way back to the
    /// results returns to it.
    pub last_opened: RwSignal<Option<usize>>,
    /// Whether the results last changed by typing (the view rewritten in place): only then
    /// do they draw the rows past the screen once typing pauses (`search::rows_to_draw`).
    pub typed: StoredValue<bool>,
    /// The search box and the results list, for the keys that move between them.
    pub search_input: NodeRef<Input>,
    pub results_list: NodeRef<Ol>,
}

impl State {
    /// The state of the page as its URL describes it.
    pub fn from_location() -> State {
        let (view, notice) = View::parse(&browser::location_fragment()).resolve(corpus());
        State::for_view(view, notice)
    }

    /// The state of a page showing `view`, with `notice` said above it. Touches no browser
    /// API: the build renders the static record with it.
    pub fn for_view(view: Resolved, notice: Option<String>) -> State {
        let view = RwSignal::new(view);
        let notice = RwSignal::new(notice);
        let query = Memo::new(move |_| view.with(|r| r.view.query.clone()));
        let filter = Memo::new(move |_| view.with(|r| r.filter.clone()));
        let range = Memo::new(move |_| view.with(|r| r.range));
        let prepared = Memo::new(move |_| query.with(|q| search_index().prepare(q)));
        let headings = Memo::new(move |_| prepared.with(|p| plan_headings(search_index(), p)));
        let shown = RwSignal::new((String::new(), PAGE));
        let limit = Memo::new(move |_| {
            shown.with(|(for_query, n)| query.with(|q| if q == for_query { *n } else { PAGE }))
        });
        let selection = Memo::new(move |_| {
            prepared.with(|passages| {
                headings.with(|headings| {
                    let plans = Plans { passages, headings };
                    filter.with(|f| {
                        range.with(|r| {
                            select_planned(corpus(), search_index(), plans, f, r, limit.get())
                        })
                    })
                })
            })
        });
        State {
            view,
            notice,
            panel: Memo::new(move |_| view.with(|r| r.view.panel())),
            query,
            doc: Memo::new(move |_| view.with(|r| r.doc)),
            passage: Memo::new(move |_| view.with(|r| r.view.passage.clone())),
            actor_page: Memo::new(move |_| view.with(|r| r.actor)),
            filter,
            range,
            event: Memo::new(move |_| view.with(|r| r.event)),
            compare: Memo::new(move |_| view.with(|r| r.compare)),
            accounts: Memo::new(move |_| view.with(|r| r.view.accounts)),
            dis: Memo::new(move |_| view.with(|r| r.view.dis.clone())),
            collection: Memo::new(move |_| {
                view.with(|r| r.view.collection.clone().unwrap_or_default())
            }),
            check: Memo::new(move |_| view.with(|r| r.view.check.clone().unwrap_or_default())),
            prepared,
            selection,
            shown,
            last_opened: RwSignal::new(None),
            typed: StoredValue::new(false),
            search_input: NodeRef::new(),
            results_list: NodeRef::new(),
        }
    }

    /// The view now, without subscribing to it: for actions, which read it when they run.
    pub fn now(&self) -> View {
        self.view.with_untracked(|r| r.view.clone())
    }

    /// Reads the whole view, subscribing to every change of it. Only for what truly shows
    /// the whole view (the link to share); panels read their slices.
    pub fn view(&self) -> View {
        self.view.with(|r| r.view.clone())
    }

    /// Moves to the view `to` makes of the current one, as a step of its own that Back
    /// returns from (opening something, choosing a filter).
    pub fn push(&self, to: impl FnOnce(&View) -> View) {
        let next = to(&self.now());
        if next != self.now() {
            self.typed.set_value(false);
            browser::push_url(&next.to_url());
            self.notice.set(None);
            self.set(next);
        }
    }

    /// Changes the view in place, with no step for Back (typing, one letter at a time).
    pub fn replace(&self, to: impl FnOnce(&View) -> View) {
        let next = to(&self.now());
        self.typed.set_value(true);
        browser::replace_url(&next.to_url());
        self.set(next);
    }

    /// Shows `next`, checked against the record: a transition of a checked view only names
    /// what is there, so nothing is lost here and no notice is due.
    fn set(&self, next: View) {
        self.view.set(next.resolve(corpus()).0);
    }

    /// Follows the URL after Back or Forward, or a link the page did not handle itself.
    pub fn follow_location(&self) {
        browser::url_moved();
        self.typed.set_value(false);
        let (view, notice) = View::parse(&browser::location_fragment()).resolve(corpus());
        self.notice.set(notice);
        self.view.set(view);
    }

    /// Follows a link of the page (`#doc=…&p=…`, `#actor=…`): see `View::follow`.
    pub fn follow(&self, fragment: &str) {
        let (link, notice) = View::parse(fragment).resolve(corpus());
        self.push(|v| v.follow(&link.view));
        if notice.is_some() {
            self.notice.set(notice);
        }
    }

    /// Typing in the search box. A paste longer than the engine reads is cut here, with a
    /// notice, so it never reaches the URL.
    pub fn type_query(&self, mut text: String) {
        let cut = text.char_indices().nth(MAX_QUERY_CHARS).map(|(at, _)| at);
        if let Some(at) = cut {
            text.truncate(at);
        }
        self.replace(|v| v.with_query(&text));
        let notice = cut.map(|_| cut_notice());
        if self.notice.with_untracked(|n| *n != notice) {
            self.notice.set(notice);
        }
    }

    /// Focuses the search box and selects its text (the `/` shortcut, Escape in results).
    pub fn focus_search_box(&self) {
        if let Some(input) = self.search_input.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    }

    /// The result links on the page now (none when the results are not shown).
    pub fn result_links(&self) -> Vec<web_sys::HtmlElement> {
        if self.panel.get_untracked() != Panel::Results {
            return Vec::new();
        }
        self.results_list
            .get_untracked()
            .map(|list| browser::elements_in(&list, "a.result-link"))
            .unwrap_or_default()
    }

    /// Shows another page of results.
    pub fn show_more(&self) {
        let q = self.query.get_untracked();
        let n = self.selection.with_untracked(|s| s.items.len()) + PAGE;
        self.typed.set_value(false);
        self.shown.set((q, n));
    }
}

/// What the page says when it cuts a search to `MAX_QUERY_CHARS`.
pub fn cut_notice() -> String {
    format!("Your search was cut to its first {MAX_QUERY_CHARS} characters.")
}
