#include "convene/directory/directory.h"

#include <algorithm>

namespace convene {
namespace {

bool one_of(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string listed(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& v : list) out += (out.empty() ? "" : ", ") + v;
  return out;
}

bool looks_like_email(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && at + 1 < s.size() && s.find('@', at + 1) == std::string::npos &&
         s.find_first_of(" \t\r\n<>\"") == std::string::npos && s.size() <= 254;
}

Error bad(const std::string& field, const std::string& message) {
  return invalid("bad_value", field + ": " + message);
}

Status check_acronym_and_name(const std::string& acronym, const std::string& name) {
  if (!is_group_acronym(acronym))
    return bad("acronym", "'" + acronym + "' must be 1 to 40 lower-case letters, digits and '-'");
  if (name.empty() || name.size() > 200) return bad("name", "must be 1 to 200 characters");
  return ok_status();
}

// wg, bof and dispatch groups belong to an area; others may name one.
Status check_group_area(const Group& g, const std::vector<Area>& areas) {
  bool needs = g.type == "wg" || g.type == "bof" || g.type == "dispatch";
  if (g.area.empty()) return needs ? bad("area", "a " + g.type + " belongs to an area") : ok_status();
  auto it = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.acronym == g.area; });
  if (it == areas.end()) return bad("area", "there is no area '" + g.area + "'");
  if (it->state == "concluded" && g.state != "concluded")
    return bad("area", "the " + it->acronym + " area has concluded; it takes no new groups");
  return ok_status();
}

}  // namespace

const std::vector<std::string>& area_acronyms() {
  static const std::vector<std::string> areas = {"art", "gen", "int", "ops", "rtg", "sec", "tsv", "wit", "irtf"};
  return areas;
}

const std::vector<Area>& standard_areas() {
  static const std::vector<Area> areas = {
      {"art", "Applications and Real-Time Area"}, {"gen", "General Area"},
      {"int", "Internet Area"},                   {"irtf", "Internet Research Task Force"},
      {"ops", "Operations and Management Area"},  {"rtg", "Routing Area"},
      {"sec", "Security Area"},                   {"tsv", "Transport Area"},
      {"wit", "Web and Internet Transport Area"},
  };
  return areas;
}

const std::vector<std::string>& group_types() {
  static const std::vector<std::string> types = {"wg", "rg", "bof", "dispatch", "area", "iesg", "program", "hotrfc"};
  return types;
}

const std::vector<std::string>& group_states() {
  static const std::vector<std::string> states = {"active", "bof", "proposed", "concluded"};
  return states;
}

std::string_view group_type_label(std::string_view type) {
  static const std::pair<std::string_view, std::string_view> labels[] = {
      {"wg", "Working group"}, {"rg", "Research group"}, {"bof", "BoF"},         {"dispatch", "Dispatch group"},
      {"area", "Area group"},  {"iesg", "IESG"},          {"program", "Program"}, {"hotrfc", "HotRFC"}};
  for (const auto& [value, label] : labels)
    if (value == type) return label;
  return type;
}

std::string_view group_state_label(std::string_view state) {
  static const std::pair<std::string_view, std::string_view> labels[] = {
      {"active", "Active"}, {"bof", "BoF"}, {"proposed", "Proposed"}, {"concluded", "Concluded"}};
  for (const auto& [value, label] : labels)
    if (value == state) return label;
  return state;
}

bool is_group_acronym(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Status check_area(const Area& a) {
  if (auto st = check_acronym_and_name(a.acronym, a.name); !st) return st;
  if (a.state != "active" && a.state != "concluded")
    return bad("state", "'" + a.state + "' is not one of active, concluded");
  return ok_status();
}

Status check_group(const Group& g, const std::vector<Area>& areas) {
  if (auto st = check_acronym_and_name(g.acronym, g.name); !st) return st;
  if (!one_of(group_types(), g.type)) return bad("type", "'" + g.type + "' is not one of " + listed(group_types()));
  if (!one_of(group_states(), g.state))
    return bad("state", "'" + g.state + "' is not one of " + listed(group_states()));
  if (auto st = check_group_area(g, areas); !st) return st;
  if (!g.ad.empty() && !looks_like_email(g.ad)) return bad("ad", "'" + g.ad + "' is not an e-mail address");
  if (!g.list_email.empty() && !looks_like_email(g.list_email))
    return bad("list_email", "'" + g.list_email + "' is not an e-mail address");
  return ok_status();
}

}  // namespace convene
