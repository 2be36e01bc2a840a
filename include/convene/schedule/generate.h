// Synthetic scheduling problems of any size, for demos, tests and
// benchmarks, in the shape of an IETF meeting: days of parallel tracks,
// groups in areas, some with two sessions, dense conflicts between groups,
// key people, timeranges, time relations and adjacency wishes. Every
// problem comes with a planted schedule that costs 0, so the optimum is
// known to be 0 at any scale.
#pragma once

#include <cstdint>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::schedule {

struct GenerateOptions {
  int sessions = 60;          // exactly this many sessions
  int rooms = 6;              // parallel tracks
  int days = 0;               // each with 4 slots: 09:00 120', 13:00 90', 15:00 90', 17:00 60'.
                              // 0: enough days for about 10% free slots
  int conflicts_per_group = 10;
  // Exclusive sessions, each alone in its planted period (nothing allowed
  // against it); every second one is joint with a group of its own.
  int exclusive = 0;
  std::uint64_t seed = 1;     // same options: same problem, on every platform
};

struct Planted {
  Problem problem;
  Schedule schedule;  // every session placed, cost 0
};

// Errors ("schedule_generate_invalid"): a count below 1 or above 10000
// (days, conflicts, exclusive: 0..9999), more exclusive sessions than
// sessions or than periods, or fewer slots than sessions (an exclusive
// session takes its whole period).
Result<Planted> generate_planted(const GenerateOptions& options);
// The problem of generate_planted().
Result<Problem> generate(const GenerateOptions& options);

}  // namespace convene::schedule
