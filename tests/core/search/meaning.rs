//! Search finds what a person means (issue 24), on the real record, through the page's own
//! path (`CorpusIndex::prepare`, then `select`): a name's other forms combine with the other
//! words typed, word families work both ways, numbers are found however they are written,
//! and a word the record says in other words finds them. Each case: `query -> fragments of
//! the passages its top 5 must hold`.

use super::fixture;
use sim_explorer::engine::filter::ActorFilter;
use sim_explorer::engine::select::{select, Selection};
use sim_explorer::engine::timeline::Range;

/// The page's top `k` results for a query, no actor or date chosen.
fn top(query: &str, k: usize) -> Selection {
    let f = fixture();
    let prepared = f.search.prepare(query);
    select(
        &f.corpus,
        &f.search,
        &prepared,
        &ActorFilter::default(),
        &Range::default(),
        k,
    )
}

/// The texts of the page's top `k` results for a query, and which were found by name.
fn selected(query: &str, k: usize) -> Vec<(&'static str, bool)> {
    let f = fixture();
    top(query, k)
        .items
        .iter()
        .map(|i| {
            let text = f.corpus.documents[i.doc].passages[i.passage].text.as_str();
            (text, i.by_name.is_some())
        })
        .collect()
}

/// Every fragment is in one of the page's top 5 results.
fn check(query: &str, expected: &[&str]) {
    let found = selected(query, 5);
    for fragment in expected {
        assert!(
            found.iter().any(|(t, _)| t.contains(fragment)),
            "{query:?} should find {fragment:?} in its top 5, found:\n{found:#?}"
        );
    }
}

#[test]
fn a_name_combines_with_the_other_words_typed() {
    // "The force" is Hampshire's police in the June 2021 report (the register says so for
    // that report only): found with "warned", and said to be found by name.
    let table: [(&str, &[&str]); 4] = [
        (
            "Hampshire police warned",
            &["The force has now confirmed to Disability News Service that it warned both"],
        ),
        (
            "Hampshire constabulary warned",
            &["The force has now confirmed to Disability News Service that it warned both"],
        ),
        // A name in the coalition's own statement is the speaker: its demands, in its
        // words ("we wanted … to be stopped") and the reports of its calls.
        (
            "StopSIM demands",
            &[
                "We wanted all discriminatory, coercive and punitive approaches",
                "withholding care and behavioural contracts for patients must end",
            ],
        ),
        ("NHS England apologised", &["NHS England has apologised"]),
    ];
    for (query, expected) in table {
        check(query, expected);
    }
    let force = selected("Hampshire police warned", 5);
    assert!(
        force
            .iter()
            .any(|(t, by_name)| *by_name && t.starts_with("The force has now confirmed")),
        "{force:#?}"
    );
}

#[test]
fn a_form_recorded_for_one_document_is_not_a_name_everywhere() {
    // "the force" names Hampshire's police only in one report: typed, it is two words,
    // and no passage is found by name for it.
    assert!(selected("the force", 50)
        .iter()
        .all(|(_, by_name)| !by_name));
    // What a name finds beyond its words is what the register ties to the actor: a
    // passage naming it in a form recorded for that passage's document, giving its words
    // or reporting its position; never a passage merely holding a word of one of its forms.
    let f = fixture();
    let actor = f.corpus.actor_index("hampshire-constabulary").unwrap() as u16;
    let s = top("Hampshire police", 500);
    let by_name: Vec<_> = s.items.iter().filter(|i| i.by_name.is_some()).collect();
    assert!(!by_name.is_empty());
    for item in by_name {
        let p = &f.corpus.documents[item.doc].passages[item.passage];
        assert!(
            p.actors
                .iter()
                .any(|x| x.actor == actor && (x.mentioned || x.said || x.reported || x.wrote)),
            "{}",
            p.text
        );
    }
}

#[test]
fn word_families_work_both_ways() {
    let table: [(&str, &[&str]); 3] = [
        ("apology", &["NHS England has apologised"]),
        (
            "apologised",
            &["crucially omitting an apology to service users"],
        ),
        (
            "apologise",
            &["NHS England has apologised", "omitting an apology"],
        ),
    ];
    for (query, expected) in table {
        check(query, expected);
    }
}

#[test]
fn numbers_are_found_however_they_are_written() {
    let members = "Over 63,000 members of the public";
    let table: [(&str, &[&str]); 10] = [
        ("63,000", &[members]),
        ("63000", &[members]),
        ("63k members", &[members]),
        ("63K", &[members]),
        ("63 thousand", &[members]),
        ("90%", &["reduced by up to 90 per cent"]),
        ("ninety percent", &["reduced by up to 90 per cent"]),
        ("fourteen trusts", &["fourteen others were still using"]),
        ("14 others", &["fourteen others were still using"]),
        (
            "2 s136 detentions",
            &["two s136 detentions within 12 months"],
        ),
    ];
    for (query, expected) in table {
        check(query, expected);
    }
}
