// How the API handlers read their input and answer: the signed-in person,
// the JSON body read into a typed input by its domain reader, and the
// result rendered as JSON or as the error it is.
#pragma once

#include <nlohmann/json.hpp>

#include "context.h"
#include "handlers.h"

namespace convene::web {

// Runs fn(person, input) for a signed-in API caller whose JSON object body
// `read` accepts; answers the first error otherwise (401/403, 400).
template <class Read, class F>
Response with_input(Context& ctx, const Request& req, Read read, F fn) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  auto body = http::parse_json_object(req);
  if (!body) return http::error(body.error());
  auto input = read(*body);
  if (!input) return http::error(input.error());
  return fn(*who, *input);
}

// `r` rendered by to_json with `status`, or its error.
template <class T>
Response answer(const Result<T>& r, int status = 200) {
  if (!r) return http::error(r.error());
  return http::json(status, to_json(*r));
}

// Each of `items` by its to_json, as a JSON array.
template <class T>
nlohmann::json listed(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

// The query parameter, or "" when absent.
std::string query(const Request& req, const char* name);

// A whole-number query parameter in [min, max]; `fallback` when absent.
// Error bad_value: "<name>: must be an integer from <min> to <max>, got '<text>'".
Result<int> query_int(const Request& req, const char* name, int min, int max, int fallback);

// The exclusive exception's body {"session", "group"} (texts of at most 80
// and 40 characters): the API's and the form's one reader.
struct ExclusiveInput {
  std::string session;
  std::string group;
};
Result<ExclusiveInput> exclusive_input_from_json(const nlohmann::json& body);

}  // namespace convene::web
