//! One data row → an [`ImportedContact`], or the first thing wrong with it.

use super::columns::{Column, Columns};
use super::values;
use super::{ImportedContact, Stated};
use crate::domain::compliance::Jurisdiction;
use crate::domain::contact::Consent;
use crate::domain::email::EmailAddress;
use crate::domain::timezone::TimeZone;
use crate::domain::vocabulary::Stage;
use crate::domain::PhoneNumber;
use std::collections::BTreeMap;
use thiserror::Error;

/// What an import uses when a row leaves a cell empty.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImportDefaults {
    /// The zone of contacts without one; `None` makes a missing zone an error for a contact
    /// to create (quiet hours in the wrong zone would wake people up): an update keeps the
    /// stored zone.
    pub time_zone: Option<TimeZone>,
    /// The stage of contacts without one.
    pub stage: Stage,
}

impl Default for ImportDefaults {
    /// No default zone; new contacts are prospects.
    fn default() -> Self {
        ImportDefaults {
            time_zone: None,
            stage: Stage::Prospect,
        }
    }
}

/// Why a row cannot be imported. The messages are for the person who made the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RowError {
    /// Neither a name nor a first or last name.
    #[error("missing name")]
    MissingName,
    /// The email cell is not an address.
    #[error("bad email {value:?}: {reason}")]
    BadEmail {
        /// The cell.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The phone cell is not a phone number.
    #[error("bad phone number {value:?}: {reason}")]
    BadPhone {
        /// The cell.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The zone is not an IANA name.
    #[error("unknown time zone {0:?} (expected an IANA name such as America/New_York)")]
    UnknownTimeZone(String),
    /// No zone and no default zone.
    #[error("missing time zone (give a Time Zone column or a default zone)")]
    MissingTimeZone,
    /// The stage is not one Concord knows.
    #[error("unknown stage {0:?} (expected prospect, lead, opportunity, customer or former)")]
    UnknownStage(String),
    /// A yes/no cell says something else.
    #[error("bad {column} value {value:?} (expected yes or no)")]
    BadFlag {
        /// The column, as Concord names it.
        column: &'static str,
        /// The cell.
        value: String,
    },
    /// The row has more or fewer cells than the header.
    #[error("expected {expected} fields like the header, found {found}")]
    FieldCount {
        /// The header's count.
        expected: usize,
        /// This row's count.
        found: usize,
    },
    /// The row is not valid UTF-8.
    #[error("the row is not valid UTF-8 text")]
    NotUtf8,
    /// Another row of the file, or a stored contact, has the same external id.
    #[error("external id {0:?} is already used by another contact")]
    DuplicateExternalId(String),
    /// Several stored contacts have the row's email and the row has no external id to say
    /// which one it updates.
    #[error("{contacts} contacts have the email {email:?}: add an External ID column to say which one this row updates")]
    AmbiguousEmail {
        /// The email (lower case).
        email: String,
        /// How many stored contacts have it.
        contacts: usize,
    },
    /// An earlier row of the file updates the same stored contact.
    #[error("line {0} of this file already updates the same contact")]
    SameContactTwice(u64),
}

fn flag(column: &'static str, cell: &str) -> Result<Option<bool>, RowError> {
    values::flag(cell).map_err(|()| RowError::BadFlag {
        column,
        value: cell.to_owned(),
    })
}

fn some(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_owned())
}

impl ImportedContact {
    /// Whether the row can create a contact with `defaults`: it needs a zone (an update keeps
    /// the stored one).
    pub fn creatable(&self, defaults: &ImportDefaults) -> Result<(), RowError> {
        if self.stated.time_zone || defaults.time_zone.is_some() {
            Ok(())
        } else {
            Err(RowError::MissingTimeZone)
        }
    }
}

