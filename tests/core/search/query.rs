//! The query stage, as a table: `input -> its clauses`, each written as a person reads it:
//! `word`, `word…` for the word still being typed, `"a b"` for a phrase (`"a b…"` while
//! its last word is typed).

use sim_explorer::engine::search::{Clause, Query, Typed, MAX_CLAUSES, MAX_QUERY_CHARS};

fn shown(query: &Query) -> String {
    let typing = |t: &Typed| if *t == Typed::Begun { "…" } else { "" };
    query
        .clauses
        .iter()
        .map(|c| match c {
            Clause::Word { norm, typed } => format!("{norm}{}", typing(typed)),
            Clause::Phrase { words, typed } => format!("\"{}{}\"", words.join(" "), typing(typed)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn parses_words_phrases_and_the_word_being_typed() {
    let table = [
        ("Jennings police", "jennings police…"),
        ("Jennings police ", "jennings police"),
        ("Jennings’", "jennings…"),
        ("NHS England's response.", "nhs england response"),
        ("\"high intensity users\"", "\"high intensity users\""),
        ("\"Innovation Accel", "\"innovation accel…\""),
        (
            "“independent review” totally",
            "\"independent review\" totally…",
        ),
        ("self-harm", "\"self harm…\""),
        ("self-harm and", "\"self harm\" and…"),
        ("63,000 members ", "63000 members"),
        ("sim SIM Sim ", "sim"),
        ("🙂 SIM 🙂", "sim"),
        ("", ""),
        ("!!!???...", ""),
        ("\"\"", ""),
    ];
    for (input, expected) in table {
        assert_eq!(shown(&Query::parse(input)), expected, "{input:?}");
    }
}

#[test]
fn long_input_is_cut_and_clauses_capped() {
    let table = [
        (MAX_QUERY_CHARS, false),
        (MAX_QUERY_CHARS + 1, true),
        (10 * MAX_QUERY_CHARS, true),
    ];
    for (len, truncated) in table {
        let input = "a".repeat(len);
        assert_eq!(
            Query::parse(&input).truncated,
            truncated,
            "{len} characters"
        );
    }
    let many: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    assert_eq!(Query::parse(&many.join(" ")).clauses.len(), MAX_CLAUSES);
}
