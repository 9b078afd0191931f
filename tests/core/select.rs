//! The one selection per keystroke (`engine::select`), data-driven on the small record:
//! a view in, the results, counts per actor and per event out. Covers the search alone,
//! the filter alone, the dates alone, all three together, and the empty-query path.

use super::fixture::{name, small_record};
use sim_explorer::engine::date::parse_point;
use sim_explorer::engine::filter::Role;
use sim_explorer::engine::search::CorpusIndex;
use sim_explorer::engine::select::{plan_headings, select, select_planned, Plans, Selection};
use sim_explorer::engine::timeline::RangeRule;
use sim_explorer::engine::view::View;

fn selection(view: &View) -> Selection {
    let corpus = small_record();
    let index = CorpusIndex::new(&corpus);
    let prepared = index.prepare(&view.query);
    let (filter, range) = (view.actor_filter(&corpus), view.range());
    // The page's way: both plans made once, kept while the filter or dates change.
    let headings = plan_headings(&index, &prepared);
    let plans = Plans {
        passages: &prepared,
        headings: &headings,
    };
    let planned = select_planned(&corpus, &index, plans, &filter, &range, 50);
    assert_eq!(
        planned,
        select(&corpus, &index, &prepared, &filter, &range, 50)
    );
    planned
}

/// The results of a view, best first, each named by its first two words.
fn results(view: &View) -> Vec<String> {
    let corpus = small_record();
    selection(view)
        .items
        .iter()
        .map(|item| name(&corpus.documents[item.doc].passages[item.passage].text))
        .collect()
}

fn check(view: View, expected: &[&str]) {
    assert_eq!(results(&view), expected, "{}", view.to_url());
    assert_eq!(selection(&view).total, expected.len(), "{}", view.to_url());
}

fn year(y: &str) -> Option<sim_explorer::engine::date::Point> {
    Some(parse_point(y).unwrap())
}

#[test]
fn search_filter_and_dates_compose() {
    let home = View::home();
    // The search alone, best first: the shorter passage ranks higher for the same word.
    check(
        home.with_query("dodgy"),
        &["Campaigners said", "Jennings denied"],
    );
    // A misspelling; both passages are ten words long, and a tie keeps the record's order.
    check(
        home.with_query("jenings"),
        &["Paul Jennings", "Jennings denied"],
    );
    // With an actor.
    check(
        home.with_query("dodgy").choose_actor("paul-jennings"),
        &["Jennings denied"],
    );
    check(
        home.with_query("dodgy")
            .choose_actor("police")
            .with_role(Role::Mentioned),
        &[],
    );
    // With dates: 2013 admits the 2013 document, and no passage of it says "dodgy".
    check(
        home.with_query("dodgy")
            .with_range(year("2013"), year("2013")),
        &[],
    );
    check(
        home.with_query("pilot")
            .with_range(year("2013"), year("2013")),
        &["Paul Jennings"],
    );
    // 2012 admits only the passage that gives 2012 as the pilot's start (a disputed date).
    check(
        home.with_query("pilot").with_range(None, year("2012")),
        &["Campaigners said"],
    );
    // All three.
    check(
        home.with_query("said")
            .choose_actor("police")
            .with_role(Role::Said)
            .with_range_rule(RangeRule::Published)
            .with_from(year("2021")),
        &["Jennings denied"],
    );
}

#[test]
fn every_word_is_required_when_an_admitted_passage_has_them_all() {
    let home = View::home();
    // One passage holds both words: only it is found.
    check(home.with_query("data police"), &["Jennings denied"]);
    let s = selection(&home.with_query("data police"));
    assert!(s.all_clauses);
    // Among the coalition's passages none holds both: those holding some are found, and
    // the page says so.
    check(
        home.with_query("data police").choose_actor("coalition"),
        &["Campaigners said"],
    );
    assert!(!selection(&home.with_query("data police").choose_actor("coalition")).all_clauses);
}

