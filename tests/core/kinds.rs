//! Kinds of document: a sixth document of a kind the record does not have yet, added as a
//! person would (an entry in `kinds.txt`, no code), and the kinds register's checks.

use super::corpus::{files, read_folder, root, KINDS};
use sim_explorer::engine::cite::{passage, Format};
use sim_explorer::engine::kinds;
use sim_explorer::engine::load::{load, File, Problem};
use sim_explorer::engine::model::{Corpus, Kind};
use sim_explorer::engine::{actors, disagreements, drafts, events};
use std::fs;

const FIXTURE: &str = "tests/fixtures/sixth-kind";

/// The record's five documents and the fixture's letter, with the fixture's kinds register
/// (the record's two kinds and `letter`) and the record's actors, disagreements and events:
/// what the build
/// would make of the record once the letter is added.
fn record_with_a_letter() -> (Corpus, Vec<Problem>) {
    let kinds = fs::read_to_string(root().join(FIXTURE).join("kinds.txt")).unwrap();
    let kinds = File {
        path: "tests/fixtures/sixth-kind/kinds.txt",
        text: &kinds,
    };
    let mut docs = read_folder("corpus/documents");
    docs.extend(read_folder(&format!("{FIXTURE}/documents")));
    let mut sources = read_folder("corpus/sources");
    sources.extend(read_folder(&format!("{FIXTURE}/sources")));
    let (mut corpus, mut problems) = load(&kinds, &files(&docs), &files(&sources));
    for (name, load) in [
        (
            "actors.txt",
            actors::load as fn(&File, &mut Corpus) -> Vec<Problem>,
        ),
        ("drafts.txt", drafts::load),
        ("disagreements.txt", disagreements::load),
        ("events.txt", events::load),
    ] {
        let path = format!("corpus/{name}");
        let text = fs::read_to_string(root().join(&path)).unwrap();
        let file = File {
            path: &path,
            text: &text,
        };
        problems.extend(load(&file, &mut corpus));
    }
    (corpus, problems)
}

#[test]
fn a_document_of_a_new_kind_loads_with_its_label_and_citation_word() {
    let (corpus, problems) = record_with_a_letter();
    assert_eq!(problems, Vec::<Problem>::new());
    assert_eq!(corpus.documents.len(), 6);
    let ids: Vec<&str> = corpus.kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["news-report", "campaign-statement", "letter"]);

    let d = corpus
        .documents
        .iter()
        .position(|d| d.id == "2023-03-10-example-letter")
        .unwrap();
    let letter = &corpus.documents[d];
    assert_eq!(
        corpus.kind_of(letter),
        &Kind {
            id: "letter".to_string(),
            label: "Letter".to_string(),
            cite_as: "Open letter".to_string(),
        }
    );
    let plain = passage(&corpus, d, 2, Some("u"), Format::Plain);
    assert!(
        plain.ends_with(
            "— “An example letter for the tests” (title supplied by SIM Explorer) \
             [Open letter], Example Health Board, A. N. Example, 10 March 2023, paragraph 3. u"
        ),
        "{plain}"
    );
    let markdown = passage(&corpus, d, 2, Some("u"), Format::Markdown);
    assert!(
        markdown.contains("\\[Open letter\\], Example Health Board"),
        "{markdown}"
    );

    // The record's own documents keep their kinds.
    let labels: Vec<&str> = corpus
        .documents
        .iter()
        .map(|doc| corpus.kind_of(doc).label.as_str())
        .collect();
    assert_eq!(labels.iter().filter(|&&l| l == "News report").count(), 4);
    assert_eq!(
        labels
            .iter()
            .filter(|&&l| l == "Campaign statement")
            .count(),
        1
    );
}

