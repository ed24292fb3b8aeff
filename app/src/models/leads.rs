//! What the leads board shows: rows of contacts in four sections, and who is looking. Shared by
//! the server (which fills it) and the browser (which renders it).

use crate::domain::ids::{ContactId, TeamId, UserId};
use crate::domain::role::Role;
use crate::domain::{Alert, Channel, InteractionKind, Stage, TimeZone};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The contact's latest inbound interaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastInbound {
    /// What the contact did.
    pub kind: InteractionKind,
    /// On which channel.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
}

/// A contact's live owner, as a board row shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowOwner {
    /// The owning user.
    pub user_id: UserId,
    /// Their name.
    pub name: String,
    /// When the claim lapses unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// One contact on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadRow {
    /// Which contact.
    pub contact_id: ContactId,
    /// Its name.
    pub name: String,
    /// Its lifecycle stage.
    pub stage: Stage,
    /// Its latest inbound interaction, if any.
    pub last_inbound: Option<LastInbound>,
    /// Its live owner, if any.
    pub owner: Option<RowOwner>,
    /// Whether the viewer has an open claim request for it.
    pub requested: bool,
    /// The `unanswered_reply` and `cadence_gap` alerts that hold (filled in the alerts section).
    pub alerts: Vec<Alert>,
}

/// A page of a list: its rows, where they start and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capped {
    /// The rows shown.
    pub rows: Vec<LeadRow>,
    /// How many rows there are in all (at least `rows.len()`).
    pub total: u64,
    /// How many rows come before this page.
    #[serde(default)]
    pub offset: u64,
    /// How many of the first rows were left out because a section above lists them.
    #[serde(default)]
    pub above: u64,
}

/// Who is looking at the board: decides which action each row offers and the zone of times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// The viewer's id.
    pub id: UserId,
    /// Their role.
    pub role: Role,
    /// The zone they read times in.
    pub zone: TimeZone,
    /// When they read the page, for relative times ("3 h ago").
    pub now: DateTime<Utc>,
}

/// The whole leads board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadsBoard {
    /// Who is looking.
    pub viewer: Viewer,
    /// Hot leads, latest inbound first: unowned ones, or all of them with `owned` hot leads.
    pub hot: Capped,
    /// Whether `hot` includes leads others own.
    pub include_owned: bool,
    /// Which page of each section is shown.
    #[serde(default)]
    pub pages: BoardPages,
    /// The viewer's own contacts, soonest expiry first.
    pub mine: Capped,
    /// Claims lapsing soon (the viewer's; a manager's team's; every claim for an admin).
    pub lapsing: Capped,
    /// Contacts with an `unanswered_reply` or `cadence_gap` alert, oldest alert first.
    pub alerting: Capped,
}

impl LeadsBoard {
    /// Lists each contact once: in the first section of the page that has it (hot leads, my
    /// contacts, lapsing claims, needs attention). A later section leaves it out and counts it
    /// as listed above, and its alerts join the row where it is listed.
    pub fn once(&mut self) {
        let mut sections = [
            std::mem::take(&mut self.hot),
            std::mem::take(&mut self.mine),
            std::mem::take(&mut self.lapsing),
            std::mem::take(&mut self.alerting),
        ];
        let mut seen: HashMap<ContactId, (usize, usize)> = HashMap::new();
        for s in 0..sections.len() {
            let rows = std::mem::take(&mut sections[s].rows);
            let mut kept: Vec<LeadRow> = Vec::with_capacity(rows.len());
            for row in rows {
                match seen.get(&row.contact_id) {
                    Some(&(section, index)) => {
                        sections[s].above += 1;
                        let listed = &mut sections[section].rows[index];
                        for alert in row.alerts {
                            if !listed.alerts.contains(&alert) {
                                listed.alerts.push(alert);
                            }
                        }
                    }
                    None => {
                        seen.insert(row.contact_id, (s, kept.len()));
                        kept.push(row);
                    }
                }
            }
            sections[s].rows = kept;
        }
        let [hot, mine, lapsing, alerting] = sections;
        self.hot = hot;
        self.mine = mine;
        self.lapsing = lapsing;
        self.alerting = alerting;
    }
}

/// Which page of each board section to show, from 0; the sections are [`BoardPages::SECTIONS`]
/// in the page's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BoardPages {
    /// Hot leads.
    pub hot: u32,
    /// My contacts.
    pub mine: u32,
    /// Claims about to lapse.
    pub lapsing: u32,
    /// Needs attention.
    pub alerts: u32,
}

