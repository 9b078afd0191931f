//! Citations: verbatim quotes, every source detail, inferred values said so, the link.

use super::corpus::real_corpus;
use sim_explorer::engine::cite::{event, passage, Format};

#[test]
fn a_passage_citation_quotes_verbatim_and_says_how_its_details_are_known() {
    let corpus = real_corpus();
    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == "2021-06-17-dodgy-data-warnings")
        .unwrap();
    let url = "https://example.org/record/#doc=x&p=y";
    let plain = passage(&corpus, d, 0, url, Format::Plain);
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
    let md = passage(&corpus, d2, p, url, Format::Markdown);
    assert!(md.starts_with("> As members of the StopSIM coalition"));
    assert!(md.contains("(title supplied by SIM Explorer) \\[Campaign statement\\], StopSIM"));
    assert!(md.contains("10 March 2023 or later (inferred date)"));
    assert!(md.contains("StopSIM Coalition (inferred publisher)"));
    assert!(md.ends_with(&format!("<{url}>")));
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
    let md = passage(&corpus, d, p, "u", Format::Markdown);
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
    let plain = event(&corpus, i, "u", Format::Plain);
    assert!(plain.starts_with("2013: SIM first piloted on the Isle of Wight (date disputed: also given as 2012). Stated in: “"), "{plain}");
    assert!(plain.ends_with(" u"));
}
