// Test support: a real HTTP client (libcurl) and a convene server running on
// a loopback port with a fresh database (SQLite, or PostgreSQL when the run
// chose it: convene/testing/test_database.h), for end-to-end tests.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "convene/http/server.h"
#include "convene/store/store.h"
#include "convene/testing/test_database.h"
#include "convene/web/app.h"

namespace convene::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; last value wins
  std::string set_cookie;                      // the Set-Cookie header, if any
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Every text in `html` that follows `prefix` up to the next double quote,
// in order: quoted_after(page, "href=\"") gives the links of a page.
std::vector<std::string> quoted_after(const std::string& html, const std::string& prefix);

// The CSRF token of the first form in `html`, or "" when there is none.
std::string csrf_of(const std::string& html);

// Sends one request. `headers` are "Name: value" lines.
HttpResult http_request(const std::string& method, const std::string& url, const std::string& body = "",
                        const std::vector<std::string>& headers = {});

// Saves a person with roles (password "password123" unless given) and
// returns a new API token for them.
std::string token_for(Store& store, const std::string& email, const std::vector<std::string>& roles,
                      const std::string& password = "password123", UnixSeconds now = now_utc());

// One `convene serve` process's worth on a database location: its own
// store (pool, cache, generation), app and HTTP server. Two on one location
// behave as two servers behind a proxy.
class ServerNode {
 public:
  explicit ServerNode(const std::string& location, int threads = 8);
  ~ServerNode();
  std::string url(const std::string& path) const;
  Store& store() { return *store_; }

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<web::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

class TestServer {
 public:
  explicit TestServer(UnixSeconds now);
  // A server on a copy of the database at `copy_of` (a --db location, e.g.
  // another TestServer's location()): store::copy_database, on either backend.
  TestServer(UnixSeconds now, const std::string& copy_of);
  ~TestServer();
  std::string url(const std::string& path) const;
  // The database's --db location, for copies and describe_database.
  const std::string& location() const { return db_.location(); }
  Store& store() { return *store_; }
  // Creates a person with roles and returns an API token for them.
  std::string token_for(const std::string& email, const std::vector<std::string>& roles,
                        const std::string& password = "password123");

  HttpResult get(const std::string& path, const std::string& token = "");
  HttpResult post(const std::string& path, const nlohmann::json& body, const std::string& token = "");

  UnixSeconds now;

 private:
  TestDatabase db_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<web::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace convene::testing