impl BoardPages {
    /// The sections' ids, which are also their anchors and address keys (`mine_page=2`).
    pub const SECTIONS: [&'static str; 4] = ["hot", "mine", "lapsing", "alerts"];

    /// The page of section `id`.
    pub fn get(&self, id: &str) -> u32 {
        match id {
            "hot" => self.hot,
            "mine" => self.mine,
            "lapsing" => self.lapsing,
            "alerts" => self.alerts,
            _ => 0,
        }
    }

    /// The same pages with section `id` at `page`.
    pub fn with(mut self, id: &str, page: u32) -> BoardPages {
        match id {
            "hot" => self.hot = page,
            "mine" => self.mine = page,
            "lapsing" => self.lapsing = page,
            "alerts" => self.alerts = page,
            _ => {}
        }
        self
    }

    /// The board's address: `include_owned` and each section's page past the first, as
    /// 1-based `{id}_page`, anchored at section `at`.
    pub fn href(&self, include_owned: bool, at: &str) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if include_owned {
            pairs.push("hot=all".to_owned());
        }
        for id in Self::SECTIONS {
            let page = self.get(id);
            if page > 0 {
                pairs.push(format!("{id}_page={}", page + 1));
            }
        }
        let query = if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        };
        format!("/leads{query}#{at}")
    }

    /// Reads `{id}_page` (1-based) for each section; anything else is the first page.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> BoardPages {
        Self::SECTIONS
            .into_iter()
            .fold(BoardPages::default(), |pages, id| {
                let page = get(&format!("{id}_page"))
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .map_or(0, |p| p.saturating_sub(1));
                pages.with(id, page)
            })
    }
}

/// Whose lapsing claims a viewer sees: a rep their own, a manager their team's, an admin all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LapsingScope {
    /// Claims owned by this user.
    Owner(UserId),
    /// Claims owned by members of this team.
    Team(TeamId),
    /// Every claim.
    All,
}

impl LapsingScope {
    /// The scope for a viewer with this role, id and team.
    pub fn for_viewer(role: Role, id: UserId, team: TeamId) -> LapsingScope {
        match role {
            Role::Admin => LapsingScope::All,
            Role::Manager => LapsingScope::Team(team),
            Role::Rep | Role::Marketer => LapsingScope::Owner(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, alerts: Vec<Alert>) -> LeadRow {
        LeadRow {
            contact_id: ContactId(id),
            name: format!("Contact {id}"),
            stage: Stage::Lead,
            last_inbound: None,
            owner: None,
            requested: false,
            alerts,
        }
    }

    fn capped(rows: Vec<LeadRow>) -> Capped {
        Capped {
            total: rows.len() as u64 + 5,
            rows,
            offset: 0,
            above: 0,
        }
    }

    fn ids(c: &Capped) -> Vec<i64> {
        c.rows.iter().map(|r| r.contact_id.0).collect()
    }

    #[test]
    fn pages_go_into_the_address_and_back() {
        let pages = BoardPages::default().with("mine", 2).with("alerts", 1);
        let href = pages.href(true, "mine");
        assert_eq!(href, "/leads?hot=all&mine_page=3&alerts_page=2#mine");
        let query: HashMap<&str, &str> =
            [("mine_page", "3"), ("alerts_page", "2"), ("hot_page", "x")]
                .into_iter()
                .collect();
        assert_eq!(
            BoardPages::from_query(|k| query.get(k).map(|v| v.to_string())),
            pages
        );
        assert_eq!(BoardPages::default().href(false, "hot"), "/leads#hot");
    }

    #[test]
    fn each_contact_is_listed_once_in_the_first_section_that_has_it() {
        let alert = |text: &str| Alert {
            alert: crate::domain::AlertId::UnansweredReply,
            message: text.to_owned(),
            since: DateTime::UNIX_EPOCH,
        };
        let mut board = LeadsBoard {
            viewer: Viewer {
                id: UserId(1),
                role: Role::Rep,
                zone: TimeZone::UTC,
                now: DateTime::UNIX_EPOCH,
            },
            hot: capped(vec![row(1, vec![]), row(2, vec![])]),
            include_owned: false,
            pages: BoardPages::default(),
            mine: capped(vec![row(3, vec![]), row(4, vec![])]),
            lapsing: capped(vec![row(4, vec![]), row(5, vec![])]),
            alerting: capped(vec![
                row(2, vec![alert("Ann wrote")]),
                row(4, vec![]),
                row(6, vec![]),
            ]),
        };
        board.once();
        assert_eq!(ids(&board.hot), [1, 2]);
        assert_eq!(ids(&board.mine), [3, 4]);
        assert_eq!(ids(&board.lapsing), [5]);
        assert_eq!(ids(&board.alerting), [6]);
        assert_eq!(
            (
                board.hot.above,
                board.mine.above,
                board.lapsing.above,
                board.alerting.above
            ),
            (0, 0, 1, 2)
        );
        assert_eq!(
            board.hot.rows[1].alerts,
            vec![alert("Ann wrote")],
            "the alert joins the listed row"
        );
        assert_eq!(
            board.alerting.total, 8,
            "the total still counts every match"
        );
    }
}
