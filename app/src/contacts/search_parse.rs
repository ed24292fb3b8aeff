//! From the URL's text filters to the store's [`ContactSearch`], refusing a bad value with the
//! name of its field (an unknown zone, a stage that does not exist).

use super::filter::ContactFilter;
use crate::auth::CurrentUser;
use crate::domain::ids::UserId;
use crate::domain::{Channel, FieldError, Stage, TimeZone};
use crate::store::contacts::{ContactSearch, OwnerFilter};

/// The longest search text: longer than any name, address or number, and short enough that
/// its trigram query stays small.
pub const MAX_TEXT: usize = 200;

/// Parses a `yes`/`no` filter; empty means either.
fn yes_no(field: &str, text: &str) -> Result<Option<bool>, FieldError> {
    match text {
        "" => Ok(None),
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        _ => Err(FieldError::new(field, "choose yes, no or either")),
    }
}

/// The search the filter means for `user` (`owner=me` is their own contacts).
pub fn parse_search(
    filter: &ContactFilter,
    user: &CurrentUser,
) -> Result<ContactSearch, FieldError> {
    let owner = match filter.owner.as_str() {
        "" => OwnerFilter::Any,
        "me" => OwnerFilter::User(user.id),
        "unowned" => OwnerFilter::Unowned,
        id => OwnerFilter::User(UserId(id.parse().map_err(|_| {
            FieldError::new("owner", "choose anyone, me, unowned or a user id")
        })?)),
    };
    let stage = match filter.stage.as_str() {
        "" => None,
        text => Some(Stage::parse(text).map_err(|e| FieldError::new("stage", e))?),
    };
    let time_zone = match filter.timezone.as_str() {
        "" => None,
        text => Some(TimeZone::parse(text).map_err(|e| FieldError::new("timezone", e))?),
    };
    let mut consent = Vec::new();
    for (channel, field, text) in [
        (Channel::Email, "consent_email", &filter.consent_email),
        (Channel::Sms, "consent_sms", &filter.consent_sms),
        (Channel::Phone, "consent_phone", &filter.consent_phone),
        (Channel::Mail, "consent_mail", &filter.consent_mail),
    ] {
        if let Some(given) = yes_no(field, text)? {
            consent.push((channel, given));
        }
    }
    let text = filter.q.trim().to_owned();
    if text.chars().count() > MAX_TEXT {
        return Err(FieldError::new(
            "q",
            format!("a search is at most {MAX_TEXT} characters"),
        ));
    }
    Ok(ContactSearch {
        text: (!text.is_empty()).then_some(text),
        stage,
        owner,
        time_zone,
        consent,
        do_not_contact: yes_no("dnc", &filter.dnc)?,
    })
}
