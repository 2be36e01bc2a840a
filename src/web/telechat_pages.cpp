// IESG telechat pages: the list, each agenda in HTML and Markdown, and the
// calendar feed. Public renderings are cached until the next write.
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "convene/telechat/agenda.h"
#include "convene/telechat/render.h"
#include "html.h"
#include "services.h"
#include "telechat_views.h"

namespace convene::web {
namespace {

using nlohmann::json;
using telechat::Audience;

// Renders the telechat on {date} for the caller's audience with `render`.
template <class Render>
Result<std::string> rendered(Context& ctx, const Request& req, std::int64_t date, Render render) {
  Audience audience = audience_of(identify(ctx, req).person);
  return in_read<std::string>(ctx, [&](Repositories& r) {
    telechat::TelechatService s = telechat_service(r, ctx, nullptr);
    return render(s, date, audience);
  });
}

json list_rows(const std::vector<telechat::Telechat>& list) {
  json rows = json::array();
  for (const auto& t : list)
    rows.push_back({{"date", format_date(t.date)},
                    {"day", telechat::long_date(t.date)},
                    {"kind", std::string(telechat::label(t.kind))},
                    {"status", t.cancelled ? "Cancelled" : telechat::meeting(t) ? "Meeting" : "No meeting"}});
  return rows;
}

}  // namespace

Response telechat_feed(Context& ctx, const Request& req) {
  return cached(ctx, req, "telechats.ics", [&] {
    std::int64_t d = today(ctx);
    auto ics = in_read<std::string>(ctx, [&](Repositories& r) {
      // The feed is public: call details never go into it.
      return telechat_service(r, ctx, nullptr)
          .feed_ics(d - 90, d + 366, Audience::public_view, {ctx.options.public_url, ctx.now()});
    });
    if (!ics) return error_for(ctx, req, ics.error());
    return http::text(200, *ics, "text/calendar; charset=utf-8");
  });
}

Response telechat_list_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  std::int64_t d = today(ctx);
  auto list = in_read<std::vector<telechat::Telechat>>(ctx, [&](Repositories& r) {
    return r.telechats().list(d - 60, d + 366);
  });
  if (!list) return error_page(caller, list.error());
  json rows = list_rows(*list);
  return page(caller, Place{"IESG telechats", "/telechats", {}},
              render_template("telechat_list", {{"telechats", rows}, {"any", !rows.empty()}}));
}

Response telechat_markdown(Context& ctx, const Request& req) {
  auto date = parse_date(req.param("date"), "date");
  if (!date) return error_for(ctx, req, date.error());
  return cached(ctx, req, "telechat-md:" + format_date(*date), [&] {
    auto md = rendered(ctx, req, *date, [](telechat::TelechatService& s, std::int64_t d, Audience a) {
      return s.markdown(d, a);
    });
    if (!md) return error_for(ctx, req, md.error());
    return http::text(200, *md, "text/markdown; charset=utf-8");
  });
}

Response telechat_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto date = parse_date(req.param("date"), "date");
  if (!date) return error_page(caller, date.error());
  return cached(ctx, req, "telechat:" + format_date(*date), [&] {
    Audience audience = audience_of(caller.person);
    std::string when;
    auto t = in_read<telechat::Telechat>(ctx, [&](Repositories& r) -> Result<telechat::Telechat> {
      telechat::TelechatService s = telechat_service(r, ctx, nullptr);
      auto got = s.get(*date, audience);
      if (!got) return got;
      auto series = s.series(got->kind);
      if (!series) return series.error();
      when = telechat_time(*series, *date);
      return got;
    });
    if (!t) return error_page(caller, t.error());
    json view = telechat_view(*t, audience);
    view["when"] = when;
    return page(caller, Place{telechat_heading(*t), "/telechats", {{"IESG telechats", "/telechats"}}},
                render_template("telechat", view));
  });
}

}  // namespace convene::web
