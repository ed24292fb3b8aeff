//! The contacts list's filters as they travel in the URL (a GET form), so a search can be
//! bookmarked, shared, paged and exported. Text only: parsing happens on the server.

use leptos_router::params::ParamsMap;
use serde::{Deserialize, Serialize};

/// The URL parameters of a contact search, as typed; empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactFilter {
    /// Any part of the name, email or phone (a prefix below three characters), or an exact
    /// external id.
    #[serde(default)]
    pub q: String,
    /// A stage name.
    #[serde(default)]
    pub stage: String,
    /// `me`, `unowned` or a user id.
    #[serde(default)]
    pub owner: String,
    /// An IANA zone name.
    #[serde(default)]
    pub timezone: String,
    /// `yes` or `no`: email consent.
    #[serde(default)]
    pub consent_email: String,
    /// `yes` or `no`: SMS opt-in.
    #[serde(default)]
    pub consent_sms: String,
    /// `yes` or `no`: phone consent.
    #[serde(default)]
    pub consent_phone: String,
    /// `yes` or `no`: mail consent.
    #[serde(default)]
    pub consent_mail: String,
    /// `yes` or `no`: the do-not-contact flag.
    #[serde(default)]
    pub dnc: String,
}

impl ContactFilter {
    /// The filter's parameter names and values, in form order.
    fn pairs(&self) -> [(&'static str, &str); 9] {
        [
            ("q", &self.q),
            ("stage", &self.stage),
            ("owner", &self.owner),
            ("timezone", &self.timezone),
            ("consent_email", &self.consent_email),
            ("consent_sms", &self.consent_sms),
            ("consent_phone", &self.consent_phone),
            ("consent_mail", &self.consent_mail),
            ("dnc", &self.dnc),
        ]
    }

    /// Reads the filter from a page's query (missing parameters are empty).
    pub fn from_query(query: &ParamsMap) -> ContactFilter {
        let get = |key: &str| query.get(key).unwrap_or_default().trim().to_owned();
        ContactFilter {
            q: get("q"),
            stage: get("stage"),
            owner: get("owner"),
            timezone: get("timezone"),
            consent_email: get("consent_email"),
            consent_sms: get("consent_sms"),
            consent_phone: get("consent_phone"),
            consent_mail: get("consent_mail"),
            dnc: get("dnc"),
        }
    }

    /// `?q=…&stage=…` with only the parameters set, plus `extra` (e.g. a page cursor); empty
    /// when nothing is set.
    pub fn to_query(&self, extra: &[(&'static str, String)]) -> String {
        let mut map = ParamsMap::new();
        for (key, value) in self.pairs() {
            if !value.is_empty() {
                map.insert(key, value.to_owned());
            }
        }
        for (key, value) in extra {
            map.insert(*key, value.clone());
        }
        map.to_query_string()
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.pairs().iter().all(|(_, value)| value.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_keeps_only_what_is_set_and_round_trips() {
        let filter = ContactFilter {
            q: "dana r".into(),
            stage: "lead".into(),
            consent_sms: "no".into(),
            ..ContactFilter::default()
        };
        let query = filter.to_query(&[("after", "12".into())]);
        assert!(query.starts_with('?'));
        assert!(!query.contains("owner"));
        let decode = |text: &str| {
            let mut out = Vec::new();
            let mut bytes = text.bytes();
            while let Some(b) = bytes.next() {
                match b {
                    b'%' => {
                        let hex: String = [bytes.next().unwrap(), bytes.next().unwrap()]
                            .iter()
                            .map(|b| *b as char)
                            .collect();
                        out.push(u8::from_str_radix(&hex, 16).unwrap());
                    }
                    b'+' => out.push(b' '),
                    b => out.push(b),
                }
            }
            String::from_utf8(out).unwrap()
        };
        let parsed: ParamsMap = query[1..]
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (decode(k), decode(v))
            })
            .collect();
        assert_eq!(ContactFilter::from_query(&parsed), filter);
        assert_eq!(parsed.get("after").as_deref(), Some("12"));
        assert!(ContactFilter::default().is_empty());
        assert_eq!(ContactFilter::default().to_query(&[]), "");
    }
}
