//! The house's buttons, and links that look like one: the form's main action, another choice
//! beside it, or one that removes or switches off, each in a regular and a small size (every
//! one at least 24 px tall, WCAG 2.5.8). Attributes after `{..}` go onto the element:
//! `<Button look=Look::Secondary small=true {..} name="decision" value="reject">"Reject"</Button>`
//! (a path such as `Look::Secondary` right before `{..}` would read as a struct literal, so
//! another prop comes between them).

use super::style::{DANGER, DANGER_SMALL, PRIMARY, PRIMARY_SMALL, SECONDARY, SECONDARY_SMALL};
use leptos::prelude::*;

/// What a button does, and so how it looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Look {
    /// The form's main action.
    #[default]
    Primary,
    /// Another choice beside the main one (filter, keep, close).
    Secondary,
    /// An action that removes, cancels or switches off.
    Danger,
}

impl Look {
    /// The classes of a button that looks like this, regular or `small`.
    pub fn class(self, small: bool) -> &'static str {
        match (self, small) {
            (Look::Primary, false) => PRIMARY,
            (Look::Primary, true) => PRIMARY_SMALL,
            (Look::Secondary, false) => SECONDARY,
            (Look::Secondary, true) => SECONDARY_SMALL,
            (Look::Danger, false) => DANGER,
            (Look::Danger, true) => DANGER_SMALL,
        }
    }
}

/// A `<button>` of type `kind` ("submit" unless told, "button" for one a script handles);
/// `class` adds to its look (a margin).
#[component]
pub fn Button(
    #[prop(default = "submit")] kind: &'static str,
    #[prop(optional)] look: Look,
    #[prop(optional)] small: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! { <button type=kind class=joined(look.class(small), class)>{children()}</button> }
}

/// A link that looks like a button (a step to another page, or the "…" of an action that asks
/// to confirm first); its `href` comes after `{..}`.
#[component]
pub fn ButtonLink(
    #[prop(optional)] look: Look,
    #[prop(optional)] small: bool,
    children: Children,
) -> impl IntoView {
    view! { <a class=joined(look.class(small), "inline-block")>{children()}</a> }
}

fn joined(look: &'static str, extra: &'static str) -> String {
    if extra.is_empty() {
        look.to_owned()
    } else {
        format!("{look} {extra}")
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_button_submits_unless_told_and_takes_the_attributes_after_the_spread() {
        let html = view! {
            <Button look=Look::Danger small=true {..} name="decision" value="reject">"Reject"</Button>
        }
        .to_html();
        assert!(html.starts_with("<button type=\"submit\""), "{html}");
        assert!(
            html.contains(&format!("class=\"{DANGER_SMALL}\"")),
            "{html}"
        );
        assert!(
            html.contains("name=\"decision\"") && html.contains("value=\"reject\""),
            "{html}"
        );
        assert!(html.contains(">Reject</button>"), "{html}");

        let plain = view! { <Button kind="button" class="w-full">"Show"</Button> }.to_html();
        assert!(plain.starts_with("<button type=\"button\""), "{plain}");
        assert!(
            plain.contains(&format!("class=\"{PRIMARY} w-full\"")),
            "{plain}"
        );
    }

    #[test]
    fn a_button_link_is_a_link_with_the_look_of_a_button() {
        let html = view! {
            <ButtonLink look=Look::Secondary small=true {..} href="/contacts/new">"New contact"</ButtonLink>
        }
        .to_html();
        assert!(html.starts_with("<a "), "{html}");
        assert!(html.contains("href=\"/contacts/new\""), "{html}");
        assert!(
            html.contains(&format!("class=\"{SECONDARY_SMALL} inline-block\"")),
            "{html}"
        );
    }
}
