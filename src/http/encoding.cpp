// Percent-encoding, form bodies and request targets.
#include <optional>
#include <string>

#include "convene/core/utf8.h"
#include "convene/http/message.h"

namespace convene::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Calls fn(name, value) for each decoded "name=value" pair of a form body.
template <class Fn>
void for_each_pair(std::string_view body, Fn fn) {
  while (!body.empty()) {
    auto amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    fn(replace_invalid_utf8(percent_decode(name, true)),
       replace_invalid_utf8(percent_decode(value, true)));
  }
}

// "name" quoted for a message, or "" when the name itself is not UTF-8.
std::string quoted_name(const std::string& name) {
  if (!is_valid_utf8(name) || name.size() > 60) return "";
  return " '" + name + "'";
}

Error bad_encoding(const std::string& where, bool decoded = true) {
  return invalid("bad_encoding",
                 where + " is not valid UTF-8" + (decoded ? " after percent-decoding" : ""));
}

// The first decoded name or value of a form (or query string) that is not
// UTF-8, as an error naming it with `what` ("form field").
std::optional<Error> check_pairs(std::string_view body, const std::string& what) {
  while (!body.empty()) {
    auto amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    auto eq = pair.find('=');
    std::string name = percent_decode(pair.substr(0, eq), true);
    if (!is_valid_utf8(name)) return bad_encoding("a " + what + " name");
    if (eq == std::string_view::npos) continue;
    if (!is_valid_utf8(percent_decode(pair.substr(eq + 1), true)))
      return bad_encoding(what + quoted_name(name));
  }
  return std::nullopt;
}

bool is_form(const Request& req) {
  std::string type = req.header("content-type");
  return type.empty() || starts_with_nocase(type, "application/x-www-form-urlencoded");
}

}  // namespace

Status check_encoding(const Request& req) {
  if (!is_valid_utf8(req.path)) return bad_encoding("the path");
  std::string_view target = std::string_view(req.target).substr(0, req.target.find('#'));
  if (auto q = target.find('?'); q != std::string_view::npos)
    if (auto e = check_pairs(target.substr(q + 1), "query parameter")) return *e;
  for (const auto& [name, value] : req.headers)
    if (!is_valid_utf8(value)) return bad_encoding("header" + quoted_name(name), false);
  if (!is_valid_utf8(req.body)) return bad_encoding("the request body", false);
  if (is_form(req))
    if (auto e = check_pairs(req.body, "form field")) return *e;
  return ok_status();
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view s) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (unreserved(u)) {
      out += c;
    } else {
      out += '%';
      out += digits[u >> 4];
      out += digits[u & 0x0F];
    }
  }
  return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  for_each_pair(body, [&](std::string name, std::string value) {
    out.insert_or_assign(std::move(name), std::move(value));
  });
  return out;
}

std::multimap<std::string, std::string> parse_form_multi(std::string_view body) {
  std::multimap<std::string, std::string> out;
  for_each_pair(body, [&](std::string name, std::string value) {
    out.emplace(std::move(name), std::move(value));
  });
  return out;
}

std::string_view target_path(std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (starts_with_nocase(target, "http://") || starts_with_nocase(target, "https://")) {
    auto authority = target.find("//") + 2;
    auto slash = target.find('/', authority);
    return slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
  }
  return target;
}

void set_target(Request& req, std::string_view target) {
  req.target.assign(target);
  req.path = percent_decode(target_path(target), false);
  req.query.clear();
  std::string_view rest = target.substr(0, target.find('#'));
  auto q = rest.find('?');
  if (q != std::string_view::npos) req.query = parse_form(rest.substr(q + 1));
}

}  // namespace convene::http
