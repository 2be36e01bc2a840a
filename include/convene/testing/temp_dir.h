// Test support: a fresh temporary directory, removed with its contents.
#pragma once

#include <filesystem>
#include <string>

namespace convene::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace convene::testing
