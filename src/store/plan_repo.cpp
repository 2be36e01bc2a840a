// Meeting plans: rooms, timeslots, groups per meeting, session requests,
// exclusive exceptions, settings and schedule versions.
#include <nlohmann/json.hpp>

#include "convene/schedule/schedule.h"
#include "sql_plan.h"
#include "sql_repo.h"

namespace convene::store {
namespace {

using nlohmann::json;

std::string assignments_json(const std::vector<schedule::Assignment>& a) {
  return schedule::to_json(schedule::Schedule{a}).dump();
}

std::vector<schedule::Assignment> assignments_from(const std::string& text) {
  auto s = schedule::parse_schedule(text);
  return s ? s->assignments : std::vector<schedule::Assignment>{};
}

template <class Int>
std::string pairs_json(const std::vector<std::pair<std::string, Int>>& pairs) {
  json j = json::array();
  for (const auto& [k, v] : pairs) j.push_back({k, v});
  return j.dump();
}

template <class Int>
std::vector<std::pair<std::string, Int>> pairs_from(const std::string& text) {
  std::vector<std::pair<std::string, Int>> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& p : j)
    if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_number_integer())
      out.emplace_back(p[0].get<std::string>(), p[1].get<Int>());
  return out;
}

constexpr const char* kSessionRequestColumns =
    "SELECT id, meeting, grp, state, sessions, constraints, resources, comments, filed_by, filed_at, "
    "decided_by, decided_at FROM session_requests ";

SessionRequest session_request_from(const Statement& st) {
  SessionRequest r;
  r.id = st.int64(0);
  r.meeting = st.text(1);
  r.group = st.text(2);
  r.state = session_request_state_from(st.text(3)).value_or(SessionRequestState::pending);
  auto sessions = schedule::sessions_from_json(json::parse(st.text(4), nullptr, false));
  if (sessions) r.sessions = std::move(*sessions);
  auto constraints = schedule::constraints_from_json(json::parse(st.text(5), nullptr, false));
  if (constraints) r.constraints = std::move(*constraints);
  r.resources = list_from(st.text(6));
  r.comments = st.text(7);
  r.filed_by = st.text(8);
  r.filed_at = st.int64(9);
  r.decided_by = st.text(10);
  r.decided_at = st.int64(11);
  return r;
}

constexpr const char* kScheduleColumns =
    "SELECT meeting, name, official, assignments, job, bound, created_by, created_at, official_at FROM schedules ";

ScheduleVersion version_from(const Statement& st) {
  ScheduleVersion v;
  v.meeting = st.text(0);
  v.name = st.text(1);
  v.official = st.int64(2) != 0;
  if (!st.is_null(3)) v.assignments = assignments_from(st.text(3));
  if (!st.is_null(4)) v.job = st.int64(4);
  if (!st.is_null(5)) v.bound = st.int64(5);
  v.created_by = st.text(6);
  v.created_at = st.int64(7);
  v.official_at = st.int64(8);
  return v;
}

}  // namespace

Result<std::vector<MeetingRoom>> SqlPlan::rooms(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare("SELECT id, name, capacity, resources FROM plan_rooms WHERE meeting = ? ORDER BY " +
                         c_.insertion_order());
    st.bind(1, meeting);
    std::vector<MeetingRoom> out;
    while (st.step()) {
      MeetingRoom r{{st.text(0), st.text(1), std::nullopt}, list_from(st.text(3))};
      if (!st.is_null(2)) r.room.capacity = st.integer(2);
      out.push_back(std::move(r));
    }
    return out;
  });
}

Status SqlPlan::save_room(const std::string& meeting, const MeetingRoom& r) {
  return guarded([&] {
    auto st = c_.prepare(
        "INSERT INTO plan_rooms(meeting, id, name, capacity, resources) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(meeting, id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity, "
        "resources = excluded.resources");
    st.bind(1, meeting).bind(2, r.room.id).bind(3, r.room.name).bind(5, list_json(r.resources));
    if (r.room.capacity) st.bind(4, *r.room.capacity);
    else st.bind_null(4);
    st.run();
  });
}

Result<std::vector<schedule::Timeslot>> SqlPlan::timeslots(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT id, room, name, start, duration_min FROM plan_timeslots WHERE meeting = ? ORDER BY start, room, id");
    st.bind(1, meeting);
    std::vector<schedule::Timeslot> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3), st.integer(4)});
    return out;
  });
}

Status SqlPlan::add_timeslots(const std::string& meeting, const std::vector<schedule::Timeslot>& slots) {
  return caught([&]() -> Status {
    for (const auto& t : slots) {
      auto exists = c_.prepare("SELECT 1 FROM plan_timeslots WHERE meeting = ? AND id = ?");
      exists.bind(1, meeting).bind(2, t.id);
      if (exists.step()) return conflict("timeslot_exists", "timeslot " + t.id + " already exists");
      c_.prepare("INSERT INTO plan_timeslots(meeting, id, room, name, start, duration_min) VALUES (?, ?, ?, ?, ?, ?)")
          .bind(1, meeting)
          .bind(2, t.id)
          .bind(3, t.room)
          .bind(4, t.name)
          .bind(5, t.start)
          .bind(6, t.duration_min)
          .run();
    }
    return ok_status();
  });
}

