// The JSON API under /api/v1. Handlers: parse, call one action, render.
#include <charconv>

#include <nlohmann/json.hpp>

#include "dispatch_actions.h"
#include "routes.h"
#include "views.h"

namespace convene::web {
namespace {

using http::Method;
using http::Request;
using http::Response;
using nlohmann::json;

// Runs `write` for a signed-in API caller with a JSON object body.
template <class F>
Response with_body(Context& ctx, const Request& req, F write) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  auto body = http::parse_json_object(req);
  if (!body) return http::error(body.error());
  return write(*who, *body);
}

template <class T>
Response created_or_error(const Result<T>& r, int status = 201) {
  if (!r) return http::error(r.error());
  return http::json(status, to_json(*r));
}

json session_json(const DispatchSession& s) {
  return {{"meeting", s.meeting}, {"venue", s.venue}, {"minutes", s.minutes}, {"chairs_table", s.chairs_table}};
}

json wg_entry_json(const WgAgendaEntry& e) {
  return {{"meeting", e.meeting}, {"group", e.group}, {"draft", e.draft}};
}


}  // namespace

Result<std::int64_t> parse_id(const std::string& text) {
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid("bad_id", "'" + text + "' is not a request id (a positive integer)");
  return id;
}

void add_api_routes(http::Router& router, Context& ctx) {
  router.add(Method::get, "/api/v1/openapi.json", [](const Request&) { return openapi_document(); });

  router.add(Method::get, "/api/v1/meetings", [&ctx](const Request&) {
    json out = json::array();
    ctx.store.read([&](Repo& r) {
      for (const auto& m : r.meetings()) out.push_back(to_json(m));
      return ok_status();
    });
    return http::json(200, {{"meetings", out}});
  });
  router.add(Method::post, "/api/v1/meetings", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      return created_or_error(create_meeting(ctx, who, body));
    });
  });
  router.add(Method::get, "/api/v1/meetings/{number}", [&ctx](const Request& req) {
    return created_or_error(load_meeting(ctx, req.param("number")), 200);
  });
  router.add(Method::post, "/api/v1/drafts", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      return created_or_error(submit_draft(ctx, who, body));
    });
  });
  router.add(Method::get, "/api/v1/drafts/{name}", [&ctx](const Request& req) {
    std::optional<Draft> d;
    ctx.store.read([&](Repo& r) { d = r.draft(req.param("name")); return ok_status(); });
    if (!d) return http::error(not_found("draft_unknown", "there is no draft '" + req.param("name") + "'"));
    return http::json(200, to_json(*d));
  });
  router.add(Method::get, "/api/v1/drafts/{name}/dispatch-history", [&ctx](const Request& req) {
    return created_or_error(load_history(ctx, req.param("name")), 200);
  });

  router.add(Method::post, "/api/v1/meetings/{number}/dispatch/requests", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      auto r = submit_request(ctx, who, req.param("number"), body);
      if (!r) return http::error(r.error());
      json out = to_json(*r);
      return http::json(201, out);
    });
  });
  router.add(Method::get, "/api/v1/meetings/{number}/dispatch/agenda", [&ctx](const Request& req) {
    return cached(ctx, "api:" + req.target, [&] {
      return created_or_error(load_agenda(ctx, req.param("number"), query(req, "venue")), 200);
    });
  });
  router.add(Method::put, "/api/v1/meetings/{number}/dispatch/session", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      auto s = configure_session(ctx, who, req.param("number"), body);
      if (!s) return http::error(s.error());
      return http::json(200, session_json(*s));
    });
  });
  router.add(Method::post, "/api/v1/meetings/{number}/wg-agendas", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      auto e = add_to_wg_agenda(ctx, who, req.param("number"), body);
      if (!e) return http::error(e.error());
      return http::json(201, wg_entry_json(*e));
    });
  });
  router.add(Method::get, "/api/v1/meetings/{number}/wg-agendas", [&ctx](const Request& req) {
    json out = json::array();
    ctx.store.read([&](Repo& r) {
      for (const auto& e : r.wg_agenda(req.param("number"))) out.push_back(wg_entry_json(e));
      return ok_status();
    });
    return http::json(200, {{"entries", out}});
  });
  router.add(Method::post, "/api/v1/meetings/{number}/hotrfc", [&ctx](const Request& req) {
    return with_body(ctx, req, [&](const Person& who, const json& body) {
      Status s = add_hotrfc(ctx, who, req.param("number"), body);
      if (!s) return http::error(s.error());
      return http::json(201, {{"meeting", req.param("number")}, {"draft", body["draft"]}});
    });
  });

  auto on_request = [&ctx](auto action) {
    return [&ctx, action](const Request& req) {
      auto id = parse_id(req.param("id"));
      if (!id) return http::error(id.error());
      return with_body(ctx, req, [&](const Person& who, const json& body) {
        return created_or_error(action(ctx, who, *id, body), 200);
      });
    };
  };
  router.add(Method::post, "/api/v1/dispatch/requests/{id}/decision", on_request(decide_request));
  router.add(Method::post, "/api/v1/dispatch/requests/{id}/outcome", on_request(record_request_outcome));
  router.add(Method::post, "/api/v1/dispatch/requests/{id}/arrange", on_request(arrange_request));
  router.add(Method::get, "/api/v1/dispatch/requests/{id}", [&ctx](const Request& req) {
    auto id = parse_id(req.param("id"));
    if (!id) return http::error(id.error());
    std::optional<DispatchRequest> r;
    ctx.store.read([&](Repo& repo) { r = repo.request(*id); return ok_status(); });
    if (!r) return http::error(not_found("request_unknown", "there is no dispatch request " + req.param("id")));
    json out = to_json(*r);
    out.erase("requested_by");  // private: who signed in to ask
    return http::json(200, out);
  });

  router.add(Method::get, "/api/v1/dispatch/suggest", [](const Request& req) {
    std::vector<std::string> areas;
    std::string list = query(req, "areas");
    for (size_t start = 0; start <= list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) areas.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    if (areas.empty()) return http::error(invalid("missing_field", "areas: give ?areas=art,sec"));
    return http::json(200, {{"areas", areas}, {"venue", suggest_venue(areas)}});
  });
  router.add(Method::get, "/api/v1/me", [&ctx](const Request& req) {
    auto who = api_person(ctx, req);
    if (!who) return http::error(who.error());
    return http::json(200, {{"email", who->email}, {"name", who->name}, {"roles", who->roles}});
  });
}

}  // namespace convene::web
