//! Drag to reschedule (hydrated pages only): a touch dropped on another day keeps its local
//! time there. The server moves it only if no rule blocks the new time; otherwise it stays
//! where it was and the explanation appears, with a way to move it anyway into review.

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

/// A move asked for: which touch, to which day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The touch.
    pub touch: Dragged,
    /// The day it was dropped on.
    pub to: NaiveDate,
}

/// The calendar page's drag state, shared with every cell and chip through context.
#[derive(Clone, Copy)]
pub struct DragContext {
    /// The touch under the pointer, while dragging.
    pub dragged: RwSignal<Option<Dragged>>,
    /// The last move asked for.
    pub attempt: RwSignal<Option<Attempt>>,
    /// The server function call.
    pub action: ServerAction<MoveTouch>,
    /// Whether the page is hydrated (dragging needs it).
    pub hydrated: RwSignal<bool>,
    /// Bumped after each move, so the page reloads its days.
    pub refresh: RwSignal<u32>,
}

impl DragContext {
    /// A fresh context; marks itself hydrated once the browser runs it, and reloads the days
    /// after every answer to a move.
    pub fn new() -> DragContext {
        let cx = DragContext {
            dragged: RwSignal::new(None),
            attempt: RwSignal::new(None),
            action: ServerAction::new(),
            hydrated: RwSignal::new(false),
            refresh: RwSignal::new(0),
        };
        Effect::new(move |_| cx.hydrated.set(true));
        let version = cx.action.version();
        Effect::new(move |seen: Option<usize>| {
            let now = version.get();
            if seen.is_some_and(|before| before != now) {
                cx.refresh.update(|n| *n += 1);
            }
            now
        });
        cx
    }

    /// A drag begins.
    pub fn start(&self, _ev: &leptos::ev::DragEvent, touch: Dragged) {
        self.dragged.set(Some(touch));
    }

    /// Whether this touch's move is in flight.
    pub fn is_moving(&self, id: TouchId) -> bool {
        self.action.pending().get()
            && self
                .attempt
                .with(|a| a.as_ref().is_some_and(|a| a.touch.id == id))
    }

    /// The dragged touch was dropped on `day`: ask for the move unless it is already there.
    pub fn drop_on(&self, day: NaiveDate) {
        let Some(touch) = self.dragged.get_untracked() else {
            return;
        };
        self.dragged.set(None);
        if touch.from == day {
            return;
        }
        self.ask(Attempt { touch, to: day }, false);
    }

    /// Asks the server for the move; `review` moves it even into review.
    pub fn ask(&self, attempt: Attempt, review: bool) {
        self.action.dispatch(MoveTouch {
            id: attempt.touch.id.0,
            version: attempt.touch.version,
            date: attempt.to.to_string(),
            time: attempt.touch.time.clone(),
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

/// The handlers a day cell needs to take drops.
pub fn drop_target(
    day: NaiveDate,
) -> (
    impl Fn(leptos::ev::DragEvent) + Copy,
    impl Fn(leptos::ev::DragEvent) + Copy,
) {
    let cx = use_context::<DragContext>();
    let over = move |ev: leptos::ev::DragEvent| {
        if cx.is_some_and(|c| c.dragged.with_untracked(Option::is_some)) {
            ev.prevent_default();
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(c) = cx {
            c.drop_on(day);
        }
    };
    (over, drop)
}
