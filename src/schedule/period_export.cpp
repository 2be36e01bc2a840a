// schedule_periods PROBLEM.json OUT.json: writes what the set-partitioning
// experiment (bench/schedule/partition_lp.py, docs/schedule-solver.md,
// eighteenth round) reads: per session its least per-slot cost in each
// period, each period's start, length and slot ids, and every pair of
// sessions that costs when they overlap (-1: they may never overlap).
// Only for problems whose periods never overlap one another: then two
// sessions overlap exactly when they share a period, and the per-period
// costs with the group terms left out are a relaxation of the problem.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "convene/schedule/problem.h"
#include "model.h"
#include "partition_bound.h"

namespace convene::schedule {
namespace {

nlohmann::json export_periods(const Model& m) {
  const int n = m.session_count(), periods = static_cast<int>(m.period_slots.size());
  nlohmann::json out{{"unscheduled", m.penalty(Term::unscheduled)}};
  for (int s = 0; s < n; ++s) {
    nlohmann::json least = nlohmann::json::array();
    for (int q = 0; q < periods; ++q) least.push_back(least_in_period(m, s, q));
    const int fixed = m.fixed_slot[s] >= 0 ? m.period_of[m.fixed_slot[s]] : -1;
    out["sessions"].push_back({{"id", m.problem->sessions[s].id}, {"fixed", fixed}, {"unary", least}});
  }
  for (int q = 0; q < periods; ++q) {
    const auto& slot = m.slots[m.period_slots[q].front()];
    nlohmann::json ids = nlohmann::json::array();
    for (int t : m.period_slots[q]) ids.push_back(m.problem->timeslots[t].id);
    out["periods"].push_back({{"start", slot.start}, {"minutes", slot.duration_min}, {"slots", ids}});
  }
  out["pairs"] = nlohmann::json::array();
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      const std::int64_t w = m.overlap_weight(a, b);
      if (w != 0) out["pairs"].push_back({a, b, m.clash(a, b) ? -1 : w});
    }
  }
  return out;
}

}  // namespace
}  // namespace convene::schedule

int main(int argc, char** argv) {
  using namespace convene::schedule;
  if (argc != 3) {
    std::fprintf(stderr, "usage: schedule_periods PROBLEM.json OUT.json\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "schedule_periods: cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto problem = parse_problem(text.str());
  if (!problem) {
    std::fprintf(stderr, "schedule_periods: %s: %s\n", argv[1], problem.error().message.c_str());
    return 1;
  }
  const Model m(*problem);
  if (!periods_disjoint(m)) {
    std::fprintf(stderr, "schedule_periods: %s: some periods overlap; the partition model needs disjoint periods\n",
                 argv[1]);
    return 1;
  }
  std::ofstream(argv[2]) << export_periods(m).dump() << '\n';
  return 0;
}
