//! The calendar's URL: view, date, page and filters as query parameters, read leniently (an
//! unknown value means "any") and written back for links, so every view can be shared.

use super::range::View;
use crate::domain::ids::{CampaignId, TeamId, UserId};
use crate::domain::{Channel, Purpose, TouchStatus};
use crate::models::calendar::CalendarFilter;
use chrono::NaiveDate;
use leptos_router::params::ParamsMap;

/// What one calendar URL asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarQuery {
    /// The layout.
    pub view: View,
    /// The date shown; the viewer's today when absent.
    pub date: Option<NaiveDate>,
    /// Which touches.
    pub filter: CalendarFilter,
    /// The page of a crowded day (day view), from 0.
    pub page: u32,
}

impl CalendarQuery {
    /// Reads the query string's parameters.
    pub fn from_params(params: &ParamsMap) -> CalendarQuery {
        let text = |key: &str| params.get(key).filter(|v| !v.trim().is_empty());
        // Ids start at 1; 0 stands for "no campaign" in the calendar's counts.
        let id = |key: &str| {
            text(key)
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|id| *id > 0)
        };
        CalendarQuery {
            view: text("view").map(|v| View::parse(&v)).unwrap_or_default(),
            date: text("date").and_then(|v| v.trim().parse().ok()),
            filter: CalendarFilter {
                team: id("team").map(TeamId),
                channel: text("channel").and_then(|v| Channel::parse(&v).ok()),
                owner: id("owner").map(UserId),
                purpose: text("purpose").and_then(|v| Purpose::parse(&v).ok()),
                campaign: id("campaign").map(CampaignId),
                status: text("status").and_then(|v| TouchStatus::parse(&v).ok()),
            },
            page: text("page").and_then(|v| v.parse().ok()).unwrap_or(0),
        }
    }

    /// The `/calendar?…` address of this query.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("view", self.view.as_str().to_owned())];
        if let Some(date) = self.date {
            pairs.push(("date", date.to_string()));
        }
        let f = &self.filter;
        let optional = [
            ("team", f.team.map(|t| t.0.to_string())),
            ("channel", f.channel.map(|c| c.as_str().to_owned())),
            ("owner", f.owner.map(|o| o.0.to_string())),
            ("purpose", f.purpose.map(|p| p.as_str().to_owned())),
            ("campaign", f.campaign.map(|c| c.0.to_string())),
            ("status", f.status.map(|s| s.as_str().to_owned())),
        ];
        pairs.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
        if self.page > 0 {
            pairs.push(("page", self.page.to_string()));
        }
        let query: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("/calendar?{}", query.join("&"))
    }

    /// The same filters in another view at another date (first page).
    pub fn at(&self, view: View, date: NaiveDate) -> CalendarQuery {
        CalendarQuery {
            view,
            date: Some(date),
            filter: self.filter.clone(),
            page: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_survives_the_round_trip_through_its_url() {
        let mut params = ParamsMap::new();
        for (k, v) in [
            ("view", "week"),
            ("date", "2026-11-24"),
            ("team", "2"),
            ("channel", "sms"),
            ("status", "pending_review"),
            ("campaign", "0"),
            ("owner", "x"),
        ] {
            params.insert(k, v.to_owned());
        }
        let query = CalendarQuery::from_params(&params);
        assert_eq!(query.view, View::Week);
        assert_eq!(query.filter.team, Some(TeamId(2)));
        assert_eq!(query.filter.owner, None);
        assert_eq!(
            query.href(),
            "/calendar?view=week&date=2026-11-24&team=2&channel=sms&status=pending_review"
        );
    }
}
