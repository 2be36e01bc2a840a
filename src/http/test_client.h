// Test helpers: a server running on 127.0.0.1 in a background thread, and a
// blocking client on a plain socket (with receive timeouts, so a broken
// server fails a test instead of hanging it) that parses replies with Beast.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <thread>

#include "convene/http/server.h"

namespace convene::http::testing {

// Runs a Server on 127.0.0.1 and a free port until destroyed.
class RunningServer {
 public:
  RunningServer(ServerOptions options, const Router& router);
  ~RunningServer();
  unsigned short port() const { return server_.port(); }

 private:
  Server server_;
  std::thread thread_;
};

struct Reply {
  bool ok = false;  // a whole reply was parsed
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; repeats joined by "\n"
  std::string body;
  std::string header(const std::string& name) const;
};

class Connection {
 public:
  // Connects to 127.0.0.1:port; reads time out after `timeout`.
  explicit Connection(unsigned short port, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool send(std::string_view bytes);
  // Reads one reply (for a HEAD request pass head = true: no body follows).
  Reply read_reply(bool head = false);
  // Sends a request with Host and, for a body, Content-Length, and reads the reply.
  Reply request(std::string_view method, std::string_view target, std::string_view body = "",
                std::string_view extra_headers = "");
  // Reads until the server closes the connection (true) or the read times out
  // (false); what was read is appended to *received when given.
  bool wait_closed(std::string* received = nullptr);

 private:
  int fd_ = -1;
  std::string pending_;  // bytes received but not yet parsed
};

}  // namespace convene::http::testing
