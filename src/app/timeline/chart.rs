//! The timeline chart's view: an SVG of the events with their titles (across the page on
//! wide screens, down it on narrow ones), the year ticks, the record's own publication
//! dates, the chosen range, a card for the event under the pointer or focus, and the
//! gestures: drag to pan, wheel or pinch to zoom, click a year to zoom to it, drag along
//! the axis to choose a range, keys to move between events. The frame, the layout, the
//! markup and what each gesture does are `engine::timeline`; this file measures the
//! labels once, turns DOM events into gestures and sets the markup.

use super::super::state;
use super::Shared;
use crate::app::State;
use crate::compiled::corpus;
use crate::engine::model::Event;
use crate::engine::timeline::{
    axis_svg, key_step, marks_svg, pinch, CharWidths, ChartEvents, Frame, Gesture, KeyStep, Px,
    Scene, Viewport, LABEL_PX,
};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::svg::Svg;
use wasm_bindgen::JsCast;

/// The fades drawn towards an open end: id, the direction (x2, y2) and the classes of its
/// two stops. "by" fades towards the start, "or later" towards the end; on a phone the
/// chart runs down the page, so up and down.
const FADES: [(&str, &str, &str, &str, &str); 4] = [
    ("tl-fade-end", "1", "0", "fade-solid", "fade-clear"),
    ("tl-fade-start", "1", "0", "fade-clear", "fade-solid"),
    ("tl-fade-down", "0", "1", "fade-solid", "fade-clear"),
    ("tl-fade-up", "0", "1", "fade-clear", "fade-solid"),
];

/// The mark (event or cluster) an event happened in, found from the chart's own listener.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|d| d.dyn_into::<web_sys::Element>().ok())
        .and_then(|d| d.closest("g.ev, g.cluster, g.year").ok().flatten())
}

/// The labels' character widths, measured once with a canvas in the font `el` uses (no
/// layout), for the characters of `texts`.
fn measure_widths(el: &web_sys::Element, texts: &mut dyn Iterator<Item = &str>) -> CharWidths {
    let mut widths = CharWidths::unmeasured(texts);
    let family = window()
        .get_computed_style(el)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("font-family").ok())
        .unwrap_or_else(|| "sans-serif".to_string());
    let context = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    if let Some(ctx) = context {
        ctx.set_font(&format!("{}px {family}", Px(LABEL_PX)));
        let mut buf = [0u8; 4];
        widths.measure(&mut |c: char| {
            ctx.measure_text(c.encode_utf8(&mut buf))
                .map_or(LABEL_PX * 0.75, |m| m.width())
        });
    }
    widths
}

