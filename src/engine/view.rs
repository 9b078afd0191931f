//! The view as a URL fragment, and every change a person can make to it. Parsed, written
//! and checked against the corpus here; each action (type, open a document, choose an actor,
//! narrow the dates…) is a named, pure function from one `View` to the next, so the rules of
//! what a view keeps and what it clears live in one place and are tested as a table. The
//! page never builds a `View` itself: it calls these and hands the result to the browser.

use super::date::{parse_point, Point};
use super::filter::{ActorFilter, Role};
use super::model::Corpus;
use super::normalize::is_word_char;
use super::text::is_passage_key;
use super::timeline::{Range, RangeRule};

/// What the page shows. `Default` is the list of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The search box's text, as typed (cut to the query limit when read from a link).
    pub query: String,
    /// Actor ids chosen in the filter.
    pub actors: Vec<String>,
    /// The chosen actors must all be involved (otherwise any one).
    pub match_all: bool,
    pub role: Role,
    /// The actor whose page is open.
    pub actor: Option<String>,
    /// The date range chosen on the timeline, as written in links (`2018`, `2018-04`,
    /// `2018-04-01`); checked by `resolve`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Which passages the range admits (`by=published`; stated events when absent).
    pub range_rule: RangeRule,
    /// The timeline event that is open.
    pub event: Option<String>,
    /// "Where the sources disagree": `all` for the list, or the id of the disagreement the
    /// list opens at.
    pub dis: Option<String>,
    /// "Check a quote": the quote pasted (empty for the checker with nothing in it).
    pub check: Option<String>,
    /// The collection: empty for the reader's own, else a shared one's item codes
    /// (`p.KEY,e.ID,d.ID`; see `collection::parse_shared`).
    pub collection: Option<String>,
    pub doc: Option<String>,
    pub passage: Option<String>,
}

/// Longest fragment read; anything longer is cut first, so a huge link cannot stall the page.
/// Room for a quote to check (2,000 characters, percent-encoded) or a shared collection of
/// a few hundred items; reading it is linear, so this costs nothing.
pub const MAX_FRAGMENT: usize = 16_384;

/// Which main panel a view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The list of documents: nothing searched, filtered or opened.
    Documents,
    /// The passages a search, an actor filter or a date range selects.
    Results,
    /// One document.
    Document,
    /// One actor's page.
    Actor,
    /// Where the sources disagree.
    Disagreements,
    /// Check a quote against the record.
    Check,
    /// The reader's collection, or one shared with them.
    Collection,
}

impl View {
    /// The main panel this view shows. An open document wins over an actor page, which wins
    /// over results.
    pub fn panel(&self) -> Panel {
        if self.doc.is_some() {
            Panel::Document
        } else if self.actor.is_some() {
            Panel::Actor
        } else if self.dis.is_some() {
            Panel::Disagreements
        } else if self.check.is_some() {
            Panel::Check
        } else if self.collection.is_some() {
            Panel::Collection
        } else if self.selects() {
            Panel::Results
        } else {
            Panel::Documents
        }
    }

    /// Whether a search, an actor filter or a date range is applied. A search of only
    /// punctuation counts (the results then say it holds no word); spaces do not.
    pub fn selects(&self) -> bool {
        !self.query.trim().is_empty() || !self.actors.is_empty() || self.has_range()
    }

    /// Whether the search holds a word (spaces and punctuation alone search nothing).
    pub fn searches(&self) -> bool {
        self.query.chars().any(is_word_char)
    }

    pub fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

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
        self.open_disagreement(super::disagreements::ALL)
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
            from: from.map(Point::iso),
            to: to.map(Point::iso),
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

    /// The link to one disagreement (`disagreements::ALL` for the list).
    pub fn disagreement_link(&self, id: &str) -> String {
        self.open_disagreement(id).to_url()
    }

    /// The actor filter this view asks for, actor ids turned into indices (unknown ids,
    /// which `resolve` removes, are skipped).
    pub fn actor_filter(&self, corpus: &Corpus) -> ActorFilter {
        ActorFilter {
            actors: self
                .actors
                .iter()
                .filter_map(|id| corpus.actor_index(id).map(|i| i as u16))
                .collect(),
            all: self.match_all,
            role: self.role,
        }
    }

    /// The chosen date range (the view must have been resolved, which checks the dates).
    pub fn range(&self) -> Range {
        let point = |s: &Option<String>| s.as_deref().and_then(|s| parse_point(s).ok());
        Range {
            from: point(&self.from),
            to: point(&self.to),
            rule: self.range_rule,
        }
    }

