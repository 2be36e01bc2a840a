// Typed reading of JSON object fields for the schedule formats. The first
// problem found is kept in error(), naming the item and field; later reads
// after an error return defaults, so callers check once per item.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "convene/core/result.h"

namespace convene::schedule {

class Fields {
 public:
  // `where` names the item in messages, e.g. "sessions[3]".
  Fields(const nlohmann::json& item, std::string where, std::string code);

  // A string; "" when absent and not required.
  std::string text(const char* key, bool required = false);
  // A whole number; `fallback` when absent and not required.
  int whole(const char* key, int fallback, bool required = false);
  // A whole number > 0, required.
  int positive(const char* key);
  // A boolean; false when absent.
  bool flag(const char* key);
  // An array of strings; empty when absent and not required.
  std::vector<std::string> texts(const char* key, bool required = false);
  bool has(const char* key) const { return item_.is_object() && item_.contains(key); }

  void fail(const std::string& message);
  // Changes the item name used in later messages (e.g. once the id is known).
  void rename(std::string where) { where_ = std::move(where); }
  const std::optional<Error>& error() const { return error_; }

 private:
  const nlohmann::json* find(const char* key, bool required);

  const nlohmann::json& item_;
  std::string where_;
  std::string code_;
  std::optional<Error> error_;
};

}  // namespace convene::schedule
