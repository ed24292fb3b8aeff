//! The table of contacts on one page of the list, with links to each contact's timeline and
//! edit form, and the pager.

use super::filter::ContactFilter;
use super::list_fn::ContactList;
use crate::domain::Channel;
use crate::records::Contact;
use crate::ui::table::{Heading, Table, CELL, ROW, WIDE_CELL};
use leptos::prelude::*;

const HEADINGS: &[Heading] = &[
    Heading::Shown("Name"),
    Heading::Wide("Email"),
    Heading::Wide("Phone"),
    Heading::Shown("Stage"),
    Heading::Shown("Time zone"),
    Heading::Shown("Owner"),
    Heading::Shown("Consent"),
    Heading::Hidden("Actions"),
];

/// The channels a contact consents to, in words ("email, phone"), or "none".
fn consented(contact: &Contact) -> String {
    let channels: Vec<&str> = Channel::ALL
        .iter()
        .filter(|c| contact.consent.allows(**c))
        .map(|c| c.as_str())
        .collect();
    if channels.is_empty() {
        "none".into()
    } else {
        channels.join(", ")
    }
}

/// The email and phone under the name on a narrow screen, where their own columns are not
/// shown: a contact found by the end of its phone shows the phone that matched. Either these
/// or the columns are displayed, never both, so a screen reader reads each once.
fn reach(contact: &Contact) -> impl IntoView {
    let parts = [
        contact.email.as_ref().map(|e| e.as_str().to_owned()),
        contact.phone.as_ref().map(|p| p.as_str().to_owned()),
    ];
    parts
        .into_iter()
        .flatten()
        .map(|part| {
            view! {
                <span class="block text-xs font-normal text-slate-700 sm:hidden dark:text-slate-300"
                    data-testid="contact-reach">
                    {part}
                </span>
            }
        })
        .collect_view()
}

/// One contact as a table row.
#[component]
fn ContactRow(contact: Contact) -> impl IntoView {
    let id = contact.id.0;
    let consent = consented(&contact);
    view! {
        <tr class=ROW data-testid="contact-row">
            <th scope="row" class="px-3 py-2 text-left font-medium">
                <a href=format!("/contacts/{id}") class="text-indigo-800 underline dark:text-indigo-300">
                    {contact.name.clone()}
                </a>
                {contact.do_not_contact.then(|| view! {
                    <span class="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-200">
                        "Do not contact"
                    </span>
                })}
                {reach(&contact)}
            </th>
            <td class=WIDE_CELL>{contact.email.as_ref().map(|e| e.as_str().to_owned())}</td>
            <td class=WIDE_CELL>{contact.phone.as_ref().map(|p| p.as_str().to_owned())}</td>
            <td class=CELL data-testid="contact-stage">{contact.stage.as_str()}</td>
            <td class=CELL>{contact.timezone.name()}</td>
            <td class=CELL>{contact.owner.as_ref().map_or_else(|| "—".to_owned(), |o| o.name.clone())}</td>
            <td class=CELL>{consent}</td>
            <td class=CELL>
                <a href=format!("/contacts/{id}/edit") class="underline"
                    aria-label=format!("Edit {}", contact.name)>"Edit"</a>
            </td>
        </tr>
    }
}

/// The page of contacts and the pager; an empty state when nothing matches.
#[component]
pub fn ContactTable(list: ContactList, filter: ContactFilter) -> impl IntoView {
    if list.contacts.is_empty() {
        let hint = if filter.is_empty() {
            "There are no contacts yet. Add one or import a CSV file."
        } else {
            "No contact matches these filters. Try a shorter search or clear a filter."
        };
        return view! {
            <div class="mt-6 rounded-lg border border-dashed border-slate-400 p-8 text-center" data-testid="empty-state">
                <p class="font-medium">"No contacts found"</p>
                <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">{hint}</p>
            </div>
        }
        .into_any();
    }
    let count = if list.over {
        format!("More than {} contacts match", group(list.total))
    } else if list.total == 1 {
        "1 contact matches".to_owned()
    } else {
        format!("{} contacts match", group(list.total))
    };
    let prev = list
        .prev
        .map(|id| filter.to_query(&[("before", id.to_string())]));
    let next = list
        .next
        .map(|id| filter.to_query(&[("after", id.to_string())]));
    let pager_link = "rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
    view! {
        <p class="mt-4 text-sm" data-testid="contact-count" role="status">{count}</p>
        <Table caption="Contacts" headings=HEADINGS class="mt-2 whitespace-nowrap">
            {list.contacts.into_iter().map(|contact| view! { <ContactRow contact /> }).collect_view()}
        </Table>
        <nav aria-label="Pages" class="mt-3 flex justify-between">
            {prev.map(|q| view! { <a href=format!("/contacts{q}") rel="prev" class=pager_link>"← Previous"</a> })}
            <span></span>
            {next.map(|q| view! { <a href=format!("/contacts{q}") rel="next" class=pager_link>"Next →"</a> })}
        </nav>
    }
    .into_any()
}

/// A count with thousands separated by thin spaces: 10 000.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(d);
    }
    out
}
