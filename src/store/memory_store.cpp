// The in-memory Store: each transaction works on a copy of the state and
// replaces it only when the function returns ok.
#include <atomic>
#include <mutex>

#include "memory_state.h"

namespace convene {
namespace {

class MemoryStore : public Store {
 public:
  Status read(const std::function<Status(Repositories&)>& fn) override {
    store::MemoryState copy = snapshot();
    return fn(*store::memory_repositories(copy));
  }

  Status write(const std::function<Status(Repositories&)>& fn) override {
    std::lock_guard writer(write_mu_);
    store::MemoryState work = snapshot();
    Status s = fn(*store::memory_repositories(work));
    if (!s) return s;
    std::lock_guard lock(mu_);
    state_ = std::move(work);
    generation_.fetch_add(1, std::memory_order_release);
    return s;
  }

  std::uint64_t generation() const override { return generation_.load(std::memory_order_acquire); }

 private:
  store::MemoryState snapshot() {
    std::lock_guard lock(mu_);
    return state_;
  }

  std::mutex write_mu_;  // one writer at a time, as in SQLite
  std::mutex mu_;        // guards state_
  store::MemoryState state_;
  std::atomic<std::uint64_t> generation_{1};
};

}  // namespace

std::unique_ptr<Store> open_memory_store() { return std::make_unique<MemoryStore>(); }

}  // namespace convene
