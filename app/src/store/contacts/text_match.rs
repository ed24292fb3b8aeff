//! How a search text matches a contact, as separate branches: a name prefix, an email prefix
//! (only when the text looks like an address: it has `@` or `.`), an exact phone (only when it
//! has a digit), an exact external id, and any part of the name, email or phone (only when the
//! text has three characters or more). The list runs each branch on its own index, in name
//! order, and merges them: an `OR` of them would make the database sort every match (40 000
//! contacts named "Ros…" at a million) to show the first fifty.

use super::substring::Substring;
use super::text_index::{self, Reach};
use crate::store::db::SqlBuilder;

/// One way a text matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextMatch {
    /// The name starts with the text, ignoring ASCII case.
    NamePrefix,
    /// The email starts with the text, ignoring ASCII case.
    EmailPrefix,
    /// The phone is the text, as written.
    Phone,
    /// The external id is the text, exactly.
    ExternalId,
    /// The name or email holds the text, ignoring ASCII case, or the phone holds its digits;
    /// reached as the engine's trigram index says.
    Contains(Reach),
}

/// The largest character, so that `prefix + MAX` bounds every text starting with `prefix`.
const TEXT_MAX: char = '\u{10FFFF}';

impl TextMatch {
    /// The branches that apply to `text`, any part of it reached by `reach`.
    pub fn branches(text: &str, reach: Reach) -> Vec<TextMatch> {
        let mut branches = vec![TextMatch::NamePrefix];
        if text.contains(['@', '.']) {
            branches.push(TextMatch::EmailPrefix);
        }
        if text.chars().any(|c| c.is_ascii_digit()) {
            branches.push(TextMatch::Phone);
        }
        branches.push(TextMatch::ExternalId);
        if Substring::of(text).is_some() {
            branches.push(TextMatch::Contains(reach));
        }
        branches
    }

    /// Appends this branch's condition (no leading `AND`) on `contacts c`.
    pub fn push(&self, sql: &mut SqlBuilder, text: &str) {
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
            TextMatch::Contains(reach) => {
                // `branches` adds this branch only for a text long enough to have a part.
                let Some(part) = Substring::of(text) else {
                    sql.push("1 = 0");
                    return;
                };
                sql.push("(");
                part.push_match(sql);
                if let Reach::Indexed(candidates) = reach {
                    text_index::push_candidates(sql, candidates);
                }
                sql.push(")");
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
