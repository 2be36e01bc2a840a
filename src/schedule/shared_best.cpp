#include "shared_best.h"

namespace convene::schedule {

void SharedBest::offer(const Placement& p, std::int64_t cost) {
  if (cost >= this->cost()) return;  // the common case: no lock
  std::lock_guard lock(mutex_);
  if (cost >= this->cost()) return;
  best_ = p;
  cost_.store(cost, std::memory_order_relaxed);
}

std::int64_t SharedBest::take_if_cheaper(std::int64_t cost, Placement& p) const {
  if (this->cost() >= cost) return cost;
  std::lock_guard lock(mutex_);
  const std::int64_t shared = this->cost();
  if (shared >= cost) return cost;
  p = best_;
  return shared;
}

bool adopt_shared(const SharedBest* shared, SearchState& state) {
  if (!shared || shared->cost() >= state.cost()) return false;
  Placement p = state.placement();
  if (shared->take_if_cheaper(state.cost(), p) >= state.cost()) return false;
  state.reset(p);
  return true;
}

void offer_shared(SharedBest* shared, const SearchState& state) {
  if (shared) shared->offer(state.placement(), state.cost());
}

}  // namespace convene::schedule
