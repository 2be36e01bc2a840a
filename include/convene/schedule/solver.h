// Proposes a schedule that minimises cost model 1. Three passes run in
// turn, each switchable, timed and checked: construct (greedy, hardest
// sessions first), anneal (simulated annealing over moves and swaps),
// polish (steepest descent until no single move or swap helps). The result
// is feasible; sessions that fit nowhere are left unscheduled and reported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convene/core/result.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::schedule {

struct SolveOptions {
  std::uint64_t seed = 1;          // same seed, options and problem: same schedule
  std::int64_t iterations = 0;     // annealing moves. Default (0): 20000 per session
  double time_limit_s = 0;         // stops annealing early if > 0. Default: no limit
  bool construct = true;           // off: start from `start` or from nothing placed
  bool anneal = true;
  bool polish = true;
  bool verify = true;              // after each pass, recompute the cost from scratch
  std::optional<Schedule> start;   // a feasible schedule to improve (e.g. a person's edit)
};

struct PassReport {
  std::string name;        // "construct", "anneal", "polish"
  bool ran = false;
  double seconds = 0;
  std::int64_t cost = 0;   // cost after the pass
  std::int64_t moves = 0;  // moves tried
};

struct SolveResult {
  Schedule schedule;
  CostReport report;
  std::vector<PassReport> passes;
};

// Errors: a `start` schedule that check_schedule() refuses (its error);
// fixed assignments that break a feasibility rule together
// ("schedule_fixed_conflict", rejected); a pass that breaks its own cost
// bookkeeping ("schedule_solver_bug", internal; a bug, please report).
// REQUIRES: `problem` came from problem_from_json().
Result<SolveResult> solve(const Problem& problem, const SolveOptions& options = {});

}  // namespace convene::schedule
