//! Suppression lists: a do-not-call registry extract or a company's own suppression file,
//! dated, for phone numbers (calls and texts) or email addresses. A number or address on a list
//! in force is blocked for the list's channels by the `consent` rule; a registry extract older
//! than the law allows (31 days for the US and Canadian registries) raises a warning until a
//! fresh one replaces it.

use crate::domain::label::{check_label, LabelFault};
use crate::domain::str_enum::str_enum;
use crate::domain::vocabulary::Channel;
use crate::domain::EmailAddress;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// How old a registry extract may be (16 CFR 310.4(b)(3)(iv); CRTC Unsolicited
/// Telecommunications Rules, Part II).
pub const REGISTRY_DAYS: i64 = 31;

str_enum! {
    /// Where a list comes from.
    pub enum ListKind ("list kind") {
        /// A national do-not-call registry extract (dated; stale after 31 days).
        Registry = "registry",
        /// The company's own suppression file.
        Company = "company",
    }
}

/// A list's description, parsed and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListMeta {
    /// What people read, e.g. `US DNC extract`.
    pub name: String,
    /// Registry or company.
    pub kind: ListKind,
    /// The channels it blocks: `email`, or some of `sms` and `phone`.
    pub channels: BTreeSet<Channel>,
    /// The day the extract was taken.
    pub list_date: NaiveDate,
}

/// Why a list was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// A bad field.
    #[error("{0}: {1}")]
    Field(&'static str, String),
}

fn field(name: &'static str, message: impl Into<String>) -> ListError {
    ListError::Field(name, message.into())
}

impl ListMeta {
    /// Parses the fields as sent (`channels` comma-separated); the date may not be after
    /// `today`.
    pub fn parse(
        name: &str,
        kind: &str,
        channels: &str,
        list_date: &str,
        today: NaiveDate,
    ) -> Result<ListMeta, ListError> {
        let name = check_label(name).map_err(|fault| {
            field(
                "name",
                match fault {
                    LabelFault::Control => {
                        "the name cannot contain tabs, line breaks or other control characters"
                    }
                    _ => "give the list a name of at most 100 characters",
                },
            )
        })?;
        let kind = ListKind::parse(kind.trim()).map_err(|e| field("kind", e.to_string()))?;
        let channels = channels
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| Channel::parse(c).map_err(|e| field("channels", e.to_string())))
            .collect::<Result<BTreeSet<_>, _>>()?;
        let email = channels.contains(&Channel::Email);
        if channels.is_empty() || channels.contains(&Channel::Mail) || (email && channels.len() > 1)
        {
            return Err(field(
                "channels",
                "a list holds phone numbers (for phone and/or sms) or email addresses (email)",
            ));
        }
        let list_date = NaiveDate::parse_from_str(list_date.trim(), "%Y-%m-%d").map_err(|_| {
            field(
                "list_date",
                "expected the extract's date, such as 2026-12-01",
            )
        })?;
        if list_date > today {
            return Err(field(
                "list_date",
                "the extract's date cannot be in the future",
            ));
        }
        Ok(ListMeta {
            name: name.to_owned(),
            kind,
            channels,
            list_date,
        })
    }

    /// Whether the list holds email addresses (else phone numbers).
    pub fn is_email(&self) -> bool {
        self.channels.contains(&Channel::Email)
    }
}

/// The channels as a bit set, as the store keeps them on a list and a contact.
pub fn mask(channels: &BTreeSet<Channel>) -> u8 {
    channels.iter().fold(0, |m, c| m | 1 << c.index())
}

/// The channels of a bit set.
pub fn channels_of(mask: i64) -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|c| mask & (1 << c.index()) != 0)
        .collect()
}