#[test]
fn the_compiled_corpus_carries_the_records_kinds() {
    let corpus = sim_explorer::compiled::corpus();
    let kinds: Vec<(&str, &str, &str)> = corpus
        .kinds
        .iter()
        .map(|k| (k.id.as_str(), k.label.as_str(), k.cite_as.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("news-report", "News report", "News report"),
            (
                "campaign-statement",
                "Campaign statement",
                "Campaign statement"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// The register's checks, as `path:line: message`.

fn check(register: &str, expected: &[&str]) -> Vec<Kind> {
    let (kinds, problems) = kinds::load(&File {
        path: "corpus/kinds.txt",
        text: register,
    });
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(got, expected, "\n got: {got:#?}");
    kinds
}

#[test]
fn a_good_register_has_no_problems_and_cites_by_the_label_by_default() {
    let kinds = check(
        "# Kinds.\n\n[letter]\nlabel: Letter\ndescription: A letter.\n\n\
         [foi-reply]\nlabel: Freedom of information reply\ncite-as: FOI reply\n\
         description: An answer to a request under the Freedom of Information Act.\n",
        &[],
    );
    let read: Vec<(&str, &str, &str)> = kinds
        .iter()
        .map(|k| (k.id.as_str(), k.label.as_str(), k.cite_as.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("letter", "Letter", "Letter"),
            ("foi-reply", "Freedom of information reply", "FOI reply"),
        ]
    );
}

#[test]
fn reports_every_register_problem_at_once() {
    check(
        "label: Stray\n\
         [letter]\n\
         label: Letter\n\
         colour: blue\n\
         label: Another letter\n\
         description: A letter.\n\
         [board paper]\n\
         label: Board paper\n\
         description:\n\
         [letter]\n\
         label: Letter again\n\
         description: A duplicate.\n\
         [open-letter]\n\
         label: letter\n\
         description: Same label as [letter], case aside.\n\
         [foi-reply]\n\
         cite-as: FOI reply\n\
         just words\n",
        &[
            "corpus/kinds.txt:1: a field before the first [kind-id] line",
            "corpus/kinds.txt:4: unknown field 'colour': the fields are label, cite-as, description",
            "corpus/kinds.txt:5: field 'label' is given twice (first on line 3)",
            "corpus/kinds.txt:7: [board paper] has no description",
            "corpus/kinds.txt:7: kind id 'board paper': use lowercase letters, digits and hyphens",
            "corpus/kinds.txt:9: field 'description' is empty",
            "corpus/kinds.txt:10: kind id 'letter' is also on line 2",
            "corpus/kinds.txt:14: label 'letter' is also [letter]'s, on line 3: give each kind its own label",
            "corpus/kinds.txt:16: [foi-reply] has no description",
            "corpus/kinds.txt:16: [foi-reply] has no label",
            "corpus/kinds.txt:18: expected 'field: value' or '[kind-id]', found “just words”",
        ],
    );
}

#[test]
fn an_empty_register_says_so_once() {
    check(
        "# Nothing yet.\n",
        &["corpus/kinds.txt:1: no kinds: add an entry such as [news-report] with a label and a description"],
    );
    // With no kinds, documents are not each told that theirs is unknown.
    let empty = File {
        path: "corpus/kinds.txt",
        text: "",
    };
    let text = document("kind: letter");
    let (_, problems) = load(&empty, &[doc_file(&text)], &[CAPTURE]);
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        ["corpus/kinds.txt:1: no kinds: add an entry such as [news-report] with a label and a description"]
    );
}

const CAPTURE: File = File {
    path: "corpus/sources/cap.txt",
    text: "Alpha paragraph one.\n",
};

/// A good document but for its `kind:` line.
fn document(kind_line: &str) -> String {
    format!(
        "title: Test\ntitle-basis: supplied\npublisher: Somebody\npublisher-basis: supplied\n\
         {kind_line}\ndate: 2021\ndate-basis: supplied\nsource: cap.txt\n---\n\
         Alpha paragraph one.\n"
    )
}

fn doc_file(text: &str) -> File<'_> {
    File {
        path: "corpus/documents/t.txt",
        text,
    }
}

/// The messages for one document naming its kind as `kind_line` against `register`.
fn check_document(register: &str, kind_line: &str, expected: &[&str]) {
    let kinds = File {
        path: "corpus/kinds.txt",
        text: register,
    };
    let text = document(kind_line);
    let (_, problems) = load(&kinds, &[doc_file(&text)], &[CAPTURE]);
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(got, expected, "{kind_line}\n got: {got:#?}");
}

#[test]
fn a_document_names_a_registered_kind_case_and_spaces_aside() {
    let register = "[news-report]\nlabel: News report\ndescription: A report.\n\n\
         [campaign-statement]\nlabel: Campaign statement\ndescription: A statement.\n\n\
         [letter]\nlabel: Letter\ndescription: A letter.\n";
    for line in [
        "kind: news report",
        "kind: News Report",
        "kind: news-report",
        "kind:   campaign   statement ",
        "kind: LETTER",
    ] {
        check_document(register, line, &[]);
    }
    check_document(
        register,
        "kind: council statement",
        &["corpus/documents/t.txt:5: unknown kind 'council statement': the kinds in corpus/kinds.txt are news-report, campaign-statement and letter; to add one, give it an entry there"],
    );
    check_document(
        KINDS.text,
        "kind: news_report",
        &["corpus/documents/t.txt:5: unknown kind 'news_report': the kinds in corpus/kinds.txt are news-report; to add one, give it an entry there"],
    );
}

#[test]
fn a_written_kind_is_its_id_with_hyphens_for_spaces() {
    assert_eq!(kinds::id_of("news report"), "news-report");
    assert_eq!(
        kinds::id_of("  Freedom of  Information reply "),
        "freedom-of-information-reply"
    );
    assert_eq!(kinds::id_of("letter"), "letter");
}
