//! A rule entry as form fields and back: each parameter becomes one text field (numbers, words,
//! comma-separated lists, `key: values; key: values` maps), and the posted text becomes the
//! entry again, with the same JSON shape, for the domain to validate.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One editable parameter of a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamField {
    /// The parameter's name, e.g. `limit`.
    pub name: String,
    /// Its current value as text, e.g. `2`, `24h`, `sms, phone`, `phone: Sun`.
    pub value: String,
    /// Whether it is a whole number (shown as a number input).
    pub numeric: bool,
}

/// The parameters an entry keeps: under `params` for rules and alerts, at the top level for
/// settings such as `mail_in_home`.
fn params(entry: &Value) -> Option<&Map<String, Value>> {
    let object = entry.as_object()?;
    match object.get("params") {
        Some(Value::Object(p)) => Some(p),
        _ => Some(object),
    }
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(as_text).collect::<Vec<_>>().join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", as_text(v).replace(", ", " ")))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The entry's parameters as form fields, in [`FIELD_ORDER`](super::about::FIELD_ORDER).
pub fn fields(entry: &Value) -> Vec<ParamField> {
    let mut fields: Vec<ParamField> = params(entry)
        .map(|p| {
            p.iter()
                .filter(|(name, _)| *name != "enabled" && *name != "severity")
                .map(|(name, value)| ParamField {
                    name: name.clone(),
                    value: as_text(value),
                    numeric: value.is_number(),
                })
                .collect()
        })
        .unwrap_or_default();
    fields.sort_by_key(|f| super::about::rank(&super::about::FIELD_ORDER, &f.name));
    fields
}

fn words(text: &str) -> Vec<Value> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| Value::String(w.to_owned()))
        .collect()
}

fn parse_as(rule: &str, name: &str, old: &Value, text: &str) -> Result<Value, String> {
    let text = text.trim();
    Ok(match old {
        Value::Number(_) => text.parse::<u32>().map(Value::from).map_err(|_| {
            format!("{rule}, {name}: enter a whole number of 0 or more (got {text:?})")
        })?,
        Value::Array(_) => Value::Array(words(text)),
        Value::Object(_) => {
            let mut map = Map::new();
            for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let (key, values) = part.split_once(':').ok_or_else(|| {
                    format!("{rule}, {name}: write each entry as \"channel: days\", e.g. \"phone: Sun\"")
                })?;
                map.insert(key.trim().to_owned(), Value::Array(words(values)));
            }
            Value::Object(map)
        }
        _ => Value::String(text.to_owned()),
    })
}

/// The entry with the posted values: `enabled` and `severity` where the entry has them, and
/// every posted parameter parsed to the shape it had. Fields not posted keep their value.
pub fn apply(
    rule: &str,
    entry: &Value,
    enabled: bool,
    severity: Option<&str>,
    posted: &HashMap<String, String>,
) -> Result<Value, String> {
    let mut entry = entry.clone();
    let Some(object) = entry.as_object_mut() else {
        return Err(format!("{rule}: not an editable rule"));
    };
    if object.contains_key("enabled") {
        object.insert("enabled".into(), Value::Bool(enabled));
    }
    if let (true, Some(severity)) = (object.contains_key("severity"), severity) {
        object.insert("severity".into(), Value::String(severity.to_owned()));
    }
    let target = match object.get_mut("params") {
        Some(Value::Object(p)) => p,
        _ => object,
    };
    for (name, text) in posted {
        let Some(old) = target.get(name) else {
            return Err(format!("{rule}: there is no parameter {name:?}"));
        };
        let new = parse_as(rule, name, old, text)?;
        target.insert(name.clone(), new);
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rules;

    fn entry(id: &str) -> Value {
        Rules::default()
            .entries()
            .into_iter()
            .find(|(k, _)| k == id)
            .unwrap()
            .1
    }

    #[test]
    fn fields_show_each_parameter_as_text() {
        let f = fields(&entry("daily_cap"));
        assert_eq!(f[0].name, "limit");
        assert_eq!((f[0].value.as_str(), f[0].numeric), ("2", true));
        assert_eq!((f[1].name.as_str(), f[1].value.as_str()), ("window", "24h"));
        let quiet = fields(&entry("quiet_hours"));
        let text = |n: &str| quiet.iter().find(|f| f.name == n).unwrap().value.clone();
        assert_eq!(text("channels"), "sms, phone");
        assert_eq!(text("closed_days"), "phone: Sun");
        assert_eq!(fields(&entry("claims"))[0].name, "claim_days");
    }

    #[test]
    fn posted_text_becomes_the_entry_and_round_trips() {
        let posted = HashMap::from([
            ("limit".to_owned(), " 3 ".to_owned()),
            ("window".to_owned(), "2d".to_owned()),
        ]);
        let new = apply(
            "daily_cap",
            &entry("daily_cap"),
            false,
            Some("warn"),
            &posted,
        )
        .unwrap();
        assert_eq!(new["params"]["limit"], 3);
        assert_eq!(new["params"]["window"], "2d");
        assert_eq!(
            (new["enabled"].clone(), new["severity"].clone()),
            (false.into(), "warn".into())
        );

        let posted = HashMap::from([(
            "closed_days".to_owned(),
            "phone: Sun Sat; sms: Sun".to_owned(),
        )]);
        let new = apply("quiet_hours", &entry("quiet_hours"), true, None, &posted).unwrap();
        assert_eq!(
            new["params"]["closed_days"]["phone"],
            serde_json::json!(["Sun", "Sat"])
        );
        let rules = Rules::from_entries([("quiet_hours".to_owned(), new)]).unwrap();
        assert_eq!(rules.quiet_hours.params.closed_days.len(), 2);
    }

    #[test]
    fn text_that_is_not_a_number_is_refused_naming_the_rule_and_field() {
        let posted = HashMap::from([("limit".to_owned(), "two".to_owned())]);
        let err = apply("daily_cap", &entry("daily_cap"), true, None, &posted).unwrap_err();
        assert!(err.starts_with("daily_cap, limit:"), "{err}");
        let posted = HashMap::from([("colour".to_owned(), "red".to_owned())]);
        assert!(apply("daily_cap", &entry("daily_cap"), true, None, &posted).is_err());
    }
}
