// Reading and writing "convene-schedule/1".
#include <nlohmann/json.hpp>

#include "convene/schedule/schedule.h"
#include "json_fields.h"

namespace convene::schedule {

using nlohmann::json;

Result<Schedule> schedule_from_json(const json& doc) {
  constexpr const char* kCode = "schedule_invalid";
  if (!doc.is_object()) return invalid(kCode, "the schedule must be a JSON object");
  if (doc.contains("format") && doc["format"] != kScheduleFormat) {
    return invalid(kCode, "format must be \"" + std::string(kScheduleFormat) + "\"");
  }
  auto it = doc.find("assignments");
  if (it == doc.end() || !it->is_array()) {
    return invalid(kCode, "the schedule needs an \"assignments\" array");
  }
  Schedule out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    Fields f((*it)[i], "assignments[" + std::to_string(i) + "]", kCode);
    Assignment a{f.text("session", true), f.text("timeslot", true)};
    if (f.error()) return *f.error();
    out.assignments.push_back(std::move(a));
  }
  return out;
}

Result<Schedule> parse_schedule(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return invalid("schedule_invalid", "the schedule is not valid JSON");
  return schedule_from_json(doc);
}

json to_json(const Schedule& schedule) {
  json list = json::array();
  for (const auto& a : schedule.assignments) {
    list.push_back({{"session", a.session}, {"timeslot", a.timeslot}});
  }
  return {{"format", kScheduleFormat}, {"assignments", std::move(list)}};
}

}  // namespace convene::schedule
