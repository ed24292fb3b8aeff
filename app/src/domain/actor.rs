//! Who is asking: a user as the permission table sees them (from a session or a bearer token
//! alike), and the decisions that need more than a role — whose touch it is, whose team it
//! plans for, whether a change restores what a contact or a manager turned off.

use super::contact::Consent;
use super::ids::{TeamId, UserId};
use super::permission::{Action, Forbidden};
use super::role::Role;
use serde::{Deserialize, Serialize};

/// The user behind a request: their id, role and team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The user.
    pub id: UserId,
    /// Their one role.
    pub role: Role,
    /// Their team.
    pub team: TeamId,
}

impl Actor {
    /// `Ok` if the actor's role may take `action`, else the refusal to show.
    pub fn require(&self, action: Action) -> Result<(), Forbidden> {
        self.role.require(action)
    }

    /// The team a touch is planned for: the actor's own unless another is asked for, which
    /// only roles that may plan in another team's name may do.
    pub fn team_for(&self, asked: Option<TeamId>) -> Result<TeamId, Forbidden> {
        match asked {
            Some(team) if team != self.team => {
                self.require(Action::PlanForOtherTeam)?;
                Ok(team)
            }
            _ => Ok(self.team),
        }
    }

    /// Whether the actor may reschedule or cancel a touch written by `author`: their own, or
    /// any for the roles that may change other people's touches.
    pub fn may_change_touch(&self, author: UserId) -> Result<(), Forbidden> {
        if author == self.id {
            Ok(())
        } else {
            self.require(Action::ChangeOthersTouches)
        }
    }

    /// Whether the actor may make a contact reachable again: turning a channel's consent from
    /// off to on, or lifting do-not-contact. Turning them off is open to every role.
    pub fn may_restore_reach(
        &self,
        (was_consent, was_dnc): (Consent, bool),
        (consent, dnc): (Consent, bool),
    ) -> Result<(), Forbidden> {
        let restored = |was: bool, now: bool| !was && now;
        let restores = restored(was_consent.email, consent.email)
            || restored(was_consent.sms, consent.sms)
            || restored(was_consent.phone, consent.phone)
            || restored(was_consent.mail, consent.mail)
            || (was_dnc && !dnc);
        if restores {
            self.require(Action::RestoreConsent)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            id: UserId(1),
            role,
            team: TeamId(10),
        }
    }

    #[test]
    fn only_managers_and_admins_plan_in_another_teams_name() {
        for role in Role::ALL {
            assert_eq!(actor(role).team_for(None), Ok(TeamId(10)));
            assert_eq!(actor(role).team_for(Some(TeamId(10))), Ok(TeamId(10)));
            let other = actor(role).team_for(Some(TeamId(11)));
            match role {
                Role::Manager | Role::Admin => assert_eq!(other, Ok(TeamId(11))),
                _ => assert_eq!(
                    other.unwrap_err().to_string(),
                    format!("a {role} may not plan in another team's name")
                ),
            }
        }
    }

    #[test]
    fn a_touch_is_changed_by_its_author_or_a_manager() {
        for role in Role::ALL {
            assert_eq!(actor(role).may_change_touch(UserId(1)), Ok(()));
            let others = actor(role).may_change_touch(UserId(2)).is_ok();
            assert_eq!(
                others,
                matches!(role, Role::Manager | Role::Admin),
                "{role}"
            );
        }
    }

    #[test]
    fn only_managers_and_admins_make_a_contact_reachable_again() {
        let off = Consent {
            email: false,
            sms: false,
            phone: false,
            mail: false,
        };
        let email_on = Consent { email: true, ..off };
        for role in Role::ALL {
            let a = actor(role);
            let manager = matches!(role, Role::Manager | Role::Admin);
            // Turning things off, or leaving them, is for everyone.
            assert_eq!(a.may_restore_reach((email_on, false), (off, true)), Ok(()));
            assert_eq!(
                a.may_restore_reach((email_on, true), (email_on, true)),
                Ok(())
            );
            // Turning them back on is not.
            assert_eq!(
                a.may_restore_reach((off, false), (email_on, false)).is_ok(),
                manager
            );
            assert_eq!(
                a.may_restore_reach((off, true), (off, false)).is_ok(),
                manager
            );
        }
    }
}
