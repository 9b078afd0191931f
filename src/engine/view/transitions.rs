//! Every change a person can make to the view, as a named, pure function from one `View`
//! to the next (type, open a document, choose an actor, narrow the dates, follow a link…),
//! and one link function per kind of thing, so the rules of what a view keeps and what it
//! clears live in one place and are tested as a table (`tests/core/view.rs`).

use super::View;
use crate::engine::accounts::Order;
use crate::engine::date::Point;
use crate::engine::filter::Role;
use crate::engine::timeline::RangeRule;

impl View {
    // ---- Transitions. Each is what one action of a person does to the view. ----
    // Opening a page (a document, a passage, an actor) keeps the search, the filter and the
    // dates, so its matches stay marked and "back to results" has somewhere to go; changing
    // the search, the filter or the dates shows the results, closing any open page, and
    // keeps everything else. An open event belongs to the timeline beside the results and
    // stays until closed or until a page takes the screen.

    /// The list of documents, with nothing applied.
    pub fn home() -> View {
        View::default()
    }

    /// What the view is without any open page: the results (or the list of documents).
    fn results(&self) -> View {
        View {
            doc: None,
            passage: None,
            actor: None,
            dis: None,
            check: None,
            collection: None,
            compare: None,
            about: false,
            ..self.clone()
        }
    }

    /// Typing in the search box: the results for `text`, with the filter and dates kept.
    pub fn with_query(&self, text: &str) -> View {
        View {
            query: text.to_string(),
            ..self.results()
        }
    }

    /// Clearing the search box (Escape, or removing the search from the active view).
    pub fn without_query(&self) -> View {
        self.with_query("")
    }

    /// Back from a document or an actor page to the results (or the list of documents).
    pub fn back_to_results(&self) -> View {
        self.results()
    }

    /// Opens a document at its top.
    pub fn open_document(&self, doc: &str) -> View {
        View {
            doc: Some(doc.to_string()),
            event: None,
            ..self.results()
        }
    }

    /// Opens a document at one of its passages, which is focused and offers citing.
    pub fn open_passage(&self, doc: &str, key: &str) -> View {
        View {
            passage: Some(key.to_string()),
            ..self.open_document(doc)
        }
    }

    /// Opens an actor's page.
    pub fn open_actor(&self, id: &str) -> View {
        View {
            actor: Some(id.to_string()),
            event: None,
            ..self.results()
        }
    }

    /// Opens "Where the sources disagree" at its top.
    pub fn open_disagreements(&self) -> View {
        self.open_disagreement(crate::engine::disagreements::ALL)
    }

    /// Opens "Where the sources disagree" at one disagreement.
    pub fn open_disagreement(&self, id: &str) -> View {
        View {
            dis: Some(id.to_string()),
            event: None,
            ..self.results()
        }
    }

    /// Opens "Check a quote" with `quote` in it (empty: nothing yet).
    pub fn open_check(&self, quote: &str) -> View {
        View {
            check: Some(quote.to_string()),
            event: None,
            ..self.results()
        }
    }

    /// Opens the reader's own collection.
    pub fn open_collection(&self) -> View {
        self.open_shared("")
    }

    /// Opens a collection someone shared: `codes` as `collection::Collection::share_value`
    /// writes them.
    pub fn open_shared(&self, codes: &str) -> View {
        View {
            collection: Some(codes.to_string()),
            event: None,
            ..self.results()
        }
    }

    /// Reads two documents side by side, `a` on the left (first on a phone).
    pub fn open_compare(&self, a: &str, b: &str) -> View {
        View {
            compare: Some((a.to_string(), b.to_string())),
            event: None,
            ..self.results()
        }
    }

    /// Opens "About this record".
    pub fn open_about(&self) -> View {
        View {
            about: true,
            event: None,
            ..self.results()
        }
    }

    /// Opens a timeline event beside the results.
    pub fn open_event(&self, id: &str) -> View {
        View {
            event: Some(id.to_string()),
            ..self.results()
        }
    }

    pub fn close_event(&self) -> View {
        View {
            event: None,
            ..self.clone()
        }
    }

    /// Shows which accounts tell which events, the timeline's table, its rows in `order`.
    /// Like the timeline's dates, it stays while pages open and close.
    pub fn show_accounts(&self, order: Order) -> View {
        View {
            accounts: Some(order),
            ..self.clone()
        }
    }

    pub fn hide_accounts(&self) -> View {
        View {
            accounts: None,
            ..self.clone()
        }
    }

    /// Adds an actor to the filter (nothing changes if it is chosen already).
    pub fn choose_actor(&self, id: &str) -> View {
        let mut next = self.results();
        if !next.actors.iter().any(|a| a == id) {
            next.actors.push(id.to_string());
        }
        next
    }

