// Cost model 1 of formats/schedule-problem.md: feasibility of a schedule,
// its cost broken down by term, and every violated constraint with the
// sessions involved, so people can see why a schedule costs what it costs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "convene/core/result.h"
#include "convene/schedule/problem.h"
#include "convene/schedule/schedule.h"

namespace convene::schedule {

struct TermTotal {
  Term term = Term::unscheduled;
  int count = 0;
  std::int64_t cost = 0;  // count times the term's penalty
};

// One violated rule: the term, how many times it counts, and who is involved.
struct Violation {
  Term term = Term::unscheduled;
  int count = 0;
  std::int64_t cost = 0;
  std::vector<std::string> sessions;  // session ids, in the order they matter
  std::string detail;                 // for people, e.g. "quic in thursday-morning"
};

struct CostReport {
  std::int64_t total = 0;
  std::vector<TermTotal> terms;         // only terms with count > 0, in Term order
  std::vector<Violation> violations;    // ordered by term, then sessions
  int scheduled = 0;                    // sessions placed
};

// Checks the feasibility rules: every assignment names a known session and
// timeslot, a session is placed at most once, a timeslot holds at most one
// session, sessions sharing a group never overlap, fixed assignments are
// kept. Errors name the offending items: "schedule_unknown_session",
// "schedule_unknown_timeslot" (invalid), "schedule_session_twice",
// "schedule_slot_taken", "schedule_group_overlap", "schedule_fixed_moved"
// (rejected). REQUIRES: `problem` came from problem_from_json().
Status check_schedule(const Problem& problem, const Schedule& schedule);

// The cost of a feasible schedule, by term, with its violations.
// Errors: those of check_schedule().
Result<CostReport> evaluate(const Problem& problem, const Schedule& schedule);

// {"cost": N, "terms": {name: {"count", "cost"}}, "violations": [...]}.
nlohmann::json to_json(const CostReport& report);

}  // namespace convene::schedule
