#include "convene/meeting/meeting.h"

#include <nlohmann/json.hpp>

#include "convene/meeting/json_fields.h"

namespace convene {
namespace {

using nlohmann::json;
namespace jf = json_fields;

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool plenary_number(const std::string& s) {
  if (s.empty() || s.size() > 4 || s[0] == '0') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Lower-case letters, digits and '-', starting with a letter or digit.
bool slug(const std::string& s, std::size_t max) {
  if (s.empty() || s.size() > max || !is_lower_alnum(s[0])) return false;
  for (char c : s)
    if (!is_lower_alnum(c) && c != '-') return false;
  return true;
}

// Reads an optional enum field through `from`, naming the allowed values.
template <class E, class From>
Result<std::optional<E>> enum_field(const json& body, std::string_view field, From from,
                                    std::string_view allowed) {
  auto s = jf::optional_text(body, field, {.max_chars = 40});
  if (!s) return s.error();
  if (!*s) return std::optional<E>{};
  auto v = from(**s);
  if (!v) return jf::bad_value(field, "'" + **s + "' is not one of " + std::string(allowed));
  return std::optional<E>(*v);
}

Result<std::int64_t> date_field(const json& body, std::string_view field) {
  auto s = jf::text(body, field, {.max_chars = 40});
  if (!s) return s.error();
  auto d = parse_date(*s, field);
  if (!d) return jf::bad_value(field, "'" + *s + "' is not a date in the form YYYY-MM-DD");
  return *d;
}

Result<UnixSeconds> time_field(const json& body, std::string_view field) {
  auto s = jf::text(body, field, {.max_chars = 60});
  if (!s) return s.error();
  auto t = parse_rfc3339(*s, field);
  if (!t) return jf::bad_value(field, "'" + *s +
                                          "' is not an RFC 3339 time with an offset, "
                                          "e.g. 2024-10-21T23:59:00Z");
  return *t;
}

// The first instant after end_date in the meeting's zone.
UnixSeconds end_instant(const Meeting& m) {
  UnixSeconds midnight_utc = (m.end_date + 1) * 86400;
  return midnight_utc - to_local(midnight_utc, m.time_zone).utc_offset_min * 60;
}

Status read_identity(const json& body, Meeting& m) {
  auto type = enum_field<MeetingType>(body, "type", meeting_type_from, "plenary, interim");
  if (!type) return type.error();
  m.type = type->value_or(MeetingType::plenary);
  bool plenary = m.type == MeetingType::plenary;

  auto number = jf::text(body, "number", {.max_chars = 64});
  if (!number) return number.error();
  m.number = *number;
  if (plenary && !plenary_number(m.number))
    return jf::bad_value("number", "'" + m.number +
                                       "' is not a plenary meeting number (digits, e.g. \"121\")");
  if (!plenary && !slug(m.number, 64))
    return jf::bad_value("number", "'" + m.number +
                                       "' must be lower-case letters, digits and '-', e.g. "
                                       "\"interim-2025-quic-01\"");

  auto group = jf::optional_text(body, "group", {.max_chars = 40});
  if (!group) return group.error();
  if (plenary && *group) return jf::bad_value("group", "only an interim meeting belongs to a group");
  if (!plenary && !*group) return jf::missing("group");
  if (*group && !slug(**group, 40))
    return jf::bad_value("group", "'" + **group + "' is not a group acronym (e.g. \"quic\")");
  m.group = group->value_or("");

  auto city = jf::optional_text(body, "city", {.max_chars = 100});
  if (!city) return city.error();
  if (plenary && !*city) return jf::missing("city");
  m.city = city->value_or("");
  return ok_status();
}

Status read_dates(const json& body, Meeting& m) {
  auto start = date_field(body, "start_date");
  if (!start) return start.error();
  auto end = date_field(body, "end_date");
  if (!end) return end.error();
  if (*end < *start)
    return jf::bad_value("end_date", format_date(*end) + " is before start_date " +
                                         format_date(*start));
  m.start_date = *start;
  m.end_date = *end;

  auto zone = jf::text(body, "time_zone", {.max_chars = 64});
  if (!zone) return zone.error();
  if (!is_time_zone(*zone))
    return jf::bad_value("time_zone", "'" + *zone +
                                          "' is not an IANA time zone name (e.g. \"Europe/Dublin\")");
  m.time_zone = *zone;
  return ok_status();
}

Status read_cutoff(const json& body, Meeting& m) {
  bool plenary = m.type == MeetingType::plenary;
  auto it = body.find("id_cutoff");
  bool absent = it == body.end() || it->is_null();
  if (absent) {
    if (plenary) return jf::missing("id_cutoff");
    m.id_cutoff = 0;
    return ok_status();
  }
  auto cutoff = time_field(body, "id_cutoff");
  if (!cutoff) return cutoff.error();
  if (*cutoff >= end_instant(m))
    return jf::bad_value("id_cutoff", format_utc(*cutoff) + " is after the meeting ends (" +
                                          format_date(m.end_date) + " in " + m.time_zone + ")");
  m.id_cutoff = *cutoff;
  return ok_status();
}

Status read_modes(const json& body, Meeting& m) {
  bool plenary = m.type == MeetingType::plenary;
  auto mode = enum_field<MeetingMode>(body, "mode", meeting_mode_from, "in-person, hybrid, virtual");
  if (!mode) return mode.error();
  m.mode = mode->value_or(plenary ? MeetingMode::in_person : MeetingMode::virtual_only);

  auto dm = enum_field<DispatchMode>(body, "dispatch_mode", dispatch_mode_from,
                                     "per-area, consolidated");
  if (!dm) return dm.error();
  m.dispatch_mode = dm->value_or(DispatchMode::per_area);
  if (!plenary && m.dispatch_mode == DispatchMode::consolidated)
    return jf::bad_value("dispatch_mode", "only a plenary meeting can hold a consolidated dispatch");
  return ok_status();
}

}  // namespace

std::string_view to_string(MeetingType v) {
  return v == MeetingType::plenary ? "plenary" : "interim";
}

std::string_view to_string(MeetingMode v) {
  switch (v) {
    case MeetingMode::in_person: return "in-person";
    case MeetingMode::hybrid: return "hybrid";
    case MeetingMode::virtual_only: return "virtual";
  }
  return "in-person";
}

std::string_view to_string(DispatchMode v) {
  return v == DispatchMode::per_area ? "per-area" : "consolidated";
}

std::optional<MeetingType> meeting_type_from(std::string_view s) {
  if (s == "plenary") return MeetingType::plenary;
  if (s == "interim") return MeetingType::interim;
  return std::nullopt;
}

std::optional<MeetingMode> meeting_mode_from(std::string_view s) {
  if (s == "in-person") return MeetingMode::in_person;
  if (s == "hybrid") return MeetingMode::hybrid;
  if (s == "virtual") return MeetingMode::virtual_only;
  return std::nullopt;
}

std::optional<DispatchMode> dispatch_mode_from(std::string_view s) {
  if (s == "per-area") return DispatchMode::per_area;
  if (s == "consolidated") return DispatchMode::consolidated;
  return std::nullopt;
}

MeetingPhase meeting_phase(const Meeting& m, UnixSeconds now) {
  std::int64_t today = to_local(now, m.time_zone).days;
  if (today < m.start_date) return MeetingPhase::upcoming;
  return today <= m.end_date ? MeetingPhase::running : MeetingPhase::past;
}

std::string meeting_title(const Meeting& m) {
  if (m.type == MeetingType::plenary) return "IETF " + m.number;
  return "interim meeting " + m.number;
}

Result<Meeting> meeting_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  Meeting m;
  for (auto step : {read_identity, read_dates, read_cutoff, read_modes})
    if (auto st = step(body, m); !st) return st.error();
  return m;
}

json to_json(const Meeting& m) {
  json j = {{"number", m.number},
            {"type", to_string(m.type)},
            {"city", m.city},
            {"start_date", format_date(m.start_date)},
            {"end_date", format_date(m.end_date)},
            {"time_zone", m.time_zone},
            {"mode", to_string(m.mode)},
            {"id_cutoff", m.id_cutoff ? json(format_utc(m.id_cutoff)) : json(nullptr)},
            {"dispatch_mode", to_string(m.dispatch_mode)}};
  if (m.type == MeetingType::interim) j["group"] = m.group;
  return j;
}

}  // namespace convene
