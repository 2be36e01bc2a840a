// Home, meeting pages and the stylesheet.
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

Response home(Context& ctx, const Request& req) {
  json meetings = json::array();
  ctx.store.read([&](Repo& r) {
    for (const auto& m : r.meetings()) meetings.push_back(meeting_view(m));
    return ok_status();
  });
  return page(identify(ctx, req), "convene", render_template(kHomeTemplate, {{"meetings", meetings}}));
}

Response meeting_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  json venues = json::array();
  for (const auto& v : dispatch_venues()) {
    venues.push_back({{"venue", v}, {"title", venue_title(v)}, {"area", std::string(venue_area(v))}});
  }
  json view = {{"meeting", meeting_view(*m)}, {"venues", venues}};
  return page(caller, "IETF " + m->number, render_template(kMeetingTemplate, view));
}

}  // namespace

void add_page_routes(http::Router& router, Context& ctx) {
  router.add(Method::get, "/", [&ctx](const Request& req) { return home(ctx, req); });
  router.add(Method::get, "/meetings/{number}", [&ctx](const Request& req) { return meeting_page(ctx, req); });
  router.add(Method::get, "/static/convene.css", [](const Request&) {
    return http::text(200, kStylesheet, "text/css; charset=utf-8").with_header("Cache-Control", "public, max-age=3600");
  });
  router.add(Method::get, "/healthz", [](const Request&) { return http::text(200, "ok\n"); });
}

}  // namespace convene::web
