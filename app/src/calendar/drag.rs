//! Drag to reschedule (with JavaScript): a touch dropped on another day keeps its local time
//! there; dropped on an hour of the week or day view's grid, it moves to that hour, keeping its
//! minutes. The server moves it only if no rule blocks the new time; otherwise it stays where it
//! was and the explanation appears, with a way to move it anyway into review.

use super::move_touch::MoveTouch;
use crate::domain::ids::TouchId;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The touch being dragged: enough to ask for the move and to describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dragged {
    /// Which touch.
    pub id: TouchId,
    /// The version shown.
    pub version: i64,
    /// Its local time, kept on the new day.
    pub time: String,
    /// The local day it is on.
    pub from: NaiveDate,
    /// Its title, for the messages.
    pub title: String,
}

impl Dragged {
    /// The touch a chip shows, read from its `data-` attributes (see `TouchChip`).
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Option<Dragged> {
        Some(Dragged {
            id: TouchId(attribute("data-touch")?.parse().ok()?),
            version: attribute("data-version")?.parse().ok()?,
            time: attribute("data-time")?,
            from: attribute("data-from")?.parse().ok()?,
            title: attribute("data-title")?,
        })
    }

    /// The local time it gets when dropped on `hour` (its own when none): that hour, with its
    /// minutes.
    pub fn time_at(&self, hour: Option<u32>) -> String {
        let minutes = self.time.split_once(':').map_or("00", |(_, m)| m);
        match hour {
            Some(h) => format!("{h:02}:{minutes}"),
            None => self.time.clone(),
        }
    }
}

/// A move asked for: which touch, to which day and local time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The touch.
    pub touch: Dragged,
    /// The day it was dropped on.
    pub to: NaiveDate,
    /// Its local time there.
    pub time: String,
}

/// The calendar grid's drag state, shared with the move status through context.
#[derive(Clone, Copy)]
pub struct DragContext {
    /// The touch under the pointer, while dragging.
    pub dragged: RwSignal<Option<Dragged>>,
    /// The last move asked for.
    pub attempt: RwSignal<Option<Attempt>>,
    /// The server function call.
    pub action: ServerAction<MoveTouch>,
}

impl DragContext {
    /// A fresh context.
    pub fn new() -> DragContext {
        DragContext {
            dragged: RwSignal::new(None),
            attempt: RwSignal::new(None),
            action: ServerAction::new(),
        }
    }

    /// The dragged touch was dropped on `day`, at `hour` if on one: ask for the move unless it
    /// is already there.
    pub fn drop_on(&self, day: NaiveDate, hour: Option<u32>) {
        let Some(touch) = self.dragged.get_untracked() else {
            return;
        };
        self.dragged.set(None);
        let time = touch.time_at(hour);
        if touch.from == day && touch.time == time {
            return;
        }
        self.ask(
            Attempt {
                touch,
                to: day,
                time,
            },
            false,
        );
    }

    /// Asks the server for the move; `review` moves it even into review.
    pub fn ask(&self, attempt: Attempt, review: bool) {
        self.action.dispatch(MoveTouch {
            id: attempt.touch.id.0,
            version: attempt.touch.version,
            date: attempt.to.to_string(),
            time: attempt.time.clone(),
            review: review.then(|| "on".to_owned()),
        });
        self.attempt.set(Some(attempt));
    }
}

impl Default for DragContext {
    fn default() -> Self {
        DragContext::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_chip_reads_back_as_the_touch_it_shows() {
        let attributes: HashMap<&str, &str> = [
            ("data-touch", "42"),
            ("data-version", "3"),
            ("data-time", "09:30"),
            ("data-from", "2026-12-01"),
            ("data-title", "Follow-up"),
        ]
        .into();
        let read = |name: &str| attributes.get(name).map(|v| v.to_string());
        let dragged = Dragged::from_attributes(read).expect("a whole chip");
        assert_eq!(dragged.id, TouchId(42));
        assert_eq!(dragged.version, 3);
        assert_eq!(dragged.from, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let partial = |name: &str| (name != "data-version").then(|| read(name)).flatten();
        assert_eq!(Dragged::from_attributes(partial), None);
    }

    #[test]
    fn dropped_on_an_hour_it_keeps_its_minutes() {
        let touch = Dragged {
            id: TouchId(1),
            version: 1,
            time: "09:45".into(),
            from: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            title: "Call".into(),
        };
        assert_eq!(touch.time_at(Some(14)), "14:45");
        assert_eq!(touch.time_at(Some(7)), "07:45");
        assert_eq!(
            touch.time_at(None),
            "09:45",
            "a day, or the rows before and after"
        );
    }
}
