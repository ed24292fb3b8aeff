//! A change of consent on one topic and the evidence kept with it. Withdrawal is taken at once
//! from anyone; an opt-in after an opt-out needs evidence (the wording or form version the
//! contact saw), since a record without it proves nothing.

use super::basis::Basis;
use super::state::TopicState;
use super::topic::Topic;
use crate::domain::str_enum::str_enum;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

str_enum! {
    /// How a consent change reached Concord.
    pub enum Method ("consent method") {
        /// A form the contact filled in (a page of Concord's, or the company's own).
        Form = "form",
        /// A CSV import (the column it came from is kept as the wording).
        Import = "import",
        /// An API call.
        Api = "api",
        /// A provider's webhook (an unsubscribe, a bounce, a complaint).
        Webhook = "webhook",
        /// A keyword the contact texted (STOP, START).
        Keyword = "keyword",
    }
}

/// The evidence of a change, beyond when and who (which the store adds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The wording or form version the contact saw, e.g. `signup-form v3` (at most 500
    /// characters once trimmed); needed to opt a contact back in on a topic they opted out of.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<crate::domain::wire_schema::WordingText>))]
    pub wording: Option<String>,
    /// The lawful basis: `consent` (default), `ebr_purchase` or `ebr_inquiry`.
    #[serde(default)]
    pub basis: Option<Basis>,
    /// When the purchase or inquiry of a relationship basis happened (RFC 3339); needed to
    /// opt in on `ebr_purchase` or `ebr_inquiry`.
    #[serde(default)]
    pub basis_at: Option<DateTime<Utc>>,
}

/// One topic's change, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentChange {
    /// Which topic.
    pub topic: Topic,
    /// The new state.
    pub state: TopicState,
    /// The basis of an opt-in.
    pub basis: Basis,
    /// When a relationship basis began.
    pub basis_at: Option<DateTime<Utc>>,
    /// How it came.
    pub method: Method,
    /// The wording or form version shown.
    pub wording: Option<String>,
}

/// Why a consent change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConsentError {
    /// Re-opt-in without evidence.
    #[error("{0}: the contact opted out, so opting them back in needs evidence — the wording or form version they agreed to")]
    NeedsEvidence(Topic),
    /// A relationship basis without its date.
    #[error("{0}: an existing business relationship needs the date of the purchase or inquiry (basis_at)")]
    NeedsDate(Topic),
    /// Wording too long to keep.
    #[error("{0}: the wording is too long (at most 500 characters)")]
    LongWording(Topic),
}

impl ConsentChange {
    /// A change of `topic` to `state` with `evidence`, checked against the state it replaces.
    pub fn new(
        topic: Topic,
        state: TopicState,
        method: Method,
        evidence: &Evidence,
        before: TopicState,
    ) -> Result<ConsentChange, ConsentError> {
        let wording = evidence
            .wording
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned);
        if wording.as_ref().is_some_and(|w| w.chars().count() > 500) {
            return Err(ConsentError::LongWording(topic));
        }
        let basis = evidence.basis.unwrap_or(Basis::Consent);
        if state == TopicState::OptedIn && basis != Basis::Consent && evidence.basis_at.is_none() {
            return Err(ConsentError::NeedsDate(topic));
        }
        if state == TopicState::OptedIn && before == TopicState::OptedOut && wording.is_none() {
            return Err(ConsentError::NeedsEvidence(topic));
        }
        Ok(ConsentChange {
            topic,
            state,
            basis,
            basis_at: evidence.basis_at.filter(|_| basis != Basis::Consent),
            method,
            wording,
        })
    }

    /// Whether it turns consent back on after a withdrawal (which only some roles may do).
    pub fn restores(&self, before: TopicState) -> bool {
        before == TopicState::OptedOut && self.state != TopicState::OptedOut
    }
}

/// Parses a `{topic: state}` map as sent (`consent_topics`), refusing a bad id or state.
pub fn parse_topic_states(
    sent: Option<&std::collections::BTreeMap<String, String>>,
) -> Result<Vec<(Topic, TopicState)>, crate::domain::FieldError> {
    use crate::domain::FieldError;
    sent.into_iter()
        .flatten()
        .map(|(topic, state)| {
            let topic = Topic::parse(topic).map_err(|e| FieldError::new("consent_topics", e))?;
            let state = TopicState::parse(state.trim())
                .map_err(|e| FieldError::new("consent_topics", format!("{topic}: {e}")))?;
            Ok((topic, state))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic() -> Topic {
        Topic::parse("newsletter").unwrap()
    }

    #[test]
    fn withdrawal_needs_nothing_and_re_opt_in_needs_evidence() {
        let none = Evidence::default();
        let out = ConsentChange::new(
            topic(),
            TopicState::OptedOut,
            Method::Api,
            &none,
            TopicState::OptedIn,
        );
        assert!(out.is_ok());
        let back = ConsentChange::new(
            topic(),
            TopicState::OptedIn,
            Method::Api,
            &none,
            TopicState::OptedOut,
        );
        assert_eq!(back, Err(ConsentError::NeedsEvidence(topic())));
        let shown = Evidence {
            wording: Some(" signup-form v3 ".into()),
            ..Evidence::default()
        };
        let back = ConsentChange::new(
            topic(),
            TopicState::OptedIn,
            Method::Form,
            &shown,
            TopicState::OptedOut,
        )
        .unwrap();
        assert_eq!(back.wording.as_deref(), Some("signup-form v3"));
        assert!(back.restores(TopicState::OptedOut));
        let first = ConsentChange::new(
            topic(),
            TopicState::OptedIn,
            Method::Api,
            &none,
            TopicState::NotSet,
        )
        .unwrap();
        assert!(!first.restores(TopicState::NotSet));
    }

    #[test]
    fn a_relationship_basis_needs_its_date() {
        let ebr = Evidence {
            basis: Some(Basis::EbrPurchase),
            ..Evidence::default()
        };
        let refused = ConsentChange::new(
            topic(),
            TopicState::OptedIn,
            Method::Api,
            &ebr,
            TopicState::NotSet,
        );
        assert_eq!(refused, Err(ConsentError::NeedsDate(topic())));
    }
}
