//! Exports of a collection: each format read back by a real reader (serde_json for
//! CSL-JSON, the biblatex crate for BibTeX, the RIS line grammar), one reference per document
//! with each quoted passage a citation in its note (issue 24), quotes verbatim through every
//! escape, inferred and supplied values said so, missing items flagged or left out. The
//! rendering of CSL-JSON and BibTeX by a citation processor is tests/e2e/references.test.mjs.

use super::corpus::real_corpus;
use biblatex::{Bibliography, ChunksExt};
use serde_json::Value;
use sim_explorer::engine::citable::Ref;
use sim_explorer::engine::cite::LOCAL_COPY;
use sim_explorer::engine::collection::{missing, Item};
use sim_explorer::engine::date::{self, DateSpec, Point};
use sim_explorer::engine::export::{export, Format, Origin};
use sim_explorer::engine::model::Corpus;

/// Every character some format must escape: braces, quotes, `%`, a backslash, a line
/// break, `&`, `#`, `_`, `$`, `^`, `~`, and pairs TeX would join into one glyph.
const AWKWARD: &str =
    "Braces {a} and }{, \"double\" quotes, 100% sure, back\\slash,\nnew line & #1 with_under $5 ^ ~ -- ''";
const AWKWARD_TITLE: &str = "A {title} with 50% of \"it\" & $ # _ \\ ^ ~";
const AWKWARD_NOTE: &str = "Check {this}: 10% & #2\nsecond line with \"quotes\" and a \\ too";
/// A disagreement's quote, itself made awkward.
const AWKWARD_QUOTE: &str = "first piloted {2012} at 100% & \"then\"";

const DODGY: &str = "2021-06-17-dodgy-data-warnings";
const STOPSIM: &str = "2023-stopsim-statement";

/// Where the tests' record is published: a folder with characters some format escapes.
const FOLDER: &str = "https://example.org/a%20b&c_d/sim/";
/// The access date the page passes in; fixed here, as the engine has no clock.
const TODAY: Point = Point::Day {
    year: 2025,
    month: 3,
    day: 14,
};

fn origin() -> Origin<'static> {
    Origin {
        folder: Some(FOLDER),
        today: TODAY,
    }
}

/// The address that opens a collected item, as Markdown and plain text give it.
fn link(corpus: &Corpus, r: &Ref) -> String {
    format!("{FOLDER}{}", r.resolve(corpus).unwrap().address(corpus))
}

/// A document's own view, the address its reference gives.
fn doc_url(id: &str) -> String {
    format!("{FOLDER}#doc={id}")
}

fn doc_index(corpus: &Corpus, id: &str) -> usize {
    corpus.documents.iter().position(|d| d.id == id).unwrap()
}

/// The real record with one passage, its document's title and one disagreement quote made
/// awkward, so that every format's escaping is exercised on real metadata.
fn awkward_corpus() -> Corpus {
    let mut corpus = real_corpus();
    let d = doc_index(&corpus, DODGY);
    corpus.documents[d].passages[0].text = AWKWARD.to_string();
    corpus.documents[d].title.value = AWKWARD_TITLE.to_string();
    let dis = corpus.disagreement_index("first-pilot-year").unwrap();
    corpus.disagreements[dis].positions[0].quotes[0].text = AWKWARD_QUOTE.to_string();
    corpus
}

fn item(what: Ref, note: &str) -> Item {
    Item {
        what,
        note: note.to_string(),
    }
}

/// A passage (awkward), an event, a disagreement, a passage with a supplied title and an
/// inferred date, and an id the record no longer has.
fn collection(corpus: &Corpus) -> Vec<Item> {
    let dodgy = &corpus.documents[doc_index(corpus, DODGY)];
    let stopsim = &corpus.documents[doc_index(corpus, STOPSIM)];
    let statement = stopsim.passages.iter().find(|p| !p.heading).unwrap();
    vec![
        item(Ref::Passage(dodgy.passages[0].key.clone()), AWKWARD_NOTE),
        item(Ref::Event("pilot-isle-of-wight".into()), ""),
        item(
            Ref::Disagreement("first-pilot-year".into()),
            "who is right?",
        ),
        item(Ref::Passage(statement.key.clone()), ""),
        item(
            Ref::Passage("zzzzzz".into()),
            "kept although the passage went",
        ),
    ]
}

