// Reading and writing "convene-schedule-problem/1".
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "convene/schedule/problem.h"
#include "json_fields.h"

namespace convene::schedule {
namespace {

using nlohmann::json;
constexpr const char* kCode = "schedule_problem_invalid";

Error bad(const std::string& message) { return invalid(kCode, message); }

// The array `key` of `doc`, or an empty array when absent.
Result<const json*> array_of(const json& doc, const char* key) {
  static const json kEmpty = json::array();
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return &kEmpty;
  if (!it->is_array()) return bad(std::string("\"") + key + "\" must be an array");
  return &*it;
}

std::string item_name(const char* list, std::size_t i, const std::string& id) {
  return std::string(list) + "[" + std::to_string(i) + "]" + (id.empty() ? "" : " \"" + id + "\"");
}

Status read_meeting(const json& doc, Problem& p) {
  auto it = doc.find("meeting");
  if (it == doc.end()) return ok_status();
  Fields f(*it, "meeting", kCode);
  p.meeting_number = f.text("number");
  const auto zone = f.text("time_zone");
  if (f.error()) return *f.error();
  if (!zone.empty()) p.time_zone = zone;
  if (!is_time_zone(p.time_zone)) return bad("meeting: unknown time zone \"" + p.time_zone + "\"");
  return ok_status();
}

Status read_penalties(const json& doc, Problem& p) {
  auto it = doc.find("penalties");
  if (it == doc.end() || it->is_null()) return ok_status();
  if (!it->is_object()) return bad("\"penalties\" must be an object of term names to numbers");
  for (const auto& [name, value] : it->items()) {
    auto term = term_from(name);
    if (!term) return bad("penalties: unknown term \"" + name + "\"");
    if (!value.is_number_integer() || value.get<long long>() < 0) {
      return bad("penalties: \"" + name + "\" must be a whole number >= 0");
    }
    p.penalties.set(*term, value.get<std::int64_t>());
  }
  return ok_status();
}

Status read_rooms(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("rooms", i, ""), kCode);
    Room r;
    r.id = f.text("id", true);
    r.name = f.text("name");
    if (f.has("capacity")) r.capacity = f.whole("capacity", 0);
    if (f.error()) return *f.error();
    p.rooms.push_back(std::move(r));
  }
  return ok_status();
}

Status read_timeslots(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("timeslots", i, ""), kCode);
    Timeslot t;
    t.id = f.text("id", true);
    f.rename(item_name("timeslots", i, t.id));
    t.room = f.text("room", true);
    t.name = f.text("name");
    t.duration_min = f.positive("duration_min");
    const auto start = f.text("start", true);
    if (f.error()) return *f.error();
    auto parsed = parse_rfc3339(start, "start");
    if (!parsed) return bad(item_name("timeslots", i, t.id) + ": " + parsed.error().message);
    t.start = *parsed;
    p.timeslots.push_back(std::move(t));
  }
  return ok_status();
}

Status read_groups(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("groups", i, ""), kCode);
    Group g;
    g.acronym = f.text("acronym", true);
    g.area = f.text("area");
    g.ad = f.text("ad");
    g.area_meeting = f.flag("area_meeting");
    g.bof = f.flag("bof");
    g.proposed_rg = f.flag("proposed_rg");
    if (f.error()) return *f.error();
    p.groups.push_back(std::move(g));
  }
  return ok_status();
}

Status read_sessions(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("sessions", i, ""), kCode);
    Session s;
    s.id = f.text("id", true);
    f.rename(item_name("sessions", i, s.id));
    s.group = f.text("group", true);
    s.order = f.whole("order", 0);
    s.duration_min = f.positive("duration_min");
    s.attendees = f.whole("attendees", 0);
    s.joint_with = f.texts("joint_with");
    s.exclusive = f.flag("exclusive");
    s.exclusive_allow = f.texts("exclusive_allow");
    if (f.error()) return *f.error();
    p.sessions.push_back(std::move(s));
  }
  return ok_status();
}

