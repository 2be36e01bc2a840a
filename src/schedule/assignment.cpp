// Shortest augmenting paths with potentials (the Hungarian method for
// rectangular matrices), rows added one at a time.
#include "assignment.h"

#include <algorithm>

namespace convene::schedule {

std::int64_t min_cost_assignment(const std::vector<std::int64_t>& cost, int rows, int cols) {
  const std::int64_t inf = std::numeric_limits<std::int64_t>::max() / 2;
  // 1-based: column 0 is the virtual start of each augmenting path.
  std::vector<std::int64_t> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<int> row_of(cols + 1, 0), way(cols + 1, 0);
  for (int r = 1; r <= rows; ++r) {
    row_of[0] = r;
    int col = 0;
    std::vector<std::int64_t> min_to(cols + 1, inf);
    std::vector<char> used(cols + 1, 0);
    do {
      used[col] = 1;
      const int row = row_of[col];
      std::int64_t delta = inf;
      int next = 0;
      for (int c = 1; c <= cols; ++c) {
        if (used[c]) continue;
        const std::int64_t reduced = cost[(row - 1) * cols + (c - 1)] - u[row] - v[c];
        if (reduced < min_to[c]) {
          min_to[c] = reduced;
          way[c] = col;
        }
        if (min_to[c] < delta) {
          delta = min_to[c];
          next = c;
        }
      }
      for (int c = 0; c <= cols; ++c) {
        if (used[c]) {
          u[row_of[c]] += delta;
          v[c] -= delta;
        } else {
          min_to[c] -= delta;
        }
      }
      col = next;
    } while (row_of[col] != 0);
    do {
      const int prev = way[col];
      row_of[col] = row_of[prev];
      col = prev;
    } while (col != 0);
  }
  std::int64_t total = 0;
  for (int c = 1; c <= cols; ++c) {
    if (row_of[c] != 0) total += cost[(row_of[c] - 1) * cols + (c - 1)];
  }
  return total;
}

}  // namespace convene::schedule