/// The references the collection gives, one per document, in the order it first quotes each:
/// the awkward passage's report (the passage, the event's third source, a disagreement
/// quote), the 2023 report (the event's first two sources, two disagreement quotes) and the
/// statement (a disagreement quote, the passage). The missing item gives none.
const REFERENCES: [&str; 3] = [
    "sim-2021-06-17-dodgy-data-warnings",
    "sim-2023-nhse-unpublished-sim-apology",
    "sim-2023-stopsim-statement",
];

/// Line breaks folded to spaces, as one-line fields carry them.
fn folded(text: &str) -> String {
    text.replace('\n', " ")
}

fn export_of(corpus: &Corpus, items: &[Item], format: Format) -> String {
    export(corpus, items, &origin(), format)
}

// ---------------------------------------------------------------------------------------
// The formats.

#[test]
fn each_format_names_its_file_and_type() {
    let table: Vec<(&str, &str, &str, &str)> = Format::ALL
        .iter()
        .map(|f| (f.label(), f.extension(), f.mime(), f.key()))
        .collect();
    assert_eq!(
        table,
        [
            ("Markdown", "md", "text/markdown", "md"),
            ("Plain text", "txt", "text/plain", "txt"),
            (
                "CSL-JSON",
                "json",
                "application/vnd.citationstyles.csl+json",
                "csl"
            ),
            ("RIS", "ris", "application/x-research-info-systems", "ris"),
            ("BibTeX", "bib", "application/x-bibtex", "bib"),
        ]
    );
    let lists: Vec<bool> = Format::ALL.iter().map(|f| f.lists_references()).collect();
    assert_eq!(lists, [false, false, true, true, true]);
}

// ---------------------------------------------------------------------------------------
// CSL-JSON.

/// The item types of CSL 1.0.2.
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

fn csl(corpus: &Corpus, items: &[Item]) -> Vec<Value> {
    let text = export_of(corpus, items, Format::CslJson);
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    json.as_array().expect("an array of items").clone()
}

fn str_of<'a>(entry: &'a Value, field: &str) -> &'a str {
    entry[field]
        .as_str()
        .unwrap_or_else(|| panic!("no {field} in {entry}"))
}

#[test]
fn a_local_copy_with_no_published_address_exports_no_address() {
    // From the one-file edition opened from disk with no SITE_URL known: no URL fields (a
    // file:// path would be a link nobody else can open) and no access date (it dates an
    // address), and each note says where it is from.
    let corpus = real_corpus();
    let items = collection(&corpus);
    let local = Origin {
        folder: None,
        today: TODAY,
    };
    for format in Format::ALL {
        let text = export(&corpus, &items, &local, format);
        assert!(!text.contains("file:"), "{format:?}");
        assert!(text.contains(LOCAL_COPY), "{format:?}: {text}");
    }
    let csl: Vec<Value> =
        serde_json::from_str(&export(&corpus, &items, &local, Format::CslJson)).unwrap();
    assert!(csl
        .iter()
        .all(|e| e.get("URL").is_none() && e.get("accessed").is_none()));
    let ris = export(&corpus, &items, &local, Format::Ris);
    assert!(!ris.contains("UR  -") && !ris.contains("Y2  -"));
    let bib = export(&corpus, &items, &local, Format::Bibtex);
    assert!(!bib.contains("url = ") && !bib.contains("urldate = "));
}

/// The notes' lines that cite a passage: "Paragraph 5 (address): “…”".
fn citation_lines(note: &str) -> Vec<&str> {
    note.lines()
        .filter(|l| l.starts_with("Paragraph ") || l.starts_with("Section heading "))
        .collect()
}

