//! The header row: which column of a CRM export (HubSpot, Salesforce, a spreadsheet) or of
//! Concord's own export means what. Names match ignoring case, blanks, `_` and `-`.

use thiserror::Error;

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The whole name ("Name", "Full Name").
    Name,
    /// "First Name".
    FirstName,
    /// "Last Name".
    LastName,
    /// "Email", "Email Address".
    Email,
    /// "Phone", "Phone Number".
    Phone,
    /// "Mobile": used when the row has no other phone.
    Mobile,
    /// "Street", "Address": the first address line(s).
    Street,
    /// "City".
    City,
    /// "State", "Region".
    State,
    /// "Zip", "Postal Code".
    Zip,
    /// "Country".
    Country,
    /// "Time Zone", "Timezone".
    TimeZone,
    /// "Lifecycle Stage", "Stage".
    Stage,
    /// "External ID", "Record ID".
    ExternalId,
    /// "consent_email", "Email Opt In".
    ConsentEmail,
    /// "consent_sms", "SMS Opt In".
    ConsentSms,
    /// "consent_phone".
    ConsentPhone,
    /// "consent_mail".
    ConsentMail,
    /// "Email Opt Out", "Unsubscribed": the opposite of email consent.
    EmailOptOut,
    /// "Do Not Call": the opposite of phone consent.
    DoNotCall,
    /// "do_not_contact", "DNC".
    DoNotContact,
    /// "account_key", "Household".
    AccountKey,
    /// `attr:<key>`: a free attribute.
    Attribute(String),
}

const ALIASES: &[(&str, Column)] = &[
    ("name", Column::Name),
    ("fullname", Column::Name),
    ("contactname", Column::Name),
    ("firstname", Column::FirstName),
    ("givenname", Column::FirstName),
    ("lastname", Column::LastName),
    ("surname", Column::LastName),
    ("familyname", Column::LastName),
    ("email", Column::Email),
    ("emailaddress", Column::Email),
    ("phone", Column::Phone),
    ("phonenumber", Column::Phone),
    ("telephone", Column::Phone),
    ("mobile", Column::Mobile),
    ("mobilephone", Column::Mobile),
    ("mobilephonenumber", Column::Mobile),
    ("cellphone", Column::Mobile),
    ("street", Column::Street),
    ("streetaddress", Column::Street),
    ("address", Column::Street),
    ("city", Column::City),
    ("state", Column::State),
    ("region", Column::State),
    ("stateregion", Column::State),
    ("state/region", Column::State),
    ("province", Column::State),
    ("zip", Column::Zip),
    ("zipcode", Column::Zip),
    ("postalcode", Column::Zip),
    ("postcode", Column::Zip),
    ("country", Column::Country),
    ("timezone", Column::TimeZone),
    ("tz", Column::TimeZone),
    ("stage", Column::Stage),
    ("lifecyclestage", Column::Stage),
    ("externalid", Column::ExternalId),
    ("recordid", Column::ExternalId),
    ("consentemail", Column::ConsentEmail),
    ("emailoptin", Column::ConsentEmail),
    ("consentsms", Column::ConsentSms),
    ("smsoptin", Column::ConsentSms),
    ("consentphone", Column::ConsentPhone),
    ("consentmail", Column::ConsentMail),
    ("emailoptout", Column::EmailOptOut),
    ("unsubscribed", Column::EmailOptOut),
    ("donotcall", Column::DoNotCall),
    ("donotcontact", Column::DoNotContact),
    ("dnc", Column::DoNotContact),
    ("accountkey", Column::AccountKey),
    ("household", Column::AccountKey),
];

impl Column {
    /// What a header names, or `None` for a column Concord does not read (it is ignored).
    pub fn from_header(header: &str) -> Option<Column> {
        let header = header.trim().trim_start_matches('\u{feff}');
        if let Some(key) = header.strip_prefix("attr:") {
            let key = key.trim();
            return (!key.is_empty()).then(|| Column::Attribute(key.to_owned()));
        }
        let folded: String = header
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == folded)
            .map(|(_, column)| column.clone())
    }
}

/// A header row that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HeaderError {
    /// Two headers mean the same thing, e.g. "Email" and "Email Address".
    #[error("the columns {first:?} and {second:?} mean the same thing; keep one")]
    Duplicate {
        /// The first header.
        first: String,
        /// The second one.
        second: String,
    },
    /// No column gives a name.
    #[error("no name column: expected \"Name\", \"Full Name\" or \"First Name\"/\"Last Name\"")]
    NoName,
}

/// How many kinds of column there are besides attributes.
pub(super) const SLOTS: usize = 22;

impl Column {
    /// A dense index for every kind but `Attribute` (which has none).
    pub(super) fn slot(&self) -> Option<usize> {
        use Column::*;
        let all = [
            Name,
            FirstName,
            LastName,
            Email,
            Phone,
            Mobile,
            Street,
            City,
            State,
            Zip,
            Country,
            TimeZone,
            Stage,
            ExternalId,
            ConsentEmail,
            ConsentSms,
            ConsentPhone,
            ConsentMail,
            EmailOptOut,
            DoNotCall,
            DoNotContact,
            AccountKey,
        ];
        all.iter().position(|c| c == self)
    }
}

/// The meaning of each column of a file, by position.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    /// Per position: what the column holds, if Concord reads it.
    pub(super) by_position: Vec<Option<Column>>,
    /// Per kind of column ([`Column::slot`]): its position in the row.
    pub(super) slots: [Option<usize>; SLOTS],
    /// The headers Concord does not read, as written.
    pub ignored: Vec<String>,
}

impl Columns {
    /// Reads a header row.
    pub fn from_headers<'a>(
        headers: impl IntoIterator<Item = &'a str>,
    ) -> Result<Columns, HeaderError> {
        let mut seen: Vec<(Column, String)> = Vec::new();
        let mut by_position = Vec::new();
        let mut ignored = Vec::new();
        let mut slots = [None; SLOTS];
        for (position, header) in headers.into_iter().enumerate() {
            let column = Column::from_header(header);
            match &column {
                Some(column) => {
                    if let Some((_, first)) = seen.iter().find(|(c, _)| c == column) {
                        return Err(HeaderError::Duplicate {
                            first: first.clone(),
                            second: header.to_owned(),
                        });
                    }
                    seen.push((column.clone(), header.to_owned()));
                    if let Some(slot) = column.slot() {
                        slots[slot] = Some(position);
                    }
                }
                None if header.trim().is_empty() => {}
                None => ignored.push(header.to_owned()),
            }
            by_position.push(column);
        }
        let names = [Column::Name, Column::FirstName, Column::LastName];
        if !seen.iter().any(|(c, _)| names.contains(c)) {
            return Err(HeaderError::NoName);
        }
        Ok(Columns {
            by_position,
            slots,
            ignored,
        })
    }

    /// How many columns the header has (every row must have as many).
    pub fn len(&self) -> usize {
        self.by_position.len()
    }

    /// Whether the header has no column at all.
    pub fn is_empty(&self) -> bool {
        self.by_position.is_empty()
    }
}
