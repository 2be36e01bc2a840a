// Test support: a fresh, empty database for one test, on the backend the
// test run chose. CONVENE_TEST_BACKEND=postgresql selects PostgreSQL: a new
// schema on the test server named by CONVENE_TEST_PG (a libpq URI) or by the
// file postgres.uri in the build directory (written by scripts/pg-cluster.sh,
// the CTest fixture `postgres`), dropped afterwards. Anything else selects an SQLite
// file in a temporary directory.
#pragma once

#include <memory>
#include <string>

#include "convene/store/store.h"
#include "convene/testing/temp_dir.h"

namespace convene::testing {

bool on_postgresql();

class TestDatabase {
 public:
  // Throws (failing the test) when PostgreSQL is selected but unreachable.
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;

  // What `--db` takes to reach this database.
  const std::string& location() const { return location_; }
  // A store on it, migrated. Several may be open at once, as several servers.
  std::unique_ptr<Store> open() const { return open_store(location_); }

 private:
  TempDir dir_;
  std::string server_;  // PostgreSQL: the server's URI, without the schema
  std::string schema_;
  std::string location_;
};

}  // namespace convene::testing
