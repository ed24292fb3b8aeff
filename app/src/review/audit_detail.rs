//! One recorded detail of an audit row as a person reads it: people and teams by name instead
//! of their ids (`owner: Riley Rep`, not `owner id: 4`), instants in the reader's zone instead
//! of UTC to the nanosecond, lists joined.

use crate::domain::TimeZone;
use crate::ui::local_datetime;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The names a trail's details may refer to, `(id, name)`.
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'a> {
    pub users: &'a [(i64, String)],
    pub teams: &'a [(i64, String)],
}

/// The keys whose number is a user's id (`from` and `to` of a reassignment).
const PEOPLE: [&str; 7] = [
    "owner_id",
    "user_id",
    "requester_id",
    "reviewer_id",
    "author_id",
    "from",
    "to",
];

/// `key: value` as the page shows it; `None` for an empty value.
pub fn describe(
    key: &str,
    value: &Value,
    zone: TimeZone,
    lookup: Lookup<'_>,
) -> Option<(String, String)> {
    let find = |list: &[(i64, String)], id: i64| {
        list.iter()
            .find(|(k, _)| *k == id)
            .map(|(_, name)| name.clone())
    };
    let named = value.as_i64().and_then(|id| {
        if PEOPLE.contains(&key) {
            find(lookup.users, id)
        } else if key == "team_id" {
            find(lookup.teams, id)
        } else {
            None
        }
    });
    if let Some(name) = named {
        let label = key.strip_suffix("_id").unwrap_or(key);
        return Some((label.to_owned(), name));
    }
    let text = match value {
        Value::Null => return None,
        Value::String(s) => match s.parse::<DateTime<Utc>>() {
            Ok(at) => local_datetime(at, zone),
            Err(_) => s.clone(),
        },
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    Some((key.replace('_', " "), text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(key: &str, value: Value) -> Option<(String, String)> {
        let users = [(4, "Riley Rep".to_owned()), (5, "Max Manager".to_owned())];
        let teams = [(2, "Inside sales".to_owned())];
        let zone = TimeZone::parse("America/New_York").unwrap();
        let lookup = Lookup {
            users: &users,
            teams: &teams,
        };
        describe(key, &value, zone, lookup)
    }

    fn pair(key: &str, value: &str) -> Option<(String, String)> {
        Some((key.to_owned(), value.to_owned()))
    }

    #[test]
    fn people_and_teams_read_by_name() {
        assert_eq!(read("owner_id", json!(4)), pair("owner", "Riley Rep"));
        assert_eq!(read("to", json!(5)), pair("to", "Max Manager"));
        assert_eq!(read("team_id", json!(2)), pair("team", "Inside sales"));
        // An id nobody has stays a number; other ids are not people.
        assert_eq!(read("owner_id", json!(99)), pair("owner id", "99"));
        assert_eq!(read("review_id", json!(4)), pair("review id", "4"));
    }

    #[test]
    fn instants_read_in_the_reader_s_zone() {
        let at = json!("2026-12-19T17:18:22.510495102Z");
        assert_eq!(
            read("expires_at", at),
            pair("expires at", "Sat 19 Dec 12:18")
        );
        assert_eq!(
            read("from", json!("2026-12-07T14:00:00Z")),
            pair("from", "Mon 7 Dec 09:00")
        );
    }

    #[test]
    fn texts_and_lists_read_as_written() {
        assert_eq!(
            read("reason", json!("asked for it")),
            pair("reason", "asked for it")
        );
        let rules = json!(["daily_cap", "min_gap"]);
        assert_eq!(
            read("overridden_rules", rules),
            pair("overridden rules", "daily_cap, min_gap")
        );
        assert_eq!(read("partial", json!(true)), pair("partial", "true"));
        assert_eq!(read("owner_id", Value::Null), None);
    }
}
