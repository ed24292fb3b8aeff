//! One contact as a CSV record, with exactly the columns the import reads, so an export
//! imports again as it is (attributes as `attr:<key>` columns).

use app::domain::import::formula;
use app::store::rows::ContactRow;
use std::collections::{BTreeMap, BTreeSet};

/// The fixed columns, by the names the import knows them by.
pub const COLUMNS: [&str; 13] = [
    "external_id",
    "name",
    "email",
    "phone",
    "address",
    "timezone",
    "stage",
    "consent_email",
    "consent_sms",
    "consent_phone",
    "consent_mail",
    "do_not_contact",
    "account_key",
];

/// The header: the fixed columns, then one `attr:<key>` per attribute key.
pub fn header(keys: &BTreeSet<String>) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(keys.iter().map(|k| format!("attr:{k}")))
        .collect()
}

/// The contact's attributes (an unreadable column reads as none).
pub fn attributes(row: &ContactRow) -> BTreeMap<String, String> {
    serde_json::from_str(&row.attributes).unwrap_or_default()
}

/// The record of `row` under [`header`]`(keys)`; a cell a spreadsheet would run as a formula
/// is written as text (behind a `'`, which the import takes off again).
pub fn record(row: &ContactRow, keys: &BTreeSet<String>) -> Vec<String> {
    let flag = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    let mut attributes = attributes(row);
    let mut cells = vec![
        text(&row.external_id),
        row.name.clone(),
        text(&row.email),
        text(&row.phone),
        text(&row.address),
        row.timezone.clone(),
        row.stage.clone(),
        flag(row.consent_email),
        flag(row.consent_sms),
        flag(row.consent_phone),
        flag(row.consent_mail),
        flag(row.do_not_contact),
        text(&row.account_key),
    ];
    cells.extend(
        keys.iter()
            .map(|k| attributes.remove(k).unwrap_or_default()),
    );
    cells.into_iter().map(formula::escape).collect()
}
