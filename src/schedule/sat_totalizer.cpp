// The cost side of the CNF: a generalized totalizer over the cost literals
// limits their total to the budget.
#include <algorithm>

#include "sat_encoder.h"

namespace convene::schedule {

// Counts every cost literal (and, with a floor session, those outside the
// floor apart). Returns the "over budget" literal.
int SatEncoder::counter() {
  const std::int64_t cap = budget_ + 1;
  root_ = totalizer(costs_, cap);
  if (floor_of_ >= 0) rest_root_ = totalizer(rest_, cap);
  return !root_.empty() && root_.back().first == cap ? root_.back().second : 0;
}

// A node maps each sum it can reach (capped at `cap`) to a literal forced
// true when its inputs reach that sum. Literals of equal weight merge
// first, so the sums stay few. Returns the root (empty: no literal).
SatEncoder::Node SatEncoder::totalizer(std::vector<std::pair<int, std::int64_t>> costs, std::int64_t cap) {
  std::sort(costs.begin(), costs.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<Node> nodes;
  for (const auto& [lit, u] : costs) nodes.push_back(Node{{std::min(u, cap), lit}});
  if (nodes.empty()) return {};
  while (nodes.size() > 1) {
    std::vector<Node> next;
    for (std::size_t i = 0; i + 1 < nodes.size(); i += 2) next.push_back(merge(nodes[i], nodes[i + 1], cap));
    if (nodes.size() % 2 == 1) next.push_back(std::move(nodes.back()));
    nodes = std::move(next);
  }
  return std::move(nodes[0]);
}

SatEncoder::Node SatEncoder::merge(const Node& a, const Node& b, std::int64_t cap) {
  std::map<std::int64_t, int> out;
  auto output = [&](std::int64_t sum) {
    int& lit = out[std::min(sum, cap)];
    if (lit == 0) lit = fresh();
    return lit;
  };
  for (const auto& [va, la] : a) add({-la, output(va)});
  for (const auto& [vb, lb] : b) add({-lb, output(vb)});
  for (const auto& [va, la] : a) {
    for (const auto& [vb, lb] : b) add({-la, -lb, output(va + vb)});
  }
  return Node(out.begin(), out.end());
}

void SatEncoder::assume(const Node& root, std::int64_t units) {
  for (const auto& [sum, lit] : root) {
    if (sum >= units) sat_.assume(-lit);
  }
}

std::int64_t SatEncoder::units_of_model() {
  std::int64_t sum = 0;
  for (const auto& [lit, units] : costs_) sum += sat_.val(lit) > 0 ? units : 0;
  return sum;
}

}  // namespace convene::schedule
