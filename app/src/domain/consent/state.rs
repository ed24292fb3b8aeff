//! A contact's consent per topic as the engine reads it: the state, and when a relationship
//! basis lapses (after which the topic counts as not set).

use super::topic::Topic;
use crate::domain::str_enum::str_enum;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

str_enum! {
    /// Where a contact stands on one topic.
    pub enum TopicState ("consent state") {
        /// The contact said yes (or a relationship stands in for it).
        OptedIn = "opted_in",
        /// Nothing recorded.
        NotSet = "not_set",
        /// The contact said no: nothing on this topic reaches them.
        OptedOut = "opted_out",
    }
}

/// One topic's consent now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicConsent {
    /// The recorded state.
    pub state: TopicState,
    /// When an opt-in resting on a business relationship lapses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
}

/// A contact's consent on every topic it has a record for (as kept on the contact).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopicConsents(pub BTreeMap<Topic, TopicConsent>);

impl TopicConsents {
    /// The state on `topic` at instant `at`: a lapsed relationship counts as not set.
    pub fn state_at(&self, topic: &Topic, at: DateTime<Utc>) -> TopicState {
        match self.0.get(topic) {
            None => TopicState::NotSet,
            Some(c) if c.state == TopicState::OptedIn && c.until.is_some_and(|u| u <= at) => {
                TopicState::NotSet
            }
            Some(c) => c.state,
        }
    }

    /// Each topic's recorded state (for pages and the API).
    pub fn states(&self) -> BTreeMap<String, TopicState> {
        self.0
            .iter()
            .map(|(t, c)| (t.as_str().to_owned(), c.state))
            .collect()
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
