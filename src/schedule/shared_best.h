// Internal: the best schedule of a portfolio (solve with threads > 1 and a
// time limit), shared by its searches. Each search offers what it finds and,
// between steps (an annealing cycle, a SAT neighbourhood, a pass), takes the
// shared schedule when it is cheaper than its own. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <mutex>

#include "state.h"
#include "terms.h"

namespace convene::schedule {

class SharedBest {
 public:
  explicit SharedBest(const Model& m) : best_(m) {}

  // The cheapest cost offered so far (max: none).
  std::int64_t cost() const { return cost_.load(std::memory_order_relaxed); }
  // Keeps p if it is cheaper than every schedule offered before.
  void offer(const Placement& p, std::int64_t cost);
  // If the shared schedule costs less than `cost`, copies it into p and
  // returns its cost; otherwise leaves p alone and returns `cost`.
  std::int64_t take_if_cheaper(std::int64_t cost, Placement& p) const;
  // Set once a search proved its schedule optimal or reached the target:
  // the others stop at their next check.
  void finish() { finished_.store(true, std::memory_order_relaxed); }
  bool finished() const { return finished_.load(std::memory_order_relaxed); }
  const std::atomic<bool>* finished_flag() const { return &finished_; }

 private:
  mutable std::mutex mutex_;
  Placement best_;
  std::atomic<std::int64_t> cost_{std::numeric_limits<std::int64_t>::max()};
  std::atomic<bool> finished_{false};
};

// Replaces the state's placement by the shared one when that is cheaper
// (nothing when `shared` is null); true if it did.
bool adopt_shared(const SharedBest* shared, SearchState& state);
// Offers the state's placement (nothing when `shared` is null).
void offer_shared(SharedBest* shared, const SearchState& state);

}  // namespace convene::schedule
