// The JSON body reader: encoding and nesting are checked on the raw bytes
// before the parser builds anything, so no deep or malformed value ever
// reaches a handler (which might dump it recursively).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "convene/core/utf8.h"
#include "convene/http/message.h"

namespace convene::http {
namespace {

constexpr std::size_t kMaxMessage = 200;

// Strips the "[json.exception.parse_error.101] " prefix nlohmann puts on
// its messages and cuts what follows (it may quote the offending token).
std::string parser_message(const char* what) {
  std::string_view m(what);
  if (!m.empty() && m.front() == '[') {
    auto close = m.find("] ");
    if (close != std::string_view::npos) m.remove_prefix(close + 2);
  }
  if (m.size() <= kMaxMessage) return std::string(m);
  return std::string(m.substr(0, kMaxMessage)) + "...";
}

// The offset of the bracket that opens level max_depth + 1, or npos when
// the text never nests deeper than max_depth. Brackets inside strings do
// not count; the text need not be valid JSON.
std::size_t too_deep_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Result<nlohmann::json> parse_json_object(const Request& req) {
  if (is_blank(req.body)) {
    return invalid("bad_json", "request body is empty; expected a JSON object");
  }
  if (auto at = invalid_utf8_at(req.body); at != std::string_view::npos) {
    return invalid("bad_encoding",
                   "request body is not valid UTF-8 (at byte " + std::to_string(at) + ")");
  }
  if (auto at = too_deep_at(req.body, kMaxJsonDepth); at != std::string_view::npos) {
    return invalid("json_too_deep", "request body nests arrays and objects deeper than " +
                                        std::to_string(kMaxJsonDepth) + " levels (at byte " +
                                        std::to_string(at) + ")");
  }
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::exception& e) {
    // parse_error, and out_of_range for a number too big for a double (1e99999).
    return invalid("bad_json", "request body is not valid JSON: " + parser_message(e.what()));
  }
  if (!value.is_object()) {
    return invalid("not_an_object",
                   std::string("request body must be a JSON object, not ") + value.type_name());
  }
  return value;
}

}  // namespace convene::http
