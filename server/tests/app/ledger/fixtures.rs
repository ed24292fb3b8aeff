//! A small company on a fresh database: one team, a marketer, two reps, a manager, and helpers
//! to add contacts and touches.

use crate::helpers::{spawn_app, TestApp};
use app::domain::ids::{ContactId, TeamId, UserId};
use app::domain::role::Role;
use app::domain::{Channel, ContactInput, NewContact, NewTouch, ProposedTouch, Purpose};
use app::store::db;
use app::store::users::{create_user, NewUser};
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// Monday 2030-03-04 00:00 UTC: the day the tests plan touches on.
pub fn day() -> DateTime<Utc> {
    "2030-03-04T00:00:00Z".parse().unwrap()
}

/// "Now" in the tests: the day before.
pub fn now() -> DateTime<Utc> {
    day() - TimeDelta::days(1)
}

pub struct Company {
    pub app: TestApp,
    pub pool: Db,
    pub team: TeamId,
    pub marketer: UserId,
    pub rep: UserId,
    pub rep2: UserId,
    pub manager: UserId,
}

async fn user(pool: &Db, email: &str, role: Role) -> UserId {
    let user = NewUser {
        email: email.into(),
        name: email.split('@').next().unwrap().into(),
        role,
        team: app::store::users::TeamRef::Name("Inside sales".into()),
        password_hash: "not-a-real-hash".into(),
    };
    create_user(pool, &user, None, now()).await.unwrap()
}

/// Starts Concord on a fresh file and adds the company through the store.
pub async fn company() -> Company {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let marketer = user(&pool, "mia@example.com", Role::Marketer).await;
    let rep = user(&pool, "rex@example.com", Role::Rep).await;
    let rep2 = user(&pool, "rita@example.com", Role::Rep).await;
    let manager = user(&pool, "max@example.com", Role::Manager).await;
    let team: i64 = db::query_scalar("SELECT id FROM teams WHERE name = 'Inside sales'")
        .fetch_one(&pool)
        .await
        .unwrap();
    Company {
        app,
        pool,
        team: TeamId(team),
        marketer,
        rep,
        rep2,
        manager,
    }
}

impl Company {
    /// One of the company's users as the permission table sees them.
    pub fn actor(&self, id: UserId) -> app::domain::Actor {
        let role = if id == self.marketer {
            Role::Marketer
        } else if id == self.manager {
            Role::Manager
        } else {
            Role::Rep
        };
        app::domain::Actor {
            id,
            role,
            team: self.team,
        }
    }

    /// A prospect in New York with an email, a phone and a full address.
    pub async fn contact(&self, name: &str) -> ContactId {
        let input = ContactInput {
            name: name.into(),
            email: Some(format!("{}@example.net", name.to_lowercase())),
            phone: Some("+1 617 555 0100".into()),
            address: Some("1 Main St\nBoston MA 02101".into()),
            timezone: "America/New_York".into(),
            stage: "prospect".into(),
            ..ContactInput::default()
        };
        let contact = NewContact::parse(&input).unwrap();
        app::store::contacts::create_contact(&self.pool, &contact, None, now())
            .await
            .unwrap()
            .id
    }

    /// A newsletter email by the marketer at `at`.
    pub fn email(&self, contact: ContactId, at: DateTime<Utc>) -> NewTouch {
        self.touch(contact, self.marketer, Purpose::Newsletter, at)
    }

    /// An email touch by `author` with `purpose` at `at`.
    pub fn touch(
        &self,
        contact: ContactId,
        author: UserId,
        purpose: Purpose,
        at: DateTime<Utc>,
    ) -> NewTouch {
        NewTouch {
            contact,
            proposed: ProposedTouch::new(Channel::Email, purpose, self.team, author, at),
            title: "Hello".into(),
            notes: String::new(),
        }
    }

    /// How many audit rows have this action.
    pub async fn audited(&self, action: &str) -> i64 {
        db::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?")
            .bind(action)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// How many rows `sql` (a `SELECT COUNT(*) …`) counts.
    pub async fn count(&self, sql: &str) -> i64 {
        db::query_scalar(sql.to_owned())
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}
