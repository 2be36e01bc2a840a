#include "convene/meeting/json_fields.h"

#include <nlohmann/json.hpp>

namespace convene::json_fields {
namespace {

using nlohmann::json;

std::string prefix(std::string_view field) { return std::string(field) + ": "; }

std::size_t count_chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool bad_control(unsigned char c, bool multiline) {
  if (c == '\n' || c == '\t') return !multiline;
  return c < 0x20 || c == 0x7F;
}

constexpr std::size_t kShowMax = 60;

// s cut to at most n bytes without splitting a UTF-8 sequence.
std::string cut_utf8(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

// A scalar as JSON text; a long string is cut before it is quoted, so the
// result stays short whatever the value.
std::string scalar_text(const json& v) {
  if (!v.is_string()) return v.dump();
  const auto& raw = v.get_ref<const std::string&>();
  return json(cut_utf8(raw, kShowMax + 1)).dump(-1, ' ', false, json::error_handler_t::replace);
}

// One open array or object while rendering: where its iteration stands.
struct Open {
  const json* node;
  json::const_iterator next;
  bool first = true;
};

// The JSON text of `value` until it reaches `limit` bytes (it may overrun by
// one scalar). Iterative: nesting depth costs heap, never stack.
std::string render_prefix(const json& value, std::size_t limit) {
  if (!value.is_structured()) return scalar_text(value);
  std::string out(value.is_object() ? "{" : "[");
  std::vector<Open> stack{{&value, value.cbegin()}};
  while (!stack.empty() && out.size() < limit) {
    Open& top = stack.back();
    if (top.next == top.node->cend()) {
      out += top.node->is_object() ? '}' : ']';
      stack.pop_back();
      continue;
    }
    if (!top.first) out += ',';
    top.first = false;
    if (top.node->is_object()) out += scalar_text(json(top.next.key())) + ":";
    const json& child = *top.next;
    ++top.next;
    if (child.is_structured()) {
      out += child.is_object() ? '{' : '[';
      stack.push_back({&child, child.cbegin()});
    } else {
      out += scalar_text(child);
    }
  }
  return out;
}

// The field's value, or nullptr when the field is absent.
const json* find(const json& body, std::string_view field) {
  if (!body.is_object()) return nullptr;
  auto it = body.find(std::string(field));
  return it == body.end() ? nullptr : &*it;
}

std::string range_text(std::int64_t min, std::int64_t max) {
  return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

Result<std::int64_t> integer_value(const json& v, std::string_view field, std::int64_t min,
                                   std::int64_t max) {
  std::string expect = range_text(min, max) + ", got " + show(v);
  if (!v.is_number_integer()) return bad_type(field, expect);
  if (v.is_number_unsigned()) {
    auto u = v.get<std::uint64_t>();
    bool below = min > 0 && u < static_cast<std::uint64_t>(min);
    if (max < 0 || below || u > static_cast<std::uint64_t>(max)) return bad_value(field, expect);
    return static_cast<std::int64_t>(u);
  }
  auto i = v.get<std::int64_t>();
  if (i < min || i > max) return bad_value(field, expect);
  return i;
}

}  // namespace

Error missing(std::string_view field) {
  return invalid("missing_field", prefix(field) + "is required");
}
Error bad_type(std::string_view field, std::string_view what) {
  return invalid("bad_type", prefix(field) + std::string(what));
}
Error bad_value(std::string_view field, std::string_view what) {
  return invalid("bad_value", prefix(field) + std::string(what));
}

Status require_object(const json& body) {
  if (!body.is_object()) return bad_type("body", "must be a JSON object, got " + show(body));
  return ok_status();
}

std::string show(const json& value) {
  std::string s = render_prefix(value, kShowMax + 1);
  if (s.size() > kShowMax) s = cut_utf8(s, kShowMax) + "...";
  return s;
}

Status check_text(const std::string& value, std::string_view field, const TextRules& rules) {
  if (value.empty() && !rules.allow_empty) return bad_value(field, "must not be empty");
  std::size_t n = count_chars(value);
  if (n > rules.max_chars)
    return bad_value(field, "must be at most " + std::to_string(rules.max_chars) +
                                " characters, got " + std::to_string(n));
  for (unsigned char c : value)
    if (bad_control(c, rules.multiline))
      return bad_value(field, rules.multiline ? "must not contain control characters"
                                              : "must be one line without control characters");
  return ok_status();
}

Result<std::string> text(const json& body, std::string_view field, TextRules rules) {
  const json* v = find(body, field);
  if (!v) return missing(field);
  if (!v->is_string()) return bad_type(field, "must be a string, got " + show(*v));
  std::string s = v->get<std::string>();
  if (auto st = check_text(s, field, rules); !st) return st.error();
  return s;
}

Result<std::optional<std::string>> optional_text(const json& body, std::string_view field,
                                                 TextRules rules) {
  const json* v = find(body, field);
  if (!v || v->is_null()) return std::optional<std::string>{};
  auto r = text(body, field, rules);
  if (!r) return r.error();
  return std::optional<std::string>(std::move(r).value());
}

Result<std::int64_t> integer(const json& body, std::string_view field, std::int64_t min,
                             std::int64_t max) {
  const json* v = find(body, field);
  if (!v) return missing(field);
  return integer_value(*v, field, min, max);
}

Result<std::int64_t> optional_integer(const json& body, std::string_view field, std::int64_t min,
                                      std::int64_t max, std::int64_t fallback) {
  const json* v = find(body, field);
  if (!v || v->is_null()) return fallback;
  return integer_value(*v, field, min, max);
}

Result<std::vector<std::string>> text_list(const json& body, std::string_view field,
                                           std::size_t max_items, TextRules rules) {
  std::vector<std::string> out;
  const json* v = find(body, field);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) return bad_type(field, "must be an array of strings, got " + show(*v));
  if (v->size() > max_items)
    return bad_value(field, "must have at most " + std::to_string(max_items) + " entries, got " +
                                std::to_string(v->size()));
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    if (!e.is_string()) return bad_type(name, "must be a string, got " + show(e));
    std::string s = e.get<std::string>();
    if (auto st = check_text(s, name, rules); !st) return st.error();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace convene::json_fields
