#!/usr/bin/python3
"""Reads IETF 83's agenda calendar with python3-icalendar and checks every
event against the Datatracker JSON of the same agenda.

usage: ics_check.py AGENDA_ICS_FIXTURE (the binary that writes both files)
"""
import datetime
import json
import subprocess
import sys
import tempfile

import icalendar


def duration(text):
    h, m, s = (int(x) for x in text.split(":"))
    return datetime.timedelta(hours=h, minutes=m, seconds=s)


def main():
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.argv[1], out], check=True)
        text = open(out + "/agenda.ics").read()
        cal = icalendar.Calendar.from_ical(text)
        sessions = [o for o in json.load(open(out + "/agenda.json"))["83"] if o["objtype"] == "session"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    for line in text.splitlines():
        if line.startswith(("DTSTART;TZID=", "DTEND;TZID=")):
            assert not line.endswith("Z"), line  # local time: a "Z" would contradict the TZID
    assert str(cal["METHOD"]) == "PUBLISH"
    assert len(cal.walk("VTIMEZONE")) == 1
    assert len(events) == len(sessions) == 130, (len(events), len(sessions))
    for s in sessions:
        e = events["ietf-83-%s@convene" % s["session_id"]]
        start = datetime.datetime.fromisoformat(s["start"].replace("Z", "+00:00"))
        assert e.decoded("DTSTART") == start, (s["session_id"], e.decoded("DTSTART"), start)
        assert e.decoded("DTEND") == start + duration(s["duration"]), s["session_id"]
        assert e["DTSTART"].params["TZID"] == "Europe/Paris"
        assert str(e.decoded("DTSTART").tzinfo) in ("Europe/Paris", "CEST", "CET"), e.decoded("DTSTART").tzinfo
        assert str(e["SUMMARY"]) == "%s - %s" % (s["group"]["acronym"], s["group"]["name"])
        assert str(e["LOCATION"]) == s["location"]
        cancelled = s["status"] == "canceled"
        assert str(e["STATUS"]) == ("CANCELLED" if cancelled else "CONFIRMED")
        assert int(e["SEQUENCE"]) == (1 if cancelled else 0)
    assert [s["session_id"] for s in sessions if s["status"] == "canceled"] == ["eai-1"]
    print("ok: %d events" % len(events))


if __name__ == "__main__":
    main()
