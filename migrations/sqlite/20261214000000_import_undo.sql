-- A contact an import updates is first kept as it was, under the import's id negated, with
-- the version it had: a failed import puts it back unless it was written again since.
ALTER TABLE import_rows ADD COLUMN version INTEGER;
