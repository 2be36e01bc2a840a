// A past IETF meeting brought in whole from its Datatracker agenda.json:
// the directory's groups and areas, the meeting's plan, and the schedule
// the IETF published, made official.
#pragma once

#include <cstddef>
#include <vector>

#include "convene/jobs/job.h"
#include "convene/plan/service.h"
#include "convene/schedule/datatracker_agenda.h"

namespace convene {

// What an import brought in: the plan's sessions, rooms and groups.
struct DatatrackerImport {
  std::size_t sessions = 0;
  std::size_t rooms = 0;
  std::size_t groups = 0;
};

// The directory group a Datatracker group becomes: its name (the acronym
// when the file has none); its type, one of group_types(): dispatch for
// dispatch, secdispatch and gendispatch, bof for a BoF (`is_bof` or state
// "bof"), else "wg", "rg" and "iesg" as they are, area for "ag", "rag" and
// "area", program for anything else; its state, one of group_states()
// (Datatracker's concluded, replaced, abandoned and dormant groups are
// concluded); its parent as area when the parent is one of `areas`, else "".
Group directory_group(const schedule::DatatrackerGroup& g, bool is_bof,
                      const std::vector<schedule::DatatrackerArea>& areas);

// Creates meeting agenda.meeting_number from a read Datatracker agenda:
// adds the areas (the "parent" entries other than "ietf" and "iab") and
// groups of the file the directory lacks, with their real names (existing
// ones are never overwritten); loads agenda.problem (import_problem); stores
// agenda.official as schedule version "official" (add_version) and makes it
// official (make_official). The secretariat only. Errors: forbidden,
// plan_not_empty, and those of the calls. REQUIRES: the caller's one write
// transaction, so that nothing is kept on error.
Result<DatatrackerImport> import_datatracker_agenda(PlanRepos r, JobRepository& jobs, const Auditor& audit,
                                                    const Person& who, const schedule::DatatrackerAgenda& agenda,
                                                    UnixSeconds now);

}  // namespace convene
