//! The view as a URL fragment: the search text, which document is open and which passage is
//! focused. Parsed
//! and written here, checked against the corpus, and nothing else; the page only reads and
//! sets `location.hash`. Later issues add search, actors and dates to the same type.

use super::date::{parse_point, Point};
use super::filter::Role;
use super::model::Corpus;
use super::text::is_passage_key;
use super::timeline::Range;

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
    /// The timeline event that is open.
    pub event: Option<String>,
    pub doc: Option<String>,
    pub passage: Option<String>,
}

/// Longest fragment read; anything longer is cut first, so a huge link cannot stall the page.
pub const MAX_FRAGMENT: usize = 2048;

impl View {
    /// The chosen date range (the view must have been resolved, which checks the dates).
    pub fn range(&self) -> Range {
        let point = |s: &Option<String>| s.as_deref().and_then(|s| parse_point(s).ok());
        Range {
            from: point(&self.from),
            to: point(&self.to),
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
                    view.actors = value
                        .split(',')
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect();
                    view.actors.dedup();
                }
                "am" => view.match_all = value == "all",
                "ar" => view.role = Role::from_key(&value).unwrap_or_default(),
                "actor" if !value.is_empty() => view.actor = Some(value),
                "from" if !value.is_empty() => view.from = Some(value),
                "to" if !value.is_empty() => view.to = Some(value),
                "ev" if !value.is_empty() => view.event = Some(value),
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
        for (key, value) in [("from", &self.from), ("to", &self.to), ("ev", &self.event)] {
            if let Some(value) = value {
                parts.push(format!("{key}={}", percent_encode(value)));
            }
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
        let base = View {
            query: self.query,
            // "All of them" means nothing without actors, and links only write it with them.
            match_all: self.match_all && !actors.is_empty(),
            actors,
            role: self.role,
            actor,
            from: from.map(Point::iso),
            to: to.map(Point::iso),
            event,
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
        let _ = View::parse("#\u{0}&&&=&==&doc=\u{202e}");
    }
}