    /// Reads a fragment such as `#doc=2021-06-17-dodgy-data-warnings&p=k3fabc`. Never fails:
    /// unknown keys and malformed values are dropped, and `resolve` explains what was lost.
    pub fn parse(fragment: &str) -> View {
        let mut cut = fragment.len().min(MAX_FRAGMENT);
        while !fragment.is_char_boundary(cut) {
            cut -= 1;
        }
        let fragment = fragment[..cut].trim_start_matches('#');
        let mut view = View::default();
        for pair in fragment.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "q" => view.query = value,
                "a" => {
                    // Each actor once, in the order first named.
                    view.actors.clear();
                    for id in value.split(',').filter(|a| !a.is_empty()) {
                        if !view.actors.iter().any(|a| a == id) {
                            view.actors.push(id.to_string());
                        }
                    }
                }
                "am" => view.match_all = value == "all",
                "ar" => view.role = Role::from_key(&value).unwrap_or_default(),
                "actor" if !value.is_empty() => view.actor = Some(value),
                "from" if !value.is_empty() => view.from = Some(value),
                "to" if !value.is_empty() => view.to = Some(value),
                "by" => view.range_rule = RangeRule::from_key(&value).unwrap_or_default(),
                "ev" if !value.is_empty() => view.event = Some(value),
                "dis" if !value.is_empty() => view.dis = Some(value),
                "check" => view.check = Some(value),
                "col" => view.collection = Some(value),
                "doc" if !value.is_empty() => view.doc = Some(value),
                "p" if !value.is_empty() => view.passage = Some(value),
                _ => {}
            }
        }
        view
    }

    /// The fragment for this view, `#` included; the list of documents is plain `#`.
    pub fn to_url(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.query)));
        }
        if !self.actors.is_empty() {
            let ids: Vec<String> = self.actors.iter().map(|a| percent_encode(a)).collect();
            parts.push(format!("a={}", ids.join(",")));
            if self.match_all {
                parts.push("am=all".to_string());
            }
        }
        if let Some(role) = self.role.key() {
            parts.push(format!("ar={role}"));
        }
        if let Some(actor) = &self.actor {
            parts.push(format!("actor={}", percent_encode(actor)));
        }
        for (key, value) in [("from", &self.from), ("to", &self.to)] {
            if let Some(value) = value {
                parts.push(format!("{key}={}", percent_encode(value)));
            }
        }
        if let Some(rule) = self.range_rule.key().filter(|_| self.has_range()) {
            parts.push(format!("by={rule}"));
        }
        for (key, value) in [("ev", &self.event), ("dis", &self.dis)] {
            if let Some(value) = value {
                parts.push(format!("{key}={}", percent_encode(value)));
            }
        }
        if let Some(quote) = &self.check {
            parts.push(format!("check={}", percent_encode(quote)));
        }
        if let Some(codes) = &self.collection {
            // Each code percent-encoded, the commas between them kept readable.
            let codes: Vec<String> = codes.split(',').map(percent_encode).collect();
            parts.push(format!("col={}", codes.join(",")));
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", percent_encode(doc)));
            if let Some(p) = &self.passage {
                parts.push(format!("p={}", percent_encode(p)));
            }
        }
        format!("#{}", parts.join("&"))
    }

    /// Checks the view against the corpus and returns the nearest view that exists, with a
    /// notice for the person when the link asked for something that does not.
    pub fn resolve(self, corpus: &Corpus) -> (View, Option<String>) {
        let mut notices: Vec<String> = Vec::new();
        // Unknown actors are dropped from the filter, each with a word.
        let (actors, unknown): (Vec<String>, Vec<String>) = self
            .actors
            .into_iter()
            .partition(|a| corpus.actor_index(a).is_some());
        for a in unknown {
            notices.push(format!(
                "Actor not found: the link names “{}”, which is not in this record; the filter \
                 leaves it out.",
                shorten(&a)
            ));
        }
        let actor = match self.actor {
            Some(a) if corpus.actor_index(&a).is_none() => {
                notices.push(format!(
                    "Actor not found: the link names “{}”, which is not in this record.",
                    shorten(&a)
                ));
                None
            }
            other => other,
        };
        // The range: each end must be a date; a reversed range is turned round.
        let mut point = |end: Option<String>, name: &str| -> Option<Point> {
            let text = end?;
            match parse_point(&text) {
                Ok(p) => Some(p),
                Err(_) => {
                    notices.push(format!(
                        "Date not understood: the link's “{name}” date “{}” is not a date; the \
                         range leaves it out.",
                        shorten(&text)
                    ));
                    None
                }
            }
        };
        let mut from = point(self.from, "from");
        let mut to = point(self.to, "to");
        if let (Some(a), Some(b)) = (from, to) {
            if a.span().0 > b.span().1 {
                std::mem::swap(&mut from, &mut to);
                notices.push(
                    "The link's date range ended before it started; it has been turned round."
                        .to_string(),
                );
            }
        }
        let event = match self.event {
            Some(e) if !corpus.events.iter().any(|x| x.id == e) => {
                notices.push(format!(
                    "Event not found: the link names “{}”, which is not on this timeline.",
                    shorten(&e)
                ));
                None
            }
            other => other,
        };
        // A shared collection keeps every readable code, in order, each once; ids this
        // record lacks stay (the page flags them), unreadable parts are dropped and said.
        let collection = self.collection.map(|codes| {
            let (refs, unreadable) = super::collection::parse_shared(&codes);
            if unreadable > 0 {
                notices.push(format!(
                    "Part of the shared collection's link could not be read ({}), so {} \
                     left out.",
                    super::collection::plural(unreadable, "item"),
                    if unreadable == 1 { "it is" } else { "they are" }
                ));
            }
            let codes: Vec<String> = refs.iter().map(|r| r.code()).collect();
            codes.join(",")
        });
        let dis = match self.dis {
            Some(d)
                if d != super::disagreements::ALL && corpus.disagreement_index(&d).is_none() =>
            {
                notices.push(format!(
                    "Disagreement not found: the link names “{}”, which is not in this record; \
                     showing every disagreement.",
                    shorten(&d)
                ));
                Some(super::disagreements::ALL.to_string())
            }
            other => other,
        };
        let base = View {
            query: self.query,
            // "All of them" means nothing without actors, and links only write it with them.
            match_all: self.match_all && !actors.is_empty(),
            actors,
            role: self.role,
            actor,
            // The rule means nothing without a range.
            range_rule: if from.is_some() || to.is_some() {
                self.range_rule
            } else {
                RangeRule::Stated
            },
            from: from.map(Point::iso),
            to: to.map(Point::iso),
            event,
            dis,
            // Any text is a quote to check: a cut or odd one is simply checked as it is.
            check: self.check,
            collection,
            doc: None,
            passage: None,
        };
        let (view, notice) = base.resolve_document(self.doc, self.passage, corpus);
        notices.extend(notice);
        let notice = (!notices.is_empty()).then(|| notices.join(" "));
        (view, notice)
    }

    /// Adds the document and passage a link asks for, or explains why it cannot.
    fn resolve_document(
        self,
        doc: Option<String>,
        passage: Option<String>,
        corpus: &Corpus,
    ) -> (View, Option<String>) {
        let Some(doc_id) = doc else {
            return (self, None);
        };
        let Some(doc) = corpus.document(&doc_id) else {
            let notice = format!(
                "Document not found: the link names “{}”, which is not in this record. \
                 Showing all documents instead.",
                shorten(&doc_id)
            );
            return (self, Some(notice));
        };
        let mut view = View {
            doc: Some(doc.id.clone()),
            passage: None,
            ..self
        };
        match passage {
            None => (view, None),
            Some(key) if is_passage_key(&key) && doc.passage(&key).is_some() => {
                view.passage = Some(key);
                (view, None)
            }
            Some(_) => (
                view,
                Some(
                    "Paragraph not found: this document has no paragraph with the ID in the \
                     link (it may have been edited since the link was made). Showing the whole \
                     document."
                        .to_string(),
                ),
            ),
        }
    }
}

