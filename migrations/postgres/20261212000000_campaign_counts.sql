-- The calendar shows a campaign as one item per day with its count of recipients, and lists
-- one-off touches one by one. The counts gain the campaign as part of their key (0 for a touch
-- outside any campaign), so that a month's campaigns per day are summed from the same summary
-- rows as its totals, and a campaign filter is answered there too. A campaign has one team,
-- channel and purpose, so the key adds few rows. The counts are rebuilt from `touches`.

DROP VIEW touch_hours;
DROP VIEW touch_quarters;
DROP TRIGGER touch_counts_update ON touches;

ALTER TABLE touch_counts ADD COLUMN campaign_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE touch_counts DROP CONSTRAINT touch_counts_pkey;
ALTER TABLE touch_deltas ADD COLUMN campaign_id BIGINT NOT NULL DEFAULT 0;

DELETE FROM touch_deltas;
DELETE FROM touch_counts;
INSERT INTO touch_counts (scale, slot, team_id, channel, purpose, status, campaign_id, touches)
SELECT 3600, scheduled_at / 3600, team_id, channel, purpose, status, COALESCE(campaign_id, 0),
       COUNT(*)
FROM touches
GROUP BY scheduled_at / 3600, team_id, channel, purpose, status, COALESCE(campaign_id, 0);
INSERT INTO touch_counts (scale, slot, team_id, channel, purpose, status, campaign_id, touches)
SELECT 900, scheduled_at / 900, team_id, channel, purpose, status, COALESCE(campaign_id, 0),
       COUNT(*)
FROM touches
GROUP BY scheduled_at / 900, team_id, channel, purpose, status, COALESCE(campaign_id, 0);
ALTER TABLE touch_counts
    ADD PRIMARY KEY (scale, slot, team_id, channel, purpose, status, campaign_id);

CREATE OR REPLACE FUNCTION concord_touch_deltas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO touch_deltas (scale, slot, team_id, channel, purpose, status, campaign_id,
                                  touches) VALUES
            (3600, OLD.scheduled_at / 3600, OLD.team_id, OLD.channel, OLD.purpose, OLD.status,
             COALESCE(OLD.campaign_id, 0), -1),
            (900, OLD.scheduled_at / 900, OLD.team_id, OLD.channel, OLD.purpose, OLD.status,
             COALESCE(OLD.campaign_id, 0), -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO touch_deltas (scale, slot, team_id, channel, purpose, status, campaign_id,
                                  touches) VALUES
            (3600, NEW.scheduled_at / 3600, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
             COALESCE(NEW.campaign_id, 0), 1),
            (900, NEW.scheduled_at / 900, NEW.team_id, NEW.channel, NEW.purpose, NEW.status,
             COALESCE(NEW.campaign_id, 0), 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER touch_counts_update
    AFTER UPDATE OF scheduled_at, team_id, channel, purpose, status, campaign_id ON touches
    FOR EACH ROW
    WHEN (OLD.scheduled_at / 900 IS DISTINCT FROM NEW.scheduled_at / 900
          OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.channel IS DISTINCT FROM NEW.channel
          OR OLD.purpose IS DISTINCT FROM NEW.purpose OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)
    EXECUTE FUNCTION concord_touch_deltas();

CREATE VIEW touch_hours AS
SELECT slot AS hour, team_id, channel, purpose, status, campaign_id,
       CAST(SUM(touches) AS BIGINT) AS touches
FROM (SELECT slot, team_id, channel, purpose, status, campaign_id, touches
      FROM touch_counts WHERE scale = 3600
      UNION ALL
      SELECT slot, team_id, channel, purpose, status, campaign_id, touches
      FROM touch_deltas WHERE scale = 3600) t
GROUP BY slot, team_id, channel, purpose, status, campaign_id;

CREATE VIEW touch_quarters AS
SELECT slot AS quarter, team_id, channel, purpose, status, campaign_id,
       CAST(SUM(touches) AS BIGINT) AS touches
FROM (SELECT slot, team_id, channel, purpose, status, campaign_id, touches
      FROM touch_counts WHERE scale = 900
      UNION ALL
      SELECT slot, team_id, channel, purpose, status, campaign_id, touches
      FROM touch_deltas WHERE scale = 900) t
GROUP BY slot, team_id, channel, purpose, status, campaign_id;

-- A day's one-off touches in order, for the calendar, without stepping over its campaigns'.
CREATE INDEX touches_one_off_time ON touches (scheduled_at, team_id, channel, purpose, status)
WHERE campaign_id IS NULL;
