//! Campaigns as things (`/campaigns`): the list of them, and a campaign's page with who planned
//! it, its per-status counts, its recipients and a confirmed cancel of the whole campaign.

pub mod cancel;
pub mod list_page;
pub mod load;
pub mod page;

pub use list_page::CampaignsPage;
pub use page::CampaignPage;
