#include "context.h"

#include <nlohmann/json.hpp>

namespace convene::web {

std::optional<http::Response> PageCache::get(const std::string& key, std::uint64_t generation) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return std::nullopt;
  return it->second.response;
}

void PageCache::put(const std::string& key, std::uint64_t generation, const http::Response& r) {
  std::lock_guard lock(mu_);
  if (entries_.size() > 4096) entries_.clear();
  entries_[key] = {generation, r};
}

http::Response cached(Context& ctx, const std::string& key, const std::function<http::Response()>& render) {
  auto generation = ctx.store.generation();  // read before rendering: never newer than the page
  if (auto hit = ctx.cache.get(key, generation)) return *hit;
  http::Response r = render();
  if (r.status == 200) ctx.cache.put(key, generation, r);
  return r;
}

Caller identify(Context& ctx, const http::Request& req) {
  Caller caller;
  std::string auth = req.header("authorization");
  if (auth.starts_with("Bearer ") || auth.starts_with("bearer ")) {
    std::string digest = token_digest(auth.substr(7));
    ctx.store.read([&](Repo& r) {
      caller.person = r.person_by_token(digest);
      return ok_status();
    });
    caller.bad_token = !caller.person;
    return caller;
  }
  std::string cookie = req.cookie(kSessionCookie);
  if (cookie.empty()) return caller;
  std::string digest = token_digest(cookie);
  ctx.store.read([&](Repo& r) {
    auto ws = r.web_session(digest);
    if (ws && ws->expires_at > ctx.now()) {
      caller.person = ws->person;
      caller.csrf = ws->csrf;
    }
    return ok_status();
  });
  return caller;
}

Result<Person> api_person(Context& ctx, const http::Request& req) {
  Caller c = identify(ctx, req);
  if (c.bad_token) return unauthorized("the bearer token is not valid");
  if (!c.person) return unauthorized("sign in first: send 'Authorization: Bearer TOKEN' (convene token create)");
  if (!c.csrf.empty() && !same_secret(req.header("x-csrf-token"), c.csrf))
    return forbidden("a browser session must send its CSRF token in the X-CSRF-Token header");
  return *c.person;
}

Result<Person> form_person(Context& ctx, const http::Request& req,
                           const std::map<std::string, std::string>& form) {
  Caller c = identify(ctx, req);
  if (!c.person) return unauthorized("sign in first");
  auto it = form.find("csrf");
  if (c.csrf.empty() || it == form.end() || !same_secret(it->second, c.csrf))
    return forbidden("the form's CSRF token does not match your session; reload the page and try again");
  return *c.person;
}

void audit(Repo& repo, UnixSeconds at, const Person& who, std::string action, std::string object,
           const nlohmann::json& detail) {
  repo.audit({0, at, who.email, std::move(action), std::move(object), detail.dump()});
}

}  // namespace convene::web
