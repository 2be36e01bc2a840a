// The HTTP/1.1 server (Boost.Beast): accepts, reads with a body limit and a
// timeout, hands each request to the Router, writes the response. Keep-alive
// is supported. It knows nothing of the application.
//
// Every response gets "Server: convene", a Date, and these unless the
// handler set the same header itself: X-Content-Type-Options: nosniff,
// Referrer-Policy: same-origin, X-Frame-Options: DENY and
// Content-Security-Policy: default-src 'self'; frame-ancestors 'none'.
// Content-Length, Transfer-Encoding and Connection are the server's: a
// handler's own are ignored; CR/LF in a handler's header values become spaces.
// A HEAD response keeps the GET response's Content-Length without the body.
// A 429 or 503 response gets "Retry-After: 1" unless the handler set one.
// A request whose decoded path, query, header values, body or (for a form
// body) decoded fields are not well-formed UTF-8 gets 400 "bad_encoding"
// naming where, and no handler sees it (see check_encoding in message.h).
// Each Request carries the peer's address in remote_address.
// One address may hold at most connections_per_address open connections; a
// connection over the cap gets 503 "too_many_connections" and is closed.
// A request whose body exceeds body_limit gets 413 "too_large", headers over
// header_limit 431 "headers_too_large", a malformed request 400
// "bad_request"; each closes the connection. "Expect: 100-continue" is
// answered. A connection must deliver each whole request (headers and body)
// within `timeout` of the previous response (or of connecting), and read each
// response within `timeout`, or it is closed without an answer.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "convene/http/router.h"

namespace convene::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;            // 0: pick a free port (see Server::port)
  std::size_t body_limit = 1 << 20;      // bigger bodies get 413 "too_large"
  std::size_t header_limit = 16 * 1024;  // bigger request heads get 431
  std::chrono::seconds timeout{15};      // a client slower than this is dropped
  int threads = 0;                       // 0: one per core
  std::size_t connections_per_address = 64;  // open connections one peer address may hold
};

class Server {
 public:
  // Binds and listens at once. Throws std::runtime_error naming the address
  // if it cannot bind. REQUIRES: `router` outlives the server and is not
  // changed while it serves; its handlers are called concurrently from up to
  // `threads` threads.
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // the bound port
  // Serves on `threads` threads (the caller's and threads - 1 more) until
  // stop(); blocks. A stopped server does not serve again: run() returns
  // at once. Exceptions escaping a handler never reach here (see Router).
  void run();
  // Thread-safe, also from a handler or before run(); run() returns soon
  // after (requests in progress are abandoned). REQUIRES: run() has
  // returned before the server is destroyed.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convene::http
