#include "wire.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "convene/core/utf8.h"

namespace convene::http::detail {

namespace {

struct DefaultHeader {
  std::string_view name;
  std::string_view value;
};

constexpr std::array<DefaultHeader, 4> kSecurityHeaders{{
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"},
}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_token_char);
}

// Headers only the server writes.
bool reserved(std::string_view name) {
  return iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding") ||
         iequals(name, "Connection") || iequals(name, "Server") || iequals(name, "Date");
}

// "Sun, 06 Nov 1994 08:49:37 GMT", computed once a second per thread.
std::string_view http_date() {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached = -1;
  thread_local std::array<char, 40> text{};
  thread_local int length = 0;
  std::time_t now = std::time(nullptr);
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    length = std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                           days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
                           tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached = now;
  }
  return {text.data(), static_cast<std::size_t>(length)};
}

void append_number(std::string& out, std::size_t n) {
  std::array<char, 24> digits{};
  auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
  out.append(digits.data(), end);
}

// Appends "name: value\r\n", turning CR, LF and NUL in the value into spaces.
void append_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ");
  std::size_t start = out.size();
  out.append(value);
  std::replace_if(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                  [](char c) { return c == '\r' || c == '\n' || c == '\0'; }, ' ');
  out.append("\r\n");
}

bool handler_set(const Response& res, std::string_view name) {
  return std::any_of(res.headers.begin(), res.headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

}  // namespace

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

bool write_head(Response& res, unsigned minor, bool keep_alive, bool head_request,
                std::string& head) {
  if (res.status < 200 || res.status > 599) {
    std::fprintf(stderr, "convene http: handler returned status %d; sending 500\n", res.status);
    res = error(Error{"internal", "internal server error", ErrorKind::internal});
  }
  head.clear();
  head.append(minor == 0 ? "HTTP/1.0 " : "HTTP/1.1 ");
  append_number(head, static_cast<std::size_t>(res.status));
  head.append(" ").append(reason_phrase(res.status)).append("\r\n");
  head.append("Server: convene\r\n");
  append_field(head, "Date", http_date());
  if (!res.content_type.empty() && !handler_set(res, "Content-Type")) {
    append_field(head, "Content-Type", res.content_type);
  }
  for (const auto& [name, value] : res.headers) {
    if (is_token(name) && !reserved(name)) append_field(head, name, value);
  }
  for (const auto& h : kSecurityHeaders) {
    if (!handler_set(res, h.name)) append_field(head, h.name, h.value);
  }
  if ((res.status == 429 || res.status == 503) && !handler_set(res, "Retry-After")) {
    append_field(head, "Retry-After", "1");
  }
  if (!keep_alive) {
    head.append("Connection: close\r\n");
  } else if (minor == 0) {
    head.append("Connection: keep-alive\r\n");
  }
  bool no_body = res.status == 204 || res.status == 304;
  if (!no_body) {
    head.append("Content-Length: ");
    append_number(head, res.body.size());
    head.append("\r\n");
  }
  head.append("\r\n");
  return !no_body && !head_request;
}

}  // namespace convene::http::detail
