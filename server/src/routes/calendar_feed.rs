//! `GET /calendar/{feed_token}.ics?team_id=&owner_id=&channel=`: the plan as an RFC 5545 feed
//! that people subscribe to from their own calendar. The token is a calendar feed token (a
//! calendar app cannot send headers): read-only, one user's, revocable on its own; an API token
//! opens no feed. The feed shows what its user may see (every role reads the whole calendar).
//! Times are UTC instants, which every calendar shows in its own zone.

use app::{
    auth::token,
    domain::{
        ids::{TeamId, UserId},
        Channel, TouchStatus,
    },
    records::TouchRecord,
    state::AppState,
    store::touches::{list_touches, TouchFilter},
    store::{feeds, tokens},
};
use axum::{
    extract::{Path, Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::{TimeDelta, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use serde::Deserialize;

/// The feed's filters.
#[derive(Debug, Deserialize)]
pub struct FeedQuery {
    team_id: Option<i64>,
    owner_id: Option<i64>,
    channel: Option<String>,
}

/// How far back and ahead the feed reaches, and how many events it carries at most.
const PAST_DAYS: i64 = 30;
const FUTURE_DAYS: i64 = 180;
const MAX_EVENTS: u32 = 5_000;

/// Answers the feed, 401 for an unknown token, 400 for a bad filter.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<FeedQuery>,
) -> Response {
    let Some(presented) = file.strip_suffix(".ics") else {
        return (StatusCode::NOT_FOUND, "calendar feeds end in .ics").into_response();
    };
    let now = Utc::now();
    let (feed, last_used) =
        match feeds::owner_of_digest(&state.reader, &token::digest(presented)).await {
            Ok(Some(holder)) => (holder.token, holder.last_used_at),
            Ok(None) => {
                return (
                    StatusCode::UNAUTHORIZED,
                    "the feed is unknown or revoked; make a new feed URL on your profile page",
                )
                    .into_response()
            }
            Err(e) => {
                return (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    e.log_as_internal().to_string(),
                )
                    .into_response()
            }
        };
    if tokens::use_is_stale(last_used, now) {
        let pool = state.pool.clone();
        tokio::spawn(async move {
            if let Err(e) = feeds::record_use(&pool, feed, now).await {
                tracing::warn!(error = %e, "cannot record a feed's use");
            }
        });
    }
    let channel = match query.channel.as_deref().map(Channel::parse).transpose() {
        Ok(channel) => channel,
        Err(e) => return (StatusCode::BAD_REQUEST, format!("channel: {e}")).into_response(),
    };
    let filter = TouchFilter {
        from: now - TimeDelta::days(PAST_DAYS),
        to: now + TimeDelta::days(FUTURE_DAYS),
        team: query.team_id.map(TeamId),
        channel,
        status: None,
        owner: query.owner_id.map(UserId),
        limit: MAX_EVENTS,
    };
    match list_touches(&state.pool, &filter).await {
        Ok(touches) => (
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            calendar(&touches).to_string(),
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            e.log_as_internal().to_string(),
        )
            .into_response(),
    }
}

/// The touches as VEVENTs; drafts are left out, cancelled and failed ones marked cancelled.
fn calendar(touches: &[TouchRecord]) -> Calendar {
    let mut calendar = Calendar::new();
    calendar.name("Concord outreach plan");
    for touch in touches.iter().filter(|t| t.status != TouchStatus::Draft) {
        let status = match touch.status {
            TouchStatus::PendingReview => EventStatus::Tentative,
            TouchStatus::Cancelled | TouchStatus::Failed => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        };
        let event = Event::new()
            .uid(&format!("touch-{}@concord", touch.id))
            .summary(&format!("{} · {}", touch.channel, touch.title))
            .description(&format!(
                "{} {} to contact {} ({})",
                touch.purpose, touch.channel, touch.contact_id, touch.status
            ))
            .starts(touch.scheduled_at)
            .ends(touch.scheduled_at + TimeDelta::minutes(30))
            .status(status)
            .add_property("CATEGORIES", touch.channel.as_str())
            .done();
        calendar.push(event);
    }
    calendar.done()
}
