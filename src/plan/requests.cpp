// Session requests: filed by a group's chairs, approved by the area
// director (a third session) and the secretariat; and the IESG's exceptions
// to an exclusive session.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "convene/meeting/json_fields.h"
#include "convene/plan/service.h"
#include "plan_internal.h"

namespace convene {

namespace jf = json_fields;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxSessions = 3;

Result<std::pair<int, int>> session_from_json(const json& s, const std::string& field) {
  if (!s.is_object()) return jf::bad_type(field, "must be an object like {\"duration_min\": 120, \"attendees\": 80}");
  auto duration = jf::integer(s, "duration_min", 30, 480);
  if (!duration) return jf::bad_value(field + ".duration_min", duration.error().message);
  auto attendees = jf::optional_integer(s, "attendees", 0, 100000, 0);
  if (!attendees) return jf::bad_value(field + ".attendees", attendees.error().message);
  return std::pair<int, int>{static_cast<int>(*duration), static_cast<int>(*attendees)};
}

Status read_sessions(const json& body, RequestInput& in) {
  if (!body.contains("sessions")) return jf::missing("sessions");
  const json& list = body["sessions"];
  if (!list.is_array() || list.empty()) return jf::bad_type("sessions", "must be a list of one to three sessions");
  if (list.size() > kMaxSessions)
    return rejected("too_many_sessions", "sessions: a group may ask for at most 3 sessions, got " +
                                             std::to_string(list.size()));
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto s = session_from_json(list[i], "sessions[" + std::to_string(i) + "]");
    if (!s) return s.error();
    in.sessions.push_back(*s);
  }
  return ok_status();
}

Status read_conflicts(const json& body, RequestInput& in) {
  if (!body.contains("conflicts") || body["conflicts"].is_null()) return ok_status();
  const json& list = body["conflicts"];
  if (!list.is_array() || list.size() > 10) return jf::bad_type("conflicts", "must be a list of at most 10 entries");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string field = "conflicts[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return jf::bad_type(field, "must be {\"type\": ..., \"targets\": [...]}");
    auto type_name = jf::text(list[i], "type", {.max_chars = 40});
    if (!type_name) return jf::bad_value(field + ".type", type_name.error().message);
    auto type = schedule::constraint_type_from(*type_name);
    if (!type || !schedule::is_group_conflict(*type))
      return jf::bad_value(field + ".type", "must be chair_conflict, tech_overlap, key_participant, conflict, "
                                            "conflic2 or conflic3, got " + jf::show(list[i]["type"]));
    auto targets = jf::text_list(list[i], "targets", 100, {.max_chars = 40});
    if (!targets) return jf::bad_value(field + ".targets", targets.error().message);
    in.conflicts.emplace_back(*type, std::move(*targets));
  }
  return ok_status();
}

Status read_times(const json& body, RequestInput& in) {
  auto ranges = jf::text_list(body, "timeranges", 21, {.max_chars = 40});
  if (!ranges) return ranges.error();
  for (const auto& text : *ranges) {
    auto range = schedule::time_range_from(text);
    if (!range)
      return invalid("bad_timerange", "timeranges: \"" + text +
                                          "\" is not a time range like monday-morning, tuesday-afternoon-early "
                                          "or friday-afternoon-late");
    in.timeranges.push_back(*range);
  }
  auto relation = jf::optional_text(body, "time_relation", {.max_chars = 40});
  if (!relation) return relation.error();
  if (*relation && !(*relation)->empty()) {
    if (**relation == "subsequent-days") in.time_relation = schedule::TimeRelation::subsequent_days;
    else if (**relation == "one-day-separation") in.time_relation = schedule::TimeRelation::one_day_separation;
    else return jf::bad_value("time_relation", "must be subsequent-days or one-day-separation, got \"" + **relation + "\"");
    if (in.sessions.size() != 2)
      return rejected("time_relation_needs_two_sessions",
                      "time_relation: a relation between sessions needs exactly two sessions");
  }
  return ok_status();
}

Status read_lists(const json& body, RequestInput& in) {
  auto joint = jf::text_list(body, "joint_with", 10, {.max_chars = 40});
  if (!joint) return joint.error();
  in.joint_with = std::move(*joint);
  auto bethere = jf::text_list(body, "bethere", 50, {.max_chars = 200});
  if (!bethere) return bethere.error();
  in.bethere = std::move(*bethere);
  auto adjacent = jf::optional_text(body, "adjacent_with", {.max_chars = 40, .allow_empty = true});
  if (!adjacent) return adjacent.error();
  in.adjacent_with = adjacent->value_or("");
  auto resources = jf::text_list(body, "resources", 20, {.max_chars = 40});
  if (!resources) return resources.error();
  in.resources = std::move(*resources);
  auto comments = jf::optional_text(body, "comments", {.max_chars = 4000, .allow_empty = true, .multiline = true});
  if (!comments) return comments.error();
  in.comments = comments->value_or("");
  return ok_status();
}

