#include "context.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace convene::web {

namespace {

std::size_t size_of(const std::string& key, const http::Response& r) {
  std::size_t n = key.size() + r.body.size() + r.content_type.size() + 64;
  for (const auto& [name, value] : r.headers) n += name.size() + value.size();
  return n;
}

}  // namespace

std::optional<http::Response> PageCache::get(const std::string& key, std::uint64_t generation) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return std::nullopt;
  uses_.splice(uses_.begin(), uses_, it->second.use);
  return it->second.response;
}

void PageCache::put(const std::string& key, std::uint64_t generation, const http::Response& r) {
  const std::size_t n = size_of(key, r);
  std::lock_guard lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) erase(it);
  if (n > max_bytes_ / 4) return;
  make_room(n, generation);
  uses_.push_front(key);
  entries_.emplace(key, Entry{generation, r, n, uses_.begin()});
  bytes_ += n;
}

std::size_t PageCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

std::size_t PageCache::entries() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void PageCache::erase(std::unordered_map<std::string, Entry>::iterator it) {
  bytes_ -= it->second.bytes;
  uses_.erase(it->second.use);
  entries_.erase(it);
}

void PageCache::make_room(std::size_t wanted, std::uint64_t generation) {
  if (bytes_ + wanted <= max_bytes_) return;
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    if (it->second.generation != generation) erase(it);
    it = next;
  }
  while (bytes_ + wanted > max_bytes_ && !uses_.empty()) erase(entries_.find(uses_.back()));
}

bool anonymous(const http::Request& req) {
  return req.header("authorization").empty() && req.cookie(kSessionCookie).empty();
}

http::Response cached(Context& ctx, const http::Request& req, const std::string& key,
                      const std::function<http::Response()>& render) {
  if (!anonymous(req)) return render();
  auto generation = ctx.store.generation();  // read before rendering: never newer than the page
  if (auto hit = ctx.cache.get(key, generation)) return *hit;
  http::Response r = render();
  if (r.status == 200) ctx.cache.put(key, generation, r);
  return r;
}

namespace {

// The holder of a live token, and whether its last use is worth writing
// (older than kTokenUseInterval).
struct TokenCheck {
  std::optional<Person> person;
  bool note_use = false;
};

Caller by_token(Context& ctx, const std::string& token) {
  const std::string digest = token_digest(token);
  auto check = in_read<TokenCheck>(ctx, [&](Repositories& r) -> Result<TokenCheck> {
    auto p = r.people().by_token(digest, ctx.now());
    if (!p) return p.error();
    if (!*p) return TokenCheck{};
    auto t = r.people().token(digest);
    if (!t) return t.error();
    bool stale = !*t || !(*t)->last_used_at || *(*t)->last_used_at <= ctx.now() - kTokenUseInterval;
    return TokenCheck{*p, stale};
  });
  Caller caller;
  if (check) caller.person = check->person;
  caller.bad_token = !caller.person;
  // Best effort: a failed write of the last use does not refuse the request.
  if (check && check->note_use)
    (void)in_write<Ok>(ctx, [&](Repositories& r) { return r.people().note_token_use(digest, ctx.now()); });
  return caller;
}

Caller by_cookie(Context& ctx, const std::string& cookie) {
  Caller caller;
  auto ws = in_read<std::optional<WebSession>>(
      ctx, [&](Repositories& r) { return r.people().web_session(token_digest(cookie)); });
  if (ws && *ws && (*ws)->expires_at > ctx.now()) {
    caller.person = (*ws)->person;
    caller.csrf = (*ws)->csrf;
  }
  return caller;
}

// The bearer token of the Authorization header (perhaps empty), if it has one.
std::optional<std::string> bearer(const http::Request& req) {
  std::string auth = req.header("authorization");
  if (auth.starts_with("Bearer ") || auth.starts_with("bearer ")) return auth.substr(7);
  return std::nullopt;
}

}  // namespace

Caller identify(Context& ctx, const http::Request& req) {
  if (auto token = bearer(req)) return by_token(ctx, *token);
  std::string cookie = req.cookie(kSessionCookie);
  if (cookie.empty()) return {};
  return by_cookie(ctx, cookie);
}

std::string session_digest(const http::Request& req) {
  std::string cookie = req.cookie(kSessionCookie);
  return !bearer(req) && !cookie.empty() ? token_digest(cookie) : "";
}

Result<Person> api_person(Context& ctx, const http::Request& req) {
  Caller c = identify(ctx, req);
  if (c.bad_token) return unauthorized("the bearer token is not valid");
  if (!c.person) return unauthorized("sign in first: send 'Authorization: Bearer TOKEN' (convene token create)");
  if (!c.csrf.empty() && !same_secret(req.header("x-csrf-token"), c.csrf))
    return forbidden("a browser session must send its CSRF token in the X-CSRF-Token header");
  return *c.person;
}

Result<Person> form_person(const Caller& c, const std::map<std::string, std::string>& form) {
  if (!c.person) return unauthorized("sign in first");
  auto it = form.find("csrf");
  if (c.csrf.empty() || it == form.end() || !same_secret(it->second, c.csrf))
    return forbidden("the form's CSRF token does not match your session; reload the page and try again");
  return *c.person;
}

std::string form_field(const std::map<std::string, std::string>& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

nlohmann::json form_number(const std::string& text) {
  long long n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc() && p == text.data() + text.size() && !text.empty()) return n;
  return text;
}

}  // namespace convene::web
