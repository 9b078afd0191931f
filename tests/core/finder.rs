//! The name finder (`engine::finder`): skim's scores rank names and their other forms,
//! its positions mark the letters matched, and "Go to" reaches every named thing of the
//! record by a few letters of its name.

use super::corpus::real_corpus;
use sim_explorer::engine::finder::{find, find_named, marked, named_things, Kind};
use sim_explorer::engine::view::View;

fn actor_names(typed: &str) -> Vec<String> {
    let c = real_corpus();
    find(
        typed,
        c.actors
            .iter()
            .map(|a| (a.name.as_str(), a.aliases.as_slice())),
    )
    .into_iter()
    .map(|f| c.actors[f.index].name.clone())
    .collect()
}

#[test]
fn a_few_letters_put_the_actor_first() {
    for (typed, first) in [
        ("hamp", "Hampshire Constabulary"),
        ("HAMP", "Hampshire Constabulary"),
        ("jenn", "Paul Jennings"),
        ("kend", "Tim Kendall"),
        ("surrey pol", "Surrey Police"),
        ("wessex", "Wessex Academic Health Science Network"),
    ] {
        let names = actor_names(typed);
        assert_eq!(
            names.first().map(String::as_str),
            Some(first),
            "{typed}: {names:?}"
        );
    }
    // Fewer letters narrow less; letters in no name find nothing; nothing typed, nothing.
    assert!(actor_names("h").len() > actor_names("hamp").len());
    assert!(actor_names("zqxj").is_empty());
    assert!(actor_names("  ").is_empty());
}

#[test]
fn an_alias_finds_its_actor_and_says_which_form_matched() {
    let names = ["Plain Name".to_string()];
    let aliases = [vec![], vec!["the force".to_string()]];
    let candidates = [
        ("Plain Name", &aliases[0][..]),
        ("Constabulary", &aliases[1][..]),
    ];
    let found = find("force", candidates);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].index, found[0].form), (1, 1));
    assert_eq!(found[0].indices, vec![4, 5, 6, 7, 8]);
    // A name that matches as well as an alias wins over it.
    let tie = find("plain", [("Plain", &[][..]), ("Other", &names[..])]);
    assert_eq!((tie[0].index, tie[0].form), (0, 0));
}

#[test]
fn the_matched_letters_are_marked() {
    let c = real_corpus();
    let police = c.actor_index("hampshire-constabulary").unwrap();
    let found = find(
        "hamp",
        c.actors
            .iter()
            .map(|a| (a.name.as_str(), a.aliases.as_slice())),
    );
    let top = &found[0];
    assert_eq!(top.index, police);
    assert_eq!(top.form, 0);
    assert_eq!(
        marked(&c.actors[police].name, &top.indices),
        vec![
            ("Hamp".to_string(), true),
            ("shire Constabulary".to_string(), false)
        ]
    );
    // Positions count characters, not bytes.
    assert_eq!(
        marked("“né”", &[1, 2]),
        vec![
            ("“".to_string(), false),
            ("né".to_string(), true),
            ("”".to_string(), false)
        ]
    );
    assert!(marked("", &[]).is_empty());
}

#[test]
fn go_to_reaches_every_named_thing_by_its_name() {
    let c = real_corpus();
    let things = named_things(&c);
    assert_eq!(
        things.len(),
        c.documents.len() + c.actors.len() + c.events.len() + c.disagreements.len()
    );
    for (i, thing) in things.iter().enumerate() {
        // Its whole name finds it among the first few.
        let found = find_named(&thing.name, &things);
        assert!(
            found.iter().take(5).any(|f| f.index == i),
            "{:?} “{}” is not among the first five for its own name",
            thing.kind,
            thing.name
        );
        // Its link opens it.
        let view = View::parse(&thing.link);
        let opens = match thing.kind {
            Kind::Document => view.doc.is_some(),
            Kind::Actor => view.actor.is_some(),
            Kind::Event => view.event.is_some(),
            Kind::Disagreement => view.dis.is_some(),
        };
        assert!(opens, "{}: {}", thing.name, thing.link);
        assert!(view.clone().resolve(&c).1.is_none(), "{}", thing.link);
    }
    // An actor's other forms reach it too.
    let found = find_named("hampshire police", &things);
    // Equal scores (skim scores a prefix alike in a short and a long text): the tighter
    // match, the whole alias, comes before longer titles that begin with it.
    assert_eq!(things[found[0].index].name, "Hampshire Constabulary");
    assert_eq!(found[0].form, 1);
}
