// Home, meeting pages, the stylesheet and the health check.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api_support.h"
#include "convene/auth/tokens.h"
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
    meetings.push_back(meeting_view((*list)[i], ctx.now()));
  json view = {{"meetings", meetings},
               {"secretariat", caller.person && caller.person->is_secretariat()},
               {"older", more ? json(*page_number + 1) : json(false)},
               {"newer", *page_number > 1 ? json(*page_number - 1) : json(false)}};
  return page(caller, Place{"Meetings", "/", {}}, render_template("home", view));
}

Response meeting_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto m = load_meeting(ctx, req.param("number"));
  if (!m) return error_page(caller, m.error());
  auto official = in_read<bool>(ctx, [&](Repositories& r) -> Result<bool> {
    auto versions = r.plan().schedules(m->number);
    if (!versions) return versions.error();
    return std::ranges::any_of(*versions, [](const ScheduleVersion& v) { return v.official; });
  });
  if (!official) return error_page(caller, official.error());
  json view = {{"meeting", meeting_view(*m, ctx.now())}, {"venues", venues_view()}, {"has_agenda", *official},
               {"plenary", m->type == MeetingType::plenary}};
  return page(caller, Place{"IETF " + m->number, "/", {{"Meetings", "/"}}}, render_template("meeting", view));
}

// How many of the newest meetings "Your page" looks at.
constexpr int kMeetingsOnMyPage = 6;

// The venues whose agenda `m` has: its group's for an interim of a dispatch
// venue, the seven for a per-area plenary, ALLDISPATCH for a consolidated one.
std::vector<std::string> agenda_venues(const Meeting& m) {
  if (m.type == MeetingType::interim)
    return is_dispatch_venue(m.group) ? std::vector<std::string>{m.group} : std::vector<std::string>{};
  if (m.dispatch_mode == DispatchMode::per_area) return dispatch_venues();
  return {std::string(kAllDispatch)};
}

// The agendas `who` may chair at `meetings`.
json chaired_agendas(const Person& who, const std::vector<Meeting>& meetings) {
  json out = json::array();
  for (const Meeting& m : meetings) {
    bool per_area = m.type == MeetingType::plenary && m.dispatch_mode == DispatchMode::per_area;
    std::vector<std::string> venues = agenda_venues(m);
    for (const std::string& v : venues)
      if (may_chair(who, v))
        out.push_back({{"meeting", m.number},
                       {"title", "IETF " + m.number + " " + venue_title(v) + " agenda"},
                       {"href", "/meetings/" + m.number + "/dispatch" + (per_area ? "?venue=" + v : "")}});
  }
  return out;
}

Response my_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  if (!caller.person) return http::redirect("/login?next=%2Fme");
  ProfileNotes notes;
  if (query(req, "password") == "changed") notes.notice = "Your password is changed; your other sessions and your API tokens have ended.";
  return profile_page(ctx, caller, notes);
}

Response profile_page(Context& ctx, const Caller& caller, const ProfileNotes& notes) {
  struct Mine {
    std::vector<Meeting> meetings;
    std::vector<ApiToken> tokens;
  };
  auto mine = in_read<Mine>(ctx, [&](Repositories& r) -> Result<Mine> {
    auto meetings = r.meetings().list(kMeetingsOnMyPage, 0);
    if (!meetings) return meetings.error();
    auto tokens = list_tokens(r.people(), caller.person->email);
    if (!tokens) return tokens.error();
    return Mine{std::move(*meetings), std::move(*tokens)};
  });
  if (!mine) return error_page(caller, mine.error());
  json roles = json::array();
  for (const auto& role : caller.person->roles) roles.push_back(role_label(role));
  json newest = json::array();
  for (const Meeting& m : mine->meetings) newest.push_back(meeting_view(m, ctx.now()));
  json agendas = chaired_agendas(*caller.person, mine->meetings);
  json tokens = json::array();
  for (const auto& t : mine->tokens)
    tokens.push_back({{"id", t.id},
                      {"name", t.name.empty() ? "(no name)" : t.name},
                      {"created", format_utc(t.created_at)},
                      {"expires", t.expires_at ? format_utc(*t.expires_at) : "never"},
                      {"last_used", t.last_used_at ? format_utc(*t.last_used_at) : "never"}});
  json view = {{"name", caller.person->name}, {"email", caller.person->email},
               {"roles", roles},              {"has_roles", !roles.empty()},
               {"agendas", agendas},          {"has_agendas", !agendas.empty()},
               {"meetings", newest},          {"tokens", tokens},
               {"has_tokens", !tokens.empty()}, {"csrf", caller.csrf},
               {"notice", notes.notice},      {"new_token", notes.new_token},
               {"token_problem", notes.token_problem}, {"password_problem", notes.password_problem},
               {"token_name", notes.token_name}, {"token_days", notes.token_days}};
  const int status = notes.status;
  return page(caller, Place{"Your page", "/me", {}}, render_template("me", view), status);
}

namespace {

// An embedded stylesheet. Pages link it with "?v=<its digest>", so a new
// version has a new URL and browsers may keep each one for a year.
Response static_css(const char* name) {
  return http::text(200, embedded(name), "text/css; charset=utf-8")
      .with_header("Cache-Control", "public, max-age=31536000, immutable");
}

}  // namespace

Response stylesheet(Context&, const Request&) { return static_css("convene.css"); }

Response bootstrap_stylesheet(Context&, const Request&) { return static_css("bootstrap.min.css"); }

Response health(Context&, const Request&) { return http::text(200, "ok\n"); }

}  // namespace convene::web
