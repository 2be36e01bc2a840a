// A meeting's plan in and out as a scheduling problem
// (convene-schedule-problem/1): the secretariat loads a whole set of
// requests at once, and the solver and the agenda read the plan as one.
#pragma once

#include <string>

#include "convene/plan/service.h"
#include "convene/schedule/problem.h"

namespace convene {

// Loads `problem` into meeting `number`, whose plan must be empty: its
// rooms, timeslots, the groups as they stand for the meeting, one approved
// request per group (its sessions and the constraints it declares), the
// exclusive exceptions (as approved by `who`), the fixed placements and the
// penalty overrides. Groups and areas missing from the directory are added
// (named by their acronym). A meeting that does not exist is created from
// the problem (its zone, the first and last day of its timeslots, the
// Internet-Draft cutoff two weeks before). Errors: forbidden (not the
// secretariat), plan_not_empty (conflict). Nothing is written on error.
Status import_problem(PlanRepos r, const Auditor& audit, const Person& who, const std::string& number,
                      const schedule::Problem& problem, UnixSeconds now);

// The meeting's plan as a problem: every approved request's sessions and
// constraints, the exceptions in each exclusive session's exclusive_allow.
// The result has passed problem_from_json. Errors: meeting_unknown,
// plan_invalid (internal: the stored plan does not make a valid problem).
Result<schedule::Problem> export_problem(PlanRepos r, const std::string& number);

}  // namespace convene
