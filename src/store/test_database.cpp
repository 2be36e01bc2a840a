#include "convene/testing/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "convene/store/sql.h"

namespace convene::testing {
namespace {

std::string server_uri() {
  if (const char* uri = std::getenv("CONVENE_TEST_PG"); uri && *uri) return uri;
  std::ifstream in(CONVENE_PG_URI_FILE);
  std::string uri;
  if (!std::getline(in, uri) || uri.empty())
    throw std::runtime_error(std::string("CONVENE_TEST_BACKEND=postgresql needs CONVENE_TEST_PG (a libpq URI) or ") +
                             CONVENE_PG_URI_FILE +
                             " (written by `ctest`'s fixture postgres: scripts/pg-cluster.sh start FILE)");
  return uri;
}

std::string fresh_schema_name() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
}

// The URI with the schema first on the search path, so every table the
// store makes and reads lives in it.
std::string with_schema(const std::string& uri, const std::string& schema) {
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace

bool on_postgresql() {
  const char* backend = std::getenv("CONVENE_TEST_BACKEND");
  return backend && std::string(backend) == "postgresql";
}

TestDatabase::TestDatabase() {
  if (!on_postgresql()) {
    location_ = dir_.file("convene.db");
    return;
  }
  server_ = server_uri();
  schema_ = fresh_schema_name();
  store::connect_postgresql(server_)->exec("CREATE SCHEMA " + schema_);
  location_ = with_schema(server_, schema_);
}

TestDatabase::~TestDatabase() {
  if (schema_.empty()) return;
  try {
    store::connect_postgresql(server_)->exec("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (...) {
    // The cluster is thrown away at the end of the run anyway.
  }
}

}  // namespace convene::testing
