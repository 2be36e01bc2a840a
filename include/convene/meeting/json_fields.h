// Strict readers for the fields of a JSON API body, shared by the domain
// adapters (meeting, draft, dispatch). Nothing here throws: every wrong input
// is an Error whose message starts with the field name.
//   missing_field  a required field is absent
//   bad_type       the field has the wrong JSON type (null counts as wrong
//                  for a required field; for an optional one null = absent)
//   bad_value      the type is right but the content is not allowed
// Unknown fields are ignored by every reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"

namespace convene::json_fields {

// bad_type "body: must be a JSON object, got [1,2]" unless `body` is an object.
Status require_object(const nlohmann::json& body);

// A short rendering of a value for messages: `"ten"`, `12`, `null`, `[1,2]`;
// longer values are cut to about 60 characters and end with "...".
std::string show(const nlohmann::json& value);

// What a text field may hold. Length is counted in characters (UTF-8 code
// points). Control characters are refused, except newline and tab when
// `multiline`.
struct TextRules {
  std::size_t max_chars = 200;
  bool allow_empty = false;
  bool multiline = false;
};

// A required string. Errors: missing_field, bad_type, bad_value.
Result<std::string> text(const nlohmann::json& body, std::string_view field, TextRules rules = {});
// An optional string: nullopt when absent or null.
Result<std::optional<std::string>> optional_text(const nlohmann::json& body, std::string_view field,
                                                 TextRules rules = {});
// Checks an already extracted string against `rules` (bad_value naming `field`).
Status check_text(const std::string& value, std::string_view field, const TextRules& rules);

// A required integer in [min, max]; a float, bool or string is bad_type, a
// number outside the range bad_value. Both say "must be an integer from
// <min> to <max>, got <value>".
Result<std::int64_t> integer(const nlohmann::json& body, std::string_view field, std::int64_t min,
                             std::int64_t max);
// As integer(), with `fallback` when absent or null.
Result<std::int64_t> optional_integer(const nlohmann::json& body, std::string_view field,
                                      std::int64_t min, std::int64_t max, std::int64_t fallback);

// An optional array of strings (empty when absent or null), at most
// `max_items`, each checked by `rules`; element errors name "field[i]".
Result<std::vector<std::string>> text_list(const nlohmann::json& body, std::string_view field,
                                           std::size_t max_items, TextRules rules = {});

// Error builders used by the adapters: "<field>: <what>".
Error missing(std::string_view field);
Error bad_type(std::string_view field, std::string_view what);
Error bad_value(std::string_view field, std::string_view what);

}  // namespace convene::json_fields
