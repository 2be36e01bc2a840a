// The secretariat's schedule pages (issue 12, item 6 in a browser): load a
// meeting's requests, run the solver, follow its progress, read a version's
// cost and violations, make one official. Each form becomes the API's body,
// read by the same domain reader, and the same use case runs.

#include "api_support.h"
#include "services.h"
#include "urls.h"
#include "convene/meeting/service.h"
#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"
#include "html.h"

namespace convene::web {

namespace {

using nlohmann::json;
using Form = std::map<std::string, std::string>;

bool is_meeting_number(const std::string& s) {
  return !s.empty() && s.size() <= 6 && s[0] != '0' && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

std::string state_label(const VersionView& v) {
  if (v.state == "ready") return v.infeasible.empty() ? "Ready" : "No longer fits the requests";
  if (v.state == "queued") return "Waiting for a worker";
  if (v.state == "running") return "Solving";
  if (v.state == "failed") return "Failed";
  return "Cancelled";
}

std::string progress_of(const VersionView& v) {
  if (!v.job || v.state != "running") return "";
  json p = json::parse(v.job->progress, nullptr, false);
  if (!p.is_object() || !p.contains("best_cost")) return "starting";
  return "best so far " + p["best_cost"].dump() + " after " + std::to_string(p.value("elapsed_s", 0.0)).substr(0, 4) + " s";
}

json version_row(const std::string& number, const VersionView& v) {
  json row = {{"name", v.version.name},
              {"href", meeting_path(number) + "/schedules/" + http::percent_encode(v.version.name)},
              {"official", v.version.official},
              {"state", state_label(v)},
              {"progress", progress_of(v)}};
  row["cost"] = v.cost ? json(v.cost->total) : json("");
  row["bound"] = v.version.bound ? json(*v.version.bound) : json("");
  row["gap"] = v.cost && v.version.bound ? json(v.cost->total - *v.version.bound) : json("");
  return row;
}

struct PlanSummary {
  Meeting meeting;
  std::vector<VersionView> versions;
  schedule::Problem problem;
};

Result<PlanSummary> summary(Context& ctx, const std::string& number) {
  return in_read<PlanSummary>(ctx, [&](Repositories& r) -> Result<PlanSummary> {
    PlanRepos repos = plan_repos(r);
    auto m = find_meeting(r.meetings(), number);
    if (!m) return m.error();
    auto versions = list_versions(repos, r.jobs(), number);
    if (!versions) return versions.error();
    auto problem = export_problem(repos, number);
    if (!problem) return problem.error();
    return PlanSummary{*m, std::move(*versions), std::move(*problem)};
  });
}

Response schedules_view(Context& ctx, const Caller& caller, const std::string& number, const Error* problem,
                        const Form& form) {
  auto s = summary(ctx, number);
  if (!s) return error_page(caller, s.error());
  json rows = json::array();
  bool official = false;
  for (const auto& v : s->versions) {
    rows.push_back(version_row(number, v));
    official = official || v.version.official;
  }
  json view = {{"number", number},
               {"schedules", rows},
               {"any", !rows.empty()},
               {"official", official},
               {"plan", {{"rooms", s->problem.rooms.size()},
                         {"timeslots", s->problem.timeslots.size()},
                         {"sessions", s->problem.sessions.size()},
                         {"constraints", s->problem.constraints.size()}}},
               {"has_plan", !s->problem.sessions.empty() || !s->problem.timeslots.empty()},
               {"can_edit", caller.person && caller.person->is_secretariat()},
               {"csrf", caller.csrf},
               {"form", {{"name", form_field(form, "name")},
                         {"time_limit_s", form_field(form, "time_limit_s").empty() ? "30" : form_field(form, "time_limit_s")},
                         {"seed", form_field(form, "seed").empty() ? "1" : form_field(form, "seed")},
                         {"start", form_field(form, "start")}}}};
  if (problem) view["problem"] = problem->message;
  return page(caller, Place{"Schedules of " + meeting_title(s->meeting), "/", meeting_trail(number)},
              render_template("schedules", view), problem ? http::status_for(problem->kind) : 200);
}

std::string term_label(schedule::Term t) {
  std::string name(schedule::to_string(t));
  for (auto& c : name)
    if (c == '_') c = ' ';
  if (!name.empty()) name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

json cost_view(const schedule::CostReport& cost) {
  json terms = json::array(), violations = json::array();
  for (const auto& t : cost.terms) terms.push_back({{"label", term_label(t.term)}, {"count", t.count}, {"cost", t.cost}});
  for (const auto& v : cost.violations) {
    std::string sessions;
    for (const auto& s : v.sessions) sessions += (sessions.empty() ? "" : ", ") + s;
    violations.push_back({{"label", term_label(v.term)}, {"sessions", sessions}, {"detail", v.detail}, {"cost", v.cost}});
  }
  return {{"terms", terms}, {"violations", violations}, {"any_violation", !violations.empty()}};
}

// The form's POST: the signed-in person and the parsed form, or the error page.
template <class Apply>
Response schedules_form(Context& ctx, const Request& req, Apply apply) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    const std::string number = req.param("number");
    Status st = apply(who, form, number);
    if (!st) return schedules_view(ctx, caller, number, &st.error(), form);
    return http::redirect(meeting_path(number) + "/schedules");
  });
}

Response import_view(const Caller& caller, const Form& form, const Error* problem) {
  if (!caller.person || !caller.person->is_secretariat())
    return error_page(caller, forbidden("only the secretariat may load a meeting's requests"));
  json view = {{"csrf", caller.csrf}, {"number", form_field(form, "number")}, {"problem_text", form_field(form, "problem")}};
  if (problem) view["problem"] = problem->message;
  return page(caller, Place{"Load a meeting's requests", "/", {{"Meetings", "/"}}}, render_template("meeting_import", view),
              problem ? http::status_for(problem->kind) : 200);
}

// A pasted scheduling problem loaded into meeting `number`, in one write.
Status import_pasted(Context& ctx, const Person& who, const std::string& number, const std::string& text) {
  auto problem = schedule::parse_problem(text);
  if (!problem) return problem.error();
  return in_write<Ok>(ctx, [&](Repositories& r) {
    return import_problem(plan_repos(r), auditor(ctx, r, who), who, number, *problem, ctx.now());
  });
}

Response import_meeting(Context& ctx, const Caller& caller, const Person& who, const Form& form) {
  const std::string number = form_field(form, "number");
  Status st = [&]() -> Status {
    if (!is_meeting_number(number))
      return invalid("bad_value", "Meeting number: digits without a leading zero, such as 106");
    return import_pasted(ctx, who, number, form_field(form, "problem"));
  }();
  if (!st) return import_view(caller, form, &st.error());
  return http::redirect(meeting_path(number) + "/schedules");
}

}  // namespace

