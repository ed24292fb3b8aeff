//! The lawful basis of a consent: the contact's own consent, or an existing business
//! relationship (a purchase or an inquiry) that the law lets lapse — in the US 18 months after
//! a purchase and 3 after an inquiry (47 CFR 64.1200(f)(5)), in Canada 2 years and 6 months
//! (Unsolicited Telecommunications Rules; CASL s. 10(10)).

use crate::domain::compliance::Country;
use crate::domain::str_enum::str_enum;
use chrono::{DateTime, Months, Utc};

str_enum! {
    /// Why the company may reach the contact on a topic.
    pub enum Basis ("lawful basis") {
        /// The contact's own consent.
        Consent = "consent",
        /// An existing business relationship from a purchase.
        EbrPurchase = "ebr_purchase",
        /// An existing business relationship from an inquiry.
        EbrInquiry = "ebr_inquiry",
    }
}

/// When a relationship begun at `since` stops being a basis, for a contact in `country`;
/// `None` for consent (it lasts until withdrawn) and where no expiry is written here.
pub fn ebr_until(
    country: Option<Country>,
    basis: Basis,
    since: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let months = match (country?, basis) {
        (_, Basis::Consent) => return None,
        (c, Basis::EbrPurchase) if c == Country::US => 18,
        (c, Basis::EbrInquiry) if c == Country::US => 3,
        (c, Basis::EbrPurchase) if c == Country::CA => 24,
        (c, Basis::EbrInquiry) if c == Country::CA => 6,
        _ => return None,
    };
    since.checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_relationship_lapses_by_country_and_kind() {
        let since = at("2026-01-15T12:00:00Z");
        let us = Some(Country::US);
        let ca = Some(Country::CA);
        assert_eq!(
            ebr_until(us, Basis::EbrPurchase, since),
            Some(at("2027-07-15T12:00:00Z"))
        );
        assert_eq!(
            ebr_until(us, Basis::EbrInquiry, since),
            Some(at("2026-04-15T12:00:00Z"))
        );
        assert_eq!(
            ebr_until(ca, Basis::EbrPurchase, since),
            Some(at("2028-01-15T12:00:00Z"))
        );
        assert_eq!(
            ebr_until(ca, Basis::EbrInquiry, since),
            Some(at("2026-07-15T12:00:00Z"))
        );
        assert_eq!(ebr_until(us, Basis::Consent, since), None);
        assert_eq!(
            ebr_until(Some(Country::FR), Basis::EbrPurchase, since),
            None
        );
        assert_eq!(ebr_until(None, Basis::EbrPurchase, since), None);
    }
}