// Reads the type-specific fields of constraint `c`.
void read_constraint_fields(Fields& f, Constraint& c) {
  switch (c.type) {
    case ConstraintType::bethere:
      c.person = f.text("person", true);
      return;
    case ConstraintType::timerange:
      for (const auto& text : f.texts("ranges", true)) {
        auto range = time_range_from(text);
        if (!range) return f.fail("unknown range \"" + text + "\" (want e.g. monday-afternoon-early)");
        c.ranges.push_back(*range);
      }
      return;
    case ConstraintType::time_relation: {
      const auto rel = f.text("relation", true);
      if (rel == "subsequent-days") c.relation = TimeRelation::subsequent_days;
      else if (rel == "one-day-separation") c.relation = TimeRelation::one_day_separation;
      else if (!f.error()) f.fail("unknown relation \"" + rel + "\"");
      return;
    }
    default:
      c.target = f.text("target", true);
  }
}

Status read_constraints(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("constraints", i, ""), kCode);
    const auto type = f.text("type", true);
    if (f.error()) return *f.error();
    auto parsed = constraint_type_from(type);
    if (!parsed) return bad(item_name("constraints", i, "") + ": unknown type \"" + type + "\"");
    f.rename(item_name("constraints", i, "") + " (" + type + ")");
    Constraint c;
    c.type = *parsed;
    c.group = f.text("group", true);
    read_constraint_fields(f, c);
    if (f.error()) return *f.error();
    p.constraints.push_back(std::move(c));
  }
  return ok_status();
}

Status read_fixed(const json& list, Problem& p) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    Fields f(list[i], item_name("fixed", i, ""), kCode);
    Assignment a{f.text("session", true), f.text("timeslot", true)};
    if (f.error()) return *f.error();
    p.fixed.push_back(std::move(a));
  }
  return ok_status();
}

// Checks that key(item) is unique across `items`; returns the keys as a set.
template <class T, class Key>
Result<std::set<std::string>> unique(const std::vector<T>& items, const char* list, Key key) {
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (!seen.insert(key(item)).second) {
      return bad(std::string("duplicate ") + list + " id \"" + key(item) + "\"");
    }
  }
  return seen;
}

Status check_references(const Problem& p) {
  auto rooms = unique(p.rooms, "rooms", [](const Room& r) { return r.id; });
  if (!rooms) return rooms.error();
  auto slots = unique(p.timeslots, "timeslots", [](const Timeslot& t) { return t.id; });
  if (!slots) return slots.error();
  auto groups = unique(p.groups, "groups", [](const Group& g) { return g.acronym; });
  if (!groups) return groups.error();
  auto sessions = unique(p.sessions, "sessions", [](const Session& s) { return s.id; });
  if (!sessions) return sessions.error();
  for (const auto& t : p.timeslots) {
    if (!rooms->count(t.room)) return bad("timeslot \"" + t.id + "\": unknown room \"" + t.room + "\"");
  }
  for (const auto& s : p.sessions) {
    if (!groups->count(s.group)) {
      return bad("session \"" + s.id + "\": group \"" + s.group + "\" is not in groups");
    }
    for (const auto& g : s.joint_with) {
      if (!groups->count(g)) return bad("session \"" + s.id + "\": joint group \"" + g + "\" is not in groups");
    }
  }
  std::set<std::string> fixed_sessions, fixed_slots;
  for (const auto& f : p.fixed) {
    const auto name = "fixed assignment " + f.session + " -> " + f.timeslot;
    if (!sessions->count(f.session)) return bad(name + ": unknown session \"" + f.session + "\"");
    if (!slots->count(f.timeslot)) return bad(name + ": unknown timeslot \"" + f.timeslot + "\"");
    if (!fixed_sessions.insert(f.session).second) return bad(name + ": session fixed twice");
    if (!fixed_slots.insert(f.timeslot).second) return bad(name + ": timeslot fixed twice");
  }
  return ok_status();
}

}  // namespace

Result<Problem> problem_from_json(const json& doc) {
  if (!doc.is_object()) return bad("the problem must be a JSON object");
  if (doc.contains("format") && doc["format"] != kProblemFormat) {
    return bad("format must be \"" + std::string(kProblemFormat) + "\"");
  }
  Problem p;
  if (auto st = read_meeting(doc, p); !st) return st.error();
  if (auto st = read_penalties(doc, p); !st) return st.error();
  using Reader = Status (*)(const json&, Problem&);
  const std::pair<const char*, Reader> lists[] = {
      {"rooms", read_rooms},       {"timeslots", read_timeslots},     {"groups", read_groups},
      {"sessions", read_sessions}, {"constraints", read_constraints}, {"fixed", read_fixed}};
  for (const auto& [key, reader] : lists) {
    auto list = array_of(doc, key);
    if (!list) return list.error();
    if (auto st = reader(**list, p); !st) return st.error();
  }
  if (auto st = check_references(p); !st) return st.error();
  return p;
}

