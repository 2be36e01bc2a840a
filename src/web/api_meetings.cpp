// The JSON API of meetings, drafts and the caller.
#include <charconv>

#include "api_support.h"
#include "convene/plan/service.h"
#include "convene/draft/service.h"
#include "convene/meeting/service.h"
#include "services.h"

namespace convene::web {

using nlohmann::json;

Response api_openapi(Context&, const Request&) { return openapi_document(); }

// ?limit=1..500 (default 100)&offset=0..: newest first.
Response api_list_meetings(Context& ctx, const Request& req) {
  auto limit = query_int(req, "limit", 1, 500, 100);
  if (!limit) return http::error(limit.error());
  auto offset = query_int(req, "offset", 0, 1'000'000, 0);
  if (!offset) return http::error(offset.error());
  auto list = in_read<std::vector<Meeting>>(ctx, [&](Repositories& r) { return r.meetings().list(*limit, *offset); });
  if (!list) return http::error(list.error());
  json out = json::array();
  for (const Meeting& m : *list) out.push_back(to_json(m));
  return http::json(200, {{"meetings", out}, {"limit", *limit}, {"offset", *offset}});
}

Response api_create_meeting(Context& ctx, const Request& req) {
  return with_input(ctx, req, meeting_from_json, [&](const Person& who, const Meeting& m) {
    return answer(in_write<Meeting>(ctx, [&](Repositories& r) { return create_meeting_with_plan(ctx, r, who, m); }),
                  201);
  });
}

Response api_get_meeting(Context& ctx, const Request& req) {
  return answer(in_read<Meeting>(ctx, [&](Repositories& r) { return find_meeting(r.meetings(), req.param("number")); }));
}

Response api_submit_draft(Context& ctx, const Request& req) {
  return with_input(ctx, req, draft_submission_from_json, [&](const Person& who, const DraftSubmission& s) {
    return answer(in_write<Draft>(ctx, [&](Repositories& r) {
                    return submit_revision(r.drafts(), r.audit(), who, s, ctx.now());
                  }),
                  201);
  });
}

Response api_get_draft(Context& ctx, const Request& req) {
  return answer(in_read<Draft>(ctx, [&](Repositories& r) { return find_draft(r.drafts(), req.param("name")); }));
}

Response api_draft_history(Context& ctx, const Request& req) {
  return answer(in_read<History>(ctx, [&](Repositories& r) {
    return dispatch_service(r, ctx).history(req.param("name"));
  }));
}

Response api_me(Context& ctx, const Request& req) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  return http::json(200, {{"email", who->email}, {"name", who->name}, {"roles", who->roles}});
}

std::string query(const Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? "" : it->second;
}

Result<int> query_int(const Request& req, const char* name, int min, int max, int fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return fallback;
  const std::string& text = it->second;
  int n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || p != text.data() + text.size() || n < min || n > max)
    return invalid("bad_value", std::string(name) + ": must be an integer from " + std::to_string(min) + " to " +
                                    std::to_string(max) + ", got '" + text + "'");
  return n;
}

}  // namespace convene::web
