// The published agenda of a meeting (issue 12, item 8): built once as a
// value from the official schedule, rendered as HTML, the Datatracker's
// JSON, CSV, text and iCalendar; each with ?show= and ?hide= filters,
// conditional requests and gzip.
#include <nlohmann/json.hpp>

#include "conditional.h"
#include "services.h"
#include "convene/agenda/agenda.h"
#include "convene/agenda/render.h"
#include "convene/meeting/service.h"
#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"
#include "handlers.h"
#include "html.h"

namespace convene::web {

namespace {

struct Published {
  agenda::Agenda agenda;  // filtered as asked
  agenda::Agenda whole;   // for the filter form's lists
};

Result<agenda::Agenda> load_agenda(Repositories& r, const std::string& number) {
  PlanRepos repos = plan_repos(r);
  auto m = find_meeting(r.meetings(), number);
  if (!m) return m.error();
  auto official = official_version(repos, r.jobs(), number);
  if (!official) return official.error();
  if (!*official || !(*official)->version.assignments)
    return not_found("agenda_unpublished", meeting_title(*m) + " has no official schedule yet");
  auto problem = export_problem(repos, number);
  auto groups = r.directory().groups();
  auto areas = r.directory().areas();
  auto sequences = r.plan().sequences(number);
  if (!problem) return problem.error();
  if (!groups) return groups.error();
  if (!areas) return areas.error();
  if (!sequences) return sequences.error();
  schedule::Schedule placed{*(*official)->version.assignments};
  agenda::Input in{number, m->time_zone, m->city, &*problem, &placed, std::move(*groups), std::move(*areas),
                   {sequences->begin(), sequences->end()}, {}, (*official)->version.official_at};
  return agenda::build_agenda(in);
}

Result<Published> published(Context& ctx, const Request& req) {
  auto whole = in_read<agenda::Agenda>(ctx, [&](Repositories& r) { return load_agenda(r, req.param("number")); });
  if (!whole) return whole.error();
  auto show = agenda::parse_names(req.query.count("show") ? req.query.at("show") : "");
  auto hide = agenda::parse_names(req.query.count("hide") ? req.query.at("hide") : "");
  return Published{agenda::filtered(*whole, show, hide), *whole};
}

// The cache key of this URL: path and the query parameters that matter.
std::string key_of(const Request& req) {
  std::string key = req.path;
  for (const char* name : {"show", "hide", "tz"})
    if (req.query.count(name)) key += std::string("\x1f") + name + "=" + req.query.at(name);
  return key;
}

template <class Render>
Response feed(Context& ctx, const Request& req, const char* content_type, Render render) {
  return conditional(ctx, req, key_of(req), [&] {
    auto p = published(ctx, req);
    if (!p) return error_for(ctx, req, p.error());
    return http::text(200, render(p->agenda), content_type)
        .with_header("Last-Modified", format_http_date(p->agenda.updated));
  });
}

}  // namespace

Response meeting_agenda_page(Context& ctx, const Request& req) {
  return conditional(ctx, req, key_of(req), [&] {
    Caller caller = identify(ctx, req);
    auto p = published(ctx, req);
    if (!p) return error_page(caller, p.error());
    const std::string tz = req.query.count("tz") ? req.query.at("tz") : "";
    nlohmann::json view = agenda::to_view(p->agenda, tz);
    nlohmann::json lists = agenda::to_view(p->whole, tz);
    view["areas"] = lists["areas"];
    view["groups"] = lists["groups"];
    view["filter"] = {{"show", req.query.count("show") ? req.query.at("show") : ""},
                      {"hide", req.query.count("hide") ? req.query.at("hide") : ""},
                      {"tz", tz}};
    const std::string number = req.param("number");
    return page(caller, Place{"Agenda of IETF " + number, "/", meeting_trail(number)},
                render_template("meeting_agenda", view));
  });
}

Response meeting_agenda_json(Context& ctx, const Request& req) {
  return feed(ctx, req, "application/json", [](const agenda::Agenda& a) { return agenda::to_datatracker_json(a); });
}

Response meeting_agenda_csv(Context& ctx, const Request& req) {
  return feed(ctx, req, "text/csv; charset=utf-8", [](const agenda::Agenda& a) { return agenda::to_csv(a, false); });
}

Response meeting_agenda_csv_utc(Context& ctx, const Request& req) {
  return feed(ctx, req, "text/csv; charset=utf-8", [](const agenda::Agenda& a) { return agenda::to_csv(a, true); });
}

Response meeting_agenda_txt(Context& ctx, const Request& req) {
  return feed(ctx, req, "text/plain; charset=utf-8", [](const agenda::Agenda& a) { return agenda::to_text(a, false); });
}

Response meeting_agenda_txt_utc(Context& ctx, const Request& req) {
  return feed(ctx, req, "text/plain; charset=utf-8", [](const agenda::Agenda& a) { return agenda::to_text(a, true); });
}

Response meeting_agenda_ics(Context& ctx, const Request& req) {
  return feed(ctx, req, "text/calendar; charset=utf-8", [](const agenda::Agenda& a) { return agenda::to_ics(a); });
}

}  // namespace convene::web
