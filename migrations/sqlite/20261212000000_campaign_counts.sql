-- The calendar shows a campaign as one item per day with its count of recipients, and lists
-- one-off touches one by one. The hourly and quarter-hour counts gain the campaign as part of
-- their key (0 for a touch outside any campaign), so that a month's campaigns per day are summed
-- from the same few thousand summary rows as its totals, and a campaign filter is answered
-- there too. A campaign has one team, channel and purpose, so the key adds few rows. The tables
-- are rebuilt from `touches`; the triggers follow the campaign too.

DROP TRIGGER touch_hours_insert;
DROP TRIGGER touch_hours_delete;
DROP TRIGGER touch_hours_update;
DROP TRIGGER touch_quarters_insert;
DROP TRIGGER touch_quarters_delete;
DROP TRIGGER touch_quarters_update;
DROP TABLE touch_hours;
DROP TABLE touch_quarters;

CREATE TABLE touch_hours (
    hour         INTEGER NOT NULL,
    team_id      INTEGER NOT NULL,
    channel      TEXT    NOT NULL,
    purpose      TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    campaign_id  INTEGER NOT NULL,
    touches      INTEGER NOT NULL,
    PRIMARY KEY (hour, team_id, channel, purpose, status, campaign_id)
) WITHOUT ROWID;

INSERT INTO touch_hours (hour, team_id, channel, purpose, status, campaign_id, touches)
SELECT scheduled_at / 3600, team_id, channel, purpose, status, COALESCE(campaign_id, 0), COUNT(*)
FROM touches
GROUP BY scheduled_at / 3600, team_id, channel, purpose, status, COALESCE(campaign_id, 0);

CREATE TRIGGER touch_hours_insert AFTER INSERT ON touches
BEGIN
    INSERT INTO touch_hours (hour, team_id, channel, purpose, status, campaign_id, touches)
    VALUES (NEW.scheduled_at / 3600, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
            COALESCE(NEW.campaign_id, 0), 1)
    ON CONFLICT (hour, team_id, channel, purpose, status, campaign_id)
    DO UPDATE SET touches = touches + 1;
END;

CREATE TRIGGER touch_hours_delete AFTER DELETE ON touches
BEGIN
    UPDATE touch_hours SET touches = touches - 1
    WHERE hour = OLD.scheduled_at / 3600 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status
      AND campaign_id = COALESCE(OLD.campaign_id, 0);
END;

CREATE TRIGGER touch_hours_update
AFTER UPDATE OF scheduled_at, team_id, channel, purpose, status, campaign_id ON touches
BEGIN
    UPDATE touch_hours SET touches = touches - 1
    WHERE hour = OLD.scheduled_at / 3600 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status
      AND campaign_id = COALESCE(OLD.campaign_id, 0);
    INSERT INTO touch_hours (hour, team_id, channel, purpose, status, campaign_id, touches)
    VALUES (NEW.scheduled_at / 3600, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
            COALESCE(NEW.campaign_id, 0), 1)
    ON CONFLICT (hour, team_id, channel, purpose, status, campaign_id)
    DO UPDATE SET touches = touches + 1;
END;

CREATE TABLE touch_quarters (
    quarter      INTEGER NOT NULL,
    team_id      INTEGER NOT NULL,
    channel      TEXT    NOT NULL,
    purpose      TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    campaign_id  INTEGER NOT NULL,
    touches      INTEGER NOT NULL,
    PRIMARY KEY (quarter, team_id, channel, purpose, status, campaign_id)
) WITHOUT ROWID;

INSERT INTO touch_quarters (quarter, team_id, channel, purpose, status, campaign_id, touches)
SELECT scheduled_at / 900, team_id, channel, purpose, status, COALESCE(campaign_id, 0), COUNT(*)
FROM touches
GROUP BY scheduled_at / 900, team_id, channel, purpose, status, COALESCE(campaign_id, 0);

CREATE TRIGGER touch_quarters_insert AFTER INSERT ON touches
BEGIN
    INSERT INTO touch_quarters (quarter, team_id, channel, purpose, status, campaign_id, touches)
    VALUES (NEW.scheduled_at / 900, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
            COALESCE(NEW.campaign_id, 0), 1)
    ON CONFLICT (quarter, team_id, channel, purpose, status, campaign_id)
    DO UPDATE SET touches = touches + 1;
END;

CREATE TRIGGER touch_quarters_delete AFTER DELETE ON touches
BEGIN
    UPDATE touch_quarters SET touches = touches - 1
    WHERE quarter = OLD.scheduled_at / 900 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status
      AND campaign_id = COALESCE(OLD.campaign_id, 0);
END;

CREATE TRIGGER touch_quarters_update
AFTER UPDATE OF scheduled_at, team_id, channel, purpose, status, campaign_id ON touches
BEGIN
    UPDATE touch_quarters SET touches = touches - 1
    WHERE quarter = OLD.scheduled_at / 900 AND team_id = OLD.team_id AND channel = OLD.channel
      AND purpose = OLD.purpose AND status = OLD.status
      AND campaign_id = COALESCE(OLD.campaign_id, 0);
    INSERT INTO touch_quarters (quarter, team_id, channel, purpose, status, campaign_id, touches)
    VALUES (NEW.scheduled_at / 900, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
            COALESCE(NEW.campaign_id, 0), 1)
    ON CONFLICT (quarter, team_id, channel, purpose, status, campaign_id)
    DO UPDATE SET touches = touches + 1;
END;

-- A day's one-off touches in order, for the calendar, without stepping over its campaigns'.
CREATE INDEX touches_one_off_time ON touches (scheduled_at, team_id, channel, purpose, status)
WHERE campaign_id IS NULL;
