//! The calendar grid's behaviour (an island around the server-rendered views): drag a touch to
//! another day or hour, move between the month's days with the arrow keys (roving tabindex) and open
//! one with Enter, and read the answer to a move. The views themselves stay server-rendered; after
//! each answer the grid is read again from the server.

use super::drag::DragContext;
use super::status::MoveStatus;
use leptos::prelude::*;

/// The attribute that marks the grid's container, in this page and in a fresh copy of it.
pub const GRID: &str = "[data-calendar-grid]";

/// Wraps the calendar's view (`children`) with dragging, keys and the move status.
#[island]
pub fn CalendarGrid(children: Children) -> impl IntoView {
    let cx = DragContext::new();
    provide_context(cx);
    let grid = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(grid) = grid.get() {
            dom::prepare(&grid);
        }
    });
    #[cfg(feature = "hydrate")]
    {
        // After each answer, the grid is read again; an older read that lands late is dropped,
        // and a grid that cannot be read again (a lapsed session) reloads the page.
        let version = cx.action.version();
        Effect::new(move |seen: Option<usize>| {
            let now = version.get();
            if seen.is_some_and(|before| before != now) {
                if let Some(grid) = grid.get_untracked() {
                    leptos::task::spawn_local(async move {
                        let fresh = crate::ui::enhance::refresh(&grid, GRID).await;
                        if version.get_untracked() != now {
                            return;
                        }
                        match fresh {
                            Ok(()) => dom::prepare(&grid),
                            Err(_) => {
                                let _ = window().location().reload();
                            }
                        }
                    });
                }
            }
            now
        });
    }
    let on_drag_start = move |ev: leptos::ev::DragEvent| cx.dragged.set(dom::dragged(&ev));
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        if cx.dragged.with_untracked(Option::is_some) && dom::place(&ev).is_some() {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some((day, hour)) = dom::place(&ev) {
            ev.prevent_default();
            cx.drop_on(day, hour);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(grid) = grid.get_untracked() {
            dom::key(&grid, &ev);
        }
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        if let Some(grid) = grid.get_untracked() {
            dom::focused(&grid, &ev);
        }
    };
    view! {
        <MoveStatus />
        <div
            data-calendar-grid=""
            node_ref=grid
            on:dragstart=on_drag_start
            on:dragover=on_drag_over
            on:drop=on_drop
            on:keydown=on_key
            on:focusin=on_focus
        >
            {children()}
        </div>
    }
}

/// The grid's markup, read and changed in the browser (the handlers never run on the server).
mod dom {
    use super::super::drag::Dragged;
    use super::super::grid_keys::next_cell;
    use crate::ui::dom::all;
    use chrono::NaiveDate;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    const CELL: &str = "[role=gridcell]";

    fn target(ev: &web_sys::Event) -> Option<Element> {
        ev.target()?.dyn_into::<Element>().ok()
    }

    /// Makes the chips of touches that may still move draggable, and the month's days one tab stop (the day asked for), with
    /// the links inside them left to the arrow keys.
    pub fn prepare(grid: &Element) {
        for chip in all::<Element>(grid, "[data-touch]:not([data-final])") {
            let _ = chip.set_attribute("draggable", "true");
        }
        let cells: Vec<HtmlElement> = all(grid, CELL);
        let start = cells
            .iter()
            .position(|c| c.has_attribute("data-start"))
            .unwrap_or(0);
        for (i, cell) in cells.iter().enumerate() {
            let _ = cell.set_attribute("tabindex", if i == start { "0" } else { "-1" });
            for link in all::<Element>(cell, "a") {
                let _ = link.set_attribute("tabindex", "-1");
            }
        }
    }

    /// The touch whose chip a drag starts on.
    pub fn dragged(ev: &web_sys::DragEvent) -> Option<Dragged> {
        let chip = target(ev)?.closest("[data-touch]").ok()??;
        Dragged::from_attributes(|name| chip.get_attribute(name))
    }

    /// The day under a drag, and the hour of the week or day view's grid if it is over one.
    pub fn place(ev: &web_sys::DragEvent) -> Option<(NaiveDate, Option<u32>)> {
        let on = target(ev)?;
        let day = on.closest("[data-date]").ok()??;
        let hour = on
            .closest("[data-hour]")
            .ok()
            .flatten()
            .and_then(|slot| slot.get_attribute("data-hour")?.parse().ok());
        Some((day.get_attribute("data-date")?.parse().ok()?, hour))
    }

    /// Arrow keys, Home and End move between the month's days; Enter on a day opens it.
    pub fn key(grid: &Element, ev: &web_sys::KeyboardEvent) {
        let Some(on) = target(ev) else { return };
        let Some(cell) = on.closest(CELL).ok().flatten() else {
            return;
        };
        let cells: Vec<HtmlElement> = all(grid, CELL);
        let Some(at) = cells.iter().position(|c| **c == cell) else {
            return;
        };
        if ev.key() == "Enter" {
            let href = (on == cell)
                .then(|| cell.query_selector("a").ok().flatten())
                .flatten()
                .and_then(|a| a.get_attribute("href"));
            if let Some(href) = href {
                ev.prevent_default();
                let _ = window().location().set_href(&href);
            }
        } else if let Some(next) = next_cell(&ev.key(), at, cells.len()) {
            ev.prevent_default();
            let _ = cells[next].focus();
        }
    }

    /// The focused day becomes the grid's one tab stop.
    pub fn focused(grid: &Element, ev: &web_sys::FocusEvent) {
        let Some(on) = target(ev) else { return };
        if on.get_attribute("role").as_deref() != Some("gridcell") {
            return;
        }
        for cell in all::<Element>(grid, CELL) {
            let _ = cell.set_attribute("tabindex", if cell == on { "0" } else { "-1" });
        }
    }
}
