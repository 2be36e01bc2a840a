// Synthetic scheduling problems of any size, for demos, tests and
// benchmarks, in the shape of an IETF meeting: days of parallel tracks,
// groups in areas, some with two sessions, and conflicts between groups.
#pragma once

#include <cstdint>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"

namespace convene::schedule {

struct GenerateOptions {
  int sessions = 60;          // about this many sessions (groups with 2 sessions add one)
  int rooms = 6;              // parallel tracks
  int days = 3;               // each with 4 slots: 09:00 120', 13:00 90', 15:00 90', 17:00 60'
  int conflicts_per_group = 3;
  std::uint64_t seed = 1;     // same options: same problem, on every platform
};

// Errors ("schedule_generate_invalid"): a count below 1, or more than 10000.
Result<Problem> generate(const GenerateOptions& options);

}  // namespace convene::schedule
