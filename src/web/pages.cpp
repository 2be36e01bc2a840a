// Home, meeting pages, the stylesheet and the health check.
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "dispatch_views.h"
#include "html.h"
#include "templates.h"

namespace convene::web {

using nlohmann::json;

Response home_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto list = in_read<std::vector<Meeting>>(ctx, [](Repositories& r) { return r.meetings().list(); });
  if (!list) return error_page(caller, list.error());
  json meetings = json::array();
  for (const auto& m : *list) meetings.push_back(meeting_view(m));
  return page(caller, "Meetings", render_template("home", {{"meetings", meetings}}));
}

Response meeting_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  json venues = json::array();
  for (const auto& v : dispatch_venues())
    venues.push_back({{"venue", v}, {"title", venue_title(v)}, {"area", std::string(venue_area(v))}});
  json view = {{"meeting", meeting_view(*m)}, {"venues", venues}};
  return page(caller, "IETF " + m->number, render_template("meeting", view));
}

Response stylesheet(Context&, const Request&) {
  return http::text(200, embedded("convene.css"), "text/css; charset=utf-8").with_header("Cache-Control", "public, max-age=3600");
}

Response health(Context&, const Request&) { return http::text(200, "ok\n"); }

}  // namespace convene::web
