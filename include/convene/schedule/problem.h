// A meeting-scheduling problem (format "convene-schedule-problem/1", see
// formats/schedule-problem.md): rooms, timeslots, groups, session requests,
// their constraints and the assignments that are fixed in advance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/schedule/penalty.h"

namespace convene::schedule {

inline constexpr std::string_view kProblemFormat = "convene-schedule-problem/1";

struct Room {
  std::string id;
  std::string name;
  std::optional<int> capacity;  // absent: any number of attendees fits
};

struct Timeslot {
  std::string id;
  std::string room;  // a Room id
  std::string name;  // e.g. "Morning Session I"
  UnixSeconds start = 0;
  int duration_min = 0;
};

struct Group {
  std::string acronym;
  std::string area;  // empty: no area
  std::string ad;    // responsible area director; empty: none
  bool area_meeting = false;
  bool bof = false;
  bool proposed_rg = false;
};

struct Session {
  std::string id;
  std::string group;  // the group that requested it
  int order = 0;      // order of the group's sessions (equal orders: any)
  int duration_min = 0;
  int attendees = 0;
  std::vector<std::string> joint_with;       // other groups meeting in it
  bool exclusive = false;                    // nothing should run against it...
  std::vector<std::string> exclusive_allow;  // ...except these groups
};

enum class ConstraintType {
  conflict,
  conflic2,
  conflic3,
  chair_conflict,
  tech_overlap,
  key_participant,
  bethere,
  timerange,
  time_relation,
  wg_adjacent,
};
std::string_view to_string(ConstraintType type);
std::optional<ConstraintType> constraint_type_from(std::string_view name);
// True for the six "avoid group `target`" types.
bool is_group_conflict(ConstraintType type);
// The cost term a constraint type feeds.
Term term_of(ConstraintType type);

enum class DayPart { morning, afternoon_early, afternoon_late };
enum class TimeRelation { subsequent_days, one_day_separation };

// "<weekday>-<morning|afternoon-early|afternoon-late>", local time.
struct TimeRange {
  int weekday = 0;  // 0 = Sunday ... 6 = Saturday
  DayPart part = DayPart::morning;
  bool operator==(const TimeRange&) const = default;
};
std::optional<TimeRange> time_range_from(std::string_view text);
std::string to_string(TimeRange range);
// The day part of a local time of day: morning before 12:30,
// afternoon-early before 15:30, afternoon-late after.
DayPart day_part_of(int minute_of_day);

struct Constraint {
  ConstraintType type = ConstraintType::conflict;
  std::string group;                // the group that asked
  std::string target;               // group conflicts, wg_adjacent
  std::string person;               // bethere
  std::vector<TimeRange> ranges;    // timerange: when `group` cannot meet
  TimeRelation relation = TimeRelation::subsequent_days;  // time_relation
};

struct Assignment {
  std::string session;
  std::string timeslot;
  bool operator==(const Assignment&) const = default;
};

struct Problem {
  std::string meeting_number;
  std::string time_zone = "UTC";  // IANA name; weekday and time of day are local
  Penalties penalties;            // defaults with the problem's overrides applied
  std::vector<Room> rooms;
  std::vector<Timeslot> timeslots;
  std::vector<Group> groups;
  std::vector<Session> sessions;
  std::vector<Constraint> constraints;
  std::vector<Assignment> fixed;  // assignments every schedule must keep
};

// Validates and builds a problem. Unknown fields are ignored. Errors
// (ErrorKind::invalid, code "schedule_problem_invalid") name the item: a
// duplicate id, a timeslot in an unknown room, a session of a group not in
// `groups`, a fixed entry naming an unknown session or timeslot, a duration
// that is not a positive whole number of minutes, a start that is not
// RFC 3339, an unknown time zone, constraint type, range, relation or
// penalty name, or a constraint missing its target/person/ranges/relation.
Result<Problem> problem_from_json(const nlohmann::json& doc);
// As above, from JSON text; malformed JSON gives "schedule_problem_invalid".
Result<Problem> parse_problem(std::string_view text);
// The problem in the interchange format (times in UTC, penalties that differ
// from the defaults); problem_from_json() reads it back unchanged.
nlohmann::json to_json(const Problem& problem);

// The format's "sessions" or "constraints" list alone, as a store keeps a
// session request's part. Errors as problem_from_json's; a value that is not
// an array is one too. Group references are not checked here.
Result<std::vector<Session>> sessions_from_json(const nlohmann::json& list);
Result<std::vector<Constraint>> constraints_from_json(const nlohmann::json& list);
nlohmann::json to_json(const std::vector<Session>& sessions);
nlohmann::json to_json(const std::vector<Constraint>& constraints);

}  // namespace convene::schedule
