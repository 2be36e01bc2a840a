// The solver: places fixed sessions (or a given start), then runs the
// passes through one wrapper that switches, times and verifies each.
#include "convene/schedule/solver.h"

#include <chrono>
#include <functional>

#include "evaluate.h"
#include "passes.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;

Status place_fixed(const Model& m, SearchState& state) {
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = m.fixed_slot[s];
    if (t < 0) continue;
    if (!state.fits(s, t)) {
      return rejected("schedule_fixed_conflict", "fixed session " + m.problem->sessions[s].id + " in " +
                                                     m.problem->timeslots[t].id +
                                                     " overlaps another fixed session of its group");
    }
    state.place(s, t);
  }
  return ok_status();
}

Status start_from(const Model& m, const SolveOptions& options, SearchState& state) {
  if (!options.start) return place_fixed(m, state);
  auto p = place(m, *options.start);
  if (!p) return p.error();
  state.reset(*p);
  return ok_status();
}

// The incremental cost must equal the cost recomputed from the tables.
Status verify(const Model& m, const SearchState& state, const std::string& pass) {
  const auto recomputed = tabled_cost(m, state.placement());
  if (recomputed == state.cost()) return ok_status();
  return Error{"schedule_solver_bug",
               "after " + pass + ": running cost " + std::to_string(state.cost()) + " but recomputed " +
                   std::to_string(recomputed),
               ErrorKind::internal};
}

struct Pass {
  const char* name;
  bool enabled;
  std::function<std::int64_t()> run;
};

AnnealOptions anneal_options(const Model& m, const SolveOptions& options, Clock::time_point begin) {
  AnnealOptions a;
  a.iterations = options.iterations > 0 ? options.iterations : std::int64_t{20000} * m.session_count();
  if (options.time_limit_s > 0) {
    a.deadline = begin + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(options.time_limit_s));
  }
  return a;
}

}  // namespace

Result<SolveResult> solve(const Problem& problem, const SolveOptions& options) {
  const auto begin = Clock::now();
  const Model m(problem);
  SearchState state(m);
  if (auto st = start_from(m, options, state); !st) return st.error();
  Rng rng(options.seed);
  const auto annealing = anneal_options(m, options, begin);
  const Pass passes[] = {
      {"construct", options.construct, [&] { return construct(state); }},
      {"anneal", options.anneal, [&] { return anneal(state, annealing, rng); }},
      {"polish", options.polish, [&] { return polish(state); }},
  };
  SolveResult result;
  for (const auto& pass : passes) {
    PassReport report{pass.name, pass.enabled, 0, state.cost(), 0};
    if (pass.enabled) {
      const auto start = Clock::now();
      report.moves = pass.run();
      report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      report.cost = state.cost();
      if (options.verify) {
        if (auto st = verify(m, state, pass.name); !st) return st.error();
      }
    }
    result.passes.push_back(report);
  }
  result.schedule = to_schedule(m, state.placement());
  result.report = explain(m, state.placement());
  if (result.report.total != state.cost()) {
    return Error{"schedule_solver_bug", "explained cost differs from the solver's", ErrorKind::internal};
  }
  return result;
}

}  // namespace convene::schedule