#[test]
fn csl_json_gives_one_item_per_document_with_each_quote_a_citation() {
    let corpus = awkward_corpus();
    let items = collection(&corpus);
    let entries = csl(&corpus, &items);
    let ids: Vec<&str> = entries.iter().map(|e| str_of(e, "id")).collect();
    assert_eq!(ids, REFERENCES);
    for e in &entries {
        assert!(CSL_TYPES.contains(&str_of(e, "type")), "{e}");
        assert!(!str_of(e, "title").is_empty());
        assert!(e["issued"]["date-parts"].is_array(), "{e}");
        let id = str_of(e, "id").strip_prefix("sim-").unwrap();
        assert_eq!(str_of(e, "URL"), doc_url(id));
        assert_eq!(
            e["accessed"],
            serde_json::json!({ "date-parts": [[2025, 3, 14]] })
        );
        assert!(!citation_lines(str_of(e, "note")).is_empty(), "{e}");
    }
    let n_citations: Vec<usize> = entries
        .iter()
        .map(|e| citation_lines(str_of(e, "note")).len())
        .collect();
    assert_eq!(n_citations, [3, 4, 2]);

    // The awkward report: its metadata once, its reporter's name structured, each quoted
    // passage a citation with its paragraph, its address and the quote verbatim.
    let first = &entries[0];
    assert_eq!(str_of(first, "type"), "article-newspaper");
    assert_eq!(str_of(first, "title"), AWKWARD_TITLE);
    assert_eq!(str_of(first, "container-title"), "Disability News Service");
    assert_eq!(
        first["author"],
        serde_json::json!([{ "family": "Pring", "given": "John" }])
    );
    assert_eq!(
        first["issued"],
        serde_json::json!({ "date-parts": [[2021, 6, 17]] })
    );
    let note = str_of(first, "note");
    assert!(
        note.starts_with(&format!(
            "Paragraph 1 ({}): “{AWKWARD}”\nReader's note: {AWKWARD_NOTE}\nParagraph ",
            link(&corpus, &items[0].what)
        )),
        "{note}"
    );
    assert!(note.contains("\nEvent cited: 2013: SIM first piloted on the Isle of Wight"));

    // The disagreement's awkward quote, with the position it supports and the reader's note.
    let statement = &entries[2];
    let note = str_of(statement, "note");
    assert!(note.contains(&format!(": “{AWKWARD_QUOTE}”\n")), "{note}");
    assert!(note.contains(
        "\nDisagreement cited: In which year was SIM first piloted on the Isle of Wight? — \
         2012, according to StopSIM Coalition\nReader's note: who is right?\n"
    ));
}

#[test]
fn csl_json_says_which_values_are_inferred_or_supplied() {
    let corpus = awkward_corpus();
    let entries = csl(&corpus, &collection(&corpus));
    let statement = entries.last().unwrap();
    assert_eq!(str_of(statement, "type"), "document");
    assert_eq!(str_of(statement, "genre"), "Campaign statement");
    assert_eq!(str_of(statement, "publisher"), "StopSIM Coalition");
    // The register says the coalition wrote it: an organisation's name, whole.
    assert_eq!(
        statement["author"],
        serde_json::json!([{ "literal": "StopSIM Coalition" }])
    );
    // An open date as its bound's year, marked circa; its words in the note.
    assert_eq!(
        statement["issued"],
        serde_json::json!({ "date-parts": [[2023]], "circa": true })
    );
    let note = str_of(statement, "note");
    for said in [
        "Title supplied by SIM Explorer",
        "Publisher inferred by SIM Explorer",
        "Byline: members of the StopSIM Coalition",
        "Date inferred by SIM Explorer: 10 March 2023 or later",
    ] {
        assert!(note.lines().any(|l| l == said), "{said} in {note}");
    }
    // A report with no byline has no author; the register's reporter is structured.
    let apology = &entries[1];
    assert!(apology.get("author").is_none(), "{apology}");
    // No note line names a field Zotero would read it into.
    for e in &entries {
        for line in str_of(e, "note").lines() {
            for field in [
                "Date:",
                "Publisher:",
                "Title:",
                "Event:",
                "Note:",
                "Author:",
                "URL:",
                "Accessed:",
            ] {
                assert!(!line.starts_with(field), "{line}");
            }
        }
    }
}

