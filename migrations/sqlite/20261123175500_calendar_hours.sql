-- The team calendar at scale: per-hour touch counts by team, channel, purpose and status, kept
-- by triggers, so that a month's per-day totals sum about a thousand hours of small rows
-- instead of counting millions of touches. Days are the viewer's local days: whole hours come
-- from here, the parts of an hour cut by a day boundary (zones at :30 or :45) from `touches`.
-- `hour` is `scheduled_at / 3600` (integer division). Rows that fall to zero stay; a sum
-- ignores them. SQLite syntax: `WITHOUT ROWID` keeps the rows in key order (a month is one
-- range read); PostgreSQL drops that clause and writes the three triggers as trigger functions.

CREATE TABLE touch_hours (
    hour     INTEGER NOT NULL,
    team_id  INTEGER NOT NULL,
    channel  TEXT    NOT NULL,
    purpose  TEXT    NOT NULL,
    status   TEXT    NOT NULL,
    touches  INTEGER NOT NULL,
    PRIMARY KEY (hour, team_id, channel, purpose, status)
) WITHOUT ROWID;

INSERT INTO touch_hours (hour, team_id, channel, purpose, status, touches)
SELECT scheduled_at / 3600, team_id, channel, purpose, status, COUNT(*)
FROM touches
GROUP BY scheduled_at / 3600, team_id, channel, purpose, status;

CREATE TRIGGER touch_hours_insert AFTER INSERT ON touches
BEGIN
    INSERT INTO touch_hours (hour, team_id, channel, purpose, status, touches)
    VALUES (NEW.scheduled_at / 3600, NEW.team_id, NEW.channel, NEW.purpose, NEW.status, 1)
    ON CONFLICT (hour, team_id, channel, purpose, status) DO UPDATE SET touches = touches + 1;
END;

CREATE TRIGGER touch_hours_delete AFTER DELETE ON touches
BEGIN
    UPDATE touch_hours SET touches = touches - 1
    WHERE hour = OLD.scheduled_at / 3600 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status;
END;

CREATE TRIGGER touch_hours_update
AFTER UPDATE OF scheduled_at, team_id, channel, purpose, status ON touches
BEGIN
    UPDATE touch_hours SET touches = touches - 1
    WHERE hour = OLD.scheduled_at / 3600 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status;
    INSERT INTO touch_hours (hour, team_id, channel, purpose, status, touches)
    VALUES (NEW.scheduled_at / 3600, NEW.team_id, NEW.channel, NEW.purpose, NEW.status, 1)
    ON CONFLICT (hour, team_id, channel, purpose, status) DO UPDATE SET touches = touches + 1;
END;

-- A team's calendar: the first touches of each day for one team without scanning the others.
CREATE INDEX touches_team_time ON touches (team_id, scheduled_at);
