// Schedule versions: stored, solved as jobs, costed, made official, compared.
#include "convene/plan/schedules.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "convene/meeting/json_fields.h"
#include "convene/plan/problem_io.h"
#include "plan_internal.h"

namespace convene {

namespace jf = json_fields;
using nlohmann::json;

namespace {

bool is_version_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  return std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
}

Result<SolveRequest> solve_from_json(const json& j) {
  if (!j.is_object()) return jf::bad_type("solve", "must be an object like {\"time_limit_s\": 30}");
  SolveRequest s;
  auto limit = jf::integer(j, "time_limit_s", 1, 3600);
  if (!limit) return jf::bad_value("solve.time_limit_s", limit.error().message);
  s.time_limit_s = static_cast<double>(*limit);
  auto seed = jf::optional_integer(j, "seed", 0, 2147483647, 1);
  if (!seed) return jf::bad_value("solve.seed", seed.error().message);
  s.seed = static_cast<std::uint64_t>(*seed);
  auto start = jf::optional_text(j, "start", {.max_chars = 64, .allow_empty = true});
  if (!start) return jf::bad_value("solve.start", start.error().message);
  s.start = start->value_or("");
  return s;
}

// The assignments of a version whose job is done, from the job's result.
std::optional<std::vector<schedule::Assignment>> solved(const Job& job) {
  if (job.state != JobState::done) return std::nullopt;
  json result = json::parse(job.result, nullptr, false);
  if (!result.is_object() || !result.contains("schedule")) return std::nullopt;
  auto s = schedule::schedule_from_json(result["schedule"]);
  if (!s) return std::nullopt;
  return s->assignments;
}

std::optional<std::int64_t> job_bound(const Job& job) {
  json result = json::parse(job.result, nullptr, false);
  if (result.is_object() && result.contains("bound") && result["bound"].is_number_integer())
    return result["bound"].get<std::int64_t>();
  return std::nullopt;
}

Result<VersionView> view_of(JobRepository& jobs, const ScheduleVersion& v, const schedule::Problem* problem) {
  VersionView out{v, "ready", std::nullopt, std::nullopt, ""};
  if (!v.assignments && v.job) {
    auto job = jobs.find(*v.job);
    if (!job) return job.error();
    if (*job) {
      out.job = **job;
      out.state = std::string(to_string(out.job->state));
      out.version.assignments = solved(*out.job);
      if (out.version.assignments) out.state = "ready";
      if (!out.version.bound) out.version.bound = job_bound(*out.job);
    } else {
      out.state = "failed";
    }
  }
  if (problem && out.version.assignments) {
    auto cost = schedule::evaluate(*problem, schedule::Schedule{*out.version.assignments});
    if (cost) out.cost = std::move(*cost);
    else out.infeasible = cost.error().message;
  }
  return out;
}

json solve_input(const schedule::Problem& problem, const SolveRequest& s,
                 const std::optional<std::vector<schedule::Assignment>>& start) {
  json in = {{"problem", schedule::to_json(problem)},
             {"time_limit_s", s.time_limit_s},
             {"seed", s.seed},
             {"bound_s", std::min(60.0, s.time_limit_s / 3)}};
  if (start) in["start"] = schedule::to_json(schedule::Schedule{*start});
  return in;
}

Result<VersionView> ready_version(PlanRepos r, JobRepository& jobs, const std::string& meeting,
                                  const std::string& name) {
  auto v = find_version(r, jobs, meeting, name);
  if (!v) return v.error();
  if (v->state != "ready")
    return rejected("schedule_not_ready", "schedule " + name + " is not ready (" + v->state + ")");
  return v;
}

// Sequences raised for each session whose timeslot differs between the two.
std::vector<std::pair<std::string, int>> raised(std::vector<std::pair<std::string, int>> seq,
                                                const std::vector<schedule::Assignment>& before,
                                                const std::vector<schedule::Assignment>& after) {
  std::map<std::string, std::string> old, now;
  for (const auto& a : before) old[a.session] = a.timeslot;
  for (const auto& a : after) now[a.session] = a.timeslot;
  std::map<std::string, int> count(seq.begin(), seq.end());
  for (const auto& [session, slot] : now)
    if (old.count(session) && old[session] != slot) ++count[session];
  for (const auto& [session, slot] : old)
    if (!now.count(session)) ++count[session];
  return {count.begin(), count.end()};
}

}  // namespace

Result<VersionInput> version_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  auto name = jf::text(body, "name", {.max_chars = 64});
  if (!name) return name.error();
  if (!is_version_name(*name))
    return jf::bad_value("name", "must be 1-64 letters, digits, '-', '_' or '.', got " + jf::show(body["name"]));
  VersionInput in{*name, std::nullopt, std::nullopt};
  const bool given = body.contains("schedule"), solve = body.contains("solve");
  if (given == solve) return jf::bad_value("body", "give exactly one of \"schedule\" and \"solve\"");
  if (given) {
    auto s = schedule::schedule_from_json(body["schedule"]);
    if (!s) return s.error();
    in.schedule = std::move(*s);
  } else {
    auto s = solve_from_json(body["solve"]);
    if (!s) return s.error();
    in.solve = std::move(*s);
  }
  return in;
}

