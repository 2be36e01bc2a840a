// Percent-encoding, form bodies and request targets.
#include <string>

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
    fn(percent_decode(name, true), percent_decode(value, true));
  }
}

}  // namespace

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
