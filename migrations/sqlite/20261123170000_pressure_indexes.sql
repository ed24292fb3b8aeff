-- The pressure dashboard aggregates touches over a date range. A covering index lets
-- "touches per contact per week" read the index alone instead of every row in the range, and a
-- partial index finds the few touches that carry conflicts. Both are portable to PostgreSQL.
CREATE INDEX touches_pressure ON touches (scheduled_at, status, team_id, contact_id);
CREATE INDEX touches_conflicted ON touches (scheduled_at) WHERE conflicts <> '[]';
