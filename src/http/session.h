// One HTTP/1.1 connection (private to convene_http): reads requests with the
// server's limits and timeout, hands each to the Router, writes responses.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "convene/http/router.h"
#include "convene/http/server.h"

namespace convene::http::detail {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// A connection's executor: a strand of the server's io_context, named
// exactly (not type-erased) so that no operation pays for erasure.
using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;
using Stream = beast::basic_stream<tcp, Strand, beast::unlimited_rate_policy>;
using Socket = Stream::socket_type;

// Builds a Request from a parsed Beast request, moving its body.
Request from_wire(bhttp::request<bhttp::string_body>& req);

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `router` and `options` must outlive the session. `ticket` is kept as
  // long as the session lives (the server counts connections with it).
  Session(Socket socket, const Router& router, const ServerOptions& options, std::shared_ptr<void> ticket = {});
  void start();
  // Answers `res` at once without reading a request, then closes.
  void refuse(Response res);

 private:
  void read_request();
  void on_header(beast::error_code ec, std::size_t bytes);
  void read_body();
  void on_read(beast::error_code ec, std::size_t bytes);
  void handle();
  void reject(Response res);
  void reject_too_large();
  void send(Response& res, unsigned minor, bool keep_alive, bool head_request, bool linger);
  void on_write(bool linger, beast::error_code ec, std::size_t bytes);
  void close();
  void linger();
  void drain();

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string head_;  // the response's status line and headers, reused
  std::string body_;  // the response's body while it is written
  bool keep_alive_ = false;
  const Router& router_;
  const ServerOptions& options_;
  std::size_t drained_ = 0;
  std::shared_ptr<void> ticket_;
};

}  // namespace convene::http::detail
