//! Which contacts a search means: a text (name or email prefix, exact phone or external id, or
//! any part of the name, email or phone)
//! and filters on stage, owner, time zone and consent. Shared by the contacts list, its count
//! and the CSV export, so the three always agree.

use super::text_match::TextMatch;
use crate::domain::ids::UserId;
use crate::domain::{Channel, Stage, TimeZone};
use crate::store::db::SqlBuilder;
use crate::store::rows::secs;
use chrono::{DateTime, Utc};

/// Whose contacts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    /// Owned or not.
    #[default]
    Any,
    /// No live claim.
    Unowned,
    /// A live claim by this user.
    User(UserId),
}

/// A parsed contact search; every field narrows it, the default matches everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactSearch {
    /// A name or email prefix (ignoring ASCII case), an exact phone number or external id, or
    /// any part of the name, email or phone (see [`TextMatch::branches`]).
    pub text: Option<String>,
    /// Only this stage.
    pub stage: Option<Stage>,
    /// Only these owners.
    pub owner: OwnerFilter,
    /// Only contacts in this zone.
    pub time_zone: Option<TimeZone>,
    /// Per channel: only contacts whose consent is (or is not) given.
    pub consent: Vec<(Channel, bool)>,
    /// do-not-contact must be this.
    pub do_not_contact: Option<bool>,
}

impl ContactSearch {
    /// Appends ` WHERE …` for this search to a query over `contacts c` left-joined with its
    /// open claim `cl` (as in `CONTACT_SELECT`); a claim that expired before `now` is no owner.
    /// Flags are written as literals, not bound, so the planner can pick the partial indexes
    /// on rare values (`WHERE do_not_contact = 1`, `WHERE consent_email = 0`, …). The text
    /// matches by any of `branches` (of [`TextMatch::branches`]).
    pub fn push_where(&self, sql: &mut SqlBuilder, now: DateTime<Utc>, branches: &[TextMatch]) {
        sql.push(" WHERE 1 = 1");
        if let Some(text) = &self.text {
            sql.push(" AND (");
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    sql.push(" OR ");
                }
                branch.push(sql, text);
            }
            sql.push(")");
        }
        if let Some(stage) = self.stage {
            sql.push(" AND c.stage = ").push_bind(stage.as_str());
        }
        if let Some(zone) = self.time_zone {
            sql.push(" AND c.timezone = ").push_bind(zone.name());
        }
        for (channel, given) in &self.consent {
            let column = match channel {
                Channel::Email => "c.consent_email",
                Channel::Sms => "c.consent_sms",
                Channel::Phone => "c.consent_phone",
                Channel::Mail => "c.consent_mail",
            };
            sql.push(format_args!(" AND {column} = {}", i32::from(*given)));
        }
        if let Some(flag) = self.do_not_contact {
            sql.push(format_args!(" AND c.do_not_contact = {}", i32::from(flag)));
        }
        match self.owner {
            OwnerFilter::Any => {}
            OwnerFilter::Unowned => {
                sql.push(" AND (cl.user_id IS NULL OR cl.expires_at <= ")
                    .push_bind(secs(now))
                    .push(")");
            }
            OwnerFilter::User(user) => {
                sql.push(" AND cl.user_id = ")
                    .push_bind(user.0)
                    .push(" AND cl.expires_at > ")
                    .push_bind(secs(now));
            }
        }
    }
}
