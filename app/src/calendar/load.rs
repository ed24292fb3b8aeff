//! Server function: the days, totals and first touches one calendar view shows, in the
//! viewer's zone, plus the filter form's choices.

use super::range::View;
use crate::error::AppError;
use crate::models::calendar::{CalendarData, CalendarFilter};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The calendar for `view` around `date` (the viewer's today when `None`), `page` of a
/// crowded day in the day view.
#[server(prefix = "/api", endpoint = "calendar", input = Json)]
pub async fn load_calendar(
    view: View,
    date: Option<NaiveDate>,
    filter: CalendarFilter,
    page: u32,
) -> Result<CalendarData, AppError> {
    use crate::domain::Action;
    use crate::store::calendar::{calendar_days, day_spans, filter_choices};

    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    if let Some(date) = date {
        crate::domain::dates::plausible_date("date", date).map_err(|e| {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(axum::http::StatusCode::BAD_REQUEST);
            }
            AppError::from(e)
        })?;
    }
    let zone = user.timezone;
    let today = zone.local(chrono::Utc::now()).date();
    let dates = view.days(date.unwrap_or(today));
    let spans = day_spans(&dates, zone);
    let per_day = view.per_day();
    let offset = if view == View::Day {
        page.saturating_mul(per_day)
    } else {
        0
    };
    // The day view filtered to one campaign lists its touches; every other view shows each
    // campaign as one item per day.
    let grouped = view != View::Day || filter.campaign.is_none();
    let days = calendar_days(&state.pool, &spans, &filter, per_day, offset, grouped)
        .await
        .map_err(|e| e.log_as_internal())?;
    let (from, to) = match (spans.first(), spans.last()) {
        (Some(first), Some(last)) => (first.start, last.end),
        _ => (0, 0),
    };
    let choices = filter_choices(&state.pool, from, to, filter.campaign)
        .await
        .map_err(|e| e.log_as_internal())?;
    let rules = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let marks = crate::models::day_marks::day_marks(
        &dates,
        &rules.rule_packs,
        &rules.blackouts,
        filter.team,
        filter.channel,
    );
    Ok(CalendarData {
        zone,
        today,
        days,
        choices,
        marks,
    })
}
