// The drafts on record, searched and paged: GET /api/v1/drafts (JSON) and
// GET /drafts (HTML), both reading the same query parameters.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "html.h"
#include "templates.h"

namespace convene::web {
namespace {

using nlohmann::json;

constexpr int kMaxOffset = 1'000'000;
constexpr std::size_t kMaxSearchChars = 200;

// ?q=TEXT&limit=N&offset=N: limit 1 to kDraftPageMax (default
// kDraftPageDefault), offset 0 to kMaxOffset. Errors bad_value naming the
// parameter.
Result<DraftQuery> draft_query(const Request& req) {
  DraftQuery q;
  q.text = query(req, "q");
  if (q.text.size() > kMaxSearchChars)
    return invalid("bad_value", "q: at most " + std::to_string(kMaxSearchChars) + " characters");
  auto limit = query_int(req, "limit", 1, kDraftPageMax, kDraftPageDefault);
  if (!limit) return limit.error();
  auto offset = query_int(req, "offset", 0, kMaxOffset, 0);
  if (!offset) return offset.error();
  q.limit = *limit;
  q.offset = *offset;
  return q;
}

Result<DraftPage> search_drafts(Context& ctx, const DraftQuery& q) {
  return in_read<DraftPage>(ctx, [&](Repositories& r) { return r.drafts().search(q); });
}

// The /drafts address of another page of the same search.
std::string page_href(const DraftQuery& q, int offset) {
  std::string href = "/drafts?q=" + http::percent_encode(q.text);
  if (q.limit != kDraftPageDefault) href += "&limit=" + std::to_string(q.limit);
  return href + "&offset=" + std::to_string(offset);
}

// "2024-10-21 23:59" of the RFC 3339 "2024-10-21T23:59:00Z": short enough
// for a narrow screen.
std::string short_utc(UnixSeconds t) {
  std::string s = format_utc(t).substr(0, 16);
  s[10] = ' ';
  return s;
}

json draft_row(const DraftSummary& d) {
  const bool has_rev = !d.rev.empty();
  return {{"name", d.name},
          {"href", "/drafts/" + http::percent_encode(d.name) + "/history"},
          {"title", d.title},
          {"rev", d.rev},
          {"datetime", has_rev ? format_utc(d.submitted_at) : ""},
          {"when", has_rev ? short_utc(d.submitted_at) : ""}};
}

json drafts_view(const DraftQuery& q, const DraftPage& p) {
  json rows = json::array();
  for (const auto& d : p.drafts) rows.push_back(draft_row(d));
  const int shown_to = q.offset + static_cast<int>(p.drafts.size());
  return {{"q", q.text},
          {"drafts", rows},
          {"any", !rows.empty()},
          {"from", q.offset + 1},
          {"to", shown_to},
          {"total", p.total},
          {"previous", q.offset > 0 ? json(page_href(q, std::max(0, q.offset - q.limit))) : json(false)},
          {"next", shown_to < p.total ? json(page_href(q, q.offset + q.limit)) : json(false)}};
}

}  // namespace

Response api_list_drafts(Context& ctx, const Request& req) {
  auto q = draft_query(req);
  if (!q) return http::error(q.error());
  auto found = search_drafts(ctx, *q);
  if (!found) return http::error(found.error());
  return http::json(200, {{"drafts", listed(found->drafts)},
                          {"total", found->total},
                          {"limit", q->limit},
                          {"offset", q->offset}});
}

Response drafts_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto q = draft_query(req);
  if (!q) return error_page(caller, q.error());
  auto found = search_drafts(ctx, *q);
  if (!found) return error_page(caller, found.error());
  return page(caller, Place{"Internet-Drafts", "/drafts", {}}, render_template("drafts", drafts_view(*q, *found)));
}

}  // namespace convene::web
