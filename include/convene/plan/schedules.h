// Schedule versions of a meeting: stored as given, or made by the solver as
// a background job; costed against the meeting's current plan; one of them
// official; any two compared. Each use case runs in the caller's
// transaction and is given the time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/jobs/job.h"
#include "convene/plan/service.h"
#include "convene/schedule/cost.h"
#include "convene/schedule/schedule.h"

namespace convene {

struct SolveRequest {
  double time_limit_s = 30;    // 1 to 3600
  std::uint64_t seed = 1;
  std::string start;           // a version to start from; "" for none
};

// {"name": "draft-1", "schedule": {convene-schedule/1}} or {"name", "solve":
// {"time_limit_s", "seed"?, "start"?}}: a name of 1-64 letters, digits, '-',
// '_' or '.', and exactly one of the two.
struct VersionInput {
  std::string name;
  std::optional<schedule::Schedule> schedule;
  std::optional<SolveRequest> solve;
};
Result<VersionInput> version_from_json(const nlohmann::json& body);

// A version as read: its state ("ready", or its job's "queued", "running",
// "failed", "cancelled"), its assignments once ready (from the job's result
// for a solved one), and its cost against the current plan when feasible.
struct VersionView {
  ScheduleVersion version;
  std::string state;
  std::optional<Job> job;
  std::optional<schedule::CostReport> cost;
  std::string infeasible;      // why the plan no longer admits it, "" if it does
};

// Stores a given schedule (checked feasible against the plan: rejected with
// the check's code otherwise) or enqueues a "solve" job for the plan and
// stores the version pointing at it. The secretariat only. Errors:
// forbidden, meeting_unknown, schedule_exists, start_unknown (no such
// version to start from, or it is not ready).
Result<ScheduleVersion> add_version(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                                    const std::string& meeting, const VersionInput& in, UnixSeconds now);
// Every version of the meeting, in creation order. Errors: meeting_unknown.
Result<std::vector<VersionView>> list_versions(PlanRepos r, JobRepository& jobs, const std::string& meeting);
// One version. Errors: meeting_unknown, schedule_unknown.
Result<VersionView> find_version(PlanRepos r, JobRepository& jobs, const std::string& meeting,
                                 const std::string& name);
// The official version, if any (no cost computed). Errors: meeting_unknown.
Result<std::optional<VersionView>> official_version(PlanRepos r, JobRepository& jobs, const std::string& meeting);
// Makes `name` official: ready and feasible. Each session whose placement
// differs from the previous official version has its sequence raised. The
// secretariat only. Errors: forbidden, meeting_unknown, schedule_unknown,
// schedule_not_ready, plus the feasibility check's.
Status make_official(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                     const std::string& meeting, const std::string& name, UnixSeconds now);

// A session of a group at a meeting, where the meeting's official schedule
// puts it (no slot: not placed, or no official schedule yet).
struct GroupSession {
  std::string meeting;
  std::string session;
  SessionRequestState state = SessionRequestState::pending;
  std::optional<schedule::Timeslot> slot;
  std::string room;       // the slot's room name
  std::string time_zone;  // the meeting's
};
// Every session `group` asked for, at every meeting, newest meeting first
// (by request). Sessions of requests not yet approved are listed too.
Result<std::vector<GroupSession>> sessions_of_group(PlanRepos r, const std::string& group);

// Stops the solver job of version `name` (queued or running): the version
// stays, cancelled. The secretariat only. Errors: forbidden,
// meeting_unknown, schedule_unknown, not_solving (conflict: no job, or it
// already ended).
Status cancel_version(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                      const std::string& meeting, const std::string& name, UnixSeconds now);

// {"from", "to", "moved": [{"session", "from", "to"}] (timeslot ids, null
// when unplaced), "cost": {"from", "to", "difference"}, "terms": {name:
// difference}}. Errors: those of find_version, schedule_not_ready.
Result<nlohmann::json> compare_versions(PlanRepos r, JobRepository& jobs, const std::string& meeting,
                                        const std::string& a, const std::string& b);

// {"name", "official", "state", "cost", "bound", "gap", "created_at",
// "job"} (who made it stays private: it is an e-mail address); with `detail`, also the convene-schedule/1
// "format"/"assignments" and every violation.
nlohmann::json to_json(const VersionView& v, bool detail);

}  // namespace convene
