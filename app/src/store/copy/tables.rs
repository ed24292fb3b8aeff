//! What a copy between engines moves: every table of the ledger in an order that satisfies its
//! foreign keys, each column with how it is read and written. Derived tables are not copied
//! (the calendar's counts are rebuilt by the target's triggers as touches arrive), nor staged
//! imports, throttle counts or sessions (everyone signs in again on the target).

/// How a column's values are read and written on both engines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A 64-bit integer (ids, instants, counts).
    Int,
    /// Text (names, JSON).
    Text,
    /// A flag: 0/1 on SQLite, a boolean on PostgreSQL.
    Flag,
}

/// One table: its name and columns, the first being the unique key rows are read in order of.
#[derive(Debug)]
pub struct Table {
    /// The table's name.
    pub name: &'static str,
    /// Its columns, key first.
    pub columns: &'static [(&'static str, Kind)],
}

use Kind::{Flag, Int, Text};

/// The ledger's tables, parents before children.
pub const TABLES: &[Table] = &[
    Table {
        name: "teams",
        columns: &[("id", Int), ("name", Text), ("created_at", Int)],
    },
    Table {
        name: "users",
        columns: &[
            ("id", Int),
            ("email", Text),
            ("name", Text),
            ("role", Text),
            ("team_id", Int),
            ("password_hash", Text),
            ("created_at", Int),
            ("timezone", Text),
            ("disabled_at", Int),
            ("session_epoch", Int),
        ],
    },
    Table {
        name: "contacts",
        columns: &[
            ("id", Int),
            ("external_id", Text),
            ("name", Text),
            ("email", Text),
            ("phone", Text),
            ("address", Text),
            ("timezone", Text),
            ("stage", Text),
            ("attributes", Text),
            ("consent_email", Flag),
            ("consent_sms", Flag),
            ("consent_phone", Flag),
            ("consent_mail", Flag),
            ("do_not_contact", Flag),
            ("account_key", Text),
            ("first_inbound_at", Int),
            ("version", Int),
            ("created_at", Int),
            ("updated_at", Int),
            ("country", Text),
            ("region", Text),
            ("area_code_region", Text),
            ("jurisdiction_source", Text),
            ("consent_topics", Text),
            ("suppressed", Int),
        ],
    },
    Table {
        name: "campaigns",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("team_id", Int),
            ("author_id", Int),
            ("channel", Text),
            ("purpose", Text),
            ("scheduled_at", Int),
            ("audience", Text),
            ("on_conflict", Text),
            ("status", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "touches",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("channel", Text),
            ("purpose", Text),
            ("team_id", Int),
            ("author_id", Int),
            ("campaign_id", Int),
            ("scheduled_at", Int),
            ("title", Text),
            ("notes", Text),
            ("automated", Flag),
            ("personalized", Flag),
            ("audience", Text),
            ("status", Text),
            ("conflicts", Text),
            ("version", Int),
            ("sent_at", Int),
            ("created_at", Int),
            ("updated_at", Int),
            ("leased_until", Int),
            ("leased_by", Text),
            ("topic", Text),
        ],
    },
    Table {
        name: "interactions",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("kind", Text),
            ("channel", Text),
            ("at", Int),
            ("external_id", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "touch_events",
        columns: &[
            ("id", Int),
            ("touch_id", Int),
            ("kind", Text),
            ("at", Int),
            ("external_id", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "claims",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("user_id", Int),
            ("claimed_at", Int),
            ("renewed_at", Int),
            ("expires_at", Int),
            ("ended_at", Int),
            ("end_reason", Text),
            ("ended_by", Int),
        ],
    },
    Table {
        name: "claim_requests",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("requester_id", Int),
            ("status", Text),
            ("reason", Text),
            ("decided_by", Int),
            ("decided_at", Int),
            ("created_at", Int),
        ],
    },
    Table {
        name: "reviews",
        columns: &[
            ("id", Int),
            ("touch_id", Int),
            ("campaign_id", Int),
            ("reviewer_id", Int),
            ("decision", Text),
            ("reason", Text),
            ("overridden_rules", Text),
            ("decided_at", Int),
        ],
    },
    Table {
        name: "rules",
        columns: &[
            ("id", Text),
            ("params", Text),
            ("updated_by", Int),
            ("updated_at", Int),
            ("version", Int),
        ],
    },
    Table {
        name: "api_tokens",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("label", Text),
            ("token_hash", Text),
            ("created_at", Int),
            ("last_used_at", Int),
            ("revoked_at", Int),
            ("expires_at", Int),
        ],
    },
    Table {
        name: "calendar_feeds",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("label", Text),
            ("token_hash", Text),
            ("created_at", Int),
            ("last_used_at", Int),
            ("revoked_at", Int),
        ],
    },
    Table {
        name: "audit_log",
        columns: &[
            ("id", Int),
            ("at", Int),
            ("actor_id", Int),
            ("action", Text),
            ("subject_type", Text),
            ("subject_id", Int),
            ("contact_id", Int),
            ("details", Text),
        ],
    },
    Table {
        name: "contact_imports",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("file_name", Text),
            ("partial", Flag),
            ("rows_read", Int),
            ("imported", Int),
            ("rejected", Int),
            ("report", Text),
            ("created_at", Int),
        ],
    },
    Table {
        name: "sources",
        columns: &[
            ("id", Int),
            ("kind", Text),
            ("label", Text),
            ("secret", Text),
            ("secret_digest", Text),
            ("previous_secret", Text),
            ("previous_digest", Text),
            ("previous_until", Int),
            ("created_by", Int),
            ("created_at", Int),
            ("rotated_at", Int),
            ("disabled_at", Int),
            ("sns_confirmation", Text),
            ("sns_wanted_cert", Text),
            ("sns_confirmed_at", Int),
        ],
    },
    Table {
        name: "sns_certificates",
        columns: &[
            ("url", Text),
            ("pem", Text),
            ("added_by", Int),
            ("added_at", Int),
        ],
    },
    Table {
        name: "hook_events",
        columns: &[
            ("id", Int),
            ("source_id", Int),
            ("event_id", Text),
            ("outcome", Text),
            ("contact_id", Int),
            ("touch_id", Int),
            ("received_at", Int),
        ],
    },
    Table {
        name: "dead_letters",
        columns: &[
            ("id", Int),
            ("source_id", Int),
            ("event_id", Text),
            ("reason", Text),
            ("signal", Text),
            ("payload", Text),
            ("received_at", Int),
            ("replayed_at", Int),
        ],
    },
    Table {
        name: "touch_messages",
        columns: &[("message_id", Text), ("touch_id", Int)],
    },
    Table {
        name: "engagements",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("touch_id", Int),
            ("kind", Text),
            ("channel", Text),
            ("at", Int),
        ],
    },
    Table {
        name: "topics",
        columns: &[
            ("id", Text),
            ("name", Text),
            ("created_by", Int),
            ("created_at", Int),
        ],
    },
    Table {
        name: "consent_records",
        columns: &[
            ("id", Int),
            ("contact_id", Int),
            ("topic", Text),
            ("channel", Text),
            ("state", Text),
            ("basis", Text),
            ("basis_at", Int),
            ("until", Int),
            ("method", Text),
            ("wording", Text),
            ("recorded_by", Int),
            ("recorded_at", Int),
        ],
    },
    Table {
        name: "suppression_lists",
        columns: &[
            ("id", Int),
            ("name", Text),
            ("kind", Text),
            ("channels", Int),
            ("list_date", Text),
            ("entries", Int),
            ("imported_by", Int),
            ("imported_at", Int),
            ("removed_at", Int),
        ],
    },
    Table {
        name: "suppression_entries",
        columns: &[("id", Int), ("value", Text), ("list_id", Int)],
    },
];
