// GET /search?q=TEXT: one search over drafts, groups and meetings, for
// people who know a name but not where it lives. Each list is short and
// says how many matched; the drafts link to the full drafts search.
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "convene/core/utf8.h"
#include "dispatch_views.h"
#include "html.h"
#include "templates.h"

namespace convene::web {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxSearchChars = 200;
constexpr int kShown = 10;              // per list
constexpr int kMeetingsSearched = 1000;  // the newest meetings

// True when one of `fields` contains `text` as the drafts search matches
// (contains_text: ASCII letters in any case).
bool any_contains(std::initializer_list<std::string_view> fields, const std::string& text) {
  for (std::string_view f : fields)
    if (contains_text(f, text)) return true;
  return false;
}

struct Found {
  DraftPage drafts;
  std::vector<Group> groups;  // every match, by acronym
  std::vector<Meeting> meetings;  // every match, newest first
};

Result<Found> find(Repositories& r, const std::string& text) {
  Found out;
  auto drafts = r.drafts().search(DraftQuery{text, kShown, 0});
  if (!drafts) return drafts.error();
  out.drafts = std::move(*drafts);
  auto groups = r.directory().groups();
  if (!groups) return groups.error();
  for (auto& g : *groups)
    if (any_contains({g.acronym, g.name}, text)) out.groups.push_back(std::move(g));
  auto meetings = r.meetings().list(kMeetingsSearched, 0);
  if (!meetings) return meetings.error();
  for (auto& m : *meetings)
    if (any_contains({m.number, "ietf " + m.number, m.city, m.group}, text)) out.meetings.push_back(std::move(m));
  return out;
}

json drafts_part(const std::string& text, const DraftPage& p) {
  json rows = json::array();
  for (const auto& d : p.drafts)
    rows.push_back({{"name", d.name}, {"href", "/drafts/" + http::percent_encode(d.name) + "/history"}, {"title", d.title}});
  return {{"rows", rows}, {"total", p.total}, {"any", p.total > 0}, {"more", p.total > kShown},
          {"all", "/drafts?q=" + http::percent_encode(text)}};
}

json groups_part(const std::vector<Group>& groups) {
  json rows = json::array();
  for (std::size_t i = 0; i < groups.size() && i < kShown; ++i)
    rows.push_back({{"acronym", groups[i].acronym}, {"name", groups[i].name},
                    {"href", "/groups/" + http::percent_encode(groups[i].acronym)}});
  return {{"rows", rows}, {"total", groups.size()}, {"any", !groups.empty()}, {"more", groups.size() > kShown}};
}

json meetings_part(const std::vector<Meeting>& meetings, UnixSeconds now) {
  json rows = json::array();
  for (std::size_t i = 0; i < meetings.size() && i < kShown; ++i) rows.push_back(meeting_view(meetings[i], now));
  return {{"rows", rows}, {"total", meetings.size()}, {"any", !meetings.empty()}, {"more", meetings.size() > kShown}};
}

}  // namespace

Response search_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  const std::string text = query(req, "q");
  if (text.size() > kMaxSearchChars)
    return error_page(caller, invalid("bad_value", "q: at most " + std::to_string(kMaxSearchChars) + " characters"));
  json view = {{"q", text}, {"asked", !text.empty()}};
  if (!text.empty()) {
    auto found = in_read<Found>(ctx, [&](Repositories& r) { return find(r, text); });
    if (!found) return error_page(caller, found.error());
    view["drafts"] = drafts_part(text, found->drafts);
    view["groups"] = groups_part(found->groups);
    view["meetings"] = meetings_part(found->meetings, ctx.now());
    view["nothing"] = found->drafts.total == 0 && found->groups.empty() && found->meetings.empty();
  }
  return page(caller, Place{"Search", "/search", {}}, render_template("search", view));
}

}  // namespace convene::web
