#include "session.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>

#include "wire.h"

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

Session::Session(Socket socket, const Router& router, const ServerOptions& options, std::shared_ptr<void> ticket)
    : stream_(std::move(socket)), router_(router), options_(options), ticket_(std::move(ticket)) {}

void Session::start() {
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&Session::read_request, shared_from_this()));
}

void Session::refuse(Response res) {
  net::dispatch(stream_.get_executor(),
                [self = shared_from_this(), res = std::move(res)]() mutable { self->reject(std::move(res)); });
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
  if (ec == bhttp::error::body_limit) return reject_too_large();
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
  unsigned minor = wire.version() % 10;
  Request req = from_wire(wire);
  beast::error_code ec;
  auto peer = stream_.socket().remote_endpoint(ec);
  if (!ec) req.remote_address = peer.address().to_string();
  // Text a handler reads must be UTF-8: refuse it here, before any handler.
  Status encoded = check_encoding(req);
  Response res = encoded ? router_.handle(req) : router_.render_error(req, encoded.error(), 400);
  send(res, minor, keep_alive, req.method == Method::head, false);
}

// The headers were read whole: the router renders the error for the
// request's reader (a page for a browser) when they are well-formed text.
void Session::reject_too_large() {
  Error e{"too_large", "request body is larger than the limit of " + std::to_string(options_.body_limit) + " bytes",
          ErrorKind::too_large};
  Request req = from_wire(parser_->get());
  req.body.clear();
  reject(check_encoding(req) ? router_.render_error(req, e, status_for(e.kind)) : error(e));
}

void Session::reject(Response res) { send(res, 1, false, false, true); }

void Session::send(Response& res, unsigned minor, bool keep_alive, bool head_request,
                   bool linger_after) {
  keep_alive_ = keep_alive;
  bool with_body = write_head(res, minor, keep_alive, head_request, head_);
  body_ = with_body ? std::move(res.body) : std::string();
  std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_)};
  stream_.expires_after(options_.timeout);
  net::async_write(stream_, buffers,
                   beast::bind_front_handler(&Session::on_write, shared_from_this(), linger_after));
}

void Session::on_write(bool linger_after, beast::error_code ec, std::size_t) {
  if (ec) return;
  if (linger_after) return linger();
  if (!keep_alive_) return close();
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
