//! Keyboard movement in the month grid (roving tabindex, see `grid`): arrows move a day or a
//! week, Home and End go to the week's ends.

use chrono::NaiveDate;

/// Where focus goes from cell `at` of `len` after `key`; `None` for keys the grid ignores.
pub fn next_cell(key: &str, at: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    let target = match key {
        "ArrowRight" => at + 1,
        "ArrowLeft" => at.checked_sub(1)?,
        "ArrowDown" => at + 7,
        "ArrowUp" => at.checked_sub(7)?,
        "Home" => at - at % 7,
        "End" => at - at % 7 + 6,
        _ => return None,
    };
    Some(target.min(last))
}

/// The element id of a day's cell.
pub fn cell_id(date: NaiveDate) -> String {
    format!("cal-day-{date}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_by_days_and_weeks_within_the_grid() {
        assert_eq!(next_cell("ArrowRight", 3, 35), Some(4));
        assert_eq!(next_cell("ArrowDown", 30, 35), Some(34));
        assert_eq!(next_cell("ArrowUp", 3, 35), None);
        assert_eq!(next_cell("ArrowLeft", 0, 35), None);
        assert_eq!(next_cell("End", 9, 35), Some(13));
        assert_eq!(next_cell("Home", 9, 35), Some(7));
        assert_eq!(next_cell("a", 9, 35), None);
    }
}
