//! What each rule, alert and setting does, in one sentence for the settings page (DESIGN's
//! "The contact policy").

/// The sentence for a rule id; empty for an id this build does not describe.
pub fn about(id: &str) -> &'static str {
    match id {
        "daily_cap" => "At most limit outbound touches per contact in any rolling window, all teams and channels.",
        "weekly_cap" => "The same cap over a longer window.",
        "min_gap" => "At least gap between two outbound touches to one contact.",
        "channel_mix" => "At most max_channels distinct channels per contact per window.",
        "first_touch_cooldown" => "After a first inbound interaction: no sales follow-up within cooldown, then at most limit per window.",
        "quiet_hours" => "Phone and SMS only between start and end in the contact's local time, and not on the closed days.",
        "consent" => "The channel needs the contact's consent.",
        "do_not_contact" => "No touch except transactional ones.",
        "customer_promo" => "No acquisition promos to customers; customers' promos capped at limit per window.",
        "owner_only" => "An owned contact gets sales follow-ups only from its owner.",
        "cross_team" => "Touches from two or more teams within the window.",
        "addressee" => "Mail or email to a known contact must be personalized.",
        "robo_care" => "An automated phone touch with the purpose relationship.",
        "audience" => "The contact fails the touch's or campaign's audience conditions.",
        "legal_hours" => "The calling and texting hours of the contact's place, from the rule packs that are on (Settings → Rule packs).",
        "legal_call_cap" => "The law's caps on sales calls (and texts where it counts them) per 24 h or 30 days, from the rule packs that are on.",
        "holiday" => "No sales calls on public holidays where a rule pack's law forbids them.",
        "refusal_quiet_period" => "No solicitations on a channel for the period the law sets after the contact refused (France 60 days; the UK for good).",
        "mail_in_home" => "Direct mail is in homes from min_days to max_days after the drop.",
        "unanswered_reply" => "Alert: an inbound reply not answered by the owner within business_days business days.",
        "cadence_gap" => "Alert: an owned sequence with no touch for longer than factor × its median gap (at least at_least).",
        "claim_expiring" => "Alert: a claim whose owner has done no outbound work for idle.",
        "claims" => "How many days a rep's claim lasts unless renewed by outbound work.",
        _ => "",
    }
}

/// The order the settings page lists rules in: DESIGN's table, then the alerts and settings.
pub const ORDER: [&str; 23] = [
    "daily_cap",
    "weekly_cap",
    "min_gap",
    "channel_mix",
    "first_touch_cooldown",
    "quiet_hours",
    "consent",
    "do_not_contact",
    "customer_promo",
    "owner_only",
    "cross_team",
    "addressee",
    "robo_care",
    "audience",
    "legal_hours",
    "legal_call_cap",
    "holiday",
    "refusal_quiet_period",
    "mail_in_home",
    "unanswered_reply",
    "cadence_gap",
    "claim_expiring",
    "claims",
];

/// The rules that enforce the law: switching one off, or down to a warning, is shown with a
/// warning.
pub const LEGAL: [&str; 4] = [
    "legal_hours",
    "legal_call_cap",
    "holiday",
    "refusal_quiet_period",
];

/// The warning beside a legal rule that no longer blocks.
pub fn weakened(id: &str, enabled: Option<bool>, severity: Option<&str>) -> Option<&'static str> {
    let weak = enabled == Some(false) || severity == Some("warn");
    (LEGAL.contains(&id) && weak).then_some(
        "This is a legal minimum. While it is off or only warns, touches that break the law of a contact's place go out without review.",
    )
}

/// The order parameters are shown in within a rule (start before end, min before max).
pub const FIELD_ORDER: [&str; 20] = [
    "limit",
    "max_channels",
    "gap",
    "cooldown",
    "window",
    "channels",
    "start",
    "end",
    "closed_days",
    "min_days",
    "max_days",
    "business_days",
    "opens",
    "closes",
    "workdays",
    "factor",
    "at_least",
    "min_touches",
    "idle",
    "claim_days",
];

/// Where `id` sits in `order` (unknown ids last).
pub fn rank(order: &[&str], id: &str) -> usize {
    order.iter().position(|o| *o == id).unwrap_or(order.len())
}
