//! Rolling, half-open windows: `[s, s + w)`. A touch exactly `w` before another is outside its
//! window. These helpers find the busiest window around the judged touch.

/// The busiest window containing the judged instant, and the latest window start at which the
/// limit is reached (the judged instant stays blocked until that window has passed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Busiest {
    pub start: i64,
    pub count: u32,
    pub last_bad_start: Option<i64>,
}

/// Over the windows `[s, s + w)` that contain `t`, counts the given instants; `limit` is the
/// count at which a window is "bad". Windows start at `t` or at one of the instants.
pub(crate) fn busiest<I>(t: i64, w: i64, limit: u32, instants: I) -> Busiest
where
    I: Iterator<Item = i64> + Clone,
{
    let mut best = Busiest {
        start: t,
        count: 0,
        last_bad_start: None,
    };
    let candidates = instants.clone().filter(|a| *a > t - w && *a <= t);
    for s in std::iter::once(t).chain(candidates) {
        let count = instants.clone().filter(|a| *a >= s && *a < s + w).count() as u32;
        if count > best.count || (count == best.count && s < best.start) {
            best.start = s;
            best.count = count;
        }
        if count >= limit {
            best.last_bad_start = Some(best.last_bad_start.map_or(s, |b: i64| b.max(s)));
        }
    }
    best
}

/// Whether two presences `[lo, hi)` can share one window of length `w`.
pub(crate) fn within(a: (i64, i64), b: (i64, i64), w: i64) -> bool {
    a.0.max(b.0) - w < a.1.min(b.1) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    #[test]
    fn a_touch_exactly_one_window_earlier_is_outside() {
        let found = busiest(24 * H, 24 * H, 1, [0].into_iter());
        assert_eq!(found.count, 0);
        let found = busiest(24 * H - 1, 24 * H, 1, [0].into_iter());
        assert_eq!((found.count, found.last_bad_start), (1, Some(0)));
    }

    #[test]
    fn finds_the_busiest_window_on_either_side() {
        let instants = [-20 * H, -10 * H, 5 * H, 30 * H];
        let found = busiest(0, 24 * H, 2, instants.into_iter());
        assert_eq!(found.start, -20 * H);
        assert_eq!(found.count, 2);
        assert_eq!(found.last_bad_start, Some(-10 * H));
    }

    #[test]
    fn presences_share_a_window_when_closer_than_it() {
        assert!(within((0, 1), (24 * H - 1, 24 * H), 24 * H));
        assert!(!within((0, 1), (24 * H, 24 * H + 1), 24 * H));
        assert!(within((0, 1), (-72 * H, -24 * H + 2), 24 * H));
        assert!(!within((0, 1), (-72 * H, -24 * H + 1), 24 * H));
    }
}
