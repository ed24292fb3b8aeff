//! The form enhancer's decisions, apart from the browser so that they can be tested: which
//! posts it sends itself, what it does with an answer, the address it leaves in the location
//! bar, and how a refused form gets back what was typed. `browser.rs` reads the page into
//! these plain values and carries out what they say.

/// Whether the enhancer sends a post itself: a url-encoded `method="post"` into this window.
/// The arguments are the effective `method`, `enctype` and `target` (the pressed button's
/// `formmethod`… over the form's), in any case; a file upload, a GET or a new window is left
/// to the browser.
pub fn sends(method: &str, enctype: &str, target: &str) -> bool {
    method.eq_ignore_ascii_case("post")
        && (enctype.is_empty() || enctype.eq_ignore_ascii_case("application/x-www-form-urlencoded"))
        && (target.is_empty() || target.eq_ignore_ascii_case("_self"))
}

/// What to do with the answer to a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// An error answer (a 4xx or 5xx page): show it as the browser would.
    ShowError,
    /// Another page, or one without a `<main>`: load it as a page.
    Load,
    /// This page again: put its `<main>` in place of this one's.
    Swap,
}

/// The step for an answer: whether it succeeded, whether both it and this page have a
/// `<main>`, and the paths of the answer's address and of this page.
pub fn step(ok: bool, both_have_main: bool, answer_path: &str, here_path: &str) -> Step {
    if !ok {
        Step::ShowError
    } else if !both_have_main || answer_path != here_path {
        Step::Load
    } else {
        Step::Swap
    }
}

/// The query parameters a server function's redirect adds for its own use (which form was
/// refused, and why): left out of the address shown after a swap.
const INTERNAL: [&str; 2] = ["__path", "__err"];

/// Whether a query parameter stays in the address shown after a swap.
pub fn shown(name: &str) -> bool {
    !INTERNAL.contains(&name)
}

/// Whether the answer's query says the post was refused, so the form gets its values back.
pub fn refused<'a>(mut names: impl Iterator<Item = &'a str>) -> bool {
    names.any(|n| n == "__err")
}