Result<ScheduleVersion> add_version(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                                    const std::string& meeting, const VersionInput& in, UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may add schedules or run the solver");
  auto problem = export_problem(r, meeting);
  if (!problem) return problem.error();
  ScheduleVersion v{meeting, in.name, false, std::nullopt, std::nullopt, std::nullopt, who.email, now, 0};
  if (in.schedule) {
    if (auto st = schedule::check_schedule(*problem, *in.schedule); !st) return st.error();
    v.assignments = in.schedule->assignments;
  } else {
    std::optional<std::vector<schedule::Assignment>> start;
    if (!in.solve->start.empty()) {
      auto from = ready_version(r, jobs, meeting, in.solve->start);
      if (!from) return rejected("start_unknown", "cannot start from " + in.solve->start + ": " + from.error().message);
      start = from->version.assignments;
    }
    auto job = jobs.enqueue("solve", solve_input(*problem, *in.solve, start).dump(), who.email, now);
    if (!job) return job.error();
    v.job = *job;
  }
  if (auto st = r.plan.add_schedule(v); !st) return st.error();
  json detail = {{"solve", v.job.has_value()}};
  if (auto st = audit.record("schedule.add", audit_object::schedule(meeting, in.name), detail.dump()); !st)
    return st.error();
  return v;
}

Result<std::vector<VersionView>> list_versions(PlanRepos r, JobRepository& jobs, const std::string& meeting) {
  auto problem = export_problem(r, meeting);
  if (!problem) return problem.error();
  auto versions = r.plan.schedules(meeting);
  if (!versions) return versions.error();
  std::vector<VersionView> out;
  for (const auto& v : *versions) {
    auto view = view_of(jobs, v, &*problem);
    if (!view) return view.error();
    out.push_back(std::move(*view));
  }
  return out;
}

Result<VersionView> find_version(PlanRepos r, JobRepository& jobs, const std::string& meeting,
                                 const std::string& name) {
  auto problem = export_problem(r, meeting);
  if (!problem) return problem.error();
  auto v = r.plan.schedule(meeting, name);
  if (!v) return v.error();
  if (!*v) return not_found("schedule_unknown", "meeting " + meeting + " has no schedule named " + name);
  return view_of(jobs, **v, &*problem);
}

Result<std::optional<VersionView>> official_version(PlanRepos r, JobRepository& jobs, const std::string& meeting) {
  if (auto m = plan_meeting(r.meetings, meeting); !m) return m.error();
  auto versions = r.plan.schedules(meeting);
  if (!versions) return versions.error();
  for (const auto& v : *versions) {
    if (!v.official) continue;
    auto view = view_of(jobs, v, nullptr);
    if (!view) return view.error();
    return std::optional<VersionView>(std::move(*view));
  }
  return std::optional<VersionView>();
}

Status make_official(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                     const std::string& meeting, const std::string& name, UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may make a schedule official");
  auto v = ready_version(r, jobs, meeting, name);
  if (!v) return v.error();
  if (!v->infeasible.empty()) return rejected("schedule_infeasible", v->infeasible);
  auto before = official_version(r, jobs, meeting);
  if (!before) return before.error();
  if (*before && (*before)->version.name == name) return ok_status();
  if (*before && (*before)->version.assignments) {
    auto seq = r.plan.sequences(meeting);
    if (!seq) return seq.error();
    auto next = raised(*seq, *(*before)->version.assignments, *v->version.assignments);
    if (auto st = r.plan.set_sequences(meeting, next); !st) return st.error();
  }
  // A solved version's result moves from its job into the version.
  if (auto st = r.plan.set_schedule_result(meeting, name, *v->version.assignments, v->version.bound); !st)
    return st.error();
  if (auto st = r.plan.set_official(meeting, name, now); !st) return st.error();
  return audit.record("schedule.official", audit_object::schedule(meeting, name), "{}");
}

namespace {

// Where the official schedule of `meeting` puts each session: its slot and room name.
Result<std::map<std::string, std::pair<schedule::Timeslot, std::string>>> official_places(PlanRepository& plan,
                                                                                            const std::string& meeting) {
  std::map<std::string, std::pair<schedule::Timeslot, std::string>> out;
  auto versions = plan.schedules(meeting);
  auto slots = plan.timeslots(meeting);
  auto rooms = plan.rooms(meeting);
  if (auto e = first_error(versions, slots, rooms)) return *e;
  for (const auto& v : *versions) {
    if (!v.official || !v.assignments) continue;
    for (const auto& a : *v.assignments) {
      auto slot = std::ranges::find(*slots, a.timeslot, &schedule::Timeslot::id);
      if (slot == slots->end()) continue;
      auto room = std::ranges::find_if(*rooms, [&](const MeetingRoom& x) { return x.room.id == slot->room; });
      out[a.session] = {*slot, room == rooms->end() ? slot->room : room->room.name};
    }
  }
  return out;
}

}  // namespace