Status check_not_own(const RequestInput& in) {
  auto own = [&](const std::vector<std::string>& v) { return std::ranges::count(v, in.group) > 0; };
  for (const auto& [type, targets] : in.conflicts)
    if (own(targets))
      return rejected("own_group_conflict", "conflicts: " + in.group + " cannot conflict with itself");
  if (own(in.joint_with)) return rejected("own_group_conflict", "joint_with: " + in.group + " cannot meet jointly with itself");
  if (in.adjacent_with == in.group) return rejected("own_group_conflict", "adjacent_with: " + in.group + " is the group itself");
  return ok_status();
}

Status check_groups_known(DirectoryRepository& directory, const RequestInput& in) {
  std::vector<std::string> names = {in.group};
  names.insert(names.end(), in.joint_with.begin(), in.joint_with.end());
  for (const auto& [type, targets] : in.conflicts) names.insert(names.end(), targets.begin(), targets.end());
  if (!in.adjacent_with.empty()) names.push_back(in.adjacent_with);
  for (const auto& name : names) {
    auto g = directory.group(name);
    if (!g) return g.error();
    if (!*g) return rejected("unknown_group", "there is no group '" + name + "' in the directory");
  }
  return ok_status();
}

// The person_ref of each bethere address, or unknown_person.
Result<std::vector<std::string>> people_known(PeopleRepository& people, const RequestInput& in) {
  std::vector<std::string> refs;
  for (const auto& email : in.bethere) {
    auto p = people.by_email(email);
    if (!p) return p.error();
    if (!*p) return rejected("unknown_person", "bethere: nobody has the address " + email);
    refs.push_back(person_ref((*p)->id));
  }
  return refs;
}

std::vector<schedule::Constraint> constraints_of(const RequestInput& in, const std::vector<std::string>& people) {
  std::vector<schedule::Constraint> out;
  for (const auto& [type, targets] : in.conflicts)
    for (const auto& t : targets) out.push_back({type, in.group, t, "", {}, {}});
  for (const auto& ref : people) out.push_back({schedule::ConstraintType::bethere, in.group, "", ref, {}, {}});
  if (!in.timeranges.empty())
    out.push_back({schedule::ConstraintType::timerange, in.group, "", "", in.timeranges, {}});
  if (in.time_relation)
    out.push_back({schedule::ConstraintType::time_relation, in.group, "", "", {}, *in.time_relation});
  if (!in.adjacent_with.empty())
    out.push_back({schedule::ConstraintType::wg_adjacent, in.group, in.adjacent_with, "", {}, {}});
  return out;
}

SessionRequest request_of(const std::string& meeting, const RequestInput& in, const std::vector<std::string>& people,
                          const Person& who, UnixSeconds now) {
  SessionRequest r;
  r.meeting = meeting;
  r.group = in.group;
  r.state = in.sessions.size() > 2 ? SessionRequestState::needs_ad : SessionRequestState::pending;
  for (std::size_t i = 0; i < in.sessions.size(); ++i) {
    schedule::Session s;
    s.id = in.group + "-" + std::to_string(i + 1);
    s.group = in.group;
    s.order = static_cast<int>(i + 1);
    s.duration_min = in.sessions[i].first;
    s.attendees = in.sessions[i].second;
    s.joint_with = in.joint_with;
    r.sessions.push_back(std::move(s));
  }
  r.constraints = constraints_of(in, people);
  r.resources = in.resources;
  r.comments = in.comments;
  r.filed_by = who.email;
  r.filed_at = now;
  return r;
}

// The group as it stands in the directory, for the meeting's problem.
schedule::Group meeting_group(const Group& g) {
  schedule::Group out;
  out.acronym = g.acronym;
  out.area = g.area;
  out.ad = g.ad;
  out.area_meeting = g.type == "area";
  out.bof = g.type == "bof" || g.state == "bof";
  out.proposed_rg = g.type == "rg" && g.state == "proposed";
  return out;
}

Status approve_as_secretariat(PlanRepos r, SessionRequest& req) {
  if (req.state == SessionRequestState::needs_ad)
    return rejected("needs_ad_approval", "a third session needs the area director's approval first");
  auto g = r.directory.group(req.group);
  if (!g) return g.error();
  if (*g) {
    if (auto st = r.plan.save_group(req.meeting, meeting_group(**g)); !st) return st.error();
  }
  req.state = SessionRequestState::approved;
  return ok_status();
}

