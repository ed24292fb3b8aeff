-- Contacts are found by any part of their name, email or phone: trigram indexes (pg_trgm, a
-- trusted extension) on the same folded expressions the search compares, so a `LIKE '%…%'` on
-- each is an index scan. SQLite keeps an FTS5 trigram index instead (its own migration).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX contacts_name_trigrams ON contacts USING gin (lower(name) gin_trgm_ops);
CREATE INDEX contacts_email_trigrams ON contacts USING gin (lower(email) gin_trgm_ops);
CREATE INDEX contacts_phone_trigrams ON contacts USING gin (
    replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', '')
    gin_trgm_ops
);