Result<Problem> parse_problem(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return bad("the problem is not valid JSON");
  return problem_from_json(doc);
}

namespace {

json constraint_json(const Constraint& c) {
  json j = {{"type", to_string(c.type)}, {"group", c.group}};
  switch (c.type) {
    case ConstraintType::bethere: j["person"] = c.person; break;
    case ConstraintType::timerange: {
      j["ranges"] = json::array();
      for (const auto& r : c.ranges) j["ranges"].push_back(to_string(r));
      break;
    }
    case ConstraintType::time_relation:
      j["relation"] = c.relation == TimeRelation::subsequent_days ? "subsequent-days" : "one-day-separation";
      break;
    default: j["target"] = c.target;
  }
  return j;
}

json session_json(const Session& s) {
  json j = {{"id", s.id}, {"group", s.group}, {"order", s.order},
            {"duration_min", s.duration_min}, {"attendees", s.attendees}};
  if (!s.joint_with.empty()) j["joint_with"] = s.joint_with;
  if (s.exclusive) j["exclusive"] = true;
  if (!s.exclusive_allow.empty()) j["exclusive_allow"] = s.exclusive_allow;
  return j;
}

json group_json(const Group& g) {
  json j = {{"acronym", g.acronym}};
  if (!g.area.empty()) j["area"] = g.area;
  if (!g.ad.empty()) j["ad"] = g.ad;
  if (g.area_meeting) j["area_meeting"] = true;
  if (g.bof) j["bof"] = true;
  if (g.proposed_rg) j["proposed_rg"] = true;
  return j;
}

}  // namespace

json to_json(const std::vector<Session>& sessions) {
  json j = json::array();
  for (const auto& s : sessions) j.push_back(session_json(s));
  return j;
}

json to_json(const std::vector<Constraint>& constraints) {
  json j = json::array();
  for (const auto& c : constraints) j.push_back(constraint_json(c));
  return j;
}

Result<std::vector<Session>> sessions_from_json(const json& list) {
  if (!list.is_array()) return bad("sessions: must be an array");
  Problem p;
  if (auto st = read_sessions(list, p); !st) return st.error();
  return std::move(p.sessions);
}

Result<std::vector<Constraint>> constraints_from_json(const json& list) {
  if (!list.is_array()) return bad("constraints: must be an array");
  Problem p;
  if (auto st = read_constraints(list, p); !st) return st.error();
  return std::move(p.constraints);
}

json to_json(const Problem& p) {
  json j = {{"format", kProblemFormat},
            {"meeting", {{"number", p.meeting_number}, {"time_zone", p.time_zone}}}};
  j["penalties"] = json::object();
  for (int i = 0; i < kTermCount; ++i) {
    const auto term = static_cast<Term>(i);
    if (p.penalties[term] != default_penalty(term)) j["penalties"][std::string(to_string(term))] = p.penalties[term];
  }
  j["rooms"] = json::array();
  for (const auto& r : p.rooms) {
    json room = {{"id", r.id}, {"name", r.name}};
    if (r.capacity) room["capacity"] = *r.capacity;
    j["rooms"].push_back(room);
  }
  j["timeslots"] = json::array();
  for (const auto& t : p.timeslots) {
    j["timeslots"].push_back({{"id", t.id}, {"room", t.room}, {"start", format_utc(t.start)},
                              {"duration_min", t.duration_min}, {"name", t.name}});
  }
  j["groups"] = json::array();
  for (const auto& g : p.groups) j["groups"].push_back(group_json(g));
  j["sessions"] = to_json(p.sessions);
  j["constraints"] = to_json(p.constraints);
  j["fixed"] = json::array();
  for (const auto& f : p.fixed) j["fixed"].push_back({{"session", f.session}, {"timeslot", f.timeslot}});
  return j;
}

}  // namespace convene::schedule