Result<bool> SqlPlan::remove_timeslot(const std::string& meeting, const std::string& id) {
  return guarded([&] {
    return c_.prepare("DELETE FROM plan_timeslots WHERE meeting = ? AND id = ?").bind(1, meeting).bind(2, id).run() >
           0;
  });
}

Result<std::vector<schedule::Group>> SqlPlan::groups(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT acronym, area, ad, area_meeting, bof, proposed_rg FROM plan_groups WHERE meeting = ? ORDER BY acronym");
    st.bind(1, meeting);
    std::vector<schedule::Group> out;
    while (st.step())
      out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3) != 0, st.int64(4) != 0, st.int64(5) != 0});
    return out;
  });
}

Status SqlPlan::save_group(const std::string& meeting, const schedule::Group& g) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO plan_groups(meeting, acronym, area, ad, area_meeting, bof, proposed_rg) "
          "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(meeting, acronym) DO UPDATE SET area = excluded.area, "
          "ad = excluded.ad, area_meeting = excluded.area_meeting, bof = excluded.bof, "
          "proposed_rg = excluded.proposed_rg")
        .bind(1, meeting)
        .bind(2, g.acronym)
        .bind(3, g.area)
        .bind(4, g.ad)
        .bind(5, g.area_meeting ? 1 : 0)
        .bind(6, g.bof ? 1 : 0)
        .bind(7, g.proposed_rg ? 1 : 0)
        .run();
  });
}

std::vector<SessionRequest> SqlPlan::requests_where(const std::string& clause, const std::string& key) {
  auto st = c_.prepare(std::string(kSessionRequestColumns) + clause);
  st.bind(1, key);
  std::vector<SessionRequest> out;
  while (st.step()) out.push_back(session_request_from(st));
  return out;
}

Result<std::vector<SessionRequest>> SqlPlan::requests(const std::string& meeting) {
  return guarded([&] { return requests_where("WHERE meeting = ? ORDER BY id", meeting); });
}

Result<std::vector<SessionRequest>> SqlPlan::requests_of_group(const std::string& group) {
  return guarded([&] { return requests_where("WHERE grp = ? ORDER BY id", group); });
}

Result<std::optional<SessionRequest>> SqlPlan::request(std::int64_t id) {
  return guarded([&]() -> std::optional<SessionRequest> {
    auto st = c_.prepare(std::string(kSessionRequestColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return session_request_from(st);
  });
}

Result<std::int64_t> SqlPlan::save_request(const SessionRequest& r) {
  return guarded([&]() -> std::int64_t {
    const bool insert = r.id == 0;
    auto st = c_.prepare(insert ? "INSERT INTO session_requests(meeting, grp, state, sessions, constraints, "
                                  "resources, comments, filed_by, filed_at, decided_by, decided_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
                                : "UPDATE session_requests SET meeting = ?, grp = ?, state = ?, sessions = ?, "
                                  "constraints = ?, resources = ?, comments = ?, filed_by = ?, filed_at = ?, "
                                  "decided_by = ?, decided_at = ? WHERE id = ? RETURNING id");
    st.bind(1, r.meeting)
        .bind(2, r.group)
        .bind(3, std::string(to_string(r.state)))
        .bind(4, schedule::to_json(r.sessions).dump())
        .bind(5, schedule::to_json(r.constraints).dump())
        .bind(6, list_json(r.resources))
        .bind(7, r.comments)
        .bind(8, r.filed_by)
        .bind(9, r.filed_at)
        .bind(10, r.decided_by)
        .bind(11, r.decided_at);
    if (!insert) st.bind(12, r.id);
    const std::int64_t id = st.step() ? st.int64(0) : 0;
    st.run();
    return id;
  });
}

Result<std::vector<ExclusiveException>> SqlPlan::exceptions(const std::string& meeting) {
  return guarded([&] {
    auto st = c_.prepare(
        "SELECT session, grp, approved_by, approved_at FROM exclusive_exceptions WHERE meeting = ? "
        "ORDER BY session, grp");
    st.bind(1, meeting);
    std::vector<ExclusiveException> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.int64(3)});
    return out;
  });
}

Status SqlPlan::add_exception(const std::string& meeting, const ExclusiveException& e) {
  return guarded([&] {
    c_.prepare(
          "INSERT INTO exclusive_exceptions(meeting, session, grp, approved_by, approved_at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT(meeting, session, grp) DO NOTHING")
        .bind(1, meeting)
        .bind(2, e.session)
        .bind(3, e.group)
        .bind(4, e.approved_by)
        .bind(5, e.approved_at)
        .run();
  });
}

