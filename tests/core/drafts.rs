//! Drafts (issue 23): the register's checks on broken files, line by line, and on the real
//! record the co-produced draft policy credited as a draft's words wherever words are
//! credited: the passage's credit, an actor's page figures, a disagreement's position,
//! citations and exports. Paragraph 10 of the 2023 report ("For this, NHS England is
//! sorry.") was shown as NHS England's plain words.

use super::corpus::real_corpus;
use sim_explorer::engine::citable::Ref;
use sim_explorer::engine::collection::Item;
use sim_explorer::engine::load::File;
use sim_explorer::engine::model::Corpus;
use sim_explorer::engine::stats::actor_stats;
use sim_explorer::engine::{cite, disagreements, drafts, export};

const APOLOGY: &str = "2023-nhse-unpublished-sim-apology";

/// The credit the page and citations give the draft's authors for paragraph 10.
const WORDS_OF_NHSE: &str = "Words of NHS England, in a draft co-produced with StopSIM \
    Coalition that NHS England did not publish, released by StopSIM Coalition";

fn problems(text: &str) -> Vec<String> {
    let mut corpus = real_corpus();
    let mut got: Vec<String> = drafts::load(
        &File {
            path: "corpus/drafts.txt",
            text,
        },
        &mut corpus,
    )
    .iter()
    .map(|p| p.to_string())
    .collect();
    got.sort();
    got
}

/// A passage of the 2023 report, by words only it holds: (document, passage).
fn at(corpus: &Corpus, words: &str) -> (usize, usize) {
    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == APOLOGY)
        .unwrap();
    let hits: Vec<usize> = (0..corpus.documents[d].passages.len())
        .filter(|&p| corpus.documents[d].passages[p].text.contains(words))
        .collect();
    assert_eq!(hits.len(), 1, "“{words}”");
    (d, hits[0])
}

fn credit(corpus: &Corpus, words: &str) -> Vec<String> {
    let (d, p) = at(corpus, words);
    corpus
        .credit(&corpus.documents[d].passages[p])
        .map(|c| c.sentences(corpus))
        .unwrap_or_default()
}

/// The citations and exports as a reader copies them. One place to change when their
/// signatures do.
fn cite_passage(corpus: &Corpus, (d, p): (usize, usize)) -> [String; 2] {
    [cite::Format::Plain, cite::Format::Markdown].map(|f| cite::passage(corpus, d, p, Some("u"), f))
}

fn cite_disagreement(corpus: &Corpus, id: &str) -> String {
    let i = corpus.disagreement_index(id).unwrap();
    cite::disagreement(corpus, i, Some("u"), cite::Format::Plain)
}

fn export_of(corpus: &Corpus, items: &[Item], format: export::Format) -> String {
    let origin = export::Origin {
        folder: Some("https://e.org/"),
        today: sim_explorer::engine::date::Point::Year { year: 2026 },
    };
    export::export(corpus, items, &origin, format)
}