/// Echoes at most a few words of a bad link back to the person.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; malformed escapes stay as written, invalid UTF-8 becomes
/// U+FFFD. Never fails: it reads links typed, truncated or mangled by other programs.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(doc: Option<&str>, p: Option<&str>) -> View {
        View {
            doc: doc.map(str::to_string),
            passage: p.map(str::to_string),
            ..View::default()
        }
    }

    #[test]
    fn parses_and_writes_fragments() {
        for (fragment, expected) in [
            ("", view(None, None)),
            ("#", view(None, None)),
            ("#doc=a-b", view(Some("a-b"), None)),
            ("#doc=a-b&p=k3fabc", view(Some("a-b"), Some("k3fabc"))),
            ("#p=k3fabc&doc=a-b&zzz=1", view(Some("a-b"), Some("k3fabc"))),
            ("#doc=a%2Db", view(Some("a-b"), None)),
            ("#doc=%E2%80%9C", view(Some("“"), None)),
            ("#doc=%zz", view(Some("%zz"), None)),
            ("#doc=%", view(Some("%"), None)),
            ("#doc=%F", view(Some("%F"), None)),
            ("#doc=&p=", view(None, None)),
        ] {
            assert_eq!(View::parse(fragment), expected, "{fragment}");
        }
        let v = view(Some("2021-06-17-x"), Some("k3fabc"));
        assert_eq!(v.to_url(), "#doc=2021-06-17-x&p=k3fabc");
        assert_eq!(View::parse(&v.to_url()), v);
        assert_eq!(View::default().to_url(), "#");
        let odd = view(Some("a b&c=“"), None);
        assert_eq!(View::parse(&odd.to_url()), odd);
        let searched = View {
            query: "“high intensity” 63,000 & 100%".to_string(),
            ..view(Some("d"), Some("k3fabc"))
        };
        assert_eq!(View::parse(&searched.to_url()), searched);
        assert_eq!(View::parse("#q=wessex+ahsn").query, "wessex ahsn");
    }

    #[test]
    fn survives_huge_and_broken_fragments() {
        let huge = format!("#doc={}", "é".repeat(100_000));
        let v = View::parse(&huge);
        assert!(v.doc.unwrap().len() <= MAX_FRAGMENT);
        // Control characters and stray separators: the view keeps what it could read, and
        // writes it back as a link that reads the same.
        let broken = View::parse("#\u{0}&&&=&==&doc=\u{202e}");
        assert_eq!(broken.doc.as_deref(), Some("\u{202e}"));
        assert_eq!(View::parse(&broken.to_url()), broken);
    }
}
