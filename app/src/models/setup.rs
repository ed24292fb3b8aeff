//! What an admin has not set up yet, read from a few counts: the start page lists each missing
//! step with the settings page that does it.

use serde::{Deserialize, Serialize};

/// How much of Concord is set up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    /// Sender sources that are connected (not disabled).
    pub senders: u64,
    /// API tokens that are not revoked.
    pub tokens: u64,
    /// Rule packs that are on.
    pub packs: u64,
    /// Suppression lists in force.
    pub lists: u64,
    /// Users who may sign in.
    pub users: u64,
}

/// One thing to set up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetupStep {
    /// What to do.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// Where it is done.
    pub href: &'static str,
}

impl Setup {
    /// The steps not done yet, most important first.
    pub fn missing(&self) -> Vec<SetupStep> {
        [
            (
                self.tokens == 0,
                SetupStep {
                    title: "Issue an API token",
                    why: "Your email service, SMS gateway or dialer asks Concord whether it may send with one.",
                    href: "/settings#tokens",
                },
            ),
            (
                self.senders == 0,
                SetupStep {
                    title: "Connect a sender",
                    why: "Deliveries, bounces, replies and opt-outs reach Concord from your providers' webhooks.",
                    href: "/settings/senders",
                },
            ),
            (
                self.packs == 0,
                SetupStep {
                    title: "Turn on a rule pack",
                    why: "Packs hold the calling and texting laws of the places your contacts live.",
                    href: "/settings/packs",
                },
            ),
            (
                self.lists == 0,
                SetupStep {
                    title: "Load a suppression list",
                    why: "A do-not-call registry extract or your own list blocks the numbers and addresses on it.",
                    href: "/settings/suppression",
                },
            ),
            (
                self.users <= 1,
                SetupStep {
                    title: "Add the people who plan touches",
                    why: "Marketers, reps and managers each sign in as themselves.",
                    href: "/settings#people",
                },
            ),
        ]
        .into_iter()
        .filter_map(|(missing, step)| missing.then_some(step))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_missing_part_is_one_step_and_a_set_up_company_has_none() {
        let done = Setup {
            senders: 1,
            tokens: 2,
            packs: 1,
            lists: 1,
            users: 6,
        };
        assert_eq!(done.missing(), vec![]);
        let fresh = Setup {
            users: 1,
            ..Setup::default()
        };
        let titles: Vec<_> = fresh.missing().iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "Issue an API token",
                "Connect a sender",
                "Turn on a rule pack",
                "Load a suppression list",
                "Add the people who plan touches"
            ]
        );
        let no_packs = Setup { packs: 0, ..done };
        assert_eq!(no_packs.missing()[0].href, "/settings/packs");
    }
}
