//! Timeline events: the register's checks with broken files, and the real timeline's
//! order, disputes and sources; the date range's passages.

use super::corpus::real_corpus;
use sim_explorer::engine::date::parse_point;
use sim_explorer::engine::events;
use sim_explorer::engine::load::File;
use sim_explorer::engine::timeline::{Range, RangeRule};

fn problems(text: &str) -> Vec<String> {
    let mut corpus = real_corpus();
    events::load(
        &File {
            path: "corpus/events.txt",
            text,
        },
        &mut corpus,
    )
    .iter()
    .map(|p| p.to_string())
    .collect()
}

#[test]
fn a_publication_is_dated_as_its_document_and_happens_once() {
    let text = "\
[first]
title: Published
date: 2022-04-14
source: 2022-04-14-nhs-england-blocks-sim-reviews: NHS England is unlawfully blocking
publication: 2022-04-14-nhs-england-blocks-sim-reviews
[again]
title: Published again, a day late
date: 2022-04-15
source: 2022-04-14-nhs-england-blocks-sim-reviews: NHS England is unlawfully blocking
publication: 2022-04-14-nhs-england-blocks-sim-reviews
publication: no-such-doc
";
    assert_eq!(
        problems(text),
        [
            "corpus/events.txt:6: [again]: '2022-04-14-nhs-england-blocks-sim-reviews' already has a publication event",
            "corpus/events.txt:6: [again]: a publication has its document's date (14 April 2022), not 15 April 2022",
            "corpus/events.txt:11: publication: unknown document id 'no-such-doc'",
        ]
    );
    // The record: each of its documents has its publication on the timeline.
    let corpus = real_corpus();
    for (d, doc) in corpus.documents.iter().enumerate() {
        let n = corpus
            .events
            .iter()
            .filter(|e| e.publication == Some(d as u16))
            .count();
        assert_eq!(n, 1, "{}", doc.id);
    }
}

#[test]
fn reports_every_problem_with_its_line() {
    let text = "\
[ok-event]
title: Fine
date: 2013
source: 2023-nhse-unpublished-sim-apology: SIM was first trialled in 2013 on the Isle of Wight
[bad-date]
title: A
date: 2021-02-30
source: 2023-nhse-unpublished-sim-apology: SIM was first trialled in 2013 on the Isle of Wight
[no-source]
title: B
date: mid 2018
actor: nobody
[Bad Id]
when: 2018
date: 2018-13
source: no-such-doc: words
source: 2023-stopsim-statement: words that appear nowhere
source: 2023-stopsim-statement: SIM
disagreement: no-such-disagreement
claim: 2012
[ok-event]
";
    assert_eq!(
        problems(text),
        [
            "corpus/events.txt:5: [bad-date] has no date",
            "corpus/events.txt:7: date: February 2021 has no day 30",
            "corpus/events.txt:9: [no-source] has no source: name the passages that state it",
            "corpus/events.txt:12: unknown actor id 'nobody'",
            "corpus/events.txt:13: [Bad Id] has no date",
            "corpus/events.txt:13: [Bad Id] has no source: name the passages that state it",
            "corpus/events.txt:13: [Bad Id] has no title",
            "corpus/events.txt:13: event id 'Bad Id': use lowercase letters, digits and hyphens",
            "corpus/events.txt:14: unknown field 'when': the fields are title, date, source, disagreement, actor, note, publication",
            "corpus/events.txt:15: date: there is no month 13",
            "corpus/events.txt:16: unknown document 'no-such-doc'",
            "corpus/events.txt:17: no passage of 2023-stopsim-statement contains “words that appear nowhere”",
            "corpus/events.txt:18: 14 passages of 2023-stopsim-statement contain “SIM”: quote more words",
            "corpus/events.txt:19: unknown disagreement id 'no-such-disagreement' (corpus/disagreements.txt)",
            "corpus/events.txt:20: unknown field 'claim': the fields are title, date, source, disagreement, actor, note, publication",
            "corpus/events.txt:21: [ok-event] has no date",
            "corpus/events.txt:21: [ok-event] has no source: name the passages that state it",
            "corpus/events.txt:21: [ok-event] has no title",
            "corpus/events.txt:21: event id 'ok-event' is also on line 1",
        ]
    );
}

