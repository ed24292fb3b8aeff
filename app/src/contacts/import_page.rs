//! `/contacts/import`: upload a CSV file of contacts (a plain multipart form post, handled by
//! the server's `POST /contacts/import`), then read its report here (`?report={id}`).

use super::import_load_fn::load_import_report;
use super::import_report::ImportReport;
use crate::app::UserResource;
use crate::domain::Action;
use crate::ui::Progress;
use crate::ui::{Button, Field, Input};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The import page: the upload form and, after an upload, its report.
#[component]
pub fn ImportPage() -> impl IntoView {
    let query = use_query_map();
    let report_id = Memo::new(move |_| {
        query
            .read()
            .get("report")
            .and_then(|v| v.parse::<i64>().ok())
    });
    let report = Resource::new(
        move || report_id.get(),
        |id| async move {
            match id {
                Some(id) => load_import_report(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let user = use_context::<UserResource>();
    let refusal = move || {
        Suspend::new(async move {
            let user = match user {
                Some(user) => user.await.ok().flatten(),
                None => None,
            };
            user.filter(|u| !u.role.may(Action::ImportContacts)).map(|_| view! {
                <p role="alert" class="mt-3 font-medium">
                    "Only marketers, managers and admins may import contacts; the form below will refuse your file."
                </p>
            })
        })
    };
    view! {
        <Title text="Import contacts" />
        <p class="text-sm"><a href="/contacts" class="underline">"← Contacts"</a></p>
        <h1 class="mt-1 text-2xl font-semibold">"Import contacts"</h1>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(Some(summary)) => view! { <ImportReport summary /> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(e) => view! { <p role="alert" class="mt-3 font-medium text-red-700 dark:text-red-400">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
        <Suspense fallback=|| ()>{refusal}</Suspense>
        <Progress message=IMPORTING.to_owned()>
        <form method="post" action="/contacts/import" enctype="multipart/form-data"
            class="mt-4 max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <Field id="file" label="CSV file">
                <Input kind="file" {..} id="file" name="file" accept=".csv,text/csv" required=true aria-describedby="file-hint update-hint" />
                <p id="file-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    "A header line, then one contact a line. Concord reads name (or first and last name), email, phone, address (or street, city, state, zip, country), timezone, stage, external_id, consent_email, consent_sms, consent_phone, consent_mail, do_not_contact, account_key and attr:<key> columns, and HubSpot or Salesforce names for them. A file exported from the contacts list imports as it is."
                </p>
                <p id="update-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    "A row whose external id, or else email, is already on file updates that contact instead of adding another: filled cells replace what is stored, empty ones keep it. A file can withdraw consent or mark do not contact, never give them back; record a new consent on the contact's page."
                </p>
            </Field>
            <div class="flex items-start gap-2">
                <input id="partial" name="partial" type="checkbox" value="on" class="mt-1 h-4 w-4 accent-indigo-700" aria-describedby="partial-hint" />
                <div>
                    <label for="partial" class="text-sm font-medium">"Import the good rows"</label>
                    <p id="partial-hint" class="text-xs text-slate-600 dark:text-slate-400">
                        "By default nothing is imported unless every row is good. Tick this to import the good rows and skip the bad ones (they are listed)."
                    </p>
                </div>
            </div>
            <Button>"Import"</Button>
        </form>
        </Progress>
    }
}

/// What the page says while the browser uploads and the server imports.
const IMPORTING: &str = "Importing {file}… a file of a million contacts takes about half a minute. The report appears here when it is done.";
