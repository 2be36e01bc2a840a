// Rooms and the timeslot grid of a meeting.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "convene/meeting/json_fields.h"
#include "convene/plan/service.h"
#include "plan_internal.h"

namespace convene {

namespace jf = json_fields;
using nlohmann::json;

namespace {

// The number after `prefix` in ids like "r12"; 0 for any other id.
int id_number(const std::string& id, char prefix) {
  if (id.size() < 2 || id[0] != prefix || id.size() > 9) return 0;
  int n = 0;
  for (std::size_t i = 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return 0;
    n = n * 10 + (id[i] - '0');
  }
  return n;
}

template <class T, class Id>
int next_number(const std::vector<T>& items, char prefix, Id id_of) {
  int top = 0;
  for (const auto& item : items) top = std::max(top, id_number(id_of(item), prefix));
  return top + 1;
}

Result<Period> period_from_json(const json& p, const std::string& field) {
  if (auto st = jf::require_object(p); !st) return jf::bad_type(field, "must be an object");
  auto start = jf::text(p, "start", {.max_chars = 5});
  if (!start) return jf::bad_value(field + ".start", start.error().message);
  auto minute = parse_time_of_day(*start, field + ".start");
  if (!minute) return minute.error();
  auto duration = jf::integer(p, "duration_min", 5, 720);
  if (!duration) return jf::bad_value(field + "." + "duration_min", duration.error().message);
  auto name = jf::text(p, "name", {.max_chars = 80});
  if (!name) return jf::bad_value(field + ".name", name.error().message);
  return Period{*minute, static_cast<int>(*duration), *name};
}

bool overlaps(const schedule::Timeslot& a, const schedule::Timeslot& b) {
  return a.room == b.room && a.start < b.start + b.duration_min * 60 && b.start < a.start + a.duration_min * 60;
}

// The room named `name_or_id` (by id or by name).
const MeetingRoom* room_named(const std::vector<MeetingRoom>& rooms, const std::string& name_or_id) {
  for (const auto& r : rooms)
    if (r.room.id == name_or_id || r.room.name == name_or_id) return &r;
  return nullptr;
}

Result<std::vector<schedule::Timeslot>> grid_slots(const Meeting& m, const std::vector<MeetingRoom>& rooms,
                                                   const std::vector<schedule::Timeslot>& existing,
                                                   const TimeslotGrid& grid) {
  std::vector<schedule::Timeslot> out;
  int next = next_number(existing, 't', [](const schedule::Timeslot& t) { return t.id; });
  for (auto day : grid.days) {
    if (day < m.start_date - 1 || day > m.end_date)
      return rejected("day_outside_meeting", format_date(day) + " is not a day of " + meeting_title(m) + " (" +
                                                 format_date(m.start_date) + " to " + format_date(m.end_date) + ")");
    for (const auto& p : grid.periods)
      for (const auto& name : grid.rooms) {
        const MeetingRoom* room = room_named(rooms, name);
        if (!room) return not_found("room_unknown", meeting_title(m) + " has no room '" + name + "'");
        out.push_back({"t" + std::to_string(next++), room->room.id, p.name, from_local(day, p.start_min, m.time_zone),
                       p.duration_min});
      }
  }
  return out;
}

Status check_no_overlap(const std::vector<schedule::Timeslot>& existing, const std::vector<schedule::Timeslot>& added,
                        const std::string& time_zone) {
  for (std::size_t i = 0; i < added.size(); ++i) {
    auto clash = [&](const schedule::Timeslot& t) { return overlaps(t, added[i]); };
    auto old = std::ranges::find_if(existing, clash);
    auto earlier = std::find_if(added.begin(), added.begin() + static_cast<std::ptrdiff_t>(i), clash);
    if (old != existing.end() || earlier != added.begin() + static_cast<std::ptrdiff_t>(i))
      return conflict("timeslot_overlap", "a slot at " + format_local(added[i].start, time_zone) + " in room " +
                                              added[i].room + " would overlap another slot of that room");
  }
  return ok_status();
}

}  // namespace

Result<RoomInput> room_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto name = jf::text(body, "name", {.max_chars = 100});
  if (!name) return name.error();
  RoomInput in{*name, std::nullopt, {}};
  if (body.contains("capacity") && !body["capacity"].is_null()) {
    auto cap = jf::integer(body, "capacity", 1, 100000);
    if (!cap) return cap.error();
    in.capacity = static_cast<int>(*cap);
  }
  auto resources = jf::text_list(body, "resources", 20, {.max_chars = 40});
  if (!resources) return resources.error();
  in.resources = std::move(*resources);
  return in;
}

