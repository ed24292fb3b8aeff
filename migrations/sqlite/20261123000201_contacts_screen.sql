-- The contacts screen. Its list is in case-folded name order and pages by keyset, so every
-- filter it offers has an index that yields rows in that order: all contacts, one stage, one
-- zone, and the rare values of the flags (partial indexes, portable to PostgreSQL). Searches
-- match a name or email prefix (folded), or an exact phone. lower() folds ASCII only in SQLite;
-- PostgreSQL folds more, which only widens a search.
CREATE INDEX contacts_name_folded ON contacts (lower(name), id);
CREATE INDEX contacts_stage_name ON contacts (stage, lower(name), id);
CREATE INDEX contacts_timezone_name ON contacts (timezone, lower(name), id);
CREATE INDEX contacts_email_folded ON contacts (lower(email));
CREATE INDEX contacts_phone ON contacts (phone);
CREATE INDEX contacts_email_refused ON contacts (lower(name), id) WHERE consent_email = 0;
CREATE INDEX contacts_sms_opted_in ON contacts (lower(name), id) WHERE consent_sms = 1;
CREATE INDEX contacts_phone_refused ON contacts (lower(name), id) WHERE consent_phone = 0;
CREATE INDEX contacts_mail_refused ON contacts (lower(name), id) WHERE consent_mail = 0;
CREATE INDEX contacts_flagged_dnc ON contacts (lower(name), id) WHERE do_not_contact = 1;

-- The reports of CSV imports made through the browser: the upload form posts, the import
-- runs, and the browser is sent to the page that shows this report.
CREATE TABLE contact_imports (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    file_name   TEXT    NOT NULL,
    partial     INTEGER NOT NULL,
    rows_read   INTEGER NOT NULL,
    imported    INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    report      TEXT    NOT NULL,   -- JSON: the rejected rows {line, error}, ignored columns, failure
    created_at  INTEGER NOT NULL
);
