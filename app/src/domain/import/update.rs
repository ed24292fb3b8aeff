//! A row of a re-imported file that matches a stored contact (by external id or email)
//! updates it instead of creating a duplicate. The row changes only what it states: an empty
//! cell or a missing column keeps the stored value, so a file without a stage column does not
//! turn customers back into prospects. A file may withdraw consent or mark a contact do not
//! contact, but never gives back what a contact withdrew: that takes a new consent, recorded
//! with its evidence on the contact's page.

use super::ImportedContact;
use crate::domain::compliance::{Jurisdiction, JurisdictionSource};
use crate::domain::contact::Consent;
use crate::domain::PhoneNumber;

/// Which of a row's values come from its cells rather than from defaults (the name always
/// does: a row without one is refused).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stated {
    /// The email cell.
    pub email: bool,
    /// The phone or mobile cell.
    pub phone: bool,
    /// Any address cell.
    pub address: bool,
    /// The time zone cell.
    pub time_zone: bool,
    /// The stage cell.
    pub stage: bool,
    /// Each channel's consent cell (email, SMS, phone, mail).
    pub consent: [bool; 4],
    /// The do-not-contact cell.
    pub do_not_contact: bool,
    /// The account key cell.
    pub account_key: bool,
    /// The country or state cell.
    pub place: bool,
}

/// Consent after a row that states `row` for the channels in `stated`: a stated refusal
/// withdraws, nothing grants.
fn withdrawn(stored: Consent, row: Consent, stated: [bool; 4]) -> Consent {
    let keep = |was: bool, is: bool, said: bool| was && (is || !said);
    Consent {
        email: keep(stored.email, row.email, stated[0]),
        sms: keep(stored.sms, row.sms, stated[1]),
        phone: keep(stored.phone, row.phone, stated[2]),
        mail: keep(stored.mail, row.mail, stated[3]),
    }
}

impl ImportedContact {
    /// `stored` as this row updates it, or `None` when the row changes nothing.
    pub fn update(&self, stored: &ImportedContact) -> Option<ImportedContact> {
        let s = self.stated;
        let pick = |said: bool, row: &Option<String>, old: &Option<String>| {
            if said {
                row.clone()
            } else {
                old.clone()
            }
        };
        let phone = pick(s.phone, &self.phone, &stored.phone);
        let address = pick(s.address, &self.address, &stored.address);
        let mut attributes = stored.attributes.clone();
        attributes.extend(self.attributes.clone());
        let updated = ImportedContact {
            external_id: stored.external_id.clone().or(self.external_id.clone()),
            name: self.name.clone(),
            email: if s.email {
                self.email.clone()
            } else {
                stored.email.clone()
            },
            jurisdiction: self.place(stored.jurisdiction, address.as_deref(), phone.as_deref()),
            phone,
            address,
            time_zone: if s.time_zone {
                self.time_zone
            } else {
                stored.time_zone
            },
            stage: if s.stage { self.stage } else { stored.stage },
            attributes,
            consent: withdrawn(stored.consent, self.consent, s.consent),
            do_not_contact: stored.do_not_contact || (s.do_not_contact && self.do_not_contact),
            account_key: pick(s.account_key, &self.account_key, &stored.account_key),
            stated: stored.stated,
        };
        (updated != *stored).then_some(updated)
    }

    /// The place after the update: one set by hand stays; the file's country and state
    /// columns come next; else it is read again when the address or phone changes.
    fn place(
        &self,
        stored: Jurisdiction,
        address: Option<&str>,
        phone: Option<&str>,
    ) -> Jurisdiction {
        let number = phone.and_then(|p| PhoneNumber::parse(p).ok());
        let read = Jurisdiction::derive(address, number.as_ref());
        if stored.source == Some(JurisdictionSource::Manual) {
            stored
        } else if self.stated.place {
            Jurisdiction {
                area_code_region: read.area_code_region,
                ..self.jurisdiction
            }
        } else if self.stated.address || self.stated.phone {
            read
        } else {
            stored
        }
    }
}
