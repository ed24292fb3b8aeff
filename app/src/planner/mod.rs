//! The planner (DESIGN Screens 3): a single touch (from the contact's timeline) or a campaign —
//! an audience, a preview with per-rule counts and samples, then exclude, shift or review.

mod campaign_fields;
mod campaign_form;
mod context;
mod outcome;
mod page;
mod plan_campaign;
mod preview;
mod preview_report;

pub use campaign_fields::CampaignFields;
pub use page::PlannerPage;
pub use plan_campaign::{plan_campaign, PlanCampaign};
pub use preview::{preview_campaign, CampaignPreview, PreviewCampaign};