#[test]
fn reports_every_problem_with_its_line() {
    let good = "[d]\nby: nhs-england\nby: stopsim-coalition\nunpublished-by: nhs-england\n\
                support: 2023-nhse-unpublished-sim-apology: in a co-produced document\n\
                quoted: 2023-nhse-unpublished-sim-apology: For this, NHS England is sorry.\n";
    assert_eq!(problems(good), Vec::<String>::new());
    let cases: &[(&str, &[&str])] = &[
        (
            "[d]\nby: nobody\nreleased-by: stopsim-coalition\nsupport: nowhere: words\n\
             quoted: 2023-nhse-unpublished-sim-apology: words found in no passage\n\
             cited-as: 2023-nhse-unpublished-sim-apology: nowhere at all\n\
             quoted: missing separator\nwhen: 2023\n",
            &[
                "corpus/drafts.txt:1: [d] has one author and no unpublished-by: a document its \
                 one author published gives its words plainly; record them with said: in \
                 corpus/actors.txt",
                "corpus/drafts.txt:2: unknown actor id 'nobody'",
                "corpus/drafts.txt:4: unknown document 'nowhere'",
                "corpus/drafts.txt:5: no passage of 2023-nhse-unpublished-sim-apology contains \
                 “words found in no passage”",
                "corpus/drafts.txt:6: cited-as: “nowhere at all” appears nowhere in \
                 2023-nhse-unpublished-sim-apology",
                "corpus/drafts.txt:7: quoted: write 'document-id: words of the passage'",
                "corpus/drafts.txt:8: unknown field 'when': the fields are by, \
                 unpublished-by, released-by, support, cited-as, quoted",
            ],
        ),
        (
            "[empty]\nunpublished-by: nhs-england\n",
            &[
                "corpus/drafts.txt:1: [empty] has no by: who wrote it?",
                "corpus/drafts.txt:1: [empty] has no support: name the passages that say who \
                 wrote it, and that it was not published",
                "corpus/drafts.txt:1: [empty] quotes no passage: name each passage that gives \
                 its words or sums it up with quoted:",
            ],
        ),
        (
            // Paragraph 16 gives the report's own figures, crediting no one; paragraph 10
            // quoted from two drafts; paragraph 18 cites the draft as its source ("In the
            // document, NHSE says: …") and gives NHS England's words, but is not quoted.
            "[d]\nby: nhs-england\nunpublished-by: nhs-england\n\
             support: 2023-nhse-unpublished-sim-apology: in a co-produced document\n\
             quoted: 2023-nhse-unpublished-sim-apology: Of the 54 trusts that responded\n\
             quoted: 2023-nhse-unpublished-sim-apology: For this, NHS England is sorry.\n\
             cited-as: 2023-nhse-unpublished-sim-apology: In the document\n\
             [e]\nby: nhs-england\nunpublished-by: nhs-england\n\
             support: 2023-nhse-unpublished-sim-apology: in a co-produced document\n\
             quoted: 2023-nhse-unpublished-sim-apology: For this, NHS England is sorry.\n",
            &[
                "corpus/drafts.txt:12: quoted: this passage is also quoted from [d]: a \
                 passage's words come from one draft",
                "corpus/drafts.txt:5: quoted: the passage gives the words or position of none \
                 of [d]'s authors ([nhs-england]): add a said: or reports: line for it in \
                 corpus/actors.txt, or remove this line",
                "corpus/drafts.txt:7: “In the document” cites [d] as the source of \
                 2023-nhse-unpublished-sim-apology ¶18, which gives the words of [nhs-england], \
                 but no quoted: line names that passage: add one, or make these words pick \
                 out only the passages that quote it",
            ],
        ),
    ];
    for (text, expected) in cases {
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(problems(text), want, "{text}");
    }
}

#[test]
fn a_drafts_words_are_credited_as_the_drafts_and_not_as_plain_words() {
    let corpus = real_corpus();
    // Paragraph 10: the apology.
    assert_eq!(
        credit(&corpus, "For this, NHS England is sorry."),
        [WORDS_OF_NHSE]
    );
    // Both authors credited at once: "they co-produced".
    assert_eq!(
        credit(
            &corpus,
            "NHSE and the coalition conclude in the draft policy"
        ),
        [
            "Words of NHS England and StopSIM Coalition, in a draft they co-produced that NHS \
          England did not publish, released by StopSIM Coalition"
        ]
    );
    // The reporter's summary of the apology reports NHS England's position from the draft.
    assert_eq!(
        credit(&corpus, "NHS England has apologised"),
        [
            "Position of NHS England reported from a draft co-produced with StopSIM Coalition \
          that NHS England did not publish, released by StopSIM Coalition"
        ]
    );
    // NHS England's spokesperson, the email and the coalition's reply speak plainly.
    for plain in [
        "Although we have not been able to agree a joint position statement",
        "described in an email from NHSE’s head of adult mental health",
        "It is absolutely misleading to suggest",
    ] {
        assert_eq!(credit(&corpus, plain), Vec::<String>::new(), "{plain}");
    }
}

/// For "Check a quote" (src/app/verify.rs), which says in one sentence whose words a
/// passage gives.
#[test]
fn whose_words_in_one_sentence() {
    let corpus = real_corpus();
    let words = |w: &str| {
        let (d, p) = at(&corpus, w);
        drafts::words_of(&corpus, &corpus.documents[d].passages[p])
    };
    assert_eq!(
        words("For this, NHS England is sorry.").as_deref(),
        Some(format!("The {}.", WORDS_OF_NHSE.replacen("Words", "words", 1)).as_str())
    );
    assert_eq!(
        words("Although we have not been able to agree").as_deref(),
        Some("The words of NHS England.")
    );
    assert_eq!(words("Of the 54 trusts that responded"), None);
}

