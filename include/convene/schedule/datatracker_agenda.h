// Reading a Datatracker agenda.json ({"115": [{"objtype": "session" |
// "location" | "parent", ...}, ...]}) as a scheduling problem, the schedule
// the IETF published for it, and the groups and areas it names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::schedule {

// A group as the file describes it ("parent" is "" when the file has none).
struct DatatrackerGroup {
  std::string acronym, name, type, state, parent;
};

// An objtype "parent" entry: "art", "Applications and Real-Time Area".
struct DatatrackerArea {
  std::string acronym, name;
};

// A session of the file that is not in the problem, and why.
struct SkippedSession {
  std::string id;  // the session_id
  std::string group;
  std::string reason;  // e.g. "status canceled", "overlaps session 28280 of its group"
};

struct DatatrackerAgenda {
  std::string meeting_number;  // the top-level key, e.g. "115"
  std::string time_zone;       // as passed in
  // Rooms: every location (objtype "location", and the sessions' locations;
  // id and name are the location's name). A session without a location is
  // in the room "(no location)". Timeslots: one per session, id "t<session_id>",
  // in the session's room, start and duration, named by its local day part
  // ("monday-morning"). Groups: those with a session; area = parent when the
  // parent is a "parent" entry other than "ietf" and "iab"; bof = is_bof;
  // area_meeting = type "ag" or "rag" (area groups: saag, tsvarea, irtfopen).
  // Sessions: id = session_id, order = 1, 2, ... by start within the group,
  // attendees 0, no constraints.
  Problem problem;
  Schedule official;  // every problem session in its own timeslot
  std::vector<DatatrackerGroup> groups;  // every distinct group of the file
  std::vector<DatatrackerArea> areas;    // the "parent" entries
  std::vector<SkippedSession> skipped;
  UnixSeconds first_start = 0, last_end = 0;  // of the timeslots; 0 when none
};

// The IANA zone an IETF meeting's agenda is in, for the meetings this knows
// (108-113 and 115; the online meetings 108-112 kept their planned host's
// zone); nullopt for others.
std::optional<std::string_view> ietf_meeting_time_zone(std::string_view number);

// Reads an agenda.json. Sessions with status "canceled" or "resched" did not
// meet at the time shown and are skipped. Sessions of one group that overlap
// in time (parallel help desks and office hours of "ietf" or "secretariat")
// cannot all be in a feasible schedule: the shorter ones are kept, and each
// longer one that overlaps a kept one is skipped. Unknown fields and objtypes
// are ignored. Nothing throws. Errors (ErrorKind::invalid, code
// "datatracker_agenda_invalid") name the item: text that is not JSON, a top
// level that is not one meeting number holding an array, an unknown time
// zone, a session without a session_id or group, a duplicate session_id, a
// start that is not RFC 3339, a duration that is not H:MM:SS of a positive
// whole number of minutes.
// The problem passes problem_from_json(to_json(problem)) unchanged, and
// `official` passes check_schedule().
Result<DatatrackerAgenda> read_datatracker_agenda(std::string_view json_text,
                                                  std::string_view time_zone);

}  // namespace convene::schedule
