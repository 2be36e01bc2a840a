// HTML pages of dispatch: the agenda (public, with the chairs' controls for
// chairs), the request form, a draft's dispatch history, and Markdown.
#include <nlohmann/json.hpp>

#include "dispatch_actions.h"
#include "html.h"
#include "routes.h"
#include "templates.h"
#include "views.h"

namespace convene::web {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

const std::vector<std::string> kAreas = {"art", "gen", "int", "ops", "rtg", "sec", "tsv", "wit", "irtf"};

std::string clock_text(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

json request_view(const DispatchRequest& r) {
  json v = {{"id", r.id},          {"draft", r.draft},       {"rev", r.rev},
            {"presenter", r.presenter}, {"question", r.question}, {"areas", join(r.areas, ", ")},
            {"minutes", r.minutes}, {"state", std::string(to_string(r.state))},
            {"flags", join(r.flags, ", ")}, {"has_flags", !r.flags.empty()},
            {"decline_reason", r.decline_reason}};
  if (r.outcome)
    v["outcome"] = {{"kind", std::string(to_string(r.outcome->kind))},
                    {"target", r.outcome->target},
                    {"notes", r.outcome->notes}};
  return v;
}

json agenda_view(const Agenda& a, const Caller& caller) {
  bool chair = caller.person && may_chair(*caller.person, a.venue);
  json items = json::array();
  for (const auto& it : a.items) {
    json v = request_view(it.request);
    v["number"] = it.number;
    v["start"] = clock_text(it.start_offset_min);
    v["title"] = it.title;
    v["overflows"] = it.overflows;
    v["can_up"] = it.number > 1;
    v["up"] = it.number - 1;
    v["can_down"] = it.number < static_cast<int>(a.items.size());
    v["down"] = it.number + 1;
    v["open"] = it.request.state == RequestState::accepted;
    items.push_back(v);
  }
  json pending = json::array(), declined = json::array();
  for (const auto& r : a.pending) (r.state == RequestState::declined ? declined : pending).push_back(request_view(r));
  json outcomes = json::array();
  for (auto k : {OutcomeKind::existing_wg, OutcomeKind::new_wg, OutcomeKind::bof, OutcomeKind::ad_sponsored,
                 OutcomeKind::more_discussion, OutcomeKind::not_ietf, OutcomeKind::other_dispatch})
    if (k != OutcomeKind::other_dispatch || a.meeting.dispatch_mode == DispatchMode::per_area)
      outcomes.push_back(std::string(to_string(k)));
  return {{"meeting", meeting_view(a.meeting)},
          {"venue", a.venue},
          {"venue_title", venue_title(a.venue)},
          {"session", a.session_minutes},
          {"used", a.used_minutes},
          {"overflow", a.overflow_minutes},
          {"over", a.overflow_minutes > 0},
          {"free", std::max(0, a.session_minutes - a.used_minutes)},
          {"chairs_table", a.chairs_table},
          {"chairs_table_text", join(a.chairs_table, "\n")},
          {"has_chairs_table", !a.chairs_table.empty()},
          {"items", items},
          {"has_items", !a.items.empty()},
          {"pending", pending},
          {"has_pending", !pending.empty()},
          {"declined", chair ? declined : json::array()},
          {"has_declined", chair && !declined.empty()},
          {"chair", chair},
          {"signed_in", caller.person.has_value()},
          {"csrf", caller.csrf},
          {"outcomes", outcomes},
          {"venue_query", a.meeting.dispatch_mode == DispatchMode::per_area ? "?venue=" + a.venue : ""}};
}

std::string agenda_path(const DispatchRequest& r, bool per_area) {
  return "/meetings/" + http::percent_encode(r.meeting) + "/dispatch" + (per_area ? "?venue=" + r.venue : "");
}

Response agenda_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto agenda = load_agenda(ctx, req.param("number"), query(req, "venue"));
  if (!agenda) return error_page(caller, agenda.error());
  std::string title = "IETF " + agenda->meeting.number + " " + venue_title(agenda->venue) + " agenda";
  json view = agenda_view(*agenda, caller);
  view["submitted"] = query(req, "submitted");
  return page(caller, title, render_template(kAgendaTemplate, view));
}

json request_form_view(const Meeting& m, const Caller& caller, const std::map<std::string, std::string>& form) {
  auto value = [&](const char* k, const std::string& def = "") {
    auto it = form.find(k);
    return it == form.end() ? def : it->second;
  };
  json areas = json::array();
  for (const auto& a : kAreas) areas.push_back({{"area", a}, {"checked", form.count("area_" + a) > 0}});
  json venues = json::array();
  for (const auto& v : dispatch_venues())
    venues.push_back({{"venue", v}, {"area", std::string(venue_area(v))}, {"selected", value("venue") == v}});
  return {{"meeting", meeting_view(m)},
          {"csrf", caller.csrf},
          {"draft", value("draft")},
          {"rev", value("rev")},
          {"presenter", value("presenter", caller.person ? caller.person->email : "")},
          {"question", value("question")},
          {"minutes", value("minutes", "12")},
          {"areas", areas},
          {"venues", venues},
          {"per_area", m.dispatch_mode == DispatchMode::per_area}};
}

// The request form's fields as the API's JSON body.
json request_body(const std::map<std::string, std::string>& form) {
  json body = {{"draft", form.count("draft") ? form.at("draft") : ""},
               {"rev", form.count("rev") ? form.at("rev") : ""},
               {"presenter", form.count("presenter") ? form.at("presenter") : ""},
               {"question", form.count("question") ? form.at("question") : ""},
               {"areas", json::array()}};
  for (const auto& a : kAreas)
    if (form.count("area_" + a)) body["areas"].push_back(a);
  if (form.count("minutes")) {
    try {
      size_t used = 0;
      int m = std::stoi(form.at("minutes"), &used);
      body["minutes"] = used == form.at("minutes").size() ? json(m) : json(form.at("minutes"));
    } catch (const std::exception&) {
      body["minutes"] = form.at("minutes");
    }
  }
  if (form.count("venue") && !form.at("venue").empty()) body["venue"] = form.at("venue");
  else if (form.count("venue")) body["venue"] = suggest_venue(body["areas"].get<std::vector<std::string>>());
  return body;
}

Response request_form(Context& ctx, const Request& req, const std::map<std::string, std::string>& form,
                      const Error* error) {
  Caller caller = identify(ctx, req);
  if (!caller.person)
    return http::redirect("/login?next=" + http::percent_encode(req.path));
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  json view = request_form_view(*m, caller, form);
  if (error) view["error"] = {{"code", error->code}, {"message", error->message}};
  return page(caller, "Ask for dispatch time at IETF " + m->number, render_template(kRequestFormTemplate, view),
              error ? http::status_for(error->kind) : 200);
}

Response submit_request_form(Context& ctx, const Request& req) {
  auto form = http::parse_form(req.body);
  auto who = form_person(ctx, req, form);
  if (!who) return error_page(identify(ctx, req), who.error());
  auto r = submit_request(ctx, *who, req.param("number"), request_body(form));
  if (!r) return request_form(ctx, req, form, &r.error());
  auto m = load_meeting(ctx, r->meeting);
  bool per_area = m && m->dispatch_mode == DispatchMode::per_area;
  std::string path = agenda_path(*r, per_area);
  return http::redirect(path + (per_area ? "&" : "?") + "submitted=" + std::to_string(r->id) + "#pending");
}

// A chair's form on the agenda page: the form fields become the API body.
template <class Action>
Response chair_form(Context& ctx, const Request& req, Action action, json (*to_body)(const std::map<std::string, std::string>&)) {
  auto form = http::parse_form(req.body);
  auto who = form_person(ctx, req, form);
  Caller caller = identify(ctx, req);
  if (!who) return error_page(caller, who.error());
  auto id = parse_id(req.param("id"));
  if (!id) return error_page(caller, id.error());
  auto r = action(ctx, *who, *id, to_body(form));
  if (!r) return error_page(caller, r.error());
  auto m = load_meeting(ctx, r->meeting);
  return http::redirect(agenda_path(*r, m && m->dispatch_mode == DispatchMode::per_area) + "#item-" + std::to_string(r->id));
}

json decision_body(const std::map<std::string, std::string>& f) {
  json b = {{"decision", f.count("decision") ? f.at("decision") : ""}};
  if (f.count("reason")) b["reason"] = f.at("reason");
  return b;
}

json outcome_body(const std::map<std::string, std::string>& f) {
  return {{"outcome", f.count("outcome") ? f.at("outcome") : ""},
          {"target", f.count("target") ? f.at("target") : ""},
          {"notes", f.count("notes") ? f.at("notes") : ""}};
}

json arrange_body(const std::map<std::string, std::string>& f) {
  json b = json::object();
  for (const char* k : {"position", "minutes"})
    if (f.count(k)) {
      try {
        b[k] = std::stoi(f.at(k));
      } catch (const std::exception&) {
        b[k] = f.at(k);
      }
    }
  return b;
}

// The chairs' session form: length and who sits at the chairs' table.
Response session_form(Context& ctx, const Request& req) {
  auto form = http::parse_form(req.body);
  Caller caller = identify(ctx, req);
  auto who = form_person(ctx, req, form);
  if (!who) return error_page(caller, who.error());
  json body = {{"chairs_table", json::array()}};
  if (!query(req, "venue").empty()) body["venue"] = query(req, "venue");
  try {
    body["minutes"] = std::stoi(form["minutes"]);
  } catch (const std::exception&) {
    body["minutes"] = form["minutes"];
  }
  std::string names = form["chairs_table"];
  for (size_t start = 0; start < names.size();) {
    size_t end = names.find('\n', start);
    if (end == std::string::npos) end = names.size();
    std::string name = names.substr(start, end - start);
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (!name.empty()) body["chairs_table"].push_back(name);
    start = end + 1;
  }
  auto s = configure_session(ctx, *who, req.param("number"), body);
  if (!s) return error_page(caller, s.error());
  std::string venue = query(req, "venue");
  return http::redirect("/meetings/" + http::percent_encode(req.param("number")) + "/dispatch" +
                        (venue.empty() ? "" : "?venue=" + http::percent_encode(venue)));
}

Response history_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto h = load_history(ctx, req.param("name"));
  if (!h) return error_page(caller, h.error());
  json events = json::array();
  for (const auto& e : h->events)
    events.push_back({{"meeting", e.meeting}, {"venue", venue_title(e.venue)}, {"draft", e.draft}, {"state", e.state},
                      {"outcome", e.outcome}, {"target", e.target}, {"at", format_utc(e.at)}});
  json view = {{"draft", h->draft},         {"events", events},       {"days", h->days_since_first},
               {"venues", h->venues},       {"shopping", h->shopping}, {"has_events", !events.empty()}};
  return page(caller, "Dispatch history of " + h->draft, render_template(kHistoryTemplate, view));
}

}  // namespace

