#include <cmath>

#include "passes.h"

namespace convene::schedule {

namespace {

// Sessions the search may move: all but the fixed ones.
std::vector<int> movable(const Model& m) {
  std::vector<int> out;
  for (int s = 0; s < m.session_count(); ++s) {
    if (m.fixed_slot[s] < 0) out.push_back(s);
  }
  return out;
}

}  // namespace

std::int64_t anneal(SearchState& state, const AnnealOptions& options, Rng& rng) {
  const Model& m = state.model();
  const auto sessions = movable(m);
  if (sessions.empty() || m.slot_count() < 2 || options.iterations <= 0) return 0;
  // Hot enough to climb over two conflict-sized penalties, cool enough at
  // the end to refuse the smallest one (tuned on IETF 83 and 106).
  const double hot = options.start_temperature > 0 ? options.start_temperature
                                                   : 2.0 * static_cast<double>(m.penalty(Term::conflict));
  const double cold = options.end_temperature > 0 ? options.end_temperature
                                                  : 0.5 * static_cast<double>(m.penalty(Term::session_overlap_ad));
  const double cooling = std::log(cold / hot) / static_cast<double>(options.iterations);
  Placement best = state.placement();
  std::int64_t best_cost = state.cost();
  std::int64_t i = 0;
  for (; i < options.iterations; ++i) {
    if (options.deadline && (i & 4095) == 0 && std::chrono::steady_clock::now() > *options.deadline) break;
    const double temperature = hot * std::exp(cooling * static_cast<double>(i));
    Move move{sessions[rng.below(static_cast<int>(sessions.size()))], rng.below(m.slot_count())};
    const std::int64_t before = state.cost();
    if (!apply(state, move)) continue;
    const auto delta = static_cast<double>(state.cost() - before);
    if (delta > 0 && rng.unit() >= std::exp(-delta / temperature)) {
      revert(state, move);
    } else if (state.cost() < best_cost) {
      best_cost = state.cost();
      best = state.placement();
    }
  }
  state.reset(best);
  return i;
}

}  // namespace convene::schedule
