//! One touch awaiting review: what, to whom, by whom, its conflicts as they stand now (times in
//! the reviewer's zone), and the decision form (a reason is required).

use super::decision_fields::DecisionFields;
use super::forms::{ReviewActions, CARD, LINK};
use crate::domain::{Severity, TimeZone};
use crate::models::review_queue::PendingTouch;
use crate::ui::{local_datetime, ChannelBadge};
use leptos::prelude::*;

/// A card for `touch`, times in `zone`.
#[component]
pub fn PendingCard(touch: PendingTouch, zone: TimeZone, actions: ReviewActions) -> impl IntoView {
    let id = touch.id.0;
    let heading = format!("touch-{id}-title");
    let heading_id = heading.clone();
    let reason_id = format!("reason-{id}");
    let contact = touch.contact_id.0;
    let conflicts = touch.conflicts.clone();
    view! {
        <li class=CARD data-testid="pending-touch" data-touch-id=id.to_string()>
            <article aria-labelledby=heading.clone()>
                <h4 id=heading_id class="font-semibold">
                    {touch.title.clone()} " "
                    <span class="text-sm font-normal text-slate-600 dark:text-slate-400">{format!("touch #{id}")}</span>
                </h4>
                <p class="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
                    <a class=LINK href=format!("/contacts/{contact}")>{touch.contact_name.clone()}</a>
                    <ChannelBadge channel=touch.channel />
                    <span>{touch.purpose.as_str().replace('_', " ")}</span>
                    <span>{format!("{} · by {}", touch.team, touch.author)}</span>
                    <span>"Goes out " <time datetime=touch.scheduled_at.to_rfc3339()>{local_datetime(touch.scheduled_at, zone)}</time></span>
                    <span>"Planned " {local_datetime(touch.created_at, zone)}</span>
                    <a class=LINK href=format!("/review/audit?contact_id={contact}")>"Audit trail"</a>
                </p>
                {if conflicts.is_empty() {
                    view! { <p class="mt-2 text-sm">"No conflicts now: what sent it to review has cleared."</p> }.into_any()
                } else {
                    view! {
                        <ul class="mt-2 space-y-1 text-sm" aria-label="Conflicts">
                            {conflicts.into_iter().map(|c| {
                                let block = c.severity == Severity::Block;
                                view! {
                                    <li title=c.rule.as_str()>
                                        <span class=if block { "mr-1 rounded bg-red-100 px-1 font-mono text-xs text-red-900 dark:bg-red-950 dark:text-red-100" } else { "mr-1 rounded bg-amber-100 px-1 font-mono text-xs text-amber-950 dark:bg-amber-900 dark:text-amber-50" }>
                                            {format!("{} · {}", c.rule.title(), c.severity.as_str())}
                                        </span>
                                        {c.message}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!touch.approvable).then(|| view! {
                    <p class="mt-2 rounded-md border border-amber-500 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="passed">
                        "Its time has passed, so it can no longer be approved. Reject it; its author can plan it again."
                    </p>
                })}
                <ActionForm action=actions.decide>
                    <input type="hidden" name="touch_id" value=id.to_string() />
                    <DecisionFields reason_id label="Reason (required)"
                        approve=touch.approvable.then(|| "Approve".to_owned()) reject="Reject".to_owned() />
                </ActionForm>
            </article>
        </li>
    }
}
