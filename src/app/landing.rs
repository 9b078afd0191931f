//! Landing on a target after a change of place: below the sticky search bar, at once for a
//! link (held there while the page settles) or smoothly for a step within the page.

use leptos::prelude::*;

/// The search box, inside the sticky search bar. Passed along rather than read from the
/// context: landing runs in animation frames, outside any reactive owner.
pub(super) type Bar = NodeRef<leptos::html::Input>;

/// How far down the screen the sticky search bar reaches once it is stuck to the top: what
/// a target must clear to be seen.
fn covered_by_bar(bar: Bar) -> f64 {
    let bar = bar
        .get_untracked()
        .and_then(|input| input.closest(".search-bar").ok().flatten());
    bar.map_or(0.0, |b| {
        let r = b.get_bounding_client_rect();
        r.bottom().max(r.height())
    })
}

fn screen_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Space kept between a target and the bar above it or the screen's foot.
const GAP: f64 = 12.0;

/// How far to scroll so that `element` stands in the screen below the sticky bar: centred
/// there when it fits, its top just under the bar when it is taller than the room.
fn scroll_needed(element: &web_sys::Element, bar: Bar) -> f64 {
    let r = element.get_bounding_client_rect();
    let top = covered_by_bar(bar) + GAP;
    let room = screen_height() - top - GAP;
    let wanted = if r.height() <= room {
        top + (room - r.height()) / 2.0
    } else {
        top
    };
    r.top() - wanted
}

/// How the page moves to a target: at once, or smoothly as the browser scrolls.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Scroll {
    AtOnce,
    Smoothly,
}

fn scroll_by(dy: f64, how: Scroll) {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(dy);
    if how == Scroll::AtOnce {
        options.set_behavior(web_sys::ScrollBehavior::Instant);
    }
    window().scroll_by_with_scroll_to_options(&options);
}

/// Brings `element` into view below the sticky bar. Opened by a link (`Scroll::AtOnce`), the page
/// may still be growing above it (the timeline draws its chart once it has measured its
/// labels), so for a second it is held in place, until the person scrolls themselves.
pub(super) fn land_on(element: &web_sys::Element, bar: Bar, how: Scroll) {
    scroll_by(scroll_needed(element, bar), how);
    if how == Scroll::AtOnce {
        hold(Landing::Element(element.clone(), bar));
    }
}

/// A link to a page read from its top (a document, an actor, a panel): at once, and held
/// there for a second, as `land_on` holds an element: on a busy machine the browser was
/// seen to scroll to the static record's copy of the target after the app had taken over.
pub(super) fn land_at_top() {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(0.0);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    window().scroll_to_with_scroll_to_options(&options);
    hold(Landing::Top);
}

/// Where a link's landing is held while the page settles.
enum Landing {
    Element(web_sys::Element, Bar),
    Top,
}

/// Holds a landing for 60 frames, or until the person moves (wheel, touch, key, pointer)
/// or the element goes.
fn hold(at: Landing) {
    use std::cell::Cell;
    use std::rc::Rc;
    let moved = Rc::new(Cell::new(false));
    let listeners: Vec<_> = ["wheel", "touchstart", "keydown", "pointerdown"]
        .into_iter()
        .map(|name| {
            let moved = moved.clone();
            gloo::events::EventListener::new(&window(), name, move |_| moved.set(true))
        })
        .collect();
    /// What is held, whether the person moved, and the listeners that tell (removed when
    /// this is dropped).
    struct Held {
        at: Landing,
        moved: Rc<Cell<bool>>,
        _listeners: Vec<gloo::events::EventListener>,
    }
    fn step(h: Held, frames: u32) {
        if frames == 0 || h.moved.get() {
            return;
        }
        let dy = match &h.at {
            Landing::Element(element, _) if !element.is_connected() => return,
            Landing::Element(element, bar) => scroll_needed(element, *bar),
            Landing::Top => -window().scroll_y().unwrap_or(0.0),
        };
        if dy.abs() > 1.0 {
            scroll_by(dy, Scroll::AtOnce);
        }
        request_animation_frame(move || step(h, frames - 1));
    }
    let h = Held {
        at,
        moved,
        _listeners: listeners,
    };
    request_animation_frame(move || step(h, 60));
}

/// An event opened from the timeline shows directly under the chart: the chart stays in
/// view with the event below it when both fit on the screen (false when they do not).
pub(super) fn show_event_with_chart(title: &web_sys::HtmlElement, bar: Bar) -> bool {
    let Some(chart) = title
        .closest(".timeline")
        .ok()
        .flatten()
        .and_then(|t| t.query_selector(".timeline-chart").ok().flatten())
    else {
        return false;
    };
    let height = screen_height();
    let (c, t) = (
        chart.get_bounding_client_rect(),
        title.get_bounding_client_rect(),
    );
    // The chart's top just under the sticky search bar, the title's foot on screen.
    let top = c.top() - covered_by_bar(bar) - 8.0;
    if t.bottom() - top > height {
        return false;
    }
    if top < 0.0 || t.bottom() > height {
        scroll_by(
            if top < 0.0 {
                top
            } else {
                t.bottom() - height + 16.0
            },
            Scroll::Smoothly,
        );
    }
    true
}
