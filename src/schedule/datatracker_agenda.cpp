// Reading a Datatracker agenda.json: the items are checked one by one into
// plain session records, the ones that did not meet or cannot be placed
// together are set aside, and the rest become the problem and its schedule.
#include "convene/schedule/datatracker_agenda.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "json_fields.h"

namespace convene::schedule {
namespace {

using nlohmann::json;
constexpr const char* kCode = "datatracker_agenda_invalid";
constexpr const char* kNoLocation = "(no location)";

Error bad(const std::string& message) { return invalid(kCode, message); }

// One objtype "session" item, checked.
struct AgendaSession {
  std::string id;
  DatatrackerGroup group;
  bool bof = false;
  std::string status;
  std::string location;  // "" when the file has none
  UnixSeconds start = 0;
  int minutes = 0;
  UnixSeconds end() const { return start + minutes * 60; }
};

// Everything read from the items, before the problem is built.
struct Items {
  std::vector<AgendaSession> sessions;
  std::vector<std::string> locations;  // objtype "location" names, in file order
  std::vector<DatatrackerArea> areas;
};

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a string of digits (at most three here).
int number_of(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// "1:40:00" as minutes; nullopt unless H:MM:SS with whole minutes > 0.
std::optional<int> minutes_of(std::string_view text) {
  const auto first = text.find(':');
  if (first == std::string_view::npos || first == 0 || first > 3 || text.size() != first + 6 ||
      text[first + 3] != ':') {
    return std::nullopt;
  }
  const auto h = text.substr(0, first), m = text.substr(first + 1, 2), s = text.substr(first + 4, 2);
  if (!is_digits(h) || !is_digits(m) || s != "00" || number_of(m) >= 60) return std::nullopt;
  const int minutes = number_of(h) * 60 + number_of(m);
  if (minutes <= 0) return std::nullopt;
  return minutes;
}

// The session's id: session_id, a whole number (a string of digits also passes).
std::string session_id_of(const json& item) {
  auto it = item.find("session_id");
  if (it == item.end()) return "";
  if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  if (it->is_string() && is_digits(it->get<std::string>())) return it->get<std::string>();
  return "";
}

Result<DatatrackerGroup> read_group(const json& item, const std::string& where) {
  auto it = item.find("group");
  if (it == item.end()) return bad(where + ": no \"group\"");
  Fields f(*it, where + " group", kCode);
  DatatrackerGroup g{f.text("acronym", true), f.text("name"), f.text("type"), f.text("state"),
                     f.text("parent")};
  if (f.error()) return *f.error();
  return g;
}

Result<AgendaSession> read_session(const json& item, std::size_t index) {
  AgendaSession s;
  s.id = session_id_of(item);
  if (s.id.empty()) return bad("item " + std::to_string(index) + ": no whole-number \"session_id\"");
  const std::string where = "session " + s.id;
  auto group = read_group(item, where);
  if (!group) return group.error();
  s.group = std::move(*group);
  Fields f(item, where, kCode);
  s.bof = f.flag("is_bof");
  s.status = f.text("status");
  s.location = f.text("location");
  const auto start = f.text("start", true);
  const auto duration = f.text("duration", true);
  if (f.error()) return *f.error();
  auto parsed = parse_rfc3339(start, "start");
  if (!parsed) return bad(where + ": start \"" + start + "\" is not RFC 3339");
  s.start = *parsed;
  auto minutes = minutes_of(duration);
  if (!minutes) return bad(where + ": duration \"" + duration + "\" is not H:MM:SS of whole minutes > 0");
  s.minutes = *minutes;
  return s;
}

Status read_item(const json& item, std::size_t index, Items& out) {
  const std::string where = "item " + std::to_string(index);
  Fields f(item, where, kCode);
  const auto type = f.text("objtype", true);
  if (type == "location" || type == "parent") {
    const auto name = f.text("name", true);
    if (type == "parent") out.areas.push_back({name, f.text("description")});
    if (type == "location") out.locations.push_back(name);
  }
  if (f.error()) return *f.error();
  if (type != "session") return ok_status();
  auto s = read_session(item, index);
  if (!s) return s.error();
  out.sessions.push_back(std::move(*s));
  return ok_status();
}

// The meeting number and its item array: {"115": [...]}.
Result<std::pair<std::string, const json*>> meeting_of(const json& doc) {
  if (!doc.is_object() || doc.size() != 1 || !doc.begin().value().is_array()) {
    return bad("the agenda must be an object with one meeting number holding an array of items");
  }
  return std::pair{doc.begin().key(), &doc.begin().value()};
}

Result<Items> read_items(const json& list) {
  Items items;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (auto st = read_item(list[i], i, items); !st) return st.error();
  }
  std::set<std::string> ids;
  for (const auto& s : items.sessions) {
    if (!ids.insert(s.id).second) return bad("session " + s.id + ": appears twice");
  }
  return items;
}

bool overlaps(const AgendaSession& a, const AgendaSession& b) {
  return a.start < b.end() && b.start < a.end();
}

// The sessions that met, and of those no two of one group at once: shortest
// first, a session overlapping a kept one of its group is skipped. By start.
std::vector<AgendaSession> sessions_to_place(std::vector<AgendaSession> all,
                                             std::vector<SkippedSession>& skipped) {
  std::vector<AgendaSession> met, kept;
  for (auto& s : all) {
    if (s.status == "canceled" || s.status == "resched") {
      skipped.push_back({s.id, s.group.acronym, "status " + s.status});
    } else {
      met.push_back(std::move(s));
    }
  }
  std::sort(met.begin(), met.end(), [](const auto& a, const auto& b) {
    return std::tie(a.minutes, a.start, a.id) < std::tie(b.minutes, b.start, b.id);
  });
  for (auto& s : met) {
    auto clash = std::find_if(kept.begin(), kept.end(), [&](const AgendaSession& k) {
      return k.group.acronym == s.group.acronym && overlaps(k, s);
    });
    if (clash != kept.end()) {
      skipped.push_back({s.id, s.group.acronym, "overlaps session " + clash->id + " of its group"});
    } else {
      kept.push_back(std::move(s));
    }
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return std::tie(a.start, a.id) < std::tie(b.start, b.id);
  });
  return kept;
}

// Every distinct group of the file, in the order first seen.
std::vector<DatatrackerGroup> groups_of(const std::vector<AgendaSession>& sessions) {
  std::vector<DatatrackerGroup> groups;
  std::set<std::string> seen;
  for (const auto& s : sessions) {
    if (seen.insert(s.group.acronym).second) groups.push_back(s.group);
  }
  return groups;
}

std::string room_of(const AgendaSession& s) { return s.location.empty() ? kNoLocation : s.location; }

// The "location" entries (113 lists some names twice), then the sessions' rooms.
std::vector<Room> rooms_of(const std::vector<std::string>& locations,
                           const std::vector<AgendaSession>& sessions) {
  std::vector<Room> rooms;
  std::set<std::string> seen;
  auto add = [&](const std::string& name) {
    if (!name.empty() && seen.insert(name).second) rooms.push_back({name, name, std::nullopt});
  };
  for (const auto& name : locations) add(name);
  for (const auto& s : sessions) add(room_of(s));
  return rooms;
}

// "ietf" and "iab" are parents too, but not areas.
bool is_area(const std::string& parent, const std::vector<DatatrackerArea>& areas) {
  if (parent == "ietf" || parent == "iab") return false;
  return std::any_of(areas.begin(), areas.end(),
                     [&](const DatatrackerArea& a) { return a.acronym == parent; });
}

Group problem_group(const AgendaSession& s, const std::vector<DatatrackerArea>& areas) {
  Group g;
  g.acronym = s.group.acronym;
  if (is_area(s.group.parent, areas)) g.area = s.group.parent;
  g.bof = s.bof;
  g.area_meeting = s.group.type == "ag" || s.group.type == "rag";
  return g;
}

// "monday-morning": the local weekday and day part of a start.
std::string slot_name(UnixSeconds start, const std::string& zone) {
  const auto local = to_local(start, zone);
  return to_string(TimeRange{local.weekday, day_part_of(local.minute_of_day)});
}

// One timeslot per session, its group (the first session's view of it) and
// its assignment. REQUIRES: `sessions` ordered by start.
void add_sessions(const std::vector<AgendaSession>& sessions, DatatrackerAgenda& a) {
  auto& p = a.problem;
  std::map<std::string, int> order;
  for (const auto& s : sessions) {
    const std::string slot = "t" + s.id;
    p.timeslots.push_back({slot, room_of(s), slot_name(s.start, p.time_zone), s.start, s.minutes});
    if (!order.count(s.group.acronym)) p.groups.push_back(problem_group(s, a.areas));
    Session session;
    session.id = s.id;
    session.group = s.group.acronym;
    session.order = ++order[s.group.acronym];
    session.duration_min = s.minutes;
    p.sessions.push_back(std::move(session));
    a.official.assignments.push_back({s.id, slot});
    a.first_start = a.first_start == 0 ? s.start : std::min(a.first_start, s.start);
    a.last_end = std::max(a.last_end, s.end());
  }
}

DatatrackerAgenda build(const std::string& number, const std::string& zone, Items items) {
  DatatrackerAgenda a;
  a.meeting_number = number;
  a.time_zone = zone;
  a.areas = std::move(items.areas);
  a.groups = groups_of(items.sessions);
  const auto kept = sessions_to_place(std::move(items.sessions), a.skipped);
  a.problem.meeting_number = number;
  a.problem.time_zone = zone;
  a.problem.rooms = rooms_of(items.locations, kept);
  add_sessions(kept, a);
  return a;
}

}  // namespace

std::optional<std::string_view> ietf_meeting_time_zone(std::string_view number) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kZones{{
      {"108", "Europe/Madrid"},    // online; planned for Madrid
      {"109", "Asia/Bangkok"},     // online; planned for Bangkok
      {"110", "Europe/Prague"},    // online; planned for Prague
      {"111", "America/Los_Angeles"},  // online; planned for San Francisco
      {"112", "Europe/Madrid"},    // online; planned for Madrid
      {"113", "Europe/Vienna"},
      {"115", "Europe/London"},
  }};
  for (const auto& [n, zone] : kZones) {
    if (n == number) return zone;
  }
  return std::nullopt;
}

Result<DatatrackerAgenda> read_datatracker_agenda(std::string_view json_text,
                                                  std::string_view time_zone) {
  if (!is_time_zone(time_zone)) return bad("unknown time zone \"" + std::string(time_zone) + "\"");
  const json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded()) return bad("the agenda is not valid JSON");
  auto meeting = meeting_of(doc);
  if (!meeting) return meeting.error();
  auto items = read_items(*meeting->second);
  if (!items) return items.error();
  return build(meeting->first, std::string(time_zone), std::move(*items));
}

}  // namespace convene::schedule
