//! The actor filter, data-driven on the small record: `(actors, all, role) -> the passages
//! it admits`, and each actor's count.

use super::fixture::{name, small_record, COALITION, JENNINGS, POLICE};
use sim_explorer::engine::filter::{counts, ActorFilter, Role};

fn check(actors: &[u16], all: bool, role: Role, expected: &[&str]) {
    let corpus = small_record();
    let filter = ActorFilter {
        actors: actors.to_vec(),
        all,
        role,
    };
    let admitted: Vec<String> = corpus
        .documents
        .iter()
        .flat_map(|d| &d.passages)
        .zip(filter.mask(&corpus))
        .filter(|(_, ok)| *ok)
        .map(|(p, _)| name(&p.text))
        .collect();
    assert_eq!(admitted, expected, "{actors:?} all={all} {role:?}");
}

#[test]
fn the_filter_admits_passages_by_actor_mode_and_role() {
    use Role::*;
    let everything = [
        "Paul Jennings",
        "The police",
        "Nobody from",
        "Campaigners said",
        "Jennings denied",
        "The review",
    ];
    check(&[], false, Either, &everything);
    check(&[], true, Said, &everything);
    check(
        &[JENNINGS],
        false,
        Either,
        &["Paul Jennings", "Jennings denied"],
    );
    // A reported position is not the actor's words, and has a role of its own.
    check(&[JENNINGS], false, Said, &[]);
    check(&[JENNINGS], false, Reported, &["Jennings denied"]);
    check(&[POLICE, COALITION], false, Reported, &[]);
    check(
        &[JENNINGS],
        false,
        Mentioned,
        &["Paul Jennings", "Jennings denied"],
    );
    check(&[POLICE], false, Said, &["The police", "Jennings denied"]);
    check(&[POLICE], false, Mentioned, &[]);
    check(
        &[JENNINGS, COALITION],
        false,
        Either,
        &["Paul Jennings", "Campaigners said", "Jennings denied"],
    );
    check(&[JENNINGS, POLICE], true, Either, &["Jennings denied"]);
    // "All" with a role: every chosen actor must be involved in that role.
    check(&[JENNINGS, POLICE], true, Said, &[]);
    check(
        &[POLICE, COALITION],
        false,
        Said,
        &["The police", "Campaigners said", "Jennings denied"],
    );
    check(&[POLICE, COALITION], true, Said, &[]);
}

#[test]
fn counts_say_how_many_candidates_involve_each_actor_in_the_role() {
    let corpus = small_record();
    let all = vec![true; 6];
    assert_eq!(counts(&corpus, &all, Role::Either), [2, 2, 1]);
    assert_eq!(counts(&corpus, &all, Role::Said), [0, 2, 1]);
    assert_eq!(counts(&corpus, &all, Role::Reported), [1, 0, 0]);
    assert_eq!(counts(&corpus, &all, Role::Mentioned), [2, 0, 0]);
    let second_document = [false, false, false, true, true, true];
    assert_eq!(counts(&corpus, &second_document, Role::Either), [1, 1, 1]);
    assert_eq!(counts(&corpus, &[false; 6], Role::Either), [0, 0, 0]);
}

/// The roles' URL keys: the first two (`said`, `mentioned`) are in links already shared and
/// keep their names; the default has none; an unknown key means none.
#[test]
fn roles_keep_their_url_keys() {
    for (role, key) in [
        (Role::Either, None),
        (Role::Said, Some("said")),
        (Role::Reported, Some("reported")),
        (Role::Mentioned, Some("mentioned")),
    ] {
        assert_eq!(role.key(), key);
        if let Some(key) = key {
            assert_eq!(Role::from_key(key), Some(role));
        }
    }
    assert_eq!(Role::from_key("quoted"), None);
}
