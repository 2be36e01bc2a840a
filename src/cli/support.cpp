#include "support.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "convene/store/admin.h"

namespace convene::cli {

// CLI11 exits quietly on RuntimeError, so the message goes to stderr first.
void fail(const std::string& message, int code) {
  std::cerr << "convene: " << message << "\n";
  throw CLI::RuntimeError("convene: " + message, code);
}

std::unique_ptr<Store> open_db(const std::string& location) {
  try {
    return open_store(location);
  } catch (const std::exception& e) {
    fail(store::redacted(e.what()));
  }
}

}  // namespace convene::cli
