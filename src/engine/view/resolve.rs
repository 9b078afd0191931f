//! A view checked against the record (`View::resolve`): what the record lacks is left out
//! with a notice for the person, and every id the view names is found, by position, in a
//! `Resolved` view, so the page never handles an id that is not there.

use super::View;
use crate::engine::date::{parse_point, Point};
use crate::engine::filter::ActorFilter;
use crate::engine::model::Corpus;
use crate::engine::text::is_passage_key;
use crate::engine::timeline::{Range, RangeRule};

/// A view checked against the record: the view with what the record lacks left out, and
/// every id it names found, by position. Made only by `View::resolve`.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub view: View,
    pub doc: Option<usize>,
    /// The open passage, by its index within `doc`.
    pub passage: Option<usize>,
    /// The actor whose page is open.
    pub actor: Option<usize>,
    pub event: Option<usize>,
    /// The two documents read side by side, by position.
    pub compare: Option<(usize, usize)>,
    /// The one disagreement the list of them opens at (`None` for the whole list, or when
    /// none is shown).
    pub disagreement: Option<usize>,
    /// The actor filter, ids turned into indices.
    pub filter: ActorFilter,
    /// The date range, its ends read as dates.
    pub range: Range,
}

impl Resolved {
    /// The positions of what `view` names; `view` has been checked, so each id is there.
    fn of(view: View, corpus: &Corpus) -> Resolved {
        let doc = view
            .doc
            .as_deref()
            .and_then(|id| corpus.documents.iter().position(|d| d.id == id));
        let passage = doc.zip(view.passage.as_deref()).and_then(|(d, key)| {
            corpus.documents[d]
                .passages
                .iter()
                .position(|p| p.key == key)
        });
        let position = |id: &str| corpus.documents.iter().position(|d| d.id == id);
        Resolved {
            compare: view
                .compare
                .as_ref()
                .and_then(|(a, b)| position(a).zip(position(b))),
            doc,
            passage,
            actor: view.actor.as_deref().and_then(|id| corpus.actor_index(id)),
            event: view
                .event
                .as_deref()
                .and_then(|id| corpus.events.iter().position(|e| e.id == id)),
            disagreement: view
                .dis
                .as_deref()
                .and_then(|id| corpus.disagreement_index(id)),
            filter: view.actor_filter(corpus),
            range: view.range(),
            view,
        }
    }
}

impl View {
    /// Checks the view against the corpus and returns the nearest view that exists, with
    /// every id found, and a notice for the person when the link asked for something that
    /// does not exist.
    pub fn resolve(self, corpus: &Corpus) -> (Resolved, Option<String>) {
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
            let (refs, unreadable) = crate::engine::collection::parse_shared(&codes);
            if unreadable > 0 {
                notices.push(format!(
                    "Part of the shared collection's link could not be read ({}), so {} \
                     left out.",
                    crate::engine::collection::plural(unreadable, "item"),
                    if unreadable == 1 { "it is" } else { "they are" }
                ));
            }
            let codes: Vec<String> = refs.iter().map(|r| r.code()).collect();
            codes.join(",")
        });
        let dis = match self.dis {
            Some(d)
                if d != crate::engine::disagreements::ALL
                    && corpus.disagreement_index(&d).is_none() =>
            {
                notices.push(format!(
                    "Disagreement not found: the link names “{}”, which is not in this record; \
                     showing every disagreement.",
                    shorten(&d)
                ));
                Some(crate::engine::disagreements::ALL.to_string())
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
            from: from.map(Point::written),
            to: to.map(Point::written),
            event,
            // Any order word opens the table (`accounts::Order::from_key`).
            accounts: self.accounts,
            dis,
            // Any text is a quote to check: a cut or odd one is simply checked as it is.
            check: self.check,
            collection,
            compare: None,
            about: self.about,
            doc: None,
            passage: None,
        };
        let (view, notice) = base.resolve_document(self.doc, self.passage, corpus);
        let (view, notice) = match (self.compare, notice) {
            (Some(pair), None) => view.resolve_compare(pair, corpus),
            (_, notice) => (view, notice),
        };
        notices.extend(notice);
        let notice = (!notices.is_empty()).then(|| notices.join(" "));
        (Resolved::of(view, corpus), notice)
    }

    /// Adds the two documents a link asks to read side by side: two documents of the record,
    /// not one twice; else the first alone, or nothing, and why.
    fn resolve_compare(self, (a, b): (String, String), corpus: &Corpus) -> (View, Option<String>) {
        let known = |id: &str| corpus.document(id).is_some();
        if known(&a) && known(&b) && a != b {
            return (
                View {
                    compare: Some((a, b)),
                    ..self
                },
                None,
            );
        }
        let missing = [&a, &b].into_iter().find(|id| !known(id));
        let why = match missing {
            Some(id) => format!(
                "Document not found: the link names “{}”, which is not in this record, to read                  beside another.",
                shorten(id)
            ),
            None => "A document cannot be read beside itself: showing it alone.".to_string(),
        };
        let view = match self.doc.is_none() && known(&a) {
            true => View {
                doc: Some(a),
                ..self
            },
            false => self,
        };
        (view, Some(why))
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
