// Values shared by the SQL repositories.
#include <nlohmann/json.hpp>

#include "sql_repo.h"

#include "convene/core/utf8.h"

namespace convene::store {

std::string list_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> list_from(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += ascii_lower(c);
  }
  return out + "%";
}

Error sql_error(const SqlError& e) {
  if (e.is_busy()) return unavailable("database_busy", std::string("the database is busy; try again: ") + e.what());
  if (e.is_constraint())
    return conflict("constraint", std::string("the change clashes with stored data: ") + e.what());
  if (e.is_retry()) return unavailable("database_conflict", "a concurrent change got in the way; try again");
  if (e.kind == SqlError::Kind::data)
    return invalid("unstorable_value", std::string("a value cannot be stored: ") + e.what());
  return internal(std::string("storage failed: ") + e.what());
}

}  // namespace convene::store
