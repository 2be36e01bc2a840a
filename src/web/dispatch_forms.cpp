// The dispatch forms: the proponent's request and the chairs' controls. Each
// form's fields become the API's JSON body, read by the same domain reader as
// the API, and the same service call runs.

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

json request_body(const Form& form) {
  json body = {{"draft", form_field(form, "draft")},
               {"rev", form_field(form, "rev")},
               {"presenter", form_field(form, "presenter")},
               {"question", form_field(form, "question")},
               {"areas", json::array()}};
  for (const auto& a : area_acronyms())
    if (form.count("area_" + a)) body["areas"].push_back(a);
  if (form.count("minutes")) body["minutes"] = form_number(form.at("minutes"));
  if (!form_field(form, "venue").empty()) body["venue"] = form_field(form, "venue");
  else if (form.count("venue")) body["venue"] = suggest_venue(body["areas"].get<std::vector<std::string>>());
  return body;
}

json decision_body(const Form& f) {
  json b = {{"decision", form_field(f, "decision")}};
  if (f.count("reason")) b["reason"] = f.at("reason");
  return b;
}

json outcome_body(const Form& f) {
  json b = {{"outcome", form_field(f, "outcome")}, {"target", form_field(f, "target")}, {"notes", form_field(f, "notes")}};
  if (f.count("reason")) b["reason"] = form_field(f, "reason");
  return b;
}

json no_body(const Form&) { return json::object(); }

Result<Ok> no_fields(const json&) { return Ok{}; }

json arrange_body(const Form& f) {
  json b = json::object();
  for (const char* k : {"position", "minutes"})
    if (f.count(k)) b[k] = form_number(f.at(k));
  return b;
}

json session_body(const Form& f, const std::string& venue) {
  json body = {{"chairs_table", json::array()}, {"minutes", form_number(form_field(f, "minutes"))}};
  if (!venue.empty()) body["venue"] = venue;
  std::string names = form_field(f, "chairs_table");
  for (std::size_t start = 0; start < names.size();) {
    std::size_t end = std::min(names.find('\n', start), names.size());
    std::string name = names.substr(start, end - start);
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (!name.empty()) body["chairs_table"].push_back(name);
    start = end + 1;
  }
  return body;
}

std::string agenda_path(const Meeting& m, const std::string& venue) {
  std::string path = meeting_path(m.number) + "/dispatch";
  return m.dispatch_mode == DispatchMode::per_area ? path + "?venue=" + http::percent_encode(venue) : path;
}

// The agenda page of the request's meeting, at its item.
Response back_to_agenda(Context& ctx, const DispatchRequest& r) {
  auto m = load_meeting(ctx, r.meeting);
  if (!m) return http::redirect("/");
  return http::redirect(agenda_path(*m, r.venue) + "#item-" + std::to_string(r.id));
}

// The agenda of request `id` with `e` shown at its form and what was typed;
// the plain error page when the request is not there.
Response refused(Context& ctx, const Caller& caller, std::int64_t id, const Error& e, const Form& form) {
  auto r = in_read<DispatchRequest>(ctx, [&](Repositories& repos) { return dispatch_service(repos, ctx).request(id); });
  if (!r) return error_page(caller, e);
  return agenda_with_problem(ctx, caller, r->meeting, r->venue, FormProblem{id, e, form});
}

// A chair's form on request {id}: `to_body` makes its fields the API body,
// `read` reads it, `apply` runs the service. A refusal is shown on the agenda
// page at the request, with what was typed.
template <class Read, class Apply>
Response chair_form(Context& ctx, const Request& req, json (*to_body)(const Form&), Read read, Apply apply) {
  Form form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  auto id = parse_id(req.param("id"));
  if (!id) return error_page(caller, id.error());
  auto input = read(to_body(form));
  if (!input) return refused(ctx, caller, *id, input.error(), form);
  auto r = in_write<DispatchRequest>(ctx, [&](Repositories& repos) {
    DispatchService s = dispatch_service(repos, ctx);
    return apply(s, *who, *id, *input);
  });
  if (!r) return refused(ctx, caller, *id, r.error(), form);
  return back_to_agenda(ctx, *r);
}

}  // namespace

Response request_form_post(Context& ctx, const Request& req) {
  Form form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  auto in = new_request_from_json(request_body(form));
  if (!in) return request_form(ctx, req, form, &in.error());
  auto r = in_write<DispatchRequest>(ctx, [&](Repositories& repos) {
    return dispatch_service(repos, ctx).submit(*who, req.param("number"), *in);
  });
  if (!r) return request_form(ctx, req, form, &r.error());
  auto m = load_meeting(ctx, r->meeting);
  if (!m) return http::redirect("/");
  std::string path = agenda_path(*m, r->venue);
  return http::redirect(path + (path.find('?') == std::string::npos ? "?" : "&") +
                        "submitted=" + std::to_string(r->id) + "#pending");
}

Response decision_form_post(Context& ctx, const Request& req) {
  return chair_form(ctx, req, decision_body, decision_from_json,
                    [](DispatchService& s, const Person& who, std::int64_t id, const Decision& d) {
                      return s.decide(who, id, d);
                    });
}

Response outcome_form_post(Context& ctx, const Request& req) {
  return chair_form(ctx, req, outcome_body, outcome_from_json,
                    [](DispatchService& s, const Person& who, std::int64_t id, const OutcomeInput& in) {
                      return s.record_outcome(who, id, in);
                    });
}

Response arrange_form_post(Context& ctx, const Request& req) {
  return chair_form(ctx, req, arrange_body, arrangement_from_json,
                    [](DispatchService& s, const Person& who, std::int64_t id, const Arrangement& a) {
                      return s.arrange(who, id, a);
                    });
}

Response undo_decline_form_post(Context& ctx, const Request& req) {
  return chair_form(ctx, req, no_body, no_fields, [](DispatchService& s, const Person& who, std::int64_t id, const Ok&) {
    return s.undo_decline(who, id);
  });
}

Response session_form_post(Context& ctx, const Request& req) {
  Form form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(caller, form);
  if (!who) return error_page(caller, who.error());
  auto in_place = [&](const Error& e) {
    return agenda_with_problem(ctx, caller, req.param("number"), query(req, "venue"), FormProblem{0, e, form});
  };
  auto change = session_change_from_json(session_body(form, query(req, "venue")));
  if (!change) return in_place(change.error());
  auto s = in_write<DispatchSession>(ctx, [&](Repositories& r) {
    return dispatch_service(r, ctx).configure_session(*who, req.param("number"), *change);
  });
  if (!s) return in_place(s.error());
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  return http::redirect(agenda_path(*m, s->venue));
}

}  // namespace convene::web
