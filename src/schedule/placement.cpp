#include "evaluate.h"

namespace convene::schedule {

std::int64_t tabled_cost(const Model& m, const Placement& p) {
  std::int64_t cost = 0;
  for (int s = 0; s < m.session_count(); ++s) {
    const int t = p.slot_of[s];
    if (t < 0) {
      cost += m.penalty(Term::unscheduled);
      continue;
    }
    cost += m.unary_cost(s, t);
    for (int u : m.overlapping[t]) {
      if (p.session_in[u] > s) cost += m.pair_cost(s, p.session_in[u]);
    }
  }
  for (int g = 0; g < static_cast<int>(m.sessions_of.size()); ++g) cost += group_cost(m, p, g);
  return cost;
}

Schedule to_schedule(const Model& m, const Placement& p) {
  Schedule out;
  for (int s = 0; s < m.session_count(); ++s) {
    if (p.slot_of[s] >= 0) {
      out.assignments.push_back({m.problem->sessions[s].id, m.problem->timeslots[p.slot_of[s]].id});
    }
  }
  return out;
}

}  // namespace convene::schedule
