// The caller's API tokens and password (issue 10, item 7): list, create
// (the secret is shown once, in the answer), revoke; change the password,
// which ends every other session and every token of the caller. The
// secretariat lists and revokes anyone's tokens with ?email=.
#include "account.h"
#include "api_support.h"
#include "convene/auth/tokens.h"
#include "convene/meeting/json_fields.h"

namespace convene::web {

namespace jf = json_fields;
using nlohmann::json;

namespace {

json time_or_null(const std::optional<UnixSeconds>& t) { return t ? json(format_utc(*t)) : json(nullptr); }

json token_json(const ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", format_utc(t.created_at)},
          {"expires_at", time_or_null(t.expires_at)},
          {"last_used_at", time_or_null(t.last_used_at)}};
}

// Whose tokens a call manages: the caller's, or those of ?email= for the
// secretariat (forbidden for anyone else).
Result<std::string> owner(const Person& who, const Request& req) {
  std::string email = query(req, "email");
  if (email.empty()) return who.email;
  if (auto st = may_manage_tokens(who, email); !st) return st.error();
  return email;
}

}  // namespace

Result<TokenRequest> token_request_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto name = jf::text(body, "name", {.max_chars = kMaxTokenName});
  if (!name) return name.error();
  auto days = jf::optional_integer(body, "expires_in_days", 1, kMaxTokenDays, 0);
  if (!days) return days.error();
  TokenRequest request{*name, std::nullopt};
  if (*days) request.expires_in_days = static_cast<int>(*days);
  if (auto st = check_token_request(request); !st) return st.error();
  return request;
}

Result<PasswordChange> password_change_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto current = jf::text(body, "current", {.max_chars = 1024});
  if (!current) return current.error();
  auto fresh = jf::text(body, "new", {.max_chars = 1024});
  if (!fresh) return fresh.error();
  return PasswordChange{*current, *fresh};
}

Status change_password_checked(Context& ctx, const Request& req, const Person& who, const PasswordChange& change) {
  if (ctx.sign_in.throttle.wait_seconds(req.remote_address, who.email, ctx.now()) > 0)
    return unavailable("too_many_attempts", "too many wrong passwords; try again later");
  auto permit = ctx.sign_in.gate.try_enter();
  if (!permit) return unavailable("busy", "the server is busy checking passwords; try again");
  // The Argon2 work (checking the current password, hashing the new one)
  // runs between a read and the write, never inside the write.
  auto stored = in_read<std::optional<std::string>>(ctx, [&](Repositories& r) { return r.people().password_hash(who.email); });
  if (!stored) return stored.error();
  auto fresh = new_password_hash(*stored, who.email, change.current, change.fresh);
  permit.reset();
  if (!fresh && fresh.error().code == "wrong_password") ctx.sign_in.throttle.failed(req.remote_address, who.email, ctx.now());
  if (!fresh) return fresh.error();
  auto done = in_write<Ok>(ctx, [&](Repositories& r) -> Result<Ok> {
    Status st = replace_password(r.people(), r.audit(), who, stored->value_or(""), *fresh, session_digest(req), ctx.now());
    if (!st) return st.error();
    return Ok{};
  });
  if (!done) return done.error();
  return ok_status();
}

Response api_list_my_tokens(Context& ctx, const Request& req) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  auto email = owner(*who, req);
  if (!email) return http::error(email.error());
  auto tokens = in_read<std::vector<ApiToken>>(ctx, [&](Repositories& r) { return list_tokens(r.people(), *email); });
  if (!tokens) return http::error(tokens.error());
  json out = json::array();
  for (const auto& t : *tokens) out.push_back(token_json(t));
  return http::json(200, {{"tokens", out}});
}

Response api_create_my_token(Context& ctx, const Request& req) {
  return with_input(ctx, req, token_request_from_json, [&](const Person& who, const TokenRequest& request) {
    std::string secret = random_token();
    auto made = in_write<ApiToken>(ctx, [&](Repositories& r) {
      return create_token(r.people(), r.audit(), who.email, who.email, request, token_digest(secret), ctx.now());
    });
    if (!made) return http::error(made.error());
    json out = token_json(*made);
    out["token"] = secret;
    return http::json(201, out);
  });
}

Response api_revoke_my_token(Context& ctx, const Request& req) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  auto email = owner(*who, req);
  if (!email) return http::error(email.error());
  auto id = parse_id(req.param("id"), "token");
  if (!id) return http::error(id.error());
  auto done = in_write<Ok>(ctx, [&](Repositories& r) {
    return revoke_token(r.people(), r.audit(), who->email, *email, *id, ctx.now());
  });
  if (!done) return http::error(done.error());
  return http::json(200, {{"revoked", *id}});
}

// Wrong current passwords count as failed sign-ins (the same throttle), so
// a borrowed session cannot guess the password quickly.
Response api_change_my_password(Context& ctx, const Request& req) {
  return with_input(ctx, req, password_change_from_json, [&](const Person& who, const PasswordChange& change) {
    auto done = change_password_checked(ctx, req, who, change);
    if (!done && done.error().code == "too_many_attempts") {
      const auto wait = ctx.sign_in.throttle.wait_seconds(req.remote_address, who.email, ctx.now());
      return http::error(done.error()).with_header("Retry-After", std::to_string(wait));
    }
    if (!done) return http::error(done.error());
    return http::json(200, {{"changed", true}});
  });
}

}  // namespace convene::web