/// The keys one line of a list stands for: an email address in lower case; a phone number's
/// digits, and for a North American number both with and without its country code (registries
/// write 10 digits, contacts often `+1 …`). `Ok(None)` for a blank line, a comment or a header.
pub fn entry_keys(line: &str, email: bool) -> Result<Option<Vec<String>>, String> {
    let first = line.split([',', ';', '\t']).next().unwrap_or("");
    let value = first.trim().trim_matches('"').trim();
    if value.is_empty() || value.starts_with('#') {
        return Ok(None);
    }
    let lower = value.to_ascii_lowercase();
    if [
        "phone",
        "number",
        "phone number",
        "email",
        "email address",
        "value",
        "telephone",
    ]
    .contains(&lower.as_str())
    {
        return Ok(None);
    }
    if email {
        let address = EmailAddress::parse(value).map_err(|e| e.to_string())?;
        return Ok(Some(vec![address.as_str().to_ascii_lowercase()]));
    }
    let body = value.strip_prefix('+').unwrap_or(value);
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || " .-()".contains(c)))
    {
        return Err(format!("{value:?} is not a phone number"));
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if !(5..=20).contains(&digits.len()) {
        return Err(format!("{value:?} is not a phone number (5 to 20 digits)"));
    }
    Ok(Some(match digits.len() {
        10 => vec![format!("1{digits}"), digits],
        11 if digits.starts_with('1') => vec![digits[1..].to_owned(), digits],
        _ => vec![digits],
    }))
}

/// The warning a list in force deserves on `today`: a registry extract older than the law
/// allows.
pub fn stale_warning(kind: ListKind, list_date: NaiveDate, today: NaiveDate) -> Option<String> {
    let age = (today - list_date).num_days();
    (kind == ListKind::Registry && age > REGISTRY_DAYS).then(|| {
        format!(
            "This registry extract is {age} days old; the US and Canadian rules allow at most {REGISTRY_DAYS}. Import a fresh extract and remove this one."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn lists_are_for_numbers_or_addresses_and_not_from_the_future() {
        let today = day("2026-12-05");
        let list =
            ListMeta::parse("US DNC", "registry", "phone, sms", "2026-12-01", today).unwrap();
        assert_eq!(mask(&list.channels), 0b0110);
        assert!(!list.is_email());
        assert!(ListMeta::parse("x", "registry", "phone,email", "2026-12-01", today).is_err());
        assert!(ListMeta::parse("x", "registry", "mail", "2026-12-01", today).is_err());
        assert!(ListMeta::parse("x", "registry", "phone", "2026-12-06", today).is_err());
        assert!(ListMeta::parse(" ", "company", "email", "2026-12-01", today).is_err());
        let two_lines = ListMeta::parse("US\nDNC", "company", "email", "2026-12-01", today);
        assert!(two_lines.unwrap_err().to_string().contains("line breaks"));
        assert_eq!(channels_of(0b0110), vec![Channel::Sms, Channel::Phone]);
    }

    #[test]
    fn lines_become_keys_and_bad_lines_say_why() {
        assert_eq!(entry_keys("phone", false), Ok(None));
        assert_eq!(entry_keys("  ", false), Ok(None));
        assert_eq!(
            entry_keys("\"(213) 555-8281\",2026-11-30", false),
            Ok(Some(vec!["12135558281".into(), "2135558281".into()]))
        );
        assert_eq!(
            entry_keys("+1 213 555 8281", false),
            Ok(Some(vec!["2135558281".into(), "12135558281".into()]))
        );
        assert_eq!(
            entry_keys("+33 6 12 34 56 78", false),
            Ok(Some(vec!["33612345678".into()]))
        );
        assert!(entry_keys("call me", false).is_err());
        assert_eq!(
            entry_keys("Dana@Example.COM", true),
            Ok(Some(vec!["dana@example.com".into()]))
        );
        assert!(entry_keys("not-an-address", true).is_err());
    }

    #[test]
    fn a_registry_extract_goes_stale_after_31_days() {
        let taken = day("2026-11-01");
        assert_eq!(
            stale_warning(ListKind::Registry, taken, day("2026-12-02")),
            None
        );
        assert!(stale_warning(ListKind::Registry, taken, day("2026-12-03")).is_some());
        assert_eq!(
            stale_warning(ListKind::Company, taken, day("2027-12-03")),
            None
        );
    }
}
