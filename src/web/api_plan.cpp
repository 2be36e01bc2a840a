// The meeting plan's JSON API (issue 12, items 2-6): rooms, the timeslot
// grid, session requests, exclusive exceptions, the problem in and out,
// schedule versions and the jobs that solve them.
#include <algorithm>

#include "api_support.h"
#include "services.h"
#include "convene/meeting/json_fields.h"
#include "convene/meeting/service.h"
#include "convene/plan/datatracker_import.h"
#include "convene/plan/problem_io.h"
#include "convene/schedule/datatracker_agenda.h"
#include "convene/plan/schedules.h"

namespace convene::web {

using nlohmann::json;

namespace {

// Errors of a signed-in write, or fn's answer.
template <class F>
Response signed_in(Context& ctx, const Request& req, F fn) {
  auto who = api_person(ctx, req);
  if (!who) return http::error(who.error());
  return fn(*who);
}

}  // namespace

Response api_list_rooms(Context& ctx, const Request& req) {
  const std::string n = req.param("number");
  auto rooms = in_read<std::vector<MeetingRoom>>(ctx, [&](Repositories& r) -> Result<std::vector<MeetingRoom>> {
    if (auto m = find_meeting(r.meetings(), n); !m) return m.error();
    return r.plan().rooms(n);
  });
  if (!rooms) return http::error(rooms.error());
  return http::json(200, {{"rooms", listed(*rooms)}});
}

Response api_add_room(Context& ctx, const Request& req) {
  return with_input(ctx, req, room_from_json, [&](const Person& who, const RoomInput& in) {
    return answer(in_write<MeetingRoom>(ctx, [&](Repositories& r) {
                    return add_room(plan_repos(r), auditor(ctx, r, who), who, req.param("number"), in);
                  }),
                  201);
  });
}

Response api_list_timeslots(Context& ctx, const Request& req) {
  const std::string n = req.param("number");
  auto out = in_read<json>(ctx, [&](Repositories& r) -> Result<json> {
    auto m = find_meeting(r.meetings(), n);
    if (!m) return m.error();
    auto slots = r.plan().timeslots(n);
    if (!slots) return slots.error();
    json list = json::array();
    for (const auto& t : *slots) list.push_back(to_json(t, m->time_zone));
    return json{{"time_zone", m->time_zone}, {"timeslots", list}};
  });
  if (!out) return http::error(out.error());
  return http::json(200, *out);
}

Response api_add_timeslots(Context& ctx, const Request& req) {
  return with_input(ctx, req, grid_from_json, [&](const Person& who, const TimeslotGrid& grid) {
    auto added = in_write<json>(ctx, [&](Repositories& r) -> Result<json> {
      auto m = find_meeting(r.meetings(), req.param("number"));
      if (!m) return m.error();
      auto slots = add_timeslots(plan_repos(r), auditor(ctx, r, who), who, m->number, grid);
      if (!slots) return slots.error();
      json list = json::array();
      for (const auto& t : *slots) list.push_back(to_json(t, m->time_zone));
      return json{{"added", list}};
    });
    if (!added) return http::error(added.error());
    return http::json(201, *added);
  });
}

Response api_remove_timeslot(Context& ctx, const Request& req) {
  return signed_in(ctx, req, [&](const Person& who) {
    auto st = in_write<Ok>(ctx, [&](Repositories& r) {
      return remove_timeslot(plan_repos(r), auditor(ctx, r, who), who, req.param("number"), req.param("id"));
    });
    if (!st) return http::error(st.error());
    return http::json(200, {{"removed", req.param("id")}});
  });
}

Response api_list_session_requests(Context& ctx, const Request& req) {
  const std::string n = req.param("number");
  auto list = in_read<std::vector<SessionRequest>>(ctx, [&](Repositories& r) -> Result<std::vector<SessionRequest>> {
    if (auto m = find_meeting(r.meetings(), n); !m) return m.error();
    return r.plan().requests(n);
  });
  if (!list) return http::error(list.error());
  return http::json(200, {{"session_requests", listed(*list)}});
}

Response api_file_session_request(Context& ctx, const Request& req) {
  return with_input(ctx, req, request_from_json, [&](const Person& who, const RequestInput& in) {
    return answer(in_write<SessionRequest>(ctx, [&](Repositories& r) {
                    return file_request(plan_repos(r), auditor(ctx, r, who), who, req.param("number"), in, ctx.now());
                  }),
                  201);
  });
}

Response api_get_session_request(Context& ctx, const Request& req) {
  auto id = parse_id(req.param("id"), "session request");
  if (!id) return http::error(id.error());
  auto out = in_read<json>(ctx, [&](Repositories& r) -> Result<json> {
    auto found = find_request(r.plan(), *id);
    if (!found) return found.error();
    auto all = r.plan().requests(found->meeting);
    if (!all) return all.error();
    json j = to_json(*found);
    j["conflicts_against"] = schedule::to_json(conflicts_against(*all, found->group));
    return j;
  });
  if (!out) return http::error(out.error());
  return http::json(200, *out);
}

Response api_approve_session_request(Context& ctx, const Request& req) {
  auto id = parse_id(req.param("id"), "session request");
  if (!id) return http::error(id.error());
  return signed_in(ctx, req, [&](const Person& who) {
    return answer(in_write<SessionRequest>(ctx, [&](Repositories& r) {
      return approve_request(plan_repos(r), auditor(ctx, r, who), who, *id, ctx.now());
    }));
  });
}

Result<ExclusiveInput> exclusive_input_from_json(const json& body) {
  if (auto st = json_fields::require_object(body); !st) return st.error();
  auto session = json_fields::text(body, "session", {.max_chars = 80});
  if (!session) return session.error();
  auto group = json_fields::text(body, "group", {.max_chars = 40});
  if (!group) return group.error();
  return ExclusiveInput{*session, *group};
}

Response api_allow_against_exclusive(Context& ctx, const Request& req) {
  return with_input(ctx, req, exclusive_input_from_json, [&](const Person& who, const ExclusiveInput& in) {
    auto e = in_write<ExclusiveException>(ctx, [&](Repositories& r) {
      return allow_against_exclusive(plan_repos(r), auditor(ctx, r, who), who, req.param("number"), in.session,
                                     in.group, ctx.now());
    });
    if (!e) return http::error(e.error());
    return http::json(201, {{"session", e->session},
                            {"group", e->group},
                            {"approved_by", e->approved_by},
                            {"approved_at", format_utc(e->approved_at)}});
  });
}

Response api_get_problem(Context& ctx, const Request& req) {
  auto p = in_read<schedule::Problem>(ctx, [&](Repositories& r) { return export_problem(plan_repos(r), req.param("number")); });
  if (!p) return http::error(p.error());
  return http::json(200, schedule::to_json(*p));
}

Response api_put_problem(Context& ctx, const Request& req) {
  return with_input(ctx, req, schedule::problem_from_json, [&](const Person& who, const schedule::Problem& p) {
    auto st = in_write<Ok>(ctx, [&](Repositories& r) {
      return import_problem(plan_repos(r), auditor(ctx, r, who), who, req.param("number"), p, ctx.now());
    });
    if (!st) return http::error(st.error());
    return http::json(201, {{"meeting", req.param("number")},
                            {"rooms", p.rooms.size()},
                            {"timeslots", p.timeslots.size()},
                            {"sessions", p.sessions.size()},
                            {"constraints", p.constraints.size()}});
  });
}

Response api_list_schedules(Context& ctx, const Request& req) {
  auto list = in_read<std::vector<VersionView>>(ctx, [&](Repositories& r) {
    return list_versions(plan_repos(r), r.jobs(), req.param("number"));
  });
  if (!list) return http::error(list.error());
  json out = json::array();
  for (const auto& v : *list) out.push_back(to_json(v, false));
  return http::json(200, {{"schedules", out}});
}

Response api_add_schedule(Context& ctx, const Request& req) {
  return with_input(ctx, req, version_from_json, [&](const Person& who, const VersionInput& in) {
    auto v = in_write<ScheduleVersion>(ctx, [&](Repositories& r) {
      return add_version(plan_repos(r), r.jobs(), auditor(ctx, r, who), who, req.param("number"), in, ctx.now());
    });
    if (!v) return http::error(v.error());
    if (v->job) return http::json(202, {{"name", v->name}, {"job", *v->job}});
    return http::json(201, {{"name", v->name}});
  });
}

Response api_get_schedule(Context& ctx, const Request& req) {
  auto v = in_read<VersionView>(ctx, [&](Repositories& r) {
    return find_version(plan_repos(r), r.jobs(), req.param("number"), req.param("name"));
  });
  if (!v) return http::error(v.error());
  return http::json(200, to_json(*v, true));
}

Response api_make_official(Context& ctx, const Request& req) {
  return signed_in(ctx, req, [&](const Person& who) {
    auto st = in_write<Ok>(ctx, [&](Repositories& r) {
      return make_official(plan_repos(r), r.jobs(), auditor(ctx, r, who), who, req.param("number"), req.param("name"),
                           ctx.now());
    });
    if (!st) return http::error(st.error());
    return http::json(200, {{"official", req.param("name")}});
  });
}

Response api_cancel_schedule(Context& ctx, const Request& req) {
  return signed_in(ctx, req, [&](const Person& who) {
    auto st = in_write<Ok>(ctx, [&](Repositories& r) {
      return cancel_version(plan_repos(r), r.jobs(), auditor(ctx, r, who), who, req.param("number"), req.param("name"),
                            ctx.now());
    });
    if (!st) return http::error(st.error());
    return http::json(200, {{"cancelled", req.param("name")}});
  });
}

Response api_compare_schedules(Context& ctx, const Request& req) {
  auto diff = in_read<json>(ctx, [&](Repositories& r) {
    return compare_versions(plan_repos(r), r.jobs(), req.param("number"), req.param("a"), req.param("b"));
  });
  if (!diff) return http::error(diff.error());
  return http::json(200, *diff);
}

// The meeting's zone: ?time_zone=, else the known zone of an IETF meeting
// numbered as the file's top-level key.
Result<std::string> agenda_zone(const Request& req) {
  if (auto tz = query(req, "time_zone"); !tz.empty()) return tz;
  nlohmann::json doc = nlohmann::json::parse(req.body, nullptr, false);
  if (doc.is_object() && doc.size() == 1)
    if (auto zone = schedule::ietf_meeting_time_zone(doc.begin().key())) return std::string(*zone);
  return invalid("missing_field", "time_zone: give the meeting's zone as ?time_zone= (e.g. Europe/London)");
}

Response api_import_datatracker_agenda(Context& ctx, const Request& req) {
  return signed_in(ctx, req, [&](const Person& who) {
    auto zone = agenda_zone(req);
    if (!zone) return http::error(zone.error());
    auto agenda = schedule::read_datatracker_agenda(req.body, *zone);
    if (!agenda) return http::error(agenda.error());
    auto done = in_write<DatatrackerImport>(ctx, [&](Repositories& r) {
      return import_datatracker_agenda(plan_repos(r), r.jobs(), auditor(ctx, r, who), who, *agenda, ctx.now());
    });
    if (!done) return http::error(done.error());
    return http::json(201, {{"meeting", agenda->meeting_number},
                            {"sessions", done->sessions},
                            {"rooms", done->rooms},
                            {"groups", done->groups},
                            {"skipped", agenda->skipped.size()}});
  });
}

Response api_get_job(Context& ctx, const Request& req) {
  auto id = parse_id(req.param("id"), "job");
  if (!id) return http::error(id.error());
  auto job = in_read<std::optional<Job>>(ctx, [&](Repositories& r) { return r.jobs().find(*id); });
  if (!job) return http::error(job.error());
  if (!*job) return http::error(not_found("job_unknown", "there is no job " + std::to_string(*id)));
  const Job& j = **job;
  const UnixSeconds end = j.finished_at ? j.finished_at : ctx.now();
  json out = {{"id", j.id},
              {"kind", j.kind},
              {"state", to_string(j.state)},
              {"created_at", format_utc(j.created_at)},
              {"elapsed_s", j.started_at ? end - j.started_at : 0},
              {"progress", json::parse(j.progress, nullptr, false)}};
  json result = json::parse(j.result, nullptr, false);
  if (result.is_object() && result.contains("cost")) out["cost"] = result["cost"];
  if (j.state == JobState::failed) out["error"] = j.error;
  return http::json(200, out);
}

}  // namespace convene::web