#[test]
fn the_timeline_is_ordered_sourced_and_keeps_disputes() {
    let corpus = real_corpus();
    assert!(corpus.events.len() > 20, "{}", corpus.events.len());
    assert!(corpus
        .events
        .windows(2)
        .all(|w| w[0].date.sort_key() <= w[1].date.sort_key()));
    assert!(corpus.events.iter().all(|e| !e.sources.is_empty()));
    // The pilot's first year: 2013 in the DNS reports, 2012 in the coalition's statement.
    let pilot = corpus
        .events
        .iter()
        .find(|e| e.title.contains("piloted"))
        .unwrap();
    assert!(pilot.disputed());
    let years: Vec<String> = std::iter::once(pilot.date)
        .chain(pilot.claims.iter().map(|c| c.date))
        .map(|d| d.to_string())
        .collect();
    assert!(years.contains(&"2013".to_string()) && years.contains(&"2012".to_string()));
    // Every document's publication is on the timeline.
    for doc in &corpus.documents {
        assert!(
            corpus.events.iter().any(|e| e.date == doc.date.value
                && e.sources
                    .iter()
                    .any(|&(d, _)| corpus.documents[usize::from(d)].id == doc.id)),
            "{} has no publication event",
            doc.id
        );
    }
}

#[test]
fn a_range_admits_passages_of_its_documents_and_events() {
    let corpus = real_corpus();
    let range = |from: &str, to: &str| Range {
        from: Some(parse_point(from).unwrap()),
        to: Some(parse_point(to).unwrap()),
        rule: RangeRule::Stated,
    };
    let published = |from: &str, to: &str| Range {
        rule: RangeRule::Published,
        ..range(from, to)
    };
    let count = |r: Range| r.mask(&corpus).iter().filter(|&&b| b).count();
    let all = corpus.passage_count();
    assert_eq!(Range::default().mask(&corpus).len(), all);
    assert_eq!(count(Range::default()), all);
    // 2013 holds no document, but passages that state 2013 events.
    let r2013 = range("2013", "2013");
    let mut cited: Vec<(u16, u16)> = corpus
        .events
        .iter()
        .flat_map(|e| {
            std::iter::once((e.date, &e.sources))
                .chain(e.claims.iter().map(|c| (c.date, &c.sources)))
        })
        .filter(|(date, _)| r2013.overlaps(*date))
        .flat_map(|(_, sources)| sources.iter().copied())
        .collect();
    cited.sort();
    cited.dedup();
    assert!(!cited.is_empty());
    assert_eq!(count(r2013), cited.len());
    // Published in 2013: nothing; in April 2022: exactly one whole report.
    assert_eq!(count(published("2013", "2013")), 0);
    let report = corpus
        .document("2022-04-14-nhs-england-blocks-sim-reviews")
        .unwrap();
    assert_eq!(
        count(published("2022-04", "2022-04")),
        report.passages.len()
    );
    // By what they state, April 2022 holds only the passages stating its events: fewer
    // than the report, and none that speak only of 2013.
    let april = range("2022-04", "2022-04").mask(&corpus);
    assert!(april.iter().filter(|&&b| b).count() < report.passages.len());
    let mut at = 0;
    for doc in &corpus.documents {
        for p in 0..doc.passages.len() {
            let d = corpus
                .documents
                .iter()
                .position(|x| x.id == doc.id)
                .unwrap() as u16;
            let states_april = corpus.events.iter().any(|e| {
                std::iter::once((e.date, &e.sources))
                    .chain(e.claims.iter().map(|c| (c.date, &c.sources)))
                    .any(|(date, s)| {
                        range("2022-04", "2022-04").overlaps(date) && s.contains(&(d, p as u16))
                    })
            });
            assert_eq!(april[at], states_april, "{} {p}", doc.id);
            at += 1;
        }
    }
    // A wider range holds at least what a narrower one does.
    assert!(count(range("2012", "2023")) >= count(range("2021", "2021")));
    assert!(count(published("2012", "2023")) >= count(published("2021", "2021")));
}
