// A schedule (format "convene-schedule/1"): which session goes into which
// timeslot. Sessions not listed are unscheduled.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

inline constexpr std::string_view kScheduleFormat = "convene-schedule/1";

struct Schedule {
  std::vector<Assignment> assignments;
};

// Reads the assignments; "cost" and "violations" a producer added are
// ignored (a reader recomputes them). Errors ("schedule_invalid") say which
// entry is malformed. Whether the names exist is checked by check_schedule().
Result<Schedule> schedule_from_json(const nlohmann::json& doc);
Result<Schedule> parse_schedule(std::string_view text);
// {"format": "convene-schedule/1", "assignments": [...]}.
nlohmann::json to_json(const Schedule& schedule);

}  // namespace convene::schedule
