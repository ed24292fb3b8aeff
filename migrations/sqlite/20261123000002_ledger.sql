-- The ledger: contacts, touches, interactions, campaigns, ownership, reviews, rules, API tokens
-- and the audit log. Instants are INTEGER Unix seconds (UTC); booleans are INTEGER 0/1; JSON is
-- TEXT. Partial indexes (WHERE …) are portable to PostgreSQL.

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    external_id     TEXT UNIQUE,
    name            TEXT    NOT NULL,
    email           TEXT,
    phone           TEXT,
    address         TEXT,               -- postal address, lines separated by newlines
    timezone        TEXT    NOT NULL,   -- IANA name
    stage           TEXT    NOT NULL CHECK (stage IN ('prospect', 'lead', 'opportunity', 'customer', 'former')),
    attributes      TEXT    NOT NULL DEFAULT '{}',   -- JSON object: key -> string
    consent_email   INTEGER NOT NULL DEFAULT 1,
    consent_sms     INTEGER NOT NULL DEFAULT 0,
    consent_phone   INTEGER NOT NULL DEFAULT 1,
    consent_mail    INTEGER NOT NULL DEFAULT 1,
    do_not_contact  INTEGER NOT NULL DEFAULT 0,
    account_key     TEXT,
    first_inbound_at INTEGER,           -- the first inbound interaction ever (cool-down)
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX contacts_stage ON contacts (stage);
CREATE INDEX contacts_email ON contacts (email);
CREATE INDEX contacts_name ON contacts (name);

CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    team_id       INTEGER NOT NULL REFERENCES teams (id),
    author_id     INTEGER NOT NULL REFERENCES users (id),
    channel       TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'mail')),
    purpose       TEXT    NOT NULL CHECK (purpose IN ('promotional', 'newsletter', 'sales_followup', 'relationship', 'service', 'transactional')),
    scheduled_at  INTEGER NOT NULL,
    audience      TEXT    NOT NULL DEFAULT '{}',   -- JSON: stages, conditions, owner/team, explicit ids
    on_conflict   TEXT    NOT NULL CHECK (on_conflict IN ('exclude', 'shift', 'review')),
    status        TEXT    NOT NULL CHECK (status IN ('planned', 'pending_review', 'approved', 'rejected', 'cancelled')),
    created_at    INTEGER NOT NULL
);

CREATE TABLE touches (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    channel       TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'mail')),
    purpose       TEXT    NOT NULL CHECK (purpose IN ('promotional', 'newsletter', 'sales_followup', 'relationship', 'service', 'transactional')),
    team_id       INTEGER NOT NULL REFERENCES teams (id),
    author_id     INTEGER NOT NULL REFERENCES users (id),
    campaign_id   INTEGER REFERENCES campaigns (id),
    scheduled_at  INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    notes         TEXT    NOT NULL DEFAULT '',
    automated     INTEGER NOT NULL DEFAULT 0,
    personalized  INTEGER NOT NULL DEFAULT 1,
    audience      TEXT,                               -- audience conditions, as written
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'planned', 'pending_review', 'approved', 'sent', 'cancelled', 'failed')),
    conflicts     TEXT    NOT NULL DEFAULT '[]',      -- JSON: the conflicts found at the last check
    version       INTEGER NOT NULL DEFAULT 1,
    sent_at       INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- A contact's ledger by time; the calendar by time; a campaign's touches; the review queue.
CREATE INDEX touches_contact_time ON touches (contact_id, scheduled_at);
CREATE INDEX touches_time ON touches (scheduled_at);
CREATE INDEX touches_campaign ON touches (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX touches_pending ON touches (scheduled_at) WHERE status = 'pending_review';

CREATE TABLE interactions (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('reply', 'download', 'webinar', 'form', 'call_in', 'purchase', 'unsubscribe')),
    channel      TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'mail')),
    at           INTEGER NOT NULL,
    external_id  TEXT    NOT NULL UNIQUE,   -- idempotency key: the sender's, or derived from the event
    created_at   INTEGER NOT NULL
);
CREATE INDEX interactions_contact_time ON interactions (contact_id, at);
CREATE INDEX interactions_time ON interactions (at);

-- Delivery events for touches (sent, delivered, failed), idempotent by external id.
CREATE TABLE touch_events (
    id           INTEGER PRIMARY KEY,
    touch_id     INTEGER NOT NULL REFERENCES touches (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('sent', 'delivered', 'failed')),
    at           INTEGER NOT NULL,
    external_id  TEXT    NOT NULL UNIQUE,   -- idempotency key: the sender's, or derived from the event
    created_at   INTEGER NOT NULL
);
CREATE INDEX touch_events_touch ON touch_events (touch_id);

-- Ownership: at most one open claim per contact. A claim ends when released, reassigned or
-- lapsed; an open claim past expires_at has lapsed even before the lapse job ends it.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    claimed_at  INTEGER NOT NULL,
    renewed_at  INTEGER NOT NULL,       -- the claim or the owner's latest outbound work
    expires_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    end_reason  TEXT CHECK (end_reason IN ('released', 'reassigned', 'lapsed')),
    ended_by    INTEGER REFERENCES users (id)
);
CREATE UNIQUE INDEX claims_open_contact ON claims (contact_id) WHERE ended_at IS NULL;
CREATE INDEX claims_open_user ON claims (user_id) WHERE ended_at IS NULL;
CREATE INDEX claims_open_expiry ON claims (expires_at) WHERE ended_at IS NULL;

CREATE TABLE claim_requests (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id),
    requester_id  INTEGER NOT NULL REFERENCES users (id),
    status        TEXT    NOT NULL CHECK (status IN ('open', 'granted', 'denied')),
    reason        TEXT,
    decided_by    INTEGER REFERENCES users (id),
    decided_at    INTEGER,
    created_at    INTEGER NOT NULL
);
CREATE INDEX claim_requests_open ON claim_requests (created_at) WHERE status = 'open';

CREATE TABLE reviews (
    id                INTEGER PRIMARY KEY,
    touch_id          INTEGER REFERENCES touches (id),
    campaign_id       INTEGER REFERENCES campaigns (id),
    reviewer_id       INTEGER NOT NULL REFERENCES users (id),
    decision          TEXT    NOT NULL CHECK (decision IN ('approve', 'reject')),
    reason            TEXT    NOT NULL,
    overridden_rules  TEXT    NOT NULL DEFAULT '[]',   -- JSON array of rule ids
    decided_at        INTEGER NOT NULL,
    CHECK ((touch_id IS NULL) <> (campaign_id IS NULL))
);
CREATE INDEX reviews_touch ON reviews (touch_id);

-- The contact policy as data: one row per rule, alert or setting (the engine's Rules entries).
CREATE TABLE rules (
    id          TEXT    PRIMARY KEY,
    params      TEXT    NOT NULL,      -- JSON
    updated_by  INTEGER REFERENCES users (id),
    updated_at  INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    label         TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,   -- SHA-256 of the token; the token itself is shown once
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER
);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    actor_id      INTEGER REFERENCES users (id),
    action        TEXT    NOT NULL,       -- e.g. touch.planned, review.approve, claim.reassigned
    subject_type  TEXT    NOT NULL,       -- touch, campaign, contact, claim, rule, token, user
    subject_id    INTEGER,
    contact_id    INTEGER REFERENCES contacts (id),
    details       TEXT    NOT NULL DEFAULT '{}'   -- JSON
);
CREATE INDEX audit_contact ON audit_log (contact_id, at) WHERE contact_id IS NOT NULL;
CREATE INDEX audit_at ON audit_log (at);
