//! Citations: verbatim quotes, every source detail, inferred values said so, the link.

use super::corpus::real_corpus;
use sim_explorer::engine::cite::{disagreement, document, event, passage, Format, LOCAL_COPY};

#[test]
fn a_passage_citation_quotes_verbatim_and_says_how_its_details_are_known() {
    let corpus = real_corpus();
    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == "2021-06-17-dodgy-data-warnings")
        .unwrap();
    let url = "https://example.org/record/#doc=x&p=y";
    let plain = passage(&corpus, d, 0, Some(url), Format::Plain);
    let text = &corpus.documents[d].passages[0].text;
    assert!(plain.starts_with(&format!("“{text}”")));
    assert!(plain.contains(
        "“NHS bodies continued ‘unsafe’ mental distress scheme after being told of ‘dodgy’ data”"
    ));
    assert!(plain.contains(
        "data” [News report], Disability News Service, John Pring, 17 June 2021, paragraph 1."
    ));
    assert!(plain.ends_with(url));

    // A supplied title and an inferred date are said to be so.
    let d2 = corpus
        .documents
        .iter()
        .position(|d| d.id == "2023-stopsim-statement")
        .unwrap();
    let p = corpus.documents[d2]
        .passages
        .iter()
        .position(|p| !p.heading)
        .unwrap();
    let md = passage(&corpus, d2, p, Some(url), Format::Markdown);
    assert!(md.starts_with("> As members of the StopSIM coalition"));
    assert!(md.contains("(title supplied by SIM Explorer) \\[Campaign statement\\], StopSIM"));
    assert!(md.contains("10 March 2023 or later (inferred date)"));
    assert!(md.contains("StopSIM Coalition (inferred publisher)"));
    assert!(md.ends_with(&format!("<{url}>")));
}

/// A printed document carries its citation: every source detail and the link, or, from a
/// local copy, the words that say there is none.
#[test]
fn a_document_citation_gives_every_source_detail_and_its_link() {
    let corpus = real_corpus();
    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == "2021-06-17-dodgy-data-warnings")
        .unwrap();
    let url = "https://example.org/record/#doc=2021-06-17-dodgy-data-warnings";
    let plain = document(&corpus, d, Some(url), Format::Plain);
    assert!(plain.starts_with("“NHS bodies continued ‘unsafe’ mental distress scheme"));
    assert!(plain.ends_with(&format!(
        "[News report], Disability News Service, John Pring, 17 June 2021. {url}"
    )));
    assert!(!plain.contains("paragraph"));
    let local = document(&corpus, d, None, Format::Markdown);
    assert!(local.ends_with(&format!("17 June 2021. {LOCAL_COPY}.")));
}

#[test]
fn markdown_escapes_what_would_change_the_quote() {
    let corpus = real_corpus();
    // "[an]" and "[a former police member of staff]" must not become links.
    let (d, p) = corpus
        .documents
        .iter()
        .enumerate()
        .find_map(|(d, doc)| {
            doc.passages
                .iter()
                .position(|p| p.text.contains("[a former police member of staff]"))
                .map(|p| (d, p))
        })
        .unwrap();
    let md = passage(&corpus, d, p, Some("u"), Format::Markdown);
    assert!(md.contains("\\[a former police member of staff\\]"), "{md}");
}

#[test]
fn an_event_citation_gives_its_date_dispute_and_source() {
    let corpus = real_corpus();
    let i = corpus
        .events
        .iter()
        .position(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    let plain = event(&corpus, i, Some("u"), Format::Plain);
    assert!(plain.starts_with("2013: SIM first piloted on the Isle of Wight (date disputed: also given as 2012). Stated in: “"), "{plain}");
    assert!(plain.ends_with(" u"));
}

#[test]
fn an_event_disputed_without_another_date_names_no_other_date() {
    // A disagreement whose positions all give the event's own date: the citation once
    // said "also given as )". It points to the disagreement instead, and the timeline's
    // list says nothing of other dates.
    let mut corpus = real_corpus();
    let i = corpus
        .events
        .iter()
        .position(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    assert_eq!(
        corpus.events[i].other_dates().as_deref(),
        Some("date disputed: also given as 2012")
    );
    corpus.events[i].claims.clear();
    let e = &corpus.events[i];
    assert!(e.disputed());
    assert_eq!(e.other_dates(), None);
    let question = &corpus.disagreements[usize::from(e.disagreement.unwrap())].question;
    for format in [Format::Plain, Format::Markdown] {
        let text = event(&corpus, i, Some("u"), format);
        assert!(!text.contains("also given as"), "{text}");
        assert!(
            text.contains(&format!("(date disputed: see “{question}”)")),
            "{text}"
        );
    }
}

#[test]
fn a_local_copy_with_no_published_address_cites_no_file_path() {
    // The one-file edition opened from disk, built without SITE_URL: the citation says it
    // comes from a local copy, and names no address (a file:// path nobody else can open).
    let corpus = real_corpus();
    let said = format!("{LOCAL_COPY}.");
    for format in [Format::Plain, Format::Markdown] {
        let p = passage(&corpus, 0, 0, None, format);
        let e = event(&corpus, 0, None, format);
        let d = disagreement(&corpus, 0, None, format);
        for text in [&p, &e, &d] {
            assert!(text.ends_with(&said), "{text}");
            assert!(!text.contains("file:") && !text.contains("<>"), "{text}");
        }
    }
}

#[test]
fn paragraphs_are_numbered_among_paragraphs_and_headings_among_headings() {
    // "13 paragraphs" in the list of documents and "paragraph 16" in a citation of the same
    // statement disagreed: its three section headings were numbered with its paragraphs.
    let corpus = real_corpus();
    for doc in &corpus.documents {
        let numbers = |heading: bool| -> Vec<u32> {
            doc.passages
                .iter()
                .filter(|p| p.heading == heading)
                .map(|p| p.number)
                .collect()
        };
        let paragraphs = numbers(false);
        assert_eq!(
            paragraphs,
            (1..=paragraphs.len() as u32).collect::<Vec<_>>(),
            "{}",
            doc.id
        );
        assert_eq!(paragraphs.len(), doc.paragraph_count(), "{}", doc.id);
        let headings = numbers(true);
        assert_eq!(
            headings,
            (1..=headings.len() as u32).collect::<Vec<_>>(),
            "{}",
            doc.id
        );
    }
    let statement = corpus.document("2023-stopsim-statement").unwrap();
    let last = statement.passages.last().unwrap();
    assert_eq!(statement.paragraph_count(), 13);
    assert_eq!(last.place(), "paragraph 13");
    let heading = statement.passages.iter().find(|p| p.heading).unwrap();
    assert_eq!(heading.place(), "section heading 1");
    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == statement.id)
        .unwrap();
    let cited = passage(
        &corpus,
        d,
        statement.passages.len() - 1,
        Some("u"),
        Format::Plain,
    );
    assert!(cited.contains(", paragraph 13. u"), "{cited}");
}