Result<std::vector<GroupSession>> sessions_of_group(PlanRepos r, const std::string& group) {
  auto requests = r.plan.requests_of_group(group);
  if (!requests) return requests.error();
  std::vector<GroupSession> out;
  for (auto it = requests->rbegin(); it != requests->rend(); ++it) {
    auto m = r.meetings.find(it->meeting);
    if (!m) return m.error();
    auto places = official_places(r.plan, it->meeting);
    if (!places) return places.error();
    for (const auto& s : it->sessions) {
      GroupSession g{it->meeting, s.id, it->state, std::nullopt, "", *m ? (*m)->time_zone : "UTC"};
      if (auto p = places->find(s.id); p != places->end()) {
        g.slot = p->second.first;
        g.room = p->second.second;
      }
      out.push_back(std::move(g));
    }
  }
  return out;
}

Status cancel_version(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                      const std::string& meeting, const std::string& name, UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may stop the solver");
  if (auto m = plan_meeting(r.meetings, meeting); !m) return m.error();
  auto v = r.plan.schedule(meeting, name);
  if (!v) return v.error();
  if (!*v) return not_found("schedule_unknown", "meeting " + meeting + " has no schedule named " + name);
  if (!(*v)->job || (*v)->assignments) return conflict("not_solving", "schedule " + name + " is not being solved");
  auto stopped = jobs.cancel(*(*v)->job, now);
  if (!stopped) return stopped.error();
  if (!*stopped) return conflict("not_solving", "the solver of schedule " + name + " has already ended");
  return audit.record("schedule.cancel", audit_object::schedule(meeting, name), "{}");
}

Result<json> compare_versions(PlanRepos r, JobRepository& jobs, const std::string& meeting, const std::string& a,
                              const std::string& b) {
  auto from = ready_version(r, jobs, meeting, a);
  if (!from) return from.error();
  auto to = ready_version(r, jobs, meeting, b);
  if (!to) return to.error();
  std::map<std::string, std::string> old, now;
  for (const auto& x : *from->version.assignments) old[x.session] = x.timeslot;
  for (const auto& x : *to->version.assignments) now[x.session] = x.timeslot;
  json moved = json::array();
  auto slot = [](const std::map<std::string, std::string>& m, const std::string& s) {
    auto it = m.find(s);
    return it == m.end() ? json(nullptr) : json(it->second);
  };
  std::map<std::string, int> sessions;
  for (const auto& [s, _] : old) sessions[s] = 1;
  for (const auto& [s, _] : now) sessions[s] = 1;
  for (const auto& [s, _] : sessions)
    if (slot(old, s) != slot(now, s)) moved.push_back({{"session", s}, {"from", slot(old, s)}, {"to", slot(now, s)}});
  json out = {{"from", a}, {"to", b}, {"moved", moved}};
  if (from->cost && to->cost) {
    out["cost"] = {{"from", from->cost->total}, {"to", to->cost->total}, {"difference", to->cost->total - from->cost->total}};
    std::map<std::string, std::int64_t> terms;
    for (const auto& t : from->cost->terms) terms[std::string(schedule::to_string(t.term))] -= t.cost;
    for (const auto& t : to->cost->terms) terms[std::string(schedule::to_string(t.term))] += t.cost;
    out["terms"] = json::object();
    for (const auto& [name, diff] : terms)
      if (diff != 0) out["terms"][name] = diff;
  }
  return out;
}

json to_json(const VersionView& v, bool detail) {
  json j = {{"name", v.version.name},
            {"official", v.version.official},
            {"state", v.state},
            {"created_at", format_utc(v.version.created_at)},
            {"job", v.version.job ? json(*v.version.job) : json(nullptr)}};
  j["cost"] = v.cost ? json(v.cost->total) : json(nullptr);
  j["bound"] = v.version.bound ? json(*v.version.bound) : json(nullptr);
  j["gap"] = v.cost && v.version.bound ? json(v.cost->total - *v.version.bound) : json(nullptr);
  if (!v.infeasible.empty()) j["infeasible"] = v.infeasible;
  if (v.job && v.state != "ready") j["progress"] = json::parse(v.job->progress, nullptr, false);
  if (v.job && v.job->state == JobState::failed) j["error"] = v.job->error;
  if (!detail) return j;
  j["format"] = schedule::kScheduleFormat;
  j["assignments"] = v.version.assignments ? schedule::to_json(schedule::Schedule{*v.version.assignments})["assignments"]
                                           : json::array();
  j["violations"] = v.cost ? schedule::to_json(*v.cost)["violations"] : json::array();
  j["terms"] = v.cost ? schedule::to_json(*v.cost)["terms"] : json::object();
  return j;
}

}  // namespace convene