Result<TimeslotGrid> grid_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  TimeslotGrid grid;
  auto days = jf::text_list(body, "days", 31, {.max_chars = 10});
  if (!days) return days.error();
  for (std::size_t i = 0; i < days->size(); ++i) {
    auto d = parse_date((*days)[i], "days[" + std::to_string(i) + "]");
    if (!d) return d.error();
    grid.days.push_back(*d);
  }
  if (!body.contains("periods") || !body["periods"].is_array()) return jf::missing("periods");
  if (body["periods"].size() > 20) return jf::bad_value("periods", "at most 20 periods");
  for (std::size_t i = 0; i < body["periods"].size(); ++i) {
    auto p = period_from_json(body["periods"][i], "periods[" + std::to_string(i) + "]");
    if (!p) return p.error();
    grid.periods.push_back(*p);
  }
  auto rooms = jf::text_list(body, "rooms", 100, {.max_chars = 100});
  if (!rooms) return rooms.error();
  grid.rooms = std::move(*rooms);
  if (grid.days.empty()) return jf::missing("days");
  if (grid.periods.empty()) return jf::bad_value("periods", "must name at least one period");
  if (grid.rooms.empty()) return jf::missing("rooms");
  return grid;
}

Result<MeetingRoom> add_room(PlanRepos r, const Auditor& audit, const Person& who, const std::string& meeting,
                             const RoomInput& in) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may add rooms");
  auto m = plan_meeting(r.meetings, meeting);
  if (!m) return m.error();
  auto rooms = r.plan.rooms(meeting);
  if (!rooms) return rooms.error();
  if (room_named(*rooms, in.name)) return conflict("room_exists", meeting_title(*m) + " already has a room '" + in.name + "'");
  const int k = next_number(*rooms, 'r', [](const MeetingRoom& x) { return x.room.id; });
  MeetingRoom room{{"r" + std::to_string(k), in.name, in.capacity}, in.resources};
  if (auto st = r.plan.save_room(meeting, room); !st) return st.error();
  if (auto st = audit.record("room.add", audit_object::meeting(meeting), to_json(room).dump()); !st) return st.error();
  return room;
}

Result<std::vector<schedule::Timeslot>> add_timeslots(PlanRepos r, const Auditor& audit, const Person& who,
                                                      const std::string& meeting, const TimeslotGrid& grid) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may add timeslots");
  auto m = plan_meeting(r.meetings, meeting);
  if (!m) return m.error();
  auto rooms = r.plan.rooms(meeting);
  if (!rooms) return rooms.error();
  auto existing = r.plan.timeslots(meeting);
  if (!existing) return existing.error();
  auto added = grid_slots(*m, *rooms, *existing, grid);
  if (!added) return added.error();
  if (auto st = check_no_overlap(*existing, *added, m->time_zone); !st) return st.error();
  if (auto st = r.plan.add_timeslots(meeting, *added); !st) return st.error();
  json detail = {{"added", added->size()}};
  if (auto st = audit.record("timeslots.add", audit_object::meeting(meeting), detail.dump()); !st) return st.error();
  return added;
}

Status remove_timeslot(PlanRepos r, const Auditor& audit, const Person& who, const std::string& meeting,
                       const std::string& id) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may remove timeslots");
  auto m = plan_meeting(r.meetings, meeting);
  if (!m) return m.error();
  auto versions = r.plan.schedules(meeting);
  if (!versions) return versions.error();
  for (const auto& v : *versions)
    if (v.assignments && std::ranges::count(*v.assignments, id, &schedule::Assignment::timeslot))
      return conflict("timeslot_used", "schedule " + v.name + " places a session in timeslot " + id);
  auto removed = r.plan.remove_timeslot(meeting, id);
  if (!removed) return removed.error();
  if (!*removed) return not_found("timeslot_unknown", meeting_title(*m) + " has no timeslot '" + id + "'");
  return audit.record("timeslot.remove", audit_object::meeting(meeting), json{{"timeslot", id}}.dump());
}

json to_json(const MeetingRoom& room) {
  json j = {{"id", room.room.id}, {"name", room.room.name}, {"resources", room.resources}};
  j["capacity"] = room.room.capacity ? json(*room.room.capacity) : json(nullptr);
  return j;
}

json to_json(const schedule::Timeslot& slot, const std::string& time_zone) {
  return {{"id", slot.id},
          {"room", slot.room},
          {"name", slot.name},
          {"start", format_utc(slot.start)},
          {"local_start", format_local(slot.start, time_zone)},
          {"duration_min", slot.duration_min}};
}

}  // namespace convene
