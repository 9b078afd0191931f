//! The timeline chart's layout on the real record: labels that never overlap a mark or
//! another label, how many events show a readable label at the whole span on a wide
//! screen, and labels cut to their room.

use crate::corpus::real_corpus;
use sim_explorer::engine::model::Corpus;
use sim_explorer::engine::timeline::{
    axis_limits, fit_label, layout, spans, Labels, Mark, Viewport,
};

/// A label font's character widths, roughly (12 px sans; wider than most, to be safe).
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ' ' | '1' | '|' => 3.5,
        'm' | 'w' | 'M' | 'W' => 10.0,
        c if c.is_uppercase() => 8.0,
        _ => 6.6,
    }
}

/// A label shorter than this (or than its whole title) is not counted as readable.
const READABLE: f64 = 60.0;

struct Chart {
    spans: Vec<(i32, i32)>,
    wants: Vec<f64>,
    view: Viewport,
}

fn chart(corpus: &Corpus) -> Chart {
    let limits = axis_limits(
        corpus
            .events
            .iter()
            .map(|e| e.date)
            .chain(corpus.documents.iter().map(|d| d.date.value)),
    );
    Chart {
        spans: spans(&corpus.events, limits),
        wants: corpus
            .events
            .iter()
            .map(|e| e.title.chars().map(char_width).sum::<f64>() + 6.0)
            .collect(),
        view: Viewport::new(limits),
    }
}

/// As the chart does it: the fewest lanes the whole span needs (at most `max`), then the
/// marks spread over them.
fn draw(c: &Chart, window: (f64, f64), width: f64, max: usize) -> Vec<Mark> {
    let want = |i: usize| c.wants[i];
    let packed = Labels {
        want: &want,
        reserve: 100.0,
        spread: false,
    };
    let lanes = layout(&c.spans, c.view.full, width, 8.0, 6.0, max, &packed)
        .iter()
        .map(|m| m.lane + 1)
        .max()
        .unwrap_or(1);
    let spread = Labels {
        spread: true,
        ..packed
    };
    layout(&c.spans, window, width, 8.0, 6.0, lanes, &spread)
}

fn no_overlap(marks: &[Mark], width: f64) {
    for (a, m) in marks.iter().enumerate() {
        assert!(m.label.0 >= -0.01 && m.label.1 <= width + 0.01, "{m:?}");
        // What a mark takes in its lane: its bar and its label's room.
        let take = |m: &Mark| (m.x0.min(m.label.0), m.x1.max(m.label.1));
        for n in &marks[a + 1..] {
            if n.lane != m.lane {
                continue;
            }
            let (p, q) = (take(m), take(n));
            assert!(
                p.1 <= q.0 + 0.01 || q.1 <= p.0 + 0.01,
                "overlap in lane {}: {m:?} {n:?}",
                m.lane
            );
        }
    }
}

#[test]
fn at_the_whole_span_nine_in_ten_events_have_a_readable_label_and_none_overlap() {
    let corpus = real_corpus();
    let c = chart(&corpus);
    // A 1280 px screen gives the chart about 1,230 px.
    let marks = draw(&c, c.view.window, 1230.0, 22);
    no_overlap(&marks, 1230.0);
    let labelled = marks
        .iter()
        .filter(|m| m.events.len() == 1 && m.room() >= READABLE.min(c.wants[m.events[0]]))
        .count();
    let n = corpus.events.len();
    assert!(labelled * 10 >= n * 9, "{labelled} of {n} events labelled");
    // Every event is drawn once.
    let mut drawn: Vec<usize> = marks.iter().flat_map(|m| m.events.clone()).collect();
    drawn.sort_unstable();
    assert_eq!(drawn, (0..n).collect::<Vec<_>>());
}

#[test]
fn labels_never_overlap_at_any_zoom_or_width() {
    let corpus = real_corpus();
    let c = chart(&corpus);
    for width in [600.0, 900.0, 1230.0, 1800.0] {
        let mut v = c.view;
        for step in 0..12 {
            let marks = draw(&c, v.window, width, 22);
            no_overlap(&marks, width);
            v = if step % 3 == 2 {
                v.pan(0.3)
            } else {
                v.zoom(0.7, None)
            };
        }
    }
}

#[test]
fn labels_are_cut_after_a_word_with_an_ellipsis() {
    let title = "Hampshire police warn Wessex AHSN and Isle of Wight NHS Trust about SIM data";
    let whole: f64 = title.chars().map(char_width).sum();
    assert_eq!(fit_label(title, whole, &char_width).as_deref(), Some(title));
    let cut = fit_label(title, 120.0, &char_width).unwrap();
    assert_eq!(cut, "Hampshire police…");
    assert!(cut.chars().map(char_width).sum::<f64>() <= 120.0);
    // Never inside a word: too little room for the first word is no label.
    assert_eq!(
        fit_label(title, 80.0, &char_width).as_deref(),
        Some("Hampshire…")
    );
    assert_eq!(fit_label(title, 60.0, &char_width), None);
    assert_eq!(
        fit_label("DNS report: NHS bodies kept backing SIM", 90.0, &char_width).as_deref(),
        Some("DNS report…")
    );
}
