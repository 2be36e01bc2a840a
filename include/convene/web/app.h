// The convene web application: the JSON API under /api/v1, the HTML pages
// (readable without JavaScript) and the Markdown exports, as one explicit
// route table over a Store. Handlers are pure functions of the request and
// the store; the HTTP server (convene/http/server.h) does the I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "convene/core/time.h"
#include "convene/http/router.h"
#include "convene/store/store.h"

namespace convene::web {

struct AppOptions {
  // Adds "Secure" to session cookies (set when served behind HTTPS).
  bool secure_cookies = false;
  // The clock; tests pass a fixed one.
  std::function<UnixSeconds()> clock = now_utc;
  // Where readers reach this server ("https://convene.example.org"), for the
  // absolute links of calendar feeds. Never taken from a request header.
  std::string public_url = "http://127.0.0.1:8080";
  // The most the cache of anonymous pages holds, in bytes (bodies, headers
  // and keys). A page bigger than a quarter of it is rendered each time.
  std::size_t page_cache_bytes = 64u << 20;
};

class App {
 public:
  // REQUIRES: store outlives the App.
  App(Store& store, AppOptions options = {});
  ~App();
  const http::Router& router() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace convene::web
