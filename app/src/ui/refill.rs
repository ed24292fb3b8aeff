//! What a refused plain form post sent, for the page it goes back to, so that without
//! JavaScript too a refusal loses nothing that was typed (with JavaScript, `ui::enhance` puts
//! the values back itself). For the forms listed in `server/src/routes/refill.rs`, the server
//! keeps the fields of a signed-in user's plain post that the server function refused, the page
//! middleware hands them to the next page, and the form's fields start with them. Shown once;
//! passwords, secrets and tokens are never kept.

use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

/// A refused post: the server function's path and the fields it was sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// The server function's path.
    pub action: String,
    /// The fields sent, in order, without the secret ones.
    pub fields: Vec<(String, String)>,
}

/// Where the server keeps a refused post's fields in the session.
#[cfg(feature = "ssr")]
pub const KEY: &str = "flash.refused";

impl Refused {
    /// Whether a field's value may be kept in the session: never a password, a secret or a
    /// token.
    pub fn keeps(name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        !["password", "secret", "token"]
            .iter()
            .any(|word| name.contains(word))
    }

    /// A refused post to `action` with this url-encoded `body`.
    pub fn from_body(action: &str, body: &[u8]) -> Refused {
        Refused {
            action: action.to_owned(),
            fields: form_urlencoded::parse(body)
                .filter(|(name, _)| Refused::keeps(name))
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect(),
        }
    }

    /// The first value sent under `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// What was sent under `name`, or `otherwise` (the stored value).
    pub fn value_or(&self, name: &str, otherwise: String) -> String {
        self.value(name).map_or(otherwise, str::to_owned)
    }

    /// Whether a box named `name` was ticked (sent at all).
    pub fn ticked(&self, name: &str) -> bool {
        self.value(name).is_some()
    }
}

/// The refused post to `S` this page came back from, if it did (always none in the browser,
/// where the page is already rendered).
pub fn refused<S: ServerFn>() -> Option<Refused> {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        use_context::<axum::http::request::Parts>()?
            .extensions
            .get::<Refused>()
            .filter(|r| r.action == S::PATH)
            .cloned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_post_keeps_what_was_typed_but_no_secret() {
        let body = b"name=Nora+Newfield&email=nora%40example.com&password=hunter2&api_token=t&consent_sms=on&name=again";
        let refused = Refused::from_body("/api/create_contact", body);
        assert_eq!(
            refused.value("name"),
            Some("Nora Newfield"),
            "the first value"
        );
        assert_eq!(refused.value("email"), Some("nora@example.com"));
        assert_eq!(refused.value("password"), None);
        assert_eq!(refused.value("api_token"), None);
        assert!(refused.ticked("consent_sms"));
        assert!(!refused.ticked("consent_email"));
        assert!(!Refused::keeps("New_Password"));
        assert!(Refused::keeps("timezone"));
    }
}
