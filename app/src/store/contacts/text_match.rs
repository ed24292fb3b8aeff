//! How a search text matches a contact, as separate branches: a name prefix, an email prefix
//! (only when the text looks like an address: it has `@` or `.`), an exact phone (only when it
//! has a digit) and an exact external id. The list runs each branch on its own index, in name
//! order, and merges them: an `OR` of them would make the database sort every match (40 000
//! contacts named "Ros…" at a million) to show the first fifty.

use crate::store::db::SqlBuilder;

/// One way a text matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextMatch {
    /// The name starts with the text, ignoring ASCII case.
    NamePrefix,
    /// The email starts with the text, ignoring ASCII case.
    EmailPrefix,
    /// The phone is the text, as written.
    Phone,
    /// The external id is the text, exactly.
    ExternalId,
}

/// The largest character, so that `prefix + MAX` bounds every text starting with `prefix`.
const TEXT_MAX: char = '\u{10FFFF}';

impl TextMatch {
    /// The branches that apply to `text`.
    pub fn branches(text: &str) -> Vec<TextMatch> {
        let mut branches = vec![TextMatch::NamePrefix];
        if text.contains(['@', '.']) {
            branches.push(TextMatch::EmailPrefix);
        }
        if text.chars().any(|c| c.is_ascii_digit()) {
            branches.push(TextMatch::Phone);
        }
        branches.push(TextMatch::ExternalId);
        branches
    }

    /// Appends this branch's condition (no leading `AND`) on `contacts c`.
    pub fn push(self, sql: &mut SqlBuilder, text: &str) {
        // SQLite's lower() folds ASCII only, so the bound prefix is folded the same way.
        let folded = text.to_ascii_lowercase();
        let upper = format!("{folded}{TEXT_MAX}");
        let column = match self {
            TextMatch::NamePrefix => "lower(c.name)",
            TextMatch::EmailPrefix => "lower(c.email)",
            TextMatch::Phone => {
                sql.push("c.phone = ").push_bind(text.to_owned());
                return;
            }
            TextMatch::ExternalId => {
                sql.push("c.external_id = ").push_bind(text.to_owned());
                return;
            }
        };
        sql.push(format_args!("({column} >= "))
            .push_bind(folded)
            .push(format_args!(" AND {column} < "))
            .push_bind(upper)
            .push(")");
    }
}
