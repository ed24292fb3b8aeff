//! Charts drawn on the server as plain SVG: no script, readable without JavaScript. Each is a
//! `<figure>` with a titled `role="img"` drawing and the same numbers as a table for screen
//! readers and for anyone who wants the figures.

mod bars;
mod columns;
mod frame;
mod lines;
mod scale;

pub use bars::BarChart;
pub use columns::ColumnChart;
pub use lines::{LineChart, Series};

/// One labelled value: a bar, a column or a point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Datum {
    /// What the value is for, e.g. `daily_cap` or `2 touches`.
    pub label: String,
    /// The value.
    pub value: i64,
}

impl Datum {
    /// A datum.
    pub fn new(label: impl Into<String>, value: i64) -> Datum {
        Datum {
            label: label.into(),
            value,
        }
    }
}
