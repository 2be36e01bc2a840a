// A Datatracker agenda brought in as a meeting: directory, plan, official
// schedule.
#include "convene/plan/datatracker_import.h"

#include <algorithm>
#include <set>

#include "convene/plan/problem_io.h"
#include "convene/plan/schedules.h"

namespace convene {

namespace {

bool is_dispatch(const std::string& acronym) {
  return acronym == "dispatch" || acronym == "secdispatch" || acronym == "gendispatch";
}

std::string directory_type(const schedule::DatatrackerGroup& g, bool bof) {
  if (is_dispatch(g.acronym)) return "dispatch";
  if (bof) return "bof";
  if (g.type == "wg" || g.type == "rg" || g.type == "iesg") return g.type;
  if (g.type == "ag" || g.type == "rag" || g.type == "area") return "area";
  return "program";
}

std::string directory_state(const std::string& state) {
  if (state == "bof" || state == "proposed") return state;
  if (state == "conclude" || state == "bof-conc" || state == "replaced" || state == "abandon" || state == "dormant")
    return "concluded";
  return "active";
}

// The "parent" entries that are areas: not the IETF and IAB themselves.
std::vector<schedule::DatatrackerArea> real_areas(const std::vector<schedule::DatatrackerArea>& parents) {
  std::vector<schedule::DatatrackerArea> out;
  for (const auto& a : parents)
    if (a.acronym != "ietf" && a.acronym != "iab") out.push_back(a);
  return out;
}

std::set<std::string> bof_groups(const schedule::Problem& p) {
  std::set<std::string> out;
  for (const auto& g : p.groups)
    if (g.bof) out.insert(g.acronym);
  return out;
}

Status add_areas(DirectoryRepository& directory, const std::vector<schedule::DatatrackerArea>& areas) {
  auto known = directory.areas();
  if (!known) return known.error();
  for (const auto& a : areas) {
    if (std::ranges::count(*known, a.acronym, &Area::acronym)) continue;
    if (auto st = directory.save_area({a.acronym, a.name.empty() ? a.acronym : a.name, "active"}); !st) return st;
  }
  return ok_status();
}

Status add_groups(DirectoryRepository& directory, const schedule::DatatrackerAgenda& agenda,
                  const std::vector<schedule::DatatrackerArea>& areas) {
  const auto bofs = bof_groups(agenda.problem);
  for (const auto& g : agenda.groups) {
    auto known = directory.group(g.acronym);
    if (!known) return known.error();
    if (*known) continue;
    if (auto st = directory.save_group(directory_group(g, bofs.contains(g.acronym), areas)); !st) return st;
  }
  return ok_status();
}

Status add_official(PlanRepos r, JobRepository& jobs, const Auditor& audit, const Person& who,
                    const schedule::DatatrackerAgenda& agenda, UnixSeconds now) {
  const std::string& number = agenda.meeting_number;
  VersionInput in{"official", agenda.official, std::nullopt};
  if (auto v = add_version(r, jobs, audit, who, number, in, now); !v) return v.error();
  return make_official(r, jobs, audit, who, number, "official", now);
}

}  // namespace

Group directory_group(const schedule::DatatrackerGroup& g, bool is_bof,
                      const std::vector<schedule::DatatrackerArea>& areas) {
  Group out;
  out.acronym = g.acronym;
  out.name = g.name.empty() ? g.acronym : g.name;
  out.type = directory_type(g, is_bof || g.state == "bof");
  out.state = directory_state(g.state);
  if (std::ranges::count(areas, g.parent, &schedule::DatatrackerArea::acronym)) out.area = g.parent;
  return out;
}

Result<DatatrackerImport> import_datatracker_agenda(PlanRepos r, JobRepository& jobs, const Auditor& audit,
                                                    const Person& who, const schedule::DatatrackerAgenda& agenda,
                                                    UnixSeconds now) {
  if (!who.is_secretariat()) return forbidden("only the secretariat may import a Datatracker agenda");
  const auto areas = real_areas(agenda.areas);
  if (auto st = add_areas(r.directory, areas); !st) return st.error();
  if (auto st = add_groups(r.directory, agenda, areas); !st) return st.error();
  const auto& p = agenda.problem;
  if (auto st = import_problem(r, audit, who, agenda.meeting_number, p, now); !st) return st.error();
  if (auto st = add_official(r, jobs, audit, who, agenda, now); !st) return st.error();
  return DatatrackerImport{p.sessions.size(), p.rooms.size(), p.groups.size()};
}

}  // namespace convene
