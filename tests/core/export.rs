//! Exports of a collection: each format read back by a real reader (serde_json for
//! CSL-JSON, the biblatex crate for BibTeX, the RIS line grammar), quotes verbatim through
//! every escape, inferred and supplied values said so, missing items flagged or left out.

use super::corpus::real_corpus;
use biblatex::{Bibliography, ChunksExt};
use serde_json::Value;
use sim_explorer::engine::citable::Ref;
use sim_explorer::engine::cite::LOCAL_COPY;
use sim_explorer::engine::collection::{missing, Item};
use sim_explorer::engine::date::{self, DateSpec};
use sim_explorer::engine::export::{export, Format};
use sim_explorer::engine::model::Corpus;
use std::collections::HashSet;

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

fn link(r: &Ref) -> Option<String> {
    Some(format!(
        "https://example.org/sim/?v=1&x=a%20b#col={}",
        r.code()
    ))
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

/// References the collection gives: 1 passage + 3 event sources + 4 disagreement quotes +
/// 1 passage; the missing item gives none.
const N_REFERENCES: usize = 9;

/// Line breaks folded to spaces, as one-line fields carry them.
fn folded(text: &str) -> String {
    text.replace('\n', " ")
}

fn export_of(corpus: &Corpus, items: &[Item], format: Format) -> String {
    export(corpus, items, &link, format)
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
    // file:// path would be a link nobody else can open), and each note says where it is from.
    let corpus = real_corpus();
    let items = collection(&corpus);
    let none = |_: &Ref| None;
    for format in Format::ALL {
        let text = export(&corpus, &items, &none, format);
        assert!(!text.contains("file:"), "{format:?}");
        assert!(text.contains(LOCAL_COPY), "{format:?}: {text}");
    }
    let csl: Vec<Value> =
        serde_json::from_str(&export(&corpus, &items, &none, Format::CslJson)).unwrap();
    assert!(csl.iter().all(|e| e.get("URL").is_none()));
    assert!(!export(&corpus, &items, &none, Format::Ris).contains("UR  -"));
    assert!(!export(&corpus, &items, &none, Format::Bibtex).contains("url = "));
}

#[test]
fn csl_json_items_have_the_required_fields_and_quote_verbatim() {
    let corpus = awkward_corpus();
    let items = collection(&corpus);
    let entries = csl(&corpus, &items);
    assert_eq!(entries.len(), N_REFERENCES);
    let mut ids = HashSet::new();
    for e in &entries {
        assert!(
            ids.insert(str_of(e, "id").to_string()),
            "repeated id in {e}"
        );
        assert!(CSL_TYPES.contains(&str_of(e, "type")), "{e}");
        assert!(!str_of(e, "title").is_empty());
        assert!(e["issued"].is_object(), "{e}");
        assert!(str_of(e, "URL").starts_with("https://example.org/sim/?v=1&x=a%20b#col="));
        assert!(str_of(e, "note").starts_with("Quote: “"), "{e}");
        assert!(str_of(e, "note").contains("\nParagraph "), "{e}");
    }

    // The awkward passage, title and note come back exactly as written.
    let first = &entries[0];
    assert_eq!(str_of(first, "type"), "article-newspaper");
    assert_eq!(str_of(first, "title"), AWKWARD_TITLE);
    assert_eq!(str_of(first, "container-title"), "Disability News Service");
    assert_eq!(
        first["author"],
        serde_json::json!([{ "literal": "John Pring" }])
    );
    assert_eq!(
        first["issued"],
        serde_json::json!({ "date-parts": [[2021, 6, 17]] })
    );
    assert_eq!(
        str_of(first, "note"),
        format!("Quote: “{AWKWARD}”\nParagraph 1\nReader's note: {AWKWARD_NOTE}")
    );
    assert_eq!(
        str_of(first, "URL"),
        format!(
            "https://example.org/sim/?v=1&x=a%20b#col={}",
            items[0].what.code()
        )
    );

    // The disagreement's awkward quote, with the position it supports.
    let quoted = entries
        .iter()
        .find(|e| str_of(e, "note").contains(AWKWARD_QUOTE))
        .expect("the disagreement's quote");
    assert!(str_of(quoted, "note").contains(
        "Disagreement cited: In which year was SIM first piloted on the Isle of Wight? — \
         2012, according to StopSIM Coalition"
    ));
    assert!(str_of(quoted, "note").ends_with("Reader's note: who is right?"));
}

#[test]
fn csl_json_says_which_values_are_inferred_or_supplied() {
    let corpus = awkward_corpus();
    let entries = csl(&corpus, &collection(&corpus));
    let statement = entries.last().unwrap();
    assert_eq!(str_of(statement, "type"), "document");
    assert_eq!(str_of(statement, "genre"), "Campaign statement");
    assert_eq!(str_of(statement, "publisher"), "StopSIM Coalition");
    assert_eq!(
        statement["author"],
        serde_json::json!([{ "literal": "members of the StopSIM Coalition" }])
    );
    // An open date cannot be date-parts: its words, exactly.
    assert_eq!(
        statement["issued"],
        serde_json::json!({ "literal": "10 March 2023 or later" })
    );
    let note = str_of(statement, "note");
    for said in [
        "Title supplied by SIM Explorer",
        "Publisher inferred by SIM Explorer",
        "Date inferred by SIM Explorer: 10 March 2023 or later",
    ] {
        assert!(note.lines().any(|l| l == said), "{said} in {note}");
    }
    // No note line names a field Zotero would read it into.
    for line in note.lines() {
        for field in [
            "Date:",
            "Publisher:",
            "Title:",
            "Event:",
            "Note:",
            "Author:",
        ] {
            assert!(!line.starts_with(field), "{line}");
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
            "2021-04-29",
        ),
        (
            "2021-06",
            r#"{"date-parts":[[2021,6]]}"#,
            Some("2021"),
            "2021/06//",
            Some("2021"),
            Some("June"),
            "2021-06",
        ),
        (
            "2021",
            r#"{"date-parts":[[2021]]}"#,
            Some("2021"),
            "2021///",
            Some("2021"),
            None,
            "2021",
        ),
        (
            "early 2018",
            r#"{"date-parts":[[2018,1],[2018,4]]}"#,
            Some("2018"),
            "2018///early 2018",
            Some("2018"),
            None,
            "2018-01/2018-04",
        ),
        (
            "late 2017 to 2019-02",
            r#"{"date-parts":[[2017,9],[2019,2]]}"#,
            None,
            "2017///late 2017 to February 2019",
            None,
            None,
            "2017-09/2019-02",
        ),
        (
            "by 2018-11",
            r#"{"literal":"by November 2018"}"#,
            None,
            "2018/11//by November 2018",
            None,
            None,
            "../2018-11",
        ),
        (
            "2023-03 or later",
            r#"{"literal":"March 2023 or later"}"#,
            None,
            "2023/03//March 2023 or later",
            None,
            None,
            "2023-03/..",
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
        assert_eq!(field("date").as_deref(), Some(bib_date), "{written}");
        // The date field is one biblatex reads as a date.
        assert!(entry.date().is_ok(), "{written}: {bib_date}");
        // Where the fields do not say it all, the note gives the date in words.
        let words = DateSpec::to_string(&date::parse(written).unwrap());
        let in_note = str_of(&entries[0], "note").contains(&format!("Date given as: {words}"));
        assert_eq!(
            in_note,
            py.is_none() || written.contains("early"),
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
        "TY", "ID", "TI", "AU", "T2", "PB", "M3", "PY", "DA", "UR", "N1", "ER",
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
    assert_eq!(records.len(), N_REFERENCES);
    let ids: HashSet<&str> = ris_values(&ris, "ID").into_iter().collect();
    assert_eq!(ids.len(), N_REFERENCES);

    // The awkward record: quote and note with their line breaks folded, nothing else lost.
    let first = &records[0];
    let value = |tag: &str| first.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
    assert_eq!(value("TY"), Some("NEWS"));
    assert_eq!(value("TI"), Some(AWKWARD_TITLE));
    assert_eq!(value("AU"), Some("John Pring"));
    assert_eq!(value("T2"), Some("Disability News Service"));
    assert_eq!(value("PY"), Some("2021"));
    assert_eq!(value("DA"), Some("2021/06/17/"));
    assert_eq!(value("UR").map(str::to_string), link(&items[0].what));
    assert_eq!(
        value("N1").unwrap(),
        format!(
            "Quote: “{}”. Paragraph 1. Reader's note: {}",
            folded(AWKWARD),
            folded(AWKWARD_NOTE)
        )
    );

    // The campaign statement: a generic record with its publisher, its basis said.
    let statement = records.last().unwrap();
    let value = |tag: &str| statement.iter().find(|(t, _)| *t == tag).map(|(_, v)| *v);
    assert_eq!(value("TY"), Some("GEN"));
    assert_eq!(value("PB"), Some("StopSIM Coalition"));
    assert_eq!(value("M3"), Some("Campaign statement"));
    assert_eq!(value("PY"), None, "the year of an open date is not known");
    assert_eq!(value("DA"), Some("2023/03/10/10 March 2023 or later"));
    let note = value("N1").unwrap();
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
    assert!(text.starts_with("% SIM Explorer collection: 9 references.\n"));
    assert!(text.contains("% Left out: 1 collected item no longer in the record.\n"));
    // Each entry on its own lines: a line break inside a field would be folded by readers.
    for chunk in text.split("\n@").skip(1) {
        assert!(
            braces_balance(&chunk[chunk.find('{').unwrap()..]),
            "{chunk}"
        );
    }

    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(bib.len(), N_REFERENCES);
    let keys: HashSet<&str> = bib.keys().collect();
    assert_eq!(keys.len(), N_REFERENCES);
    for entry in bib.iter() {
        assert!(entry
            .key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert!(entry.get("title").is_some() && entry.get("url").is_some());
        assert!(entry
            .get("note")
            .unwrap()
            .format_verbatim()
            .starts_with("Quote: “"));
    }

    let first = bib.iter().next().unwrap();
    let field = |name: &str| first.get(name).unwrap().format_verbatim();
    assert_eq!(first.entry_type.to_string(), "article");
    assert_eq!(field("title"), as_tex_reads(AWKWARD_TITLE));
    assert_eq!(field("author"), "John Pring");
    assert_eq!(field("journal"), "Disability News Service");
    assert_eq!(Some(field("url")), link(&items[0].what));
    assert_eq!(
        field("note"),
        as_tex_reads(&format!(
            "Quote: “{AWKWARD}”. Paragraph 1. Reader's note: {AWKWARD_NOTE}"
        ))
    );
    // One author, whole: not split into first and last names.
    let authors = first.author().unwrap();
    assert_eq!(authors.len(), 1);
    assert_eq!(authors[0].name, "John Pring");
    assert_eq!(authors[0].given_name, "");

    let quoted = bib
        .iter()
        .find(|e| {
            e.get("note")
                .unwrap()
                .format_verbatim()
                .contains(AWKWARD_QUOTE)
        })
        .expect("the disagreement's quote reads back");
    assert!(quoted.key.starts_with("sim-d-first-pilot-year-"));

    let statement = bib.iter().last().unwrap();
    let field = |name: &str| statement.get(name).unwrap().format_verbatim();
    assert_eq!(statement.entry_type.to_string(), "misc");
    assert_eq!(field("howpublished"), "StopSIM Coalition");
    assert_eq!(field("author"), "members of the StopSIM Coalition");
    assert_eq!(field("date"), "2023-03-10/..");
    assert!(field("note").contains("Title supplied by SIM Explorer."));
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
            "Quote: “\\textbraceleft{} \\textbraceright{} \\% \\& \\# \\$ \\_ \
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
fn ids_stay_unique_when_a_passage_is_collected_twice() {
    let corpus = real_corpus();
    // The event's first source is also collected on its own, and one item is passed twice.
    let e = corpus
        .events
        .iter()
        .find(|e| e.id == "pilot-isle-of-wight")
        .unwrap();
    let (d, p) = e.sources[0];
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
    assert_eq!(
        ids,
        [
            format!("sim-p-{key}"),
            "sim-e-pilot-isle-of-wight-1".to_string(),
            "sim-e-pilot-isle-of-wight-2".to_string(),
            "sim-e-pilot-isle-of-wight-3".to_string(),
            format!("sim-p-{key}-2"),
        ]
    );
    let bib = Bibliography::parse(&export_of(&corpus, &items, Format::Bibtex)).unwrap();
    assert_eq!(bib.len(), 5);
}