#[test]
fn with_no_search_the_filter_and_dates_select_in_record_order() {
    let home = View::home();
    check(
        home.choose_actor("police"),
        &["The police", "Jennings denied"],
    );
    check(
        home.choose_actor("paul-jennings")
            .choose_actor("police")
            .match_every(),
        &["Jennings denied"],
    );
    // Published in 2021: every passage of the 2021 documents; stating a 2021 event: the
    // one passage that does.
    check(
        home.with_range_rule(RangeRule::Published)
            .with_from(year("2021")),
        &["Campaigners said", "Jennings denied", "The review"],
    );
    check(home.with_from(year("2021")), &["The review"]);
    // A search of only punctuation holds no word: the filter alone decides.
    check(
        home.with_query("“ !? ”").choose_actor("coalition"),
        &["Campaigners said"],
    );
    assert!(!selection(&home.with_query("!?").choose_actor("coalition")).searched);
}

#[test]
fn with_nothing_applied_nothing_is_listed_but_everything_is_counted() {
    let s = selection(&View::home());
    assert!(s.items.is_empty());
    assert_eq!(s.total, 6);
    assert!(!s.searched);
    assert_eq!(s.actor_counts, [2, 2, 1]);
    assert_eq!(s.event_counts, [2, 1]);
}

#[test]
fn counts_follow_the_search_and_dates_but_not_the_chosen_actors() {
    let home = View::home();
    // "pilot": the Isle of Wight passage (Jennings) and the campaigners' (coalition).
    let s = selection(&home.with_query("pilot"));
    assert_eq!(s.actor_counts, [1, 0, 1]);
    // Both passages state the pilot event (one with its disputed 2012 date).
    assert_eq!(s.event_counts, [2, 0]);
    // Choosing the police empties the results but not the counts: each count says what
    // choosing that actor would give.
    let s = selection(&home.with_query("pilot").choose_actor("police"));
    assert_eq!(s.total, 0);
    assert_eq!(s.actor_counts, [1, 0, 1]);
    assert_eq!(
        s.event_counts,
        [0, 0],
        "no selected passage states either event"
    );
    // The role decides what counts.
    let s = selection(&home.with_query("said").with_role(Role::Said));
    assert_eq!(s.actor_counts, [0, 2, 1]);
    // Dates narrow the counts.
    let s = selection(
        &home
            .with_range_rule(RangeRule::Published)
            .with_from(year("2021")),
    );
    assert_eq!(s.actor_counts, [1, 1, 1]);
    assert_eq!(s.event_counts, [1, 1]);
}

#[test]
fn snippets_mark_every_matched_word() {
    let corpus = small_record();
    let s = selection(&View::home().with_query("dodgy data"));
    for item in &s.items {
        let marked: Vec<&str> = item
            .snippet
            .iter()
            .filter(|seg| seg.mark)
            .map(|seg| seg.text.as_str())
            .collect();
        let text = &corpus.documents[item.doc].passages[item.passage].text;
        assert!(
            marked.contains(&"data") && marked.contains(&"dodgy"),
            "{text}: {marked:?}"
        );
    }
}

#[test]
fn a_search_that_finds_nothing_suggests_words() {
    let s = selection(&View::home().with_query("zzzreview"));
    assert_eq!(s.total, 0);
    assert!(
        s.suggestions.iter().any(|x| x.replacement == "review"),
        "{:?}",
        s.suggestions
    );
}

mod on_the_record {
    //! Random searches, filters and dates on the real record: whatever is asked, every
    //! result is one the filter and the dates admit, and the figures agree.
    use super::super::corpus::real_corpus;
    use proptest::prelude::*;
    use sim_explorer::engine::date::parse_point;
    use sim_explorer::engine::filter::Role;
    use sim_explorer::engine::model::Corpus;
    use sim_explorer::engine::search::CorpusIndex;
    use sim_explorer::engine::select::select;
    use sim_explorer::engine::view::View;
    use std::sync::OnceLock;

