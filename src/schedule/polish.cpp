#include "passes.h"

namespace convene::schedule {

std::int64_t polish(SearchState& state) {
  const Model& m = state.model();
  std::int64_t tried = 0;
  bool improved = true;
  while (improved) {
    improved = false;
    for (int s = 0; s < m.session_count(); ++s) {
      for (int t = 0; t < m.slot_count(); ++t) {
        Move move{s, t};
        const std::int64_t before = state.cost();
        if (!apply(state, move)) continue;
        ++tried;
        if (state.cost() < before) {
          improved = true;
        } else {
          revert(state, move);
        }
      }
    }
  }
  return tried;
}

}  // namespace convene::schedule