    /// Removes an actor from the filter; "all of them" goes with the last actor.
    pub fn drop_actor(&self, id: &str) -> View {
        let mut next = self.results();
        next.actors.retain(|a| a != id);
        if next.actors.is_empty() {
            next.match_all = false;
        }
        next
    }

    /// Chooses the actor if it is not chosen, drops it if it is (a checkbox).
    pub fn toggle_actor(&self, id: &str) -> View {
        if self.actors.iter().any(|a| a == id) {
            self.drop_actor(id)
        } else {
            self.choose_actor(id)
        }
    }

    /// Filters by this one actor alone ("show its passages"), search and dates kept.
    pub fn only_actor(&self, id: &str) -> View {
        View {
            actors: vec![id.to_string()],
            match_all: false,
            ..self.results()
        }
    }

    /// Which involvement counts for the chosen actors: any, own words, position reported,
    /// named.
    pub fn with_role(&self, role: Role) -> View {
        View {
            role,
            ..self.results()
        }
    }

    /// Passages involving any one of the chosen actors.
    pub fn match_any(&self) -> View {
        View {
            match_all: false,
            ..self.results()
        }
    }

    /// Passages involving every chosen actor (meaningless, and not kept, with none chosen).
    pub fn match_every(&self) -> View {
        View {
            match_all: !self.actors.is_empty(),
            ..self.results()
        }
    }

    /// Drops every actor from the filter, with its modes.
    pub fn without_actors(&self) -> View {
        View {
            actors: Vec::new(),
            match_all: false,
            role: Role::Either,
            ..self.results()
        }
    }

    /// Narrows to a date range (either end open); a reversed range is turned round.
    pub fn with_range(&self, from: Option<Point>, to: Option<Point>) -> View {
        let (from, to) = match (from, to) {
            (Some(a), Some(b)) if a.span().0 > b.span().1 => (Some(b), Some(a)),
            other => other,
        };
        View {
            from: from.map(Point::written),
            to: to.map(Point::written),
            ..self.results()
        }
    }

    /// Sets the range's start, keeping its end.
    pub fn with_from(&self, from: Option<Point>) -> View {
        self.with_range(from, self.range().to)
    }

    /// Sets the range's end, keeping its start.
    pub fn with_to(&self, to: Option<Point>) -> View {
        self.with_range(self.range().from, to)
    }

    pub fn without_range(&self) -> View {
        View {
            range_rule: RangeRule::Stated,
            ..self.with_range(None, None)
        }
    }

    /// Chooses which passages the range admits.
    pub fn with_range_rule(&self, rule: RangeRule) -> View {
        View {
            range_rule: rule,
            ..self.results()
        }
    }

    /// Where following `link` from this view leads. A link to a passage, a document, an
    /// actor or an event (and nothing else) opens it *here*, keeping this view's search,
    /// filter and dates, as `open_passage` and its kin do; any other link is a whole view
    /// and is taken as it is. So links in the page can be plain, shareable fragments
    /// (`#doc=…&p=…`) that never change while a person types, and still keep what they
    /// applied when followed in the page.
    pub fn follow(&self, link: &View) -> View {
        let target_only = View {
            doc: None,
            passage: None,
            actor: None,
            event: None,
            dis: None,
            ..link.clone()
        } == View::home();
        match (
            target_only,
            &link.doc,
            &link.passage,
            &link.actor,
            &link.event,
            &link.dis,
        ) {
            (true, Some(doc), Some(key), None, None, None) => self.open_passage(doc, key),
            (true, Some(doc), None, None, None, None) => self.open_document(doc),
            (true, None, None, Some(actor), None, None) => self.open_actor(actor),
            (true, None, None, None, Some(event), None) => self.open_event(event),
            (true, None, None, None, None, Some(dis)) => self.open_disagreement(dis),
            _ => link.clone(),
        }
    }

    // ---- Links. One function per kind of link, so every link to a thing is alike. ----

    /// The link to a passage from this view (the search stays, to keep its matches marked).
    /// `View::home().passage_link(..)` is the passage's plain, shareable link.
    pub fn passage_link(&self, doc: &str, key: &str) -> String {
        self.open_passage(doc, key).to_url()
    }

    pub fn document_link(&self, doc: &str) -> String {
        self.open_document(doc).to_url()
    }

    pub fn actor_link(&self, id: &str) -> String {
        self.open_actor(id).to_url()
    }

    pub fn event_link(&self, id: &str) -> String {
        self.open_event(id).to_url()
    }

    pub fn compare_link(&self, a: &str, b: &str) -> String {
        self.open_compare(a, b).to_url()
    }

    /// The link to one disagreement (`disagreements::ALL` for the list).
    pub fn disagreement_link(&self, id: &str) -> String {
        self.open_disagreement(id).to_url()
    }
}