/// The address to show: the path, and the encoded query when there is one.
pub fn address(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// A sent form: its `action` attribute and the fields it sent, in order.
#[derive(Clone, Debug, Default)]
pub struct Sent {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

impl Sent {
    /// Every value sent under `name`, in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// A form on the answered page, as far as finding the refused one goes.
#[derive(Clone, Debug, Default)]
pub struct FormFacts {
    pub action: String,
    /// Its hidden fields' names and values (a row's id, say).
    pub hidden: Vec<(String, String)>,
}

/// Which of the answered page's forms is the one that was sent: the first with the same
/// `action` whose hidden fields all agree with what was sent (a hidden field that was not sent
/// agrees with anything). So on a page with one form per row the right row's form is refilled.
pub fn refused_form(forms: &[FormFacts], sent: &Sent) -> Option<usize> {
    forms.iter().position(|form| {
        form.action == sent.action
            && form.hidden.iter().all(|(name, value)| {
                let sent = sent.values(name);
                sent.is_empty() || sent.contains(&value.as_str())
            })
    })
}

/// A field of the refused form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    /// An `<input>` of this `type`, with its own `value` (what a box or a radio sends).
    Input {
        kind: &'a str,
        value: &'a str,
    },
    Select,
    TextArea,
}

/// What to do to one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refill {
    /// Leave it as the answer has it.
    Keep,
    /// Tick a box or a radio, or clear it.
    Check(bool),
    /// Put this value in it.
    Set(String),
}

/// How a field is refilled from what was sent under its name. Hidden fields and buttons keep
/// the answer's values, a password and a file are never put back, a disabled field is left
/// alone (a disabled box sends nothing), a box is ticked when its value was sent, and a select keeps its choice if nothing
/// was sent for it (a disabled select sends nothing).
pub fn refill(field: Field<'_>, disabled: bool, sent: &[&str]) -> Refill {
    let first = || sent.first().copied().unwrap_or_default().to_owned();
    match field {
        Field::Input { .. } | Field::TextArea if disabled => Refill::Keep,
        Field::Input { kind, value } => match kind.to_ascii_lowercase().as_str() {
            "hidden" | "submit" | "button" | "file" | "password" | "image" | "reset" => {
                Refill::Keep
            }
            "checkbox" | "radio" => Refill::Check(sent.contains(&value)),
            _ => Refill::Set(first()),
        },
        Field::Select if sent.is_empty() => Refill::Keep,
        Field::Select => Refill::Set(first()),
        Field::TextArea => Refill::Set(first()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_posts_into_this_window_are_sent() {
        assert!(sends("post", "", ""));
        assert!(sends("POST", "application/x-www-form-urlencoded", "_self"));
        assert!(!sends("get", "", ""), "a search form stays a GET");
        assert!(!sends("", "", ""), "a form without a method is a GET");
        assert!(!sends("post", "multipart/form-data", ""), "an upload");
        assert!(!sends("post", "", "_blank"), "a new window");
    }

    #[test]
    fn an_answer_is_swapped_only_when_it_is_this_page() {
        assert_eq!(step(true, true, "/review", "/review"), Step::Swap);
        assert_eq!(step(true, true, "/touches/4", "/calendar"), Step::Load);
        assert_eq!(step(true, false, "/review", "/review"), Step::Load);
        assert_eq!(step(false, true, "/review", "/review"), Step::ShowError);
        assert_eq!(step(false, false, "/x", "/review"), Step::ShowError);
    }

    #[test]
    fn the_shown_address_drops_the_server_functions_parameters() {
        let query = [
            ("view", "week"),
            ("__path", "/api/x"),
            ("__err", "e"),
            ("d", "1"),
        ];
        let kept: Vec<_> = query
            .iter()
            .filter(|(n, _)| shown(n))
            .map(|p| p.0)
            .collect();
        assert_eq!(kept, ["view", "d"]);
        assert!(refused(query.iter().map(|p| p.0)));
        assert!(!refused(["view", "__path"].into_iter()));
        assert_eq!(address("/calendar", ""), "/calendar");
        assert_eq!(address("/calendar", "view=week"), "/calendar?view=week");
    }

    fn sent(action: &str, fields: &[(&str, &str)]) -> Sent {
        Sent {
            action: action.into(),
            fields: fields
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
        }
    }

    fn form(action: &str, hidden: &[(&str, &str)]) -> FormFacts {
        FormFacts {
            action: action.into(),
            hidden: hidden
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
        }
    }

    #[test]
    fn the_refused_form_is_found_by_action_and_hidden_fields() {
        let forms = [
            form("/api/search", &[]),
            form("/api/decide", &[("id", "7")]),
            form("/api/decide", &[("id", "9")]),
        ];
        let posted = sent("/api/decide", &[("id", "9"), ("reason", "late")]);
        assert_eq!(
            refused_form(&forms, &posted),
            Some(2),
            "the row that was sent"
        );
        let unrowed = sent("/api/decide", &[("reason", "late")]);
        assert_eq!(
            refused_form(&forms, &unrowed),
            Some(1),
            "unsent hidden fields agree"
        );
        assert_eq!(refused_form(&forms, &sent("/api/other", &[])), None);
        assert_eq!(
            refused_form(&forms, &sent("/api/decide", &[("id", "3")])),
            None
        );
    }

    #[test]
    fn fields_get_back_what_was_typed_and_nothing_secret() {
        let input = |kind| Field::Input { kind, value: "on" };
        assert_eq!(
            refill(input("text"), false, &["Ann"]),
            Refill::Set("Ann".into())
        );
        assert_eq!(
            refill(input("email"), false, &[]),
            Refill::Set(String::new())
        );
        assert_eq!(
            refill(input("text"), true, &["Ann"]),
            Refill::Keep,
            "disabled"
        );
        for kind in ["hidden", "submit", "password", "file", "PASSWORD"] {
            assert_eq!(refill(input(kind), false, &["x"]), Refill::Keep, "{kind}");
        }
        let sms = Field::Input {
            kind: "checkbox",
            value: "sms",
        };
        assert_eq!(refill(sms, false, &["email", "sms"]), Refill::Check(true));
        assert_eq!(refill(sms, false, &["email"]), Refill::Check(false));
        assert_eq!(
            refill(sms, true, &[]),
            Refill::Keep,
            "a disabled box sends nothing"
        );
        assert_eq!(
            refill(Field::Select, false, &["b", "c"]),
            Refill::Set("b".into())
        );
        assert_eq!(refill(Field::Select, false, &[]), Refill::Keep);
        assert_eq!(
            refill(Field::TextArea, false, &["why"]),
            Refill::Set("why".into())
        );
        assert_eq!(refill(Field::TextArea, true, &["why"]), Refill::Keep);
    }

    #[test]
    fn sent_values_keep_their_order() {
        let posted = sent(
            "/a",
            &[("stage", "lead"), ("x", "1"), ("stage", "customer")],
        );
        assert_eq!(posted.values("stage"), ["lead", "customer"]);
        assert!(posted.values("none").is_empty());
    }
}
