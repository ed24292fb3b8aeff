//! Campaigns as things (`/campaigns`): the list of them, and a campaign's page with who planned
//! it, its per-status counts, its recipients, a move of the whole campaign and a confirmed
//! cancel of it.

pub mod cancel;
pub mod list_page;
pub mod load;
pub mod move_campaign;
pub mod page;

pub use list_page::CampaignsPage;
pub use page::CampaignPage;
