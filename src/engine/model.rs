//! The corpus as the app sees it: documents with their attested metadata and their passages.
//! Built and checked by `load` at build time, shipped in the bundle as postcard bytes, and
//! decoded into these same types in the browser.

use super::date::DateSpec;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// In date order (earliest first), ties broken by id, so every view lists them alike.
    pub documents: Vec<Document>,
    /// The kinds of document, in the order of `corpus/kinds.txt`.
    pub kinds: Vec<Kind>,
    /// The people and organisations of the record, in the order of `corpus/actors.txt`.
    pub actors: Vec<Actor>,
    /// The dated events the documents state, in date order (earliest possible day first).
    pub events: Vec<Event>,
    /// Where the documents disagree, in the order of `corpus/disagreements.txt`.
    pub disagreements: Vec<Disagreement>,
    /// Drafts the passages quote whose words are not simply their authors' published
    /// words, in the order of `corpus/drafts.txt` (see `drafts.rs`).
    pub drafts: Vec<Draft>,
    /// The record's words that share a stem, each family sorted (see `families.rs`).
    pub families: Vec<Vec<String>>,
    /// Every actor's name and recorded forms as the search's words, in the actors' order:
    /// normalised at build time (`actors::names`), so the page never tokenizes an alias.
    pub names: Vec<ActorName>,
    /// Every pair of documents' aligned passages, computed at build time (`compare.rs`).
    pub comparisons: Vec<super::compare::Comparison>,
}

/// One name or recorded form of an actor, as the words the index holds for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorName {
    /// Index into `Corpus::actors`.
    pub actor: u16,
    /// The one document that uses the form (`alias-in:`); `None` where it names the actor
    /// everywhere.
    pub doc: Option<u16>,
    /// Normalised by `normalize::tokenize`, as the index and the query are.
    pub words: Vec<String>,
}

/// A question the record answers in more than one way: each position quoted from its
/// passages and credited to whoever takes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// A slug, its name in links (`#dis=ID`).
    pub id: String,
    /// The question, in neutral words ("How many mental health trusts used SIM?").
    pub question: String,
    pub difference: Difference,
    /// Our own words: what differs, and why it is (or is not) a conflict.
    pub note: String,
    /// Two or more.
    pub positions: Vec<Position>,
}

/// How the positions of a disagreement relate: only `Conflict` is a dispute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difference {
    /// They cannot all be true.
    Conflict,
    /// They count or describe different things, so all may be true.
    Scope,
    /// They describe different moments.
    Time,
    /// They are compatible (one date within another, say) but not the same.
    Overlap,
}

impl Difference {
    pub const ALL: [(Difference, &'static str); 4] = [
        (Difference::Conflict, "conflict"),
        (Difference::Scope, "scope"),
        (Difference::Time, "time"),
        (Difference::Overlap, "overlap"),
    ];

    /// What the page says of the positions.
    pub fn label(self) -> &'static str {
        match self {
            Difference::Conflict => "The sources conflict",
            Difference::Scope => "A difference of scope, not a conflict",
            Difference::Time => "A difference of time, not a conflict",
            Difference::Overlap => "The accounts overlap; they do not conflict",
        }
    }
}

/// One answer to a disagreement's question, and who gives it where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// The answer in a few neutral words ("2012", "26 trusts").
    pub summary: String,
    /// Who makes the claim: an index into `Corpus::actors`.
    pub by: u16,
    /// The date this position gives, where the question is when something happened.
    pub date: Option<DateSpec>,
    /// The words that carry the claim, each verbatim from one passage.
    pub quotes: Vec<Quote>,
}

/// Words quoted verbatim from one passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// (document, passage) position.
    pub at: PassageAt,
    pub text: String,
}

/// A document the record does not hold but quotes or summarises, whose words are not simply
/// its authors' published words: written by several bodies together, or not published by
/// those whose words they are (the draft SIM policy NHS England co-produced with the StopSIM
/// Coalition and did not publish, which the coalition released). A passage quoting it gives
/// its authors' words *in that draft*, and the page says so wherever it credits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// A slug, its name in `corpus/drafts.txt`.
    pub id: String,
    /// Who wrote it, by index into `Corpus::actors`, in the register's order.
    pub by: Vec<u16>,
    /// Who did not publish it, although the words are theirs.
    pub unpublished_by: Vec<u16>,
    /// Who made it public instead, where the record says.
    pub released_by: Vec<u16>,
    /// (document, passage) positions of the passages that quote or summarise it.
    pub quoted: Vec<PassageAt>,
}

