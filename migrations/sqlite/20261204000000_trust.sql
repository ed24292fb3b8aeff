-- Trust: API tokens may expire; calendar feeds get tokens of their own (read-only, per user,
-- revocable, stored as SHA-256 digests); users can be disabled (their history stays) and every
-- session of a user can be ended at once by raising the user's session epoch.

ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;

CREATE TABLE calendar_feeds (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    label         TEXT    NOT NULL,
    token_hash    TEXT    NOT NULL UNIQUE,   -- SHA-256 of the feed token; the token is shown once
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);

ALTER TABLE users ADD COLUMN disabled_at INTEGER;
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- Each rule is saved on its own, at the version its editor read: two admins saving different
-- rules at once both keep their change, and a stale save is refused.
ALTER TABLE rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A CSV import stages its rows here in short transactions, then publishes them into contacts
-- in chunks, so sign-ins and small writes keep flowing while a large import runs.
CREATE TABLE import_rows (
    import_id       INTEGER NOT NULL,
    line            INTEGER NOT NULL,
    external_id     TEXT,
    name            TEXT    NOT NULL,
    email           TEXT,
    phone           TEXT,
    address         TEXT,
    timezone        TEXT    NOT NULL,
    stage           TEXT    NOT NULL,
    attributes      TEXT    NOT NULL,
    consent_email   INTEGER NOT NULL,
    consent_sms     INTEGER NOT NULL,
    consent_phone   INTEGER NOT NULL,
    consent_mail    INTEGER NOT NULL,
    do_not_contact  INTEGER NOT NULL,
    account_key     TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (import_id, line)
);
