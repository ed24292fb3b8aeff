-- A staged import row that updates a stored contact names it (NULL: a new contact).
ALTER TABLE import_rows ADD COLUMN target_id BIGINT;
