//! A small hand-made record for data-driven tests of the selection and the actor filter:
//! two documents, six passages, three actors and two events, so every expected result can
//! be checked by eye. Passages are named by their first words.

use sim_explorer::engine::date::{parse, DateSpec};
use sim_explorer::engine::model::{
    Actor, ActorKind, Attested, Basis, Claim, Corpus, Document, Event, Involvement, Kind, Passage,
};

fn attested<T>(value: T) -> Attested<T> {
    Attested {
        value,
        basis: Basis::Stated,
        evidence: Vec::new(),
        note: None,
    }
}

fn date(text: &str) -> DateSpec {
    parse(text).unwrap()
}

/// (actor, how) pairs as involvements.
fn involved(list: &[Involved]) -> Vec<Involvement> {
    list.iter()
        .map(|&(actor, how)| Involvement {
            actor,
            mentioned: how & NAMED != 0,
            said: how & SAID != 0,
            reported: how & REPORTED != 0,
            wrote: false,
        })
        .collect()
}

pub const JENNINGS: u16 = 0;
pub const POLICE: u16 = 1;
pub const COALITION: u16 = 2;

/// How a passage involves an actor, combined with `|`: names it, gives its words, reports
/// its position in others' words.
const NAMED: u8 = 1;
const SAID: u8 = 2;
const REPORTED: u8 = 4;

/// An actor's involvement in a passage: (actor, how).
type Involved = (u16, u8);

/// The passages, in record order, with the actors each involves.
pub const PASSAGES: [(&str, &[Involved]); 6] = [
    // Document "a", dated 2013.
    (
        "Paul Jennings started the pilot on the Isle of Wight.",
        &[(JENNINGS, NAMED)],
    ),
    (
        "The police officer said the scheme would reduce demand.",
        &[(POLICE, SAID)],
    ),
    ("Nobody from the trust replied.", &[]),
    // Document "b", dated 17 June 2021.
    (
        "Campaigners said the pilot data was dodgy.",
        &[(COALITION, SAID)],
    ),
    // His denial is reported, not quoted: named, and his position reported.
    (
        "Jennings denied that the data was dodgy, the police said.",
        &[(JENNINGS, NAMED | REPORTED), (POLICE, SAID)],
    ),
    ("The review of the scheme ended in 2023.", &[]),
];

pub fn small_record() -> Corpus {
    let document = |id: &str, when: &str, range: std::ops::Range<usize>| Document {
        id: id.to_string(),
        title: attested(format!("Document {id}")),
        publisher: attested("P".to_string()),
        author: None,
        kind: 0,
        date: attested(date(when)),
        source: format!("{id}.txt"),
        passages: PASSAGES[range]
            .iter()
            .enumerate()
            .map(|(i, (text, actors))| Passage {
                key: format!("k{id}{i}aaaa"),
                number: i as u32 + 1,
                heading: false,
                text: text.to_string(),
                actors: involved(actors),
            })
            .collect(),
    };
    let actor = |id: &str, kind| Actor {
        id: id.to_string(),
        name: id.to_string(),
        kind,
        aliases: Vec::new(),
        aliases_in: Vec::new(),
        description: String::new(),
        support: Vec::new(),
        wrote: Vec::new(),
        part_of: None,
    };
    let mut corpus = Corpus {
        documents: vec![
            document("a", "2013", 0..3),
            document("b", "2021-06-17", 3..6),
        ],
        kinds: vec![Kind {
            id: "news-report".to_string(),
            label: "News report".to_string(),
            cite_as: "News report".to_string(),
        }],
        actors: vec![
            actor("paul-jennings", ActorKind::Person),
            actor("police", ActorKind::Organisation),
            actor("coalition", ActorKind::Group),
        ],
        events: vec![
            Event {
                id: "pilot".to_string(),
                title: "The pilot began".to_string(),
                date: date("2013"),
                sources: vec![(0, 0)],
                claims: vec![Claim {
                    date: date("2012"),
                    sources: vec![(1, 0)],
                }],
                disagreement: None,
                actors: vec![JENNINGS],
                note: None,
                publication: None,
            },
            Event {
                id: "review".to_string(),
                title: "The review ended".to_string(),
                date: date("2023"),
                sources: vec![(1, 2)],
                claims: Vec::new(),
                disagreement: None,
                actors: Vec::new(),
                note: None,
                publication: None,
            },
        ],
        disagreements: Vec::new(),
        drafts: Vec::new(),
        families: Vec::new(),
        names: Vec::new(),
        comparisons: Vec::new(),
    };
    // As the build does, once the actors are known.
    corpus.names = sim_explorer::engine::actors::names(&corpus);
    corpus
}

/// The first two words of a passage: how tests name it.
pub fn name(text: &str) -> String {
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}
