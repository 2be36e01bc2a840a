#include <nlohmann/json.hpp>

#include "convene/telechat/series.h"

namespace convene::telechat {
namespace {

using nlohmann::json;

// The largest values the reader accepts: a year between telechats, a day-long call.
constexpr std::int64_t kMaxIntervalDays = 366;
constexpr std::int64_t kMaxDurationMinutes = 24 * 60;

Error bad_type(const std::string& field, const char* what) {
  return invalid("bad_type", field + ": must be " + what);
}

Result<std::int64_t> date_of(const json& v, const std::string& field) {
  if (!v.is_string()) return bad_type(field, "a date string YYYY-MM-DD");
  return parse_date(v.get<std::string>(), field);
}

// A short rendering of a value for a message: a string quoted and cut to
// 40 bytes, anything else by its JSON type ("array", "number").
std::string shown(const json& v) {
  if (!v.is_string()) return v.type_name();
  std::string s = v.get<std::string>();
  if (s.size() > 40) s = s.substr(0, 40) + "...";
  return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<int> start_minute(const json& v) {
  int h = 0, m = 0;
  char extra = 0;
  if (!v.is_string() || std::sscanf(v.get<std::string>().c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 ||
      h > 23 || m < 0 || m > 59)
    return invalid("bad_time", "start_time: must be a local time HH:MM, got " + shown(v));
  return h * 60 + m;
}

// An integer field that must fit in 1..max: a non-integer is "bad_type",
// an integer beyond max (or beyond int) is `code`. Below 1 is left to
// validate(), which names its own rule.
Result<int> bounded_int(const json& v, const std::string& field, std::int64_t max, const char* code) {
  std::string range = "an integer from 1 to " + std::to_string(max);
  if (!v.is_number_integer()) return bad_type(field, range.c_str());
  if (v.is_number_unsigned() ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                             : v.get<std::int64_t>() > max)
    return invalid(code, field + ": must be " + range + ", got " + v.dump());
  std::int64_t n = v.get<std::int64_t>();
  return n < 0 ? 0 : static_cast<int>(n);  // negatives: validate() says "at least 1"
}

Status read_optional(const json& body, SeriesSettings& s) {
  if (body.contains("interval_days")) {
    auto n = bounded_int(body["interval_days"], "interval_days", kMaxIntervalDays, "bad_interval");
    if (!n) return n.error();
    s.interval_days = *n;
  }
  if (body.contains("duration_minutes")) {
    auto n = bounded_int(body["duration_minutes"], "duration_minutes", kMaxDurationMinutes, "bad_duration");
    if (!n) return n.error();
    s.duration_minutes = *n;
  }
  if (body.contains("start_time")) {
    auto m = start_minute(body["start_time"]);
    if (!m) return m.error();
    s.start_minute = *m;
  }
  if (body.contains("time_zone")) {
    if (!body["time_zone"].is_string()) return bad_type("time_zone", "an IANA time zone name");
    s.time_zone = body["time_zone"].get<std::string>();
  }
  return ok_status();
}

Status read_exceptions(const json& body, SeriesSettings& s) {
  if (body.contains("moved")) {
    if (!body["moved"].is_object()) return bad_type("moved", "an object from scheduled date to actual date");
    for (auto it = body["moved"].begin(); it != body["moved"].end(); ++it) {
      auto from = parse_date(it.key(), "moved");
      if (!from) return from.error();
      auto to = date_of(it.value(), "moved[" + it.key() + "]");
      if (!to) return to.error();
      s.moved[*from] = *to;
    }
  }
  if (body.contains("cancelled")) {
    if (!body["cancelled"].is_array()) return bad_type("cancelled", "a list of dates");
    for (size_t i = 0; i < body["cancelled"].size(); ++i) {
      auto d = date_of(body["cancelled"][i], "cancelled[" + std::to_string(i) + "]");
      if (!d) return d.error();
      s.cancelled.insert(*d);
    }
  }
  return ok_status();
}

}  // namespace

Result<SeriesSettings> series_from_json(const json& body, Kind kind) {
  if (!body.is_object()) return invalid("bad_type", "body: must be a JSON object");
  if (!body.contains("first_date")) return invalid("missing_field", "first_date: required");
  SeriesSettings s;
  s.kind = kind;
  auto first = date_of(body["first_date"], "first_date");
  if (!first) return first.error();
  s.first_date = *first;
  if (auto st = read_optional(body, s); !st) return st.error();
  if (auto st = read_exceptions(body, s); !st) return st.error();
  if (auto st = validate(s); !st) return st.error();
  return s;
}

json series_to_json(const SeriesSettings& s) {
  char start[16];
  std::snprintf(start, sizeof start, "%02d:%02d", s.start_minute / 60, s.start_minute % 60);
  json moved = json::object();
  for (const auto& [from, to] : s.moved) moved[format_date(from)] = format_date(to);
  json cancelled = json::array();
  for (auto d : s.cancelled) cancelled.push_back(format_date(d));
  return {{"kind", std::string(to_string(s.kind))}, {"first_date", format_date(s.first_date)},
          {"interval_days", s.interval_days},        {"start_time", start},
          {"duration_minutes", s.duration_minutes},  {"time_zone", s.time_zone},
          {"moved", moved},                          {"cancelled", cancelled}};
}

}  // namespace convene::telechat
