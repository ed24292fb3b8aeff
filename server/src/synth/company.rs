//! Who sends what in the synthetic company: the demo teams and users, and its campaigns.

use anyhow::Context;
use app::store::db;
use db::Db;

/// A team and one of its users, as database ids.
#[derive(Clone, Copy, Debug)]
pub struct Sender {
    pub team: i64,
    pub author: i64,
}

/// The demo company's senders (see [`crate::demo::DEMO_USERS`]).
#[derive(Clone, Copy, Debug)]
pub struct Company {
    pub corporate: Sender,
    pub local: Sender,
    pub sales: Sender,
    pub manager: Sender,
    pub success: Sender,
}

/// A campaign to create: its row values and the day it goes out (relative to the reference).
#[derive(Clone, Copy, Debug)]
pub struct Campaign {
    pub id: i64,
    pub title: &'static str,
    pub sender: Sender,
    pub channel: &'static str,
    pub purpose: &'static str,
    pub automated: bool,
    pub day: i64,
}

impl Company {
    /// Reads the demo users' ids; they must exist.
    pub async fn load(pool: &Db) -> anyhow::Result<Company> {
        let sender = |email: &'static str| async move {
            let row: (i64, i64) = db::query_as("SELECT team_id, id FROM users WHERE email = ?")
                .bind(email)
                .fetch_optional(pool)
                .await?
                .with_context(|| {
                    format!("the demo user {email} is missing: use an empty database")
                })?;
            anyhow::Ok(Sender {
                team: row.0,
                author: row.1,
            })
        };
        Ok(Company {
            corporate: sender("mia@example.com").await?,
            local: sender("bo@example.com").await?,
            sales: sender("riley@example.com").await?,
            manager: sender("max@example.com").await?,
            success: sender("sam@example.com").await?,
        })
    }

    /// Two dozen campaigns, one every five days from 60 days before the reference date.
    pub fn campaigns(&self) -> Vec<Campaign> {
        let kinds = [
            (
                "Holiday sale",
                self.corporate,
                "email",
                "promotional",
                false,
            ),
            (
                "Monthly newsletter",
                self.corporate,
                "email",
                "newsletter",
                false,
            ),
            (
                "Boston store opening",
                self.local,
                "mail",
                "promotional",
                false,
            ),
            (
                "Boston weekend deals",
                self.local,
                "sms",
                "promotional",
                true,
            ),
            (
                "Product webinar invite",
                self.corporate,
                "email",
                "promotional",
                false,
            ),
            (
                "Customer appreciation",
                self.success,
                "email",
                "relationship",
                false,
            ),
            ("Renewal reminder", self.success, "email", "service", false),
            (
                "Spring catalog",
                self.corporate,
                "mail",
                "promotional",
                false,
            ),
        ];
        (0..24)
            .map(|i| {
                let (title, sender, channel, purpose, automated) = kinds[i % kinds.len()];
                Campaign {
                    id: i as i64 + 1,
                    title,
                    sender,
                    channel,
                    purpose,
                    automated,
                    day: -60 + 5 * i as i64,
                }
            })
            .collect()
    }
}