std::string SqlPlan::setting(const std::string& meeting, const char* column) {
  auto st = c_.prepare(std::string("SELECT ") + column + " FROM plan_settings WHERE meeting = ?");
  st.bind(1, meeting);
  return st.step() ? st.text(0) : "[]";
}

void SqlPlan::set_setting(const std::string& meeting, const char* column, const std::string& value) {
  c_.prepare("INSERT INTO plan_settings(meeting) VALUES (?) ON CONFLICT(meeting) DO NOTHING").bind(1, meeting).run();
  c_.prepare(std::string("UPDATE plan_settings SET ") + column + " = ? WHERE meeting = ?")
      .bind(1, value)
      .bind(2, meeting)
      .run();
}

Result<std::vector<schedule::Assignment>> SqlPlan::fixed(const std::string& meeting) {
  return guarded([&] { return assignments_from(setting(meeting, "fixed")); });
}

Status SqlPlan::set_fixed(const std::string& meeting, const std::vector<schedule::Assignment>& fixed) {
  return guarded([&] { set_setting(meeting, "fixed", assignments_json(fixed)); });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> SqlPlan::penalties(const std::string& meeting) {
  return guarded([&] { return pairs_from<std::int64_t>(setting(meeting, "penalties")); });
}

Status SqlPlan::set_penalties(const std::string& meeting,
                              const std::vector<std::pair<std::string, std::int64_t>>& overrides) {
  return guarded([&] { set_setting(meeting, "penalties", pairs_json(overrides)); });
}

Result<std::vector<std::pair<std::string, int>>> SqlPlan::sequences(const std::string& meeting) {
  return guarded([&] { return pairs_from<int>(setting(meeting, "sequences")); });
}

Status SqlPlan::set_sequences(const std::string& meeting, const std::vector<std::pair<std::string, int>>& seq) {
  return guarded([&] { set_setting(meeting, "sequences", pairs_json(seq)); });
}

std::vector<ScheduleVersion> SqlPlan::schedules_where(const std::string& clause, const std::string& meeting,
                                                      const std::string& name) {
  auto st = c_.prepare(std::string(kScheduleColumns) + clause);
  st.bind(1, meeting);
  if (!name.empty()) st.bind(2, name);
  std::vector<ScheduleVersion> out;
  while (st.step()) out.push_back(version_from(st));
  return out;
}

Result<std::vector<ScheduleVersion>> SqlPlan::schedules(const std::string& meeting) {
  return guarded([&] { return schedules_where("WHERE meeting = ? ORDER BY " + c_.insertion_order(), meeting, ""); });
}

Result<std::optional<ScheduleVersion>> SqlPlan::schedule(const std::string& meeting, const std::string& name) {
  return guarded([&]() -> std::optional<ScheduleVersion> {
    auto found = schedules_where("WHERE meeting = ? AND name = ?", meeting, name);
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

Status SqlPlan::add_schedule(const ScheduleVersion& v) {
  auto existing = schedule(v.meeting, v.name);
  if (!existing) return existing.error();
  if (*existing) return conflict("schedule_exists", "meeting " + v.meeting + " already has a schedule named " + v.name);
  return guarded([&] {
    auto st = c_.prepare(
        "INSERT INTO schedules(meeting, name, official, assignments, job, bound, created_by, created_at, official_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, v.meeting).bind(2, v.name).bind(3, v.official ? 1 : 0);
    if (v.assignments) st.bind(4, assignments_json(*v.assignments));
    else st.bind_null(4);
    if (v.job) st.bind(5, *v.job);
    else st.bind_null(5);
    if (v.bound) st.bind(6, *v.bound);
    else st.bind_null(6);
    st.bind(7, v.created_by).bind(8, v.created_at).bind(9, v.official_at).run();
  });
}

Status SqlPlan::set_schedule_result(const std::string& meeting, const std::string& name,
                                    const std::vector<schedule::Assignment>& assignments,
                                    std::optional<std::int64_t> bound) {
  return guarded([&] {
    auto st = c_.prepare("UPDATE schedules SET assignments = ?, bound = ? WHERE meeting = ? AND name = ?");
    st.bind(1, assignments_json(assignments));
    if (bound) st.bind(2, *bound);
    else st.bind_null(2);
    st.bind(3, meeting).bind(4, name).run();
  });
}

Status SqlPlan::set_official(const std::string& meeting, const std::string& name, UnixSeconds at) {
  return guarded([&] {
    c_.prepare("UPDATE schedules SET official = 0 WHERE meeting = ? AND name <> ?").bind(1, meeting).bind(2, name).run();
    c_.prepare("UPDATE schedules SET official = 1, official_at = ? WHERE meeting = ? AND name = ?")
        .bind(1, at)
        .bind(2, meeting)
        .bind(3, name)
        .run();
  });
}

}  // namespace convene::store
