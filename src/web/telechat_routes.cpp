// IESG telechats: JSON API, HTML and Markdown agendas, and the calendar feed.
// Changes need an IESG member or the secretariat; call details are shown
// only to them (the service hides them from the public audience).
#include <nlohmann/json.hpp>

#include "convene/telechat/series.h"
#include "convene/telechat/service.h"
#include "convene/telechat/agenda.h"
#include "html.h"
#include "templates.h"
#include "routes.h"

namespace convene::web {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;
using telechat::Audience;
using telechat::TelechatService;

std::int64_t today(const Context& ctx) {
  UnixSeconds t = ctx.now();
  return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

std::string base_url(const Request& req) {
  std::string host = req.header("host");
  return host.empty() ? "" : "http://" + host;
}

Audience audience_of(const std::optional<Person>& p) {
  if (!p) return Audience::public_view;
  if (p->is_secretariat()) return Audience::secretariat;
  if (p->is_iesg()) return Audience::iesg;
  return Audience::public_view;
}

Status may_edit(const Person& p) {
  if (p.is_iesg() || p.is_secretariat()) return ok_status();
  return forbidden(p.email + " is not an IESG member or the secretariat and may not change telechats");
}

Result<std::int64_t> date_param(const Request& req) { return parse_date(req.param("date"), "date"); }

// Runs one service operation for an editor, in one transaction with its audit entry.
Response edit(Context& ctx, const Request& req, const std::string& action,
              const std::function<Result<json>(TelechatService&, const json&)>& op) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  if (auto ok = may_edit(*who); !ok) return http::error(ok.error());
  json body = json::object();
  if (!req.body.empty()) {
    auto parsed = http::parse_json_object(req);
    if (!parsed) return http::error(parsed.error());
    body = *parsed;
  }
  json out;
  Status s = ctx.store.write([&](Repo& r) -> Status {
    TelechatService service(r.telechats(), today(ctx), base_url(req) + "/telechats.ics");
    auto result = op(service, body);
    if (!result) return result.error();
    out = *result;
    audit(r, ctx.now(), *who, action, req.path, body);
    return ok_status();
  });
  if (!s) return http::error(s.error());
  return http::json(req.method == Method::post && out.contains("created") ? 201 : 200, out);
}

// Runs a read-only service call for the caller's audience.
template <class T>
Result<T> view(Context& ctx, const Request& req, Audience& audience,
               const std::function<Result<T>(TelechatService&, Audience)>& op) {
  audience = audience_of(identify(ctx, req).person);
  std::optional<Result<T>> out;
  ctx.store.read([&](Repo& r) {
    TelechatService service(r.telechats(), today(ctx), base_url(req) + "/telechats.ics");
    out = op(service, audience);
    return ok_status();
  });
  return std::move(*out);
}

Result<json> status_only(const Status& s, json ok) {
  if (!s) return s.error();
  return ok;
}

void add_telechat_api(http::Router& router, Context& ctx) {
  router.add(Method::post, "/api/v1/telechats", [&ctx](const Request& req) {
    return edit(ctx, req, "telechat.create", [&](TelechatService& s, const json& body) -> Result<json> {
      auto t = s.create_telechat(body);
      if (!t) return t.error();
      auto out = s.json(t->date, Audience::secretariat);
      if (!out) return out.error();
      (*out)["created"] = true;
      return *out;
    });
  });
  router.add(Method::post, "/api/v1/telechats/import", [&ctx](const Request& req) {
    auto who = api_person(ctx, req);
    if (!who) return http::error(who.error());
    if (auto ok = may_edit(*who); !ok) return http::error(ok.error());
    bool replace = req.query.count("replace") && req.query.at("replace") == "true";
    json out;
    Status s = ctx.store.write([&](Repo& r) -> Status {
      TelechatService service(r.telechats(), today(ctx), base_url(req) + "/telechats.ics");
      auto t = service.import_markdown(req.body, replace);
      if (!t) return t.error();
      out = *service.json(t->date, Audience::secretariat);
      audit(r, ctx.now(), *who, "telechat.import", "telechat:" + format_date(t->date), {{"bytes", req.body.size()}});
      return ok_status();
    });
    if (!s) return http::error(s.error());
    return http::json(201, out);
  });
  router.add(Method::get, "/api/v1/telechats/series", [&ctx](const Request&) {
    json out = json::array();
    Status s = ctx.store.read([&](Repo& r) -> Status {
      auto all = r.telechats().series();
      if (!all) return all.error();
      for (const auto& x : *all) out.push_back(telechat::series_to_json(x));
      return ok_status();
    });
    if (!s) return http::error(s.error());
    return http::json(200, {{"series", out}});
  });
  router.add(Method::put, "/api/v1/telechats/series/{kind}", [&ctx](const Request& req) {
    auto kind = telechat::kind_from(req.param("kind"));
    if (!kind) return http::error(invalid("bad_kind", "kind: must be informal or formal, got '" + req.param("kind") + "'"));
    return edit(ctx, req, "telechat.series", [&](TelechatService& service, const json& body) -> Result<json> {
      auto settings = telechat::series_from_json(body, *kind);
      if (!settings) return settings.error();
      if (auto st = service.save_series(*settings); !st) return st.error();
      return telechat::series_to_json(*settings);
    });
  });
  router.add(Method::get, "/api/v1/telechats/{date}", [&ctx](const Request& req) {
    auto date = date_param(req);
    if (!date) return http::error(date.error());
    Audience a;
    auto out = view<json>(ctx, req, a, [&](TelechatService& s, Audience au) { return s.json(*date, au); });
    if (!out) return http::error(out.error());
    return http::json(200, *out);
  });
  auto on_date = [&ctx](const char* action, auto op) {
    return [&ctx, action, op](const Request& req) {
      auto date = date_param(req);
      if (!date) return http::error(date.error());
      return edit(ctx, req, action, [&](TelechatService& s, const json& body) { return op(s, *date, req, body); });
    };
  };
  router.add(Method::post, "/api/v1/telechats/{date}/items",
             on_date("telechat.item.add", [](TelechatService& s, std::int64_t d, const Request&, const json& b) -> Result<json> {
               auto item = s.add_item(d, b);
               if (!item) return item.error();
               return json{{"created", true}, {"id", item->id}, {"agenda", *s.json(d, Audience::secretariat)}};
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/items/{id}/close",
             on_date("telechat.item.close", [](TelechatService& s, std::int64_t d, const Request& req, const json&) {
               return status_only(s.close_item(d, req.param("id")), {{"closed", req.param("id")}});
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/items/{id}/move",
             on_date("telechat.item.move", [](TelechatService& s, std::int64_t d, const Request& req, const json& b) {
               return status_only(s.move_item(d, req.param("id"), b), {{"moved", req.param("id")}});
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/regrets",
             on_date("telechat.regrets", [](TelechatService& s, std::int64_t d, const Request&, const json& b) {
               return status_only(s.add_regret(d, b), {{"regrets", b.value("member", "")}});
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/cancel",
             on_date("telechat.cancel", [](TelechatService& s, std::int64_t d, const Request&, const json& b) {
               bool cancelled = !b.contains("cancelled") || b["cancelled"] == true;
               return status_only(s.set_cancelled(d, cancelled), {{"cancelled", cancelled}});
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/documents",
             on_date("telechat.document", [](TelechatService& s, std::int64_t d, const Request&, const json& b) {
               return status_only(s.place_document(d, b), {{"placed", true}});
             }));
  router.add(Method::post, "/api/v1/telechats/{date}/wg-actions",
             on_date("telechat.wg_action", [](TelechatService& s, std::int64_t d, const Request&, const json& b) {
               return status_only(s.place_wg_action(d, b), {{"placed", true}});
             }));
}

void add_telechat_pages(http::Router& router, Context& ctx) {
  router.add(Method::get, "/telechats.ics", [&ctx](const Request& req) {
    Audience a;
    std::int64_t d = today(ctx);
    auto ics = view<std::string>(ctx, req, a, [&](TelechatService& s, Audience) {
      // The feed is public: call details never go into it.
      return s.feed_ics(d - 90, d + 366, Audience::public_view, {base_url(req), ctx.now()});
    });
    if (!ics) return http::error(ics.error());
    return http::text(200, *ics, "text/calendar; charset=utf-8");
  });
  router.add(Method::get, "/telechats", [&ctx](const Request& req) {
    Caller caller = identify(ctx, req);
    std::int64_t d = today(ctx);
    json rows = json::array();
    Status s = ctx.store.read([&](Repo& r) -> Status {
      auto list = r.telechats().list(d - 60, d + 366);
      if (!list) return list.error();
      for (const auto& t : *list)
        rows.push_back({{"date", format_date(t.date)}, {"kind", std::string(telechat::to_string(t.kind))},
                        {"status", t.cancelled ? "cancelled" : telechat::meeting(t) ? "meeting" : "no meeting"}});
      return ok_status();
    });
    if (!s) return error_page(caller, s.error());
    return page(caller, "IESG telechats", render_template(kTelechatListTemplate, {{"telechats", rows}, {"any", !rows.empty()}}));
  });
  router.add(Method::get, "/telechats/{date}.md", [&ctx](const Request& req) {
    auto date = date_param(req);
    if (!date) return http::error(date.error());
    Audience a;
    auto md = view<std::string>(ctx, req, a, [&](TelechatService& s, Audience au) { return s.markdown(*date, au); });
    if (!md) return http::error(md.error());
    return http::text(200, *md, "text/markdown; charset=utf-8");
  });
  router.add(Method::get, "/telechats/{date}", [&ctx](const Request& req) {
    Caller caller = identify(ctx, req);
    auto date = date_param(req);
    if (!date) return error_page(caller, date.error());
    Audience a;
    auto body = view<std::string>(ctx, req, a, [&](TelechatService& s, Audience au) { return s.html(*date, au); });
    if (!body) return error_page(caller, body.error());
    std::string links = "<p class=\"links\"><a href=\"/telechats/" + req.param("date") +
                        ".md\">Markdown</a> · <a href=\"/api/v1/telechats/" + req.param("date") +
                        "\">JSON</a> · <a href=\"/telechats.ics\">Calendar</a></p>";
    return page(caller, "IESG telechat " + req.param("date"), links + *body);
  });
}

}  // namespace

void add_telechat_routes(http::Router& router, Context& ctx) {
  add_telechat_api(router, ctx);
  add_telechat_pages(router, ctx);
}

}  // namespace convene::web
