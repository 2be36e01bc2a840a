// The directory's pages: the groups by area, and one group with its chairs.
#include <map>

#include "api_support.h"
#include "services.h"
#include "convene/directory/service.h"
#include "convene/dispatch/labels.h"
#include "convene/plan/schedules.h"
#include "html.h"

namespace convene::web {
namespace {

nlohmann::json group_row(const Group& g) {
  return {{"acronym", g.acronym}, {"name", g.name}, {"type", std::string(group_type_label(g.type))},
          {"state", std::string(group_state_label(g.state))}};
}

std::string area_name(const std::vector<Area>& areas, const std::string& acronym) {
  for (const auto& a : areas)
    if (a.acronym == acronym) return a.name;
  return acronym.empty() ? "No area" : acronym;
}

// One section per area (those without one last), each in acronym order.
nlohmann::json sections(const std::vector<Group>& groups, const std::vector<Area>& areas, const std::string& only) {
  std::map<std::string, nlohmann::json> by_area;
  for (const auto& g : groups)
    if (only.empty() || g.area == only) by_area[g.area.empty() ? "~" : g.area].push_back(group_row(g));
  nlohmann::json out = nlohmann::json::array();
  for (auto& [area, rows] : by_area)
    out.push_back({{"title", area_name(areas, area == "~" ? "" : area)}, {"groups", rows}});
  return out;
}

struct Directory {
  std::vector<Group> groups;
  std::vector<Area> areas;
};

Result<Directory> load_directory(Context& ctx) {
  return in_read<Directory>(ctx, [](Repositories& r) -> Result<Directory> {
    auto groups = r.directory().groups();
    if (!groups) return groups.error();
    auto areas = r.directory().areas();
    if (!areas) return areas.error();
    return Directory{std::move(*groups), std::move(*areas)};
  });
}

}  // namespace

Response groups_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  auto d = load_directory(ctx);
  if (!d) return error_page(caller, d.error());
  std::string only = query(req, "area");
  nlohmann::json areas = nlohmann::json::array();
  for (const auto& a : d->areas)
    areas.push_back({{"acronym", a.acronym}, {"name", a.name}, {"selected", a.acronym == only}});
  nlohmann::json view = {{"areas", areas},
                         {"sections", sections(d->groups, d->areas, only)},
                         {"secretariat", caller.person && caller.person->is_secretariat()}};
  return page(caller, Place{"Groups", "/groups", {}}, render_template("groups", view));
}

// How many of the newest meetings a group page looks through for the
// dispatch requests that sent work to the group.
constexpr int kHistoryMeetings = 40;

nlohmann::json sessions_view(const std::vector<GroupSession>& sessions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : sessions) {
    nlohmann::json row = {{"meeting", s.meeting}, {"session", s.session}};
    if (s.slot) {
      row["when"] = format_local(s.slot->start, s.time_zone) + ", " + std::to_string(s.slot->duration_min) + " min";
      row["room"] = s.room;
    } else {
      row["when"] = s.state == SessionRequestState::approved ? "not placed yet" : "requested, not approved yet";
    }
    out.push_back(row);
  }
  return out;
}

// Dispatch requests whose outcome sent a draft to `group`, or heard at it.
Result<nlohmann::json> dispatch_history(Repositories& r, const std::string& group) {
  auto meetings = r.meetings().list(kHistoryMeetings, 0);
  if (!meetings) return meetings.error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : *meetings) {
    auto requests = r.dispatch().at_meeting(m.number);
    if (!requests) return requests.error();
    for (const auto& d : *requests) {
      const bool sent_here = d.outcome && d.outcome->kind == OutcomeKind::existing_wg && d.outcome->target == group;
      if (!sent_here && d.venue != group) continue;
      out.push_back({{"meeting", m.number},
                     {"draft", d.draft},
                     {"href", "/drafts/" + http::percent_encode(d.draft) + "/history"},
                     {"outcome", d.outcome ? std::string(outcome_label(d.outcome->kind)) : "no outcome yet"}});
    }
  }
  return out;
}

Response group_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  struct Found {
    Group group;
    std::vector<Person> chairs;
    std::string area_name;
    std::vector<GroupSession> sessions;
    nlohmann::json history;
  };
  auto found = in_read<Found>(ctx, [&](Repositories& r) -> Result<Found> {
    auto g = find_group(r.directory(), req.param("acronym"));
    if (!g) return g.error();
    auto chairs = r.people().with_role("chair:" + g->acronym);
    if (!chairs) return chairs.error();
    auto areas = r.directory().areas();
    if (!areas) return areas.error();
    auto sessions = sessions_of_group(plan_repos(r), g->acronym);
    if (!sessions) return sessions.error();
    auto history = dispatch_history(r, g->acronym);
    if (!history) return history.error();
    return Found{*g, std::move(*chairs), area_name(*areas, g->area), std::move(*sessions), std::move(*history)};
  });
  if (!found) return error_page(caller, found.error());
  nlohmann::json chairs = nlohmann::json::array();
  for (size_t i = 0; i < found->chairs.size(); ++i)  // names only: e-mail addresses stay private
    chairs.push_back({{"name", found->chairs[i].name}, {"last", i + 1 == found->chairs.size()}});
  nlohmann::json group = group_row(found->group);
  group["area"] = found->group.area;
  group["list_email"] = found->group.list_email;
  nlohmann::json view = {{"group", group},
                         {"area_name", found->area_name},
                         {"chairs", chairs},
                         {"dispatch_venue", found->group.type == "dispatch"},
                         {"sessions", sessions_view(found->sessions)},
                         {"any_sessions", !found->sessions.empty()},
                         {"history", found->history},
                         {"any_history", !found->history.empty()},
                         {"secretariat", caller.person && caller.person->is_secretariat()}};
  return page(caller, Place{found->group.acronym + ": " + found->group.name, "/groups", {{"Groups", "/groups"}}},
              render_template("group", view));
}

}  // namespace convene::web
