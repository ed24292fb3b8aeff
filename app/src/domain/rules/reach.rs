//! How far around an instant the store must read a contact's ledger so that every rule sees
//! every touch it could count.

use super::Rules;
use chrono::TimeDelta;

impl Rules {
    /// The longest distance at which a ledger touch can still matter to a proposed touch: the
    /// longest rule window (the cool-down counts with its following window), plus mail's
    /// in-home days, since a mail touch counts days after its drop date.
    pub fn reach(&self) -> TimeDelta {
        let cooldown = &self.first_touch_cooldown.params;
        let longest = [
            self.daily_cap.params.window.as_millis(),
            self.weekly_cap.params.window.as_millis(),
            self.min_gap.params.gap.as_millis(),
            self.channel_mix.params.window.as_millis(),
            cooldown.cooldown.as_millis() + cooldown.window.as_millis(),
            self.customer_promo.params.window.as_millis(),
            self.cross_team.params.window.as_millis(),
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        TimeDelta::milliseconds(longest) + TimeDelta::days(i64::from(self.mail_in_home.max_days))
    }

    /// How long a new or renewed claim lasts.
    pub fn claim_term(&self) -> TimeDelta {
        TimeDelta::days(i64::from(self.claims.claim_days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_reach_is_the_week_plus_the_mail_window() {
        assert_eq!(Rules::default().reach(), TimeDelta::days(7 + 5));
        assert_eq!(Rules::default().claim_term(), TimeDelta::days(14));
    }
}
