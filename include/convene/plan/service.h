// The meeting plan's use cases: the secretariat's rooms and timeslot grid,
// the chairs' session requests and their approval, the IESG's exceptions to
// an exclusive session. Each runs in the caller's transaction (one write),
// is given the time, and records its audit entry on "meeting:<n>" or
// "session-request:<id>". Nothing here knows HTTP, SQL or the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/audit/audit.h"
#include "convene/auth/auth.h"
#include "convene/auth/repository.h"
#include "convene/directory/directory.h"
#include "convene/meeting/repository.h"
#include "convene/plan/plan.h"

namespace convene {

// The repositories a plan use case reads and writes.
struct PlanRepos {
  MeetingRepository& meetings;
  PlanRepository& plan;
  DirectoryRepository& directory;
  PeopleRepository& people;
};

// ---- Rooms and timeslots (the secretariat) ----

struct RoomInput {
  std::string name;
  std::optional<int> capacity;
  std::vector<std::string> resources;
};
// {"name", "capacity"?, "resources"?: [...]}: name 1-100 characters,
// capacity 1-100000, at most 20 resources of 1-40 characters.
Result<RoomInput> room_from_json(const nlohmann::json& body);

// One period of the day grid: local start, length, name.
struct Period {
  int start_min = 0;  // minute of the day in the meeting's zone
  int duration_min = 0;
  std::string name;
};
// A day-by-day template: every period of every day in every room.
struct TimeslotGrid {
  std::vector<std::int64_t> days;  // local calendar dates
  std::vector<Period> periods;
  std::vector<std::string> rooms;  // room names or ids
};
// {"days": ["2019-11-18"...], "periods": [{"start": "10:00", "duration_min":
// 120, "name": "Morning Session I"}], "rooms": ["Padang"...]}: 1-31 days,
// 1-20 periods of 5-720 minutes, 1-100 rooms. A single slot (an exception to
// the grid) is the same body with one day, one period and one room.
Result<TimeslotGrid> grid_from_json(const nlohmann::json& body);

// Adds room `in` as "r<k>" (the next free number). Errors: forbidden (not
// the secretariat), meeting_unknown, room_exists (a room of that name).
Result<MeetingRoom> add_room(PlanRepos r, const Auditor& audit, const Person& who, const std::string& meeting,
                             const RoomInput& in);
// Adds every slot of the grid, ids "t<k>" onwards, times converted from the
// meeting's zone to UTC. Errors: forbidden, meeting_unknown, room_unknown,
// day_outside_meeting (a day before the meeting's first or after its last),
// timeslot_overlap (a new slot overlaps one already in the room, or another
// new one). Nothing is added on error. Returns the slots added.
Result<std::vector<schedule::Timeslot>> add_timeslots(PlanRepos r, const Auditor& audit, const Person& who,
                                                      const std::string& meeting, const TimeslotGrid& grid);
// Removes slot `id`. Errors: forbidden, meeting_unknown, timeslot_unknown,
// timeslot_used (a stored schedule places a session there).
Status remove_timeslot(PlanRepos r, const Auditor& audit, const Person& who, const std::string& meeting,
                       const std::string& id);

// ---- Session requests (a group's chairs) ----

// The request body of the API, read strictly (json_fields codes) plus the
// rules that need no stored data: time_relation_needs_two_sessions,
// bad_timerange, too_many_sessions (more than 3), own_group_conflict.
struct RequestInput {
  std::string group;
  std::vector<std::pair<int, int>> sessions;  // duration_min, attendees
  std::vector<std::string> joint_with;
  std::vector<std::pair<schedule::ConstraintType, std::vector<std::string>>> conflicts;  // type, targets
  std::vector<std::string> bethere;           // e-mail addresses
  std::vector<schedule::TimeRange> timeranges;  // when the group cannot meet
  std::optional<schedule::TimeRelation> time_relation;
  std::string adjacent_with;                  // "" when none
  std::vector<std::string> resources;
  std::string comments;
};
Result<RequestInput> request_from_json(const nlohmann::json& body);

// How a bethere constraint names one of convene's people: "person-<id>",
// never the e-mail address, which is private. (Imported problems keep their
// own references, e.g. the Datatracker's "p104140"; they name nobody here.)
std::string person_ref(std::int64_t id);
// The id in a "person-<id>" reference; nullopt for anything else.
std::optional<std::int64_t> person_id_of(const std::string& ref);

// Files the request of in.group for `meeting`: a chair of the group or the
// secretariat. Errors: forbidden, meeting_unknown, unknown_group (the
// group, a target, a joint or adjacent group is not in the directory),
// unknown_person (a bethere address nobody has), request_exists (the group
// already asked; edit that one), consolidated_dispatch (a dispatch group of
// a consolidated meeting: its joint session exists by itself). A request for three sessions waits for the
// area director (state needs_ad); others are pending. The bethere
// addresses are stored as person_ref()s.
Result<SessionRequest> file_request(PlanRepos r, const Auditor& audit, const Person& who,
                                    const std::string& meeting, const RequestInput& in, UnixSeconds now);
// Approves request `id`: its group's area director (or any IESG member)
// takes a needs_ad request to pending; the secretariat a pending one to
// approved, recording the group as it stands in the directory for the
// meeting. Errors: forbidden, request_unknown, needs_ad_approval,
// already_approved.
Result<SessionRequest> approve_request(PlanRepos r, const Auditor& audit, const Person& who, std::int64_t id,
                                       UnixSeconds now);
// The request `id`, or request_unknown.
Result<SessionRequest> find_request(PlanRepository& plan, std::int64_t id);

// The constraints other groups' requests at `meeting` declare against
// `group`, as (declaring group, constraint).
std::vector<schedule::Constraint> conflicts_against(const std::vector<SessionRequest>& requests,
                                                    const std::string& group);

// ---- The consolidated dispatch slot ----

// The groups that meet as one in a consolidated meeting's dispatch session:
// dispatch, secdispatch, gendispatch.
const std::vector<std::string>& consolidated_dispatch_groups();

// For a plenary in consolidated dispatch mode: the joint dispatch session
// as an approved request of "dispatch" by itself (session
// "alldispatch-1", 120 minutes, joint with secdispatch and gendispatch,
// exclusive), the three groups recorded for the meeting (added to the
// directory when missing). Nothing for any other meeting; nothing when the
// request is already there. Records "session-request.file".
Status add_consolidated_dispatch(PlanRepos r, const Auditor& audit, const Meeting& m, UnixSeconds now);

// ---- Exclusive sessions (the IESG) ----

// Lets `group` run against exclusive session `session`. Only the IESG (or
// an AD) may. Errors: forbidden, meeting_unknown, session_unknown (no
// approved request has that session), not_exclusive, unknown_group.
Result<ExclusiveException> allow_against_exclusive(PlanRepos r, const Auditor& audit, const Person& who,
                                                   const std::string& meeting, const std::string& session,
                                                   const std::string& group, UnixSeconds now);

// ---- JSON shapes of the API ----
nlohmann::json to_json(const MeetingRoom& room);
nlohmann::json to_json(const schedule::Timeslot& slot, const std::string& time_zone);
// Without filed_by and decided_by: e-mail addresses are private.
nlohmann::json to_json(const SessionRequest& request);

}  // namespace convene
