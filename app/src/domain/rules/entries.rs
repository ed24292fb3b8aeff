//! Rules as rows: one `(id, JSON)` entry per rule, alert and setting, so the store can keep a
//! table with one row per rule that an admin edits.

use super::{Rules, RulesError};
use serde_json::{Map, Value};

impl Rules {
    /// One entry per rule, alert and setting, keyed by its stable id, e.g.
    /// `("daily_cap", {"enabled": true, "severity": "block", "params": {...}})`.
    pub fn entries(&self) -> Vec<(String, Value)> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map.into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Builds a rule set from entries (ids missing take DESIGN's defaults), refusing unknown
    /// ids, malformed entries and invalid parameters.
    pub fn from_entries<I>(entries: I) -> Result<Rules, RulesError>
    where
        I: IntoIterator<Item = (String, Value)>,
    {
        let mut map: Map<String, Value> = Rules::default().entries().into_iter().collect();
        for (id, value) in entries {
            if !map.contains_key(&id) {
                return Err(RulesError::UnknownRule(id));
            }
            map.insert(id.clone(), value);
            serde_json::from_value::<Rules>(Value::Object(map.clone())).map_err(|error| {
                RulesError::Malformed {
                    rule: id,
                    message: error.to_string(),
                }
            })?;
        }
        let rules: Rules =
            serde_json::from_value(Value::Object(map)).map_err(|error| RulesError::Malformed {
                rule: String::new(),
                message: error.to_string(),
            })?;
        rules.validate()?;
        Ok(rules)
    }

    /// Parses a whole rule set stored as one JSON document and validates it.
    pub fn from_json(text: &str) -> Result<Rules, RulesError> {
        let rules: Rules = serde_json::from_str(text).map_err(|error| RulesError::Malformed {
            rule: String::new(),
            message: error.to_string(),
        })?;
        rules.validate()?;
        Ok(rules)
    }
}
