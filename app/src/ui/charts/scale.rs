//! Axis arithmetic shared by the charts: a "nice" top value and its gridline ticks.

/// The smallest 1-2-5 × 10ⁿ step that splits `max` into at most `ticks` steps.
fn step(max: i64, ticks: i64) -> i64 {
    let raw = (max.max(1) + ticks - 1) / ticks;
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude)
}

/// The ticks of an axis from 0 to at least `max` (about four steps): `[0, 5, 10, 15, 20]`.
pub fn ticks(max: i64) -> Vec<i64> {
    let s = step(max, 4);
    let top = ((max.max(1) + s - 1) / s) * s;
    (0..=top / s).map(|i| i * s).collect()
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn ticks_cover_the_maximum_in_round_steps() {
        assert_eq!(ticks(0), vec![0, 1]);
        assert_eq!(ticks(7), vec![0, 2, 4, 6, 8]);
        assert_eq!(ticks(20), vec![0, 5, 10, 15, 20]);
        assert_eq!(ticks(1234), vec![0, 500, 1000, 1500]);
    }
}
