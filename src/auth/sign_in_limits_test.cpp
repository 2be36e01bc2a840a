#include "convene/auth/sign_in_limits.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "convene/auth/auth.h"

namespace convene {
namespace {

ThrottleLimits small() {
  ThrottleLimits l;
  l.failures_per_address = 4;
  l.failures_per_account = 2;
  l.window_seconds = 100;
  l.max_keys = 3;
  return l;
}

TEST(LoginThrottle, AccountIsHeldAfterItsLimitUntilTheWindowEnds) {
  LoginThrottle t(small());
  EXPECT_EQ(t.wait_seconds("10.0.0.1", "a@x.org", 1000), 0);
  t.failed("10.0.0.1", "a@x.org", 1000);
  EXPECT_EQ(t.wait_seconds("10.0.0.1", "a@x.org", 1010), 0);
  t.failed("10.0.0.2", "A@X.org", 1010);  // another address, the same account
  EXPECT_EQ(t.wait_seconds("10.0.0.3", "a@x.org", 1020), 80);
  EXPECT_EQ(t.wait_seconds("10.0.0.3", "b@x.org", 1020), 0);
  EXPECT_EQ(t.wait_seconds("10.0.0.3", "a@x.org", 1100), 0);  // a new window
  t.failed("10.0.0.3", "a@x.org", 1100);
  EXPECT_EQ(t.wait_seconds("10.0.0.3", "a@x.org", 1100), 0);  // one failure in it
}

TEST(LoginThrottle, AddressIsHeldAcrossAccounts) {
  LoginThrottle t(small());
  for (int i = 0; i < 4; ++i) t.failed("10.0.0.9", "user" + std::to_string(i) + "@x.org", 500 + i);
  EXPECT_EQ(t.wait_seconds("10.0.0.9", "fresh@x.org", 510), 90);
  EXPECT_EQ(t.wait_seconds("10.0.0.8", "fresh@x.org", 510), 0);
}

TEST(LoginThrottle, SuccessForgetsTheAccountButNotTheAddress) {
  LoginThrottle t(small());
  for (int i = 0; i < 4; ++i) t.failed("10.0.0.1", "a@x.org", 0);
  t.succeeded("a@x.org");
  EXPECT_EQ(t.wait_seconds("10.0.0.2", "a@x.org", 1), 0);
  EXPECT_EQ(t.wait_seconds("10.0.0.1", "b@x.org", 1), 99);
}

TEST(LoginThrottle, TracksAtMostMaxKeysAndDropsExpiredOnesFirst) {
  LoginThrottle t(small());  // max_keys 3
  for (int i = 0; i < 3; ++i) t.failed("10.0.0." + std::to_string(i), "a" + std::to_string(i), 0);
  t.failed("10.0.0.7", "a7", 10);  // full, nothing expired: not tracked
  t.failed("10.0.0.7", "a7", 10);
  EXPECT_EQ(t.wait_seconds("10.0.0.7", "a7", 10), 0);
  t.failed("10.0.0.7", "a7", 200);  // the first three expired: dropped, a7 tracked
  t.failed("10.0.0.7", "a7", 201);
  EXPECT_EQ(t.wait_seconds("10.0.0.7", "a7", 201), 99);
}

TEST(HashGate, AdmitsAtMostItsSlotsAndTakesThemBack) {
  HashGate gate(2);
  std::vector<HashGate::Permit> held;
  for (int i = 0; i < 2; ++i) {
    auto p = gate.try_enter();
    ASSERT_TRUE(p);
    held.push_back(std::move(*p));
  }
  EXPECT_FALSE(gate.try_enter());
  held.pop_back();
  EXPECT_TRUE(gate.try_enter());  // taken and given back at once
  EXPECT_TRUE(gate.try_enter());
  EXPECT_GE(HashGate::default_slots(), 1);
}

TEST(DummyHash, UnknownAccountsVerifyAgainstAHashOfTheSameCost) {
  init_crypto();
  EXPECT_FALSE(verify_password_or_dummy(std::nullopt, "anything at all"));
  std::string real = hash_password("a-long-password");
  EXPECT_TRUE(verify_password_or_dummy(real, "a-long-password"));
  EXPECT_FALSE(verify_password_or_dummy(real, "a-wrong-password"));
  // Same algorithm and parameters ("$argon2id$v=19$m=...,t=...,p=...$"):
  // the same work, so the same time, as a real account's wrong password.
  auto params = [](const std::string& h) { return h.substr(0, h.find('$', h.find("m="))); };
  EXPECT_EQ(params(dummy_password_hash()), params(real));
  EXPECT_TRUE(dummy_password_hash().starts_with("$argon2id$"));
}

}  // namespace
}  // namespace convene
