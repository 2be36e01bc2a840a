#include <nlohmann/json.hpp>

#include "convene/telechat/series.h"

namespace convene::telechat {
namespace {

using nlohmann::json;

Error field_type(const std::string& field, const char* what) {
  return invalid("field_type", field + ": must be " + what);
}

Result<std::int64_t> date_of(const json& v, const std::string& field) {
  if (!v.is_string()) return field_type(field, "a date string YYYY-MM-DD");
  return parse_date(v.get<std::string>(), field);
}

Result<int> start_minute(const json& v) {
  int h = 0, m = 0;
  char extra = 0;
  if (!v.is_string() || std::sscanf(v.get<std::string>().c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 ||
      h > 23 || m < 0 || m > 59)
    return invalid("bad_time", "start_time: must be a local time HH:MM, got " + v.dump());
  return h * 60 + m;
}

Status read_optional(const json& body, SeriesSettings& s) {
  if (body.contains("interval_days")) {
    if (!body["interval_days"].is_number_integer()) return field_type("interval_days", "an integer");
    s.interval_days = body["interval_days"].get<int>();
  }
  if (body.contains("duration_minutes")) {
    if (!body["duration_minutes"].is_number_integer()) return field_type("duration_minutes", "an integer");
    s.duration_minutes = body["duration_minutes"].get<int>();
  }
  if (body.contains("start_time")) {
    auto m = start_minute(body["start_time"]);
    if (!m) return m.error();
    s.start_minute = *m;
  }
  if (body.contains("time_zone")) {
    if (!body["time_zone"].is_string()) return field_type("time_zone", "an IANA time zone name");
    s.time_zone = body["time_zone"].get<std::string>();
  }
  return ok_status();
}

Status read_exceptions(const json& body, SeriesSettings& s) {
  if (body.contains("moved")) {
    if (!body["moved"].is_object()) return field_type("moved", "an object from scheduled date to actual date");
    for (auto it = body["moved"].begin(); it != body["moved"].end(); ++it) {
      auto from = parse_date(it.key(), "moved");
      if (!from) return from.error();
      auto to = date_of(it.value(), "moved[" + it.key() + "]");
      if (!to) return to.error();
      s.moved[*from] = *to;
    }
  }
  if (body.contains("cancelled")) {
    if (!body["cancelled"].is_array()) return field_type("cancelled", "a list of dates");
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
  if (!body.is_object()) return invalid("body_not_object", "body: must be a JSON object");
  if (!body.contains("first_date")) return invalid("field_required", "first_date: required");
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
  char start[8];
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
