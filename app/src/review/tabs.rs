//! The review page's two tabs, links that work without JavaScript: touches awaiting review,
//! and claim requests with reassigning.

use leptos::prelude::*;

/// Which tab the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Touches awaiting review.
    Touches,
    /// Claim requests and reassigning a contact.
    Claims,
}

impl Tab {
    /// The tab the query asks for: `tab=claims`, or a contact to reassign, opens the claims.
    pub fn of(tab: Option<&str>, contact: Option<&str>) -> Tab {
        if tab == Some("claims") || (tab.is_none() && contact.is_some()) {
            Tab::Claims
        } else {
            Tab::Touches
        }
    }
}

/// The tab links, with how many touches and requests wait.
#[component]
pub fn Tabs(current: Tab, touches: u64, requests: usize) -> impl IntoView {
    let link = move |tab: Tab, href: &'static str, text: String| {
        let here = tab == current;
        let class = if here {
            "border-b-2 border-indigo-700 px-3 py-2 font-semibold text-indigo-900 dark:border-indigo-300 dark:text-indigo-100"
        } else {
            "border-b-2 border-transparent px-3 py-2 text-slate-700 hover:border-slate-400 dark:text-slate-300"
        };
        view! {
            <a href=href class=class aria-current=here.then_some("page")>{text}</a>
        }
    };
    view! {
        <nav aria-label="Review tabs" class="mt-4 flex flex-wrap gap-1 border-b border-slate-200 text-sm dark:border-slate-800">
            {link(Tab::Touches, "/review", format!("Touches awaiting review ({touches})"))}
            {link(Tab::Claims, "/review?tab=claims", format!("Claim requests ({requests})"))}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_claims_tab_opens_when_asked_or_for_a_contact_to_reassign() {
        assert_eq!(Tab::of(None, None), Tab::Touches);
        assert_eq!(Tab::of(Some("claims"), None), Tab::Claims);
        assert_eq!(Tab::of(None, Some("12")), Tab::Claims);
        assert_eq!(Tab::of(Some("touches"), Some("12")), Tab::Touches);
    }
}
