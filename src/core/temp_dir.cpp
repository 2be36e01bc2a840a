#include "convene/testing/temp_dir.h"

#include <cstdlib>
#include <stdexcept>

namespace convene::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "convene-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace convene::testing
