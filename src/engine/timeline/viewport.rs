//! The stretch of time on screen (`Viewport`): zoom, pan, drag, a year or range shown, the
//! day under a pixel, the axis's ticks; and the chart's gestures as one reducer on it.

use crate::engine::date::{civil_from_days, day_number, Point};

/// The stretch of time the chart shows, `window` days within the axis's `full` limits;
/// every gesture (zoom, pan, drag, pinch, keys) is `apply`, and the chart only draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub full: (f64, f64),
    pub window: (f64, f64),
}

/// The narrowest window, in days: zooming stops at about three weeks.
pub const MIN_WINDOW_DAYS: f64 = 20.0;

impl Viewport {
    /// Everything in view.
    pub fn new(limits: (i32, i32)) -> Viewport {
        let full = (f64::from(limits.0), f64::from(limits.1));
        Viewport { full, window: full }
    }

    pub fn span(&self) -> f64 {
        self.window.1 - self.window.0
    }

    /// The same viewport showing everything.
    pub fn all(&self) -> Viewport {
        Viewport {
            window: self.full,
            ..*self
        }
    }

    /// A window of `span` days starting at `lo`, kept within the limits.
    fn at(&self, lo: f64, span: f64) -> Viewport {
        let span = within(
            span,
            MIN_WINDOW_DAYS.min(self.full.1 - self.full.0),
            self.full.1 - self.full.0,
        );
        let lo = within(lo, self.full.0, self.full.1 - span);
        Viewport {
            window: (lo, lo + span),
            ..*self
        }
    }

    /// Zooms by `factor` (below 1 zooms in) about the day `centre` (the middle when `None`),
    /// which stays where it is on screen.
    pub fn zoom(&self, factor: f64, centre: Option<f64>) -> Viewport {
        let (a, b) = self.window;
        let mid = centre.unwrap_or((a + b) / 2.0);
        let span = within(
            self.span() * factor,
            MIN_WINDOW_DAYS,
            self.full.1 - self.full.0,
        );
        self.at(mid - (mid - a) * span / self.span(), span)
    }

    /// Moves by a fraction of the window (positive: later).
    pub fn pan(&self, fraction: f64) -> Viewport {
        self.at(self.window.0 + self.span() * fraction, self.span())
    }

    /// Where a drag that started on this viewport at pixel `from` now is, at pixel `to`, on
    /// an axis `length` pixels long: the day grabbed stays under the pointer.
    pub fn dragged(&self, from: f64, to: f64, length: f64) -> Viewport {
        let shift = (from - to) / length.max(1.0) * self.span();
        self.at(self.window.0 + shift, self.span())
    }

    /// The day at pixel `px` of an axis `length` pixels long.
    pub fn day_at(&self, px: f64, length: f64) -> f64 {
        self.window.0 + self.span() * within(px / length.max(1.0), 0.0, 1.0)
    }

    /// The pixel of day `day` on an axis `length` pixels long (outside 0..length when the
    /// day is out of view).
    pub fn px_at(&self, day: f64, length: f64) -> f64 {
        (day - self.window.0) / self.span().max(1.0) * length
    }

    /// Shows the days `first..=last` with some room around them (a cluster opened).
    pub fn around(&self, first: i32, last: i32) -> Viewport {
        let pad = f64::from(last - first).max(MIN_WINDOW_DAYS) * 0.3;
        let (lo, hi) = (f64::from(first) - pad, f64::from(last) + pad);
        self.at(lo, hi - lo)
    }

    /// The window that shows days `first..=last` and a little either side (a year clicked
    /// on the axis, the range chosen in the date fields), within the limits.
    pub fn showing(&self, first: i32, last: i32) -> Viewport {
        let (lo, hi) = (
            f64::from(first.max(self.full.0 as i32)),
            f64::from(last.min(self.full.1 as i32)) + 1.0,
        );
        let pad = (hi - lo).max(MIN_WINDOW_DAYS) * 0.04;
        self.at(lo - pad, hi - lo + 2.0 * pad)
    }

