// The plan pages' words and forms: each form becomes the API's JSON body,
// read by the same domain reader; each view is plain values for a template.
#include "plan_views.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "convene/core/time.h"
#include "convene/dispatch/labels.h"

namespace convene::web {

using nlohmann::json;
using schedule::ConstraintType;

namespace {

constexpr int kFormSessions = 3;
constexpr int kLengths[] = {60, 90, 120, 150, 180, 240};
constexpr const char* kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday"};
constexpr const char* kParts[][2] = {{"morning", "morning"},
                                     {"afternoon-early", "early afternoon"},
                                     {"afternoon-late", "late afternoon"}};
// The form's three conflict fields and the words for every group conflict type.
constexpr std::pair<ConstraintType, const char*> kConflictFields[] = {
    {ConstraintType::chair_conflict, "chair_conflict"},
    {ConstraintType::tech_overlap, "tech_overlap"},
    {ConstraintType::key_participant, "key_participant"}};

std::string conflict_words(ConstraintType t) {
  switch (t) {
    case ConstraintType::chair_conflict: return "Chair conflict";
    case ConstraintType::tech_overlap: return "Technology overlap";
    case ConstraintType::key_participant: return "Key participant conflict";
    case ConstraintType::conflict: return "Conflict";
    case ConstraintType::conflic2: return "Second-priority conflict";
    default: return "Third-priority conflict";
  }
}

// The form field a stored conflict type goes to (the older three types to
// the nearest of the form's).
const char* conflict_field(ConstraintType t) {
  if (t == ConstraintType::tech_overlap || t == ConstraintType::conflic2) return "tech_overlap";
  if (t == ConstraintType::key_participant || t == ConstraintType::conflic3) return "key_participant";
  return "chair_conflict";
}

// Words separated by spaces, commas or line breaks.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

// Items separated by commas, trimmed.
std::vector<std::string> split_commas(const std::string& text) {
  std::string lines = text;
  std::ranges::replace(lines, ',', '\n');
  return split_lines(lines);
}

// "1 hour 30 minutes"
std::string length_words(int minutes) {
  const int h = minutes / 60, m = minutes % 60;
  std::string out = std::to_string(h) + (h == 1 ? " hour" : " hours");
  return m ? out + " " + std::to_string(m) + " minutes" : out;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// "10:00 120 Morning Session I" as a period of grid_from_json's body.
json period_of(const std::string& line) {
  std::vector<std::string> words = split_words(line);
  json p = {{"start", words.empty() ? "" : words[0]}};
  if (words.size() > 1) p["duration_min"] = form_number(words[1]);
  std::size_t name_at = line.find(words.size() > 1 ? words[1] : std::string(" "));
  if (words.size() > 2 && name_at != std::string::npos) {
    std::string name = line.substr(name_at + words[1].size());
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    p["name"] = name;
  }
  return p;
}

std::string clock(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return buf;
}

std::string range_words(const schedule::TimeRange& r) {
  static const char* days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  const char* part = r.part == schedule::DayPart::morning           ? "morning"
                     : r.part == schedule::DayPart::afternoon_early ? "early afternoon"
                                                                     : "late afternoon";
  return std::string(days[r.weekday % 7]) + " " + part;
}

}  // namespace

json room_body(const Form& f) {
  json body = {{"name", form_field(f, "room_name")}, {"resources", json::array()}};
  if (!form_field(f, "room_capacity").empty()) body["capacity"] = form_number(form_field(f, "room_capacity"));
  body["resources"] = split_commas(form_field(f, "room_resources"));
  return body;
}

json grid_body(const Form& f) {
  json body = {{"days", split_words(form_field(f, "days"))}, {"periods", json::array()}, {"rooms", json::array()}};
  for (const auto& line : split_lines(form_field(f, "periods"))) body["periods"].push_back(period_of(line));
  for (const auto& [name, value] : f)
    if (name.starts_with("in_")) body["rooms"].push_back(name.substr(3));
  return body;
}

json request_body(const Form& f) {
  json body = {{"group", form_field(f, "group")}, {"sessions", json::array()}, {"conflicts", json::array()}};
  for (int i = 1; i <= kFormSessions; ++i) {
    const std::string n = std::to_string(i);
    if (form_field(f, "length_" + n).empty()) continue;
    json s = {{"duration_min", form_number(form_field(f, "length_" + n))}};
    if (!form_field(f, "attendees_" + n).empty()) s["attendees"] = form_number(form_field(f, "attendees_" + n));
    body["sessions"].push_back(s);
  }
  for (const auto& [type, name] : kConflictFields)
    if (auto targets = split_words(form_field(f, name)); !targets.empty())
      body["conflicts"].push_back({{"type", schedule::to_string(type)}, {"targets", targets}});
  body["joint_with"] = split_words(form_field(f, "joint_with"));
  body["bethere"] = split_words(form_field(f, "bethere"));
  body["timeranges"] = json::array();
  for (const auto& [name, value] : f)
    if (name.starts_with("range_")) body["timeranges"].push_back(name.substr(6));
  if (!form_field(f, "time_relation").empty()) body["time_relation"] = form_field(f, "time_relation");
  body["adjacent_with"] = form_field(f, "adjacent_with");
  body["resources"] = split_commas(form_field(f, "resources"));
  body["comments"] = form_field(f, "comments");
  return body;
}

Form request_form_fields(const SessionRequest& r) {
  Form f = {{"group", r.group}};
  for (std::size_t i = 0; i < r.sessions.size() && i < kFormSessions; ++i) {
    f["length_" + std::to_string(i + 1)] = std::to_string(r.sessions[i].duration_min);
    f["attendees_" + std::to_string(i + 1)] = std::to_string(r.sessions[i].attendees);
  }
  if (!r.sessions.empty()) f["joint_with"] = joined(r.sessions[0].joint_with, " ");
  std::vector<std::string> bethere;
  for (const auto& c : r.constraints) {
    if (schedule::is_group_conflict(c.type)) {
      std::string& targets = f[conflict_field(c.type)];
      targets += (targets.empty() ? "" : " ") + c.target;
    } else if (c.type == ConstraintType::bethere) {
      bethere.push_back(c.person);
    } else if (c.type == ConstraintType::timerange) {
      for (const auto& range : c.ranges) f["range_" + schedule::to_string(range)] = "on";
    } else if (c.type == ConstraintType::time_relation) {
      f["time_relation"] = c.relation == schedule::TimeRelation::subsequent_days ? "subsequent-days" : "one-day-separation";
    } else if (c.type == ConstraintType::wg_adjacent) {
      f["adjacent_with"] = c.target;
    }
  }
  f["bethere"] = joined(bethere, "\n");
  f["resources"] = joined(r.resources, ", ");
  return f;
}

json timeslot_days(const std::vector<MeetingRoom>& rooms, const std::vector<schedule::Timeslot>& slots,
                   const std::map<std::string, std::string>& placed, const std::string& time_zone) {
  // day -> (start minute, length, name) -> room id -> slot
  using Period = std::tuple<int, int, std::string>;
  std::map<std::int64_t, std::map<Period, std::map<std::string, const schedule::Timeslot*>>> grid;
  for (const auto& s : slots) {
    LocalTime lt = to_local(s.start, time_zone);
    grid[lt.days][{lt.minute_of_day, s.duration_min, s.name}][s.room] = &s;
  }
  json columns = json::array();
  for (const auto& r : rooms)
    columns.push_back({{"name", r.room.name}, {"capacity", r.room.capacity ? std::to_string(*r.room.capacity) : ""}});
  json days = json::array();
  for (const auto& [day, periods] : grid) {
    json rows = json::array();
    UnixSeconds first = 0;
    for (const auto& [period, by_room] : periods) {
      const auto& [start, length, name] = period;
      json cells = json::array();
      for (const auto& r : rooms) {
        auto it = by_room.find(r.room.id);
        if (it == by_room.end()) {
          cells.push_back({{"slot", false}});
          continue;
        }
        if (!first) first = it->second->start;
        auto group = placed.find(it->second->id);
        cells.push_back({{"slot", true},
                         {"id", it->second->id},
                         {"room", r.room.name},
                         {"label", group == placed.end() ? "Open" : group->second}});
      }
      rows.push_back({{"period", clock(start) + "–" + clock(start + length) + " " + name}, {"cells", cells}});
    }
    std::string heading = first ? format_readable(first, time_zone) : format_date(day);
    days.push_back({{"heading", heading.substr(0, heading.find(','))}, {"rows", rows}});
  }
  return {{"rooms", columns}, {"days", days}};
}

std::string request_state_words(SessionRequestState s) {
  switch (s) {
    case SessionRequestState::needs_ad: return "Waiting for the area director";
    case SessionRequestState::pending: return "Waiting for the secretariat";
    default: return "Approved";
  }
}

std::vector<std::string> constraint_words(const SessionRequest& r) {
  std::vector<std::string> out;
  std::map<ConstraintType, std::vector<std::string>> conflicts;
  std::size_t people = 0;
  for (const auto& c : r.constraints)
    if (schedule::is_group_conflict(c.type)) conflicts[c.type].push_back(c.target);
  for (const auto& [type, targets] : conflicts) out.push_back(conflict_words(type) + " with " + joined(targets, ", "));
  if (!r.sessions.empty() && !r.sessions[0].joint_with.empty())
    out.push_back("Joint with " + joined(r.sessions[0].joint_with, ", "));
  for (const auto& c : r.constraints) {
    if (c.type == ConstraintType::bethere) ++people;
    if (c.type == ConstraintType::timerange) {
      std::vector<std::string> ranges;
      for (const auto& range : c.ranges) ranges.push_back(range_words(range));
      out.push_back("Cannot meet " + joined(ranges, ", "));
    }
    if (c.type == ConstraintType::time_relation)
      out.push_back(c.relation == schedule::TimeRelation::subsequent_days ? "Sessions on subsequent days"
                                                                          : "Sessions one day apart");
    if (c.type == ConstraintType::wg_adjacent) out.push_back("Right before or after " + c.target);
  }
  if (people) out.push_back(std::to_string(people) + (people == 1 ? " person who must" : " people who must") + " be there");
  if (!r.resources.empty()) out.push_back("Needs " + joined(r.resources, ", "));
  return out;
}

std::vector<std::string> session_words(const SessionRequest& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sessions)
    out.push_back(std::to_string(s.duration_min) + " minutes" +
                  (s.attendees ? " for " + std::to_string(s.attendees) + " people" : ""));
  return out;
}

json request_form_view(const Form& f, const std::vector<std::string>& groups) {
  json view = {{"groups", json::array()}, {"sessions", json::array()}, {"days", json::array()}};
  for (const auto& g : groups) view["groups"].push_back({{"acronym", g}, {"selected", g == form_field(f, "group")}});
  for (int i = 1; i <= kFormSessions; ++i) {
    const std::string n = std::to_string(i), length = form_field(f, "length_" + n);
    json lengths = json::array();
    for (int m : kLengths)
      lengths.push_back({{"minutes", m}, {"label", length_words(m)}, {"selected", length == std::to_string(m)}});
    view["sessions"].push_back({{"n", n}, {"optional", i > 1}, {"none", length.empty()}, {"lengths", lengths},
                                {"attendees", form_field(f, "attendees_" + n)}});
  }
  for (const char* day : kWeekdays) {
    json parts = json::array();
    for (const auto& [part, words] : kParts) {
      const std::string name = std::string("range_") + day + "-" + part;
      parts.push_back({{"name", name}, {"label", words}, {"checked", f.count(name) > 0}});
    }
    std::string title = day;
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    view["days"].push_back({{"day", title}, {"parts", parts}});
  }
  const std::string relation = form_field(f, "time_relation");
  view["relations"] = json::array();
  for (const auto& [value, label] : {std::pair{"", "None"}, {"subsequent-days", "On subsequent days"},
                                     {"one-day-separation", "One day apart"}})
    view["relations"].push_back({{"value", value}, {"label", label}, {"selected", relation == value}});
  for (const char* name : {"joint_with", "chair_conflict", "tech_overlap", "key_participant", "bethere", "adjacent_with",
                           "resources", "comments"})
    view[name] = form_field(f, name);
  return view;
}

json against_view(const std::vector<schedule::Constraint>& against) {
  json out = json::array();
  for (const auto& c : against) {
    std::string words = conflict_words(c.type);
    if (c.type == ConstraintType::wg_adjacent) words = "Wants to meet right before or after";
    words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
    out.push_back({{"group", c.group}, {"words", words}});
  }
  return out;
}

json carry_view(const CarryOver& c) {
  if (!c.previous) return nullptr;
  int people = 0;
  for (const auto& s : c.previous->sessions) people = std::max(people, s.attendees);
  const std::size_t n = c.previous->sessions.size();
  return {{"meeting", c.previous_meeting},
          {"summary", "Last time you asked for " + std::to_string(n) + (n == 1 ? " session" : " sessions") + " for " +
                          std::to_string(people) + " people."},
          {"concluded", c.concluded_targets},
          {"any_concluded", !c.concluded_targets.empty()},
          {"new_in_area", joined(c.new_in_area, ", ")},
          {"any_new", !c.new_in_area.empty()}};
}

json exclusive_view(const std::vector<SessionRequest>& requests, const std::vector<ExclusiveException>& granted,
                    const std::map<std::string, std::string>& names, const std::string& time_zone) {
  std::map<std::string, std::string> label_of;  // session id -> words
  json sessions = json::array();
  for (const auto& q : requests) {
    if (q.state != SessionRequestState::approved) continue;
    for (const auto& s : q.sessions) {
      if (!s.exclusive) continue;
      label_of[s.id] = q.group + " (" + length_words(s.duration_min) + ")";
      sessions.push_back({{"id", s.id}, {"label", label_of[s.id]}});
    }
  }
  json rows = json::array();
  for (const auto& e : granted) {
    auto label = label_of.find(e.session);
    auto name = names.find(e.approved_by);
    rows.push_back({{"group", e.group},
                    {"session", label == label_of.end() ? e.session : label->second},
                    {"approved_by", name == names.end() ? "the IESG" : name->second},
                    {"approved_at", format_local(e.approved_at, time_zone)}});
  }
  return {{"sessions", sessions}, {"any_session", !sessions.empty()}, {"granted", rows}, {"any_granted", !rows.empty()}};
}

}  // namespace convene::web
