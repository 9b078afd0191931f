//! How the accounts tell the events (`engine::accounts`): each event's accounts in order of
//! publication with the date each gives and how, and the table of which documents tell
//! which events, pinned against the real record; a document added to the record is
//! counted with no change to the code.

use sim_explorer::compiled::corpus;
use sim_explorer::engine::accounts::{accounts, table, Order, Telling};
use sim_explorer::engine::model::{Basis, Corpus, Event};

fn event(id: &str) -> &'static Event {
    corpus().events.iter().find(|e| e.id == id).unwrap()
}

/// An account as (document id, [(date as written, basis, evidence)]).
type Told = (String, Vec<(String, Basis, Vec<String>)>);

/// Each account of an event.
fn told(id: &str) -> Vec<Told> {
    let c = corpus();
    accounts(c, event(id))
        .into_iter()
        .map(|a| {
            (
                c.documents[usize::from(a.doc)].id.clone(),
                a.dates
                    .into_iter()
                    .map(|d| (d.value.written(), d.basis, d.evidence))
                    .collect(),
            )
        })
        .collect()
}

fn account(
    doc: &str,
    dates: &[(&str, Basis, &[&str])],
) -> (String, Vec<(String, Basis, Vec<String>)>) {
    (
        doc.to_string(),
        dates
            .iter()
            .map(|(date, basis, evidence)| {
                (
                    date.to_string(),
                    *basis,
                    evidence.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect(),
    )
}

const APRIL_2021: &str = "2021-04-29-activists-call-for-sim-halt";
const JUNE_2021: &str = "2021-06-17-dodgy-data-warnings";
const APRIL_2022: &str = "2022-04-14-nhs-england-blocks-sim-reviews";
const REPORT_2023: &str = "2023-nhse-unpublished-sim-apology";
const STATEMENT: &str = "2023-stopsim-statement";

#[test]
fn an_events_accounts_come_in_order_of_publication_each_with_the_date_it_gives() {
    use Basis::*;
    // The disputed first pilot: the statement's own date is 2012, not the event's 2013,
    // and each account states its year in its words.
    assert_eq!(
        told("pilot-isle-of-wight"),
        [
            account(JUNE_2021, &[("2013", Stated, &["Wight NHS in 2013"])]),
            account(
                REPORT_2023,
                &[("2013", Stated, &["first trialled in 2013"])]
            ),
            account(STATEMENT, &[("2012", Stated, &["of Wight in 2012"])]),
        ]
    );
    // Four accounts of the reviews: the June 2021 report says only that the letter was
    // sent (no date of its own), the April 2022 report's "last spring" is inferred, and
    // the statement's "in May 2021" is the date, not its "In June 2021" of the same
    // paragraph, which dates the network's closing.
    assert_eq!(
        told("nhse-orders-trust-reviews"),
        [
            account(JUNE_2021, &[("2021-05", Supplied, &[])]),
            account(APRIL_2022, &[("2021-05", Inferred, &["last spring"])]),
            account(REPORT_2023, &[("2021-05", Stated, &["NHSE in May 2021"])]),
            account(STATEMENT, &[("2021-05", Stated, &["in May 2021"])]),
        ]
    );
}

#[test]
fn an_account_quoting_both_sides_gives_both_dates_and_a_relative_one_is_inferred() {
    use Basis::*;
    // The June 2021 report quotes Hampshire police ("in 2018") and Wessex AHSN (the
    // "first half of 2018"); the statement's "by November that same year" names no year.
    assert_eq!(
        told("police-warn-wessex-ahsn-and-iow-trust"),
        [
            account(
                JUNE_2021,
                &[
                    ("2018", Stated, &["its concerns in 2018"]),
                    ("mid 2018", Stated, &["first half of 2018"]),
                ]
            ),
            account(
                STATEMENT,
                &[(
                    "by 2018-11",
                    Inferred,
                    &[
                        "email exchanges indicate that by November that same year Hampshire \
                       constabulary had shared concerns about flawed data with Wessex AHSN"
                    ]
                )]
            ),
        ]
    );
    // "Two years later" than 2016, in the June 2021 report; the statement says 2018.
    assert_eq!(
        told("selected-for-national-adoption"),
        [
            account(JUNE_2021, &[("2018", Inferred, &["two years later"])]),
            account(STATEMENT, &[("2018", Stated, &["In 2018"])]),
        ]
    );
}

#[test]
fn a_date_no_account_states_is_inferred_by_its_first_source_and_supplied_to_the_rest() {
    use Basis::*;
    // "No date is given": the June 2021 report, the event's first source, dates it by its
    // own date; the statement's "By 2021" in the same paragraph is about something else.
    assert_eq!(
        told("hampshire-emails-released"),
        [
            account(JUNE_2021, &[("by 2021-06", Inferred, &[])]),
            account(STATEMENT, &[("by 2021-06", Supplied, &[])]),
        ]
    );
    let c = corpus();
    let first = &accounts(c, event("hampshire-emails-released"))[0].dates[0];
    assert_eq!(first.note, event("hampshire-emails-released").note);
    // A publication is dated as its document, and known as its date is.
    assert_eq!(
        told("published-2021-06-17-dodgy-data-warnings")[0].1[0].1,
        Stated
    );
    let published = told("published-2021-04-29-activists-call-for-sim-halt");
    assert_eq!(
        (published[0].0.as_str(), published[0].1[0].1),
        (APRIL_2021, Inferred)
    );
    // Every account of every event: its passages state the event, and it gives a date.
    for e in &c.events {
        let told = accounts(c, e);
        assert!(!told.is_empty(), "{}", e.id);
        for a in &told {
            assert!(!a.passages.is_empty() && !a.dates.is_empty(), "{}", e.id);
            for &p in &a.passages {
                let at = (a.doc, p);
                assert!(
                    e.sources.contains(&at) || e.claims.iter().any(|x| x.sources.contains(&at)),
                    "{}",
                    e.id
                );
            }
        }
    }
}

/// Per document: (events it tells, events it told first).
fn figures(c: &Corpus) -> Vec<(usize, usize)> {
    let t = table(c);
    (0..c.documents.len()).map(|d| t.counts(d)).collect()
}

#[test]
fn the_table_says_which_documents_tell_which_events_and_which_first() {
    let c = corpus();
    // Of the record's 49 events. The two 2023 documents were published in March 2023 or
    // later, in an order the record does not fix: an event only they tell was first told
    // by both.
    assert_eq!(figures(c), [(8, 8), (24, 23), (6, 5), (12, 8), (14, 7)]);
    let t = table(c);
    assert_eq!(
        t.summary(c, 1),
        "The news report of 17 June 2021 tells 24 of 49 events, first for 23."
    );
    assert_eq!(
        t.summary(c, 4),
        "The campaign statement of 10 March 2023 or later tells 14 of 49 events, first for 7."
    );
    let row = |id: &str| t.rows[c.events.iter().position(|e| e.id == id).unwrap()].clone();
    use Telling::*;
    assert_eq!(
        row("pilot-isle-of-wight"),
        [Never, First, Never, Later, Later]
    );
    assert_eq!(
        row("joint-policy-work"),
        [Never, Never, Never, First, First]
    );
    // An independent recount: a document tells an event when one of its passages is a
    // source of the event or of a date it is also given.
    for (e, event) in c.events.iter().enumerate() {
        let tellers: Vec<usize> = (0..c.documents.len())
            .filter(|&d| {
                event
                    .sources
                    .iter()
                    .chain(event.claims.iter().flat_map(|x| &x.sources))
                    .any(|at| usize::from(at.0) == d)
            })
            .collect();
        let told: Vec<usize> = (0..c.documents.len())
            .filter(|&d| t.rows[e][d] != Never)
            .collect();
        assert_eq!(told, tellers, "{}", event.id);
        assert_eq!(t.rows[e][tellers[0]], First, "{}", event.id);
    }
}

#[test]
fn a_sixth_document_gets_its_column_with_no_change_to_the_code() {
    let mut c: Corpus = corpus().clone();
    let mut sixth = c.documents[4].clone();
    sixth.id = "2024-01-15-a-sixth-account".to_string();
    sixth.date.value = sim_explorer::engine::date::parse("2024-01-15").unwrap();
    c.documents.push(sixth);
    let e = c
        .events
        .iter()
        .position(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    c.events[e].sources.push((5, 3));
    let figures = figures(&c);
    assert_eq!(figures.len(), 6);
    assert_eq!(figures[5], (1, 0));
    assert_eq!(table(&c).rows[e][5], Telling::Later);
    let told = accounts(&c, &c.events[e]);
    assert_eq!(told.last().map(|a| a.doc), Some(5));
}

#[test]
fn the_tables_order_reads_back_from_its_link_word() {
    for order in [Order::Oldest, Order::Newest] {
        assert_eq!(Order::from_key(order.key()), order);
        assert_eq!(order.flipped().flipped(), order);
    }
    assert_eq!(Order::from_key("sideways"), Order::Oldest);
    assert_eq!(Order::Oldest.rows(3), [0, 1, 2]);
    assert_eq!(Order::Newest.rows(3), [2, 1, 0]);
}
