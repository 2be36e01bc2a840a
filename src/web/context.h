// Shared state of the web handlers: the store, the options, the page cache,
// who is calling, and how a handler runs a service in one transaction.
#pragma once

#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "convene/auth/auth.h"
#include "convene/auth/sign_in_limits.h"
#include "convene/http/message.h"
#include "convene/store/store.h"
#include "convene/web/app.h"

namespace convene::web {

inline constexpr const char* kSessionCookie = "convene_session";
inline constexpr UnixSeconds kSessionSeconds = 14 * 24 * 3600;

// Rendered anonymous pages, valid while the store's generation is unchanged,
// bounded by bytes (bodies, header values and keys counted). When a new page
// does not fit, pages of older generations go first, then the least
// recently used. A page bigger than a quarter of the limit is not kept.
class PageCache {
 public:
  explicit PageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  std::optional<http::Response> get(const std::string& key, std::uint64_t generation);
  void put(const std::string& key, std::uint64_t generation, const http::Response& r);
  std::size_t bytes() const;    // what the kept pages take now
  std::size_t entries() const;  // how many pages are kept

 private:
  struct Entry {
    std::uint64_t generation;
    http::Response response;
    std::size_t bytes;
    std::list<std::string>::iterator use;  // its place in uses_, most recent first
  };
  void erase(std::unordered_map<std::string, Entry>::iterator it);
  void make_room(std::size_t wanted, std::uint64_t generation);

  mutable std::mutex mu_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> uses_;
};

// Failed sign-ins per address and account, and how many password hashes
// run at once (the rest of the server's threads stay free).
struct SignInLimits {
  LoginThrottle throttle{};
  HashGate gate{HashGate::default_slots()};
};

struct Context {
  Store& store;
  AppOptions options;
  PageCache cache{options.page_cache_bytes};
  SignInLimits sign_in{};

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

// The digest of the web session a request is made in: "" when it signs in
// with a bearer token (which identify prefers) or has no session cookie.
std::string session_digest(const http::Request& req);

// The signed-in person of an API call, or unauthorized.
Result<Person> api_person(Context& ctx, const http::Request& req);

// For form POSTs: the signed-in person of `caller` (identify()), when the
// form's "csrf" field matches the session's token. Errors: unauthorized (no
// session), forbidden (bad CSRF).
Result<Person> form_person(const Caller& caller, const std::map<std::string, std::string>& form);

// A form's field, or "" when the form has none.
std::string form_field(const std::map<std::string, std::string>& form, const std::string& name);
// A number typed in a form: the integer when the whole text is one, else the
// text itself (the domain reader then says what is wrong with it).
nlohmann::json form_number(const std::string& text);

// True when the request carries no credentials (no Authorization header, no
// session cookie): only such requests may be served from, or fill, the cache.
bool anonymous(const http::Request& req);

// For an anonymous request: the cached response for `key` while the store is
// unchanged; otherwise renders it, and keeps it when it is a 200. A request
// with credentials is always rendered afresh and never cached. `key` must
// name everything the rendering depends on (path and the query parameters
// the handler reads), never the raw query string.
http::Response cached(Context& ctx, const http::Request& req, const std::string& key,
                      const std::function<http::Response()>& render);

// Runs fn in one read snapshot / one write transaction and returns its
// Result; a write whose fn returns an Error is rolled back whole.
template <class T>
Result<T> in_read(Context& ctx, const std::function<Result<T>(Repositories&)>& fn) {
  std::optional<Result<T>> out;
  Status s = ctx.store.read([&](Repositories& r) {
    out.emplace(fn(r));
    return ok_status();
  });
  if (!s) return s.error();
  return std::move(*out);
}
template <class T>
Result<T> in_write(Context& ctx, const std::function<Result<T>(Repositories&)>& fn) {
  std::optional<Result<T>> out;
  Status s = ctx.store.write([&](Repositories& r) {
    out.emplace(fn(r));
    return out->ok() ? ok_status() : Status(out->error());
  });
  if (!s && (!out || out->ok())) return s.error();  // the commit itself failed
  return std::move(*out);
}

}  // namespace convene::web
