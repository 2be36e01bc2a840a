#include "passes.h"

namespace convene::schedule {

std::int64_t polish(SearchState& state, std::optional<std::chrono::steady_clock::time_point> deadline) {
  const Model& m = state.model();
  std::int64_t tried = 0;
  bool improved = true;
  while (improved) {
    improved = false;
    for (int s = 0; s < m.session_count(); ++s) {
      if (deadline && std::chrono::steady_clock::now() >= *deadline) return tried;
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
  }
  return tried;
}

}  // namespace convene::schedule
