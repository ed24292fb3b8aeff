//! A contact as a picker offers it: its id and a label that names it ("Ann Lee ·
//! ann@example.com (#12)"), the label being also what the picker's field sends back.

use crate::domain::ids::ContactId;
use serde::{Deserialize, Serialize};

/// One contact offered by a picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactOption {
    /// Which contact.
    pub id: ContactId,
    /// Its name, email or phone, and number.
    pub label: String,
}

impl ContactOption {
    /// The option for a contact with `name` and, when on file, `detail` (an email or phone).
    pub fn new(id: ContactId, name: &str, detail: Option<&str>) -> ContactOption {
        let label = match detail {
            Some(detail) => format!("{name} · {detail} (#{})", id.0),
            None => format!("{name} (#{})", id.0),
        };
        ContactOption { id, label }
    }

    /// The contact a label (or a bare number) names by its number: "Ann Lee (#12)" or "12".
    pub fn id_in(text: &str) -> Option<ContactId> {
        let text = text.trim();
        let number = match text.strip_suffix(')') {
            Some(rest) => rest.rsplit_once("(#")?.1,
            None => text.strip_prefix('#').unwrap_or(text),
        };
        number.parse().ok().filter(|n: &i64| *n > 0).map(ContactId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_names_its_contact_by_number_and_a_name_does_not() {
        let option = ContactOption::new(ContactId(12), "Ann (Nan) Lee", Some("ann@example.com"));
        assert_eq!(option.label, "Ann (Nan) Lee · ann@example.com (#12)");
        assert_eq!(ContactOption::id_in(&option.label), Some(ContactId(12)));
        assert_eq!(ContactOption::id_in(" 42 "), Some(ContactId(42)));
        assert_eq!(ContactOption::id_in("#42"), Some(ContactId(42)));
        assert_eq!(ContactOption::id_in("Ann Lee"), None);
        assert_eq!(ContactOption::id_in("Ann (Nan)"), None);
        assert_eq!(ContactOption::id_in("0"), None);
    }
}
