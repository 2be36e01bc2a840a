// The partition search (passes.h): the period SAT model over the
// placements that reduced-cost fixing on the partition bound's LP leaves to
// a schedule within a little of that bound (docs/schedule-solver.md, issue
// 9's nineteenth round).
#include <algorithm>

#include "assignment_bound.h"
#include "partition_bound.h"
#include "passes.h"
#include "sat_bound.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;
// The first aim: the bound and this share more. Set-partitioning LPs are
// tight, so a schedule is often there, and aiming low rules out the most
// placements; 0.5 % found IETF 106 with dispatch-1 exclusive later, and
// with saag-1 exclusive not at all (its best known is 0.56 % above the
// bound); 1.5 % and 2 % found dearer schedules, later.
constexpr double kFirstAim = 0.01;
// Once a schedule was found, a search stops this long after its last model
// (or after it began, if it found none); before that, only the deadline
// stops it.
constexpr auto kPatience = std::chrono::seconds(4);

}  // namespace

PartitionSearch partition_search(SearchState& state, Clock::time_point deadline, SharedBest* shared,
                                 const std::function<void()>& report) {
  const Model& m = state.model();
  PartitionSearch r;
  if (!sat_applies(m) || !partition_applies(m)) return r;
  const auto lp = partition_bound(m, deadline);
  if (!lp.converged) return r;
  const std::int64_t unit = std::max<std::int64_t>(1, m.penalty_gcd());
  std::int64_t step = std::max(unit, static_cast<std::int64_t>(static_cast<double>(lp.bound) * kFirstAim));
  std::int64_t aim = lp.bound + step;
  const SatFloor floor = exclusive_part(m, unit);
  bool found = false;
  while (Clock::now() < deadline && state.cost() - unit >= lp.bound) {
    const std::int64_t target = std::min(state.cost() - unit, aim);
    const auto allowed = partition_allowed(m, lp, target, deadline);
    SatGuide guide;
    guide.stall = found ? kPatience : Clock::duration::zero();
    guide.cancel = shared ? shared->finished_flag() : nullptr;
    guide.floor = &floor;
    guide.patience = kPatience;
    guide.allowed = &allowed;
    const auto got = sat_minimum(m, unit, target / unit, deadline, SatModel::periods, guide);
    ++r.searches;
    if (got.best_model && *got.best_model_cost < state.cost()) {
      found = true;
      r.best_at = got.best_at;
      state.reset(*got.best_model);
      polish(state, deadline);
      offer_shared(shared, state);
      if (report) report();
      continue;  // fixed again below the new cost
    }
    if (got.found || got.stopped || target >= state.cost() - unit) break;
    aim += step;  // none that cheap (UNSAT): aim a little higher
    step *= 2;
  }
  return r;
}

}  // namespace convene::schedule
