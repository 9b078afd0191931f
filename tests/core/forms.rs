//! Search finds what people mean, on the real record, data-driven: every form of a word,
//! split and joined words, a wrong or missing first letter; ranked exact above another form
//! above a beginning above a guess; and what must not match ("police" is not "policy").

use super::corpus::real_corpus;
use sim_explorer::engine::normalize::tokenize;
use sim_explorer::engine::search::{CorpusIndex, Query};
use std::sync::OnceLock;

struct Fixture {
    index: CorpusIndex,
    /// By index position: the passage's words, normalised.
    words: Vec<Vec<String>>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let corpus = real_corpus();
        let words = corpus
            .documents
            .iter()
            .flat_map(|d| &d.passages)
            .map(|p| tokenize(&p.text).into_iter().map(|t| t.norm).collect())
            .collect();
        Fixture {
            index: CorpusIndex::new(&corpus),
            words,
        }
    })
}

/// Index positions of the passages holding any of `forms` (a form of two words, "self
/// harm", must appear as neighbours).
fn holding(forms: &[&str]) -> Vec<usize> {
    let f = fixture();
    (0..f.words.len())
        .filter(|&p| {
            forms.iter().any(|form| {
                let parts: Vec<&str> = form.split(' ').collect();
                f.words[p]
                    .windows(parts.len())
                    .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
            })
        })
        .collect()
}

/// Every passage the query finds, best first.
fn found(query: &str) -> Vec<usize> {
    let f = fixture();
    f.index
        .index
        .search(&Query::parse(query), usize::MAX)
        .hits
        .iter()
        .map(|h| h.passage as usize)
        .collect()
}

#[test]
fn a_word_finds_every_form_of_it() {
    let cases: &[(&str, &[&str])] = &[
        ("warning", &["warn", "warned", "warnings"]),
        ("warned ", &["warn", "warned", "warnings"]),
        (
            "campaigning ",
            &["campaign", "campaigned", "campaigners", "campaigning"],
        ),
        (
            "campaigns ",
            &["campaign", "campaigned", "campaigners", "campaigning"],
        ),
        ("reviewed ", &["review", "reviews", "reviewed"]),
        ("concerned ", &["concern", "concerns", "concerned"]),
        ("trust ", &["trust", "trusts"]),
        ("publishing ", &["publish", "published", "publishing"]),
        // Split and joined words.
        ("Stop SIM", &["stopsim"]),
        ("stopsim ", &["stopsim"]),
        ("selfharm", &["self harm"]),
        ("self harm ", &["self harm"]),
        ("co production ", &["co produced", "co production"]),
        // A wrong or missing first letter.
        ("Gennings ", &["jennings"]),
        ("ennings ", &["jennings"]),
        ("Kessex ", &["wessex"]),
    ];
    for (query, forms) in cases {
        let expected = holding(forms);
        assert!(
            expected.len() >= 2,
            "{query}: too few passages to test ({expected:?})"
        );
        let got = found(query);
        let missed: Vec<usize> = expected
            .iter()
            .filter(|p| !got.contains(p))
            .copied()
            .collect();
        assert!(
            missed.is_empty(),
            "{query}: missed {} of {} passages: {missed:?}",
            missed.len(),
            expected.len()
        );
    }
}

#[test]
fn a_family_never_joins_unrelated_words() {
    // "police" and "policy" share letters, not meaning: never one family, so a passage that
    // only says "policy" (a one-letter guess at most) ranks below every passage of police.
    let police = holding(&["police", "policing", "policed"]);
    let policy_only: Vec<usize> = holding(&["policy", "policies"])
        .into_iter()
        .filter(|p| !police.contains(p))
        .collect();
    assert!(!policy_only.is_empty() && !police.is_empty());
    let got = found("police ");
    let last_police = got.iter().rposition(|p| police.contains(p)).unwrap();
    for p in policy_only {
        if let Some(at) = got.iter().position(|&x| x == p) {
            assert!(
                at > last_police,
                "'police' put a policy passage ({p}) among its own"
            );
        }
    }
    let corpus = real_corpus();
    assert!(
        !corpus
            .families
            .iter()
            .any(|f| f.iter().any(|w| w == "police") && f.iter().any(|w| w == "policy")),
        "police and policy in one family"
    );
    // And a quoted phrase stays exact: no other forms inside quotes.
    let quoted = found("\"warned\"");
    assert_eq!(quoted.len(), holding(&["warned"]).len());
}

