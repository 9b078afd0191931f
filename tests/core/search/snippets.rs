//! The snippet stage, as a table: `(text, marked ranges, length) -> the snippet`, written
//! with `[marked]` words and "…" where it was cut.

use sim_explorer::engine::search::snippet;

fn shown(text: &str, marks: &[&str], max_chars: usize) -> String {
    let ranges: Vec<(usize, usize)> = marks
        .iter()
        .map(|m| {
            let at = text.find(m).expect("a mark is in the text");
            (at, at + m.len())
        })
        .collect();
    snippet(text, &ranges, max_chars)
        .iter()
        .map(|s| {
            if s.mark {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

#[test]
fn cuts_around_the_densest_marks_at_word_boundaries() {
    let text = "one two three Jennings four five six police seven";
    let long = format!(
        "{} Jennings said {}",
        "word ".repeat(20),
        "more ".repeat(20)
    );
    let table: [(&str, &[&str], usize, &str); 6] = [
        // Short enough: the whole text, verbatim, marks where they were.
        (
            text,
            &["Jennings", "police"],
            500,
            "one two three [Jennings] four five six [police] seven",
        ),
        (text, &[], 500, text),
        // Cut: from a word boundary shortly before the mark, ellipses where cut.
        (&long, &["Jennings"], 30, "… [Jennings] said more more…"),
        // No mark: the text's beginning.
        (text, &[], 20, "one two three…"),
        // The window holding the most marks wins over the first mark.
        (
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu",
            &["alpha", "theta", "iota", "kappa"],
            25,
            "…eta [theta] [iota] [kappa]…",
        ),
        ("ééé Jennings ééé", &["Jennings"], 500, "ééé [Jennings] ééé"),
    ];
    for (text, marks, max, expected) in table {
        assert_eq!(
            shown(text, marks, max),
            expected,
            "{text:?} {marks:?} {max}"
        );
    }
}
