//! The contact timeline page, `/contacts/{id}`: the contact, its lanes, the list of past and
//! planned touches, and the plan form. `?from=` moves the eight-week range; the plan form's
//! fields may come from the address too (a check made without JavaScript).

use super::consent_history::ConsentHistory;
use super::contact_card::ContactCard;
use super::entries::Entries;
use super::lanes::Lanes;
use super::plan::PlanForm;
use super::range::SPAN_DAYS;
use super::{load_timeline, TimelineView};
use crate::domain::TouchDraft;
use crate::leads::row_actions::RowActions;
use crate::ui::{ErrorNote, Notice};
use chrono::{DurationRound, TimeDelta};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

/// The page.
#[component]
pub fn ContactTimelinePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    // `planned` is in the key so that planning a touch, which comes back to this page with the
    // new touch's id, reads the timeline again.
    let timeline = Resource::new(
        move || (id(), query.read().get("from"), query.read().get("planned")),
        |(id, from, _planned)| async move {
            match id {
                Some(id) => load_timeline(id, from).await,
                None => Err(crate::error::AppError::NotFound(
                    "there is no such contact".into(),
                )),
            }
        },
    );
    view! {
        <Title text="Contact timeline" />
        <Transition fallback=|| view! { <p>"Loading the timeline…"</p> }>
            {move || Suspend::new(async move {
                match timeline.await {
                    Ok(view) => {
                        let q = query.read_untracked();
                        let initial = draft_from(&q, &view);
                        let planned = q.get("planned").and_then(|p| p.parse().ok());
                        view! { <Loaded view initial planned /> }.into_any()
                    }
                    Err(error) => view! {
                        <h1 class="text-2xl font-semibold">"Contact timeline"</h1>
                        <ErrorNote error />
                        <p class="mt-2"><a class="underline" href="/contacts">"Back to contacts"</a></p>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The page once its data is in.
#[component]
fn Loaded(view: TimelineView, initial: TouchDraft, planned: Option<i64>) -> impl IntoView {
    let id = view.timeline.contact.id.0;
    let step = TimeDelta::days(SPAN_DAYS / 2);
    let earlier = format!("/contacts/{id}?from={}", view.start - step);
    let later = format!("/contacts/{id}?from={}", view.start + step);
    let planned_note = planned.and_then(|p| view.timeline.touches.iter().find(|t| t.id.0 == p)).map(|t| {
        let waiting = t.status == crate::domain::TouchStatus::PendingReview;
        let text = if waiting {
            format!("\u{201c}{}\u{201d} was saved and waits for a manager's review: it has block conflicts.", t.title)
        } else {
            format!("\u{201c}{}\u{201d} is planned.", t.title)
        };
        view! { <p role="status" class=format!("mt-4 {}", crate::ui::notice::outcome_box(waiting))>{text}</p> }
    });
    let actions = RowActions::new();
    let zone = view.viewer_zone;
    let message = actions.message(move || Some(zone));
    view! {
        // Only after a claim or a release: the page has its own status and alert regions.
        {move || message.get().is_some().then(|| view! { <Notice message /> })}
        <ContactCard view=view.clone() actions />
        <nav aria-label="Timeline range" class="mt-4 flex flex-wrap items-center gap-3 text-sm">
            <a class="underline" href=earlier>"← Earlier"</a>
            <span>{format!("{} to {}", view.start, view.start + TimeDelta::days(SPAN_DAYS - 1))}</span>
            <a class="underline" href=later>"Later →"</a>
            <a class="underline" href=format!("/contacts/{id}")>"Today"</a>
            <a class="underline" href="#plan">"Plan a touch"</a>
        </nav>
        <Lanes view=view.clone() />
        {planned_note}
        <PlanForm
            contact_id=id
            zone=view.viewer_zone.name().to_owned()
            teams=view.teams.clone()
            viewer_team=view.viewer_team
            initial
            topics=view.topics.clone()
        />
        <Entries view=view.clone() highlight=planned />
        <ConsentHistory view />
    }
}

/// The plan form's starting draft: the fields in the address, else email, a sales follow-up,
/// the viewer's team and the next full hour.
fn draft_from(query: &ParamsMap, view: &TimelineView) -> TouchDraft {
    let submitted = query.get("channel").is_some();
    let next_hour = view
        .now
        .duration_trunc(TimeDelta::hours(1))
        .map(|hour| hour + TimeDelta::hours(1))
        .unwrap_or(view.now);
    TouchDraft {
        contact_id: view.timeline.contact.id.0,
        channel: query.get("channel").unwrap_or_else(|| "email".into()),
        purpose: query
            .get("purpose")
            .unwrap_or_else(|| "sales_followup".into()),
        at: query
            .get("take_at")
            .or_else(|| query.get("at"))
            .unwrap_or_else(|| view.viewer_zone.format_local(next_hour)),
        title: query.get("title").unwrap_or_default(),
        notes: query.get("notes").unwrap_or_default(),
        team_id: query
            .get("team_id")
            .and_then(|t| t.parse().ok())
            .or(Some(view.viewer_team.0)),
        automated: query.get("automated").as_deref() == Some("true"),
        personalized: !submitted || query.get("personalized").as_deref() == Some("true"),
        topic: query.get("topic").unwrap_or_default(),
    }
}
