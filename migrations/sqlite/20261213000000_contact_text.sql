-- Contacts are found by any part of their name, email or phone. `contact_text` is a trigram
-- index (FTS5's `trigram` tokenizer) of each contact's folded name, email and phone digits,
-- keyed by contact id; it holds no text of its own (`content=''`) and only says which contacts
-- may hold a run of three characters, so a search checks each candidate against the contact.
--
-- The index is kept up to date by a background job, not by the writes themselves, so that an
-- import of a million contacts costs what it cost before (a trigger would make it 5 times
-- slower). Until the job has caught up, a search also looks at:
-- * contacts above `contact_text_state.indexed_upto` (added since the job last ran), and
-- * contacts in `contact_text_stale` (their name, email or phone changed, or they were deleted,
--   since the job indexed them).
CREATE VIRTUAL TABLE contact_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram', detail = 'none'
);

CREATE TABLE contact_text_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL
);
INSERT INTO contact_text_state (id, indexed_upto) VALUES (1, 0);

CREATE TABLE contact_text_stale (
    contact_id INTEGER PRIMARY KEY
);

CREATE TRIGGER contact_text_changed AFTER UPDATE OF name, email, phone ON contacts
WHEN old.id <= (SELECT indexed_upto FROM contact_text_state)
    AND (old.name IS NOT new.name OR old.email IS NOT new.email OR old.phone IS NOT new.phone)
BEGIN
    INSERT OR IGNORE INTO contact_text_stale (contact_id) VALUES (old.id);
END;

CREATE TRIGGER contact_text_deleted AFTER DELETE ON contacts
WHEN old.id <= (SELECT indexed_upto FROM contact_text_state)
BEGIN
    INSERT OR IGNORE INTO contact_text_stale (contact_id) VALUES (old.id);
END;
