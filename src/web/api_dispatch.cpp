// The JSON API of dispatch: requests, decisions, outcomes, agendas.
#include <charconv>

#include "api_support.h"
#include "convene/dispatch/inputs.h"
#include "services.h"

namespace convene::web {
namespace {

using nlohmann::json;

// A chair's change to request {id}: read by `read`, applied by `apply`.
template <class Read, class Apply>
Response on_request(Context& ctx, const Request& req, Read read, Apply apply) {
  auto id = parse_id(req.param("id"));
  if (!id) return http::error(id.error());
  return with_input(ctx, req, read, [&](const Person& who, const auto& input) {
    return answer(in_write<DispatchRequest>(ctx, [&](Repositories& r) {
      DispatchService s = dispatch_service(r, ctx);
      return apply(s, who, *id, input);
    }));
  });
}

// A body with no fields: any JSON object.
Result<Ok> no_fields(const json&) { return Ok{}; }

std::vector<std::string> comma_list(const std::string& list) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<std::int64_t> parse_id(const std::string& text, std::string_view what) {
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0)
    return invalid("bad_id", "'" + text.substr(0, 40) + "' is not a " + std::string(what) + " id (a positive integer)");
  return id;
}

Response api_submit_request(Context& ctx, const Request& req) {
  return with_input(ctx, req, new_request_from_json, [&](const Person& who, const NewRequest& in) {
    return answer(in_write<DispatchRequest>(ctx, [&](Repositories& r) {
                    return dispatch_service(r, ctx).submit(who, req.param("number"), in);
                  }),
                  201);
  });
}

Response api_agenda(Context& ctx, const Request& req) {
  std::string venue = query(req, "venue");
  return cached(ctx, req, "api-agenda:" + req.param("number") + ":" + venue, [&] {
    return answer(in_read<Agenda>(ctx, [&](Repositories& r) {
      return shown_agenda(ctx, r, req.param("number"), venue);
    }));
  });
}

Response api_configure_session(Context& ctx, const Request& req) {
  return with_input(ctx, req, session_change_from_json, [&](const Person& who, const SessionChange& c) {
    return answer(in_write<DispatchSession>(ctx, [&](Repositories& r) {
      return dispatch_service(r, ctx).configure_session(who, req.param("number"), c);
    }));
  });
}

Response api_add_wg_agenda(Context& ctx, const Request& req) {
  auto read = [&](const json& body) { return wg_agenda_entry_from_json(body, req.param("number")); };
  return with_input(ctx, req, read, [&](const Person& who, const WgAgendaEntry& e) {
    return answer(in_write<WgAgendaEntry>(ctx, [&](Repositories& r) {
                    return dispatch_service(r, ctx).add_to_wg_agenda(who, e);
                  }),
                  201);
  });
}

Response api_list_wg_agenda(Context& ctx, const Request& req) {
  auto entries = in_read<std::vector<WgAgendaEntry>>(
      ctx, [&](Repositories& r) { return dispatch_service(r, ctx).wg_agenda(req.param("number")); });
  if (!entries) return http::error(entries.error());
  json out = json::array();
  for (const auto& e : *entries) out.push_back(to_json(e));
  return http::json(200, {{"entries", out}});
}

Response api_add_hotrfc(Context& ctx, const Request& req) {
  std::string number = req.param("number");
  return with_input(ctx, req, hotrfc_draft_from_json, [&](const Person& who, const std::string& draft) {
    auto done = in_write<Ok>(ctx, [&](Repositories& r) { return dispatch_service(r, ctx).add_hotrfc(who, number, draft); });
    if (!done) return http::error(done.error());
    return http::json(201, {{"meeting", number}, {"draft", draft}});
  });
}

Response api_decide(Context& ctx, const Request& req) {
  return on_request(ctx, req, decision_from_json, [](DispatchService& s, const Person& who, std::int64_t id,
                                                     const Decision& d) { return s.decide(who, id, d); });
}

Response api_record_outcome(Context& ctx, const Request& req) {
  return on_request(ctx, req, outcome_from_json, [](DispatchService& s, const Person& who, std::int64_t id,
                                                    const OutcomeInput& in) { return s.record_outcome(who, id, in); });
}

Response api_arrange(Context& ctx, const Request& req) {
  return on_request(ctx, req, arrangement_from_json, [](DispatchService& s, const Person& who, std::int64_t id,
                                                        const Arrangement& a) { return s.arrange(who, id, a); });
}

Response api_withdraw(Context& ctx, const Request& req) {
  return on_request(ctx, req, no_fields, [](DispatchService& s, const Person& who, std::int64_t id, const Ok&) {
    return s.withdraw(who, id);
  });
}

Response api_edit_request(Context& ctx, const Request& req) {
  return on_request(ctx, req, request_edit_from_json, [](DispatchService& s, const Person& who, std::int64_t id,
                                                         const RequestEdit& e) { return s.amend(who, id, e); });
}

Response api_undo_decline(Context& ctx, const Request& req) {
  return on_request(ctx, req, no_fields, [](DispatchService& s, const Person& who, std::int64_t id, const Ok&) {
    return s.undo_decline(who, id);
  });
}

Response api_my_requests(Context& ctx, const Request& req) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  auto mine = in_read<ProponentRequests>(ctx, [&](Repositories& r) { return dispatch_service(r, ctx).requests_of(*who); });
  if (!mine) return http::error(mine.error());
  json out = json::array();
  for (const DispatchRequest& r : mine->requests) {
    json item = to_json(r);
    auto title = mine->titles.find(r.draft);
    item["title"] = title == mine->titles.end() ? "" : title->second;
    out.push_back(std::move(item));
  }
  return http::json(200, {{"requests", out}});
}

Response api_get_request(Context& ctx, const Request& req) {
  auto id = parse_id(req.param("id"));
  if (!id) return http::error(id.error());
  auto r = in_read<DispatchRequest>(ctx, [&](Repositories& repos) { return dispatch_service(repos, ctx).request(*id); });
  if (!r) return http::error(r.error());
  return http::json(200, to_public_json(*r));
}

Response api_suggest_venue(Context&, const Request& req) {
  std::vector<std::string> areas = comma_list(query(req, "areas"));
  if (areas.empty()) return http::error(invalid("missing_field", "areas: give ?areas=art,sec"));
  return http::json(200, {{"areas", areas}, {"venue", suggest_venue(areas)}});
}

}  // namespace convene::web
