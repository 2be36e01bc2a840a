// The profile page's forms (issue 13, item 2): make and revoke API tokens,
// change the password. Each form becomes the API's JSON body, read by the
// same reader, and the same use case runs.
#include "account.h"
#include "api_support.h"
#include "html.h"

namespace convene::web {

using nlohmann::json;
using Form = std::map<std::string, std::string>;

Response token_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    json body = {{"name", form_field(form, "name")}};
    if (!form_field(form, "expires_in_days").empty()) body["expires_in_days"] = form_number(form_field(form, "expires_in_days"));
    ProfileNotes notes;
    notes.token_name = form_field(form, "name");
    notes.token_days = form_field(form, "expires_in_days");
    auto request = token_request_from_json(body);
    if (!request) {
      notes.token_problem = request.error().message;
      notes.status = http::status_for(request.error().kind);
      return profile_page(ctx, caller, notes);
    }
    std::string secret = random_token();
    auto made = in_write<ApiToken>(ctx, [&](Repositories& r) {
      return create_token(r.people(), r.audit(), who.email, who.email, *request, token_digest(secret), ctx.now());
    });
    if (!made) return error_page(caller, made.error());
    notes = ProfileNotes{};
    notes.new_token = secret;  // shown this once; only its digest is kept
    return profile_page(ctx, caller, notes);
  });
}

Response revoke_token_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form&) {
    auto id = parse_id(req.param("id"), "token");
    if (!id) return error_page(caller, id.error());
    auto done = in_write<Ok>(ctx, [&](Repositories& r) {
      return revoke_token(r.people(), r.audit(), who.email, who.email, *id, ctx.now());
    });
    if (!done) return error_page(caller, done.error());
    return http::redirect("/me#tokens");
  });
}

Response password_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    auto change = password_change_from_json({{"current", form_field(form, "current")}, {"new", form_field(form, "new")}});
    Status done = change ? change_password_checked(ctx, req, who, *change) : Status(change.error());
    if (!done) {
      ProfileNotes notes;
      notes.password_problem = done.error().message;
      notes.status = http::status_for(done.error().kind);
      return profile_page(ctx, caller, notes);
    }
    return http::redirect("/me?password=changed");
  });
}

}  // namespace convene::web
