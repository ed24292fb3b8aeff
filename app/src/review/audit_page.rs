//! `/review/audit`: the audit trail, newest first, for the whole company or (with
//! `?contact_id=N`) one contact; `?page=P` pages back.

use super::audit_rows::AuditRows;
use super::forms::LINK;
use super::load_audit::load_audit;
use crate::ui::ErrorNote;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The audit trail page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let args = Memo::new(move |_| {
        let q = query.read();
        let contact = q.get("contact_id").and_then(|c| c.parse::<i64>().ok());
        let page = q
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1);
        (contact, page)
    });
    let trail = Resource::new(
        move || args.get(),
        |(contact, page)| load_audit(contact, page),
    );
    view! {
        <Title text="Audit trail" />
        <Transition fallback=|| view! { <p>"Loading the audit trail…"</p> }>
            {move || Suspend::new(async move {
                match trail.await {
                    Ok(t) => {
                        let base = match &t.contact {
                            Some((id, _)) => format!("/review/audit?contact_id={}&", id.0),
                            None => "/review/audit?".to_owned(),
                        };
                        let heading = match &t.contact {
                            Some((_, name)) => format!("Audit trail: {name}"),
                            None => "Audit trail".to_owned(),
                        };
                        let newer = (t.page > 1).then(|| view! { <a class=LINK rel="prev" href=format!("{base}page={}", t.page - 1)>"Newer"</a> });
                        let older = t.has_more.then(|| view! { <a class=LINK rel="next" href=format!("{base}page={}", t.page + 1)>"Older"</a> });
                        view! {
                            <h1 class="text-2xl font-semibold">{heading}</h1>
                            <p class="mt-1 flex flex-wrap gap-4 text-sm">
                                <a class=LINK href="/review">"Back to the review queue"</a>
                                {t.contact.as_ref().map(|(id, _)| view! {
                                    <a class=LINK href=format!("/contacts/{}", id.0)>"Contact timeline"</a>
                                    <a class=LINK href="/review/audit">"Whole company"</a>
                                })}
                            </p>
                            {if t.rows.is_empty() {
                                view! { <p class="mt-4 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">"Nothing recorded yet."</p> }.into_any()
                            } else {
                                view! { <AuditRows rows=t.rows zone=t.zone users=t.users teams=t.teams /> }.into_any()
                            }}
                            <nav aria-label="Audit pages" class="mt-3 flex gap-4 text-sm">
                                {newer}
                                <span>{format!("Page {}", t.page)}</span>
                                {older}
                            </nav>
                        }.into_any()
                    }
                    Err(e) => view! {
                        <h1 class="text-2xl font-semibold">"Audit trail"</h1>
                        <div class="mt-4"><ErrorNote error=e /></div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
