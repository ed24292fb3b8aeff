//! What moving a whole campaign did with its touches, and the sentence that says so.

use crate::domain::ids::TouchId;
use crate::domain::Placement;
use serde::{Deserialize, Serialize};

/// What moving a campaign did with its touches that had not gone out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMoved {
    /// Moved, and nothing blocks them at their new time.
    pub planned: u64,
    /// Moved, and waiting for a manager because a rule blocks them there.
    pub pending_review: u64,
    /// Left out (cancelled): consent or do-not-contact blocks them there.
    pub left_out: u64,
    /// Not moved, each with the reason.
    pub refused: Vec<(TouchId, String)>,
}

impl CampaignMoved {
    /// Counts one touch placed at its new time.
    pub fn add(&mut self, placed: Placement) {
        match placed {
            Placement::Planned(_) => self.planned += 1,
            Placement::PendingReview(_) => self.pending_review += 1,
            Placement::Excluded => self.left_out += 1,
        }
    }

    /// The outcome in words: "Moved 3 touches: 2 planned, 1 waits for review."
    pub fn summary(&self) -> String {
        let moved = self.planned + self.pending_review;
        let mut parts = vec![format!("{} planned", self.planned)];
        if self.pending_review > 0 {
            parts.push(format!(
                "{} {} for review",
                self.pending_review,
                if self.pending_review == 1 {
                    "waits"
                } else {
                    "wait"
                }
            ));
        }
        if self.left_out > 0 {
            parts.push(format!(
                "{} left out because consent or do-not-contact blocks {} then",
                self.left_out,
                if self.left_out == 1 { "it" } else { "them" }
            ));
        }
        let mut text = format!(
            "Moved {moved} {}: {}.",
            if moved == 1 { "touch" } else { "touches" },
            parts.join(", ")
        );
        if !self.refused.is_empty() {
            let reasons: Vec<String> = self
                .refused
                .iter()
                .map(|(id, why)| format!("touch #{}: {why}", id.0))
                .collect();
            text.push_str(&format!(
                " {} could not be moved: {}.",
                self.refused.len(),
                reasons.join("; ")
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn a_move_says_what_became_of_each_touch() {
        let mut moved = CampaignMoved::default();
        moved.add(Placement::Planned(Utc::now()));
        moved.add(Placement::Planned(Utc::now()));
        moved.add(Placement::PendingReview(Utc::now()));
        moved.add(Placement::Excluded);
        moved
            .refused
            .push((TouchId(7), "the touch was sent already".into()));
        assert_eq!(
            moved.summary(),
            "Moved 3 touches: 2 planned, 1 waits for review, 1 left out because consent or \
             do-not-contact blocks it then. 1 could not be moved: touch #7: the touch was sent \
             already."
        );
        assert_eq!(
            CampaignMoved {
                planned: 1,
                ..CampaignMoved::default()
            }
            .summary(),
            "Moved 1 touch: 1 planned."
        );
    }
}