void add_dispatch_pages(http::Router& router, Context& ctx) {
  router.add(Method::get, "/meetings/{number}/dispatch", [&ctx](const Request& req) {
    if (!req.header("cookie").empty()) return agenda_page(ctx, req);
    return cached(ctx, "page:" + req.target, [&] { return agenda_page(ctx, req); });
  });
  router.add(Method::get, "/meetings/{number}/dispatch.md", [&ctx](const Request& req) {
    auto agenda = load_agenda(ctx, req.param("number"), query(req, "venue"));
    if (!agenda) return http::error(agenda.error());
    return http::text(200, to_markdown(*agenda), "text/markdown; charset=utf-8");
  });
  router.add(Method::get, "/meetings/{number}/dispatch/request", [&ctx](const Request& req) {
    return request_form(ctx, req, {}, nullptr);
  });
  router.add(Method::post, "/meetings/{number}/dispatch/request",
             [&ctx](const Request& req) { return submit_request_form(ctx, req); });
  router.add(Method::post, "/dispatch/requests/{id}/decision",
             [&ctx](const Request& req) { return chair_form(ctx, req, decide_request, decision_body); });
  router.add(Method::post, "/dispatch/requests/{id}/outcome",
             [&ctx](const Request& req) { return chair_form(ctx, req, record_request_outcome, outcome_body); });
  router.add(Method::post, "/dispatch/requests/{id}/arrange",
             [&ctx](const Request& req) { return chair_form(ctx, req, arrange_request, arrange_body); });
  router.add(Method::post, "/meetings/{number}/dispatch/session",
             [&ctx](const Request& req) { return session_form(ctx, req); });
  router.add(Method::get, "/drafts/{name}/history", [&ctx](const Request& req) { return history_page(ctx, req); });
}

}  // namespace convene::web
