//! The view as a URL fragment, and every change a person can make to it. Parsed, written
//! and checked against the corpus here; each action (type, open a document, choose an actor,
//! narrow the dates…) is a named, pure function from one `View` to the next, so the rules of
//! what a view keeps and what it clears live in one place and are tested as a table. The
//! page never builds a `View` itself: it calls these and hands the result to the browser.

mod resolve;
mod transitions;

pub use resolve::Resolved;

use super::accounts::Order;
use super::date::parse_point;
use super::filter::{ActorFilter, Role};
use super::model::Corpus;
use super::normalize::is_word_char;
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
    /// "Which accounts tell which events", the timeline's table, open with its rows in
    /// this order (`accounts=oldest`).
    pub accounts: Option<Order>,
    /// "Where the sources disagree": `all` for the list, or the id of the disagreement the
    /// list opens at.
    pub dis: Option<String>,
    /// "Check a quote": the quote pasted (empty for the checker with nothing in it).
    pub check: Option<String>,
    /// The collection: empty for the reader's own, else a shared one's item codes
    /// (`p.KEY,e.ID,d.ID`; see `collection::parse_shared`).
    pub collection: Option<String>,
    /// Two documents read side by side (`cmp=A,B`), by id, in the order named.
    pub compare: Option<(String, String)>,
    /// "About this record" (`#about`), the short guide for a first visit.
    pub about: bool,
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
    /// Two documents side by side.
    Compare,
    /// About this record: the guide for a first visit.
    About,
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
        } else if self.compare.is_some() {
            Panel::Compare
        } else if self.about {
            Panel::About
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
                "accounts" => view.accounts = Some(Order::from_key(&value)),
                "dis" if !value.is_empty() => view.dis = Some(value),
                "check" => view.check = Some(value),
                "col" => view.collection = Some(value),
                "cmp" if !value.is_empty() => {
                    let (a, b) = value.split_once(',').unwrap_or((&value, ""));
                    view.compare = Some((a.to_string(), b.to_string()));
                }
                "about" => view.about = true,
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
        if let Some(order) = self.accounts {
            parts.push(format!("accounts={}", order.key()));
        }
        if let Some(quote) = &self.check {
            parts.push(format!("check={}", percent_encode(quote)));
        }
        if let Some(codes) = &self.collection {
            // Each code percent-encoded, the commas between them kept readable.
            let codes: Vec<String> = codes.split(',').map(percent_encode).collect();
            parts.push(format!("col={}", codes.join(",")));
        }
        if let Some((a, b)) = &self.compare {
            parts.push(format!("cmp={},{}", percent_encode(a), percent_encode(b)));
        }
        if self.about {
            parts.push("about".to_string());
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", percent_encode(doc)));
            if let Some(p) = &self.passage {
                parts.push(format!("p={}", percent_encode(p)));
            }
        }
        format!("#{}", parts.join("&"))
    }
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
