// The proponent's journey: "My requests" (every request the signed-in person
// filed, newest first, with what the chairs decided), and withdrawing or
// editing a pending one. The forms' fields become the API's JSON body, read
// by the same domain reader, and the same service call runs.
#include <algorithm>

#include "api_support.h"
#include "convene/directory/directory.h"
#include "convene/dispatch/inputs.h"
#include "dispatch_views.h"
#include "html.h"
#include "services.h"
#include "urls.h"

namespace convene::web {
namespace {

using nlohmann::json;
using Form = std::map<std::string, std::string>;

json outcome_text(const Outcome& o) {
  std::string target = o.kind == OutcomeKind::other_dispatch ? venue_title(o.target) : o.target;
  return {{"kind", std::string(outcome_label(o.kind))}, {"target", target}, {"notes", o.notes}};
}

json my_request_view(const DispatchRequest& r, const std::map<std::string, std::string>& titles) {
  auto title = titles.find(r.draft);
  bool on_agenda = r.state == RequestState::accepted || r.state == RequestState::dispatched;
  json v = {{"id", r.id},
            {"meeting", r.meeting},
            {"agenda_href", meeting_path(r.meeting) + "/dispatch?venue=" + r.venue},
            {"venue", venue_title(r.venue)},
            {"draft", r.draft},
            {"rev", r.rev},
            {"title", title == titles.end() ? "" : title->second},
            {"state", std::string(state_label(r.state))},
            {"filed", format_readable(r.created_at, "UTC")},
            {"question", r.question},
            {"minutes", r.minutes},
            {"on_agenda", on_agenda},
            {"position", r.position},
            {"pending", r.state == RequestState::pending},
            {"decline_reason", r.state == RequestState::declined ? r.decline_reason : ""},
            {"outcome", r.outcome ? outcome_text(*r.outcome) : json(false)}};
  return v;
}

json my_requests_view(const ProponentRequests& mine, const Caller& caller, const std::string& notice) {
  json rows = json::array();
  for (const DispatchRequest& r : mine.requests) rows.push_back(my_request_view(r, mine.titles));
  return {{"requests", rows}, {"has_requests", !rows.empty()}, {"csrf", caller.csrf}, {"notice", notice}};
}

// The edit form: what was typed when `form` has it, else the request's values.
json edit_view(const DispatchRequest& r, const Caller& caller, const Form& form, const Error* error) {
  bool typed = !form.empty();
  auto value = [&](const char* k, const std::string& stored) {
    auto it = form.find(k);
    return typed ? (it == form.end() ? "" : it->second) : stored;
  };
  json areas = json::array();
  for (const auto& a : area_acronyms()) {
    bool checked = typed ? form.count("area_" + a) > 0
                         : std::find(r.areas.begin(), r.areas.end(), a) != r.areas.end();
    areas.push_back({{"area", a}, {"title", area_title(a)}, {"checked", checked}});
  }
  json v = {{"id", r.id},          {"meeting", r.meeting},  {"venue", venue_title(r.venue)},
            {"draft", r.draft},    {"rev", r.rev},          {"csrf", caller.csrf},
            {"areas", areas},      {"presenter", value("presenter", r.presenter)},
            {"question", value("question", r.question)},
            {"minutes", value("minutes", std::to_string(r.minutes))}};
  if (error) {
    // The form has checkboxes where the API has a list of area acronyms.
    std::string message = error->message.starts_with("areas") ? "Areas it spans: tick at least one." : error->message;
    v["error"] = {{"code", error->code}, {"message", message}};
  }
  return v;
}

json edit_body(const Form& form) {
  json body = {{"presenter", form_field(form, "presenter")},
               {"question", form_field(form, "question")},
               {"areas", json::array()}};
  for (const auto& a : area_acronyms())
    if (form.count("area_" + a)) body["areas"].push_back(a);
  if (form.count("minutes")) body["minutes"] = form_number(form.at("minutes"));
  return body;
}

Result<DispatchRequest> load_request(Context& ctx, std::int64_t id) {
  return in_read<DispatchRequest>(ctx, [&](Repositories& r) { return dispatch_service(r, ctx).request(id); });
}

// The edit page of request {id} for its proponent, with `error` and what was typed.
Response edit_page(const Caller& caller, const DispatchRequest& r, const Form& form,
                   const Error* error) {
  return page(caller, Place{"Edit your request for " + r.draft, "/me/requests", {{"Your page", "/me"}, {"Your requests", "/me/requests"}}},
              render_template("request_edit", edit_view(r, caller, form, error)),
              error ? http::status_for(error->kind) : 200);
}

}  // namespace

Response my_requests_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return http::redirect("/login?next=%2Fme%2Frequests");
  auto mine = in_read<ProponentRequests>(ctx, [&](Repositories& r) {
    return dispatch_service(r, ctx).requests_of(*caller.person);
  });
  if (!mine) return error_page(caller, mine.error());
  std::string notice;
  if (!query(req, "withdrawn").empty()) notice = "Request " + query(req, "withdrawn") + " is withdrawn.";
  if (!query(req, "edited").empty()) notice = "Request " + query(req, "edited") + " is changed.";
  return page(caller, Place{"Your dispatch requests", "/me/requests", {{"Your page", "/me"}}},
              render_template("my_requests", my_requests_view(*mine, caller, notice)));
}

Response edit_request_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return http::redirect("/login?next=" + http::percent_encode(req.path));
  auto id = parse_id(req.param("id"));
  if (!id) return error_page(caller, id.error());
  auto r = load_request(ctx, *id);
  if (!r) return error_page(caller, r.error());
  if (r->requested_by != caller.person->email)
    return error_page(caller, forbidden("only the proponent of request #" + std::to_string(*id) + " may edit it"));
  if (auto st = check_pending(*r); !st) return error_page(caller, st.error());
  return edit_page(caller, *r, {}, nullptr);
}

Response edit_request_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    auto id = parse_id(req.param("id"));
    if (!id) return error_page(caller, id.error());
    auto shown = [&](const Error& e) {
      auto r = load_request(ctx, *id);
      if (!r || r->requested_by != who.email) return error_page(caller, e);
      return edit_page(caller, *r, form, &e);
    };
    auto in = request_edit_from_json(edit_body(form));
    if (!in) return shown(in.error());
    auto r = in_write<DispatchRequest>(ctx, [&](Repositories& repos) {
      return dispatch_service(repos, ctx).amend(who, *id, *in);
    });
    if (!r) return shown(r.error());
    return http::redirect("/me/requests?edited=" + std::to_string(r->id) + "#request-" + std::to_string(r->id));
  });
}

Response withdraw_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form&) {
    auto id = parse_id(req.param("id"));
    if (!id) return error_page(caller, id.error());
    auto r = in_write<DispatchRequest>(ctx, [&](Repositories& repos) {
      return dispatch_service(repos, ctx).withdraw(who, *id);
    });
    if (!r) return error_page(caller, r.error());
    return http::redirect("/me/requests?withdrawn=" + std::to_string(r->id) + "#request-" + std::to_string(r->id));
  });
}

}  // namespace convene::web
