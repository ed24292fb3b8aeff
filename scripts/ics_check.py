"""Checks Concord's iCalendar feed with an independent parser (the `icalendar` package).

Usage: ics_check.py FEED.ics FILTERED.ics EXPECTED_JSON
EXPECTED_JSON maps touch ids to [channel, RFC 3339 instant]; FILTERED.ics is the same feed
with ?channel=email. Exits non-zero with a message on the first mismatch.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

from icalendar import Calendar


def events(path):
    with open(path, "rb") as f:
        calendar = Calendar.from_ical(f.read())
    assert calendar.get("VERSION") == "2.0", "VERSION:2.0 is required by RFC 5545"
    assert calendar.get("PRODID"), "PRODID is required by RFC 5545"
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        assert start.tzinfo is not None, f"{uid}: DTSTART must be an instant, not floating"
        assert start.utcoffset() == timedelta(0), f"{uid}: DTSTART must be UTC"
        assert end - start == timedelta(minutes=30), f"{uid}: a touch lasts 30 minutes"
        assert event.get("DTSTAMP") is not None, f"{uid}: DTSTAMP is required"
        found[uid] = (str(event["CATEGORIES"].cats[0]), start, str(event["STATUS"]))
    return found


def main():
    feed, filtered, expected = events(sys.argv[1]), events(sys.argv[2]), json.loads(sys.argv[3])
    for touch_id, (channel, instant) in expected.items():
        uid = f"touch-{touch_id}@concord"
        assert uid in feed, f"{uid} missing from the feed"
        want = datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(timezone.utc)
        got_channel, got_start, status = feed[uid]
        assert got_start == want, f"{uid}: DTSTART {got_start} != {want}"
        assert got_channel == channel, f"{uid}: CATEGORIES {got_channel} != {channel}"
        assert status in ("CONFIRMED", "TENTATIVE"), f"{uid}: STATUS {status}"
        assert (uid in filtered) == (channel == "email"), f"{uid}: channel filter"
    print(f"ics: {len(feed)} events parsed, {len(filtered)} with channel=email; times, zones and filters ok")


if __name__ == "__main__":
    main()
