//! One identity for what is cited, linked and collected: every passage, event and
//! disagreement of the record round-trips between its stable id (`Ref`) and its place
//! (`Citable`), and every form of it names the same thing.

use super::corpus::real_corpus;
use sim_explorer::engine::citable::{Citable, Ref};
use sim_explorer::engine::view::View;

fn every_citable(corpus: &sim_explorer::engine::model::Corpus) -> Vec<Citable> {
    let passages = corpus.documents.iter().enumerate().flat_map(|(doc, d)| {
        (0..d.passages.len()).map(move |passage| Citable::Passage { doc, passage })
    });
    passages
        .chain((0..corpus.events.len()).map(Citable::Event))
        .chain((0..corpus.disagreements.len()).map(Citable::Disagreement))
        .collect()
}

#[test]
fn every_thing_round_trips_through_its_id_and_its_link() {
    let corpus = real_corpus();
    let all = every_citable(&corpus);
    assert!(all.len() > 200, "{}", all.len());
    for what in all {
        let id = what.to_ref(&corpus);
        assert_eq!(id.resolve(&corpus), Some(what), "{id:?}");
        assert_eq!(Ref::parse(&id.code()), Some(id.clone()));
        assert_eq!(id.noun(), what.noun());
        // The fragment opens it: the view it parses to names the same thing.
        let view = View::parse(&what.fragment(&corpus));
        let named = match what {
            Citable::Passage { .. } => view.passage.clone().map(Ref::Passage),
            Citable::Event(_) => view.event.clone().map(Ref::Event),
            Citable::Disagreement(_) => view.dis.clone().map(Ref::Disagreement),
        };
        assert_eq!(named, Some(id.clone()), "{}", what.fragment(&corpus));
        // Only a passage has a page of its own, named by its key.
        match what {
            Citable::Passage { .. } => {
                assert_eq!(what.page_path(&corpus), Some(format!("p/{}.html", id.id())))
            }
            _ => assert_eq!(what.page_path(&corpus), None),
        }
        assert!(!what.title(&corpus).is_empty());
    }
}

#[test]
fn an_id_the_record_lacks_resolves_to_nothing() {
    let corpus = real_corpus();
    for code in ["p.zzzzzz", "e.no-such-event", "d.no-such-question"] {
        assert_eq!(Ref::parse(code).unwrap().resolve(&corpus), None, "{code}");
    }
    for bad in ["x.abc", "p.", "p.ABC", "p.a b", "nothing"] {
        assert_eq!(Ref::parse(bad), None, "{bad}");
    }
}
