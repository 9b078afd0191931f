//! The collection: adding, moving, removing and undoing, merging a shared one, the stored
//! form read back, and damaged or foreign stored data recovered or reset, never a panic.

use super::corpus::real_corpus;
use proptest::prelude::*;
use sim_explorer::engine::citable::{Citable, Ref};
use sim_explorer::engine::collection::{missing, parse_shared, Collection, Item};

fn p(id: &str) -> Ref {
    Ref::Passage(id.to_string())
}

#[test]
fn items_are_added_once_moved_removed_and_put_back() {
    let mut c = Collection::default();
    assert!(c.add(p("aaa111")));
    assert!(c.add(Ref::Event("pilot-isle-of-wight".into())));
    assert!(!c.add(p("aaa111")), "an item is in a collection once");
    assert!(c.add(Ref::Disagreement("first-pilot-year".into())));
    c.set_note(&p("aaa111"), "check this");
    c.move_item(0, 2);
    assert_eq!(c.position(&p("aaa111")), Some(2));
    c.move_item(2, 99);
    assert_eq!(
        c.position(&p("aaa111")),
        Some(2),
        "moves are clamped to the list"
    );
    let (at, item) = c.remove(&p("aaa111")).unwrap();
    assert_eq!((at, item.note.as_str()), (2, "check this"));
    assert_eq!(c.len(), 2);
    c.restore(at, item);
    assert_eq!(c.position(&p("aaa111")), Some(2));
    assert_eq!(c.items[2].note, "check this");
}

#[test]
fn merging_a_shared_collection_adds_only_what_is_new() {
    let mut c = Collection::default();
    c.add(p("aaa111"));
    c.set_note(&p("aaa111"), "mine");
    let (shared, unreadable) = parse_shared("e.x,p.aaa111,p.bbb222,,junk");
    assert_eq!(unreadable, 1);
    assert_eq!(c.merge(&shared), 2);
    let codes: Vec<String> = c.items.iter().map(|i| i.what.code()).collect();
    assert_eq!(codes, ["p.aaa111", "e.x", "p.bbb222"]);
    assert_eq!(
        c.items[0].note, "mine",
        "merging keeps the reader's own notes"
    );
    assert_eq!(c.share_value(), "p.aaa111,e.x,p.bbb222");
}

#[test]
fn items_resolve_against_the_record_and_missing_ones_are_kept() {
    let corpus = real_corpus();
    let key = corpus.documents[0].passages[1].key.clone();
    let mut c = Collection::default();
    c.add(Ref::Passage(key));
    c.add(Ref::Event(corpus.events[0].id.clone()));
    c.add(Ref::Disagreement(corpus.disagreements[0].id.clone()));
    c.add(p("gone00"));
    assert_eq!(
        c.items[0].what.resolve(&corpus),
        Some(Citable::Passage { doc: 0, passage: 1 })
    );
    assert_eq!(c.items[1].what.resolve(&corpus), Some(Citable::Event(0)));
    assert_eq!(
        c.items[2].what.resolve(&corpus),
        Some(Citable::Disagreement(0))
    );
    assert_eq!(missing(&corpus, &c.items), vec![&p("gone00")]);
    // Stored and read back, the missing item is still there.
    let back = Collection::from_storage(&c.to_storage());
    assert_eq!(back.collection, c);
    assert_eq!(back.notice, None);
}

#[test]
fn damaged_storage_keeps_what_it_can_and_says_so() {
    let stored = "SIM Explorer collection 1\np.aaa111\tnote\nnot a line\np.aaa111\tagain\n\
                  e.x\t\nP.UPPER\t";
    let loaded = Collection::from_storage(stored);
    let codes: Vec<String> = loaded
        .collection
        .items
        .iter()
        .map(|i| i.what.code())
        .collect();
    assert_eq!(codes, ["p.aaa111", "e.x"]);
    assert_eq!(
        loaded.collection.items[0].note, "note",
        "the first copy of an item wins"
    );
    assert!(loaded
        .notice
        .unwrap()
        .starts_with("2 items of your saved collection"));

    for foreign in [
        "{\"items\":[1,2]}",
        "null",
        "SIM Explorer collection 2\np.a\t",
    ] {
        let loaded = Collection::from_storage(foreign);
        assert!(loaded.collection.is_empty(), "{foreign}");
        assert!(loaded
            .notice
            .unwrap()
            .contains("not in a form this page can read"));
    }
    assert_eq!(Collection::from_storage(""), Default::default());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Any notes, any characters: stored and read back unchanged.
    #[test]
    fn notes_survive_storage(notes in prop::collection::vec("\\PC*|[\\\\\t\n\r]{0,4}", 0..6)) {
        let mut c = Collection::default();
        for (n, note) in notes.iter().enumerate() {
            let what = p(&format!("k{n}"));
            c.items.push(Item { what, note: note.clone() });
        }
        let back = Collection::from_storage(&c.to_storage());
        prop_assert_eq!(back.collection, c);
        prop_assert_eq!(back.notice, None);
    }

    /// Any text at all in storage or a shared link reads as a sound collection: each item
    /// a readable id, once; whatever was left out is said; and what was read is what a
    /// second reading of it gives (recovery is done once, not again at every visit).
    #[test]
    fn any_stored_text_reads_as_a_sound_collection(
        text in "(p\\.[a-z0-9]{1,8}\t[^\n]{0,12}\n|[^\n]{0,20}\n){0,8}",
        header in any::<bool>(),
    ) {
        let text = if header { format!("SIM Explorer collection 1\n{text}") } else { text };
        let loaded = Collection::from_storage(&text);
        let codes: Vec<String> = loaded.collection.items.iter().map(|i| i.what.code()).collect();
        for code in &codes {
            prop_assert!(Ref::parse(code).is_some(), "{code}");
            prop_assert_eq!(codes.iter().filter(|c| *c == code).count(), 1, "{} twice", code);
        }
        // Nothing is left out without a word: a line that is not an item is said.
        let damaged = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .any(|l| Ref::parse(l.split('\t').next().unwrap_or("")).is_none());
        if header && damaged {
            prop_assert!(loaded.notice.is_some(), "lost lines, no notice: {:?}", text);
        }
        if !header && !text.trim().is_empty() {
            prop_assert!(codes.is_empty() && loaded.notice.is_some());
        }
        let again = Collection::from_storage(&loaded.collection.to_storage());
        prop_assert_eq!(again.collection, loaded.collection);
        prop_assert_eq!(again.notice, None);
        let (refs, unreadable) = parse_shared(&text.replace('\n', ","));
        let shared: Vec<String> = refs.iter().map(Ref::code).collect();
        prop_assert!(shared.iter().all(|c| Ref::parse(c).is_some()));
        prop_assert_eq!(parse_shared(&shared.join(",")), (refs.clone(), 0));
        let parts = text.split(['\n', ',']).filter(|c| !c.trim().is_empty()).count();
        prop_assert!(refs.len() + unreadable <= parts);
    }
}
