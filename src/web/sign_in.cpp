// Web sign-in: a form that checks the Argon2id hash and sets an HttpOnly,
// SameSite=Lax session cookie; the session carries a CSRF token for forms.
#include <memory>

#include <nlohmann/json.hpp>

#include "convene/auth/sign_in_limits.h"

#include "html.h"
#include "routes.h"

namespace convene::web {
namespace {

using http::Method;
using http::Request;
using http::Response;

const char* kLoginForm = R"(
<form method="post" action="/login" class="card">
  {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
  <input type="hidden" name="next" value="{{next}}">
  <label>E-mail <input type="email" name="email" value="{{email}}" required autocomplete="username"></label>
  <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>)";

// Only local paths: never redirect off-site after signing in.
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next.find('\\') == std::string::npos) return next;
  return "/";
}

std::string session_cookie(const Context& ctx, const std::string& value, long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                  std::to_string(max_age);
  if (ctx.options.secure_cookies) c += "; Secure";
  return c;
}

Response login_page(const Caller& caller, const nlohmann::json& data, int status) {
  return page(caller, "Sign in", render_template(kLoginForm, data), status);
}

// Per App: failed sign-ins per address and account, and how many password
// hashes run at once (the rest of the server's threads stay free).
struct SignInLimits {
  LoginThrottle throttle;
  HashGate gate{HashGate::default_slots()};
};

}  // namespace

void add_sign_in_routes(http::Router& router, Context& ctx) {
  router.add(Method::get, "/login", [&ctx](const Request& req) {
    auto next = req.query.count("next") ? req.query.at("next") : "/";
    return login_page(identify(ctx, req), {{"next", safe_next(next)}, {"email", ""}}, 200);
  });

  router.add(Method::post, "/login", [&ctx, limits = std::make_shared<SignInLimits>()](const Request& req) {
    auto form = http::parse_form(req.body);
    std::string email = form["email"], password = form["password"], next = safe_next(form["next"]);
    auto refuse = [&](const char* why, int status) {
      return login_page(Caller{}, {{"next", next}, {"email", email}, {"error", why}}, status);
    };
    if (auto wait = limits->throttle.wait_seconds(req.remote_address, email, ctx.now()); wait > 0)
      return refuse("Too many failed sign-ins; try again later.", 429).with_header("Retry-After", std::to_string(wait));
    std::optional<std::string> hash;
    std::optional<Person> person;
    Status read = ctx.store.read([&](Repo& r) {
      hash = r.password_hash(email);
      person = r.person_by_email(email);
      return ok_status();
    });
    if (!read) return error_page(Caller{}, read.error());
    auto permit = limits->gate.try_enter();
    if (!permit) return refuse("The server is busy signing others in; try again in a moment.", 503);
    if (!verify_password_or_dummy(hash, password)) {
      limits->throttle.failed(req.remote_address, email, ctx.now());
      return refuse("Unknown e-mail or wrong password.", 401);
    }
    permit.reset();
    limits->throttle.succeeded(email);
    std::string token = random_token(), csrf = random_token();
    ctx.store.write([&](Repo& r) {
      r.add_web_session(token_digest(token), person->id, csrf, ctx.now() + kSessionSeconds);
      r.audit({0, ctx.now(), email, "session.sign_in", "person:" + email, "{}"});
      return ok_status();
    });
    return http::redirect(next).with_header("Set-Cookie", session_cookie(ctx, token, kSessionSeconds));
  });

  router.add(Method::post, "/logout", [&ctx](const Request& req) {
    auto form = http::parse_form(req.body);
    auto who = form_person(ctx, req, form);
    if (!who) return error_page(identify(ctx, req), who.error());
    ctx.store.write([&](Repo& r) {
      r.delete_web_session(token_digest(req.cookie(kSessionCookie)));
      return ok_status();
    });
    return http::redirect("/").with_header("Set-Cookie", session_cookie(ctx, "", 0));
  });
}

}  // namespace convene::web
