// A meeting's plan: its rooms and timeslots, the groups that meet there as
// they stood for that meeting, the session requests of their chairs, the
// exceptions the IESG granted to exclusive sessions, and the schedules
// (named versions, one of them official). The rooms, timeslots, sessions and
// constraints are the schedule problem format's own values
// (schedule/problem.h), so the plan feeds the solver and the agenda as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convene/core/result.h"
#include "convene/core/time.h"
#include "convene/schedule/problem.h"

namespace convene {

// A room of a meeting, and what it offers ("projector", "meetecho").
struct MeetingRoom {
  schedule::Room room;
  std::vector<std::string> resources;
};

// pending: waits for the secretariat; needs_ad: asks for more than two
// sessions and waits for the area director first; approved: in the problem.
enum class SessionRequestState { needs_ad, pending, approved };
std::string_view to_string(SessionRequestState s);
std::optional<SessionRequestState> session_request_state_from(std::string_view s);

// One group's request for one meeting: its sessions and the constraints it
// declares (each with `group` = this request's group).
struct SessionRequest {
  std::int64_t id = 0;
  std::string meeting;
  std::string group;
  SessionRequestState state = SessionRequestState::pending;
  std::vector<schedule::Session> sessions;
  std::vector<schedule::Constraint> constraints;
  std::vector<std::string> resources;
  std::string comments;
  std::string filed_by;            // e-mail
  UnixSeconds filed_at = 0;
  std::string decided_by;          // who approved (AD or secretariat), "" while pending
  UnixSeconds decided_at = 0;
};

// A group allowed to run against an exclusive session, approved by the IESG.
struct ExclusiveException {
  std::string session;   // the exclusive session's id
  std::string group;     // the group allowed against it
  std::string approved_by;
  UnixSeconds approved_at = 0;
};

// A stored schedule version. Either `assignments` were given, or `job` is
// the solver job that makes them (its result holds the schedule).
struct ScheduleVersion {
  std::string meeting;
  std::string name;                  // "draft-1"
  bool official = false;
  std::optional<std::vector<schedule::Assignment>> assignments;
  std::optional<std::int64_t> job;
  std::optional<std::int64_t> bound; // a proven lower bound on the cost, when known
  std::string created_by;
  UnixSeconds created_at = 0;
  UnixSeconds official_at = 0;       // when it last became official; 0: never
};

// Where plans are kept. "Not there" is an empty optional or list; storage
// failure an internal Error; nothing throws. Lists come in insertion order
// unless said otherwise.
class PlanRepository {
 public:
  virtual ~PlanRepository() = default;

  virtual Result<std::vector<MeetingRoom>> rooms(const std::string& meeting) = 0;
  // Inserts or replaces the room with r.room.id.
  virtual Status save_room(const std::string& meeting, const MeetingRoom& r) = 0;

  // By start, then room, then id.
  virtual Result<std::vector<schedule::Timeslot>> timeslots(const std::string& meeting) = 0;
  // Inserts each; a duplicate id is a conflict "timeslot_exists".
  virtual Status add_timeslots(const std::string& meeting, const std::vector<schedule::Timeslot>& slots) = 0;
  // Whether there was such a slot to remove.
  virtual Result<bool> remove_timeslot(const std::string& meeting, const std::string& id) = 0;

  // The groups as they stood for the meeting (area, AD, BoF...), by acronym.
  virtual Result<std::vector<schedule::Group>> groups(const std::string& meeting) = 0;
  // Inserts or replaces the group with g.acronym.
  virtual Status save_group(const std::string& meeting, const schedule::Group& g) = 0;

  // By id.
  virtual Result<std::vector<SessionRequest>> requests(const std::string& meeting) = 0;
  virtual Result<std::optional<SessionRequest>> request(std::int64_t id) = 0;
  // The requests of `group` at every meeting, by id.
  virtual Result<std::vector<SessionRequest>> requests_of_group(const std::string& group) = 0;
  // r.id == 0: inserts and returns the new id; otherwise replaces request r.id.
  virtual Result<std::int64_t> save_request(const SessionRequest& r) = 0;

  virtual Result<std::vector<ExclusiveException>> exceptions(const std::string& meeting) = 0;
  virtual Status add_exception(const std::string& meeting, const ExclusiveException& e) = 0;

  virtual Result<std::vector<schedule::Assignment>> fixed(const std::string& meeting) = 0;
  virtual Status set_fixed(const std::string& meeting, const std::vector<schedule::Assignment>& fixed) = 0;
  // Penalty overrides by term name (the problem format's "penalties").
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> penalties(const std::string& meeting) = 0;
  virtual Status set_penalties(const std::string& meeting,
                               const std::vector<std::pair<std::string, std::int64_t>>& overrides) = 0;

  // By creation.
  virtual Result<std::vector<ScheduleVersion>> schedules(const std::string& meeting) = 0;
  virtual Result<std::optional<ScheduleVersion>> schedule(const std::string& meeting, const std::string& name) = 0;
  // Inserts v; conflict "schedule_exists" when the name is taken.
  virtual Status add_schedule(const ScheduleVersion& v) = 0;
  // Stores the assignments (and bound) of a solved version.
  virtual Status set_schedule_result(const std::string& meeting, const std::string& name,
                                     const std::vector<schedule::Assignment>& assignments,
                                     std::optional<std::int64_t> bound) = 0;
  // Makes `name` the only official version, official since `at`.
  virtual Status set_official(const std::string& meeting, const std::string& name, UnixSeconds at) = 0;

  // How often each session's placement changed in the official schedule
  // (the agenda feed's SEQUENCE), by session id.
  virtual Result<std::vector<std::pair<std::string, int>>> sequences(const std::string& meeting) = 0;
  virtual Status set_sequences(const std::string& meeting, const std::vector<std::pair<std::string, int>>& seq) = 0;
};

}  // namespace convene
