#include "convene/jobs/job.h"

#include <array>
#include <utility>

namespace convene {
namespace {

constexpr std::array<std::pair<JobState, std::string_view>, 5> kStates = {{
    {JobState::queued, "queued"},
    {JobState::running, "running"},
    {JobState::done, "done"},
    {JobState::failed, "failed"},
    {JobState::cancelled, "cancelled"},
}};

}  // namespace

std::string_view to_string(JobState s) {
  for (const auto& [state, name] : kStates)
    if (state == s) return name;
  return "queued";
}

std::optional<JobState> job_state_from(std::string_view s) {
  for (const auto& [state, name] : kStates)
    if (name == s) return state;
  return std::nullopt;
}

}  // namespace convene
