// What the meeting plan's tests share: the people who act, the clock they act
// at, and the two backends every use case runs on (a real store, SQLite or
// PostgreSQL, and the in-memory twin).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "convene/auth/auth.h"
#include "convene/core/time.h"

namespace convene::plan_testing {

inline const Person kSecretariat{1, "sec@example.org", "Sec", {"secretariat"}};
inline const Person kChair{2, "chair@example.org", "Quic Chair", {"chair:quic"}};
inline constexpr UnixSeconds kNow = 1'700'000'000;

enum class Backend { sql, memory };

// The suffix INSTANTIATE_TEST_SUITE_P gives each backend's tests.
inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sql ? "sql" : "memory";
}

}  // namespace convene::plan_testing
