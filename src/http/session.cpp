#include "session.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <string_view>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>

namespace convene::http::detail {

namespace net = boost::asio;

namespace {

// Bytes read and thrown away after an error reply before the connection is
// closed, so the client can read the reply instead of getting a reset.
constexpr std::size_t kMaxDrain = 8 << 20;
constexpr std::chrono::seconds kMaxLinger{2};

std::string_view view(beast::string_view s) { return {s.data(), s.size()}; }

Method to_method(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::get;
    case bhttp::verb::head: return Method::head;
    case bhttp::verb::post: return Method::post;
    case bhttp::verb::put: return Method::put;
    case bhttp::verb::patch: return Method::patch;
    case bhttp::verb::delete_: return Method::del;
    case bhttp::verb::options: return Method::options;
    default: return Method::other;
  }
}

// "Sun, 06 Nov 1994 08:49:37 GMT", computed once a second per thread.
std::string_view http_date() {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached = -1;
  thread_local std::array<char, 32> text{};
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

bool is_token(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

// A header value with CR, LF and NUL turned into spaces (no response splitting).
std::string& clean_value(std::string& value) {
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
    std::replace_if(value.begin(), value.end(),
                    [](char c) { return c == '\r' || c == '\n' || c == '\0'; }, ' ');
  }
  return value;
}

void add_handler_headers(Response& res, bhttp::response<bhttp::string_body>& out) {
  for (auto& [name, value] : res.headers) {
    if (!is_token(name)) {
      std::fprintf(stderr, "convene http: dropped response header with a bad name\n");
      continue;
    }
    bhttp::field f = bhttp::string_to_field(name);
    if (f == bhttp::field::content_length || f == bhttp::field::transfer_encoding ||
        f == bhttp::field::connection) {
      continue;
    }
    if (f == bhttp::field::content_type || f == bhttp::field::server) {
      out.set(f, clean_value(value));
    } else {
      out.insert(name, clean_value(value));
    }
  }
}

void add_default(bhttp::response<bhttp::string_body>& out, beast::string_view name,
                 beast::string_view value) {
  if (out.find(name) == out.end()) out.insert(name, value);
}

void add_security_headers(bhttp::response<bhttp::string_body>& out) {
  add_default(out, "X-Content-Type-Options", "nosniff");
  add_default(out, "Referrer-Policy", "same-origin");
  add_default(out, "X-Frame-Options", "DENY");
  add_default(out, "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
}

void add_header_value(std::map<std::string, std::string>& headers, std::string name,
                      std::string_view value) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  auto [it, inserted] = headers.try_emplace(std::move(name), value);
  if (!inserted) {
    // Repeated fields combine into one list; cookies use "; ".
    it->second += it->first == "cookie" ? "; " : ", ";
    it->second += value;
  }
}

Response error_reply(int status, std::string code, std::string message) {
  Error e{std::move(code), std::move(message), ErrorKind::invalid};
  Response res = error(e);
  res.status = status;
  return res;
}

}  // namespace

void to_wire(Response&& res, unsigned version, bool keep_alive, bool head,
             bhttp::response<bhttp::string_body>& out) {
  if (res.status < 200 || res.status > 599) {
    std::fprintf(stderr, "convene http: handler returned status %d; sending 500\n", res.status);
    res = error(Error{"internal", "internal server error", ErrorKind::internal});
  }
  out.version(version);
  out.result(static_cast<unsigned>(res.status));
  out.set(bhttp::field::server, "convene");
  std::string_view date = http_date();
  out.set(bhttp::field::date, beast::string_view(date.data(), date.size()));
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, clean_value(res.content_type));
  add_handler_headers(res, out);
  add_security_headers(out);
  out.keep_alive(keep_alive);
  if (res.status == 204 || res.status == 304) {
    out.body().clear();
    return;
  }
  out.body() = std::move(res.body);
  out.prepare_payload();
  if (head) out.body().clear();  // Content-Length stays that of the GET body
}

Request from_wire(bhttp::request<bhttp::string_body>& req) {
  Request out;
  out.method = to_method(req.method());
  set_target(out, view(req.target()));
  for (const auto& field : req) {
    add_header_value(out.headers, std::string(view(field.name_string())), view(field.value()));
  }
  out.body = std::move(req.body());
  return out;
}

Session::Session(tcp::socket socket, const Router& router, const ServerOptions& options)
    : stream_(std::move(socket)), router_(router), options_(options) {}

void Session::start() {
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&Session::read_request, shared_from_this()));
}

void Session::read_request() {
  parser_.emplace();
  parser_->body_limit(options_.body_limit);
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(options_.header_limit, UINT32_MAX)));
  stream_.expires_after(options_.timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::on_header, shared_from_this()));
}

void Session::on_header(beast::error_code ec, std::size_t bytes) {
  if (ec) return on_read(ec, bytes);
  const auto& req = parser_->get();
  if (!parser_->is_done() && req.version() >= 11 &&
      beast::iequals(req[bhttp::field::expect], "100-continue")) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                     [self = shared_from_this()](beast::error_code wec, std::size_t) {
                       if (!wec) self->read_body();
                     });
    return;
  }
  read_body();
}

void Session::read_body() {
  if (parser_->is_done()) return on_read({}, 0);
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Session::on_read, shared_from_this()));
}

void Session::on_read(beast::error_code ec, std::size_t) {
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return close();
  if (ec == bhttp::error::body_limit) {
    return reject(error(Error{"too_large",
                              "request body is larger than the limit of " +
                                  std::to_string(options_.body_limit) + " bytes",
                              ErrorKind::too_large}));
  }
  if (ec == bhttp::error::header_limit) {
    return reject(error_reply(431, "headers_too_large",
                              "request headers are larger than the limit of " +
                                  std::to_string(options_.header_limit) + " bytes"));
  }
  if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return reject(error_reply(400, "bad_request", "malformed HTTP request: " + ec.message()));
  }
  if (ec) return;  // timeout or network error: the connection is gone or closed
  handle();
}

void Session::handle() {
  auto& wire = parser_->get();
  bool keep_alive = wire.keep_alive();
  unsigned version = wire.version();
  Request req = from_wire(wire);
  Response res = router_.handle(req);
  res_ = {};
  to_wire(std::move(res), version, keep_alive, req.method == Method::head, res_);
  stream_.expires_after(options_.timeout);
  bhttp::async_write(stream_, res_,
                     beast::bind_front_handler(&Session::on_write, shared_from_this(), false));
}

void Session::reject(Response res) {
  res_ = {};
  to_wire(std::move(res), 11, false, false, res_);
  stream_.expires_after(options_.timeout);
  bhttp::async_write(stream_, res_,
                     beast::bind_front_handler(&Session::on_write, shared_from_this(), true));
}

void Session::on_write(bool linger_after, beast::error_code ec, std::size_t) {
  if (ec) return;
  if (linger_after) return linger();
  if (!res_.keep_alive()) return close();
  read_request();
}

void Session::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// Half-closes and reads what the client still sends (its oversized body,
// say) for a short while, so it sees the error reply rather than a reset.
void Session::linger() {
  close();
  drained_ = 0;
  stream_.expires_after(std::min<std::chrono::seconds>(options_.timeout, kMaxLinger));
  drain();
}

void Session::drain() {
  stream_.async_read_some(buffer_.prepare(16 * 1024),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->drained_ += n;
                            if (!ec && self->drained_ < kMaxDrain) self->drain();
                          });
}

}  // namespace convene::http::detail