    /// Brings the span `(first, last)` into view when it is not wholly in view, zoomed close
    /// enough that it stands apart from its neighbours; unchanged when it already shows.
    pub fn reveal(&self, first: i32, last: i32) -> Viewport {
        let (a, b) = self.window;
        if f64::from(first) >= a && f64::from(last) <= b {
            return *self;
        }
        let half = (self.span() / 4.0).max(30.0);
        let mid = f64::from(first + last) / 2.0;
        self.at(mid - half, 2.0 * half)
    }

    /// The month under pixel `px`, for choosing a range by dragging along the axis.
    pub fn month_at(&self, px: f64, length: f64) -> Point {
        Point::month_of(self.day_at(px, length).floor() as i32)
    }

    /// The months to mark on the axis when the window spans under three years (fewer
    /// than two years show in it): every month, or every second, third or sixth, so at
    /// most about a dozen; `(year, month, first day)`, Januaries left to the year ticks.
    pub fn month_ticks(&self) -> Vec<(i32, u8, f64)> {
        let (a, b) = self.window;
        if b - a > 3.0 * 365.0 {
            return Vec::new();
        }
        let months = ((b - a) / 30.4).ceil() as i32;
        let step = [1, 2, 3, 6]
            .into_iter()
            .find(|s| months / s <= 12)
            .unwrap_or(6);
        let (y0, m0, _) = civil_from_days(a.floor() as i32);
        let mut out = Vec::new();
        let (mut y, mut m) = (y0, m0);
        loop {
            let day = f64::from(day_number(y, m, 1));
            if day > b {
                break;
            }
            if day >= a && m != 1 && (i32::from(m) - 1) % step == 0 {
                out.push((y, m, day));
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    /// The years to label on the axis: at most about a dozen, on round steps.
    pub fn year_ticks(&self) -> Vec<(i32, f64)> {
        let (a, b) = self.window;
        let first = civil_from_days(a.floor() as i32).0;
        let last = civil_from_days(b.ceil() as i32).0;
        let step = ((last - first) / 12).max(1);
        (first..=last + 1)
            .filter(|y| (y - first) % step == 0)
            .map(|y| (y, f64::from(day_number(y, 1, 1))))
            .filter(|&(_, day)| day >= a && day <= b)
            .collect()
    }
}

/// What a person did to the chart, as the viewport sees it. Pixels are along the chart's
/// axis; days are day numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    /// The wheel turned over pixel `at`: away from the reader (`delta` above 0) zooms out,
    /// towards them zooms in, about the day under the pointer.
    Wheel {
        at: f64,
        delta: f64,
    },
    /// Two pointers `before` then `after` pixels apart, about pixel `mid` (see `pinch`).
    Pinch {
        before: f64,
        after: f64,
        mid: f64,
    },
    /// A drag from pixel `from` to pixel `to`, applied to the viewport the drag began on, so
    /// the day grabbed stays under the pointer even after an end stopped it.
    Drag {
        from: f64,
        to: f64,
    },
    /// The `+` and `-` keys: about the middle.
    ZoomIn,
    ZoomOut,
    /// PageUp and PageDown: half a window.
    PageEarlier,
    PageLater,
    /// A year clicked on the axis: all of it, a little either side.
    Year(i32),
    /// Days `first..=last` chosen (the date fields, or a drag along the axis).
    Dates(i32, i32),
    /// A cluster spanning days `first..=last` opened: zoomed in around it.
    Cluster(i32, i32),
    /// An event spanning days `first..=last` sought from the keyboard while it is not
    /// drawn alone: brought into view, or, when it is in view but in a cluster, zoomed in
    /// around it.
    Seek(i32, i32),
}

impl Viewport {
    /// The viewport after `gesture` on an axis `length` pixels long.
    pub fn apply(&self, gesture: Gesture, length: f64) -> Viewport {
        match gesture {
            Gesture::Wheel { at, delta } => {
                let factor = if delta > 0.0 { 1.25 } else { 0.8 };
                self.zoom(factor, Some(self.day_at(at, length)))
            }
            Gesture::Pinch { before, after, mid } => {
                self.zoom(before / after, Some(self.day_at(mid, length)))
            }
            Gesture::Drag { from, to } => self.dragged(from, to, length),
            Gesture::ZoomIn => self.zoom(0.8, None),
            Gesture::ZoomOut => self.zoom(1.25, None),
            Gesture::PageEarlier => self.pan(-0.5),
            Gesture::PageLater => self.pan(0.5),
            Gesture::Year(year) => self.showing(day_number(year, 1, 1), day_number(year, 12, 31)),
            Gesture::Dates(first, last) => self.showing(first, last),
            Gesture::Cluster(first, last) => self.around(first, last),
            Gesture::Seek(first, last) => {
                let shown = self.reveal(first, last);
                if shown == *self {
                    self.around(first, last)
                } else {
                    shown
                }
            }
        }
    }

    /// The months from pixel `a` to pixel `b` (either way round), for a drag along the axis.
    pub fn months_between(&self, a: f64, b: f64, length: f64) -> (Point, Point) {
        (
            self.month_at(a.min(b), length),
            self.month_at(a.max(b), length),
        )
    }
}

/// The pinch made when pointer `id` of the two `down` (`(pointer, pixel)`) moves to pixel
/// `at`: the change in their distance about their middle. None when the pointers are
/// not two, or either distance is too small to read a change from.
pub fn pinch(down: &[(i32, f64)], id: i32, at: f64) -> Option<Gesture> {
    let [a, b] = down else { return None };
    let now = |p: &(i32, f64)| if p.0 == id { at } else { p.1 };
    let (before, after) = ((a.1 - b.1).abs(), (now(a) - now(b)).abs());
    (before > 4.0 && after > 4.0).then_some(Gesture::Pinch {
        before,
        after,
        mid: (a.1 + b.1) / 2.0,
    })
}

/// What a key does on the chart's event `at` of `n` (events in date order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyStep {
    /// Enter: the event opens.
    Open,
    /// Focus moves to this event (arrows, Home, End).
    Focus(usize),
    /// The viewport moves and focus stays (`+`, `-`, PageUp, PageDown).
    Move(Gesture),
}

/// The step for `key` (a `KeyboardEvent.key`) on event `at` of `n`; None for keys the chart
/// leaves to the browser.
pub fn key_step(key: &str, at: usize, n: usize) -> Option<KeyStep> {
    let last = n.saturating_sub(1);
    Some(match key {
        "Enter" => KeyStep::Open,
        "ArrowRight" | "ArrowDown" => KeyStep::Focus((at + 1).min(last)),
        "ArrowLeft" | "ArrowUp" => KeyStep::Focus(at.saturating_sub(1)),
        "Home" => KeyStep::Focus(0),
        "End" => KeyStep::Focus(last),
        "+" | "=" => KeyStep::Move(Gesture::ZoomIn),
        "-" => KeyStep::Move(Gesture::ZoomOut),
        "PageDown" => KeyStep::Move(Gesture::PageLater),
        "PageUp" => KeyStep::Move(Gesture::PageEarlier),
        _ => return None,
    })
}

/// `x` kept within `lo..=hi`, for every float the chart bounds. Not `f64::clamp`, which
/// panics when `lo > hi` or either is NaN, and whose panic message pulls the float
/// formatter (about 15 KB) into the WebAssembly; here a NaN gives `lo`, and `hi` wins.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_viewport_zooms_pans_and_drags_within_its_limits() {
        let limits = (day_number(2012, 1, 1), day_number(2024, 1, 1));
        let all = Viewport::new(limits);
        let (lo, hi) = (f64::from(limits.0), f64::from(limits.1));
        assert_eq!(all.window, (lo, hi));
        // Zooming in about a day keeps that day where it was on screen.
        let centre = lo + 1000.0;
        let z = all.zoom(0.5, Some(centre));
        assert!((z.span() - (hi - lo) / 2.0).abs() < 1e-9);
        assert!((z.px_at(centre, 800.0) - all.px_at(centre, 800.0)).abs() < 1e-6);
        // Zooming out never goes past everything; zooming in stops at three weeks.
        assert_eq!(z.zoom(10.0, None).window, (lo, hi));
        let mut deep = all;
        for _ in 0..100 {
            deep = deep.zoom(0.5, None);
        }
        assert!((deep.span() - MIN_WINDOW_DAYS).abs() < 1e-9);
        // Panning stops at either end.
        assert_eq!(z.pan(-10.0).window.0, lo);
        assert_eq!(z.pan(10.0).window.1, hi);
        let half = z.pan(0.5);
        assert!(
            (half.window.0 - (z.window.0 + z.span() / 2.0)).abs() < 1e-9 || half.window.1 == hi
        );
        // Dragging left by a quarter of the axis moves a quarter of the window later.
        let start = all.zoom(0.25, Some(lo + 2000.0));
        let moved = start.dragged(400.0, 200.0, 800.0);
        assert!((moved.window.0 - (start.window.0 + start.span() / 4.0)).abs() < 1e-9);
        // The day under a pixel and the pixel of a day are inverses within the axis.
        for px in [0.0, 1.0, 399.5, 800.0] {
            assert!((start.px_at(start.day_at(px, 800.0), 800.0) - px).abs() < 1e-6);
        }
        assert_eq!(
            start.day_at(-50.0, 800.0),
            start.window.0,
            "off the axis: its end"
        );
    }

    #[test]
    fn the_viewport_reveals_and_opens_spans() {
        let limits = (day_number(2012, 1, 1), day_number(2024, 1, 1));
        let all = Viewport::new(limits);
        let day = day_number(2018, 6, 1);
        assert_eq!(all.reveal(day, day), all, "already in view");
        let close = all.zoom(0.05, Some(f64::from(day_number(2013, 1, 1))));
        let shown = close.reveal(day, day);
        assert!(shown.window.0 <= f64::from(day) && f64::from(day) <= shown.window.1);
        let cluster = all.around(day, day + 10);
        assert!(cluster.window.0 < f64::from(day) && f64::from(day + 10) < cluster.window.1);
        assert!(cluster.span() >= MIN_WINDOW_DAYS);
    }

    #[test]
    fn month_ticks_show_in_a_short_window_without_januaries() {
        let all = Viewport::new((day_number(2012, 1, 1), day_number(2024, 1, 1)));
        assert!(all.month_ticks().is_empty());
        let spring = Viewport::new((day_number(2021, 3, 20), day_number(2021, 7, 10)));
        let months: Vec<u8> = spring.month_ticks().iter().map(|t| t.1).collect();
        assert_eq!(months, [4, 5, 6, 7]);
        let two_years = Viewport::new((day_number(2020, 6, 1), day_number(2022, 6, 1)));
        let ticks = two_years.month_ticks();
        assert!(ticks.len() <= 12 && ticks.len() >= 4, "{ticks:?}");
        assert!(ticks.iter().all(|t| t.1 != 1 && (t.1 - 1) % 2 == 0));
    }

    #[test]
    fn year_ticks_label_round_years_in_view() {
        let all = Viewport::new((day_number(2012, 1, 1) - 10, day_number(2024, 1, 1)));
        let years: Vec<i32> = all.year_ticks().iter().map(|t| t.0).collect();
        assert_eq!(years, (2012..=2024).collect::<Vec<_>>());
        let narrow = Viewport::new((day_number(2018, 3, 1), day_number(2019, 3, 1)));
        assert_eq!(
            narrow.year_ticks(),
            vec![(2019, f64::from(day_number(2019, 1, 1)))]
        );
        let wide = Viewport::new((day_number(1900, 1, 1), day_number(2100, 1, 1)));
        assert!(wide.year_ticks().len() <= 14);
        assert_eq!(
            Viewport::new((day_number(2018, 3, 1), day_number(2019, 3, 1)))
                .month_at(0.0, 100.0)
                .written(),
            "2018-03"
        );
    }
}