Result<bool> is_ad_for(DirectoryRepository& directory, const Person& who, const std::string& group) {
  if (who.has_role("iesg")) return true;
  auto g = directory.group(group);
  if (!g) return g.error();
  return *g && who.is_ad_of((*g)->area);
}

}  // namespace

namespace {
constexpr std::string_view kPersonPrefix = "person-";
}  // namespace

std::string person_ref(std::int64_t id) { return std::string(kPersonPrefix) + std::to_string(id); }

std::optional<std::int64_t> person_id_of(const std::string& ref) {
  const std::size_t n = kPersonPrefix.size();
  if (ref.size() <= n || ref.size() > n + 18 || !ref.starts_with(kPersonPrefix)) return std::nullopt;
  std::int64_t id = 0;
  for (std::size_t i = n; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
    id = id * 10 + (ref[i] - '0');
  }
  return id;
}

Result<Meeting> plan_meeting(MeetingRepository& meetings, const std::string& number) {
  auto m = meetings.find(number);
  if (!m) return m.error();
  if (!*m) return not_found("meeting_unknown", "there is no meeting " + number);
  return std::move(**m);
}

Result<RequestInput> request_from_json(const json& body) {
  if (auto st = jf::require_object(body); !st) return st.error();
  RequestInput in;
  auto group = jf::text(body, "group", {.max_chars = 40});
  if (!group) return group.error();
  if (!is_group_acronym(*group)) return jf::bad_value("group", "must be a group acronym like quic, got " + jf::show(body["group"]));
  in.group = *group;
  for (auto read : {read_sessions, read_conflicts, read_times, read_lists})
    if (auto st = read(body, in); !st) return st.error();
  if (auto st = check_not_own(in); !st) return st.error();
  return in;
}

Result<SessionRequest> file_request(PlanRepos r, const Auditor& audit, const Person& who, const std::string& meeting,
                                    const RequestInput& in, UnixSeconds now) {
  if (!who.is_secretariat() && !who.chairs(in.group))
    return forbidden("only a chair of " + in.group + " or the secretariat may request its sessions");
  auto m = plan_meeting(r.meetings, meeting);
  if (!m) return m.error();
  if (m->dispatch_mode == DispatchMode::consolidated && std::ranges::count(consolidated_dispatch_groups(), in.group))
    return rejected("consolidated_dispatch", meeting_title(*m) + " holds one consolidated dispatch session, joint with "
                                             "dispatch, secdispatch and gendispatch; it is already on the requests");
  if (auto st = check_groups_known(r.directory, in); !st) return st.error();
  auto people = people_known(r.people, in);
  if (!people) return people.error();
  auto existing = r.plan.requests(meeting);
  if (!existing) return existing.error();
  for (const auto& e : *existing)
    if (e.group == in.group)
      return conflict("request_exists", in.group + " has already asked for sessions at " + meeting_title(*m) +
                                            " (request " + std::to_string(e.id) + ")");
  SessionRequest req = request_of(meeting, in, *people, who, now);
  auto id = r.plan.save_request(req);
  if (!id) return id.error();
  req.id = *id;
  if (auto st = audit.record("session-request.file", audit_object::session_request(req.id), to_json(req).dump()); !st)
    return st.error();
  return req;
}

Result<SessionRequest> find_request(PlanRepository& plan, std::int64_t id) {
  auto req = plan.request(id);
  if (!req) return req.error();
  if (!*req) return not_found("request_unknown", "there is no session request " + std::to_string(id));
  return std::move(**req);
}

Result<SessionRequest> approve_request(PlanRepos r, const Auditor& audit, const Person& who, std::int64_t id,
                                       UnixSeconds now) {
  auto req = find_request(r.plan, id);
  if (!req) return req.error();
  if (req->state == SessionRequestState::approved)
    return conflict("already_approved", "session request " + std::to_string(id) + " is already approved");
  auto ad = is_ad_for(r.directory, who, req->group);
  if (!ad) return ad.error();
  if (req->state == SessionRequestState::needs_ad && *ad) {
    req->state = SessionRequestState::pending;
  } else if (who.is_secretariat()) {
    if (auto st = approve_as_secretariat(r, *req); !st) return st.error();
  } else {
    return forbidden("only the secretariat approves session requests (and the area director a third session)");
  }
  req->decided_by = who.email;
  req->decided_at = now;
  if (auto st = r.plan.save_request(*req); !st) return st.error();
  json detail = {{"state", to_string(req->state)}};
  if (auto st = audit.record("session-request.approve", audit_object::session_request(id), detail.dump()); !st)
    return st.error();
  return req;
}