#[test]
fn an_actors_page_lists_its_words_in_the_draft_apart_from_its_own() {
    let corpus = real_corpus();
    let nhse = corpus.actor_index("nhs-england").unwrap();
    let coalition = corpus.actor_index("stopsim-coalition").unwrap();
    let apology = at(&corpus, "For this, NHS England is sorry.");
    let spokesperson = at(&corpus, "Although we have not been able to agree");
    let stats = actor_stats(&corpus, nhse);
    assert!(!stats.said.contains(&apology));
    assert!(stats.said.contains(&spokesperson));
    assert!(stats.drafted.contains(&(0, apology.0, apology.1)));
    // Every passage the draft quotes is in the draft section of an author it credits, and
    // in neither of its plain lists.
    let draft = &corpus.drafts[0];
    for &(d, p) in &draft.quoted {
        let (d, p) = (usize::from(d), usize::from(p));
        let credited: Vec<usize> = [nhse, coalition]
            .into_iter()
            .filter(|&a| actor_stats(&corpus, a).drafted.contains(&(0, d, p)))
            .collect();
        assert!(
            !credited.is_empty(),
            "¶{}",
            corpus.documents[d].passages[p].number
        );
        for a in [nhse, coalition] {
            let s = actor_stats(&corpus, a);
            assert!(!s.said.contains(&(d, p)) && !s.reported.contains(&(d, p)));
        }
    }
}

#[test]
fn citations_and_exports_say_the_words_are_a_drafts() {
    let corpus = real_corpus();
    let apology = at(&corpus, "For this, NHS England is sorry.");
    let [plain, markdown] = cite_passage(&corpus, apology);
    assert!(
        plain.ends_with(&format!("paragraph 10. {WORDS_OF_NHSE}. u")),
        "{plain}"
    );
    assert!(markdown.contains(WORDS_OF_NHSE), "{markdown}");
    // A passage of the spokesperson's statement is cited without a credit.
    let [plain, _] = cite_passage(&corpus, at(&corpus, "We are clear that the SIM model"));
    assert!(!plain.contains("in a draft"), "{plain}");

    // A disagreement's position quoting the draft names it.
    let text = cite_disagreement(&corpus, "nhs-england-support");
    assert!(
        text.contains(
            "Endorsed and facilitated the rollout, according to NHS England, in a draft \
             co-produced with StopSIM Coalition that NHS England did not publish, released by \
             StopSIM Coalition:"
        ),
        "{text}"
    );

    let key = corpus.documents[apology.0].passages[apology.1].key.clone();
    let items = [
        Item {
            what: Ref::Passage(key),
            note: String::new(),
        },
        Item {
            what: Ref::Disagreement("nhs-england-support".to_string()),
            note: String::new(),
        },
    ];
    for format in export::Format::ALL {
        let out = export_of(&corpus, &items, format);
        // Markdown escapes nothing in these words; every format keeps them on one line.
        assert!(out.contains(WORDS_OF_NHSE), "{}:\n{out}", format.label());
        assert!(
            out.contains("according to NHS England, in a draft co-produced"),
            "{}:\n{out}",
            format.label()
        );
    }
}

#[test]
fn a_position_does_not_mix_a_drafts_words_with_plain_ones() {
    let mut corpus = real_corpus();
    let text = "[mixed]\nquestion: Q?\ndifference: scope\nnote: N.\n\
                position: Sorry, and not extended\nby: nhs-england\n\
                quote: 2023-nhse-unpublished-sim-apology: For this, NHS England is sorry.\n\
                quote: 2023-nhse-unpublished-sim-apology: We are clear that the SIM model should not have been extended\n\
                position: Other\nby: stopsim-coalition\n\
                quote: 2023-nhse-unpublished-sim-apology: It is absolutely misleading\n";
    let got: Vec<String> = disagreements::load(
        &File {
            path: "corpus/disagreements.txt",
            text,
        },
        &mut corpus,
    )
    .iter()
    .map(|p| p.to_string())
    .collect();
    assert_eq!(
        got,
        [
            "corpus/disagreements.txt:5: position 'Sorry, and not extended' quotes nhs-england \
          both from a draft and elsewhere: split it into a position for each"
        ]
    );
}
