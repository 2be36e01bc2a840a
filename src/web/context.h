// Shared state of the web handlers and the helpers that identify the caller.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "convene/auth/auth.h"
#include "convene/http/message.h"
#include "convene/store/store.h"
#include "convene/web/app.h"

namespace convene::web {

inline constexpr const char* kSessionCookie = "convene_session";
inline constexpr UnixSeconds kSessionSeconds = 14 * 24 * 3600;

// Rendered public pages, valid while the store's generation is unchanged.
class PageCache {
 public:
  std::optional<http::Response> get(const std::string& key, std::uint64_t generation);
  void put(const std::string& key, std::uint64_t generation, const http::Response& r);

 private:
  struct Entry {
    std::uint64_t generation;
    http::Response response;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

struct Context {
  Store& store;
  AppOptions options;
  PageCache cache;

  UnixSeconds now() const { return options.clock(); }
};

// Who is calling. API requests authenticate with "Authorization: Bearer
// TOKEN"; browsers with the session cookie (and must send the session's CSRF
// token with every form).
struct Caller {
  std::optional<Person> person;
  std::string csrf;         // the web session's CSRF token ("" for bearer/anonymous)
  bool bad_token = false;   // a bearer token was given but is not valid
};

Caller identify(Context& ctx, const http::Request& req);

// The signed-in person of an API call, or unauthorized.
Result<Person> api_person(Context& ctx, const http::Request& req);

// For form POSTs: the person of the session whose CSRF token matches the
// form's "csrf" field. Errors: unauthorized (no session), forbidden (bad CSRF).
Result<Person> form_person(Context& ctx, const http::Request& req,
                           const std::map<std::string, std::string>& form);

// The cached response for `key` while the store is unchanged; otherwise
// renders it, and keeps it when it is a 200.
http::Response cached(Context& ctx, const std::string& key, const std::function<http::Response()>& render);

// Writes an audit entry in the current transaction.
void audit(Repo& repo, UnixSeconds at, const Person& who, std::string action, std::string object,
           const nlohmann::json& detail);

}  // namespace convene::web