std::vector<schedule::Constraint> conflicts_against(const std::vector<SessionRequest>& requests,
                                                    const std::string& group) {
  std::vector<schedule::Constraint> out;
  for (const auto& r : requests)
    for (const auto& c : r.constraints)
      if (c.target == group && c.group != group) out.push_back(c);
  return out;
}

const std::vector<std::string>& consolidated_dispatch_groups() {
  static const std::vector<std::string> groups = {"dispatch", "secdispatch", "gendispatch"};
  return groups;
}

namespace {

const std::vector<Group>& dispatch_directory_entries() {
  static const std::vector<Group> groups = {{"dispatch", "Dispatch", "dispatch", "art"},
                                            {"secdispatch", "Security Dispatch", "dispatch", "sec"},
                                            {"gendispatch", "General Area Dispatch", "dispatch", "gen"}};
  return groups;
}

SessionRequest consolidated_request(const Meeting& m, UnixSeconds now) {
  schedule::Session s;
  s.id = "alldispatch-1";
  s.group = "dispatch";
  s.order = 1;
  s.duration_min = 120;
  s.attendees = 300;
  s.joint_with = {"secdispatch", "gendispatch"};
  s.exclusive = true;
  SessionRequest r;
  r.meeting = m.number;
  r.group = "dispatch";
  r.state = SessionRequestState::approved;
  r.sessions = {s};
  r.comments = "The consolidated dispatch session (ALLDISPATCH): nothing else runs against it unless the IESG allows.";
  r.filed_by = r.decided_by = "secretariat";
  r.filed_at = r.decided_at = now;
  return r;
}

}  // namespace

Status add_consolidated_dispatch(PlanRepos r, const Auditor& audit, const Meeting& m, UnixSeconds now) {
  if (m.type != MeetingType::plenary || m.dispatch_mode != DispatchMode::consolidated) return ok_status();
  auto existing = r.plan.requests(m.number);
  if (!existing) return existing.error();
  if (std::ranges::count(*existing, std::string("dispatch"), &SessionRequest::group)) return ok_status();
  for (const auto& g : dispatch_directory_entries()) {
    auto known = r.directory.group(g.acronym);
    if (!known) return known.error();
    const Group& entry = *known ? **known : g;
    if (!*known)
      if (auto st = r.directory.save_group(g); !st) return st.error();
    if (auto st = r.plan.save_group(m.number, meeting_group(entry)); !st) return st.error();
  }
  auto id = r.plan.save_request(consolidated_request(m, now));
  if (!id) return id.error();
  return audit.record("session-request.file", audit_object::session_request(*id), R"({"consolidated_dispatch":true})");
}

Result<ExclusiveException> allow_against_exclusive(PlanRepos r, const Auditor& audit, const Person& who,
                                                   const std::string& meeting, const std::string& session,
                                                   const std::string& group, UnixSeconds now) {
  if (!who.is_iesg()) return forbidden("only the IESG may let a session run against an exclusive one");
  auto m = plan_meeting(r.meetings, meeting);
  if (!m) return m.error();
  auto requests = r.plan.requests(meeting);
  if (!requests) return requests.error();
  const schedule::Session* found = nullptr;
  for (const auto& req : *requests)
    for (const auto& s : req.sessions)
      if (s.id == session && req.state == SessionRequestState::approved) found = &s;
  if (!found) return not_found("session_unknown", meeting_title(*m) + " has no approved session '" + session + "'");
  if (!found->exclusive) return rejected("not_exclusive", "session " + session + " is not exclusive");
  auto g = r.directory.group(group);
  if (!g) return g.error();
  if (!*g) return rejected("unknown_group", "there is no group '" + group + "' in the directory");
  ExclusiveException e{session, group, who.email, now};
  if (auto st = r.plan.add_exception(meeting, e); !st) return st.error();
  json detail = {{"session", session}, {"group", group}};
  if (auto st = audit.record("exclusive.allow", audit_object::meeting(meeting), detail.dump()); !st) return st.error();
  return e;
}

json to_json(const SessionRequest& r) {
  return {{"id", r.id},
          {"meeting", r.meeting},
          {"group", r.group},
          {"state", to_string(r.state)},
          {"sessions", schedule::to_json(r.sessions)},
          {"constraints", schedule::to_json(r.constraints)},
          {"resources", r.resources},
          {"comments", r.comments},
          {"filed_at", format_utc(r.filed_at)},
          {"decided_at", r.decided_at ? json(format_utc(r.decided_at)) : json(nullptr)}};
}

}  // namespace convene
