//! `/campaigns/{id}`: one campaign — who planned it, when, its per-status counts, its
//! recipients a page at a time (each linking to its touch), a move of the whole campaign and
//! a confirmed cancel.

use super::cancel::{CancelCampaign, CancelCampaignStep};
use super::list_page::counts_text;
use super::load::{load_campaign, CampaignDetail, PAGE};
use super::move_campaign::{MoveCampaign, MoveCampaignForm};
use crate::domain::TouchStatus;
use crate::ui::table::{Heading, Table, CELL, ROW};
use crate::ui::{local_datetime, ChannelBadge, ErrorNote, StatusBadge};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The campaign page.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let offset = move || {
        query
            .read()
            .get("from")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let confirming = query.read_untracked().get("cancel").is_some();
    let cancel = crate::ui::flash::action::<CancelCampaign>();
    let moving = crate::ui::flash::action::<MoveCampaign>();
    let detail = Resource::new(
        move || {
            (
                id(),
                offset(),
                cancel.version().get(),
                moving.version().get(),
            )
        },
        |(id, offset, _, _)| load_campaign(id, offset),
    );
    view! {
        <Title text="Campaign" />
        <p class="text-sm"><a href="/campaigns" class="underline">"← All campaigns"</a></p>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <Detail d cancel moving confirming /> }.into_any(),
                    Err(error) => view! {
                        <h1 class="mt-2 text-2xl font-semibold">"Campaign"</h1>
                        <ErrorNote error />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(
    d: CampaignDetail,
    cancel: ServerAction<CancelCampaign>,
    moving: ServerAction<MoveCampaign>,
    confirming: bool,
) -> impl IntoView {
    let c = d.campaign;
    let zone = d.zone;
    let id = c.id.0;
    let waiting = c.not_gone_out();
    let outcome = move || {
        match cancel.value().get() {
        Some(Ok(n)) => Some(view! { <p role="status" class=crate::ui::notice::outcome_box(false)>{format!("Cancelled: {n} touches will not go out.")}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p role="alert" class="text-sm text-red-700 dark:text-red-400">{crate::ui::error_text(&e)}</p> }.into_any()),
        None => None,
    }
    };
    let shown = d.recipients.len() as u32;
    let pages = (
        (d.offset > 0).then(|| format!("/campaigns/{id}?from={}", d.offset.saturating_sub(PAGE))),
        (shown == PAGE).then(|| format!("/campaigns/{id}?from={}", d.offset + PAGE)),
    );
    view! {
        <h1 class="mt-2 text-2xl font-semibold">{c.title.clone()}</h1>
        <p class="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <ChannelBadge channel=c.channel />
            {(c.status == "cancelled").then(|| view! { <span class="rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">"cancelled"</span> })}
            <span>{format!("{} · {}", c.team, c.purpose.as_str().replace('_', " "))}</span>
        </p>
        <dl class="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt class="font-medium">"Goes out"</dt><dd>{format!("{} ({})", local_datetime(c.scheduled_at, zone), zone.name())}</dd>
            <dt class="font-medium">"Planned by"</dt><dd>{format!("{} on {}", c.author, local_datetime(c.created_at, zone))}</dd>
            <dt class="font-medium">"Touches"</dt><dd data-testid="campaign-counts">{counts_text(&c)}</dd>
        </dl>
        {(c.count(TouchStatus::PendingReview) > 0).then(|| view! {
            <p class="mt-3 text-sm">"Some touches wait for a manager's decision in the " <a class="underline" href="/review">"review queue"</a> "."</p>
        })}
        <div class="mt-4">{outcome}</div>
        // Its author or a manager may still move or cancel what has not gone out.
        {(d.may_cancel && waiting > 0).then(|| view! {
            <MoveCampaignForm id at=c.scheduled_at zone action=moving />
            <div class="mt-4">
                <CancelCampaignStep id title=c.title.clone() waiting confirming action=cancel />
            </div>
        })}
        <h2 class="mt-6 text-lg font-semibold">"Recipients"</h2>
        {if d.recipients.is_empty() {
            view! { <p class="mt-1 text-sm">"No recipients on this page."</p> }.into_any()
        } else {
            view! {
                <Table caption="Recipients" class="mt-2" headings=&[
                    Heading::Shown("Contact"),
                    Heading::Shown("Status"),
                    Heading::Shown("Goes out"),
                    Heading::Shown("Conflicts"),
                ]>
                    {d.recipients.into_iter().map(|r| view! {
                        <tr class=ROW>
                            <td class=CELL><a class="underline" href=format!("/contacts/{}", r.contact.0)>{r.name}</a></td>
                            <td class=CELL><a href=format!("/calendar/touches/{}", r.touch.0)><StatusBadge status=r.status /><span class="sr-only">" — open the touch"</span></a></td>
                            <td class=CELL><time datetime=r.scheduled_at.to_rfc3339()>{local_datetime(r.scheduled_at, zone)}</time></td>
                            <td class=CELL>{r.conflicts}</td>
                        </tr>
                    }).collect_view()}
                </Table>
            }.into_any()
        }}
        <nav aria-label="Recipient pages" class="mt-3 flex gap-4 text-sm">
            {pages.0.map(|href| view! { <a class="underline" href=href>"← Previous recipients"</a> })}
            {pages.1.map(|href| view! { <a class="underline" href=href>"Next recipients →"</a> })}
        </nav>
    }
}
