//! The team calendar (`/calendar`): month, week, day and agenda views of every team's touches,
//! filtered through the URL, with drag (or a form) to reschedule.

pub mod agenda;
pub mod campaign_item;
pub mod cancel_touch;
pub mod chip;
pub mod day;
pub mod drag;
pub mod filters;
pub mod grid;
pub mod grid_keys;
pub mod hour_slots;
pub mod hours;
pub mod load;
pub mod marks;
pub mod month;
pub mod move_touch;
pub mod page;
pub mod query;
pub mod range;
pub mod status;
pub mod toolbar;
pub mod touch_detail;
pub mod touch_page;
pub mod week;

pub use page::CalendarPage;
pub use touch_page::TouchPage;
