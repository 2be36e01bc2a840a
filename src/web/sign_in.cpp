// Web sign-in: a form that checks the Argon2id hash and sets an HttpOnly,
// SameSite=Lax session cookie; the session carries a CSRF token for forms.
#include <nlohmann/json.hpp>

#include "convene/auth/service.h"
#include "html.h"
#include "handlers.h"
#include "urls.h"

namespace convene::web {
namespace {

// Only local paths (local_path): never redirect off-site after signing in.
std::string safe_next(const std::string& next) { return local_path(next) ? next : "/"; }

std::string session_cookie(const Context& ctx, const std::string& value, long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                  std::to_string(max_age);
  if (ctx.options.secure_cookies) c += "; Secure";
  return c;
}

Response login_form(const Caller& caller, const nlohmann::json& data, int status) {
  return page(caller, Place{"Sign in", "", {}}, render_template("login", data), status);
}

// The person and password hash for `email` (both empty when unknown).
Result<std::pair<std::optional<Person>, std::optional<std::string>>> account(Context& ctx, const std::string& email) {
  using Account = std::pair<std::optional<Person>, std::optional<std::string>>;
  return in_read<Account>(ctx, [&](Repositories& r) -> Result<Account> {
    auto person = r.people().by_email(email);
    if (!person) return person.error();
    auto hash = r.people().password_hash(email);
    if (!hash) return hash.error();
    return Account{*person, *hash};
  });
}

}  // namespace

Response login_page(Context& ctx, const Request& req) {
  auto next = req.query.count("next") ? req.query.at("next") : "/";
  return login_form(identify(ctx, req), {{"next", safe_next(next)}, {"email", ""}}, 200);
}

// Throttled per address and account (429), at most a few password hashes
// at once (503 when all are busy), and the same work for an unknown e-mail
// as for a wrong password.
Response login_post(Context& ctx, const Request& req) {
  auto form = http::parse_form(req.body);
  std::string email = form["email"], password = form["password"], next = safe_next(form["next"]);
  auto refuse = [&](const char* why, int status) {
    return login_form(Caller{}, {{"next", next}, {"email", email}, {"error", why}}, status);
  };
  if (auto wait = ctx.sign_in.throttle.wait_seconds(req.remote_address, email, ctx.now()); wait > 0)
    return refuse("Too many failed sign-ins; try again later.", 429).with_header("Retry-After", std::to_string(wait));
  auto found = account(ctx, email);
  if (!found) return error_page(Caller{}, found.error());
  const auto& [person, hash] = *found;
  auto permit = ctx.sign_in.gate.try_enter();
  if (!permit) return refuse("The server is busy signing others in; try again in a moment.", 503);
  if (!verify_password_or_dummy(hash, password) || !person) {
    ctx.sign_in.throttle.failed(req.remote_address, email, ctx.now());
    return refuse("Unknown e-mail or wrong password.", 401);
  }
  permit.reset();
  ctx.sign_in.throttle.succeeded(email);
  std::string token = random_token(), csrf = random_token();
  auto signed_in = in_write<Ok>(ctx, [&](Repositories& r) {
    return start_session(r.people(), r.audit(), *person, token_digest(token), csrf, ctx.now() + kSessionSeconds,
                         ctx.now());
  });
  if (!signed_in) return error_page(Caller{}, signed_in.error());
  return http::redirect(next).with_header("Set-Cookie", session_cookie(ctx, token, kSessionSeconds));
}

Response logout_post(Context& ctx, const Request& req) {
  auto form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  auto done = in_write<Ok>(ctx, [&](Repositories& r) {
    return r.people().delete_web_session(token_digest(req.cookie(kSessionCookie)));
  });
  if (!done) return error_page(caller, done.error());
  return http::redirect("/").with_header("Set-Cookie", session_cookie(ctx, "", 0));
}

}  // namespace convene::web
