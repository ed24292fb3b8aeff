//! `/calendar/touches/{id}`: one touch with its conflicts, and a plain form to move it to
//! another local day and time (the way to reschedule without dragging or JavaScript).

use super::cancel_touch::{CancelStep, CancelTouch};
use super::move_touch::MoveTouch;
use super::query::CalendarQuery;
use super::range::View;
use super::status::explain;
use super::touch_detail::{load_touch, TouchDetail};
use crate::domain::{Severity, TouchStatus};
use crate::ui::{local_datetime, ChannelBadge, ErrorNote, StatusBadge};
use crate::ui::{Button, DayAndTime};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The touch page.
#[component]
pub fn TouchPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let action = crate::ui::flash::action::<MoveTouch>();
    let cancel = crate::ui::flash::action::<CancelTouch>();
    let confirming = use_query_map().read_untracked().get("cancel").is_some();
    let detail = Resource::new(
        move || (id(), action.version().get(), cancel.version().get()),
        |(id, _, _)| load_touch(id),
    );
    view! {
        <Title text="Touch" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <Detail d action cancel confirming /> }.into_any(),
                    Err(error) => view! {
                        <h1 class="text-2xl font-semibold">"Touch"</h1>
                        <ErrorNote error />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(
    d: TouchDetail,
    action: ServerAction<MoveTouch>,
    cancel: ServerAction<CancelTouch>,
    confirming: bool,
) -> impl IntoView {
    let t = d.touch;
    let local = d.zone.local(t.scheduled_at);
    let back = CalendarQuery {
        view: View::Day,
        date: Some(local.date()),
        ..CalendarQuery::default()
    }
    .href();
    view! {
        <p class="text-sm"><a href=back class="underline">"← Back to the calendar"</a></p>
        <h1 class="mt-2 text-2xl font-semibold">{t.title.clone()}</h1>
        <p class="mt-2 flex flex-wrap items-center gap-2">
            <ChannelBadge channel=t.channel /> <StatusBadge status=t.status />
            <span>{local_datetime(t.scheduled_at, d.zone)}" (" {d.zone.name()} ")"</span>
        </p>
        <dl class="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt class="font-medium">"Contact"</dt>
            <dd><a class="underline" href=format!("/contacts/{}", t.contact_id.0)>{d.contact_name}</a></dd>
            <dt class="font-medium">"Team"</dt><dd>{d.team}</dd>
            <dt class="font-medium">"Purpose"</dt><dd>{t.purpose.as_str().replace('_', " ")}</dd>
        </dl>
        <h2 class="mt-6 text-lg font-semibold">"Conflicts"</h2>
        {if t.conflicts.is_empty() {
            view! { <p class="text-sm">"None at the last check."</p> }.into_any()
        } else {
            view! {
                <ul class="mt-1 list-disc space-y-1 pl-5 text-sm">
                    {t.conflicts.clone().into_iter().map(|c| view! {
                        <li><strong>{if c.severity == Severity::Block { "Blocks: " } else { "Warns: " }}</strong>{c.message}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {match d.locked.clone() {
            Some(why) => view! {
                <h2 class="mt-6 text-lg font-semibold">"Changes"</h2>
                <p class="mt-1 text-sm">{why}</p>
                {cancelled(cancel)}
            }.into_any(),
            None => view! { <Changes t=t.clone() local zone=d.zone action cancel confirming /> }.into_any(),
        }}
    }
}

/// What the last cancellation said, once the page shows the cancelled touch.
fn cancelled(cancel: ServerAction<CancelTouch>) -> impl IntoView {
    move || {
        match cancel.value().get() {
        Some(Ok(_)) => Some(view! { <p role="status" class="mt-2 text-sm">"Cancelled: it will not go out."</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p role="alert" class="mt-2 text-sm text-red-700 dark:text-red-400">{explain(&e)}</p> }.into_any()),
        None => None,
    }
    }
}

/// The move form and the cancel step, for a touch the viewer may still change.
#[component]
fn Changes(
    t: crate::records::TouchRecord,
    local: chrono::NaiveDateTime,
    zone: crate::domain::timezone::TimeZone,
    action: ServerAction<MoveTouch>,
    cancel: ServerAction<CancelTouch>,
    confirming: bool,
) -> impl IntoView {
    let result = move || match action.value().get() {
        Some(Ok(moved)) => {
            let when = local_datetime(moved.scheduled_at, zone);
            Some(if moved.status == TouchStatus::PendingReview {
                view! {
                    <p role="status" class=crate::ui::notice::outcome_box(true)>
                        {format!("Moved to {when}; it waits for a manager's review before it goes out.")}
                    </p>
                }.into_any()
            } else {
                view! {
                    <p role="status" class=crate::ui::notice::outcome_box(false)>{format!("Moved to {when}.")}</p>
                }.into_any()
            })
        }
        Some(Err(e)) => Some(
            view! { <p role="alert" class="text-red-700 dark:text-red-400">{explain(&e)}</p> }
                .into_any(),
        ),
        None => None,
    };
    view! {
        <h2 class="mt-6 text-lg font-semibold">"Move this touch"</h2>
        <ActionForm action attr:class="mt-2 max-w-xl space-y-3 rounded-lg border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <input type="hidden" name="id" value=t.id.0.to_string() />
            <input type="hidden" name="version" value=t.version.to_string() />
            <DayAndTime prefix="move" at=local />
            <p class="text-xs text-slate-600 dark:text-slate-400">{format!("In your zone, {}.", zone.name())}</p>
            <label class="flex items-start gap-2 text-sm">
                <input type="checkbox" name="review" value="on" class="mt-1" />
                "If a rule blocks the new time, move it anyway and send it to a manager for review"
            </label>
            <div class="min-h-5 text-sm">{result}</div>
            <Button>"Move touch"</Button>
        </ActionForm>
        <h2 class="mt-6 text-lg font-semibold">"Cancel this touch"</h2>
        <div class="mt-2">
            <CancelStep id=t.id.0 version=t.version title=t.title.clone() confirming action=cancel />
            {cancelled(cancel)}
        </div>
    }
}
