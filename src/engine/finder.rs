//! The name finder: a few typed letters against short names (an actor and its other
//! forms, a document's title, an event, a disagreement's question), ranked by
//! fuzzy-matcher's skim scores (fzf-like: runs of letters and starts of words count most)
//! with the positions it matched, so the page can mark the letters that matched. Used by
//! the actor filter's name box and by "Go to"; pure, so it is tested natively.

use super::model::Corpus;
use super::view::View;
use crate::engine::order;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// What kind of thing a name names, as "Go to" says it beside the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Document,
    Actor,
    Event,
    Disagreement,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::Actor => "Actor",
            Kind::Event => "Event",
            Kind::Disagreement => "Disagreement",
        }
    }
}

/// One thing that can be found: its name, its other forms (an actor's aliases), and the
/// link that opens it.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub kind: Kind,
    pub name: String,
    pub aliases: Vec<String>,
    pub link: String,
}

/// One name found: which candidate, how well (skim's score), and which of its forms
/// matched best (0 the name, `n` its `n`th alias) at which character positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub index: usize,
    pub score: i64,
    pub form: usize,
    pub indices: Vec<usize>,
}

/// Longest text matched: a name finder is given a few letters, and skim's work grows with
/// the pattern times the text.
const MAX_TYPED: usize = 64;

/// The candidates whose name or one of whose forms holds `typed`'s letters in order, best
/// first: by score, then the shorter form matched (skim scores a prefix alike in a short
/// and a long text, and the short one is the tighter match), then a match in the name
/// before one in another form, then the order given. Empty when nothing is typed.
pub fn find<'a, I>(typed: &str, candidates: I) -> Vec<Found>
where
    I: IntoIterator<Item = (&'a str, &'a [String])>,
{
    let typed: String = typed.trim().chars().take(MAX_TYPED).collect();
    if typed.is_empty() {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut found: Vec<(Found, usize)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(index, (name, aliases))| {
            std::iter::once(name)
                .chain(aliases.iter().map(String::as_str))
                .enumerate()
                .filter_map(|(form, text)| {
                    matcher
                        .fuzzy_indices(text, &typed)
                        .map(|(score, indices)| Found {
                            index,
                            score,
                            form,
                            indices,
                        })
                })
                // The best form; on a tie the earlier (the name first).
                .reduce(|best, f| if f.score > best.score { f } else { best })
                .map(|f| {
                    let form = if f.form == 0 {
                        name
                    } else {
                        &aliases[f.form - 1]
                    };
                    let length = form.chars().count();
                    (f, length)
                })
        })
        .collect();
    order::sort_by(&mut found, |(a, a_len), (b, b_len)| {
        b.score
            .cmp(&a.score)
            .then(a_len.cmp(b_len))
            .then((a.form > 0).cmp(&(b.form > 0)))
            .then(a.index.cmp(&b.index))
    });
    found.into_iter().map(|(f, _)| f).collect()
}

/// `find` over named things.
pub fn find_named(typed: &str, things: &[Named]) -> Vec<Found> {
    find(
        typed,
        things
            .iter()
            .map(|t| (t.name.as_str(), t.aliases.as_slice())),
    )
}

/// The text cut into runs, each marked when its characters are among `indices` (character
/// positions, as `find` gives them): what the page wraps in `<mark>`.
pub fn marked(text: &str, indices: &[usize]) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let on = indices.contains(&i);
        match runs.last_mut() {
            Some((run, m)) if *m == on => run.push(c),
            _ => runs.push((c.to_string(), on)),
        }
    }
    runs
}

/// Everything "Go to" can reach, in the order the record lists them: the documents, the
/// actors (with their aliases), the events and the disagreements, each with its link.
pub fn named_things(corpus: &Corpus) -> Vec<Named> {
    let home = View::home();
    let documents = corpus.documents.iter().map(|d| Named {
        kind: Kind::Document,
        name: d.title.value.clone(),
        aliases: Vec::new(),
        link: home.document_link(&d.id),
    });
    let actors = corpus.actors.iter().map(|a| Named {
        kind: Kind::Actor,
        name: a.name.clone(),
        aliases: a.aliases.clone(),
        link: home.actor_link(&a.id),
    });
    let events = corpus.events.iter().map(|e| Named {
        kind: Kind::Event,
        name: e.title.clone(),
        aliases: Vec::new(),
        link: home.event_link(&e.id),
    });
    let disagreements = corpus.disagreements.iter().map(|d| Named {
        kind: Kind::Disagreement,
        name: d.question.clone(),
        aliases: Vec::new(),
        link: home.disagreement_link(&d.id),
    });
    documents
        .chain(actors)
        .chain(events)
        .chain(disagreements)
        .collect()
}