/// Something the record says happened, when, and which passages say so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// Our own words.
    pub title: String,
    pub date: DateSpec,
    /// (document, passage) positions of the passages that state it.
    pub sources: Vec<PassageAt>,
    /// Other dates other passages give for the same event: the event is disputed. Taken
    /// from the positions of its disagreement at build time.
    pub claims: Vec<Claim>,
    /// Index into `Corpus::disagreements`: where the record disagrees about this event.
    pub disagreement: Option<u16>,
    /// Indices into `Corpus::actors`.
    pub actors: Vec<u16>,
    /// How a relative date was resolved, or what a reader should know.
    pub note: Option<String>,
    /// Index into `Corpus::documents`: this event is that document's publication (the
    /// timeline marks the record's own dates apart from the events they report).
    pub publication: Option<u16>,
}

/// A date another source gives for an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub date: DateSpec,
    pub sources: Vec<PassageAt>,
}

impl Event {
    /// An event with its id and date and nothing else yet: the register's reader fills in
    /// the rest field by field.
    pub fn dated(id: String, date: DateSpec) -> Self {
        Event {
            id,
            title: String::new(),
            date,
            sources: Vec::new(),
            claims: Vec::new(),
            disagreement: None,
            actors: Vec::new(),
            note: None,
            publication: None,
        }
    }

    pub fn disputed(&self) -> bool {
        !self.claims.is_empty() || self.disagreement.is_some()
    }

    /// "date disputed: also given as 2012, 2014": the other dates sources give, as the
    /// timeline's list, citations and exports all say it. `None` when no other date is
    /// given (a disagreement whose positions all give the event's own date).
    pub fn other_dates(&self) -> Option<String> {
        if self.claims.is_empty() {
            return None;
        }
        let dates: Vec<String> = self.claims.iter().map(|c| c.date.to_string()).collect();
        Some(format!("date disputed: also given as {}", dates.join(", ")))
    }
}

/// A person, organisation or group the record names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// A slug, the actor's name in links.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The text forms that name it everywhere.
    pub aliases: Vec<String>,
    /// Forms that name it only in one document, as (document id, text): references such as
    /// "the force" that only that document makes unambiguous.
    pub aliases_in: Vec<(String, String)>,
    /// Neutral, in our words.
    pub description: String,
    /// Passages that support the description, as (document, passage) positions.
    pub support: Vec<PassageAt>,
    /// Documents whose stated author it is, by position.
    pub wrote: Vec<u16>,
    /// Index of the actor it belongs to, if any.
    pub part_of: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActorKind {
    Person,
    Organisation,
    Group,
}

impl ActorKind {
    pub const ALL: [(ActorKind, &'static str); 3] = [
        (ActorKind::Person, "person"),
        (ActorKind::Organisation, "organisation"),
        (ActorKind::Group, "group"),
    ];

    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
        }
    }

    /// Heading for a group of actors of this kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            ActorKind::Person => "People",
            ActorKind::Organisation => "Organisations",
            ActorKind::Group => "Groups",
        }
    }
}

/// How a passage involves an actor: it names it, gives its words, reports its position,
/// or is in a document it wrote; any of these at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Involvement {
    /// Index into `Corpus::actors`.
    pub actor: u16,
    /// An alias of the actor appears in the passage.
    pub mentioned: bool,
    /// The passage gives the actor's own words: a quotation, a statement it issued, its
    /// spokesperson; for the author of a report, its narration (no one else's words).
    pub said: bool,
    /// The passage reports the actor's position in someone else's words ("it says that…"),
    /// never to be shown as the actor's own words.
    pub reported: bool,
    /// The passage is in a document the actor is the stated author of.
    pub wrote: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name without `.txt`; the document's name in links.
    pub id: String,
    pub title: Attested<String>,
    pub publisher: Attested<String>,
    pub author: Option<Attested<String>>,
    /// Index into `Corpus::kinds`.
    pub kind: u16,
    pub date: Attested<DateSpec>,
    /// File name of the unchanged capture in `corpus/sources/` that every passage is checked
    /// against. The capture itself never ships.
    pub source: String,
    pub passages: Vec<Passage>,
}

