// The JSON API of IESG telechats. Changes need an IESG member or the
// secretariat; the service records each in the audit log.
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "convene/telechat/series.h"
#include "services.h"

namespace convene::web {
namespace {

using nlohmann::json;
using telechat::Audience;
using telechat::TelechatService;

// Runs one service change for an editor in one transaction. A JSON body is
// optional (an empty body reads as {}). 201 for a POST whose answer says
// "created".
Response edit(Context& ctx, const Request& req, const std::function<Result<json>(TelechatService&, const json&)>& op) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  if (auto ok = may_edit_telechats(*who); !ok) return http::error(ok.error());
  json body = json::object();
  if (!req.body.empty()) {
    auto parsed = http::parse_json_object(req);
    if (!parsed) return http::error(parsed.error());
    body = std::move(*parsed);
  }
  auto out = in_write<json>(ctx, [&](Repositories& r) {
    TelechatService service = telechat_service(r, ctx, &*who);
    return op(service, body);
  });
  if (!out) return http::error(out.error());
  return http::json(req.method == http::Method::post && out->contains("created") ? 201 : 200, *out);
}

Result<json> status_only(const Status& s, json ok) {
  if (!s) return s.error();
  return ok;
}

// An edit of the telechat on {date}.
Response on_date(Context& ctx, const Request& req,
                 const std::function<Result<json>(TelechatService&, std::int64_t, const json&)>& op) {
  auto date = parse_date(req.param("date"), "date");
  if (!date) return http::error(date.error());
  return edit(ctx, req, [&](TelechatService& s, const json& body) { return op(s, *date, body); });
}

}  // namespace

Response api_create_telechat(Context& ctx, const Request& req) {
  std::int64_t day = today(ctx);
  return edit(ctx, req, [day](TelechatService& s, const json& body) -> Result<json> {
    auto in = telechat::new_telechat_from_json(body, day);
    if (!in) return in.error();
    auto t = s.create_telechat(*in);
    if (!t) return t.error();
    auto out = s.json(t->date, Audience::secretariat);
    if (!out) return out.error();
    (*out)["created"] = true;
    return *out;
  });
}

Response api_import_telechat(Context& ctx, const Request& req) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  if (auto ok = may_edit_telechats(*who); !ok) return http::error(ok.error());
  bool replace = query(req, "replace") == "true";
  auto out = in_write<json>(ctx, [&](Repositories& r) -> Result<json> {
    TelechatService service = telechat_service(r, ctx, &*who);
    auto t = service.import_markdown(req.body, replace);
    if (!t) return t.error();
    return service.json(t->date, Audience::secretariat);
  });
  if (!out) return http::error(out.error());
  return http::json(201, *out);
}

Response api_list_series(Context& ctx, const Request&) {
  auto all = in_read<std::vector<telechat::SeriesSettings>>(
      ctx, [&](Repositories& r) { return telechat_service(r, ctx, nullptr).saved_series(); });
  if (!all) return http::error(all.error());
  json out = json::array();
  for (const auto& x : *all) out.push_back(telechat::series_to_json(x));
  return http::json(200, {{"series", out}});
}

Response api_save_series(Context& ctx, const Request& req) {
  auto kind = kind_param(req.param("kind"));
  if (!kind) return http::error(kind.error());
  return edit(ctx, req, [&](TelechatService& service, const json& body) -> Result<json> {
    auto settings = telechat::series_from_json(body, *kind);
    if (!settings) return settings.error();
    if (auto st = service.save_series(*settings); !st) return st.error();
    return telechat::series_to_json(*settings);
  });
}

Response api_get_telechat(Context& ctx, const Request& req) {
  auto date = parse_date(req.param("date"), "date");
  if (!date) return http::error(date.error());
  Audience audience = audience_of(identify(ctx, req).person);
  auto out = in_read<json>(ctx, [&](Repositories& r) { return telechat_service(r, ctx, nullptr).json(*date, audience); });
  if (!out) return http::error(out.error());
  return http::json(200, *out);
}

Response api_add_telechat_item(Context& ctx, const Request& req) {
  return on_date(ctx, req, [](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto in = telechat::new_item_from_json(b);
    if (!in) return in.error();
    auto item = s.add_item(d, *in);
    if (!item) return item.error();
    auto agenda = s.json(d, Audience::secretariat);
    if (!agenda) return agenda.error();
    return json{{"created", true}, {"id", item->id}, {"agenda", *agenda}};
  });
}

Response api_close_telechat_item(Context& ctx, const Request& req) {
  std::string id = req.param("id");
  return on_date(ctx, req, [&](TelechatService& s, std::int64_t d, const json&) {
    return status_only(s.close_item(d, id), {{"closed", id}});
  });
}

Response api_move_telechat_item(Context& ctx, const Request& req) {
  std::string id = req.param("id");
  return on_date(ctx, req, [&](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto to = telechat::section_from_json(b);
    if (!to) return to.error();
    return status_only(s.move_item(d, id, *to), {{"moved", id}});
  });
}

Response api_add_regrets(Context& ctx, const Request& req) {
  return on_date(ctx, req, [](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto member = telechat::regret_from_json(b);
    if (!member) return member.error();
    return status_only(s.add_regret(d, *member), {{"regrets", *member}});
  });
}

Response api_cancel_telechat(Context& ctx, const Request& req) {
  return on_date(ctx, req, [](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto cancelled = telechat::cancellation_from_json(b);
    if (!cancelled) return cancelled.error();
    return status_only(s.set_cancelled(d, *cancelled), {{"cancelled", *cancelled}});
  });
}

Response api_place_document(Context& ctx, const Request& req) {
  return on_date(ctx, req, [](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto entry = telechat::formal_entry_from_json(b);
    if (!entry) return entry.error();
    return status_only(s.place_document(d, *entry), {{"placed", true}});
  });
}

Response api_place_wg_action(Context& ctx, const Request& req) {
  return on_date(ctx, req, [](TelechatService& s, std::int64_t d, const json& b) -> Result<json> {
    auto entry = telechat::formal_entry_from_json(b);
    if (!entry) return entry.error();
    return status_only(s.place_wg_action(d, *entry), {{"placed", true}});
  });
}

}  // namespace convene::web
