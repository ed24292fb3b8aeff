//! The closed vocabularies of DESIGN's "Vocabulary": how a touch reaches a contact, why, where
//! the contact stands, where a touch is in its life, and what a contact did.

use super::str_enum::str_enum;

str_enum! {
    /// How a touch reaches a contact.
    pub enum Channel ("channel") {
        /// An email.
        Email = "email",
        /// A text message.
        Sms = "sms",
        /// A phone call (by a person, or automated when the touch says so).
        Phone = "phone",
        /// Direct mail; it has no hour, only an in-home window of days.
        Mail = "mail",
    }
}

impl Channel {
    /// A short noun for explanations, e.g. "SMS" or "call".
    pub fn noun(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "SMS",
            Channel::Phone => "call",
            Channel::Mail => "mail",
        }
    }

    /// A dense index (0..4) for bit sets and per-channel tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

str_enum! {
    /// Why a touch is sent; decides which rules apply (`transactional` is exempt from caps,
    /// gaps and mix rules).
    pub enum Purpose ("purpose") {
        /// An offer or sale.
        Promotional = "promotional",
        /// A regular newsletter.
        Newsletter = "newsletter",
        /// A sales rep's follow-up.
        SalesFollowup = "sales_followup",
        /// Keeping in touch, without selling.
        Relationship = "relationship",
        /// Customer service.
        Service = "service",
        /// A receipt, a delivery notice: something the contact needs.
        Transactional = "transactional",
    }
}

str_enum! {
    /// Where a contact stands in its lifecycle.
    pub enum Stage ("stage") {
        /// Known, not yet interested.
        Prospect = "prospect",
        /// Showed interest.
        Lead = "lead",
        /// In an active sale.
        Opportunity = "opportunity",
        /// A paying customer.
        Customer = "customer",
        /// Used to be a customer.
        Former = "former",
    }
}

str_enum! {
    /// Where a touch is in its life; only `planned`, `approved` and `sent` count in a ledger.
    pub enum TouchStatus ("touch status") {
        /// Being written; not going out.
        Draft = "draft",
        /// Scheduled without block conflicts.
        Planned = "planned",
        /// Waiting for a manager's decision.
        PendingReview = "pending_review",
        /// Approved by a manager.
        Approved = "approved",
        /// Went out.
        Sent = "sent",
        /// Called off.
        Cancelled = "cancelled",
        /// Tried and failed.
        Failed = "failed",
    }
}

impl TouchStatus {
    /// Whether a touch in this status counts in the contact's ledger (it is, or will be, out).
    pub fn counts(self) -> bool {
        matches!(
            self,
            TouchStatus::Planned | TouchStatus::Approved | TouchStatus::Sent
        )
    }

    /// Whether a touch in this status has not gone out and may still be called off: a draft,
    /// planned, waiting for review or approved (what cancelling a campaign cancels).
    pub fn not_gone_out(self) -> bool {
        matches!(
            self,
            TouchStatus::Draft
                | TouchStatus::Planned
                | TouchStatus::PendingReview
                | TouchStatus::Approved
        )
    }
}

str_enum! {
    /// Something a contact did.
    pub enum InteractionKind ("interaction kind") {
        /// Replied to a touch.
        Reply = "reply",
        /// Downloaded something (an ebook, a white paper).
        Download = "download",
        /// Attended a webinar.
        Webinar = "webinar",
        /// Filled in a form.
        Form = "form",
        /// Called in.
        CallIn = "call_in",
        /// Bought something.
        Purchase = "purchase",
        /// Unsubscribed.
        Unsubscribe = "unsubscribe",
    }
}

impl InteractionKind {
    /// Whether this is the contact reaching out (everything but an unsubscribe).
    pub fn is_inbound(self) -> bool {
        self != InteractionKind::Unsubscribe
    }

    /// Whether this interaction expects an answer from a person (`unanswered_reply`).
    pub fn expects_answer(self) -> bool {
        matches!(
            self,
            InteractionKind::Reply | InteractionKind::CallIn | InteractionKind::Form
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_parse_leniently() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Ok(*channel));
        }
        assert_eq!(
            Purpose::parse(" Sales_Followup "),
            Ok(Purpose::SalesFollowup)
        );
        assert_eq!(
            serde_json::to_string(&InteractionKind::CallIn).unwrap(),
            "\"call_in\""
        );
        assert_eq!(
            serde_json::from_str::<TouchStatus>("\"pending_review\"").unwrap(),
            TouchStatus::PendingReview
        );
    }

    #[test]
    fn unknown_names_say_what_is_accepted() {
        let error = Channel::parse("fax").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown channel \"fax\": expected one of email, sms, phone, mail"
        );
    }

    #[test]
    fn only_planned_approved_and_sent_count() {
        let counted: Vec<_> = TouchStatus::ALL.iter().filter(|s| s.counts()).collect();
        assert_eq!(
            counted,
            [
                &TouchStatus::Planned,
                &TouchStatus::Approved,
                &TouchStatus::Sent
            ]
        );
    }
}
