// Large-neighbourhood search over the period SAT model: most sessions stay
// where they are, the sessions of a few periods are placed again by SAT.
#include <algorithm>

#include "assignment_bound.h"
#include "passes.h"
#include "sat_bound.h"
#include "terms.h"

namespace convene::schedule {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMinFreePeriods = 3;
constexpr int kMaxFreePeriods = 6;
constexpr auto kCallLimit = std::chrono::seconds(2);

// The least per-slot cost of each session (what it pays wherever it goes).
std::vector<std::int64_t> least_unary(const Model& m) {
  std::vector<std::int64_t> out(m.session_count(), 0);
  for (int s = 0; s < m.session_count(); ++s) {
    std::int64_t least = m.unary_cost(s, 0);
    for (int t = 1; t < m.slot_count(); ++t) least = std::min(least, m.unary_cost(s, t));
    out[s] = least;
  }
  return out;
}

// True when s, in slot t, pays more than it must: a per-slot term above
// its least, an overlap that costs, or a group term of one of its groups.
bool pays(const SearchState& state, int s, int t, std::int64_t least) {
  const Model& m = state.model();
  if (m.unary_cost(s, t) > least) return true;
  for (int u : m.overlapping[t]) {
    const int o = state.session_in(u);
    if (o >= 0 && m.pair_cost(s, o) > 0) return true;
  }
  return pays_group_term(m, state.placement(), s);
}

// The movable placed sessions that pay more than they must.
std::vector<int> costly_sessions(const SearchState& state, const std::vector<std::int64_t>& least) {
  const Model& m = state.model();
  std::vector<int> out;
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = state.slot_of(s);
    if (t >= 0 && m.fixed_slot[s] < 0 && pays(state, s, t, least[s])) out.push_back(s);
  }
  return out;
}

// Per session: its slot if it stays, -1 if it is free (unplaced, or in one
// of `count` periods: every second time the first is the period of a
// random costly session, so the search goes where the cost is; the others
// are random).
std::vector<int> pin_outside(const SearchState& state, int count, Rng& rng, const std::vector<int>& costly) {
  const Model& m = state.model();
  const int periods = static_cast<int>(m.period_slots.size());
  std::vector<char> free(periods, 0);
  if (!costly.empty() && rng.below(2) == 0) {
    free[m.period_of[state.slot_of(costly[rng.below(static_cast<int>(costly.size()))])]] = 1;
    --count;
  }
  for (int i = 0; i < count; ++i) free[rng.below(periods)] = 1;
  std::vector<int> pinned(m.session_count(), -1);
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = state.slot_of(s);
    if (t >= 0 && !free[m.period_of[t]]) pinned[s] = t;
  }
  return pinned;
}

// Rounding to 100-999 units: fine enough for the small terms to count.
std::int64_t unit_for(std::int64_t cost) {
  std::int64_t unit = 1;
  while (unit * 1000 <= cost) unit *= 10;
  return unit;
}

}  // namespace

std::int64_t sat_neighbourhoods(SearchState& state, Clock::time_point deadline, Rng& rng, std::int64_t stop_at,
                                const std::function<void()>& report, SharedBest* shared) {
  const Model& m = state.model();
  if (!sat_neighbourhoods_apply(m) || m.period_slots.empty()) return 0;
  const auto least = least_unary(m);
  FloorCache floors(m);
  std::int64_t calls = 0;
  const std::atomic<bool>* cancel = shared ? shared->finished_flag() : nullptr;
  while (Clock::now() < deadline && state.cost() > std::max<std::int64_t>(0, stop_at)) {
    if (shared && shared->finished()) break;
    adopt_shared(shared, state);
    const int count = kMinFreePeriods + rng.below(kMaxFreePeriods - kMinFreePeriods + 1);
    const auto pinned = pin_outside(state, count, rng, costly_sessions(state, least));
    const std::int64_t unit = unit_for(state.cost());
    const std::int64_t start = state.cost() / unit - 1;
    if (start < 0) break;
    const Placement now = state.placement();
    const auto until = std::min<Clock::time_point>(deadline, Clock::now() + kCallLimit);
    const SatGuide guide{&now, Clock::duration::zero(), &pinned, cancel, floors.at(unit)};
    auto got = sat_minimum(m, unit, start, until, SatModel::periods, guide);
    ++calls;
    if (got.best_model && *got.best_model_cost < state.cost()) {
      state.reset(*got.best_model);
      offer_shared(shared, state);
    }
    if (report) report();
  }
  return calls;
}

}  // namespace convene::schedule
