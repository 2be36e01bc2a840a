#include <algorithm>
#include <numeric>

#include "passes.h"

namespace convene::schedule {
namespace {

// How much trouble s can cause: the sum of its pair costs, plus a large
// weight per group-sharing session (those can never run in parallel).
std::int64_t difficulty(const Model& m, int s) {
  std::int64_t d = 0;
  for (int o = 0; o < m.session_count(); ++o) {
    if (o != s) d += m.pair_cost(s, o) + (m.clash(s, o) ? m.penalty(Term::unscheduled) : 0);
  }
  return d;
}

// The slot where placing s adds least cost, or -1 if s fits nowhere.
int best_slot(SearchState& state, int s, std::int64_t& tried) {
  int best = -1;
  std::int64_t best_cost = 0;
  for (int t = 0; t < state.model().slot_count(); ++t) {
    if (!state.fits(s, t)) continue;
    ++tried;
    state.place(s, t);
    if (best < 0 || state.cost() < best_cost) {
      best = t;
      best_cost = state.cost();
    }
    state.remove(s);
  }
  return best;
}

}  // namespace

std::int64_t construct(SearchState& state, std::optional<std::chrono::steady_clock::time_point> deadline) {
  const Model& m = state.model();
  std::vector<int> order(m.session_count());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::int64_t> weight(order.size());
  for (int s : order) weight[s] = difficulty(m, s);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return weight[a] > weight[b]; });
  std::int64_t tried = 0;
  for (int s : order) {
    if (deadline && std::chrono::steady_clock::now() >= *deadline) break;
    if (state.slot_of(s) >= 0) continue;
    const int t = best_slot(state, s, tried);
    if (t >= 0) state.place(s, t);
  }
  return tried;
}

}  // namespace convene::schedule
