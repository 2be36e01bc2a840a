// Import and export of a meeting's plan as a scheduling problem.
#include "convene/plan/problem_io.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "plan_internal.h"

namespace convene {

using nlohmann::json;

namespace {

Result<bool> plan_is_empty(PlanRepository& plan, const std::string& number) {
  auto rooms = plan.rooms(number);
  if (!rooms) return rooms.error();
  auto slots = plan.timeslots(number);
  if (!slots) return slots.error();
  auto requests = plan.requests(number);
  if (!requests) return requests.error();
  return rooms->empty() && slots->empty() && requests->empty();
}

// A meeting made from the problem: its zone, the local dates of its first
// and last timeslot, the cutoff two weeks before its first day.
Meeting meeting_from(const std::string& number, const schedule::Problem& p) {
  Meeting m;
  m.number = number;
  m.time_zone = p.time_zone;
  std::int64_t first = 0, last = 0;
  for (std::size_t i = 0; i < p.timeslots.size(); ++i) {
    const auto day = to_local(p.timeslots[i].start, p.time_zone).days;
    first = i == 0 ? day : std::min(first, day);
    last = i == 0 ? day : std::max(last, day);
  }
  m.start_date = first;
  m.end_date = last;
  m.id_cutoff = from_local(first - 14, 23 * 60 + 59, p.time_zone);
  return m;
}

std::string directory_type(const schedule::Group& g) {
  if (g.bof) return "bof";
  if (g.area_meeting) return "area";
  if (g.proposed_rg || g.area == "irtf") return "rg";
  return g.area.empty() ? "program" : "wg";
}

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// Adds the groups (and their areas) the directory does not have yet.
Status add_to_directory(DirectoryRepository& directory, const std::vector<schedule::Group>& groups) {
  for (const auto& g : groups) {
    if (!g.area.empty()) {
      auto areas = directory.areas();
      if (!areas) return areas.error();
      if (!std::ranges::count(*areas, g.area, &Area::acronym))
        if (auto st = directory.save_area({g.area, upper(g.area), "concluded"}); !st) return st.error();
    }
    auto known = directory.group(g.acronym);
    if (!known) return known.error();
    if (*known) continue;
    Group d{g.acronym, g.acronym, directory_type(g), g.area, g.proposed_rg ? "proposed" : "active", "", ""};
    if (g.bof) d.state = "bof";
    if (auto st = directory.save_group(d); !st) return st.error();
  }
  return ok_status();
}

// One approved request per group that has a session or declares a
// constraint, in the order groups first appear; exclusive_allow is moved
// into the exceptions.
std::vector<SessionRequest> requests_from(const std::string& number, const schedule::Problem& p, const Person& who,
                                          UnixSeconds now) {
  std::vector<SessionRequest> out;
  std::map<std::string, std::size_t> index;
  auto of = [&](const std::string& group) -> SessionRequest& {
    auto [it, added] = index.emplace(group, out.size());
    if (added) {
      SessionRequest r;
      r.meeting = number;
      r.group = group;
      r.state = SessionRequestState::approved;
      r.filed_by = r.decided_by = who.email;
      r.filed_at = r.decided_at = now;
      out.push_back(std::move(r));
    }
    return out[it->second];
  };
  for (auto s : p.sessions) {
    s.exclusive_allow.clear();
    of(s.group).sessions.push_back(std::move(s));
  }
  for (const auto& c : p.constraints) of(c.group).constraints.push_back(c);
  return out;
}

Status store_plan(PlanRepos r, const Person& who, const std::string& number, const schedule::Problem& p,
                  UnixSeconds now) {
  for (const auto& room : p.rooms)
    if (auto st = r.plan.save_room(number, {room, {}}); !st) return st.error();
  if (auto st = r.plan.add_timeslots(number, p.timeslots); !st) return st.error();
  for (const auto& g : p.groups)
    if (auto st = r.plan.save_group(number, g); !st) return st.error();
  for (const auto& req : requests_from(number, p, who, now))
    if (auto id = r.plan.save_request(req); !id) return id.error();
  for (const auto& s : p.sessions)
    for (const auto& g : s.exclusive_allow)
      if (auto st = r.plan.add_exception(number, {s.id, g, who.email, now}); !st) return st.error();
  if (auto st = r.plan.set_fixed(number, p.fixed); !st) return st.error();
  std::vector<std::pair<std::string, std::int64_t>> overrides;
  for (int i = 0; i < schedule::kTermCount; ++i) {
    const auto term = static_cast<schedule::Term>(i);
    if (p.penalties[term] != schedule::default_penalty(term))
      overrides.emplace_back(std::string(schedule::to_string(term)), p.penalties[term]);
  }
  return r.plan.set_penalties(number, overrides);
}

}  // namespace

Status import_problem(PlanRepos r, const Auditor& audit, const Person& who, const std::string& number,
                      const schedule::Problem& problem, UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may load a meeting's requests");
  auto m = r.meetings.find(number);
  if (!m) return m.error();
  if (!*m) {
    if (problem.timeslots.empty()) return rejected("meeting_unknown", "there is no meeting " + number +
                                                                          " and the problem has no timeslots to make one from");
    if (auto st = r.meetings.insert(meeting_from(number, problem)); !st) return st.error();
  }
  auto empty = plan_is_empty(r.plan, number);
  if (!empty) return empty.error();
  if (!*empty) return conflict("plan_not_empty", "meeting " + number + " already has rooms, timeslots or requests");
  if (auto st = add_to_directory(r.directory, problem.groups); !st) return st.error();
  if (auto st = store_plan(r, who, number, problem, now); !st) return st.error();
  json detail = {{"rooms", problem.rooms.size()},
                 {"timeslots", problem.timeslots.size()},
                 {"sessions", problem.sessions.size()},
                 {"constraints", problem.constraints.size()}};
  return audit.record("plan.import", audit_object::meeting(number), detail.dump());
}

Result<schedule::Problem> export_problem(PlanRepos r, const std::string& number) {
  auto m = plan_meeting(r.meetings, number);
  if (!m) return m.error();
  schedule::Problem p;
  p.meeting_number = number;
  p.time_zone = m->time_zone;
  auto rooms = r.plan.rooms(number);
  auto slots = r.plan.timeslots(number);
  auto groups = r.plan.groups(number);
  auto requests = r.plan.requests(number);
  auto exceptions = r.plan.exceptions(number);
  auto fixed = r.plan.fixed(number);
  auto penalties = r.plan.penalties(number);
  if (auto e = first_error(rooms, slots, groups, requests, exceptions, fixed, penalties)) return *e;
  for (const auto& room : *rooms) p.rooms.push_back(room.room);
  p.timeslots = std::move(*slots);
  p.groups = std::move(*groups);
  for (const auto& req : *requests) {
    if (req.state != SessionRequestState::approved) continue;
    p.sessions.insert(p.sessions.end(), req.sessions.begin(), req.sessions.end());
    p.constraints.insert(p.constraints.end(), req.constraints.begin(), req.constraints.end());
  }
  for (auto& s : p.sessions)
    for (const auto& e : *exceptions)
      if (e.session == s.id) s.exclusive_allow.push_back(e.group);
  p.fixed = std::move(*fixed);
  for (const auto& [name, value] : *penalties)
    if (auto term = schedule::term_from(name)) p.penalties.set(*term, value);
  auto valid = schedule::problem_from_json(schedule::to_json(p));
  if (!valid) return internal("the plan of meeting " + number + " is not a valid problem: " + valid.error().message);
  return valid;
}

}  // namespace convene
