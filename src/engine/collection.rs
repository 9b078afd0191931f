//! A reader's collection: passages, events and disagreements gathered to cite later, each
//! with a private note, in the reader's order. Kept on the device as text (`to_storage`,
//! read back by `from_storage`, which recovers what it can from damaged data) and shared as
//! a list of ids in a link (`share_value`, `parse_shared`), never with the notes.
//!
//! Items name what they hold by stable ids (`citable::Ref`: a passage's key, an event's or
//! a disagreement's id), so a collection outlives new builds of the record; an id the record
//! no longer has stays in the collection, and `Ref::resolve` says so.

use super::citable::Ref;
use super::model::Corpus;

/// At most this many items are read from a shared link or from storage: far more than
/// anyone gathers by hand, few enough that a hostile link cannot stall the page.
pub const MAX_ITEMS: usize = 2000;

/// One thing collected, with the reader's note on it (private: never in a shared link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub what: Ref,
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collection {
    /// In the reader's order; each `Ref` once.
    pub items: Vec<Item>,
}

/// A collection read back from storage, and what the reader should be told about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub collection: Collection,
    /// Set when some or all of the stored text could not be read.
    pub notice: Option<String>,
}

/// The items whose ids this record no longer has: the page flags them, and the reference
/// lists leave them out.
pub fn missing<'a>(corpus: &Corpus, items: &'a [Item]) -> Vec<&'a Ref> {
    items
        .iter()
        .map(|i| &i.what)
        .filter(|r| r.resolve(corpus).is_none())
        .collect()
}

/// The first line of a stored collection: says whose data it is and in which version.
const HEADER: &str = "SIM Explorer collection 1";

impl Collection {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn position(&self, what: &Ref) -> Option<usize> {
        self.items.iter().position(|i| &i.what == what)
    }

    pub fn contains(&self, what: &Ref) -> bool {
        self.position(what).is_some()
    }

    /// Adds an item at the end; false (and nothing changes) if it is already there.
    pub fn add(&mut self, what: Ref) -> bool {
        if self.contains(&what) || self.items.len() >= MAX_ITEMS {
            return false;
        }
        self.items.push(Item {
            what,
            note: String::new(),
        });
        true
    }

    /// Removes an item, returning where it was and what it held (note included) so that
    /// removing can be undone with `restore`.
    pub fn remove(&mut self, what: &Ref) -> Option<(usize, Item)> {
        let at = self.position(what)?;
        Some((at, self.items.remove(at)))
    }

    /// Puts back an item `remove` took out, where it was (or at the end if the collection
    /// has shrunk since); nothing if it is there again already.
    pub fn restore(&mut self, at: usize, item: Item) {
        if !self.contains(&item.what) {
            let at = at.min(self.items.len());
            self.items.insert(at, item);
        }
    }

    /// Moves the item at `from` to position `to` (both clamped to the list).
    pub fn move_item(&mut self, from: usize, to: usize) {
        if from >= self.items.len() {
            return;
        }
        let to = to.min(self.items.len() - 1);
        let item = self.items.remove(from);
        self.items.insert(to, item);
    }

    pub fn set_note(&mut self, what: &Ref, note: &str) {
        if let Some(at) = self.position(what) {
            self.items[at].note = note.to_string();
        }
    }

    /// Adds each of `refs` that is not here yet, at the end, in their order; how many were
    /// added.
    pub fn merge(&mut self, refs: &[Ref]) -> usize {
        refs.iter().filter(|r| self.add((*r).clone())).count()
    }

    /// The ids, comma-separated, for a shared link (`col=`): notes stay on the device.
    pub fn share_value(&self) -> String {
        let codes: Vec<String> = self.items.iter().map(|i| i.what.code()).collect();
        codes.join(",")
    }

    /// The text kept on the device: a header line, then one line per item, `CODE<TAB>note`,
    /// with backslash, tab and line breaks in notes escaped.
    pub fn to_storage(&self) -> String {
        let mut out = String::from(HEADER);
        for item in &self.items {
            out.push('\n');
            out.push_str(&item.what.code());
            out.push('\t');
            out.push_str(&escape(&item.note));
        }
        out
    }

    /// Reads what `to_storage` wrote. Damaged lines are left out and counted; text that is
    /// not a collection at all gives an empty one. Either way the notice says so; it never
    /// fails.
    pub fn from_storage(text: &str) -> Loaded {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or("");
        if text.trim().is_empty() {
            return Loaded::default();
        }
        if first.trim_end() != HEADER {
            return Loaded {
                collection: Collection::default(),
                notice: Some(
                    "Your saved collection was not in a form this page can read (it may come \
                     from another program or a newer version), so the collection starts \
                     empty. The unreadable copy is kept on this device."
                        .to_string(),
                ),
            };
        }
        let mut collection = Collection::default();
        let mut unreadable = 0;
        for line in lines {
            if line.trim().is_empty() {
                continue;
            }
            let (code, note) = line.split_once('\t').unwrap_or((line, ""));
            match Ref::parse(code) {
                Some(what) if collection.add(what.clone()) => {
                    collection.set_note(&what, &unescape(note));
                }
                // A repeated id: the first copy is kept.
                Some(_) if collection.items.len() < MAX_ITEMS => {}
                _ => unreadable += 1,
            }
        }
        let notice = (unreadable > 0).then(|| {
            format!(
                "{} of your saved collection could not be read and {} left out; the rest \
                 is here. The damaged copy is kept on this device.",
                plural(unreadable, "item"),
                if unreadable == 1 { "was" } else { "were" }
            )
        });
        Loaded { collection, notice }
    }
}

/// Reads a shared link's `col=` value: the items it names, in order, each once, and how
/// many parts of it could not be read.
pub fn parse_shared(value: &str) -> (Vec<Ref>, usize) {
    let mut refs: Vec<Ref> = Vec::new();
    let mut unreadable = 0;
    for code in value.split(',').filter(|c| !c.trim().is_empty()) {
        match Ref::parse(code) {
            Some(r) if refs.len() < MAX_ITEMS => {
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
            _ => unreadable += 1,
        }
    }
    (refs, unreadable)
}

/// "1 item", "3 items".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn escape(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