/// Marks the drawn events that `touched` says stand out, and unmarks the others: a class
/// changed in place, where it changed.
fn stand_out(svg: &web_sys::Element, touched: &[bool]) {
    let Ok(marks) = svg.query_selector_all("g.ev[data-i]") else {
        return;
    };
    for k in 0..marks.length() {
        let Some(el) = marks
            .item(k)
            .and_then(|m| m.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let i = el
            .get_attribute("data-i")
            .and_then(|v| v.parse::<usize>().ok());
        let stands_out = i.is_some_and(|i| touched.get(i).copied().unwrap_or(false));
        let _ = el.class_list().toggle_with_force("stand-out", stands_out);
    }
}

/// What the chart's listeners share: handles only, so it is `Copy` and each listener
/// is a one-line closure over it.
#[derive(Clone, Copy)]
struct Handles {
    s: State,
    events: &'static [Event],
    viewport: RwSignal<Viewport>,
    frame: Memo<Frame>,
    drawn: StoredValue<ChartEvents>,
    card: RwSignal<Option<(usize, f64, f64)>>,
    svg: NodeRef<Svg>,
    /// A drag: the pixel it began at and the viewport it began on.
    drag: StoredValue<Option<(f64, Viewport)>>,
    /// The pointers down, by id, and where each is along the axis.
    pointers: StoredValue<Vec<(i32, f64)>>,
    /// A drag along the axis choosing dates: where it began and where it is.
    brush: RwSignal<Option<(f64, f64)>>,
    /// Whether the pointer moved while down: then its click is the end of a drag, and
    /// neither opens an event nor zooms to a year.
    moved: StoredValue<bool>,
}

impl Handles {
    fn change(self, gesture: Gesture) {
        let length = self.frame.get_untracked().length();
        self.viewport.update(|v| *v = v.apply(gesture, length));
    }

    /// Where a pointer is, in pixels along the chart's axis.
    fn along(self, ev: &web_sys::MouseEvent) -> f64 {
        let rect = ev
            .current_target()
            .and_then(|d| d.dyn_into::<web_sys::Element>().ok())
            .map(|d| d.get_bounding_client_rect());
        match rect {
            Some(r) if self.frame.get_untracked().vertical() => f64::from(ev.client_y()) - r.top(),
            Some(r) => f64::from(ev.client_x()) - r.left(),
            None => 0.0,
        }
    }

    fn down(self, ev: web_sys::PointerEvent) {
        let at = self.along(&ev);
        self.pointers
            .update_value(|p| p.push((ev.pointer_id(), at)));
        // On the axis (its strip or a year): a drag along it chooses dates.
        let on_axis = ev
            .target()
            .and_then(|d| d.dyn_into::<web_sys::Element>().ok())
            .and_then(|d| d.closest(".axis-strip, g.year").ok().flatten())
            .is_some();
        self.moved.set_value(false);
        if on_axis {
            self.brush.set(Some((at, at)));
        } else {
            self.drag
                .set_value(Some((at, self.viewport.get_untracked())));
        }
    }

    fn moves(self, ev: web_sys::PointerEvent) {
        let at = self.along(&ev);
        let id = ev.pointer_id();
        if self.pointers.with_value(|p| p.len() == 2) {
            if let Some(g) = self.pointers.with_value(|p| pinch(p, id, at)) {
                self.change(g);
            }
            self.pointers.update_value(|p| {
                if let Some(x) = p.iter_mut().find(|x| x.0 == id) {
                    x.1 = at;
                }
            });
            return;
        }
        if let Some((start, _)) = self.brush.get_untracked() {
            if (at - start).abs() > 6.0 {
                self.moved.set_value(true);
            }
            self.brush.set(Some((start, at)));
        } else if let Some((start, from)) = self.drag.get_value() {
            if (at - start).abs() > 4.0 {
                self.moved.set_value(true);
                self.card.set(None);
            }
            let length = self.frame.get_untracked().length();
            let drag = Gesture::Drag {
                from: start,
                to: at,
            };
            self.viewport.set(from.apply(drag, length));
        }
    }

    fn up(self, ev: web_sys::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|x| x.0 != ev.pointer_id()));
        self.drag.set_value(None);
        if let Some((a, b)) = self.brush.get_untracked() {
            self.brush.set(None);
            if (a - b).abs() > 6.0 {
                let length = self.frame.get_untracked().length();
                let (from, to) = self.viewport.get_untracked().months_between(a, b, length);
                self.s.push(|view| view.with_range(Some(from), Some(to)));
            }
        }
    }

    fn wheel(self, ev: web_sys::WheelEvent) {
        ev.prevent_default();
        self.card.set(None);
        let at = self.along(&ev);
        self.change(Gesture::Wheel {
            at,
            delta: ev.delta_y(),
        });
    }

    /// The drawn mark of event `i`, when it is drawn alone.
    fn event_mark(self, i: usize) -> Option<web_sys::SvgElement> {
        self.svg
            .try_get_untracked()
            .flatten()
            .and_then(|svg| {
                svg.query_selector(&format!("g.ev[data-i='{i}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    }

    /// Focus to event `i`: when it is not drawn alone (out of view, or in a cluster), the
    /// chart first zooms to it.
    fn focus_event(self, i: usize) {
        if self.event_mark(i).is_none() {
            let (first, last) = self.drawn.with_value(|d| d.spans[i]);
            self.change(Gesture::Seek(first, last));
        }
        request_animation_frame(move || {
            if let Some(el) = self.event_mark(i) {
                let _ = el.focus();
            }
        });
    }

    /// After zooming or panning from the keyboard the marks are drawn anew: focus goes back
    /// to the same event if it is still drawn alone, else to the first event drawn, so the
    /// keys keep working. In a microtask queued after the redraw's, so before the next key.
    fn keep_focus(self, i: usize) {
        queue_microtask(move || {
            let Some(svg) = self.svg.try_get_untracked().flatten() else {
                return;
            };
            let mark = self.event_mark(i).or_else(|| {
                svg.query_selector("g.ev")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
            });
            if let Some(el) = mark {
                let _ = el.focus();
            }
        });
    }

    fn open(self, i: usize) {
        let id = &self.events[i].id;
        self.s.push(|v| v.open_event(id));
    }

    // Clicks and keys are handled once, here, by `data-i`: no listeners per mark to
    // rebuild each frame.
    fn click(self, ev: web_sys::MouseEvent) {
        if self.moved.get_value() {
            self.moved.set_value(false);
            return;
        }
        let Some(mark) = mark_of(&ev) else { return };
        let num = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<i32>().ok());
        if let Some(i) = num("data-i") {
            self.open(i as usize);
        } else if let Some(year) = num("data-year") {
            self.change(Gesture::Year(year));
        } else if let (Some(lo), Some(hi)) = (num("data-lo"), num("data-hi")) {
            self.change(Gesture::Cluster(lo, hi));
        }
    }

    /// Keyboard over the events: arrows in date order, Home/End, +/- zoom, PageUp/Down pan,
    /// Enter opens.
    fn key(self, ev: web_sys::KeyboardEvent) {
        let Some(i) = mark_of(&ev)
            .and_then(|m| m.get_attribute("data-i"))
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        let Some(step) = key_step(&ev.key(), i, self.events.len()) else {
            return;
        };
        ev.prevent_default();
        match step {
            KeyStep::Open => self.open(i),
            KeyStep::Focus(j) => self.focus_event(j),
            KeyStep::Move(g) => {
                self.change(g);
                self.keep_focus(i);
            }
        }
    }

    /// The card for the event of mark `el`, placed from the mark's own coordinates (the
    /// SVG's units are the chart's pixels): no layout is read, so it is right even while
    /// the browser still skips the off-screen chart's layout.
    fn show_card(self, el: &web_sys::Element) {
        let Some(i) = el
            .get_attribute("data-i")
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        // The mark's box in whole pixels (`data-box`: x, y, height), written with it.
        let b: Vec<f64> = el
            .get_attribute("data-box")
            .unwrap_or_default()
            .split(',')
            .filter_map(|v| v.parse::<i32>().ok().map(f64::from))
            .collect();
        let [x, y, h] = b[..] else {
            return;
        };
        let disagreement = self.events[i].disagreement.is_some();
        let (left, top) = self.frame.get_untracked().card_at(x, y, h, disagreement);
        if self.card.get_untracked().map(|x| x.0) != Some(i) {
            self.card.set(Some((i, left, top)));
        }
    }

    fn over(self, ev: web_sys::PointerEvent) {
        if ev.pointer_type() == "mouse" && self.drag.with_value(Option::is_none) {
            match mark_of(&ev).filter(|m| m.class_list().contains("ev")) {
                Some(m) => self.show_card(&m),
                None => self.card.set(None),
            }
        }
    }

    fn focus_in(self, ev: web_sys::FocusEvent) {
        if let Some(m) = mark_of(&ev).filter(|m| m.class_list().contains("ev")) {
            self.show_card(&m);
        }
    }
}

#[component]
pub fn Chart(shared: Shared, card: RwSignal<Option<(usize, f64, f64)>>) -> impl IntoView {
    let s = state();
    let Shared {
        events,
        viewport,
        touched,
    } = shared;
    let (limits, full) = viewport.with_untracked(|v| ((v.full.0 as i32, v.full.1 as i32), v.full));
    let drawn = StoredValue::new(ChartEvents::new(events, limits));
    let publications: Vec<i32> = corpus()
        .documents
        .iter()
        .filter_map(|d| d.date.value.bounds().0)
        .collect();

    let size = RwSignal::new(800.0f64);
    // Marks and ticks wait for the first measure: drawn at a guessed width, they would be
    // drawn twice as the app starts (on a phone, once across and again down the page).
    let measured = RwSignal::new(false);
    let chart_ref = NodeRef::<Div>::new();
    let svg_ref = NodeRef::<Svg>::new();
    // Label widths, measured once: each character's, then each title's.
    let widths = StoredValue::new(None::<CharWidths>);
    // The chart follows its box's width; narrow boxes get the vertical chart. Measuring and
    // drawing run a frame or a task later, when the chart may be gone (`try_`, no panic).
    let draw = move || {
        if let Some(el) = chart_ref.try_get_untracked().flatten() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                size.set(w);
                measured.set(true);
            }
        }
    };
    let measure = move || {
        let Some(el) = chart_ref.try_get_untracked().flatten() else {
            return;
        };
        if widths.with_value(Option::is_none) && el.client_width() > 0 {
            let cw = measure_widths(&el, &mut events.iter().map(|e| e.title.as_str()));
            drawn.update_value(|d| d.measure(events, &|title| cw.text(title)));
            widths.set_value(Some(cw));
            // The marks are first drawn in a task after the measuring: two shorter tasks
            // while the app starts, the page answering between them.
            crate::app::browser::next_task(draw);
            return;
        }
        draw();
    };
    Effect::new(move |_| {
        chart_ref.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let frame = Memo::new(move |_| {
        if measured.get() {
            drawn.with_value(|d| d.frame(size.get(), full))
        } else {
            Frame::unmeasured(size.get())
        }
    });
    let vertical = Memo::new(move |_| frame.get().vertical());
    let chart = Handles {
        s,
        events,
        viewport,
        frame,
        drawn,
        card,
        svg: svg_ref,
        drag: StoredValue::new(None),
        pointers: StoredValue::new(Vec::new()),
        brush: RwSignal::new(None),
        moved: StoredValue::new(false),
    };

    // Choosing dates zooms the chart to them.
    Effect::new(move |previous: Option<(i32, i32)>| {
        let r = s.range.get();
        let days = r.days();
        if !r.is_empty() && previous != Some(days) {
            chart.change(Gesture::Dates(days.0, days.1));
        }
        days
    });

    let marks = move || {
        if !measured.get() {
            return String::new();
        }
        let f = frame.get();
        let v = viewport.get();
        // Read here, once per drawing, rather than by a reactive class on every mark: a
        // frame while panning draws hundreds of marks.
        let open = s.event.get();
        // Untracked: a search changes which marks stand out, not where they are, and that
        // is a class changed in place (below), not the whole chart written again.
        let touched = touched.read_untracked();
        widths.with_value(|cw| {
            let Some(cw) = cw.as_ref() else {
                return String::new();
            };
            let width = |c| cw.of(c);
            drawn.with_value(|d| {
                let laid = d.marks(&v, f, &width);
                let scene = Scene {
                    events,
                    spans: &d.spans,
                    touched: &touched,
                    open,
                    width: &width,
                    publications: &publications,
                };
                marks_svg(&laid, &v, f, &scene)
            })
        })
    };
    // Typing changes which marks stand out, not where they are: a class changed in place
    // (writing the chart anew was a fifth of a keystroke's work), before the frame paints.
    Effect::new(move |_| touched.with(|t| svg_ref.get_untracked().map(|svg| stand_out(&svg, t))));
    // The years, as markup like the marks (redrawn each frame).
    let ticks = move || {
        if !measured.get() {
            return String::new();
        }
        axis_svg(&viewport.get(), frame.get())
    };
    let range_band = move || {
        let r = s.range.get();
        if r.is_empty() {
            return None;
        }
        let (x, y, w, h) = frame.get().range_band(&viewport.get(), r.days());
        Some(rect("range-band", (x, y, w, h)))
    };
    let brush_band = move || {
        chart.brush.get().map(|(a, b)| {
            let (lo, hi) = (a.min(b), a.max(b));
            let f = frame.get();
            let (x, y, w, h) = f.band(lo, hi - lo, f.axis_width());
            rect("brush", (x, y, w, h))
        })
    };
    let view_box = move || frame.get().view_box();
    let axis_strip = move || {
        let (w, h) = frame.get().axis_strip();
        rect("axis-strip", (0.0, 0.0, w, h))
    };
    view! {
        <div class="timeline-chart" class:vertical=vertical node_ref=chart_ref>
            <svg
                viewBox=view_box
                class="timeline-svg"
                role="group"
                aria-label="Timeline chart; the list below holds the same events"
                node_ref=svg_ref
                on:pointerdown=move |ev| chart.down(ev)
                on:pointermove=move |ev| chart.moves(ev)
                on:pointerup=move |ev| chart.up(ev)
                on:pointercancel=move |ev| chart.up(ev)
                on:pointerover=move |ev| chart.over(ev)
                on:pointerleave=move |_| card.set(None)
                on:focusin=move |ev| chart.focus_in(ev)
                on:focusout=move |_| card.set(None)
                on:wheel=move |ev| chart.wheel(ev)
                on:click=move |ev| chart.click(ev)
                on:keydown=move |ev| chart.key(ev)
            >
                // The fills the marks' kinds use (the stylesheet picks them by kind). Written
                // here, in the SVG's own view: a component of their own would nest them in
                // another group.
                <defs>
                    <pattern id="tl-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="5" height="5" />
                        <line class="hatch" x1="0" y1="0" x2="0" y2="5" />
                    </pattern>
                    {FADES
                        .map(|(id, x2, y2, from, to)| {
                            view! {
                                <linearGradient id=id x1="0" y1="0" x2=x2 y2=y2>
                                    <stop offset="0" class=from />
                                    <stop offset="1" class=to />
                                </linearGradient>
                            }
                        })}
                </defs>
                {axis_strip}
                {range_band}
                <g class="axis" inner_html=ticks></g>
                {brush_band}
                <g class="marks" inner_html=marks></g>
            </svg>
            {move || card.get().map(|(i, left, top)| view! { <super::EventCard event=&events[i] left=left top=top /> })}
        </div>
    }
}

/// A rectangle of the chart, its numbers written as the marks' are (`Px`).
fn rect(class: &'static str, (x, y, w, h): (f64, f64, f64, f64)) -> impl IntoView {
    let px = |v: f64| Px(v).to_string();
    view! { <rect class=class x=px(x) y=px(y) width=px(w) height=px(h) /> }
}
