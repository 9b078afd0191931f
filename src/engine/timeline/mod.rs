//! The timeline's pure parts, from the record's dates to the chart's SVG markup: a date
//! range and which passages it admits (`range.rs`); the stretch of time on screen and the
//! gestures that move it (`viewport.rs`); where each event is drawn, in lanes with nearby
//! events clustered and each label's room (`layout.rs`); the chart's frame, its lanes and
//! the card's place (`frame.rs`); and the markup of the marks and the axis (`svg.rs`). The
//! component in `app/timeline/chart.rs` only measures, listens and sets the markup.

mod frame;
mod layout;
mod range;
mod svg;
mod viewport;

pub use frame::{CharWidths, ChartEvents, Frame, LABEL_PX};
pub use layout::{axis_limits, fit_label, layout, spans, wrap_label, Labels, Mark, OPEN_END_DAYS};
pub use range::{Range, RangeRule};
pub use svg::{axis_svg, marks_svg, rule_segments, Px, Scene};
pub use viewport::{key_step, pinch, within, Gesture, KeyStep, Viewport, MIN_WINDOW_DAYS};
