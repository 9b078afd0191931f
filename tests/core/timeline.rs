//! The timeline chart's pure parts: its layout on the real record (labels that never
//! overlap a mark or another label, how many events show a readable label at the whole
//! span on a wide screen, labels cut to their room); the markup of its marks and axis; its
//! frame; and its gestures and keys, each a table of what it does to the viewport.

use crate::corpus::real_corpus;
use sim_explorer::engine::date::{day_number, parse};
use sim_explorer::engine::model::Corpus;
use sim_explorer::engine::model::Event;
use sim_explorer::engine::timeline::{
    axis_limits, axis_svg, fit_label, key_step, marks_svg, pinch, rule_segments, within,
    wrap_label, CharWidths, ChartEvents, Frame, Gesture, KeyStep, Mark, Px, Scene, Viewport,
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

/// The chart of the real record, its labels measured with `char_width`, as the page draws
/// it.
struct Chart {
    drawn: ChartEvents,
    /// Each event's label width (event order), to tell a readable label.
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
    let title_width = |t: &str| t.chars().map(char_width).sum::<f64>();
    let mut drawn = ChartEvents::new(&corpus.events, limits);
    drawn.measure(&corpus.events, &title_width);
    Chart {
        drawn,
        wants: corpus
            .events
            .iter()
            .map(|e| title_width(&e.title) + 6.0)
            .collect(),
        view: Viewport::new(limits),
    }
}

/// The marks the page draws in a box `width` pixels wide showing `window`: the chart's own
/// two passes (the lanes the whole span needs, then the marks spread over them).
fn draw(c: &Chart, window: (f64, f64), width: f64) -> Vec<Mark> {
    let frame = c.drawn.frame(width, c.view.full);
    let v = Viewport { window, ..c.view };
    c.drawn.marks(&v, frame, &char_width)
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
    let marks = draw(&c, c.view.window, 1230.0);
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
            let marks = draw(&c, v.window, width);
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

#[test]
fn labels_wrap_between_words_into_the_lines_their_room_holds() {
    let title = "Hampshire police warn Wessex AHSN and Isle of Wight NHS Trust about SIM data";
    let check = |room: f64, lines: usize, expect: &[&str]| {
        assert_eq!(
            wrap_label(title, room, lines, &char_width),
            expect,
            "{room} {lines}"
        );
    };
    // Room for every line: the whole title, no ellipsis.
    check(
        140.0,
        6,
        &[
            "Hampshire police warn",
            "Wessex AHSN and Isle",
            "of Wight NHS Trust",
            "about SIM data",
        ],
    );
    // Fewer lines than it needs: the last is cut after a word, as a one-line label is.
    check(
        140.0,
        2,
        &["Hampshire police warn", "Wessex AHSN and Isle…"],
    );
    check(120.0, 1, &["Hampshire police…"]);
    check(1000.0, 3, &[title]);
    // Not even the first word fits: no label.
    check(40.0, 3, &[]);
    assert!(wrap_label("", 100.0, 3, &char_width).is_empty());
    for line in wrap_label(title, 140.0, 6, &char_width) {
        assert!(line.chars().map(char_width).sum::<f64>() <= 140.0, "{line}");
    }
}

/// Each single event's label in `html` as drawn (its lines joined by spaces), with the
/// title it names.
fn drawn_labels(html: &str) -> Vec<(String, String)> {
    let unescape = |t: &str| {
        t.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    html.split(r#"<g id="tl-"#)
        .skip(1)
        .map(|g| {
            let g = &g[..g.find("</g>").unwrap()];
            let named = g.split(r#"aria-label=""#).nth(1).unwrap();
            let named = &named[..named.find('"').unwrap()];
            let title = named.rsplit_once(", ").unwrap().0;
            let title = title
                .trim_end_matches(" (date disputed)")
                .rsplit_once(", ")
                .map_or(title, |_| title);
            let mut words = Vec::new();
            if let Some(text) = g.split("<text").nth(1) {
                for part in text.split('<') {
                    if let Some((tag, t)) = part.split_once('>') {
                        if (tag.starts_with("tspan") || tag.starts_with(" class")) && !t.is_empty()
                        {
                            words.push(unescape(t));
                        }
                    }
                }
            }
            (unescape(title), words.join(" "))
        })
        .collect()
}

#[test]
fn down_a_phone_zoomed_to_a_year_labels_are_whole() {
    // Issue 26: at 360 px (a chart box of 336) labels stayed cut to a few words at any
    // zoom. Zoomed to a year they wrap in their column instead.
    let corpus = real_corpus();
    let c = chart(&corpus);
    let frame = c.drawn.frame(336.0, c.view.full);
    assert!(frame.vertical());
    let publications: Vec<i32> = corpus
        .documents
        .iter()
        .filter_map(|d| d.date.value.bounds().0)
        .collect();
    let touched = vec![false; corpus.events.len()];
    let (mut whole, mut all) = (0, 0);
    for year in 2013..=2023 {
        let v = Viewport {
            window: (
                f64::from(day_number(year, 1, 1)),
                f64::from(day_number(year + 1, 1, 1)),
            ),
            ..c.view
        };
        let scene = Scene {
            events: &corpus.events,
            spans: &c.drawn.spans,
            touched: &touched,
            open: None,
            width: &char_width,
            publications: &publications,
        };
        let html = marks_svg(&c.drawn.marks(&v, frame, &char_width), &v, frame, &scene);
        for (title, label) in drawn_labels(&html) {
            all += 1;
            if title == label {
                whole += 1;
            } else {
                eprintln!("{year}: {title:?} drawn as {label:?}");
            }
        }
    }
    assert!(all > 20, "{all} events drawn alone");
    assert_eq!(whole, all, "labels whole");
}

#[test]
fn a_by_date_is_labelled_at_its_known_end_and_said_as_such() {
    // "by January 2022" was drawn as a year-long fade with its label at the fade's start,
    // so it read as early 2021.
    let events = [event(
        "reviews",
        "Many trust reviews of SIM completed",
        "by 2022-01",
    )];
    let end = day_number(2022, 1, 31);
    let limits = (day_number(2010, 1, 1), day_number(2025, 1, 1));
    let mut drawn = ChartEvents::new(&events, limits);
    drawn.measure(&events, &|t| t.chars().count() as f64 * 6.0);
    for (size, window) in [
        (1000.0, (2021, 2023)),
        (336.0, (2021, 2023)),
        (336.0, (2020, 2024)),
    ] {
        let frame = drawn.frame(size, Viewport::new(limits).full);
        let v = Viewport {
            window: (
                f64::from(day_number(window.0, 1, 1)),
                f64::from(day_number(window.1, 1, 1)),
            ),
            ..Viewport::new(limits)
        };
        let marks = drawn.marks(&v, frame, &|_| 6.0);
        let [mark] = &marks[..] else {
            panic!("{marks:?}")
        };
        let known = v.px_at(f64::from(end) + 1.0, frame.length());
        assert!(mark.flipped, "{size}: {mark:?}");
        assert!(
            (mark.x1 - known).abs() < 1.0,
            "{size}: {mark:?} ends at {known}"
        );
        assert!(
            (mark.label.1 - mark.x1.min(frame.length())).abs() < 0.01,
            "{mark:?}"
        );
        // Down the page the bar holds only the rows before its end, with no tail beyond.
        if frame.vertical() {
            assert!(mark.x1 - mark.x0 <= 3.0 * 18.0 + 3.0, "{mark:?}");
        }
        let scene = Scene {
            events: &events,
            spans: &drawn.spans,
            touched: &[false],
            open: None,
            width: &|_| 6.0,
            publications: &[],
        };
        let html = marks_svg(&marks, &v, frame, &scene);
        assert!(
            html.contains(r#"class="ev by""#) && !html.contains("tail"),
            "{html}"
        );
    }
}

#[test]
fn publication_lines_stop_at_labels() {
    let check = |at: f64, boxes: &[(f64, f64, f64, f64)], expect: &[(f64, f64)]| {
        assert_eq!(
            rule_segments(at, (0.0, 100.0), boxes),
            expect,
            "{at} {boxes:?}"
        );
    };
    // (along from, along to, across from, across to)
    let label = (10.0, 50.0, 30.0, 44.0);
    check(5.0, &[label], &[(0.0, 100.0)]);
    check(20.0, &[label], &[(0.0, 29.0), (45.0, 100.0)]);
    check(
        20.0,
        &[label, (0.0, 30.0, 40.0, 60.0)],
        &[(0.0, 29.0), (61.0, 100.0)],
    );
    check(20.0, &[(0.0, 30.0, -5.0, 200.0)], &[]);
    // In the markup: a publication on the day of a label is drawn in two parts.
    let events = [
        event("a", "A report about the scheme", "2020-03-01"),
        event("b", "Something else", "2020-09-01"),
    ];
    let publication = day_number(2020, 3, 20);
    let html = marks_markup(
        &events,
        ("2020-01-01", "2021-01-01"),
        1000.0,
        &[false; 2],
        None,
        &[publication],
    );
    assert_eq!(
        html.matches(r#"<line class="pub-rule""#).count(),
        2,
        "{html}"
    );
    let html = marks_markup(
        &events,
        ("2020-01-01", "2021-01-01"),
        1000.0,
        &[false; 2],
        None,
        &[day_number(2020, 6, 1)],
    );
    assert_eq!(
        html.matches(r#"<line class="pub-rule""#).count(),
        1,
        "{html}"
    );
}

/// An event of the record's kind, dated `date`.
fn event(id: &str, title: &str, date: &str) -> Event {
    Event {
        title: title.to_string(),
        ..Event::dated(id.to_string(), parse(date).unwrap())
    }
}

/// The marks' markup for `events` in `window` (dates) on a box `width` pixels wide, every
/// character 6 px wide; `touched`, `open` and the `publications`' days as the page passes
/// them.
fn marks_markup(
    events: &[Event],
    window: (&str, &str),
    width: f64,
    touched: &[bool],
    open: Option<usize>,
    publications: &[i32],
) -> String {
    let limits = (day_number(2010, 1, 1), day_number(2025, 1, 1));
    let mut drawn = ChartEvents::new(events, limits);
    drawn.measure(events, &|t| t.chars().count() as f64 * 6.0);
    let frame = drawn.frame(width, Viewport::new(limits).full);
    let day = |s: &str| f64::from(parse(s).unwrap().bounds().0.unwrap());
    let v = Viewport {
        window: (day(window.0), day(window.1)),
        ..Viewport::new(limits)
    };
    let scene = Scene {
        events,
        spans: &drawn.spans,
        touched,
        open,
        width: &|_| 6.0,
        publications,
    };
    marks_svg(&drawn.marks(&v, frame, &|_| 6.0), &v, frame, &scene)
}

#[test]
fn the_marks_markup_names_each_event_in_view_and_leaves_out_the_rest() {
    let events = [
        event("e-day", "Trust meets police", "2020-03-04"),
        event("e-month", "Report published", "2020-06"),
        event("e-late", "Years later", "2024-02-01"),
        event("e-open", "Scheme continues", "2020-09 or later"),
    ];
    let none = [false; 4];
    let check = |touched: &[bool], open, expect: &[&str], omit: &[&str]| {
        let html = marks_markup(
            &events,
            ("2020-01-01", "2021-01-01"),
            1000.0,
            touched,
            open,
            &[],
        );
        for s in expect {
            assert!(html.contains(s), "{s} missing from {html}");
        }
        for s in omit {
            assert!(!html.contains(s), "{s} in {html}");
        }
    };
    check(
        &none,
        None,
        &[
            r#"<g id="tl-e-day" class="ev day" tabindex="0" role="link" aria-describedby="tl-card" data-i="0""#,
            r#"aria-label="Trust meets police, 4 March 2020">"#,
            r#"<circle class="bar""#,
            r#"<g id="tl-e-month" class="ev period""#,
            r#"class="ev or-later""#,
            r#"text-anchor="start" aria-hidden="true">Report published</text></g>"#,
        ],
        &["e-late", "stand-out", " open", "cluster", "tail"],
    );
    check(
        &[false, true, false, false],
        Some(0),
        &[r#"class="ev day open""#, r#"class="ev period stand-out""#],
        &[],
    );
}

#[test]
fn the_marks_markup_escapes_titles_and_ids() {
    let events = [event("a&b", r#"Fish & <chips> "said" it's"#, "2020-03-04")];
    let html = marks_markup(
        &events,
        ("2020-01-01", "2021-01-01"),
        1000.0,
        &[false],
        None,
        &[],
    );
    assert!(html.contains(r#"id="tl-a&amp;b""#), "{html}");
    let escaped = "Fish &amp; &lt;chips&gt; &quot;said&quot; it&#39;s";
    assert!(
        html.contains(&format!(r#"aria-label="{escaped}, 4 March 2020">"#)),
        "{html}"
    );
    assert!(html.contains(&format!(">{escaped}</text>")), "{html}");
    assert!(
        !html.contains("<chips>") && !html.contains(r#""said""#),
        "{html}"
    );
}

#[test]
fn crowded_events_become_a_cluster_with_their_count_and_days() {
    // Four weeks of daily events: far more than four lanes hold at a decade's span.
    let events: Vec<Event> = (1..=28)
        .map(|d| event(&format!("e{d}"), "Meeting", &format!("2020-02-{d:02}")))
        .collect();
    let touched = vec![false; events.len()];
    let html = marks_markup(
        &events,
        ("2012-01-01", "2024-01-01"),
        700.0,
        &touched,
        None,
        &[],
    );
    let last = day_number(2020, 2, 28);
    assert!(html.contains(r#"<g class="cluster" data-lo=""#), "{html}");
    assert!(html.contains(&format!(r#"data-hi="{last}">"#)), "{html}");
    assert!(html.contains("events close together, the first “Meeting”: select to zoom in"));
    // Zoomed in to the month, each stands alone.
    let html = marks_markup(
        &events,
        ("2020-02-01", "2020-03-01"),
        1800.0,
        &touched,
        None,
        &[],
    );
    assert!(!html.contains("cluster"), "{html}");
    assert_eq!(html.matches(r#"class="ev day""#).count(), 28);
}

#[test]
fn down_the_page_a_long_span_trails_a_faint_tail() {
    let events = [
        event("long", "A long period", "2020"),
        event("day", "A day", "2020-05-01"),
    ];
    let html = marks_markup(
        &events,
        ("2020-01-01", "2020-07-01"),
        400.0,
        &[false; 2],
        None,
        &[],
    );
    assert!(html.contains(r#"<line class="tail""#), "{html}");
    assert!(html.contains(r#"class="ev period""#) && html.contains(r#"class="ev day""#));
    // Across the page, no tails.
    let html = marks_markup(
        &events,
        ("2020-01-01", "2020-07-01"),
        800.0,
        &[false; 2],
        None,
        &[],
    );
    assert!(!html.contains("tail"), "{html}");
}

#[test]
fn the_axis_shows_years_months_in_a_short_window_and_publications() {
    let limits = (day_number(2012, 1, 1), day_number(2024, 1, 1));
    let all = Viewport::new(limits);
    let across = Frame {
        size: 1000.0,
        lanes: 4,
    };
    let down = Frame {
        size: 400.0,
        lanes: 2,
    };
    let html = axis_svg(&all, across);
    assert!(html.contains(r#"<g class="year" data-year="2012"><title>Zoom to 2012</title>"#));
    assert!(html.contains(r#"data-year="2024""#) && !html.contains(r#"data-year="2011""#));
    assert!(!html.contains("tick month"), "no months over twelve years");
    let spring = Viewport {
        window: (
            f64::from(day_number(2021, 3, 20)),
            f64::from(day_number(2021, 7, 10)),
        ),
        ..all
    };
    let html = axis_svg(&spring, across);
    assert!(html.contains(">Apr 2021</text></g>") && html.contains(">Jul 2021</text></g>"));
    assert!(!html.contains("data-year"), "{html}");
    // Down the page the year goes under the month.
    let html = axis_svg(&spring, down);
    assert!(html.contains(">Apr</text><text"), "{html}");
    assert!(html.contains(">2021</text></g>"), "{html}");
}

#[test]
fn the_frame_runs_down_narrow_boxes_and_keeps_the_card_inside() {
    let across = Frame {
        size: 1000.0,
        lanes: 22,
    };
    assert!(!across.vertical());
    assert_eq!(across.length(), 1000.0);
    assert_eq!(across.depth(), 24.0 + 6.0 + 22.0 * 20.0);
    assert_eq!(across.view_box(), "0 0 1000 470");
    // The card goes under its mark, or above it where the chart ends, within the width.
    assert_eq!(across.card_at(100.0, 30.0, 20.0, false), (100.0, 54.0));
    assert_eq!(across.card_at(900.0, 30.0, 20.0, false), (680.0, 54.0));
    assert_eq!(across.card_at(100.0, 400.0, 20.0, false), (100.0, 266.0));
    let down = Frame {
        size: 400.0,
        lanes: 2,
    };
    assert!(down.vertical());
    assert_eq!(down.view_box(), "0 0 400 960");
    assert_eq!(down.column(), (400.0 - 36.0) / 2.0);
    assert_eq!(
        down.card_at(50.0, 900.0, 18.0, true),
        (50.0, 900.0 - 205.0 - 4.0)
    );
    assert_eq!(down.band(10.0, 5.0, 36.0), (0.0, 10.0, 36.0, 5.0));
    assert_eq!(across.band(10.0, 5.0, 24.0), (10.0, 0.0, 5.0, 24.0));
    assert_eq!(Frame::unmeasured(1000.0).lanes, 4);
    // The chosen days' band: within the chart, at least 2 px, open ends at the limits.
    let v = Viewport::new((day_number(2012, 1, 1), day_number(2022, 1, 1)));
    let (x, y, w, h) = across.range_band(&v, (day_number(2017, 1, 1), i32::MAX));
    assert!(
        (x - 500.0).abs() < 1.0 && y == 0.0 && (x + w - 1000.0).abs() < 1e-9,
        "{x} {w}"
    );
    assert_eq!(h, across.depth());
    let day = day_number(2017, 1, 1);
    assert_eq!(across.range_band(&v, (day, day)).2, 2.0);
    assert_eq!(
        down.range_band(&v, (i32::MIN, i32::MAX)),
        (0.0, 0.0, 400.0, 960.0)
    );
}

#[test]
fn char_widths_count_unmeasured_characters_wide() {
    let mut widths = CharWidths::unmeasured(&mut ["Don’t"].into_iter());
    assert_eq!(widths.of('a'), 9.0);
    widths.measure(&mut |c| if c == '’' { 2.0 } else { 5.0 });
    assert_eq!(widths.text("Don’t"), 22.0);
    assert_eq!(widths.of('…'), 5.0);
    assert_eq!(widths.of('é'), 9.0, "not among the titles: wide");
}

/// The viewport over 2012–2023, zoomed in on 2018 (a year and a half showing).
fn zoomed() -> Viewport {
    let all = Viewport::new((day_number(2012, 1, 1), day_number(2024, 1, 1)));
    Viewport {
        window: (
            f64::from(day_number(2018, 1, 1)),
            f64::from(day_number(2019, 7, 1)),
        ),
        ..all
    }
}

#[test]
fn gestures_zoom_about_the_pointer_and_pan_within_the_ends() {
    let v = zoomed();
    let len = 1000.0;
    let (lo, hi) = v.full;
    // (gesture, the span after it as a share of the span before, the pixel that keeps its day)
    let zooms = [
        (
            Gesture::Wheel {
                at: 250.0,
                delta: -3.0,
            },
            0.8,
            Some(250.0),
        ),
        (
            Gesture::Wheel {
                at: 250.0,
                delta: 3.0,
            },
            1.25,
            Some(250.0),
        ),
        (
            Gesture::Pinch {
                before: 100.0,
                after: 200.0,
                mid: 700.0,
            },
            0.5,
            Some(700.0),
        ),
        (Gesture::ZoomIn, 0.8, Some(500.0)),
        (Gesture::ZoomOut, 1.25, Some(500.0)),
        (Gesture::PageLater, 1.0, None),
    ];
    for (g, share, kept) in zooms {
        let after = v.apply(g, len);
        assert!((after.span() - v.span() * share).abs() < 1e-6, "{g:?}");
        if let Some(px) = kept {
            let day = v.day_at(px, len);
            assert!((after.px_at(day, len) - px).abs() < 1e-6, "{g:?}");
        }
    }
    // (gesture, the window's start after it)
    let half = v.span() / 2.0;
    let pans = [
        (Gesture::PageLater, v.window.0 + half),
        (Gesture::PageEarlier, v.window.0 - half),
        // Dragged right by a quarter of the axis: a quarter of the window earlier.
        (
            Gesture::Drag {
                from: 500.0,
                to: 750.0,
            },
            v.window.0 - v.span() / 4.0,
        ),
    ];
    for (g, start) in pans {
        assert!((v.apply(g, len).window.0 - start).abs() < 1e-6, "{g:?}");
    }
    // At either end a pan stops.
    let mut end = v;
    let mut start = v;
    for _ in 0..30 {
        end = end.apply(Gesture::PageLater, len);
        start = start.apply(Gesture::PageEarlier, len);
    }
    assert_eq!(end.window.1, hi);
    assert_eq!(start.window.0, lo);
    assert_eq!(end.span(), v.span());
    let far = v.apply(Gesture::Drag { from: 0.0, to: 1e6 }, len);
    assert_eq!(far.window.0, lo);
    // Zooming out stops at everything.
    let mut out = v;
    for _ in 0..30 {
        out = out.apply(Gesture::ZoomOut, len);
    }
    assert_eq!(out.window, v.full);
}

#[test]
fn a_year_dates_a_cluster_or_a_sought_event_come_into_view() {
    let v = zoomed();
    let len = 1000.0;
    let day = |y, m, d| day_number(y, m, d);
    let shows = |after: Viewport, first: i32, last: i32| {
        after.window.0 <= f64::from(first) && f64::from(last) <= after.window.1
    };
    let year = v.apply(Gesture::Year(2015), len);
    assert!(shows(year, day(2015, 1, 1), day(2015, 12, 31)));
    assert!(year.span() < 400.0, "{year:?}");
    let dates = v.apply(Gesture::Dates(day(2013, 5, 1), day(2013, 8, 31)), len);
    assert!(shows(dates, day(2013, 5, 1), day(2013, 8, 31)) && dates.span() < 140.0);
    let opened = v.apply(Gesture::Cluster(day(2018, 3, 1), day(2018, 3, 5)), len);
    assert!(shows(opened, day(2018, 3, 1), day(2018, 3, 5)) && opened.span() < 30.0);
    // Sought while out of view: brought into view. In view (so in a cluster): zoomed in.
    let away = v.apply(Gesture::Seek(day(2014, 2, 1), day(2014, 2, 1)), len);
    assert!(shows(away, day(2014, 2, 1), day(2014, 2, 1)));
    assert_eq!(away.span(), v.span() / 2.0);
    let near = v.apply(Gesture::Seek(day(2018, 6, 1), day(2018, 6, 1)), len);
    assert!(shows(near, day(2018, 6, 1), day(2018, 6, 1)) && near.span() < 30.0);
    // Dragging along the axis chooses whole months, either way round.
    let (from, to) = v.months_between(600.0, 100.0, len);
    assert_eq!(
        (from.written(), to.written()),
        ("2018-02".into(), "2018-11".into())
    );
}

#[test]
fn a_pinch_needs_two_pointers_apart() {
    let down = [(1, 100.0), (2, 300.0)];
    assert_eq!(
        pinch(&down, 2, 500.0),
        Some(Gesture::Pinch {
            before: 200.0,
            after: 400.0,
            mid: 200.0
        })
    );
    assert_eq!(pinch(&down[..1], 1, 500.0), None, "one pointer pans");
    assert_eq!(pinch(&down, 2, 102.0), None, "too close to read");
}

#[test]
fn keys_move_between_events_zoom_and_pan() {
    let n = 10;
    let table = [
        ("ArrowRight", 4, Some(KeyStep::Focus(5))),
        ("ArrowDown", 9, Some(KeyStep::Focus(9))),
        ("ArrowLeft", 4, Some(KeyStep::Focus(3))),
        ("ArrowUp", 0, Some(KeyStep::Focus(0))),
        ("Home", 4, Some(KeyStep::Focus(0))),
        ("End", 4, Some(KeyStep::Focus(9))),
        ("Enter", 4, Some(KeyStep::Open)),
        ("+", 4, Some(KeyStep::Move(Gesture::ZoomIn))),
        ("=", 4, Some(KeyStep::Move(Gesture::ZoomIn))),
        ("-", 4, Some(KeyStep::Move(Gesture::ZoomOut))),
        ("PageDown", 4, Some(KeyStep::Move(Gesture::PageLater))),
        ("PageUp", 4, Some(KeyStep::Move(Gesture::PageEarlier))),
        ("Tab", 4, None),
        ("a", 4, None),
    ];
    for (key, at, step) in table {
        assert_eq!(key_step(key, at, n), step, "{key}");
    }
}

/// The chart writes its numbers itself (no float formatter in the wasm,
/// tests/wasm_leaves_out.mjs): to a tenth, whole numbers bare, signs kept.
#[test]
fn chart_numbers_are_written_to_a_tenth_without_the_float_formatter() {
    let cases = [
        (0.0, "0"),
        (12.0, "12"),
        (12.04, "12"),
        (12.06, "12.1"),
        (-3.5, "-3.5"),
        (-0.04, "0"),
        (1000.0, "1000"),
    ];
    for (x, want) in cases {
        assert_eq!(Px(x).to_string(), want, "{x}");
    }
}

/// Bounds never panic, unlike `f64::clamp`: a NaN (a pointer event with no position) gives
/// the low bound, and bounds that cross give the high one.
#[test]
fn within_bounds_like_clamp_and_never_panics() {
    assert_eq!(within(5.0, 0.0, 10.0), 5.0);
    assert_eq!(within(-1.0, 0.0, 10.0), 0.0);
    assert_eq!(within(11.0, 0.0, 10.0), 10.0);
    assert_eq!(within(f64::NAN, 0.0, 10.0), 0.0);
    assert_eq!(within(5.0, 10.0, 0.0), 0.0);
}
