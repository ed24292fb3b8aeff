-- Senders: connected provider accounts (sources) whose webhooks Concord receives directly at
-- /hooks/{id}. A public key, HMAC key or topic is kept as given (the scheme needs it); a value
-- the provider presents as is (Postmark's basic auth, Aircall's token) only as its SHA-256.
-- A rotated secret stays valid until previous_until.
CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('sendgrid', 'postmark', 'mailgun', 'ses', 'twilio_sms', 'twilio_voice', 'aircall')),
    label            TEXT    NOT NULL,
    secret           TEXT,
    secret_digest    TEXT,
    previous_secret  TEXT,
    previous_digest  TEXT,
    previous_until   INTEGER,
    created_by       INTEGER REFERENCES users (id),
    created_at       INTEGER NOT NULL,
    rotated_at       INTEGER,
    disabled_at      INTEGER
);

-- Every provider event taken in, once: the provider's id per source makes redelivery a no-op.
CREATE TABLE hook_events (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources (id),
    event_id     TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    contact_id   INTEGER,
    touch_id     INTEGER,
    received_at  INTEGER NOT NULL,
    UNIQUE (source_id, event_id)
);

-- What verified but could not be mapped onto the ledger, with why; replayed after a fix.
CREATE TABLE dead_letters (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources (id),
    event_id     TEXT,
    reason       TEXT    NOT NULL,
    signal       TEXT,                 -- the normalised signal (JSON), when the payload was read
    payload      TEXT    NOT NULL,     -- the body as received (cut to 64 KiB)
    received_at  INTEGER NOT NULL,
    replayed_at  INTEGER
);
CREATE INDEX dead_letters_open ON dead_letters (received_at) WHERE replayed_at IS NULL;

-- The provider's message id of a touch, recorded when it was reported sent: later events that
-- carry only that id find their touch.
CREATE TABLE touch_messages (
    message_id  TEXT    PRIMARY KEY,
    touch_id    INTEGER NOT NULL REFERENCES touches (id)
);
CREATE INDEX touch_messages_touch ON touch_messages (touch_id);

-- Weak engagement (opens, clicks, reads, answered calls): never a reply.
CREATE TABLE engagements (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    touch_id    INTEGER REFERENCES touches (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('open', 'click', 'read', 'answered')),
    channel     TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'phone', 'mail')),
    at          INTEGER NOT NULL
);
CREATE INDEX engagements_contact ON engagements (contact_id, at);

-- Leases of due touches to external sender workers (POST /api/v1/touches/lease).
ALTER TABLE touches ADD COLUMN leased_until INTEGER;
ALTER TABLE touches ADD COLUMN leased_by TEXT;

-- A text or call finds its contact by the digits of the number, however it was written.
CREATE INDEX contacts_phone_digits ON contacts ((replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')));
