// Cost model 1, one function per term (formats/schedule-problem.md). Each
// returns how many times its term counts for the given sessions and, when
// `why` is not null, sets it to a short justification a person can read.
// Internal to the schedule library; Model tables these and evaluate() uses
// them to explain a schedule, so both always agree.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model.h"

namespace convene::schedule {

// Slot per session (-1: unscheduled) and session per slot (-1: empty).
struct Placement {
  explicit Placement(const Model& m)
      : slot_of(m.session_count(), -1), session_in(m.slot_count(), -1) {}
  std::vector<int> slot_of;
  std::vector<int> session_in;
};

// Terms of one session in one slot.
int trim_count(const Model& m, int s, int t, std::string* why);
int timerange_count(const Model& m, int s, int t, std::string* why);

// Terms of two sessions whose slots overlap; symmetric in a and b.
using PairCount = int (*)(const Model& m, int a, int b, std::string* why);
struct PairRule {
  Term term;
  PairCount count;
};
std::span<const PairRule> pair_rules();
// True when s is exclusive and o's group is not allowed against it.
bool excludes(const Model& m, int s, int o);

// Terms of one group (own-group sessions) under a placement.
int out_of_order_count(const Model& m, const Placement& p, int g, std::string* why);
int time_relation_count(const Model& m, const Placement& p, int g, std::string* why);
// wg_adjacent for one placed session s.
int wg_adjacent_count(const Model& m, const Placement& p, int s, std::string* why);

// The weighted sum of the three group terms of group g.
std::int64_t group_cost(const Model& m, const Placement& p, int g);
// True when a group term of a group that session s affects costs.
bool pays_group_term(const Model& m, const Placement& p, int s);

}  // namespace convene::schedule
