-- Consent by topic: the topics admins define, every change of a contact's consent with its
-- evidence (when, how, the wording shown, who, the lawful basis), the contact's current state
-- per topic as JSON (what the engine reads, rewritten with each change), and a touch's topic.
CREATE TABLE topics (
    id          TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_by  INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);

CREATE TABLE consent_records (
    id           INTEGER PRIMARY KEY,
    contact_id   INTEGER NOT NULL REFERENCES contacts (id),
    topic        TEXT,
    channel      TEXT,
    state        TEXT    NOT NULL CHECK (state IN ('opted_in', 'not_set', 'opted_out')),
    basis        TEXT    NOT NULL CHECK (basis IN ('consent', 'ebr_purchase', 'ebr_inquiry')),
    basis_at     INTEGER,
    until        INTEGER,
    method       TEXT    NOT NULL CHECK (method IN ('form', 'import', 'api', 'webhook', 'keyword')),
    wording      TEXT,
    recorded_by  INTEGER REFERENCES users (id),
    recorded_at  INTEGER NOT NULL
);
CREATE INDEX consent_records_contact ON consent_records (contact_id, id);

ALTER TABLE contacts ADD COLUMN consent_topics TEXT;
ALTER TABLE touches ADD COLUMN topic TEXT;