#[test]
fn exact_ranks_above_another_form() {
    // "warned": a passage saying "warned" comes before any that only says "warnings".
    let got = found("warned ");
    let exact = holding(&["warned"]);
    let other: Vec<usize> = holding(&["warnings", "warn"])
        .into_iter()
        .filter(|p| !exact.contains(p))
        .collect();
    let last_exact = got.iter().rposition(|p| exact.contains(p)).unwrap();
    let first_other = got.iter().position(|p| other.contains(p)).unwrap();
    assert!(last_exact < first_other, "{got:?}");
}

#[test]
fn every_form_matched_is_marked() {
    let f = fixture();
    let prepared = f.index.index.prepare(Query::parse("warning "));
    let corpus = real_corpus();
    let mut marked: Vec<String> = Vec::new();
    for p in holding(&["warn", "warned", "warnings"]) {
        let (d, i) = f.index.passage_at(p);
        let text = &corpus.documents[d].passages[i].text;
        for (a, b) in f.index.highlights(&prepared, p, text) {
            marked.push(text[a..b].to_lowercase());
        }
    }
    for form in ["warn", "warned", "warnings"] {
        assert!(
            marked.iter().any(|m| m == form),
            "{form} not marked: {marked:?}"
        );
    }
}

/// The selection for a search alone, as the page makes it.
fn select_for(
    query: &str,
) -> (
    sim_explorer::engine::model::Corpus,
    sim_explorer::engine::select::Selection,
) {
    use sim_explorer::engine::filter::ActorFilter;
    use sim_explorer::engine::select::select;
    use sim_explorer::engine::timeline::Range;
    let f = fixture();
    let corpus = real_corpus();
    let prepared = f.index.prepare(query);
    let selection = select(
        &corpus,
        &f.index,
        &prepared,
        &ActorFilter::default(),
        &Range::default(),
        500,
    );
    (corpus, selection)
}

#[test]
fn a_name_finds_every_recorded_form_below_the_literal_matches() {
    let (corpus, s) = select_for("Hampshire police");
    let actor = corpus.actor_index("hampshire-constabulary").unwrap() as u16;
    assert_eq!(s.named, Some(actor));
    // "the force", in the report where it means Hampshire's police, is found by name.
    let by_name: Vec<&str> = s
        .items
        .iter()
        .filter(|i| i.by_name == Some(actor))
        .map(|i| corpus.documents[i.doc].passages[i.passage].text.as_str())
        .collect();
    assert!(
        by_name
            .iter()
            .any(|t| t.to_lowercase().contains("the force")),
        "{by_name:?}"
    );
    // Every passage naming the actor is found, and literal matches come first.
    let naming = corpus
        .documents
        .iter()
        .flat_map(|d| &d.passages)
        .filter(|p| p.actors.iter().any(|x| x.actor == actor && x.mentioned))
        .count();
    assert!(s.total >= naming, "{} of {naming}", s.total);
    let first_by_name = s.items.iter().position(|i| i.by_name.is_some()).unwrap();
    assert!(s.items[first_by_name..].iter().all(|i| i.by_name.is_some()));
    assert!(first_by_name > 0);
    // A search that is not a name finds nothing by name.
    assert_eq!(select_for("Hampshire emails").1.named, None);
}

#[test]
fn events_and_disagreements_lead_the_results() {
    let (corpus, s) = select_for("first piloted");
    let pilot = corpus
        .events
        .iter()
        .position(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    assert_eq!(s.events.first(), Some(&pilot), "{:?}", s.events);
    let year = corpus.disagreement_index("first-pilot-year").unwrap();
    assert!(s.disagreements.contains(&year));
    // Only headings holding every word: "pilot" alone would not bring the FOI events.
    assert!(select_for("zzqqxx").1.events.is_empty());
}
