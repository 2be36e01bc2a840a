#include "passes.h"
#include "terms.h"

namespace convene::schedule {

namespace {

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;

bool past(const Deadline& deadline) { return deadline && Clock::now() >= *deadline; }

// Every move and swap of every session; true if one lowered the cost.
bool single_moves(SearchState& state, const Deadline& deadline, std::int64_t& tried) {
  const Model& m = state.model();
  bool improved = false;
  for (int s = 0; s < m.session_count(); ++s) {
    if (past(deadline)) return improved;
    for (int t = 0; t < m.slot_count(); ++t) {
      const std::int64_t d = state.delta(s, t);
      if (d == SearchState::kRefused) continue;
      ++tried;
      if (d < 0) {
        state.commit();
        improved = true;
      }
    }
  }
  return improved;
}

std::vector<int> empty_slots(const SearchState& state) {
  std::vector<int> out;
  for (int t = 0; t < state.model().slot_count(); ++t) {
    if (state.session_in(t) < 0) out.push_back(t);
  }
  return out;
}

// Ejection chains for the sessions a group term makes pay: s takes slot t
// and t's session moves on to an empty slot. A wish such as wg_adjacent
// often needs exactly the slot someone else holds, who fits nowhere
// cheaper by a plain swap. True if a chain lowered the cost.
bool chains(SearchState& state, const Deadline& deadline, std::int64_t& tried) {
  const Model& m = state.model();
  std::vector<std::pair<int, int>> moves(2);
  const auto empty = empty_slots(state);  // the state changes only when a chain is kept, which returns
  for (int s = 0; s < m.session_count(); ++s) {
    if (m.fixed_slot[s] >= 0 || state.slot_of(s) < 0 || !pays_group_term(m, state.placement(), s)) continue;
    for (int t = 0; t < m.slot_count(); ++t) {
      const int x = state.session_in(t);
      if (x < 0 || x == s || m.fixed_slot[x] >= 0) continue;
      if (past(deadline)) return false;
      for (int u : empty) {
        moves[0] = {s, t};
        moves[1] = {x, u};
        const std::int64_t d = state.delta(moves);
        if (d == SearchState::kRefused) continue;
        ++tried;
        if (d < 0) {
          state.commit();
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

std::int64_t polish(SearchState& state, Deadline deadline) {
  std::int64_t tried = 0;
  while (!past(deadline)) {
    if (single_moves(state, deadline, tried)) continue;
    if (!chains(state, deadline, tried)) break;
  }
  return tried;
}

}  // namespace convene::schedule
