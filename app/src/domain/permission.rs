//! Who may do what: the one table from role to action. The REST API, server functions, pages
//! and the claim and review state machines all ask it, so a rule changes in one place.

use super::role::Role;
use serde::{Deserialize, Serialize};

/// Something a user asks Concord to do that not every role may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read the calendar, contacts and timelines; plan single touches; report events.
    Plan,
    /// Plan a touch in another team's name.
    PlanForOtherTeam,
    /// Reschedule or cancel a touch someone else wrote.
    ChangeOthersTouches,
    /// Preview and create campaigns.
    PlanCampaign,
    /// Import contacts from CSV.
    ImportContacts,
    /// Export contacts as CSV.
    ExportContacts,
    /// Make a contact reachable again: consent back on, do-not-contact lifted.
    RestoreConsent,
    /// Claim an unowned contact (or file a request for an owned one).
    Claim,
    /// Release or reassign someone else's claim; decide claim requests.
    ManageClaims,
    /// Approve or reject touches pending review.
    Review,
    /// See the review queue, the audit trail and the pressure dashboard.
    Oversee,
    /// Change the contact policy's rules.
    EditRules,
    /// Create teams and users.
    ManagePeople,
    /// Issue and revoke API tokens.
    ManageTokens,
    /// Connect senders' webhooks (sources) and replay their dead letters.
    ManageSources,
}

impl Action {
    /// Every action, for the authorization matrix and its test.
    pub const ALL: [Action; 15] = [
        Action::Plan,
        Action::PlanForOtherTeam,
        Action::ChangeOthersTouches,
        Action::PlanCampaign,
        Action::ImportContacts,
        Action::ExportContacts,
        Action::RestoreConsent,
        Action::Claim,
        Action::ManageClaims,
        Action::Review,
        Action::Oversee,
        Action::EditRules,
        Action::ManagePeople,
        Action::ManageTokens,
        Action::ManageSources,
    ];

    /// The roles that may take this action.
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::Plan => &[Rep, Marketer, Manager, Admin],
            Action::PlanCampaign | Action::ImportContacts | Action::ExportContacts => {
                &[Marketer, Manager, Admin]
            }
            Action::Claim => &[Rep, Manager],
            Action::PlanForOtherTeam
            | Action::ChangeOthersTouches
            | Action::RestoreConsent
            | Action::ManageClaims
            | Action::Review
            | Action::Oversee => &[Manager, Admin],
            Action::EditRules
            | Action::ManagePeople
            | Action::ManageTokens
            | Action::ManageSources => &[Admin],
        }
    }

    /// What the action is, in words, for "a rep may not …" messages.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Plan => "plan touches",
            Action::PlanForOtherTeam => "plan in another team's name",
            Action::ChangeOthersTouches => "reschedule or cancel other people's touches",
            Action::PlanCampaign => "plan campaigns",
            Action::ImportContacts => "import contacts",
            Action::ExportContacts => "export contacts",
            Action::RestoreConsent => "turn consent or contact back on",
            Action::Claim => "claim contacts",
            Action::ManageClaims => "release or reassign other people's claims",
            Action::Review => "approve or reject touches",
            Action::Oversee => "see the review queue, audit trail and dashboard",
            Action::EditRules => "change the contact rules",
            Action::ManagePeople => "manage teams and users",
            Action::ManageTokens => "manage API tokens",
            Action::ManageSources => "connect senders and replay their dead letters",
        }
    }
}

/// A role asked for an action it may not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("a {role} may not {}", action.describe())]
pub struct Forbidden {
    /// The role that asked.
    pub role: Role,
    /// What it asked for.
    pub action: Action,
}

impl Role {
    /// Whether this role may take `action`.
    pub fn may(self, action: Action) -> bool {
        action.roles().contains(&self)
    }

    /// `Ok` if this role may take `action`, else the refusal to show.
    pub fn require(self, action: Action) -> Result<(), Forbidden> {
        if self.may(action) {
            Ok(())
        } else {
            Err(Forbidden { role: self, action })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_matches_the_design() {
        let allowed = |action: Action| -> Vec<Role> {
            Role::ALL.into_iter().filter(|r| r.may(action)).collect()
        };
        assert_eq!(allowed(Action::Plan).len(), 4);
        assert_eq!(allowed(Action::Claim), vec![Role::Rep, Role::Manager]);
        assert_eq!(allowed(Action::Review), vec![Role::Manager, Role::Admin]);
        assert_eq!(
            allowed(Action::ManageClaims),
            vec![Role::Manager, Role::Admin]
        );
        assert_eq!(allowed(Action::EditRules), vec![Role::Admin]);
        for action in [
            Action::PlanForOtherTeam,
            Action::ChangeOthersTouches,
            Action::RestoreConsent,
        ] {
            assert_eq!(
                allowed(action),
                vec![Role::Manager, Role::Admin],
                "{action:?}"
            );
        }
        assert_eq!(
            allowed(Action::ExportContacts),
            vec![Role::Marketer, Role::Manager, Role::Admin]
        );
        assert!(!Role::Rep.may(Action::PlanCampaign));
        assert!(!Role::Marketer.may(Action::ManageClaims));
    }

    #[test]
    fn a_refusal_names_the_role_and_the_action() {
        let err = Role::Rep.require(Action::Review).unwrap_err();
        assert_eq!(err.to_string(), "a rep may not approve or reject touches");
        assert_eq!(Role::Admin.require(Action::ManageTokens), Ok(()));
    }
}