/// A metadata value and how we know it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attested<T> {
    pub value: T,
    pub basis: Basis,
    /// Words of the capture the value rests on, verbatim.
    pub evidence: Vec<String>,
    /// How an inference was made or why a value was supplied, in our own words.
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The capture states it.
    Stated,
    /// Deduced from words of the capture, which `evidence` quotes.
    Inferred,
    /// Ours: the capture has nothing to state or infer it from (a descriptive title).
    Supplied,
}

/// A kind of document (`corpus/kinds.txt`): a news report, a campaign statement, a letter…
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kind {
    /// A slug; what a document's `kind:` line names.
    pub id: String,
    /// How the document list and the reader name it, at the start of a line: "News report".
    pub label: String,
    /// How a citation names it, in square brackets after the title.
    pub cite_as: String,
}

/// Where a passage is: its document's and its own position in the corpus
/// (`corpus.documents[d].passages[p]`), as the registers' references are resolved. Not
/// its key, the stable id links use (`Passage::key`).
pub type PassageAt = (u16, u16);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Stable key, unique in the corpus: see `text::passage_key`.
    pub key: String,
    /// 1-based position among the document's paragraphs, or among its section headings for
    /// a heading (`place`): a locator for citations, not an id.
    pub number: u32,
    pub heading: bool,
    /// Verbatim, with whitespace folded.
    pub text: String,
    /// The actors it involves, by actor index, resolved at build time.
    pub actors: Vec<Involvement>,
}

impl Basis {
    pub const ALL: [(Basis, &'static str); 3] = [
        (Basis::Stated, "stated"),
        (Basis::Inferred, "inferred"),
        (Basis::Supplied, "supplied"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(b, _)| *b == self)
            .map_or("", |(_, n)| n)
    }
}

impl Corpus {
    /// The kind of one of this corpus's documents.
    pub fn kind_of(&self, doc: &Document) -> &Kind {
        &self.kinds[usize::from(doc.kind)]
    }
}

impl Corpus {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }

    pub fn passage_count(&self) -> usize {
        self.documents.iter().map(|d| d.passages.len()).sum()
    }
}

impl Document {
    pub fn passage(&self, key: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.key == key)
    }

    /// How many paragraphs it has (section headings are not paragraphs): the count the
    /// document list gives, which is also the last paragraph's number.
    pub fn paragraph_count(&self) -> usize {
        self.passages.iter().filter(|p| !p.heading).count()
    }

    /// "Title, paragraph 13": a passage named where it is, as the page links it.
    pub fn label_of(&self, passage: &Passage) -> String {
        format!("{}, {}", self.title.value, passage.place())
    }

    /// "2021-06-17-dodgy-data-warnings ¶13": a passage as a build problem names it, by the
    /// document's file name (a heading is "§2").
    pub fn locate(&self, passage: &Passage) -> String {
        let sign = if passage.heading { '§' } else { '¶' };
        format!("{} {sign}{}", self.id, passage.number)
    }
}

impl Passage {
    /// Where it stands in its document, as a citation gives it: "paragraph 13", or
    /// "section heading 2". Paragraphs and headings are numbered apart, so the thirteenth
    /// paragraph a reader counts in the original is "paragraph 13".
    pub fn place(&self) -> String {
        format!("{} {}", self.kind_words().0, self.number)
    }

    /// "Paragraph 13", "Section heading 2": the place as a label or a sentence starts it
    /// (a paragraph's anchor and tools, an export's note).
    pub fn place_label(&self) -> String {
        format!("{} {}", self.kind_words().1, self.number)
    }

    /// What it is, within a sentence and at its start.
    fn kind_words(&self) -> (&'static str, &'static str) {
        if self.heading {
            ("section heading", "Section heading")
        } else {
            ("paragraph", "Paragraph")
        }
    }
}
