//! `/settings/blackouts` (admins): the company's blackout dates — days closed to outreach for
//! every channel and team or only some — added and removed by one set of steps below both the
//! page and `/api/v1/blackouts`. The `holiday` rule enforces them.

pub mod change;
#[cfg(feature = "ssr")]
pub mod manage;
pub mod overview;
pub mod page;

pub use change::{AddBlackout, RemoveBlackout};
pub use page::BlackoutsPage;
