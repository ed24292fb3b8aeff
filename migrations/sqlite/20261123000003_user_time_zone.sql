-- The zone a user reads times in: calendars, timelines and the planner show instants in it.
ALTER TABLE users ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';
