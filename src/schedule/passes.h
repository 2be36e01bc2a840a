// Internal: the solver's passes over a SearchState. Each keeps the
// placement feasible and returns how many moves it tried.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "rng.h"
#include "state.h"

namespace convene::schedule {

// Places every unplaced session, hardest first (most weight of possible
// conflicts), each into the slot where it adds least cost. Sessions that fit
// nowhere stay unplaced.
std::int64_t construct(SearchState& state);

struct AnnealOptions {
  std::int64_t iterations = 0;
  double start_temperature = 0;  // 0: worked out from the problem's penalties
  double end_temperature = 0;
  std::optional<std::chrono::steady_clock::time_point> deadline;
};
// Simulated annealing over random moves and swaps with a geometric cooling
// schedule; leaves the state at the best placement seen.
std::int64_t anneal(SearchState& state, const AnnealOptions& options, Rng& rng);

// Tries every move and swap of every session, keeping each that lowers the
// cost, until a full round changes nothing.
std::int64_t polish(SearchState& state);

}  // namespace convene::schedule
