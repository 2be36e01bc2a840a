#include "json_fields.h"

#include <limits>

namespace convene::schedule {

Fields::Fields(const nlohmann::json& item, std::string where, std::string code)
    : item_(item), where_(std::move(where)), code_(std::move(code)) {
  if (!item_.is_object()) fail("is not a JSON object");
}

void Fields::fail(const std::string& message) {
  if (!error_) error_ = invalid(code_, where_ + ": " + message);
}

const nlohmann::json* Fields::find(const char* key, bool required) {
  if (error_) return nullptr;
  auto it = item_.find(key);
  if (it == item_.end() || it->is_null()) {
    if (required) fail(std::string("no \"") + key + "\"");
    return nullptr;
  }
  return &*it;
}

std::string Fields::text(const char* key, bool required) {
  const auto* v = find(key, required);
  if (!v) return {};
  if (!v->is_string()) {
    fail(std::string("\"") + key + "\" must be a string");
    return {};
  }
  return v->get<std::string>();
}

int Fields::whole(const char* key, int fallback, bool required) {
  const auto* v = find(key, required);
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() > std::numeric_limits<int>::max() ||
      v->get<long long>() < std::numeric_limits<int>::min()) {
    fail(std::string("\"") + key + "\" must be a whole number");
    return fallback;
  }
  return v->get<int>();
}

int Fields::positive(const char* key) {
  const int n = whole(key, 0, true);
  if (!error_ && n <= 0) fail(std::string("\"") + key + "\" must be a positive whole number");
  return n;
}

bool Fields::flag(const char* key) {
  const auto* v = find(key, false);
  if (!v) return false;
  if (!v->is_boolean()) {
    fail(std::string("\"") + key + "\" must be true or false");
    return false;
  }
  return v->get<bool>();
}

std::vector<std::string> Fields::texts(const char* key, bool required) {
  std::vector<std::string> out;
  const auto* v = find(key, required);
  if (!v) return out;
  if (!v->is_array()) {
    fail(std::string("\"") + key + "\" must be an array of strings");
    return out;
  }
  for (const auto& e : *v) {
    if (!e.is_string()) {
      fail(std::string("\"") + key + "\" must be an array of strings");
      return {};
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace convene::schedule
