// Limits on password sign-in, so that guessing is slow and a flood of
// sign-ins cannot starve the server: failed attempts are counted per client
// address and per account (LoginThrottle), and at most a few Argon2id
// verifications run at once (HashGate). Pure: the clock is passed in.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace convene {

struct ThrottleLimits {
  int failures_per_address = 20;       // Default: 20 failed sign-ins from one address per window
  int failures_per_account = 5;        // Default: 5 failed sign-ins to one account per window
  std::int64_t window_seconds = 900;   // Default: 15 minutes, counted from the first failure
  std::size_t max_keys = 100'000;      // Default: addresses (and accounts) tracked at most
};

// Counts failed sign-ins in fixed windows. Thread-safe.
class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits = {});

  // Seconds from `now` until a sign-in from `address` to `account` may be
  // tried: 0 when it may be tried now, otherwise the rest of the window of
  // whichever (address or account) reached its limit. Changes nothing.
  // `account` is compared case-insensitively (ASCII).
  std::int64_t wait_seconds(std::string_view address, std::string_view account,
                            std::int64_t now) const;
  // Counts one failed sign-in at `now` for the address and the account. When
  // max_keys are tracked, expired windows are dropped first; if none has
  // expired, the new key is not tracked (memory stays bounded).
  void failed(std::string_view address, std::string_view account, std::int64_t now);
  // Forgets the account's failures after a right password. The address's
  // failures stay: one right password does not excuse a guessing address.
  void succeeded(std::string_view account);

 private:
  struct Window {
    std::int64_t start = 0;
    int failures = 0;
  };
  using Windows = std::unordered_map<std::string, Window>;

  std::int64_t wait_in(const Windows& windows, const std::string& key, int limit,
                       std::int64_t now) const;
  void count(Windows& windows, const std::string& key, std::int64_t now);

  ThrottleLimits limits_;
  mutable std::mutex mu_;
  Windows addresses_;
  Windows accounts_;
};

// Admits at most `slots` holders at once; never blocks. Thread-safe.
class HashGate {
 public:
  // REQUIRES: slots >= 1.
  explicit HashGate(int slots);
  // One slot; returned when the Permit is destroyed.
  class Permit {
   public:
    Permit(Permit&& other) noexcept;
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    Permit& operator=(Permit&&) = delete;
    ~Permit();

   private:
    friend class HashGate;
    explicit Permit(HashGate* gate) : gate_(gate) {}
    HashGate* gate_;
  };
  // A slot, or nullopt when all are taken (the caller answers "busy").
  std::optional<Permit> try_enter();
  // Half the cores, at least 1: the server's other I/O threads stay free.
  static int default_slots();

 private:
  std::atomic<int> free_;
};

}  // namespace convene
