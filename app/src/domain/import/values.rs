//! Reading single cells: yes/no flags, lifecycle stages as CRMs name them, phone numbers.

use crate::domain::vocabulary::Stage;

/// Removes case, blanks, `_` and `-`, so "Marketing Qualified Lead" and "marketing_qualified_lead"
/// read the same.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A yes/no cell: `Ok(None)` when empty, `Err(())` when it is neither.
pub(super) fn flag(text: &str) -> Result<Option<bool>, ()> {
    match fold(text).as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "t" | "1" | "x" | "on" | "optedin" | "optin" | "subscribed" => {
            Ok(Some(true))
        }
        "no" | "n" | "false" | "f" | "0" | "off" | "optedout" | "optout" | "unsubscribed" => {
            Ok(Some(false))
        }
        _ => Err(()),
    }
}

/// A lifecycle stage, by Concord's names or common CRM ones (HubSpot's "Subscriber",
/// "Marketing Qualified Lead", "Evangelist", ...); `Ok(None)` when empty.
pub(super) fn stage(text: &str) -> Result<Option<Stage>, ()> {
    let stage = match fold(text).as_str() {
        "" => return Ok(None),
        "prospect" | "subscriber" | "visitor" => Stage::Prospect,
        "lead" | "mql" | "sql" | "marketingqualifiedlead" | "salesqualifiedlead" => Stage::Lead,
        "opportunity" | "opp" | "deal" => Stage::Opportunity,
        "customer" | "client" | "evangelist" => Stage::Customer,
        "former" | "formercustomer" | "churned" | "lapsed" => Stage::Former,
        _ => return Err(()),
    };
    Ok(Some(stage))
}

/// A phone number: digits with the usual punctuation (`+ ( ) - . /` and blanks), 7 to 15 digits.
pub(super) fn phone(text: &str) -> Result<(), &'static str> {
    let punctuation_ok = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-./".contains(c));
    if !punctuation_ok {
        return Err("only digits, blanks and + ( ) - . / are allowed");
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return Err("a phone number has 7 to 15 digits");
    }
    Ok(())
}
