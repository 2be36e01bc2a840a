#include "convene/auth/sign_in_limits.h"

#include <algorithm>
#include <thread>

namespace convene {
namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

}  // namespace

LoginThrottle::LoginThrottle(ThrottleLimits limits) : limits_(limits) {}

std::int64_t LoginThrottle::wait_in(const Windows& windows, const std::string& key, int limit,
                                    std::int64_t now) const {
  auto it = windows.find(key);
  if (it == windows.end() || it->second.failures < limit) return 0;
  return std::max<std::int64_t>(0, it->second.start + limits_.window_seconds - now);
}

std::int64_t LoginThrottle::wait_seconds(std::string_view address, std::string_view account,
                                         std::int64_t now) const {
  std::lock_guard lock(mu_);
  return std::max(wait_in(addresses_, std::string(address), limits_.failures_per_address, now),
                  wait_in(accounts_, lowered(account), limits_.failures_per_account, now));
}

void LoginThrottle::count(Windows& windows, const std::string& key, std::int64_t now) {
  auto expired = [&](const Window& w) { return now - w.start >= limits_.window_seconds; };
  auto it = windows.find(key);
  if (it == windows.end()) {
    if (windows.size() >= limits_.max_keys)
      std::erase_if(windows, [&](const auto& entry) { return expired(entry.second); });
    if (windows.size() >= limits_.max_keys) return;
    it = windows.emplace(key, Window{now, 0}).first;
  }
  if (expired(it->second)) it->second = Window{now, 0};
  ++it->second.failures;
}

void LoginThrottle::failed(std::string_view address, std::string_view account, std::int64_t now) {
  std::lock_guard lock(mu_);
  count(addresses_, std::string(address), now);
  count(accounts_, lowered(account), now);
}

void LoginThrottle::succeeded(std::string_view account) {
  std::lock_guard lock(mu_);
  accounts_.erase(lowered(account));
}

HashGate::HashGate(int slots) : free_(slots) {}

HashGate::Permit::Permit(Permit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }

HashGate::Permit::~Permit() {
  if (gate_) gate_->free_.fetch_add(1, std::memory_order_release);
}

std::optional<HashGate::Permit> HashGate::try_enter() {
  int free = free_.load(std::memory_order_acquire);
  while (free > 0) {
    if (free_.compare_exchange_weak(free, free - 1, std::memory_order_acq_rel)) return Permit(this);
  }
  return std::nullopt;
}

int HashGate::default_slots() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency() / 2));
}

}  // namespace convene
