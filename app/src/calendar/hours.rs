//! The rows of the week and day views' hour grid: one per hour of the working day, from 07:00
//! to 20:00, and one each for the hours before and after it, so that a night's touches are
//! still shown without a grid of empty rows. Times are the viewer's.

use chrono::{NaiveTime, Timelike};

/// The first hour with a row of its own.
pub const FIRST: u32 = 7;
/// The last hour with a row of its own.
pub const LAST: u32 = 20;
/// How many rows a day has.
pub const ROWS: usize = (LAST - FIRST + 3) as usize;

/// One row of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Before `FIRST`.
    Before,
    /// The hour starting then.
    Hour(u32),
    /// After `LAST`'s hour.
    After,
}

impl Slot {
    /// Every row, in order.
    pub fn all() -> Vec<Slot> {
        std::iter::once(Slot::Before)
            .chain((FIRST..=LAST).map(Slot::Hour))
            .chain(std::iter::once(Slot::After))
            .collect()
    }

    /// The row a local time falls in.
    pub fn of(time: NaiveTime) -> Slot {
        match time.hour() {
            h if h < FIRST => Slot::Before,
            h if h > LAST => Slot::After,
            h => Slot::Hour(h),
        }
    }

    /// The row's label.
    pub fn label(self) -> String {
        match self {
            Slot::Before => format!("Before {FIRST:02}:00"),
            Slot::Hour(h) => format!("{h:02}:00"),
            Slot::After => format!("From {:02}:00", LAST + 1),
        }
    }

    /// The hour a touch dropped on this row moves to; none for the rows before and after,
    /// where a touch keeps its time.
    pub fn hour(self) -> Option<u32> {
        match self {
            Slot::Hour(h) => Some(h),
            Slot::Before | Slot::After => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn every_time_falls_in_exactly_one_row_in_order() {
        let rows = Slot::all();
        assert_eq!(rows.len(), ROWS);
        assert_eq!(rows.first(), Some(&Slot::Before));
        assert_eq!(rows.last(), Some(&Slot::After));
        let mut previous = 0;
        for minute in (0..24 * 60).step_by(15) {
            let slot = Slot::of(at(minute / 60, minute % 60));
            let index = rows.iter().position(|r| *r == slot).expect("a row");
            assert!(index >= previous, "rows follow the clock at {minute} min");
            previous = index;
        }
        assert_eq!(Slot::of(at(6, 59)), Slot::Before);
        assert_eq!(Slot::of(at(7, 0)), Slot::Hour(7));
        assert_eq!(Slot::of(at(20, 59)), Slot::Hour(20));
        assert_eq!(Slot::of(at(21, 0)), Slot::After);
    }

    #[test]
    fn rows_are_labelled_and_only_hours_set_a_time() {
        assert_eq!(Slot::Before.label(), "Before 07:00");
        assert_eq!(Slot::Hour(9).label(), "09:00");
        assert_eq!(Slot::After.label(), "From 21:00");
        assert_eq!(Slot::Hour(14).hour(), Some(14));
        assert_eq!(Slot::After.hour(), None);
    }
}
