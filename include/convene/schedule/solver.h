// Proposes a schedule that minimises cost model 1. Passes run in turn,
// each switchable, timed and checked: partition (with a time limit, where
// periods never overlap: SAT for a schedule near the set-partitioning
// bound, over the placements its LP's duals leave; up to 70% of the
// limit, the passes after it sharing the rest), construct (greedy, hardest sessions
// first), anneal (simulated annealing over moves and swaps in cooling
// cycles, each restarting reheated from the best found), exact (with a time
// limit: SAT searches for a cheaper schedule, which can also prove the
// current one optimal; then, unless proven, SAT over large neighbourhoods:
// a few periods placed again, the rest kept), reanneal (warm, from the exact pass's schedule), layers (whole layers of
// periods placed again by SAT, where slots of different lengths run at different times), focus (problems too large
// for the exact pass: SAT around one costly session at a time), polish (descent until no single move or
// swap helps). With threads > 1, that many searches run at once (seeds
// seed, seed+1, ...); with a time limit they form a portfolio sharing their
// best schedule (each annealing cycle, SAT neighbourhood and pass starts
// from it when it is cheaper; one search proving optimality stops all),
// without one they stay independent. The cheapest result wins (ties: the
// lowest seed). The result is feasible; sessions that fit nowhere are left
// unscheduled and reported.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "convene/core/result.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::schedule {

// What a running solve reports (to show progress).
struct SolveProgress {
  double elapsed_s = 0;
  std::int64_t moves = 0;      // moves scored so far by this search
  std::int64_t best_cost = 0;  // best cost this search has found
};

struct SolveOptions {
  std::uint64_t seed = 1;          // same seed, move budget and problem: same schedule
  // Annealing moves in all. Default (0): 200000 per session, or no budget
  // when time_limit_s is set.
  std::int64_t iterations = 0;
  // Stops annealing after this many seconds (the whole solve takes a little
  // longer). With a time limit the result depends on the machine's speed,
  // so it is not deterministic unless `iterations` runs out first.
  double time_limit_s = 0;
  // Annealing: moves per cooling cycle (each later cycle restarts from the
  // best schedule, reheated to `reheat` times the start temperature) and the
  // temperatures. 0: the tuned defaults (docs/schedule-solver.md).
  std::int64_t cycle_moves = 0;
  double start_temperature = 0;
  double end_temperature = 0;
  double reheat = 0;
  double period_moves = -1;        // share of period swaps (reseating both periods); < 0: default
  // > 0: late acceptance hill climbing (a move is taken if no worse than the
  // cost this many moves ago) instead of annealing's temperatures; measured
  // against annealing in docs/schedule-solver.md.
  std::int64_t late_acceptance = 0;
  int threads = 1;                 // searches with seeds seed, seed+1, ...; sharing their best with a time limit
  std::int64_t target_cost = -1;   // stop as soon as a schedule costs at most this (e.g. a proven bound)
  bool construct = true;           // off: start from `start` or from nothing placed
  bool anneal = true;
  // With a time limit: annealing gets the first 10% (3 s at most), the
  // exact pass up to 85% (SAT: a period model, rooms seated by attendees,
  // finds cheaper schedules fast; then the lower bound's exact slot model
  // improves or proves; SAT models that find nothing for 10% of the limit
  // stop early; unless proven, neighbourhoods of the period model until
  // 55%), a warm re-anneal and polish the rest. Without a time limit, or
  // on problems too large to encode, annealing gets it all, its cooling
  // cycles shortened to end by the deadline (docs/schedule-solver.md).
  bool exact = true;
  bool polish = true;
  // Search with exclusivity hard (a session never overlaps an exclusive one
  // that excludes it), then polish with it soft again, so a session that
  // fits nowhere else still runs against it. Only a cost of 0 is then
  // reported as proven optimal. No effect without exclusive sessions.
  bool close_exclusive = true;
  bool verify = true;              // after each pass, recompute the cost from scratch
  std::optional<Schedule> start;   // a feasible schedule to improve (e.g. a person's edit)
  // Called every `progress_every_s` seconds while annealing and after each SAT
  // search, from the first search (thread 0), if set.
  std::function<void(const SolveProgress&)> progress;
  double progress_every_s = 0.5;
};

struct PassReport {
  std::string name;        // "partition", "construct", "anneal", "exact", "reanneal", "layers", "focus", "polish"
  bool ran = false;
  double seconds = 0;
  std::int64_t cost = 0;   // cost after the pass
  std::int64_t moves = 0;  // moves tried
};

struct SolveResult {
  Schedule schedule;
  CostReport report;
  // Of the winning search, in the order above; with a time limit and
  // exclusivity closed, the construct and anneal rows are the first
  // annealing's, which runs alone before the search starts from its
  // schedule. partition's `moves` are its SAT searches.
  std::vector<PassReport> passes;
  std::uint64_t seed = 0;          // seed of the winning search
  double best_at_s = 0;            // seconds from the start of the solve to its best schedule
  std::int64_t moves = 0;          // annealing moves scored, all searches together
  double search_seconds = 0;       // time those moves took, all searches together
  bool proven_optimal = false;     // the exact pass proved no schedule is cheaper
  double seconds = 0;              // whole solve, wall clock
};

// Errors: a `start` schedule that check_schedule() refuses (its error);
// fixed assignments that break a feasibility rule together
// ("schedule_fixed_conflict", rejected); a pass that breaks its own cost
// bookkeeping ("schedule_solver_bug", internal; a bug, please report).
// REQUIRES: `problem` came from problem_from_json().
Result<SolveResult> solve(const Problem& problem, const SolveOptions& options = {});

}  // namespace convene::schedule
