// Internal: minimum-cost assignment (Hungarian method, O(rows^2 * cols)).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace convene::schedule {

inline constexpr std::int64_t kForbidden = std::numeric_limits<std::int64_t>::max() / 4;

// The least total cost of giving every row its own column. `cost` is
// rows x cols, row-major, with kForbidden for pairs that may not be chosen.
// REQUIRES: rows <= cols, and some assignment avoids kForbidden.
std::int64_t min_cost_assignment(const std::vector<std::int64_t>& cost, int rows, int cols);

}  // namespace convene::schedule
