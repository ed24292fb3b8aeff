-- Suppression lists: a dated do-not-call registry extract or a company suppression file, for
-- phone numbers (calls and texts) or email addresses. Each entry is a key: an address in lower
-- case, or a number's digits (a North American number with and without its country code).
-- contacts.suppressed keeps, per contact, the channels (bit 1 << channel index) on which a list
-- in force holds its number or address: the engine reads it with the contact.
CREATE TABLE suppression_lists (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('registry', 'company')),
    channels     INTEGER NOT NULL,
    list_date    TEXT    NOT NULL,
    entries      INTEGER NOT NULL,
    imported_by  INTEGER REFERENCES users (id),
    imported_at  INTEGER NOT NULL,
    removed_at   INTEGER
);

CREATE TABLE suppression_entries (
    id       INTEGER PRIMARY KEY,
    value    TEXT    NOT NULL,
    list_id  INTEGER NOT NULL REFERENCES suppression_lists (id),
    UNIQUE (value, list_id)
);
CREATE INDEX suppression_entries_list ON suppression_entries (list_id);

ALTER TABLE contacts ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