    fn record() -> &'static (Corpus, CorpusIndex) {
        static R: OnceLock<(Corpus, CorpusIndex)> = OnceLock::new();
        R.get_or_init(|| {
            let c = real_corpus();
            let i = CorpusIndex::new(&c);
            (c, i)
        })
    }

    fn views() -> impl Strategy<Value = View> {
        let words = prop::sample::select(vec![
            "",
            "sim",
            "police",
            "jenings",
            "wessex ahsn",
            "\"high intensity\"",
            "data review",
            "self-harm",
            "zzqq",
            "!!",
            "kend",
            "coalition",
        ]);
        (
            words,
            prop::collection::vec(0usize..40, 0..3),
            any::<bool>(),
            prop::sample::select(vec![
                Role::Either,
                Role::Said,
                Role::Reported,
                Role::Mentioned,
            ]),
            prop::option::of(2012i32..2024),
            prop::option::of(2012i32..2024),
        )
            .prop_map(|(query, actors, all, role, from, to)| {
                let c = &record().0;
                let mut view = View::home().with_query(query).with_role(role);
                for a in actors {
                    view = view.choose_actor(&c.actors[a % c.actors.len()].id);
                }
                if all {
                    view = view.match_every();
                }
                let year = |y: Option<i32>| y.and_then(|y| parse_point(&y.to_string()).ok());
                view.with_range_rule(if all {
                    sim_explorer::engine::timeline::RangeRule::Published
                } else {
                    sim_explorer::engine::timeline::RangeRule::Stated
                })
                .with_range(year(from), year(to))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

        #[test]
        fn every_result_is_admitted_and_the_figures_agree(view in views(), limit in 1usize..40) {
            let (c, index) = record();
            let filter = view.actor_filter(c);
            let range = view.range();
            let s = select(c, index, &index.prepare(&view.query), &filter, &range, limit);
            prop_assert!(s.items.len() <= limit.min(s.total));
            let by_actor = filter.mask(c);
            let in_range = range.mask(c);
            for item in &s.items {
                let at = index.position(item.doc, item.passage);
                prop_assert!(by_actor[at] && in_range[at], "{:?} not admitted", item);
            }
            if !view.searches() && view.selects() {
                // With no search, the filter and dates alone select, in the record's order.
                let admitted = by_actor.iter().zip(&in_range).filter(|(a, r)| **a && **r).count();
                prop_assert_eq!(s.total, admitted);
                let positions: Vec<usize> = s.items.iter().map(|i| index.position(i.doc, i.passage)).collect();
                prop_assert!(positions.windows(2).all(|w| w[0] < w[1]));
            }
            prop_assert_eq!(s.actor_counts.len(), c.actors.len());
            prop_assert_eq!(s.event_counts.len(), c.events.len());
            for (e, &n) in c.events.iter().zip(&s.event_counts) {
                let sources = e.sources.len() + e.claims.iter().map(|x| x.sources.len()).sum::<usize>();
                prop_assert!(n as usize <= sources.min(s.total));
            }
        }
    }
}

#[test]
fn a_change_of_results_draws_a_screenful_and_the_rows_it_keeps_first() {
    use sim_explorer::engine::select::rows_first;
    // Every row new: the first screenful only.
    assert_eq!(rows_first(&[1, 2, 3, 4, 5], &[], 2), vec![1, 2]);
    // A row already drawn stays, in the hits' order, wherever it now ranks.
    assert_eq!(rows_first(&[1, 2, 3, 4, 5], &[9, 4], 2), vec![1, 2, 4]);
    // Rows no longer hits go; the same hits draw whole.
    assert_eq!(rows_first(&[3, 1], &[1, 2, 3], 1), vec![3, 1]);
    assert_eq!(rows_first(&[1, 2, 3], &[1, 2, 3], 0), vec![1, 2, 3]);
    // Fewer hits than a screenful: all of them.
    assert_eq!(rows_first(&[7, 8], &[], 8), vec![7, 8]);
}
