"""Parses a dateline iCalendar file with the independent `icalendar` package
and prints, as JSON, what the Rust test checks: every event's start (as UTC
when zoned) and, for recurring events, the rule and the first occurrences
expanded by python-dateutil."""
import json
import sys
from datetime import datetime, timezone

import icalendar
from dateutil.rrule import rrulestr

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
after = datetime.fromisoformat(sys.argv[2])  # occurrences on or after this local date
events = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    item = {"summary": str(ev.get("SUMMARY")), "uid": str(ev.get("UID"))}
    if isinstance(start, datetime):
        item["start"] = start.isoformat()
        if start.tzinfo is not None:
            item["utc"] = start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            item["tzid"] = ev["DTSTART"].params.get("TZID")
    else:
        item["date"] = start.isoformat()
    if "RECURRENCE-ID" in ev:
        item["recurrence_id"] = ev.decoded("RECURRENCE-ID").isoformat()
    if "RRULE" in ev:
        rule = ev["RRULE"].to_ical().decode()
        item["rrule"] = rule
        r = rrulestr(rule, dtstart=start)
        aware_after = after.replace(tzinfo=start.tzinfo) if isinstance(start, datetime) else after
        occ = []
        cur = r.after(aware_after, inc=True)
        while cur is not None and len(occ) < 3:
            occ.append(cur.isoformat())
            cur = r.after(cur)
        item["occurrences"] = occ
    events.append(item)
print(json.dumps({"events": events, "timezones": [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]}))
