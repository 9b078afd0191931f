//! The view state and its URL: random views survive `to_url` then `parse`, and any
//! fragment at all (100,000 random ones) resolves to a view that exists, never a panic.

use super::corpus::real_corpus;
use proptest::prelude::*;
use sim_explorer::engine::filter::Role;
use sim_explorer::engine::model::Corpus;
use sim_explorer::engine::view::View;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(real_corpus)
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
}

fn views() -> impl Strategy<Value = View> {
    (
        "\\PC{0,40}",
        prop::collection::vec(slug(), 0..4),
        any::<bool>(),
        prop_oneof![Just(Role::Either), Just(Role::Said), Just(Role::Mentioned)],
        prop::option::of(slug()),
        prop::option::of("(19|20)[0-9]{2}(-0[1-9](-[0-2][1-8])?)?"),
        prop::option::of("(19|20)[0-9]{2}(-1[0-2])?"),
        prop::option::of(slug()),
        prop::option::of(slug()),
        prop::option::of("[a-z2-9]{6}"),
    )
        .prop_map(
            |(query, mut actors, match_all, role, actor, from, to, event, doc, passage)| {
                actors.dedup();
                View {
                    query,
                    match_all: match_all && !actors.is_empty(),
                    actors,
                    role,
                    actor,
                    from,
                    to,
                    event,
                    passage: doc.as_ref().and(passage),
                    doc,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]

    #[test]
    fn every_view_survives_its_url(view in views()) {
        let url = view.to_url();
        prop_assert!(url.starts_with('#'));
        prop_assert_eq!(View::parse(&url), view);
    }
}

/// A fragment a person, a mail program or a chat app might produce, good or mangled.
fn fragments() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("%".to_string()),
        Just("%E2%80%9C".to_string()),
        Just("q=".to_string()),
        Just("doc=".to_string()),
        Just("p=".to_string()),
        Just("a=".to_string()),
        Just("am=all".to_string()),
        Just("ar=said".to_string()),
        Just("actor=".to_string()),
        Just("from=".to_string()),
        Just("to=".to_string()),
        Just("ev=".to_string()),
        Just("2021-04-29-activists-call-for-sim-halt".to_string()),
        Just("paul-jennings,nhs-england".to_string()),
        Just("2013".to_string()),
        Just("2021-13-40".to_string()),
        Just("pilot-isle-of-wight".to_string()),
        "[a-z0-9-]{0,12}",
        "\\PC{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn any_fragment_opens_a_view_that_exists(fragment in fragments()) {
        let c = corpus();
        let (view, _notice) = View::parse(&fragment).resolve(c);
        if let Some(doc) = &view.doc {
            let d = c.document(doc);
            prop_assert!(d.is_some());
            if let Some(p) = &view.passage {
                prop_assert!(d.unwrap().passage(p).is_some());
            }
        } else {
            prop_assert!(view.passage.is_none());
        }
        prop_assert!(view.actors.iter().all(|a| c.actor_index(a).is_some()));
        prop_assert!(view.actor.iter().all(|a| c.actor_index(a).is_some()));
        prop_assert!(view.event.iter().all(|e| c.events.iter().any(|x| &x.id == e)));
        let range = view.range();
        prop_assert_eq!(range.from.is_some(), view.from.is_some());
        prop_assert_eq!(range.to.is_some(), view.to.is_some());
        let (from, to) = range.days();
        prop_assert!(from <= to);
        // What resolve gives is itself a stable link.
        prop_assert_eq!(View::parse(&view.to_url()).resolve(c).0, view);
    }
}
