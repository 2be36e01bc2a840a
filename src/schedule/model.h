// The problem compiled for evaluation and search: everything indexed by
// position, local times worked out once, and the cost of every
// (session, slot) and every overlapping (session, session) pair tabled.
// Internal to the schedule library.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "convene/schedule/problem.h"

namespace convene::schedule {

struct SlotInfo {
  UnixSeconds start = 0;
  UnixSeconds end = 0;
  int room = 0;
  int duration_min = 0;
  std::optional<int> capacity;
  std::int64_t local_day = 0;  // days since epoch, meeting time zone
  TimeRange range;             // weekday and day part, meeting time zone
};

// A constraint of a group, with its target group resolved (-1: none or not meeting).
struct Rule {
  const Constraint* constraint = nullptr;
  int target = -1;
};

struct Model {
  // REQUIRES: `problem` came from problem_from_json() and outlives the model.
  explicit Model(const Problem& problem);

  int session_count() const { return static_cast<int>(problem->sessions.size()); }
  int slot_count() const { return static_cast<int>(slots.size()); }
  bool overlap(int a, int b) const { return slots[a].start < slots[b].end && slots[b].start < slots[a].end; }
  std::int64_t unary_cost(int s, int t) const { return unary[s * slot_count() + t]; }
  // Cost of a and b overlapping; 0 for pairs that share a group (they never
  // overlap in a feasible schedule, see clash()).
  std::int64_t pair_cost(int a, int b) const {
    const std::int64_t w = weight[a * session_count() + b];
    return w >= kClash ? 0 : w;
  }
  // True when sessions a and b share a group and so must never overlap.
  bool clash(int a, int b) const { return weight[a * session_count() + b] >= kClash; }
  // What placing a and b in overlapping slots costs: pair_cost, or kClash
  // when they share a group (infeasible). Sums of up to 8000 stay in range.
  std::int64_t overlap_weight(int a, int b) const { return weight[a * session_count() + b]; }
  static constexpr std::int64_t kClash = std::int64_t{1} << 50;
  std::int64_t penalty(Term term) const { return problem->penalties[term]; }
  // The greatest common divisor of all penalties (at least 1): every cost is a multiple of it.
  std::int64_t penalty_gcd() const;

  const Problem* problem;
  std::vector<SlotInfo> slots;
  std::vector<std::vector<int>> overlapping;  // per slot: the other slots it overlaps
  std::vector<std::vector<int>> adjacent;     // per slot: same room, gap 0..30 minutes
  std::vector<std::vector<int>> room_slots;   // per room: its slots
  // Periods: slots with the same start and end. Per slot its period; per
  // period its slots, largest room first (no capacity counts as largest).
  std::vector<int> period_of;
  std::vector<std::vector<int>> period_slots;
  std::vector<int> own_group;                 // per session: index into problem->groups
  std::vector<std::vector<int>> groups_of;    // per session: P(s), sorted group indices
  std::vector<std::vector<int>> sessions_of;  // per group: sessions whose own group it is
  std::vector<std::vector<Rule>> rules_of;    // per group: its constraints
  std::vector<std::vector<int>> affected;     // per session: groups whose group terms it can change
  std::vector<int> fixed_slot;                // per session: slot index, or -1
  std::vector<std::int64_t> unary;            // sessions x slots
  std::vector<std::int64_t> weight;           // sessions x sessions, see overlap_weight()
  std::vector<char> has_group_terms;          // per group: some group term can count
  std::vector<std::vector<int>> term_groups;  // per session: affected groups with group terms

  // Index of a session / timeslot by id, or -1.
  int session_index(const std::string& id) const;
  int slot_index(const std::string& id) const;
};

}  // namespace convene::schedule