Response import_meeting_page(Context& ctx, const Request& req) { return import_view(identify(ctx, req), {}, nullptr); }

Response import_meeting_form_post(Context& ctx, const Request& req) {
  return with_form(ctx, req, [&](const Caller& caller, const Person& who, const Form& form) {
    return import_meeting(ctx, caller, who, form);
  });
}

Response schedules_page(Context& ctx, const Request& req) {
  return schedules_view(ctx, identify(ctx, req), req.param("number"), nullptr, {});
}

Response schedule_page(Context& ctx, const Request& req) {
  Caller caller = identify(ctx, req);
  const std::string number = req.param("number"), name = req.param("name");
  auto v = in_read<VersionView>(ctx, [&](Repositories& r) {
    return find_version(plan_repos(r), r.jobs(), number, name);
  });
  if (!v) return error_page(caller, v.error());
  json view = version_row(number, *v);
  view["number"] = number;
  view["infeasible"] = v->infeasible;
  view["error"] = v->job && v->job->state == JobState::failed ? v->job->error : "";
  view["can_edit"] = caller.person && caller.person->is_secretariat() && v->state == "ready" && !v->version.official &&
                     v->infeasible.empty();
  view["csrf"] = caller.csrf;
  view["can_cancel"] = caller.person && caller.person->is_secretariat() && (v->state == "queued" || v->state == "running");
  if (v->cost) view["cost_view"] = cost_view(*v->cost);
  auto trail = meeting_trail(number);
  trail.push_back({"Schedules", meeting_path(number) + "/schedules"});
  return page(caller, Place{"Schedule " + name, "/", trail}, render_template("schedule", view));
}

Response load_problem_form_post(Context& ctx, const Request& req) {
  return schedules_form(ctx, req, [&](const Person& who, const Form& form, const std::string& number) -> Status {
    return import_pasted(ctx, who, number, form_field(form, "problem"));
  });
}

Response solve_form_post(Context& ctx, const Request& req) {
  return schedules_form(ctx, req, [&](const Person& who, const Form& form, const std::string& number) -> Status {
    json solve = {{"time_limit_s", form_number(form_field(form, "time_limit_s"))}, {"seed", form_number(form_field(form, "seed"))}};
    if (!form_field(form, "start").empty()) solve["start"] = form_field(form, "start");
    auto in = version_from_json({{"name", form_field(form, "name")}, {"solve", solve}});
    if (!in) return in.error();
    auto v = in_write<ScheduleVersion>(ctx, [&](Repositories& r) {
      return add_version(plan_repos(r), r.jobs(),
                         auditor(ctx, r, who), who, number, *in, ctx.now());
    });
    if (!v) return v.error();
    return ok_status();
  });
}

Response cancel_form_post(Context& ctx, const Request& req) {
  return schedules_form(ctx, req, [&](const Person& who, const Form&, const std::string& number) -> Status {
    return in_write<Ok>(ctx, [&](Repositories& r) {
      return cancel_version(plan_repos(r), r.jobs(),
                            auditor(ctx, r, who), who, number, req.param("name"), ctx.now());
    });
  });
}

Response official_form_post(Context& ctx, const Request& req) {
  return schedules_form(ctx, req, [&](const Person& who, const Form&, const std::string& number) -> Status {
    return in_write<Ok>(ctx, [&](Repositories& r) {
      return make_official(plan_repos(r), r.jobs(),
                           auditor(ctx, r, who), who, number, req.param("name"), ctx.now());
    });
  });
}

}  // namespace convene::web
