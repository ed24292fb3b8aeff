-- A contact's jurisdiction for the rule packs: its country (ISO 3166-1) and region
-- (ISO 3166-2), read from its address, else its phone, else set by hand; the region of its
-- phone's area code kept apart; and where the first two came from ('address', 'phone',
-- 'manual', or 'none' when nothing could be read). NULL source: not derived yet; Concord derives
-- those rows in the background after an upgrade.
ALTER TABLE contacts ADD COLUMN country TEXT;
ALTER TABLE contacts ADD COLUMN region TEXT;
ALTER TABLE contacts ADD COLUMN area_code_region TEXT;
ALTER TABLE contacts ADD COLUMN jurisdiction_source TEXT;
CREATE INDEX contacts_jurisdiction_pending ON contacts (id) WHERE jurisdiction_source IS NULL;

ALTER TABLE import_rows ADD COLUMN country TEXT;
ALTER TABLE import_rows ADD COLUMN region TEXT;
ALTER TABLE import_rows ADD COLUMN area_code_region TEXT;
ALTER TABLE import_rows ADD COLUMN jurisdiction_source TEXT;
