// The HTTP/1.1 server (Boost.Beast): accepts, reads with a body limit and a
// timeout, hands each request to the Router, writes the response. Keep-alive
// is supported. It knows nothing of the application.
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
  std::chrono::seconds timeout{15};      // a client slower than this is dropped
  int threads = 0;                       // 0: one per core
};

class Server {
 public:
  // Binds and listens at once. Throws std::runtime_error naming the address
  // if it cannot bind.
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // the bound port
  void run();                   // serves until stop(); blocks
  void stop();                  // thread-safe; run() returns soon after

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convene::http
