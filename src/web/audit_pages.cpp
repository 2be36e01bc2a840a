// The audit log as a page for the secretariat (issue 13): who changed what,
// when, newest first, a page of entries at a time.
#include "api_support.h"
#include "html.h"

namespace convene::web {

using nlohmann::json;

namespace {

constexpr int kEntriesPerPage = 100;
constexpr std::size_t kDetailChars = 240;

// The page of an audited object, when it has one.
std::string object_href(const std::string& object) {
  const auto colon = object.find(':');
  if (colon == std::string::npos) return "";
  const std::string kind = object.substr(0, colon), rest = object.substr(colon + 1);
  if (kind == "meeting") return "/meetings/" + http::percent_encode(rest);
  if (kind == "group") return "/groups/" + http::percent_encode(rest);
  if (kind == "area") return "/groups?area=" + http::percent_encode(rest);
  if (kind == "telechat") return "/telechats/" + http::percent_encode(rest);
  if (kind == "request") return "/api/v1/dispatch/requests/" + http::percent_encode(rest);
  if (kind == "draft" && rest.size() > 3) return "/drafts/" + http::percent_encode(rest.substr(0, rest.size() - 3)) + "/history";
  if (kind == "schedule") {
    const auto sep = rest.find(':');
    if (sep != std::string::npos)
      return "/meetings/" + http::percent_encode(rest.substr(0, sep)) + "/schedules/" + http::percent_encode(rest.substr(sep + 1));
  }
  return "";
}

json entry_row(const AuditEntry& e) {
  std::string detail = e.detail == "{}" ? "" : e.detail;
  if (detail.size() > kDetailChars) detail = detail.substr(0, kDetailChars) + "…";
  return {{"id", e.id},
          {"when", format_utc(e.at)},
          {"who", e.actor},
          {"what", std::string(action_label(e.action))},
          {"object", e.object},
          {"href", object_href(e.object)},
          {"detail", detail}};
}

}  // namespace

Response audit_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return error_page(caller, unauthorized("sign in as the secretariat to read the audit log"));
  if (!caller.person->is_secretariat()) return error_page(caller, forbidden("only the secretariat reads the audit log"));
  auto before = query_int(req, "before", 1, 2'000'000'000, 0);
  if (!before) return error_page(caller, before.error());
  auto entries = in_read<std::vector<AuditEntry>>(
      ctx, [&](Repositories& r) { return r.audit().recent(kEntriesPerPage + 1, *before); });
  if (!entries) return error_page(caller, entries.error());
  const bool more = entries->size() > static_cast<std::size_t>(kEntriesPerPage);
  if (more) entries->pop_back();
  json rows = json::array();
  for (const auto& e : *entries) rows.push_back(entry_row(e));
  json view = {{"entries", rows},
               {"any", !rows.empty()},
               {"older", more ? json(entries->back().id) : json(false)},
               {"newest", *before != 0}};
  return page(caller, Place{"Audit log", "/audit", {}}, render_template("audit", view));
}

}  // namespace convene::web