impl Columns {
    /// Reads one data row; `cell(i)` is the i-th cell (the caller checked the count).
    pub fn parse_row<'a>(
        &self,
        defaults: &ImportDefaults,
        cell: impl Fn(usize) -> &'a str,
    ) -> Result<ImportedContact, RowError> {
        let mut attributes = BTreeMap::new();
        for (i, column) in self.by_position.iter().enumerate() {
            if let Some(Column::Attribute(key)) = column {
                if let Some(value) = some(cell(i)) {
                    attributes.insert(key.clone(), value);
                }
            }
        }
        let get = |column: Column| {
            let position = column.slot().and_then(|slot| self.slots[slot]);
            position.map_or("", |i| cell(i).trim())
        };
        let name = match some(get(Column::Name)) {
            Some(name) => name,
            None => [get(Column::FirstName), get(Column::LastName)]
                .iter()
                .filter(|part| !part.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if name.is_empty() {
            return Err(RowError::MissingName);
        }
        let email = some(get(Column::Email))
            .map(|text| {
                EmailAddress::parse(&text).map_err(|e| RowError::BadEmail {
                    value: text,
                    reason: e.reason,
                })
            })
            .transpose()?;
        let phone = some(get(Column::Phone)).or_else(|| some(get(Column::Mobile)));
        if let Some(phone) = &phone {
            values::phone(phone).map_err(|reason| RowError::BadPhone {
                value: phone.clone(),
                reason,
            })?;
        }
        let time_zone = match some(get(Column::TimeZone)) {
            Some(zone) => TimeZone::parse(&zone).map_err(|_| RowError::UnknownTimeZone(zone))?,
            None => defaults.time_zone.unwrap_or(TimeZone::UTC),
        };
        let mut stated = Stated {
            email: email.is_some(),
            phone: phone.is_some(),
            time_zone: !get(Column::TimeZone).is_empty(),
            place: !get(Column::Country).is_empty() || !get(Column::State).is_empty(),
            ..Stated::default()
        };
        let stage_cell = get(Column::Stage);
        stated.stage = !stage_cell.is_empty();
        let stage = values::stage(stage_cell)
            .map_err(|()| RowError::UnknownStage(stage_cell.to_owned()))?
            .unwrap_or(defaults.stage);
        let mut consent = Consent::default();
        let read = |column: Column, label| flag(label, get(column));
        let email_ok = (read(Column::ConsentEmail, "consent_email")?).or(read(
            Column::EmailOptOut,
            "email opt out",
        )?
        .map(|out| !out));
        let phone_ok = (read(Column::ConsentPhone, "consent_phone")?).or(read(
            Column::DoNotCall,
            "do not call",
        )?
        .map(|dnc| !dnc));
        let sms_ok = read(Column::ConsentSms, "consent_sms")?;
        let mail_ok = read(Column::ConsentMail, "consent_mail")?;
        stated.consent = [
            email_ok.is_some(),
            sms_ok.is_some(),
            phone_ok.is_some(),
            mail_ok.is_some(),
        ];
        consent.email = email_ok.unwrap_or(consent.email);
        consent.sms = sms_ok.unwrap_or(consent.sms);
        consent.phone = phone_ok.unwrap_or(consent.phone);
        consent.mail = mail_ok.unwrap_or(consent.mail);
        let do_not_contact = flag("do_not_contact", get(Column::DoNotContact))?;
        stated.do_not_contact = do_not_contact.is_some();
        let do_not_contact = do_not_contact.unwrap_or(false);
        let address = self.address(&get);
        let account_key = some(get(Column::AccountKey));
        stated.address = address.is_some();
        stated.account_key = account_key.is_some();
        let number = phone.as_deref().and_then(|p| PhoneNumber::parse(p).ok());
        let jurisdiction = Jurisdiction::from_columns(
            get(Column::Country),
            get(Column::State),
            address.as_deref(),
            number.as_ref(),
        );
        Ok(ImportedContact {
            external_id: some(get(Column::ExternalId)),
            name,
            email,
            phone,
            address,
            jurisdiction,
            time_zone,
            stage,
            attributes,
            consent,
            do_not_contact,
            account_key,
            stated,
        })
    }

    /// "Street\nCity, State Zip\nCountry", leaving out what is empty.
    fn address<'a>(&self, get: &impl Fn(Column) -> &'a str) -> Option<String> {
        let town = [get(Column::City), get(Column::State)]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let town = [town.as_str(), get(Column::Zip)]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let lines: Vec<&str> = [get(Column::Street), town.as_str(), get(Column::Country)]
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}
