// Home, meeting pages, the stylesheet and the health check.
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "dispatch_views.h"
#include "html.h"
#include "templates.h"

namespace convene::web {

using nlohmann::json;

constexpr int kMeetingsPerPage = 50;

// ?page=1.. of kMeetingsPerPage meetings, newest first.
Response home_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto page_number = query_int(req, "page", 1, 10'000, 1);
  if (!page_number) return error_page(caller, page_number.error());
  int offset = (*page_number - 1) * kMeetingsPerPage;
  auto list = in_read<std::vector<Meeting>>(
      ctx, [&](Repositories& r) { return r.meetings().list(kMeetingsPerPage + 1, offset); });
  if (!list) return error_page(caller, list.error());
  bool more = list->size() > static_cast<std::size_t>(kMeetingsPerPage);
  json meetings = json::array();
  for (std::size_t i = 0; i < list->size() && i < static_cast<std::size_t>(kMeetingsPerPage); ++i)
    meetings.push_back(meeting_view((*list)[i]));
  json view = {{"meetings", meetings},
               {"older", more ? json(*page_number + 1) : json(false)},
               {"newer", *page_number > 1 ? json(*page_number - 1) : json(false)}};
  return page(caller, "Meetings", render_template("home", view));
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