#[test]
fn dates_keep_their_precision_in_every_format() {
    // (date as the corpus writes it, CSL issued, RIS PY and DA, BibTeX year, month, date)
    let table = [
        (
            "2021-04-29",
            r#"{"date-parts":[[2021,4,29]]}"#,
            Some("2021"),
            "2021/04/29/",
            Some("2021"),
            Some("April"),
            Some("2021-04-29"),
        ),
        (
            "2021-06",
            r#"{"date-parts":[[2021,6]]}"#,
            Some("2021"),
            "2021/06//",
            Some("2021"),
            Some("June"),
            Some("2021-06"),
        ),
        (
            "2021",
            r#"{"date-parts":[[2021]]}"#,
            Some("2021"),
            "2021///",
            Some("2021"),
            None,
            Some("2021"),
        ),
        (
            "early 2018",
            r#"{"date-parts":[[2018,1],[2018,4]]}"#,
            Some("2018"),
            "2018///early 2018",
            Some("2018"),
            None,
            Some("2018-01/2018-04"),
        ),
        (
            "late 2017 to 2019-02",
            r#"{"date-parts":[[2017,9],[2019,2]]}"#,
            None,
            "2017///late 2017 to February 2019",
            None,
            None,
            Some("2017-09/2019-02"),
        ),
        // Open on one side: the bound's year (circa in CSL), no BibTeX date (readers that
        // take it before year found none in "../2018-11" and printed "n.d."), the words in
        // the note.
        (
            "by 2018-11",
            r#"{"date-parts":[[2018]],"circa":true}"#,
            Some("2018"),
            "2018/11//by November 2018",
            Some("2018"),
            None,
            None,
        ),
        (
            "2023-03 or later",
            r#"{"date-parts":[[2023]],"circa":true}"#,
            Some("2023"),
            "2023/03//March 2023 or later",
            Some("2023"),
            None,
            None,
        ),
    ];
    for (written, issued, py, da, year, month, bib_date) in table {
        let mut corpus = real_corpus();
        let d = doc_index(&corpus, DODGY);
        corpus.documents[d].date.value = date::parse(written).unwrap();
        let items = [item(
            Ref::Passage(corpus.documents[d].passages[0].key.clone()),
            "",
        )];

        let entries = csl(&corpus, &items);
        let want: Value = serde_json::from_str(issued).unwrap();
        assert_eq!(entries[0]["issued"], want, "{written}");

        let ris = export_of(&corpus, &items, Format::Ris);
        assert_eq!(ris_values(&ris, "PY").first().copied(), py, "{written}");
        assert_eq!(ris_values(&ris, "DA"), [da], "{written}");

        let bib = Bibliography::parse(&export_of(&corpus, &items, Format::Bibtex)).unwrap();
        let entry = bib.iter().next().unwrap();
        let field = |name: &str| entry.get(name).map(|c| c.format_verbatim());
        assert_eq!(field("year").as_deref(), year, "{written}");
        assert_eq!(field("month").as_deref(), month, "{written}");
        assert_eq!(field("date").as_deref(), bib_date, "{written}");
        // Every entry has a date biblatex reads: from the date field, or year and month.
        assert!(entry.date().is_ok(), "{written}");
        // Where the fields do not say it all, the note gives the date in words.
        let words = DateSpec::to_string(&date::parse(written).unwrap());
        let in_note = str_of(&entries[0], "note").contains(&format!("Date given as: {words}"));
        assert_eq!(
            in_note,
            !["2021-04-29", "2021-06", "2021"].contains(&written),
            "{written}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// RIS.

/// The values of one tag, in order.
fn ris_values<'a>(ris: &'a str, tag: &str) -> Vec<&'a str> {
    let prefix = format!("{tag}  - ");
    ris.split("\r\n")
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect()
}

#[test]
fn ris_records_are_tagged_lines_from_ty_to_er() {
    let corpus = awkward_corpus();
    let items = collection(&corpus);
    let ris = export_of(&corpus, &items, Format::Ris);
    assert!(ris.ends_with("ER  - \r\n\r\n"));
    // Every line ends CR LF: no bare line feed anywhere.
    assert!(!ris.replace("\r\n", "").contains(['\n', '\r']));

    let standard = [
        "TY", "ID", "TI", "AU", "T2", "PB", "M3", "PY", "DA", "UR", "Y2", "N1", "ER",
    ];
    let mut records: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut open: Option<Vec<(&str, &str)>> = None;
    for line in ris.split("\r\n").filter(|l| !l.is_empty()) {
        let b = line.as_bytes();
        let tagged = b.len() >= 6
            && b[0].is_ascii_uppercase()
            && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
            && &line[2..6] == "  - ";
        assert!(tagged, "not a tagged line: {line:?}");
        let (tag, value) = (&line[..2], &line[6..]);
        assert!(standard.contains(&tag), "{tag}");
        match tag {
            "TY" => {
                assert!(open.is_none(), "TY inside a record");
                assert!(["NEWS", "GEN"].contains(&value), "{value}");
                open = Some(vec![(tag, value)]);
            }
            "ER" => {
                assert_eq!(value, "");
                records.push(open.take().expect("ER without TY"));
            }
            _ => open
                .as_mut()
                .expect("a tag outside a record")
                .push((tag, value)),
        }
    }
    assert!(open.is_none());
    assert_eq!(ris_values(&ris, "ID"), REFERENCES);

    // The awkward report: one record, a note per citation (quote and reader's note with
    // their line breaks folded, nothing else lost), then one for the record itself.
    let first = &records[0];
    let value = |tag: &str| first.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
    let values = |tag: &str| -> Vec<&str> {
        first
            .iter()
            .filter(|(t, _)| *t == tag)
            .map(|(_, v)| *v)
            .collect()
    };
    assert_eq!(value("TY"), Some("NEWS"));
    assert_eq!(value("TI"), Some(AWKWARD_TITLE));
    assert_eq!(values("AU"), ["Pring, John"]);
    assert_eq!(value("T2"), Some("Disability News Service"));
    assert_eq!(value("PY"), Some("2021"));
    assert_eq!(value("DA"), Some("2021/06/17/"));
    assert_eq!(value("UR").map(str::to_string), Some(doc_url(DODGY)));
    assert_eq!(value("Y2"), Some("2025/03/14/"));
    let notes = values("N1");
    // Three citations; every value of this report is stated, so no note of its own.
    assert_eq!(notes.len(), 3);
    assert_eq!(
        notes[0],
        format!(
            "Paragraph 1 ({}): “{}”. Reader's note: {}",
            link(&corpus, &items[0].what),
            folded(AWKWARD),
            folded(AWKWARD_NOTE)
        )
    );
    assert!(
        notes[1].contains("Event cited: 2013: SIM first piloted"),
        "{}",
        notes[1]
    );

    // The campaign statement: a generic record with its publisher, its basis said.
    let statement = records.last().unwrap();
    let value = |tag: &str| statement.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
    assert_eq!(value("TY"), Some("GEN"));
    assert_eq!(value("AU"), Some("StopSIM Coalition"));
    assert_eq!(value("PB"), Some("StopSIM Coalition"));
    assert_eq!(value("M3"), Some("Campaign statement"));
    assert_eq!(value("PY"), Some("2023"), "an open date's bound's year");
    assert_eq!(value("DA"), Some("2023/03/10/10 March 2023 or later"));
    let note = statement.iter().rev().find(|(t, _)| *t == "N1").unwrap().1;
    assert!(note.contains("Title supplied by SIM Explorer."), "{note}");
    assert!(
        note.contains("Publisher inferred by SIM Explorer."),
        "{note}"
    );
    assert!(note.contains("Date inferred by SIM Explorer: 10 March 2023 or later"));
}

// ---------------------------------------------------------------------------------------
// BibTeX.

/// Braces as BibTeX counts them: every one, escaped or not, never closing more than opened.
fn braces_balance(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// What TeX and the biblatex crate make of folded text: runs of spaces are one space.
fn as_tex_reads(text: &str) -> String {
    folded(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn bibtex_reads_back_with_a_parser() {
    let corpus = awkward_corpus();
    let items = collection(&corpus);
    let text = export_of(&corpus, &items, Format::Bibtex);
    assert!(braces_balance(&text), "{text}");
    assert!(text.starts_with("% SIM Explorer collection: 3 references.\n"));
    assert!(text.contains("% Left out: 1 collected item no longer in the record.\n"));
    // Each entry on its own lines: a line break inside a field would be folded by readers.
    for chunk in text.split("\n@").skip(1) {
        assert!(
            braces_balance(&chunk[chunk.find('{').unwrap()..]),
            "{chunk}"
        );
    }

    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let keys: Vec<&str> = bib.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, REFERENCES);
    for entry in bib.iter() {
        assert!(entry
            .key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert!(entry.get("title").is_some());
        let id = entry.key.strip_prefix("sim-").unwrap();
        assert_eq!(entry.get("url").unwrap().format_verbatim(), doc_url(id));
        assert_eq!(
            entry.get("urldate").unwrap().format_verbatim(),
            "2025-03-14"
        );
        assert!(entry.url_date().is_ok());
        assert!(entry.date().is_ok(), "{}", entry.key);
        assert!(entry
            .get("note")
            .unwrap()
            .format_verbatim()
            .starts_with("Paragraph "));
    }

    let first = bib.iter().next().unwrap();
    let field = |name: &str| first.get(name).unwrap().format_verbatim();
    // A news report as biblatex's @online, so readers keep its day (see bibtex.rs).
    assert_eq!(first.entry_type.to_string(), "online");
    assert!(first.get("entrysubtype").is_none());
    assert_eq!(field("title"), as_tex_reads(AWKWARD_TITLE));
    assert_eq!(field("author"), "Pring, John");
    assert_eq!(field("organization"), "Disability News Service");
    assert!(
        field("note").starts_with(&as_tex_reads(&format!(
            "Paragraph 1 ({}): “{AWKWARD}”. Reader's note: {AWKWARD_NOTE}. Paragraph ",
            link(&corpus, &items[0].what)
        ))),
        "{}",
        field("note")
    );
    // The reporter, structured: family and given names as every style prints them.
    let authors = first.author().unwrap();
    assert_eq!(authors.len(), 1);
    assert_eq!(
        (authors[0].name.as_str(), authors[0].given_name.as_str()),
        ("Pring", "John")
    );

    let statement = bib.iter().last().unwrap();
    let field = |name: &str| statement.get(name).unwrap().format_verbatim();
    assert_eq!(statement.entry_type.to_string(), "misc");
    assert_eq!(field("howpublished"), "StopSIM Coalition");
    // An organisation, whole: one author, never split into first and last names.
    let authors = statement.author().unwrap();
    assert_eq!(authors.len(), 1);
    assert_eq!(
        (authors[0].name.as_str(), authors[0].given_name.as_str()),
        ("StopSIM Coalition", "")
    );
    // Its open date as its year, which every reader takes; the words in the note.
    assert_eq!(field("year"), "2023");
    assert!(statement.get("date").is_none());
    assert!(field("note").contains("Date inferred by SIM Explorer: 10 March 2023 or later"));
    assert!(field("note").contains("Title supplied by SIM Explorer."));
    // The disagreement's awkward quote reads back, in the statement's entry.
    assert!(field("note").contains(&as_tex_reads(&format!("“{AWKWARD_QUOTE}”"))));
}

#[test]
fn bibtex_escapes_every_special_character() {
    let mut corpus = real_corpus();
    let d = doc_index(&corpus, DODGY);
    corpus.documents[d].passages[0].text = "{ } % & # $ _ ^ ~ \\ -- '' a".to_string();
    let items = [item(
        Ref::Passage(corpus.documents[d].passages[0].key.clone()),
        "",
    )];
    let text = export_of(&corpus, &items, Format::Bibtex);
    assert!(
        text.contains(
            ": “\\textbraceleft{} \\textbraceright{} \\% \\& \\# \\$ \\_ \
             \\textasciicircum{} \\textasciitilde{} \\textbackslash{} -{}- '{}' a”"
        ),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// Markdown and plain text.

#[test]
fn text_holds_every_item_its_note_and_the_missing_one_flagged() {
    let corpus = awkward_corpus();
    let items = collection(&corpus);
    let text = export_of(&corpus, &items, Format::Text);
    assert!(text.starts_with(
        "SIM Explorer collection\n\n5 items; 1 is no longer in the record.\n\n---\n\n“"
    ));
    // The quote verbatim, its line break and all, and the note as typed.
    assert!(text.contains(&format!("“{AWKWARD}”\n— “{AWKWARD_TITLE}” [News report]")));
    assert!(text.contains(&format!("\n\nReader's note: {AWKWARD_NOTE}\n\n---\n\n")));
    assert!(text.contains("2013: SIM first piloted on the Isle of Wight"));
    assert!(text.contains("In which year was SIM first piloted on the Isle of Wight?"));
    assert!(text.contains("\n\nReader's note: who is right?\n\n---\n\n"));
    assert!(text.contains("(title supplied by SIM Explorer)"));
    assert!(text.ends_with(
        "No longer in the record: paragraph zzzzzz\n\nReader's note: kept although the \
         passage went\n"
    ));
    assert_eq!(text.matches("\n---\n").count(), items.len());
}

#[test]
fn markdown_escapes_quotes_and_notes() {
    let corpus = awkward_corpus();
    let mut items = collection(&corpus);
    items[1].note =
        "1. not a list\n- nor this\n===\n\nnew paragraph with *stars* & ~strike~".into();
    let md = export_of(&corpus, &items, Format::Markdown);
    assert!(md.starts_with("# SIM Explorer collection\n\n5 items; 1 is no longer in the record."));
    assert!(md.contains(&format!(
        "> {}",
        AWKWARD
            .replace('\\', "\\\\")
            .replace('#', "\\#")
            .replace('_', "\\_")
    )));
    assert!(md.contains(
        "Reader's note: Check {this}: 10% \\& \\#2\\\nsecond line with \"quotes\" and a \\\\ too"
    ));
    assert!(md.contains(
        "Reader's note: 1\\. not a list\\\n\\- nor this\\\n\\===\n\nnew paragraph with \
         \\*stars\\* \\& \\~strike\\~"
    ));
    assert!(md.contains("No longer in the record: paragraph zzzzzz\n\nReader's note: kept"));
    assert!(md.contains("(title supplied by SIM Explorer) \\[Campaign statement\\]"));
}

// ---------------------------------------------------------------------------------------
// Edge cases.

#[test]
fn an_empty_collection_exports_something_valid_in_each_format() {
    let corpus = real_corpus();
    let csl: Value = serde_json::from_str(&export_of(&corpus, &[], Format::CslJson)).unwrap();
    assert_eq!(csl, serde_json::json!([]));
    assert_eq!(export_of(&corpus, &[], Format::Ris), "");
    let bib = export_of(&corpus, &[], Format::Bibtex);
    assert_eq!(Bibliography::parse(&bib).unwrap().len(), 0);
    assert_eq!(
        export_of(&corpus, &[], Format::Markdown),
        "# SIM Explorer collection\n\nThe collection is empty.\n"
    );
    assert_eq!(
        export_of(&corpus, &[], Format::Text),
        "SIM Explorer collection\n\nThe collection is empty.\n"
    );
}

#[test]
fn missing_items_are_counted_and_left_out_of_reference_lists() {
    let corpus = real_corpus();
    let items = [
        item(Ref::Event("no-such-event".into()), "a"),
        item(Ref::Disagreement("no-such-question".into()), ""),
    ];
    assert_eq!(missing(&corpus, &items).len(), 2);
    assert_eq!(missing(&corpus, &collection(&corpus)).len(), 1);
    assert_eq!(export_of(&corpus, &items, Format::CslJson), "[]\n");
    assert_eq!(export_of(&corpus, &items, Format::Ris), "");
    let md = export_of(&corpus, &items, Format::Markdown);
    assert!(md.contains("2 items; 2 are no longer in the record."));
    assert!(md.contains("No longer in the record: event no-such-event\n\nReader's note: a"));
    assert!(md.contains("No longer in the record: disagreement no-such-question\n"));
}

#[test]
fn a_document_quoted_several_times_is_one_reference() {
    // Issue 24: four passages of the 17 June 2021 report and one of the statement became
    // five references, the report's as "2021a" to "2021d" in APA. Now two, the report's
    // with four citations in the order collected.
    let corpus = real_corpus();
    let dodgy = &corpus.documents[doc_index(&corpus, DODGY)];
    let stopsim = &corpus.documents[doc_index(&corpus, STOPSIM)];
    let statement = stopsim.passages.iter().find(|p| !p.heading).unwrap();
    let mut items: Vec<Item> = [4, 0, 5, 1]
        .iter()
        .map(|&i| item(Ref::Passage(dodgy.passages[i].key.clone()), ""))
        .collect();
    items.push(item(Ref::Passage(statement.key.clone()), ""));
    let entries = csl(&corpus, &items);
    let ids: Vec<&str> = entries.iter().map(|e| str_of(e, "id")).collect();
    assert_eq!(ids, [REFERENCES[0], REFERENCES[2]]);
    let places: Vec<String> = citation_lines(str_of(&entries[0], "note"))
        .iter()
        .map(|l| l.split(" (").next().unwrap().to_string())
        .collect();
    assert_eq!(
        places,
        ["Paragraph 5", "Paragraph 1", "Paragraph 6", "Paragraph 2"]
    );
    let bib = Bibliography::parse(&export_of(&corpus, &items, Format::Bibtex)).unwrap();
    assert_eq!(bib.len(), 2);
    let ris = export_of(&corpus, &items, Format::Ris);
    assert_eq!(ris_values(&ris, "TY").len(), 2);
    // A note per citation, and the statement's inferred values in one more.
    assert_eq!(ris_values(&ris, "N1").len(), 4 + 1 + 1);
}

#[test]
fn the_same_words_quoted_twice_are_one_citation_with_both_reasons() {
    let corpus = real_corpus();
    // The event's third source is also collected on its own, and one item is passed twice.
    let e = corpus
        .events
        .iter()
        .find(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    let (d, p) = e.sources[2];
    let key = corpus.documents[usize::from(d)].passages[usize::from(p)]
        .key
        .clone();
    let items = [
        item(Ref::Passage(key.clone()), ""),
        item(Ref::Event(e.id.clone()), ""),
        item(Ref::Passage(key.clone()), "again"),
    ];
    let entries = csl(&corpus, &items);
    let ids: Vec<&str> = entries.iter().map(|e| str_of(e, "id")).collect();
    assert_eq!(ids, [REFERENCES[0], REFERENCES[1]]);
    let note = str_of(&entries[0], "note");
    assert_eq!(citation_lines(note).len(), 1, "{note}");
    assert!(note.contains("\nEvent cited: 2013: SIM first piloted on the Isle of Wight"));
    assert!(note.contains("\nReader's note: again"));
    assert_eq!(citation_lines(str_of(&entries[1], "note")).len(), 2);
}

#[test]
fn a_quote_has_one_set_of_marks() {
    // Issue 24: a passage that is itself a quotation came out as ““…””.
    let corpus = real_corpus();
    let quoted = |text: &str| {
        let mut corpus = corpus.clone();
        let d = doc_index(&corpus, DODGY);
        corpus.documents[d].passages[0].text = text.to_string();
        let items = [item(
            Ref::Passage(corpus.documents[d].passages[0].key.clone()),
            "",
        )];
        let note = str_of(&csl(&corpus, &items)[0], "note").to_string();
        let line = citation_lines(&note)[0];
        line[line.find("): ").unwrap() + 3..].to_string()
    };
    let table = [
        ("Plain words.", "“Plain words.”"),
        ("“A whole quotation.”", "“A whole quotation.”"),
        // A quotation running on into the next paragraph has no closing mark.
        ("“A quotation running on.", "“A quotation running on."),
        ("“Words,” she said.", "““Words,” she said.”"),
        ("“One” and “two”", "““One” and “two””"),
        ("He said “this”.", "“He said “this”.”"),
    ];
    for (text, want) in table {
        assert_eq!(quoted(text), want, "{text}");
    }
}
