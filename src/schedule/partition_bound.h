// Internal: the set-partitioning lower bound (docs/schedule-solver.md,
// issue 9's eighteenth round). Where no two periods overlap one another,
// two sessions overlap exactly when they share a period, so a schedule is a
// partition of the sessions into periods (a part no larger than its
// period's slots) plus those left out. Each part costs its pair terms and
// each session's least per-slot cost in the period; the group terms and
// the seating into rooms are left out, which only lowers a schedule's cost.
// The LP relaxation of that model, solved by column generation (CLP for
// the master, a greedy and a local search for each period's cheapest part
// by reduced cost, and when they find none an exact branch and bound), is
// then a lower bound on every schedule.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "model.h"

namespace convene::schedule {

// True when no two of the model's periods overlap in time.
bool periods_disjoint(const Model& m);
// True when periods_disjoint(m) and the problem is small enough (1 to
// 2,000 sessions) for the method.
bool partition_applies(const Model& m);

// The least per-slot cost of session s in period q (the partition model
// prices a session in a period at it: rooms are left out).
std::int64_t least_in_period(const Model& m, int s, int q);

// The LP's dual solution once it converged: what partition_allowed() needs.
struct PartitionDuals {
  std::vector<double> session;  // per session (its row: in exactly one part)
  std::vector<double> period;   // per period (its row: at most one part), never positive
  std::vector<double> least;    // per period: its least reduced cost, never positive
  double lagrangian = 0;        // the bound before rounding
};

struct PartitionBound {
  std::int64_t bound = 0;  // proven: no schedule costs less (0: nothing proven)
  bool converged = false;  // bound is the LP's optimum (rounded up to the penalties' gcd)
  int parts = 0;           // columns generated
  PartitionDuals duals;    // filled when converged
};

// The bound, rounded up to a multiple of m.penalty_gcd(); what was proven
// when the deadline stopped it (every round of exact pricing proves one).
// Nothing proven where !partition_applies(m). Leaves m unchanged.
PartitionBound partition_bound(const Model& m, std::chrono::steady_clock::time_point deadline);

// Reduced-cost fixing: per session and period, 0 where no schedule costing
// at most `target` puts the session in that period (the bound with the
// session forced there, a Lagrangian one from b's duals, is above target),
// else 1. Where b did not converge, all 1; where the deadline passed, the
// pairs not yet looked at stay 1.
// REQUIRES: b = partition_bound(m, ...). Leaves m unchanged.
std::vector<std::vector<char>> partition_allowed(const Model& m, const PartitionBound& b, std::int64_t target,
                                                 std::chrono::steady_clock::time_point deadline);

}  // namespace convene::schedule
