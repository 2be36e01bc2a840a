// Helpers shared by the plan's use cases. Internal to src/plan.
#pragma once

#include <optional>
#include <string>

#include "convene/meeting/repository.h"

namespace convene {

// The plenary meeting numbered `number`, or meeting_unknown (not found).
Result<Meeting> plan_meeting(MeetingRepository& meetings, const std::string& number);

// The error of the first of `results` that failed, if any.
template <class... R>
std::optional<Error> first_error(const R&... results) {
  std::optional<Error> e;
  ((e || results.ok() ? void() : void(e = results.error())), ...);
  return e;
}

}  // namespace convene
