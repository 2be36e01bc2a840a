// Renderers of the published agenda: each a pure function of an Agenda
// (agenda/agenda.h) and never a query. Local times are in the agenda's
// time zone unless a renderer is told otherwise.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "convene/agenda/agenda.h"

namespace convene::agenda {

// The Datatracker's agenda.json layout: {"<number>": [objects]} with one
// "session" object per item (objtype, name, session_id, group {acronym,
// name, parent, type, state}, location, start "YYYY-MM-DDTHH:MM:SSZ",
// duration "2:00:00", status "sched"|"canceled", is_bof, modified), then a
// "location" object per room (objtype, name, capacity) and a "parent"
// object per area (objtype, name, description). Text, pretty-printed.
std::string to_datatracker_json(const Agenda& agenda);

// The Datatracker's agenda CSV: a heading row, then one row per item; every
// field double-quoted. Date "YYYY-MM-DD", Start/End "HHMM" in the meeting's
// zone (UTC when `utc`), Session the slot name, Area upper-case, Type "WG",
// "BOF" or "", Description the group name, Session ID the session id;
// Agenda and Slides empty. Lines end in "\n".
std::string to_csv(const Agenda& agenda, bool utc);

// The Datatracker's agenda.txt layout: a centred title block, then per day
// a heading "MONDAY, March 26, 2012", per slot a line "0900-1130  Morning
// Session I" and per item "<room:16>\t<AREA:4>\t<acronym:12>\t<name> WG"
// (" BOF" for BoFs, " " for other types), " - CANCELED" when cancelled.
std::string to_text(const Agenda& agenda, bool utc);

// RFC 5545 calendar: PRODID, METHOD:PUBLISH, the VTIMEZONE of the meeting's
// zone (TZID the IANA name), one VEVENT per item with UID
// ietf_event_uid(), DTSTART/DTEND;TZID=<zone>, SUMMARY "<acronym> - <group
// name>", LOCATION the room, SEQUENCE, STATUS CONFIRMED or CANCELLED and
// DTSTAMP/LAST-MODIFIED the agenda's `updated`.
// REQUIRES: libical knows the agenda's zone as a builtin timezone; if it
// does not, the events are in UTC and there is no VTIMEZONE.
std::string to_ics(const Agenda& agenda);

// "ietf-106-quic-1@convene": stable while the session moves.
std::string ietf_event_uid(const std::string& meeting_number, const std::string& session);

// The HTML page's view (templates/meeting_agenda.mustache):
// {"meeting": {"number", "city", "time_zone", "updated"}, "zone" (the zone
//  times are shown in), "reader_zone" (bool: zone differs from the meeting's),
//  "has_items", "days": [{"date", "heading", "slots": [{"name", "time",
//  "utc_time", "rows": [{"time", "utc_time", "room", "area", "acronym",
//  "group_name", "type", "href", "canceled", "bof"}]}]}],
//  "areas": [{"acronym", "name"}], "groups": [{"acronym", "name"}],
//  "filter": {"show": "", "hide": "", "tz": zone}}.
// The web layer fills filter.show and filter.hide from the request.
// `reader_zone` empty or not a known zone: the meeting's zone.
nlohmann::json to_view(const Agenda& agenda, const std::string& reader_zone);

}  // namespace convene::agenda
