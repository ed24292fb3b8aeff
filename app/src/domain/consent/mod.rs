//! Consent by topic (newsletter, promotions, sales outreach…; admins define the topics): three
//! states, a lawful basis (consent, or an existing business relationship that expires), and an
//! evidence record for every change — when, how, the wording shown, and who recorded it.

mod basis;
mod record;
mod state;
mod topic;

pub use basis::{ebr_until, Basis};
pub use record::{parse_topic_states, ConsentChange, ConsentError, Evidence, Method};
pub use state::{TopicConsent, TopicConsents, TopicState};
pub use topic::Topic;
