//! `/contacts`: search, filter and page through contacts; links to add, import and export.

use super::filter::ContactFilter;
use super::filter_form::FilterForm;
use super::list_fn::list_contacts;
use super::table::ContactTable;
use crate::app::UserResource;
use crate::domain::Action;
use crate::ui::{ButtonLink, Look};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The contacts list page.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| ContactFilter::from_query(&query.read()));
    let cursor = Memo::new(move |_| {
        let q = query.read();
        let id = |key: &str| q.get(key).and_then(|v| v.parse::<i64>().ok());
        (id("after"), id("before"))
    });
    let list = Resource::new(
        move || (filter.get(), cursor.get()),
        |(filter, (after, before))| list_contacts(filter, after, before),
    );
    let user = use_context::<UserResource>();
    let export = move || format!("/contacts/export.csv{}", filter.get().to_query(&[]));
    // Import and export are offered only to the roles that may use them (marketers and up).
    let bulk_links = move || {
        Suspend::new(async move {
            let user = match user {
                Some(user) => user.await.ok().flatten(),
                None => None,
            };
            let role = user.map(|u| u.role)?;
            let import = role.may(Action::ImportContacts).then(|| {
                view! { <ButtonLink look=Look::Secondary small=false {..} href="/contacts/import">"Import CSV"</ButtonLink> }
            });
            let export = role.may(Action::ExportContacts).then(|| {
                view! {
                    <ButtonLink look=Look::Secondary small=false {..} href=export download="contacts.csv" data-testid="export-link">
                        "Export these as CSV"
                    </ButtonLink>
                }
            });
            Some((import, export))
        })
    };
    let top = view! {
        <div class="flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-2xl font-semibold">"Contacts"</h1>
            <div class="flex flex-wrap gap-2">
                <ButtonLink look=Look::Secondary small=false {..} href="/contacts/new">"New contact"</ButtonLink>
                <Suspense fallback=|| ()>{bulk_links}</Suspense>
            </div>
        </div>
    }
    .into_any();
    let results = view! {
        <Transition fallback=|| view! { <p class="mt-4" role="status">"Loading contacts…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(page) => view! { <ContactTable list=page filter=filter.get_untracked() /> }.into_any(),
                    Err(e) => view! {
                        <p role="alert" class="mt-4 font-medium text-red-700 dark:text-red-400">{e.to_string()}</p>
                    }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any();
    view! {
        <Title text="Contacts" />
        {top}
        {move || view! { <FilterForm filter=filter.get() /> }.into_any()}
        {results}
    }
}
