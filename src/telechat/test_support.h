// Test-only helpers shared by the telechat tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "convene/core/time.h"

namespace convene::telechat::testing {

inline std::string read_shared(const std::string& relative) {
  std::ifstream in(std::string(CONVENE_SHARED_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << relative;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string seed_page() { return read_shared("seeds/001_aa07fe322c322cba.txt"); }
inline std::string informal_page() { return read_shared("data/telechat/InformalAgenda.md"); }

inline std::int64_t day(const char* text) { return *parse_date(text, "test"); }

}  // namespace convene::telechat::testing
