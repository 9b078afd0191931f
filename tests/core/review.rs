//! Our own words, reviewed (issue 11): rules that keep the corrections made then. Titles,
//! notes and descriptions may not state as fact what a disagreement holds open; "Surrey
//! Police" is not whichever police were in Surrey; the page does not speak of "captures" or
//! capture numbers; the actor page does not call a person "it".

use super::corpus::{real_corpus, root};
use std::fs;

/// Words that take a side where the record disagrees (each was in our words once), and the
/// disagreement that holds the point open.
const TAKES_A_SIDE: [(&str, &str); 4] = [
    ("agreed with the StopSIM Coalition", "joint-position-agreed"),
    ("instead of the joint policy", "joint-position-agreed"),
    ("Draft joint", "joint-position-agreed"),
    (
        "supported SIM in its early development",
        "wessex-ahsn-early-role",
    ),
];

#[test]
fn our_words_do_not_settle_what_the_sources_dispute() {
    let corpus = real_corpus();
    let ours = corpus
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.description.as_str()))
        .chain(corpus.events.iter().flat_map(|e| {
            [
                (e.id.as_str(), e.title.as_str()),
                (e.id.as_str(), e.note.as_deref().unwrap_or("")),
            ]
        }));
    for (id, text) in ours {
        for (words, dispute) in TAKES_A_SIDE {
            assert!(corpus.disagreement_index(dispute).is_some(), "{dispute}");
            assert!(
                !text.contains(words),
                "[{id}] says “{words}” as fact, which [{dispute}] holds open: attribute it"
            );
        }
    }
    // An event that is one side's account names the side in its title.
    let leak = corpus
        .events
        .iter()
        .find(|e| e.id == "draft-policy-leaked-to-hsj")
        .unwrap();
    assert!(
        leak.title.starts_with("StopSIM Coalition says"),
        "{}",
        leak.title
    );
}

#[test]
fn police_officers_in_surrey_are_not_named_as_surrey_police() {
    let corpus = real_corpus();
    let surrey = corpus.actor_index("surrey-police").unwrap() as u16;
    for p in corpus.documents.iter().flat_map(|d| &d.passages) {
        if p.text.contains("Police officers in Surrey") && !p.text.contains("Surrey Police") {
            assert!(
                !p.actors.iter().any(|x| x.actor == surrey && x.mentioned),
                "names Surrey Police: {}",
                p.text
            );
        }
    }
}

/// String literals on the lines of a Rust file that are not comments.
fn page_strings(path: &str) -> Vec<String> {
    let text = fs::read_to_string(root().join(path)).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//"))
        .flat_map(|l| {
            l.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_page_does_not_speak_of_captures() {
    for file in [
        "src/app/reader.rs",
        "src/app/document_list.rs",
        "src/app/cite.rs",
        "src/engine/cite.rs",
    ] {
        for s in page_strings(file) {
            assert!(!s.to_lowercase().contains("capture"), "{file}: “{s}”");
        }
    }
    // The notes the reader's "how these details are known" panel shows.
    for d in real_corpus().documents {
        let notes = [&d.title.note, &d.publisher.note, &d.date.note];
        for note in notes.into_iter().flatten() {
            assert!(!note.contains("capture"), "{}: {note}", d.id);
            assert!(
                !note.contains("(00"),
                "{}: a capture number in “{note}”",
                d.id
            );
        }
    }
}

#[test]
fn the_actor_page_does_not_call_a_person_it() {
    for s in page_strings("src/app/actors.rs") {
        for it in ["Show its ", "involving it", "In its own words", " it says"] {
            assert!(!s.contains(it), "“{s}”");
        }
    }
}
